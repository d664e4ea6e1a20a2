; expand - convert tabs to spaces.
;
; Usage: expand [-i] [-t LIST | -N[,LIST]] [FILE]...
;   -i, --initial     only the tabs before the first non-blank of a line
;   -t, --tabs=LIST   tab stops: N (every N columns), or a list of columns
;                     separated by commas or blanks, whose last may be
;                     "/N" (then every N columns) or "+N" (then every N
;                     after the last stop); 8 by default
;   -N                the old form of -t N ("-4,8" is -t 4,8)
; A tab past the last stop of a list is one space; a backspace moves back
; a column (and back one stop in a list). Lines run on from one FILE to
; the next when one does not end with a newline. "-" and no FILE mean
; standard input. Long options may be abbreviated (--t=4). Options may
; follow the operands (GNU's getopt_long permutes); with POSIXLY_CORRECT in
; the environment the first operand ends them, as GNU's getopt: "expand f
; -4" then expands f and a file "-4".
; Exit status: 0; 1 for a file that could not be read (the others are
; still done), a bad option or list (GNU's messages), or a write error.
; Differences from GNU: --help and --version are not supported; on i386
; tab stops are 32 bits (a stop of 2^32 or more is "too large"; a line
; longer than 4 Gi columns is right as long as it is past the list's last
; stop, the usual case).
;
; The input is read and the output written through 32 KiB buffers, so a
; line of any length streams through. When stdout is a terminal, what a
; read brought is written before the next read (GNU's stdout is
; line-buffered there): "tail -f log | expand" shows each line as it comes.

%define FAST_SYSCALL                    ; i386: the vDSO's entry after 32 calls
%define EXPAND_IO_PUTC_DIE              ; 9.1's write errors: die() at putchar's 4 KiB
%include "subk.inc"
%include "layout.inc"
	tab_start                       ; (macros.inc) xsp = &argv[1]

; The options, as GNU's getopt_long with "it:0::1::...9::" (long_walk:
; with POSIXLY_CORRECT, up to the first operand).
	long_walk .arg, .letter, .long, .args_done

.letter:
	cmp al, 'i'
	jne .not_i
	inc byte [initial]
	lodsb
	test al, al
	jnz .letter
	jmp .arg
.not_i:
	cmp al, 't'
	je .t
	dec xsi                         ; -N...: the digits and the rest
	sub al, '0'
	cmp al, 9
	jbe .list
	add al, '0'
	jmp opt_invalid
.t:                                     ; -tLIST, -t LIST
	opt_arg 't', .list
.list:
	call tabs_parse
	jmp .arg

; --initial, --tabs[=LIST] and their prefixes.
.long:
	call long_opt                   ; al = 'i' or 't', xdx = LIST
	cmp al, 'i'
	je .set_i
	mov xsi, xdx
	jmp .list
.set_i:
	inc byte [initial]
	jmp .arg

.args_done:
	operands_or_dash
	call tabs_final
	mov edi, obuf
	sse_range_set 0x08080808, 0x02020202 ; for tab_run: 8 to 10

; Each line: xbp = its column, xbx = the index of the next tab stop to
; look at, [conv] = 1 while tabs are still converted (not 0 with -i after
; the first non-blank). xsi and xdi are the streams (expand_io).
	tab_line_head
	cmp al, 9
	je .tab
	tab_column .blank			; a backspace back, else a column on
.tab:                                   ; spaces up to the next stop
	call tab_next
	jnz .stop
	lea xax, [xbp+1]                ; past the last stop: one space
.stop:
	cmp xax, xbp
	jae .fits
	call tab_rebase                 ; (i386: 4 Gi columns)
	jmp .tab
.fits:
	xchg xax, xcx
	sub xcx, xbp
	add xbp, xcx
	mov al, ' '
	dec xcx                         ; (the last is the tab's own byte)
	jz .blank
	mov xdx, xdi
	add xdx, xcx
	jc .spaces                      ; (a stop near 2^64: past the end)
	cmp xdx, obuf + PUTC_BUF + 1    ; (stdio's first 4 KiB: putc tries
	jb .fill                        ; the first write at their end)
	cmp byte [out_wrote], 0
	je .spaces
	cmp xdx, obuf + OBUFSZ
	jae .spaces
.fill:
	rep stosb                       ; all fit in the buffer
	jmp short .blank
.spaces:
	call putc
	loop .spaces
.blank:                                 ; -i: a non-blank ends the conversion
	cmp byte [initial], 0
	je .run
	cmp al, ' '
	je .put
	cmp al, 9
	je .put
	mov byte [conv], 0
	tab_line_end
.end:
	jmp in_finish
; Without -i, a byte that is not a newline is put, then the run of bytes
; after it that need no thought (tab_run).
.run:
	cmp al, 10
	je .put
	call tab_run
	jmp .byte

LONGOPTS:	db 't'|0x80, 'tabs', 0, 'i', 'initial', 0       ; (GNU's order;
		db '?', 'help', 0, '?', 'version', 0, 0   ; '?': refused)

BSS
	GLOBALS_HERE                    ; i386: argv0 and status here, not after the buffers
initial:	resb 1
conv:		resb 1

program_end
