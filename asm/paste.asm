; paste - merge lines of files.
;
; Usage: paste [-s] [-d LIST] [-z] [FILE]...
;   -d, --delimiters=LIST  use the bytes of LIST in turn instead of TAB;
;                          \n \t \\ \b \f \r \v as in C, \0 for no
;                          delimiter ('' is \0), \X for X
;   -s, --serial           one file at a time: its lines joined into one
;   -z, --zero-terminated  lines end with NUL, not newline
; Without -s, line N of the output is line N of each FILE, joined by the
; delimiters; a file that has ended gives empty lines (and its delimiter)
; while the others go on. "-" and no FILE mean stdin; several "-" share it
; and take its lines in turn. A last line without its terminator gets one.
; Long options may be shortened to any unambiguous prefix.
; Exit status: 0; 1 for a usage error, a LIST ending in one backslash, a
; read error (the rest is still pasted), a file that cannot be opened (at
; once without -s, as GNU: all are opened first), stdin closed, or a write
; error: its messages as GNU's stdio meets it (see flush): more than 4096
; bytes held and a second, bare "write error" from close_stdout.
; Differences from GNU: --help and --version are unrecognized options.
;
; Memory (a short run writes one page of BSS, and in parallel one of the
; heap): the variables start a BSS page, the output buffer follows them.
; In parallel each operand has a record on the brk heap with its own read
; buffer (BUFSZ bytes) after all the records; its first read is into the
; record, whose size is chosen so that the records and delbuf fill one
; heap page (two operands: reads of up to ~1.9 KiB there; at least
; RSMIN - R_BUF bytes when there are many). The records of "-" all use
; the first one's. In serial one record (srec, with the variables) reads
; every operand into the output buffer itself, which is empty at each
; read: a line's bytes are written no later than they were read, so the
; output never overtakes the input. Lines are never kept whole: bytes go
; from a read buffer to the output buffer in runs (up to the line's
; delimiter, found with SSE2, or the buffer's end), the output written
; whenever it is full: at the points GNU's getc/putchar loop writes.

%define FAST_SYSCALL                    ; i386: the vDSO's entry after 64 calls
%define VSYS_COUNT 64                   ; (paste f f2 f f2 f f2 makes 35: 16 KiB)
%include "subk.inc"
%include "layout.inc"
use getopt_long, opt_missing, err_file, errno_path, write_all

BUFSZ	equ 16384               ; one read, per operand
OBUFSZ	equ 65536               ; the output buffer

; An operand's record. R_CUR (parallel only): the record whose stream it
; reads (its own, or the first "-"'s), 0 once it has ended; it is last, as
; serial's record ends at obuf + 1 (its top byte is obuf's first).
R_NAME	equ 0
R_POS	equ W                   ; the next byte in the buffer
R_END	equ 2*W                 ; the end of the bytes read
R_FD	equ 3*W
R_ERR	equ 4*W                 ; -errno of a failed read, or 0 (dword)
R_EOF	equ 4*W + 4             ; the end was read (byte; sticky until
                                ; cleared, as glibc's EOF); the byte after
                                ; it: read before (parallel)
R_BIG	equ 4*W + 8             ; parallel: the read buffer (serial: 0)
R_CUR	equ 5*W + 8
R_BUF	equ 6*W + 8             ; serial: the read buffer (obuf + 1);
                                ; parallel: room for the first read, to
                                ; the record's end ([rs] bytes a record)
RSMIN	equ 120                 ; parallel: the least record size

_start:
	fast_syscall_init counted       ; i386: int 0x80 for the first 64 calls
	pop_argv0                       ; xsp = &argv[1]
	mov WPTR [dlist], tabv
	mov dword [tabv], 0x0a0009      ; "\t", 0, and ldelim = '\n'

; The options (getopt_long: long ones too).
	getopt_here
.opt:
	call getopt_long
	jc .options_done
.letter:
	cmp al, 's'
	jne .not_s
	mov byte [opt_s], 1
.not_s:
	cmp al, 'z'
	jne .not_z
	mov byte [ldelim], 0
.not_z:
	cmp al, 'd'
	jne .opt
	mov [dlist], xdx                ; ('' is an empty list, whose one
	jmp .opt                        ; byte is its NUL: as '\0')

; No operand: "-". Then LIST is checked for a last lone backslash, and
; its escapes become bytes in place (0: no delimiter), [dstart] to [dend].
.options_done:
	cmp xdi, xsp
	jne .collapse
	push dash
.collapse:
	mov [argp], xsp
	mov xsi, [dlist]
.check:
	lodsb
	test al, al
	jz .checked
	cmp al, '\'
	jne .check
	lodsb
	test al, al
	jnz .check
	jmp backslash_end
.checked:
	mov xsi, [dlist]
	mov [dstart], xsi
	mov xdi, xsi
.escape:
	lodsb
	test al, al
	jz .collapsed
	cmp al, '\'
	jne .store
	lodsb
	push xsi
	mov esi, escapes
.find:
	mov ah, [xsi]
	test ah, ah
	jz .literal
	cmp ah, al
	je .map
	inc esi
	inc esi
	jmp .find
.map:
	mov al, [xsi+1]
.literal:
	pop xsi
.store:
	stosb
	jmp .escape
.collapsed:
	mov [dend], xdi
	movzx eax, byte [ldelim]        ; xmm7: the line delimiter in each
	imul eax, eax, 0x01010101       ; byte (copy_line)
	movd xmm7, eax
	pshufd xmm7, xmm7, 0
	mov edi, obuf
	cmp byte [opt_s], 0
	jne serial

; parallel - GNU's paste_parallel. Every operand is opened first (a
; failure ends paste); then each round reads one line of each open
; operand. The delimiters of operands that have ended are kept (delbuf)
; and written only when a later operand of the line has a line.
parallel:
	mov xsi, [argp]
	xor ecx, ecx
.count:
	lodsW
	test xax, xax
	jz .counted
	inc ecx
	jmp .count
.counted:
; The heap: the records, delbuf (a byte per operand, and 2), the read
; buffers. [rs], a record's size: what shares a page among the records
; and delbuf (a multiple of 8), at least RSMIN. xdx = the next read buffer.
	mov [files_open], ecx
	mov eax, PAGE - 2
	sub eax, ecx
	cdq
	idiv ecx
	and eax, -8
	cmp eax, RSMIN
	jge .rs
	push RSMIN
	pop xax
.rs:
	mov [rs], eax
	lea xbx, [xax + 1 + BUFSZ]
	imul xbx, xcx
	jc no_memory
	push xcx
	push xbx
	sys brk, 0
	mov [recs], xax
	pop xbx
	add xbx, xax
	jc no_memory
	pop xcx
	lea A1, [xbx + 2]
	lea edx, [xcx - 1]
	imul edx, [rs]
	add xdx, xax
	mov [last], xdx                 ; the last operand's record
	add edx, [rs]
	mov [delbuf], xdx
	lea xdx, [xdx + xcx + 2]
	sys brk
	cmp xax, A1
	jne no_memory

	mov xbp, [recs]
.open:
	mov xax, [argp]
	mov xbx, [xax]
	test xbx, xbx
	jz .opened
	mov [xbp+R_NAME], xbx
	cmp word [xbx], '-'
	jne .file
	mov byte [have_stdin], 1
	mov xax, [stdin_rec]
	test xax, xax
	jnz .share
	mov [stdin_rec], xbp            ; (its fd: 0, as the heap is zeroed)
	mov xax, xbp
.share:
	mov [xbp+R_CUR], xax
	jmp .next_open
.file:
	sys open, xbx, O_RDONLY|O_LARGEFILE
	test eax, eax
	js .open_failed
	mov [xbp+R_FD], xax
	jnz .own
	mov byte [opened_stdin], 1
.own:
	mov [xbp+R_CUR], xbp
.next_open:
	mov [xbp+R_BIG], xdx
	add edx, BUFSZ                  ; (addresses are below 4 GiB)
	add xbp, [rs]
	add WPTR [argp], W
	jmp .open
.open_failed:
	mov xsi, [xbp+R_NAME]
	call err_file
	exit 1
.opened:
	mov edi, obuf
	mov al, [opened_stdin]
	and al, [have_stdin]
	jz .round
	mov esi, msg_closed
	xor eax, eax
	jmp die

; A round: xbp = the operand, cl = it gave bytes this time (GNU's
; sometodo).
.round:
	cmp dword [files_open], 0
	je finish
	mov byte [somedone], 0
	mov xax, [dstart]
	mov [dptr], xax
	and dword [saved], 0
	mov xbp, [recs]
.slot:
	cmp xbp, [last]
	ja .round
	cmp dword [files_open], 0
	je .round
	xor ecx, ecx
	mov xbx, [xbp+R_CUR]
	test xbx, xbx
	jz .nothing
	call getc
	jc .ended
	cmp dword [saved], 0
	je .copy
	call put_saved
.copy:
	dec WPTR [xbx+R_POS]            ; (the byte is copied with its line)
	call copy_line
	jmp .some

; Nothing read: the operand has ended (reported if a read failed); stdin
; is only rewound (its EOF cleared) for the next "-".
.ended:
	call check_error
	cmp xbx, [stdin_rec]
	je .stdin_ended
	push xdi
	sys close, [xbx+R_FD]
	pop xdi
	jmp .closed
.stdin_ended:
	call clearerr
.closed:
	and WPTR [xbp+R_CUR], 0
	dec dword [files_open]
.nothing:
	cmp xbp, [last]
	jne .save_delim
	cmp byte [somedone], 0          ; the last operand: the line ends,
	je .next_slot                   ; if any operand had one
	call put_saved
	jmp .line_end
.save_delim:
	call next_delim
	jz .next_slot
	mov xdx, [delbuf]
	add edx, [saved]
	mov [xdx], al
	inc dword [saved]
	jmp .next_slot

.some:
	mov byte [somedone], 1
	cmp xbp, [last]
	je .line_end
	call next_delim
	jz .next_slot
	call putc
	jmp .next_slot
.line_end:
	mov al, [ldelim]
	call putc
.next_slot:
	add xbp, [rs]
	jmp .slot

; serial - GNU's paste_serial: each operand's lines joined into one by the
; delimiters; a file that cannot be opened is reported and skipped.
; xbx = srec, which reads every operand (fd 0 for "-"; R_POS = R_END
; as the last one was read to its end; its end and error forgotten).
serial:
	mov xax, [argp]
	mov xsi, [xax]
	test xsi, xsi
	jz finish
	xor eax, eax
	cmp word [xsi], '-'
	jne .file
	mov byte [have_stdin], 1
	jmp .opened
.file:
	push xsi
	push xdi
	sys open, xsi, O_RDONLY|O_LARGEFILE
	pop xdi
	pop xsi
	test eax, eax
	jns .opened
	call report
	jmp .next
.opened:
	mov ebx, srec
	mov [xbx+R_FD], xax
	call clearerr
	mov [xbx+R_NAME], xsi
	mov xax, [dstart]
	mov [dptr], xax
	call getc
	jc .end_line
.join:                                  ; a line, then its delimiter: the
	dec WPTR [xbx+R_POS]            ; next one of LIST, or the line
	call copy_line                  ; delimiter itself if it ends the
	jc .end_line                    ; file (one is added if missing)
	call getc
	jc .end_line
	call next_delim
	jz .join
	call putc
	jmp .join
.end_line:
	mov al, [ldelim]
	call putc
.done:
	call check_error
	mov xax, [xbx+R_NAME]
	cmp word [xax], '-'
	je .next                        ; stdin stays open
	push xdi
	sys close, [xbx+R_FD]
	pop xdi
.next:
	add WPTR [argp], W
	jmp serial

; finish - the output written; stdin closed if it was read (GNU dies when
; that fails).
finish:
	call flush
	mov xax, [gerr]                 ; close_stdout: "write error: R" when
	test xax, xax                   ; the bytes still held failed, bare
	jnz write_error                 ; when only an error()'s fflush did
	cmp [gfail], eax
	jne write_error
	stdin_close_exit have_stdin

; write_error2 - GNU's stdio met the failure (xax = -errno) at a full
; buffer: the message, and close_stdout's bare one after it.
write_error2:
	mov esi, msg_write
	call err_text
	xor eax, eax
	jmp write_error

	fatal_exits

; backslash_end - LIST ends in a lone backslash: GNU's message, with LIST
; in C quotes when it has a byte that needs them (c_maybe_quoting_style; ':'
; too, as quotearg_n_style_colon adds it to the bytes to quote).
backslash_end:
	mov xsi, [dlist]
	mov xdx, xsi
.scan:
	lodsb
	test al, al
	jz .say                         ; as it is
	cmp al, '"'
	je .quote
	cmp al, ':'
	je .quote
	cmp al, ' '
	jb .quote
	cmp al, 0x7f
	jb .scan
.quote:
	mov xsi, xdx
	mov edi, qbuf
	mov edx, edi
	mov al, '"'
	stosb
.byte:
	lodsb
	test al, al
	jz .close
	cmp al, '"'
	je .escape
	cmp al, '\'
	je .escape
	cmp al, 0x7f
	jae .octal
	cmp al, ' '
	jae .store
	cmp al, 7                       ; \a .. \r are 7 .. 13
	jb .octal
	cmp al, 13
	ja .octal
	movzx eax, al
	mov al, [xax + c_escapes - 7]
.escape:
	mov byte [xdi], '\'
	inc edi
.store:
	stosb
	jmp .byte
.octal:                                 ; \ooo
	mov byte [xdi], '\'
	inc edi
	mov ah, al
	shr al, 6
	add al, '0'
	stosb
	mov al, ah
	shr al, 3
	and al, 7
	add al, '0'
	stosb
	mov al, ah
	and al, 7
	add al, '0'
	jmp .store
.close:
	mov al, '"'
	stosb
	mov byte [xdi], 0
.say:
	mov esi, fmt_backslash
	xor eax, eax
	call say
	exit 1

; getc - xbx = a record: al = its next byte, CF=0; CF=1 at its end (or
; a read error, kept in R_ERR). Keeps all registers but xax.
getc:
	mov xax, [xbx+R_POS]
	cmp [xbx+R_END], xax
	jbe .fill
	inc WPTR [xbx+R_POS]
	mov al, [xax]
	ret                             ; (CF=0 from the cmp)
.fill:
	cmp byte [xbx+R_EOF], 0
	jne .eof
	call flush                      ; (before a read that may wait)
	push xbx
	push xcx
	push xdx
	push xsi
	push xdi
	push xbp
	mov xbp, xbx
.read:
	lea A2, [xbp+R_BUF]
	mov A1, [xbp+R_FD]
	mov A3d, BUFSZ
	mov xax, [xbp+R_BIG]
	test xax, xax
	jz .sys                         ; serial: one buffer
	bts dword [xbp+R_EOF], 8
	jnc .small                      ; parallel: the first read
	xchg A2, xax
	jmp .sys
.small:
	mov A3d, [rs]                   ; the rest of the record
	sub A3d, R_BUF
.sys:
	sys read
	cmp eax, -EINTR
	je .read
	test eax, eax
	jg .data
	jz .end
	mov [xbp+R_ERR], eax
	xor eax, eax
.end:
	mov byte [xbp+R_EOF], 1
.data:
	movx xcx, A2                    ; (kept by the system call)
	mov [xbp+R_POS], xcx
	add xcx, xax                    ; (xax = 0 at the end)
	mov [xbp+R_END], xcx
	pop xbp
	pop xdi
	pop xsi
	pop xdx
	pop xcx
	pop xbx
	jmp getc
.eof:
	stc
	ret

; clearerr - xbx = a record: its end and error forgotten (glibc's
; clearerr), so that it is read again.
clearerr:
	and dword [xbx+R_ERR], 0
	mov byte [xbx+R_EOF], 0
	ret

; check_error - xbx = a record, xbp (parallel) or xbx's R_NAME = its
; operand: "paste: NAME: Reason" if a read failed. Keeps all registers.
check_error:
	mov eax, [xbx+R_ERR]
	test eax, eax
	jz .ret
	push xsi
	mov xsi, [xbx+R_NAME]
	cmp byte [opt_s], 0
	jne .named
	mov xsi, [xbp+R_NAME]
.named:
	call report
	pop xsi
.ret:
	ret

; report - err_file(xsi, xax) keeping the registers paste needs; the
; output so far is written first (GNU's error() flushes stdout).
report:
	push xax
	call flush
	xor eax, eax                    ; error()'s fflush: a failure only
	xchg xax, [gerr]                ; sets stdout's error flag
	or [gfail], eax
	xor eax, eax
	mov [gcount], eax
	mov xax, [xsp]                  ; (the file's -errno again)
	push xbx
	push xcx
	push xdx
	push xdi
	push xbp
	call err_file
	pop xbp
	pop xdi
	pop xdx
	pop xcx
	pop xbx
	pop xax
	ret

; next_delim - al = the next delimiter of the line ([dptr], cycling);
; ZF=1 when it is none (\0). clobbers xdx
next_delim:
	mov xdx, [dptr]
	mov al, [xdx]
	inc xdx
	cmp xdx, [dend]
	jb .keep
	mov xdx, [dstart]
.keep:
	mov [dptr], xdx
	test al, al
	ret

; copy_line - xbx = a record with a byte at R_POS: the bytes of its line
; to the output, up to its line delimiter (taken, not written: CF=0) or
; its end (CF=1). The delimiter is looked for 16 bytes a step (SSE2,
; aligned: no load crosses a page), the bytes before it are copied in
; runs, the output written whenever it is full, as a byte at a time would.
; clobbers xax, xdx, xsi
copy_line:
	push xcx
.block:
	mov xsi, [xbx+R_POS]
	sse_scan [xbx+R_END], sse_eq7   ; edx = the delimiter, or the end
.copy:                                  ; xsi..xdx to the output
	cmp xsi, xdx
	jae .copied
	mov ecx, obuf + OBUFSZ
	sub ecx, edi                    ; the room (never none)
	mov xax, xdx
	sub xax, xsi
	cmp xcx, xax
	jb .run
	mov xcx, xax
.run:
	rep movsb
	cmp edi, obuf + OBUFSZ
	jb .copy
	call flush
	jmp .copy
.copied:
	cmp [xbx+R_END], xdx
	jbe .block_end
	inc xdx                         ; the delimiter is taken (CF=0 from
	mov [xbx+R_POS], xdx            ; the cmp)
	pop xcx
	ret
.block_end:
	mov [xbx+R_POS], xdx
	call getc                       ; more of the line, or its end
	jc .ret
	dec WPTR [xbx+R_POS]
	jmp .block
.ret:
	pop xcx
	ret

; put_saved - write the delimiters kept in delbuf. Keeps all registers.
put_saved:
	push xax
	push xcx
	push xsi
	mov ecx, [saved]
	mov xsi, [delbuf]
	jxcxz .done
.put:
	lodsb
	call putc
	loop .put
.done:
	and dword [saved], 0
	pop xsi
	pop xcx
	pop xax
	ret

; putc - al to the output buffer (xdi), written when full. Keeps all
; registers but xdi.
putc:
	stosb
	cmp edi, obuf + OBUFSZ
	jb flush.ret
; flush - the output buffer (obuf up to xdi) written; xdi = obuf. A
; failed write is judged as GNU's stdio (a 4096-byte buffer) would meet it:
; [gcount] counts the bytes since its last flush point (the start or an
; error()'s fflush), [gerr] the last failure since then; more than 4096
; bytes and a failure: GNU died at its buffer's flush (write_error2); else
; its bytes would still be held, and the run goes on.
flush:
	push_list xax, xbx, xcx, xdx, xsi
	mov A3, xdi
	sub A3d, obuf
	add [gcount], A3d
	sbb eax, eax                    ; (stays past 4096 after 4 GiB)
	or [gcount], eax
	mov A2d, obuf
	push 1
	pop A1
	call write_all
	jns .written
	mov [gerr], xax
.written:
	mov xax, [gerr]
	test xax, xax
	jz .held
	cmp dword [gcount], 4096
	ja write_error2
.held:
	mov edi, obuf
	pop_list xax, xbx, xcx, xdx, xsi
.ret:
	ret

OPTSPEC:	db 'd:sz', 0
LONGOPTS:
	db 's', 'serial', 0
	db 'd'|0x80, 'delimiters', 0
	db 'z', 'zero-terminated', 0
	db '?', 'help', 0
	db '?', 'version', 0
	db 0
escapes:	db '0', 0, 'b', 8, 'f', 12, 'n', 10, 'r', 13, 't', 9, 'v', 11, 0
c_escapes:	db 'abtnvfr'            ; the C escapes of the bytes 7 .. 13
fmt_backslash:	db F_ARGV0, ': delimiter list ends with an unescaped backslash: ', F_ARG, 10, 0
msg_closed:	db 'standard input is closed', 0
msg_write:	db 'write error', 0
msg_memory:	db 'memory exhausted', 0
dash:		db '-', 0

BSS                                     ; (LIST is collapsed in place)
	BSS_ROOM PAGE                   ; the variables start a page
	GLOBALS_HERE                    ; i386: argv0 and status here, not after the buffers
dlist:	resW 1                          ; LIST as given
dstart:	resW 1                          ; its delimiter bytes
dend:	resW 1
dptr:	resW 1                          ; the next one
argp:	resW 1                          ; the current operand's slot
recs:	resW 1                          ; parallel: the records
last:	resW 1                          ; the last one
delbuf:	resW 1                          ; parallel: delimiters kept
stdin_rec: resW 1                       ; the record that reads stdin
rs:	resW 1                          ; parallel: a record's size (< 4 GiB)
saved:	resd 1                          ; bytes in delbuf
files_open: resd 1
gerr:	resW 1                          ; flush: a failed write's -errno
gcount:	resd 1                          ; flush: bytes GNU's stdio holds
gfail:	resd 1                          ; an error()'s fflush failed
tabv:	resb 2                          ; the default LIST: "\t"
ldelim:	resb 1                          ; the line delimiter
opt_s:	resb 1
somedone: resb 1                        ; a line was read this round
have_stdin: resb 1                      ; "-" is an operand
opened_stdin: resb 1                    ; a FILE was opened as fd 0
%define LONGOPT_BSS_HERE                ; long_opt's ambp (written by a long
ambp:	resd 1                          ; option) here, its ambbuf far
	resb -($-$$) & (W-1)
srec:	resb R_BUF - 1                  ; serial: the record (reads to
obuf:	resb OBUFSZ                     ; obuf + 1; its start in the
                                        ; variables' page)
qbuf:	resb 4 * 131072 + 4             ; LIST quoted for the message
ambbuf:	resb 512

program_end
