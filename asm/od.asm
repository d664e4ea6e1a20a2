; od - dump files in octal, decimal, hex and as characters.
;
; Usage: od [OPTION]... [FILE]...
;   -A d|o|x|n  the offsets in decimal, octal (default), hex, or none
;   -t TYPE     a, c, d[SIZE], o[SIZE], u[SIZE], x[SIZE] (SIZE 1 2 4 8 or
;               C S I L; 4 when left out), f[SIZE] (4 8 16 or F D L: float,
;               double, long double; 8 when left out: fmt_float prints
;               them as GNU's ftoastr), each with an optional z suffix
;               (the printable bytes at the end of the line); several types
;               in one string and several -t: one output line per type,
;               the columns aligned as GNU pads them
;   -a -b -c -d -e -f -F -o -s -x -i -l -h -B -D -H -I -L -O -X  GNU's
;               traditional types (a o1 c u2 fD fF fD o2 d2 x2 d4 d8 x2 o2 u4
;               x4 d8 d8 o4 x4)
;   -j SKIP     skip SKIP bytes first (base 0: 0x.. hex, 0.. octal; the
;               suffixes b k K m M G T P E Z Y, KB, KiB ... as GNU 9.1)
;   -N COUNT    dump at most COUNT bytes (same syntax)
;   -v          no '*' for repeated lines
;   -w[N]       N bytes a line (32 without N)
;   --address-radix= --skip-bytes= --read-bytes= --format=
;   --output-duplicates --width[=N], --endian=big|little (the fields'
;   byte order), --strings[=BYTES], and their unambiguous prefixes
; The FILEs ("-" or none: stdin) are read as one stream. Default: -A o -t o2
; -w 16. A line equal to the one before becomes "*" (once per run).
; Exit status: 0; 1 when a file could not be read (the others are still
; dumped), on a bad option or argument, or on a write error.
; Without -A -j -N -t -v -w, GNU's old offset operand: "od [FILE] +N" or
; "od FILE N" (octal, 0x hex, b *512, B *1024) means -j N.
; --traditional: "od [FILE] [[+]OFFSET [[+]LABEL]]", the LABEL printed in
; parentheses after each offset.
;   -S BYTES    the strings: runs of BYTES (3 for --strings without =) or
;               more printable bytes ended by a NUL, after their offsets
; Differences from GNU: at most 16 types and 1 MiB a line (refused with
; "od: not supported: ..." and status 1); -t fL reads 16-byte fields on
; i386 too (x86_64's long double).
; The floating point types and -S are a cold part (elf.inc's COLD), the
; floats' numbers a BSS page of their own: other runs map neither.
;
; The input is read in 64 KiB chunks; a block (one output line's bytes)
; that lies whole in the chunk is formatted where it is, else it is gathered
; into one of two block buffers (the block before must stay there for the
; '*' comparison). The lines are formatted into a 64 KiB output buffer,
; written when nearly full; until a write has worked it behaves as glibc's
; 4096-byte stdout buffer, so that a failing output (/dev/full, a closed
; pipe) gets GNU's messages at the same moments. -j seeks where GNU seeks
; (regular files of more than a block, devices), with 64-bit offsets on
; both arches; else it reads. A small run touches one page of data. The
; file must stay within 8192 bytes (x86_64 is the larger): the kernel maps
; all the pages of a small file at the first fault (fault-around), so a
; third page would cost 4 KiB more RSS on every run.

%define FAST_SYSCALL                    ; i386: the vDSO's entry after 32 calls
%define LONGOPT_OPTIONAL                ; --strings[=BYTES]
%define SAY_STDERR_STATUS              ; a warning not written: status 1 (error.inc)
%define PHDRS_UNMAPPED                  ; (the hot code: two pages without them)
%include "subk.inc"
use getopt_long, opt_missing, err_file, err_plain, quote_arg, errno_path
use write_all, od_seek

ISZ	equ 65536               ; one read
SBUFSZ	equ 128                 ; the first read, in the variables' page:
                                ; a small input touches no other page
OUTSZ	equ 65536               ; the output buffer
SLACK	equ 128                 ; room kept in it for one field or address
TINY	equ 384                 ; the first output buffer (see maybe_flush)
SBLK	equ 64                  ; lines up to this: the static blocks
MAXW	equ 1 << 20             ; bytes a line at most
MAXSPECS equ 16
STRINGS	equ 0x15                ; --strings's code (an optional argument)
W_LONG	equ 0x16                ; --width's (an optional argument too)
FW	equ 27                  ; digits of a scaled value (see fmt_float)
FW1	equ FW + 1              ; and one for the fraction
NL	equ 380                 ; limbs of a big number: 5^4973 * 2^66 < 2^11616

; A type (spec): 16 bytes.
S_KIND	equ 0                   ; 0 unsigned, 1 signed, 2 'c', 3 'a'
S_SIZE	equ 1                   ; bytes per field
S_BASE	equ 2                   ; 8, 10, 16
S_MIN	equ 3                   ; digits at least (zeros in front)
S_FW	equ 4                   ; GNU's field width
S_Z	equ 5                   ; the z suffix
S_SHIFT	equ 6                   ; 32 - 8 * size for sizes 1 and 2, else 0
S_PAD	equ 8                   ; GNU's pad_width (dword)
S_FIELDS equ 12                 ; fields a line (dword)
SPECSZ	equ 16

_start:
	fast_syscall_init counted       ; i386: int 0x80 for the first 32 calls
	pop_argv0                       ; xsp = &argv[1]
	getopt_here
	mov word [addr_base], 8 | (7 << 8)
	mov dword [specs_end], specs

; The options, through getopt_long (which moves the operands aside, so
; an option after an operand counts: od f --width=2); --width's argument
; is optional (W_LONG). xsi, xdi, xbx: its state.
.opt:
	call getopt_long
	jc .opts_done
	mov ecx, s_long_width
	cmp al, W_LONG                  ; --width[=BYTES]
	je .width
	cmp al, 'w'
	jne .option
	mov xdx, xbx                    ; the rest of the cluster, or none
	xor ebx, ebx
	mov ecx, s_w
.width:
	mov [optname], ecx
	mov al, 'w'
.option:
	push_list xsi, xdi, xbx
	call option
	pop_list xsi, xdi, xbx
	jmp .opt

; The operands are at xsp up to xdi. Without a modern option GNU takes a
; last operand "+N" (or a second one starting with a digit) as an offset
; when it parses as one.
.opts_done:
	cmp byte [t_bad], 0             ; a bad -t told
	je .types_ok
	exit 1
.types_ok:
	cmp byte [sflag], 0
	jne strings_typed               ; (cold) -S with a type: GNU's error
.typed_ok:
	mov al, [trad]
	test al, al
	jnz .old
	cmp byte [modern], 0
	jne .operands
.old:                                   ; al = --traditional
	mov xcx, xdi
	sub xcx, xsp                    ; W * the operands
	cmp ecx, W
	je .one
	cmp ecx, 2*W
	je .two
	cmp ecx, 3*W
	jne .count
	test al, al
	jz .operands
	mov xsi, [xsp+2*W]              ; FILE OFFSET LABEL
	call .old_offset
	jc .count
	call .label
	mov xsi, [xsp+W]
	call .old_offset
	jc .count
	call .skip
	call .drop
	jmp .pseudo
.two:
	mov xsi, [xsp+W]
	test al, al
	jnz .two_old
	mov cl, [xsi]
	cmp cl, '+'
	je .two_old
	sub cl, '0'
	cmp cl, 9
	ja .operands
.two_old:
	call .old_offset
	jc .count
	call .label                     ; (OFFSET or LABEL)
	cmp byte [trad], 0
	je .two_skip
	mov xsi, [xsp]                  ; OFFSET LABEL, no FILE
	call .old_offset
	jc .two_skip
	call .skip
	call .drop
.pseudo:
	call .drop
	inc byte [pseudo]
	sub64 label, skipn		; GNU's pseudo_offset
	mov [poff], eax
	mov [poff+4], edx
	jmp .count
.two_skip:                              ; FILE OFFSET
	mov eax, [label]
	mov edx, [label+4]
	call .skip_edx
	call .drop
	jmp .count
.one:
	mov xsi, [xsp]
	test al, al
	jnz .one_old
	cmp byte [xsi], '+'
	jne .operands
.one_old:
	call .old_offset
	jc .count
	call .skip
	call .drop
.count:                                 ; --traditional: one FILE at most
	cmp byte [trad], 0
	je .operands
	mov xax, xdi
	sub xax, xsp
	cmp xax, W
	jbe .operands
	mov xdx, [xsp+W]
	mov esi, fmt_extra_trad
	xor eax, eax
	call say
	exit 1
; helpers of the above: old_offset keeping xdi; the last operand dropped;
; [num] as the skip (or edx:eax), as the label
.old_offset:
	push xdi
	call old_offset
	pop xdi
	ret
.drop:
	sub xdi, W
	xor eax, eax
	mov [xdi], xax
	ret
.label:
	mov eax, [num]
	mov edx, [num+4]
	mov [label], eax
	mov [label+4], edx
	ret
.skip:
	mov eax, [num]
	mov edx, [num+4]
.skip_edx:
	mov [skipn], eax
	mov [skipn+4], edx
	mov [offset], eax
	mov [offset+4], edx
	ret
.operands:
	or dword [rleft+4], -1          ; (no -N: the reads are not capped)
	cmp byte [limited], 0           ; GNU's end offset must fit
	je .fits
	mov eax, [skipn]
	add eax, [limit]
	mov [rleft], eax
	mov eax, [skipn+4]
	adc eax, [limit+4]
	mov [rleft+4], eax
	jnc .fits
	mov esi, msg_too_large
	call err_plain
	exit 1
.fits:
	mov [opnd], xsp
	cmp xdi, xsp
	jne .have_operands
	mov eax, dash_list
	mov [opnd], xax
.have_operands:
	call setup

; Skip: from the buffer first, then by seeking where it works, else by
; reading.
skip:
	mov eax, [skipn]
	or eax, [skipn+4]
	jnz .skip
	call layout                     ; GNU's width warning comes after
	cmp byte [sflag], 0             ; the skip
	jne dump_strings                ; (cold)
	jmp dump
.skip:
	mov esi, [ipos]
	mov ecx, [in_end]
	sub ecx, esi
	jz .empty
	cmp dword [skipn+4], 0
	jne .take
	cmp ecx, [skipn]
	jb .take
	mov ecx, [skipn]
.take:
	add [ipos], ecx
	sub [skipn], ecx
	sbb dword [skipn+4], 0
	jmp skip
.empty:
	cmp dword [fd], 0
	jns .seek
	call open_next
	jc .past_end
; fstat64: a struct stat64 has the type, size and block size on every
; kernel (statx would need its fallback before Linux 4.11).
.seek:
	mov A2d, st
	sys fstat64, [fd]
	test eax, eax
	js .unstat
	st64_isreg al, st		; (ZF: a regular file)
	jne .device
	mov eax, [st+ST64_SIZE]
	mov edx, [st+ST64_SIZE+4]
	test edx, edx                   ; GNU reads a file of one block or
	jnz .size                       ; less (and /proc's, of size 0)
	cmp eax, [st+ST64_BLKSIZE]
	jbe .read
.size:
	sub eax, [skipn]
	sbb edx, [skipn+4]
	jnc .device                     ; skipn <= size: seek
	neg eax                         ; skipn -= size
	adc edx, 0
	neg edx
	mov [skipn], eax
	mov [skipn+4], edx
	mov eax, [st+ST64_SIZE]         ; (skipped without a read)
	mov edx, [st+ST64_SIZE+4]
	call rleft_sub
	call close_in
	call check_out
	jmp skip
.device:
	mov A1d, [fd]
	mov esi, skipn
	mov cl, SEEK_CUR
	call od_seek
	js .read
	mov eax, [skipn]
	mov edx, [skipn+4]
	call rleft_sub
	xor eax, eax
	mov [skipn], eax
	mov [skipn+4], eax
	jmp .again
.unstat:                                ; GNU's failed fstat (a "-" on a
	call read_failed.error          ; closed fd 0): told, the operand
	jmp .again                      ; closed, the skip goes on
.read:                                  ; one read: the next operand is
	call read_one                   ; tried for a seek again
.again:
	jmp skip
.past_end:
	mov esi, msg_past_end
	call err_plain
	exit 1

; dump - each block of bpb bytes (or fewer, the last) through write_block;
; then the offset after the last byte. A whole block that lies in the
; input buffer is used where it is; else it is gathered into one of the
; two block buffers, the one that [prev] is not in (a [prev] in the input
; buffer is first saved in blk0, the input buffer being refilled).
dump:
	mov ecx, [bpb]
	cmp byte [limited], 0
	je .whole
	cmp dword [limit+4], 0
	jne .whole
	cmp ecx, [limit]
	jb .whole
	mov ecx, [limit]
	jmp .gather
.whole:
	mov esi, [ipos]
	mov eax, [in_end]
	sub eax, esi
	cmp eax, ecx
	jb .gather
	mov [cur], esi
	add esi, ecx
	mov [ipos], esi
	xchg eax, ecx
	jmp .full
.gather:
	mov edi, [blk0]
	mov esi, [prev]
	cmp esi, [ibuf]
	jb .prev_kept
	push xcx
	mov ecx, [bpb]
	mov [prev], edi
	rep movsb
	pop xcx
.prev_kept:
	mov edi, [blk0]
	cmp edi, [prev]
	jne .cur
	mov edi, [blk1]
.cur:
	mov [cur], edi
	call fill                       ; eax = the bytes got
	test eax, eax
	jz .end
	cmp eax, [bpb]
	je .full
	mov edi, [cur]                  ; the last block: zeros after it
	mov ecx, [bpb]
	add edi, eax
	sub ecx, eax
	push xax
	xor eax, eax
	rep stosb
	pop xax
.full:
	sub [limit], eax
	sbb dword [limit+4], 0
	push xax
	call write_block
	pop xax
	add [offset], eax
	adc dword [offset+4], 0
	mov edx, [cur]
	mov [prev], edx
	cmp eax, [bpb]
	je dump
.end:
	mov edi, [opos]
	call put_addr
	cmp byte [addr_base], 0
	je .last
	mov al, 10
	stosb
.last:
	mov [opos], edi
	cmp byte [limited], 0           ; GNU's check when -N is used up
	je .stdin
	mov eax, [limit]
	or eax, [limit+4]
	jnz .stdin
	call check_out
.stdin:
	cmp byte [stdin_used], 0
	je .flush
	sys close, 0
	test eax, eax
	jns .flush
	push xax
	call sync_out
	pop xax
	mov esi, s_stdin
	call err_text
; GNU's close_stdout: the last bytes written; after any failed write,
; "write error", with the reason when these failed too.
.flush:
	mov edi, [opos]
	call flush_all
	mov esi, msg_write
	test eax, eax
	js .reason
	cmp [werr], eax
	je .bye
	call err_plain
	jmp .bye
.reason:
	call err_text
.bye:
	exit_status

; write_block - one block: eax = its bytes (bpb, or fewer for the last);
; [cur] the block, [prev] the one before.
write_block:
	mov [nbytes], eax
	mov edi, [opos]
	cmp byte [first], 0
	jne .print
	cmp byte [vflag], 0
	jne .print
	cmp eax, [bpb]
	jne .print
	push xdi
	mov esi, [prev]
	mov edi, [cur]
	mov ecx, eax
	test al, 3
	jnz .bytes
	shr ecx, 2
	repe cmpsd
	jmp .compared
.bytes:
	repe cmpsb
.compared:
	pop xdi
	jne .print
	cmp byte [peq], 0
	jne .done
	inc byte [peq]
	mov ax, '*' | (10 << 8)
	stosw
	jmp .done
.print:
	mov byte [peq], 0
	mov ebp, specs
.spec:
	cmp ebp, specs
	jne .spaces
	call put_addr
	jmp .fields
.spaces:
	movzx ecx, byte [addr_pad]
	mov al, ' '
	rep stosb
; Each field: GNU's pad spread over the fields (next_pad = pad * (i - 1) /
; fields, the width pad_remaining - next_pad + field width), right-aligned.
.fields:
	mov eax, [bpb]
	sub eax, [nbytes]
	xor edx, edx
	movzx ecx, byte [xbp+S_SIZE]
	div ecx
	mov [blank], eax
	mov eax, [xbp+S_FIELDS]
	mov [fld_i], eax
	mov eax, [xbp+S_PAD]
	mov [pad_rem], eax
	mov eax, [cur]
	mov [fld_p], eax
.field:
	mov eax, [fld_i]
	cmp eax, [blank]
	jbe .fields_end
	dec eax
	mul dword [xbp+S_PAD]
	div dword [xbp+S_FIELDS]
	mov ecx, [pad_rem]
	mov [pad_rem], eax
	sub ecx, eax
	movzx eax, byte [xbp+S_FW]
	add ecx, eax
	push xcx
	mov esi, [fld_p]
	call fmt_value
	pop xax
	sub eax, ecx                    ; spaces first
	jle .copy
	xchg eax, ecx
	push xax
	mov al, ' '
	rep stosb
	pop xcx
.copy:
	rep movsb
	movzx eax, byte [xbp+S_SIZE]
	add [fld_p], eax
	dec dword [fld_i]
	call maybe_flush
	jmp .field
; z: spaces for the blank fields, then "  >" the bytes "<"
.fields_end:
	cmp byte [xbp+S_Z], 0
	je .newline
	mov eax, [xbp+S_PAD]
	mul dword [blank]
	div dword [xbp+S_FIELDS]
	xchg eax, ecx
	movzx eax, byte [xbp+S_FW]
	mul dword [blank]
	add ecx, eax
.pad:
	jxcxz .padded
	call maybe_flush
	mov al, ' '
	stosb
	dec ecx
	jmp .pad
.padded:
	mov ax, '  '
	stosw
	mov al, '>'
	stosb
	mov esi, [cur]
	mov ecx, [nbytes]
.trailer:
	lodsb
	cmp al, ' '
	jb .dot
	cmp al, 127
	jb .char
.dot:
	mov al, '.'
.char:
	stosb
	call maybe_flush
	loop .trailer
	mov al, '<'
	stosb
.newline:
	mov al, 10
	stosb
	add ebp, SPECSZ
	cmp ebp, [specs_end]
	jb .spec
.done:
	call maybe_flush
	mov byte [first], 0
	mov [opos], edi
	ret

; fmt_value - the field at xsi as the type at xbp says -> xsi = its text,
; ecx = its length. clobbers xax, xbx, xdx
fmt_value:
	mov al, [xbp+S_KIND]
	cmp al, 2
	jae .chars
	mov eax, [xsi]
	mov edx, [xsi+4]
	mov cl, [xbp+S_SIZE]
	cmp byte [bigend], 0            ; --endian=big: the bytes swapped
	je .native
	cmp cl, 2
	jb .native
	ja .wide
	xchg al, ah
	jmp .native
.wide:
	bswap eax
	cmp cl, 8
	jne .native
	bswap edx
	xchg eax, edx
.native:
	cmp cl, 8
	je .have
	mov cl, [xbp+S_SHIFT]
	shl eax, cl
	cmp byte [xbp+S_KIND], 1
	je .signed
	shr eax, cl
	xor edx, edx
	jmp .have
.signed:
	sar eax, cl
	cdq
.have:
	mov bx, [xbp+S_BASE]            ; bl = base, bh = digits at least
	mov esi, numend
	cmp byte [xbp+S_KIND], 1
	jne .conv
	test edx, edx
	jns .conv
	neg eax
	adc edx, 0
	neg edx
	call conv
	dec esi
	mov byte [xsi], '-'
	jmp .len
.conv:
	call conv
.len:
	mov ecx, numend
	sub ecx, esi
	ret
.chars:
	cmp al, 4
	je fmt_float                    ; (cold)
	movzx eax, byte [xsi]
	mov esi, numend
	cmp byte [xbp+S_KIND], 3
	je .named
	cmp al, 14                      ; c: \0 \a \b \t \n \v \f \r
	jae .printable
	mov cl, [c_escapes + xax]
	test cl, cl
	jz .octal
	dec esi
	mov [xsi], cl
	mov al, '\'
	jmp .one
.printable:
	cmp al, ' '
	jb .octal
	cmp al, 127
	jb .one
.octal:
	xor edx, edx
	mov bx, 8 | (3 << 8)
	jmp .conv
.one:
	dec esi
	mov [xsi], al
	jmp .len
.named:                                 ; a: the names of 0..32 and 127
	and al, 127
	cmp al, 127
	je .del
	cmp al, ' '
	ja .one
	lea esi, [eax + 2*eax + names]
	push 3
	pop xcx
	cmp byte [xsi+2], 0
	jne .ret
	dec ecx
.ret:
	ret
.del:
	mov esi, s_del
	push 3
	pop xcx
	ret

; conv - edx:eax as digits ending at xsi, at least bh of them, in base bl
; (8, 10, 16) -> xsi = the first digit. clobbers xax, xdx, bh
conv:
	push xcx
.digit:
	movzx ecx, bl
	cmp cl, 10
	jne .pow2
	push xax                        ; two divisions: the high half first
	mov eax, edx
	xor edx, edx
	div ecx
	xchg eax, [xsp]
	div ecx
	xchg edx, [xsp]
	pop xcx                         ; the remainder
	jmp .put
.pow2:
	dec ecx
	and ecx, eax
	push xcx
	mov cl, bl
	shr cl, 3
	add cl, 2                       ; 3 bits for 8, 4 for 16
	shrd eax, edx, cl
	shr edx, cl
	pop xcx
.put:
	mov cl, [digits + xcx]
	dec xsi
	mov [xsi], cl
	dec bh
	mov ecx, eax
	or ecx, edx
	jnz .digit
	test bh, bh
	jg .digit
	pop xcx
	ret

; put_addr - the offset [offset] at xdi as -A says (nothing for -A n)
; With --traditional's LABEL: "OFFSET (LABEL)", or "(OFFSET)" for -A n as
; GNU prints them (pseudo 1 and 2).
put_addr:
	mov bx, [addr_base]             ; bl = base, bh = digits
	test bl, bl
	jz .ret
	cmp byte [pseudo], 2
	jne .std
	mov al, '('
	stosb
	call .std
	jmp .close
.std:
	mov eax, [offset]
	mov edx, [offset+4]
	call .number
	cmp byte [pseudo], 1
	jne .ret
	mov ax, ' ('
	stosw
	mov eax, [offset]
	mov edx, [offset+4]
	add eax, [poff]
	adc edx, [poff+4]
	call .number
.close:
	mov al, ')'
	stosb
.ret:
	ret
.number:
	mov bx, [addr_base]
	mov esi, numend
	call conv
	mov ecx, numend
	sub ecx, esi
	rep movsb
	ret

; The output as glibc's stdout does it, as far as anyone can see: until a
; write has worked, in chunks of 4096 bytes, written when a 4097th byte
; is there; a failed write is dropped (its error kept in werr, GNU's
; ferror) and the output goes on. After a write that worked, 64 KiB at a
; time. GNU reports the error ("write error") when an input file ends, and
; at the end ("write error: REASON" when the last bytes failed too).
;
; The first TINY bytes go to a buffer in the variables' page, so that a
; small run touches no other page; past them, what is there moves to the
; big buffer and the output goes on there (nothing is written for it).
;
; maybe_flush - write a chunk when xdi (the end of the output) is past
; olimit. preserves all but xax (and r11)
maybe_flush:
	cmp edi, [olimit]
	jbe .ret
	push xsi
	push xcx
	push xdx
	push xbx
	mov ecx, edi
	mov esi, [obuf]
	sub ecx, esi
	cmp esi, tiny
	jne .out
	mov edi, [bigobuf]              ; tiny no more
	mov [obuf], edi
	rep movsb
	call set_limit
	jmp .done
.out:
	cmp byte [bigmode], 0
	jne .all
	mov ecx, 4096
.all:
	push xcx
	call out_write
	pop xcx
	mov esi, [obuf]                 ; the rest to the start
	mov eax, edi
	mov edi, esi
	add esi, ecx
	mov ecx, eax
	sub ecx, esi
	rep movsb
.done:
	pop xbx
	pop xdx
	pop xcx
	pop xsi
.ret:
	ret

; set_limit - olimit for the buffer obuf: TINY - SLACK in the tiny one;
; else 4096 until a write worked, then OUTSZ - SLACK. clobbers xax
set_limit:
	mov eax, TINY - SLACK
	cmp dword [obuf], tiny
	je .set
	mov eax, 4096
	cmp byte [bigmode], 0
	je .set
	mov eax, OUTSZ - SLACK
.set:
	add eax, [obuf]
	mov [olimit], eax
	ret

; flush_all - write all that is buffered (xdi its end); xdi = the start
; of the buffer after, xax = -errno when the last write failed, else 0.
; preserves all but xax (and r11)
flush_all:
	call maybe_flush
	push xsi
	push xcx
	push xdx
	push xbx
	mov ecx, edi
	mov edi, [obuf]
	sub ecx, edi
	call out_write
	pop xbx
	pop xdx
	pop xcx
	pop xsi
	ret

; out_write - write ecx bytes from the start of the buffer -> xax = 0 or
; -errno (then kept in werr). clobbers xcx, xdx, xsi, xbx (A1..A3)
out_write:
	xor eax, eax
	jxcxz .ret
	push xdi
	mov A3d, ecx
	mov A2d, [obuf]
	push 1
	pop A1
	call write_all
	pop xdi
	test eax, eax
	jz .worked
	mov [werr], eax
	ret
.worked:
	mov byte [bigmode], 1
	call set_limit
	xor eax, eax
.ret:
	ret

; sync_out - flush the output from anywhere ([opos] its end), as glibc's
; error() does before a message. preserves all but xax
sync_out:
	push xdi
	mov edi, [opos]
	call flush_all
	mov [opos], edi
	pop xdi
	ret

; tty_sync - before a read: when stdout is a terminal, what is buffered
; goes out (sync_out), as GNU's stdout is line-buffered there (`od -c
; /dev/ttyS0` or a pipe's bytes show as they come). Asked once (TCGETS),
; the first time a read finds output pending (a run with none pending at
; a read asks nothing), the answer kept in otty (0 not asked, 1 a
; terminal, 2 not); not a terminal, the writes are as they were.
; clobbers xax, xcx, xdx, xsi (A1..A3) (and r11)
tty_sync:
	mov eax, [opos]
	cmp eax, [obuf]
	je .ret
	mov al, [otty]
	test al, al
	jnz .known
	sub xsp, 64                     ; (a struct termios)
	sys ioctl, 1, TCGETS, xsp       ; TCGETS: 0 on a terminal
	add xsp, 64
	test eax, eax
	setnz al
	inc eax                         ; 1: a terminal, 2: not
	mov [otty], al
.known:
	dec al
	jz sync_out
.ret:
	ret

; check_out - GNU's check of stdout when an input ends: after a failed
; write, "ARGV0: write error". clobbers all but xbp
check_out:
	cmp dword [werr], 0
	je maybe_flush.ret
	call sync_out
	mov esi, msg_write
	jmp err_plain

; fill - copy up to ecx bytes of the input to xdi -> eax = the bytes copied
; (fewer only at the end of the input)
fill:
	push xdi
.more:
	jxcxz .done
	mov esi, [ipos]
	mov eax, [in_end]
	sub eax, esi
	jnz .copy
	push xcx
	push xdi
	call refill
	pop xdi
	pop xcx
	jnc .more
	jmp .done
.copy:
	cmp eax, ecx
	jbe .some
	mov eax, ecx
.some:
	sub ecx, eax
	xchg eax, ecx
	rep movsb
	xchg eax, ecx
	mov [ipos], esi
	jmp .more
.done:
	pop xdx
	mov eax, edi
	sub eax, edx
	ret

; refill - read more of the input into the input buffer: [ipos], [in_end]
; around what was read; the next operand opened at the end of one; a
; failed read reported (GNU's words), the operand dropped. CF=1 at the
; end of the last. clobbers all but xbp
refill:
	cmp dword [fd], 0
	jns .read
	call open_next
	jc .ret
.read:
	call read_one
	jc refill
.ret:
	ret

; rleft_sub - [rleft] -= edx:eax: bytes of the input taken (read, or
; skipped by a seek) off what -j and -N allow to be read.
; preserves all registers
rleft_sub:
	sub [rleft], eax
	sbb [rleft+4], edx
	ret

; read_one - one read of the open input into the input buffer: [ipos],
; [in_end] around what was read (CF=0); at its end, or after a failed
; read (reported in GNU's words), the input closed and CF=1.
; clobbers all but xbp
read_one:
	call tty_sync
	mov A1d, [fd]
	mov A2d, [rbuf]
	mov A3d, [rsize]
	cmp dword [rleft+4], 0          ; with -N never past -j + -N bytes:
	jne .asked                      ; GNU's od reads unbuffered then, so
	cmp A3d, [rleft]                ; `{ od -N3; od -N3; } < f` dumps
	jbe .asked                      ; bytes 0-2, then 3-5
	mov A3d, [rleft]
.asked:
	sys read, A1, A2, A3
	mov ecx, [ibuf]                 ; the reads after the first: ibuf
	xchg ecx, [rbuf]                ; ecx = the buffer read into
	mov dword [rsize], ISZ
	test eax, eax
	jg .got
	jnz read_failed                 ; (cold)
.eof:
	call close_in
	call check_out
	stc
	ret
.got:
	cdq                             ; (eax > 0: edx = 0)
	call rleft_sub
	mov [ipos], ecx
	add eax, ecx
	mov [in_end], eax
	clc
.ret:
	ret

; close_in - close the input (not stdin: told by its name, as GNU's
; check_and_close by its stream, so a file opened as fd 0 while stdin was
; closed is closed, and a later "-" reads a closed fd 0); [fd] = -1
close_in:
	cmp WPTR [name], s_stdin
	je .none
	mov A1d, [fd]
	sys close
.none:
	or dword [fd], -1
	ret

; open_next - open the next operand ("-": stdin) -> [fd], [name]; a
; failed open reported, the next one tried. CF=1 when none is left.
open_next:
	mov xdx, [opnd]
	mov xsi, [xdx]
	test xsi, xsi
	jz .none
	add xdx, W
	mov [opnd], xdx
	mov [name], xsi
	xor eax, eax
	cmp word [xsi], '-'
	jne .open
	mov ecx, s_stdin
	mov [name], xcx
	mov byte [stdin_used], 1
	jmp .ok
.open:
	sys open, xsi, O_RDONLY|O_LARGEFILE
	test eax, eax
	jns .ok
	push xax
	call sync_out
	pop xax
	mov xsi, [name]
	call err_file
	jmp open_next
.ok:
	mov [fd], eax
	clc
	ret
.none:
	stc
	ret

; option - one option: al = its letter (or a long option's code), xdx =
; its argument. clobbers all but xbp
option:
	cmp al, 'A'
	je .radix
	cmp al, 't'
	je .type
	cmp al, 'v'
	je .dups
	cmp al, 'w'
	je .width
	mov ecx, s_j
	cmp al, 'j'
	je .skip
	mov ecx, s_long_skip
	cmp al, 'J'
	je .skip
	mov ecx, s_n
	cmp al, 'N'
	je .count
	mov ecx, s_long_count
	cmp al, 'n'
	je .count
	cmp al, 'S'
	je strings_opt                  ; (cold)
	cmp al, STRINGS
	je strings_opt
	cmp al, 'T'
	je .traditional
	cmp al, 'K'
	je .endian
; a traditional letter: its -t string from the table
	mov esi, traditional - 4
.find:
	add esi, 4
	cmp [xsi], al
	jne .find
	lea xdx, [xsi+1]
	jmp parse_type
.radix:
	inc byte [modern]
	mov al, [xdx]
	mov esi, radixes - 3
.rfind:
	add esi, 3
	cmp byte [xsi], 0
	je .bad_radix
	cmp [xsi], al
	jne .rfind
	mov ax, [xsi+1]
	mov [addr_base], ax
	ret
.bad_radix:                             ; GNU's %c: a NUL too ("-A ''")
	push xax
	mov esi, fmt_radix
	xor eax, eax
	call say
	mov A2, xsp
	sys write, 2, A2, 1
	mov esi, fmt_radix_end
	mov edx, esi                    ; (say reads ARG's length)
	xor eax, eax
	call say
	exit 1
.type:
	inc byte [modern]
	jmp parse_type
.endian:                                ; argmatch: a prefix of big or
	mov esi, fmt_ambiguous_arg      ; little, an exact one first
	cmp byte [xdx], 0
	je .bad_endian
	mov esi, s_big
	call .prefix
	mov byte [bigend], 1
	je .ret
	mov esi, s_little
	call .prefix
	mov byte [bigend], 0
	je .ret
	mov esi, fmt_invalid_arg
.bad_endian:
	mov ecx, s_long_endian
	xor eax, eax
	call say
	exit 1
.prefix:                                ; ZF=1 when xdx is a prefix of xsi
	mov xdi, xdx
.pbyte:
	mov al, [xdi]
	test al, al
	jz .pret
	cmp al, [xsi]
	jne .pret
	inc xdi
	inc esi
	jmp .pbyte
.pret:
	ret
.traditional:
	inc byte [trad]
	ret
.dups:
	inc byte [modern]
	inc byte [vflag]
	ret
.skip:
	inc byte [modern]
	mov bl, 0
	call parse_num
	mov edi, skipn
	call .store
	mov edi, offset
	jmp .store
.count:
	inc byte [modern]
	inc byte [limited]
	mov bl, 0
	call parse_num
	mov edi, limit
.store:
	mov eax, [num]
	stosd
	mov eax, [num+4]
	stosd
	ret
.width:
	inc byte [modern]
	inc byte [wflag]
	mov dword [wval], 32
	test xdx, xdx
	jz .ret
	mov ecx, [optname]
	mov bl, 10
	call parse_num
	copy64 eax, wval, num
.ret:
	ret

; old_offset - GNU's parse_old_offset of the operand xsi: [+]N[b|B],
; octal, or hex with 0x (GNU 9.1 takes a '.' for decimal but then
; refuses the '.' itself) -> CF=0 and [num]; CF=1 when it is none.
; clobbers xax, xbx, xcx, xdx, xsi, xdi
old_offset:
	cmp byte [xsi], 0
	je .no
	cmp byte [xsi], '+'
	jne .copy
	inc xsi
.copy:                                  ; a '.' (decimal, GNU says) never
	mov xdi, xsi                    ; parses: xstrtoumax stops at it
.dot:
	mov al, [xdi]
	inc xdi
	cmp al, '.'
	je .no
	test al, al
	jnz .dot
	mov bl, 8
.copied:
	cmp byte [xsi], '0'
	jne .parse
	mov al, [xsi+1]
	or al, 0x20
	cmp al, 'x'
	jne .parse
	mov bl, 16                      ; (strtoumax takes the 0x itself)
	mov al, [xsi+2]
	call hexval
	jnc .parse
	inc xsi
	inc xsi
; xstrtoumax (S, RADIX, "Bb"): blanks, a sign, digits, one suffix
.parse:
	call num_start
	je .no
	mov xdx, xsi
	call acc_digits
.digits_end:
	cmp xsi, xdx
	jne .suffix
	mov al, [xsi]                   ; no digit: 1 if a suffix follows
	cmp al, 'b'
	je .one
	cmp al, 'B'
	jne .no
.one:
	inc byte [num]
.suffix:
	lodsb
	test al, al
	jz .check
	mov ecx, 512
	cmp al, 'b'
	je .scale
	mov ecx, 1024
	cmp al, 'B'
	jne .no
.scale:
	call qmul
	cmp byte [xsi], 0
	jne .no
.check:
	test bh, bh
	jz .ret
.no:
	stc
.ret:
	ret

; unsupported - "ARGV0: not supported: TEXT" (xcx = TEXT), exit 1
unsupported:
	mov xdx, xcx                    ; (say reads ARG)
	mov esi, fmt_unsupported
	xor eax, eax
	call say
	exit 1

; parse_num - GNU's xstrtoumax of the string xdx: base bl (0: 0x hex, 0
; octal, else decimal; with GNU 9.1's suffixes b k K m M G T P E Z Y, then
; B D iB; 10: decimal without a suffix) -> [num]; a bad one: GNU's message
; naming the option xcx ("-j", "--skip-bytes"), exit 1.
parse_num:
	mov [optname], ecx
	mov xsi, xdx
	call num_start                  ; (bh: 1 bad suffix, 2 overflow)
	je .invalid
	test bl, bl
	jnz .base_set
	mov bl, 10
	base_prefix bl, .base_set		; "0": 8; "0x": al = the next digit's value
	jae .base_set
	mov bl, 16
	inc xsi
	inc xsi
.base_set:
	push xsi                        ; where the digits start
	call acc_digits
.digits_end:                            ; [xsp] = where the digits start
	mov al, [xsi]
	cmp bl, 10
	jne .suffixes
	cmp dword [optname], s_long_width
	je .no_suffix
	cmp dword [optname], s_w
	jne .suffixes
.no_suffix:
	cmp [xsp], xsi
	je .invalid
	test al, al
	jz .result
	jmp .bad_suffix
.suffixes:
	test al, al
	jnz .suffix
	cmp [xsp], xsi
	je .invalid
	jmp .result
.suffix:
	mov edi, suffixes
	mov ecx, powers - suffixes
	repne scasb
	jne .no_such
	cmp [xsp], xsi
	jne .have_digits
	cmp xsi, xdx                    ; no digit: 1, when the suffix is the
	jne .invalid                    ; first byte (" k", "+k": invalid)
	inc byte [num]
.have_digits:
	movzx ebp, byte [xdi + powers - suffixes - 1]   ; the power
	inc xsi
	mov ecx, 1024
	cmp word [xsi], 'iB'
	jne .not_ib
	inc xsi
	inc xsi
	jmp .scale
.not_ib:
	cmp byte [xsi], 'B'
	je .thousand
	cmp byte [xsi], 'D'
	jne .scale
.thousand:
	mov cx, 1000
	inc xsi
.scale:
	cmp al, 'b'
	jne .mul
	mov cx, 512
.mul:
	push xcx
	call qmul
	pop xcx
	dec ebp
	jnz .mul
	cmp byte [xsi], 0
	jne .bad_suffix
.result:
	pop xcx
	test bh, bh
	jnz .too_large
	ret
.no_such:
	cmp [xsp], xsi
	jne .bad_suffix
.invalid:
	mov esi, fmt_invalid_num
	jmp .say
.bad_suffix:
	mov esi, fmt_bad_suffix
	jmp .say
.too_large:
	mov esi, fmt_too_large
.say:
	mov ecx, [optname]
	xor eax, eax
	call say
	exit 1

; num_start - xstrtoumax's start: [num] = 0, bh = 0, xsi past the blanks
; (space, \t..\r) and a '+'. out: ZF=1 when a '-' comes. clobbers xax
num_start:
	xor eax, eax
	mov [num], eax
	mov [num+4], eax
	mov bh, 0
.ws:
	lodsb
	cmp al, ' '
	je .ws
	sub al, 9
	cmp al, 13-9
	jbe .ws
	add al, 9
	cmp al, '+'
	je .sign
	dec xsi
.sign:
	cmp al, '-'
	ret

; acc_digits - the digits at xsi in base bl (up to 16) added to [num]*bl
; each; bh |= 2 when it overflows. out: xsi at the first non-digit.
; clobbers xax, xcx
acc_digits:
	mov al, [xsi]
	call hexval
	cmp al, bl
	jae .ret
	inc xsi
	movzx ecx, bl
	push xax
	call qmul
	pop xax
	movzx eax, al
	add [num], eax
	adc dword [num+4], 0
	jnc acc_digits
	or bh, 2
	jmp acc_digits
.ret:
	ret

; qmul - [num] *= ecx; bh |= 2 when it overflows. clobbers xax, xcx
qmul:
	push xdx
	mov eax, [num+4]
	mul ecx
	jc .over
	push xax
	mov eax, [num]
	mul ecx
	mov [num], eax
	pop xcx
	add edx, ecx
	jc .over
	mov [num+4], edx
	pop xdx
	ret
.over:
	or bh, 2
	pop xdx
	ret

; hexval - al = the value of the hex digit al, or 255 when not one;
; CF=1 when it is one (for base 16)
hexval:
	sub al, '0'
	cmp al, 10
	jb .ret
	or al, 0x20
	sub al, 'a' - '0'
	cmp al, 6
	jae .bad
	add al, 10
	stc
.ret:
	ret
.bad:
	mov al, 255
	ret

; size_num - gnulib's simple_strtoul: the decimal digits at xsi in [num]
; -> xsi past them, ZF=1 when there were none, bh = 2 when they overflow
; 64 bits. clobbers xax xbx xcx
size_num:
	push xsi
	xor eax, eax
	mov [num], eax
	mov [num+4], eax
	mov bx, 10
	call acc_digits
	pop xax
	cmp xax, xsi
	ret

; parse_type - the -t string xdx: its types appended to specs.
parse_type:
	mov xsi, xdx
.spec:
	lodsb
	test al, al
	jz hexval.ret
	mov ebp, [specs_end]
	cmp ebp, specs + MAXSPECS * SPECSZ
	jb .room
	mov ecx, s_many
	jmp unsupported
.room:
	add dword [specs_end], SPECSZ
	mov dword [xbp+S_KIND], 0x03080102      ; 'c': kind 2, size 1, octal
	mov byte [xbp+S_FW], 3
	cmp al, 'c'
	je .z
	inc byte [xbp+S_KIND]
	cmp al, 'a'
	je .z
	cmp al, 'f'
	je float_type                   ; (cold)
	mov edi, int_types
	mov ecx, 4
	repne scasb
	jne .bad_char
	sub edi, int_types + 1          ; 0 d, 1 o, 2 u, 3 x
	mov al, [xsi]
	mov ecx, 4
	cmp al, 'I'
	je .letter
	mov cl, 1
	cmp al, 'C'
	je .letter
	inc ecx
	cmp al, 'S'
	je .letter
	mov cl, 8
	cmp al, 'L'
	je .letter
	call size_num
	push 4
	pop xcx
	je .sized                       ; no digits: int
	test bh, bh
	jnz .bad_type
	mov ecx, [num]
	cmp dword [num+4], 0
	jne .bad_size
	cmp ecx, 8
	ja .bad_size
	test ecx, ecx
	jz .bad_size
	lea eax, [ecx-1]
	test eax, ecx
	jz .sized
	jmp .bad_size
.letter:
	inc xsi
.sized:                                 ; ecx = size, edi = the type
	mov [xbp+S_SIZE], cl
	bsf eax, ecx
	lea eax, [eax + 4*edi]
	mov al, [widths + xax]
	mov [xbp+S_FW], al
	mov [xbp+S_MIN], al
	mov ah, 32
	shl cl, 3
	sub ah, cl
	jnc .shift
	mov ah, 0
.shift:
	mov [xbp+S_SHIFT], ah
	mov al, [bases + xdi]
	mov [xbp+S_BASE], al
	xor eax, eax
	cmp edi, 1
	jbe .kind                       ; d: signed
	cmp edi, 2
	jne .unsigned
	jmp .decimal
.kind:
	je .unsigned                    ; o
	inc eax
.decimal:
	mov byte [xbp+S_MIN], 1
.unsigned:
	mov [xbp+S_KIND], al
.z:
	cmp byte [xsi], 'z'
	jne .spec
	inc xsi
	inc byte [xbp+S_Z]
	jmp .spec
.bad_char:
	movzx eax, al
	push xax
	mov xcx, xsp
	mov esi, fmt_bad_char
	call .say
	pop xax
	ret
.bad_type:
	mov esi, fmt_bad_type
	jmp .say
.bad_size:
	mov esi, fmt_bad_size
.bad_num:                               ; esi = the message, [num] the size
	push xsi
	push xdx
	mov esi, numtext + 20
	mov byte [xsi], 0
	mov eax, [num]
	mov edx, [num+4]
	mov bx, 10 | (1 << 8)
	call conv
	pop xdx
	mov ecx, esi
	pop xsi
.say:                                   ; GNU's error (0, 0, ...): the options
	mov byte [t_bad], 1             ; go on, od fails after them
	xor eax, eax
	jmp say

; layout - after the skip: the line width (GNU's warning for a bad -w) and
; GNU's padding of each type, the two blocks.
layout:
; ecx = the largest size (GNU's lcm of the sizes)
	xor ecx, ecx
	mov ebp, specs
.lcm:
	cmp cl, [xbp+S_SIZE]
	jae .lcm_next
	mov cl, [xbp+S_SIZE]
.lcm_next:
	add ebp, SPECSZ
	cmp ebp, [specs_end]
	jb .lcm
	push 16
	pop xax
	cmp byte [wflag], 0
	je .have_width
	mov eax, [wval]
	cmp dword [wval+4], 0
	jne .bad_width
	test eax, eax
	jz .bad_width
	lea edx, [ecx-1]
	test eax, edx
	jz .have_width
.bad_width:                             ; GNU's warning, then the lcm
	push xcx
	mov eax, [wval]
	mov edx, [wval+4]
	mov esi, numtext + 20
	mov byte [xsi], 0
	mov bx, 10 | (1 << 8)
	call conv
	mov xdx, xsi
	pop xax
	push xax
	cmp al, 10                      ; (the lcm of the sizes: 1..16)
	jb .one_digit
	add al, '0' - 10
	shl eax, 8
	mov al, '1'
	jmp short .digits
.one_digit:
	add al, '0'
.digits:
	push xax
	mov xcx, xsp
	mov esi, fmt_width
	xor eax, eax
	call say
	pop xax
	pop xax
.have_width:
	cmp eax, MAXW
	jbe .width_ok
	mov ecx, s_wide
	jmp unsupported
.width_ok:
	mov [bpb], eax
; fields, and the widest line (ebx): GNU's width_per_block
	xor ebx, ebx
	mov ebp, specs
.widest:
	mov eax, [bpb]
	xor edx, edx
	movzx ecx, byte [xbp+S_SIZE]
	div ecx
	mov [xbp+S_FIELDS], eax
	movzx ecx, byte [xbp+S_FW]
	inc ecx
	mul ecx
	cmp ebx, eax
	jae .widest_next
	xchg eax, ebx
.widest_next:
	add ebp, SPECSZ
	cmp ebp, [specs_end]
	jb .widest
	mov ebp, specs
.pads:
	movzx eax, byte [xbp+S_FW]
	mul dword [xbp+S_FIELDS]
	neg eax
	add eax, ebx
	mov [xbp+S_PAD], eax
	add ebp, SPECSZ
	cmp ebp, [specs_end]
	jb .pads
; the blocks: lines of up to SBLK bytes in the static blocks, beside the
; variables; longer ones in the arena, after the output and input buffers
	mov eax, sblk0
	mov edx, sblk1
	cmp dword [bpb], SBLK
	jbe .blocks
	mov eax, arena + OUTSZ + ISZ
	mov edx, eax
	add edx, [bpb]
	add edx, 8
.blocks:
	mov [prev], eax
	mov [blk0], eax
	mov [blk1], edx
	ret

; setup - after the options: the default type, the buffers, the first
; operand opened.
setup:
	cmp dword [specs_end], specs
	jne .have_types
	mov edx, s_default
	call parse_type
.have_types:
	cmp byte [pseudo], 0            ; a LABEL with -A n: "(OFFSET)" in
	je .no_label                    ; octal (GNU)
	cmp byte [addr_base], 0
	jne .no_label
	mov word [addr_base], 8 | (7 << 8)
	inc byte [pseudo]
.no_label:
	mov dword [bigobuf], arena
	mov dword [ibuf], arena + OUTSZ
	mov eax, tiny
	mov [obuf], eax
	mov [opos], eax
	call set_limit
	mov dword [rbuf], sbuf
	mov dword [rsize], SBUFSZ
	inc byte [first]
; GNU opens the first operand that it can before anything else: when
; none opens, nothing is printed.
	call open_next
	jc dump.bye
	ret

; The traditional letters: the letter, its -t string (NUL-terminated)
traditional:
	db 'a', 'a', 0, 0
	db 'b', 'o1', 0
	db 'c', 'c', 0, 0
	db 'd', 'u2', 0
	db 'i', 'd4', 0
	db 'l', 'd8', 0
	db 'I', 'd8', 0
	db 'L', 'd8', 0
	db 'o', 'o2', 0
	db 'B', 'o2', 0
s_default equ $ - 3
	db 's', 'd2', 0
	db 'x', 'x2', 0
	db 'h', 'x2', 0
	db 'D', 'u4', 0
	db 'O', 'o4', 0
	db 'H', 'x4', 0
	db 'X', 'x4', 0
	db 'e', 'fD', 0
	db 'f', 'fF', 0
	db 'F', 'fD', 0
int_types:	db 'doux'
bases:		db 10, 8, 10, 16
widths:		db 4, 6, 11, 20         ; d1 d2 d4 d8
		db 3, 6, 11, 22         ; o
		db 3, 5, 10, 20         ; u
		db 2, 4, 8, 16          ; x
radixes:	db 'o', 8, 7, 'd', 10, 7, 'x', 16, 6, 'n', 0, 0, 0
digits:		db '0123456789abcdef'
c_escapes:	db '0', 0, 0, 0, 0, 0, 0, 'a', 'b', 't', 'n', 'v', 'f', 'r'
names:		db 'nulsohstxetxeotenqackbelbs', 0, 'ht', 0, 'nl', 0, 'vt', 0
		db 'ff', 0, 'cr', 0, 'so', 0, 'si', 0, 'dledc1dc2dc3dc4naksynetbcan'
		db 'em', 0, 'subesc', 'fs', 0, 'gs', 0, 'rs', 0, 'us', 0, 'sp', 0
s_del:		db 'del'
suffixes:	db 'bEGKkMmPTYZ'                ; (9.1: no R, no Q)
powers:		db 1, 6, 3, 1, 1, 2, 2, 5, 4, 8, 7
s_w:		db '-w', 0
s_long_width:	db '--width', 0
s_j:		db '-j', 0
s_long_skip:	db '--skip-bytes', 0
s_n:		db '-N', 0
s_long_count:	db '--read-bytes', 0
fmt_extra_trad:	db F_ARGV0, ': extra operand ', F_QUOTE, 10
		db F_ARGV0, ': compatibility mode supports at most one file', 10, F_TRY, 0
s_long_endian:	db '--endian', 0
s_big:		db 'big', 0
s_little:	db 'little', 0
fmt_invalid_arg: db F_ARGV0, ': invalid argument ', F_QUOTE, " for '", F_TEXT, "'", 10
		db "Valid arguments are:", 10, "  - 'little'", 10, "  - 'big'", 10, F_TRY, 0
fmt_ambiguous_arg: db F_ARGV0, ': ambiguous argument ', F_QUOTE, " for '", F_TEXT, "'", 10
		db "Valid arguments are:", 10, "  - 'little'", 10, "  - 'big'", 10, F_TRY, 0
s_many:		db 'more than 16 types', 0
s_wide:		db 'more than 1048576 bytes a line', 0
s_stdin:	db 'standard input', 0
dash_list:	dW s_dash, 0
s_dash:		db '-', 0
msg_write:	db 'write error', 0
msg_too_large:	db 'skip-bytes + read-bytes is too large', 0
msg_past_end:	db 'cannot skip past end of combined input', 0
fmt_unsupported: db F_ARGV0, ': not supported: ', F_TEXT, 10, 0
fmt_radix:	db F_ARGV0, ": invalid output address radix '", 0
fmt_radix_end:	db "'; it must be one character from [doxn]", 10, 0
fmt_invalid_num: db F_ARGV0, ': invalid ', F_TEXT, " argument '", F_ARG, "'", 10, 0
fmt_bad_suffix:	db F_ARGV0, ': invalid suffix in ', F_TEXT, " argument '", F_ARG, "'", 10, 0
fmt_too_large:	db F_ARGV0, ': ', F_TEXT, " argument '", F_ARG, "' too large", 10, 0
fmt_bad_char:	db F_ARGV0, ": invalid character '", F_TEXT, "' in type string ", F_QUOTE, 10, 0
fmt_bad_type:	db F_ARGV0, ": invalid type string ", F_QUOTE, 10, 0
fmt_bad_size:	db F_ARGV0, ": invalid type string ", F_QUOTE, ";", 10, "this system doesn't provide a ", F_TEXT, "-byte integral type", 10, 0
fmt_width:	db F_ARGV0, ': warning: invalid width ', F_ARG, '; using ', F_TEXT, ' instead', 10, 0
OPTSPEC:	db 'A:aBbcDdeFfHhIij:LlN:OoS:st:vwXx', 0
LONGOPTS:
	db 'J'|0x80, 'skip-bytes', 0    ; (GNU's order: its ambiguity lists)
	db 'A'|0x80, 'address-radix', 0
	db 'n'|0x80, 'read-bytes', 0
	db 't'|0x80, 'format', 0
	db 'v', 'output-duplicates', 0
	db STRINGS|0x80, 'strings', 0   ; (its argument optional)
	db 'T', 'traditional', 0
	db W_LONG|0x80, 'width', 0     ; (its argument optional)
	db 'K'|0x80, 'endian', 0
	db '?', 'help', 0
	db '?', 'version', 0
	db 0

; ------------------------------------------------------------------
; The floating point types: cold (elf.inc's COLD), a run without them
; maps none of it.
COLD

; read_failed - read_one's failed read (xax = -errno). A skip ends there
; (GNU's n_skip = 0), silently: the dump's read of this operand fails
; again and tells it (after -w's warning, as GNU's). Else the message,
; and the operand is closed; .error is also skip's failed fstat64 (called).
read_failed:
	mov edx, [skipn]
	or edx, [skipn+4]
	jz .error
	xor eax, eax
	mov [skipn], eax
	mov [skipn+4], eax
	stc
	ret
.error:
	push xax
	call sync_out
	pop xax
	mov xsi, [name]
	call err_file
	jmp read_one.eof

; float_type - parse_type's 'f' (xsi past it): F, D, L or a size in bytes
; (4, 8, 16; none: 8) as GNU 9.1 reads them; back to parse_type's .z
float_type:
	mov byte [xbp+S_KIND], 4
	mov al, [xsi]
	mov edi, s_fdl
	push 3
	pop xcx
	repne scasb
	jne .count
	inc xsi
	mov al, 16
	shr al, cl                      ; F 4, D 8, L 16
	jmp .sized
.count:
	call size_num
	mov al, 8
	je .sized                       ; no digits: double
	test bh, bh
	jnz parse_type.bad_type
	mov eax, [num]
	cmp dword [num+4], 0
	jne .bad
	cmp eax, 16
	ja .bad
	mov ecx, (1 << 4) | (1 << 8) | (1 << 16)
	bt ecx, eax
	jc .sized
.bad:
	mov esi, fmt_bad_fsize
	jmp parse_type.bad_num
.sized:
	mov [xbp+S_SIZE], al
	movzx ecx, al
	bsf ecx, ecx
	mov al, [fwidths - 2 + xcx]
	mov [xbp+S_FW], al
	jmp parse_type.z

; strings_opt - -S BYTES, --strings[=BYTES] (xdx, or 0: 3)
strings_opt:
	inc byte [modern]
	inc byte [sflag]
	mov ecx, s_S
	cmp al, 'S'
	je .number
	mov ecx, s_long_strings
	test xdx, xdx
	jnz .number
	mov dword [smin], 3
	and dword [smin+4], 0
	ret
.number:
	mov bl, 0
	call parse_num
	mov edi, smin
	jmp option.store

; strings_typed - after the options, -S with a type (-t or a traditional
; letter): GNU's error
strings_typed:
	cmp dword [specs_end], specs
	je _start.typed_ok
	mov esi, msg_typed
	call err_plain
	exit 1

; dump_strings - -S: GNU's dump_strings. Each run of [smin] or more
; printable bytes (' '..'~') ended by a NUL, or by -N's end, printed after
; its offset (GNU's: one less than the run's when -N cut it) and a space;
; the run gathered in a mapping of max(100, [smin]) bytes, twice as large
; as needed ("memory exhausted" as GNU's xmalloc when the kernel has none).
; Nothing after the last (no final offset). xbp = the run's length, edi =
; the output ([opos] around the reads)
dump_strings:
	mov xax, [smin]
%if W == 4
	cmp dword [smin+4], 0
	jne .exhausted
%endif
	cmp xax, 100
	jae .size
	mov eax, 100
.size:
	mov [scap], xax
	xchg xax, A2
	sys mmapx, 0, A2, PROT_RW, MAP_PRIVANON, -1, 0
	jerrp .exhausted
	mov [sbase], xax
	mov edi, [opos]
	jmp .try
.cut:                                   ; -N's end: GNU's check_and_close
	mov [opos], edi
	call close_in
	call check_out
	jmp dump.stdin
.eof:
	jmp dump.stdin
.exhausted:
	mov esi, msg_nomem
	call err_plain
	exit 1
; .getc - the next byte kept (CF=1 at the end of the input: then [opos]
; is edi); a NUL ends the run (to .print), another one not printable
; starts again (to .try)
.getc:
	mov esi, [ipos]
	cmp esi, [in_end]
	jb .have
	mov [opos], edi
	call refill
	mov edi, [opos]
	jc .ret
	jmp .getc
.have:
	lodsb
	mov [ipos], esi
	add dword [offset], 1
	adc dword [offset+4], 0
	sub dword [limit], 1
	sbb dword [limit+4], 0
	pop xdx                         ; (the return)
	test al, al
	jz .nul
	cmp al, ' '
	jb .try
	cmp al, '~'
	ja .try
	mov xsi, [sbase]
	mov [xsi + xbp], al
	inc xbp
	clc
	jmp xdx
.nul:
	cmp xbp, [smin]
	jae .print
	jmp .try
.ret:
	ret
.try:                                   ; GNU's tryline
	cmp byte [limited], 0
	je .first
	mov eax, [smin]                 ; with -N: not when [smin] or fewer
	mov edx, [smin+4]               ; bytes are left
	sub eax, [limit]
	sbb edx, [limit+4]
	jnc .cut
.first:
	xor ebp, ebp
.lead:                                  ; [smin] printable bytes
	cmp xbp, [smin]
	jae .run
	call .getc
	jc .eof
	jmp .lead
.run:                                   ; then more, up to a NUL
	cmp byte [limited], 0
	je .room
	mov eax, [limit]
	or eax, [limit+4]
	jz .print                       ; (-N's end)
.room:
	cmp xbp, [scap]
	jb .next
	mov A3, [scap]
	add A3, A3
	mov [scap], A3
	push xdi
	sys mremap, [sbase], xbp, A3, MREMAP_MAYMOVE
	pop xdi
	jerrp .exhausted
	mov [sbase], xax
.next:
	call .getc
	jc .eof
	jmp .run
; the run: its offset (GNU's address - i - 1), a space, the bytes
.print:
	mov eax, [offset]
	mov edx, [offset+4]
	push xax
	push xdx
	mov ecx, ebp
	not ecx                         ; -i - 1 (a run under 4 GiB)
	add [offset], ecx
	adc dword [offset+4], -1
	call put_addr
	pop xdx
	pop xax
	mov [offset], eax
	mov [offset+4], edx
	cmp byte [addr_base], 0
	je .bytes
	mov al, ' '
	stosb
.bytes:
	mov xsi, [sbase]
.byte:
	call maybe_flush
	test xbp, xbp
	jz .line
	movsb
	dec xbp
	jmp .byte
.line:
	mov al, 10
	stosb
	call maybe_flush
	jmp .try

; fmt_float - the float, double or long double field at xsi (the type at
; xbp) as GNU's od prints it, gnulib's ftoastr: %.*g with the least
; precision from FLT_DIG, DBL_DIG, LDBL_DIG (1 below the least normal
; value) whose text reads back as the same value, at most 9, 17, 21 ->
; xsi = the text, ecx = its length. clobbers xax xbx xdx
;
; x = M * 2^E (M the type's integer mantissa); the values halfway to its
; neighbours, U = (2M+1) 2^(E-1) and L = (2M-1) 2^(E-1) ((4M-1) 2^(E-2)
; when M is a power of two above the least exponent: the gap below is
; half), exactly, scaled by a 10^j that gives x 23 to 26 digits:
; floor(m 2^(E-2) 10^j) for m = 4M, 4M+2, 4M-2 (4M-1), FW digits each and
; one more, 1 when a fraction was left, so that comparing two texts
; compares the values. A precision p reads back when x's digits rounded
; to p (half to even) lie strictly between L's and U's, or on one of
; them with M even (strtod's ties to even).
fmt_float:
	push xdi
	push xbp
	movzx ecx, byte [xbp+S_SIZE]
	mov edi, fbytes
	push xcx
	rep movsb
	pop xcx
	mov esi, fbytes
	cmp byte [bigend], 0
	je .native
	lea edi, [xsi + xcx - 1]        ; --endian=big: all its bytes swapped
.swap:
	mov al, [xsi]
	xchg al, [xdi]
	mov [xsi], al
	inc esi
	dec edi
	cmp esi, edi
	jb .swap
	mov esi, fbytes
.native:
	bsf ecx, ecx                    ; 2 float, 3 double, 4 long double
	lea ebp, [xcx + xcx*4 + ftypes - 2*FTSZ]
	cmp cl, 3
	ja .tword
	je .double
	fld dword [xsi]
	jmp .extend
.double:
	fld qword [xsi]
.extend:
	fstp tword [xsi]                ; the same value as a long double
.tword:
	mov edi, ftext
	movzx eax, word [xsi+8]
	btr eax, 15
	jnc .positive
	mov byte [xdi], '-'             ; (-0, -nan too)
	inc edi
.positive:
	push xdi                        ; where the number goes
	xor edi, edi
	mov ebx, [xsi]
	mov edx, [xsi+4]
	cmp eax, 0x7fff
	je .special
	test eax, eax
	jnz .normal
	inc eax                         ; a denormal: 1's exponent
	bt edx, 31                      ; with the integer bit (pseudo-
	jnc .finite                     ; denormal): glibc prints it without
	mov ecx, edx                    ; that bit, and it never reads back
	add ecx, ecx                    ; (the bound's precision), but for
	or ecx, ebx                     ; 2^63 (LDBL_MIN's value)
	jz .finite
	btr edx, 31
	inc edi
	jmp .finite
.normal:
	test edx, edx
	jns .nan                        ; no integer bit: glibc's nan
.finite:
	mov ecx, ebx
	or ecx, edx
	jz .zero
	sub eax, 16383 + 63             ; x = edx:ebx * 2^eax
; the type's E = max(eax + 64 - P, Emin), M = edx:ebx >> (E - eax)
	movzx ecx, byte [xbp+FT_P]
	neg ecx
	lea ecx, [xax + xcx + 64]
	movzx esi, word [xbp+FT_EMIN]
	neg esi
	cmp ecx, esi
	jge .e_set
	mov ecx, esi
.e_set:
	mov [fexp], ecx
	sub ecx, eax                    ; 0..63
	cmp cl, 32
	jb .shift
	mov ebx, edx
	xor edx, edx
.shift:
	shrd ebx, edx, cl
	shr edx, cl
	mov [fman], ebx
	mov [fman+4], edx
	bsr eax, ebx
	bsr ecx, edx
	jz .low
	lea eax, [xcx + 32]             ; eax = M's top bit
.low:
	movzx ecx, byte [xbp+FT_P]
	dec ecx
	mov dl, [xbp+FT_BOUND]
	test edi, edi
	jnz .from
	mov dl, 1                       ; below the least normal: from 1
	cmp eax, ecx
	jb .from
	mov dl, [xbp+FT_DIG]
.from:
	mov [fp0], dl
	mov byte [fsu + FW1], 2         ; U's 4M+2, L's 4M-2
	mov byte [fsl + FW1], -2
	cmp eax, ecx
	jne .gap
	bsf esi, ebx                    ; M = 2^(P-1) (its lowest bit is
	jnz .lowest                     ; its top one) above Emin: 4M-1
	bsf esi, [fman+4]
	add esi, 32
.lowest:
	cmp esi, eax
	jne .gap
	movzx esi, word [xbp+FT_EMIN]
	add esi, [fexp]
	jz .gap
	inc byte [fsl + FW1]
.gap:
; j = 23 - floor(log10 x), log10 x from its top bit (-1..2 off)
	add eax, [fexp]
	imul eax, eax, 78913            ; log10(2) * 2^18
	sar eax, 18
	neg eax
	add eax, FW - 4
	mov [fj], eax
; ftb = 5^|j|: x's, U's and L's factor (j >= 0), or their divisor T =
; 5^-j * 2^k, k setting its top bit (x above 10^23)
	mov ebx, ftb
	call w_clear
	inc byte [ftb + 16]
	inc byte [ftb]
	mov eax, [fj]
	cdq
	xor eax, edx
	sub eax, edx
	call w_pow5
	cmp dword [fj], 0
	jge .numbers
	mov ecx, [ftb]
	bsr ecx, [ftb + 12 + xcx*4]
	xor cl, 31
	mov [fk], ecx
	xor eax, eax
	inc eax
	shl eax, cl
	xchg eax, ecx
	call w_mul

; x's, U's and L's digits (fsx, fsu, fsl)
.numbers:
	mov edi, fsx
.number:
	push xdi
	mov ebx, fnb
	call w_clear
	mov eax, [fman]                 ; ecx:edx:eax = m = 4M + delta
	mov edx, [fman+4]
	xor ecx, ecx
	shld ecx, edx, 2
	shld edx, eax, 2
	shl eax, 2
	mov edi, [xsp]
	movsx esi, byte [xdi + FW1]
	mov ebx, esi
	sar ebx, 31
	add eax, esi
	adc edx, ebx
	adc ecx, ebx
	mov ebx, fnb
	mov esi, [fj]
	test esi, esi
	js .divide
; j >= 0: m * 5^j (a row for each of m's limbs), its 96 bits from bit
; 2 - E - j (the pad's zeros below bit 0), the fraction's bits below them
	mov [fq], eax
	mov [fq+4], edx
	mov [fq+8], ecx
	mov edi, fnb + 16
	mov ebx, fq
.row:
	push xbx
	mov ebx, [xbx]
	xor ecx, ecx
	call w_mac
	pop xbx
	scasd                           ; (the next limb)
	add ebx, 4
	cmp ebx, fq + 12
	jb .row
	mov eax, [ftb]
	add eax, 3
	mov [fnb], eax
	mov ecx, 98
	sub ecx, [fexp]
	sub ecx, [fj]
	mov edx, ecx
	shr edx, 5
	lea esi, [fnb + 4 + xdx*4]
	mov eax, [xsi]
	mov ebx, [xsi+4]
	shrd eax, ebx, cl
	mov [fq], eax
	mov eax, [xsi+8]
	shrd ebx, eax, cl
	mov [fq+4], ebx
	mov ebx, [xsi+12]
	shrd eax, ebx, cl
	mov [fq+8], eax
	or ebx, -1
	shl ebx, cl
	not ebx
	and ebx, [xsi]
	mov ecx, edx
	mov edi, fnb + 4
	xor eax, eax
	repe scasd
	setne al
	or eax, ebx
	jmp .text
; j < 0: R = m * 2^(E - 2 + j + k) (> 0) divided by T
.divide:
	mov ebx, [fexp]
	add ebx, [fk]
	lea ebx, [xbx + xsi - 2]
	mov esi, ebx
	shr esi, 5
	lea edi, [fnb + 16 + xsi*4]
	stosd
	xchg eax, edx
	stosd
	xchg eax, ecx
	stosd
	add esi, 3
	mov [fnb], esi
	mov ecx, ebx
	xor eax, eax
	inc eax
	shl eax, cl
	xchg eax, ecx
	mov ebx, fnb
	call w_mul
; the quotient's limbs, the top one first: each estimated from R's two
; top limbs over T's top one plus 1 (at most 3 below the true one), then
; T subtracted while R is not below it
	push 2
.q_limb:
	mov eax, [xsp]
	mov ecx, [ftb]
	lea edi, [fnb + 16 + xax*4]
	mov edx, [xdi + xcx*4]
	mov eax, [xdi + xcx*4 - 4]
	mov ebx, [ftb + 12 + xcx*4]
	inc ebx
	jz .q_top                       ; (T's top limb 2^32 - 1)
	div ebx
	xchg eax, edx
.q_top:
	mov ebx, edx
	or ecx, -1
	call w_mac
.q_fix:
	call w_cmp
	jb .q_done
	call w_sub
	inc ebx
	jmp .q_fix
.q_done:
	pop xax
	mov [fq + xax*4], ebx
	dec eax
	push xax
	jns .q_limb
	pop xax
	mov ecx, [fnb]
	mov edi, fnb + 16
	xor eax, eax
	repe scasd
	setne al
; the quotient as FW digits, then the fraction's: '1' when eax is not 0
.text:
	mov edi, [xsp]
	test eax, eax
	setnz al
	add al, '0'
	mov [xdi + FW], al
	add edi, FW
	push 3                          ; 9 digits a part, the lowest first
.part:
	mov ebx, 1000000000
	xor edx, edx
	mov eax, [fq+8]
	div ebx
	mov [fq+8], eax
	mov eax, [fq+4]
	div ebx
	mov [fq+4], eax
	mov eax, [fq]
	div ebx
	mov [fq], eax
	xchg eax, edx
	push 9
	pop xcx
	push 10
	pop xbx
.digit:
	xor edx, edx
	div ebx
	add dl, '0'
	dec edi
	mov [xdi], dl
	loop .digit
	dec dword [xsp]
	jnz .part
	pop xax
	pop xdi
	add edi, FW1 + 1
	cmp edi, fsd
	jb .number

; p from [fp0]: x's digits rounded to p in fsd, until they read back
	movzx ecx, byte [fp0]
.try:
	push xcx
	mov esi, fsx
	mov edi, fsd
	mov cl, FW1
	rep movsb
	mov edi, fsd
	mov al, '0'
	mov cl, FW
	repe scasb
	dec edi
	add edi, [xsp]                  ; the first digit dropped
	xor ebx, ebx
	push xdi
	mov dl, [xdi]
	cmp dl, '5'
	jb .cut
	ja .up
	inc edi
	mov ecx, fsd + FW1
	sub ecx, edi
	repe scasb
	jne .up
	mov edi, [xsp]
	mov bl, [xdi-1]
	and bl, 1                       ; a tie: up when odd
	jmp .cut
.up:
	inc ebx
.cut:
	mov edi, [xsp]
	mov ecx, fsd + FW1
	sub ecx, edi
	rep stosb                       ; '0'
	pop xdi
	test ebx, ebx
	jz .rounded
.carry:
	dec edi
	inc byte [xdi]
	cmp byte [xdi], '9' + 1
	jne .rounded
	mov [xdi], al
	jmp .carry
.rounded:
	pop xcx
	cmp cl, [xbp+FT_BOUND]
	jae .print
	mov edi, fsu
	call .compare
	je .tie
	ja .more                        ; above U
	mov edi, fsl
	call .compare
	je .tie
	ja .print                       ; above L
.more:
	inc ecx
	jmp .try
.tie:
	test byte [fman], 1
	jnz .more

; %.{p}g of fsd: its power of ten X, n digits without the trailing zeros
.print:
	mov esi, fsd
.first:
	lodsb
	cmp al, '0'
	je .first
	dec esi
	lea eax, [fsd + FW - 1]
	sub eax, esi
	sub eax, [fj]
	lea ebx, [xsi + xcx]
.trail:
	dec ebx
	cmp byte [xbx], '0'
	je .trail
	sub ebx, esi
	inc ebx
	pop xdi
	cmp eax, -4
	jl .exp
	cmp eax, ecx
	jge .exp
	test eax, eax
	js .fraction
	lea ecx, [xax + 1]              ; X+1 digits, a point and the rest
	sub ebx, ecx
	rep movsb
	jle .done
	mov byte [xdi], '.'
	inc edi
	mov ecx, ebx
	rep movsb
	jmp .done
.fraction:                              ; 0.000ddd
	mov word [xdi], '0.'
	scasw
	not eax
	xchg eax, ecx
	mov al, '0'
	rep stosb
	mov ecx, ebx
	rep movsb
	jmp .done
.exp:                                   ; d.ddde+XX
	movsb
	dec ebx
	jz .e
	mov byte [xdi], '.'
	inc edi
	mov ecx, ebx
	rep movsb
.e:
	mov word [xdi], 'e+'
	test eax, eax
	jns .e_sign
	neg eax
	mov byte [xdi+1], '-'
.e_sign:
	scasw
	push xdi
	mov esi, numend
	xor edx, edx
	mov bx, 10 | (2 << 8)
	call conv
	pop xdi
	mov ecx, numend
	sub ecx, esi
	rep movsb
	jmp .done
.special:
	cmp edx, 0x80000000
	jne .nan
	test ebx, ebx
	jnz .nan
	mov eax, 'inf'
	jmp .word
.nan:
	mov eax, 'nan'
.word:
	pop xdi
	stosd
	dec edi
	jmp .done
.zero:
	pop xdi
	mov al, '0'
	stosb
.done:
	mov ecx, edi
	mov esi, ftext
	sub ecx, esi
	pop xbp
	pop xdi
	ret
; .compare - flags of fsd compared with the digits at xdi. clobbers xsi xdi
.compare:
	push xcx
	mov esi, fsd
	push FW1
	pop xcx
	repe cmpsb
	pop xcx
	ret

; The big numbers: a length (an upper bound: the limbs past it are 0),
; three zero dwords (fmt_float reads below bit 0), the limbs from the
; lowest (NL at most).

; w_clear - the big number at xbx made 0. clobbers xax xcx xdi
w_clear:
	xor eax, eax
	xor ecx, ecx
	xchg ecx, [xbx]
	lea edi, [xbx+16]
	rep stosd
	ret

; w_pow5 - the big number at xbx times 5^eax (eax >= 0), 5^13 a pass.
; clobbers xax xcx xdx xsi xdi
w_pow5:
	test eax, eax
	jz .ret
	push 1
	pop xcx
.grow:
	imul ecx, ecx, 5
	dec eax
	jz .apply
	cmp ecx, 244140625              ; 5^12: one more still fits
	jbe .grow
.apply:
	push xax
	call w_mul
	pop xax
	jmp w_pow5
.ret:
	ret

; w_mul - the big number at xbx times ecx (its length at least 1).
; clobbers xax xdx xsi xdi
w_mul:
	push xbp
	mov ebp, [xbx]
	lea esi, [xbx+16]
	xor edi, edi
.limb:
	lodsd
	mul ecx
	add eax, edi
	adc edx, 0
	mov [xsi-4], eax
	mov edi, edx
	dec ebp
	jnz .limb
	test edi, edi
	jz .ret
	mov [xsi], edi
	inc dword [xbx]
.ret:
	pop xbp
	ret

; w_mac - the limbs at xdi (as many as ftb's, and one for the carry)
; += ebx * ftb, or -= when ecx is negative (then not below it). clobbers
; xax xcx xdx xsi
w_mac:
	push xdi
	push xbp
	mov cx, [ftb]
	inc cx                          ; (ftb's limb past its length is 0)
	mov esi, ftb + 16
	xor ebp, ebp
.limb:
	lodsd
	mul ebx
	add eax, ebp
	adc edx, 0
	test ecx, ecx
	js .sub
	add [xdi], eax
	jmp .carry
.sub:
	sub [xdi], eax
.carry:
	adc edx, 0
	mov ebp, edx
	scasd                           ; (the next limb)
	dec cx
	jnz .limb
	pop xbp
	pop xdi
	ret

; w_cmp - flags of the limbs at xdi (as many as ftb's, and one) compared
; with ftb's (unsigned). clobbers xcx xsi
w_cmp:
	push xdi
	mov ecx, [ftb]
	lea esi, [xdi + xcx*4]
	lea edi, [ftb + 16 + xcx*4]
	inc ecx
	std
	repe cmpsd
	cld
	pop xdi
	ret

; w_sub - the limbs at xdi (as many as ftb's, and one) -= ftb (not above
; them). clobbers xax xcx xsi
w_sub:
	push xdi
	mov ecx, [ftb]
	inc ecx
	mov esi, ftb + 16
	clc
.limb:
	lodsd
	sbb [xdi], eax
	lea edi, [xdi+4]
	loop .limb
	pop xdi
	ret

FT_EMIN	equ 0                   ; -the least exponent (word)
FT_P	equ 2                   ; the mantissa's bits
FT_DIG	equ 3                   ; FLT_DIG, DBL_DIG, LDBL_DIG
FT_BOUND equ 4                  ; the precision that always reads back
FTSZ	equ 5
ftypes:	dw 149
	db 24, 6, 9
	dw 1074
	db 53, 15, 17
	dw 16445
	db 64, 18, 21
fwidths: db 15, 24, 29                  ; GNU's field widths
s_fdl:	db 'FDL'
s_S:		db '-S', 0
s_long_strings:	db '--strings', 0
msg_typed:	db 'no type may be specified when dumping strings', 0
msg_nomem:	db 'memory exhausted', 0
fmt_bad_fsize: db F_ARGV0, ": invalid type string ", F_QUOTE, ";", 10, "this system doesn't provide a ", F_TEXT, "-byte floating point type", 10, 0
TEXT

; The big buffers first, so that the small variables and buffers share a
; page with the library's (on i386: argv0, status); a small run touches
; only that page (PAD moves it off a page boundary for the present size).
BSS
arena:	resb OUTSZ + ISZ + 2 * (MAXW + 8) + 16
fwork:                                  ; the floating point types' page
fnb:	resd 4 + NL                     ; big numbers (see w_clear)
ftb:	resd 4 + NL
fsx:	resb FW1 + 1                    ; x's digits, then its delta
fsu:	resb FW1 + 1                    ; U's
fsl:	resb FW1 + 1                    ; L's
fsd:	resb FW1                        ; x's rounded
fq:	resd 3                          ; a quotient
fman:	resd 2                          ; M
fexp:	resd 1                          ; E
fj:	resd 1                          ; j
fk:	resd 1                          ; k
fbytes:	resb 16                         ; the field
ftext:	resb 32                         ; its text
fp0:	resb 1                          ; the first precision
	resb 4096 - ($ - fwork)         ; (the small variables' page stays)
st:	resb ST64_RECORD                ; skip's fstat64 (layouts.inc)
PAD	equ 1300
	resb PAD
offset:	resd 2                          ; of the block being printed
skipn:	resd 2                          ; -j: left to skip
t_bad:	resb 1                          ; a bad -t string was told
limit:	resd 2                          ; -N: left to dump
rleft:	resd 2                          ; -j + -N: left to read (rleft_sub)
label:	resd 2                          ; --traditional's LABEL
poff:	resd 2                          ; LABEL - OFFSET
num:	resd 2                          ; parse_num's result
wval:	resd 2                          ; -w's value
bpb:	resd 1                          ; bytes a line
nbytes:	resd 1                          ; in the block being printed
blank:	resd 1                          ; its blank fields (this type)
fld_i:	resd 1                          ; fields left + blank
fld_p:	resd 1                          ; the next field's bytes
pad_rem: resd 1                         ; GNU's pad_remaining
prev:	resd 1                          ; the block before
blk0:	resd 1                          ; the two block buffers
blk1:	resd 1
cur:	resd 1                          ; the block
obuf:	resd 1                          ; the output buffer (tiny or big)
bigobuf: resd 1                         ; the big one
opos:	resd 1                          ; its end
olimit:	resd 1                          ; flush past this
ibuf:	resd 1                          ; the input buffer
rbuf:	resd 1                          ; the next read's buffer
rsize:	resd 1                          ; and size
ipos:	resd 1                          ; what is left of it
in_end:	resd 1
fd:	resd 1                          ; the input, or -1
name:	resW 1                          ; its name for messages
opnd:	resW 1                          ; the next operand's slot
optname: resd 1                         ; "-j" ... for parse_num's messages
specs_end: resd 1                       ; past the last type
addr_base: resb 1                       ; -A: 8, 10, 16 or 0 (n)
addr_pad: resb 1                        ; its digits
modern:	resb 1                          ; a POSIX option was given
vflag:	resb 1
wflag:	resb 1
limited: resb 1
first:	resb 1                          ; no block printed yet
peq:	resb 1                          ; the "*" printed for this run
stdin_used: resb 1
trad:	resb 1                          ; --traditional
pseudo:	resb 1                          ; a LABEL: 1, with -A n: 2
bigend:	resb 1                          ; --endian=big
sflag:	resb 1                          ; -S
smin:	resd 2                          ; its BYTES
sbase:	resW 1                          ; its run's mapping
scap:	resW 1                          ; and size
bigmode: resb 1                         ; a write has worked
otty:	resb 1                          ; stdout: 0 not asked, 1 a terminal, 2 not
werr:	resd 1                          ; the last failed write's -errno
numtext: resb 24                        ; digits for messages
numbuf:	resb 24                         ; digits of a field
numend:

sblk0:	resb SBLK + 8                   ; the static blocks
sblk1:	resb SBLK + 8
sbuf:	resb SBUFSZ                     ; the first read (see SBUFSZ)
specs:	resb MAXSPECS * SPECSZ
tiny:	resb TINY                       ; the first output

program_end
