; truncate - shrink or extend the size of each FILE to the given size.
;
; Usage: truncate -s SIZE [-c] [-o] FILE...
;        truncate -r RFILE [-s [+-<>/%]SIZE] [-c] FILE...
;   -c, --no-create        do not create a missing FILE (silently)
;   -o, --io-blocks        SIZE counts each FILE's I/O blocks (st_blksize)
;   -r, --reference=RFILE  the size of RFILE (or, with a relative -s, the
;                          base of the change)
;   -s, --size=SIZE        SIZE with an optional suffix: K M G T P E Z Y
;                          (powers of 1024; KB MB ... powers of 1000; KiB
;                          MiB ... 1024; k m g t too), and an optional
;                          prefix: + extend by, - reduce by, < at most,
;                          > at least, / round down to a multiple of, %
;                          round up to a multiple of
; A size below 0 becomes 0. Sizes are 64-bit on both arches (computed on
; the x87, whose 64-bit mantissa holds every off_t exactly). Long options
; may be shortened to any unambiguous prefix.
; Exit status: 0; 1 when a FILE failed ("truncate: cannot open 'F' for
; writing: Reason", "failed to truncate 'F' at N bytes: Reason", ...), or
; for a usage error (GNU's messages).
; Differences from GNU: --help and --version are not supported
; ("unrecognized option").

%define FAST_SYSCALL                    ; i386: the vDSO's entry after 32 calls
%include "subk.inc"
%include "layout.inc"
use getopt_long, fs_msg, err_quoted, err_plain, errno_path, errno_tree
use ftruncate64, seek_end64

%define REL_ADD 1               ; + or -
%define REL_MAX 2               ; <
%define REL_MIN 3               ; >
%define REL_RDN 4               ; /
%define REL_RUP 5               ; %

OPTSPEC:	db 'cor:s:', 0
LONGOPTS:
	db 'c', 'no-create', 0
	db 'o', 'io-blocks', 0
	db 'r' | 0x80, 'reference', 0
	db 's' | 0x80, 'size', 0
	db '?', 'help', 0
	db '?', 'version', 0
	db 0
fmt_either:	db F_ARGV0, ": you must specify either '--size' or '--reference'", 10, F_TRY, 0
fmt_relative:	db F_ARGV0, ": you must specify a relative '--size' with '--reference'", 10, F_TRY, 0
fmt_blocks:	db F_ARGV0, ": '--io-blocks' was specified but '--size' was not", 10, F_TRY, 0
fmt_no_file:	db F_ARGV0, ': missing file operand', 10, F_TRY, 0
fmt_multiple:	db F_ARGV0, ': multiple relative modifiers specified', 10, F_TRY, 0
msg_invalid:	db 'Invalid number: ', 0
msg_division:	db 'division by zero', 0
msg_stat:	db 'cannot stat ', 0
msg_size:	db 'cannot get the size of ', 0
msg_open:	db 'cannot open ', 0
msg_writing:	db ' for writing', 0
msg_fstat:	db 'cannot fstat ', 0
msg_truncate:	db 'failed to truncate ', 0
msg_at:		db ' at ', 0
msg_bytes:	db ' bytes', 0
msg_close:	db 'failed to close ', 0
msg_extending:	db 'overflow extending size of file ', 0
msg_overflow:	db 'overflow in ', 0
msg_times:	db ' * ', 0
msg_blocks:	db ' byte blocks for file ', 0
suffixes:	db 'EgGkKmMPtTYZ0', 0
powers:		db 6, 3, 3, 1, 1, 2, 2, 5, 4, 4, 8, 7
two63:		dd 0x5f000000   ; 2^63 as a float

_start:
	fast_syscall_init counted       ; i386: int 0x80 for the first 32 calls
	save_argv0
	getopt_init
	mov dword [oflags], O_WRONLY | O_CREAT | O_NONBLOCK | O_LARGEFILE
	or dword [rsize + 4], -1        ; rsize < 0: no -r
; The scan state is in xsi, xdi, xbx.
.opt:
	call getopt_long
	jc .opts_done
	cmp al, 'c'
	jne .not_c
	and byte [oflags], ~O_CREAT
	mov [no_create], al
.not_c:
	cmp al, 'o'
	jne .not_o
	mov [block], al
.not_o:
	cmp al, 'r'
	jne .not_r
	mov [ref], xdx
.not_r:
	cmp al, 's'
	jne .opt
	push xsi
	push xdi
	push xbx
	call size_arg
	pop xbx
	pop xdi
	pop xsi
	jmp .opt

.opts_done:
	lea xbp, [xsp + 2*W]            ; the operands, up to xdi
	mov esi, fmt_either
	cmp byte [got_size], 0
	jne .have_size
	cmp WPTR [ref], 0
	je .usage
	jmp short .blocks
.have_size:
	mov esi, fmt_relative
	cmp WPTR [ref], 0
	je .blocks
	cmp byte [relmode], 0
	je .usage
.blocks:
	mov esi, fmt_blocks
	cmp byte [block], 0
	je .files
	cmp byte [got_size], 0
	je .usage
.files:
	mov esi, fmt_no_file
	cmp xdi, xbp
	jne .ref
.usage:
	mov edx, esi
	jmp usage_say

; -r RFILE: its size from stat, or from lseek when it is not a regular
; file; into ssize without -s, else rsize.
.ref:
	mov A1, [ref]
	test A1, A1
	jz .each
	sys stat64, A1, stx
	mov esi, msg_stat
	test eax, eax
	js .ref_die
	mov edi, rsize
	cmp byte [got_size], 0
	jne .ref_size
	mov edi, ssize
.ref_size:
	push xdi
	call file_size                  ; fd -1: open it
	pop xdi
	mov esi, msg_size
	test eax, eax
	js .ref_die
	copy64 eax, xdi, fsize
	jmp short .each
.ref_die:
	mov xdx, [ref]
	call err_af
	exit 1

.each:
	mov xsi, [xbp]
	test xsi, xsi
	jz .end
	sys open, xsi, [oflags], 0o666
	test eax, eax
	js .open_failed
	mov [fd], eax
	call do_ftruncate
	sys close, [fd]
	test eax, eax
	jns .next
	mov esi, msg_close
	mov xdx, [xbp]
	call err_af
	jmp short .next
.open_failed:
	cmp byte [no_create], 0
	je .say_open
	cmp eax, -ENOENT
	je .next
.say_open:
	push xax
	mov esi, msg_open
	mov xdx, [xbp]
	call af_start
	mov esi, msg_writing
	call af_put
	pop xax
	call err_tail
.next:
	add xbp, W
	jmp .each
.end:
	exit_status

; size_arg - -s's argument at xdx: the prefix, then the number into ssize.
size_arg:
	mov xsi, xdx
	call skip_space
	mov al, [xsi]
	mov ah, REL_MAX
	cmp al, '<'
	je .prefix
	inc ah
	cmp al, '>'
	je .prefix
	inc ah
	cmp al, '/'
	je .prefix
	inc ah
	cmp al, '%'
	jne .no_prefix
.prefix:
	mov [relmode], ah
	inc xsi
.no_prefix:
	call skip_space
	mov al, [xsi]
	cmp al, '+'
	je .sign
	cmp al, '-'
	jne .number
.sign:
	cmp byte [relmode], 0
	jne .multiple
	mov byte [relmode], REL_ADD
.number:
	call parse_size
	mov byte [got_size], 1
	cmp byte [relmode], REL_RDN
	jb .ret
	mov eax, [ssize]
	or eax, [ssize + 4]
	jnz .ret
	mov esi, msg_division
	call err_plain
	exit 1
.multiple:
	mov esi, fmt_multiple
	mov edx, esi
	jmp usage_say
.ret:
	ret

; skip_space - xsi past the bytes isspace() takes (space, \t..\r). clobbers al
skip_space:
	mov al, [xsi]
	cmp al, ' '
	je .skip
	sub al, 9
	cmp al, 13 - 9
	ja .ret
.skip:
	inc xsi
	jmp skip_space
.ret:
	ret

; parse_size - xsi = SIZE as xstrtoimax reads it with the suffixes
; "EgGkKmMPtTYZ0": white space, a sign, decimal digits (none: 1 when a
; suffix letter comes first), one suffix letter with an optional "B" or
; "D" (powers of 1000) or "iB" -> ssize. A bad SIZE: "ARGV0: Invalid
; number: 'SIZE'", with ": Value too large for defined data type" when it
; only overflows; exit 1. The value is built on the x87 (exact up to 2^64,
; and any bigger value is out of range anyway).
parse_size:
	mov xdx, xsi                    ; xdx = SIZE (for the message, and
	push xdx                        ; where strtol's "no digits" points)
	call skip_space
	xor ecx, ecx                    ; cl = 1: negative; ch = 1: digits
	lodsb
	cmp al, '+'
	je .digits
	cmp al, '-'
	jne .unsign
	inc ecx
	jmp short .digits
.unsign:
	dec xsi
.digits:
	fldz
.digit:
	movzx eax, byte [xsi]
	sub al, '0'
	cmp al, 9
	ja .digits_end
	inc xsi
	mov ch, 1
	mov [tmp], eax
	fimul dword [ten]
	fiadd dword [tmp]
	jmp .digit
.digits_end:
	test ch, ch
	jnz .signed
	mov xsi, [xsp]                  ; no digits: strtol ends at SIZE
	fstp st0
	fld1
	mov al, [xsi]
	test al, al
	jz .invalid                     ; (not the suffix list's NUL)
	call find_suffix
	jne .invalid
	xor ecx, ecx
.signed:
	test cl, cl
	jz .suffix
	fchs
.suffix:
	mov al, [xsi]
	test al, al
	jz .range
	call find_suffix
	jne .invalid
	cmp al, '0'
	je .invalid                     ; (never after digits)
	push 1                          ; the bytes of the suffix
	pop xcx
	mov dword [tmp], 1024
	mov ax, [xsi + 1]
	cmp al, 'B'
	je .thousand
	cmp al, 'D'
	je .thousand
	cmp ax, 'iB'
	jne .scale
	mov cl, 3
	jmp short .scale
.thousand:
	mov dword [tmp], 1000
	mov cl, 2
.scale:                                 ; edx = the power
	fimul dword [tmp]
	dec edx
	jnz .scale
	add xsi, xcx
	cmp byte [xsi], 0
	jne .invalid
.range:
	pop xdx
	fld dword [two63]
	fcomi st0, st1
	jbe .overflow                   ; 2^63 <= the value
	fchs
	fcomip st0, st1
	ja .overflow                    ; -2^63 > the value
	fistp qword [ssize]
	ret
.invalid:
	xor eax, eax
	pop xdx
	jmp short .say
.overflow:
	push byte -EOVERFLOW
	pop xax
.say:
	mov esi, msg_invalid
	call err_quoted
	exit 1

; find_suffix - al = a byte -> ZF=1 when it is one of suffixes, edx = its
; power. clobbers xcx
find_suffix:
	mov ecx, suffixes
.next:
	cmp byte [xcx], 0
	je .no
	cmp al, [xcx]
	je .found
	inc ecx
	jmp .next
.found:
	movzx edx, byte [xcx + powers - suffixes]
	ret
.no:
	inc ecx                         ; ZF=0
	ret

; file_size - [fd] = an open file (or -1 for ref, opened here), stx its
; stat -> fsize = st_size for a regular file, else lseek(SEEK_END); CF
; clear, xax >= 0; or xax = -errno (SF set).
file_size:
	movzx eax, word [stx + ST64_MODE]
	and eax, S_IFMT
	cmp eax, S_IFREG
	jne .seek
	mov eax, [stx + ST64_SIZE]
	mov edx, [stx + ST64_SIZE + 4]
	jmp short .got
.seek:
	mov edx, fsize
	cmp WPTR [ref], 0               ; -r RFILE: open it
	je .opened
	cmp byte [fd_open], 0
	jne .opened
	sys open, [ref], O_RDONLY | O_LARGEFILE
	test eax, eax
	js .ret
	xchg eax, A1d
	mov edx, fsize
	call seek_end64
	push xax
	sys close
	pop xax
	ret
.opened:
	mov A1d, [fd]
	jmp seek_end64
.got:
	mov [fsize], eax
	mov [fsize + 4], edx
	xor eax, eax
.ret:
	ret

; do_ftruncate - the size of the file at [fd] (named [xbp]) changed as
; GNU's do_ftruncate does: in I/O blocks with -o, relative to its size (or
; RFILE's) with a prefix; a size below 0 is 0. Messages name the file.
do_ftruncate:
	mov byte [fd_open], 1
	mov al, [block]
	cmp byte [relmode], 0
	je .no_rel
	cmp dword [rsize + 4], 0
	jns .no_rel
	inc eax                         ; relative to its own size
.no_rel:
	test al, al
	jz .stated
	sys fstat64, [fd], stx
	test eax, eax
	jns .stated
	mov esi, msg_fstat
	jmp .fail
.stated:
	fild qword [ssize]
	cmp byte [block], 0
	je .blocked
	fimul dword [stx + ST64_BLKSIZE] ; (32 bits of it)
	call in_range
	jae .blocked
	mov edi, textbuf                ; "overflow in N * B byte blocks for file "
	mov esi, msg_overflow
	call af_put
	mov esi, ssize
	call put_i64
	mov esi, msg_times
	call af_put
	mov eax, [stx + ST64_BLKSIZE]
	mov [tmp], eax
	and dword [tmp + 4], 0
	mov esi, tmp
	call put_i64
	mov esi, msg_blocks
	call af_put
	mov byte [xdi], 0
	mov esi, textbuf
	xor eax, eax
	jmp .fail_x87
.blocked:                               ; st0 = the size asked for
	movzx eax, byte [relmode]
	test eax, eax
	jz .clamp
	push xax
	fild qword [rsize]
	cmp dword [rsize + 4], 0
	jns .have_fsize
	fstp st0
	call file_size
	test eax, eax
	jns .fsize_ok
	pop xcx
	mov esi, msg_size
	jmp .fail_x87
.fsize_ok:
	fild qword [fsize]
.have_fsize:                            ; st0 = fsize, st1 = ssize
	pop xax
	cmp al, REL_MAX
	jne .not_max
	fcomi st0, st1
	jb .keep_fsize                  ; min(fsize, ssize)
	jmp short .take_ssize
.not_max:
	cmp al, REL_MIN
	jne .not_min
	fcomi st0, st1
	jae .keep_fsize                 ; max(fsize, ssize)
.take_ssize:
	fstp st0
	jmp short .clamp
.keep_fsize:
	fstp st1
	jmp short .clamp
.not_min:
	cmp al, REL_RDN
	jb .add
	fld st1
	fld st1                         ; fsize, ssize, fsize, ssize
.rem:
	fprem
	fnstsw ax
	test ah, 4                      ; C2: not done yet
	jnz .rem
	fstp st1                        ; r = fsize % ssize, fsize, ssize
	cmp byte [relmode], REL_RDN
	jne .rup
	fsubp st1, st0                  ; fsize - r, ssize
	fstp st1
	jmp short .clamp
.rup:                                   ; fsize + (r ? ssize - r : 0)
	fldz
	fcomip st0, st1
	je .r_zero
	fsubr st0, st2
.r_zero:
	fstp st2                        ; fsize, the amount
.add:                                   ; fsize + ssize, within off_t
	faddp st1, st0
	call in_range
	jae .clamp
	mov esi, msg_extending
	xor eax, eax
	jmp .fail_x87
.clamp:
	fldz
	fcomip st0, st1
	jbe .stored
	fstp st0
	fldz
.stored:
	fistp qword [nsize]
	mov A1d, [fd]
	mov edx, nsize
	call ftruncate64
	test eax, eax
	jns .ret
	push xax
	mov esi, msg_truncate
	mov xdx, [xbp]
	call af_start
	mov esi, msg_at
	call af_put
	mov esi, nsize
	call put_i64
	mov esi, msg_bytes
	call af_put
	pop xax
	jmp err_tail
.fail_x87:
	fstp st0
.fail:
	mov xdx, [xbp]
	jmp err_af
.ret:
	ret

; in_range - st0 -> CF=0 when it is in -2^63 .. 2^63-1. clobbers nothing
in_range:
	fld dword [two63]
	fcomi st0, st1
	jbe .out                        ; 2^63 <= st1
	fchs
	fcomip st0, st1
	ja .out_popped                  ; -2^63 > st1
	clc
	ret
.out:
	fstp st0
.out_popped:
	stc
	ret

; put_i64 - the qword at xsi in decimal at xdi (a '-' first when below 0)
; -> xdi past it. clobbers xax, xcx, xdx, xsi
put_i64:
	mov eax, [xsi]
	mov edx, [xsi + 4]
	test edx, edx
	jns .positive
	mov byte [xdi], '-'
	inc xdi
	neg eax
	adc edx, 0
	neg edx
.positive:
	mov [num], eax
	mov [num + 4], edx
	mov esi, numend
.digit:
	push 10
	pop xcx
	xor edx, edx
	mov eax, [num + 4]
	div ecx
	mov [num + 4], eax
	mov eax, [num]
	div ecx
	mov [num], eax
	add dl, '0'
	dec esi
	mov [xsi], dl
	or eax, [num + 4]
	jnz .digit
	jmp af_put

ten:	dd 10

; Where the bytes fall in pages (peak RSS): the variables, i386's argv0
; and status and the start of qbuf (a message) share one page.
BSS
	BSS_ROOM 1024
	GLOBALS_HERE
textbuf: resb 80
ssize:	resq 1                  ; -s's SIZE, or RFILE's size
rsize:	resq 1                  ; RFILE's size with a relative -s, else < 0
fsize:	resq 1
nsize:	resq 1
tmp:	resq 1
num:	resq 1
	resb 24
numend:	resb 1                  ; (a NUL: af_put stops there)
; (a struct stat64, layouts.inc: stat64 and fstat64 give its type, size
; and st_blksize on every kernel; statx would need its fallback before 4.11)
stx:	resb ST64_RECORD
ref:	resW 1
fd:	resd 1
oflags:	resd 1
relmode: resb 1
got_size: resb 1
no_create: resb 1
block:	resb 1
fd_open: resb 1
QBUFSZ	equ 2 * 131072 + 4 * 2 * 131072 + 64
qbuf:	resb QBUFSZ
TEXT

program_end
