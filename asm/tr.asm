; tr - translate, squeeze and delete bytes of standard input.
;
; Usage: tr [OPTION]... SET1 [SET2]
;   (none)  translate: each byte of SET1 becomes the byte at the same place
;           in SET2, which is extended with its last byte when shorter
;   -c, -C  use the complement of SET1 (the bytes not in it, ascending)
;   -d      delete the bytes of SET1
;   -s      squeeze runs of one byte of the last set given into one
;   -t      translate only the first len(SET2) bytes of SET1
;   (-A is accepted and ignored, as GNU's undocumented option.)
;   --complement (-c), --delete (-d), --squeeze-repeats (-s),
;   --truncate-set1 (-t): as GNU's getopt_long reads them (long_opt:
;   unambiguous prefixes, its four messages)
; A set is bytes, escapes (\\ \a \b \f \n \r \t \v, \OOO of 1 to 3 octal
; digits), ranges a-z, [:CLASS:] for the 12 POSIX classes of the C locale,
; [=c=], [c*n] (n decimal, octal when it starts with 0) and [c*] (SET2 only:
; as many as make SET2 as long as SET1). Options end at the first operand.
; Every set is built as GNU builds it (its list of elements, their order,
; lengths, the [c*] fill, the extension, the case classes that must be
; aligned: [:lower:] against [:upper:] maps case), with GNU's messages for
; every bad set and its two warnings.
; Exit status: 0; 1 for a usage error, a bad set, a read or write error.
; Differences from GNU: --help and --version are answered with GNU's
; "unrecognized option" message. A [c*n] with n of 2^32 or more is
; iterated as if n were 2^32-1 (GNU would take hours to get there); its
; length counts in full (64 bits) as GNU's does. A failed write is
; reported as GNU's stdio would (one message, or two when the output
; passes its buffer: see write_out), GNU's 8 KiB reads and first fwrite
; taken from subk's first read (the same for a file; a pipe may give
; GNU other pieces, and the count of messages then differs with a
; failing output of exactly the buffer's size).
;
; The sets: each operand is unquoted into words (the byte, and 1 in the high
; byte when it was escaped), then parsed into a list of 16-byte elements
; (E_*): a range lo..hi (a byte, a range, [=c=], or one range of a class,
; marked by its kind) or [c*n] with its 64-bit count. get_next walks a list
; as GNU's get_next does. The input is read in 128 KiB blocks (stdout's
; pipe, if it is one, raised to 1 MiB); a plain translation runs through
; the table in place, four bytes a turn, anything else through one loop
; that deletes, translates and squeezes, in place too. A run without a
; message, on sets of up to 64 bytes and an input of up to ~3 KiB, writes
; one page of BSS (16 KiB with the code's two pages and the stack's).

%include "subk.inc"
%include "layout.inc"
use error, usage, quote_arg, errno_path, long_opt
%define LONGOPT_AMBIGUOUS
%define LONGOPT_BSS_HERE                ; ambp beside our variables

BUFSZ	equ 128 * 1024
F_SETPIPE_SZ equ F_LINUX_SPECIFIC_BASE + 7      ; linux/fcntl.h
F_GETPIPE_SZ equ F_LINUX_SPECIFIC_BASE + 8
MAXARG	equ 131072              ; an argument's bytes at most (the kernel's
                                ; MAX_ARG_STRLEN), so its words, elements

; element kinds
K_CHAR	equ 1                   ; a byte or a range
K_EQUIV	equ 2                   ; [=c=]
K_LOWER	equ 3                   ; [:lower:]
K_UPPER	equ 4                   ; [:upper:]
K_CLASS	equ 5                   ; a range of another class
K_REPEAT equ 6                  ; [c*n]
; element fields
E_KIND	equ 0
E_LO	equ 1
E_HI	equ 2                   ; (= E_LO for [c*n])
E_CNT	equ 4                   ; 64 bits: low, high dword
ESIZE	equ 16
; a set: these fields; its elements from S_HEAD on, in the pool (SET1's,
; a zero element, then SET2's)
S_PTR	equ 0                   ; get_next: the element, and
S_STATE	equ 4                   ; the byte in it / the count done; -1: new
S_LEN	equ 8                   ; 64 bits
S_NIND	equ 16                  ; how many [c*]
S_IND	equ 20                  ; the (last) [c*] element
S_FLAGS	equ 24                  ; HAS_*
S_END	equ 28                  ; past the last element
S_HEAD	equ 32                  ; the first element
SETHDR	equ 36
HAS_CLASS equ 1
HAS_RESTR equ 2                 ; a class other than lower and upper
HAS_EQUIV equ 4
; [opts]: getopt's index of each letter of OPTSPEC, then two of ours
OP_COMPL	equ 2|4                 ; -c, -C
OP_DEL	equ 8
OP_SQZ	equ 16
OP_TRUNC	equ 32
OP_TWO	equ 64                  ; two operands
OP_XLATE	equ 128                 ; translating: two operands and no -d

; The options, as GNU's getopt with "+AcCdst": clusters, "--" ends them,
; and so does the first operand ("-" is one). ebp: bit i for letter i of
; opt_letters. (The library's getopt and write_all are not used: a run
; without a message runs in the first page of the code.)
_start:
	mov xax, [xsp+W]
	mov [argv0p], xax
	lea xsi, [xsp+2*W]
	xor ebp, ebp
.arg:
	mov xdx, [xsi]
	test xdx, xdx
	jz .operands
	cmp byte [xdx], '-'
	jne .operands
	inc xdx
	mov al, [xdx]
	test al, al
	jz .operands
	add xsi, W
	cmp al, '-'
	jne .letter
	cmp byte [xdx+1], 0
	je .operands
	call tr_long                    ; al = its letter, xdx before a NUL
.letter:
	xor ecx, ecx
.find:
	cmp al, [xcx+opt_letters]
	je .found
	inc ecx
	cmp cl, 6
	jb .find
	call set_globals
	jmp opt_invalid                 ; al = the letter
.found:
	bts ebp, ecx
	inc xdx
	mov al, [xdx]
	test al, al
	jnz .letter
	jmp .arg

; The operands, n of them, are at xsi up to the NULL, at xdi. GNU wants
; 1 + (-d == -s) of them at least and 1 + (-d <= -s) at most.
.operands:
	mov xbx, xsi
	mov xdi, xsi
.count:
	cmp WPTR [xdi], 0
	je .counted_n
	add xdi, W
	jmp .count
.counted_n:
	mov ecx, edi
	sub ecx, ebx
	shr ecx, WSHIFT                 ; ecx = n
	mov eax, ebp
	shr eax, 3
	and eax, 3                      ; 1: -d, 2: -s, 3: both
	movzx eax, byte [xax + minmax]  ; min in the low nibble, max high
	mov edx, eax
	and eax, 15
	cmp ecx, eax
	jae .enough
	mov esi, fmt_no_operand
	mov edx, esi                    ; (no ARG: any string)
	test ecx, ecx
	jz fatal
	mov xdx, [xdi-W]                ; the last argument
	mov ecx, msg_two_xlate
	test ebp, OP_SQZ
	jz .missing
	mov ecx, msg_two_both
.missing:
	mov esi, fmt_missing_after
	jmp fatal
.enough:
	shr edx, 4                      ; max
	cmp ecx, edx
	jbe .counted
	mov esi, fmt_extra
	mov xdx, [xbx+xdx*W]            ; the first one too many
	cmp ecx, 2
	mov ecx, msg_only_one
	je fatal
	mov ecx, msg_only_one + msg_only_one_len
	jmp fatal
.counted:
	cmp ecx, 2
	jne .one
	or ebp, OP_TWO
	test ebp, OP_DEL
	jnz .one
	or ebp, OP_XLATE
.one:
	mov [opts], ebp
	push xbx                        ; [xsp] = &SET1

; Both sets parsed (warnings and errors of SET1 first), then GNU's
; validate: the checks in its order.
	xor eax, eax                    ; the pool's start: the words of a
	mov edi, pool                   ; long option's prefix, for an
	push 32 / 4                     ; ambiguity message (long_opt's
	pop xcx                         ; ambbuf), are no elements
	rep stosd
	mov xsi, [xbx]
	mov ebx, set1
	mov edi, pool
	call parse
	test byte [opts], OP_TWO
	jz .parsed
	pop xsi
	mov xsi, [xsi+W]
	mov ebx, set2
	add edi, ESIZE
	call parse
.parsed:
	mov ebx, set1
	mov edi, in1
	call members
	call stats
	test byte [opts], OP_COMPL
	jz .s1_len
	xor eax, eax                    ; the length of the complement
	mov esi, in1
	xor ecx, ecx
.card:
	cmp byte [xsi+xcx], 1
	adc eax, 0
	inc cl
	jnz .card
	mov [xbx+S_LEN], eax
	mov [xbx+S_LEN+4], ecx
.s1_len:
	mov esi, msg_indef1
	cmp dword [xbx+S_NIND], 0
	jne die
	test byte [opts], OP_TWO
	jz run
	mov ebx, set2
	call stats
	call len_diff                   ; edx:eax = len1 - len2
	jb .no_fill
	cmp dword [xbx+S_NIND], 1
	jne .no_fill
	mov esi, [xbx+S_IND]            ; [c*] gets what is missing
	mov [xsi+E_CNT], eax
	mov [xsi+E_CNT+4], edx
	call len_same
.no_fill:
	mov esi, msg_indef2
	cmp dword [xbx+S_NIND], 1
	ja die
	test byte [opts], OP_XLATE
	jnz .xlate
	mov esi, msg_indef_xlate
	cmp dword [xbx+S_NIND], 0
	jne die
	jmp run
.xlate:
	mov esi, msg_equiv2
	mov al, [xbx+S_FLAGS]
	test al, HAS_EQUIV
	jnz die
	mov esi, msg_classes2
	test al, HAS_RESTR
	jnz die
	test byte [opts], OP_COMPL
	jnz .extend
	test al, HAS_CLASS
	jz .extend
	call lockstep                   ; GNU's validate_case_classes
.extend:
	call len_diff
	jbe .extended
	test byte [opts], OP_TRUNC
	jnz .extended
	mov esi, msg_empty2
	mov ecx, [xbx+S_LEN]
	or ecx, [xbx+S_LEN+4]
	jz die
	mov edi, [xbx+S_END]
	mov cl, [xdi-ESIZE+E_KIND]
	mov esi, msg_class_end
	cmp cl, K_LOWER
	jb .not_class
	cmp cl, K_REPEAT
	jne die
.not_class:
	mov cl, [xdi-ESIZE+E_HI]        ; the last byte, again and again
	mov byte [xdi+E_KIND], K_REPEAT
	mov [xdi+E_LO], cl
	mov [xdi+E_HI], cl
	mov [xdi+E_CNT], eax
	mov [xdi+E_CNT+4], edx
	add edi, ESIZE
	mov [xbx+S_END], edi
	call len_same
.extended:
	test byte [opts], OP_COMPL
	jz run
	test byte [set1+S_FLAGS], HAS_CLASS
	jz run
	call len_diff                   ; SET2 must be one byte, as long
	or eax, edx                     ; as the complement
	jnz .not_one
	call begin
	call get_next
	xchg eax, edi
.same_byte:
	test edi, edi
	js .not_one                     ; (no byte at all)
	call get_next
	test eax, eax
	js run
	cmp eax, edi
	je .same_byte
.not_one:
	mov esi, msg_compl_classes
	jmp die

; The tables, then the input. When stdout is a pipe, its buffer is
; raised to 1 MiB if the kernel allows (never lowered): fewer wake-ups of
; both ends (F_GETPIPE_SZ, then F_SETPIPE_SZ through the same call, whose
; answer, 1 MiB or more, or -errno, ends the loop). xlate starts as the
; identity.
run:
	push 1
	pop A1
	mov A2d, F_GETPIPE_SZ
.pipe_size:
	sys fcntl
	shr eax, 20
	jnz .tables
	dec A2d                         ; F_SETPIPE_SZ
	mov A3d, 1 << 20
	jmp .pipe_size
.tables:
	xor eax, eax
.identity:
	mov [xax+xlate], al
	inc al
	jnz .identity
	mov bl, [opts]
	test bl, OP_XLATE
	jz .no_xlate
	test bl, OP_COMPL
	jnz .compl
	call lockstep
	jmp short .xlated
.compl:                                 ; the bytes not in SET1 in order
	mov ebx, set2
	call begin
	xor ebp, ebp
.compl_byte:
	cmp byte [xbp+in1], 0
	jne .compl_next
	call get_next
	test eax, eax
	js .xlated
	mov [xbp+xlate], al
.compl_next:
	inc ebp
	test ebp, 256
	jz .compl_byte
.xlated:
	test byte [opts], OP_SQZ
	jz copy                         ; a plain translation
.squeeze2:
	mov edi, in2                    ; squeeze SET2
	mov [sqz], edi
	mov ebx, set2
	call members
	jmp short filter

; -d: delete SET1 (or its complement), -s: squeeze SET2 then, if given,
; else SET1 (or its complement).
.no_xlate:
	mov eax, in1
	test bl, OP_COMPL
	jz .as_is
	mov ecx, 256
.invert:
	xor byte [xax+xcx-1], 1
	loop .invert
.as_is:
	test bl, OP_DEL
	jz .squeeze1
	mov [del], eax
	test bl, OP_SQZ
	jnz .squeeze2
	jmp short filter
.squeeze1:
	mov [sqz], eax
; fall through
filter:                                 ; a table not chosen: the empty set
	mov eax, zeros
	cmp dword [del], 0
	jne .d
	mov [del], eax
.d:	cmp dword [sqz], 0
	jne .s
	mov [sqz], eax
; One table for the loop, in in1 (its place: a byte reads only its own
; index of the tables in1 can be, as nothing is translated when in1 is
; del or sqz): bit 0, the byte is deleted; bit 1, its translation is
; squeezed.
.s:	xor ecx, ecx
	mov ebx, [del]
	mov edx, [sqz]
.flags:
	movzx eax, byte [xcx+xlate]
	mov al, [xdx+xax]
	add eax, eax
	or al, [xbx+xcx]
	mov [xcx+in1], al
	inc cl
	jnz .flags
	or dword [last], -1             ; no byte out yet
.read:
	call read_block                 ; ecx = bytes, xsi = xdi = buf
	cmp dword [gfirst], 0
	jne .block
	call first_fwrite
; Each byte is stored, translated, and kept (edi moves on) unless it is
; deleted or squeezed: no branch for them, whose pattern a CPU could not
; guess. ebx, the last byte out, is the last one not deleted (one
; squeezed equals it), so it waits on no comparison. Without -s, a
; shorter loop.
.block:
	mov ebx, [last]
	lea ebp, [esi + ecx]            ; the end
	cmp dword [sqz], zeros
	je .del
.byte:
	movzx eax, byte [xsi]
	inc esi
	movzx edx, byte [xax+in1]
	mov al, [xax+xlate]
	mov [xdi], al
	xor ecx, ecx
	cmp eax, ebx
	sete cl
	lea ecx, [xcx*2 + 1]            ; 3: the byte out last again, else 1
	and ecx, edx                    ; not 0: dropped
	cmp ecx, 1                      ; CF=1: kept
	adc edi, 0
	test dl, 1
	cmovz ebx, eax                  ; not deleted: the last byte out
	cmp esi, ebp
	jne .byte
	jmp .out
.del:
	movzx eax, byte [xsi]
	inc esi
	mov [xdi], al
	cmp byte [xax+in1], 1           ; CF=1: kept
	adc edi, 0
	cmp esi, ebp
	jne .del
.out:
	mov [last], ebx
	mov A3d, edi
	mov A2d, buf
	sub A3d, A2d
	call write_out
	jmp .read

; A plain translation, in place.
; Four bytes a turn: one load, four lookups, one store.
copy:
	call read_block
	cmp dword [gfirst], 0           ; GNU's first fwrite: its first
	jne .block                      ; read, of 8 KiB at most
	mov eax, 8192
	cmp ecx, eax
	jae .gnu_first
	mov eax, ecx
.gnu_first:
	mov [gfirst], eax
.block:
	push xcx
	shr ecx, 2
	jz .bytes
.quad:
	mov eax, [xsi]
	movzx edx, al
	movzx ebx, ah
	mov dl, [xdx+xlate]
	mov dh, [xbx+xlate]
	shr eax, 16
	movzx ebx, al
	movzx eax, ah
	mov bl, [xbx+xlate]
	mov al, [xax+xlate]
	shl eax, 8
	mov al, bl
	shl eax, 16
	mov ax, dx
	mov [xsi], eax
	add esi, 4
	dec ecx
	jnz .quad
.bytes:
	pop A3
	push A3
	mov ecx, A3d
	and ecx, 3
	jz .write
.byte:
	movzx eax, byte [xsi]
	mov al, [xax+xlate]
	mov [xsi], al
	inc esi
	dec ecx
	jnz .byte
.write:
	pop A3
	mov A2d, buf
	call write_out
	jmp copy

; read_block - the next block of stdin into buf; at its end, exit (with
; the messages of a write that failed, see write_out).
; out: ecx = bytes (not 0), xsi = xdi = buf
read_block:
	sys read, 0, buf, BUFSZ
	cmp eax, -EINTR
	je read_block
	mov esi, msg_read
	test eax, eax
	js die_errno
	jz .end
	xchg eax, ecx
	mov esi, buf
	mov edi, esi
	ret
.end:
	cmp dword [werr], 0
	je bye
	call blksize                    ; output of B bytes exactly: an
	cmp eax, [total]                ; error before exit when GNU's
	jne write_out.late              ; first fwrite wrote them all
	cmp eax, [gfirst]
	jne write_out.late
	jmp short write_out.early
bye:
	movzx A1d, byte [serr]          ; 0, or 1 after a warning not written
	sys exit

; write_out - A2, A3 (bytes) to stdout. GNU's stdio holds B bytes (see
; blksize) and writes them at exit, where an error is one message; an
; error of a write before that (the output past B) gives two: the
; write's, and the exit's "write error" (with the reason only for EBADF:
; close fails too). So when a write of ours fails, the output is only
; counted from then on, and the error reported once it passes B or at
; the end of the input.
write_out:
	add [total], A3d
	jnc .counted
	or dword [total], -1
.counted:
	cmp dword [werr], 0
	jne .failed
.write:                                ; as write_all
	xor eax, eax
	test A3, A3
	jz .ret
	sys write, 1
	cmp eax, -EINTR
	je .write
	test eax, eax
	js .error
	add A2, xax
	sub A3, xax
	jmp .write
.error:
	mov [werr], eax
.failed:
	call blksize
	cmp [total], eax
	jbe .ret
.early:
	mov eax, [werr]
	mov esi, msg_write
	mov xdx, xsi
	mov esi, fmt_text
	call say_
	sys close, 1                    ; close_stdout's reason: close's, if any
	jmp short .message
.late:
	mov eax, [werr]
.message:
	mov esi, msg_write
	jmp die_errno
.ret:
	ret

; blksize - B, the size of GNU's stdio buffer for stdout: its st_blksize
; when 1..8191, else (or when fstat fails) 8192. (fstat64's struct stat64,
; which every kernel gives: statx would need its fallback before 4.11.)
; out: eax. clobbers A1, A2, xcx
blksize:
	sys fstat64, 1, pbuf
	test eax, eax
	mov eax, [pbuf + ST64_BLKSIZE]  ; (32 bits of it)
	jns .blksize
	xor eax, eax
.blksize:
	dec eax
	cmp eax, 8191
	jb .in
	mov eax, 8191
.in:
	inc eax
	ret

; first_fwrite - [gfirst], the size of GNU's first fwrite when deleting
; or squeezing, from the first block read (ecx bytes at buf): its
; reader's first 8 KiB deleted and translated (the next 8 KiB while that
; leaves nothing: [gfirst] stays 0 when the block is all deleted), then
; with -s its squeeze loop's first piece: up to the first squeezed byte
; found at an even place, and not the one before it when that is the same
; byte (else all of it: a last byte squeezed at an odd place follows one
; not squeezed, and ends the piece as the whole would).
; The bytes are counted as they come, not stored (a short run writes no
; other page): edi = the place of the next one, ebp = the one before.
; preserves ecx; out: xsi = xdi = buf. clobbers eax, ebx, edx, ebp
first_fwrite:
	push xcx
	mov esi, buf
	mov ebx, [del]
.slice:
	mov edx, 8192
	cmp ecx, edx
	jae .full
	mov edx, ecx
.full:
	sub ecx, edx
	push xcx
	mov ecx, [sqz]                  ; (the zeros without -s)
	xor edi, edi
	or ebp, -1
.byte:
	tr_byte xbx, .deleted		; deleted, or translated
	bt edi, 0
	jc .odd
	cmp byte [xcx+xax], 0
	jne .found
.odd:
	mov ebp, eax
	inc edi
.deleted:
	dec edx
	jnz .byte
	pop xcx
	test edi, edi
	jnz .store
	test ecx, ecx                   ; nothing kept: the next slice
	jnz .slice
	jmp short .store
.found:
	pop xcx
	cmp eax, ebp
	je .store
	inc edi
.store:
	mov [gfirst], edi
	pop xcx
	mov esi, buf
	mov edi, esi
	ret

; die - "ARGV0: TEXT\n", TEXT at xsi; die_errno with ": REASON" of the
; -errno in xax; fatal: the format at xsi (xdx ARG, xcx TEXT). Exit 1.
die:
	xor eax, eax
die_errno:
	mov xdx, xsi
	mov esi, fmt_text
fatal:
	call say_
	exit 1

; say_ - the library's say, after set_globals. set_globals - the library's
; ARGV0 (and STATUS) from argv0p: only before a message, so a run without
; one never touches their page (i386 keeps them at the end of BSS).
say_:
	call set_globals
	jmp say
set_globals:
	push xax
	_set_globals [argv0p]
	pop xax
	ret

; tr_long - a long option, as GNU's getopt_long reads it (long_opt:
; prefixes, its messages): xdx = the argument past its first '-', xsi =
; the next argument's slot -> al = the option's letter, xdx = a byte
; before a NUL (the end of a cluster). --help, --version: unrecognized.
; clobbers xax, xbx, xcx
tr_long:
	call set_globals
	push xsi
	mov xbx, xsi
	lea xsi, [xdx+1]
	call long_opt
	pop xsi
	cmp al, '?'
	jne .ok
	mov xdx, [xsi-W]
	jmp opt_unrecognized
.ok:
	mov edx, lo_tail
	ret

; len_diff - edx:eax = the length of SET1 minus that of SET2 (xbx = set2);
; CF=1 when SET1 is shorter, ZF=1 (with CF=0) when as long: ja, jb, jbe
; work. clobbers ecx
len_diff:
	sub64 set1+S_LEN, set2+S_LEN
	jb .ret
	mov ecx, eax
	or ecx, edx                     ; ZF, CF=0
.ret:
	ret

; len_same - SET2 (xbx) is now as long as SET1. clobbers ecx
len_same:
	copy64 ecx, xbx+S_LEN, set1+S_LEN
	ret

; lockstep - the bytes of SET1 and SET2 in pairs, from their starts, until
; either ends: xlate[c1] = c2 (a [:lower:] met by an [:upper:], aligned,
; gives each lowercase letter its capital, as GNU's whole-class mapping
; does). Dies, as GNU's validate_case_classes, when SET2 starts a case
; class where SET1 is not starting one. clobbers everything but xbp
lockstep:
	mov ebx, set1
	call begin
	mov ebx, set2
	call begin
	push 3
	pop xdi                         ; bit 0, 1: the next byte of SET1,
.pair:                                  ; SET2 starts an element
	mov ebx, set1
	call get_next
	push xax
	push xdx
	mov ebx, set2
	call get_next                   ; eax = c2, dl = its kind
	pop xcx                         ; cl = the kind of c1
	pop xsi                         ; esi = c1
	test edi, 2
	jz .aligned
	sub dl, K_LOWER
	cmp dl, K_UPPER - K_LOWER
	ja .aligned
	test edi, 1
	jz .misaligned
	sub cl, K_LOWER
	cmp cl, K_UPPER - K_LOWER
	jbe .aligned
.misaligned:
	mov esi, msg_misaligned
	jmp die
.aligned:
	xor edi, edi
	mov ecx, [set1+S_STATE]
	inc ecx
	jnz .s2
	inc edi
.s2:
	mov ecx, [set2+S_STATE]
	inc ecx
	jnz .pairs
	or edi, 2
.pairs:
	test esi, esi
	js .ret
	test eax, eax
	js .ret
	mov [xsi+xlate], al
	jmp .pair
.ret:
	ret

; begin - get_next starts at the first element of the set at xbx.
begin:
	mov eax, [xbx+S_HEAD]
	mov [xbx+S_PTR], eax
	or dword [xbx+S_STATE], -1
	ret

; get_next - GNU's get_next: the next byte of the set at xbx.
; out: eax = the byte, or -1 at the end; edx = the kind of its element (0
; at the end); [xbx+S_STATE] = -1 when the next byte starts an element.
; clobbers ecx, esi
get_next:
	mov esi, [xbx+S_PTR]
.element:
	movzx edx, byte [xsi+E_KIND]
	or eax, -1
	test edx, edx
	jz .ret
	mov ecx, [xbx+S_STATE]
	cmp dl, K_REPEAT
	je .repeat
	movzx eax, byte [xsi+E_LO]      ; a range: lo first, then each next
	inc ecx
	jz .first
	mov eax, ecx
.first:
	mov ecx, eax
	cmp al, [xsi+E_HI]
	jne .keep
.done:
	or ecx, -1
	add esi, ESIZE
.keep:
	mov [xbx+S_STATE], ecx
	mov [xbx+S_PTR], esi
.ret:
	ret
.repeat:                                ; [c*n]: n times c (n < 2^32...)
	mov eax, [xsi+E_CNT]
	cmp dword [xsi+E_CNT+4], 0
	je .count
	or eax, -1                      ; (...else as many as 2^32-1)
.count:
	test eax, eax
	jnz .times
	add esi, ESIZE                  ; n = 0: no byte at all
	jmp .element
.times:
	inc ecx                         ; -1 (new) -> 1, k -> k+1
	jnz .counted
	inc ecx
.counted:
	cmp ecx, eax
	movzx eax, byte [xsi+E_LO]
	jne .keep
	jmp .done

; members - mark the bytes of the set at xbx in the table at xdi (1).
; clobbers eax, ecx, esi
members:
	mov esi, [xbx+S_HEAD]
.element:
	cmp byte [xsi+E_KIND], 0
	je get_next.ret
	movzx eax, byte [xsi+E_LO]
	movzx ecx, byte [xsi+E_HI]
	cmp byte [xsi+E_KIND], K_REPEAT
	jne .mark
	push xax
	mov eax, [xsi+E_CNT]
	or eax, [xsi+E_CNT+4]
	pop xax
	jz .next                        ; [c*0]: nothing
.mark:
	mov byte [xdi+xax], 1
	inc eax
	cmp eax, ecx
	jbe .mark
.next:
	add esi, ESIZE
	jmp .element

; stats - GNU's get_spec_stats of the set at xbx: its length (dies past
; 2^64-2: "too many characters in set"), its [c*] elements, its HAS_*.
; clobbers eax, ecx, edx, esi
stats:
	mov esi, [xbx+S_HEAD]
.element:
	movzx eax, byte [xsi+E_KIND]
	test eax, eax
	jz get_next.ret
	mov cl, [xax+kind_flags]
	or [xbx+S_FLAGS], cl
	cmp al, K_REPEAT
	je .repeat
	movzx eax, byte [xsi+E_HI]
	movzx ecx, byte [xsi+E_LO]
	sub eax, ecx
	inc eax
	xor edx, edx
	jmp short .add
.repeat:
	mov eax, [xsi+E_CNT]
	mov edx, [xsi+E_CNT+4]
	mov ecx, eax
	or ecx, edx
	jnz .add
	inc dword [xbx+S_NIND]          ; [c*]
	mov [xbx+S_IND], esi
.add:
	add [xbx+S_LEN], eax
	adc [xbx+S_LEN+4], edx
	jc .too_many
	mov eax, [xbx+S_LEN]
	and eax, [xbx+S_LEN+4]
	inc eax
	jz .too_many
	add esi, ESIZE
	jmp .element
.too_many:
	mov esi, msg_too_many
	jmp die

; parse - an operand (xsi) into the elements of the set at xbx, from xdi
; on: GNU's unquote, then its build_spec_list.
; out: xdi = [xbx+S_END], past the last element. clobbers all but xbx
parse:
	mov [xbx+S_HEAD], edi
	push xbx
	xor ecx, ecx
.strlen:
	cmp byte [xsi+xcx], 0
	je .words
	inc ecx
	jmp .strlen
.words:
	mov edi, ubuf_end               ; the words end at ubuf_end, next to
	sub edi, ecx                    ; the variables: a short set is in
	sub edi, ecx                    ; their page
	push xdi

; unquote: the string's bytes into words at ubuf: the byte, and ah = 1
; when it comes from an escape. GNU warns about a lone \ at the end and
; about \400..\777 (taken as \40..\77 and a digit).
.unquote:
	xor eax, eax
	lodsb
	test al, al
	jz .unquoted
	cmp al, '\'
	jne .store
	mov ah, 1
	lodsb
	test al, al
	jz .trailing
	xor ecx, ecx
.letter:
	cmp al, [xcx+letters]           ; \a \b \t \n \v \f \r: 7..13
	je .c_escape
	inc ecx
	cmp cl, 7
	jb .letter
	mov dl, al
	sub dl, '0'
	cmp dl, 7
	ja .store                       ; \X: X
	mov al, dl
	call .octal_digit
	ja .store
	inc xsi
	shl al, 3
	add al, dl
	call .octal_digit
	ja .store
	cmp al, 32
	jae .ambiguous
	inc xsi
	shl al, 3
	add al, dl
	jmp short .store
.c_escape:
	lea eax, [xcx+256+7]
.store:
	stosw
	jmp .unquote
.octal_digit:                           ; dl = [xsi] - '0'; ja: not octal
	mov dl, [xsi]
	sub dl, '0'
	cmp dl, 7
	ret
.trailing:                              ; stored as a plain backslash
	push xdi
	mov esi, fmt_backslash
	mov edx, esi
	call say_
	jns .warned                     ; not written: status 1 at the end,
	inc byte [serr]                 ; as GNU's close_stdout
.warned:
	pop xdi
	mov ax, '\'
	stosw
	jmp short .unquoted
.ambiguous:                             ; \d1d2d3: d1d2d3 and "d1d2, d3"
	push xax
	push xsi
	push xdi
	mov edx, [xsi-2]
	and edx, 0xffffff
	mov [tmp], edx
	and edx, 0xffff
	or edx, ', ' << 16
	mov [tmp+4], edx
	movzx edx, byte [xsi]
	mov [tmp+8], edx
	mov esi, fmt_octal
	mov edx, tmp
	mov ecx, tmp+4
	call say_
	pop xdi
	pop xsi
	pop xax
	jmp .store
.unquoted:
	mov xbp, xdi                    ; xbp = the end of the words
	pop xsi                         ; xsi = the first
	pop xbx
	push xbx
	mov edi, [xbx+S_HEAD]

; build: xsi walks the words, xdi the elements. The constructs need 3
; words at least; the last two are plain bytes.
.build:
	lea eax, [xsi+4]
	cmp xax, xbp
	jae .tail
	cmp word [xsi], '['
	jne .range
	mov ax, [xsi+2]
	cmp ax, ':'
	je .delim
	cmp ax, '='
	jne .repeat

; [:NAME:] or [=c=]: the first ":]" ("=]") after, unescaped, ends it.
.delim:
	lea edx, [xsi+4]
.find:
	lea ecx, [xdx+2]
	cmp xcx, xbp
	jae .repeat
	cmp [xdx], ax
	jne .find_next
	cmp word [xdx+2], ']'
	je .found
.find_next:
	inc edx
	inc edx
	jmp .find
.found:
	mov ecx, edx
	sub ecx, esi
	sub ecx, 4
	shr ecx, 1                      ; ecx = the words between
	jnz .named
	mov esi, msg_no_class
	cmp al, ':'
	je die
	mov esi, msg_no_equiv
	jmp die
.named:
	push xdx
	cmp al, '='
	je .equiv
	mov ebx, classes                ; the bytes (escaped or not) against
.class:                                 ; each name
	movzx eax, byte [xbx]
	test eax, eax
	jz .no_class
	cmp eax, ecx
	jne .class_next
	xor edx, edx
.class_cmp:
	mov al, [xsi+4+xdx*2]
	cmp al, [xbx+1+xdx]
	jne .class_next
	inc edx
	cmp edx, ecx
	jb .class_cmp
	lea ebx, [xbx+xcx+1]            ; its ranges, each an element
	movzx ecx, byte [xbx]
	mov al, cl
	shr al, 4
	and cl, 15
.class_range:
	inc ebx
	inc ebx
	mov dx, [xbx-1]
	mov [xdi+E_KIND], al
	mov [xdi+E_LO], dx
	add edi, ESIZE
	loop .class_range
	jmp short .named_done
.class_next:
	movzx eax, byte [xbx]
	lea ebx, [xbx+xax+1]
	movzx eax, byte [xbx]
	and al, 15
	lea ebx, [xbx+xax*2+1]
	jmp .class
.equiv:
	cmp ecx, 1
	jne .no_equiv
	mov al, [xsi+4]
	mov ah, al
	mov byte [xdi+E_KIND], K_EQUIV
	mov [xdi+E_LO], ax
	add edi, ESIZE
.named_done:
	pop xsi
	add esi, 4
	jmp .build

; Not a class, not one byte: "[:*5]" and "[=*5]" are [c*n] after all (of
; ':' and '='), so is any '*' digits ']' there; else GNU's message on the
; name made printable.
.no_class:
	mov ebx, fmt_bad_class
	jmp short .not_named
.no_equiv:
	mov ebx, fmt_bad_equiv
.not_named:
	pop xcx                         ; the closing ":]" or "=]"
	lea edx, [xsi+4]
	cmp word [xdx], '*'
	jne .bad_name
.star_digits:
	inc edx
	inc edx
	cmp xdx, xbp
	jae .bad_name
	mov ax, [xdx]
	sub ax, '0'
	cmp ax, 9
	jbe .star_digits
	cmp ax, ']' - '0'
	je .repeat
.bad_name:
	push xbx
	add esi, 4
	mov xbp, xcx
	call printable
	pop xsi
	mov xcx, xdx
	jmp fatal

; [c*n] or [c*]: '*' right after c, then anything unescaped up to ']'.
.repeat:
	cmp word [xsi+4], '*'
	jne .range
	lea edx, [xsi+6]
.find_bracket:
	cmp xdx, xbp
	jae .range
	mov ax, [xdx]
	test ah, ah
	jnz .range
	cmp al, ']'
	je .bracket
	inc edx
	inc edx
	jmp .find_bracket
.bracket:
	mov al, [xsi+2]
	mov byte [xdi+E_KIND], K_REPEAT
	mov [xdi+E_LO], al
	mov [xdi+E_HI], al
	push xbp
	push xdx
	add esi, 6
	mov xbp, xdx                    ; the count: xsi up to xbp
	call count
	pop xsi
	pop xbp
	add edi, ESIZE
	inc esi
	inc esi
	jmp .build

; c-d (a range, the '-' unescaped) or a byte.
.range:
	movzx eax, byte [xsi]
	cmp word [xsi+2], '-'
	jne .byte
	mov ah, [xsi+4]
	cmp ah, al
	jb .reversed
	add esi, 4
	jmp short .element
.tail:
	cmp xsi, xbp
	jae .built
	movzx eax, byte [xsi]
.byte:
	mov ah, al
.element:
	mov byte [xdi+E_KIND], K_CHAR
	mov [xdi+E_LO], ax
	add edi, ESIZE
	inc esi
	inc esi
	jmp .build
.built:
	pop xbx
	mov [xbx+S_END], edi
	ret
.reversed:                              ; GNU's make_printable_char of both
	mov edi, pbuf
	mov xdx, xdi
	call .printable_char
	mov al, '-'
	stosb
	mov al, ah
	call .printable_char
	mov byte [xdi], 0
	mov esi, fmt_reversed
	jmp fatal
.printable_char:                        ; al as is, or \ooo
	cmp al, ' '
	jb .octal
	cmp al, 0x7f
	jb .plain
.octal:
	push xax
	mov byte [xdi], '\'
	inc edi
	call octal3
	pop xax
	ret
.plain:
	stosb
	ret

; count - the n of [c*n]: the words from xsi up to xbp into the 64-bit
; E_CNT of the element at xdi, as GNU's xstrtoumax reads it (base 8 when
; it starts with 0, else 10; leading blanks and + allowed; nothing after
; the digits) up to 2^64-2, else GNU's message. Empty: 0.
; clobbers eax, ebx, ecx, edx, xsi
count:
	push xsi
	cmp xsi, xbp
	je .ok
	push 10
	pop xbx
	cmp byte [xsi], '0'
	jne .blanks
	mov bl, 8
.blanks:
	cmp xsi, xbp
	je .bad
	mov al, [xsi]
	cmp al, ' '
	je .blank
	sub al, 9
	cmp al, 4
	ja .sign
.blank:
	inc esi
	inc esi
	jmp .blanks
.sign:
	cmp byte [xsi], '+'
	jne .first
	inc esi
	inc esi
.first:
	cmp xsi, xbp                    ; one digit at least
	je .bad
.digit:
	movzx ecx, byte [xsi]
	sub ecx, '0'
	cmp ecx, ebx
	jae .bad
	mov eax, [xdi+E_CNT]
	mul ebx
	add eax, ecx
	adc edx, 0
	mov [xdi+E_CNT], eax
	mov ecx, edx
	mov eax, [xdi+E_CNT+4]
	mul ebx
	add eax, ecx
	adc edx, 0
	jnz .bad                        ; past 2^64-1
	mov [xdi+E_CNT+4], eax
	inc esi
	inc esi
	cmp xsi, xbp
	jne .digit
	and eax, [xdi+E_CNT]
	inc eax
	jz .bad                         ; 2^64-1
.ok:
	pop xsi
	ret
.bad:
	pop xsi
	call printable
	mov esi, fmt_bad_count
	jmp fatal

; printable - GNU's make_printable_str: the bytes of the words from xsi up
; to xbp into pbuf, NUL-terminated: \a \b \f \n \r \t \v, \ooo for the
; other bytes out of ' '..'~'. out: xdx = pbuf. clobbers eax, ecx, xsi, xdi
printable:
	mov edi, pbuf
	push xdi
.byte:
	lodsw
	cmp al, 7
	jb .octal
	cmp al, 13
	jbe .letter
	cmp al, ' '
	jb .octal
	cmp al, 0x7f
	jb .store
.octal:
	mov byte [xdi], '\'
	inc edi
	call octal3
	jmp short .next
.letter:
	movzx eax, al
	mov ah, [xax+letters-7]
	mov al, '\'
	stosw
	jmp short .next
.store:
	stosb
.next:
	cmp xsi, xbp
	jb .byte
	mov byte [xdi], 0
	pop xdx
	ret

opt_letters:	db 'AcCdst'
LONGOPTS:					; GNU's order (its ambiguity lists)
	db 'c', 'complement', 0
	db 'd', 'delete', 0
	db 's', 'squeeze-repeats', 0
	db 't', 'truncate-set1', 0
	db '?', 'help', 0
	db '?', 'versio'
lo_tail:	db 'n', 0, 0
letters:	db 'abtnvfr'            ; \a .. \r: the bytes 7 .. 13
; the least and most operands by -d (bit 0) and -s (bit 1): min | max << 4
minmax:		db 0x22, 0x11, 0x21, 0x22
; what an element of each kind says about its set (get_spec_stats)
kind_flags:	db 0, 0, HAS_EQUIV, HAS_CLASS, HAS_CLASS, HAS_CLASS|HAS_RESTR, 0
; The classes of the C locale: the name's length, the name, the kind << 4 |
; the number of ranges, the ranges in ascending order.
classes:
	db 5, 'alnum', K_CLASS << 4 | 3, '0', '9', 'A', 'Z', 'a', 'z'
	db 5, 'alpha', K_CLASS << 4 | 2, 'A', 'Z', 'a', 'z'
	db 5, 'blank', K_CLASS << 4 | 2, 9, 9, ' ', ' '
	db 5, 'cntrl', K_CLASS << 4 | 2, 0, 31, 127, 127
	db 5, 'digit', K_CLASS << 4 | 1, '0', '9'
	db 5, 'graph', K_CLASS << 4 | 1, '!', '~'
	db 5, 'lower', K_LOWER << 4 | 1, 'a', 'z'
	db 5, 'print', K_CLASS << 4 | 1, ' ', '~'
	db 5, 'punct', K_CLASS << 4 | 4, '!', '/', ':', '@', '[', '`', '{', '~'
	db 5, 'space', K_CLASS << 4 | 2, 9, 13, ' ', ' '
	db 5, 'upper', K_UPPER << 4 | 1, 'A', 'Z'
	db 6, 'xdigit', K_CLASS << 4 | 3, '0', '9', 'A', 'F', 'a', 'f'
	db 0

fmt_no_operand:	db F_ARGV0, ': missing operand', 10, F_TRY, 0
fmt_missing_after: db F_ARGV0, ': missing operand after ', F_QUOTE, 10
		db 'Two strings must be given when ', F_TEXT, F_TRY, 0
fmt_extra:	db F_ARGV0, ': extra operand ', F_QUOTE, 10, F_TEXT, F_TRY, 0
msg_two_xlate:	db 'translating.', 10, 0
msg_two_both:	db 'both deleting and squeezing repeats.', 10, 0
msg_only_one:	db 'Only one string may be given when deleting without squeezing repeats.', 10
msg_only_one_len equ $ - msg_only_one
		db 0
fmt_backslash:	db F_ARGV0, ': warning: an unescaped backslash at end of string is not portable', 10, 0
fmt_octal:	db F_ARGV0, ': warning: the ambiguous octal escape \', F_ARG, ' is being', 10, 9
		db 'interpreted as the 2-byte sequence \0', F_TEXT, 10, 0
fmt_bad_class:	db F_ARGV0, ': invalid character class ', F_QUOTE, 10, 0
fmt_bad_equiv:	db F_ARGV0, ': ', F_ARG, ': equivalence class operand must be a single character', 10, 0
fmt_bad_count:	db F_ARGV0, ': invalid repeat count ', F_QUOTE, ' in [c*n] construct', 10, 0
fmt_reversed:	db F_ARGV0, ": range-endpoints of '", F_ARG, "' are in reverse collating sequence order", 10, 0
msg_no_class:	db "missing character class name '[::]'", 0
msg_no_equiv:	db "missing equivalence class character '[==]'", 0
msg_too_many:	db 'too many characters in set', 0
msg_indef1:	db 'the [c*] repeat construct may not appear in string1', 0
msg_indef2:	db 'only one [c*] repeat construct may appear in string2', 0
msg_indef_xlate: db 'the [c*] construct may appear in string2 only when translating', 0
msg_equiv2:	db '[=c=] expressions may not appear in string2 when translating', 0
msg_classes2:	db 'when translating, the only character classes that may appear in', 10
		db "string2 are 'upper' and 'lower'", 0
msg_misaligned:	db 'misaligned [:upper:] and/or [:lower:] construct', 0
msg_empty2:	db 'when not truncating set1, string2 must be non-empty', 0
msg_class_end:	db 'when translating with string1 longer than string2,', 10
		db 'the latter string must not end with a character class', 0
msg_compl_classes: db 'when translating with complemented character classes,', 10
		db 'string2 must map all characters in the domain to one', 0
msg_read:	db 'read error', 0
msg_write:	db 'write error', 0

BSS
zeros:	resb 256                        ; an empty set (never written)
; The words of unquote end where the variables start, WROOM bytes into a
; page (sets of up to WROOM/2 bytes have their words on it), and the
; elements' pool, which is the input buffer later (and pbuf, for a
; message just before exit), starts where they end: a short run touches
; one page (an input of up to ~3 KiB, in place).
WROOM	equ 128
ubuf:	resw MAXARG
	resb (PAGE + WROOM - _BSS_PAGEOFF) % PAGE
ubuf_end:
xlate:	resb 256
in1:	resb 256                        ; the bytes of SET1 (1)
in2:	resb 256                        ; the bytes of SET2 (1)
opts:	resd 1
del:	resd 1                          ; the table of the bytes deleted
sqz:	resd 1                          ; and of those squeezed
last:	resd 1                          ; the last byte out, -1: none
total:	resd 1                          ; bytes out (up to 2^32-1)
werr:	resd 1                          ; -errno of a failed write, or 0
gfirst:	resd 1                          ; the size of GNU's first fwrite
serr:	resd 1                          ; 1: a warning could not be written
tmp:	resd 3
	GLOBALS_HERE                    ; i386: argv0 and status here, on the
					; variables' page (a long option sets them)
argv0p:	resW 1                          ; argv[0]
ambp:	resd 1                          ; long_opt's (ambbuf: the pool)
set1:	resb SETHDR
set2:	resb SETHDR
pool:
buf:
ambbuf:
pbuf:	resb ESIZE * (2 * MAXARG + 3)   ; (> BUFSZ, > 4 * MAXARG + 4)
%if BUFSZ > ESIZE * (2 * MAXARG + 3) || 4 * MAXARG + 4 > ESIZE * (2 * MAXARG + 3)
 %error "the pool must hold buf and pbuf"
%endif

program_end
