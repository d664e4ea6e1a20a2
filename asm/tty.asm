; tty - print the file name of the terminal on standard input.
;
; Usage: tty [-s]
;   -s  print nothing, only the exit status
; The name is found as glibc's ttyname finds it: stdin must be a terminal
; (TCGETS); /proc/self/fd/0 names it (less a leading "(unreachable)") when
; that name is the same file as stdin (the same inode number, device and
; rdev); else /dev/pts, then /dev, are searched for an entry with stdin's
; inode number that is the same file.
; Options may follow an operand (a bad option after it is then the one
; reported), but with POSIXLY_CORRECT set the first operand ends the
; options, as GNU's getopt does, and is the one reported.
; Exit status: 0; 1 when stdin is not a terminal ("not a tty"); 2 for a
; bad option or an operand; 3 when the output cannot be written.
; Differences from GNU: no long options. glibc's last resort, a stat of
; every entry of /dev whatever its inode number (which can only find a
; symlink to the terminal, once /proc and the inode search have failed),
; is not done; a /dev/pts that cannot be opened does not stop the search.
;
; The buffers are on the stack (so there is no RW segment): xbp points at
; the name buffer, the stat of a name and the directory entries follow
; it; stdin's stat is just below it. (fstat64 and stat64 have what is
; compared, on every kernel: statx would need its fallback before 4.11.)

%include "subk.inc"
%define ERR_LEAN                ; error.inc's smaller forms (no utoa here)
%define ERR_NO_STATUS           ; (each exit gives its own status)
%define ERR_PACKED              ; (the formats' texts packed: see error.inc)
%define ERR_NO_TEXT             ; (its one message of its own goes to say)
%define ERR_REASON_BARE         ; (fmt_write has the ": ")
%define USAGE_EXIT usage_exit   ; (usage.inc's exit is tty's)
%define ERR_TIGHT

%define USAGE_STATUS 2
TTY_STDIN_NOTTY equ 1
TTY_WRITE_ERROR equ 3
; stdin's struct stat64, from xbp: only its st_dev, st_ino and st_rdev
; are read, so it ends with the later of the last two (x86_64: its tail
; runs into the name buffer, written after it; disp8 offsets from xbp)
TTY_LAST    equ ST64_RDEV + (ST64_INO > ST64_RDEV) * (ST64_INO - ST64_RDEV)
TTY_ST      equ -(TTY_LAST + 8)
TTY_INO     equ TTY_ST + ST64_INO
NAME_END    equ TTY_ST + ST64_NLINK ; a free word in it (its st_nlink)
D_RECLEN    equ 16              ; struct linux_dirent64: d_ino at 0
D_NAME      equ 19
NAME_SIZE   equ 4096
DENTS_SIZE  equ 4096
UNREACHABLE_LEN equ 13          ; "(unreachable)"
ST_NAME     equ NAME_SIZE       ; the stat of a name, from xbp
DENTS       equ ST_NAME + ST64_RECORD   ; the directory entries, from xbp
FRAME       equ DENTS + DENTS_SIZE - TTY_ST

use usage, extra_operand, stat_same, posixly

; (The data comes first, the options last: their jumps to usage.inc are
; then short.)
proc_fd0:	db '/proc/self/fd/0', 0   ; its NUL is also the empty path
PROC_FD0_LEN	equ $ - proc_fd0 - 1
unreachable:	db '(unreachable)'
dev_pts:	db '/dev/pts/'    ; (and its first 5 bytes: /dev/)
not_a_tty:	db 'not a tty', 10
NOT_A_TTY_LEN	equ $ - not_a_tty
fmt_write:	db F_ARGV0, P_write, F_REASON, 10, 0
%macro _own_ptexts 0                ; (error.inc packs it)
	ptext P_write, ': write error: '
%endmacro

; search - look in the directory named by the first ecx bytes of
; "/dev/pts/" (9: itself, 5: /dev/) for an entry with stdin's inode number
; that is the same file, and go to found with it (through same_file).
; Returns when there is none. The names are built in the buffer:
; "DIR/ENTRY". The directory's fd is kept at [xsp+W], the end of the
; entries at [xsp].
; clobbers: everything but xbp
search:
	mov esi, dev_pts
	pmov xdi, xbp
	rep movsb
	mov [xbp + NAME_END], xdi
	mov [xdi], cl           ; (ecx = 0: the NUL)
	pmov A1, xbp            ; (the copy: the same name)
	sys open, A1, O_RDONLY | O_DIRECTORY
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
	mov eax, [xsi]          ; d_ino's low half first (same_file checks all)
	cmp eax, [xbp + TTY_INO]
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

; main: after the options (see _start): ebp != 0 for -s, xsp past argv's
; NULL: the termios lands there, over envp (unused), on the page of the
; stack that is already there.
main:
	pmov A3, xsp            ; (2 bytes: x86_64's mov is 3)
	sys ioctl, 0, TCGETS, A3
	test ebp, ebp
	jz .loud
	shr eax, 31             ; -s: 1 for an error, else 0
	jmp exit_eax
.loud:
; The frame, only now: a run whose stdin is no terminal touches no stack
; page below the one it started on (xbp is set before the test, so that
; the jump is short: not_tty does not use it).
	lea xbp, [xsp - FRAME - TTY_ST]
	test eax, eax
	js not_tty
	lea xsp, [xbp + TTY_ST]

; stdin's stat, then /proc's name for it.
	pmov A2, xsp
	sys fstat64             ; (A1 = 0: ioctl's, kept by the call)
	test eax, eax
	js not_tty
	pmov A2, xbp
	sys readlink, proc_fd0, A2, NAME_SIZE - 1
	test eax, eax
	js .search
	cmp ax, NAME_SIZE - 1   ; (eax is at most that)
	je not_tty              ; perhaps cut: glibc gives up
	mov byte [xax + xbp*1], 0
; glibc drops the prefix only when more follows; dropped from a bare
; "(unreachable)" it leaves "", which fails the '/' test all the same.
	mov esi, unreachable
	pmov xdi, xbp
	push UNREACHABLE_LEN
	pop xcx
	repe cmpsb
	jne .check
	lea ecx, [xax - UNREACHABLE_LEN + 1]    ; drop it: move the rest down
	pmov xdi, xbp           ; (esi is past it)
	rep movsb
.check:
	cmp byte [xbp], '/'
	jne .search
	call same_file          ; (returns only when it is not stdin's)
.search:
	push 9                  ; /dev/pts/
	pop xcx
	call search
	push 5                  ; /dev/
	pop xcx
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
; inode number, device and rdev? Returns when it is not; when it is, goes
; on to found.
; clobbers: everything but xbp
same_file:
	lea A2, [xbp + ST_NAME]
	pmov A1, xbp
	sys stat64
	test eax, eax
	js .ret
	pmov xsi, A2            ; (the stat, kept by the call)
	lea xdi, [xbp + TTY_ST]
	mov eax, [xsi + ST64_RDEV]      ; (new_encode_dev's 32 bits)
	cmp eax, [xdi + ST64_RDEV]
	jne .ret
	call stat_same
	jne .ret

; found: the name in the buffer, with a newline (A3 = its length: edx on
; both arches).
found:
	pmov xsi, xbp
.length:
	lodsb
	test al, al
	jnz .length
	mov byte [xsi-1], 10
	sub esi, ebp
	xchg esi, A3d
	pmov A2, xbp
	push 0
output:
	push 1
	pop A1
	call write_all
	jns .status
	mov esi, fmt_write      ; (eax = -errno for F_REASON)
	pmov xdx, xsi           ; (no ARG: any string will do)
	call say
	push TTY_WRITE_ERROR
.status:
	pop xax
; usage.inc's exit (USAGE_EXIT), with say's flags: a message that could
; not be written makes it 3, as GNU's close_stdout (exit_failure) finds
; stderr's error at exit.
usage_exit:
	jns exit_eax
	mov al, TTY_WRITE_ERROR
exit_eax:
	xchg eax, A1d
	sys exit

; The options, as GNU's getopt with "s" (operands may come first; "--"
; ends the options; "-" is an operand), then main. The registers are 0
; at entry (see subk.inc): xdx = the first operand (0: none yet), ebp != 0
; for -s, bh != 0 after "--".
_start:
	pop_argv0               ; xsp = &argv[1]: pop takes the arguments
.arg:
	pop xcx
	jxcxz .walked
	pmov xsi, xcx
	test bh, bh
	jnz .operand            ; after "--"
	dash_letter .operand    ; not "-X...": an operand
	cmp al, '-'
	jne .letter
	lodsb
	test al, al
	jnz .long
	mov bh, 1               ; "--"
	jmp .arg
.letter:
	cmp al, 's'
	jne opt_invalid         ; al = the letter
	xchg eax, ebp           ; (eax's top bytes: argc's, ebp = 's' or more)
	lodsb
	test al, al
	jnz .letter
	jmp .arg
.long:
	pmov xdx, xcx           ; "--NAME": the whole argument
	jmp short opt_unrecognized
.operand:
	test xdx, xdx
	jnz .arg
	pmov xdx, xcx
	push xsp
	pop xsi                 ; (posixly: the next slot of argv)
	call posixly            ; POSIXLY_CORRECT: getopt stops at the first
	jc .arg                 ; operand, the one reported
.walked:
	test xdx, xdx
	jnz extra_operand       ; xdx = the first operand
	jmp main

program_end
