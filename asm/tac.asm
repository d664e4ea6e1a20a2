; tac - concatenate and print files in reverse, record by record.
;
; Usage: tac [-br] [-s SEP] [FILE]...
;   -b      the separator starts a record instead of ending it
;   -r      SEP is a regular expression: only one without metacharacters
;           (. [ ] * + ? ^ $ \ ( ) { } |), which matches itself
;   -s SEP  records end (-b: start) with the string SEP, not a newline;
;           an empty SEP is a NUL byte (with -r it is an error, as GNU's)
; "-" and no FILE mean standard input. As GNU's, a last record without
; its separator is printed as it is (so "a\nb" gives "ba\n"), and matches
; of SEP are found from the end, never overlapping.
; Exit status: 0; 1 when a file could not be read (the others are still
; printed), on a write error, or for -r with a real regular expression.
; Differences from GNU: -r with regex metacharacters in SEP fails with a
; message instead of matching; long options (--before, --regex,
; --separator) are not supported. "failed to open FILE" quotes FILE as
; quote() does (GNU: shell-escape style, always quoted): they differ only
; for names with ' or control bytes. GNU's tac sometimes splits a
; multi-byte SEP whose candidate matches overlap (aba in ababa) wrongly
; where they cross one of its 8 KiB read boundaries; here the matches are
; the same wherever they lie.
;
; A file that can seek is read from its end, CHUNK bytes at a time at
; offsets that are multiples of CHUNK (the first read, at the last such
; offset, gets the tail; like GNU's, a read of nothing there steps back
; for files whose size is only an estimate). The part of a record not
; yet printed stays at the top of a buffer at the program break, below
; which the next chunk is read; the buffer grows for long records. Other
; input (pipes, ttys, /proc) is read whole into the buffer first.

%include "subk.inc"
%include "layout.inc"
use getopt, usage, err_file, errno_path, lseek64, quote_arg, err_plain
use outbuf
%define OUT_POS V(opos)
%define OUT_EXIT bye

OUTSZ   equ 65536
%define V(x) xbp + x - VB
CHUNK   equ 65536
OPT_r   equ 0                           ; bits of [flags]: getopt's index
OPT_b   equ 1                           ; in OPTSPEC

_start:
	save_argv0
	mov ebp, VB                     ; xbp: the variables, all along
	getopt_init
	mov dword [V(opos)], outbuf
	mov dword [V(sep)], newline
.opt:
	call getopt                     ; al = the letter, xdx = SEP
	jc .operands
	cmp al, 's'
	je .sep
	bts [V(flags)], ecx
	jmp .opt
.sep:
	mov [V(sep)], xdx
	jmp .opt

; The operands are at xsp+2W up to xdi (none: "-"); [V(opnd)] walks them.
.operands:
	lea xax, [xsp + 2*W]
	mov [V(opnd)], xax
	cmp xdi, xax
	jne .separator
	mov WPTR [xdi], dash
	and WPTR [xdi + W], 0

; The separator: its length; "" is the NUL byte, or an error with -r;
; -r takes only a SEP without metacharacters (a string that matches
; itself).
.separator:
	mov A2, [V(sep)]
	call strlen                     ; A3 = its length
	test byte [V(flags)], 1 << OPT_r
	jz .literal
	mov esi, msg_empty
	test A3, A3
	jz fail
	mov xsi, [V(sep)]
.meta:
	lodsb
	test al, al
	jz .literal
	mov edi, meta
	push META_LEN
	pop xcx
	repne scasb
	jne .meta
	mov esi, msg_regex
	jmp fail
.literal:
	test A3, A3
	jnz .length
	inc A3
.length:
	mov [V(seplen)], A3
	sys brk, 0
	mov [V(base)], xax
	mov [V(cap)], xax

.file:
	mov xsi, [V(opnd)]
	mov xsi, [xsi]
	test xsi, xsi
	jz .end
	xor eax, eax
	mov edx, msg_stdin
	cmp word [xsi], '-'
	je .stdin
	mov xdx, xsi
	sys open, xsi, O_RDONLY|O_LARGEFILE
	test eax, eax
	js .open_failed
	jmp .opened
.stdin:
	mov byte [V(stdin_used)], 1
.opened:
	mov [V(rname)], xdx
	mov [V(fd)], xax
	call tac_fd
	cmp dword [V(rname)], msg_stdin    ; stdin stays open (closed at the end)
	je .next
	sys close, [V(fd)]
.next:
	add WPTR [V(opnd)], W
	jmp .file
.open_failed:
	mov xdx, [V(opnd)]
	mov xdx, [xdx]
	mov esi, fmt_open
	call say_error
	jmp .next

; The end: as GNU's, stdin is closed when it was read, which fails when
; it was never open.
.end:
	call ob_flush
	cmp byte [V(stdin_used)], 0
	je bye
	sys close, 0
	test eax, eax
	jns bye
	mov esi, dash
	call err_file
bye:
	exit_status

fail:                                   ; "ARGV0: TEXT" (xsi), status 1
	call err_plain
	jmp bye

; tac_fd - print the records of [V(fd)] in reverse. A read error prints
; GNU's message and returns from here at once (through [V(savesp)]).
tac_fd:
	mov [V(savesp)], xsp
	mov xax, [V(base)]
	mov [V(dstart)], xax
	mov [V(rend)], xax
	xor eax, eax                    ; its size: lseek(fd, 0, SEEK_END)
	xor edx, edx
	mov A1, [V(fd)]
	mov cl, SEEK_END
	call lseek64                    ; (i386: a size whose low half looks
	test edx, edx                   ; like -errno, with a high half of 0,
	jnz .seekable                   ; is taken for an error: such a file
	cmp xax, -4095                  ; is read whole, the same bytes)
	jae .whole
.seekable:
	and xax, -CHUNK                 ; the last offset that is a multiple
	mov [V(posl)], xax
	mov [V(posh)], edx
.tail:
	call room
	call pread_chunk
	test xax, xax
	jnz .got
	call pos_zero                   ; nothing there: step back, unless
	jz ret_                         ; at the start (an empty file)
	call pos_back
	jmp .tail
.got:
	mov xdx, [V(dstart)]
	sub xdx, CHUNK
	mov [V(dstart)], xdx
	add xdx, xax
	mov [V(rend)], xdx
	jmp .scan_end

; Not seekable (GNU's test: lseek fails): all of it into the buffer from
; base up, read from where its offset stands; then the offset is "0".
.whole:
	and WPTR [V(posl)], 0
	and dword [V(posh)], 0
.more:
	mov A1, [V(rend)]
	mov xax, [V(cap)]
	sub xax, A1
	cmp xax, CHUNK
	jae .read
	sub A1, [V(base)]                  ; the break: rend + CHUNK + rend-base
	add A1, [V(rend)]
	add A1, CHUNK
	call grow
.read:
	mov A3, [V(cap)]
	sub A3, [V(rend)]
	sys read, [V(fd)], [V(rend)]
	cmp eax, -EINTR
	je .read
	test xax, xax
	js read_error
	jz .scan_end
	add [V(rend)], xax
	jmp .more

; The scan: xsi = p, where the next match is tried, from the end down.
; A match at p ends the record after it (from p + seplen, or from p with
; -b, up to rend), which is printed; rend moves to its start, and the
; next match must end at p at most.
.scan_end:
	mov xsi, [V(rend)]
	sub xsi, [V(seplen)]
.scan:
	mov xbx, [V(sep)]
	mov bl, [xbx]
.try:
	cmp xsi, [V(dstart)]
	jb .need
	cmp [xsi], bl
	je .candidate
.back:
	dec xsi
	jmp .try
.candidate:
	mov xcx, [V(seplen)]
	dec xcx
	jz .match
	push xsi
	mov xdi, [V(sep)]
	inc xdi
	inc xsi
	repe cmpsb
	pop xsi
	jne .back
.match:
	mov [V(p)], xsi
	mov xcx, [V(rend)]
	test byte [V(flags)], 1 << OPT_b
	jnz .before
	add xsi, [V(seplen)]
.before:
	mov [V(rend)], xsi
	sub xcx, xsi
	call ob_put
	mov xsi, [V(p)]
	sub xsi, [V(seplen)]
	jmp .scan

; p is below the data: the chunk before it is read, or, at the start of
; the file, what is left is the first record.
.need:
	mov [V(p)], xsi
	call pos_zero
	jnz .chunk
	mov xsi, [V(dstart)]
	mov xcx, [V(rend)]
	sub xcx, xsi
	jmp ob_put
.chunk:
	call room
	call pos_back
	call pread_chunk
	sub WPTR [V(dstart)], CHUNK
	mov xsi, [V(p)]
	jmp .scan

; pos_zero - ZF=1 when the offset [V(posh)]:[V(posl)] is 0. clobbers: xax
pos_zero:
	mov eax, [V(posh)]
	or xax, [V(posl)]
ret_:
	ret

; pos_back - the offset moves CHUNK back. clobbers: xax, xdx
pos_back:
	mov xax, [V(posl)]
	mov edx, [V(posh)]
	sub xax, CHUNK
	sbb edx, 0
	mov [V(posl)], xax
	mov [V(posh)], edx
	ret

; pread_chunk - read CHUNK bytes at the offset into the CHUNK below
; dstart -> xax = the count. (x86_64 takes the whole offset in A4 and
; ignores A5; i386 the halves.)
pread_chunk:
	mov A4, [V(posl)]
	mov A5d, [V(posh)]
	mov A2, [V(dstart)]
	sub A2, CHUNK
	sys pread64, [V(fd)], A2, CHUNK
	cmp eax, -EINTR
	je pread_chunk
	test xax, xax
	js read_error
	ret

read_error:                             ; "ARGV0: NAME: read error: REASON"
	mov xdx, [V(rname)]
	mov esi, fmt_read
	call say_error
	mov xsp, [V(savesp)]
	ret

; room - CHUNK bytes free below dstart: the data not yet printed,
; dstart..rend, is moved up to the top of the buffer (grown if it must
; be); dstart, rend and p follow it.
room:
	mov xax, [V(dstart)]
	sub xax, [V(base)]
	cmp xax, CHUNK
	jae ret_
	mov xcx, [V(rend)]
	sub xcx, [V(dstart)]               ; xcx = the bytes to keep
	lea A1, [xcx + CHUNK]
	add A1, [V(base)]
	cmp A1, [V(cap)]
	jbe .move
	add A1, xcx                     ; room for as much again
	push xcx
	call grow
	pop xcx
.move:
	mov xsi, [V(rend)]
	mov xdi, [V(cap)]
	mov xax, xdi
	sub xax, xsi
	add [V(dstart)], xax
	add [V(p)], xax
	mov [V(rend)], xdi
	dec xsi
	dec xdi
	std
	rep movsb
	cld
	ret

; grow - the break to A1 (above cap), or "memory exhausted".
grow:
	sys brk
	cmp xax, A1
	mov esi, msg_nomem
	jne fail
	mov [V(cap)], xax
	ret

OPTSPEC:	db 'rbs:', 0
meta:		db '.[]*+?^$\(){}|'
META_LEN	equ $ - meta
newline:	db 10, 0
dash:		db '-', 0
msg_stdin:	db 'standard input', 0
msg_nomem:	db 'memory exhausted', 0
msg_empty:	db 'separator cannot be empty', 0
msg_regex:	db '-r: regular expressions are not supported', 0
fmt_open:	db F_ARGV0, ': failed to open ', F_QUOTE, ' for reading', F_REASON, 10, 0
fmt_read:	db F_ARGV0, ': ', F_FILE, ': read error', F_REASON, 10, 0

BSS
	GLOBALS_HERE                    ; i386: argv0 and status here, not after the buffers
VB equ base + 128                       ; xbp: [V(x)] is short
base:	resW 1                          ; the buffer: base..cap
cap:	resW 1
dstart:	resW 1                          ; the data read: dstart..rend is
rend:	resW 1                          ; not printed yet
p:	resW 1                          ; where the scan stands
posl:	resW 1                          ; the file offset of the chunk
posh:	resd 1                          ; at dstart (i386: the high half)
opos:	resW 1                          ; the end of the output buffered
sep:	resW 1
seplen:	resW 1
fd:	resW 1
rname:	resW 1                          ; the name for a read error
savesp:	resW 1
flags:	resd 1                          ; OPT_b, OPT_r
stdin_used: resb 1
opnd:	resW 1                          ; the operand being read
outbuf:	resb OUTSZ

program_end
