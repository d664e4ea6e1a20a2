; env - run a command in a modified environment, or print the environment.
;
; Usage: env [-i0] [-u NAME]... [-] [NAME=VALUE]... [COMMAND [ARG]...]
;   -i, -     start with an empty environment
;   -u NAME   remove NAME from the environment (repeatable; moot with -i)
;   -0        end each printed variable with NUL instead of newline
; Options end at the first operand. NAME=VALUE replaces the first NAME=...
; where it stands, or is added at the end. Without COMMAND the environment
; is printed, one variable a line. COMMAND is looked up as glibc's execvp
; does: a name with a '/' as it is, else in the PATH of the new environment
; (/bin:/usr/bin when it has none; an empty element is the current
; directory), going on past the errors that mean "not here" (ENOENT,
; ENOTDIR, ENODEV, ESTALE, ETIMEDOUT, and EACCES, which is reported if
; nothing better is found); a file the kernel cannot run (ENOEXEC) is run by
; /bin/sh.
; Exit status: COMMAND's; 125 for env's own errors (bad option, -u with a
; name that is empty or has a '=', -0 with COMMAND, a write error); 126 when
; COMMAND was found but could not be run; 127 when it was not found. A
; write error's message has the reason unless glibc's stdio would hold no
; bytes at fclose, as GNU's (its buffer simulated: see print_env.put).
; Differences from GNU: no -C, -S, -v and no long options. A PATH element
; that with COMMAND makes a name of 4096 bytes or more ends the search with
; "File name too long" (glibc skips such an element when it has 4096
; bytes or more by itself).
;
; The new environment is an array of pointers below the stack (xbp), a copy
; of envp; NAME=VALUE operands point into argv, and execve takes the array
; as it is. Printing writes the variables where they lie, each NUL replaced
; by the newline: variables that lie one after another (as the kernel lays
; out envp) go out in one write.

%include "subk.inc"
%define ERR_LEAN                ; error.inc's smaller forms (no utoa here)
%define ERR_PACKED              ; (the formats' texts packed: see error.inc)
%define ERR_NO_TEXT             ; (its messages are formats of its own)

%define USAGE_STATUS 125        ; the status of a usage error
%define EXIT_CANCELED      125  ; (numbers, so that sys pushes them)
%define EXIT_CANNOT_INVOKE 126
NAME_MAX           equ 255
PATH_MAX           equ 4096

; Below the array: [xbp+BAD] the first invalid -u NAME, then COMMAND's
; name; [xbp+EACCES_SEEN] nonzero once the PATH search met EACCES;
; [xbp+ARGS] COMMAND's argv slot.
BAD         equ -W
NAME        equ -W
EACCES_SEEN equ -2*W
ARGS        equ -3*W
; The PATH search's names are built in a buffer on the stack (so there is
; no RW segment): PATH_MAX (4096) bytes that end at an address with no low
; 13 bits set (so that its start has 0x1000 there), at or below xbp -
; PBUF_GAP (the search's calls and pushes stay above it: 8 words at most).
PBUF_GAP    equ 128

use usage, usage_try, opt_missing, quote_arg, errno_path, errno_exec

_start:
	mov eax, [xsp]
	lea xsi, [xsp + xax*W + 2*W]    ; envp
	mov xdi, xsi
.count:
	add xdi, W
	cmp WPTR [xdi-W], 0
	jne .count

; The array takes the place of a block as big as the kernel's from argc to
; envp's NULL: room for envp and an assignment in every argv slot, with at
; least three words to spare at the top, which the option loop's calls may
; use (xsp walks argv there).
	mov xcx, xdi
	sub xcx, xsi            ; envp with its NULL, in bytes
	sub xdi, xsp
	neg xdi
	add xdi, xsp            ; xsp - the block
	mov xbp, xdi
	rep movsb
	xor eax, eax
	mov [xbp+BAD], xax
	mov [xbp+EACCES_SEEN], xax
	pop_argv0               ; xsp = &argv[1]

; Options, as getopt reads "+0iu:": they end at the first operand, which
; stays at [xsp]; xsi reads an option. bl = the terminator of a printed
; variable (10, or 0 after -0), bh nonzero after -i. (-u's work comes
; first, so that every jump of the loop stays short.)
	push 10
	pop xbx
	jmp .arg

; -u NAME (xdx): a name that is empty or has a '=' is an error, reported
; after the options unless -i makes it moot; else every NAME=... leaves the
; array now (xsi reads it, xdi writes it back).
.unset:
	mov xsi, xdx
	lodsb
	test al, al
	jz .bad
.valid:
	cmp al, '='
	je .bad
	lodsb
	test al, al
	jnz .valid
	mov xsi, xbp
	mov xdi, xbp
.remove:
	mov xax, [xsi]
	add xsi, W
	mov [xdi], xax
	test xax, xax
	jz .arg
	call match
	je .remove
	add xdi, W
	jmp .remove
.bad:
	cmp WPTR [xbp+BAD], 0
	jne .arg
	mov [xbp+BAD], xdx      ; the first bad name is the one reported

.arg:
	mov xsi, [xsp]
	test xsi, xsi
	jz operands
	lodsb
	cmp al, '-'
	jne operands
	lodsb
	test al, al
	jz operands             ; "-"
	pop xdx
	cmp al, '-'
	jne .letter
	cmp byte [xsi], 0
	je operands             ; "--"
	jmp opt_unrecognized
.letter:
	cmp al, 'u'
	jne .not_u
	mov xdx, xsi            ; -uNAME
	cmp byte [xsi], 0
	jne .unset
	pop xdx                 ; -u NAME
	test xdx, xdx
	jnz .unset
	jmp opt_missing
.not_u:
	cmp al, '0'
	jne .not_nul
	mov bl, 0
	jmp .next
.not_nul:
	cmp al, 'i'
	jne opt_invalid
	mov bh, al
.next:
	lodsb
	test al, al
	jnz .letter
	jmp .arg

; xsp = the first operand's slot. "-" first is -i.
operands:
	mov xcx, [xsp]
	jxcxz .dash_done
	cmp word [xcx], '-'     ; "-" and its NUL
	jne .dash_done
	pop xcx
	mov bh, 1
.dash_done:
	test bh, bh
	jz .unset_errors
	and WPTR [xbp], 0       ; -i: the empty environment
	jmp .assign
.unset_errors:
	mov xdx, [xbp+BAD]
	test xdx, xdx
	jz .assign
	mov esi, fmt_unset
	push -EINVAL
	pop xax
	call say_error          ; xdx = the name
.canceled:
	exit EXIT_CANCELED

; NAME=VALUE operands replace the first NAME=... (xdi), or are appended.
.assign:
	pop xdx
	test xdx, xdx
	jz print_env
	mov xsi, xdx
.has_eq:
	lodsb
	cmp al, '='
	je .set
	test al, al
	jnz .has_eq
	push xdx
	jmp command
.set:
	mov xdi, xbp
.find:
	mov xax, [xdi]
	test xax, xax
	jz .append
	call match
	je .replace
	add xdi, W
	jmp .find
.append:
	mov [xdi+W], xax        ; xax = 0: the new end
.replace:
	mov [xdi], xdx
	jmp .assign

; No COMMAND: print the array, xsp walking it. [xsi, xdi) is the run of
; bytes not yet written; a variable that starts where it ends joins it.
print_env:
	mov xsp, xbp
	xor esi, esi
	xor edi, edi
	movzx ebx, bl           ; GNU's stdio buffer in the high word: see .put
.variable:
	pop xdx
	test xdx, xdx
	jz .last
	cmp xdx, xdi
	je .join
	call flush
	mov xsi, xdx
.join:
	mov xdi, xdx
	xor eax, eax
	or ecx, -1
	repne scasb             ; xdi past the NUL
	mov [xdi-1], bl         ; the terminator in its place

; GNU's printf ("%s%c") of the variable, as glibc's stdio does on a stdout
; whose every write fails: ebx's bits 16-28 hold the bytes its 4096-byte
; buffer would hold (b), bit 31 is set after the first variable. Its L
; bytes: b += L when b + L is at most 4096, then the terminator: b + 1,
; or 0 when b was 4096 (a failed flush, the byte dropped); else b = 0
; (the flush fails, the rest is dropped) and printf stops. The first one,
; before there is a buffer, goes out at once from 4096 bytes on. GNU's
; close_stream gives the reason only when bytes are pending at fclose.
.put:
	not ecx
	dec ecx                 ; L
	mov edx, ebx
	shr edx, 16
	bts edx, 15
	jc .fwrite
	cmp ecx, 4096
	jne .fwrite
	inc edx
.fwrite:
	add edx, ecx
	mov eax, 0x9001
	cmp edx, eax
	jae .dropped
	inc edx
	cmp edx, eax
	jb .buffered
.dropped:
	mov dx, 0x8000
.buffered:
	shl edx, 16
	mov dx, bx
	mov ebx, edx
	jmp .variable
.last:
	call flush
	movd eax, xmm5          ; -errno of a failed write (flush), or 0
	test eax, eax
	jz .ok
	test ebx, 0x7fff << 16  ; bytes pending for GNU's fclose: the reason
	jnz .reason
	close_reason .reason, fmt_write
	pmov xdx, xsi           ; (no ARG: any string will do)
	call say_error
	jmp operands.canceled
.ok:
	exit 0

; flush - write [xsi, xdi) to stdout. preserves xbx, xdx; clobbers the rest.
flush:
	push xbx
	push xdx
	span_args
	push 1
	pop A1
	call write_all
	pop xdx
	pop xbx
	jns .ret
	movd xmm5, eax          ; the variables still go to write, as GNU's
.ret:
	ret

; COMMAND: xsp = its argv slot, xdx = its name.
command:
	test bl, bl
	jnz .run
	mov esi, fmt_null       ; (xdx = COMMAND's name: a string)
	call say_error
	jmp usage_try
.run:
	mov [xbp+ARGS], xsp
	mov [xbp+NAME], xdx
	lea xsp, [xbp+ARGS]
	mov xsi, xdx
.scan:
	lodsb
	test al, al
	jz .scanned
	cmp al, '/'
	jne .scan
	mov esi, empty          ; a name with a '/': only that file,
	jmp .element            ; as the one, empty, element of a PATH
.scanned:
	sub esi, edx
	dec esi                 ; the name's length
	push -ENOENT
	pop xax
	jz fail                 ; "" is never found
	mov al, -ENAMETOOLONG
	cmp esi, NAME_MAX
	ja fail

; The PATH of the new environment, else the default.
	mov xdi, xbp
	mov esi, default_path
	mov edx, path_name
.getenv:
	mov xax, [xdi]
	test xax, xax
	jz .element
	add xdi, W
	call match
	jne .getenv
	lea xsi, [xax+5]

; Each element of PATH (xsi), then '/' unless it is empty, then the name,
; into the buffer; tried in turn.
.element:
	lea xdi, [xbp - PBUF_GAP - 2*PATH_MAX]
	and di, -PATH_MAX
	or di, PATH_MAX         ; the buffer's start: 0x1000 in the low 13 bits
.copy:
	lodsb
	cmp al, ':'
	je .copied
	test al, al
	jz .copied
	call put
	jmp .copy
.copied:
	push xsi                ; the rest of PATH
	push xax                ; al = ':' or NUL: was that the last element?
	test di, PATH_MAX - 1   ; at its start: an empty element (at its end,
	jz .name                ; the name's first byte is too long all the same)
	mov al, '/'
	call put
.name:
	mov xsi, [xbp+NAME]
.name_byte:
	lodsb
	call put
	test al, al
	jnz .name_byte
	lea A1, [xdi - 1]       ; (xdi is past the NUL: at most the end)
	and A1w, -PATH_MAX      ; the buffer's start (bits 13 and up as there)
	call try
	pop xdx
	pop xsi
	cmp al, -EACCES
	jne .other
	mov [xbp+EACCES_SEEN], al
.other:
	mov edi, not_here
	push NOT_HERE_COUNT
	pop xcx
	repne scasb
	jne fail
	test dl, dl
	jnz .element
	cmp [xbp+EACCES_SEEN], dl
	je fail                 ; the last error stands
	mov al, -EACCES

; eax = -errno: "env: 'NAME': REASON", status 127 for ENOENT, else 126;
; ENOENT for a name with white space adds a hint about #! lines.
fail:
	mov ebx, eax            ; -errno (say keeps xbx)
	mov xdx, [xbp+NAME]
	mov esi, fmt_fail
	call say_error
	cmp bl, -ENOENT
	mov bl, EXIT_CANNOT_INVOKE
	jne .exit
	inc ebx
	mov xsi, [xbp+NAME]
.space:
	lodsb
	test al, al
	jz .exit
	cmp al, ' '
	je .hint
	sub al, 9               ; \t \n \v \f \r
	cmp al, 4
	ja .space
.hint:
	mov esi, fmt_shebang
	pmov xdx, xsi           ; (no ARG: any string will do)
	call say_error
.exit:
	sys exit, ebx

; put - store al at xdi in the buffer; a name that does not fit (xdi at
; its end: no low 13 bits) is too long.
put:
	test di, 2*PATH_MAX - 1
	jz .too_long
	stosb
	ret
.too_long:
	push -ENAMETOOLONG
	pop xax
	jmp fail

; try - execve(A1, the command's argv, the new environment); when the file
; is not an executable format, run it as execvp does: /bin/sh FILE ARG...
; (FILE in the command's slot, /bin/sh in the one before).
; out: eax = -errno
try:
	push A1
	sys execve, A1, [xbp+ARGS], xbp
	pop xcx
	cmp eax, -ENOEXEC
	jne .ret
	mov xdx, [xbp+ARGS]
	push WPTR [xdx]
	mov [xdx], xcx
	mov A1d, bin_sh
	mov [xdx-W], A1
	lea A2, [xdx-W]
	sys execve, A1, A2, xbp
	mov xdx, [xbp+ARGS]
	pop WPTR [xdx]
.ret:
	ret

; match - does the variable at xax have the name at xdx (which ends at its
; '=' or NUL)? out: ZF=1 when it does.  clobbers: cl
match:
	push xax
	push xdx
.byte:
	mov cl, [xdx]
	cmp cl, '='
	je .end
	test cl, cl
	jz .end
	cmp cl, [xax]
	jne .ret
	inc xax
	inc xdx
	jmp .byte
.end:
	cmp byte [xax], '='
.ret:
	pop xdx
	pop xax
	ret

; The errors of a PATH element that let the search go on.
not_here:	db -ENOENT, -ENOTDIR, -ENODEV, -ESTALE, -ETIMEDOUT, -EACCES
NOT_HERE_COUNT equ $ - not_here
fmt_unset:	db F_ARGV0, P_unset, F_QUOTE, F_REASON, 10, 0
fmt_write:	db F_ARGV0, P_write, F_REASON, 10, 0
fmt_null:	db F_ARGV0, P_null, '(-0)', P_command, 10, 0
fmt_shebang:	db F_ARGV0, P_use, '[v]S', P_shebang, 10, 0
fmt_fail:	db F_ARGV0, ': ', F_QUOTE, F_REASON, 10
empty:		db 0
%macro _own_ptexts 0                ; (error.inc packs them)
	ptext P_unset, ': cannot unset '
	ptext P_write, ': write error'
	ptext P_null, ': cannot specify --null '
	ptext P_command, ' with command'
	ptext P_use, ': use -'
	ptext P_shebang, ' to pass options in shebang lines'
%endmacro
path_name:	db 'PATH', 0
default_path:	db '/bin:/usr/bin', 0
bin_sh:		db '/bin/sh', 0

program_end
