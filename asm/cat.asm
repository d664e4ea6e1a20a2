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
; copied), or at once on a write error.
; Differences from GNU: none known but the long options (see README). One
; corner on i386: when stdin is the output file with its offset past 2 GiB
; (where the 32-bit lseek cannot say it), "input file is output file" is
; decided by a size of 4 GiB or more instead of offset < size.
;
; Without a formatting option the bytes never pass through this process:
; splice(2) when one end is a pipe, else sendfile(2) (file to file or
; socket; with a NULL offset even i386's sendfile goes past 2 GiB). When
; the kernel refuses (EINVAL for a tty, /proc, an O_APPEND output...: a
; failed call has moved nothing) the operand goes on with read/write
; through a 128 KiB buffer from where its offset stands, once; that path
; also reports the exact read or write error. When stdout is a pipe, its
; buffer is raised to 1 MiB if the kernel allows (never lowered): fewer
; wake-ups of both ends. The formatting path reads into the same buffer
; and formats each chunk into a second one, written before the next read.

%include "subk.inc"
use err_file, err_plain, errno_path

; struct statx (linux/stat.h): the same layout on both arches
STX_INO     equ 32              ; __u64
STX_SIZE    equ 40              ; __u64
STX_DEV     equ 136             ; __u32 major, __u32 minor
STATX_WANT  equ 0x301           ; STATX_TYPE | STATX_INO | STATX_SIZE
F_SETPIPE_SZ equ F_LINUX_SPECIFIC_BASE + 7      ; linux/fcntl.h
F_GETPIPE_SZ equ F_LINUX_SPECIFIC_BASE + 8

PIPESZ      equ 1 << 20         ; asked for stdout when it is a pipe
BUFSZ       equ 128 * 1024      ; one read
NUMLEN      equ 20              ; digits of the line counter
MAXOUT      equ NUMLEN + 7      ; output bytes per input byte at most
COPYMAX     equ 0x7ffff000      ; bytes per splice/sendfile (MAX_RW_COUNT)

; [flags]: what the options ask for, and one bit of line state
SHOWNP      equ 1               ; -v
ENDS        equ 2               ; -E
TABS        equ 4               ; -T
NUMBER      equ 8               ; -n, -b
NONBLANK    equ 16              ; -b
SQUEEZE     equ 32              ; -s
PENDCR      equ 128             ; a \r held back until the next byte is known

_start:
	pop_argv0                       ; xsp = &argv[1]
	use getopt                      ; getopt_init, from argv[1] at xsp
	mov xsi, xsp
	mov xdi, xsi
	xor ebx, ebx
.option:
	call getopt
	jc .options_done
	mov al, [xcx+opt_flags]
	or [flags], al
	jmp .option

; The operands are at xsp up to xdi, then NULL; [xsp] is the current one
; while it is copied (calls use the stack below it). None at all means "-".
.options_done:
	cmp xdi, xsp
	jne .output
	push dash

; The output: GNU refuses a closed one before anything else, and the input
; that is the output file needs its identity.
.output:
	push 1
	pop A1
	mov A5d, ostat
	call stat_fd
	mov esi, msg_stdout
	jerr die
	sys fcntl, 1, F_GETPIPE_SZ      ; raise the pipe's size, never lower it
	cmp eax, PIPESZ
	jae .operand                    ; big enough, or not a pipe (-errno)
	sys fcntl, A1, F_SETPIPE_SZ, PIPESZ     ; may be refused: no matter

.operand:
	mov xsi, [xsp]
	cmp word [xsi], '-'
	jne .open
	mov [stdin_used], esi
	sys dup, 0                      ; stdin, closed like any file after
	jmp .opened
.open:
	sys open, xsi, O_RDONLY|O_LARGEFILE
.opened:
	xchg eax, ebp                   ; xbp = the input fd, or -errno

; GNU's test: the input is the same file as the output and its offset is
; before its end (so `cat f >> f` cannot grow forever). GNU asks for a
; regular output file first; any other file has st_size 0, so the offset
; test alone says no for it. A failed open fails here too, EBADF.
	mov A1, xbp
	mov A5d, istat
	call stat_fd
	jerr .failed
	mov esi, istat+STX_INO
	mov edi, ostat+STX_INO
	cmpsd
	jne .copy
	cmpsd
	jne .copy
	add esi, STX_DEV - STX_INO - 8
	add edi, STX_DEV - STX_INO - 8
	cmpsd
	jne .copy
	cmpsd
	jne .copy
%ifndef HAVE_WIDE_REGS
	cmp dword [istat+STX_SIZE+4], 0 ; 4 GiB or more: past any 32-bit offset
	jne .same
%endif
	sys lseek, xbp, 0, SEEK_CUR
	cmp xax, [istat+STX_SIZE]
	jae .copy
.same:
	mov edi, buf                    ; "'NAME': input file is output file"
	mov xsi, [xsp]
	call quote
	mov esi, msg_same
	call copystr
	stosb                           ; al = 0 after copystr
	mov esi, buf
	call err_plain
	jmp .close

; Zero-copy, as long as the kernel takes it.
.copy:
	cmp byte [flags], 0
	jne .read
.splice:
	push xbp
	sys splice, xbp, 0, 1, 0, COPYMAX, 0
	pop xbp
	test eax, eax
	jg .splice
	jz .close
.sendfile:
	sys sendfile, 1, xbp, 0, COPYMAX
	test eax, eax
	jg .sendfile
	jz .close
.read:
	sys read, xbp, buf, BUFSZ
	test eax, eax
	jz .close
	js .failed
	call chunk
	jmp .read

.failed:                                ; xax = -errno, or the open's in xbp
	test ebp, ebp
	jns .report
	xchg eax, ebp
.report:
	mov xsi, [xsp]
	call err_file
.close:
	sys close, xbp                  ; after a failed open: EBADF, ignored
	pop xax
	cmp WPTR [xsp], 0
	jne .operand

; The end: a \r that -E held back is a \r after all; and as GNU, stdin
; is closed when it was an operand, which fails when it was never open.
finish:
	test byte [flags], PENDCR
	jz .stdin
	mov A2d, cr
	push 1
	pop A3
	call chunk.write
.stdin:
	cmp dword [stdin_used], 0
	je bye
	sys close, 0
	mov esi, msg_close
	test eax, eax
	jns bye
die:                                    ; xsi = what failed, xax = -errno
	call err_text
bye:
	exit_status

; chunk - write the eax bytes read into buf, formatted if asked. Returns
; only when all is written.
chunk:
	cmp byte [flags], 0
	jne .format
	mov A2d, buf
	xchg eax, A3d

; A2 = data, A3 = its length
.write:
	push 1
	pop A1
	call write_all
	js .write_error
	ret
.write_error:
	mov esi, msg_write
	jmp die

.pending:                               ; the \r before: ^M before \n, else \r
	xor bl, PENDCR
	cmp al, 10
	mov byte [xdi], 13
	jne .cr
	mov word [xdi], '^M'
	inc edi
.cr:
	inc edi
	jmp .not_pending

; Format: xsi = input, ecx = bytes left, xdi = output, bl = flags,
; bh = GNU's "newlines": -1 inside a line, 0 at the start of a line after
; a text line (or of the input), 1 after an empty line, 2 after two or more.
.format:
	xchg eax, ecx
	mov esi, buf
	mov edi, outbuf
	mov bx, [flags]
.byte:
	lodsb
	test bl, bl                     ; PENDCR
	js .pending
.not_pending:
	cmp al, 10
	jne .text
	inc bh
	jle .line_end                   ; -1 -> 0: the end of a text line
	cmp bh, 2                       ; an empty line
	jb .empty
	mov bh, 2
	test bl, SQUEEZE
	jnz .next
.empty:
	mov dl, bl
	and dl, NUMBER|NONBLANK
	cmp dl, NUMBER
	jne .line_end
	call put_num
.line_end:
	test bl, ENDS
	jz .put
	mov byte [xdi], '$'
	inc edi
	jmp .put
.text:
	test bh, bh
	js .inside
	mov bh, -1                      ; a line starts
	test bl, NUMBER
	jz .inside
	call put_num
.inside:
	test bl, SHOWNP
	jz .plain
	test al, al
	js .meta
	cmp al, 9
	je .tab
.control:
	cmp al, 0x7f
	je .caret
	cmp al, ' '
	jae .put
.caret:
	mov byte [xdi], '^'             ; ^@..^_ and ^?: the byte xor 0x40
	inc edi
	xor al, 0x40
	jmp .put
.plain:
	cmp al, 9
	je .tab
	cmp al, 13
	jne .put
	test bl, ENDS
	jz .put
	or bl, PENDCR
	jmp .next
.tab:
	test bl, TABS
	jnz .caret
.put:
	stosb
.next:
	loop .byte
	mov [flags], bx
	mov A2d, outbuf
	mov A3, xdi
	sub A3, A2
	jmp .write

.meta:                                  ; M- and the low 7 bits
	mov word [xdi], 'M-'
	scasw                           ; xdi += 2
	and al, 0x7f
	jmp .control
; put_num - the next line number, "%6d\t", at xdi. The counter is decimal
; text ending at numend, zero bytes before its first digit.
; clobbers: xdx; xdi advanced
put_num:
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
	push NUMLEN
	pop xdx                         ; dl = columns left
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
	dec edx
	jnz .digit
	mov al, 9
	stosb
	pop xsi
	pop xax
	ret

; stat_fd - statx(A1, "", AT_EMPTY_PATH, ...) into the buffer at A5
stat_fd:
	sys statx, A1, dash+1, AT_EMPTY_PATH, STATX_WANT
	ret

OPTSPEC:	db 'AbeEnstTuv', 0
opt_flags:	db SHOWNP|ENDS|TABS, NUMBER|NONBLANK, SHOWNP|ENDS, ENDS
		db NUMBER, SQUEEZE, SHOWNP|TABS, TABS, 0, SHOWNP
dash:		db '-', 0
cr:		db 13
msg_stdout:	db 'standard output', 0
msg_write:	db 'write error', 0
msg_close:	db 'closing standard input', 0
msg_same:	db ': input file is output file', 0

; The buffers first, so the small variables share a page with the
; library's (argv0, status) and the big ones are touched only when used.
BSS
buf:	resb BUFSZ
outbuf:	resb BUFSZ * MAXOUT
ostat:	resb 256                        ; statx of stdout
istat:	resb 256                        ; statx of the current input
stdin_used: resd 1                      ; not 0 once "-" was an operand
flags:	resb 1                          ; see above
newlines: resb 1                        ; bh of the format loop
numbuf:	resb NUMLEN
numend:

program_end
