; touch - change file timestamps, creating files that do not exist.
;
; Usage: touch [OPTION]... FILE...
;   -a                   only the access time
;   -m                   only the modification time
;       --time=WORD      access/atime/use: as -a; modify/mtime: as -m
;                        (any unambiguous prefix)
;   -c, --no-create      create nothing (a missing file is no error)
;   -h, --no-dereference a symbolic link's own times (creates nothing)
;   -d, --date=DATE      DATE instead of now: @EPOCH[.FRAC] (a sign
;                        allowed), YYYY-MM-DD, YYYY-MM-DD[ |T]HH:MM[:SS
;                        [.FRAC]], optionally followed by a zone Z,
;                        +HH, +HHMM or +HH:MM; blanks around; FRAC to the
;                        nanosecond (more digits dropped, as GNU)
;   -t STAMP             [[CC]YY]MMDDhhmm[.ss] (YY 69-99: 19YY, else 20YY;
;                        ss 60 is the next minute's 0, as GNU)
;   -r, --reference=FILE FILE's times (with -h: a link's own)
;   -f                   ignored
; A FILE of "-" is standard output (its times changed through the fd).
; Times are set with utimensat (i386: utimensat_time64: 64-bit seconds).
; Exit status: 0; 1 on any error (the other files are still touched).
; A date or stamp without a zone is local time (rt/localtime.inc: TZ, or
; /etc/localtime), converted as glibc's mktime does: a time in a DST gap
; is GNU's "invalid date format", one in an overlap gets mktime's choice.
; Differences from GNU: DATE is only the forms above: any other (GNU's
; relative items, month names, "yesterday", military zones like "x")
; gets GNU's "invalid date format" message; -d with -r (a date relative
; to FILE's) is refused; years of -d have 4 digits; --help and --version
; are not supported; the zone's limits are rt/localtime.inc's.

%define FAST_SYSCALL                    ; i386: the vDSO's entry after 32 calls
%include "subk.inc"
%include "layout.inc"
%include "rt/localtime.inc"
use localtime, tz_mktime, getopt_long, err_quoted, err_plain, fs_msg, fs_missing, errno_path, errno_tree

%ifdef SYS_utimensat_time64             ; (i386: 64-bit times)
 %define SYS_touch_utimensat SYS_utimensat_time64
 %define SYS_touch_clock_gettime SYS_clock_gettime64
%else
 %define SYS_touch_utimensat SYS_utimensat
 %define SYS_touch_clock_gettime SYS_clock_gettime
%endif
UTIME_NOW  equ 0x3fffffff
UTIME_OMIT equ 0x3ffffffe
CH_A     equ 1                          ; flags
CH_M     equ 2
F_NOCREATE equ 4
F_NODEREF equ 8
F_TSET   equ 16                         ; -t given
STX_ATIME equ 64                        ; struct statx_timestamp: s64, u32
STX_MTIME equ 112

_start:
	fast_syscall_init counted       ; i386: int 0x80 for the first 32 calls
	envp_at_start xax               ; (for TZ: tz_load)
	mov [envp], xax
	getopt_start                    ; xsi = xdi = xsp = &argv[1], xbx = 0
.opt:
	call getopt_long                ; al = the option, xdx = its argument
	jc .options_done
	cmp al, 'a'
	je .a
	cmp al, 'm'
	je .m
	cmp al, 'c'
	je .c
	cmp al, 'h'
	je .h
	cmp al, 'd'
	je .d
	cmp al, 'r'
	je .r
	cmp al, 't'
	je .t
	cmp al, 'T'
	je .time
	jmp .opt                        ; -f
.a:
	or byte [flags], CH_A
	jmp .opt
.m:
	or byte [flags], CH_M
	jmp .opt
.c:
	or byte [flags], F_NOCREATE
	jmp .opt
.h:
	or byte [flags], F_NODEREF
	jmp .opt
.d:
	mov [datearg], xdx
	jmp .opt
.r:
	mov [refarg], xdx
	jmp .opt
.t:
	push xsi
	push xdi
	push xbx
	mov [targ], xdx
	mov xsi, xdx
	call parse_t
	jc die_date_t
	mov [ts], eax
	mov [ts+4], edx
	and dword [ts+8], 0
	or byte [flags], F_TSET
	pop xbx
	pop xdi
	pop xsi
	jmp .opt
; --time=WORD: argmatch's prefixes (every non-empty prefix of one of the
; five words is unambiguous: the words sharing a letter mean the same).
.time:
	cmp byte [xdx], 0
	je .time_ambiguous
	push xsi
	push xdi
	mov edi, time_words
.word:
	mov xsi, xdx
	mov cl, [xdi]                   ; the flag of this word
	inc xdi
.wcmp:
	lodsb
	test al, al
	jz .word_found
	cmp al, [xdi]
	jne .word_next
	inc xdi
	jmp .wcmp
.word_next:
	cmp byte [xdi], 0
	je .word_end
	inc xdi
	jmp .word_next
.word_end:
	inc xdi
	cmp byte [xdi], 0
	jne .word
	mov esi, fmt_time_invalid
	jmp .time_die
.word_found:
	or [flags], cl
	pop xdi
	pop xsi
	jmp .opt
.time_ambiguous:
	mov esi, fmt_time_ambiguous
.time_die:
	xor eax, eax
	call say
	exit 1

.options_done:
	mov xbp, xsp                    ; xbp = the next operand
	mov al, [flags]
	test al, CH_A | CH_M
	jnz .which
	or al, CH_A | CH_M
	mov [flags], al
.which:
	test al, F_TSET
	jz .one_source
	mov xax, [refarg]
	or xax, [datearg]
	jz .ts_copy
	mov esi, fmt_sources
	mov xdx, xsi
	xor eax, eax
	call say
	exit 1
.ts_copy:
	mov eax, [ts]
	mov edx, [ts+4]
	jmp .set_both
.one_source:
	mov xdx, [refarg]
	test xdx, xdx
	jz .date
	mov xax, [datearg]
	test xax, xax
	jz .ref_stat
	mov esi, msg_dref
	call err_plain
	exit 1
.ref_stat:
	xor eax, eax
	test byte [flags], F_NODEREF
	jz .ref_follow
	mov eax, AT_SYMLINK_NOFOLLOW
.ref_follow:
	sys statx, AT_FDCWD, xdx, xax, STATX_ATIME | STATX_MTIME, stx
	test eax, eax
	jns .ref_ok
	mov esi, msg_ref
	mov xdx, [refarg]
	call err_af
	exit 1
.ref_ok:
	mov esi, stx + STX_ATIME
	mov edi, ts
	call copy_ts
	mov esi, stx + STX_MTIME
	call copy_ts
	jmp .omit
.date:
	mov xsi, [datearg]
	test xsi, xsi
	jz .now
	call parse_d
	jc die_date_d
	mov [ts+8], ecx
.set_both:
	mov [ts], eax
	mov [ts+4], edx
	mov edi, ts + 16
	mov esi, ts
	call copy_ts
.omit:
	mov byte [use_ts], 1
	mov al, [flags]
	and al, CH_A | CH_M
	cmp al, CH_A | CH_M
	je .files
	cmp al, CH_M
	jne .only_a
	mov dword [ts+8], UTIME_OMIT
	jmp .files
.only_a:
	mov dword [ts+24], UTIME_OMIT
	jmp .files
.now:
	mov al, [flags]
	and al, CH_A | CH_M
	cmp al, CH_A | CH_M
	je .files                       ; ts unused: NULL
	mov dword [ts+8], UTIME_NOW
	mov dword [ts+24], UTIME_NOW
	jmp .omit
.files:
.file_check:
	mov xax, [xbp]
	test xax, xax
	jnz .file
	mov esi, fmt_nofile
	mov xdx, xsi
	xor eax, eax
	call say
	exit 1

; Each operand: [xbp] = its name.
.file:
	mov xsi, [xbp]
	test xsi, xsi
	jz .done
	call touch_one
	add xbp, W
	jmp .file
.done:
	exit_status

; touch_one - xsi = the name. keeps xbp.
touch_one:
	push xbp
	push xsi                        ; [xsp] = the name
	and dword [open_err], 0
	or xbp, -1                      ; xbp = the fd, or -1
	cmp word [xsi], '-'
	jne .not_stdout
	push 1
	pop xbp
	jmp .times
.not_stdout:
	test byte [flags], F_NOCREATE | F_NODEREF
	jnz .times
	sys open, xsi, O_WRONLY | O_CREAT | O_NONBLOCK | O_NOCTTY | O_LARGEFILE, 0o666
	test eax, eax
	js .open_failed
	xchg eax, ebp
	jmp .times
.open_failed:
	mov [open_err], eax
.times:
	xor eax, eax                    ; ts: NULL when both are now
	cmp byte [use_ts], 0
	je .call
	mov eax, ts
.call:
	test ebp, ebp
	js .by_name
	sys touch_utimensat, xbp, 0, xax, 0
	jmp .result
.by_name:
	and dword [atflag], 0
	test byte [flags], F_NODEREF
	jz .deref
	mov dword [atflag], AT_SYMLINK_NOFOLLOW
.deref:
	sys touch_utimensat, AT_FDCWD, [xsp], xax, [atflag]
.result:
	push xax
	cmp ebp, 1
	jle .closed
	sys close, xbp
.closed:
	pop xax
	test eax, eax
	jns .ret
	mov ecx, [open_err]
	cmp ebp, 1
	jne .not_1
	cmp eax, -EBADF
	jne .not_1
	test byte [flags], F_NOCREATE
	jnz .ret
.not_1:
	mov esi, msg_touch
	test ecx, ecx
	jz .setting
	xchg eax, ecx
	jmp .say
.setting:
	mov esi, msg_setting
	cmp eax, -ENOENT
	jne .say
	test byte [flags], F_NOCREATE
	jnz .ret
.say:
	mov xdx, [xsp]
	call err_af
.ret:
	pop xsi
	pop xbp
	ret

; copy_ts - a statx_timestamp (or a timespec) at xsi to the timespec at
; xdi (16 bytes: s64 seconds, s64 nanoseconds); xdi past it.
copy_ts:
	movsd
	movsd
	movsd
	xor eax, eax
	stosd
	ret

die_date_t:
	mov xdx, [targ]
	jmp die_date
die_date_d:
	mov xdx, [datearg]
die_date:
	mov esi, fmt_date
	xor eax, eax
	call say
	exit 1

; parse_t - posixtime's [[CC]YY]MMDDhhmm[.ss] at xsi. out: CF=0: edx:eax
; = the seconds (UTC); CF=1: invalid.
parse_t:
	mov xdi, xsi
	xor ecx, ecx
.count:
	mov al, [xdi]
	sub al, '0'
	cmp al, 9
	ja .counted
	inc xdi
	inc ecx
	jmp .count
.counted:
	xor edx, edx                    ; edx = the seconds
	mov al, [xdi]
	test al, al
	jz .no_secs
	cmp al, '.'
	jne .bad
	push xsi
	lea xsi, [xdi+1]
	push xcx
	call two
	pop xcx
	jc .bad_pop
	cmp byte [xsi], 0
	jne .bad_pop
	cmp eax, 60
	ja .bad_pop
	xchg eax, edx
	pop xsi
.no_secs:
	push xdx                        ; [xsp] = the seconds
	cmp ecx, 8
	je .this_year
	cmp ecx, 10
	je .yy
	cmp ecx, 12
	jne .bad_pop
	call two                        ; CC
	imul eax, eax, 100
	push xax
	call two
	pop xcx
	add eax, ecx
	jmp .year
.yy:
	call two
	cmp eax, 69
	jae .c19
	add eax, 100
.c19:
	add eax, 1900
	jmp .year
.this_year:
	push xsi
	call current_year
	pop xsi
.year:
	mov [year], eax
	call two
	mov [month], eax
	call two
	mov [day], eax
	call two
	mov [hour], eax
	call two
	mov [minute], eax
	pop xax
	mov [second], eax
	call civil
	jnc to_utc
	ret
.bad_pop:
	pop xsi
.bad:
	stc
	ret

; two - two digits at xsi (known to be digits, or CF=1). out: eax, xsi
; past them.
two:
	movzx eax, byte [xsi]
	sub eax, '0'
	cmp eax, 9
	ja .bad
	movzx ecx, byte [xsi+1]
	sub ecx, '0'
	cmp ecx, 9
	ja .bad
	imul eax, eax, 10
	add eax, ecx
	add xsi, 2
	clc
	ret
.bad:
	stc
	ret

; to_utc - edx:eax = a local time's seconds counted as if UTC (second
; may be 60: mktime counts xx:59:59's time and one more second, and
; posixtime takes it when xx:59:59 exists) -> CF=0: edx:eax = UTC; CF=1:
; no such local time. clobbers what tz_load does
to_utc:
	push xax
	push xdx
	call load_zone
	pop xdx
	pop xax
	cmp dword [second], 60
	jne tz_mktime
	sub eax, 1
	sbb edx, 0
	call tz_mktime
	jc .ret
	add eax, 1
	adc edx, 0
.ret:
	ret

; load_zone - the local zone (tz_load) into qbuf (unused until then)
load_zone:
	mov xsi, [envp]
	mov edi, qbuf
	jmp tz_load

; civil - year, month, day, hour, minute, second (second may be 60) and
; zone (seconds east) checked and made seconds since the epoch. out: CF=0
; edx:eax; CF=1 a field out of range.
civil:
	mov eax, [month]
	dec eax
	cmp eax, 12
	jae .bad
	movzx edx, byte [mdays + eax]
	cmp eax, 1
	jne .mdays
	mov eax, [year]                 ; February of a leap year: 29
	test al, 3
	jnz .mdays
	push xdx
	cdq
	mov ecx, 100
	idiv ecx                        ; eax = year / 100, edx = year % 100
	test edx, edx
	pop xdx
	jnz .leap
	test al, 3
	jnz .mdays
.leap:
	inc edx
.mdays:
	mov ecx, [day]
	dec ecx
	cmp ecx, edx
	jae .bad
	cmp dword [hour], 23
	ja .bad
	cmp dword [minute], 59
	ja .bad
	mov eax, [year]
	mov ecx, [month]
	mov edx, [day]
	call tz_days
	mov ecx, 86400
	imul ecx                        ; edx:eax = the day's first second
	push xdx
	mov ecx, [hour]
	imul ecx, ecx, 3600
	mov edx, [minute]
	imul edx, edx, 60
	add ecx, edx
	add ecx, [second]
	sub ecx, [zone]
	mov edx, ecx
	sar edx, 31
	add eax, ecx
	pop xcx
	adc edx, ecx
	clc
	ret
.bad:
	stc
	ret

; current_year - out: eax = this year (local time). clobbers what
; tz_load does
current_year:
	call load_zone
	sys touch_clock_gettime, CLOCK_REALTIME, stx
	mov eax, [stx]
	mov edx, [stx+4]
	call tz_offset
	mov ebx, ecx
	sar ebx, 31
	add eax, ecx
	adc edx, ebx
	mov ecx, 86400
	idiv ecx                        ; eax = days (after 1970: floor)
	jmp tz_year

; skip_blanks - xsi past spaces and tabs. clobbers al
skip_blanks:
	mov al, [xsi]
	cmp al, ' '
	je .skip
	cmp al, 9
	jne .ret
.skip:
	inc xsi
	jmp skip_blanks
.ret:
	ret

; getnum - the digits at xsi: eax = their value, ecx = how many (0: none),
; xsi past them. clobbers edx
getnum:
	xor eax, eax
	xor ecx, ecx
.digit:
	movzx edx, byte [xsi]
	sub edx, '0'
	cmp edx, 9
	ja .ret
	imul eax, eax, 10
	add eax, edx
	inc xsi
	inc ecx
	cmp ecx, 10
	jb .digit
.ret:
	ret

; getnum12 - getnum for a field of 1 or 2 digits: CF=1 for none or more.
getnum12:
	call getnum
	dec ecx
	cmp ecx, 2
	cmc
	ret

; frac - ".DIGITS" or ",DIGITS" at xsi (or nothing): ecx = nanoseconds
; (digits past 9 dropped). CF=1 for a '.' without a digit.
frac:
	xor ecx, ecx
	mov al, [xsi]
	cmp al, '.'
	je .frac
	cmp al, ','
	jne .ret
.frac:
	inc xsi
	push 9
	pop xdx                         ; digits still counted
	movzx eax, byte [xsi]
	sub eax, '0'
	cmp eax, 9
	ja .bad
.digit:
	movzx eax, byte [xsi]
	sub eax, '0'
	cmp eax, 9
	ja .pad
	inc xsi
	test edx, edx
	jnz .keep
	or [dropped], al                ; a non-zero digit dropped
	jmp .digit
.keep:
	imul ecx, ecx, 10
	add ecx, eax
	dec edx
	jmp .digit
.pad:
	test edx, edx
	jz .ret
	imul ecx, ecx, 10
	dec edx
	jmp .pad
.ret:
	clc
	ret
.bad:
	stc
	ret

; parse_d - -d's DATE at xsi. out: CF=0: edx:eax = seconds, ecx =
; nanoseconds; CF=1: invalid.
parse_d:
	and dword [zone], 0
	and dword [second], 0
	and dword [hour], 0
	and dword [minute], 0
	call skip_blanks
	cmp byte [xsi], '@'
	jne .iso
	inc xsi
	call skip_blanks
	xor ebx, ebx                    ; bl = 1 negative
	mov al, [xsi]
	cmp al, '+'
	je .sign
	cmp al, '-'
	jne .epoch
	inc ebx
.sign:
	inc xsi
.epoch:
	xor eax, eax                    ; edx:eax = the seconds
	cdq
	xor edi, edi                    ; digits
.edigit:
	movzx ecx, byte [xsi]
	sub ecx, '0'
	cmp ecx, 9
	ja .edone
	inc xsi
	inc edi
	cmp edi, 18
	ja .bad
	push xcx
	imul edx, edx, 10               ; (edx:eax) * 10 + ecx
	push xdx
	mov ecx, 10
	mul ecx
	pop xcx
	add edx, ecx
	pop xcx
	add eax, ecx
	adc edx, 0
	jmp .edigit
.edone:
	test edi, edi
	jz .bad
	push xdx
	push xax
	call frac
	pop xax
	pop xdx
	jc .bad
	test bl, bl
	jz .tail
	cmp byte [dropped], 0           ; GNU rounds a negative time down:
	je .negate                      ; a dropped non-zero digit is 1 ns
	inc ecx
	cmp ecx, 1000000000
	jb .negate
	xor ecx, ecx
	add eax, 1
	adc edx, 0
.negate:
	neg eax                         ; -(edx:eax), then the fraction
	adc edx, 0                      ; below it
	neg edx
	jecxz .tail
	sub eax, 1
	sbb edx, 0
	neg ecx
	add ecx, 1000000000
.tail:
	push xcx
	push xdx
	push xax
	call skip_blanks
	pop xax
	pop xdx
	pop xcx
	cmp byte [xsi], 0
	jne .bad
	clc
	ret

.iso:
	call getnum
	cmp ecx, 4
	jne .bad
	mov [year], eax
	lodsb
	cmp al, '-'
	jne .bad
	call getnum12
	jc .bad
	mov [month], eax
	lodsb
	cmp al, '-'
	jne .bad
	call getnum12
	jc .bad
	mov [day], eax
	xor ecx, ecx
	mov [nsec], ecx
	mov al, [xsi]
	cmp al, 'T'
	je .time
	call skip_blanks
	cmp byte [xsi], 0
	je .local
	mov al, [xsi-1]
	cmp al, ' '
	je .time_here
	cmp al, 9
	jne .bad
	jmp .time_here
.time:
	inc xsi
.time_here:
	call getnum12
	jc .bad
	mov [hour], eax
	lodsb
	cmp al, ':'
	jne .bad
	call getnum12
	jc .bad
	mov [minute], eax
	cmp byte [xsi], ':'
	jne .zone
	inc xsi
	call getnum12
	jc .bad
	cmp eax, 59
	ja .bad
	mov [second], eax
	call frac
	jc .bad
	mov [nsec], ecx
.zone:
	mov al, [xsi]
	cmp al, 'Z'
	jne .offset
	inc xsi
	jmp .zoned
.offset:
	cmp al, '+'
	je .sign_ok
	cmp al, '-'
	jne .local_blanks
.sign_ok:
	inc xsi
	push xax
	call two
	jc .bad_pop
	cmp eax, 24
	ja .bad_pop
	imul edi, eax, 3600
	cmp byte [xsi], ':'
	jne .mm
	inc xsi
.mm:
	movzx eax, byte [xsi]
	sub eax, '0'
	cmp eax, 9
	ja .hh_only
	call two
	jc .bad_pop
	cmp eax, 59
	ja .bad_pop
	imul eax, eax, 60
	add edi, eax
.hh_only:
	pop xax
	cmp al, '-'
	jne .east
	neg edi
.east:
	mov [zone], edi
.zoned:
	call skip_blanks
	cmp byte [xsi], 0
	jne .bad
	jmp .civil
.local_blanks:
	call skip_blanks
	cmp byte [xsi], 0
	jne .bad
.local:
	call civil
	jc .bad
	call to_utc
	mov ecx, [nsec]
	ret
.civil:
	call civil
	mov ecx, [nsec]
	ret
.bad_pop:
	pop xax
.bad:
	stc
	ret

mdays:	db 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31
time_words:	db CH_A, 'atime', 0, CH_A, 'access', 0, CH_A, 'use', 0
		db CH_M, 'mtime', 0, CH_M, 'modify', 0, 0
msg_ref:	db 'failed to get attributes of ', 0
msg_touch:	db 'cannot touch ', 0
msg_setting:	db 'setting times of ', 0
msg_dref:	db '-d with -r (a date relative to a file) is not supported', 0
fmt_date:	db F_ARGV0, ': invalid date format ', F_QUOTE, 10, 0
fmt_sources:	db F_ARGV0, ': cannot specify times from more than one source', 10, F_TRY, 0
fmt_nofile:	db F_ARGV0, ': missing file operand', 10, F_TRY, 0
%define VALID "Valid arguments are:", 10, "  - 'atime', 'access', 'use'", 10, "  - 'mtime', 'modify'", 10, F_TRY, 0
fmt_time_invalid: db F_ARGV0, ": invalid argument ", F_QUOTE, " for '--time'", 10, VALID
fmt_time_ambiguous: db F_ARGV0, ": ambiguous argument ", F_QUOTE, " for '--time'", 10, VALID
OPTSPEC:	db 'acd:fhmr:t:', 0
LONGOPTS:
	db 'T'|0x80, 'time', 0
	db 'c', 'no-create', 0
	db 'd'|0x80, 'date', 0
	db 'r'|0x80, 'reference', 0
	db 'h', 'no-dereference', 0
	db '?', 'help', 0
	db '?', 'version', 0
	db 0

BSS
; One page: the variables, stx and the zone's data (at qbuf's start).
	BSS_ROOM 4096
	GLOBALS_HERE                    ; i386: argv0 and status here
envp:	resW 1
flags:	resb 1
dropped: resb 1
use_ts:	resb 1
atflag:	resd 1
open_err: resd 1
year:	resd 1
month:	resd 1
day:	resd 1
hour:	resd 1
minute:	resd 1
second:	resd 1
zone:	resd 1
nsec:	resd 1
datearg: resW 1
refarg:	resW 1
targ:	resW 1
	TZ_VARS
ts:	resb 32
stx:	resb STATX_RECORD
QBUFSZ	equ 131072 * 5 + 64
%define TZBUFSZ 65536                   ; (the zone's data in qbuf)
qbuf:	resb QBUFSZ

program_end
