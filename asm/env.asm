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
;   --default-signal[=SIG]    reset SIG (a comma list; all without it) to
;                             the default action, and unblock it
;   --ignore-signal[=SIG]     ignore SIG
;   --block-signal[=SIG]      block SIG
;   --list-signal-handling    list the blocked and ignored signals on stderr
;                             before COMMAND runs
;                             (SIG: names with or without SIG in any case,
;                             RTMIN+N, RTMAX-N, numbers, as gnulib's
;                             operand2sig; GNU's "invalid signal" message)
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
; directory it cannot enter, a bad -S string or signal, a signal action
; the kernel refuses (SIGKILL, SIGSTOP), a write error); 126 when
; COMMAND was found but could not be run; 127 when it was not found. A
; write error's message has the reason unless glibc's stdio would hold no
; bytes at fclose, as GNU's (its buffer simulated: see print_env.put).
; Differences from GNU: --help and --version are refused ("unrecognized
; option", 125). A PATH element that with COMMAND makes a name
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

; Below the array, words at xbp-W.. xbp-9*W: NAME COMMAND's name (and -S's
; string while its words are listed); EACCES_SEEN nonzero once the PATH
; search met EACCES; ARGS COMMAND's argv slot; DEBUG nonzero after -v;
; CHDIR -C's DIR or 0; ENVP the environment env was given (-S's ${NAME});
; ULIST the lowest word of the -u list, which grows down from LIST_TOP (the
; names, checked and removed after the options, as GNU's unsetenv);
; HEAP_END the end of the brk heap while -S splits, then its word count;
; SIGS nonzero after a signal option (sig_apply's work in BSS before exec).
NAME        equ -W
EACCES_SEEN equ -2*W
ARGS        equ -3*W
DEBUG       equ -4*W
CHDIR       equ -5*W
ENVP        equ -6*W
ULIST       equ -7*W
HEAP_END    equ -8*W
SIGS        equ -9*W
LIST_TOP    equ -9*W
SLOTS       equ 9
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
; envp's NULL, and 16 words more: room for envp and an assignment in every
; argv slot, with at least 19 words to spare at the top, which the option
; loop's calls may use (xsp walks argv there; a long option takes 7).
	mov xcx, xdi
	sub xcx, xsi            ; envp with its NULL, in bytes
	sub xdi, xsp
	neg xdi
	add xdi, xsp            ; xsp - the block
	sub xdi, 16*W
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
	cmp al, 4
	jbe sigopt              ; (the signal options: codes 1 to 4)
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
	mov edx, eax            ; (say measures its ARG: a string, any)
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
	test_status eax         ; a -v line not written (dbg): 125, as
	jnz operands.canceled   ; GNU's close_stdout (close_stream (stderr))
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
	cmp byte [xbp+SIGS], 0
	je .signals_done
	call sig_apply
.signals_done:
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

; eax = -errno: "env: 'NAME': REASON", status 127 for ENOENT, else 126
; (125 when it cannot be written, as GNU's close_stdout); ENOENT for a
; name with white space adds a hint about #! lines.
fail:
	mov ebx, eax            ; -errno (say keeps xbx)
	mov xdx, [xbp+NAME]
	mov esi, fmt_fail
	call say_error
	js operands.canceled    ; not written: 125, GNU's close_stdout
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
	push xax
	sub al, '0'
	cmp al, 10
	jb .yes                         ; (a digit)
	cmp al, '_' - '0'
	je .ret                         ; (CF=0)
	add al, '0'
	or al, 0x20
	sub al, 'a'
	cmp al, 26
.yes:
	cmc
.ret:
	pop xax
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
; when xsp is above the array (say's buffer must not reach it); a line
; that cannot be written sets STATUS (nothing else does: env's errors
; exit at once). keeps xbx, xdx, xsi, xdi, xbp.
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
	jns .written            ; not written: GNU's close_stdout exits 125
	set_status 1, ecx       ; (print_env, fail)
.written:
	pop xdi
	pop xsi
	pop xdx
	pop xsp
.ret:
	ret

; sigopt - --default-signal[=SIG], --ignore-signal[=SIG], --block-signal
; [=SIG] (al = 1, 2, 3; xdx = SIG or 0) and --list-signal-handling (al =
; 4), as GNU's parse_signal_action_params and parse_block_signal_params:
; sig_act[i] = 1 DEFAULT, 2 IGNORE (+2: errors ignored, the form without
; SIG), sig_block and sig_unblock the masks' changes (--default-signal
; unblocks too). SIG: names as gnulib's operand2sig reads them, numbers,
; comma lists. Done before COMMAND runs (sig_apply). Runs on a stack below
; the -u list.
sigopt:
	mov [xbp+SIGS], al
	mov xcx, xsp
	mov xsp, [xbp+ULIST]
	sub xsp, 64
	push xcx
	push xbx
	mov [sig_kind], al
	cmp al, 4
	jne .not_list
	or byte [sig_flags], 2
	jmp .done
.not_list:
	cmp al, 2
	je .actions                     ; (--ignore-signal: no mask)
; The sets start empty (sig_block, then sig_unblock), with SIG at the
; first option of a mask; without SIG: every signal blocked or unblocked
; (glibc's sigfillset: not its own 32 and 33), the other set empty.
	test xdx, xdx
	jz .clear
	test byte [sig_flags], 1
	jnz .changed
.clear:
	mov edi, sig_block
	push xax
	xor eax, eax
	push 4
	pop xcx
	rep stosd                       ; (xdi: sig_unblock + 8)
	pop xax
	test xdx, xdx
	jnz .changed
	sub edi, 8
	cmp al, 3
	jne .fill
	sub edi, 8
.fill:
	dec dword [xdi]
	shr dword [xdi], 1              ; (not 32)
	or dword [xdi+4], -2            ; (not 33)
.changed:
	or byte [sig_flags], 1
.actions:
	test xdx, xdx
	jnz .list
	cmp al, 3
	je .done
	add al, 2                       ; (errors ignored)
	mov edi, sig_act + 1
	push 64
	pop xcx
	rep stosb
	mov [sig_act + 32], cx          ; (not 32 and 33)
	jmp .done
; SIG, a comma list (empty items skipped, as strtok).
.list:
	mov xsi, xdx
.item:
	lodsb
	cmp al, ','
	je .item
	test al, al
	jz .done
	dec xsi
	mov xdx, xsi                    ; the item
.item_end:
	lodsb
	cmp al, ','
	je .cut
	test al, al
	jnz .item_end
	dec xsi                         ; (the last item: xsi at its NUL)
	jmp .item_cut
.cut:
	mov byte [xsi-1], 0
.item_cut:
	push xsi
	call operand2sig                ; eax = the signal
	pop xsi
	jc .invalid
	test eax, eax
	jz .invalid                     ; (0, EXIT: refused)
	mov cl, [sig_kind]
	lea edx, [eax-1]
	cmp cl, 3
	je .block
	mov [sig_act + xax], cl
	cmp cl, 2
	je .item
	bts [sig_unblock], edx
	btr [sig_block], edx
	jmp .item
.block:
	bts [sig_block], edx
	btr [sig_unblock], edx
	jmp .item
.invalid:
	mov esi, fmt_signal
	jmp usage_say                   ; (xdx = the item)
.done:
	pop xbx
	pop xsp
	jmp _start.arg

; operand2sig - the item at xdx (NUL-terminated): a number (its low 7
; bits, or 8 from 255 on: a shell's $?), else a name in any case with or
; without SIG: the table's, RTMIN[+N], RTMAX[-N] or digits (at most 64).
; out: eax = the signal, CF=1 when there is none or sig2str knows no name.
operand2sig:
	mov xsi, xdx
	mov al, [xsi]
	sub al, '0'
	cmp al, 10
	jae .name
	call strtol
	cmp byte [xsi], 0
	jne .bad
	test eax, eax
	js .bad                         ; (past INT_MAX)
	cmp eax, 255
	jae .ff
	and eax, 0x7f
	jmp .check
.ff:
	movzx eax, al
	jmp .check
.name:
	call str2sig
	jnc .check
	mov xsi, xdx
	mov edi, s_SIG
	call ci_prefix
	jne .bad
	call str2sig
	jc .bad
; sig2str knows 0 (EXIT), 1-31 and 34-64.
.check:
	cmp eax, 64
	ja .bad
	cmp eax, 32
	je .bad
	cmp eax, 33
	je .bad
	clc
	ret
.bad:
	stc
	ret

; str2sig - gnulib's str2signum on the string at xsi, upcased as it is
; read: digits (at most 64), a name of the table, RTMIN[N] (N 0 to 30),
; RTMAX[N] (N -30 to 0), N as strtol reads it. out: eax, CF=1 none.
; clobbers xcx, xdi, xsi; keeps xdx
str2sig:
	mov al, [xsi]
	sub al, '0'
	cmp al, 10
	jae .table
	call strtol
	cmp byte [xsi], 0
	jne .none
	cmp eax, 64
	ja .none
	clc
	ret
.table:
	mov edi, sig_table
	xor eax, eax
.entry:
	inc eax                         ; (the number of a name 1 to 31)
	cmp edi, sig_aliases
	jb .named
	movzx eax, byte [xdi]
	inc edi
	cmp al, 0xff
	je .rt
.named:
	push xsi
	call ci_prefix
	jne .no
	cmp byte [xsi], 0
	je .ok_pop
.no:
	pop xsi
	jmp .entry
.rt:
	push xsi
	call ci_prefix                  ; (xdi: "RTMIN", then "RTMAX")
	je .rt_min
	pop xsi
	push xsi
	call ci_prefix
	jne .none_pop
	call strtol
	neg eax
	cmp eax, 30
	ja .none_pop
	neg eax
	add eax, 64
	jmp .rt_end
.rt_min:
	call strtol
	cmp eax, 30
	ja .none_pop
	add eax, 34
.rt_end:
	cmp byte [xsi], 0
	jne .none_pop
.ok_pop:
	pop xcx
	clc
	ret
.none_pop:
	pop xcx
.none:
	stc
	ret

; ci_prefix - does the string at xsi start with the upper-case name at xdi,
; in any case? out: ZF=1 and xsi past it when it does; xdi past the name's
; NUL either way. clobbers cx
ci_prefix:
	mov cl, [xdi]
	inc edi
	test cl, cl
	jz .ret
	mov ch, [xsi]
	inc xsi
	cmp ch, 'a'
	jb .upper
	cmp ch, 'z'
	ja .upper
	sub ch, 32
.upper:
	cmp ch, cl
	je ci_prefix
.skip:
	inc edi
	cmp byte [xdi-1], 0
	jne .skip
	test cl, cl                     ; (ZF=0)
.ret:
	ret

; strtol - base 10 as glibc's strtol: blanks, a sign, digits (xsi past
; them; at the start when there is none); a magnitude past 2^31 stays
; 2^31 (out of every range here). out: eax. clobbers xcx, xdi
strtol:
	mov xdi, xsi
.blank:
	lodsb
	cmp al, ' '
	je .blank
	sub al, 9
	cmp al, 4
	jbe .blank
	add al, 9
	xor ecx, ecx
	cmp al, '-'
	jne .plus
	inc ecx
	jmp .sign
.plus:
	cmp al, '+'
	je .sign
	dec xsi
.sign:
	push xcx
	xor eax, eax
	xor ecx, ecx
	push xsi
.digit:
	mov cl, [xsi]
	sub cl, '0'
	cmp cl, 9
	ja .end
	inc xsi
	imul eax, eax, 10
	jo .sat
	add eax, ecx
	jno .digit
.sat:
	mov eax, 0x80000000
	jmp .digit
.end:
	pop xcx
	cmp xcx, xsi
	jne .some
	mov xsi, xdi                    ; no digit: endp is the start
.some:
	pop xcx
	jecxz .ret
	neg eax
.ret:
	ret

; sig_apply - before COMMAND runs, as GNU's reset_signal_handlers,
; set_signal_proc_mask and list_signal_handling, with -v's lines; runs on
; the stack below the -u list. keeps xbp. ebx is the signal throughout:
; neither arch's system call changes it (i386's A1 is ebx itself, and
; line_write keeps it). The action is set with no sigaction read first:
; the kernel's execve clears the flags and masks of every action anyway.
sig_apply:
	push 1
	pop xbx
.reset:
	movzx eax, byte [sig_act + xbx]
	test eax, eax
	jz .reset_next
	not eax
	and eax, 1                      ; SIG_IGN = 1 for 2, 4; SIG_DFL = 0
	mov [sig_kact], xax
	sys rt_sigaction, ebx, sig_kact, 0, 8
	test eax, eax
	jns .set
	cmp byte [sig_act + xbx], 3
	jb .fail                        ; (else: failure ignored)
.set:
	cmp byte [xbp+DEBUG], 0
	je .reset_next
	push xax
	mov esi, s_reset
	call line_head                  ; "Reset signal NAME (N) to "
	mov esi, s_default
	test byte [sig_act + xbx], 1
	jnz .dfl
	add esi, s_ignore - s_default
.dfl:
	call line_str
	pop xax
	test eax, eax
	jns .ok
	mov esi, s_ignored
	call line_str
.ok:
	call line_write
.reset_next:
	inc ebx
	cmp bl, 64
	jbe .reset

; The mask: the process's, with the changes; -v's line for each.
	test byte [sig_flags], 1
	jz .list
	call get_mask
	mov bl, 1
.mask:
	lea ecx, [xbx-1]
	mov esi, s_block
	bt [sig_block], ecx
	jc .add
	dec esi
	dec esi                         ; (s_unblock)
	bt [sig_unblock], ecx
	jnc .mask_next
	btr [sig_mask], ecx
	jmp .mask_line
.add:
	bts [sig_mask], ecx
.mask_line:
	cmp byte [xbp+DEBUG], 0
	je .mask_next
	push xsi
	mov esi, s_signal
	call line_head                  ; "signal NAME (N) mask set to "
	pop xsi
	call line_str
	call line_write
.mask_next:
	inc ebx
	cmp bl, 64
	jbe .mask
	and word [sig_mask + 3], ~0x180 ; glibc's sigprocmask never blocks its
	sys rt_sigprocmask, SIG_SETMASK, sig_mask, 0, 8 ; own 32 and 33

; --list-signal-handling: "%-10s (%2d): BLOCK,IGNORE" for each signal
; blocked or ignored (glibc's sigaction refuses its own 32 and 33). The
; line is written only when something follows its "): ".
.list:
	test byte [sig_flags], 2
	jz .ret
	call get_mask
	mov bl, 1
.each:
	lea eax, [xbx-32]
	cmp al, 1
	jbe .each_next
	sys rt_sigaction, ebx, 0, sig_kact, 8
	mov edi, sig_line
	call sig_name
	mov ecx, sig_line + 10          ; (no name has more than 8 bytes)
	sub ecx, edi
	mov al, ' '
	rep stosb
	mov ax, ' ('
	stosw
	cmp bl, 10
	jae .wide
	mov al, ' '
	stosb
.wide:
	mov eax, ebx
	call line_num
	mov esi, s_colon
	call line_str
	push xdi
	lea ecx, [xbx-1]
	bt [sig_mask], ecx
	jnc .not_blocked
	mov esi, s_block
	call line_str
	mov al, ','
	stosb
.not_blocked:
	cmp WPTR [sig_kact], 1
	jne .not_ignored
	mov esi, s_ignore
	call line_str
	inc edi
.not_ignored:
	dec edi                         ; (the ',' after BLOCK alone)
	pop xax
	cmp edi, eax
	jb .each_next
	call line_write
.each_next:
	inc ebx
	cmp bl, 64
	jbe .each
.ret:
	ret
; "failed to set signal action for signal N: REASON", 125.
.fail:
	push xax
	mov edi, sig_line
	xchg eax, ebx
	call line_num
	mov byte [xdi], 0
	pop xax
	mov esi, fmt_sig_fail
	mov edx, sig_line
	call say_error
	jmp operands.canceled

; get_mask - the process's signal mask into sig_mask.
get_mask:
	sys rt_sigprocmask, SIG_BLOCK, 0, sig_mask, 8
	ret

; line_head - the string at xsi, "NAME (N)" of the signal ebx, and the
; string after the first one's NUL, from sig_line. out: xdi past them.
line_head:
	mov edi, sig_line
	call line_str
	push xsi
	call sig_name
	mov ax, ' ('
	stosw
	mov eax, ebx
	call line_num
	mov al, ')'
	stosb
	pop xsi
; fall through
; line_str - the string at xsi (NUL-terminated) to xdi. clobbers al, xsi
line_str:
	lodsb
	test al, al
	jz .ret
	stosb
	jmp line_str
.ret:
	ret

; line_num - eax (0 to 99) in decimal at xdi. clobbers eax, ecx
line_num:
	push xdx
	push 10
	pop xcx
	xor edx, edx
	div ecx
	test eax, eax
	jz .ones
	add al, '0'
	stosb
.ones:
	lea eax, [edx+'0']
	stosb
	pop xdx
	ret

; line_write - the line from sig_line to xdi, and a newline, to stderr.
; keeps xbx
line_write:
	push xbx
	mov al, 10
	stosb
	mov edx, edi
	sub edx, sig_line
	sys write, 2, sig_line, edx
	pop xbx
	ret

; sig_name - gnulib's sig2str of ebx (1-31, 34-64) at xdi: the first name
; the table has for it, else RTMIN+N up to 49 and RTMAX-N from 50.
; clobbers eax, ecx, xsi
sig_name:
	mov ecx, ebx
	cmp ecx, 32
	jae .rt
	mov esi, sig_table
.find:
	dec ecx
	jz line_str
.skip:
	lodsb
	test al, al
	jnz .skip
	jmp .find
.rt:
	cmp ecx, 49
	ja .max
	mov eax, 'RTMI'
	stosd
	mov al, 'N'
	stosb
	sub ecx, 34
	mov al, '+'
	jmp .delta
.max:
	mov eax, 'RTMA'
	stosd
	mov al, 'X'
	stosb
	sub ecx, 64
	neg ecx
	mov al, '-'
.delta:
	jecxz .ret
	stosb
	xchg eax, ecx
	jmp line_num
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
fmt_need_cmd:	db F_ARGV0, P_need, '(-C)', 10, F_TRY
fmt_chdir_dbg_p: db P_chdir_dbg, "'", F_ARG, "'", 10, 0
fmt_chdir_p:	db F_ARGV0, P_cd, "'", F_ARG, "'", F_REASON, 10, 0
fmt_chdir_dbg_q: db P_chdir_dbg, F_FILE, 10, 0, 0, 0
fmt_chdir_q:	db F_ARGV0, P_cd, F_FILE, F_REASON, 10, 0
AF_DELTA equ fmt_chdir_dbg_q - fmt_chdir_dbg_p
%if fmt_chdir_q - fmt_chdir_p != AF_DELTA
 %error "the -C formats' pairs"
%endif
fmt_quote:	db F_ARGV0, P_no_quote, 'S', P_string, 10, 0
fmt_bs_end:	db F_ARGV0, P_bs_end, 'S', 10, 0
fmt_bs_c:	db F_ARGV0, ": '\c", P_must_not, 'S', P_string, 10, 0
fmt_bad_seq:	db F_ARGV0, P_sequence, '\', F_ARG, P_in, 'S', 10, 0
fmt_var:	db F_ARGV0, P_only, '${VARNAME}', P_expansion, ',', P_error_at, F_ARG, 10, 0
fmt_memory:	db F_ARGV0, P_memory, 10, 0
fmt_cleaning:	db P_cleaning, 10, 0
fmt_unset_dbg:	db P_unset_dbg, F_ARG, 10, 0
fmt_setenv:	db P_setenv, F_ARG, 10, 0
fmt_exec:	db P_exec, F_ARG, 10, 0
fmt_split:	db P_split, 'S:  ', F_QUOTE, 10, 0
fmt_into:	db ' ', P_into, F_QUOTE, 10, 0
fmt_and:	db '     &    ', F_QUOTE, 10, 0
fmt_expanding:	db P_expanding, '${', F_ARG, '}', P_into_, 0
fmt_quoted:	db F_QUOTE, 10, 0
fmt_replacing:	db P_replacing, '${', F_ARG, '}', P_with_null, P_string, 10, 0
fmt_signal:	db F_ARGV0, ': ', F_QUOTE, P_invalid_signal, 10, F_TRY
fmt_sig_fail:	db F_ARGV0, P_failed, F_ARG, F_REASON, 10, 0
; line_head's pairs: the text before "NAME (N)", the one after it.
s_reset:	db 'Reset signal ', 0, ' to ', 0
s_signal:	db 'signal ', 0, ' mask set to ', 0
s_default:	db 'DEFAULT', 0
s_ignore:	db 'IGNORE', 0
s_ignored:	db ' (failure ignored)', 0
s_unblock:	db 'UN'
s_block:	db 'BLOCK', 0
s_colon:	db '): ', 0
; gnulib's sig2str table as glibc's Linux has it: the names of 1 to 31
; in order (the first name of a number is its name), then the other names
; each after its number; 0xff, then the real-time prefixes.
s_SIG:		db 'SIG', 0             ; (operand2sig's prefix)
sig_table:
	db 'HUP', 0, 'INT', 0, 'QUIT', 0, 'ILL', 0, 'TRAP', 0
	db 'ABRT', 0, 'BUS', 0, 'FPE', 0, 'KILL', 0, 'USR1', 0
	db 'SEGV', 0, 'USR2', 0, 'PIPE', 0, 'ALRM', 0
	db 'TERM', 0, 'STKFLT', 0, 'CHLD', 0, 'CONT', 0
	db 'STOP', 0, 'TSTP', 0, 'TTIN', 0, 'TTOU', 0
	db 'URG', 0, 'XCPU', 0, 'XFSZ', 0, 'VTALRM', 0
	db 'PROF', 0, 'WINCH', 0, 'POLL', 0, 'PWR', 0, 'SYS', 0
sig_aliases:
	db 6, 'IOT', 0, 17, 'CLD', 0, 29, 'IO', 0, 0, 'EXIT', 0
	db 0xff, 'RTMIN', 0, 'RTMAX', 0
LONGOPTS:
	db 'i', 'ignore-environment', 0
	db '0', 'null', 0
	db 'u' | 0x80, 'unset', 0
	db 'C' | 0x80, 'chdir', 0
	db 0x81, 'default-signal', 0
	db 0x82, 'ignore-signal', 0
	db 0x83, 'block-signal', 0
	db 4, 'list-signal-handling', 0
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
	ptext P_need, ': must specify command with --chdir '
	ptext P_cd, ': cannot change directory to '
	ptext P_chdir_dbg, 'chdir:    '
	ptext P_no_quote, ': no terminating quote in -'
	ptext P_string, ' string'
	ptext P_bs_end, ': invalid backslash at end of string in -'
	ptext P_must_not, "' must not appear in double-quoted -"
	ptext P_sequence, ": invalid sequence '"
	ptext P_in, "' in -"
	ptext P_only, ': only '
	ptext P_expansion, ' expansion is supported'
	ptext P_error_at, ' error at: '
	ptext P_memory, ': memory exhausted'
	ptext P_cleaning, 'cleaning environ'
	ptext P_unset_dbg, 'unset:    '
	ptext P_setenv, 'setenv:   '
	ptext P_exec, 'executing: '
	ptext P_split, 'split -'
	ptext P_into, 'into:    '
	ptext P_into_, ' into '
	ptext P_expanding, 'expanding '
	ptext P_replacing, 'replacing '
	ptext P_with_null, ' with null'
	ptext P_invalid_signal, ': invalid signal'
	ptext P_failed, ': failed to set signal action for signal '
%endmacro
path_name:	db 'PATH', 0
default_path:	db '/bin:/usr/bin', 0
bin_sh:		db '/bin/sh', 0

BSS
sig_act:	resb 65                 ; per signal: 1 DEFAULT, 2 IGNORE, +2 errors ignored
sig_kind:	resb 1                  ; the option: 1 default, 2 ignore, 3 block
sig_flags:	resb 1                  ; 1 the mask changes, 2 --list-signal-handling
sig_block:	resd 2                  ; signals to block (bit i-1 for i)
sig_unblock:	resd 2
sig_mask:	resd 2
sig_kact:	resb 32                 ; a kernel struct sigaction
sig_line:	resb 64                 ; a line of -v or the list
TEXT

program_end
