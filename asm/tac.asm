; tac - concatenate and print files in reverse, record by record.
;
; Usage: tac [-br] [-s SEP] [FILE]...
; (--before, --regex, --separator=SEP as GNU's getopt_long: prefixes too)
;   -b      the separator starts a record instead of ending it
;   -r      SEP is a regular expression, as GNU's: glibc's Emacs syntax
;           (re_syntax_options 0; rt/regex_emacs.inc), ^ and $ also at
;           newlines, the longest match at the rightmost start
;   -s SEP  records end (-b: start) with the string SEP, not a newline;
;           an empty SEP is a NUL byte (with -r it is an error, as GNU's)
; "-" and no FILE mean standard input. As GNU's, a last record without
; its separator is printed as it is (so "a\nb" gives "ba\n"), and matches
; of SEP are found from the end, never overlapping.
; Exit status: 0; 1 when a file could not be read (the others are still
; printed), on a write error, or for a -r SEP glibc refuses (its message).
; A failing stdout: every operand is still read (GNU goes on too), and
; "write error" is told at the end as GNU's close_stdout tells it after
; glibc's stdio: with its reason or bare by the output's size and stdout's
; st_blksize (see bye). A directory: GNU's read error (ext4: EINVAL, also
; for i386, which the kernel tells another size; tmpfs: EISDIR).
; With -r, GNU's buffer logic is followed step for step (see tac_re): ^
; \` \< \b match at the start of each of its reads, $ \' \> at the start
; of the last match, and its read size carries over from file to file,
; with its "memory exhausted" (and the output cut to whole 8 KiB writes)
; where that makes its buffer shrink.
; Differences from GNU: -r with a back reference (\1..\9) is searched
; by backtracking, bounded: past 2^24 steps or 4 MiB of stack at one
; start it fails with a message (GNU's matcher would go on); every way
; to match is tried, where glibc's matcher sometimes keeps a group's
; first (longest) text only (\(a*\)*\1 on "aba": GNU finds no match at
; the last a, this finds the empty one); a SPLIT met twice at one
; position on a path (an empty loop) is cut there. "failed to open FILE" quotes FILE as
; quote() does (GNU: shell-escape style, always quoted): they differ only
; for names with ' or control bytes. GNU's tac sometimes splits a
; multi-byte SEP whose candidate matches overlap (aba in ababa) wrongly
; where they cross one of its 8 KiB read boundaries; here (without -r)
; the matches are the same wherever they lie. GNU's tac copies every
; pipe to a temporary file; this one holds a pipe in memory while that
; stays under half of the memory limit GNU's sort would take (to_tmp),
; so a small pipe needs no file (and no working $TMPDIR: GNU's fails).
; Past that, the pipe goes to a file as GNU's: in $TMPDIR, else /tmp, as
; DIR/tacXXXXXX, whose name only GNU's messages show (DIR//tac... where
; GNU says DIR/tac... for a DIR ending in two slashes or more).
;
; A file that can seek is read from its end, CHUNK bytes at a time at
; offsets that are multiples of CHUNK (the first read, at the last such
; offset, gets the tail; like GNU's, a read of nothing there steps back
; for files whose size is only an estimate). The part of a record not
; yet printed stays at the top of a buffer at the program break, below
; which the next chunk is read; the buffer grows for long records. Other
; input (pipes, ttys, /proc) is read whole into the buffer first, or
; past the limit into a temporary file, then read from its end.
;
; Peak RSS: a trivial run (plain, or -r with a pattern of up to
; RE_SMALLPAT bytes; a file or a pipe of less than SMALL bytes) writes one
; BSS page: the variables, the regex's (rt/regex_emacs_bss.inc: its
; program and thread lists in re_small), the input read SMALL bytes into
; outbuf and the output below it. Bigger inputs use the brk buffer (a
; page for a plain 3000-byte file, whose output still fits on the
; variables' page), longer patterns re_big at the end of the BSS.
; [V(x)] has a byte displacement always ("byte"): with NASM's choice of
; size left open, a BSS_ROOM that skips to a page made the labels after
; it, and so the code's size, change from pass to pass until NASM gave
; up ("unable to find valid values for all labels").

%define FAST_SYSCALL                    ; i386: the vDSO's entry after 32 calls
%include "subk.inc"
%include "layout.inc"
use getopt_long, usage, err_file, errno_path, lseek64, quote_arg, err_plain
use outbuf, regex_emacs, tmp_file, write_all
%define OUT_POS V(opos)
%define OUT_FAIL wfail                  ; a failed write: remembered (returns)
%define RE_COMPLEX tac_re.die
%define LONGOPT_BSS_HERE                ; long_opt's ambp on the variables' page

OUTSZ   equ 65536
%define V(x) byte xbp + x - VB
CHUNK   equ 65536
HOLD    equ 1 << 20                   ; a pipe held: at least this (to_tmp)
SPIECE  equ 8192                        ; GNU's WRITESIZE
SMALL   equ 1040                        ; a small input (1 KiB fits): read SMALL above opos
%define RE_SMALLSZ 632                  ; -r: patterns of up to 11 bytes (more
                                        ; would move outbuf up: a plain 3000-byte
                                        ; output would then cross a page)
OPT_r   equ 1                           ; bits of [flags]: bit 4 of the
OPT_b   equ 0                           ; letter ('r' 0x72, 'b' 0x62)

_start:
	fast_syscall_init counted       ; i386: int 0x80 for the first 32 calls
	save_argv0
	mov ebp, VB                     ; xbp: the variables, all along
	getopt_init
	mov dword [V(opos)], outbuf
	mov dword [V(sep)], newline
	mov dword [V(rsize)], 8192      ; GNU's read_size, for -r
	mov dword [V(gsize)], 2*8192 + 2 ; and G_buffer_size
.opt:
	call getopt_long                ; al = the letter, xdx = SEP
	jc .operands
	cmp al, 's'
	je .sep
	shr eax, 4                      ; -r, -b (and --regex, --before):
	and eax, 1                      ; the letter's bit 4 is its flag's
	bts [V(flags)], eax
	jmp .opt
.sep:
	mov [V(sep)], xdx
	jmp .opt

; The operands are at xsp+2W up to xdi (none: "-"); [V(opnd)] walks them.
.operands:
	lea xax, [xsp + 2*W]
	cmp xdi, xax
	jne .list
	mov eax, dashes                 ; (not in argv: with no argument,
.list:                                  ; its NULL is before envp[0])
	mov [V(opnd)], xax

; The separator: its length; "" is the NUL byte, or an error with -r;
; -r takes only a SEP without metacharacters (a string that matches
; itself).
.separator:
	mov A2, [V(sep)]
	call strlen                     ; A3 = its length
	test byte [V(flags)], 1 << OPT_r
	jz .literal
	mov esi, msg_empty
	test A3, A3
	jz fail
	mov xsi, [V(sep)]
	call re_compile                 ; CF=1: xsi = glibc's message
	jc fail
.literal:
	test A3, A3
	jnz .length
	inc A3
.length:
	mov [V(seplen)], A3
	sys brk, 0
	mov [V(base)], xax
	mov [V(cap)], xax

.file:
	mov xsi, [V(opnd)]
	mov xsi, [xsi]
	test xsi, xsi
	jz .end
	xor eax, eax
	mov edx, msg_stdin
	cmp word [xsi], '-'
	je .stdin
	mov xdx, xsi
	sys open, xsi, O_RDONLY|O_LARGEFILE
	test eax, eax
	js .open_failed
	jmp .opened
.stdin:
	mov byte [V(stdin_used)], 1
.opened:
	mov [V(rname)], xdx
	mov [V(fd)], xax
	call tac_fd
	mov eax, [V(rname)]             ; stdin stays open (closed at the
	cmp eax, msg_stdin              ; end), and the temporary file
	je .next                        ; for the next pipe
	cmp eax, tname
	je .next
	sys close, [V(fd)]
.next:
	add WPTR [V(opnd)], W
	jmp .file
.open_failed:
	mov xdx, [V(opnd)]
	mov xdx, [xdx]
	mov esi, fmt_open
	call say_error
	jmp .next

; The end: as GNU's, stdin is closed when it was read, which fails when
; it was never open.
.end:
	call ob_flush
	cmp byte [V(stdin_used)], 0
	je bye
	sys close, 0
	test eax, eax
	jns bye
	and WPTR [V(ocnt)], 0           ; (GNU's error() flushes: bare, below)
	mov esi, dash
	call err_file

; The end, and a failing stdout told as GNU's close_stdout does: with the
; reason when fclose fails (bytes still pending in glibc's stdout buffer,
; or a closed stdout, whose close fails), bare when only the stream's
; error flag is set. GNU's output() hands stdio k = N div 8192 fwrite()s
; of 8192 bytes, then one of r = N mod 8192 (N: all its output, counted
; in ocnt, on after a failure too, as GNU goes on). stdio's buffer, made
; at the first fwrite, is B = st_blksize of stdout below 8192, else 8192.
; B < 8192: an fwrite of 8192 fails whole and leaves nothing; the last
; one stays pending when it fits: 0 < r < B, or r = B once the buffer
; exists (k > 0). B = 8192: the first fwrite of 8192 fails at once, the
; next one is only buffered, the next fails flushing it (its bytes lost)
; and so on; then r is buffered unless the buffer is full (which fails
; and leaves it empty): pending at the end when k > 0 is even and r = 0,
; or k is odd and r > 0: bit 13 of N - 1 set. (k = 0 as for B < 8192.)
bye:
	cmp dword [V(werr)], 0
	je .exit
	mov A2d, outbuf                 ; (done with)
	sys fstat64, 1                  ; (every kernel: statx would need
	mov ecx, [outbuf + ST64_BLKSIZE] ; its fallback before Linux 4.11)
	test eax, eax
	jnz .reason                     ; closed: GNU's fclose fails (EBADF)
	dec ecx
	cmp ecx, SPIECE - 1
	jb .b
	mov ecx, SPIECE - 1             ; ecx = B - 1
.b:
	mov xdx, [V(ocnt)]
	lea esi, [xdx - 1]              ; N - 1
	cmp xdx, SPIECE
	cmc
	adc ecx, 0                      ; B - 1, and 1 more when k > 0
	cmp ecx, SPIECE
	jne .small
	bt esi, 13
	jc .reason
	jmp .bare
.small:
	and esi, SPIECE - 1             ; r - 1 (r = 0: 8191)
	cmp esi, ecx
	jb .reason
.bare:
	and dword [V(werr)], 0
.reason:
	mov eax, [V(werr)]
	mov esi, msg_write
	call err_text
.exit:
	exit_status

; wfail - outbuf's OUT_FAIL, jumped to from ob_flush or ob_write on a
; failed write (xax = -errno): the errno is kept for bye and the run goes
; on (GNU reads on and tries each write); returns to ob_flush's caller.
wfail:
	mov [V(werr)], eax
	ret

fail:                                   ; "ARGV0: TEXT" (xsi), status 1
	call err_plain
	jmp bye

; tac_fd - print the records of [V(fd)] in reverse. A read error prints
; GNU's message and returns from here at once (through [V(savesp)]).
tac_fd:
	mov [V(savesp)], xsp
	mov xax, [V(sep)]               ; xmm7: SEP's first byte in each byte
	movzx eax, byte [xax]
	imul eax, eax, 0x01010101
	movd xmm7, eax
	pshufd xmm7, xmm7, 0
	mov xax, [V(base)]
	mov [V(dstart)], xax
	mov [V(rend)], xax
	mov byte [V(mem)], 0
	xor eax, eax                    ; its size: lseek(fd, 0, SEEK_END)
	xor edx, edx
	mov A1, [V(fd)]
	mov cl, SEEK_END
	call lseek64                    ; (i386: a size whose low half looks
	mov [V(posl)], xax              ; like -errno, with a high half of 0,
	mov [V(posh)], edx              ; is taken for an error: such a file
	mov byte [V(rdnr)], SYS_pread64 ; is read whole, the same bytes)
	test edx, edx
	jnz .seekable
	cmp xax, -4095
	jae .whole
	cmp xax, SMALL
	jb .small
.seekable:                              ; xax: the size (low half)
	test byte [V(flags)], 1 << OPT_r
	jnz tac_re
	and xax, -CHUNK                 ; the last offset that is a multiple
	mov [V(posl)], xax
.tail:
	call room
	call pread_chunk
	test xax, xax
	jnz .got
	call pos_zero                   ; nothing there: step back, unless
	jz ret_                         ; at the start (an empty file)
	call pos_back
	jmp .tail
.got:
	mov xdx, [V(dstart)]
	sub xdx, CHUNK
	mov [V(dstart)], xdx
	add xdx, xax
	mov [V(rend)], xdx
	jmp .scan_end

; Not seekable (GNU's test: lseek fails): all of it into the buffer from
; base up, read from where its offset stands; then the offset is "0".
; The first SMALL bytes are read as a small input's; past that, they are
; moved to base.
.whole:
	and WPTR [V(posl)], 0
	and dword [V(posh)], 0
	mov byte [V(rdnr)], SYS_read

; A small input (a file of less than SMALL bytes, or the first SMALL
; bytes of a pipe) is read SMALL bytes above the end of what outbuf
; holds, on the variables' page for a trivial run: the output of its
; records, as long, stays below it. Not when outbuf has less room left
; (it is never flushed early: -r's output keeps GNU's 8 KiB pieces), nor
; when SMALL bytes come (a file that grew: read again as a big one; a
; pipe: moved to the heap and read on).
.small:
	mov xax, [V(opos)]
	cmp eax, outbuf + OUTSZ - 2*SMALL
	ja .big_or_whole
	add eax, SMALL
	mov [V(dstart)], xax
	mov [V(rend)], xax
.sread:                                 ; read, or pread at offset n
	mov A4, [V(rend)]               ; (n: what is read so far)
	sub A4, [V(dstart)]
	mov A3d, SMALL
	sub A3, A4
	jz .big_or_whole
	mov A2, [V(rend)]
	xor A5d, A5d
	mov A1, [V(fd)]
	movzx eax, byte [V(rdnr)]
	SYSCALL
	read_result xax, .sread, read_error, .sdone
	add [V(rend)], xax
	jmp .sread
.big_or_whole:                          ; SMALL bytes (or no room): the
	cmp byte [V(rdnr)], SYS_read    ; long way
	je .spill
	mov xax, [V(base)]
	mov [V(dstart)], xax
	mov [V(rend)], xax
	mov xax, [V(posl)]
	jmp .seekable
.sdone:                                 ; all of it: from the offset 0
	and WPTR [V(posl)], 0           ; (its high half is 0 already)
	jmp .eof
.spill:                                 ; (brk may lower the break: the
	mov A1, [V(base)]               ; buffer holds nothing now)
	add A1, CHUNK
	mov xdx, A1
	call grow
	mov xsi, [V(dstart)]            ; dstart..rend (SMALL bytes, or
	mov xcx, [V(rend)]              ; none) to base
	sub xcx, xsi
	mov xdi, [V(base)]
	mov [V(dstart)], xdi
	rep movsb
	mov [V(rend)], xdi
.more:
	mov A1, [V(rend)]
	mov xax, [V(cap)]
	sub xax, A1
	cmp xax, CHUNK
	jae .read
	sub A1, [V(base)]               ; held: HOLD or more is too much
	cmp A1, HOLD                    ; when its buffer would pass the
	jb .grow                        ; memory limit (half of it: the
	push A1                         ; buffer doubles; asked at each
	call mem_default                ; doubling: the free memory falls)
	pop A1
	shr xax, 1
	cmp A1, xax
	jae to_tmp
.grow:                                  ; the break: rend + CHUNK + rend-base,
	mov xdx, [V(rend)]              ; at least rend + CHUNK
	add xdx, CHUNK
	jc grow.nomem
	add A1, xdx                     ; (may wrap: grow tells)
	call grow
.read:
	mov A3, [V(cap)]
	sub A3, [V(rend)]
	sys read, [V(fd)], [V(rend)]
	read_result xax, .read, read_error, .eof
	add [V(rend)], xax
	jmp .more
.eof:
	test byte [V(flags)], 1 << OPT_r
	jz .scan_end
	mov xax, [V(rend)]              ; -r: the size, and it is all in
	sub xax, [V(dstart)]            ; memory from dstart
	mov byte [V(mem)], 1
	jmp tac_re

; The scan: xsi = p, where the next match is tried, from the end down.
; A match at p ends the record after it (from p + seplen, or from p with
; -b, up to rend), which is printed; rend moves to its start, and the
; next match must end at p at most.
.scan_end:
	mov xsi, [V(rend)]
	sub xsi, [V(seplen)]
; SEP's first byte is looked for 16 bytes a step (SSE2) while they lie
; in the data, then a byte a step.
.scan:
	mov xbx, [V(sep)]
	mov bl, [xbx]
.try:
	lea xax, [xsi - 15]
	cmp xax, [V(dstart)]
	jb .try_byte
	movdqu xmm0, [xax]
	pcmpeqb xmm0, xmm7
	pmovmskb eax, xmm0
	sub xsi, 16
	bsr eax, eax                    ; the last of them (ZF=1: none)
	jz .try
	lea xsi, [xsi + xax + 1]
	jmp .candidate
.try_byte:
	cmp xsi, [V(dstart)]
	jb .need
	cmp [xsi], bl
	je .candidate
.back:
	dec xsi
	jmp .try
.candidate:
	mov xcx, [V(seplen)]
	dec xcx
	jz .match
	push xsi
	mov xdi, [V(sep)]
	inc xdi
	inc xsi
	repe cmpsb
	pop xsi
	jne .back
.match:
	mov [V(p)], xsi
	mov xcx, [V(rend)]
	test byte [V(flags)], 1 << OPT_b
	jnz .before
	add xsi, [V(seplen)]
.before:
	mov [V(rend)], xsi
	sub xcx, xsi
	call put
	mov xsi, [V(p)]
	sub xsi, [V(seplen)]
	jmp .scan

; p is below the data: the chunk before it is read, or, at the start of
; the file, what is left is the first record.
.need:
	mov [V(p)], xsi
	call pos_zero
	jnz .chunk
.put_rest:                               ; the first record: dstart..rend
	mov xsi, [V(dstart)]
	mov xcx, [V(rend)]
	sub xcx, xsi
	jmp put
.chunk:
	call room
	call pos_back
	call pread_chunk
	sub WPTR [V(dstart)], CHUNK
	mov xsi, [V(p)]
	jmp .scan

; put - ob_put (xsi, xcx bytes), the bytes counted in ocnt (see bye)
put:
	add [V(ocnt)], xcx              ; (i386: past 4 GiB, N >= 8192 kept
	jnc .counted                    ; by its bit 14; N mod 16384 is right)
	or byte [V(ocnt) + 1], 40h
.counted:
	jmp ob_put

; pos_zero - ZF=1 when the offset [V(posh)]:[V(posl)] is 0. clobbers: xax
pos_zero:
	mov eax, [V(posh)]
	or xax, [V(posl)]
ret_:
	ret

; pos_back - the offset moves CHUNK back. clobbers: xax, xdx
pos_back:
	mov xax, [V(posl)]
	mov edx, [V(posh)]
	sub xax, CHUNK
	sbb edx, 0
	mov [V(posl)], xax
	mov [V(posh)], edx
	ret

; pread_chunk - read CHUNK bytes at the offset into the CHUNK below
; dstart -> xax = the count. (x86_64 takes the whole offset in A4 and
; ignores A5; i386 the halves.)
pread_chunk:
	mov A4, [V(posl)]
	mov A5d, [V(posh)]
	mov A2, [V(dstart)]
	sub A2, CHUNK
	sys pread64, [V(fd)], A2, CHUNK
	cmp eax, -EINTR
	je pread_chunk
	test xax, xax
	js read_error
	ret

; A directory on ext4 says its size is the largest offset, where GNU's
; read (at its 8 KiB multiple below it) is EINVAL; an i386 process is told
; 2^31 - 1 instead, and reads there get EISDIR: told as GNU's EINVAL.
read_error:                             ; "ARGV0: NAME: read error: REASON"
	cmp eax, -EISDIR
	jne .say
	cmp byte [V(posl) + 3], 7Fh
	jne .say
	dec eax                         ; -EINVAL
.say:
	mov xdx, [V(rname)]
	mov esi, fmt_read
.tell:                                  ; (the operand fails: message esi)
	call say_error
	mov xsp, [V(savesp)]
	ret

; to_tmp - a pipe whose buffer would pass the memory limit goes to a
; temporary file, as GNU's tac puts every pipe (gnulib's temp_stream): in
; $TMPDIR, else /tmp, named tacXXXXXX, made once (unlinked at once, see
; tmp_file) and emptied for the next pipe. What is held is written there,
; the break lowered, the rest of the pipe copied CHUNK bytes at a time;
; then the file is read from its end as any seekable file. The pipe is
; closed (not stdin: that stays open to the end). GNU's messages: "failed
; to create temporary file in 'DIR'", "failed to rewind stream for
; 'NAME'", "NAME: write error" (the operand fails, status 1).
to_tmp:
	mov eax, [tfd]
	test eax, eax
	jnz .empty
	mov xdx, [V(savesp)]            ; the environment: &argc is past
	mov xcx, [xdx + W]              ; tac_fd's return address
	lea xdx, [xdx + xcx*W + 3*W]
	mov esi, e_tmpdir
	call env_find
	jnc .dir
	mov edi, s_tmp
.dir:                                   ; xdi = DIR: DIR/tacXXXXXX, or
	push xdi                        ; DIRtacXXXXXX when DIR is "" or
	mov xsi, xdi                    ; ends in a slash (gnulib's
	mov edx, s_tacx                 ; file_name_concat but for DIR//:
	or ecx, -1                      ; DIR//tac..., GNU DIR/tac...)
	xor eax, eax
	repne scasb
	cmp ecx, -2
	je .nosep
	cmp byte [xdi - 2], '/'
	jne .sep
.nosep:
	inc edx
.sep:
	mov edi, tname
	call tmp_file
	pop xdx
	mov esi, fmt_tmp
	test eax, eax
	js read_error.tell
	mov [tfd], eax
	jmp .write
.empty:
	sys ftruncate, xax, 0
	call .rewind
	sys lseek, [tfd], 0, SEEK_SET
	call .rewind
.write:
	and WPTR [V(posl)], 0           ; the bytes in the file
	and dword [V(posh)], 0
	mov xsi, [V(base)]
	mov xcx, [V(rend)]
	sub xcx, xsi
	call .put
	mov A1, [V(base)]
	add A1, CHUNK
	sys brk
	mov [V(cap)], xax
.copy:
	sys read, [V(fd)], [V(base)], CHUNK
	read_result xax, .copy, read_error, .done
	mov xsi, [V(base)]
	xchg xax, xcx
	call .put
	jmp .copy
.done:
	cmp dword [V(rname)], msg_stdin
	je .keep
	sys close, [V(fd)]
.keep:
	mov eax, [tfd]
	mov [V(fd)], xax
	mov WPTR [V(rname)], tname
	mov xax, [V(base)]
	mov [V(dstart)], xax
	mov [V(rend)], xax
	mov byte [V(rdnr)], SYS_pread64
	mov xax, [V(posl)]
	jmp tac_fd.seekable
.put:                                   ; xsi, xcx bytes to the file
	add [V(posl)], xcx
	adc dword [V(posh)], 0
	mov A3, xcx
	movx A2, xsi
	mov A1d, [tfd]
	call write_all
	mov esi, fmt_twrite
	jmp .check
.rewind:
	mov esi, fmt_rewind
.check:                                 ; a failure: message esi on tname
	mov edx, tname
	test eax, eax
	js read_error.tell
	ret

; room - CHUNK bytes free below dstart: the data not yet printed,
; dstart..rend, is moved up to the top of the buffer (grown if it must
; be); dstart, rend and p follow it.
room:
	mov edx, CHUNK
room_n:                                 ; (xdx bytes of room)
	mov xax, [V(dstart)]
	sub xax, [V(base)]
	cmp xax, xdx
	jae ret_
	mov xcx, [V(rend)]
	sub xcx, [V(dstart)]               ; xcx = the bytes to keep
	lea A1, [xcx + xdx]
	add A1, [V(base)]
	jc grow.nomem                   ; (i386: past 4 GiB)
	cmp A1, [V(cap)]
	jbe .move
	mov xdx, A1                     ; at least that,
	add A1, xcx                     ; room for as much again (may wrap:
	push xcx                        ; grow tells)
	call grow
	pop xcx
.move:
	mov xsi, [V(rend)]
	mov xdi, [V(cap)]
	mov xax, xdi
	sub xax, xsi
	add [V(dstart)], xax
	add [V(p)], xax
	mov [V(rend)], xdi
	dec xsi
	dec xdi
	std
	rep movsb
	cld
	ret

; tac_re - -r: GNU tac's tac_seekable with a regular expression, step
; for step, since where its reads start decides where ^ \` \< \b match
; (the start of its buffer) and where $ \' \> match (the end of the
; string searched: the last match's start, or after a read the end of
; what is not printed yet). In: [V(posh)]:xax = the size S; [V(mem)] = 1
; when the input is all in memory from dstart (a pipe: GNU copies it to
; a temporary file of that size and reads that; or a small file), else it
; is read with pread. The offset B of the buffer's start is S less S mod R (R: GNU's
; read_size, 8192 at first, kept from one file to the next); the string
; searched is B..M, M the last match's start. A match M'..N: the record
; after it, N..E (-b: M'..E), is printed, E = N (-b: M'). No match: at B
; = 0 what is left is printed; else R doubles when E - B > R, the buffer
; moves R back (or to 0, R = B) and the search starts again from E.
tac_re:
	mov [V(posl)], xax
	mov ecx, [V(rsize)]
	xor edx, edx
	mov eax, [V(posh)]
	div ecx
	mov xax, [V(posl)]
	div xcx                         ; xdx = S mod R
	sub [V(posl)], xdx
	sbb dword [V(posh)], 0
	cmp byte [V(mem)], 0
	je .tail
	mov xax, [V(posl)]
	add [V(dstart)], xax
	jmp .search_all
.tail:                                  ; R bytes at B (fewer at the end)
	mov xdx, [V(rsize)]
	call room_n
	mov A4, [V(posl)]
	mov A5d, [V(posh)]
	mov A2, [V(dstart)]
	sub A2, [V(rsize)]
	sys pread64, [V(fd)], A2, [V(rsize)]
	cmp eax, -EINTR
	je .tail
	test xax, xax
	js read_error
	jnz .got
	call pos_zero                   ; nothing there: step back (an
	jz ret_                         ; empty file: nothing at all)
	mov xcx, [V(rsize)]
	sub [V(posl)], xcx
	sbb dword [V(posh)], 0
	jmp .tail
.got:
	mov xdx, [V(dstart)]
	sub xdx, [V(rsize)]
	mov [V(dstart)], xdx
	add xdx, xax
	mov [V(rend)], xdx
.search_all:
	mov xax, [V(rend)]
	mov [V(p)], xax
.search:
	mov xsi, [V(dstart)]
	mov xdi, [V(p)]
	mov xax, xdi
	sub xax, xsi
	jz .none
	cmp xax, 7FFFFFFFh              ; GNU: regoff_t is an int
	ja .too_large
	call re_search
	jc .none
	mov [V(p)], xsi
	test byte [V(flags)], 1 << OPT_b
	jnz .out
	mov xsi, xdi
.out:
	mov xcx, [V(rend)]
	mov [V(rend)], xsi
	sub xcx, xsi
	call re_out
	jmp .search
.too_large:
	mov esi, msg_large
.die:                                   ; GNU's die(): its whole output()
	mov eax, outbuf                 ; pieces written, the rest lost
	sub [V(opos)], eax
	and dword [V(opos)], -SPIECE
	add [V(opos)], eax
	and WPTR [V(ocnt)], -SPIECE
	push xsi
	call ob_flush
	pop xsi
	jmp fail
.none:
	mov xsi, [V(dstart)]
	mov xcx, [V(rend)]
	sub xcx, xsi
	call pos_zero
	jz re_out
	mov xax, xcx
	mov xcx, [V(rsize)]
	cmp xax, xcx
	jbe .step
	add xcx, xcx                    ; a long record: R doubles, and so
	lea xax, [xcx*2 + 2]            ; its buffer, to 2R + 2 bytes: less
	cmp xax, [V(gsize)]             ; than before (R once cut to B) is
	mov esi, msg_nomem              ; GNU's "memory exhausted"
	jb .die
	mov [V(gsize)], xax
.step:
	mov xax, [V(posl)]
	mov edx, [V(posh)]
	sub xax, xcx
	sbb edx, 0
	jnc .back
	mov xcx, [V(posl)]              ; B < R: R = B, B = 0
	xor eax, eax
	xor edx, edx
.back:
	mov [V(rsize)], xcx
	mov [V(posl)], xax
	mov [V(posh)], edx
	cmp byte [V(mem)], 0
	jne .mem
	mov xdx, xcx
	call room_n
	mov xax, [V(posl)]              ; R bytes at B, to the last one
	mov [V(roffl)], xax
	mov eax, [V(posh)]
	mov [V(roffh)], eax
	mov xcx, [V(rsize)]
	mov [V(rcnt)], xcx
	sub [V(dstart)], xcx
	mov xax, [V(dstart)]
	mov [V(rdst)], xax
.read:
	mov A4, [V(roffl)]
	mov A5d, [V(roffh)]
	sys pread64, [V(fd)], [V(rdst)], [V(rcnt)]
	read_result xax, .read, read_error, read_error ; (shorter than its size said)
	add [V(rdst)], xax
	add [V(roffl)], xax
	adc dword [V(roffh)], 0
	sub [V(rcnt)], xax
	jnz .read
	jmp .search_all
.mem:
	sub [V(dstart)], xcx
	jmp .search_all

; re_out - GNU tac's output(): xsi, xcx bytes into outbuf in pieces that
; end where a multiple of 8 KiB of output does. outbuf (64 KiB) is then
; written only when full, so what is written is always whole 8 KiB pieces
; and what is buffered past the last one is what GNU's output() holds:
; a die() writes the whole pieces and loses the rest, as GNU's. (ob_put
; leaves xsi after the bytes it copied.)
re_out:
	add [V(ocnt)], xcx              ; (i386: past 4 GiB, N >= 8192 kept
	jnc .counted                    ; by its bit 14; N mod 16384 is right)
	or byte [V(ocnt) + 1], 40h
.counted:
.piece:
	jxcxz .ret
	mov eax, outbuf - 1             ; the room up to the next multiple
	sub eax, [V(opos)]
	and eax, SPIECE - 1
	inc eax
	cmp xax, xcx
	jb .cut
	mov eax, ecx
.cut:
	sub xcx, xax
	push xcx
	xchg eax, ecx
	call ob_put
	pop xcx
	jmp .piece
.ret:
	ret

; grow - the break to A1 (above cap), else as near it as brk allows
; (the part over xdx halved until it fits; i386: doubling may ask for
; more than its 4 GiB hold), at least to xdx (above cap: what the caller
; needs), else "memory exhausted". A1 may have wrapped past 2^32 (i386):
; A1 - xdx is still the part over the least, and a wrapped break is
; never asked (it would lower the break). A failed brk returns the break
; as it was. clobbers xax, xsi, A1 (and xcx: the system call)
grow:
	mov xsi, A1
	sub xsi, xdx                    ; the part over the least
.try:
	mov A1, xdx
	add A1, xsi
	jc .less
	sys brk
	cmp xax, A1
	je .set
	test xsi, xsi
	jz .nomem
.less:
	shr xsi, 1
	jmp .try
.set:
	mov [V(cap)], xax
	ret
.nomem:
	mov esi, msg_nomem
	jmp fail

OPTSPEC:	db 'rbs:', 0
LONGOPTS:
	db 'b', 'before', 0
	db 'r', 'regex', 0
	db 's'|0x80, 'separator', 0
	db '?', 'help', 0
	db '?', 'version', 0
	db 0
newline:	db 10, 0
dash:		db '-', 0
dashes:		dW dash, 0		; the operands when none is given
msg_stdin:	db 'standard input', 0
msg_nomem:	db 'memory exhausted', 0
msg_empty:	db 'separator cannot be empty', 0
msg_large:	db 'record too large', 0
msg_write:	db 'write error', 0
fmt_open:	db F_ARGV0, ': failed to open ', F_QUOTE, ' for reading', F_REASON, 10, 0
fmt_read:	db F_ARGV0, ': ', F_FILE, ': read error', F_REASON, 10, 0
fmt_twrite:	db F_ARGV0, ': ', F_FILE, ': write error', F_REASON, 10, 0
fmt_tmp:	db F_ARGV0, ': failed to create temporary file in ', F_QUOTE, F_REASON, 10, 0
fmt_rewind:	db F_ARGV0, ': failed to rewind stream for ', F_QUOTE, F_REASON, 10, 0
e_tmpdir:	db 'TMPDIR='
s_tmp:		db '/tmp', 0
s_tacx:		db '/tacXXXXXX', 0

BSS
	BSS_ROOM 4096                   ; a page: the variables, -r's and a short
	GLOBALS_HERE                    ; pattern's program, outbuf's first 2 KiB
VB equ base + 128                       ; xbp: [V(x)] is short
base:	resW 1                          ; the buffer: base..cap
cap:	resW 1
dstart:	resW 1                          ; the data read: dstart..rend is
rend:	resW 1                          ; not printed yet
p:	resW 1                          ; where the scan stands
posl:	resW 1                          ; the file offset of the chunk
opos:	resW 1                          ; the end of the output buffered
sep:	resW 1
seplen:	resW 1
fd:	resW 1
rname:	resW 1                          ; the name for a read error
savesp:	resW 1
rsize:	resW 1                          ; -r: GNU's read_size
roffl:	resW 1                          ; -r: a read in pieces
rdst:	resW 1
rcnt:	resW 1
gsize:	resW 1
opnd:	resW 1                          ; the operand being read
ocnt:	resW 1                          ; the bytes output (GNU's output())
posh:	resd 1                          ; at dstart (i386: the high half)
roffh:	resd 1
flags:	resd 1                          ; OPT_b, OPT_r
ambp:	resd 1                          ; long_opt's (every long option)
werr:	resd 1                          ; a failed write's -errno, or 0
mem:	resb 1                          ; -r: the input is in memory
stdin_used: resb 1
rdnr:	resb 1                          ; a small input's read: SYS_read/pread64
	resb (W - ($-$$) % W) % W        ; (the regex variables aligned)
%include "rt/regex_emacs_bss.inc"       ; -r's variables, and a short
outbuf:	resb OUTSZ                      ; pattern's program: on this page
ambbuf:	resb 512                        ; long_opt's, for an ambiguous name
tfd:	resd 1                          ; to_tmp's (a page only a big pipe
                                        ; touches)
tname:	resb PATH_MAX + 16

program_end
