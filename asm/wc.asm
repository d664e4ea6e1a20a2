; wc - newline, word and byte counts of each FILE, and a total line.
;
; Usage: wc [-clmwL] [--debug] [FILE]... | --files0-from=F
;   -l  newlines        -w  words          -m  characters (bytes: the C
;   -c  bytes           -L  the widest line's display width      locale)
; No option means -lwc. The fields come in the order l w m c L, each
; right-aligned to one width, then the name ("-" and no FILE mean standard
; input; no FILE prints no name); a name with a newline is quoted as GNU
; does (shell-escape). With more than one FILE a "total" line follows.
; The width is GNU's: 1 for one FILE and one field; else the digits of the
; sum of the sizes of the operands that are regular files, at least 7 when
; any operand (that stat could see) is not a regular file.
; C-locale rules, as GNU's: a word is a run of printable bytes (0x21..0x7e)
; between white space (space \t \n \v \f \r); other bytes neither start
; nor end a word. -L: a tab goes to the next multiple of 8, a printable
; byte or a space is one column, other bytes none; \n \r \f end a line.
; Exit status: 0; 1 when a FILE could not be opened or read (its counts are
; still printed after a read error, as GNU's), for an empty FILE name, when
; closing a standard input it read fails, or on a write error ("wc: write
; error", reported once at the end as GNU's; the counting goes on).
; Long options as GNU 9.1's getopt_long (prefixes): --bytes --chars
; --lines --words --max-line-length; --debug: GNU's note before each file
; it counts with its AVX2 line loop (-l without -w and -L): "using avx2
; hardware support", "avx2 support not detected" or "failed to get
; cpuid", by the same cpuid checks; --files0-from=F: the names are F's
; NUL-separated records ("-": standard input), no operand allowed
; (GNU's extra operand message), an empty name told as "wc: F:N: invalid
; zero-length file name", "-" refused when F is "-", "cannot open F for
; reading" and "cannot read file names from F" fatal; a regular F of at
; most 10 MiB is read first and the widths come from its names (GNU's
; readtokens0; then closed: F "-" closes standard input, so a "-" name
; adds nothing to the widths, as GNU's), any other F gives width 1 and a
; read error of it is told after the names before it ("wc: F: read
; error").
; Differences from GNU: an F that is not a regular file of at most 10 MiB
; (a pipe) is read whole before the first name is counted (GNU: name by
; name), into memory that grows with it. -L keeps the column in 32 bits: on i386 a single line wider
; than 4 Gi columns is not measured right. -c reads a regular file instead
; of taking its size (the same count, slower on huge files).
;
; Speed: SSE2 is assumed (every x86_64, and every i386 this targets: a
; Pentium 4 or later). Newlines are counted 64 bytes a step with pcmpeqb
; and a byte-wise counter per lane summed by psadbw (no popcnt, which SSE2
; lacks). Words: 16 bytes a step; each byte is classed printable (P) or
; white (S); a word starts at a P whose byte before is not a P (pslldq of
; the P mask, with the last byte of the previous step). A step with any
; other byte (NUL, controls, DEL, 0x80 and up: they do not change the
; state) goes through the byte-wise loop, which is also the -L loop.

%define FAST_SYSCALL                    ; i386: the vDSO's entry after 32 calls
%define QUOTE_ONE_PASS          ; (error.inc: gnulib's second quoting pass left out: its pages are full; README)
%include "subk.inc"
%include "layout.inc"
use usage, getopt_long, err_file, errno_path, lseek64
%define LONGOPT_BSS_HERE                ; ambp with the variables

BUFSZ   equ 512 * 1024          ; one read (i386 system calls are dear)
OUTSZ   equ 1024                ; the output buffer (on the stack): a line

; The options, one bit each in the order of the fields (OPTSPEC), and the
; counts of a file (cnt) and of all (tot): five qwords in the same order.
OPT_l   equ 1
OPT_w   equ 2
OPT_m   equ 4
OPT_c   equ 8
OPT_L   equ 16
LINES   equ 0
WORDS   equ 8
CHARS   equ 16
BYTES   equ 24
MAXLEN  equ 32

; The SIMD constants: each byte 16 times in consts (BSS, filled at the
; start; unaligned: only movdqu reads them).
ctab:	db 10                   ; c_nl: newline
	db ' '                  ; c_sp
	db 0x80 - 0x21          ; c_padd: x + this, signed, below c_plim:
	db 0x5e - 0x80          ; c_plim: 0x21 <= x <= 0x7e (printable)
	db 0x80 - 9             ; c_sadd, c_slim: the same for 9 <= x <= 13
	db 5 - 0x80
c_nl	equ consts
c_sp	equ consts + 16
c_padd	equ consts + 32
c_plim	equ consts + 48
c_sadd	equ consts + 64
c_slim	equ consts + 80

_start:
	fast_syscall_init counted       ; i386: int 0x80 for the first 32 calls
	pop_argv0                       ; xsp = &argv[1]

; The options (getopt_long: xsi, xdi, xbx its state): each letter's bit
; (its place in OPTSPEC) in [flags]; --debug, --files0-from=F noted.
	getopt_here
.opt:
	call getopt_long                ; al = the letter, xdx = F
	jc .options_done
	cmp al, 'F'
	je .files0
	cmp al, 'D'
	je .debug
	xor ecx, ecx
.bit:
	cmp al, [OPTSPEC + xcx]
	je .set
	inc ecx
	jmp .bit
.set:
	bts [flags], ecx
	jmp .opt
.files0:
	mov [f0], xdx
	jmp .opt
.debug:
	inc byte [debug]
	jmp .opt
.options_done:
	mov edx, [flags]
	test edx, edx
	jnz .flags
	mov dl, OPT_l|OPT_w|OPT_c
.flags:
	mov [flags], edx
	pxor xmm7, xmm7                 ; xmm7 = 0 for good (psadbw)

; The counting loop for what is asked: the byte-wise one for -L, else
; SIMD words (and newlines) for -w, newlines alone for -l, or none.
	mov eax, no_count
	test dl, OPT_l
	jz .not_l
	mov eax, lines_chunk
.not_l:
	test dl, OPT_w
	jz .not_w
	mov eax, words_chunk
.not_w:
	test dl, OPT_L
	jz .not_L
	mov eax, L_chunk
.not_L:
	mov [mode], xax

; No operand: standard input without a name (no_name, which is "-").
; --files0-from: the names read from F instead (files0).
	mov [argp], xsp
	cmp WPTR [f0], 0
	jne files0
	cmp xdi, xsp
	jne .width
	push no_name
	mov [argp], xsp

; The width. One operand and one field: 1 (GNU does not look). Else every
; operand is stat'ed ("-": standard input, fstat64'ed): the sizes of the
; regular files are summed (in sum), any other file makes it at least 7.
; (stat64 and fstat64: see fstat_reg.)
.width:
	mov byte [width], 1
	mov xbp, [argp]
	cmp WPTR [xbp], 0
	je .file0                       ; (--files0-from: no name)
	cmp WPTR [xbp+W], 0
	jne .stat
	mov edx, [flags]
	lea eax, [xdx-1]
	test eax, edx
	jz .file0                       ; one bit: one field
.stat:
	mov A1, [xbp]
	test A1, A1
	jz .stat_done
	mov A2d, st
	setr SYSNR, SYSNRd, SYS_stat64
	cmp word [A1], '-'
	jne .stat_name
	xor A1d, A1d                    ; "-": fstat64(0)
%if SYS_stat64 > 255 || SYS_fstat64 > 255
 %error "wc: SYS_stat64 and SYS_fstat64 do not fit in al"
%endif
	mov al, SYS_fstat64             ; (both numbers below 256)
.stat_name:
	SYSCALL
	add xbp, W
	test eax, eax
	jnz .stat
	call st_isreg
	je .regular
	mov byte [minw], 7
	jmp .stat
.regular:
	mov eax, [st + ST64_SIZE]
	mov ecx, [st + ST64_SIZE + 4]
	add [sum], eax
	adc [sum + 4], ecx
	jmp .stat
.stat_done:
	mov eax, [sum]
	mov edx, [sum + 4]
	mov edi, numend
	call u64toa
	neg edi
	add edi, numend                 ; edi = the digits of the sum
	cmp edi, [minw]
	jae .set_width
	mov edi, [minw]
.set_width:
	mov [width], edi

; The output buffer (a line) is on the stack, below the operands; the
; read buffer is buf, after the variables (never on the stack: with a
; small ulimit -s it was a SIGSEGV): a trivial run touches the page of
; argv (where out mostly is) and the page of the variables, where buf
; starts (with i386's globals).
.file0:
	mov esi, ctab
	mov edi, consts
.const:
	lodsb
	push 16
	pop xcx
	rep stosb
	cmp edi, consts + 96
	jb .const
	sub xsp, OUTSZ
	mov [outb], xsp
	call flush_out.empty
; Each operand: popped; its counts into cnt (zeroed, with the column and
; the word state), printed, and added to tot.
.file:
	mov xax, [argp]
	add WPTR [argp], W
	mov xax, [xax]
	test xax, xax
	jz finish
	inc dword [nfiles]
	mov [name], xax
	mov edi, cnt
	xor eax, eax
	push 12
	pop xcx
	rep stosd
	pxor xmm6, xmm6                 ; the word state of the SIMD loop
	mov xsi, [name]
	cmp [xsi], al
	je empty_name
	xor ebp, ebp                    ; "-": fd 0
	cmp word [xsi], '-'
	jne .open
	cmp WPTR [f0], 0
	jne f0_dash                     ; (refused when F is "-")
.stdin:
	mov [stdin_used], esi
	jmp .count
.open:
	sys open, xsi, O_RDONLY|O_LARGEFILE
	test eax, eax
	js .open_failed
	xchg eax, ebp
.count:
	cmp byte [debug], 0
	je .counting
	call debug_note
.counting:
	cmp WPTR [mode], no_count
	jne .read
	call size_count
	jc .close
.read:
	call count
	jns .close
	call read_failed                ; (cold)
.close:
	mov xsi, [name]
	cmp word [xsi], '-'
	je .print                       ; (a file may be fd 0 when stdin was
	sys close, ebp                  ; closed)
.print:
	mov eax, [cnt + BYTES]          ; chars are bytes in the C locale
	mov edx, [cnt + BYTES + 4]
	mov [cnt + CHARS], eax
	mov [cnt + CHARS + 4], edx
	xor ecx, ecx
.add:
	mov eax, [xcx*8 + cnt]
	mov edx, [xcx*8 + cnt + 4]
	add [xcx*8 + tot], eax
	adc [xcx*8 + tot + 4], edx
	inc ecx
	cmp cl, 4
	jb .add
	mov eax, [cnt + MAXLEN]
	cmp eax, [tot + MAXLEN]
	jb .line
	mov [tot + MAXLEN], eax
.line:
	mov xsi, [name]
	cmp esi, no_name
	jne .named
	xor esi, esi
.named:
	mov ebx, cnt
	call put_line
	jmp .file
.open_failed:
	call report
	jmp .file

; The end: the total line for more than one operand; standard input
; closed when it was read (GNU's "-: Bad file descriptor" when it was
; never open); the output written; a write error said once.
finish:
	cmp dword [f0err], 0
	je .total
	call f0_read_error
.total:
	cmp dword [nfiles], 1
	jbe .stdin
	mov esi, msg_total
	mov ebx, tot
	call put_line
.stdin:
	cmp dword [stdin_used], 0
	je .flush
	sys close, 0
	test eax, eax
	js stdin_close_failed
.flush:
	call flush_out
	cmp byte [werr], 0
	jne write_failed
.exit:
	exit_status

; count - count the open fd ebp into cnt (zeroed by the caller, with the
; column and the word state; xmm6 = 0). Each read is padded with 64 zero
; bytes (which change no count) for the SIMD loops, which run [mode]:
; in: xsi = buf, ecx = bytes, ebx = edx = 0; out: ebx += newlines,
; edx += word starts; may clobber all but xsp, and xmm0-xmm5.
; out: SF=1, eax = -errno when a read failed (the counts so far kept).
count:
	sys read, ebp, buf, BUFSZ
	test eax, eax
	jle .done
	add [cnt + BYTES], eax
	adc dword [cnt + BYTES + 4], 0
	mov edi, buf
	add xdi, xax
	push xax
	xor eax, eax
	push 16
	pop xcx
	rep stosd
	pop xcx
	mov esi, buf
	xor ebx, ebx
	xor edx, edx
	push xbp
	call [mode]
	pop xbp
	add [cnt + LINES], ebx
	adc dword [cnt + LINES + 4], 0
	add [cnt + WORDS], edx
	adc dword [cnt + WORDS + 4], 0
	jmp count
.done:
	mov ecx, [linepos]              ; the last line counts for -L
	cmp ecx, [cnt + MAXLEN]
	jb .ret
	mov [cnt + MAXLEN], ecx
.ret:
	test eax, eax
no_count:
	ret

; fstat_reg - fstat64(ebp) into st: ZF=1 when it worked and ebp is a
; regular file. st_isreg: ZF=1 when st (filled) is a regular file's.
; (A struct stat64: the type and size every kernel gives, where statx
; would need its fallback before Linux 4.11.) clobbers xax, A1, A2
fstat_reg:
	mov A2d, st
	sys fstat64, ebp
	test eax, eax
	jnz st_isreg.ret
st_isreg:
	st64_isreg al, st
.ret:
	ret

; size_count - -c or -m alone, as GNU 9.1's wc: a regular file whose
; size is not a multiple of the page size counts its size less the
; offset (0 past it, or when the offset cannot be had) without a read, so
; the offset stays (`{ wc -c; cat; } < f`, `wc -c - - < f`); other files
; (a page-multiple size may be /proc's guess) are read. (GNU's seek for
; those, SEEK_CUR where SEEK_SET was meant, miscounts from an offset:
; see README.) out: CF=1 when counted (cnt). clobbers xax, xcx, xdx, A1..A6
size_count:
	call fstat_reg
	jne .read
	test word [st + ST64_SIZE], 4095
	jz .read
	mov A1d, ebp
	xor eax, eax
	cdq
	mov cl, SEEK_CUR
	call lseek64
	js .counted
%if W == 8
	mov rcx, [st + ST64_SIZE]
	sub rcx, rax
	jb .counted
	mov [cnt + BYTES], rcx
%else
	mov ecx, [st + ST64_SIZE]
	sub ecx, eax
	mov eax, [st + ST64_SIZE + 4]
	sbb eax, edx
	jb .counted
	mov [cnt + BYTES], ecx
	mov [cnt + BYTES + 4], eax
%endif
.counted:
	stc
	ret
.read:
	clc
	ret

; lines_chunk - newlines, 64 bytes a step. xmm4 counts in each byte lane
; (pcmpeqb gives -1 for a match: psubb adds 1), at most 4 a step: summed
; by flush every 32 steps, before a lane could wrap.
lines_chunk:
	add ecx, 63
	shr ecx, 6
	movdqu xmm6, [c_nl]
.step:
	movdqu xmm0, [xsi]
	movdqu xmm1, [xsi+16]
	movdqu xmm2, [xsi+32]
	movdqu xmm3, [xsi+48]
	pcmpeqb xmm0, xmm6
	pcmpeqb xmm1, xmm6
	pcmpeqb xmm2, xmm6
	pcmpeqb xmm3, xmm6
	paddb xmm0, xmm1
	paddb xmm2, xmm3
	paddb xmm0, xmm2
	psubb xmm4, xmm0
	add xsi, 64
	dec ecx
	jz flush
	test cl, 31
	jnz .step
	call flush
	jmp .step

; words_chunk - words and newlines, 16 bytes a step: xmm2 = P (printable),
; xmm3 = P or S (white); when all 16 are P or S, a word starts at each P
; whose byte before is not a P (xmm6: the P mask of the step before, of
; which the last byte counts). Else the 16 bytes go through scalar, the
; word state moving from and back to xmm6's last byte. Newlines in xmm4,
; word starts in xmm5 (at most 1 a step per lane: flush every 128 steps).
words_chunk:
	add ecx, 15
	shr ecx, 4
.step:
	movdqu xmm0, [xsi]
	movdqu xmm1, [c_padd]
	paddb xmm1, xmm0
	movdqu xmm2, [c_plim]
	pcmpgtb xmm2, xmm1
	movdqu xmm1, [c_sadd]
	paddb xmm1, xmm0
	movdqu xmm3, [c_slim]
	pcmpgtb xmm3, xmm1
	movdqu xmm1, [c_sp]
	pcmpeqb xmm1, xmm0
	por xmm3, xmm1
	por xmm3, xmm2
	pmovmskb eax, xmm3
	inc ax
	jnz .bytes
	movdqu xmm1, [c_nl]
	pcmpeqb xmm0, xmm1
	psubb xmm4, xmm0
	movdqa xmm1, xmm2
	pslldq xmm1, 1
	psrldq xmm6, 15
	por xmm1, xmm6
	movdqa xmm6, xmm2
	pandn xmm1, xmm2
	psubb xmm5, xmm1
	add xsi, 16
.next:
	dec ecx
	jz flush
	test cl, 127
	jnz .step
	call flush
	jmp .step
.bytes:
	pmovmskb eax, xmm6
	and ah, 0x80                    ; ah != 0: in a word
	push xcx
	push 16
	pop xcx
	call scalar
	pop xcx
	movzx eax, ah
	neg eax
	movd xmm6, eax
	pslldq xmm6, 12                 ; the last byte: 0xff in a word
	jmp .next

; flush - add the byte lanes of xmm4 to ebx and of xmm5 to edx, and zero
; them. clobbers eax
flush:
	psadbw xmm4, xmm7
	psadbw xmm5, xmm7
	pslldq xmm5, 4
	por xmm4, xmm5                  ; qwords: newlines | words << 32
	pshufd xmm5, xmm4, 0x4e
	paddd xmm4, xmm5
	movd eax, xmm4
	add ebx, eax
	psrldq xmm4, 4
	movd eax, xmm4
	add edx, eax
	pxor xmm4, xmm4
	pxor xmm5, xmm5
	ret

; L_chunk - the byte-wise loop with the state of -L kept across reads.
L_chunk:
	mov edi, [linepos]
	mov ebp, [cnt + MAXLEN]
	mov ah, [inword]
	call scalar
	mov [linepos], edi
	mov [cnt + MAXLEN], ebp
	mov [inword], ah
	ret

; scalar - GNU's C-locale loop over ecx bytes at xsi: ebx += newlines,
; edx += word starts, ah != 0 inside a word, edi = the column, ebp = the
; widest column at a line end. out: xsi past them, ecx = 0; clobbers al
scalar:
	lodsb
	cmp al, ' '
	ja .graph
	je .space
	cmp al, 10
	je .newline
	cmp al, 9
	je .tab
	jb .next                        ; NUL .. \b
	cmp al, 13
	ja .next                        ; 0x0e .. 0x1f
	cmp al, 11
	je .white                       ; \v
	jmp .end_line                   ; \f \r
.newline:
	inc ebx
.end_line:
	cmp ebp, edi
	jae .col0
	mov ebp, edi
.col0:
	xor edi, edi
	jmp .white
.tab:
	add edi, 8
	and edi, -8
	jmp .white
.graph:
	cmp al, 0x7f
	jae .next                       ; DEL, 0x80 ..
	inc edi
	test ah, ah
	jnz .next
	inc edx
	mov ah, 1
	jmp .next
.space:
	inc edi
.white:
	mov ah, 0
.next:
	loop scalar
	ret

; put_line - one line of counts, written at once: the fields asked for,
; each right-aligned to [width], then " NAME" unless xsi = 0 (quoted when
; it has a newline). One write a line, as GNU's line-buffered stdout
; ("so that processes running in parallel do not intersperse their
; output", and each count seen as soon as it is known). A line that may
; not fit in out (a long name: an argument can be 128 KiB, 4 times that
; quoted) is built on the stack, below xsp.
; in: ebx = the counts, xsi = the name or 0. clobbers all but xsp
put_line:
	push xsi
	xor ecx, ecx
	test xsi, xsi
	jz .room
	movx A2, xsi
	call strlen
	lea ecx, [A3*8]
.room:
	add ecx, 256                    ; ecx = the most the line needs
	mov xdi, [outp]                 ; (out is empty: see flush_out)
	cmp ecx, OUTSZ
	jb .build
	mov xdi, xsp
	sub xdi, xcx
	mov [obase], xdi
	mov [outp], xdi
.build:
	xor ebp, ebp                    ; the field
.field:
	bt [flags], ebp
	jnc .skip
	cmp xdi, [outp]
	je .first
	mov al, ' '
	stosb
.first:
	mov eax, [xbx + xbp*8]
	mov edx, [xbx + xbp*8 + 4]
	push xdi
	mov edi, numend
	call u64toa
	mov esi, edi
	mov ecx, numend
	sub ecx, edi                    ; ecx = the digits
	pop xdi
	mov edx, [width]
	sub edx, ecx
	jle .digits
	mov al, ' '
	xchg ecx, edx
	rep stosb
	mov ecx, edx
.digits:
	rep movsb
.skip:
	inc ebp
	cmp ebp, 5
	jb .field
	pop xsi
	test xsi, xsi
	jz .end
	mov al, ' '
	stosb
	mov xdx, xsi
.scan:
	lodsb
	cmp al, 10
	je .quote
	test al, al
	jnz .scan
	mov xsi, xdx
	call copystr
	jmp .end
.quote:
	mov xsi, xdx
	call quote
.end:
	mov al, 10
	stosb
	mov [outp], xdi
; fall through
; flush_out - write the output from [obase] to [outp] (unless a write
; failed before: then it is dropped, and werr says so); empty after.
flush_out:
	push 1
	pop A1
	mov A2, [obase]
	mov A3, [outp]
	sub A3, A2
	cmp byte [werr], 0
	jne .empty
	call write_all
	jns .empty
	inc byte [werr]
.empty:
	mov xax, [outb]
	mov [outp], xax
	mov [obase], xax
	ret

; u64toa - the decimal digits of edx:eax, written backwards (two 32-bit
; divisions a digit: the same code on both arches).
; in: xdi = the end; out: xdi = the first digit. clobbers eax, ecx, edx
u64toa:
	mov ecx, eax
	mov eax, edx
	xor edx, edx
	div dword [ten]
	xchg eax, ecx                   ; ecx = the high half of the quotient
	div dword [ten]
	add dl, '0'
	dec edi
	mov [xdi], dl
	mov edx, ecx
	or ecx, eax
	jnz u64toa
.ret:
	ret


; --files0-from, --debug and their messages: cold (elf.inc's COLD), so a
; run without them maps one page of code.
COLD

; (Rare paths, out of the hot part.)
empty_name:                             ; an operand "": GNU's message
	call flush_out                  ; (glibc's error() flushes stdout)
	cmp WPTR [f0], 0
	jne f0_empty
	xor eax, eax                    ; no reason
	mov esi, msg_empty
	call err_text
	jmp _start.file
stdin_close_failed:                     ; (stdin was never open)
	push xax
	call flush_out
	pop xax
	mov esi, no_name
	call err_file
	jmp finish.flush
write_failed:
	sys close, 1                    ; GNU's stdio: the reason is told only
	mov esi, msg_write              ; when closing stdout fails too
	call err_text                   ; (eax = 0 or -errno)
	jmp finish.exit

; report - GNU's message for the operand [name] ("standard input" when
; there was none), xax = -errno.
report:
	push xax
	call flush_out                  ; (glibc's error() flushes stdout)
	pop xax
	mov xsi, [name]
	cmp esi, no_name
	jne .file
	mov esi, msg_stdin
.file:
	jmp err_file

; read_failed - a read error (xax = -errno): the message; the counts so
; far follow, but GNU's wc_lines (-l without -w and -L) gives none back:
; 0 lines, 0 bytes.
read_failed:
	call report
	mov eax, [flags]
	and al, OPT_l|OPT_w|OPT_L
	cmp al, OPT_l
	jne .ret
	mov edi, cnt
	xor eax, eax
	push 8
	pop xcx
	rep stosd
.ret:
	ret
; files0 - --files0-from=F (jumped to from _start, [f0] = F, the operands
; at xsp up to xdi): none may be given. F ("-": standard input) is read
; whole into a buffer at the program break, each name ended by a NUL (the
; last maybe not), and a list of pointers to the names put after it:
; [argp]; F is closed (fd 0 too when F is "-", as GNU's fclose). As
; GNU's: a regular F of at most 10 MiB is read first, then the widths
; come from the names (_start.width), and a read error is fatal; any
; other F is read as it comes (GNU: name by name), with width 1, and a
; read error is told after the names read before it (f0err).
files0:
	cmp xdi, xsp
	je .no_operand
	mov xdx, [xsp]
	mov esi, fmt_extra
	xor eax, eax
	jmp say_af
.no_operand:
	xor ebp, ebp
	mov xdx, [f0]
	cmp word [xdx], '-'
	je .opened
	sys open, xdx, O_RDONLY|O_LARGEFILE
	test eax, eax
	mov esi, fmt_f0_open
	mov xdx, [f0]
	js say_af
	xchg eax, ebp
.opened:
	mov byte [f0stream], 1
	call fstat_reg
	jne .read
	cmp dword [st + ST64_SIZE + 4], 0
	jne .read
	cmp dword [st + ST64_SIZE], 10 * 1024 * 1024
	ja .read
	dec byte [f0stream]
.read:
	sys brk, 0
	mov [hbeg], xax
	mov [hend], xax
	mov [hcap], xax
.more:
	mov A1, [hend]
	add A1, 65536 + 1               ; (room for a NUL after the last)
	cmp A1, [hcap]
	jbe .room
	call grow
.room:
	sys read, ebp, [hend], 65536
	test eax, eax
	jz .eof
	js .read_error
	add [hend], xax
	jmp .more
.read_error:
	cmp byte [f0stream], 0
	mov esi, fmt_f0_read
	mov xdx, [f0]
	je say_af                       ; (xax: say_af tells no reason)
	mov [f0err], eax
; F closed, even standard input: GNU's fclose after readtokens0 closes fd
; 0, so a "-" among the names is then not stat'ed (_start.width: it adds
; nothing to the width; it is refused anyway). Read as a stream, GNU keeps
; it open, but then the width is 1, and a "-" name is refused all the same.
.eof:
	sys close, ebp
; The names: a NUL after the last if it has none; xdx counts them.
.names:
	xor edx, edx
	mov xdi, [hend]
	cmp xdi, [hbeg]
	je .counted
	cmp byte [xdi-1], 0
	je .ended
	mov byte [xdi], 0
	inc xdi
.ended:
	mov xsi, [hbeg]
.count:
	lodsb
	test al, al
	jnz .count
	inc edx
	cmp xsi, xdi
	jb .count
.counted:
	mov [hend], xdi
	add xdi, W - 1
	and xdi, -W
	mov [argp], xdi
	lea A1, [xdi + xdx*W + 2*W]
	call grow
	mov xsi, [hbeg]
	mov xdi, [argp]
.point:
	cmp xsi, [hend]
	jae .pointed
	mov [xdi], xsi
	add xdi, W
.skip:
	lodsb
	test al, al
	jnz .skip
	jmp .point
.pointed:
	xor eax, eax
	stosW
	stosW
	cmp byte [f0stream], 0
	je _start.width
	mov byte [width], 1
	jmp _start.file0

; grow - the program break to A1 at least, or GNU's "memory exhausted".
grow:
	push A1
	sys brk
	pop A1
	cmp xax, A1
	jb .failed
	mov [hcap], xax
	ret
.failed:
	xor eax, eax
	mov esi, msg_nomem
	call err_text
	exit 1

; f0_dash - the name "-" with --files0-from (jumped to from _start.file):
; standard input, but not when the names come from there (GNU's message).
f0_dash:
	mov xax, [f0]
	cmp word [xax], '-'
	jne _start.stdin
	call flush_out
	xor eax, eax
	mov esi, msg_f0_dash
	call err_text
	jmp _start.file

; f0_empty - an empty name from F: "wc: F:N: invalid zero-length file
; name", N its number (jumped to from _start.file, stdout flushed).
f0_empty:
	mov xdi, numend - 1
	mov byte [xdi], 0
	mov eax, [nfiles]
	xor edx, edx
	call u64toa
	mov xcx, xdi
	mov xdx, [f0]
	mov esi, fmt_f0_empty
	xor eax, eax
	call say
	mov STATUSb, 1
	jmp _start.file

; f0_read_error - GNU's "wc: F: read error: REASON" (F read as a stream).
f0_read_error:
	call flush_out
	mov eax, [f0err]
	mov xdx, [f0]
	mov esi, fmt_f0_rerr
	call say
	mov STATUSb, 1
	ret

; debug_note - --debug: GNU's note, before a file is counted, when it
; counts lines with its AVX2 loop (-l without -w and -L): whether cpuid
; shows AVX2 (and OSXSAVE), as GNU's avx2_supported().
debug_note:
	mov eax, [flags]
	and al, OPT_l|OPT_w|OPT_L
	cmp al, OPT_l
	jne .ret
	push xbx
	xor eax, eax
	cpuid
	mov esi, msg_no_cpuid
	test eax, eax
	jz .say                         ; no leaf 1
	push xax
	mov eax, 1
	cpuid
	pop xax
	mov esi, msg_no_avx2
	bt ecx, 27                      ; OSXSAVE
	jnc .say
	mov esi, msg_no_cpuid
	cmp eax, 7
	jb .say
	mov eax, 7
	xor ecx, ecx
	cpuid
	mov esi, msg_no_avx2
	bt ebx, 5                       ; AVX2
	jnc .say
	mov esi, msg_avx2
.say:
	pop xbx
	push xsi
	call flush_out
	pop xcx
	mov xdx, xcx                    ; (say reads an ARG: any string)
	mov esi, fmt_note
	xor eax, eax
	jmp say
.ret:
	ret

; say_af - the format xsi with its F_ARG the name xdx quoted as GNU's
; quoteaf() (always quoted: quote()'s shell-escape form, or 'NAME' where
; that leaves it bare), xax = -errno or 0; then exit 1.
say_af:
	mov xbx, xsi
	mov xbp, xax
	mov xsi, xdx
	xor ecx, ecx
.len:
	inc ecx
	lodsb
	test al, al
	jnz .len
	shl ecx, 2
	add ecx, 16
	sub xsp, xcx
	and xsp, -W
	mov xsi, xdx
	lea xdi, [xsp+1]
	call quote
	mov byte [xdi], 0
	lea xdx, [xsp+1]
	mov al, [xdx]
	cmp al, "'"
	je .quoted
	cmp al, '"'
	je .quoted
	dec xdx
	mov byte [xdx], "'"
	mov word [xdi], "'"             ; and a NUL
.quoted:
	mov xsi, xbx
	mov xax, xbp
	call say
	exit 1

fmt_extra:	db F_ARGV0, ': extra operand ', F_ARG, 10
		db 'file operands cannot be combined with --files0-from', 10, F_TRY, 0
fmt_f0_open:	db F_ARGV0, ': cannot open ', F_ARG, ' for reading', F_REASON, 10, 0
fmt_f0_read:	db F_ARGV0, ': cannot read file names from ', F_ARG, 10, 0
fmt_f0_empty:	db F_ARGV0, ': ', F_FILE, ':', F_TEXT, ': invalid zero-length file name', 10, 0
fmt_f0_rerr:	db F_ARGV0, ': ', F_FILE, ': read error', F_REASON, 10, 0
fmt_note:	db F_ARGV0, ': ', F_TEXT, 10, 0
msg_f0_dash:	db "when reading file names from stdin, no file name of '-' allowed", 0
msg_nomem:	db 'memory exhausted', 0
msg_empty:	db 'invalid zero-length file name', 0
msg_no_cpuid:	db 'failed to get cpuid', 0
msg_no_avx2:	db 'avx2 support not detected', 0
msg_avx2:	db 'using avx2 hardware support', 0
TEXT
LONGOPTS:
	db 'c', 'bytes', 0
	db 'm', 'chars', 0
	db 'l', 'lines', 0
	db 'w', 'words', 0
	db 'D', 'debug', 0
	db 'F'|0x80, 'files0-from', 0
	db 'L', 'max-line-length', 0
	db '?', 'help', 0
	db '?', 'version', 0
	db 0
ten:		dd 10
OPTSPEC:	db 'lwmcL', 0
no_name:	db '-', 0
msg_stdin:	db 'standard input', 0
msg_total:	db 'total', 0
msg_write:	db 'write error', 0

; The small variables first, so that they share a page with the start of
; buf (a small input touches only that page) and out comes last.
BSS
	BSS_ROOM 1024                   ; the variables on one page
consts:	resb 96                         ; see ctab
cnt:	resq 5                          ; this file's counts
linepos: resd 1                         ; -L: the column
inword:	resd 1                          ; -L: in a word
tot:	resq 5
sum:	resq 1                          ; the sizes of the regular files
numbuf:	resb 24
numend:
mode:	resW 1                          ; the counting loop
name:	resW 1                          ; the operand
outp:	resW 1                          ; the end of the output so far
obase:	resW 1                          ; its start: out, or on the stack
argp:	resW 1                          ; the next operand
outb:	resW 1                          ; the output buffer (on the stack)
flags:	resd 1
width:	resd 1
minw:	resd 1
nfiles:	resd 1
stdin_used: resd 1
werr:	resd 1
f0:	resW 1                          ; --files0-from's F, or 0
hbeg:	resW 1                          ; its names (the break: hbeg..hend)
hend:	resW 1
hcap:	resW 1
f0err:	resd 1                          ; -errno of a read of F as a stream
ambp:	resd 1                          ; long_opt's (every long option)
debug:	resb 1                          ; --debug
f0stream: resb 1                        ; F not read first (width 1)
st:	resb ST64_RECORD                ; a struct stat64 (layouts.inc)
ambbuf:	resb 512                        ; long_opt's, for an ambiguous name
	resb (64 - _BSS_PAGEOFF % 64) % 64 ; (whole cache lines for the SIMD loads)
buf:	resb BUFSZ + 64                 ; a read, then 64 zero bytes

program_end
