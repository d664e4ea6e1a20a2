; seek - test program for lseek64: open argv[1], seek to its end, print
; the size as "HIGH LOW" (the two 32-bit halves) in decimal.
%include "subk.inc"
use lseek64, utoa, write_all
_start:
	mov xbx, [xsp+2*W]
	sys open, xbx, O_RDONLY|O_LARGEFILE
	jerr .bad
	xchg xax, A1
	xor eax, eax
	xor edx, edx
	mov cl, SEEK_END
	call lseek64
	js .bad
%if W == 4
	push eax                ; i386: edx:eax
	xchg eax, edx
%else
	mov edx, eax            ; x86_64: split rax
	push xdx
	shr rax, 32
%endif
	mov edi, buf+20
	call utoa
	mov byte [buf+20], ' '
	pop xax
	mov edi, buf+31
	call utoa
	mov byte [buf+31], 10
	sys write, 1, buf, 32
	exit 0
.bad:
	exit 3
BSS
buf:	resb 32
program_end
