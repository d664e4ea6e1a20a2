; yes - write a line again and again until the output fails.
;
; Usage: yes [STRING]...
; The line is the STRINGs joined by spaces, or "y" without any. There are
; no options: "--" (the first one) ends them and is dropped, "-" is a
; string, and any other argument starting with "-" before "--" is an error.
; Exit status: 1 when the output cannot be written ("yes: standard output:
; REASON"), or on a bad option; yes never ends otherwise. A closed pipe
; ends it by SIGPIPE, silently, as GNU's.
; Differences from GNU: --help and --version are unrecognized options.
; With POSIXLY_CORRECT set GNU's getopt stops at the first operand; here
; options after operands still count.
;
; The line is built in place over the argument strings (the kernel lays
; them out one after another on the stack, so joining them only moves bytes
; down), then copied as many times as fit into a buffer of BUFSIZE bytes,
; which is written over and over. A line longer than the buffer is written
; from where it was built.

%include "subk.inc"

BUFSIZE equ 8192                ; glibc's BUFSIZ, as GNU's yes
use usage, scan_flags

_start:
	save_argv0
	lea xbp, [xsp+2*W]      ; xbp walks the operands
	mov xsi, xbp
	call scan_flags         ; OPTSPEC has no letters: only checks
	mov esi, default_line
	push 2
	pop xdx
	mov xdi, [xbp]
	test xdi, xdi
	jz .have_line

; Join the operands over themselves: xsi reads, xdi writes, each string's
; NUL becomes the separator, and the last one the newline.
	push xdi                ; [xsp] = start of the line
.string:
	mov xsi, [xbp]
	add xbp, W
	test xsi, xsi
	jz .joined
.byte:
	lodsb
	stosb
	test al, al
	jnz .byte
	mov byte [xdi-1], ' '
	jmp .string
.joined:
	mov byte [xdi-1], 10
	pop xsi
	mov edx, edi            ; (a line is far below 4 GiB)
	sub edx, esi

; xsi = the line, xdx = its length. xbp = what to write, [xsp] its length.
.have_line:
	mov xbp, xsi
	cmp edx, BUFSIZE
	ja .write
	mov edi, buf
	mov ebp, edi
.copy:
	mov ecx, edx
	push xsi
	rep movsb
	pop xsi
	lea xax, [xdi+xdx]
	cmp eax, buf+BUFSIZE    ; room for one more copy?
	jbe .copy
	mov edx, edi
	sub edx, ebp
.write:
	push xdx
.again:
	push 1
	pop A1
	mov A2, xbp
	mov A3, [xsp]
	call write_all
	jns .again
	mov esi, stdout_name
	call err_text
	exit_status

default_line:	db 'y', 10
stdout_name:	db 'standard output', 0
OPTSPEC:	db 0

BSS
buf:	resb BUFSIZE
TEXT

program_end
