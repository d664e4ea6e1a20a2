; echo - write the arguments, separated by spaces, and a newline.
;
; Usage: echo [-neE]... [STRING]...
;   -n  no trailing newline
;   -e  interpret backslash escapes: \\ \a \b \c (stop all output) \e \f \n
;       \r \t \v \0NNN and \NNN (octal, up to 3 digits) \xHH (1-2 hex digits)
;   -E  do not interpret them (the default); the last of -e/-E wins
; Options are recognised, as GNU's, only as leading arguments made of nothing
; but these letters; anything else ("-", "-x", "--") is a string.
; Exit status: 0; 1 when the output cannot be written ("echo: write error"
; and the reason, which GNU's leaves out when glibc's stdio would hold no
; bytes at fclose: -n and a string of 4096 bytes or more, -e and 4097
; bytes...; simulated after a failed write, see .sim_fputs).
; Differences from GNU: `echo --help` and `echo --version` print those
; words instead of a help or version text.
;
; The output is built in place over the argument strings, which the kernel
; lays out one after another on the stack: escapes only shrink the text,
; so the write position never passes the read position. One write.

%include "subk.inc"
%define ERR_LEAN                ; error.inc's smaller forms (no utoa here)

NO_NEWLINE equ 1
ESCAPES    equ 2

_start:
	pop_argv0
	mov xbp, xsp            ; xbp walks argv from argv[1]
	xor ebx, ebx            ; bl = NO_NEWLINE | ESCAPES

; Leading options: "-" and then only n, e and E; ah collects the flags of
; one argument, kept only if every letter was an option.
.option:
	mov xsi, [xbp]
	test xsi, xsi
	jz .operands
	dash_letter .operands          ; not "-X...": an operand
	mov ah, bl
.letter:
	cmp al, 'n'
	je .n
	cmp al, 'e'
	je .e
	cmp al, 'E'
	jne .operands           ; not an option: the first string
	and ah, ~ESCAPES
	jmp short .next_letter
.n:
	or ah, NO_NEWLINE
	jmp short .next_letter
.e:
	or ah, ESCAPES
.next_letter:
	lodsb
	test al, al
	jnz .letter
	mov bl, ah
	add xbp, W
	jmp .option

; Copy the strings down over themselves: xsi reads, xdi writes. With no
; string at all the output ("\n" or nothing) is built over argc.
.operands:
	push xbp                ; the first string's slot (for a write error)
	mov xdi, [xbp]
	test xdi, xdi
	jnz .start
	mov xdi, xsp
.start:
	push xdi                ; [xsp] = start of the output
.string:
	mov xsi, [xbp]
	test xsi, xsi
	jz .end
	add xbp, W
.byte:
	lodsb
	test al, al
	jz .separator
	cmp al, '\'
	jne .put
	test bl, ESCAPES
	jz .put
	call escape
	jc .stop
.put:
	stosb
	jmp .byte
.separator:
	mov al, ' '
	stosb
	jmp .string

; xdi is past the last separator (if there was a string): the newline goes
; in its place.
.end:
	pop xsi
	cmp xdi, xsi
	je .newline
	dec xdi
.newline:
	test bl, NO_NEWLINE
	jnz .write
	mov byte [xdi], 10
	inc xdi
	jmp .write
.stop:                          ; \c: what came before it, nothing more
	pop xsi
.write:
	span_args
	push xbx                ; bl (i386: A1)
	push A3
	push 1
	pop A1
	call write_all
	pop xcx                 ; the output's length
	pop xbx
	pop xsi                 ; the first string's slot
	jns .done

; A failed write: GNU's message has no reason when glibc's stdio buffer
; (4096 bytes) holds nothing at fclose: the reason is then close's own,
; if any (EBADF when stdout is closed). -e (or no string): each byte by putchar,
; the buffer empty after every 4097th (its flush fails, the byte is
; dropped). Else fputs of each string and putchar of each ' ' and '\n':
; see .sim_fputs.
	push xax
	xor edx, edx
	test bl, ESCAPES
	jnz .putchars
	cmp WPTR [xsi], xdx     ; (0)
	jne .sim_fputs
.putchars:
	xchg eax, ecx
	mov ecx, 4097
	div ecx
	jmp short .verdict

; edx = the bytes buffered (b), ebp = 4096 for the first fputs (one of
; 4096 bytes or more is written at once: nothing buffered), 4097 after.
; fputs of L bytes: b += L when b + L < ebp, else b = 0 (the flush fails,
; the rest is dropped); putchar: b + 1, or 0 when b was 4096. A string's
; length is where the next begins, less one; the last one's end is the
; output's (+1 with -n: there its NUL was dropped, not made a newline).
.sim_fputs:
	mov xdi, [xsi]
	add xdi, xcx
	test bl, NO_NEWLINE
	jz .q
	inc xdi
.q:
	mov ebp, 4096
	jmp short .sim_string
.putchar:
	mov ebp, 4097
	inc edx
	cmp edx, ebp
	jb .sim_string
	xor edx, edx
.sim_string:
	lodsW
	test xax, xax
	jz .verdict
	mov xcx, [xsi]
	test xcx, xcx
	jnz .fputs
	mov xcx, xdi
.fputs:
	sub ecx, eax
	dec ecx
	add ecx, edx
	cmp ecx, ebp
	jb .fits
	xor ecx, ecx
.fits:
	mov edx, ecx
	cmp WPTR [xsi], 0
	jne .putchar            ; the ' ' before the next string
	test bl, NO_NEWLINE
	jz .putchar             ; the newline (then .string finds the end)
.verdict:
	pop xax
	test edx, edx
	jnz .reason
	sys close, 1            ; (0 when it works)
.reason:
	mov esi, write_error
	call err_text
.done:
	exit_status

; escape - decode the escape after a backslash.
; in:  xsi = the byte after the backslash, xdi = output
; out: al = the byte to store; CF=1 for \c (stop all output);
;      xsi past the escape; a "\" stored at xdi when it is no escape
; clobbers: xcx, xdx, ah
escape:
	lodsb
	test al, al
	jnz .letter
	dec xsi                 ; a backslash at the end stands for itself
	mov al, '\'
	ret                     ; CF=0 from test
.letter:
	cmp al, 'c'
	stc
	je .ret

; A named escape: look the letter up in esc_letters, the byte is at the
; same place in esc_bytes.
	push xdi
	mov edi, esc_letters
	push ESC_COUNT
	pop xcx
	repne scasb
	mov ah, [xdi + ESC_COUNT - 1]
	pop xdi
	jne .numeric
	mov al, ah
	ret

; \0NNN, \NNN: octal, 3 digits at most after the \0 or counting the first.
.numeric:
	mov ah, al              ; the letter, in case it is no escape
	cmp al, 'x'
	je .hex
	sub al, '0'
	cmp al, 7
	ja .not_escape
	mov cl, 2
	test al, al
	jnz .octal
	inc ecx
.octal:
	mov dl, [xsi]
	sub dl, '0'
	cmp dl, 7
	ja .ok
	shl al, 3
	or al, dl
	inc xsi
	dec cl
	jnz .octal
.ok:
	clc
.ret:
	ret

; \xH, \xHH: ecx counts the digits taken.
.hex:
	xor eax, eax
	xor ecx, ecx
.hex_digit:
	mov dl, [xsi]
	sub dl, '0'
	cmp dl, 9
	jbe .hex_value
	or dl, 0x20             ; 'A'..'F' as 'a'..'f' (after the digit
	sub dl, 'a'-'0'-10      ; test: 0x10..0x19 would pass as digits)
	cmp dl, 10
	jb .hex_end
	cmp dl, 15
	ja .hex_end
.hex_value:
	shl al, 4
	or al, dl
	inc xsi
	inc ecx
	cmp cl, 2
	jb .hex_digit
.hex_end:
	test ecx, ecx           ; CF=0
	jnz .ret
	mov ah, 'x'             ; "\x" and no digit: itself
.not_escape:
	mov byte [xdi], '\'
	inc xdi
	mov al, ah
	clc
	ret

esc_letters:	db '\abefnrtv'
ESC_COUNT	equ $ - esc_letters
esc_bytes:	db '\', 7, 8, 27, 12, 10, 13, 9, 11
write_error:	db 'write error', 0

program_end
