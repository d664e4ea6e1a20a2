; getopt - test program for getopt with the spec "abn:". Prints each option
; on a line ("a", or "n=ARG"), then "--", then each operand on a line.
%include "subk.inc"
use write_str
_start:
	save_argv0
	getopt_init
.option:
	call getopt
	jc .operands
	push xsi                ; the scan state, across the system calls
	push xdi
	push xbx
	push xdx
	mov [line], al
	mov byte [line+1], 10
	cmp al, 'n'
	jne .flag
	mov byte [line+1], '='
	sys write, 1, line, 2
	pop A2
	push A2
	call write_str
	mov byte [line+1], 10
	sys write, 1, line+1, 1
	jmp .next
.flag:
	sys write, 1, line, 2
.next:
	pop xdx
	pop xbx
	pop xdi
	pop xsi
	jmp .option
.operands:
	mov A2d, dashes
	push 1
	pop A1
	call write_str
	lea xbp, [xsp+2*W]
.operand:
	mov A2, [xbp]
	test A2, A2
	jz .end
	push 1
	pop A1
	call write_str
	sys write, 1, dashes+2, 1
	add xbp, W
	jmp .operand
.end:
	exit 0
OPTSPEC:	db 'abn:', 0
dashes:		db '--', 10, 0
BSS
line:	resb 2
program_end
