; fold - wrap each input line to fit a width.
;
; Usage: fold [-bs] [-w WIDTH] [FILE]...
;   -w N  at most N columns a line (default 80); -N is the same (GNU's
;         digit options: "-5", "-s12", "-w5" and "-w 5" all work)
;   -s    break after the last blank (space or tab) of a line that is too
;         long, when it has one
;   -b    count bytes: \b \r \t take one column like any byte
; Without -b (the C locale): \b goes back one column, \r to column 0, \t
; to the next multiple of 8; every other byte takes one. A newline is put
; before the byte that would pass the width (a byte wider than the width
; at the start of a line stays there alone). "-" and no FILE mean standard
; input; a last line without a newline stays without one.
; WIDTH as GNU's xdectoumax: leading white space and '+' allowed, 1 to
; 2^64-10 (on i386 a WIDTH of 2^32 or more means "never wider"): else
; "fold: invalid number of columns: 'N'" (": Numerical result out of range"
; for 0 or too big, ": Value too large for defined data type" past 2^64).
; Exit status: 0; 1 when a FILE could not be read, on a bad WIDTH or
; option, a write error ("fold: write error: REASON", at the end, as GNU's
; stdio), or when closing a standard input it read fails ("fold: -: ...").
; Long options as GNU's getopt_long (prefixes, --width=N or --width N):
; --bytes, --spaces, --width=WIDTH. Options may follow the operands
; (GNU's getopt_long permutes); with POSIXLY_CORRECT in the environment
; the first operand ends them, as GNU's getopt: "fold f -5" then folds f
; and a file "-5".
; Differences from GNU: with -s, a part of a line after a blank that has about
; 1 MiB without a blank and still fits the width (a width that large, or
; \b and \r keeping the column low) is refused: "fold: line too long for
; -s" and status 1 (GNU keeps it in memory).
;
; The output buffer holds the bytes ready to be written, then the pending
; line (GNU's line buffer) right after them: ending a line or breaking it
; moves a pointer, a -s break moves the rest of the line one byte up for
; the newline. Only with -s must the pending line stay in memory; else it
; is written out whenever the buffer fills. When stdout is a terminal
; (glibc's stdout is line-buffered there), the lines ready are written
; before each read: "tail -f log | fold" shows each line as it comes.

%define FAST_SYSCALL                    ; i386: the vDSO's entry after 32 calls
%include "subk.inc"
%include "layout.inc"
use usage, opt_missing, err_file, errno_path, err_quoted, err_plain, long_opt
use posixly
%define LONGOPT_AMBIGUOUS               ; GNU's message for --=x
%define LONGOPT_BSS_HERE                ; ambp with the variables

INSZ    equ 16384               ; one read (in BSS: a small one touches
                                ; only the variables' page)
OBSZ    equ 1024 * 1024         ; the output buffer (in BSS: never on the
                                ; stack, where a small ulimit -s killed it)
ROOM    equ 3 * INSZ            ; a read makes at most this much output
%ifndef FLUSHSZ
FLUSHSZ equ 32768               ; the bytes ready written from this many
%endif
LONGLINE    equ OBSZ / 2            ; a pending line this long is written out

_start:
	fast_syscall_init counted       ; i386: int 0x80 for the first 32 calls
	pop_argv0                       ; xsp = &argv[1]
	mov WPTR [width], 80
	mov xdi, xsp                    ; xdi = where the next operand goes,
	mov xbp, xsp                    ; xbp = the next argument (xsp stays:
	mov [argp], xsp                 ; calls must not overwrite operands)

; The options, as GNU's getopt with "bsw:0::1::...9::": clusters, options
; after operands (moved to the front; with POSIXLY_CORRECT the first
; operand ends the options instead), "--", "-" an operand. A digit is an
; option with an optional argument: it and the rest of its word are the
; width. "--NAME[=VALUE]" is long_opt's: --bytes, --spaces, --width=N
; (prefixes; the value after "=" or the next argument).
.arg:
	mov xsi, [xbp]
	add xbp, W
	mov [xdi], xsi
	test xsi, xsi
	jz .options_done
	cmp byte [dashdash], 0
	jne .operand
	mov xdx, xsi                    ; (the argument, for messages)
	dash_letter .operand
	cmp al, '-'
	jne .letter
	lodsb
	test al, al
	jz .dashdash                    ; "--"
.long:                                  ; "--NAME"
	dec xsi                         ; xsi = NAME, xbx = the next slot
	mov xbx, xbp
	call long_opt                   ; al = the letter, xdx = N
	mov xbp, xbx
	mov xsi, xdx
	cmp al, 'w'
	je .number
	mov esi, dash + 1               ; (no letters after it)
	jmp .letter
; An operand, kept: with POSIXLY_CORRECT set (asked at the first one:
; macros.inc's posixly_first), getopt stops there: as after "--".
.operand:
	posixly_first .arg, xbp          ; (xbp: the next argument's slot)
.dashdash:
	inc byte [dashdash]
	jmp .arg
.letter:
	cmp al, 'b'
	jne .not_b
	mov byte [opt_b], 1
	jmp .next_letter
.not_b:
	cmp al, 's'
	jne .not_s
	mov byte [opt_s], 1
.next_letter:
	lodsb
	test al, al
	jnz .letter
	jmp .arg
.not_s:
	cmp al, 'w'
	je .w
	mov ah, al
	sub ah, '0'
	cmp ah, 9
	ja opt_invalid                  ; al = the letter
	dec xsi                         ; -N...: the digit and the rest
	jmp .number
.w:
	cmp byte [xsi], 0
	jne .number                     ; -wN
	mov xsi, [xbp]                  ; -w N
	add xbp, W
	test xsi, xsi
	jz opt_missing                  ; al = 'w'
.number:
	call parse_width
	jmp .arg

; The operands are at the old xsp up to xdi; none means "-". Then the
; output buffer below them. The plain bytes (not 8 to 13, only 10 with
; -b) are found by sse_range.
.options_done:
	cmp xsp, xdi
	jne .some
	mov WPTR [xdi], dash
	add xdi, W
.some:
	mov [arge], xdi
	sse_range_set 0x08080808, 0x05050505 ; 8 to 13: \b \t \n \v \f \r
	mov edi, obuf
	mov [emit], xdi

; Each operand: "-" is fd 0, else opened; its bytes folded.
.file:
	mov xax, [argp]
	cmp xax, [arge]
	je finish
	add WPTR [argp], W
	mov xax, [xax]
	mov [name], xax
	xor ebp, ebp
	cmp word [xax], '-'
	jne .open
	inc byte [stdin_used]
	jmp .fold
.open:
	sys open, xax, O_RDONLY|O_LARGEFILE
	test eax, eax
	js .failed
	xchg eax, ebp
.fold:
	call fold_fd
	jns .close
	call report
.close:
	mov xsi, [name]
	cmp word [xsi], '-'
	je .file
	sys close, ebp
	jmp .file
.failed:
	call report
	jmp .file

; report - GNU's message for the operand [name], xax = -errno.
report:
	call sync
	mov xsi, [name]
	jmp err_file

; sync - glibc error()'s fflush(stdout) before a message (between files:
; every byte is ready, none pending): the bytes written, so a merged 2>&1
; stream has GNU's order. A failure is not told here: the bytes are
; dropped and sync_err set, for finish's "write error" with close(1)'s
; reason (close_stdout's when nothing later fails: none, or EBADF when
; stdout is closed). Preserves xax.
sync:
	push xax
	push 1
	pop A1
	mov A2d, obuf
	mov A3, [emit]
	mov [emit], A2
	sub A3, A2
	jz .ret
	call write_all
	jns .ret
	mov [sync_err], al
.ret:
	pop xax
	ret

; The end: the output written; standard input closed if it was read;
; a write error told (with the reason of the failed write).
finish:
	mov xdi, [emit]
	call flush
	cmp byte [stdin_used], 0
	je .written
	sys close, 0
	test eax, eax
	jns .written
	call sync
	mov esi, dash
	call err_file
.written:
	mov eax, [werr]
	test eax, eax
	jnz .werr
	cmp [sync_err], al
	je .exit
	sys close, 1                    ; fclose's close: its reason (EBADF:
.werr:                                  ; stdout closed), or none
	mov esi, msg_write
	call err_text
.exit:
	exit_status

; fold_fd - fold the fd ebp onto the output (xdi = the end of the pending
; line, which is empty). out: SF=1, eax = -errno after a read error (the
; pending line written as it is, as at the end of a file).
fold_fd:
	mov xdi, [emit]
	xor edx, edx                    ; edx = the column of the pending line
	mov [bl_emit], dl
; Before a read (which may wait), the lines ready: written when they are
; many (a pipe's reader kept busy), or at once on a terminal (glibc
; line-buffers a terminal's stdout: GNU's lines show as the input brings
; them; a failure there is told at the end without a reason, as GNU's
; close_stdout after its line's write failed). Whether stdout is a
; terminal is asked once, the first time lines are ready.
.read:
	push xdx
	mov xax, [emit]
	sub xax, obuf                   ; the bytes ready
	jz .pending
	push xax
	mov eax, [otty]                 ; 0 not asked, 1 a terminal, else not
	test eax, eax
	jnz .asked
	push xdi
	sys ioctl, 1, TCGETS, inb       ; 0 on a terminal (inb: read already)
	pop xdi
	or al, 1
	mov [otty], eax
.asked:
	dec eax
	pop xax
	jnz .many
	call flush
	xor eax, eax
	xchg eax, [werr]                ; (later lines are tried again)
	or [sync_err], al
	jmp short .pending
.many:
	cmp eax, FLUSHSZ
	jae .make
.pending:
	mov xax, xdi
	sub xax, obuf
	cmp eax, OBSZ - ROOM
	jb .room
.make:
	call make_room
.room:
	push xdi
	sys read, ebp, inb, INSZ
	pop xdi
	pop xdx
	test eax, eax
	jle .end
	mov esi, inb
	lea ebx, [xsi+xax]              ; ebx = the end of the bytes read

; The plain bytes up to the next one that needs a look (or the end), as
; many as the line has room for, copied at once 16 a step (the input has
; 16 bytes after it, the output room): each takes a column.
.byte:
	cmp esi, ebx
	jae .read
	push xdx
	sse_scan ebx, sse_range
	mov ecx, edx
	sub ecx, esi                    ; ecx = the plain run
	pop xdx
	jz .look
	mov xax, [width]
	sub xax, xdx                    ; the columns left on the line
	jbe .look
	cmp xcx, xax
	jb .fits
	xchg xcx, xax
.fits:
	add xdx, xcx
	rep movsb
	cmp esi, ebx
	jae .read
.look:
	lodsb
	cmp al, 10
	je .newline
.rescan:
	call adjust
	cmp xdx, [width]
	ja .wide
.store:
	stosb
.next:
	jmp .byte
.newline:
	stosb
	mov [emit], xdi
	mov byte [bl_emit], 0
	xor edx, edx
	jmp .next

; The byte at al would pass the width. With -s, a blank in the pending
; line: the newline goes after the last one, the rest moves up a byte and
; its column is counted again; then the byte is looked at again.
.wide:
	cmp byte [opt_s], 0
	je .hard
	push xcx
	mov xcx, xdi
	sub xcx, [emit]                 ; the pending bytes
	jz .at_emit
	push xsi
	lea xsi, [xdi-1]
.blank:
	cmp byte [xsi], ' '
	je .found
	cmp byte [xsi], 9
	je .found
	dec xsi
	loop .blank
	pop xsi
.at_emit:                               ; no blank left in it: one just
	cmp byte [bl_emit], 0           ; before it (written already)?
	je .no_blank
	mov xcx, [emit]
	push xsi
	lea xsi, [xcx-1]
.found:                                 ; xsi = the blank
	push xax
	lea xax, [xsi+1]                ; the rest moves from here ...
	mov xcx, xdi
	sub xcx, xax
	mov xdx, xcx                    ; (its length)
	cmp ecx, 16
	ja .long_rest
	movdqu xmm0, [xax]              ; ... up one byte: 16 at once (the
	movdqu [xax+1], xmm0            ; bytes past it are free room)
	jmp .moved
.long_rest:
	lea xsi, [xdi-1]
	std
	rep movsb                       ; ... or from its end
	cld
.moved:
	mov byte [xax], 10
	inc xax
	mov [emit], xax
	mov byte [bl_emit], 0
	lea xdi, [xax + xdx]            ; xdi = the end again
	xor edx, edx                    ; the column of the rest
	mov xsi, [emit]
.recount:
	cmp xsi, xdi
	je .recounted
	lodsb
	call adjust
	jmp .recount
.recounted:
	pop xax
	pop xsi
	pop xcx
	jmp .rescan
.no_blank:
	pop xcx

; No blank: a newline before the byte, unless the line is empty (the
; byte then stays alone on it).
.hard:
	cmp xdi, [emit]
	je .store
	mov byte [xdi], 10
	inc xdi
	mov [emit], xdi
	mov byte [bl_emit], 0
	xor edx, edx
	jmp .rescan

; The end of the file or a read error: the pending line is written as it
; is (GNU writes its line buffer at the end of each file).
.end:
	mov [emit], xdi
	test eax, eax
	ret

; adjust - the column edx after the byte al (-b: every byte is one).
; clobbers nothing else
adjust:
	cmp byte [opt_b], 0
	jne .one
	cmp al, 8
	je .back
	cmp al, 13
	je .cr
	cmp al, 9
	jne .one
	and xdx, -8
	add xdx, 8
	ret
.back:
	test xdx, xdx
	jz .ret
	dec xdx
.ret:
	ret
.cr:
	xor edx, edx
	ret
.one:
	inc xdx
	ret

; make_room - write what is ready, move the pending line to the front of
; the buffer; a pending line of LONGLINE bytes or more is written too (with -s
; only up to its last blank, or all of it when the line has no blank: a
; break then comes after it anyway). in/out: xdi = the end of the pending
; line. clobbers xax, xcx, xsi, A1..A3
make_room:
	call flush
	mov xax, xdi
	sub xax, obuf
	cmp eax, LONGLINE
	jb .ret
	cmp byte [opt_s], 0
	je .all
	mov xsi, xdi
.blank:
	dec xsi
	cmp xsi, obuf
	jb .none
	cmp byte [xsi], ' '
	je .found
	cmp byte [xsi], 9
	jne .blank
.found:
	inc xsi
	mov [emit], xsi
	mov byte [bl_emit], 1
	jmp flush
.none:
	cmp byte [bl_emit], 0
	je .all
	mov esi, msg_long
	call err_plain
	exit_status
.all:
	mov [emit], xdi
	jmp flush
.ret:
	ret

; flush - write the bytes ready (obuf up to emit), unless a write failed
; before ([werr] = its -errno: then they are dropped); move the pending
; line (emit up to xdi) to the front. in/out: xdi. clobbers xax, xcx, xsi,
; A1..A3
flush:
	push xdi
	push 1
	pop A1
	mov A2d, obuf
	mov A3, [emit]
	sub A3, A2
	cmp dword [werr], 0
	jne .moved
	call write_all
	jns .moved
	mov [werr], eax
.moved:
	pop xdi
.move:
	mov xsi, [emit]
	mov xcx, xdi
	sub xcx, xsi
	mov edi, obuf
	mov [emit], xdi
	rep movsb
.ret:
	ret

; parse_width - the width from the string at xsi (xdx = the whole option,
; for messages: the string itself), as GNU's xdectoumax(s, 1, 2^64 - 10):
; white space and '+' may lead; digits to the end. The 64-bit value is
; kept in [width] at the word size (saturated on i386). Bad: a message,
; exit 1. clobbers xax, xbx, xcx, xdx, xsi
parse_width:
	mov xdx, xsi
.space:
	lodsb
	cmp al, ' '
	je .space
	mov ah, al
	sub ah, 9
	cmp ah, 4
	jbe .space
	cmp al, '+'
	je .digits
	dec xsi
.digits:
	push xdx
	xor ebx, ebx                    ; ebx:ecx = the value
	xor ecx, ecx
	mov byte [ovf], 0
	push xsi                        ; (no digit at all: invalid)
.digit:
	movzx eax, byte [xsi]
	sub al, '0'
	cmp al, 9
	ja .end
	inc xsi
	push xax
	mov eax, ecx                    ; ebx:ecx * 10 + digit, 64 bits
	mul dword [ten]
	mov ecx, eax
	push xdx
	mov eax, ebx
	mul dword [ten]
	pop xbx                         ; (the carry of the low half)
	jc .overflow
	add ebx, eax
	jc .overflow
	pop xax
	add ecx, eax
	adc ebx, 0
	jnc .digit
	push xax
.overflow:                              ; saturated, as strtoumax
	pop xax
	or ecx, -1
	or ebx, -1
	mov byte [ovf], 1
	jmp .digit
.end:
	pop xdx
	cmp xsi, xdx                    ; no digit, or something after them:
	pop xdx                         ; invalid, with no reason
	je .invalid
	cmp byte [xsi], 0
	jne .invalid
	mov esi, fmt_overflow           ; past 2^64, or past 2^64 - 10 (as
	cmp byte [ovf], 0               ; xdectoumax: EOVERFLOW for a value
	jne .say                        ; too big, ERANGE for 0)
	cmp ebx, -1
	jne .in_range
	cmp ecx, -9
	jae .say
.in_range:
	mov esi, fmt_range
	mov eax, ecx
	or eax, ebx
	jz .say
	mov [width], ecx                ; the low half, then the high one at
	mov [width + 4], ebx            ; a word size of 8; at 4, a high
	mov xax, [width]                ; half that is not 0 saturates
	mov xcx, xax
	shr xcx, 31
	shr xcx, 1
	cmp ecx, ebx
	je .ret
	or xax, -1
	mov [width], xax
.ret:
	ret
.invalid:
	mov esi, fmt_cols
.say:
	xor eax, eax
	call say
	exit 1

ten:		dd 10
dash:		db '-', 0
LONGOPTS:
	db 'b', 'bytes', 0
	db 's', 'spaces', 0
	db 'w'|0x80, 'width', 0
	db '?', 'help', 0
	db '?', 'version', 0
	db 0
msg_write:	db 'write error', 0
msg_long:	db 'line too long for -s', 0
fmt_cols:	db F_ARGV0, ': invalid number of columns: ', F_QUOTE, 10, 0
fmt_range:	db F_ARGV0, ': invalid number of columns: ', F_QUOTE, ': Numerical result out of range', 10, 0
fmt_overflow:	db F_ARGV0, ': invalid number of columns: ', F_QUOTE, ': Value too large for defined data type', 10, 0

BSS
	GLOBALS_HERE                    ; i386: argv0 and status here, not after the buffers
width:	resq 1                          ; a word used, 8 bytes reserved
argp:	resW 1
arge:	resW 1
name:	resW 1
emit:	resW 1                          ; the end of the bytes ready
werr:	resd 1
otty:	resd 1                          ; fold_fd's answer: 1 stdout a terminal
opt_b:	resb 1
opt_s:	resb 1
bl_emit: resb 1                         ; a blank just before emit, same line
stdin_used: resb 1
sync_err: resb 1
dashdash: resb 1
ovf:	resb 1
ambp:	resd 1                          ; long_opt's (every long option)
inb:	resb INSZ + 16                  ; a read (and 16 bytes copied past it),
                                        ; a small one on the variables' page
ambbuf:	resb 512                        ; long_opt's, for an ambiguous name
obuf:	resb OBSZ                       ; the bytes ready, then the pending line

program_end
