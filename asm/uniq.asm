; uniq - report or omit repeated lines.
;
; Usage: uniq [OPTION]... [INPUT [OUTPUT]]
;   -c, --count  prefix each line with its count ("%7lu ")
;   -d, --repeated  only the lines that are repeated, once per group
;   -D  every line of each repeated group
;   --all-repeated[=none|prepend|separate]  -D, groups set off by empty
;       lines (prepend: before each group; separate: between groups)
;   --group[=separate|prepend|append|both]  every line, groups set off
;   -f, --skip-fields=N  skip N fields (runs of blanks then non-blanks)
;       before comparing
;   -s, --skip-chars=N  skip N bytes (after the fields)
;   -w, --check-chars=N  compare at most N bytes
;   -i, --ignore-case  compare case-insensitively
;   -u, --unique  only the lines that are not repeated
;   -z, --zero-terminated  lines end with NUL, not newline
;   -N  (obsolete) -f N; +N (an operand) is -s N, as GNU's (a FILE when
;       $_POSIX2_VERSION is POSIX 2001 to 2008)
; Options and operands may come in any order; with POSIXLY_CORRECT in the
; environment every word after the first FILE is an operand (an option,
; "--", +N), as GNU's uniq.c (its getopt returns the operands in place).
; Long options as GNU's getopt_long reads them: unambiguous prefixes,
; --opt=ARG and --opt ARG, its messages; they live in a cold page (a run
; that uses one maps 4 KiB more).
; INPUT "-" or none is stdin; OUTPUT "-" or none is stdout, else it is
; created or truncated. A last line without its delimiter gets one.
; Output on a terminal is written before each read (GNU's stdout is
; line-buffered there: `tail -f log | uniq` shows each new line), else
; when the buffer is full or at the end; without -c -d -D -u --group a
; line is printed as it comes, as GNU's. (-z on a terminal: GNU's stdio
; holds a line until a newline byte; ours shows it as the others.)
; Exit status: 0; 1 on a bad option or number, an unreadable input, an
; output that cannot be opened or written (said at the end, as GNU's
; close_stdout: its reason only when GNU's stdio would still hold bytes).
; Differences from GNU: --help and --version are unrecognized. "error
; reading FILE" quotes FILE as quote() does (GNU: shell-escape style, always quoted);
; they differ only for names with ' or control bytes. The counts are
; words: on i386, -c stops with GNU's "too many repeated lines" after
; 2^32-2 repeats of one line (GNU: 2^64-2).
;
; The input goes into one buffer at the program break (brk), grown as long
; lines need it: it holds the kept line K (the one the next lines are
; compared with), the part read of the current line, and room for a read.
; Before each read both are moved down to the start of the buffer, so a
; group of any size needs only room for its kept line. The output goes
; through a 64 KiB buffer; a longer line is written straight from the input.

%define COLD_PAGE                       ; the cold part from a page: one page when it runs
%include "subk.inc"
%include "layout.inc"
use usage, opt_missing, extra_operand, err_file, err_plain, errno_path, atou
; long_opt: included in the cold part below
%define LONGOPT_AMBIGUOUS
%define LONGOPT_BSS_HERE                ; ambp beside our variables
%define LONGOPT_OPTIONAL                ; --all-repeated[=M], --group[=M]
use outbuf, field_sep, posixly
%define OUT_POS V(opos)
%define OUT_FAIL out_fail
%define OUT_VPOS vpos                  ; ob_vadd: GNU's stdio buffer
%define OUT_TTY V(tty)                  ; ob_tty: on a terminal, a line at once

OUTSZ   equ 65536
%define V(x) byte xbp + x - VB      ; the variables, from main on (a byte
                                    ; displacement always, so the code's size
                                    ; never depends on where BSS_ROOM puts them)
CHUNK   equ 131072                      ; the least room a read gets
WSLACK  equ 16                          ; room kept after the data

; [mode]
M_UNIQUE equ 1                          ; print lines without a match
M_FIRST  equ 2                          ; the first of a repeated group
M_LATER  equ 4                          ; the others of a repeated group
M_COUNT  equ 8                          ; -c
M_ICASE  equ 16                         ; -i
M_GROUP  equ 32                         ; --group
M_FAST   equ 64                         ; none of -c -d -D -u --group: a
                                        ; line is printed as it comes (GNU's
                                        ; check_file's first loop)
; [meth]: 1 << the index of --all-repeated's METHOD (none 1, prepend 2,
; separate 4) or --group's (prepend 1, append 2, separate 4, both 8);
; 0 without one. So all-repeated delimits when it has 6; --group puts a
; delimiter before the first group with 9, after the last with 10.

_start:
	pop_argv0                       ; xsp = &argv[1]
	mov byte [mode], M_UNIQUE|M_FIRST
	mov byte [delim], 10
	dec WPTR [wchars]               ; all bytes
	mov dword [opos], outbuf
	mov esi, dash
	mov [inname], xsi
	mov [outname], xsi
	xor ebp, ebp                    ; ebp = operands seen

; The arguments, in order (GNU's getopt with "-0123456789Dcdf:is:uw:z"
; returns operands in place): xdx = the argument, xsi walks it.
.arg:
	pop xsi
	mov xdx, xsi
	test xsi, xsi
	jz .args_done
	cmp byte [ddash], 0
	jne .operand
	lodsb
	cmp al, '+'
	je .plus
	cmp al, '-'
	jne .operand
	lodsb
	test al, al
	jz .operand                     ; "-"
	cmp al, '-'
	je .long
.letter:
	mov ebx, mode
	mov ah, M_COUNT
	cmp al, 'c'
	je .set
	mov ah, M_ICASE
	cmp al, 'i'
	je .set
	mov ah, ~M_UNIQUE
	cmp al, 'd'
	je .clear
	mov ah, ~M_FIRST
	cmp al, 'u'
	je .clear
	cmp al, 'D'
	jne .not_D
	mov byte [meth], 0
.all_rep:
	and byte [xbx], ~M_UNIQUE
	mov ah, M_LATER
.set:
	or [xbx], ah
	jmp .next_letter
.clear:
	and [xbx], ah
	jmp .next_letter
.not_D:
	cmp al, 'z'
	jne .not_z
	mov byte [delim], 0
	jmp .next_letter
.not_z:
	mov ecx, msg_fields
	mov ebx, fields
	cmp al, 'f'
	jne .not_f
	mov byte [fnew], 1
	jmp .number
.not_f:
	mov ecx, msg_chars
	mov ebx, chars
	cmp al, 's'
	je .number
	mov ecx, msg_compare
	mov ebx, wchars
	cmp al, 'w'
	je .number
	sub al, '0'
	cmp al, 9
	ja .invalid

; -N: digits add to the count of fields of the -N before, unless -f came
; in between (GNU's DECIMAL_DIGIT_ACCUMULATE; saturates).
	movzx eax, al
	push xdx
	btr dword [fnew], 0
	jnc .acc
	and WPTR [fields], 0
.acc:
	xchg xax, xcx
	mov xax, [fields]
	push 10
	pop xdx
	mul xdx
	jc .sat
	add xax, xcx
	jnc .acc_done
.sat:
	or xax, -1
.acc_done:
	mov [fields], xax
	pop xdx
.next_letter:
	lodsb
	test al, al
	jnz .letter
	jmp .arg
.invalid:
	add al, '0'
	jmp opt_invalid

; -f, -s, -w: the number is the rest of the word or the next argument.
.number:
	cmp byte [xsi], 0
	jne .num_arg
	pop xsi
	test xsi, xsi
	jnz .num_arg
	jmp opt_missing                 ; al = the letter
.num_arg:
	call size_arg
	mov [xbx], xax
	jmp .arg

; +N: -s N when N is all digits and fits (and not POSIX 2001-2008: its
; strict form); else a file name.
.plus:
	call plus_p2                    ; (cold) POSIX 2001-2008: a FILE
	jc .operand
	push xdx
	call atou
	pop xdx
	jc .operand
	cmp byte [xsi], 0
	jne .operand
	mov [chars], xax
	jmp .arg

.operand:
	cmp ebp, 2
	je extra_operand                ; xdx = the argument
	mov [inname + xbp*W], xdx
	inc ebp
	mov xsi, xsp                    ; POSIXLY_CORRECT: after a FILE every
	call posixly                    ; word is one ("--", an option, +N),
	cmc                             ; as uniq.c's posixly_correct &&
	adc byte [ddash], 0             ; nfiles != 0 (set: CF=0, [ddash] + 1)
	jmp .arg

; "--", or a long option: long_name, in the cold part.
.long:
	cmp byte [xsi], 0
	jne long_name
	inc byte [ddash]
	jmp .arg
; The options are read: GNU's two conflicts, then the files.
.args_done:
	mov al, [mode]
	test al, M_GROUP
	jz .not_group
	mov esi, fmt_group
	test al, M_COUNT|M_LATER
	jnz usage_fail
	mov ah, al
	not ah
	test ah, M_UNIQUE|M_FIRST
	jnz usage_fail
.not_group:
	and al, M_COUNT|M_LATER
	cmp al, M_COUNT|M_LATER
	mov esi, fmt_meaningless
	je usage_fail
	mov al, [mode]
	and al, M_UNIQUE|M_FIRST|M_LATER|M_COUNT|M_GROUP
	cmp al, M_UNIQUE|M_FIRST
	jne .files
	or byte [mode], M_FAST
.files:

	mov xsi, [inname]
	cmp word [xsi], '-'
	je .output
	sys open, xsi, O_RDONLY|O_LARGEFILE
	mov [infd], eax
	mov xsi, [inname]
	test eax, eax
	js .open_failed
	cmp eax, 1                      ; stdout closed: INPUT got fd 1, which
	jne .output                     ; OUTPUT's dup2 takes; on fd 0 instead,
	sys dup2, eax, 0                ; as GNU's freopen of stdin
	mov [infd], eax
	sys close, 1                    ; (stdout stays closed: EBADF)
.output:
	mov xsi, [outname]
	cmp word [xsi], '-'
	je .start
	sys open, xsi, O_WRONLY|O_CREAT|O_TRUNC|O_LARGEFILE, 0o666
	mov xsi, [outname]
	test eax, eax
	js .out_failed
	sys dup2, eax, 1
.start:
	or xax, -1                      ; the word constants of getline
	xor edx, edx
	mov ecx, 255
	div xcx
	mov [ones], xax
	movzx ecx, byte [delim]
	imul xcx, xax
	mov [dpat], xcx
	shl xax, 7
	mov [highs], xax
	sys brk, 0
	mov [base], xax
	mov [cap], xax
	mov [cst], xax
	mov [scanp], xax
	mov [dend], xax
	mov ebp, VB
	jmp main

.out_failed:                            ; with stdout closed GNU's freopen
	push xax                        ; fails with EBADF, whatever OUTPUT
	sys fcntl, 1, F_GETFD
	pop xcx
	test eax, eax
	js .closed                      ; (eax = -EBADF)
	xchg xax, xcx
.closed:
	mov xsi, [outname]
.open_failed:                           ; xsi = the name, xax = -errno
	call err_file
	jmp bye

; size_arg - GNU's size_opt: xsi = the number (blanks, an optional +,
; digits; more than a word can hold is the most it can), xcx = what it
; counts (for the message) -> xax. Exits with "ARGV0: X: invalid
; number of ..." when it is not one. clobbers: xcx, xdx, xsi
size_arg:
	push xsi
.blank:
	lodsb
	cmp al, ' '
	je .blank
	sub al, 9
	cmp al, 13 - 9
	jbe .blank
	cmp al, '+' - 9
	je .digits
	dec xsi
.digits:
	push xcx
	call atou
	pop xdx                         ; xdx = the text
	jnc .end
	jxcxz .bad
.over:                                  ; too big: the rest of the digits
	lodsb
	sub al, '0'
	cmp al, 9
	jbe .over
	dec xsi
	or xax, -1
.end:
	cmp byte [xsi], 0
	jne .bad
	pop xcx
	ret
.bad:
	mov xcx, xdx
	pop xdx
	mov esi, fmt_number
	xor eax, eax
	call say_error
	jmp bye

usage_fail:                             ; xsi = the format
	mov edx, esi
	jmp usage_say

; The main loop: per line C (getline), its key is compared with K's; what
; is printed follows GNU's uniq.c (check_file). [mc] counts the lines
; after the first of K's group; [match] says C matched K.
main:
	call getline                    ; xsi = C, xcx = its length
	jc .end
	call keyof                      ; xdi = its key, xdx = the key's length
	mov [V(cur)], xsi
	mov [V(curlen)], xcx
	mov [V(ckey)], xdi
	mov [V(ckl)], xdx
	mov byte [V(match)], 0
	mov xsi, [V(kst)]
	test xsi, xsi
	jz .first
	cmp xdx, [V(kkl)]
	jne .compared
	mov xsi, [V(kkey)]
	mov xcx, xdx
	call compare
	jne .compared
	inc byte [V(match)]
.compared:
	mov al, [V(mode)]
	test al, M_GROUP|M_FAST
	jz .counting
	cmp byte [V(match)], 0             ; --group: each line printed, a new
	je .new                         ; group after a delimiter; M_FAST:
	test al, M_FAST                 ; a new group's first line, K kept
	jnz main                        ; until one differs
	jmp .put_c
.new:
	test al, M_FAST
	jnz .put_c
	call put_delim
.put_c:
	call put_cur
	jmp .keep

; Not --group: count the match (saturating as GNU's, which stops at the
; largest count unless it prints counts).
.counting:
	movzx ecx, byte [V(match)]
	add [V(mc)], xcx
	cmp WPTR [V(mc)], -1
	jne .delimit
	test al, M_COUNT
	mov esi, msg_toomany
	jnz fail
	dec WPTR [V(mc)]

; --all-repeated=prepend|separate: a delimiter at the second line of a
; repeated group (separate: not before the first such group).
.delimit:
	mov ah, [V(meth)]
	test ah, 6
	jz .write
	cmp byte [V(match)], 0
	jne .matched
	cmp WPTR [V(mc)], 0
	je .write
	mov byte [V(seen)], 1
	jmp .write
.matched:
	cmp WPTR [V(mc)], 1
	jne .write
	cmp ah, 2
	je .delim
	cmp byte [V(seen)], 0
	je .write
.delim:
	call put_delim

.write:
	cmp byte [V(match)], 0
	je .writeline
	test byte [V(mode)], M_LATER
	jz main
.writeline:
	call writeline
	cmp byte [V(match)], 0
	jne .keep
	and WPTR [V(mc)], 0
.keep:                                  ; K = C
	mov xsi, [V(cur)]
	mov [V(kst)], xsi
	mov xsi, [V(curlen)]
	mov [V(klen)], xsi
	mov xsi, [V(ckey)]
	mov [V(kkey)], xsi
	mov xsi, [V(ckl)]
	mov [V(kkl)], xsi
	jmp main

.first:                                 ; the first line: only --group
	test byte [V(mode)], M_GROUP|M_FAST ; and M_FAST print it now
	jz .keep
	test byte [V(meth)], 9
	jz .put_c
	call put_delim
	jmp .put_c

; The end: K's group is printed (or --group's last delimiter). After a
; read error only where GNU's loop printed each line as it came (none of
; -c -d -D -u); then "error reading NAME", status 1, after the output.
.end:
	cmp byte [V(rerr)], 0
	je .ends
	mov al, [V(mode)]
	test al, M_GROUP
	jnz .ends
	and al, M_UNIQUE | M_FIRST | M_LATER | M_COUNT
	cmp al, M_UNIQUE | M_FIRST
	jne .flush
.ends:
	cmp WPTR [V(kst)], 0
	je .flush
	test byte [V(mode)], M_GROUP|M_FAST ; (M_FAST: K was printed)
	jz .last
	test byte [V(meth)], 10
	jz .flush
	call put_delim
	jmp .flush
.last:
	mov byte [V(match)], 0
	call writeline
.flush:
	call ob_flush
	cmp byte [V(rerr)], 0
	je bye
	and dword [vpos], 0             ; (GNU's error() flushed stdout)
	mov xdx, [V(inname)]
	mov esi, fmt_read
	xor eax, eax
	call say_error
; bye - close_stdout after a failed write: GNU's stdio (a 4096-byte
; buffer, see outbuf's ob_vadd) still holds bytes at fclose, whose write
; fails again: "write error: R"; none: close(1)'s reason (EBADF when
; stdout is closed), else a bare "write error".
bye:
	mov xax, [gerr]
	test xax, xax
	jz .exit
	cmp dword [vpos], 0
	jne .said
	sys close, 1                    ; (fclose's close: with stdout closed
.said:                                  ; its EBADF, else 0: bare)
	mov esi, msg_write
	call err_text
.exit:
	exit_status

fail:                                   ; "ARGV0: TEXT" (xsi), status 1
	and dword [vpos], 0             ; (GNU's error() flushes stdout)
	call err_plain
	jmp bye

; out_fail - outbuf's OUT_FAIL: a failed write (xax = -errno) ends
; nothing, as GNU's unchecked fwrite; kept for bye. (It returns to
; ob_flush's or ob_put's caller: ob_write jumps here with that stack.)
out_fail:
	mov [gerr], xax
	ret


; keyof - the key of the line at xsi, xcx bytes with its delimiter: -f
; fields then -s bytes skipped, then at most -w bytes.
; out: xdi = the key, xdx = its length; xsi, xcx kept. clobbers: xax
keyof:
	push xcx
	mov xdi, xsi
	lea xdx, [xcx - 1]
	mov xcx, [V(fields)]
	jxcxz .chars
.field:
	test xdx, xdx
	jz .chars
	mov al, [xdi]
	call field_sep
	jne .word
	inc xdi
	dec xdx
	jmp .field
.word:
	test xdx, xdx
	jz .chars
	mov al, [xdi]
	call field_sep
	je .next
	inc xdi
	dec xdx
	jmp .word
.next:
	loop .field
.chars:
	mov xax, [V(chars)]
	cmp xax, xdx
	jbe .skip
	mov xax, xdx
.skip:
	add xdi, xax
	sub xdx, xax
	mov xax, [V(wchars)]
	cmp xdx, xax
	jbe .ret
	mov xdx, xax
.ret:
	pop xcx
	ret

; compare - ZF=1 when the xcx bytes at xsi and xdi are equal (-i: as
; upper case). clobbers: xax, xcx, xsi, xdi
compare:
	test byte [V(mode)], M_ICASE
	jnz .icase
.word:
	sub xcx, W
	jb .tail
	mov xax, [xsi]
	cmp xax, [xdi]
	jne .ret
	add xsi, W
	add xdi, W
	jmp .word
.tail:
	add ecx, W                      ; ZF=1 when nothing is left
	jz .ret
.tail_byte:
	lodsb
	scasb
	jne .ret
	loop .tail_byte
	ret
.icase:
	cmp eax, eax
	jxcxz .ret
.byte:
	lodsb
	call upper
	mov ah, al
	mov al, [xdi]
	inc xdi
	call upper
	cmp al, ah
	jne .ret
	loop .byte
.ret:
	ret

upper:                                  ; al = toupper(al) in C
	cmp al, 'a'
	jb .ret
	cmp al, 'z'
	ja .ret
	sub al, 'a' - 'A'
.ret:
	ret

; getline - the next line: xsi = its start, xcx = its length with the
; delimiter (one is added to a last line without it); CF=1 at the end.
; The scan goes a word at a time: a byte of x ^ [V(dpat)] is 0 where x has
; the delimiter, and (y - [V(ones)]) & ~y & [V(highs)] has the high bit of the
; first zero byte of y set (the borrow can only mark bytes after it). It
; may read a word past the data: refill keeps WSLACK bytes of room there.
; clobbers: xax, xbx, xdx, xdi
getline:
	mov xdi, [V(scanp)]
	mov xdx, [V(dend)]
	mov xbx, [V(dpat)]
.scan:
	cmp xdi, xdx
	jae .more
	mov xax, [xdi]
	xor xax, xbx
	mov xcx, xax
	sub xcx, [V(ones)]
	not xax
	and xax, xcx
	and xax, [V(highs)]
	jnz .found
	add xdi, W
	jmp .scan
.found:
	bsf xax, xax
	shr eax, 3
	add xdi, xax
	cmp xdi, xdx
	jae .more
	inc xdi
	mov xsi, [V(cst)]
	mov [V(cst)], xdi
	mov [V(scanp)], xdi
	mov xcx, xdi
	sub xcx, xsi
	ret                             ; CF=0 from the sub (xdi > xsi)
.more:
	mov [V(scanp)], xdx
	cmp byte [V(eof)], 0
	jne .eof
	call refill
	jmp getline
.eof:
	mov xdi, xdx
	cmp xdi, [V(cst)]
	stc
	je .ret
	mov al, [V(delim)]
	stosb
	mov [V(dend)], xdi
	jmp getline
.ret:
	ret

; refill - move K and the unfinished line down to the start of the
; buffer, make room for a read (growing the break), and read. On a
; terminal, what is buffered goes out first (ob_tty).
refill:
	call ob_tty
	mov xdi, [V(base)]
	mov xsi, [V(kst)]
	test xsi, xsi
	jz .part
	mov xcx, [V(klen)]
	mov xax, xsi
	sub xax, xdi
	sub [V(kkey)], xax
	mov [V(kst)], xdi
	call .down
.part:
	mov xsi, [V(cst)]
	mov xcx, [V(dend)]
	sub xcx, xsi
	mov xax, xsi
	sub xax, xdi
	sub [V(scanp)], xax
	mov [V(cst)], xdi
	call .down
	mov [V(dend)], xdi
	mov xax, [V(cap)]
	sub xax, xdi
	cmp xax, CHUNK
	jae .read
	mov esi, msg_nomem
	mov A1, xdi                     ; the break: dend + CHUNK + dend-base
	sub A1, [V(base)]
	add A1, [V(dend)]
	jc fail                         ; (i386: past 4 GiB)
	add A1, CHUNK
	jc fail
	sys brk
	cmp xax, A1
	jne fail
	mov [V(cap)], xax
.read:
	mov A3, [V(cap)]
	sub A3, [V(dend)]
	sub A3, WSLACK
	sys read, [V(infd)], [V(dend)]
	read_result xax, .read, .error, .eof
	add [V(dend)], xax
	ret
.eof:
	inc byte [V(eof)]
	ret
.error:                                 ; as the end, the unfinished
	inc byte [V(rerr)]              ; line dropped (GNU's
	inc byte [V(eof)]               ; readlinebuffer gives none)
	mov xax, [V(cst)]
	mov [V(dend)], xax
	ret

; .down - xcx bytes from xsi down to xdi, unless they are there already
; (a long line's refills: no copy of it onto itself each time, which
; made a line of 1 GB take hours). out: xdi past them
.down:
	cmp xsi, xdi
	jne .copy
	add xdi, xcx
	ret
.copy:
	rep movsb
	ret

dash:		db '-', 0
msg_nomem:	db 'memory exhausted', 0
msg_write:	db 'write error', 0
msg_toomany:	db 'too many repeated lines', 0
msg_fields:	db 'fields to skip', 0
msg_chars:	db 'bytes to skip', 0
msg_compare:	db 'bytes to compare', 0
fmt_number:	db F_ARGV0, ': ', F_ARG, ': invalid number of ', F_TEXT, 10, 0
fmt_read:	db F_ARGV0, ': error reading ', F_QUOTE, 10, 0
fmt_meaningless: db F_ARGV0, ': printing all duplicated lines and repeat counts is meaningless', 10, F_TRY, 0

; (last in the text: their jumps to ob_put, emitted right after, are short)
; writeline - print K (with its count for -c) if GNU's writeline would:
; a line of no repeated group when M_UNIQUE, the first of a group at its
; end when M_FIRST, a line followed by a match when M_LATER.
writeline:
	mov xax, [V(mc)]
	mov cl, M_UNIQUE
	test xax, xax
	jz .which
	mov cl, M_FIRST
	cmp byte [V(match)], 0
	je .which
	mov cl, M_LATER
.which:
	test [V(mode)], cl
	jz ret_
	test byte [V(mode)], M_COUNT
	jz .line
	inc xax
	mov edi, numend - 1
	mov byte [xdi], ' '
	call utoa
	mov edx, edi                    ; the digits' start
.pad:
	cmp edi, numend - 8
	jbe .count
	dec edi
	mov byte [xdi], ' '
	jmp .pad
.count:                                 ; printf's pieces: pad, digits, ' '
	mov ecx, edx
	sub ecx, edi
	call ob_vadd
	mov ecx, numend - 1
	sub ecx, edx
	call ob_vadd
	push 1
	pop xcx
	call ob_vadd
	mov esi, edi
	mov ecx, numend
	sub ecx, edi
	call ob_put
.line:
	mov xsi, [V(kst)]
	mov xcx, [V(klen)]
	jmp put

put_delim:
	mov esi, delim
	push 1
	pop xcx
	jmp put
put_cur:
	mov xsi, [V(cur)]
	mov xcx, [V(curlen)]
put:                                    ; ob_put, counted by ob_vadd
	call ob_vadd
	jmp ob_put                      ; (outbuf.inc)
ret_:
	ret

; plus_p2 - GNU's strict_posix2 for a "+N" operand: CF=1 when
; $_POSIX2_VERSION is POSIX 2001 to 2008, where "+N" is a FILE (the next
; argument at xsp). rt/posix2.inc's posix2_version (cold) only when an
; environment entry starts with "_POS": uniq +1 maps no cold page. keeps
; xdx, xsi
plus_p2:
	push xdx
	push xsi
	lea xdx, [xsp + 3*W]
	mov xsi, xdx
	p2_asked .done                  ; (CF=0: the default)
	mov xdx, xsi
	call posix2_version
	cmp eax, P2_STRICT
.done:
	pop xsi
	pop xdx
	ret

; The long options, the methods of --all-repeated and --group, and
; long_opt itself: in the cold part (elf.inc's COLD), so a run without
; them maps one page of code.
COLD
%include "rt/posix2.inc"                ; (plus_p2's posix2_version)

; long_name - the long option at xsi ("NAME[=VALUE]", past "--"; the
; next argument at xsp), read by long_opt (GNU's prefixes and messages):
; al = its code, xdx = its argument (0: none), xbx past what it used. A
; letter goes on as its short option, with xsi at a NUL and its argument
; (-f -s -w) pushed for .number to pop; 1 and 2 are --all-repeated and
; --group.
long_name:
	mov xbx, xsp
	call long_opt
	mov xsp, xbx
	mov edi, name_all
	cmp al, 2
	ja .long_letter
	je .long_group
	call method
	and byte [mode], ~M_UNIQUE
	or byte [mode], M_LATER
	jmp _start.arg
.long_group:
	or byte [mode], M_GROUP
	mov edi, name_group
	call method
	jmp _start.arg
.long_letter:
	mov esi, dash + 1               ; a NUL
	test xdx, xdx
	jz _start.letter
	push xdx
	jmp _start.letter

; method - the argument of --all-repeated or --group: xdx = it or 0
; (none), xdi = its list ("  - 'name'\n" lines, after the
; option's name and a NUL). Sets [meth] to the index of the name the
; argument is a prefix of (the names differ in their first letters); an
; empty or unknown one is GNU's argmatch error.
method:
	mov byte [meth], 0
	test xdx, xdx
	jz .ret
	mov xsi, xdx                    ; (xdx: the argument, for the message)
	push xdi
	mov ecx, fmt_amb_arg
	cmp byte [xsi], 0
	je .fail
	xor ebx, ebx                    ; ebx = the index
	xor eax, eax
	repne scasb                     ; xdi = the list (ecx was big)
.find:
	mov al, [xdi]
	inc edi
	test al, al
	jz .invalid
	cmp al, "'"
	jne .find
	push xsi
.name:
	lodsb
	test al, al
	jz .match
	cmp byte [xdi], "'"
	je .other                       ; the name ended first
	scasb
	je .name
	dec edi
.other:
	pop xsi
.close:
	mov al, [xdi]
	inc edi
	cmp al, "'"
	jne .close
	inc ebx
	jmp .find
.match:
	pop xsi
	pop xdi
	xor eax, eax
	bts eax, ebx
	mov [meth], al
.ret:
	ret
.invalid:
	mov ecx, fmt_badarg
.fail:
	mov esi, ecx                    ; "ARGV0: invalid argument 'X' for '--"
	xor eax, eax
	call say
	pop xcx                         ; TEXT = the option's name
	mov xdx, xcx
.skip:                                  ; ARG = its list
	inc xdx
	cmp byte [xdx-1], 0
	jne .skip
	mov esi, fmt_valid
	jmp usage_say

fmt_amb_arg:	db F_ARGV0, ': ambiguous argument ', F_QUOTE, " for '--", 0
fmt_badarg:	db F_ARGV0, ': invalid argument ', F_QUOTE, " for '--", 0
fmt_valid:	db F_TEXT, "'", 10, 'Valid arguments are:', 10, F_ARG, F_TRY, 0
LONGOPTS:					; GNU's order (its ambiguity lists)
	db 'c', 'count', 0
	db 'd', 'repeated', 0
	db 1|0x80, 'all-repeated', 0
	db 2|0x80, 'group', 0
	db 'i', 'ignore-case', 0
	db 'u', 'unique', 0
	db 'f'|0x80, 'skip-fields', 0
	db 's'|0x80, 'skip-chars', 0
	db 'w'|0x80, 'check-chars', 0
	db 'z', 'zero-terminated', 0
	db '?', 'help', 0
	db '?', 'version', 0
	db 0
name_all:	db 'all-repeated', 0
list_all:	db "  - 'none'", 10, "  - 'prepend'", 10, "  - 'separate'", 10, 0
name_group:	db 'group', 0
list_group:	db "  - 'prepend'", 10, "  - 'append'", 10, "  - 'separate'", 10, "  - 'both'", 10, 0
; (here: only --group, read in this part, reaches it)
fmt_group:	db F_ARGV0, ': --group is mutually exclusive with -c/-d/-D/-u', 10, F_TRY, 0
%include "rt/long_opt.inc"
TEXT

BSS
; One page holds what a short run writes: i386's argv0 and status, the
; variables, -c's count and outbuf's first 3.8 KiB (a short input's output);
; the input is read at the program break (its first page).
	BSS_ROOM 4096
	GLOBALS_HERE
VB equ fnew + 128                   ; xbp from main on: [V(x)] is short
fnew:	resW 1                          ; bit 0: -f came after the last -N
fields:	resW 1                          ; -f, -s, -w
chars:	resW 1
numbuf:	resb 40                         ; -c (the count, right-aligned)
numend:
base:	resW 1                          ; the buffer: base..cap
cap:	resW 1
cst:	resW 1                          ; the start of the next line
scanp:	resW 1                          ; cst..scanp has no delimiter
dend:	resW 1                          ; the end of the data read
kst:	resW 1                          ; K: its start (0: none yet),
klen:	resW 1                          ; length (with the delimiter),
kkey:	resW 1                          ; key and the key's length
kkl:	resW 1
cur:	resW 1                          ; C, the same
curlen:	resW 1
ckey:	resW 1
ckl:	resW 1
ones:	resW 1                          ; 0x01 in each byte
highs:	resW 1                          ; 0x80 in each byte
dpat:	resW 1                          ; the delimiter in each byte
mc:	resW 1                          ; matches in K's group
opos:	resW 1                          ; the end of the output buffered
inname:	resW 1                          ; the operands
outname: resW 1
wchars:	resW 1
infd:	resW 1
mode:	resb 1
meth:	resb 1
delim:	resb 1
match:	resb 1
seen:	resb 1                          ; a repeated group was printed
eof:	resb 1
rerr:	resb 1                          ; a read failed
tty:	resb 1                          ; stdout: 0 not asked, 1 a terminal, 2 not
ddash:	resb 1                          ; "--" was seen (or POSIXLY_CORRECT
                                        ; and a FILE): the rest are operands
ambp:	resd 1                          ; long_opt's
vpos:	resd 1                          ; ob_vadd: GNU's stdio buffer's bytes
gerr:	resW 1                          ; a failed write's -errno
ambbuf	equ outbuf                      ; (no output before the options are read)
outbuf:	resb OUTSZ                      ; (last: its first page is the variables')

program_end
