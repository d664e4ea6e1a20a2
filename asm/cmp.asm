; cmp - compare two files byte by byte.
;
; Usage: cmp [-b] [-l | -s] [-i SKIP1[:SKIP2]] [-n LIMIT] FILE1 [FILE2
;        [SKIP1 [SKIP2]]]
;   -b, --print-bytes (and --print-chars, -c)  print the differing bytes
;   -i, --ignore-initial=SKIP1[:SKIP2]  skip that many bytes of each file
;   -l, --verbose   list every difference: the byte number and both
;                   bytes in octal
;   -n, --bytes=LIMIT  compare at most LIMIT bytes
;   -s, --silent, --quiet  print nothing, only the status
; SKIP and LIMIT are GNU's xstrtoumax numbers: decimal, 0x hex or 0 octal,
; with a suffix k K M G T P E Z Y (1024s; kB, MB...: 1000s; KiB...: 1024s).
; A missing FILE2 and "-" are standard input. Long options take GNU's
; unambiguous prefixes. Options may follow the operands (GNU's getopt_long
; permutes); with POSIXLY_CORRECT in the environment the first operand
; ends them, as GNU's getopt: "cmp a b -s" then compares a with b from
; byte "-s" (an invalid skip).
; Exit status: 0 the same, 1 different, 2 trouble.
; Differences from GNU: --help, --version and -v are refused (GNU's
; "unrecognized option" / "invalid option" messages, status 2).
;
; As GNU's cmp 3.8: the names are compared before the second file is
; opened (the same name and skips: the same), then the inodes and
; positions; a -s comparison of two regular files of different sizes
; needs no reading; with stdout on /dev/null the line is not counted (the
; EOF message says no line). Both files are read in GNU's blocks (the
; lcm of their st_blksize, at most BUFSZ), whole (short reads looped; the
; first one begun in a small buffer, so a small run touches one page), and
; a read error drops the block it cuts, as GNU's; compared 16 bytes at a time (SSE2), the
; newlines before a difference counted 16 at a time. Byte and line
; numbers are 64-bit on both arches (two dwords in memory). Output goes
; through a buffer; a failed write is reported at the end as GNU's stdio
; and check_stdout do ("write failed" after more than 4096 bytes, else
; "standard output: REASON"), status 2. As GNU's xstdopen, a closed fd
; 0, 1 or 2 is first opened on /dev/full or /dev/null (a closed stdout:
; quiet as /dev/null); after its cmp(), GNU closes both files: "-" twice
; closes fd 0 twice, "cmp: -: Bad file descriptor", status 2.

%include "subk.inc"
use error, errno_path, stat_same, cmp_seek, write_all, u64toa, hexval, posixly

BUFSZ	equ 65536
OUTSZ	equ 1024
SMALL	equ 512		; the first block's first read (in the page of the variables)
; The two files' struct stat64 (layouts.inc: fstat64 gives what is read,
; type, size, st_blksize, inode and device, on every kernel; statx would
; need its fallback before Linux 4.11), STAT_SHIFT bits apart: a power of
; two, so that the file's number shifted is its record's place.
STAT_SHIFT equ 7 + (ST64_RECORD > 128)
M_FIRST	equ 0		; GNU's comparison types
M_ALL	equ 1		; -l
M_NOOUT	equ 2		; stdout is /dev/null
M_STAT	equ 3		; -s

_start:
	pop_argv0			; xsp = &argv[1]

; gnulib's xstdopen, as GNU's cmp starts: a closed fd 0 is opened on
; /dev/full write-only, a closed 1 or 2 on /dev/null read-only (reading
; or writing them still fails, with EBADF), so no file takes their place,
; and a closed stdout is /dev/null: quiet (M_NOOUT). ebp = the fd.
	xor ebp, ebp
.stdopen:
	sys fcntl, ebp, F_GETFD
	test eax, eax
	jns .std_next
	mov A1d, devnull
	xor A2d, A2d			; O_RDONLY
	test ebp, ebp
	jnz .std_open
	mov A1d, devfull
	inc A2d				; O_WRONLY
.std_open:
	sys open
.std_next:
	inc ebp
	cmp ebp, 3
	jb .stdopen
	or dword [limit], -1
	or dword [limit+4], -1
	mov xax, ARGV0
	mov [lastarg], xax
	mov dword [opos], obuf
	mov xsi, xsp
	mov xdi, xsp

; The arguments, as GNU's getopt_long with permutation (unless
; POSIXLY_CORRECT is set: then the first operand ends the options, as
; "--" does): xsi reads, xdi collects the operands (NULL after them at
; the end).
.arg:
	mov xax, [xsi]
	add xsi, W
	mov [xdi], xax
	test xax, xax
	jz .args_done
	mov [lastarg], xax
	cmp byte [dashdash], 0		; after "--": operands only
	jne .operand
	cmp byte [xax], '-'
	jne .operand
	mov cl, [xax+1]
	test cl, cl
	jz .operand
	cmp cl, '-'
	jne .short
	cmp byte [xax+2], 0
	jne .long
.dashdash:
	mov byte [dashdash], 1		; "--" itself is not kept
	jmp .arg
.operand:
	add xdi, W
	call posixly			; (xsi: the next slot) POSIXLY_CORRECT:
	jnc .dashdash			; getopt stops at the first operand
	jmp .arg

; A cluster "-bl", "-n5", "-n 5": xbx walks it.
.short:
	lea xbx, [xax+1]
.letter:
	mov al, [xbx]
	inc xbx
	test al, al
	jz .arg
	cmp al, 'i'
	je .with_arg
	cmp al, 'n'
	je .with_arg
	call flag_opt
	jmp .letter
.with_arg:
	mov xdx, xbx
	cmp byte [xdx], 0
	jne .got_arg
	mov xdx, [xsi]
	test xdx, xdx
	jz .missing
	mov [lastarg], xdx
	add xsi, W
.got_arg:
	call arg_opt
	jmp .arg
.missing:
	movzx eax, al
	push xax
	mov xdx, xsp
	mov esi, fmt_missing
	jmp usage_fail

; "--NAME[=VALUE]": xax = the argument. Each entry of LONGOPTS is a code
; (0x80: takes an argument) and a name; ecx = the length of NAME, xbx =
; VALUE or 0; xbp = the entry matched (the first prefix), edx counts the
; prefixes matched, as glibc's: a later one with the first's code is its
; alias (--quiet of --silent), not counted; each counted one is added to
; ambbuf's list (" '--name'", in the table's order: GNU's), which an
; ambiguity prints ("--=": every option).
.long:
	push xsi
	push xdi
	mov [curarg], xax
	lea xsi, [xax+2]
	xor ebx, ebx
.len:
	lodsb
	test al, al
	jz .len_end
	cmp al, '='
	jne .len
	mov xbx, xsi
.len_end:
	mov xax, [curarg]
	lea ecx, [esi-3]
	sub ecx, eax
	xor edx, edx
	mov edi, LONGOPTS
	mov dword [ambp], ambbuf
.entry:
	cmp byte [xdi], 0
	je .entries_done
	push xdi
	inc xdi
	mov xsi, [curarg]
	add xsi, 2
	push xcx
	cmp eax, eax                    ; (ZF=1: an empty NAME matches all)
	repe cmpsb
	pop xcx
	pop xax
	jne .next_entry
	cmp byte [xdi], 0
	je .exact
	test edx, edx
	jnz .later
	mov ebp, eax
	jmp short .count
.later:
	push xcx
	mov cl, [xax]
	cmp cl, [xbp]
	pop xcx
	je .next_entry                  ; an alias of the first
.count:
	inc edx
	push xax
	mov edi, [ambp]
	mov dword [xdi], " '--"
	add edi, 4
	lea esi, [eax+1]
.amb_copy:
	lodsb
	stosb
	test al, al
	jnz .amb_copy
	mov byte [xdi-1], "'"
	mov [ambp], edi
	pop xax
.next_entry:
	mov edi, eax
.skip_name:
	inc edi
	cmp byte [xdi], 0
	jne .skip_name
	inc edi
	jmp .entry
.ambiguous:
	mov ecx, ambbuf
	mov edi, [ambp]
	mov byte [xdi], 0
	mov esi, fmt_ambiguous
	jmp usage_fail
.exact:
	mov ebp, eax
	push 1
	pop xdx
.entries_done:
	cmp edx, 1
	mov xdx, [curarg]
	mov esi, fmt_unrecognized
	jb usage_fail
	ja .ambiguous
	mov al, [xbp]
	lea xdx, [xbp+1]
	test al, al
	js .long_arg
	mov esi, fmt_no_arg
	test xbx, xbx
	jnz usage_fail
	cmp al, '?'                     ; --version, --help: refused (with a
	mov esi, fmt_unrecognized       ; VALUE, glibc's "doesn't allow an
	mov xdx, [curarg]               ; argument" first)
	je usage_fail
	pop xdi
	pop xsi
	call flag_opt
	jmp .arg
.long_arg:
	and al, 0x7f
	pop xdi
	pop xsi
	test xbx, xbx
	jnz .long_value
	mov xbx, [xsi]
	test xbx, xbx
	jz .long_requires
	mov [lastarg], xbx
	add xsi, W
.long_value:
	mov xdx, xbx
	call arg_opt
	jmp .arg
.long_requires:
	mov esi, fmt_requires
	jmp usage_fail

; The operands: FILE1 [FILE2 [SKIP1 [SKIP2]]] (xbp walks them).
.args_done:
	mov xbp, xsp
	mov xdx, [lastarg]
	mov esi, fmt_no_operand
	mov xax, [xbp]
	test xax, xax
	jz usage_fail
	mov [name0], xax
	mov eax, dash
	mov xcx, [xbp+W]
	test xcx, xcx
	jz .one
	xchg xax, xcx
	mov [name1], xax
	mov xsi, [xbp+2*W]
	test xsi, xsi
	jz .named
	mov edi, ign0
	xor edx, edx
	call spec_ign
	mov xsi, [xbp+3*W]
	test xsi, xsi
	jz .named
	mov edi, ign1
	xor edx, edx
	call spec_ign
	mov xdx, [xbp+4*W]
	mov esi, fmt_extra
	test xdx, xdx
	jnz usage_fail
	jmp .named
.one:
	mov [name1], xax
.named:

; Open both (FILE2 first when it is "-": f1 = f ^ swap); for f = 1, the
; same names with the same skips are the same file, once one is open.
; xbp = f.
	xor ebp, ebp
	mov xax, [name1]
	cmp word [xax], '-'
	sete [swap]
.open_one:
	test ebp, ebp
	jz .no_check
	call same_names
.no_check:
	mov eax, ebp
	xor al, [swap]
	mov [cur], eax
	mov xsi, [name0 + xax*W]
	xor eax, eax				; stdin: fd 0
	cmp word [xsi], '-'
	je .have_fd
	sys open, xsi, O_RDONLY|O_LARGEFILE
	test eax, eax
	jns .have_fd
	cmp byte [mode], M_STAT
	je exit2
.open_failed:
	mov ecx, [cur]
	mov xsi, [name0 + xcx*W]
	jmp die_name
.have_fd:
	mov ecx, [cur]
	mov [fd0 + xcx*4], eax
	shl ecx, STAT_SHIFT
	lea A2d, [xcx + stat0]
	xchg eax, A1d
	sys fstat64, A1
	test eax, eax
	js .open_failed
	inc ebp
	cmp ebp, 2
	jb .open_one

; Both open: the positions after the skips, then GNU's shortcuts.
.opened:
	mov eax, [fd0]
	mov esi, ign0
	mov edi, pos0
	call cmp_seek
	mov eax, [fd1]
	mov esi, ign1
	mov edi, pos1
	call cmp_seek
	mov esi, stat0
	mov edi, stat1
	call stat_same
	jne .not_same
	mov eax, [pos0]
	mov edx, [pos0+4]
	xor eax, [pos1]
	xor edx, [pos1+4]
	or eax, edx
	jz exit0
.not_same:
	cmp byte [mode], M_STAT
	je .status_sizes

; stdout on /dev/null: no line counting, no line in the EOF message.
	sys fstat64, 1, ost
	test eax, eax
	js .sizes
	sys stat64, devnull, nst
	test eax, eax
	js .sizes
	movx xsi, A2			; nst (kept by the call)
	mov edi, ost
	call stat_same
	jne .sizes
	mov byte [mode], M_NOOUT
	jmp .sizes

; -s and two regular files: sizes past the positions (at least 0) that
; differ, the smaller below LIMIT: different.
.status_sizes:
	xor ebx, ebx
	call left_bytes
	jc .sizes
	call clamp0
	mov [tmp0], eax
	mov [tmp0+4], edx
	inc ebx
	call left_bytes
	jc .sizes
	call clamp0				; s1 = edx:eax, s0 = [tmp0]
	mov ecx, eax
	xor ecx, [tmp0]
	mov ebx, edx
	xor ebx, [tmp0+4]
	or ecx, ebx
	jz .sizes
	cmp eax, [tmp0]
	mov ecx, edx
	sbb ecx, [tmp0+4]
	jb .s_min
	mov eax, [tmp0]
	mov edx, [tmp0+4]
.s_min:						; edx:eax = the smaller
	cmp eax, [limit]
	sbb edx, [limit+4]
	jb exit1

; -l: the width of the byte numbers, from min(LIMIT, 2^63-1) and each
; regular file's bytes past its position (signed: the digits of its
; absolute value, as GNU's loop of divisions by 10).
.sizes:
	cmp byte [mode], M_ALL
	jne .skip_read
	mov eax, [limit]
	mov edx, [limit+4]
	test edx, edx
	jns .max_ok
	or eax, -1
	mov edx, 0x7fffffff
.max_ok:
	mov [tmp0], eax
	mov [tmp0+4], edx
	xor ebx, ebx
.max_file:
	call left_bytes
	jc .max_next
	store64_unless ge, ecx, tmp0	; the smaller one kept
.max_next:
	inc ebx
	cmp ebx, 2
	jb .max_file
	mov eax, [tmp0]
	mov edx, [tmp0+4]
	test edx, edx                   ; GNU's digit loop counts a negative
	jns .digits                     ; number's digits (a file read from
	neg eax                         ; past its end)
	adc edx, 0
	neg edx
.digits:
	mov edi, numend
	call u64toa
	mov eax, numend
	sub eax, edi
	mov [width], eax

; Skips that lseek could not make: read and drop them.
.skip_read:
	xor ebp, ebp
.skip_file:
	mov eax, [ign0 + xbp*8]
	or eax, [ign0 + xbp*8 + 4]
	jz .skip_next
	cmp dword [pos0 + xbp*8 + 4], -1
	jne .skip_next
	cmp dword [pos0 + xbp*8], -1
	jne .skip_next
.skip_more:
	mov eax, BUFSZ
	cmp dword [ign0 + xbp*8 + 4], 0
	jne .skip_n
	cmp eax, [ign0 + xbp*8]
	jb .skip_n
	mov eax, [ign0 + xbp*8]
.skip_n:
	push xax
	mov ecx, [fd0 + xbp*4]
	mov esi, buf0
	call read_full
	pop xcx
	test eax, eax
	js .skip_error
	cmp eax, ecx
	jne .skip_next
	sub [ign0 + xbp*8], eax
	sbb dword [ign0 + xbp*8 + 4], 0
	mov eax, [ign0 + xbp*8]
	or eax, [ign0 + xbp*8 + 4]
	jnz .skip_more
.skip_next:
	inc ebp
	cmp ebp, 2
	jb .skip_file
	jmp compare
.skip_error:
	mov xsi, [name0 + xbp*W]
	jmp die_name

; same_names - for f = 1: the same skips and names mean the same file.
same_names:
	mov eax, [ign0]
	mov edx, [ign0+4]
	xor eax, [ign1]
	xor edx, [ign1+4]
	or eax, edx
	jnz .ret
	mov xsi, [name0]
	mov xdi, [name1]
.cmp:
	lodsb
	scasb
	jne .ret
	test al, al
	jnz .cmp
	jmp exit0
.ret:
	ret

; left_bytes - ebx = 0 or 1: CF=1 when that file is not a regular file;
; else edx:eax = its size minus its position (signed). clobbers xsi
left_bytes:
	mov esi, ebx
	shl esi, STAT_SHIFT
	mov eax, [xsi + stat0 + ST64_MODE]
	and eax, S_IFMT
	cmp eax, S_IFREG
	stc
	jne .ret
	sub64 xsi + stat0 + ST64_SIZE, pos0 + xbx*8
	clc
.ret:
	ret

; clamp0 - edx:eax = 0 when it is negative.
clamp0:
	test edx, edx
	jns .ret
	xor eax, eax
	xor edx, edx
.ret:
	ret

; compare - GNU's cmp(): blocks of both files until a difference, an end
; or LIMIT.
compare:
	mov byte [bytenum], 1
	mov byte [linenum], 1
	mov byte [atls], 1
	mov dword [p0], sbuf0
	mov dword [p1], sbuf1
; GNU's block: buffer_lcm of the files' st_blksize (0: the other one, or
; 8192 for both), at most BUFSZ.
	mov eax, [stat0 + ST64_BLKSIZE]	; (32 bits of them)
	mov ecx, [stat1 + ST64_BLKSIZE]
	test eax, eax
	jnz .a
	xchg eax, ecx
	test eax, eax
	jnz .a
	mov ah, 8192 >> 8
.a:
	test ecx, ecx
	jnz .b
	mov ecx, eax			; (lcm (a, a) = a)
.b:
	mov ebx, eax
.mult:					; the least multiple of a that b divides
	cmp eax, BUFSZ
	ja .big
	push xax
	xor edx, edx
	div ecx
	pop xax
	test edx, edx
	jz .bsize
	add eax, ebx
	jmp .mult
.big:
	mov eax, BUFSZ
.bsize:
	mov [bsize], eax
.block:
	mov ecx, [bsize]
	cmp dword [limit+4], -1
	jne .limited
	cmp dword [limit], -1
	je .unlimited
.limited:
	cmp dword [limit+4], 0
	jne .lim_sub
	cmp ecx, [limit]
	jb .lim_sub
	mov ecx, [limit]
.lim_sub:
	sub [limit], ecx
	sbb dword [limit+4], 0
.unlimited:
	mov [want], ecx
	xor ebx, ebx
	call read_part
	mov xsi, [name0]
	js die_name
	mov [read0], eax
	inc ebx
	call read_part
	mov xsi, [name1]
	js die_name
	mov [read1], eax
	mov ecx, [read0]
	cmp eax, ecx
	jae .smaller
	mov ecx, eax
.smaller:
	mov [smaller], ecx
	xor edx, edx
	call find_diff				; edx = first_diff
	push xdx
	add [bytenum], edx
	adc dword [bytenum+4], 0
	cmp byte [mode], M_FIRST
	jne .counted
	test edx, edx
	jz .counted
	mov ecx, edx
	mov esi, [p0]
	call count_nl
	add [linenum], eax
	adc dword [linenum+4], 0
	pop xdx
	push xdx
	mov esi, [p0]
	cmp byte [xsi + xdx - 1], 10
	sete [atls]
.counted:
	pop xdx
	cmp edx, [smaller]
	jae .no_diff
	movzx eax, byte [mode]
	cmp al, M_NOOUT
	je .diff_noout
	jb .print
	jmp exit1				; -s
.diff_noout:
	mov byte [differing], 1
	jmp .no_diff
.print:
	mov [cur], edx
	mov edi, [opos]
	test eax, eax
	jnz .all
	mov xsi, [name0]
	call put_str
	mov al, ' '
	call put_byte
	mov xsi, [name1]
	call put_str
	mov esi, str_differ
	cmp byte [pbytes], 0
	je .differ
	mov esi, str_differ_b
.differ:
	call put_str
	mov eax, [bytenum]
	mov ecx, [bytenum+4]
	call put_u64
	mov esi, str_line
	call put_str
	mov eax, [linenum]
	mov ecx, [linenum+4]
	call put_u64
	cmp byte [pbytes], 0
	je .newline
	mov esi, str_is
	call put_str
	xor ebx, ebx
	call .both_bytes
.newline:
	mov al, 10
	call put_byte
	mov [opos], edi
	jmp exit1

; .both_bytes: "%3o %s %3o %s" of buf0's and buf1's byte at [cur]; with
; bl = 1 (-l -b) "%3o %-4s %3o %s".
.both_bytes:
	mov edx, [cur]
	add edx, [p0]
	mov al, [xdx]
	call .one_byte				; ecx = the length of its %s
	mov al, ' '
	test bl, bl
	jz .sep
	neg ecx
	add ecx, 5
.pad:
	call put_byte
	loop .pad
	jmp .second
.sep:
	call put_byte
.second:
	mov edx, [cur]
	add edx, [p1]
	mov al, [xdx]
.one_byte:
	push xax
	call put_oct3
	mov al, ' '
	call put_byte
	pop xax
	jmp put_char

; -l: every difference of the block from edx on; bytenum becomes the
; number of the block's first byte, then of the byte after it.
.all:
	mov byte [differing], -1
	sub [bytenum], edx
	sbb dword [bytenum+4], 0
.all_diff:
	mov [cur], edx
	mov eax, [bytenum]
	mov ecx, [bytenum+4]
	add eax, edx
	adc ecx, 0
	mov ebx, [width]
	call put_u64w
	mov al, ' '
	call put_byte
	cmp byte [pbytes], 0
	je .all_octal
	mov bl, 1
	call .both_bytes
	jmp .all_nl
.all_octal:
	mov edx, [cur]
	add edx, [p0]
	mov al, [xdx]
	call put_oct3
	mov al, ' '
	call put_byte
	mov edx, [cur]
	add edx, [p1]
	mov al, [xdx]
	call put_oct3
.all_nl:
	mov al, 10
	call put_byte
	mov edx, [cur]
	inc edx
	mov ecx, [smaller]
	call find_diff				; the next one
	cmp edx, [smaller]
	jb .all_diff
	mov [opos], edi
	add [bytenum], edx
	adc dword [bytenum+4], 0

; Different lengths: GNU's EOF message on the shorter one (not with -s,
; nor after a difference with stdout on /dev/null), status 1.
.no_diff:
	mov eax, [read0]
	cmp eax, [read1]
	je .same_len
	cmp byte [differing], 0
	jg exit1
	cmp byte [mode], M_STAT
	je exit1
	mov xax, [name0]
	mov ecx, [read1]
	cmp ecx, [read0]
	jae .shorter
	mov xax, [name1]
.shorter:
	push xax
	mov edi, tail
	mov eax, [bytenum]
	dec eax
	or eax, [bytenum+4]
	mov esi, str_empty
	jz .eof_say
	mov esi, str_after
	call copy_tail
	mov eax, [bytenum]
	mov edx, [bytenum+4]
	sub eax, 1
	sbb edx, 0
	call tail_u64
	cmp byte [mode], M_FIRST
	jne .eof_end
	mov esi, str_in_line
	mov eax, [linenum]
	mov edx, [linenum+4]
	cmp byte [atls], 0
	je .in_line
	mov esi, str_line
	sub eax, 1
	sbb edx, 0
.in_line:
	push xdx
	push xax
	call copy_tail
	pop xax
	pop xdx
	call tail_u64
.eof_end:
	mov esi, empty
.eof_say:
	call copy_tail
	mov byte [xdi], 0
	mov ecx, tail
	pop xdx
	mov esi, fmt_eof
	xor eax, eax
	call say
	jmp exit1
.same_len:
	cmp byte [differing], 0
	jg exit1
	cmp eax, [bsize]
	jne .blocks_done
	mov dword [p0], buf0
	mov dword [p1], buf1
	jmp .block
.blocks_done:
	cmp byte [differing], 0
	jne exit1
; fall through
exit0:
	xor eax, eax
	jmp finish
exit2:
	push 2
	pop xax
	jmp finish
exit1:
	push 1
	pop xax
; finish - eax = the status: flush what is buffered; a write that failed
; makes it 2 with GNU's message (check_stdout, only for status 1 and
; output that was printed).
finish:
; After GNU's cmp() (bsize is set) both files are closed: "-" twice is
; fd 0 closed twice (fd 0 is no other file: xstdopen), and the second
; close fails; that message comes before check_stdout's, status 2.
	mov ecx, [fd0]
	or ecx, [fd1]
	jnz .closed
	cmp [bsize], ecx
	je .closed
	mov esi, dash
	push -EBADF
	pop xax
	jmp die_name
.closed:
	push xax
	call flush
	pop xax
	cmp dword [werr], 0
	je .bye
	test eax, eax
	jz .bye
	cmp byte [mode], M_NOOUT
	jae .bye
	mov esi, msg_stdout
	mov eax, [werr]
	cmp dword [outtotal+4], 0
	jne .failed
	cmp dword [outtotal], 4096
	jbe .report
.failed:
	mov esi, msg_failed
	xor eax, eax
.report:
	call err_text
	push 2
	pop xax
.bye:
	sys exit, xax

; die_name - "cmp: NAME: REASON" (xsi = NAME, xax = -errno), status 2.
die_name:
	push xax
	push xsi
	call flush
	pop xsi
	pop xax
	call err_text
	sys exit, 2

; usage_fail - xsi = a format (F_ARG: xdx), then GNU's Try line with its
; "cmp: " before it; status 2.
usage_fail:
	xor eax, eax
	call say
	mov esi, fmt_try_cmp
	mov edx, esi
	xor eax, eax
	call say
	sys exit, 2

; flag_opt - al = b, c, l or s (from a cluster or a long option).
flag_opt:
	cmp al, 'b'
	je .bytes
	cmp al, 'c'
	je .bytes
	mov ah, M_ALL
	cmp al, 'l'
	je .mode
	mov ah, M_STAT
	cmp al, 's'
	je .mode
	movzx eax, al
	push xax
	mov xdx, xsp
	mov esi, fmt_invalid
	jmp usage_fail
.mode:
	mov cl, [mode]
	test cl, cl
	jz .set
	cmp cl, ah
	je .set
	mov esi, fmt_l_s
	mov edx, esi
	jmp usage_fail
.set:
	mov [mode], ah
	ret
.bytes:
	mov byte [pbytes], 1
	ret

; arg_opt - al = i or n, xdx = its argument. Keeps xsi, xdi.
arg_opt:
	push xsi
	push xdi
	mov xsi, xdx
	cmp al, 'n'
	jne .ignore
	push xsi
	call parse_num
	pop xdx
	mov esi, fmt_bad_bytes
	jc usage_fail
	test al, al
	jnz usage_fail
	mov eax, [num]
	mov edx, [num+4]
	cmp eax, [limit]
	mov ecx, edx
	sbb ecx, [limit+4]
	jae .ret
	mov [limit], eax
	mov [limit+4], edx
	jmp .ret
.ignore:
	mov edi, ign0
	mov dl, ':'
	call spec_ign
	cmp byte [xsi], ':'
	jne .both
	inc xsi
	mov edi, ign1
	xor edx, edx
	call spec_ign
	jmp .ret
.both:					; ign1 = max(ign1, ign0)
	mov eax, [ign1]
	mov edx, [ign1+4]
	cmp eax, [ign0]
	sbb edx, [ign0+4]
	jae .ret
	mov eax, [ign0]
	mov edx, [ign0+4]
	mov [ign1], eax
	mov [ign1+4], edx
.ret:
	pop xdi
	pop xsi
	ret

; spec_ign - GNU's specify_ignore_initial: xsi = the value, dl = the
; delimiter that may end it (':' or 0), edi = ign0 or ign1 (made the
; larger of it and the value). out: xsi at where it ended.
; clobbers xax, xbx, xcx, xdx
spec_ign:
	push xsi
	push xdx
	call parse_num
	pop xdx
	pop xcx
	jc .bad
	test al, al
	jz .ok
	cmp al, dl
	jne .bad
.ok:
	mov eax, [num]
	mov edx, [num+4]
	test edx, edx
	js .bad
	store64_unless b, ebx, xdi	; the larger one kept
.ret:
	ret
.bad:
	mov xdx, xcx
	mov esi, fmt_bad_ign
	jmp usage_fail

; parse_num - gnulib's xstrtoimax(s, &end, 0, &val, "kKMGTPEZY0") for a
; value that must not be negative (GNU's cmp: -0 is 0).
; in:  xsi = the string
; out: CF=1 when invalid (no number, a minus, an overflow); else [num] =
;      the value, xsi at the first byte not taken, al = that byte (0: the
;      whole string).
; clobbers: xax, xbx, xcx, xdx
parse_num:
	xor eax, eax
	mov [num], eax
	mov [num+4], eax
	mov [ovf], al
	mov [neg], al
	mov xbx, xsi
.ws:
	mov al, [xsi]
	inc xsi
	cmp al, ' '
	je .ws
	lea ecx, [eax-9]
	cmp cl, 5
	jb .ws
	cmp al, '-'
	jne .plus
	inc byte [neg]
	jmp .base
.plus:
	cmp al, '+'
	je .base
	dec xsi
.base:
	mov ecx, 10
	base_prefix cl, .digits		; "0": 8; "0x": al = the next digit's value
	jc .digits
	cmp al, 16
	jae .digits
	add xsi, 2
	mov cl, 16
.digits:
	push xsi
.digit:
	mov al, [xsi]
	call hexval
	jc .digits_end
	cmp al, cl
	jae .digits_end
	inc xsi
	movzx eax, al
	push xax
	call mul_num
	pop xax
	jc .overflow
	add [num], eax
	adc dword [num+4], 0
	jnc .digit
.overflow:
	mov byte [ovf], 1
	jmp .digit
.digits_end:
	pop xdx
	cmp xdx, xsi
	jne .suffix
	mov xsi, xbx				; no digits: the string itself,
	mov byte [num], 1			; 1 if it starts with a suffix
	mov al, [xsi]
	call suffix_power
	jc .bad
.suffix:
	mov al, [xsi]
	call suffix_power			; ecx = the power
	jc .end					; (not a suffix: ends the number)
	mov ebx, 1024
	inc xsi
	mov al, [xsi]
	cmp al, 'B'
	je .si
	cmp al, 'D'
	je .si
	cmp al, 'i'
	jne .scale
	cmp byte [xsi+1], 'B'
	jne .scale
	add xsi, 2
	jmp .scale
.si:
	inc xsi
	mov ebx, 1000
.scale:
	push xcx
	mov ecx, ebx
	call mul_num
	pop xcx
	jnc .scaled
	mov byte [ovf], 1
.scaled:
	loop .scale
; xstrtoimax's range: 0 .. 2^63-1, and -0.
.end:
	cmp byte [ovf], 0
	jne .bad
	mov eax, [num]
	mov edx, [num+4]
	test edx, edx
	js .bad
	cmp byte [neg], 0
	je .ok
	or eax, edx
	jnz .bad
.ok:
	mov al, [xsi]
	clc
	ret
.bad:
	stc
	ret

; suffix_power - al: CF=1 when not a suffix letter, else ecx = its power
; of 1024 (k K 1, M 2, G 3, T 4, P 5, E 6, Z 7, Y 8).
suffix_power:
	test al, al
	jz .no
	push xdi
	mov edi, suffixes
	mov ecx, suffixes_end - suffixes
	repne scasb
	jne .not
	mov ecx, [xdi + suffixes_end - suffixes - 1]
	movzx ecx, cl
	pop xdi
	ret
.not:
	pop xdi
.no:
	stc
	ret

; mul_num - [num] *= ecx; CF=1 on overflow ([num] then undefined).
; clobbers xax, xdx
mul_num:
	push xbx
	mov eax, [num+4]
	mul ecx
	xchg eax, ebx
	test edx, edx
	jnz .over
	mov eax, [num]
	mul ecx
	add edx, ebx
	jc .over
	mov [num], eax
	mov [num+4], edx
	pop xbx
	ret
.over:
	stc
	pop xbx
	ret

; read_part - file ebx's part of the block: [want] bytes (fewer only at
; its end) at [p0 + xbx*4]. The first block goes to the small buffer;
; when that fills, its bytes move to the big one and the rest of GNU's
; block is read after them, so nothing of a block is compared before it
; is in whole (a read error drops it, as GNU's). out: eax = the bytes
; read, or -errno (SF). clobbers xcx, xdx, xsi, xdi, A1..A3
read_part:
	push xbx			; (i386: read_full's A1)
	mov ecx, [fd0 + xbx*4]
	mov esi, [p0 + xbx*4]
	mov eax, [want]
	cmp esi, sbuf0			; (the small ones are after the big)
	jb .whole
	cmp eax, SMALL
	jbe .whole
	push xcx
	push xsi
	mov eax, SMALL
	call read_full
	pop xsi
	pop xdx
	js .ret
	cmp eax, SMALL
	jne .ret			; the end: all of it
	mov ebx, [xsp]
	imul edi, ebx, BUFSZ + 16
	add edi, buf0
	mov [p0 + xbx*4], edi
	xchg eax, ecx
	rep movsb
	mov esi, edi
	mov eax, [want]
	sub eax, SMALL
	mov ecx, edx
	call read_full
	js .ret
	add eax, SMALL
	jmp .ret
.whole:
	call read_full
.ret:
	pop xbx
	test eax, eax
	ret

; read_full - GNU's block_read: read(ecx = fd) into esi until eax = the
; count asked is in, or the end. out: eax = the bytes read, or -errno
; (SF). clobbers xcx, xdx, A1..A3
read_full:
	mov [rfd], xcx
	mov [rbuf], xsi
	mov [rleft], eax
	and dword [rgot], 0
.more:                                  ; (read at least once, as GNU's
	mov A3d, [rleft]                ; do-while: a directory's read of 0
	sys read, [rfd], [rbuf]         ; bytes fails, EISDIR)
	read_result eax, .more, .ret, .done
	add [rbuf], xax
	add [rgot], eax
	sub [rleft], eax
	jnz .more
.done:
	mov eax, [rgot]
.ret:
	test eax, eax
	ret

; find_diff - the first edx (from edx on, below ecx) where buf0 and buf1
; differ, else ecx. 16 bytes at a time (the buffers have 16 more).
; clobbers xax
find_diff:
	push xsi
	push xbx
	mov esi, [p0]
	mov ebx, [p1]
.chunk:
	cmp edx, ecx
	jae .end
	movdqu xmm0, [xsi + xdx]
	movdqu xmm1, [xbx + xdx]
	pcmpeqb xmm0, xmm1
	pmovmskb eax, xmm0
	xor eax, 0xffff
	jnz .found
	add edx, 16
	jmp .chunk
.found:
	bsf eax, eax
	add edx, eax
.end:
	cmp edx, ecx
	jbe .ret
	mov edx, ecx
.ret:
	pop xbx
	pop xsi
	ret

; count_nl - eax = the newlines in ecx bytes at esi (16 at a time).
; clobbers xcx, xdx, xmm0..xmm5
count_nl:
	mov eax, 0x0a0a0a0a
	movd xmm4, eax
	pshufd xmm4, xmm4, 0
	mov eax, 0x01010101
	movd xmm3, eax
	pshufd xmm3, xmm3, 0
	pxor xmm2, xmm2
	pxor xmm5, xmm5
	xor edx, edx
.chunk:
	lea eax, [edx+16]
	cmp eax, ecx
	ja .tail
	movdqu xmm0, [xsi + xdx]
	pcmpeqb xmm0, xmm4
	pand xmm0, xmm3
	psadbw xmm0, xmm2
	paddq xmm5, xmm0
	xchg eax, edx
	jmp .chunk
.tail:
	pshufd xmm0, xmm5, 0xee
	paddq xmm5, xmm0
	movd eax, xmm5
.byte:
	cmp edx, ecx
	jae .ret
	cmp byte [xsi + xdx], 10
	jne .next
	inc eax
.next:
	inc edx
	jmp .byte
.ret:
	ret

; Output: xdi = where the next byte goes in obuf.
; put_byte - al; put_str - the string at xsi (without its NUL).
; Both keep every register but xdi (and xsi for put_str, al).
put_str:
	lodsb
	test al, al
	jz put_byte.ret
	call put_byte
	jmp put_str
put_byte:
	stosb
	cmp edi, obuf + OUTSZ
	jae flush_at
.ret:
	ret

; flush - write what is buffered (flush_at: up to xdi); keeps all
; registers, xdi = obuf after. A failed write is kept in werr (the
; first one) and nothing more is written.
flush:
	mov edi, [opos]
flush_at:
	push xax
	push xcx
	push xdx
	push xsi
	push xbx
	mov A3d, edi
	sub A3d, obuf
	add [outtotal], A3d
	adc dword [outtotal+4], 0
	cmp dword [werr], 0
	jne .done
	push 1
	pop A1
	mov A2d, obuf
	call write_all
	mov [werr], eax
.done:
	mov edi, obuf
	mov [opos], edi
	pop xbx
	pop xsi
	pop xdx
	pop xcx
	pop xax
	ret

; put_oct3 - al as "%3o". clobbers xax, ecx
put_oct3:
	movzx ecx, al
	mov ah, ' '
	shr al, 6
	call .digit
	mov al, cl
	shr al, 3
	and al, 7
	call .digit
	mov al, cl
	and al, 7
	mov ah, '0'
.digit:
	test al, al
	jnz .nonzero
	mov al, ah
	jmp put_byte
.nonzero:
	add al, '0'
	mov ah, '0'
	jmp put_byte

; put_char - al as GNU's sprintc: M- for 128 and up, ^X for the controls,
; ^? for DEL. out: ecx = the bytes put. clobbers xax
put_char:
	xor ecx, ecx
	test al, al
	jns .low
	push xax
	mov al, 'M'
	call put_byte
	mov al, '-'
	call put_byte
	pop xax
	add ecx, 2
	and al, 0x7f
.low:
	cmp al, ' '
	jae .del
	add al, 64
	jmp .caret
.del:
	cmp al, 0x7f
	jne .put
	mov al, '?'
.caret:
	push xax
	mov al, '^'
	call put_byte
	inc ecx
	pop xax
.put:
	inc ecx
	jmp put_byte

; put_u64 - ecx:eax in decimal; put_u64w - the same right-aligned in
; ebx columns. clobbers xax, xbx, xcx, xdx, xsi
put_u64:
	xor ebx, ebx
put_u64w:
	push xbx
	push xdi
	mov edx, ecx
	mov edi, numend
	call u64toa
	mov xsi, xdi
	pop xdi
	pop xbx
	mov eax, numend
	sub eax, esi
	sub ebx, eax
	jle put_str
.pad:
	mov al, ' '
	call put_byte
	dec ebx
	jnz .pad
	jmp put_str

; copy_tail - the string at esi to edi; tail_u64 - edx:eax in decimal to
; edi. Both leave edi past what they wrote.
copy_tail:
	lodsb
	test al, al
	jz .ret
	stosb
	jmp copy_tail
.ret:
	ret
tail_u64:
	push xdi
	mov edi, numend
	call u64toa
	mov xsi, xdi
	pop xdi
	jmp copy_tail

LONGOPTS:
	db 'b', 'print-bytes', 0
	db 'c', 'print-chars', 0
	db 'i'|0x80, 'ignore-initial', 0
	db 'l', 'verbose', 0
	db 'n'|0x80, 'bytes', 0
	db 's', 'silent', 0
	db 's', 'quiet', 0
	db '?', 'version', 0
	db '?', 'help', 0
	db 0
suffixes:	db 'kKMGTPEZY'
suffixes_end:	db 1, 1, 2, 3, 4, 5, 6, 7, 8
fmt_try_cmp:	db F_ARGV0, ": Try '", F_ARGV0, " --help' for more information.", 10, 0
fmt_invalid:	db F_ARGV0, ": invalid option -- '", F_ARG, "'", 10, 0
fmt_missing:	db F_ARGV0, ": option requires an argument -- '", F_ARG, "'", 10, 0
fmt_unrecognized: db F_ARGV0, ": unrecognized option '", F_ARG, "'", 10, 0
fmt_no_arg:	db F_ARGV0, ": option '--", F_ARG, "' doesn't allow an argument", 10, 0
fmt_requires:	db F_ARGV0, ": option '--", F_ARG, "' requires an argument", 10, 0
fmt_ambiguous:	db F_ARGV0, ": option '", F_ARG, "' is ambiguous; possibilities:", F_TEXT, 10, 0
fmt_l_s:	db F_ARGV0, ": options -l and -s are incompatible", 10, 0
fmt_bad_bytes:	db F_ARGV0, ": invalid --bytes value '", F_ARG, "'", 10, 0
fmt_bad_ign:	db F_ARGV0, ": invalid --ignore-initial value '", F_ARG, "'", 10, 0
fmt_no_operand:	db F_ARGV0, ": missing operand after '", F_ARG, "'", 10, 0
fmt_extra:	db F_ARGV0, ": extra operand '", F_ARG, "'", 10, 0
fmt_eof:	db 'cmp: EOF on ', F_ARG, F_TEXT, 10, 0
str_differ:	db ' differ: char ', 0
str_differ_b:	db ' differ: byte ', 0
str_line:	db ', line ', 0
str_in_line:	db ', in line ', 0
str_is:		db ' is ', 0
str_after:	db ' after byte ', 0
str_empty:	db ' which is empty', 0
msg_stdout:	db 'standard output', 0
msg_failed:	db 'write failed', 0
devnull:	db '/dev/null', 0
devfull:	db '/dev/full', 0
dash:		db '-'
empty:		db 0

BSS
; The big buffers first, then, from a page boundary, the variables, the
; small buffers of the first block and the output buffer in one page with
; the library's (i386: argv0, status): a small comparison touches only
; that page of the segment.
buf0:	resb BUFSZ + 16
buf1:	resb BUFSZ + 16
	resb (-(($ - $$) + ((_rw_vaddr + _data_size + W-1) & -W))) & (PAGE-1)
limit:	resd 2
ign0:	resd 2
ign1:	resd 2
pos0:	resd 2
pos1:	resd 2
bytenum: resd 2
linenum: resd 2
num:	resd 2
outtotal: resd 2
tmp0:	resd 2
rfd:	resW 1
rbuf:	resW 1
name0:	resW 1
name1:	resW 1
lastarg: resW 1
curarg:	resW 1
ambp:	resd 1                          ; the end of ambbuf's list
rleft:	resd 1
rgot:	resd 1
want:	resd 1
cur:	resd 1
bsize:	resd 1
p0:	resd 1
p1:	resd 1
fd0:	resd 1
fd1:	resd 1
read0:	resd 1
read1:	resd 1
smaller: resd 1
width:	resd 1
werr:	resd 1
opos:	resd 1
mode:	resb 1
pbytes:	resb 1
atls:	resb 1
differing: resb 1
ovf:	resb 1
dashdash: resb 1				; 1 after "--" (POSIXLY_CORRECT: an operand)
ambbuf:	resb 200                        ; an ambiguity's " '--name'" list
neg:	resb 1
swap:	resb 1
tail:	resb 100
	resb 24
numend:	resb 4                         ; stays 0: the NUL after u64toa's digits
stat0:	resb 1 << STAT_SHIFT
stat1:	resb ST64_RECORD
sbuf0:	resb SMALL + 16
sbuf1:	resb SMALL + 16
ost	equ sbuf0			; (used before the first block)
nst	equ sbuf1
obuf:	resb OUTSZ

program_end
