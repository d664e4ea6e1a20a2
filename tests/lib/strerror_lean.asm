; strerror_lean - the lean error path (ERR_LEAN, as the first utilities
; build it): for every errno 1..133, err_quoted with an empty TEXT and the
; operand "a b" (quote()'s 'a b', inline in say), every group of texts
; included. tests/lib.bats compares the output with glibc's strerror, as
; for strerror.asm.
%include "subk.inc"
%define ERR_LEAN
use err_quoted, errno_path, errno_tree, errno_exec, errno_dev
_start:
	pop_argv0
	xor ebp, ebp
.next:
	inc ebp
	mov xax, xbp
	neg xax
	mov esi, empty
	mov edx, operand
	call err_quoted
	cmp ebp, 133
	jb .next
	exit_status
operand: db 'a b'
empty:	db 0
program_end
