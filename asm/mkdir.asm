; mkdir - make directories.
;
; Usage: mkdir [-pv] [-m MODE] DIRECTORY...
;   -m, --mode=MODE  the mode of the new directories: octal or symbolic
;                    (u=rwx,go=, a+s, 700, =755...), as chmod reads it from a
;                    starting mode of a=rwx; as GNU: made under the umask
;                    less MODE's bits (without g+w,o+w when MODE has a
;                    special bit), then chmod of the bits MODE cares about
;   -p, --parents    make missing parents (mode: the umask's, plus u+wx);
;                    an existing directory is no error
;   -v, --verbose    "mkdir: created directory 'D'" on stdout for each one
; Long options may be any unambiguous prefix. -p walks the path one
; component at a time, each opened relative to the one before (O_PATH),
; so a path longer than PATH_MAX works as with GNU's chdir walk.
; Exit status: 0; 1 when a directory could not be made ("mkdir: cannot
; create directory 'D': Reason", GNU's quote()), for a bad option or mode
; ("mkdir: invalid mode 'M'"), or a failed write of -v's lines.
; -Z, --context[=CTX] as GNU where the kernel has neither SELinux nor
; SMACK: nothing done (--context=CTX: GNU's warning).
; Differences from GNU: with SELinux or SMACK, -Z/--context set no context;
; --help, --version are not supported.

%define ERR_LEAN                        ; the smaller error path (fs_msg: af_start)
%define FS_MODE_BITS                    ; mode_parse: mode_bits, and "=755"
%define FS_MODE_OCTAL_OP
%define OUT_SYNC                        ; fs_msg's sync_out and end_out
%define OUT_SYNC_CLOSE                  ; (close(1)'s reason after a failed sync_out)
%define FAST_SYSCALL                    ; i386: the vDSO's entry after 32 calls
%define QUOTE_PLAIN             ; (error.inc: three of gnulib's quoting rules left out: its pages are full; README)
%define LONGOPT_OPTIONAL                ; --context[=CTX]
%define PHDRS_UNMAPPED                  ; (the code: one page without them)
%include "subk.inc"
%include "layout.inc"
use getopt_long, fs_mode, err_quoted, fs_msg, fs_out, fs_missing, errno_path, errno_tree

OPT_P	equ 1                           ; (tested by bt: BIT_)
OPT_V	equ 2
OPT_M	equ 4
BIT_P	equ 0
BIT_V	equ 1
BIT_M	equ 2

_start:
	fast_syscall_init counted       ; i386: int 0x80 for the first 32 calls
	getopt_start                    ; xsi = xdi = xsp = &argv[1], xbx = 0
	xor ebp, ebp                    ; ebp: the OPT_ bits
.opt:
	call getopt_long
	jc .options_done
	context_opt .opt
	opt_bits_cmp 'p', OPT_P, 'v', OPT_V, 'm', OPT_M
	mov [modestr], xdx
	jmp .opt
.options_done:
	cmp xdi, xsp
	je missing_operand
	bt ebp, BIT_V
	jnc .not_verbose
	call out_init
.not_verbose:
	sys umask, 0
	mov [umask_v], eax
	xchg eax, ecx
	mov eax, 0o777
	mov edx, ecx                    ; umask_self: the umask

; -m: GNU's mode (from a=rwx) and mode_bits (the bits MODE cares about,
; 0 without -m). The directory is made with the mode less the group and
; other write bits when MODE sets a special bit (mkdir_mode), under the
; umask less the mode's bits (umask_self).
	bt ebp, BIT_M
	jnc .mode_done
	mov xsi, [modestr]
	mov dl, 1
	call mode_parse
	jc .bad_mode
	mov edx, eax                    ; -m: the umask less the mode's bits
	not edx
	and edx, [umask_v]
.mode_done:
	mov [uself], edx
	mov [mode], eax
	mov edx, eax
	test ah, S_ISVTX >> 8
	jnz .strip
	test byte [mode_bits+1], (S_ISUID|S_ISGID) >> 8
	jz .keep
.strip:
	and dl, ~0o022
.keep:
	mov [mkmode], edx
	sys umask, [uself]
	jmp .operand

.bad_mode:                              ; (STATUS 1: nothing buffered yet)
	mov esi, msg_mode
	mov xdx, [modestr]
	xor eax, eax
	call err_quoted
.bye:
	call end_out
	exit_status

; Each operand: [xsp] = its name. [dfd] = the directory the next step is
; relative to, [comp] = the component it makes.
.operand:
	mov xbx, [xsp]
	test xbx, xbx
	jz .bye
	mov dword [dfd], AT_FDCWD
	mov [comp], xbx
	bt ebp, BIT_P
	jnc .final
	and WPTR [sep], 0
	mov xsi, xbx

; mkancesdirs: each component followed by a slash and more is made (as
; the umask allows, with u+wx) and entered; "." is skipped, ".." only
; entered. The name is cut at the component's end while it is used.
.scan:
	lodsb
	test al, al
	jz .final
	cmp byte [xsi], '/'
	jne .not_before_slash
	cmp al, '/'
	je .scan
	mov [sep], xsi
	jmp .scan
.not_before_slash:
	cmp al, '/'
	jne .scan
	cmp byte [xsi], 0
	je .scan
	mov xdi, [sep]
	test xdi, xdi
	jz .scan
	mov [pos], xsi
	mov xdx, [comp]
	mov eax, edi
	sub eax, edx
	cmp eax, 1
	jne .not_dot
	cmp byte [xdx], '.'
	je .next_comp
.not_dot:
	mov byte [xdi], 0
	and dword [merr], 0
	cmp eax, 2
	jne .make
	cmp word [xdx], '..'
	je .enter
.make:
	mov eax, [umask_v]
	and eax, ~0o300
	sys umask, eax
	sys mkdirat, [dfd], [comp], 0o777
	push xax
	sys umask, [uself]
	pop xax
	test eax, eax
	jns .made
	mov [merr], eax
	jmp .enter
.made:
	inc dword [merr]                ; 1: made
	call announce
.enter:
	mov A3d, O_PATH|O_DIRECTORY|O_CLOEXEC
	cmp dword [merr], 0
	jle .follow
	bts A3d, 17                     ; O_NOFOLLOW (0o400000)
.follow:
	sys openat, [dfd], [comp]
	test eax, eax
	jns .entered
	cmp eax, -ENOENT                ; (mkdirat's error first)
	jne .failed_open
	mov edx, [merr]
	test edx, edx
	cmovs eax, edx
.failed_open:
	jmp .failed
.entered:
	push xax                        ; entering needs search permission,
	sys faccessat2, eax, empty, 1, AT_EMPTY_PATH  ; as GNU's chdir: X_OK
	pop xdx
	test eax, eax
	jns .searchable
	cmp eax, -ENOSYS                ; (no faccessat2 before Linux 5.8:
	je .searchable                  ; the next step tells)
	push xax
	sys close, edx
	pop xax
	jmp .failed
.searchable:
	xchg eax, edx
	mov xdi, [sep]
	mov byte [xdi], '/'
	xchg eax, [dfd]
	call close_eax
.next_comp:
	mov xsi, [pos]
	mov [comp], xsi
	jmp .scan

; The last component (or the whole name without -p): made with the mode;
; with -p an existing directory is no error.
.final:
	sys mkdirat, [dfd], [comp], [mkmode]
	test eax, eax
	jns .created
	bt ebp, BIT_P
	jnc .failed
	cmp eax, -ENOENT
	je .failed
	push xax
	sys fstatat64, [dfd], [comp], stx, 0
	pop xdx
	test eax, eax
	jns .stat_ok
	cmp edx, -EEXIST                ; GNU: "cannot stat" when mkdir said
	jne .failed_edx                 ; EEXIST and stat neither ENOENT
	cmp eax, -ENOENT                ; nor ENOTDIR (a symlink loop)
	je .failed_edx
	cmp eax, -ENOTDIR
	mov esi, msg_stat
	jne .failed_msg
	jmp .failed_edx
.stat_ok:
	mov al, [stx + ST64_MODE + 1]
	and al, S_IFMT >> 8
	cmp al, S_IFDIR >> 8
	je .next
.failed_edx:
	xchg eax, edx
.failed:
	mov esi, msg_create
.failed_msg:                            ; (glibc's error() flushes stdout first:
	call sync_out                   ; the -v lines before the message)
	mov xdx, [xsp]
	call err_quoted
	jmp .next
.created:
	call announce
	cmp dword [mode_bits], 0
	je .next

; -m: dirchownmod: when the new directory's mode differs from the mode in
; mode_bits, chmod to the mode plus its other bits as they are.
	sys fstatat64, [dfd], [comp], stx, AT_SYMLINK_NOFOLLOW
	test eax, eax
	js .chmod_failed
	mov eax, [stx + ST64_MODE]      ; (32 bits, of which the kernel's
	and ah, 0o7777 >> 8             ; mode fills 16): the mode's 07777
	mov ecx, [mode_bits]
	mov edx, eax
	xor edx, [mode]
	test edx, ecx
	jz .next
	not ecx
	and eax, ecx
	or eax, [mode]
	xchg eax, A3d
	sys fchmodat, [dfd], [comp]
	test eax, eax
	jns .next
.chmod_failed:
	mov esi, msg_chmod
	jmp .failed_msg
.next:
	call close_dfd
	pop xax
	jmp .operand

; close_dfd - close [dfd] unless it is AT_FDCWD.
close_dfd:
	mov eax, [dfd]
close_eax:                              ; (eax: an fd or AT_FDCWD)
	test eax, eax
	js .ret
	sys close, eax
.ret:
	ret

; announce - with -v, "ARGV0: created directory 'NAME'" (NAME: [xsp+W],
; the operand, maybe cut at a component's end) into stdout's buffer.
announce:
	bt ebp, BIT_V
	jnc close_eax.ret
	mov esi, msg_created
	mov xdx, [xsp+W]
	call af_start
	jmp out_line

empty:		db 0
msg_create:	db 'cannot create directory ', 0
msg_stat:	db 'cannot stat ', 0
msg_chmod:	db 'cannot change permissions of ', 0
msg_mode:	db 'invalid mode ', 0
msg_created:	db 'created directory ', 0
OPTSPEC:	db 'm:pvZ', 0
LONGOPTS:                               ; in GNU's order (its ambiguity lists)
	db CTX_OPT | 0x80, 'context', 0
	db 'm'|0x80, 'mode', 0
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
umask_v: resd 1
mode:	resd 1
mkmode:	resd 1
uself:	resd 1
mode_bits: resd 1
dfd:	resd 1
merr:	resd 1                          ; 0, -errno (not made) or 1 (made)
sync_err: resb 1                        ; (OUT_SYNC)
	resb 3
modestr: resW 1
comp:	resW 1
sep:	resW 1
pos:	resW 1
stx:	resb ST64_RECORD                ; a struct stat64 (layouts.inc): the
					; type and mode, which every kernel's
					; fstatat64 gives (statx would need
					; its fallback before Linux 4.11)
QBUFSZ	equ 131072 + 4 * 131072 + 64
qbuf:	resb QBUFSZ
OBUFSZ	equ 4096
	BSS_ROOM 512
obuf:	resb OBUFSZ

program_end
