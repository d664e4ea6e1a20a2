; mv - move (rename) files.
;
; Usage: mv [OPTION]... [-T] SOURCE DEST
;        mv [OPTION]... SOURCE... DIRECTORY
;        mv [OPTION]... -t DIRECTORY SOURCE...
;   -f, --force           never ask
;   -i, --interactive     ask "mv: overwrite 'DEST'? " (y or Y: yes), or for
;                         an unwritable DEST "mv: replace 'DEST', overriding
;                         mode 0444 (r--r--r--)? "
;   -n, --no-clobber      never overwrite an existing file
;   -u, --update          move only when SOURCE is newer than DEST or DEST
;                         is missing; a DEST not older is still taken as
;                         SOURCE's (GNU's remember_copied): when an
;                         earlier name of SOURCE's file was moved or
;                         kept, DEST is replaced by a hard link to it
;                         (-v: "removed 'DEST'"; SOURCE stays)
;   -v, --verbose         GNU's lines: renamed 'A' -> 'B'; across file
;                         systems copied 'A' -> 'B' (once DEST was removed,
;                         before the copy: also for one that fails),
;                         created directory 'B', removed 'A', removed
;                         directory 'A'
;   -b, --backup[=CONTROL], -S, --suffix=SUFFIX  GNU's backups of an
;                         existing DEST (a directory too) before it is
;                         replaced, as cp's (see asm/cp.asm): none/off,
;                         simple/never, numbered/t, existing/nil,
;                         $VERSION_CONTROL, $SIMPLE_BACKUP_SUFFIX, -v's
;                         " (backup: 'NAME')"; checked (-n with a backup,
;                         CONTROL) once the operands are, as GNU; with
;                         backups any kind replaces any (a directory
;                         over a file, a file over a directory: GNU's),
;                         and another name of SOURCE (a hard link) is
;                         backed up, not "the same file"; -n: no check
;   -T, --no-target-directory  DEST is never a directory
;   -t, --target-directory=DIRECTORY
;   --strip-trailing-slashes  each SOURCE's trailing slashes (and in the
;                         SOURCE DEST form DEST's) taken away (a lone '/'
;                         kept), as GNU 9.1: after its first rename with
;                         the names as given (two operands, no -t or -T:
;                         mv --strip-trailing-slashes d/ e/ renames "d/"),
;                         whose error other than EEXIST, EXDEV, EINVAL is
;                         then "cannot move 'f' to 'x': Not a directory"
;                         with the stripped names (mv
;                         --strip-trailing-slashes f/ x)
; The last of -f, -i, -n counts. Without any of them, as GNU's: when stdin
; is a terminal and DEST is not writable (not a symlink, the user not
; root, faccessat(W_OK, AT_EACCESS) fails), mv asks the "replace" question
; above; any answer but y/Y keeps both files (exit status 0). The question
; comes before the checks of the kinds (a directory over a file).
; Long options may be shortened to any unambiguous prefix.
; Each SOURCE is renamed; when rename(2) says EXDEV (another file system)
; it is copied as cp -a copies (cp.asm's engine: modes, owners, times
; with nanoseconds, extended attributes (as GNU's mv: a failure said but
; for ENOTSUP and ENODATA, the move going on, status kept; not what
; /etc/xattr.conf excludes, see asm/cp.asm), POSIX ACLs (GNU's copy_acl:
; "preserving permissions for 'DEST'", the status kept), symlinks, FIFOs, devices,
; a directory's special bits as cp -a's (see asm/cp.asm: a set-gid
; parent's kept when the source has none), holes: a sparse file's
; blocks of zeros made holes too, as GNU's; a directory's entries in
; GNU's order, by inode number as savedir's SAVEDIR_SORT_FASTREAD), and
; an operand's source is removed only after all of it was copied without
; any error, then as GNU's rm removes it (the entries as the kernel lists
; them, a directory after what it held, not one below which something
; could not be removed (GNU rm's mark_ancestor_dirs: no "Directory not
; empty"); -v's "removed" lines in rm's order): an interrupted or failed
; move never loses anything (an operand
; of which any part failed stays whole in the source; its partial copy
; stays at the destination, as GNU leaves it).
; Never over what this run moved (2 SOURCEs or more into a directory:
; GNU's dest_info): a SOURCE whose DEST is a non-directory that an
; earlier SOURCE moved there (renamed or copied) under the same last
; component stays where it is: "mv: will not overwrite just-created
; 'DIR/f' with 'b/f'" (exit 1; after -n's and -u's skips and the
; question; not with --backup=numbered; directories are not checked;
; 32768 SOURCEs or more not checked, the table kept under 512 KiB of stack).
; GNU's same_file_ok (copy.c) after its rename with RENAME_NOREPLACE said
; EEXIST: SOURCE and DEST one file, a directory too, "mv: 'd' and 'd' are
; the same file" (mv -T d d, mv d/sub d, mv -t d d/sub; not with -n:
; skipped; with backups only for the same entry); a symlink onto the
; file it leads to (ln -s f g; mv g f) the same file too, both kept,
; unless DEST has other links and the link's target is another name
; (see asm/lib/rt/copy_main.inc's mv_link_same); not with -n or backups.
; -n: as GNU's, a rename with RENAME_NOREPLACE first where a SOURCE or
; DEST cannot be stat'ed: EEXIST skips it quietly (mv -n f/ f/).
; Two operands (not -t, -T): GNU 9.1 renames (RENAME_NOREPLACE) before it
; checks -b with -n and the backup type: mv -bn a new moves a, then says
; "options --backup and --no-clobber are mutually exclusive" (status 1).
; A directory that cannot be moved into itself named again (mv -t e e e):
; "warning: source directory 'e' specified more than once" (the status
; kept). DEST "NAME/": its backup is NAME~ (the last component's, as
; GNU's); a dangling symlink "dg/" is an existing non-directory, as GNU
; sees it ("cannot overwrite non-directory", "cannot backup 'dg/'", -n).
; A directory SOURCE whose last component is "." or ".." (mv . /other/fs)
; is copied, then not removed: GNU rm's "refusing to remove '.' or '..'
; directory: skipping '.'" (status 1).
; Across file systems into a directory below itself (SOURCE a mount
; point): "cannot copy a directory, 'm', into itself, 'm/x'" (status 1).
; Into a DIRECTORY (-t, or a last operand that is one), as GNU's
; rename_errno -1, each entry below a SOURCE copied across file systems
; is renamed first (EXDEV: copied), so a mount point moved below itself
; (mv m m/b) has the entries rename(2) can move there renamed ("renamed
; 'm/a' -> 'm/b/m/a'") until the one that holds DEST says EINVAL: "cannot
; move 'm' to a subdirectory of itself, 'm/b/m'", the rest left (status
; 1); with two operands (mv m m/x) they are copied, as GNU's.
; Exit status: 0; 1 when anything failed or for a usage error.
; -Z, --context: ignored, as GNU's mv on a kernel without SELinux.
; Differences from GNU: --help, --version: unrecognized. A symlink onto a DEST with several links: its target is
; read once, not canonicalized (a chain of links is not followed).
; GNU 9.1 (gnulib's backupfile) puts a simple backup of DEST in a target
; directory in the current directory (mv --backup=simple -t D f: ./f~);
; subk beside DEST (D/f~). The target directory is named again for each
; SOURCE (GNU opens it once: a SOURCE that moves it away changes where
; the later ones go).
; Hard links between the files moved across file systems are kept, as
; GNU's mv keeps them: a file's later names (in the tree or in later
; operands) are linked to its first copy; which name is copied first
; follows GNU's order of the directory's entries (by inode number).
; Over an existing DEST (on one file system too), as GNU's copy_internal
; after its rename said EEXIST: a file with several names is remembered
; under DEST's name once moved, and a later name of it whose DEST exists
; (or was backed up) is not renamed: DEST is made a hard link to that
; earlier name (-v: "removed 'DEST'") and the source removed ("removed
; 'SOURCE'"), so mv a b D with D/a and D/b there gives GNU's lines.
; The program is asm/lib/rt/copy_main.inc, cp's, built with MV defined
; (what differs is under %ifdef MV there).

%define MV
%include "rt/copy_main.inc"
