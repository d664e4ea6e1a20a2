; strcmp - test program for strcmp and envp_at_start: prints "<", "=" or
; ">" comparing argv[1] with argv[2], then the first variable of the
; environment, each on a line.
%include "subk.inc"
use strcmp, write_str
_start:
	envp_at_start xbp
	mov xsi, [xsp+2*W]
	mov xdi, [xsp+3*W]
	mov byte [line], '='
	call strcmp
	je .out
	mov byte [line], '<'
	jb .out
	mov byte [line], '>'
.out:
	mov byte [line+1], 10
	sys write, 1, line, 2
	mov A2, [xbp]
	push 1
	pop A1
	call write_str
	sys write, 1, line+1, 1
	exit 0
BSS
line:	resb 2
program_end
