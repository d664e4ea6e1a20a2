; nl - number lines of files.
;
; Usage: nl [-p] [-b STYLE] [-h STYLE] [-f STYLE] [-d CC] [-i N] [-l N]
;           [-n FORMAT] [-s STRING] [-v N] [-w N] [FILE]...
;   -b, --body-numbering=STYLE    body lines: a all, t non-empty (the
;   -h, --header-numbering=STYLE  default for the body), n none (the
;   -f, --footer-numbering=STYLE  default for headers and footers)
;   -d, --section-delimiter=CC    the logical page delimiters: CC (one
;                     character is C followed by ':'; default "\:") three
;                     times alone on a line starts a header, twice a body,
;                     once a footer; such a line is printed empty
;   -i, --line-increment=N        add N from line to line (default 1)
;   -l, --join-blank-lines=N      with -b a: N empty lines count as one
;   -n, --number-format=FORMAT    ln left, rn right (default), rz right
;                                 with leading zeros
;   -p, --no-renumber             no reset to -v at each section
;   -s, --number-separator=STRING after the number (default a tab)
;   -v, --starting-line-number=N  the first number (default 1)
;   -w, --number-width=N          columns of the number (default 6)
; Numbers are 64 bits on both arches (GNU's intmax_t); a line not
; numbered gets as many spaces as the number and separator would take.
; Each FILE ends its last line with a newline; the numbering goes on from
; file to file. "-" and no FILE mean standard input. Long options may be
; abbreviated when not ambiguous.
; Exit status: 0; 1 for a file that could not be read (the others are
; still done), a bad option or argument (GNU's messages), a line number
; overflow, or a write error.
; Differences from GNU: the style pBRE (number the lines matching a basic
; regular expression) is not supported: it fails with a message and
; status 1. --help and --version are not supported.
;
; Lines stream through the 32 KiB buffers of expand_io: a line is only
; held back while it still looks like a delimiter (no longer than three
; times CC), and those bytes are the delimiter's own, written again from
; it when the line turns out to be text.

%include "subk.inc"
use usage, opt_missing, err_file, err_quoted, err_plain, errno_path
use expand_io, expand_longopt
%define LONGOPT_AMBIGUOUS

_start:
	pop_argv0                       ; xsp = &argv[1]
	mov xbx, xsp                    ; xbx = the next argument
	mov xdi, xsp                    ; xdi = where the next operand goes

; The options, as GNU's getopt_long with "h:b:f:v:i:pl:s:w:n:d:": the
; operands are moved to the front, "--" ends the options.
.arg:
	mov xsi, [xbx]
	add xbx, W
	mov [xdi], xsi
	test xsi, xsi
	jz .args_done
	cmp byte [ddash], 0
	jne .operand
	dash_letter .operand
	cmp al, '-'
	jne .letter
	cmp byte [xsi], 0
	jne .long
	inc byte [ddash]
	jmp .arg
.operand:
	scasW
	jmp .arg

.letter:
	cmp al, 'p'
	jne .with_arg
	mov byte [no_renumber], 1
	lodsb
	test al, al
	jnz .letter
	jmp .arg
.with_arg:
	push xdi
	mov edi, OPTLETTERS
	mov ecx, OPTLETTERS_N
	repne scasb
	pop xdi
	jne opt_invalid
	mov xdx, xsi                    ; -XARG
	cmp byte [xsi], 0
	jne .option
	mov xdx, [xbx]                  ; -X ARG
	add xbx, W
	test xdx, xdx
	jnz .option
	jmp opt_missing

.long:
	call long_opt                   ; al = the letter, xdx = its argument
	cmp al, 'p'
	je .set_p
	cmp al, '?'
	jne .option
	mov xdx, [xdi]                  ; --help, --version: not supported
	jmp opt_unrecognized
.set_p:
	mov byte [no_renumber], 1
	jmp .arg

; .option - the option al with its argument xdx. (xbx and xdi are the
; walk's; the handlers keep them.)
.option:
	push xbx
	push xdi
	call .handle
	pop xdi
	pop xbx
	jmp .arg

.handle:
	cmp al, 'n'
	je .format
	cmp al, 'd'
	je .delim
	cmp al, 's'
	je .sep
	mov esi, styles+1
	mov ecx, txt_footer
	cmp al, 'f'
	je .style
	inc esi
	mov ecx, txt_body
	cmp al, 'b'
	je .style
	inc esi
	mov ecx, txt_header
	cmp al, 'h'
	je .style
	jmp num_option

; -b, -h, -f: a, t or n (what follows is ignored, as GNU does), p not
; supported.
.style:
	mov ah, [xdx]
	cmp ah, 'a'
	je .style_ok
	cmp ah, 't'
	je .style_ok
	cmp ah, 'n'
	je .style_ok
	cmp ah, 'p'
	je .regex
	mov esi, fmt_style
	jmp usage_say
.style_ok:
	mov [xsi], ah
	ret
.regex:
	mov esi, msg_regex
	call err_plain
	exit 1

; -n ln, rn, rz: [fmt] = its first letter, or 'z'.
.format:
	mov xsi, xdx
	lodsw
	cmp byte [xsi], 0
	jne .bad_format
	cmp ax, 'ln'
	je .fmt_ok
	cmp ax, 'rn'
	je .fmt_ok
	mov al, 'z'
	cmp ah, al
	jne .bad_format
	cmp byte [xsi-2], 'r'
	jne .bad_format
.fmt_ok:
	mov [fmt], al
	ret
.bad_format:
	mov esi, fmt_format
	jmp usage_say

; -d CC: one or two bytes go over the first ones of the delimiter (so "x"
; is "x:"); any other length is the delimiter itself.
.delim:
	movx A2, xdx
	call strlen                     ; A3 = the length
	dec A3
	cmp A3, 1
	ja .new_delim
	mov xdi, [delim]
	movx xsi, A2
	lea ecx, [A3 + 1]
	rep movsb
	ret
.new_delim:
	mov [delim], A2
	ret

.sep:
	mov [sep], xdx
	ret

; The operands are at xsp up to xdi; none at all means "-".
.args_done:
	mov [in_next], xsp
	cmp xdi, xsp
	jne .operands
	mov eax, dash_list
	mov [in_next], xax
.operands:

; The delimiter's length, the spaces of a line without a number, the
; first number.
	mov A2, [delim]
	call strlen
	mov [dlen], A3d
	lea eax, [A3*2 + A3]
	mov [dlen3], eax
	mov A2, [sep]
	call strlen
	add A3d, [width]
	mov [nopad], A3d
	call .restart
	mov al, [styles+2]              ; the body's style first
	mov [style], al
	mov edi, obuf

; Each line: xbp = its bytes read so far that match the delimiter
; repeated (xbx = the place in the delimiter of the next one), up to
; three times its length. A line that ends there is a delimiter; any other
; is text, and those bytes are written again from the delimiter.
.file:
	call in_open
	jc .end
.line:
	xor ebp, ebp
	xor ebx, ebx
	mov byte [at_eof], 0
.match:
	call getc
	jc .eof
	cmp al, 10
	je .ended
	cmp ebp, [dlen3]
	jae .text
	mov xcx, [delim]
	cmp al, [xcx + xbx]
	jne .text
	inc ebp
	inc ebx
	cmp ebx, [dlen]
	jb .match
	xor ebx, ebx
	jmp .match
.eof:
	test ebp, ebp
	jz .file                        ; no line started
	mov al, 10                      ; the last line gets its newline
	inc byte [at_eof]
.ended:                                 ; al = 10
	test ebx, ebx
	jnz .text
	test ebp, ebp
	jz .text
	cmp dword [dlen], 2
	jb .text

; A delimiter: 1, 2 or 3 times: footer, body, header; an empty line.
	xchg eax, ebp
	xor edx, edx
	div dword [dlen]
	mov al, [styles + xax]
	mov [style], al
	cmp byte [no_renumber], 0
	jne .empty
	call .restart
.empty:
	mov al, 10
	jmp .newline

; Text: its number or spaces, the bytes held back, the rest of the line.
.text:
	call prefix
	push xax
	xor ebx, ebx
.held:
	dec ebp
	js .held_done
	mov xcx, [delim]
	mov al, [xcx + xbx]
	call putc
	inc ebx
	cmp ebx, [dlen]
	jb .held
	xor ebx, ebx
	jmp .held
.held_done:
	pop xax
.copy:
	cmp al, 10
	je .newline
	call putc
	call getc
	jnc .copy
	mov al, 10
	inc byte [at_eof]
.newline:
	call putc
	cmp byte [at_eof], 0
	je .line
	jmp .file
.end:
	jmp in_finish

; .restart - the line number back to -v's, no overflow
.restart:
	mov eax, [start]
	mov edx, [start+4]
	mov [lineno], eax
	mov [lineno+4], edx
	mov byte [overflow], 0
	ret

; prefix - for a text line (ebp = the bytes held, al its next byte or 10
; at its end): the number and separator, or spaces, as the style says.
; preserves all but xcx, xdx
prefix:
	mov cl, [style]
	cmp cl, 'n'
	je .pad
	mov dl, 0                       ; dl = 1 for an empty line
	test ebp, ebp
	jnz .not_empty
	cmp al, 10
	jne .not_empty
	inc edx
.not_empty:
	cmp cl, 't'
	jne .all
	test dl, dl
	jnz .pad
	jmp .number
.all:                                   ; -l N: the Nth empty line in a row
	cmp dword [join+4], 0
	jne .join
	cmp dword [join], 1
	jbe .number
.join:
	test dl, dl
	jz .reset
	add dword [blanks], 1
	adc dword [blanks+4], 0
	mov ecx, [blanks]
	cmp ecx, [join]
	jne .pad
	mov ecx, [blanks+4]
	cmp ecx, [join+4]
	jne .pad
.reset:
	xor ecx, ecx
	mov [blanks], ecx
	mov [blanks+4], ecx
	jmp .number
.pad:
	mov ecx, [nopad]
	push xax
	mov al, ' '
	call put_n
	pop xax
	ret

; The number: "%*jd" (rn), "%-*jd" (ln) or "%0*jd" (rz) with -w's width,
; then the separator; then the next number, or an overflow kept for the
; next line that needs it.
.number:
	cmp byte [overflow], 0
	jne .overflow
	push xax
	push xbx
	push xbp
	push xsi
	mov ebx, [lineno]               ; ecx:ebx = the value, made positive
	mov ecx, [lineno+4]
	xor ebp, ebp                    ; ebp = 1 when negative
	test ecx, ecx
	jns .digits
	neg ebx
	adc ecx, 0
	neg ecx
	inc ebp
.digits:                                ; divided by 10 in two halves
	mov esi, numend
.digit:
	xor edx, edx
	xchg eax, ecx
	div dword [ten]
	xchg eax, ecx
	mov eax, ebx
	div dword [ten]
	mov ebx, eax
	add dl, '0'
	dec esi
	mov [xsi], dl
	or eax, ecx
	jnz .digit
	mov ecx, [width]                ; ecx = the padding
	lea eax, [xbp + numend]
	sub eax, esi
	sub ecx, eax
	jns .padding
	xor ecx, ecx
.padding:
	mov al, ' '
	cmp byte [fmt], 'r'
	jne .sign
	call put_n
.sign:
	test ebp, ebp
	jz .zeros
	mov al, '-'
	call putc
.zeros:
	cmp byte [fmt], 'z'
	jne .print
	mov al, '0'
	call put_n
.print:
	lodsb
	call putc
	cmp esi, numend
	jb .print
	mov al, ' '                     ; ln: the padding after
	call put_n
	mov xsi, [sep]
.sep:
	lodsb
	test al, al
	jz .next
	call putc
	jmp .sep
.next:
	mov eax, [incr]
	mov edx, [incr+4]
	add [lineno], eax
	adc [lineno+4], edx
	jno .done
	mov byte [overflow], 1
.done:
	pop xsi
	pop xbp
	pop xbx
	pop xax
	ret
.overflow:
	mov esi, msg_overflow
	jmp die_plain

; put_n - al, ecx times (none when ecx is 0); ecx = 0 after.
put_n:
	jecxz .ret
	call putc
	loop put_n
.ret:
	ret

; num_option - -v, -i, -l or -w (al) with the number at xdx, as GNU's
; xdectoimax reads it: blanks, a sign, decimal digits, nothing after; a
; value out of the option's range is "Numerical result out of range", or
; "Value too large for defined data type" when it is past +-INT_MAX/2 or
; out of intmax_t. The value is kept as two dwords (the same code on both
; arches).
num_option:
	mov edi, start
	mov ecx, txt_start
	cmp al, 'v'
	je .chosen
	mov edi, incr
	mov ecx, txt_incr
	cmp al, 'i'
	je .chosen
	mov edi, join
	mov ecx, txt_join
	cmp al, 'l'
	je .chosen
	mov edi, width
	mov ecx, txt_width
.chosen:
	push xcx                        ; the message's TEXT
	push xax                        ; the letter
	mov xsi, xdx
.space:
	lodsb
	cmp al, ' '
	je .space
	sub al, 9
	cmp al, 13 - 9
	jbe .space
	add al, 9
	mov ah, 0                       ; ah = 1 for a minus
	cmp al, '+'
	je .signed
	cmp al, '-'
	jne .unsigned
	inc ah
.signed:
	lodsb
.unsigned:
	xor ecx, ecx                    ; ch = 1 on overflow, cl = digits seen
	mov [val], ecx
	mov [val+4], ecx
.digit:
	sub al, '0'
	cmp al, 9
	ja .digits_end
	mov cl, 1
	test ch, ch
	jnz .next_digit
	push xax
	push xdx
	movzx ebx, al
	mov eax, [val+4]
	mul dword [ten]
	test edx, edx
	jnz .too_big
	mov [val+4], eax
	mov eax, [val]
	mul dword [ten]
	add eax, ebx
	adc edx, 0
	mov [val], eax
	add [val+4], edx
	jc .too_big
	cmp dword [val+4], 0x80000000   ; more than 2^63
	jb .digit_ok
	ja .too_big
	cmp dword [val], 0
	je .digit_ok
.too_big:
	mov ch, 1
.digit_ok:
	pop xdx
	pop xax
.next_digit:
	lodsb
	jmp .digit
.digits_end:
	add al, '0'
	test cl, cl
	jz .invalid
	test al, al
	jnz .invalid
	test ch, ch
	jnz .eoverflow
	cmp dword [val+4], 0x80000000   ; 2^63: only as a negative number
	jne .sign
	test ah, ah
	jz .eoverflow
.sign:
	test ah, ah
	jz .value
	neg dword [val]
	adc dword [val+4], 0
	neg dword [val+4]

; The value ebx:ecx, checked against the option's range (-v and -i take
; any), stored at xdi.
.value:
	pop xax
	mov ecx, [val]
	mov ebx, [val+4]
	cmp al, 'l'
	je .at_least_1
	cmp al, 'w'
	jne .store
	test ebx, ebx                   ; -w: at most INT_MAX
	jg .eoverflow_pop
	jl .at_least_1
	test ecx, ecx
	js .eoverflow_pop
.at_least_1:
	test ebx, ebx
	jg .store
	jl .negative
	test ecx, ecx
	jnz .store
.erange:
	pop xcx
	mov esi, fmt_erange
	xor eax, eax
	jmp .say
.negative:                              ; below INT_MIN/2: EOVERFLOW
	inc ebx
	jnz .eoverflow_pop
	cmp ecx, -0x40000000
	jae .erange
	jmp .eoverflow_pop
.store:
	pop xax                         ; (the TEXT)
	mov [xdi], ecx
	mov [xdi+4], ebx
	ret
.invalid:
	pop xax
	xor eax, eax
	jmp .message
.eoverflow:
	pop xax
.eoverflow_pop:
	push -EOVERFLOW
	pop xax
.message:
	pop xcx
	mov esi, fmt_number
.say:
	call say
	exit 1

LONGOPTS:
	db 'h'|0x80, 'header-numbering', 0
	db 'b'|0x80, 'body-numbering', 0
	db 'f'|0x80, 'footer-numbering', 0
	db 'v'|0x80, 'starting-line-number', 0
	db 'i'|0x80, 'line-increment', 0
	db 'p', 'no-renumber', 0
	db 'l'|0x80, 'join-blank-lines', 0
	db 's'|0x80, 'number-separator', 0
	db 'w'|0x80, 'number-width', 0
	db 'n'|0x80, 'number-format', 0
	db 'd'|0x80, 'section-delimiter', 0
	db '?', 'help', 0
	db '?', 'version', 0
	db 0
OPTLETTERS:	db 'hbfvilswnd'
OPTLETTERS_N	equ $ - OPTLETTERS
tab_str:	db 9, 0
ten:		dd 10
txt_header:	db 'header', 0
txt_body:	db 'body', 0
txt_footer:	db 'footer', 0
txt_start:	db 'invalid starting line number', 0
txt_incr:	db 'invalid line number increment', 0
txt_join:	db 'invalid line number of blank lines', 0
txt_width:	db 'invalid line number field width', 0
msg_regex:	db 'regular expression styles (pBRE) are not supported', 0
msg_overflow:	db 'line number overflow', 0
fmt_style:	db F_ARGV0, ': invalid ', F_TEXT, ' numbering style: ', F_QUOTE, 10, F_TRY, 0
fmt_format:	db F_ARGV0, ': invalid line numbering format: ', F_QUOTE, 10, F_TRY, 0
fmt_number:	db F_ARGV0, ': ', F_TEXT, ': ', F_QUOTE, F_REASON, 10, 0
fmt_erange:	db F_ARGV0, ': ', F_TEXT, ': ', F_QUOTE, ': Numerical result out of range', 10, 0
dash_list:	dW dash_name, 0

DATA
start:		dd 1, 0
incr:		dd 1, 0
join:		dd 1, 0
width:		dd 6, 0
delim:		dW delim_buf
sep:		dW tab_str
styles:		db 0, 'n', 't', 'n'     ; (none), footer, body, header
fmt:		db 'r'
delim_buf:	db '\:', 0

BSS
lineno:		resd 2
blanks:		resd 2
val:		resd 2
dlen:		resd 1
dlen3:		resd 1
nopad:		resd 1
ddash:		resb 1
no_renumber:	resb 1
at_eof:		resb 1
overflow:	resb 1
style:		resb 1                  ; the current section's
numbuf:		resb 24
numend:

program_end
