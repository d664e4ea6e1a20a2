; df - report file system space usage (GNU coreutils 9.1's df).
;
; Usage: df [OPTION]... [FILE]...
;   -a, --all             every mount, dummy, duplicate and empty ones too
;   -B, --block-size=SIZE sizes in units of SIZE (xstrtoumax's grammar:
;                         decimal, 0x hex or 0 octal, suffixes K M G T P
;                         E Z Y (1024) KB MB... (1000) KiB...; a suffix
;                         alone also prints it; a leading ' is accepted;
;                         "human-readable" and "si" and their prefixes)
;   -h, --human-readable  sizes as 1.5K 12G (powers of 1024, rounded up)
;   -H, --si              the same in powers of 1000 (1.6k 13G)
;   -i, --inodes          Inodes IUsed IFree IUse% instead of blocks
;   -k                    1024-byte blocks (the default); -m: 1048576
;   -l, --local           no remote file systems (a ':' in the source, a
;                         "//" source of smbfs, smb3, cifs, gnulib's
;                         remote types, "-hosts")
;   --output[=LIST]       the fields of LIST (source fstype itotal iused
;                         iavail ipcent size used avail pcent file target;
;                         all of them without LIST) in its order
;   -P, --portability     POSIX headers (1024-blocks, Capacity)
;   --sync, --no-sync     sync(2) before reading the numbers, or not
;   --total               a last row "total" summing the rows shown
;   -t, --type=TYPE       only file systems of TYPE (several: any); -F too
;   -T, --print-type      a Type column
;   -x, --exclude-type=TYPE  none of TYPE
;   -v                    ignored
; Without -B, -h, -H, -k, -m: DF_BLOCK_SIZE, BLOCK_SIZE, BLOCKSIZE, then
; 1024 (512 with POSIXLY_CORRECT), as GNU's human_options; -P: 1024 or 512.
; The mounts come from /proc/self/mountinfo (as gnulib's mountlist reads
; it, \ooo escapes undone) and each one's numbers from statfs. Without -a
; (and without FILE) GNU's filter: dummy file systems (proc, sysfs, devpts,
; autofs, debugfs, fusectl, mqueue, ...) and those with no blocks are left
; out, and of several mounts of one device (stat's st_dev of the mount
; point) one is kept by GNU's rules (a source with a '/', the mount point
; nearest the root, an over-mount; two remote ones of different sources
; both, unless --total). With FILE: the mount it is on (the longest mount
; point that is a prefix of its canonical name, checked by device; else
; the last mount of its device, a dummy one only when no other), statfs of
; FILE itself; a device node: the mount of that device as GNU's get_device
; finds it (or "cannot access 'F': over-mounted by another device"); on no
; listed mount, or with no /proc (an initramfs: "Warning: cannot read
; table of mounted file systems", fatal without FILE or with -a -l -t -x),
; a row of source and type "-" for the mount point found by walking up
; FILE's directories (GNU's find_mount_point). Sizes are gnulib's
; human_readable (rounded up; x87 long double where it uses long double),
; Use% rounded up. Columns are as wide as their longest field (at least
; GNU's minimums), numbers to the right; control characters print as '?'.
; Exit status: 0; 1 after "df: F: Reason" for a FILE, a usage error, a
; bad -B, a type both selected and excluded, no file system processed,
; or a write error.
; Differences from GNU: --help, --version are not supported; with -a, an
; over-mounted mount's numbers are shown (GNU shows "-"); sources ending
; in a UUID are not resolved to the device they link to; negative
; used/available counts (a file system's bug) are not shown as negative;
; -h/-H of a size past 16 EiB and a long-double -B result of 2^63 units or
; more are not GNU's; at most 16 -t and 16 -x types (more:
; "too many file system types for this df", exit 1); canonical names are
; the kernel's (readlink of /proc/self/fd/N after open(O_PATH)), not
; canonicalize's (past PATH_MAX, where the kernel names none, a
; directory's nearest named ancestor stands for it, else the mount is the
; last on FILE's device, as GNU's when canonicalize fails; for `df .` in
; such a directory GNU's name is glibc's getcwd walk's: README).
; Peak RSS 16 KiB for a table that fits one page beside the variables (the
; mountinfo text, the mounts, the rows, their numbers); -B, device-node
; and error runs map the cold part too (24 KiB).

%define QUOTE_PLAIN             ; (error.inc: three of gnulib's quoting rules left out: its pages are full; README)
%include "subk.inc"
%include "layout.inc"
%include "rt/stat_statfs.inc"
%include "rt/blocksize.inc"
%define LONGOPT_OPTIONAL                ; --output[=LIST] (O_OUTPUT)
use getopt_long, err_file, err_plain, err_quoted, errno_path
use strcmp, udigits, putc_buf
%define PUTC_FAIL err_text

OBUFSZ  equ 512
MIBUFSZ equ 1048576
MAXMNT  equ 8192
ARENASZ equ 4194304
O_OUTPUT equ 0x0f                        ; --output's code (long_opt: 0x01..0x1f take
                                        ; an optional argument)
TMAX    equ 16                          ; -t and -x types, each
; a mount: source, type, mount point, root (32-bit pointers on both
; arches: BSS and the code are below 4 GiB), dev (its mount point's
; st_dev: new_encode_dev's 32 bits), flags (dummy, kept, remote)
M_SRC   equ 0
M_TYPE  equ 4
M_DIR   equ 8
M_ROOT  equ 12
M_DEV   equ 16
M_FLAGS equ 20
M_SIZE  equ 24
MF_DUMMY  equ 1
MF_KEPT   equ 2
MF_REMOTE equ 4
MF_UNLISTED equ 8                       ; cold_find_point's: on no listed mount
NCOL    equ 12                          ; a row: up to NCOL 32-bit pointers
ROW     equ NCOL * 4
; the fields (GNU's display_field_t order)
FL_SOURCE equ 0
FL_FSTYPE equ 1
FL_SIZE   equ 2
FL_USED   equ 3
FL_AVAIL  equ 4
FL_PCENT  equ 5
FL_ITOTAL equ 6
FL_IUSED  equ 7
FL_IAVAIL equ 8
FL_IPCENT equ 9
FL_TARGET equ 10
FL_FILE  equ 11
; header modes
MODE_DEFAULT equ 0
MODE_INODES  equ 1
MODE_HUMAN   equ 2
MODE_POSIX   equ 3
MODE_OUTPUT  equ 4
; flags
B_ALL    equ 0
B_LOCAL  equ 1
B_TOTAL  equ 2
B_SYNC   equ 3
B_TYPE   equ 4
B_POSIX  equ 5
B_LISTED equ 6


_start:
	pop_argv0                       ; xsp = &argv[1]
	mov dword [opos], obuf
	envp_past_argv
	getopt_here
.opt:
	call getopt_long
	jc .options_done
	push xdi
	mov edi, .keys
	push .offs - .keys
	pop xcx
	repne scasb
	movzx ecx, byte [xdi + .offs - .keys - 1]
	pop xdi
	jne .block                      ; -B SIZE, --block-size=SIZE
	add ecx, .h0
	jmp xcx
.keys:	db 'alzynviTP', O_OUTPUT, 'xtFhHkm'
.offs:	db .a - .h0, .l - .h0, .z - .h0, .y - .h0, .n - .h0, .v - .h0
	db .inodes - .h0, .print_type - .h0, .posix - .h0, .output - .h0
	db .exclude - .h0, .select - .h0, .select - .h0, .human - .h0
	db .si - .h0, .kilo - .h0, .mega - .h0
.block:
	call opt_block
	jmp .opt
.h0:
.a:
	mov cl, 1 << B_ALL
	jmp .set
.l:
	mov cl, 1 << B_LOCAL
	jmp .set
.z:
	mov cl, 1 << B_TOTAL
	jmp .set
.y:
	mov cl, 1 << B_SYNC
	jmp .set
.v:
	mov cl, 0
	jmp .set
.n:
	and byte [flags], ~(1 << B_SYNC)
	jmp .opt
.human:
	mov al, H_AUTO | H_SI | H_1024
	jmp .unit1
.si:
	mov al, H_AUTO | H_SI
.unit1:
	push 1
	jmp .setbs
.kilo:
	push 1024
	jmp .plain
.mega:
	push 1048576
.plain:
	xor eax, eax
.setbs:
	pop xcx
	mov [hopts], al
	mov [obs], ecx
	and dword [obs + 4], 0
	mov byte [hset], 1
	jmp .opt

.set:
	or [flags], cl
	jmp .opt
.inodes:
	mov edx, s_opti
	cmp byte [hmode], MODE_OUTPUT
	je mutex
	mov byte [hmode], MODE_INODES
	jmp .opt
.print_type:
	mov edx, s_optT
	mov cl, 1 << B_TYPE
.no_output:
	cmp byte [hmode], MODE_OUTPUT
	je mutex
	jmp .set
.posix:
	mov edx, s_optP
	mov cl, 1 << B_POSIX
	jmp .no_output
.exclude:
	mov ecx, nxcl
	jmp .add_type
.select:
	mov ecx, nsel
.add_type:                              ; [xcx] = the count, the list after
	mov eax, [xcx]
	cmp eax, TMAX
	jae too_many
	inc dword [xcx]
	mov [xcx + 4 + xax*W], xdx
	jmp .opt
.output:
	push xdx
	mov edx, s_opti
	cmp byte [hmode], MODE_INODES
	je mutex
	mov edx, s_optP
	test byte [flags], 1 << B_POSIX
	jz .out_t
	cmp byte [hmode], MODE_DEFAULT
	je mutex
.out_t:
	mov edx, s_optT
	test byte [flags], 1 << B_TYPE
	jnz mutex
	pop xdx
	mov byte [hmode], MODE_OUTPUT
	test xdx, xdx
	jz .opt
	call decode_output
	jmp .opt

.options_done:
	push xdi                        ; the end of the operands
; the block size without an option: -P's, or DF_BLOCK_SIZE's and so on
	cmp byte [hset], 0
	jne .bs_done
	test byte [flags], 1 << B_POSIX
	jz .bs_env
	mov byte [hopts], 0
	call default_bs
	jmp .bs_done
.bs_env:
	BS_ENV_LOOKUP e_dfbs, .bs_spec, .bs_default
.bs_spec:
	call hblock
	test al, al
	jz .bs_ok
	mov byte [hopts], 0
.bs_ok:
	mov eax, [obs]
	or eax, [obs + 4]
	jnz .bs_done
.bs_default:
	call default_bs
.bs_done:
; the header mode
	mov al, [hmode]
	cmp al, MODE_INODES
	jae .mode_done
	mov al, MODE_HUMAN
	test byte [hopts], H_AUTO
	jnz .mode_set
	mov al, MODE_POSIX
	test byte [flags], 1 << B_POSIX
	jz .mode_done
.mode_set:
	mov [hmode], al
.mode_done:
; a type both selected and excluded (cold: only with -t and -x)
	cmp dword [nsel], 0
	je .sel_done
	cmp dword [nxcl], 0
	je .sel_done
	call check_both
.sel_done:
; the columns
	call field_list
	pop xdi
	cmp xdi, xsp
	je .no_operands
	or byte [flags], 1 << B_LISTED
; each FILE is looked at first (GNU: its errors before anything else), a
; failed one's slot set to 1
	mov xbx, xsp
.stat_each:
	mov xsi, [xbx]
	test xsi, xsi
	jz .stat_done
	push xbx
	push xsi
	sys stat64, xsi, stx
	pop xsi
	pop xbx
	test eax, eax
	jns .stat_next
	push xbx
	call err_file
	pop xbx
	push 1
	pop xax
	mov [xbx], xax
.stat_next:
	add xbx, W
	jmp .stat_each
.stat_done:
	sub xbx, xsp
	shr ebx, W / 4
	mov [nops], ebx
.no_operands:
	call read_mounts
	test byte [flags], 1 << B_SYNC
	jz .nosync
	sys sync
.nosync:
	test byte [flags], 1 << B_LISTED
	jnz .rows
	call filter                     ; (nops = the mounts kept)
.rows:
	call rows_room
	call header
	test byte [flags], 1 << B_LISTED
	jz .all
; FILE operands: the mount each is on
.operand:
	pop xsi
	test xsi, xsi
	jz .total
	cmp xsi, 1
	je .operand
	push xsi
	sys stat64, xsi, stx
	pop xsi
	test eax, eax
	js .op_fail
; a device node: the mount of that device (cold: get_device)
	mov al, [stx + ST64_MODE + 1]
	and al, 0xb0                    ; S_IFBLK, S_IFCHR: 0x20
	cmp al, 0x20
	jne .point
	push xsi
	call get_device
	pop xsi
	jc .operand                     ; (over-mounted: reported)
	test xbx, xbx
	jz .point
	mov eax, [xbx + M_DIR]          ; statfs of its mount point
	mov [sfile], xax
	jmp .file
.point:
	push xsi
	mov eax, [stx + ST64_DEV]
	mov [opdev], eax
	call real_name                  ; [apos] = its canonical name
	pop xsi
	js cold_no_name
.named:
	push xsi
	call find_mount                 ; xbx = the mount
	pop xsi
	test xbx, xbx
	jz cold_find_point
	mov [sfile], xsi
.file:
	mov edi, [apos]                 ; the File field: a copy of FILE
	mov [cfile], edi
.copy:
	cmp edi, region_end - 64
	jae no_room
	lodsb
	stosb
	test al, al
	jnz .copy
	mov [apos], edi
	call add_row
	jmp .operand
.op_fail:
	call err_file
	jmp .operand
.all:
	mov dword [cfile], dash
	mov ebx, [mstart]
.each:
	cmp xbx, [mend]
	jae .total
	test byte [xbx + M_FLAGS], MF_KEPT
	jz .next
	mov eax, [xbx + M_DIR]
	mov [sfile], xax
	push xbx
	call add_row
	pop xbx
.next:
	add ebx, M_SIZE
	jmp .each
.total:
	cmp dword [nrows], 0
	jne .some
	cmp STATUSb, 0
	jne .exit
	mov esi, msg_none
	call err_plain
	jmp .exit
.some:
	test byte [flags], 1 << B_TOTAL
	jz .print
	xor ebx, ebx
	call add_row
.print:
	call print_rows
	call flush
.exit:
	exit_status

; real_name - xsi = a FILE that exists: its canonical name (realpath) at
; [apos], as the kernel gives it: open(O_PATH), then readlink of
; /proc/self/fd/N. out: xax < 0 (SF) when that fails. clobbers xax..xdi
real_name:
	sys open, xsi, O_PATH | O_LARGEFILE
	test eax, eax
	js .ret
	mov esi, [apos]
	call fd_link
	test eax, eax
	js .ret
	add eax, [apos]
	mov byte [xax], 0
.ret:
	ret

; fd_link - readlink of /proc/self/fd/N (N = eax, an open fd, closed
; after) into xsi (4095 bytes: the kernel's d_path gives at most
; PATH_MAX - 1). out: xax = readlink's result (SF: it failed). clobbers
; xcx xdx xsi xdi
fd_link:
	push xax                        ; the fd
	push xsi
	mov [val], eax
	and dword [val + 4], 0
	mov edi, num_end
	mov byte [xdi], 0
	mov ecx, 10
	call udigits
	mov esi, fd_dir
	mov ecx, fd_dir_len
	sub edi, ecx
	push xdi
	rep movsb
	pop xdi
	pop xsi
	sys readlink, xdi, xsi, 4095
	pop xdi
	push xax
	sys close, xdi
	pop xax
	ret

	BS_ENV


; decode_output - xdx = --output's LIST (written: each ',' becomes a NUL):
; its fields appended to cols; GNU's messages for an unknown field or one
; given twice
decode_output:
	push xsi
	push xdi
	push xbx
	mov xsi, xdx
.piece:
	mov xdx, xsi
.scan:
	lodsb
	test al, al
	jz .last
	cmp al, ','
	jne .scan
	mov byte [xsi - 1], 0
	jmp .match
.last:
	xor esi, esi
.match:
	push xsi
	xor ecx, ecx
.try:
	imul edi, ecx, 7
	add edi, fnames
	mov xsi, xdx
.cmp:
	lodsb
	scasb
	jne .next
	test al, al
	jnz .cmp
	bts [fused], ecx
	mov esi, fmt_twice
	jc .say
	movzx eax, byte [ncols]
	mov [cols + xax], cl
	inc byte [ncols]
	pop xsi
	test xsi, xsi
	jnz .piece
	pop xbx
	pop xdi
	pop xsi
	ret
.next:
	inc ecx
	cmp ecx, 12
	jb .try
	mov esi, fmt_unknown
.say:
	jmp usage_say

; field_list - the columns of the mode (--output's are there already)
field_list:
	mov esi, list_all
	cmp byte [hmode], MODE_OUTPUT
	jne .mode
	cmp byte [ncols], 0
	jne .done
	jmp .copy
.mode:
	mov esi, list_blocks
	cmp byte [hmode], MODE_INODES
	jne .copy
	mov esi, list_inodes
.copy:
	movzx eax, byte [ncols]
	movzx ecx, byte [xsi]
	inc esi
	test ecx, ecx
	jz .done
	cmp cl, FL_FSTYPE + 1
	jne .add
	cmp byte [hmode], MODE_OUTPUT
	je .add
	test byte [flags], 1 << B_TYPE
	jz .copy
.add:
	dec ecx
	bts [fused], ecx
	mov [cols + xax], cl
	inc byte [ncols]
	jmp .copy
.done:
	movzx eax, byte [ncols]
	shl eax, 2
	mov [rowsz], eax
	ret

	BS_HR

; read_mounts - /proc/self/mountinfo into mibuf, parsed into mounts..mend
read_mounts:
	sys open, mountinfo, O_RDONLY | O_LARGEFILE
	test eax, eax
	js .fail
	mov ebp, eax
	mov edi, mibuf
	read_fill mibuf + MIBUFSZ - 1, no_room
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
; dummy: GNU's ME_DUMMY types; remote: ME_REMOTE
	push xsi
	mov esi, [xbx + M_TYPE]
	mov edi, dummies
	call in_list
	jne .real
	or byte [xbx + M_FLAGS], MF_DUMMY
.real:
	mov edi, remotes
	call in_list
	je .remote
	mov edi, smbs
	call in_list
	jne .colon
	mov esi, [xbx + M_SRC]
	cmp word [xsi], '//'
	je .remote
.colon:
	mov esi, [xbx + M_SRC]
	mov edi, hosts
	call in_list
	je .remote
.c:
	lodsb
	cmp al, ':'
	je .remote
	test al, al
	jnz .c
	jmp .mount_done
.remote:
	or byte [xbx + M_FLAGS], MF_REMOTE
.mount_done:
	pop xsi
	add ebx, M_SIZE
	jmp .line
.done:
	mov [mend], ebx
	ret
.fail:
	jmp cold_no_table

; rows_room - after the mounts, the rows: at most a header, a total and
; one per operand or kept mount (nops); then the arena of numbers
rows_room:
	mov ebx, [mend]
	mov [rend], ebx
	mov [rstart], ebx
	mov eax, [nops]
	cmp eax, MAXMNT
	jbe .nops
	mov eax, MAXMNT
.nops:
	add eax, 2
	mul dword [rowsz]
	add eax, ebx
	mov [apos], eax
	mov [rlimit], eax
	ret

; in_list - xsi a string, xdi a list of strings ending with an empty one:
; ZF=1 when it is one of them. keeps xsi
in_list:
	cmp byte [xdi], 0
	je .no
	push xsi
	push xdi
	call strcmp
	pop xdi
	pop xsi
	je .ret
	xor eax, eax
	or ecx, -1
	repne scasb
	jmp in_list
.no:
	or edi, edi                     ; ZF=0
.ret:
	ret

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

; filter - GNU's filter_mount_list: the kept flag on the mounts to show
filter:
	mov ebx, [mstart]
.each:
	cmp xbx, [mend]
	jae .ret
	test byte [flags], 1 << B_ALL
	jnz .keep
	mov al, [xbx + M_FLAGS]
	test al, MF_DUMMY
	jnz .next
	test al, MF_REMOTE
	jz .local
	test byte [flags], 1 << B_LOCAL
	jnz .next
.local:
	mov esi, [xbx + M_TYPE]
	call type_ok
	jc .next
	call mount_stat
	js .next
	mov eax, [stx + ST64_DEV]
	mov [xbx + M_DEV], eax
; the last earlier kept mount of the same device (xbp)?
	xor ebp, ebp
	mov esi, [mstart]
.seen:
	cmp esi, ebx
	jae .seen_done
	test byte [xsi + M_FLAGS], MF_KEPT
	jz .seen_next
	mov eax, [xsi + M_DEV]
	cmp eax, [xbx + M_DEV]
	jne .seen_next
	mov ebp, esi
.seen_next:
	add esi, M_SIZE
	jmp .seen
.seen_done:
	test ebp, ebp
	jz .keep
; two remote ones of different sources are both kept (not with --total)
	test byte [flags], 1 << B_TOTAL
	jnz .rules
	mov al, [xbx + M_FLAGS]
	and al, [xbp + M_FLAGS]
	test al, MF_REMOTE
	jz .rules
	mov esi, [xbp + M_SRC]
	mov edi, [xbx + M_SRC]
	call strcmp
	jne .keep
; the new one (xbx) wins over the one seen (xbp): a source with a '/'
; against one without, or a mount point nearer the root (unless its root
; is deeper), or another source on the same mount point
.rules:
	mov esi, [xbx + M_SRC]
	call has_slash
	jnc .not_slash
	mov esi, [xbp + M_SRC]
	call has_slash
	jnc .replace
.not_slash:
	len_cmp M_DIR			; the lengths of the two mount points
	jbe .not_nearer
	len_cmp M_ROOT			; the lengths of the two roots
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
	and byte [xbp + M_FLAGS], ~MF_KEPT
	mov ecx, M_SIZE
	mov xsi, xbx
	mov xdi, xbp
	push xdi
	rep movsb
	pop xbp
	or byte [xbp + M_FLAGS], MF_KEPT
	jmp .next
.keep:
	or byte [xbx + M_FLAGS], MF_KEPT
	inc dword [nops]
.next:
	add ebx, M_SIZE
	jmp .each
.ret:
	ret

; type_ok - xsi a type: CF=0 when -t (if any) selects it and no -x
; excludes it. clobbers xax, xcx, xdx, xdi, xbp
type_ok:
	mov ebp, [nsel]
	test ebp, ebp
	jz .excl
.sel:
	dec ebp
	js .no
	mov xdi, [tsel + xbp*W]
	call .cmp
	jne .sel
.excl:
	mov ebp, [nxcl]
.x:
	dec ebp
	js .yes
	mov xdi, [txcl + xbp*W]
	call .cmp
	jne .x
.no:
	stc
	ret
.yes:
	clc
	ret
.cmp:
	push xsi
	call strcmp
	pop xsi
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

; find_mount - [apos] = a FILE's canonical name (empty: unknown), opdev
; its device: xbx = its mount (0: none), as GNU's get_point: the longest
; mount point that is a prefix of the name, if it is on that device; else
; the last mount on that device. A dummy file system's mount never takes
; the place of another's (skip_dummy).
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
	call skip_dummy
	jnz .next
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
	xor ebx, ebx
	mov ebp, [mstart]
.dev_each:
	cmp xbp, [mend]
	jae .ret
	call skip_dummy
	jnz .dev_next
	push xbx
	mov xbx, xbp
	call dev_of
	pop xbx
	jnz .dev_next
	mov xbx, xbp
.dev_next:
	add ebp, M_SIZE
	jmp .dev_each
.ret:
	ret

; skip_dummy - ZF=0 when the mount at xbp may not replace the best so far
; at xbx: the best is not a dummy file system's, this one is (GNU's
; "!best_match || best_match->me_dummy || !me->me_dummy"). clobbers
; nothing else
skip_dummy:
	test xbx, xbx
	jz .ret
	test byte [xbx + M_FLAGS], MF_DUMMY
	jnz .take
	test byte [xbp + M_FLAGS], MF_DUMMY
.ret:
	ret
.take:
	cmp eax, eax
	ret

; mount_stat - xbx a mount: its mount point's stat into stx (as GNU's
; stat: no automount). out: xax 0 or -errno (SF). clobbers A1, A2
mount_stat:
	push xbx
	mov esi, [xbx + M_DIR]
	sys stat64, xsi, stx
	pop xbx
	test eax, eax
	ret

; dev_of - xbx a mount: ZF=1 when its mount point's device is opdev
dev_of:
	call mount_stat
	js .no
	mov eax, [stx + ST64_DEV]
	cmp eax, [opdev]
	ret
.no:
	or eax, eax                     ; ZF=0
	ret

; header - the first row: the column titles
header:
	mov al, [hopts]
	mov [hopts_saved], al
	mov edi, [rend]
	xor ebx, ebx
.col:
	cmp bl, [ncols]
	jae .done
	movzx eax, byte [cols + xbx]
	mov esi, [captions + xax*4]
	cmp al, FL_AVAIL
	jne .pcent
	cmp byte [hmode], MODE_HUMAN
	jb .put
	cmp byte [hmode], MODE_POSIX
	je .put
	mov esi, h_havail
.pcent:
	cmp al, FL_PCENT
	jne .size
	cmp byte [hmode], MODE_POSIX
	jne .put
	mov esi, h_cap
.size:
	cmp al, FL_SIZE
	jne .put
	mov esi, h_size
	mov al, [hmode]
	cmp al, MODE_POSIX
	je .posix
	cmp al, MODE_HUMAN
	je .put
	cmp al, MODE_OUTPUT
	jne .blocks
	test byte [hopts], H_AUTO
	jnz .put
; "1K-blocks": the block size as human_readable puts it, in the base
; that divides it better
.blocks:
	push xbx
	push xdi
	mov al, [hopts]
	and al, H_1024 | H_B
	or al, H_SPZ | H_AUTO | H_SI
	mov [hopts], al
	mov eax, [obs]
	mov edx, [obs + 4]
	mov [val], eax
	mov [val + 4], edx
	mov [qn], eax
	mov [qn + 4], edx
.div:
	mov ecx, 1000
	call div64
	test edx, edx
	setz cl                         ; by 1000
	mov edx, [qn]
	test edx, 1023
	setz ch                         ; by 1024
	mov eax, [qn + 4]
	shrd [qn], eax, 10
	shr dword [qn + 4], 10
	mov al, cl
	and al, ch
	jnz .div
	cmp cl, ch
	je .base
	ja .by1000
	or byte [hopts], H_1024         ; by 1024 only
	jmp .base
.by1000:
	and byte [hopts], ~H_1024
.base:
	test byte [hopts], H_1024
	jnz .hr
	or byte [hopts], H_B
.hr:
	copyq obs, val
	mov ecx, 1
	mov esi, one
	call hr
	jmp .blocks_text
.posix:
	push xbx
	push xdi
	copyq obs, val
	mov edi, num_end
	mov byte [xdi], 0
	mov ecx, 10
	call udigits
.blocks_text:
	mov ebx, [apos]
	mov esi, ebx
.copy:
	mov al, [xdi]
	inc edi
	test al, al
	jz .copied
	mov [xbx], al
	inc ebx
	jmp .copy
.copied:
	mov edi, ebx
	push xsi
	mov esi, h_blocks
.suffix:
	lodsb
	stosb
	test al, al
	jnz .suffix
	mov [apos], edi
	pop xsi
	pop xdi
	pop xbx
	mov al, [hopts_saved]
	mov [hopts], al
.put:
	call col
	inc ebx
	jmp .col
.done:
	mov [rend], edi
	ret

col:                                    ; xsi: a field of the row at xdi
	mov [xdi], esi
	add edi, 4
	ret

; add_row - xbx = a mount (0: the total row), [sfile] = the name to statfs,
; [cfile] = the File field: GNU's get_dev (the filters, statfs, the row)
add_row:
	mov dword [unk], 0
	test xbx, xbx
	jz .total
	mov al, [xbx + M_FLAGS]
	test al, MF_REMOTE
	jz .local
	test byte [flags], 1 << B_LOCAL
	jnz .ret
.local:
	test al, MF_DUMMY
	jz .real
	test byte [flags], (1 << B_ALL) | (1 << B_LISTED)
	jz .ret
.real:
	test al, MF_UNLISTED            ; (GNU: a NULL type, selected)
	jnz .typed
	mov esi, [xbx + M_TYPE]
	push xbx
	call type_ok
	pop xbx
	jc .ret
.typed:
	mov esi, [xbx + M_DIR]
	cmp byte [xsi], '/'
	jne .ret
	mov eax, [xbx + M_SRC]
	mov [csrc], eax
	mov eax, [xbx + M_TYPE]
	mov [ctype], eax
	mov eax, [xbx + M_DIR]
	mov [cdir], eax
	push xbx
	mov xdi, [sfile]
	sys_statfs xdi, sfs
	pop xbx
	test eax, eax
	jns .numbers
; GNU: EACCES, ENOENT of a mount of the list: nothing, or with -a a row
; of "-"
	test byte [flags], 1 << B_LISTED
	jnz .report
	cmp eax, -EACCES
	je .unknown
	cmp eax, -ENOENT
	jne .report
.unknown:
	test byte [flags], 1 << B_ALL
	jz .ret
	inc byte [unk]
	mov dword [ctype], dash
	jmp .row
.report:
	mov xsi, [sfile]
	jmp err_file
.total:
	mov dword [csrc], s_total
	mov dword [ctype], dash
	mov dword [cfile], dash
	mov eax, dash
	test byte [fused], 1 << FL_SOURCE
	jnz .target
	mov eax, s_total
.target:
	mov [cdir], eax
	mov esi, grand
	mov edi, sfs + SFS_BLOCKS
	mov ecx, 10
	rep movsd
	mov dword [sfs + SFS_FRSIZE], 1
.numbers:
	mov eax, [sfs + SFS_BLOCKS]
	or eax, [sfs + SFS_BLOCKS + 4]
	jnz .row
	test byte [flags], (1 << B_ALL) | (1 << B_LISTED)
	jz .ret
.row:
	test xbx, xbx
	jz .values
	inc dword [nrows]
.values:
; the values: blocks, used, available (f_frsize units), inodes, used, free
	mov ecx, [sfs + SFS_FRSIZE]
	test ecx, ecx
	jnz .frsize
	mov ecx, [sfs + SFS_BSIZE]
.frsize:
	mov [bunits], ecx
	mov esi, sfs + SFS_BLOCKS
	mov edi, vals
	call .pair
	mov esi, sfs + SFS_FILES
	call .pair
; the grand total (in bytes) of the rows with numbers
	test xbx, xbx
	jz .cells
	test byte [flags], 1 << B_TOTAL
	jz .cells
	cmp byte [unk], 0
	jne .cells
	mov ecx, [bunits]
	mov esi, sfs + SFS_BLOCKS
	mov edi, grand
.add:
	cmp esi, sfs + SFS_FILES
	jb .scaled
	mov ecx, 1
.scaled:
	push xdi
	mov edi, val
	movsd
	movsd
	call mulv
	pop xdi
	mov eax, [val]
	add [xdi], eax
	mov eax, [val + 4]
	adc [xdi + 4], eax
	add edi, 8
	cmp esi, sfs + SFS_FFREE + 8
	jb .add
; the cells
.cells:
	mov edi, [rend]
	mov eax, edi
	add eax, [rowsz]
	cmp eax, [rlimit]
	ja no_room
	xor ebx, ebx
.cell:
	cmp bl, [ncols]
	jae .cells_done
	movzx eax, byte [cols + xbx]
	push xbx
	push xdi
	call cell
	pop xdi
	pop xbx
	call col
	inc ebx
	jmp .cell
.cells_done:
	mov [rend], edi
.ret:
	ret
; .pair - xsi = total, free, available (qwords; for inodes: total, free):
; at xdi total, total - free, available (free for inodes)
.pair:
	lodsd
	stosd
	mov ecx, eax
	lodsd
	stosd
	mov edx, eax                    ; edx:ecx = total
	sub ecx, [xsi]
	sbb edx, [xsi + 4]
	mov [xdi], ecx
	mov [xdi + 4], edx
	add edi, 8
	cmp esi, sfs + SFS_FILES + 8
	jae .ifree
	add esi, 8
.ifree:
	movsd
	movsd
	ret

; cell - eax = a field: xsi = its text for this row
cell:
	mov esi, [csrc]
	cmp al, FL_SOURCE
	je .ret
	mov esi, [ctype]
	cmp al, FL_FSTYPE
	je .ret
	mov esi, [cdir]
	cmp al, FL_TARGET
	je .ret
	mov esi, [cfile]
	cmp al, FL_FILE
	je .ret
	mov esi, dash
	cmp byte [unk], 0
	jne .ret
	mov dl, 1
	cmp al, FL_PCENT
	je .pcent
	mov dl, 4
	cmp al, FL_IPCENT
	je .pcent
; a number: size, used, avail (vals 0-2, from f_frsize units to the block
; size) or the inodes' (3-5, units of 1)
	mov ecx, [bunits]
	mov esi, obs
	sub al, FL_SIZE
	cmp al, 3
	jb .num
	mov ecx, 1
	mov esi, one
	dec eax
.num:
	push xsi
	lea esi, [vals + xax*8]
	mov edi, val
	movsd
	movsd
	pop xsi
	call hr
	mov xsi, xdi
	jmp .arena
.pcent:
; Use%: used * 100 / (used + avail), rounded up; "-" when that is 0
	movzx eax, dl                   ; 1 or 4: used, then available
	lea esi, [vals + xax*8]
	lodsd
	mov [val], eax
	mov ecx, eax
	lodsd
	mov [val + 4], eax
	mov edx, eax
	add ecx, [xsi]
	adc edx, [xsi + 4]
	mov [qd], ecx
	mov [qd + 4], edx
	or ecx, edx
	mov esi, dash
	jz .ret
	mov ecx, 100
	call mulv
	copyq val, qn
	call divq
	or eax, edx
	jz .exact
	add dword [qn], 1
	adc dword [qn + 4], 0
.exact:
	copyq qn, val
	mov edi, num_end
	mov word [xdi], '%'
	mov ecx, 10
	call udigits
	mov xsi, xdi
.arena:                                 ; the text at xsi copied to the arena
	mov edi, [apos]
	cmp edi, region_end - 64
	jae no_room
	push xdi
.copy:
	lodsb
	stosb
	test al, al
	jnz .copy
	mov [apos], edi
	pop xsi
.ret:
	ret

; print_rows - every row, each column as wide as its widest field
print_rows:
; the widths: GNU's minimums, then the longest field
	xor ecx, ecx
.min:
	movzx eax, byte [cols + xcx]
	movzx eax, byte [minw + xax]
	mov [width + xcx*4], eax
	inc ecx
	cmp cl, [ncols]
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
	cmp bl, [ncols]
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
	movzx eax, byte [cols + xbx]
	sub al, FL_SIZE
	cmp al, FL_IPCENT - FL_SIZE + 1
	jae .left
	call spaces
	call out_cell
	jmp .sep
.left:
	call out_cell
	lea eax, [ebx + 1]
	cmp al, [ncols]
	je .sep                         ; the last: no padding after it
	call spaces
.sep:
	inc ebx
	mov al, 10
	cmp bl, [ncols]
	je .eol
	mov al, ' '
	call putc
	jmp .col
.eol:
	call putc
	lea ebp, [xbp + xbx*4]
	jmp .row
.ret:
	ret

; out_cell - xsi, ecx bytes: written, control characters as '?'
out_cell:
	jxcxz .ret
.byte:
	lodsb
	cmp al, 0x7f
	je .q
	cmp al, ' '
	jae .put
.q:
	mov al, '?'
.put:
	call putc
	loop .byte
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

one:		dd 1, 0
; the header of each field, GNU's minimum widths
captions:	dd h_source, h_type, h_size, h_used, h_avail, h_use, h_inodes
		dd h_iused, h_ifree, h_iuse, h_target, h_file
minw:		db 14, 4, 5, 5, 5, 4, 5, 5, 5, 4, 0, 0
; the columns of each mode, as field + 1, ending with 0
list_blocks:	db 1, 2, 3, 4, 5, 6, 11, 0
list_inodes:	db 1, 2, 7, 8, 9, 10, 11, 0
list_all:	db 1, 2, 7, 8, 9, 10, 3, 4, 5, 6, 12, 11, 0
; --output's names, 7 bytes each, in field order
fnames:		db 'source', 0, 'fstype', 0, 'size', 0, 0, 0, 'used', 0, 0, 0
		db 'avail', 0, 0, 'pcent', 0, 0, 'itotal', 0, 'iused', 0, 0
		db 'iavail', 0, 'ipcent', 0, 'target', 0, 'file', 0, 0, 0
	BS_POWERS
mountinfo:	db '/proc/self/mountinfo', 0
fd_dir:		db '/proc/self/fd/'
fd_dir_len	equ $ - fd_dir
dash:		db '-', 0
s_total:	db 'total', 0
s_opti:		db '-i', 0
s_optT:		db '-T', 0
s_optP:		db '-P', 0
e_dfbs:		db 'DF_BLOCK_SIZE='
e_bs:		db 'BLOCK_SIZE=', 0
e_bsz:		db 'BLOCKSIZE=', 0
e_posix:	db 'POSIXLY_CORRECT=', 0
h_source:	db 'Filesystem', 0
h_type:		db 'Type', 0
h_blocks:	db '-blocks', 0
h_size:		db 'Size', 0
h_used:		db 'Used', 0
h_avail:	db 'Available', 0
h_havail:	db 'Avail', 0
h_use:		db 'Use%', 0
h_cap:		db 'Capacity', 0
h_inodes:	db 'Inodes', 0
h_iused:	db 'IUsed', 0
h_ifree:	db 'IFree', 0
h_iuse:		db 'IUse%', 0
h_target:	db 'Mounted on', 0
h_file:		db 'File', 0
dummies:	db 'autofs', 0, 'proc', 0, 'subfs', 0, 'debugfs', 0, 'devpts', 0
		db 'fusectl', 0, 'fuse.portal', 0, 'mqueue', 0, 'rpc_pipefs', 0
		db 'sysfs', 0, 'devfs', 0, 'kernfs', 0, 'ignore', 0, 'none', 0, 0
remotes:	db 'acfs', 0, 'afs', 0, 'coda', 0, 'auristorfs', 0, 'fhgfs', 0
		db 'gpfs', 0, 'ibrix', 0, 'ocfs2', 0, 'vxfs', 0, 0
smbs:		db 'smbfs', 0, 'smb3', 0, 'cifs', 0, 0
hosts:		db '-hosts', 0, 0
msg_write:	db 'write error', 0
msg_none:	db 'no file systems processed', 0
OPTSPEC:	db 'aB:iF:hHklmPTt:vx:', 0
LONGOPTS:                               ; GNU's order (its ambiguity lists)
	db 'a', 'all', 0
	db 'b' | 0x80, 'block-size', 0
	db 'i', 'inodes', 0
	db 'h', 'human-readable', 0
	db 'H', 'si', 0
	db 'l', 'local', 0
	db O_OUTPUT | 0x80, 'output', 0 ; (its argument optional: only after '=')
	db 'P', 'portability', 0
	db 'T', 'print-type', 0
	db 'y', 'sync', 0
	db 'n', 'no-sync', 0
	db 'z', 'total', 0
	db 't' | 0x80, 'type', 0
	db 'x' | 0x80, 'exclude-type', 0
	db '?', 'help', 0
	db '?', 'version', 0
	db 0


; The cold part: what only unusual runs need (-B and its messages, the
; long-double sizes, --output's list, the usage errors), in pages of its
; own that a common run does not map (peak RSS).
COLD
; (first what only errors need, then -B's code and data: a -B run
; touches the last of the cold part's pages only)

; cold_no_table - /proc/self/mountinfo cannot be read (xax = -errno; no
; /proc in an initramfs): GNU's "cannot read table of mounted file
; systems", exit 1, without a FILE or with -a, -l, -t, -x; else its
; "Warning: ", the status kept, and each FILE's mount point looked for
; (cold_find_point) with an empty list.
cold_no_table:
	test byte [flags], (1 << B_ALL) | (1 << B_LOCAL)
	jnz .fatal
	mov ecx, [nsel]
	or ecx, [nxcl]
	jnz .fatal
	test byte [flags], 1 << B_LISTED
	jz .fatal
	mov edx, msg_warning
	mov esi, fmt_table
	call say
	mov dword [mstart], mibuf
	mov WPTR [mend], mibuf
	ret
.fatal:
	mov edx, dash + 1               ; ("")
	mov esi, fmt_table
	call say
	exit 1
fmt_table:	db F_ARGV0, ': ', F_ARG, 'cannot read table of mounted file systems', F_REASON, 10, 0
msg_warning:	db 'Warning: ', 0
fmt_nocd:	db F_ARGV0, ': cannot change to directory ', F_ARG, F_REASON, 10, 0

; cold_no_name - real_name failed (xax = -errno, xsi = FILE): without a
; mount list (no /proc) the mount point is looked for. Else, for a name
; past PATH_MAX (the kernel names none: GNU's canonicalize_file_name
; does), a directory FILE's nearest ancestor the kernel can name stands
; for it: a mount point that is a prefix of the whole name is one of
; that ancestor's (no longer name is listed). Failing that, no name to
; match (GNU's when canonicalize fails): the last mount on its device.
cold_no_name:
	mov ecx, [mstart]
	cmp ecx, [mend]
	je cold_find_point
	push xsi
	mov edi, [apos]
	mov byte [xdi], 0               ; (no name)
	cmp eax, -ENAMETOOLONG
	jne .named
	sys open, xsi, O_PATH | O_DIRECTORY | O_LARGEFILE
.up:
	test eax, eax
	js .named
	push xax
	sys openat, xax, dotdot, O_PATH | O_DIRECTORY | O_LARGEFILE
	xchg eax, [xsp]                 ; (the parent's fd kept)
	mov esi, [apos]
	call fd_link                    ; (closes the directory's fd)
	pop xdx
	test eax, eax
	jns .name
	cmp eax, -ENAMETOOLONG
	xchg eax, edx
	je .up
	jmp short .close
.name:
	add eax, [apos]
	mov byte [xax], 0
	xchg eax, edx
.close:
	sys close, xax
.named:
	pop xsi
	jmp _start.named
; cold_find_point - FILE (xsi) is on no listed mount: GNU's
; find_mount_point, its directory (itself, or its name's up to the last
; '/') and then its parents while ".." is on the same device and not
; itself, by chdir, the mount point named by getcwd (into the arena), the
; working directory restored; the row is a mount of source and type "-"
; whose file system is the mount point's. A step that fails: no row, and
; for a chdir GNU's "cannot change to directory" (the status kept).
cold_find_point:
	push xsi
	mov edi, [apos]
	push xdi
	call .room                      ; (getcwd's 4096 bytes and the name's)
	mov byte [unlisted + M_FLAGS], 0
	sys open, dot, O_PATH | O_DIRECTORY
	push xax                        ; the working directory, to return to
	test eax, eax
	js .back
	mov xsi, [xsp + 2*W]
	call fp_id
	js .back
	mov xsi, [xsp + 2*W]
	mov al, [stx + ST64_MODE + 1]
	and al, S_IFMT >> 8
	cmp al, S_IFDIR >> 8
	je .cd
	mov xdi, [xsp + W]              ; its name up to its last '/'
	xor edx, edx
.copy:
	call .room
	lodsb
	stosb
	cmp al, '/'
	jne .not_slash
	mov xdx, xdi                    ; (past it)
.not_slash:
	test al, al
	jnz .copy
	mov esi, dot                    ; none: "."
	test edx, edx
	jz .cd
	mov xsi, [xsp + W]
	lea eax, [xsi + 1]
	cmp edx, eax                    ; "/x": "/"
	je .cut
	dec edx
.cut:
	mov byte [xdx], 0
.cd:
	sys chdir, xsi
	test eax, eax
	js .nocd
	mov esi, dot
	call fp_id                      ; fp_last: "."
	js .back
.up:
	mov esi, dotdot
	mov edi, fp_up
	call fp_id.to
	js .back
	mov esi, fp_last
	mov edi, fp_up
	push 2
	pop xcx
	repe cmpsd
	jne .found                      ; another device: here is the mount
	mov cl, 2
	repe cmpsd
	je .found                       ; ".." is "." (the root)
	mov esi, dotdot
	sys chdir, xsi
	test eax, eax
	js .nocd
	mov esi, fp_up
	mov edi, fp_last
	push 4
	pop xcx
	rep movsd
	jmp .up
.found:
	mov xdi, [xsp + W]
	sys getcwd, xdi, 4096
	test eax, eax
	js .back
	mov xdi, [xsp + W]
	add [apos], eax
	mov [unlisted + M_DIR], edi
	mov [sfile], xdi
	mov byte [unlisted + M_FLAGS], MF_UNLISTED
.back:
	pop A1
	push A1
	sys fchdir
	pop A1
	sys close
	pop xax
	pop xsi
	mov ebx, unlisted
	mov dword [xbx + M_SRC], dash
	mov dword [xbx + M_TYPE], dash
	cmp byte [xbx + M_FLAGS], 0
	jne _start.file
	jmp _start.operand
.nocd:                                  ; GNU's message, no row (the status kept)
	push xax
	mov edi, [apos]                 ; (past a copied name: stat took it,
	add edi, 4096 + 4*4096 + 3      ; so it is under PATH_MAX)
	call .room
	sub edi, 4*4096 + 3
	call quoteaf
	pop xax
	mov esi, fmt_nocd
	call say
	jmp .back
.room:                                  ; the arena's end not reached
	cmp edi, region_end - 4096 - 64
	jae no_room
	ret

; fp_id - stat of the name xsi (following a symlink) into stx, its
; device and inode number (16 bytes) at fp_last (fp_id.to: at xdi). SF=1
; when it failed. clobbers xax, xcx, xsi, xdi, A1, A2
fp_id:
	mov edi, fp_last
.to:
	push xdi
	sys stat64, xsi, stx
	pop xdi
	test eax, eax
	js .ret
	mov esi, stx + ST64_DEV
	movsd
	movsd
%if ST64_INO != ST64_DEV + 8
	mov esi, stx + ST64_INO
%endif
	movsd
	movsd
.ret:
	ret
dot:		db '.', 0
dotdot:		db '..', 0
; check_both - GNU's "file system type 'T' both selected and excluded"
; for each -t of a -x (the last -t first); after any, exit 1
check_both:
	mov ebx, [nsel]
.sel:
	dec ebx
	js .sel_done
	mov ebp, [nxcl]
.xcl:
	dec ebp
	js .sel
	mov xsi, [tsel + xbx*W]
	mov xdi, [txcl + xbp*W]
	call strcmp
	jne .xcl
	mov xdx, [tsel + xbx*W]
	mov esi, fmt_both
	xor eax, eax
	call say
	mov STATUSb, 1
	jmp .sel
.sel_done:
	cmp STATUSb, 0
	jne .fail
	ret
.fail:
	exit 1

; mutex - GNU's "options -X and --output are mutually exclusive" (xdx =
; "-X"), the Try line, exit 1
mutex:
	mov esi, fmt_mutex
	jmp usage_say

too_many:
	mov esi, msg_types
	call err_plain
	exit 1

no_room:
	call flush
	mov esi, msg_room
	call err_plain
	exit 1

fmt_eclipsed:	db F_ARGV0, ': cannot access ', F_ARG, ': over-mounted by another device', 10, 0
fmt_mutex:	db F_ARGV0, ': options ', F_ARG, ' and --output are mutually exclusive', 10, F_TRY, 0
fmt_unknown:	db F_ARGV0, ': option --output: field ', F_QUOTE, ' unknown', 10, F_TRY, 0
fmt_twice:	db F_ARGV0, ': option --output: field ', F_QUOTE, ' used more than once', 10, F_TRY, 0
fmt_both:	db F_ARGV0, ': file system type ', F_QUOTE, ' both selected and excluded', 10, 0
	BS_FMTS
msg_room:	db 'too many mounts for this df', 0
msg_types:	db 'too many file system types for this df', 0

; get_device - xsi = a FILE that is a device node: GNU's get_device, xbx =
; the mount whose source names that device (canonical names compared:
; canon), not over-mounted by another device, the accessible one nearest
; the root; 0: none. CF=1 after GNU's "cannot access 'F': over-mounted by
; another device" (the last such match over-mounted and none found).
; Names go to the arena's free bytes (three of up to 4 KiB).
get_device:
	mov [gd_file], xsi
	mov edi, [apos]
	call canon
	mov [gd_dev], xdi
	xor eax, eax
	mov [gd_best], eax
	mov [gd_acc], al
	mov [gd_ecl], al
	dec eax
	mov [gd_len], eax
	mov ebp, [mstart]
.each:
	cmp ebp, [mend]
	jae .done
	mov esi, [xbp + M_SRC]
	mov edi, [apos]
	add edi, 4096
	call canon                      ; xdi = its device's name
	push xdi
	mov xsi, [gd_dev]
	call strcmp
	pop xdi
	jne .next
; the last mount on the same mount point: another device over it?
	push xdi
	mov ebx, [mstart]
.last:
	cmp ebx, [mend]
	jae .last_done
	mov esi, [xbx + M_DIR]
	mov edi, [xbp + M_DIR]
	call strcmp
	jne .last_next
	mov [gd_last], ebx
.last_next:
	add ebx, M_SIZE
	jmp .last
.last_done:
	mov ebx, [gd_last]
	mov esi, [xbx + M_SRC]
	mov edi, [apos]
	add edi, 8192
	call canon
	pop xsi
	call strcmp
	setne [gd_ecl]
	jne .next
	mov A2d, [xbp + M_DIR]
	call strlen
	cmp byte [gd_acc], 0
	je .try
	cmp A3d, [gd_len]
	jae .next
.try:
	push A3
	mov ebx, ebp
	call mount_stat
	pop xcx
	js .not_acc
	mov byte [gd_acc], 1
	jmp .take
.not_acc:
	cmp byte [gd_acc], 0
	jne .next
	cmp ecx, [gd_len]
	jae .next
.take:
	mov [gd_best], ebp
	cmp ecx, 1
	je .done
	mov [gd_len], ecx
.next:
	add ebp, M_SIZE
	jmp .each
.done:
	mov ebx, [gd_best]
	test ebx, ebx
	jnz .ret
	cmp byte [gd_ecl], 0
	je .ret
	mov xsi, [gd_file]
	mov edi, [apos]
	call quoteaf
	mov esi, fmt_eclipsed
	xor eax, eax
	call say
	mov STATUSb, 1
	stc
.ret:
	ret

; quoteaf - xsi a name, xdi room for 4 times its length and 3: xdx = it
; quoted as gnulib's quoteaf: as F_FILE quotes it, and in '...' when that
; did not. clobbers xax, xcx, xsi, xdi
quoteaf:
	push xdi
	inc edi
	call quote
	mov byte [xdi], 0
	pop xdx
	mov al, [xdx + 1]
	cmp al, "'"
	je .quoted
	cmp al, '"'
	je .quoted
	mov byte [xdx], "'"
	mov word [xdi], "'"
	dec edx
.quoted:
	inc edx
	ret

; canon - xsi a name, xdi room for 4 KiB: xdi = its canonical name there
; (as real_name finds it), or xsi itself when it has none
canon:
	push xsi
	push xdi
	sys open, xsi, O_PATH | O_LARGEFILE
	pop xdx
	pop xsi
	test eax, eax
	js .raw
	push xsi
	push xdx
	mov xsi, xdx                    ; the room
	call fd_link
	pop xdi
	pop xsi
	test eax, eax
	js .raw
	mov byte [xdi + xax], 0
	ret
.raw:
	mov xdi, xsi
	ret

	BS_PARSE
TEXT

BSS
; One page holds, for a trivial run, the variables, obuf (with the stat
; and statfs records) and the start of the region that takes, one after
; another, the mountinfo text, the mounts, the rows and the arena of
; numbers (peak RSS); with FILE operands, each canonical name goes to the
; arena's free bytes, before that operand's numbers.
BSS_ROOM 4096
	GLOBALS_HERE
%define LONGOPT_BSS_HERE                ; long_opt's, here: ambp is written
ambp:	resd 1                          ; by a long option
opos:	resW 1
apos:	resW 1
rend:	resW 1
mend:	resW 1
envp:	resW 1
sfile:	resW 1
mstart:	resd 1
rstart:	resd 1
rlimit:	resd 1
rowsz:	resd 1
nops:	resd 1
nrows:	resd 1
val:	resd 2
obs:	resd 2
hto:	resd 2
hn:	resd 2
amt:	resd 2
qn:	resd 2
qd:	resd 2
opdev:	resd 1                          ; (new_encode_dev's 32 bits)
fp_last: resd 4                         ; cold_find_point: a directory's
fp_up:	resd 4                          ; device and inode, its parent's
unlisted: resb M_SIZE                   ; its mount
gd_file:	resW 1
gd_dev:	resW 1
gd_best:	resd 1
gd_last:	resd 1
gd_len:	resd 1
gd_acc:	resb 1
gd_ecl:	resb 1
vals:	resd 12
grand:	resd 10
hfrom:	resd 1
hbase:	resd 1
bunits:	resd 1
csrc:	resd 1
ctype:	resd 1
cdir:	resd 1
cfile:	resd 1
unk:	resd 1
flags:	resd 1
fused:	resd 1
rlen:	resd 1
blen:	resd 1
nsel:	resd 1
tsel:	resW TMAX
nxcl:	resd 1
txcl:	resW TMAX
width:	resd NCOL
cols:	resb NCOL
ncols:	resb 1
hmode:	resb 1
hopts:	resb 1
hopts_saved:	resb 1
hset:	resb 1
ovf:	resb 1
num:	resb 40
num_end:
	resb 8
obuf:	resb OBUFSZ
; nothing is written to obuf before print_rows, and no stat or statfs
; comes after it: their records share its bytes. (stx: a struct stat64,
; layouts.inc, whose type and device and inode every kernel gives: statx
; would need its fallback before Linux 4.11.)
stx	equ obuf
sfs	equ obuf + ST64_RECORD
%if OBUFSZ < ST64_RECORD + SFS_RECORD
 %error "obuf holds the stat and statfs records"
%endif
mibuf:	resb MIBUFSZ + 4 + MAXMNT * M_SIZE + (MAXMNT + 2) * ROW + ARENASZ
region_end:
	resb 3 * 4096                   ; (canonical names at the arena's end)
xsign:	resb 1                          ; (xstrtonum's, for -B only)
xneg:	resb 1
xalone:	resb 1
ambbuf:	resb 512                        ; (only for an ambiguous option)

program_end
