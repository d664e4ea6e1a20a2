; df - report file system space usage (GNU coreutils 9.1's df).
;
; Usage: df [-a] [-h] [-k] [-P] [-T] [FILE...]
;   -a, --all             every mount, dummy, duplicate and empty ones too
;   -h, --human-readable  sizes as 1.5K 12G (powers of 1024, rounded up)
;   -k                    1024-byte blocks (the default)
;   -P, --portability     POSIX headers (1024-blocks, Capacity)
;   -T, --print-type      a Type column
; The mounts come from /proc/self/mountinfo (as gnulib's mountlist reads
; it, \ooo escapes undone) and each one's numbers from statfs. Without -a
; (and without FILE) GNU's filter: dummy file systems (proc, sysfs, devpts,
; autofs, debugfs, fusectl, mqueue, ...) and those with no blocks are left
; out, and of several mounts of one device (stat's st_dev of the mount
; point) one is kept by GNU's rules (a source with a '/', the mount point
; nearest the root, an over-mount). With FILE: the mount it is on (the
; longest mount point that is a prefix of its canonical name, checked by
; device; else the first mount of its device). Columns are as wide as
; their longest field (at least GNU's 14/4/5/5/5/4), numbers to the right.
; Exit status: 0; 1 after "df: F: Reason" for a FILE, a usage error or a
; write error.
; Differences from GNU: --output, -B, -i, -l, -t/-x, --total, --sync, -H,
; --si, --help, --version are not supported; remote-mount exceptions of
; the duplicate filter are not made; names with control characters are
; printed as they are; a device node operand is not looked up by its
; device.

%include "subk.inc"
%include "layout.inc"
%include "rt/stat_statfs.inc"
%include "rt/canonicalize_consts.inc"
use getopt_long, err_file, err_plain, errno_path, canonicalize, strcmp
use human64, udigits, putc_buf
%define PUTC_FAIL err_text

OBUFSZ  equ 512
MIBUFSZ equ 1048576
MAXMNT  equ 8192
ARENASZ equ 4194304
; a mount: source, type, mount point, root (32-bit pointers on both
; arches: BSS and the code are below 4 GiB), dev (8 bytes), flags (dummy,
; kept)
M_SRC   equ 0
M_TYPE  equ 4
M_DIR   equ 8
M_ROOT  equ 12
M_DEV   equ 16
M_FLAGS equ 24
M_SIZE  equ 28
NCOL    equ 7                           ; a row: NCOL 32-bit pointers
ROW     equ NCOL * 4

_start:
	pop_argv0                       ; xsp = &argv[1]
	mov dword [opos], obuf
	getopt_here
.opt:
	call getopt_long
	jc .options_done
	mov ecx, optbits
.bit:
	cmp al, [xcx]
	je .flag
	inc ecx
	jmp .bit
.flag:
	sub ecx, optbits
	bts [flags], ecx
	jmp .opt
.options_done:
	cmp xdi, xsp
	setne [listed]
	sub xdi, xsp
	shr edi, W / 4                  ; the operands
	mov [nops], edi
	call read_mounts
	call header
	cmp byte [listed], 0
	je .all
; FILE operands: the mount each is on
.operand:
	pop xsi
	test xsi, xsi
	jz .print
	push xsi
	sys statx, AT_FDCWD, xsi, AT_NO_AUTOMOUNT, STATX_BASIC_STATS, stx
	pop xsi
	test eax, eax
	js .op_fail
	push xsi
	mov eax, [stx + STX_DEV]
	mov [opdev], eax
	mov eax, [stx + STX_DEV + 4]
	mov [opdev + 4], eax
	mov al, CAN_EXISTING
	mov edi, [apos]                 ; (the arena's free bytes)
	call canonicalize
	pop xsi
	jc .op_fail
	call find_mount                 ; xbx = the mount
	test xbx, xbx
	jz .operand
	call add_row
	jmp .operand
.op_fail:
	call err_file
	jmp .operand
.all:
	call filter
	mov ebx, [mstart]
.each:
	cmp xbx, [mend]
	jae .print
	test byte [xbx + M_FLAGS], 2    ; kept
	jz .next
	push xbx
	call add_row
	pop xbx
.next:
	add ebx, M_SIZE
	jmp .each
.print:
	call print_rows
	call flush
	exit_status

; read_mounts - /proc/self/mountinfo into mibuf, parsed into mounts..mend
read_mounts:
	sys open, mountinfo, O_RDONLY | O_LARGEFILE
	test eax, eax
	js .fail
	mov ebp, eax
	mov edi, mibuf
.read:
	mov A3d, mibuf + MIBUFSZ - 1
	sub A3d, edi
	jz no_room
	push xdi
	movx A2, xdi
	sys read, xbp
	pop xdi
	cmp eax, -EINTR
	je .read
	test eax, eax
	js .fail
	jz .eof
	add edi, eax
	jmp .read
.eof:
	mov byte [xdi], 0
	add edi, 4
	and edi, -4
	mov [mstart], edi               ; the mounts after the text
	sys close, xbp
	mov ebx, [mstart]
	mov esi, mibuf
.line:
	cmp byte [xsi], 0
	je .done
	cmp ebx, mibuf + MIBUFSZ + MAXMNT * M_SIZE
	jae no_room
	call field                      ; id
	call field                      ; parent
	call field                      ; major:minor
	call field
	mov [xbx + M_ROOT], eax
	call field
	mov [xbx + M_DIR], eax
.optional:
	call field                      ; options, optional fields, "-"
	cmp word [xax], '-'
	jne .optional
	call field
	mov [xbx + M_TYPE], eax
	call field
	mov [xbx + M_SRC], eax
.eol:                                   ; the rest of the line
	lodsb
	cmp al, 10
	je .parsed
	test al, al
	jnz .eol
	dec xsi
.parsed:
; dummy: GNU's ME_DUMMY types
	push xsi
	mov esi, [xbx + M_TYPE]
	mov edi, dummies
.dummy:
	cmp byte [xdi], 0
	je .real
	push xsi
	push xdi
	call strcmp
	pop xdi
	pop xsi
	je .is_dummy
	xor eax, eax
	or ecx, -1
	repne scasb
	jmp .dummy
.is_dummy:
	or byte [xbx + M_FLAGS], 1
.real:
	pop xsi
	add ebx, M_SIZE
	jmp .line
.done:
	mov [mend], ebx
; then the rows: at most a header, two more and one per mount or operand
	mov [rend], ebx
	mov [rstart], ebx
	mov eax, [nops]
	cmp eax, MAXMNT
	jbe .nops
	mov eax, MAXMNT
.nops:
	imul eax, eax, ROW
	lea eax, [eax + ebx*2 + 2 * ROW]
	sub eax, [mstart]
	mov [apos], eax                 ; then the arena of numbers
	mov [rlimit], eax
	ret
.fail:
	mov esi, mountinfo
	call err_file
	exit 1

; field - the next space-separated field at xsi, NUL-terminated and its
; \ooo escapes undone: xax = it, xsi past it
field:
	push xsi
	mov xdi, xsi
.byte:
	lodsb
	cmp al, ' '
	je .end
	cmp al, 10
	je .nl
	test al, al
	jz .nl
	cmp al, '\'
	jne .put
	mov cl, 3
	xor edx, edx
.oct:
	mov al, [xsi]
	sub al, '0'
	cmp al, 8
	jae .oct_end
	shl edx, 3
	or dl, al
	inc xsi
	dec cl
	jnz .oct
.oct_end:
	mov al, dl
.put:
	stosb
	jmp .byte
.nl:
	dec xsi
.end:
	mov byte [xdi], 0
	pop xax
	ret

; filter - GNU's filter_mount_list: the kept flag (2) on the mounts to show
filter:
	mov ebx, [mstart]
.each:
	cmp xbx, [mend]
	jae .ret
	test byte [flags], 1 << B_ALL
	jnz .keep
	test byte [xbx + M_FLAGS], 1
	jnz .next
	call mount_statx
	js .next
	mov eax, [stx + STX_DEV]
	mov [xbx + M_DEV], eax
	mov eax, [stx + STX_DEV + 4]
	mov [xbx + M_DEV + 4], eax
; an earlier kept mount of the same device?
	mov ebp, [mstart]
.seen:
	cmp ebp, ebx
	jae .keep
	test byte [xbp + M_FLAGS], 2
	jz .seen_next
	mov eax, [xbp + M_DEV]
	cmp eax, [xbx + M_DEV]
	jne .seen_next
	mov eax, [xbp + M_DEV + 4]
	cmp eax, [xbx + M_DEV + 4]
	je .dup
.seen_next:
	add ebp, M_SIZE
	jmp .seen
; the new one (xbx) wins over the one seen (xbp): a source with a '/'
; against one without, or a mount point nearer the root (unless its root
; is deeper), or another source on the same mount point
.dup:
	mov esi, [xbx + M_SRC]
	call has_slash
	jnc .not_slash
	mov esi, [xbp + M_SRC]
	call has_slash
	jnc .replace
.not_slash:
	mov A2d, [xbp + M_DIR]
	call strlen
	push A3
	mov A2d, [xbx + M_DIR]
	call strlen
	pop xcx
	cmp ecx, A3d
	jbe .not_nearer
	mov A2d, [xbp + M_ROOT]
	call strlen
	push A3
	mov A2d, [xbx + M_ROOT]
	call strlen
	pop xcx
	cmp ecx, A3d
	jae .replace
.not_nearer:
	mov esi, [xbp + M_SRC]
	mov edi, [xbx + M_SRC]
	call strcmp
	je .next
	mov esi, [xbp + M_DIR]
	mov edi, [xbx + M_DIR]
	call strcmp
	jne .next
.replace:                               ; the new one takes the old one's place
	and byte [xbp + M_FLAGS], ~2
	mov ecx, M_SIZE
	mov xsi, xbx
	mov xdi, xbp
	push xdi
	rep movsb
	pop xbp
	or byte [xbp + M_FLAGS], 2
	jmp .next
.keep:
	or byte [xbx + M_FLAGS], 2
.next:
	add ebx, M_SIZE
	jmp .each
.ret:
	ret

; has_slash - xsi a string: CF=1 when it has a '/'
has_slash:
	lodsb
	cmp al, '/'
	je .yes
	test al, al
	jnz has_slash
	clc
	ret
.yes:
	stc
	ret

; find_mount - [apos] = a FILE's canonical name, opdev its device: xbx
; = its mount (0: none, reported)
find_mount:
	xor ebx, ebx                    ; the best
	and dword [blen], 0
	mov A2d, [apos]
	call strlen
	mov [rlen], A3d
	mov ebp, [mstart]
.each:
	cmp xbp, [mend]
	jae .check
	test xbx, xbx
	jz .try
	test byte [xbx + M_FLAGS], 1
	jnz .try
	test byte [xbp + M_FLAGS], 1
	jnz .next
.try:
	mov A2d, [xbp + M_DIR]
	call strlen                     ; A3 = its length
	cmp A3d, [blen]
	jb .next
	cmp A3d, [rlen]
	ja .next
	cmp A3d, 1
	je .best
	mov esi, [xbp + M_DIR]
	mov edi, [apos]
	mov ecx, A3d
	repe cmpsb
	jne .next
	mov al, [xdi]
	test al, al
	jz .best
	cmp al, '/'
	jne .next
.best:
	mov xbx, xbp
	mov [blen], A3d
.next:
	add ebp, M_SIZE
	jmp .each
.check:
	test xbx, xbx
	jz .by_dev
	call dev_of
	jz .ret
.by_dev:
	mov ebx, [mstart]
.dev_each:
	cmp xbx, [mend]
	jae .none
	call dev_of
	jz .ret
	add ebx, M_SIZE
	jmp .dev_each
.none:
	xor ebx, ebx
.ret:
	ret

; mount_statx - xbx a mount: its mount point's statx into stx (no
; automount). out: xax 0 or -errno (SF), xsi its mount point
mount_statx:
	push xbx
	mov esi, [xbx + M_DIR]
	sys statx, AT_FDCWD, xsi, AT_NO_AUTOMOUNT, STATX_BASIC_STATS, stx
	pop xbx
	test eax, eax
	ret

; dev_of - xbx a mount: ZF=1 when its mount point's device is opdev
dev_of:
	call mount_statx
	js .no
	mov eax, [stx + STX_DEV]
	cmp eax, [opdev]
	jne .ret
	mov eax, [stx + STX_DEV + 4]
	cmp eax, [opdev + 4]
.ret:
	ret
.no:
	or eax, eax                     ; ZF=0
	ret

; header - the first row: the column titles
header:
	mov edi, [rend]
	mov esi, h_source
	call col
	test byte [flags], 1 << B_TYPE
	jz .no_type
	mov esi, h_type
	call col
.no_type:
	mov esi, h_size
	test byte [flags], 1 << B_HUMAN
	jnz .size
	mov esi, h_blocks
	test byte [flags], 1 << B_POSIX
	jz .size
	mov esi, h_pblocks
.size:
	call col
	mov esi, h_used
	call col
	mov esi, h_avail
	test byte [flags], 1 << B_HUMAN
	jz .avail
	mov esi, h_havail
.avail:
	call col
	mov esi, h_use
	test byte [flags], 1 << B_HUMAN
	jnz .use
	test byte [flags], 1 << B_POSIX
	jz .use
	mov esi, h_cap
.use:
	call col
	mov esi, h_target
	call col
	mov [rend], edi
	ret

col:                                    ; xsi: a field of the row at xdi
	mov [xdi], esi
	add edi, 4
	ret

; add_row - xbx = a mount: statfs, then its row (skipped without -a when
; it has no blocks and no FILE was given)
add_row:
	push xbx
	mov edi, [xbx + M_DIR]
	sys_statfs xdi, sfs
	pop xbx
	test eax, eax
	js .fail
	mov eax, [sfs + SFS_BLOCKS]
	or eax, [sfs + SFS_BLOCKS + 4]
	jnz .rows
	test byte [flags], 1 << B_ALL
	jnz .rows
	cmp byte [listed], 0
	je .ret
.rows:
	mov edi, [rend]
	lea eax, [edi + ROW]
	cmp eax, [rlimit]
	ja no_room
	mov esi, [xbx + M_SRC]
	call col
	test byte [flags], 1 << B_TYPE
	jz .no_type
	mov esi, [xbx + M_TYPE]
	call col
.no_type:
	push xbx
	mov [rend], edi
; size, used = blocks - bfree, avail
	mov eax, [sfs + SFS_BLOCKS]
	mov edx, [sfs + SFS_BLOCKS + 4]
	call num_col
	mov eax, [sfs + SFS_BLOCKS]
	mov edx, [sfs + SFS_BLOCKS + 4]
	sub eax, [sfs + SFS_BFREE]
	sbb edx, [sfs + SFS_BFREE + 4]
	mov [used], eax
	mov [used + 4], edx
	call num_col
	mov eax, [sfs + SFS_BAVAIL]
	mov edx, [sfs + SFS_BAVAIL + 4]
	call num_col
; Use%: used * 100 / (used + avail), rounded up; "-" when that is 0
	mov edi, [apos]
	mov eax, [used]
	mov edx, [used + 4]
	mov ecx, [sfs + SFS_BAVAIL]
	mov ebx, [sfs + SFS_BAVAIL + 4]
	add ecx, eax
	adc ebx, edx
	mov esi, dash
	mov ebp, ecx
	or ebp, ebx
	jz .pct_put
; (100 * used fits 64 bits for any real file system; the divisor is made
; to fit 32 bits by shifting both)
.shrink:
	test ebx, ebx
	jz .pct_div
	shrd ecx, ebx, 1
	shr ebx, 1
	shrd eax, edx, 1
	shr edx, 1
	jmp .shrink
.pct_div:
	imul edx, edx, 100
	push xdx
	mov ebx, 100
	mul ebx
	pop xbx
	add edx, ebx
	mov [val], eax
	mov [val + 4], edx
	call div64                      ; ecx = the divisor
	test edx, edx
	jz .pct_exact
	add dword [val], 1
	adc dword [val + 4], 0
.pct_exact:
	mov esi, edi
	push xsi
	call put_dec
	mov ax, '%'
	stosw
	mov [apos], edi
	pop xsi
.pct_put:
	mov edi, [rend]
	call col
	pop xbx
	mov esi, [xbx + M_DIR]
	call col
	mov [rend], edi
.ret:
	ret
.fail:                                  ; GNU: EACCES, ENOENT unseen unless listed
	cmp byte [listed], 0
	jne .report
	cmp eax, -EACCES
	je .ret
	cmp eax, -ENOENT
	je .ret
.report:
	mov esi, [xbx + M_DIR]
	call err_file
	ret

; num_col - edx:eax = a count of f_frsize blocks: its field (K, or human)
num_col:
	mov ecx, [sfs + SFS_FRSIZE]
	test ecx, ecx
	jnz .frsize
	mov ecx, [sfs + SFS_BSIZE]
.frsize:
	push xdx
	mul ecx
	mov [val], eax
	pop xax
	push xdx
	mul ecx
	pop xdx
	add edx, eax
	mov [val + 4], edx              ; bytes
	mov edi, [apos]
	mov esi, edi
	cmp edi, region_end - 64
	jae no_room
	test byte [flags], 1 << B_HUMAN
	jnz .human
	mov ecx, 1024
	call div64
	test edx, edx
	jz .dec
	add dword [val], 1
	adc dword [val + 4], 0
.dec:
	call put_dec
	jmp .done
.human:
	call put_human
.done:
	mov byte [xdi], 0
	inc edi
	mov [apos], edi
	mov edi, [rend]
	call col
	mov [rend], edi
	ret

; put_dec - [val] in decimal at xdi (xdi past it). clobbers xax, xcx, xdx
put_dec:
	push xsi
	lea esi, [edi + 24]
	push xdi
	mov edi, esi
	mov ecx, 10
	call udigits
	mov ecx, esi
	mov xsi, xdi
	pop xdi
	sub ecx, esi
	rep movsb
	pop xsi
	ret

; put_human - [val] bytes as gnulib's human_readable (human_ceiling,
; autoscale, base 1024) at xdi (xdi past it)
put_human:
	push xsi
	push xbx
	push xbp
	push xdi
	call human64
	mov ecx, num_end
	mov xsi, xdi
	sub ecx, esi
	pop xdi
	rep movsb
	pop xbp
	pop xbx
	pop xsi
	ret

; print_rows - every row, each column as wide as its widest field
print_rows:
	mov ebx, NCOL - 1
	test byte [flags], 1 << B_TYPE
	jz .ncol
	inc ebx
.ncol:
	mov [ncol], ebx
; the widths: GNU's minimums, then the longest field
	xor ecx, ecx
.min:
	movzx eax, byte [minw + xcx]
	test byte [flags], 1 << B_TYPE
	jnz .min_t
	movzx eax, byte [minw_nt + xcx]
.min_t:
	mov [width + xcx*4], eax
	inc ecx
	cmp ecx, ebx
	jb .min
	mov ebp, [rstart]
.w_row:
	cmp ebp, [rend]
	jae .widths_done
	xor ebx, ebx
.w_col:
	mov A2d, [xbp + xbx*4]
	call strlen
	cmp A3d, [width + xbx*4]
	jbe .w_next
	mov [width + xbx*4], A3d
.w_next:
	inc ebx
	cmp ebx, [ncol]
	jb .w_col
	lea ebp, [xbp + xbx*4]
	jmp .w_row
.widths_done:
	mov ebp, [rstart]
.row:
	cmp ebp, [rend]
	jae .ret
	xor ebx, ebx
.col:
	mov A2d, [xbp + xbx*4]
	call strlen                     ; A3 = the length
	mov xsi, A2
	mov ecx, A3d
	mov edx, [width + xbx*4]
	sub edx, ecx                    ; the padding
	lea eax, [ebx + 1]
	cmp eax, [ncol]
	je .last
	cmp ebx, 0
	je .left
	test byte [flags], 1 << B_TYPE
	jz .right
	cmp ebx, 1
	je .left
.right:
	call spaces
	call puts
	jmp .sep
.left:
	call puts
	call spaces
.sep:
	mov al, ' '
	call putc
	inc ebx
	jmp .col
.last:
	call puts
	mov al, 10
	call putc
	lea ebp, [xbp + xbx*4 + 4]
	jmp .row
.ret:
	ret

spaces:                                 ; edx spaces (none when <= 0)
	push xcx
	mov ecx, edx
	mov al, ' '
.s:
	test ecx, ecx
	jle .e
	call putc
	dec ecx
	jmp .s
.e:
	pop xcx
	ret

no_room:
	call flush
	mov esi, msg_room
	call err_plain
	exit 1

B_ALL   equ 0
B_HUMAN equ 1
B_POSIX equ 3
B_TYPE  equ 4
optbits:	db 'ahkPT'
minw:		db 14, 4, 5, 5, 5, 4, 0
minw_nt:	db 14, 5, 5, 5, 4, 0
mountinfo:	db '/proc/self/mountinfo', 0
dash:		db '-', 0
h_source:	db 'Filesystem', 0
h_type:		db 'Type', 0
h_blocks:	db '1K-blocks', 0
h_pblocks:	db '1024-blocks', 0
h_size:		db 'Size', 0
h_used:		db 'Used', 0
h_avail:	db 'Available', 0
h_havail:	db 'Avail', 0
h_use:		db 'Use%', 0
h_cap:		db 'Capacity', 0
h_target:	db 'Mounted on', 0
dummies:	db 'autofs', 0, 'proc', 0, 'subfs', 0, 'debugfs', 0, 'devpts', 0
		db 'fusectl', 0, 'fuse.portal', 0, 'mqueue', 0, 'rpc_pipefs', 0
		db 'sysfs', 0, 'devfs', 0, 'kernfs', 0, 'ignore', 0, 'none', 0, 0
msg_write:	db 'write error', 0
msg_room:	db 'too many mounts for this df', 0
OPTSPEC:	db 'ahkPT', 0
LONGOPTS:
	db 'a', 'all', 0
	db 'h', 'human-readable', 0
	db 'P', 'portability', 0
	db 'T', 'print-type', 0
	db '?', 'help', 0
	db '?', 'version', 0
	db 0

BSS
; One page holds, for a trivial run, the variables, obuf (with the statx
; and statfs records) and the start of the region that takes, one after another, the mountinfo text,
; the mounts, the rows and the arena of numbers (peak RSS); with FILE
; operands, also the end of canonicalize's rest buffer (a name up to 32
; bytes) and its variables, and each canonical name goes to the arena's
; free bytes, before that operand's numbers.
CAN_BSS 32, 4096 - 32 - 32
	GLOBALS_HERE
%define LONGOPT_BSS_HERE                ; long_opt's, here: ambp is written
ambp:	resd 1                          ; by a long option
opos:	resW 1
apos:	resW 1
rend:	resW 1
mend:	resW 1
mstart:	resd 1
rstart:	resd 1
rlimit:	resd 1
nops:	resd 1
val:	resd 2
used:	resd 2
opdev:	resd 2
flags:	resd 1
rlen:	resd 1
blen:	resd 1
ncol:	resd 1
width:	resd 8
listed:	resb 1
num:	resb 40
num_end:
obuf:	resb OBUFSZ
; nothing is written to obuf before print_rows, and no statx or statfs
; comes after it: their records share its bytes
stx	equ obuf
sfs	equ obuf + STATX_RECORD
%if OBUFSZ < STATX_RECORD + SFS_RECORD
 %error "obuf holds the statx and statfs records"
%endif
mibuf:	resb MIBUFSZ + 4 + MAXMNT * M_SIZE + (MAXMNT + 2) * ROW + ARENASZ
region_end:
	resb CAN_OUT                    ; (a canonical name at the arena's end)
ambbuf:	resb 512                        ; (only for an ambiguous option)

program_end
