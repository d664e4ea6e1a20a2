; tail - the last part of files, and what is added to them.
;
; Usage: tail [-n [+|-]N | -c [+|-]N | -N[bcl][f] | +N[bcl][f]] [-fFqvz]
;             [-s SECONDS] [--pid=PID] [--retry] [--follow[=HOW]] [FILE]...
;   -n N   the last N lines (10 by default); -n +N from line N on
;   -c N   the last N bytes; -c +N from byte N on
;   -N, +N the old form (the only option, with at most one FILE): b 512-byte
;          blocks, c bytes, l lines, f follow; by $_POSIX2_VERSION as GNU's,
;          +N is a FILE in POSIX 2001-2008, and before 2001 "-" and "-c"
;          alone are the old form too
;   -f     follow: after the end, write what is added (--follow=descriptor)
;   -F     follow by name, reopening the file when it is replaced or
;          reappears (--follow=name --retry)
;   -s S   seconds between checks (default 1; inotify wakes us sooner)
;   --pid=PID  with -f: stop after PID ends
;   -q     never print headers    -v  always print headers
;   -z     lines end with NUL instead of newline
; N may have a suffix as head's: b 512, kB 1000, K 1024, MB, M, ... Y.
; "-" and no FILE mean standard input.
; Exit status: 0; 1 when a file could not be opened or read, for a bad
; option or number, or a write error.
; Long options as GNU's getopt_long (prefixes, --opt=ARG or --opt ARG):
; --bytes --lines --quiet --silent --verbose --zero-terminated
; --sleep-interval --follow[=HOW] --retry --pid --max-unchanged-stats=N
; (checked as GNU's, then unused: following by name here is inotify's or
; a look at the name at every check, never a count of unchanged stats)
; and the undocumented ---disable-inotify (polling, as GNU's) and
; ---presume-input-pipe (a file read as a pipe).
; Following: inotify where GNU uses it (GNU's disable_inotify: polling for
; a followed stdin file, a symbolic link named, a character device or a
; socket followed); when inotify cannot be used (its limits), GNU's
; warnings ("inotify resources exhausted", "cannot watch 'F'"), then
; polling.
; Differences from GNU: -s takes a decimal
; number (no exponent or hex); while following, the files are checked in
; turn after each wake-up (inotify, or every S seconds), so the order of
; the output of two files written at the same moment may differ; the
; warning for following a tty stdin is not printed; -F watches each
; file's directory only (GNU adds a watch of the file); --follow=name
; without --retry watches the file for IN_DELETE_SELF alone, to go on as
; GNU's inotify loop while a file renamed away exists.
;
; Reading: a regular file is read from its end (lines: blocks of 128 KiB
; backwards from the end until N line ends are seen; bytes: one lseek), so
; the cost grows with N, not with the file; offsets are 64-bit on both
; arches. A pipe goes through a window that keeps only the last N lines or
; bytes and grows (brk) only as far as that needs. Output goes through
; head's stdio-like buffer (GNU's exact write error messages); on a
; terminal what it holds goes out before each read or open that may wait
; (out_tty), as GNU's line-buffered stdout (`slow | tail -n +1`).

%define FAST_SYSCALL                    ; i386: the vDSO's entry after 32 calls
%define QUOTE_ONE_PASS          ; (error.inc: gnulib's second quoting pass left out: its pages are full; README)
%define SAY_STDERR_STATUS              ; a warning not written: status 1 (error.inc)
%define PHDRS_UNMAPPED                  ; (the hot code: two pages without them)
%define GETOPT_LONG_HOOK long_option  ; "--NAME" (getopt.inc), in the cold part
%include "subk.inc"
%include "layout.inc"
use getopt, usage, usage_try, err_file, err_quoted, errno_path
use headtail_io, headtail_num, headtail_out, seek64, lseek64, count_try
use scan_fwd, scan_back, strlen, fd_safer
%define LONGOPT_AMBIGUOUS               ; long_opt (its messages cold: below)
%define LONGOPT_OPTIONAL                ; --follow[=HOW]
%define LONGOPT_BSS_HERE                ; ambp with the variables
%define LONGOPT_COLD_MSGS               ; its messages with the others

BUFSZ       equ 128 * 1024
M_BYTES     equ HT_BYTES
M_START     equ 2                       ; +N
M_FOREVER   equ 4                       ; -f, -F
M_NAME      equ 8                       ; follow by name
M_RETRY     equ 16
M_POLL      equ 32                      ; ---disable-inotify
%define HDR_ALWAYS 2
%define HT_COLD_EXHAUSTED               ; its "memory exhausted" (cold)
%define HT_COLD_MSGS                    ; fmt_open, _read, _fstat, _memory (cold)
%define HT_FD [fd]
%define HT_FOLLOWING
%define HT_WSMALL 1280                ; ht_window's first window (wbuf)
%define HT_BAD_LETTER fmt_context    ; (only digits are left)

; q_op DST, A, OP, OPC, B - the qword [DST] = [A] OP [B] (OP, then OPC with
; the carry, on the two dwords; eax clobbered).
%macro q_op 5
	mov eax, [%2]
	%3 eax, [%5]
	mov [%1], eax
	mov eax, [%2+4]
	%4 eax, [%5+4]
	mov [%1+4], eax
%endmacro

; A record per operand, on the stack.
R_NAME      equ 0                       ; the name ("standard input" for -)
R_FD        equ 8                       ; the fd, -1 when not open
R_IGNORE    equ 12                      ; 1: no longer followed
R_STDIN     equ 13                      ; 1: it is "-"
R_ODD       equ 14                      ; 1: neither regular nor a FIFO
R_ERR       equ 16                      ; the errno last reported (-F)
R_POS       equ 24                      ; qword: bytes read so far
R_INO       equ 32                      ; qword
R_DEV       equ 40                      ; dword: st_dev (new_encode_dev's 32 bits)
R_MODE      equ 44                      ; GNU's f.mode and f.mtime, for the polling
R_MTIME     equ 48                      ; loop (remember.meta): the seconds' low
R_MTIME_NS  equ 52                      ; half, the nanoseconds (x86_64: xor the high)
R_WD        equ 56                      ; --follow=name: the file's inotify watch, 0 none
R_DWD       equ 60                      ; the watch of its directory (-f: of the file)
REC         equ 64

IN_MODIFY   equ 0x2
IN_ATTRIB   equ 0x4
IN_MOVED_FROM equ 0x40
IN_MOVED_TO equ 0x80
IN_CREATE   equ 0x100
IN_DELETE   equ 0x200
IN_DELETE_SELF equ 0x400
IN_MOVE_SELF equ 0x800
WATCH_FILE  equ IN_MODIFY|IN_ATTRIB|IN_DELETE_SELF|IN_MOVE_SELF
WATCH_DIR   equ IN_MODIFY|IN_ATTRIB|IN_CREATE|IN_DELETE|IN_MOVED_FROM|IN_MOVED_TO|IN_DELETE_SELF

_start:
	fast_syscall_init counted       ; i386: int 0x80 for the first 32 calls
	pop_argv0                       ; xsp = &argv[1]
	mov byte [eol], 10
	mov byte [cnt], 10
	mov byte [sleep_ts], 1
	mov xsi, xsp

; The old form: GNU takes it only as the whole command line but a FILE
; (argc 2, or 3 with a FILE that is not an option, or "--" in argv[2]
; with argc 3 or 4). ecx = the number of arguments.
	xor ecx, ecx
.count_args:
	cmp WPTR [xsi+xcx*W], 0
	je .counted
	inc ecx
	jmp .count_args
.counted:
	dec ecx
	js .getopt
	jz .old
	mov xdx, [xsi+W]                ; argv[2]
	cmp ecx, 2
	ja .getopt
	cmp word [xdx], '--'
	jne .not_dashes
	cmp byte [xdx+2], 0
	je .old
.not_dashes:
	dec ecx
	jnz .getopt
	cmp byte [xdx], '-'
	jne .old
	cmp byte [xdx+1], 0
	jne .getopt

; argv[1]: "+" or "-" (but "-" alone or "-c" alone are the new form),
; digits, one of b c l, maybe f, and nothing else. ah = the mode bits,
; xdx = the digits, xdi = past them, xcx = the letters, ebx = the count
; without digits. As GNU's, by $_POSIX2_VERSION (old_p2): in POSIX 2001
; to 2008 "+N" is a FILE, and before POSIX 2001 "-" and "-c" alone are
; the old form too.
.old:
	mov xdx, [xsi]
	mov ah, M_START
	cmp byte [xdx], '+'
	jne .old_minus
	call old_p2
	cmp ecx, P2_STRICT
	jae .old_digits
	jmp .getopt
.old_minus:
	cmp byte [xdx], '-'
	jne .getopt
	xor ecx, ecx
	cmp byte [xdx+1], 'c'
	sete cl
	cmp byte [xdx+xcx+1], 0
	jne .old_dash
	call old_p2
	test ecx, ecx
	jns .getopt
.old_dash:
	mov ah, 0
.old_digits:
	inc xdx
	mov xdi, xdx
.old_digit:
	mov al, [xdi]
	sub al, '0'
	cmp al, 9
	ja .old_letters
	inc xdi
	jmp .old_digit
.old_letters:
	push 10
	pop xbx
	mov xcx, xdi
	mov al, [xcx]
	cmp al, 'b'
	jne .old_not_b
	shl ebx, 9
	jmp .old_bytes
.old_not_b:
	cmp al, 'c'
	jne .old_not_c
.old_bytes:
	or ah, M_BYTES
	jmp .old_unit
.old_not_c:
	cmp al, 'l'
	jne .old_f
.old_unit:
	inc xcx
.old_f:
	cmp byte [xcx], 'f'
	jne .old_end
	or ah, M_FOREVER
	inc xcx
.old_end:
	cmp byte [xcx], 0
	jne .getopt
	mov [mode], ah
	add xsi, W                      ; getopt starts after it
	mov [cnt], ebx
	cmp xdi, xdx
	je .getopt

; The digits as a string of their own for count_try (the byte after them
; is put back): an overflow there is GNU's ERANGE; then a 'b' after them
; multiplies by 512, whose overflow GNU reports without a reason. Nothing
; else is an error ("-5c" is 5: the c is no suffix).
	mov bl, [xdi]
	mov byte [xdi], 0
	push xsi
	mov xsi, xdx
	call count_try
	pop xsi
	mov [xdi], bl
	mov ebp, fmt_old
	jc .old_bad
	cmp bl, 'b'
	jne .getopt
	mov ecx, 512
	call count_mul
	mov ebp, fmt_old_plain
	jnc .getopt
.old_bad:
	mov xdx, [xsi-W]
	mov esi, ebp
	jmp die

; The options (getopt: xsi, xdi, xbx are its state); a word "--NAME"
; goes from getopt to long_option (GETOPT_LONG_HOOK; cold: long_opt's
; names, prefixes and messages), which comes back with a letter at
; .dispatch or, for what it did itself, at .opt.
.getopt:
	mov xdi, xsp
	xor ebx, ebx
.opt:
	call getopt
	jc .options_done
.dispatch:                              ; al = the letter, xdx = its argument
	cmp al, 'n'
	je .lines
	cmp al, 'c'
	jne .not_count
	or byte [mode], M_BYTES
.count:                                 ; xdx = [+|-]N
	cmp byte [xdx], '+'
	jne .not_plus
	or byte [mode], M_START
.not_plus:
	cmp byte [xdx], '-'
	jne .parse
	inc xdx
.parse:
	call ht_count
	jmp .opt
.lines:
	and byte [mode], ~M_BYTES
	jmp .count
.not_count:
	cmp al, 'f'
	jne .not_f
	and byte [mode], ~M_NAME
.forever:
	or byte [mode], M_FOREVER
	jmp .opt
.not_f:
	cmp al, 'F'
	jne .not_F
	or byte [mode], M_NAME|M_RETRY
	jmp .forever
.not_F:
	cmp al, 's'
	jne .not_s
	call seconds
	jmp .opt
.not_s:
	call ht_flag                    ; q, v, z
	jmp .opt

; GNU's warnings for --retry and --pid without following (status kept).
.options_done:
	mov al, [mode]
	test al, M_RETRY
	jz .no_retry
	mov esi, fmt_useless
	mov ecx, msg_retry
	mov edx, ecx
	test al, M_FOREVER
	jz .warn_retry
	test al, M_NAME
	jnz .no_retry
	mov esi, fmt_warning
	mov ecx, msg_retry_initial
.warn_retry:
	call warn
	test byte [mode], M_FOREVER
	jnz .no_retry
	and byte [mode], ~M_RETRY
.no_retry:
	cmp dword [pid], 0
	je .no_pid
	test byte [mode], M_FOREVER
	jnz .no_pid
	mov esi, fmt_useless
	mov ecx, msg_pid_word
	mov edx, msg_pid_option
	call warn
	and dword [pid], 0
.no_pid:

; +N starts at the Nth unit: N - 1 are skipped (+0 is +1).
	test byte [mode], M_START
	jz .operands
	dec64_nz eax, cnt, .operands		; (+0 is +1)

; The operands are at xsp up to xdi; none means "-". Following by name
; needs names; nothing to print and no following: done at once.
.operands:
	cmp xdi, xsp
	jne .some
	push dash
	mov xdi, xsp
	add xdi, W
.some:
	mov xsi, xsp
.hyphen:
	mov xdx, [xsi]
	cmp word [xdx], '-'
	jne .next_hyphen
	test byte [mode], M_NAME
	jz .next_hyphen
	mov esi, fmt_by_name
	jmp die
.next_hyphen:
	add xsi, W
	cmp xsi, xdi
	jne .hyphen
	mov eax, [cnt]
	or eax, [cnt+4]
	jnz .work
	test byte [mode], M_FOREVER|M_START
	jz .exit
.work:
	mov xax, xdi
	sub xax, xsp
	cmp xax, W
	jbe .records
	cmp byte [hdr], 0
	jne .records
	mov byte [hdr], HDR_ALWAYS

; The records: REC bytes per operand, below the operands (so they end
; where the operands start).
.records:
	mov xcx, xdi
	sub xcx, xsp
	shl ecx, 6 - WSHIFT
	mov xsi, xsp
	mov [rec_end], xsp
	sub xsp, xcx
	mov xdi, xsp                    ; zeroed (the stack had been used)
	xor eax, eax
	rep stosb
	mov xbp, xsp
.record:
	lodsW
	mov [xbp+R_NAME], xax
	or dword [xbp+R_FD], -1
	add xbp, REC
	cmp xbp, [rec_end]
	jb .record
	mov [rec_start], xsp
	mov xbp, xsp

; Each operand in turn (on a terminal, what is buffered goes out before
; its open, which may wait: a FIFO); then the following, if asked.
.file:
	call out_tty
	call tail_file
	add xbp, REC
	cmp xbp, [rec_end]
	jb .file
	test byte [mode], M_FOREVER
	jnz follow
	jmp ht_end
.exit:
	exit_status

; warn - a warning (xsi = the format, xcx = TEXT, xdx = ARG): no effect
; on the exit status.
warn:
	push xdi
	xor eax, eax
	call say
	pop xdi
	ret

; die - GNU's message xsi (xcx = TEXT, xdx = ARG, no reason), exit 1.
die:
	xor eax, eax
	call say
	exit 1

; seconds - xdx = the argument of -s: [sleep_ts] = its seconds and
; nanoseconds (decimal digits, maybe a '.' and more digits: 9 are kept).
; ecx = the seconds, edi = the fraction, bl = 1 once a digit is seen,
; bh = the digits of the fraction.
seconds:
	push xsi
	push xdi
	push xbx
	push xdx
	mov xsi, xdx
	xor ecx, ecx
	xor edi, edi
	xor ebx, ebx
	xor eax, eax
.int:
	lodsb
	sub al, '0'
	cmp al, 9
	ja .point
	mov bl, 1
	imul ecx, ecx, 10
	jo .bad
	add ecx, eax
	jo .bad
	jmp .int
.point:
	cmp al, '.' - '0'
	jne .end
.fraction:
	lodsb
	sub al, '0'
	cmp al, 9
	ja .end
	mov bl, 1
	cmp bh, 9
	jae .fraction
	inc bh
	imul edi, edi, 10
	add edi, eax
	jmp .fraction
.end:
	cmp al, -'0'                    ; the NUL
	jne .bad
	test bl, bl
	jz .bad
.scale:
	cmp bh, 9
	jae .store
	inc bh
	imul edi, edi, 10
	jmp .scale
.store:
	mov [sleep_ts], xcx
	mov [sleep_ts+W], xdi
	pop xdx
	pop xbx
	pop xdi
	pop xsi
	ret
.bad:
	pop xdx
	mov esi, fmt_seconds
	jmp die

; tail_file - open the operand of the record xbp, print its header and its
; last part; keep it open when following. STATUS = 1 on failures.
tail_file:
	mov xsi, [xbp+R_NAME]
	cmp word [xsi], '-'
	jne .open
	mov byte [stdin_used], 1
	mov byte [xbp+R_STDIN], 1
	mov WPTR [xbp+R_NAME], msg_stdin
	xor eax, eax
	jmp .opened
.open:
	call open_name
	jns .opened
	mov [xbp+R_ERR], eax
	call ignore_unless_retry
	mov esi, fmt_open
	jmp report
.opened:
	mov [xbp+R_FD], eax
	mov [fd], xax
	call header_if
	call tail_fd
	setc [bad]
	test byte [mode], M_FOREVER
	jz .close

; Following: as GNU, the file's type is checked even after a failure.
	call stat_fd
	mov esi, fmt_read
	js .stat_failed
	mov ax, [st+ST64_MODE]
	and ah, S_IFMT >> 8
	cmp ah, S_IFREG >> 8
	je .typed
	cmp ah, S_IFCHR >> 8
	je .typed
	cmp ah, S_IFIFO >> 8
	je .typed
	cmp ah, S_IFSOCK >> 8
	je .typed
	mov ecx, msg_give_up
	test byte [mode], M_RETRY
	jz .give_up
	mov ecx, dash+1                 ; ""
.give_up:
	mov esi, fmt_type
	mov dword [xbp+R_ERR], 1        ; (-F: not said again)
	mov xdx, [xbp+R_NAME]
	xor eax, eax
	call out_sync
	call say_error
	jmp .bad
.stat_failed:
	call report
.bad:
	call ignore_unless_retry
	jmp close_fd
.typed:
%if (S_IFREG | S_IFIFO) >> 8 & 0x60 || (S_IFCHR >> 8 & 0x60) == 0 || (S_IFSOCK >> 8 & 0x60) == 0
 %error "tail: the types' bits below"
%endif
	test ah, 0x60                   ; a character device or a socket
	setnz [xbp+R_ODD]               ; (GNU's any_non_regular_fifo)
	cmp byte [bad], 0
	jne .bad
	cmp ah, S_IFIFO >> 8            ; a pipe on stdin is not followed
	jne remember                    ; (a socket is, as GNU's S_ISFIFO)
	cmp byte [xbp+R_STDIN], 0
	je remember
	mov byte [xbp+R_IGNORE], 2
	or dword [xbp+R_FD], -1
	ret
.close:
	cmp byte [xbp+R_STDIN], 0
	jne .ret
	jmp close_fd
.ret:
	ret

; open_name - open the file named xsi for reading, as GNU's open_safer
; (fd_safer: `tail -f - f <&-` says "-: Bad file descriptor" at its end,
; `tail -f f >&-` "standard output: Bad file descriptor"). out: eax = the
; fd, or -errno, SF set for -errno.
open_name:
	sys open, xsi, O_RDONLY|O_LARGEFILE
	jmp fd_safer

; ignore_unless_retry - a file that failed is no longer followed, unless
; --retry.
ignore_unless_retry:
	test byte [mode], M_RETRY
	jnz .ret
	mov byte [xbp+R_IGNORE], 1
.ret:
	ret

; close_fd - close the record's fd (but stdin), mark it closed.
close_fd:
	cmp byte [xbp+R_STDIN], 0
	jne .closed
	sys close, [xbp+R_FD]
.closed:
	or dword [xbp+R_FD], -1
	ret

; remember - the record's position (the fd's offset, 0 when it has none:
; seek_zero_cur leaves [pos] 0 when lseek fails), identity, mode and
; mtime (from st) for the following. remember.meta: the mode and mtime
; alone, xdi = the record's R_MODE (poll_changed). clobbers xax xsi xdi
remember:
	mov esi, pos
	call seek_zero_cur
	call remember_pos.store         ; xdi = R_INO after it
	mov esi, st+ST64_INO            ; (R_INO follows R_POS)
	movsd
	movsd
	mov esi, st+ST64_DEV
	movsd                           ; (R_MODE follows R_DEV)
.meta:
	mov esi, st+ST64_MODE
	movsd
	mov esi, st+ST64_MTIME
	movsd
%if W == 8
	lodsd                           ; the seconds' high half (0 before
	xor eax, [xsi]                  ; 2106) folded into the nanoseconds
	stosd
%else
	movsd
%endif
	ret

; header_if - "==> NAME <==" when headers are printed, with a blank line
; before all but the first; [last] = the record printed last.
header_if:
	cmp byte [hdr], HDR_ALWAYS
	jne .ret
	cmp [last], xbp
	je .ret
	mov [last], xbp
	mov xdi, [xbp+R_NAME]
	jmp ht_header
.ret:
	ret

; report - GNU's message for the record's file: xsi = the format, xax =
; -errno. CF=1.
report:
	mov xdx, [xbp+R_NAME]
	call say_always
	stc
	ret

; stat_fd - fstat64 of [fd] into st; SF=1 and xax = -errno on failure.
; (st is a struct stat64, layouts.inc: the type, size, block size, inode
; and device that tail reads every kernel gives, where statx would need
; its fallback before Linux 4.11.)
stat_fd:
	mov A2d, st
	sys fstat64, [fd]
	test eax, eax
	ret

; tail_fd - the last part (or from +N on) of the open file [fd].
; out: CF=1 when it failed (reported).
tail_fd:
	call stat_fd
	mov esi, fmt_fstat
	js report
	mov al, [mode]
	test al, M_BYTES
	jnz tail_bytes

; Lines. +N: start_lines. A regular file with its offset before its end:
; file_lines. Anything else: the window.
tail_lines:
	test al, M_START
	jnz start_lines
	call is_regular
	jne pipe_lines
	mov esi, start
	call seek_zero_cur
	js pipe_lines
	mov esi, end
	mov cl, SEEK_END
	call seek_zero
	sub64 start, end
	jl file_lines
	mov esi, start
	call seek_set
	jmp pipe_lines

; Bytes. +N: lseek by N when it works, else read N. From the end: a
; regular file's size, or where lseek(-N, SEEK_END) says the end is; small
; ones (and the rest) through the window.
tail_bytes:
	test al, M_START
	jnz start_bytes
	cmp byte [cnt+7], 0
	js pipe_bytes
	or dword [cur+4], -1            ; cur < 0: not known
	call is_regular
	jne .seek_end
	copy64 eax, end, st+ST64_SIZE
	jmp .known
.seek_end:
	xor eax, eax                    ; cur = -cnt (edx: seekf's lseek64
	cdq                             ; loads it anyway)
	sub eax, [cnt]
	sbb edx, [cnt+4]
	mov [cur], eax
	mov [cur+4], edx
	mov esi, cur
	mov cl, SEEK_END
	call seekf
	js pipe_bytes
	q_op end, cur, add, adc, cnt
.known:
	mov eax, [st+ST64_BLKSIZE]
	cmp dword [end+4], 0
	jl pipe_bytes
	jg .big
	cmp [end], eax
	jbe pipe_bytes
.big:
	cmp dword [cur+4], 0
	jge .have_cur
	mov esi, cur
	call seek_zero_cur
.have_cur:
	sub64 end, cur		; edx:eax = end - cur
	jl .dump                        ; cur > end
	sub eax, [cnt]
	sbb edx, [cnt+4]
	jb .dump                        ; N > end - cur
	or eax, edx
	jz .dump                        ; N = end - cur
	q_op cur, end, sub, sbb, cnt
	mov esi, cur
	call seek_set
.dump:
	call ht_num
	jmp dump

; is_regular - ZF=1 when st is a regular file. clobbers: eax
is_regular:
	mov ax, [st+ST64_MODE]
	and ah, S_IFMT >> 8
	cmp ah, S_IFREG >> 8
	ret

; seek_zero_cur, seek_zero - [xsi] = 0, then seek64 with SEEK_CUR (or cl)
seek_zero_cur:
	mov cl, SEEK_CUR
seek_zero:
	xor eax, eax
	mov [xsi], eax
	mov [xsi+4], eax
	jmp short seekf

; seek_set, seekf - seek64 on [fd] to [xsi] (SEEK_SET, or whence cl)
seek_set:
	mov cl, SEEK_SET
seekf:
	mov A1, [fd]
	jmp seek64

; dump_all - copy the rest of [fd] to stdout; dump: at most [num] bytes.
; A read error is fatal (reported, exit 1), as GNU's dump_remainder's die.
; dump_all_soft (-f): out: CF=1 when a read failed (reported).
dump_all_soft:
	call num_all
	call ht_dump
	jmp failed_if
dump_all:
	call num_all
dump:
	call ht_dump
	jns dump_ret
	mov esi, fmt_read
	call report
	exit 1
failed_if:                              ; SF=1: a read failed (CF=0)
	js read_failed
dump_ret:
	ret
num_all:
	or eax, -1
	mov [num], eax
	mov [num+4], eax
	ret
read_failed:
	mov esi, fmt_read
	jmp report

; start_lines - skip [cnt] lines, then the rest. The reads go where
; out_bytes would keep them; what follows the last skipped line is then
; written from there.
start_lines:
	call ht_num
	mov eax, [num]
	or eax, [num+4]
	jz dump_all
	call ht_find_lines
	jle failed_if
	mov A3, xcx
	movx A2, xdi
	call out_bytes
	jmp dump_all

; start_bytes - skip [cnt] bytes: lseek when the file can (N fits an
; off_t), else read them.
start_bytes:
	cmp byte [cnt+7], 0
	js .read_them
	mov edi, cur
	call ht_cnt_to
	mov esi, cur
	mov cl, SEEK_CUR
	call seekf
	jns dump_all
	push xax
	call is_regular                 ; a regular file: GNU's xlseek, fatal
	pop xax
	je seek_fatal
.read_them:
	call ht_num
.read:
	call out_tty                    ; (a header, on a terminal)
	mov A2d, buf
	mov A3d, BUFSZ
	sys read, [fd]
	test eax, eax
	js read_failed
	jz dump_ret
	cmp dword [num+4], 0
	jne .skip
	cmp [num], eax
	jb .part
.skip:
	sub [num], eax
	sbb dword [num+4], 0
	jmp .read
.part:
	mov A3, xax
	mov A2d, [num]
	sub A3d, A2d
	add A2d, buf
	call out_bytes
	jmp dump_all

; file_lines - the last [cnt] lines of a regular file, read backwards from
; [end] down to [start] in blocks of BUFSZ (the first one, at the end, is
; what is left over: the reads fall on block boundaries). [pos] = the
; block's offset, [chunk] = its length, [num] = the lines still to see.
; The blocks are read where out_bytes keeps its bytes ([blk]), so a small
; answer is never copied.
file_lines:
	call ht_num
	mov eax, [num]
	or eax, [num+4]
	jz .done
	mov eax, [end]
	sub eax, [start]
	and eax, BUFSZ - 1
	jnz .first
	mov eax, BUFSZ
.first:
	mov [chunk], eax
	mov edx, [end]
	sub edx, eax
	mov [pos], edx
	mov edx, [end+4]
	sbb edx, 0
	mov [pos+4], edx
	call read_block
	jc .ret
	mov xcx, [chunk]
	test ecx, ecx
	jz .done
	add xcx, [blk]
	mov al, [xcx-1]
	cmp al, [eol]
	je .scan
	sub dword [num], 1              ; the last line has no line end
	sbb dword [num+4], 0
.scan:
	mov xcx, [chunk]
	mov xdi, [blk]
	lea xdi, [xdi+xcx-1]
	mov al, [eol]
.find:
	call scan_back
	jne .block
	dec64_nz edx, num, .found		; the Nth line end found
	jmp .find
.block:                                 ; not enough lines in this block
	jne64 eax, pos, start, .back
	mov esi, start                  ; all of it from start
	call seek_set
	q_op num, end, sub, sbb, start
	jmp dump
.back:
	sub dword [pos], BUFSZ
	sbb dword [pos+4], 0
	mov dword [chunk], BUFSZ
	call read_block
	jc .ret
	cmp dword [chunk], 0
	jne .scan
.done:
	clc
.ret:
	ret
.found:                                 ; xdi + 1 = the line end
	add xdi, 2
	mov A3, [blk]
	add A3, [chunk]
	sub A3, xdi
	movx A2, xdi
	call out_bytes
	mov eax, [end]                  ; then from pos + chunk up to end
	sub eax, [pos]
	mov edx, [end+4]
	sbb edx, [pos+4]
	sub eax, [chunk]
	sbb edx, 0
	mov [num], eax
	mov [num+4], edx
	jmp dump

; read_block - seek to [pos], read [chunk] bytes into buf; [chunk] = what
; was read. CF=1 when it failed (reported).
read_block:
	mov esi, pos
	call seek_set
	mov A2d, obuf
	add A2, [obuf_len]
	mov [blk], A2
	mov A3d, [chunk]
	sys read, [fd]
	test eax, eax
	js read_failed
	mov [chunk], eax
	clc
	ret

; pipe_lines, pipe_bytes - the last [cnt] lines or bytes of what is left
; to read: ht_window, which writes what it holds at the end.
pipe_lines:
pipe_bytes:
	call ht_window
	jmp failed_if

; follow - after the first part of every file: check each file, write what
; was added, flush; then wait for inotify (or the interval), until --pid's
; process is gone (one last check after that) or no file is left. As GNU,
; a pipe on stdin is not followed, and with nothing else to follow tail
; just ends. inotify only wakes us up: each check looks at the files
; themselves (fstat, or stat of the name with -F), so a missed event costs
; at most the interval.
follow:
	mov xbp, [rec_end]              ; as GNU: the last operand counts as
	sub xbp, REC                    ; the one printed last (a header for
	mov [last], xbp                 ; the others' first new bytes)
	mov xbp, [rec_start]
.viable:
	cmp byte [xbp+R_IGNORE], 2
	jne .start
	add xbp, REC
	cmp xbp, [rec_end]
	jb .viable
	jmp ht_end
; Which of its loops GNU would use decides its exit status after --pid,
; and whether inotify is used at all (its polling loop reads each file at
; each interval): inotify when no stdin is followed, no name is a symbolic
; link, some file is open, every open one is regular or a FIFO, (without
; -F) nothing failed, and ---disable-inotify is not given (GNU's
; disable_inotify; its any_remote_file is not asked: inotify on NFS).
.start:
	call watch_out
	test byte [mode], M_POLL
	jnz .polling
	mov xbp, [rec_start]
.which:
	cmp byte [xbp+R_STDIN], 0
	je .named
	cmp byte [xbp+R_IGNORE], 0      ; (tailable_stdin: not a pipe)
	je .polling
	jmp .next_which
.named:                                 ; (any_symlinks: each name's lstat)
	mov A2d, st
	sys lstat64, [xbp+R_NAME]
	test eax, eax
	jnz .no_link
	mov al, [st+ST64_MODE+1]
	and al, S_IFMT >> 8
	cmp al, S_IFLNK >> 8
	je .polling
.no_link:
	cmp dword [xbp+R_FD], 0
	jl .next_which
	cmp byte [xbp+R_ODD], 0
	jne .polling
	mov byte [gnu_inotify], 1
.next_which:
	add xbp, REC
	cmp xbp, [rec_end]
	jb .which
	test byte [mode], M_NAME
	jnz .decided
	cmp STATUSb, 0
	je .decided
.polling:
	mov byte [gnu_inotify], 0
.decided:
	mov byte [following], 1
	mov eax, [sleep_ts+W]           ; the interval in ms for poll
	xor edx, edx
	mov ecx, 1000000
	div ecx
	imul ecx, [sleep_ts], 1000
	add eax, ecx
	mov [sleep_ms], eax
	or dword [ifd], -1
	cmp byte [gnu_inotify], 0       ; (GNU's polling loop: no inotify)
	je .check
	sys inotify_init1, 0
	mov [ifd], eax                  ; (-errno: the first watch says it)
	mov byte [ifd+4], POLLIN        ; struct pollfd: fd, events
	mov xbp, [rec_start]
.watch:                                 ; neither given up nor stdin (GNU
	cmp word [xbp+R_IGNORE], 0      ; watches no ignored file)
	jne .next_watch
	call watch
	test eax, eax
	js cold_unwatched
	mov [xbp+R_DWD], eax
	mov al, [mode]                  ; --follow=name without --retry:
	and al, M_NAME|M_RETRY          ; the file too, as GNU's
	cmp al, M_NAME
	jne .next_watch
	call watch_self
.next_watch:
	add xbp, REC
	cmp xbp, [rec_end]
	jb .watch

; A record is live (GNU's any_live_files) while open, or, with --retry,
; while not given up; by name without --retry under inotify, only while
; its file is watched (GNU's table of watches: a log renamed away keeps
; it, and is followed again when a new file takes its name; a file
; deleted, or whose watch was refused, does not); none: "no files
; remaining". A watched directory gone: polling from then on.
.check:
	mov byte [live], 0
	mov xbp, [rec_start]
.each:
	call check
	cmp byte [self_watch], 0        ; (--follow=name under inotify: while
	je .fd                          ; its file is watched, renamed away
	cmp dword [xbp+R_WD], 0         ; or not)
	jne .live
	jmp .next_each
.fd:
	cmp dword [xbp+R_FD], 0
	jge .live
	test byte [mode], M_RETRY
	jz .next_each
	cmp byte [xbp+R_IGNORE], 0
	jne .next_each
.live:
	mov byte [live], 1
.next_each:
	add xbp, REC
	cmp xbp, [rec_end]
	jb .each
	call out_flush
	cmp byte [live], 0
	je no_files
	cmp byte [dir_gone], 0
	jne dir_removed
.alive:
	mov eax, [pid]
	test eax, eax
	jz .wait
	cmp byte [dead], 0
	jne .gone
	sys kill, eax, 0
	cmp eax, -ESRCH
	jne .wait
	mov byte [dead], 1
	jmp .check
.gone:                                  ; GNU's inotify loop exits with 0,
	cmp byte [gnu_inotify], 0       ; its polling one with the status
	je .status
	mov STATUSb, 0
.status:
	jmp follow_end
.wait:
	cmp dword [ifd], 0
	jl .sleep
	sys poll, ifd, 2, [sleep_ms]    ; inotify, and stdout when watched
	call out_alive
	test eax, eax
	jle .check
	mov A3d, BUFSZ
	sys read, [ifd], buf            ; the events: a wake-up, and with -F
	test byte [mode], M_NAME        ; (directories watched only) an
	jz .check                       ; IN_DELETE_SELF: a directory gone
	mov esi, buf                    ; xsi = an event, xdx = their end
	lea xdx, [xsi+xax]
.event:
	cmp xsi, xdx
	jae .check
	mov ecx, [xsi+12]               ; len (of the name after it)
	jecxz .no_name
.next_event:
	lea xsi, [xsi+xcx+16]
	jmp .event
.no_name:
	test byte [xsi+4+1], IN_DELETE_SELF >> 8 ; mask
	jz .next_event
	jmp self_deleted                ; a file's or a directory's
.sleep:
	sys poll, ofd, 1, 0
	call out_alive
	sys nanosleep, sleep_ts, 0
	jmp .check

; follow_end - the end of following (ht_end's), inotify's fd closed first
; as GNU's before it polls: with stdin closed that fd may be 0, and ht_end's
; close of a stdin read must fail ("-: Bad file descriptor").
follow_end:
	sys close, [ifd]
	jmp ht_end

; watch_out - as GNU, a FIFO on stdout (a pipe) is watched while
; following, so that tail ends (SIGPIPE) as soon as its reader is gone,
; not at its next write: `tail -f log | grep -m1 ready` ends with grep.
; Its fstat failing ends tail ("standard output: Bad file descriptor",
; then "write error" if what it holds cannot be written).
watch_out:
	or dword [ofd], -1              ; (a negative fd: poll skips it)
	mov A2d, st
	sys fstat64, 1
	test eax, eax
	js .fail
	mov ax, [st+ST64_MODE]
	and ah, S_IFMT >> 8
	cmp ah, S_IFIFO >> 8
	jne .ret
	and dword [ofd], 1              ; pollfd: stdout, no events asked
.ret:
	ret
.fail:                                  ; then what is held, as GNU's exit
	mov esi, fmt_text
	mov edx, msg_stdout
	call say_error
	call out_flush
.exit:
	exit 1

; out_alive - after a poll: stdout's POLLERR or POLLHUP (no reader) ends
; tail as a write there would, by SIGPIPE (exit 1 if it is ignored).
; preserves eax
out_alive:
	test byte [ofd+6], POLLERR|POLLHUP
	jz watch_out.ret
	sys getpid
	sys kill, eax, SIGPIPE
	jmp watch_out.exit

; watch - inotify watches for the record xbp: its directory (-F: names
; come and go there) or the file itself (-f: the watch follows the file
; when it is renamed). The directory is the name up to its last '/' (cut
; there for the call), "." without one, "/" for "/x".
watch:
	mov xsi, [xbp+R_NAME]
	mov A3d, WATCH_FILE
	test byte [mode], M_NAME
	jz .add
	mov A3d, WATCH_DIR
	xor edi, edi                    ; xdi = the last '/'
	push xsi
.find:
	lodsb
	cmp al, '/'
	jne .not_slash
	lea xdi, [xsi-1]
.not_slash:
	test al, al
	jnz .find
	pop xsi
	test xdi, xdi
	jnz .cut
	mov esi, dot
	jmp .add
.cut:
	cmp xdi, xsi
	jne .cut_here
	inc xdi                         ; "/x": the root
.cut_here:
	mov cl, [xdi]
	mov byte [xdi], 0
	push xcx
	push xdi
	call .add
	pop xdi
	pop xcx
	mov [xdi], cl
	ret
.add:
	sys inotify_add_watch, [ifd], xsi
	ret

; watch_self - (follow, --follow=name without --retry, inotify) a watch of
; the record xbp's file as well (GNU's, by name: its IN_DELETE_SELF says
; when it is gone, self_deleted), R_WD; [self_watch] = 1: from then on a
; record is live while it has that watch, as in GNU's table. CF=1: none
; (self_unwatched: GNU's "cannot watch 'F'", or its "inotify resources
; exhausted" and polling).
; clobbers xax, xcx, xdx, xsi, xdi (i386: ebx)
watch_self:
	mov byte [self_watch], 1
	and dword [xbp+R_WD], 0
	sys inotify_add_watch, [ifd], [xbp+R_NAME], IN_DELETE_SELF
	test eax, eax                   ; (CF=0)
	js self_unwatched
	mov [xbp+R_WD], eax
	ret

; check - the record xbp while following: -F looks at the name first;
; then what was added to the open file is written, after GNU's message
; when the file got shorter ("file truncated": from its start again).
check:
	cmp byte [xbp+R_IGNORE], 0
	jne .ret
	test byte [mode], M_NAME
	jnz .name
	cmp dword [xbp+R_FD], 0
	jge .open
	test byte [mode], M_RETRY       ; -f --retry: opened when it appears
	jnz .name
	ret
.open:
	mov eax, [xbp+R_FD]
	mov [fd], xax
	call stat_fd
	js .gone
	call is_regular
	jne .dump
	sub64 st+ST64_SIZE, xbp+R_POS
	jnb .dump
	mov esi, fmt_truncated
	mov xdx, [xbp+R_NAME]
	xor eax, eax
	call out_sync
	call say
	mov esi, pos
	mov cl, SEEK_SET
	call seek_zero
.dump:
	cmp byte [gnu_inotify], 0       ; GNU's polling loop: a header for
	jne .read                       ; a file whose stat changed
	call poll_changed
.read:
	call dump_all_soft
	jc .gone
	jmp remember_pos
.gone:                                  ; (reported) not followed any more
	call ignore_unless_retry
	jmp close_fd
.ret:
	ret

; -F: the name's file (stat64, following links) is the one open, or it is
; new (reopened, from its start), or it is gone (closed): the rare cases,
; which print a message, are cold (name_*).
.name:
	mov A2d, st
	sys stat64, [xbp+R_NAME]
	test eax, eax
	js name_missing
	mov ax, [st+ST64_MODE]           ; not a kind of file to follow
	and ah, S_IFMT >> 8
	cmp ah, S_IFDIR >> 8
	je name_untailable
	cmp dword [xbp+R_FD], 0
	jl name_appeared
	mov eax, [st+ST64_INO]
	mov edx, [st+ST64_INO+4]
	xor eax, [xbp+R_INO]
	xor edx, [xbp+R_INO+4]
	or eax, edx
	mov edx, [st+ST64_DEV]
	xor edx, [xbp+R_DEV]
	or eax, edx
	jz .open
	jmp name_replaced

; say_file - say (no change of the exit status) xsi with the record's
; name quoted as GNU's quoteaf(), xax = -errno or 0.
say_file:
	mov xdx, [xbp+R_NAME]
	push xax
	mov al, STATUSb
	mov [status_save], al
	pop xax
	call say_always
	mov al, [status_save]
	mov STATUSb, al
	ret

; remember_pos - the record's position: the fd's offset.
remember_pos:
	mov esi, pos
	call seek_zero_cur
	js .ret
.store:                                 ; [xbp+R_POS] = [pos]
	mov esi, pos
	lea xdi, [xbp+R_POS]
	movsd
	movsd
.ret:
	ret

OPTSPEC:	db 'c:n:fFqs:vz0123456789', 0
dot:		db '.', 0

; The long options: GNU's names (the table), their code and long_opt.
LONGOPTS:
	db 'c'|0x80, 'bytes', 0
	db 0x81, 'follow', 0            ; optional_argument: al = 1
	db 'n'|0x80, 'lines', 0
	db 'M'|0x80, 'max-unchanged-stats', 0
	db 'I', '-disable-inotify', 0
	db 'P'|0x80, 'pid', 0
	db 'I', '-presume-input-pipe', 0
	db 'q', 'quiet', 0
	db 'R', 'retry', 0
	db 'q', 'silent', 0
	db 's'|0x80, 'sleep-interval', 0
	db 'v', 'verbose', 0
	db 'z', 'zero-terminated', 0
	db '?', 'help', 0
	db '?', 'version', 0
	db 0
how_name:	db 'name', 0
how_descriptor:	db 'descriptor', 0

; long_option - "--NAME[=VALUE]" at xdx, xsi = the next argument (jumped
; to from _start's option loop): GNU's long options through long_opt
; (prefixes, ambiguity lists, its messages). --bytes, --lines,
; --sleep-interval, --quiet, --silent, --verbose and --zero-terminated
; go on as their letters (_start.dispatch: al, xdx = the argument);
; --follow[=HOW], --retry, --pid=PID, --max-unchanged-stats=N (checked
; as GNU's, then unused: following by name is driven by inotify or a
; look at the name at every check, never by counting unchanged stats)
; and GNU's undocumented ---disable-inotify and ---presume-input-pipe
; (ignored: they change how GNU watches and reads, not what it prints)
; are done here, then back at _start.opt.
long_option:
	pop xax                         ; (getopt's return: it goes back itself)
	mov xbx, xsi
	lea xsi, [xdx+2]
	call long_opt                   ; al = the code, xdx = VALUE (or 0)
	mov xsi, xbx
	xor ebx, ebx                    ; (getopt: no cluster)
	cmp al, 'a'
	jae _start.dispatch             ; a letter
	cmp al, 'R'
	jne .not_retry
	or byte [mode], M_RETRY
.done:
	jmp _start.opt
.not_retry:
	cmp al, 'I'
	jne .not_poll
	or byte [mode], M_POLL
	jmp .done
.not_poll:
	cmp al, 1
	je .follow
	mov ecx, msg_stats              ; 'M', 'P': a number
	cmp al, 'M'
	je .number
	mov ecx, msg_pid
.number:
	call num_arg                    ; eax = the value (-1: 2^32 or more)
	cmp ecx, msg_stats
	je .done                        ; (checked, not used)
	test eax, eax
	js .pid_big                     ; past PID_T_MAX
	mov [pid], eax
	jmp .done
.pid_big:
	mov al, 2
	mov xsi, xcx
	jmp num_arg.fail

; --follow: descriptor, or HOW as GNU's argmatch (a prefix of one).
.follow:
	or byte [mode], M_FOREVER
	and byte [mode], ~M_NAME        ; no HOW: descriptor
	test xdx, xdx
	jz .done
	mov ecx, msg_ambiguous          ; "": a prefix of both
	cmp byte [xdx], 0
	je .bad_how
	mov ecx, how_name
	call is_prefix
	je .by_name
	mov ecx, how_descriptor
	call is_prefix
	je .done
	mov ecx, msg_invalid
.bad_how:
	mov esi, fmt_how
	jmp die
.by_name:
	or byte [mode], M_NAME
	jmp .done

; is_prefix - ZF=1 when the string at xdx is a prefix of the one at xcx.
; clobbers al, xcx
is_prefix:
	push xdx
.byte:
	mov al, [xdx]
	test al, al
	jz .ret                         ; ZF=1
	cmp al, [xcx]
	jne .ret
	inc xdx
	inc xcx
	jmp .byte
.ret:
	pop xdx
	ret

; num_arg - the number at xdx as GNU's xdectoumax (xdx, 0, UINTMAX_MAX,
; "", TEXT) reads it: white space and '+' may lead, then digits only (no
; suffix), up to 2^64 - 1; xcx = TEXT. out: eax = the value (-1 when it
; is 2^32 or more). A bad one: "ARGV0: TEXT'N'" (with ": Value too large
; for defined data type" when too large), exit 1.
; preserves xcx, xdx, xsi, [cnt]
num_arg:
	push xsi
	push xcx
	push xdx
%if W == 8
	push qword [cnt]
%else
	push dword [cnt+4]
	push dword [cnt]
%endif
	mov xax, xdx
.end:
	inc xax
	cmp byte [xax-1], 0
	jne .end
	mov al, [xax-2]                 ; the last byte, a digit ("": the
	sub al, '0'                     ; byte before it: '=' or a NUL)
	cmp al, 10
	mov al, 1                       ; (invalid)
	jae .bad
	mov xsi, xdx
	call count_try                  ; CF=1: al = 1, or 2 (only overflow)
	jc .bad
	mov eax, [cnt]
	cmp dword [cnt+4], 0
	je .fits
	or eax, -1
.fits:
%if W == 8
	pop qword [cnt]
%else
	pop dword [cnt]
	pop dword [cnt+4]
%endif
	pop xdx
	pop xcx
	pop xsi
	ret
.bad:                                   ; (the stack: cnt's 8 bytes first)
	mov xdx, [xsp+8]
	mov xsi, [xsp+8+W]
.fail:                                  ; al = 1 invalid, 2 too large
	cmp al, 2
	mov eax, -EOVERFLOW
	je .say
	xor eax, eax
.say:
	call err_quoted
	exit 1

%include "rt/long_opt.inc"              ; (cold: only for a long option)

; old_p2 - posix2_version (rt/posix2.inc, cold) for the old form's "+N",
; "-" and "-c": ecx = it; asked only when an environment entry starts
; with "_POS" (so `tail -c 3` maps no cold page), else its default.
; in: xsi = argv's slot. keeps xax, xdx, xsi
old_p2:
	push xax
	push xdx
	push xsi
	push P2_STRICT
	pop xcx
	mov xdx, xsi
	p2_asked .done
	mov xdx, xsi
	call posix2_version
	xchg eax, ecx
.done:
	pop xsi
	pop xdx
	pop xax
	ret

; The messages are cold: a run that says none never maps their page (the
; hot part keeps to two code pages).
COLD

%include "rt/posix2.inc"                ; (old_p2's posix2_version)

; seek_fatal - lseek(N, SEEK_CUR) failed on a regular file (xax = -errno):
; "ARGV0: FILE: cannot seek to relative offset N: Reason", exit 1, as
; GNU's xlseek (an N past the file system's largest offset: EINVAL).
seek_fatal:
	call out_sync
	push xax
	sub xsp, 24
	lea xdi, [xsp+23]
	mov byte [xdi], 0
	push 10
	pop xcx
.digit:                                 ; [cnt] (N) by 10, high dword first
	xor edx, edx
	mov eax, [cnt+4]
	div ecx
	mov [cnt+4], eax
	mov eax, [cnt]
	div ecx
	mov [cnt], eax
	add dl, '0'
	dec xdi
	mov [xdi], dl
	or eax, [cnt+4]
	jnz .digit
	mov xcx, xdi
	mov xdx, [xbp+R_NAME]
	mov xax, [xsp+24]
	mov esi, fmt_seek
	call say_error
	exit 1


; poll_changed - (check, in GNU's polling loop, tail_forever) a file
; whose mode or mtime changed since it was last seen here (remember), or
; a regular file whose size is not where its reading ended (R_POS: GNU's
; f.size), gets its header now, when it is not the file printed last, even
; with nothing new to read (a touch, a chmod, a truncation), and it is then
; the file printed last; its mode and mtime are kept. (The inotify loop
; writes a header only before new bytes, as GNU's check_fspec.) In: st =
; its fstat. clobbers xax xcx xdx xsi xdi
poll_changed:
	lea xsi, [xbp+R_MODE]
	lodsd
	xchg eax, ecx
	lodsd
	xchg eax, edx
	lodsd                           ; ecx, edx, eax: the mode and mtime kept
	lea xdi, [xbp+R_MODE]
	push xax
	call remember.meta              ; (the new ones: GNU's f.mode, f.mtime)
	pop xax
	xor ecx, [xbp+R_MODE]
	xor edx, [xbp+R_MTIME]
	xor eax, [xbp+R_MTIME_NS]
	or eax, ecx
	or eax, edx
	jnz .changed
	call is_regular
	jne .ret
	sub64 st+ST64_SIZE, xbp+R_POS
	or eax, edx
	jz .ret
.changed:
	jmp header_if
.ret:
	ret

; name_replaced, name_appeared - (check, following a name) the name's file
; is another one, or is there again: it is opened and followed from its
; start, after GNU's message: "has been replaced;  following new file",
; "has appeared;  following new file", or after an error other than
; ENOENT (an unreadable or untailable file before) "has become
; accessible". An open that fails is name_missing's.
name_replaced:
	call close_fd
	mov ecx, msg_replaced
	mov esi, fmt_new
	jmp short name_reopen
name_appeared:
	mov ecx, msg_appeared
	mov esi, fmt_new
	mov eax, [xbp+R_ERR]
	test eax, eax
	jz name_reopen
	cmp eax, -ENOENT
	je name_reopen
	mov esi, fmt_accessible
name_reopen:
	push xsi
	push xcx
	call rewatch                    ; (its watch refused: the name not
	jc .unwatched                   ; looked at, as GNU's new_watch)
	mov xsi, [xbp+R_NAME]
	call open_name
	pop xcx
	pop xsi
	js name_missing
	mov [xbp+R_FD], eax
	mov [fd], xax
	and dword [xbp+R_ERR], 0
	xor eax, eax
	call say_file
	call stat_fd
	call remember
	jmp check.dump
.unwatched:
	pop xcx
	pop xsi
	ret

; name_missing - (check) the name cannot be looked at or opened (xax =
; -errno): closed, [xbp+R_ERR] = -errno, and GNU's recheck's message.
; With --retry: "has become inaccessible: Reason" when it was open and
; tailable before (R_ERR 0). Without: "NAME: Reason" when the errno is
; not the one of last time; the name is still looked at (it may come back:
; "has appeared").
name_missing:
	mov ecx, [xbp+R_ERR]
	mov [xbp+R_ERR], eax
	test byte [mode], M_RETRY
	jnz .retry
	cmp ecx, eax
	je .close
	mov esi, fmt_file
	mov xdx, [xbp+R_NAME]
	call out_sync
	call say
	jmp short .close
.retry:
	test ecx, ecx
	jnz .close
	mov esi, fmt_inaccessible
	call say_file
.close:
	jmp close_fd

; name_untailable - (check) the name is a directory now: closed; GNU's
; message once ("has been replaced with an untailable file"); -F goes on
; looking at the name, --follow=name and -f --retry give it up ("; giving
; up on this name", silently when it was untailable already).
name_untailable:
	mov ecx, dash+1                 ; ""
	mov al, [mode]
	not al
	test al, M_NAME|M_RETRY
	jz .keep
	mov byte [xbp+R_IGNORE], 1
	mov ecx, msg_give_up
.keep:
	cmp dword [xbp+R_ERR], 1
	je name_missing.close
	mov dword [xbp+R_ERR], 1
	mov esi, fmt_untailable
	xor eax, eax
	call say_file
	jmp close_fd

; no_files - (follow) nothing left to follow: "no files remaining", then
; the end as GNU's: its inotify loop dies (status 1), its polling one ends
; with the status so far, after closing stdin (follow_end).
no_files:
	cmp byte [gnu_inotify], 0
	je .say
	mov STATUSb, 1
.say:
	mov esi, fmt_no_files
	call say_plain
	jmp follow_end

; rewatch - (cold) once watch_self has run, its watch again when the
; record xbp's name may have a new file (name_reopen), the old one's
; watch removed first, as GNU's new_watch.
; clobbers xax, xcx, xdx, xsi, xdi (i386: ebx)
rewatch:
	cmp byte [self_watch], 0        ; (CF=0)
	je .ret
	mov eax, [xbp+R_WD]
	test eax, eax
	jz watch_self
	sys inotify_rm_watch, [ifd], eax
	jmp watch_self
.ret:
	ret

; self_unwatched - watch_self's watch refused (xax = -errno): ENOSPC or
; ENOMEM: GNU's "inotify resources exhausted", then polling; another:
; "cannot watch 'NAME': REASON" (once for an errno: R_ERR), the status
; kept, CF=1.
self_unwatched:
	cmp eax, -ENOSPC
	je cold_unwatched.exhausted
	cmp eax, -ENOMEM
	je cold_unwatched.exhausted
	cmp eax, [xbp+R_ERR]
	je .said
	mov [xbp+R_ERR], eax
	mov ecx, dash+1                 ; ("")
	call cold_unwatched.warn
.said:
	stc
	ret

; self_deleted - (follow) an IN_DELETE_SELF without a name at xsi (xdx =
; the events' end): a watched file gone (its record no longer live by
; it), or a watched directory (dir_removed after the events); then the
; next event.
self_deleted:
	mov eax, [xsi]                  ; wd
	mov xbp, [rec_start]
.each:
	cmp eax, [xbp+R_DWD]
	jne .file
	mov byte [dir_gone], 1
.file:
	cmp eax, [xbp+R_WD]
	jne .next
	and dword [xbp+R_WD], 0
.next:
	add xbp, REC
	cmp xbp, [rec_end]
	jb .each
	xor ecx, ecx                    ; (the event's len)
	jmp follow.next_event

; dir_removed - (follow, -F) a watched directory was removed (its
; IN_DELETE_SELF): GNU's two messages, and polling from then on (GNU's
; inotify loop returns, and its polling loop's exit status is the one after
; --pid); then every name is checked at once.
dir_removed:
	mov byte [dir_gone], 0
	mov esi, fmt_dir_removed
	call say_plain
revert:                                 ; GNU's "reverting to polling", no
	xor eax, eax                    ; reason (revert_reason: xax's)
revert_reason:
	push xax
	call out_sync
	pop xax
	mov esi, fmt_reverting
	mov edx, dash                   ; (say reads an ARG)
	call say
	sys close, [ifd]
	or dword [ifd], -1
	and word [gnu_inotify], 0       ; and [self_watch]
	jmp follow.check

; cold_unwatched - (follow) inotify_init1 failed ([ifd] = its -errno:
; GNU's "inotify cannot be used, reverting to polling: REASON"), or the
; watch of the record xbp did (xax = -errno): GNU's tail_forever_inotify,
; "inotify resources exhausted" (ENOSPC; -f: ENOMEM too), -F: "cannot
; watch parent directory of 'NAME': REASON", each then reverting to
; polling; -f: "cannot watch 'NAME': REASON" unless the open failed the
; same way, the other files watched, and polling if such a file is open
; (GNU's tailed_but_unwatchable). Its warnings leave the status as it is.
cold_unwatched:
	mov ecx, [ifd]
	test ecx, ecx
	jns .failed
	xchg eax, ecx
	jmp revert_reason
.failed:
	cmp eax, -ENOSPC
	je .exhausted
	test byte [mode], M_NAME
	jz .file
	mov ecx, msg_parent
	call .warn
	jmp revert
.exhausted:
	mov esi, fmt_exhausted
	call say_plain
	jmp revert
.file:
	cmp eax, -ENOMEM
	je .exhausted
	cmp eax, [xbp+R_ERR]
	je .next
	mov ecx, dash+1                 ; ("")
	call .warn
	cmp dword [xbp+R_FD], 0
	jl .next
	mov byte [unwatchable], 1
.next:                                  ; the hot loop's rest, here
	add xbp, REC
	cmp xbp, [rec_end]
	jae .end
	cmp word [xbp+R_IGNORE], 0
	jne .next
	call watch
	test eax, eax
	js .failed
	jmp .next
.end:
	cmp byte [unwatchable], 0
	jne revert
	jmp follow.check
.warn:                                  ; "cannot watch TEXT'NAME'" (xcx),
	movzx esi, STATUSb              ; the status kept
	push xsi
	mov esi, fmt_watch
	mov xdx, [xbp+R_NAME]
	call say_always
	pop xcx
	mov STATUSb, cl
	ret

say_plain:                              ; xsi = a format without arguments
	xor eax, eax
	mov edx, dash                   ; (say reads an ARG)
	call out_sync
	jmp say



fmt_seek:	db F_ARGV0, ': ', F_FILE, ': cannot seek to relative offset ', F_TEXT, F_REASON, 10, 0
fmt_context:	db F_ARGV0, ': option used in invalid context -- ', F_ARG, 10, 0
fmt_old:	db F_ARGV0, ': invalid number: ', F_QUOTE, ': Numerical result out of range', 10, 0
fmt_old_plain:	db F_ARGV0, ': invalid number: ', F_QUOTE, 10, 0
fmt_seconds:	db F_ARGV0, ': invalid number of seconds: ', F_QUOTE, 10, 0
fmt_by_name:	db F_ARGV0, ": cannot follow '-' by name", 10, 0
fmt_warning:	db F_ARGV0, ': warning: ', F_TEXT, 10, 0
fmt_useless:	db F_ARGV0, ': warning: ', F_TEXT, ' ignored; ', F_ARG, ' is useful only when following', 10, 0
msg_retry:	db '--retry', 0
msg_retry_initial: db '--retry only effective for the initial open', 0
msg_pid_word:	db 'PID', 0
msg_pid_option:	db '--pid=PID', 0
msg_pid:	db 'invalid PID: ', 0
msg_stats:	db 'invalid maximum number of unchanged stats between opens: ', 0
msg_invalid:	db 'invalid', 0
msg_ambiguous:	db 'ambiguous', 0
fmt_how:	db F_ARGV0, ': ', F_TEXT, ' argument ', F_QUOTE, " for '--follow'", 10
		db 'Valid arguments are:', 10, "  - 'descriptor'", 10, "  - 'name'", 10, F_TRY, 0
fmt_type:	db F_ARGV0, ': ', F_FILE, ': cannot follow end of this type of file', F_TEXT, 10, 0
msg_give_up:	db '; giving up on this name', 0
fmt_no_files:	db F_ARGV0, ': no files remaining', 10, 0
fmt_truncated:	db F_ARGV0, ': ', F_FILE, ': file truncated', 10, 0
fmt_inaccessible: db F_ARGV0, ': ', F_FILE, ' has become inaccessible', F_REASON, 10, 0
fmt_new:	db F_ARGV0, ': ', F_FILE, ' has ', F_TEXT, ';  following new file', 10, 0
msg_appeared:	db 'appeared', 0
msg_replaced:	db 'been replaced', 0
fmt_untailable:	db F_ARGV0, ': ', F_FILE, ' has been replaced with an untailable file', F_TEXT, 10, 0
fmt_accessible:	db F_ARGV0, ': ', F_FILE, ' has become accessible', 10, 0
fmt_dir_removed: db F_ARGV0, ': directory containing watched file was removed', 10, 0
fmt_reverting:	db F_ARGV0, ': inotify cannot be used, reverting to polling', F_REASON, 10, 0
fmt_exhausted:	db F_ARGV0, ': inotify resources exhausted', 10, 0
fmt_watch:	db F_ARGV0, ': cannot watch ', F_TEXT, F_FILE, F_REASON, 10, 0
msg_parent:	db 'parent directory of ', 0

; The small variables first, then the output buffer: they share a page.
; The reads go right after what obuf holds, so buf is only the room
; after obuf (file_lines reads its blocks at buf itself).
BSS
	BSS_ROOM 2048                   ; the variables, st and obuf's start: one page
	GLOBALS_HERE
	ht_vars_words			; base cap fill obuf_len (macros.inc)
fd:		resW 1
last:		resW 1
rec_start:	resW 1
rec_end:	resW 1
chunk:		resW 1
blk:		resW 1
sleep_ts:	resW 2
cnt:		resd 2
num:		resd 2
pos:		resd 2
cur:		resd 2
start:		resd 2
end:		resd 2
pid:		resd 1
ambp:		resd 1                  ; long_opt's (every long option)
	ht_vars_bytes			; cnt_err out_err mode hdr eol headed stdin_used
bad:		resb 1
following:	resb 1
gnu_inotify:	resb 1
self_watch:	resb 1                  ; --follow=name: files watched too (with gnu_inotify)
live:		resb 1
dead:		resb 1
dir_gone:	resb 1
unwatchable:	resb 1                  ; an open file without a watch (-f)
status_save:	resb 1
sleep_ms:	resW 1
ifd:		resd 2                  ; pollfds: inotify's, then stdout's
ofd:		resd 2

st:		resb ST64_RECORD           ; struct stat64 (stat_fd)
wbuf:		resb HT_WSMALL            ; ht_window's first window
obuf:		resb OBUFSZ
ambbuf		equ obuf                ; long_opt's (no output before it)
buf:		resb BUFSZ

program_end
