; mknod - make a block or character special file, or a FIFO.
;
; Usage: mknod [-m MODE] NAME TYPE [MAJOR MINOR]
;   TYPE  b: block special (buffered); c or u: character special
;         (unbuffered); p: FIFO (no MAJOR MINOR). Only its first letter
;         counts, as GNU's ("block" is b).
;   -m, --mode=MODE  its mode, octal or symbolic (as chmod reads it from a
;                    starting mode of a=rw), set exactly whatever the umask;
;                    only permission bits
; MAJOR and MINOR are read as strtoumax with base 0 (decimal, 0octal,
; 0xhex; blanks and + before; nothing after), each at most 4294967295; a
; device past the kernel's 12-bit major or 20-bit minor fails with EINVAL
; (as glibc's mknod). Long options may be any unambiguous prefix.
; Exit status: 0; 1 for GNU's messages: missing or extra operands (with
; "Special files require major and minor device numbers." or "Fifos do not
; have major and minor device numbers." where GNU adds them), "invalid
; device type", "invalid major/minor device number 'N'", "invalid device
; MAJ MIN", "invalid mode", "mode must specify only file permission bits",
; "mknod: NAME: Reason", "cannot set permissions of 'NAME'".
; -Z, --context[=CTX] as GNU where the kernel has neither SELinux nor
; SMACK: nothing done (--context=CTX: GNU's warning).
; Differences from GNU: with SELinux or SMACK, -Z/--context set no context;
; --help and --version are not supported.

%define FS_MODE_OCTAL_OP                ; mode_parse: "=644", "u+x,-022" (an octal after an operator)
%define LONGOPT_OPTIONAL                ; --context[=CTX]
%define PHDRS_UNMAPPED                  ; (the code: one page without them)
%include "subk.inc"
use getopt_long, fs_mode, mode_opt, err_plain, err_file, err_quoted, fs_msg, fs_missing, errno_path, errno_tree

_start:
	getopt_start                    ; xsi = xdi = xsp = &argv[1], xbx = 0
	xor ebp, ebp                    ; xbp = MODE, or 0
.opt:
	call getopt_long
	jc .options_done
	context_opt .opt
	mov xbp, xdx                    ; (-m, the other option)
	jmp .opt
.options_done:
	mov [opend], xdi
	call mode_opt
	mov [mode], eax

; The operands: ecx = how many; 2 for none or a TYPE starting with p,
; else 4.
.operands:
	mov xcx, [opend]
	sub xcx, xsp
	shr ecx, W/4 + 1
	jz missing_operand
	push 4
	pop xdx
	cmp ecx, 2
	jb .count
	mov xax, [xsp + W]
	cmp byte [xax], 'p'
	jne .count
	mov dl, 2
.count:
	cmp ecx, edx
	jae .not_missing
	mov xax, [opend]                ; "missing operand after 'LAST'"
	mov xax, [xax - W]
	mov esi, fmt_after
	cmp dl, 4
	jne .usage
	cmp cl, 2
	jne .usage
	mov esi, fmt_after_special
.usage:
	xchg xax, xdx
	jmp usage_say
.not_missing:
	je .type
	mov xax, [xsp + xdx*W]          ; "extra operand 'NEXT'"
	mov esi, fmt_extra
	cmp dl, 2
	jne .usage
	cmp cl, 4
	jne .usage
	mov esi, fmt_extra_fifo
	jmp .usage

.type:
	mov xdx, [xsp + W]
	mov al, [xdx]
	mov ebx, S_IFIFO
	cmp al, 'p'
	je .make
	mov ebx, S_IFBLK
	cmp al, 'b'
	je .numbers
	mov ebx, S_IFCHR
	cmp al, 'c'
	je .numbers
	cmp al, 'u'
	je .numbers
	mov esi, fmt_type
	jmp usage_say

; MAJOR and MINOR: each a 32-bit number; both all ones is NODEV.
.numbers:
	mov xsi, [xsp + 2*W]
	call number
	mov esi, msg_major
	mov xdx, [xsp + 2*W]
	jc .bad_number
	mov [major], eax
	mov xsi, [xsp + 3*W]
	call number
	mov esi, msg_minor
	mov xdx, [xsp + 3*W]
	jc .bad_number
	mov [minor], eax
	and eax, [major]
	inc eax
	jz .nodev
; The kernel's dev: minor's low 8 bits, major << 8 (12 bits), minor's
; upper 12 bits << 20; past those, EINVAL (glibc's).
	mov eax, -EINVAL
	cmp dword [major], 0xfff
	ja .failed
	cmp dword [minor], 0xfffff
	ja .failed
	mov eax, [minor]
	mov edx, eax
	and eax, 0xff
	xor edx, eax
	shl edx, 12
	or eax, edx
	mov edx, [major]
	shl edx, 8
	or eax, edx
	mov [dev], eax
.make:
	mov A3d, [mode]
	or A3d, ebx
	mov A2, [xsp]
	sys mknodat, AT_FDCWD, , , [dev]
	test eax, eax
	js .failed
	test xbp, xbp
	jz .bye
	sys fchmodat, AT_FDCWD, [xsp], [mode]
	test eax, eax
	jns .bye
	mov esi, msg_chmod
	mov xdx, [xsp]
	call err_af
	exit 1
.failed:
	mov xsi, [xsp]
	call err_file
	exit 1
.bad_number:
	xor eax, eax
	call err_quoted
	exit 1
.nodev:
	mov edi, qbuf                   ; "invalid device MAJOR MINOR"
	mov xsi, ARGV0
	call copystr
	mov esi, msg_device
	call copystr
	mov xsi, [xsp + 2*W]
	call copystr
	mov al, ' '
	stosb
	mov xsi, [xsp + 3*W]
	call copystr
	mov al, 10
	stosb
	call af_write
	exit 1
.bye:
	exit_status

; number - xstrtoumax(xsi, base 0) into eax, CF=1 unless it is a number
; up to 4294967295 and nothing else. clobbers: xcx, xdx, xsi, xdi
number:
	lodsb
	cmp al, ' '
	je number
	cmp al, 9
	jb .sign
	cmp al, 13
	jbe number
.sign:
	cmp al, '-'
	je .bad
	cmp al, '+'
	jne .base
	lodsb
.base:
	mov ecx, 10
	cmp al, '0'
	jne .first
	mov cl, 8
	mov dl, [xsi]
	or dl, 0x20
	cmp dl, 'x'
	jne .first
	mov dl, [xsi+1]
	call digit
	cmp dl, 16
	jae .first
	mov cl, 16
	inc xsi
	lodsb
.first:
	mov dl, al
	call digit
	cmp dl, cl
	jae .bad
	xor edi, edi                    ; edi = the value
	dec xsi
.next:
	lodsb
	test al, al
	jz .end
	mov dl, al
	call digit
	cmp dl, cl
	jae .bad
	movzx edx, dl
	push xdx
	mov eax, edi
	mul ecx
	pop xdi
	jc .bad
	add eax, edi
	jc .bad
	xchg eax, edi
	jmp .next
.end:
	xchg eax, edi
	clc
	ret
.bad:
	stc
	ret

; digit - dl = the value of the digit dl (0-9, a-z, A-Z as 10-35), or
; 255.
digit:
	sub dl, '0'
	cmp dl, 10
	jb .ret
	add dl, '0'
	or dl, 0x20
	sub dl, 'a'
	cmp dl, 26
	jae .none
	add dl, 10
.ret:
	ret
.none:
	mov dl, 255
	ret

msg_chmod:	db 'cannot set permissions of ', 0
msg_major:	db 'invalid major device number ', 0
msg_minor:	db 'invalid minor device number ', 0
msg_device:	db ': invalid device ', 0
fmt_after:	db F_ARGV0, ': missing operand after ', F_QUOTE, 10, F_TRY, 0
fmt_after_special: db F_ARGV0, ': missing operand after ', F_QUOTE, 10
		db 'Special files require major and minor device numbers.', 10, F_TRY, 0
fmt_extra:	db F_ARGV0, ': extra operand ', F_QUOTE, 10, F_TRY, 0
fmt_extra_fifo:	db F_ARGV0, ': extra operand ', F_QUOTE, 10
		db 'Fifos do not have major and minor device numbers.', 10, F_TRY, 0
fmt_type:	db F_ARGV0, ': invalid device type ', F_QUOTE, 10, F_TRY, 0
OPTSPEC:	db 'm:Z', 0
LONGOPTS:                               ; in GNU's order (its ambiguity lists)
	db CTX_OPT | 0x80, 'context', 0
	db 'm'|0x80, 'mode', 0
	db '?', 'help', 0
	db '?', 'version', 0
	db 0

BSS
QBUFSZ	equ 131072 + 4 * 131072 + 64
qbuf:	resb QBUFSZ
opend:	resW 1
mode:	resd 1
major:	resd 1
minor:	resd 1
dev:	resd 1

program_end
