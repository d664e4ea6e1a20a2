; chown - change the owner and group of files.
;
; Usage: chown [OPTION]... [OWNER][:[GROUP]] FILE...
;        chown [OPTION]... --reference=RFILE FILE...
;   -c, --changes         like -v, only for the files whose owner changed
;   -f, --silent, --quiet no message for a file that could not be changed
;   -v, --verbose         a line for every file
;   -h, --no-dereference  change symbolic links themselves
;       --dereference     change what operands that are links point to
;                         (the default without -R)
;       --from=CUR_OWNER:CUR_GROUP  only files owned so
;       --reference=RFILE RFILE's owner and group
;   -R, --recursive       directories' contents too (a directory after
;                         what it holds)
;   -H                    with -R, a link on the command line to a
;                         directory is walked; links are changed through
;                         (their targets), unless -h
;   -L                    with -R, every link to a directory is walked
;                         (one back to a directory being walked is changed
;                         but not walked again, silently, as GNU's fts);
;                         links are changed through, unless -h
;   -P                    with -R, no link is followed, links themselves
;                         changed (the default); the last of -H -L -P counts
;       --preserve-root     with -R, refuse "/" (GNU's two messages)
;       --no-preserve-root  the default
; OWNER and GROUP: names of /etc/passwd and /etc/group (rt/ids.inc) or
; numbers (gnulib's xstrtoul: blanks, then a '+' may come first; -v and
; -c show a number in decimal, "01:00" as "1:0", as GNU's); "USER:" takes
; USER's login group, ":GROUP" only the group, "USER.GROUP" GNU's old
; form (with GNU's warning, for --from's argument too).
; Exit status: 0; 1 on any error (the other files are still processed).
; Differences from GNU: -v's line for a link that cannot be dereferenced
; has no "from OLD" (GNU prints an uninitialized owner); only
; the files /etc/passwd and /etc/group are read (no other NSS source),
; at most their first MiB; directories are read in getdents order (GNU
; sorts a directory of more than 10000 entries by inode, which changes
; only -v's order); --help and --version are not supported.
; -R holds a descriptor per level down to 32 levels; deeper, a
; directory's grandparent is closed and opened again by ".." from the
; parent when the parent is done (same device and inode checked), as GNU's
; fts past its ring of descriptors; when that fails (the tree changed
; meanwhile) GNU's "fts_read failed: Reason" ends the walk, the other
; operands too. Under -L (links make ".." lead elsewhere) every level keeps
; its descriptor: past ~1000 levels "cannot read directory ...: Too many
; open files" (GNU's -L walks by names: "File name too long" past
; PATH_MAX).

%define FAST_SYSCALL                    ; i386: the vDSO's entry after 256 calls
%define VSYS_COUNT 256                  ; (-Rv of a small tree keeps 16 KiB)
%define SAY_STDERR_STATUS              ; a warning not written: status 1 (error.inc)
%include "subk.inc"
%include "layout.inc"
%include "rt/chown_core.inc"

program_end
