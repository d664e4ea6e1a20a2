; readlink - print the target of a symbolic link, or a canonical file name.
;
; Usage: readlink [-efmnqsvz] FILE...
;   (none)  print the target of each FILE that is a symlink
;   -f      canonicalize: follow every symlink; all but the last component
;           must exist
;   -e      the same, and every component must exist
;   -m      the same, and no component needs to exist
;   -n      no newline after the name (ignored, with a message, when there
;           are several FILEs)
;   -q, -s  quiet: say nothing about a failure (the default)
;   -v      verbose: say why a FILE failed ("readlink: FILE: Reason")
;   -z      end each name with a NUL byte instead of a newline
; Exit status: 0; 1 when a FILE failed, for a missing operand, a bad
; option or a write error ("readlink: write error: Reason" at the end).
; Stdout is flushed before each -v message, as glibc's error() does (one
; merged 2>&1 stream in GNU's order); a flush that failed there is told
; at the end as close_stdout: "write error" with close(1)'s reason.
; Long options: --canonicalize (-f), --canonicalize-existing (-e),
; --canonicalize-missing (-m), --no-newline, --quiet, --silent, --verbose,
; --zero, or any unambiguous prefix of them.
; Differences from GNU: --help and --version are not supported
; ("unrecognized option"). A name
; whose canonical form is over 256 KiB fails (ENAMETOOLONG); see
; rt/canonicalize.inc for its loop detection.

%define FAST_SYSCALL                    ; i386: the vDSO's entry after 32 calls
%include "subk.inc"
%include "rt/canonicalize_consts.inc"
%include "layout.inc"
use getopt_long, err_file, canonicalize, put_line, put_sync, write_all

OPTSPEC:	db 'efmnqsvz', 0
LONGOPTS:
	db 'f', 'canonicalize', 0
	db 'e', 'canonicalize-existing', 0
	db 'm', 'canonicalize-missing', 0
	db 'n', 'no-newline', 0
	db 'q', 'quiet', 0
	db 's', 'silent', 0
	db 'v', 'verbose', 0
	db 'z', 'zero', 0
	db '?', 'help', 0
	db '?', 'version', 0
	db 0
fmt_missing_op:	db F_ARGV0, ': missing operand', 10, F_TRY, 0
fmt_ignoring:	db F_ARGV0, ': ignoring --no-newline with multiple arguments', 10, 0
msg_write:	db 'write error', 0

_start:
	fast_syscall_init counted       ; i386: int 0x80 for the first 32 calls
	save_argv0
	getopt_init
	mov byte [term], 10
.opt:
	call getopt_long
	jc .opts_done
	cmp al, 'n'
	jne .not_n
	mov [no_nl], al
.not_n:
	cmp al, 'z'
	jne .not_z
	mov byte [term], 0
.not_z:
	cmp al, 'v'
	je .verbose
	cmp al, 'q'
	je .quiet
	cmp al, 's'
	je .quiet
; e f m: mode = 0x80 | CAN_EXISTING, CAN_ALL_BUT_LAST, CAN_MISSING
	mov ah, 0x80 | CAN_EXISTING
	cmp al, 'e'
	je .set_mode
	mov ah, 0x80 | CAN_ALL_BUT_LAST
	cmp al, 'f'
	je .set_mode
	mov ah, 0x80 | CAN_MISSING
	cmp al, 'm'
	jne .opt                ; n, z
.set_mode:
	mov [mode], ah
	jmp .opt
.verbose:
	mov byte [verbose], 1
	jmp .opt
.quiet:
	mov byte [verbose], 0
	jmp .opt

; The operands are at &argv[1] up to xdi.
.opts_done:
	lea xbp, [xsp + 2*W]
	mov xax, xdi
	sub xax, xbp
	jz .missing
	cmp xax, W
	je .each
	cmp byte [no_nl], 0
	je .each
	mov byte [no_nl], 0
	mov esi, fmt_ignoring
	mov edx, esi            ; (no ARG)
	xor eax, eax
	call say
.each:
	mov xsi, [xbp]
	test xsi, xsi
	jz .end
	mov al, [mode]
	test al, al
	jz .link
	and al, 0x7f
	mov edi, can_out
	call canonicalize
	jc .failed
	mov esi, can_out
	jmp short .print
.link:
	sys readlink, xsi, can_out, CAN_LINK   ; (can_out: next to the variables)
	test eax, eax
	js .failed
	mov esi, can_out
	lea edi, [esi + eax]
.print:                         ; the name at esi..edi, then the terminator
	mov al, [term]
	stosb
	cmp byte [no_nl], 0
	je .write
	dec edi
.write:
	call put_line
.next:
	add xbp, W
	jmp .each
.failed:
	mov STATUSb, 1
	cmp byte [verbose], 0
	je .next
	push xax
	call put_sync                   ; (glibc's error() flushes stdout)
	pop xax
	mov xsi, [xbp]
	call err_file
	jmp .next
.end:
	put_exit sync_err       ; (and .missing)

; One page holds the end of the rest buffer, the variables and the start
; of can_out (a trivial run's other page: put_buf's start).
BSS
CAN_BSS 64, 256
mode:	resb 1                  ; 0: readlink(2); else 0x80 | CAN_ mode
no_nl:	resb 1
term:	resb 1
verbose: resb 1
sync_err: resb 1                ; a failed put_sync (put_exit's)
%define LONGOPT_BSS_HERE        ; long_opt's, here: ambp is written
ambp:	resd 1                  ; by a long option
GLOBALS_HERE
can_out: resb CAN_OUT           ; canonicalize's result, or readlink(2)'s
ambbuf:	resb 512                ; (only for an ambiguous one)
TEXT

program_end
