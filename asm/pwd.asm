; pwd - print the name of the current directory.
;
; Usage: pwd [-LP]
;   -L  logical: $PWD, when it is an absolute name of the current directory
;       without "." or ".." components (else as -P)
;   -P  physical: the name without symbolic links (the default, unless
;       POSIXLY_CORRECT is set); the last of -L and -P wins
; Operands are ignored with the warning "ignoring non-option arguments";
; options may follow them, but with POSIXLY_CORRECT set the first operand
; ends the options, as GNU's getopt does (then `pwd a -P` is -L's).
; The physical name is getcwd(2)'s; when the kernel cannot give it (a name
; longer than PATH_MAX, a removed directory), it is found as GNU's does:
; walking up through "..", each directory's entry with the inode of the one
; below (by lstat across mount points), until the root.
; Exit status: 0; 1 for a bad option, a failed walk ("cannot open
; directory '../..'", "couldn't find directory entry in '..' with matching
; i-node", ...) or a write error.
; Differences from GNU: long options (--logical, --physical, --help,
; --version) are not supported.
;
; Everything lives on the stack: a frame of stat records and buffers
; (xbp points into it, so that the most used fields are a byte away), and
; below it the name the walk builds downward, one "/NAME" in front of the
; other, so its length has no limit but the stack's.

%include "subk.inc"
%define ERR_LEAN                ; error.inc's smaller forms (no utoa here)
%define ERR_PACKED              ; (the formats' texts packed: see error.inc)
%define ERR_TIGHT               ; (its tightest form: see error.inc)
%define ERR_NO_TEXT             ; (its messages are formats of its own)
use usage, quote_arg, errno_path, stat_same, strlen

DENTS_SIZE equ 4096             ; getdents64 buffer (a dirent is <= 280)
D_RECLEN   equ 16               ; struct linux_dirent64: d_reclen
D_NAME     equ 19               ;   d_name

; The frame, from xbp - BIAS (where xsp is when the walk starts) up. The
; records are struct stat64's (layouts.inc: stat64 and its kin have the
; inode and device on every kernel, where statx would need its fallback
; before Linux 4.11). Of a record only the first KEEP bytes are kept: the
; next record starts there, and a stat into one overwrites the tail of
; the one below (and the head of the one above: ST_CUR is read before
; ST_PARENT).
BIAS       equ 120
FD         equ -BIAS            ; the parent (at first AT_FDCWD: ".")
DENTS_END  equ FD + W           ; the end of what getdents64 gave
HEIGHT     equ FD + 2*W         ; levels walked up
USE_LSTAT  equ FD + 3*W         ; not 0: the parent is on another device
PWDV       equ FD + 4*W         ; $PWD to try (-L), or 0
KEEP       equ ST64_INO + 8     ; the bytes of a record used (st_ino last)
ST_CUR     equ FD + 5*W         ; the directory whose name is looked for
ST_PARENT  equ ST_CUR + KEEP    ; its parent
ST_ENTRY   equ ST_PARENT + KEEP ; an entry of the parent, by lstat
ST_ROOT    equ ST_ENTRY + ST64_RECORD ; (whole, above ST_ENTRY's)
DENTS      equ ST_ROOT + ST64_RECORD ; getdents64's buffer; getcwd's first
FRAME      equ BIAS + DENTS + DENTS_SIZE
NAME_END   equ -BIAS - W + 1    ; the end of the name the walk builds

; main: after the options (see _start, at the end): bl = the last of 'L'
; and 'P' ('L' by default when POSIXLY_CORRECT is set), bh = 1 when an
; operand was seen, xbp = envp.
main:
; An operand is only a warning.
	test bh, bh
	jz .options_done
	mov esi, fmt_operands
	pmov xdx, xsi           ; (no ARG: any string will do)
	call say_error          ; (keeps xbx; xax: the write's result)
	test eax, eax           ; not written: status 1, as GNU's
	js .options_done        ; close_stdout's close_stream (stderr)
	set_status 0, eax
.options_done:

; -L (given last, or by default when POSIXLY_CORRECT is set) tries $PWD.
; (say keeps xbp = envp.)
	xor eax, eax
	cmp bl, 'L'
	jne .have_pwd
	mov edx, env_pwd
	call getenv
.have_pwd:
	sub xbp, FRAME - BIAS
	lea xsp, [xbp-BIAS]
	mov [xbp+PWDV], xax

; -L: $PWD if it is absolute, names "." and has no "/." or "/.."
; components.
	xchg xsi, xax
	test xsi, xsi
	jz .physical
	cmp byte [xsi], '/'
	jne .physical
.dot_scan:
	lodsb
	test al, al
	jz .stat_pwd
	cmp al, '/'
	jne .dot_scan
	cmp byte [xsi], '.'
	jne .dot_scan
	mov ax, [xsi+1]
	cmp al, '.'
	jne .one_dot
	mov al, ah
.one_dot:
	cmp al, '/'
	je .physical
	test al, al
	jnz .dot_scan           ; (else a "/." or "/.." component)

; -P: getcwd(2), when it gives an absolute name; its length counts the NUL.
.physical:
	lea A1, [xbp+DENTS]
	sys getcwd, A1, PATH_MAX
	test eax, eax
	jle .walk
	cmp byte [A1], '/'
	jne .walk
	xchg edx, eax
	dec edx
	pmov A2, A1
.print_at_A2:                   ; A2 = the name, A3 = its length
	mov byte [A2+A3], 10
	inc A3
.print:
	push A3
	push 1
	pop A1
	call write_all
	pop xcx
	jns .done
; GNU's puts() hands a name of 4096 bytes or more (its stdio buffer's
; size, less the newline) to one direct write: when that fails nothing is
; left for fclose, and close_stream says "write error" with no reason
; (unless close fails too: EBADF).
	dec ecx                 ; (the newline)
	shr ecx, 12
	jz .reason
	close_reason .reason, fmt_write
	pmov xdx, xsi           ; (no ARG: any string will do; on into
				; .fail_quoted: say_error, the exit)
.fail_quoted:                   ; "ARGV0: TEXT'NAME': REASON"
	call say_error
.done:
	exit_status

; $PWD names "." when both have the same inode and device (ST_CUR is
; stat'ed first: see the frame).
.stat_pwd:
	call stat_dot
	jnz .physical
	lea A2, [xbp+ST_PARENT]
	sys stat64, [xbp+PWDV]
	test eax, eax
	jnz .physical
	pmov xsi, A2
	call same_cur
	jne .physical
	mov A2, [xbp+PWDV]
	call strlen
	jmp .print_at_A2        ; $PWD in place, its NUL made the newline

; At the root: "/" alone when no name was put in front.
.walked:
	cmp byte [xsp], 10
	jne .walked_name
	dec xsp
	mov byte [xsp], '/'
.walked_name:
	lea xdx, [xbp+NAME_END]
	sub xdx, xsp            ; A3 = xdx: the length with the newline
	pmov A2, xsp
	jmp .print

; The walk. [HEIGHT] counts the levels ("..", "../..", ...) for messages,
; [FD] is the directory ".." is opened from (AT_FDCWD for "."), then that
; parent, whose entries are read; ST_CUR is the directory whose name is
; looked for in its parent, ST_PARENT the parent.
; The name is built from xsp down to NAME_END, a newline first.
.walk:
	lea A2, [xbp+ST_ROOT]
	sys lstat64, slash
	pmov xdx, A1            ; "/"
	mov esi, fmt_root
	test eax, eax
	jnz .fail_quoted
	call stat_dot
	pmov xdx, A1            ; "."
	mov esi, fmt_stat
	jnz .fail_quoted
	push 10                 ; the name ends with a newline
	push AT_FDCWD
	pop WPTR [xbp+FD]
	push 0
	pop WPTR [xbp+HEIGHT]   ; (on into .level)

.level:
	lea xsi, [xbp+ST_ROOT]
	call same_cur
	je .walked
	inc WPTR [xbp+HEIGHT]
	sys openat, [xbp+FD], dotdot, O_RDONLY | O_DIRECTORY | O_LARGEFILE
	mov edx, fmt_open
	call .fail_if
	push xax
	sys close, [xbp+FD]     ; (AT_FDCWD the first time: EBADF)
	pop WPTR [xbp+FD]       ; the parent is read from now on
	lea A2, [xbp+ST_PARENT]
	sys fstat64, [xbp+FD]
	mov edx, fmt_stat
	call .fail_if
	mov eax, [xbp+ST_PARENT+ST64_DEV] ; another device: compare by lstat
	cmp eax, [xbp+ST_CUR+ST64_DEV]  ; (new_encode_dev's 32 bits)
	setne [xbp+USE_LSTAT]

; The entries of the parent, until one is the directory below.
.read:
	lea A2, [xbp+DENTS]
	sys getdents64, [xbp+FD], A2, DENTS_SIZE
	mov edx, fmt_read
	call .fail_if_none
	movx xsi, A2            ; the entries
	add xax, xsi
	mov [xbp+DENTS_END], xax
.entry:
	lea xax, [xsi+D_NAME]
	cmp word [xax], '.'     ; "." and ".." are not names
	je .next_entry
	cmp word [xax], '..'
	jne .candidate
	cmp byte [xax+2], 0
	je .next_entry
.candidate:
	push xsi
	cmp byte [xbp+USE_LSTAT], 0
	jne .by_lstat
	lea xdi, [xbp+ST_CUR+ST64_INO] ; d_ino, at the start of the entry
	cmpsd
	jne .not_it
	cmpsd
	jmp .not_it
.by_lstat:
	lea A3, [xbp+ST_ENTRY]
	sys fstatat64, [xbp+FD], xax, A3, AT_SYMLINK_NOFOLLOW
	pmov xsi, A3
	test eax, eax           ; an entry that cannot be stat'ed is skipped
	jnz .not_it
	call same_cur
.not_it:
	pop xsi
	je .found
.next_entry:
	movzx eax, word [xsi+D_RECLEN]
	add xsi, xax
	cmp xsi, [xbp+DENTS_END]
	jb .entry
	jmp .read

; "/NAME" in front of the name so far; the parent becomes the directory.
.found:
	add xsi, D_NAME
	movx A2, xsi
	call strlen
	mov ecx, edx
	not xdx
	add xsp, xdx            ; xsp -= the length + 1
	pmov xdi, xsp
	mov al, '/'
	stosb
	rep movsb
	lea xsi, [xbp+ST_PARENT]
	lea xdi, [xbp+ST_CUR]
	mov cl, KEEP            ; (ecx = 0 from the rep above)
	rep movsb
	jmp .level

; .fail_if - when eax < 0 (-errno) the walk fails with the format at xdx;
; .fail_if_none (getdents64's) also when eax = 0 (no more entries): the
; entry was not found. -ENOENT is that end too: the parent was removed
; (glibc's readdir takes it for the end, so GNU says "couldn't find").
.fail_if_none:
	cmp eax, -ENOENT
	jne .fail_if_end
	xor eax, eax
.fail_if_end:
	test eax, eax
	jz .fail_parents
.fail_if:
	test eax, eax
	js .fail_parents
	ret

; Errors of the walk. xdx = the format, eax = -errno (0: the entry was not
; found); "../.." (as many as [HEIGHT]) is built on the stack.
.fail_parents:
	mov esi, edx
	mov ecx, [xbp+HEIGHT]
	lea edx, [xcx+xcx*2+1]
	sub xsp, xdx
	pmov xdx, xsp
	pmov xdi, xsp
.parent:
	mov dword [xdi], '../'
	add xdi, 3
	loop .parent
	mov byte [xdi-1], 0
	test eax, eax
	jnz .fail_far
; "couldn't find directory entry in '..' with matching i-node": text after
; the quoted name too.
	mov esi, fmt_no_entry
.fail_far:
	jmp .fail_quoted

; stat_dot - stat64(".") into ST_CUR.  out: ZF=1 when it worked; A1 =
; "."
stat_dot:
	lea A2, [xbp+ST_CUR]
	sys stat64, dot
	test eax, eax
	ret

; same_cur - ZF=1 when the stat record at xsi has the inode and device
; of ST_CUR.  clobbers: xsi, xdi
same_cur:
	lea xdi, [xbp+ST_CUR]
	jmp stat_same

; getenv - the value of the environment variable named by xdx ("NAME="),
; in the environment at xbp.  out: xax = the value, or 0.
; clobbers: xcx, xsi, xdi
getenv:
	pmov xdi, xbp
.var:
	mov xcx, [xdi]
	test xcx, xcx
	jz .found
	scasW                   ; xdi += W
	pmov xsi, xdx
.byte:
	lodsb
	test al, al
	jz .found
	cmp al, [xcx]
	jne .var
	inc xcx
	jmp .byte
.found:
	xchg xax, xcx
	ret

fmt_operands:	db F_ARGV0, P_operands, 10, 0
fmt_write:	db F_ARGV0, P_write, F_REASON, 10, 0
fmt_root:	db F_ARGV0, P_root, F_QUOTE, F_REASON, 10, 0
fmt_stat:	db F_ARGV0, P_stat, F_QUOTE, F_REASON, 10, 0
fmt_open:	db F_ARGV0, P_open, F_QUOTE, F_REASON, 10, 0
fmt_read:	db F_ARGV0, P_read, F_QUOTE, F_REASON, 10, 0
fmt_no_entry:	db F_ARGV0, P_no_entry, F_QUOTE, P_matching, 10, 0
%macro _own_ptexts 0                ; (error.inc packs them)
	ptext P_operands, ': ignoring non-option arguments'
	ptext P_write, ': write error'
	ptext P_root, ': failed to get attributes of '
	ptext P_stat, ': failed to stat '
	ptext P_open, ': cannot open directory '
	ptext P_read, ': reading directory '
	ptext P_no_entry, ": couldn't find directory entry in "
	ptext P_matching, ' with matching i-node'
%endmacro
env_posix:	db 'POSIXLY_CORRECT=', 0
env_pwd:	db 'PWD=', 0
slash:		db '/', 0
dotdot:		db '..', 0
dot		equ dotdot+1

; The options, last: their jumps to usage.inc are then short.
_start:
	envp_at_start xbp       ; xbp = envp, for getenv
	pop_argv0               ; xsp = &argv[1]: pop takes the arguments

; POSIXLY_CORRECT, asked first: it makes -L the default, and the first
; operand ends the options (GNU's getopt then stops there).
	mov edx, env_posix
	call getenv
	neg xax                 ; CF=1: set (any value, empty too)
	sbb ecx, ecx
	and ecx, 'L'
	mov ebx, ecx

; The options: -L and -P, the last one wins; operands anywhere (only a
; warning), but with POSIXLY_CORRECT the first one ends the options; "-"
; alone is an operand; the first "--" ends the options.
; bl = the last of 'L' and 'P' ('L' to begin with when POSIXLY_CORRECT is
; set, else 0), bh = 1: an operand was seen, ch != 0 once the options have
; ended, cl = 'L' when POSIXLY_CORRECT is set (else 0); xdx = the
; argument, xsi walks it.
.arg:
	pop xsi
	test xsi, xsi
	jz main
	test ch, ch
	jnz .operand
	pmov xdx, xsi
	dash_letter .operand          ; not "-X...": an operand
	cmp al, '-'
	jne .letter
	lodsb
	test al, al
	jnz opt_unrecognized    ; xdx = the argument
	mov ch, 1
	jmp .arg
.letter:
	cmp al, 'L'
	je .set
	cmp al, 'P'
	jne opt_invalid         ; al = the letter
.set:
	mov bl, al
	lodsb
	test al, al
	jnz .letter
	jmp .arg
.operand:
	mov bh, 1
	or ch, cl               ; POSIXLY_CORRECT: the options end here
	jmp .arg

program_end
