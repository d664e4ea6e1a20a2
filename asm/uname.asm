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
; line is built in a buffer and written at once.

%include "subk.inc"

UTS_FIELD equ 65                ; __NEW_UTS_LEN + 1
ALL       equ 0x9f              ; s n r v m o (bits 0-4 and 7)

use usage, scan_flags, extra_operand

_start:
	pop_argv0
	mov xsi, xsp
	call scan_flags         ; edx: bit 0 = -a, bits 1-8 = s n r v m p i o
	mov ebp, edx
	mov xdx, [xsp]
	test xdx, xdx
	jnz extra_operand
	shr ebp, 1              ; CF = -a; ebp = the fields, in output order
	jnc .not_all
	mov ebp, ALL
.not_all:
	test ebp, ebp
	jnz .fields
	inc ebp                 ; -s
.fields:
	sys uname, uts          ; fails only for a bad address (EFAULT)

; ecx = the field's number, esi its text; edi builds the line, a space
; before each field (the line starts after the first one).
	xor ecx, ecx
	mov edi, line
.field:
	shr ebp, 1
	jnc .next
	imul esi, ecx, UTS_FIELD
	add esi, uts
	cmp cl, 5
	jb .separator
	mov esi, unknown
	cmp cl, 7
	jb .separator
	mov esi, gnu_linux
.separator:
	mov al, ' '
	stosb
.copy:
	lodsb
	test al, al
	jz .next
	stosb
	jmp .copy
.next:
	inc ecx
	test ebp, ebp
	jnz .field
	mov al, 10
	stosb
	mov A3, xdi
	sub A3d, line + 1
	mov A2d, line + 1
	push 1
	pop A1
	call write_all
	jns .exit
	mov esi, msg_write_error
	call err_text
.exit:
	exit_status

unknown:	db 'unknown', 0
gnu_linux:	db 'GNU/Linux', 0
msg_write_error: db 'write error', 0
OPTSPEC:	db 'asnrvmpio', 0

BSS
uts:	resb 6 * UTS_FIELD
line:	resb 6 * UTS_FIELD + 20
TEXT

program_end
