; printenv - print the environment, or the values of some variables.
;
; Usage: printenv [-0] [NAME]...
;   -0  end each line with NUL instead of newline
; Without NAME, every variable as it is (NAME=VALUE); else the value of each
; NAME, of every variable of that name when it is there twice. A NAME that
; is empty or contains '=' never matches. Options end at the first operand;
; -i and -u NAME are in GNU's option string but only lead to the usage
; error, as there.
; Exit status: 0; 1 when a NAME is not in the environment; 2 for a usage
; error or when the output cannot be written.
; Differences from GNU: no long options. One write per line, where GNU's
; stdio writes them together.

%include "subk.inc"

%define USAGE_STATUS 2
PRINTENV_FAILURE equ 2

use usage, opt_missing

_start:
	pop_argv0               ; xsp = &argv[1]

; Options, as getopt reads "+iu:0": they end at the first operand. xsp
; walks argv; bl = the line terminator.
	mov bl, 10
.arg:
	pop xdx
	test xdx, xdx
	jz .operand
	cmp byte [xdx], '-'
	jne .operand
	mov al, [xdx+1]
	test al, al
	jz .operand             ; "-"
	cmp al, '-'
	jne .letter
	cmp byte [xdx+2], 0
	je .operands            ; "--"
	jmp opt_unrecognized
.letter:
	inc xdx
	mov al, [xdx]
	test al, al
	jz .arg
	cmp al, '0'
	jne .not_nul
	mov bl, 0
	jmp .letter
.not_nul:
	cmp al, 'i'
	je .usage
	cmp al, 'u'
	jne opt_invalid
	cmp byte [xdx+1], 0     ; -uNAME, or -u NAME: a usage error
	jne .usage
	pop xdx
	test xdx, xdx
	jz opt_missing
.usage:
	jmp usage_try
.operand:
	push xdx                ; back in its slot
.operands:

; xsp = the first NAME's slot; xbp = envp, after argv's NULL.
	mov xbp, xsp
.argv_end:
	add xbp, W
	cmp WPTR [xbp-W], 0
	jne .argv_end
	cmp WPTR [xsp], 0
	jne .name
	mov xsp, xbp            ; no NAME: every variable, xsp walking envp
.all:
	pop xsi
	test xsi, xsi
	jz .exit
	call put
	jmp .all

; Each NAME (xdx): the value of every variable NAME=VALUE (xdi walks envp,
; xsi is the variable, ecx the length compared); bh = found one.
.name:
	pop xdx
	test xdx, xdx
	jz .exit
	mov bh, 0
	mov xdi, xbp
.variable:
	mov xsi, [xdi]
	add xdi, W
	test xsi, xsi
	jnz .compare
	test bh, bh
	jnz .name
	mov byte [status], 1
	jmp .name
.compare:
	xor ecx, ecx
.byte:
	mov al, [xdx+xcx]
	test al, al
	jz .name_end
	cmp al, '='
	je .variable
	cmp al, [xsi+xcx]
	jne .variable
	inc ecx
	jmp .byte
.name_end:
	test ecx, ecx
	jz .variable            ; "" matches nothing
	cmp byte [xsi+xcx], '='
	jne .variable
	lea xsi, [xsi+xcx+1]
	call put
	mov bh, 1
	jmp .variable
.exit:
	exit_status

; put - write the string at xsi and the terminator bl, which replaces its
; NUL while it is written. preserves xbx, xdx, xdi; clobbers the rest.
put:
	push xbx
	push xdx
	push xdi
	mov xdi, xsi
	xor eax, eax
	or ecx, -1
	repne scasb
	mov [xdi-1], bl
	push xdi
	mov A3, xdi
	sub A3, xsi
	movx A2, xsi
	push 1
	pop A1
	call write_all
	pop xcx
	mov byte [xcx-1], 0
	js .error
	pop xdi
	pop xdx
	pop xbx
	ret
.error:
	mov esi, msg_write_error
	call err_text
	exit PRINTENV_FAILURE

msg_write_error: db 'write error', 0

program_end
