; strerror - test program for the error routine: for every errno 1..133,
; err_file with the operand "a b" (quoted as GNU quotes it), every group of
; texts included. tests/lib.bats compares the output with glibc's strerror.
%include "subk.inc"
use err_file, errno_path, errno_tree, errno_exec, errno_dev
_start:
	save_argv0
	xor ebp, ebp
.next:
	inc ebp
	mov xax, xbp
	neg xax
	mov esi, operand
	call err_file
	cmp ebp, 133
	jb .next
	exit_status
operand: db 'a b', 0
program_end
