; link - make a hard link: link FILE1 FILE2 is link(2) of FILE1 as FILE2
; (FILE1 itself when it is a symlink: links are not followed).
;
; Usage: link FILE1 FILE2
; No options: a word starting with "-" (not "-" alone) anywhere before a
; "--" is GNU's invalid/unrecognized option; "--" ends the options.
; Exit status: 0; 1 for a missing or extra operand, an option, or a failed
; link ("link: cannot create link 'FILE2' to 'FILE1': Reason").
; Differences from GNU: --help and --version are not supported.

%include "subk.inc"
use fs_operands, usage, extra_operand, fs_msg, fs_missing, scan_flags, errno_path, errno_tree

_start:
	pop_argv0                       ; xsp = &argv[1]
	call operands                   ; xdx = the first operand
	mov xbx, xdx                    ; xbx = FILE1
	pop xbp                         ; xbp = FILE2
	test xbp, xbp
	jz .one
	pop xdx
	test xdx, xdx
	jnz extra_operand
	push xbx                        ; (i386's A1)
	mov A2, xbx
	mov A4, xbp
	sys linkat, AT_FDCWD, , AT_FDCWD, , 0
	pop xbx
	test eax, eax
	jns .bye
	push xax
	mov esi, msg_link
	mov xdx, xbp
	call af_start
	mov esi, str_to
	call af_put
	mov xsi, xbx
	call quote_af
	pop xax
	call err_tail
.bye:
	exit_status
.one:
	mov xdx, xbx
	mov esi, fmt_after
	jmp usage_say

msg_link:	db 'cannot create link ', 0
str_to:		db ' to ', 0
fmt_after:	db F_ARGV0, ': missing operand after ', F_QUOTE, 10, F_TRY, 0

OPTSPEC:	db 0

BSS
QBUFSZ	equ 2 * 131072 + 4 * 2 * 131072 + 64
qbuf:	resb QBUFSZ

program_end
