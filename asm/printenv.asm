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
; error or when the output cannot be written ("printenv: write error" and
; the reason, which GNU's leaves out when glibc's stdio would hold no bytes
; at fclose: its buffer simulated, see .put).
; Differences from GNU: no long options. One write per line, where GNU's
; stdio writes them together.

%include "subk.inc"
%define ERR_LEAN                ; error.inc's smaller forms (no utoa here)

%define USAGE_STATUS 2
%define PRINTENV_FAILURE 2

use usage, usage_try, opt_missing, strlen

; The code runs from _start (the options) down to the library; the loops
; over names and variables come first, so that every jump between the
; parts stays short.

; Each NAME in turn: [xsp] = envp (xbp's start, kept there during the
; pass), [xsp+W] = NAME's slot (0: no NAME, every variable whole, once).
; xbp walks envp, xsi is the variable, xdi the NAME. bh = the line
; terminator, bl = 1 until NAME matched; STATUS = 1 once a NAME did not.
names:
.exit:
	movd eax, xmm5          ; -errno of a failed write, or 0
	test eax, eax
	jz .status
	test ebx, 0x7fff << 16  ; bytes pending for GNU's fclose: the reason
	jnz .reason
	close_reason .reason, msg_write_error
	call err_text
	set_status PRINTENV_FAILURE, eax
.status:
	exit_status
.name_done:
	pop xbp
	pop xcx
	jxcxz .exit             ; every variable printed
	or_status bl, eax, al
	mov xcx, [xsp]
	jxcxz .exit
.name:
	push xbp
	mov bl, 1
.var:
	mov xsi, [xbp]
	add xbp, W
	test xsi, xsi
	jz .name_done
	mov xdi, [xsp + W]
	test xdi, xdi
	jz .put                 ; no NAME: the variable as it is

; The test of GNU's printenv: NAME's bytes, then '=' in the variable. A
; NAME with a '=' never matches, nor does an empty one.
	cmp byte [xdi], 0
	je .var
.compare:
	lodsb
	scasb
	jne .var
	cmp al, '='
	je .var
	cmp byte [xdi], 0
	jne .compare
	lodsb
	cmp al, '='
	jne .var
	mov bl, 0               ; the value, at xsi

; GNU's printf ("%s%c") of the string and the terminator, as glibc's
; stdio does on a stdout whose every write fails: ebx's bits 16-28 hold
; the bytes its 4096-byte buffer would hold (b), bit 31 is set after the
; first string. The string's L bytes: b += L when b + L is at most 4096,
; then the terminator: b + 1, or 0 when b was 4096 (a failed flush, the
; byte dropped); else b = 0 (the flush fails, the rest is dropped) and
; printf stops. The first string, before there is a buffer, goes out at
; once from 4096 bytes on. GNU's close_stream gives the reason only when
; bytes are pending at fclose (see .exit); xmm5 keeps the errno.
.put:
	movx A2, xsi
	call strlen             ; A3 = xdx = L
	lea xax, [A2 + A3]
	mov [xax], bh           ; the terminator in place of the NUL
	push xax
	mov ecx, ebx
	shr ecx, 16
	bts ecx, 15
	jc .fwrite
	cmp edx, 4096
	jne .fwrite
	inc ecx
.fwrite:
	add ecx, edx
	mov eax, 0x9001
	cmp ecx, eax
	jae .dropped
	inc ecx
	cmp ecx, eax
	jb .buffered
.dropped:
	mov cx, 0x8000
.buffered:
	shl ecx, 16
	mov cx, bx
	mov ebx, ecx

; Write the string and its terminator, then put the NUL back (the
; variable may be printed again); after a failed write the strings still
; go to write, as GNU's.
	movx A2, xsi
	inc A3d
	push xbx
	push 1
	pop A1
	call write_all
	pop xbx
	pop xcx
	mov byte [xcx], 0
	jns .var
	movd xmm5, eax
	jmp .var

msg_write_error: db 'write error', 0

; Options, as getopt reads "+iu:0": they end at the first operand, which
; stays at [xsp]. xsi reads an option; xbp = envp, found from argc.
_start:
	mov eax, [xsp]
	lea xbp, [xsp + xax*W + 2*W]
	pop_argv0               ; xsp = &argv[1]
	mov bh, 10
.arg:
	mov xsi, [xsp]
	test xsi, xsi
	jz names.name
	dash_letter names.name          ; not "-X...": an operand
	pop xdx
	cmp al, '-'
	jne .letter
	cmp byte [xsi], 0
	je names.name           ; "--"
	jmp opt_unrecognized
.letter:
	cmp al, '0'
	jne .not_nul
	mov bh, 0
.next:
	lodsb
	test al, al
	jnz .letter
	jmp .arg
.not_nul:
	cmp al, 'i'
	je .usage
	cmp al, 'u'
	jne opt_invalid
	cmp byte [xsi], 0       ; -uNAME, or -u NAME: a usage error
	jne .usage
	pop xcx
	jxcxz opt_missing
.usage:
	jmp usage_try

program_end
