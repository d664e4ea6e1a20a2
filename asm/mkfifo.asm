; mkfifo - make named pipes (FIFOs).
;
; Usage: mkfifo [-m MODE] NAME...
;   -m, --mode=MODE  their mode, octal or symbolic (as chmod reads it from a
;                    starting mode of a=rw), set exactly whatever the umask;
;                    only permission bits (no setuid/setgid/sticky)
; Without -m the mode is a=rw less the umask. Long options may be any
; unambiguous prefix.
; Exit status: 0; 1 when a FIFO could not be made ("mkfifo: cannot create
; fifo 'N': Reason"; the others are still made), for a bad option, or an
; invalid MODE ("mkfifo: invalid mode", "mkfifo: mode must specify only
; file permission bits").
; -Z, --context[=CTX] as GNU where the kernel has neither SELinux nor
; SMACK: nothing done (--context=CTX: GNU's warning).
; Differences from GNU: with SELinux or SMACK, -Z/--context set no context;
; --help and --version are not supported.

%define FS_MODE_OCTAL_OP                ; mode_parse: "=644", "u+x,-022" (an octal after an operator)
%define FAST_SYSCALL                    ; i386: the vDSO's entry after 32 calls
%define LONGOPT_OPTIONAL                ; --context[=CTX]
%include "subk.inc"
use getopt_long, fs_mode, mode_opt, err_plain, fs_msg, fs_missing, errno_path, errno_tree

_start:
	fast_syscall_init counted       ; i386: int 0x80 for the first 32 calls
	getopt_start                    ; xsi = xdi = xsp = &argv[1], xbx = 0
	xor ebp, ebp                    ; xbp = MODE, or 0
.opt:
	call getopt_long
	jc .options_done
	context_opt .opt
	mov xbp, xdx                    ; (-m, the other option)
	jmp .opt
.options_done:
	cmp xdi, xsp
	je missing_operand
	call mode_opt
	mov [mode], eax

; Each operand: [xsp] = its name. mknod(S_IFIFO | mode); with -m, then
; chmod to the mode exactly.
.operand:
	mov xdx, [xsp]
	test xdx, xdx
	jz .bye
	mov A2, xdx
	mov A3d, [mode]
	or A3d, S_IFIFO
	sys mknodat, AT_FDCWD, , , 0
	mov esi, msg_create
	test eax, eax
	js .failed
	test xbp, xbp
	jz .next
	sys fchmodat, AT_FDCWD, [xsp], [mode]
	mov esi, msg_chmod
	test eax, eax
	jns .next
.failed:
	mov xdx, [xsp]
	call err_af
.next:
	pop xax
	jmp .operand
.bye:
	exit_status

msg_create:	db 'cannot create fifo ', 0
msg_chmod:	db 'cannot set permissions of ', 0
OPTSPEC:	db 'm:Z', 0
LONGOPTS:                               ; in GNU's order (its ambiguity lists)
	db CTX_OPT | 0x80, 'context', 0
	db 'm'|0x80, 'mode', 0
	db '?', 'help', 0
	db '?', 'version', 0
	db 0

BSS
QBUFSZ	equ 131072 + 4 * 131072 + 64
qbuf:	resb QBUFSZ
mode:	resd 1

program_end
