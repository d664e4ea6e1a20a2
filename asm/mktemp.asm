; mktemp - create a temporary file or directory, safely, and print its name.
;
; Usage: mktemp [-dqtu] [-p DIR] [--suffix=SUFF] [--tmpdir[=DIR]] [TEMPLATE]
;   -d, --directory     create a directory (mode 0700), not a file (0600)
;   -u, --dry-run       create nothing: print a name that did not exist
;   -q, --quiet         say nothing about a failure to create it
;   -p DIR, --tmpdir[=DIR]  TEMPLATE is relative to DIR (or $TMPDIR, or
;                       /tmp when DIR is empty or not given)
;   -t                  TEMPLATE is a single name under $TMPDIR (else -p's
;                       DIR, else /tmp)
;   --suffix=SUFF       append SUFF to TEMPLATE (which must end in X)
; TEMPLATE (default tmp.XXXXXXXXXX, with --tmpdir implied) ends in a run
; of at least 3 X's, maybe followed by a suffix without '/'; each X becomes
; one of [A-Za-z0-9] from getrandom(2). A file is created with O_EXCL, a
; directory by mkdir; a name that exists is retried with new letters (up
; to 238328 times, as glibc). Long options may be shortened to any
; unambiguous prefix.
; Exit status: 0; 1 for a usage error, a failure to create, or a failed
; write of the name (then the file or directory is removed again).
; Differences from GNU: -V, --help and --version are not supported
; (invalid/unrecognized option). The letters differ (they are random).

%include "subk.inc"
%include "layout.inc"
use getopt_long, err_quoted, errno_path, errno_tree, write_all, random_letters
%define LONGOPT_OPTIONAL                ; --tmpdir[=DIR]

%define NAMESZ 0x60000          ; DIR, TEMPLATE and SUFF (argv strings are
                                ; at most 128 KiB each)

OPTSPEC:	db 'dp:qtu', 0
LONGOPTS:                               ; in GNU's order (its ambiguity lists)
	db 'd', 'directory', 0
	db 'q', 'quiet', 0
	db 'u', 'dry-run', 0
	db 'S' | 0x80, 'suffix', 0
	db 1 | 0x80, 'tmpdir', 0        ; (optional argument: xdx = 0 without)
	db '?', 'help', 0
	db '?', 'version', 0
	db 0
default_tmpl:	db 'tmp.XXXXXXXXXX', 0
slash_tmp:	db '/tmp', 0
tmpdir_env:	db 'TMPDIR='
fmt_many:	db F_ARGV0, ': too many templates', 10, F_TRY, 0
fmt_end_x:	db F_ARGV0, ': with --suffix, template ', F_QUOTE, ' must end in X', 10, 0
fmt_suffix:	db F_ARGV0, ': invalid suffix ', F_QUOTE, ', contains directory separator', 10, 0
fmt_few:	db F_ARGV0, ": too few X's in template ", F_QUOTE, 10, 0
fmt_tmpl_sep:	db F_ARGV0, ': invalid template, ', F_QUOTE, ', contains directory separator', 10, 0
fmt_absolute:	db F_ARGV0, ': invalid template, ', F_QUOTE, '; with --tmpdir, it may not be absolute', 10, 0
fmt_file:	db F_ARGV0, ': failed to create file via template ', F_QUOTE, F_REASON, 10, 0
fmt_dir:	db F_ARGV0, ': failed to create directory via template ', F_QUOTE, F_REASON, 10, 0
msg_write:	db 'write error', 0

_start:
	save_argv0
	envp_at_start xbp
	getopt_init
; The scan state is in xsi, xdi, xbx (getopt_long's permutation: an
; option after the TEMPLATE counts too). "--tmpdir[=DIR]" is -p with
; xdx = DIR or 0.
.opt:
	call getopt_long
	jc .opts_done
	cmp al, 1
	jne .option
	mov al, 'p'
.option:
	cmp al, 'p'
	jne .not_p
	mov [dir_arg], xdx
	mov [use_dir], al
.not_p:
	cmp al, 't'
	jne .not_t
	mov [use_dir], al
	mov [opt_t], al
.not_t:
	cmp al, 'S'
	jne .not_s
	mov [suffix], xdx
.not_s:
	cmp al, 'd'
	jne .not_d
	mov [opt_d], al
.not_d:
	cmp al, 'u'
	jne .not_u
	mov [opt_u], al
.not_u:
	cmp al, 'q'
	jne .opt
	mov [opt_q], al
	jmp .opt

; The operands are at &argv[1] up to xdi: none (the default template
; under the directory) or one.
.opts_done:
	lea xax, [xsp + 2*W]
	sub xdi, xax
	mov esi, default_tmpl
	jz .default
	cmp xdi, W
	je .given
	mov esi, fmt_many
	mov edx, esi
	jmp usage_say
.default:
	mov byte [use_dir], 1
	jmp short .template
.given:
	mov xsi, [xax]
.template:
	push xsi                        ; TEMPLATE

; The directory first (nothing here can fail): with -t, $TMPDIR, -p's
; DIR, /tmp; else -p's DIR, $TMPDIR, /tmp. file_name_concat(DIR,
; TEMPLATE): DIR without its trailing slashes, then '/'; a DIR of slashes
; only is kept whole, without a '/'. TEMPLATE goes after it (tstart).
	mov edi, nbuf
	cmp byte [use_dir], 0
	je .dir_done
	call find_tmpdir                ; xax = $TMPDIR or 0
	mov xsi, [dir_arg]
	test xsi, xsi
	jz .no_arg
	cmp byte [xsi], 0
	jne .have_arg
.no_arg:
	mov xsi, xax                    ; no DIR: $TMPDIR
	jmp short .have_dir
.have_arg:
	cmp byte [opt_t], 0
	je .have_dir
	test xax, xax                   ; -t: $TMPDIR first
	jz .have_dir
	mov xsi, xax
.have_dir:
	test xsi, xsi
	jnz .concat
	mov esi, slash_tmp
.concat:
	push xsi
	call copy
	pop xsi
.strip:
	cmp edi, nbuf
	je .all_slashes
	cmp byte [xdi - 1], '/'
	jne .sep
	dec edi
	jmp .strip
.all_slashes:
	call copy
	jmp short .dir_done
.sep:
	mov al, '/'
	stosb
.dir_done:
	mov [tstart], edi
	pop xsi
	call copy                       ; TEMPLATE, then SUFF
	mov xsi, [suffix]
	test xsi, xsi
	jz .no_suffix
	cmp edi, [tstart]
	je .not_x
	cmp byte [xdi - 1], 'X'
	je .append
.not_x:
	mov esi, fmt_end_x
	mov edx, [tstart]
	jmp .die
.append:
	mov [suffix], edi
	call copy
	jmp short .suffix_set
.no_suffix:                             ; SUFF: after the last X
	mov [suffix], edi
	mov esi, [tstart]
.last_x:
	lodsb
	test al, al
	jz .suffix_set
	cmp al, 'X'
	jne .last_x
	mov [suffix], esi
	jmp .last_x
.suffix_set:
	mov [nend], edi
	mov esi, [suffix]
	call slash_inside
	jnc .count
	mov esi, fmt_suffix
	mov edx, [suffix]
	jmp short .die

; The run of X's just before SUFF: at least 3.
.count:
	mov esi, [suffix]
	xor ecx, ecx
.count_x:
	cmp esi, [tstart]
	je .counted
	dec esi
	cmp byte [xsi], 'X'
	jne .counted
	inc ecx
	jmp .count_x
.counted:
	mov [xcount], ecx
	mov esi, fmt_few
	mov edx, [tstart]
	cmp ecx, 3
	jb .die

; With a directory: -t's TEMPLATE must be a single name, --tmpdir's
; relative.
	cmp byte [use_dir], 0
	je create
	mov esi, edx
	cmp byte [opt_t], 0
	je .relative
	call slash_inside
	mov esi, fmt_tmpl_sep
	jc .die
	jmp short create
.relative:
	mov esi, fmt_absolute
	cmp byte [xdx], '/'
	jne create

; .die: the format at xsi with ARG = xdx, then exit 1
.die:
	xor eax, eax
	call say
	exit 1

; slash_inside - xsi = a string -> CF=1 when gnulib's last_component of
; it is not all of it (a '/' first, or one before a byte that is not a
; '/'). clobbers al, xsi
slash_inside:
	cmp byte [xsi], '/'
	je .yes
.byte:
	lodsb
	test al, al
	jz .no
	cmp al, '/'
	jne .byte
	mov al, [xsi]
	test al, al
	jz .no
	cmp al, '/'
	je .byte
.yes:
	stc
	ret
.no:
	clc
	ret

; find_tmpdir - xax = the value of TMPDIR when set and not empty, else 0.
; xbp = envp. clobbers xcx, xdx
find_tmpdir:
	push xsi
	push xdi
	mov xdx, xbp
.var:
	mov xsi, [xdx]
	add xdx, W
	test xsi, xsi
	jz .none
	mov edi, tmpdir_env
	push 7
	pop xcx
	repe cmpsb
	jne .var
	xor eax, eax
	cmp byte [xsi], 0
	je .ret                         ; empty: as if unset (as getenv's first)
	mov xax, xsi
	jmp short .ret
.none:
	xor eax, eax
.ret:
	pop xdi
	pop xsi
	ret

; copy - the string at xsi to xdi, without its NUL (one is stored after).
; out: xdi at that NUL. clobbers al, xsi
copy:
	lodsb
	stosb
	test al, al
	jnz copy
	dec xdi
	ret

; create - the name in nbuf (up to nend; the run of xcount X's ends at
; suffix) given random letters in place, and created; on a failure the X's
; are put back for the message.
create:
	mov dword [tries], 238328       ; glibc's attempts (62^3)
.try:
	mov edi, [suffix]
	mov ecx, [xcount]
	sub edi, ecx                    ; the X's
	call random_letters
	cmp byte [opt_u], 0
	jne .dry
	cmp byte [opt_d], 0
	jne .mkdir
	sys open, nbuf, O_RDWR | O_CREAT | O_EXCL | O_LARGEFILE, 0o600
	test eax, eax
	js .failed
	sys close, xax
	jmp short .made
.mkdir:
	sys mkdir, nbuf, 0o700
	test eax, eax
	jns .made
.failed:
	cmp eax, -EEXIST
	jne .fail
.again:
	dec dword [tries]
	jnz .try
	jmp .fail
.dry:
	sys lstat64, nbuf, stx          ; (every kernel has it: statx would
					; need its fallback before 4.11)
	test eax, eax
	jns .again                      ; it exists
	cmp eax, -ENOENT
	jne .fail
.made:
	mov edi, [nend]
	mov byte [xdi], 10
	inc edi
	mov A3, xdi
	mov A2d, nbuf
	sub A3, A2
	push 1
	pop A1
	call write_all
	jns .done
	push xax
	cmp byte [opt_u], 0
	jne .write_error                ; (GNU's close_stdout: even with -q)
	mov edi, [nend]                 ; remove it again
	mov byte [xdi], 0
	sys unlink, nbuf
	sys rmdir, nbuf
	cmp byte [opt_q], 0
	jne .bye
.write_error:
	pop xax
	mov esi, msg_write
	call err_text
	exit 1
.fail:
	cmp byte [opt_q], 0
	jne .bye
	push xax
	mov edi, [suffix]               ; the X's back, for the message
	mov ecx, [xcount]
	sub edi, ecx
	mov al, 'X'
	rep stosb
	pop xax
	mov esi, fmt_file
	cmp byte [opt_d], 0
	je .say
	mov esi, fmt_dir
.say:
	mov edx, nbuf
	call say
.bye:
	exit 1
.done:
	exit 0

BSS
BSS_ROOM 512                    ; the variables and the start of nbuf share
stx:	resb ST64_RECORD        ; a page (when the names are short)
dir_arg: resW 1
suffix:	resW 1
tstart:	resd 1
nend:	resd 1
xcount:	resd 1
tries:	resd 1
rpos:	resd 1
rlen:	resd 1
use_dir: resb 1
opt_t:	resb 1
opt_d:	resb 1
opt_u:	resb 1
opt_q:	resb 1
GLOBALS_HERE
rndbuf:	resb 256
nbuf:	resb NAMESZ
TEXT

program_end
