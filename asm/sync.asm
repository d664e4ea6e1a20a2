; sync - write cached data to storage: sync(2) with no operand; with
; operands, each file is opened and given fsync(2), or fdatasync(2) with
; -d, or syncfs(2) (its whole file system) with -f.
;
; Usage: sync [-d | -f] [FILE]...
;   -d, --data         fdatasync: the data and only the metadata it needs
;   -f, --file-system  syncfs: the file system that holds each FILE
; Long options may be any unambiguous prefix. A FILE is opened read-only
; and non-blocking (a fifo does not hang); a file that cannot be opened
; so is tried write-only (devices), and the read error is the one
; reported.
; Exit status: 0; 1 when a FILE fails ("sync: error opening 'F': Reason",
; "error syncing", "failed to close", "couldn't reset non-blocking mode";
; the other operands are still synced), for a bad option, for -d with
; -f ("sync: cannot specify both --data and --file-system") or for -d
; without a FILE ("sync: --data needs at least one argument").
; Differences from GNU: --help and --version are not supported.

%include "subk.inc"
use getopt_long, err_plain, fs_msg, errno_path, errno_tree

_start:
	getopt_start                    ; xsi = xdi = xsp = &argv[1], xbx = 0
	xor ebp, ebp                    ; ebp: 1 -d, 2 -f
.opt:
	call getopt_long
	jc .options_done
	and eax, 3                      ; 'd' = 0x64, 'f' = 0x66: 0 and 2
	jnz .f
	inc eax
.f:
	or ebp, eax
	jmp .opt
.options_done:
	mov esi, msg_both
	cmp ebp, 3
	je .die
	cmp xdi, xsp
	jne .operand
	mov esi, msg_data
	cmp ebp, 1
	je .die
	sys sync
	jmp .bye
.die:
	call err_plain
	exit 1

; Each operand: [xsp] = its name while it is synced, then the fd pushed
; over it (the system calls clobber the argument registers); ebp = the
; mode: 0 fsync, 1 fdatasync, 2 syncfs.
.operand:
	pop xdx
	test xdx, xdx
	jz .bye
	push xdx
	sys open, xdx, O_RDONLY|O_NONBLOCK|O_LARGEFILE
	test eax, eax
	jns .opened
	push xax                        ; the read error
	sys open, [xsp+W], O_WRONLY|O_NONBLOCK|O_LARGEFILE
	pop xdx
	test eax, eax
	jns .opened
	xchg eax, edx
	mov esi, msg_open
.fail:
	pop xdx
	call err_af
	jmp .operand
.opened:
	push xax                        ; [xsp] = fd, [xsp+W] = name
	sys fcntl, eax, F_GETFL
	test eax, eax
	js .reset_failed
	and ah, ~(O_NONBLOCK >> 8)
	sys fcntl, [xsp], F_SETFL, eax
	test eax, eax
	jns .reset
.reset_failed:
	mov esi, msg_reset
	mov xdx, [xsp+W]
	call err_af
	jmp .close
.reset:
	movzx eax, word [xbp*2 + syncs]
	mov A1, [xsp]
	SYSCALL
	test eax, eax
	jns .close
	mov esi, msg_syncing
	mov xdx, [xsp+W]
	call err_af
.close:
	pop A1
	sys close
	test eax, eax
	mov esi, msg_close
	js .fail
	pop xax
	jmp .operand
.bye:
	exit_status

syncs:		dw SYS_fsync, SYS_fdatasync, SYS_syncfs
msg_both:	db 'cannot specify both --data and --file-system', 0
msg_data:	db '--data needs at least one argument', 0
msg_open:	db 'error opening ', 0
msg_reset:	db "couldn't reset non-blocking mode ", 0
msg_syncing:	db 'error syncing ', 0
msg_close:	db 'failed to close ', 0
OPTSPEC:	db 'df', 0
LONGOPTS:
	db 'd', 'data', 0
	db 'f', 'file-system', 0
	db '?', 'help', 0
	db '?', 'version', 0
	db 0

BSS
QBUFSZ	equ 131072 + 4 * 131072 + 64
qbuf:	resb QBUFSZ

program_end
