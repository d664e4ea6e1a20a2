; base64 - encode or decode base64 (RFC 4648) data.
;
; Usage: base64 [-di] [-w COLS] [FILE]
;   -d, --decode          decode
;   -i, --ignore-garbage  when decoding, skip every byte outside the
;                         alphabet (and '=')
;   -w, --wrap=COLS       encoded lines of COLS characters (default 76;
;                         0: no wrapping)
; No FILE or "-": standard input. Long options take GNU's prefixes.
; Exit status: 0; 1 for invalid input (after writing what was decoded
; before it), a read or write error, a bad option or operand.
; Differences from GNU: --help and --version are refused ("unrecognized
; option"); a wrap width over 2^31-1 acts as 2^31-1 (GNU: as given on
; x86_64, which matters only for lines over 2 GiB).
;
; Encoding takes 3 bytes at a time (one dword load, bswap, four lookups
; in the alphabet, one dword store); the line is checked once per 4
; characters and split only when a line ends inside them. Decoding takes
; 4 characters at a time through a 256-byte table (built at start) while
; they are all in the alphabet, and one at a time otherwise, as gnulib's
; base64_decode_ctx: newlines (with -i, anything outside the alphabet and
; '=') are dropped, the rest is cut in quads, each one "xxxx", "xxx=" or
; "xx==" (padding may end any quad), and at the first bad quad the bytes
; of it that gnulib writes are written, then "invalid input". The first
; block (encoding 510 bytes, decoding GNU's first chunk of 4096
; characters) starts on the variables' page, so a small run touches one
; page of them. A read error ends the input as GNU's do: encoding, after
; the bytes read before it; decoding, after its whole chunks of 4096
; characters (not the garbage-free ones of GNU's -d -i: see README).

%define FAST_SYSCALL                    ; i386: the vDSO's entry after 32 calls
%include "subk.inc"
%include "layout.inc"
use getopt_long, usage, extra_operand, err_quoted, err_file, errno_path, write_all

INSZ	equ 65536		; input buffer (encoding: 49152 bytes a block)
ENCBLK	equ 49152		; a multiple of 3
OUTSZ	equ 2 * INSZ + 64	; 4/3 of the input and a newline per character
SENC	equ 510			; the first block, encoding (a multiple of 3)
DECCH	equ 4096		; GNU's decoding chunk (BASE_LENGTH (DEC_BLOCKSIZE))
SDEC	equ DECCH		; the first block, decoding
DECBLK	equ 16 * DECCH		; the next ones (<= INSZ)
SOUTSZ	equ SDEC * 3 / 4 + 16	; (more than encoding's 2 * SENC * 4 / 3)
F_SETPIPE_SZ equ F_LINUX_SPECIFIC_BASE + 7      ; linux/fcntl.h
F_GETPIPE_SZ equ F_LINUX_SPECIFIC_BASE + 8
BAD	equ 0xff		; dtab: not in the alphabet
NL	equ 0xfe		; dtab: newline
PAD	equ 64			; dtab: '='

_start:
	fast_syscall_init counted       ; i386: int 0x80 for the first 32 calls
	pop_argv0			; xsp = &argv[1]
	mov dword [wrap], 76
	getopt_here
.opt:
	call getopt_long
	jc .options_done
	cmp al, 'w'
	je .wrap
	movzx eax, al                   ; -d, -i: their bytes, 5 apart
	mov byte [xax + decode - 'd'], 1
	jmp .opt
.wrap:
	push xsi
	push xbx
	mov xsi, xdx
	call parse_wrap
	pop xbx
	pop xsi
	mov [wrap], eax
	jmp .opt

; The operand: none is "-", a second one is too many.
.options_done:
	mov xax, [xsp]
	test xax, xax
	jnz .one
	mov eax, dash
	jmp .open
.one:
	mov xdx, [xsp+W]
	test xdx, xdx
	jnz extra_operand
.open:
	mov [name], xax
	xor ebp, ebp				; stdin
	cmp word [xax], '-'
	je .opened
	sys open, xax, O_RDONLY|O_LARGEFILE
	xchg eax, ebp
	test ebp, ebp
	jns .opened
	xchg eax, ebp
	mov xsi, [name]
	call err_file
	exit 1
.opened:
	mov [fd], ebp

; A pipe as stdout is raised to 1 MiB if it has less (never lowered; the
; kernel may refuse): the reader and this process then overlap instead of
; taking turns at each block. F_GETPIPE_SZ, then F_SETPIPE_SZ through the
; same call, whose answer (1 MiB or more, or -errno) ends the loop.
	pipe_grow				; (macros.inc)
	mov dword [bin], sbuf
	mov dword [bout], sout
	cmp byte [decode], 0
	jne decode_all

; Encoding: blocks of [bsize] (SENC, then ENCBLK), each encoded and
; written; after the last (a short one), the newline of a started line.
	mov eax, [wrap]
	test eax, eax
	jnz .left
	dec eax
.left:
	mov [left], eax
	mov dword [bsize], SENC
	b64_block enc_block			; read, encoded (ZF: a full block)
	je .more
	mov eax, [wrap]
	test eax, eax
	jz last_block
	cmp eax, [left]
	je last_block
	mov byte [xdi], 10
	inc edi
	jmp last_block
.more:
	mov ebp, ENCBLK
	call next_block
	cmp byte [etab], 0			; (built: 'AA')
	jne .block
; etab: for each 12 bits, their two characters (built once, for the big
; blocks only: a small run does not touch its 8 KiB).
	xor ecx, ecx
.etab:
	mov eax, ecx
	shr eax, 6
	movzx edx, byte [alphabet + xax]
	mov eax, ecx
	and eax, 63
	mov dh, [alphabet + xax]
	mov [etab + xcx*2], dx
	inc ecx
	cmp ecx, 4096
	jb .etab
	jmp .block

; next_block - write the block's output; the next blocks are of ebp
; bytes, in the big buffers. clobbers xax, xcx, xdx, A1..A3
next_block:
	call write_out
	mov [bsize], ebp
	mov dword [bin], inbuf
	mov dword [bout], outbuf
	ret

; read_block - [bsize] bytes (fewer only at the end) from [fd] into
; [bin]: eax = the count; a read error ends the input ([rerr], "read
; error" said after the output): encoding, with the bytes read before it,
; as GNU's do_encode; decoding, with the chunks of 4096 characters read
; whole before it (GNU's do_decode decodes no other). clobbers xcx, xdx, xsi, A1..A3
read_block:
	and dword [got], 0
.more:
	mov A3d, [bsize]
	sub A3d, [got]
	jz .done
	mov A2d, [bin]
	add A2d, [got]
	sys read, [fd]
	read_result eax, .more, .error, .done
	add [got], eax
	jmp .more
.error:                                 ; encoding: the bytes before it
	mov [rerr], eax                 ; encoded first, as GNU's do_encode;
	cmp byte [decode], 0            ; decoding: GNU's whole chunks
	je .done
	and word [got], -DECCH         ; (the low word: got < 65536)
.done:
	mov eax, [got]
	ret
; die - GNU's die(): xsi = text, xax = -errno or 0. Its error() flushes
; stdout first: output held after a failed write makes that flush fail,
; and close_stdout then says "write error", with a reason only when
; closing stdout fails too (EBADF: stdout closed).
die:
	call err_text
	cmp dword [werr], 0
	je .bye
.close:
	sys close, 1
	mov esi, msg_write
	call err_text
.bye:
	exit 1

; last_block - the end: the last block's output written, then "read
; error" when one ended the input (after the output, as GNU's).
last_block:
	call write_out
	mov eax, [rerr]
	mov esi, msg_read
	test eax, eax
	jnz die
; finish - the end: close_stdout's "write error: REASON" when a write
; failed that GNU's stdio would still have held; else status 0.
finish:
	mov eax, [werr]
	mov esi, msg_write
	test eax, eax
	jz .ok
	call err_text
.ok:
	exit_status

; write_out - write [bout] up to xdi, as GNU's stdio would fail: its
; 4096-byte buffer writes only past 4096 bytes of output (or, for an
; encoding without wrapping, a block of 4096 or more at once); 8192 (glibc's
; BUFSIZ) when stdout is closed (EBADF), as its fstat fails then, unless
; FILE was opened as fd 1 (glibc's fstat of stdout finds it). So a failed
; write is reported at once ("write error: REASON", then close_stdout's
; "write error") only when GNU would have written by then; else it is
; kept in werr, nothing more is written, and the output counted on.
; clobbers xax, xcx, xdx, A1..A3
write_out:
	mov A3d, edi
	mov A2d, [bout]
	sub A3d, A2d
	add [tot], A3d
	adc dword [tot+4], 0
	cmp dword [werr], 0
	jne .failed
	push 1
	pop A1
	call write_all
	jns .ret
	mov [werr], eax
.failed:
	mov eax, [tot]
	cmp dword [tot+4], 0
	jne .flushed
	mov ecx, 4096                   ; st_blksize
	cmp dword [werr], -EBADF
	jne .size
	cmp byte [fd], 1                ; (FILE took fd 1: stdout's fstat
	je .size                        ; finds it, a 4096-byte buffer)
	add ecx, ecx                    ; stdout closed: fstat failed, BUFSIZ
.size:
	cmp eax, ecx
	ja .flushed
	jb .ret
	cmp byte [decode], 0
	jne .ret
	cmp dword [wrap], 0
	jne .ret
.flushed:
	mov eax, [werr]
	mov esi, msg_write
	call err_text
	jmp die.close
.ret:
	ret

; enc4 - ebx = the 4 characters of the 3 bytes in al, ah and eax's byte
; 2 (the first character in bl): 6 bits a turn from the top, each
; character rotated into ebx from its top. clobbers xax, xdx
enc4:
	bswap eax
	push xcx
	push 4
	pop xcx
.six:
	rol eax, 6
	mov edx, eax
	and edx, 63
	mov bl, [alphabet + xdx]
	ror ebx, 8
	loop .six
	pop xcx
	ret

; enc_block - encode ecx bytes at xsi into xdi (xdi advanced): groups of
; 3; a last group of 1 or 2 bytes with '=' padding. [left] = the
; characters still free on the line (all ones when not wrapping), kept in
; ebp meanwhile. clobbers xax, xbx, xcx, xdx, xsi
enc_block:
	mov ebp, [left]
	cmp byte [etab], 0			; (the big blocks)
	jne .fgroup
.group:
	cmp ecx, 3
	jb .tail
	mov eax, [xsi]
	add esi, 3
	sub ecx, 3
	call enc4
.emit:					; ebx = 4 characters
	cmp ebp, 4
	jb .split
	mov [xdi], ebx
	add edi, 4
	sub ebp, 4
	jnz .group
	call .newline
	jmp .group
.split:
	call .put4
	jmp .group

; The big blocks: two characters a lookup in etab (12 bits each).
.fgroup:
	cmp ecx, 3
	jb .tail
	cmp ebp, 4
	jb .fsplit
	mov eax, [xsi]
	bswap eax
	mov edx, eax
	shr edx, 20
	movzx ebx, word [etab + xdx*2]
	shr eax, 8
	and eax, 0xfff
	movzx eax, word [etab + xax*2]
	shl eax, 16
	or eax, ebx
	mov [xdi], eax
	add esi, 3
	sub ecx, 3
	add edi, 4
	sub ebp, 4
	jnz .fgroup
	call .newline
	jmp .fgroup
.fsplit:
	mov eax, [xsi]
	add esi, 3
	sub ecx, 3
	call enc4
	call .put4
	jmp .fgroup

; .put4: the 4 characters in ebx, one at a time: the line ends inside
; them.
.put4:
	push xcx
	mov cl, 4
.char:
	mov [xdi], bl
	inc edi
	shr ebx, 8
	dec ebp
	jnz .char_next
	call .newline
.char_next:
	dec cl
	jnz .char
	pop xcx
	ret
.newline:
	mov ebp, [wrap]
	test ebp, ebp
	jz .no_wrap
	mov byte [xdi], 10
	inc edi
	ret
.no_wrap:
	dec ebp
	ret
.tail:					; 0, 1 or 2 bytes left: the end
	jxcxz .done
	movzx eax, byte [xsi]
	cmp ecx, 1
	je .one
	mov ah, [xsi+1]
.one:
	call enc4
	cmp ecx, 1
	jne .two
	and ebx, 0xffff
	or ebx, '==' << 16
	jmp .padded
.two:
	and ebx, 0xffffff
	or ebx, '=' << 24
.padded:
	xor ecx, ecx
	jmp .emit
.done:
	mov [left], ebp
	ret

; Decoding: blocks of [bsize] (SDEC, then DECBLK: GNU's chunks) decoded and written; at
; the end a quad begun is invalid (its bytes written first, as gnulib).
decode_all:
	mov edi, dtab			; the table: BAD, NL, PAD, 0..63
	mov al, BAD
	mov ecx, 256
	rep stosb
	mov byte [dtab + 10], NL
	mov byte [dtab + '='], PAD
	xor eax, eax
.table:
	movzx edx, byte [alphabet + xax]
	mov [dtab + xdx], al
	inc eax
	cmp al, 64
	jb .table
	mov dword [bsize], SDEC
	b64_block dec_block			; read, decoded (ZF: a full block)
	jne .end
	mov ebp, DECBLK
	call next_block
	jmp .block
.end:
	cmp dword [rerr], 0		; a read error: the chunks read whole
	jne last_block			; before it, as GNU's
	movzx ebx, byte [qn]
	test ebx, ebx
	jz last_block
	call decode_4			; (always invalid)
	jmp invalid

; invalid - write what was decoded (up to xdi), then GNU's message.
invalid:
	call write_out
	mov esi, msg_invalid
	xor eax, eax
	jmp die

; dec_block - decode ecx characters at xsi into xdi (xdi advanced); the
; quad begun is kept in q and qn across blocks. Jumps to invalid at a
; bad quad. clobbers xax, xbx, xcx, xdx, xsi, xbp
dec_block:
	add ecx, esi
	mov [dend], ecx
	cmp byte [qn], 0
	jne .slow
; Four characters of the alphabet: three bytes. ebp ors the table values
; (anything else has bit 6 or 7).
.fast:
	lea eax, [esi+4]
	cmp eax, [dend]
	ja .slow
	movzx eax, byte [xsi]
	movzx ebx, byte [dtab + xax]
	mov ebp, ebx
%assign i 1
%rep 3					; the other three, 6 bits each
	movzx eax, byte [xsi+i]
	movzx edx, byte [dtab + xax]
	or ebp, edx
	shl ebx, 6
	or ebx, edx
 %assign i i+1
%endrep
	test ebp, 0xc0
	jnz .slow
	shl ebx, 8
	bswap ebx
	mov [xdi], ebx
	add edi, 3
	add esi, 4
	jmp .fast
; One character at a time until a quad is complete.
.slow:
	cmp esi, [dend]
	jae .ret
	movzx eax, byte [xsi]
	inc esi
	mov dl, [dtab + xax]
	cmp dl, NL
	je .slow
	cmp dl, BAD
	jne .keep
	cmp byte [garbage], 0
	jne .slow
.keep:
	movzx ebx, byte [qn]
	mov [q + xbx], al
	inc ebx
	mov [qn], bl
	cmp bl, 4
	jne .slow
	mov byte [qn], 0
	call decode_4
	jc invalid
	jmp .fast
.ret:
	ret

; decode_4 - gnulib's decode_4 of the ebx (1..4) characters in q into
; xdi: CF=1 when invalid, after writing the bytes gnulib writes of it.
; clobbers xax, xdx
decode_4:
	cmp ebx, 2
	jb .bad
	movzx eax, byte [q]
	mov al, [dtab + xax]
	cmp al, 64
	jae .bad
	movzx edx, byte [q+1]
	mov dl, [dtab + xdx]
	cmp dl, 64
	jae .bad
	shl al, 2
	mov ah, dl
	shr ah, 4
	or al, ah
	stosb
	cmp ebx, 2
	je .bad
	movzx eax, byte [q+2]
	cmp al, '='
	jne .third
	cmp ebx, 4
	jne .bad
	cmp byte [q+3], '='
	jne .bad
	clc
	ret
.third:
	mov al, [dtab + xax]
	cmp al, 64
	jae .bad
	shl dl, 4
	mov ah, al
	shr ah, 2
	or dl, ah
	mov [xdi], dl
	inc edi
	cmp ebx, 3
	je .bad
	movzx edx, byte [q+3]
	cmp dl, '='
	je .ok
	mov dl, [dtab + xdx]
	cmp dl, 64
	jae .bad
	shl al, 6
	or al, dl
	stosb
.ok:
	clc
	ret
.bad:
	stc
	ret

; parse_wrap - GNU's -w: xstrtoimax(s, NULL, 10, &w, "") with an
; overflow (past 2^63-1) taken as 0 (GNU's IDX_MAX test); negative or not a number: "invalid wrap
; size: 'S'" and exit 1. in: xsi = S; out: eax = the width (at most
; 2^31-1). clobbers xcx, xdx, xbx
parse_wrap:
	push xsi
.blank:
	lodsb
	cmp al, ' '
	je .blank
	lea ecx, [eax-9]
	cmp cl, 5
	jb .blank
	xor edx, edx			; dh: 1 after '-'
	cmp al, '+'
	je .sign
	cmp al, '-'
	jne .first
	inc dh
.sign:
	lodsb
.first:
	lea xbx, [xsi-1]		; the digits
	xor ecx, ecx			; the value, 2^31-1 at most
	sub al, '0'
	cmp al, 9
	ja .invalid
.digit:
	movzx eax, al
	imul ecx, ecx, 10
	jo .big
	add ecx, eax
	jno .next
.big:
	mov ecx, 0x7fffffff
	mov dl, 1			; (overflowed: stays at the largest)
.next:
	lodsb
	sub al, '0'
	cmp al, 9
	ja .end
	test dl, dl
	jnz .next
	jmp .digit
.end:
	cmp al, -'0'			; the NUL
	jne .invalid
	test dh, dh
	jz .positive
	test ecx, ecx			; -0 only
	jnz .invalid
.positive:				; past 2^63-1 (an overflow): 0
	dec xbx
.zeros:
	inc xbx
	cmp byte [xbx], '0'
	je .zeros
	lea xax, [xsi-1]
	sub xax, xbx			; the digits after the zeros
	cmp eax, 19
	jb .ok
	ja .zero
	push xsi
	push xdi
	mov xsi, xbx
	mov edi, int64_max
	push 19
	pop xcx
	repe cmpsb
	pop xdi
	pop xsi
	mov ecx, 0x7fffffff
	jbe .ok
.zero:
	xor ecx, ecx
.ok:
	pop xsi
	xchg eax, ecx
	ret
.invalid:
	pop xdx
	mov esi, msg_wrap
	xor eax, eax
	call err_quoted
	exit 1

OPTSPEC:	db 'diw:', 0
LONGOPTS:
	db 'd', 'decode', 0
	db 'w'|0x80, 'wrap', 0
	db 'i', 'ignore-garbage', 0
	db '?', 'help', 0
	db '?', 'version', 0
	db 0
alphabet:	db 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'
int64_max:	db '9223372036854775807'
msg_wrap:	db 'invalid wrap size: ', 0
msg_read:	db 'read error', 0
msg_write:	db 'write error', 0
msg_invalid:	db 'invalid input', 0
dash:		db '-', 0

BSS
; The big buffers first, then from a page boundary the variables, the
; decoding table, the library's variables (i386: argv0, status) and the
; first block's buffers: one page for a small run.
inbuf:	resb INSZ + 16
outbuf:	resb OUTSZ
etab:	resw 4096
	resb (-(($ - $$) + ((_rw_vaddr + _data_size + W-1) & -W))) & (PAGE-1)
name:	resW 1
wrap:	resd 1
left:	resd 1
fd:	resW 1
got:	resd 1
werr:	resd 1
rerr:	resd 1
tot:	resd 2
bsize:	resd 1
bin:	resd 1
bout:	resd 1
dend:	resd 1
decode:	resb 1				; (-d: decode + 'd' - 'd'; -i:
q:	resb 4				; decode + 'i' - 'd')
garbage: resb 1
qn:	resb 1
dtab:	resb 256
	GLOBALS_HERE				; (i386: argv0, status, the vDSO's words)
sout:	resb SOUTSZ				; (first: on the variables' page
sbuf:	resb SDEC + 16				; with sbuf's start)

program_end
