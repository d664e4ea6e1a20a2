; chmod - change the mode bits of files.
;
; Usage: chmod [OPTION]... MODE[,MODE]... FILE...
;        chmod [OPTION]... OCTAL-MODE FILE...
;        chmod [OPTION]... --reference=RFILE FILE...
;   -c, --changes         like -v, only for the files whose mode changed
;   -f, --silent, --quiet no message for a file that could not be changed
;   -v, --verbose         a line for every file
;   -R, --recursive       directories' contents too (symbolic links met in
;                         the walk are skipped; operands are followed)
;       --reference=RFILE RFILE's mode instead of MODE
;       --preserve-root     with -R, refuse "/" (GNU's two messages)
;       --no-preserve-root  the default
; MODE: octal (a directory keeps its setuid/setgid bits unless 5 digits
; are given) or GNU's symbolic clauses (rt/fs_mode.inc: u+x,go-w,a=r,+t,
; g+s, =, X, u=g copies, =755 and -022: octal after an operator without
; u/g/o/a; a clause without u/g/o/a is limited by the
; umask). As GNU, options like -w, -rx, -022 are MODE pieces (joined with
; commas), and then GNU's "new permissions are ..., not ..." diagnostic
; when the umask kept a bit from changing. Options may follow operands
; (GNU's getopt permutes them); with POSIXLY_CORRECT in the environment
; they stop at the first operand, as GNU's getopt: `chmod u+x f -w`
; changes a file named "-w", `chmod -w f` still takes -w as MODE.
; Exit status: 0; 1 on any error (the other files are still processed).
; Differences from GNU: directories are read in
; getdents order (GNU sorts a directory of more than 10000 entries by
; inode first, which changes only -v's order); --help and --version are
; not supported. The walk holds a descriptor per level down to 32 levels;
; deeper, a directory's grandparent is closed and opened again by ".." from
; the parent when the parent is done (checked to be the same device and
; inode), as GNU's fts does past its ring of 4 descriptors; when that fails
; (the tree changed meanwhile) GNU's "fts_read failed: Reason" ends the
; walk, the other operands too, as GNU's.

%define FS_MODE_OCTAL_OP                ; mode_parse: "=755", "-022"
%define FAST_SYSCALL                    ; i386: the vDSO's entry after 32 calls
%define OUT_SYNC                        ; fs_msg's sync_out and end_out
%define OUT_SYNC_CLOSE                  ; (close(1)'s reason after a failed sync_out)
%include "subk.inc"
%include "layout.inc"
use raise_limit, lseek64, err_quoted, fts_trim, fs_msg, fs_root, fs_out, fs_missing, usage, long_opt, fs_mode, errno_path, errno_tree, posixly
%define LONGOPT_AMBIGUOUS

F_REC    equ 1                          ; flags
F_FORCE  equ 2
F_DIAG   equ 4
F_REF    equ 8
F_PRES   equ 16
DEEP       equ 32                       ; past it, one descriptor per level
DBUF       equ 2048                       ; the getdents buffer (one for all levels)
%define OBUF_TAIL                       ; (see BSS)
%macro QB_START 1
	mov %1, [pathend]
	inc %1
%endmacro

_start:
	fast_syscall_init counted       ; i386: int 0x80 for the first 32 calls
	pop_argv0                       ; xsp = &argv[1]
	mov xsi, xsp
	mov xdi, xsp
; The options. xsi = the next argument, xdi = the next operand slot.
.arg:
	mov xdx, [xsi]
	test xdx, xdx
	jz .args_done
	add xsi, W
	cmp byte [xdx], '-'
	jne .operand
	mov al, [xdx+1]
	test al, al
	jz .operand                     ; "-"
	cmp al, '-'
	jne .cluster
	cmp byte [xdx+2], 0
	je .rest                        ; "--"
	push xdi
	mov xbx, xsi
	lea xsi, [xdx+2]
	call long_opt                   ; al = the code, xdx = the argument
	mov xsi, xbx
	pop xdi
	cmp al, 'r'
	jne .long_flag
	mov [refname], xdx
	or byte [flags], F_REF
	jmp .arg
.long_flag:
	cmp al, 'P'
	jne .not_P
	or byte [flags], F_PRES
	jmp .arg
.not_P:
	cmp al, 'N'
	jne .flag
	and byte [flags], ~F_PRES
	jmp .arg
.cluster:
	lea xcx, [xdx+1]
.letter:
	mov al, [xcx]
	test al, al
	jz .arg
	inc xcx
	push xdi
	mov edi, modechars              ; a MODE piece: the whole argument
	push xcx
	push MODECHARS
	pop xcx
	repne scasb
	pop xcx
	pop xdi
	je .mode_piece
	call .flag_bit
	jmp .letter
.flag:
	call .flag_bit
	jmp .arg
.flag_bit:
	cmp al, 'R'
	jne .not_R
	or byte [flags], F_REC
	ret
.not_R:
	cmp al, 'f'
	jne .not_f
	or byte [flags], F_FORCE
	ret
.not_f:
	cmp al, 'v'
	mov ah, 2
	je .verb
	cmp al, 'c'
	mov ah, 1
	jne opt_invalid
.verb:
	mov [verb], ah
	ret
.mode_piece:
	or byte [flags], F_DIAG
	push xsi
	push xdi
	mov xsi, xdx
	mov edi, [modeend]
	test edi, edi
	jnz .comma
	mov edi, modebuf
	mov [modestr], xdi
	jmp .copy
.comma:
	mov al, ','
	stosb
.copy:
	call copystr
	mov byte [xdi], 0
	mov [modeend], edi
	pop xdi
	pop xsi
	jmp .arg
.operand:
	cmp xdi, xsp                    ; the first operand: with POSIXLY_CORRECT
	jne .store                      ; getopt stops here (REQUIRE_ORDER), the
	call posixly                    ; rest are operands ("--" too); asked
	jnc .rest_here                  ; once (xsi = the next argument)
.store:
	mov [xdi], xdx
	add xdi, W
	jmp .arg
.rest:                                  ; after "--": operands only
	mov xdx, [xsi]
	add xsi, W
.rest_here:
	mov [xdi], xdx
	add xdi, W
	test xdx, xdx
	jnz .rest
	sub xdi, W
.args_done:
	mov [xdi], xdx                  ; (xdx = 0)
	mov xbp, xsp                    ; xbp = the next operand
	test byte [flags], F_REF
	jz .no_ref
	cmp [modeend], edx
	je .check_operands
	mov esi, fmt_combine
	mov xdx, xsi
	jmp .usage_msg
.no_ref:
	cmp [modeend], edx
	jne .check_operands
	mov xax, [xbp]
	test xax, xax
	jz missing_operand
	mov [modestr], xax
	add xbp, W
	cmp [xbp], xdx
	jne .check_operands
	mov esi, fmt_after
	xchg xdx, xax
	jmp .usage_msg
.check_operands:
	cmp [xbp], xdx
	je missing_operand
	test byte [flags], F_REC        ; -R: the walk's frames, the stack's
	jz .stack_done                  ; soft limit up to the hard one
	push RLIMIT_STACK
	pop A2
	call raise_limit
.stack_done:
	mov xdx, [refname]
	test xdx, xdx
	jz .compile
	sys stat64, xdx, stx
	test eax, eax
	jns .ref_ok
	mov esi, msg_ref
	mov xdx, [refname]
	mov dword [pathend], pathbuf    ; (QB_START: the message at pathbuf + 1)
	call err_af
	exit 1
.ref_ok:
	mov eax, [stx + ST64_MODE]      ; (32 bits: the upper half 0)
	and eax, 0o7777
	mov [refmode], eax
	jmp .files
.compile:
; Is MODE valid? (mode_parse from 0 with no umask.) Is it octal of fewer
; than 5 digits (a directory then keeps its setuid/setgid bits)?
	mov xsi, [modestr]
	xor eax, eax
	xor ecx, ecx
	cdq
	call mode_parse
	mov xdx, [modestr]
	jnc .valid
	mov esi, fmt_invalid_mode
.usage_msg:
	xor eax, eax
	call say
	exit 1
.valid:
	mov xsi, xdx
.digits:
	lodsb
	sub al, '0'
	cmp al, 8
	jb .digits
	sub xsi, xdx
	cmp al, -'0'
	jne .not_octal
	cmp esi, 5
	ja .not_octal
	mov byte [octshort], 1
.not_octal:
	sys umask, 0
	mov [umask_v], eax

; Each operand: into pathbuf (its full name for messages), then process.
.files:
	call root_init
	sys ioctl, 1, TCGETS, stx        ; TCGETS: is stdout a terminal? (as
	test eax, eax                   ; fs_msg's out_init, into stx: no
	sete [otty]                     ; obuf page for a run without -v)
.file:
	mov xsi, [xbp]
	test xsi, xsi
	jz .done
	add xbp, W
	push xbp
	call fts_trim                   ; "d//" as "d/" (GNU's fts_open)
	push xsi
	mov edi, pathbuf
	call copystr
	mov byte [xdi], 0
	mov [pathend], edi
	pop xsi
	push AT_FDCWD
	pop xbp
	call process
	pop xbp
	jmp .file
.done:
	call end_out
	exit_status

; process - one file and, under -R, what a directory holds.
; in: xbp = the directory fd it is in (AT_FDCWD for an operand: then
; symbolic links are followed), xsi = its name there; pathbuf up to
; [pathend] = its full name. keeps xbp.
process:
	push xbp
	push xsi                        ; [xsp] = the name
	xor eax, eax
	cmp ebp, AT_FDCWD
	je .stat
	mov eax, AT_SYMLINK_NOFOLLOW
.stat:
	mov [stflags], eax
	sys fstatat64, xbp, xsi, stx, xax
	test eax, eax
	jns .stat_ok
	cmp ebp, AT_FDCWD
	jne .no_access
	cmp eax, -ENOENT
	jne .no_access
	push xax                        ; a dangling symbolic link?
	sys fstatat64, xbp, [xsp+W], stx, AT_SYMLINK_NOFOLLOW
	test eax, eax
	pop xax
	js .no_access
	mov esi, msg_dangling
	xor eax, eax
	jmp .fail
.no_access:
	mov esi, msg_access
.fail:
	call say_file
.no_stat_line:
	cmp byte [verb], 2              ; -v: GNU's describe_change for a file
	jne .ret                        ; it could not stat or read (FTS_NS,
	QB_START edi
	mov xsi, pathbuf
	call quote_af
	mov esi, msg_no_stat
	call af_put
	call out_line
.ret:
	pop xsi
	pop xbp
	ret

.stat_ok:
	cmp byte [rootchk], 0           ; --preserve-root: "/" refused
	je .not_root
	mov edi, rootid                 ; ("/" itself? stat_id.inc)
	call id_is_di
	jne .not_root
	mov edx, pathbuf
	call root_warn
	jmp .ret
.not_root:
	mov eax, [stx + ST64_MODE]
	mov [oldmode], eax
	and eax, S_IFMT
	cmp eax, S_IFLNK
	jne .not_link
	cmp byte [verb], 2              ; a link met in the walk: not applied
	jne .ret
	QB_START edi
	mov esi, msg_neither
	call af_put
	mov xsi, pathbuf
	call quote_af
	mov esi, msg_nor
	call af_put
	call out_line
	jmp .ret
.not_link:
	cmp eax, S_IFDIR
	sete [isdir]
	mov ecx, [umask_v]
	call new_mode
	mov [newmode], eax
	sys fchmodat, xbp, [xsp], xax
	test eax, eax
	jns .chmod_ok
	mov esi, msg_changing
	call say_file
	cmp byte [verb], 2
	jne .walk
	mov esi, msg_failed
	call describe
	mov esi, msg_from
	call describe_modes
	jmp .walk
; Changed? (With setuid/setgid/sticky bits asked for, the kernel may
; have dropped some: the file is read again, following links, as GNU.)
.chmod_ok:
	mov eax, [newmode]
	test eax, 0o7000
	jz .compare
	sys fstatat64, xbp, [xsp], stx, 0
	test eax, eax
	js .restat_failed
	mov eax, [stx + ST64_MODE]
	jmp short .compare
; The file could not be read again: GNU's "getting new attributes of"
; for -c and -v (unless -f), the exit status untouched; not changed.
.restat_failed:
	cmp byte [verb], 0
	je .unchanged
	mov cl, STATUSb
	push xcx
	mov esi, msg_getting
	call say_file
	pop xcx
	mov STATUSb, cl
.unchanged:
	mov eax, [oldmode]
.compare:
	xor eax, [oldmode]
	test eax, 0o7777
	mov al, [verb]
	jz .retained
	test al, al
	jz .diagnose
	mov esi, msg_mode_of
	call describe
	mov esi, msg_changed
	call describe_modes
	jmp .diagnose
.retained:
	cmp al, 2
	jne .diagnose
	mov esi, msg_mode_of
	call describe
	mov esi, msg_retained           ; (GNU's: the mode asked for, which
	call af_put                     ; the kernel may have trimmed)
	mov eax, [newmode]
	call put_mode
	call out_line
; GNU's surprise check for MODE given as options (-w): the mode without
; the umask, and a message when the umask kept a bit the other has not.
.diagnose:
	test byte [flags], F_DIAG
	jz .walk
	xor ecx, ecx
	cmp ecx, [umask_v]
	je .walk
	call new_mode
	not eax
	test eax, [newmode]
	jz .walk
	not eax
	push xax
	call sync_out
	QB_START edi
	mov xsi, ARGV0
	call copystr
	mov ax, ': '
	stosw
	mov xsi, pathbuf
	call quote
	mov esi, msg_new
	call af_put
	mov eax, [newmode]
	call put_perms
	mov esi, msg_not
	call af_put
	pop xax
	call put_perms
	mov al, 10
	stosb
	call af_write
	mov STATUSb, 1

; -R and a directory: read it and process each entry (not . and ..).
; Frame: end, pos, fd, the saved pathend. The entries are read into dbuf,
; one buffer for all levels: after a subdirectory (whose walk read its
; own entries there: downer is not this fd) the reading goes on from the
; entry's d_off.
.walk:
	test byte [flags], F_REC
	jz .ret
	cmp byte [isdir], 0
	je .ret
	mov eax, O_RDONLY | O_DIRECTORY | O_LARGEFILE
	cmp ebp, AT_FDCWD
	je .open
	or eax, O_NOFOLLOW
.open:
	sys openat, xbp, [xsp], xax
	test eax, eax
	js .dnr
	mov ecx, [pathend]
	sub xsp, 16                     ; the parent's identity (id_put's)
	push WPTR [curslot]
	push xcx
	push xax
	push 0
	push 0
	lea xcx, [xsp+2*W]
	mov [curslot], xcx
	inc dword [depth]
	cmp dword [depth], DEEP
	jbe .entry
; Past DEEP levels the grandparent's descriptor is closed once its device
; and inode are noted in the parent's frame (its slot -1), and the parent
; opens it again by ".." when its walk ends (fts's way past its ring of
; descriptors; the parent was searchable: this one was opened in it): the
; walk holds about DEEP descriptors, however deep the tree.
	mov xdx, [xsp+4*W]              ; the parent's fd slot
	mov xdx, [xdx+2*W]              ; the grandparent's
	mov eax, [xdx]
	test eax, eax
	js .entry                       ; (closed already)
	push xdx
	sys fstat64, eax, stx
	mov xdi, [xsp+5*W]
	add xdi, 3*W                    ; the parent's frame: its note
	call note_ino
	pop xdx
	sys close, [xdx]
	or dword [xdx], -1
.entry:
	mov ecx, [xsp+W]                ; pos
	cmp ecx, [xsp]                  ; end
	jb .have
	mov A1d, [xsp+2*W]
	mov [downer], A1d
	sys getdents64, A1, dbuf, DBUF
	test eax, eax
	jz .walk_end
	js .dents_err
	mov [xsp], xax
	and dword [xsp+W], 0
	xor ecx, ecx
.have:
	lea esi, [dbuf+ecx]
	movzx eax, word [xsi+16]        ; d_reclen
	add ecx, eax
	mov [xsp+W], xcx
	add xsi, 19                     ; d_name
	skip_dots xsi, .entry
	mov edi, [xsp+3*W]
	cmp edi, pathbuf + PATHSZ - 260
	jb .room
	mov eax, -ENAMETOOLONG
	mov esi, msg_access
	call say_file
	jmp .entry
.room:
	cmp byte [xdi-1], '/'
	je .slash
	mov al, '/'
	stosb
.slash:
%if W == 8
	push qword [xsi-11]             ; the entry's d_off
%else
	push dword [xsi-7]
	push dword [xsi-11]
%endif
	push xdi                        ; the name: its copy in pathbuf
	call copystr
	mov byte [xdi], 0
	mov [pathend], edi
	pop xsi
	mov xbp, [xsp+8+2*W]
	call process
%if W == 8
	pop rax
%else
	pop eax
	pop edx
%endif
	mov A1d, [xsp+2*W]
	cmp A1d, [downer]
	je .same
	mov cl, SEEK_SET
	call lseek64
	test xax, xax
	js .read_err
	and dword [xsp], 0              ; (end: read again)
.same:
	mov xdi, [xsp+3*W]
	mov [pathend], edi
	mov byte [xdi], 0
	jmp .entry
.dents_err:
	dents_removed .walk_end
.read_err:
	push xax
	mov esi, msg_read
	call say_file
	pop xax
.walk_end:
	mov xdx, [xsp+4*W]              ; the parent's slot
	test xdx, xdx
	jz .close
	cmp dword [xdx], -1
	jne .close
	sys openat, [xsp+2*W], dotdot, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_LARGEFILE
	test eax, eax
	js .lost
	mov xdx, [xsp+4*W]
	mov [xdx], eax
	sys fstat64, eax, stx
	lea xdi, [xsp+5*W]
	call note_ino                   ; ZF=1: the same directory as before
	je .reopened
	push -ENOENT                    ; not it (moved meanwhile): ENOENT
	pop xax                         ; as GNU's fts says
; The way back lost: as GNU's fts_read, "fts_read failed: Reason" (not
; with -f) and the walk stops, the other operands too; exit 1.
.lost:
	mov STATUSb, 1
	test byte [flags], F_FORCE
	jnz _start.done
	call sync_out
	mov esi, msg_fts
	call err_text
	jmp _start.done
.reopened:
	or dword [downer], -1           ; (dbuf: read its entries again)
.close:
	sys close, [xsp+2*W]
	mov xcx, [xsp+4*W]
	mov [curslot], xcx
	dec dword [depth]
	add xsp, 5*W+16
	jmp .ret
.dnr:                                   ; (FTS_DNR: the -v line too)
	mov esi, msg_read
	jmp .fail

; note_ino - stx's identity (fs_msg's id_put: st_dev, st_ino) compared
; with a walk frame's note (16 bytes at xdi), and put there.
; out: ZF=1 when they were the same. clobbers xdx, xsi, xdi
note_ino:
	pmov xdx, xdi
	call id_is
	pmov xdi, xdx
	pushf
	call id_put
	popf
	ret

; say_file - "ARGV0: TEXT'PATH'[: Reason]" unless -f; STATUS = 1 anyway.
; in: xsi = TEXT, xax = -errno or 0. keeps xbp.
say_file:
	mov STATUSb, 1
	test byte [flags], F_FORCE
	jnz .ret
	call sync_out
	mov edx, pathbuf
	jmp err_af
.ret:
	ret

; new_mode - MODE applied to the old mode. in: ecx = the umask; oldmode,
; isdir. out: eax = the new mode (07777). keeps xbp.
new_mode:
	mov eax, [refmode]
	test byte [flags], F_REF
	jnz .ret
	mov eax, [oldmode]
	and eax, 0o7777
	mov xsi, [modestr]
	mov dl, [isdir]
	call mode_parse
	mov dl, [isdir]
	and dl, [octshort]
	jz .ret
	mov edx, [oldmode]
	and edx, 0o6000
	or eax, edx
.ret:
	ret

; describe - a -v line begun in qbuf: TEXT, then the path quoted.
; in: xsi = TEXT. out: xdi past it.
describe:
	QB_START edi
	call af_put
	mov xsi, pathbuf
	jmp quote_af

; describe_modes - TEXT, the old mode, " to ", the new one, and the line
; written. in: xsi = TEXT, xdi = the end of the line so far.
describe_modes:
	call af_put
	mov eax, [oldmode]
	call put_mode
	mov esi, msg_to
	call af_put
	mov eax, [newmode]
	call put_mode
	jmp out_line

; put_mode - "%04lo (PERMS)" of eax at xdi.
put_mode:
	and eax, 0o7777
	push xax
	mov ecx, 4
	rol ax, 4                       ; the 4 octal digits from the top
.digit:
	rol ax, 3
	push xax
	and al, 7
	add al, '0'
	stosb
	pop xax
	loop .digit
	mov ax, ' ('
	stosw
	pop xax
	call put_perms
	mov al, ')'
	stosb
	ret

; put_perms - strmode's 9 letters of eax at xdi. clobbers eax, ecx, edx
put_perms:
	mov edx, eax
	mov ecx, 0o400
	mov ah, 0o4000 >> 9             ; the special bit of this class
.class:
	mov al, 'r'
	call .bit
	mov al, 'w'
	call .bit
	push xcx
	movzx ecx, ah
	shl ecx, 9
	test edx, ecx                   ; the special bit?
	pop xcx
	mov al, 'x'
	jz .plain
	mov al, 's'
	cmp ah, 1
	jne .special
	mov al, 't'
.special:
	test edx, ecx
	jnz .put_x
	sub al, 'a' - 'A'
	jmp .put_x
.plain:
	test edx, ecx
	jnz .put_x
	mov al, '-'
.put_x:
	stosb
	shr ah, 1
	shr ecx, 1
	jnz .class
	ret
.bit:
	test edx, ecx
	jnz .bit_put
	mov al, '-'
.bit_put:
	stosb
	shr ecx, 1
	ret

dotdot:		db '..', 0
modechars:	db 'rwxXstugoa,+=01234567'
MODECHARS	equ $ - modechars
msg_ref:	db 'failed to get attributes of ', 0
msg_dangling:	db 'cannot operate on dangling symlink ', 0
msg_access:	db 'cannot access ', 0
msg_changing:	db 'changing permissions of ', 0
msg_getting:	db 'getting new attributes of ', 0
msg_read:	db 'cannot read directory ', 0
msg_neither:	db 'neither symbolic link ', 0
msg_nor:	db ' nor referent has been changed', 0
msg_mode_of:	db 'mode of ', 0
msg_failed:	db 'failed to change mode of ', 0
msg_changed:	db ' changed'
msg_from:	db ' from ', 0
msg_to:		db ' to ', 0
msg_retained:	db ' retained as ', 0
msg_fts:	db 'fts_read failed', 0
msg_no_stat:	db ' could not be accessed', 0
msg_new:	db ': new permissions are ', 0
msg_not:	db ', not ', 0
fmt_combine:	db F_ARGV0, ': cannot combine mode and --reference options', 10, F_TRY, 0
fmt_after:	db F_ARGV0, ': missing operand after ', F_QUOTE, 10, F_TRY, 0
fmt_invalid_mode: db F_ARGV0, ': invalid mode: ', F_QUOTE, 10, F_TRY, 0
LONGOPTS:
	db 'c', 'changes', 0
	db 'R', 'recursive', 0
	db 'N', 'no-preserve-root', 0
	db 'P', 'preserve-root', 0
	db 'f', 'quiet', 0
	db 'r'|0x80, 'reference', 0
	db 'f', 'silent', 0
	db 'v', 'verbose', 0
	db '?', 'help', 0
	db '?', 'version', 0
	db 0

; Where the bytes fall in pages (peak RSS): obuf keeps its bytes at its
; end (fs_msg's OBUF_TAIL) and ends 512 bytes into the page of i386's
; argv0 and status, the variables, stx, dbuf and pathbuf's start; a
; message is built just past the path in pathbuf (QB_START, at the top):
; a plain run, a -v run, -R on a small directory and an error each write
; one page.
BSS
OBUFSZ	equ 4096
	resb (PAGE + 512 - _BSS_PAGEOFF) % PAGE
obuf:	resb OBUFSZ
	GLOBALS_HERE
flags:	resb 1
verb:	resb 1
isdir:	resb 1
octshort: resb 1
modestr: resW 1
modeend: resd 1
refname: resW 1
refmode: resd 1
umask_v: resd 1
oldmode: resd 1
newmode: resd 1
stflags: resd 1
rootchk: resb 1
	resb 3
rootid:	resd 4
pathend: resd 1
	fs_out_vars
sync_err: resb 1                        ; (OUT_SYNC)

curslot: resW 1                         ; the walk's fd slot of the directory
depth:	resd 1                          ; being read, and its depth
downer:	resd 1                          ; the fd whose entries dbuf holds
stx:	resb ST64_RECORD                ; a struct stat64 (layouts.inc): type,
					; mode, inode, device, which every
					; kernel gives (statx would need its
					; fallback before Linux 4.11)
dbuf:	resb DBUF
PATHSZ	equ 1 << 20
pathbuf: resb PATHSZ
QBUFSZ	equ 4 * PATHSZ + 4096
qbuf:	resb QBUFSZ                     ; (past pathbuf: QB_START's room)
modebuf: resb 1 << 21

program_end
