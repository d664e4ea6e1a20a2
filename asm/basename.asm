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
; --help, --version) are not supported. Each line is written by itself
; (GNU's stdio gathers them into one write).
;
; Each line is written from where its name lies on the stack: the result
; is a part of the name, so the terminator is stored just after it.

%include "subk.inc"
use usage, extra_operand, err_plain

A_FLAG equ 1                    ; the bits getopt's letter index sets in ebp
S_FLAG equ 2
Z_FLAG equ 4

_start:
	save_argv0
	getopt_init
	xor ebp, ebp
.option:
	call getopt
	jc .options_done
	bts ebp, ecx
	cmp al, 's'
	jne .option
	mov [suffix], xdx       ; the last -s wins
	jmp .option
.options_done:
	mov al, 10
	test ebp, Z_FLAG
	jz .term
	mov al, 0
.term:
	mov [terminator], al

; NAME [SUFFIX]: a second operand is the suffix, a third is too many.
	xchg ebx, ebp           ; ebx = the flags
	lea xbp, [xsp+2*W]      ; xbp walks the operands
	cmp WPTR [xbp], 0
	je .missing
	test bl, A_FLAG | S_FLAG
	jnz .name
	mov xdx, [xbp+W]
	test xdx, xdx
	jz .name
	mov [suffix], xdx
	mov xdx, [xbp+2*W]
	test xdx, xdx
	jnz extra_operand
	mov [xbp+W], xdx        ; the suffix is not a name

; xsi = the name, xdx = the length of it kept.
.name:
	mov xsi, [xbp]
	test xsi, xsi
	jz .done
	add xbp, W
	movx A2, xsi
	call strlen             ; A3 is xdx on both arches
.trim:                          ; trailing slashes
	test xdx, xdx
	jz .empty
	cmp byte [xsi+xdx-1], '/'
	jne .base
	dec xdx
	jmp .trim
.empty:
	cmp [xsi], dl           ; "" stays "", slashes only are "/"
	je .write
	inc edx
	jmp .write

; The last component starts after the last slash before xdx.
.base:
	mov xcx, xdx
.back:
	cmp byte [xsi+xcx-1], '/'
	je .found
	loop .back
.found:
	add xsi, xcx
	sub xdx, xcx

; The suffix goes when it is shorter than the result and ends it.
	mov xdi, [suffix]
	test xdi, xdi
	jz .write
	push xdi
	xor eax, eax
	or ecx, -1
	repne scasb
	not ecx
	dec ecx                 ; ecx = the suffix's length
	pop xdi
	cmp ecx, edx
	jae .write
	push xsi
	push xcx
	add xsi, xdx
	sub xsi, xcx
	repe cmpsb
	pop xcx
	pop xsi
	jne .write
	sub edx, ecx

.write:
	mov al, [terminator]
	mov [xsi+xdx], al
	movx A2, xsi
	lea A3, [xdx+1]
	push 1
	pop A1
	call write_all
	jns .name
	mov esi, msg_write
	call err_text
.done:
	exit_status

.missing:
	mov esi, msg_no_operand
	call err_plain
	jmp usage_try

msg_no_operand:	db 'missing operand', 0
msg_write:	db 'write error', 0
OPTSPEC:	db '+as:z', 0

BSS
suffix:		resW 1          ; the SUFFIX, or 0
terminator:	resb 1          ; newline, or NUL with -z
TEXT

program_end
