; env - run a command in a modified environment, or print the environment.
;
; Usage: env [OPTION]... [-] [NAME=VALUE]... [COMMAND [ARG]...]
;   -i, --ignore-environment  start with an empty environment ("-" too)
;   -u, --unset=NAME          remove NAME from the environment (repeatable;
;                             moot with -i)
;   -0, --null                end each printed variable with NUL
;   -C, --chdir=DIR           change the working directory to DIR first
;   -S, --split-string=S      split S into arguments (GNU's -S grammar: blanks,
;                             '...' and "...", the escapes \c \f \n \r \t \v
;                             \# \$ \_ \\ \" \', # comments, ${NAME}); used in
;                             #! lines, where the kernel passes '-S a b' as one
;   -v, --debug               say what is done on stderr, as GNU's lines
; Long options take GNU getopt_long's unambiguous prefixes and messages.
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
; name that is empty or has a '=', -0 with COMMAND, -C without one or a
; directory it cannot enter, a bad -S string, a write error); 126 when
; COMMAND was found but could not be run; 127 when it was not found. A
; write error's message has the reason unless glibc's stdio would hold no
; bytes at fclose, as GNU's (its buffer simulated: see print_env.put).
; Differences from GNU: --default-signal, --ignore-signal, --block-signal
; and --list-signal-handling are refused ("unrecognized option", 125), as
; are --help and --version. A PATH element that with COMMAND makes a name
; of 4096 bytes or more ends the search with "File name too long" (glibc
; skips such an element when it has 4096 bytes or more by itself).
;
; The new environment is an array of pointers below the stack (xbp), a copy
; of envp; NAME=VALUE operands point into argv, and execve takes the array
; as it is. Printing writes the variables where they lie, each NUL replaced
; by the newline: variables that lie one after another (as the kernel lays
; out envp) go out in one write. -S's words go to a brk heap and a new argv
; below the array, which moves below it (see split).

%include "subk.inc"
%define ERR_LEAN                ; error.inc's smaller forms (no utoa here)
%define ERR_PACKED              ; (the formats' texts packed: see error.inc)
%define ERR_NO_TEXT             ; (its messages are formats of its own)
%define LONGOPT_AMBIGUOUS       ; (--i: --ignore-environment, --ignore-signal)
%define LONGOPT_OPTIONAL        ; (--default-signal[=SIG]... to refuse them)

%define USAGE_STATUS 125        ; the status of a usage error
%define EXIT_CANCELED      125  ; (numbers, so that sys pushes them)
%define EXIT_CANNOT_INVOKE 126
NAME_MAX           equ 255
PATH_MAX           equ 4096

; Below the array, words at xbp-W.. xbp-8*W: NAME COMMAND's name (and -S's
; string while its words are listed); EACCES_SEEN nonzero once the PATH
; search met EACCES; ARGS COMMAND's argv slot; DEBUG nonzero after -v;
; CHDIR -C's DIR or 0; ENVP the environment env was given (-S's ${NAME});
; ULIST the lowest word of the -u list, which grows down from LIST_TOP (the
; names, checked and removed after the options, as GNU's unsetenv);
; HEAP_END the end of the brk heap while -S splits, then its word count.
NAME        equ -W
EACCES_SEEN equ -2*W
ARGS        equ -3*W
DEBUG       equ -4*W
CHDIR       equ -5*W
ENVP        equ -6*W
ULIST       equ -7*W
HEAP_END    equ -8*W
LIST_TOP    equ -8*W
SLOTS       equ 8
; The PATH search's names are built in a buffer on the stack (so there is
; no RW segment): PATH_MAX (4096) bytes that end at an address with no low
; 13 bits set (so that its start has 0x1000 there), at or below xbp -
; PBUF_GAP (the search's calls and pushes stay above it: 8 words at most).
PBUF_GAP    equ 128

use usage, usage_try, opt_missing, quote_arg, err_file, errno_path, errno_exec
use long_opt

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
	mov xdx, xsi
	rep movsb
	lea xdi, [xbp+LIST_TOP]
	push SLOTS
	pop xcx
	xor eax, eax
	rep stosW
	mov [xbp+ENVP], xdx
	lea xax, [xbp+LIST_TOP]
	mov [xbp+ULIST], xax
	pop_argv0               ; xsp = &argv[1]

; Options, as getopt_long reads "+C:iS:u:v0" and the long ones: they end
; at the first operand, which stays at [xsp]; xsi reads an option. bl =
; the terminator of a printed variable (10, or 0 after -0), bh nonzero
; after -i.
	push 10
	pop xbx
	jmp .arg

; -u NAME (xdx): onto the list, checked and done after the options.
.unset:
	mov xax, [xbp+ULIST]
	sub xax, W
	mov [xax], xdx
	mov [xbp+ULIST], xax
	jmp .arg
.chdir:
	mov [xbp+CHDIR], xdx
	jmp .arg

; --NAME[=VALUE]: long_opt reads it with xbx = the next slot.
.long:
	push xdx                ; the whole argument
	push xbx
	lea xbx, [xsp+2*W]
	call long_opt           ; al = the code, xdx = the argument
	pop xcx
	pop xsi
	mov xsp, xbx
	xchg xbx, xcx
	cmp al, 1
	jne .long_known
	mov xdx, xsi            ; --default-signal and the like: refused
	jmp opt_unrecognized
.long_known:
	mov esi, empty          ; (a flag: then the next argument)

; al = an option letter with its argument in xdx (u C S), or a flag.
.with_arg:
	cmp al, 'u'
	je .unset
	cmp al, 'C'
	je .chdir
	cmp al, 'S'
	je split
	cmp al, '0'
	jne .not_nul
	mov bl, 0
	jmp .next
.not_nul:
	cmp al, 'i'
	jne .not_i
	mov bh, al
	jmp .next
.not_i:
	cmp al, 'v'
	jne .not_v
	mov [xbp+DEBUG], al
	jmp .next
.not_v:
	lea ecx, [eax-9]        ; \t \n \v \f \r and space: a #! line's
	cmp cl, 4               ; options in one argument
	jbe .space
	cmp al, ' '
	jne opt_invalid
.space:
	mov esi, fmt_space
	jmp opt_letter
.next:
	lodsb
	test al, al
	jz .arg
.letter:
	mov edi, arg_letters
	push 3
	pop xcx
	repne scasb
	jne .with_arg
	mov xdx, xsi            ; -uNAME
	cmp byte [xsi], 0
	jne .with_arg
	pop xdx                 ; -u NAME
	test xdx, xdx
	jnz .with_arg
	jmp opt_missing

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
	jne .long
				; "--"
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
	jz .unsets
	mov eax, fmt_cleaning
	call dbg
	and WPTR [xbp], 0       ; -i: the empty environment
	jmp .assign

; The -u list, in order: a name that is empty or has a '=' is an error;
; else every NAME=... leaves the array (xsi reads it, xdi writes it back).
.unsets:
	lea xax, [xbp+LIST_TOP]
.unset_next:
	cmp xax, [xbp+ULIST]
	je .assign
	sub xax, W
	push xax
	mov xdx, [xax]
	mov eax, fmt_unset_dbg
	call dbg
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
	jz .removed
	call match
	je .remove
	add xdi, W
	jmp .remove
.removed:
	pop xax
	jmp .unset_next
.bad:
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
	mov eax, fmt_setenv
	call dbg
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
	cmp WPTR [xbp+CHDIR], 0
	je .print
	mov esi, fmt_need_cmd
	pmov xdx, xsi           ; (no ARG: any string will do)
	jmp usage_say
.print:
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
; -C DIR, then -v's lines, on a stack below the -u list (say's buffer must
; not reach the array). DIR is quoted as quoteaf: always (the _q formats
; when quote() quotes it, the _p ones else: both pairs AF_DELTA apart).
	mov xsp, [xbp+ULIST]
	sub xsp, 64
	mov xdx, [xbp+CHDIR]
	test xdx, xdx
	jz .here
	call af_quoted
	sbb ebx, ebx
	and ebx, AF_DELTA
	lea eax, [ebx + fmt_chdir_dbg_p]
	call dbg
	push xbx
	push xdx
	sys chdir, xdx
	pop xdx
	pop xbx
	lea esi, [ebx + fmt_chdir_p]
	test eax, eax
	jns .here
	jmp split.say_die
.here:
	mov xsi, [xbp+ARGS]
	mov xdx, [xsi]
	mov eax, fmt_exec
	call dbg
	xor ebx, ebx
.arg_line:
	mov xdx, [xsi]
	test xdx, xdx
	jz .lines_done
; "   arg[N]= " F_QUOTE 10 0 made below the -u list, from its end back.
	mov xdi, [xbp+ULIST]
	sub xdi, 16
	mov dword [xdi], ']= ' | (F_QUOTE << 24)
	mov word [xdi+4], 10
	mov eax, ebx
	push 10
	pop xcx
.digit:
	xor edx, edx
	div ecx
	add dl, '0'
	dec xdi
	mov [xdi], dl
	test eax, eax
	jnz .digit
	sub xdi, 7
	mov dword [xdi], '   a'
	mov dword [xdi+3], 'arg['
	mov xax, xdi
	mov xdx, [xsi]
	call dbg
	inc ebx
	add xsi, W
	jmp .arg_line
.lines_done:
	mov xdx, [xbp+NAME]
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

; split - -S's string (xdx), as GNU's build_argv: its words go to the brk
; heap (after a NUL: "\0w1\0w2\0"); then a new argv of the words and the
; arguments not read yet (xsp), at A below the -u list, and the slots, the
; list and the array copied below A with room for n more assignments; the
; options are read again from A. The splitting runs on a stack below the
; list (its calls must not reach the array). bl = 1 after a separator (the
; next byte starts a word), bh = the open quote or 0, the word count in
; ebx's high half.
split:
	mov xax, xsp
	mov xsp, [xbp+ULIST]
	sub xsp, 64
	push xax                ; the arguments not read yet
	push xbx                ; the option flags
	mov [xbp+NAME], xdx     ; (for -v's "split -S:" line)
	mov xsi, xdx
	sys brk, 0
	mov [xbp+HEAP_END], xax
	push xax                ; the heap's start
	xchg xdi, xax
	push 1
	pop xbx
.loop:
	lodsb
	test al, al
	jz .end
	cmp al, "'"
	je .quote
	cmp al, '"'
	je .quote
	lea ecx, [eax-9]
	cmp cl, 4
	jbe .white
	cmp al, ' '
	je .white
	cmp al, '#'
	je .hash
	cmp al, '\'
	je .backslash
	cmp al, '$'
	je .dollar
.add:
	call start_word
	call putb
	jmp .loop
.quote:
	test bh, bh
	jz .open
	cmp bh, al
	jne .add                ; the other quote: a byte of the word
	mov al, 0
.open:
	mov bh, al
	call start_word
	jmp .loop
.white:
	test bh, bh
	jnz .add
	mov bl, 1
	jmp .loop
.hash:
	test bl, bl
	jz .add
	jmp .eos                ; '#' at a word's start: a comment
; In '...' only \\ and \' are escapes.
.backslash:
	mov al, [xsi]
	cmp bh, "'"
	jne .escape
	cmp al, '\'
	je .escape
	cmp al, "'"
	je .escape
	mov al, '\'
	jmp .add
.escape:
	inc xsi
	mov edx, fmt_bs_end
	test al, al
	jz .die
	mov edx, esc_table
.esc_find:
	cmp [xdx], al
	je .esc_found
	inc edx
	inc edx
	cmp byte [xdx], 0
	jne .esc_find
	cmp al, '_'
	jne .not_sep
	cmp bh, '"'
	mov al, ' '             ; \_ in "...": a space
	je .add
	mov bl, 1               ; else a separator
	jmp .loop
.not_sep:
	cmp al, 'c'
	jne .bad_seq
	cmp bh, '"'
	jne .eos                ; \c: the end
	mov edx, fmt_bs_c
	jmp .die
.bad_seq:
	mov ah, 0
	push xax
	pmov xdx, xsp
	mov esi, fmt_bad_seq
	jmp .say_die
.esc_found:
	mov al, [xdx+1]
	jmp .add
; ${NAME} (else GNU's error, the rest of the string from the '$'): NAME
; looked up in the environment env was given; its value is a word's bytes.
.dollar:
	cmp bh, "'"
	je .add
	lea xdx, [xsi-1]
	cmp byte [xsi], '{'
	jne .bad_var
	inc xsi
	push xsi                ; NAME
	mov al, [xsi]
	call name_byte
	jc .bad_var
	cmp al, '9'
	jbe .bad_var            ; (a digit first)
.name:
	lodsb
	call name_byte
	jnc .name
	pop xcx                 ; NAME
	cmp al, '}'
	jne .bad_var
	push xsi                ; past the '}'
	lea xax, [xsi-1]
	sub xax, xcx
	push xax                ; NAME's length
; xcx = NAME, [xsp] its length: the environment's first NAME=VALUE.
	mov xdx, [xbp+ENVP]
.getenv:
	mov xax, [xdx]
	add xdx, W
	test xax, xax
	jz .unset
	push xsi
	push xdi
	mov xsi, xcx
	mov xdi, xax
	push xcx
	mov xcx, [xsp+3*W]
	repe cmpsb
	pop xcx
	jne .other
	cmp byte [xdi], '='
.other:
	lea xax, [xdi+1]
	pop xdi
	pop xsi
	jne .getenv
	push xax                ; VALUE
	mov al, 0
	call start_word
	mov eax, fmt_expanding
	call dbg_name
	pop xdx
	mov eax, fmt_quoted
	call dbg
.value:
	mov al, [xdx]
	test al, al
	jz .expanded
	call putb
	inc xdx
	jmp .value
.unset:
	push xax                ; (dbg_name's length at [xsp+W])
	mov eax, fmt_replacing
	call dbg_name
	pop xax
.expanded:
	pop xax
	pop xsi
	jmp .loop
.bad_var:
	mov esi, fmt_var
	jmp .say_die

.end:
	mov edx, fmt_quote
	test bh, bh
	jnz .die
.eos:
	mov al, 0
	call putb
	shr ebx, 16
	jz .none
	mov [xbp+HEAP_END], xbx
	pop xsi
	inc xsi                 ; the first word
; The new argv at A: the words, then the rest of the arguments (xdx).
	mov xdx, [xsp+W]
	mov xcx, xdx
.rest_len:
	add xcx, W
	cmp WPTR [xcx-W], 0
	jne .rest_len
	sub xcx, xdx
	lea xcx, [xcx + xbx*W]  ; the new argv, in bytes
	mov xdi, [xbp+ULIST]
	sub xdi, 256
	sub xdi, xcx
	push xdi                ; A
	mov ecx, ebx
.word:
	mov [xdi], xsi
	add xdi, W
.skip:
	lodsb
	test al, al
	jnz .skip
	loop .word
.rest:
	mov xax, [xdx]
	add xdx, W
	stosW
	test xax, xax
	jnz .rest
; The slots, the list and the array (to its NULL: xsi) move to end 256
; bytes and the new argv's size below A (room for n more assignments).
	mov xsi, xbp
.array_end:
	lodsW
	test xax, xax
	jnz .array_end
	pop xax                 ; A
	neg xdi                 ; (-the new argv's end)
	lea xdi, [xdi + xax*2 - 256]
	mov xcx, xsi
	mov xsi, [xbp+ULIST]
	sub xcx, xsi
	sub xdi, xcx
	push xax
	mov xax, xdi
	sub xax, xsi            ; how far they move
	rep movsb
	add xbp, xax
	add [xbp+ULIST], xax
	pop xax                 ; A
	pop xbx
	mov xsp, xax
; -v: the words.
	mov xdx, [xbp+NAME]
	mov eax, fmt_split
	call dbg
	mov xsi, xsp
	mov eax, fmt_into
.debug_word:
	mov xdx, [xsi]
	call dbg
	add xsi, W
	mov eax, fmt_and
	dec WPTR [xbp+HEAP_END]
	jnz .debug_word
	jmp _start.arg
.none:
	pop xax
	pop xbx
	pop xsp                 ; the arguments not read yet
	jmp _start.arg
.die:
	mov esi, edx
.say_die:
	call say_error
	jmp operands.canceled

; name_byte - CF=0 when al is a letter, digit or '_'. keeps al.
name_byte:
	cmp al, '_'
	je .yes
	push xax
	or al, 0x20
	sub al, 'a'
	cmp al, 26
	pop xax
	jb .ret
	push xax
	sub al, '0'
	cmp al, 10
	pop xax
.ret:
	cmc
	ret
.yes:
	clc
	ret

; start_word - GNU's check_start_new_arg: after a separator, a NUL (the
; end of the last word) and a new word. keeps al.
start_word:
	test bl, bl
	jz .ret
	mov bl, 0
	add ebx, 0x10000
	push xax
	mov al, 0
	call putb
	pop xax
.ret:
	ret

; putb - al to the heap at xdi (xdi += 1), grown by brk 64 KiB at a time.
putb:
	cmp xdi, [xbp+HEAP_END]
	jb .store
	push xax
	push xbx
	push xcx
	push xdx
	push xsi
	push xdi
	mov A1, [xbp+HEAP_END]
	add A1, 0x10000
	push A1
	sys brk, A1
	pop xcx
	cmp xax, xcx
	mov edx, fmt_memory
	jb split.die
	mov [xbp+HEAP_END], xax
	pop xdi
	pop xsi
	pop xdx
	pop xcx
	pop xbx
	pop xax
.store:
	stosb
	ret

; af_quoted - CF=1 when quote() (GNU's shell-escape style) quotes the
; string xdx; its output goes 64 bytes and 8 per byte below xsp.
; keeps xbx, xdx, xbp.
af_quoted:
	push xdx
	mov xdi, xdx
	xor eax, eax
	or xcx, -1
	repne scasb
	not xcx
	lea xcx, [xcx*8+64]
	mov xdi, xsp
	sub xdi, xcx
	push xdi
	mov xsi, xdx
	call quote
	pop xdi
	pop xdx
	mov al, [xdi]
	cmp al, "'"
	je .yes
	cmp al, '"'
	je .yes
	clc
	ret
.yes:
	stc
	ret

; dbg_name - dbg of a format with ARG = the ${NAME} at xcx, its length at
; [xsp+W], copied to the heap's end with a NUL. xax = the format.
dbg_name:
	cmp byte [xbp+DEBUG], 0
	je dbg.ret
	push xdi
	push xax
	push xsi
	mov xsi, xcx
	mov xcx, [xsp+5*W]
.copy:
	lodsb
	call putb
	loop .copy
	mov al, 0
	call putb
	pop xsi
	pop xax
	pop xdx
	push xdx
	call dbg
	pop xdi
	ret

; dbg - with -v: say (format xax, ARG xdx) on a stack below the -u list
; when xsp is above the array (say's buffer must not reach it).
; keeps xbx, xdx, xsi, xdi, xbp.
dbg:
	cmp byte [xbp+DEBUG], 0
	je .ret
	mov xcx, xsp
	cmp xsp, xbp
	jb .here
	mov xsp, [xbp+ULIST]
	sub xsp, 64
.here:
	push xcx
	push xdx
	push xsi
	push xdi
	xchg xsi, xax
	call say
	pop xdi
	pop xsi
	pop xdx
	pop xsp
.ret:
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
arg_letters:	db 'uCS'
esc_table:	db '""##$$', "''", '\\', 'f', 12, 'n', 10, 'r', 13, 't', 9, 'v', 11, 0
fmt_space:	db F_ARGV0, P_invalid, F_ARG, "'", 10, F_ARGV0, P_use, '[v]S', P_shebang, 10, F_TRY
fmt_need_cmd:	db F_ARGV0, ': must specify command with --chdir (-C)', 10, F_TRY
fmt_chdir_dbg_p: db 'chdir:    ', "'", F_ARG, "'", 10, 0
fmt_chdir_p:	db F_ARGV0, ': cannot change directory to ', "'", F_ARG, "'", F_REASON, 10, 0
fmt_chdir_dbg_q: db 'chdir:    ', F_FILE, 10, 0, 0, 0
fmt_chdir_q:	db F_ARGV0, ': cannot change directory to ', F_FILE, F_REASON, 10, 0
AF_DELTA equ fmt_chdir_dbg_q - fmt_chdir_dbg_p
%if fmt_chdir_q - fmt_chdir_p != AF_DELTA
 %error "the -C formats' pairs"
%endif
fmt_quote:	db F_ARGV0, ': no terminating quote in -S string', 10, 0
fmt_bs_end:	db F_ARGV0, ': invalid backslash at end of string in -S', 10, 0
fmt_bs_c:	db F_ARGV0, ": '\c' must not appear in double-quoted -S string", 10, 0
fmt_bad_seq:	db F_ARGV0, ": invalid sequence '\", F_ARG, "' in -S", 10, 0
fmt_var:	db F_ARGV0, ': only ${VARNAME} expansion is supported, error at: ', F_ARG, 10, 0
fmt_memory:	db F_ARGV0, ': memory exhausted', 10, 0
fmt_cleaning:	db 'cleaning environ', 10, 0
fmt_unset_dbg:	db 'unset:    ', F_ARG, 10, 0
fmt_setenv:	db 'setenv:   ', F_ARG, 10, 0
fmt_exec:	db 'executing: ', F_ARG, 10, 0
fmt_split:	db 'split -S:  ', F_QUOTE, 10, 0
fmt_into:	db ' into:    ', F_QUOTE, 10, 0
fmt_and:	db '     &    ', F_QUOTE, 10, 0
fmt_expanding:	db 'expanding ${', F_ARG, '} into ', 0
fmt_quoted:	db F_QUOTE, 10, 0
fmt_replacing:	db 'replacing ${', F_ARG, '} with null string', 10, 0
LONGOPTS:
	db 'i', 'ignore-environment', 0
	db '0', 'null', 0
	db 'u' | 0x80, 'unset', 0
	db 'C' | 0x80, 'chdir', 0
	db 0x81, 'default-signal', 0
	db 0x81, 'ignore-signal', 0
	db 0x81, 'block-signal', 0
	db '?', 'list-signal-handling', 0
	db 'v', 'debug', 0
	db 'S' | 0x80, 'split-string', 0
	db '?', 'help', 0
	db '?', 'version', 0
	db 0
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
