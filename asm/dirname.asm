; dirname - each NAME without its last component.
;
; Usage: dirname [-z] NAME...
;   -z  end each line with a NUL byte instead of a newline
; Trailing slashes are ignored, then the last component and the slashes
; before it are dropped: "a/b/" is "a", "///a///b///" is "///a", "a" is
; ".", "/", "//a" and "///" are "/", "" is ".". Options may follow names,
; "--" ends them.
; Exit status: 0; 1 for a missing operand, a bad option or a write error.
; Differences from GNU: long options (--zero, --help, --version) are not
; supported. Each line is written by itself (GNU's stdio gathers them into
; one write). With POSIXLY_CORRECT set GNU's getopt stops at the first
; operand; here options after operands still count.
;
; Each line is written from where its name lies on the stack: the result
; is a prefix of the name, so the terminator is stored just after it.
; Only the result "." comes from elsewhere: dot_line.

%include "subk.inc"
use usage, scan_flags, err_plain

_start:
	save_argv0
	lea xbp, [xsp+2*W]      ; xbp walks the operands
	mov xsi, xbp
	call scan_flags
	cmp WPTR [xbp], 0
	jne .have
	mov esi, msg_missing
	call err_plain
	jmp usage_try
.have:
	mov ah, 10              ; the terminator: newline, or NUL with -z
	test dl, 1
	jz .term
	mov ah, 0
.term:
	mov al, '.'
	mov [dot_line], ax      ; "." and the terminator

; xsi = the name, xdx = the length of its directory part.
.name:
	mov xsi, [xbp]
	test xsi, xsi
	jz .done
	add xbp, W
	movx A2, xsi
	call strlen             ; A3 is xdx on both arches
	call .trim_slashes      ; trailing slashes
.component:
	test xdx, xdx
	jz .trimmed
	cmp byte [xsi+xdx-1], '/'
	je .slashes
	dec xdx
	jmp .component
.slashes:
	call .trim_slashes      ; the slashes before the last component
.trimmed:
	test xdx, xdx
	jnz .write
	cmp byte [xsi], '/'     ; nothing left: "/" for an absolute name,
	jne .dot                ; else "."
	inc edx
.write:
	mov al, [dot_line+1]
	mov [xsi+xdx], al
	movx A2, xsi
	lea A3, [xdx+1]
	jmp .out
.dot:
	mov A2d, dot_line
	push 2
	pop A3
.out:
	push 1
	pop A1
	call write_all
	jns .name
	mov esi, msg_write
	call err_text
.done:
	exit_status

; .trim_slashes - xdx = length of xsi's name without its trailing slashes
.trim_slashes:
	test xdx, xdx
	jz .trim_ret
	cmp byte [xsi+xdx-1], '/'
	jne .trim_ret
	dec xdx
	jmp .trim_slashes
.trim_ret:
	ret

msg_missing:	db 'missing operand', 0
msg_write:	db 'write error', 0
OPTSPEC:	db 'z', 0

BSS
dot_line:	resb 2          ; the line of the result ".", with its terminator
TEXT

program_end
