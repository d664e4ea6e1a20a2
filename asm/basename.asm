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
; write error ("basename: write error" and the reason, which GNU's leaves
; out when glibc's stdio would hold no bytes at fclose: its buffer
; simulated, see .write).
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
%define SAY_EXIT write.exit1    ; (usage_say runs into say, say's write
%define ERR_TIGHT         ; returns there: exit 1)
use usage, opt_missing, extra_operand, write_xdi

fmt_no_operand:	db F_ARGV0, P_no_operand, 10, F_TRY     ; (F_TRY ends it)
fmt_write:	db F_ARGV0, P_write, F_REASON, 10, 0
%macro _own_ptexts 0                ; (error.inc packs them)
	ptext P_no_operand, ': missing operand'
	ptext P_write, ': write error'
%endmacro

; Each name in turn, popped: its line goes to xdi (from xbx, the first
; name, on), its terminator a NUL (the write puts ah in its place).
; xsi walks the name and its bytes other than "/" go out, but a run of
; them after a "/" starts the line again (xdx = the line's start): the
; last run stays, the "/"s after it go nowhere. A leading "/" goes out
; too, the line of a name of slashes only ("/"; "" gives ""). (The byte
; before a name is its NUL, or the terminator of the line before: never
; a "/". The line never passes the byte being read, so [xsi-2] is still
; the name's.)
lines:
.body:                          ; xcx = the name
	pmov xsi, xcx
	pmov xdx, xdi
	cmp byte [xsi], '/'
	jne .scan
	movsb
.scan:
	lodsb
	cmp al, '/'
	je .scan
	test al, al
	jz .scanned
	cmp byte [xsi-2], '/'
	jne .store
	pmov xdi, xdx           ; a run after a "/": the line again
.store:
	stosb
	jmp .scan

; The suffix (ecx bytes) goes when it is shorter than the line and ends
; it: the line then ends where it starts.
.scanned:                       ; al = 0
	pmov xsi, xbp
	or ecx, -1
.length:
	inc ecx
	cmp [xsi + xcx], al
	jne .length
	push xdi                ; the line's end, unless the suffix goes
	sub xdi, xcx
	cmp xdi, xdx
	jbe .whole              ; (the whole line, or more)
	push xdi
	repe cmpsb
	pop xdi
	jne .whole
	pop xcx
	push xdi
.whole:
	pop xdi
	stosb                   ; (al = 0)
.name:
	pop xcx
	jxcxz write
	jmp .body


; The lines, xbx up to xdi, each with its NUL, then one write. As GNU's
; fputs of each line and putchar of its terminator go through glibc's
; 4096-byte stdio buffer on a stdout whose every write fails: ebp = b +
; ecx, where b is the bytes that buffer would hold and ecx the bytes
; after the line (repne scasb finds its NUL, which becomes ah), so that
; t = b + L + 1 after a line of L bytes. Its fputs adds L when b + L is
; at most 4096, else leaves nothing (the flush fails, the rest is
; dropped); the first, before there is a buffer, goes out at once from
; 4096 bytes on: t above edx (4096, then 4097) leaves the terminator
; alone (1). Its putchar into a full buffer (t = 4097) leaves nothing (a
; failed flush, the byte dropped). GNU's close_stream gives the reason
; only when bytes are pending for fclose (b); else close's own, if any
; (EBADF when stdout is closed, none when it is open for reading only).
write:
	mov ecx, edi
	sub ecx, ebx            ; (the low halves are enough)
	pmov xdi, xbx
	mov ebp, ecx
	xor edx, edx
	mov dh, 4096 >> 8
.line:
	repne scasb             ; (al = 0)
	mov [xdi-1], ah
	sub ebp, ecx
	cmp ebp, edx
	jbe .fits
	push 1
	pop xbp
.fits:
	mov dl, 1               ; (4097)
	cmp ebp, edx
	jne .kept
	xor ebp, ebp
.kept:
	add ebp, ecx
	test ecx, ecx
	jnz .line

	pmov A2, xbx
	push 1
	pop xax
	call write_xdi
	jns .exit               ; (eax = 0: the status)
	test ebp, ebp           ; (b: ecx = 0)
	jnz .reason
	sys close               ; (A1 = 1; eax = 0 when it works)
.reason:
	mov esi, fmt_write      ; (eax = -errno, or 0)
	jmp short opts.say

; The exit, eax = the status: 0 after the lines; 1 after a message (say
; returns here: SAY_EXIT).
.exit1:
	mov al, 1               ; (the status is the low byte)
.exit:
	xchg eax, A1d
	sys exit

; (The lines, the write, _start, the options, then usage.inc: the jumps
; between them are short, but the one to the lines.)
; The registers are 0 at entry (see subk.inc): bl = 0 below.
_start:
	pop_argv0               ; xsp = &argv[1]: pop takes the arguments
	mov ah, 10              ; ah = the terminator: newline, or NUL (-z)
.no_suffix:                     ; xbp = the SUFFIX: none is "", the
	mov ebp, .no_suffix + 4 ; immediate's top byte (addresses < 16 MiB)
				; (bl = 1: every operand is a NAME: -a, -s)

; The options, up to the first operand (as GNU's getopt with "+as:z"):
; xcx = the argument, xsi walks it.
opts:
.arg:
	pop xcx
	jxcxz .operands
	pmov xsi, xcx
	dash_letter .operands          ; not "-X...": an operand
	cmp al, '-'
	jne .letter
	lodsb                   ; "--NAME": xdx = the argument
	test al, al
	pmov xdx, xcx
	jnz opt_unrecognized
	pop xcx                 ; "--": the next argument is the first operand
	jmp short .operands
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
.operands:                      ; xcx = the first operand, popped
	jxcxz .missing

; NAME [SUFFIX]: a second operand is the suffix (popped: not a name), a
; third is too many; the NULL after the names goes back, then the first.
	test bl, bl
	pmov xbx, xcx
	pmov xdi, xcx
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
