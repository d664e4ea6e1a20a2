; rmdir - remove empty directories.
;
; Usage: rmdir [-pv] [--ignore-fail-on-non-empty] DIRECTORY...
;   -p, --parents  then remove each parent named in DIRECTORY ("a/b/c":
;                  a/b, then a), until one fails
;   -v, --verbose  "rmdir: removing directory, 'D'" on stdout before each
;       --ignore-fail-on-non-empty  no error for a directory with entries
;                  (ENOTEMPTY, EEXIST; or EACCES, EPERM, EROFS, EBUSY when
;                  the directory can be read and has an entry); with -p
;                  the removal of parents stops there, quietly
; Long options may be any unambiguous prefix.
; Exit status: 0; 1 when a directory could not be removed ("rmdir: failed
; to remove 'D': Reason"; for a parent, "failed to remove directory 'P'"
; unless the reason is ENOTDIR; "failed to remove 'L/': Symbolic link not
; followed" for a symlink to a directory named with a trailing slash), for
; a bad option, or a failed write of -v's lines.
; Differences from GNU: --help and --version are not supported.

%define LONGOPT_ALIASES                 ; --path, --parents: one option
%define OUT_SYNC                        ; fs_msg's sync_out and end_out
%define OUT_SYNC_CLOSE                  ; (close(1)'s reason after a failed sync_out)
%define FAST_SYSCALL                    ; i386: the vDSO's entry after 32 calls
%include "subk.inc"
%include "layout.inc"
use getopt_long, fs_msg, fs_out, fs_missing, errno_path, errno_tree

OPT_P	equ 1
OPT_V	equ 2
OPT_I	equ 4

_start:
	fast_syscall_init counted       ; i386: int 0x80 for the first 32 calls
	getopt_start                    ; xsi = xdi = xsp = &argv[1], xbx = 0
	xor ebp, ebp                    ; ebp: the OPT_ bits
	opt_bits 'p', OPT_P, 'v', OPT_V, 'i', OPT_I
	jmp .opt
.options_done:
	cmp xdi, xsp
	je missing_operand
	test ebp, OPT_V
	jz .not_verbose
	call out_init
.not_verbose:

; Each operand: [xsp] = its name.
.operand:
	mov xdx, [xsp]
	test xdx, xdx
	jz .bye
	call remove
	jns .removed
	call ignorable
	je .next
	cmp eax, -ENOTDIR
	jne .failed
	call symlink_slash
	je .next
.failed:
	mov esi, msg_failed
	mov xdx, [xsp]
	call sync_out
	call err_af
	jmp .next
.removed:
	test ebp, OPT_P
	jz .next

; -p: the trailing slashes dropped, then each parent in turn, up to the
; first failure.
	mov xsi, [xsp]
	call strip_slashes
.parent:
	mov xdx, [xsp]
	mov xdi, xdx                    ; the last slash
	xor ecx, ecx
.find:
	mov al, [xdx]
	inc xdx
	test al, al
	jz .found
	cmp al, '/'
	jne .find
	lea xcx, [xdx-1]
	jmp .find
.found:
	jxcxz .next
.back:                                  ; back over a run of slashes
	cmp xcx, [xsp]
	jbe .cut
	cmp byte [xcx], '/'
	jne .cut
	dec xcx
	jmp .back
.cut:
	mov byte [xcx+1], 0
	mov xdx, [xsp]
	call remove
	jns .parent
	call ignorable
	je .next
	mov esi, msg_failed_dir
	cmp eax, -ENOTDIR
	jne .parent_failed
	mov esi, msg_failed
.parent_failed:
	mov xdx, [xsp]
	call sync_out
	call err_af
.next:
	pop xax
	jmp .operand
.bye:
	call end_out
	exit_status

; remove - with -v, "ARGV0: removing directory, 'D'" first; then
; rmdir(D). in: xdx = D; out: xax = the result, SF=1 for -errno.
remove:
	test ebp, OPT_V
	jz .rmdir
	push xdx
	mov esi, msg_removing
	call af_start
	call out_line
	pop xdx
.rmdir:
	sys unlinkat, AT_FDCWD, xdx, AT_REMOVEDIR
	test eax, eax
	ret

; ignorable - ZF=1 when --ignore-fail-on-non-empty lets the failure
; xax of [xsp+W] pass: ENOTEMPTY or EEXIST, or EACCES, EPERM, EROFS or
; EBUSY when the directory has an entry (gnulib's is_empty_dir: opened
; with O_NOFOLLOW, so a symlink is never looked through). Keeps xax.
ignorable:
	test ebp, OPT_I
	jz .no
	cmp eax, -ENOTEMPTY
	je .ret
	cmp eax, -EEXIST
	je .ret
	cmp eax, -EACCES
	je .maybe
	cmp eax, -EPERM
	je .maybe
	cmp eax, -EROFS
	je .maybe
	cmp eax, -EBUSY
	jne .no
.maybe:
	push xax
	sys open, [xsp+2*W], O_RDONLY|O_DIRECTORY|O_NOFOLLOW|O_LARGEFILE
	test eax, eax
	js .unreadable
	push xax
	call has_entry                  ; CF=1: it has one
	pop A1
	pushf
	sys close
	popf
	pop xax
	jc .yes
	jmp .no
.unreadable:
	pop xax
.no:
	test esp, esp                   ; ZF=0
	ret
.yes:
	cmp eax, eax
.ret:
	ret

; has_entry - CF=1 when the directory open as A1 ([xsp+W]) has an entry
; other than "." and "..".
has_entry:
	mov A1d, [xsp+W]
	sys getdents64, A1, dents, DENTSZ
	test eax, eax
	jle .none
	mov esi, dents
	lea edi, [esi + eax]
.entry:
	lea edx, [esi+19]               ; d_name
	dots_else xdx, .some            ; "." and ".." skipped
	movzx eax, word [xsi+16]        ; d_reclen
	add esi, eax
	cmp esi, edi
	jb .entry
	jmp has_entry
.some:
	stc
	ret
.none:
	clc
	ret

; symlink_slash - for an ENOTDIR of [xsp+W] that ends with "/": when it
; names a directory, or cannot be looked up for another reason, and
; without its trailing slashes it is a symlink, GNU's "failed to remove
; 'D': Symbolic link not followed" (ZF=1); else ZF=0, xax kept.
symlink_slash:
	push xax
	mov xsi, [xsp+2*W]
	call strlen_x
	cmp byte [xsi-1], '/'
	jne .no
	sys stat64, [xsp+2*W], stx
	test eax, eax
	jns .stat_ok
	cmp eax, -ENOTDIR
	je .no
	jmp .lstat
.stat_ok:
	call is_type
	cmp ah, S_IFDIR >> 8
	jne .no
.lstat:
	mov xsi, [xsp+2*W]
	call strlen_x
	push xsi                        ; the end
	mov xsi, [xsp+3*W]
	call strip_slashes              ; xdi = where the first cut slash was
	push xdi
	sys lstat64, [xsp+4*W], stx
	pop xdi
	pop xcx
	sub ecx, edi
	push xax
	mov al, '/'                     ; the slashes back
	rep stosb
	pop xax
	test eax, eax
	js .no
	call is_type
	cmp ah, S_IFLNK >> 8
	jne .no
	mov esi, msg_failed
	mov xdx, [xsp+2*W]
	call sync_out
	call af_start
	mov esi, msg_symlink
	call af_put
	xor eax, eax
	call err_tail
	pop xax
	cmp eax, eax
	ret
.no:
	pop xax
	test esp, esp                   ; ZF=0
	ret

is_type:
	mov ax, [stx + ST64_MODE]
	and ah, S_IFMT >> 8
	ret

; strlen_x - xsi = the end (its NUL) of the string at xsi.
strlen_x:
	cmp byte [xsi], 0
	je .ret
	inc xsi
	jmp strlen_x
.ret:
	ret

; strip_slashes - the trailing slashes of the string at xsi made NULs
; (not its first byte, so "/" stays); xdi = the first of them (or the
; NUL). clobbers: xsi
strip_slashes:
	push xsi
	call strlen_x
	pop xdi                         ; xdi = the start
.back:
	lea xax, [xdi+1]
	cmp xsi, xax
	jbe .done
	cmp byte [xsi-1], '/'
	jne .done
	dec xsi
	mov byte [xsi], 0
	jmp .back
.done:
	mov xdi, xsi
	ret

msg_failed:	db 'failed to remove ', 0
msg_failed_dir:	db 'failed to remove directory ', 0
msg_symlink:	db ': Symbolic link not followed', 0
msg_removing:	db 'removing directory, ', 0
OPTSPEC:	db 'pv', 0
LONGOPTS:                               ; in GNU's order (its ambiguity lists,
	db 'i', 'ignore-fail-on-non-empty', 0   ; and "--p=x" names --path)
	db 'p', 'path', 0                       ; (GNU's deprecated alias)
	db 'p', 'parents', 0
	db 'v', 'verbose', 0
	db '?', 'help', 0
	db '?', 'version', 0
	db 0

; Where the bytes fall in pages (peak RSS): the variables, stx, i386's
; argv0 and status and the start of qbuf (a message) share one page, and
; obuf (the -v lines) starts another: a -v run or an error writes two.
BSS
	BSS_ROOM 1024
	GLOBALS_HERE
	fs_out_vars
sync_err: resb 1
; stx: symlink_slash's struct stat64 (layouts.inc): only the type is
; read, which stat64 and lstat64 give on every kernel (statx would need
; its fallback before Linux 4.11).
stx:	resb ST64_RECORD
QBUFSZ	equ 131072 + 4 * 131072 + 64
qbuf:	resb QBUFSZ
OBUFSZ	equ 4096
	BSS_ROOM 512
obuf:	resb OBUFSZ
DENTSZ	equ 4096
dents:	resb DENTSZ

program_end
