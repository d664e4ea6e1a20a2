; tee - copy standard input to standard output and to each FILE.
;
; Usage: tee [-aip] [--output-error[=MODE]] [FILE]...
;   -a  append to the FILEs (O_APPEND) instead of truncating them
;   -i  ignore SIGINT
;   -p  ignore SIGPIPE: a broken pipe drops that output without a word
;       (GNU's default for -p, warn-nopipe); other errors are told
; Files are created with mode 0666 less the umask; "-" is a file like any
; other (as GNU's). A FILE that cannot be opened is reported and the others
; still written. An output whose write fails is reported ("tee: NAME:
; REASON", standard output as 'standard output') and dropped; a broken
; pipe is dropped silently (without -p, SIGPIPE kills tee first, as GNU).
; tee stops when no output is left, at the end of the input, or on a read
; error ("tee: read error: REASON"). At the end the FILEs are closed, then
; standard input ("tee: standard input: REASON" when that fails).
; Exit status: 0; 1 when a FILE could not be opened or written, on a read
; error, or when closing standard input fails.
; Long options as GNU's getopt_long (prefixes): --append,
; --ignore-interrupts, --output-error[=MODE] (no MODE: as -p). MODE as
; GNU's argmatch (a name or a prefix of only one; else GNU's invalid or
; ambiguous argument message and exit 1): warn (EPIPE told too, SIGPIPE
; ignored), warn-nopipe (-p), exit (the first output error, a broken pipe
; too, ends tee: status 1), exit-nopipe (the same but for a broken pipe,
; dropped silently); with warn, exit and exit-nopipe each round is read
; and written output by output (GNU's order: an output after one that
; failed never gets the bytes), no zero-copy; with exit and exit-nopipe
; reads of 8 KiB as GNU's, so the output stops where GNU's does.
; One file among the outputs twice (by its inode: `tee -a f f`, `tee -a f
; >> f`, the same pipe twice): GNU's 8 KiB reads, each written to every
; output in order, as GNU's, so the copies interleave as in GNU's file.
; Differences from GNU: GNU writes 8 KiB at a time; tee writes what it got.
;
; Zero-copy: when standard input is a pipe, each round duplicates what the
; pipe holds into every output that is a pipe with tee(2) (nothing is
; consumed), then moves the same bytes into one more output (the last one
; that splice(2) takes: a file, a pipe, /dev/null) with splice(2), which
; consumes them. When an output needs the bytes any other way (a second
; regular file, a tty, an O_APPEND file, a pipe that took only part of
; them), the round's bytes are read into a buffer instead and written
; with write(2) where the kernel did not put them already. A refused call
; (EINVAL, EAGAIN) turns that output to the read/write path for good,
; without losing or doubling a byte. Any other standard input: read/write.
; The pipes (standard input and the outputs) are raised to 1 MiB when the
; kernel allows, never lowered: rounds of up to 1 MiB.
; tee(2) and splice(2) into a pipe without a reader fail (and raise
; SIGPIPE) even at the end of the input, where GNU's read of nothing ends
; quietly: so with standard input a pipe SIGPIPE is blocked, such a
; failure with no byte left in standard input ends the run, and any
; other broken pipe unblocks it (killed, as GNU, unless it is ignored).

%define FAST_SYSCALL                    ; i386: the vDSO's entry after 32 calls
%include "subk.inc"
%include "layout.inc"
use usage, getopt_long, err_file, errno_path, quote_arg, fd_safer
%define LONGOPT_OPTIONAL                ; --output-error[=MODE]
%define LONGOPT_BSS_HERE                ; ambp with the variables

BUFSZ   equ 1024 * 1024         ; one round at most
PIPESZ  equ 1024 * 1024         ; the pipes are raised to this
F_SETPIPE_SZ equ F_LINUX_SPECIFIC_BASE + 7      ; linux/fcntl.h
F_GETPIPE_SZ equ F_LINUX_SPECIFIC_BASE + 8
OPT_a   equ 1
OPT_i   equ 2
OPT_p   equ 4                   ; SIGPIPE ignored (any --output-error)
OPT_W   equ 8                   ; EPIPE is an error too (warn, exit)
OPT_X   equ 16                  ; an output error exits (exit, exit-nopipe)
OPT_MODE equ OPT_p|OPT_W|OPT_X

; An output: a record of RECSZ bytes on the stack (stdout first, then
; each FILE opened).
RECSZ   equ 32
R_NAME  equ 0                   ; its name for messages
R_FD    equ 8                   ; dword
R_PART  equ 12                  ; dword: bytes of the round it has already
R_FL    equ 16                  ; byte: FL_*
FL_ON     equ 1                 ; still written
FL_TEE    equ 2                 ; a pipe: tee(2) may duplicate into it
FL_SPLICE equ 4                 ; splice(2) has not been refused
FL_ALL    equ FL_ON|FL_TEE|FL_SPLICE
R_INO   equ 20                  ; dword: its inode number's low half

_start:
	fast_syscall_init counted       ; i386: int 0x80 for the first 32 calls
	pop_argv0                       ; xsp = &argv[1]

; The options (getopt_long: xsi, xdi, xbx its state): -a, -i, and the
; error mode, the last -p or --output-error[=MODE] (argmatch: a MODE, or
; a prefix of only one; -p and no MODE: warn-nopipe) as OPT_MODE's bits.
	getopt_here
.opt:
	call getopt_long                ; al = the letter, xdx = MODE or 0
	jc .opts_done
	mov cl, OPT_a
	cmp al, 'a'
	je .set
	mov cl, OPT_i
	cmp al, 'i'
	je .set
	and byte [opts], ~OPT_MODE      ; -p, --output-error
	cmp al, 'p'
	jne .mode
	xor edx, edx                    ; -p: no MODE
.mode:
	push xsi
	push xdi
	call out_mode                   ; cl = the mode's bits
	pop xdi
	pop xsi
.set:
	or [opts], cl
	jmp .opt
.opts_done:
	mov dl, [opts]
	mov dword [rsize], BUFSZ
	test dl, OPT_X                  ; exit modes: GNU's reads of 8 KiB, so
	jz .rsize                       ; a failure stops at its byte
	mov dword [rsize], 8192
.rsize:
	mov [args], xsp
	mov [arge], xdi

; -i, -p: rt_sigaction(SIG, {SIG_IGN}, NULL, 8): a handler of 1, the
; flags, restorer and mask 0 (on the stack).
	xor eax, eax
	push xax
	push xax
	push xax
	push xax
	push 1
	mov A2, xsp
	test dl, OPT_i
	jz .not_i
	sys rt_sigaction, SIGINT, A2, 0, 8
.not_i:
	test byte [opts], OPT_p
	jz .not_p
	sys rt_sigaction, SIGPIPE, A2, 0, 8
.not_p:

; The records, below: stdout, then each FILE that opens (as GNU's
; fopen_safer, never as fd 0, 1 or 2: such an fd is moved to 3 or more).
	mov xcx, [arge]
	sub xcx, [args]
	shl xcx, 5 - WSHIFT             ; RECSZ per operand
	sub xsp, xcx
	sub xsp, RECSZ
	mov xbp, xsp
	mov [recs], xsp
	mov eax, msg_stdout
	mov [xbp + R_NAME], xax
	mov dword [xbp + R_FD], 1
	mov eax, O_WRONLY|O_CREAT|O_TRUNC|O_LARGEFILE
	test byte [opts], OPT_a
	jz .flags
	mov eax, O_WRONLY|O_CREAT|O_APPEND|O_LARGEFILE
.flags:
	mov [oflags], eax
.record:
	mov byte [xbp + R_FL], FL_ALL
	inc dword [nout]
	add xbp, RECSZ
.open:
	mov xax, [args]
	cmp xax, [arge]
	je .opened
	add WPTR [args], W
	mov xax, [xax]
	mov [xbp + R_NAME], xax
	sys open, xax, [oflags], 0o666
	call fd_safer                   ; (never fd 0, 1 or 2)
	js .open_failed
	mov [xbp + R_FD], eax
	jmp .record
.open_failed:
	mov xsi, [xbp + R_NAME]
	call err_file
	test byte [opts], OPT_X
	jnz .exit
	jmp .open
.opened:
	mov [rece], xbp

; Which outputs are pipes (tee(2) needs one); standard input not a pipe:
; no zero-copy at all. The pipes are raised to PIPESZ when the kernel
; allows (never lowered): bigger rounds, fewer system calls.
	xor A1d, A1d
	call is_fifo
	mov byte [inmask], ~(FL_TEE|FL_SPLICE)
	jne .outputs
	test byte [opts], OPT_W|OPT_X   ; (their messages in GNU's order:
	jnz .outputs                    ; each round written output by output)
	or byte [inmask], -1            ; a pipe: nothing cleared
	sys rt_sigprocmask, SIG_BLOCK, sigpipe_set, 0, 8 ; (see refused)
	call raise_pipe                 ; (A1 = 0 still)
.outputs:
	mov xbp, [recs]
.classify:
	mov A1d, [xbp + R_FD]
	call is_fifo
	jne .not_pipe
	call raise_pipe
	jmp .pipe
.not_pipe:
	and byte [xbp + R_FL], ~FL_TEE
.pipe:

; One file twice (by its inode: a pipe, a file named twice or also
; standard output, with -a or >>): what GNU writes there is its 8 KiB
; reads, each to every output in order, interleaved. So then all of it
; goes GNU's way from the start: no zero-copy, reads of 8 KiB. (Another
; file with the same low half of its inode number costs only the speed.)
	mov eax, [stx + ST64_INO]       ; (stale after a failed fstat: the
	mov [xbp + R_INO], eax          ; same rule, at worst slower)
	mov xsi, [recs]
.same:
	cmp xsi, xbp
	je .mask
	cmp [xsi + R_INO], eax
	je .twice
	add xsi, RECSZ
	jmp .same
.twice:
	cmp dword [rsize], 8192
	je .mask
	mov dword [rsize], 8192
	mov byte [inmask], ~(FL_TEE|FL_SPLICE)
	jmp .outputs
.mask:
	mov al, [inmask]
	and [xbp + R_FL], al
	add xbp, RECSZ
	cmp xbp, [rece]
	jb .classify

; The rounds, while an output is left.
.round:
	cmp dword [nout], 0
	je .done
	call round
	jnc .round

; The end: the FILEs closed (a failure told), then standard input.
.done:
	mov xbp, [recs]
.close:
	add xbp, RECSZ
	cmp xbp, [rece]
	jae .stdin
	test byte [xbp + R_FL], FL_ON
	jz .close
	mov A1d, [xbp + R_FD]
	sys close
	test eax, eax
	jns .close
	mov xsi, [xbp + R_NAME]
	call err_file
	jmp .close
.stdin:
	sys close, 0
	test eax, eax
	jns .exit
	mov esi, msg_stdin
	call err_text
.exit:
	exit_status

; is_fifo - ZF=1 when the fd A1 is a pipe or a FIFO (its fstat64 into
; stx: a struct stat64, which every kernel gives: statx would need its
; fallback before Linux 4.11).
; clobbers the system call registers
is_fifo:
	sys fstat64, A1, stx
	test eax, eax
	jnz .ret                        ; ZF=0: failed, not a pipe
	mov ax, [stx + ST64_MODE]
	and ax, S_IFMT
	cmp ax, S_IFIFO
.ret:
	ret

; raise_pipe - the pipe A1 to PIPESZ bytes if it has less and the kernel
; allows. clobbers xax and the system call registers but A1
raise_pipe:
	sys fcntl, A1, F_GETPIPE_SZ
	cmp eax, PIPESZ
	jae .ret                        ; (or failed)
	sys fcntl, A1, F_SETPIPE_SZ, PIPESZ
.ret:
	ret

; round - one round of copying (see the top). [len] = the round's bytes
; (-1 while unknown), [base] = how many of them were consumed from
; standard input so far, each record's R_PART = how many it has.
; out: CF=1 at the end of the input or after a read error.
round:
	or dword [len], -1
	and dword [base], 0
	mov byte [needbuf], 0

; The consumer: the last output on which splice is still tried.
	xor eax, eax
	mov xbp, [recs]
.consumer:
	mov cl, [xbp + R_FL]
	and cl, FL_ON|FL_SPLICE
	cmp cl, FL_ON|FL_SPLICE
	jne .not_consumer
	mov xax, xbp
.not_consumer:
	and dword [xbp + R_PART], 0
	add xbp, RECSZ
	cmp xbp, [rece]
	jb .consumer
	mov [cons], xax

; tee(2) into every other output that is a pipe. The first answer is the
; round's length; one that is shorter (a fuller pipe) or refused, or an
; output that is not a pipe, needs the buffer.
	mov xbp, [recs]
.tee:
	test byte [xbp + R_FL], FL_ON
	jz .tee_next
	cmp xbp, [cons]
	je .tee_next
	test byte [xbp + R_FL], FL_TEE
	jz .need
	call round_len
	mov A2d, [xbp + R_FD]
	sys tee, 0, A2, A3, 0
	test eax, eax
	jns .teed
	call refused
	je .tee_next
	and byte [xbp + R_FL], ~FL_TEE
.need:
	mov byte [needbuf], 1
	jmp .tee_next
.teed:
	cmp dword [len], -1
	jne .part
	mov [len], eax
	test eax, eax
	jz eof
.part:
	mov [xbp + R_PART], eax
	cmp eax, [len]
	jb .need
.tee_next:
	add xbp, RECSZ
	cmp xbp, [rece]
	jb .tee

; All had it by tee(2): splice the bytes into the consumer, which
; consumes them. Refused at once: the buffer from there on. The consumer
; failing: it is dropped, and the rest of the round read and dropped.
	cmp byte [needbuf], 0
	jne read_path
	mov xbp, [cons]
	test xbp, xbp
	jz read_path
.splice:
	call round_len
	mov A5, A3
	mov A3d, [xbp + R_FD]
	push xbp
	sys splice, 0, 0, A3, 0, A5, 0
	pop xbp
	test eax, eax
	jg .spliced
	jz eof
	call refused
	jne .no_splice
	cmp dword [len], -1
	jne read_path
	clc
	ret
.no_splice:
	and byte [xbp + R_FL], ~FL_SPLICE
	mov eax, [base]
	mov [xbp + R_PART], eax
	jmp read_path
.spliced:
	cmp dword [len], -1
	jne .moved
	mov [len], eax
.moved:
	add [base], eax
	mov eax, [base]
	cmp eax, [len]
	jb .splice
	clc
	ret

; read_path - the round's bytes from [base] on read into buf (the length
; unknown: one read), then written to each output from what it has.
read_path:
	cmp dword [len], -1
	jne .more
	sys read, 0, buf, [rsize]
	test eax, eax
	jle .end
	mov [len], eax
	jmp .write
.more:
	mov A2d, [base]
	mov A3d, [len]
	sub A3d, A2d
	jz .write
	add A2d, buf
	sys read, 0, A2, A3
	test eax, eax
	jle .end
	add [base], eax
	jmp .more
.write:
	mov xbp, [recs]
.output:
	test byte [xbp + R_FL], FL_ON
	jz .next
	mov A2d, [xbp + R_PART]
	mov A3d, [len]
	sub A3d, A2d
	jz .next
	add A2d, buf
	mov A1d, [xbp + R_FD]
	call write_all
	jns .next
	call out_error
.next:
	add xbp, RECSZ
	cmp xbp, [rece]
	jb .output
	clc
	ret
.end:
	jz eof
	mov esi, msg_read
	call err_text
eof:
	stc
	ret

; round_len - A3 = the bytes still to move in this round: [len] - [base],
; at most BUFSZ (-1, unknown: BUFSZ).
round_len:
	mov A3d, [len]
	sub A3d, [base]
	cmp A3d, BUFSZ
	jbe .ret
	mov A3d, BUFSZ
.ret:
	ret

; refused - after a failed tee or splice on the output xbp (eax =
; -errno): ZF=0 when the kernel refused it (EINVAL, EAGAIN: the caller
; turns to the buffer); else the output failed (dropped; ZF=1).
; A broken pipe: tee(2) and splice(2) find it even at the end of the
; input, where GNU's read of nothing ends quietly; so SIGPIPE is blocked
; while they are used (from standard input a pipe on), and a broken pipe
; here with standard input empty (FIONREAD: no bytes; these calls fail
; only once it has bytes or no writer) is that end: the run ends. Else
; (bytes: GNU would have written them) out_error unblocks it: killed, as
; GNU, unless SIGPIPE is ignored.
refused:
	cmp eax, -EINVAL
	je .no
	cmp eax, -EAGAIN
	je .no
	cmp eax, -EPIPE
	je .input
	cmp eax, -EBADF
	jne .fail
; GNU reads before it writes: when the input turns out to be at its end
; (it can be read, with no byte in it), no write fails, tee ends.
.input:
	push xax
	push 0                          ; a pollfd: fd 0, POLLIN
	push 0
	mov byte [xsp + 4], POLLIN
	sys poll, xsp, 1, -1
	pop xax
	sys ioctl, 0, FIONREAD, xsp
	pop xcx                         ; (its int: the low half)
	pop xax
	test ecx, ecx
	jz _start.done
.fail:
	call out_error
	cmp eax, eax
	ret
.no:
	test esp, esp                   ; ZF=0
	ret

; out_error - drop the output xbp after a write error (eax = -errno),
; with GNU's message unless it is a broken pipe. preserves xbp
out_error:
	and byte [xbp + R_FL], ~FL_ON
	dec dword [nout]
	cmp eax, -EPIPE
	jne .say
	push xax
	sys rt_sigprocmask, SIG_UNBLOCK, sigpipe_set, 0, 8 ; (killed here)
	pop xax
	test byte [opts], OPT_W
	jz .ret
.say:
	mov xsi, [xbp + R_NAME]
	call err_file
	test byte [opts], OPT_X
	jnz _start.exit
.ret:
	ret

; out_mode - cl = OPT_MODE's bits for the MODE at xdx (0: -p or no MODE,
; warn-nopipe), as GNU's XARGMATCH: an exact name, else a prefix of only
; one; else its message (ambiguous: a prefix of several), exit 1.
; clobbers xax, xcx, xsi, xdi
out_mode:
	mov cl, OPT_p
	test xdx, xdx
	jz .ret
	mov esi, modes
	xor edi, edi                    ; edi = the prefix match, or -1: several
.mode:
	lodsb
	test al, al
	jz .modes_done
	mov cl, al                      ; cl = its bits
	push xdx
	push xsi
.cmp:
	mov ah, [xdx]
	inc xdx
	lodsb
	test ah, ah
	jz .prefix                      ; MODE ended
	cmp al, ah
	je .cmp
	pop xsi
	pop xdx
	jmp .skip
.prefix:
	pop xsi
	pop xdx
	test al, al
	jz .ret                         ; exact: cl
	test edi, edi
	mov edi, esi                    ; (the first: its name)
	jz .skip
	or edi, -1
.skip:
	lodsb
	test al, al
	jnz .skip
	jmp .mode
.modes_done:
	mov ecx, msg_ambiguous
	inc edi
	jz .fail
	dec edi
	mov ecx, msg_invalid
	jz .fail
	mov cl, [xdi-1]
.ret:
	ret
.fail:
	mov esi, fmt_mode
	jmp usage_say

sigpipe_set:	dd 1 << (SIGPIPE - 1), 0
msg_stdout:	db 'standard output', 0
msg_stdin:	db 'standard input', 0
msg_read:	db 'read error', 0
OPTSPEC:	db 'aip', 0
LONGOPTS:
	db 'a', 'append', 0
	db 'i', 'ignore-interrupts', 0
	db 0x81, 'output-error', 0      ; optional_argument: al = 1
	db '?', 'help', 0
	db '?', 'version', 0
	db 0
modes:	db OPT_p|OPT_W, 'warn', 0       ; GNU's output_error_args, each
	db OPT_p, 'warn-nopipe', 0      ; after its bits
	db OPT_p|OPT_W|OPT_X, 'exit', 0
	db OPT_p|OPT_X, 'exit-nopipe', 0
	db 0
msg_invalid:	db 'invalid', 0
msg_ambiguous:	db 'ambiguous', 0
fmt_mode: db F_ARGV0, ': ', F_TEXT, ' argument ', F_QUOTE, " for '--output-error'", 10
	db 'Valid arguments are:', 10, "  - 'warn'", 10, "  - 'warn-nopipe'", 10
	db "  - 'exit'", 10, "  - 'exit-nopipe'", 10, F_TRY, 0

BSS
	BSS_ROOM 512                    ; the variables and buf's start: one page
stx:	resb ST64_RECORD
args:	resW 1                          ; the next operand
arge:	resW 1                          ; past the last one
recs:	resW 1                          ; the first record (stdout)
rece:	resW 1                          ; past the last one
cons:	resW 1                          ; this round's splice consumer, or 0
nout:	resd 1                          ; outputs left
len:	resd 1
base:	resd 1
oflags:	resd 1
rsize:	resW 1                          ; a read's size (BUFSZ, or GNU's 8192)
ambp:	resd 1                          ; long_opt's (every long option)
opts:	resb 1
needbuf: resb 1
inmask:	resb 1
	GLOBALS_HERE                    ; (i386: argv0, status on this page)
	resb (64 - _BSS_PAGEOFF % 64) % 64 ; buf 64-aligned: a buf 1 byte before
buf:	resb BUFSZ                      ; a page was 1.5x slower (4K aliasing)
ambbuf:	resb 512                        ; long_opt's, for an ambiguous name

program_end
