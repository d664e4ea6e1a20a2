; cksum - the POSIX CRC and the byte count of each FILE.
;
; Usage: cksum [-z] [--tag] [--untagged] [-a crc|bsd|sysv] [-l 0] [--debug]
;              [FILE]...
;   -z, --zero           end each line with a NUL byte, not a newline
;   --tag, --untagged    accepted: these have one format either way
;   -a crc, --algorithm=crc   the default
;   -a bsd, -a sysv      sum -r's and sum -s's lines (rt/sum_file.inc, in
;                        the cold part): "%05d %5s" or "%d %s", the
;                        checksum and the blocks, then the name as the
;                        CRC's; a read error is told as GNU's ("cksum:
;                        NAME: Reason", no line, status 1)
;   --debug              say once (before the first file read) whether the
;                        PCLMULQDQ loop is used, in GNU's words
; Each line is "CRC SIZE NAME" (no NAME when there is no FILE operand); "-"
; and no FILE mean standard input. The CRC is POSIX's: CRC-32 (polynomial
; 0x04C11DB7, most significant bit first) over the bytes and then the
; length, least significant byte first, in as few bytes as it takes
; (64-bit, on both arches), inverted. The name is printed as given.
; Exit status: 0; 1 when a FILE cannot be opened (the others are still
; done), when standard input was read and cannot be closed, on a write
; error (GNU's "write error", said once at the end, with the reason when
; -z left a line pending in GNU's line-buffered stdout), and for the
; options below.
; As GNU 9.1, a read error (a directory, a closed stdin) ends the input
; without a word: its CRC and size so far are printed.
; Difference: with -z and over 4 KiB of output to a failing stdout, GNU
; drops a line's final NUL when its 4 KiB buffer fills exactly before it,
; and then says no reason for the write error (we do).
; -l N: GNU's parse and refusals for the CRC ("invalid length: 'N'",
; "length is not a multiple of 8", "--length is only supported with
; --algorithm=blake2b"); -l 0 is the default. -c with -a crc, bsd or
; sysv: GNU's "--check is not supported with --algorithm={bsd,sysv,crc}"; -c -z:
; GNU's refusal of --zero. -a with a name GNU does not know: GNU's
; "invalid argument" with its list of names.
; Not supported (GNU accepts them): -a with another of GNU's algorithms
; (md5 sha1 sha224 sha256 sha384 sha512 blake2b sm3; the last -a
; counts), and -c without -a (GNU checks the lines by the
; algorithms they name): "cksum: option not supported: -a" (or -c) and
; exit 1. Without -c, GNU's refusal of --ignore-missing, --status,
; -w/--warn, --quiet (the last of these three counts) and --strict ("the
; --warn option is meaningful only when verifying checksums"), and of -b
; and -t (the Try line alone). --help and --version get GNU's
; "unrecognized option" (see README).
;
; Speed: reads of 256 KiB on x86_64, 512 KiB on i386 (the best of each
; here: i386's system calls are dearer; 512 KiB costs x86_64 its L2). Each
; read of 64 bytes or more is folded with PCLMULQDQ when the CPU has it
; (and AVX, as GNU asks before it uses its own PCLMULQDQ loop, so --debug
; says the same): four 128-bit accumulators of byte-swapped data (bit 127
; is the first bit of the block), each folded forward by 512 bits per 64
; bytes (x^576 and x^512 mod P for its two halves), then into one by 128
; bits at a time (x^192, x^128). The value left is congruent to the data,
; so its 16 bytes, stored big-endian where the data was, go bit by bit
; from a CRC of 0 with the rest of the read (under 64 bytes): the CRC of
; that is the CRC of all. The CRC so far enters a read in the top 32 bits
; of its first block. With VPCLMULQDQ and AVX2 (and the OS saving the YMM
; registers) the four accumulators are two YMM registers, a 64-byte step
; is half the instructions, and the fold takes half the time (PCLMULQDQ's
; throughput bounds both); a run of 1 GiB page-cached is then mostly the
; kernel's copy into buf. Reading through mmap instead was measured
; slower here (1 GiB with this fold: read 155 ms; mmap windows of 8 MiB
; to 1 GiB, with MAP_POPULATE, MADV_SEQUENTIAL or MADV_POPULATE_READ,
; 185-230 ms: mapping and unmapping the pages costs more than the copy),
; so every input is read. Without PCLMULQDQ a table (256 words, made at
; the start in BSS) does it all a byte at a time. Assembled with
; -DNO_PCLMUL and -DNO_VPCLMUL too: the tests check the three paths
; against GNU.

%define FAST_SYSCALL                    ; i386: the vDSO's entry after 32 calls
%define SUM_ZPEND                       ; -z: GNU's reason for a write error
%define SAY_STDERR_STATUS              ; --debug's line not written: status 1 (error.inc)
%include "subk.inc"
%include "rt/sum_common.inc"
use getopt_long, usage_try, err_file, quote_arg, errno_path, u64toa, sum_file
%define U64TOA_WIDTH                    ; (sum_file's %05d)
%define SUM_FILE_PART COLD              ; (-a bsd, -a sysv: the cold part)

BUFSZ	equ 2048 * 1024 / W     ; one read: 256 KiB, 512 KiB on i386
POLY	equ 0x04C11DB7
CPU_BITS equ (1 << 1) | (1 << 9) | (1 << 28)    ; PCLMULQDQ, SSSE3, AVX
; The verify options' codes: bits of [verify], in the order GNU refuses
; them without -c.
V_IGNORE equ 1
V_STATUS equ 2
V_WARN	equ 3
V_QUIET	equ 4
V_STRICT equ 5

_start:
	fast_syscall_init counted       ; i386: int 0x80 for the first 32 calls
	pop_argv0                       ; xsp = &argv[1]

%ifndef NO_PCLMUL
	push 1
	pop xax
	cpuid
	mov edx, ecx
	and ecx, CPU_BITS
	cmp ecx, CPU_BITS
	sete [pclmul]
	jne .make_table
 %ifndef NO_VPCLMUL
; The wide fold needs the OS to save the YMM registers (OSXSAVE, then
; XCR0's SSE and AVX bits) and leaf 7's VPCLMULQDQ and AVX2.
	shr edx, 28                     ; CF = OSXSAVE
	jnc .options
	xor ecx, ecx
	xgetbv
	not eax
	test al, 6
	jnz .options
	push 7
	pop xax
	xor ecx, ecx
	cpuid
	shr ecx, 11                     ; CF = VPCLMULQDQ
	jnc .options
	shr ebx, 6                      ; CF = AVX2
	jnc .options
	inc byte [pclmul]               ; 2: the wide fold
 %endif
	jmp .options
%endif

; The table, only for a CPU without PCLMULQDQ (a trivial run touches
; none of it): entry i is the CRC of the byte i, i*x^32 mod P.
.make_table:
	mov edi, table
	xor ecx, ecx
.table:
	xor edx, edx
	mov eax, ecx
	call step8
	xchg eax, edx
	stosd
	inc cl
	jnz .table

; The options (getopt_long: xsi, xdi, xbx are its state).
.options:
	getopt_here
.opt:
	call getopt_long
	jc .options_done
	movzx eax, al
	cmp al, 'z'
	jne .not_z
	mov byte [zflag], 10             ; 10 xor 10: a NUL ends the lines
.not_z:
	cmp al, 'D'
	jne .not_debug
	mov [debug], al
.not_debug:
	cmp al, 'b'
	je usage_try
	cmp al, 't'
	je usage_try
	cmp al, 'w'
	jne .not_w
	mov al, V_WARN
.not_w:
	cmp al, V_STRICT
	ja .not_verify
	lea ecx, [eax - V_STATUS]       ; --status, --warn, --quiet: the last
	cmp ecx, V_QUIET - V_STATUS     ; of them wins (GNU)
	ja .verify_bit
	and byte [verify], ~((1 << V_STATUS) | (1 << V_WARN) | (1 << V_QUIET))
.verify_bit:
	bts [verify], eax               ; (eax < 8)
.not_verify:
	cmp al, 'c'
	jne .not_c
	mov [check], al
.not_c:
	cmp al, 'l'
	je .length
	cmp al, 'a'
	jne .opt
	mov byte [alg], 1
	cmp dword [xdx], 'crc'          ; "crc" and its NUL: GNU's only exact
	je .opt                         ; match
	jmp .alg_search

; The rare paths of the options, in the cold part (elf.inc's COLD), off
; the pages a plain run touches.
COLD
; Another name: one of GNU's (exact, as its XARGMATCH_EXACT), which we
; refuse after the options, or GNU's argmatch failure at once. The names
; are the ones between "- '" and "'" in GNU's list of them (fmt_alg; no
; name has a quote). getopt_long's xsi and xdi are kept.
.alg_search:
	push xsi
	push xdi
	mov edi, alg_names - 1
.alg_next:
	inc edi
	cmp byte [xdi], F_TRY           ; the list's end
	je .alg_bad
	cmp byte [xdi], '-'
	jne .alg_next
	push xdi
	add edi, 3                      ; past "- '"
	mov xsi, xdx
.alg_cmp:
	lodsb
	test al, al
	jz .alg_end
	cmp al, "'"
	je .alg_bad                     ; (the stack does not matter now)
	scasb
	je .alg_cmp
.alg_end:                               ; (ZF=0 from the scasb)
	jne .alg_no
	cmp byte [xdi], "'"
	jne .alg_no
	mov ax, 0x0003                  ; bsd (al: alg, ah: sysv; the name's
	cmp xdi, alg_names + 8          ; closing quote at 8 in the list)
	je .alg_set
	mov ax, 0x0104                  ; sysv (at 19)
	cmp xdi, alg_names + 19
	je .alg_set
	mov al, 2                       ; another of GNU's: refused
.alg_set:
	mov [alg], al
	mov [sysv], ah
	cmp eax, eax
.alg_no:                                ; ZF=1: found
	pop xdi
	jne .alg_next
	jmp .opt_done
.alg_bad:
	mov esi, fmt_alg
	jmp .usage

; -l N: GNU's xdectoumax (blanks, a '+', then only digits, at most
; 2^64-1: else "invalid length", with EOVERFLOW's reason for too many
; digits), then its test of a multiple of 8; [lenz] = 1 when N is not 0
; (the last -l counts). The value is ebx:ecx; ebp = -EOVERFLOW after an
; overflow.
.length:
	push xsi
	push xdi
	push xbx
	push xdx                        ; (mul clobbers it)
	mov xsi, xdx
.l_blank:
	lodsb
	cmp al, ' '
	je .l_blank
	lea ecx, [eax - 9]              ; \t \n \v \f \r
	cmp cl, 5
	jb .l_blank
	cmp al, '+'
	jne .l_first
	lodsb
.l_first:
	xor ebx, ebx
	xor ecx, ecx
	xor ebp, ebp
	sub al, '0'
	cmp al, 9
	ja .l_bad                       ; no digit
.l_digit:
	movzx edi, al
	push 10
	pop xax
	mul ebx
	jc .l_over
	xchg eax, ebx                   ; the high half times 10
	push 10
	pop xax
	mul ecx
	add eax, edi
	adc ebx, edx
	jc .l_over
	xchg eax, ecx
	jmp .l_next
.l_over:
	push -EOVERFLOW
	pop xbp
.l_next:
	lodsb
	sub al, '0'
	cmp al, 9
	jbe .l_digit
	cmp al, -'0'
	jne .l_bad                      ; a byte after the digits
	test ebp, ebp
	jnz .l_fail
	mov al, cl
	or ecx, ebx
	setnz [lenz]
	test al, 7
	jz .l_done
	pop xdx
	mov esi, fmt_length
	xor eax, eax
	call say
	mov esi, fmt_mult8
	jmp .usage_noarg
.l_bad:
	xor ebp, ebp
.l_fail:
	pop xdx
	mov esi, fmt_length
	xchg eax, ebp
	call say
	exit 1
.l_done:
	pop xdx
	pop xbx
.opt_done:
	pop xdi
	pop xsi
	jmp .opt
.usage_noarg:
	mov edx, esi                    ; (no ARG: any string)
.usage:
	jmp usage_say

.len_only:
	mov esi, fmt_len_only
	jmp .usage_noarg
.check_refusals:
	mov esi, fmt_check_crc
	test al, al
	jnz .usage_noarg
	mov esi, fmt_zero_check
	cmp byte [zflag], 0
	jne .usage_noarg
	mov ah, 'c'
.refuse:
	mov al, '-'                     ; "-a" or "-c" on the stack
	movzx eax, ax
	push xax
	mov xdx, xsp
	mov esi, fmt_unsup
	jmp .usage                      ; (prints no Try line: fmt_unsup)
TEXT

; After the options: what GNU would do and we cannot (another algorithm;
; -c, checking the algorithms its lines name), refused; GNU's own
; refusals in its order, for the CRC: -l N but 0, -c with -a, -c with -z,
; then each verify option without -c (the lowest bit of verify first).
.options_done:
	mov al, [alg]                   ; 0 none, 1 crc, 2 another of GNU's
	mov ah, 'a'
	cmp al, 2
	je .refuse
	cmp byte [lenz], 0
	jne .len_only
	cmp byte [check], 0
	jne .check_refusals
.verify:
	bsf eax, [verify]
	jz .operands
	movzx edx, byte [verify_names + xax - 1]
	add edx, LONGOPTS
	mov esi, fmt_verify
	jmp usage_say

; The operands are at xsp up to xdi, then NULL; none is "-" unnamed.
.operands:
	cmp xdi, xsp
	setne [named]
	jne next_file
	push dash

; Each operand: open it (or take fd 0 for "-"), CRC it, print the line.
; [name] is the operand, xbp the fd.
sum_next_file .open_failed
	cmp byte [alg], 3
	jae .alt                        ; -a bsd, -a sysv (cold)
	cmp byte [debug], 0
	je .start
	mov byte [debug], 0
	mov esi, fmt_generic
	cmp byte [pclmul], 0
	je .say
	mov esi, fmt_pclmul
.say:
	mov edx, esi                    ; (no ARG: any string will do)
	xor eax, eax
	call say
.start:
	xor eax, eax
	mov [len], eax
	mov [len + 4], eax
	mov [crc], eax
.read:
	sys read, ebp, buf, BUFSZ
	cmp eax, -EINTR
	je .read
	test eax, eax
	jle .eof                        ; GNU 9.1: a read error is an end
	add [len], eax
	adc dword [len + 4], 0
	mov esi, buf
	xchg eax, ecx
	mov edx, [crc]
	call crc_block
	mov [crc], edx
	jmp .read
.eof:
	mov xsi, [name]
	cmp word [xsi], '-'
	je .length                      ; (a file may be fd 0 when stdin was
	sys close, ebp                  ; closed)

; The length, least significant byte first, up to its last non-zero byte.
.length:
	mov esi, len
	push 8
	pop xcx
.significant:
	cmp byte [xsi + xcx - 1], 0
	jne .feed
	loop .significant
.feed:
	mov edx, [crc]
	call crc_bytes
	not edx

; The line, built in buf: the numbers backwards from buf + 32, the name
; and the end forwards.
	push xdx
	mov edi, buf + 32
	mov eax, [len]
	mov edx, [len + 4]
	call u64toa
	dec edi
	mov byte [xdi], ' '
	pop xax
	xor edx, edx
	call u64toa
.line:
	sum_line [zflag]

.open_failed:
	mov [zpend], ah                 ; (-errno: 0xff) GNU's stdout flushed
	mov xsi, [name]
	call err_file
	jmp next_file

COLD
; -a bsd, -a sysv: sum -r's and sum -s's lines (rt/sum_file.inc, [sysv]);
; a read error is told as GNU's digest_file tells it ("cksum: NAME:
; Reason", no line, status 1), unlike the CRC's
.alt:
	call sum_file
	jc .open_failed
	jmp .line
TEXT

sum_finish

; crc_block - the CRC of ecx bytes at xsi (ecx > 0) after edx (the CRC so
; far, not inverted). out: edx; clobbers xax, xcx, xsi, xmm0-xmm7 (the
; upper halves of ymm0-ymm7 zeroed), and the 16 bytes before the last
; ones read (see the top of the file).
; crc_bytes - the same, a byte at a time (ecx may be 0): through the
; table, or bit by bit when there is no table (with PCLMULQDQ: only the
; few bytes a read leaves, and the length).
%macro fold_mem 2                       ; acc, offset: acc*x^512 + block
	movdqu xmm7, [xsi + %2]
	pshufb xmm7, xmm5
	movdqa xmm6, %1
	pclmulqdq %1, xmm4, 0x00
	pclmulqdq xmm6, xmm4, 0x11
	pxor %1, xmm7
	pxor %1, xmm6
%endmacro
%macro fold_reg 2                       ; acc into dst: dst += acc*x^128
	movdqa xmm6, %1
	pclmulqdq %1, xmm4, 0x00
	pclmulqdq xmm6, xmm4, 0x11
	pxor %2, %1
	pxor %2, xmm6
%endmacro
%macro wide_fold 2                      ; acc, offset: two lanes of fold_mem
	vmovdqu ymm7, [xsi + %2]
	vpshufb ymm7, ymm7, ymm5
	vpclmulqdq ymm6, %1, ymm4, 0x11
	vpclmulqdq %1, %1, ymm4, 0x00
	vpxor %1, %1, ymm7
	vpxor %1, %1, ymm6
%endmacro
crc_block:
%ifndef NO_PCLMUL
	cmp byte [pclmul], 0
	je crc_bytes
	cmp ecx, 64
	jb crc_bytes
	movdqu xmm5, [bswap]
	movdqu xmm0, [xsi]
	movdqu xmm1, [xsi + 16]
	movdqu xmm2, [xsi + 32]
	movdqu xmm3, [xsi + 48]
	pshufb xmm0, xmm5
	pshufb xmm1, xmm5
	pshufb xmm2, xmm5
	pshufb xmm3, xmm5
	movd xmm6, edx
	pslldq xmm6, 12
	pxor xmm0, xmm6
	movdqu xmm4, [k512]
 %ifndef NO_VPCLMUL
; The wide fold, when [pclmul] is 2: the same four accumulators as two
; YMM registers (ymm0 = xmm0 and xmm1, ymm2 = xmm2 and xmm3), each lane
; folded forward by 512 bits per 64 bytes, as below; then back to the four
; XMM ones for the reduction.
	cmp byte [pclmul], 1
	je .more
	vinserti128 ymm0, ymm0, xmm1, 1
	vinserti128 ymm2, ymm2, xmm3, 1
	vbroadcasti128 ymm4, [k512]
	vbroadcasti128 ymm5, [bswap]
.wide:
	add esi, 64
	sub ecx, 64
	cmp ecx, 64
	jb .narrow
	wide_fold ymm0, 0
	wide_fold ymm2, 32
	jmp .wide
.narrow:
	vextracti128 xmm1, ymm0, 1
	vextracti128 xmm3, ymm2, 1
	vzeroupper
	jmp .reduce
 %endif
.more:
	add esi, 64
	sub ecx, 64
	cmp ecx, 64
	jb .reduce
	fold_mem xmm0, 0
	fold_mem xmm1, 16
	fold_mem xmm2, 32
	fold_mem xmm3, 48
	jmp .more
.reduce:
	movdqu xmm4, [k128]
	fold_reg xmm0, xmm1
	fold_reg xmm1, xmm2
	fold_reg xmm2, xmm3
	pshufb xmm3, xmm5
	sub esi, 16
	movdqu [xsi], xmm3
	add ecx, 16
	xor edx, edx
%endif
crc_bytes:
	jxcxz .ret
.byte:
	lodsb
	cmp byte [pclmul], 0
	je .table
	call step8
	jmp short .next
.table:
	movzx eax, al
	rol edx, 8
	xor al, dl
	mov dl, 0
	xor edx, [table + xax*4]
.next:
	loop .byte
.ret:
	ret

; step8 - one byte al into the CRC edx bit by bit: edx = (edx xor
; al*x^24) * x^8 mod P. clobbers xax
step8:
	shl eax, 24
	xor edx, eax
	push 8
	pop xax
.bit:
	add edx, edx
	jnc .no_xor
	xor edx, POLY
.no_xor:
	dec eax
	jnz .bit
	ret

%ifndef NO_PCLMUL
bswap:	db 15, 14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0
k512:	dq 0xe6228b11, 0x8833794c       ; x^512, x^576 mod P
k128:	dq 0xe8a45605, 0xc5b9cd4c       ; x^128, x^192 mod P
%endif

; The options: codes 1..5 are the verify options, in the order GNU
; refuses them (bits of verify); LONGOPTS in GNU's order (its ambiguity
; messages list them so).
OPTSPEC:	db 'a:l:bctwz', 0
LONGOPTS:
	db 'l'|0x80, 'length', 0
	db 'c', 'check', 0
o_ignore:
	db V_IGNORE, 'ignore-missing', 0
o_quiet:
	db V_QUIET, 'quiet', 0
o_status:
	db V_STATUS, 'status', 0
o_warn:
	db V_WARN, 'warn', 0
o_strict:
	db V_STRICT, 'strict', 0
	db 'T', 'tag', 0
	db 'z', 'zero', 0
	db 'a'|0x80, 'algorithm', 0
	db 'D', 'debug', 0
	db 'T', 'untagged', 0
	db '?', 'help', 0
	db '?', 'version', 0
	db 0
verify_names:
	db o_ignore + 1 - LONGOPTS, o_status + 1 - LONGOPTS
	db o_warn + 1 - LONGOPTS, o_quiet + 1 - LONGOPTS
	db o_strict + 1 - LONGOPTS
fmt_verify:	db F_ARGV0, ': the --', F_ARG, ' option is meaningful only when verifying checksums', 10, F_TRY, 0
COLD
fmt_unsup:	db F_ARGV0, ': option not supported: ', F_ARG, 10, 0
fmt_length:	db F_ARGV0, ': invalid length: ', F_QUOTE, F_REASON, 10, 0
fmt_mult8:	db F_ARGV0, ': length is not a multiple of 8', 10, 0
fmt_len_only:	db F_ARGV0, ': --length is only supported with --algorithm=blake2b', 10, 0
fmt_check_crc:	db F_ARGV0, ': --check is not supported with --algorithm={bsd,sysv,crc}', 10, 0
fmt_zero_check:	db F_ARGV0, ': the --zero option is not supported when verifying checksums', 10, F_TRY, 0
; GNU's argmatch failure for -a (say's room: its 256 bytes hold these 233
; and the quotes of an empty ARG)
fmt_alg:	db F_ARGV0, ': invalid argument ', F_QUOTE, " for '--algorithm'", 10
		db 'Valid arguments are:', 10
alg_names:	db "  - 'bsd'", 10, "  - 'sysv'", 10, "  - 'crc'", 10, "  - 'md5'", 10
		db "  - 'sha1'", 10, "  - 'sha224'", 10, "  - 'sha256'", 10
		db "  - 'sha384'", 10, "  - 'sha512'", 10, "  - 'blake2b'", 10
		db "  - 'sm3'", 10, F_TRY, 0
TEXT
fmt_pclmul:	db F_ARGV0, ': using pclmul hardware support', 10, 0
fmt_generic:	db F_ARGV0, ': pclmul support not detected', 10, 0
dash:		db '-', 0
msg_stdin:	db 'standard input', 0
msg_write:	db 'write error', 0

; The small variables first: they share a page with the start of buf,
; where a small input and every output line go; the table last (touched
; only without PCLMULQDQ).
BSS
len:	resd 2                          ; this file's byte count
crc:	resd 1
name:	resW 1                          ; this operand
stdin_used: resd 1                      ; 1 once "-" was read
verify:	resd 1                          ; bits V_*: refused without -c
alg:	resb 1                          ; -a: 0 none, 1 crc, 2 another of GNU's,
                                        ; 3 bsd, 4 sysv
sysv:	resb 1                          ; (sum_file's: 1 with -a sysv)
bsd:	resd 1                          ; (sum_file's BSD checksum)
check:	resb 1                          ; -c
lenz:	resb 1                          ; 1: the last -l was not 0
zflag:	resb 1                          ; 10 with -z (xor'ed into \n)
debug:	resb 1
pclmul:	resb 1                          ; 1: fold with PCLMULQDQ, 2: VPCLMULQDQ
named:	resb 1                          ; 1: the lines carry the names
werr:	resb 1                          ; not 0 once a write failed
zpend:	resb 1                          ; 1: a -z line since the last message
buf:	resb BUFSZ + 16                 ; (+16: sum_file's System V padding)
table:	resd 256

program_end
