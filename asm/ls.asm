; ls - list directory contents.
;
; Usage: ls [-1aAdrUpFiLHqCxlngotSucRhksNBmGXfvbQ] [-w COLS] [-T COLS] [-I PATTERN]
;           [--color[=WHEN]] [LONG]... [FILE]...
;   -N  --literal: names as they are (what this ls does anyway)
;   -B  --ignore-backups: no directory entries ending in '~' (with -a too)
; Long options (long_ls: glibc getopt_long's unambiguous prefixes, its
; "ambiguous"/"unrecognized"/"requires an argument"/"doesn't allow an
; argument" messages, exit 2), each the short option GNU makes it:
;   --all -a  --almost-all -A  --directory -d  --inode -i
;   --human-readable -h  --kibibytes -k  --numeric-uid-gid -n  --reverse -r
;   --size -s  --recursive -R  --dereference -L  --dereference-command-line
;   -H  --hide-control-chars -q  --literal -N
;   --dereference-command-line-symlink-to-dir (GNU's default without -l,
;   -d, -F, -H, -L; also with them)
;   --classify[=WHEN] -F (always/yes/force, or no WHEN; auto/tty/if-tty
;   on a terminal; never/no/none leave -F as it was, GNU 9.1)
;   --indicator-style=none|slash|classify  --sort=none|time|size (-U -t -S)
;   --time=atime|access|use|ctime|status|birth|creation (-u -c; birth: below)
;   --format=verbose|long|horizontal|across|vertical|single-column (-l -x
;   -C; single-column undoes -l, as GNU)
;   WORDs as gnulib's argmatch (prefixes of one meaning), else its "invalid
;   argument"/"ambiguous argument" with the valid ones, exit 1.
;   --full-time (-l with full-iso), --time-style=STYLE, else TIME_STYLE
;   (-l only, as GNU; .tsec): full-iso long-iso iso locale (argmatch's
;   prefixes and messages with GNU's list, exit 2), "posix-..." (the
;   locale style: the C locale), +FORMAT or +FORMAT1<newline>FORMAT2 (old
;   times', recent times'; a second newline: "invalid time style format",
;   exit 2), written by rt/strftime.inc (du's fprintftime: all of GNU's
;   directives but flags, widths other than %1N-%9N, E and O modifiers,
;   which fail with "ls: the time format 'F' has a directive this ls does
;   not support (...)", exit 2; %:z %::z %:::z; %Z the zone's abbreviation
;   as glibc's tm_zone, rt/localtime.inc's tz_abbr: with %Z, or %z in a
;   zone naming offset 0 "-00", tdate looks at the zone again, which
;   zone_offsets reads at the break, as a right/ zone's); a date past GNU's 1000-byte
;   buffer as its seconds, a failed entry's '?' in the epoch's width
;   (mbsnwidth's: control bytes have none).
;   --group-directories-first: after the sort, directories (d_type's, a
;   symlink's or an unknown type's target by statx: GNU's
;   is_linked_directory) before the rest, each group in its order (-r
;   reverses within them); nothing with -U; symlinks' targets looked at
;   as GNU's check_symlink_mode (-lp's "-> DIR/", colors); as GNU's
;   format_needs_type, each symlink lstat'ed (with -L stat'ed) and each
;   entry of an unknown type stat'ed: a failure is "cannot access".
;   -w COLS, --width=COLS: the line width (GNU's decode_line_length: base
;   0 as xstrtoumax, 0 or past 2^63 - 1 no limit: -C/-x as GNU's
;   print_with_separator, every name on one line with two spaces); a bad
;   one "invalid line width: 'COLS'", exit 2. -T COLS, --tabsize=COLS:
;   tab stops (0: none; colors: none), a bad one "invalid tab size:
;   'COLS'" (": Value too large..." past 2^63 - 1), exit 2. Long forms
;   are rewritten in place as "-wCOLS" so that the command line's order
;   holds (an empty "--width=" fails at once).
;   -I PATTERN, --ignore=PATTERN: directory entries matching it not
;   listed (even with -a); --hide=PATTERN: the same without -a/-A (GNU's
;   file_ignored); glibc's fnmatch with FNM_PERIOD (rt/fnmatch.inc,
;   du's: '*' '?' [...] with '!', '^' unless POSIXLY_CORRECT, classes,
;   '\'); up to 4096 of each, more: "more than 4096 -I or --hide
;   patterns are not supported by this ls", exit 2. Operands are never
;   ignored (GNU).
;   -m, --format=commas: GNU's print_with_separator (','): ", " between
;   names, a new line before one that would reach the line width (-w,
;   terminal, COLUMNS; 0: one line), -i's and -s's numbers unpadded.
;   --file-type, --indicator-style=file-type: -F's indicators but '*'
;   (no stat of regular files; -l looks at a symlink's target as GNU).
;   -G, --no-group: -l without the group column (-o's, not implying -l).
;   --author: -l's owner again after the group (Linux's author), even
;   with -g; '?' for an entry whose statx failed.
;   -X, --sort=extension: by the bytes from each name's last '.' ("" for
;   none; an operand's whole path), then by name (GNU's cmp_extension);
;   --sort=width: by each name's width (its bytes; without -q the
;   printable ones), then by name (cmp_width); -r reverses both whole;
;   the last of -U -t -S -X --sort wins (-u/-c do not change it); done
;   after the name sort by xsort in .zsec (a -X run maps that page: 16
;   KiB, -l 20); GNU stats nothing more for them.
;   -f: -a -U, -l/-n/-g/-o's format back to the default (their flags
;   kept), no -s, no colors (a --color after -f still counts: found by
;   the "-\x0e" word _start.cs leaves of it; a genuine -\x0e followed in memory
;   by an operand starting "ol" would be taken for one).
;   -v, --sort=version: gnulib's filevercmp (GNU 9.1): "", ".", "..",
;   dot names first; each name's suffixes (\.[A-Za-z~][A-Za-z0-9~]*)*$
;   cut, then verrevcmp (digit runs by value, '~' before all, letters
;   before other bytes), again whole when equal, ties by strcmp; -r
;   reverses whole; the last sort option wins; xsort with vcmp in .vsec
;   (rt/filevercmp.inc, sort -V's too, included there; a -v run 20 KiB).
;   --zero (GNU 9.1): each line (-1's, -l's, "total", -C/-x's rows, -m's)
;   ends in NUL; "DIR:" headers and the blank lines between listings keep
;   '\n'; -q off even on a terminal, one name a line unless -l, no colors
;   (each in the options' order: a later -q, -C, --color counts).
;   --time=birth|creation: statx's btime (requested with every statx):
;   shown by -l, sorted by with -t or without -l; a file without one (the
;   kernel's stx_mask) is the oldest, '?' in -l's date column (GNU 9.1's
;   -1.-1); .vsec (vopt, vqdate).
;   --block-size=SIZE, --si: GNU's block sizes (rt/blocksize.inc, du's
;   and df's: gnulib's human_options: a number with xstrtoumax's suffixes,
;   human-readable, si, a leading quote; human_readable with
;   human_ceiling) for -s's blocks and "total" and -l's sizes; the last of
;   -h, --si, --block-size wins; a bad SIZE: xstrtol_fatal's "invalid
;   --block-size argument 'S'", "invalid suffix in ...", "... too large",
;   exit 2. Without them (-l, -s): LS_BLOCK_SIZE, else BLOCK_SIZE, else
;   BLOCKSIZE (set, even empty) for the blocks, the first two for the
;   sizes too, else 1024-byte blocks (512 with POSIXLY_CORRECT); -k: the
;   blocks in KiB. O_HUM 2 sends size_str to gsize (.vsec); the core
;   only looks for a variable starting "LS_B", "BLOC" or "POSI".
;   --show-control-chars: -q off, even on a terminal (in the options'
;   order, as GNU's; .vsec).
;   -b --escape, -Q --quote-name, --quoting-style=literal|c|escape|
;   locale|clocale|shell|shell-always|shell-escape|shell-escape-always|
;   c-maybe (argmatch's prefixes
;   and messages, GNU's list), and
;   QUOTING_STYLE when none of them (nor -N, --literal, --zero: the
;   literal style) is given (GNU's ARGMATCH; an invalid value: GNU's
;   "ignoring invalid value of environment variable QUOTING_STYLE:
;   'V'"): names, -l's link targets and "DIR:" headers (':' quoted too)
;   through rt/quotearg.inc (gnulib's quotearg_buffer_restyled) with
;   GNU's quote_these_too (' ' for escape, -F's "=>@|", --file-type's
;   "*=>@|"), the widths (columns, -m, --sort=width) the quoted lengths;
;   -q changes nothing in these styles (GNU) but shell and shell-always:
;   '?' for the unprintable bytes of the output (without -q they have no
;   width);
;   in .qsec, a seventh part.
;   shell, shell-escape, c-maybe with -l or -C/-x and a line length: GNU's
;   align_variable_outer_quotes (a space before each name quoting leaves
;   as it is when some name of the listing is quoted: the operands all
;   count, as GNU's gobble_file; in the widths and --sort=width too).
;   A terminal's default, shell-escape: see qsafe. The other long
;   options (--context --dired --hyperlink --help --version): GNU's
;   "unrecognized option '--NAME'", exit 2. Long options are read before
;   the short ones: a bad one is reported first.
;   -1  one name a line (the default when stdout is not a terminal)
;   -C  columns, down then across (the default on a terminal)
;   -x  columns, across then down
;   -a  all names, . and .. too      -A  all names but . and ..
;   -d  directories as themselves    -r  reverse the order
;   -U  directory order, no sorting  -i  inode numbers (padded like GNU;
;       a statx of each entry, as GNU: readdir's may be a mount point's)
;   -p  '/' after directories        -F  '/' '@' '|' '=' '*' indicators
;   -L  follow every symlink         -H  follow symlinks on the command line
;   -q  unprintable bytes as '?' in names and "DIR:" headers (the
;       default on a terminal)
;   -l  long lines: mode (setuid/setgid/sticky letters; then GNU's mark:
;       '+' a POSIX ACL, '.' an SELinux context, in a column every line of
;       the listing has when one entry has a mark), links, owner and
;       group names from /etc/passwd and /etc/group (numbers when absent),
;       size or "major, minor", the mtime in local time (rt/localtime.inc:
;       TZ, or /etc/localtime) as "Mon DD HH:MM" (within six months
;       before now, GNU's test on the times) or "Mon DD  YYYY", name,
;       "-> target" (with -F/-p the target's indicator); widths over the
;       listing as GNU;
;       "total" in 1 KiB blocks for a directory. -1 does not undo -l (GNU)
;   -n  -l with numbers   -g  -l without the owner   -o  -l without the group
;   -t  newest first (ties by name; seconds from 1698 to 2242 apart, the
;       earlier and later ones as those ends)   -S  biggest first (ties by name)
;   -u  access time (-l shows it; sorts by it without -l or with -t)
;   -c  change time (the same way)
; The last of -U/-t/-S, of -u/-c wins.
;   -h  -l's sizes and total as GNU's -h (1024s, rounded up: 1.1K, 10K)
;   -k  1 KiB blocks (already the unit of total and -s; -h still wins)
;   -s  each name's blocks (st_blocks in 1 KiB units rounded up, or -h's
;       sizes) right-aligned over the listing (the file operands' width
;       counts the directory operands too), before the name (after -i's
;       inode) in every format, and "total" for each directory
;   --color[=WHEN]: always/yes/force (or no WHEN), auto/tty/if-tty (colors
;       when stdout is a terminal), never/no/none; the last one wins;
;       argmatch's unambiguous prefixes and its messages (exit 1).
;       LS_COLORS set and not empty is parsed as GNU 9.1's parse_ls_color:
;       the 24 indicators lc rc ec rs no fi di ln pi so bd cd mi or ex do
;       su sg st ow tw ca mh cl, "*SUFFIX=" entries (matched in any ASCII
;       case, the last one given that ends the name wins, regular files
;       only), escapes in values and suffixes (\a \b \e \f \n \r \t \v
;       \? \_ \NNN \xHH ^X, \C for any other C), empty values, ln=target;
;       a bad string gets GNU's "unrecognized prefix: 'XX'" and/or
;       "unparsable value for LS_COLORS environment variable" and no
;       colors (status 0). Else GNU's built-in table, used only when
;       COLORTERM is set or TERM matches one of dircolors' terminal
;       patterns. As GNU's print_color_indicator: ec (or lc rs rc) before
;       the first color, lc no rc before each entry when no is colored,
;       each name as lc COLOR rc NAME then ec (or lc rs rc) and cl when the
;       name may wrap (counted from the entry's column, or in -l from the
;       size column), a last lc rc when they are not "\e[" and "m";
;       indicators uncolored, no tabs between columns. Symlinks: the target
;       is looked at (stat) when GNU does: -l with -F, or or colored, mi
;       colored with -l, ln=target with ex colored; a dangling one is or
;       (or as ln when or is not colored), -l colors its target as mi/or
;       or by the target's mode and name. mh (more than one link) only
;       where GNU stats regular files (-l, -s, -F, -t, -S, operands, or
;       ex/su/sg/ca colored); ca never applies (GNU 9.1 here is built
;       without libcap). The colors' code is in .xsec (see Memory)
;   -R  each directory's subdirectories after it, depth first, as DIR/NAME
;       (not through symlinks but with -L; a subdirectory that cannot be
;       opened: 1); an entry d_type does not tell (DT_UNKNOWN), or a
;       symlink with -L, gets a statx as GNU's (format_needs_type); -RL
;       lists no directory twice on one path (GNU's LOOP_DETECT: "DIR: not
;       listing already-listed directory", exit 2)
; An entry whose statx fails (in a directory without search permission,
; gone since getdents64, a dangling symlink or a loop with -L) when GNU's
; gobble_file stats it (-l -s -i -t -S -u -c always; -F a regular file;
; -p/-F/-R/colors/--group-directories-first an unknown type and -L's
; symlinks; every symlink with --group-directories-first (lstat); colors
; by ex su sg ca tw ow st or ln=target): "cannot access 'DIR/NAME':
; REASON" (quoted as GNU's quoteaf, by quotearg in .qsec) for each,
; in the directory's order before its listing, exit 1; the entry listed
; with its type from d_type: -i and -s '?', -l "-?????????" (the type's
; letter) and '?' for links, owners (left-aligned, -n too), size and date
; in the other entries' widths (the date's 12), its color by d_type,
; -F/-p's indicator by d_type ('/', '@', '|', '=', no '*'; none in -l on a
; symlink, nor " -> target"), sorted as time 0 and size 0, not in the
; total. An operand symlink whose stat fails other than ENOENT (a loop,
; EACCES): "cannot access", exit 2 (GNU lstats after ENOENT only).
; A symlink whose readlink fails where GNU's gobble_file reads it (-l,
; and GNU's check_symlink_mode: --group-directories-first, or colored, mi
; with -l, ex with ln=target): "cannot read symbolic link 'DIR/NAME':
; REASON" among those messages (link_fail, report_one), status 1, an
; operand's 2 (told after the operands' "cannot access"); -l's line
; without " -> target" (its target read at gobble time and kept, a
; readlink each). A directory whose getdents64 fails: "reading directory
; 'D': REASON" after its header and its entries' messages (-1 -U: after
; their lines), status 2 for an operand, 1 below it (-R); what was read
; is listed.
; The last of -1/-C/-x, -a/-A, -p/-F, -L/-H wins, as GNU. Names sort in
; byte order (LC_ALL=C). Files first, then each directory, with "DIR:"
; headers when there is more than one operand. Width (-C, -x, colors)
; from -w, else a terminal's TIOCGWINSZ, else COLUMNS (as -w's; an
; invalid one: GNU's warning "ignoring invalid width in environment
; variable COLUMNS: 'V'"), else 80; tab stops (-C, -x) from -T, else
; TABSIZE (an invalid one warned about as GNU; up to 2^64 - 1, x86_64
; GNU's SIZE_MAX, on i386 too), else 8.
; Exit status: 0; 1 for a minor problem; 2 for a bad option, an operand
; that cannot be accessed, opened or read (getdents64, readlink), a write
; error.
; Differences from GNU: an LS_COLORS with more than 231 different
; "*SUFFIX=" sequences is refused ("ls: more than 231 different suffix
; colors in LS_COLORS are not supported by this ls", exit 2; each name's
; color is a byte). An invalid --color WHEN is reported before any
; other option error. The other letters GNU has are not implemented:
; each fails with "ls: option -X is not supported by this ls", exit
; status 2 (the long options: see above). On a terminal with no
; quoting style given GNU's default shell-escape: a listing whose names
; (or a header) are all of [A-Za-z0-9._/-] and ':' shows them as the
; literal style would (qsafe, in the core), else .qsec's quoting. An invalid COLUMNS
; with --color but colors off (no LS_COLORS, COLORTERM or a color TERM)
; and no -C/-x is not warned about (GNU reads it). -l: the zone's limits
; are rt/localtime.inc's (glibc 2.36's: posixrules, clamped offsets,
; malformed rules, big zone files, right/ zones' %z and :60); a time style
; with %s in a zone whose DST takes posixrules: GNU's mktime for %s loads
; the zone again (Debian's rule_dstoff), moving the changes the later
; entries see, ours keeps the first load's; a year before 1 or past 2^31
; (more than 2^46 s from 1970) is wrong where GNU prints the seconds or a
; negative year; -l's mark after the mode (acl_look, acl_mark): no
; SMACK label looked at (GNU's '.' with SMACK enabled), an error reading
; the attributes is no mark (GNU says it), none looked at past a 3800-byte
; DIR; an owner
; without a name is left-aligned (GNU right-aligns the number). -R
; without -L does not look for cycles (GNU does, for a bind mount of an
; ancestor; without -L nothing else makes one). -s without -l
; keeps 32 bits of 512-byte blocks a name: a file with 2 TiB or more
; allocated shows a wrong count (-l keeps 64). An operand's "cannot read
; symbolic link" comes after every operand's "cannot access" (GNU tells
; them in the operands' order). A getdents64 EOVERFLOW ends the reading
; as any error (GNU's readdir loop goes on). Entries are looked at from
; their directory's fd: one whose DIR/NAME passes PATH_MAX is listed
; (GNU: "cannot access ...: File name too long").
;
; Memory: the code is seven parts, each its own mapping of one page (the
; kernel maps every cached page of a mapping at its first fault, and no
; other mapping's: a part costs 4 KiB when a run enters it, nothing else):
; the core (.text: the ELF headers, options, operands, directories, the
; sort, -1 output, -s -i -d -p -F -t -S -u -c -h -R, the buffered output),
; .lsec (-l: long_list, the dates with rt/localtime.inc's zone code, the
; owners with rt/ids.inc, a device's numbers; long_fail, a failed entry's
; line, is in .zsec with its message), .xsec (-C/-x's columns and
; the line width, --color=WHEN, the colors: GNU's built-in table and
; LS_COLORS's parser, get_color_indicator and the sequences) and .zsec
; (the error messages: rt/error.inc, rt/usage.inc, the errno texts, GNU's
; quoting), .tsec (the time styles: rt/strftime.inc; its variables past
; ids_buf: ls --full-time 28 KiB), .vsec (-v's filevercmp, --zero's and
; --time=birth's options, -l's '?' for no birth time, the block sizes:
; rt/blocksize.inc; -RL's cycle check, dir_visit; the failures of
; getdents64 and readlink), .qsec (the quoting styles: rt/quotearg.inc;
; -l's device numbers and its attribute marks' getxattr (acl_mark: only
; for a file that has extended attributes);
; ls -b 20 KiB, ls -Q -l 24; rt/localtime.inc's rare code: posixrules,
; big zone files, leap seconds, malformed rules, Jn and n rules). Each
; part is
; page-aligned in the file (see ls_program_end; zero bytes between them);
; the program headers follow the last part, in no segment (the kernel
; reads them from the file), so the core page keeps their bytes. So ls and ls -1 touch one code page, ls -l,
; ls -C (a terminal's default), ls --color=always, ls -l -F/-t/-h/-R...
; and an error run two, ls -l --color three; LS_COLORS is
; decoded at the break (its suffix entries, the decoded values, then the
; color table: dircolors' value touches one page there). The variables
; (addressed from xbp with one-byte displacements), the statx buffer, the
; arena's first 2 KiB (arena0) and the start of the 32 KiB output buffer
; share one BSS page: a small listing's peak RSS is 12 KiB, ls -l, ls -C
; or ls --color=always 16 (the owners' names kept on
; that page, /etc/passwd and /etc/group read into arena0's free bytes
; while they fit, else into ids_buf's page: see ids_load; the zone read at
; arena0, a big one again into each -l listing's free bytes: see
; zone_init, zone_offsets; Europe/Paris up to 11 short names, New York 5;
; with a time style, a right/ zone's data kept at the break for tdate,
; and with %Z any zone's).
; The operands
; and each directory's
; getdents64 records, then the array of name pointers, grow the arena;
; what does not fit in arena0 goes on at the break (brk), and the arena is
; given back after each directory. Each record's d_off holds
; the sort key, then the frills: the indicator (name-11), the blocks
; (name-10), the color (name-6), the width (name-5); an operand's mode and
; blocks are kept after its name's NUL. Sorting is a Shell sort of the
; pointers.

%define FAST_SYSCALL                    ; i386: the vDSO's entry for big directories
%define QUOTE_ONE_PASS          ; (error.inc: gnulib's second quoting pass left out: its pages are full; README)
%define GETOPT_PERMUTE          ; (getopt.inc: options after operands even with POSIXLY_CORRECT: README)
%include "subk.inc"
; Seven parts of code, each its own mapping (PT_LOAD) of at most one page
; (see ls_program_end): the core (.text: every run), .lsec (-l), .xsec
; (-C/-x, colors), .zsec (errors), .tsec (time styles), .vsec (-v,
; --zero, --time=birth, --block-size, --si, --show-control-chars, -RL),
; .qsec (-b, -Q, --quoting-style, QUOTING_STYLE, the zone's rare code). A
; run pays a page for each part it
; enters: ls 12 KiB, ls -l or ls -C or ls --color 16.
section .lsec progbits follows=.cold align=PAGE vstart=_lsec_vaddr
section .xsec progbits follows=.lsec align=PAGE vstart=_xsec_vaddr
section .zsec progbits follows=.xsec align=PAGE vstart=_zsec_vaddr
section .tsec progbits follows=.zsec align=PAGE vstart=_tsec_vaddr
section .vsec progbits follows=.tsec align=PAGE vstart=_vsec_vaddr
section .qsec progbits follows=.vsec align=PAGE vstart=_qsec_vaddr
section .phdr progbits follows=.qsec align=4 vstart=_phdr_vaddr
section .text
%macro LSEC 0
	section .lsec
%endmacro
%macro XSEC 0
	section .xsec
%endmacro
%macro ZSEC 0
	section .zsec
%endmacro
%macro TSEC 0
	section .tsec
%endmacro
%macro VSEC 0
	section .vsec
%endmacro
%macro QSEC 0
	section .qsec
%endmacro
%define STATX_OLD QSEC                  ; statx.inc's fallback (old kernels)
%define T64_PART LSEC                   ; time64.inc (i386: -l's clock_gettime64;
%define T64_OLD QSEC                    ; its conversion, for old kernels, rare)
; rt/localtime.inc's rare code (posixrules, big zone files mapped, leap
; seconds, malformed rules) in .qsec; its hot code in -l's part
%macro TZ_RARE 0
	section .qsec
%endmacro
%macro TZ_HOT 0
	section .lsec
%endmacro
%macro TZ_ABBR_PART 0                   ; (tz_abbr, %Z's: .vsec has room)
	section .vsec
%endmacro
%define TZ_HU_COMMA                     ; (a ',' after a DST name: hot)
%define TZ_JN_RARE                      ; (rules Jn and n: rare)
%define TZ_PNAMES_IF tzagain            ; (posixrules' names for %Z only)
%define TZ_VARS_RARE_OWN                ; (the map's variables: off the
                                        ; variables' page, see val)
%include "layout.inc"
%if W == 8
	default rel
%endif
%include "rt/localtime.inc"
%include "rt/blocksize.inc"
use localtime, ids, usage, getopt, err_file, utoa, errno_path, strlen, outbuf, quote_arg
use tz_abbr                             ; (%Z: in a rare part, .vsec)
%define USAGE_STATUS 2
%define LONGOPT_AMBIGUOUS
%define LONGOPT_OPTIONAL
%define LONGOPT_BSS_HERE                ; ambp with the variables, ambbuf = arena0
%define OUT_FAIL out_fail
%define IDS_LOAD_OWN                    ; rt/ids.inc reads into ids_load's buffer
%define OUT_POS V(opos)
%define V(x) xbp + (x - VBASE)

OUTSZ       equ 32768
%define nfail lflags + 1                ; ent_fail marked an entry
%define O_BAK lflags + 2 - opts         ; -B: no names ending in '~'
%define O_DF lflags + 3 - opts          ; --group-directories-first
%define TZBUFSZ 16384                   ; tz_load at arena0 (on into outbuf)
ZONE_SMALL  equ 512                     ; a zone's data kept in arena0
IDSBUFSZ    equ 1 << 20
STX_BLOCKS  equ 48
DT_DIR      equ 4
DT_LNK      equ 10
DT_REG      equ 8
NSUPP       equ 31
NPAT        equ 4096                    ; -I's and --hide's patterns (each)
TBUFSZ      equ 1001                    ; GNU's TIME_STAMP_LEN_MAXIMUM + 1
HALFYEAR    equ 15778476       ; GNU's six months: half a Gregorian year              ; the first NSUPP letters of OPTSPEC work

; The options: a byte each (see opt_tab)
O_FMT   equ 0   ; 1 one per line, 2 -C, 3 -x, 4 -l, 5 -m (0: not given)
O_IGN   equ 1   ; 0 hide dot names, 1 -A, 2 -a
O_IND   equ 2   ; 0 none, 1 -p, 2 -F, 3 --file-type
O_DEREF equ 3   ; 0 never, 1 command-line symlinks to dirs, 2 -H, 3 -L
O_REV   equ 4
O_SORT  equ 5   ; 0 name (not given), 1 -U, 2 -t, 3 -S, -3 -v, -2 -X, -1 width
                ; (signed: the negative ones sort by name, then xsort)
O_TIME  equ 9   ; 0 mtime, 1 -u atime, 2 -c ctime, 3 --time=birth
O_REC   equ 10  ; -R
O_HUM   equ 11  ; 1 -h, 2 --si, --block-size or the variables (gsize)
O_KIB   equ 12  ; -k (1 KiB blocks: already so, but with the variables)
O_BLK   equ 13  ; -s
O_COL   equ 14  ; colors (--color)
O_DIRS  equ 6
O_INO   equ 7
O_Q     equ 8   ; > 0: -q (signed: --zero's -1 stays off on a terminal)
O_CFL   equ 15  ; color flags (cflags_set):
CF_CHK  equ 1   ;  a symlink's target is looked at (GNU's check_symlink_mode)
CF_REF  equ 2   ;  ln=target
CF_MHST equ 4   ;  mh colored and GNU stats each regular file

_start:
	fast_syscall_init later         ; i386: int 0x80 until fast_syscall_on
	mov ebp, VBASE
	mov dword [V(dirfd)], AT_FDCWD
	save_argv0

;	 The long options (before a "--"): each becomes the short option GNU
; treats it as (long_ls, in .zsec: a run without one never enters it).
	mov eax, [xsp]
	lea xsi, [xsp + xax*W + 2*W]
	mov [V(envp)], xsi
	lea xsi, [xsp + 2*W]
.cs:
	mov xdx, [xsi]
	test xdx, xdx
	jz .cs_done
	add xsi, W
	cmp word [xdx], '--'
	jne .cs
	xor ecx, ecx
	cmp byte [xdx + 2], cl
	je .cs_done                     ; "--"
; --col, --colo, --color[=WHEN] here: a run with --color and no colors
; keeps to the core's page (the others: long_ls)
.cc:
	mov al, [xdx + xcx + 2]
	test al, al
	jz .cend
	cmp al, '='
	je .cend
	cmp ecx, 5
	jae .long
	cmp al, [s_color + xcx]
	jne .long
	inc ecx
	jmp .cc
.cend:
	cmp ecx, 3
	jb .long
	mov word [xdx + 1], 14          ; "-\x0e", which changes nothing
	test al, al
	jnz .when
	mov byte [V(opts) + O_COL], 1   ; --color: always
	jmp .cs
.when:
	push xsi
	mov xdi, xdx
	lea xdx, [xdx + xcx + 3]        ; WHEN
	mov esi, words
	call long_word
	pop xsi
	jmp .cs
.long:
	call long_ls
	jmp .cs
.cs_done:
	getopt_init
.opt:
	call getopt
	jc .opts_done
	cmp al, 14                      ; long_ls's no-op
	je .opt
	cmp ecx, NSUPP
	jae unsupported
	cmp ecx, 14
	jb .table
	cmp ecx, 18
	jae .set
	mov dl, [lbits + xcx - 14]
	or [V(lflags)], dl
	mov byte [V(opts) + O_FMT], 4
	jmp .opt
.table:
	jecxz .one
.set:
	movzx eax, byte [opt_tab + xcx*2]
	mov dl, [opt_tab + xcx*2 + 1]
	mov [V(opts) + xax], dl
	jmp .opt
.one:                                   ; -1 does not override -l (GNU)
	cmp byte [V(opts) + O_FMT], 4
	jne .set
	jmp .opt

; Defaults: the format, -q and the width on a terminal; the dereference
; mode when no -L/-H was given.
.opts_done:
	mov [V(argend)], xdi
	sys ioctl, 1, TIOCGWINSZ, winsz
	test eax, eax
	js .notty
	inc byte [V(opts) + O_Q]
	cmp byte [V(qstyle)], 1         ; none given: -1, GNU's default there
	sbb byte [V(qstyle)], 0         ; (shell-escape when needed: qsafe)
	cmp byte [V(opts) + O_FMT], 0
	jne .notty
	mov byte [V(opts) + O_FMT], 2
.notty:
	cmp byte [V(opts) + O_FMT], 0
	jne .fmt
	inc byte [V(opts) + O_FMT]
.fmt:
	mov al, [V(opts) + O_FMT]       ; (al: the format, up to .deref)
	cmp byte [V(opts) + O_TIME], 0  ; -u/-c without -l nor a sort: by time
	je .sorted
	cmp byte [V(opts) + O_SORT], 0
	jne .sorted
	cmp al, 4
	je .sorted
	mov byte [V(opts) + O_SORT], 2
.sorted:
	cmp byte [V(opts) + O_DEREF], 0
	jne .deref
	cmp byte [V(opts) + O_DIRS], 0
	jne .deref
	cmp byte [V(opts) + O_IND], 2
	je .deref
	cmp al, 4
	je .deref
	inc byte [V(opts) + O_DEREF]
.deref:
	cmp al, 4                       ; -C, -x, -m: the line length
	je .nowidth
	cmp al, 1
	jbe .nowidth
	call width
.nowidth:

; QUOTING_STYLE when no -N, --literal, --zero: .vsec's vqs
	cmp byte [V(qstyle)], 0
	jg .noqs
	mov edx, s_qs
	push 14
	pop xcx
	call getenv
	test xax, xax
	jz .noqs
	call vqs
.noqs:

; -l's and -s's block sizes from the environment when no -h, --si or
; --block-size was given: a variable that may be LS_BLOCK_SIZE,
; BLOCK_SIZE, BLOCKSIZE or POSIXLY_CORRECT sends the run to .vsec's benv
	cmp byte [V(opts) + O_HUM], 0
	jne .nobenv
	cmp byte [V(opts) + O_FMT], 4
	je .benv
	cmp byte [V(opts) + O_BLK], 0
	je .nobenv
.benv:
	mov xsi, [V(envp)]
.be:
	lodsW
	test xax, xax
	jz .nobenv
	mov eax, [xax]
	cmp eax, 'LS_B'
	je .bs
	cmp eax, 'BLOC'
	je .bs
	cmp eax, 'POSI'
	jne .be
.bs:
	call benv
.nobenv:

; Colors: LS_COLORS parsed, or GNU's built-in ones (.xsec: see
; color_init); a run with none of LS_COLORS, COLORTERM, TERM set (or all
; empty) has none and never touches .xsec's page for them.
	cmp byte [V(opts) + O_COL], 0
	je .nocolor
	mov edx, s_lscolors
	push 10
	pop xcx
	call getenv
	jnz .colors
	mov edx, s_colorterm
	call getenv                     ; (ecx: the same length)
	jnz .colors
	mov edx, s_term
	push 5
	pop xcx
	call getenv
	jnz .colors
	mov byte [V(opts) + O_COL], 0
	jmp .nocolor
.colors:
	call width                      ; (the colors' cl: the line length)
	call color_init
.nocolor:

; The arena starts in arena0, on the variables' page, then moves to the
; break (see alloc).
	mov dword [V(opos)], outbuf
	sys brk, 0
	mov [V(brkbase)], eax
	mov [V(brkend)], eax
	mov eax, arena0
	cmp byte [V(opts) + O_FMT], 4
	jne .arena
	call zone_init                  ; -l: the zone, maybe in arena0
.arena:
	mov [V(cur)], eax
	mov dword [V(objv)], recs

; Each operand (or "."): a record as getdents64 makes them, in the arena
; (its d_off holds the mode, its type byte 0xff when it could not be
; accessed).
	lea xsi, [xsp + 2*W]
	mov xbx, [V(argend)]
	sub xbx, xsi
	shr ebx, WSHIFT
	mov [V(nargs)], ebx
	mov [V(recs)], eax
	test ebx, ebx
	jnz .args
	mov eax, dot
	mov [xsi], xax
	lea xax, [xsi + W]
	mov [V(argend)], xax
.args:
	push xsi                        ; [xsp]: the next operand's slot
.arg:
	mov xsi, [xsp]
	cmp xsi, [V(argend)]
	jae .args_done
	add WPTR [xsp], W
	mov xsi, [xsi]
	movx A2, xsi
	call strlen                     ; xdx = length
	push xsi
	lea eax, [xdx + 28]
	call alloc                      ; eax = the record
	pop xsi
	lea edi, [xax + 19]
	xchg eax, ebx                   ; ebx = the record
	lea ecx, [xdx + 1]
	rep movsb
	add edx, 28
	mov [xbx + 16], dx
	lea esi, [xbx + 19]
	xor edx, edx                    ; flags: follow
	cmp byte [V(opts) + O_DEREF], 2
	jae .stat
	mov dh, AT_SYMLINK_NOFOLLOW >> 8
	cmp byte [V(opts) + O_DEREF], 0
	je .stat
	xor edx, edx
	call stat_at                    ; (to a directory?)
	jns .isdir
	cmp eax, -ENOENT                ; GNU: lstat after ENOENT only
	jne .bad
.lstat:                                 ; (edx = 0: stat_at keeps it)
	mov dh, AT_SYMLINK_NOFOLLOW >> 8
.stat:
	call stat_at
	jns .stat_ok
.bad:
	lea edx, [xbx + 19]
	mov byte [xbx + 18], 0xff       ; failed
	mov ecx, msg_access
	cmp eax, -ENAMETOOLONG
	je op_long                      ; (.qsec: back at .failed)
	call fail_name
.failed:
	mov byte [V(status2)], 2
	jmp .arg
.isdir:
	mov al, [V(stx) + STX_MODE + 1]
	and al, 0xf0
	cmp al, 0x40
	jne .lstat
.stat_ok:
	copy64 eax, xbx, V(stx) + STX_INO
	movzx eax, word [V(stx) + STX_MODE]
	movzx ecx, word [xbx + 16]
	mov [xbx + xcx - 8], ax         ; the mode and blocks after the NUL
	shr eax, 12
	mov [xbx + 18], al
	mov eax, [V(stx) + STX_BLOCKS]
	mov [xbx + xcx - 6], eax
	call blk_str                    ; -s's and -i's widths count every
	lea esi, [V(wblk)]              ; operand (GNU's gobble_file)
	call widen_str
	lea esi, [V(stx) + STX_INO]
	call ino_widen
	cmp byte [V(opts) + O_SORT], 2
	jl .arg
	lea edi, [xbx + 19]
	call set_key
	jmp .arg
.args_done:
	pop xax
	mov eax, [V(cur)]
	mov [V(recend)], eax

; The files (and with -d every operand): one listing.
	mov byte [V(isop)], 1
	mov ebx, [V(recs)]
	call ptrs_start
.file:
	cmp ebx, [V(recend)]
	jae .files_done
	mov al, [xbx + 18]
	cmp al, 0xff
	je .file_next
	cmp byte [V(opts) + O_DIRS], 0
	jne .file_count
	cmp al, DT_DIR
	jne .file_count
	cmp byte [V(opts) + O_FMT], 4   ; -l: in the widths, not shown
	jne .file_next
	jmp .file_add
.file_count:
	inc dword [V(nfiles)]
.file_add:
	call ptr_add
.file_next:
	movzx eax, word [xbx + 16]
	add ebx, eax
	jmp .file
.files_done:
	call listing
	mov byte [V(isop)], 0

; Then each directory, sorted too; its pointers stay below what it lists.
	cmp byte [V(opts) + O_DIRS], 0
	jne finish
	mov ebx, [V(recs)]
	call ptrs_start
.dir:
	cmp ebx, [V(recend)]
	jae .dirs
	cmp byte [xbx + 18], DT_DIR
	jne .dir_next
	call ptr_add
.dir_next:
	movzx eax, word [xbx + 16]
	add ebx, eax
	jmp .dir
.dirs:
	call sort_df
	mov eax, [V(cur)]
	cmp eax, [V(ptrs)]
	je finish
	cmp dword [V(nfiles)], 0           ; files listed before: a blank line
	je .nofiles
	mov al, 10
	call putc
.nofiles:
	mov ebx, [V(ptrs)]
.dir_loop:
	cmp ebx, [V(cur)]
	jae finish
	push xbx
	mov esi, [xbx]
	call list_dir
	pop xbx
	add ebx, 4
	jmp .dir_loop

finish:
	cmp byte [V(used)], 0           ; colors: GNU's last reset
	je .fl
	call cfinish
.fl:
	call ob_flush
	mov eax, [V(werr)]
	test eax, eax
	jz .st
	mov esi, msg_write
	call err_text
	mov byte [V(status2)], 2
.st:
	mov al, [V(status2)]
	cmp al, STATUSb
	jb .exit
	mov STATUSb, al
.exit:
	exit_status

out_fail:                               ; a write failed: report at the end
	mov [V(werr)], eax
	ret

; getenv - xdx = "NAME=", ecx = its length -> xax = the value (0: unset),
; ZF=1 when unset or empty
getenv:
	push xsi
	push xdi
	mov xsi, [V(envp)]
.l:
	lodsW
	test xax, xax
	jz .r
	push xsi
	push xcx
	mov xsi, xax
	mov xdi, xdx
	repe cmpsb
	mov xax, xsi
	pop xcx
	pop xsi
	jne .l
	cmp byte [xax], 0
.r:
	pop xdi
	pop xsi
	ret

; stat_at - statx(dirfd, xsi, edx flags) into stx; SF=1 when it failed.
; keeps xbx, xdx, xsi
stat_at:
	push xbx
	push xsi
	mov A3d, edx                    ; (i386's edx: A3 itself)
	movx A2, xsi
	mov A1d, [V(dirfd)]
	mov A4d, 0xfff                  ; STATX_BASIC_STATS | STATX_BTIME
	mov A5d, stx
	sys statx
	pop xsi
	pop xbx
	test eax, eax
	js .r
	cmp byte [V(opts) + O_TIME], 3  ; --time=birth: birth_none (.vsec,
	je birth_none                   ; which such a run maps already)
.r:
	test eax, eax
	ret
	VSEC
; birth_none - stat_at's end with --time=birth (eax = 0): a file without
; a birth time gets the seconds 2^63 (GNU: -1.-1; '?' in -l, the oldest)
birth_none:
	test byte [V(stx) + 1], 8       ; STATX_BTIME >> 8
	jnz .r
	mov byte [stx + 87], 0x80
.r:
	test eax, eax
	ret
	TEXT

%if AT_SYMLINK_NOFOLLOW != 0x100
 %error "ent_stat_l: AT_SYMLINK_NOFOLLOW is not dh's bit 0"
%endif
; ent_stat_l - ent_stat with the flags of an entry: follow with -L
; ent_stat - statx of the name esi (a directory's entry: its record at
; esi-19) with edx's flags into stx, its inode into d_ino; an entry
; whose statx failed before (ent_fail: d_ino -1:-errno) fails at once
; -> SF=1 when it failed (stx zeroed but for the mode: d_type << 12 and
; bit 16; see ent_fail). keeps xbx, xdx, xsi
ent_stat_l:
	xor edx, edx
	cmp byte [V(opts) + O_DEREF], 3
	je ent_stat
	mov dh, AT_SYMLINK_NOFOLLOW >> 8
ent_stat:
	mov eax, [xsi - 19]
	cmp dword [xsi - 15], -1
	je ent_fail.zero
	call stat_at
	js ent_fail
	mov eax, [V(stx) + STX_INO]
	mov [xsi - 19], eax
	mov eax, [V(stx) + STX_INO + 4]
	mov [xsi - 15], eax
	ret                             ; (SF=0: stat_at's test)

; alloc - eax bytes from the arena -> eax = their start; clobbers xcx.
; The arena starts in arena0 (on the variables' page: a small listing
; touches no other page); when the bytes do not fit there, the object
; being built (records or pointers: its start is in the variable at
; [V(objv)], 0 for none) is copied to the start of the break's arena and
; goes on there (the copy left behind stays valid until it is freed).
alloc:
	push xsi
	push xdi
	push xdx
	mov esi, [V(cur)]
	lea edi, [xsi + xax]            ; the end when nothing moves
	cmp esi, arena0_end
	ja .b
	cmp edi, arena0_end
	jbe .set
	xchg eax, edx                   ; edx = the count
	mov edi, [V(brkbase)]
	mov ecx, [V(objv)]
	xor eax, eax
	jecxz .len
	mov eax, esi
	mov esi, [xcx]
	mov [xcx], edi
	sub eax, esi                    ; the object's length
.len:
	push xax
	add eax, edi
	add eax, edx
	call brk_need
	pop xcx
	rep movsb
	mov esi, edi
	add edi, edx
	jmp .set
.b:
	mov eax, edi
	call brk_need
.set:
	mov [V(cur)], edi
	xchg eax, esi
	pop xdx
	pop xdi
	pop xsi
	ret

; brk_need - the break at least eax (grown 128 KiB at a time); keeps all
; but xax
brk_need:
	cmp eax, [V(brkend)]
	jbe .r
	push xbx
	push xcx
	push xdx
	push xsi
	push xdi
	add eax, 0x20000
	and eax, -4096
	mov [V(brkend)], eax
	sys brk, eax
	cmp eax, [V(brkend)]
	jne nomem
	pop xdi
	pop xsi
	pop xdx
	pop xcx
	pop xbx
.r:
	ret
; ptrs_start - an empty pointer array at the arena's end
ptrs_start:
	mov eax, [V(cur)]
	add eax, 3
	and eax, -4
	mov [V(cur)], eax
	mov [V(ptrs)], eax
	mov dword [V(objv)], ptrs
	ret
; ptr_add - append ebx+19 (a name) to it
ptr_add:
	push 4
	pop xax
	call alloc
	lea ecx, [xbx + 19]
	mov [xax], ecx
	ret

; list_dir - list the directory esi (a name in the arena)
list_dir:
	mov eax, [V(cur)]
	mov [V(mark)], eax
	mov [V(dirname)], esi
	sys open, esi, O_RDONLY|O_DIRECTORY|O_LARGEFILE|O_CLOEXEC
	test eax, eax
	js open_fail                    ; (.zsec: returns from list_dir)
	mov [V(dirfd)], eax
; The header: with -R or more than one operand; a blank line before
; each but the first. Before the reading, as GNU's print_dir: a failed
; getdents64's message after it (-RL's cycle check before it).
	cmp byte [V(opts) + O_REC], 0
	je .go
	cmp byte [V(opts) + O_DEREF], 3 ; -RL: GNU's cycle check (.vsec)
	jne .header
	call dir_visit
	jmp .header
.go:
	cmp dword [V(nargs)], 1
	jbe .noheader
.header:
	cmp byte [V(printed)], 0
	je .first
	mov al, 10
	call putc
.first:
	mov byte [V(printed)], 1
	mov esi, [V(dirname)]
	mov cl, '.'                     ; (':' not safe in a header)
	push xsi
	call qsafe_name
	pop xsi
	cmp byte [V(qstyle)], 1         ; a quoting style: .vsec's, ':' too
	jle .hplain
.hq:
	call vqdir
	jmp .hcolon
.hplain:
	cmp byte [V(opts) + O_Q], 0     ; -q: '?' (.qsec's vqdir too; a
	jg .hq                          ; terminal's: qsafe_name found it safe)
	movx A2, xsi
	call strlen
	mov ecx, edx
	call ob_put
.hcolon:
	mov al, ':'
	call putc
	mov al, 10
	call putc
.noheader:
	mov eax, [V(cur)]
	mov [V(recs)], eax
	mov dword [V(objv)], recs
; each read: the room left in arena0 (at least 1 KiB), else 64 KiB
.read:
	mov eax, arena0_end
	sub eax, [V(cur)]
	cmp eax, 1024
	jb .big
	cmp eax, 0x10000
	jb .size
.big:
	mov eax, 0x10000
.size:
	push xax
	call alloc
	pop xdx
	sub [V(cur)], edx
	sys getdents64, [V(dirfd)], eax, edx
	test eax, eax
	jz .eof
	js .rderr
	add [V(cur)], eax
	jmp .read
.rderr:
	call read_fail                  ; (.vsec)
.eof:
	mov eax, [V(cur)]
	mov [V(recend)], eax
	mov ebx, [V(recs)]
	call ptrs_start
.ent:
	cmp ebx, [V(recend)]
	jae .ents_done
	cmp byte [xbx + 19], '.'
	jne .add
	mov al, [V(opts) + O_IGN]
	test al, al
	jz .skip
	dec al
	jnz .add
	cmp byte [xbx + 20], 0          ; -A: not . and ..
	je .skip
	cmp word [xbx + 20], '.'
	je .skip
.add:
	cmp byte [V(opts) + O_BAK], 0   ; -B: GNU's "*~" ".*~", even with -a
	je .add2
	lea esi, [xbx + 19]
	movx A2, xsi
	call strlen
	cmp byte [xbx + xdx + 18], '~'
	je .skip
.add2:
	cmp byte [V(npat)], 0           ; -I, --hide (.tsec)
	je .add3
	call ignored
	jc .skip
.add3:
	call ptr_add
.skip:
	movzx eax, word [xbx + 16]
	add ebx, eax
	jmp .ent
.ents_done:
	call listing
	sys close, [V(dirfd)]
	mov dword [V(dirfd)], AT_FDCWD
	cmp byte [V(opts) + O_REC], 0
	jne recurse
.free:
	mov eax, [V(mark)]
	mov [V(cur)], eax
	mov ecx, [vhead]                ; -RL: its node (dir_visit) off the
	cmp ecx, eax                    ; chain
	jb .r
	mov ecx, [xcx]
	mov [vhead], ecx
.r:
	ret

; path_join - at edi: the directory esi, a '/' unless it ends with one,
; the name edx and its NUL
path_join:
	lodsb
	stosb
	test al, al
	jnz path_join
	dec edi
	mov al, '/'
	cmp [xdi - 1], al
	je .name
	stosb
.name:
	mov esi, edx
.c:
	lodsb
	stosb
	test al, al
	jnz .c
	ret

; putc - al to the output (room is made before each entry)
; qsafe - on a terminal with no quoting style given (GNU's default
; shell-escape): the listing's names (the operands: every record, as
; vqsome) each of [A-Za-z0-9._/-] and ':' are as the literal style shows
; them; another byte, or an empty name (an operand "": GNU quotes it ''),
; sets qstyle to shell-escape (.qsec's quoting from then on).
; qsafe_name: the name esi alone, cl its other safe byte.
; clobbers xax, xbx, xcx, xdx, xsi
qsafe:
	cmp byte [V(qstyle)], -1
	jne .r
	mov cl, ':'
	mov ebx, [V(ptrs)]
	mov edx, [V(pend)]
	cmp byte [V(isop)], 0
	je .n
	mov ebx, [V(recs)]
	mov edx, [V(recend)]
.n:
	cmp ebx, edx
	jae .r
	lea esi, [xbx + 19]
	add ebx, 4
	cmp byte [V(isop)], 0
	je .ptr
	movzx eax, word [xbx + 16 - 4]
	lea ebx, [xbx + xax - 4]
	jmp .one
.ptr:
	mov esi, [xbx - 4]
.one:
	call qsafe_name
	jmp .n
.r:
	ret
qsafe_name:
	cmp byte [V(qstyle)], -1
	jne .r
	cmp byte [xsi], 0
	je .q
.b:
	lodsb
	test al, al
	jz .r
	mov ah, al
	or ah, 0x20
	sub ah, 'a'
	cmp ah, 26
	jb .b
	mov ah, al
	sub ah, '-'                     ; - . / 0-9
	cmp ah, '9' - '-' + 1
	jb .b
	cmp al, '_'
	je .b
	cmp al, cl                      ; ('@' not: -F's map quotes it)
	je .b
.q:
	mov byte [V(qstyle)], 3 + 1     ; shell-escape
.r:
	ret

; put_eol - the line end: '\n', or NUL with --zero (GNU's eolbyte)
put_eol:
	mov al, 10
	xor al, [V(eolx)]
; putc - al to the output buffer; keeps all but xdi
putc:
	push xax
	mov eax, [V(opos)]
	cmp eax, outbuf + OUTSZ
	jb .room
	push xbx
	push xdx
	push xsi
	call ob_flush
	pop xsi
	pop xdx
	pop xbx
.room:
	pop xax
	mov edi, [V(opos)]
	stosb
	mov [V(opos)], edi
	ret

; listing - the names at [V(ptrs)] up to [V(cur)]: their frills, sorted, shown.
listing:
	and dword [V(objv)], 0          ; the pointers are complete
	mov ecx, [V(cur)]
	sub ecx, [V(ptrs)]
	shr ecx, 2
	mov [V(count)], ecx
%ifdef _VSYS_LATER                     ; (when fast_syscall_on does something)
	cmp ecx, 64
	jb .few
	fast_syscall_on                 ; i386: many calls ahead, the vDSO (a page of RSS)
.few:
%endif
	mov eax, [V(cur)]
	mov [V(pend)], eax
	cmp byte [V(opts) + O_SORT], 2
	jl .sort
	cmp byte [V(isop)], 0
	jne .sort
	call time_keys
.sort:
	call qsafe                      ; a terminal's shell-escape when needed
	cmp byte [V(qstyle)], 1         ; a quoting style: GNU's
	jle .sd                         ; cwd_some_quoted (.qsec)
	call vqsome
.sd:
	call sort_df
	cmp byte [V(isop)], 0           ; a directory: its own widths, total
	jne .f0
	and dword [V(inow)], 0
	lea edi, [V(wnl)]
	xor eax, eax
	push 9
	pop xcx
	rep stosd
.f0:
	mov ebx, [V(ptrs)]
.frill:
	cmp ebx, [V(pend)]
	jae .frills_done
	mov esi, [xbx]
	call frills
	add ebx, 4
	jmp .frill
.frills_done:
	cmp byte [V(qstyle)], 1         ; a quoting style: the pads' widths
	jle .fd
	call vqwpad
.fd:
	mov al, [V(opts) + O_FMT]
	cmp al, 4
	je long_list
; GNU prints a directory's names as it reads them with -1 -U (not -s,
; -R): each in its own widths (an inode unpadded), a failed entry's
; message just before its line (one_per_line)
	dec al
	jnz .batch
	cmp byte [V(opts) + O_SORT], 1
	jne .batch
	mov al, [V(opts) + O_BLK]
	or al, [V(opts) + O_REC]
	or al, [V(isop)]
	jnz .batch
	and dword [V(inow)], 0
	jmp one_per_line
.batch:
	cmp byte [V(nfail)], 0          ; entries whose statx failed
	je .told
	call report_fails
.told:
	cmp byte [V(opts) + O_BLK], 0
	je .show
	cmp byte [V(isop)], 0
	jne .show
	call put_total
.show:
	cmp byte [V(opts) + O_FMT], 1
	jne columns

one_per_line:
	mov ebx, [V(ptrs)]
.l:
	cmp ebx, [V(pend)]
	jae .ret
	mov esi, [xbx]
	cmp byte [V(nfail)], 0          ; (-1 -U: not told yet)
	je .put
	call report_one
.put:
	call put_name
	call put_eol
	add ebx, 4
	jmp .l
.ret:
	ret

; frills - esi = a name (record at esi-19): its indicator at esi-11, its
; blocks at esi-10 (512 bytes each, low 32 bits; -1 unknown), its color at
; esi-6 (an offset in colors, 0 none), its width at esi-5 (a word: name and
; indicator); [V(inow)] = the widest inode, [V(wblk)] the widest block
; count, [V(total)] their sum.
frills:
	push xbx
	mov ebx, esi
	movx A2, xsi
	call strlen
	mov [xbx - 5], dx
	cmp byte [V(qstyle)], 1         ; a quoting style: the quoted length
	jle .nq
	call vqwidth
	jmp .wq
.nq:
; Without -q the width counts the printable bytes alone (GNU's
; quote_name_buf in the C locale: isprint, 0x20..0x7e)
	cmp byte [V(opts) + O_Q], 0
	jg .wq
	mov ecx, edx
	jecxz .wq
.wc:
	lodsb
	sub al, ' '
	cmp al, 0x5f
	jb .wp
	dec word [xbx - 5]
.wp:
	loop .wc
.wq:
	mov cl, [xbx - 1]               ; the type
	cmp byte [V(isop)], 0
	jne .known
	xor eax, eax
	cmp [V(opts) + O_INO], al       ; -i: a statx of each (GNU's inode)
	jne .stat
	mov al, [V(opts) + O_BLK]       ; -s, colors: a statx of each (not
	or al, [V(opts) + O_COL]        ; for -l: long_list has its own)
	jz .nostat
	cmp byte [V(opts) + O_FMT], 4
	jne .stat
	xor eax, eax
.nostat:
	mov dl, [V(opts) + O_DF]        ; -p/-F, -R, --group-directories-
	and dl, 1                       ; first (not xsort's 2): the types
	or dl, [V(opts) + O_IND]        ; d_type may not give (GNU's
	or dl, [V(opts) + O_REC]        ; format_needs_type)
	jz .type
	cmp cl, al
	je .stat
	cmp cl, DT_LNK
	jne .reg
	cmp byte [V(opts) + O_DEREF], 3
	je .stat
	test byte [V(opts) + O_CFL], CF_CHK | CF_REF ; (check_symlink_mode:
	jnz .stat                       ; its lstat, as ent_fail's test)
.reg:
	cmp cl, DT_REG
	jne .type
	cmp byte [V(opts) + O_IND], 2
	jne .type
.stat:
	mov esi, ebx
	call ent_stat_l
	jns .stat_ok
	or dword [xbx - 10], -1         ; blocks: '?'
	mov cl, [xbx - 1]               ; the type d_type gave, no mode
	xor eax, eax
	jmp .type
.stat_ok:
	mov eax, [V(stx) + STX_BLOCKS]
	mov [xbx - 10], eax
	movzx eax, word [V(stx) + STX_MODE]
	mov ecx, eax
	shr ecx, 12
	mov [xbx - 1], cl
	jmp .lnk
.known:                                 ; an operand: its mode and blocks
	movzx eax, word [xbx + xdx + 1]
	mov esi, [xbx + xdx + 3]
	mov [xbx - 10], esi
; a symlink (lstat's) with GNU's check_symlink_mode: its readlink (.xsec)
.lnk:
	cmp cl, DT_LNK
	jne .type
	test byte [V(opts) + O_CFL], CF_CHK
	jz .type
	call link_chk
; cl = the type, eax = the mode (0 when unknown)
.type:
	push xax
	call ind_char
	mov [xbx - 11], dl
	test dl, dl
	jz .noind
	inc word [xbx - 5]
.noind:
	pop xax
	call color_of
	mov [xbx - 6], dl
	cmp byte [V(opts) + O_BLK], 0
	je .ino
	cmp byte [V(opts) + O_FMT], 4   ; (-l: long_list's widths, total)
	je .ino
	mov eax, [xbx - 10]
	cmp eax, -1                     ; (a failed entry: not in the widths)
	je .ino
	add [V(total)], eax
	adc dword [V(total) + 4], 0
	call blk_str
	lea esi, [V(wblk)]
	call widen_str
.ino:
	cmp byte [V(opts) + O_INO], 0
	je .ret
	lea esi, [xbx - 19]
	cmp dword [xsi + 4], -1         ; failed
	je .ret
	call ino_widen
.ret:
	pop xbx
	ret

; color_of - the color slot of the name ebx: type cl, mode eax (0 when
; not known) -> dl (0: none); .xsec's ccolor_frills with colors on
color_of:
	mov dl, 0
	cmp [V(opts) + O_COL], dl
	jne ccolor_frills
	ret

; blk_str - eax = 512-byte blocks (-1: unknown) -> edi = the first byte of
; what -s shows (1 KiB blocks rounded up, or -h's size), ending at numend.
; blk_str64 - the same for edx:eax. clobbers eax, ecx, edx, esi
blk_str:
	mov edi, numend
	cmp eax, -1
	jne .n
	dec edi
	mov byte [xdi], '?'
	ret
.n:
	xor edx, edx
blk_str64:
	mov edi, numend
	call blk_val
	jmp size_str

; blk_val - edx:eax = 512-byte blocks -> esi = [V(blkv)] = what -s shows:
; 1 KiB blocks rounded up, or with -h bytes
blk_val:
	cmp byte [V(opts) + O_HUM], 1
	jb .k
	ja .s                           ; (2: gsize's, the blocks themselves)
	shld edx, eax, 9
	shl eax, 9
	jmp .s
.k:
	add eax, 1
	adc edx, 0
	shrd eax, edx, 1
	shr edx, 1
.s:
	lea esi, [V(blkv)]
	mov [xsi], eax
	mov [xsi + 4], edx
	ret

; ino_widen - [V(inow)] = max([V(inow)], the width of the inode at esi)
ino_widen:
	mov edi, numend
	call u64
	lea esi, [V(inow)]
; widen_str - [esi] = max([esi], numend - edi)
widen_str:
	mov edx, numend
	sub edx, edi
; widen - [esi] = max([esi], edx)
widen:
	cmp edx, [xsi]
	jbe .r
	mov [xsi], edx
.r:
	ret

; size_str - the 64-bit number at esi ending at edi -> edi = its first
; byte: decimal, or with -h as GNU's human_readable (powers of 1024
; rounded up, one decimal below 10: 1.1K, 4.0K, 10K, 1.0M).
; clobbers eax, ecx, edx
size_str:
	cmp byte [V(opts) + O_HUM], 1
	jb u64
	je size_hum
	jmp gsize                       ; (2: --block-size, --si, variables)

; ind_char - the indicator of type cl, mode eax for -p/-F -> dl (0: none)
ind_char:
	mov dl, 0
	cmp [V(opts) + O_IND], dl
	jne ind_tail
.r:
	ret

; u64 - the decimal digits of the 64-bit number at esi, ending at edi
; -> edi = the first digit; clobbers eax, ecx, edx
u64:
	push xsi
	mov ecx, [xsi + 4]
	mov eax, [xsi]
	push 10
	pop xsi
.d:
	push xax
	mov eax, ecx
	xor edx, edx
	div esi
	mov ecx, eax
	pop xax
	div esi
	add dl, '0'
	dec edi
	mov [xdi], dl
	mov edx, eax
	or edx, ecx
	jnz .d
	pop xsi
	ret

; width_of - the columns taken by the name esi (with frills) -> eax
width_of:
	movzx eax, word [xsi - 5]
	cmp byte [V(opts) + O_INO], 0
	je .b
	add eax, [V(inow)]
	inc eax
.b:
	cmp byte [V(opts) + O_BLK], 0
	je .r
	add eax, [V(wblk)]
	inc eax
.r:
	ret

; put_name - the name esi with its inode, blocks, color and indicator.
; Makes room first. clobbers all but ebx, ebp
put_name:
	call room
	cmp byte [V(opts) + O_COL], 0
	je .n
	call cnormal
.n:
	cmp byte [V(opts) + O_INO], 0
	je .b
	call put_ino
.b:
	cmp byte [V(opts) + O_BLK], 0
	je put_bare
	call put_blk
put_bare:
	mov edi, [V(opos)]
	cmp byte [V(qstyle)], 1         ; a quoting style: GNU's pad
	jle .pb
	call vqpad
.pb:
	mov al, [xsi - 6]
	mov ah, [xsi - 11]
; put_cname - the name esi at edi in the color slot al (0: none), then the
; indicator ah (0: none); with colors .xsec's cpre and cpost write GNU's
; sequences around it ([V(pos)]: the column GNU counts for its "\e[K"
; after a name that may wrap). keeps ebx
put_cname:
	push xax
	cmp byte [V(opts) + O_COL], 0
	je .c0
	call cpre
.c0:
	mov edx, edi
	cmp byte [V(qstyle)], 1         ; -b, -Q, a --quoting-style: .vsec
	jg vqname
.c:
	lodsb
	test al, al
	jz .end
	cmp byte [V(opts) + O_Q], 0
	jle .put
	cmp al, ' '
	jb .q
	cmp al, 0x7f
	jb .put
.q:
	mov al, '?'
.put:
	stosb
	jmp .c
.end:
	pop xax
	cmp byte [V(opts) + O_COL], 0
	je .ind
	push xax
	call cpost
	pop xax
.ind:
	mov al, ah
	test al, al
	jz .done
	stosb
.done:
	mov [V(opos)], edi
	ret

; room - flush the output unless 9000 bytes are free; keeps xsi, xbx
room:
	push xsi
	push xbx
	mov eax, [V(opos)]
	cmp eax, outbuf + OUTSZ - 10240
	jb .room
	call ob_flush
.room:
	pop xbx
	pop xsi
	ret

; put_ino - the inode of the name esi, padded, and a space; keeps xsi
; put_blk - the same for its blocks (-s)
put_ino:
	push xsi
	sub esi, 19
	mov edi, numend
	cmp dword [xsi + 4], -1         ; failed (ent_fail): '?'
	jne .n
	dec edi
	mov byte [xdi], '?'
	jmp .w
.n:
	call u64
.w:
	mov ecx, [V(inow)]
	jmp put_blk.r
put_blk:
	push xsi
	mov eax, [xsi - 10]
	call blk_str
	mov ecx, [V(wblk)]
.r:
	call put_r
	pop xsi
	ret
; put_r - the text edi..numend right-aligned in ecx columns and a space at
; [V(opos)]
put_r:
	mov esi, edi
	mov edi, [V(opos)]
	call pad_copy
	mov [V(opos)], edi
	ret

; shell_sort CMP - the Shell sort of sort and xsort: the [V(nsort)]
; pointers at [V(ptrs)] (ecx = their number) ordered by CMP (esi, edi
; names: flags of esi against edi), gaps n/2, n/4 ... 1, [V(tmp)] the
; element being placed; the caller's .ret ends it. (Written once; each
; part has its own copy so that a sort maps no other part's page.)
%macro shell_sort 1
.gap:
	shr ecx, 1                      ; gap (n/2, n/4, ... 1)
	jz .ret
	mov edx, ecx                    ; i = gap
.i:
	cmp edx, [V(nsort)]
	jae .gap
	push xdx
	mov ebx, [V(ptrs)]
	mov eax, [xbx + xdx*4]          ; t = a[i]
	mov [V(tmp)], eax
.j:                                     ; j = edx
	cmp edx, ecx
	jb .place
	mov edi, edx
	sub edi, ecx
	mov esi, [xbx + xdi*4]          ; a[j-gap]
	push xsi
	push xdi
	mov edi, [V(tmp)]
	call %1                         ; a[j-gap] > t ?
	pop xdi
	pop xsi
	jbe .place
	mov [xbx + xdx*4], esi
	mov edx, edi
	jmp .j
.place:
	mov eax, [V(tmp)]
	mov [xbx + xdx*4], eax
	pop xdx
	inc edx
	jmp .i
%endmacro

; sort_df - sort, then dirs_first (.zsec) for --group-directories-first,
; -X, --sort=width (O_DF)
sort_df:
	call sort
	cmp byte [V(opts) + O_DF], 0
	je sort.ret
	jmp dirs_first

; sort - Shell sort of the pointers [V(ptrs)] .. [V(cur)] by name (bytes),
; reversed with -r; nothing with -U.
sort:
	cmp byte [V(opts) + O_SORT], 1
	je .ret
	mov ecx, [V(cur)]
	sub ecx, [V(ptrs)]
	shr ecx, 2                      ; n
	mov [V(nsort)], ecx
	shell_sort cmp_names
.ret:
	ret

; cmp_names - esi, edi names: flags of esi against edi, -r reversed
cmp_names:
	cmp byte [V(opts) + O_REV], 0
	je .key
	xchg esi, edi
.key:
	cmp byte [V(opts) + O_SORT], 2
	jl .cmp
	mov eax, [xdi - 7]              ; newer or bigger first
	cmp eax, [xsi - 7]
	jne .ret
	mov eax, [xdi - 11]
	cmp eax, [xsi - 11]
	jne .ret
.cmp:
	lodsb
	cmp al, [xdi]
	jne .ret
	inc edi
	test al, al
	jnz .cmp
.ret:
	ret

	LSEC
; long_list - GNU's -l lines for the names [ptrs]..[pend]: a statx of
; each into info (40 bytes an entry: mode, nlink, uid, gid, size or
; major/minor, mtime, blocks), the column widths over the listing, then
; "total" (a directory's) and the lines.
long_list:
	mov byte [anyacl], 0            ; GNU's clear_files: each listing
	mov eax, [V(count)]
	imul eax, eax, 48
	call alloc
	mov [V(info)], eax
	mov [V(ip)], eax
%if W == 8
	sys clock_gettime, CLOCK_REALTIME, stx
%else
	sys clock_gettime64, CLOCK_REALTIME, stx
%endif
	copy64 eax, V(now), V(stx)
	mov ebx, [V(ptrs)]
.st:
	cmp ebx, [V(pend)]
	jae .print
	mov esi, [xbx]
	mov edx, AT_SYMLINK_NOFOLLOW
	mov al, [V(opts) + O_DEREF]
	cmp al, 3
	je .follow
	cmp byte [V(isop)], 0
	je .flags
	cmp al, 2                       ; -H: an operand followed
	je .follow
	dec al                          ; an operand symlink to a directory
	jnz .flags                      ; (as the operands' loop found it)
	cmp byte [xsi - 1], DT_DIR
	jne .flags
.follow:
	xor edx, edx
.flags:
	call ent_stat                   ; (failed: zeros, bit 16 in the mode)
	js .info
	call acl_look                   ; GNU's '+' or '.' after the mode
	call link_read
.info:
	mov edi, [V(ip)]
	lea esi, [V(stx)]
	mov eax, [xsi + STX_MODE]       ; (the kernel's __spare0 is 0)
	stosd
	mov eax, [xsi + 16]             ; stx_nlink
	stosd
	mov eax, [xsi + 20]             ; stx_uid
	stosd
	mov eax, [xsi + 24]             ; stx_gid
	stosd
	mov ecx, [xsi + STX_SIZE]
	mov edx, [xsi + STX_SIZE + 4]
	movzx eax, word [xsi + STX_MODE]
	and ah, 0xb0
	cmp ah, 0x20                    ; a character or block device
	jne .size
	mov ecx, [xsi + STX_RDEV]
	mov edx, [xsi + STX_RDEV + 4]
.size:
	xchg eax, ecx
	stosd
	xchg eax, edx
	stosd
	push xsi
	movzx eax, byte [V(opts) + O_TIME]
	movzx eax, byte [tfields + xax]
	add esi, eax
	lodsd                           ; the chosen time's tv_sec
	stosd
	lodsd
	stosd
	lodsd                           ; its tv_nsec at +44
	mov [xdi + 12], eax
	pop xsi
	mov eax, [xsi + 48]             ; stx_blocks
	stosd
	add [V(total)], eax
	mov eax, [xsi + 52]
	stosd
	adc [V(total) + 4], eax
	mov [V(ip)], edi
	mov esi, [xbx]
	cmp dword [xsi - 15], -1        ; failed: in no width (GNU)
	je .next
	push xdi
	mov edx, eax
	mov eax, [xdi - 8]
	call blk_str64
	lea esi, [V(wblk)]
	call widen_str
	pop xdi
; the widths: digits of nlink, owner and group names, size or major, minor
	mov eax, [xdi - 36]
	call digits
	lea esi, [V(wnl)]
	call widen
	mov al, [V(lflags)]             ; -g without --author
	and al, 10
	cmp al, 2
	je .nouser
	mov eax, [xdi - 32]
	mov dl, 0
	call owner
	lea esi, [V(wuser)]
	call widen
.nouser:
	test byte [V(lflags)], 4        ; -o
	jnz .nogroup
	mov eax, [xdi - 28]
	mov dl, 1
	call owner
	lea esi, [V(wgroup)]
	call widen
.nogroup:
	mov eax, [xdi - 40]
	and ah, 0xb0
	cmp ah, 0x20
	je long_dev
	lea esi, [xdi - 24]
	mov edi, numend
	call size_str
	mov edx, numend
	sub edx, edi
	lea esi, [V(wsize)]
	call widen
.next:
	add dword [V(ip)], 8            ; (+40: the zone's offset, +44 ns)
	add ebx, 4
	jmp .st

; "total N" for a directory
.print:
	cmp byte [V(nfail)], 0          ; entries whose statx failed
	je .told
	call report_fails
.told:
	call zone_offsets
	cmp byte [V(isop)], 0
	jne .lines
	call put_total
.lines:
	mov ebx, [V(ptrs)]
	mov eax, [V(info)]
	mov [V(ip)], eax
.line:
	cmp ebx, [V(pend)]
	jae .done
	mov esi, [xbx]
	cmp byte [V(isop)], 0
	je .show
	cmp byte [V(opts) + O_DIRS], 0
	jne .show
	cmp byte [xsi - 1], DT_DIR
	jne .show
; A directory operand: listed later, in this listing's order (GNU's
; extract_dirs_from_files); frills took its sort key's bytes, so its key
; becomes its place here (the pointer's address, for -r as it is, else
; negated), which the directories' sort keeps for -t/-S.
	movzx eax, byte [V(opts) + O_REV]
	dec eax
	xor eax, ebx
	mov [xsi - 7], eax
	add dword [V(ip)], 48
	add ebx, 4
	jmp .line
.show:
	call room
	cmp byte [V(opts) + O_COL], 0
	je .nn
	call cnormal
.nn:
	mov eax, [V(opos)]
	mov [V(lbeg)], eax
	cmp byte [V(opts) + O_INO], 0
	je .blk
	call put_ino
.blk:
	cmp dword [xsi - 15], -1        ; failed: '?' fields
	je long_fail
	cmp byte [V(opts) + O_BLK], 0
	je .mode
	push xsi
	mov eax, [V(ip)]
	mov edx, [xax + 36]
	mov eax, [xax + 32]
	call blk_str64
	mov ecx, [V(wblk)]
	call put_r
	pop xsi
.mode:
	mov edi, [V(opos)]
	push xbx
	mov ebx, [V(ip)]
	mov ecx, [xbx]                  ; the mode (its fourth byte: acl_mark's)
	movzx eax, ch
	shr eax, 4
	mov al, [typechars + xax]
	stosb
	mov edx, 0o400
	mov esi, rwx
.bit:
	lodsb
	test ecx, edx
	jnz .set
	mov al, '-'
.set:
	stosb
	shr edx, 1
	jnz .bit
	mov al, 's'
	test ch, 0o4000 >> 8            ; setuid
	jz .sgid
	lea edx, [xdi - 7]
	call special
.sgid:
	test ch, 0o2000 >> 8
	jz .sticky
	lea edx, [xdi - 4]
	call special
.sticky:
	mov al, 't'
	test ch, 0o1000 >> 8
	jz .nlink
	lea edx, [xdi - 1]
	call special
.nlink:
	mov al, [xbx + 3]               ; acl_mark's mark, else ' ' when the
	or al, [anyacl]                 ; listing has one (GNU's any_has_acl)
	jz .nomark
	stosb
	mov byte [xbx + 3], 0           ; (the mode alone from here on)
.nomark:
	mov al, ' '
	stosb
	mov eax, [xbx + 4]
	mov ecx, [V(wnl)]
	call num_r
	test byte [V(lflags)], 2
	jnz .nou
	mov eax, [xbx + 8]
	mov dl, 0
	mov ecx, [V(wuser)]
	call put_owner
.nou:
	test byte [V(lflags)], 4
	jnz .nog
	mov eax, [xbx + 12]
	mov dl, 1
	mov ecx, [V(wgroup)]
	call put_owner
.nog:
	test byte [V(lflags)], 8        ; --author: the owner again
	jz .noa
	mov eax, [xbx + 8]
	mov dl, 0
	mov ecx, [V(wuser)]
	call put_owner
.noa:
	mov al, [V(lflags)]
	and al, 14
	cmp al, 6                       ; GNU counts from past the owners
	je .nolbeg
	mov [V(lbeg)], edi
.nolbeg:
	mov eax, [xbx]
	and ah, 0xb0
	cmp ah, 0x20
	je long_pdev
	lea esi, [xbx + 16]
	mov ecx, [V(wsize)]
	call num64_r
.date:
	cmp byte [xbx + 31], 0x80       ; --time=birth and none: '?'
	je vqdate
	cmp WPTR [tfmt], 0              ; a time style: .tsec's tdate
	je .ldate
	call tdate
	jmp .dated
.ldate:
	mov eax, [xbx + 24]
	mov edx, [xbx + 28]
	mov esi, [xbx + 40]
	call put_date
.dated:
	mov [V(opos)], edi
	sub edi, [V(lbeg)]
	mov [V(pos)], edi               ; the name's column as GNU counts it
	add dword [V(ip)], 48
	mov eax, [xbx]
	pop xbx
	mov esi, [xbx]
	mov ecx, eax                    ; the name's type and mode from this
	shr ecx, 12                     ; statx
	and dword [lmode], 0
	btr ecx, 4                      ; failed: d_type's, no mode (GNU)
	jnc .known
	xor eax, eax
	jmp .col
.known:
	cmp cl, DT_LNK
	jne .col
; a symlink: its target's mode when GNU looks at it (-F, or colors that
; need it: CF_CHK; --file-type too)
	cmp byte [V(opts) + O_IND], 2
	jae .look
	test byte [V(opts) + O_CFL], CF_CHK
	jz .col
.look:
	push xax
	push xcx
	xor edx, edx
	call stat_at
	js .nol
	movzx eax, word [V(stx) + STX_MODE]
	mov [lmode], eax
.nol:
	pop xcx
	pop xax
.col:
	mov dl, 0
	cmp [V(opts) + O_COL], dl
	je .c
	call ccolor
.c:
	mov [xsi - 6], dl
	cmp cl, DT_LNK
	jne .name
	mov byte [xsi - 11], 0          ; a symlink: no indicator, its target
	test eax, eax                   ; (failed: no target either)
	jz .name
	push xsi
	call put_bare
	mov xsi, [xsp]
	movx A2, xsi
	call strlen
	add edx, 4
	add [V(pos)], edx
	pop xsi
	mov esi, [xsi - 10]             ; the target link_read kept (0: its
	test esi, esi                   ; readlink failed: none, as GNU)
	jz .eol
	push xsi
	mov cl, ':'                     ; a terminal's shell-escape for the
	call qsafe_name                 ; target too (GNU quotes it alone)
	mov edi, [V(opos)]
	mov dword [xdi], ' -> '
	scasd
; the target's indicator (-p/-F) and color when its mode is known (GNU
; looks at the target only then)
	mov eax, [lmode]
	mov ecx, eax
	shr ecx, 12
	call ind_char
	pop xsi
	mov ah, dl
	mov al, 0
	cmp [V(opts) + O_COL], al
	je .target
	call ccolor_target
.target:
	call put_cname
	jmp .eol
.name:
	call put_bare
.eol:
	call put_eol
	add ebx, 4
	jmp .line
.done:
	ret

; acl_look - long_list's entry esi that ent_stat found (edx its flags, 0
; when it follows a symlink): the size of its list of extended attribute
; names (listxattr, or llistxattr when not followed) by GNU's full name,
; DIR/NAME (an operand: its own name; a DIR longer than 3800 bytes: none
; looked at, GNU's stat of such a name failed), made in the output
; buffer's free bytes past [V(opos)]; a list (a file with any
; extended attribute) goes to acl_mark (.qsec: a run whose files have
; none never maps it). keeps xbx, xsi
acl_look:
	push xsi
	push xbx
	push xdx
	cmp byte [V(isop)], 0           ; an operand: its own name
	jne .path
	call room                       ; DIR/NAME past the output (its page:
	mov edx, esi                    ; pathbuf's would be one more)
	mov esi, [V(dirname)]
	movx A2, xsi
	push xdx
	call strlen
	cmp edx, 3800
	pop xdx
	ja .r
	mov edi, [V(opos)]
	push xdi
	call path_join
	pop xsi
.path:
	push xsi                        ; [xsp]: the path, [xsp + W] the flags
	mov A1, xsi
	xor A2d, A2d
	xor A3d, A3d
	mov eax, SYS_llistxattr
	cmp dword [xsp + W], 1          ; (0: it follows)
	sbb eax, 0
	SYSCALL
	test eax, eax
	jle .none
	call acl_mark
.none:
	pop xax
.r:
	pop xdx
	pop xbx
	pop xsi
	ret

; link_read - long_list's entry esi whose statx (stx) found a symlink:
; its readlink now, as GNU's gobble_file (get_link_name), the target
; kept in the arena, its address at esi-10 (frills' blocks, which -l
; does not use); a failure: link_fail. keeps xbx, xsi
link_read:
	mov al, [V(stx) + STX_MODE + 1]
	and al, 0xf0
	cmp al, 0xa0
	jne .r
	push xbx
	push xsi
	sys readlinkat, [V(dirfd)], xsi, pathbuf, 4096
	pop xsi
	pop xbx
	test eax, eax
	js link_fail
	push xsi
	mov esi, pathbuf
	mov byte [xsi + xax], 0
	inc eax
	push xax
	call alloc                      ; (objv 0: nothing moves)
	pop xcx
	xchg eax, edi
	push xdi
	rep movsb
	pop xax
	pop xsi
	mov [xsi - 10], eax
.r:
	ret

; long_fail - long_list's line of an entry whose statx failed (GNU's
; print_long_format without stat_ok): after the inode, '?' for the
; blocks, d_type's letter and nine '?', '?' for the links, owners, size
; (each in its column's width from the other entries) and the date (12
; columns: "Jan  1  1970"); esi = the name, [V(ip)] its info. In .zsec
; with report_fails, which such a listing runs too.
	ZSEC
long_fail:
	push xsi
	mov edi, [V(opos)]
	cmp byte [V(opts) + O_BLK], 0
	je .mode
	mov ecx, [V(wblk)]
	call .right
.mode:
	movzx eax, byte [xsi - 1]
	mov al, [typechars + xax]
	stosb
	mov al, '?'
	push 9
	pop xcx
	rep stosb
	cmp byte [anyacl], cl           ; the mark column: '?' (GNU's modebuf)
	je .sp
	stosb
.sp:
	mov al, ' '
	stosb
	mov ecx, [V(wnl)]
	call .right
	test byte [V(lflags)], 2        ; -g
	jnz .nou
	mov ecx, [V(wuser)]
	call .left
.nou:
	test byte [V(lflags)], 4        ; -o
	jnz .nog
	mov ecx, [V(wgroup)]
	call .left
.nog:
	test byte [V(lflags)], 8        ; --author
	jz .noa
	mov ecx, [V(wuser)]
	call .left
.noa:
	mov al, [V(lflags)]
	and al, 14
	cmp al, 6                       ; GNU counts from past the owners
	je .nolbeg
	mov [V(lbeg)], edi
.nolbeg:
	mov ecx, [V(wsize)]
	call .right
	push 12
	pop xcx
	add ecx, [twidth]               ; (a time style's epoch width - 12)
	call .right
	pop xsi
	push xbx
	mov ebx, [V(ip)]
	jmp long_list.dated
; .right - '?' right-aligned in ecx columns, then a space
.right:
	mov al, ' '
	dec ecx
	jle .r1
	rep stosb
.r1:
	mov ax, '? '
	stosw
	ret
; .left - '?' left-aligned in ecx columns, then a space
.left:
	mov al, '?'
	stosb
	mov al, ' '
	dec ecx
	jle .l1
	rep stosb
.l1:
	stosb
	ret

	TEXT
; put_total - "total N" and a newline: the sum of the blocks as -s shows
; them
put_total:
	call room
	mov edi, [V(opos)]
	mov esi, msg_total
	movsd
	movsw
	mov eax, [V(total)]
	mov edx, [V(total) + 4]
	call blk_val
	xor ecx, ecx
	call num64_r
	mov al, 10
	xor al, [V(eolx)]
	mov [xdi - 1], al
	mov [V(opos)], edi
	ret

; special - the letter al (s, t) over the x at [edx]: upper case over '-'
special:
	push xax
	cmp byte [xdx], 'x'
	je .x
	sub al, 'a' - 'A'
.x:
	mov [xdx], al
	pop xax
	ret

; digits - the number of decimal digits of eax -> edx; keeps xdi, xbx
digits:
	push xdi
	mov edi, numend
	call utoa
	mov edx, numend
	sub edx, edi
	pop xdi
	ret

	TEXT
; num_r - eax (32 bits) right-aligned in ecx columns at edi, then a space
; num64_r - the same for the 64-bit number at esi
num_r:
	push xcx
	push xdi
	mov edi, numend
	call utoa
	jmp num64_r.digits
num64_r:
	push xcx
	push xdi
	mov edi, numend
	call size_str
.digits:
	mov esi, edi
	pop xdi
	pop xcx
; pad_copy - the text esi..numend right-aligned in ecx columns at edi, then
; a space
pad_copy:
	mov edx, numend
	sub edx, esi
	sub ecx, edx
	jbe .copy
	mov al, ' '
	rep stosb
.copy:
	mov ecx, edx
	rep movsb
	mov al, ' '
	stosb
	ret

	LSEC
; put_owner - the name (with -n, or without a name, the number) of id
; eax of kind dl in ecx columns: names left-aligned, numbers right-aligned
; (GNU's format_user_or_group: "%*ju"); then a space
put_owner:
	push xcx
	call owner
	pop xcx
	sub ecx, edx
	jae .pad
	xor ecx, ecx
.pad:
	test al, al
	jz .left
	mov al, ' '
	rep stosb
	mov ecx, edx
	rep movsb
	jmp .sp
.left:
	xchg ecx, edx
	rep movsb
	mov ecx, edx
	mov al, ' '
	rep stosb
.sp:
	mov al, ' '
	stosb
	ret

; owner - eax = an id, dl = 0 user, 1 group -> esi = its name (the
; number with -n or without a name: eax = 1, else 0), edx = its length.
; The last of each kind is kept. keeps xbx, xdi
owner:
	push xdi
	movzx ecx, dl
	imul edi, ecx, 260
	add edi, idname
	cmp dword [xdi], 0
	je .look
	cmp eax, [V(lastid) + xcx*4]
	je .have
.look:
	mov [V(lastid) + xcx*4], eax
	push xdi
	add edi, 4
	test byte [V(lflags)], 1
	jnz .num
	call id_name
	jmp short .named
.num:
	xchg eax, edx                   ; (-n: the number alone)
	call id_name.number
.named:
	setnz cl                        ; (ZF=0: its number)
	mov eax, edi
	pop xdi
	sub eax, edi
	sub eax, 4
	mov [xdi], eax
	mov [xdi + 3], cl               ; (a number: the length's high byte)
.have:
	movzx edx, word [xdi]
	movzx eax, byte [xdi + 3]
	lea esi, [xdi + 4]
	pop xdi
	ret

; ids_load (rt/ids.inc's, IDS_LOAD_OWN) - the file of dl (0 /etc/passwd,
; 1 /etc/group), NUL-terminated (empty when it cannot be read), into the
; arena's free bytes in arena0 while it fits there (nothing is allocated
; until the caller has searched it: a small listing's -l touches no other
; page), else on into ids_buf (the bytes read so far copied there first),
; at most IDSBUFSZ - 1 bytes as rt/ids.inc. out: xsi = the bytes. keeps
; xbp, xbx, xdi
ids_load:
	push xbx
	push xdi
	push xbp
	mov esi, ids_passwd
	test dl, dl
	jz .open
	mov esi, ids_group
.open:
	sys open, xsi, O_RDONLY | O_LARGEFILE
	push xax                        ; the fd
	mov eax, [V(cur)]
	mov ecx, arena0_end - 1
	cmp eax, ecx
	jb .buf
	mov eax, ids_buf
	mov ecx, ids_buf + IDSBUFSZ - 1
.buf:
	push xax                        ; the buffer's start
	push xcx                        ; its end (then its NUL)
	xchg eax, ebp                   ; ebp = where the next bytes go
	cmp dword [xsp + 2*W], 0
	jl .end
.read:
	mov A3d, [xsp]
	sub A3d, ebp
	jz .full
	sys read, [xsp + 2*W], xbp
	cmp eax, -EINTR
	je .read
	test eax, eax
	jle .end
	add ebp, eax
	jmp .read
.full:
	mov esi, [xsp + W]
	cmp esi, ids_buf
	je .end                         ; (a bigger file is searched that far)
	mov edi, ids_buf
	mov ecx, ebp
	sub ecx, esi
	rep movsb
	mov ebp, edi
	mov dword [xsp + W], ids_buf
	mov dword [xsp], ids_buf + IDSBUFSZ - 1
	jmp .read
.end:
	mov byte [xbp], 0
	pop xax
	pop xsi
	pop A1
	test A1d, A1d
	js .r
	sys close
.r:
	pop xbp
	pop xdi
	pop xbx
	ret

; put2 - eax (0..99) as two digits at edi; clobbers ecx
put2:
	mov cl, 10
	div cl
	add ax, '00'
	stosw
	ret

; put_date - the time edx:eax (seconds since the epoch, signed) at edi as
; GNU's "%b %e %H:%M" within six months before now, else "%b %e  %Y"
; (GNU's test on the times themselves), in local time: esi = its offset
; east of UTC (zone_offsets); then a space. keeps xbx, xbp
put_date:
	push xbx
	push xdi
	mov ecx, [V(now)]
	mov ebx, [V(now) + 4]
	sub ecx, eax
	sbb ebx, edx                    ; ebx:ecx = now - the time
	jz .near
	or ecx, -1                      ; (negative or 2^32 s and more)
.near:
	cmp ecx, HALFYEAR
	sbb ebx, ebx                    ; -1: recent
	push xbx                        ; [xsp] = recent (-1) or not
	mov ecx, esi
	mov ebx, edx                    ; edx:eax = the local time
	xchg eax, ecx
	cdq
	add eax, ecx
	adc edx, ebx
	mov ecx, 86400                  ; (|t| < 2^46: the days fit a dword)
	lea ebx, [xdx + 43200]
	cmp ebx, ecx
	jb .div
	xor eax, eax                    ; (out of range: the epoch)
	cdq
.div:
	idiv ecx                        ; floored: eax = days, edx = seconds
	test edx, edx
	jns .pos
	add edx, ecx
	dec eax
.pos:
	mov [V(tsec)], edx
	push xax                        ; [xsp] = the days
	call tz_year
	mov [V(tyear)], eax
	xor ebx, ebx                    ; ebx = the month: the last whose
.m:                                     ; first day is <= the days
	inc ebx
	lea ecx, [xbx + 1]
	call .first
	cmp eax, [xsp]
	jl .m
	mov ecx, ebx
	call .first
	pop xsi
	sub esi, eax                    ; esi = the day (1-31)
	pop xax                         ; (recent)
	pop xdi
	push xax
	lea eax, [xbx*2 + xbx - 3]
	mov eax, [months + xax]
	stosd
	dec edi
	mov al, ' '
	stosb
	xchg eax, esi
	call put2
	cmp byte [xdi - 2], '0'
	jne .day
	mov byte [xdi - 2], ' '
.day:
	mov al, ' '
	stosb
	pop xbx
	test ebx, ebx
	jz .year
	mov eax, [V(tsec)]
	xor edx, edx
	mov ecx, 3600
	div ecx
	push xdx
	call put2
	mov al, ':'
	stosb
	pop xax
	mov cl, 60
	div cl
	movzx eax, al
	call put2
	mov al, ' '
	stosb
	pop xbx
	ret
.year:
	stosb
	mov eax, [V(tyear)]
	cmp eax, 1000
	jl year_odd                     ; (before 1000: .qsec)
	xor ecx, ecx
	call num_r
	pop xbx
	ret
; .first - day 0 of the month ecx of the year [V(tyear)] -> eax (days
; since 1970-01-01). clobbers ecx edx edi
.first:
	mov eax, [V(tyear)]
	xor edx, edx
	jmp tz_days

; zone_init - the local zone (tz_load) for -l's dates, before the arena
; is used: read at arena0 (a TZif file's data may run on into outbuf,
; empty yet). A small zone's data (up to ZONE_SMALL bytes: UTC, zones
; without DST, a POSIX TZ: none) stays there for the whole run, the arena
; beginning past it; a bigger one (Europe/Paris: 1.8 KB) is read again by
; each listing's zone_offsets into its free bytes, so that a small listing
; still touches no page but the variables'. out: eax = the arena's start.
; Then the time style (--time-style, --full-time, else TIME_STYLE):
; .tsec's time_style when there is one (the zone still at arena0).
zone_init:
	call zone_load
	push xax
	mov xsi, [tstyle]
	test xsi, xsi
	jnz .style
	mov edx, s_tstyle
	push 11
	pop xcx
	call getenv
	test xax, xax                   ; (set and empty: GNU's ambiguous '')
	jz .none
	xchg xax, xsi
.style:
	call time_style
.none:
	pop xax
	ret
zone_load:
	mov xsi, [V(envp)]
	mov edi, arena0
	call tz_load
	mov eax, arena0
	mov ecx, [tz_types]
	jecxz .keep                     ; a POSIX string or UTC: no data
	mov ecx, [tz_tsize]             ; the data end with the leap records
	add ecx, 4
	imul ecx, [tz_nleap]
	add ecx, [tz_leaps]
	sub ecx, eax
	cmp ecx, ZONE_SMALL
	ja .r
	lea eax, [xax + xcx + 3]
	and eax, -4
.keep:
	inc byte [zkept]
.r:
	ret

; zone_offsets - [info+40] of each of the listing's [count] entries = the
; offset east of UTC of its time (tz_offset: less a right/ zone's leap
; seconds; 0 where glibc's localtime fails). Unless zone_init kept the
; zone, it is read first into the arena's free bytes (nothing is
; allocated: owners' files and messages use them later), after a flush of
; outbuf when they run on into it; with a time style, a zone with leap
; seconds (right/) into an allocation at the break, so that tdate finds it
; (tz_offset again for %z's tm_gmtoff and the inserted second's :60).
zone_offsets:
	cmp byte [tzagain], 0           ; a time style naming the zone or a
	je .kept                        ; right/ zone's: read where it stays
	mov eax, TZBUFSZ                ; (tdate's tz_offset), at the break
	call alloc                      ; (objv 0: listing's), with its
	push xax                        ; footer (a kept zone's is not)
	jmp .load
.kept:
	cmp byte [zkept], 0
	jne .conv
.free:
	mov eax, [V(cur)]
	add eax, 3
	and eax, -4
	push xax
	cmp eax, arena0_end
	jae .brk
	mov eax, [V(opos)]
	cmp eax, outbuf
	je .load
	call ob_flush
	jmp .load
.brk:
	add eax, TZBUFSZ
	call brk_need
.load:
	mov xsi, [V(envp)]
	pop xdi
	call tz_load
.conv:
	mov eax, [V(info)]
	mov [V(ip)], eax
	mov ecx, [V(count)]
	jecxz .r
.c:
	push xcx
	mov esi, [V(ip)]
	mov eax, [xsi + 24]
	mov edx, [xsi + 28]
	call tz_offset
	jnc .off
	xor ecx, ecx
.off:
	mov esi, [V(ip)]
	mov [xsi + 40], ecx
	add dword [V(ip)], 48
	pop xcx
	loop .c
.r:
	ret

typechars:	db '?pc?d?b?-?l?s???'
s_tstyle:	db 'TIME_STYLE='
	TEXT
k1024:		dd 1024
ten:		dd 10
hcw_up:		dw 0x0b7f                       ; x87: round up, 64-bit precision
hsfx:		db 'KMGTPEZY'
	LSEC
rwx:		db 'rwxrwxrwx'
months:		db 'JanFebMarAprMayJunJulAugSepOctNovDec', 0
	TEXT
msg_total:	db 'total '


opt_tab:	db O_FMT, 1, O_IGN, 2, O_IGN, 1, O_DIRS, 1, O_REV, 1, O_SORT, 1
		db O_IND, 1, O_IND, 2, O_INO, 1, O_DEREF, 3, O_DEREF, 2
		db O_Q, 1, O_FMT, 2, O_FMT, 3
lbits:		db 0, 1, 2, 4                   ; -l -n -g -o (not in the table)
tfields:	db 112, 64, 96, 80              ; stx_mtime, stx_atime, stx_ctime, stx_btime
		db O_SORT, 2, O_SORT, 3, O_TIME, 1, O_TIME, 2, O_REC, 1
		db O_HUM, 1, O_KIB, 1, O_BLK, 1
		db qstyle - opts, 1, O_IND, 0, O_FMT, 1, O_DEREF, 1 ; -N, long_ls's 1 2 3
		db O_BAK, 1                     ; -B
OPTSPEC:	db '1aAdrUpFiLHqCxlngotSucRhksN', 1, 2, 3, 'BT:w:I:bDGQXZfmv', 5, 7, 8, 9, 11, ':', 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 0
dot:		db '.', 0
s_color:	db 'color'
s_k:		db '-', 14, 0
s_qs:		db 'QUOTING_STYLE='
s_lscolors:	db 'LS_COLORS='
s_colorterm:	db 'COLORTERM='
s_term:		db 'TERM='
s_columns:	db 'COLUMNS='
s_tabsize:	db 'TABSIZE='

; ---------------------------------------------------------------- .xsec
; What only colored runs touch: GNU's parse_ls_color, get_color_indicator
; and the color sequences around a name, in .xsec (its own mapping, with
; -C/-x's columns: a run without either never faults its page in).
;
; The color table at [ctab]: slot k (8 bytes: the string's address, 0 for
; GNU's NULL, and its length) is indicator k-1 for k = 1..24 (S_LC..S_CL,
; GNU's order), then 25.. the distinct sequences of the "*SUFFIX=" entries.
; A name's color is its slot (a byte at name-6; 0: none). LS_COLORS is
; copied to the break and decoded in place (a value never grows), the
; suffix entries (address, length, slot: 12 bytes) after it; the arena
; starts past them.
	XSEC
S_LC equ 1
S_RC equ 2
S_EC equ 3
S_RS equ 4
S_NO equ 5
S_FI equ 6
S_DI equ 7
S_LN equ 8
S_PI equ 9
S_SO equ 10
S_BD equ 11
S_CD equ 12
S_MI equ 13
S_OR equ 14
S_EX equ 15
S_DO equ 16
S_SU equ 17
S_SG equ 18
S_ST equ 19
S_OW equ 20
S_TW equ 21
S_CA equ 22
S_MH equ 23
S_CL equ 24
NSLOT equ 256

; color_init - colors asked for: the built-in table; LS_COLORS set and not
; empty: parsed over it as GNU's parse_ls_color (its two messages, colors
; off after a bad string); else on only when COLORTERM is set or TERM is
; one of dircolors' terminals (GNU's known_term_type). Leaves O_COL 0 when
; colors end up off, and O_CFL's bits. clobbers all but xbp
color_init:
	mov dword [ctab], cdeftab
	mov dword [cnslot], 25
	mov edx, s_lscolors
	push 10
	pop xcx
	call getenv
	jnz parse_colors
	mov edx, s_colorterm
	call getenv                     ; (ecx: the same length)
	jnz cflags_set
	mov edx, s_term
	push 5
	pop xcx
	call getenv
	jz ..@colors_off
	mov edi, terms
.t:
	cmp byte [xdi], 0
	je ..@colors_off
	push xax
	push xdi
	mov xsi, xax
	call glob
	pop xdi
	pop xax
	je cflags_set
	push xax
	xor eax, eax
	or ecx, -1
	repne scasb
	pop xax
	jmp .t

; parse_colors - xax = LS_COLORS's value: copied to the break, then GNU's
; states: ':' skipped, "*SUFFIX=SEQ", "XX=SEQ" for the 24 indicators.
parse_colors:
	push xax
	xchg xax, xdi
	xor eax, eax
	xor edx, edx                    ; the '*'s: at most as many entries
	xor ecx, ecx                    ; (and suffix colors)
.count:
	scasb
	je .counted
	inc ecx
	cmp byte [xdi - 1], '*'
	jne .count
	inc edx
	jmp .count
.counted:
	push xcx                        ; the length
	push xdx
	imul eax, edx, 12 + 8           ; the entries, their slots,
	lea eax, [xax + xcx + 1 + NSLOT_DEF*8] ; the decoded bytes, the table
	mov [cext], eax                 ; (for a moment)
	sys brk, 0
	mov [cext0], eax
	add eax, [cext]
	push xax
	sys brk, xax
	pop xdx
	cmp eax, edx
	jb nomem
	pop xax
	imul edi, eax, 12
	add edi, [cext0]                ; the decoded bytes' start
	pop xcx
	lea eax, [xdi + xcx + 1]
	mov [ctab], eax
	push xdi
	xchg eax, edi
	mov esi, cdeftab
	push (NSLOT_DEF*8) / 4
	pop xcx
	rep movsd                       ; the built-in table
	pop xdi                         ; q: where the values are decoded to
	pop xsi                         ; p: LS_COLORS's value
	mov ebx, [cext0]
	mov [cext], ebx
.start:
	mov al, [xsi]
	cmp al, ':'
	je .colon
	cmp al, '*'
	je .ext
	test al, al
	jz .done
	mov ah, [xsi + 1]
	test ah, ah
	jz .fail
	mov [clabel], ax
	inc xsi
	inc xsi
	lodsb
	cmp al, '='
	jne .fail
	mov ax, [clabel]
	xor ecx, ecx
.find:
	cmp ax, [cnames + xcx*2]
	je .found
	inc ecx
	cmp ecx, 24
	jb .find
	jmp .badpref
.found:
	mov eax, [ctab]
	lea eax, [xax + xcx*8 + 8]      ; the slot
	mov [xax], edi
	push xax
	mov dl, 0
	call funky
	pop xcx
	pushf
	mov eax, edi
	sub eax, [xcx]
	mov [xcx + 4], eax
	popf
	jnc .start
.badpref:
	mov edx, clabel
	mov esi, fmt_prefix
	xor eax, eax
	call say
.fail:
	mov esi, fmt_unparsable
	mov edx, clabel                 ; (say reads ARG)
	xor eax, eax
	call say
	jns ..@colors_off               ; not written: GNU's close_stdout
	mov byte [V(status2)], 2        ; exits LS_FAILURE (2)
..@colors_off:
	mov byte [V(opts) + O_COL], 0
	ret
.colon:
	inc xsi
	jmp .start
; "*SUFFIX=SEQ": an entry; its SEQ's slot the one of the same bytes if
; there is one already (so 231 different sequences fit)
.ext:
	inc xsi
	mov [xbx], edi
	mov dl, 1
	call funky
	jc .fail
	mov eax, edi
	sub eax, [xbx]
	mov [xbx + 4], eax
	lodsb
	cmp al, '='
	jne .fail
	mov edx, edi
	push xdx
	mov dl, 0
	call funky
	pop xdx
	jc .fail
	push xsi
	push xdi
	push xbx
	mov ebx, [ctab]
	mov ecx, edi
	sub ecx, edx
	mov eax, 25
.same:
	cmp eax, [cnslot]
	jae .new
	cmp ecx, [xbx + xax*8 + 4]
	jne .nx
	mov esi, [xbx + xax*8]
	mov edi, edx
	push xcx
	repe cmpsb
	pop xcx
	je .got
.nx:
	inc eax
	jmp .same
.new:
	cmp eax, NSLOT
	jae .toomany
	mov [xbx + xax*8], edx
	mov [xbx + xax*8 + 4], ecx
	inc dword [cnslot]
.got:
	pop xbx
	mov [xbx + 8], eax
	add ebx, 12
	mov [cext], ebx
	pop xdi
	pop xsi
	jmp .start
.toomany:
	mov esi, fmt_toomany
	mov edx, clabel
	jmp say_exit2
.done:
; ln=target: symlinks in their targets' colors
	mov eax, S_LN
	call cslot_get
	cmp ecx, 6
	jne cflags_set
	cmp dword [xsi], 'targ'
	jne cflags_set
	cmp word [xsi + 4], 'et'
	jne cflags_set
	or byte [V(opts) + O_CFL], CF_REF
; cflags_set - cmask (bit k: slot k is colored, GNU's is_colored) and O_CFL:
; CF_CHK (GNU's check_symlink_mode: a symlink's target is looked at),
; CF_MHST (mh colored and GNU stats every regular file: -l, -s, -F, -t,
; -S, or ex/su/sg/ca colored)
cflags_set:
	mov eax, S_CL
.m:
	call colored
	rcl dword [cmask], 1
	dec eax
	jnz .m
	shl dword [cmask], 1            ; bit k for slot k
	mov eax, [cmask]
	mov dl, [V(opts) + O_CFL]
	bt eax, S_OR
	jc .chk
	test dl, CF_REF
	jz .mi
	bt eax, S_EX
	jc .chk
.mi:
	cmp byte [V(opts) + O_FMT], 4
	jne .mh
	bt eax, S_MI
	jnc .mh
.chk:
	or dl, CF_CHK
.mh:
	bt eax, S_MH
	jnc .r
	test eax, (1 << S_EX) | (1 << S_SU) | (1 << S_SG) | (1 << S_CA)
	jnz .mhst
	cmp byte [V(opts) + O_FMT], 4
	je .mhst
	cmp byte [V(opts) + O_BLK], 0
	jne .mhst
	cmp byte [V(opts) + O_IND], 2
	je .mhst
	cmp byte [V(opts) + O_SORT], 2
	jl .r
.mhst:
	or dl, CF_MHST
.r:
	mov [V(opts) + O_CFL], dl
	ret

; cslot_get - slot eax of the table at [ctab] -> esi its string (0: GNU's
; NULL), ecx its length. keeps the rest
cslot_get:
	mov esi, [ctab]
	mov ecx, [xsi + xax*8 + 4]
	mov esi, [xsi + xax*8]
	ret

; colored - is slot eax colored (GNU's is_colored: a string other than "",
; "0", "00")? CF=1 yes. keeps all but ecx
colored:
	push xsi
	call cslot_get
	cmp ecx, 2
	ja .yes
	jecxz .no
.z:
	cmp byte [xsi + xcx - 1], '0'
	jne .yes
	loop .z
.no:
	clc
	pop xsi
	ret
.yes:
	stc
	pop xsi
	ret

; funky - GNU's get_funky_string: decodes from esi (p) to edi (q) up to
; ':' or NUL (and '=' when dl = 1): \a \b \e \f \n \r \t \v \? \_, \NNN
; octal, \xHH hex (as many digits as come, modulo 256), \C for any other
; C, ^X carets (@..~ and ?) -> CF=1 for a bad string (a '\' at the end, a
; '^' before anything else). keeps ebx, dl
funky:
	mov al, [xsi]
	cmp al, ':'
	je .end
	test al, al
	jz .end
	cmp al, '='
	jne .lit
	test dl, dl
	jnz .end
.lit:
	inc xsi
	cmp al, '\'
	je .bs
	cmp al, '^'
	je .caret
.put:
	stosb
	jmp funky
.end:
	clc
	ret
.caret:                                ; (GNU reads the '?' of "^?" again)
	mov al, [xsi]
	cmp al, '?'
	mov ah, 127
	je .put_ah
	inc xsi
	sub al, '@'
	cmp al, '~' - '@'
	ja .err
	and al, 31
	jmp .put
.put_ah:
	mov al, ah
	jmp .put
.bs:
	lodsb
	test al, al
	jz .err
	mov ah, al
	or ah, 0x20
	cmp ah, 'x'
	je .hex
	mov ah, al
	sub ah, '0'
	cmp ah, 7
	jbe .oct
	xor ecx, ecx
.esc:
	cmp al, [esc_from + xcx]
	je .from
	inc ecx
	cmp ecx, 10
	jb .esc
	jmp .put
.from:
	mov al, [esc_to + xcx]
	jmp .put
.oct:                                   ; ah = the value so far
	mov al, [xsi]
	sub al, '0'
	cmp al, 7
	ja .put_ah
	shl ah, 3
	add ah, al
	inc xsi
	jmp .oct
.hex:
	mov ah, 0
.hx:
	mov al, [xsi]
	sub al, '0'
	cmp al, 9
	jbe .hd
	mov al, [xsi]
	or al, 0x20
	sub al, 'a'
	cmp al, 5
	ja .put_ah
	add al, 10
.hd:
	shl ah, 4
	add ah, al
	inc xsi
	jmp .hx
.err:
	stc
	ret

; glob - does the string xsi match the pattern xdi ('*', and "[0-9]" as
; any digit: dircolors' TERM patterns)? ZF=1 yes. clobbers xax, xsi, xdi
glob:
	mov al, [xdi]
	cmp al, '*'
	jne .one
	inc xdi
.star:
	push xsi
	push xdi
	call glob
	pop xdi
	pop xsi
	je .ret
	inc xsi
	cmp byte [xsi - 1], 0
	jne .star
	test esp, esp
	ret
.one:
	mov ah, [xsi]
	cmp al, '['
	jne .lit
	sub ah, '0'
	cmp ah, 9
	ja .ret
	add xdi, 5
	inc xsi
	jmp glob
.lit:
	cmp al, ah
	jne .ret
	inc xsi
	inc xdi
	test al, al
	jnz glob
.ret:
	ret

; link_chk - frills' entry ebx whose lstat found a symlink, with GNU's
; check_symlink_mode: without -l (long_list's link_read) its readlink as
; gobble_file's (get_link_name): a failure is link_fail's. keeps all but
; xdx, xsi, xdi
link_chk:
	cmp byte [V(opts) + O_FMT], 4
	je .r
	push xax
	push xcx
	push xbx
	mov esi, ebx
	sys readlinkat, [V(dirfd)], xsi, pathbuf, 1
	pop xsi
	test eax, eax
	jns .ok
	call link_fail
.ok:
	mov ebx, esi
	pop xcx
	pop xax
.r:
	ret

; ccolor_frills - color_of's colored part for the name ebx (frills): without
; -l a symlink's target is looked at only for CF_CHK (GNU), then ccolor
ccolor_frills:
	mov esi, ebx
	and dword [lmode], 0
	cmp cl, DT_LNK
	jne ccolor
	test byte [V(opts) + O_CFL], CF_CHK
	jz ccolor
	push xax
	push xcx
	push xdx
	xor edx, edx
	call stat_at
	js .no
	movzx eax, word [V(stx) + STX_MODE]
	mov [lmode], eax
.no:
	pop xdx
	pop xcx
	pop xax
; ccolor - GNU's get_color_indicator for the name esi: cl its type (DT_*),
; eax its mode (0: no stat, the type alone), [lmode] a symlink's target's
; mode (0: missing or not looked at) -> dl = its slot (0: no color).
; keeps all but edx
ccolor:
	push xax
	push xcx
	push xbx
	push xsi
	push xdi
	mov ebx, [lmode]                ; linkok
	mov byte [cmhok], 1
	cmp cl, DT_LNK
	jne .own
	mov byte [cmhok], 0             ; (the link's own nlink: 1)
	test byte [V(opts) + O_CFL], CF_REF
	jz .own
	test ebx, ebx
	jz .own
	test eax, eax
	jz .own
	mov eax, ebx                    ; ln=target: the target's mode
.own:
	test eax, eax
	jnz .bymode
	movzx edx, cl
	mov dl, [dt_ind + xdx]
	jmp .type
; ccolor_target's way in: esi = the target, eax = its mode
.target:
	push xax
	push xcx
	push xbx
	push xsi
	push xdi
	mov ebx, eax
	mov byte [cmhok], 0
	test eax, eax
	jnz .bymode
	mov dl, S_MI
	bt dword [cmask], S_MI
	jc .ret
	mov dl, S_OR
	jmp .ret
.bymode:
	mov ecx, eax
	shr ecx, 12
	and ecx, 15
	movzx edx, byte [dt_ind + xcx]
	cmp dl, S_FI
	jne .dir
	mov dl, S_SU
	test ah, 0o4000 >> 8
	jz .sg
	bt dword [cmask], S_SU
	jc .type
.sg:
	mov dl, S_SG
	test ah, 0o2000 >> 8
	jz .ex
	bt dword [cmask], S_SG
	jc .type
.ex:
	mov dl, S_EX
	test al, 0o111
	jz .mh
	bt dword [cmask], S_EX
	jc .type
.mh:
	mov dl, S_FI
	cmp byte [cmhok], 0
	je .type
	bt dword [cmask], S_MH
	jnc .type
	test byte [V(opts) + O_CFL], CF_MHST
	jnz .st
	cmp byte [V(isop)], 0
	je .type
.st:
	push xdx
	xor edx, edx
	call stat_at
	pop xdx
	js .type
	cmp dword [V(stx) + 16], 1      ; stx_nlink
	jbe .type
	mov dl, S_MH
	jmp .type
.dir:
	cmp dl, S_DI
	jne .type
	test al, 2
	jz .st_
	mov dl, S_TW
	test ah, 0o1000 >> 8
	jz .ow
	bt dword [cmask], S_TW
	jc .type
.ow:
	mov dl, S_OW
	bt dword [cmask], S_OW
	jc .type
.st_:
	mov dl, S_ST
	test ah, 0o1000 >> 8
	jz .di
	bt dword [cmask], S_ST
	jc .type
.di:
	mov dl, S_DI
.type:
	cmp dl, S_FI
	jne .orph
; a regular file: the last "*SUFFIX" entry that ends its name, in any case
	movx A2, xsi
	push xdx
	call strlen
	mov ecx, edx
	pop xdx
	add esi, ecx                    ; the name's end
	mov ebx, [cext]
.suf:
	cmp ebx, [cext0]
	jbe .ret
	sub ebx, 12
	mov eax, [xbx + 4]
	cmp eax, ecx
	ja .suf
	push xsi
	push xcx
	mov edi, [xbx]
	sub esi, eax
.cmp:
	dec eax
	js .match
	mov ch, [xsi + xax]
	mov cl, [xdi + xax]
	cmp ch, cl
	je .cmp
	or cx, 0x2020
	cmp ch, cl
	jne .differ
	sub cl, 'a'
	cmp cl, 'z' - 'a'
	jbe .cmp
.differ:
	pop xcx
	pop xsi
	jmp .suf
.match:
	pop xcx
	pop xsi
	mov dl, [xbx + 8]
	jmp .ret
.orph:
	cmp dl, S_LN                    ; a symlink whose target is missing
	jne .ret
	test ebx, ebx
	jnz .ret
	test byte [V(opts) + O_CFL], CF_REF
	jnz .or
	bt dword [cmask], S_OR
	jnc .ret
.or:
	mov dl, S_OR
.ret:
	movzx eax, dl
	call cslot_get
	test esi, esi
	jnz .r
	mov dl, 0                       ; GNU's NULL: no color
.r:
	pop xdi
	pop xsi
	pop xbx
	pop xcx
	pop xax
	ret

; ccolor_target - the color of a symlink's target esi (-l), its mode in
; [lmode] (0: missing or not looked at) -> al = its slot. keeps ah, esi, edi
ccolor_target:
	push xax
	mov eax, [lmode]
	call ccolor.target
	pop xax
	mov al, dl
	ret

; cput - the string of slot al at edi (the output) -> edi past it; GNU's
; prep_non_filename_text first when it is the first color written; the
; buffer flushed before it when less than 4800 bytes would stay free (a
; name and its frills fit after any sequence), a sequence longer than the
; buffer written straight. keeps all but eax, ecx, edi
cput:
	cmp byte [V(used)], 0
	jne .go
	inc byte [V(used)]
	push xax
	call cprep
	pop xax
.go:
	push xsi
	push xdx
	push xbx
	movzx eax, al
	call cslot_get
	lea eax, [xdi + xcx]
	cmp eax, outbuf + OUTSZ - 4800
	jb .copy
	mov [V(opos)], edi
	push xsi
	push xcx
	call ob_flush
	pop xcx
	pop xsi
	mov edi, [V(opos)]
	cmp ecx, OUTSZ - 4800
	jb .copy
	mov A3d, ecx
	mov A2d, esi
	call ob_write
	mov edi, [V(opos)]
	xor ecx, ecx
.copy:
	rep movsb
	pop xbx
	pop xdx
	pop xsi
	ret

; cprep - GNU's prep_non_filename_text: ec, else lc rs rc
cprep:
	push xsi
	mov eax, S_EC
	call cslot_get
	test esi, esi
	pop xsi
	jnz cput
	mov al, S_LC
	call cput
	mov al, S_RS
	call cput
	mov al, S_RC
	jmp cput

; cpre - before a name at edi, its slot al: (lc rc when no is colored) lc
; SEQ rc, nothing for slot 0. keeps all but ecx, edi
cpre:
	test al, al
	jz .r
	push xax
	bt dword [cmask], S_NO
	jnc .n
	mov al, S_LC
	call cput
	mov al, S_RC
	call cput
.n:
	pop xax
; ..@cind3 - lc, the slot al, rc at edi
..@cind3:
	push xax
	push xax
	mov al, S_LC
	call cput
	pop xax
	call cput
	mov al, S_RC
	call cput
	pop xax
.r:
	ret

; cnormal - GNU's set_normal_color at [V(opos)]: lc no rc when no is
; colored. keeps xsi, xbx
cnormal:
	bt dword [cmask], S_NO
	jnc .r
	mov edi, [V(opos)]
	mov al, S_NO
	call ..@cind3
	mov [V(opos)], edi
.r:
	ret

; cpost - after a name (edx its start at edi its end, slot al, [V(pos)]
; its column): when al is a color or no is colored, GNU's
; prep_non_filename_text, then cl when the name may wrap: pos % width +
; length - 1 >= width (the length with vqpad's pad: GNU's quote_name
; returns len + pad). keeps xsi, xbx
cpost:
	test al, al
	jnz .go
	bt dword [cmask], S_NO
	jnc .r
.go:
	mov eax, [V(pos)]
	push xdx
	xor edx, edx
	cmp [V(linelen)], edx           ; no line length: no wrap (GNU)
	je .nowrap
	div dword [V(linelen)]
	pop xax
	sub eax, edi
	neg eax
	lea eax, [xax + xdx - 1]
	movzx ecx, byte [qpadw]
	add eax, ecx
	cmp eax, [V(linelen)]
	sbb eax, eax                    ; -1: it does not wrap
.cp:
	push xax
	call cprep
	pop xax
	test eax, eax
	jnz .r
	mov al, S_CL
	jmp cput
.r:
	ret
.nowrap:
	pop xax
	or eax, -1
	jmp .cp

; cfinish - at the end of a run that wrote colors: lc rc unless they are
; "\e[" and "m" (GNU)
cfinish:
	mov eax, S_LC
	call cslot_get
	cmp ecx, 2
	jne .do
	cmp word [xsi], 0x5b1b
	jne .do
	mov eax, S_RC
	call cslot_get
	dec ecx
	jnz .do
	cmp byte [xsi], 'm'
	je .r
.do:
	mov edi, [V(opos)]
	mov al, S_LC
	call cput
	mov al, S_RC
	call cput
	mov [V(opos)], edi
.r:
	ret

; GNU's built-in table (slots 0..24: address, length; 0, 0: NULL)
cdeftab:
	dd 0, 0
	dd cd_lc, 2, cd_rc, 1, 0, 0, cd_rs, 1   ; lc rc ec rs
	dd 0, 0, 0, 0                           ; no fi
	dd cd_di, 5, cd_ln, 5, cd_pi, 2         ; di ln pi
	dd cd_so, 5, cd_bd, 5, cd_bd, 5         ; so bd cd
	dd 0, 0, 0, 0                           ; mi or
	dd cd_ex, 5, cd_so, 5, cd_su, 5         ; ex do su
	dd cd_sg, 5, cd_st, 5, cd_ow, 5         ; sg st ow
	dd cd_tw, 5, 0, 0, 0, 0                 ; tw ca mh
	dd cd_cl, 3                             ; cl
NSLOT_DEF equ ($ - cdeftab) / 8
cd_cl:	db 27, '[K'
cd_lc:	db 27, '['
cd_rc:	db 'm'
cd_rs:	db '0'
cd_di:	db '01;34'
cd_ln:	db '01;36'
cd_pi:	db '33'
cd_so:	db '01;35'
cd_bd:	db '01;33'
cd_ex:	db '01;32'
cd_su:	db '37;41'
cd_sg:	db '30;43'
cd_st:	db '37;44'
cd_ow:	db '34;42'
cd_tw:	db '30;42'
cnames:	db 'lcrcecrsnofidilnpisobdcdmiorexdosusgstowtwcamhcl'
; GNU's filetype_indicator by d_type, and by a mode's type (>> 12)
dt_ind:	db S_OR, S_PI, S_CD, S_OR, S_DI, S_OR, S_BD, S_OR
	db S_FI, S_OR, S_LN, S_OR, S_SO, S_OR, S_FI, S_OR
esc_from: db 'abefnrtv?_'
esc_to:	db 7, 8, 27, 12, 10, 13, 9, 11, 127, ' '
terms:		db 'Eterm', 0, 'ansi', 0, '*color*', 0, 'con[0-9]*x[0-9]*', 0, 'cons25', 0
		db 'console', 0, 'cygwin', 0, '*direct*', 0, 'dtterm', 0, 'gnome', 0, 'hurd', 0
		db 'jfbterm', 0, 'konsole', 0, 'kterm', 0, 'linux', 0, 'linux-c', 0, 'mlterm', 0
		db 'putty', 0, 'rxvt*', 0, 'screen*', 0, 'st', 0, 'terminator', 0, 'tmux*', 0
		db 'vt100', 0, 'xterm*', 0, 0
fmt_prefix:	db F_ARGV0, ": unrecognized prefix: ", F_QUOTE, 10, 0
fmt_unparsable:	db F_ARGV0, ": unparsable value for LS_COLORS environment variable", 10, 0
fmt_toomany:	db F_ARGV0, ": more than 231 different suffix colors in LS_COLORS are not supported by this ls", 10, 0

; ---------------------------------------------------------------- the rest
; By part: -h, -R, -t/-S, -p/-F in the core (ls -l uses them too: with
; -l's page that is two); -C/-x and --color=WHEN in .xsec; the messages
; of errors in .zsec; a device's numbers in .lsec.

	TEXT
; size_hum - size_str with -h
size_hum:
	fild qword [xsi]
	xor ecx, ecx
	fild dword [k1024]
.l:
	fcomi st0, st1
	ja .done
	fdiv st1, st0
	inc ecx
	jmp .l
.done:
	fstp st0
	jecxz .int
	fldcw [hcw_up]
	fld st0
	fimul dword [ten]
	fistp dword [V(tmp)]            ; tenths, rounded up
	fistp dword [V(tsec)]           ; units, rounded up
	mov eax, [V(tmp)]
	cmp dword [V(tsec)], 1024
	jb .nc
	inc ecx                         ; 1024 of a unit: 1.0 of the next
	push 10
	pop xax
.nc:
	dec edi
	mov dl, [hsfx + xcx - 1]
	mov [xdi], dl
	cmp eax, 100
	jae .whole
	push 10
	pop xcx
	xor edx, edx
	div ecx
	add dl, '0'
	dec edi
	mov [xdi], dl
	dec edi
	mov byte [xdi], '.'
	add al, '0'
	dec edi
	mov [xdi], al
	ret
.whole:
	mov eax, [V(tsec)]
	jmp utoa
.int:
	fstp st0
	jmp u64


	XSEC
; width - (.xsec: -C, -x, colors) the line length: COLUMNS if a number
; from 1, else the terminal's, else 80.
width:
	cmp byte [wstate], 2
	je .ret
	cmp byte [wstate], 1            ; -w given
	je .tabs
	movzx eax, word [V(winsz) + 2]  ; a terminal's columns
	test eax, eax
	jnz .set
	mov edx, s_columns
	push 8
	pop xcx
	call getenv
	jz .d80
	mov xsi, xax
	push xsi
	call num_arg
	pop xsi
	cmp dl, 1
	jb .set
	mov eax, 0                      ; (too big: no limit)
	jne .set
	mov xdx, xsi
	mov esi, fmt_colbad
	call warn
.d80:
	push 80
	pop xax
.set:
	mov [V(linelen)], eax
.tabs:
	mov byte [wstate], 2
	cmp byte [tset], 0              ; TABSIZE: -C -x -m without -T
	jne .ret
	mov al, [V(opts) + O_FMT]
	cmp al, 4
	je .ret
	cmp al, 1
	jbe .ret
	mov edx, s_tabsize
	push 8
	pop xcx
	call getenv
	test xax, xax
	jz .ret
	mov xsi, xax
	push xsi
	call num_arg
	pop xsi
	test dl, 1                      ; invalid (1), past 2^64 (3); up to
	jnz .tbad                       ; 2^64 - 1 (SIZE_MAX) good: spaces
	xor al, 8
	mov [tabsz], eax
.ret:
	ret
.tbad:
	mov xdx, xsi
	mov esi, fmt_tabbad
	jmp warn

; num_arg - xsi = a number as gnulib's xstrtoumax reads it (base 0: 0x
; hex, 0 octal; blanks, '+'; no '-', no suffix) -> eax = its value
; (0xffffffff past 32 bits), dl = 0 valid, 1 invalid, 2 past 2^63 - 1
; (PTRDIFF_MAX), 3 past 2^64 (LONGINT_OVERFLOW). clobbers xcx xsi
num_arg:
	push xbx
	push xdi
	xor ebx, ebx                    ; ebx:edi = the value
	xor edi, edi
	mov byte [V(tmp)], bl           ; past 2^64
	push 10
	pop xcx
.sp:
	lodsb
	cmp al, ' '
	je .sp
	mov ah, al
	sub ah, 9
	cmp ah, 5
	jb .sp
	cmp al, '-'
	je .bad
	cmp al, '+'
	jne .sign
	lodsb
.sign:
	cmp al, '0'
	jne .first
	mov cl, 8
	mov ah, [xsi]
	or ah, 0x20
	cmp ah, 'x'
	jne .first
	mov cl, 16                      ; "0x" and a hex digit: base 16 (a
	mov al, [xsi + 1]               ; "0x" without one: 0 and a bad 'x')
	call .digit
	jnc .bad
	inc xsi
	lodsb
.first:
	call .digit
	jnc .bad                        ; no digit
.acc:
	push xax
	mov eax, ebx
	mul ecx
	jnc .h
	mov byte [V(tmp)], 1
.h:
	mov ebx, eax
	mov eax, edi
	mul ecx
	mov edi, eax
	add ebx, edx
	pop xax
	jnc .l
	mov byte [V(tmp)], 1
.l:
	add edi, eax
	adc ebx, 0
	jnc .n
	mov byte [V(tmp)], 1
.n:
	lodsb
	call .digit
	jc .acc
	test al, al                     ; (the byte after the digits)
	jnz .bad
	mov dl, 3
	cmp byte [V(tmp)], 0
	jne .r
	dec edx
	or eax, -1
	test ebx, ebx
	js .r
	jnz .big
	mov eax, edi
.big:
	mov dl, 0
	jmp .r
.bad:
	mov dl, 1
.r:
	pop xdi
	pop xbx
	ret
; .digit - al = a character: CF=1 and eax = its value when a digit of
; the base ecx; else CF=0 and al kept
.digit:
	push xax
	sub al, '0'
	cmp al, 10
	jb .v
	mov al, [xsp]
	or al, 0x20
	sub al, 'a' - 10
	cmp al, 10
	jb .no
.v:
	movzx eax, al
	cmp eax, ecx
	jae .no
	pop xdx                         ; (CF=1 from the cmp)
	ret
.no:
	pop xax
	clc
	ret

; columns - GNU's -C and -x: the most columns whose widths fit.
columns:
	mov ecx, [V(count)]
	jecxz .ret0
	cmp byte [V(opts) + O_FMT], 5   ; -m (.tsec)
	je with_sep_m
	mov eax, [V(linelen)]
	test eax, eax                   ; no line length: GNU's
	jz with_sep_sp                  ; print_with_separator (' ')
	xor edx, edx
	push 3
	pop xbx
	div ebx
	test edx, edx
	jz .m
	inc eax
.m:
	cmp eax, ecx
	jbe .m2
	mov eax, ecx
.m2:
	mov [V(cols)], eax
	; the column widths' array past the pointers
	shl eax, 2
	push xax
	call alloc
	mov [V(colw)], eax
	pop xax
.try:
	mov ecx, [V(cols)]
	cmp ecx, 1
	je .show
	call fit
	jb .show
	dec dword [V(cols)]
	jmp .try
.ret0:
	ret
.show:
	call fit                        ; the widths and rows of the layout
	cmp byte [V(opts) + O_FMT], 3
	je across
; down: for each row, the names row, row+rows, ...
	xor ebx, ebx                    ; row
.row:
	cmp ebx, [V(rows)]
	jae .done
	and dword [V(pos)], 0
	push xbx                        ; filesno
	xor edx, edx                    ; col
.cell:
	mov eax, [xsp]
	push xdx
	mov esi, [V(ptrs)]
	mov esi, [xsi + xax*4]
	push xsi
	call put_name
	pop xsi
	call width_of
	pop xdx
	mov ecx, [xsp]
	add ecx, [V(rows)]
	cmp ecx, [V(count)]
	jae .eol
	mov [xsp], ecx
	mov ecx, [V(colw)]
	mov ecx, [xcx + xdx*4]
	call indent
	inc edx
	jmp .cell
.eol:
	pop xax
	call put_eol
	inc ebx
	jmp .row
.done:
	ret

across:
	xor ebx, ebx                    ; filesno
	and dword [V(pos)], 0
.cell:
	mov esi, [V(ptrs)]
	mov esi, [xsi + xbx*4]
	push xsi
	call put_name
	pop xsi
	call width_of
	mov [V(tmp)], eax
	inc ebx
	cmp ebx, [V(count)]
	jae .eol
	mov eax, ebx
	xor edx, edx
	div dword [V(cols)]
	test edx, edx
	jnz .same
	call put_eol
	and dword [V(pos)], 0
	jmp .cell
.same:
	mov eax, [V(tmp)]
	mov ecx, [V(colw)]
	mov ecx, [xcx + xdx*4 - 4]
	call indent
	jmp .cell
.eol:
	jmp put_eol

; indent - eax = the width just written, ecx = the column's: from
; pos + eax to pos + ecx with GNU's tabs (of -T, TABSIZE or 8; none with
; colors or a size 0) and spaces, pos += ecx. keeps ebx, edx
indent:
	push xbx
	push xdx
	mov esi, [V(pos)]
	add eax, esi
	add esi, ecx
	mov [V(pos)], esi
	mov edi, [V(opos)]
	mov ebx, [tabsz]
	xor ebx, 8
	cmp byte [V(opts) + O_COL], 0   ; no tabs with colors (GNU)
	je .l
	xor ebx, ebx
.l:
	cmp eax, esi
	jae .done
	test ebx, ebx
	jz .space
	push xax                        ; to / size > (from + 1) / size: a tab
	inc eax
	xor edx, edx
	div ebx
	xchg eax, ecx
	mov eax, esi
	xor edx, edx
	div ebx
	cmp eax, ecx
	pop xax
	jbe .space
	xor edx, edx                    ; from += size - from % size
	push xax
	div ebx
	pop xax
	sub eax, edx
	add eax, ebx
	mov byte [xdi], 9
	inc edi
	jmp .l
.space:
	mov byte [xdi], ' '
	inc edi
	inc eax
	jmp .l
.done:
	mov [V(opos)], edi
	pop xdx
	pop xbx
	ret


; fit - the widths of [V(cols)] columns into colw -> CF=1 when the line fits
; (shorter than linelen, or no column wider than GNU's MIN_COLUMN_WIDTH of
; 3: GNU's calculate_columns starts each layout valid at 3 a column and
; checks the length only when a column grows). clobbers eax, ecx, esi, edi
fit:
	push xbx
	push xdx
	mov ecx, [V(cols)]
	mov edi, [V(colw)]
	mov eax, 3
	push xdi
	rep stosd
	pop xdi
	mov ecx, [V(cols)]
	mov eax, [V(count)]
	add eax, ecx
	dec eax
	xor edx, edx
	div ecx
	mov [V(rows)], eax
	xor ebx, ebx
.f:
	cmp ebx, [V(count)]
	jae .sum
	mov esi, [V(ptrs)]
	mov esi, [xsi + xbx*4]
	call width_of
	push xax
	mov eax, ebx
	xor edx, edx
	cmp byte [V(opts) + O_FMT], 3
	je .acr
	div dword [V(rows)]             ; col = filesno / rows
	jmp .col
.acr:
	div dword [V(cols)]                ; col = filesno % cols
	mov eax, edx
.col:
	pop xdx                         ; the name's width
	inc eax
	cmp eax, [V(cols)]
	je .last
	add edx, 2
.last:
	dec eax
	cmp edx, [xdi + xax*4]
	jbe .nf
	mov [xdi + xax*4], edx
.nf:
	inc ebx
	jmp .f
.sum:
	xor eax, eax
	mov ecx, [V(cols)]
.s:
	add eax, [xdi + xcx*4 - 4]
	loop .s
	mov ecx, [V(cols)]
	lea ecx, [xcx + xcx*2]
	cmp eax, ecx                    ; (no column grew: valid)
	stc
	je .r
	cmp eax, [V(linelen)]
.r:
	pop xdx
	pop xbx
	ret


	TEXT
; -R: each directory among the names, in the listing's order (not . and
; .., not symlinks), as DIR/NAME; the globals are the callee's after a call,
; so the mark, the name and the end of the pointers wait on the stack.
recurse:
	mov eax, [V(mark)]
	push xax
	mov eax, [V(dirname)]
	push xax
	mov eax, [V(pend)]
	push xax
	mov ebx, [V(ptrs)]
	inc dword [V(depth)]
.sub:
	cmp ebx, [xsp]
	jae .subs_done
	mov esi, [xbx]
	cmp byte [xsi - 1], DT_DIR
	jne .nsub
	skip_dots xsi, .nsub
.go:
	push xbx
	movx A2, xsi
	call strlen
	push xdx
	mov esi, [xsp + 3*W]            ; the directory's name
	movx A2, xsi
	call strlen
	pop xax
	lea eax, [xax + xdx + 2]
	call alloc
	xchg eax, edi
	push xdi
	mov esi, [xsp + 3*W]
	mov edx, [xsp + W]              ; the entry (its pointer's slot)
	mov edx, [xdx]
	call path_join
	pop xsi
	call list_dir
	pop xbx
.nsub:
	add ebx, 4
	jmp .sub
.subs_done:
	dec dword [V(depth)]
	pop xax
	pop xax
	pop xax
	mov [V(mark)], eax
	jmp list_dir.free


	ZSEC
; open_fail - list_dir's directory [V(dirname)] not opened (eax = -errno):
; "cannot open directory", status 1 below an operand (-R), else 2; returns
; for list_dir
open_fail:
	mov ecx, msg_open
dir_fail:
	mov edx, [V(dirname)]
	call fail_name
	mov STATUSb, 1                  ; below an operand (-R): 1
	cmp dword [V(depth)], 0
	jne .ret
	mov byte [V(status2)], 2
.ret:
	ret


; fail_name - "ARGV0: TEXT 'NAME': REASON" with GNU's quoting that always
; quotes (shell-escape-always); ecx = TEXT, edx = NAME, eax = -errno;
; stdout flushed first, as glibc's error() does
fail_name:
	push xax
	push xcx
	push xdx
	call ob_flush
	pop xdx
	pop xcx
	mov esi, edx
	mov al, [xsi]
	cmp al, '#'
	je .q
	cmp al, '~'
	je .q
	test al, al
	jz .q
.l:
	movzx eax, byte [xsi]
	inc esi
	test al, al
	jz .plain
	js .q
	cmp al, "'"
	je .q
	bt [quote_needed], eax
	jnc .l
.q:
	jmp fail_q                      ; (.qsec: quotearg's quoting)
.plain:
	mov esi, fmt_fp
	pop xax
	jmp say

; long_ls - xdx = an argument "--NAME[=VALUE]" (before any "--"), xsi = the
; next argument's slot: glibc's getopt_long on GNU ls's long options
; (LONGOPTS, in GNU's order: prefixes, ambiguities, messages), then the
; argument rewritten in place as the short option that does the same
; ("-a"; 1 2 3: the indicators none, one per line, command-line symlinks
; to directories; "-\x0e", which changes nothing (getopt's 14, skipped
; in the core; -k would not do: the block-size variables read it, nor -N:
; it keeps QUOTING_STYLE out), for --color's), a VALUE taken from the
; next argument made "-\x0e" too; a WORD checked by argm.
; The options not done: GNU's "unrecognized option", exit 2.
; -> xsi = the next slot to look at. clobbers all but xbp
long_ls:
	push xdx                        ; the argument
	mov xbx, xsi
	lea xsi, [xdx + 2]
	call long_opt                   ; al = CODE, xdx = VALUE, xbx
	mov xsi, xbx
	pop xdi
	cmp al, 'w'                     ; --width, --tabsize: getopt's -w -T
	je .arg
	cmp al, 'T'
	je .arg
	cmp al, 0x2a                    ; --block-size=SIZE: getopt's 11
	jne .nbs
	mov al, 11
	jmp .arg
.nbs:
	cmp xdx, [xsi - W]              ; the value from the next slot?
	jne .own
	mov ecx, s_k
	mov [xsi - W], xcx
.own:
	push xsi
	cmp al, 'I'                     ; --ignore=PATTERN
	je .pat
	cmp al, 0x29                    ; --hide=PATTERN
	jne .npat
.pat:
	call add_pat
	jmp .put14
.npat:
	cmp al, '?'
	je .refused
	cmp al, 0x1f                    ; --hyperlink
	je .refused
	cmp al, 3                       ; (a letter: 3, --file-type's 5)
	je .put
	cmp al, 5
	je .put
	cmp al, 8                       ; --zero: no colors (GNU: in the
	jne .nz                         ; options' order, as --color's)
	mov byte [V(opts) + O_COL], 0
	jmp .put
.nz:
	cmp al, 12                      ; --si
	je .put
	cmp al, 13                      ; --show-control-chars
	je .put
	cmp al, 0x28                    ; --time-style=STYLE: kept for zone_init
	jne .nts
	mov [tstyle], xdx
	jmp .put14
.nts:
	cmp al, 4                       ; --group-directories-first (and
	jne .ngd                        ; GNU's check_symlink_mode)
	or byte [V(opts) + O_DF], 1
	or byte [V(opts) + O_CFL], CF_CHK
	jmp .put14
.ngd:
	cmp al, 6                       ; --author: -l's owner again
	jne .nau
	or byte [V(lflags)], 8
	jmp .put14
.nau:
	cmp al, 7                       ; --full-time: -l, full-iso
	jne .nft
	mov WPTR [tstyle], s_fulliso
	mov al, 'l'
	jmp .put
.nft:
	cmp al, 'A'
	jae .put                        ; a letter
; al = the WORD table's number: its option's name, then each word after
; its letter; --color and --classify (no WORD: always)
	movzx ecx, al
	and cl, 0x1f
	mov esi, qwords                 ; --quoting-style's (.vsec)
	cmp cl, 7
	je .found
	mov esi, words
.tab:
	dec ecx
	jz .found
.skip:
	lodsb
	cmp al, 0xff
	jne .skip
	jmp .tab
.found:
	call long_word
	pop xsi
	ret
.put14:                                 ; (getopt's 14: nothing more to do)
	mov al, 14
.put:
	mov [xdi + 1], al
	mov byte [xdi + 2], 0
	pop xsi
	ret
.refused:
	mov xdx, xdi
	jmp opt_unrecognized
; "-w" and COLS, as getopt then reads them in the command line's order:
; COLS left in the next argument, or copied after the letter ("-w80");
; an empty one ("--width="): invalid at once
.arg:
	push xsi
	cmp xdx, [xsi - W]
	je .put
	cmp byte [xdx], 0
	jne .cp0
	cmp al, 11                      ; an empty SIZE: invalid at once
	je vopt_bs
	jmp opt_wt
.cp0:
	mov [xdi + 1], al
	inc xdi
.cp:
	inc xdi
	mov cl, [xdx]
	mov [xdi], cl
	inc xdx
	test cl, cl
	jnz .cp
	pop xsi
	ret

	XSEC
; long_word - xdi = the argument ("--NAME..."), xdx = its WORD (0: none,
; --color's and --classify's always), esi = its words (see argm): the
; argument rewritten as the short option that does the same ("-\x0e" for
; --color's, which sets O_COL: 0 never, 1 always, auto: 1 on a terminal;
; --classify's never and auto off a terminal leave it as it was, GNU's
; "-F" else). clobbers all but xbp
long_word:
	mov al, 'y'
	test xdx, xdx
	jz .word
	call argm                       ; al = the word's letter
.word:
	cmp word [xsi], 'co'            ; "color": O_COL (0 1 2: auto)
	jne .when
	mov bl, 0
	cmp al, 'n'
	je .col
	inc ebx
	cmp al, 'y'
	je .col
	push xdi
	sys ioctl, 1, TIOCGWINSZ, stx
	pop xdi
	test eax, eax
	sets bl
	xor bl, 1
.col:
	mov [V(opts) + O_COL], bl
	mov al, 14
	jmp .put
.when:                                  ; classify's WHEN: -F or nothing
	cmp al, 0x1e
	jne .when2
	push xdi
	sys ioctl, 1, TIOCGWINSZ, stx
	pop xdi
	test eax, eax
	mov al, 'y'
	jns .when2
	mov al, 'n'
.when2:
	cmp al, 'y'
	jne .nf
	mov al, 'F'
.nf:
	cmp al, 'n'                     ; (GNU: never leaves -F as it was)
	jne .put
	mov al, 14
.put:
	mov [xdi + 1], al
	mov byte [xdi + 2], 0
	ret

; argm - gnulib's argmatch: xdx = WORD, esi = the option's name then
; entries "LETTER word" (0-terminated), 0xff at the end -> al = the
; LETTER of the word, or of the prefixes when they all have one; else
; "invalid"/"ambiguous argument" with the valid ones, exit 1. A LETTER '?':
; "not supported by this ls", exit 2. keeps xdi, esi
argm:
	push xdi
	push xsi
	mov bh, -1                      ; a prefix's letter (-1 none, -2 two)
.name:
	lodsb
	test al, al
	jnz .name
.w:
	lodsb                           ; the letter
	cmp al, 0xff
	je .end
	mov bl, al
	mov xdi, xdx
.c:
	mov al, [xdi]
	inc xdi
	test al, al
	jz .arg_end
	cmp al, [xsi]
	jne .no
	inc esi
	jmp .c
.arg_end:
	cmp byte [xsi], 0
	je .take
	cmp bh, -1
	je .first
	cmp bh, bl
	je .no
	mov bl, -2
.first:
	mov bh, bl
.no:
	lodsb
	test al, al
	jnz .no
	jmp .w
.end:
	mov bl, bh
	cmp bl, -2
	jae .bad
.take:
	mov al, bl
	pop xsi
	pop xdi
	cmp al, 0xf0                    ; (0xf0 and up: each its own line)
	jae .unsupp
	ret
.unsupp:
	mov ecx, esi
	mov esi, fmt_argns
	jmp say_exit2
; GNU's argmatch_invalid and argmatch_valid: the list built at arena0
.bad:
	mov ecx, s_invalid
	inc bl
	jz .say
	mov ecx, s_ambiguous
.say:
	push xdx
	pop xax                         ; (the WORD)
	pop xsi                         ; the option's name
	push xax
	mov edi, arena0
	mov eax, " for"
	stosd
	mov eax, " '--"
	stosd
.nm:
	lodsb
	stosb
	test al, al
	jnz .nm
	dec edi
	push xsi
	mov esi, s_valid
.v:
	lodsb
	stosb
	test al, al
	jnz .v
	dec edi
	pop xsi
	mov bl, 0
.l:
	lodsb                           ; the letter
	cmp al, 0xff
	je .l_end
	cmp al, bl
	mov bl, al
	mov eax, ", '"
	je .same
	mov eax, 10 | (' ' << 8) | (' ' << 16) | ('-' << 24)
	stosd
	mov eax, " '"
.same:
	stosd
	dec edi
	cmp byte [xdi - 1], 0
	jne .wd
	dec edi
.wd:
	lodsb
	stosb
	test al, al
	jnz .wd
	mov byte [xdi - 1], "'"
	jmp .l
.l_end:
	mov ax, 10
	stosw
	pop xdx                         ; the WORD
	push xsi
	mov esi, fmt_argm
	xor eax, eax
	call say
	pop xsi
	mov edx, arena0
	mov esi, fmt_argm2
	mov bl, 1
	jmp say_exit

; argm's: the option's name, each word after its letter, 0xff
words:
	db 'color', 0
	db 'y', 'always', 0, 'y', 'yes', 0, 'y', 'force', 0
	db 'n', 'never', 0, 'n', 'no', 0, 'n', 'none', 0
	db 0x1e, 'auto', 0, 0x1e, 'tty', 0, 0x1e, 'if-tty', 0, 0xff
	db 'classify', 0
	db 'y', 'always', 0, 'y', 'yes', 0, 'y', 'force', 0
	db 'n', 'never', 0, 'n', 'no', 0, 'n', 'none', 0
	db 0x1e, 'auto', 0, 0x1e, 'tty', 0, 0x1e, 'if-tty', 0, 0xff
	db 'sort', 0
	db 'U', 'none', 0, 't', 'time', 0, 'S', 'size', 0, 'X', 'extension', 0
	db 'v', 'version', 0, 7, 'width', 0, 0xff
	db 'time', 0
	db 'u', 'atime', 0, 'u', 'access', 0, 'u', 'use', 0
	db 'c', 'ctime', 0, 'c', 'status', 0
	db 9, 'birth', 0, 9, 'creation', 0, 0xff
	db 'format', 0
	db 'l', 'verbose', 0, 'l', 'long', 0, 'm', 'commas', 0
	db 'x', 'horizontal', 0, 'x', 'across', 0, 'C', 'vertical', 0
	db 2, 'single-column', 0, 0xff
	db 'indicator-style', 0
	db 1, 'none', 0, 'p', 'slash', 0, 5, 'file-type', 0, 'F', 'classify', 0, 0xff

	ZSEC

unsupported:
	cmp al, 'I'                     ; -I PATTERN
	je opt_I
	cmp al, 11                      ; --block-size=SIZE: .vsec
	je vopt_bs
	cmp al, 'm'                     ; -m: commas
	jne .nm
	mov byte [V(opts) + O_FMT], 5
	jmp _start.opt
.nm:
	cmp al, 5                       ; --file-type (long_ls's 5)
	jne .nft
	mov byte [V(opts) + O_IND], 3
	jmp _start.opt
.nft:
	cmp al, 'G'                     ; -G: no group (-o's without -l)
	jne .ng
	or byte [V(lflags)], 4
	jmp _start.opt
.ng:
	cmp al, 'w'
	je opt_wt
	cmp al, 'T'
	je opt_wt
	mov dl, -3                      ; -v, --sort=version
	cmp al, 'v'
	je .xs
	inc edx                         ; -X, --sort=extension
	cmp al, 'X'
	je .xs
	inc edx                         ; --sort=width (long_ls's 7)
	cmp al, 7
	jne .nxs
.xs:
	mov [V(opts) + O_SORT], dl
	or byte [V(opts) + O_DF], 2     ; (dirs_first sorts them: xsort)
	jmp _start.opt
.nxs:
; -f: GNU's -a -U, -l's format back to the default, no -s, no colors but
; those of a --color after it (the long options were read first: each
; --color left "-\x0e", NUL, "ol..." in its word, see _start.cs; xsi is
; getopt's next word)
	cmp al, 'f'
	jne .nf
	mov byte [V(opts) + O_IGN], 2
	mov byte [V(opts) + O_SORT], 1
	cmp byte [V(opts) + O_FMT], 4
	jne .f1
	mov byte [V(opts) + O_FMT], 0
.f1:
	mov byte [V(opts) + O_BLK], 0
	push xsi
.f2:
	lodsW
	test xax, xax
	jz .f3
	cmp byte [xax], '-'
	jne .f2
	cmp dword [xax + 1], 14 | ('o' << 16) | ('l' << 24)
	jne .f2
	jmp .f4                         ; a --color after -f: its WHEN holds
.f3:
	mov byte [V(opts) + O_COL], 0
.f4:
	pop xsi
	jmp _start.opt
.nf:
	cmp al, 21                      ; --zero (8), --time=birth (9), --si (12),
	jbe vopt                        ; --show-control-chars (13), 15-21: .vsec
	cmp al, 'b'                     ; -b, -Q: .vsec
	je vqopt
	cmp al, 'Q'
	je vqopt
	mov edx, optstr
	mov [xdx], al
	mov esi, fmt_unsupp
; say_exit2 - the message esi (ARG xdx, TEXT xcx) without a reason, exit 2
; say_exit - the same, exit bl; say_exit_e: with the errno eax
say_exit2:
	mov bl, 2
say_exit:
	xor eax, eax
say_exit_e:
	call say
	mov STATUSb, bl
	exit_status

; warn - say's message esi (ARG xdx), keeping all but xax (COLUMNS's and
; TABSIZE's warnings: GNU's error (0, 0, ...), stdout empty yet)
warn:                                   ; (say, keeping all but xax)
	pushW_all
	xor eax, eax
	call say
	popW_all
	ret

opt_I:
	call add_pat
	jmp _start.opt

; opt_wt - getopt's -w COLS or -T COLS (al, xdx = COLS; xsi xdi xbx its
; state), then on to the next option: GNU's decode_line_length (a number
; as xstrtoumax reads it, base 0, no suffix; past 2^63 - 1: no limit, 0)
; else "invalid line width: 'COLS'", exit 2; -T's xnumtoumax (up to 2^63
; - 1, else "invalid tab size: 'COLS'" and for a too big one ": Value too
; large for defined data type", exit 2)
opt_wt:
	push xsi
	push xax
	mov xsi, xdx
	push xdx
	call num_arg                    ; eax, dl
	pop xsi                         ; (COLS, for the messages)
	pop xcx
	cmp cl, 'w'
	jne .t
	cmp dl, 1
	mov ecx, msg_width
	je .bad
	jb .w
	xor eax, eax                    ; too big: no limit
.w:
	mov [V(linelen)], eax
	mov byte [wstate], 1
	jmp .r
.t:
	mov ecx, msg_tab
	test dl, dl
	jnz .bad
	xor al, 8                       ; (tabsz holds it xor 8)
	mov [tabsz], eax
	mov byte [tset], 1
.r:
	pop xsi
	jmp _start.opt
.bad:
	xor eax, eax
	cmp ecx, msg_tab                ; -T: a reason for a too big one
	jne .say
	cmp dl, 2
	jb .say
	mov eax, -EOVERFLOW
.say:
	mov xdx, xsi
	mov esi, fmt_wtbad
	mov bl, 2
	jmp say_exit_e


; xsort - -X, --sort=width: Shell sort of the pointers [ptrs]..[pend]
; ([count]) by GNU's cmp_extension (the bytes from the name's last '.',
; or "", then the names) or cmp_width (the name's width as frills counts
; it, then the names), -r reversing all; after sort's name order
; (listing's sort_df). clobbers all but xbp
xsort:
	mov ecx, [V(count)]
	mov [V(nsort)], ecx
	shell_sort xcmp
.ret:
	ret

; xcmp - esi, edi names: flags of esi against edi (-X: the extensions,
; --sort=width: the widths; then the names), -r reversed; keeps ebx ecx edx
xcmp:
	cmp byte [V(opts) + O_REV], 0
	je .k
	xchg esi, edi
.k:
	cmp byte [V(opts) + O_SORT], -3 ; -v: filevercmp, then the names
	jne .k2
	push xcx
	push xdx
	push xbx
	push xsi
	push xdi
	call vcmp
	pop xdi
	pop xsi
	pop xbx
	pop xdx
	pop xcx
	test eax, eax
	jz .tie
	shl eax, 1                      ; CF = below (the sign), ZF = 0
	ret
.tie:
	jmp cmp_names.cmp
.k2:
	push xcx
	push xdx
	push xsi
	push xdi
	call xkey
	push xdx
	mov esi, edi
	call xkey
	mov edi, edx
	pop xsi
	cmp byte [V(opts) + O_SORT], -2
	jne .w
	call cmp_names.cmp              ; the extensions
	jmp .n
.w:
	cmp esi, edi                    ; the widths
.n:
	pop xdi
	pop xsi
	pop xdx
	pop xcx
	jne .r
	jmp cmp_names.cmp
.r:
	ret
	VSEC
; vcmp - gnulib's filevercmp (GNU 9.1): esi, edi names -> eax < 0, 0,
; > 0: their lengths (strlen), then rt/filevercmp.inc's filevercmp (sort's
; too), included here in .vsec rather than by program_end.
; clobbers all but xbx, xbp
vcmp:
	push xsi
	mov A2, xdi
	call strlen                     ; xdx = b's length
	pop xsi
	push xdx
	mov A2, xsi
	call strlen
	mov xcx, xdx                    ; a's
	pop xdx
	jmp filevercmp

%include "rt/filevercmp.inc"

	ZSEC
; xkey - esi a name -> edx: -X its last '.' (its NUL when none), else
; its width (printable bytes without -q, GNU's quote_name_width in the C
; locale); clobbers eax esi
xkey:
	xor edx, edx
	cmp byte [V(opts) + O_SORT], -2
	jne .w
.e:
	lodsb
	cmp al, '.'
	jne .e1
	lea edx, [xsi - 1]
.e1:
	test al, al
	jnz .e
	test edx, edx
	jnz .r
	lea edx, [xsi - 1]
.r:
	ret
.w:
	cmp byte [V(qstyle)], 1         ; a quoting style: .vsec's length
	jg vqkey
.w0:
	lodsb
	test al, al
	jz .r
	cmp byte [V(opts) + O_Q], 0
	jg .w1
	sub al, ' '
	cmp al, 0x5f
	jae .w
.w1:
	inc edx
	jmp .w0

; dirs_first - --group-directories-first: the sorted pointers [ptrs]..
; [pend] ([count] of them) made directories first, each group in its
; order (a stable partition: GNU's dirfirst_check before the key); a
; directory as GNU's is_linked_directory: d_type's (or the operand's), a
; symlink's or an unknown type's by a statx that follows; not with -U
; (GNU sorts nothing). The directories' pointers go to a copy past [cur]
; (given back), the others close up, then both in place. clobbers all
; but xbp
dirs_first:
	mov eax, [V(cur)]               ; (the operands' directories: no pend
	mov [V(pend)], eax              ; nor count yet)
	sub eax, [V(ptrs)]
	shr eax, 2
	mov [V(count)], eax
	cmp byte [V(opts) + O_SORT], 0  ; -X, --sort=width (negative)
	jge .part
	call xsort
.part:
	test byte [V(opts) + O_DF], 1
	jz .ret
	cmp byte [V(opts) + O_SORT], 1
	je .ret
	mov eax, [V(cur)]
	push xax
	mov eax, [V(count)]
	shl eax, 2
	call alloc
	xchg eax, edi                   ; edi = the directories' copy
	push xdi
	mov ebx, [V(ptrs)]
	mov ecx, ebx                    ; ecx = where the next other goes
.e:
	cmp ebx, [V(pend)]
	jae .split
	mov esi, [xbx]
	mov al, [xsi - 1]
	cmp al, DT_DIR
	je .dir
	cmp al, DT_LNK
	je .st
	test al, al
	jnz .other
.st:
	push xcx
	push xdi
	xor edx, edx
	call stat_at
	pop xdi
	pop xcx
	js .other
	mov al, [V(stx) + STX_MODE + 1]
	and al, 0xf0
	cmp al, 0x40
	jne .other
.dir:
	xchg eax, esi
	stosd
	jmp .n
.other:
	mov [xcx], esi
	add ecx, 4
.n:
	add ebx, 4
	jmp .e
; the others (ptrs..ecx) moved up to end at pend, the directories (the
; copy..edi) before them
.split:
	pop xsi                         ; the copy
	sub edi, esi                    ; edi = the directories' bytes
	push xsi
	push xdi
	lea esi, [xcx - 4]              ; the others' last
	sub ecx, [V(ptrs)]
	shr ecx, 2                      ; their count
	lea edi, [xbx - 4]              ; to end at pend
	std
	rep movsd
	cld
	pop xcx
	shr ecx, 2
	pop xsi
	mov edi, [V(ptrs)]
	rep movsd
	pop xax
	mov [V(cur)], eax               ; the copy given back
.ret:
	ret


; ent_fail - ent_stat's failure, eax = -errno. An entry of a directory
; that GNU's gobble_file stats (below) is marked failed (d_ino = -1:-errno:
; '?' for its inode, report_fails tells it); an operand (-l's second
; statx), or an entry GNU would not stat (colors of a fifo...), is not.
; Then stx zeroed but for its mode: d_type << 12 and bit 16 (long_list's
; mark) -> SF=1. keeps xbx, xdx, xsi
ent_fail:
	cmp byte [V(isop)], 0
	jne .zero
; GNU stats an entry for -l, -s, -i, -t, -S (format_needs_stat, and
; every inode as readdir's may be wrong), a directory when tw, ow or st
; is colored, and with -p/-F/-R/colors/--group-directories-first
; (format_needs_type) one of an
; unknown type, a symlink with -L or when its target's color counts
; (check_symlink_mode, ln=target), a regular file with -F or when ex, su,
; sg or ca is colored.
	mov cl, [V(opts) + O_BLK]
	or cl, [V(opts) + O_INO]
	jnz .mark
	cmp byte [V(opts) + O_FMT], 4
	je .mark
	cmp byte [V(opts) + O_SORT], 2
	jge .mark
	mov edi, [cmask]
	mov cl, [xsi - 1]
	cmp cl, DT_DIR
	jne .needs_type
	test edi, (1 << S_TW) | (1 << S_OW) | (1 << S_ST)
	jnz .mark
.needs_type:
	mov ch, [V(opts) + O_DF]        ; (--group-directories-first too:
	and ch, 1                       ; not xsort's 2)
	or ch, [V(opts) + O_COL]
	or ch, [V(opts) + O_IND]
	or ch, [V(opts) + O_REC]
	jz .zero
	test cl, cl
	jz .mark
	cmp cl, DT_LNK
	jne .reg
	cmp byte [V(opts) + O_DEREF], 3
	je .mark
	test byte [V(opts) + O_CFL], CF_CHK | CF_REF
	jnz .mark
.reg:
	cmp cl, DT_REG
	jne .zero
	cmp byte [V(opts) + O_IND], 2
	je .mark
	test edi, (1 << S_EX) | (1 << S_SU) | (1 << S_SG) | (1 << S_CA)
	jz .zero
.mark:
	mov [xsi - 19], eax
	or dword [xsi - 15], -1
	mov byte [V(nfail)], 1
.zero:
	mov edi, stx
	xor eax, eax
	push 64
	pop xcx
	rep stosd
	mov al, [xsi - 1]
	shl eax, 12
	bts eax, 16
	mov [V(stx) + STX_MODE], eax
	or eax, -1                      ; SF=1
	ret

; report_fails - GNU's "cannot access 'DIR/NAME': REASON" (status 1) for
; each entry ent_fail marked (and "cannot read symbolic link" for each
; link_fail marked, then read_fail's "reading directory"), in the directory's order (the records
; [recs]..[recend]) as gobble_file tells them. clears nfail
report_fails:
	mov byte [V(nfail)], 0
	mov ebx, [V(recs)]
.r:
	cmp ebx, [V(recend)]
	jae .ret
	lea esi, [xbx + 19]
	call report_one
	movzx eax, word [xbx + 16]
	add ebx, eax
	jmp .r
.ret:
	cmp dword [rd_err], 0           ; then getdents64's failure (.vsec)
	jne rd_pend
	ret

	VSEC
; read_fail - list_dir's getdents64 failed (eax = -errno): "reading
; directory", status as open_fail's (GNU's file_failure
; (command_line_arg, ...)), where GNU's print_dir tells it: after the
; header and the messages of the entries read (report_fails' end,
; rd_pend); with -1 -U (GNU prints each entry as it reads it) after the
; entries' lines too: at list_dir's return (rd_late). -ENOENT is the
; directory's end, nothing said: it was removed (glibc's readdir's EOF)
read_fail:
	dents_removed .ret
	mov [rd_err], eax
	cmp byte [V(opts) + O_FMT], 1
	jne .batch
	cmp byte [V(opts) + O_SORT], 1
	jne .batch
	mov cl, [V(opts) + O_BLK]
	or cl, [V(opts) + O_REC]
	jnz .batch
	mov xax, [xsp + W]
	mov [rd_ret], xax
	mov WPTR [xsp + W], rd_late
.ret:
	ret
.batch:
	mov byte [V(nfail)], 1
	ret
rd_late:
	push WPTR [rd_ret]
rd_pend:
	xor eax, eax
	xchg eax, [rd_err]
	mov ecx, msg_read
	jmp dir_fail

; link_fail - the readlink of the symlink esi failed (eax = -errno), as
; GNU's get_link_name: marked for report_fails (its d_type 0x80 | errno),
; which tells "cannot read symbolic link" with the others in the
; directory's (the operands') order, as gobble_file. -l: no target (0 at
; esi-10). keeps xbx, xsi
link_fail:
	cmp byte [V(opts) + O_FMT], 4
	jne .nol
	and dword [xsi - 10], 0
.nol:
	neg eax
	or al, 0x80
	mov [xsi - 1], al
	mov byte [V(nfail)], 1
	ret
msg_rdlink:	db "cannot read symbolic link", 0
fmt_loop:	db F_ARGV0, ": ", F_FILE, ": not listing already-listed directory", 10, 0

; dir_visit - -RL (GNU's LOOP_DETECT): the device and inode of the
; directory just opened ([V(dirfd)]) against those of the directories
; being listed above it, a chain in the arena from [vhead] (a node: the
; one above, the inode, the device), then its own node at the chain's
; head (list_dir.free takes it off with the arena). One of them: "DIR:
; not listing already-listed directory", status 2, the directory closed,
; and list_dir returns at once.
dir_visit:
	mov esi, .empty                 ; (in .vsec: no .zsec page)
	mov edx, AT_EMPTY_PATH
	call stat_at
	js .ret                         ; (GNU: "cannot determine ...")
	and dword [V(objv)], 0          ; (nothing to move)
	push 20
	pop xax
	call alloc
	xchg eax, edi
	mov eax, [vhead]
	mov [vhead], edi
	stosd
	push xdi
	lea esi, [V(stx) + STX_INO]
	movsd
	movsd
	mov esi, stx + STX_DEV
	movsd
	movsd
	pop xdi
	xchg eax, esi
.c:
	test esi, esi
	jz .ret
	push xsi
	push xdi
	lodsd
	push 4
	pop xcx
	repe cmpsd
	pop xdi
	pop xsi
	je .loop
	mov esi, [xsi]
	jmp .c
.loop:
	call ob_flush
	mov edx, [V(dirname)]
	mov esi, fmt_loop
	xor eax, eax
	call say
	mov byte [V(status2)], 2
	sys close, [V(dirfd)]
	mov dword [V(dirfd)], AT_FDCWD
	pop xax                         ; (list_dir's return)
	jmp list_dir.free
.ret:
	ret
.empty:	db 0
	ZSEC

; report_one - GNU's message for the entry esi when marked: "cannot
; read symbolic link 'DIR/NAME': REASON" (link_fail: d_type 0x80 |
; errno), "cannot access 'DIR/NAME': REASON" (ent_fail: d_ino
; -1:-errno; an operand has no such mark, and a failed one's d_type
; 0xff is none); status 1, an operand's (NAME alone) 2. keeps xbx, xsi
report_one:
	movzx eax, byte [xsi - 1]
	mov ecx, msg_rdlink
	inc al                          ; (0x81..0xfe: negative; 0xff: 0)
	jns .acc
	sub al, 0x81
	neg eax
	jmp .go
.acc:
	cmp byte [V(isop)], 0
	jne .ret
	mov eax, [xsi - 19]             ; -errno
	mov ecx, msg_access
	cmp dword [xsi - 15], -1
	jne .ret
.go:
	push xbx
	push xsi
	push WPTR [V(cur)]              ; DIR/NAME in the arena, given back
	push xcx                        ; after (pathbuf would be a page more)
	push xax
	mov edx, esi
	cmp byte [V(isop)], 0
	jne .named
	mov esi, [V(dirname)]
	movx A2, xsi
	call strlen
	lea eax, [xdx + 258]
	call alloc
	xchg eax, edi
	push xdi
	mov esi, [V(dirname)]
	mov edx, [xsp + 4*W]            ; the name
	cmp word [xsi], '.'             ; "." (attach): the name alone
	je .base
	call path_join
	jmp .joined
.base:
	call path_join.name
.joined:
	pop xdx
.named:
	pop xax
	pop xcx
	call fail_name
	mov STATUSb, 1
	cmp byte [V(isop)], 0
	je .st
	mov byte [V(status2)], 2
.st:
	pop xax
	mov [V(cur)], eax
	pop xsi
	pop xbx
.ret:
	ret

	TEXT
; time_keys - listing's -t/-S keys: a statx of each name
time_keys:
	mov ebx, [V(ptrs)]
.key:
	cmp ebx, [V(pend)]
	jae .ret
	mov esi, [xbx]
	call ent_stat_l                 ; (failed: zeros, the oldest, size 0)
	mov edi, esi
	call set_key
	add ebx, 4
	jmp .key
.ret:
	ret

; set_key - the sort key of the name edi from stx into its d_off (-t,
; -S, -u/-c sorts): -t the seconds (34 bits, see below) then the
; nanoseconds of the chosen time, -S the size
set_key:
	push xsi
	lea esi, [V(stx) + STX_SIZE]
	cmp byte [V(opts) + O_SORT], 3
	je .k
	movzx eax, byte [V(opts) + O_TIME]
	movzx eax, byte [tfields + xax]
	lea esi, [V(stx) + xax]
	push xdx                        ; the key: tv_sec + 2^33 in 34 bits
	lodsd                           ; (1698 to 2242; earlier ones as
	xchg eax, edx                   ; the earliest, later as the latest),
	lodsd                           ; its 2 low bits above tv_nsec's 30
	xchg eax, edx
	mov ecx, [xsi]                  ; tv_nsec
	inc edx
	inc edx
	cmp edx, 3
	ja .clamp
	push xax
	shl eax, 30
	or ecx, eax
	pop xax
	shrd eax, edx, 2
	jmp .store
.clamp:
	sar edx, 31
	not edx
	mov eax, edx
	mov ecx, edx
.store:
	mov [xdi - 7], eax
	mov [xdi - 11], ecx
	pop xdx
	pop xsi
	ret
.k:
	mov eax, [xsi]
	mov ecx, [xsi + 4]
	mov [xdi - 11], eax
	mov [xdi - 7], ecx
	pop xsi
	ret


; ind_tail - ind_char for -p/-F
ind_tail:
	mov dl, '/'
	cmp cl, DT_DIR
	je .r
	cmp byte [V(opts) + O_IND], 2   ; -F, --file-type: the others
	jb .no
	je .f
	and al, ~0o111 & 0xff           ; (--file-type: no '*')
.f:
	mov dl, '@'
	cmp cl, DT_LNK
	je .r
	mov dl, '|'
	cmp cl, 1
	je .r
	mov dl, '='
	cmp cl, 12
	je .r
	cmp cl, DT_REG
	jne .no
	mov dl, '*'
	test al, 0o111
	jnz .r
.no:
	mov dl, 0
.r:
	ret

	QSEC
; long_dev - long_list's widths of a device's numbers (here, off -l's
; full page: a listing with a device maps this part)
long_dev:
	mov eax, [xdi - 24]
	call digits
	lea esi, [V(wmaj)]
	call widen
	mov eax, [xdi - 20]
	call digits
	lea esi, [V(wmin)]
	call widen
	mov edx, [V(wmaj)]
	add edx, [V(wmin)]
	inc edx
	inc edx
	lea esi, [V(wsize)]
	call widen
	jmp long_list.next

; long_pdev - long_list's "major, minor" of a device
long_pdev:
	mov ecx, [V(wsize)]
	sub ecx, [V(wmin)]
	dec ecx
	dec ecx
	mov eax, [xbx + 16]
	call num_r
	dec edi
	mov al, ','
	stosb
	mov eax, [xbx + 20]
	mov ecx, [V(wmin)]
	inc ecx
	call num_r
	jmp long_list.date

; acl_mark - acl_look's entry ([xsp + W] its path, [xsp + 2*W] its flags) has
; extended attributes: GNU's mark after its mode, in stx's spare byte
; beside the mode (the info record's fourth byte): '+' for a POSIX ACL
; (getxattr "system.posix_acl_access", a directory's
; "system.posix_acl_default" too; none looked for on a symlink itself:
; GNU's file_has_acl), else '.' for an SELinux context other than
; "unlabeled" (lgetxattr "security.selinux", getxattr when followed:
; GNU's getfilecon); a mark makes [anyacl] ' ' (GNU's any_has_acl: each
; line of the listing then has the column). An error is no mark (GNU
; says those other than ENOTSUP and ENODATA, which a file just stat'ed
; does not get). clobbers all but xbp
acl_mark:
	mov A2d, s_acl_access
	mov al, [V(stx) + STX_MODE + 1]
	and al, 0xf0
	cmp al, 0xa0                    ; a symlink (not followed): no ACL
	je .ctx
.acl:
	xor A3d, A3d
	xor A4d, A4d
	mov eax, SYS_getxattr
	call .get
	jg .plus
	mov al, [V(stx) + STX_MODE + 1]
	and al, 0xf0
	cmp al, 0x40                    ; a directory: its default ACL too
	jne .ctx
	cmp A2d, s_acl_default
	mov A2d, s_acl_default
	jne .acl
.ctx:
	mov A2d, s_selinux
	mov A3d, numbuf
	and dword [numbuf + 8], 0
	push 16
	pop A4
	mov eax, SYS_lgetxattr
	cmp dword [xsp + 2*W], 1        ; (the flags: 0 follows)
	sbb eax, 0
	call .get
	xchg eax, ecx
	mov al, '.'
	cmp ecx, -ERANGE                ; (a value past 16 bytes)
	je .mark
	test ecx, ecx
	jle .none
	cmp dword [numbuf], 'unla'
	jne .mark
	cmp dword [numbuf + 4], 'bele'
	jne .mark
	cmp dword [numbuf + 8], 'd'
	jne .mark
.none:
	mov al, 0
	jmp .mark
.plus:
	mov al, '+'
.mark:
	mov [V(stx) + STX_MODE + 3], al
	test al, al
	jz .r
	mov byte [anyacl], ' '
.r:
	ret
; .get - the system call eax on the path -> its result's flags
.get:
	mov A1, [xsp + 2*W]
	SYSCALL
	test eax, eax
	ret
s_acl_access:	db 'system.posix_acl_access', 0
s_acl_default:	db 'system.posix_acl_default', 0
s_selinux:	db 'security.selinux', 0

	ZSEC
; the messages of unusual runs
s_invalid:	db 'invalid', 0
s_ambiguous:	db 'ambiguous', 0
msg_access:	db "cannot access", 0
msg_open:	db "cannot open directory", 0
msg_read:	db "reading directory", 0
fmt_fp:		db F_ARGV0, ": ", F_TEXT, " '", F_ARG, "'", F_REASON, 10, 0
fmt_argm:	db F_ARGV0, ": ", F_TEXT, " argument ", F_QUOTE, 0
fmt_argm2:	db F_ARG, F_TRY, 0
fmt_argns:	db F_ARGV0, ": argument ", F_QUOTE, " for '--", F_TEXT, "' is not supported by this ls", 10, 0
s_valid:	db "'", 10, "Valid arguments are:", 0
; long_ls's tables: GNU ls's long options in its order (CODE: the short
; option's letter, '?' refused, 1.. a WORD table; | 0x80 with an argument)
%define LONGOPTS longopts
longopts:
	db 'a', 'all', 0
	db 'b', 'escape', 0
	db 'd', 'directory', 0
	db '?', 'dired', 0
	db 7, 'full-time', 0
	db 4, 'group-directories-first', 0
	db 'h', 'human-readable', 0
	db 'i', 'inode', 0
	db 'k', 'kibibytes', 0
	db 'n', 'numeric-uid-gid', 0
	db 'G', 'no-group', 0
	db 'q', 'hide-control-chars', 0
	db 'r', 'reverse', 0
	db 's', 'size', 0
	db 'w' | 0x80, 'width', 0
	db 'A', 'almost-all', 0
	db 'B', 'ignore-backups', 0
	db 0x82, 'classify', 0
	db 5, 'file-type', 0
	db 12, 'si', 0
	db 'H', 'dereference-command-line', 0
	db 3, 'dereference-command-line-symlink-to-dir', 0
	db 0xa9, 'hide', 0
	db 'I' | 0x80, 'ignore', 0
	db 0xa6, 'indicator-style', 0
	db 'L', 'dereference', 0
	db 'N', 'literal', 0
	db 'Q', 'quote-name', 0
	db 0xa7, 'quoting-style', 0
	db 'R', 'recursive', 0
	db 0xa5, 'format', 0
	db 13, 'show-control-chars', 0
	db 0xa3, 'sort', 0
	db 'T' | 0x80, 'tabsize', 0
	db 0xa4, 'time', 0
	db 0xa8, 'time-style', 0
	db 8, 'zero', 0
	db 0x81, 'color', 0
	db 0x9f, 'hyperlink', 0
	db 0xaa, 'block-size', 0        ; (0x2a: getopt's 11)
	db '?', 'context', 0
	db 6, 'author', 0
	db '?', 'help', 0
	db '?', 'version', 0
	db 0
fmt_unsupp:	db F_ARGV0, ": option -", F_ARG, " is not supported by this ls", 10, 0
fmt_wtbad:	db F_ARGV0, ": ", F_TEXT, ": ", F_QUOTE, F_REASON, 10, 0
msg_width:	db 'invalid line width', 0
msg_tab:	db 'invalid tab size', 0
fmt_colbad:	db F_ARGV0, ': ignoring invalid width in environment variable COLUMNS: ', F_QUOTE, 10, 0
fmt_tabbad:	db F_ARGV0, ': ignoring invalid tab size in environment variable TABSIZE: ', F_QUOTE, 10, 0
msg_write:	db 'write error', 0
s_fulliso:	db 'full-iso', 0

; ---------------------------------------------------------------- .tsec
; -l's time styles (--time-style, --full-time, TIME_STYLE) other than
; locale: GNU's decode of the style and its nstrftime formats through
; rt/strftime.inc, in a part of its own (a run without a style never maps
; it). Its variables (rt, tf, tbuf...) are past ids_buf, on pages only
; these runs touch.
	TSEC
; time_style - xsi = the style (after the options, -l, the zone loaded
; at arena0): as GNU's in the C locale: "posix-..." and "locale" leave
; the locale style (put_date); "+FORMAT" or "+FORMAT1\nFORMAT2" (the old
; times', the recent ones'; a second newline: "invalid time style
; format"); else argmatch's full-iso long-iso iso locale (prefixes; the
; "invalid"/"ambiguous argument" message with GNU's list, exit 2). A
; format with a directive rt/strftime.inc does not write (flags, widths
; but %1N-%9N, E, O): a message, exit 2. Sets tfmt and twidth
; (GNU's long_time_expected_width: the epoch in the old format).
; clobbers all but xbp
time_style:
	cmp dword [xsi], 'posi'
	jne .np
	cmp word [xsi + 4], 'x-'
	je .ret                         ; (not a hard locale: the locale style)
.np:
	lodsb
	cmp al, '+'
	jne .named
	mov xdx, xsi                    ; FORMAT1
	mov [tfmt], xsi
	mov [tfmt + W], xsi
.nl:
	lodsb
	test al, al
	jz .check
	cmp al, 10
	jne .nl
	mov xdi, xsi                    ; FORMAT2
.nl2:
	lodsb
	test al, al
	jz .split
	cmp al, 10
	jne .nl2
	mov esi, fmt_tsbad
	jmp say_exit2
.split:
	mov byte [xdi - 1], 0
	mov [tfmt + W], xdi
	jmp .check
; argmatch: bl = the entry, bh = the prefixes matched (the last one's
; entry in tpos)
.named:
	dec xsi
	mov xdx, xsi
	mov edi, s_styles
	xor ebx, ebx
.ent:
	cmp byte [xdi], 0
	je .end
	mov xsi, xdx
.c:
	lodsb
	test al, al
	jz .pre
	scasb
	je .c
.skip:
	dec edi
.skip0:
	xor eax, eax
	or ecx, -1
	repne scasb
	inc ebx
	jmp .ent
.pre:
	cmp byte [xdi], 0
	je .found                       ; an exact name
	inc bh
	mov [tpos], bl
	jmp .skip0
.end:
	mov bl, [tpos]
	cmp bh, 1
	je .found
	jmp ts_bad                      ; (CF=1: none matched; .qsec)
.found:
	movzx ebx, bl
	cmp bl, 3
	je .ret                         ; locale
	mov eax, [st_fmts + xbx*8]
	mov [tfmt], xax
	mov eax, [st_fmts + xbx*8 + 4]
	mov [tfmt + W], xax
.check:
	mov ecx, [tz_nleap]             ; a right/ zone: tdate's tz_offset for
	jecxz .chk2                     ; the inserted second's :60
	mov byte [tzagain], 1
.chk2:
	mov xsi, [tfmt]
	call .chk
	mov xsi, [tfmt + W]
	call .chk
	cmp byte [tzagain], 0           ; a TZ string taking posixrules, for
	je .w0                          ; %Z: read again, to keep its names
	cmp dword [tz_types], tz_ptypes ; (TZ_PNAMES_IF)
	jne .w0
	call zone_load
.w0:
	xor eax, eax                    ; the epoch's width
	mov edi, rt
	stosd
	stosd
	stosd
	call tconv
	mov xsi, [tfmt]
	call tformat
	cmp ecx, TBUFSZ                 ; (too long: 0, as GNU's)
	jb .w
	xor ecx, ecx
.w:
	push xcx                        ; GNU's mbsnwidth in the C locale:
	jecxz .wd                       ; a control byte has no width
	mov esi, tbuf
.wc:
	lodsb
	cmp al, 0x7f
	je .cn
	cmp al, ' '
	jae .pr
.cn:
	dec dword [xsp]
.pr:
	loop .wc
.wd:
	pop xcx
	sub ecx, 12
	mov [twidth], ecx
.ret:
	ret
; .chk - xsi = a format: a directive tput does not write as GNU: exit 2
.chk:
	mov xdx, xsi
.ck:
	lodsb
	test al, al
	jz .ret
	cmp al, '%'
	jne .ck
	lodsb
	test al, al
	jz .ret
	cmp al, '1'
	jb .flag
	cmp al, '9'
	ja .flag
	lodsb
	cmp al, 'N'
	jne .refuse
	jmp .ck
.flag:
	cmp al, 'z'                     ; %z, and %:z's kin: .minus
	je .mz
	cmp al, ':'
	jne .nz
.mz:
	call .minus
	jmp .ck
.nz:
	mov edi, t_refused
	push 9
	pop xcx
	repne scasb
	jne .ck
	jecxz .z                        ; (%Z: its last)
.refuse:
	mov esi, fmt_tref
	jmp say_exit2
.z:
	mov byte [tzagain], 1           ; %Z: tdate's tz_offset names the zone
	jmp .ck
; .minus - %z (or %:...): a zone with a name for offset 0
; starting with '-' (Factory's "-00", %z's -0000: nstrftime's) is looked
; at again by tdate (tzagain). keeps xsi, xdx. clobbers xax xbx xcx
.minus:
	push xsi
	mov ebx, [tz_types]             ; a zone file's types (offset 0, a
	xor ecx, ecx                    ; name at its names' abbrind)
	imul esi, [tz_ntypes], 6
	add esi, ebx
.mt:
	cmp ecx, [tz_ntypes]
	je .mp
	cmp dword [xbx], 0
	jne .mn
	movzx eax, byte [xbx + 5]
	cmp byte [xsi + xax], '-'
	jne .mn
	call .mset
.mn:
	add ebx, 6
	inc ecx
	jmp .mt
.mp:                                    ; a POSIX string's (TZ, a footer)
	mov ebx, tz_std
	mov xsi, [tz_sname]
	call .m1
	mov ebx, tz_dst
	mov xsi, [tz_dname]
	call .m1
	pop xsi
	ret
.m1:
	test xsi, xsi
	jz .mr
	cmp dword [xbx], 0
	jne .mr
	cmp byte [xsi], '-'
	jne .mr
.mset:
	mov byte [tzagain], 1
.mr:
	ret

; tdate - long_list's date of the entry whose info is at xbx (its time
; +24, its nanoseconds +44, its zone offset +40) at edi, in tfmt's old or
; recent format (GNU's test: 0 <= now - the time < half a Gregorian year,
; in seconds as put_date's), then a space; a date of more than TBUFSZ - 1
; bytes (nstrftime fails): GNU's seconds right-aligned in the epoch's
; width instead. -> edi past it; keeps xbx, xbp
tdate:
	push xbx
	push xdi
	mov eax, [xbx + 24]
	mov edx, [xbx + 28]
	mov [rt], eax
	mov [rt + 4], edx
	mov ecx, [xbx + 44]
	mov [rt + 8], ecx
	xor edi, edi
	mov ecx, [V(now)]
	mov esi, [V(now) + 4]
	sub ecx, eax
	sbb esi, edx
	jnz .old
	cmp ecx, HALFYEAR
	jae .old
	mov edi, W                      ; recent: the second format
.old:
	push xdi
	cmp byte [tzagain], 0
	jne .leaps
	mov ecx, [xbx + 40]
	xor edi, edi
	xor ebx, ebx                    ; (no leap second)
	mov esi, t_refused              ; (tconv's abbreviation, unknown:
	call tconv.zone                 ; not "-00": +0000 at 0)
.conv:
	pop xdi
	mov xsi, [tfmt + xdi]
	call tformat
	xor edx, edx
	cmp ecx, TBUFSZ
	jb .copy
	mov esi, s_secs
	call tformat
	mov edx, [twidth]
	add edx, 12
	sub edx, ecx                    ; the padding
.copy:
	pop xdi
	test edx, edx
	jle .c
	xchg ecx, edx
	mov al, ' '
	rep stosb
	mov ecx, edx
.c:
	mov esi, tbuf
	rep movsb
	mov al, ' '
	stosb
	pop xbx
	ret
; .leaps - the zone looked at again (its data kept: zone_offsets): a
; right/ zone's %z (tm_gmtoff: ecx + edi) and inserted second's :60, %Z
.leaps:
	call tconv
	jmp .conv

; tformat - xsi = a format: written at tbuf by tput -> ecx = its length
; (TBUFSZ: too long). clobbers all but xbp
tformat:
	mov dword [tpos], tbuf
	call tput
	mov ecx, [tpos]
	sub ecx, tbuf
	ret

; tputc - al at [tpos] (none past TBUFSZ bytes); keeps all
; tputs - xsi bytes, ecx of them; clobbers xax xcx xsi
tputs:
	jxcxz .r
.b:
	lodsb
	call tputc
	loop .b
.r:
	ret
tputc:
	push xdi
	mov edi, [tpos]
	cmp edi, tbuf + TBUFSZ
	jae .r
	stosb
	mov [tpos], edi
.r:
	pop xdi
	ret

; with_sep_sp - GNU's print_with_separator (' '): -C/-x with no line
; length (-w 0, COLUMNS=0, a huge one): every name on one line, "  "
; between them
; with_sep_m - the same with ',' (-m): a new line before a name that
; would reach the line length; -i's and -s's numbers unpadded, each
; name's length with their digits (GNU's with_commas)
with_sep_sp:
	mov al, ' '
	jmp with_sep
with_sep_m:
	and dword [V(inow)], 0
	and dword [V(wblk)], 0
	mov al, ','
with_sep:
	mov [V(sepc)], al
	xor ebx, ebx                    ; filesno
	and dword [V(pos)], 0
.l:
	cmp ebx, [V(count)]
	jae .end
	mov esi, [V(ptrs)]
	mov esi, [xsi + xbx*4]
	call .len                       ; edx = its length
	test ebx, ebx
	jz .name
	mov ecx, [V(linelen)]
	jecxz .more
	lea eax, [xdx + 2]
	add eax, [V(pos)]
	jc .nl
	cmp eax, ecx
	jb .more
.nl:
	and dword [V(pos)], 0
	mov ah, 10
	xor ah, [V(eolx)]
	jmp .sep
.more:
	add dword [V(pos)], 2
	mov ah, ' '
.sep:
	push xsi
	push xdx
	push xax
	mov al, [V(sepc)]
	call putc
	pop xax
	mov al, ah
	call putc
	pop xdx
	pop xsi
.name:
	push xdx
	call put_name
	pop xdx
	add [V(pos)], edx
	inc ebx
	jmp .l
.end:
	jmp put_eol
; .len - esi = a name: edx = its width with its frills (-m: -i's and
; -s's numbers by their digits). keeps xsi, xbx
.len:
	call width_of
	xchg eax, edx
	cmp byte [V(sepc)], ','
	jne .r
	push xsi
	cmp byte [V(opts) + O_INO], 0
	je .b
	push xdx
	mov esi, [xsp + W]
	sub esi, 19
	mov edi, numend
	cmp dword [xsi + 4], -1         ; ('?')
	jne .u
	dec edi
	jmp .w
.u:
	call u64
.w:
	pop xdx
	add edx, numend
	sub edx, edi
.b:
	cmp byte [V(opts) + O_BLK], 0
	je .p
	push xdx
	mov esi, [xsp + W]
	mov eax, [xsi - 10]
	call blk_str
	pop xdx
	add edx, numend
	sub edx, edi
.p:
	pop xsi
.r:
	ret

; add_pat - al = 'I' (-I, --ignore) or not (--hide), xdx = a PATTERN:
; kept (NPAT of each at most: more fail with a message, exit 2).
; clobbers xax xcx
add_pat:
	mov byte [V(npat)], 1
	mov ecx, nign
	cmp al, 'I'
	je .k
	mov ecx, nhide
.k:
	mov eax, [xcx]
	cmp eax, NPAT
	jae .many
	inc dword [xcx]
	lea ecx, [xcx + ipats - nign]   ; (the list after its count's offset)
	cmp ecx, ipats
	je .i
	mov ecx, hpats
.i:
	mov [xcx + xax*W], xdx
	ret
.many:
	mov esi, fmt_pmany
	jmp say_exit2

; ignored - xbx = a directory entry's record (its name at +19): CF=1 when
; GNU's file_ignored says so: a -I pattern matches it, or a --hide one
; without -a/-A; fnmatch with FNM_PERIOD (a leading '.' not matched by
; '*', '?' or a bracket). keeps xbx, xbp
ignored:
	push xbx
	cmp byte [fposix], 0            ; (once: POSIXLY_CORRECT for '^')
	jne .p
	mov edx, s_posixly
	push 16
	pop xcx
	call getenv
	cmp xax, 1
	mov al, 1
	adc al, 0
	mov [fposix], al
.p:
	mov esi, ipats
	mov ecx, [nign]
	call .list
	jc .r
	cmp byte [V(opts) + O_IGN], 0
	jne .r                          ; (CF=0)
	mov esi, hpats
	mov ecx, [nhide]
	call .list
.r:
	pop xbx
	ret
; .list - esi = patterns, ecx = their number, [xsp + W] the record: CF=1
; when one matches its name
.list:
	jecxz .no
	mov xbx, [xsp + W]
.l:
	push xcx
	push xsi
	mov xsi, [xsi]
	lea edi, [xbx + 19]
	cmp byte [xdi], '.'
	jne .m
	mov al, [xsi]
	cmp al, '*'
	je .nm
	cmp al, '?'
	je .nm
	cmp al, '['
	je .nm
.m:
	push xbx
	call fnmatch
	pop xbx
	je .yes
.nm:
	pop xsi
	pop xcx
	add esi, W
	loop .l
.no:
	clc
	ret
.yes:
	pop xsi
	pop xcx
	stc
	ret

s_styles:	db 'full-iso', 0, 'long-iso', 0, 'iso', 0, 'locale', 0, 0
st_fmts:	dd fmt_full_iso, fmt_full_iso, fmt_long_iso, fmt_long_iso
		dd fmt_iso0, fmt_iso1
fmt_full_iso:	db '%Y-%m-%d %H:%M:%S.%N %z', 0
fmt_long_iso:	db '%Y-%m-%d %H:%M', 0
fmt_iso0:	db '%Y-%m-%d ', 0
fmt_iso1:	db '%m-%d %H:%M', 0
s_secs:		db '%s', 0
t_refused:	db '_-0^#+EOZ'
s_posixly:	db 'POSIXLY_CORRECT='
class_names:	db 'alnum:alpha:blank:cntrl:digit:graph:lower:print:punct:space:upper:xdigit:', 0
fmt_tref:	db F_ARGV0, ': the time format ', F_QUOTE, ' has a directive this ls does not support (flags, widths, E, O)', 10, 0
	QSEC                            ; (rare messages: .tsec is full)
; ts_bad - time_style's argmatch failure, xdx the style: GNU's "invalid"
; (CF=1) or "ambiguous argument" message with the valid ones, exit 2
ts_bad:
	mov ecx, s_invalid
	jb .say
	mov ecx, s_ambiguous
.say:
	mov esi, fmt_tsarg
	xor eax, eax
	call say
	mov edx, s_tsvalid
	mov esi, fmt_argm2
	jmp say_exit2
; year_odd - put_date's year before 1000 (tmpfs, btrfs, xfs can keep
; one): GNU's %Y, four columns counting the sign ("0001", "-001",
; "-1199"), then a space. eax = the year, edi the output; ends put_date
year_odd:
	push 4
	pop xcx
	test eax, eax
	jns .pos
	neg eax
	mov byte [xdi], '-'
	inc edi
	dec ecx
.pos:
	push xcx
	push xdi
	mov edi, numend
	call utoa
	mov esi, edi
	pop xdi
	pop xcx
	mov edx, numend
	sub edx, esi                    ; its digits
.zero:
	cmp edx, ecx
	jae .copy
	mov al, '0'
	stosb
	dec ecx
	jmp .zero
.copy:
	mov ecx, edx
	rep movsb
	mov al, ' '
	stosb
	pop xbx
	ret
fmt_tsbad:	db F_ARGV0, ': invalid time style format ', F_QUOTE, 10, 0
	VSEC
fmt_pmany:	db F_ARGV0, ': more than 4096 -I or --hide patterns are not supported by this ls', 10, 0
fmt_tsarg:	db F_ARGV0, ': ', F_TEXT, ' argument ', F_QUOTE, " for 'time style'", 10, 0
s_tsvalid:	db 'Valid arguments are:', 10
		db '  - [posix-]full-iso', 10, '  - [posix-]long-iso', 10
		db '  - [posix-]iso', 10, '  - [posix-]locale', 10
		db "  - +FORMAT (e.g., +%H:%M) for a 'date'-style format", 10, 0
	TEXT

BSS
	BSS_ROOM 4096                   ; the variables, stx, arena0 and outbuf's start: one page
VARS:                                   ; [xbp-128, xbp+128): one-byte displacements
opts:	resb 16
wnl:	resd 1                          ; the widths of -l's columns, -s's,
wuser:	resd 1                          ; the total: zeroed together
wgroup:	resd 1
wsize:	resd 1
wmaj:	resd 1
wmin:	resd 1
total:	resd 2
wblk:	resd 1
cur:	resd 1
opos:	resW 1
ptrs:	resd 1
pos:	resd 1
cols:	resd 1
ip:	resd 1
tmp:	resd 1
pend:	resd 1
dirfd:	resd 1
count:	resd 1
linelen: resd 1
dirname: resd 1
lflags:	resd 1                          ; (its second byte: nfail)
recs:	resd 1
recend:	resd 1
inow:	resd 1
isop:	resb 1
status2: resb 1
used:	resb 1
printed: resb 1
rows:	resd 1
VBASE:                                  ; xbp: [xbp, xbp+72) more words
argend:	resW 1
envp:	resW 1
objv:	resd 1
nargs:	resd 1
nfiles:	resd 1
depth:	resd 1
mark:	resd 1
colw:	resd 1
brkend:	resd 1
brkbase: resd 1
lbeg:	resd 1
tsec:	resd 1
tyear:	resd 1
winsz:	resw 4
npat:	resb 1                          ; -I or --hide given
sepc:	resb 1                          ; with_sep's separator
eolx:	resb 1                          ; the line end xor '\n' (--zero: 10)
qstyle:	resb 1                          ; a quoting style given: quotearg's + 1
                                        ; (1: literal: -N, --zero; -b 8, -Q 6);
                                        ; -1: none, a terminal (qsafe)
	resb VBASE + 72 - $
stx:	resb 256                        ; its first 56 bytes below xbp+128
werr:	resd 1
nsort:	resd 1
now:	resd 2
lastid:	resd 2                          ; the last user's, group's ids
info:	resd 1
blkv:	resd 2
optstr:	resb 2
lmode:	resd 1                          ; a symlink's target's mode (0: none)
vhead:	resd 1                          ; -RL: the directories above (dir_visit)
ctab:	resd 1                          ; colors (see color_init)
cnslot:	resd 1
cmask:	resd 1
cbase:	resd 1
cext0:	resd 1
cext:	resd 1
clabel:	resb 4
cmhok:	resb 1
	TZ_VARS
zkept:	resb 1                          ; zone_init kept the zone
tstyle:	resW 1                          ; --time-style's STYLE (0: none)
tabsz:	resd 1                          ; the tab size xor 8 (-T, TABSIZE)
wstate:	resb 1                          ; 1: -w given, 2: width done
tset:	resb 1                          ; -T given
ambp:	resd 1                          ; long_opt's (ambbuf: arena0)
qmap:	resb 32                         ; quotearg's quote_these_too (vqmap)
qscr:	resb 4                          ; vqlen0's first bytes
qlen:	resd 1                          ; and its length
qsome:	resb 1                          ; GNU's cwd_some_quoted
qpadw:	resb 1                          ; vqpad wrote a pad before the name
anyacl:	resb 1                          ; ' ': an entry of -l's listing has a mark
	GLOBALS_HERE
numbuf:	resb 24
numend:
idname:	resb 2*260                      ; the last user's, group's names: length, text
arena0:	resb 2048                       ; the arena's start (see alloc)
arena0_end:
ambbuf equ arena0
outbuf:	resb OUTSZ
pathbuf: resb 4400
	BSS_ROOM 4096                   ; a small /etc/passwd or /etc/group: one page
ids_buf: resb IDSBUFSZ
; a time style's (.tsec): rt/strftime.inc's time and fields, its output
rt:	resd 3
%include "rt/strftime_vars.inc"        ; tf .. tf_g, tnum .. tnum_end
val:	resd 2
tfmt:	resW 2                          ; a time style's formats: old, recent (0: none)
twidth:	resd 1                          ; its epoch's width less 12
tzagain: resb 1                         ; tdate looks at the zone again (a
                                        ; time style: %Z, or a right/ zone)
	TZ_VARS_RARE                    ; (a big zone file's mapping: rare)
; --block-size, --si, the variables (.vsec; rt/blocksize.inc's, on val's page)
obs:	resd 2                          ; human_options' block size, then:
bobs:	resd 2                          ; the blocks' (-s, total)
fobs:	resd 2                          ; the files' sizes' (-l)
	bs_hr_vars                      ; (blocksize.inc's hr and parser)
hopts:	resb 1                          ; human_options' options, then:
bopts:	resb 1                          ; the blocks'
fopts:	resb 1                          ; the files' sizes'
hset:	resb 1
ovf:	resb 1
xsign:	resb 1
xneg:	resb 1
xalone:	resb 1
	resb 40
num_end: resb 8                         ; (hr: a suffix after num_end)
tpos:	resd 1
tbuf:	resb TBUFSZ + 3                 ; GNU's buffer: TBUFSZ - 1 bytes and a NUL
rd_ret:	resW 1                          ; read_fail's list_dir return (off
rd_err:	resd 1                          ; the variables' page) and -errno
nign:	resd 1                          ; -I's patterns
nhide:	resd 1                          ; --hide's
fposix:	resb 1                          ; (fnmatch: 1 POSIXLY_CORRECT set, 2 not)
ipats:	resW NPAT
hpats:	resW NPAT

; The library's routines, each in the part of the runs that use it, in
; routines.inc's order (a routine's own `use` before what it uses); then
; nothing is left for program_end's _emit_routines.
	TEXT
%ifdef USE_vsys
 %include "rt/vsys.inc"
%endif
	LSEC
%include "rt/localtime.inc"
%include "rt/ids.inc"
	TEXT
%include "rt/outbuf.inc"
%include "rt/getopt.inc"
	ZSEC
%include "rt/usage.inc"
%include "rt/long_opt.inc"
%include "rt/error.inc"
	TEXT
%include "rt/strlen.inc"
%include "rt/write_all.inc"
%include "rt/utoa.inc"
	LSEC
%include "rt/atou.inc"
	TSEC
%define STRF_PUTC tputc
%define STRF_PUTS tputs
%define STRF_Z_OWN                      ; (%Z, rare: .vsec)
%include "rt/strftime.inc"
	VSEC
	STRF_Z_BODY
	TSEC
%define USE_udigits
%include "rt/num64.inc"
%undef USE_udigits
%define FNMATCH_TRAILING_FAILS
%include "rt/fnmatch.inc"
%define STRFTIME_DATA
%include "rt/strftime.inc"
%undef STRFTIME_DATA
	VSEC
; vopt - getopt's 8 (--zero) and 9 (--time=birth, --time=creation) in the
; command line's order, then on to the next option. --zero: lines end
; in NUL (eolx; "DIR:" headers and the blank lines between listings keep
; '\n', as GNU), -q off even on a terminal (O_Q -1), one name a line
; unless -l; --zero's "no colors" was long_ls's, in the long options'
; order, as --color's.
vopt:
	cmp al, 11
	ja .si
	cmp al, 9
	je .birth
	mov byte [V(eolx)], 10
	mov byte [V(qstyle)], 1         ; (GNU: the literal style)
	mov byte [V(opts) + O_Q], -1
	cmp byte [V(opts) + O_FMT], 4
	je .r
	mov byte [V(opts) + O_FMT], 1
	jmp .r
.birth:
	mov byte [V(opts) + O_TIME], 3
.r:
	jmp _start.opt
; --show-control-chars: -q off (even on a terminal), as --zero's
.si:
	cmp al, 15                      ; --quoting-style=locale, clocale
	jae vqopt
	cmp al, 13
	jne .si2
	mov byte [V(opts) + O_Q], -1
	jmp .r
; --si: GNU's human_autoscale | human_SI, block size 1, for both
.si2:
	mov byte [hopts], H_AUTO | H_SI
	mov dword [obs], 1
	and dword [obs + 4], 0
	jmp vopt_bs.set

; vopt_bs - getopt's 11: --block-size=SIZE (xdx; xsi xdi xbx getopt's
; state): gnulib's human_options (rt/blocksize.inc's hblock: a number
; with xstrtoumax's suffixes, human-readable, si, a leading quote) for
; the blocks and the files' sizes, else xstrtol_fatal's messages, exit 2
vopt_bs:
	push xsi
	push xdi
	push xbx
	push xdx
	call hblock0
	pop xdx
	pop xbx
	pop xdi
	pop xsi
	jnz .bad
.set:
	mov byte [V(opts) + O_HUM], 2
	call vbs_files
	call vbs_blocks
	jmp _start.opt
.bad:
	mov ecx, s_optblock
	mov esi, fmt_binv
	test al, 4
	jnz .say
	mov esi, fmt_bsuf
	test al, 2
	jnz .say
	mov esi, fmt_bbig
.say:
	jmp say_exit2

; hblock0 - hblock of xdx from a block size of 0, as human_options: al
; = the strtol_error, 4 for a block size of 0 (ZF=0 for an error)
hblock0:
	and dword [obs], 0
	and dword [obs + 4], 0
	mov xsi, xdx
	call hblock
	mov ecx, [obs]
	or ecx, [obs + 4]
	jnz .nz
	mov al, 4
.nz:
	test al, al
	ret

; vbs_files, vbs_blocks - [obs] and [hopts] as the files' sizes' (-l) or
; the blocks' (-s, total) size and options. keep all but xax
vbs_files:
	mov al, [hopts]
	mov [fopts], al
	copy64 eax, fobs, obs
	ret
vbs_blocks:
	mov al, [hopts]
	mov [bopts], al
	copy64 eax, bobs, obs
	ret

; benv - GNU ls's block sizes with no -h, --si, --block-size: the
; blocks' from LS_BLOCK_SIZE, else BLOCK_SIZE, else BLOCKSIZE (set, even
; empty: human_options, whose errors leave [obs] as xstrtoumax left it,
; 0 for the default), else the default (512 with POSIXLY_CORRECT, else
; 1024); the files' sizes' the same when LS_BLOCK_SIZE or BLOCK_SIZE is
; set, else bytes; -k: the blocks in 1024 bytes. clobbers all but xbp
benv:
	xor ebx, ebx                    ; bl: the files' sizes too
	mov byte [hopts], bl
	mov dword [fobs], 1
	mov edx, s_lsbs
	push 14
	pop xcx
	call getenv
	jnz .f                          ; (getenv: xax the value, or 0)
	test xax, xax
	jnz .f
	add edx, 3                      ; BLOCK_SIZE=
	sub ecx, 3
	call getenv
	jnz .f
	test xax, xax
	jnz .f
	mov edx, s_bsz
	push 10
	pop xcx
	call getenv
	jnz .spec
	test xax, xax
	jz .dflt
	jmp .spec
.f:
	inc ebx
.spec:
	push xbx
	mov xdx, xax
	call hblock0
	pop xbx
	cmp al, 4
	jne .got
	cmp dword [obs], 0              ; 0 (or none): the default
	jne .got
	cmp dword [obs + 4], 0
	jne .got
.dflt:
	mov edx, s_posix
	push 16
	pop xcx
	call getenv
	jnz .p
	test xax, xax
.p:
	mov eax, 512
	jnz .d
	add eax, eax
.d:
	mov [obs], eax
	and dword [obs + 4], 0
.got:
	call vbs_blocks
	test bl, bl
	jz .k
	call vbs_files
.k:
	cmp byte [V(opts) + O_KIB], 0
	je .h
	mov dword [bobs], 1024
	and dword [bobs + 4], 0
	mov byte [bopts], 0
.h:
	mov byte [V(opts) + O_HUM], 2
	ret

; gsize - size_str's with --block-size, --si or the variables: the
; number at esi (the blocks when esi is blk_val's blkv, else a file's
; size) as gnulib's human_readable (rt/blocksize.inc's hr) with the
; blocks' or the files' size and options, ending at edi -> edi = its
; first byte. clobbers eax, ecx, edx
gsize:
	push xbx
	push xsi
	push xdi
	copy64 eax, val, xsi
	lea eax, [V(blkv)]
	cmp esi, eax
	mov esi, fobs
	mov al, [fopts]
	push 1
	pop xcx
	jne .f
	mov esi, bobs
	mov al, [bopts]
	mov ecx, 512
.f:
	mov [hopts], al
	call hr                         ; xdi.. a NUL
	mov esi, edi
	xor eax, eax
	or ecx, -1
	repne scasb
	not ecx
	dec ecx                         ; its length
	pop xdi
	sub edi, ecx
	push xdi
	rep movsb
	pop xdi
	pop xsi
	pop xbx
	ret

; vqs - QUOTING_STYLE's value xax (no -N, --literal, --zero given) as
; GNU's ARGMATCH over quoting_style_args: the style (qstyle, its number
; + 1); none or several (a prefix of more than one, "": all): GNU's warning
; "ignoring invalid value of environment variable QUOTING_STYLE: 'V'".
; clobbers all but xbp
vqs:
	mov xdx, xax
	mov esi, qs_names
	xor ebx, ebx                    ; the name's index
	or edi, -1                      ; the prefix match: -1 none, -2 several
.n:
	cmp byte [xsi], 0
	je .end
	mov xcx, xdx
.c:
	mov al, [xcx]
	test al, al
	jz .vend
	cmp al, [xsi]
	jne .skip
	inc xcx
	inc esi
	jmp .c
.vend:
	cmp byte [xsi], 0
	je .found                       ; exact
	inc edi
	jnz .amb
	mov edi, ebx
	jmp .skip
.amb:
	push -2
	pop xdi
.skip:
	lodsb
	test al, al
	jnz .skip
	inc ebx
	jmp .n
.end:
	mov ebx, edi
	test ebx, ebx
	js .bad
.found:
.set:
	inc ebx                         ; (qstyle: the style + 1)
	mov [V(qstyle)], bl
	ret
.bad:
	mov esi, fmt_qsbad
	jmp warn
.r:
	ret
	QSEC
; vqopt - -b (escape), -Q (c), getopt's 15 (locale), 16 (clocale): the
; quoting style in qstyle (quotearg's number), on to the next option
vqopt:
	mov ah, 7
	cmp al, 'b'
	je .s
	mov ah, 5
	cmp al, 'Q'
	je .s
	mov ah, 2
	cmp al, 17                      ; shell-always
	je .s
	mov ah, 4
	cmp al, 18                      ; shell-escape-always
	je .s
	mov ah, 1
	cmp al, 19                      ; shell
	je .s
	mov ah, 3
	cmp al, 20                      ; shell-escape
	je .s
	mov ah, 6
	cmp al, 21                      ; c-maybe
	je .s
	mov ah, 8
	cmp al, 15
	je .s
	inc ah
.s:
	inc ah                          ; (qstyle: the style + 1)
	mov [V(qstyle)], ah
	jmp _start.opt

; vqmap - qmap, quotearg's quote_these_too: ecx 0 a file name's (' '
; with the escape style; -F's "=>@|", --file-type's "*=>@|", GNU's
; &"*=>@|"[indicator_style - file_type]), else a "DIR:" header's (':').
; keeps all but xax, xcx
vqmap:
	push xdi
	push xcx
	mov edi, qmap
	xor eax, eax
	push 8
	pop xcx
	rep stosd
	pop xcx
	jecxz .f
	or byte [qmap + ':' / 8], 1 << (':' % 8)
	jmp .r
.f:
	cmp byte [V(qstyle)], 7 + 1     ; escape
	jne .i
	or byte [qmap + ' ' / 8], 1 << (' ' % 8)
.i:
	mov al, [V(opts) + O_IND]
	cmp al, 2
	jb .r
	or byte [qmap + '=' / 8], 1 << ('=' % 8)
	or byte [qmap + '>' / 8], 1 << ('>' % 8)
	or byte [qmap + '@' / 8], 1 << ('@' % 8)
	or byte [qmap + '|' / 8], 1 << ('|' % 8)
	cmp al, 3
	jne .r
	or byte [qmap + '*' / 8], 1 << ('*' % 8)
.r:
	pop xdi
	ret

; vqname - put_cname's name esi at edi (edx = edi) in the quoting style
; (rt/quotearg.inc), the output flushed first when 4 bytes a byte and 8
; more are not free; then back to put_cname.end (edi past it)
vqname:
	xor ecx, ecx
	call vqout
	jmp put_cname.end

; fail_q - fail_name's NAME edx that needs quotes, TEXT ecx, -errno on
; the stack (above the caller's return): NAME quoted as GNU's quoteaf
; (quotearg's shell-escape-always, with gnulib's reprocessing: "'''b'\''"
; of "b'" before a control byte; "it's" in double quotes; rt/error.inc's
; F_FILE has neither) in a buffer on the stack, then said. Returns to
; fail_name's caller. keeps xbx, xbp
fail_q:
	pop xax
	push xbx
	push xax                        ; -errno
	push xcx                        ; TEXT
	push xdx                        ; NAME
	mov xsi, xdx
	xor edi, edi
	xor edx, edx
	call .quote                     ; edi = the quoted length
	mov xbx, xsp
	lea eax, [xdi + 16]
	and eax, -16
	sub xsp, xax
	push xbx
	mov xsi, [xbx]
	mov xdx, xbx
	lea xdi, [xsp + W]
	call .quote
	pop xbx
	mov xdx, xsp
	mov xcx, [xbx + W]
	mov xax, [xbx + 2*W]
	mov esi, fmt_fqa
	call say
	lea xsp, [xbx + 3*W]
	pop xbx
	ret
.quote:
	xor ecx, ecx
	push 4                          ; shell-escape-always
	pop xax
	jmp quotearg
fmt_fqa:	db F_ARGV0, ": ", F_TEXT, " ", F_ARG, F_REASON, 10, 0

; nomem - "memory exhausted", exit 2 (here, off the messages' full page)
nomem:
	mov esi, fmt_mem
	jmp say_exit2
fmt_mem:	db F_ARGV0, ': memory exhausted', 10, 0

; vqdir - the "DIR:" header's name esi with ':' quoted too, into the
; output buffer ([V(opos)]); without a quoting style (-q: GNU's
; quote_name with qmark_funny_chars) as it is but '?' for each byte
; isprint refuses. clobbers all but xbx xbp
vqdir:
	cmp byte [V(qstyle)], 1
	jg .q
.lit:
	lodsb
	test al, al
	jz .r
	cmp al, ' '
	jb .qm
	cmp al, 0x7f
	jb .pc
.qm:
	mov al, '?'
.pc:
	call putc
	jmp .lit
.r:
	ret
.q:
	mov edi, [V(opos)]
	mov edx, edi
	or ecx, -1
	push xbx
	call vqout
	pop xbx
	mov [V(opos)], edi
	ret

; vqout - esi quoted at edi with map ecx (vqmap's) in the style
; qstyle; edx (a pointer into the output, as edi) moved with a flush.
; -> edi past it. keeps ebx, edx
vqout:
	push xcx
	push xsi
	push xdx
	movx A2, xsi
	call strlen
	lea eax, [xdx*4 + 8]
	pop xdx
	pop xsi
	add eax, edi
	cmp eax, outbuf + OUTSZ
	jb .fits
	mov [V(opos)], edi
	push xbx
	push xsi
	push xdx
	push xdi
	call ob_flush
	pop xax                         ; the old edi
	pop xdx
	pop xsi
	pop xbx
	mov edi, [V(opos)]
	sub eax, edi
	sub edx, eax
.fits:
	pop xcx
	call vqmap
	push xbx
	push xdx
	mov ecx, qmap
	movzx eax, byte [V(qstyle)]
	dec eax                         ; (qstyle: the style + 1)
	mov edx, outbuf + OUTSZ
	push xdi
	call quotearg
	pop xsi                         ; the start
	pop xdx
	pop xbx
	cmp byte [V(qstyle)], 2 + 1     ; shell, shell-always and -q: GNU's '?'
	ja .r
	cmp byte [V(opts) + O_Q], 0
	jle .r
.qm:
	cmp esi, edi
	jae .r
	mov al, [xsi]
	sub al, ' '
	cmp al, 0x5f
	jb .p
	mov byte [xsi], '?'
.p:
	inc esi
	jmp .qm
.r:
	ret

; vqwidth - frills' width of the name ebx in the quoting style (all its
; bytes printable): [ebx-5] = its quoted length. keeps ebx and edx (the
; name's length: frills finds an operand's mode and blocks by it)
vqwidth:
	push xdx
	mov esi, ebx
	call vqlen
	mov [xbx - 5], dx
	pop xdx
	ret

; vqkey - xkey's width of the name esi (--sort=width) in the quoting
; style: edx = its quoted length, then xkey's return
vqkey:
	push xbx
	push xcx
	push xdi
	push xsi
	call vqlen
	pop xsi
	cmp byte [qsome], 0             ; GNU's pad counts
	je .r
	call vqquoted
	jnz .r
	inc edx
.r:
	pop xdi
	pop xcx
	pop xbx
	ret

; vqlen0 - esi a name: quotearg's first byte at qscr, its length in
; edx and [qlen] (GNU's needs_quoting). clobbers all but xbp
vqlen0:
	xor ecx, ecx
	call vqmap
	mov ecx, qmap
	mov edi, qscr
	lea edx, [xdi + 2]
	movzx eax, byte [V(qstyle)]
	dec eax                         ; (qstyle: the style + 1)
	call quotearg
	mov edx, edi
	sub edx, qscr
	mov [qlen], edx
	ret

; vqlen - esi a name: edx = its length quoted (quotearg with no room).
; clobbers all but xbp
vqlen:
	xor ecx, ecx
	call vqmap
	mov ecx, qmap
	mov edi, ecx
	mov edx, ecx
	movzx eax, byte [V(qstyle)]
	dec eax                         ; (qstyle: the style + 1)
	push xbx
	push xsi
	call quotearg
	pop xsi
	pop xbx
	mov edx, edi
	sub edx, qmap
	cmp byte [V(qstyle)], 2 + 1     ; shell, shell-always without -q: less
	ja .r                           ; the unprintable bytes (kept as they are)
	cmp byte [V(opts) + O_Q], 0
	jg .r
.u:
	lodsb
	test al, al
	jz .r
	sub al, ' '
	cmp al, 0x5f
	jb .u
	dec edx
	jmp .u
.r:
	ret

; vqalign - GNU's align_variable_outer_quotes: ZF=0 for the shell,
; shell-escape and c-maybe styles with -l, or -C/-x with a line length.
; clobbers eax
vqalign:
	mov al, [V(qstyle)]
	cmp al, 1 + 1                   ; shell
	je .f
	cmp al, 3 + 1                   ; shell-escape
	je .f
	cmp al, 6 + 1                   ; c-maybe
	jne .no
.f:
	mov al, [V(opts) + O_FMT]
	cmp al, 4
	je .yes
	cmp al, 2
	jb .no
	cmp al, 3
	ja .no
	cmp dword [V(linelen)], 0
	jne .yes
.no:
	xor eax, eax
	ret
.yes:
	or al, 1
	ret

; vqquoted - esi a name: ZF=0 when quoting changes it (GNU's
; needs_quoting: the first byte or the length differ). keeps all but eax
vqquoted:
	pushW_all
	push xsi
	call vqlen0                     ; edx = the quoted length, qscr[0]
	pop xsi
	push xsi
	movx A2, xsi
	call strlen
	pop xsi
	mov ecx, edx                    ; (the name's length)
	pop xax                         ; (pushW_all's last: discarded below)
	push xax
	mov al, [qscr]
	cmp al, [xsi]
	jne .q
	cmp ecx, [qlen]
.q:
	popW_all
	ret

; op_fail - fail_name (ecx TEXT, edx NAME, eax -errno) for the record xbx
; of an operand that cannot be accessed; one of 64 KiB or more (a name
; the kernel never takes: its 16-bit size wrapped, and the listing walked
; into its bytes) is cut to a name of one byte, quoted when the name is
; (vqsome and qsafe count the failed operands too, as GNU's gobble_file:
; qsafe's look at the name is taken first; without a quoting style it is
; not: vqquoted's quotearg has no style to take then). keeps xbx, xbp
; op_long: the core's way in for ENAMETOOLONG (the other failures keep
; this part unmapped), back at its .failed.
op_long:
	call op_fail
	jmp _start.failed
op_fail:
	push xbx
	call fail_name
	mov ebx, [xsp]
	mov eax, [V(cur)]
	sub eax, ebx
	cmp eax, 0xffff
	jbe .r
	lea esi, [xbx + 19]
	mov cl, ':'
	call qsafe_name
	mov ebx, [xsp]
	mov al, 'a'
	cmp byte [V(qstyle)], 1         ; no quoting style (none, literal, a
	jle .one                        ; terminal's safe names): as it is
	lea esi, [xbx + 19]
	call vqquoted
	mov al, 'a'
	jz .one
	mov al, 1                       ; (a control byte: quoted)
.one:
	mov [xbx + 19], al
	mov byte [xbx + 20], 0
	mov word [xbx + 16], 29
	lea eax, [xbx + 29]
	mov [V(cur)], eax
.r:
	pop xbx
	ret

; vqsome - [qsome] = GNU's cwd_some_quoted for this listing: with
; vqalign, any of its names quoted (the operands: every record, as GNU
; gobbles them all, the failed too). clobbers all but xbp
vqsome:
	mov byte [qsome], 0
	call vqalign
	jz .r
	cmp byte [V(isop)], 0
	jne .ops
	mov ebx, [V(ptrs)]
.p:
	cmp ebx, [V(pend)]
	jae .r
	mov esi, [xbx]
	call vqquoted
	jnz .yes
	add ebx, 4
	jmp .p
.ops:
	mov ebx, [V(recs)]
.o:
	cmp ebx, [V(recend)]
	jae .r
	lea esi, [xbx + 19]
	call vqquoted
	jnz .yes
	movzx eax, word [xbx + 16]
	add ebx, eax
	jmp .o
.yes:
	mov byte [qsome], 1
.r:
	ret

; vqwpad - frills' widths with GNU's pad: +1 for each unquoted name when
; [qsome]. clobbers all but xbp
vqwpad:
	cmp byte [qsome], 0
	je .r
	mov ebx, [V(ptrs)]
.p:
	cmp ebx, [V(pend)]
	jae .r
	mov esi, [xbx]
	call vqquoted
	jnz .n
	inc word [xsi - 5]
.n:
	add ebx, 4
	jmp .p
.r:
	ret

; vqpad - put_bare's pad: a space at edi (edi + 1) before an unquoted
; name esi when [qsome]. keeps all but eax
vqpad:
	mov byte [qpadw], 0
	cmp byte [qsome], 0
	je .r
	call vqquoted
	jnz .r
	mov al, ' '
	stosb
	inc byte [qpadw]                ; (cpost counts it, as GNU's width)
.r:
	ret

; --quoting-style's WORDs (argm's table; long_ls's 7th): literal -N,
; c -Q, escape -b, getopt's 15 locale, 16 clocale, 17 shell-always, 18
; shell-escape-always, 19 shell, 20 shell-escape, 21 c-maybe
qwords:
	db 'quoting-style', 0
	db 'N', 'literal', 0, 19, 'shell', 0, 17, 'shell-always', 0
	db 20, 'shell-escape', 0, 18, 'shell-escape-always', 0
	db 'Q', 'c', 0, 21, 'c-maybe', 0, 'b', 'escape', 0
	db 15, 'locale', 0, 16, 'clocale', 0, 0xff
%include "rt/quotearg.inc"
	VSEC

qs_names:	db 'literal', 0, 'shell', 0, 'shell-always', 0, 'shell-escape', 0
		db 'shell-escape-always', 0, 'c', 0, 'c-maybe', 0, 'escape', 0
		db 'locale', 0, 'clocale', 0, 0
fmt_qsbad:	db F_ARGV0, ': ignoring invalid value of environment variable QUOTING_STYLE: ', F_QUOTE, 10, 0

s_lsbs:		db 'LS_BLOCK_SIZE='
s_bsz:		db 'BLOCKSIZE='
s_posix:	db 'POSIXLY_CORRECT='

	BS_HR
	BS_PARSE
	BS_POWERS
	BS_FMTS

; vqdate - -l's date of an entry without a birth time (stat_at's mark):
; '?' right-aligned in the date's width (GNU's long_time_expected_width)
vqdate:
	push 12
	pop xcx
	add ecx, [twidth]
	call long_fail.right
	jmp long_list.dated

	ZSEC
	_error_data
%undef USE_localtime
%undef USE_vsys
%undef USE_ids
%undef USE_outbuf
%undef USE_getopt
%undef USE_usage
%undef USE_error
%undef USE_strlen
%undef USE_write_all
%undef USE_utoa
%undef USE_atou

; ls_program_end - elf.inc's program_end with the six more parts: their
; program headers (vaddr = a base + the file offset, as elf.inc's COLD),
; which sit after the last part, in no segment (the kernel reads them from
; the file; e_phoff is _phdrs - _ehdr: .phdr's vstart is TEXT_BASE + its
; file offset), so that the core page keeps their bytes for code.
%macro ls_program_end 0
	section .text
	_emit_routines
_core_end:
	section .data
_data_end:
	section .bss
_bss_end:
	section .lsec
_lsec_end:
	section .xsec
_xsec_end:
	section .zsec
_zsec_end:
	section .tsec
_tsec_end:
	section .vsec
_vsec_end:
	section .qsec
_qsec_end:
	section .phdr
_phdrs:
	elf_phdr PT_LOAD, PF_R|PF_X, 0, TEXT_BASE, _text_filesz, _text_filesz, PAGE
	elf_phdr PT_LOAD, PF_R|PF_X, _lsec_off, _lsec_vaddr, _lsec_size, _lsec_size, PAGE
	elf_phdr PT_LOAD, PF_R|PF_X, _xsec_off, _xsec_vaddr, _xsec_size, _xsec_size, PAGE
	elf_phdr PT_LOAD, PF_R|PF_X, _zsec_off, _zsec_vaddr, _zsec_size, _zsec_size, PAGE
	elf_phdr PT_LOAD, PF_R|PF_X, _tsec_off, _tsec_vaddr, _tsec_size, _tsec_size, PAGE
	elf_phdr PT_LOAD, PF_R|PF_X, _vsec_off, _vsec_vaddr, _vsec_size, _vsec_size, PAGE
	elf_phdr PT_LOAD, PF_R|PF_X, _qsec_off, _qsec_vaddr, _qsec_size, _qsec_size, PAGE
	elf_rw_tail
_text_filesz equ _core_end - _ehdr
_cold_vaddr equ COLD_BASE               ; (elf.inc's .cold: empty)
_lsec_size equ _lsec_end - section..lsec.vstart
_xsec_size equ _xsec_end - section..xsec.vstart
_zsec_size equ _zsec_end - section..zsec.vstart
_tsec_size equ _tsec_end - section..tsec.vstart
_vsec_size equ _vsec_end - section..vsec.vstart
_qsec_size equ _qsec_end - section..qsec.vstart
_lsec_off equ (_text_filesz + _data_size + PAGE-1) & -PAGE
_xsec_off equ (_lsec_off + _lsec_size + PAGE-1) & -PAGE
_zsec_off equ (_xsec_off + _xsec_size + PAGE-1) & -PAGE
_tsec_off equ (_zsec_off + _zsec_size + PAGE-1) & -PAGE
_vsec_off equ (_tsec_off + _tsec_size + PAGE-1) & -PAGE
_qsec_off equ (_vsec_off + _vsec_size + PAGE-1) & -PAGE
_phdr_off equ (_qsec_off + _qsec_size + 3) & -4
_lsec_vaddr equ 0x30000 + _lsec_off
_xsec_vaddr equ 0x50000 + _xsec_off
_zsec_vaddr equ 0x70000 + _zsec_off
_tsec_vaddr equ 0x90000 + _tsec_off
_vsec_vaddr equ 0xb0000 + _vsec_off
_qsec_vaddr equ 0xd0000 + _qsec_off
_phdr_vaddr equ TEXT_BASE + _phdr_off
%endmacro
	ls_program_end
