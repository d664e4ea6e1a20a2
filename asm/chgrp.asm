; chgrp - change the group of files.
;
; Usage: chgrp [OPTION]... GROUP FILE...
;        chgrp [OPTION]... --reference=RFILE FILE...
; The options are chown's but --from, the group for the owner (see
; asm/chown.asm): -c/--changes, -f/--silent/--quiet, -v/--verbose,
; -h/--no-dereference, --dereference, --reference=RFILE (RFILE's group),
; -R/--recursive with -H, -L, -P, --preserve-root, --no-preserve-root.
; GROUP: a name of /etc/group (rt/ids.inc) or a number (gnulib's
; xstrtoumax: blanks, then a '+' may come first; shown as typed in -v's
; lines, as GNU's); "" changes nothing. The walk, messages and statuses are chown's (rt/chown_core.inc).
; Exit status: 0; 1 on any error (the other files are still processed).
; Differences from GNU: chown's (asm/chown.asm's header: -v's line for a
; link that cannot be dereferenced, /etc/group only, getdents order, -R's descriptors past 32 levels and under -L), with the
; group for the owner; --help and --version are not supported.

%define FAST_SYSCALL                    ; i386: the vDSO's entry after 256 calls
%define VSYS_COUNT 256                  ; (-Rv of a small tree keeps 16 KiB)
%define SAY_STDERR_STATUS              ; a warning not written: status 1 (error.inc)
%include "subk.inc"
%include "layout.inc"
%define CHGRP
%include "rt/chown_core.inc"

program_end
