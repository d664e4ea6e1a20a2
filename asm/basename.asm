; basename - the last component of a file name, maybe without a suffix.
;
; Usage: basename NAME [SUFFIX]
;        basename -a [-s SUFFIX] [-z] NAME...
;   -a         every operand is a NAME
;   -s SUFFIX  remove SUFFIX from each result (implies -a)
;   -z         end each line with a NUL byte instead of a newline
; Trailing slashes are ignored ("a/b/" is "b"); a name of slashes only is
; "/"; "" is "". A SUFFIX is removed only when it is a proper suffix of
; the result (not the whole of it), and never from "/". Options end at the
; first NAME, as GNU's ("basename a -a" is the NAME a and the SUFFIX -a);
; "--" ends them.
; Exit status: 0; 1 for a missing or extra operand, a bad option, or a
; write error.
; Differences from GNU: long options (--multiple, --suffix=S, --zero,
; --help, --version) are not supported. All the lines are written at once
; (GNU's stdio writes them in blocks of 4096 bytes).
;
; The lines are built in place over the names, which the kernel lays out
; one after another on the stack: a result is a part of its name, so the
; result and its terminator never pass the end of the name (its NUL).

%include "subk.inc"
%define ERR_LEAN                ; error.inc's smaller forms (no utoa here)
%define ERR_NO_STATUS           ; (each exit gives its own status)
use usage, opt_missing, extra_operand, strlen

; (The data comes first and the options last, so that the jumps from the
; options to usage.inc are short.)
fmt_no_operand:	db F_ARGV0, ': missing operand', 10, F_TRY     ; (F_TRY ends it)
msg_write:	db 'write error'
no_suffix:	db 0

_start:
	pop_argv0               ; xsp = &argv[1]: pop takes the arguments
	mov ah, 10              ; ah = the terminator: newline, or NUL (-z)
	mov ebp, no_suffix      ; xbp = the SUFFIX
	xor ecx, ecx            ; ch = 1: every operand is a NAME (-a, -s)
	jmp .arg

; The lines go from xbx (the first name) to xdi. xsi walks a name; xdx =
; the start of its last run of bytes other than "/", xcx = the end of it.
; A name without such a run gives "/" when it starts with one (slashes
; only), else "" (the empty name). (The byte before a name is never a
; "/": its NUL, or the terminator of the line before, is there.)
.name:
	pop xsi
	test xsi, xsi
	jz .write
	pmov xdx, xsi
	pmov xcx, xsi
	cmp byte [xsi], '/'
	jne .scan
	inc xcx
.scan:
	lodsb
	test al, al
	jz .scanned
	cmp al, '/'
	je .scan
	cmp byte [xsi-2], '/'
	jne .in_run
	lea xdx, [xsi-1]
.in_run:
	pmov xcx, xsi
	jmp .scan
.scanned:
	sub ecx, edx            ; ecx = the length of the result

; The result goes to the line; then the suffix goes when it is shorter
; than the result and ends it.
.copy:
	push xcx
	pmov xsi, xdx
	rep movsb
	pmov A2, xbp
	call strlen             ; xdx = the suffix's length
	movx xsi, A2            ; xsi = the suffix
	pop xcx
	sub ecx, edx
	jbe .term
	push xdi
	sub xdi, xdx
	mov ecx, edx
	repe cmpsb
	pop xdi
	jne .term
	sub xdi, xdx
.term:
	mov al, ah
	stosb
	jmp .name

.write:
	pmov A2, xbx
	sub edi, A2d            ; (the length: the low halves are enough)
	mov A3d, edi
	write_stdout msg_write, .exit   ; (eax = 0 when it worked)
	mov al, 1               ; the status (exit keeps its low byte)
.exit:
	xchg eax, A1d
	sys exit

; The options, up to the first operand (as GNU's getopt with "+as:z"):
; xdx = the argument, xsi walks it.
.arg:
	pop xsi
	pmov xdx, xsi
	test xsi, xsi
	jz .operands
	dash_letter .operands          ; not "-X...": an operand
	cmp al, '-'
	je .dashes
.letter:
	cmp al, 'z'
	jne .not_z
	mov ah, 0
	jmp .next_letter
.not_z:
	cmp al, 'a'
	je .multiple
	cmp al, 's'
	jne opt_invalid         ; al = the letter
	mov ch, 1
	pmov xbp, xsi           ; -sSUFFIX: the rest of the word
	cmp byte [xsi], 0
	jne .arg
	pop xbp                 ; -s SUFFIX: the next argument
	test xbp, xbp
	jnz .arg
	jmp opt_missing         ; al = 's'
.multiple:
	mov ch, 1
.next_letter:
	lodsb
	test al, al
	jnz .letter
	jmp .arg
.dashes:
	lodsb
	test al, al
	jnz opt_unrecognized    ; "--NAME"; xdx = the argument
	pop xdx                 ; "--": the next argument is the first operand
.operands:                      ; xdx = the first operand, popped
	test xdx, xdx
	jz .missing

; NAME [SUFFIX]: a second operand is the suffix (popped: not a name), a
; third is too many; the NULL after the names goes back, then the first.
	pmov xbx, xdx
	pmov xdi, xdx
	test ch, ch
	jnz .names
	pop xcx
	jxcxz .one
	pmov xbp, xcx
	pop xcx
	jxcxz .one
	pmov xdx, xcx
	jmp extra_operand
.one:
	push xcx                ; (NULL)
.names:
	push xbx
	jmp .name

.missing:
	mov esi, fmt_no_operand
	mov edx, esi            ; (no ARG: any string will do)
	jmp usage_say

program_end
