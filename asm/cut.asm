; cut - print selected parts of lines.
;
; Usage: cut -b LIST [-n] [--complement] [--output-delimiter=S] [FILE]...
;        cut -c LIST [-n] [--complement] [--output-delimiter=S] [FILE]...
;        cut -f LIST [-d DELIM] [-s] [--complement] [--output-delimiter=S]
;            [FILE]...
;   -b, --bytes=LIST        select these bytes (-c, --characters: the same,
;                           as GNU's cut in any locale)
;   -f, --fields=LIST       select these fields; a line without DELIM is
;                           printed whole, unless -s
;   -d, --delimiter=DELIM   one byte (TAB by default; '' is the NUL byte)
;   -s, --only-delimited    leave out the lines without DELIM
;   -n                      ignored
;   -z, --zero-terminated   lines end with NUL, not newline
;   --complement            select what LIST does not
;   --output-delimiter=S    between fields (and, with -b, between ranges);
;                           '' is the NUL byte. Default: DELIM.
; LIST: N, N-, -M, N-M, separated by commas or blanks; ranges are sorted and
; merged as GNU does (2-5,3-4 is 2-5; 1-2,3-4 stays two ranges). Long
; options may be shortened to any unambiguous prefix. A line without its
; terminator at the end of a file gets one. "-" and no FILE mean stdin.
; Exit status: 0; 1 for a usage error, a file that could not be read (the
; others are still processed) or a write error (said at the end, as GNU's
; close_stdout: the run goes on after a failed write).
; Differences from GNU: --help and --version are unrecognized options. On
; i386, a number of 2^32-1 or more in LIST is taken as 2^32-1 (GNU's are
; 64-bit), and positions stop at 2^32-2: a LIST with such numbers, or a
; line of more than 4 GiB, may give other bytes than GNU's. The i386
; binary needs SSE2.
;
; The input is read in blocks of INBUF bytes and never needs a whole line
; in memory: selected bytes go to the output buffer as they are read. One
; case must wait for the end of the first field, as GNU's cut does: when a
; line without DELIM would be printed whole (no -s) but field 1 is not
; selected, or the other way round (-s and field 1 selected). That field is
; then held in the output buffer after a mark, kept or dropped once its end
; is seen; the buffer (in BSS, moved to the brk heap the first time)
; grows for it when it must (GNU's buffer does the same; "cut: memory exhausted" if the kernel says no: on
; i386 a held field of 2 GiB or more). Delimiters and line ends are found
; 16 bytes at a time with SSE2 (both arches: on i386 too, every x86 CPU
; since 2001 has it), and the bytes between them copied 16 at a time.


%define FAST_SYSCALL                    ; i386: the vDSO's entry after 32 calls
%include "subk.inc"
%include "layout.inc"
use getopt_long, opt_missing, err_file, errno_path, quote_arg, atou, write_all

INBUF	equ 128 * 1024          ; one read
OCAP0	equ 2 * INBUF + 4096    ; the output buffer at first (BSS)
SMALLRD	equ INBUF >> 6          ; a file's first read
SLACK	equ 64                  ; output bytes besides one per input byte
                                ; (and what span_copy writes past them)
M_BYTES	equ 1
M_FIELDS equ 2
%define MS_N   WPTR [xbp-W]             ; parse's merge sort frame
%define MS_SRC WPTR [xbp-2*W]
%define MS_DST WPTR [xbp-3*W]
%define MS_W   WPTR [xbp-4*W]
%define MS_I   WPTR [xbp-5*W]

; NEXT_ITEM - the next position (xbx, stopping at the word's maximum - 1,
; so that the end mark, at the maximum, is never selected) and its range
; (xbp).
%macro NEXT_ITEM 0
	cmp xbx, -2
	adc xbx, 0
	cmp xbx, [xbp+W]
	jbe %%in
	add xbp, 2*W
%%in:
%endmacro

; MOVE16 - copy xcx > 0 bytes from xsi to xdi, 16 at a time (the buffers
; have room past their ends); xsi and xdi end just past them.
; clobbers xcx, xmm0
%macro MOVE16 0
%%move:
	movdqu xmm0, [xsi]
	movdqu [xdi], xmm0
	add xsi, 16
	add xdi, 16
	sub xcx, 16
	ja %%move
	add xsi, xcx
	add xdi, xcx
%endmacro

; SPAN_SCAN - span_copy's and span_skip's head: the next block read when
; this one is used up (at the input's end: to the routine's .ret, CF=1);
; then xax = the next delimiter from xsi on, or in_end (scan).
%macro SPAN_SCAN 0
	cmp [in_end], esi
	ja %%scan
	call fill
	jc .ret
%%scan:
	call scan
%endmacro

_start:
	fast_syscall_init counted       ; i386: int 0x80 for the first 32 calls
	pop_argv0                       ; xsp = &argv[1]
	mov word [delim], 0x0a09        ; delim TAB, line delimiter \n

; The options (getopt_long: long ones too).
	getopt_here
.opt:
	call getopt_long
	jc options_done
	call letter
	jmp .opt

; letter - an option: al = its letter, xdx = its argument.
; Keeps xsi, xdi, xbx (getopt's state).
letter:
	cmp al, 's'
	jne .not_s
	mov byte [opt_s], 1
	ret
.not_s:
	cmp al, 'z'
	jne .not_z
	mov byte [ldelim], 0
	ret
.not_z:
	cmp al, 'C'
	jne .not_C
	mov byte [compl], 1
	ret
.not_C:
	cmp al, 'O'
	jne .not_O
	mov [odptr], xdx
	push xdi
	mov xdi, xdx
	xor eax, eax
	or ecx, -1
	repne scasb
	not ecx
	dec ecx                         ; the length, or 1 for '' (a NUL)
	jnz .od_len
	inc ecx
.od_len:
	mov [odlen], ecx
	pop xdi
	ret
.not_O:
	cmp al, 'd'
	jne .not_d
	mov ecx, msg_single
	mov ax, [xdx]
	test al, al
	jz .d_ok
	test ah, ah
	jnz fatal
.d_ok:
	mov [delim], al
	mov byte [dspec], 1
	ret
.not_d:
	mov ah, M_FIELDS
	cmp al, 'f'
	je .list
	mov ah, M_BYTES
	cmp al, 'b'
	je .list
	cmp al, 'c'
	jne .ret
.list:
	mov ecx, msg_one_list
	cmp byte [mode], 0
	jne fatal
	mov [mode], ah
	mov [list], xdx
.ret:
	ret

options_done:
	mov ecx, msg_no_list
	mov al, [mode]
	test al, al
	jz fatal
	cmp al, M_FIELDS
	je .fields
	mov ecx, msg_delim_f
	cmp byte [dspec], 0
	jne fatal
	mov ecx, msg_supp_f
	cmp byte [opt_s], 0
	jne fatal
.fields:

; The operands (none: "-"), then the ranges' room below them on the
; stack: LIST's items, one more for a complement and the end mark.
	cmp xdi, xsp
	jne .operands
	push dash
.operands:
	mov [argp], xsp
	mov xdi, [list]
	xor eax, eax
	or ecx, -1
	repne scasb
	not ecx                         ; LIST's length + 1
	shr ecx, 1
	add ecx, 3
	shl ecx, WSHIFT + 1
	sub xsp, xcx
	mov [rbase], xsp
	call parse

; The output delimiter: DELIM unless given; -b prints one only when given.
	cmp WPTR [odptr], 0
	setne [odspec]
	jne .od
	mov dword [odptr], delim
	mov byte [odlen], 1
.od:
; hold: field 1 must wait for its end (see the top).
	mov xax, [rbase]
	cmp WPTR [xax], 1
	sete [sel1]
	setne al
	xor al, [opt_s]
	mov [hold], al

; The output buffer: OCAP0 bytes in BSS at first.
	mov eax, obuf
	mov [obase], xax
	mov [optr], xax
	mov dword [ocap], OCAP0

; Each operand; [argp] = the current one's slot.
.file:
	mov xbx, [argp]
	mov A1, [xbx]
	test A1, A1
	jz finish
	xor eax, eax
	mov byte [isdash], 0
	cmp word [A1], '-'
	jne .open
	inc byte [isdash]
	mov byte [used_stdin], 1
	jmp .opened
.open:
	sys open, A1, O_RDONLY|O_LARGEFILE
	test eax, eax
	js .error
.opened:
	mov [infd], xax
	xor eax, eax
	mov [eof], al
	mov [rderr], eax
	mov esi, ibuf
	mov [in_end], esi
	mov xdi, [optr]
	cmp byte [mode], M_FIELDS
	jne .bytes
	call cut_fields
	jmp .done
.bytes:
	call cut_bytes
.done:
	mov [optr], xdi
	cmp byte [isdash], 0
	jne .closed
	sys close, [infd]
.closed:
	mov eax, [rderr]
	test eax, eax
	jz .next
.error:                                 ; (GNU's error() flushes stdout;
	mov xdi, [optr]                 ; a failure there only sets its
	call flush                      ; error flag)
	mov [optr], xdi
	push xax
	xor eax, eax
	xchg xax, [gerr]
	or [gfail], eax
	pop xax
	mov xsi, [argp]
	mov xsi, [xsi]
	call err_file
.next:
	add WPTR [argp], W
	jmp .file

; close_stdout: "write error: R" when a write failed since the last
; error() (GNU's stdio still holds bytes then), else when only an earlier
; one did, close(1)'s reason (EBADF when stdout is closed) or none. (A failed write never ends the run: GNU's putchar and
; fwrite results are not checked.)
finish:
	mov xdi, [optr]
	call flush
	mov xax, [gerr]
	test xax, xax
	jnz write_error
	cmp [gfail], eax
	je .written
	sys close, 1                    ; fclose's close: its reason (EBADF:
	jmp write_error                 ; stdout closed), or none
.written:
	stdin_close_exit used_stdin

	fatal_exits

; cut_bytes - the input (fill) in byte mode to the output at xdi, as GNU's
; cut_bytes, a run of bytes at a time: xbx = the bytes of the line so far
; (GNU's byte_idx), xbp = the range, [found] = 1 after the first selected
; byte of the line (--output-delimiter goes before each later range's
; first byte). A run is the bytes from j = xbx + 1 on that keep xbp and
; the choice: up to hi (just j when hi < j: GNU's ranges may come out of
; order), and up to lo - 1 while unselected; it ends early at the line
; delimiter (scan, xmm6 = xmm7 = it in all 16 bytes) or the block's end.
cut_bytes:
	movzx eax, byte [ldelim]
	imul eax, eax, 0x01010101
	movd xmm6, eax
	pshufd xmm6, xmm6, 0
	movdqa xmm7, xmm6
.line:
	xor ebx, ebx
	mov xbp, [rbase]
	mov byte [found], 0
.run:
	cmp [in_end], esi
	ja .have
	call fill
	jc .eof
.have:
	mov xax, xbx                    ; j, stopping at the maximum - 1
	cmp xax, -2
	adc xax, 0
	cmp xax, [xbp+W]                ; past hi: the next range (one step,
	jbe .in                         ; as GNU's next_item)
	add xbp, 2*W
.in:
	mov xdx, [xbp+W]
	sub xdx, xax                    ; hi - j + 1, or 1 when hi < j
	jae .up_to_hi
	xor edx, edx
.up_to_hi:
	inc xdx
	mov xcx, [xbp]
	sub xcx, xax                    ; lo - j
	jbe .selected
	cmp xdx, xcx
	jbe .skip
	mov xdx, xcx
.skip:
	call .bound
	add xsi, xdx
	jmp .ran
.selected:
	push xax
	call .bound
	pop xax
	test xdx, xdx
	jz .ran
	cmp byte [odspec], 0
	je .copy
	cmp byte [found], 0
	mov byte [found], 1
	je .copy
	cmp [xbp], xax
	jne .copy
	call put_od
.copy:
	mov xcx, xdx
	MOVE16
.ran:
	add xbx, xdx
	cmp [in_end], esi
	jbe .run
	mov al, [ldelim]
	cmp [xsi], al
	jne .run
	movsb                           ; the line's end
	jmp .line
.eof:
	test xbx, xbx
	jz .ret
	mov al, [ldelim]
	stosb
.ret:
	ret

; .bound - xdx = the run's length cut to the bytes before the line
; delimiter or the block's end. clobbers xax, xcx
.bound:
	call scan
	sub xax, xsi
	cmp xdx, xax
	jbe .ret
	mov xdx, xax
	ret

; cut_fields - the same in field mode, as GNU's cut_fields: dl = DELIM,
; dh = the line delimiter (xmm6, xmm7: each in all 16 bytes, for scan),
; xbx = the field number, xbp = its range, [found] = 1 once a field of the
; line was printed (the next gets the output delimiter first).
cut_fields:
	call peek
	jc .ret                         ; empty: nothing at all
	mov dx, [delim]
	movzx eax, dl
	imul eax, eax, 0x01010101
	movd xmm6, eax
	pshufd xmm6, xmm6, 0
	movzx eax, dh
	imul eax, eax, 0x01010101
	movd xmm7, eax
	pshufd xmm7, xmm7, 0
.line:
	mov xbp, [rbase]
	xor ebx, ebx
	inc ebx
	mov byte [found], 0
	cmp byte [hold], 0
	je .field

; Field 1 held after the mark: kept or dropped at its end. (GNU's
; getndelim2 finds no field at all at the end of the input.)
	call peek
	jc .ret
	mov [mark], xdi
	call span_copy
	jc .held_eof
	cmp al, dl
	je .held_delim
	stosb                           ; a line without DELIM: with its end
	jmp .held_line
.held_eof:                              ; GNU ends the last line
	mov al, dh
	stosb
.held_line:                             ; printed whole, or not with -s
	cmp byte [opt_s], 0
	je .keep
	mov xdi, [mark]
.keep:
	and WPTR [mark], 0
	jmp .line
.held_delim:
	mov xax, [mark]
	and WPTR [mark], 0
	cmp byte [sel1], 0
	jne .first_selected
	mov xdi, xax
	jmp .next
.first_selected:
	mov byte [found], 1
	cmp dl, dh                      ; -d '\n': a last \n ends the line
	jne .next
	call peek
	jnc .next
	mov byte [found], 0
.next:
	NEXT_ITEM

; A field: copied (after the output delimiter if one came before) or
; skipped, up to DELIM, the line's end or the input's.
.field:
	cmp [xbp], xbx
	ja .skip
	cmp byte [found], 0
	je .first
	call put_od
.first:
	mov byte [found], 1
	call span_copy
	jmp .ended
.skip:
	call span_skip
.ended:
	jc .eof
	cmp al, dl
	je .delim
.eol:
	call .newline
	jmp .line
.delim:
	cmp dl, dh
	jne .next
	call peek                       ; -d '\n': is it the last byte?
	jnc .next
	jmp .newline
.eof:                                   ; GNU's end: a newline unless
	mov al, [xsi-1]                 ; prev_c is the line delimiter: the
	cmp al, dl                      ; last byte, but 0 for an empty field
	jne .prev_c                     ; right after a held one
	cmp byte [hold], 0
	je .prev_c
	cmp xbx, 2
	jne .prev_c
	mov al, 0
.prev_c:
	cmp al, dh
	jne .newline
	cmp dl, dh
	jne .ret
; the line's end: printed unless nothing was and -s left out field 1
.newline:
	cmp byte [found], 0
	jne .nl
	cmp byte [opt_s], 0
	je .nl
	cmp xbx, 1
	je .ret
.nl:
	mov al, dh
	stosb
.ret:
	ret

; span_copy / span_skip - copy to xdi / skip the input up to the next
; DELIM or line delimiter, which is taken: CF=0, al = it; CF=1 at the end
; of the input. clobbers xax, xcx
span_copy:
	SPAN_SCAN
	mov xcx, xax
	sub xcx, xsi
	MOVE16
	cmp [in_end], esi
	jbe span_copy
	lodsb
.ret:
	ret

span_skip:
	SPAN_SCAN
	mov xsi, xax
	cmp [in_end], esi
	jbe span_skip
	lodsb
.ret:
	ret

; scan - xax = the first byte equal to xmm6's or xmm7's from xsi on, or
; in_end when the block has none (16 bytes at a time; ibuf has room for
; the last read past its end). clobbers xcx
scan:
	mov xax, xsi
.block:
	movdqu xmm0, [xax]
	movdqa xmm1, xmm0
	pcmpeqb xmm0, xmm6
	pcmpeqb xmm1, xmm7
	por xmm0, xmm1
	pmovmskb ecx, xmm0
	test ecx, ecx
	jnz .hit
	add xax, 16
	cmp eax, [in_end]
	jb .block
.end:
	mov eax, [in_end]
	ret
.hit:
	bsf ecx, ecx
	add xax, xcx
	cmp eax, [in_end]
	ja .end
	ret

; put_od - the output delimiter at xdi. Keeps all registers but xdi.
; Room is checked for it and the rest of the input block; a delimiter
; that does not fit even in an empty buffer is written by itself.
put_od:
	push xax
	push xcx
	push xsi
	mov ecx, [odlen]
	mov eax, [in_end]
	sub eax, esi
	add eax, ecx
	add eax, SLACK                  ; eax = the room needed
	mov xsi, xdi
	sub xsi, [obase]
	add xsi, xax
	cmp xsi, [ocap]
	jbe .copy
	call flush
	cmp eax, [ocap]
	jbe .copy
	push xbx
	push xdx
	push xdi
	mov A3d, ecx
	mov A2, [odptr]
	push 1
	pop A1
	call write_all
	call write_result
	pop xdi
	pop xdx
	pop xbx
	jmp .ret
.copy:
	mov xsi, [odptr]
	rep movsb
.ret:
	pop xsi
	pop xcx
	pop xax
	ret

; peek - CF=1 when the input is at its end, else a byte is at xsi.
peek:
	cmp [in_end], esi
	ja flush.ret                    ; CF=0
; fall through
; fill - the next block of input at xsi (xsi = ibuf, [in_end] its end) after
; the output is flushed; CF=1 at the end of the input, which is sticky
; (as glibc's EOF), or at a read error ([rderr] = -errno), with xsi =
; [in_end], just past the last byte read. Keeps all registers but xsi, xax.
fill:
	call flush
	mov esi, [in_end]
	cmp byte [eof], 0
	jne .eof
	push xbx
	push xcx
	push xdx
	push xdi
	push xbp
.read:
	mov A2d, ibuf
	mov A3d, INBUF
	cmp [in_end], A2d               ; a file's first read: SMALLRD bytes
	jne .sys                        ; that end where ibuf ends, on the
	add A2d, INBUF - SMALLRD        ; variables' page
	shr A3d, 6
.sys:
	sys read, [infd]
	cmp eax, -EINTR
	je .read
	movx xsi, A2                    ; (kept by the system call)
	test eax, eax
	jg .data
	jz .end
	mov [rderr], eax
.end:
	mov byte [eof], 1
	mov esi, [in_end]
	stc
	jmp .pop
.data:
	add eax, esi
	mov [in_end], eax                 ; (CF=0 from the add)
.pop:
	pop xbp
	pop xdi
	pop xdx
	pop xcx
	pop xbx
	ret
.eof:
	stc
	ret

; write_result - after write_all: a failure (xax = -errno, SF) kept in
; [gerr] for finish; the run goes on as GNU's.
write_result:
	jns .ret
	mov [gerr], xax
.ret:
	ret

; flush - write the output buffer up to xdi, or up to [mark] when a field
; is held; the held bytes move to the start. Then makes sure the buffer
; has room for INBUF + SLACK more bytes (growing it on the brk heap).
; Keeps all registers but xdi.
flush:
	push_list xax, xbx, xcx, xdx, xsi, xbp
	mov xsi, [obase]
	mov xax, [mark]
	test xax, xax
	jnz .held
	mov xax, xdi
.held:
	mov xcx, xdi
	sub xcx, xsi                    ; xcx = the bytes in the buffer
	mov xdi, xsi
	cmp xax, xsi
	je .room                        ; nothing to write
	push xcx
	push xax
	mov A3, xax
	sub A3, xsi
	movx A2, xsi
	push 1
	pop A1
	call write_all
	call write_result
	pop xsi                         ; the end written
	pop xcx
	mov xdi, [obase]
	add xcx, xdi
	sub xcx, xsi                    ; the held bytes, moved down
	rep movsb
	cmp WPTR [mark], 0
	je .room
	mov xax, [obase]
	mov [mark], xax
.room:
	add xdi, xcx                    ; (xcx = 0 after a move)
	mov xax, xdi
	sub xax, [obase]
	add xax, INBUF + SLACK
	cmp xax, [ocap]
	jbe .done
	shl WPTR [ocap], 1
	jc no_memory
	push xdi                        ; the end of the held bytes
	mov xsi, [obase]
	movx A1, xsi
	cmp esi, obuf
	jne .grow
	sys brk, 0                      ; the first time: to the brk heap
	xchg A1, xax
.grow:
	push A1
	add A1, [ocap]
	jc no_memory                    ; (past the address space)
	sys brk
	cmp xax, A1
	jne no_memory
; Only a held field grows the buffer: its bytes (from [mark] = [obase])
; move to the new base (xsi is kept by brk), or stay when it grew in place.
	pop xdi                         ; the base
	mov [obase], xdi
	mov [mark], xdi
	pop xcx
	cmp xsi, xdi
	jne .move
	mov xdi, xcx
	jmp .done
.move:
	sub xcx, xsi
	rep movsb
.done:
	pop_list xax, xbx, xcx, xdx, xsi, xbp
.ret:
	ret

; parse - LIST ([list]) into the sorted, merged (and complemented) ranges
; at [rbase], each a pair of words lo, hi, ended by a pair of -1, as GNU's
; set_fields. A number is kept as its digits without leading zeros (a
; pointer and a length): so "too large" (2^64-1 and more) and decreasing
; ranges are told exactly on both arches; the value itself saturates at
; the word's maximum (-1, also "to the end of the line").
; State: xsi = the next byte of LIST, xdi = the next free pair, bl = a
; dash was seen, bh = 1 a number before it, 2 a number after it;
; [vp]/[vn] = the current number, [ip]/[in] = the start of a range.
parse:
	mov xsi, [list]
	mov xdi, [rbase]
	xor ebx, ebx
.loop:
	mov al, [xsi]
	cmp al, '-'
	je .dash
	cmp al, ','
	je .item
	cmp al, ' '
	je .item
	cmp al, 9
	je .item
	test al, al
	je .item
	sub al, '0'
	cmp al, 9
	jbe .digits
	mov xdx, xsi                    ; invalid: the rest of LIST quoted
	mov ecx, msg_bad_f
	mov eax, msg_bad_b
	mov esi, fmt_badval
	jmp say_pick
.dash:
	mov ecx, msg_range_f
	mov eax, msg_range_b
	test bl, bl
	jnz fatal_pick
	inc ebx                         ; bl = 1
	inc xsi
	mov WPTR [ip], one
	mov dword [in_], 1
	test bh, 1
	jz .zero
	mov ecx, msg_from1_f
	mov eax, msg_from1_b
	cmp dword [vn], 0
	je fatal_pick
	mov eax, [vn]
	mov [in_], eax
	mov xax, [vp]
	mov [ip], xax
.zero:
	and dword [vn], 0
	jmp .loop

.digits:                                ; one run of digits
	mov xdx, xsi
.zeros:
	cmp byte [xsi], '0'
	jne .significant
	inc xsi
	jmp .zeros
.significant:
	mov [vp], xsi
.digit:
	mov al, [xsi]
	sub al, '0'
	cmp al, 9
	ja .run_end
	inc xsi
	jmp .digit
.run_end:
	mov ecx, esi
	sub ecx, [vp]
	mov [vn], ecx
	cmp ecx, 20
	jb .fits
	ja .too_large
	push xsi
	push xdi
	mov xsi, [vp]
	mov edi, umax
	repe cmpsb
	pop xdi
	pop xsi
	jb .fits
.too_large:                             ; 2^64-1 or more: the run quoted
	mov byte [xsi], 0
	mov ecx, msg_large_f
	mov eax, msg_large_b
	mov esi, fmt_large
	jmp say_pick
.fits:
	mov al, 1
	test bl, bl
	jz .lhs
	mov al, 2
.lhs:
	or bh, al
	jmp .loop

.item:                                  ; the end of an item
	push xsi
	test bl, bl
	jz .single
	mov bl, 0
	mov ecx, msg_noend
	test bh, bh
	jz fatal
	push -1                         ; N-: to the end
	test bh, 2
	jz .lo
	mov ecx, [vn]                   ; N-M: M must not be below N
	cmp ecx, [in_]
	jne .compared
	mov xsi, [vp]
	push xdi
	mov xdi, [ip]
	repe cmpsb
	pop xdi
.compared:
	mov ecx, msg_decr
	jb fatal
	pop xax
	mov xsi, [vp]
	call tonum
	push xax
.lo:
	mov xsi, [ip]
	jmp .add
.single:
	mov ecx, msg_from1_f
	mov eax, msg_from1_b
	cmp dword [vn], 0
	je fatal_pick
	mov xsi, [vp]
	call tonum
	push xax
	mov xsi, [vp]
.add:
	call tonum                      ; xax = lo
	pop xdx                         ; hi
	mov [xdi], xax
	mov [xdi+W], xdx
	add xdi, 2*W
	pop xsi
	and dword [vn], 0
	mov bh, 0
	cmp byte [xsi], 0
	je .sort
	inc xsi
	jmp .loop

; Sorted by lo (a stable merge sort, as glibc's qsort is here), then
; merged where one range starts within the one before (not where it just
; follows it: GNU keeps 1-2,3-4 as two ranges, which -b's output delimiter
; shows). The loops are GNU's, so that its results with
; numbers of 2^31 and more (which its comparison truncates to an int) are
; ours too: "-f 1,4294967296" selects nothing.
.sort:                                  ; bottom-up merge sort, through
	mov xcx, xdi                    ; as much room on the stack, its
	mov xdx, [rbase]                ; variables in a frame at xbp
	sub xcx, xdx
	mov xbp, xsp
	push xcx                        ; MS_N: the pairs' bytes
	push xdx                        ; MS_SRC
	push xdx                        ; MS_DST (set below)
	push 2*W                        ; MS_W: the runs' width (bytes)
	push xdx                        ; MS_I: where the next two runs are
	sub xsp, xcx
	mov MS_DST, xsp
.pass:
	xor eax, eax
.chunk:                                 ; two runs from MS_I merged
	mov MS_I, xax
	cmp xax, MS_N
	jae .passed
	mov xsi, MS_SRC
	mov xdi, MS_DST
	add xdi, xax
	add xax, MS_W
	call .clamp
	lea xbx, [xsi + xax]            ; the end of the left run
	add xax, MS_W
	call .clamp
	lea xcx, [xsi + xax]            ; the end of the right run
	mov xdx, xbx
	add xsi, MS_I
.take:
	cmp xsi, xbx
	jae .rest
	cmp xdx, xcx
	jae .rest
	mov eax, [xdx]                  ; GNU compares (int) lo: keys of
	cmp eax, [xsi]                  ; 2^31 and more sort wrongly, as
	jl .right                       ; there (the left first when equal)
	lodsW
	stosW
	lodsW
	stosW
	jmp .take
.right:
	xchg xsi, xdx
	lodsW
	stosW
	lodsW
	stosW
	xchg xsi, xdx
	jmp .take
.rest:                                  ; what is left of either run
	push xcx
	mov xcx, xbx
	sub xcx, xsi
	rep movsb
	pop xcx
	mov xsi, xdx
	sub xcx, xdx
	rep movsb
	mov xax, MS_W
	add xax, xax
	add xax, MS_I
	jmp .chunk
.passed:
	mov xax, MS_SRC
	xchg xax, MS_DST
	mov MS_SRC, xax
	mov xax, MS_W
	add xax, xax
	mov MS_W, xax
	cmp xax, MS_N
	jb .pass
	mov xsi, MS_SRC                 ; back where they were, if not there
	mov xdi, [rbase]
	mov xcx, MS_N
	rep movsb
	mov xsp, xbp
	mov xdx, xdi                    ; xdx = the end of the pairs
	jmp .merge
.clamp:                                 ; xax = min(xax, MS_N)
	cmp xax, MS_N
	jbe .clamped
	mov xax, MS_N
.clamped:
	ret

.merge:
	mov xsi, [rbase]
	mov xdi, xsi
	lodsW
	stosW
	lodsW
	stosW
.m:
	cmp xsi, xdx
	jae .merged
	lodsW
	xchg xax, xcx                   ; xcx = lo
	lodsW                           ; xax = hi
	cmp xcx, [xdi-W]
	ja .new
	cmp xax, [xdi-W]
	jbe .m
	mov [xdi-W], xax
	jmp .m
.new:
	xchg xax, xcx
	stosW
	xchg xax, xcx
	stosW
	jmp .m

; As they are, or their complement (the gaps between them, before the
; first and after the last).
.merged:
	mov xdx, xdi
	cmp byte [compl], 0
	je .end_mark
	mov xsi, [rbase]
	mov xdi, xsi
	xor ebx, ebx
	inc ebx                         ; xbx = the first position not covered
.c:                                     ; (in place: a pair is read before
	cmp xsi, xdx                    ; its slot can be written)
	jae .c_end
	lodsW
	xchg xax, xcx                   ; xcx = lo
	lodsW                           ; xax = hi
	cmp xcx, xbx
	je .no_gap
	xchg xax, xbx
	stosW
	lea xax, [xcx-1]
	stosW
	xchg xax, xbx                   ; xax = hi
.no_gap:
	lea xbx, [xax+1]                ; 0 after -1: nothing follows
	jmp .c
.c_end:
	test xbx, xbx
	jz .end_mark
	xchg xax, xbx
	stosW
	or xax, -1
	stosW
.end_mark:
	or xax, -1
	stosW
	stosW
	ret

; tonum - xsi = digits: xax = their value, the word's maximum if more.
; clobbers xcx, xdx, xsi
tonum:
	call atou
	sbb xcx, xcx
	or xax, xcx
	ret

; fatal_pick / say_pick - pick's choice (xcx field text, eax byte text),
; then fatal, or usage_say with the format xsi and ARG xdx.
say_pick:
	call pick
	jmp usage_say
fatal_pick:
	call pick
; fatal - "cut: TEXT" and the Try line, exit 1; xcx = TEXT.
fatal:
	mov xdx, xcx
	mov esi, fmt_fatal
	jmp usage_say

; pick - xcx = the field mode's text, eax = the byte mode's: xcx = the
; one of this mode.
pick:
	cmp byte [mode], M_BYTES
	cmove ecx, eax
	ret

OPTSPEC:	db 'b:c:d:f:nsz', 0
LONGOPTS:
	db 'b'|0x80, 'bytes', 0
	db 'c'|0x80, 'characters', 0
	db 'f'|0x80, 'fields', 0
	db 'd'|0x80, 'delimiter', 0
	db 's', 'only-delimited', 0
	db 'O'|0x80, 'output-delimiter', 0
	db 'C', 'complement', 0
	db 'z', 'zero-terminated', 0
	db '?', 'help', 0
	db '?', 'version', 0
	db 0
fmt_fatal:	db F_ARGV0, ': ', F_TEXT, 10, F_TRY, 0
fmt_badval:	db F_ARGV0, ': ', F_TEXT, F_QUOTE, 10, F_TRY, 0
fmt_large:	db F_ARGV0, ': ', F_TEXT, F_QUOTE, ' is too large', 10, F_TRY, 0
msg_no_list:	db 'you must specify a list of bytes, characters, or fields', 0
msg_one_list:	db 'only one list may be specified', 0
msg_single:	db 'the delimiter must be a single character', 0
msg_delim_f:	db 'an input delimiter may be specified only when operating on fields', 0
msg_supp_f:	db 'suppressing non-delimited lines makes sense', 10, 9, 'only when operating on fields', 0
msg_from1_f:	db 'fields are numbered from 1', 0
msg_from1_b:	db 'byte/character positions are numbered from 1', 0
msg_range_f:	db 'invalid field range', 0
msg_range_b:	db 'invalid byte or character range', 0
msg_noend:	db 'invalid range with no endpoint: -', 0
msg_decr:	db 'invalid decreasing range', 0
msg_bad_f:	db 'invalid field value ', 0
msg_bad_b:	db 'invalid byte/character position ', 0
msg_large_f:	db 'field number ', 0
msg_large_b:	db 'byte/character offset ', 0
msg_write:	db 'write error', 0
msg_memory:	db 'memory exhausted', 0
umax:		db '18446744073709551615'
one:		db '1', 0
dash:		db '-', 0

BSS
; A short run writes one page: a file's first read (the last SMALLRD
; bytes of ibuf), the variables (i386's argv0 and status with them) and
; the start of the output buffer.
	resb (SMALLRD + PAGE - _BSS_PAGEOFF) % PAGE
ibuf:	resb INBUF
	resb 16                         ; (scan reads up to 15 bytes past)
	GLOBALS_HERE
rbase:	resW 1                          ; the ranges (on the stack)
obase:	resW 1                          ; the output buffer (brk heap)
ocap:	resW 1                          ; its size
optr:	resW 1                          ; xdi between files
mark:	resW 1                          ; the held field's start, or 0
odptr:	resW 1                          ; the output delimiter
list:	resW 1                          ; LIST
argp:	resW 1                          ; the operand's slot
infd:	resW 1                          ; the input
vp:	resW 1                          ; parse: the number's digits
ip:	resW 1                          ; parse: the range's start's
in_end:	resd 1                          ; the end of the input block
rderr:	resd 1                          ; -errno of a failed read, or 0
gerr:	resW 1                          ; a failed write's -errno since the
gfail:	resd 1                          ; last error(); one before it
odlen:	resd 1
vn:	resd 1                          ; parse: lengths of vp, ip
in_:	resd 1
delim:	resb 1                          ; DELIM, then the line delimiter:
ldelim:	resb 1                          ; read together as dl, dh
mode:	resb 1                          ; M_BYTES, M_FIELDS, or 0
dspec:	resb 1                          ; -d was given
opt_s:	resb 1
compl:	resb 1
odspec:	resb 1                          ; --output-delimiter was given
sel1:	resb 1                          ; field 1 is selected
hold:	resb 1                          ; field 1 waits for its end
eof:	resb 1                          ; the input ended (sticky)
found:	resb 1                          ; a field of the line was printed
isdash:	resb 1                          ; the operand is "-"
used_stdin: resb 1
%define LONGOPT_BSS_HERE                ; long_opt's, here: ambp is written
ambp:	resd 1                          ; by a long option
ambbuf:	resb 512
obuf:	resb OCAP0

program_end
