; dirname - each NAME without its last component.
;
; Usage: dirname [-z] NAME...
;   -z  end each line with a NUL byte instead of a newline
; Trailing slashes are ignored, then the last component and the slashes
; before it are dropped: "a/b/" is "a", "///a///b///" is "///a", "a" is
; ".", "/", "//a" and "///" are "/", "" is ".". Options may follow names,
; "--" ends them; with POSIXLY_CORRECT set the first name ends them, as
; GNU's getopt does (then "-z" and "--" after it are names).
; Exit status: 0; 1 for a missing operand, a bad option or a write error
; ("dirname: write error" and the reason, which GNU's leaves out when
; glibc's stdio would hold no bytes at fclose: its buffer simulated).
; Differences from GNU: long options (--zero, --help, --version) are not
; supported. Each line is written by itself (GNU's stdio gathers them into
; one write).
;
; The options are read first, the operands moved down to &argv[1] over
; them. Each line is then written from where its name lies on the stack:
; the result is a prefix of the name, so the terminator is stored just
; after it. Only the result "." comes from elsewhere: a line kept in the
; slot after the operands (at most envp[0]'s, which dirname does not need).

%include "subk.inc"
%define ERR_LEAN                ; error.inc's smaller forms (no utoa here)
%define ERR_PACKED              ; (the formats' texts packed: see error.inc)
%define ERR_TIGHT               ; (its tightest form: see error.inc)
%define ERR_NO_TEXT             ; (its messages are formats of its own)
use usage, strlen

; (The data first; the options come last, so that their jumps to usage.inc
; are short.)
fmt_missing:	db F_ARGV0, P_missing, 10, F_TRY        ; (F_TRY ends it)
fmt_write:	db F_ARGV0, P_write, F_REASON, 10, 0
%macro _own_ptexts 0                ; (error.inc packs them)
	ptext P_missing, ': missing operand'
	ptext P_write, ': write error'
%endmacro

; main: after the options (see _start, at the end): the operands at
; &argv[1] (xbx) up to xdi, at least one; ebp = the line "." and its
; terminator.
main:
; The names, from &argv[1] again; the line "." in the slot after them.
	scasW                   ; xdi += W: past the NULL
	mov [xdi], xbp
	mov xbp, xdi
	mov xsp, xbx
	xor ebx, ebx            ; GNU's stdio buffer, see .stdio

; xsi = the name. From its end (xdi, with std) repe/repne scasb go over:
; the slashes, the last component, the slashes before it; ecx counts
; the bytes left. No slash before the last component: ".". All slashes
; (or slashes before the last component and nothing before them): "/",
; the name's first byte. ZF=0 at the start stands for "no slash found"
; in an empty name.
.next:
	pop xsi
	test xsi, xsi
	jz .done
	movx A2, xsi
	call strlen             ; A3 is xdx on both arches
	lea xdi, [xsi+xdx-1]
	mov ecx, edx
	mov al, '/'
	test al, al             ; ZF=0
	std
	repe scasb              ; the trailing slashes
	repne scasb             ; the last component
	je .parent
	pmov xsi, xbp           ; no slash: "." (and ecx = 0)
.parent:
	repe scasb              ; the slashes before it
	cld
	mov al, [xbp+1]         ; the terminator after the ecx+1 bytes kept
	mov [xsi+xcx+1], al
	lea edx, [xcx+2]

; GNU's fwrite of the line, then putchar of its terminator, each as
; glibc's stdio does on a stdout whose every write fails: bx holds the
; bytes its 4096-byte buffer would hold (b), bits 16-23 of ebx the errno
; of a failed write (ebx = 0: the first line). The fwrite of L bytes:
; b += L when b + L is at most 4096, else b = 0 (the flush fails, the
; rest is dropped; the first fwrite, before there is a buffer, goes out
; at once from 4096 bytes on); putchar: b + 1, or 0 when b was 4096 (a
; failed flush, the byte dropped). At the end GNU's close_stream gives
; the reason only when bytes were pending for fclose (or its close fails
; too: EBADF).
	lea eax, [xdx-1]
	test ebx, ebx
	jnz .fwrite
	cmp eax, 4096
	jne .fwrite
	inc eax
.fwrite:
	movzx ecx, bx
	add ecx, eax
	mov eax, 4097
	cmp ecx, eax
	jb .putchar
	xor ecx, ecx
.putchar:
	inc ecx
	cmp ecx, eax
	jb .buffered
	xor ecx, ecx
.buffered:
	mov bx, cx
	movx A2, xsi
	push xbx
	push 1
	pop A1
	call write_all
	pop xbx
	jns .next
	neg eax
	shl eax, 16
	or ebx, eax
	jmp .next

.done:
	mov eax, ebx
	shr eax, 16
	jz .exit
	neg eax
	test bx, bx
	jnz .reason
	close_reason .reason, fmt_write
	pmov xdx, xsi           ; (no ARG: any string will do)
	call say_error
.exit:
	exit_status

; The options, last: their jumps to usage.inc are then short.
_start:
	pop_argv0               ; xsp = &argv[1]: pop takes the arguments
	mov ebp, 10 << 8 | '.'  ; the line "." and its terminator (NUL: -z)
	push xsp
	pop xbx                 ; xbx = &argv[1]
	push xsp
	pop xdi                 ; xdi = the next operand's slot
	posixly_mask            ; ecx = -1 with POSIXLY_CORRECT, xdx = 0

; The options, as GNU's getopt reads them: clusters of z ("-zz"), options
; after operands (with POSIXLY_CORRECT set the first operand ends the
; options, as it does there), "-" alone is an operand, the first "--" ends
; the options (and is dropped). Each argument is stored in the next
; operand's slot, which is kept (xdi advanced) only for an operand.
	option_walk .arg, .scanned, .letter
.letter:                        ; al = a letter, xsi past it
	cmp al, 'z'
	jne opt_invalid
	mov bp, '.'             ; (the rest of ebp is 0)
	lodsb
	test al, al
	jnz .letter
	jmp .arg
.scanned:
	cmp xdi, xbx
	jne main
	mov esi, fmt_missing    ; no operand
	mov edx, esi            ; (no ARG: any string will do)
	jmp short usage_say

program_end
