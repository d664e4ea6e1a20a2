; comm - compare two sorted files line by line.
;
; Usage: comm [-123z] [--check-order] [--nocheck-order]
;             [--output-delimiter=STR] FILE1 FILE2
;   -1 -2 -3  hide the lines only in FILE1, only in FILE2, in both
;   -z        lines end with NUL, not newline (also --zero-terminated)
;   --check-order    a line out of order is an error (exit at once)
;   --nocheck-order  no order check
;   --output-delimiter=STR  columns start with STR, not a tab ("" is NUL)
;   --total          a last line with the count of each column
; Options may follow the operands (GNU's getopt_long permutes); with
; POSIXLY_CORRECT in the environment the first operand ends them, as
; GNU's getopt: "comm f -1" then compares f with a file "-1".
; Lines compare as bytes (memcmp, then the shorter first), as GNU's in
; the C locale. By default, as GNU's, a line out of order is reported
; once per file ("file N is not in sorted order") once an unpaired line
; has been printed, and the exit status is then 1 ("input is not in sorted
; order"). "-" is stdin; "- -" reads both from the one stream, and the
; second close of stdin fails, as GNU's. A last line without its
; delimiter gets one. Output on a terminal is written before each read
; (GNU's stdout is line-buffered there: a line of a pipe shows as it
; comes), else when the buffer is full or at the end. (-z on a terminal:
; GNU's stdio holds a line until a newline byte; ours shows it.)
; Exit status: 0; 1 for a usage error, a file that cannot be read, a
; write error (said at the end, as GNU's close_stdout: a failed write ends
; nothing), or input out of order (see above).
; --total adds a last line: the three counts and "total", separated as
; the columns (none for an empty --output-delimiter, as GNU's printf;
; on i386 the counts are 32-bit words).
; Differences from GNU: --help and --version are unrecognized
; (the others work with any prefix, as GNU's: their first letters
; differ); "--=X" gets "unrecognized option" instead of "ambiguous"
; (both exit 1).
;
; Each file has a 64 KiB read buffer (its first read is 1 KiB, on the
; variables' page, so a short run writes one page of BSS). A line whole in
; the buffer stays there. A line a read cuts is gathered in an arena at the
; program break (grown as long lines need it), and before a read the
; current lines still in a buffer move there too: the arena holds at most
; the two current lines and the line being read. When a line in the arena
; is replaced, the bytes above it move down. Lines are scanned for their
; delimiter and compared 16 bytes a step (SSE2), which may read up to 15
; bytes past a line: the buffers and the arena keep that much room.

%include "subk.inc"
%include "layout.inc"
use usage, extra_operand, err_file, errno_path, err_plain, strcmp, utoa
use outbuf, fd_safer, posixly
%define OUT_POS V(opos)
%define OUT_FAIL out_fail
%define OUT_VPOS vpos                  ; ob_vadd: GNU's stdio buffer
%define OUT_TTY V(tty)                  ; ob_tty: on a terminal, a line at once

BUFSZ   equ 65536
OUTSZ   equ 32768
SMALLRD equ BUFSZ >> 6              ; a reader's first read
%define V(x) xbp + x - VB

; [flags]
HIDE1   equ 1
HIDE2   equ 2
HIDE3   equ 4
; [check]: 0 by default, CHECK_ON or CHECK_OFF: the last one given
CHECK_ON  equ 1
CHECK_OFF equ 2

; A reader: fd, pos, end, its buffer (words), eof (byte). The buffers
; are apart, so that a reader that reads nothing touches no page.
R_FD    equ 0
R_POS   equ W
R_END   equ 2*W
R_BUF   equ 3*W
R_EOF   equ 4*W
R_SIZE  equ 5*W

_start:
	pop_argv0                       ; xsp = &argv[1]
	mov byte [delim], 10
	mov dword [colsep], tab
	mov byte [seplen], 1
	mov dword [opos], outbuf
	mov dword [reader1 + R_BUF], buf1
	mov dword [reader2 + R_BUF], buf2
	mov xdi, xsp                    ; the operands go back to argv

; The options, GNU's getopt_long way (permuted, unless POSIXLY_CORRECT
; is set: then the first operand ends them, as "--" does): xbp reads the
; arguments, xdi writes the operands back over them (from xsp), so that
; the stack is free for calls.
	mov xbp, xsp
.arg:
	mov xsi, [xbp]
	add xbp, W
	mov [xdi], xsi
	test xsi, xsi
	jz .args_done
	cmp byte [ddash], 0
	jne .operand
	mov xdx, xsi                    ; the whole argument
	dash_letter .operand
	cmp al, '-'
	je .long
.letter:
	mov ah, HIDE1
	cmp al, '1'
	je .hide
	mov ah, HIDE2
	cmp al, '2'
	je .hide
	mov ah, HIDE3
	cmp al, '3'
	je .hide
	cmp al, 'z'
	jne opt_invalid
	mov byte [delim], 0
	jmp .next_letter
.hide:
	or [flags], ah
.next_letter:
	lodsb
	test al, al
	jnz .letter
	jmp .arg
.operand:
	scasW
	push xbp                        ; (xbp: the next argument's slot)
	pop xsi
	call posixly                    ; POSIXLY_CORRECT: getopt stops at
	jc .arg                         ; the first operand (REQUIRE_ORDER)
.ddash:
	mov byte [ddash], 1             ; operands from now on
	jmp .arg

; "--", or a long option: any prefix of a name (they differ in their
; first letters), "=VALUE" only for --output-delimiter (--help and
; --version: "doesn't allow an argument" with one, else refused as
; unrecognized, as "--=...", glibc's ambiguity: README). ecx = the index
; of the name xdi walks; xdx = the argument (for opt_unrecognized).
.long:
	cmp byte [xsi], 0
	je .ddash                       ; "--"
.long_name:
	push xdi
	mov edi, longopts
	xor ecx, ecx
.name:
	push xsi
.cmp:
	lodsb
	test al, al
	jz .found
	cmp al, '='
	je .found
	scasb
	je .cmp
	pop xsi
	dec edi                         ; the byte that differed
.skip:
	inc edi
	cmp byte [xdi - 1], 0
	jne .skip
	inc ecx
	cmp byte [xdi], 0
	jne .name
.unrecognized:
	jmp opt_unrecognized
.found:                                 ; al = 0 or "="; xsi past it
	pop xdi                         ; the start of the word
	inc xdi
	cmp xsi, xdi
	je .unrecognized                ; "--=..." (README)
	pop xdi
	cmp cl, 2
	je .output_delimiter
	test al, al
	jnz .no_arg
	jecxz .check_on
	dec ecx
	jz .check_off
	cmp cl, 2
	je .total
	cmp cl, 3
	jne .unrecognized               ; --help, --version
	mov byte [delim], 0             ; --zero-terminated
	jmp .arg
.total:
	inc byte [total]
	jmp .arg
.no_arg:                                ; "=X" after another: getopt's
	mov edx, longopts               ; message with the whole name
	jecxz .named
.nth:
	inc edx
	cmp byte [xdx - 1], 0
	jne .nth
	loop .nth
.named:
	mov esi, fmt_no_arg
	jmp usage_fail
.check_on:
	mov byte [check], CHECK_ON
	jmp .arg
.check_off:
	mov byte [check], CHECK_OFF
	jmp .arg
.output_delimiter:                      ; =STR or the next argument
	test al, al
	jnz .delimiter
	mov xsi, [xbp]
	add xbp, W
	test xsi, xsi
	jnz .delimiter
	mov esi, fmt_needs_arg
	jmp usage_fail
.delimiter:                             ; a second one must be the same
	cmp byte [given], 0
	je .new_delimiter
	push xdi
	push xsi
	mov xdi, [colsep]
	call strcmp
	pop xsi
	pop xdi
	jne multiple
.new_delimiter:
	mov byte [given], 1
	mov [colsep], xsi
	movx A2, xsi
	call strlen
	test A3, A3
	jnz .seplen
	inc A3                          ; "" is the NUL byte
.seplen:
	mov [seplen], A3
	jmp .arg

; The operands: exactly two.
.args_done:
	mov xcx, xdi
	sub xcx, xsp
	jz .missing
	mov xdx, [xsp]
	cmp ecx, W
	je .missing_after
	mov xdx, [xsp + 2*W]
	test xdx, xdx
	jnz extra_operand
	jmp open_files
.missing_after:
	mov esi, fmt_missing_after
	jmp usage_fail
.missing:
	mov esi, fmt_missing
	mov edx, esi                    ; (no ARG)
usage_fail:                             ; xsi = the format, xdx = ARG
	jmp usage_say
multiple:
	mov esi, msg_multiple

fail:                                   ; "ARGV0: TEXT" (xsi), status 1
	call err_point
	call err_plain
	jmp bye

; out_fail - outbuf's OUT_FAIL: a failed write (xax = -errno) ends
; nothing, as GNU's unchecked fwrite; it is kept for bye. (It returns to
; ob_flush's or ob_put's caller: ob_write jumps here with that stack.)
out_fail:
	mov [gerr], xax
	ret

; err_point - GNU's error() flushes stdout (after our ob_flush): a
; failure since the last one only sets stdout's error flag now.
; clobbers xax
err_point:
	xor eax, eax
	and [vpos], eax                 ; (that flush empties GNU's buffer)
	xchg xax, [gerr]
	or [gfail], xax
	ret

; cput - ob_put, counted by ob_vadd as GNU's fwrite of those bytes
cput:
	call ob_vadd
	jmp ob_put

; Open the files in order, each with its first line read before the next
; is opened (as GNU). xbx = the file's index.
open_files:
	mov ebp, VB                     ; xbp: the variables from now on
	movzx eax, byte [V(delim)]      ; xmm7: the delimiter in each byte
	imul eax, eax, 0x01010101
	movd xmm7, eax
	pshufd xmm7, xmm7, 0
	sys brk, 0
	mov [V(top)], xax
	mov [V(cap)], xax
	xor ebx, ebx
.file:
	mov xsi, [xsp + xbx*W]
	mov [V(names) + xbx*W], xsi
	mov eax, reader1
	mov [V(rdr) + xbx*W], xax
	cmp word [xsi], '-'
	jne .open
	xor eax, eax                    ; fd 0
	test ebx, ebx
	jz .fd
	mov xdi, [V(names)]
	cmp word [xdi], '-'
	jne .stdin2
	jmp .first                      ; "- -": one stream for both
.stdin2:
	mov eax, reader2
	mov [V(rdr) + W], xax
	xor eax, eax
	jmp .fd
.open:
	test ebx, ebx
	jz .open1
	mov eax, reader2
	mov [V(rdr) + W], xax
.open1:
	push xbx
	sys open, xsi, O_RDONLY|O_LARGEFILE
	call fd_safer                   ; (fopen_safer: a later "-" finds a
	pop xbx                         ; closed stdin closed)
	jns .fd
	mov xsi, [V(names) + xbx*W]
	call err_file
	jmp bye
.fd:
	mov xdi, [V(rdr) + xbx*W]
	mov [xdi + R_FD], xax           ; (R_POS = R_END = 0: nothing read)
.first:
	push xbx
	call readline
	pop xbx
	mov [V(cur) + xbx*W], xsi
	mov [V(len) + xbx*W], xcx
	inc ebx
	cmp ebx, 2
	jne .file

; The merge: [V(order)] is -1 (the line of file 1 is the lesser), 0 or 1.
main:
	mov xcx, [V(len)]
	mov xdx, [V(len) + W]
	mov xax, xcx
	or xax, xdx
	jz .end
	mov byte [V(order)], 1
	jxcxz .compared                 ; file 1 is at its end
	mov byte [V(order)], -1
	test xdx, xdx
	jz .compared
	mov xsi, [V(cur)]
	mov xdi, [V(cur) + W]
	call compare
	mov byte [V(order)], 0
	je .compared
	mov byte [V(order)], 1
	ja .compared
	mov byte [V(order)], -1
.compared:
	mov al, [V(order)]
	test al, al
	jz .both
	mov byte [V(unpaired)], 1
	js .one
	inc WPTR [V(tot) + W]
	mov xsi, [V(cur) + W]              ; only in file 2: one column before
	mov xcx, [V(len) + W]
	mov bl, HIDE2
	mov bh, HIDE1
	jmp .write
.one:
	inc WPTR [V(tot)]
	mov xsi, [V(cur)]
	mov xcx, [V(len)]
	mov bl, HIDE1
	mov bh, 0
	jmp .write
.both:
	inc WPTR [V(tot) + 2*W]
	mov xsi, [V(cur) + W]              ; (GNU prints file 2's)
	mov xcx, [V(len) + W]
	mov bl, HIDE3
	mov bh, HIDE1|HIDE2
.write:                                 ; bl = the column's bit, bh = the
	test [V(flags)], bl                ; columns before it
	jnz .step
	push xsi
	push xcx
	mov bl, [V(flags)]
	not bl
	and bl, bh                      ; bl = the columns shown before it
.sep:
	shr bl, 1
	jnc .no_sep
	push xbx
	mov xsi, [V(colsep)]
	mov xcx, [V(seplen)]
	call cput
	pop xbx
	test bl, bl
.no_sep:
	jnz .sep
	pop xcx
	pop xsi
	call cput
.step:
	cmp byte [V(order)], 0
	jg .step2
	xor ebx, ebx
	call step
.step2:
	cmp byte [V(order)], 0
	jl main
	xor ebx, ebx
	inc ebx
	call step
	jmp main

; The end: the files are closed (stdin twice for "- -": an error, as
; GNU's), then the order is reported.
.end:
	call ob_flush
	xor ebx, ebx
.close:
	mov xax, [V(rdr) + xbx*W]
	push xbx
	sys close, [xax + R_FD]
	pop xbx
	test eax, eax
	jns .closed
	push xax
	call err_point
	pop xax
	mov xsi, [V(names) + xbx*W]
	call err_file
	jmp bye
.closed:
	inc ebx
	cmp ebx, 2
	jne .close

; --total: "N1 N2 N3 total", the separator between (none for ""), the
; delimiter after.
	cmp byte [V(total)], 0
	je .order
	xor ebx, ebx
.count:
	push xbx
	mov xax, [V(tot) + xbx*W]
	mov edi, numend
	call utoa
	mov ecx, numend
	sub ecx, edi
	mov esi, edi
	call cput
	mov xsi, [V(colsep)]            ; GNU's printf of "%s": "" (NUL
	mov xcx, [V(seplen)]            ; between columns) is nothing here
	cmp byte [xsi], 0
	je .counted
	call cput
.counted:
	pop xbx
	inc ebx
	cmp ebx, 3
	jne .count
	mov esi, msg_total
	push 5
	pop xcx
	call cput
	mov esi, delim
	push 1
	pop xcx
	call cput
	call ob_flush
.order:
	cmp word [V(warned)], 0
	je bye
	mov esi, msg_input
	jmp fail
; bye - close_stdout after a failed write: "write error: R" when GNU's
; stdio still holds bytes (ob_vadd), whose write fails again; none:
; close(1)'s reason (EBADF when stdout is closed), else a bare one.
bye:
	mov xax, [gerr]
	or xax, [gfail]
	jz .exit
	cmp dword [vpos], 0
	jne .said
	sys close, 1
.said:
	mov esi, msg_write
	call err_text
.exit:
	exit_status

; step - the next line of file ebx replaces its current one, after the
; order check. The order of the two lines is kept (disord) for the end,
; where GNU checks the last two lines again: by default a disorder counts
; only once an unpaired line was printed, which may have come since.
step:
	push xbx
	call readline                   ; xsi = the new line, xcx = its length
	pop xbx
	cmp byte [V(check)], CHECK_OFF
	je .replace
	cmp byte [V(warned) + xbx], 0
	jne .replace
	jxcxz .at_end
	push xsi
	push xcx
	mov xdi, xsi
	mov xdx, xcx
	mov xsi, [V(cur) + xbx*W]
	mov xcx, [V(len) + xbx*W]
	call compare
	pop xcx
	pop xsi
	seta [V(disord) + xbx]
	jbe .replace
	cmp byte [V(check)], CHECK_ON
	je .warn
.unpaired:
	cmp byte [V(unpaired)], 0
	je .replace
.warn:
	push xsi
	push xcx
	push xbx
	call ob_flush                      ; (GNU's error() flushes stdout first)
	call err_point
	mov xbx, [xsp]
	lea edx, [digits + xbx*2]       ; "1" or "2"
	mov esi, fmt_disorder
	xor eax, eax
	call say
	pop xbx
	pop xcx
	pop xsi
	mov byte [V(warned) + xbx], 1
	cmp byte [V(check)], CHECK_ON
	jne .replace
	mov STATUSb, 1
	jmp bye
.at_end:
	cmp byte [V(disord) + xbx], 0
	jne .unpaired

; An old line in the arena leaves it: the bytes above it move down over it.
.replace:
	mov xdi, [V(cur) + xbx*W]
	mov xdx, [V(len) + xbx*W]
	mov [V(cur) + xbx*W], xsi
	mov [V(len) + xbx*W], xcx
	test xdx, xdx
	jz .ret
	cmp xdi, bss_end                ; (in a buffer: nothing to move)
	jb .ret
	lea xsi, [xdi + xdx]            ; the bytes above the old line
	push xsi
	mov xcx, [V(top)]
	sub xcx, xsi
	rep movsb
	mov [V(top)], xdi
	pop xsi
	xor eax, eax                    ; the lines above it move with it
.adjust:
	cmp [V(cur) + xax*W], xsi
	jb .below
	sub [V(cur) + xax*W], xdx
.below:
	inc eax
	cmp eax, 2
	jne .adjust
.ret:
	ret

; readline - the next line of file ebx: xsi = it, xcx = its length with
; the delimiter (one is added to a last line without it), or xcx = 0 at
; the end. A line whole in the reader's buffer is left there; one that a
; read cuts is gathered at the top of the arena. A read error ends comm.
readline:
	mov [V(ridx)], ebx
	mov xbx, [V(rdr) + xbx*W]           ; xbx = the reader
	mov xax, [V(top)]
	mov [V(lstart)], xax
.more:
	mov xsi, [xbx + R_POS]
	mov xdx, [xbx + R_END]
	cmp xsi, xdx
	jne .scan
	cmp byte [xbx + R_EOF], 0
	jne .eof
; A read is due: the current lines leave the buffer (the line being read
; has no bytes in the arena yet), then the bytes the read would overwrite
; (xsi to xdx, none or a line's beginning) go there.
.cut:
	push xsi
	call keep_lines
	pop xsi
	mov [xbx + R_POS], xdx
	mov xcx, xdx
	sub xcx, xsi
	call append
; The first read of a reader is small, into the room beside it (on the
; variables' page: a short file touches no page of its 64 KiB buffer).
	mov A2, [xbx + R_BUF]
	mov A3d, BUFSZ
	bts dword [xbx + R_EOF], 8      ; (the byte after R_EOF: read before)
	jc .read
	lea A2, [xbx + R_SIZE]
	shr A3d, 6                      ; SMALLRD
.read:
	mov [xbx + R_POS], A2
	mov [xbx + R_END], A2
	push xbx
	call ob_tty
	sys read, [xbx + R_FD], A2, A3
	pop xbx
	cmp eax, -EINTR
	je .more
	test xax, xax
	js .error
	jnz .got
	inc byte [xbx + R_EOF]
	jmp .eof
.got:
	add [xbx + R_END], xax
	jmp .more

; The data from xsi to xdx, 16 bytes a step, for the delimiter.
.scan:
	mov xdi, xsi
.block:
	movdqu xmm0, [xdi]
	pcmpeqb xmm0, xmm7
	pmovmskb eax, xmm0
	test eax, eax
	jnz .hit
	add xdi, 16
	cmp xdi, xdx
	jb .block
	jmp .cut
.hit:
	bsf eax, eax
	add xdi, xax
	cmp xdi, xdx
	jae .cut
	inc xdi                         ; past the delimiter
	mov [xbx + R_POS], xdi
	mov xcx, xdi
	sub xcx, xsi
	mov xax, [V(top)]
	cmp xax, [V(lstart)]
	je .ret                         ; whole in the buffer
	call append                     ; the end of a line a read cut
.line:
	mov xsi, [V(lstart)]
	mov xcx, [V(top)]
	sub xcx, xsi
.ret:
	ret
.eof:
	mov xcx, [V(top)]
	cmp xcx, [V(lstart)]
	je .none
	mov esi, delim
	push 1
	pop xcx
	call append
	jmp .line
.none:
	xor ecx, ecx
	ret
.error:
	push xax
	call ob_flush
	call err_point
	pop xax
	mov ebx, [V(ridx)]
	mov xsi, [V(names) + xbx*W]
	call err_file
	jmp bye

; keep_lines - the current lines still in a buffer (either reader's: "- -"
; shares one) are copied to the arena, before a read overwrites them. Only
; the first cut of a line finds any, before the line has bytes in the
; arena: the line then starts after them.
; clobbers: xax, xcx, xsi, xdi, A1 (keeps xdx)
keep_lines:
	push xdx
	xor edx, edx
.file:
	mov xsi, [V(cur) + xdx*W]
	mov xcx, [V(len) + xdx*W]
	jxcxz .next
	cmp xsi, bss_end
	jae .next
	mov xax, [V(top)]
	mov [V(cur) + xdx*W], xax
	call append
	mov [V(lstart)], xdi
.next:
	inc edx
	cmp edx, 2
	jne .file
	pop xdx
	ret

; append - xcx bytes at xsi to the top of the arena (the break is raised
; when it must be). clobbers: xax, xcx, xsi, xdi, A1
append:
	mov xdi, [V(top)]
	mov xax, xdi
	add xax, xcx
	jc .nomem                       ; (i386: past 4 GiB)
	cmp xax, [V(cap)]
	jbe .copy
	push xcx
	push xsi
	push xbx
	mov A1, xax                     ; room for the line as much again,
	sub A1, [V(lstart)]                ; and a read more
	add A1, xax
	jc .wrapped
	add A1, BUFSZ
	jnc .brk
.wrapped:
	or A1, -1                       ; (i386: refused)
.brk:
	sys brk
	cmp xax, A1
	pop xbx
	pop xsi
	pop xcx
	jne .nomem
	sub xax, 16                     ; (room for a 16-byte step past a line)
	mov [V(cap)], xax
	mov xdi, [V(top)]
.copy:
	rep movsb
	mov [V(top)], xdi
	ret
.nomem:
	mov esi, msg_nomem
	jmp fail

; compare - lines xsi (xcx bytes) and xdi (xdx bytes), both with their
; delimiter: the flags of an unsigned comparison of the first with the
; second (GNU: memcmp of all but the delimiter of the shorter, then the
; lengths), 16 bytes a step. clobbers: xax, xsi, xdi
compare:
	push xcx
	cmp xcx, xdx
	jb .min
	mov xcx, xdx
.min:
	dec xcx                         ; the bytes to compare (none: a
.block:                                 ; step finds them all the same)
	movdqu xmm0, [xsi]
	movdqu xmm1, [xdi]
	pcmpeqb xmm0, xmm1
	pmovmskb eax, xmm0
	xor eax, 0xffff                 ; a bit for each byte that differs
	jnz .differ
	add xsi, 16
	add xdi, 16
	sub xcx, 16
	ja .block
	jmp .same
.differ:
	bsf eax, eax
	cmp xax, xcx
	jae .same                       ; (past the bytes to compare)
	mov cl, [xsi + xax]
	cmp cl, [xdi + xax]
	pop xcx
	ret
.same:
	pop xcx
	cmp xcx, xdx
	ret

longopts:	db 'check-order', 0, 'nocheck-order', 0, 'output-delimiter', 0
		db 'total', 0, 'zero-terminated', 0, 'help', 0, 'version', 0, 0
tab:		db 9, 0
digits:		db '1', 0, '2', 0
msg_nomem:	db 'memory exhausted', 0
msg_multiple:	db 'multiple output delimiters specified', 0
msg_total:	db 'total'
msg_input:	db 'input is not in sorted order', 0
msg_write:	db 'write error', 0
fmt_disorder:	db F_ARGV0, ': file ', F_ARG, ' is not in sorted order', 10, 0
fmt_missing:	db F_ARGV0, ': missing operand', 10, F_TRY, 0
fmt_missing_after: db F_ARGV0, ': missing operand after ', F_QUOTE, 10, F_TRY, 0
fmt_no_arg:	db F_ARGV0, ": option '--", F_ARG, "' doesn't allow an argument", 10, F_TRY, 0
fmt_needs_arg:	db F_ARGV0, ": option '--output-delimiter' requires an argument", 10, F_TRY, 0

BSS
; What a short run writes shares one page: the variables, each reader with
; its first small read beside it, and the start of the output buffer.
	BSS_ROOM 3072
	GLOBALS_HERE                    ; i386: argv0 and status here, not after the buffers
VB equ top + 128                        ; xbp: [V(x)] is short
top:	resW 1                          ; the arena: its end of data
cap:	resW 1                          ; and the break
lstart:	resW 1                          ; the line being read
opos:	resW 1                          ; the end of the output buffered
colsep:	resW 1                          ; the column separator
seplen:	resW 1
names:	resW 2                          ; the operands
rdr:	resW 2                          ; each file's reader
cur:	resW 2                          ; each file's line: where,
len:	resW 2                          ; its length (0: at the end)
warned:	resb 2                          ; "not in sorted order" said
disord:	resb 2                          ; the last two lines out of order
gerr:	resW 1                          ; a failed write's -errno since the
gfail:	resW 1                          ; last error(); one before it
vpos:	resd 1                          ; ob_vadd: GNU's stdio buffer's bytes
flags:	resb 1                          ; HIDE1..HIDE3
delim:	resb 1
check:	resb 1
given:	resb 1                          ; --output-delimiter was given
order:	resb 1
total:	resb 1                          ; --total
unpaired: resb 1                        ; a line of one file was printed
ridx:	resd 1                          ; readline's file
ddash:	resb 1                          ; "--" seen (POSIXLY_CORRECT: an operand)
tty:	resb 1                          ; stdout: 0 not asked, 1 a terminal, 2 not
tot:	resW 3                          ; the lines in each column
reader1: resb R_SIZE
	resb SMALLRD                    ; its first read
reader2: resb R_SIZE
	resb SMALLRD
numbuf:	resb 24
numend:
outbuf:	resb OUTSZ
buf1:	resb BUFSZ
buf2:	resb BUFSZ
	resb 16                         ; (a 16-byte step's room)
bss_end:                                ; the arena is above

program_end
