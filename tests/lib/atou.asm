; atou - test program for atou and utoa: parses each argument as an
; unsigned decimal word and prints it back ("N rest=..." where rest is what
; follows the digits), or "error" when atou says no digit or overflow.
%include "subk.inc"
use atou, utoa, write_str
_start:
	lea xbp, [xsp+2*W]
.next:
	mov xsi, [xbp]
	test xsi, xsi
	jz .end
	add xbp, W
	call atou
	jc .error
	push xsi                ; the rest
	mov edi, line+30
	call utoa
	mov A2, xdi
	push 1
	pop A1
	call write_str
	mov A2d, rest
	call write_str
	pop A2
	call write_str
	mov A2d, newline
	call write_str
	jmp .next
.error:
	mov A2d, error
	push 1
	pop A1
	call write_str
	jmp .next
.end:
	exit 0
rest:		db ' rest=', 0
error:		db 'error'
newline:	db 10, 0
BSS
line:	resb 32                 ; utoa's digits end at line+30, a NUL after
program_end
