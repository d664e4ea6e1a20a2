; unexpand - convert blanks to tabs.
;
; Usage: unexpand [-a] [--first-only] [-t LIST | -N...] [FILE]...
;   -a, --all         convert blanks anywhere, not only at the start of a
;                     line
;   --first-only      only the leading blanks (overrides -a and -t)
;   -t, --tabs=LIST   tab stops as expand's: N, or a list of columns
;                     (commas or blanks between) whose last may be "/N" or
;                     "+N"; implies -a; 8 by default
;   -N                the old form: digits (any number of options, "-1 -2"
;                     is 12) with "-," between stops; not -a
; A run of blanks (spaces and tabs) becomes tabs where it reaches a tab
; stop; a single space before a stop stays a space unless more blanks
; follow. Blanks past the last stop of a list stay as they are, and so
; does the rest of that line. A backspace moves back a column. Lines run
; on from one FILE to the next. "-" and no FILE mean standard input. Long
; options may be abbreviated (--f). Options may follow the operands (GNU's
; getopt_long permutes); with POSIXLY_CORRECT in the environment the first
; operand ends them, as GNU's getopt: "unexpand f -a" then converts f and
; a file "-a".
; Exit status and differences from GNU: expand's (asm/expand.asm: no
; --help or --version, i386's 32-bit tab stops).
;
; Pending blanks are a count and the byte to write first (a space, or a
; tab when they reach a stop), so a line of any length streams through
; the 32 KiB buffers of expand_io (written before each read when stdout
; is a terminal, as GNU's line-buffered stdout: see expand).
; Once nothing more of a line is converted (past its leading blanks
; without -a, or past the last stop), the rest goes by runs of bytes
; found 16 at a time (tab_run, expand's).

%define FAST_SYSCALL                    ; i386: the vDSO's entry after 32 calls
%define EXPAND_IO_PUTC_DIE              ; 9.1's write errors: die() at putchar's 4 KiB
%define ERR_DATA_COLD                   ; the messages' formats and texts in .cold: the code page stays one (x86_64)
%define QUOTE_ONE_PASS          ; (error.inc: gnulib's second quoting pass left out: its pages are full; README)
%include "subk.inc"
%include "layout.inc"
	tab_start                       ; (macros.inc) xsp = &argv[1]
	xor ebp, ebp                    ; xbp = the old form's number

; The options, as GNU's getopt_long with ",0123456789at:" (long_walk:
; with POSIXLY_CORRECT, up to the first operand).
	long_walk .arg, .letter, .long, .args_done

.next_letter:
	lodsb
	test al, al
	jz .arg
.letter:
	cmp al, 'a'
	jne .not_a
.set_a:
	mov byte [all], 1
	jmp .next_letter
.not_a:
	cmp al, ','
	jne .not_comma
	call .old_stop
	jmp .next_letter
.not_comma:
	cmp al, 't'
	je .t
	sub al, '0'
	cmp al, 9
	ja .invalid
	movzx ecx, al                   ; a digit of the old form
	cmp byte [have], 0
	je .first_digit
	push 10
	pop xax
	mul xbp
	jc .old_large
	add xax, xcx
	jc .old_large
	xchg xax, xcx
.first_digit:
	mov xbp, xcx
	mov byte [have], 1
	jmp .next_letter
.old_large:
	mov esi, msg_old_large
	call err_plain
	exit 1
.invalid:
	add al, '0'
	jmp opt_invalid
.t:                                     ; -tLIST, -t LIST
	opt_arg 't', .list
.list:
	mov byte [all], 1
	call tabs_parse
	jmp .arg

; --all, --first-only, --tabs[=LIST] and their prefixes.
.long:
	call long_opt                   ; al = 'a', 'f' or 't', xdx = LIST
	mov xsi, xdx
	cmp al, 't'
	je .list
	mov ecx, all
	cmp al, 'a'
	je .set
	mov ecx, first_only
.set:
	mov byte [xcx], 1
	jmp .arg

; .old_stop - the old form's number, if any, is a stop
.old_stop:
	cmp byte [have], 0
	je .ret
	call tab_add
	mov byte [have], 0
.ret:
	ret

.args_done:
	call .old_stop
	operands_or_dash
	cmp byte [first_only], 0
	je .final
	mov byte [all], 0
.final:
	call tabs_final
	mov edi, obuf
	sse_range_set 0x08080808, 0x02020202 ; for tab_run: 8 to 10
%if W == 8
 %define TAB_FIRST_OPEN call wide_check
%endif

; Each line: xbp = its column, xbx = the index of the next tab stop to
; look at; [conv] = 1 while blanks are converted, [prev] = 1 after a
; blank (and at the start), [pending] blanks held back (the first one
; written as [pfirst]), [one] = 1 when the first of them came just before
; a stop. dl = 1 for a blank, in the part after the conversion.
	tab_line_head {mov byte [prev], 1}, .rest
	mov dl, 1
	cmp al, ' '
	je .blank
	cmp al, 9
	je .blank
	mov dl, 0
	tab_column .after			; a backspace back, else a column on

.blank:
	push xax
	call tab_next                   ; xax = the next stop, 0 past the last
	xchg xax, xcx
	pop xax
	mov dl, 1
	jz .last
	cmp xcx, xbp
	jae .fits
	call tab_rebase                 ; (i386: 4 Gi columns)
	jmp .blank
.fits:
	cmp al, 9
	jne .space
	mov xbp, xcx                    ; a tab: to the stop
	cmp WPTR [pending], 0
	je .discard
	mov byte [pfirst], 9
	jmp .discard
.space:
	inc xbp
	cmp xbp, xcx
	jne .hold
	cmp byte [prev], 0
	je .hold
	mov al, 9                       ; a blank before it and the stop: a tab
	mov [pfirst], al
.discard:                               ; all held but a lone one before a stop
	movzx ecx, byte [one]
	mov [pending], xcx
	jmp .after
.hold:                                  ; not known yet: hold the space
	cmp xbp, xcx
	jne .held
	mov byte [one], 1
.held:
	cmp WPTR [pending], 0
	jne .more
	mov [pfirst], al
.more:
	inc WPTR [pending]
	mov byte [prev], 1
	jmp .byte
.last:                                  ; past the last stop: no more
	mov byte [conv], 0

.after:
	call .write_pending
	mov [prev], dl
	test dl, dl
	jnz .put
	cmp byte [all], 0
	jne .put
	mov byte [conv], 0
	tab_line_end
	cmp byte [conv], 0              ; the end: the blanks held back
	je .end
	call .write_pending
.end:
	jmp in_finish

; The rest of a line once nothing more is converted: a byte that is not
; a newline is put, then the run of bytes after it (tab_run; the column
; no longer matters).
.rest:
	cmp al, 10
	je .put
	call tab_run
	jmp .byte

; .write_pending - the blanks held back: [pfirst] (a tab when more than
; one is held and the first came before a stop), then spaces.
.write_pending:
	mov xcx, [pending]
	jxcxz .none
	cmp xcx, 1
	jbe .write
	cmp byte [one], 0
	je .write
	mov byte [pfirst], 9
.write:
	push xax
	mov al, [pfirst]
.w:
	call putc
	mov al, ' '
	loop .w
	pop xax
	mov [pending], xcx
	mov [one], cl
.none:
	ret

%if W == 8
; wide_check - at the first operand opened, as GNU's unexpand() after its
; next_file: GNU's xmalloc of max_column_width bytes (the widest gap
; between stops, from column 0; with no list, or one stop alone, the step
; tabs_final left) fails on every x86_64 when it is 2^47 or more: then
; "memory exhausted", exit 1. preserves all but rax, rcx, rdx
wide_check:
	push rsi
	push rdi
	mov ecx, [ntabs]
	mov rax, [tab_extend]
	or rax, [tab_incr]
	jrcxz .top
	xor eax, eax                    ; rax = the widest gap
	xor edx, edx                    ; rdx = the stop before
	mov esi, tab_list
.gap:
	mov rdi, [rsi]
	push rdi
	sub rdi, rdx                    ; the gap (CF: below the one before)
	pop rdx
	jb .next
	cmp rdi, rax
	jbe .next
	mov rax, rdi
.next:
	add esi, 8
	loop .gap
.top:
	pop rdi
	pop rsi
	shr rax, 47
	jz .ret
	mov esi, msg_nomem
	jmp tabs_die
.ret:
	ret
%endif

LONGOPTS:	db 't'|0x80, 'tabs', 0, 'a', 'all', 0, 'f', 'first-only', 0 ; (GNU's order;
		db '?', 'help', 0, '?', 'version', 0, 0   ; '?': refused)
msg_old_large:	db 'tab stop value is too large', 0

BSS
	GLOBALS_HERE                    ; i386: argv0 and status here, not after the buffers
pending:	resW 1
all:		resb 1
first_only:	resb 1
have:		resb 1
conv:		resb 1
prev:		resb 1
one:		resb 1
pfirst:		resb 1

program_end
