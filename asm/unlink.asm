; unlink - remove one name with unlink(2): never a directory, never
; following a symlink.
;
; Usage: unlink FILE
; No options: a word starting with "-" (not "-" alone) anywhere before a
; "--" is GNU's invalid/unrecognized option; "--" ends the options.
; Exit status: 0; 1 for a missing or extra operand, an option, or a failed
; unlink ("unlink: cannot unlink 'FILE': Reason").
; Differences from GNU: --help and --version are not supported.

%include "subk.inc"
use fs_operands, usage, extra_operand, fs_msg, fs_missing, scan_flags, errno_path, errno_tree

_start:
	pop_argv0                       ; xsp = &argv[1]
	call operands                   ; xdx = FILE
	pop xax
	test xax, xax
	jz .unlink
	xchg xax, xdx
	jmp extra_operand
.unlink:
	push xdx
	sys unlinkat, AT_FDCWD, xdx, 0
	pop xdx
	mov esi, msg_unlink
	test eax, eax
	jns .bye
	call err_af
.bye:
	exit_status

msg_unlink:	db 'cannot unlink ', 0

OPTSPEC:	db 0

BSS
QBUFSZ	equ 131072 + 4 * 131072 + 64
qbuf:	resb QBUFSZ

program_end
