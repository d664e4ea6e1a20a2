; yes - write a line again and again until the output fails.
;
; Usage: yes [STRING]...
; The line is the STRINGs joined by spaces, or "y" without any. There are
; no options: "--" (the first one) ends them and is dropped, "-" is a
; string, and any other argument starting with "-" before "--" is an error;
; with POSIXLY_CORRECT set the first string ends the options, as GNU's
; getopt does (`yes a -x` then writes "a -x", `yes a -- b` "a -- b").
; Exit status: 1 when the output cannot be written ("yes: standard output:
; REASON"), or on a bad option; yes never ends otherwise. A closed pipe
; ends it by SIGPIPE, silently, as GNU's.
; Differences from GNU: --help and --version are unrecognized options.
;
; The line is built in place over the argument strings (the kernel lays
; them out one after another on the stack, so joining them only moves bytes
; down), checking each argument for an option before it is moved, then
; copied as many times as fit into a buffer of BUFSIZE bytes on the stack,
; which is written over and over. A line longer than the buffer is written
; from where it was built.

%define FAST_SYSCALL            ; i386: the vDSO's entry from the second write on
%include "subk.inc"
%define ERR_LEAN                ; error.inc's smaller forms (no utoa here)
%define ERR_PACKED              ; (the formats' texts packed: see error.inc)
%define ERR_TIGHT               ; (its tightest form: see error.inc)
%define ERR_NO_TEXT             ; (its message is a format of its own)

BUFSIZE equ 8192                ; glibc's BUFSIZ, as GNU's yes
use usage

; (The data comes first, so the jumps to opt_invalid and opt_unrecognized
; after the code are short.)
default_line:	db 'y', 10
fmt_stdout:	db F_ARGV0, P_stdout, F_REASON, 10, 0
%macro _own_ptexts 0                ; (error.inc packs it)
	ptext P_stdout, ': standard output'
%endmacro

_start:
	fast_syscall_init later ; i386: int 0x80 for the first write (yes | head -1)
	pop_argv0               ; xsp = &argv[1]: pop takes the operands
	mov xbp, [xsp]          ; xbp = start of the line (0: no operand)
	pmov xdi, xbp
	posixly_mask            ; ecx = -1 with POSIXLY_CORRECT, xdx = 0

; Join the operands over themselves: xsi reads, xdi writes, each string's
; NUL becomes the separator, and the last one the newline. Until "--"
; (or, with POSIXLY_CORRECT set, the first string), an argument starting
; with "-" (but "-" alone) is an option, and every option is bad: "--NAME"
; unrecognized, "-C..." invalid.
.string:
	pop xsi
	test xsi, xsi
	jz .joined
	test xdx, xdx
	jnz .byte
	cmp byte [xsi], '-'
	jne .operand
	mov al, [xsi+1]
	test al, al
	jz .operand             ; "-" alone is a string
	cmp al, '-'
	jne opt_invalid         ; al = the letter
	pmov xdx, xsi
	cmp byte [xsi+2], 0
	jne opt_unrecognized    ; xdx = the argument
	jmp .string             ; the first "--" is dropped
.operand:
	or edx, ecx             ; (xdx was 0) POSIXLY_CORRECT: the options end
.byte:
	lodsb
	stosb
	test al, al
	jnz .byte
	mov byte [xdi-1], ' '
	jmp .string
.joined:
	mov edx, edi            ; (a line is far below 4 GiB)
	sub edx, ebp
	jnz .newline
	mov ebp, default_line
	mov dl, 2
	jmp .have_line
.newline:
	mov byte [xdi-1], 10

; xbp = the line, xdx = its length. Copies of it fill a buffer of BUFSIZE
; bytes on the stack (ebx counts the room left), unless it is longer.
.have_line:
	mov ebx, BUFSIZE
	cmp edx, ebx
	ja .write
	sub xsp, xbx
	pmov xdi, xsp
.copy:
	pmov xsi, xbp
	mov ecx, edx
	rep movsb
	sub ebx, edx
	cmp ebx, edx            ; room for one more copy?
	jae .copy
	pmov xbp, xsp
	mov edx, edi
	sub edx, ebp

; xbp = what to write, [xsp] its length. i386: from the 16th write on
; (edi counts down; write_all keeps it there) the kernel is entered through
; the vDSO's __kernel_vsyscall (~0.2 us against ~8 us for int 0x80: yes |
; head -c 200M ~2.5x faster); the first 15 are int 0x80, more than a pipe
; takes (64 KiB) before head -1 is gone, so that does not map its page.
.write:
	push xdx
%ifdef _VSYS_LATER
	push 16
	pop edi
.again:
	dec edi
	jnz .first
	fast_syscall_on
.first:
%else
.again:
%endif
	push 1
	pop A1
	pmov A2, xbp
	mov A3, [xsp]
	call write_all
	jns .again
	mov esi, fmt_stdout
	pmov xdx, xsi           ; (no ARG: any string will do)
	call say_error
	exit_status

program_end
