; realpath - print the resolved absolute file name.
;
; Usage: realpath [-eLmPqsz] [--relative-to=DIR] [--relative-base=DIR] FILE...
;   -e, --canonicalize-existing  every component must exist
;   -m, --canonicalize-missing   no component needs to exist
;       (the default: all but the last component must exist)
;   -L, --logical                resolve ".." before symlinks
;   -P, --physical               resolve symlinks as met (the default)
;   -q, --quiet                  say nothing about a FILE that failed
;   -s, --strip, --no-symlinks   do not resolve symlinks
;   -z, --zero                   end each name with NUL, not newline
;   --relative-to=DIR            print names relative to DIR
;   --relative-base=DIR          names under DIR relative (to DIR, or to
;                                --relative-to's DIR when that is under
;                                it), the others absolute
; Long options may be shortened to any unambiguous prefix.
; Exit status: 0; 1 when a FILE failed ("realpath: FILE: Reason"), for a
; DIR that fails (then at once), a missing operand, a bad option or a
; write error ("realpath: write error: Reason" at the end).
; Differences from GNU: --help and --version are not supported
; ("unrecognized option"). A name whose canonical form is over 256 KiB
; fails (ENAMETOOLONG); see rt/canonicalize.inc for its loop detection.

%define FAST_SYSCALL                    ; i386: the vDSO's entry after 32 calls
%define CAN_WALK_COLD                   ; (canonicalize's walk up: cold)
%include "subk.inc"
%include "rt/canonicalize_consts.inc"
%include "layout.inc"
use getopt_long, err_file, canonicalize, put_line, put_sync, relpath, write_all

OPTSPEC:	db 'eLmPqsz', 0
LONGOPTS:
	db 'e', 'canonicalize-existing', 0
	db 'm', 'canonicalize-missing', 0
	db 'T' | 0x80, 'relative-to', 0
	db 'B' | 0x80, 'relative-base', 0
	db 'q', 'quiet', 0
	db 's', 'strip', 0
	db 's', 'no-symlinks', 0
	db 'z', 'zero', 0
	db 'L', 'logical', 0
	db 'P', 'physical', 0
	db '?', 'help', 0
	db '?', 'version', 0
	db 0
fmt_missing_op:	db F_ARGV0, ': missing operand', 10, F_TRY, 0
msg_write:	db 'write error', 0

_start:
	fast_syscall_init counted       ; i386: int 0x80 for the first 32 calls
	save_argv0
	getopt_init
	mov byte [term], 10
	mov dword [afree], can_out
; The scan state is in xsi, xdi, xbx: the options only set bytes.
.opt:
	call getopt_long
	jc .opts_done
	cmp al, 'T'
	jne .not_to
	mov [relto], xdx
.not_to:
	cmp al, 'B'
	jne .not_base
	mov [base], xdx
.not_base:
	cmp al, 'q'
	jne .not_q
	mov [quiet], al
.not_q:
	cmp al, 'z'
	jne .not_z
	mov byte [term], 0
.not_z:
	mov ah, [mode]
	cmp al, 'L'
	je .links_off
	cmp al, 's'
	jne .not_s
.links_off:
	or ah, CAN_NOLINKS
.not_s:
	cmp al, 'P'
	jne .not_p
	and ah, ~CAN_NOLINKS
.not_p:
	cmp al, 'e'
	jne .not_e
	and ah, CAN_NOLINKS
	or ah, CAN_EXISTING
.not_e:
	cmp al, 'm'
	jne .not_m
	and ah, CAN_NOLINKS
	or ah, CAN_MISSING
.not_m:
	mov [mode], ah
	cmp al, 'L'
	sete ah
	cmp al, 's'
	je .set_logical
	cmp al, 'P'
	je .set_logical
	cmp al, 'L'
	jne .opt
.set_logical:
	mov [logical], ah
	jmp .opt

; The operands are at &argv[1] up to xdi; xbp walks them.
.opts_done:
	lea xbp, [xsp + 2*W]
	cmp xdi, xbp
	je .missing
	mov xax, [base]
	cmp WPTR [relto], 0
	jne .relto
	mov [relto], xax
.relto:
	mov xsi, [relto]
	test xsi, xsi
	jz .each
	call dir_arg            ; (the DIRs' canonical forms stay where
	mov eax, [afree]        ; canonicalize put them: each FILE's after)
	mov [relto_can], eax
	inc edi
	mov [afree], edi
	mov xsi, [base]
	test xsi, xsi
	jz .each
	cmp xsi, [relto]
	je .base_set            ; the same DIR
	call dir_arg
	mov edx, [relto_can]
	mov esi, [afree]
	call path_prefix        ; (keeps edi)
	mov eax, [afree]
	jne .base_not_prefix
	inc edi
	mov [afree], edi
	jmp short .base_set
.base_not_prefix:               ; --relative-to outside: a no-op
	xor eax, eax
	mov [relto_can], eax
.base_set:
	mov [base_can], eax

.each:
	mov xsi, [xbp]
	test xsi, xsi
	jz .end
	call canon
	jc .failed
	mov esi, [afree]
	mov edx, [relto_can]
	test edx, edx
	jz .print
	push xdx
	mov edx, [base_can]
	test edx, edx
	jz .relative
	xchg esi, edx
	call path_prefix        ; is the name under the base?
	mov esi, [afree]
	jne .absolute
.relative:
	pop xdx
	inc edi                 ; (past the name)
	push xdi
	call relpath
	pop xsi
	jmp short .print
.absolute:
	pop xdx
.print:                         ; the name at esi..edi, then the terminator
	mov al, [term]
	stosb
	call put_line
.next:
	add xbp, W
	jmp .each
.failed:
	mov STATUSb, 1
	cmp byte [quiet], 0
	jne .next
	push xax
	call put_sync
	pop xax
	mov xsi, [xbp]
	call err_file
	jmp .next
.end:
	put_exit sync_err       ; (and .missing)

; canon - xsi = a name -> as canonicalize with the options' mode, the
; result at [afree]; -L canonicalizes without symlinks, then that result
; with them.
canon:
	mov al, [mode]
	mov edi, [afree]
	call canonicalize
	jc .ret
	cmp byte [logical], 0
	je .ret
	mov esi, [afree]
	mov edi, esi
	mov al, [mode]
	and al, ~CAN_NOLINKS
	call canonicalize
.ret:
	ret

; dir_arg - xsi = DIR of --relative-to/--relative-base, canonicalized at
; [afree] (xdi its end); with -e it must be a directory. A failure is
; "realpath: DIR: Reason" and exit 1.
dir_arg:
	push xsi
	call canon
	pop xsi
	jc .die
	mov al, [mode]
	and al, 3
	cmp al, CAN_EXISTING
	jne .ret
	push xsi
	push xdi
	mov word [xdi], '/'     ; "DIR/" is accessible only for a directory
	sys access, [afree], 0
	pop xdi
	pop xsi
	mov byte [xdi], 0
	test eax, eax
	jz .ret
	push byte -ENOTDIR
	pop xax
.die:
	call err_file
	exit 1
.ret:
	ret

; path_prefix - coreutils' path_prefix: esi = PREFIX, edx = a name (both
; canonical, absolute) -> ZF=1 when PREFIX is "/" or the name is PREFIX
; or under it. clobbers xax, esi, edx
path_prefix:
	inc esi
	inc edx
	cmp byte [xsi], 0
	je .ret                 ; "/": ZF=1
.cmp:
	lodsb
	test al, al
	jz .end
	cmp al, [xdx]
	jne .ret                ; ZF=0
	inc edx
	jmp .cmp
.end:
	mov al, [xdx]
	test al, al
	jz .ret
	cmp al, '/'
.ret:
	ret

; One page holds the end of the rest buffer, the variables and the start
; of the results (a trivial run's other page: put_buf's start).
BSS
CAN_BSS 64, 256
relto:	resW 1                  ; --relative-to's DIR, or 0
base:	resW 1                  ; --relative-base's DIR, or 0
relto_can: resd 1               ; their canonical forms, or 0
base_can: resd 1
mode:	resb 1                  ; the CAN_ mode
logical: resb 1                 ; -L
quiet:	resb 1
sync_err: resb 1
term:	resb 1
afree:	resW 1                  ; where the next result goes
%define LONGOPT_BSS_HERE        ; long_opt's, here: ambp is written
ambp:	resd 1                  ; by a long option
GLOBALS_HERE
; the DIRs' canonical forms, a FILE's, and its relative name
can_out: resb 3 * CAN_OUT + 3 * CAN_MAX
ambbuf:	resb 512                ; (only for an ambiguous one)
TEXT

program_end
