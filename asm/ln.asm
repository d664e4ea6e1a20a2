; ln - make links between files.
;
; Usage: ln [-bdfiLnPrsTv] [-S SUFFIX] TARGET LINK_NAME  (a link named LINK_NAME)
;        ln [OPTION]... TARGET                (a link in .)
;        ln [OPTION]... TARGET... DIRECTORY   (links in DIRECTORY)
;        ln [OPTION]... -t DIRECTORY TARGET...
;   -s, --symbolic           symbolic links instead of hard links
;   -f, --force              replace existing destinations: the new link is
;                            made under a temporary name in the same
;                            directory, then renamed over it (atomic)
;   -i, --interactive        ask "ln: replace 'DEST'? " on stderr before
;                            replacing; the answer is a line of stdin, yes
;                            when it starts with y or Y (glibc's yesno in
;                            the C locale); no: nothing done, status 0;
;                            -f and -i: the last one counts
;   -b, --backup[=CONTROL]   an existing destination renamed to its backup
;                            name first (CONTROL: none/off, simple/never,
;                            existing/nil, numbered/t, or a prefix; else
;                            $VERSION_CONTROL; else existing; argmatch's
;                            messages); -v then prints
;                            "'BACKUP' ~ 'DEST' -> 'TARGET'"; a link that
;                            fails afterwards renames the backup back
;   -S, --suffix=SUFFIX      simple backups' suffix (also -b), else
;                            $SIMPLE_BACKUP_SUFFIX, else "~" (one with a
;                            '/' before a name, or empty: "~")
;   -d, -F, --directory      hard links to directories tried too (the
;                            kernel refuses: "Operation not permitted")
;   -n, --no-dereference     a LINK_NAME that is a symlink to a directory is
;                            a file (replaced with -f), not the directory
;   -r, --relative           (with -s) targets relative to the link's
;                            directory, both canonicalized as GNU does
;   -T, --no-target-directory  LINK_NAME is never a directory
;   -t, --target-directory=DIRECTORY
;   -v, --verbose            print 'LINK' -> 'TARGET' ('LINK' => 'TARGET'
;                            for a hard link) for each link made (stdout
;                            buffered as glibc's; the lines buffered are
;                            written before an error message, as GNU's
;                            error() flushes stdout)
;   -L, --logical            hard links to what symlink TARGETs point to
;   -P, --physical           hard links to symlinks themselves (the default)
; Long options may be shortened to any unambiguous prefix.
; Exit status: 0; 1 when a link failed (GNU's messages), or for a usage
; error.
; Into a directory (-t, or a last operand that is one), the directory is
; opened once and each link made relative to it (GNU's destdir_fd and
; dest_base, *at calls), so a backup that renames a symlink to it away
; loses nothing. A numbered backup name (or existing's first simple one)
; whose base is longer than 14 bytes and than the directory's NAME_MAX - 1
; (fstatfs's f_namelen, as glibc's fpathconf answers gnulib) is cut as
; gnulib's check_extension does (to NAME_MAX - 2 bytes of the name and
; "~": 253 and "~" where NAME_MAX is 255).
; Differences from GNU: -i's answers are read a byte at a time (GNU's
; stdio reads ahead, which only matters to what a caller shares stdin
; with). --help and --version are not supported ("unrecognized option").

%define LONGOPT_OPTIONAL                ; --backup[=CONTROL]
%define SAY_STDERR_STATUS              ; a warning not written: status 1 (error.inc)
%include "subk.inc"
%include "rt/canonicalize_consts.inc"
%include "rt/stat_statfs.inc"           ; (backup_name's NAME_MAX)
%include "layout.inc"
use getopt_long, fs_msg, usage_try, err_plain, errno_path, errno_tree
use canonicalize, relpath, random_letters, stat_same, write_all

%define NOT_TRIED 1             ; a link result not yet known
%define REPLACED 2              ; made, over an existing destination
%define OBUFSZ 4096
%define SEEN_MAX 131072         ; names remembered for "just-created"

OPTSPEC:	db 'bdFfinrsS:t:TvLP', 0
LONGOPTS:                               ; (GNU's order: ambiguity messages)
	db 0x81, 'backup', 0            ; optional_argument: al = 1
	db 'd', 'directory', 0
	db 'n', 'no-dereference', 0
	db 'T', 'no-target-directory', 0
	db 'f', 'force', 0
	db 'i', 'interactive', 0
	db 'S' | 0x80, 'suffix', 0
	db 't' | 0x80, 'target-directory', 0
	db 'L', 'logical', 0
	db 'P', 'physical', 0
	db 'r', 'relative', 0
	db 's', 'symbolic', 0
	db 'v', 'verbose', 0
	db '?', 'help', 0
	db '?', 'version', 0
	db 0
fmt_no_file:	db F_ARGV0, ': missing file operand', 10, F_TRY, 0
fmt_dir_hard:	db F_ARGV0, ': ', F_FILE, ': hard link not allowed for directory', 10, 0
fmt_dir_over:	db F_ARGV0, ': ', F_FILE, ': cannot overwrite directory', 10, 0
msg_multiple:	db 'multiple target directories specified', 0
msg_relative:	db 'cannot do --relative without --symbolic', 0
msg_combine:	db 'cannot combine --target-directory and --no-target-directory', 0
msg_access:	db 'failed to access ', 0
msg_target:	db 'target ', 0
msg_not_dir:	db ' is not a directory', 0
msg_missing_dest: db 'missing destination file operand after ', 0
msg_extra:	db 'extra operand ', 0
msg_sym:	db 'failed to create symbolic link ', 0
msg_hard:	db 'failed to create hard link ', 0
msg_hard_to:	db 'failed to create hard link to ', 0
msg_same:	db ' and ', 0
msg_same2:	db ' are the same file', 0
msg_created:	db 'will not overwrite just-created ', 0
msg_with:	db ' with ', 0
arrow_sym:	db ' -> ', 0
arrow_hard:	db ' => ', 0
dot:		db '.', 0

_start:
	save_argv0
	mov WPTR [dfd], AT_FDCWD        ; (LINK_NAME forms: names from .)
	getopt_init
; The scan state is in xsi, xdi, xbx.
.opt:
	call getopt_long
	jc .opts_done
	mov ecx, opt_flags
	cmp al, 's'
	je .flag
	inc ecx
	cmp al, 'f'
	je .flag
	inc ecx
	cmp al, 'n'
	je .flag
	inc ecx
	cmp al, 'r'
	je .flag
	inc ecx
	cmp al, 'T'
	je .flag
	inc ecx
	cmp al, 'v'
	je .flag
	inc ecx
	cmp al, 'L'
	je .flag
	inc ecx
	cmp al, 'i'
	je .flag
	inc ecx
	cmp al, 'd'
	je .flag
	cmp al, 'F'
	je .flag
	inc ecx
	cmp al, 'b'
	je .flag
	cmp al, 'P'
	jne .not_p
	mov byte [opt_L], 0             ; -P: logical off
	jmp .opt
.flag:
	mov byte [xcx], 1
	cmp al, 'f'                     ; -f and -i: the last one counts
	jne .not_f
	mov byte [opt_i], 0
.not_f:
	cmp al, 'i'
	jne .opt
	mov byte [opt_f], 0
	jmp .opt
.not_p:
	cmp al, 't'
	je .t_option
	mov byte [opt_b], 1             ; --backup[=CONTROL], -S: backups
	cmp al, 1
	jne .suffix
	test xdx, xdx
	jz .opt
	mov [bk_vc], xdx
	jmp .opt
.suffix:
	mov [bk_suffix], xdx
	jmp .opt

; -t DIRECTORY: checked at once, as GNU does.
.t_option:
	cmp WPTR [tdir], 0
	jne .multiple
	mov [tdir], xdx
	push xsi
	push xdi
	push xbx
	sys stat64, xdx, src_st
	pop xbx
	pop xdi
	pop xsi
	mov xdx, [tdir]
	test eax, eax
	js .die_access
	movzx eax, word [src_st + ST64_MODE]
	and eax, S_IFMT
	cmp eax, S_IFDIR
	je .opt
	mov esi, msg_target
	call af_start
	mov esi, msg_not_dir
	call af_put
	xor eax, eax
	call err_tail
	exit 1
.die_access:                            ; xdx = the name, xax = -errno
	mov esi, msg_access
.die_af:
	call err_af
	exit 1
.multiple:
	mov esi, msg_multiple
.die_plain:
	call err_plain
	exit 1

; The operands are at &argv[1] up to xdi; xbp points at them. With -v,
; stdout is line-buffered on a terminal (isatty: TCGETS).
.opts_done:
	envp_at_start xax
	mov [envp], xax
	cmp byte [opt_v], 0
	je .not_verbose
	push xdi
	sys ioctl, 1, TCGETS, obuf
	test eax, eax
	sete [otty]
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
	mov esi, msg_relative
	cmp byte [opt_r], 0
	je .rel_ok
	cmp byte [opt_s], 0
	je .die_plain
.rel_ok:
	cmp byte [opt_T], 0
	je .target_maybe
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
.usage_af:                              ; "ARGV0: TEXT'NAME'" + Try
	call af_start
	xor eax, eax
	call err_tail
	jmp usage_try
.target_maybe:
	push byte NOT_TRIED
	pop xax
	cmp WPTR [tdir], 0
	jne .open_dir
	cmp edi, 2
	jae .two
	mov dword [tdir], dot           ; "ln TARGET": into .
	jmp .target_mode
.two:
	jne .open_dir                   ; more than 2
	mov xsi, [xbp]
	mov [src], xsi
	mov xsi, [xbp + W]
	mov [dst], xsi
	mov [dname], xsi
	call atomic_link
.open_dir:                              ; xax = the result of the first try
	mov [lerr], eax
	cmp eax, NOT_TRIED
	je .try_dir
	cmp eax, -EEXIST
	je .try_dir
	cmp eax, -ENOTDIR
	je .try_dir
	cmp eax, -EINVAL
	jne .file_mode_tried
.try_dir:
	mov xdx, [tdir]
	test xdx, xdx
	jnz .have_d
	mov ecx, [nfiles]
	mov xdx, [xbp + xcx*W - W]
.have_d:
	push xdx
	mov ecx, O_PATH | O_DIRECTORY
	cmp byte [opt_n], 0
	je .follow
	or ecx, O_NOFOLLOW
.follow:
	sys open, xdx, xcx
	pop xdx
	test eax, eax
	js .not_dir
	mov [dfd], xax                  ; GNU's destdir_fd: each link made
	cmp WPTR [tdir], 0              ; relative to it (*at calls)
	jne .target_mode
	dec dword [nfiles]
	mov [tdir], xdx
	jmp short .target_mode
.not_dir:
	cmp dword [nfiles], 2
	jne .die_target
	cmp WPTR [tdir], 0
	je .file_mode_tried
.die_target:
	mov esi, msg_target
	jmp .die_af

.file_mode:
	mov dword [lerr], NOT_TRIED
.file_mode_tried:
	call bk_maybe
	mov xsi, [xbp]
	mov [src], xsi
	mov xsi, [xbp + W]
	mov [dst], xsi
	mov [dname], xsi
	mov eax, [lerr]
	call do_link
	jmp short .end

; Each TARGET into tdir: DIRECTORY/BASE, BASE its last component without
; trailing slashes (file_name_concat).
.target_mode:
	call bk_maybe
	mov al, [opt_f]
	cmp byte [opt_s], 0
	jne .no_track
	cmp byte [bk_type], 3           ; (none made over with numbered ones)
	je .no_track
	mov [track], al                 ; -f hard links: remember what was made
.no_track:
	mov xsi, [xbp]
	test xsi, xsi
	jz .end
	mov [src], xsi
	call dest_name
	push byte NOT_TRIED
	pop xax
	call do_link
	add xbp, W
	dec dword [nfiles]
	jnz .no_track
.end:
	call v_flush
	mov esi, msg_write
	mov eax, [werr]
	test eax, eax
	jnz .close_err
	cmp dword [rerr], 0             ; -i's read failed: GNU's close_stdin
	je .bye                         ; (ferror (stdin)): fclose's errno
	sys close, 0                    ; or none
	mov esi, msg_closing
.close_err:
	call err_text
.bye:
	exit_status

bk_maybe:
	cmp byte [opt_b], 0
	jne backup_setup
	ret

; dest_name - tdir joined to the last component of [src] (its trailing
; slashes dropped) -> [dst]: a short one (up to DNEAR bytes) on the
; variables' page, at dnear, the top of the rest buffer (with -r, whose
; canonicalize and result use that, at rnear), else in dbuf; [base],
; [baselen] = the base.
dest_name:
	mov xsi, [src]
	call last_comp
	mov xdx, xsi
.scanned:
	mov [base], xdx
	mov xsi, xdx                    ; its length without trailing slashes
	call strlen_x
.trail:
	test ecx, ecx
	jz .len
	cmp byte [xdx + xcx - 1], '/'
	jne .len
	dec ecx
	jmp .trail
.len:
	mov [baselen], ecx
	test ecx, ecx
	setz [nobase]
	mov xsi, [tdir]
	call strlen_x
	add ecx, [baselen]
	mov edi, dbuf
	cmp ecx, DNEAR
	ja .far
	mov edi, dnear
	cmp byte [opt_r], 0
	je .far
	mov edi, rnear
.far:
	mov [dst], xdi                  ; (the upper half 0 on x86_64)
	push xsi
	call copy
	pop xsi
.strip:
	cmp edi, [dst]
	je .root
	cmp byte [xdi - 1], '/'
	jne .sep
	dec edi
	jmp .strip
.root:
	call copy                       ; slashes only: all of them, no '/'
	jmp short .base
.sep:
	mov al, '/'
	stosb
.base:
	mov [dname], xdi                ; GNU's dest_base (relative to dfd)
	mov xsi, [base]
	mov ecx, [baselen]
	rep movsb
	mov byte [xdi], 0
	ret

; strlen_x - xsi = a string -> ecx = its length. clobbers nothing else
strlen_x:
	or ecx, -1
.next:
	inc ecx
	cmp byte [xsi + xcx], 0
	jne .next
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

; atomic_link - GNU's first try: symlinkat([src], [dfd], [dname]) (not
; tried with -r), or linkat(AT_FDCWD, [src], [dfd], [dname], -L's flag)
; -> xax = 0, -errno, or NOT_TRIED. ([dfd], [dname]: GNU's destdir_fd and
; dest_base; [dst] the name messages show.)
atomic_link:
	cmp byte [opt_s], 0
	je make_hard
	push byte NOT_TRIED
	pop xax
	cmp byte [opt_r], 0
	jne ret0
	mov xdx, [dname]
; make_sym, make_hard - the link from [src] to the name at xdx (in [dfd])
; -> xax
make_sym:
	call no_base
	jnz ret0
	sys symlinkat, [src], [dfd], xdx
	ret
make_hard:
	mov xdx, [dname]
make_hard_to:
	call no_base
	jnz ret0
	mov A4, xdx
	xor A5d, A5d
	cmp byte [opt_L], 0
	je .flags
	mov A5d, AT_SYMLINK_FOLLOW
.flags:
	sys linkat, AT_FDCWD, [src], [dfd]
ret0:
	ret

; no_base - ZF=0 and xax = -ENOENT when [dst] is DIR/ with an empty base
; (a source "" or "/"): GNU's *at(destdir_fd, dest_base = "") fail so,
; and no call is made. clobbers nothing else
no_base:
	push byte -ENOENT
	pop xax
	cmp byte [nobase], 0
	ret

; do_link - GNU's do_link for [src] and [dst], xax = the first try's
; result (or NOT_TRIED). Says what failed; prints the -v line.
do_link:
	mov [lerr], eax
	cmp eax, NOT_TRIED
	jne .tried
	call atomic_link
	mov [lerr], eax
.tried:
	mov byte [sstat_ok], 0
	cmp byte [opt_s], 0
	jne .stat_done
	mov al, [track]
	or eax, [lerr]
	jz .stat_done

; The source lstat'ed, or stat'ed with -L, as GNU's do_link: one call
; whose number is picked (the same arguments).
	sys_args [src], src_st
	setr SYSNR, SYSNRd, SYS_lstat64
	cmp byte [opt_L], 0
	je .nofollow
	mov al, SYS_stat64              ; (the upper bytes are 0)
%if SYS_stat64 > 255 || SYS_lstat64 > 255
 %error "SYS_stat64 or SYS_lstat64 does not fit"
%endif
.nofollow:
	SYSCALL
	test eax, eax
	jns .src_ok
	mov xdx, [src]
	mov esi, msg_access
	jmp flush_err_af
.src_ok:
	inc byte [sstat_ok]
.stat_done:
	mov byte [bk_made], 0
	mov eax, [lerr]
	test eax, eax
	jz .made
	cmp byte [opt_s], 0
	jne .not_dir
	cmp byte [opt_d], 0             ; -d: the kernel says (EPERM)
	jne .not_dir
	movzx eax, word [src_st + ST64_MODE]
	and eax, S_IFMT
	cmp eax, S_IFDIR
	jne .not_dir
	mov esi, fmt_dir_hard
	mov xdx, [src]
	jmp .say_fail
.not_dir:
	cmp byte [opt_r], 0
	je .force
	call convert_abs_rel
.force:
	mov al, [opt_f]
	or al, [opt_i]
	or al, [bk_type]
	mov [forcing], al
	test al, al
	jz .link
	call no_base
	jnz .dst_gone
	sys fstatat64, [dfd], [dname], dst_st, AT_SYMLINK_NOFOLLOW
	test eax, eax
	jns .dst_exists
.dst_gone:
	cmp eax, -ENOENT
	mov byte [forcing], 0
	je .link
	mov xdx, [dst]
	mov esi, msg_access
	jmp flush_err_af
.dst_exists:
	movzx eax, word [dst_st + ST64_MODE]
	and eax, S_IFMT
	cmp eax, S_IFDIR
	jne .dst_not_dir
	mov esi, fmt_dir_over
	mov xdx, [dst]
	jmp .say_fail
.dst_not_dir:
	call seen_file
	jne .not_seen
	mov esi, msg_created
	mov xdx, [dst]
	call flush_af_start
	mov esi, msg_with
	call af_put
	mov xsi, [src]
	call quote_af
	xor eax, eax
	jmp err_tail
.not_seen:
	mov al, [opt_f]                 ; the same-file check: with backups
	cmp byte [bk_type], 0           ; for hard links, else with -f
	je .check_f
	mov al, [opt_s]
	xor al, 1
.check_f:
	test al, al
	jz .ask
	cmp byte [sstat_ok], 0
	jne .same_check
	sys stat64, [src], src_st
	test eax, eax
	js .ask
.same_check:
	mov esi, src_st
	mov edi, dst_st
	call stat_same                  ; ZF=1: the same dev and ino
	jne .ask
	cmp dword [src_st + ST64_NLINK], 1
	je .same
	call same_name
	jne .ask
.same:
	mov esi, msg_empty
	mov xdx, [src]
	call flush_af_start
	mov esi, msg_same
	call af_put
	mov xsi, [dst]
	call quote_af
	mov esi, msg_same2
	call af_put
	xor eax, eax
	jmp err_tail

; Not tried yet or EEXIST: -i's question ("ln: replace 'DEST'? " on
; stderr, the answer a line of stdin: yes when it starts with y or Y, as
; glibc's yesno in the C locale; no: nothing done, no error), then the
; backup (DEST renamed to its backup name; gone meanwhile: not forced).
.ask:
	mov eax, [lerr]
	cmp eax, NOT_TRIED
	je .asked
	cmp eax, -EEXIST
	jne .link
.asked:
	cmp byte [opt_i], 0
	je .backup
	call ask
	jne .ret
.backup:
	cmp byte [bk_type], 0
	je .link
	mov xsi, [dst]                  ; bkbuf = DIR/BACKUP (-v's name);
	mov edi, bkbuf                  ; the rename's is its base, the
	call bk_name                    ; part past dst's dname
	call bk_rel
	sys renameat, [dfd], [dname], [dfd], xax
	test eax, eax
	jns .backed
	cmp eax, -ENOENT
	mov byte [forcing], 0
	je .link
	mov xdx, [dst]
	mov esi, msg_backup
	jmp flush_err_af
.backed:
	inc byte [bk_made]

; The link, forced as gnulib's force_linkat / force_symlinkat: after
; EEXIST, made under DIR/CuXXXXXX (random letters, retried on EEXIST) and
; renamed over the destination.
.link:
	mov eax, [lerr]
	cmp eax, NOT_TRIED
	jne .first_done
	call atomic_first
	mov [lerr], eax
.first_done:
	cmp byte [forcing], 0
	je .result
	cmp eax, -EEXIST
	jne .result
	call temp_template
	mov dword [tries], 238328
.temp:
	mov edi, [tend]                 ; the 6 X's of the name
	push 6
	pop xcx
	call random_letters
	mov edx, [tname]
	cmp byte [opt_s], 0
	je .temp_hard
	call make_sym
	jmp short .temp_made
.temp_hard:
	call make_hard_to
.temp_made:
	test eax, eax
	jns .rename
	cmp eax, -EEXIST
	jne .temp_failed
	dec dword [tries]
	jnz .temp
.temp_failed:
	mov [lerr], eax
	jmp short .result
.rename:
	sys renameat, [dfd], [tname], [dfd], [dname]
	test eax, eax
	jns .renamed
	mov [lerr], eax
	jmp short .unlink
.renamed:
	mov dword [lerr], REPLACED
.unlink:
	sys unlinkat, [dfd], [tname], 0
.result:
	mov eax, [lerr]
	test eax, eax
	js .failed
.made:
	cmp byte [track], 0
	je .verbose
	call record_file
.verbose:
	cmp byte [opt_v], 0
	je .ret
	mov edi, [opos]                 ; (built right after the bytes
	add edi, obuf                   ; buffered: see v_line)
	cmp byte [bk_made], 0           ; "'BACKUP' ~ 'DEST' -> 'SOURCE'"
	je .no_bk_v
	mov esi, bkbuf
	call quote_af
	mov esi, bk_sep
	call af_put
.no_bk_v:
	mov xsi, [dst]
	call quote_af
	mov esi, arrow_hard
	cmp byte [opt_s], 0
	je .arrow
	mov esi, arrow_sym
.arrow:
	call af_put
	mov xsi, [src]
	call quote_af
	jmp v_line
.ret:
	ret

; GNU's messages for a link that failed (xax = -errno).
.failed:
	call flush_v
	push xax
	cmp byte [opt_s], 0
	je .hard_failed
	mov esi, msg_sym
	mov xdx, [dst]
	call af_start
	pop xax
	push xax
	cmp eax, -ENAMETOOLONG
	je .both
	mov xsi, [src]
	cmp byte [xsi], 0
	jne .tail
.both:
	mov esi, arrow_sym
	jmp short .and_src
.hard_failed:
	cmp eax, -EMLINK
	jne .not_mlink
	mov esi, msg_hard_to
	mov xdx, [src]
	call af_start
	jmp short .tail
.not_mlink:
	mov esi, msg_hard
	mov xdx, [dst]
	call af_start
	pop xax
	push xax
	cmp eax, -EDQUOT
	je .tail
	cmp eax, -EEXIST
	je .tail
	cmp eax, -ENOSPC
	je .tail
	cmp eax, -EROFS
	je .tail
	mov esi, arrow_hard
.and_src:
	call af_put
	mov xsi, [src]
	call quote_af
.tail:
	pop xax
	call err_tail
	cmp byte [bk_made], 0           ; the backup renamed back
	je .ret
	call bk_rel
	sys renameat, [dfd], xax, [dfd], [dname]
	test eax, eax
	jns .ret
	mov xdx, [dst]
	mov esi, msg_unbackup
	jmp err_af
.say_fail:                              ; the format at xsi, ARG = xdx
	call flush_v
	xor eax, eax
	mov STATUSb, 1
	jmp say

; atomic_first - the plain link of [src] to [dname] (after -r made [src]).
atomic_first:
	mov xdx, [dname]
	cmp byte [opt_s], 0
	je make_hard_to
	jmp make_sym

; same_name - gnulib's same_nameat for [src] and [dst]: the same last
; component, and directories that are the same -> ZF=1.
same_name:
	mov xsi, [src]
	call last_comp
	push xsi
	mov xsi, [dst]
	call last_comp
	pop xdi
.cmp:
	lodsb
	cmp al, [xdi]
	jne .ret
	inc xdi
	test al, al
	jnz .cmp
	mov xsi, [src]
	mov edi, nbuf
	call dir_name
	sys stat64, nbuf, sdir_st
	test eax, eax
	jnz .ret
	mov xsi, [dname]
	mov edi, nbuf
	call dir_name
	sys fstatat64, [dfd], nbuf, ddir_st, 0
	test eax, eax
	jnz .ret
	mov esi, sdir_st
	mov edi, ddir_st
	jmp stat_same
.ret:
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

; dir_name - gnulib's dir_name of the name at xsi, written at edi: what
; comes before its last component without trailing slashes (at least
; the "/" of an absolute name), or "." -> NUL-terminated. clobbers xax, xcx,
; xdx, xsi, xdi
dir_name:
	mov xdx, xsi
	call last_comp
	mov xcx, xsi
	sub xcx, xdx                    ; the length before the last component
.strip:
	cmp ecx, 1
	jb .dot
	cmp byte [xdx + xcx - 1], '/'
	jne .copy
	cmp ecx, 1
	je .copy                        ; keep the root
	dec ecx
	jmp .strip
.copy:
	mov xsi, xdx
	rep movsb
	jmp short .end
.dot:
	mov al, '.'
	stosb
.end:
	mov byte [xdi], 0
	ret

; convert_abs_rel - [src] made relative to the canonical directory of
; [dst] (both canonicalized with CAN_MISSING), unless the result would
; not fit PATH_MAX: then [src] is kept, after GNU's warning "generating
; relative path: File name too long" (status unchanged). The work is done in obuf past
; its buffered bytes (the directory's name, the two canonical names and
; the relative one, one after another); the result is kept at the end of
; canonicalize's rest buffer (free until the next call; its last bytes
; share the variables' page).
convert_abs_rel:
	mov xsi, [dst]
	mov edi, [opos]
	add edi, obuf
	push xdi                        ; [xsp] = the directory
	call dir_name
	mov xsi, [xsp]
	mov edi, esi
	mov al, CAN_MISSING
	call canonicalize
	jc .ret
	inc edi
	push xdi                        ; the name's canonical form after it
	mov xsi, [src]
	mov al, CAN_MISSING
	call canonicalize
	pop xsi
	jc .ret
	mov xdx, [xsp]
	inc edi
	push xdi
	call relpath
	pop xsi
	mov ecx, edi
	sub ecx, esi
	cmp ecx, 4096
	jae .long
	mov edi, can_rend - 1
	mov byte [xdi], 0
	sub edi, ecx
	mov [src], xdi                  ; (the upper half 0 on x86_64)
	rep movsb
.ret:
	pop xax
	ret
.long:                                  ; GNU's relpath: error (0,
	call flush_v                    ; ENAMETOOLONG, ...), the status kept
	mov edx, msg_relpath
	mov esi, fmt_text
	push -ENAMETOOLONG
	pop xax
	call say
	jmp .ret
msg_relpath:	db 'generating relative path', 0

; v_line - the -v line from obuf + [opos] up to xdi, and its newline, as
; glibc's stdio appends it to a full buffer (obuf written 4096 bytes at a
; time; each line at once on a terminal): the full blocks are written
; from where they are, the rest moved to obuf's start.
v_line:
	mov al, 10
	stosb
	mov esi, obuf
.block:
	mov ecx, edi
	sub ecx, esi
	cmp ecx, OBUFSZ
	jb .rest
	push xdi
	mov ecx, OBUFSZ
	call v_write
	pop xdi
	jmp .block
.rest:
	mov edi, obuf
	mov [opos], ecx
	rep movsb
	cmp byte [otty], 0
	je v_write.ret
; v_flush - obuf's bytes written. v_write - ecx bytes at esi written (none:
; no write) -> esi past them. A failed write is kept in werr for the
; closing "write error" (glibc's close_stdout). clobbers xax, xcx, xdx,
; A1..A3
v_flush:
	mov esi, obuf
	xor ecx, ecx
	xchg ecx, [opos]
v_write:
	jxcxz .ret
	push xsi
	push xcx
	mov A3d, ecx
	movx A2, xsi
	push 1
	pop A1
	call write_all
	pop xcx
	pop xsi
	jns .ok
	mov [werr], eax
.ok:
	add esi, ecx
.ret:
	ret

; flush_v - the -v lines buffered written before an error message, as
; glibc's error() flushes stdout (and the messages' qbuf is obuf).
; clobbers nothing but flags
flush_af_start:
	call flush_v
	jmp af_start
flush_err_af:
	call flush_v
	jmp err_af
flush_v:
	pushW_all
	call v_flush
	popW_all
	ret

; temp_template - [tname] = the directory part of [dname] (up to its last
; '/') and "CuXXXXXX", in obuf past its bytes; tend = where the X's start.
temp_template:
	mov xsi, [dname]
	mov edi, [opos]
	add edi, obuf
	mov [tname], edi
	mov xdx, xdi
.copy:
	lodsb
	stosb
	cmp al, '/'
	jne .not_slash
	mov xdx, xdi
.not_slash:
	test al, al
	jnz .copy
	mov xdi, xdx
	mov ax, 'Cu'
	stosw
	mov [tend], edi
	mov byte [xdi + 6], 0
	ret

; record_file, seen_file - the names -f made in this run (hard links into
; a directory): GNU's "will not overwrite just-created". A name is its
; base ([base], [baselen]: dest_name's).
record_file:
	mov ecx, [nseen]
	cmp ecx, SEEN_MAX
	jae .ret
	shl ecx, 4
	mov xax, [base]
	mov [seen + xcx], xax
	mov eax, [baselen]
	mov [seen + xcx + 8], eax
	inc dword [nseen]
.ret:
	ret
seen_file:                              ; -> ZF=1 when [dst] was made
	cmp byte [track], 0
	je .no
	mov ecx, [nseen]
.next:
	test ecx, ecx
	jz .no
	dec ecx
	mov eax, ecx
	shl eax, 4
	mov edx, [seen + xax + 8]
	cmp edx, [baselen]
	jne .next
	push xcx
	mov xsi, [seen + xax]
	mov xdi, [base]
	mov ecx, edx
	repe cmpsb
	pop xcx
	jne .next
	ret                             ; ZF=1
.no:
	or ecx, 1                       ; ZF=0
	ret

msg_write:	db 'write error', 0

; The rarer options' code in a cold part (elf.inc's COLD): backups (with
; rt/backup_name.inc, included here rather than emitted with the hot
; routines) and -i's question; a plain run keeps its two code pages.
COLD
%define BK_NAME_AT dfd                  ; scanned from GNU's destdir_fd
%define BK_SHORTEN                      ; gnulib's check_extension
%include "rt/backup_name.inc"
; backup_setup - GNU's backup type (argmatch's messages) and suffix, once
; the operands are known, as GNU's main (bk_maybe: with -b/--backup/-S,
; else bk_type stays 0). clobbers xax xbx xcx xdx xsi xdi
backup_setup:
	mov xsi, [bk_vc]
	mov xbx, [envp]
	jmp bk_setup

; ask - -i's question on stderr (built past obuf's bytes: stdout's lines
; stay buffered, as GNU's fprintf to stderr leaves them) and its answer
; read from stdin a byte at a time up to a newline -> ZF=1 for yes. A
; question that cannot be written makes the status 1 (GNU's close_stdout).
ask:
	mov edi, [opos]
	add edi, obuf
	push xdi
	mov xsi, ARGV0
	call af_put
	mov esi, msg_replace
	call af_put
	mov xsi, [dst]
	call quote_af
	mov esi, msg_ask
	call af_put
	pop A2
	mov A3, xdi
	sub A3, A2
	push 2
	pop A1
	call write_all
	jns .read0                      ; not written: status 1, as GNU's
	set_status 1, ecx               ; close_stream (stderr) at exit
.read0:
	mov word [answer], 0            ; (and anum: bytes read)
.read:
	sys read, 0, abyte, 1
	cmp eax, -EINTR
	je .read
	test eax, eax
	jz .answered
	jns .byte
	mov [rerr], eax
	jmp short .answered
.byte:
	mov al, [abyte]
	cmp byte [anum], 0
	jne .more
	mov [answer], al
	inc byte [anum]
.more:
	cmp al, 10
	jne .read
.answered:
	mov al, [answer]
	or al, 0x20
	cmp al, 'y'
	ret

; bk_rel - xax = bkbuf's name relative to [dfd]: past the bytes dst has
; before [dname] (GNU's backup_base). clobbers nothing else
bk_rel:
	mov xax, [dname]
	sub xax, [dst]
	add eax, bkbuf
	ret

msg_backup:	db 'cannot backup ', 0
msg_unbackup:	db 'cannot un-backup ', 0
msg_replace:	db ': replace ', 0
msg_ask:	db '? ', 0
msg_closing:	db 'error closing file', 0
bk_sep:		db ' ~ ', 0
TEXT

msg_empty:	db 0


; One page holds, for a trivial run, the end of canonicalize's rest
; buffer (with -r, the relative name), the variables and the start of
; obuf: the -v lines, the messages (qbuf: after obuf is written) and -r's
; work (past obuf's bytes).
BSS
CAN_BSS 512, 2048
DNEAR	equ 448
dnear	equ can_rend - 512
tdir:	resW 1
bk_vc:	resW 1                  ; --backup's CONTROL
bk_suffix: resW 1               ; -S's SUFFIX, then the suffix
envp:	resW 1
bk_base: resW 1
bk_len:	resd 1
bk_max:	resd 1
bk_fd:	resd 1
bk_nmax: resd 1                 ; gnulib's name_max (BK_SHORTEN)
rerr:	resd 1                  ; -i's read error
bk_type: resb 1
bk_made: resb 1
answer:	resb 1
anum:	resb 1
abyte:	resb 1
src:	resq 1
dst:	resq 1
dname:	resq 1                  ; GNU's dest_base: [dst] or its base
dfd:	resq 1                  ; GNU's destdir_fd: AT_FDCWD or DIR's
base:	resq 1
baselen: resd 1
nfiles:	resd 1
lerr:	resd 1
tries:	resd 1
tend:	resd 1
nseen:	resd 1
rpos:	resd 1
rlen:	resd 1
opos:	resd 1
werr:	resd 1
opt_flags:
opt_s:	resb 1
opt_f:	resb 1
opt_n:	resb 1
opt_r:	resb 1
opt_T:	resb 1
opt_v:	resb 1
opt_L:	resb 1
opt_i:	resb 1
opt_d:	resb 1
opt_b:	resb 1
track:	resb 1
forcing: resb 1
sstat_ok: resb 1
nobase:	resb 1                  ; [dst]'s base is empty (no_base)
otty:	resb 1                  ; stdout is a terminal (fs_out)
GLOBALS_HERE
%define LONGOPT_BSS_HERE        ; long_opt's, here: ambp is written
ambp:	resd 1                  ; by a long option
tname:	resW 1                  ; -f's temporary name (in obuf)
rndbuf:	resb 256
rnear:	resb DNEAR + 2                  ; (-r's short [dst]: dest_name)
src_st:	resb ST64_RECORD            ; struct stat64s (layouts.inc: stat64
dst_st:	resb ST64_RECORD            ; and its kin, on every kernel)
QBUFSZ	equ 2 * 131072 + 4 * 2 * 131072 + 64
obuf:	resb OBUFSZ + QBUFSZ + 2 * CAN_OUT + 3 * CAN_MAX + 64
qbuf	equ obuf
sdir_st:	resb ST64_RECORD
ddir_st:	resb ST64_RECORD
ambbuf:	resb 512                ; (only for an ambiguous option)
dbuf:	resb 2 * 131072 + 16
nbuf:	resb 2 * 131072 + 16
seen:	resb 16 * SEEN_MAX
BK_DENTSZ equ 4096
BK_DENTS equ nbuf                       ; (same_name's, done by then)
bkbuf:	resb 4 * 131072 + 64
TEXT

program_end
