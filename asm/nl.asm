; nl - number lines of files.
;
; Usage: nl [-p] [-b STYLE] [-h STYLE] [-f STYLE] [-d CC] [-i N] [-l N]
;           [-n FORMAT] [-s STRING] [-v N] [-w N] [FILE]...
;   -b, --body-numbering=STYLE    body lines: a all, t non-empty (the
;   -h, --header-numbering=STYLE  default for the body), n none (the
;   -f, --footer-numbering=STYLE  default for headers and footers), pBRE
;                                 those matching the basic regular
;                                 expression BRE
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
; abbreviated when not ambiguous. Options may follow the operands (GNU's
; getopt_long permutes); with POSIXLY_CORRECT in the environment the first
; operand ends them, as GNU's getopt: "nl f -ba" then numbers f and a
; file "-ba".
; Exit status: 0; 1 for a file that could not be read (the others are
; still done), a bad option or argument (GNU's messages), a line number
; overflow, or a write error. A bad style, format, option letter or long
; option is said and the options are read on, as GNU's (ok = false): the
; Try line after them (a bad number or BRE ends the run first, without
; it).
; BRE: ordinary bytes, ".", "*", "\+", "\?", "\{M,N\}", "^" first, "$"
; last, "\" before a byte, brackets (ranges, "^", the twelve [:classes:],
; [.c.], [=c=]), with glibc's messages for bad ones. Its states (an atom
; with \{M,N\} is N of them) are a dword each, in a mapping made when
; the option is read ("nl: Memory exhausted", status 1, as glibc's regcomp
; says it, when the kernel has no room; the stack only for 256 or fewer).
; The match takes time linear in the line's length (times the states).
; Differences from GNU: in BRE, groups "\(\)", "\|", back references,
; an interval stacked with another repetition ("a\{2\}*") and GNU's \w \W
; \s \S \b \B \< \> \` \' are not supported: "nl: regular expression not
; supported: 'BRE'", status 1. --help and --version are not supported.
;
; Lines stream through the 32 KiB buffers of expand_io: a line is only
; held back while it still looks like a delimiter (no longer than three
; times CC), and those bytes are the delimiter's own, written again from
; it when the line turns out to be text. Only a line of a pBRE section is
; held whole (in lsmall, 256 bytes, then at the program break, grown as
; needed) until the pattern has been tried on it. A short run writes one
; page: the variables, lsmall, expand_io's first 16 reads (256 bytes each)
; and the output's first 3.3 KiB share it (a 1 KiB input in 16 KiB).
; The output is written as GNU's glibc stdio writes it (see put): after
; each of GNU's stdio calls the same bytes are written and the same (at
; most 4096) still buffered, so a failing stdout drops the same bytes and
; the last "write error" has its reason exactly when GNU's has it.
; When stdout is a terminal (glibc's stdout is line-buffered there), what
; a read brought is written before the next read: "tail -f log | nl"
; shows each line as it comes.

%define FAST_SYSCALL                    ; i386: the vDSO's entry after 32 calls
%include "subk.inc"
%include "layout.inc"
use usage, usage_try, opt_missing, err_file, err_quoted, err_plain, errno_path
use expand_io, long_opt
%define EXPAND_IO_SMALL                 ; its variables and first reads beside ours
%define EXPAND_IO_LINE line_undo        ; a line cut by a read error dropped
%define EXPAND_IO_LINE_NEXT _start.file
%define SAY_TRY_HOOK long_bad          ; a long option's error: read on
%define LONGOPT_AMBIGUOUS
%define LONGOPT_BSS_HERE                ; ambp beside our variables
LSMALL equ 256                          ; a pBRE line held on the variables' page

_start:
	fast_syscall_init counted       ; i386: int 0x80 for the first 32 calls
	pop_argv0                       ; xsp = &argv[1]
	mov eax, 0x0a0a0a0a             ; xmm7: newlines, for run
	movd xmm7, eax
	pshufd xmm7, xmm7, 0
; The defaults (no file-backed DATA page: a short run writes one page of
; BSS): the four numbers' low dwords from bytes, then the rest.
	mov esi, init_vals
	mov edi, start
	xor eax, eax
	push 4
	pop xcx
.defaults:
	lodsb
	stosd
	scasd                           ; (the high dword: 0)
	loop .defaults
	mov cl, INIT_N
	rep movsb

; The options, as GNU's getopt_long with "h:b:f:v:i:pl:s:w:n:d:"
; (long_walk: with POSIXLY_CORRECT, up to the first operand).
	long_walk .arg, .letter, .long, .args_done

.letter:
	cmp al, 'p'
	jne .with_arg
	mov byte [no_renumber], 1
.next_letter:
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
	jne .invalid
	mov xdx, xsi                    ; -XARG
	cmp byte [xsi], 0
	jne .option
	mov xdx, [xbx]                  ; -X ARG
	add xbx, W
	test xdx, xdx
	jnz .option
	jmp opt_missing

.invalid:                               ; said, and the walk goes on
	movzx eax, al
	push xax                        ; the letter as a string
	mov xdx, xsp
	push xsi
	push xdi
	mov esi, fmt_invalid_opt
	call .bad
	pop xdi
	pop xsi
	pop xax
	jmp .next_letter

.long:
	push xbx
	push xdi
	mov [opt_sp], xsp               ; for long_bad
	call long_opt                   ; al = the letter, xdx = its argument
	pop xdi
	pop xcx
	xor ecx, ecx
	mov [opt_sp], xcx
	cmp al, 'p'                     ; (--help, --version: refused there)
	jne .option
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
; .bad - GNU's ok = false: the message xsi (ARG xdx, TEXT xcx) said, the
; options read on, and the Try line and exit 1 after them.
.bad:
	xor eax, eax
	call say
	mov byte [bad], 1
	ret
.style_ok:
	mov [xsi], ah
	ret
.regex:
	mov [xsi], ah
	lea xax, [xdx+1]                ; the pattern, for this section
	sub esi, styles
	mov [re_ptrs + xsi*W], xax
	mov xsi, xax
	call re_check
	jmp re_room

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
	jmp .bad

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
	cmp byte [bad], 0
	jne usage_try
	operands_or_dash

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
	push 2                          ; the body's style first
	pop xax
	call .set_style
	mov edi, obuf

; Each line: xbp = its bytes read so far that match the delimiter
; repeated (xbx = the place in the delimiter of the next one), up to
; three times its length. A line that ends there is a delimiter; any other
; is text, and those bytes are written again from the delimiter.
.file:
	call in_open
	jc .end
.line:                                  ; (what line_undo restores)
	mov [line_start], xdi
	movdqu xmm0, [lineno]           ; lineno, blanks
	movdqu [lsave], xmm0
	mov bl, [overflow]
	mov [lsave + 16], bl
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
	call .set_style
	cmp byte [no_renumber], 0
	jne .empty
	call .restart
.empty:
	mov al, 10
	jmp .newline

; Text: its number or spaces, the bytes held back, the rest of the line.
.text:
	cmp byte [style], 'p'
	je .text_p
	call prefix
	push xax
	nl_held put			; the delimiter bytes held back
	pop xax
.copy:                                  ; put and getc in line
	cmp al, 10
	je .newline
	cmp edi, obuf + OBUFSZ - 1
	jae .copy_put
	stosb
	call run
.copy_get:
	getc_inline .copy_refill
	jmp .copy
.copy_put:
	call put
	jmp .copy_get
.copy_refill:
	call getc
	jnc .copy
	mov al, 10
	inc byte [at_eof]
.newline:                               ; the end of GNU's fwrite (putchar)
	call put
	call piece_end
	cmp byte [at_eof], 0
	je .line
	jmp .file
.end:
	jmp in_finish

; A line of a pBRE section: held whole (in lsmall, then from the program
; break when longer) until the pattern has been tried on it.
.text_p:
	push xax
	mov xcx, [lbase]
	mov [lend], xcx
	nl_held lput			; the delimiter bytes held back
	pop xax
.p_copy:
	cmp al, 10
	je .p_line
	call lput
	call getc
	jnc .p_copy
	inc byte [at_eof]
.p_line:
	call re_search
	jnc .p_pad
	call prefix.number
	jmp .p_write
.p_pad:
	call prefix.pad
.p_write:
	mov xbx, [lbase]
.p_byte:
	cmp xbx, [lend]
	jae .p_done
	mov al, [xbx]
	call put
	inc xbx
	jmp .p_byte
.p_done:
	mov al, 10
	jmp .newline

; .set_style - the section xax's (1 footer, 2 body, 3 header) style
.set_style:
	mov cl, [styles + xax]
	mov [style], cl
	mov xax, [re_ptrs + xax*W]
	mov [cur_re], xax
	ret

; .restart - the line number back to -v's, no overflow
.restart:
	mov eax, [start]
	mov edx, [start+4]
	mov [lineno], eax
	mov [lineno+4], edx
	mov byte [overflow], 0
	ret

; long_bad - say's SAY_TRY_HOOK (error.inc): a long option's error (any
; message of long_opt's: unrecognized, ambiguous, an argument missing or
; not allowed) is said without its Try line, and the options are read on
; from the next argument, as GNU's getopt_long returns '?' and nl sets
; ok = false. Other Try lines (at the end, or a short option's missing
; argument, which is the last) are left to say.
long_bad:
	mov xcx, [opt_sp]
	jxcxz .ret
	xchg xbp, xcx
	try_hook_said
	mov byte [bad], 1
	mov xsp, xbp
	xor ebp, ebp
	mov [opt_sp], xbp
	pop xdi
	pop xbx
	jmp _start.arg
.ret:
	ret

; lput - al at the end of the held line; when it is full, the break moved
; up 64 KiB ("memory exhausted" when it cannot), the first time with the
; LSMALL bytes of lsmall moved to the break, where the lines are then
; held.  preserves all
lput:
	push xdi
	mov xdi, [lend]
	cmp xdi, [lcap]
	jb .room
	push xax
	push xcx
	push xdx
	push xbx
	push xsi
	xor edx, edx                    ; edx = the bytes to move
	cmp edi, lsmall + LSMALL
	jne .grow
	sys brk, 0
	mov [lbase], xax
	lea xdi, [xax + LSMALL]
	mov [lend], xdi
	inc dh                          ; LSMALL (256)
.grow:
	lea A1, [xdi + 65536]
	push A1
	sys brk
	pop xcx
	cmp xax, xcx
	jb .full
	mov [lcap], xax
	mov xdi, [lbase]
	mov esi, lsmall
	mov ecx, edx
	rep movsb
	pop xsi
	pop xbx
	pop xdx
	pop xcx
	pop xax
	mov xdi, [lend]
.room:
	stosb
	mov [lend], xdi
	pop xdi
	ret
.full:
	mov xdi, [xsp + 5*W]            ; the output's end
	mov esi, msg_nomem
	jmp die_plain

; The pBRE style: a matcher, in time linear in the line (re_search), of
; GNU's basic regular expressions (RE_SYNTAX_POSIX_BASIC): ordinary
; bytes, ".", "*", "\+", "\?", "\{M,N\}", "^" at the start, "$" at the
; end, "\" before any other byte, and brackets with ranges, "^", classes
; ([:alpha:] and the other eleven), [.c.] and [=c=]. "\(", "\)", "\|",
; back references, an interval stacked with another repetition, and GNU's
; \w \W \s \S \b \B \< \> \` \' are not supported: re_check refuses them
; with a message.

; re_check - xsi = a pattern: GNU's messages for a bad one (then exit 1),
; ours for what is not supported.  clobbers xax, xcx, xdx
re_check:
	push xsi
	push xbx
	push xdi
	xor ebx, ebx                    ; bl: 0 no atom yet, 1 after an atom,
	cmp byte [xsi], '^'             ; 2 after * \+ \?, 3 after \{\}
	jne .next
	inc xsi
.next:
	lodsb
	test al, al
	jz .ok
	cmp al, '*'
	jne .not_star
	test bl, bl
	jz .atom                        ; first: a literal *
	cmp bl, 3
	je .unsupported
.quantifier:
	mov bl, 2
	jmp .next
.not_star:
	cmp al, '\'
	je .escape
	cmp al, '['
	jne .atom
	mov dl, 0
	call bracket
.atom:
	mov bl, 1
	jmp .next
.escape:
	lodsb
	test al, al
	jz .trailing
	test bl, bl                     ; first: \+ \? \{ are literal
	jz .literal
	cmp al, '{'
	je .interval
	cmp al, '+'
	je .plus
	cmp al, '?'
	jne .literal
.plus:
	cmp bl, 3
	jne .quantifier
	jmp .unsupported
.literal:
	mov edi, re_unsupported
	mov ecx, RE_UNSUPPORTED_N
	repne scasb
	jne .atom
.unsupported:
	mov xsi, [xsp + 2*W]
	mov xdx, xsi
	mov esi, msg_re_unsupported
	xor eax, eax
	call err_quoted
	exit 1
.trailing:
	mov esi, msg_re_trailing
	jmp re_die

; \{M,N\} as glibc's parse_dup_op reads it; only after an atom.
.interval:
	cmp bl, 1
	jne .unsupported
	call fetch_number               ; eax = M, cl = the token after it
	cmp eax, -1
	jne .have_m
	cmp cl, ','                     ; "\{,N\}" is "\{0,N\}"
	jne .badbr
	xor eax, eax
.have_m:
	mov edx, eax                    ; edx = M
	cmp eax, -2
	je .bad_seq
	cmp cl, '}'
	je .close                       ; "\{M\}": N = M
	push xdx
	call fetch_number
	pop xdx
	cmp eax, -2
	je .bad_seq
.close:
	cmp cl, '}'
	jne .badbr
	cmp eax, -1
	je .no_max
	cmp edx, eax
	jg .badbr
	xchg eax, edx
.no_max:
	cmp edx, 32767
	jg .esize
	mov bl, 3
	jmp .next
.bad_seq:
	test cl, cl
	jnz .badbr
	mov esi, msg_re_ebrace
	jmp re_die
.badbr:
	mov esi, msg_re_badbr
	jmp re_die
.esize:
	mov esi, msg_re_esize
	jmp re_die
.ok:
	pop xdi
	pop xbx
	pop xsi
	ret

; fetch_number - glibc's: the number at xsi up to "\}", "," or the end.
; out: eax = it (at most 32768), -1 without digits, -2 with another byte
; or at the end; cl = '}', ',' or 0 (the end); xsi past that token.
fetch_number:
	or eax, -1
.byte:
	mov cl, [xsi]
	test cl, cl
	jz .end
	inc xsi
	cmp cl, ','
	je .ret
	cmp cl, '\'
	jne .char
	mov cl, [xsi]
	test cl, cl
	jz .bad                         ; a "\" at the end
	inc xsi
	cmp cl, '}'
	je .ret
	jmp .bad
.char:
	sub cl, '0'
	cmp cl, 9
	ja .bad
	cmp eax, -2
	je .byte
	movzx ecx, cl
	test eax, eax
	jns .more
	xor eax, eax
.more:
	imul eax, eax, 10
	add eax, ecx
	cmp eax, 32768
	jbe .byte
	mov eax, 32768
	jmp .byte
.bad:
	push -2
	pop xax
	jmp .byte
.end:
	push -2
	pop xax
.ret:
	ret

; bracket - xsi = past the "[" of a bracket expression, dl = a byte.
; out: xsi past its "]", CF=1 when dl is in it.  clobbers xax, xcx
bracket:
	push xbx
	push xdx
	xor ebx, ebx                    ; bl = 1 when in it, bh = 1 for "^"
	cmp byte [xsi], '^'
	jne .first
	inc xsi
	inc bh
.first:
	cmp byte [xsi], 0
	je .premature
	call .elem                      ; the first may be a "]"
	jmp short .have
.item:
	cmp byte [xsi], ']'
	je .end
	cmp byte [xsi], 0
	je .unmatched
	call .elem
.have:                                  ; al = a byte (ah = 0), a class
	cmp ah, 1                       ; (ah = 1) or [=c=]'s byte (ah = 15)
	je .class
	cmp byte [xsi], '-'
	jne .single
	mov cl, [xsi+1]
	cmp cl, ']'
	je .single
	test cl, cl
	jz .unmatched
	test ah, ah                     ; [=c=] ends no range (glibc's
	jnz .bad_range                  ; build_range_exp: REG_ERANGE)
	inc xsi
	mov cl, al                      ; a range cl-al
	call .elem
	test ah, ah
	jnz .bad_range
	cmp dl, cl
	jb .after_range
	cmp dl, al
	ja .after_range
	mov bl, 1
.after_range:                           ; "a-c-e" is not allowed
	cmp byte [xsi], '-'
	jne .item
	cmp byte [xsi+1], ']'
	je .item
.bad_range:
	mov esi, msg_re_range
	jmp re_die
.single:
	cmp dl, al
	jne .item
	mov bl, 1
	jmp .item
.class:
	test dl, dl
	js .class_end
	movzx ecx, al
	shl ecx, 4
	movzx eax, dl
	bt [cmaps + xcx], eax
	jnc .class_end
	mov bl, 1
.class_end:
	cmp byte [xsi], '-'
	jne .item
	cmp byte [xsi+1], ']'
	jne .bad_range
	jmp .item
.end:
	inc xsi
	xor bl, bh
	cmp bl, 1                       ; CF=1 when bl = 0: so complement
	cmc
	pop xdx
	pop xbx
	ret
.premature:
	mov esi, msg_re_invalid
	jmp re_die
.unmatched:
	mov esi, msg_re_bracket
	jmp re_die

; .elem - one element: al = a byte (ah = 0; [=c=]'s: ah = 15), or a
; class's index (ah = 1).
.elem:
	lodsb
	mov ah, 0
	cmp al, '['
	jne .ret
	mov ch, [xsi]
	cmp ch, ':'
	je .named
	cmp ch, '.'
	je .named
	cmp ch, '='
	jne .ret
.named:                                 ; to the "X]" that ends it
	inc xsi
	push xdi
	mov xdi, xsi                    ; xdi = the name
.find:
	lodsb
	test al, al
	jz .unmatched
	cmp al, ch
	jne .find
	cmp byte [xsi], ']'
	jne .find
	inc xsi
	lea xax, [xsi-2]
	sub xax, xdi                    ; eax = the name's length
	cmp ch, ':'
	je .class_name
	cmp eax, 1
	jne .collation
	mov al, [xdi]                   ; [.c.] [=c=]: the byte c
	pop xdi
	mov ah, ch
	sub ah, '.'                     ; ([.c.]: 0, [=c=]: 15)
.ret:
	ret
.collation:
	mov esi, msg_re_collation
	jmp re_die
.class_name:                            ; its index in class_names
	push xsi
	push xdx
	xchg eax, edx                   ; edx = the length
	mov esi, class_names
	xor ecx, ecx
.name:
	cmp byte [xsi], 0
	je .bad_class
	push xsi
	push xdi
	push xcx
	mov ecx, edx
	repe cmpsb
	pop xcx
	pop xdi
	jne .next_name
	cmp byte [xsi], 0
	jne .next_name
	pop xax
	xchg eax, ecx
	mov ah, 1
	pop xdx
	pop xsi
	pop xdi
	ret
.next_name:
	pop xsi
.skip:
	lodsb
	test al, al
	jnz .skip
	inc ecx
	jmp .name
.bad_class:
	mov esi, msg_re_class
re_die:
	call err_plain
	exit 1

; re_search - CF=1 when the pattern [cur_re] matches somewhere in the
; line [lbase]..[lend] (GNU's re_search). A Thompson simulation, linear in
; the line's length: the pattern is compiled (re_compile) into one dword
; record a state, R0 first: an atom with its count from M to N is M states
; of one byte, then one state "*" (no N) or N-M states of at most one byte.
; A record is the atom's offset in the pattern << 3, 4 for "*", 2 for a
; state that may be passed by (optional), 1 when the state is active (its
; atom's turn). Each byte of the line is one pass over the states, first
; to last: a state's atom matching the byte moves its activity to the next
; state ("*": keeps it), and an active optional state makes the next one
; active too; the state after the last is the match. Without "^" state 0
; becomes active at every position. The line is read once, each byte
; costs at most one atom test a state.
; The records: on the stack up to RE_STACK bytes (a short pattern's run
; touches no other page), else in an anonymous mapping made when the
; option was read (re_room: GNU's "Memory exhausted" when the kernel has
; no room), never a fault of the stack (ulimit -s).
; preserves all but xax
RE_STACK equ 1024
re_search:
	push_list xsi, xdi, xbx, xcx, xdx, xbp
	call re_count                   ; edi = the records' bytes
	mov xbp, [re_map]
	cmp edi, RE_STACK
	ja .compile
	sub xsp, xdi
	mov xbp, xsp
.compile:
	mov xdi, xbp
	push xbp
	call re_compile                 ; the records from xbp up to xdi
	pop xbp

; The line: xsi = the next byte, dl = the byte of this pass (none before
; the first: no state is active then), dh = what enters the state
; (state 0: 1 at the first position, and at every one without "^"), bl =
; what goes on to the next, bh = 1 when a state is active after the pass.
	mov xsi, [lbase]
	mov dh, 1
.pass:
	lea xcx, [xbp - 4]
	mov bh, 0
.state:
	add xcx, 4
	cmp xcx, xdi
	jae .passed
	mov eax, [xcx]
	test al, 1
	jnz .active
	test dh, dh
	jz .state                       ; nothing here, nothing on
.active:
	mov bl, 0
	test al, 1
	jz .new
	push xax
	push xbx
	shr eax, 3
	mov xbx, [cur_re]
	add xbx, xax
	mov al, dl
	call atom_test
	pop xbx
	pop xax
	jnc .new
	test al, 4
	jz .moves
	mov dh, 1                       ; "*" stays
	jmp short .new
.moves:
	inc ebx
.new:                                   ; dh = this state after the byte
	and al, ~1
	or al, dh
	or bh, dh
	test al, 2
	jz .store
	or bl, dh
.store:
	mov [xcx], eax
	mov dh, bl
	jmp .state
.passed:                                ; dh = 1: the pattern matched
	cmp xsi, [lend]
	jae .at_end
	test dh, dh
	jz .on
	cmp byte [re_dollar], dh        ; (dh = 1)
	jb .end
.on:
	mov dl, [xsi]
	inc xsi
	mov dh, [re_inject]
	test dh, dh
	jnz .pass
	test bh, bh
	jnz .pass
.at_end:
.end:
	cmp xbp, xsp                    ; the records on the stack: they end
	cmove xsp, xdi                  ; where the saved registers start
	neg dh                          ; CF=1 for a match
	pop_list xsi, xdi, xbx, xcx, xdx, xbp
	ret

; re_room - xsi = a pattern (checked): [cur_re] = it, and the mapping
; made big enough for its records when they need one. GNU's regcomp builds
; its states then, and says "Memory exhausted" (exit 1) when it cannot.
; clobbers xax, xbx, xcx, xdx, xdi, xbp
re_room:
	mov [cur_re], xsi
	call re_count
	cmp edi, RE_STACK
	jbe .ret
	cmp edi, [re_mapsz]
	jbe .ret
	push xdi
	sys munmap, [re_map], [re_mapsz] ; (none yet: EINVAL, nothing)
	mov A2, [xsp]
	sys mmapx, 0, A2, PROT_RW, MAP_PRIVANON, -1, 0
	pop xdi
	jerrp .nomem
	mov [re_map], xax
	mov [re_mapsz], edi
.ret:
	ret
.nomem:
	mov esi, msg_re_nomem
	jmp re_die

; re_count - edi = the bytes of [cur_re]'s records.  clobbers as re_compile
re_count:
	inc byte [re_dry]
	xor edi, edi
	call re_compile
	dec byte [re_dry]
	ret

; re_compile - the records of the pattern [cur_re] from xdi up (with
; [re_dry] set only counted: xdi moves, nothing is stored); [re_inject]
; and [re_dollar] set.  out: xdi past them.  clobbers xax, xbx, xcx,
; xdx, xsi, xbp
re_compile:
	mov xsi, [cur_re]
	xor eax, eax                    ; re_inject = 0 after "^", else 1;
	inc eax                         ; re_dollar = 0
	cmp byte [xsi], '^'
	jne .unanchored
	inc xsi
	dec eax
.unanchored:
	mov [re_inject], ax

; Each atom: xbx = it, edx = the least count, ebp the most (-1: none).
.item:
	mov al, [xsi]
	test al, al
	jz .ret
	cmp al, '$'
	jne .atom
	cmp byte [xsi+1], 0
	jne .atom
	inc byte [re_dollar]            ; "$" last: at the end only
.ret:
	ret
.atom:
	mov xbx, xsi
	call atom_skip
	xor edx, edx
	inc edx
	mov ebp, edx
.quant:
	mov al, [xsi]
	cmp al, '*'
	jne .not_star
	xor edx, edx
	or ebp, -1
	inc xsi
	jmp .quant
.not_star:
	cmp al, '\'
	jne .counted
	mov al, [xsi+1]
	cmp al, '+'
	je .plus
	cmp al, '{'
	je .interval
	cmp al, '?'
	jne .counted
	xor edx, edx
	jmp .two
.plus:
	or ebp, -1
.two:
	lodsw
	jmp .quant
.interval:                              ; \{M\}, \{M,\}, \{,N\}, \{M,N\}
	lodsw
	call fetch_number
	mov edx, eax
	test eax, eax
	jns .m
	xor edx, edx
.m:
	mov ebp, eax
	cmp cl, '}'
	je .counted
	call fetch_number               ; -1: no most
	mov ebp, eax
.counted:                               ; M states of one byte
	mov xax, xbx
	sub xax, [cur_re]
	shl eax, 3
	mov ecx, edx
	call .records
	or al, 2                        ; then the optional ones
	mov ecx, ebp
	sub ecx, edx
	inc ebp
	jnz .optional
	or al, 4                        ; "*": one
	xor ecx, ecx
	inc ecx
.optional:
	call .records
	jmp .item

; .records - ecx records eax at xdi (xdi moved past them).  clobbers ecx
.records:
	cmp byte [re_dry], 0
	jne .count
	rep stosd
	ret
.count:
	lea xdi, [xdi + xcx*4]
	ret

; atom_skip - xsi past the atom at xsi.  clobbers xax, xcx
atom_skip:
	lodsb
	cmp al, '\'
	jne .not_escape
	inc xsi
	ret
.not_escape:
	cmp al, '['
	jne .ret
	push xdx
	call bracket
	pop xdx
.ret:
	ret

; atom_test - CF=1 when the byte al matches the atom at xbx.
; preserves all but xax
atom_test:
	mov ah, [xbx]
	cmp ah, '.'
	je .any
	cmp ah, '['
	je .bracket
	cmp ah, '\'
	jne .byte
	mov ah, [xbx+1]
.byte:
	cmp al, ah
	cf_of_zf .yes
.any:                                   ; not a NUL
	cmp al, 1
	cmc
	ret
.bracket:
	push xsi
	push xcx
	push xdx
	lea xsi, [xbx+1]
	mov dl, al
	call bracket
	pop xdx
	pop xcx
	pop xsi
	ret

re_unsupported:	db '()|123456789wWsSbB<>`', "'"
RE_UNSUPPORTED_N equ $ - re_unsupported
msg_re_unsupported: db 'regular expression not supported: ', 0
msg_re_trailing: db 'Trailing backslash', 0
msg_re_invalid:	db 'Invalid regular expression', 0
msg_re_bracket:	db 'Unmatched [, [^, [:, [., or [=', 0
msg_re_range:	db 'Invalid range end', 0
msg_re_class:	db 'Invalid character class name', 0
msg_re_collation: db 'Invalid collation character', 0
msg_re_ebrace:	db 'Unmatched \{', 0
msg_re_badbr:	db 'Invalid content of \{\}', 0
msg_re_esize:	db 'Regular expression too big', 0
msg_re_nomem:	db 'Memory exhausted', 0
class_names:	db 'alpha', 0, 'upper', 0, 'lower', 0, 'digit', 0, 'xdigit', 0
		db 'space', 0, 'print', 0, 'punct', 0, 'graph', 0, 'cntrl', 0
		db 'blank', 0, 'alnum', 0, 0

; The classes in class_names' order: 128 bits each, bit c set when the
; byte c is in the class (the C locale; no byte from 128 is).
cmaps:
	dd 0x00000000, 0x00000000, 0x07fffffe, 0x07fffffe	; alpha
	dd 0x00000000, 0x00000000, 0x07fffffe, 0x00000000	; upper
	dd 0x00000000, 0x00000000, 0x00000000, 0x07fffffe	; lower
	dd 0x00000000, 0x03ff0000, 0x00000000, 0x00000000	; digit
	dd 0x00000000, 0x03ff0000, 0x0000007e, 0x0000007e	; xdigit
	dd 0x00003e00, 0x00000001, 0x00000000, 0x00000000	; space
	dd 0x00000000, 0xffffffff, 0xffffffff, 0x7fffffff	; print
	dd 0x00000000, 0xfc00fffe, 0xf8000001, 0x78000001	; punct
	dd 0x00000000, 0xfffffffe, 0xffffffff, 0x7fffffff	; graph
	dd 0xffffffff, 0x00000000, 0x00000000, 0x80000000	; cntrl
	dd 0x00000200, 0x00000001, 0x00000000, 0x00000000	; blank
	dd 0x00000000, 0x03ff0000, 0x07fffffe, 0x07fffffe	; alnum

; line_undo - expand_io's EXPAND_IO_LINE: the numbering's state (lineno,
; blanks, overflow) back as it was when the line began (.line kept it):
; the line cut by a read error is not numbered, as GNU's. clobbers al,
; xmm0
line_undo:
	movdqu xmm0, [lsave]
	movdqu [lineno], xmm0
	mov al, [lsave + 16]
	mov [overflow], al
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
	jne64 ecx, blanks, join, .pad
.reset:
	xor ecx, ecx
	mov [blanks], ecx
	mov [blanks+4], ecx
	jmp .number
.pad:                                   ; fputs
	mov ecx, [nopad]
	push xax
	mov al, ' '
	call put_n
	call piece_end
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
.padding:                               ; glibc 2.36's vfprintf, piece by
	mov al, ' '                     ; piece, ended by the first that fails
	cmp byte [fmt], 'r'
	jne .sign
	call padn
	jc .next
.sign:
	test ebp, ebp
	jz .zeros
	mov al, '-'
	call put
	call piece_end
	jc .next
.zeros:
	cmp byte [fmt], 'z'
	jne .print
	mov al, '0'
	call padn
	jc .next
.print:
	lodsb
	call put
	cmp esi, numend
	jb .print
	call piece_end
	jc .next
	mov al, ' '                     ; ln: the padding after
	call padn
	jc .next
	mov xsi, [sep]
.sep:                                   ; %s
	lodsb
	test al, al
	jz .sep_end
	call put
	jmp .sep
.sep_end:
	call piece_end
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

; padn - al, ecx times, in pieces of 16 (glibc's _IO_padn).
; out: CF=1 when a piece failed, else CF=0 and ecx = 0.
padn:
	clc
.more:
	jecxz .ret
	push xcx
	cmp ecx, 16
	jb .piece
	mov ecx, 16
.piece:
	sub [xsp], xcx
	call put_n
	pop xcx
	call piece_end
	jnc .more
.ret:
	ret

; put_n - al, ecx times (none when ecx is 0); ecx = 0 after.
put_n:
	jecxz .ret
	call put
	loop put_n
.ret:
	ret

; GNU's nl writes through glibc's stdio: a 4096-byte buffer (st_blksize of
; /dev/full, a pipe, a file), not checked until close_stdout. Whether its
; last "write error" has a reason (bytes still buffered at the end) and
; which bytes a failing stdout drops depend on its pieces (each printf
; part, fputs, fwrite, putchar), so the output here is those pieces:
; bytes go to obuf by put, and piece_end after each piece does what
; _IO_file_xsputn did: a piece that filled the buffer wrote it and its own
; bytes past it in whole 4096-byte blocks (obuf full within a piece: all
; written), the rest kept; a failed write dropped the rest of the piece
; and the buffer. [pst]: 0 blocks written in this piece (or, before the
; first piece, no buffer yet: glibc's first call writes its whole blocks
; directly), 1 none, 2 a write failed.

; put - al at xdi; when obuf is full (32 KiB of one piece), written, or
; dropped after a failure in this piece.  preserves all (xdi advanced)
put:
	stosb
	cmp edi, obuf + OBUFSZ
	jb .ret
	push xax
	mov al, 2
	cmp [pst], al
	je .drop
	call out_write                  ; (xdi = obuf when written)
	mov al, 0
	jns .state
	mov al, 2
	mov [out_err], al
.drop:
	mov edi, obuf
.state:
	mov [pst], al
	pop xax
.ret:
	ret

; run - after a byte of a line's text is put: the bytes after it in the
; input buffer, up to the line's newline or the buffer's end, copied to
; obuf at once while it keeps a byte of room (the byte loop goes on from
; there, as before). The newline is looked for 16 bytes a step (SSE2,
; aligned: no load crosses a page).
; clobbers xax, xcx, xdx (xsi, xdi advanced)
run:
	sse_scan [in_end], sse_eq7
	sub edx, esi                    ; the run
	mov ecx, obuf + OBUFSZ - 1
	sub ecx, edi                    ; the room
	cmp ecx, edx
	jb .copy
	mov ecx, edx
.copy:
	rep movsb
	ret

; piece_end - after a piece: whole blocks written, the rest kept at
; obuf (at most 4096 bytes), as glibc's buffer.
; out: CF=1 when a write failed in the piece (nothing kept).
; preserves all
piece_end:
	push xax
	push xcx
	push xsi
	xor ecx, ecx
	inc ecx
	xchg cl, [pst]                  ; cl = the piece's state
	cmp cl, 2
	je .dropped
	mov eax, edi
	sub eax, obuf
	cmp eax, PUTC_BUF
	jb .kept
	ja .write
	jecxz .write                    ; exactly full: written when blocks were
	jmp short .kept
.write:
	and eax, -PUTC_BUF
	xchg eax, ecx                   ; ecx = the blocks' bytes
	push xdi
	lea edi, [xcx + obuf]
	call out_write                  ; xdi = obuf when written
	pop xsi                         ; the end
	js .failed
	xchg eax, esi
	lea esi, [xcx + obuf]           ; the rest to the front
	sub eax, esi
	xchg eax, ecx
	rep movsb
.kept:
	clc
.ret:
	pop xsi
	pop xcx
	pop xax
	ret
.failed:
	mov [out_err], al               ; (-errno: not 0)
.dropped:
	mov edi, obuf
	stc
	jmp short .ret

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
msg_nomem:	db 'memory exhausted', 0
msg_overflow:	db 'line number overflow', 0
fmt_style:	db F_ARGV0, ': invalid ', F_TEXT, ' numbering style: ', F_QUOTE, 10, 0
fmt_format:	db F_ARGV0, ': invalid line numbering format: ', F_QUOTE, 10, 0
fmt_invalid_opt: db F_ARGV0, ": invalid option -- '", F_ARG, "'", 10, 0
fmt_number:	db F_ARGV0, ': ', F_TEXT, ': ', F_QUOTE, F_REASON, 10, 0
fmt_erange:	db F_ARGV0, ': ', F_TEXT, ': ', F_QUOTE, ': Numerical result out of range', 10, 0

init_vals:				; the defaults of start .. delim_buf
	db 1, 1, 1, 6
	dW delim_buf, tab_str, lsmall, lsmall + LSMALL
	db 0, 'n', 't', 'n', 'r', '\:', 0

BSS
; One page holds what a short run writes: i386's argv0 and status, the
; variables (expand_io's after them), a pBRE line of up to LSMALL bytes,
; the first reads (expand_io's chunk0) and the output's first 3.3 KiB.
	BSS_ROOM 4096
	GLOBALS_HERE
start:		resd 2                  ; -v, -i, -l, -w (init_vals)
incr:		resd 2
join:		resd 2
width:		resd 2
delim:		resW 1                  ; -d
sep:		resW 1                  ; -s
lbase:		resW 1                  ; the held line: lbase..lend, room to lcap
lcap:		resW 1
styles:		resb 4                  ; (none), footer, body, header
fmt:		resb 1                  ; -n: r, l or z
delim_buf:	resb 3
INIT_N		equ $ - delim
lineno:		resd 2                  ; (.line keeps these three)
blanks:		resd 2
overflow:	resb 1
lsave:		resb 17
line_cut:	resb 1
line_start:	resW 1
val:		resd 2
dlen:		resd 1
dlen3:		resd 1
nopad:		resd 1
no_renumber:	resb 1
bad:		resb 1                  ; a bad style, format or letter (GNU's !ok)
at_eof:		resb 1
style:		resb 1                  ; the current section's
re_ptrs:	resW 4                  ; the patterns of styles' p
cur_re:		resW 1
lend:		resW 1
re_inject:	resb 1                  ; 0 after "^", else 1
re_dollar:	resb 1                  ; 1 for "$" last
pst:		resb 1                  ; the piece's state (see put)
re_dry:		resb 1                  ; re_compile only counts
re_mapsz:	resW 1                  ; the records' mapping: its bytes
re_map:		resW 1                  ; (re_search)
opt_sp:		resW 1                  ; xsp in long_opt, for long_bad
numbuf:		resb 24
numend:
ambp:		resd 1                  ; long_opt's
ambbuf		equ obuf                ; (no output before the options are read)
lsmall:		resb LSMALL

program_end
