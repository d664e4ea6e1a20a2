; quote - test program for err_file's quoting: for each argument NAME,
; "ARGV0: NAME: No such file or directory" with NAME quoted as GNU's cat
; quotes it. tests/lib.bats compares with GNU cat on missing files.
%include "subk.inc"
use err_file, errno_path
_start:
	pop_argv0
	mov xbp, xsp
.next:
	mov xsi, [xbp]
	test xsi, xsi
	jz .end
	push -ENOENT
	pop xax
	call err_file
	add xbp, W
	jmp .next
.end:
	exit_status
program_end
