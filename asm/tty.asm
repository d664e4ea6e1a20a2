; tty - print the file name of the terminal on standard input.
;
; Usage: tty [-s]
;   -s  print nothing, only the exit status
; The name is found as glibc's ttyname finds it: stdin must be a terminal
; (TCGETS); /proc/self/fd/0 names it (less a leading "(unreachable)") when
; that name is the same file as stdin (the same inode number, device and
; rdev); else /dev/pts, then /dev, are searched for an entry with stdin's
; inode number that is the same file.
; Exit status: 0; 1 when stdin is not a terminal ("not a tty"); 2 for a
; bad option or an operand; 3 when the output cannot be written.
; Differences from GNU: no long options. glibc's last resort, a statx of
; every entry of /dev whatever its inode number (which can only find a
; symlink to the terminal, once /proc and the inode search have failed),
; is not done; a /dev/pts that cannot be opened does not stop the search.
;
; The buffers are on the stack (so there is no RW segment): xbp points at
; the name buffer, the statx of a name and the directory entries follow
; it. stdin's statx goes 144 bytes below it: the fields compared (stx_ino
; at 0x20, stx_rdev_* and stx_dev_* at 0x80) all lie below the name, which
; may overwrite the rest of that statx.

%include "subk.inc"
%define ERR_LEAN                ; error.inc's smaller forms (no utoa here)

%define USAGE_STATUS 2
TTY_STDIN_NOTTY equ 1
TTY_WRITE_ERROR equ 3
TCGETS      equ 0x5401          ; asm-generic/ioctls.h
STX_KEPT    equ 0x90            ; the bytes of stdin's statx that are used
TTY_INO     equ STX_INO - STX_KEPT      ; their places from xbp
TTY_RDEV    equ STX_RDEV - STX_KEPT
NAME_END    equ 0x30 - STX_KEPT         ; a free word among them
D_RECLEN    equ 16              ; struct linux_dirent64: d_ino at 0
D_NAME      equ 19
NAME_SIZE   equ 4096
DENTS_SIZE  equ 4096
UNREACHABLE_LEN equ 13          ; "(unreachable)"
STX_NAME    equ NAME_SIZE       ; the statx of a name, from xbp
DENTS       equ STX_NAME + 256  ; the directory entries, from xbp
FRAME       equ STX_KEPT + DENTS + DENTS_SIZE

use usage, scan_flags, extra_operand, strlen, copystr

_start:
	pop_argv0
	mov xsi, xsp
	call scan_flags         ; dl bit 0 = -s
	pop xcx                 ; the first operand, or NULL
	jxcxz .no_operand
	mov xdx, xcx
	jmp extra_operand
.no_operand:
	lea xbp, [xsp - FRAME + STX_KEPT]       ; (the frame comes later)
	push xdx                ; kept across the system call
	sys ioctl, 0, TCGETS, xbp       ; the termios lands in the buffer
	pop xdx
	test dl, dl
	jz .loud
	shr eax, 31             ; -s: 1 for an error, else 0
	xchg eax, A1d
	sys exit
.loud:
	test eax, eax
	js not_tty
; The frame, only now: a run whose stdin is no terminal touches no stack
; page below the one it started on.
	lea xsp, [xbp - STX_KEPT]

; stdin's statx, then /proc's name for it.
	sys statx, 0, proc_fd0 + PROC_FD0_LEN, AT_EMPTY_PATH, STATX_TYPE | STATX_INO, xsp
	test eax, eax
	js not_tty
	sys readlink, proc_fd0, xbp, NAME_SIZE - 1
	test eax, eax
	js .search
	cmp eax, NAME_SIZE - 1
	jae not_tty             ; perhaps cut: glibc gives up
	mov byte [xax + xbp*1], 0
; glibc drops the prefix only when more follows; dropped from a bare
; "(unreachable)" it leaves "", which fails the '/' test all the same.
	mov esi, unreachable
	mov xdi, xbp
	push UNREACHABLE_LEN
	pop xcx
	repe cmpsb
	jne .check
	lea ecx, [xax - UNREACHABLE_LEN + 1]    ; drop it: move the rest down
	mov xdi, xbp            ; (esi is past it)
	rep movsb
.check:
	cmp byte [xbp], '/'
	jne .search
	call same_file          ; (returns only when it is not stdin's)
.search:
	mov esi, dev_pts
	call search
	mov esi, dev
	call search
	; on to not_tty

; not_tty: the text in A2, its length in A3, the exit status on the
; stack, for output.
not_tty:
	mov A2d, not_a_tty
	push NOT_A_TTY_LEN
	pop A3
	push TTY_STDIN_NOTTY
	jmp short output
same_file.ret:                  ; (before it, so that its jumps stay short)
	ret

; same_file - is the file named in the buffer stdin's terminal: the same
; inode number, rdev and device? Returns when it is not; when it is, goes
; on to found.
; clobbers: everything but xbp
same_file:
	lea A5, [xbp + STX_NAME]
	sys statx, AT_FDCWD, xbp, 0, STATX_TYPE | STATX_INO
	test eax, eax
	js .ret
	lea xsi, [xbp + TTY_INO]
	lea xdi, [xbp + STX_NAME + STX_INO]
	push 8
	pop xcx
	repe cmpsb
	jne .ret
	mov cl, 16              ; on to the rdev and device of both
	add xsi, STX_RDEV - STX_INO - 8
	add xdi, STX_RDEV - STX_INO - 8
	repe cmpsb
	jne .ret

; found: the name in the buffer, with a newline.
found:
	mov A2, xbp
	call strlen
	mov byte [A2 + A3], 10
	inc A3d
	push 0
output:
	write_stdout msg_write_error, .exit
	push TTY_WRITE_ERROR
.exit:
	pop A1
	sys exit

; search - look in the directory named at esi (with a '/' at its end) for
; an entry with stdin's inode number that is the same file, and go to
; found with it (through same_file). Returns when there is none. The names are built in the
; buffer: "DIR/ENTRY". The directory's fd is kept at [xsp+W], the end of
; the entries at [xsp].
; clobbers: everything but xbp
search:
	mov xdi, xbp
	push xsi
	call copystr
	mov [xbp + NAME_END], xdi
	pop xsi
	sys open, esi, O_RDONLY | O_DIRECTORY
	test eax, eax
	js .ret
	push xax
.read:
	lea xsi, [xbp + DENTS]
	sys getdents64, [xsp], xsi, DENTS_SIZE
	test eax, eax
	jle .close
	add xax, xsi
	push xax
.entry:
	push xsi
	lea xdi, [xbp + TTY_INO]
	push 8
	pop xcx
	repe cmpsb              ; d_ino first
	pop xsi
	jne .next
	push xsi
	add xsi, D_NAME
	mov xdi, [xbp + NAME_END]
.copy:
	lodsb
	stosb
	test al, al
	jnz .copy
	call same_file
	pop xsi
.next:
	movzx eax, word [xsi + D_RECLEN]
	add xsi, xax
	cmp xsi, [xsp]
	jb .entry
	pop xax
	jmp .read
.close:
	pop A1
	sys close
.ret:
	ret

proc_fd0:	db '/proc/self/fd/0', 0   ; its NUL is also the empty path
PROC_FD0_LEN	equ $ - proc_fd0 - 1
unreachable:	db '(unreachable)'
dev_pts:	db '/dev/pts/', 0
dev:		db '/dev/', 0
not_a_tty:	db 'not a tty', 10
NOT_A_TTY_LEN	equ $ - not_a_tty
msg_write_error: db 'write error', 0
OPTSPEC:	db 's', 0

program_end
