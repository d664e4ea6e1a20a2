; stat - display file or file system status (GNU coreutils 9.1's stat).
;
; Usage: stat [-L] [-f] [-t] [-c FORMAT | --printf=FORMAT] [--cached=WHEN]
;             FILE...
;   -c, --format=FORMAT  FORMAT for each file, a newline after it
;   --printf=FORMAT      FORMAT with backslash escapes (\n \t \ooo \xHH...),
;                        no newline added
;   -L, --dereference    follow symbolic links
;   -f, --file-system    the file system's status (statfs) instead
;   -t, --terse          GNU's one-line terse form
;   --cached=WHEN        always, never, default (or a prefix: argmatch's
;                        messages for a bad or empty one): statx's
;                        AT_STATX_DONT_SYNC, AT_STATX_FORCE_SYNC (then
;                        without AT_NO_AUTOMOUNT, as GNU's)
; Without -c/--printf/-t: GNU's multi-line form (File, Size, Blocks, IO
; Block, type, Device in hex/decimal, Inode, Links, Device type, Access
; mode, Uid/Gid with names, the four times with nanoseconds).
; Directives, with printf's flags (- 0 # + space), width and precision:
;   file:  %a %A %b %B %C %d %D %f %F %g %G %h %i %m %n %N %o %r %R %s %t
;          %T %u %U %w %W %x %X %y %Y %z %Z %Hd %Ld %Hr %Lr (statx, both
;          arches: the birth time where the file system has one, else -
;          and 0)
;   -f:    %a %b %c %d %f %i %l %n %s %S %t %T
;   %% is a '%'; any other letter prints '?' as GNU's does.
;   %N quotes (GNU 9.1) only when the format has "%N" in it (strstr: not
;   for %5N alone, but for %+N%N and %%N), as QUOTING_STYLE says: any of
;   gnulib's ten styles (literal, shell, shell-always, shell-escape,
;   shell-escape-always, c, c-maybe, escape, locale, clocale: the C
;   locale's quotearg_buffer_restyled, rt/quotearg.inc), unset meaning
;   shell-escape-always, a prefix of one name only as argmatch; an invalid
;   or ambiguous value is GNU's warning ("ignoring invalid value of
;   environment variable QUOTING_STYLE: 'X'") and the default, given
;   before any file as GNU's (also with -f, or when no file is statted).
;   n_style and the engine are in .rare: a -c %N run maps its page (24
;   KiB). With flags, width or precision, GNU 9.1's bug kept: a stray 's'
;   after a link's target for one dropped flag (d_mname).
; %m, the mount point, is GNU 9.1's out_mount_point: unless the file is a
; symbolic link and -L is not given, a bind mount at its canonical name
; (gnulib's find_bind_mount: a dummy file system in /proc/self/mountinfo,
; or /etc/mtab, whose source is that same file); else find_mount_point's
; walk up by chdir("..") from the file (a directory) or its dir_name to
; the last directory on its device, named by getcwd (or the bind mount
; there); its failures in GNU's words and a '?'. %C, the SELinux context,
; is libselinux's lgetfilecon (getfilecon with -L) as gnulib wraps it:
; the attribute security.selinux, or GNU's message ("failed to get
; security context of 'F': No data available") and a '?'. Both in a cold
; part of their own (COLD): a run without them maps two code pages.
; Exit status: 0; 1 when a file could not be statted ("stat: cannot statx
; 'F': Reason", the others still shown), for a bad option, a missing
; operand, an invalid directive ("stat: '%5%': invalid directive"), a
; failed %m or %C, a link %N cannot read (the quoted name alone, then
; "stat: cannot read symbolic link 'F': REASON": rl_fail), or a write
; error.
; Times are local (rt/localtime.inc: TZ, or /etc/localtime, as glibc 2.36
; reads them) with GNU's numeric offset (+hhmm, seconds of an LMT offset
; dropped as strftime's %z); a right/ zone's inserted second is glibc's :60.
; Pages: the hot part (two code pages), .cold (one page: %m, %C, --cached,
; "-" with -f, the rare error paths: invalid directive, --printf's
; warnings, statfs's failure, times localtime cannot give) and .rare (one
; page: the zone's rare code (posixrules, leap seconds, a big zone file,
; malformed rules) and %N's QUOTING_STYLE), each its own PT_LOAD mapped only
; by the runs that enter it: stat f 16 KiB, in a right/ zone 20.
; Differences from GNU: the zone's limits are rt/localtime.inc's; a user or
; group id without a name in /etc/passwd, /etc/group (first 64 KiB) shows
; UNKNOWN as GNU's, but other NSS sources are not asked; %T of -f knows the
; common file systems only (others: UNKNOWN (0xN) as GNU's unknown ones);
; --help and --version are not supported. %m: a mount point that getcwd(2)
; cannot name (longer than 4096 bytes, or out of reach) prints '?' with
; status 1 (glibc's getcwd then walks up by itself); a mount table over 8 MiB is GNU's "cannot
; read table of mounted file systems" with "File too large"; /etc/mtab
; (read only when /proc/self/mountinfo cannot be opened) has every \ooo
; escape decoded, as mountinfo's, where getmntent decodes \040 \011 \012
; \134 and \\ only. %C: is_selinux_enabled() is not asked (this kernel
; has no SELinux): with SELinux on, GNU's -t and default forms add %C,
; ours do not, and mcstrans' translation of a context is not made.

%define FAST_SYSCALL                    ; i386: the vDSO's entry after 32 calls
%define COLD_PAGE                       ; (the cold part: one page)
%define CAN_NO_WALK                     ; (canonicalize: no walk up from a cwd past PATH_MAX)
%define QUOTE_ONE_PASS          ; (error.inc: gnulib's second quoting pass left out: its pages are full; README)
%include "subk.inc"
%include "layout.inc"
; .rare, a second cold part (its own PT_LOAD, page-aligned after .cold, so
; only the runs that enter it map its page): rt/localtime.inc's rare code
; (posixrules' shift, big zone files, leap seconds, malformed rules).
section .rare progbits follows=.cold align=PAGE vstart=_rare_vaddr
section .rare
_rare_start:
section .text
%define STATX_OLD TZ_RARE                ; statx.inc's fallback (old kernels)
%define POSIXLY_PART TZ_RARE             ; (posixly: an option after an operand; the hot part is full)
%macro TZ_RARE 0
	section .rare
%endmacro
%macro TZ_HOT 0
	section .text
%endmacro
%define TZ_HU_COMMA                     ; (a ',' after a DST name: hot)
%include "rt/stat_statfs.inc"
%include "rt/localtime.inc"
%include "rt/canonicalize_consts.inc"
use localtime, getopt_long, fs_msg, fs_missing, errno_path, quote_arg, atou
use udigits, putc_buf, hexval
%define UDIGITS_HEX
%define PUTC_COUNT
%define PUTC_FAIL err_text
%define PUTC_GO_ON                      ; (a failed write: stat goes on, as GNU)

OBUFSZ equ 1024
IDSZ   equ 65536
%define TZBUFSZ 16384                   ; (the zone's data in idbuf)
QBUFSZ equ 8 * 4096 + 4 * 131072 + 64  ; (more than IDSZ; %N's name and
                                       ; target are under PATH_MAX, 5.5
                                       ; bytes a byte at most: 45 KiB)
CWDSZ  equ 4096                        ; getcwd's names (PATH_MAX)
%define XATTR_MAX 65536                 ; an attribute's largest value
MTSZ   equ 8 << 20                      ; the mount table read whole
F_MINUS equ 1
F_ZERO  equ 2
F_ALT   equ 4
F_PLUS  equ 8
F_SPACE equ 16
; xbp = VB all along: the variables are [V(name)], 3-4 bytes an access
%define V(n) xbp + n - VB
%define PUTC_V(n) V(n)                 ; (putc_buf's opos and wfail)
; OPT 'x' - ZF=0 when the option -x was given (opts: a bit per letter)
%macro OPT 1
	test byte [V(opts) + (%1) / 8], 1 << ((%1) % 8)
%endmacro

_start:
	fast_syscall_init counted       ; i386: int 0x80 for the first 32 calls
	envp_at_start xdx
	pop_argv0                       ; xsp = &argv[1]
	mov ebp, VB
	mov [V(envp)], xdx
	mov dword [V(opos)], obuf
	getopt_here
.opt:
	call getopt_long
	jc .options_done
	movzx eax, al
	bts [V(opts)], eax              ; the letter's bit: -L, -f, -t
	cmp al, 'C'
	je cached                       ; --cached=WHEN (cold)
	cmp al, 'c'
	je .format
	cmp al, 'P'
	jne .opt
.format:
	mov [V(ufmt)], xdx
	sub al, 'c'
	setz [V(nlend)]                    ; -c: a newline after each
	setnz [V(uesc)]                    ; --printf: escapes
	jmp .opt
.options_done:
	cmp xdi, xsp
	je missing_operand
	mov xsi, [V(ufmt)]              ; GNU's getenv_quoting_style before
	test xsi, xsi                   ; any file when the format has "%N"
	jz .files                       ; (strstr): QUOTING_STYLE's warning
.pct:                                   ; first (n_style, in .rare)
	lodsb
	test al, al
	jz .files
	cmp al, '%'
	jne .pct
	cmp byte [xsi], 'N'
	jne .pct
	call n_style
.files:
	pop xsi
	test xsi, xsi
	jz .end
	call do_file
	jmp .files
.end:
	call flush_end
	exit_status

; do_file - xsi = the name: its status by the format chosen.
do_file:
	mov [V(name)], xsi
	push AT_FDCWD
	pop A1
%if AT_SYMLINK_NOFOLLOW != 0x100 || (AT_EMPTY_PATH | AT_NO_AUTOMOUNT) & 0xff
 %error "dh: AT_SYMLINK_NOFOLLOW is not bit 8, or the '-' flags not in dh"
%endif
	mov edx, AT_SYMLINK_NOFOLLOW | AT_NO_AUTOMOUNT
	cmp word [xsi], '-'
	jne .named
	xor A1d, A1d                    ; "-": stdin, by the "" after its '-'
	inc xsi
	mov dh, (AT_EMPTY_PATH | AT_NO_AUTOMOUNT) >> 8
	OPT 'f'
	jnz dash_fs                     ; (cold)
	jmp .call
.named:
	OPT 'f'
	jnz do_fs
	OPT 'L'
	jz .call
	dec dh                          ; -L: no AT_SYMLINK_NOFOLLOW
.call:
	xor dh, [V(cflag)]              ; --cached: 0, never 0x28, always 0x40
	sys statx, A1, xsi, xdx, STATX_BASIC_STATS | STATX_BTIME, xbp
	jerr .fail
	mov esi, terse_file
	call pick
	mov esi, fmt_def1
	call run_fmt
	mov esi, fmt_dev_other
%if S_IFCHR != 0x2000 || S_IFBLK != 0x6000 || S_IFMT != 0xf000
 %error "S_IFCHR, S_IFBLK: the mask below"
%endif
	mov al, [xbp + STX_MODE + 1]    ; the types 0x2000 and 0x6000 alone
	and al, 0xb0                    ; give 0x20
	cmp al, 0x20
	jne .other
	mov esi, fmt_dev_dev
.other:
	call run_fmt
	mov esi, fmt_def2
	jmp run_fmt
.fail:
	test A1d, A1d                   ; "-": fd 0 (statx keeps A1)
	jz stdin_fail
	mov esi, msg_statx
.err:
	and byte [V(tzok)], 0           ; (err_af writes qbuf: the zone's)
	call flush
	mov xdx, [V(name)]
	jmp err_af

do_fs:
	sys_statfs xsi, sfs
	jerr .fail
	mov esi, terse_fs
	call pick
	mov esi, fmt_fdef
	jmp run_fmt
.fail:
	mov esi, msg_statfs
	jmp do_file.err

; pick - xsi = the letters of the terse form: with -c/--printf or -t, their
; output, and a return to the caller's caller; else a return (the default
; form is the caller's)
pick:
	cmp WPTR [V(ufmt)], 0
	jne .user
	OPT 't'
	jz .ret
	pop xax
; the terse form: "%L %L ...\n" made in tbuf from the letters, then run
	mov edi, tbuf
	push xdi
.letter:
	mov al, '%'
	stosb
	movsb
	mov al, ' '
	stosb
	cmp byte [xsi], 0
	jne .letter
	mov word [xdi-1], 10
	pop xsi
	jmp run_fmt
.user:                                  ; -c (a newline after) or --printf
	pop xax
	mov xsi, [V(ufmt)]
	call run_fmt
	cmp byte [V(nlend)], 0
	je .ret
	mov al, 10
	jmp putc
.ret:
	ret

; run_fmt - xsi = a format: its bytes and directives to the output.
run_fmt:
.next:
	lodsb
	test al, al
	jz .ret
	cmp al, '%'
	je .pct
	cmp al, '\'
	jne .lit
	cmp byte [V(uesc)], 0            ; (no '\' in the built-in formats)
	je .lit
	call escape
	jmp .next
.lit:
	call putc
	jmp .next
.ret:
	ret
.pct:
	lea xax, [xsi-1]
	mov [V(dstart)], xax
	xor edx, edx
.flag:
	lodsb
	mov edi, flagset
	push 7
	pop xcx
	repne scasb
	jne .flags_done
	bts edx, ecx                    ; ecx = 6 - the index: the bit
	jmp .flag
.flags_done:
	and dl, 31
	mov [V(flg)], dl
	dec xsi
	call atou
	mov [V(width)], eax
	mov byte [V(hprec)], 0
	cmp byte [xsi], '.'
	jne .conv
	inc xsi
	inc byte [V(hprec)]
	call atou
	adc byte [V(hprec)], 0             ; 2: a '.' without digits
.conv:
	mov [V(prec)], eax
	lodsb
	test al, al
	jz .pct_end
	cmp al, '%'
	jne .directive
.pct_end:
	lea xcx, [xsi-2]
	cmp xcx, [V(dstart)]
	jne .invalid
	test al, al
	jnz .pct_put
	dec xsi
.pct_put:
	mov al, '%'
	jmp .lit
.unknown:
	mov al, '?'
	jmp .lit
.directive:
	test al, al                     ; (the bytes 0x80.. are the keys of
	js .unknown                     ; %Hd %Ld %Hr %Lr: not directives)
	OPT 'f'
	jnz .plain
	cmp al, 'H'
	je .mod
	cmp al, 'L'
	jne .plain
.mod:
	mov cl, [xsi]
	cmp cl, 'd'
	je .modded
	cmp cl, 'r'
	jne .plain
.modded:                                ; the key: letter ^ 0x80 (H), ^ 0xc0 (L)
	inc xsi
	xor cl, 0x80
	cmp al, 'H'
	je .h
	xor cl, 0x40
.h:
	mov al, cl
.plain:
	push xsi
	call directive
	pop xsi
	jmp .next
.invalid:
	jmp bad_dir                     ; (cold)

; escape - xsi past a backslash of --printf: the byte it stands for.
escape:
	lodsb
	test al, al
	jz esc_end                      ; (cold)
	mov ah, 0                       ; ah = the value
	mov cx, 3 << 8 | 3              ; ch digits at most, cl bits each
	mov dh, 8
	mov dl, al
	sub dl, '0'
	cmp dl, dh
	jb .octal
	cmp al, 'x'
	jne .letter
	mov al, [xsi]                   ; \x needs a hex digit
	call hexval
	jc .letter_x
	mov cx, 2 << 8 | 4
	mov dh, 16
	inc xsi
.octal:
	dec xsi
.digit:
	mov al, [xsi]
	call hexval
	jc .put_ah
	cmp al, dh
	jae .put_ah
	inc xsi
	shl ah, cl
	or ah, al
	dec ch
	jnz .digit
.put_ah:
	mov al, ah
.putc:
	jmp putc
.letter_x:
	mov al, 'x'
.letter:
	mov edi, esc_from
	push esc_n
	pop xcx
	repne scasb
	jne esc_unknown                 ; (cold)
	mov al, [xdi + esc_n - 1]
	jmp .putc

; directive - al = the letter (or the key of %Hd...); [V(flg)], [V(width)],
; [V(hprec)], [V(prec)] set. Prints it. Clobbers all but xbp.
directive:
	xor edx, edx
	mov [V(val) + 4], edx
	mov [V(e_pfxn)], edx
	mov [V(e_zero)], edx
	cmp al, 'n'
	jne .not_n
	mov xsi, [V(name)]              ; %n: the name as given
	jmp strput
.not_n:
	mov edi, ftab
	OPT 'f'
	jnz .look
	cmp al, 'N'
	je d_qname
	mov edi, dtab
.look:
	mov cl, [xdi]
	test cl, cl
	jz d_unknown
	cmp cl, al
	je .found
	add edi, 3
	jmp .look
.found:
	movzx ecx, byte [xdi+2]         ; the offset
	add ecx, ebp
	OPT 'f'
	jz .rec
	add ecx, sfs - stx
.rec:
	movzx eax, byte [xdi+1]         ; the kind
	mov edx, [xcx]
	mov [V(val)], edx
	test al, K_SPECIAL
	jnz .special
	test al, K_QWORD
	jz .dword
	mov edx, [xcx+4]
	mov [V(val)+4], edx
.dword:
	test al, K_WORD
	jz .number
	movzx edx, word [xcx]
	mov [V(val)], edx
.number:
	and eax, 0x0f
	mov cl, [bases + xax]
	jmp out_num
.special:
	and eax, 0x0f
	mov xsi, xcx
	movzx eax, word [spec + xax*2]
	add eax, s_human
	jmp xax

K_QWORD   equ 0x10
K_WORD    equ 0x20
K_SPECIAL equ 0x40
; number kinds (low nibble): 0 decimal, 1 hex, 2 octal, 3 signed
; special kinds: 0 human time, 1 epoch time, 2 %A, 3 %F, 4 %U, 5 %G,
; 6 %B, 7 %a, 8 %d (makedev), 9 %D, 10 %T of -f, 11 %i of -f, 12 fail

d_unknown:
	mov al, '?'
	jmp putc

; d_qname - %N: quoted (GNU's quoteaf; as it is in the default form), then
; " -> TARGET" for a symbolic link, built in qbuf after the link's target
; (read there first: a short run writes only qbuf's first bytes)
d_qname:
	and byte [V(tzok)], 0           ; (qbuf is idbuf: the zone's)
	mov ebx, af_put
	cmp WPTR [V(ufmt)], 0           ; the default form (-t has no %N)
	je .q
	call n_style                    ; ebx = the quoting routine
.q:
	mov xsi, [V(dstart)]
	cmp byte [xsi+1], 'N'
	jne d_mname
	push xbx
	call readlink
.rl:                                    ; (rl_fail: the return from it)
	push xdi                        ; [xsp] = the start, [xsp+W] quoting
	mov xsi, [V(name)]
	call WPTR [xsp+W]
	cmp WPTR [xsp], qbuf
	je .done                        ; not a link
	mov eax, ' -> '
	stosd
	mov esi, qbuf
	call WPTR [xsp+W]
.done:
	pop xsi
	pop xcx
	mov xcx, xdi
	sub ecx, esi
	jmp str_len_put

; readlink - for a symbolic link (stx): its target at qbuf, NUL-terminated,
; xdi past it; else xdi = qbuf; its failure: rl_fail's (xdi = qbuf)
readlink:
	mov edi, qbuf
	mov al, [xbp + STX_MODE + 1]
	and al, S_IFMT >> 8
	cmp al, S_IFLNK >> 8
	jne .ret
	sys readlink, [V(name)], qbuf, 4095
	test eax, eax
	js rl_fail                      ; (cold)
	lea edi, [xax + qbuf]
	mov byte [xdi], 0
	scasb                           ; (xdi past the NUL)
.ret:
d_qname.ret:
	ret

; out_num - [V(val)] (64 bits) in base cl (16: hex; 8: octal; 10 decimal;
; 0x8a: signed decimal), with the flags, width and precision.
out_num:
	mov edi, fld + 40
	test cl, 0x80
	jz .unsigned
	and cl, 0x7f
	mov al, '-'
	test byte [V(val)+7], 0x80
	jz .positive
	neg dword [V(val)]
	adc dword [V(val)+4], 0
	neg dword [V(val)+4]
	jmp .sign
.positive:
	cmp byte [V(negz)], 0              ; GNU's "-0" (-0.5 s: out_minus_zero)
	jne .sign
	mov al, '+'
	test byte [V(flg)], F_PLUS
	jnz .sign
	mov al, ' '
	test byte [V(flg)], F_SPACE
	jz .unsigned
.sign:
	mov [V(e_pfx)], al
	inc byte [V(e_pfxn)]
.unsigned:
	movzx ecx, cl
	push xcx
	mov eax, [V(val)]
	or eax, [V(val)+4]
	push xax                        ; 0 for a zero value
	call udigits                    ; xdi = the first digit
	pop xax
	pop xcx
	mov edx, fld + 40
	sub edx, edi                    ; edx = the digits
	cmp byte [V(hprec)], 0
	je .alt
	test eax, eax
	jnz .alt
	cmp [V(prec)], eax
	jne .alt
	cdq                             ; %.0 of 0: no digit
.alt:
	test byte [V(flg)], F_ALT
	jz .prec
	cmp cl, 8
	jne .alt_hex
	test edx, edx                   ; octal: a leading 0 unless there is
	jz .alt_zero                    ; one
	cmp byte [xdi], '0'
	je .prec
.alt_zero:
	inc dword [V(e_zero)]
	jmp .prec
.alt_hex:
	cmp cl, 16
	jne .prec
	test eax, eax
	jz .prec
	mov word [V(e_pfx)], '0x'
	mov byte [V(e_pfxn)], 2
.prec:
	cmp byte [V(hprec)], 0
	je .zero_flag
	mov eax, [V(prec)]
	sub eax, edx
	jle .body
	cmp eax, [V(e_zero)]
	jle .body
	mov [V(e_zero)], eax
	jmp .body
.zero_flag:
	test byte [V(flg)], F_MINUS
	jnz .body
	test byte [V(flg)], F_ZERO
	jz .body
	mov eax, [V(width)]
	sub eax, edx
	sub eax, [V(e_pfxn)]
	jle .body
	mov [V(e_zero)], eax
.body:
	mov xsi, xdi
	mov ecx, edx
; fall through
; emit - the field: [V(e_pfx)] (e_pfxn bytes), e_zero zeros, xsi (ecx bytes),
; padded to the width with spaces (left, or right with '-')
emit:
	push xsi
	push xcx
	mov eax, [V(width)]
	sub eax, ecx
	sub eax, [V(e_zero)]
	sub eax, [V(e_pfxn)]
	xchg eax, edx                   ; edx = the padding
	test byte [V(flg)], F_MINUS
	jnz .body
	call spaces
.body:
	mov esi, e_pfx
	mov ecx, [V(e_pfxn)]
	call puts
	mov ecx, [V(e_zero)]
	mov al, '0'
	call putn
	pop xcx
	pop xsi
	call puts
	test byte [V(flg)], F_MINUS
	jz .ret
spaces:
	mov ecx, edx
	mov al, ' '
putn:
	test ecx, ecx
	jle .ret
.byte:
	call putc
	loop .byte
.ret:
emit.ret:
	ret

; strput - xsi = a NUL-terminated string, printed as %s with the flags
strput:
	movx A2, xsi
	call strlen
	mov ecx, A3d
str_len_put:
	cmp byte [V(hprec)], 0
	je emit
	cmp ecx, [V(prec)]
	jbe emit
	mov ecx, [V(prec)]
	jmp emit


; The special directives: xsi = their field.
s_human:                                ; %x %y %z %w: UTC date and time
	cmp esi, stx + 80
	jne .known
	test byte [xbp + 1], STATX_BTIME >> 8
	jnz .known
	mov esi, dash
	jmp strput
; The seconds shifted by ERAS 400-year eras and 0000-03-01..1970-01-01, so
; that they count up from a March 1st, positive: days and then eras by
; div64, the years of the era and the months from March by subtraction.
; GNU's range: a year - 1900 that fits an int (tm_year); past it, GNU's
; fallback (s_range, cold).
ERAS equ 5400000
SHIFT equ 86400 * (719468 + 146097 * ERAS)
.known:
	push xsi                        ; the record
	cmp byte [V(tzok)], 0           ; the zone, in idbuf (unless %N, %U,
	jne .zoned                      ; %G or an error message came since)
	inc byte [V(tzok)]
	mov xsi, [V(envp)]
	mov edi, idbuf
	call tz_load
.zoned:
	mov xsi, [xsp]
	mov eax, [xsi]
	mov edx, [xsi+4]
	call tz_offset                  ; ecx = the offset: local time
	jc s_range                      ; (cold)
	mov bl, [xsi]                   ; (its abbreviation's first byte)
	mov [V(tzabbr)], bx             ; tzleap = bh: 1 at a leap second
	lea ebx, [xcx + xdi]            ; tm_gmtoff (right/ zones: ecx is
	mov [V(tzoff)], ebx             ; less their leap seconds)
	mov ebx, ecx
	sar ebx, 31
	add eax, ecx
	adc edx, ebx
	add eax, SHIFT & 0xffffffff
	adc edx, SHIFT >> 32
	js s_range
	mov [V(val)], eax
	mov [V(val)+4], edx
	mov ecx, 86400
	call div64                      ; [val] = days, edx = the second of day
	push xdx
	mov ecx, 146097
	call div64                      ; eax = eras, edx = the day of the era
	push xax
	mov esi, edx
	xor ebx, ebx                    ; ebx = the year of the era (March to
.year:                                  ; February)
	lea eax, [xbx+1]                ; the year of its February
	mov ecx, 365
	test al, 3
	jnz .len
	cdq
	push 100
	pop xdi
	div edi
	test edx, edx
	jnz .leap
	test al, 3
	jnz .len
.leap:
	inc ecx
.len:
	sub esi, ecx
	jb .months
	inc ebx
	jmp .year
.months:
	add esi, ecx                    ; esi = the day of the year from March 1
	xor eax, eax
.mon:
	movzx ecx, byte [mdays + xax]
	sub esi, ecx
	jb .mend
	inc eax
	jmp .mon
.mend:
	add esi, ecx
	inc esi                         ; the day of the month
	add eax, 3
	cmp eax, 12
	jbe .m
	sub eax, 12
	inc ebx
.m:
	pop xcx                         ; the eras
	sub ecx, ERAS + 4               ; (1600 less, for the years at the
	imul ecx, ecx, 400              ; two ends of GNU's range)
	jo s_range_sod
	sub ebx, 1900 - 1600
	add ebx, ecx                    ; ebx = the year - 1900
	jo s_range_sod
	xchg eax, edi                   ; edi = the month
	pop xax                         ; the second of the day
	push 60
	pop xcx
	cdq
	div ecx                         ; eax = minutes of the day, edx = s
	add dl, [V(tzleap)]             ; (a leap second: glibc's :60)
	push xdx
	cdq
	div ecx                         ; eax = the hour, edx = the minute
	push xdx
	push xax
	push xsi
	push xdi
	mov edi, fld
	lea eax, [xbx + 1900]
	push 4                          ; (four columns with the sign, as
	pop xcx                         ; gnulib's %Y: -001)
	cmp ebx, -1900
	jge .y
	mov byte [xdi], '-'
	inc edi
	neg eax
	dec ecx
.y:
	call dec_n
	mov esi, seps                   ; month, day, hour, minute, second
.f:
	lodsb
	stosb
	pop xax
	push 2
	pop xcx
	call dec_n
	cmp byte [xsi], '.'
	jne .f
	movsb
	pop xax
	mov eax, [xax+8]
	push 9
	pop xcx
	call dec_n
	mov ax, ' +'                    ; " +hhmm" (strftime's %z: the
	mov ecx, [V(tzoff)]             ; minutes truncated; -0000 for a
	test ecx, ecx                   ; zone "-00")
	jg .east
	jl .west
	cmp byte [V(tzabbr)], '-'
	jne .east
.west:
	mov ah, '-'
	neg ecx
.east:
	stosw
	xchg eax, ecx
	push 60
	pop xcx
	cdq
	div ecx
	cdq
	div ecx                         ; eax = hours, edx = minutes
	imul eax, eax, 100
	add eax, edx
	push 4
	pop xcx
	call dec_n
	mov esi, fld
.put:
	mov ecx, edi
	sub ecx, esi
	jmp str_len_put
; dec_n - eax in decimal, at least ecx digits, at xdi (xdi past them).
; clobbers eax, ecx, edx
dec_n:
	push xbx
	push 10
	pop xbx
	xor edx, edx
	div ebx
	pop xbx
	push xdx
	dec ecx
	jg .more
	test eax, eax
	jz .out
.more:
	call dec_n
.out:
	pop xax
	add al, '0'
	stosb
	ret

s_epoch:                                ; %X %Y %Z %W: seconds[.fraction]
; (a birth time the file system does not give is 0: the kernel zeroes
; what it does not fill, and GNU prints 0 then)
	lea edi, [V(val)]
	movsd
	movsd
	mov ebx, [xsi]                  ; ebx = nanoseconds
	mov eax, [V(ocnt)]
	mov [V(ostart)], eax
	movzx eax, byte [V(hprec)]
	mov byte [V(hprec)], 0
	test eax, eax
	jz .seconds
	cmp al, 2
	mov al, 9                       ; "%.X": 9 digits
	je .p
	mov eax, [V(prec)]
	test eax, eax
	jnz .p
.seconds:                               ; "%X", "%.0X": the seconds alone
	mov cl, 0x8a
	jmp out_num
.p:
	mov [V(eprec)], eax
; GNU's out_epoch_sec: the seconds get the width - 1 - precision when that
; is > 1 and there is no '-' (with '-' the padding comes after the
; fraction), else no width (the precision is 1 or more here)
	mov ecx, [V(width)]
	mov [V(fpad)], ecx                 ; the whole width
	and dword [V(width)], 0
	dec ecx
	sub ecx, eax
	cmp ecx, 1
	jle .frac_calc
	test byte [V(flg)], F_MINUS
	jnz .frac_calc
	mov [V(width)], ecx
.frac_calc:
	mov ecx, eax                    ; divisor = 10^(9 - min(p, 9))
	push 1
	pop xdi
.div:
	cmp ecx, 9
	jae .divd
	imul edi, edi, 10
	inc ecx
	jmp .div
.divd:
	mov eax, ebx
	xor ecx, ecx                    ; 1: before 1970, counted back
	test byte [V(val)+7], 0x80
	jz .frac
	test eax, eax
	jz .frac
	neg eax                         ; GNU's modulus - frac - (rest != 0)
	add eax, 1000000000             ; is (10^9 - ns) / divisor
	inc ecx
.frac:
	xor edx, edx
	div edi                         ; eax = the fraction's digits
	jxcxz .frac_ok
	test eax, eax
	jz .frac_ok
	add dword [V(val)], 1
	adc dword [V(val)+4], 0
	jnz .frac_ok
	cmp dword [V(val)], 0
	jnz .frac_ok
	inc byte [V(negz)]
.frac_ok:
	push xax
	mov cl, 0x8a
	call out_num
	mov byte [V(negz)], 0
	mov eax, [V(ocnt)]
	sub [V(ostart)], eax               ; -(the seconds' length)
	mov al, '.'
	call putc
	pop xax
	push 9
	pop xcx
	cmp [V(eprec)], ecx
	cmovb ecx, [V(eprec)]
	push xcx                        ; min(precision, 9)
	mov edi, fld
	push xdi
	call dec_n
	mov ecx, edi
	pop xsi
	sub ecx, esi
	call puts
; then GNU's "%-*.*d" of 0: the digits past 9 as zeros, in a field of
; |width - seconds - 1 - min(precision, 9)| when width - seconds > 1
	mov ecx, [V(eprec)]
	sub ecx, 9
	mov al, '0'
	call putn
	pop xax
	mov edx, [V(fpad)]
	add edx, [V(ostart)]               ; width - the seconds' length
	cmp edx, 1
	jle .ret
	dec edx
	sub edx, eax
	jns .abs
	neg edx
.abs:
	mov eax, [V(eprec)]
	sub eax, 9
	jle spaces
	sub edx, eax
	jmp spaces
.ret:
	ret

s_A:                                    ; %A: -rwxr-xr-x
	movzx ebx, word [xsi]
	mov edi, fld
	mov eax, ebx
	shr eax, 12
	mov al, [typechar + xax]
	stosb
	mov esi, rwx
	mov ecx, 0x100
.bit:
	lodsb
	test ebx, ecx
	jnz .put
	mov al, '-'
.put:
	stosb
	shr ecx, 1
	jnz .bit
; setuid, setgid (s on an x, else S) and sticky (t, T) on the x places
	mov ch, 0x800 >> 8
	mov dl, 's'
	mov edi, fld + 3
.special:
	test ebx, ecx
	jz .next
	mov al, dl
	cmp byte [xdi], 'x'
	je .x
	and al, 0xdf                    ; S, T
.x:
	mov [xdi], al
.next:
	add edi, 3
	shr ecx, 1
	cmp ecx, 0x200
	ja .special
	mov dl, 't'
	je .special
	mov esi, fld
	push 10
	pop xcx
	jmp str_len_put

s_F:                                    ; %F: the file type in words
	movzx eax, word [xsi]
	shr eax, 12
	movzx eax, byte [typename + xax]
	add eax, types
	cmp eax, t_regular
	jne .put
	mov ecx, [xbp + STX_SIZE]
	or ecx, [xbp + STX_SIZE + 4]
	jnz .put
	mov eax, t_empty
.put:
	xchg eax, esi
	jmp strput

s_U:                                    ; %U %G: names
	mov edx, passwd
	jmp s_ids
s_G:
	mov edx, group
s_ids:
	mov ebx, [xsi]
	call id_name
; (two hops for the specials around here: short jumps)
near_strput:
	jmp strput
near_out_num:
	jmp out_num

s_B:
	mov dword [V(val)], 512
	mov cl, 10
	jmp near_out_num

s_a:                                    ; %a: the permission bits in octal
	and byte [V(val)+1], 0o7777 >> 8     ; (the mode's u16 and a zero spare)
	mov cl, 8
	jmp near_out_num

s_d:                                    ; %d %D: makedev(major, minor)
	mov cl, 10
	jmp makedev
s_D:
	mov cl, 16
makedev:                                ; xsi = major, minor
	lodsd                           ; eax = the major
	mov ebx, [xsi]                  ; ebx = the minor
	mov edx, eax
	and edx, 0xfffff000
	mov esi, ebx
	shr esi, 20
	or edx, esi
	mov [V(val)+4], edx             ; major 12.. << 32, minor 20.. >> 20
	and eax, 0xfff
	shl eax, 8                      ; major ..11 << 8
	movzx edx, bl
	or eax, edx                     ; minor ..7
	shl ebx, 12
	and ebx, 0xfff00000
	or eax, ebx                     ; minor 8..19 << 12
	mov [V(val)], eax
	jmp near_out_num

s_fsid:                                 ; -f %i: f_fsid val[0] << 32 | val[1]
	mov eax, [xsi+4]
	mov [V(val)], eax
	mov eax, [xsi]
	mov [V(val)+4], eax
	mov cl, 16
	jmp near_out_num

s_fstype:                               ; -f %T: the name of f_type
	mov ebx, [xsi]
	mov esi, fsnames
.look:
	lodsd
	test eax, eax
	jz .unknown
	cmp eax, ebx
	je near_strput
.skip:
	lodsb
	test al, al
	jnz .skip
	jmp .look
.unknown:                               ; "UNKNOWN (0x%lx)"
	mov [V(val)], ebx
	mov edi, fld + 40
	mov word [xdi], ')'
	push 16
	pop xcx
	call udigits
	push 11
	pop xcx
	sub edi, ecx
	push xdi
	mov esi, t_unknown
	rep movsb
	pop xsi
	jmp strput

s_fail:                                 ; %m, %C: xdi = the table's entry
	jmp mount_or_context            ; (cold)

; id_name - ebx = an id, edx = the file (passwd or group): xsi = its name
; (NUL-terminated in idbuf), or "UNKNOWN". A line is NAME:X:ID[:...].
id_name:
	and byte [V(tzok)], 0           ; (idbuf: the zone's)
	push xbp
	push xbx                        ; (i386's A1)
	sys open, xdx, O_RDONLY | O_LARGEFILE
	mov ebp, idbuf
	test eax, eax
	js .loaded
	push xax
.read:
	mov A3d, idbuf + IDSZ - 1
	sub A3d, ebp
	jz .close
	sys read, [xsp], xbp
	cmp eax, -EINTR
	je .read
	test eax, eax
	jle .close
	add ebp, eax
	jmp .read
.close:
	pop A1
	sys close
.loaded:
	mov byte [xbp], 0
	pop xbx
	mov esi, idbuf
.line:
	mov xdi, xsi                    ; the name
	mov cl, 2
.field:                                 ; past the second ':' of the line
	lodsb
	test al, al
	jz .unknown
	cmp al, 10
	je .line
	cmp al, ':'
	jne .field
	dec cl
	jnz .field
	call atou
	jc .skip
	cmp xax, xbx
	jne .skip
	cmp byte [xsi], ':'
	jne .skip
	mov xsi, xdi
.name_end:
	lodsb
	cmp al, ':'
	jne .name_end
	mov byte [xsi-1], 0
	mov xsi, xdi
	pop xbp
	ret
.skip:
	lodsb
	test al, al
	jz .unknown
	cmp al, 10
	jne .skip
	jmp .line
.unknown:
	mov esi, t_unknown_id
	pop xbp
	ret

; The directives: letter (%Hd %Ld %Hr %Lr: d or r ^ 0x80, ^ 0xc0), kind, offset in stx (or sfs).
dtab:
	db 'a', K_SPECIAL | 7, STX_MODE
	db 'A', K_SPECIAL | 2, STX_MODE
	db 'b', K_QWORD, 48
	db 'B', K_SPECIAL | 6, 0
	db 'd', K_SPECIAL | 8, STX_DEV
	db 'D', K_SPECIAL | 9, STX_DEV
	db 'f', K_WORD | 1, STX_MODE
	db 'F', K_SPECIAL | 3, STX_MODE
	db 'g', 0, 24
	db 'G', K_SPECIAL | 5, 24
	db 'h', 0, 16
	db 'i', K_QWORD, STX_INO
	db 'o', 0, 4
	db 's', K_QWORD | 3, STX_SIZE
	db 't', 1, STX_RDEV
	db 'T', 1, STX_RDEV + 4
	db 'r', K_SPECIAL | 8, STX_RDEV
	db 'R', K_SPECIAL | 9, STX_RDEV
	db 'd' ^ 0x80, 0, STX_DEV
	db 'd' ^ 0xc0, 0, STX_DEV + 4
	db 'r' ^ 0x80, 0, STX_RDEV
	db 'r' ^ 0xc0, 0, STX_RDEV + 4
	db 'u', 0, 20
	db 'U', K_SPECIAL | 4, 20
	db 'w', K_SPECIAL | 0, 80
	db 'W', K_SPECIAL | 1, 80
	db 'x', K_SPECIAL | 0, 64
	db 'X', K_SPECIAL | 1, 64
	db 'y', K_SPECIAL | 0, 112
	db 'Y', K_SPECIAL | 1, 112
	db 'z', K_SPECIAL | 0, 96
	db 'Z', K_SPECIAL | 1, 96
	db 'm', K_SPECIAL | 12, 0
	db 'C', K_SPECIAL | 12, 0
	db 0
ftab:
	db 'a', K_QWORD | 3, SFS_BAVAIL  ; (GNU's out_int: signed, as %b %d %f)
	db 'b', K_QWORD | 3, SFS_BLOCKS
	db 'c', K_QWORD, SFS_FILES
	db 'd', K_QWORD | 3, SFS_FFREE
	db 'f', K_QWORD | 3, SFS_BFREE
	db 'i', K_SPECIAL | 11, SFS_FSID
	db 'l', 0, SFS_NAMELEN
	db 's', 0, SFS_BSIZE
	db 'S', 0, SFS_FRSIZE
	db 't', 1, SFS_TYPE
	db 'T', K_SPECIAL | 10, SFS_TYPE
	db 0
bases:	db 10, 16, 8, 0x8a
spec:	dw 0, s_epoch - s_human, s_A - s_human, s_F - s_human
	dw s_U - s_human, s_G - s_human, s_B - s_human, s_a - s_human
	dw s_d - s_human, s_D - s_human, s_fstype - s_human
	dw s_fsid - s_human, s_fail - s_human

flagset:	db "I' +#0-"            ; bit 6 - index: F_MINUS, F_ZERO...
esc_from:	db 'abefnrtv"\'
esc_n equ $ - esc_from
		db 7, 8, 27, 12, 10, 13, 9, 11, '"', '\'

mdays:	db 31, 30, 31, 30, 31, 31, 30, 31, 30, 31, 31, 29
seps:	db '-- ::.'
rwx:	db 'rwxrwxrwx'
typechar:	db '?pc?d?b?-?l?s???'
typename:	db t_unk - types, t_fifo - types, t_chr - types, t_unk - types
		db t_dir - types, t_unk - types, t_blk - types, t_unk - types
		db t_regular - types, t_unk - types, t_lnk - types, t_unk - types
		db t_sock - types, t_unk - types, t_unk - types, t_unk - types
types:
t_regular:	db 'regular file', 0
t_empty:	db 'regular empty file', 0
t_dir:		db 'directory', 0
t_lnk:		db 'symbolic link', 0
t_chr:		db 'character special file', 0
t_blk:		db 'block special file', 0
t_fifo:		db 'fifo', 0
t_sock:		db 'socket', 0
t_unk:		db 'weird file', 0
t_unknown:	db 'UNKNOWN (0x'
t_unknown_id:	db 'UNKNOWN', 0
fsnames:
	dd 0xEF53
	db 'ext2/ext3', 0
	dd 0x01021994
	db 'tmpfs', 0
	dd 0x9FA0
	db 'proc', 0
	dd 0x62656572
	db 'sysfs', 0
	dd 0x794C7630
	db 'overlayfs', 0
	dd 0x58465342
	db 'xfs', 0
	dd 0x9123683E
	db 'btrfs', 0
	dd 0x1CD1
	db 'devpts', 0
	dd 0x63677270
	db 'cgroup2fs', 0
	dd 0x27E0EB
	db 'cgroupfs', 0
	dd 0x6969
	db 'nfs', 0
	dd 0x4D44
	db 'msdos', 0
	dd 0x73717368
	db 'squashfs', 0
	dd 0x858458F6
	db 'ramfs', 0
	dd 0x65735546
	db 'fuseblk', 0
	dd 0x65735543
	db 'fusectl', 0
	dd 0x2FC12FC1
	db 'zfs', 0
	dd 0x6E736673
	db 'nsfs', 0
	dd 0x42494E4D
	db 'binfmt_misc', 0
	dd 0x64626720
	db 'debugfs', 0
	dd 0x74726163
	db 'tracefs', 0
	dd 0x73636673
	db 'securityfs', 0
	dd 0xCAFE4A11
	db 'bpf_fs', 0
	dd 0x19800202
	db 'mqueue', 0
	dd 0x958458F6
	db 'hugetlbfs', 0
	dd 0x01021997
	db 'v9fs', 0
	dd 0x9660
	db 'isofs', 0
	dd 0
passwd:	db '/etc/passwd', 0
group:	db '/etc/group', 0
dash:	db '-', 0
msg_statx:	db 'cannot statx ', 0
msg_write:	db 'write error', 0
terse_file:	db 'nsbfugDihtTXYZWo', 0
terse_fs:	db 'niltsSbfacd', 0
fmt_def1:	db '  File: %N', 10, '  Size: %-10s', 9, 'Blocks: %-10b IO Block: %-6o %F', 10
		db 'Device: %Hd,%Ld', 9, 'Inode: %-10i  Links: ', 0
fmt_dev_other:	db '%h', 10, 0
fmt_dev_dev:	db '%-5h Device type: %Hr,%Lr', 10, 0
fmt_def2:	db 'Access: (%04a/%10.10A)  Uid: (%5u/%8U)   Gid: (%5g/%8G)', 10
		db 'Access: %x', 10, 'Modify: %y', 10, 'Change: %z', 10, ' Birth: %w', 10, 0
fmt_fdef:	db '  File: "%n"', 10, '    ID: %-8i Namelen: %-7l Type: %T', 10
		db 'Block size: %-10s Fundamental block size: %S', 10
		db 'Blocks: Total: %-10b Free: %-10f Available: %a', 10
		db 'Inodes: Total: %-10c Free: %d', 10, 0
OPTSPEC:	db 'c:fLt', 0
LONGOPTS:                               ; (GNU's order: its ambiguity list)
	db 'L', 'dereference', 0
	db 'f', 'file-system', 0
	db 'c'|0x80, 'format', 0
	db 'P'|0x80, 'printf', 0
	db 't', 'terse', 0
	db 'C'|0x80, 'cached', 0
	db '?', 'help', 0
	db '?', 'version', 0
	db 0

; ---------------------------------------------------------------------------
; The cold part: --cached, %m and %C, which a plain run never enters (its
; own PT_LOAD: a trivial stat keeps two code pages).
COLD

; cached - xdx = WHEN of --cached: argmatch's rules over default, never,
; always (any prefix of one; an empty WHEN prefixes all three: ambiguous);
; [V(cflag)] = what statx's flags are xor'ed with in dh (never:
; AT_STATX_FORCE_SYNC and no AT_NO_AUTOMOUNT, as GNU; always:
; AT_STATX_DONT_SYNC). A bad WHEN: argmatch's message, exit 1.
cached:
	push xsi                        ; (getopt's state: xsi, xdi, xbx)
	push xdi
	cmp byte [xdx], 0
	je .ambiguous
	mov edi, cwords
	push 3
	pop xcx
.word:
	mov xsi, xdx
	push xdi
.ch:
	lodsb
	test al, al
	jz .found                       ; WHEN is a prefix of this word
	scasb
	je .ch
	pop xdi
	add edi, 9
	loop .word
	mov ecx, t_invalid
	jmp .die
.found:
	pop xdi
	mov al, [xdi + 8]
	mov [V(cflag)], al
	pop xdi
	pop xsi
	jmp _start.opt
.ambiguous:
	mov ecx, t_ambiguous
.die:
	mov esi, fmt_cached
	xor eax, eax
	call say
	exit 1

; mount_or_context - %m or %C: xdi = the directive's entry in dtab, the
; file's statx record at VB (xbp), [V(name)] its name. Prints it.
mount_or_context:
	cmp byte [xdi], 'm'
	je mount_point
; %C: libselinux's lgetfilecon (getfilecon with -L) through gnulib's
; wrapper: the attribute security.selinux up to its first NUL; an empty
; value fails with ENOTSUP, "unlabeled" with ENODATA. A failure is GNU's
; message (after stdout's bytes, as error() flushes) and a '?'.
	OPT 'L'
	jnz .follow
	sys lgetxattr, [V(name)], xattr_name, ctxbuf, XATTR_MAX
	jmp .got
.follow:
	sys getxattr, [V(name)], xattr_name, ctxbuf, XATTR_MAX
.got:
	test eax, eax
	js .fail
	jnz .value
	push -EOPNOTSUPP
	pop xax
	jmp .fail
.value:
	mov byte [ctxbuf + xax], 0
	mov esi, ctxbuf
	mov edi, t_unlabeled
	push 10
	pop xcx
	repe cmpsb
	mov esi, ctxbuf
	jne .put
	push -ENODATA
	pop xax
.fail:
	push xax
	call msg_prep
	mov esi, msg_context
	mov xdx, [V(name)]
	call af_start                   ; xdi past the quoted name in qbuf
	pop xax
	mov esi, t_enodata              ; (two reasons the library's texts
	cmp eax, -ENODATA               ; do not have)
	je .reason
	mov esi, t_enotsup
	cmp eax, -EOPNOTSUPP
	jne .tail
.reason:
	call af_put
	xor eax, eax
.tail:
	call err_tail                   ; STATUS = 1
	mov esi, qmark
.put:
	jmp strput

; dash_fs - the operand "-" with -f: GNU's refusal
dash_fs:
	call msg_prep
	mov esi, fmt_dash_fs
	mov edx, esi                    ; (no ARG: any string)
	xor eax, eax
	call say
	mov STATUSb, 1
	ret

; stdin_fail - statx of "-" failed (xax = -errno): GNU's message for it
stdin_fail:
	call msg_prep
	mov esi, msg_stdin
	jmp err_text

; msg_prep - before a message: stdout's bytes out (glibc's error() flushes
; stdout first), and the zone's data in idbuf marked lost (the message is
; built in qbuf, the same bytes). Keeps every register.
msg_prep:
	and byte [V(tzok)], 0
	jmp flush

; mount_point - %m as GNU 9.1's out_mount_point: unless the file is a
; symbolic link and -L is not given, the bind mount at its canonical name
; (canonicalize_file_name; its failure: GNU's message and '?'); else the
; mount point find_mount_point reaches from it, or the bind mount there.
mount_point:
	OPT 'L'
	jnz .resolve
	mov al, [xbp + STX_MODE + 1]
	and al, S_IFMT >> 8
	cmp al, S_IFLNK >> 8
	je .walk
.resolve:
	mov xsi, [V(name)]
	mov al, CAN_EXISTING
	mov edi, canbuf
	call canonicalize
	jc .canon_fail
	mov esi, canbuf
	call bind_mount
	jnc .put
.walk:
	call find_mount_point
	jc .unknown
	push xsi
	call bind_mount
	pop xax
	jnc .put
	xchg xax, xsi
.put:
	jmp strput
.canon_fail:
	push xax
; glibc's realpath names a working directory past PATH_MAX (getcwd walks
; up by itself) and reads no link for "." and "..": a relative name of
; those alone resolves there (too long a name to stat for a bind mount);
; the library's getcwd(2) says ENAMETOOLONG: on to the walk, as GNU's
	mov xsi, [V(name)]
	cmp eax, -ENAMETOOLONG
	jne .canon_msg
	cmp byte [xsi], '/'
	je .canon_msg
	xor ecx, ecx                    ; the dots of this component
.dots:
	lodsb
	cmp al, '.'
	jne .dots_end
	inc ecx
	jmp .dots
.dots_end:
	cmp ecx, 2
	ja .canon_msg
	xor ecx, ecx
	test al, al
	jz .dots_walk
	cmp al, '/'
	je .dots
.canon_msg:
	pop xax
	mov esi, msg_canon
	mov xdx, [V(name)]
	call fm_msg
.unknown:
	mov STATUSb, 1
	mov esi, qmark
	jmp strput
.dots_walk:
	pop xax
	jmp .walk

; fm_msg - "stat: TEXT'NAME': REASON" (xsi TEXT, xdx NAME, xax -errno),
; after stdout's bytes; STATUS = 1. Clobbers as err_af.
fm_msg:
	call msg_prep
	jmp err_af

; bind_mount - xsi = a name: CF=0 and xsi = the source of the first entry
; of the mount table (a dummy file system's, its source starting with '/')
; mounted at that very name whose source is the same file (device and
; inode, both stat'ed) as the name; else CF=1 (gnulib's find_bind_mount).
; The table is read at the first call (GNU's message, once, when it cannot
; be). Clobbers every register but xbp.
bind_mount:
	push xsi
	cmp byte [mtread], 0
	jne .have
	inc byte [mtread]
	call read_mounts
.have:
	mov xsi, [xsp]
	sys statx, AT_FDCWD, xsi, AT_NO_AUTOMOUNT, STATX_BASIC_STATS, stxa
	test eax, eax
	js .none
	mov edi, mtlist
.entry:                                 ; xdx = the target, xbx the source
	cmp byte [xdi], 0
	je .none
	mov xdx, xdi
	xor eax, eax
	or ecx, -1
	repne scasb
	mov xbx, xdi
	repne scasb
	push xdi                        ; the next entry
	cmp byte [mtab], 0              ; (in the line's order: mtab's
	je .ordered                     ; source first)
	xchg xdx, xbx
.ordered:
	mov xsi, [xsp+W]
	mov xdi, xdx
	call streq
	jne .next
	push xbx
	mov xsi, xbx
	sys statx, AT_FDCWD, xsi, AT_NO_AUTOMOUNT, STATX_BASIC_STATS, stxb
	test eax, eax
	js .differ
	mov esi, stxa + STX_INO
	mov edi, stxb + STX_INO
	cmpsd
	jne .differ
	cmpsd
	jne .differ
	mov esi, stxa + STX_DEV
	mov edi, stxb + STX_DEV
	cmpsd
	jne .differ
	cmpsd
	jne .differ
	pop xsi                         ; the source
	pop xax
	pop xax
	clc
	ret
.differ:
	pop xax
.next:
	pop xdi
	jmp .entry
.none:
	pop xax
	stc
	ret

; streq - xsi, xdi = strings: ZF=1 when they are equal; xdi past its NUL
; either way. Clobbers eax, ecx, xsi.
streq:
	lodsb
	scasb
	jne .ne
	test al, al
	jnz streq
	ret
.ne:
	dec xdi
	xor eax, eax
	or ecx, -1
	repne scasb
	inc eax                         ; ZF=0
	ret

; read_mounts - gnulib's read_file_system_list: /proc/self/mountinfo (or,
; when it cannot be opened, /etc/mtab in getmntent's format) read whole
; into mtbuf; then the entries a bind mount can be found in, at mtlist:
; "target\0source\0" (mtab: "source\0target\0") for each dummy file system (ME_DUMMY: its type in
; the list below) whose source begins with '/', an empty name after the
; last (fields unescaped as gnulib's unescape_tab). A failure: GNU's
; message "cannot read table of mounted file systems: REASON" (it does not
; change the exit status) and an empty table; more than MTSZ bytes: the
; same message with "File too large" (GNU has no limit).
read_mounts:
	sys open, f_mountinfo, O_RDONLY | O_CLOEXEC | O_LARGEFILE
	test eax, eax
	jns .opened
	inc byte [mtab]
	sys open, f_mtab, O_RDONLY | O_CLOEXEC | O_LARGEFILE
	test eax, eax
	js .fail
.opened:
	mov [mtfd], xax
	mov dword [mtend], mtbuf
.read:
	mov A3d, mtbuf + MTSZ - 1
	sub A3d, [mtend]
	jz .big
	sys read, [mtfd], [mtend]
	cmp eax, -EINTR
	je .read
	test eax, eax
	js .rfail
	jz .eof
	add [mtend], eax
	jmp .read
.big:
	push -EFBIG
	pop xax
.rfail:
	push xax
	sys close, [mtfd]
	pop xax
.fail:
	mov byte [mtbuf], 0
	push xax
	call msg_prep
	pop xax
	mov esi, fmt_text
	mov edx, msg_mtab
	jmp say                         ; (STATUS unchanged, as GNU's)
.eof:
	sys close, [mtfd]
	mov edi, [mtend]
	mov byte [xdi], 0
	mov esi, mtbuf
	mov [mt_out], esi
	cmp byte [mtab], 0
	jne mntent
; mountinfo: "ID PARENT MAJ:MIN ROOT TARGET OPTIONS [OPTIONAL...] - TYPE
; SOURCE SUPER_OPTIONS", each field ended by a blank (gnulib's sscanf and
; terminate_at_blank); a line that does not parse is skipped.
.line:
	cmp byte [xsi], 0
	je mt_end
	mov cl, 4
.skip4:
	call field
	jc mt_skip
	dec cl
	jnz .skip4
	mov [mt_target], esi
	call field
	jc mt_skip
.dash:                                  ; strstr (options, " - ")
	lodsb
	test al, al
	jz mt_end
	cmp al, 10
	je .line
	cmp al, ' '
	jne .dash
	cmp word [xsi], '- '
	jne .dash
	inc esi
	inc esi
	mov [mt_type], esi
	call field
	jc mt_skip
	mov [mt_source], esi
	call field
	jc mt_skip
	call keep
; fall through
mt_skip:                                ; to the next line
	lodsb
	test al, al
	jz mt_end
	cmp al, 10
	jne mt_skip
	jmp read_mounts.line
mt_end:
	mov edi, [mt_out]
	mov byte [xdi], 0
	ret

; mntent - /etc/mtab's lines as glibc's getmntent reads them: the
; newline and the blanks (spaces, tabs) before it dropped, a line that is
; then empty or starts (past blanks) with '#' skipped, the fields FSNAME
; DIR TYPE OPTIONS split by strsep at a blank and the blanks after it
; skipped (a missing field is ""); the type "none" is a dummy unless
; "bind" is among the options (hasmntopt). xsi = mtbuf.
mntent:
	cmp esi, [mtend]
	jae mt_end
	mov edi, esi
.eol:                                   ; the line's end: a NUL
	mov al, [xdi]
	test al, al
	jz .ended
	inc edi
	cmp al, 10
	jne .eol
	dec edi
.ended:
	lea xdx, [xdi + 1]              ; the next line
.trail:
	mov byte [xdi], 0
	cmp edi, esi
	je .split
	dec edi
	cmp byte [xdi], ' '
	je .trail
	cmp byte [xdi], 9
	je .trail
.split:
	push xdx
	call blanks
	test al, al
	jz .next
	cmp al, '#'
	je .next
	mov [mt_source], esi
	call msep
	mov [mt_target], esi
	call msep
	mov [mt_type], esi
	call msep
	mov [mt_opts], esi
	call msep
	call keep
.next:
	pop xsi
	jmp mntent

; blanks - xsi past spaces and tabs, al = the byte there
blanks:
	mov al, [xsi]
	cmp al, ' '
	je .b
	cmp al, 9
	jne .ret
.b:
	inc esi
	jmp blanks
.ret:
	ret

; msep - xsi at a field of an mtab line: the blank after it made a NUL,
; xsi past it and the blanks after; at the line's NUL xsi stays there.
msep:
	lodsb
	test al, al
	jz .end
	cmp al, ' '
	je .blank
	cmp al, 9
	jne msep
.blank:
	mov byte [xsi-1], 0
	jmp blanks
.end:
	dec esi
	ret

; field - xsi at a field of a mountinfo line: CF=0, the blank after it
; made a NUL and xsi past it; CF=1 at the line's end (xsi there).
field:
	lodsb
	cmp al, ' '
	je .blank
	cmp al, 10
	je .eol
	test al, al
	jnz field
.eol:
	dec esi
	stc
	ret
.blank:
	mov byte [xsi-1], 0
	ret                             ; (CF=0: they were equal)

; keep - the entry at mt_target, mt_type, mt_source (and for mtab
; mt_opts): appended at mt_out as "target\0source\0" when it is a dummy
; whose unescaped source begins with '/'. Keeps xsi.
keep:
	push xsi
	mov esi, [mt_type]
	mov edi, esi
	call unesc
	mov edi, dummies
.dummy:
	cmp byte [xdi], 0
	je .ret
	mov esi, [mt_type]
	call streq
	jne .dummy
	cmp byte [mtab], 0
	je .is_dummy
	cmp byte [xdi], 0               ; "none", the list's last: mtab's
	jne .is_dummy                   ; bind mounts are not dummies
	mov esi, [mt_opts]
	mov edi, esi
	call unesc
	mov esi, [mt_opts]
.opt:                                   ; hasmntopt (OPTIONS, "bind")
	cmp dword [xsi], 'bind'
	jne .opt_next
	mov al, [xsi+4]
	test al, al
	jz .ret
	cmp al, 10
	je .ret
	cmp al, ','
	je .ret
	cmp al, '='
	je .ret
.opt_next:
	lodsb
	test al, al
	jz .is_dummy
	cmp al, 10
	je .is_dummy
	cmp al, ','
	jne .opt_next
	jmp .opt
.is_dummy:
	mov esi, [mt_source]
	mov edi, esi
	call unesc
	mov esi, [mt_source]
	cmp byte [xsi], '/'
	jne .ret
	mov esi, [mt_target]
	mov edi, esi
	call unesc
	mov edi, [mt_out]               ; (at or before the line, the two
	mov esi, [mt_target]            ; in its order: each only moves
	mov edx, [mt_source]            ; back)
	cmp byte [mtab], 0
	je .copy
	xchg esi, edx
.copy:
	call copyz
	mov esi, edx
	call copyz
	mov [mt_out], edi
.ret:
	pop xsi
	ret

; copyz - xsi = a string copied to xdi, xdi past the copy's NUL
copyz:
	lodsb
	stosb
	test al, al
	jnz copyz
	ret

; unesc - gnulib's unescape_tab: xsi = a string copied to xdi (at or
; before it) with each \ooo (first digit 0-3) made its byte; xdi past the
; copy's NUL. For /etc/mtab, glibc's decode_name instead: \040 \011 \012
; \134 and \\ only. Clobbers eax, ecx, xsi.
unesc:
	lodsb
	cmp al, '\'
	jne .put
	cmp byte [mtab], 0
	je .octal
	cmp byte [xsi], '\'
	jne .octal
	inc xsi                         ; "\\": one
	jmp .put
.octal:
	movzx ecx, byte [xsi]
	sub ecx, '0'
	cmp ecx, 3
	ja .put
	movzx eax, byte [xsi+1]
	sub eax, '0'
	cmp eax, 7
	ja .bs
	shl ecx, 3
	or ecx, eax
	movzx eax, byte [xsi+2]
	sub eax, '0'
	cmp eax, 7
	ja .bs
	shl ecx, 3
	or eax, ecx
	cmp byte [mtab], 0
	je .take
	cmp al, ' '
	je .take
	cmp al, 9
	je .take
	cmp al, 10
	je .take
	cmp al, '\'
	jne .bs
.take:
	add xsi, 3
	jmp .put
.bs:
	mov al, '\'
.put:
	stosb
	test al, al
	jnz unesc
	ret

; find_mount_point - gnulib's (coreutils' find-mount-point.c): the working
; directory saved (open "." or, failing that, getcwd), then chdir to the
; file when it is a directory (its status is the last one), else to its
; dir_name and stat "."; then up by ".." while ".." is on the same device
; and not the same inode; the name there by getcwd. CF=0 and xsi = that
; name (mpbuf); CF=1 after a failed step (GNU's message; none when getcwd
; fails, as xgetcwd). The working directory is restored (or GNU's fatal
; message, exit 1).
find_mount_point:
	sys open, dot, O_RDONLY | O_CLOEXEC | O_LARGEFILE
	mov [cwdfd], xax
	test eax, eax
	jns .saved
	sys getcwd, cwdname, CWDSZ
	test eax, eax
	js .nocwd
	cmp byte [cwdname], '/'         ; glibc: "(unreachable)/..." is ENOENT
	je .saved
	push -ENOENT
	pop xax
.nocwd:
	push xax
	call msg_prep
	pop xax
	mov esi, msg_nocwd
	call err_text
	stc
	ret
.saved:
	mov al, [xbp + STX_MODE + 1]
	and al, S_IFMT >> 8
	cmp al, S_IFDIR >> 8
	jne .notdir
	mov esi, ebp                    ; the last status: the file's
	mov edi, stxl
	mov ecx, STATX_RECORD / 4
	rep movsd
	sys chdir, [V(name)]
	test eax, eax
	jns .up
	mov xdx, [V(name)]
	mov esi, msg_chdir
	call fm_msg                     ; (GNU returns at once: no restore
	stc                             ; needed, its descriptor kept)
	ret
.notdir:                                ; chdir (dir_name (file))
	mov xsi, [V(name)]
	call dir_len
	lea xdi, [xsi + xdx]
	mov [cut_at], xdi
	mov al, [xdi]
	mov [cut_byte], al
	test edx, edx
	jz .dot
	mov byte [xdi], 0               ; the name cut after its directory
	mov xdx, xsi
	jmp .cd
.dot:
	mov edx, dot
.cd:
	mov [cd_name], xdx
	sys chdir, xdx
	test eax, eax
	jns .cd_ok
	mov xdx, [cd_name]
	mov esi, msg_chdir
	call fm_msg
	call uncut
	stc
	ret
.cd_ok:
	sys statx, AT_FDCWD, dot, AT_NO_AUTOMOUNT, STATX_BASIC_STATS, stxl
	test eax, eax
	jns .st_ok
	push xax
	call msg_prep
	mov esi, msg_stat_cwd
	mov xdx, [cd_name]
	call af_start
	mov esi, t_paren
	call af_put
	pop xax
	call err_tail
	call uncut
	jmp .fail
.st_ok:
	call uncut
.up:
	sys statx, AT_FDCWD, dotdot, AT_NO_AUTOMOUNT, STATX_BASIC_STATS, stxp
	test eax, eax
	js .up_fail
	mov esi, stxp + STX_DEV
	mov edi, stxl + STX_DEV
	cmpsd
	jne .top
	cmpsd
	jne .top
	mov esi, stxp + STX_INO
	mov edi, stxl + STX_INO
	cmpsd
	jne .parent
	cmpsd
	je .top
.parent:
	sys chdir, dotdot
	test eax, eax
	js .cd_up_fail
	mov esi, stxp
	mov edi, stxl
	mov ecx, STATX_RECORD / 4
	rep movsd
	jmp .up
.up_fail:
	mov esi, msg_stat
	jmp .dotdot_msg
.cd_up_fail:
	mov esi, msg_chdir
.dotdot_msg:
	mov edx, dotdot
	call fm_msg
	jmp .fail
.top:
	sys getcwd, mpbuf, CWDSZ
	test eax, eax
	js .fail
	cmp byte [mpbuf], '/'
	jne .fail
	mov dword [mp_res], mpbuf
.fail:
; restore_cwd: fchdir to the saved descriptor (then closed), or chdir to
; the saved name
	mov eax, [cwdfd]
	test eax, eax
	js .by_name
	sys fchdir, xax
	test eax, eax
	js .lost
	sys close, [cwdfd]
	jmp .result
.by_name:
	sys chdir, cwdname
	test eax, eax
	js .lost
.result:
	mov esi, [mp_res]
	and dword [mp_res], 0
	cmp esi, 1                      ; CF=1 for none
	ret
.lost:
	push xax
	call msg_prep
	pop xax
	mov esi, msg_lost
	call err_text
	exit 1

; uncut - the name's byte at cut_at put back. Keeps every register.
uncut:
	push xax
	push xdi
	mov xdi, [cut_at]
	mov al, [cut_byte]
	mov [xdi], al
	pop xdi
	pop xax
	ret

; dir_len - xsi = a name: edx = the length of gnulib's dir_name of it (0
; for "."): the leading slash kept, the last component and the slashes
; before it dropped. Clobbers eax, ecx, xdi.
dir_len:
	mov xdi, xsi
.lead:
	cmp byte [xdi], '/'
	jne .scan0
	inc xdi
	jmp .lead
.scan0:
	mov xdx, xdi                    ; the last component
	xor ecx, ecx                    ; 1 after a slash
.scan:
	mov al, [xdi]
	test al, al
	jz .done
	inc xdi
	cmp al, '/'
	je .slash
	test ecx, ecx
	jz .scan
	lea xdx, [xdi-1]
	xor ecx, ecx
	jmp .scan
.slash:
	mov cl, 1
	jmp .scan
.done:
	sub edx, esi
	xor eax, eax
	cmp byte [xsi], '/'
	sete al                         ; the prefix kept
.strip:
	cmp edx, eax
	jbe .ret
	cmp byte [xsi + xdx - 1], '/'
	jne .ret
	dec edx
	jmp .strip
.ret:
	ret

%include "rt/canonicalize.inc"
COLD

; --printf's warning for an unknown escape (rare: in the cold part)
fmt_unrec:	db F_ARGV0, ": warning: unrecognized escape '\", F_ARG, "'", 10, 0
cwords:	db 'default', 0, 0
	db 'never', 0, 0, 0, (AT_STATX_FORCE_SYNC | AT_NO_AUTOMOUNT) >> 8
	db 'always', 0, 0, AT_STATX_DONT_SYNC >> 8
t_invalid:	db 'invalid', 0
t_ambiguous:	db 'ambiguous', 0
fmt_cached:	db F_ARGV0, ': ', F_TEXT, ' argument ', F_QUOTE, " for '--cached'", 10
		db 'Valid arguments are:', 10, "  - 'default'", 10, "  - 'never'", 10
		db "  - 'always'", 10, F_TRY, 0
xattr_name:	db 'security.selinux', 0
t_unlabeled:	db 'unlabeled', 0
t_enodata:	db ': No data available', 0
t_enotsup:	db ': Operation not supported', 0
msg_context:	db 'failed to get security context of ', 0
fmt_dash_fs:	db F_ARGV0, ": using '-' to denote standard input does not work in file system mode", 10, 0
msg_stdin:	db 'cannot stat standard input', 0
msg_canon:	db 'failed to canonicalize ', 0
msg_mtab:	db 'cannot read table of mounted file systems', 0
msg_nocwd:	db 'cannot get current directory', 0
msg_chdir:	db 'cannot change to directory ', 0
msg_stat_cwd:	db 'cannot stat current directory (now ', 0
msg_stat:	db 'cannot stat ', 0
msg_lost:	db 'failed to return to initial working directory', 0
t_paren:	db ')', 0
qmark:	db '?', 0
dot:	db '.', 0
dotdot:	db '..', 0
f_mountinfo:	db '/proc/self/mountinfo', 0
f_mtab:	db '/etc/mtab', 0
; gnulib's ME_DUMMY_0 types, then "none" (mountinfo: always a dummy)
dummies:	db 'autofs', 0, 'proc', 0, 'subfs', 0, 'debugfs', 0, 'devpts', 0
		db 'fusectl', 0, 'fuse.portal', 0, 'mqueue', 0, 'rpc_pipefs', 0
		db 'sysfs', 0, 'devfs', 0, 'kernfs', 0, 'ignore', 0, 'none', 0, 0



; QUOTING_STYLE for %N (n_style): in .rare, a -c %N run maps its page
; instead of the cold part's
	TZ_RARE
; n_style - ebx = %N's quoting routine as GNU 9.1's stat chooses it
; (called before the first file when the format has "%N", else at the
; first %N, then kept in qfunc): literal (af_put) unless the format has
; "%N" in it (strstr: "%%N" too; "%5N" alone not), then from
; QUOTING_STYLE: qa_stat, the quotearg engine, in the style argmatch
; finds (qstyle); unset, or invalid (GNU's warning), shell-escape-always
; (the engine's, not the hot part's quote, which leaves out gnulib's
; second pass over a name with a '). Keeps xbp.
n_style:
	mov ebx, [qfunc]
	test ebx, ebx
	jnz .ret
	mov ebx, af_put                 ; no "%N" in the format: literal
	mov xsi, [V(ufmt)]
.pct:
	lodsb
	test al, al
	jz .set
	cmp al, '%'
	jne .pct
	cmp byte [xsi], 'N'
	jne .pct
	mov xsi, [V(envp)]
.env:
	mov xdx, [xsi]
	add xsi, W
	test xdx, xdx
	jz .default                     ; unset
	push xsi
	mov xsi, xdx
	mov edi, qs_var
	push qs_var_n
	pop xcx
	repe cmpsb
	mov xdx, xsi                    ; xdx = the value
	pop xsi
	jne .env
; argmatch as GNU's ARGMATCH: a name, or a prefix of one name only; else
; (none, or several: GNU's invalid and ambiguous) GNU's warning and the
; default, shell-escape-always. The table's index is the style's number
; (gnulib's quoting_style_args): qa_stat quotes in it.
	mov edi, qs_table
	xor ecx, ecx                    ; ecx = the names it is a prefix of
	xor ebx, ebx                    ; ebx = the entry's index
	push xcx                        ; [xsp] = the last prefix's index
.entry:
	cmp byte [xdi], 0
	je .end
	mov xsi, xdx
.cmp:
	cmp byte [xsi], 0
	je .prefix
	cmpsb
	je .cmp
	dec xdi
.skip:
	inc xdi
	cmp byte [xdi - 1], 0
	jne .skip
	inc ebx
	jmp .entry
.prefix:
	cmp byte [xdi], 0
	je .exact
	inc ecx
	mov [xsp], xbx
	jmp .skip
.end:
	pop xbx
	loop .invalid                   ; (ecx = 1: that name's)
.chosen:
	mov [qstyle], bl
	mov ebx, qa_stat
.set:
	mov [qfunc], ebx
.ret:
	ret
.exact:
	pop xax
	jmp .chosen
.invalid:
	mov esi, fmt_qwarn
	xor eax, eax
	call say
.default:
	push QA_SHELL_ESCAPE_ALWAYS
	pop xbx
	jmp .chosen

; qa_stat - xsi = a string quoted at xdi in the style [qstyle] (as %N's
; other routines: xdi past it; qbuf's room is more than the worst case)
qa_stat:
	movzx eax, byte [qstyle]
	mov edx, qbuf + QBUFSZ
	xor ecx, ecx
	jmp quotearg

; d_mname - %N with flags, width or precision (xsi = its '%', ebx = the
; quoting routine): GNU 9.1 prints the quoted name (out_string), then for
; a link " -> " and the quoted target through the same format buffer,
; which make_format already rewrote: when exactly one flag other than '-'
; was dropped from it, the second format ends in "ss", a literal 's' after
; the target (%+N, %0-5N)
d_mname:
	push xbx                        ; [xsp] = the quoting routine
	xor edx, edx                    ; edx = the dropped flags
.flag:
	inc xsi
	mov al, [xsi]
	cmp al, '-'
	je .flag
	mov edi, flagset
	push 6                          ; (flagset less its '-')
	pop xcx
	repne scasb
	jne .counted
	inc edx
	jmp .flag
.counted:
	push xdx                        ; [xsp] = the count, [xsp+W] routine
	call readlink
	push xdi                        ; [xsp] = the quoted name's start
	mov xsi, [V(name)]
	call WPTR [xsp + 2*W]
	xor eax, eax
	stosb
	cmp WPTR [xsp], qbuf
	je .name                        ; not a link
	push xdi                        ; [xsp] = the quoted target's start
	mov esi, qbuf
	call WPTR [xsp + 3*W]
	xor eax, eax
	stosb
	mov xsi, [xsp + W]
	call strput
	push ' -> '
	mov xsi, xsp
	push 4
	pop xcx
	call puts
	pop xax
	pop xsi
	call strput
	cmp byte [xsp + W], 1
	jne .name_drop
	mov al, 's'
	call putc
.name_drop:
	pop xax
	jmp .done
.name:
	pop xsi
	call strput
.done:
	pop xdx
	pop xbx
	ret

; QUOTING_STYLE's words, in gnulib's order (n_style: the index is the style)
qs_var:	db 'QUOTING_STYLE='
qs_var_n equ $ - qs_var
qs_table:                               ; (gnulib's quoting_style_args)
	db 'literal', 0, 'shell', 0, 'shell-always', 0, 'shell-escape', 0
	db 'shell-escape-always', 0, 'c', 0, 'c-maybe', 0, 'escape', 0
	db 'locale', 0, 'clocale', 0, 0
fmt_qwarn:	db F_ARGV0, ': ignoring invalid value of environment variable QUOTING_STYLE: ', F_QUOTE, 10, 0
%include "rt/quotearg.inc"

; The rare error paths of run_fmt and escape (cold: only those runs map it)
COLD
; rl_fail - readlink's failure (eax = -errno) for %N, from d_qname (the
; stack: its return, the quoting, the directive's return) or d_mname (one
; more word): GNU's print_stat prints the quoted name alone, then "stat:
; cannot read symbolic link 'F': REASON" (error(): stdout flushed first),
; STATUS = 1. So xdi = qbuf (as for a file that is not a link) and the
; directive's return goes through rl_tell, which tells it.
rl_fail:
	mov [rl_err], eax
	mov edi, qbuf
	lea xcx, [xsp + 2*W]
	cmp WPTR [xsp], d_qname.rl
	je .hook
	add xcx, W
.hook:
	mov xax, [xcx]
	mov [rl_ret], xax
	mov WPTR [xcx], rl_tell
	ret
rl_tell:
	push WPTR [rl_ret]
	pushW_all
	mov esi, msg_rdlink
	mov xdx, [V(name)]
	mov eax, [rl_err]
	call fm_msg
	popW_all
	ret
msg_rdlink:	db 'cannot read symbolic link ', 0
bad_dir:                                ; (a user's format: in argv, and
	call flush                      ; stat exits right after)
	mov byte [xsi], 0               ; the directive, from '%' to here
	mov xdx, [V(dstart)]
	mov esi, fmt_baddir
	xor eax, eax
	call say
	exit 1
esc_end:
	dec xsi
	mov al, '\'
	mov ecx, fmt_bsend
	jmp esc_warn
esc_unknown:
	mov ecx, fmt_unrec
esc_warn:                               ; the warning ecx, then the byte al
	push xsi
	movzx eax, al
	push xax
	call flush
	mov xdx, xsp                    ; (the byte as a string)
	mov esi, ecx
	xor eax, eax
	call say
	pop xax
	pop xsi
	jmp putc
; out of that range: SECONDS.NANOSECONDS, as GNU's human_time when
; localtime fails
s_range_sod:
	pop xax
s_range:
	pop xsi
	push xsi
	mov eax, [xsi]
	mov edx, [xsi+4]
	push xdx
	test edx, edx
	jns .abs
	neg eax
	adc edx, 0
	neg edx
.abs:
	mov [V(val)], eax
	mov [V(val)+4], edx
	mov edi, fld + 40
	push 10
	pop xcx
	call udigits
	pop xdx
	test edx, edx
	jns .plus
	dec edi
	mov byte [xdi], '-'
.plus:
	pop xsi                         ; the record
	push xdi                        ; the start
	mov edi, fld + 40
	mov al, '.'
	stosb
	mov eax, [xsi+8]
	push 9
	pop xcx
	call dec_n
	pop xsi
	jmp s_human.put

fmt_baddir:	db F_ARGV0, ": ", F_QUOTE, ": invalid directive", 10, 0
fmt_bsend:	db F_ARGV0, ": warning: backslash at end of format", 10, 0
msg_statfs:	db 'cannot read file system information for ', 0

BSS
; One page holds, for a trivial run, the variables (below VB: [xbp - n]),
; the statx record (at VB: its fields are [xbp + n]), obuf's start and the
; first bytes of /etc/passwd or /etc/group in idbuf (peak RSS).
	BSS_ROOM 4096
	GLOBALS_HERE                    ; i386: argv0 and status with them
opos:	resW 1
wfail:	resd 1                          ; (putc_buf: a failed write's -errno)
envp:	resW 1
ufmt:	resW 1
name:	resW 1
dstart:	resW 1
val:	resd 2
width:	resd 1
prec:	resd 1
eprec:	resd 1
fpad:	resd 1
e_pfx:	resd 1
e_pfxn:	resd 1
e_zero:	resd 1
ocnt:	resd 1
ostart:	resd 1
flg:	resb 1
hprec:	resb 1
opts:	resb 16
nlend:	resb 1
uesc:	resb 1
negz:	resb 1
tzok:	resb 1
tzabbr:	resb 1
tzleap:	resb 1                          ; (tz_offset's bh, after tzabbr)
cflag:	resb 1
tzoff:	resd 1
VB:
stx:	resb STATX_RECORD
sfs:	resb SFS_RECORD
fld:	resb 64
tbuf:	resb 64
	TZ_VARS
obuf:	resb OBUFSZ
; idbuf: /etc/passwd or /etc/group; as qbuf: %N's text and the error
; path's messages (fs_msg), never at the same time
idbuf:
qbuf:	resb QBUFSZ
; the cold part's, for %m and %C (touched only when they run), on one
; page with canonicalize's variables, the end of its rest buffer (where a
; name is copied) and the start of canbuf (peak RSS)
	CAN_BSS 256, 128 + 4 * STATX_RECORD + 512
mtread:	resb 1                          ; 1 once the mount table was read
mtab:	resb 1                          ; 1: it came from /etc/mtab
cut_byte:	resb 1
mtfd:	resW 1
mtend:	resW 1
cwdfd:	resW 1
cut_at:	resW 1
cd_name:	resW 1
mp_res:	resd 1
mt_out:	resd 1
mt_target:	resd 1
mt_type:	resd 1
mt_source:	resd 1
mt_opts:	resd 1
qfunc:	resd 1                          ; %N's quoting routine (n_style)
qstyle:	resb 1                          ; its quotearg style (qa_stat)
rl_ret:	resW 1                          ; rl_fail: the directive's return
rl_err:	resd 1                          ; and readlink's -errno
stxa:	resb STATX_RECORD
stxb:	resb STATX_RECORD
stxl:	resb STATX_RECORD
stxp:	resb STATX_RECORD
; canbuf: %m's canonical name, then the mount point's (mpbuf: the first is
; no longer needed then); or %C's attribute (ctxbuf)
canbuf:
mpbuf:
ctxbuf:	resb CAN_OUT                    ; (more than XATTR_MAX + 1)
cwdname:	resb CWDSZ
mtlist:                                 ; (the entries kept, in mtbuf)
mtbuf:	resb MTSZ

; stat_program_end - elf.inc's program_end with .rare's program header
%macro stat_program_end 0
	section .text
	_emit_routines
	section .data
_data_end:
	section .bss
_bss_end:
	section .rare
_rare_end:
	section .cold
_cold_end:
	section .text
_phdrs:
	elf_phdr PT_LOAD, PF_R|PF_X, 0, TEXT_BASE, _text_filesz, _text_filesz, PAGE
	elf_phdr PT_LOAD, PF_R|PF_X, _cold_off, _cold_vaddr, _cold_size, _cold_size, PAGE
	elf_phdr PT_LOAD, PF_R|PF_X, _rare_off, _rare_vaddr, _rare_size, _rare_size, PAGE
	elf_rw_tail
_text_filesz equ _phdrs_end - _ehdr
_cold_off equ (_text_filesz + _data_size + PAGE-1) & -PAGE
_cold_vaddr equ COLD_BASE + _cold_off
_cold_size equ _cold_end - _cold_start
_rare_off equ (_cold_off + _cold_size + PAGE-1) & -PAGE
_rare_vaddr equ 0x90000 + _rare_off
_rare_size equ _rare_end - _rare_start
%endmacro
stat_program_end
