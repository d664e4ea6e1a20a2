; sleep - wait for the sum of the given time intervals.
;
; Usage: sleep NUMBER[SUFFIX]...
; NUMBER is read as C's strtod reads it: leading white space, a sign, a
; decimal fraction with an exponent (1.5, .5, 5., 2e-3), a hexadecimal one
; (0x1.8p1), or inf/infinity in any case (sleep for ever); SUFFIX is s
; (seconds, the default), m (minutes), h (hours) or d (days). A negative
; interval (other than -0) and "nan" are invalid. The arithmetic is C's
; double arithmetic, as GNU's: each number becomes a double, is multiplied
; by its suffix and added up; the sum is cut to whole seconds and the rest
; rounded up to a nanosecond (so 1.1 is 1 s and 100000001 ns, as GNU's;
; the fraction's product by 10^9 rounded to nearest first, as C's: 2.6 is
; 2 s and 600000001 ns).
; There are no options: "--" ends them, and any other argument starting
; with "-" is a bad option; with POSIXLY_CORRECT set the first operand
; ends the options, as GNU's getopt does (`sleep 1 -x` then says that -x
; is an invalid time interval, and so is the "--" of `sleep 1 -- 2`).
; Exit status: 0; 1 for a bad option, no argument at all ("sleep --" sleeps
; 0 s, as GNU's), or invalid intervals (each is named, then one Try line).
; Differences from GNU: --help and --version are unrecognized options. A
; number of more than 19 significant digits or with a huge exponent may
; come out a unit in the last place away from strtod's correctly rounded
; double (a nanosecond at most).
;
; The x87 does the arithmetic: the mantissa and its power of the base at
; 64-bit precision, rounded once to a double through memory, the rest at
; 53-bit precision. The wait is one clock_nanosleep (relative,
; CLOCK_REALTIME, 64-bit seconds on both arches; the kernel caps it at 292
; years, where GNU's waits 24 days at a time or pause()s for inf),
; restarted with the time left when a signal handler interrupts it; a stop
; (SIGSTOP, SIGCONT) does not shorten it. The timespec and the double of
; each number are on the stack; xbp points at the read-only data, so that
; each use of it is short.

%include "subk.inc"
%define ERR_LEAN                ; error.inc's smaller forms (no utoa here)
%define ERR_PACKED              ; (the formats' texts packed: see error.inc)
%define ERR_NO_TEXT             ; (its three messages are formats of its own)
%define ERR_NO_WRITE_ERRNOS     ; (it writes on stderr only: no write errors)
%define ERR_TIGHT               ; (the tightest form: see error.inc)
use usage, usage_try, quote_arg, match, errno_inval

LIMIT    equ 19                 ; significant digits kept: exact in 64 bits
IV_NEG   equ 1                  ; flags of an interval being read (bl):
IV_HEX   equ 2                  ;   a minus sign, 0x, past the point,
IV_FRAC  equ 4                  ;   a digit seen, a minus sign in the
IV_DIGIT equ 8                  ;   exponent
IV_ENEG  equ 16
IV_FRAC_BIT equ 2

%define D(label) xbp + label - data ; the data, through xbp

; interval - read one operand as strtod and GNU's sleep do.
; in:  xsi = the string, xbp = data
; out: CF=0: st0 = its value in seconds (pushed on the x87 stack);
;      CF=1: invalid, and one value pushed all the same
; clobbers: xax, xbx, xcx, xdx, xsi, xdi
; bl = flags, ecx = significant digits seen, edi = exponent (in digits,
; then in powers of the power's base), xdx = the base's row in bases.
interval:
	fldcw [D(cw_extended)]  ; the mantissa and its scaling: 64-bit precision
	fldz                    ; st0 = the mantissa
	xor ebx, ebx
	xor ecx, ecx
	xor edi, edi
.space:
	lodsb
	cmp al, ' '
	je .space
	sub al, 9               ; \t \n \v \f \r
	cmp al, 4
	jbe .space
	cmp al, '-' - 9         ; (al stays 9 less: it is not read after
	jne .plus               ; the sign)
	inc ebx                 ; IV_NEG
	mov al, '+' - 9
.plus:
	cmp al, '+' - 9
	je .signed_done
	dec xsi                 ; no sign: back to the first byte
.signed_done:

; inf or infinity, in any case: 1/0 over the mantissa 0
	lea edx, [D(word_inf)]
	call match
	jne .number
	inc edx
	call match              ; "inity" too, when it is all there
	fld1
	fdivrp st1, st0
	jmp .double

.number:
	lea edx, [D(bases)]
	skip_0x .digit          ; past a 0x
	or bl, IV_HEX
	add edx, BASE_ROW

; The mantissa: digits of the base and one point. A digit past LIMIT
; significant ones only moves the exponent (in the integer part): edi
; goes one place up for it, and one place down for a fraction digit.
; xsi is past the byte being looked at.
.digit:
	lodsb
	sub al, '0'
	cmp al, 9
	jbe .is_digit
	test bl, IV_HEX
	jz .point
	or al, 0x20             ; (only A-F and a-f come to 'a'-'0'..'f'-'0')
	sub al, 'a'-'0'
	cmp al, 5
	ja .point
	add al, 10
.is_digit:
	or bl, IV_DIGIT
	cmp ecx, LIMIT
	jae .place
	mov ah, al              ; leading zeros do not count
	or ah, cl
	jz .accumulate
	inc ecx
.accumulate:
	fimul word [xdx]        ; m = m * base + digit
	movzx eax, al
	push xax
	fiadd dword [xsp]
	pop xax
	dec edi
.place:
	inc edi
	test bl, IV_FRAC
	jz .digit
	dec edi
	jmp .digit
.bad_near:
	stc
	ret
.point:
	cmp byte [xsi-1], '.'
	jne .mantissa_end
	bts ebx, IV_FRAC_BIT
	jnc .digit
.mantissa_end:
	test bl, IV_DIGIT
	jz .bad_near
	movzx eax, byte [xdx+4]
	imul edi, eax           ; places -> powers of the power's base

; The exponent: e (decimal) or p (hexadecimal), a sign, digits; kept
; below 2^20 * 10 (far past what a double holds).
	mov al, [xsi-1]
	or al, 0x20
	cmp al, [xdx+5]
	jne .unread
	lodsb
	cmp al, '-'
	jne .exp_plus
	or bl, IV_ENEG
	mov al, '+'
.exp_plus:
	cmp al, '+'
	jne .exp_first
	lodsb
.exp_first:
	sub al, '0'
	cmp al, 9
	ja .bad_near            ; no digit: the e is left over
	push xdi
	xor edi, edi
.exp_digit:
	movzx eax, al
	bt edi, 20
	jc .exp_next
	imul edi, edi, 10
	add edi, eax
.exp_next:
	lodsb
	sub al, '0'
	cmp al, 9
	jbe .exp_digit
	test bl, IV_ENEG
	jz .exp_add
	neg edi
.exp_add:
	pop xax
	add edi, eax
.unread:
	dec xsi                 ; back to the byte after the number

; value = mantissa * base^exponent: the power by multiplying (exact up
; to 10^22), then one multiplication or division. A zero mantissa stays 0.
.scale:
	jxcxz .double
	fild word [xdx+2]       ; the power's base: 10 or 2
	fld1
	mov eax, edi
	cdq
	xor eax, edx
	sub eax, edx            ; |exponent|
	jz .powered
.power:
	fmul st0, st1
	dec eax
	jnz .power
.powered:
	fstp st1
	test edi, edi
	js .divide
	fmulp st1, st0
	jmp .double
.divide:
	fdivp st1, st0

; Through a double in memory, as strtod's result: overflow to inf,
; underflow to 0 or a subnormal. From here on C's double arithmetic. (The
; 8 bytes below xsp: sleep has no signal handler, the only thing that
; could write there.)
.double:
	fldcw [D(cw_double)]
	fstp qword [xsp - 8]
	fld qword [xsp - 8]

; The sign: -0 is fine, any other negative value is not (and -0 adds as 0).
.sign:
	test bl, IV_NEG
	jz .suffix
	ftst
	fnstsw ax
	sahf
	jne .bad

; The suffix: nothing, or one of s m h d and the end of the string.
.suffix:
	lodsb
	test al, al
	jz .ok
	cmp byte [xsi], 0
	jne .bad
	lea edi, [D(suffixes)]
	push 4
	pop xcx
	repne scasb
	jne .bad
	fimul dword [D(multipliers) + 4*xcx]
.ok:                            ; (CF=0: from the test, or the scasb that
	ret                     ; found the suffix: the x87 leaves it)
.bad:
	stc
	ret

; bases: a row for decimal, one for hexadecimal: the mantissa's base, the
; power's base, powers per place, the exponent letter
data:
BASE_ROW equ 6
bases:		dw 10, 10
		db 1, 'e'
		dw 16, 2
		db 4, 'p'
word_inf:	db 'inf', 0, 'inity', 0
suffixes:	db 'smhd'
multipliers:	dd 24*60*60, 60*60, 60, 1 ; by what repne scasb leaves in ecx
billion:	dd 1000000000
cw_extended:	dw 0x037f       ; x87 control: 64-bit precision, to nearest
cw_double:	dw 0x027f       ;   53-bit precision (C's double), to nearest
cw_chop:	dw 0x0e7f       ;   rounding toward zero
cw_up:		dw 0x0a7f       ;   rounding up
fmt_missing_op:	db F_ARGV0, P_missing_op, 10, F_TRY  ; (F_TRY ends it)
fmt_interval:	db F_ARGV0, P_interval, F_QUOTE, 10, 0
fmt_clock:	db F_ARGV0, P_clock, F_REASON, 10, 0
%macro _own_ptexts 0                ; (error.inc packs them)
	ptext P_missing_op, ': missing operand'
	ptext P_interval, ': invalid time interval '
	ptext P_clock, ': cannot read realtime clock'
%endmacro

; The code after the data: the operands (main), then _start and the
; option walk last, so that its jumps to usage.inc are short.
; Each operand: its value on top of the sum, added; an invalid one is
; reported (and added all the same: the sum is not used after it). It
; stays on the stack while interval reads it.
main:                           ; (from _start's option walk)
	mov xsp, xbx            ; (a push would overwrite the operands' NULL)
	fldz                    ; st0 = the sum
.next:
	pop xcx
	jxcxz .summed
	push xcx
	pmov xsi, xcx
	call interval
	pop xdx
	jnc .add
	lea esi, [D(fmt_interval)]
	call say_error          ; xdx = the operand (the x87 is left alone)
.add:
	faddp st1, st0
	jmp .next
.summed:
	test_status eax
	jne try

; The sum as a timespec at xdi = xsp, as gnulib's dtotimespec: seconds
; cut, the fraction times 10^9 rounded up. 2^63 seconds or more (inf) is
; the largest timespec: fistp gives 2^63 (negative) for those, and 2^63
; in the nanoseconds too.
	sub xsp, 16
	pmov xdi, xsp
	fldcw [D(cw_chop)]
	fld st0
	fistp qword [xdi]
	fild qword [xdi]
	fsubp st1, st0
	fldcw [D(cw_double)]    ; the product rounded to nearest, as C's
	fimul dword [D(billion)]
	fldcw [D(cw_up)]
	fistp qword [xdi+8]
	mov eax, [D(billion)]
	cmp [xdi+8], eax
	jb .ns_ok
	sub [xdi+8], eax        ; 10^9 ns is the next second
	add dword [xdi], 1
	adc dword [xdi+4], 0
.ns_ok:
	cmp byte [xdi+7], 0
	jns .sleep
	not dword [xdi]         ; 2^63 - 1 s
	not dword [xdi+4]
	dec eax
	mov [xdi+8], eax        ; 10^9 - 1 ns
	shl dword [xdi+12], 1

; Sleep; a signal handler's EINTR leaves the time still to wait at xsp.
.sleep:
	pmov A3, xsp            ; (2 bytes: x86_64's mov is 3)
	sys clock_nanosleep64, CLOCK_REALTIME, 0, A3, xsp
	cmp eax, -EINTR
	je .sleep
	test eax, eax
	jz .done
	lea esi, [D(fmt_clock)]  ; (eax = -errno; xdx = xsp, the timespec:
	call say_error          ; a string that say may read)
.done:
	exit_status

missing:                        ; no argument at all: _start comes here
	lea esi, [D(fmt_missing_op)]
	pmov xdx, xsi           ; (no ARG: any string will do)
	jmp short usage_say     ; (exit 1)
try:
	jmp usage_try

_start:
	pop_argv0               ; xsp = &argv[1]: pop takes the arguments
	mov ebp, data
	pop xcx                 ; no argument at all ("sleep --" sleeps 0)
	push xcx
	jxcxz missing

; The options, as GNU's getopt reads them, though sleep has none: an
; argument starting with "-" (but "-" alone) before the first "--" (or,
; with POSIXLY_CORRECT set, before the first operand) is a bad option.
; The "--" is dropped: each argument is stored in the next operand's
; slot, which is kept (xdi advanced) only for an operand.
	push xsp
	pop xbx                 ; xbx = &argv[1]
	push xsp
	pop xdi
	posixly_mask            ; ecx = -1 with POSIXLY_CORRECT, xdx = 0
	option_walk .arg, main, opt_invalid

program_end
