; pwd - print the name of the current directory.
;
; Usage: pwd [-LP]
;   -L  logical: $PWD, when it is an absolute name of the current directory
;       without "." or ".." components (else as -P)
;   -P  physical: the name without symbolic links (the default, unless
;       POSIXLY_CORRECT is set); the last of -L and -P wins
; Operands are ignored with the warning "ignoring non-option arguments".
; The physical name is getcwd(2)'s; when the kernel cannot give it (a name
; longer than PATH_MAX, a removed directory), it is found as GNU's does:
; walking up through "..", each directory's entry with the inode of the one
; below (by lstat across mount points), until the root.
; Exit status: 0; 1 for a bad option, a failed walk ("cannot open
; directory '../..'", "couldn't find directory entry in '..' with matching
; i-node", ...) or a write error.
; Differences from GNU: long options (--logical, --physical, --help,
; --version) are not supported. With POSIXLY_CORRECT set GNU's getopt
; stops at the first operand; here options after operands still count.
;
; The walk builds the name downward on the stack, one "/NAME" in front of
; the other, so its length has no limit but the stack's.

%include "subk.inc"
use usage, scan_flags, err_quoted, err_plain, errno_path

STATX_INO  equ 0x100            ; <linux/stat.h>: ask for stx_ino
STX_INO    equ 32               ; struct statx: __u64 stx_ino
STX_DEV    equ 136              ;   __u32 stx_dev_major, stx_dev_minor
STATX_SIZE equ 256              ; sizeof(struct statx)
DENTS_SIZE equ 4096             ; getdents64 buffer (a dirent is <= 280)
D_RECLEN   equ 16               ; struct linux_dirent64: d_reclen
D_NAME     equ 19               ;   d_name
PATH_MAX   equ 4096             ; <linux/limits.h>, with the NUL

_start:
	save_argv0
	mov xax, [xsp]          ; envp = &argv[argc+1]
	lea xax, [xsp+xax*W+2*W]
	mov [envp], xax
	mov edx, env_posix      ; POSIXLY_CORRECT makes -L the default
	call getenv
	neg xax
	sbb ebp, ebp            ; ebp = -1 for logical, 0 for physical

; The last of -L and -P wins: a look at the option letters in order
; (scan_flags below checks them, and reports only which were given).
	lea xsi, [xsp+2*W]
.arg:
	mov xax, [xsi]
	add xsi, W
	test xax, xax
	jz .scan
	cmp byte [xax], '-'
	jne .arg
	cmp byte [xax+1], '-'   ; "--" (or a long option): no more letters
	je .scan
.letter:
	inc xax
	mov cl, [xax]
	test cl, cl
	jz .arg
	cmp cl, 'P'
	jne .not_p
	xor ebp, ebp
.not_p:
	cmp cl, 'L'
	jne .letter
	or ebp, -1
	jmp .letter
.scan:
	lea xsi, [xsp+2*W]
	call scan_flags
	cmp WPTR [xsp+2*W], 0
	je .logical
	mov esi, msg_operands
	call err_plain
	mov STATUSb, 0    ; only a warning

; -L: $PWD if it names "." without "/." or "/.." components.
.logical:
	test ebp, ebp
	jz .physical
	mov edx, env_pwd
	call getenv
	test xax, xax
	jz .physical
	xchg xbp, xax           ; xbp = $PWD
	cmp byte [xbp], '/'
	jne .physical
	mov xdi, xbp
.dot_scan:
	mov al, [xdi]
	test al, al
	jz .statx_pwd
	inc xdi
	cmp al, '/'
	jne .dot_scan
	cmp byte [xdi], '.'
	jne .dot_scan
	mov al, [xdi+1]
	cmp al, '.'
	jne .one_dot
	mov al, [xdi+2]
.one_dot:
	test al, al
	jz .physical
	cmp al, '/'
	je .physical
	jmp .dot_scan
.statx_pwd:
	sys statx, AT_FDCWD, xbp, 0, STATX_INO, st_parent
	test eax, eax
	jnz .physical
	call stat_dot
	jnz .physical
	mov esi, st_parent
	mov edi, st_cur
	call same_file
	jne .physical
	movx A2, xbp
	call strlen
	jmp .print_at_A2        ; $PWD in place, its NUL made the newline

; -P: getcwd(2), when it gives an absolute name; its length counts the NUL.
.physical:
	sys getcwd, cwd, PATH_MAX
	test eax, eax
	jle .walk
	cmp byte [cwd], '/'
	jne .walk
	xchg edx, eax
	dec edx
	mov A2d, cwd
.print_at_A2:                   ; A2 = the name, A3 = its length
	mov byte [A2+A3], 10
	inc A3
.print:
	push 1
	pop A1
	call write_all
	jns .done
	mov esi, msg_write
	call err_text
.done:
	exit_status

; The walk. [height] counts the levels ("..", "../..", ...) for messages,
; [fd] is the directory being read from (AT_FDCWD for "."), st_cur is the
; directory whose name is looked for in its parent, st_parent the parent.
.walk:
	sys statx, AT_FDCWD, slash, AT_SYMLINK_NOFOLLOW, STATX_INO, st_root
	mov esi, msg_root
	mov edx, slash
	test eax, eax
	jnz .fail_quoted
	call stat_dot
	mov esi, msg_stat
	mov edx, dot
	jnz .fail_quoted
	push 10                 ; the name ends with a newline
	mov xbp, xsp            ; xbp = the name built so far
	lea xax, [xbp+1]
	mov [name_end], xax
	push AT_FDCWD
	pop xax
	mov [fd], xax
.level:
	mov esi, st_cur
	mov edi, st_root
	call same_file
	je .walked
	inc dword [height]
	sys openat, [fd], dotdot, O_RDONLY | O_DIRECTORY | O_LARGEFILE
	mov esi, msg_open
	test eax, eax
	js .fail_parents
	mov [pfd], xax
	sys statx, xax, empty, AT_EMPTY_PATH, STATX_INO, st_parent
	mov esi, msg_stat
	test eax, eax
	jnz .fail_parents
	mov eax, [st_parent+STX_DEV]    ; another device: compare by lstat
	xor eax, [st_cur+STX_DEV]
	mov edx, [st_parent+STX_DEV+4]
	xor edx, [st_cur+STX_DEV+4]
	or eax, edx
	mov [use_lstat], eax

; The entries of the parent, until one is the directory below.
.read:
	sys getdents64, [pfd], dents, DENTS_SIZE
	mov esi, msg_read
	test eax, eax
	js .fail_parents
	jz .not_found
	add eax, dents
	mov [dents_end], eax
	mov esi, dents
.entry:
	lea xax, [xsi+D_NAME]
	cmp word [xax], '.'     ; "." and ".." are not names
	je .next_entry
	cmp word [xax], '..'
	jne .candidate
	cmp byte [xax+2], 0
	je .next_entry
.candidate:
	cmp dword [use_lstat], 0
	jne .by_lstat
	mov edx, [xsi]          ; d_ino
	cmp edx, [st_cur+STX_INO]
	jne .next_entry
	mov edx, [xsi+4]
	cmp edx, [st_cur+STX_INO+4]
	je .found
	jmp .next_entry
.by_lstat:
	push xsi
	sys statx, [pfd], xax, AT_SYMLINK_NOFOLLOW, STATX_INO, st_entry
	mov esi, st_entry
	mov edi, st_cur
	test eax, eax           ; an entry that cannot be stat'ed is skipped
	jnz .not_it
	call same_file
.not_it:
	pop xsi
	je .found
.next_entry:
	movzx eax, word [xsi+D_RECLEN]
	add esi, eax
	cmp esi, [dents_end]
	jb .entry
	jmp .read

; "/NAME" in front of the name so far; the parent becomes the directory.
.found:
	add xsi, D_NAME
	movx A2, xsi
	call strlen
	sub xbp, A3
	dec xbp
	mov xsp, xbp
	mov xdi, xbp
	mov al, '/'
	stosb
	mov ecx, edx
	rep movsb
	mov xax, [fd]
	cmp eax, AT_FDCWD
	je .no_close
	sys close, xax
.no_close:
	mov xax, [pfd]
	mov [fd], xax
	mov esi, st_parent
	mov edi, st_cur
	mov ecx, STATX_SIZE
	rep movsb
	jmp .level

; At the root: "/" alone when no name was put in front.
.walked:
	mov xdx, [name_end]
	sub xdx, xbp            ; A3 = xdx: the length with the newline
	cmp edx, 1
	jne .walked_name
	dec xbp
	mov xsp, xbp
	mov byte [xbp], '/'
	inc edx
.walked_name:
	mov A2, xbp
	jmp .print

; Errors of the walk. esi = the text, eax = -errno (0: the entry was not
; found); "../.." (as many as [height]) is built on the stack.
.not_found:
	xor eax, eax
.fail_parents:
	mov ecx, [height]
	lea edx, [xcx*4+4]
	sub xsp, xdx
	mov xdx, xsp
	mov xdi, xsp
.parent:
	mov dword [xdi], '../'
	add xdi, 3
	loop .parent
	mov byte [xdi-1], 0
	test eax, eax
	jnz .fail_quoted
; "couldn't find directory entry in '..' with matching i-node": text after
; the quoted name, so a format of its own.
	mov esi, fmt_no_entry
	call say
	exit 1
.fail_quoted:                   ; "TEXT'NAME': REASON"
	call err_quoted
	exit_status

; stat_dot - statx(".") into st_cur.  out: ZF=1 when it worked
stat_dot:
	sys statx, AT_FDCWD, dot, 0, STATX_INO, st_cur
	test eax, eax
	ret

; same_file - ZF=1 when the statx records at xsi and xdi have the same
; inode and device.  clobbers: nothing else
same_file:
	push xsi
	push xdi
	add xsi, STX_INO
	add xdi, STX_INO
	cmpsd
	jne .ret
	cmpsd
	jne .ret
	add xsi, STX_DEV-STX_INO-8
	add xdi, STX_DEV-STX_INO-8
	cmpsd
	jne .ret
	cmpsd
.ret:
	pop xdi
	pop xsi
	ret

; getenv - the value of the environment variable named by xdx ("NAME=").
; out: xax = the value, or 0.  clobbers: xcx, xsi, xdi
getenv:
	mov xdi, [envp]
.var:
	mov xcx, [xdi]
	test xcx, xcx
	jz .found
	add xdi, W
	mov xsi, xdx
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

msg_operands:	db 'ignoring non-option arguments', 0
msg_write:	db 'write error', 0
msg_root:	db 'failed to get attributes of ', 0
msg_stat:	db 'failed to stat ', 0
msg_open:	db 'cannot open directory ', 0
msg_read:	db 'reading directory ', 0
fmt_no_entry:	db F_ARGV0, ": couldn't find directory entry in ", F_QUOTE
		db ' with matching i-node', 10, 0
env_posix:	db 'POSIXLY_CORRECT=', 0
env_pwd:	db 'PWD=', 0
slash:		db '/', 0
dotdot:		db '..', 0
dot		equ dotdot+1
empty		equ dotdot+2
OPTSPEC:	db 'LP', 0

BSS
envp:		resW 1
fd:		resW 1          ; the directory read ("." first: AT_FDCWD)
pfd:		resW 1          ; its parent
name_end:	resW 1          ; the end of the name built by the walk
height:		resd 1          ; levels walked up
use_lstat:	resd 1          ; not 0: the parent is on another device
dents_end:	resd 1
st_root:	resb STATX_SIZE
st_cur:		resb STATX_SIZE
st_parent:	resb STATX_SIZE
st_entry:	resb STATX_SIZE
cwd:		resb PATH_MAX
dents:		resb DENTS_SIZE
TEXT

program_end
