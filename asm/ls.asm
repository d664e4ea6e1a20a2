; ls - list directory contents.
;
; Usage: ls [-1aAdrUpFiLHqCx] [FILE]...
;   -1  one name a line (the default when stdout is not a terminal)
;   -C  columns, down then across (the default on a terminal)
;   -x  columns, across then down
;   -a  all names, . and .. too      -A  all names but . and ..
;   -d  directories as themselves    -r  reverse the order
;   -U  directory order, no sorting  -i  inode numbers (padded like GNU)
;   -p  '/' after directories        -F  '/' '@' '|' '=' '*' indicators
;   -L  follow every symlink         -H  follow symlinks on the command line
;   -q  unprintable bytes as '?' (the default on a terminal)
; The last of -1/-C/-x, -a/-A, -p/-F, -L/-H wins, as GNU. Names sort in
; byte order (LC_ALL=C). Files first, then each directory, with "DIR:"
; headers when there is more than one operand. Width from COLUMNS, else
; TIOCGWINSZ, else 80; tab stops of 8 as GNU's default.
; Exit status: 0; 1 for a minor problem; 2 for a bad option, an operand
; that cannot be accessed or opened, a write error.
; Differences from GNU: -l -n -g -o -h -s -k -R -S -t -u -c (and the other
; letters GNU has) and every long option (--color...) are not implemented:
; each fails with "ls: option -X is not supported by this ls" (GNU's
; "unrecognized option" for a long one), exit status 2. On a terminal GNU
; quotes names that need it (shell-escape, 'a b'); this ls shows
; unprintable bytes as '?' there and quotes nothing. -i -L on a dangling
; symlink shows its own inode where GNU shows '?'. An invalid COLUMNS
; (not all digits) is ignored without GNU's warning.
;
; Memory: the variables, the statx buffer and the start of the 32 KiB
; output buffer share one BSS page; the operands and each directory's
; getdents64 records, then the array of name pointers, grow an arena at the
; break (brk), given back after each directory. Each record's d_off holds
; the frills: the indicator (name-11; an operand's mode is kept there
; first), the width (name-7). Sorting is a Shell sort of the pointers.

%include "subk.inc"
%include "layout.inc"
%if W == 8
	default rel
%endif
use usage, getopt, err_file, err_plain, errno_path, strlen, outbuf
%define USAGE_STATUS 2
%define OUT_FAIL out_fail
%define OUT_POS V(opos)
%define V(x) xbp + (x - VARS)

OUTSZ       equ 32768
TIOCGWINSZ  equ 0x5413
DT_DIR      equ 4
DT_LNK      equ 10
DT_REG      equ 8
NSUPP       equ 14              ; the first NSUPP letters of OPTSPEC work

; The options: a byte each (see opt_tab)
O_FMT   equ 0   ; 1 one per line, 2 -C, 3 -x (0: not given)
O_IGN   equ 1   ; 0 hide dot names, 1 -A, 2 -a
O_IND   equ 2   ; 0 none, 1 -p, 2 -F
O_DEREF equ 3   ; 0 never, 1 command-line symlinks to dirs, 2 -H, 3 -L
O_REV   equ 4
O_UNS   equ 5
O_DIRS  equ 6
O_INO   equ 7
O_Q     equ 8

_start:
	mov ebp, VARS
	mov dword [V(dirfd)], AT_FDCWD
	save_argv0
	getopt_init
.opt:
	call getopt
	jc .opts_done
	cmp ecx, NSUPP
	jae unsupported
	movzx eax, byte [opt_tab + xcx*2]
	mov dl, [opt_tab + xcx*2 + 1]
	mov [V(opts) + xax], dl
	jmp .opt

; Defaults: the format, -q and the width on a terminal; the dereference
; mode when no -L/-H was given.
.opts_done:
	mov [V(argend)], xdi
	sys ioctl, 1, TIOCGWINSZ, winsz
	test eax, eax
	js .notty
	inc byte [V(opts) + O_Q]
	cmp byte [V(opts) + O_FMT], 0
	jne .notty
	mov byte [V(opts) + O_FMT], 2
.notty:
	cmp byte [V(opts) + O_FMT], 0
	jne .fmt
	inc byte [V(opts) + O_FMT]
.fmt:
	cmp byte [V(opts) + O_DEREF], 0
	jne .deref
	cmp byte [V(opts) + O_DIRS], 0
	jne .deref
	cmp byte [V(opts) + O_IND], 2
	je .deref
	inc byte [V(opts) + O_DEREF]
.deref:
	call width

; The arena starts at the break.
	mov dword [V(opos)], outbuf
	sys brk, 0
	mov [V(cur)], eax
	mov [V(brkend)], eax

; Each operand (or "."): a record as getdents64 makes them, in the arena
; (its d_off holds the mode, its type byte 0xff when it could not be
; accessed).
	lea xsi, [xsp + 2*W]
	mov [V(argp)], xsi
	mov xbx, [V(argend)]
	sub xbx, xsi
	shr ebx, 2
%if W == 8
	shr ebx, 1
%endif
	mov [V(nargs)], ebx
	mov eax, [V(cur)]
	mov [V(recs)], eax
	test ebx, ebx
	jnz .arg
	mov xax, dot
	mov [xsi], xax
	add xsi, W
	mov [V(argend)], xsi
.arg:
	mov xsi, [V(argp)]
	cmp xsi, [V(argend)]
	jae .args_done
	add WPTR [V(argp)], W
	mov xsi, [xsi]
	movx A2, xsi
	call strlen                     ; xdx = length
	push xsi
	lea eax, [xdx + 24]
	call alloc                      ; eax = the record
	pop xsi
	lea edi, [xax + 19]
	xchg eax, ebx                   ; ebx = the record
	lea ecx, [xdx + 1]
	rep movsb
	add edx, 24
	mov [xbx + 16], dx
	lea esi, [xbx + 19]
	xor edx, edx                    ; flags: follow
	cmp byte [V(opts) + O_DEREF], 2
	jae .stat
	mov edx, AT_SYMLINK_NOFOLLOW
	cmp byte [V(opts) + O_DEREF], 0
	je .stat
	xor edx, edx
	call stat_at                    ; (to a directory?)
	js .lstat
	mov al, [V(stx) + STX_MODE + 1]
	and al, 0xf0
	cmp al, 0x40
	je .stat_ok
.lstat:
	mov edx, AT_SYMLINK_NOFOLLOW
.stat:
	call stat_at
	jns .stat_ok
	lea edx, [xbx + 19]
	mov byte [xbx + 18], 0xff       ; failed
	mov ecx, msg_access
	call fail_name
	mov byte [V(status2)], 2
	jmp .arg
.stat_ok:
	mov eax, [V(stx) + STX_INO]
	mov [xbx], eax
	mov eax, [V(stx) + STX_INO + 4]
	mov [xbx + 4], eax
	movzx eax, word [V(stx) + STX_MODE]
	mov [xbx + 8], eax              ; the mode, for -F
	shr eax, 12
	mov [xbx + 18], al
	jmp .arg
.args_done:
	mov eax, [V(cur)]
	mov [V(recend)], eax

; The files (and with -d every operand): one listing.
	mov byte [V(isop)], 1
	mov ebx, [V(recs)]
	call ptrs_start
.file:
	cmp ebx, [V(recend)]
	jae .files_done
	mov al, [xbx + 18]
	cmp al, 0xff
	je .file_next
	cmp byte [V(opts) + O_DIRS], 0
	jne .file_add
	cmp al, DT_DIR
	je .file_next
.file_add:
	call ptr_add
.file_next:
	movzx eax, word [xbx + 16]
	add ebx, eax
	jmp .file
.files_done:
	call listing
	mov byte [V(isop)], 0

; Then each directory, sorted too; its pointers stay below what it lists.
	cmp byte [V(opts) + O_DIRS], 0
	jne finish
	mov ebx, [V(recs)]
	call ptrs_start
.dir:
	cmp ebx, [V(recend)]
	jae .dirs
	cmp byte [xbx + 18], DT_DIR
	jne .dir_next
	call ptr_add
.dir_next:
	movzx eax, word [xbx + 16]
	add ebx, eax
	jmp .dir
.dirs:
	call sort
	mov eax, [V(cur)]
	cmp eax, [V(ptrs)]
	je finish
	cmp dword [V(count)], 0            ; files listed before: a blank line
	je .nofiles
	mov al, 10
	call putc
.nofiles:
	mov ebx, [V(ptrs)]
.dir_loop:
	cmp ebx, [V(cur)]
	jae finish
	push xbx
	mov esi, [xbx]
	call list_dir
	pop xbx
	add ebx, 4
	jmp .dir_loop

finish:
	call ob_flush
	mov eax, [V(werr)]
	test eax, eax
	jz .st
	mov esi, msg_write
	call err_text
	mov byte [V(status2)], 2
.st:
	mov al, [V(status2)]
	cmp al, STATUSb
	jb .exit
	mov STATUSb, al
.exit:
	exit_status

; fail_name - "ARGV0: TEXT 'NAME': REASON" with GNU's quoting that always
; quotes (shell-escape-always); ecx = TEXT, edx = NAME, eax = -errno
fail_name:
	push xax
	mov esi, edx
	mov al, [xsi]
	cmp al, '#'
	je .q
	cmp al, '~'
	je .q
	test al, al
	jz .q
.l:
	movzx eax, byte [xsi]
	inc esi
	test al, al
	jz .plain
	js .q
	cmp al, "'"
	je .q
	bt [quote_needed], eax
	jnc .l
.q:
	mov esi, fmt_fq
	jmp .say
.plain:
	mov esi, fmt_fp
.say:
	pop xax
	jmp say

out_fail:                               ; a write failed: report at the end
	mov [V(werr)], eax
	ret

unsupported:
	mov edx, optstr
	mov [xdx], al
	mov esi, fmt_unsupp
	xor eax, eax
	call say
	mov STATUSb, 2
	exit_status

; stat_at - statx(dirfd, xsi, edx flags) into stx; SF=1 when it failed
stat_at:
	push xbx
	push xdx
	push xsi
	mov A3d, edx
	movx A2, xsi
	mov A1d, [V(dirfd)]
	mov A4d, STATX_TYPE|STATX_MODE|STATX_INO
	mov A5d, stx
	sys statx
	pop xsi
	pop xdx
	pop xbx
	test eax, eax
	ret

; alloc - eax bytes from the arena -> eax = their start; clobbers xcx
alloc:
	mov ecx, [V(cur)]
	add eax, ecx
	mov [V(cur)], eax
	cmp eax, [V(brkend)]
	jbe .ok
	push xbx
	push xdx
	push xsi
	push xcx
	add eax, 0x20000
	and eax, -4096
	mov [V(brkend)], eax
	sys brk, eax
	cmp eax, [V(brkend)]
	jne nomem
	pop xcx
	pop xsi
	pop xdx
	pop xbx
.ok:
	xchg eax, ecx
	ret
nomem:
	mov esi, msg_mem
	call err_plain
	mov STATUSb, 2
	exit_status

; ptrs_start - an empty pointer array at the arena's end
ptrs_start:
	mov eax, [V(cur)]
	add eax, 3
	and eax, -4
	mov [V(cur)], eax
	mov [V(ptrs)], eax
	ret
; ptr_add - append ebx+19 (a name) to it
ptr_add:
	push 4
	pop xax
	call alloc
	lea ecx, [xbx + 19]
	mov [xax], ecx
	ret

; list_dir - list the directory esi (a name in the arena)
list_dir:
	mov eax, [V(cur)]
	mov [V(mark)], eax
	mov [V(dirname)], esi
	sys open, esi, O_RDONLY|O_DIRECTORY|O_LARGEFILE|O_CLOEXEC
	test eax, eax
	jns .opened
	mov edx, [V(dirname)]
	mov ecx, msg_open
	call fail_name
	mov byte [V(status2)], 2
	ret
.opened:
	mov [V(dirfd)], eax
	mov eax, [V(cur)]
	mov [V(recs)], eax
.read:
	mov eax, 0x10000
	call alloc
	mov eax, [V(cur)]
	sub eax, 0x10000
	mov [V(cur)], eax
	sys getdents64, [V(dirfd)], eax, 0x10000
	test eax, eax
	jz .eof
	js .rderr
	add [V(cur)], eax
	jmp .read
.rderr:
	mov edx, [V(dirname)]
	mov ecx, msg_read
	call fail_name
	mov byte [V(status2)], 1
.eof:
	mov eax, [V(cur)]
	mov [V(recend)], eax
; The header: when there is more than one operand; a blank line before
; each but the first.
	cmp dword [V(nargs)], 1
	jbe .noheader
	cmp byte [V(printed)], 0
	je .first
	mov al, 10
	call putc
.first:
	mov byte [V(printed)], 1
	mov esi, [V(dirname)]
	movx A2, xsi
	call strlen
	mov ecx, edx
	call ob_put
	mov al, ':'
	call putc
	mov al, 10
	call putc
.noheader:
	mov ebx, [V(recs)]
	call ptrs_start
.ent:
	cmp ebx, [V(recend)]
	jae .ents_done
	cmp byte [xbx + 19], '.'
	jne .add
	mov al, [V(opts) + O_IGN]
	test al, al
	jz .skip
	dec al
	jnz .add
	cmp byte [xbx + 20], 0          ; -A: not . and ..
	je .skip
	cmp word [xbx + 20], '.'
	je .skip
.add:
	call ptr_add
.skip:
	movzx eax, word [xbx + 16]
	add ebx, eax
	jmp .ent
.ents_done:
	call listing
	sys close, [V(dirfd)]
	mov dword [V(dirfd)], AT_FDCWD
	mov eax, [V(mark)]
	mov [V(cur)], eax
	ret

; putc - al to the output (room is made before each entry)
putc:
	push xax
	mov eax, [V(opos)]
	cmp eax, outbuf + OUTSZ
	jb .room
	push xbx
	push xdx
	push xsi
	call ob_flush
	pop xsi
	pop xdx
	pop xbx
.room:
	pop xax
	mov edi, [V(opos)]
	stosb
	mov [V(opos)], edi
	ret

; listing - the names at [V(ptrs)] up to [V(cur)]: their frills, sorted, shown.
listing:
	mov ecx, [V(cur)]
	sub ecx, [V(ptrs)]
	shr ecx, 2
	mov [V(count)], ecx
	call sort
	mov dword [V(inow)], 0
	mov ebx, [V(ptrs)]
.frill:
	cmp ebx, [V(cur)]
	jae .frills_done
	mov esi, [xbx]
	call frills
	add ebx, 4
	jmp .frill
.frills_done:
	mov al, [V(opts) + O_FMT]
	cmp al, 1
	je one_per_line
	jmp columns

one_per_line:
	mov ebx, [V(ptrs)]
.l:
	cmp ebx, [V(cur)]
	jae .ret
	mov esi, [xbx]
	call put_name
	mov al, 10
	call putc
	add ebx, 4
	jmp .l
.ret:
	ret

; frills - esi = a name (record at esi-19): its indicator at esi-11, its
; width at esi-8 (name, indicator, inode); [V(inow)] = the widest inode.
frills:
	push xbx
	mov ebx, esi
	movx A2, xsi
	call strlen
	mov [xbx - 7], edx
	mov al, [V(opts) + O_IND]
	test al, al
	jz .none
	mov cl, [xbx - 1]               ; the type
	cmp byte [V(isop)], 0
	jne .known
	cmp cl, 0
	je .stat
	cmp cl, DT_LNK
	jne .reg
	cmp byte [V(opts) + O_DEREF], 3
	je .stat
.reg:
	cmp cl, DT_REG
	jne .type
	cmp al, 2
	jne .type
.stat:
	xor edx, edx
	cmp byte [V(opts) + O_DEREF], 3
	je .st
	mov edx, AT_SYMLINK_NOFOLLOW
.st:
	mov esi, ebx
	call stat_at
	jns .stat_ok
	test edx, edx
	jnz .oldtype
; -L and a dangling symlink: GNU's "cannot access DIR/NAME", status 1,
; and the name shown with its own type.
	push xax
	mov esi, [V(dirname)]
	mov edi, pathbuf
	cmp word [xsi], '.'
	je .base
.dir:
	lodsb
	test al, al
	jz .slash
	stosb
	jmp .dir
.slash:
	mov al, '/'
	cmp [xdi - 1], al
	je .base
	stosb
.base:
	mov esi, ebx
.nm:
	lodsb
	stosb
	test al, al
	jnz .nm
	pop xax
	mov ecx, msg_access
	mov edx, pathbuf
	call fail_name
	mov STATUSb, 1
.oldtype:
	mov cl, [xbx - 1]
	jmp .type
.stat_ok:
	movzx eax, word [V(stx) + STX_MODE]
	mov ecx, eax
	shr ecx, 12
	mov [xbx - 1], cl
	jmp .known2
.known:
	mov eax, [xbx - 11]
.known2:
; cl = the type, eax = the mode (for DT_REG under -F)
.type:
	mov dl, '/'
	cmp cl, DT_DIR
	je .ind
	cmp byte [V(opts) + O_IND], 2
	jne .none
	mov dl, '@'
	cmp cl, DT_LNK
	je .ind
	mov dl, '|'
	cmp cl, 1
	je .ind
	mov dl, '='
	cmp cl, 12
	je .ind
	cmp cl, DT_REG
	jne .none
	mov dl, '*'
	test al, 0o111
	jnz .ind
.none:
	mov dl, 0
.ind:
	mov [xbx - 11], dl
	test dl, dl
	jz .ino
	inc dword [xbx - 7]
.ino:
	cmp byte [V(opts) + O_INO], 0
	je .ret
	lea esi, [xbx - 19]
	mov edi, numend
	call u64
	mov eax, numend
	sub eax, edi
	cmp eax, [V(inow)]
	jbe .ret
	mov [V(inow)], eax
.ret:
	pop xbx
	ret

; u64 - the decimal digits of the 64-bit number at esi, ending at edi
; -> edi = the first digit; clobbers eax, ecx, edx
u64:
	push xsi
	mov ecx, [xsi + 4]
	mov eax, [xsi]
	push 10
	pop xsi
.d:
	push xax
	mov eax, ecx
	xor edx, edx
	div esi
	mov ecx, eax
	pop xax
	div esi
	add dl, '0'
	dec edi
	mov [xdi], dl
	mov edx, eax
	or edx, ecx
	jnz .d
	pop xsi
	ret

; width_of - the columns taken by the name esi (with frills) -> eax
width_of:
	mov eax, [xsi - 7]
	cmp byte [V(opts) + O_INO], 0
	je .r
	add eax, [V(inow)]
	inc eax
.r:
	ret

; put_name - the name esi with its inode and indicator. Makes room first.
; clobbers all but ebx, ebp
put_name:
	push xsi
	push xbx
	mov eax, [V(opos)]
	cmp eax, outbuf + OUTSZ - 9000
	jb .room
	call ob_flush
.room:
	pop xbx
	pop xsi
	mov edi, [V(opos)]
	cmp byte [V(opts) + O_INO], 0
	je .name
	push xsi
	push xdi
	sub esi, 19
	mov edi, numend
	call u64
	mov ecx, numend
	sub ecx, edi
	mov esi, edi
	pop xdi
	mov edx, [V(inow)]
	sub edx, ecx
	jbe .digits
	mov al, ' '
.pad:
	stosb
	dec edx
	jnz .pad
.digits:
	rep movsb
	mov al, ' '
	stosb
	pop xsi
.name:
	mov dl, [xsi - 11]
.c:
	lodsb
	test al, al
	jz .end
	cmp byte [V(opts) + O_Q], 0
	je .put
	cmp al, ' '
	jb .q
	cmp al, 0x7f
	jb .put
.q:
	mov al, '?'
.put:
	stosb
	jmp .c
.end:
	mov al, dl
	test al, al
	jz .done
	stosb
.done:
	mov [V(opos)], edi
	ret

; sort - Shell sort of the pointers [V(ptrs)] .. [V(cur)] by name (bytes),
; reversed with -r; nothing with -U.
sort:
	cmp byte [V(opts) + O_UNS], 0
	jne .ret
	mov ecx, [V(cur)]
	sub ecx, [V(ptrs)]
	shr ecx, 2                      ; n
	mov [V(nsort)], ecx
.gap:
	shr ecx, 1                      ; gap (n/2, n/4, ... 1)
	jz .ret
	mov edx, ecx                    ; i = gap
.i:
	cmp edx, [V(nsort)]
	jae .gap
	push xdx
	mov ebx, [V(ptrs)]
	mov eax, [xbx + xdx*4]          ; t = a[i]
	mov [V(tmp)], eax
.j:                                     ; j = edx
	cmp edx, ecx
	jb .place
	mov edi, edx
	sub edi, ecx
	mov esi, [xbx + xdi*4]          ; a[j-gap]
	push xsi
	push xdi
	mov edi, [V(tmp)]
	call cmp_names                  ; a[j-gap] > t ?
	pop xdi
	pop xsi
	jbe .place
	mov [xbx + xdx*4], esi
	mov edx, edi
	jmp .j
.place:
	mov eax, [V(tmp)]
	mov [xbx + xdx*4], eax
	pop xdx
	inc edx
	jmp .i
.ret:
	ret

; cmp_names - esi, edi names: flags of esi against edi, -r reversed
cmp_names:
	cmp byte [V(opts) + O_REV], 0
	je .cmp
	xchg esi, edi
.cmp:
	lodsb
	cmp al, [xdi]
	jne .ret
	inc edi
	test al, al
	jnz .cmp
.ret:
	ret

; width - the line length: COLUMNS if a number from 1, else the terminal's,
; else 80.
width:
	mov dword [V(linelen)], 80
	movzx eax, word [V(winsz) + 2]
	test eax, eax
	jz .env
	mov [V(linelen)], eax
.env:
	mov xax, [xsp + W]              ; argc, under the return address
	lea xsi, [xsp + xax*W + 3*W]    ; envp
.var:
	lodsW
	test xax, xax
	jz .ret
	cmp dword [xax], 'COLU'
	jne .var
	cmp dword [xax + 4], 'MNS='
	jne .var
	push xsi
	lea xsi, [xax + 8]
	xor eax, eax
	xor ecx, ecx
.dig:
	mov cl, [xsi]
	sub cl, '0'
	cmp cl, 9
	ja .num
	imul eax, 10
	add eax, ecx
	inc xsi
	jmp .dig
.num:
	pop xsi
	cmp cl, -'0'                    ; digits up to the end, else ignored
	jne .ret
	test eax, eax
	jz .ret
	mov [V(linelen)], eax
.ret:
	ret

; columns - GNU's -C and -x: the most columns whose widths fit.
columns:
	mov ecx, [V(count)]
	jecxz .ret0
	mov eax, [V(linelen)]
	xor edx, edx
	push 3
	pop xbx
	div ebx
	test edx, edx
	jz .m
	inc eax
.m:
	cmp eax, ecx
	jbe .m2
	mov eax, ecx
.m2:
	mov [V(cols)], eax
	; the column widths' array past the pointers
	shl eax, 2
	push xax
	call alloc
	mov [V(colw)], eax
	pop xax
.try:
	mov ecx, [V(cols)]
	cmp ecx, 1
	je .show
	call fit
	jb .show
	dec dword [V(cols)]
	jmp .try
.ret0:
	ret
.show:
	call fit                        ; the widths and rows of the layout
	cmp byte [V(opts) + O_FMT], 3
	je across
; down: for each row, the names row, row+rows, ...
	xor ebx, ebx                    ; row
.row:
	cmp ebx, [V(rows)]
	jae .done
	and dword [V(pos)], 0
	push xbx                        ; filesno
	xor edx, edx                    ; col
.cell:
	mov eax, [xsp]
	push xdx
	mov esi, [V(ptrs)]
	mov esi, [xsi + xax*4]
	push xsi
	call put_name
	pop xsi
	call width_of
	pop xdx
	mov ecx, [xsp]
	add ecx, [V(rows)]
	cmp ecx, [V(count)]
	jae .eol
	mov [xsp], ecx
	mov ecx, [V(colw)]
	mov ecx, [xcx + xdx*4]
	call indent
	inc edx
	jmp .cell
.eol:
	pop xax
	mov al, 10
	call putc
	inc ebx
	jmp .row
.done:
	ret

across:
	xor ebx, ebx                    ; filesno
	and dword [V(pos)], 0
.cell:
	mov esi, [V(ptrs)]
	mov esi, [xsi + xbx*4]
	push xsi
	call put_name
	pop xsi
	call width_of
	mov [V(tmp)], eax
	inc ebx
	cmp ebx, [V(count)]
	jae .eol
	mov eax, ebx
	xor edx, edx
	div dword [V(cols)]
	test edx, edx
	jnz .same
	mov al, 10
	call putc
	and dword [V(pos)], 0
	jmp .cell
.same:
	mov eax, [V(tmp)]
	mov ecx, [V(colw)]
	mov ecx, [xcx + xdx*4 - 4]
	call indent
	jmp .cell
.eol:
	mov al, 10
	jmp putc

; indent - eax = the width just written, ecx = the column's: from
; pos + eax to pos + ecx with tabs of 8 and spaces, pos += ecx.
; keeps ebx, edx
indent:
	mov esi, [V(pos)]
	add eax, esi
	add esi, ecx
	mov [V(pos)], esi
	mov edi, [V(opos)]
.l:
	cmp eax, esi
	jae .done
	lea ecx, [xax + 1]
	xor ecx, esi
	cmp ecx, 8
	jb .space
	mov byte [xdi], 9
	or eax, 7
	inc eax
	inc edi
	jmp .l
.space:
	mov byte [xdi], ' '
	inc edi
	inc eax
	jmp .l
.done:
	mov [V(opos)], edi
	ret

; fit - the widths of [V(cols)] columns into colw -> CF=1 when the line fits
; (shorter than linelen). clobbers eax, ecx, esi, edi
fit:
	push xbx
	push xdx
	mov ecx, [V(cols)]
	mov edi, [V(colw)]
	mov eax, 3
	push xdi
	rep stosd
	pop xdi
	mov ecx, [V(cols)]
	mov eax, [V(count)]
	add eax, ecx
	dec eax
	xor edx, edx
	div ecx
	mov [V(rows)], eax
	xor ebx, ebx
.f:
	cmp ebx, [V(count)]
	jae .sum
	mov esi, [V(ptrs)]
	mov esi, [xsi + xbx*4]
	call width_of
	push xax
	mov eax, ebx
	xor edx, edx
	cmp byte [V(opts) + O_FMT], 3
	je .acr
	div dword [V(rows)]             ; col = filesno / rows
	jmp .col
.acr:
	div dword [V(cols)]                ; col = filesno % cols
	mov eax, edx
.col:
	pop xdx                         ; the name's width
	inc eax
	cmp eax, [V(cols)]
	je .last
	add edx, 2
.last:
	dec eax
	cmp edx, [xdi + xax*4]
	jbe .nf
	mov [xdi + xax*4], edx
.nf:
	inc ebx
	jmp .f
.sum:
	xor eax, eax
	mov ecx, [V(cols)]
.s:
	add eax, [xdi + xcx*4 - 4]
	loop .s
	cmp eax, [V(linelen)]
	pop xdx
	pop xbx
	ret

opt_tab:	db O_FMT, 1, O_IGN, 2, O_IGN, 1, O_DIRS, 1, O_REV, 1, O_UNS, 1
		db O_IND, 1, O_IND, 2, O_INO, 1, O_DEREF, 3, O_DEREF, 2
		db O_Q, 1, O_FMT, 2, O_FMT, 3
OPTSPEC:	db '1aAdrUpFiLHqCxlngohskRStucTwIBbDGNQXZfmv', 0
dot:		db '.', 0
msg_write:	db 'write error', 0
msg_mem:	db 'memory exhausted', 0
msg_access:	db "cannot access", 0
msg_open:	db "cannot open directory", 0
msg_read:	db "reading directory", 0
fmt_fq:		db F_ARGV0, ": ", F_TEXT, " ", F_FILE, F_REASON, 10, 0
fmt_fp:		db F_ARGV0, ": ", F_TEXT, " '", F_ARG, "'", F_REASON, 10, 0
fmt_unsupp:	db F_ARGV0, ": option -", F_ARG, " is not supported by this ls", 10, 0

BSS
	BSS_ROOM 2048                   ; the variables, stx and outbuf's start: one page
VARS:
dirfd:	resd 1
pos:	resd 1
nsort:	resd 1
opos:	resW 1
cur:	resd 1
brkend:	resd 1
recs:	resd 1
recend:	resd 1
ptrs:	resd 1
mark:	resd 1
dirname: resd 1
count:	resd 1
inow:	resd 1
tmp:	resd 1
werr:	resd 1
nargs:	resd 1
linelen: resd 1
cols:	resd 1
rows:	resd 1
colw:	resd 1
argend:	resW 1
argp:	resW 1
winsz:	resw 4
opts:	resb 16
status2: resb 1
printed: resb 1
isop:	resb 1
	resb 1
optstr:	resb 2
	GLOBALS_HERE
numbuf:	resb 24
numend:
stx:	resb 256
outbuf:	resb OUTSZ
pathbuf: resb 4400

program_end
