; du - estimate file space usage (GNU coreutils 9.1's du).
;
; Usage: du [OPTION]... [FILE...]
;   -a, --all             a line for files too, not only directories
;   -s, --summarize       a line for each operand only (--max-depth=0)
;   -c, --total           a "total" line at the end
;   -h, --human-readable  sizes as 1.5K 12M (powers of 1024, rounded up)
;   --si                  the same in powers of 1000 (1.6k 13M)
;   -k                    1024-byte blocks (the default); -m: 1048576
;   -B, --block-size=SIZE sizes in units of SIZE (xstrtoumax's grammar:
;                         decimal, 0x hex or 0 octal, suffixes K M G T P
;                         E Z Y (1024), KB MB... (1000), KiB...; a suffix
;                         alone also prints it; a leading ' is accepted;
;                         "human-readable" and "si" and their prefixes)
;   -b, --bytes           apparent sizes in bytes (--apparent-size
;                         --block-size=1); --apparent-size alone
;   --inodes              counts of inodes instead of sizes
;   -d, --max-depth=N     lines only N levels down (the sizes count all;
;                         N as xstrtoumax reads it with no suffix: blanks,
;                         '+', 0x hex, 0 octal; up to SIZE_MAX)
;   -S, --separate-dirs   a directory's size without its subdirectories'
;   -l, --count-links     hard links counted each time they are met
;   -t, --threshold=SIZE  only lines of at least SIZE (a negative SIZE: at
;                         most -SIZE); xstrtoimax's grammar
;   -0, --null            lines end with a NUL, not a newline
;   -x, --one-file-system skip directories on other file systems
;   -L, --dereference     follow symbolic links
;   -D, -H, --dereference-args  follow the operands that are symbolic links
;   -P, --no-dereference  follow none (the default; the last of -L -D -P
;                         wins)
;   --exclude=PATTERN     skip what PATTERN matches (glibc's fnmatch, no
;                         flags: the whole path, or what follows any '/'
;                         in it, as gnulib's exclude with EXCLUDE_WILDCARDS)
;   -X, --exclude-from=FILE  the patterns of FILE's lines ("-": stdin)
;   --files0-from=F       the operands: F's NUL-separated names ("-": stdin;
;                         no FILE then)
;   --time[=WORD]         after the size, the latest modification time of
;                         what the line counts (WORD atime, access, use:
;                         access time; ctime, status: change time)
;   --time-style=STYLE    full-iso, long-iso (the default), iso, or
;                         +FORMAT (strftime's directives, see below); else
;                         TIME_STYLE (posix- prefixes off, "locale" is
;                         long-iso, a +FORMAT up to a newline)
; Without FILE: ".". An empty FILE is refused (GNU's "invalid
; zero-length file name"); two or more trailing slashes of a FILE are
; one, as fts_open's ("//" stays). Sums stop at 2^64 - 1, printed as
; "Infinity", as GNU's. Without -B, -h, --si, -k, -m, -b: DU_BLOCK_SIZE,
; BLOCK_SIZE, BLOCKSIZE, then 1024 (512 with POSIXLY_CORRECT), as GNU's
; human_options. Sizes: the blocks a file uses (st_blocks * 512), or
; with -b/--apparent-size its size; a file with several hard links counted
; once (and, with several operands or -L, every directory: one met again
; is skipped, as GNU's). Sizes are rounded up to the unit (gnulib's
; human_readable, x87 long double where it uses long double). The walk goes
; in the order getdents gives, each directory's line after its contents,
; by descriptor (openat/statx relative to the parent: names past PATH_MAX
; work), one descriptor per level for the first KEEP levels, a deeper
; one's parent closed and opened again by ".." on the way up (cold_drop,
; cold_reopen); with -L all kept (the soft limit is raised to the hard
; one at start). On i386 the walk enters the kernel through the vDSO's
; __kernel_vsyscall (FAST_SYSCALL: int 0x80 costs 6-9 us a call here, the
; vDSO's sysenter/syscall about 0.2 us), switched on at the 8th entry so
; a small run stays at 16 KiB of RSS (the vDSO's page is 4 more). The
; (device, inode) set starts with 16 slots on the variables' page and
; doubles as it fills, so a few operands or -L on a small tree stay there
; too. Times are local (rt/localtime.inc: TZ, or /etc/localtime). The
; rare options' code (-B, --si, -t, --exclude, -X, --time, the
; messages) is a cold part of its own (3 pages on i386, 4 on x86_64):
; their runs are 28 KiB on i386, 32 on x86_64 (4 more with --exclude, 8
; with -X or --time), the others 16.
; A directory that is one of the directories being walked (a bind
; mount's loop, -L's symlink loop) is skipped: no line, not counted, as
; GNU's FTS_DC when the cycle holds a mount point (GNU's "WARNING:
; Circular directory structure" needs a corrupted file system).
; Exit status: 0; 1 after "du: cannot access 'F': Reason", "du: cannot
; read directory 'D': Reason" (the rest still counted), a usage error, a
; bad -B or -t (GNU's three messages), an unreadable -X file, a bad
; --files0-from name or file, or a write error.
; A directory's names are walked in getdents order but, as GNU's fts, in
; batches of 100000, a batch of more than 10000 sorted by inode number
; (stable) unless on tmpfs, NFS or CIFS (cold: ino_sort).
; A bad option (getopt_long's messages: an invalid letter, a long option
; unrecognized, ambiguous, with an argument it does not take or without
; the one it needs) and an invalid -d are told and the options read on,
; as GNU's (ok = false): each message, then the Try line once (opt_bad).
; Differences from GNU: --help, --version are not
; supported; a path longer
; than 1 MiB, more than 64 MiB of names pending in the directories being
; walked, more than 1.5 million hard-linked files, more than 65536
; patterns, 4 MiB of -X files or 64 MiB of --files0-from's fail with a
; message. --time-style=+FORMAT
; writes %a %A %b %B %c %C %d %D %e %F %g %G %h %H %I %j %k %l %m %M
; %n %N (and %1N..%9N) %p %P %q %r %R %s %S %t %T %u %U %V %w %W %x %X %y
; %Y %z %:z %::z %:::z %Z %% as GNU's in the C locale, other letters as
; they are; the flags _ - 0 ^ # +, widths and the E and O modifiers fail
; with a message (exit 1, before any output); years before 1 are not
; GNU's.

%define FAST_SYSCALL                    ; i386: the vDSO's entry once a directory is walked
%define QUOTE_PLAIN             ; (error.inc: three of gnulib's quoting rules left out: its pages are full; README)
%define SAY_STDERR_STATUS              ; a warning not written: status 1 (error.inc)
%define SAY_TRY_HOOK opt_bad            ; a bad option: told, the options read on
%define GETOPT_GO_ON go_on              ; (where getopt_long reads on from)
%include "subk.inc"
%include "layout.inc"
%include "rt/blocksize.inc"
%define LONGOPT_OPTIONAL                ; --time[=WORD] (O_TIME)
%include "rt/localtime.inc"             ; (TZ_VARS; its code: the cold part's)
use getopt_long, fs_msg, errno_path, quote_arg, err_plain, atou
use human64, udigits, putc_buf, usage_try, raise_limit, tz_abbr
%define PUTC_FAIL err_text
%define PUTC_GO_ON                      ; (a failed write: the walk goes on, as GNU)
%define PUTC_CLOSE_REASON

OBUFSZ  equ 2048                        ; (the variables, obuf and pbuf's start: one page)
GBUFSZ  equ 32768
PBUFSZ  equ 1048576
ARENASZ equ 67108864
HSLOTS  equ 1 << 21                     ; the set's most slots (16 bytes each)
KEEP    equ 32                          ; levels whose fds a walk keeps open
MASK equ STATX_TYPE | STATX_MODE | STATX_NLINK | STATX_INO | STATX_SIZE | STATX_BLOCKS | STATX_ATIME | STATX_MTIME | STATX_CTIME
TZBUFSZ equ 16384
F0SZ    equ 67108864                    ; --files0-from's bytes

O_TIME  equ 0x17                        ; --time's code (long_opt: 0x01..0x1f
                                        ; take an optional argument)
XMAX    equ 65536                       ; --exclude and -X patterns
XTEXTSZ equ 4194304                     ; -X files' bytes
; flags (optbits' order)
B_ALL   equ 0
B_SUM   equ 1
B_TOTAL equ 2
B_XDEV  equ 3
B_LINKS equ 4
B_SEP   equ 5
B_NULL  equ 6
B_INODES equ 7

_start:
	fast_syscall_init later         ; i386: int 0x80 until fast_syscall_on
	pop_argv0                       ; xsp = &argv[1]
	envp_past_argv			; (past argv's NULL)
	mov dword [opos], obuf
	mov dword [apos], arena_top
	dec WPTR [maxd]                 ; -1: no limit
	mov dword [htbl], hsmall
	mov byte [hshift], 32 - 4       ; (16 slots)
	getopt_here
	mov [opt_sp], xsp               ; (opt_bad: the options' loop)
.opt:
	call getopt_long
	jc .options_done
	cmp al, 'd'
	je .depth
	cmp al, 'A'
	je .apparent
	cmp al, 'b'
	jne .not_b
	mov byte [apparent], 1
	push 1
	pop xcx
	jmp .plain
.not_b:
	cmp al, 'k'
	jne .not_k
	mov ecx, 1024
	jmp .plain
.not_k:
	cmp al, 'm'
	jne .not_m
	mov ecx, 1048576
.plain:
	xor edx, edx
	jmp .setbs
.not_m:
	cmp al, 'h'
	jne .not_h
	mov dl, H_AUTO | H_SI | H_1024
	jmp .unit1
.not_h:
	cmp al, 'i'                     ; --si
	jne .not_si
	mov dl, H_AUTO | H_SI
.unit1:
	push 1
	pop xcx
.setbs:                                 ; ecx = the block size, dl its options
	mov [obs], ecx
	and dword [obs + 4], 0
	mov [hopts], dl
	mov byte [hset], 1
	jmp .opt
.apparent:
	mov byte [apparent], 1
	jmp .opt
.not_si:                                ; -L 2, -D/-H 1, -P 0: the last wins
	mov cl, 2
	cmp al, 'L'
	je .deref
	dec ecx
	cmp al, 'D'
	je .deref
	cmp al, 'H'
	je .deref
	dec ecx
	cmp al, 'P'
	jne .flags
.deref:
	mov [deref], cl
	jmp .opt
.flags:
	cmp al, 'Y'                     ; --time-style: read with --time only
	jne .not_style
	mov [tstyle], xdx
	jmp .opt
.not_style:
	mov ecx, optbits
.bit:                                   ; a s c x l S 0 --inodes: flag bits
	cmp al, [xcx]
	je .flag
	inc ecx
	cmp byte [xcx], 0
	jne .bit
	call opt_cold                   ; -B -t --exclude -X (cold)
	jmp .opt
.flag:
	sub ecx, optbits
	bts [flags], ecx
	jmp .opt
; -d N: plain decimal here (not 0 first: octal), else xstrtoumax's
; grammar (cold: depth_arg); up to SIZE_MAX (the walk's depth stays far
; below any)
.depth:
	push xsi
	push xdx
	mov xsi, xdx
	call atou
	pop xdx
	jc .depth_cold
	cmp byte [xsi], 0
	jne .depth_cold
	test xax, xax
	jz .depth_set
	cmp byte [xdx], '0'
	je .depth_cold
.depth_set:
	mov [maxd], xax
	mov byte [dset], 1
	pop xsi
	jmp .opt
.depth_cold:
	call depth_arg
	jnc .depth_set
	pop xsi
	call getopt_go_on               ; (opt_bad reads on from here)
	mov esi, fmt_depth
	jmp usage_die
.options_done:
	and WPTR [opt_sp], 0            ; (a usage error from here on ends it)
	cmp byte [bad], 0               ; (a bad option, -X's file unreadable:
	jne usage_try                   ; told)
	test byte [flags], 1 << B_SUM
	jz .no_sum
	test byte [flags], 1 << B_ALL
	jz .sum_ok
	mov esi, fmt_both
	mov edx, esi
	jmp usage_die
.sum_ok:
	cmp byte [dset], 0
	je .sum_depth
	cmp WPTR [maxd], 0
	jne .conflict
	push xdi
	mov esi, fmt_same
	mov edx, esi
	xor eax, eax
	call say
	pop xdi
	jmp .sum_depth
.conflict:
	mov xax, [maxd]
	mov edi, qbuf + 40
	mov byte [xdi], 0
	call utoa
	mov xdx, xdi
	mov esi, fmt_conflict
	jmp usage_die
.sum_depth:
	and WPTR [maxd], 0
.no_sum:
	push xdi
; the block size without an option: DU_BLOCK_SIZE's, BLOCK_SIZE's,
; BLOCKSIZE's (cold: hblock), else 1024 (512 with POSIXLY_CORRECT)
	cmp byte [hset], 0
	jne .bs_done
	BS_ENV_LOOKUP e_dubs, .bs_spec, .bs_default
.bs_spec:
	call env_block
	jmp .bs_done
.bs_default:
	call default_bs
.bs_done:
; --inodes: counts, in units of 1 (cold: the --apparent-size warning)
	test byte [flags], 1 << B_INODES
	jz .bytes
	mov dword [obs], 1
	and dword [obs + 4], 0
	cmp byte [apparent], 0
	je .bytes
	call inodes_warn                ; (cold)
.bytes:
	cmp byte [topt], 0              ; --time: the format, the zone (cold)
	je .no_time
	call time_setup
.no_time:
	mov al, 10                      ; -0: lines end with a NUL
	test byte [flags], 1 << B_NULL
	jz .eol
	xor eax, eax
.eol:
	mov [eol], al
; the descriptors and the stack (the walk's frames): the soft limits up
; to the hard ones
	push RLIMIT_NOFILE
	pop A2
	call raise_limit
	mov A2b, RLIMIT_STACK
	call raise_limit
	pop xdi
; the operands, or "."
	mov xax, xdi
	sub xax, xsp
	cmp xax, W
	jbe .hash_some
	inc byte [hash_all]
.hash_some:
	cmp byte [deref], 2
	jne .hash_set
	inc byte [hash_all]
.hash_set:
	cmp WPTR [f0name], 0            ; --files0-from (cold)
	jne files0
	cmp xdi, xsp
	jne .operand
	mov eax, dot
	mov [xdi], xax
	and WPTR [xdi + W], 0
.operand:
	pop xsi
	test xsi, xsi
	jz .end
	call do_operand
	jmp .operand
.end:
	test byte [flags], 1 << B_TOTAL
	jz .exit
	mov esi, total_word
	mov edi, pbuf
	call copystr
	sub edi, pbuf
	mov [plen], edi
	cmp byte [topt], 0
	je .total_line
	call time_total
.total_line:
	mov eax, [grand]
	mov edx, [grand + 4]
	call put_line                   ; (no threshold for the total)
.exit:
	call flush_end
	exit_status

usage_die:                              ; xsi = a format with F_TRY
	xor eax, eax
	call say
	exit 1

; opt_bad - say's SAY_TRY_HOOK (error.inc): during the options' loop
; ([opt_sp] set), a bad option's message (getopt_long's, or an invalid
; -d) is written without its Try line and the options are read on from
; where getopt_go_on left them, as GNU's du sets ok = false and goes on;
; after the loop ([opt_sp] 0) the Try line follows as usual.
opt_bad:
	cmp WPTR [opt_sp], 0
	je .ret
	try_hook_said
	mov byte [bad], 1
	mov xsp, [opt_sp]
	mov xsi, [go_on]
	mov xdi, [go_on + W]
	mov xbx, [go_on + 2*W]
	jmp _start.opt
.ret:
	ret

; do_operand - xsi = an operand: its line (and its contents'); an empty
; one refused (cold: empty_operand), two or more trailing '/' made one
; (not "//"), in place, as fts_open
do_operand:
	cmp byte [xsi], 0
	je empty_operand
	mov edi, pbuf
	push xsi
	call copystr
	pop xsi
	sub edi, pbuf                   ; edi = the length
	cmp edi, 2
	jbe .trimmed
.trim:                                  ; (its last byte a '/' after the first)
	cmp word [xsi + xdi - 2], '//'
	jne .cut
	dec edi
	cmp edi, 1
	ja .trim
.cut:
	mov byte [xsi + xdi], 0         ; (not "." of the code: no '/')
.trimmed:
	mov [plen], edi
	and dword [depth], 0
	cmp byte [deref], 0             ; -D, -H, -L: an operand followed
	call set_follow
	mov A1d, AT_FDCWD
	call stat_entry                 ; CF=1: skip it
	jc .ret
	mov [rootdev], ecx              ; (stat_entry: ecx = dev major)
	mov [rootdev + 4], ebx
	mov A1d, AT_FDCWD
	call count_entry                ; edx:eax = its size, with its contents
	jmp put_entry
.ret:
	ret

; set_follow - ZF=0: follow symbolic links at this depth (statx without
; AT_SYMLINK_NOFOLLOW, openat without O_NOFOLLOW)
set_follow:
	mov eax, AT_SYMLINK_NOFOLLOW | AT_NO_AUTOMOUNT
	mov ecx, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC | O_LARGEFILE
	jz .set
	mov eax, AT_NO_AUTOMOUNT
	mov ecx, O_RDONLY | O_DIRECTORY | O_CLOEXEC | O_LARGEFILE
.set:
	mov [sflags], eax
	mov [oflags], ecx
	ret

; anc_check - stx a directory: CF=1 when its (device, inode) is that of a
; directory being walked (the frames from wtop up). keeps all but xax, xdx
anc_check:
	mov xdx, [wtop]
.up:
	test xdx, xdx
	jz .ret                         ; (CF=0)
	jne64 eax, stx + STT_INO, xdx + F_ID, .next
	mov eax, [stx + STT_DEV]
	cmp eax, [xdx + F_ID + 8]
	jne .next
	mov eax, [stx + STT_DEV + 4]
	cmp eax, [xdx + F_ID + 12]
	stc
	je .ret
.next:
	mov xdx, [xdx + F_UP]
	jmp .up
.ret:
	ret

; stat_entry - A1 = the directory fd, xsi = a name (path in pbuf): statx
; into stx; an error reported; CF=1 to skip it (error, other file system,
; counted already). out: CF=0, ecx:ebx = its device (major, minor)
stat_entry:
%ifdef _VSYS_LATER                      ; i386: from the 8th entry on, the
	add byte [vsys_left], 32        ; kernel through the vDSO (its page
	jnz .slow                       ; adds 4 KiB of RSS: a small run
	fast_syscall_on                 ; stays without it)
.slow:
%endif
	cmp dword [nexcl], 0            ; --exclude, -X (cold)
	je .stat
	call excluded
	jc .ret
.stat:
	push A1
	push xsi
	stat_t A1, xsi, [sflags], MASK, stx
	pop xsi
	pop A1
	test eax, eax
	js .fail
	mov ecx, [stx + STT_DEV]
	mov ebx, [stx + STT_DEV + 4]
	cmp dword [depth], 0
	je .seen
	test byte [flags], 1 << B_XDEV
	jz .seen
	cmp ecx, [rootdev]
	jne .skip
	cmp ebx, [rootdev + 4]
	jne .skip
.seen:
; hard links: counted once (every entry when hash_all); -l: not. A
; directory that is one of its walked ancestors (a bind mount's loop; -L's
; symlink loop) is skipped, no line, no warning, as GNU's FTS_DC with a
; mount point in the cycle (FTS_TIGHT_CYCLE_CHECK with one operand or -l,
; FTS_LOGICAL with -L; else the hash set finds it)
	movzx eax, word [stx + STT_MODE]
	and ah, S_IFMT >> 8
	test byte [flags], 1 << B_LINKS
	jz .hash_links
	cmp ah, S_IFDIR >> 8
	je anc_check
	jmp .new
.hash_links:
	cmp byte [hash_all], 0
	jne .hash
	cmp ah, S_IFDIR >> 8
	je anc_check
	cmp dword [stx + STT_NLINK], 1
	jbe .new
.hash:
	push xsi
	push A1
	call hash_insert                ; CF=1: there already
	pop A1
	pop xsi
	mov ecx, [stx + STT_DEV]
	mov ebx, [stx + STT_DEV + 4]
	ret
.new:
	clc
.ret:
	ret
.skip:
	stc
	ret
.fail:
	push xsi
	push A1
	cmp eax, -ENOENT                ; followed, a dangling symlink: no
	jne .say                        ; reason (fts' FTS_SLNONE)
	cmp dword [sflags], AT_NO_AUTOMOUNT
	jne .say
	push xax
	stat_t A1, xsi, AT_SYMLINK_NOFOLLOW, 0, stx
	test eax, eax
	pop xax
	js .say
	xor eax, eax
.say:
	mov esi, msg_access
	call err_path
	pop A1
	pop xsi
	stc
	ret

; count_entry - A1 = the parent fd, xsi = the name, stx = its status:
; edx:eax = its size, for a directory with everything in it (its own
; line not printed here). clobbers all but xbp
count_entry:
	push xbp
	xor edx, edx
	push 1
	pop xax
	test byte [flags], 1 << B_INODES
	jnz .size                       ; --inodes: 1 each
	mov eax, [stx + STT_SIZE]
	mov edx, [stx + STT_SIZE + 4]
	cmp byte [apparent], 0
	jne .size
	mov eax, [stx + STT_BLOCKS]
	mov edx, [stx + STT_BLOCKS + 4]
	shld edx, eax, 9
	shl eax, 9
.size:
	add [grand], eax                ; (-c: every entry once; the sums
	adc [grand + 4], edx            ; stop at 2^64 - 1, as GNU's)
	sbb ecx, ecx
	or [grand], ecx
	or [grand + 4], ecx
	cmp byte [topt], 0              ; --time: its own time (cold)
	je .own
	call time_own
.own:
	push xdx
	push xax
	movzx ecx, word [stx + STT_MODE]
	and ch, S_IFMT >> 8
	cmp ch, S_IFDIR >> 8
	jne .done
.open:
	sys openat, A1, xsi, [oflags]
	test eax, eax
	js .open_failed
	call walk                       ; edx:eax = the contents
	cmp byte [topt], 0              ; --time: with its contents' (cold)
	je .walked
	call time_dir
.walked:
	pop xcx
	add eax, ecx
	pop xcx
	adc edx, ecx
	sbb ecx, ecx
	or eax, ecx
	or edx, ecx
	pop xbp
	ret
.open_failed:                          ; too many open files: an
	cmp eax, -EMFILE                ; ancestor's descriptor closed
	jne .unreadable                 ; (fd_free, cold), then again
	call fd_free
	jnc .open
.unreadable:
	mov esi, msg_read
	call err_path
.done:
	cmp byte [topt], 0              ; --time: the first entry done?
	je .first
	call time_first
.first:
	pop xax
	pop xdx
	pop xbp
	ret

; walk - eax = a directory's fd (its path in pbuf): edx:eax = the total
; of its contents, their lines printed; the fd closed. Recursive.
; GNU's fts goes into each directory and back out by "..", checking that
; ".." is the parent it left (a directory moved meanwhile: "fts_read
; failed", the end of the walk), except when its ring of the last four
; directories' descriptors has the parent's: `ring` counts that ring's
; entries (one more at each descent, one less at each way back up, none
; after an operand), and the way up checks ".." when it is empty.
F_FD    equ -W
F_START equ -2*W
F_END   equ -3*W
F_PLEN  equ -4*W
F_CUR   equ -5*W
F_TOT   equ -5*W - 8
F_UP    equ -8*W                        ; the walk above's frame (wtop)
F_ID    equ -8*W - 16                   ; the directory's ino, dev (stx)
walk:
	push xbp
	mov xbp, xsp
	push xax                        ; F_FD
	push WPTR [apos]                ; F_START
	push 0                          ; F_END
	push WPTR [plen]                ; F_PLEN
	push 0                          ; F_CUR
	push 0                          ; F_TOT (8 bytes)
	push 0
	push WPTR [wtop]                ; F_UP
	mov [wtop], xbp
	cmp dword [depth], KEEP         ; deep: the parent's fd closed (cold)
	jae cold_drop
.dropped:
	sub xsp, 16                     ; F_ID, for anc_check
	copy64 eax, xsp, stx + STT_INO
	mov eax, [stx + STT_DEV]
	mov [xsp + 8], eax
	mov eax, [stx + STT_DEV + 4]
	mov [xsp + 12], eax
	cmp byte [ring], 4              ; (fts' ring: the parent's fd in)
	adc byte [ring], 0
; every name of the directory into the arena first (as fts_build), one
; below the other from its top down (the top shares the variables'
; page); the records read into pbuf past the path
	mov xdi, [apos]
.read:
	push xdi
	mov eax, [plen]
	lea A2d, [eax + pbuf + 8]
	and A2d, -8
	sys getdents64, [xbp + F_FD], A2, GBUFSZ
	pop xdi
	cmp eax, -EINTR
	je .read
	test eax, eax
	jz .names_done
	js .read_error
	movx xsi, A2                    ; (A2 kept by the system call)
	lea edx, [xax + xsi]            ; the end
.record:
	cmp esi, edx
	jae .read
	movzx ecx, word [xsi + 16]      ; d_reclen
	push xsi
	add esi, 19                     ; d_name
	skip_dots xsi, .next
.copy:
	cmp edi, arena + 4096
	jb no_room
	mov eax, esi
.len:
	inc eax
	cmp byte [xax - 1], 0
	jne .len
	sub eax, esi                    ; its length, NUL included
	sub edi, eax
	push xdi
	push xcx
	xchg eax, ecx
	rep movsb
	pop xcx
	pop xdi
.next:
	pop xsi
	add esi, ecx
	jmp .record
.read_error:
	dents_removed .names_done
	push xdi
	mov esi, msg_read
	call err_path
	pop xdi
.names_done:
	mov [apos], xdi
	mov [xbp + F_END], xdi
	mov xax, [xbp + F_START]
	mov [xbp + F_CUR], xax
	sub eax, edi                    ; 10001 names or more? (2 bytes each
	cmp eax, 20002                  ; at least): fts' sort by inode (cold)
	jb .few
	call ino_sort
.few:
	inc dword [depth]
	mov al, [deref]                 ; below an operand: -L's
	shr al, 1
	call set_follow
	cmp byte [topt], 0              ; --time: this level's latest (cold)
	je .no_time
	call time_init
.no_time:
; each name: its status, its size (a directory's with its contents), its
; line when -a or a directory, within --max-depth
.entry:
	mov xsi, [xbp + F_CUR]          ; (the end of the next name, which
	cmp xsi, [xbp + F_END]          ; starts past the NUL below it)
	jbe .entries_done
	dec esi
.start:
	cmp esi, [xbp + F_END]
	je .found
	cmp byte [xsi - 1], 0
	je .found
	dec esi
	jmp .start
.found:
	mov [xbp + F_CUR], xsi
	mov edi, [xbp + F_PLEN]         ; the path: PARENT/NAME
	mov [plen], edi
	add edi, pbuf
	cmp byte [xdi - 1], '/'
	je .slash
	mov al, '/'
	stosb
.slash:
	push xsi
.name:
	cmp edi, pbuf + PBUFSZ - 1
	jae no_room
	lodsb
	stosb
	test al, al
	jnz .name
	pop xsi
	dec edi
	sub edi, pbuf
	mov [plen], edi
	mov A1, [xbp + F_FD]
	call stat_entry
	jc .entry
	movzx eax, word [stx + STT_MODE]
	and ah, S_IFMT >> 8
	push xax
	mov A1, [xbp + F_FD]
	call count_entry
	pop xcx
	test byte [flags], 1 << B_SEP   ; -S: a directory's own line only
	jz .add
	cmp ch, S_IFDIR >> 8
	je .added
.add:
	add [xbp + F_TOT], eax
	adc [xbp + F_TOT + 4], edx
	sbb ebx, ebx
	or [xbp + F_TOT], ebx
	or [xbp + F_TOT + 4], ebx
	cmp byte [topt], 0
	je .added
	call time_acc
.added:
	mov ebx, [depth]
	cmp xbx, [maxd]
	ja .entry
	cmp ch, S_IFDIR >> 8
	je .line
	test byte [flags], 1 << B_ALL
	jz .entry
.line:
	call put_entry
	jmp .entry
.entries_done:
	mov xax, [xbp + F_PLEN]
	mov [plen], eax
	dec dword [depth]               ; (0: back to an operand's parent:
	jz .root                        ; fts' initial cwd, the ring emptied)
	mov xax, [xbp + F_UP]
	cmp WPTR [xax + F_FD], -1       ; the parent's fd closed: opened again
	je cold_reopen                  ; by ".." (cold)
	sub byte [ring], 1              ; the parent's fd from the ring, or
	jnc .up                         ; ".." checked (cold)
	call dotdot_check
.root:
	mov byte [ring], 0
.up:
	mov xax, [xbp + F_START]
	mov [apos], xax
	sys close, [xbp + F_FD]
	mov xax, [xbp + F_UP]
	mov [wtop], xax
	mov eax, [xbp + F_TOT]
	mov edx, [xbp + F_TOT + 4]
	leave
	ret

no_room:
	call flush
	mov esi, msg_room
	call err_plain
	exit 1

; err_path - xsi = TEXT, xax = -errno: "du: TEXT'PATH': Reason" (pbuf).
; The message is built in obuf (qbuf: empty once flushed), which a long
; one runs past into pbuf: then the path is quoted from a copy (psave)
; and put back after.
err_path:
	push xax
	push xsi
	call flush
	movx A2, ARGV0
	call strlen                     ; A3 (xdx) = its length
	mov ecx, [plen]
	mov byte [pbuf + xcx], 0
	lea eax, [xdx + xcx*8]          ; (the quoted name: 5 bytes a byte)
	pop xsi
	mov edx, pbuf
	cmp eax, OBUFSZ - 64
	jb .short
	inc ecx
	push xsi
	mov esi, edx
	mov edi, psave
	rep movsb
	pop xsi
	pop xax
	mov edx, psave
	call err_af
	mov ecx, [plen]
	mov esi, psave
	mov edi, pbuf
	rep movsb
	ret
.short:
	pop xax
	jmp err_af

; hash_insert - stx's (device, inode) into the set: CF=1 when it was
; there already. The set starts as 16 slots on the variables' page
; (hsmall) and doubles when over 3/4 full: a table of 2^k slots (k > 4)
; lies at htab + 2^k * 16, apart from the smaller ones, and the entries
; move into it from the last one. A small run touches one page, a big
; one about twice its entries' bytes. clobbers xax xcx xdx xsi xdi
hash_insert:
	mov edi, hkey
	mov eax, [stx + STT_INO]
	stosd
	mov eax, [stx + STT_INO + 4]
	stosd
	mov eax, [stx + STT_DEV]
	inc eax                         ; (never 0: 0 marks a free slot)
	stosd
	mov eax, [stx + STT_DEV + 4]
	stosd
	mov esi, hkey
	call hash_find
	jc .ret
	movsd                           ; the key into its slot
	movsd
	movsd
	movsd
	inc dword [hcount]
	mov cl, [hshift]
	or eax, -1
	shr eax, cl                     ; the slots - 1
	lea edx, [xax + xax*2]
	shr edx, 2
	cmp edx, [hcount]
	jae .ret                        ; (CF=0)
	inc eax                         ; twice the slots
	cmp eax, HSLOTS
	jae no_room
	dec byte [hshift]
	xchg eax, ecx                   ; ecx = the old table's slots
	mov edx, ecx
	shl edx, 5
	add edx, htab
	xchg edx, [htbl]               ; edx = the old table
.move:
	mov esi, edx
	cmp dword [xsi + 8], 0
	je .free
	push xcx
	push xdx
	call hash_find                  ; (CF=0: xdi = a free slot)
	movsd
	movsd
	movsd
	movsd
	pop xdx
	pop xcx
.free:
	add edx, 16
	loop .move
	clc
.ret:
	ret

; hash_find - xsi = a key (ino, dev major + 1, dev minor: 4 dwords) ->
; CF=1: xdi = its slot in the set; CF=0: xdi = the free slot for it.
; clobbers xax xcx xdx
hash_find:
	mov eax, [xsi]
	imul eax, eax, 0x9e3779b1
	mov ecx, [xsi + 12]
	imul ecx, ecx, 31
	add eax, ecx
	add eax, [xsi + 8]
	mov ecx, [xsi + 4]
	imul ecx, ecx, 0x85ebca6b
	xor eax, ecx
	mov cl, [hshift]
	shr eax, cl                     ; the top bits: the first slot
	or edx, -1
	shr edx, cl                     ; the mask
.probe:
	mov edi, eax
	shl edi, 4
	add edi, [htbl]
	cmp dword [xdi + 8], 0
	je .ret                         ; (CF=0)
	push xsi
	push xdi
	push 4
	pop xcx
	repe cmpsd
	pop xdi
	pop xsi
	je .found
	inc eax
	and eax, edx
	jmp .probe
.found:
	stc
.ret:
	ret

; put_entry - as put_line, within --threshold (cold: thr_pass)
put_entry:
	cmp byte [thrset], 0
	je put_line
	call thr_pass
	jnc put_line
	ret

; put_line - edx:eax = a size in bytes: "SIZE\tPATH\n" (pbuf, plen; -0:
; a NUL for the newline)
put_line:
	push xbp
	mov [val], eax
	mov [val + 4], edx
	mov ecx, eax
	and ecx, edx
	inc ecx
	jz .cold                        ; (2^64 - 1: "Infinity")
	mov edi, num_end
	mov al, [hopts]
	test al, al
	jnz .human
	cmp dword [obs + 4], 0
	jne .cold
; in units of obs, rounded up
	mov ecx, [obs]
	call div64
	test edx, edx
	jz .digits
	add dword [val], 1
	adc dword [val + 4], 0
.digits:
	mov ecx, 10
	call udigits
	jmp .out
.human:                                 ; -h: gnulib's human_readable, rounded up
	cmp al, H_AUTO | H_SI | H_1024
	jne .cold
	call human64
.out:
	mov esi, edi
	mov ecx, num_end
	sub ecx, esi
	call puts
.tab:
	cmp byte [topt], 0              ; --time: "\tDATE" (cold)
	je .path
	call time_put
.path:
	mov al, 9
	call putc
	mov esi, pbuf
	mov ecx, [plen]
	call puts
	mov al, [eol]
	call putc
	pop xbp
	ret
.cold:                                  ; --si, -B's units (cold)
	call hr_put
	jmp .tab

	BS_ENV

optbits:	db 'ascxlS0I', 0
e_dubs:		db 'DU_BLOCK_SIZE='
e_bs:		db 'BLOCK_SIZE=', 0
e_bsz:		db 'BLOCKSIZE=', 0
e_posix:	db 'POSIXLY_CORRECT=', 0
dot:		db '.', 0
total_word:	db 'total', 0
msg_access:	db 'cannot access ', 0
msg_read:	db 'cannot read directory ', 0
msg_write:	db 'write error', 0
msg_room:	db 'path or directory too big for this du', 0
fmt_depth:	db F_ARGV0, ': invalid maximum depth ', F_QUOTE, 10, F_TRY, 0
fmt_same:	db F_ARGV0, ': warning: summarizing is the same as using --max-depth=0', 10, 0
fmt_both:	db F_ARGV0, ': cannot both summarize and show all entries', 10, F_TRY, 0
fmt_conflict:	db F_ARGV0, ': warning: summarizing conflicts with --max-depth=', F_ARG, 10, F_TRY, 0
OPTSPEC:	db '0abd:chHklmst:xB:DLPSX:', 0
LONGOPTS:                               ; GNU's order (its ambiguity lists)
	db 'a', 'all', 0
	db 'A', 'apparent-size', 0
	db 'Z'|0x80, 'block-size', 0
	db 'b', 'bytes', 0
	db 'l', 'count-links', 0
	db 'L', 'dereference', 0
	db 'D', 'dereference-args', 0
	db 'E'|0x80, 'exclude', 0
	db 'X'|0x80, 'exclude-from', 0
	db 'F'|0x80, 'files0-from', 0
	db 'h', 'human-readable', 0
	db 'I', 'inodes', 0
	db 'i', 'si', 0
	db 'd'|0x80, 'max-depth', 0
	db '0', 'null', 0
	db 'P', 'no-dereference', 0
	db 'x', 'one-file-system', 0
	db 'S', 'separate-dirs', 0
	db 's', 'summarize', 0
	db 'c', 'total', 0
	db 'T'|0x80, 'threshold', 0
	db O_TIME|0x80, 'time', 0       ; (its argument optional: only after '=')
	db 'Y'|0x80, 'time-style', 0
	db '?', 'help', 0
	db '?', 'version', 0
	db 0

; The cold part: the rare options (-B, -t, --exclude, -X, --si, -l's
; cycles, --inodes' warning) in pages of their own that a common run does
; not map (peak RSS).
COLD
; dotdot_check - (cold) xbp = a walk's frame, below an operand, whose
; entries are done, [plen] its path's length: GNU's way back up by ".."
; when its ring is empty: ".." must be the parent's (device, inode), else
; (a directory moved while walked) "du: fts_read failed: PATH: No such
; file or directory", status 1, and the operand's walk ends there (no
; more lines for it; its directories closed; do_operand returns), as
; GNU's du_files for each operand; the total then
; has every entry GNU had counted: not the directories being walked
; (counted before their contents here: each one's size is on the stack
; above its frame, count_entry's). Not with -L: GNU's fts then walks by
; full names, without changing directory (FTS_LOGICAL sets FTS_NOCHDIR).
dotdot_check:
	cmp byte [deref], 2
	jne .check
	ret
.check:
	mov eax, [plen]
	mov byte [pbuf + xax], 0        ; (the path: the message's)
	stat_t [xbp + F_FD], dotdot, 0, STATX_INO, DD_STX
	test eax, eax
	js .fail
%if STT_DEV - STT_INO - 8 > 127
 %error "dotdot_check: the add below"
%endif
	mov xdi, [xbp + F_UP]           ; F_ID: ino, then dev (major, minor)
	add xdi, F_ID
	mov esi, DD_STX + STT_INO
	push 2
	pop xcx
	repe cmpsd
	jne .moved
	add esi, STT_DEV - STT_INO - 8
	mov cl, 2
	repe cmpsd
	je .ret
.moved:
	push -ENOENT
	pop xax
.fail:
	call flush
	mov edx, pbuf
	mov esi, fmt_fts
	call say_error                  ; (STATUS = 1)
.frame:                                 ; each walk's directory closed, its
	sys close, [xbp + F_FD]         ; size out of the total
	mov eax, [xbp + 2*W]
	mov edx, [xbp + 3*W]
	sub [grand], eax
	sbb [grand + 4], edx
	mov xax, [xbp + F_START]        ; (the arena as the operand's walk
	mov [apos], xax                 ; found it)
	lea xsp, [xbp + 6*W]            ; (the stack as do_operand's call
	mov xbp, [xbp + F_UP]           ; left it: below; i386's sys pushes)
	test xbp, xbp
	jnz .frame
	mov [wtop], xbp                 ; (0: no walk; depth: do_operand's)
	mov [ring], ebp                 ; (and the 3 bytes after it: unused)
.ret:
	ret                             ; (to do_operand's caller)
; The stack above an operand's walk frame (xbp): [xbp + W] walk's return
; into count_entry, [xbp + 2*W] and [xbp + 3*W] the directory's own size
; (count_entry's .own), [xbp + 4*W] count_entry's xbp, [xbp + 5*W] its
; return into do_operand, [xbp + 6*W] do_operand's (its `jmp put_entry`:
; nothing pushed around that call).
DD_STX  equ pbuf + PBUFSZ + 8           ; (the records' room: free then)
dotdot:	db '..', 0
fmt_fts:	db F_ARGV0, ': fts_read failed: ', F_FILE, F_REASON, 10, 0

; opt_cold - al = the option ('B' or 'Z' --block-size, 't' or 'T'
; --threshold, 'E' --exclude, 'X' -X/--exclude-from), xdx = its argument.
; keeps xsi, xdi, xbx (getopt's state)
opt_cold:
	cmp al, 'F'                     ; --files0-from=F
	jne .known
	mov [f0name], xdx
	ret
.known:
	cmp al, O_TIME
	je time_opt
	cmp al, 'B'
	je .block
	cmp al, 'Z'
	jne .not_block
.block:
	jmp opt_block
.not_block:
	cmp al, 'E'
	jne .not_excl
	jmp add_pat
.not_excl:
	push xsi
	push xdi
	push xbx
	cmp al, 'X'
	je .xfile
; -t SIZE: xstrtoimax with GNU's suffixes
	push xax
	push xdx
	mov xsi, xdx
	push xbp
	mov ebp, thr_sufs
	mov byte [xsign], 1
	call xstrtonum
	pop xbp
	pop xdx
	pop xcx
	test al, al
	jnz .thr_fail
	mov eax, [val]
	or eax, [val + 4]
	jnz .thr_ok
	cmp byte [xdx], '-'
	je .thr_zero
.thr_ok:
	copyq val, thr
	mov al, [xneg]
	mov [thrneg], al
	mov byte [thrset], 1
.ret:
	pop xbx
	pop xdi
	pop xsi
	ret
.thr_fail:
	cmp cl, 't'
	mov ecx, s_optt
	je .fatal
	mov ecx, s_optthr
.fatal:
	jmp bs_fatal
.thr_zero:
	mov esi, msg_thr0
	call err_plain
	exit 1
; -X FILE ("-": stdin): its lines, less trailing white space, each a
; pattern (blank ones none); an error reported (then the Try line)
.xfile:
	mov xbp, xdx
	open_or_stdin xdx, .xerr		; ("-": 0)
	push xax                        ; the fd
	mov eax, [xtop]
	test eax, eax
	jnz .xstart
	mov eax, xtext
.xstart:
	mov [xtop], eax
	push xax                        ; where this file's bytes start
.xloop:
	mov A2d, [xtop]
	mov A3d, xtext + XTEXTSZ
	sub A3d, A2d
	jz .xbig
	sys read, [xsp + W], A2, A3
	read_result eax, .xloop, .xrerr, .xeof
	add [xtop], eax
	jmp .xloop
.xbig:
	mov esi, msg_xbig
	call err_plain
	exit 1
.xrerr:
	pop xcx
	pop xcx
	push xax
	call .xclose
	pop xax
.xerr:
	mov xdx, xbp
	mov esi, fmt_xfile
	call say
	mov byte [bad], 1
	jmp .ret
.xeof:
	mov edi, [xtop]
	pop xsi                         ; this file's first byte
	mov byte [xdi], 10              ; (a last line without its newline)
	cmp edi, esi
	je .xdone
	inc edi
	mov [xtop], edi
.xdone:
	pop xax
	push xdi
	call .xclose
	pop xdi                         ; the end
.line:
	mov xdx, xsi                    ; a line's start
.xnl:
	cmp esi, edi
	jae .ret
	lodsb
	cmp al, 10
	jne .xnl
	mov xcx, xsi
	dec xcx                         ; its end: trailing white space off
.trim:
	cmp xcx, xdx
	je .line                        ; (blank: no pattern)
	mov al, [xcx - 1]
	cmp al, ' '
	je .ws
	sub al, 9
	cmp al, 5
	jae .pat
.ws:
	dec xcx
	jmp .trim
.pat:
	mov byte [xcx], 0
	call add_pat
	jmp .line
.xclose:                                ; eax = the fd (not stdin's)
	test eax, eax
	jz .xc
	sys close, xax
.xc:
	ret

; add_pat - xdx = a pattern: appended to xpats. clobbers xax
add_pat:
	mov eax, [nexcl]
	cmp eax, XMAX
	jae .many
	mov [xpats + xax*W], xdx
	inc dword [nexcl]
	ret
.many:
	mov esi, msg_xmany
	call err_plain
	exit 1

; env_block - xsi = DU_BLOCK_SIZE's (or BLOCK_SIZE's...) value: GNU's
; human_options, its errors ignored (a 0 block size: the default)
env_block:
	call hblock
	mov eax, [obs]
	or eax, [obs + 4]
	jz default_bs
	ret

; inodes_warn - GNU's warning for --inodes with --apparent-size or -b
inodes_warn:
	mov esi, fmt_inodes
	mov edx, esi                    ; (no ARG)
	xor eax, eax
	jmp say

; thr_pass - edx:eax = a line's size: CF=1 when --threshold hides it (a
; positive N: under N; a negative one: over -N). keeps eax, edx
thr_pass:
	cmp byte [thrneg], 0
	jne .neg
	cmp eax, [thr]
	mov ecx, edx
	sbb ecx, [thr + 4]
	ret
.neg:
	mov ecx, [thr]
	cmp ecx, eax
	mov ecx, [thr + 4]
	sbb ecx, edx
	ret

; hr_put - [val] as gnulib's human_readable(val, hopts, 1, obs), written
; to the output; 2^64 - 1 (a sum that stopped there) as "Infinity", GNU's
hr_put:
	mov eax, [val]
	and eax, [val + 4]
	inc eax
	jz .inf
	push 1
	pop xcx
	mov esi, obs
	call hr                         ; the text from xdi to a NUL
	mov esi, edi
	or ecx, -1
	xor eax, eax
	repne scasb
	not ecx
	dec ecx
	jmp puts
.inf:
	mov esi, s_inf
	push 8
	pop xcx
	jmp puts
s_inf:	db 'Infinity'

; ino_sort - (cold) walk's names at [xbp + F_END] .. [xbp + F_START], in
; getdents order, as gnulib fts_build: in batches of 100000 names (its
; FTS_MAX_READDIR_ENTRIES), a batch of more than 10000 sorted by inode
; number (d_ino; qsort, glibc's merge sort: stable) unless the file system
; is tmpfs, NFS or CIFS (dirent_inode_sort_may_be_useful). The inodes come
; from reading the directory again from its start, each name checked
; against the arena's (anything else, as a change in between: the order
; stays). clobbers: all but xbp
ino_sort:
%ifdef SYS_fstatfs64
	sys fstatfs64, [xbp + F_FD], 84, sbuf
%else
	sys fstatfs, [xbp + F_FD], sbuf
%endif
	test eax, eax
	js .sort                        ; (gnulib: unknown, so sort)
	mov eax, [sbuf]                 ; f_type
	cmp eax, 0x01021994             ; tmpfs
	je .ret
	cmp eax, 0x6969                 ; NFS
	je .ret
	cmp eax, 0xFF534D42             ; CIFS
	je .ret
.sort:
	sys lseek, [xbp + F_FD], 0, SEEK_SET
	test eax, eax
	jnz .ret
	mov xax, [xbp + F_START]
	mov [s_p], eax
	mov [s_top], eax
	and dword [s_n], 0
.read:
	mov eax, [plen]
	lea A2d, [eax + pbuf + 8]
	and A2d, -8
	sys getdents64, [xbp + F_FD], A2, GBUFSZ
	cmp eax, -EINTR
	je .read
	test eax, eax
	jle .end
	movx xsi, A2
	lea edx, [xax + xsi]
.rec:
	cmp esi, edx
	jae .read
	push xdx
	push xsi
	lea edi, [xsi + 19]             ; d_name
	skip_dots xdi, .next
.name:
	push xdi
	xor eax, eax
	or ecx, -1
	repne scasb
	not ecx                         ; its length, NUL included
	pop xdi
	mov eax, [s_p]
	sub eax, ecx
	cmp eax, [xbp + F_END]
	jb .bail
	mov [s_p], eax
	mov esi, eax
	push xcx
	repe cmpsb
	pop xcx
	jne .bail
	mov edi, [s_n]
	shl edi, 4
	add edi, srec
	mov xsi, [xsp]                  ; the record: d_ino, then where its
	movsd                           ; name is and its length
	movsd
	mov eax, [s_p]
	stosd
	xchg eax, ecx
	stosd
	inc dword [s_n]
	cmp dword [s_n], 100000
	jb .next
	call ino_batch
.next:
	pop xsi
	pop xdx
	movzx ecx, word [xsi + 16]      ; d_reclen
	add esi, ecx
	jmp .rec
.bail:
	pop xsi
	pop xdx
	ret
.end:
	mov eax, [s_p]
	cmp eax, [xbp + F_END]
	jne .ret
	call ino_batch
.ret:
	ret

; ino_batch - the [s_n] records at srec, whose names are the arena's from
; [s_top] down to [s_p]: more than 10000 sorted by inode, their names
; rewritten in that order; the next batch starts at [s_p].
ino_batch:
	mov ecx, [s_n]
	cmp ecx, 10000
	jbe .done
	call msort
	mov edi, [s_top]
	sub edi, [s_p]
	mov edx, edi                    ; the batch's bytes
	add edi, stmp
	mov ebx, srec
	mov ecx, [s_n]
.copy:
	push xcx
	mov esi, [xbx + 8]
	mov ecx, [xbx + 12]
	sub edi, ecx
	push xdi
	rep movsb
	pop xdi
	pop xcx
	add ebx, 16
	loop .copy
	mov esi, stmp
	mov edi, [s_p]
	mov ecx, edx
	rep movsb
.done:
	mov eax, [s_p]
	mov [s_top], eax
	and dword [s_n], 0
	ret

; msort - the [s_n] 16-byte records at srec sorted by their first qword
; (unsigned), stable: a bottom-up merge sort through smrg.
msort:
	mov dword [s_w], 16             ; a run's bytes
	mov eax, [s_n]
	shl eax, 4
	mov [s_end], eax
.pass:
	mov eax, [s_w]
	cmp eax, [s_end]
	jae .sorted
	xor eax, eax                    ; a pair of runs' start
	mov edi, smrg
.run:
	cmp eax, [s_end]
	jae .pass_done
	lea esi, [eax + srec]           ; the left run
	add eax, [s_w]
	cmp eax, [s_end]
	jbe .m1
	mov eax, [s_end]
.m1:
	lea edx, [eax + srec]           ; its end, the right run's start
	add eax, [s_w]
	cmp eax, [s_end]
	jbe .m2
	mov eax, [s_end]
.m2:
	push xax
	mov ebx, edx
	add eax, srec
	mov [s_hi], eax                 ; the right run's end
.merge:
	cmp esi, edx
	jae .right
	cmp ebx, [s_hi]
	jae .left
	mov eax, [xbx + 4]
	cmp eax, [xsi + 4]
	ja .left
	jb .right
	mov eax, [xbx]
	cmp eax, [xsi]
	jae .left                       ; (equal: the left one first)
.right:
	cmp ebx, [s_hi]
	jae .merged
	xchg esi, ebx
	movsd
	movsd
	movsd
	movsd
	xchg esi, ebx
	jmp .merge
.left:
	movsd
	movsd
	movsd
	movsd
	jmp .merge
.merged:
	pop xax
	jmp .run
.pass_done:
	mov esi, smrg
	mov edi, srec
	mov ecx, [s_end]
	shr ecx, 2
	rep movsd
	shl dword [s_w], 1
	jmp .pass
.sorted:
	ret

; excluded - pbuf (plen): CF=1 when a pattern matches the path or what
; follows one of its '/' (not followed by another), as gnulib's
; exclude_fnmatch with EXCLUDE_WILDCARDS. keeps all but xax
excluded:
	push_list xsi, xdi, xbx, xcx, xdx
	cmp byte [fposix], 0            ; (once: POSIXLY_CORRECT set? then
	jne .posix_known                ; '^' does not negate a set)
	mov esi, e_posix
	call getenv
	mov al, 1
	adc al, 0
	mov [fposix], al                ; 1 set, 2 not
.posix_known:
	mov ecx, [plen]
	mov byte [pbuf + xcx], 0
	xor ebx, ebx
.pat:
	cmp ebx, [nexcl]
	jae .no                         ; (CF=0)
	mov edx, pbuf
.try:
	mov xsi, [xpats + xbx*W]
	mov [fpat], xsi
	mov edi, edx
	push xbx
	push xdx
	call fnmatch
	pop xdx
	pop xbx
	je .yes
.slash:
	mov al, [xdx]
	inc edx
	test al, al
	jz .next
	cmp al, '/'
	jne .slash
	cmp byte [xdx], '/'             ; (a pattern without wildcards: after
	jne .try                        ; every '/', as gnulib's string
	call has_wild                   ; compare)
	jc .slash
	jmp .try
.next:
	inc ebx
	jmp .pat
.yes:
	stc
.no:
	pop_list xsi, xdi, xbx, xcx, xdx
	ret

; has_wild - [fpat]: CF=1 when it has a wildcard ('*', '?', '[', ']'
; not after a '\'), as gnulib's fnmatch_pattern_has_wildcards. keeps all
has_wild:
	push xsi
	push xax
	mov xsi, [fpat]
.byte:
	lodsb
	test al, al
	jz .ret                         ; (CF=0)
	cmp al, '\'
	jne .wild
	cmp byte [xsi], 0
	je .byte
	inc xsi
	jmp .byte
.wild:
	cmp al, '*'
	je .yes
	cmp al, '?'
	je .yes
	cmp al, '['
	je .yes
	cmp al, ']'
	jne .byte
.yes:
	stc
.ret:
	pop xax
	pop xsi
	ret

%include "rt/fnmatch.inc"                ; fnmatch, ctype


; --time[=WORD], --time-style=STYLE: the latest time of what a line
; counts (du's tmax) after its size, as fprintftime writes it in the
; local zone (rt/localtime.inc).
; time_opt - --time (xdx = 0) or --time=WORD (atime access use, ctime
; status: argmatch's prefixes and messages). keeps xsi xdi xbx
time_opt:
	mov byte [topt], 1
	mov dword [toff], stx + STT_MTIME
	test xdx, xdx
	jz .ret
	push xsi
	push xdi
	push xbx
	mov edi, time_words
	call argmatch
	mov ecx, time_valid
	jc argmatch_fail
	movzx eax, al
	add eax, stx
	mov [toff], eax
	pop xbx
	pop xdi
	pop xsi
.ret:
	ret

%include "rt/argmatch.inc"		; argmatch: xdx = ARG, xdi = the table

; argmatch_fail - ah = 1 ambiguous, else invalid; xdx = ARG, xcx =
; " for 'WHAT'" and the valid list: GNU's message, the Try line, exit 1
argmatch_fail:
	and WPTR [opt_sp], 0            ; (GNU's argmatch_die: the Try line, end)
	mov esi, fmt_arginv
	test ah, ah
	jz .say
	mov esi, fmt_argamb
.say:
	xor eax, eax
	call say
	exit 1

; time_setup - after the options, with --time: the format (--time-style,
; else TIME_STYLE as GNU reads it, else long-iso), checked; the zone.
; clobbers all but xdi, xbp
time_setup:
	push xdi
	mov xsi, [tstyle]
	test xsi, xsi
	jnz .style
	mov esi, e_tstyle
	call getenv
	jc .long_iso
	cmp byte [xsi], '+'
	jne .not_fmt
	mov xdi, xsi                    ; a format: up to a newline
.nl:
	mov al, [xdi]
	test al, al
	jz .style
	cmp al, 10
	je .cut
	inc xdi
	jmp .nl
.cut:
	mov byte [xdi], 0
	jmp .style
.not_fmt:
	mov edi, s_locale
	mov xbx, xsi
.loc:
	lodsb
	scasb
	jne .posix
	test al, al
	jnz .loc
.long_iso:
	mov esi, fmt_long_iso
	jmp .format
.posix:                                 ; "posix-" prefixes off
	mov xsi, xbx
	mov edi, s_posix
	push 6
	pop xcx
	repe cmpsb
	mov xsi, xbx
	jne .style
	add xbx, 6
	jmp .posix
.style:
	cmp byte [xsi], '+'
	jne .named
	inc xsi
	jmp .format
.named:
	mov xdx, xsi
	mov edi, style_words
	call argmatch
	mov ecx, style_valid
	jc argmatch_fail
	movzx esi, al
	add esi, fmt_full_iso - 1
.format:
	mov [tfmt], xsi
; the directives this du writes: no flags, widths (but %1N..%9N),
; E or O modifiers
.check:
	lodsb
	test al, al
	jz .checked
	cmp al, '%'
	jne .check
	lodsb
	test al, al
	jz .checked
	cmp al, '1'
	jb .flag
	cmp al, '9'
	ja .flag
	lodsb
	cmp al, 'N'
	jne .refuse
	jmp .check
.flag:
	mov edi, t_refused
	push t_refused_end - t_refused
	pop xcx
	repne scasb
	jne .check
.refuse:
	mov xdx, [tfmt]
	mov esi, fmt_tref
	xor eax, eax
	call say
	exit 1
.checked:                               ; (the total's latest: 1970 at least,
	mov xsi, [envp]                 ; as GNU's zeroed tot_dui)
	mov edi, tzbuf
	call tz_load
	pop xdi
	ret

; time_own - stx's time (--time's kind): the entry's latest so far (rt),
; its level's slot (tlev[depth]'s first) and the total's (gt). keeps all
time_own:
	pushW_all
	mov esi, [toff]
	mov edi, rt
	movsd
	movsd
	movsd
	mov edi, [depth]
	imul edi, edi, 24
	add edi, tlev
	mov esi, rt
	movsd
	movsd
	movsd
	mov esi, rt
	mov edi, gt
	call tmax
	popW_all
	ret

; time_dir - a directory walked: its latest, with its contents' (rt =
; the later of tlev[depth]'s own and tlev[depth + 1]'s latest). keeps all
time_dir:
	pushW_all
	mov esi, [depth]
	imul esi, esi, 24
	add esi, tlev
	mov edi, rt
	movsd
	movsd
	movsd
	add esi, 24
	mov edi, rt
	call tmax
	popW_all
; time_first - an entry done: if it is the walk's first, levels 1 to
; depth's latest 1970 (GNU's dulvl, calloc'd at the first entry fts gives
; after its directories' preorder visits, is zeroed there, not "none":
; the first path's directories show 1970 at least). keeps all
time_first:
	cmp byte [tdone], 0
	jne .ret
	push xax
	push xcx
	push xdi
	inc byte [tdone]
	mov ecx, [depth]
	mov edi, tlev + 24 + 12
	xor eax, eax
	jecxz .done
.level:
	stosd
	stosd
	stosd
	add edi, 12
	loop .level
.done:
	pop xdi
	pop xcx
	pop xax
.ret:
	ret

; time_init - the walk's level (depth): its latest none yet. keeps all
time_init:
	pushW_all
	mov edi, [depth]
	imul edi, edi, 24
	add edi, tlev + 12
	mov esi, tmin
	movsd
	movsd
	movsd
	popW_all
	ret

; time_acc - an entry counted in its directory's line: tlev[depth]'s
; latest the later of it and rt. keeps all
time_acc:
	pushW_all
	mov edi, [depth]
	imul edi, edi, 24
	add edi, tlev + 12
	mov esi, rt
	call tmax
	popW_all
	ret

; time_total - the total's line: rt = gt. keeps all
time_total:
	pushW_all
	mov esi, gt
	mov edi, rt
	movsd
	movsd
	movsd
	popW_all
	ret

; tmax - xsi, xdi = times (seconds: 64 bits signed, nanoseconds): the one
; at xdi the later of both. clobbers xax xcx xsi xdi
tmax:
	mov eax, [xsi + 4]
	cmp eax, [xdi + 4]
	jg .copy
	jl .ret
	mov eax, [xsi]
	cmp eax, [xdi]
	ja .copy
	jb .ret
	mov eax, [xsi + 8]
	cmp eax, [xdi + 8]
	jbe .ret
.copy:
	movsd
	movsd
	movsd
.ret:
	ret

; time_put - "\t" and rt as the format says, in the local zone. keeps all
time_put:
	pushW_all
	mov al, 9
	call putc
	call tconv
	mov xsi, [tfmt]
	call tput
	popW_all
	ret

%include "rt/strftime.inc"               ; tconv, sdiv, tput, nth_name, putnum

time_words:	db STT_ATIME, 'atime', 0, STT_ATIME, 'access', 0, STT_ATIME, 'use', 0
		db STT_CTIME, 'ctime', 0, STT_CTIME, 'status', 0, 0
style_words:	db 1, 'full-iso', 0
		db fmt_long_iso - fmt_full_iso + 1, 'long-iso', 0
		db fmt_iso - fmt_full_iso + 1, 'iso', 0, 0
fmt_full_iso:	db '%Y-%m-%d %H:%M:%S.%N %z', 0
fmt_long_iso:	db '%Y-%m-%d %H:%M', 0
fmt_iso:	db '%Y-%m-%d', 0
e_tstyle:	db 'TIME_STYLE=', 0
s_locale:	db 'locale', 0
s_posix:	db 'posix-'
t_refused:	db '_-0^#+EO'
t_refused_end:
%define STRFTIME_DATA
%include "rt/strftime.inc"               ; tnums .. month_names
tmin:	dd 0, 0x80000000, 0             ; the earliest time: none yet
fmt_arginv:	db F_ARGV0, ': invalid argument ', F_QUOTE, F_TEXT, F_TRY, 0
fmt_argamb:	db F_ARGV0, ': ambiguous argument ', F_QUOTE, F_TEXT, F_TRY, 0
time_valid:	db " for '--time'", 10, 'Valid arguments are:', 10
		db "  - 'atime', 'access', 'use'", 10, "  - 'ctime', 'status'", 10, 0
style_valid:	db " for 'time style'", 10, 'Valid arguments are:', 10
		db "  - 'full-iso'", 10, "  - 'long-iso'", 10, "  - 'iso'", 10, 0
fmt_tref:	db F_ARGV0, ': the time format ', F_QUOTE, ' has a directive this du does not support (flags, widths, E, O)', 10, 0
%include "rt/localtime.inc"             ; (tz_load, tz_offset, tz_days)


	BS_HR
	BS_PARSE
	BS_POWERS
	BS_FMTS
class_names:	db 'alnum:alpha:blank:cntrl:digit:graph:lower:print:punct:space:upper:xdigit:', 0
thr_sufs:	db 'kKmMGTPEZY0', 0
s_optt:		db '-t', 0
s_optthr:	db '--threshold', 0
msg_thr0:	db "invalid --threshold argument '-0'", 0
msg_xbig:	db 'too many exclude patterns (bytes) for this du', 0
msg_xmany:	db 'too many exclude patterns for this du', 0
fmt_xfile:	db F_ARGV0, ': ', F_FILE, F_REASON, 10, 0
fmt_inodes:	db F_ARGV0, ': warning: options --apparent-size and -b are ineffective with --inodes', 10, 0

; the rarest: a walk's operands read from a file, -d's other grammar,
; an empty operand

; empty_operand - du '': GNU's "du: invalid zero-length file name"
empty_operand:
	call flush
	xor eax, eax
	mov edx, fmt_f0empty + 8        ; (its text, newline included)
	mov esi, fmt_arg
	jmp say_error
fmt_arg:	db F_ARGV0, ': ', F_ARG, 0

; depth_arg - xdx = -d's N, not plain decimal: xax = its value as GNU's
; xstrtoumax (N, NULL, 0, ...) reads it (blanks, '+', 0x hex, 0 octal, no
; suffix), CF=1 when invalid or past SIZE_MAX. keeps xdx, xbx, xdi
; (getopt's); clobbers xcx xsi
depth_arg:
	push_list xbx, xdx, xdi, xbp
	mov xsi, xdx
	mov ebp, no_sfx
	mov byte [xsign], 0
	call xstrtonum
	pop_list xbx, xdx, xdi, xbp
%if W == 4
	mov ecx, [val + 4]              ; (past SIZE_MAX: a high part)
	jecxz .fits
	mov al, 1
.fits:
%endif
	cmp al, 1
	cmc                             ; (CF=1: al not 0)
	mov xax, [val]
	ret
no_sfx:	db 0

; files0 - --files0-from=F ("-": stdin): the NUL-separated names of F
; one after another as operands (no FILE operand allowed; every
; (device, inode) hashed), GNU's messages for an empty name (with F and
; its number), a "-" read from stdin, F not opened or not read; then
; _start's end (-c's total). Its bytes are read whole first (F0SZ at
; most: more fail with a message).
files0:
	cmp xdi, xsp
	je .alone
	mov xdx, [xsp]                  ; "extra operand", the first
	mov esi, fmt_f0extra
	xor eax, eax
	call say
	exit 1
.alone:
	mov byte [hash_all], 1
	mov xsi, [f0name]
	open_or_stdin xsi, .open_fail		; ("-": 0)
	mov ebp, eax
	mov edi, f0buf
	read_fill f0buf + F0SZ, .big
	jz .eof
	js .rerr
	add edi, eax
	jmp .read
.big:
	mov esi, msg_f0big
	call err_plain
	exit 1
.rerr:
	mov [f0err], eax                ; (told after the names read)
.eof:
	mov [f0end], edi
	mov byte [xdi], 0               ; (a last name without its NUL)
	mov dword [f0pos], f0buf
	test ebp, ebp
	jz .name
	sys close, xbp
.name:
	mov esi, [f0pos]
	cmp esi, [f0end]
	jae .done
	inc dword [f0n]
	mov edi, esi
	xor eax, eax
	or ecx, -1
	repne scasb
	mov [f0pos], edi
	cmp byte [xsi], 0
	je .empty
	mov xdx, [f0name]
	cmp word [xdx], '-'
	jne .operand
	cmp word [xsi], '-'
	je .dash
.operand:
	call do_operand
	jmp .name
.empty:                                 ; "du: F:N: invalid zero-length file name"
	call flush
	mov eax, [f0n]
	mov edi, tnum_end - 1           ; (its NUL the buffer's last byte)
	mov byte [xdi], 0
	call utoa
	mov xcx, xdi
	mov xdx, [f0name]
	mov esi, fmt_f0empty
	jmp .say
.dash:
	call flush
	mov esi, fmt_f0dash
	mov edx, esi
.say:
	xor eax, eax
	call say
	mov STATUSb, 1
	jmp .name
.done:
	mov eax, [f0err]
	test eax, eax
	jz .end
	call flush
	mov xdx, [f0name]
	mov esi, fmt_f0read
	call say
	mov STATUSb, 1
.end:
	jmp _start.end
.open_fail:                             ; "du: cannot open 'F' for reading: R"
	push xax
	mov esi, msg_f0open
	mov xdx, [f0name]
	call af_start
	mov esi, msg_f0for
	call af_put
	pop xax
	call err_tail
	exit 1

fmt_f0extra:	db F_ARGV0, ': extra operand ', F_QUOTE, 10, 'file operands cannot be combined with --files0-from', 10, F_TRY, 0
fmt_f0empty:	db F_ARGV0, ': ', F_FILE, ':', F_TEXT, ': invalid zero-length file name', 10, 0
fmt_f0dash:	db F_ARGV0, ": when reading file names from stdin, no file name of '-' allowed", 10, 0
fmt_f0read:	db F_ARGV0, ': ', F_FILE, ': read error', F_REASON, 10, 0
msg_f0open:	db 'cannot open ', 0
msg_f0for:	db ' for reading', 0
msg_f0big:	db 'file list too big for this du', 0

; cold_drop - walk's start, [depth] levels below an operand (KEEP or
; more): the parent's directory fd closed (marked -1), so a walk holds
; about KEEP descriptors however deep it goes (GNU's fts keeps a ring of
; four); cold_reopen opens it again by ".." on the way up. Not with -L
; (".." of a directory reached through a symbolic link is not the
; parent it came from: every fd kept, one a level).
cold_drop:
	cmp byte [deref], 2
	je walk.dropped
	mov xdx, [xbp + F_UP]
	push WPTR [xdx + F_FD]
	or WPTR [xdx + F_FD], -1
	pop xax
	sys close, xax
	jmp walk.dropped

; fd_free - the process is out of descriptors (EMFILE, a small
; `ulimit -n`): the outermost directory being walked that still has one
; (not the innermost, wtop's, whose entries are opened from it) closes it,
; marked -1, so that the way up opens it again by ".." (cold_reopen), as
; cold_drop does deep down: GNU's fts goes on with a few descriptors.
; CF=1 when there is none to close (or -L: ".." is not where a link led).
; eax = -EMFILE then. keeps A1, xsi
fd_free:
	cmp byte [deref], 2
	je .none
	mov xdx, [wtop]
	xor ecx, ecx                    ; the outermost with one (0: none)
.up:
	mov xdx, [xdx + F_UP]
	test xdx, xdx
	jz .found
	cmp WPTR [xdx + F_FD], -1
	je .up
	mov xcx, xdx
	jmp .up
.found:
	jxcxz .none
	push A1
	push WPTR [xcx + F_FD]
	or WPTR [xcx + F_FD], -1
	pop A1
	sys close
	pop A1
	clc
	ret
.none:
	push -EMFILE
	pop xax
	stc
	ret

; cold_reopen - walk's way up, the parent's fd closed by cold_drop or
; fd_free: ".." checked by dotdot_check whatever the ring holds (a
; directory moved meanwhile: GNU's "fts_read failed", the operand's walk
; ends), then opened again (O_PATH: only *at calls use it; out of
; descriptors, another ancestor's closed first: fd_free); its failure is
; dotdot_check's too.
cold_reopen:
	sub byte [ring], 1              ; (the ring's count as on any way up)
	jnc .check
	mov byte [ring], 0
.check:
	call dotdot_check               ; (the path's NUL put there)
.open:
	sys openat, [xbp + F_FD], dotdot, O_PATH | O_DIRECTORY | O_LARGEFILE
	cmp eax, -EMFILE
	jne .opened
	call fd_free
	jnc .open
.opened:
	mov xdx, [xbp + F_UP]
	mov [xdx + F_FD], xax
	test eax, eax
	jns walk.up
	jmp dotdot_check.fail
TEXT

BSS
; One page holds the top of the arena (the first names of a walk: 384
; bytes), the variables, obuf and the start of pbuf (a path, then the
; directory records read).
	BSS_ROOM 384 + 3584
	resb (384 - _BSS_PAGEOFF) * (_BSS_PAGEOFF < 384)
arena:	resb ARENASZ
arena_top:
	GLOBALS_HERE
opos:	resW 1
wfail:	resd 1                          ; (putc_buf: a failed write's -errno)
sflags:	resW 1
apos:	resW 1
val:	resd 2
grand:	resd 2
rootdev:	resd 2
obs:	resd 2                          ; the output block size
envp:	resW 1
oflags:	resd 1
nexcl:	resd 1                          ; --exclude and -X patterns
maxd:	resW 1                          ; -d's N (SIZE_MAX: none)
flags:	resd 1
depth:	resd 1
ring:	resb 4                          ; (walk: fts' ring of descriptors, its count)
plen:	resd 1
hcount:	resd 1
htbl:	resd 1                          ; the set's table
hkey:	resd 4                          ; (hash_insert's key)
hshift:	resb 1                          ; 32 - log2(its slots)
vsys_left: resb 1                       ; (i386: stat_entry's count to the vDSO)
%define LONGOPT_BSS_HERE                ; long_opt's, here: ambp is written
ambp:	resd 1                          ; by a long option, and ambbuf
ambbuf:	resb 512                        ; by a prefix (under 256 bytes
hsmall	equ ambbuf + 256                ; for a run that goes on: 11 names
                                        ; of 20; then the set's first
                                        ; 16 slots, here: hash_insert)
apparent:	resb 1
hopts:	resb 1                          ; human_readable's options
hset:	resb 1                          ; a block size option given
deref:	resb 1                          ; 0 -P, 1 -D/-H, 2 -L
eol:	resb 1                          ; 10, or -0's 0
thrset:	resb 1                          ; -t given
bad:	resb 1                          ; a bad option, -X failed: the Try line
opt_sp:	resW 1                          ; xsp in the options' loop (opt_bad)
go_on:	resW 3                          ; getopt_go_on's xsi, xdi, xbx
hash_all:	resb 1
wtop:	resW 1                          ; the innermost walk's frame
dset:	resb 1
; the rare options' (cold code's) variables
topt:	resb 1                          ; --time given
tdone:	resb 1                          ; --time: an entry done
tstyle:	resW 1                          ; --time-style's STYLE
tfmt:	resW 1                          ; the time format
toff:	resd 1                          ; stx + the time's offset
rt:	resd 3                          ; a line's latest time (s, ns)
gt:	resd 3                          ; the total's
%include "rt/strftime_vars.inc"        ; tf .. tf_g, tnum .. tnum_end
	TZ_VARS
	bs_hr_vars                      ; (blocksize.inc's hr and parser)
thr:	resd 2                          ; -t's magnitude
ovf:	resb 1
xsign:	resb 1
xneg:	resb 1
xalone:	resb 1
thrneg:	resb 1                          ; -t's sign
xtop:	resd 1                          ; -X's next byte in xtext
fpat:	resW 1                          ; (fnmatch: the pattern)
fposix:	resb 1
f0name:	resW 1                          ; --files0-from's F
f0pos:	resd 1                          ; its next name
f0end:	resd 1
f0n:	resd 1                          ; (the names' number)
f0err:	resd 1                          ; (-errno: F's read failed)                          ; (POSIXLY_CORRECT: 0 not known yet)
num:	resb 40
num_end:
	resb 8                          ; (hr: a suffix after num_end)
stx:	resb STT_RECORD                 ; sys.inc's stat_t
obuf:	resb OBUFSZ
QBUFSZ	equ 6 * PBUFSZ + 4096              ; (quoteaf: up to 5 bytes a byte,
                                        ; 'n'$'\001' for each two)
qbuf	equ obuf                        ; (err_path: a long message runs on
pbuf:	resb PBUFSZ + 8 + GBUFSZ         ; into pbuf; the directory records
	resb QBUFSZ - OBUFSZ - PBUFSZ - 8 - GBUFSZ ; after the path)
psave:	resb PBUFSZ                     ; (err_path's copy of a long path)
htab:	resb 2 * 16 * HSLOTS                ; (a table of 2^k slots at htab + 2^k * 16)
; the rare options' big buffers (each touched only when used)
xpats:	resW XMAX                       ; the patterns
xtext:	resb XTEXTSZ + 1                ; -X files' lines
tlev:	resb 24 * (PBUFSZ / 2 + 2)      ; --time: each level's entry's own
                                        ; time, then the level's latest
tzbuf:	resb TZBUFSZ
f0buf:	resb F0SZ + 1                   ; --files0-from's names
; ino_sort's (a directory of more than 10000 names)
s_p:	resd 1
s_top:	resd 1
s_n:	resd 1
s_w:	resd 1
s_end:	resd 1
s_hi:	resd 1
sbuf:	resb 128                        ; fstatfs's
srec:	resb 16 * 100000                ; ino, name, length
smrg:	resb 16 * 100000
stmp:	resb 256 * 100000               ; a batch's names, sorted

program_end
