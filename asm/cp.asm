; cp - copy files and directories.
;
; Usage: cp [OPTION]... [-T] SOURCE DEST
;        cp [OPTION]... SOURCE... DIRECTORY
;        cp [OPTION]... -t DIRECTORY SOURCE...
;   -r, -R, --recursive   copy directories and what they hold; symlinks
;                         are copied as symlinks, FIFOs and device nodes
;                         are made anew (never read)
;   -a, --archive         -R -d --preserve=all
;   -d                    -P --preserve=links
;   -p                    --preserve=mode,ownership,timestamps
;   --preserve=LIST       mode, ownership, timestamps, links (all: the
;                         four); links: a source file with several names
;                         (or any, followed with -L, or an operand with
;                         -H) is copied once, its later names made hard
;                         links to that first copy (GNU's remember_copied)
;   --no-preserve=LIST    ownership, timestamps, links, context, xattr
;                         taken away again (options act in their order)
;   -P, --no-dereference  copy symlinks as symlinks
;   -L, --dereference     follow every symlink in SOURCE
;   -H                    follow symlinks named on the command line only
;   -f, --force           remove a destination that cannot be opened, and
;                         try again
;   -i, --interactive     ask "cp: overwrite 'DEST'? " (y or Y: yes)
;   -n, --no-clobber      never overwrite an existing file
;   (-n, -u and -i skip a non-directory SOURCE only, as GNU: -rn merges
;   into an existing directory, a file over a directory is asked first)
;   -l, --link            hard links instead of copies
;   -s, --symbolic-link   symbolic links instead of copies (a relative
;                         SOURCE only into the current directory, as GNU)
;   -u, --update          copy only when SOURCE is newer than DEST or DEST
;                         is missing
;   -v, --verbose         print 'SOURCE' -> 'DEST' for each copy
;   -T, --no-target-directory  DEST is never a directory
;   -t, --target-directory=DIRECTORY
; Long options may be shortened to any unambiguous prefix.
; Regular files: copy_file_range (no bytes through this process), or
; read/write when the kernel refuses; holes of sparse files are kept.
; On i386 the kernel is entered through the vDSO from the 256th file on
; (int 0x80 costs 6-9 us a call here: a tree of 10,000 files took 5x GNU's
; time; a small copy keeps int 0x80 and its 16 KiB).
; Exit status: 0; 1 when anything failed (the other operands are still
; copied) or for a usage error.
; Differences from GNU: --backup, --parents, --preserve=context/xattr,
; --no-preserve=mode/all and the other options GNU has fail with
; "cp: unsupported option" before anything is done. The
; entries of a directory are copied in the order the kernel lists them
; (GNU sorts them by inode number on some file systems): -v lines may come
; in another order (and so which name of a hard-linked file is copied
; and which are linked to it). -v's lines and error messages are not
; interleaved as GNU's when both go to one pipe (GNU flushes stdout before
; each message). Paths longer than PATH_MAX fail with "File name too
; long" (GNU walks such trees with openat). cp -i about a destination
; the user cannot write (not root) asks "cp: overwrite 'DEST'? " where
; GNU asks "cp: unwritable 'DEST' (mode 0444, r--r--r--); try anyway? "
; (with -f: "cp: replace 'DEST', overriding mode 0444 (r--r--r--)? "): the
; answer acts the same (mv's question is GNU's; cp has no bytes left for
; it under 8192).
;
; The program is asm/lib/rt/copy_main.inc, shared with mv (built with MV
; defined: mv's options, rename first, this copy for EXDEV).

%include "rt/copy_main.inc"
