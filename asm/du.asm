; du - estimate file space usage (GNU coreutils 9.1's du).
;
; Usage: du [-a] [-s] [-c] [-h|-k|-m|-b] [-d N] [-x] [-L] [FILE...]
;   -a, --all             a line for files too, not only directories
;   -s, --summarize       a line for each operand only (--max-depth=0)
;   -c, --total           a "total" line at the end
;   -h, --human-readable  sizes as 1.5K 12M (powers of 1024, rounded up)
;   -k                    1024-byte blocks (the default)
;   -m                    1048576-byte blocks
;   -b, --bytes           apparent sizes in bytes (--apparent-size
;                         --block-size=1); --apparent-size alone
;   -d, --max-depth=N     lines only N levels down (the sizes count all)
;   -x, --one-file-system skip directories on other file systems
;   -L, --dereference     follow symbolic links
; Without FILE: ".". Sizes: the blocks a file uses (st_blocks * 512), or
; with -b/--apparent-size its size; a file with several hard links counted
; once (and, with several operands or -L, every directory: one met again
; is skipped, as GNU's). Sizes are rounded up to the unit. The walk goes
; in the order getdents gives, each directory's line after its contents,
; by descriptor (openat/statx relative to the parent: names past PATH_MAX
; work), one descriptor per level (the soft limit is raised to the hard
; one at start). On i386 the walk enters the kernel through the vDSO's
; __kernel_vsyscall (FAST_SYSCALL: int 0x80 costs 6-9 us a call here, the
; vDSO's sysenter/syscall about 0.2 us), switched on at the 32nd entry so
; a small run stays at 16 KiB of RSS (the vDSO's page is 4 more). The
; (device, inode) set starts with 16 slots on the variables' page and
; doubles as it fills, so a few operands or -L on a small tree stay there
; too.
; Exit status: 0; 1 after "du: cannot access 'F': Reason", "du: cannot
; read directory 'D': Reason" (the rest still counted), a usage error or a
; write error.
; Differences from GNU: a directory of more than 10000 entries is walked
; in getdents order (GNU's fts sorts such big ones by inode number on
; some file systems); no cycle warnings; --block-size, --inodes, -X,
; --exclude, --time, -0, -D/-H, -l, -S, --si, --help, --version are not
; supported; a path longer than 1 MiB, more than 64 MiB of names pending
; in the directories being walked, or more than 1.5 million hard-linked
; files fail with a message.

%define FAST_SYSCALL                    ; i386: the vDSO's entry once a directory is walked
%include "subk.inc"
%include "layout.inc"
use getopt_long, fs_msg, errno_path, quote_arg, err_plain, atou
use human64, udigits, putc_buf
%define PUTC_FAIL err_plain

OBUFSZ  equ 2048                        ; (the variables, obuf and pbuf's start: one page)
GBUFSZ  equ 32768
PBUFSZ  equ 1048576
ARENASZ equ 67108864
HSLOTS  equ 1 << 21                     ; the set's most slots (16 bytes each)
RLIMIT_NOFILE equ 7
STX_NLINK  equ 16
STX_BLOCKS equ 48
MASK equ STATX_TYPE | STATX_MODE | STATX_NLINK | STATX_INO | STATX_SIZE | STATX_BLOCKS
B_ALL   equ 0
B_SUM   equ 1
B_TOTAL equ 2
B_XDEV  equ 3
B_DEREF equ 4

_start:
	fast_syscall_init later         ; i386: int 0x80 until fast_syscall_on
	pop_argv0                       ; xsp = &argv[1]
	mov dword [opos], obuf
	mov dword [apos], arena_top
	dec dword [maxd]                ; -1: no limit
	mov dword [bsize], 1024
	mov dword [hbase], hsmall
	mov byte [hshift], 32 - 4       ; (16 slots)
	getopt_here
.opt:
	call getopt_long
	jc .options_done
	cmp al, 'd'
	je .depth
	cmp al, 'b'
	jne .not_b
	mov byte [apparent], 1
	mov dword [bsize], 1
	mov byte [human], 0
.not_b:
	cmp al, 'A'
	jne .not_A
	mov byte [apparent], 1
.not_A:
	cmp al, 'k'
	jne .not_k
	mov dword [bsize], 1024
	mov byte [human], 0
.not_k:
	cmp al, 'm'
	jne .not_m
	mov dword [bsize], 1048576
	mov byte [human], 0
.not_m:
	cmp al, 'h'
	jne .not_h
	mov byte [human], 1
.not_h:
	mov ecx, optbits
.bit:                                   ; a s c x L: flag bits
	cmp al, [xcx]
	je .flag
	inc ecx
	cmp byte [xcx], 0
	jne .bit
	jmp .opt
.flag:
	sub ecx, optbits
	bts [flags], ecx
	jmp .opt
.depth:
	push xsi
	push xdx
	mov xsi, xdx
	call atou
	pop xdx
	jc .bad_depth
	cmp byte [xsi], 0
	jne .bad_depth
	cmp xax, 0x7fffffff
	ja .bad_depth
	mov [maxd], eax
	mov byte [dset], 1
	pop xsi
	jmp .opt
.bad_depth:
	mov esi, fmt_depth
	jmp usage_die
.options_done:
	test byte [flags], 1 << B_SUM
	jz .no_sum
	test byte [flags], 1 << B_ALL
	jz .sum_ok
	mov esi, fmt_both
	mov edx, esi
	jmp usage_die
.sum_ok:
	cmp byte [dset], 0
	je .sum_depth
	cmp dword [maxd], 0
	jne .conflict
	push xdi
	mov esi, fmt_same
	mov edx, esi
	xor eax, eax
	call say
	pop xdi
	jmp .sum_depth
.conflict:
	mov eax, [maxd]
	mov edi, qbuf + 40
	mov byte [xdi], 0
	call utoa
	mov xdx, xdi
	mov esi, fmt_conflict
	jmp usage_die
.sum_depth:
	and dword [maxd], 0
.no_sum:
	mov dword [sflags], AT_SYMLINK_NOFOLLOW | AT_NO_AUTOMOUNT
	test byte [flags], 1 << B_DEREF
	jz .nofollow
	mov dword [sflags], AT_NO_AUTOMOUNT
.nofollow:
; the descriptors: the soft limit up to the hard one
	push xdi
	sys prlimit64, 0, RLIMIT_NOFILE, 0, rlim
	mov eax, [rlim + 8]
	mov [rlim], eax
	mov eax, [rlim + 12]
	mov [rlim + 4], eax
	sys prlimit64, 0, RLIMIT_NOFILE, rlim, 0
	pop xdi
; the operands, or "."
	mov xax, xdi
	sub xax, xsp
	cmp xax, W
	jbe .hash_some
	inc byte [hash_all]
.hash_some:
	test byte [flags], 1 << B_DEREF
	jz .hash_set
	inc byte [hash_all]
.hash_set:
	cmp xdi, xsp
	jne .operand
	mov eax, dot
	mov [xdi], xax
	and WPTR [xdi + W], 0
.operand:
	pop xsi
	test xsi, xsi
	jz .end
	call do_operand
	jmp .operand
.end:
	test byte [flags], 1 << B_TOTAL
	jz .exit
	mov esi, total_word
	mov edi, pbuf
	call copystr
	sub edi, pbuf
	mov [plen], edi
	mov eax, [grand]
	mov edx, [grand + 4]
	call put_line
.exit:
	call flush
	exit_status

usage_die:                              ; xsi = a format with F_TRY
	xor eax, eax
	call say
	exit 1

; do_operand - xsi = an operand: its line (and its contents')
do_operand:
	mov edi, pbuf
	push xsi
	call copystr
	pop xsi
	sub edi, pbuf
	mov [plen], edi
	and dword [depth], 0
	mov A1d, AT_FDCWD
	call stat_entry                 ; CF=1: skip it
	jc .ret
	mov [rootdev], ecx              ; (stat_entry: ecx = dev major)
	mov [rootdev + 4], ebx
	mov A1d, AT_FDCWD
	call count_entry                ; edx:eax = its size, with its contents
	add [grand], eax
	adc [grand + 4], edx
	jmp put_line
.ret:
	ret

; stat_entry - A1 = the directory fd, xsi = a name (path in pbuf): statx
; into stx; an error reported; CF=1 to skip it (error, other file system,
; counted already). out: CF=0, ecx:ebx = its device (major, minor)
stat_entry:
%ifdef _VSYS_LATER                      ; i386: from the 32nd entry on, the
	add byte [vsys_left], 8         ; kernel through the vDSO (its page
	jnz .slow                       ; adds 4 KiB of RSS: a small run
	fast_syscall_on                 ; stays without it)
.slow:
%endif
	push A1
	push xsi
	sys statx, A1, xsi, [sflags], MASK, stx
	pop xsi
	pop A1
	test eax, eax
	js .fail
	mov ecx, [stx + STX_DEV]
	mov ebx, [stx + STX_DEV + 4]
	cmp dword [depth], 0
	je .seen
	test byte [flags], 1 << B_XDEV
	jz .seen
	cmp ecx, [rootdev]
	jne .skip
	cmp ebx, [rootdev + 4]
	jne .skip
.seen:
; hard links: counted once (every entry when hash_all)
	cmp byte [hash_all], 0
	jne .hash
	movzx eax, word [stx + STX_MODE]
	and ah, S_IFMT >> 8
	cmp ah, S_IFDIR >> 8
	je .new
	cmp dword [stx + STX_NLINK], 1
	jbe .new
.hash:
	push xsi
	push A1
	call hash_insert                ; CF=1: there already
	pop A1
	pop xsi
	mov ecx, [stx + STX_DEV]
	mov ebx, [stx + STX_DEV + 4]
	ret
.new:
	clc
	ret
.skip:
	stc
	ret
.fail:
	push xsi
	push A1
	cmp eax, -ENOENT                ; with -L, a dangling symlink: no
	jne .say                        ; reason (fts' FTS_SLNONE)
	test byte [flags], 1 << B_DEREF
	jz .say
	push xax
	sys statx, A1, xsi, AT_SYMLINK_NOFOLLOW, 0, stx
	test eax, eax
	pop xax
	js .say
	xor eax, eax
.say:
	mov esi, msg_access
	call err_path
	pop A1
	pop xsi
	stc
	ret

; count_entry - A1 = the parent fd, xsi = the name, stx = its status:
; edx:eax = its size, for a directory with everything in it (its own
; line not printed here). clobbers all but xbp
count_entry:
	push xbp
	mov eax, [stx + STX_SIZE]
	mov edx, [stx + STX_SIZE + 4]
	cmp byte [apparent], 0
	jne .size
	mov eax, [stx + STX_BLOCKS]
	mov edx, [stx + STX_BLOCKS + 4]
	shld edx, eax, 9
	shl eax, 9
.size:
	push xdx
	push xax
	movzx ecx, word [stx + STX_MODE]
	and ch, S_IFMT >> 8
	cmp ch, S_IFDIR >> 8
	jne .done
	mov A3d, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC | O_LARGEFILE
	test byte [flags], 1 << B_DEREF
	jz .open
	mov A3d, O_RDONLY | O_DIRECTORY | O_CLOEXEC | O_LARGEFILE
.open:
	sys openat, A1, xsi, A3
	test eax, eax
	js .unreadable
	call walk                       ; edx:eax = the contents
	pop xcx
	add eax, ecx
	pop xcx
	adc edx, ecx
	pop xbp
	ret
.unreadable:
	mov esi, msg_read
	call err_path
.done:
	pop xax
	pop xdx
	pop xbp
	ret

; walk - eax = a directory's fd (its path in pbuf): edx:eax = the total
; of its contents, their lines printed; the fd closed. Recursive.
F_FD    equ -W
F_START equ -2*W
F_END   equ -3*W
F_PLEN  equ -4*W
F_CUR   equ -5*W
F_TOT   equ -5*W - 8
walk:
	push xbp
	mov xbp, xsp
	push xax                        ; F_FD
	push WPTR [apos]                ; F_START
	push 0                          ; F_END
	push WPTR [plen]                ; F_PLEN
	push 0                          ; F_CUR
	push 0                          ; F_TOT (8 bytes)
	push 0
; every name of the directory into the arena first (as fts_build), one
; below the other from its top down (the top shares the variables'
; page); the records read into pbuf past the path
	mov xdi, [apos]
.read:
	push xdi
	mov eax, [plen]
	lea A2d, [eax + pbuf + 8]
	and A2d, -8
	sys getdents64, [xbp + F_FD], A2, GBUFSZ
	pop xdi
	cmp eax, -EINTR
	je .read
	test eax, eax
	jz .names_done
	js .read_error
	movx xsi, A2                    ; (A2 kept by the system call)
	lea edx, [xax + xsi]            ; the end
.record:
	cmp esi, edx
	jae .read
	movzx ecx, word [xsi + 16]      ; d_reclen
	push xsi
	add esi, 19                     ; d_name
	cmp byte [xsi], '.'
	jne .copy
	cmp byte [xsi + 1], 0
	je .next
	cmp word [xsi + 1], '.'
	je .next
.copy:
	cmp edi, arena + 4096
	jb no_room
	mov eax, esi
.len:
	inc eax
	cmp byte [xax - 1], 0
	jne .len
	sub eax, esi                    ; its length, NUL included
	sub edi, eax
	push xdi
	push xcx
	xchg eax, ecx
	rep movsb
	pop xcx
	pop xdi
.next:
	pop xsi
	add esi, ecx
	jmp .record
.read_error:
	push xdi
	mov esi, msg_read
	call err_path
	pop xdi
.names_done:
	mov [apos], xdi
	mov [xbp + F_END], xdi
	mov xax, [xbp + F_START]
	mov [xbp + F_CUR], xax
	inc dword [depth]
; each name: its status, its size (a directory's with its contents), its
; line when -a or a directory, within --max-depth
.entry:
	mov xsi, [xbp + F_CUR]          ; (the end of the next name, which
	cmp xsi, [xbp + F_END]          ; starts past the NUL below it)
	jbe .entries_done
	dec esi
.start:
	cmp esi, [xbp + F_END]
	je .found
	cmp byte [xsi - 1], 0
	je .found
	dec esi
	jmp .start
.found:
	mov [xbp + F_CUR], xsi
	mov edi, [xbp + F_PLEN]         ; the path: PARENT/NAME
	mov [plen], edi
	add edi, pbuf
	cmp byte [xdi - 1], '/'
	je .slash
	mov al, '/'
	stosb
.slash:
	push xsi
.name:
	cmp edi, pbuf + PBUFSZ - 1
	jae no_room
	lodsb
	stosb
	test al, al
	jnz .name
	pop xsi
	dec edi
	sub edi, pbuf
	mov [plen], edi
	mov A1, [xbp + F_FD]
	call stat_entry
	jc .entry
	movzx eax, word [stx + STX_MODE]
	and ah, S_IFMT >> 8
	push xax
	mov A1, [xbp + F_FD]
	call count_entry
	pop xcx
	add [xbp + F_TOT], eax
	adc [xbp + F_TOT + 4], edx
	mov ebx, [depth]
	cmp ebx, [maxd]
	ja .entry
	cmp ch, S_IFDIR >> 8
	je .line
	test byte [flags], 1 << B_ALL
	jz .entry
.line:
	call put_line
	jmp .entry
.entries_done:
	dec dword [depth]
	mov xax, [xbp + F_PLEN]
	mov [plen], eax
	mov xax, [xbp + F_START]
	mov [apos], xax
	sys close, [xbp + F_FD]
	mov eax, [xbp + F_TOT]
	mov edx, [xbp + F_TOT + 4]
	leave
	ret

no_room:
	call flush
	mov esi, msg_room
	call err_plain
	exit 1

; err_path - xsi = TEXT, xax = -errno: "du: TEXT'PATH': Reason" (pbuf).
; The message is built in obuf (qbuf: empty once flushed), which a long
; one runs past into pbuf: then the path is quoted from a copy (psave)
; and put back after.
err_path:
	push xax
	push xsi
	call flush
	movx A2, ARGV0
	call strlen                     ; A3 (xdx) = its length
	mov ecx, [plen]
	mov byte [pbuf + xcx], 0
	lea eax, [xdx + xcx*8]          ; (the quoted name: 5 bytes a byte)
	pop xsi
	mov edx, pbuf
	cmp eax, OBUFSZ - 64
	jb .short
	inc ecx
	push xsi
	mov esi, edx
	mov edi, psave
	rep movsb
	pop xsi
	pop xax
	mov edx, psave
	call err_af
	mov ecx, [plen]
	mov esi, psave
	mov edi, pbuf
	rep movsb
	ret
.short:
	pop xax
	jmp err_af

; hash_insert - stx's (device, inode) into the set: CF=1 when it was
; there already. The set starts as 16 slots on the variables' page
; (hsmall) and doubles when over 3/4 full: a table of 2^k slots (k > 4)
; lies at htab + 2^k * 16, apart from the smaller ones, and the entries
; move into it from the last one. A small run touches one page, a big
; one about twice its entries' bytes. clobbers xax xcx xdx xsi xdi
hash_insert:
	mov edi, hkey
	mov eax, [stx + STX_INO]
	stosd
	mov eax, [stx + STX_INO + 4]
	stosd
	mov eax, [stx + STX_DEV]
	inc eax                         ; (never 0: 0 marks a free slot)
	stosd
	mov eax, [stx + STX_DEV + 4]
	stosd
	mov esi, hkey
	call hash_find
	jc .ret
	movsd                           ; the key into its slot
	movsd
	movsd
	movsd
	inc dword [hcount]
	mov cl, [hshift]
	or eax, -1
	shr eax, cl                     ; the slots - 1
	lea edx, [xax + xax*2]
	shr edx, 2
	cmp edx, [hcount]
	jae .ret                        ; (CF=0)
	inc eax                         ; twice the slots
	cmp eax, HSLOTS
	jae no_room
	dec byte [hshift]
	xchg eax, ecx                   ; ecx = the old table's slots
	mov edx, ecx
	shl edx, 5
	add edx, htab
	xchg edx, [hbase]               ; edx = the old table
.move:
	mov esi, edx
	cmp dword [xsi + 8], 0
	je .free
	push xcx
	push xdx
	call hash_find                  ; (CF=0: xdi = a free slot)
	movsd
	movsd
	movsd
	movsd
	pop xdx
	pop xcx
.free:
	add edx, 16
	loop .move
	clc
.ret:
	ret

; hash_find - xsi = a key (ino, dev major + 1, dev minor: 4 dwords) ->
; CF=1: xdi = its slot in the set; CF=0: xdi = the free slot for it.
; clobbers xax xcx xdx
hash_find:
	mov eax, [xsi]
	imul eax, eax, 0x9e3779b1
	mov ecx, [xsi + 12]
	imul ecx, ecx, 31
	add eax, ecx
	add eax, [xsi + 8]
	mov ecx, [xsi + 4]
	imul ecx, ecx, 0x85ebca6b
	xor eax, ecx
	mov cl, [hshift]
	shr eax, cl                     ; the top bits: the first slot
	or edx, -1
	shr edx, cl                     ; the mask
.probe:
	mov edi, eax
	shl edi, 4
	add edi, [hbase]
	cmp dword [xdi + 8], 0
	je .ret                         ; (CF=0)
	push xsi
	push xdi
	push 4
	pop xcx
	repe cmpsd
	pop xdi
	pop xsi
	je .found
	inc eax
	and eax, edx
	jmp .probe
.found:
	stc
.ret:
	ret

; put_line - edx:eax = a size in bytes: "SIZE\tPATH\n" (pbuf, plen)
put_line:
	push xbp
	mov [val], eax
	mov [val + 4], edx
	mov edi, num_end
	cmp byte [human], 0
	jne .human
; in units of bsize, rounded up
	mov ecx, [bsize]
	call div64
	test edx, edx
	jz .digits
	add dword [val], 1
	adc dword [val + 4], 0
.digits:
	mov ecx, 10
	call udigits
	jmp .out
.human:                                 ; -h: gnulib's human_readable, rounded up
	call human64
.out:
	mov esi, edi
	mov ecx, num_end
	sub ecx, esi
	call puts
	mov al, 9
	call putc
	mov esi, pbuf
	mov ecx, [plen]
	call puts
	mov al, 10
	call putc
	pop xbp
	ret

optbits:	db 'ascxL', 0
dot:		db '.', 0
total_word:	db 'total', 0
msg_access:	db 'cannot access ', 0
msg_read:	db 'cannot read directory ', 0
msg_write:	db 'write error', 0
msg_room:	db 'path or directory too big for this du', 0
fmt_depth:	db F_ARGV0, ': invalid maximum depth ', F_QUOTE, 10, F_TRY, 0
fmt_same:	db F_ARGV0, ': warning: summarizing is the same as using --max-depth=0', 10, 0
fmt_both:	db F_ARGV0, ': cannot both summarize and show all entries', 10, F_TRY, 0
fmt_conflict:	db F_ARGV0, ': warning: summarizing conflicts with --max-depth=', F_ARG, 10, F_TRY, 0
OPTSPEC:	db 'abcd:hkmsxL', 0
LONGOPTS:
	db 'a', 'all', 0
	db 'A', 'apparent-size', 0
	db 'b', 'bytes', 0
	db 'c', 'total', 0
	db 'L', 'dereference', 0
	db 'h', 'human-readable', 0
	db 'd'|0x80, 'max-depth', 0
	db 'x', 'one-file-system', 0
	db 's', 'summarize', 0
	db '?', 'help', 0
	db '?', 'version', 0
	db 0

BSS
; One page holds the top of the arena (the first names of a walk: 384
; bytes), the variables, obuf and the start of pbuf (a path, then the
; directory records read).
	BSS_ROOM 384 + 3584
	resb (384 - _BSS_PAGEOFF) * (_BSS_PAGEOFF < 384)
arena:	resb ARENASZ
arena_top:
	GLOBALS_HERE
opos:	resW 1
sflags:	resW 1
apos:	resW 1
rlim:	resd 4
val:	resd 2
grand:	resd 2
rootdev:	resd 2
maxd:	resd 1
bsize:	resd 1
flags:	resd 1
depth:	resd 1
plen:	resd 1
hcount:	resd 1
hbase:	resd 1                          ; the set's table
hkey:	resd 4                          ; (hash_insert's key)
hshift:	resb 1                          ; 32 - log2(its slots)
vsys_left: resb 1                       ; (i386: stat_entry's count to the vDSO)
%define LONGOPT_BSS_HERE                ; long_opt's, here: ambp is written
ambp:	resd 1                          ; by a long option, and ambbuf
ambbuf:	resb 512                        ; by a prefix (under 256 bytes
hsmall	equ ambbuf + 256                ; for a run that goes on: 11 names
                                        ; of 20; then the set's first
                                        ; 16 slots, here: hash_insert)
apparent:	resb 1
human:	resb 1
hash_all:	resb 1
dset:	resb 1
num:	resb 40
num_end:
stx:	resb STATX_RECORD
obuf:	resb OBUFSZ
QBUFSZ	equ 6 * PBUFSZ + 4096              ; (quoteaf: up to 5 bytes a byte,
                                        ; 'n'$'\001' for each two)
qbuf	equ obuf                        ; (err_path: a long message runs on
pbuf:	resb PBUFSZ + 8 + GBUFSZ         ; into pbuf; the directory records
	resb QBUFSZ - OBUFSZ - PBUFSZ - 8 - GBUFSZ ; after the path)
psave:	resb PBUFSZ                     ; (err_path's copy of a long path)
htab:	resb 2 * 16 * HSLOTS                ; (a table of 2^k slots at htab + 2^k * 16)

program_end
