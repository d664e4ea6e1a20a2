; cat - concatenate files to standard output.
;
; Usage: cat [-AbeEnstTuv] [FILE]...
;   -A  = -vET            -b  number the nonempty lines (overrides -n)
;   -e  = -vE             -E  a $ at the end of each line
;   -n  number all lines  -s  squeeze runs of empty lines into one
;   -t  = -vT             -T  show a tab as ^I
;   -u  (ignored)         -v  show other control bytes as ^X, bytes from
;                             128 as M-X, M-^X, and DEL as ^? (M-^?)
; "-" and no FILE mean standard input. Line numbers are "%6d\t", widening
; past 999999, and go on from file to file, as do the squeezing and the
; state of the line; with -E (without -v) "\r\n" shows as "^M$", even when
; the \r ends one file and the \n starts the next.
; Exit status: 0; 1 when a file could not be read (the others are still
; copied), or at once on a write error (but a regular file copied into a
; regular file: its error, "cat: FILE: No space left on device", and the
; next operand goes on, as GNU's copy_cat).
; Differences from GNU: none known but the long options (see README). One
; corner on i386: when stdin is the output file with its offset past 2 GiB
; (where the 32-bit lseek cannot say it), "input file is output file" is
; decided by a size of 4 GiB or more instead of offset < size.
;
; Without a formatting option the bytes never pass through this process:
; copy_file_range(2) from a regular file into a regular file, as GNU's
; (a reflink or a server-side copy where the file system can), splice(2)
; when one end is a pipe, else sendfile(2) (file to file or socket; with a
; NULL offset even i386's sendfile goes past 2 GiB). When the kernel
; refuses (EINVAL for a tty, /proc, an O_APPEND output...: a
; failed call has moved nothing) the operand goes on with read/write
; through a 128 KiB buffer from where its offset stands, once; that path
; also reports the exact read or write error. When stdout is a pipe, its
; buffer is raised to 1 MiB if the kernel allows (never lowered): fewer
; wake-ups of both ends. The formatting path reads into the same buffer
; and formats each chunk into a second one, written before the next read.
;
; i386: from the 32nd system call on, the kernel is entered through the
; vDSO's __kernel_vsyscall (FAST_SYSCALL counted: ~0.2 us a call against
; ~8 us for int 0x80): cat of 5000 small files 0.60 s -> 0.07 s (GNU
; 0.28); a trivial run keeps int 0x80 and 12 KiB.

%define FAST_SYSCALL            ; i386: the vDSO's entry after 32 calls
%include "subk.inc"
%define ERR_LEAN                ; error.inc's smaller forms (no utoa here)
%define ERR_PACKED              ; (the formats' texts packed: see error.inc)
%define ERR_TIGHT               ; (its tightest form: see error.inc)
%define ERR_NO_TEXT             ; (its messages are formats of its own)
use usage, scan_flags, err_file, errno_path, stat_same

F_SETPIPE_SZ equ F_LINUX_SPECIFIC_BASE + 7      ; linux/fcntl.h
F_GETPIPE_SZ equ F_LINUX_SPECIFIC_BASE + 8

BUFSZ       equ 128 * 1024      ; one read
NUMLEN      equ 20              ; digits of the line counter
MAXOUT      equ NUMLEN + 7      ; output bytes per input byte at most
COPYMAX     equ 0x7ffff000      ; bytes per splice/sendfile (MAX_RW_COUNT)

; [flags]: the options, one bit per letter as scan_flags gives them
; (OPTSPEC's order), after -A is made -et and -b is given -n too. So -v,
; -e and -t show the nonprinting bytes, -E and -e the ends, -T and -t the
; tabs. -u (and -A itself) is in the second byte, which is not kept.
OPT_v       equ 1
OPT_E       equ 2
OPT_T       equ 4
OPT_e       equ 8
OPT_t       equ 16
OPT_s       equ 32
OPT_n       equ 64              ; -n, and with -b
OPT_b       equ 128
SHOWNP      equ OPT_v|OPT_e|OPT_t
ENDS        equ OPT_E|OPT_e
TABS        equ OPT_T|OPT_t
NUMBER      equ OPT_n           ; numbering, -n or -b
NONBLANK    equ OPT_b           ; not the empty lines, -b
SQUEEZE     equ OPT_s
PENDCR      equ -2              ; [newlines]: a \r held back (see chunk)

_start:
	fast_syscall_init counted       ; i386: int 0x80 for the first 32 calls
	pop_argv0                       ; xsp = &argv[1]
	push xsp                        ; xsi = xsp
	pop xsi
	call scan_flags                 ; edx = the letters given
	shr dh, 1                       ; CF = -A
	jnc .not_all
	or dl, OPT_e|OPT_t
.not_all:
	test dl, dl                     ; SF = -b
	jns .not_b
	or dl, OPT_n
.not_b:
	mov [flags], dl

; The operands are at xsp up to xdi, then NULL; [xsp] is the current one
; while it is copied (calls use the stack below it). None at all means "-".
	cmp xdi, xsp
	jne .output
	push dash

; The output: its pipe buffer raised to 1 MiB if it is a pipe with less
; (never lowered; the kernel may refuse: no matter): F_GETPIPE_SZ, then
; F_SETPIPE_SZ through the same call, whose answer (1 MiB or more, or
; -errno) ends the loop. Then GNU refuses a closed output before anything
; else, and the input that is the output file needs its identity.
.output:
	pipe_grow
.stat:
	mov ebp, A1d
	mov A2d, ostat
	call stat_fd
	mov esi, fmt_stdout
	js die

; Each operand: open it, or dup stdin for "-" (to close it like any
; file; one system call instruction for both), stat it, copy it. A failed
; open fails the stat too, EBADF: xbp holds the open's -errno, which is
; the one reported. (The fds go to the kernel as ebp: an int.)
.operand:
	pop A1                          ; A1 = [xsp], in 2 bytes
	push A1
	push SYS_open
	pop xax
	mov A2d, O_RDONLY|O_LARGEFILE
	cmp word [A1], '-'
	jne .open
	mov [stdin_used], A1d
	xor A1d, A1d
	mov al, SYS_dup                 ; (the upper bytes are 0)
%if SYS_dup > 255 || SYS_open > 127
 %error "SYS_dup or SYS_open does not fit"
%endif
.open:
	SYSCALL
	xchg eax, ebp                   ; xbp = the input fd, or -errno
	call stat_in
	js .failed
	call copy
	jns .close
.failed:                                ; xax = -errno, or the open's in xbp
	test ebp, ebp
	jns .report
	xchg eax, ebp
.report:
	pop xsi
	push xsi
	call err_file
.close:
	sys close, ebp                  ; after a failed open: EBADF, ignored
	pop xax
	cmp WPTR [xsp], 0
	jne .operand

; The end: a \r that -E held back is a \r after all; and as GNU, stdin
; is closed when it was an operand, which fails when it was never open.
finish:
	cmp byte [newlines], PENDCR
	jne .stdin
	mov A2d, cr
	push 1
	pop A3
	call chunk.write
.stdin:
	cmp dword [stdin_used], 0
	je bye
	sys close, 0
	mov esi, fmt_close
	test eax, eax
	jns bye
die:                                    ; xsi = its format, xax = -errno
	pmov xdx, xsi                   ; (no ARG: any string will do)
	call say_error
bye:
	exit_status

; chunk - write the eax bytes read into buf (A2 = buf), formatted if
; asked. Returns only when all is written.
chunk:
	mov ebx, [flags]
	test bl, bl
	jnz .format
	xchg eax, A3d

; A2 = data, A3 = its length
.write:
	push 1
	pop A1
	call write_all
	mov esi, fmt_write
	js die
	ret

.pending:                               ; the \r before: ^M before \n, else \r
	mov bh, -1
	cmp al, 10
	mov byte [xdi], 13
cr	equ $ - 1                       ; (a 13 for finish to write)
	jne .cr
	mov word [xdi], '^M'
	inc edi
.cr:
	inc edi
	jmp .not_pending

; Format: xsi = input, ecx = bytes left, xdi = output, bl = flags,
; bh = GNU's "newlines": -1 inside a line, 0 at the start of a line after
; a text line (or of the input), 1 after one or more empty lines; and
; PENDCR inside a line after a \r that -E holds back. The common path is
; in line; the rest follows the loop.
.format:
	movx xsi, A2
	xchg eax, ecx
	mov edi, outbuf
.byte:
	lodsb
	cmp bh, PENDCR
	je .pending
.not_pending:
	cmp al, 10
	je .newline
	test bh, bh
	js .inside
	mov bh, -1                      ; a line starts
	test bl, NUMBER
	call put_num
.inside:
	cmp al, 9
	je .tab
	test bl, SHOWNP
	jz .plain
	test al, al
	js .meta
.control:
	cmp al, 0x7f
	je .caret
	cmp al, ' '
	jb .caret
.put:
	stosb
.next:
	loop .byte
	mov [flags], ebx
	mov A3d, edi
	mov A2d, outbuf
	sub A3d, A2d
	jmp .write

.tab:
	test bl, TABS
	jz .put
.caret:
	mov ah, '^'                     ; ^@..^_ and ^?: the byte xor 0x40
	xor al, 0x40
.prefix:                                ; ah, then al
	mov [xdi], ah
	inc edi
	jmp .put
.meta:                                  ; M- and the low 7 bits
	mov word [xdi], 'M-'
	scasw                           ; xdi += 2
	and al, 0x7f
	jmp .control
.plain:
	cmp al, 13
	jne .put
	test bl, ENDS
	jz .put
	mov bh, PENDCR
	jmp .next
.newline:
	inc bh
	jle .line_end                   ; -1 -> 0: the end of a text line
	dec bh                          ; ZF: the first empty line
	mov bh, 1
	jz .empty
	test bl, SQUEEZE
	jnz .next
.empty:                                 ; numbered with -n, not with -b
	test bl, NUMBER|NONBLANK
	call put_num
.line_end:
	test bl, ENDS
	jz .put
	mov ah, '$'
	jmp .prefix

; copy - copy the open input xbp ([xsp+W] its name) to stdout; called
; right after stat_in (A1 = xbp, istat filled).
; out: SF=1 when a read failed, xax = -errno (for the caller to report);
; else done, or refused with a message.
;
; GNU's test first: the input is the same file as the output and its
; offset is before its end (so `cat f >> f` cannot grow forever). GNU asks
; for a regular output file first; any other file has st_size 0, so the
; offset test alone says no for it. (The offset is asked of every input,
; first, while A1 still holds the fd: stat_same takes xdi; it stays in xax.)
copy:
	sys lseek, A1, 0, SEEK_CUR
	mov edi, istat
	mov esi, ostat
	call stat_same
	jne .copy                       ; the same file; xdi = istat+ST64_INO+8
	off_jae_size xdi + ST64_SIZE - ST64_INO-8, .copy, .same
.same:                                  ; (the format takes no errno)
	mov esi, fmt_same
	pop xcx                         ; xdx = the name, under the return
	pop xdx                         ; address
	push xdx
	push xcx
	call say_error
	test ebp, ebp                   ; SF=0
	ret

; Zero-copy, as long as the kernel takes it; sendfile's count is splice's,
; still in A5. (i386 passes splice's flags in ebp.) GNU reads first, so an
; input with nothing to give writes nothing (a pipe whose reader is gone
; is never met: no SIGPIPE) and a directory says EISDIR; splice and
; sendfile try the output first. So an input that is not a regular file
; with bytes past its offset (xax) gives a byte to a read first (.probe).
.copy:
	cmp byte [flags], 0
	jne .read
	st64_isreg cl, istat
	jne .probe
	off_jae_size istat + ST64_SIZE, .probe, .cfr

; GNU's copy_cat: a regular file into a regular file goes by
; copy_file_range(2) (a reflink or a server-side copy where the file
; system has them). The kernel cannot (GNU's list, cfr_fallback): on with
; splice/sendfile from where the offset stands, as GNU's read/write; so is
; a first call that copies nothing. Any other error is the operand's
; ("cat: FILE: No space left on device"), and the next operand goes on.
; The address pushed is where a 0 returns to: .splice the first time,
; then .ret.
.cfr:
	test byte [ostat + ST64_MODE + 1], (S_IFMT & ~S_IFREG) >> 8
	jnz .splice
	push .splice
.cfr_more:
	push xbp
	sys copy_file_range, ebp, 0, 1, 0, COPYMAX, 0
	pop xbp
	test eax, eax
	jz .ret                         ; (to the address pushed)
	pop xcx
	js .cfr_failed
	push .ret
	jmp .cfr_more
.cfr_failed:                            ; (al: -errno's low byte)
	mov edi, cfr_fallback
	push CFR_FALLBACK_N
	pop xcx
	repne scasb
	je .splice
	test eax, eax                   ; SF=1: the operand's error
	ret
.splice:
	push xbp
	sys splice, ebp, 0, 1, 0, COPYMAX, 0
	pop xbp
	test eax, eax
	jg .splice
	jz .ret
.sendfile:
	sys sendfile, 1, ebp, 0, A5
	test eax, eax
	jg .sendfile
	jz .ret
.read:
	sys read, ebp, buf, BUFSZ       ; A2 = buf for chunk
	test eax, eax
	jle .ret
	call chunk
	jmp .read
.ret:
	ret
.probe:                                 ; a byte, on the stack, written if
	push xax                        ; read (chunk); then the rest as
	mov A2, xsp                     ; zero-copy
	sys read, ebp, A2, 1
	test eax, eax
	jle .probed
	call chunk
	pop xax
	jmp .splice
.probed:                                ; end of file, or a read error
	pop xcx
	ret

; put_num - the next line number, "%6d\t", at xdi, unless PF=1 (test the
; flags so that an even parity means no number). The counter is decimal
; text ending at numend, zero bytes before its first digit.
; clobbers: xdx; xdi advanced
put_num:
	jpe copy.ret                    ; PE: no number
	push xax
	push xsi
	mov esi, numend
.carry:
	dec esi
	or byte [xsi], '0'
	inc byte [xsi]
	cmp byte [xsi], '9'+1
	jne .print
	sub byte [xsi], 10
	jmp .carry
.print:
	mov esi, numend - NUMLEN
	mov dl, NUMLEN                  ; dl = columns left
.digit:
	lodsb
	test al, al
	jnz .store
	cmp dl, 6                       ; the last 6 columns are always printed
	ja .skip
	mov al, ' '
.store:
	stosb
.skip:
	dec dl
	jnz .digit
	mov al, 9
	stosb
	pop xsi
	pop xax
	ret

; stat_fd - fstat64(ebp) into the buffer at A2 (stat_in: into istat): a
; struct stat64 (layouts.inc), whose type, size, inode and device every
; kernel gives (statx would need its fallback before Linux 4.11). SF=1
; when it failed; A1 = the fd after.
stat_in:
	mov A2d, istat
stat_fd:
	sys fstat64, ebp
	test eax, eax
	ret

OPTSPEC:	db 'vETetsnbAu', 0
dash:		db '-', 0
cfr_fallback:	db CFR_REFUSED, -EPERM
CFR_FALLBACK_N	equ $ - cfr_fallback
fmt_stdout:	db F_ARGV0, P_stdout, F_REASON, 10, 0
fmt_write:	db F_ARGV0, P_write, F_REASON, 10, 0
fmt_close:	db F_ARGV0, P_close, F_REASON, 10, 0
fmt_same:	db F_ARGV0, ': ', F_FILE, P_same, 10, 0
%macro _own_ptexts 0                ; (error.inc packs them)
	ptext P_stdout, ': standard output'
	ptext P_write, ': write error'
	ptext P_close, ': closing standard input'
	ptext P_same, ': input file is output file'
%endmacro

; The buffers first, so the small variables share a page with the
; library's (on i386: argv0, status) and the big ones are touched only
; when used.
BSS
buf:	resb BUFSZ
outbuf:	resb BUFSZ * MAXOUT
ostat:	resb ST64_RECORD                ; stat of stdout
istat:	resb ST64_RECORD                ; stat of the current input
stdin_used: resd 1                      ; not 0 once "-" was an operand
flags:	resb 1                          ; see above
newlines: resb 3                        ; bh of the format loop (and a
                                        ; dword with flags for ebx)
numbuf:	resb NUMLEN
numend:

program_end
