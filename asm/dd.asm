; dd - convert and copy a file.
;
; Usage: dd [OPERAND]...
;   if=FILE of=FILE          input and output (default stdin, stdout)
;   bs=N ibs=N obs=N         block sizes (default 512; bs= sets both and
;                            writes each block as read, else the output is
;                            reblocked to obs bytes)
;   count=N skip=N (iseek=N) seek=N (oseek=N)   in blocks, 64-bit
;   cbs=N                    conversion block size (block, unblock)
;   conv=ascii,ebcdic,ibm,block,unblock,lcase,ucase,sparse,swab,sync,
;        noerror,notrunc,excl,nocreat,fsync,fdatasync
;        (GNU's: swab carries an odd byte over to the next read; every
;        conversion but sparse reblocks to obs, even with bs=; sparse
;        seeks over all-NUL output blocks and ftruncates at the end;
;        block's "N truncated records"; GNU's tables for ascii, ebcdic
;        and ibm, composed with lcase/ucase; the rarer conversions in
;        the cold part)
;   iflag=/oflag= fullblock count_bytes skip_bytes seek_bytes append direct
;                 directory dsync sync noatime noctty nofollow nonblock
;                 nocache (GNU's invalidate_cache: the range read or
;                 written dropped by posix_fadvise DONTNEED each 128 KiB
;                 as it goes, the rest after the copy, to the file's end
;                 at its end; with count=0, GNU's "failed to discard cache
;                 for" an input or output that cannot seek; "cannot
;                 combine direct and nocache")
;   status=none|noxfer|progress (progress: GNU's "\r" line once a second)
; N: GNU's grammar: digits with the suffixes c w b kB K KiB MB M MiB ...
; up to Y, one product with x (2x512), B after digits, a lone suffix = 1 of it.
; The statistics on stderr: "F+P records in", "F+P records out" and
; "N bytes (SI, IEC) copied, T s, SPEED/s" (human_readable's rounding);
; SIGUSR1 prints them during the copy; a system call it interrupts (the
; open of a FIFO waiting for its other end, a read, a write, ftruncate,
; fstat, fsync, fdatasync) is retried after them, as GNU's ifd_reopen,
; iread, iwrite ...; a close that says EINTR has closed (GNU's iclose).
; SIGINT (unless ignored) closes the files, prints the statistics and
; ends dd by the signal, as GNU's interrupt_handler and cleanup().
; seek= on an output that cannot seek but can be read (of= with seek=
; records is opened O_RDWR first, as GNU: a FIFO, a terminal, a socket)
; reads its records from it, as GNU 9.1's skip(), and writes zeros for
; those its end left.
; Exit status: 0; 1 on any error (the statistics are still printed after a
; read or write error).
; Differences from GNU: bs/ibs/obs/cbs above
; 2147483647 are refused as too large (binary and text are invalid on
; GNU/Linux too).
; Without if=/of=, the iflag=/oflag= flags fcntl can add are added to
; standard input/output as GNU's set_fd_flags (directory checked), and
; seek= never truncates standard output; with of=, seek= truncates right
; after the open, a failure reported for a regular file (the exit status
; stays the copy's, as GNU's).
; Memory: a block of up to 1 MiB (obs + ibs when reblocking) is read into
; BSS right after the variables, so a short run writes one data page;
; larger ones from brk, and only when needed, as GNU: none for count=0,
; ibs bytes for a skip= that reads, obs bytes for a seek= that reads.
; i386: from the 32nd system call on, the kernel is entered through the
; vDSO's __kernel_vsyscall (FAST_SYSCALL counted: ~0.2 us a call against
; ~8 us for int 0x80 here; bs=7 over 2 MB ~18x faster), so small blocks
; cost what they cost GNU; a trivial run keeps int 0x80 and its 16 KiB.

%define FAST_SYSCALL                    ; i386: the vDSO's entry after 32 calls
%define QUOTE_ONE_PASS          ; (error.inc: gnulib's second quoting pass left out: its pages are full; README)
%define T64_OLD COLD                    ; time64.inc's conversions (i386, old kernels)
%include "subk.inc"
%include "layout.inc"
use err_quoted, err_file, err_plain, errno_path, errno_tree, errno_dev, usage, write_all
use ftruncate64, dd_lseek, fs_msg

; conv= bits
C_LCASE     equ 1
C_UCASE     equ 2
C_NOERROR   equ 8
C_NOTRUNC   equ 16
C_SYNC      equ 32
C_FSYNC     equ 64
C_FDATASYNC equ 128
C_EXCL      equ 256
C_NOCREAT   equ 512
; the conversions of the cold part, in conv's third byte
C_SWAB      equ 1 << 16
C_ASCII     equ 1 << 17
C_EBCDIC    equ 1 << 18
C_IBM       equ 1 << 19
C_BLOCK     equ 1 << 20
C_UNBLOCK   equ 1 << 21
C_SPARSE    equ 1 << 22
; iflag=/oflag= bits: open flags and four of dd's own (above them)
O_SYNC_     equ 0o4010000
%assign O_DIRECT_BIT 14
%if (1 << O_DIRECT_BIT) != O_DIRECT
 %error "O_DIRECT is not bit 14"
%endif
F_SEEKB     equ 0x08000000
F_FULL      equ 0x10000000
F_COUNTB    equ 0x20000000
F_SKIPB     equ 0x40000000
F_NOCACHE   equ 0x80000000          ; (the sign bit: js after a load)
F_OWN       equ 0xf8000000
; status=
ST_NOXFER   equ 1
ST_NONE     equ 2
ST_PROGRESS equ 4

SIG_IGN_     equ 1              ; asm-generic/signal-defs.h ((__sighandler_t)1)

; sysi NAME [, a1 .. a5] - `sys NAME, ...` through sys_intr: EINTR
; retried after a SIGUSR1's statistics (GNU's ifd_reopen, ifstat ...)
; (GNU's fstat is fstat64 into qbuf: a struct stat64, layouts.inc, whose
; type and size every kernel gives; statx would need its fallback before
; Linux 4.11.)
%macro sysi 1-6
%if %0 > 1
	sys_args %{2:-1}
%endif
	setr SYSNR, SYSNRd, SYS_%1
	call sys_intr
%endmacro

_start:
	fast_syscall_init counted       ; i386: int 0x80 for the first 32 calls
	pop_argv0                       ; xsp = &argv[1]
	mov dword [ibs], 512
	inc dword [pnext]
	mov dword [obs], 512
	mov dword [in_name], s_stdin
	mov dword [out_name], s_stdout
	inc dword [out_fd]

; First the signals, before the operands are read, as GNU's (a SIGUSR1 sent
; just after the exec counts): SIGUSR1 sets a flag the copy loop looks at
; (no SA_RESTART: a blocked read returns EINTR and the statistics come at
; once, as GNU's).
	mov dword [act], on_usr1
	mov dword [act+W], SA_RESTORER|SA_SIGINFO ; (SA_SIGINFO: an rt frame on i386 too, for rt_sigreturn)
	mov dword [act+2*W], restorer
	sys rt_sigaction, SIGUSR1, act, 0, 8
; SIGINT, unless it is ignored (a background job's), as GNU's
; interrupt_handler (SA_NODEFER|SA_RESETHAND): at the next check_sig the
; files are closed, the statistics printed and the signal raised again,
; which ends dd (interrupted, in the cold part).
	sys rt_sigaction, SIGINT, 0, sbuf, 8 ; (sbuf: on the variables' page)
	cmp dword [sbuf], SIG_IGN_
	je .arg
	mov dword [act], on_int
	or dword [act+W], SA_NODEFER|SA_RESETHAND
	sys rt_sigaction, SIGINT, act, 0, 8

; Each operand NAME=VALUE: NAME looked up in optab (name, 0, code).
.arg:
	pop xsi
	test xsi, xsi
	jz .args_done
	mov [oparg], xsi
	mov [opnext], xsp               ; (the next argument's slot: lookahead)
	cmp byte [ddash], 0             ; getopt's walk: no option is valid
	jne .operand
	cmp byte [xsi], '-'
	jne .operand
	mov al, [xsi+1]
	test al, al
	jz .operand                     ; "-"
	cmp al, '-'
	jne opt_invalid
	mov xdx, xsi
	cmp byte [xsi+2], 0
	jne opt_unrecognized
	inc byte [ddash]                ; "--"
	jmp .arg
.operand:
	mov xdi, xsi
.eq:
	mov al, [xdi]
	test al, al
	jz unrecognized
	inc xdi
	cmp al, '='
	jne .eq
	mov [opval], xdi                ; VALUE
	mov ebx, optab
.lookup:
	cmp byte [xbx], 0
	je unrecognized
	mov xdx, xsi
.cmp:
	mov al, [xbx]
	inc xbx
	test al, al
	jz .name_end
	cmp al, [xdx]
	jne .skip
	inc xdx
	jmp .cmp
.skip:                                  ; to the next entry
	cmp byte [xbx], 0
	lea xbx, [xbx+1]
	jne .skip
	inc xbx
	jmp .lookup
.name_end:
	cmp byte [xdx], '='
	jne .lookup_next
	movzx eax, byte [xbx]
	mov xsi, [opval]
	jmp [jumptab + xax*W]
.lookup_next:
	inc xbx
	jmp .lookup

op_if:
	mov [in_name], xsi
	jmp _start.arg
op_of:
	mov [out_name], xsi
	mov byte [of_given], 1
	jmp _start.arg
op_conv:
	mov ebx, convtab
	mov dword [symtext], s_badconv
	call symbols
	or [conv], eax
	jmp _start.arg
op_iflag:
	mov ebx, flagtab
	mov dword [symtext], s_badiflag
	call symbols
	or [iflags], eax
	jmp _start.arg
op_oflag:
	mov ebx, flagtab
	mov dword [symtext], s_badoflag
	call symbols
	or [oflags], eax
	jmp _start.arg
op_status:
	mov ebx, stattab
	mov dword [symtext], s_badstatus
	call symbols
	mov [stlevel], edx               ; the last one counts
	jmp _start.arg

; Block sizes: 1 .. 2^31-1.
op_bs:
	mov edi, bs
	jmp op_size
op_ibs:
	mov edi, ibs
	jmp op_size
op_obs:
	mov edi, obs
op_size:
	push xdi
	call number
	pop xdi
	mov eax, [num]
	test eax, eax
	jnz .nonzero
	cmp [num+4], eax
	je bad_number_plain
.nonzero:
	cmp dword [num+4], 0
	jne bad_number_big
	test eax, eax
	js bad_number_big
	mov [xdi], eax
	jmp _start.arg

; count=, skip=, seek=: a 'B' anywhere in the VALUE (GNU 9.1: "5B",
; "1kB", "2Bx3") counts bytes, as iflag=count_bytes, iflag=skip_bytes,
; oflag=seek_bytes; the operand's last occurrence decides ([bflags], ORed
; into both flag words after the operands).
op_count:
	mov byte [count_given], 1
	mov edi, count
	mov bl, F_COUNTB >> 24
	jmp op_num
op_skip:
	mov edi, skip
	mov bl, F_SKIPB >> 24
	jmp op_num
op_seek:
	mov edi, seek
	mov bl, F_SEEKB >> 24
op_num:
	push xbx
	push xdi
	call number
	pop xdi
	pop xbx
	copy64 eax, xdi, num
	or [bflags], bl
.b:
	lodsb
	cmp al, 'B'
	je _start.arg
	test al, al
	jnz .b
	not bl
	and [bflags], bl
	jmp _start.arg

; number: parse VALUE at xsi into [num]; an error message and exit 1 for
; an invalid number (plain) or one of 2^63 or more (with EOVERFLOW's text).
number:
	push xsi
	call parse_num
	pop xsi
	dec eax
	js .ok
	jz bad_number_plain
	jmp bad_number_big
.ok:
	ret

; symbols: VALUE at xsi, a comma-separated list of the names in the table
; at xbx (name, 0, its bit's index; a 0 byte ends it) -> eax = the bits ORed,
; edx = the last one's bits. An unknown name: "[symtext]'NAME'" and the Try
; line, exit 1 (the name cut at its comma in place).
symbols:
	xor eax, eax
	push xax                        ; [xsp] = the bits so far
.word:
	mov xbp, xbx                    ; the table
.entry:
	cmp byte [xbp], 0
	je .bad
	mov xdi, xsi
.cmp:
	mov al, [xbp]
	inc xbp
	test al, al
	jz .end
	cmp al, [xdi]
	jne .next
	inc xdi
	jmp .cmp
.next:
	cmp byte [xbp], 0
	lea xbp, [xbp+1]
	jne .next
	inc xbp
	jmp .entry
.end:
	mov al, [xdi]
	test al, al
	jz .match
	cmp al, ','
	je .match
	inc xbp
	jmp .entry
.match:
	movzx ecx, byte [xbp]
	xor edx, edx
	bts edx, ecx
	or [xsp], edx
	lea xsi, [xdi+1]
	test al, al
	jnz .word
	pop xax
	ret
.bad:
	jmp symbols_bad                 ; (cold)
usage_error:                            ; xdx = ARG, xcx = TEXT
	mov esi, fmt_usage
	xor eax, eax
	call say
	exit 1

; The options are read: check them, open the files, allocate the buffers.
_start.args_done:
	mov al, [bflags]
	mov ah, al
	and al, ~(F_SEEKB >> 24)        ; (count= and skip= are the input's,
	or [iflags+3], al               ; seek= the output's: set_fd_flags
	and ah, F_SEEKB >> 24           ; adds no flag of the other's)
	or [oflags+3], ah
	mov eax, [bs]
	test eax, eax
	jz .two
	mov [ibs], eax
	mov [obs], eax
	test byte [conv], C_LCASE|C_UCASE ; GNU's C_TWOBUFS: converted bytes
	jz .checks                      ; are reblocked to obs
.two:
	inc byte [twobufs]
.checks:                                ; GNU's scanargs order: flags, then conv=
	test byte [oflags+3], F_FULL >> 24
	jz .conv
	mov xdx, s_fullblock
	mov ecx, s_badoflag
	jmp usage_error
.conv:
	cmp byte [conv+2], 0            ; swab, ascii, ebcdic, ibm, block,
	je .conv_hot                    ; unblock, sparse: checked, set up
	call conv_setup                 ; in the cold part
.conv_hot:
	mov eax, [conv]
	mov esi, s_lcucase
	test al, C_LCASE
	jz .excl
	test al, C_UCASE
	jnz .cannot
.excl:
	mov esi, s_exclnocreat
	test ah, C_EXCL >> 8
	jz .nocache
	test ah, C_NOCREAT >> 8
	jz .nocache
.cannot:
	call err_plain
	exit 1
.nocache:
	mov al, [iflags+3]
	or al, [oflags+3]
	jns .append
	call nocache_setup              ; (cold: direct and nocache refused)
.append:
	test dword [oflags], O_APPEND
	jz .input
	test byte [conv], C_NOTRUNC
	jnz .input
	mov esi, fmt_append
	mov xdx, xsi                    ; (no ARG)
	call say

.input:

; The input: if= opened as GNU's ifd_reopen would (its flags, O_LARGEFILE;
; an open that a SIGUSR1 interrupts, a FIFO's waiting for its writer, is
; retried after the statistics: sys_intr); standard input gets the iflag=
; flags fcntl can add (set_fd_flags).
	mov esi, s_stdin
	cmp [in_name], esi
	jne .open_in
	xor A1d, A1d
	mov eax, [iflags]
	call set_fd_flags
	jmp .output
.open_in:
	mov A2d, [iflags]
	and A2d, ~F_OWN
	or A2d, O_RDONLY|O_LARGEFILE
	sysi open, [in_name]
	xor edx, edx
	call fd_at                      ; (fd 0)
	mov xsi, [in_name]
	js open_failed
	mov [in_fd], eax

; The output: O_CREAT unless nocreat, O_EXCL for excl, O_TRUNC unless a
; seek or notrunc (a seek truncates at the seek offset instead); standard
; output gets the oflag= flags fcntl can add, and is never truncated.
; With seek= records GNU opens it O_RDWR first (a seek that lseek cannot
; do is done by reading: seek_read; a FIFO so opened does not wait for a
; reader), O_WRONLY when that fails.
.output:
	cmp byte [of_given], 0
	jne .open_out
	push 1
	pop A1
	mov eax, [oflags]
	mov esi, s_stdout
	call set_fd_flags
	jmp .skip
.open_out:
	cmp dword [seek+4], 0           ; (2^32 blocks or more: seek_check,
	je .seek_fits                   ; in the cold part; fewer, of less
	call seek_check                 ; than 2^31 bytes, fit off_t)
.seek_fits:
	mov A2d, [oflags]
	and A2d, ~F_OWN
	or A2d, O_WRONLY|O_LARGEFILE
	mov eax, [conv]
	test ah, C_NOCREAT >> 8
	jnz .creat_done
	or A2d, O_CREAT
.creat_done:
	test ah, C_EXCL >> 8
	jz .excl_done
	or A2d, O_EXCL
.excl_done:
	test al, C_NOTRUNC
	jnz .trunc_done
	call seek_recs                  ; GNU: O_TRUNC when seek= is 0 records
	jnz .trunc_done
	or A2d, O_TRUNC
.trunc_done:
	call seek_recs
	jz .wronly
	xor A2d, O_WRONLY ^ O_RDWR
	call open_out
	jns .opened
	xor A2d, O_WRONLY ^ O_RDWR
.wronly:
	call open_out
	mov xsi, [out_name]
	js open_failed
.opened:
	mov [out_fd], eax

	call trunc_out

; skip=: records of ibs (or bytes with skip_bytes) by lseek, else by reading
; them. seek=: the same on the output, by lseek, else by reading it
; (seek_read).
.skip:
	mov edi, t0
	call dd_clock
; GNU warns of a short read followed by more data when the block count
; matters: bs= (no reblocking), no fullblock, and skip= or count= of
; whole records (not bytes under ibs with skip_bytes, count_bytes), or direct.
	cmp byte [twobufs], 0
	jne .nowarn
	test byte [iflags+3], F_FULL >> 24
	jnz .nowarn
	mov eax, [iflags]
	or eax, [oflags]
	test eax, O_DIRECT
	jnz .warn
	call skip_args
	call split
	mov eax, [tq]
	or eax, [tq+4]
	jnz .warn
	cmp byte [count_given], 0
	je .nowarn
	call count_split
	mov eax, [tq]
	or eax, [tq+4]
	jz .nowarn
.warn:
	inc byte [warnp]
.nowarn:
	mov eax, [skip]
	or eax, [skip+4]
	jz .seek
	call skip_args
	call to_bytes                   ; [tq] = the offset
	mov A1, [in_fd]
	cmp dword [skip+4], 0           ; (see .seek_fits)
	jne skip_big
.skip_try:
	mov edx, tq
	mov cl, SEEK_CUR
	call dd_lseek                   ; [tq] = the new offset
	js skip_failed
; Past the end of a regular file: GNU's warning (the reads find the end).
	sysi fstat64, [in_fd], qbuf
	test eax, eax
	jnz .seek
	mov ax, [qbuf + ST64_MODE]
	and ax, S_IFMT
	cmp ax, S_IFREG
	jne .seek
	mov eax, [qbuf + ST64_SIZE]
	mov edx, [qbuf + ST64_SIZE + 4]
	sub eax, [tq]
	sbb edx, [tq+4]
	jnc .seek
	jmp skip_short                  ; (cold)
; seek=: lseek (the truncation was done at the open); an output that cannot seek (a pipe) is an error, as GNU 9.1's skip().
.seek:
	mov eax, [seek]
	or eax, [seek+4]
	jz .limit
	call seek_args
	call to_bytes
	mov A1, [out_fd]
	cmp dword [seek+4], 0           ; (see .seek_fits)
	jne seek_big
.seek_try:
	mov edx, tq
	mov cl, SEEK_CUR
	call dd_lseek
	js seek_read                    ; (cold: an output that cannot seek)
	jmp .limit
.seek_failed:
	mov esi, fmt_noseek             ; GNU 9.1: an error, then the stats
	mov xdx, [out_name]
	call say
	mov STATUSb, 1
; GNU's quit(): its cleanup syncs first (conv=fsync, fdatasync), and a
; failed sync exits there, without the stats ([quitting] 2 or 4).
.quit:
	inc byte [quitting]
	jmp .sync

; count=: [lim] records (all ones without count=); with count_bytes the
; last one is [lastsz] bytes.
.limit:
	or dword [lim], -1
	or dword [lim+4], -1
	cmp byte [count_given], 0
	je .buffers
	call count_split
	mov eax, [tq]
	mov edx, [tq+4]
	mov ecx, [rest]
	mov [lastsz], ecx
	cmp ecx, 1
	cmc
	adc eax, 0
	adc edx, 0
	mov [lim], eax
	mov [lim+4], edx
	or eax, edx                     ; count=0: no buffers, no copy
	jz .eof

; The buffers, when count= is not 0 (GNU allocates them only then; a
; skip= or seek= that reads takes a buffer of its own for that:
; buf_alloc). Without reblocking one buffer of ibs bytes (ibuf = obuf).
; Reblocking reads each block straight into obuf after the bytes it holds
; (ibuf = obuf + opos, set before each read), so obuf has room for obs +
; ibs bytes; only iflag=/oflag=direct keeps two page-aligned buffers on
; the brk heap (a read at obuf + opos would not be aligned), the block
; copied to obuf after its conversion. Up to IOBUFSZ bytes go to iobuf,
; right after the variables on their page: a short run writes that page
; alone (bs=4k, bs=64k, ibs=4k obs=4k); more (or direct) to the brk heap.
.buffers:
	mov eax, [ibs]
	xor ecx, ecx                    ; obuf - ibuf
	mov dl, [twobufs]
	test dl, dl
	jz .one
	add eax, [obs]
.one:
	cmp dl, 2                       ; block, unblock: two buffers
	je .direct
	mov ebx, [iflags]
	or ebx, [oflags]
	test ebx, O_DIRECT
	jnz .direct
	mov [inplace], dl
	cmp eax, IOBUFSZ
	ja .heap
	mov eax, iobuf
	jmp .placed_bufs
.direct:
	test dl, dl
	jz .heap
	mov ecx, [ibs]
	add ecx, 4096                   ; (a byte more for swab's carry)
	and ecx, -4096
	mov eax, ecx
	add eax, [obs]
	jc nomem
	add eax, [ibs]                  ; (a block copied after obs - 1)
	jc nomem
.heap:                                  ; eax = the bytes, ecx = obuf - ibuf
	push xcx
	call buf_heap
	pop xcx
.placed_bufs:
	mov [ibuf], eax
	add ecx, eax
	mov [obuf], ecx

; The copy: one read of ibs bytes (or lastsz), counted full or partial.
.loop:
	call check_sig
	test byte [stlevel], ST_PROGRESS
	jz .no_progress
	call progress
.no_progress:
	mov eax, [in_full]
	mov edx, [in_full+4]
	add eax, [in_part]
	adc edx, [in_part+4]
	cmp edx, [lim+4]
	ja .eof
	jb .more
	cmp eax, [lim]
	jae .eof
.more:
	mov ecx, [ibs]
	cmp dword [lastsz], 0
	je .size
	add eax, 1
	adc edx, 0
	cmp eax, [lim]
	jne .size
	cmp edx, [lim+4]
	jne .size
	mov ecx, [lastsz]
.size:
	mov [rsize], ecx
	cmp byte [inplace], 0           ; the read goes after obuf's bytes
	je .placed
	mov eax, [opos]
	add eax, [obuf]
	mov [ibuf], eax
.placed:
	test byte [conv], C_SYNC
	jz .read
	mov edi, [ibuf]
	mov ecx, [ibs]
	mov al, [padc]                  ; (spaces for block, unblock)
	rep stosb
.read:
	call read_in
	cmp byte [nocache], 0           ; iflag=/oflag=nocache: the bytes
	je .counted                     ; read, the end seen (cold)
	call nc_read
.counted:
	test eax, eax
	jz .eof
	jns .got
	test byte [conv], C_NOERROR
	jnz read_noerror                ; (in the cold part)
	call read_error
	jmp .eof
.sync_block:
	xor eax, eax                    ; sync: a block of zeros instead
.got:
	mov [nread], eax
	mov [partread], eax             ; (read_noerror: ibs or more is none)
	cmp eax, [ibs]
	jb .partial
	mov edi, in_full
	call inc64
	jmp .convert
.partial:
	mov edi, in_part
	call inc64
	test byte [conv], C_SYNC
	jz .convert
	mov eax, [ibs]
	mov [nread], eax

; lcase/ucase: ASCII letters (the other conversions in the cold part).
.convert:
	mov eax, [conv]
	test al, C_LCASE|C_UCASE
	jz .out
	mov xsi, [ibuf]
	mov ecx, [nread]
	jecxz .out
	mov dx, 'AZ'                    ; lcase: A..Z xor 0x20
	mov ah, 0x20
	test al, C_LCASE
	jnz .letter
	mov dx, 'az'                    ; ucase: a..z xor 0x20
.letter:
	mov al, [xsi]
	cmp al, dl
	jb .not
	cmp al, dh
	ja .not
	xor al, ah
	mov [xsi], al
.not:
	inc xsi
	loop .letter

; Without reblocking each block is written as read (full when it has ibs
; bytes); else the bytes go into obuf, written each time it holds obs.
.out:
	cmp byte [cold_on], 0           ; swab, ascii, ebcdic, ibm, block,
	jne conv_cold                   ; unblock: the cold part's conversions
	cmp byte [twobufs], 0
	jne .reblock
	mov xsi, [ibuf]
	mov ecx, [nread]
	call write_out
	test eax, eax
	js .write_error
	mov eax, [nread]
	cmp eax, [ibs]
	jb .wpart
	mov edi, out_full
	call inc64
	jmp .loop
.wpart:
	mov edi, out_part
	call inc64
	jmp .loop
.write_error:
	mov esi, s_errwrite
	mov xdx, [out_name]
	call err_af
	jmp .sync                       ; returns: synced, then the stats

.reblock:
; The block to obuf's end (copied unless read there), then each obs bytes
; from obuf written (xbp the next ones), the rest moved to obuf's start.
	mov xsi, [ibuf]
	mov edi, [opos]
	add xdi, [obuf]
	mov ecx, [nread]
	add [opos], ecx
	cmp xsi, xdi
	je .in_place
	rep movsb                       ; (direct: a buffer of its own)
.in_place:
	mov xbp, [obuf]
.wblock:
	mov ecx, [obs]
	cmp [opos], ecx
	jb .wrest
	mov dword [wmsg], s_writingto
	mov xsi, xbp
	call flush_out
	js .quit
	mov ecx, [obs]
	add xbp, xcx
	sub [opos], ecx
	jmp .wblock
.wrest:
	mov xsi, xbp
	mov edi, [obuf]
	cmp xsi, xdi
	je .loop
	mov ecx, [opos]
	rep movsb
	jmp .loop

; The end of the input: the last short output block, then fdatasync/fsync
; (fdatasync's EINVAL/ENOSYS falls back to fsync, as GNU), the close.
.eof:
	cmp byte [cold_on], 0           ; swab's last byte, block's padding,
	je .last                        ; unblock's newline
	call eof_cold
.last:
	cmp dword [opos], 0
	je .sparse
	mov dword [wmsg], s_errwrite
	call flush_obuf
	js .sync
.sparse:
	cmp byte [lastseek], 0          ; conv=sparse ended with a seek:
	jne sparse_end                  ; ftruncate to extend the file
.final:
	cmp byte [preported], 0         ; status=progress showed a line:
	jne final_progress              ; GNU's last one before a sync (cold)
.sync:
	mov eax, [conv]
	test al, C_FDATASYNC
	jz .fsync
	sysi fdatasync, [out_fd]
	test eax, eax
	jz .fsync
	cmp eax, -EINVAL
	je .fsync_too
	cmp eax, -ENOSYS
	je .fsync_too
	mov esi, s_fdatasync
	mov xdx, [out_name]
	call err_af
	shl byte [quitting], 1
.fsync_too:
	or byte [conv], C_FSYNC
.fsync:
	test byte [conv], C_FSYNC
	jz .close
	sysi fsync, [out_fd]
	test eax, eax
	jz .close
	mov esi, s_fsync
	mov xdx, [out_name]
	call err_af
	shl byte [quitting], 1
.close:
	cmp byte [nocache], 0           ; iflag=/oflag=nocache: the caches
	jne nocache_end                 ; dropped (cold)
.stats:                                 ; as GNU's cleanup, then the stats
	test byte [quitting], 6
	jnz .exit1
	mov A1, [in_fd]
	call iclose
	mov esi, s_closingin
	mov xdx, [in_name]
	jnz .close_failed
	mov A1, [out_fd]
	call iclose
	mov esi, s_closing
	mov xdx, [out_name]
	jnz .close_failed
	call print_stats
	exit_status
.close_failed:
	call err_af
.exit1:
	exit 1

; flush_obuf: write obuf's [opos] bytes; a failure is reported (a record
; counted partial when some bytes went out). out: SF = 1 on failure
flush_obuf:
	mov xsi, [obuf]
	mov ecx, [opos]
; flush_out: the same for ecx bytes at xsi.
flush_out:
	call write_out
	test eax, eax
	jns .ok
	push xax
	cmp dword [wdone], 0
	je .none
	mov edi, out_part
	call inc64
.none:
	mov esi, [wmsg]
	mov xdx, [out_name]
	pop xax
	call err_af
	or eax, -1
	ret
.ok:
	cmp ecx, [obs]                  ; (ecx kept: see write_out)
	je .full
	mov edi, out_part
	call inc64
	jmp .zero
.full:
	mov edi, out_full
	call inc64
.zero:
	xor eax, eax
	ret

; open_failed: xsi = the name, xax = -errno.
; seek_recs: ZF = 1 when seek= is 0 records, as GNU's seek_records (with
; seek_bytes, fewer bytes than obs are none: O_TRUNC, and no ftruncate).
; clobbers eax, edx
seek_recs:
	mov eax, [seek]
	mov edx, [seek+4]
	test byte [oflags+3], F_SEEKB >> 24
	jz .recs
	test edx, edx
	jnz .recs
	cmp eax, [obs]
	jae .recs
	xor eax, eax
.recs:
	or eax, edx
	ret

; trunc_out: seek= (unless notrunc) truncates the output there at once,
; as GNU. A failure is reported for a regular file ("failed to truncate to
; N bytes in output file 'NAME': Reason"; the output is never a directory)
; and the exit status stays the copy's (GNU's dd_copy sets it anew).
trunc_out:
	test byte [conv], C_NOTRUNC
	jnz .ret
	call seek_recs
	jz .ret
	call seek_args
	call to_bytes
	mov A1, [out_fd]
	mov edx, tq
	call ftruncate64
	test eax, eax
	js trunc_failed                 ; (cold)
.ret:
	ret

; set_fd_flags: GNU's set_fd_flags for standard input or output: the
; flags but fullblock, nocache, noctty and nofollow, when there are any: those
; fcntl can add, added (directory: checked that it is one, not set);
; "setting flags for 'NAME': Reason" and exit 1 when that fails.
; in: A1 = the fd, eax = the iflag=/oflag= bits, xsi = NAME.
set_fd_flags:
	and eax, ~(F_FULL|F_NOCACHE|O_NOCTTY|O_NOFOLLOW)
	jz .ret
	push xsi
	push xax
	sys fcntl, A1, F_GETFL
	pop xdx
	test eax, eax
	js .fail
	and edx, ~F_OWN
	or edx, eax                     ; edx = the new flags, eax = the old
	cmp edx, eax
	je .done
	test edx, O_DIRECTORY
	jz .set
	push xax
	sysi fstat64, A1, qbuf          ; (edx kept by the call)
	pop xcx
	test eax, eax
	js .fail
	mov ax, [qbuf + ST64_MODE]
	and ah, S_IFMT >> 8
	cmp ah, S_IFDIR >> 8
	push -ENOTDIR
	pop xax
	jne .fail
	and edx, ~O_DIRECTORY
	cmp edx, ecx
	je .done
.set:
	sys fcntl, A1, F_SETFL, xdx
	test eax, eax
	js .fail
.done:
	pop xsi
.ret:
	ret
.fail:
	pop xsi
	push s_setflags
	jmp failed

open_failed:
	push s_failopen
failed:                                 ; [xsp] = TEXT, xsi = NAME, xax = -errno
	mov xdx, xsi
	pop xsi
	call err_af
	exit 1

; read_error: xax = -errno: "error reading 'NAME': REASON", STATUS = 1.
read_error:
	mov esi, s_errread
	mov xdx, [in_name]
	jmp err_af

; read_in: read [rsize] bytes into ibuf (all of them with iflag=fullblock,
; up to the end), EINTR retried after a SIGUSR1 is served.
; out: xax = the bytes read, or -errno. clobbers: everything but xbx
read_in:
	xor ebp, ebp
.again:
	mov A3d, [rsize]
	sub A3d, ebp
	mov A2, [ibuf]
	add A2, xbp
	sys read, [in_fd]
	cmp eax, -EINTR
	jne .done
	call check_sig
	jmp .again
.done:
	cmp byte [warnp], 0
	je .counted
	test eax, eax
	jle .counted
	mov ecx, [prevn]
	test ecx, ecx
	jle .counted
	cmp ecx, [rsize]
	jae .counted
	mov byte [warnp], 0
	test byte [stlevel], ST_NONE
	jnz .counted
	push xax
	mov edi, gbuf                   ; the count's digits, NUL-ended
	xchg eax, ecx
	call dec32
	mov byte [xdi], 0
	mov ecx, s_empty
	cmp dword [prevn], 1
	je .one
	mov ecx, s_plural
.one:
	mov edx, gbuf
	mov esi, fmt_partial
	xor eax, eax
	call say
	pop xax
.counted:
	mov [prevn], eax
	test eax, eax
	js .ret
	jz .total
	add ebp, eax
	test byte [iflags+3], F_FULL >> 24
	jz .total
	cmp ebp, [rsize]
	jb .again
.total:
	mov eax, ebp
.ret:
	ret

; write_out: xsi = bytes, ecx = count -> xax = 0 or -errno; [wdone] = the
; bytes written, added to [wbytes]. Preserves ecx on success.
write_out:
	push xcx
	mov [wptr], xsi
	mov [wleft], ecx
	and dword [wdone], 0
; GNU's iwrite: a block shorter than obs turns oflag=direct off for good
; (direct_off, in the cold part).
	cmp ecx, [obs]
	jae .more
	btr dword [oflags], O_DIRECT_BIT
	jc direct_off                   ; (cold)
.more:
	mov A3d, [wleft]
	xor eax, eax
	test A3d, A3d
	jz .ret
	test byte [conv+2], C_SPARSE >> 16
	jnz sparse_try                  ; a block of NULs: a seek
.write:
	mov A2, [wptr]
	sys write, [out_fd]
	cmp eax, -EINTR
	jne .done
	call check_sig
	jmp .more
.done:
	test eax, eax
	js .ret
	jnz .some
	push -ENOSPC
	pop xax
	jmp .ret
.some:
	add [wptr], xax
	sub [wleft], eax
	add [wdone], eax
	add [wbytes], eax
	adc dword [wbytes+4], 0
	jmp .more
.ret:
	pop xcx
	cmp byte [nocache], 0           ; oflag=nocache: the bytes written
	je .told                        ; (cold)
	call nc_write
.told:
	test eax, eax
	ret

; sys_intr: the system call eax (arguments in A1..A5), retried after the
; statistics when a SIGUSR1 interrupts it (EINTR), as GNU's ifd_reopen,
; ifstat, iftruncate, ifsync and ifdatasync (the open of a FIFO waits
; for its other end: `kill -USR1` to see the progress interrupts it).
; out: xax = the result. clobbers: what the system call does
sys_intr:
	push xax
	SYSCALL
	cmp eax, -EINTR
	je .intr
	add xsp, W                      ; (the number dropped: ecx is i386's A2)
	ret
.intr:
	pop xax
%if W == 8
	push rdi
	push rsi
	push rdx
	push r10
	push r8
	push rax
	call check_sig
	pop rax
	pop r8
	pop r10
	pop rdx
	pop rsi
	pop rdi
%else
	pusha
	call check_sig
	popa
%endif
	jmp sys_intr

; iclose: close A1 as GNU's iclose: EINTR is success (Linux has closed
; the fd all the same; iclose's retry gets EBADF, which it takes as done).
; out: eax = 0 or -errno, ZF = 1 for 0. clobbers: xcx (r11)
iclose:
	sys close
	cmp eax, -EINTR
	jne .ret
	xor eax, eax
.ret:
	test eax, eax
	ret

; buf_alloc: a buffer of eax bytes: iobuf when they fit, else heap_alloc
; (cold). out: eax = its address. clobbers: as heap_alloc
buf_alloc:
	cmp eax, IOBUFSZ
	ja heap_alloc
	mov eax, iobuf
	ret

; open_out: of= opened with the flags in A2 (A3: mode 0666), as GNU's
; ifd_reopen. out: eax = the fd or -errno, SF = 1 for an error.
; clobbers: xcx (r11); keeps A2
open_out:
	mov A3d, 0o666
	sysi open, [out_name]
	push 1
	pop xdx
; fall through
; fd_at - GNU's fd_reopen: the file just opened (eax: its fd, or -errno)
; moved to fd edx when it got another, so dd reads fd 0 and writes fd 1
; as GNU's. (With fd 0 or 1 closed before the run, the other side's file
; took it: of= with stdin closed was read as the input, its own data
; copied over itself.) out: eax = edx or -errno, SF = 1 for an error.
; clobbers A1, A2, xcx, xdx
fd_at:
	test eax, eax
	js .ret
	cmp eax, edx
	je .ret
	push xax
	sys dup2, xax, xdx
	xchg xax, [xsp]
	sys close, xax
	pop xax
	test eax, eax
.ret:
	ret

; check_sig: print the statistics when SIGUSR1 came ([sigflag] 1), end
; as GNU after SIGINT (0x80: interrupted). clobbers: as print_stats
check_sig:
	cmp byte [sigflag], 0
	je print_stats.ret
	js interrupted                  ; (cold)
	mov byte [sigflag], 0
; fall through
; print_stats: "F+P records in", "F+P records out" and (unless noxfer)
; the bytes line, on stderr. Preserves xbx, xbp.
print_stats:
	test byte [stlevel], ST_NONE
	jnz .ret
	push xbp
	push xbx
	mov edi, sbuf
	xor eax, eax
	cmp [plen], eax                 ; a progress line is ended first
	je .in
	mov [plen], eax
	mov al, 10
	stosb
.in:
	mov esi, in_full
	mov ebx, s_recin
	call .records
	mov esi, out_full
	mov ebx, s_recout
	call .records
	mov eax, [rtrunc]
	or eax, [rtrunc+4]
	jnz trunc_line                  ; conv=block's "N truncated records"
.xfer:
	test byte [stlevel], ST_NOXFER
	jnz .write
	push xdi
	call now
	pop xdi
	call xfer_line
	mov al, 10
	stosb
.write:
	call write_sbuf
	pop xbx
	pop xbp
.ret:
	ret

; write_sbuf: sbuf up to xdi on stderr. Lines that cannot be written
; (stderr closed, /dev/full) make the status 1, as GNU's close_stdout:
; close_stream (stderr) fails after the failed fprintf, exit_failure.
; clobbers: as write_all, xcx
write_sbuf:
	mov A3, xdi
	mov A2d, sbuf
	sub A3d, A2d
	push 2
	pop A1
	call write_all
	jns .ret
	set_status 1, ecx
.ret:
	ret

	COLD                            ; (status=progress runs only: they map it)
; progress: status=progress's line, once a second: "\r" and the bytes
; line with the seconds as "%.0f s", blanks over a longer line before.
progress:
	push xbp
	push xbx
	call now                        ; eax = whole seconds
	cmp eax, [pnext]
	jb .ret
	inc eax
	mov [pnext], eax
	mov edi, sbuf
	mov al, 13
	stosb
	inc byte [pmode]
	call xfer_line
	dec byte [pmode]
	mov ecx, edi
	sub ecx, sbuf + 1
	mov edx, [plen]
	mov [plen], ecx
	sub edx, ecx
	jbe .write
	mov ecx, edx
	mov al, ' '
	rep stosb
.write:
	call write_sbuf
	copy64 eax, rep_w, wbytes       ; (GNU's reported_w_bytes)
	mov byte [preported], 1
.ret:
	pop xbx
	pop xbp
	ret

; final_progress: (the end of the copy, after a progress line) with
; conv=fsync or fdatasync, and bytes written since that line, GNU's
; last statistics line before the sync (fsync can take long): the bytes
; line as at the end ("%g s"), a newline after it (the progress line is
; then ended by another, before the records' lines, as GNU's).
final_progress:
	test byte [conv], C_FDATASYNC|C_FSYNC
	jz .sync
	mov eax, [wbytes]
	mov edx, [wbytes+4]
	cmp eax, [rep_w]
	jne .line
	cmp edx, [rep_w+4]
	je .sync
.line:
	push xbp
	push xbx
	call now
	mov edi, sbuf
	call xfer_line
	mov al, 10
	stosb
	call write_sbuf
	pop xbx
	pop xbp
.sync:
	jmp _start.args_done.sync
	TEXT

; now: [dns] = the nanoseconds since t0 -> eax = the whole seconds.
; clobbers: xax, xcx, xdx, xdi, A1, A2
now:
	mov edi, t1
	call dd_clock
	mov eax, [t1]
	sub eax, [t0]
	mov ecx, 1000000000
	mul ecx
	mov ecx, [t1+8]
	sub ecx, [t0+8]
	add eax, ecx
	sar ecx, 31
	adc edx, ecx
	mov [dns], eax
	mov [dns+4], edx
	mov eax, [t1]
	sub eax, [t0]
	mov ecx, [t1+8]
	cmp ecx, [t0+8]
	sbb eax, 0
	ret

; xfer_line: "N bytes (SI, IEC) copied, T s, SPEED/s" at xdi (no newline).
; clobbers: everything but xsp
xfer_line:
	mov esi, wbytes
	call dec_out
	mov eax, [wbytes]
	cmp dword [wbytes+4], 0
	jne .big
	cmp eax, 1000
	jae .big
	mov esi, s_byte
	call cpy
	dec eax
	jz .copied
	mov al, 's'
	stosb
	jmp .copied
.big:
	mov esi, s_bytes
	call cpy
	mov ecx, 1000
	call human
	cmp dword [wbytes+4], 0
	jne .iec
	cmp dword [wbytes], 1024
	jb .paren
.iec:
	mov ax, ', '
	stosw
	mov ecx, 1024
	call human
.paren:
	mov al, ')'
	stosb
.copied:
	mov esi, s_copied
	call cpy
	cmp byte [pmode], 0
	jne .whole_s
	call gtime
	jmp .speed
.whole_s:                               ; "%.0f s"
	mov eax, [dns]
	mov edx, [dns+4]
	add eax, 500000000
	adc edx, 0
	mov [dq_tmp2], eax
	mov [dq_tmp2+4], edx
	push xbx
	mov ebx, dq_tmp2
	mov ecx, 1000000000
	call div64
	pop xbx
	mov esi, dq_tmp2
	call dec_out
	mov ax, ' s'
	stosw
.speed:
	mov ax, ', '
	stosw
	jmp speed
print_stats.records:                               ; xsi = full, xsi+8 = partial
	push xsi
	call dec_out
	mov al, '+'
	stosb
	pop xsi
	add esi, 8
	call dec_out
	mov esi, ebx
; fall through
; cpy: copy the string at xsi to xdi without its NUL. clobbers: xsi, al
cpy:
	push xax
.next:
	lodsb
	test al, al
	jz .end
	stosb
	jmp .next
.end:
	pop xax
	ret

; dec_out: the qword at xsi in decimal at xdi (xdi moves past it).
; clobbers: xax, xcx, xdx
dec_out:
	push xbx
	copy64 eax, dq_tmp, xsi
	mov ebx, dq_tmp
	push -1
.digit:
	mov ecx, 10
	call div64
	add dl, '0'
	push xdx
	or eax, [dq_tmp+4]
	jnz .digit
.put:
	pop xax
	test eax, eax
	js .end
	stosb
	jmp .put
.end:
	pop xbx
	ret

; inc64: the qword at xdi plus 1.
inc64:
	add dword [xdi], 1
	adc dword [xdi+4], 0
	ret

; div64: the qword at xbx divided by ecx in place -> edx = the remainder,
; eax = the quotient's low word.
div64:
	xor edx, edx
	mov eax, [xbx+4]
	div ecx
	mov [xbx+4], eax
	mov eax, [xbx]
	div ecx
	mov [xbx], eax
	ret

; mul_small: the qword at xdi times ecx in place; CF = 1 on overflow.
; clobbers: xax, xdx
mul_small:
	push xbx
	mov eax, [xdi+4]
	mul ecx
	jc .ret
	xchg eax, ebx
	mov eax, [xdi]
	mul ecx
	mov [xdi], eax
	add edx, ebx
	mov [xdi+4], edx                ; (CF from the add)
.ret:
	pop xbx
	ret

; skip_args, seek_args (and in_args, count_split's): skip=, seek= or
; count= as split and to_bytes take them: esi = the operand, ecx = its
; block size (ibs; obs for seek=), dl != 0 when it counts bytes
; (iflag=skip_bytes, oflag=seek_bytes, iflag=count_bytes). clobbers
; nothing else
skip_args:
	mov esi, skip
	mov dl, F_SKIPB >> 24
in_args:
	mov ecx, [ibs]
	and dl, [iflags+3]
	ret
seek_args:
	mov esi, seek
	mov ecx, [obs]
	mov dl, F_SEEKB >> 24
	and dl, [oflags+3]
	ret

; to_bytes: [tq] = the qword at xsi, times ecx unless dl != 0.
to_bytes:
	copy64 eax, tq, xsi
	test dl, dl
	jnz .ret
	mov edi, tq
	call mul_small
.ret:
	ret

; count_split: split of count= (as its arguments above).
count_split:
	mov esi, count
	mov dl, F_COUNTB >> 24
	call in_args
; split: the qword at xsi as records of ecx bytes: [tq] = records, [rest]
; = bytes; when dl == 0 it counts records already ([rest] = 0).
split:
	copy64 eax, tq, xsi
	xor eax, eax
	test dl, dl
	jz .ret
	push xbx
	mov ebx, tq
	call div64
	pop xbx
	xchg eax, edx
.ret:
	mov [rest], eax
	ret

; next_piece: the next of the pieces split made: [tq] of ecx bytes each
; (ecx > 0), then one of [rest] bytes (if any). out: eax = its size, ZF=1
; when none is left. clobbers nothing else
next_piece:
	mov eax, [tq]
	or eax, [tq+4]
	jz .rest
	sub dword [tq], 1
	sbb dword [tq+4], 0
	mov eax, ecx
	jmp short .test
.rest:
	xchg eax, [rest]                ; (eax = 0)
.test:
	test eax, eax
	ret

; human: [wbytes] as GNU's human_readable with autoscale, round to
; nearest and a space before the unit: "1.0 MB" (ecx = 1000), "1.0 MiB"
; (ecx = 1024), at xdi. clobbers: xax, xbx, xcx, xdx, xsi, xbp
human:
	copy64 eax, hq, wbytes
	xor eax, eax
	mov [ht], eax                   ; tenths
	mov [hr], eax                   ; rounding
human_tr:                               ; (speed's: [hq], [ht], [hr] set)
	xor eax, eax
	xor ebp, ebp                    ; exponent
	mov [hpoint], al
	mov ebx, hq
.scale:
	cmp dword [hq+4], 0
	jne .div
	cmp [hq], ecx
	jb .scaled
.div:
	call div64                      ; edx = amt % base
	imul edx, edx, 10
	add edx, [ht]                   ; r10
	xchg eax, edx
	xor edx, edx
	div ecx
	mov [ht], eax                   ; tenths = r10 / base
	mov eax, [hr]
	shr eax, 1
	lea edx, [edx*2 + eax]          ; r2
	mov eax, [hr]
	add eax, edx                    ; r2 + rounding
	cmp edx, ecx
	jae .half
	neg eax
	sbb eax, eax
	neg eax                         ; (r2 + rounding) != 0
	jmp .round
.half:
	cmp ecx, eax
	mov eax, 2
	adc eax, 0                      ; 2 + (base < r2 + rounding)
.round:
	mov [hr], eax
	inc ebp
	jmp .scale
.scaled:
	test ebp, ebp
	jz .last
	cmp dword [hq], 10
	jae .last
	mov eax, [ht]
	and eax, 1
	add eax, [hr]
	cmp eax, 2
	jbe .point
	and dword [hr], 0
	inc dword [ht]
	cmp dword [ht], 10
	jne .point
	inc dword [hq]
	and dword [ht], 0
.point:
	cmp dword [hq], 10
	jae .last
	mov al, [ht]
	add al, '0'
	mov [hpoint], al
	xor eax, eax
	mov [ht], eax
	mov [hr], eax
.last:
	mov eax, [hq]
	and eax, 1
	add eax, [hr]
	neg eax
	sbb eax, eax
	neg eax
	add eax, [ht]
	cmp eax, 5
	jbe .digits
	inc dword [hq]
	cmp [hq], ecx
	jne .digits
	inc ebp
	mov byte [hpoint], '0'
	mov dword [hq], 1
.digits:
	push xcx
	mov esi, hq
	call dec_out
	mov al, [hpoint]
	test al, al
	jz .unit
	mov byte [xdi], '.'
	inc xdi
	stosb
.unit:
	mov al, ' '
	stosb
	pop xcx
	test ebp, ebp
	jz .b
	mov al, [si_letters - 1 + xbp]
	cmp ecx, 1000
	je .si
	mov al, [iec_letters - 1 + xbp]
	stosb
	mov al, 'i'
.si:
	stosb
.b:
	mov al, 'B'
	stosb
	ret

; gtime: [dns] nanoseconds as printf's "%g s" of the seconds.
gtime:
	push xdi
	mov edi, gbuf
	mov esi, dns
	call dec_out
	mov ecx, edi
	pop xdi
	mov ebx, gbuf
	sub ecx, ebx                    ; ecx = the digits
	mov edx, 6
	cmp ecx, edx
	jbe .few
	cmp byte [xbx+6], '5'
	jb .strip
.carry:
	dec edx
	js .over
	inc byte [xbx+xdx]
	cmp byte [xbx+xdx], '9'+1
	jne .six
	mov byte [xbx+xdx], '0'
	jmp .carry
.over:
	mov byte [xbx], '1'
	inc ecx
.six:
	mov edx, 6
	jmp .strip
.few:
	mov edx, ecx
.strip:                                 ; edx = the significant digits
	cmp edx, 1
	jbe .form
	cmp byte [xbx+xdx-1], '0'
	jne .form
	dec edx
	jmp .strip
.form:
	cmp byte [xbx], '0'             ; no time at all: "0", as %g
	jne .nonzero
	mov cl, 10
.nonzero:
	sub ecx, 10                     ; ecx = the decimal exponent
	cmp ecx, -4
	jl .exp
	test ecx, ecx
	jns .fixed
	mov ax, '0.'
	stosw
	not ecx                         ; -e - 1 zeros
	mov al, '0'
	rep stosb
	mov ecx, edx
	mov esi, ebx
	rep movsb
	jmp .s
.fixed:                                 ; digits 0..e, then the fraction
	mov esi, ebx
	inc ecx
	lea ebp, [ebx+edx]              ; the end of the significant digits
.int:
	mov al, '0'
	cmp esi, ebp
	jae .zero
	mov al, [xsi]
.zero:
	inc esi
	stosb
	loop .int
	mov ecx, ebp
	sub ecx, esi
	jle .s
	mov al, '.'
	stosb
	rep movsb
	jmp .s
.exp:
	mov al, [xbx]
	stosb
	dec edx
	jz .e
	mov al, '.'
	stosb
	lea esi, [ebx+1]
	xchg ecx, edx
	rep movsb
	xchg ecx, edx
.e:
	mov eax, 'e-0'
	stosd
	dec xdi
	neg ecx
	add cl, '0'
	mov [xdi], cl
	inc xdi
.s:
	mov ax, ' s'
	stosw
	ret

; speed: [wbytes] per [dns] as GNU's human_readable: where the bytes
; times 10^9 / [dns] is exact (the nanoseconds divide a second; the
; product fits in 64 bits) its integer arithmetic, as for the counts
; (from B/s up: "20 MB/s" for 784 bytes in 40 us, where the floating
; point says 19.6); else its floating point: at least kB, "%.1f" below
; 99.95 (its long-double path keeps a decimal while the text has at most
; 4 characters) and "%.0f" from there, " kB/s". No time at all (the clock
; did not move): GNU's "Infinity B/s". (GNU's other exact case, a whole
; number of seconds past one, to the nanosecond, takes the floating point
; here.)
speed:
	mov ecx, 1000000000
	xor edx, edx
	mov eax, [dns+4]
	div ecx
	mov eax, [dns]
	div ecx                         ; edx = the nanoseconds past the seconds
	test edx, edx
	jz speed_exact                  ; whole seconds, or none
	test eax, eax
	jnz .float                      ; more than a second
	xchg eax, ecx
	mov ecx, edx
	xor edx, edx
	div ecx                         ; 10^9 / the time
	test edx, edx
	jz speed_exact                  ; exact
.float:
	fild qword [wbytes]
	fimul dword [c1e9]
	fild qword [dns]
	fdivp st1, st0                  ; st0 = bytes per second
	fild dword [c1000]              ; st0 = the unit, st1 = the rate
	mov ebx, 1
.unit:
	fld st0
	fimul dword [c1000]
	fcomi st0, st2
	ja .found
	cmp ebx, 8
	jae .found
	fstp st1
	inc ebx
	jmp .unit
.found:
	fstp st0
	fdivp st1, st0                  ; st0 = the rate in the unit
	fld st0
	fimul dword [c10]
	fistp dword [hq]                ; tenths, rounded to nearest
	fistp dword [hq+4]              ; units, rounded to nearest
	mov eax, [hq]
	cmp eax, 1000                   ; (GNU: "%.1f" kept up to 4 characters, 99.9)
	jae .whole
	xor edx, edx
	mov ecx, 10
	div ecx
	add dl, '0'
	mov ah, dl
	push xax
	and eax, 0xff
	call dec32
	mov al, '.'
	stosb
	pop xax
	mov al, ah
	stosb
	jmp .unit_name
.whole:
	mov eax, [hq+4]
	call dec32
.unit_name:
	mov al, ' '
	stosb
	mov al, [si_letters - 1 + xbx]
	stosb
	mov eax, 'B/s'
	stosd
	dec xdi
	ret

; dec32: eax in decimal at xdi.
dec32:
	mov [dq_tmp2], eax
	and dword [dq_tmp2+4], 0
	mov esi, dq_tmp2
	jmp dec_out

; parse_num: GNU dd's number grammar at xsi -> [num]; eax = 0 ok, 1
; invalid, 2 too large (2^63 or more, or an overflow on the way, also
; when bytes follow N: "99999999999999999999q", as GNU's).
; clobbers: everything but xsp
parse_num:
	mov [numstr], xsi
	xor ebp, ebp                    ; bit 1: an overflow on the way
	call factor                     ; [tq] = N
	copy64 eax, num, tq
	dec edx
	js .whole                       ; the end: OK
	jz .invalid
; It stopped at a byte: "5B" is 5 (not "B" alone nor after a B); then
; "NxM", the M read whole (no B in M after a "Bx").
	cmp byte [xsi], 'B'
	jne .x
	cmp xsi, [numstr]
	je .x
	cmp byte [xsi-1], 'B'
	je .x
	inc xsi
	cmp byte [xsi], 0
	je .whole
.x:
	cmp byte [xsi], 'x'
	jne .junk
	cmp byte [xsi-1], 'B'
	jne .times
	mov xdi, xsi
.findb:
	inc xdi
	cmp byte [xdi], 0
	je .times
	cmp byte [xdi], 'B'
	je .junk
	jmp .findb
.times:
	inc xsi
	call factor                     ; [tq] = M
	test edx, edx
	jnz .invalid
	mov edi, num                    ; [num] *= [tq]
	mov ecx, [tq]
	cmp dword [tq+4], 0
	je .mul
	cmp dword [num+4], 0
	jne .over
	mov ecx, [num]
	copy64 eax, num, tq
.mul:
	call mul_small
	jc .over
	test byte [num+7], 0x80
	jnz .over
	mov eax, [num]
	or eax, [num+4]
	jnz .nonzero
	mov xsi, [numstr]               ; 0: GNU's warning for "0x..."
	cmp word [xsi], '0x'
	jne .ok
	call lookahead                  ; (an option later: no warning)
	mov xdx, xsi
	mov esi, fmt_zerox
	call say
	jmp .ok
.nonzero:
	test ebp, 2
	jnz .over
	jmp .ok
.whole:
	test ebp, 2
	jnz .over
	test byte [num+7], 0x80
	jnz .over
.ok:
	xor eax, eax
	ret
.junk:                                  ; bytes after N (no "xM"): invalid,
	test ebp, 2                     ; but too large when N is, as GNU's
	jnz .over                       ; parse_integer (N > INTMAX_MAX)
	test byte [num+7], 0x80
	jz .invalid
.over:
	mov eax, 2
	ret
.invalid:
	mov eax, 1
	ret

; factor: xstrtoumax with dd's suffixes at xsi -> [tq]; edx = 0 at the
; end of the string, 1 invalid, 2 stopped at the byte at xsi (unknown
; suffix or bytes after one); an overflow sets bit 1 of ebp.
; clobbers: xax, xbx, xcx, xdi
factor:
	mov xbx, xsi                    ; where strtoumax starts
.space:
	lodsb
	cmp al, ' '
	je .space
	sub al, 9
	cmp al, 5
	jb .space
	add al, 9
	cmp al, '-'
	je .invalid
	cmp al, '+'
	je .digits0
	dec xsi
.digits0:
	xor eax, eax
	mov [tq], eax
	mov [tq+4], eax
	mov xdi, xsi                    ; the first digit
	push xdi
.digit:
	movzx eax, byte [xsi]
	sub al, '0'
	cmp al, 9
	ja .suffix
	push xax
	mov edi, tq
	mov ecx, 10
	call mul_small
	pop xax
	jnc .add
	or ebp, 2
.add:
	add [tq], eax
	adc dword [tq+4], 0
	jnc .next
	or ebp, 2
.next:
	inc xsi
	jmp .digit
.suffix:
	pop xdi
	cmp xsi, xdi
	jne .letter
	mov xsi, xbx                    ; no digit: strtoumax read nothing,
	inc dword [tq]                  ; a suffix alone means 1 of it
	mov al, [xsi]
	test al, al
	jz .invalid
	mov edi, suffixes
	mov ecx, suffixes_end - suffixes
	repne scasb
	jne .invalid
.letter:
	mov al, [xsi]
	test al, al
	jz .end
	mov edi, suffixes
	mov ecx, suffixes_end - suffixes
	repne scasb
	jne .stopped
	inc xsi
	movzx ecx, byte [xdi + suffixes_end - suffixes - 1] ; multiplier or power
	mov ebx, 1024
	test cl, cl                     ; b, c, w: no B, iB or D after them
	js .scale                       ; (gnulib's xstrtoumax)
	mov al, [xsi]
	cmp al, 'i'
	jne .b
	cmp byte [xsi+1], 'B'
	jne .scale
	add xsi, 2
	jmp .scale
.b:
	cmp al, 'B'
	je .si
	cmp al, 'D'
	jne .scale
.si:
	mov ebx, 1000
	inc xsi
.scale:
	mov edi, tq
	test cl, cl
	jns .power
	and cl, 0x7f
	mov eax, 1
	shl eax, cl
	xchg eax, ecx
	call mul_small                  ; b, c, w: 2^(the low bits)
	jnc .after
	or ebp, 2
	jmp .after
.power:
	push xcx
	mov ecx, ebx
	call mul_small
	pop xcx
	jnc .pdone
	or ebp, 2
.pdone:
	loop .power
.after:
	cmp byte [xsi], 0
	jne .stopped
.end:
	xor edx, edx
	jmp .ret
.stopped:
	mov edx, 2
	jmp .ret
.invalid:
	mov edx, 1
; An overflow gives xstrtoumax's UINTMAX_MAX (not the wrapped value: a
; 2^64 that wrapped to 0 passed the rule of a zero product); the value
; itself then says it (bit 63), so the flag is cleared.
.ret:
	btr ebp, 1
	jnc .fits
	or dword [tq], -1
	or dword [tq+4], -1
.fits:
	ret

on_usr1:
	or byte [sigflag], 1
	ret
restorer:                               ; int 0x80 on i386 (rt_sigreturn finds
%undef FAST_SYSCALL                     ; the frame at esp: no call to vsys_call)
	sys rt_sigreturn
%define FAST_SYSCALL

; read-only data
; bitidx X: the table entries' bits as a bit index (one byte)
%macro bitidx 1
	db ((%1)>=(1<<1))+((%1)>=(1<<2))+((%1)>=(1<<3))+((%1)>=(1<<4))+((%1)>=(1<<5))+((%1)>=(1<<6))+((%1)>=(1<<7))+((%1)>=(1<<8))+((%1)>=(1<<9))+((%1)>=(1<<10))+((%1)>=(1<<11))+((%1)>=(1<<12))+((%1)>=(1<<13))+((%1)>=(1<<14))+((%1)>=(1<<15))+((%1)>=(1<<16))+((%1)>=(1<<17))+((%1)>=(1<<18))+((%1)>=(1<<19))+((%1)>=(1<<20))+((%1)>=(1<<21))+((%1)>=(1<<22))+((%1)>=(1<<23))+((%1)>=(1<<24))+((%1)>=(1<<25))+((%1)>=(1<<26))+((%1)>=(1<<27))+((%1)>=(1<<28))+((%1)>=(1<<29))+((%1)>=(1<<30))
%endmacro
optab:
	db 'if', 0, 0, 'of', 0, 1, 'conv', 0, 2, 'iflag', 0, 3, 'oflag', 0, 4
	db 'status', 0, 5, 'bs', 0, 6, 'ibs', 0, 7, 'obs', 0, 8
	db 'count', 0, 9, 'skip', 0, 10, 'iseek', 0, 10, 'seek', 0, 11
	db 'oseek', 0, 11, 'cbs', 0, 12, 0
jumptab:
	dW op_if, op_of, op_conv, op_iflag, op_oflag, op_status, op_bs, op_ibs
	dW op_obs, op_count, op_skip, op_seek, op_cbs
convtab:
	db 'lcase', 0
	bitidx C_LCASE
	db 'ucase', 0
	bitidx C_UCASE
	db 'swab', 0
	bitidx C_SWAB
	db 'ascii', 0
	bitidx C_ASCII
	db 'ebcdic', 0
	bitidx C_EBCDIC
	db 'ibm', 0
	bitidx C_IBM
	db 'block', 0
	bitidx C_BLOCK
	db 'unblock', 0
	bitidx C_UNBLOCK
	db 'sparse', 0
	bitidx C_SPARSE
	db 'noerror', 0
	bitidx C_NOERROR
	db 'notrunc', 0
	bitidx C_NOTRUNC
	db 'sync', 0
	bitidx C_SYNC
	db 'fsync', 0
	bitidx C_FSYNC
	db 'fdatasync', 0
	bitidx C_FDATASYNC
	db 'excl', 0
	bitidx C_EXCL
	db 'nocreat', 0
	bitidx C_NOCREAT
	db 0
flagtab:
	db 'append', 0
	bitidx O_APPEND
	db 'direct', 0
	bitidx O_DIRECT
	db 'directory', 0
	bitidx O_DIRECTORY
	db 'dsync', 0
	bitidx O_DSYNC
	db 'sync', 0
	db 20                           ; __O_SYNC (the kernel adds O_DSYNC)
	db 'fullblock', 0
	bitidx F_FULL
	db 'noatime', 0
	bitidx O_NOATIME
	db 'noctty', 0
	bitidx O_NOCTTY
	db 'nofollow', 0
	bitidx O_NOFOLLOW
	db 'nonblock', 0
	bitidx O_NONBLOCK
	db 'count_bytes', 0
	bitidx F_COUNTB
	db 'skip_bytes', 0
	bitidx F_SKIPB
	db 'seek_bytes', 0
	bitidx F_SEEKB
	db 'nocache', 0
	db 31                           ; F_NOCACHE
	db 0
stattab:
	db 'none', 0
	bitidx ST_NONE
	db 'noxfer', 0
	bitidx ST_NOXFER
	db 'progress', 0
	bitidx ST_PROGRESS
	db 0
suffixes:	db 'bcwkKMGTPEZY'
suffixes_end:
		db 0x89, 0x80, 0x81, 1, 1, 2, 3, 4, 5, 6, 7, 8
s_infinity:	db 'Infinity B/s', 0
c1e9:		dd 1000000000
c1000:		dd 1000
c10:		dd 10
si_letters:	db 'kMGTPEZY'
iec_letters:	db 'KMGTPEZY'
s_empty:	db 0
s_plural:	db 's', 0
s_stdin:	db 'standard input', 0
s_stdout:	db 'standard output', 0
s_recin:	db ' records in', 10, 0
s_recout:	db ' records out', 10, 0
s_byte:		db ' byte', 0
s_bytes:	db ' bytes (', 0
s_copied:	db ' copied, ', 0

; The messages in a cold part (elf.inc's COLD): past the first two pages
; of code, mapped only by a run that prints one.
COLD
; speed_exact - speed's integer cases, as GNU's human_readable: the
; bytes times 10^9 / [dns] when that divides (to speed.float when the
; product passes 64 bits), the bytes divided by the whole seconds (to
; speed.float past 2^32 of them), "Infinity B/s" for no time at all.
speed_exact:
	push xdi
	mov esi, wbytes
	mov edi, hq
	movsd
	movsd                           ; [hq] = the bytes
	xor eax, eax
	mov [ht], eax
	mov [hr], eax
	mov ecx, [dns]
	cmp [dns+4], eax
	jne .secs
	jecxz .infinity
	mov eax, 1000000000
	cmp eax, ecx
	jb .secs
	xor edx, edx
	div ecx
	test edx, edx
	jnz .float_pop
	xchg eax, ecx                   ; ecx = 10^9 / [dns]
	mov edi, hq
	call mul_small                  ; [hq] = the bytes times it
	jc .float_pop
.integer:
	pop xdi
	mov ecx, 1000
	call human_tr
	mov ax, '/s'
	stosw
	ret
.infinity:
	pop xdi
	mov esi, s_infinity
	jmp cpy
; More than a second: exact when it is whole seconds (fewer than 2^32):
; the bytes divided by them, GNU's tenths and rounding of the rest.
.secs:
	copy64 eax, dq_tmp2, dns
	mov ebx, dq_tmp2
	mov ecx, 1000000000
	call div64
	test edx, edx
	jnz .float_pop
	cmp [dq_tmp2+4], edx
	jne .float_pop
	mov ecx, [dq_tmp2]              ; the seconds: GNU's divisor
	mov ebx, hq
	call div64                      ; [hq] = the amount, edx = the rest
	xchg eax, edx
	push 10
	pop xbx
	mul ebx                         ; r10
	div ecx
	mov [ht], eax                   ; tenths = r10 / divisor
	xor eax, eax                    ; rounding: r2 = 2 * (r10 % divisor)
	mov ebx, ecx                    ; against the divisor (compared as
	sub ebx, edx                    ; the rest against divisor - rest)
	cmp edx, ebx
	jb .below
	seta al
	add al, 2                       ; 2 + (divisor < r2)
	jmp .rounding
.below:
	test edx, edx
	setnz al                        ; 0 < r2
.rounding:
	mov [hr], eax
	jmp .integer
.float_pop:
	pop xdi
	jmp speed.float
; The errors of an operand, in the cold part. GNU's getopt walks all the
; arguments before dd reads an operand, so an option after the operand
; being read (before "--") is the error said instead (lookahead).

; bad_number: "invalid number: 'VALUE'" (eax = -errno or 0), exit 1
bad_number_big:
	push -EOVERFLOW
	pop xax
	jmp short bad_number
bad_number_plain:
	xor eax, eax
bad_number:
	call lookahead
	mov xdx, [opval]
	mov esi, s_badnum
	call err_quoted
	exit 1

; unrecognized: the operand just read is no NAME=VALUE dd knows.
unrecognized:
	call lookahead
	mov xdx, [oparg]
	mov ecx, s_unrec
	jmp usage_error

; symbols_bad - symbols' unknown NAME at xsi: cut at its comma, said with
; [symtext] and the Try line
symbols_bad:
	call lookahead
	mov xdi, xsi
.find_end:
	mov al, [xdi]
	test al, al
	jz .cut
	cmp al, ','
	je .cut
	inc xdi
	jmp .find_end
.cut:
	mov byte [xdi], 0
	mov xdx, xsi
	mov ecx, [symtext]
	jmp usage_error

; lookahead - the arguments after the operand being read ([opnext]: the
; next one's slot), unless after "--": the first option among them goes
; to getopt's message (opt_invalid, opt_unrecognized); a "--" ends them.
; preserves all but the flags when there is none
lookahead:
	cmp byte [ddash], 0
	jne .ret
	push_list xax, xbx, xsi
	mov xbx, [opnext]
.next:
	mov xsi, [xbx]
	add xbx, W
	test xsi, xsi
	jz .none
	cmp byte [xsi], '-'
	jne .next
	mov al, [xsi+1]
	test al, al
	jz .next                        ; "-"
	cmp al, '-'
	jne opt_invalid                 ; al = the letter
	mov xdx, xsi
	cmp byte [xsi+2], 0
	jne opt_unrecognized
.none:                                  ; (a "--")
	pop_list xax, xbx, xsi
.ret:
	ret
; read_noerror: conv=noerror's read error (a cold path of the copy loop),
; as GNU's dd_copy: the message (not with status=none) and the statistics,
; the exit status kept; then past the rest of the block by lseek (GNU's
; bad_portion: ibs less the bytes of the read before it when that one was
; short, [partread]; from where the failed read began: a fullblock read's
; bytes before the error, ebp, are given up; GNU's "warning: invalid file
; offset after failed read" when that goes back is left out: a fullblock
; read after a short one is past the end or the count). An input that cannot seek
; (ESPIPE) is fine; another failure is "NAME: cannot seek" once ([noadv]:
; later errors do not try again) and status 1. With conv=sync a block of
; zeros is written, unless the read before was short (GNU: that block was
; padded already; no record either way).
read_noerror:
	push xbp
	test byte [stlevel], ST_NONE    ; (status=none: not even the message)
	jnz .told
	movzx ecx, STATUSb
	push xcx
	call read_error
	pop xcx
	mov STATUSb, cl
.told:
	call print_stats
	pop xbp
	mov eax, [partread]
	cmp eax, [ibs]
	jb .part
	xor eax, eax                    ; a full block before: none
.part:
	mov [partread], eax
	neg eax
	add eax, [ibs]                  ; GNU's bad_portion
	call nc_count_in                ; GNU counts it as read (its cache
	add [nc_in + NC_OFF], eax       ; call with or without nocache)
	adc dword [nc_in + NC_OFF + 4], 0
	cmp byte [noadv], 0
	jne .passed
	sub eax, ebp                    ; from where the read began
	cdq
	mov [tq], eax
	mov [tq+4], edx
	mov A1, [in_fd]
	mov edx, tq
	mov cl, SEEK_CUR
	call dd_lseek
	jns .passed
	cmp eax, -ESPIPE
	je .passed
	inc byte [noadv]
	mov esi, fmt_noseek
	mov xdx, [in_name]
	call say
	mov STATUSb, 1
.passed:
	test byte [conv], C_SYNC
	jz .loop
	cmp dword [partread], 0
	je _start.args_done.sync_block
.loop:
	jmp _start.args_done.loop

; conv_setup: GNU's scanargs for the cold conversions: ascii implies
; unblock, ebcdic and ibm block; without cbs= no block nor unblock (but
; their reblocking into obs, GNU's C_TWOBUFS, stays); the
; combinations GNU refuses (its order: ascii/ebcdic/ibm, block/unblock,
; lcase/ucase); every conversion but sparse reblocks ([twobufs] 1; block
; and unblock read into a buffer of their own: 2); the translation table
; (ascii, then lcase/ucase, then ebcdic or ibm) in [trans].
conv_setup:
	mov eax, [conv]
	test eax, C_ASCII
	jz .ebcdic
	or eax, C_UNBLOCK
.ebcdic:
	test eax, C_EBCDIC|C_IBM
	jz .cbs
	or eax, C_BLOCK
.cbs:
	cmp dword [cbs], 0
	jne .checks
	test eax, C_BLOCK|C_UNBLOCK
	jz .checks
	and eax, ~(C_BLOCK|C_UNBLOCK)   ; (GNU's C_TWOBUFS stays: the reads
	mov byte [twobufs], 1           ; still gathered into obs blocks)
.checks:
	mov [conv], eax
	mov esi, s_anytwo
	mov edx, eax
	and edx, C_ASCII|C_EBCDIC|C_IBM
	call .two_bits
	mov esi, s_blockunblock
	mov edx, eax
	and edx, C_BLOCK|C_UNBLOCK
	call .two_bits
	mov esi, s_lcucase
	mov dl, al
	and edx, C_LCASE|C_UCASE
	call .two_bits
	test eax, C_SWAB|C_ASCII|C_EBCDIC|C_IBM|C_BLOCK|C_UNBLOCK
	jz .ret                         ; (sparse alone)
	inc byte [cold_on]
	mov byte [twobufs], 1
	or dword [sbyte], -1            ; no byte kept by swab
	mov word [nlc], 10 | (' ' << 8) ; nlc, spc
	test eax, C_BLOCK|C_UNBLOCK
	jz .xlat
	inc byte [twobufs]
	mov byte [padc], ' '
.xlat:
	test eax, C_ASCII|C_EBCDIC|C_IBM
	jz .ret
	inc byte [xlat_on]
	and byte [conv], ~(C_LCASE|C_UCASE) ; (in the table)
	mov edi, trans                  ; identity, or EBCDIC to ASCII (the
	xor ecx, ecx                    ; inverse of ASCII to EBCDIC)
.id:
	mov [xdi+xcx], cl
	inc cl
	jnz .id
	test eax, C_ASCII
	jz .case
	xor edx, edx
.inv:
	movzx ecx, byte [a2e+xdx]
	mov [xdi+xcx], dl
	inc dl
	jnz .inv
	xor ecx, ecx
.case:                                  ; then toupper or tolower
	mov dx, 'az'
	test al, C_UCASE
	jnz .letter
	mov dx, 'AZ'
	test al, C_LCASE
	jz .charset
.letter:
	mov bl, [xdi+xcx]
	cmp bl, dl
	jb .not
	cmp bl, dh
	ja .not
	xor byte [xdi+xcx], 0x20
.not:
	inc cl
	jnz .letter
.charset:                               ; then ASCII to EBCDIC or IBM
	test eax, C_EBCDIC|C_IBM
	jz .ret
	mov word [nlc], 0x25 | (0x40 << 8) ; their newline and space
	mov esi, a2e                    ; a copy of the table, patched for ibm
	mov edi, trans + 256
	mov cx, 256
	rep movsb
	test eax, C_IBM
	jz .apply
	mov esi, ibm_patch
	mov cl, (ibm_patch_end - ibm_patch) / 2
.patch:
	lodsw                           ; al = the index, ah = the value
	movzx edx, al
	mov [trans + 256 + xdx], ah
	loop .patch
.apply:
	mov esi, trans
	mov ebx, trans + 256
.map:
	lodsb
	xlatb
	mov [xsi-1], al
	cmp esi, trans + 256
	jne .map
.ret:
	ret
; .two_bits: edx with two bits or more: the message at xsi, exit 1.
.two_bits:
	lea ecx, [edx-1]
	test ecx, edx
	jz .ret
	call err_plain
	exit 1

; conv_cold: the copy loop's cold conversions of the [nread] bytes at
; [ibuf]: the table, swab (with GNU's byte carried over), then block or
; unblock into obuf (back to the loop), or the hot reblocking.
conv_cold:
	mov xsi, [ibuf]
	mov ecx, [nread]
	cmp byte [xlat_on], 0
	je .swab
	jecxz .swab
	xor eax, eax
.xlat:
	mov al, [xsi]
	mov al, [trans + xax]
	mov [xsi], al
	inc xsi
	dec ecx
	jnz .xlat
.swab:
	test byte [conv+2], C_SWAB >> 16
	jz .block
	call swab_carry
.block:
	test byte [conv+2], (C_BLOCK|C_UNBLOCK) >> 16
	jz _start.args_done.reblock
	mov xsi, [ibuf]
	mov ecx, [nread]
	call conv_out
	jmp _start.args_done.loop

; swab_carry: GNU's swab_buffer in place on the [nread] bytes at [ibuf]:
; the pairs swapped, the stream's odd byte kept in [sbyte] (-1: none)
; for the next read. With a byte kept from before, the stream starts
; with it: every odd byte takes the one before it (a byte past the
; data may be written, the buffers have room) and [nread] grows by one
; or the last byte is kept anew.
swab_carry:
	mov xsi, [ibuf]
	mov ecx, [nread]
	jecxz .ret
	mov edx, [sbyte]
	test edx, edx
	jns .carry
	shr ecx, 1                      ; CF: odd
	jnc .pairs
	dec dword [nread]
	movzx edx, byte [xsi+xcx*2]
	mov [sbyte], edx
.pairs:
	jecxz .ret
.swap:
	mov ax, [xsi]
	rol ax, 8
	mov [xsi], ax
	add xsi, 2
	dec ecx
	jnz .swap
.ret:
	ret
.carry:                                 ; dl = the byte kept
	inc ecx
	shr ecx, 1                      ; the odd offsets up to [nread]
.odd:
	mov al, [xsi+1]                 ; (xchg with memory locks the bus)
	mov [xsi+1], dl
	mov dl, al
	add xsi, 2
	dec ecx
	jnz .odd
	test byte [nread], 1
	jz .keep                        ; even: dl = the last byte, kept
	inc dword [nread]
	or edx, -1
.keep:
	mov [sbyte], edx
	ret

; conv_out: ecx bytes at xsi through block, unblock or as they are into
; obuf (out_char). clobbers: xax, xcx, xdx, xsi, xdi
conv_out:
	test byte [conv+2], C_BLOCK >> 16
	jnz copy_block
	test byte [conv+2], C_UNBLOCK >> 16
	jnz copy_unblock
	jecxz .ret
.byte:
	lodsb
	call out_char
	loop .byte
.ret:
	ret

; copy_block: GNU's copy_with_block: each line padded with spaces to
; cbs bytes (its newline dropped), longer ones cut, counted in [rtrunc]
; ([col] stops at cbs + 1).
copy_block:
	jecxz .ret
.c:
	lodsb
	cmp al, [nlc]
	jne .char
	call block_pad
	and dword [col], 0
	jmp .next
.char:
	mov edx, [col]
	cmp edx, [cbs]
	ja .next
	jb .put
	push xdi
	mov edi, rtrunc
	call inc64
	pop xdi
	jmp .inc
.put:
	call out_char
.inc:
	inc dword [col]
.next:
	dec ecx
	jnz .c
.ret:
	ret

; block_pad: spaces from [col] up to cbs.
block_pad:
	mov edx, [col]
.pad:
	cmp edx, [cbs]
	jae .ret
	mov al, [spc]
	call out_char
	inc edx
	jmp .pad
.ret:
	ret

; copy_unblock: GNU's copy_with_unblock: a newline after each cbs bytes,
; the spaces before it dropped ([pend] spaces held back).
copy_unblock:
	jecxz .ret
.c:
	mov edx, [col]
	inc dword [col]
	cmp edx, [cbs]
	jb .char
	and dword [col], 0
	and dword [pend], 0
	mov al, [nlc]
	call out_char
	jmp .c                          ; the same byte again
.char:
	lodsb
	cmp al, [spc]
	jne .other
	inc dword [pend]
	jmp .next
.other:
	push xax
.spaces:
	cmp dword [pend], 0
	je .put
	mov al, [spc]
	call out_char
	dec dword [pend]
	jmp .spaces
.put:
	pop xax
	call out_char
.next:
	dec ecx
	jnz .c
.ret:
	ret

; out_char: GNU's output_char: al to obuf, which is written (obs bytes)
; when full; a failed write: "writing to 'NAME'" and quit.
; clobbers: xax, xdi
out_char:
	mov edi, [opos]
	add xdi, [obuf]
	stosb
	inc dword [opos]
	mov eax, [obs]
	cmp [opos], eax
	jb .ret
	push xcx
	push xdx
	push xsi
	mov dword [wmsg], s_writingto
	call flush_obuf
	js _start.args_done.quit
	and dword [opos], 0
	pop xsi
	pop xdx
	pop xcx
.ret:
	ret

; eof_cold: at the end of the input: swab's kept byte (through block or
; unblock), block's padding of a last line, unblock's last newline.
eof_cold:
	mov eax, [sbyte]
	test eax, eax
	js .block
	mov [tq], al
	mov esi, tq
	xor ecx, ecx
	inc ecx
	call conv_out
.block:
	cmp dword [col], 0
	je .ret
	test byte [conv+2], C_BLOCK >> 16
	jz .unblock
	call block_pad
.unblock:
	test byte [conv+2], C_UNBLOCK >> 16
	jz .ret
	mov al, [nlc]
	call out_char
.ret:
	ret

; sparse_try: write_out's write of a block all NULs (the whole block,
; as GNU's iwrite) is an lseek past it; a failed lseek turns sparse off.
; [lastseek] says whether the last write was a seek.
sparse_try:
	mov byte [lastseek], 0
	cmp dword [wdone], 0
	jne .write
	mov xdi, [wptr]
	mov ecx, [wleft]
	xor eax, eax
	repe scasb
	jne .write
	mov eax, [wleft]
	mov [tq], eax
	and dword [tq+4], 0
	mov A1, [out_fd]
	mov edx, tq
	mov cl, SEEK_CUR
	call dd_lseek
	js .off
	inc byte [lastseek]
	mov eax, [wleft]
	jmp write_out.some
.off:
	and byte [conv+2], ~(C_SPARSE >> 16)
.write:
	mov A3d, [wleft]
	jmp write_out.write

; sparse_end: the last write was a seek: a regular file shorter than the
; offset is extended by ftruncate ("failed to truncate to N bytes in
; output file 'NAME'", status 1, as GNU; EINTR retried after a SIGUSR1's
; statistics, as its ifstat and iftruncate).
sparse_end:
	sysi fstat64, [out_fd], qbuf
	mov esi, s_fstat
	test eax, eax
	jnz .fail
	mov ax, [qbuf + ST64_MODE]
	and ah, S_IFMT >> 8
	cmp ah, S_IFREG >> 8
	jne .done
	xor eax, eax
	mov [tq], eax
	mov [tq+4], eax
	mov A1, [out_fd]
	mov edx, tq
	mov cl, SEEK_CUR
	call dd_lseek
	js .done
	mov eax, [qbuf + ST64_SIZE]
	mov edx, [qbuf + ST64_SIZE + 4]
	sub eax, [tq]
	sbb edx, [tq+4]
	jnc .done
	mov A1, [out_fd]
	mov edx, tq
	call ftruncate64
	test eax, eax
	jns .done
	cmp eax, -EINTR
	jne .failed
	call check_sig
	jmp sparse_end
.failed:
	call trunc_text
.fail:
	mov xdx, [out_name]
	call err_af
	mov STATUSb, 1
.done:
	jmp _start.args_done.final

; trunc_line: print_stats' "N truncated record(s)" line at xdi.
trunc_line:
	mov esi, rtrunc
	call dec_out
	mov esi, s_truncrec
	call cpy
	mov eax, [rtrunc]
	dec eax
	or eax, [rtrunc+4]
	jz .one
	mov al, 's'
	stosb
.one:
	mov al, 10
	stosb
	jmp print_stats.xfer

op_cbs:
	mov edi, cbs
	jmp op_size

s_anytwo:	db 'cannot combine any two of {ascii,ebcdic,ibm}', 0
s_blockunblock:	db 'cannot combine block and unblock', 0
s_fstat:	db 'cannot fstat ', 0
s_truncrec:	db ' truncated record', 0
ibm_patch:	db 94, 95, 126, 161, 203, 154, 213, 173, 229, 189
ibm_patch_end:
a2e:					; GNU dd.c's ascii_to_ebcdic
	db 0x00, 0x01, 0x02, 0x03, 0x37, 0x2d, 0x2e, 0x2f, 0x16, 0x05, 0x25, 0x0b, 0x0c, 0x0d, 0x0e, 0x0f
	db 0x10, 0x11, 0x12, 0x13, 0x3c, 0x3d, 0x32, 0x26, 0x18, 0x19, 0x3f, 0x27, 0x1c, 0x1d, 0x1e, 0x1f
	db 0x40, 0x5a, 0x7f, 0x7b, 0x5b, 0x6c, 0x50, 0x7d, 0x4d, 0x5d, 0x5c, 0x4e, 0x6b, 0x60, 0x4b, 0x61
	db 0xf0, 0xf1, 0xf2, 0xf3, 0xf4, 0xf5, 0xf6, 0xf7, 0xf8, 0xf9, 0x7a, 0x5e, 0x4c, 0x7e, 0x6e, 0x6f
	db 0x7c, 0xc1, 0xc2, 0xc3, 0xc4, 0xc5, 0xc6, 0xc7, 0xc8, 0xc9, 0xd1, 0xd2, 0xd3, 0xd4, 0xd5, 0xd6
	db 0xd7, 0xd8, 0xd9, 0xe2, 0xe3, 0xe4, 0xe5, 0xe6, 0xe7, 0xe8, 0xe9, 0xad, 0xe0, 0xbd, 0x9a, 0x6d
	db 0x79, 0x81, 0x82, 0x83, 0x84, 0x85, 0x86, 0x87, 0x88, 0x89, 0x91, 0x92, 0x93, 0x94, 0x95, 0x96
	db 0x97, 0x98, 0x99, 0xa2, 0xa3, 0xa4, 0xa5, 0xa6, 0xa7, 0xa8, 0xa9, 0xc0, 0x4f, 0xd0, 0x5f, 0x07
	db 0x20, 0x21, 0x22, 0x23, 0x24, 0x15, 0x06, 0x17, 0x28, 0x29, 0x2a, 0x2b, 0x2c, 0x09, 0x0a, 0x1b
	db 0x30, 0x31, 0x1a, 0x33, 0x34, 0x35, 0x36, 0x08, 0x38, 0x39, 0x3a, 0x3b, 0x04, 0x14, 0x3e, 0xe1
	db 0x41, 0x42, 0x43, 0x44, 0x45, 0x46, 0x47, 0x48, 0x49, 0x51, 0x52, 0x53, 0x54, 0x55, 0x56, 0x57
	db 0x58, 0x59, 0x62, 0x63, 0x64, 0x65, 0x66, 0x67, 0x68, 0x69, 0x70, 0x71, 0x72, 0x73, 0x74, 0x75
	db 0x76, 0x77, 0x78, 0x80, 0x8a, 0x8b, 0x8c, 0x8d, 0x8e, 0x8f, 0x90, 0x6a, 0x9b, 0x9c, 0x9d, 0x9e
	db 0x9f, 0xa0, 0xaa, 0xab, 0xac, 0x4a, 0xae, 0xaf, 0xb0, 0xb1, 0xb2, 0xb3, 0xb4, 0xb5, 0xb6, 0xb7
	db 0xb8, 0xb9, 0xba, 0xbb, 0xbc, 0xa1, 0xbe, 0xbf, 0xca, 0xcb, 0xcc, 0xcd, 0xce, 0xcf, 0xda, 0xdb
	db 0xdc, 0xdd, 0xde, 0xdf, 0xea, 0xeb, 0xec, 0xed, 0xee, 0xef, 0xfa, 0xfb, 0xfc, 0xfd, 0xfe, 0xff

; trunc_failed: trunc_out's failure (xax = -errno): EINTR retried after
; a SIGUSR1's statistics (GNU's iftruncate), else reported for a regular
; file, the exit status left to the copy.
trunc_failed:
	cmp eax, -EINTR
	jne .failed
	call check_sig
	jmp trunc_out
.failed:
	push xax
	sysi fstat64, A1, qbuf
	mov ax, [qbuf + ST64_MODE]      ; (a failed fstat: not a regular file)
	and ah, S_IFMT >> 8
	cmp ah, S_IFREG >> 8
	jne .pop
	call trunc_text                 ; "failed to truncate to N bytes in
	pop xax                         ; output file "
	mov xdx, [out_name]
	call err_af
	set_status 0, eax
	ret
.pop:
	pop xax
	ret

; nocache_setup: iflag=/oflag=nocache given: "cannot combine direct and
; nocache" (GNU's scanargs, after the conv= checks), else [nocache] set.
nocache_setup:
	mov esi, s_directnocache
	mov eax, [iflags]
	call .both
	mov eax, [oflags]
	call .both
	inc byte [nocache]
	ret
.both:
	and eax, O_DIRECT | F_NOCACHE
	cmp eax, O_DIRECT | F_NOCACHE
	jne .ret
	call err_plain
	exit 1
.ret:
	ret

; The page cache under iflag=/oflag=nocache, as GNU's invalidate_cache:
; the bytes read and written are counted per file, and each time 128 KiB
; more (IO_BUFSIZE) are done, that range is dropped (posix_fadvise's
; POSIX_FADV_DONTNEED); after the copy the bytes still pending, or, at
; the end of the input (and of an output the copy truncates), everything
; from their last page to the file's end. A record per file: NC_PEND the
; bytes counted and not yet dropped (GNU's i_pending, o_pending), NC_EOF
; (i_nocache_eof, o_nocache_eof), NC_LEN this call's len, NC_CUR the
; file's offset (lseek); the input's NC_OFF the bytes read since skip=;
; the output's NC_ST: 0 no offset yet, 1 NC_OFF is GNU's output_offset, 2
; its lseek failed (NC_OFF holds -errno).
NC_PEND     equ 0
NC_EOF      equ 4
NC_ST       equ 5
NC_OFF      equ 8
NC_LEN      equ 16
NC_CUR      equ 20
NC_SIZE     equ 28
IO_BUFSIZE  equ 128 * 1024

; nc_read: the main loop's read gave eax (iflag=/oflag=nocache, or
; oflag=direct turned off): bytes are counted (iflag=nocache); the end sets
; both records' NC_EOF (the output's unless conv=notrunc), as GNU's
; dd_copy (they count only where GNU's i_nocache/o_nocache would make the
; last call). preserves: everything
nc_read:
	test eax, eax
	js .ret
	jnz .bytes
	mov byte [nc_in + NC_EOF], 1
	test byte [conv], C_NOTRUNC
	jnz .ret
	mov byte [nc_out + NC_EOF], 1
.ret:
	ret
.bytes:
	add [nc_in + NC_OFF], eax       ; the input's bytes read
	adc dword [nc_in + NC_OFF + 4], 0
	test byte [iflags+3], F_NOCACHE >> 24
	jz .ret
	jmp nc_count_in

; nc_write: write_out wrote [wdone] bytes (oflag=nocache: counted, as
; GNU's iwrite does with total_written). preserves: everything
nc_write:
	test byte [oflags+3], F_NOCACHE >> 24
	jz nc_read.ret
	push xax
	mov eax, [wdone]
	test eax, eax
	jz .none
	call nc_count_out
.none:
	pop xax
	ret

; nc_count_in, nc_count_out: nc_inval for eax bytes of the input's or the
; output's record (nc_count: [xsp] = the caller's xbp, xbp = the record).
; preserves: xax, xcx, xbx, xbp (the copy's registers)
nc_count_in:
	push xbp
	mov ebp, nc_in
	jmp nc_count
nc_count_out:
	push xbp
	mov ebp, nc_out
nc_count:
	push xax
	push xcx
	push xbx
	mov A1, [in_fd]
	cmp ebp, nc_out
	jne .fd
	mov A1, [out_fd]
.fd:
	call nc_inval
	pop xbx
	pop xcx
	pop xax
	pop xbp
	ret

; nc_inval: GNU's invalidate_cache (fd, len).
; in:  A1 = the fd, xbp = its record, eax = len (0: the last call)
; out: xax = 0, or -errno (SF = 1) when the file's offset is unknown (an
;      input that cannot seek, an output whose lseek failed: GNU's false)
; clobbers: everything but A1 and xbp
nc_inval:
	mov [xbp+NC_LEN], eax
	mov ecx, [xbp+NC_PEND]
	xor edx, edx                    ; GNU's pending (0 on the last call)
	test eax, eax
	jz .last
	add ecx, eax                    ; GNU's c_pending (len < 2^31)
	mov edx, ecx
	and edx, IO_BUFSIZE - 1
	mov [xbp+NC_PEND], edx          ; what stays pending
	sub ecx, edx                    ; clen: rounded down to 128 KiB
	jnz .offset
.ok:
	xor eax, eax
	ret
.last:
	test ecx, ecx
	jnz .offset
	cmp [xbp+NC_EOF], dl            ; nothing pending, not at the end:
	je .ok                          ; no call
.offset:
	add edx, ecx                    ; clen + pending: the bytes before
	push xcx
	call nc_offset                  ; [tq] = the offset, or SF = 1
	pop xcx
	js .ret
	sub [tq], edx
	sbb dword [tq+4], 0
	cmp dword [xbp+NC_LEN], 0       ; the last call at the end: the
	jne .len                        ; pending bytes and all after them
	cmp byte [xbp+NC_EOF], 0
	je .len
	xor ecx, ecx
.len:
	test ecx, ecx
	jnz .advise
	cmp byte [tq+7], 0              ; to the end: from a whole page (C's
	jl .up                          ; %: toward 0, as /dev/null's offsets
	and dword [tq], -4096           ; below 0)
	jmp .advise
.up:
	mov eax, [tq]
	neg eax
	and eax, 4095
	add [tq], eax
	adc dword [tq+4], 0
.advise:
	mov edx, tq
	call dd_fadvise
	xor eax, eax
.ret:
	ret

; nc_offset: [tq] = the offset GNU's invalidate_cache starts from. The
; input's: the file's offset, but no less than skip= and the bytes read
; since (GNU's input_offset counts them: /dev/zero's lseek stays at 0),
; and on the last call no further than a regular file's size (GNU's after
; a skip= past the end). The output's: the file's offset at the first
; call, then moved by each call's clen + pending (GNU's output_offset,
; which counts the pending bytes again).
; in: A1, xbp as nc_inval, edx = clen + pending
; out: SF = 1 and xax = -errno, or SF = 0. preserves edx, A1, xbp
nc_offset:
	push xdx
	cmp ebp, nc_out
	je .out
	push A1
	call skip_args
	call to_bytes                   ; [tq] = skip= in bytes
	pop A1
	mov eax, [xbp+NC_OFF]           ; + the bytes read
	add [tq], eax
	mov eax, [xbp+NC_OFF+4]
	adc [tq+4], eax
	lea edx, [xbp+NC_CUR]
	call .lseek
	js .ret
	mov eax, [xbp+NC_CUR]
	mov edx, [xbp+NC_CUR+4]
	call .below
	jc .read                        ; the file's offset is below
	call .set
.read:
	cmp dword [xbp+NC_LEN], 0
	jne .ok
	sys fstat64, A1, qbuf
	test eax, eax
	jnz .ok
	mov ax, [qbuf + ST64_MODE]
	and ah, S_IFMT >> 8
	cmp ah, S_IFREG >> 8
	jne .ok
	mov eax, [qbuf + ST64_SIZE]
	mov edx, [qbuf + ST64_SIZE + 4]
	call .below
	jnc .ok                         ; size >= the offset
	call .set
.ok:
	xor eax, eax
.ret:
	pop xdx
	ret
.out:
	mov al, [xbp+NC_ST]
	cmp al, 1
	je .known
	ja .failed
	lea edx, [xbp+NC_OFF]
	call .lseek
	js .fail
	inc byte [xbp+NC_ST]
	jmp .copy
.fail:
	mov [xbp+NC_OFF], eax
	mov byte [xbp+NC_ST], 2
.failed:
	mov eax, [xbp+NC_OFF]
	test eax, eax
	jmp .ret
.known:
	cmp dword [xbp+NC_LEN], 0
	je .copy
	mov ecx, [xsp]                  ; + clen + pending
	add [xbp+NC_OFF], ecx
	adc dword [xbp+NC_OFF+4], 0
.copy:
	mov eax, [xbp+NC_OFF]
	mov edx, [xbp+NC_OFF+4]
	call .set
	jmp .ok
; .lseek: the qword at xdx = the fd's offset (SEEK_CUR), or SF = 1
.lseek:
	xor eax, eax
	mov [xdx], eax
	mov [xdx+4], eax
	mov cl, SEEK_CUR
	jmp dd_lseek
; .below: CF = 1 when edx:eax < [tq]. clobbers ecx
.below:
	cmp eax, [tq]
	mov ecx, edx
	sbb ecx, [tq+4]
	ret
; .set: [tq] = edx:eax
.set:
	mov [tq], eax
	mov [tq+4], edx
	ret

; direct_off: write_out's block shorter than obs with oflag=direct: GNU's
; iwrite turns O_DIRECT off for good ("failed to turn off O_DIRECT" when it
; cannot) and asks for conv=fsync, then sets o_nocache_eof and drops the
; output's cache from its offset on (invalidate_cache (STDOUT_FILENO, 0)),
; once more after the copy (nocache_end).
direct_off:
	or byte [conv], C_FSYNC
	mov A1, [out_fd]
	sys fcntl, A1, F_GETFL
	and eax, ~O_DIRECT
	sys fcntl, A1, F_SETFL, xax
	test eax, eax
	jns .cache
	test byte [stlevel], ST_NONE
	jnz .cache
	mov esi, fmt_direct
	mov xdx, [out_name]
	call say
.cache:
	mov byte [nc_out + NC_EOF], 1
	inc byte [nocache]              ; nocache_end after the copy
	xor eax, eax
	call nc_count_out
	jmp write_out.more

; nocache_end: after the copy and the syncs (not after quit()), GNU's
; last invalidate_cache calls: the input's with iflag=nocache, the
; output's with oflag=nocache or after direct_off. With count=0 (GNU's
; special case: both at their end) an input that cannot seek is "failed
; to discard cache for: NAME: Illegal seek", an output whose lseek fails
; the same with its error; status 1.
nocache_end:
	cmp byte [quitting], 0
	jne .done
	mov ecx, [lim]
	or ecx, [lim+4]
	jnz .in
	mov word [nc_in + NC_EOF], 0x101 ; its NC_ST: count=0
	mov byte [nc_out + NC_EOF], 1
.in:
	test byte [iflags+3], F_NOCACHE >> 24
	jz .out
	mov A1, [in_fd]
	mov xdx, [in_name]
	mov ebp, nc_in
	call .drop
.out:
	test byte [oflags+3], F_NOCACHE >> 24
	jnz .drop_out
	cmp byte [nc_out + NC_ST], 0    ; direct_off made a call
	je .done
.drop_out:
	mov A1, [out_fd]
	mov xdx, [out_name]
	mov ebp, nc_out
	call .drop
.done:
	jmp _start.args_done.stats
; .drop: the last call for A1, xbp, xdx = the name; with count=0 a
; failure is told
.drop:
	push xdx
	xor eax, eax
	call nc_inval
	pop xdx
	jns .ret
	cmp byte [nc_in + NC_ST], 0
	je .ret
	mov esi, fmt_nocache
	call say
	mov STATUSb, 1
.ret:
	ret

s_directnocache: db 'cannot combine direct and nocache', 0
fmt_nocache:	db F_ARGV0, ': failed to discard cache for: ', F_FILE, F_REASON, 10, 0

; trunc_text: sbuf = "failed to truncate to [tq] bytes in output file ",
; esi = sbuf. preserves xax
; checked_bytes: to_bytes (same arguments), CF=1 when the offset is past
; off_t (2^63-1: GNU's INT_MULTIPLY_WRAPV on intmax_t)
checked_bytes:
	call to_bytes
	jc .ret
	cmp byte [tq+7], 0x80
	cmc
.ret:
	ret

; seekable_end: GNU skip()'s test after a seek it could not make: lseek
; (A1, 0, SEEK_END). SF=0 when it worked; keeps xax (an errno), A1
seekable_end:
	push xax
	and dword [tq], 0
	and dword [tq+4], 0
	mov edx, tq
	mov cl, SEEK_END
	call dd_lseek
	pop xax
	ret

; skip_big, seek_big: skip= or seek= of 2^32 blocks or more: an offset
; past off_t is not tried (EOVERFLOW), else back to the lseek.
; skip_failed: an offset past off_t, or an lseek that failed (eax =
; -errno): when the input can seek to its end, GNU's skip() gives up
; there: "NAME: cannot skip: REASON", the stats, status 1; else the
; records are read. For the output (seek_big): past off_t, "cannot seek"
; with EOVERFLOW where it can seek to its end, else no reason (GNU's
; errno 0), as any failed seek there.
skip_big:
	call skip_args
	call checked_bytes
	mov A1, [in_fd]                 ; (x86_64: to_bytes used edi)
	jnc _start.args_done.skip_try
	mov eax, -EOVERFLOW
skip_failed:
	call seekable_end
	js skip_read
	mov esi, fmt_cantskip
	mov xdx, [in_name]
	call say
	mov STATUSb, 1
	jmp _start.args_done.quit
; skip_read: the input cannot seek: the records read (each read, short or
; not, is one) into a buffer of ibs bytes (GNU's alloc_ibuf); GNU warns
; unless the reads gave exactly the bytes asked for ([skipleft]).
; skip_short: the end came first: the warning.
skip_read:
	mov eax, [ibs]
	call buf_alloc
	mov [ibuf], eax
	call skip_args
	call to_bytes
	copy64 eax, skipleft, tq
	call skip_args
	call split                      ; [tq] records, [rest] bytes
.sread:
	mov ecx, [ibs]
	call next_piece
	jz .sdone
	mov [rsize], eax
	call read_in
	test eax, eax
	js .read_error_quit
	jz skip_short
	sub [skipleft], eax
	sbb dword [skipleft+4], 0
	jmp .sread
.read_error_quit:
	call read_error
	test byte [conv], C_NOERROR
	jz _start.args_done.stats
	call print_stats
	jmp _start.args_done.stats
.sdone:
	mov eax, [skipleft]
	or eax, [skipleft+4]
	jz _start.args_done.seek
skip_short:
	test byte [stlevel], ST_NONE    ; the end came first: a warning
	jnz _start.args_done.seek       ; (not with status=none)
	mov esi, fmt_noskip
	mov xdx, [in_name]
	call say
	jmp _start.args_done.seek

seek_big:
	call seek_args
	call checked_bytes
	mov A1, [out_fd]
	jnc _start.args_done.seek_try
	xor eax, eax                    ; (GNU's errno 0)
; seek_read: the output's lseek failed (xax = -errno, 0 for an offset past
; off_t), GNU 9.1's skip() on it: an output that can seek to its end
; gives up ("cannot seek", the lseek's reason or EOVERFLOW); else the
; records (obs bytes, the last one of [rest] bytes with seek_bytes) are
; read from it, as from the input (a FIFO or a terminal is open O_RDWR),
; into a buffer of obs bytes (GNU's alloc_obuf); a read that fails is
; "cannot seek" with the lseek's reason; the records the end of the
; output left are written as zeros (not counted in the statistics: GNU's
; iwrite), a failure there "writing to 'NAME'", each followed by quit().
seek_read:
	call seekable_end
	js .read
	test eax, eax
	jnz .failed
	mov eax, -EOVERFLOW
.failed:
	jmp _start.args_done.seek_failed
.read:
	push xax
	mov eax, [obs]
	call buf_alloc
	mov [ibuf], eax
	call seek_args
	call split                      ; [tq] records, [rest] bytes
.next:
	mov ecx, [obs]
	call next_piece
	jz .done
	mov [rsize], eax
	call .swap                      ; read_in reads the output
	call read_in
	call .swap
	test eax, eax
	jz .end
	jns .next
	pop xax
	jmp .failed
.end:                                   ; the piece unread back: zeros
	mov eax, [rsize]
	cmp eax, [obs]
	je .record
	mov [rest], eax
	jmp .zero
.record:
	add dword [tq], 1
	adc dword [tq+4], 0
.zero:
	mov edi, [ibuf]
	mov ecx, [obs]
	xor eax, eax
	rep stosb
.zeros:
	mov ecx, [obs]
	call next_piece
	jz .done
	xchg eax, ecx
	mov xsi, [ibuf]
	call write_out
	mov ecx, [wdone]                ; (GNU's iwrite: not in w_bytes)
	sub [wbytes], ecx
	sbb dword [wbytes+4], 0
	test eax, eax
	jns .zeros
	pop xcx
	mov esi, s_writingto
	mov xdx, [out_name]
	call err_af
	jmp _start.args_done.quit
.done:
	pop xax
	jmp _start.args_done.limit
.swap:                                  ; (keeps eax)
	mov ecx, [in_fd]
	xchg ecx, [out_fd]
	mov [in_fd], ecx
	ret

; on_int: SIGINT's handler. interrupted: GNU's process_signals after it:
; cleanup() without the sync (the files closed: a failure is "closing
; input file 'NAME'" and exit 1), the statistics, and the signal raised
; again (SA_RESETHAND made it the default: dd ends by it).
on_int:
	or byte [sigflag], 0x80
	ret
interrupted:
	mov A1, [in_fd]
	call iclose
	mov esi, s_closingin
	mov xdx, [in_name]
	jnz _start.args_done.close_failed
	mov A1, [out_fd]
	call iclose
	mov esi, s_closing
	mov xdx, [out_name]
	jnz _start.args_done.close_failed
	call print_stats
	sys getpid
	sys kill, xax, SIGINT
	exit 1

; heap_alloc: eax bytes at the brk heap's page-aligned start (each call
; from the same start: a later buffer takes an earlier one's place).
; out: eax = the start; "memory exhausted" and exit 1 when brk refuses.
; clobbers: xcx, xdx (r11)
heap_alloc:
	push xax
	mov eax, [heap]
	test eax, eax
	jnz .have
	sys brk, 0
	add eax, 4095
	and eax, -4096
	mov [heap], eax
.have:
	pop xcx
	add eax, ecx
	jc nomem
	push xax
	sys brk, xax
	pop xcx
	cmp eax, ecx
	jne nomem
	mov eax, [heap]
	ret
nomem:
	mov esi, s_nomem
	mov al, [bufwhy]
	dec al
	js .say                         ; 0: GNU's plain "memory exhausted"
	jz .buffer                      ; 1: the input buffer, 2: the output's
	dec byte [bufwhy]               ; 2 (the copy's buffers, one heap_alloc
	mov eax, [ibs]                  ; here): GNU allocates the input
	inc eax                         ; buffer first (swab's byte too): ibs
	call heap_alloc                 ; bytes alone failing is its message
	mov al, 1                       ; (nomem again), else the output's
.buffer:                                ; "memory exhausted by input buffer
	mov edi, sbuf                   ; of size N bytes (H)", as GNU's
	call cpy                        ; alloc_ibuf and alloc_obuf (al = 0:
	mov esi, s_byin                 ; the input's)
	mov ebx, ibs
	test al, al
	jz .which
	mov esi, s_byout
	mov ebx, obs
.which:
	call cpy
	mov esi, s_bufsize
	call cpy
	mov eax, [xbx]
	mov [wbytes], eax               ; (no statistics after this message)
	and dword [wbytes+4], 0
	mov esi, wbytes
	call dec_out
	mov esi, s_bytes
	call cpy
	mov ecx, 1024
	call human
	mov ax, ')'
	stosw
	mov esi, sbuf
.say:
	call err_plain
	exit 1

; buf_heap - heap_alloc for the copy's buffers: nomem's GNU message then
; tells which of GNU's two buffers could not be had.
buf_heap:
	mov byte [bufwhy], 2
	jmp heap_alloc

; seek_check: unless notrunc, a seek= whose offset (seek * obs) is past
; off_t: GNU's "offset too large: cannot truncate to a length of seek=N
; (M-byte) blocks" before the output is opened, exit 1
seek_check:
	test byte [conv], C_NOTRUNC
	jnz .ret
	call seek_args
	call checked_bytes
	jnc .ret
	mov edi, sbuf
	mov esi, s_offset
	call cpy
	mov esi, seek
	call dec_out
	mov esi, s_offset2
	call cpy
	mov eax, [obs]
	mov [tq], eax
	and dword [tq+4], 0
	mov esi, tq
	call dec_out
	mov esi, s_offset3
	call cpy
	mov byte [xdi], 0
	mov esi, sbuf
	call err_plain
	exit 1
.ret:
	ret

trunc_text:
	push xax
	mov edi, sbuf
	mov esi, s_trunc
	call cpy
	mov esi, tq
	call dec_out
	mov esi, s_trunc2
	call cpy
	mov byte [xdi], 0
	mov esi, sbuf
	pop xax
	ret

s_unrec:	db 'unrecognized operand ', 0
s_badnum:	db 'invalid number: ', 0
s_badconv:	db 'invalid conversion: ', 0
s_badiflag:	db 'invalid input flag: ', 0
s_badoflag:	db 'invalid output flag: ', 0
s_badstatus:	db 'invalid status level: ', 0
s_fullblock:	db 'fullblock', 0
s_lcucase:	db 'cannot combine lcase and ucase', 0
s_exclnocreat:	db 'cannot combine excl and nocreat', 0
s_nomem:	db 'memory exhausted', 0
s_byin:		db ' by input', 0
s_byout:	db ' by output', 0
s_bufsize:	db ' buffer of size ', 0
s_failopen:	db 'failed to open ', 0
s_setflags:	db 'setting flags for ', 0
s_trunc:	db 'failed to truncate to ', 0
s_offset:	db 'offset too large: cannot truncate to a length of seek=', 0
s_offset2:	db ' (', 0
s_offset3:	db '-byte) blocks', 0
s_trunc2:	db ' bytes in output file ', 0
s_errread:	db 'error reading ', 0
s_errwrite:	db 'error writing ', 0
s_writingto:	db 'writing to ', 0
s_fsync:	db 'fsync failed for ', 0
s_fdatasync:	db 'fdatasync failed for ', 0
s_closing:	db 'closing output file ', 0
s_closingin:	db 'closing input file ', 0
fmt_usage:	db F_ARGV0, ': ', F_TEXT, F_QUOTE, 10, F_TRY, 0
fmt_zerox:	db F_ARGV0, ": warning: '0x' is a zero multiplier; use '00x' if that is intended", 10, 0
fmt_append:	db F_ARGV0, ': you probably want conv=notrunc with oflag=append', 10, 0
fmt_partial:	db F_ARGV0, ': warning: partial read (', F_ARG, ' byte', F_TEXT, '); suggest iflag=fullblock', 10, 0
fmt_noskip:	db F_ARGV0, ': ', F_FILE, ': cannot skip to specified offset', 10, 0
fmt_direct:	db F_ARGV0, ': failed to turn off O_DIRECT: ', F_FILE, F_REASON, 10, 0
fmt_noseek:	db F_ARGV0, ': ', F_FILE, ': cannot seek', F_REASON, 10, 0
fmt_cantskip:	db F_ARGV0, ': ', F_FILE, ': cannot skip', F_REASON, 10, 0

BSS
; The variables, the statistics' text and the start of iobuf in one page
; (i386's argv0 and status with them): a trivial run writes only it, a
; read of up to IOROOM bytes too.
IOBUFSZ		equ 1024 * 1024
IOROOM		equ 2048
	BSS_ROOM VARSZ + 8 + 64 + IOROOM
	GLOBALS_HERE
vars:
ibs:		resd 1
obs:		resd 1
bs:		resd 1
conv:		resd 1
iflags:		resd 1
oflags:		resd 1
stlevel:	resd 1
symtext:	resd 1
in_fd:		resW 1
out_fd:		resW 1
in_name:	resW 1
out_name:	resW 1
oparg:		resW 1
opnext:		resW 1
opval:		resW 1
numstr:		resW 1
ibuf:		resW 1
heap:		resd 1
obuf:		resW 1
wptr:		resW 1
opos:		resd 1
wleft:		resd 1
wmsg:		resd 1
wdone:		resd 1
rsize:		resd 1
nread:		resd 1
lastsz:		resd 1
rest:		resd 1
prevn:		resd 1
partread:	resd 1
plen:		resd 1
rep_w:		resq 1                  ; the bytes the last progress line said
preported:	resb 1                  ; a progress line was written
pnext:		resd 1
ht:		resd 1
hr:		resd 1
count:		resq 1
skip:		resq 1
seek:		resq 1
num:		resq 1
tq:		resq 1
lim:		resq 1
in_full:	resq 1
in_part:	resq 1
out_full:	resq 1
out_part:	resq 1
wbytes:		resq 1
dns:		resq 1
hq:		resq 1
dq_tmp:		resq 1
dq_tmp2:	resq 1
skipleft:	resq 1
t0:		resq 2
t1:		resq 2
act:		resb 4*W + 8
count_given:	resb 1
noadv:		resb 1
quitting:	resb 1
bflags:		resb 1
of_given:	resb 1
ddash:		resb 1
warnp:		resb 1
pmode:		resb 1
twobufs:	resb 1
bufwhy:		resb 1                  ; nomem: 1 the input buffer, 2 which
inplace:	resb 1
cold_on:	resb 1
xlat_on:	resb 1
lastseek:	resb 1
nocache:	resb 1
nc_in:		resb NC_SIZE
nc_out:		resb NC_SIZE
padc:		resb 1
nlc:		resb 1
spc:		resb 1
cbs:		resd 1
col:		resd 1
pend:		resd 1
sbyte:		resd 1
rtrunc:		resq 1
sigflag:	resb 1
hpoint:		resb 1
gbuf:		resb 32
sbuf:		resb 512
VARSZ		equ $ - vars
	resb (64 - _BSS_PAGEOFF % 64) % 64
iobuf:		resb IOBUFSZ
QBUFSZ		equ 4 * 131072 + 512
qbuf:		resb QBUFSZ
trans:		resb 256
TEXT

program_end
