; cp - copy files and directories.
;
; Usage: cp [OPTION]... [-T] SOURCE DEST
;        cp [OPTION]... SOURCE... DIRECTORY
;        cp [OPTION]... -t DIRECTORY SOURCE...
;   -r, -R, --recursive   copy directories and what they hold; symlinks
;                         are copied as symlinks, FIFOs and device nodes
;                         are made anew (never read)
;   -a, --archive         -R -P --preserve=mode,ownership,timestamps
;   -p                    --preserve=mode,ownership,timestamps
;   --preserve=LIST       mode, ownership, timestamps (all: the three)
;   -P, --no-dereference  copy symlinks as symlinks
;   -L, --dereference     follow every symlink in SOURCE
;   -H                    follow symlinks named on the command line only
;   -f, --force           remove a destination that cannot be opened, and
;                         try again
;   -i, --interactive     ask "cp: overwrite 'DEST'? " (y or Y: yes)
;   -n, --no-clobber      never overwrite an existing file
;   -l, --link            hard links instead of copies
;   -s, --symbolic-link   symbolic links instead of copies
;   -u, --update          copy only when SOURCE is newer than DEST or DEST
;                         is missing
;   -v, --verbose         print 'SOURCE' -> 'DEST' for each copy
;   -T, --no-target-directory  DEST is never a directory
;   -t, --target-directory=DIRECTORY
; Long options may be shortened to any unambiguous prefix.
; Regular files: copy_file_range (no bytes through this process), or
; read/write when the kernel refuses; holes of sparse files are kept.
; Exit status: 0; 1 when anything failed (the other operands are still
; copied) or for a usage error.
; Differences from GNU: -d, --preserve=links (and so the hard links of
; -a), --backup, --parents and the other options GNU has fail with
; "cp: unsupported option" before anything is done; -a preserves mode,
; ownership and timestamps but not hard links between the copied files
; (a file with several names in the tree is copied once per name). The
; entries of a directory are copied in the order the kernel lists them
; (GNU sorts them by inode number on some file systems): -v lines may come
; in another order. Paths longer than PATH_MAX fail with "File name too
; long" (GNU walks such trees with openat).
;
; mv.asm is this file built with MV defined: mv's options, rename first,
; and the copy below for EXDEV; what differs is under %ifdef MV.

%include "subk.inc"
%include "layout.inc"
use getopt_long, fs_msg, fs_out, usage_try, err_plain, errno_path, errno_tree
use copy_data, quote_arg
; SYS_utimens64: utimensat with 64-bit timespecs on both arches (for the
; utility's --preserve=timestamps)
%ifdef SYS_utimensat_time64
 %define SYS_utimens64 SYS_utimensat_time64
%else
 %define SYS_utimens64 SYS_utimensat
%endif

%define STX_NLINK 16
%define STX_UID 20
%define STX_GID 24
%define STX_ATIME 64
%define STX_MTIME 112
%define PATHSZ 8192                     ; a path being built (sbuf, dbuf)
%define CBUFSZ 131072
%define DIRBUF 4096                     ; getdents64's buffer, per level
%define OBUFSZ 4096
%define P_MODE 1
%define P_OWNER 2
%define P_TIMES 4
%define D_DEFAULT 0
%define D_NEVER 1                       ; -P
%define D_ALWAYS 2                      ; -L
%define D_ARGS 3                        ; -H

%ifndef MV
OPTSPEC:	db 'abdfHilLnPpRrsS:t:TuvxZ', 0
LONGOPTS:                               ; in GNU's order (its ambiguity lists)
	db 'a', 'archive', 0
	db 'b', 'attributes-only', 0
	db 'b', 'copy-contents', 0
	db 'b', 'debug', 0
	db 'L', 'dereference', 0
	db 'f', 'force', 0
	db 'i', 'interactive', 0
	db 'l', 'link', 0
	db 'n', 'no-clobber', 0
	db 'P', 'no-dereference', 0
	db 'b' | 0x80, 'no-preserve', 0
	db 'T', 'no-target-directory', 0
	db 'b', 'parents', 0
	db 'E' | 0x80, 'preserve', 0
	db 'r', 'recursive', 0
	db 'b', 'remove-destination', 0
	db 'b' | 0x80, 'sparse', 0
	db 'b', 'reflink', 0
	db 'b', 'strip-trailing-slashes', 0
	db 'b' | 0x80, 'suffix', 0
	db 's', 'symbolic-link', 0
	db 't' | 0x80, 'target-directory', 0
	db 'u', 'update', 0
	db 'v', 'verbose', 0
	db 'b', 'context', 0
	db '?', 'help', 0
	db '?', 'version', 0
	db 0
%else                                   ; mv's options
OPTSPEC:	db 'bfinS:t:TuvZ', 0
LONGOPTS:
	db 'b', 'backup', 0
	db 'b', 'context', 0
	db 'b', 'debug', 0
	db 'f', 'force', 0
	db 'i', 'interactive', 0
	db 'n', 'no-clobber', 0
	db 'b', 'strip-trailing-slashes', 0
	db 'b' | 0x80, 'suffix', 0
	db 't' | 0x80, 'target-directory', 0
	db 'T', 'no-target-directory', 0
	db 'u', 'update', 0
	db 'v', 'verbose', 0
	db '?', 'help', 0
	db '?', 'version', 0
	db 0
msg_move:	db 'cannot move ', 0
msg_sub:	db ' to a subdirectory of itself, ', 0
msg_remove:	db 'cannot remove ', 0
msg_xdev:	db 'inter-device move failed: ', 0
msg_xdev2:	db '; unable to remove target', 0
v_renamed:	db 'renamed ', 0
v_copied:	db 'copied ', 0
v_removed:	db 'removed ', 0
v_rmdir:	db 'removed directory ', 0
v_created:	db 'created directory ', 0
%endif
fmt_unsupported: db F_ARGV0, ': unsupported option', 10, 0
fmt_no_file:	db F_ARGV0, ': missing file operand', 10, F_TRY, 0
%ifndef MV
txt_invalid:	db 'invalid', 0
txt_ambiguous:	db 'ambiguous', 0
fmt_bad_keep:	db F_ARGV0, ': ', F_TEXT, ' argument ', F_QUOTE, " for '--preserve'", 10
		db 'Valid arguments are:', 10
		db "  - 'mode'", 10, "  - 'timestamps'", 10, "  - 'ownership'", 10
		db "  - 'links'", 10, "  - 'context'", 10, "  - 'xattr'", 10
		db "  - 'all'", 10, F_TRY, 0
%endif
msg_combine:	db 'cannot combine --target-directory (-t) and --no-target-directory (-T)', 0
msg_multiple:	db 'multiple target directories specified', 0
msg_target:	db 'target ', 0
msg_target_dir:	db 'target directory ', 0
msg_not_dir:	db ' is not a directory', 0
msg_access:	db 'cannot access ', 0
msg_missing_dest: db 'missing destination file operand after ', 0
msg_extra:	db 'extra operand ', 0
msg_stat:	db 'cannot stat ', 0
msg_omit:	db '-r not specified; omitting directory ', 0
msg_itself:	db 'cannot copy a directory, ', 0
msg_itself2:	db ', into itself, ', 0
msg_ow_nondir:	db 'cannot overwrite non-directory ', 0
msg_with_dir:	db ' with directory ', 0
msg_ow_dir:	db 'cannot overwrite directory ', 0
msg_with_nondir: db ' with non-directory', 0
msg_and:	db ' and ', 0
msg_same:	db ' are the same file', 0
msg_mkdir:	db 'cannot create directory ', 0
msg_creat:	db 'cannot create regular file ', 0
msg_open_r:	db 'cannot open ', 0
msg_for_r:	db ' for reading', 0
msg_read:	db 'error reading ', 0
msg_write_f:	db 'error writing ', 0
msg_close_f:	db 'failed to close ', 0
msg_symlink:	db 'cannot create symbolic link ', 0
msg_hard:	db 'cannot create hard link ', 0
msg_to:		db ' to ', 0
msg_readlink:	db 'cannot read symbolic link ', 0
msg_fifo:	db 'cannot create fifo ', 0
msg_special:	db 'cannot create special file ', 0
msg_perm:	db 'failed to preserve ownership for ', 0
msg_mode:	db 'preserving permissions for ', 0
msg_times:	db 'preserving times for ', 0
msg_overwrite:	db 'overwrite ', 0
msg_ask:	db '? '
msg_empty:	db 0
arrow:		db ' -> ', 0
%ifndef MV
keep_words:	db 'mode', 0, P_MODE, 'ownership', 0, P_OWNER
		db 'timestamps', 0, P_TIMES, 'links', 0, 0, 'context', 0, 0
		db 'xattr', 0, 0, 'all', 0, 7, 0
%endif
letters:	db 'rfnvTPLHilsupa'
NLETTERS	equ $ - letters

_start:
	save_argv0
	sys umask, 0
	mov [umask], eax
	sys umask, xax
	getopt_init
.opt:
	call getopt_long
	jc .opts_done
	cmp al, 'R'
	jne .not_R
	mov al, 'r'
.not_R:
	push xdi
	mov edi, letters
	mov ecx, NLETTERS
	repne scasb
	pop xdi
	jne .other
	neg xcx
	mov byte [opt_r + NLETTERS - 1 + xcx], 1
	cmp al, 'n'                     ; the last of -n and -i wins
	jne .not_n
	mov byte [opt_i], 0
.not_n:
	cmp al, 'i'
	jne .not_i
	mov byte [opt_n], 0
.not_i:
%ifdef MV
	cmp al, 'f'                     ; mv: the last of -f -i -n wins
	jne .not_f
	mov byte [opt_i], 0
	mov byte [opt_n], 0
.not_f:
%endif
	mov ah, D_NEVER
	cmp al, 'P'
	je .dopt
	cmp al, 'a'
	je .dopt
	mov ah, D_ALWAYS
	cmp al, 'L'
	je .dopt
	mov ah, D_ARGS
	cmp al, 'H'
	jne .opt
.dopt:
	mov [dopt], ah
	jmp .opt
.other:
	cmp al, 't'
	je .t_option
%ifndef MV
	cmp al, 'E'
	je .keep
%endif
.unsupported:
	mov esi, fmt_unsupported
	mov edx, esi
	xor eax, eax
	call say
	exit 1
.t_option:
	cmp WPTR [tdir], 0
	jne .multiple
	mov [tdir], xdx
	jmp .opt
.multiple:
	mov esi, msg_multiple
.die_plain:
	call err_plain
	exit 1

%ifndef MV
; --preserve=LIST: words separated by commas, each a prefix of one name
; (all the names start with different letters); links, context, xattr:
; unsupported.
.keep:
	push xsi
	push xdi
	mov [keeparg], xdx
	mov xsi, xdx
.word:
	mov edi, keep_words
.try:
	push xsi
.cmp:
	lodsb
	cmp al, ','
	je .end_word
	test al, al
	jz .end_word
	cmp al, [xdi]
	jne .next_entry
	inc edi
	jmp .cmp
.end_word:
	pop xdx
	inc xdx
	cmp xsi, xdx                    ; an empty word
	jbe .bad_keep
.to_code:
	xor eax, eax
	or ecx, -1
	repne scasb                     ; xdi = past the name's NUL
	mov al, [xdi]
	test al, al
	jz .keep_unsup
	or [keep], al
	cmp byte [xsi - 1], 0
	jne .word
	pop xdi
	pop xsi
	jmp .opt
.next_entry:
	pop xsi
.skip_name:
	xor eax, eax
	or ecx, -1
	repne scasb
	inc edi
	cmp byte [xdi], 0
	jne .try
.bad_keep:
	mov xdx, [keeparg]
	mov esi, fmt_bad_keep
	mov ecx, txt_invalid
	cmp byte [xdx], 0
	jne .bad_say
	mov ecx, txt_ambiguous
.bad_say:
	xor eax, eax
	call say
	exit 1
.keep_unsup:
	jmp .unsupported

%endif
; Options made whole: -a is -R -P with the three preserved;
; -p the three.
.opts_done:
%ifdef MV
	mov byte [opt_a], 1             ; mv: -a behind the rename
	mov byte [dopt], D_NEVER
%endif
	cmp byte [opt_p], 0
	je .no_p
	or byte [keep], 7
.no_p:
	cmp byte [opt_a], 0
	je .no_a
	or byte [keep], 7
	mov byte [opt_r], 1
.no_a:
	mov al, [dopt]                  ; the last of -P -L -H -a
	mov [deref], al
	test al, al
	jnz .deref
	mov byte [deref], D_ALWAYS      ; default: -r (without -l) never
	cmp byte [opt_r], 0
	je .deref
	cmp byte [opt_l], 0
	jne .deref
	mov byte [deref], D_NEVER
.deref:
	cmp byte [opt_v], 0
	je .not_verbose
	push xdi
	call out_init
	pop xdi
.not_verbose:
	lea xbp, [xsp + 2*W]
	sub xdi, xbp
	shr xdi, WSHIFT
	mov [nfiles], edi
	jnz .some
	mov esi, fmt_no_file
	mov edx, esi
	jmp usage_say
.some:
	cmp byte [opt_T], 0
	je .not_T
	mov esi, msg_combine
	cmp WPTR [tdir], 0
	jne .die_plain
	cmp edi, 2
	je .file_mode
	mov esi, msg_missing_dest
	mov xdx, [xbp]
	jb .usage_af
	mov esi, msg_extra
	mov xdx, [xbp + 2*W]
.usage_af:
	call af_start
	xor eax, eax
	call err_tail
	jmp usage_try
.not_T:
	cmp WPTR [tdir], 0
	jne .check_dir
	cmp edi, 1
	jne .last
	mov esi, msg_missing_dest
	mov xdx, [xbp]
	jmp .usage_af
.last:
	mov xdx, [xbp + xdi*W - W]
	sys statx, AT_FDCWD, xdx, 0, STATX_BASIC_STATS, dstx
	mov ecx, [nfiles]
	mov xdx, [xbp + xcx*W - W]
	test eax, eax
	js .last_missing
	call dst_is_dir
	jne .last_not_dir
	dec dword [nfiles]
	mov [tdir], xdx
	jmp .target_mode
.last_missing:
	cmp ecx, 2
	je .file_mode
	jmp .die_access
.last_not_dir:
	cmp ecx, 2
	je .file_mode
	mov esi, msg_target
	call af_start
	mov esi, msg_not_dir
	call af_put
	xor eax, eax
	call err_tail
	exit 1
.check_dir:                             ; -t DIRECTORY
	mov xdx, [tdir]
	push xdx
	sys statx, AT_FDCWD, xdx, 0, STATX_BASIC_STATS, dstx
	pop xdx
	mov esi, msg_target_dir
	test eax, eax
	js .die_af
	call dst_is_dir
	je .target_mode
	mov eax, -ENOTDIR
	jmp .die_af
.die_access:
	mov esi, msg_target
.die_af:
	call err_af
	exit 1

.file_mode:
	mov xsi, [xbp]
	mov [spath], xsi
	mov xsi, [xbp + W]
	mov [dpath], xsi
	call copy_top
	jmp .end

; Each SOURCE into tdir: DIRECTORY/BASE, BASE its last component without
; trailing slashes.
.target_mode:
	mov xsi, [xbp]
	test xsi, xsi
	jz .end
	mov [spath], xsi
	mov eax, dbuf
	mov [dpath], xax
	mov xsi, [tdir]
	mov edi, dbuf
	call copy
.strip:
	cmp edi, dbuf
	je .sep
	cmp byte [xdi - 1], '/'
	jne .sep
	dec edi
	jmp .strip
.sep:
	mov al, '/'
	stosb
	push xdi
	mov xsi, [spath]                ; the base: after the last '/' that
	call last_comp                  ; has something after it
	pop xdi
.base:
	lodsb
	cmp al, '/'
	je .base_end
	stosb
	test al, al
	jnz .base
.base_end:
	mov byte [xdi], 0
	call copy_top
	add xbp, W
	dec dword [nfiles]
	jnz .target_mode
.end:
	call out_end
	exit_status

; dst_is_dir - ZF=1 when dstx is a directory. clobbers eax
dst_is_dir:
	movzx eax, word [dstx + STX_MODE]
	and eax, S_IFMT
	cmp eax, S_IFDIR
	ret

; copy - the string at xsi to xdi with its NUL; xdi left at the NUL.
; clobbers al, xsi
copy:
	lodsb
	stosb
	test al, al
	jnz copy
	dec xdi
	ret

; last_comp - xsi = a name -> xsi = its last component (gnulib's
; last_component). clobbers al, xcx
last_comp:
	mov xcx, xsi
.skip:
	cmp byte [xcx], '/'
	jne .scan
	inc xcx
	jmp .skip
.scan:
	mov xsi, xcx
.next:
	mov al, [xcx]
	inc xcx
	test al, al
	jz .ret
	cmp al, '/'
	jne .next
	mov al, [xcx]
	test al, al
	jz .ret
	cmp al, '/'
	jne .scan
	jmp .next
.ret:
	ret

; copy_top - one operand: [spath] to [dpath]. The lengths of both are known
; from here on; no directory made yet by it.
copy_top:
	mov dword [top], 1              ; top = 1, made_top, into_self = 0
	mov xsi, [spath]
	call strlen_x
	mov [slen], ecx
	mov xsi, [dpath]
	call strlen_x
	mov [dlen], ecx
%ifdef MV
	jmp move_one
%else
	jmp copy_one
%endif

; strlen_x - xsi = a string -> ecx = its length. clobbers nothing else
strlen_x:
	or ecx, -1
.next:
	inc ecx
	cmp byte [xsi + xcx], 0
	jne .next
	ret

; The messages: fail_s / fail_d - "cp: TEXT'SBUF'[: Reason]" (xsi = TEXT,
; xax = -errno or 0), for the source or the destination.
fail_s:
	mov xdx, [spath]
	jmp err_af
fail_d:
	mov xdx, [dpath]
	jmp err_af
; fail_ds - "cp: TEXT'DBUF'TEXT2'SBUF'[: Reason]" (xsi, xbx = texts)
fail_ds:
	push xax
	mov xdx, [dpath]
	call af_start
	mov xsi, xbx
	call af_put
	mov xsi, [spath]
	call quote_af
	pop xax
	jmp err_tail
%ifdef MV
; fail_sd - "mv: TEXT'SRC'TEXT2'DST'[: Reason]" (xsi, xbx = texts)
fail_sd:
	push xax
	mov xdx, [spath]
	call af_start
	mov xsi, xbx
	call af_put
	mov xsi, [dpath]
	call quote_af
	pop xax
	jmp err_tail

; move_one - copy_one, then the source removed when it was copied (not
; renamed, not skipped) without any error: each file exists in one place
; or both at every moment. STATUS is counted for this entry alone, then
; merged.
move_one:
	mov eax, STATUS
	push xax
	mov STATUSb, 0
	mov byte [copied], 0
	call copy_one
	cmp byte [copied], 0
	je .done
	cmp STATUSb, 0
	jne .done
	mov dword [vtext], v_removed
	cmp dword [stype], S_IFDIR
	je .rmdir
	sys unlink, [spath]
	jmp short .removed
.rmdir:
	sys rmdir, [spath]
	mov dword [vtext], v_rmdir
.removed:
	test eax, eax
	js .remove_fail
	cmp byte [opt_v], 0
	je .done
	mov edi, qbuf
	mov esi, [vtext]
	call af_put
	mov xsi, [spath]
	call quote_af
	call out_line
	jmp short .done
.remove_fail:
	mov esi, msg_remove
	call fail_s
.done:
	pop xax
	or STATUS, eax
	ret
%endif

; verbose - "'SBUF' -> 'DBUF'" with -v.
verbose:
	cmp byte [opt_v], 0
	je .ret
	mov edi, qbuf
%ifdef MV
	cmp dword [stype], S_IFDIR      ; "created directory 'D'"
	jne .prefix
	cmp dword [vtext], v_renamed
	je .prefix
	mov esi, v_created
	call af_put
	jmp .dst
.prefix:
	mov esi, [vtext]
	call af_put
%endif
	mov xsi, [spath]
	call quote_af
	mov esi, arrow
	call af_put
.dst:
	mov xsi, [dpath]
	call quote_af
	jmp out_line
.ret:
	ret

; copy_one - copy [spath] to [dpath] (slen, dlen their lengths). Says what
; failed (STATUS = 1). Recursive for directories: the state of a level is
; on the stack.
copy_one:
	xor edx, edx                    ; follow the source's symlinks?
	mov al, [deref]
	cmp al, D_ALWAYS
	je .sflags
	cmp al, D_ARGS
	jne .nofollow
	cmp byte [top], 0
	jne .sflags
.nofollow:
	mov edx, AT_SYMLINK_NOFOLLOW
.sflags:
	mov [dflags], edx
	sys statx, AT_FDCWD, [spath], xdx, STATX_BASIC_STATS, sstx
	test eax, eax
	jns .have_src
	mov esi, msg_stat
	jmp fail_s
.have_src:
	movzx eax, word [sstx + STX_MODE]
	and eax, S_IFMT
	mov [stype], eax
	cmp eax, S_IFDIR
	jne .not_dir
	cmp byte [opt_r], 0
	jne .not_dir
	mov esi, msg_omit
	xor eax, eax
	jmp fail_s
.not_dir:
%ifndef MV
; A directory that this operand made, met again inside its source: GNU's
; "into itself". Its contents were copied; it is not.
	cmp byte [made_top], 0
	je .dst
	mov esi, sstx
	mov edi, topstx
	call same_inode
	jne .dst
	mov byte [made_top], 0
	mov byte [into_self], 1         ; the levels above stop too (GNU)
	mov esi, msg_itself
	mov edx, sbuf2
	call af_start
	mov esi, msg_itself2
	call af_put
	mov esi, dbuf2
	call quote_af
	xor eax, eax
	jmp err_tail

%endif
; The destination, through a symlink only when the source was followed
; (and for a non-directory source by default).
.dst:
	mov byte [dexists], 0
	mov edx, [dflags]
	cmp byte [opt_r], 0
	jne .dstat
	xor edx, edx
.dstat:
	sys statx, AT_FDCWD, [dpath], xdx, STATX_BASIC_STATS, dstx
	test eax, eax
	jns .exists
	cmp eax, -ENOENT
	je .by_type
	mov esi, msg_stat
	jmp fail_d
.exists:
	mov byte [dexists], 1
	mov esi, sstx
	mov edi, dstx
	call same_inode
	jne .differ
	cmp dword [stype], S_IFDIR
	je .differ                      ; (into itself: below)
	cmp byte [opt_s], 0
	jne .differ
	mov esi, msg_empty
	mov xdx, [spath]
	call af_start
	mov esi, msg_and
	call af_put
	mov xsi, [dpath]
	call quote_af
	mov esi, msg_same
	call af_put
	xor eax, eax
	jmp err_tail
.differ:
	cmp byte [opt_n], 0
	jne .ret
	call dst_is_dir
	je .dst_dir
	cmp dword [stype], S_IFDIR
	jne .dst_file
	mov esi, msg_ow_nondir          ; a directory over a file
	mov xbx, msg_with_dir
	xor eax, eax
	jmp fail_ds
.dst_dir:
	cmp dword [stype], S_IFDIR
	je .by_type
	mov esi, msg_ow_dir
	mov xdx, [dpath]
	call af_start
	mov esi, msg_with_nondir
	call af_put
	xor eax, eax
	jmp err_tail
.dst_file:
	cmp byte [opt_u], 0             ; -u: only when newer
	je .ask
	mov eax, [dstx + STX_MTIME]
	mov edx, [dstx + STX_MTIME + 4]
	sub eax, [sstx + STX_MTIME]
	sbb edx, [sstx + STX_MTIME + 4]
	jl .ask                         ; dest older (seconds)
	or eax, edx
	jnz .ret                        ; dest newer
	mov eax, [dstx + STX_MTIME + 8]
	cmp eax, [sstx + STX_MTIME + 8]
	jae .ret
.ask:
	cmp byte [opt_i], 0
	je .by_type
	call out_flush
	mov esi, msg_overwrite
	mov xdx, [dpath]
	call af_start
	mov esi, msg_ask
	call af_put
	call af_write
	call yes
	jne .ret

.by_type:
%ifdef MV
	mov byte [copied], 1
	cmp byte [top], 0
	je .copy
	sys rename, [spath], [dpath]
	test eax, eax
	jz .renamed
	cmp eax, -EXDEV
	je .xdev
	mov byte [copied], 0
	mov esi, msg_move
	mov xbx, msg_sub
	cmp eax, -EINVAL
	jne .move_fail
	xor eax, eax                    ; "to a subdirectory of itself"
	jmp fail_sd
.move_fail:
	mov xbx, msg_to
	jmp fail_sd
.renamed:
	mov byte [copied], 0
	mov dword [vtext], v_renamed
	jmp verbose
.xdev:                                  ; the destination removed first
	xor edx, edx                    ; (as a rename would replace it)
	cmp dword [stype], S_IFDIR
	jne .unlink
	mov edx, AT_REMOVEDIR
.unlink:
	sys unlinkat, AT_FDCWD, [dpath], xdx
	mov byte [dexists], 0
	test eax, eax
	jns .copy
	cmp eax, -ENOENT
	je .copy
	mov byte [copied], 0
	push xax
	mov esi, msg_xdev
	mov xdx, [spath]
	call af_start
	mov esi, msg_to
	call af_put
	mov xsi, [dpath]
	call quote_af
	mov esi, msg_xdev2
	call af_put
	pop xax
	jmp err_tail
.copy:
	mov dword [vtext], v_copied
%endif
	mov eax, [stype]
	cmp eax, S_IFDIR
	je copy_dir
%ifndef MV
	cmp byte [opt_s], 0
	jne make_symlink
	cmp byte [opt_l], 0
	jne make_link
%endif
	cmp eax, S_IFLNK
	je copy_symlink
	cmp eax, S_IFREG
	je copy_reg
	cmp byte [opt_r], 0
	je copy_reg                     ; not recursive: the contents
	jmp copy_special
.ret:
	ret

; yes - read an answer line from stdin: ZF=1 when it starts with y or Y.
yes:
	mov word [answer], 0            ; answer, and a byte: one was read
.read:
	sys read, 0, ch1, 1
	cmp eax, -EINTR
	je .read
	test eax, eax
	jle .end
	mov al, [ch1]
	cmp byte [answer + 1], 0
	jne .not_first
	mov [answer], al
	inc byte [answer + 1]
.not_first:
	cmp al, 10
	jne .read
.end:
	mov al, [answer]
	or al, 0x20
	cmp al, 'y'
	ret

; same_inode - esi, edi = statx records -> ZF=1 for the same dev and ino.
same_inode:
	mov eax, [xsi + STX_INO]
	cmp eax, [xdi + STX_INO]
	jne .ret
	mov eax, [xsi + STX_INO + 4]
	cmp eax, [xdi + STX_INO + 4]
	jne .ret
	mov eax, [xsi + STX_DEV]
	cmp eax, [xdi + STX_DEV]
	jne .ret
	mov eax, [xsi + STX_DEV + 4]
	cmp eax, [xdi + STX_DEV + 4]
.ret:
	ret

; unlink_dst - an existing destination removed (for what cannot be
; opened over it: links, symlinks, special files). -> SF on failure
unlink_forced:
	xor eax, eax
	cmp byte [opt_f], 0
	je unlink_dst.ret
unlink_dst:
	xor eax, eax
	cmp byte [dexists], 0
	je .ret
	sys unlink, [dpath]
	test eax, eax
.ret:
	ret

%ifndef MV
; -s: a symlink to the source name as given; -l: a hard link.
make_symlink:
	call unlink_forced
	js .fail
	sys symlink, [spath], [dpath]
	test eax, eax
	jns done_verbose
.fail:
	mov esi, msg_symlink
	mov xbx, msg_to
	jmp fail_ds
make_link:
	call unlink_forced
	js .fail
	xor A5d, A5d
	cmp byte [deref], D_ALWAYS
	jne .link
	mov A5d, AT_SYMLINK_FOLLOW
.link:
	sys linkat, AT_FDCWD, [spath], AT_FDCWD, [dpath]
	test eax, eax
	jns done_verbose
.fail:
	mov esi, msg_hard
	mov xbx, msg_to
	jmp fail_ds
done_verbose:
	jmp verbose

%endif
; A symlink: its target read and made again.
copy_symlink:
	sys readlink, [spath], lbuf, PATHSZ - 1
	test eax, eax
	jns .read
	mov esi, msg_readlink
	jmp fail_s
.read:
	mov byte [lbuf + xax], 0
	call unlink_dst
	js .fail
	sys symlink, lbuf, [dpath]
	test eax, eax
	jns .made
.fail:
	mov esi, msg_symlink
	jmp fail_d
.made:
	call verbose
	mov edx, AT_SYMLINK_NOFOLLOW
	jmp preserve

; A FIFO, device or socket (with -r): made anew with mknod.
copy_special:
	call unlink_dst
	js .fail
	mov eax, [sstx + STX_RDEV]      ; major
	mov ecx, [sstx + STX_RDEV + 4]  ; minor
	shl eax, 8
	movzx edx, cl
	or eax, edx
	xor cl, cl
	shl ecx, 12
	or eax, ecx
	movzx edx, word [sstx + STX_MODE]
	sys mknodat, AT_FDCWD, [dpath], xdx, xax
	test eax, eax
	jns .made
.fail:
	mov esi, msg_fifo
	cmp dword [stype], S_IFIFO
	je .say
	mov esi, msg_special
.say:
	jmp fail_d
.made:
	call verbose
	xor edx, edx
	jmp preserve

; A regular file: opened, the destination opened over the old one (-f:
; removed and made when that fails) or made, the bytes copied.
copy_reg:
	sys open, [spath], O_RDONLY | O_LARGEFILE
	test eax, eax
	jns .opened
	mov esi, msg_open_r
	mov xbx, msg_for_r
	jmp fail_sd_only
.opened:
	mov [cd_in], eax
	cmp byte [dexists], 0
	je .create
	sys open, [dpath], O_WRONLY | O_TRUNC | O_LARGEFILE
	test eax, eax
	jns .out
	cmp byte [opt_f], 0
	je .open_fail
	push xax
	sys unlink, [dpath]
	test eax, eax
	pop xax
	js .open_fail
.create:
	movzx edx, word [sstx + STX_MODE]
	and edx, 0o777
	sys open, [dpath], O_WRONLY | O_CREAT | O_EXCL | O_LARGEFILE, xdx
	test eax, eax
	jns .out
	cmp eax, -EISDIR                ; "c/" when c is missing: GNU's
	jne .creat_fail                 ; ENOTDIR
	mov ecx, [dlen]
	mov xdx, [dpath]
	cmp byte [xdx + xcx - 1], '/'
	jne .creat_fail
	mov al, -ENOTDIR
.creat_fail:
	mov esi, msg_creat
	call fail_d
	jmp .close_in
.open_fail:
	mov esi, msg_creat
	call fail_d
	jmp .close_in
.out:
	mov [cd_out], eax
	mov esi, sstx
	call copy_data
	jns .copied
	test edx, edx
	jnz .werr
	mov esi, msg_read
	call fail_s
	jmp .close_out
.werr:
	mov esi, msg_write_f
	call fail_d
	jmp .close_out
.copied:
	sys close, [cd_out]
	test eax, eax
	jns .closed
	mov esi, msg_close_f
	call fail_d
	jmp .close_in
.closed:
	sys close, [cd_in]
	call verbose
	xor edx, edx
	jmp preserve
.close_out:
	sys close, [cd_out]
.close_in:
	sys close, [cd_in]
	ret

; fail_sd_only - "cp: TEXT'SBUF'TEXT2[: Reason]" (xsi, xbx = texts)
fail_sd_only:
	push xax
	mov xdx, [spath]
.start:
	call af_start
	mov xsi, xbx
	call af_put
	pop xax
	jmp err_tail

; copy_dir - a directory: made (or there already), its entries copied one
; by one with both paths grown by "/NAME", then its mode (and what -p
; keeps) set. The level's state on the stack: the source's statx, the
; lengths, the fd, whether it was made, and DIRBUF for getdents64.
copy_dir:
	push xbp
	sub xsp, STATX_RECORD + DIRBUF + 8*W
	mov xbp, xsp
	mov esi, sstx
	mov xdi, xbp
	mov ecx, STATX_RECORD / 4
	rep movsd
	mov eax, [slen]
	mov [xbp + STATX_RECORD], eax
	mov eax, [dlen]
	mov [xbp + STATX_RECORD + 4], eax
	mov byte [xbp + STATX_RECORD + 8], 0   ; made
	cmp byte [dexists], 0
	jne .open
	sys mkdir, [dpath], 0o700
	test eax, eax
	jns .made
	mov esi, msg_mkdir
	call fail_d
	jmp .out
.made:
	mov byte [xbp + STATX_RECORD + 8], 1
%ifndef MV
	cmp byte [top], 0
	je .verbose
	sys statx, AT_FDCWD, [dpath], 0, STATX_BASIC_STATS, topstx
	test eax, eax
	js .verbose
	mov byte [made_top], 1
	mov xsi, [spath]
	mov edi, sbuf2
	call copy
	mov xsi, [dpath]
	mov edi, dbuf2
	call copy
%endif
.verbose:
	call verbose
.open:
	mov byte [top], 0
	mov eax, sbuf                   ; the paths grow in sbuf and dbuf
	cmp [spath], xax
	je .s_there
	mov xsi, [spath]
	mov [spath], xax
	xchg eax, edi
	call copy
.s_there:
	mov eax, dbuf
	cmp [dpath], xax
	je .d_there
	mov xsi, [dpath]
	mov [dpath], xax
	xchg eax, edi
	call copy
.d_there:
	sys open, [spath], O_RDONLY | O_DIRECTORY | O_LARGEFILE
	test eax, eax
	jns .opened
	mov esi, msg_access
	call fail_s
	jmp .attrs
.opened:
	mov [xbp + STATX_RECORD + 12], eax
.read:
	lea xcx, [xbp + STATX_RECORD + 8*W]
	sys getdents64, [xbp + STATX_RECORD + 12], xcx, DIRBUF
	test eax, eax
	jg .entries
	jz .close
	mov esi, msg_access
	call fail_s
	jmp .close
.entries:
	mov [xbp + STATX_RECORD + 16], eax      ; bytes
	and dword [xbp + STATX_RECORD + 20], 0  ; position
.entry:
	mov eax, [xbp + STATX_RECORD + 20]
	cmp eax, [xbp + STATX_RECORD + 16]
	jae .read
	lea xsi, [xbp + STATX_RECORD + 8*W + xax]
	movzx ecx, word [xsi + 16]              ; d_reclen
	add eax, ecx
	mov [xbp + STATX_RECORD + 20], eax
	add xsi, 19                             ; d_name
	cmp byte [xsi], '.'
	jne .name
	cmp byte [xsi + 1], 0
	je .entry
	cmp word [xsi + 1], '.'
	je .entry
.name:
	push xsi
	call strlen_x
	pop xsi
	mov eax, [slen]
	cmp eax, [dlen]
	jae .longer
	mov eax, [dlen]
.longer:
	lea eax, [eax + ecx + 2]
	cmp eax, PATHSZ
	jb .fits
	mov eax, -ENAMETOOLONG
	mov esi, msg_access
	call fail_s
	jmp .entry
.fits:
	mov edx, slen                   ; then dlen, dbuf = sbuf + PATHSZ
	mov ecx, sbuf
.append:
	push xsi
	mov edi, [xdx]
	add edi, ecx
	mov al, '/'
	stosb
	call copy
	sub edi, ecx
	mov [xdx], edi
	pop xsi
	add edx, 4
	add ecx, PATHSZ
	cmp ecx, sbuf + 2*PATHSZ
	jb .append
	push xbp
%ifdef MV
	call move_one
%else
	call copy_one
%endif
	pop xbp
	mov eax, [xbp + STATX_RECORD]
	mov [slen], eax
	mov byte [sbuf + xax], 0
	mov eax, [xbp + STATX_RECORD + 4]
	mov [dlen], eax
	mov byte [dbuf + xax], 0
	cmp byte [into_self], 0
	je .entry
.close:
	sys close, [xbp + STATX_RECORD + 12]

; The mode of a directory it made: the source's less the umask (all of
; it with --preserve=mode); and what -p keeps.
.attrs:
	mov xsi, xbp
	mov edi, sstx
	mov ecx, STATX_RECORD / 4
	rep movsd
	mov dword [stype], S_IFDIR
	xor edx, edx
	mov [dflags], edx
	test byte [keep], P_MODE
	jz .no_keep_mode
	call preserve
	jmp short .out
.no_keep_mode:
	cmp byte [xbp + STATX_RECORD + 8], 0
	je .keep
	movzx ecx, word [sstx + STX_MODE]
	and ecx, 0o7777
	mov eax, [umask]
	not eax
	and ecx, eax
	sys chmod, [dpath], xcx
.keep:
	call preserve.no_mode
.out:
	add xsp, STATX_RECORD + DIRBUF + 8*W
	pop xbp
%ifdef MV
	mov byte [copied], 1
%endif
	ret

; preserve - what --preserve keeps, on [dpath]: the owner (a failure said
; only by root's... GNU ignores EPERM as a user), the mode, the times.
; in: edx = AT_SYMLINK_NOFOLLOW for a symlink, else 0.
preserve:
	mov [dflags], edx
	mov al, [keep]
	test al, P_MODE
	jz .no_mode
	cmp dword [stype], S_IFLNK
	je .no_mode
	call .owner
	movzx ecx, word [sstx + STX_MODE]
	and ecx, 0o7777
	sys chmod, [dpath], xcx
	test eax, eax
	jns .tspec
	mov esi, msg_mode
	call fail_d
	jmp .tspec
.no_mode:
	call .owner
.tspec:
	test byte [keep], P_TIMES
	jz .ret
	mov esi, sstx + STX_ATIME
	mov edi, tspec
	call .ts
	mov esi, sstx + STX_MTIME
	call .ts
	push xbp
	sys utimens64, AT_FDCWD, [dpath], tspec, [dflags]
	pop xbp
	test eax, eax
	jns .ret
	mov esi, msg_times
	jmp fail_d
.ts:
	movsd
	movsd
	movsd
	xor eax, eax
	stosd
.ret:
	ret
.owner:
	test byte [keep], P_OWNER
	jz .ret
	sys fchownat, AT_FDCWD, [dpath], [sstx + STX_UID], [sstx + STX_GID], [dflags]
	test eax, eax
	jns .ret
	cmp eax, -EPERM
	je .ret
	mov esi, msg_perm
	jmp fail_d


BSS
qbuf:	resb 2 * PATHSZ + 4 * 2 * PATHSZ + 64
QBUFSZ	equ 2 * PATHSZ + 4 * 2 * PATHSZ + 64
sbuf2:	resb PATHSZ
dbuf2:	resb PATHSZ
lbuf:	resb PATHSZ
cbuf:	resb CBUFSZ
BSS_ROOM 2048
sstx:	resb STATX_RECORD
dstx:	resb STATX_RECORD
topstx:	resb STATX_RECORD               ; the directory an operand made
tspec:	resq 4
cd_pos:	resq 1
cd_opos: resq 1
cd_end:	resq 1
cd_size: resq 1
spath:	resq 1                  ; the source's path: an argument, or sbuf
dpath:	resq 1                  ; the destination's: an argument, or dbuf
cd_in:	resd 1
cd_out:	resd 1
cd_len:	resd 1
tdir:	resW 1
keeparg: resW 1
nfiles:	resd 1
slen:	resd 1                  ; (then dlen: copy_dir's .append)
dlen:	resd 1
stype:	resd 1
dflags:	resd 1
umask:	resd 1
opos:	resd 1
werr:	resd 1
opt_r:	resb 1                  ; the order of letters (-R: -r)
opt_f:	resb 1
opt_n:	resb 1
opt_v:	resb 1
opt_T:	resb 1
opt_P:	resb 1
opt_L:	resb 1
opt_H:	resb 1
opt_i:	resb 1
opt_l:	resb 1
opt_s:	resb 1
opt_u:	resb 1
opt_p:	resb 1
opt_a:	resb 1
dopt:	resb 1
keep:	resb 1
deref:	resb 1
top:	resb 1                  ; (then made_top: copy_top)
made_top: resb 1
into_self: resb 1
	resb 1
%ifdef MV
copied:	resb 1                  ; mv: the entry was copied (see move_one)
vtext:	resd 1                  ; mv: "renamed " or "copied "
%endif

dexists: resb 1
answer:	resb 2
ch1:	resb 1
otty:	resb 1
GLOBALS_HERE
sbuf:	resb PATHSZ
dbuf:	resb PATHSZ                     ; (just after sbuf: copy_dir's .append)
obuf:	resb OBUFSZ
TEXT

program_end
