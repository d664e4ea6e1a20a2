; echo - write the arguments, separated by spaces, and a newline.
;
; Usage: echo [-neE]... [STRING]...
;   -n  no trailing newline
;   -e  interpret backslash escapes: \\ \a \b \c (stop all output) \e \f \n
;       \r \t \v \0NNN and \NNN (octal, up to 3 digits) \xHH (1-2 hex digits)
;   -E  do not interpret them (the default); the last of -e/-E wins
; Options are recognised, as GNU's, only as leading arguments made of nothing
; but these letters; anything else ("-", "-x", "--") is a string.
; Exit status: 0; 1 when the output cannot be written.
; Differences from GNU: `echo --help` and `echo --version` print those
; words instead of a help or version text.
;
; The output is built in place over the argument strings, which the kernel
; lays out one after another on the stack: escapes only shrink the text,
; so the write position never passes the read position. One write.

%include "subk.inc"

NO_NEWLINE equ 1
ESCAPES    equ 2

_start:
	save_argv0
	lea xbp, [xsp+2*W]      ; xbp walks argv from argv[1]
	xor ebx, ebx            ; bl = NO_NEWLINE | ESCAPES

; Leading options: "-" followed only by n, e and E.
.option:
	mov xsi, [xbp]
	test xsi, xsi
	jz .operands
	lodsb
	cmp al, '-'
	jne .operands
	mov xdx, xsi
.check:
	mov al, [xdx]
	inc xdx
	mov ecx, opt_letters
	test al, al
	jz .letter_ok
.is_letter:
	cmp al, [xcx]
	je .letter_ok
	inc ecx
	cmp byte [xcx], 0
	jne .is_letter
	jmp .operands           ; not an option: a string, and no more options
.letter_ok:
	test al, al
	jnz .check
	dec xdx
	cmp xdx, xsi            ; "-" alone is a string
	je .operands
.apply:
	lodsb
	cmp al, 'n'
	jne .not_n
	or bl, NO_NEWLINE
.not_n:
	cmp al, 'e'
	jne .not_e
	or bl, ESCAPES
.not_e:
	cmp al, 'E'
	jne .not_E
	and bl, ~ESCAPES
.not_E:
	test al, al
	jnz .apply
	add xbp, W
	jmp .option

; Copy the strings down over themselves: xsi reads, xdi writes.
.operands:
	mov xdi, [xbp]
	test xdi, xdi
	jnz .have_text
	mov esi, newline        ; no strings: the output is "\n" or nothing
	mov xdi, xsi
	test bl, NO_NEWLINE
	jnz .write
	inc xdi
	jmp .write
.have_text:
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
	mov al, [xsi]
	test al, al
	jz .backslash           ; a final backslash stands for itself
	inc xsi
	cmp al, 'c'
	je .stop
	mov ecx, escapes
.find:
	mov dl, [xcx]
	test dl, dl
	jz .numeric
	cmp al, dl
	je .named
	inc ecx
	inc ecx
	jmp .find
.named:
	mov al, [xcx+1]
	jmp .put
.numeric:
	cmp al, 'x'
	je .hex
	sub al, '0'
	cmp al, 7
	ja .not_escape
	mov cl, 2               ; \NNN: up to 3 digits, \0NNN: 3 after the 0
	test al, al
	jnz .octal
	inc ecx
.octal:
	mov dl, [xsi]
	sub dl, '0'
	cmp dl, 7
	ja .put
	shl al, 3
	or al, dl
	inc xsi
	dec cl
	jnz .octal
	jmp .put
.hex:
	xor eax, eax
	xor ecx, ecx
	mov cl, 2               ; up to 2 digits; ch = digits seen
.hex_digit:
	mov dl, [xsi]
	or dl, 0x20             ; lower case ('0'..'9' are unchanged)
	sub dl, '0'
	cmp dl, 9
	jbe .hex_value
	sub dl, 'a'-'0'-10
	cmp dl, 10
	jb .hex_end
	cmp dl, 15
	ja .hex_end
.hex_value:
	shl al, 4
	or al, dl
	inc xsi
	inc ch
	dec cl
	jnz .hex_digit
.hex_end:
	test ch, ch
	jnz .put
	mov al, 'x'             ; "\x" without a digit is itself
.not_escape:
	add al, '0'             ; undo the digit test: the byte as it was
	cmp al, 'x'+'0'
	jne .keep
	sub al, '0'
.keep:
	mov byte [xdi], '\'
	inc xdi
	jmp .put
.backslash:
	mov al, '\'
.put:
	stosb
	jmp .byte
.separator:
	mov al, ' '
	stosb
	jmp .string
.end:
	dec xdi                 ; the last separator becomes the newline
	test bl, NO_NEWLINE
	jnz .stop
	mov byte [xdi], 10
	inc xdi
.stop:
	pop xsi                 ; output: xsi .. xdi
.write:
	mov A3, xdi
	sub A3, xsi
	mov A2, xsi
	push 1
	pop A1
	call write_all
	jns .ok
	mov esi, write_error
	call err_text
.ok:
	exit_status

opt_letters:	db 'neE', 0
escapes:	db '\', '\', 'a', 7, 'b', 8, 'e', 27, 'f', 12, 'n', 10
		db 'r', 13, 't', 9, 'v', 11, 0
newline:	db 10
write_error:	db 'write error', 0

program_end
