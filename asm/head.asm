; head - the first part of files.
;
; Usage: head [-n [-]N | -c [-]N | -N[bkmcqlvz]] [-qvz] [FILE]...
;   -n N   the first N lines (10 by default); -n -N all but the last N
;   -c N   the first N bytes; -c -N all but the last N
;   -N...  (first argument only) the old form: -N lines, with letters after
;          the digits: c bytes, b k m bytes times 512, 1024, 1048576, l
;          lines, q, v, z as the options
;   -q     never print headers    -v  always print headers
;   -z     lines end with NUL instead of newline
; N may have a suffix: b 512, kB 1000, K KiB 1024, MB 1000^2, M MiB 1024^2,
; and so on with G T P E Z Y (not R Q: 9.1 has none); 64 bits on both arches.
; With more than one FILE (or -v) each is preceded by "==> FILE <==", and a
; blank line before all but the first. "-" and no FILE mean standard input.
; Exit status: 0; 1 when a file could not be opened or read (the others are
; still done), for a bad option or count, or a write error.
; Long options as GNU's getopt_long (prefixes, --opt=ARG or --opt ARG):
; --bytes=[-]N --lines=[-]N --quiet --silent --verbose --zero-terminated.
; Differences from GNU: on i386, "all but the last N" of a pipe with N of
; 4 GiB or more keeps everything in memory.
;
; Output goes through a 4096-byte buffer as glibc's stdio does for GNU, so
; a write error is reported in GNU's words ("error writing 'standard
; output'" while copying, "write error" at the final flush). When stdout
; is a terminal, what is buffered goes out before each read or open that
; may wait (out_tty), as GNU's line-buffered stdout: `slow | head` shows
; each line as it comes.
; -n N reads 8 KiB at a time (GNU's BUFSIZ: a pipe keeps the same bytes
; for a reader after it) and stops at the Nth line end, and moves the
; file offset back to just after it (so `{ head -n1; cat; } < f` works).
; -c N reads no more than N bytes. "All but the last N" of a regular file
; bigger than its block is found as GNU finds it: -c -N from the size,
; -n -N by reading 8 KiB blocks backwards from the end (the offset left
; after what was written). Else it keeps a window in memory that grows
; (brk) only as far as the input needs: at most about twice the last N
; bytes or lines; each time it is full, what precedes the last N is
; written and the rest moved to the front.

%define FAST_SYSCALL                    ; i386: the vDSO's entry after 32 calls
%include "subk.inc"
%include "layout.inc"
use getopt_long, usage, err_file, err_quoted, errno_path, headtail_io, headtail_num
use headtail_out, strlen
use seek64, lseek64, scan_fwd, scan_back

BUFSZ     equ 128 * 1024
OPT_BYTES equ HT_BYTES
OPT_ELIDE equ 2
OPT_PIPE  equ 4                         ; ---presume-input-pipe
%define HT_FD ebp
%define HT_HEAD
%define HT_WSMALL 1280                ; ht_window's first window (wbuf)
%define HT_BAD_LETTER fmt_trailing
%define HDR_ALWAYS 2
%define LONGOPT_BSS_HERE                ; long_opt's ambp on the variables' page

_start:
	fast_syscall_init counted       ; i386: int 0x80 for the first 32 calls
	pop_argv0                       ; xsp = &argv[1]
	mov byte [eol], 10
	mov byte [cnt], 10
	mov xsi, xsp                    ; getopt's next argument

; The old form, only as the first argument: "-" and a digit.
	mov xdx, [xsi]
	test xdx, xdx
	jz .getopt
	cmp byte [xdx], '-'
	jne .getopt
	mov al, [xdx+1]
	sub al, '0'
	cmp al, 9
	ja .getopt
	add xsi, W
	inc xdx                         ; xdx = the digits
	mov xcx, xdx
.l_digit:
	mov al, [xcx]
	sub al, '0'
	cmp al, 9
	ja .l_digits_end
	inc xcx
	jmp .l_digit
.l_digits_end:
	push xcx                        ; where the multiplier goes
	mov ah, 0                       ; ah = the multiplier letter
.l_letter:
	mov al, [xcx]
	inc xcx
	test al, al
	jz .l_done
	cmp al, 'c'
	jne .l_not_c
	mov ah, 0
.l_bytes:
	or byte [mode], OPT_BYTES
	jmp .l_letter
.l_not_c:
	cmp al, 'b'
	je .l_mult
	cmp al, 'k'
	je .l_mult
	cmp al, 'm'
	jne .l_not_mult
.l_mult:
	mov ah, al
	jmp .l_bytes
.l_not_mult:
	cmp al, 'l'
	jne .l_flag
	and byte [mode], ~OPT_BYTES
	jmp .l_letter
.l_flag:
	call ht_flag
	jmp .l_letter
.l_done:
	pop xcx
	mov [xcx], ah
	test ah, ah
	jz .l_parse
	mov [xcx+1], al                 ; (al = 0)
.l_parse:
	call ht_count

; The options (getopt_long: xsi, xdi, xbx are its state); the long
; ones give their letters, ---presume-input-pipe 'P' (GNU's undocumented
; option: "all but the last N" of a regular file read as a pipe's, the
; offset left at the end).
.getopt:
	mov xdi, xsp
	xor ebx, ebx
.opt:
	call getopt_long
	jc .options_done
	cmp al, 'P'
	jne .not_pipe
	or byte [mode], OPT_PIPE
	jmp .opt
.not_pipe:
	cmp al, 'n'
	je .lines
	cmp al, 'c'
	jne .flag
	or byte [mode], OPT_BYTES
.count:                                 ; xdx = N, maybe "-N"
	and byte [mode], ~OPT_ELIDE
	cmp byte [xdx], '-'
	jne .parse
	or byte [mode], OPT_ELIDE
	inc xdx
.parse:
	call ht_count
	jmp .opt
.lines:
	and byte [mode], ~OPT_BYTES
	jmp .count
.flag:
	call ht_flag
	jmp .opt

; GNU refuses "all but the last N bytes" past the largest off_t, with N
; in decimal: the 64-bit [cnt] divided by 10 a dword at a time, the digits
; written backwards from the top of a stack buffer. (xdi, the end of the
; operands, is not needed any more then.)
.options_done:
	mov al, [mode]
	not al
	test al, OPT_BYTES|OPT_ELIDE
	jnz .operands
	cmp byte [cnt+7], 0
	jns .operands
	push 0
	mov xdi, xsp
	sub xsp, 20
	push 10
	pop xcx
	mov esi, cnt
.digit:
	mov eax, [xsi+4]
	xor edx, edx
	div ecx
	mov [xsi+4], eax
	mov eax, [xsi]
	div ecx
	mov [xsi], eax
	add dl, '0'
	dec xdi
	mov [xdi], dl
	or eax, [xsi+4]
	jnz .digit
	mov xdx, xdi
	mov esi, msg_bytes
	jmp count_arg.overflow

; The operands are at xsp up to xdi; none means "-". Headers when -v, or
; when more than one and no -q.
.operands:
	mov xax, xdi
	sub xax, xsp
	jnz .some
	push dash
.some:
	cmp xax, W
	jbe .operand
	cmp byte [hdr], 0
	jne .operand
	mov byte [hdr], HDR_ALWAYS

; Each operand, [xsp] its name ("standard input" for "-"): open it, its
; header, its part; xbp = the fd. (On a terminal what is buffered goes out
; first: the open may wait, a FIFO.)
.operand:
	call out_tty
	mov xsi, [xsp]
	cmp word [xsi], '-'
	jne .open
	mov byte [stdin_used], 1
	mov WPTR [xsp], msg_stdin
	xor ebp, ebp
	jmp .opened
.open:
	sys open, xsi, O_RDONLY|O_LARGEFILE
	xchg eax, ebp
	test ebp, ebp
	jns .opened
	mov eax, ebp                    ; (ebp < 0: nothing to close)
	mov esi, fmt_open
	jmp .report
.opened:
	cmp byte [hdr], HDR_ALWAYS
	jne .part
	mov xdi, [xsp]
	call ht_header
.part:
	call head_fd
	jns .close
	mov esi, fmt_read
.report:                                ; xsi = the format, xax = -errno
	mov xdx, [xsp]
	call say_always
.close:                                 ; not stdin ("-": a file may have
	cmp WPTR [xsp], msg_stdin       ; got fd 0 when stdin was closed, as
	je .next                        ; GNU's it is closed after its part),
	test ebp, ebp                   ; nor a failed open
	js .next
	sys close, ebp
.next:
	pop xax
	cmp WPTR [xsp], 0
	jne .operand

	jmp ht_end

; head_fd - the part of the open file xbp that was asked for, to stdout.
; out: SF=1 and xax = -errno when a read failed, else SF=0.
; [num] = the count left (two dwords, as [cnt]).
head_fd:
	call ht_num
	mov al, [mode]
	test al, OPT_ELIDE
	jnz elide
	test al, OPT_BYTES
	jnz ht_dump                     ; the first N bytes

; The first N lines: ht_find_lines writes the chunks up to the Nth line
; end; the rest of its chunk goes back to the file (lseek; a pipe refuses).
lines:
	mov eax, [num]
	or eax, [num+4]
	jz .ret
	call ht_find_lines
	jle .ret
	push xcx                        ; the bytes after the last line
	sub xdi, xdx
	mov A2, xdx
	mov A3, xdi
	call out_bytes
	pop xcx
	neg xcx
	sys lseek, ebp, xcx, SEEK_CUR
	xor eax, eax
.ret:
	ret

; All but the last N: ht_window (HT_HEAD: it writes what precedes the
; last N), but for a regular file bigger than its block: from the offset
; it is at ([spos]), as GNU.
; (fstat64: its struct stat64 has the type, size and block size on every
; kernel, where statx would need its fallback before Linux 4.11.)
elide:
	mov A2d, st
	sys fstat64, ebp
	test eax, eax
	js .fstat
	test byte [mode], OPT_PIPE
	jnz ht_window
	st64_isreg al, st		; (ZF: a regular file)
	jne ht_window
	cmp dword [st+ST64_SIZE+4], 0
	jne .file
	mov eax, [st+ST64_SIZE]
	cmp eax, [st+ST64_BLKSIZE]
	jbe .window
.file:
	mov esi, spos
	xor eax, eax
	mov [xsi], eax
	mov [xsi+4], eax
	mov cl, SEEK_CUR
	mov A1d, ebp
	call seek64
	js .window
	sub64 st+ST64_SIZE, spos		; edx:eax = the bytes from there
	jb .nothing
	test byte [mode], OPT_BYTES
	jz .lines

; "All but the last N bytes": the first size - offset - N (64-bit).
	sub eax, [cnt]
	sbb edx, [cnt+4]
	jb .nothing
	mov [num], eax
	mov [num+4], edx
	jmp ht_dump
.nothing:
	xor eax, eax
	ret
; A regular file through the window: then its offset put back after what
; was written (GNU's desired_pos), before the last N the window holds.
.window:
	call ht_window
	js .ret
	mov xax, [fill]
	neg xax
	sys lseek, ebp, xax, SEEK_CUR
	xor eax, eax
.ret:
	ret
.fstat:
	mov esi, fmt_fstat
	pop xcx                         ; the caller reports, not ours
	jmp _start.report

; "All but the last N lines", as GNU's elide_tail_lines_seekable: blocks
; of 8 KiB at offsets [epos] that are [spos] plus a multiple of 8 KiB, read
; from the end backwards until the N+1th line end from the end (a last line
; without its end counts); then the file from [spos] up to that line end
; is copied, which leaves the offset after it. Not so many lines: nothing,
; the offset after the block read last (GNU's). N = 0, all: the window.
; xsi = epos, beside num (N, counted down) and spos.
.lines:                                 ; edx:eax = size - [spos]
	mov ecx, eax
	or ecx, edx
	jz .nothing
	mov ecx, [cnt]
	or ecx, [cnt+4]
	jz .window
	mov ecx, eax                    ; the last block: 1 to 8192 bytes
	and ecx, 8191
	jnz .last
	mov ch, 8192 >> 8
.last:
	sub eax, ecx
	sbb edx, 0
	add eax, [xsi]
	adc edx, [xsi+4]
	sub esi, spos - epos
	mov [xsi], eax
	mov [xsi+4], edx
	mov A3d, ecx
	call .read
	cmp [xdi], al
	je .scan
	sub dword [xsi+num-epos], 1     ; (N > 0)
	sbb dword [xsi+num-epos+4], 0
.scan:
	call scan_back
	jne .prev
	sub dword [xsi+num-epos], 1
	sbb dword [xsi+num-epos+4], 0
	jnc .scan
	inc ecx                         ; the bytes up to the line end
	mov eax, [xsi]
	mov edx, [xsi+4]
	add eax, ecx
	adc edx, 0
	add esi, spos - epos
	sub eax, [xsi]
	sbb edx, [xsi+4]
	mov [num], eax
	mov [num+4], edx
	call .seek
	jns ht_dump
	ret
.prev:                                  ; the block before, if any
	jne64 eax, xsi, xsi+spos-epos, .back
	jmp .nothing
.back:
	sub dword [xsi], 8192
	sbb dword [xsi+4], 0
	mov A3d, 8192
	call .read
	jmp .scan

; .read - A3 bytes at [xsi] (epos) into buf: xcx = how many, xdi = the
; last, al = [eol]. At the end of the file (SF=0) or on an error (SF=1,
; xax = -errno), back to head_fd's caller.
.read:
	push A3
	call .seek
	pop A3
	js .fail
	push xsi
	mov A2d, buf
	sys read
	pop xsi
	test eax, eax
	jle .fail
	xchg eax, ecx
	lea xdi, [xcx + buf - 1]
	mov al, [eol]
	ret
.fail:
	pop xcx
	ret
.seek:                                  ; to [xsi]
	mov cl, SEEK_SET
	mov A1d, ebp
	jmp seek64

OPTSPEC:	db 'c:n:qvz0123456789', 0
LONGOPTS:
	db 'c'|0x80, 'bytes', 0
	db 'n'|0x80, 'lines', 0
	db 'P', '-presume-input-pipe', 0
	db 'q', 'quiet', 0
	db 'q', 'silent', 0
	db 'v', 'verbose', 0
	db 'z', 'zero-terminated', 0
	db '?', 'help', 0
	db '?', 'version', 0
	db 0
fmt_trailing:	db F_ARGV0, ': invalid trailing option -- ', F_ARG, 10, F_TRY, 0

; The small variables first, then the output buffer: they share a page.
; The reads go right after what obuf holds (in place: small outputs are
; never copied), so buf is only the room after obuf. (On i386 the
; library's argv0 and status come after it.)
BSS
	BSS_ROOM 2048                   ; the variables, st, obuf's start: one page
	GLOBALS_HERE                    ; i386: argv0 and status with them
	ht_vars_words			; base cap fill obuf_len (macros.inc)
cnt:		resd 2
num:		resd 2
epos:		resd 2                  ; elide: the block read last
spos:		resd 2                  ; elide: the offset at the start
	ht_vars_bytes			; cnt_err out_err mode hdr eol headed stdin_used
ambp:		resd 1                  ; long_opt's (every long option)
st:		resb ST64_RECORD        ; fstat64 (not in buf: a page less)
wbuf:		resb HT_WSMALL            ; ht_window's first window
obuf:		resb OBUFSZ
buf:		resb BUFSZ
ambbuf:		resb 512                ; long_opt's, for an ambiguous name

program_end
