; uname - print system information.
;
; Usage: uname [-asnrvmpio]
;   -s kernel name (the default)   -n node name      -r kernel release
;   -v kernel version              -m machine        -p processor
;   -i hardware platform           -o operating system
;   -a all of them but -p and -i, which are "unknown" on Linux
; The fields come out in this order, whatever the order of the options,
; separated by spaces, on one line.
; Exit status: 0; 1 for a bad option, an operand, or a write error.
; Differences from GNU: no long options.
;
; uname(2) fills a struct new_utsname: six fields of 65 bytes (sysname,
; nodename, release, version, machine, domainname), NUL-terminated. The
; line is built over that struct, on the stack, and written at once.

%include "subk.inc"
%define ERR_LEAN                ; error.inc's smaller forms (no utoa here)
%define ERR_NO_STATUS           ; (its exits give their own status)
%define GETOPT_PERMUTE          ; (scan_flags: POSIXLY_CORRECT not looked at: README)

UTS_FIELD equ 65                ; __NEW_UTS_LEN + 1
ALL       equ 0x9f              ; s n r v m o (bits 0-4 and 7)

use usage, scan_flags, extra_operand

_start:
	pop_argv0
	pmov xsi, xsp
	call scan_flags         ; edx: bit 0 = -a, bits 1-8 = s n r v m p i o
	pop xcx                 ; the first operand, or NULL
	jxcxz .options
	pmov xdx, xcx
	jmp extra_operand
.options:
	shr edx, 1              ; CF = -a; edx = the fields, in output order
	jnz .given
	inc edx                 ; none: -s (inc keeps CF)
.given:
	jnc .fields
	mov dl, ALL
.fields:
	enter 6 * UTS_FIELD, 0  ; the struct, on the stack
	pmov A1, xsp
	pmov xbp, A1
	sys uname               ; fails only for a bad address (EFAULT)

; edx = the fields still to print, ecx the next one's number (its bit),
; esi its text; edi builds the line over the struct (each field is copied
; down, never past the fields not yet read), a space before each field:
; the line starts after the first one, at xbp (the byte below is free:
; nothing else writes below xsp until the next call).
	lea xdi, [xbp - 1]
.field:
	bsf ecx, edx
	jz .end
	btr edx, ecx
	imul esi, ecx, UTS_FIELD
	add xsi, xbp
	cmp cl, 5
	jb .separator
	lea esi, [xcx + 1]      ; -p, -i: unknown; -o (7): 8 bytes on
	and esi, 8
	add esi, unknown
.separator:
	mov al, ' '
.copy:
	stosb
	lodsb
	test al, al
	jnz .copy
	jmp .field
.end:
	mov al, 10
	stosb
	sub edi, ebp
	mov A3d, edi
	pmov A2, xbp
	write_stdout msg_write_error, .exit     ; (eax = 0 when it worked)
	mov al, 1               ; the status (exit keeps its low byte)
.exit:
	xchg eax, A1d
	sys exit

unknown:	db 'unknown', 0         ; 8 bytes: gnu_linux follows
gnu_linux:	db 'GNU/Linux', 0
msg_write_error: db 'write error', 0
OPTSPEC:	db 'asnrvmpio', 0

program_end
