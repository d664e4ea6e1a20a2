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
;                         is missing
;   -v, --verbose         GNU's lines: renamed 'A' -> 'B'; across file
;                         systems copied 'A' -> 'B', created directory 'B',
;                         removed 'A', removed directory 'A'
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
; The last of -f, -i, -n counts. Without any of them, as GNU's: when stdin
; is a terminal and DEST is not writable (not a symlink, the user not
; root, faccessat(W_OK, AT_EACCESS) fails), mv asks the "replace" question
; above; any answer but y/Y keeps both files (exit status 0). The question
; comes before the checks of the kinds (a directory over a file).
; Long options may be shortened to any unambiguous prefix.
; Each SOURCE is renamed; when rename(2) says EXDEV (another file system)
; it is copied as cp -a copies (cp.asm's engine: modes, owners, times
; with nanoseconds, symlinks, FIFOs, devices, holes: a sparse file's
; blocks of zeros made holes too, as GNU's), and each file is
; removed from the source only after its copy was written without any
; error, then each directory once all it held was moved: an interrupted
; or failed move never loses anything (a failed file stays in the source;
; its partial copy stays at the destination, as GNU leaves it).
; Never over what this run moved (2 SOURCEs or more into a directory:
; GNU's dest_info): a SOURCE whose DEST is a non-directory that an
; earlier SOURCE moved there (renamed or copied) under the same last
; component stays where it is: "mv: will not overwrite just-created
; 'DIR/f' with 'b/f'" (exit 1; after -n's and -u's skips and the
; question; not with --backup=numbered; directories are not checked;
; 32768 SOURCEs or more not checked, the table kept under 512 KiB of stack).
; Exit status: 0; 1 when anything failed or for a usage error.
; -Z, --context: ignored, as GNU's mv on a kernel without SELinux.
; Differences from GNU: --strip-trailing-slashes fails with "mv:
; unsupported option" before anything is done. --help, --version:
; unrecognized.
; Hard links between the files moved across file systems are kept, as
; GNU's mv keeps them: a file's later names (in the tree or in later
; operands) are linked to its first copy; which name is copied first
; follows the order of the directory's entries.
; The program is asm/lib/rt/copy_main.inc, cp's, built with MV defined
; (what differs is under %ifdef MV there).

%define MV
%include "rt/copy_main.inc"
