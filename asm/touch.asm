; touch - change file timestamps, creating files that do not exist.
;
; Usage: touch [OPTION]... FILE...
;   -a                   only the access time
;   -m                   only the modification time
;       --time=WORD      access/atime/use: as -a; modify/mtime: as -m
;                        (any unambiguous prefix)
;   -c, --no-create      create nothing (a missing file is no error)
;   -h, --no-dereference a symbolic link's own times (creates nothing)
;   -d, --date=DATE      DATE instead of now, GNU's date grammar
;                        (parse_datetime): TZ="VALUE" first (the rest
;                        in that zone); @EPOCH[.FRAC]; dates (ISO
;                        YYYY-MM-DD, m/d[/y], YYYY/m/d, d month [y],
;                        month d[, y], d-MON-y, YYYYMMDD); times (H[:M[:S
;                        [.FRAC]]] with am/pm or a zone offset, ISO's T);
;                        zones (UTC GMT Z, the local zone's names
;                        (now's and the next three quarters', as GNU's
;                        local_time_zone_table: before the table, names
;                        it lacks too), GNU's table of names, +hh[mm],
;                        military letters, NAME+hh:mm, NAME DST); day
;                        names with last/this/next/first..twelfth/N;
;                        relative items (N year month fortnight week day
;                        hour minute min second sec [ago|hence], signed
;                        N, yesterday today now tomorrow); (comments);
;                        case-insensitive, GNU's abbreviations; combined
;                        as GNU's rules (relative months and days as
;                        mktime: the day normalised, local time's DST)
;   -t STAMP             [[CC]YY]MMDDhhmm[.ss] (YY 69-99: 19YY, else 20YY;
;                        ss 60 is the next minute's 0, as GNU)
;   -r, --reference=FILE FILE's times (with -h: a link's own); with -d,
;                        DATE relative to each of them (GNU 9.1)
;   -f                   ignored
; The obsolete first operand MMDDhhmm[YY] is a time (8 digits: this year;
; 10: YY 69-99, 19YY) with GNU's warning (none with POSIXLY_CORRECT), as
; GNU's, only before POSIX 2001 ($_POSIX2_VERSION below 200112), with no
; date given (or "-d now" itself) and two operands or more; else a FILE.
; A FILE of "-" is standard output (its times changed through the fd).
; Times are set with utimensat (i386: utimensat_time64: 64-bit seconds).
; Exit status: 0; 1 on any error (the other files are still touched).
; In a right/ zone (leap seconds) a DATE with a zone, a local zone name
; or relative items counts the leap seconds as GNU's mktime and tm_gmtoff
; do (TZ=right/UTC -d '2020-01-01 UTC': 1577836827).
; A failed open that is EISDIR (a directory, a name ending in '/') is no
; error itself: utimensat's is reported, "setting times of", as GNU's.
; A date or stamp without a zone is local time (rt/localtime.inc: TZ, or
; /etc/localtime), converted as glibc's mktime does: a time in a DST gap
; is GNU's "invalid date format", one in an overlap gets mktime's choice
; (from the offset its last call found, as glibc's), a local zone name's
; tm_isdst that kind's offset, now's tm_isdst for relative items alone
; glibc 2.36's search for a time of that kind (mk_dst).
; -d loads the zone twice (GNU's localtime, then mktime's tzset: with a
; DST name and no rules, Debian's rule_dstoff shifts posixrules by 0 at
; the first, the last DST offset after it), -t once, as GNU's.
; "-d now" (a DATE giving now itself) with neither -a nor -m sets the
; times to now as no -d does (GNU's test: the same DATE from now ^ 1 s).
; Differences from GNU: DATE's numbers, and relative items' sums, of 32
; bits (past +-2147483647: "invalid date format"); 63 tokens at most;
; years within +-2 million; a local
; zone whose standard and daylight names are the same (GNU: the name
; means either, tm_isdst -1) is refused when that name is used;
; --help and --version are not supported; the zone's limits are
; rt/localtime.inc's.

%define FAST_SYSCALL                    ; i386: the vDSO's entry after 32 calls
%define STATX_OLD COLD                 ; statx.inc's fallback (i386's -r): old kernels only
%include "subk.inc"
%include "layout.inc"
%define TZ_ISDST                       ; (tz_offset's tm_isdst: mk_dst)
%define TZBUFSZ 65536                   ; (the zone's data in qbuf; tz_prefix's
                                        ; TZ after them)
%macro TZ_ABBR_PART 0                   ; (tz_abbr: local_find's, cold)
	COLD
%endmacro
%include "rt/localtime.inc"
use localtime, tz_mktime, tz_abbr, getopt_long, err_quoted, fs_msg, fs_missing, errno_path, errno_tree

%ifdef SYS_utimensat_time64             ; (i386: 64-bit times)
 %define SYS_touch_utimensat SYS_utimensat_time64
 %define SYS_touch_clock_gettime SYS_clock_gettime64
%else
 %define SYS_touch_utimensat SYS_utimensat
 %define SYS_touch_clock_gettime SYS_clock_gettime
%endif
CH_A     equ 1                          ; flags
CH_M     equ 2
F_NOCREATE equ 4
F_NODEREF equ 8
F_TSET   equ 16                         ; -t given

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
	xor eax, eax
	test byte [flags], F_NODEREF
	jz .ref_follow
	mov eax, AT_SYMLINK_NOFOLLOW
.ref_follow:
	stat_times AT_FDCWD, xdx, xax, stx
	test eax, eax
	jns .ref_ok
	mov esi, msg_ref
	mov xdx, [refarg]
	call err_af
	exit 1
.ref_ok:
	mov esi, stx + STT_ATIME
	mov edi, ts
	call copy_ts
	mov esi, stx + STT_MTIME
	call copy_ts
	mov xax, [datearg]
	test xax, xax
	jz .omit
	call ref_dates                  ; -d relative to FILE's times
	jmp .omit
.date:
	mov xsi, [datearg]
	test xsi, xsi
	jz .now
	call now_date                   ; CF=1: "now" itself
	jc .now
	jmp .omit
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
.now:                                   ; (no date: the obsolete form?)
	mov xsi, [xbp]
	test xsi, xsi
	jz .now_set
	cmp WPTR [xbp+W], 0
	je .now_set
	mov al, [xsi]
	sub al, '0'
	cmp al, 9
	ja .now_set
	mov xdx, [envp]                 ; (and an environment entry "_POS...":
	p2_asked .now_set, envp         ; touch 2024-notes a maps no cold page)
	call obsolete                   ; (cold)
	jnc .set_both
.now_set:
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
	cmp eax, -EISDIR                ; (GNU: a directory's error is the
	je .times                       ; utimensat's, "setting times of")
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
	push xax                        ; an opened file is closed whatever
	test ebp, ebp                   ; its fd (0 or 1 when closed: GNU
	js .closed                      ; reopens it on 0 and closes it), "-"
	mov xcx, [xsp + W]              ; (stdout) is not
	cmp word [xcx], '-'
	je .closed
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
; xdi (16 bytes: s64 seconds, s64 nanoseconds); xdi past it. (A
; timespec's nanoseconds are below 2^32: their upper half is 0 too.)
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

; skip_blanks - xsi past c_isspace's bytes (space, \t \n \v \f \r).
; clobbers al
skip_blanks:
	mov al, [xsi]
	cmp al, ' '
	je .skip
	sub al, 9
	cmp al, 4
	ja .ret
.skip:
	inc xsi
	jmp skip_blanks
.ret:
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
	jne dt_parse                    ; (the cold part: GNU's grammar)
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
	cmp edx, 0x0ccccccc             ; past (2^63 - 1) / 10, or at it and
	jb .room                        ; past 7 (negative: 8), it leaves
	ja .bad                         ; intmax_t: GNU's lexer refuses it
	cmp eax, 0xcccccccc
	jb .room
	ja .bad
	sub ecx, ebx
	cmp ecx, 7
	ja .bad
	add ecx, ebx
.room:
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
	jecxz .below
	sub eax, 1
	sbb edx, 0
	neg ecx
	add ecx, 1000000000
.below:                                 ; below -2^63 (a fraction under it):
	test edx, edx                   ; wrapped to a positive time, which
	jg .bad                         ; GNU refuses
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

.bad:                                   ; the grammar's '@' (comments,
	mov xsi, [datearg]              ; blanks after a sign): cold
	call skip_blanks
	jmp dt_parse

; now_date - -d DATE relative to now (clock_gettime) into ts (both).
; CF=1: DATE is "now" itself (GNU's test: the same result from now and
; from now's seconds ^ 1), with -a and -m both (no flags given).
now_date:
	sys touch_clock_gettime, CLOCK_REALTIME, nowt
	call .parse
	mov [ts], eax
	mov [ts+4], edx
	mov [ts+8], ecx
	mov bl, [flags]
	and bl, CH_A | CH_M
	cmp bl, CH_A | CH_M
	jne .set
	call .same
	jne .set
	xor byte [nowt], 1
	call .parse
	call .same
	jne .set
	stc
	ret
.set:
	mov esi, ts
	mov edi, ts + 16
	jmp copy_ts                     ; (CF=0)
; .same - ZF=1: the result edx:eax, ecx is nowt
.same:
	cmp eax, [nowt]
	jne .ret
	cmp edx, [nowt+4]
	jne .ret
	cmp ecx, [nowt+8]
.ret:
	ret
.parse:
	mov xsi, [datearg]
	call parse_d
	jc die_date_d
	ret

; ref_dates - -r FILE -d DATE: each time asked for (ts: atime, ts+16:
; mtime) replaced by DATE relative to it.
ref_dates:
	mov edi, ts
	test byte [flags], CH_A
	jz .m
	call .one
.m:
	mov edi, ts + 16
	test byte [flags], CH_M
	jz .ret
.one:
	push xdi
	mov xsi, xdi
	mov edi, nowt
	movsd
	movsd
	movsd
	mov xsi, [datearg]
	call parse_d
	pop xdi
	jc die_date_d
	stosd
	xchg eax, edx
	stosd
	xchg eax, ecx
	stosd
.ret:
	ret

COLD
; obsolete - GNU's obsolete first operand MMDDhhmm[YY], taken when no date
; is set (or "-d now" itself) and two operands or more are given, as
; touch.c's, only before POSIX 2001 ($_POSIX2_VERSION: rt/posix2.inc):
; posixtime with PDS_TRAILING_YEAR | PDS_PRE_2000 (8 digits: this year;
; 10: YY of 69-99, 19YY; a time that does not exist: no date). xbp = the
; operands. CF=0: edx:eax = its seconds, xbp past it, and GNU's warning
; said unless POSIXLY_CORRECT is set; CF=1: it is a FILE. clobbers what
; parse_t does but xbp
obsolete:
	mov xdx, [envp]
	sub xdx, W                      ; (argv's NULL)
	call posix2_version
	test eax, eax
	js .length
.no:
	stc
	ret
.length:                                ; (parse_t checks the digits: any
	mov xsi, [xbp]                  ; other byte fails the stamp below)
	mov xdi, xsi
	xor eax, eax
	or ecx, -1
	repne scasb
	not ecx
	dec ecx                         ; ecx = the length
	push xbp                        ; the -t stamp CCYYMMDDhhmm.00, for
	sub xsp, 16                     ; parse_t and the warning
	mov xdi, xsp
	cmp ecx, 10
	je .yy
	cmp ecx, 8
	jne .file
	push xsi
	call current_year
	pop xsi
	lea xdi, [xsp+4]
	push 10
	pop xcx
.digit:
	cdq
	div ecx
	add dl, '0'
	dec xdi
	mov [xdi], dl
	cmp xdi, xsp
	jne .digit
	scasd                           ; (xdi past the year)
	jmp .rest
.yy:
	mov ax, '19'
	stosw
	mov ax, [xsi+8]
	stosw
	xchg al, ah                     ; (YY's first digit in ah)
	cmp ax, '6' << 8 | '9'
	jb .file                        ; 00-68: no date (PDS_PRE_2000)
.rest:
	movsd
	movsd
	mov eax, '.00'
	stosd
	mov xsi, xsp
	call parse_t
	jc .file
	push xax
	push xdx
	mov xdx, [envp]
	mov esi, e_posixly
	call env_find
	jnc .quiet
	mov xdx, [xsp + 2*W + 16]       ; (the saved xbp)
	mov xdx, [xdx]
	lea xcx, [xsp + 2*W]
	mov esi, fmt_obsolete
	xor eax, eax
	call say
.quiet:
	and dword [ts+8], 0             ; (0 ns; "-d now" left now's there)
	pop xdx
	pop xax
	add xsp, 16
	pop xbp
	add xbp, W
	clc
	ret
.file:
	add xsp, 16
	pop xbp
	stc
	ret
e_posixly:	db 'POSIXLY_CORRECT='
fmt_obsolete:	db F_ARGV0, ": warning: 'touch ", F_ARG, "' is obsolete; use 'touch -t ", F_TEXT, "'", 10, 0
%include "rt/posix2.inc"

; ---------------------------------------------------------------------
; GNU's date grammar (gnulib's parse_datetime, coreutils 9.1), in the cold
; part: a plain `touch f` never maps it. The input is cut into tokens
; first (yylex's rules), then the items are read with the choices of
; bison's parser (its shift/reduce conflicts resolved as shifts, one
; token of look-ahead), then the fields are made a time as
; parse_datetime_body does (mktime through rt/localtime.inc).

TK_UNUM	equ 1                           ; token types (struct: 16 bytes)
TK_SNUM	equ 2                           ; +0 type, +1 negative, +2 digits,
TK_UDEC	equ 3                           ; +4 value, +8 nanoseconds
TK_SDEC	equ 4
TK_MER	equ 5                           ; 1 am, 2 pm
TK_MONTH equ 6
TK_DAY	equ 7
TK_ZONE	equ 8                           ; (seconds east)
TK_DAYZONE equ 9
TK_DST	equ 10
TK_SHIFT equ 11
TK_ORD	equ 12
TK_AGO	equ 13
TK_T	equ 14
TK_UNIT	equ 16                          ; +0..5: year month day hour min sec
NTOKS	equ 64

; dt_parse - DATE at xsi (past blanks, not '@'), relative to nowt (s64
; seconds, nanoseconds). out: CF=0 edx:eax = the seconds, ecx = the
; nanoseconds; CF=1: not a date (any failure: pfail, from any depth).
; clobbers all but xbp
dt_parse:
	push xbp
	mov [dt_sp], xsp
	call tz_prefix
	cmp byte [xsi], 0
	jne .lex
	mov esi, str_zero               ; blanks only: "0"
.lex:
	push xsi
	call dt_now                     ; (loads the zone: the local names)
	pop xsi
	call dt_lex
	mov esi, toks
	cmp byte [xsi], '@'             ; '@' seconds, alone
	jne .items
	mov al, [xsi+16]
	dec eax
	cmp al, TK_SDEC - 1
	ja pfail
	cmp byte [xsi+32], 0
	jne pfail
	mov eax, [xsi+20]
	cdq
	mov ecx, [xsi+24]
	pop xbp
	ret                             ; (CF=0: cmp's above)
.items:
	call dt_items
	call dt_eval
	pop xbp
	clc
	ret
; tz_prefix - GNU's TZ="..." before the date (parse_datetime's: \\ and
; \" its only escapes; else, or with no closing quote, no prefix): its
; value is the zone of the rest (TZ=VALUE then the first TZDIR= of the
; environment: envp made that list, at qbuf past the zone's data), xsi
; past it and the blanks after it. Once: later calls take the rest
; (dtrest). clobbers xax xdx xdi
tz_prefix:
	mov xax, [dtrest]
	test xax, xax
	jz .look
	xchg xax, xsi
	ret
.look:
	cmp dword [xsi], 'TZ="'
	jne .ret
	push xsi
	add xsi, 4
	mov edi, qbuf + TZBUFSZ + 3 * W ; the value, after "TZ="
	mov eax, 'TZ='
	stosd
	dec edi
.c:
	lodsb
	test al, al
	jz .none
	cmp al, '"'
	je .end
	cmp al, '\'
	jne .put
	lodsb
	cmp al, '\'
	je .put
	cmp al, '"'
	jne .none
.put:
	stosb
	jmp .c
.end:
	mov byte [xdi], 0
	mov edi, qbuf + TZBUFSZ         ; the environment
	mov eax, qbuf + TZBUFSZ + 3 * W
	stosW
	mov xdx, [envp]
.env:
	mov xax, [xdx]
	add xdx, W
	test xax, xax
	jz .env_end
	cmp dword [xax], 'TZDI'
	jne .env
	cmp word [xax + 4], 'R='
	jne .env
	stosW
	xor eax, eax
.env_end:
	stosW
	mov WPTR [envp], qbuf + TZBUFSZ
	call skip_blanks
	mov [dtrest], xsi
	pop xax
	ret
.none:
	pop xsi
.ret:
	ret

pfail:
	mov xsp, [dt_sp]
	pop xbp
	stc
	ret

; dt_lex - the tokens of xsi into toks, a TK_END (0) after them (yylex).
dt_lex:
	mov edi, toks
.next:
	cmp edi, toks + (NTOKS - 1) * 16
	jae pfail
	call skip_blanks
	movzx eax, byte [xsi]
	test al, al
	jz .end
	cmp al, '('
	je .comment
	xor ebp, ebp                    ; ebp = the sign: 0, 1 '+', -1 '-'
	cmp al, '+'
	je .plus
	cmp al, '-'
	jne .unsigned
	dec ebp
	dec ebp
.plus:
	inc ebp
	inc xsi
	call skip_blanks
	mov al, [xsi]
.unsigned:
	mov cl, al
	sub cl, '0'
	cmp cl, 9
	jbe .number
	test ebp, ebp
	jnz .next                       ; a sign without digits: skipped
	mov cl, al
	or cl, 0x20
	sub cl, 'a'
	cmp cl, 26
	jb .word
	cmp al, ':'
	je .char
	cmp al, ','
	je .char
	cmp al, '@'
	je .char
	cmp al, '/'
	jne pfail                       ; any other byte: no item has it
.char:
	inc xsi
	stosb
	add edi, 15
	jmp .next
.end:
	mov [xdi], al
	ret
.comment:                               ; ( ... ) nested; the end: the end
	xor ecx, ecx
.cbyte:
	lodsb
	test al, al
	jz .end
	cmp al, '('
	jne .close
	inc ecx
.close:
	cmp al, ')'
	jne .cnext
	dec ecx
.cnext:
	test ecx, ecx
	jnz .cbyte
	jmp .next

; A number: xsi at its first digit, ebp its sign.
.number:
	xor eax, eax                    ; eax = the value
	xor ecx, ecx                    ; ecx = the digits
.digit:
	movzx edx, byte [xsi]
	sub edx, '0'
	cmp edx, 9
	ja .digits_end
	imul eax, eax, 10
	jo pfail
	add eax, edx
	jo pfail
	inc xsi
	inc ecx
	jmp .digit
.digits_end:
	mov [xdi+2], cx
	test ebp, ebp
	jns .positive
	neg eax
.positive:
	mov [xdi+4], eax
	mov ebx, ebp
	shr ebx, 31
	mov [xdi+1], bl                 ; negative
	xor edx, edx                    ; edx = the nanoseconds
	mov bl, TK_UNUM
	test ebp, ebp
	jz .point
	inc ebx                         ; TK_SNUM
.point:
	mov cl, [xsi]
	cmp cl, '.'
	je .frac_dot
	cmp cl, ','
	jne .store
.frac_dot:
	mov cl, [xsi+1]
	sub cl, '0'
	cmp cl, 9
	ja .store
	inc xsi
	add bl, 2                       ; the _DEC types
	push 9
	pop xcx
.frac:
	imul edx, edx, 10
	movzx eax, byte [xsi]
	sub al, '0'
	cmp al, 9
	ja .frac_next
	add edx, eax
	inc xsi
.frac_next:
	loop .frac
.excess:                                ; digits past 9: a '-' rounds down
	mov al, [xsi]
	sub al, '0'
	cmp al, 9
	ja .frac_done
	inc xsi
	test ebp, ebp
	jns .excess
	test al, al
	jz .excess
	inc edx
.skip_rest:
	mov al, [xsi]
	sub al, '0'
	cmp al, 9
	ja .frac_done
	inc xsi
	jmp .skip_rest
.frac_done:
	test ebp, ebp                   ; negative: tv_nsec below tv_sec
	jns .store
	test edx, edx
	jz .store
	dec dword [xdi+4]
	jo pfail
	neg edx
	add edx, 1000000000
.store:
	mov [xdi+8], edx
	mov [xdi], bl
	add edi, 16
	jmp .next

; A word: letters and '.', 19 kept, upper-cased into wbuf; lookup_word.
.word:
	push xdi
	mov edi, wbuf
	xor ecx, ecx
.wbyte:
	mov al, [xsi]
	cmp al, '.'
	je .wkeep
	mov dl, al
	or dl, 0x20
	sub dl, 'a'
	cmp dl, 26
	jae .wend
	and al, ~0x20
.wkeep:
	inc xsi
	cmp ecx, 19
	jae .wbyte
	stosb
	inc ecx
	jmp .wbyte
.wend:
	mov byte [xdi], 0
	push xsi
	call lookup_word                ; al = the type, edx = the value
	pop xsi
	pop xdi
	mov [xdi], ax                   ; (ah: a local zone name)
	mov [xdi+4], edx
	add edi, 16
	jmp .next
; lookup_word - the word in wbuf (ecx bytes, NUL after it) -> al = its
; token type, edx = its value; pfail when GNU's tables do not have it.
; The order of lookup_word: meridians, months and days (3 letters, or 3
; and a '.', as an abbreviation), the zones (GMT UT UTC, the local
; zone's names, then the table),
; DST, the units, a unit with an 'S' dropped, the relative words, the
; military letters, then the zones again with the periods removed.
lookup_word:
	mov edi, g_mer
	or ebx, -1                      ; whole words
	call wfind
	jnc .found
	cmp ecx, 3
	je .abbrev
	cmp ecx, 4
	jne .months
	cmp byte [wbuf+3], '.'
	jne .months
.abbrev:
	push 3
	pop xbx
.months:
	call wfind                      ; (xdi: the next group)
	jnc .found
	or ebx, -1
	call wfind                      ; universal zones
	jnc .found
	call local_find                 ; the local zone's names
	jnc .ret
	call wfind                      ; the zone table
	jnc .found
	call wfind                      ; DST
	jnc .found
	push xdi
	call wfind                      ; units
	jnc .found_pop
	cmp byte [wbuf+xcx-1], 'S'
	jne .rel
	mov byte [wbuf+xcx-1], 0
	mov xdi, [xsp]
	call wfind
	mov byte [wbuf+xcx-1], 'S'
	jnc .found_pop
.rel:
	pop xax
	call wfind                      ; relative words
	jnc .found
	dec ecx
	jnz .periods
	movzx eax, byte [wbuf]          ; a military letter: A-I +1..+9,
	sub al, 'A'                     ; K-M +10..+12, N-Y -1..-12, Z 0
	mov edx, eax
	cmp al, 'J' - 'A'
	je pfail
	jb .east
	cmp al, 'M' - 'A'
	jbe .hours
	sub dl, 'M' - 'A'
	neg edx
	cmp al, 'T' - 'A'
	jne .not_t
	mov al, TK_T
	ret
.not_t:
	cmp al, 'Z' - 'A'
	jne .hours
	xor edx, edx
	jmp .hours
.east:
	inc edx
.hours:
	imul edx, edx, 3600
	mov al, TK_ZONE
	ret
.periods:                               ; drop the periods: zones again
	mov esi, wbuf
	mov edi, esi
	xor ebx, ebx                    ; bl: a period found
.drop:
	lodsb
	cmp al, '.'
	jne .keep
	inc ebx
	jmp .drop
.keep:
	stosb
	test al, al
	jnz .drop
	test ebx, ebx
	jz pfail
	or ebx, -1
	mov edi, g_uzone
	call wfind
	jnc .found
	call local_find
	jnc .ret
	call wfind
	jc pfail
	jmp .found
.found_pop:
	pop xdi
.found:
	cmp al, TK_ZONE                 ; zones: half hours in the table
	je .half
	cmp al, TK_DAYZONE
	jne .ret
.half:
	imul edx, edx, 1800
.ret:
	ret

; local_find - the word in wbuf against the local zone's names, GNU's
; local_time_zone_table: the name at nowt (its tm_isdst), then the first
; of the names 90, 180 and 270 days later whose tm_isdst differs; the
; same name twice stands for either (GNU's tm_isdst -1: refused here,
; README). A name is the local zone at its offset there (al TK_ZONE, edx
; its seconds east, ah = 1: the offset must hold at the date, as mktime's
; tm_isdst); ldstoff = the DST name's offset, for NAME DST (none: no
; offset holds). CF=1: no such name. keeps xdi, ebx, ecx
local_find:
	push xdi
	push xcx
	push xbx
	push xbp
	mov eax, [nowt]
	mov edx, [nowt+4]
	call .at                        ; name 0: ebp its offset, bl tm_isdst
	jc .none
	push xbx
	push xbp
	call .eq
	pushf                           ; [xsp]: ZF, the word is name 0;
	push 3                          ; [xsp+2W] its offset, [xsp+3W] isdst
	mov eax, [nowt]                 ; (and [xsp]: the probes left)
	mov edx, [nowt+4]
.probe:
	add eax, 90 * 86400
	adc edx, 0
	push xax
	push xdx
	call .at
	pop xdx
	pop xax
	jc .next
	cmp bl, [xsp+3*W]
	jne .one
.next:
	dec dword [xsp]
	jnz .probe
	or ebp, -1                      ; no name 1 (an empty one, no offset)
	xor ecx, ecx
.one:                                   ; name 1: ebp, xsi and ecx
	pop xax
	mov edx, ebp                    ; ldstoff: the DST one's offset (of
	cmp byte [xsp+2*W], 0           ; names of two tm_isdst, one is DST's)
	je .dst1
	mov edx, [xsp+W]
.dst1:
	mov [ldstoff], edx
	call .eq                        ; ZF: the word is name 1
	pop xdx                         ; (name 0's flags: ZF 0x40)
	jnz .not1
	test dl, 0x40                   ; both: the same name twice (GNU's
	jz .local                       ; tm_isdst -1)
	jmp pfail
.not1:
	test dl, 0x40
	jz .drop2
	mov ebp, [xsp]                  ; name 0's offset
.local:
	pop xax
	pop xax
	mov edx, ebp
	mov ax, 0x100 | TK_ZONE
	clc
	jmp .ret
.drop2:
	pop xax
	pop xax
.none:
	stc
.ret:
	pop xbp
	pop xbx
	pop xcx
	pop xdi
	ret
; .at - edx:eax = a time: ebp = the offset there (tm_gmtoff), bl its
; tm_isdst, xsi and ecx its abbreviation (tz_abbr); CF=1: none (glibc's
; localtime fails). clobbers xax xdx xdi
.at:
	call tz_offset
	jc .r
	lea ebp, [xcx + xdi]
	mov bl, [tz_isdst]
	call tz_abbr
	clc
.r:
	ret
; .eq - xsi, ecx = a name: ZF=1 when the word in wbuf is it (GNU's
; strcmp: the word is upper case). clobbers xsi xdi ecx
.eq:
	mov edi, wbuf
	cmp eax, eax
	repe cmpsb
	jne .r
	cmp byte [xdi], 0
	ret

; wfind - xdi = a group of table entries (each: the name, its last byte
; with bit 7 set; the type; the value, a signed byte), ended by a 0;
; ebx = how many bytes to compare (3), or -1 for the whole word. out:
; CF=0: al = the type, edx = the value; CF=1: none, xdi = the next
; group. keeps ebx ecx
wfind:
.entry:
	cmp byte [xdi], 0
	je .none
	mov esi, wbuf
	mov edx, ebx
.cmp:
	mov al, [xdi]
	inc xdi
	mov ah, al
	and al, 0x7f
	cmp al, [xsi]
	jne .skip
	inc xsi
	dec edx
	jz .hit_abbrev
	test ah, ah
	jns .cmp
	cmp byte [xsi], 0
	je .hit
	jmp .next_entry
.hit_abbrev:
	test ah, ah
	js .hit
.to_type:
	mov al, [xdi]
	inc xdi
	test al, al
	jns .to_type
.hit:
	movzx eax, byte [xdi]
	movsx edx, byte [xdi+1]
	clc
	ret
.skip:
	test ah, ah
	js .next_entry
.skip_name:
	mov al, [xdi]
	inc xdi
	test al, al
	jns .skip_name
.next_entry:
	inc xdi
	inc xdi
	jmp .entry
.none:
	inc xdi
	stc
	ret

; dt_now - the fields from nowt's local time (pc's start: the year with
; no digits, the time of day, its nanoseconds), nothing seen yet.
dt_now:
	mov edi, zvars
	mov ecx, zvars_end - zvars
	xor eax, eax
	rep stosb
	call load_zone
	mov eax, [nowt]
	mov edx, [nowt+4]
	call tz_offset
	mov [nowoff], ecx
	add [nowoff], edi               ; (tm_gmtoff: with right/'s leaps)
	mov ebx, ecx
	sar ebx, 31
	add eax, ecx
	adc edx, ebx
	call split_days                 ; eax = days, ecx = second of the day
	push xcx
	call from_days
	pop xax
	xor edx, edx
	mov ecx, 3600
	div ecx
	mov [hour], eax
	xchg eax, edx
	mov cl, 60
	div cl
	movzx ecx, al
	mov [minute], ecx
	movzx eax, ah
	mov [second], eax
	mov eax, [nowt+8]
	mov [nsec], eax
	ret

; split_days - edx:eax = seconds -> eax = days (floor), ecx = the second
; of the day; pfail past about 5 million years.
split_days:
	lea ecx, [edx + 43199]
	cmp ecx, 86398
	ja pfail
	mov ecx, 86400
	idiv ecx
	xchg ecx, edx
	test ecx, ecx
	jns .ret
	add ecx, edx
	dec eax
.ret:
	ret

; from_days - eax = days since 1970-01-01 -> year, month, day.
; clobbers eax ebx ecx edx esi edi
from_days:
	push xax
	call tz_year
	mov [year], eax
	xor ebx, ebx
.month:
	inc ebx
	mov eax, [year]
	lea ecx, [ebx+1]
	push 1
	pop xdx
	call tz_days                    ; the next month's first day
	cmp eax, [xsp]
	jle .month
	mov [month], ebx
	mov eax, [year]
	mov ecx, ebx
	push 1
	pop xdx
	call tz_days
	pop xdx
	sub edx, eax
	inc edx
	mov [day], edx
	ret

; dt_items - the items of the tokens at xsi (bison's choices), into the
; fields, the counts and rel_*.
dt_items:
	movzx eax, byte [xsi]
	test eax, eax
	jz .ret
	mov cl, [xsi+16]                ; cl = the next token's type
	dec eax
	jz it_unum                      ; TK_UNUM
	dec eax
	jz it_snum
	dec eax
	jz it_dec
	dec eax
	jz it_dec
	sub al, TK_MONTH - TK_SDEC
	jz it_month
	dec eax
	jz it_day
	dec eax
	jz it_zone
	dec eax
	jz it_dayzone
	sub al, TK_SHIFT - TK_DAYZONE
	jz it_shift
	dec eax
	jz it_ord
	sub al, TK_T - TK_ORD
	jz it_t
	sub al, TK_UNIT - TK_T
	cmp al, 5
	ja pfail                        ; DST, am/pm, ago, ':' ',' '/'
	push 1                          ; a unit alone: 1 of it
	pop xax
	xor edx, edx
	call relunit
	call rel_ago
	jmp dt_items
.ret:
	ret

; tUNUMBER ...: a time, an ISO date, a hybrid, m/d[/y], d month [y],
; N day, N unit, or a number alone (digits_to_date_time).
it_unum:
	cmp cl, TK_MER
	jne .not_mer
	call set_h                      ; N am/pm
	jmp time_mer
.not_mer:
	cmp cl, ':'
	jne .not_colon
	call hms
	cmp byte [xsi], TK_MER
	je time_mer
	jmp time_zone
.not_colon:
	cmp cl, TK_SNUM
	jne .not_snum
	mov al, [xsi+32]
	cmp al, TK_SNUM
	je iso_date
	cmp al, ':'
	je .zone_time                   ; N +hh:mm
	sub al, TK_UNIT
	cmp al, 5
	ja .zone_time                   ; N +hh[mm]
	call digits_dt                  ; hybrid: N +M unit
	add xsi, 16
	mov eax, [xsi+4]
	add xsi, 16
	xor edx, edx
	call relunit
	call rel_add
	jmp dt_items
.zone_time:
	call set_h
	jmp time_zone
.not_snum:
	cmp cl, '/'
	jne .not_slash
	cmp byte [xsi+32], TK_UNUM
	jne pfail
	mov eax, [xsi+4]                ; m/d
	mov edx, [xsi+36]
	cmp byte [xsi+48], '/'
	je .mdy
	add xsi, 48
	jmp .md
.mdy:
	cmp byte [xsi+64], TK_UNUM
	jne pfail
	cmp word [xsi+2], 4
	jb .us
	call set_year                   ; y/m/d (4 digits or more)
	mov eax, [xsi+36]
	mov edx, [xsi+68]
	add xsi, 80
	jmp .md
.us:
	mov [month], eax                ; m/d/y
	mov [day], edx
	add xsi, 64
	call set_year
	add xsi, 16
	jmp date_seen
.md:
	mov [month], eax
	mov [day], edx
	jmp date_seen
.not_slash:
	cmp cl, TK_MONTH
	jne .not_month
	mov eax, [xsi+4]                ; d month [y], d month -y
	mov [day], eax
	mov eax, [xsi+20]
	mov [month], eax
	add xsi, 32
	mov al, [xsi]
	cmp al, TK_UNUM
	je .year
	cmp al, TK_SNUM
	jne date_seen
	neg dword [xsi+4]               ; (a copy of GNU's 0 - value)
.year:
	call set_year
	add xsi, 16
	jmp date_seen
.not_month:
	cmp cl, TK_DAY
	jne .not_day
	mov eax, [xsi+4]                ; N day: the Nth
	mov edx, [xsi+20]
	add xsi, 32
	jmp day_seen
.not_day:
	mov eax, [xsi+4]
	sub cl, TK_UNIT
	cmp cl, 5
	ja .number
	add xsi, 16                     ; N unit [ago]
	xor edx, edx
	call relunit
	call rel_ago
	jmp dt_items
.number:
	call digits_dt
	add xsi, 16
	jmp dt_items

; tUNUMBER tSNUMBER tSNUMBER: YYYY-MM-DD, and 'T' and a time after it.
iso_date:
	call set_year
	mov eax, [xsi+20]
	neg eax
	mov [month], eax
	mov eax, [xsi+36]
	neg eax
	mov [day], eax
	add xsi, 48
	cmp byte [xsi], TK_T
	jne date_seen
	inc dword [c_dates]
	add xsi, 16
	cmp byte [xsi], TK_UNUM
	jne pfail
	mov cl, [xsi+16]
	cmp cl, ':'
	je .hms
	cmp cl, TK_SNUM
	jne pfail
	call set_h
	jmp time_zone
.hms:
	call hms
	jmp time_zone

; A time ends: an am/pm token at xsi (time_mer), or an optional zone
; offset (time_zone).
time_mer:
	mov eax, [xsi+4]
	mov [mer], eax
	add xsi, 16
	jmp time_seen
time_zone:
	call o_zone
time_seen:
	inc dword [c_times]
	jmp dt_items
date_seen:
	inc dword [c_dates]
	jmp dt_items

; tSNUMBER unit [ago]
it_snum:
	mov eax, [xsi+4]
	xor edx, edx
	add xsi, 16
	call relunit
	call rel_ago
	jmp dt_items

; N.N seconds [ago]
it_dec:
	cmp cl, TK_UNIT + 5
	jne pfail
	mov eax, [xsi+4]
	mov edx, [xsi+8]
	add xsi, 16
	call relunit
	call rel_ago
	jmp dt_items

; month d, month d, y, month -d -y
it_month:
	mov eax, [xsi+4]
	mov [month], eax
	cmp cl, TK_SNUM
	je .dy
	cmp cl, TK_UNUM
	jne pfail
	mov eax, [xsi+20]
	mov [day], eax
	add xsi, 32
	cmp byte [xsi], ','
	jne date_seen
	cmp byte [xsi+16], TK_UNUM
	jne pfail
	add xsi, 16
	call set_year
	add xsi, 16
	jmp date_seen
.dy:
	cmp byte [xsi+32], TK_SNUM
	jne pfail
	mov eax, [xsi+20]
	neg eax
	mov [day], eax
	add xsi, 32
	neg dword [xsi+4]
	call set_year
	add xsi, 16
	jmp date_seen

; a day name [,]
it_day:
	xor eax, eax
	mov edx, [xsi+4]
	add xsi, 16
	cmp byte [xsi], ','
	jne day_seen
	add xsi, 16
day_seen:                               ; eax = the ordinal, edx = the day
	mov [dord], eax
	mov [dnum], edx
	inc dword [c_days]
	jmp dt_items

; last/this/next/first...twelfth: a day name, or a unit [ago]
it_ord:
	mov eax, [xsi+4]
	cmp cl, TK_DAY
	jne .unit
	mov edx, [xsi+20]
	add xsi, 32
	jmp day_seen
.unit:
	add xsi, 16
	xor edx, edx
	call relunit
	call rel_ago
	jmp dt_items

; yesterday, today, now, tomorrow: days
it_shift:
	mov eax, [xsi+4]
	add xsi, 16
	xor edx, edx
	push 2
	pop xcx
	call rel_add
	jmp dt_items

; a zone: NAME, NAME DST, NAME +hh[:mm], NAME +N unit
it_zone:
	mov eax, [xsi+4]
	mov [pzone], eax
	mov al, [xsi+1]
	mov [lzone], al
	add xsi, 16
	cmp cl, TK_DST
	je .dst
	cmp cl, TK_SNUM
	jne zone_seen
	mov cl, [xsi+16]
	sub cl, TK_UNIT
	cmp cl, 5
	jbe zone_rel
	test al, al                     ; a local name has no +hh[:mm]
	jnz pfail
	call zone_offset                ; eax = its seconds
	add [pzone], eax
	jo pfail
	jmp zone_seen
.dst:
	add xsi, 16
	test al, al                     ; a local name: DST's (GNU's tm_isdst
	jz dayzone                      ; 1), local_find's ldstoff
	mov eax, [ldstoff]
	mov [pzone], eax
	jmp zone_seen
it_dayzone:
	mov al, [xsi+1]
	mov [lzone], al
	add xsi, 16
	mov eax, [xsi-12]
	mov [pzone], eax
dayzone:
	add dword [pzone], 3600
zone_seen:
	inc dword [c_zones]
	jmp dt_items
zone_rel:                               ; NAME +N unit (no ago)
	mov eax, [xsi+4]
	add xsi, 16
	xor edx, edx
	call relunit
	call rel_add
	jmp zone_seen

; 'T': the zone -07:00, or 'T' +N unit
it_t:
	mov dword [pzone], -7 * 3600
	add xsi, 16
	cmp cl, TK_SNUM
	jne zone_seen
	jmp zone_rel

; relunit - eax = how many (a count; the seconds of N.N seconds), edx =
; nanoseconds, xsi = the unit token (else pfail) -> ecx = its field
; (rel_year + 4 * ecx), eax = the count times the unit's, xsi past it.
relunit:
	movzx ecx, byte [xsi]
	sub ecx, TK_UNIT
	cmp ecx, 5
	ja pfail
	imul eax, [xsi+4]
	jo pfail
	add xsi, 16
	ret

; rel_ago - relunit's eax, edx, ecx added to rel_*, or subtracted when an
; "ago" follows ("hence": added); rel_add: added. xsi past them.
rel_ago:
	cmp byte [xsi], TK_AGO
	jne rel_add
	add xsi, 16
	cmp byte [xsi-12], 0
	jns rel_add
	neg eax
	jo pfail
	neg edx
rel_add:
	add [rel_year + xcx*4], eax
	jo pfail
	add [rel_ns], edx
	jo pfail
	mov byte [rels], 1
	ret

; set_h - the hour tUNUMBER at xsi: minutes, seconds, nanoseconds 0, 24
; hours; xsi past it.
set_h:
	mov eax, [xsi+4]
	xor edx, edx
	add xsi, 16
set_hm:                                 ; eax = hour, edx = minutes
	mov [hour], eax
	mov [minute], edx
	xor eax, eax
	mov [second], eax
	mov [nsec], eax
	mov [mer], eax
	ret

; hms - "H:M[:S[.N]]" at xsi (tUNUMBER ':' known) into the fields; xsi
; past it.
hms:
	cmp byte [xsi+32], TK_UNUM
	jne pfail
	mov eax, [xsi+4]
	mov edx, [xsi+36]
	add xsi, 48
	call set_hm
	cmp byte [xsi], ':'
	jne .ret
	mov al, [xsi+16]
	cmp al, TK_UNUM
	je .s
	cmp al, TK_UDEC
	jne pfail
.s:
	mov eax, [xsi+20]
	mov [second], eax
	mov eax, [xsi+24]
	mov [nsec], eax
	add xsi, 32
.ret:
	ret

; o_zone - an optional zone offset "+hh[mm]", "+hh:mm" at xsi: pzone
; and a zone seen.
o_zone:
	cmp byte [xsi], TK_SNUM
	jne .ret
	call zone_offset
	mov [pzone], eax
	inc dword [c_zones]
.ret:
	ret

; zone_offset - tSNUMBER [':' tUNUMBER] at xsi -> eax = the seconds east
; (time_zone_hhmm: pfail past 24 hours); xsi past them.
zone_offset:
	mov ecx, [xsi+4]
	or eax, -1
	cmp byte [xsi+16], ':'
	jne .hh
	cmp byte [xsi+32], TK_UNUM
	jne pfail
	mov eax, [xsi+36]
	imul ecx, ecx, 60
	jo pfail
	cmp byte [xsi+1], 0
	je .east
	neg eax
.east:
	add eax, ecx
	jo pfail
	add xsi, 48
	jmp .range
.hh:
	cmp word [xsi+2], 2
	ja .hhmm
	imul ecx, ecx, 100
.hhmm:
	xchg eax, ecx
	cdq
	push 100
	pop xcx
	idiv ecx
	imul eax, eax, 60
	add eax, edx
	add xsi, 16
.range:
	cmp eax, 1440
	jg pfail
	cmp eax, -1440
	jl pfail
	imul eax, eax, 60
	ret

; set_year - the year token at xsi (its value, its digits).
set_year:
	mov eax, [xsi+4]
	mov [year], eax
	movzx eax, word [xsi+2]
	mov [ydig], eax
	ret

; digits_dt - digits_to_date_time of the tUNUMBER at xsi: a year after a
; date, YYYYMMDD (more than 4 digits), or HH / HHMM.
digits_dt:
	mov eax, [xsi+4]
	movzx ecx, word [xsi+2]
	cmp dword [c_dates], 0
	je .not_year
	cmp dword [ydig], 0
	jne .not_year
	cmp byte [rels], 0
	jne .not_year
	cmp dword [c_times], 0
	jne set_year
	cmp ecx, 2
	ja set_year
.not_year:
	push 100
	pop xbx
	xor edx, edx
	cmp ecx, 4
	jbe .time
	inc dword [c_dates]
	sub ecx, 4
	mov [ydig], ecx
	div ebx
	mov [day], edx
	xor edx, edx
	div ebx
	mov [month], edx
	mov [year], eax
	ret
.time:
	inc dword [c_times]
	cmp ecx, 2
	jbe set_hm
	div ebx
	jmp set_hm

; dt_eval - the fields, counts and rel_* made a time as
; parse_datetime_body does. out: edx:eax = seconds, ecx = nanoseconds
; (pfail: GNU's failures: two of a kind, a field out of range, a local
; time in a gap, an hour for am/pm past 12).
dt_eval:
	mov eax, [c_times]
	or eax, [c_dates]
	or eax, [c_days]
	or eax, [c_zones]
	cmp eax, 1
	ja pfail
	mov eax, [year]                 ; two digits: 69-99 19xx, else 20xx
	cmp dword [ydig], 2
	jne .year
	test eax, eax
	js .year
	add eax, 1900
	cmp eax, 1969
	jge .year
	add eax, 100
.year:
	cdq                             ; a negative year (17 jun +1992:
	xor eax, edx                    ; minus the signed number) as its
	sub eax, edx                    ; size: gnulib's to_tm_year
	mov [year], eax
	call year_range
	cmp dword [c_times], 0          ; the time of day: given, or now's
	jne .hms                        ; for relative items alone
	cmp byte [rels], 0
	je .midnight
	mov eax, [c_dates]
	or eax, [c_days]
	jz .hms
.midnight:
	xor eax, eax
	mov [nsec], eax
	xor edx, edx
	call set_hm
	jmp .fields
.hms:
	mov eax, [hour]                 ; to_hour
	mov ecx, [mer]
	jecxz .h24
	dec eax
	cmp eax, 11
	ja pfail
	inc eax
	cmp eax, 12
	jne .pm
	xor eax, eax
.pm:
	dec ecx
	jz .h24
	add eax, 12
.h24:
	cmp eax, 23
	ja pfail
	mov [hour], eax
.fields:
	cmp dword [second], 59
	ja pfail
	and dword [zone], 0
	call civil                      ; edx:eax = the local time as UTC
	jc pfail
	mov [lq], eax
	mov [lq+4], edx

; The first mktime. With a tm_isdst (a local zone name's, or now's for
; relative items alone) glibc takes that kind's offset: hint, the time
; the fields less it (a local name's offset must hold at the date: else
; the fields change and parse_datetime refuses). Else mk (tm_isdst -1):
; a gap is refused unless a zone was given. mktime's tzset reads the zone
; again (dt_now's localtime was the first): a TZ with a DST name and no
; rules takes posixrules shifted by the last DST offset from then on
; (Debian's rule_dstoff), so the zone is loaded once more here.
	call load_zone
	mov al, [lzone]
	mov ecx, [pzone]
	test al, al
	jnz .hint
	mov ecx, [c_times]
	or ecx, [c_dates]
	or ecx, [c_days]
	jnz .no_hint
	inc eax
	mov ecx, [nowoff]
.hint:
	mov [hinted], al
	mov [hint], ecx
	call hint_time                  ; (a zone alone, or with relative
	call tz_offset                  ; items: now's tm_isdst)
	add ecx, edi
	cmp ecx, [hint]
	je .steps
	cmp byte [lzone], 0             ; a local name's offset must hold;
	jne pfail                       ; glibc also fails a daylight time's
	cmp dword [c_zones], 0          ; tm_isdst at a standard time (the
	je .steps                       ; repair with a zone of no DST)
	cmp ecx, [hint]
	jl pfail
	jmp .steps
.no_hint:
	mov byte [hinted], 0
	call l_mk
	jnc .start
	cmp dword [c_zones], 0
	je pfail
.start:
	mov [sq], eax
	mov [sq+4], edx

; A day name (without a date): to that day, mktime with tm_isdst -1.
.steps:
	mov byte [moved], 0
	cmp dword [c_days], 0
	je .rel
	cmp dword [c_dates], 0
	jne .rel
	call l_days                     ; eax = days, ecx = the second
	push xcx
	push xax
	add eax, 4                      ; (1970-01-01: a Thursday)
	cdq
	push 7
	pop xcx
	idiv ecx
	test edx, edx
	jns .wday
	add edx, ecx
.wday:                                  ; edx = the weekday
	mov eax, [dnum]
	sub eax, edx
	add eax, ecx
	push xdx
	cdq
	idiv ecx                        ; edx = (dnum - wday + 7) % 7
	pop xax
	mov ebx, [dord]
	test ebx, ebx
	jle .ord
	cmp eax, [dnum]
	je .ord
	dec ebx
.ord:
	imul ebx, ebx, 7
	jo pfail
	add edx, ebx
	jo pfail
	pop xax
	add eax, edx
	jo pfail
	pop xcx
	call days_l
	call mk
	mov [sq], eax
	mov [sq+4], edx

; Years, months, days: added to the fields, mktime with the first's
; tm_isdst.
.rel:
	mov eax, [rel_year]
	or eax, [rel_month]
	or eax, [rel_day]
	jz .conv
	call l_days
	push xcx
	call from_days
	mov eax, [month]
	dec eax
	add eax, [rel_month]
	jo pfail
	cdq
	push 12
	pop xcx
	idiv ecx
	test edx, edx
	jns .mon
	add edx, ecx
	dec eax
.mon:
	inc edx
	mov ecx, edx                    ; ecx = the month
	add eax, [year]
	jo pfail
	add eax, [rel_year]
	jo pfail
	mov [year], eax
	call year_range
	push 1
	pop xdx
	call tz_days
	mov edx, [day]
	add edx, [rel_day]
	jo pfail
	dec edx
	add eax, edx
	jo pfail
	pop xcx
	call days_l
	cmp byte [hinted], 0
	je .rel_mk
	call rel_hint
	jmp .rel_t
.rel_mk:
	call mk
.rel_t:
	mov [sq], eax
	mov [sq+4], edx

; A zone (not a local name): the fields mktime gave (or the fields, when
; no day or date moved them) less the zone's offset; in a right/ zone
; plus its leap seconds there, as GNU's mktime + tm_gmtoff - zone.
.conv:
	cmp dword [c_zones], 0
	je .clock
	cmp byte [moved], 0
	je .fields_zone
	cmp byte [lzone], 0
	jne .clock
	mov eax, [sq]
	mov edx, [sq+4]
	call tz_offset
	add ecx, edi                    ; (tm_gmtoff: with right/'s leaps)
	call add_ecx
	jmp .zoned
.fields_zone:                           ; (GNU: mktime's time, which counts
	mov eax, [lq]                   ; a right/ zone's leap seconds, plus
	mov edx, [lq+4]                 ; tm_gmtoff: the fields as UTC and
	call tz_offset                  ; the leap seconds)
	mov ecx, edi
	call add_ecx
.zoned:
	mov ecx, [pzone]
	neg ecx
	call add_ecx
	mov [sq], eax
	mov [sq+4], edx

; Hours, minutes, seconds and nanoseconds added to the seconds.
.clock:
	mov eax, [rel_ns]
	cdq
	add eax, [nsec]
	adc edx, 0
	mov ecx, 1000000000
	idiv ecx
	test edx, edx
	jns .ns
	add edx, ecx
	dec eax
.ns:
	push xdx                        ; the nanoseconds
	cdq
	add [sq], eax
	adc [sq+4], edx
	mov eax, [rel_hour]
	mov ecx, 3600
	call .add_mul
	mov eax, [rel_min]
	push 60
	pop xcx
	call .add_mul
	mov eax, [rel_sec]
	push 1
	pop xcx
	call .add_mul
	mov eax, [sq]
	mov edx, [sq+4]
	pop xcx
	ret
.add_mul:
	imul ecx
	add [sq], eax
	adc [sq+4], edx
	ret

; l_days - lq -> eax = its days, ecx = its second of the day
l_days:
	mov eax, [lq]
	mov edx, [lq+4]
	jmp split_days

; days_l - eax = days, ecx = the second of the day -> lq; moved
days_l:
	push xcx
	mov ecx, 86400
	imul ecx
	pop xcx
	call add_ecx
	mov [lq], eax
	mov [lq+4], edx
	mov byte [moved], 1
	ret

; add_ecx - edx:eax += ecx (signed). clobbers ebx
add_ecx:
	mov ebx, ecx
	sar ebx, 31
	add eax, ecx
	adc edx, ebx
	ret

; year_range - pfail for a year past tz_days' (2 million years away)
year_range:
	mov eax, [year]
	add eax, 2000000
	cmp eax, 4000000
	ja pfail
	mov eax, [year]
	ret

; hint_time - lq less hint -> edx:eax and sq (mktime with a tm_isdst:
; that kind's offset); gmk = hint
hint_time:
	mov ecx, [hint]
	mov [gmk], ecx
	neg ecx
	mov eax, [lq]
	mov edx, [lq+4]
	call add_ecx
	call tz_offset                  ; (a right/ zone's time counts its
	mov ecx, edi                    ; leap seconds)
	call add_ecx
	mov [sq], eax
	mov [sq+4], edx
	ret

; l_mk - mk of lq
l_mk:
	mov eax, [lq]
	mov edx, [lq+4]

; mk - edx:eax = a local time (as UTC) -> edx:eax = UTC, as glibc's
; mktime with tm_isdst -1: from the offset its last call found (gmk:
; 0 at first), offset after offset until one holds (in an overlap, the
; one that first does); CF=1 a gap: the offset before it (the smaller)
; taken. gmk = the offset used. clobbers ebx ecx esi edi ebp
mk:
	push xdx
	push xax                        ; [xsp] = the local time
	mov ecx, [gmk]
	mov dword [mk_p], 0x7fffffff
	push 8
	pop xbp
.iter:
	push xcx                        ; an offset to try
	neg ecx
	mov eax, [xsp+W]
	mov edx, [xsp+2*W]
	call add_ecx
	call tz_offset                  ; ecx = the offset there
	pop xax
	cmp ecx, eax
	je .found
	cmp ecx, [mk_p]
	je .gap                         ; back and forth: a gap
	mov [mk_p], eax
	dec ebp
	jnz .iter
.gap:
	cmp ecx, eax
	jl .before
	xchg ecx, eax
.before:
	mov [gmk], ecx
	neg ecx
	pop xax
	pop xdx
	call add_ecx
	stc
	ret
.found:
	mov [gmk], ecx
	neg ecx
	pop xax
	pop xdx
	call add_ecx
	clc
	ret

str_zero: db '0', 0

; The words (lookup_word's groups, in its order): the name (its last
; byte | 0x80), the token type, the value (zones: half hours).
%macro WORD 3
 %strlen %%n %1
 %assign %%i 1
 %rep %%n - 1
  %substr %%c %1 %%i
	db %%c
  %assign %%i %%i + 1
 %endrep
 %substr %%c %1 %%n
	db %%c | 0x80, %2, %3
%endmacro
g_mer:
	WORD 'AM', TK_MER, 1
	WORD 'A.M.', TK_MER, 1
	WORD 'PM', TK_MER, 2
	WORD 'P.M.', TK_MER, 2
	db 0
	WORD 'JANUARY', TK_MONTH, 1
	WORD 'FEBRUARY', TK_MONTH, 2
	WORD 'MARCH', TK_MONTH, 3
	WORD 'APRIL', TK_MONTH, 4
	WORD 'MAY', TK_MONTH, 5
	WORD 'JUNE', TK_MONTH, 6
	WORD 'JULY', TK_MONTH, 7
	WORD 'AUGUST', TK_MONTH, 8
	WORD 'SEPTEMBER', TK_MONTH, 9
	WORD 'SEPT', TK_MONTH, 9
	WORD 'OCTOBER', TK_MONTH, 10
	WORD 'NOVEMBER', TK_MONTH, 11
	WORD 'DECEMBER', TK_MONTH, 12
	WORD 'SUNDAY', TK_DAY, 0
	WORD 'MONDAY', TK_DAY, 1
	WORD 'TUESDAY', TK_DAY, 2
	WORD 'TUES', TK_DAY, 2
	WORD 'WEDNESDAY', TK_DAY, 3
	WORD 'WEDNES', TK_DAY, 3
	WORD 'THURSDAY', TK_DAY, 4
	WORD 'THUR', TK_DAY, 4
	WORD 'THURS', TK_DAY, 4
	WORD 'FRIDAY', TK_DAY, 5
	WORD 'SATURDAY', TK_DAY, 6
	db 0
g_uzone:
	WORD 'GMT', TK_ZONE, 0
	WORD 'UT', TK_ZONE, 0
	WORD 'UTC', TK_ZONE, 0
	db 0
g_zone:
	WORD 'WET', TK_ZONE, 0
	WORD 'WEST', TK_DAYZONE, 0
	WORD 'BST', TK_DAYZONE, 0
	WORD 'ART', TK_ZONE, -6
	WORD 'BRT', TK_ZONE, -6
	WORD 'BRST', TK_DAYZONE, -6
	WORD 'NST', TK_ZONE, -7
	WORD 'NDT', TK_DAYZONE, -7
	WORD 'AST', TK_ZONE, -8
	WORD 'ADT', TK_DAYZONE, -8
	WORD 'CLT', TK_ZONE, -8
	WORD 'CLST', TK_DAYZONE, -8
	WORD 'EST', TK_ZONE, -10
	WORD 'EDT', TK_DAYZONE, -10
	WORD 'CST', TK_ZONE, -12
	WORD 'CDT', TK_DAYZONE, -12
	WORD 'MST', TK_ZONE, -14
	WORD 'MDT', TK_DAYZONE, -14
	WORD 'PST', TK_ZONE, -16
	WORD 'PDT', TK_DAYZONE, -16
	WORD 'AKST', TK_ZONE, -18
	WORD 'AKDT', TK_DAYZONE, -18
	WORD 'HST', TK_ZONE, -20
	WORD 'HAST', TK_ZONE, -20
	WORD 'HADT', TK_DAYZONE, -20
	WORD 'SST', TK_ZONE, -24
	WORD 'WAT', TK_ZONE, 2
	WORD 'CET', TK_ZONE, 2
	WORD 'CEST', TK_DAYZONE, 2
	WORD 'MET', TK_ZONE, 2
	WORD 'MEZ', TK_ZONE, 2
	WORD 'MEST', TK_DAYZONE, 2
	WORD 'MESZ', TK_DAYZONE, 2
	WORD 'EET', TK_ZONE, 4
	WORD 'EEST', TK_DAYZONE, 4
	WORD 'CAT', TK_ZONE, 4
	WORD 'SAST', TK_ZONE, 4
	WORD 'EAT', TK_ZONE, 6
	WORD 'MSK', TK_ZONE, 6
	WORD 'MSD', TK_DAYZONE, 6
	WORD 'IST', TK_ZONE, 11
	WORD 'SGT', TK_ZONE, 16
	WORD 'KST', TK_ZONE, 18
	WORD 'JST', TK_ZONE, 18
	WORD 'GST', TK_ZONE, 20
	WORD 'NZST', TK_ZONE, 24
	WORD 'NZDT', TK_DAYZONE, 24
	db 0
	WORD 'DST', TK_DST, 0
	db 0
	WORD 'YEAR', TK_UNIT, 1
	WORD 'MONTH', TK_UNIT + 1, 1
	WORD 'FORTNIGHT', TK_UNIT + 2, 14
	WORD 'WEEK', TK_UNIT + 2, 7
	WORD 'DAY', TK_UNIT + 2, 1
	WORD 'HOUR', TK_UNIT + 3, 1
	WORD 'MINUTE', TK_UNIT + 4, 1
	WORD 'MIN', TK_UNIT + 4, 1
	WORD 'SECOND', TK_UNIT + 5, 1
	WORD 'SEC', TK_UNIT + 5, 1
	db 0
	WORD 'TOMORROW', TK_SHIFT, 1
	WORD 'YESTERDAY', TK_SHIFT, -1
	WORD 'TODAY', TK_SHIFT, 0
	WORD 'NOW', TK_SHIFT, 0
	WORD 'LAST', TK_ORD, -1
	WORD 'THIS', TK_ORD, 0
	WORD 'NEXT', TK_ORD, 1
	WORD 'FIRST', TK_ORD, 1
	WORD 'THIRD', TK_ORD, 3
	WORD 'FOURTH', TK_ORD, 4
	WORD 'FIFTH', TK_ORD, 5
	WORD 'SIXTH', TK_ORD, 6
	WORD 'SEVENTH', TK_ORD, 7
	WORD 'EIGHTH', TK_ORD, 8
	WORD 'NINTH', TK_ORD, 9
	WORD 'TENTH', TK_ORD, 10
	WORD 'ELEVENTH', TK_ORD, 11
	WORD 'TWELFTH', TK_ORD, 12
	WORD 'AGO', TK_AGO, -1
	WORD 'HENCE', TK_AGO, 1
	db 0

; rel_hint - .rel's mktime with a tm_isdst: a local zone name's (its
; offset, hint_time), else (relative items alone) now's, as glibc 2.36's
; mktime takes it: mk's time when its kind is that; in a gap the one of
; the two of the other kind (neither: "invalid date"); else the offset of
; the nearest time of that kind, probed 601200 s apart both ways (the
; earlier first) less than 229222800 s away (glibc's stride and bound);
; else mk's time an hour off (glibc: "assume a one-hour DST difference").
; At the cold part's end, past the tables every -d reads: only such runs
; map its last page. in: lq, [tz_isdst] = now's (the first mktime's
; last tz_offset). out: edx:eax. clobbers ebx ecx esi edi ebp
rel_hint:
	cmp byte [lzone], 0
	jne hint_time
	mov al, [tz_isdst]
	mov [nowdst], al
	call l_mk
	jnc .converged
	call tz_offset                  ; a gap: mk's time (the offset before
	call .kind                      ; the change), of the kind not asked
	jne .ret                        ; for (glibc's choice), else the
	add ecx, edi                    ; other: the offset after it, found
	mov [hint], ecx                 ; there
	call hint_time                  ; (its tz_offset: that time's kind)
	call .kind
	jne .ret
	jmp pfail
.converged:                             ; (mk's last tz_offset: its time)
	call .kind
	je .ret
	mov ebp, 601200
.probe:
	neg ebp                         ; -delta, then +delta
	mov ecx, ebp
	push xdx
	push xax
	call add_ecx
	call tz_offset
	pop xax
	pop xdx
	call .kind
	je .found
	test ebp, ebp
	js .probe
	add ebp, 601200
	cmp ebp, 457243200 / 2 + 601200
	jb .probe
	mov ecx, [gmk]                  ; none: an hour more (daylight
	add ecx, 3600                   ; asked for) or less
	cmp byte [nowdst], 0
	jne .hint
	sub ecx, 7200
	jmp .hint
.found:
	add ecx, edi                    ; (tm_gmtoff)
.hint:
	mov [hint], ecx
	jmp hint_time
.kind:                                  ; ZF=1: tz_offset's tm_isdst is
	push xax                        ; the one asked for
	mov al, [tz_isdst]
	cmp al, [nowdst]
	pop xax
.ret:
	ret
TEXT

mdays:	db 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31
time_words:	db CH_A, 'atime', 0, CH_A, 'access', 0, CH_A, 'use', 0
		db CH_M, 'mtime', 0, CH_M, 'modify', 0, 0
msg_ref:	db 'failed to get attributes of ', 0
msg_touch:	db 'cannot touch ', 0
msg_setting:	db 'setting times of ', 0
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
dtrest:	resW 1                          ; DATE past a TZ="..." prefix
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
zvars:                                  ; (dt_now zeroes these)
ydig:	resd 1                          ; the year's digits (0: none)
mer:	resd 1                          ; 0 24-hour, 1 am, 2 pm
rel_year: resd 1                        ; relunit's fields, in this order
rel_month: resd 1
rel_day: resd 1
rel_hour: resd 1
rel_min: resd 1
rel_sec: resd 1
rel_ns:	resd 1
c_times: resd 1                         ; the items seen
c_dates: resd 1
c_days:	resd 1
c_zones: resd 1
dord:	resd 1                          ; a day item: the ordinal, the day
dnum:	resd 1
pzone:	resd 1                          ; a zone: seconds east
rels:	resb 1                          ; a relative item seen
lzone:	resb 1                          ; the zone is a local name
zvars_end:
ldstoff: resd 1                         ; local_find's DST name's offset
hinted:	resb 1                          ; a tm_isdst: its offset in hint
hint:	resd 1
gmk:	resd 1                          ; glibc mktime's last offset
mk_p:	resd 1
nowoff:	resd 1                          ; nowt's offset
nowdst:	resb 1                          ; and its tm_isdst
moved:	resb 1                          ; lq changed by a day or rel date
dt_sp:	resW 1
nowt:	resd 4                          ; the time DATE is relative to
lq:	resd 2                          ; the local time (as UTC seconds)
sq:	resd 2                          ; the UTC seconds
wbuf:	resb 20
ts:	resb 32
stx:	resb STT_RECORD                 ; sys.inc's stat_times
toks:	resb NTOKS * 16                 ; -d's tokens
QBUFSZ	equ 131072 * 5 + 64
qbuf:	resb QBUFSZ

program_end
