; seq - print a sequence of numbers.
;
; Usage: seq [-w] [-s SEP] [-f FMT] [FIRST [INCREMENT]] LAST
;   -f FMT  print each number with the printf format FMT: one directive
;           %e %f %g %a %E %F %G %A with flags (- + space # 0 '), width
;           and precision, an optional L; %% for a percent sign
;   -s SEP  put SEP between the numbers (default a newline); the last is
;           followed by a newline
;   -w      pad with leading zeros to equal width
; As GNU's: non-negative decimal integers with a step of 1..200, no -w, no
; -f and a one-byte separator are counted as decimal strings, of any size.
; Everything else is C's long double (the x87's 80-bit format): each
; operand is read as strtold reads it (correctly rounded: decimal, hex
; 0x...p..., inf; nan is refused), number i is FIRST + i * INCREMENT, and
; it is printed with "%.PLf" (P the most fraction digits of FIRST and
; INCREMENT, exponents counted), "%0W.PLf" with -w, "%Lg" when an operand
; is in hex with a point, or with FMT; the printing is exact, as glibc's
; (the binary value in decimal, rounded half to even). A number past LAST
; that prints as LAST is printed too (GNU's guard against rounding).
; Options end at the first operand; an operand may be negative (-1, -.5).
; Exit status: 0; 1 for a bad option, operand or format, or a write error.
; Long options: --format=FMT, --separator=SEP, --equal-width, any prefix.
; Differences from GNU: --help and --version are not supported. A width or
; precision above 65536 (in FMT, or from an operand like 1e-70000) is
; refused with a message (GNU prints them).
;
; The exact conversions use big integers in base 10^9 (32-bit limbs, the
; first dword of a big is its length): strtold makes the operand a ratio
; P/Q of two of them and divides to 72 bits; printing makes the binary
; value m * 2^e the integer m * 2^e or m * 5^-e (then 10^e times it), whose
; limbs are its decimal digits. All of that lives in one arena, each part
; just past the one before and as long as its content (P then Q; the big
; integer, its digits, the printed body, the number), so a short run writes
; only the arena's first few hundred bytes, on the variables' page.

%define FAST_SYSCALL                    ; i386: the vDSO's entry after 32 calls
%include "subk.inc"
%include "layout.inc"
use usage, usage_try, opt_missing, extra_operand, err_quoted, err_plain, write_all, match, long_opt

OUTSZ   equ 4096                ; output buffer
OUTSMALL equ 1024               ; the first one
NDMAX   equ 11600               ; significant decimal digits kept (+ sticky)
NDHEX   equ 20                  ; significant hex digits kept (+ sticky)
BIGL    equ 2048                ; limbs of a big
PMAX    equ 65536               ; the largest width and precision
NUMSZ   equ 2*PMAX + 5000       ; one printed number
PBUFSZ  equ 140000              ; the fast path's counter (an operand fits)
INTMAX  equ 0x7fffffff
; the arena: the number past LAST, then decompose's big integer, its
; digits, the body and the number (or parse_ld's P and Q)
ARENASZ equ 3*NUMSZ + 4*(BIGL + 2) + 9*BIGL + 16
FL_MINUS equ 1
FL_PLUS  equ 2
FL_SPACE equ 4
FL_HASH  equ 8
FL_ZERO  equ 16
; an operand: value (tword), precision, width
OP_PREC  equ 12
OP_WIDTH equ 16
OPSZ     equ 20

_start:
	fast_syscall_init counted       ; i386: int 0x80 for the first 32 calls
	pop_argv0               ; xsp = &argv[1]
	mov dword [sep_ptr], nl_str
	mov dword [sep_len], 1
	mov dword [outbase], out_small
	mov dword [outcap], OUTSMALL
	mov dword [abase], arena

; The options, as getopt with "+f:s:w" after GNU's test for a negative
; number ("-" and a digit or a point is the first operand).
.opt:
	mov xsi, [xsp]
	test xsi, xsi
	jz .opts_done
	cmp byte [xsi], '-'
	jne .opts_done
	mov al, [xsi+1]
	test al, al
	jz .opts_done
	cmp al, '.'
	je .opts_done
	sub al, '0'
	cmp al, 9
	jbe .opts_done
	pop xdx                 ; xdx = the argument
	inc xsi
	cmp byte [xsi], '-'
	jne .letters
	cmp byte [xsi+1], 0
	jne .long
	jmp .opts_done          ; "--" (popped)
; --format=FMT, --separator=SEP, --equal-width: any prefix (no two of
; GNU's names share one), the value after "=" or in the next argument.
.long:
	inc xsi                 ; past "--"
	mov xbx, xsp            ; the next argument's slot
	call long_opt           ; al = the letter, xdx = its value (--help,
	mov xsp, xbx            ; --version refused there)
	mov xsi, xdx
	cmp al, 'w'
	jne .have_arg
	mov byte [eqw], 1
	jmp .opt
.letters:
	lodsb
	test al, al
	jz .opt
	cmp al, 'w'
	jne .not_w
	mov byte [eqw], 1
	jmp .letters
.not_w:
	cmp al, 'f'
	je .optarg
	cmp al, 's'
	jne opt_invalid
.optarg:
	cmp byte [xsi], 0
	jne .have_arg
	pop xsi
	test xsi, xsi
	jz opt_missing
.have_arg:
	cmp al, 's'
	je .sep
	mov [fmt_ptr], xsi
	mov byte [hasfmt], 1
	jmp .opt
.sep:
	mov [sep_ptr], xsi
	movx A2, xsi
	call strlen
	mov [sep_len], A3d
	jmp .opt

; The operands: one to three.
.opts_done:
	mov xbx, xsp            ; xbx = &operands
	xor ecx, ecx
.count:
	cmp WPTR [xbx + xcx*W], 0
	je .counted
	inc ecx
	jmp .count
.counted:
	mov [nops], ecx
	test ecx, ecx
	jnz .some
	mov esi, msg_missing
	call err_plain
	jmp usage_try
.some:
	cmp ecx, 3
	jbe .n_ok
	mov xdx, [xbx + 3*W]
	jmp extra_operand
.n_ok:
	cmp byte [hasfmt], 0
	je .no_fmt
	mov xsi, [fmt_ptr]
	call parse_fmt
	cmp byte [eqw], 0
	je .no_fmt
	mov esi, msg_fmt_w
	call err_plain
	jmp usage_try
.no_fmt:

; GNU's first test for counting in decimal strings: every operand all
; digits, the step 1..200, no -w, no -f, a separator of one byte.
	call fast_allowed
	jne .scan
	mov ecx, [nops]
	mov xsi, [xbx]
	mov xdx, [xbx + xcx*W - W]
	mov ebp, 1
	cmp ecx, 1
	jne .f2
	mov esi, one_str
.f2:	cmp ecx, 3
	jne .f3
	push xsi
	mov xsi, [xbx + W]
	call all_digits
	pop xsi
	jne .scan
	mov ebp, eax
	dec eax
	cmp eax, 200
	jae .scan
.f3:
	push xsi
	call all_digits
	pop xsi
	jne .scan
	push xsi
	mov xsi, xdx
	call all_digits
	pop xsi
	jne .scan
	jmp seq_fast

; Read the operands in order (an increment of 0 is refused before LAST is
; read): FIRST and INCREMENT default to 1.
.scan:
	mov esi, op_one
	mov edi, op_first
	mov ecx, 2*OPSZ
	rep movsb
	mov ecx, [nops]
	movzx esi, byte [slots + xcx - 1]
	add esi, slot_lists
.next_op:
	movzx edi, byte [xsi]
	test edi, edi
	jz .scanned
	add edi, op_first - 1
	push xsi
	mov xsi, [xbx]
	add xbx, W
	push xsi
	call scan_arg
	pop xdx
	pop xsi
	inc xsi
	cmp edi, op_step
	jne .next_op
	fld tword [op_step]
	ftst
	fnstsw ax
	fstp st0
	sahf
	jne .next_op
	mov esi, msg_zero
	xor eax, eax
	call err_quoted
	jmp usage_try
.scanned:

; GNU's second test: the values are non-negative integers, the step at
; most 200: count in strings from "%.0Lf" of FIRST and LAST.
	call fast_allowed
	jne .slow
	mov al, [op_first+9]
	or al, [op_step+9]
	or al, [op_last+9]
	js .slow
	mov eax, [op_first+OP_PREC]
	or eax, [op_step+OP_PREC]
	or eax, [op_last+OP_PREC]
	jnz .slow
	mov ax, [op_first+8]
	and ax, 0x7fff
	cmp ax, 0x7fff
	je .slow
	fild word [c_200]
	fld tword [op_step]
	fcomip st0, st1
	fstp st0
	ja .slow
	mov byte [f_conv], 'f'  ; "%.0Lf" (the spec is all zeros)
	mov esi, op_first
	call fmt_num
	inc edi
	mov [abase], edi        ; (FIRST's digits stay)
	mov ebp, [cur_buf]
	mov esi, op_last
	call fmt_num
	mov edx, [cur_buf]
	cmp byte [dkind], 1
	jne .last_fin
	mov dword [xdx], 'inf'
.last_fin:
	mov esi, ebp
	fld tword [op_step]
	fistp dword [tmp]
	mov ebp, [tmp]
	jmp seq_fast

; The format GNU would pick: "%.PLf", "%0W.PLf" with -w, or "%Lg".
.slow:
	cmp byte [hasfmt], 0
	jne .print
	mov dword [pre_s], empty_str
	mov dword [pre_e], empty_str
	mov dword [suf_s], empty_str
	mov byte [f_conv], 'g'
	or dword [f_prec], -1
	mov eax, [op_first+OP_PREC]
	mov edx, [op_step+OP_PREC]
	cmp eax, edx
	jge .pmax
	xchg eax, edx
.pmax:                          ; eax = prec
	mov ecx, [op_last+OP_PREC]
	cmp eax, INTMAX
	je .print
	cmp ecx, INTMAX
	je .print
	cmp byte [eqw], 0
	je .fixed
	mov edx, [op_first+OP_WIDTH]
	add edx, eax
	sub edx, [op_first+OP_PREC]     ; edx = first width
	mov esi, [op_last+OP_WIDTH]
	add esi, eax
	sub esi, ecx                    ; esi = last width
	test eax, eax
	jnz .p_nz
	test ecx, ecx
	jz .widths
	dec esi
	jmp .widths
.p_nz:
	test ecx, ecx
	jnz .p_nz2
	inc esi
.p_nz2:
	cmp dword [op_first+OP_PREC], 0
	jne .widths
	inc edx
.widths:
	cmp edx, esi
	jae .wmax
	mov edx, esi
.wmax:
	test edx, edx
	js .print               ; over INT_MAX: %Lg
	mov [f_width], edx
	mov byte [f_flags], FL_ZERO
.fixed:
	mov [f_prec], eax
	mov byte [f_conv], 'f'
	cmp eax, PMAX
	ja too_big
	cmp dword [f_width], PMAX
	ja too_big

; print_numbers: FIRST + i * INCREMENT while not past LAST.
.print:
	mov esi, op_first
	call past_last
	jnz .exit
	mov esi, op_first
	mov edi, x_val
	mov ecx, 10
	rep movsb
	fld1
	fstp tword [i_val]
.loop:
	mov esi, x_val
	call fmt_num
	call put_number
	fld tword [x_val]       ; x0, the number printed last
	fstp tword [x0]
	fld tword [i_val]
	fld tword [op_step]
	fmul st0, st1
	fld tword [op_first]
	faddp st1, st0
	fstp tword [x_val]
	fld1
	faddp st1, st0
	fstp tword [i_val]
	mov esi, x_val
	call past_last
	jz .more
; Past LAST: printed all the same when it reads back as LAST and differs
; from x0 printed (GNU's test); the arena's work goes past its digits.
	mov esi, x_val
	call fmt_num
	inc edi
	mov [abase], edi
	mov esi, [cur_buf]
	mov ebp, esi            ; ebp = the number past LAST
	mov edi, tmp_val
	call parse_ld
	test eax, eax
	jnz .end
	fld tword [tmp_val]
	fld tword [op_last]
	fcomip st0, st1
	fstp st0
	jne .end
	jp .end
	mov esi, x0
	call fmt_num
	mov esi, [cur_buf]
	mov edi, ebp
	mov [cur_buf], edi
.cmp:	lodsb
	scasb
	jne .extra
	test al, al
	jnz .cmp
	jmp .end
.extra:
	call put_sep
	call put_number
	jmp .end
.more:
	call put_sep
	jmp .loop
.end:
	mov esi, nl_str
	call put1
	call flush
.exit:
	exit_status

; too_big - a width or precision this seq does not print: say so.
too_big:
	mov esi, msg_big
die_plain:
	call err_plain
	exit 1

; put_number - the prefix, the number at [cur_buf], the suffix.
put_number:
	mov xsi, [pre_s]
	mov xdx, [pre_e]
	call put_part
	mov esi, [cur_buf]
	push xsi
	movx A2, xsi
	call strlen
	pop xsi
	mov ecx, A3d
	call put
	mov xsi, [suf_s]
	or xdx, -1
; put_part - bytes of the format from xsi up to xdx or its NUL, "%%" as "%"
put_part:
.l:	cmp xsi, xdx
	jae .ret
	mov al, [xsi]
	test al, al
	jz .ret
	cmp al, '%'
	jne .one
	inc xsi
.one:	push xdx
	call put1
	pop xdx
	jmp .l
.ret:	ret

; put_sep - the separator
put_sep:
	mov xsi, [sep_ptr]
	mov ecx, [sep_len]
	jmp put
; put1 - the byte at xsi; xsi past it
put1:
	push 1
	pop xcx
; put - append ecx bytes from xsi to the output; clobbers xax xcx xdx xsi xdi
put:
.l:	test ecx, ecx
	jz .ret
	mov edi, [outpos]
	mov eax, [outcap]
	sub eax, edi
	jnz .room
	push xcx
	push xsi
	call flush
	pop xsi
	pop xcx
	jmp .l
.room:	cmp eax, ecx
	jb .part
	mov eax, ecx
.part:	sub ecx, eax
	add [outpos], eax
	add edi, [outbase]
	push xcx
	xchg eax, ecx
	rep movsb
	pop xcx
	jmp .l
.ret:	ret

; flush - write the output buffer; a failure is GNU's "write error: ..."
; and exit 1. clobbers xax xcx xdx xsi xdi
flush:
	push xbx
	push xbp
	push 1
	pop A1
	mov A2d, [outbase]
	mov A3d, [outpos]
	call write_all
	js .err
	and dword [outpos], 0
	mov dword [outbase], outbuf     ; the first buffer is small (see BSS)
	mov dword [outcap], OUTSZ
	pop xbp
	pop xbx
	ret
.err:	mov esi, msg_write
	call err_text
	exit 1

; fast_allowed - ZF=1 when neither -w nor -f is given and the separator
; is one byte
fast_allowed:
	cmp dword [sep_len], 1
	jne .ret
	cmp word [eqw], 0
.ret:	ret

; all_digits - ZF=1 when the string at xsi is one or more decimal digits;
; then eax = its value (9999 for more). clobbers xcx xsi
all_digits:
	xor eax, eax
	xor ecx, ecx
	mov cl, [xsi]
	sub cl, '0'
	cmp cl, 9
	ja .ret                 ; (ZF=0)
.l:	mov cl, [xsi]
	sub cl, '0'
	cmp cl, 9
	ja .end
	inc xsi
	imul eax, eax, 10
	add eax, ecx
	cmp eax, 9999
	jb .l
	mov eax, 9999
	jmp .l
.end:	cmp byte [xsi], 0
.ret:	ret

; past_last - ZF=0 when the value at xsi is past LAST (beyond it in the
; direction of the step). clobbers xax xdi
past_last:
	mov edi, op_last
	test byte [op_step+9], 0x80
	jnz .down
	xchg esi, edi
.down:				; xsi < xdi ?
	fld tword [xsi]
	fld tword [xdi]
	fcomip st0, st1
	fstp st0
	seta al
	test al, al
	ret

; seq_fast - count in decimal strings: xsi = FIRST, xdx = LAST ("inf" for
; ever), ebp = the step (1..200). Does not return.
seq_fast:
	push xdx
	mov edi, pbuf_end       ; numbers of up to 40 digits: the small one
	cmp dword [xdx], 'inf'
	je .big
	push xsi
	movx A2, xsi
	call strlen
	pop xsi
	cmp A3d, 40
	ja .big
	push xsi
	mov A2, [xsp+W]
	call strlen
	pop xsi
	cmp A3d, 40
	ja .big
	mov edi, psmall_end
.big:	mov [pend], edi
	call trim_zeros
	push xsi
	movx A2, xsi
	call strlen
	pop xsi
	mov edi, [pend]
	sub edi, A3d
	mov [pstart], edi
	mov ecx, A3d
	rep movsb
	pop xsi
	call trim_zeros
	mov [q_ptr], xsi
	push xsi
	movx A2, xsi
	call strlen
	pop xsi
	mov [q_len], A3d
	cmp dword [xsi], 'inf'
	sete [q_inf]
	call p_above_q
	ja .exit
	call put_p
.next:
	mov ecx, ebp            ; p += step
	mov esi, [pend]
	mov ebx, 10
.add:	dec esi
	cmp esi, [pstart]
	jae .digit
	mov [pstart], esi
	mov byte [xsi], '0'
.digit:	movzx eax, byte [xsi]
	sub eax, '0'
	add eax, ecx
	xor edx, edx
	cmp eax, ebx            ; (no carry: no division)
	jae .divide
	xchg eax, edx
	jmp .divided
.divide:
	div ebx
.divided:
	add dl, '0'
	mov [xsi], dl
	xchg eax, ecx
	test ecx, ecx
	jnz .add
	call p_above_q
	ja .done
; The separator and p, p a word a step when they fit with a word to
; spare (a short copy: rep movsb's start-up would cost more; the bytes
; past p that go with its last word are written over later), else
; through put.
	mov edi, [outpos]
	mov eax, [outcap]
	sub eax, edi
	mov esi, [pstart]
	mov ecx, [pend]
	sub ecx, esi
	lea edx, [ecx + W]
	cmp eax, edx
	jbe .put
	lea edx, [edi + ecx + 1]
	mov [outpos], edx
	add edi, [outbase]
	mov xax, [sep_ptr]
	mov al, [xax]
	stosb
.copy:
	mov xax, [xsi]
	mov [xdi], xax
	add esi, W
	add edi, W
	sub ecx, W
	ja .copy
	jmp .next
.put:
	call put_sep
	call put_p
	jmp .next
.done:	mov esi, nl_str
	call put1
	call flush
.exit:	exit_status

put_p:	mov esi, [pstart]
	mov ecx, [pend]
	sub ecx, esi
	jmp put

; p_above_q - "above" (CF=0, ZF=0) when the counter p is past q, never
; when q is inf. clobbers xcx xsi xdi
p_above_q:
	cmp byte [q_inf], 0
	jne .no
	mov esi, [pstart]
	mov ecx, [pend]
	sub ecx, esi
	cmp ecx, [q_len]
	jne .ret
	mov xdi, [q_ptr]
.cmp:	mov al, [xsi]           ; (a short compare: a byte a step)
	cmp al, [xdi]
	jne .ret
	inc esi
	inc xdi                         ; (q: on the stack)
	loop .cmp
	jmp .no                         ; the same
.ret:	ret
.no:	cmp ecx, ecx
	ret

; trim_zeros - xsi past the leading zeros of a number, but one is left
trim_zeros:
	cmp byte [xsi], '0'
	jne .ret
	cmp byte [xsi+1], 0
	je .ret
	inc xsi
	jmp trim_zeros
.ret:	ret

; scan_arg - read the operand at xsi into the operand at xdi as GNU's
; scan_arg: the value, and the precision and width it implies.
; clobbers all but xbx, xdi
scan_arg:
	push xbx
	push xdi
	push xsi
	call parse_ld
	pop xdx
	pop xdi
	cmp eax, 1
	jb .ok
	mov esi, msg_invalid
	je .bad
	mov esi, msg_nan
.bad:	xor eax, eax
	call err_quoted
	jmp usage_try
.ok:	mov xsi, xdx
.skip:	mov al, [xsi]           ; past white space and '+'
	cmp al, '+'
	je .skip1
	cmp al, ' '
	je .skip1
	sub al, 9
	cmp al, 4
	ja .skipped
.skip1:	inc xsi
	jmp .skip
.skipped:
	or edx, -1              ; edx = index of the point
	or ebp, -1              ; ebp = index of the e
	xor ebx, ebx            ; bl: 1 a 'p', 2 an 'x'
	xor ecx, ecx
.sc:	mov al, [xsi+xcx]
	test al, al
	jz .scd
	cmp al, '.'
	jne .sc1
	test edx, edx
	jns .sc1
	mov edx, ecx
.sc1:	cmp al, 'p'
	jne .sc2
	or bl, 1
.sc2:	or al, 0x20
	cmp al, 'x'
	jne .sc3
	or bl, 2
.sc3:	cmp al, 'e'
	jne .sc4
	test ebp, ebp
	jns .sc4
	mov ebp, ecx
.sc4:	inc ecx
	jmp .sc
.scd:	mov eax, INTMAX         ; ecx = length
	test edx, edx
	jns .pmax
	test bl, 1
	jnz .pmax
	xor eax, eax
.pmax:	mov [xdi+OP_PREC], eax
	and dword [xdi+OP_WIDTH], 0
	test bl, 2
	jnz .done
	mov ax, [xdi+8]
	and ax, 0x7fff
	cmp ax, 0x7fff
	je .done
	mov [xdi+OP_WIDTH], ecx
	test edx, edx
	js .no_point
	mov eax, ebp            ; the fraction's length
	test eax, eax
	jns .has_e
	mov eax, ecx
.has_e:	sub eax, edx
	dec eax
	mov [xdi+OP_PREC], eax
	jnz .frac
	dec dword [xdi+OP_WIDTH]
	jmp .no_point
.frac:	test edx, edx
	jz .widen
	mov al, [xsi+xdx-1]
	sub al, '0'
	cmp al, 9
	jbe .no_point
.widen:	inc dword [xdi+OP_WIDTH]
.no_point:
	test ebp, ebp
	js .done
	sub ecx, ebp            ; width -= length - e
	sub [xdi+OP_WIDTH], ecx
	lea xsi, [xsi+xbp+1]    ; strtol
	xor eax, eax
	xor ecx, ecx
	mov dl, [xsi]
	cmp dl, '-'
	je .sgn
	cmp dl, '+'
	jne .exd
.sgn:	inc xsi
.exd:	mov cl, [xsi]
	sub cl, '0'
	cmp cl, 9
	ja .exend
	inc xsi
	cmp eax, 100000000
	jae .exd
	imul eax, eax, 10
	add eax, ecx
	jmp .exd
.exend:	cmp dl, '-'             ; (OP_PREC = the fraction's digits here)
	jne .e_pos
	test eax, eax           ; (e-0: GNU's exponent < 0 is by the value)
	jz .e_pos
	cmp dword [xdi+OP_PREC], 1
	adc [xdi+OP_WIDTH], eax ; and one for a point that was not there
	add [xdi+OP_PREC], eax
	jmp .done
.e_pos:	mov ecx, [xdi+OP_PREC]  ; the exponent uses up fraction digits
	cmp eax, ecx
	jb .e_less
	sub [xdi+OP_PREC], ecx
	sub eax, ecx
	jxcxz .e_w
	dec eax                 ; (and the point goes)
.e_w:	add [xdi+OP_WIDTH], eax
	jmp .done
.e_less:
	sub [xdi+OP_PREC], eax
.done:	pop xbx
	ret

; parse_fmt - check FMT at xsi as GNU's long_double_format, and keep its
; parts: the prefix pre_s..pre_e, the flags, width, precision and
; conversion, the suffix from suf_s.
parse_fmt:
	mov [pre_s], xsi
	mov xdx, xsi            ; (for the messages)
.pre:	mov al, [xsi]
	test al, al
	jz .no_dir
	cmp al, '%'
	jne .pre1
	cmp byte [xsi+1], '%'
	jne .dir
	inc xsi
.pre1:	inc xsi
	jmp .pre
.dir:	mov [pre_e], xsi
	inc xsi
.flag:	lodsb
	mov edi, flag_chars
	push 6
	pop xcx
	repne scasb
	jne .flags_done
	bts [f_flags], ecx
	jmp .flag
.flags_done:
	dec xsi
	call .number
	mov [f_width], eax
	or eax, -1
	cmp byte [xsi], '.'
	jne .no_prec
	inc xsi
	call .number
.no_prec:
	mov [f_prec], eax
	cmp byte [xsi], 'L'
	jne .conv
	inc xsi
.conv:	lodsb
	test al, al
	jz .ends
	mov edi, conv_chars
	push 8
	pop xcx
	repne scasb
	jne .unknown
	mov ah, al
	and ah, 0x20
	xor ah, 0x20
	mov [f_case], ah
	or al, 0x20
	mov [f_conv], al
	mov [suf_s], xsi
.suf:	lodsb
	test al, al
	jz .checked
	cmp al, '%'
	jne .suf
	lodsb
	cmp al, '%'
	je .suf
	mov esi, fmt_many
	jmp .die
.checked:
	cmp dword [f_width], PMAX
	ja too_big
	cmp dword [f_prec], PMAX
	jg too_big
	ret
.no_dir:
	mov esi, fmt_no_dir
	jmp .die
.ends:	mov esi, fmt_ends
	jmp .die
.unknown:
	movzx eax, al
	push xax
	mov xcx, xsp
	mov esi, fmt_unknown
.die:	xor eax, eax
	call say
	exit 1
; .number - the decimal digits at xsi (saturated) -> eax
.number:
	xor eax, eax
	xor ecx, ecx
.nd:	mov cl, [xsi]
	sub cl, '0'
	cmp cl, 9
	ja .nr
	inc xsi
	cmp eax, 100000000
	jae .nd
	imul eax, eax, 10
	add eax, ecx
	jmp .nd
.nr:	ret

; ------------------------------------------------------------------
; Big integers in base 10^9: [big] = the number of limbs, the limbs
; (dwords, the lowest first) after it; no zero limb on top.

; big_mul - big at xdi = big * ebx + ecx (ebx, ecx below 2^32).
; clobbers xax xcx xdx xsi
big_mul:
	push xdi
	mov esi, [xdi]
.l:	add edi, 4
	test esi, esi
	jz .carry
	dec esi
	mov eax, [xdi]
	mul ebx
	add eax, ecx
	adc edx, 0
	div dword [c_1e9]
	mov [xdi], edx
	mov ecx, eax
	jmp .l
.carry:	test ecx, ecx
	jz .done
	xchg eax, ecx
	xor edx, edx
	div dword [c_1e9]
	mov [xdi], edx
	mov ecx, eax
	mov xdx, [xsp]
	inc dword [xdx]
	add edi, 4
	jmp .carry
.done:	pop xdi
	ret

; mul_pow - big at xdi times ebx^esi (ebx 2, 5, 10 or 16; nothing for
; esi <= 0), in chunks of powers below 2^31. clobbers xax xcx xdx xsi
mul_pow:
	push xbp
.chunk:	test esi, esi
	jle .done
	mov ebp, 1
.grow:	test esi, esi
	jz .apply
	mov eax, ebp
	mul ebx
	test edx, edx
	jnz .apply
	test eax, eax
	js .apply
	mov ebp, eax
	dec esi
	jmp .grow
.apply:	push xsi
	push xbx
	mov ebx, ebp
	xor ecx, ecx
	call big_mul
	pop xbx
	pop xsi
	jmp .chunk
.done:	pop xbp
	ret

; big_cmp - flags of big xsi compared with big xdi (unsigned). clobbers xax xcx
big_cmp:
	mov ecx, [xsi]
	cmp ecx, [xdi]
	jne .ret
.l:	jxcxz .ret
	mov eax, [xsi + xcx*4]
	cmp eax, [xdi + xcx*4]
	jne .ret
	dec ecx
	jmp .l
.ret:	ret

; big_sub - big xsi -= big xdi (not above it). clobbers xax xcx xdx
big_sub:
	xor ecx, ecx
	xor edx, edx
.l:	inc ecx
	cmp ecx, [xsi]
	ja .norm
	mov eax, [xsi + xcx*4]
	sub eax, edx
	cmp ecx, [xdi]
	ja .nob
	sub eax, [xdi + xcx*4]
.nob:	xor edx, edx
	test eax, eax
	jns .ok
	add eax, 1000000000
	inc edx
.ok:	mov [xsi + xcx*4], eax
	jmp .l
.norm:	push xdi
	mov xdi, xsi
	call normalize
	pop xdi
	ret

; big_half - big xdi /= 2 (even). clobbers xax xcx xdx
big_half:
	mov ecx, [xdi]
	xor edx, edx
.l:	jxcxz normalize
	mov eax, [xdi + xcx*4]
	test edx, edx
	jz .n
	add eax, 1000000000
.n:	shr eax, 1
	setc dl
	mov [xdi + xcx*4], eax
	dec ecx
	jmp .l
; normalize - drop the zero limbs on top of big xdi. clobbers xcx
normalize:
	mov ecx, [xdi]
.l:	jxcxz .d
	cmp dword [xdi + xcx*4], 0
	jne .d
	dec ecx
	jmp .l
.d:	mov [xdi], ecx
	ret

; big_set1 - big xdi = 1
big_set1:
	mov dword [xdi], 1
	mov dword [xdi+4], 1
	ret

; ------------------------------------------------------------------
; parse_ld - C's strtold in the C locale on the whole string at xsi,
; correctly rounded (to nearest, ties to even) to the x87's 64-bit
; mantissa; the long double goes to xdi (a BSS address).
; out: eax = 0, 1 invalid (syntax, overflow, a subnormal), 2 nan.
; clobbers all but xsp (and xbx, xbp saved)
parse_ld:
	push xbx
	push xbp
	mov [dest], edi
	xor ecx, ecx            ; ecx: 1 a digit, 2 past the point, 4 sticky,
	xor ebx, ebx            ;   8 hex, 16 negative; ebx = digits kept
	xor ebp, ebp            ; ebp = exponent (of 10, or of 2 for hex)
.space:	lodsb
	cmp al, ' '
	je .space
	sub al, 9
	cmp al, 4
	jbe .space
	add al, 9
	cmp al, '-'
	jne .plus
	or cl, 16
	jmp .signed
.plus:	cmp al, '+'
	je .signed
	dec xsi
.signed:
	mov [sgn], cl
	mov edx, w_inf
	call match
	jne .not_inf
	mov edx, w_inity
	call match
	cmp byte [xsi], 0
	jne .invalid
	mov eax, 0x7fff
	mov edx, 0x80000000
	xor ebx, ebx
	jmp .store
.not_inf:
	mov edx, w_nan
	call match
	jne .number
	cmp byte [xsi], '('
	jne .nan_end
.nan_ch:			; nan(n-char-sequence)
	inc xsi
	mov al, [xsi]
	cmp al, ')'
	je .nan_close
	cmp al, '_'
	je .nan_ch
	or al, 0x20
	sub al, 'a'
	cmp al, 26
	jb .nan_ch
	add al, 'a' - '0'
	cmp al, 10
	jb .nan_ch
	jmp .invalid
.nan_close:
	inc xsi
.nan_end:
	cmp byte [xsi], 0
	jne .invalid
	mov eax, 2
	jmp .ret

.number:
	mov edi, [abase]        ; P, made of the digits as they come
	and dword [xdi], 0
	mov word [pbase], 0x0a0a        ; the digits' base, the exponent's
	skip_0x .digit			; hexadecimal: past the 0x
	or cl, 8
	mov word [pbase], 0x0210
.digit:	lodsb
	mov ah, al
	sub al, '0'
	cmp al, 9
	jbe .is_digit
	test cl, 8
	jz .point
	mov al, ah
	or al, 0x20
	sub al, 'a'
	cmp al, 5
	ja .point
	add al, 10
.is_digit:
	or cl, 1
	test ebx, ebx
	jnz .significant
	test al, al
	jz .place               ; a leading zero
.significant:
	mov edx, NDMAX
	test cl, 8
	jz .limit
	mov edx, NDHEX
.limit:	cmp ebx, edx
	jae .dropped
	call .put_digit
	inc ebx
.place:	test cl, 2
	jz .digit
	call .down
	jmp .digit
.dropped:
	test al, al
	jz .zero_dropped
	or cl, 4
.zero_dropped:
	test cl, 2
	jnz .digit
	call .up
	jmp .digit
.point:	cmp ah, '.'
	jne .mantissa
	bts ecx, 1
	jnc .digit
.mantissa:
	test cl, 1
	jz .invalid
	test cl, 4
	jz .exact
	mov al, 1               ; the dropped digits: one more, nonzero
	call .put_digit
	inc ebx
	call .down
.exact:	mov dh, ah
	or dh, 0x20
	mov al, 'e'
	test cl, 8
	jz .letter
	mov al, 'p'
.letter:
	cmp dh, al
	jne .at_end
	xor edx, edx            ; the exponent: edx, saturated
	lodsb
	mov ah, al              ; ah = its sign
	cmp al, '-'
	je .esign
	cmp al, '+'
	je .esign
	dec xsi
.esign:	push xcx
	xor ecx, ecx
	mov al, [xsi]
	sub al, '0'
	cmp al, 9
	ja .invalid_pop
.edigit:
	mov cl, [xsi]
	sub cl, '0'
	cmp cl, 9
	ja .edone
	inc xsi
	cmp edx, 100000000
	jae .edigit
	imul edx, edx, 10
	add edx, ecx
	jmp .edigit
.edone:	pop xcx
	cmp ah, '-'
	jne .eadd
	neg edx
.eadd:	add ebp, edx
	lodsb
	mov ah, al
.at_end:
	test ah, ah
	jnz .invalid
	test ebx, ebx
	jz .zero

; The value is P (ebx digits) times 10^ebp (2^ebp for hex): out of
; range (overflow, or far below the least subnormal) before any work.
	mov [sgn], cl
	test cl, 8
	jnz .hex_range
	lea eax, [xbx + xbp - 1]        ; the decimal exponent of the first digit
	cmp eax, 4933
	jg .invalid
	cmp eax, -4952
	jl .zero
	imul eax, eax, 217706           ; log2(10) * 65536
	sar eax, 16
	dec eax
	jmp .estimated
.hex_range:
	lea eax, [xbx*4 + xbp - 4]      ; the first digit's power of two
	cmp eax, 16390
	jg .invalid
	cmp eax, -16460
	jl .zero
.estimated:                     ; eax <= floor(log2 value) <= eax + 4
	neg eax
	add eax, 66
	mov [shift], eax        ; value * 2^shift is in [2^66, 2^71)

; P = the digits times the positive powers, then Q = the negative ones
; just past P's last limb (P does not grow any more).
	mov edi, [abase]
	call .pows
	push xdi
	mov eax, [xdi]
	lea edi, [xdi + xax*4 + 4]
	call big_set1
	neg ebp
	neg dword [shift]
	call .pows
	push 71
	pop xsi
	call mul_pow            ; (bl = 2)
	pop xsi

; 72 bits of the quotient, by shift and subtract: xsi = P, xdi = Q.
	xor eax, eax
	mov [qbits], eax
	mov [qbits+4], eax
	mov [qbits+8], eax
	mov ebp, 71
.div:	call big_cmp
	jb .zero_bit
	call big_sub
	bts [qbits], ebp
.zero_bit:
	test ebp, ebp
	jz .divided
	call big_half
	dec ebp
	jmp .div
.divided:
	bsr ecx, [qbits+8]
	add ecx, 64             ; the top bit (66..70)
	mov ebp, ecx
	sub ecx, 63             ; the shift to 64 bits
	mov eax, [qbits]
	mov edx, [qbits+4]
	mov ebx, [qbits+8]
	shrd eax, edx, cl
	shrd edx, ebx, cl
	dec ecx
	mov ebx, [qbits]
	bt ebx, ecx             ; the round bit
	jnc .rounded
	mov edi, 1
	shl edi, cl
	dec edi
	and ebx, edi
	or ebx, [xsi]           ; sticky: bits below, or a remainder
	jnz .round_up
	test al, 1
	jz .rounded
.round_up:
	add eax, 1
	adc edx, 0
	jnc .rounded
	mov edx, 0x80000000
	inc ebp
.rounded:
	add ebp, [shift]        ; the binary exponent (shift negated)
	mov ebx, eax
	lea eax, [xbp + 16383]
	cmp eax, 0x7fff
	jge .invalid
	test eax, eax
	jg .store
	cmp ebp, -16446
	jge .invalid            ; a subnormal: ERANGE, as glibc says
.zero:	xor eax, eax
	xor ebx, ebx
	xor edx, edx
.store:	mov edi, [dest]
	mov [xdi], ebx
	mov [xdi+4], edx
	test byte [sgn], 16
	jz .pos_sign
	or ah, 0x80
.pos_sign:
	mov [xdi+8], ax
	xor eax, eax
	jmp .ret
.invalid_pop:
	pop xcx
.invalid:
	mov eax, 1
.ret:	pop xbp
	pop xbx
	ret
; .pows - big xdi times (10 or 2)^ebp and 2^[shift], the positive ones
; (mul_pow does nothing for the others); bl = 2. clobbers xax xcx xdx xsi
.pows:	movzx ebx, byte [pbase+1]
	mov esi, ebp
	call mul_pow
	mov bl, 2
	mov esi, [shift]
	jmp mul_pow
; .put_digit - P = P * (10 or 16) + al (xdi = P). clobbers xax xdx
.put_digit:
	push xcx
	push xsi
	push xbx
	movzx ecx, al
	movzx ebx, byte [pbase]
	call big_mul
	pop xbx
	pop xsi
	pop xcx
	ret
; one more place of the digits: the exponent goes down (or up)
.down:	dec ebp
	test cl, 8
	jz .ret0
	sub ebp, 3
.ret0:	ret
.up:	inc ebp
	test cl, 8
	jz .ret0
	add ebp, 3
	ret

; ------------------------------------------------------------------
; decompose - the long double at xsi in decimal: dsign, dkind (0 finite,
; 1 inf, 2 nan), and for a finite one its exact digits (dstart, nd: no
; leading zero; none for 0; dstart = [abase] when none) and x10, the power
; of ten of the first. Its big integer starts at [abase], the digits just
; past its last limb. clobbers all but xbp
decompose:
	mov edi, [abase]
	mov [dstart], edi
	movzx eax, word [xsi+8]
	mov ecx, eax
	shr ecx, 15
	mov [dsign], cl
	and eax, 0x7fff
	mov ebx, [xsi]
	mov edx, [xsi+4]
	xor ecx, ecx
	mov [nd], ecx
	mov [x10], ecx
	cmp eax, 0x7fff
	jne .finite
	inc ecx
	add edx, edx
	or edx, ebx
	jz .kind
	inc ecx
.kind:	mov [dkind], cl
	ret
.finite:
	mov [dkind], cl
	mov ecx, ebx
	or ecx, edx
	jz .ret
	test eax, eax
	jnz .normal
	inc eax
.normal:
	sub eax, 16383 + 63     ; value = edx:ebx * 2^eax
.trim:	test eax, eax
	jns .trimmed
	test bl, 1
	jnz .trimmed
	shrd ebx, edx, 1
	shr edx, 1
	inc eax
	jmp .trim
.trimmed:
	push xax
	push xbx
	push xdx
	and dword [xdi], 0
	mov ebx, 65536
%rep 2				; edx's then ebx's two 16-bit halves, high first
	pop xcx
	push xcx
	shr ecx, 16
	call big_mul
	pop xcx
	movzx ecx, cx
	call big_mul
%endrep
	pop xsi
	push xsi
	mov ebx, 2
	test esi, esi
	jns .power
	neg esi
	mov bl, 5
.power:	call mul_pow
	pop xax
	test eax, eax
	js .dexp
	xor eax, eax
.dexp:	push xax
; the limbs in decimal, nine digits each, then past the leading zeros
	mov esi, edi
	mov ecx, [xsi]
	lea edi, [xsi + xcx*4 + 4]
	push xdi
	mov ebx, 10
.limb:	mov eax, [xsi + xcx*4]
	push xcx
	add edi, 9
	push xdi
	mov ecx, 9
.d9:	xor edx, edx
	div ebx
	add dl, '0'
	dec edi
	mov [xdi], dl
	loop .d9
	pop xdi
	pop xcx
	loop .limb
	pop xsi
.lead:	cmp byte [xsi], '0'
	jne .first
	inc esi
	jmp .lead
.first:	mov [dstart], esi
	sub edi, esi
	mov [nd], edi
	pop xax
	lea eax, [xax + xdi - 1]
	mov [x10], eax
.ret:	ret

; round_k - round the digits to ecx significant ones (signed; the digits
; past nd are zeros), to nearest, ties to even. clobbers xax xbx xcx xdx xsi
round_k:
	mov ebx, [nd]
	cmp ecx, ebx
	jge .ret
	test ecx, ecx
	js .zero
	mov esi, [dstart]
	mov [nd], ecx
	mov al, [xsi + xcx]
	cmp al, '5'
	jb .ret
	ja .up
	lea edx, [xcx + 1]
.sticky:
	cmp edx, ebx
	jae .tie
	cmp byte [xsi + xdx], '0'
	jne .up
	inc edx
	jmp .sticky
.tie:	jxcxz .ret
	test byte [xsi + xcx - 1], 1
	jz .ret
.up:	dec ecx
	js .carry
	inc byte [xsi + xcx]
	cmp byte [xsi + xcx], '9'
	jbe .ret
	mov byte [xsi + xcx], '0'
	jmp .up
.carry:	mov byte [xsi], '1'
	inc dword [x10]
	cmp dword [nd], 0
	jne .ret
	inc dword [nd]
.ret:	ret
.zero:	and dword [nd], 0
	ret

; fmt_num - the long double at xsi as printf's one directive (f_conv,
; f_flags, f_width, f_prec, f_case) writes it, NUL-terminated, in the
; arena from [abase] on (after decompose's work and the body): [cur_buf]
; = its start, xdi = its NUL. clobbers all but xbp
fmt_num:
	push xbp
	push xsi
	call decompose
	pop xsi
	mov byte [hexpfx], 0
	mov edi, [dstart]       ; the body just past the digits
	add edi, [nd]
	mov [bodyp], edi
	cmp byte [dkind], 0
	je .finite
	mov esi, w_inf
	cmp byte [dkind], 1
	je .special
	mov esi, w_nan
.special:
	mov ecx, 3
.sp:	lodsb
	xor al, [f_case]
	stosb
	loop .sp
	jmp .body_done
.finite:
	mov ebp, [f_prec]
	test ebp, ebp
	jns .prec
	mov ebp, 6
.prec:	mov al, [f_conv]
	cmp al, 'a'
	je .hexa
	cmp al, 'e'
	je .e
	cmp al, 'f'
	je .f
	test ebp, ebp           ; g: P significant digits
	jnz .g
	inc ebp
.g:	mov ecx, ebp
	call round_k
	mov eax, [x10]
	cmp eax, ebp
	jge .g_e
	cmp eax, -4
	jl .g_e
	sub ebp, eax
	dec ebp
	call emit_f
	call strip
	jmp .body_done
.g_e:	dec ebp
	call emit_e
	call strip
	call emit_exp
	jmp .body_done
.e:	lea ecx, [xbp + 1]
	call round_k
	call emit_e
	call emit_exp
	jmp .body_done
.f:	mov ecx, [x10]
	lea ecx, [xcx + xbp + 1]
	call round_k
	call emit_f
	jmp .body_done

; %a: the 64-bit mantissa as 16 hex digits (the first holds the top
; four bits), rounded to the precision (ties to even; a carry out of the
; first digit makes it 1 and the exponent 4 more); without a precision,
; up to the last nonzero digit. ebx = the exponent printed.
.hexa:
	mov byte [hexpfx], 1
	mov eax, [xsi]
	mov edx, [xsi+4]
	movzx ebx, word [xsi+8]
	and ebx, 0x7fff
	jnz .h_norm
	inc ebx
.h_norm:
	sub ebx, 16383 + 3
	mov ecx, eax
	or ecx, edx
	jnz .h_nz
	xor ebx, ebx            ; 0x0p+0
.h_nz:	push xdi
	mov edi, hexd
	mov ecx, 16
.h_dig:	push xcx
	mov ecx, edx
	shr ecx, 28
	mov [xdi], cl
	inc edi
	shld edx, eax, 4
	shl eax, 4
	pop xcx
	loop .h_dig
	mov esi, hexd
	mov ebp, [f_prec]
	test ebp, ebp
	js .h_full
	cmp ebp, 15
	jae .h_print
	lea ecx, [xbp + 1]
	mov al, [xsi + xcx]
	cmp al, 8
	jb .h_print
	ja .h_up
	lea edx, [xcx + 1]
.h_st:	cmp edx, 16
	jae .h_tie
	cmp byte [xsi + xdx], 0
	jne .h_up
	inc edx
	jmp .h_st
.h_tie:	test byte [xsi + xcx - 1], 1
	jz .h_print
.h_up:	dec ecx
	js .h_carry
	inc byte [xsi + xcx]
	cmp byte [xsi + xcx], 16
	jb .h_print
	mov byte [xsi + xcx], 0
	jmp .h_up
.h_carry:
	mov byte [xsi], 1
	add ebx, 4
	jmp .h_print
.h_full:
	mov ebp, 15
.h_z:	cmp byte [xsi + xbp], 0
	jne .h_print
	dec ebp
	jnz .h_z
.h_print:
	pop xdi
	mov al, [xsi]
	call hexch
	call point
	mov ecx, 1
.h_out:	cmp ecx, ebp
	ja .h_exp
	xor eax, eax
	cmp ecx, 16
	jae .h_zero
	mov al, [hexd + xcx]
.h_zero:
	call hexch
	inc ecx
	jmp .h_out
.h_exp:	mov al, 'p'
	xor al, [f_case]
	stosb
	mov al, '+'
	test ebx, ebx
	jns .h_pos
	neg ebx
	mov al, '-'
.h_pos:	stosb
	xchg eax, ebx
	call dec_out

; sign, padding, body
.body_done:
	mov ecx, edi
	sub ecx, [bodyp]        ; ecx = the body's length
	mov bl, [f_flags]
	mov dl, '-'
	cmp byte [dsign], 0
	jne .signed
	mov dl, '+'
	test bl, FL_PLUS
	jnz .signed
	mov dl, ' '
	test bl, FL_SPACE
	jnz .signed
	mov dl, 0
.signed:
	mov [cur_buf], edi      ; the number just past the body
	mov ebp, [f_width]
	sub ebp, ecx
	cmp dl, 1
	adc ebp, -1             ; ebp = the padding
	movzx eax, byte [hexpfx]
	sub ebp, eax
	sub ebp, eax
	mov al, ' '
	test bl, FL_MINUS
	jnz .left
	test bl, FL_ZERO
	jz .spaces
	cmp byte [dkind], 0
	jne .spaces
	call put_sign
	mov al, '0'
	call pad
	jmp .copy
.spaces:
	call pad
	call put_sign
.copy:	mov esi, [bodyp]
	rep movsb
	jmp .end
.left:	call put_sign
	mov esi, [bodyp]
	rep movsb
	call pad
.end:	mov byte [xdi], 0
	pop xbp
	ret

; hexch - the hex digit al (0..15) at xdi, a letter in f_case
hexch:	cmp al, 10
	jb .digit
	add al, 'a' - 10
	xor al, [f_case]
	stosb
	ret
.digit:	add al, '0'
	stosb
	ret

put_sign:
	test dl, dl
	jz .pfx
	mov [xdi], dl
	inc edi
.pfx:	cmp byte [hexpfx], 0    ; %a: 0x after the sign
	je .ret
	push xax
	mov ax, '0x'
	xor ah, [f_case]
	stosw
	pop xax
.ret:	ret
pad:	test ebp, ebp
	jle .ret
	push xcx
	mov ecx, ebp
	rep stosb
	pop xcx
.ret:	ret

; emit_f - the digits as %f with ebp fraction digits, at xdi
emit_f:
	mov eax, [x10]
	test eax, eax
	jns .int
	mov byte [xdi], '0'
	inc edi
.int:	xor ecx, ecx
	inc eax
	call emit_digits
	call point
	mov ecx, [x10]
	inc ecx
	mov eax, ebp
	jmp emit_digits
; emit_e - the mantissa of %e with ebp fraction digits
emit_e:	xor ecx, ecx
	mov eax, 1
	call emit_digits
	call point
	mov ecx, 1
	mov eax, ebp
; emit_digits - eax digits from index ecx (signed; zeros outside 0..nd-1)
emit_digits:
.l:	test eax, eax
	jle .ret
	mov dl, '0'
	cmp ecx, [nd]
	jae .z
	mov esi, [dstart]
	mov dl, [xsi + xcx]
.z:	mov [xdi], dl
	inc edi
	inc ecx
	dec eax
	jmp .l
.ret:	ret
; point - a '.' when ebp > 0 or with '#'
point:	test ebp, ebp
	jnz .yes
	test byte [f_flags], FL_HASH
	jz .ret
.yes:	mov byte [xdi], '.'
	inc edi
.ret:	ret
; emit_exp - e+XX (at least two digits)
emit_exp:
	mov al, 'e'
	xor al, [f_case]
	stosb
	mov eax, [x10]
	mov dl, '+'
	test eax, eax
	jns .pos
	neg eax
	mov dl, '-'
.pos:	mov [xdi], dl
	inc edi
	cmp eax, 10
	jae dec_out
	mov byte [xdi], '0'
	inc edi
; dec_out - eax in decimal at xdi. clobbers xax xbx xcx xdx
dec_out:
	xor ecx, ecx
	mov ebx, 10
.d:	xor edx, edx
	div ebx
	push xdx
	inc ecx
	test eax, eax
	jnz .d
.o:	pop xax
	add al, '0'
	stosb
	loop .o
	ret
; strip - %g without '#': no trailing zeros in the fraction, no lone point
strip:	test byte [f_flags], FL_HASH
	jnz .ret
	mov esi, [bodyp]
.find:	cmp esi, edi
	jae .ret
	lodsb
	cmp al, '.'
	jne .find
.zeros:	dec edi
	cmp byte [xdi], '0'
	je .zeros
	cmp byte [xdi], '.'
	je .ret
	inc edi
.ret:	ret

c_1e9:		dd 1000000000
c_200:		dw 200
op_one:		dq 0x8000000000000000   ; 1.0L, precision 0, width 1
		dw 0x3fff, 0
		dd 0, 1
		dq 0x8000000000000000
		dw 0x3fff, 0
		dd 0, 1
slots:		db 0, 2, 5              ; the operand lists by their count
slot_lists:	db 2*OPSZ+1, 0, 1, 2*OPSZ+1, 0, 1, OPSZ+1, 2*OPSZ+1, 0
flag_chars:	db "'0# +-"             ; bit = what repne leaves in ecx
conv_chars:	db 'efgaEFGA'
w_inf:		db 'inf', 0
w_inity:	db 'inity', 0
w_nan:		db 'nan', 0
one_str:	db '1', 0
nl_str:		db 10
empty_str:	db 0
LONGOPTS:	db 'w', 'equal-width', 0        ; (GNU's order)
		db 'f'|0x80, 'format', 0
		db 's'|0x80, 'separator', 0
		db '?', 'help', 0
		db '?', 'version', 0
		db 0
msg_missing:	db 'missing operand', 0
msg_fmt_w:	db 'format string may not be specified when printing equal width strings', 0
msg_invalid:	db 'invalid floating point argument: ', 0
msg_nan:	db "invalid 'not-a-number' argument: ", 0
msg_zero:	db 'invalid Zero increment value: ', 0
msg_write:	db 'write error', 0
msg_big:	db 'a width or precision over 65536 is not supported', 0
fmt_no_dir:	db F_ARGV0, ': format ', F_QUOTE, ' has no % directive', 10, 0
fmt_ends:	db F_ARGV0, ': format ', F_QUOTE, ' ends in %', 10, 0
fmt_unknown:	db F_ARGV0, ': format ', F_QUOTE, ' has unknown %', F_TEXT, ' directive', 10, 0
fmt_many:	db F_ARGV0, ': format ', F_QUOTE, ' has too many % directives', 10, 0

BSS
; The big buffers first; then what a short run touches, in one page with
; i386's argv0 and status: the globals, a small counter for the fast path,
; a small first output buffer, and the arena, whose work a short run keeps
; in its first few hundred bytes (its buffers lie one after another, each
; as long as its content: see parse_ld, decompose, fmt_num).
outbuf:		resb OUTSZ
pbuf:		resb PBUFSZ
pbuf_end:	resb 4
	BSS_ROOM 4096
	GLOBALS_HERE
nops:		resd 1
eqw:		resb 1
hasfmt:		resb 1
		resb 2
sep_len:	resd 1
sep_ptr:	resW 1
fmt_ptr:	resW 1
pre_s:		resW 1
pre_e:		resW 1
suf_s:		resW 1
q_ptr:		resW 1
f_flags:	resd 1
f_width:	resd 1
f_prec:		resd 1
f_conv:		resb 1
f_case:		resb 1
q_inf:		resb 1
sgn:		resb 1
dsign:		resb 1
dkind:		resb 1
hexpfx:		resb 1
		resb 1
hexd:		resb 16
tmp:		resd 1
outpos:		resd 1
outbase:	resd 1
outcap:		resd 1
pend:		resd 1
pstart:		resd 1
q_len:		resd 1
dest:		resd 1
abase:		resd 1
bodyp:		resd 1
pbase:		resb 2
		resb 2
shift:		resd 1
qbits:		resd 3
cur_buf:	resd 1
nd:		resd 1
x10:		resd 1
dstart:		resd 1
op_first:	resb OPSZ
op_step:	resb OPSZ
op_last:	resb OPSZ
x_val:		resb 16
i_val:		resb 16
tmp_val:	resb 16
x0:		resb 16
psmall:		resb 44
psmall_end:	resb 4
out_small:	resb OUTSMALL
arena:		resb ARENASZ

program_end
