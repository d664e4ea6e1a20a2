; sort - sort lines of text files.
;
; Usage: sort [OPTION]... [FILE]...
;   -b  ignore leading blanks        -d  only blanks and alphanumerics
;   -f  fold lower case to upper     -g  general numeric (strtold)
;   -h  human numeric (2K < 1M: K..Y, GNU 9.1's units)
;   -i  only printable bytes
;   -M  month names (JAN < DEC)      -n  numeric
;   -V  version (gnulib's filevercmp: rt/filevercmp.inc)
;   -R  random: keys by the MD5 of a salt and the key (GNU's compare_random;
;       the salt is --random-source's first 16 bytes, else getrandom's)
;   -r  reverse                      -s  stable: no last-resort comparison
;   -u  unique (first of equal keys) -z  lines end with NUL
;   -c  check (message), -C check (silent): exit 1 on disorder
;   -m  merge (inputs already sorted)
;   -k POS1[,POS2]  a key: F[.C][bdfghiMnRrV] (several allowed, in order)
;   -t C  field separator (default: a change from non-blank to blank)
;   -o FILE  output file (may be one of the inputs: all input is read first;
;            with -m, a read error truncates it first, as GNU's merge)
;   -y ARG   ignored (GNU's Solaris relic; a separate ARG not all digits is
;            read again as an option or operand)
;   --random-source=F: -R's salt (GNU's messages when it fails)
;   -S SIZE  the memory the lines may take before they go to temporary
;            files (else GNU's default: heap_more, mem_limit)
;   -T DIR   where those go (several in turn; else $TMPDIR, else /tmp)
;   --parallel=N, --batch-size=N, --compress-program=P: checked as GNU
;   checks them, with its messages, and without effect (one thread, 16
;   files merged at once, no compression)
; GNU 9.1's long options, as its getopt_long reads them (long_opt:
; unambiguous prefixes, --opt=ARG and --opt ARG, its four messages):
; --ignore-leading-blanks --dictionary-order --ignore-case
; --general-numeric-sort --ignore-nonprinting --month-sort
; --human-numeric-sort --numeric-sort --reverse --stable --unique
; --zero-terminated --merge --key --field-separator --output
; --version-sort --random-sort --random-source
; --check[=quiet|silent|diagnose-first] --sort=general-numeric|
; human-numeric|month|numeric|random|version (argmatch's messages, exit 1)
; --buffer-size --temporary-directory and the six above. They live in a
; cold page (COLD_PAGE): a run that uses one maps 4 KiB more.
; Comparisons are GNU's in the C locale: the keys in order, then the whole
; lines with memcmp (unless -s or -u), -r reversing that too.
; Exit status: 0; 1 for disorder with -c/-C; 2 for any error (GNU's words).
; -V and -R (their code in the cold part; -R's MD5 a small loop) compare
; copies of the keys with -d -i -f as GNU (on the stack, or for big keys
; a mapping kept for the next); without --random-source -R's order differs
; from run to run (as GNU's, whose salt is ISAAC's, seeded by getrandom).
; An R first key past BSS mode is hashed once a line (kfill keeps the
; digest's first 2 words in the record; GNU hashes both keys at every
; comparison): only equal digests hash the keys again (krcmp).
; +POS1 [-POS2]: GNU's obsolete keys (the traditional usage: unless
; _POSIX2_VERSION asks for 1003.1-2001), fields and bytes counted from 0;
; an operand that is no valid +POS1 is a file (plus_key, in the part of
; --files0-from: a run with one maps 4 KiB more).
; --debug: GNU's warnings about the keys, then each output line followed
; by its keys underlined (XSEC2's dbg_init and dbg_line).
; Differences from GNU: --help, --version
; ("unrecognized option") are not supported (exit 2). Temporary files
; only when the input passes the memory limit (GNU: also for a pipe past
; its buffer's guess, a few MiB); -S below MINLIM is MINLIM; -S N% is
; accepted whatever N (GNU: too large past 2^64 bytes); --parallel=N
; of a size GNU cannot allocate its threads' merge nodes for is accepted
; (GNU: memory exhausted). Past a
; quarter of the memory limit -c checks as it reads (check_stream) and -m
; merges as it reads (merge_stream; over NMERGE files in GNU's batches
; of temporary files, an input that is the output's file copied to one
; first), as GNU's.
; -g converts with x87 arithmetic of its own: up to 19 significant digits
; (16 in hex) and one rounding by the power of ten are exact as strtold,
; digits past those are dropped, and NaN payloads ("nan(12)") are ignored.
; Trailing zeros of the digits join the exponent, so one value converts
; alike however spelled (210e27, 2.1e29); a power of ten past 10^27 is
; itself rounded (x87 squarings), so such a number may round one unit in
; the last place away from strtold's (only numbers within about 1e-19 of
; each other can compare differently). Below 1e-4932 the scaling divides
; by 10^4096 first: subnormals are not flushed to 0.
; A write error is "fflush failed" when the whole output so far is at most
; 4096 bytes (but one line of 4096), else "write failed" (GNU's stdio
; buffer decides it).
;
; The inputs are read one after the other into a heap grown with brk (past
; the memory limit, the lines read go to a temporary file: see heap_more),
; then a table of (start, length) records of the lines follows (with keys
; but the whole line, kfill widens them to (start, length, the first key's
; start, its length): found once a line, not at each comparison; for an R
; first key, to (start, length, its digest's first 2 words)), then a
; second table and the run bounds for a bottom-up merge sort (stable):
; blocks of 16384 lines are sorted first, each while it is in the cache,
; then merged, the lines of the next records prefetched. -m gives each file as an initial run, so
; the merge order is GNU's (ties: the earlier file). The output is
; buffered where the run bounds were (OUTSZ bytes of the heap).
; BSS mode (a short input: no heap page written): the keys, the data, the
; table and the output buffer share sheap, the rest of the variables'
; page (about 3760 bytes on x86_64, 3880 on i386). The keys come first
; (up to 32 of them; from the 33rd on, all move to the heap's start), the
; data after them. Reads stop RESV bytes before sheap's end; when all is
; read, the lines are counted: if a read filled sheap or the table would
; not fit beside the data (4 bytes a line, 10 words more), the data move
; to the brk heap (to_heap). Else the table follows the data: one packed
; dword a line (the start's low word: the page is known; the length),
; sorted in place (csort: a top-down merge sort whose merges rotate a
; taken record into place; -m merges each file into those before it), so
; ~250 short lines (seq 1 250) run in 16 KiB; the output buffer is the
; rest of sheap (written whenever full: the output of BSS mode is under
; 4096 bytes in all, so a write error is "fflush failed", as GNU's).

%define FAST_SYSCALL                    ; i386: the vDSO's entry after 256 calls
%define VSYS_COUNT 256                  ; (5 a file: sort of ~50 files keeps 16 KiB)
%define COLD_PAGE                       ; the long options: one page when they run
%define XSEC_PAGE                       ; --files0-from: a page of its own
%define XSEC2_PAGE                      ; -m's merge as read, write errors
%define XSEC2_ALIGN                     ; (its own page of the file: a run
                                        ; entering it maps one page)
%define GETOPT_PERMUTE                  ; (getopt.inc: sort reads POSIXLY_CORRECT itself, as GNU's: posix_opt)
%include "subk.inc"
%include "layout.inc"
use usage, opt_missing, err_file, quote_arg, errno_path, errno_tree
use utoa, strcmp, write_all
use field_sep
use posixly                             ; (an option after a file: POSIXLY_CORRECT?)
%define LONGOPT_AMBIGUOUS               ; long_opt: included in the cold part
%define LONGOPT_BSS_HERE                ; ambp beside our variables
%define LONGOPT_OPTIONAL                ; --check[=WORD]

%define USAGE_STATUS 2

; key flags (a dword): the letters of -k, bits in OPTSPEC's order (b is two)
SB	equ 1		; b on the start
SE	equ 2		; b on the end
FD	equ 4
FF	equ 8
FG	equ 16
FH	equ 32
FI	equ 64
FM	equ 128
FN	equ 256
FRND	equ 512		; R
FR	equ 1024
FV	equ 2048
ORDERING equ 0xfff & ~FR	; all but r
FWHOLE	equ 4096	; (not a letter) the key is the whole line: kwhole
FTRAD	equ 1 << 24	; (not a letter, its own byte) an obsolete key +POS1
			; [-POS2]: --debug

; [opts] bits: -m -s -u as getopt's index - 13
O_MERGE	equ 1
O_STABLE equ 2
O_UNIQUE equ 4
O_RANDOM equ 8	; a key has R (incompatible_key): the salt read
O_DEBUG	equ 16	; --debug

; a key: words
K_SW	equ 0		; fields to skip for the start
K_SC	equ W		; then bytes
K_EW	equ 2*W		; fields to skip for the end (-1: none, to the line end)
K_EC	equ 3*W		; then bytes (0: the end of the field)
K_FL	equ 4*W		; flags
KEYSZ	equ 5*W
KEYLIM	equ 32*KEYSZ	; keys in sheap: up to 32, more at the heap's start

GROW	equ 16 << 20	; the heap grows by this much at least
RESV	equ 16*W	; sheap's room kept for the tables of a line at least
OUTSZ	equ 65536
MINLIM	equ 1 << 20	; the least memory limit (GNU's: 544 bytes)
LIMCHK	equ 1 << 16	; the data read before heap_more counts it (its tables
			; may take 41 bytes a byte, 73 with keys: 4.6 MiB at most)
PASSES	equ 14
BLOCK	equ 1 << PASSES	; lines sorted in the cache first

_start:
	save_argv0
	fast_syscall_init counted       ; i386: int 0x80 for the first 256 calls
	lea xax, [xsp+2*W]
	mov [ops], xax
	mov [argv1], xax                ; (for the environment: tmp_open)
	mov byte [delim], 10
	mov byte [rstep], 2*W
	mov byte [rshift], WSHIFT+1
	or WPTR [gkey+K_EW], -1
	mov WPTR [keys], sheap          ; the keys at sheap's start (no heap
	mov WPTR [heap_end], sheap_end  ; page for -n or -k on empty input)
	getopt_init
; getopt_long's walk (rt/getopt_long.inc), the long option in the cold part
; (sort_long): an operand is moved here (getopt would walk on to a long
; option and refuse it); "-", "--" and clusters are getopt's.
.opt:
	test xbx, xbx
	jnz .short
	mov xax, [xsi]
	test xax, xax
	jz .short
	cmp byte [xax], '-'
	jne .operand
	cmp xdi, [ops]                  ; after a file: a file if
	je .dash                        ; POSIXLY_CORRECT is set (XSEC2's
	call posixly                    ; posix_opt; back at .store or .dash)
	jnc posix_opt
.dash:
	mov cl, [xax+1]
	test cl, cl
	jz .operand                     ; "-"
	cmp cl, '-'
	jne .short
	cmp byte [xax+2], 0
	jne .long
.short:
	call getopt
	jc .optend
; -y ARG: GNU's Solaris relic, ignored; a separate ARG that is not all
; digits is read again as an option or operand (GNU's optind -= 1).
	cmp al, 'y'
	jne .option
	cmp xdx, [xsi-W]
	jne .opt                        ; -yARG
.ydigit:
	mov al, [xdx]
	inc xdx
	sub al, '0'
	cmp al, 10
	jb .ydigit
	cmp al, -'0'
	je .opt                         ; all digits (or none): ignored
	sub xsi, W
	jmp .opt
.option:
	push_list xsi, xdi, xbx
	call option
	pop_list xsi, xdi, xbx
	jmp .opt
.operand:
	cmp byte [xax], '+'
	je plus_key                     ; (XSEC; back at .opt or .store)
.store:
	stosW
	add xsi, W
	jmp .opt
.long:
	call sort_long
	jmp .opt

; The operands: &argv[1] up to xdi ("-" when none). Each key without an
; ordering letter (nor r) takes the global ones; without keys, the global
; options are the key when there is one.
.optend:
	cmp WPTR [f0_name], 0
	jne files0                      ; (cold; back at .ops)
	cmp xdi, [ops]
	jne .ops
	sub WPTR [ops], W               ; "-" in argv[0]'s slot, the NULL in
	mov WPTR [xdi - W], dash        ; argv[1]'s: past argv's NULL is
	and WPTR [xdi], 0               ; envp[0] (read_inputs writes slots)
.ops:
	mov [opend], xdi
	mov ecx, [nkeys]
	mov xbx, [keys]
	jxcxz .nokeys
.inherit:
	cmp word [xbx+K_FL], 0          ; (its letters: not FTRAD)
	jne .own
	mov eax, [gkey+K_FL]
	or [xbx+K_FL], eax
.own:
	push xcx
	call incompatible_key
	pop xcx
	add xbx, KEYSZ
	loop .inherit
	jmp .keysdone
.nokeys:
	test word [gkey+K_FL], ORDERING
	jz .keysdone
	mov esi, gkey
	mov xdi, xbx
	mov cl, KEYSZ
	rep movsb
	inc dword [nkeys]
	call incompatible_key
	add xbx, KEYSZ
.keysdone:                              ; xbx = the keys' end: the data's
	mov [cur], xbx                  ; start
	mov [datastart], xbx
	test byte [opts], O_DEBUG
	jz .nodebug
	call dbg_init                   ; (XSEC2)
.nodebug:
	test byte [opts], O_RANDOM
	jz .salted
	call rand_init
.salted:
	mov al, [checkonly]
	test al, al
	jnz check

; GNU's order: every input readable, then the output opened (not
; truncated: it may be an input), then the inputs read.
	mov xbp, [ops]
.access:
	mov xdx, [xbp]
	test xdx, xdx
	jz .output
	add xbp, W
	cmp word [xdx], '-'
	je .access
	sys access, xdx, 4                	; R_OK
	mov esi, fmt_cannot_read
	test eax, eax
	js die
	jmp .access
.output:
	mov xdx, [outfile]
	test xdx, xdx
	jz .read
	sys open, xdx, O_WRONLY|O_CREAT|O_LARGEFILE, 0o666
	mov ecx, s_open
	mov esi, fmt_failed
	mov xdx, [outfile]
	test eax, eax
	js die
	cmp eax, 1
	je .read
	push xax
	sys dup2, xax, 1
	pop xax
	sys close, xax
.read:
	call read_inputs
	cmp byte [spill], 0
	jne spill_end                   ; (XSEC: the temporary files merged)
	call scan
	call runs
	cmp WPTR [outfile], 0
	je .write
	sys ftruncate, 1, 0             ; (an error on a device is no matter)
.write:
	call emit
	exit 0

; emit - the sorted records at [src] ([nlines]) written, the first of
; equal lines only with -u, through the output buffer: from the run
; bounds' start (free now) to OUTSZ past it, or to sheap's end in BSS
; mode. clobbers all
emit:
	mov xax, [runb]
	mov [outp], xax
	add xax, OUTSZ
	mov xdx, [heap_end]
	cmp xdx, sheap_end
	cmove xax, xdx
	mov [oend], xax
	call grow
	mov xbx, [src]
	mov xbp, [nlines]
	imul xbp, [rstep]
	add xbp, xbx
	xor esi, esi                    ; xsi = the line printed last (-u)
.line:
	cmp xbx, xbp
	jae .flush
	test byte [opts], O_UNIQUE
	jz .emit
	test xsi, xsi
	jz .emit
	mov xdi, xbx
	call compare
	test eax, eax
	jz .next
.emit:
	push xbx
	mov xsi, xbx
	call rec
	mov xcx, xdx
	call put_line
	pop xsi
	mov xbx, xsi
.next:
	add xbx, [rstep]
	jmp .line
.flush:
	jmp flush

; check - -c or -C (al): the one input in order?
check:
	mov xdx, [opend]
	sub xdx, [ops]
	mov xcx, [ops]
	cmp xdx, W
	jbe .one
	mov xdx, [xcx+W]
	mov esi, fmt_extra_c
	mov ecx, checkonly              ; TEXT: "c" or "C"
	xor eax, eax
	jmp die
.one:
	cmp WPTR [outfile], 0
	je .go
	mov ah, 'o'
	mov [incbuf], ax
	mov edx, incbuf
	jmp incompatible
.go:
	push WPTR [xcx]                 ; the name, for the message
	call read_inputs
	call scan
	mov xsi, [recs]
	mov xbp, [nlines]
	push 1
	pop xbx                         ; xbx = the line number of xdi
.pair:
	cmp xbx, xbp
	jae .sorted
	inc xbx
	mov xdi, xsi
	add xdi, [rstep]
	call compare
	test eax, eax
	jg .disorder
	jl .next
	test byte [opts], O_UNIQUE
	jnz .disorder
.next:
	mov xsi, xdi
	jmp .pair
.sorted:
	exit 0
.disorder:
	cmp byte [checkonly], 'C'
	je .quiet
	push xdi
	mov xax, xbx
	mov edi, numend
	call utoa
	mov xcx, xdi
	pop xbx
	pop xdx                         ; the name
	mov esi, fmt_disorder
	xor eax, eax
	call say
	mov xsi, xbx
	call rec
	movx A2, xsi
	push 2
	pop A1
	call write_all
	mov A2d, delim
	push 1
	pop A3
	push 2
	pop A1
	call write_all
	jns .quiet                      ; the message not written: 2, GNU's
	exit 2                          ; close_stdout (exit_failure)
.quiet:
	exit 1

; option - one option of getopt: al = the letter, ecx = its index in
; OPTSPEC, xdx = its argument. May clobber everything.
option:
	cmp cl, 11
	jae .more
	mov ebx, gkey
	mov ah, SB|SE
	jmp order_letter
.more:
	cmp cl, 13
	jae .m
	mov ah, [checkonly]             ; -c, -C
	test ah, ah
	jz .setc
	cmp ah, al
	je .setc
	mov edx, str_cC
	jmp incompatible
.setc:
	mov [checkonly], al
	ret
.m:
	sub cl, 13
	cmp cl, 3
	jb .bit
	je .z
	cmp cl, 5
	jb parse_key
	je .tab
	cmp cl, 7
	je opt_S
	ja s_tdir                       ; -T DIR (XSEC)
	mov xsi, [outfile]              ; -o
	test xsi, xsi
	jz .seto
	mov xdi, xdx
	call strcmp
	je .ret
	mov esi, fmt_multi_out
	jmp die0
.seto:
	mov [outfile], xdx
.ret:
	ret
.bit:
	bts [opts], ecx
	ret
.z:
	mov byte [delim], 0
	ret
.tab:
	mov al, [xdx]
	mov esi, fmt_empty_tab
	test al, al
	jz die0
	cmp byte [xdx+1], 0
	je .settab
	xor eax, eax
	cmp word [xdx], '\0'
	jne .multi
	cmp [xdx+2], al
	je .settab
.multi:
	mov esi, fmt_multi_tab
	jmp die
.settab:                                ; (tabc, then hastab: a word)
	mov ah, 1
	movzx ecx, word [tabc]
	jxcxz .tabok
	mov esi, fmt_inc_tabs
	cmp cx, ax
	jne die0
.tabok:
	mov [tabc], ax
	movd xmm6, eax                  ; xmm6: the separator in each byte
	punpcklbw xmm6, xmm6            ; (skiptabs'; no other code of sort
	punpcklwd xmm6, xmm6            ; uses the xmm registers)
	pshufd xmm6, xmm6, 0
	ret

; parse_key - -k with xdx = its argument: the next key.
parse_key:
	mov [karg], xdx
	call key_slot
	mov xsi, [karg]
	key_num msg_start, msg_zero_field, K_SW
	cmp byte [xsi], '.'
	jne .opts1
	inc xsi
	key_num msg_dot, msg_zero_char, K_SC
.opts1:
	mov ah, SB
	call set_ordering
	or WPTR [xbx+K_EW], -1
	cmp byte [xsi], ','
	jne .end
	inc xsi
	key_num msg_comma, msg_zero_field, K_EW
	cmp byte [xsi], '.'
	jne .opts2
	inc xsi
	mov ebp, msg_dot
	call count
	mov [xbx+K_EC], xax
.opts2:
	mov ah, SE
	call set_ordering
.end:
	mov ebp, msg_stray
	cmp byte [xsi], 0
	jne .bad
	inc dword [nkeys]
	ret
.bad:
	mov xcx, xbp
	mov xdx, [karg]
	mov esi, fmt_spec
	xor eax, eax
	jmp die

; key_slot - xbx = the next key's slot (zero but after a +POS1 that was
; no key), the heap grown to hold it: the first key past sheap's share
; moves the keys to the heap's start. clobbers xax xcx xsi xdi
key_slot:
	mov eax, [nkeys]
	imul eax, eax, KEYSZ
	mov xbx, [keys]
	add xbx, xax
	cmp eax, KEYLIM
	je keys_move                    ; (XSEC2: the 33rd key)
	lea xax, [xbx + KEYSZ]
	jmp grow

; count - a field or byte count of -k: xsi = text, xbp = what it is (for
; the message) -> xax = the number (saturated: all ones), xsi past it,
; CF=0. No number: the message, exit 2; with xbp = 0, CF=1 (+POS1).
; Leading white space and a '+' are allowed (strtoumax). clobbers xcx xdx xdi
count:
	mov xdx, xsi
.space:
	mov al, [xsi]
	inc xsi
	cmp al, ' '
	je .space
	sub al, 9
	cmp al, 5
	jb .space
	cmp al, '+' - 9
	je .plus
	dec xsi
.plus:
	mov xdi, xsi
	xor eax, eax
.digit:
	movzx ecx, byte [xsi]
	sub ecx, '0'
	cmp ecx, 9
	ja .end
	inc xsi
	test xax, xax
	js .digit
	imul xax, xax, 10
	jo .sat
	add xax, xcx
	jno .digit
.sat:
	or xax, -1
	jmp .digit
.end:
	cmp xsi, xdi
	je .invalid
.ret:
	ret                             ; (CF=0: xsi past xdi)
.invalid:
	test ebp, ebp                   ; no message (+POS1): CF=1
	stc
	jz .ret
	mov xcx, xbp
	mov esi, fmt_count
	xor eax, eax
	jmp die

; order_letter - al an ordering letter? CF=0: its flag set in the key at
; xbx (b: ah; d wins over i); CF=1: not one. clobbers xcx xdi
order_letter:
	mov edi, ordletters
	push 11
	pop xcx
	repne scasb
	stc
	jne .ret
	neg ecx
	add ecx, 11                     ; ecx = the index + 1 = the bit
	cmp cl, 1
	je .b
	cmp cl, 6                       ; i: not after d
	jne .set
	test byte [xbx+K_FL], FD
	jnz .done
.set:
	bts [xbx+K_FL], ecx
	cmp cl, 2                       ; d: clears i
	jne .done
	and byte [xbx+K_FL], ~FI
	jmp .done
.b:
	or [xbx+K_FL], ah
.done:
	clc
.ret:
	ret

; incompatible_key - GNU's check of the key at xbx: at most one of n g h
; M and "d or i". clobbers xax xcx xdx xsi xdi
incompatible_key:
	mov eax, [xbx+K_FL]
	test ah, FRND >> 8
	jz .norand
	or byte [opts], O_RANDOM
.norand:
	mov edx, eax
	and edx, FG|FH|FM|FN
	test eax, FD|FI|FRND|FV
	jz .one
	inc edx
.one:
	lea ecx, [xdx-1]
	test ecx, edx
	jz kwhole
	and ah, ~(FR >> 8)              ; (GNU clears r and b)
	mov edi, incbuf
	call letters
	mov edx, incbuf
incompatible:                           ; xdx = the letters
	mov esi, fmt_incompat
die0:
	xor eax, eax
; die - say (xsi format, xdx ARG, xcx TEXT, xax -errno or 0), exit 2
die:
	call say
	exit 2
.ret:
incompatible_key.ret:
	ret

memory_exhausted:
	mov esi, fmt_memory
	mov edx, dash                   ; (say reads an ARG)
	jmp die0

; grow - the heap up to at least xax (GROW more when it must move).
; preserves all but xax
grow:
	cmp xax, [heap_end]
	jbe .ret
	push A1
	push xcx
	push xdx
	add xax, GROW
	jc memory_exhausted
	push xax
	sys brk, xax
	pop xcx
	cmp xax, xcx
	jb grow_exact                   ; (XSEC: without the GROW more)
.got:
	mov [heap_end], xax
	pop xdx
	pop xcx
	pop A1
.ret:
	ret

; read_inputs - every operand read to the heap from [datastart] on, a
; delimiter added after a last line without one; each operand's slot
; then holds the end of its data. clobbers all
read_inputs:
	mov xbp, [ops]
.file:
	mov xdx, [xbp]
	test xdx, xdx
	jz .ret
	xor eax, eax
	cmp word [xdx], '-'
	je .fd
	sys open, xdx, O_RDONLY|O_LARGEFILE
	mov ecx, s_open
	test eax, eax
	js .fail
.fd:
	xchg eax, ebx                   ; ebx = the fd
	mov xax, [cur]
	push xax                        ; the file's start
.read:
	mov xax, [cur]
	mov A3d, sheap_end - RESV       ; BSS mode (the data in sheap, below
	cmp xax, sheap_end              ; the heap): up to RESV bytes before
	jae .heap                       ; its end
	cmp xax, A3
	jb .room
	call to_heap                    ; more: the brk heap
.heap:                                  ; (up to LIMCHK of data, reads of
	mov xcx, xax                    ; OUTSZ; past it, heap_more in the
	sub xcx, [datastart]            ; XSEC part, which may spill them to
	cmp xcx, LIMCHK                 ; a temporary file)
	jae .big
	add xax, OUTSZ
	push xax
	call grow
	pop A3
	jmp short .room
.big:
	call heap_more
.room:
	mov A2, [cur]
	sub A3, A2
	sys read, ebx
	test eax, eax
	jz .eof
	mov ecx, s_read
	jns .more
	cmp eax, -EBADF                 ; a closed stdin: GNU's fstat fails
	jne .fail                       ; first (not with -c, -m; and not
	cmp byte [checkonly], 0         ; when it is open write-only)
	jne .fail
	test byte [opts], O_MERGE
	jnz .fail
	push xax
	sys fcntl, ebx, F_GETFD
	test eax, eax
	pop xax
	mov ecx, s_read
	jns .fail
	mov ecx, s_stat
	jmp .fail
.more:
	add [cur], xax
	jmp .read
.eof:
	pop xcx
	mov xdi, [cur]
	cmp xdi, xcx
	je .close
	mov al, [delim]
	cmp [xdi-1], al
	je .close
	stosb
	mov [cur], xdi
.close:
	test ebx, ebx
	jz .next
	sys close, ebx
.next:
	mov xax, [cur]
	mov [xbp], xax
	add xbp, W
	jmp .file
.fail:                                  ; ecx = what failed
	cmp ecx, s_read                 ; -m -o: GNU's merge truncates the
	jne .say                        ; output before its first read
	test byte [opts], O_MERGE
	jz .say
	cmp WPTR [outfile], 0
	je .say
	push xax
	push xcx
	sys ftruncate, 1, 0
	pop xcx
	pop xax
.say:
	mov esi, fmt_failed
	mov xdx, [xbp]
	jmp die
; BSS mode: the lines counted; when their packed table (4 bytes a line)
; and 10 words for the output would pass sheap's end, to_heap; else
; [rstep] = 4 (scan packs the records, runs sorts them with csort).
; (sheap's addresses fit in 32-bit registers; the heap's may not.)
.ret:
	mov xcx, [cur]
	cmp xcx, sheap_end
	jae .done
	lea edx, [ecx + W-1]            ; edx = the end: the data (aligned as
	and edx, -W                     ; scan does), 4 bytes a line, then at
	mov edi, [datastart]            ; least 10 W for the output
	sub ecx, edi
	mov al, [delim]
.count:                                 ; (each file's data end with a
	jxcxz .counted                  ; delimiter)
	repne scasb
	add edx, 4
	jmp .count
.counted:
	cmp edx, sheap_end - 10*W
	ja .move
	mov byte [rstep], 4             ; packed records (scan)
	ret
.move:
	push xax                        ; (for the file's start)
	call to_heap
	pop xax
.done:
	ret

; to_heap - the end of BSS mode: the data read ([datastart, cur)) moves to
; the brk heap with the pointers into it: datastart, cur, the slots of the
; operands before xbp (the ends of their data) and the start of the file
; being read, which read_inputs keeps on the stack. (The tables, keys and
; all else are made later or are not in sheap.) out: xax = [cur].
; clobbers xcx, xdx, xsi, xdi, A1
to_heap:
	push xbx
	sys brk, 0
	pop xbx
	mov [heap_end], xax
	xchg xdi, xax
	mov xsi, [datastart]
	mov [datastart], xdi
	mov xcx, [cur]
	sub xcx, xsi
	lea xax, [xdi + xcx]
	call grow
	mov xdx, xdi
	sub xdx, xsi                    ; xdx = how far the data moves
	rep movsb
	mov [cur], xdi
	add [xsp + W], xdx              ; the file's start
	mov xsi, [ops]
.slot:
	cmp xsi, xbp
	jae .moved
	add [xsi], xdx
	add xsi, W
	jmp .slot
.moved:
	xchg xax, xdi
	ret

; scan - the records of the lines at [recs] = [src], [rstep] bytes each:
; (start, length) words, or in BSS mode a packed dword (the start's low
; word: the records are on the data's page; the length in the high one);
; each operand's slot then points at its file's first record, and the
; slot after them at the table's end = [dst] = [runb] (BSS mode's output
; buffer); [nlines].
scan:
	mov xbx, [cur]
	add xbx, W-1
	and xbx, -W
	mov [recs], xbx
	mov [src], xbx
	mov xdi, [datastart]
	mov xbp, [ops]
.file:
	cmp xbp, [opend]
	jae .done
	mov xdx, [xbp]                  ; the end of its data
	mov [xbp], xbx
	add xbp, W
.line:
	cmp xdi, xdx
	jae .file
	lea xax, [xbx+2*W]              ; (BSS mode: under sheap_end)
	call grow
	inc WPTR [nlines]
	mov xsi, xdi
	mov xcx, xdx
	sub xcx, xdi
	mov al, [delim]
	repne scasb
	mov xax, xdi
	sub xax, xsi
	dec xax
	mov [xbx], xsi
	mov [xbx+W], xax
	cmp byte [rstep], 4             ; BSS mode: the length in the start's
	jne .next                       ; high word (the table has room past
	mov [xbx+2], ax                 ; its end: the output's)
.next:
	add xbx, [rstep]
	jmp .line
.done:
	mov [xbp], xbx                  ; (the end of the last file's run)
	mov [dst], xbx
	mov [runb], xbx                 ; (BSS mode's output buffer)
	cmp byte [rstep], 4
	je .ret
	cmp dword [nkeys], 0
	jne kfill                       ; (XSEC2: the first key's bounds)
.ret:
	ret

; rsort - BSS mode's sort of the packed records xsi..xdx: a top-down
; merge sort (each half sorted, then the halves merged: imerge).
; clobbers xax xcx xsi xdi
rsort:
	mov eax, edx
	sub eax, esi
	shr eax, 3                      ; half the records
	jz imerge.ret
	lea edi, [xsi + xax*4]
	push xsi
	push xdi
	push xdx
	mov xdx, xdi
	call rsort
	pop xdx
	pop xsi
	push xsi
	push xdx
	call rsort
	pop xdx
	pop xdi
	pop xsi
; imerge - BSS mode's merge: the packed runs xsi..xdi and xdi..xdx
; merged in place (a head of the second run taken rotates the rest of the
; first up one record); on a tie the first. clobbers xax xcx xsi xdi
imerge:
.loop:
	cmp esi, edi
	jae .ret
	cmp edi, edx
	jae .ret
	call compare
	test eax, eax
	jg .take
	lodsd
	jmp .loop
.take:
	mov eax, [xdi]
	mov ecx, esi
.rot:
	xchg eax, [xcx]
	add ecx, 4
	cmp ecx, edi
	jbe .rot
	lodsd
	scasd
	jmp .loop
.ret:
	ret

; csort - BSS mode's sort: rsort; with -m, each file's run merged into
; the run of the files before it (the order of GNU's merge of all: ties
; go to the earlier file). clobbers all
csort:
	mov esi, [src]                  ; xsi = the table (in sheap: 32
	mov edx, [dst]                  ; bits), xdx = its end
	test byte [opts], O_MERGE
	jz rsort
.merge:                                 ; the operands' slots: each
	mov ebp, esi                    ; file's first record, then the
	mov xbx, [ops]                  ; table's end (scan)
.file:
	add xbx, W
	cmp xbx, [opend]
	jae .ret
	mov edi, [xbx]
	mov edx, [xbx+W]
	mov esi, ebp
	call imerge
	jmp .file
.ret:
	ret

; runs - the initial runs: one per line, or one per file with -m; the
; bounds (line indexes, [nruns] + 1 of them) after the second table;
; then on into sortall. BSS mode: csort instead.
runs:
	cmp byte [rstep], 4
	je csort
	mov xcx, [nlines]
	jxcxz .ret                      ; (no page touched for no line)
	mov xax, [dst]                  ; the second table: as big as the
	mov xdx, xax                    ; first
	sub xdx, [recs]
	add xax, xdx
	mov [runb], xax
	lea xax, [xax + xcx*W + 8*W]     ; (merge reads 2 records past a table)
	call grow
	mov xdi, [runb]
	test byte [opts], O_MERGE
	jnz .merge
	xor eax, eax
.one:
	stosW
	inc xax
	cmp xax, xcx
	jbe .one
	jmp .done
.merge:                                 ; (scan: pointers to each file's
	mov xsi, [ops]                  ; first record, then the table's end)
	mov cl, [rshift]
.file:
	lodsW
	sub xax, [recs]
	shr xax, cl
	stosW
	cmp xsi, [opend]
	jbe .file
.done:
	sub xdi, [runb]
	shr xdi, WSHIFT
	dec xdi
	mov [nruns], xdi
.ret:                                   ; (on into sortall)

; sortall - the runs sorted into one at [src]. Without -m, blocks of
; BLOCK lines are sorted first, each wholly (in the cache) before the
; next, then merged: the passes over all the lines are fewer by PASSES.
; clobbers all
sortall:
	or WPTR [plim], -1
	test byte [opts], O_MERGE
	jnz msort
	mov xbp, [nlines]
	test xbp, xbp
	jz .ret
	mov xax, [runb]
	mov [runb0], xax
	xor ebx, ebx                    ; xbx = the block's first line
.block:
	mov xax, [runb0]
	lea xax, [xax + xbx*W]
	mov [runb], xax
	mov xax, xbp
	sub xax, xbx
	cmp xax, BLOCK
	jb .last
	mov eax, BLOCK
.last:
	mov [nruns], xax
	mov WPTR [plim], PASSES
	push xbx
	push xbp
	call msort                      ; (an even number of passes: the
	pop xbp                         ; block ends in [src] again)
	pop xbx
	add xbx, BLOCK
	cmp xbx, xbp
	jb .block
	mov xdi, [runb0]                ; the runs: one per block
	mov [runb], xdi
	xor eax, eax
.bound:
	stosW
	add xax, BLOCK
	cmp xax, xbp
	jb .bound
	xchg xax, xbp
	stosW
	sub xdi, [runb]
	shr xdi, WSHIFT
	dec xdi
	mov [nruns], xdi
	or WPTR [plim], -1
	jmp msort
.ret:
	ret

; msort - merge the runs pairwise: [plim] passes, or (-1) until one is
; left; the result at [src].
msort:
.pass:
	mov xax, [plim]
	test xax, xax
	jz .ret
	js .until
	dec WPTR [plim]
	jmp short .go
.until:
	cmp WPTR [nruns], 1
	jbe .ret
.go:
	and WPTR [pi], 0
	and WPTR [pj], 0
.pair:
	mov xcx, [pi]
	cmp xcx, [nruns]
	jae .passend
	mov xdx, [runb]
	mov xax, [xdx + xcx*W]          ; lo
	mov xdi, [xdx + xcx*W + W]      ; mid
	lea xbp, [xcx+2]
	cmp xbp, [nruns]
	jbe .hi
	mov xbp, [nruns]
.hi:
	mov xbp, [xdx + xbp*W]          ; hi
	add xcx, 2
	mov [pi], xcx
	mov xcx, [pj]
	mov [xdx + xcx*W], xax
	inc xcx
	mov [pj], xcx
	mov cl, [rshift]
	shl xax, cl
	shl xdi, cl
	shl xbp, cl
	mov xcx, [src]
	lea xsi, [xcx + xax]
	lea xbx, [xcx + xdi]
	mov xdi, xbx
	lea xdx, [xcx + xbp]
	mov xbp, [dst]
	add xbp, xax
	call merge
	jmp .pair
.passend:
	mov xdx, [runb]
	mov xcx, [nruns]
	mov xax, [xdx + xcx*W]
	mov xcx, [pj]
	mov [xdx + xcx*W], xax
	mov [nruns], xcx
	mov xax, [src]
	xchg xax, [dst]
	mov [src], xax
	jmp .pass
.ret:
	ret

; merge - the runs xsi..xbx and xdi..xdx into xbp; on a tie the first.
merge:
	mov ecx, [rstep]
.loop:
	cmp xsi, xbx
	jae .rest
	cmp xdi, xdx
	jae .rest
	call compare
	test eax, eax
	jg .b
	call .take
	jmp .loop
.b:
	xchg xsi, xdi
	call .take
	xchg xsi, xdi
	jmp .loop
; .take - the record at xsi (ecx bytes: 2 or 4 words) to xbp, both past
; it; the line two records on prefetched: a cache miss started early (the
; tables have room after them: the heap). clobbers xax
.take:
	mov xax, [xsi]
	mov [xbp], xax
	mov xax, [xsi+W]
	mov [xbp+W], xax
	cmp ecx, 2*W
	je .taken
	mov xax, [xsi+2*W]
	mov [xbp+2*W], xax
	mov xax, [xsi+3*W]
	mov [xbp+3*W], xax
.taken:
	add xsi, xcx
	add xbp, xcx
	mov xax, [xsi + xcx*2]
	prefetcht0 [xax]
	ret
.rest:
	mov xcx, xbx
	sub xcx, xsi
	push xdi
	mov xdi, xbp
	rep movsb
	pop xsi
	mov xcx, xdx
	sub xcx, xsi
	rep movsb
	ret

; put_line - the line xsi, xcx bytes, and the delimiter to the output.
; clobbers all but xbp
put_line:
	test byte [opts], O_DEBUG
	jnz dbg_line                    ; (XSEC2)
.plain:
	lea xax, [xcx+1]
	add [outtot], xax
	sbb xdx, xdx
	or [outtot], xdx
	call put
	mov esi, delim
	push 1
	pop xcx
; put - xsi bytes, xcx count into the buffer [runb, oend); when they do
; not fit, the buffer is written first, and when they do not fit it empty
; either, they go out in one write from xsi. clobbers all but xbp
put:
	mov xdi, [outp]
	mov xax, xdi
	add xax, xcx
	jc .full                        ; (i386: a line of GiBs, past 4 GiB)
	cmp xax, [oend]
	jbe .copy
.full:
	cmp xdi, [runb]
	je .direct
	push xsi
	push xcx
	call flush
	pop xcx
	pop xsi
	jmp put
.direct:
	mov A3, xcx
	movx A2, xsi
	jmp owrite
.copy:
	rep movsb
	mov [outp], xdi
	ret

; flush - what is buffered written, the buffer left empty; owrite: A2
; bytes, A3 count written. clobbers xax, xcx, A1..A3
flush:
	mov A2, [runb]
	mov A3, [outp]
	sub A3, A2
	mov [outp], A2
owrite:
	push 1
	pop A1
	call write_all
	js write_fail
	ret

; compare - xsi, xdi: records of lines -> eax < 0, 0, > 0 as the line
; at xsi sorts before, with, after the one at xdi. preserves all but xax
compare:
	push xcx
	push xdx
	push xsi
	push xdi
	cmp dword [nkeys], 0
	je .last
	push xbx
	push xbp
	call keycompare
	pop xbp
	pop xbx
	test eax, eax
	jnz .ret
	test byte [opts], O_STABLE|O_UNIQUE
	jnz .ret
	mov xdi, [xsp]
	mov xsi, [xsp+W]
.last:
	cmp byte [rstep], 4
	je .packed
	mov xcx, [xsi+W]
	mov xdx, [xdi+W]
	mov xsi, [xsi]
	mov xdi, [xdi]
.bytes:
	call memcmp2
	test byte [gkey+K_FL+1], FR >> 8
	jz .ret
	neg eax
.ret:
	pop xdi
	pop xsi
	pop xdx
	pop xcx
	ret
.packed:                                ; (as rec)
	movzx ecx, word [xsi+2]
	mov si, [xsi]
	movzx edx, word [xdi+2]
	mov di, [xdi]
	jmp .bytes

; rec - the record at xsi -> xsi its line, xdx its length; packed in
; BSS mode: the start's low word (the record is on the same page), the
; length
rec:
	cmp byte [rstep], 4
	je .packed
	mov xdx, [xsi+W]
	mov xsi, [xsi]
	ret
.packed:
	movzx edx, word [xsi+2]
	mov si, [xsi]
	ret

; memcmp2 - xsi, xcx bytes against xdi, xdx bytes -> eax: the sign of
; memcmp, then the shorter first. A word at a time (the bytes of a word
; swapped to compare them as a number), then bytes.
; clobbers xcx xdx xsi xdi
memcmp2:
	xor eax, eax
	cmp xcx, xdx
	je .words
	jb .short
	mov xcx, xdx
	inc eax
	jmp short .words
.short:
	dec eax
.words:
	cmp xcx, W
	jb .bytes
	mov xdx, [xsi]
	cmp xdx, [xdi]
	jne .word
	add xsi, W
	add xdi, W
	sub xcx, W
	jmp .words
.word:
	mov xcx, [xdi]
	bswap xdx
	bswap xcx
	cmp xdx, xcx
	jmp short .differ
.bytes:
	jxcxz .ret
	mov dl, [xsi]
	cmp dl, [xdi]
	jne .differ
	inc xsi
	inc xdi
	dec xcx
	jmp .bytes
.differ:
	sbb eax, eax
	or eax, 1
.ret:
	ret

; keycompare - ecx keys from [keys]; xsi, xdi records -> eax
keycompare:
	mov ecx, [nkeys]
	mov [ra], xsi
	mov [rb], xdi
	mov xax, [xdi]                  ; b's line is needed next: its cache
	prefetcht0 [xax]                ; miss overlaps a's
	mov xbx, [keys]
.key:
	push xcx
	mov xsi, [ra]
	call field
	mov [ka], xsi
	mov [kal], xcx
	mov xsi, [rb]
	call field
	mov xdi, xsi
	mov xdx, xcx
	mov xsi, [ka]
	mov xcx, [kal]
	mov ebp, [xbx+K_FL]
	test ebp, FN|FH
	jnz .num
	test ebp, FM
	jnz .month
	test ebp, FG
	jnz .general
	test ebp, FRND|FV
	jnz .version
	test ebp, FD|FI|FF
	jnz .ignore
	call memcmp2
.diff:
	pop xcx
	test eax, eax
	jnz .not_equal
	add xbx, KEYSZ
	loop .key
	ret
.not_equal:
	test byte [xbx+K_FL+1], FR >> 8
	jz .ret
	neg eax
.ret:
	ret
.num:
	call numcmp
	jmp .diff
.month:
	call monthcmp
	jmp .diff
.general:
	call gencmp
	jmp .diff
.ignore:
	call ignorecmp
	jmp .diff
.version:
	call vkeycmp
	jmp .diff


; kwhole - (incompatible_key, once a key) FWHOLE set on the key at xbx
; when it is the whole line (no field, no offset, no -b on its start, no
; end): field gives the line at once, kfill leaves its records narrow.
; (Here, before field's 64-byte line: in its padding.)
; clobbers xax
kwhole:
	xor eax, eax
	cmp [xbx+K_SW], xax
	jne .ret
	cmp [xbx+K_SC], xax
	jne .ret
	test byte [xbx+K_FL], SB
	jnz .ret
	dec xax
	cmp [xbx+K_EW], xax
	jne .ret
	or byte [xbx+K_FL+1], FWHOLE >> 8
.ret:
	ret

; set_ordering - the ordering letters at xsi into the key at xbx (ah: the
; b bits they set) -> xsi at the first other byte (here, with kwhole:
; in what was the padding before field's line)
set_ordering:
	mov al, [xsi]
	call order_letter
	jc .ret
	inc xsi
	jmp set_ordering
.ret:
	ret

; field - the key at xbx of the record at xsi -> xsi = its start, xcx =
; its length (0 when the end is before the start). clobbers xax xdx xdi
; (Its code and the loops after it on a 64-byte line of their own: where
; they fell with BSS mode's code before them, -k sorts of 30 MB took 10-15%
; longer on this machine's AMD EPYC.)
	align 64
field:
	cmp byte [rstep], 4             ; (rec, the full records inline: a
	je .packed                      ; hot path)
	cmp xbx, [kfirst]
	jne .find
	mov xcx, [xsi+3*W]              ; kfill's: the first key's start and
	mov xsi, [xsi+2*W]              ; length, found once a line
	ret
.find:                                  ; (kfill)
	mov xdx, [xsi+W]
	mov xsi, [xsi]
.line:
	test byte [xbx+K_FL+1], FWHOLE >> 8
	jnz .whole
	add xdx, xsi                    ; xdx = the line's end
	push xsi
	mov xax, xdx
	mov xcx, [xbx+K_EW]
	inc xcx
	jz .start                       ; no end: the line's end
	mov xdi, [xbx+K_EC]
	test xdi, xdi
	jz .lim
	dec xcx                         ; the field's start, then bytes
.lim:
	call skipfields
	mov xcx, [xbx+K_EC]
	jxcxz .limit
	test byte [xbx+K_FL], SE
	jz .echar
	call skipblanks
.echar:
	call advance
.limit:
	mov xax, xsi
.start:
	pop xsi
	push xax
	mov xcx, [xbx+K_SW]
	push 1
	pop xdi
	call skipfields
	test byte [xbx+K_FL], SB
	jz .schar
	call skipblanks
.schar:
	mov xcx, [xbx+K_SC]
	call advance
	pop xcx
	sub xcx, xsi
	jnc .ret
	xor ecx, ecx
.ret:
	ret
.whole:
	mov xcx, xdx
	ret
.packed:
	call rec
	jmp .line

; advance - xsi = min(xdx, xsi + xcx)
advance:
	add xsi, xcx
	jc .end
	cmp xsi, xdx
	jbe .ret
.end:
	mov xsi, xdx
.ret:
	ret

; skipfields - xcx fields from xsi (not past xdx): GNU's begfield and
; limfield. After the last field the separator -t is skipped too unless
; xdi = 0 (with -t: skiptabs, 16 bytes a step). clobbers eax xcx
skipfields:
.next:
	cmp xsi, xdx
	jae .ret
	jxcxz .ret
	cmp byte [hastab], 0
	jne skiptabs
	dec xcx
	call skipblanks
.nonblank:                              ; (isblank inline: the hot loop)
	cmp xsi, xdx
	jae .next
	mov al, [xsi]
	cmp al, ' '
	je .next
	cmp al, 9
	je .next
	cmp al, 10
	je .next
	inc xsi
	jmp .nonblank
.ret:
	ret

; skiptabs - skipfields with -t (xcx > 0, xsi < xdx): the xcx-th
; separator from xsi found 16 bytes a step (SSE2, xmm6: the separator in
; each byte), a bit of the mask a separator, by aligned loads, which
; never cross a page (what they read before xsi is masked, what is past
; xdx never taken); xsi past it (at it when xdi = 0), else xdx.
; clobbers eax, xcx
skiptabs:
	push xbx
	mov xbx, xcx                    ; the count
	mov ecx, esi
	and ecx, 15                     ; cl: the bytes before xsi (the
	sub xsi, xcx                    ; first block only)
.load:
	movdqa xmm0, [xsi]
	pcmpeqb xmm0, xmm6
	pmovmskb eax, xmm0
	shr eax, cl
	shl eax, cl
.bit:                                   ; a separator each bit, the lowest
	bsf ecx, eax                    ; first
	jz .block
	dec xbx
	jz .found
	btr eax, ecx
	jmp .bit
.block:
	xor ecx, ecx
	add xsi, 16
	cmp xsi, xdx
	jb .load
.end:
	mov xsi, xdx
.ret:
	pop xbx
	ret
.found:
	add xsi, xcx
	cmp xsi, xdx
	jae .end
	test xdi, xdi
	jz .ret
	inc xsi
	jmp .ret

; skipblanks - xsi past blanks (space, tab, newline), not past xdx.
; clobbers al
skipblanks:
	cmp xsi, xdx
	jae .ret
	mov al, [xsi]
	cmp al, ' '
	je .blank
	cmp al, 9
	je .blank
	cmp al, 10
	jne .ret
.blank:
	inc xsi
	jmp skipblanks
.ret:
	ret

; ignorecmp - -d -i -f: xsi, xcx against xdi, xdx (ebp flags) -> eax.
; A word alike in both is passed at once (its bytes are skipped and
; translated alike on both sides), so is a byte alike; only bytes that
; differ are translated (GNU's loops translate every byte). The words are
; tried at the start and after bytes alike only once translated.
ignorecmp:
	add xcx, xsi
	add xdx, xdi
.loop:
	lea xax, [xsi+W]
	cmp xax, xcx
	ja .bytes
	lea xax, [xdi+W]
	cmp xax, xdx
	ja .bytes
	mov xax, [xsi]
	cmp xax, [xdi]
	jne .bytes
	add xsi, W
	add xdi, W
	jmp .loop
.bytes:
	test ebp, FD|FI
	jz .both                        ; (-f alone: none ignored)
.skipa:
	cmp xsi, xcx
	jae .skipb
	mov al, [xsi]
	call ignored
	jnc .skipb
	inc xsi
	jmp .skipa
.skipb:
	cmp xdi, xdx
	jae .both
	mov al, [xdi]
	call ignored
	jnc .both
	inc xdi
	jmp .skipb
.both:
	cmp xsi, xcx
	jae .end
	cmp xdi, xdx
	jae .end
	mov al, [xdi]
	mov ah, [xsi]
	inc xsi
	inc xdi
	cmp ah, al
	je .bytes
	call xlat
	xchg al, ah
	call xlat
	cmp al, ah
	je .loop
.differ:
	sbb eax, eax
	or eax, 1
	ret
.end:
	cmp xsi, xcx
	setb al
	cmp xdi, xdx
	sbb al, 0
	movsx eax, al
	ret

; ignored - CF=1 when al is ignored under the flags in ebp (-d: all but
; alphanumerics and blanks; -i: all but printable). preserves al
ignored:
	test ebp, FD|FI
	jz .ret
	push xax
	test ebp, FI
	jz .dict
	sub al, ' '
	cmp al, 0x7f - ' '
	jmp .done
.dict:
	call field_sep
	je .keep
	mov ah, al
	sub ah, '0'
	cmp ah, 10
	jb .keep
	or al, 0x20
	sub al, 'a'
	cmp al, 26
	jmp .done
.keep:
	stc
.done:
	cmc
	pop xax
.ret:
	ret

units:		db 'KMGTPEZY'
str_cC:		db 'cC', 0

; ghex - strtold's hex prefix at xsi (3 bytes or more before xdx; eax =
; its first four or'ed with 0x202020: gparse, gend): CF=0 and xsi past
; "0x" when a hex digit follows (or a '.' and one), else CF=1.
; clobbers xax
ghex:
	cmp ax, '0x'
	jne .no
	mov al, [xsi+2]
	cmp al, '.'
	jne .digit
	lea xax, [xsi+3]
	cmp xax, xdx
	jae .no
	mov al, [xsi+3]
.digit:
	call digit16
	jc .ret
	inc xsi
	inc xsi
	ret
.no:
	stc
.ret:
	ret

; gwhite - xsi past strtold's white space (space, \t \n \v \f \r) before
; xdx (gparse, --debug's gend): CF=1 when nothing else is left. clobbers al
gwhite:
	cmp xsi, xdx
	jae .end
	mov al, [xsi]
	cmp al, ' '
	je .white
	sub al, 9
	cmp al, 5
	jae .ret
.white:
	inc xsi
	jmp gwhite
.end:
	stc
.ret:
	ret

; letters - the letters of the flags eax but b (d f g h i M n R r V: GNU's
; key_to_opts order) at xdi, then a NUL. clobbers eax edx esi
letters:
	shr eax, 2
	mov edx, eax
	mov esi, incletters
.letter:
	lodsb
	test al, al
	jz .end
	shr edx, 1
	jnc .letter
	stosb
	jmp .letter
.end:
	stosb
	ret

; xlat - al upper-cased with -f (ebp)
xlat:
	test ebp, FF
	jz .ret
	cmp al, 'a'
	jb .ret
	cmp al, 'z'
	ja .ret
	sub al, 0x20
.ret:
	ret

; monthcmp - -M: xsi, xcx against xdi, xdx -> eax
monthcmp:
	push xdi
	push xdx
	call month
	pop xcx
	pop xsi
	push xax
	call month
	pop xcx
	sub ecx, eax
	xchg eax, ecx
	ret

; month - xsi, xcx: 1..12 for JAN..DEC after blanks, 0 for none.
; clobbers xcx xdx xsi xdi
month:
	lea xdx, [xsi+xcx]
	call skipblanks
	sub xdx, xsi
	xor eax, eax
	cmp xdx, 3
	jb .ret
	mov eax, [xsi]
	and eax, 0xdfdfdf
	mov edi, months
	push 12
	pop xcx
	repne scasd
	mov eax, 0
	jne .ret
	lea eax, [xcx+1]
	neg eax
	add eax, 13
.ret:
	ret

; numcmp - -n and -h: xsi, xcx against xdi, xdx (ebp flags) -> eax
NUM_SIGN equ 0			; -1, 0, 1 (a dword)
NUM_IP	equ W		; the integer digits after leading zeros
NUM_IL	equ 2*W
NUM_FP	equ 3*W		; the fraction digits without trailing zeros
NUM_FL	equ 4*W
NUM_UNIT equ 5*W	; -h: the unit's order (a dword)
NUMSZ	equ 6*W
numcmp:
	sub xsp, 2*NUMSZ
	push xdi
	push xdx
	lea xdi, [xsp+2*W]
	call parse_num
	pop xcx
	pop xsi
	lea xdi, [xsp+NUMSZ]
	call parse_num
	test ebp, FH
	jz .sign
	mov eax, [xsp+NUM_UNIT]
	sub eax, [xsp+NUMSZ+NUM_UNIT]
	jnz .ret
.sign:
	mov eax, [xsp+NUM_SIGN]
	sub eax, [xsp+NUMSZ+NUM_SIGN]
	jnz .ret
	cmp eax, [xsp+NUM_SIGN]
	je .ret
	mov xcx, [xsp+NUM_IL]
	mov xdx, [xsp+NUMSZ+NUM_IL]
	cmp xcx, xdx
	jne .length
	mov xsi, [xsp+NUM_IP]           ; the digits, the separators after
	mov xdi, [xsp+NUMSZ+NUM_IP]     ; each skipped (xcx of each)
	jxcxz .fraction
.digit:
	mov al, [xsi]
	cmp al, [xdi]
	jne .length                     ; (CF: a's is the lesser)
	dec xcx
	jz .fraction
.sep_a:
	inc xsi
	cmp byte [xsi], SEP
	je .sep_a
.sep_b:
	inc xdi
	cmp byte [xdi], SEP
	je .sep_b
	jmp .digit
.fraction:
	mov xsi, [xsp+NUM_FP]
	mov xcx, [xsp+NUM_FL]
	mov xdi, [xsp+NUMSZ+NUM_FP]
	mov xdx, [xsp+NUMSZ+NUM_FL]
	call memcmp2
	jmp .signed
.length:
	sbb eax, eax
	or eax, 1
.signed:
	cmp dword [xsp+NUM_SIGN], 0
	jg .ret
	neg eax
.ret:
	add xsp, 2*NUMSZ
	ret

; parse_num - the number at xsi, xcx bytes, into the record at xdi (see
; NUM_): GNU's strnumcmp with the C locale's thousands separator, which
; sort makes NON_CHAR (CHAR_MAX + 1: the byte 0x80 as strnumcmp's
; unsigned char): skipped with the leading zeros and after each integer
; digit. -h's unit scan (a signed char) stops at one: no unit then.
; clobbers xax xcx xdx xsi
SEP	equ 0x80
parse_num:
	lea xdx, [xsi+xcx]
	call skipblanks
	xor ecx, ecx                    ; ecx = 1 for a minus
	and dword [xdi+NUM_UNIT], 0     ; (1: a separator seen)
	cmp xsi, xdx
	jae .zeros
	cmp byte [xsi], '-'
	jne .zeros
	inc xsi
	inc ecx
.zeros:
	cmp xsi, xdx
	jae .int
	cmp byte [xsi], '0'
	je .lead
	cmp byte [xsi], SEP
	jne .int
	mov byte [xdi+NUM_UNIT], 1
.lead:
	inc xsi
	jmp .zeros
.int:
	mov [xdi+NUM_IP], xsi
	xor eax, eax                    ; the integer digits
.idigit:
	cmp xsi, xdx
	jae .idone
	cmp byte [xsi], '0'
	jb .idone
	cmp byte [xsi], '9'
	ja .idone
	inc eax
.isep:
	inc xsi
	cmp xsi, xdx
	jae .idone
	cmp byte [xsi], SEP
	jne .idigit
	mov byte [xdi+NUM_UNIT], 1
	jmp .isep
.idone:
	mov [xdi+NUM_IL], xax
	mov [xdi+NUM_FP], xsi
	mov xax, xsi
	cmp xsi, xdx
	jae .frac
	cmp byte [xsi], '.'
	jne .frac
	inc xsi
	mov [xdi+NUM_FP], xsi
	call digits
	mov xax, xsi
.strip:
	cmp xax, [xdi+NUM_FP]
	jbe .frac
	cmp byte [xax-1], '0'
	jne .frac
	dec xax
	jmp .strip
.frac:
	sub xax, [xdi+NUM_FP]
	mov [xdi+NUM_FL], xax
	or xax, [xdi+NUM_IL]
	jz .zero
	neg ecx
	or ecx, 1                       ; 1 or -1
	mov [xdi+NUM_SIGN], ecx
; -h: the unit after the number, as GNU's unit_order
	xor eax, eax
	test ebp, FH
	jz .unit                        ; (-n: none looked for)
	cmp [xdi+NUM_UNIT], eax
	jne .unit                       ; (a separator stopped its scan)
	cmp xsi, xdx
	jae .unit
	mov al, [xsi]
	cmp al, 'k'
	jne .upper
	mov al, 'K'
.upper:
	test ebp, FF
	jz .find
	call xlat
.find:
	cmp al, 'E'                     ; (outside the units' range: none,
	jb .none                        ; without the scan)
	cmp al, 'Z'
	ja .none
	push xdi
	mov edi, units
	push 8
	pop xcx
	repne scasb
	pop xdi
	mov eax, 0
	jne .unit
	lea eax, [xcx-8]
	neg eax
	imul eax, [xdi+NUM_SIGN]
	jmp short .unit
.none:
	xor eax, eax
.unit:
	mov [xdi+NUM_UNIT], eax
	ret
.zero:
	mov [xdi+NUM_SIGN], eax
	mov [xdi+NUM_UNIT], eax
	ret

; digits - xsi past the digits, not past xdx. clobbers al
digits:
	cmp xsi, xdx
	jae .ret
	mov al, [xsi]
	sub al, '0'
	cmp al, 10
	jae .ret
	inc xsi
	jmp digits
.ret:
	ret


; gencmp - -g: xsi, xcx against xdi, xdx -> eax, as GNU's
; general_numcompare: no number first, then NaNs (by their bytes), then
; the numbers (-0 = 0). clobbers xcx xdx xsi xdi xbp
gencmp:
	push xbx
	push xdi
	push xdx
	call gparse
	jc .anone
	fstp tword [ga]
.anone:
	sbb eax, eax                    ; -1: a is no number
	pop xcx
	pop xsi
	push xax
	call gparse
	pop xbx
	jc .bnone
	fstp tword [gb]
	xor eax, eax
	inc eax
	test ebx, ebx
	jnz .ret                        ; a none, b one: -1 (neg below)
	fld tword [gb]
	fld tword [ga]
	fucomip st0, st1
	fstp st0
	jp .nan
	ja .ret1
	sbb eax, eax                    ; -1 or 0
	jmp short .pop
.nan:                                   ; a NaN: -1 unless b is one too
	fld tword [gb]
	fucomip st0, st0
	fstp st0
	jnp .neg
	fld tword [ga]
	fucomip st0, st0
	fstp st0
	jnp .ret1
	mov esi, ga
	mov edi, gb
	push 10
	pop xcx
	repe cmpsb
	je .zero
	sbb eax, eax
	or eax, 1
	jmp short .pop
.bnone:                                 ; b none: 0 if a none too, else 1
	mov eax, ebx
	inc eax
	jmp short .pop
.zero:
	xor eax, eax
	jmp short .pop
.neg:
	or eax, -1
	jmp short .pop
.ret:
	neg eax
	jmp short .pop
.ret1:
	xor eax, eax
	inc eax
.pop:
	pop xbx
	ret

; gparse - strtold's syntax at xsi, xcx bytes (white space, a sign, inf,
; nan, 0x hex with p exponents, decimal with e exponents) -> CF=1: no
; number; CF=0: st0 = the value (digits past the 19th, 16th in hex, are
; dropped, then one rounding by the power of the base).
; clobbers xax xbx xcx xdx xsi xdi xbp
gparse:
	lea xdx, [xsi+xcx]
	call gwhite
	jc .none
	xor ebp, ebp                    ; ebp = 1 for a minus
	mov al, [xsi]
	cmp al, '+'
	je .signed
	cmp al, '-'
	jne .body
	inc ebp
.signed:
	inc xsi
.body:
	mov xax, xdx
	sub xax, xsi
	cmp xax, 3
	jb .number
	mov eax, [xsi]
	and eax, 0xffffff
	or eax, 0x202020
	mov edi, g_inf
	cmp eax, 'inf'
	je .const
	mov edi, g_nan
	cmp eax, 'nan'
	je .const
	call ghex
	jc .number
	mov bl, 16
	jmp short .mantissa
.const:
	fld tword [xdi]
	jmp .sign_value
.none:
	stc
	ret
.number:
	mov bl, 10
; ecx = significant digits, edi = the exponent (of 10, or of 2 in hex),
; bh = 1 after a digit, bit 1 in the fraction; [gradix] = the base
.mantissa:
	movzx eax, bl
	mov [gradix], eax
	xor ecx, ecx
	mov [gzero], ecx
	xor edi, edi
	mov bh, 0
	fldz
.digit:
	cmp xsi, xdx
	jae .mant_end
	mov al, [xsi]
	cmp al, '.'
	jne .isdigit
	test bh, 2
	jnz .mant_end
	or bh, 2
	inc xsi
	jmp .digit
.isdigit:
	cmp bl, 16
	je .hex
	sub al, '0'
	cmp al, 10
	cmc
	jmp short .got
.hex:
	call digit16
.got:
	jc .mant_end
	inc xsi
	or bh, 1
	movzx eax, al
	test ecx, ecx
	jnz .significant
	test eax, eax
	jz .place                       ; a leading zero
.significant:
	cmp ecx, 19
	je .dropped
	cmp bl, 16
	jne .take
	cmp ecx, 16
	je .dropped
.take:                                  ; a decimal 0 waits in [gzero]: one
	inc ecx                         ; value, one (M, exponent), however
	test eax, eax                   ; spelled (210e27, 21e28, 2.1e29)
	jnz .times
	cmp bl, 16
	je .times
	inc dword [gzero]
	jmp short .place
.times:                                 ; M * base^(zeros+1) + the digit
	fimul dword [gradix]
	dec dword [gzero]
	jns .times
	inc dword [gzero]
	push xax
	fiadd dword [xsp]
	pop xax
.place:                                 ; in the fraction: one place down
	test bh, 2
	jz .digit
	call .step
	sub edi, eax
	jmp .digit
.dropped:                               ; in the integer part: one place up
	test bh, 2
	jnz .digit
	call .step
	add edi, eax
	jmp .digit
.step:                                  ; eax = 1, or 4 in hex
	xor eax, eax
	inc eax
	cmp bl, 16
	jne .step1
	mov al, 4
.step1:
	ret
.mant_end:
	test bh, 1
	jz .nodigit
; The exponent: e (p in hex), a sign, decimal digits; else none.
	mov xax, xdx
	sub xax, xsi
	cmp xax, 2
	jb .scale
	mov al, [xsi]
	or al, 0x20
	cmp bl, 16
	je .p
	cmp al, 'e'
	jmp short .e
.p:
	cmp al, 'p'
.e:
	jne .scale
	push xsi
	inc xsi
	xor ecx, ecx                    ; ecx = 1 for a minus
	mov al, [xsi]
	cmp al, '+'
	je .esign
	cmp al, '-'
	jne .edigits
	inc ecx
.esign:
	inc xsi
.edigits:
	xor eax, eax
	push xsi
.edigit:
	cmp xsi, xdx
	jae .eend
	movzx ebx, byte [xsi]
	sub ebx, '0'
	cmp ebx, 9
	ja .eend
	inc xsi
	cmp eax, 100000
	jae .edigit
	imul eax, eax, 10
	add eax, ebx
	jmp .edigit
.eend:
	pop xbx
	cmp xsi, xbx
	pop xsi
	je .scale_base                  ; no digit: no exponent
	jecxz .eplus
	neg eax
.eplus:
	add edi, eax
.scale_base:
	mov bl, [gradix]
.scale:
	add edi, [gzero]                ; the zeros M left out
	fldz
	fucomip st0, st1
	je .sign_value                  ; 0 stays 0 (however scaled)
	cmp bl, 16
	jne .pow10
	mov [gexp], edi
	fild dword [gexp]
	fxch st1
	fscale
	fstp st1
	jmp short .sign_value
.pow10:                                 ; st0 = 10^|edi|, then * or /
	cmp edi, -4096                  ; past 10^4932 (inf): / 10^4096 first,
	jge .pow_rest                   ; so a subnormal or a small normal is
	mov eax, 4096                   ; not flushed to 0 (strtold: 1e-4940)
	call .power10
	fdivp st1, st0
	add edi, 4096
.pow_rest:
	mov eax, edi
	cdq
	xor eax, edx
	sub eax, edx
	call .power10
	test edi, edi
	js .divide
	fmulp st1, st0
	jmp short .sign_value
.divide:
	fdivp st1, st0
	jmp short .sign_value
.power10:                               ; eax = n -> st0 = 10^n (pushed)
	fld1                            ; out: eax = 0
	fild dword [gradix]
.power:
	shr eax, 1
	jnc .square
	fmul st1, st0
.square:
	fmul st0, st0
	jnz .power
	fstp st0
	ret
.sign_value:
	test ebp, ebp
	jz .done
	fchs
.done:
	clc
	ret
.nodigit:
	fstp st0
	stc
	ret

; digit16 - al a hex digit? CF=0: al = its value; CF=1: not one.
; clobbers ah
digit16:
	mov ah, al
	sub ah, '0'
	cmp ah, 10
	jb .dec
	or al, 0x20
	sub al, 'a'
	cmp al, 6
	cmc
	jc .ret
	add al, 10
	ret
.dec:
	mov al, ah
	clc
.ret:
	ret

OPTSPEC:	db 'bdfghiMnRrVcCmsuzk:t:o:S:T:y:', 0
ordletters:	db 'bdfghiMnRrV'
incletters:	db 'dfghiMnRrV', 0
months:		db 'JAN', 0, 'FEB', 0, 'MAR', 0, 'APR', 0, 'MAY', 0, 'JUN', 0
		db 'JUL', 0, 'AUG', 0, 'SEP', 0, 'OCT', 0, 'NOV', 0, 'DEC', 0
dash:		db '-', 0
str_stdout:	db 'standard output', 0
fmt_cannot_read: db F_ARGV0, ': cannot read: ', F_FILE, F_REASON, 10, 0
fmt_failed:	db F_ARGV0, ': ', F_TEXT, ' failed: ', F_FILE, F_REASON, 10, 0
s_open:		db 'open', 0
s_read:		db 'read', 0
s_stat:		db 'stat', 0
s_write:	db 'write', 0
s_fflush:	db 'fflush', 0
fmt_write_error: db F_ARGV0, ': write error', F_REASON, 10, 0
fmt_memory:	db F_ARGV0, ': memory exhausted', 10, 0
fmt_disorder:	db F_ARGV0, ': ', F_ARG, ':', F_TEXT, ': disorder: ', 0
fmt_incompat:	db F_ARGV0, ": options '-", F_ARG, "' are incompatible", 10, 0
fmt_extra_c:	db F_ARGV0, ': extra operand ', F_QUOTE, ' not allowed with -', F_TEXT, 10, 0
fmt_multi_tab:	db F_ARGV0, ': multi-character tab ', F_QUOTE, 10, 0
fmt_empty_tab:	db F_ARGV0, ': empty tab', 10, 0
fmt_inc_tabs:	db F_ARGV0, ': incompatible tabs', 10, 0
g_inf:		dq 0x8000000000000000
		dw 0x7fff
g_nan:		dq 0xc000000000000000
		dw 0x7fff

; The long options and what only they need, in the cold part (elf.inc's
; COLD): a run without one never maps it.
COLD
; sort_long - the long option at [xsi] (xax: "--NAME[=VALUE]"), read by
; long_opt (GNU's prefixes, its messages) and done as GNU's sort does:
; xsi past it (and its argument), xbx = 0. preserves xdi
sort_long:
	push xdi
	lea xbx, [xsi+W]
	lea xsi, [xax+2]
	call long_opt                   ; al = the code, xdx = the argument
	push xbx
	call long_code
	pop xsi
	pop xdi
	xor ebx, ebx
	ret

; long_code - al = a long option's code (LONGOPTS), xdx = its argument (0:
; none). A letter is its short option's (option, with getopt's index in
; ecx); 1 --check, '2'.. '7' the long-only ones. May clobber everything.
long_code:
	cmp al, 1
	je .check
	cmp al, '9'
	ja .letter
	sub al, '2'
	je .sort
	dec al
	je .parallel
	dec al
	je .batch
	dec al
	mov ebx, cprog
	mov esi, fmt_multi_comp
	je .once                        ; '5' --compress-program
	dec al
	mov ebx, rsrc
	mov esi, fmt_multi_rand
	je .once                        ; '6' --random-source
	dec al
	jnz .debug
	mov [f0_name], xdx               ; '7' --files0-from=F (the last one)
	ret
.debug:                                 ; '8' --debug
	or byte [opts], O_DEBUG
	ret
.check:                                 ; --check[=quiet|silent|diagnose-first]
	mov al, 'c'
	test xdx, xdx
	jz .letter
	mov edi, args_check
	mov ecx, name_check
	mov ebp, list_check
	call xargmatch
	jmp .letter
.sort:                                  ; --sort=WORD: its letter
	mov edi, args_sort
	mov ecx, name_sort
	mov ebp, list_sort
	call xargmatch
.letter:
	cmp al, 'S'
	mov ecx, str_buffer_size
	je size_opt
	cmp al, 'T'
	je s_tdir
	mov esi, OPTSPEC                ; getopt's index of the letter
	or ecx, -1
.find:
	mov ah, [xsi]
	inc esi
	test ah, ah
	jz opt_invalid                  ; -R, -V: al = the letter
	cmp ah, ':'
	je .find
	inc ecx
	cmp ah, al
	jne .find
	jmp option
; GNU's specify_nthreads: a number (any size) but 0.
.parallel:
	mov ecx, str_parallel
	xor edi, edi
	call xnum
	and bl, ~1                      ; too big: SIZE_MAX
	jnz xfatal
	mov eax, [nval]
	or eax, [nval+4]
	jnz .ret
	mov esi, fmt_par_zero
	jmp die0
; GNU's specify_nmerge: 2 up to RLIMIT_NOFILE's soft limit - 3 (as an
; unsigned int).
.batch:
	mov ecx, str_batch
	xor edi, edi
	call xnum
	cmp ebx, 1
	ja xfatal
	push xcx
	push xdx
	sys prlimit64, 0, RLIMIT_NOFILE, 0, ga
	pop xdx
	pop xcx
	mov eax, [ga]
	sub eax, 3                      ; eax = the most
	test ebx, ebx
	jnz .too_big
	cmp dword [nval+4], 0
	jne .too_big
	mov esi, fmt_xinv
	mov ebp, fmt_bmin
	mov edi, numend                 ; (an ARG say reads)
	cmp dword [nval], 2
	jb .two_msgs
	cmp eax, [nval]
	jae .ret
.too_big:
	push xcx
	push xdx
	mov edi, numend
	call utoa
	pop xdx
	pop xcx
	mov esi, fmt_xbig
	mov ebp, fmt_bmax
.two_msgs:                              ; the value's message (xsi), then
	push xdi                        ; the limit's (xbp, ARG: the most)
	xor eax, eax
	call say
	pop xdx
	mov esi, ebp
	jmp die0
; --compress-program, --random-source: once, or the same again (GNU keeps
; them for temporary files and -R, which this sort does not have).
.once:
	mov xax, [xbx]
	test xax, xax
	jz .store
	push xsi
	mov xsi, xax
	mov xdi, xdx
	call strcmp
	pop xsi
	jne die0
	ret
.store:
	mov [xbx], xdx
.ret:
	ret

; -S SIZE, --buffer-size=SIZE: GNU's specify_sort_size: the memory the
; lines may take before they go to temporary files (s_size: the biggest
; -S). xdx = SIZE, xcx = the option's name.
opt_S:
	mov ecx, str_S
size_opt:
	mov edi, sfx_S
	call xnum
	mov al, [xsi-1]                 ; the last byte read a digit?
	sub al, '0'
	cmp al, 10
	sbb eax, eax                    ; -1: yes
	test ebx, ebx
	jnz .notok
	test eax, eax
	jz s_size                       ; KiB by default:
	test dword [nval+4], 0xffc00000 ; * 1024 fits?
	jz s_size
	inc ebx
	jmp xfatal
.notok:
	test eax, eax
	jz xfatal
	cmp ebx, 2                      ; "Nb" (bytes), "N%" (of the memory)
	jne xfatal
	cmp byte [xsi+1], 0
	jne xfatal
	mov al, [xsi]
	cmp al, 'b'
	je s_size
	cmp al, '%'
	je s_size
	jmp xfatal

; xfatal - gnulib's xstrtol_fatal: ebx = the LONGINT bits, xcx = the
; option's name ("-S", "--parallel"), xdx = its argument. Exits 2.
xfatal:
	mov esi, fmt_xinv_raw           ; (its '%s' unquoted: GNU's
	test bl, 4                      ; xstrtol_error, unlike the quote()
	jnz .say                        ; of --batch-size's own messages)
	mov esi, fmt_xsuf
	test bl, 2
	jnz .say
	mov esi, fmt_xbig_raw
.say:
	jmp die0

; xnum - gnulib's xstrtoumax in base 10: xdx = the string, xdi = the valid
; suffixes (a string) or 0 -> [nval] (64 bits, the most on overflow), ebx
; = the LONGINT bits (1 overflow, 2 invalid suffix, 4 invalid), xsi = where
; the parse stopped. preserves xcx, xdx, xdi
xnum:
	push xcx
	push xdx
	xor ebx, ebx
	mov [nval], ebx
	mov [nval+4], ebx
	mov xsi, xdx
.ws:
	lodsb
	cmp al, ' '
	je .ws
	sub al, 9
	cmp al, 13 - 9
	jbe .ws
	cmp al, '-' - 9
	je .invalid
	cmp al, '+' - 9
	je .first
	dec xsi
.first:
	mov al, [xsi]
	sub al, '0'
	cmp al, 9
	ja .nodigit
.digit:
	lodsb
	sub al, '0'
	cmp al, 9
	ja .digits_end
	test bl, 1
	jnz .digit                      ; saturated: the rest skipped
	movzx eax, al
	push xax
	push 10
	pop xcx
	mov eax, [nval+4]
	mul ecx
	jc .ovf_pop
	mov [nval+4], eax
	mov eax, [nval]
	mul ecx
	pop xcx
	add eax, ecx
	adc [nval+4], edx
	jc .ovf
	mov [nval], eax
	jmp .digit
.ovf_pop:
	pop xax
.ovf:
	or bl, 1
	or dword [nval], -1
	or dword [nval+4], -1
	jmp .digit
.nodigit:                               ; a valid suffix alone is 1 of it
	mov xsi, xdx
	call .valid
	jc .invalid
	inc byte [nval]
	jmp .suffix
.digits_end:
	dec xsi
	cmp byte [xsi], 0
	je .done
	call .valid
	jc .bad_suffix
.suffix:
	inc xsi
.scale:                                 ; ecx = the power of 1024
	test dword [nval+4], 0xffc00000
	jz .shift
	or bl, 1
	or dword [nval], -1
	or dword [nval+4], -1
	jmp .scaled
.shift:
	mov eax, [nval]
	shld [nval+4], eax, 10
	shl dword [nval], 10
	loop .scale
.scaled:
	cmp byte [xsi], 0
	je .done
.bad_suffix:
	or bl, 2
	jmp .done
.invalid:
	mov bl, 4
.done:
	pop xdx
	pop xcx
	ret
; .valid - [xsi] among the suffixes at xdi: CF=0 and ecx = its power
; (sfx_pow), else CF=1. clobbers xax
.valid:
	test edi, edi
	stc
	jz .vret
	mov al, [xsi]
	xor ecx, ecx
.vnext:
	mov ah, [xdi+xcx]
	inc ecx
	cmp ah, 1                       ; CF=1 at the end of the list
	jc .vret
	cmp ah, al
	jne .vnext
	movzx ecx, byte [xcx + sfx_pow - 1]
	test ecx, ecx                   ; CF=0
.vret:
	ret

; xargmatch - gnulib's XARGMATCH: xdx = the argument, xdi = the words (db
; VALUE, 'word', 0; a 0 after the last), ecx = the option's name, ebp =
; the list of valid arguments -> al = the VALUE of the word the argument
; is (or is the only prefix of: words of one VALUE count as one). Else
; "invalid" or "ambiguous argument", the list, the Try line, exit 1.
xargmatch:
	call argmatch                   ; (rt/argmatch.inc) ah = 1: ambiguous
	jnc .ret
	mov esi, fmt_am_inv
	test ah, ah
	jz .fail
	mov esi, fmt_am_amb
.fail:
	push xbp
	push xcx
	xor eax, eax
	call say                        ; "...argument 'X' for '--"
	pop xcx
	pop xdx
	mov esi, fmt_am_list
	call say                        ; "NAME'", the list, the Try line
	exit 1
.ret:
	ret

%include "rt/argmatch.inc"

; vkeycmp - -V and -R: xsi, xcx against xdi, xdx (ebp flags) -> eax.
; With -d, -i or -f the keys are compared as copies (GNU's: the ignored
; bytes left out, the rest translated): on the stack up to VSTACK bytes
; for both, else in a mapping kept for the next (vmap_get).
; clobbers xcx xdx xsi xdi
VSTACK	equ 16384
vkeycmp:
	cmp xbx, [krand]                ; -R's digests, kept with the lines
	je krcmp                        ; (XSEC2)
.go:
	test ebp, FD|FI|FF
	jz .cmp
	push xbx
	mov xbx, xsp
	lea xax, [xcx+xdx]
	cmp xax, VSTACK
	ja .map
	sub xsp, xax
	and xsp, -16
	mov xax, xsp
	jmp .copy
.map:
	call vmap_get
.copy:                                  ; xax = where the copies go
	push xax
	push xdx
	push xdi
	xchg xdi, xax
	call vcopy                      ; a's copy
	pop xsi
	pop xcx
	push xdi
	call vcopy                      ; b's after it
	mov xdx, xdi
	pop xdi
	sub xdx, xdi
	pop xsi
	mov xcx, xdi
	sub xcx, xsi
	call .cmp
	mov xsp, xbx
	pop xbx
	ret
.cmp:
	test ebp, FRND
	jnz randcmp
	jmp filevercmp

; vmap_get - xax bytes -> xax = a mapping of at least that many (the
; last one when big enough, else a new one: "memory exhausted" when none).
; preserves all but xax
vmap_get:
	cmp xax, [vmapsz]
	jbe .have
	push_list xbx, xcx, xdx, xsi, xdi, xbp, xax
	sys munmap, [vmap], [vmapsz]    ; (none yet: EINVAL, nothing)
	mov A2, [xsp]
	sys mmapx, 0, A2, PROT_RW, MAP_PRIVANON, -1, 0
	jerrp memory_exhausted
	mov [vmap], xax
	pop_list xbx, xcx, xdx, xsi, xdi, xbp, xax
	mov [vmapsz], xax
.have:
	mov xax, [vmap]
	ret

; vcopy - xsi, xcx bytes copied to xdi without the bytes ignored (ebp:
; -d, -i), translated (-f) -> xdi past the copy. clobbers al xcx xsi
vcopy:
	jxcxz .ret
.byte:
	lodsb
	call ignored
	jc .next
	call xlat
	stosb
.next:
	loop .byte
.ret:
	ret

; rand_init - -R's salt: the first 16 bytes of --random-source's file
; (GNU's randread reads a named file as is), else of getrandom. GNU's
; messages for a file that fails. clobbers all
rand_init:
	mov ebp, salt                   ; xbp = where the next bytes go
	mov xdx, [rsrc]
	test xdx, xdx
	jz .getrandom
	sys open, xdx, O_RDONLY|O_LARGEFILE
	mov ecx, s_open
	mov esi, fmt_failed
	test eax, eax
	js .die
	xchg eax, ebx                   ; ebx = the fd
.read:
	mov A3d, salt+16
	sub A3d, ebp
	jz .done
	mov A2d, ebp
	sys read, ebx
	mov esi, fmt_rand_read
	test eax, eax
	js .die
	mov esi, fmt_rand_eof
	jz .die
	add ebp, eax
	jmp .read
.done:
	sys close, ebx
	ret
.getrandom:
	sys getrandom, xbp, 16, 0
	ret
.die:
	mov xdx, [rsrc]
	jmp die

; randcmp - -R: xsi, xcx against xdi, xdx -> eax: GNU's compare_random,
; the MD5 digests of the salt and each key compared as bytes, a tie by
; the keys' bytes. clobbers xcx xdx xsi xdi
randcmp:
	push xbx
	push xbp
	push xsi
	push xcx
	push xdi
	push xdx
	mov xsi, xdi
	mov xcx, xdx
	call md5key
	mov esi, hash_state
	mov edi, digb
	movsd
	movsd
	movsd
	movsd
	mov xsi, [xsp+3*W]
	mov xcx, [xsp+2*W]
	call md5key
	mov esi, hash_state
	mov edi, digb
	push 16
	pop xcx
	mov edx, ecx
	call memcmp2
	pop xdx
	pop xdi
	pop xcx
	pop xsi
	test eax, eax
	jnz .ret
	call memcmp2
.ret:
	pop xbp
	pop xbx
	ret

; md5key - the MD5 digest of the salt and xsi, xcx bytes -> hash_state.
; clobbers all
md5key:
	push xcx
	push xsi
	mov esi, md5_iv
	mov edi, hash_state
	push 4
	pop xcx
	rep movsd                       ; the state, then the salt in mblk
	mov esi, salt
	mov cl, 4
	rep movsd
	pop xsi
	mov xdx, [xsp]                  ; xdx = the bytes left
.fill:
	mov ecx, mblk+64
	sub ecx, edi
	cmp xcx, xdx
	jb .part
	mov xcx, xdx
.part:
	sub xdx, xcx
	rep movsb
	cmp edi, mblk+64
	jb .pad
	push xsi
	push xdx
	call .block
	pop xdx
	pop xsi
	jmp .fill
.pad:
	mov al, 0x80
	stosb
.zero:
	xor eax, eax
	cmp edi, mblk+56
	je .len
	cmp edi, mblk+64
	jb .zb
	call .block
	jmp .zero
.zb:
	stosb
	jmp .zero
.len:                                   ; the bits: (16 + length) * 8,
	pop xax                         ; 64 bits little-endian (x86_64's
	add xax, 16                     ; bits past them go to mblk+64)
	mov xdx, xax
	shl xax, 3
	stosW
	shr xdx, 8*W-3
	mov [xdi], xdx
.block:
	call md5_block
	mov edi, mblk
	ret

; md5_block - MD5's compression (RFC 1321) of the 64 bytes at mblk into
; hash_state: a loop of the 64 steps (a = b + rol(a + f(b, c, d) + X[g] +
; K[i], s); a b c d then d a b c), small rather than fast: -R hashes
; short keys. a eax, b ebx, c ebp, d edx, i esi. clobbers all
md5_block:
	mov eax, [hash_state]
	mov ebx, [hash_state+4]
	mov ebp, [hash_state+8]
	mov edx, [hash_state+12]
	xor esi, esi
.step:
	mov edi, esi
	mov ecx, esi
	shr ecx, 4                      ; the round
	jz .r0
	dec ecx
	jz .r1
	dec ecx
	jz .r2
	imul edi, edi, 7                ; g = 7i, f = c ^ (b | ~d)
	mov ecx, edx
	not ecx
	or ecx, ebx
	xor ecx, ebp
	jmp .go
.r2:
	lea edi, [xdi*2+xdi+5]          ; g = 3i + 5, f = b ^ c ^ d
	mov ecx, ebx
	xor ecx, ebp
	xor ecx, edx
	jmp .go
.r1:
	lea edi, [xdi*4+xdi+1]          ; g = 5i + 1, f = c ^ (d & (b ^ c))
	mov ecx, ebx
	xor ecx, ebp
	and ecx, edx
	xor ecx, ebp
	jmp .go
.r0:
	mov ecx, ebp                    ; g = i, f = d ^ (b & (c ^ d))
	xor ecx, edx
	and ecx, ebx
	xor ecx, edx
.go:
	add eax, ecx
	and edi, 15
	add eax, [mblk + xdi*4]
	add eax, [md5_k + xsi*4]
	mov ecx, esi                    ; s: md5_s[round*4 + i%4]
	shr ecx, 2
	and ecx, 12
	mov edi, esi
	and edi, 3
	or ecx, edi
	mov cl, [md5_s + xcx]
	rol eax, cl
	add eax, ebx
	xchg eax, edx                   ; a b c d = d new b c
	xchg edx, ebp
	xchg ebp, ebx
	inc esi
	cmp esi, 64
	jb .step
	add [hash_state], eax
	add [hash_state+4], ebx
	add [hash_state+8], ebp
	add [hash_state+12], edx
	ret

md5_iv:		dd 0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476
fmt_rand_eof:	db F_ARGV0, ': ', F_QUOTE, ': end of file', 10, 0
fmt_rand_read:	db F_ARGV0, ': ', F_QUOTE, ': read error', F_REASON, 10, 0

md5_s:		db 7, 12, 17, 22, 5, 9, 14, 20, 4, 11, 16, 23, 6, 10, 15, 21
md5_k:
		dd 0xd76aa478, 0xe8c7b756, 0x242070db, 0xc1bdceee
		dd 0xf57c0faf, 0x4787c62a, 0xa8304613, 0xfd469501
		dd 0x698098d8, 0x8b44f7af, 0xffff5bb1, 0x895cd7be
		dd 0x6b901122, 0xfd987193, 0xa679438e, 0x49b40821
		dd 0xf61e2562, 0xc040b340, 0x265e5a51, 0xe9b6c7aa
		dd 0xd62f105d, 0x02441453, 0xd8a1e681, 0xe7d3fbc8
		dd 0x21e1cde6, 0xc33707d6, 0xf4d50d87, 0x455a14ed
		dd 0xa9e3e905, 0xfcefa3f8, 0x676f02d9, 0x8d2a4c8a
		dd 0xfffa3942, 0x8771f681, 0x6d9d6122, 0xfde5380c
		dd 0xa4beea44, 0x4bdecfa9, 0xf6bb4b60, 0xbebfbc70
		dd 0x289b7ec6, 0xeaa127fa, 0xd4ef3085, 0x04881d05
		dd 0xd9d4d039, 0xe6db99e5, 0x1fa27cf8, 0xc4ac5665
		dd 0xf4292244, 0x432aff97, 0xab9423a7, 0xfc93a039
		dd 0x655b59c3, 0x8f0ccc92, 0xffeff47d, 0x85845dd1
		dd 0x6fa87e4f, 0xfe2ce6e0, 0xa3014314, 0x4e0811a1
		dd 0xf7537e82, 0xbd3af235, 0x2ad7d2bb, 0xeb86d391

%include "rt/filevercmp.inc"            ; (not `use`: here in the cold part)

%include "rt/long_opt.inc"

LONGOPTS:					; GNU's order (its ambiguity lists)
	db 'b', 'ignore-leading-blanks', 0
	db 1|0x80, 'check', 0
	db '5'|0x80, 'compress-program', 0
	db '8', 'debug', 0
	db 'd', 'dictionary-order', 0
	db 'f', 'ignore-case', 0
	db '7'|0x80, 'files0-from', 0
	db 'g', 'general-numeric-sort', 0
	db 'i', 'ignore-nonprinting', 0
	db 'k'|0x80, 'key', 0
	db 'm', 'merge', 0
	db 'M', 'month-sort', 0
	db 'n', 'numeric-sort', 0
	db 'h', 'human-numeric-sort', 0
	db 'V', 'version-sort', 0
	db 'R', 'random-sort', 0
	db '6'|0x80, 'random-source', 0
	db '2'|0x80, 'sort', 0
	db 'o'|0x80, 'output', 0
	db 'r', 'reverse', 0
	db 's', 'stable', 0
	db '4'|0x80, 'batch-size', 0
	db 'S'|0x80, 'buffer-size', 0
	db 't'|0x80, 'field-separator', 0
	db 'T'|0x80, 'temporary-directory', 0
	db 'u', 'unique', 0
	db 'z', 'zero-terminated', 0
	db '3'|0x80, 'parallel', 0
	db '?', 'help', 0
	db '?', 'version', 0
	db 0
args_check:	db 'C', 'quiet', 0, 'C', 'silent', 0, 'c', 'diagnose-first', 0, 0
args_sort:	db 'g', 'general-numeric', 0, 'h', 'human-numeric', 0, 'M', 'month', 0
		db 'n', 'numeric', 0, 'R', 'random', 0, 'V', 'version', 0, 0
list_check:	db "  - 'quiet', 'silent'", 10, "  - 'diagnose-first'", 10, 0
list_sort:	db "  - 'general-numeric'", 10, "  - 'human-numeric'", 10
		db "  - 'month'", 10, "  - 'numeric'", 10, "  - 'random'", 10
		db "  - 'version'", 10, 0
name_check:	db 'check', 0
name_sort:	db 'sort', 0
str_buffer_size: db '--buffer-size', 0
str_parallel:	db '--parallel', 0
str_batch:	db '--batch-size', 0
str_S:		db '-S', 0
sfx_S:		db 'EgGkKmMPtTYZ', 0
sfx_pow:	db 6, 3, 3, 1, 1, 2, 2, 5, 4, 4, 8, 7
fmt_am_inv:	db F_ARGV0, ': invalid argument ', F_QUOTE, " for '--", 0
fmt_am_amb:	db F_ARGV0, ': ambiguous argument ', F_QUOTE, " for '--", 0
fmt_am_list:	db F_TEXT, "'", 10, 'Valid arguments are:', 10, F_ARG, F_TRY, 0
fmt_xinv:	db F_ARGV0, ': invalid ', F_TEXT, ' argument ', F_QUOTE, 10, 0
fmt_xsuf:	db F_ARGV0, ': invalid suffix in ', F_TEXT, " argument '", F_ARG, "'", 10, 0
fmt_xinv_raw:	db F_ARGV0, ': invalid ', F_TEXT, " argument '", F_ARG, "'", 10, 0
fmt_xbig_raw:	db F_ARGV0, ': ', F_TEXT, " argument '", F_ARG, "' too large", 10, 0
fmt_xbig:	db F_ARGV0, ': ', F_TEXT, ' argument ', F_QUOTE, ' too large', 10, 0
fmt_bmin:	db F_ARGV0, ": minimum --batch-size argument is '2'", 10, 0
fmt_bmax:	db F_ARGV0, ': maximum --batch-size argument with current rlimit is ', F_ARG, 10, 0
fmt_par_zero:	db F_ARGV0, ': number in parallel must be nonzero', 10, 0
fmt_multi_comp:	db F_ARGV0, ': multiple compress programs specified', 10, 0
fmt_multi_rand:	db F_ARGV0, ': multiple random sources specified', 10, 0

; --files0-from's and +POS1's code and texts: a part of their own
; (XSEC_PAGE), so the cold part stays one page
XSEC
; files0 - GNU's --files0-from=F ([f0_name]): the operands are F's names,
; each ended by a NUL (a last one without it too: readtokens0), read into
; a mapping with their list after them; F "-" is stdin (not closed). No
; operand may be given, no name may be "-" or empty (GNU's checks in its
; order, each fatal, exit 2). in: xdi = the operands' end (from .optend).
; out: [ops] = the list, xdi = its end; on at _start.ops
files0:
	mov xdx, [ops]
	cmp xdi, xdx
	je .alone
	mov xdx, [xdx]                  ; the first operand
	mov esi, fmt_f0_extra
	mov ebx, fmt_f0_extra_p
	jmp .die_af
.alone:
	mov xdx, [f0_name]
	xor eax, eax                    ; "-": fd 0
	cmp word [xdx], '-'
	je .fd
	sys open, xdx, O_RDONLY|O_LARGEFILE
	mov ecx, s_open
	mov esi, fmt_failed
	mov xdx, [f0_name]
	test eax, eax
	js die
.fd:
	mov [f0_fd], eax
.room:                                  ; a byte to read and one for a NUL
	mov eax, [f0_cap]
	sub eax, [f0_len]
	cmp eax, 2
	jae .read
	call f0_grow
.read:
	mov A2, [f0_base]
	mov eax, [f0_len]
	add A2, xax
	mov A3d, [f0_cap]
	sub A3d, eax
	dec A3d
	sys read, [f0_fd]
	test eax, eax
	jz .eof
	mov esi, fmt_f0_read            ; (no reason: readtokens0's ferror)
	mov ebx, fmt_f0_read_p
	js .die_f
	add [f0_len], eax
	jmp .room
.eof:
	mov A1d, [f0_fd]
	test A1d, A1d
	jz .closed
	sys close
.closed:
	mov ecx, [f0_len]
	mov esi, fmt_f0_none
	mov ebx, fmt_f0_none_p
	test ecx, ecx
	jz .die_f
	mov xdi, [f0_base]
	cmp byte [xdi + xcx - 1], 0
	je .ended
	mov byte [xdi + xcx], 0         ; (the byte kept for it)
	inc ecx
	mov [f0_len], ecx
.ended:
	xor eax, eax                    ; the names: edx
	cdq
.count:
	repne scasb                     ; (the last byte is a NUL)
	inc edx
	test ecx, ecx
	jnz .count
.fit:                                   ; the list after the names (aligned)
	mov eax, [f0_len]
	add eax, W-1
	and eax, -W
	lea eax, [eax + edx*W + W]
	cmp eax, [f0_cap]
	jbe .list
	push xdx
	call f0_grow
	pop xdx
	jmp .fit
.list:
	mov xsi, [f0_base]
	mov eax, [f0_len]
	add eax, W-1
	and eax, -W
	lea xdi, [xsi + xax]
	mov [ops], xdi
	xor ecx, ecx                    ; the name's number, from 1
.name:
	cmp ecx, edx
	je .listed
	inc ecx
	mov [xdi], xsi
	add xdi, W
	cmp word [xsi], '-'
	je .dash
	cmp byte [xsi], 0
	je .empty
.skip:
	lodsb
	test al, al
	jnz .skip
	jmp .name
.listed:
	and WPTR [xdi], 0
	jmp _start.ops
.dash:
	mov esi, fmt_f0_dash
	mov edx, dash                   ; (say reads an ARG)
	jmp die0
.empty:                                 ; "F:N: invalid zero-length file name"
	xchg eax, ecx
	mov edi, numend
	call utoa
	mov xcx, xdi
	mov xdx, [f0_name]
	mov esi, fmt_f0_empty
	jmp die0
; The name xdx (.die_f: F) quoted always (GNU's quoteaf): xsi's format
; (F_FILE) when F_FILE's quoting quotes it, else ebx's ('...' around it)
.die_f:
	mov xdx, [f0_name]
.die_af:
	push xsi
	mov xsi, xdx
	call f0_quoted
	pop xsi
	jc .q
	xchg esi, ebx
.q:
	mov ecx, str_f0_only            ; (fmt_f0_extra's second line)
	jmp die0

; f0_quoted - CF=1 when F_FILE's quoting quotes the string at xsi.
; clobbers xax, xcx, xsi
f0_quoted:
	movzx eax, byte [xsi]
	cmp al, '#'
	je .yes
	cmp al, '~'
	je .yes
	test al, al
	jz .yes
.byte:
	lodsb
	test al, al
	jz .no
	cmp al, 0x7f
	jae .yes
	bt [quote_needed], eax
	jnc .byte
.yes:
	stc
	ret
.no:
	clc
	ret

; f0_grow - files0's mapping: 64 KiB, then twice its size ("memory
; exhausted" when the kernel has no room). clobbers xax, xdx (and the
; syscall's registers)
f0_grow:
	mov eax, [f0_cap]
	test eax, eax
	jnz .remap
	mov edx, 65536
	sys mmapx, 0, xdx, PROT_RW, MAP_PRIVANON, -1, 0
	jmp short .got
.remap:
	mov edx, eax
	add edx, edx
	jc memory_exhausted
	mov A2d, eax
	sys mremap, [f0_base], A2, xdx, MREMAP_MAYMOVE
.got:
	jerrp memory_exhausted
	mov [f0_base], xax
	mov [f0_cap], edx
	ret

; plus_key - an operand starting with '+' (xax, at [xsi]; xdi the next
; operand slot, xbx = 0), as GNU's case 1 of its getopt loop: in the
; traditional usage the obsolete key +POS1 [-POS2], else (and when it is
; no valid POS1) a file, silently. The usage is traditional unless
; _POSIX2_VERSION is a number in 200112..200808 (gnulib's posix2_version,
; strtol's syntax; 200809 by default); a -POS2 after the operand (a '-'
; and a digit) makes it traditional for the rest of the run unless
; POSIXLY_CORRECT is set. POS1 is F[.C][letters]: the key starts after F
; fields and C bytes (-k F+1.C+1); POS2 is F[.C][letters]: the key ends
; C bytes into field F+1, or with C = 0 at the end of field F (of field 1
; for -0). Out: at _start.opt with xsi past the key, or at _start.store
; with xax the file; xdi kept, xbx = 0.
plus_key:
	push xdi
	push xsi
	call trad_known
	test al, 4                      ; POSIXLY_CORRECT after a file:
	jz .pos2                        ; a file (GNU's check comes first)
	mov xcx, [xsp+W]
	cmp xcx, [ops]
	jne .file
.pos2:
	mov xsi, [xsp]
	mov xcx, [xsi+W]                ; a -POS2 after it?
	xor edx, edx
	jxcxz .nominus
	cmp byte [xcx], '-'
	jne .nominus
	mov ah, [xcx+1]
	sub ah, '0'
	cmp ah, 10
	jae .nominus
	mov xdx, xcx
	test al, 4
	jnz .nominus
	or al, 2
	mov [trad], al
.nominus:
	mov [karg], xdx                 ; the -POS2 or 0
	test al, 2
	jz .file
	call key_slot
	mov xsi, [xsp]
	mov xsi, [xsi]
	inc xsi
	xor ebp, ebp                    ; count: CF=1 for no number
	call count
	jc .notkey
	mov [xbx+K_SW], xax
	cmp byte [xsi], '.'
	jne .letters1
	inc xsi
	call count
	jc .notkey
	mov [xbx+K_SC], xax
.letters1:
	mov ah, SB
	call set_ordering
	cmp byte [xsi], 0
	jne .notkey
	or WPTR [xbx+K_EW], -1
	mov xsi, [karg]
	test xsi, xsi
	jz .keyed
	add WPTR [xsp], W               ; -POS2 taken too
	inc xsi
	mov ebp, msg_minus
	call count
	mov [xbx+K_EW], xax
	cmp byte [xsi], '.'
	jne .field_end
	inc xsi
	mov ebp, msg_dot
	call count
	mov [xbx+K_EC], xax
	test xax, xax
	jnz .letters2
.field_end:                             ; C = 0: the end of field F
	cmp WPTR [xbx+K_EW], 0
	je .letters2
	dec WPTR [xbx+K_EW]
.letters2:
	mov ah, SE
	call set_ordering
	mov ebp, msg_stray
	cmp byte [xsi], 0
	jne parse_key.bad
.keyed:
	or byte [xbx+K_FL+3], FTRAD >> 24
	inc dword [nkeys]
	pop xsi
	add xsi, W
	pop xdi
	xor ebx, ebx
	jmp _start.opt
.notkey:                                ; the slot zeroed for the next key
	mov xdi, xbx
	xor eax, eax
	mov ecx, KEYSZ
	rep stosb
.file:
	pop xsi
	pop xdi
	xor ebx, ebx
	mov xax, [xsi]
	jmp _start.store

e_posixly:	db 'POSIXLY_CORRECT='
e_p2v:		db '_POSIX2_VERSION='
msg_minus:	db "invalid number after '-'", 0

fmt_f0_extra:	db F_ARGV0, ': extra operand ', F_FILE, 10, F_TEXT, 10, F_TRY, 0
fmt_f0_extra_p:	db F_ARGV0, ": extra operand '", F_ARG, "'", 10, F_TEXT, 10, F_TRY, 0
str_f0_only:	db 'file operands cannot be combined with --files0-from', 0
fmt_f0_dash:	db F_ARGV0, ": when reading file names from stdin, no file name of '-' allowed", 10, 0
fmt_f0_empty:	db F_ARGV0, ': ', F_FILE, ':', F_TEXT, ': invalid zero-length file name', 10, 0
fmt_f0_read:	db F_ARGV0, ': cannot read file names from ', F_FILE, 10, 0
fmt_f0_none:	db F_ARGV0, ': no input from ', F_FILE, 10, 0
fmt_f0_read_p:	db F_ARGV0, ": cannot read file names from '", F_ARG, "'", 10, 0
fmt_f0_none_p:	db F_ARGV0, ": no input from '", F_ARG, "'", 10, 0
; ---- Temporary files: input bigger than the memory limit ----
; GNU's sort keeps what its buffer holds and writes each buffer sorted to
; a temporary file, then merges them. Here, while the input is read (not
; with -m or -c), the lines read are counted; when they and their tables
; (5 words a line) would pass the limit (mem_limit: -S, else GNU's
; default_sort_size), the complete lines are sorted and written to a new
; temporary file (chunk_out) and the partial last line moves to the data's
; start. At the end the rest goes to one too, and the files are merged
; NMERGE at a time (kmerge: GNU's order, ties to the earlier file) until
; NMERGE are left, then onto the standard output. Each file is unlinked
; as soon as it is made, so none is ever left behind.
NMERGE	equ 16		; files merged at once (GNU's default --batch-size)
TMPCAP	equ 256		; temporary files open at most before a merge level
TDIRS	equ 32		; -T directories used at most
SBUF	equ 1 << 17	; a merge source's first buffer (doubled for a long line)
; a merge source (kmerge): its line's record first, as compare reads it
S_POS	equ 2*W		; the next line's start
S_END	equ 3*W		; the end of the bytes read
S_BUF	equ 4*W		; the buffer (a mapping), and its end
S_CAP	equ 5*W
S_FD	equ 6*W
S_EOF	equ 7*W		; (a byte) the file read to its end
S_NAME	equ 8*W		; its name, for a read error
SRCSZ	equ 9*W

; heap_more - read_inputs' heap grown for the next read, past LIMCHK of
; data (OUTSZ or a 1024th of the limit past [cur]); first the lines read
; since the last call are counted, and when the data and the tables of
; their lines would pass mem_limit, the complete lines are written sorted
; to a temporary file and the partial last one moves to the data's start:
; the operands read before have no data left, nor has this one before
; that line (the start of its data that read_inputs keeps at [xsp+W]
; moves there too). -c and -m past a quarter of the limit go on in
; check_stream and merge_stream instead.
; in: xax = [cur], ebx = the fd, xbp = the operand's slot. out: A3 =
; the end of the next read (the heap's with -m or -c).
; preserves xbx, xbp; clobbers the rest
heap_more:
	test byte [opts], O_MERGE
	jnz .check
	cmp byte [checkonly], 0
	jne .check
	mov xdi, [counted]
	cmp xdi, [datastart]
	jae .count
	mov xdi, [datastart]            ; (the first time, or the data moved
	and WPTR [nlc], 0               ; to the heap: all counted again)
	and WPTR [cutp], 0
.count:
	mov xcx, xax
	sub xcx, xdi
	mov al, [delim]
.scan:
	jxcxz .counted
	repne scasb
	jne .counted
	inc WPTR [nlc]
	mov [cutp], xdi                 ; (past the last delimiter)
	jmp .scan
.counted:
	mov [counted], xdi
	push xbx
	call mem_limit
	pop xbx
	mov xcx, [nlc]
	imul xcx, xcx, 5*W
	cmp dword [nkeys], 0            ; (kfill's wider records)
	je .sized
	push xax                        ; (the limit)
	push xbx
	mov xbx, [keys]
	call kwide
	pop xbx
	pop xax
	jz .sized
	mov xdx, [nlc]
	shl xdx, WSHIFT+2
	add xcx, xdx
.sized:
	add xcx, [cur]
	sub xcx, [datastart]
	add xcx, OUTSZ
	jc .spill
	cmp xcx, xax
	jb .grow
.spill:
	mov xdi, [cutp]                 ; the cut: past the last delimiter
	test xdi, xdi
	jz .grow                        ; one line: it grows (as GNU's buffer)
	mov xax, [cur]                  ; only once more is read (not when
	xchg xax, [pcur]                ; the input ends here: then all is in
	test xax, xax                   ; memory, as GNU's last buffer)
	jz .grow
	cmp xax, [cur]
	je .grow
	and WPTR [pcur], 0
	push xbx
	push xbp
	call chunk_out
	pop xbp
	pop xbx
	mov xsi, [cutp]                 ; (the operands' slots are not read
	mov xdi, [datastart]            ; again: chunk_out's list is fops)
	mov [xsp+W], xdi                ; read_inputs' start of this file
	mov xcx, [cur]
	sub xcx, xsi
	rep movsb
	mov [cur], xdi
	and WPTR [counted], 0           ; (all counted again next time)
.level:                                 ; TMPCAP files: those after the
	cmp dword [ntmp], TMPCAP        ; merged ones merged, then when they
	jb .grow                        ; fill half the list, all of them
	push xbx
	push xbp
	mov eax, [lvmark]
	call merge_level
	mov eax, [ntmp]
	cmp eax, TMPCAP / 2
	jb .marked
	xor eax, eax
	call merge_level
	mov eax, [ntmp]
.marked:
	mov [lvmark], eax
	pop xbp
	pop xbx
.grow:
	mov xax, [limit]                ; a read of OUTSZ or a 1024th of the
	shr xax, 10                     ; limit at most, so the lines read
	cmp xax, OUTSZ                  ; and their tables (73 bytes a byte
	jae .size                       ; at worst) pass it by little
	mov eax, OUTSZ
.size:
	add xax, [cur]
	jc memory_exhausted
	mov A3, xax                     ; (grow keeps it)
	jmp grow
.check:                                 ; -c, -m: past a quarter of the
	push xbx                        ; limit, the lines are checked or
	call mem_limit                  ; merged as they are read
	pop xbx                         ; (check_stream, merge_stream)
	shr xax, 2
	mov xcx, [cur]
	sub xcx, [datastart]
	cmp xcx, xax
	jb .small
	cmp byte [checkonly], 0
	jne check_stream
	call merge_stream               ; (XSEC2; it ends the run)
.small:
	mov xax, [cur]
.plain:                                 ; -m, -c: up to the heap's end
	add xax, OUTSZ
	call grow
	mov A3, [heap_end]
	ret

; check_stream - -c, -C on an input past a quarter of the memory limit:
; checked
; as it is read, as GNU's check: its data read so far copied to a source
; (kmerge's, the first) with the fd ebx, the heap given back, then each
; line compared with the one before (keep_last's copy), the line number
; in [nlines]; a disorder on to check.disorder with the name that check
; pushed (GNU's message), else exit 0.
check_stream:
	call kclear                     ; (records of two words: computed)
	mov xcx, [cur]
	sub xcx, [datastart]
	push xbx                        ; the fd
	push xcx                        ; the bytes read
	lea A2, [xcx + SBUF]
	mov ebp, srcs
	call src_map
	xchg xdi, xax
	pop xcx
	mov xsi, [datastart]
	rep movsb
	mov [xbp+S_END], xdi
	pop WPTR [xbp+S_FD]
	mov xax, [ops]
	push WPTR [xax]
	pop WPTR [xbp+S_NAME]
	sys brk, [datastart]            ; ([heap_end] stale: no grow after)
	mov WPTR [nlines], 1
	call next_line
	jc .sorted
.keep:
	call keep_last
	call next_line
	jc .sorted
	inc WPTR [nlines]
	mov esi, lastrec
	mov xdi, xbp
	call compare
	test eax, eax
	jl .keep
	jg .disorder
	test byte [opts], O_UNIQUE
	jz .keep
.disorder:
	mov xbx, [nlines]
	mov xdi, xbp
	mov xax, [ops]
	push WPTR [xax]
	jmp check.disorder
.sorted:
	exit 0

; kclear - the records have two words from here on: kfill's caches unused
; (kfirst, krand). clobbers eax, edi
kclear:
	xor eax, eax
	mov edi, kfirst
	stosW
	stosW                           ; (krand)
	ret

; grow_exact - grow's brk to GROW past what it needs failed (a limit such
; as ulimit -v's): the heap grown to what it needs only, else "memory
; exhausted". in: xcx = the end grow asked for; on at grow.got
grow_exact:
	sub xcx, GROW
	push xcx
	sys brk, xcx
	pop xcx
	cmp xax, xcx
	jb memory_exhausted
	jmp grow.got

; chunk_out - the lines from [datastart] to xdi (the last one ended by the
; delimiter) sorted as one operand's (a list of one: fops) and written to
; a new temporary file (tmp_open). clobbers all
chunk_out:
	mov [fops], xdi
	push WPTR [ops]
	push WPTR [opend]
	mov WPTR [ops], fops
	mov WPTR [opend], fops + W
	and WPTR [nlines], 0
	mov byte [rstep], 2*W           ; (kfill widens them anew)
	mov byte [rshift], WSHIFT+1
	call scan
	call runs
	call tmp_open
	call emit
	and WPTR [outtot], 0
	pop WPTR [opend]
	pop WPTR [ops]
	ret

; spill_end - read_inputs is done and lines went to temporary files: the
; rest goes to one too, merge levels leave at most NMERGE, and they are
; merged onto the real standard output (its fd back in place of the
; temporary file's; -o's file truncated first, as without them).
spill_end:
	mov xdi, [cur]
	cmp xdi, [datastart]
	je .free
	call chunk_out
.free:                                  ; the heap given back down to the
	mov xax, [datastart]            ; data's start (the merges' output
	mov [cur], xax                  ; buffer grows it again)
	sys brk, xax
	mov [heap_end], xax
.merge:
	cmp dword [ntmp], NMERGE
	jbe .last
	xor eax, eax
	call merge_level
	jmp .merge
.last:
	call out_back
	mov esi, tmpfds
	mov ecx, [ntmp]
	call kmerge
	exit 0

; out_back - when temporary files were written (spill 1), the real
; standard output back in place of the last one (closed when it was
; closed) and write errors told as usual again (spill 2); then -o's file
; truncated (GNU opens it "w" for the last merge only). clobbers xax, xcx
; (and the system call's)
out_back:
	cmp byte [spill], 1
	jne .trunc
	mov eax, [outsave]
	test eax, eax
	js .closed                      ; (stdout was closed: closed again)
	sys dup2, xax, 1
	jmp .out
.closed:
	sys close, 1
.out:
	mov byte [spill], 2
	and WPTR [outtot], 0
.trunc:
	cmp WPTR [outfile], 0
	je .ret
	sys ftruncate, 1, 0
.ret:
	ret

; merge_level - from the eax-th temporary file on, each NMERGE in turn
; merged into a new one, and closed; tmpfds then lists the new files in
; their order after those before eax (a last one alone kept as it is).
; clobbers all
merge_level:
	mov [lvin], eax
	mov [lvout], eax
.group:
	mov eax, [lvin]
	mov ecx, [ntmp]
	sub ecx, eax
	jz .end
	cmp ecx, NMERGE
	jbe .n
	mov ecx, NMERGE
.n:
	add [lvin], ecx
	cmp ecx, 1
	je .keep
	mov [lvn], ecx
	call tmp_open                   ; (its fd after the others)
	mov eax, [lvin]
	sub eax, [lvn]
	lea esi, [tmpfds + xax*4]
	mov [lvfd], esi
	mov ecx, [lvn]
	call kmerge
.close:
	mov xsi, [lvfd]
	mov eax, [xsi]
	add xsi, 4
	mov [lvfd], xsi
	sys close, xax
	dec dword [lvn]
	jnz .close
	dec dword [ntmp]
	mov eax, [ntmp]                 ; the new file
.keep:
	mov edx, [tmpfds + xax*4]
	mov ecx, [lvout]
	mov [tmpfds + xcx*4], edx
	inc dword [lvout]
	jmp .group
.end:
	mov eax, [lvout]
	mov [ntmp], eax
	ret

; tmp_open - a new temporary file "DIR/sortXXXXXX" as GNU's
; create_temp_file names it (DIR: the -T directories in turn, else
; $TMPDIR, else /tmp), created read-write (0600) and unlinked at once;
; its fd appended to tmpfds and made the standard output (the real one
; kept the first time: outsave). GNU's message when it cannot be made,
; exit 2. clobbers all but xbp
tmp_open:
	cmp byte [spill], 0
	jne .saved
	sys dup, 1                      ; (-EBADF: closed, closed at the end)
	mov [outsave], eax
.saved:
	mov byte [spill], 1
	mov eax, [ntdirs]
	test eax, eax
	jnz .tdir
	mov xdx, [argv1]                ; the environment: past argv's NULL
	mov xcx, [xdx - 2*W]            ; (argc)
	lea xdx, [xdx + xcx*W]
	mov esi, e_tmpdir
	call env_find
	jnc .dir
	mov edi, s_tmp
	jmp .dir
.tdir:
	mov ecx, [tdix]
	mov xdi, [tdirs + xcx*W]
	inc ecx
	cmp ecx, eax
	jb .turn
	xor ecx, ecx
.turn:
	mov [tdix], ecx
.dir:                                   ; xdi = DIR
	mov [tdir], xdi
	mov xsi, xdi
	mov edi, tname
	mov edx, s_sortx
	call tmp_file
	test eax, eax
	js .fail
	mov ecx, [ntmp]
	mov [tmpfds + xcx*4], eax
	inc dword [ntmp]
	sys dup2, xax, 1
	ret
.fail:
	mov xdx, [tdir]
	mov esi, fmt_tmp
	jmp die

; spill_wfail - write_fail's for a temporary file: GNU's one "write
; failed: NAME: REASON", exit 2. in: xax = -errno
spill_wfail:
	mov ecx, s_write
	mov esi, fmt_failed
	mov edx, tname
	jmp die

; kmerge - the temporary files whose fds are the ecx dwords at xsi (1 to
; NMERGE) merged onto the standard output from their starts, each through
; a source of its own (srcs; a buffer mapped the first time, kept for the
; next merge): the least line first, on a tie the earlier file's (GNU's
; order), with -u the first of equal lines only; through the output
; buffer, at [cur] (past the data). clobbers all
kmerge:
	mov [mfd], xsi
	mov [mcnt], ecx
	push xcx
	mov ebp, srcs
.init:
	mov xsi, [mfd]
	lodsd
	mov [mfd], xsi
	call src_temp
	mov byte [xbp+S_EOF], 0
	add ebp, SRCSZ
	dec dword [mcnt]
	jnz .init
	pop xcx
	mov [mcnt], ecx
; kmerge_go - the [mcnt] sources from srcs on (each ready to read its
; first line) merged onto the standard output as kmerge says. clobbers all
kmerge_go:
	call kclear                     ; (records of two words: computed)
	mov xax, [cur]
	add xax, W-1
	and xax, -W
	mov [runb], xax
	mov [outp], xax
	add xax, OUTSZ
	mov [oend], xax
	call grow
	and byte [haslast], 0
	and dword [nact], 0
	mov ebp, srcs
.init:
	call next_line
	jc .none
	mov ecx, [nact]                 ; in at the list's head: the others
	jxcxz .first                    ; up one, then in its place
.up:
	mov xax, [act + xcx*W - W]
	mov [act + xcx*W], xax
	loop .up
.first:
	inc dword [nact]
	call act_place
.none:
	add ebp, SRCSZ
	dec dword [mcnt]
	jnz .init
.line:                                  ; xbp = the least of the sources
	mov ecx, [nact]
	test ecx, ecx
	jz .done
	mov xbp, [act]                  ; (its place in the list is taken
	test byte [opts], O_UNIQUE      ; again after its next line is read)
	jz .emit
	cmp byte [haslast], 0
	je .keep
	mov xsi, xbp
	mov edi, lastrec
	call compare
	test eax, eax
	jz .next
.keep:
	call keep_last
.emit:
	mov xsi, [xbp]
	mov xcx, [xbp+W]
	call put_line
.next:
	call next_line
	jnc .place
	dec dword [nact]                ; none left: off the list, the
	xor ecx, ecx                    ; others down one
.down:
	inc ecx
	cmp ecx, [nact]
	ja .line
	mov xax, [act + xcx*W]
	mov [act + xcx*W - W], xax
	jmp .down
.place:
	call act_place
	jmp .line
.done:
	jmp flush

; src_temp - the source xbp reads the temporary file of fd eax from its
; start. src_fd - it reads fd eax: through its buffer (a mapping kept
; from a source before, else a new one), empty so far. preserves xbp;
; clobbers the rest
src_temp:
	mov WPTR [xbp+S_NAME], tname
	push xax
	sys lseek, xax, 0, SEEK_SET
	pop xax
src_fd:
	mov [xbp+S_FD], xax
	mov xax, [xbp+S_BUF]
	test xax, xax
	jnz .buf
	mov A2d, SBUF
	call src_map
.buf:
	mov [xbp+S_POS], xax
	mov [xbp+S_END], xax
	ret

; src_map - the source xbp's buffer: a new mapping of A2 bytes (S_BUF,
; S_POS, S_CAP) -> xax = its start. preserves xbp; clobbers the rest
src_map:
	push xbp
	push A2
	sys mmapx, 0, A2, PROT_RW, MAP_PRIVANON, -1, 0
	pop xcx
	pop xbp
	jerrp memory_exhausted
	mov [xbp+S_BUF], xax
	mov [xbp+S_POS], xax
	add xcx, xax
	mov [xbp+S_CAP], xcx
	ret

; act_place - the source xbp, with a new line, into the list act at the
; head's place: the others (act[1] to act[nact - 1]) are in the order of
; their lines; a binary search finds where it goes (on a tie after the
; earlier sources: srcs are in the files' order), those before it move
; down one. preserves xbp
act_place:
	push 1                          ; ebx..edx: where it may go
	pop xbx
	mov edx, [nact]
.search:
	cmp ebx, edx
	jae .found
	lea ecx, [xbx + xdx]
	shr ecx, 1
	mov xsi, [act + xcx*W]
	mov xdi, xbp
	call compare
	test eax, eax
	jl .after
	jg .before
	cmp xsi, xbp
	ja .before
.after:
	lea ebx, [xcx + 1]
	jmp .search
.before:
	mov edx, ecx
	jmp .search
.found:                                 ; those before it down one
	xor ecx, ecx
.down:
	inc ecx
	cmp ecx, ebx
	jae .put
	mov xax, [act + xcx*W]
	mov [act + xcx*W - W], xax
	jmp .down
.put:
	mov [act + xbx*W - W], xbp
	ret

; keep_last - -u: the line of the source xbp copied as the last one
; written (lastrec, in a mapping of its own grown as needed).
; preserves xbp; clobbers the rest
keep_last:
	mov xcx, [xbp+W]
	cmp xcx, [lastcap]
	jbe .copy
	push xbp
	sys munmap, [lastrec], [lastcap] ; (none yet: EINVAL, nothing)
	mov xbp, [xsp]
	mov A2, [xbp+W]
	add A2, SBUF
	mov [lastcap], A2
	sys mmapx, 0, A2, PROT_RW, MAP_PRIVANON, -1, 0
	pop xbp
	jerrp memory_exhausted
	mov [lastrec], xax
.copy:
	mov xdi, [lastrec]
	mov xcx, [xbp+W]
	mov [lastrec+W], xcx
	mov xsi, [xbp]
	rep movsb
	mov byte [haslast], 1
	ret

; next_line - the source xbp's next line as its record, CF=0; CF=1 when
; it has none left. A last line without the delimiter counts. When the
; bytes read hold no whole line, the rest moves to the buffer's start
; (the buffer doubled by mremap when it is full) and more is read.
; preserves xbp; clobbers the rest
next_line:
	mov xdx, [xbp+S_POS]
	mov xdi, xdx
	mov xcx, [xbp+S_END]
	sub xcx, xdi
	jz .more
	mov al, [delim]
	repne scasb
	jne .more
	mov [xbp+S_POS], xdi
	dec xdi
.rec:                                   ; the line: xdx to xdi
	mov [xbp], xdx
	sub xdi, xdx
	mov [xbp+W], xdi
	clc
	ret
.more:
	mov xdi, [xbp+S_END]
	cmp byte [xbp+S_EOF], 0
	je .read
	mov [xbp+S_POS], xdi
	cmp xdx, xdi
	jne .rec                        ; (the last line, no delimiter)
	stc
	ret
.read:                                  ; the rest to the buffer's start
	mov xsi, xdx
	mov xcx, xdi
	sub xcx, xsi
	mov xdi, [xbp+S_BUF]
	mov [xbp+S_POS], xdi
	rep movsb
	mov [xbp+S_END], xdi
	cmp xdi, [xbp+S_CAP]
	jb .room
	mov xax, [xbp+S_CAP]            ; full of one line: doubled
	sub xax, [xbp+S_BUF]
	lea xdx, [xax + xax]
	sys mremap, [xbp+S_BUF], xax, xdx, MREMAP_MAYMOVE
	jerrp memory_exhausted
	mov xcx, xax
	sub xcx, [xbp+S_BUF]            ; how far it moved
	mov [xbp+S_BUF], xax
	add [xbp+S_POS], xcx
	add [xbp+S_END], xcx
	add xax, xdx
	mov [xbp+S_CAP], xax
.room:
	mov A2, [xbp+S_END]
	mov A3, [xbp+S_CAP]
	sub A3, A2
	sys read, [xbp+S_FD], A2, A3
	test xax, xax
	js .fail
	jz .eof
	add [xbp+S_END], xax
	jmp next_line
.eof:
	mov byte [xbp+S_EOF], 1
	jmp next_line
.fail:
	mov ecx, s_read
	mov esi, fmt_failed
	mov xdx, [xbp+S_NAME]
	jmp die

; mem_limit - xax = the bytes the lines and their tables may take before
; they go to a temporary file: -S's size, else GNU's default_sort_size
; (rt/tmp_file.inc's mem_default); at least MINLIM. Found once.
; clobbers xcx, xdx, A1, A2
mem_limit:
	mov xax, [limit]
	test xax, xax
	jnz .ret
	mov xax, [sortsize]
	test xax, xax
	jnz .floor
	call mem_default
.floor:
	cmp xax, MINLIM
	jae .set
	mov eax, MINLIM
.set:
	mov [limit], xax
.ret:
	ret

%include "rt/tmp_file.inc"              ; (not `use`: here in the XSEC part)

; s_size - -S's [nval] as the size: percent of the total memory (ebx = 2,
; al = '%'), bytes (ebx = 2, al = 'b'; or ebx = 0, eax = 0: a suffix
; letter), else KiB (its * 1024 known to fit); the biggest -S kept, as
; GNU's specify_sort_size (0 as 1: at least MINLIM all the same).
s_size:
	test ebx, ebx
	jz .unit
	cmp al, 'b'
	je .bytes
	call physmem
	push 100
	pop xcx
	xor edx, edx
	div xcx
	ld_u64_sat xcx, nval
	mul xcx
	test xdx, xdx
	jz .max
	or xax, -1
	jmp .max
.unit:
	test eax, eax
	jz .bytes
	mov eax, [nval]
	shld [nval+4], eax, 10
	shl dword [nval], 10
.bytes:
	ld_u64_sat xax, nval
.max:
	cmp xax, 1
	adc xax, 0
	cmp xax, [sortsize]
	jb .ret
	mov [sortsize], xax
.ret:
	ret

; s_tdir - -T DIR (xdx): one more directory for the temporary files, in
; turn (GNU's add_temp_dir; past TDIRS of them the rest are not used).
s_tdir:
	mov eax, [ntdirs]
	cmp eax, TDIRS
	jae .ret
	mov [tdirs + xax*W], xdx
	inc dword [ntdirs]
.ret:
	ret

e_tmpdir:	db 'TMPDIR='
s_tmp:		db '/tmp', 0
s_sortx:	db '/sortXXXXXX', 0
fmt_tmp:	db F_ARGV0, ': cannot create temporary file in ', F_QUOTE, F_REASON, 10, 0

; The rarest runs' code: a part of its own (XSEC2_PAGE), so the XSEC part
; stays one page.
XSEC2
; keys_move - key_slot's 33rd key: the keys moved from sheap to the heap's
; start, xbx the new slot. clobbers xax xcx xsi xdi
keys_move:
	sys brk, 0
	mov [heap_end], xax
	mov [keys], xax
	xchg xdi, xax
	lea xbx, [xdi + KEYLIM]
	lea xax, [xbx + KEYSZ]
	call grow
	mov esi, sheap
	mov ecx, KEYLIM
	rep movsb
	ret

; posix_opt - _start's word at [xsi] (xax), starting with '-', after a
; file, with POSIXLY_CORRECT set: GNU's sort takes it as a file, unless
; the usage is traditional (trad_known) and no -c or -C was given and the
; word is "-oFILE", or "-o" with a word after it (then an option); xdi the
; next operand slot, xbx = 0. -> _start.store (a file) or _start.dash,
; with xax the word.
posix_opt:
	push xsi
	push xdi
	call trad_known
	pop xdi
	pop xsi
	xor ebx, ebx                    ; (getopt: no cluster)
	mov xcx, [xsi]
	test al, 2
	jz .file
	cmp byte [checkonly], 0
	jne .file
	cmp word [xcx], '-o'
	jne .file
	cmp byte [xcx+2], 0
	jne .option
	cmp WPTR [xsi+W], 0
	jne .option
.file:
	xchg xax, xcx
	jmp _start.store
.option:
	xchg xax, xcx
	jmp _start.dash

; trad_known - [trad] (0 unknown, 1 known, 2 traditional, 4 POSIXLY_CORRECT
; set), worked out at its first use: traditional unless $_POSIX2_VERSION
; is a number in 200112..200808 (gnulib's posix2_version: 200809 when not
; set). in: xsi = a slot of argv. out: al = [trad].
; clobbers: xax, xbx, xcx, xdx, xsi, xdi, xbp
trad_known:
	mov al, [trad]
	test al, al
	jnz .ret
	mov xdx, xsi
.argv:                                  ; envp: past argv's NULL
	add xdx, W
	cmp WPTR [xdx-W], 0
	jne .argv
	mov bl, 3                       ; known, traditional
	mov esi, e_posixly
	push xdx
	call env_find
	pop xdx
	jc .p2v
	or bl, 4                        ; POSIXLY_CORRECT set
.p2v:
	mov esi, e_p2v
	call env_find
	jc .set
	mov xsi, xdi
	xor ebp, ebp
	call count                      ; strtol (a '-': negative or no
	jc .set                         ; number, traditional either way)
	cmp byte [xsi], 0
	jne .set
	sub xax, 200112
	cmp xax, 200809 - 200112
	jae .set
	and bl, ~2
.set:
	xchg eax, ebx
	mov [trad], al
.ret:
	ret

; -k's messages (a usage error maps this part)
msg_start:	db 'invalid number at field start', 0
msg_dot:	db "invalid number after '.'", 0
msg_comma:	db "invalid number after ','", 0
msg_zero_field:	db 'field number is zero', 0
msg_zero_char:	db 'character offset is zero', 0
msg_stray:	db 'stray character in field spec', 0
fmt_count:	db F_ARGV0, ': ', F_TEXT, ': invalid count at start of ', F_QUOTE, 10, 0
fmt_spec:	db F_ARGV0, ': ', F_TEXT, ': invalid field specification ', F_QUOTE, 10, 0

; kfill - (scan, heap mode, with keys) unless the first key is the whole
; line, the records widened to 4 words (the table grown in place, from its
; end; the operands' slots moved with it) that hold the first key's start
; and length after the line's, found once a line as GNU's keybeg and
; keylim rather than at each comparison; [kfirst] = that key, for field.
; The merges of sources and check_stream's last line (records of two
; words) clear it. clobbers xax, xcx, xdx, xsi, xdi
kfill:
	push xbx
	push xbp
	mov xbx, [keys]
	call kwide
	jz .done                        ; the whole line: field finds it at once
	mov xsi, [dst]
	mov xdi, xsi
	sub xdi, [src]
	lea xax, [xsi + xdi*2 + 8*W]    ; (the second table and its slack follow)
	add xdi, xsi                    ; xdi = the new end
	mov [dst], xdi
	mov [runb], xdi
	call grow
	mov xcx, [src]
.move:                                  ; each record to twice its offset
	cmp xsi, xcx
	jbe .slots
	sub xsi, 2*W
	sub xdi, 4*W
	mov xax, [xsi+W]
	mov [xdi+W], xax
	mov xax, [xsi]
	mov [xdi], xax
	jmp .move
.slots:                                 ; (scan's: each file's first record,
	mov xsi, [ops]                  ; then the table's end)
.slot:
	mov xax, [xsi]
	sub xax, xcx
	add [xsi], xax
	add xsi, W
	cmp xsi, [opend]
	jbe .slot
	mov byte [rstep], 4*W
	mov byte [rshift], WSHIFT+2
	mov xbp, xcx
.rec:
	cmp xbp, [dst]
	jae .cached
	mov xsi, xbp
	call field.find
	test byte [xbx+K_FL+1], FRND >> 8
	jnz .digest
	mov [xbp+2*W], xsi
	mov [xbp+3*W], xcx
.next:
	add xbp, 4*W
	jmp .rec
.digest:                                ; -R: the key's digest's first 2 W
	push xbx                        ; bytes, each word's bytes swapped
	push xbp                        ; so that words compare as memcmp
	mov ebp, [xbx+K_FL]
	call rkey
	pop xbp
	pop xbx
	mov xax, [hash_state]
	bswap xax
	mov [xbp+2*W], xax
	mov xax, [hash_state+W]
	bswap xax
	mov [xbp+3*W], xax
	jmp .next
.cached:
	mov eax, kfirst
	test byte [xbx+K_FL+1], FRND >> 8
	jz .set
	mov eax, krand
.set:
	mov [xax], xbx
.done:
	pop xbp
	pop xbx
	ret

; rkey - the digest of the key xsi, xcx (flags ebp; -d -i -f: of its copy,
; as vkeycmp hashes it) -> hash_state (kfill). clobbers all
rkey:
	test ebp, FD|FI|FF
	jz md5key
	mov xax, xcx
	call vmap_get
	xchg xdi, xax
	push xdi
	call vcopy
	pop xsi
	mov xcx, xdi
	sub xcx, xsi
	jmp md5key

; krcmp - vkeycmp for the key [krand] (-R) of the records [ra], [rb]:
; their digests' first 2 W bytes (kfill's) compared -> eax; a tie (equal
; keys, almost always) on to vkeycmp.go, which hashes the keys whole
; (randcmp: the rest of the digests, then the bytes). preserves all but
; xax
krcmp:
	push xsi
	push xdi
	mov xsi, [ra]
	mov xdi, [rb]
	mov xax, [xsi+2*W]
	cmp xax, [xdi+2*W]
	jne .cmp
	mov xax, [xsi+3*W]
	cmp xax, [xdi+3*W]
.cmp:
	pop xdi
	pop xsi
	je vkeycmp.go
	sbb eax, eax
	or eax, 1
	ret

; ---- --debug: GNU's warnings at the start, each output line's keys marked ----
; (XSEC2: only a --debug run maps it.) GNU's key_warnings in the C locale
; (its only one here), then for each output line its debug_key: the line
; with its tabs as '>' and a newline for its delimiter, then for each key
; a line of spaces to the key's start and '_' under it ("^ no match for
; key" when it is empty; a -n, -h, -g or -M key from past its blanks to
; its number's or month's end), then one under the whole line unless -s
; or -u; widths count every byte but the control ones, a tab one, as
; mbsnwidth in the C locale.

; dbg_init - GNU's checks and warnings: -c, -C and -o refused with --debug
; (exit 2), then key_warnings. clobbers all
dbg_init:
	mov al, [checkonly]
	test al, al
	jnz .refuse
	cmp WPTR [outfile], 0
	je .warn
	mov al, 'o'
.refuse:                                ; "options '-c --debug' are
	mov edi, incbuf                 ; incompatible"
	stosb
	mov esi, s_dbg_opt
	push s_dbg_opt_end - s_dbg_opt
	pop xcx
	rep movsb
	mov edx, incbuf
	jmp incompatible
.warn:
	mov esi, fmt_dbg_bytes
	call dsay0
	mov eax, [gkey+K_FL]
	mov [dbg_ug], eax               ; the global options no key has yet
	mov byte [dbg_nf], 0            ; bits: a -n/-h key (1), a -g key
	mov xbx, [keys]                 ; (2); such a key spans fields: 4, 8
	xor ebp, ebp                    ; ebp = the key's number
.key:
	cmp ebp, [nkeys]
	jae .after
	inc ebp
	mov eax, [xbx+K_FL]
	not eax
	and [dbg_ug], eax
	not eax
	test eax, FN|FH|FG
	jz .trad
	test eax, FG
	setnz cl
	inc ecx                         ; (1 -n, -h; 2 -g)
	or [dbg_nf], cl
.trad:
	test eax, FTRAD
	jz .zero
	call dbg_trad
.zero:                                  ; a start given, an end before it
	mov xax, [xbx+K_SW]
	or xax, [xbx+K_SC]
	jz .blanks
	mov xax, [xbx+K_SW]
	cmp [xbx+K_EW], xax
	jae .blanks
	mov esi, fmt_dbg_zero
	call dsay_key
	jmp .span
.blanks:                                ; not gkey_only, no -t, no -kF.C,F.C
	call gkey_only                  ; with F 1
	je .next
	cmp byte [tabc+1], 0
	jne .span
	cmp WPTR [xbx+K_EW], 0
	jne .bl
	cmp WPTR [xbx+K_EC], 0
	jne .span
.bl:                                    ; no b on the start and (no -n -h
	mov eax, [xbx+K_FL]             ; -g -M skipping them, or a byte
	test al, SB                     ; offset); or no b on the end and a
	jnz .bl_end                     ; byte offset there
	test eax, FN|FH|FG|FM
	jz .bl_say
	cmp WPTR [xbx+K_SC], 0
	jne .bl_say
.bl_end:
	test al, SE
	jnz .span
	cmp WPTR [xbx+K_EC], 0
	je .span
.bl_say:
	mov esi, fmt_dbg_blanks
	call dsay_key
.span:                                  ; numeric, not gkey_only: no end,
	call gkey_only                  ; or one past the start's field
	je .next
	mov eax, [xbx+K_FL]
	test eax, FN|FH|FG
	jz .next
	mov xcx, [xbx+K_EW]
	cmp xcx, -1
	je .spans
	cmp [xbx+K_SW], xcx
	jae .next
.spans:
	mov esi, fmt_dbg_span
	call dsay_key
	mov al, 4
	test byte [xbx+K_FL], FG
	jz .span_bit
	add al, al
.span_bit:
	or [dbg_nf], al
.next:
	add xbx, KEYSZ
	jmp .key
.after:                                 ; -t in spanning numbers
	mov al, [dbg_nf]
	test al, 12
	jz .point
	cmp byte [tabc+1], 0
	je .point
	mov dl, [tabc]
	mov ecx, s_dbg_decimal
	cmp dl, '.'
	je .sep
	mov ecx, s_dbg_minus
	cmp dl, '-'
	je .sep
	test al, 8
	jz .point
	mov ecx, s_dbg_plus
	cmp dl, '+'
	jne .point
.sep:
	mov [dbg_ch], dl
	mov edx, dbg_ch
	mov esi, fmt_dbg_sep
	call dsay
	cmp byte [dbg_ch], '.'
	je .ignored                     ; (the decimal point said)
.point:
	test byte [dbg_nf], 3
	jz .ignored
	mov ecx, s_dbg_note
	cmp word [tabc], 0x100 | '.'
	jne .note
	add ecx, s_dbg_note_end - s_dbg_note
.note:
	mov esi, fmt_dbg_point
	call dsay0
.ignored:                               ; global options no key has: r
	mov eax, [dbg_ug]               ; too with keys and -s or -u
	xor ebx, ebx
	cmp [nkeys], ebx
	je .ig_test
	test byte [opts], O_STABLE|O_UNIQUE
	jz .ig_test
	inc ebx
.ig_test:
	test eax, ORDERING
	jnz .ig
	test ebx, ebx
	jz .last_r
	test ah, FR >> 8
	jz .last_r
.ig:
	test ebx, ebx
	jnz .letters
	and ah, ~(FR >> 8)
.letters:                               ; key_to_opts: b, then the rest
	mov edi, dbg_opts
	test al, SB|SE
	jz .rest
	mov byte [xdi], 'b'
	inc edi
.rest:
	call letters
	mov edx, dbg_opts
	mov esi, fmt_dbg_ign1
	cmp byte [dbg_opts+1], 0
	je .ig_say
	mov esi, fmt_dbg_ign2
.ig_say:
	call dsay
.last_r:                                ; r, keys, no -s or -u
	test byte [dbg_ug+1], FR >> 8
	jz .ret
	cmp dword [nkeys], 0
	je .ret
	test byte [opts], O_STABLE|O_UNIQUE
	jnz .ret
	mov esi, fmt_dbg_r
	jmp dsay0
.ret:
	ret

; gkey_only - ZF=1 when no -k and no +POS1 was given (the key at xbx is
; the global options' copy): parse_key's -k and plus_key's -POS2 left
; karg 0, the one key is no +POS1. clobbers nothing but the flags
gkey_only:
	cmp WPTR [karg], 0
	jne .ret
	cmp dword [nkeys], 1
	jne .ret
	test byte [xbx+K_FL+3], FTRAD >> 24
.ret:
	ret

; dbg_trad - GNU's "obsolescent key '+A -B' used; consider '-k A+1,B'
; instead" for the key at xbx (its counts, with GNU's sums). clobbers
; xax xcx xdx xsi xdi
dbg_trad:
	sub xsp, 96
	mov xdi, xsp
	mov al, '+'
	stosb
	mov xax, [xbx+K_SW]
	call dbg_num
	mov xax, [xbx+K_EW]
	cmp xax, -1
	je .old_end
	mov word [xdi], ' -'
	scasw
	inc xax
	call dbg_num
.old_end:
	mov byte [xdi], 0
	lea xdi, [xsp+48]
	mov dword [xdi], '-k '
	add xdi, 3
	mov xax, [xbx+K_SW]
	inc xax
	call dbg_num
	mov xax, [xbx+K_EW]
	cmp xax, -1
	je .new_end
	mov byte [xdi], ','
	inc xdi
	inc xax
	cmp WPTR [xbx+K_EC], -1
	jne .new
	inc xax
.new:
	call dbg_num
.new_end:
	mov byte [xdi], 0
	mov xdx, xsp
	lea xcx, [xsp+48]
	mov esi, fmt_dbg_trad
	call dsay
	add xsp, 96
	ret

; dbg_num - the digits of xax at xdi (xdi past them). clobbers xax xcx
; xdx xsi
dbg_num:
	push xdi
	mov edi, numend
	call utoa
	mov xsi, xdi
	pop xdi
.copy:
	lodsb
	stosb
	test al, al
	jnz .copy
	dec xdi
	ret

; dsay_key - the format xsi with ARG = ebp's digits (the key's number);
; dsay - with xdx, xcx; dsay0 - no ARG (say reads one all the same).
; clobbers xax xcx xdx xsi xdi
dsay_key:
	mov eax, ebp
	mov edi, numend
	push xsi
	call utoa
	pop xsi
	mov xdx, xdi
	jmp dsay
dsay0:
	mov edx, dash
dsay:
	xor eax, eax
	jmp say

; dbg_line - put_line's --debug form (its contract): the line xsi, xcx
; bytes with its tabs as '>', a newline, then the keys' marks (dkey) on a
; 2-word record of it (rstep 2 W, kfill's caches off while they are
; found); into a temporary file the line as it is (GNU marks the output
; only).
dbg_line:
	cmp byte [spill], 1
	je put_line.plain               ; (a temporary file: as it is)
	push xbp
	push xcx
	push xsi
	mov xbp, xsp                    ; xbp = the record
	push xsi                        ; [xsp] = the next byte to write
.run:
	mov xsi, [xsp]
	mov xcx, [xbp]
	add xcx, [xbp+W]
	sub xcx, xsi
	jxcxz .eol
	mov xdi, xsi
	mov al, 9
	repne scasb
	mov [xsp], xdi                  ; past the tab, or the line's end
	jne .last
	lea xcx, [xdi-1]
	sub xcx, xsi
	call dput                       ; the bytes before the tab, then '>'
	mov esi, s_dbg_gt
	push 1
	pop xcx
	call dput
	jmp .run
.last:
	mov xcx, xdi
	sub xcx, xsi
	call dput
.eol:
	mov esi, s_dbg_nl
	push 1
	pop xcx
	call dput
	pop xax
	push WPTR [rstep]
	push WPTR [kfirst]
	push WPTR [krand]
	mov byte [rstep], 2*W
	xor eax, eax                    ; (kclear's work: not its part)
	mov [kfirst], xax
	mov [krand], xax
	mov xbx, [keys]
	mov ecx, [nkeys]
	jxcxz .whole
.key:
	push xcx
	push xbx
	call dkey
	pop xbx
	pop xcx
	add xbx, KEYSZ
	loop .key
	test byte [opts], O_STABLE|O_UNIQUE
	jnz .done
.whole:
	xor ebx, ebx
	call dkey
.done:
	pop WPTR [krand]
	pop WPTR [kfirst]
	pop WPTR [rstep]
	pop xsi
	pop xcx
	pop xbp
	ret

; dkey - GNU's debug_key: the mark line of the key at xbx (0: the whole
; line) of the record xbp. clobbers all but xbp
dkey:
	mov xdi, [xbp]                  ; xdi = the start, xdx = the end
	mov xdx, xdi
	add xdx, [xbp+W]
	test xbx, xbx
	jz .mark
	sub xsp, KEYSZ                  ; the end: a copy of the key from
	mov xdi, xsp                    ; the line's start (no b)
	mov xsi, xbx
	push KEYSZ
	pop xcx
	rep movsb
	mov xdi, xsp
	xor eax, eax
	mov [xdi+K_SW], xax
	mov [xdi+K_SC], xax
	and byte [xdi+K_FL], ~SB
	push xbx
	mov xbx, xdi
	mov xsi, xbp
	call field
	pop xbx
	add xsp, KEYSZ
	lea xax, [xsi+xcx]
	push xax                        ; the end (not before the line's
	mov xsi, xbp                    ; start)
	call field                      ; xsi = the start
	pop xdx
	mov eax, [xbx+K_FL]
	mov xcx, [xbx+K_SW]
	or xcx, [xbx+K_SC]
	jnz .begfield
	mov xsi, [xbp]                  ; GNU's sword SIZE_MAX: the line's
	test al, SB                     ; start, then with b its blanks up
	jnz .blanks                     ; to the end
.begfield:
	mov xdi, xsi
	test eax, FN|FH|FG|FM
	jz .mark
.blanks:
	push xdx                        ; past blanks: to the end, or past
	cmp xdx, xsi                    ; the start to the line's end
	jae .bound
	mov xdx, [xbp]
	add xdx, [xbp+W]
.bound:
	call skipblanks
	pop xdx
	mov xdi, xsi
	cmp xdx, xsi
	jb .mark                        ; (no width)
	mov eax, [xbx+K_FL]
	test eax, FN|FH|FG|FM
	jz .mark
	test eax, FM
	jnz .month
	test eax, FG
	jnz .general
	cmp xsi, xdx                    ; -n, -h: a '-', digits, a '.',
	jae .empty                      ; digits (traverse_raw_number)
	cmp byte [xsi], '-'
	jne .int
	inc xsi
.int:
	xor ecx, ecx                    ; ecx = the digits
	call .digits
	cmp xsi, xdx
	jae .num_end
	cmp byte [xsi], '.'
	jne .num_end
	inc xsi
	call .digits
.num_end:
	jxcxz .empty
	test byte [xbx+K_FL], FH        ; -h: and a unit
	jz .tight
	cmp xsi, xdx
	jae .tight
	mov al, [xsi]
	push xdi
	mov edi, s_dbg_units
	push 9
	pop xcx
	repne scasb
	pop xdi
	jne .tight
	inc xsi
.tight:
	mov xdx, xsi
	jmp .mark
.month:
	push xdi
	mov xcx, xdx
	sub xcx, xsi
	call month
	pop xdi
	lea xdx, [xdi+3]
	test eax, eax
	jnz .mark
.empty:
	mov xdx, xdi
	jmp .mark
.general:
	call gend
.mark:                                  ; xdi = the start, xdx = the end
	push xdx
	mov xsi, [xbp]
	xchg xdx, xdi
	call dwidth                     ; the offset
	xchg xdx, xdi
	pop xdx
	push xax
	mov xsi, xdi
	call dwidth                     ; the width
	pop xcx
	push xax
	mov esi, s_dbg_sp
	call dputn                      ; offset spaces
	pop xcx
	jxcxz .none
	mov esi, s_dbg_us
	call dputn                      ; width '_'
	mov esi, s_dbg_nl
	push 1
	pop xcx
	jmp dput
.none:
	mov esi, s_dbg_nomatch
	push s_dbg_nomatch_end - s_dbg_nomatch
	pop xcx
	jmp dput
.digits:                                ; xsi past digits before xdx, ecx
	cmp xsi, xdx                    ; counting them
	jae .dret
	mov al, [xsi]
	sub al, '0'
	cmp al, 10
	jae .dret
	inc xsi
	inc ecx
	jmp .digits
.dret:
	ret

; gend - -g's key in dkey: xsi (past blanks) to xdx -> xdx = the end of
; what strtold reads there (white space, a sign, inf[inity], nan[(n-char
; sequence)], 0x hex digits [. hex digits] [p exponent], decimal digits
; [. digits] [e exponent]), or xdi when it reads no number. clobbers xax
; xcx xsi
gend:
	call gwhite
	jc .none
	mov al, [xsi]
	cmp al, '+'
	je .signed
	cmp al, '-'
	jne .word
.signed:
	inc xsi
.word:
	mov xcx, xdx
	sub xcx, xsi
	cmp xcx, 3
	jb .number
	mov eax, [xsi]
	and eax, 0xffffff
	or eax, 0x202020
	cmp eax, 'inf'
	je .inf
	cmp eax, 'nan'
	je .nan
	call ghex
	jc .number
	mov ch, 1                       ; ch: 1 hex, 2 a '.' seen, 4 a digit
	jmp .mantissa
.number:
	xor ecx, ecx
.mantissa:
	cmp xsi, xdx
	jae .mant_end
	mov al, [xsi]
	cmp al, '.'
	jne .digit
	test ch, 2
	jnz .mant_end
	or ch, 2
	inc xsi
	jmp .mantissa
.digit:
	test ch, 1
	jz .dec
	call digit16
	jmp .got
.dec:
	sub al, '0'
	cmp al, 10
	cmc
.got:
	jc .mant_end
	inc xsi
	or ch, 4
	jmp .mantissa
.mant_end:
	test ch, 4
	jz .none
	lea xax, [xsi+1]                ; e (p in hex), a sign, a digit
	cmp xax, xdx
	jae .end
	mov al, [xsi]
	or al, 0x20
	mov ah, 'e'
	test ch, 1
	jz .exp
	mov ah, 'p'
.exp:
	cmp al, ah
	jne .end
	push xsi
	inc xsi
	mov al, [xsi]
	cmp al, '+'
	je .esign
	cmp al, '-'
	jne .edigits
.esign:
	inc xsi
.edigits:
	xor ecx, ecx
	push xdx
	call dkey.digits
	pop xdx
	pop xax
	test ecx, ecx
	jnz .end
	xchg xax, xsi                   ; (no digit: no exponent)
.end:
	mov xdx, xsi
	ret
.none:
	mov xdx, xdi
	ret
.inf:                                   ; inf, or infinity
	add xsi, 3
	sub xcx, 8
	jb .end
	mov eax, [xsi]
	or eax, 0x20202020
	cmp eax, 'init'
	jne .end
	mov al, [xsi+4]
	or al, 0x20
	cmp al, 'y'
	jne .end
	add xsi, 5
	jmp .end
.nan:                                   ; nan, or nan(n-char-sequence)
	add xsi, 3
	cmp xsi, xdx
	jae .end
	cmp byte [xsi], '('
	jne .end
	lea xcx, [xsi+1]
.nchar:
	cmp xcx, xdx
	jae .end
	mov al, [xcx]
	inc xcx
	cmp al, ')'
	je .nclose
	cmp al, '_'
	je .nchar
	mov ah, al
	sub ah, '0'
	cmp ah, 10
	jb .nchar
	or al, 0x20
	sub al, 'a'
	cmp al, 26
	jb .nchar
	jmp .end
.nclose:
	mov xsi, xcx
	jmp .end

; dwidth - the width of xsi..xdx (none when xdx is before xsi): its bytes
; but the control ones (a tab counts one) -> xax. clobbers cl xsi
dwidth:
	xor eax, eax
.byte:
	cmp xsi, xdx
	jae .ret
	mov cl, [xsi]
	inc xsi
	cmp cl, 9
	je .one
	cmp cl, 0x7f
	je .byte
	cmp cl, ' '
	jb .byte
.one:
	inc xax
	jmp .byte
.ret:
	ret

; dputn - xcx times the byte at xsi to the output; dput - xsi, xcx bytes
; (counted in outtot, as put_line's). clobbers all but xbp
dputn:
	jxcxz .ret
	push xcx
	push xsi
	push 1
	pop xcx
	call dput
	pop xsi
	pop xcx
	dec xcx
	jmp dputn
.ret:
	ret
dput:
	add [outtot], xcx
	sbb xdx, xdx
	or [outtot], xdx
	jmp put

s_dbg_opt:	db ' --debug', 0
s_dbg_opt_end:
s_dbg_nomatch:	db '^ no match for key'
s_dbg_nl:	db 10
s_dbg_nomatch_end:
s_dbg_gt:	db '>'
s_dbg_sp:	db ' '
s_dbg_us:	db '_'
s_dbg_units:	db 'KMGTPEZYk'
s_dbg_note:	db 'note '
s_dbg_note_end:	db 0
s_dbg_decimal:	db 'decimal point', 0
s_dbg_minus:	db 'minus sign', 0
s_dbg_plus:	db 'plus sign', 0
fmt_dbg_bytes:	db F_ARGV0, ': text ordering performed using simple byte comparison', 10, 0
fmt_dbg_trad:	db F_ARGV0, ": obsolescent key '", F_ARG, "' used; consider '", F_TEXT, "' instead", 10, 0
fmt_dbg_zero:	db F_ARGV0, ': key ', F_ARG, ' has zero width and will be ignored', 10, 0
fmt_dbg_blanks:	db F_ARGV0, ': leading blanks are significant in key ', F_ARG, "; consider also specifying 'b'", 10, 0
fmt_dbg_span:	db F_ARGV0, ': key ', F_ARG, ' is numeric and spans multiple fields', 10, 0
fmt_dbg_sep:	db F_ARGV0, ": field separator '", F_ARG, "' is treated as a ", F_TEXT, ' in numbers', 10, 0
fmt_dbg_point:	db F_ARGV0, ': ', F_TEXT, "numbers use '.' as a decimal point in this locale", 10, 0
fmt_dbg_ign1:	db F_ARGV0, ": option '-", F_ARG, "' is ignored", 10, 0
fmt_dbg_ign2:	db F_ARGV0, ": options '-", F_ARG, "' are ignored", 10, 0
fmt_dbg_r:	db F_ARGV0, ": option '-r' only applies to last-resort comparison", 10, 0
fmt_multi_out:	db F_ARGV0, ': multiple output files specified', 10, 0 ; (-o's:
						; the hot part's room)

; kwide - ZF=0 when the key at xbx is not the whole line (kwhole's mark),
; or is -R's (kfill widens the records for it; heap_more counts them so).
; clobbers al
kwide:
	mov al, [xbx+K_FL+1]
	and al, (FRND | FWHOLE) >> 8
	cmp al, FWHOLE >> 8
	ret

; merge_stream - -m on inputs past a quarter of the memory limit: merged
; as they are read (kmerge_go), as GNU's merge: each operand read whole
; stays where it is, a source that reads no more; the one being read has
; its data so far copied to a source of its own, with its fd; the others
; are opened. More than NMERGE operands are merged in GNU's batches (its
; merge()): NMERGE at a time into temporary files, the last batch as
; small as leaves room for the rest in the next pass, until NMERGE or
; fewer are left, so the output is GNU's also for inputs out of order;
; an input not read yet that is the output's file copied to a temporary
; file first, as GNU's (.trash).
merge_stream:
	mov [msl], xbp
	mov [mfdj], ebx
	mov xax, [xsp + 2*W]
	mov [mstart], xax
	mov xax, [msl]                  ; the list [ops, opend): see msetup
	mov xax, [xax]
	mov [mname], xax
	mov xax, [datastart]
	mov [mwhole], xax
.pass:                                  ; xsi: the next in, [pout]: out
	mov xsi, [ops]
	mov [pout], xsi
	mov xcx, [opend]
	sub xcx, xsi
	shr ecx, WSHIFT
	cmp ecx, NMERGE
	jbe .final
.full:                                  ; as many NMERGE batches as fit
	mov xax, [opend]
	sub xax, xsi
	shr eax, WSHIFT
	push NMERGE
	pop xcx
	cmp eax, ecx
	jb .rest
	call .batch
	jmp .full
.rest:                                  ; eax: the rest; past the room
	mov ecx, [pout]                 ; the next pass has beside the
	sub ecx, [ops]                  ; files made (NMERGE less their
	shr ecx, WSHIFT                 ; count mod NMERGE), one batch
	and ecx, NMERGE - 1             ; of the excess and one more
	sub ecx, NMERGE
	add eax, ecx
	jle .move
	lea ecx, [xax + 1]
	call .batch
.move:                                  ; the rest after the files made
	mov xdi, [pout]
	mov xcx, [opend]
	sub xcx, xsi
	rep movsb
	mov [opend], xdi
	jmp .pass
.final:                                 ; (xsi, ecx: the list)
	push xcx
	call .trash
	mov xsi, [ops]
	mov ecx, [xsp]
	call msetup                     ; inputs opened first, then the
	call out_back                   ; output (XSEC), as GNU's mergefiles
	pop xcx
	call kmerge_go
	exit 0
; .trash - GNU's avoid_trashing_input: an input not read yet that is the
; standard output's file (-o's, or one opened for appending or 1<>) is
; first copied to a temporary file (.batch of one), which takes its place:
; read as it is written, it would grow with the output without end.
.trash:
	push 1                          ; the output: fd 1, or after batches
	pop xax                         ; its fd kept (outsave: -EBADF when
	cmp byte [spill], 1             ; closed)
	jne .out
	mov eax, [outsave]
.out:
	xchg eax, A1d
	sys fstat64, A1, stxo           ; (device, inode)
	test eax, eax
	jnz .ret                        ; (closed: GNU's fstat fails, no check)
	mov xsi, [ops]
.in:
	cmp xsi, [opend]
	jae .ret
	mov xdx, [xsi]
	cmp xdx, 0x10000
	jb .skip                        ; a temporary file
	mov eax, [mfdj]
	cmp xdx, [mname]
	je .fstat
	cmp xdx, [datastart]
	jb .name
	cmp xdx, [mstart]
	jbe .skip                       ; read whole
.name:
	xor eax, eax
	cmp word [xdx], '-'
	je .fstat
	push xsi
	sys stat64, xdx, stxi
	pop xsi
	jmp .cmp
.fstat:
	push xsi
	xchg eax, A1d
	sys fstat64, A1, stxi
	pop xsi
.cmp:
	test eax, eax
	jnz .skip
	push xsi
	call same_file
	pop xsi
	jne .skip
	mov [pout], xsi
	push 1
	pop xcx
	call .batch                     ; (xsi past it)
	jmp .in
.skip:
	add xsi, W
	jmp .in
.ret:
	ret
; .batch - the ecx entries at xsi merged into a new temporary file, which
; takes the next out place; xsi past them. Their fds are closed (not 0).
.batch:
	lea xax, [xsi + xcx*W]
	push xax
	push xsi
	push xcx
	and dword [ntmp], 0             ; (tmp_open's list: only its fd)
	call tmp_open
	and WPTR [outtot], 0
	pop xcx
	pop xsi
	push xcx
	call msetup
	call kmerge_go
	pop xcx
	mov ebp, srcs
.close:
	push xcx
	mov xax, [xbp+S_FD]
	test xax, xax
	jz .kept
	sys close, xax
.kept:
	pop xcx
	add ebp, SRCSZ
	loop .close
	mov eax, [tmpfds]
	mov xdi, [pout]
	stosW
	mov [pout], xdi
	pop xsi
	ret

; msetup - the sources (srcs on, [mcnt]) of the ecx entries of the list
; at xsi (1 to NMERGE), each one of: a temporary file's fd (below
; 0x10000; read from its start), an operand read whole (the end of its
; data, in the heap up to mstart: it starts where the one before it
; ended, [mwhole]), the operand being read (its name, [mname]: its data so
; far, then the rest from its fd), or an operand to open (its name; "-"
; stdin: fd 0). A whole one's fd is 0 (nothing to close). clobbers all
msetup:
	mov [mcnt], ecx
	mov ebp, srcs
.entry:
	push xcx
	push xsi
	mov xdx, [xsi]
	and WPTR [xbp+S_FD], 0
	mov byte [xbp+S_EOF], 0
	mov [xbp+S_NAME], xdx
	cmp xdx, 0x10000
	jb .temp
	cmp xdx, [mname]
	je .part
	cmp xdx, [datastart]
	jb .name
	cmp xdx, [mstart]
	ja .name
	mov xax, [mwhole]               ; read whole
	mov [xbp+S_POS], xax
	mov [xbp+S_END], xdx
	mov [mwhole], xdx
	inc byte [xbp+S_EOF]
	jmp .next
.part:                                  ; the one being read: its data so
	mov xcx, [cur]                  ; far into a mapping, then read on
	sub xcx, [mstart]
	push xcx
	lea A2, [xcx + SBUF]
	call src_map
	pop xcx
	mov xsi, [mstart]
	mov xdi, [xbp+S_BUF]
	rep movsb
	mov [xbp+S_END], xdi
	mov eax, [mfdj]
	mov [xbp+S_FD], xax
	jmp .next
.temp:
	xchg eax, edx
	call src_temp                   ; (XSEC)
	jmp .next
.name:
	xor eax, eax
	cmp word [xdx], '-'
	je .fd
	sys open, xdx, O_RDONLY|O_LARGEFILE
	test eax, eax
	js .fail
.fd:
	call src_fd                     ; (XSEC)
.next:
	pop xsi
	pop xcx
	add xsi, W
	add ebp, SRCSZ
	dec ecx
	jnz .entry
	ret
.fail:
	mov ecx, s_open
	mov esi, fmt_failed
	jmp die

; same_file - ZF=1 when stxi and stxo are one file (device, inode).
; clobbers xsi, xdi
same_file:
	mov esi, stxi
	mov edi, stxo
%include "rt/stat_same.inc"             ; (not `use`: here in the XSEC2 part)

; write_fail - GNU's two lines: stdio's, then close_stdout's "write
; error" (with the reason only for EBADF, as fclose fails then too); for
; a temporary file its one "write failed: NAME" (spill_wfail). In the
; XSEC2 part: only a run that fails maps it
write_fail:                             ; xax = -errno
	cmp byte [spill], 1
	je spill_wfail                  ; (XSEC)
	push xax
	mov ecx, s_write
	cmp WPTR [outtot], 4096
	ja .name
	jb .fflush
	mov xdi, [runb]                 ; exactly 4096 bytes, one line: glibc
	mov al, [delim]                 ; wrote that whole block at once (no
	mov ecx, 4095                   ; buffer yet), as for more
	repne scasb
	mov xax, [xsp]                  ; (-errno again)
	mov ecx, s_write
	jne .name
.fflush:
	mov ecx, s_fflush
.name:
	mov esi, fmt_failed
	mov xdx, [outfile]
	test xdx, xdx
	jnz .say
	mov edx, str_stdout
.say:
	call say
	pop xax
	close_reason .reason, fmt_write_error
	mov edx, dash
	jmp die

TEXT

BSS
; The variables first, sheap after them to the page's end: a short run
; writes one page (i386's argv0 and status in it too), none of the brk
; heap.
	BSS_ROOM 4096
	GLOBALS_HERE
gkey:		resb KEYSZ
heap_end:	resW 1
keys:		resW 1		; the keys (heap start)
nkeys:		resW 1
datastart:	resW 1
cur:		resW 1		; the end of the data read
recs:		resW 1
nlines:		resW 1
src:		resW 1
dst:		resW 1
runb:		resW 1
runb0:		resW 1
plim:		resW 1
nruns:		resW 1
pi:		resW 1
pj:		resW 1
rstep:		resW 1		; a record's size: 4 in BSS mode, else 2 W (4 W: kfill)
rshift:		resb 1		; its log2 (heap mode)
kfirst:		resW 1		; the first key when the records hold its bounds (kfill)
krand:		resW 1		; the first key when they hold its digest (kfill: R)
dbg_ug:		resd 1		; --debug: the global options no key has
dbg_nf:		resb 1		; --debug: numeric keys, spanning ones
dbg_ch:		resb 2		; --debug: the separator's byte
dbg_opts:	resb 14		; --debug: the letters of ignored options
ops:		resW 1		; the operands: &argv[1] ..
opend:		resW 1
outfile:	resW 1
outp:		resW 1
oend:		resW 1
outtot:		resW 1
sortsize:	resW 1		; -S's bytes (0: none)
limit:		resW 1		; mem_limit's
counted:	resW 1		; heap_more: the data counted up to here
nlc:		resW 1		; the lines in it
cutp:		resW 1		; past the last delimiter counted (0: none)
pcur:		resW 1		; [cur] when the limit was passed (0: not yet)
argv1:		resW 1		; &argv[1]
karg:		resW 1
trad:		resb 1		; plus_key: 0 unknown, 1 known, 2 traditional, 4 POSIXLY_CORRECT
ga:		resb 16
gb:		resb 16
gradix:		resd 1
gexp:		resd 1
gzero		equ gexp	; gparse's trailing decimal zeros (gexp after)
ra:		resW 1
rb:		resW 1
ka:		resW 1
kal:		resW 1
opts:		resd 1
checkonly:	resd 1
incbuf:		resb 12
ambp:		resd 1		; long_opt's (ambbuf: sheap's last 512 bytes)
nval:		resd 2		; xnum's number
cprog:		resW 1		; --compress-program
rsrc:		resW 1		; --random-source
f0_name:	resW 1		; --files0-from's F
f0_base:	resW 1		; files0: F's names, then their list
f0_cap:		resd 1		; (the mapping's size)
f0_len:		resd 1		; (the names' bytes)
f0_fd:		resd 1
numbuf:		resb 23
numend:		resb 1
delim:		resb 1
spill:		resb 1		; 1: writing temporary files, 2: merging them out
tabc:		resb 1
hastab:		resb 1		; (right after tabc: .settab)
sheap:		resb (PAGE - _BSS_PAGEOFF) % PAGE
sheap_end:
; -R's and -V's rarer variables: a page of their own past sheap (only a run
; with -R, or -d -i -f with -V or -R on keys over VSTACK bytes, writes it)
vmap:		resW 1		; vkeycmp's copies of big keys
vmapsz:		resW 1
hash_state:	resd 4		; -R: md5key's state, then (its rep movsd)
mblk:		resb 64+8	; md5key's block (8 more: .len)
salt:		resb 16		; the salt
digb:		resd 4		; randcmp's b digest
; the temporary files' (only -S, -T, --files0-from or a spill write here)
fops:		resW 2		; chunk_out's list of one operand (scan's then)
outsave:	resd 1		; the real standard output's fd (or -EBADF)
ntmp:		resd 1
tmpfds:		resd TMPCAP + 2	; (+1: merge_level's new file; +1: words aligned)
ntdirs:		resd 1
tdix:		resd 1
tdirs:		resW TDIRS
tdir:		resW 1
lvmark:		resd 1		; heap_more: the files before it are merged ones
lvin:		resd 1		; merge_level's
lvout:		resd 1
lvn:		resd 1
lvfd:		resW 1
mfd:		resW 1		; kmerge's
mcnt:		resd 1
nact:		resd 1
haslast:	resd 1
act:		resW NMERGE
srcs:		resb NMERGE * SRCSZ
msl:		resW 1		; merge_stream's: the slot being read
mstart:		resW 1		; the start of its data
mname:		resW 1		; its name (msetup's entry for it)
mwhole:		resW 1		; where the next operand read whole starts
pout:		resW 1		; the next entry a batch's file takes
mfdj:		resd 1		; its fd
; struct stat64 (layouts.inc), whose device and inode every kernel gives
; (statx would need its fallback before Linux 4.11)
stxo:		resb ST64_RECORD	; the output's
stxi:		resb ST64_RECORD	; an input's
lastrec:	resW 2
lastcap:	resW 1
tname:		resb PATH_MAX + 16	; (tmp_file's room)
ambbuf		equ sheap_end - 512	; (the keys stay far below it)

program_end
