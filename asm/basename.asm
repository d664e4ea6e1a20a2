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
%define ERR_PACKED              ; (the formats' texts packed: see error.inc)
%define ERR_NO_TEXT             ; (its two messages of its own go to say)
%define ERR_REASON_BARE         ; (fmt_write has the ": ")
%define USAGE_EXIT opts.exit     ; (usage.inc's exit is basename's)
use usage, opt_missing, extra_operand, write_xdi

; (The data comes first and the options last, so that the jumps from the
; options to usage.inc are short.)
fmt_no_operand:	db F_ARGV0, P_no_operand, 10, F_TRY     ; (F_TRY ends it)
fmt_write:	db F_ARGV0, P_write, F_REASON, 10, 0
%macro _own_ptexts 0                ; (error.inc packs them)
	ptext P_no_operand, ': missing operand'
	ptext P_write, ': write error: '
%endmacro

; The lines go from xbx (the first name) to xdi. xsi walks a name; xdx =
; the start of its last run of bytes other than "/", xcx = the end of it.
; A name without such a run gives "/" when it starts with one (slashes
; only), else "" (the empty name). (The byte before a name is never a
; "/": its NUL, or the terminator of the line before, is there.)
; (_start and the loop come first and the loop's test at its end, so that
; every jump from the options to it and to usage.inc is short.)
; The registers are 0 at entry (see subk.inc): bl = 0 below.
_start:
	pop_argv0               ; xsp = &argv[1]: pop takes the arguments
	mov ah, 10              ; ah = the terminator: newline, or NUL (-z)
.no_suffix:                     ; xbp = the SUFFIX: none is "", the
	mov ebp, .no_suffix + 4 ; immediate's top byte (addresses < 16 MiB)
	jmp short opts.arg      ; bl = 1: every operand is a NAME (-a, -s)

lines:
.body:                          ; xcx = the name
	pmov xdx, xcx
	pmov xsi, xcx
; The result's end starts at the name + 1, or + 0 for the empty name: a
; name with a byte other than "/" moves it, so the + 1 stays only for a
; name of slashes ("/"). (The length comes from the low halves.)
	cmp byte [xsi], 1       ; CF = the empty name
	sbb ecx, -1
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
	push xcx
	pmov xsi, xdx
	rep movsb
	pmov xsi, xbp           ; xsi = the suffix, edx = its length
	or edx, -1
.length:
	inc edx
	cmp [xsi + xdx], al     ; (al = 0: the name's NUL)
	jne .length
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
.name:
	pop xcx
	jxcxz .write
	jmp .body
.write:

	pmov A2, xbx
	push 1
	pop xax
	call write_xdi
	jns opts.exit            ; (eax = 0: the status)
	mov esi, fmt_write      ; (eax = -errno for F_REASON)
	jmp short opts.say


; The options, up to the first operand (as GNU's getopt with "+as:z"):
; xdx = the argument, xsi walks it.
opts:
.arg:
	pop xcx
	pmov xdx, xcx
	jxcxz .operands
	pmov xsi, xcx
	dash_letter .operands          ; not "-X...": an operand
	cmp al, '-'
	jne .letter
	lodsb                   ; "--NAME": xdx = the argument
	test al, al
	jnz opt_unrecognized
	pop xcx                 ; "--": the next argument is the first operand
	pmov xdx, xcx
	jmp short .operands
; The exit, eax = the status: 0 after the lines, 1 after a message (from
; usage.inc's USAGE_EXIT too: here, where both jumps to it are short).
.exit:
	xchg eax, A1d
	sys exit
.z:
	mov ah, 0
.next_letter:
	lodsb
	test al, al
	jz .arg
.letter:
	cmp al, 'z'
	je .z
	mov bl, 1               ; (-a, -s; any other letter is an error)
	cmp al, 'a'
	je .next_letter
	cmp al, 's'
	jne opt_invalid         ; al = the letter
	pmov xbp, xsi           ; -sSUFFIX: the rest of the word
	cmp [xsi], bh           ; (bh = 0)
	jne .arg
	pop xcx                 ; -s SUFFIX: the next argument
	jxcxz opt_missing       ; al = 's'
	pmov xbp, xcx
	jmp .arg
.operands:                      ; xdx = xcx = the first operand, popped
	jxcxz .missing

; NAME [SUFFIX]: a second operand is the suffix (popped: not a name), a
; third is too many; the NULL after the names goes back, then the first.
	test bl, bl
	pmov xbx, xdx
	pmov xdi, xdx
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
	jmp lines.name

.missing:
	mov esi, fmt_no_operand
.say:
	pmov xdx, xsi           ; (no ARG: any string will do)
	jmp usage_say           ; (exit 1)

program_end
