; rm - remove files and directories.
;
; Usage: rm [-dfiIrRv] [--interactive[=WHEN]] [--one-file-system]
;           [--preserve-root | --no-preserve-root] FILE...
;   -f, --force       no prompts, no message for a missing file; no operand
;                     is then no error
;   -i                prompt before each removal ("rm: remove regular file
;                     'a'? ", answered from stdin: y or Y first means yes;
;                     read as GNU's getline through stdio: 4096 bytes at a
;                     time, a seekable stdin's offset put back after the
;                     last line used at exit, the end of input sticky, a
;                     read error told at exit as "error closing file")
;   -I                prompt once before removing more than three operands,
;                     or any recursively ("rm: remove 4 arguments? ")
;   --interactive=WHEN  never (no, none), once (-I), always (yes, -i);
;                     alone: always; any unambiguous prefix
;   -r, -R, --recursive  remove directories and their contents
;   -d, --dir         remove empty directories
;   -v, --verbose     "removed 'a'", "removed directory 'd'" on stdout
;   --one-file-system  with -r, skip directories on another file system
;   --preserve-root   (the default) refuse to remove "/" recursively;
;   --preserve-root=all  also skip a directory operand on another device
;                     than its parent (a mount point; GNU's "skipping
;                     'X', since it's on a different device")
;   --no-preserve-root  allow "/" (not --preserve-root=all's check, as GNU)
;   ---presume-input-tty  GNU's undocumented option for its own tests:
;                       prompt as when stdin is a terminal
; Long options may be any unambiguous prefix. Without -f and -i, a file
; that is not writable is prompted for when stdin is a terminal (never for
; root, as GNU's). "." and ".." as the last component of an operand are
; refused. Symlinks are never followed.
; Exit status: 0; 1 when something could not be removed, for a bad option
; or a missing operand, or a failed write of -v's lines or of a prompt
; (its answer is read all the same, as GNU's).
; Differences from GNU: ---presume-input-tty,
; --help and --version are not supported. (Operands are looked at one
; after the other, as GNU's: its fts_open stats only the first one and
; defers the others to their turn, so "rm -r a a" and "rm -rv d d/x"
; say what GNU says.)
;
; The tree walk holds three file descriptors at most, whatever the depth:
; a directory is opened relative to its parent (O_NOFOLLOW), whose
; descriptor is kept (the grandparent's is closed), so the way back from
; it needs no ".." (which a directory that can be read but not searched
; refuses, as GNU's fts keeps its parents' in a ring); the way back from
; a directory after that one opens its parent again through "..",
; checked to be the same directory (device and inode); then its reading
; goes on: the entries read past the subdirectory wait
; meanwhile on a save stack (when they are 512 bytes or more, 64 KiB in
; all), else they are read again from the saved offset (d_off). Per level
; the walk keeps a 32-byte record (LEVELS of them) and the path for the messages
; grows in a PATHMAX buffer; deeper than either, an entry is reported with
; ENAMETOOLONG and kept (so are its ancestors), never lost.

%define OUT_SYNC                        ; fs_msg's sync_out and end_out
%define OUT_SYNC_CLOSE                  ; (close(1)'s reason after a failed sync_out)
%define SAY_TRY_HOOK try_hyphen         ; a bad option: GNU's hint first
%define LONGOPT_OPTIONAL                ; --preserve-root[=all]
%define FAST_SYSCALL                    ; i386: the vDSO's entry once a tree is big
%include "subk.inc"
%include "layout.inc"
use getopt_long, fs_msg, fs_out, fs_missing, lseek64, usage_try, quote_arg, utoa, errno_path, errno_tree, stat_id

DT_UNKNOWN	equ 0                   ; dirent.h
DT_DIR		equ 4
DT_LNK		equ 10
DIROPEN		equ O_RDONLY|O_DIRECTORY|O_NOFOLLOW|O_CLOEXEC|O_LARGEFILE|O_NONBLOCK

; [opts] bits
OPT_F		equ 1                   ; ignore missing files (-f)
OPT_R		equ 2
OPT_D		equ 4
OPT_V		equ 8
OPT_X		equ 16                  ; --one-file-system
OPT_NOPRES	equ 32                  ; --no-preserve-root
OPT_ONCE	equ 64                  ; -I: prompt once
OPT_ALL		equ 128                 ; --preserve-root=all
PRESERVE	equ 0x10                ; --preserve-root's code (long_opt)
; [inter]: GNU's x.interactive
I_SOMETIMES	equ 0
I_NEVER		equ 1
I_ALWAYS	equ 2

; The answers of prompt (eax)
RM_OK		equ 0
RM_DECLINED	equ 1
RM_ERROR	equ 2

; A level record: the directory's read offset to go on from, the length
; of its path, whether a removal below it failed, how many bytes of its
; read entries wait on the save stack, its identity (id_put's).
L_OFF		equ 0                   ; qword d_off
L_PLEN		equ 8                   ; dword
L_FAILED	equ 12                  ; byte (its dword zeroed with L_SAVED)
L_SAVED		equ 14                  ; word
L_ID		equ 16                  ; 16 bytes: the identity (id_put)
L_SIZE		equ 32
LEVELS		equ 1 << 19
PATHMAX		equ 1 << 18
DENTSZ		equ 2048                ; (in the variables' page)
; The save stack: what is left of a directory's read entries while a
; subdirectory of it is walked (GNU's fts reads a directory whole before
; its walk: reading the rest again after each subdirectory costs the
; kernel as much again). A rest under SAVEMIN bytes is read again (cheaper
; than a page of RSS for a small tree); past DSAVESZ bytes (32 levels of
; full buffers) too.
SAVEMIN		equ 512
DSAVESZ		equ 32 * DENTSZ
%define OBUF_TAIL                       ; -v's buffer: see BSS
%define OBUF_END oend
%macro QB_START 1                       ; a message: just past the path
	call qb_start
	mov %1, eax
%endmacro

_start:
	fast_syscall_init later         ; i386: int 0x80 until fast_syscall_on
	getopt_start                    ; xsi = xdi = xsp = &argv[1], xbx = 0
	mov [argvp], xsp

; The options. --interactive=WHEN is read here (getopt_long has no
; optional arguments); the rest by getopt_long.
.opt:
	test xbx, xbx
	jnz .getopt
	mov xdx, [xsi]
	test xdx, xdx
	jz .getopt
	cmp byte [xdx], '-'             ; an operand is moved to the front
	jne .operand_word               ; here, as getopt_long would
	cmp byte [xdx+1], 0
	je .operand_word
	cmp byte [xdx+1], '-'
	jne .getopt
	cmp byte [xdx+2], '='
	je .getopt
	push xsi
	push xdi
	lea xsi, [xdx+2]
	mov edi, name_interactive
.iname:
	lodsb
	cmp al, '='
	je .when
	test al, al
	jz .not_ours
	scasb
	je .iname
.not_ours:
	pop xdi
	pop xsi
	jmp .getopt
.when:                                  ; xsi = WHEN
	call interactive_when
	pop xdi
	pop xsi
	add xsi, W
	xor ebx, ebx
	jmp .opt
.operand_word:
	mov [xdi], xdx
	add xsi, W
	add xdi, W
	posixly_skip .opt
	call posixly                    ; POSIXLY_CORRECT: the rest are
	jc .opt                         ; operands
	call getopt.rest
	jmp .options_done
.getopt:
	call getopt_long
	jc .options_done
	mov ecx, OPT_F
	cmp al, 'f'
	jne .not_f
	mov byte [inter], I_NEVER
	or [opts], cl
	and byte [opts], ~OPT_ONCE
	jmp .opt
.not_f:
	cmp al, 'i'
	jne .not_i
.always:
	mov byte [inter], I_ALWAYS
	and byte [opts], ~(OPT_F|OPT_ONCE)
	jmp .opt
.not_i:
	cmp al, 'I'
	jne .not_I
.once:
	mov byte [inter], I_SOMETIMES
	and byte [opts], ~OPT_F
	or byte [opts], OPT_ONCE
	jmp .opt
.not_I:
	mov cl, OPT_R
	cmp al, 'r'
	je .set
	cmp al, 'R'
	je .set
	mov cl, OPT_D
	cmp al, 'd'
	je .set
	mov cl, OPT_V
	cmp al, 'v'
	je .set
	mov cl, OPT_X
	cmp al, 'x'
	je .set
	cmp al, 'A'                     ; --interactive alone
	je .always
	cmp al, 'T'                     ; GNU's undocumented (for its tests)
	jne .not_T                      ; ---presume-input-tty: prompts as
	mov byte [stdin_tty], al        ; on a terminal (nonzero)
	jmp .opt
.not_T:
	cmp al, PRESERVE                ; --preserve-root[=all]
	jne .not_P
	and byte [opts], ~OPT_NOPRES
	test xdx, xdx
	jz .opt
	cmp dword [xdx], 'all'
	jne bad_preserve
	or byte [opts], OPT_ALL
	jmp .opt
.not_P:
; --no-preserve-root only in full, as GNU (its word is [xsi-W]: the
; option takes no argument).
	push xsi
	push xdi
	mov xsi, [xsi-W]
	inc xsi
	inc xsi
	mov edi, name_nopres
	push 17
	pop xcx
	repe cmpsb
	pop xdi
	pop xsi
	jne no_abbrev
	mov cl, OPT_NOPRES              ; --no-preserve-root ('N')
.set:
	or [opts], cl
	jmp .opt

.options_done:
	mov [opend], xdi
	cmp xdi, xsp
	jne .some
	test byte [opts], OPT_F
	jz missing_operand
	jmp bye
.some:
	test byte [opts], OPT_V
	jz .not_verbose
	mov dword [oend], ltop - 3 * L_SIZE     ; -v's buffer ends at level 3's
	call out_init                   ; record, on the variables' page, until
					; a walk reaches level 4 (see dir)
.not_verbose:
	sys ioctl, 0, TCGETS, stx       ; isatty(0)
	test eax, eax
	sete al
	or [stdin_tty], al
%ifdef SYS_geteuid32
	sys geteuid32
%else
	sys geteuid
%endif
	test eax, eax
	sete [root_user]

; -r without --no-preserve-root: "/" is known by its device and inode.
	mov al, [opts]
	and al, OPT_R|OPT_NOPRES
	cmp al, OPT_R
	jne .prompt_once
	sys stat64, slash, stx
	test eax, eax
	js .prompt_once                 ; (then nothing is "/")
	mov edi, root_id
	call id_put
	inc byte [root_known]

; -I: one prompt before more than three operands, or any with -r.
.prompt_once:
	test byte [opts], OPT_ONCE
	jz .operands
	mov xax, [opend]
	sub xax, xsp
	shr eax, W/4 + 1                ; eax = the number of operands
	test byte [opts], OPT_R
	jnz .ask_once
	cmp eax, 3
	jbe .operands
.ask_once:
	push xax
	QB_START edi
	mov xsi, ARGV0
	call copystr
	mov esi, msg_remove_n
	call copystr
	pop xax
	push xax
	push xdi
	add xdi, 24
	mov byte [xdi], 0
	call utoa
	mov xsi, xdi
	pop xdi
	call copystr
	mov esi, msg_arguments
	call copystr
	pop xax
	cmp eax, 1
	je .one_arg
	mov al, 's'
	stosb
.one_arg:
	test byte [opts], OPT_R
	jz .ask
	mov esi, msg_recursively
	call copystr
.ask:
	mov ax, '? '
	stosw
	call ask
	jnc bye

; Each operand: [xsp] = its name.
.operands:
	mov xsi, [xsp]
	test xsi, xsi
	jz bye
	call operand
	pop xax
	jmp .operands

; "rm: unrecognized --preserve-root argument: 'ARG'" (xdx), exit 1.
bad_preserve:
	QB_START edi
	mov xsi, ARGV0
	call copystr
	mov esi, msg_bad_pres
	call copystr
	mov xsi, xdx
	call quote_af
	mov al, 10
	stosb
	call af_write
	exit 1

; "rm: you may not abbreviate the --no-preserve-root option", exit 1.
no_abbrev:
	QB_START edi
	mov xsi, ARGV0
	call copystr
	mov esi, msg_no_abbrev
	call copystr
	call af_write
	exit 1

bye:
	call close_stdin
	call end_out
	exit_status

; err_af_sync - err_af after glibc error()'s fflush(stdout) (fs_msg's
; sync_out: OUT_SYNC).
err_af_sync:
	call sync_out
	jmp err_af

; try_hyphen - say's SAY_TRY_HOOK (error.inc): GNU's
; diagnose_leading_hyphen after a bad option (opend still 0: the other
; messages with a Try line come after the options): the message so far is
; written, then for the first argument that starts with '-', is not "-"
; and can be lstat'ed, "Try 'ARGV0 ./ARG' to remove the file 'ARG'.\n"
; (shell-escape quoting, then quoteaf's). Out: xdi = say's buffer start.
try_hyphen:
	push xsi
	push xbx
	lea A2, [xsp+4*W]
	sub edi, A2d
	mov A3d, edi
	push 2
	pop A1
	call write_all
	mov xax, [opend]
	test xax, xax
	jnz .done
	mov xbx, [argvp]                ; the arguments, as strings in memory
	mov xsi, ARGV0                  ; after argv[0]'s (argv's slots are
.arg:                                   ; permuted), one per slot
	lodsb
	test al, al
	jnz .arg
	xor eax, eax
	cmp [xbx], xax                  ; a NULL slot: the end
	je .done
	add xbx, W
	cmp byte [xsi], '-'
	jne .arg
	cmp byte [xsi+1], al
	je .arg
	push xbx
	push xsi
	sys lstat64, xsi, stx
	pop xdx
	pop xbx
	mov xsi, xdx
	test eax, eax
	jnz .arg
	QB_START edi
	mov esi, msg_try1
	call copystr
	mov xsi, ARGV0
	call copystr
	mov esi, msg_try2
	call copystr
	mov xsi, xdx
	push xdx
	call quote
	mov esi, msg_try3
	call copystr
	pop xsi
	call quote_af
	mov ax, 10 << 8 | '.'
	stosw
	call af_write
.done:
	lea xdi, [xsp+4*W]
	pop xbx
	pop xsi
	ret

; interactive_when - xsi = WHEN of --interactive=WHEN: argmatch's rules
; (an exact word or the prefix of words of one meaning), else its two
; messages, the list and the Try line, exit 1.
interactive_when:
	mov xdx, xsi
	xor ebx, ebx                    ; bl: the meanings matched (bits)
	mov edi, whens
.word:
	mov al, [xdi]
	test al, al
	jz .matched
	inc edi
	mov xsi, xdx
.cmp:
	cmp byte [xsi], 0
	je .prefix
	cmpsb
	je .cmp
.skip:
	cmp byte [xdi-1], 0
	je .word
	inc edi
	jmp .skip
.prefix:
	cmp byte [xdi], 0
	jne .part
	mov bl, al                      ; exact: this one
	jmp .matched
.part:
	or bl, al
	jmp .skip
.matched:
	cmp bl, 1
	je .never
	cmp bl, 2
	je .once
	cmp bl, 4
	je .always
.bad:
	push xdx
	QB_START edi
	mov xsi, ARGV0
	call copystr
	mov ax, ': '
	stosw
	mov esi, msg_invalid_arg
	test bl, bl
	jz .text
	mov esi, msg_ambiguous_arg
.text:
	call copystr
	pop xsi
	call quote_arg
	mov esi, msg_valid
	call copystr
	call af_write
	jmp usage_try
.never:
	mov byte [inter], I_NEVER
	and byte [opts], ~OPT_ONCE
	ret
.once:
	mov byte [inter], I_SOMETIMES
	and byte [opts], ~OPT_F
	or byte [opts], OPT_ONCE
	ret
.always:
	mov byte [inter], I_ALWAYS
	and byte [opts], ~(OPT_F|OPT_ONCE)
	ret

; operand - remove the operand at xsi (and what is under it with -r).
operand:
	push xsi                        ; as fts_open: two or more trailing
	call strend                     ; slashes are trimmed to one
	pop xax
	mov ecx, edi
	sub ecx, eax                    ; ecx = the length
	cmp ecx, 2
	jbe .trimmed
	cmp byte [xdi-1], '/'
	jne .trimmed
.trim:
	cmp ecx, 1
	jbe .trimmed
	cmp byte [xax + xcx - 2], '/'
	jne .trimmed
	dec ecx
	mov byte [xax + xcx], 0
	jmp .trim
.trimmed:
	xchg xax, xsi
	mov [pname], xsi
	mov [opname], xsi
	mov [pathp], xsi                ; the path is the operand (untouched
	mov dword [pfd], AT_FDCWD       ; path buffer: fewer pages)
	and dword [depth], 0
	call lstat_entry                ; lstat of [pfd], [pname] into stx
	js file                         ; FTS_NS: as a file (unlink says why)
	call is_dir
	jne file
	mov xsi, [opname]               ; a directory: the path buffer
	mov edi, path
	mov [pathp], xdi
.copy:
	lodsb
	stosb
	test al, al
	jnz .copy
	dec edi
	sub edi, path
	cmp edi, PATHMAX - 256
	jae .too_long
	mov [plen], edi
	mov eax, [stx + ST64_DEV]       ; (new_encode_dev's 32 bits)
	mov [opdev], eax

; A directory operand: GNU's checks in their order: not -r (and not an
; empty one with -d), "." or "..", "/".
	test byte [opts], OPT_R
	jnz .dots
	test byte [opts], OPT_D
	mov eax, -EISDIR
	jz .refuse
	call is_empty_named
	mov eax, -ENOTEMPTY
	jne .refuse
.dots:
	mov esi, path                   ; the last component, past the
	mov edi, [plen]                 ; trailing slashes
	add edi, esi
.strip:
	cmp edi, path + 1
	jbe .last
	cmp byte [xdi-1], '/'
	jne .last
	dec edi
	jmp .strip
.last:
	mov ecx, edi                    ; ecx = its end
.back:
	cmp edi, path
	jbe .component
	cmp byte [xdi-1], '/'
	je .component
	dec edi
	jmp .back
.component:
	sub ecx, edi
	cmp byte [xdi], '.'
	jne .root
	cmp ecx, 1
	je .dot
	cmp ecx, 2
	jne .root
	cmp byte [xdi+1], '.'
	jne .root
.dot:
	mov esi, msg_dot
	mov xdx, [pathp]
	xor eax, eax
	call err_af_sync
	ret
.root:
	cmp byte [root_known], 0
	je .walk
	mov edi, root_id
	call id_is_di
	jne .walk
	QB_START edi                   ; "it is dangerous to operate
	mov xsi, ARGV0                  ; recursively on '/'", or on 'X'
	call copystr                    ; (same as '/')
	mov esi, msg_dangerous
	call copystr
	mov xsi, [pathp]
	call quote_af
	cmp word [path], '/'
	je .root_msg
	mov esi, msg_same_as_root
	call copystr
.root_msg:
	mov al, 10
	stosb
	mov xsi, ARGV0
	call copystr
	mov esi, msg_failsafe
	call copystr
	call af_write
	mov STATUSb, 1
	ret
.refuse:
	jmp error_entry
.too_long:
	mov eax, -ENAMETOOLONG
	mov esi, msg_cannot
	mov xdx, [opname]
	jmp err_af_sync
; --preserve-root=all: GNU's lstat of "X/..", then its device compared
; with X's; else "skipping 'X', since it's on a different device", "and
; --preserve-root=all is in effect", or when the lstat fails "failed to
; stat 'X/..': skipping 'X'" (the messages are built past the path).
.walk:
	test byte [opts], OPT_ALL
	jz .dir
	mov edi, [plen]
	push xdi                        ; the operand's length
	add edi, path
	cmp byte [xdi-1], '/'
	je .up
	mov byte [xdi], '/'
	inc edi
.up:
	mov dword [xdi], '..'
	sys lstat64, path, dents
	pop xdx
	test eax, eax
	js .up_fail
	mov byte [path + xdx], 0
	mov eax, [dents + ST64_DEV]
	cmp eax, [opdev]
	jne .other
.dir:
	jmp dir
.other:
	call other_device_msg
	mov xsi, ARGV0
	call copystr
	mov esi, msg_all
	call copystr
	jmp short .said
.up_fail:
	push xdx
	mov esi, path
	call strend
	sub edi, path
	mov [plen], edi                 ; (QB_START: past "X/..")
	call sync_out
	QB_START edi
	mov xsi, ARGV0
	call copystr
	mov esi, msg_failed_stat
	call copystr
	mov esi, path
	call quote_af
	pop xdx
	push xdx
	mov byte [path + xdx], 0
	mov esi, msg_skipping
	call copystr
	mov esi, path
	call quote_af
	mov al, 10
	stosb
	call af_write                   ; (from past "X/..")
	pop xdx
	mov [plen], edx
	jmp short .status
.said:
	call af_write
.status:
	mov STATUSb, 1
	ret

; other_device_msg - "rm: skipping 'PATH', since it's on a different
; device\n" ([pathp]) built after -v's lines are written: xdi = its end.
other_device_msg:
	call sync_out
	QB_START edi
	mov xsi, ARGV0
	call copystr
	mov esi, msg_skipping
	call copystr
	mov xsi, [pathp]
	call quote_af
	mov esi, msg_other_device
	jmp copystr

; file - a file that is no directory: [pfd], [pname], the path. Prompt,
; then unlink.
file:
	xor eax, eax
	mov [is_dir_ent], al
	mov [is_empty], al
	mov [dnr_errno], eax
; prompt_excise: the prompt to remove (not to descend), then excise
; unless it was declined (tail of file, dir and a walked directory's end).
prompt_excise:
	mov byte [mode_descend], 0
	call prompt
	test eax, eax
	jnz .ret
	jmp excise
.ret:
	ret

; dir - a directory [pname] in [pfd] (path: its path, [depth] = the level
; of [pfd]): opened, its first entries read (is it empty?), prompted for,
; then removed at once when empty, or walked.
dir:
	mov byte [is_dir_ent], 1
	and dword [dnr_errno], 0
	mov byte [is_empty], 0
	sys openat, [pfd], [pname], DIROPEN
	test eax, eax
	jns .opened
; It cannot be lstat'ed either (a parent that cannot be searched): as a
; file, as GNU's fts stats a DT_DIR entry and gives FTS_NS (prompt's
; failure then keeps the ancestors unmarked, so the parent is still
; prompted for; unlink tells why). Else FTS_DNR: it cannot be read. The
; prompt to descend (as GNU's, before it knew), then the one to remove
; it, and rmdir, whose failure is told with the open's errno.
	mov [dnr_errno], eax
	call lstat_entry
	js file
	mov byte [mode_descend], 1
	call prompt
	test eax, eax
	jnz mark_parent
	jmp prompt_excise
.opened:
	mov [cfd], eax
	call read_dents                 ; into dents: [dcount] bytes
	call dents_empty
	setz [is_empty]
	mov byte [mode_descend], 1
	call prompt
	test eax, eax
	jnz .close_mark
	cmp byte [is_empty], 0
	je .walk
	sys close, [cfd]
	jmp excise                      ; (is_dir_ent, dnr 0)
.close_mark:
	sys close, [cfd]
	jmp mark_parent

; Into it: --one-file-system skips a directory on another device (as GNU,
; after the prompt); else a new level with its identity.
.walk:
	sys fstat64, [cfd], stx
	test eax, eax
	js .stat_failed
	test byte [opts], OPT_X
	jz .level
	mov eax, [stx + ST64_DEV]
	cmp eax, [opdev]
	je .level
.other_device:
	sys close, [cfd]
	call other_device_msg
	call af_write
	mov STATUSb, 1
	jmp mark_parent
.stat_failed:
	push xax
	sys close, [cfd]
	pop xax
	jmp error_entry
.level:
	mov eax, [depth]
	cmp eax, LEVELS - 2
	jae .deep
	inc eax
	mov [depth], eax
	cmp eax, 4                      ; level 4's record: where -v's buffer
	jne .record                     ; began; its bytes move to obuf
	push xax
	mov ecx, [opos]
	mov esi, [oend]
	sub esi, ecx
	mov edi, obuf + OBUFSZ
	sub edi, ecx
	rep movsb
	mov dword [oend], obuf + OBUFSZ
	pop xax
.record:
	call level
	xchg eax, edi
	mov ecx, [plen]
	mov [xdi + L_PLEN], ecx
	and dword [xdi + L_FAILED], 0
	add edi, L_ID
	call id_put
	mov eax, [pfd]                  ; the parent's descriptor is kept
	inc eax                         ; (kfd: plus 1), the grandparent's
	xchg eax, [kfd]                 ; closed
	dec eax
	call close_fd
	mov eax, [cfd]
	mov [fd], eax
	jmp entries
.deep:
	sys close, [cfd]
	mov eax, -ENAMETOOLONG
	jmp error_entry

; entries - the directory [fd] at level [depth], the entries read in
; dents ([dcount] bytes from [dpos]): each one removed, a directory walked
; into (its offset saved first).
entries:
	mov esi, [dpos]
	cmp esi, [dcount]
	jl .entry
	mov eax, [fd]
	call read_dents
	mov eax, [dcount]
	test eax, eax
	jg entries
	jz .done
	dents_removed .done
	call error_path
	call mark_here
.done:
	jmp dir_done
.entry:
	lea edi, [dents + esi]
	movzx eax, word [xdi + 16]      ; d_reclen
	add eax, esi
	mov [dpos], eax
	lea edx, [edi + 19]             ; d_name
	skip_dots xdx, entries
	push xdi
	call path_push                  ; path += "/" NAME; [pname] = NAME
	pop xdi
	jc .long
	mov eax, [fd]
	mov [pfd], eax
	mov al, [xdi + 18]              ; d_type
	cmp al, DT_UNKNOWN
	jne .typed
	push xdi
	call lstat_entry
	pop xdi
	mov al, 0                       ; (a failed lstat: a file; unlink
	js .typed                       ; tells why)
	call is_dir
	mov al, DT_DIR
	je .typed
	mov al, 0
.typed:
	cmp al, DT_DIR
	je .subdir
	call file
	call path_pop
	jmp entries
.subdir:
; A subdirectory (xdi = its entry): the entries read after it (ecx bytes
; from esi) go on the save stack when they are SAVEMIN bytes or more and
; fit (ebp = the stack's bytes then), and the offset to go on from is
; then past them (the last one's d_off), else the subdirectory's own
; (they are read again). ebx = this level's record, xdx = &dcount (dpos
; and sused follow it).
	call level
	xchg eax, ebx
	mov edx, dcount
	mov ecx, [xdx]
	mov esi, [xdx + 4]
	sub ecx, esi
	mov eax, [xdx + 8]
	lea ebp, [xax + xcx]
	cmp ch, SAVEMIN >> 8            ; (ecx < 64 KiB)
	jb .nosave
	cmp ebp, DSAVESZ
	jbe .save
.nosave:
	xor ecx, ecx
.save:
	mov [xbx + L_SAVED], cx
	jxcxz .offset
	mov [xdx + 8], ebp
	push xdi
	lea edi, [dsave + xax]
	add esi, dents
	rep movsb                       ; esi = their end
	pop xdi
.last:
	movzx eax, word [xdi + 16]      ; the next entry
	add eax, edi
	cmp eax, esi
	jae .offset
	xchg eax, edi
	jmp .last
.offset:
	lea esi, [xdi + 8]              ; d_off into L_OFF
	mov edi, ebx
	movsd
	movsd
	call dir                        ; returns with [fd] its parent again
	call path_pop                   ; or [fd] unchanged
	jmp resume
.long:
	mov eax, -ENAMETOOLONG
	call error_path
	call mark_here
	jmp entries

; resume - after a subdirectory: [fd] read again from the saved offset,
; the entries saved (L_SAVED bytes) back in dents first. (lseek64 keeps
; xsi.)
resume:
	call level
	xchg eax, esi
	mov edx, [xsi + L_OFF + 4]
	mov xax, [xsi + L_OFF]
	mov A1d, [fd]
	mov cl, SEEK_SET
	call lseek64
	movzx eax, word [xsi + L_SAVED]
	mov edi, dcount
	stosd                           ; [dcount] = their bytes
	xchg eax, ecx
	xor eax, eax
	stosd                           ; [dpos] = 0
	mov esi, [xdi]                  ; [sused] less them
	sub esi, ecx
	mov [xdi], esi
	add esi, dsave
	mov edi, dents
	rep movsb
	jmp entries

; dir_done - the directory [fd] at level [depth] has been read to its
; end: back to its parent (AT_FDCWD for an operand; the kept descriptor
; after a descent, as GNU's fts pops its ring of parents' descriptors
; (FTS_CWDFD): a directory that can be read but not searched has no way
; through ".."; else opened again through ".."; either checked), then it
; is removed unless something below it was kept.
dir_done:
	cmp dword [depth], 1
	jne .parent
	mov eax, [fd]
	call close_fd
	mov dword [pfd], AT_FDCWD
	mov xax, [opname]
	jmp .named
.parent:
	xor eax, eax
	xchg eax, [kfd]
	dec eax
	jns .kept
	sys openat, [fd], dotdot, DIROPEN
	test eax, eax
	js .lost
.kept:
	mov [pfd], eax
	sys fstat64, eax, stx
	test eax, eax
	js .lost
	call level                      ; the parent's record
	lea edi, [xax + L_SIZE + L_ID]
	call id_is_di
	jne .lost
	mov eax, [fd]
	call close_fd
	call level                      ; its name: in the path after its
	mov ecx, [xax + L_SIZE + L_PLEN] ; parent's
	lea eax, [path + ecx]
	cmp byte [xax-1], '/'
	je .named
	inc eax
.named:
	mov [pname], xax
	call level
	mov cl, [xax + L_FAILED]
	dec dword [depth]
	mov eax, [pfd]
	mov [fd], eax
	test cl, cl
	jnz mark_parent
	mov byte [is_dir_ent], 1
	mov byte [is_empty], 0
	and dword [dnr_errno], 0
	jmp prompt_excise
; The parent is not where it was (moved while we worked): stop at once,
; keeping everything that is left.
.lost:
	mov eax, -ENOENT
	mov esi, msg_traversal
	mov xdx, [pathp]
	call err_af_sync
	jmp bye

; mark_parent - a removal below the level [depth] failed or was declined:
; that directory and so its ancestors are kept (silently). mark_here is
; the same.
mark_parent:
mark_here:
	call level
	mov byte [xax + L_FAILED], 1
	ret

; level - xax = the record of the level [depth] (ltop - depth * L_SIZE;
; its parent's is L_SIZE above). clobbers: flags
level:
	mov eax, [depth]
	imul eax, eax, -L_SIZE
	add eax, ltop
	ret

; excise - unlink [pname] in [pfd] (rmdir when is_dir_ent), GNU's way:
; -v's line, or the error (EROFS for a missing file is ENOENT; with -f a
; missing file is fine; an unreadable directory's failure is told with
; the open's errno), and then the ancestors kept.
excise:
; A big tree: from the 32nd removal on, i386 enters the kernel through the
; vDSO (0.2 us a call against 6-9 us for int 0x80; its page adds 4 KiB of
; RSS, so a small rm stays without it).
%ifdef _VSYS_LATER
	sub byte [vsys_left], 8
	jnz .slow
	fast_syscall_on
.slow:
%endif
	xor A3d, A3d
	cmp byte [is_dir_ent], 0
	je .unlink
	mov A3d, AT_REMOVEDIR
.unlink:
	sys unlinkat, [pfd], [pname]
	test eax, eax
	js .failed
	test byte [opts], OPT_V
	jz .ret
	QB_START edi
	mov esi, msg_removed
	cmp byte [is_dir_ent], 0
	je .verbose
	mov esi, msg_removed_dir
.verbose:
	call copystr
	mov xsi, [pathp]
	call quote_af
	jmp out_line
.ret:
	ret
.failed:
	cmp eax, -EROFS
	jne .missing
	push xax
	call lstat_entry
	pop xdx
	cmp eax, -ENOENT
	je .missing
	xchg eax, edx
.missing:
	test byte [opts], OPT_F
	jz .dnr
	cmp eax, -ENOENT
	je .ret
	cmp eax, -ENOTDIR
	je .ret
.dnr:
	mov edx, [dnr_errno]
	test edx, edx
	jz error_entry
	cmp edx, -EPERM
	je .dnr_errno
	cmp edx, -EACCES
	jne error_entry
.dnr_errno:
	cmp eax, -ENOTEMPTY
	je .use
	cmp eax, -EISDIR
	je .use
	cmp eax, -ENOTDIR
	je .use
	cmp eax, -EEXIST
	jne error_entry
.use:
	xchg eax, edx
; error_entry - "cannot remove 'PATH': Reason" (xax), the ancestors kept.
error_entry:
	call error_path
	jmp mark_parent

; error_path - "ARGV0: cannot remove 'PATH': Reason" (xax = -errno).
error_path:
	mov esi, msg_cannot
	mov xdx, [pathp]
	jmp err_af_sync

; prompt - GNU's prompt(): [pfd], [pname], the path; is_dir_ent,
; mode_descend, is_empty. out: eax = RM_OK, RM_DECLINED (nothing said),
; RM_ERROR (said; STATUS = 1; the caller marks).
prompt:
	xor eax, eax
	cmp byte [inter], I_NEVER
	je .ret
	mov [wp], eax                   ; [wp] = write_protected
	test byte [opts], OPT_F
	jnz .asked
	cmp byte [inter], I_ALWAYS
	je .wp
	cmp byte [stdin_tty], 0
	je .asked
; write_protected_non_symlink: 0 for root; -1 when it cannot be looked
; at (errno in ebp); 0 for a symlink; else faccessat's W_OK.
.wp:
	cmp byte [root_user], 0
	jne .asked
	call lstat_entry
	js .wp_error
	call type_of
	cmp ah, S_IFLNK >> 8
	je .asked
	mov A4d, AT_EACCESS
	sys faccessat2, [pfd], [pname], 2
	cmp eax, -ENOSYS                ; before Linux 5.8: faccessat (the
	jne .access                     ; real ids, the same unless setuid)
	sys faccessat, [pfd], [pname], 2
.access:
	test eax, eax
	jns .asked
	cmp eax, -EACCES
	jne .wp_error
	inc dword [wp]
	jmp .asked
.wp_error:
	dec dword [wp]
	xchg eax, ebp
.asked:
	cmp dword [wp], 0
	jne .prompting
	cmp byte [inter], I_ALWAYS
	jne .ok
.prompting:
	cmp dword [wp], 0
	jl .cannot
	cmp byte [is_dir_ent], 0
	jne .type_dir
	call lstat_entry                ; the type for DT_UNKNOWN
	jns .typed
	xchg eax, ebp
	jmp .cannot
.typed:
	call type_of
	cmp ah, S_IFLNK >> 8
	jne .not_link
	cmp byte [inter], I_ALWAYS
	jne .ok
	jmp .message
.not_link:
	cmp ah, S_IFDIR >> 8
	jne .message
.type_dir:
	test byte [opts], OPT_R
	jnz .message
	test byte [opts], OPT_D
	jz .isdir
	cmp byte [is_empty], 0
	jne .message
.isdir:
	mov ebp, -EISDIR
.cannot:
	mov eax, ebp
	call error_path
	mov eax, RM_ERROR
	ret

; "ARGV0: descend into [write-protected ]directory 'P'? " for a directory
; about to be walked; else "ARGV0: remove [write-protected ]TYPE 'P'? ".
.message:
	cmp byte [is_dir_ent], 0
	je .remove
	cmp byte [mode_descend], 0
	je .remove
	cmp byte [is_empty], 0
	jne .remove
	mov edi, ptext
	mov esi, msg_descend
	call copystr
	call .protected
	mov esi, msg_directory
	call copystr
	jmp .ask
.remove:
	call lstat_entry
	jns .stat_ok
	xchg eax, ebp
	jmp .cannot
.stat_ok:
	mov edi, ptext
	mov esi, msg_remove
	call copystr
	call .protected
	call type_name
	call copystr
	mov al, ' '
	stosb
.ask:
	mov byte [xdi], 0
	mov esi, ptext
	mov xdx, [pathp]
	call af_start
	mov ax, '? '
	stosw
	call ask
	mov eax, RM_DECLINED
	jnc .ret
.ok:
	xor eax, eax
.ret:
	ret
.protected:
	cmp dword [wp], 0
	je .ret
	mov esi, msg_protected
	jmp copystr

; type_name - xsi = GNU's file_type() of stx.
type_name:
	call type_of
	mov esi, t_regular
	cmp ah, S_IFREG >> 8
	jne .table
	zf64 stx + ST64_SIZE              ; (an empty file)
	jnz .ret
	mov esi, t_empty
.ret:
	ret
.table:
	mov esi, types
.next:
	lodsb
	test al, al
	jz .ret                         ; "weird file"
	cmp al, ah
	je .ret
.skip:
	lodsb
	test al, al
	jnz .skip
	jmp .next

; type_of - ah = the S_IFMT bits of stx's mode (>> 8).
type_of:
	mov ax, [stx + ST64_MODE]
	and ah, S_IFMT >> 8
	ret

; is_dir - ZF=1 when stx is a directory.
is_dir:
	call type_of
	cmp ah, S_IFDIR >> 8
	ret

; lstat_entry - fstatat64 of [pname] in [pfd], not following, into stx.
; SF=1 with xax = -errno when it failed.
lstat_entry:
	sys fstatat64, [pfd], [pname], stx, AT_SYMLINK_NOFOLLOW
	test eax, eax
	ret

; is_empty_named - ZF=1 when the directory [pname] in [pfd] can be read
; and has no entry (GNU's is_empty_dir).
is_empty_named:
	sys openat, [pfd], [pname], DIROPEN
	test eax, eax
	js .no
	push xax
	call read_dents
	call dents_empty
	pop xax
	pushf
	call close_fd
	popf
	ret
.no:
	test esp, esp
	ret

; read_dents - getdents64 of the directory eax into dents: [dcount] =
; the bytes (or -errno), [dpos] = 0.
read_dents:
	sys getdents64, eax, dents, DENTSZ
	mov [dcount], eax
	and dword [dpos], 0
	ret

; dents_empty - ZF=1 when dents holds only "." and ".." (and the
; directory was read to its end: a first read that returns so few, or
; -ENOENT: it was removed, GNU's is_empty_dir's readdir says the end).
dents_empty:
	mov ecx, [dcount]
	xor esi, esi
.entry:
	cmp esi, ecx
	jge .empty
	lea edx, [dents + esi + 19]
	dots_else xdx, .no              ; "." and ".." skipped
	movzx eax, word [dents + esi + 16]
	add esi, eax
	jmp .entry
.empty:
	dents_removed .yes, ecx
	test ecx, ecx                   ; a failed read is not empty
	js .no
.yes:
	cmp eax, eax
	ret
.no:
	test esp, esp
	ret

; path_push - path += "/" NAME (xdx); [pname] = NAME there. CF=1 when
; it does not fit (the path unchanged).
path_push:
	mov edi, [plen]
	push xdi
	add edi, path
	cmp byte [xdi-1], '/'
	je .copy
	mov al, '/'
	stosb
.copy:
	mov [pname], xdi
	mov xsi, xdx
.byte:
	lodsb
	stosb
	cmp edi, path + PATHMAX - 1
	jae .long
	test al, al
	jnz .byte
	pop xax
	dec edi
	sub edi, path
	mov [plen], edi
	clc
	ret
.long:
	pop xdi
	mov byte [path + xdi], 0
	stc
	ret

; qb_start - eax = where a message begins: just past the path (plen),
; on its page for a short path (fs_msg's QB_START).
qb_start:
	mov eax, [plen]
	add eax, path + 1
	ret

; path_pop - back to the path of the directory being read.
path_pop:
	call level
	mov eax, [xax + L_PLEN]
	mov [plen], eax
	mov byte [path + xax], 0
	ret

; strend - xdi = the NUL of the string at xsi. clobbers: al, xsi
strend:
	mov xdi, xsi
.byte:
	cmp byte [xdi], 0
	je .ret
	inc xdi
	jmp .byte
.ret:
	ret

; close_fd - close eax unless it is AT_FDCWD (negative).
close_fd:
	test eax, eax
	js .ret
	sys close, eax
.ret:
	ret

; ask - the prompt built in qbuf (up to xdi) on stderr, then yesno. A
; failed write makes the exit status 1 and the answer is read all the
; same, as GNU's: its stderr is unbuffered, fprintf's failure sets the
; stream's error flag and close_stdout's close_stream(stderr) then ends
; with _exit(1).
ask:
	call af_write
	jns yesno
	mov STATUSb, 1

; yesno - GNU's yesno(): getline() on stdin through a stdio-like buffer
; of IBUFSZ bytes (glibc's for a pipe or a file), so a pipe gives up all
; that one read returned, as GNU's; CF=1 when the line starts with y or Y.
; End of file sticks (glibc since 2.28: later prompts read no more); a
; read error answers no and is told at exit (close_stdin).
; (ebp: the only register no system call takes on either arch.)
yesno:
	push xbp
	or ebp, -1                      ; ebp = -1 until the first byte
.next:
	mov xcx, [ipos]
	cmp xcx, [ilim]
	jb .byte
	cmp byte [ieof], 0
	jne .done
	sys read, 0, ibuf, IBUFSZ
	xor ecx, ecx
	mov [ipos], xcx
	mov [ilim], xcx
	test eax, eax
	jg .fill
	jz .eof
	mov byte [ierr], 1
	jmp short .done
.eof:
	inc byte [ieof]
	jmp short .done
.fill:
	mov [ilim], xax
.byte:
	movzx eax, byte [ibuf+xcx]
	inc ecx
	mov [ipos], xcx
	test ebp, ebp
	jns .rest
	mov ebp, eax
.rest:
	cmp al, 10
	jne .next
.done:
	or ebp, 0x20
	cmp ebp, 'y'
	clc
	jne .ret
	stc
.ret:
	pop xbp
	ret

; close_stdin - gnulib's close_stdin at exit: stdin's offset moved back to
; the first byte read ahead and not used (fflush of a seekable stdin; a
; pipe's bytes stay consumed), then after a read error on stdin "error
; closing file", with -v's lines flushed first and as its reason only
; close(0)'s (errno is 0 there in GNU's rm otherwise). clobbers: as say
close_stdin:
	mov xax, [ipos]
	sub xax, [ilim]
	jz .seeked
	cdq                             ; (i386: the offset's high half)
	xor A1d, A1d
	mov cl, SEEK_CUR
	call lseek64
.seeked:
	cmp byte [ierr], 0
	je .ret
	call sync_out
	sys close, 0                    ; (fclose: a closed stdin's EBADF is
	test eax, eax                   ; the reason; errno is 0 otherwise)
	jl .said
	xor eax, eax
.said:
	mov esi, msg_close
	jmp err_text
.ret:
	ret

slash:		db '/', 0
dotdot:		db '..', 0
name_interactive: db 'interactive', 0
whens:		db 1, 'never', 0, 1, 'no', 0, 1, 'none', 0, 2, 'once', 0
		db 4, 'always', 0, 4, 'yes', 0, 0
msg_invalid_arg: db 'invalid argument ', 0
msg_try1: db "Try '", 0
msg_try2: db ' ./', 0
msg_try3: db "' to remove the file ", 0
msg_ambiguous_arg: db 'ambiguous argument ', 0
msg_valid:	db " for '--interactive'", 10, 'Valid arguments are:', 10
		db "  - 'never', 'no', 'none'", 10, "  - 'once'", 10
		db "  - 'always', 'yes'", 10, 0
msg_remove_n:	db ': remove ', 0
msg_arguments:	db ' argument', 0
msg_recursively: db ' recursively', 0
msg_cannot:	db 'cannot remove ', 0
msg_dot:	db "refusing to remove '.' or '..' directory: skipping ", 0
msg_dangerous:	db ': it is dangerous to operate recursively on ', 0
msg_same_as_root: db " (same as '/')", 0
msg_failed_stat: db ': failed to stat ', 0
msg_skipping:	db ': skipping ', 0
msg_all:	db ': and --preserve-root=all is in effect', 10, 0
msg_bad_pres:	db ': unrecognized --preserve-root argument: ', 0
msg_no_abbrev:	db ': you may not abbreviate the --no-preserve-root option', 10, 0
msg_failsafe:	db ': use --no-preserve-root to override this failsafe', 10, 0
msg_other_device: db ", since it's on a different device", 10, 0
msg_traversal:	db 'traversal failed: ', 0
msg_removed:	db 'removed ', 0
msg_close:	db 'error closing file', 0
msg_removed_dir: db 'removed directory ', 0
msg_descend:	db 'descend into ', 0
msg_remove:	db 'remove ', 0
msg_protected:	db 'write-protected ', 0
msg_directory:	db 'directory ', 0
t_empty:	db 'regular empty file', 0
t_regular:	db 'regular file', 0
types:		db S_IFDIR >> 8, 'directory', 0
		db S_IFLNK >> 8, 'symbolic link', 0
		db S_IFBLK >> 8, 'block special file', 0
		db S_IFCHR >> 8, 'character special file', 0
		db S_IFIFO >> 8, 'fifo', 0
		db 0o140000 >> 8, 'socket', 0
		db 0, 'weird file', 0
OPTSPEC:	db 'dfirvIR', 0
LONGOPTS:                               ; in GNU's order (its ambiguity lists)
	db 'f', 'force', 0
	db 'A', 'interactive', 0
	db 'x', 'one-file-system', 0
	db 'N'
name_nopres:	db 'no-preserve-root', 0
	db PRESERVE | 0x80, 'preserve-root', 0
	db 'T', '-presume-input-tty', 0  ; (GNU's, undocumented, for its tests)
	db 'r', 'recursive', 0
	db 'd', 'dir', 0
	db 'v', 'verbose', 0
	db '?', 'help', 0
	db '?', 'version', 0
	db 0

; Where the bytes fall in pages (peak RSS): the variables, stx, dents
; and the start of path share one page with the records of the first
; levels (levels is indexed downwards from ltop, record 0, so the records
; of the first levels are its last bytes) and i386's argv0 and status:
; "rm -r DIR" of a small directory touches one page of BSS. So do "rm -v
; FILE", "rm -rv DIR" and an error: a message is built just past the
; path (QB_START), and the -v lines are buffered at the end of a buffer
; (OBUF_TAIL) that ends right below level 3's record (oend): in the
; levels' records 4 and up, until a walk goes that deep; then they move
; to obuf, after qbuf.
BSS
	resb (PAGE + 512 + 4 * L_SIZE - _BSS_PAGEOFF) % PAGE   ; (records 0..3
levels:	resb (LEVELS - 1) * L_SIZE      ; and 512 bytes below them in the
ltop:	resb L_SIZE                     ; page of the variables)
					; record d at ltop - d * L_SIZE
	GLOBALS_HERE
pathp:	resW 1
pname:	resW 1
opname:	resW 1
opend:	resW 1
ipos:	resW 1
ilim:	resW 1
argvp:	resW 1
opts:	resb 1
inter:	resb 1
stdin_tty: resb 1
root_user: resb 1
root_known: resb 1
is_dir_ent: resb 1
is_empty: resb 1
mode_descend: resb 1
ieof:	resb 1
ierr:	resb 1
pfd:	resd 1
cfd:	resd 1
fd:	resd 1
depth:	resd 1
plen:	resd 1
wp:	resd 1
kfd:	resd 1                          ; the parent's descriptor + 1, or 0
dnr_errno: resd 1
dcount:	resd 1
dpos:	resd 1
sused:	resd 1                          ; the save stack's bytes
opdev:	resd 1                          ; the operand's st_dev (32 bits)
root_id: resd 4                         ; "/"'s identity (id_put)
opos:	resd 1
werr:	resd 1
oend:	resd 1                          ; where -v's buffer ends
otty:	resb 1
sync_err: resb 1
%ifdef _VSYS_LATER
vsys_left: resb 1                       ; removals before the vDSO (32)
%endif
ptext:	resb 64
	resb (-($-$$)) & 7
stx:	resb ST64_RECORD                ; lstat_entry's and the walk's
					; struct stat64 (layouts.inc): type,
					; mode, size, inode, device, which
					; every kernel gives (statx would need
					; its fallback before Linux 4.11)
dents:	resb DENTSZ
path:	resb PATHMAX
QBUFSZ	equ 131072 + 4 * PATHMAX + 256
qbuf:	resb QBUFSZ                     ; (past path: QB_START's room)
OBUFSZ	equ 4096
obuf:	resb OBUFSZ                     ; -v's buffer with -r
dsave:	resb DSAVESZ                    ; the save stack
	resb (PAGE - _BSS_PAGEOFF) % PAGE
IBUFSZ	equ 4096
ibuf:	resb IBUFSZ                     ; stdin's, for the answers

program_end
