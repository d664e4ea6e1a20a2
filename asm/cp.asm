; cp - copy files and directories.
;
; Usage: cp [OPTION]... [-T] SOURCE DEST
;        cp [OPTION]... SOURCE... DIRECTORY
;        cp [OPTION]... -t DIRECTORY SOURCE...
;   -r, -R, --recursive   copy directories and what they hold; symlinks
;                         are copied as symlinks, FIFOs and device nodes
;                         are made anew (never read)
;   -a, --archive         -R -d --preserve=all (its xattr failures
;                         silent: GNU's reduce_diagnostics)
;   -d                    -P --preserve=links
;   -p                    --preserve=mode,ownership,timestamps
;   --preserve=LIST       mode, ownership, timestamps, links, xattr (all:
;                         the five); links: a source file with several names
;                         (or any, followed with -L, or an operand with
;                         -H) is copied once, its later names made hard
;                         links to that first copy (GNU's remember_copied)
;   --no-preserve=LIST    mode, ownership, timestamps, links, context,
;                         xattr, all taken away again (options act in
;                         their order)
;   (--no-preserve=mode or all: GNU's explicit_no_preserve_mode, on until
;   a later --preserve=mode or all; -p and -a keep the mode while on (a
;   later --no-preserve=mode takes it away): a DEST this run makes (a
;   regular file created, also after -f's or --remove-destination's
;   removal or a backup; a FIFO, device, socket; a directory) gets GNU's
;   set_acl, after the times, the owner and the xattrs: a minimal access
;   ACL (system.posix_acl_access) of 0666, a directory's and socket's
;   0777, less the umask, which the kernel makes the permission bits
;   (special bits kept: a directory the source's sticky bit, as GNU's
;   mkdir gave it, and the set-gid bit its parent gave it; an inherited
;   ACL replaced, a directory's default ACL kept); where ACLs are not
;   supported, chmod to those bits (gnulib's fallback); a failure
;   "setting permissions for 'DEST'", exit 1. An existing DEST keeps its
;   mode, a symlink is not touched. --parents' directories are made from
;   0777 (not the source's mode) less the umask, u+rwx while the copy
;   runs, as GNU's make_dir_parents_private.)
;   (xattr: GNU's copy_attr, libattr's attr_copy_file/attr_copy_fd: each
;   extended attribute the source lists (user.*, and as root trusted.* and
;   security.*) set on DEST after its owner, but those /etc/xattr.conf
;   excludes (Debian's file, built in: the ACLs, security.evm,
;   user.Beagle.*, xfs's trusted.SGI_*, xfsroot.*, afs.*); a symlink's and a
;   directory's not followed, a regular file's as it was opened; not root:
;   a regular DEST without u+w gets it while they are set (GNU creates it
;   so). Failures in GNU's words ("setting attribute 'NAME' for 'NAME'"
;   (sic: GNU 9.1 prints the name twice), "setting attributes for 'DEST':
;   Operation not supported", "getting attribute", "listing attributes
;   of"): all of them, status 1, with --preserve=xattr; with
;   --attributes-only all, status kept; none with -a; else (--preserve=all)
;   all but ENOTSUP and ENODATA, status kept.)
;   (POSIX ACLs, the xattrs system.posix_acl_access and _default, are
;   copied with the mode (-p, -a, --preserve=mode; --parents' directories
;   too) as GNU's copy_acl: a failure is "preserving permissions for
;   'DEST': REASON", once a file, status 1.)
;   (The order of what is kept, GNU's: the times, then the owner, the
;   xattrs, the mode; a failure to set the times (-p, -a, --preserve) or
;   the owner ends it, as GNU's require_preserve.)
;   -P, --no-dereference  copy symlinks as symlinks
;   -L, --dereference     follow every symlink in SOURCE
;   -H                    follow symlinks named on the command line only
;   -f, --force           remove a destination that cannot be opened, and
;                         try again
;   -i, --interactive     ask "cp: overwrite 'DEST'? " (y or Y: yes); for
;                         a DEST the user cannot write (GNU's overwrite_ok:
;                         not root, not a symlink, faccessat(W_OK) fails)
;                         "cp: unwritable 'DEST' (mode 0444, r--r--r--);
;                         try anyway? ", with -f or --remove-destination
;                         "cp: replace 'DEST', overriding mode 0444
;                         (r--r--r--)? "
;   -n, --no-clobber      never overwrite an existing file
;   --remove-destination  an existing DEST (not a directory) removed
;                         before the copy ("removed 'DEST'" with -v; GNU's
;                         "cannot remove" when it cannot be); DEST itself,
;                         a symlink not followed (so also with a backup)
;   (-n, -u and -i skip a non-directory SOURCE only, as GNU: -rn merges
;   into an existing directory, a file over a directory is asked first)
;   -l, --link            hard links instead of copies
;   -s, --symbolic-link   symbolic links instead of copies (a relative
;                         SOURCE only into the current directory, as GNU)
;                         (-l with -s: GNU's usage error "cannot make both
;                         hard and symbolic links", before anything else)
;   -u, --update          copy only when SOURCE is newer than DEST or DEST
;                         is missing; a DEST not older is still taken as
;                         SOURCE's copy (GNU's remember_copied, whatever
;                         is preserved): when an earlier name of SOURCE's
;                         file was copied or kept, DEST (even a newer
;                         separate file) is replaced by a hard link to
;                         it (-v: "removed 'DEST'"), so cp -au keeps the
;                         hard links of a tree it syncs
;   -v, --verbose         print 'SOURCE' -> 'DEST' for each copy (as GNU,
;                         a non-directory's before it is copied, so also
;                         when that fails; a directory's once it is made)
;   -T, --no-target-directory  DEST is never a directory
;   -t, --target-directory=DIRECTORY
;   -b, --backup[=CONTROL]  an existing DEST (not a directory copied
;                         into) renamed first to its backup name, GNU's
;                         (gnulib's backupfile): CONTROL none/off: no
;                         backup; simple/never: DEST + the suffix; numbered/t:
;                         DEST.~N~ (N one more than the highest of the
;                         directory's); existing/nil (the default):
;                         numbered when DEST has numbered backups, else
;                         simple. Without CONTROL, $VERSION_CONTROL says
;                         (argmatch's messages for either); -v adds
;                         " (backup: 'NAME')"; a simple backup that would
;                         replace SOURCE: GNU's "backing up 'DEST' might
;                         destroy source;  'SOURCE' not copied"
;                         a copy that fails once DEST was backed up
;                         (an unreadable SOURCE, a read error, a link
;                         or clone refused): the backup renamed back to
;                         DEST (GNU's un_backup; -v adds "'BACKUP' ->
;                         'DEST' (unbackup)", a failure "cannot
;                         un-backup 'DEST'")
;                         cp -bf SOURCE SOURCE (the same string, an
;                         existing regular file): GNU's 'cp --force
;                         --backup foo foo': SOURCE copied to its backup
;                         name, no backup made
;   -S, --suffix=SUFFIX   the simple backups' suffix (also -b); else
;                         $SIMPLE_BACKUP_SUFFIX (without '/'), else "~"
;   --parents, --path     DEST is DIRECTORY/SOURCE (SOURCE's leading and
;                         trailing slashes left out; a DIRECTORY only,
;                         else GNU's usage error): each missing directory
;                         of SOURCE's path made first from the source's
;                         (GNU's make_dir_parents_private: its mode less
;                         what -p's ownership or mode omit, u+rwx while
;                         the copy runs, -v's unquoted "SRC -> DST",
;                         "failed to get attributes of", "exists but is
;                         not a directory"), then restored as GNU's
;                         re_protect (--preserve's attributes, or the
;                         mode as made)
;   --sparse=WHEN         GNU's: auto (the default): a sparse source's
;                         holes kept and its data's blocks of zeros made
;                         holes; never: no holes (zeros written); always:
;                         every 4096-byte block of zeros made a hole
;                         (holes only in a regular file: into a pipe or
;                         a device a sparse source's holes are zeros)
;   -x, --one-file-system a directory on another file system than the
;                         operand's is made (its attributes set) but its
;                         entries are not copied
;   --strip-trailing-slashes  SOURCE's trailing slashes taken away (a lone
;                         '/' kept) when copied into a directory (GNU: not
;                         in the SOURCE DEST form)
;   --attributes-only     no data: a new DEST is empty, an existing one
;                         keeps its bytes (not truncated); attributes as
;                         asked (-p...)
; An existing DEST is removed before a symlink, FIFO or device is made
; over it only as GNU's copy_internal does: with data to copy (not
; --attributes-only) and -P's dereference (-P, -d, -a, -r; -H below an
; operand). Else "cannot create symbolic link 'DEST': File exists" (-f:
; replaced, GNU's force_symlinkat; -u: a DEST that is the same symlink
; kept), "cannot create fifo 'DEST': File exists", "cannot create
; special file 'DEST': File exists" (also with -f).
;   --copy-contents       with -r, FIFOs and devices read as files (a FIFO
;                         waits for a writer, as GNU's)
;   -Z, --context[=CTX]   ignored (no SELinux on this kernel): for a CTX,
;                         GNU's "cp: warning: ignoring --context; it
;                         requires an SELinux-enabled kernel"
;   --preserve=context    GNU's "cp: cannot preserve security context
;                         without an SELinux-enabled kernel" (exit 1,
;                         before anything is done) unless a later
;                         --no-preserve=context takes it back; --preserve
;                         without a list: mode,ownership,timestamps
;   --reflink[=WHEN]      always (no WHEN): a clone (FICLONE) or GNU's
;                         "failed to clone 'DEST' from 'SOURCE': REASON";
;                         auto: copy_file_range (clones where the file
;                         system can); never: read/write. always needs
;                         --sparse=auto (GNU's usage error)
; (--path: GNU 9.1's deprecated name of --parents, the same option, so
; --pa is --parents, not ambiguous; --pat, --path; "option '--path'
; doesn't allow an argument".)
; The first directory an operand makes (at any depth, as GNU's
; remember_copied: 'cp -r s/. l' with l a symlink to s/d makes l/./d)
; met again as a source: "cannot copy a directory, 's/.', into itself,
; 'l/.'" (exit 1; the walk stops there) when it is SOURCE's own name
; (gnulib's same_nameat: the same last component in the same directory,
; not followed; into a DIRECTORY, DIRECTORY followed); else, for a
; directory that was the operand's own DEST and without -L, GNU's "will
; not create hard link 'DEST' to directory 'FIRST'" for that entry alone
; (mkdir d; ln -s . d/ld; cp -r d d/ld/x). (-L: into itself as before,
; GNU goes on into the copy until a name is too long.)
; A directory met again below itself through a followed symlink (-L, or
; -H's operands): GNU's is_ancestor, "cannot copy cyclic symbolic link
; 'SRC'" for that entry (nothing made for it; the rest copied; exit 1).
; SOURCE and DEST one file: also a directory onto itself (cp -rT d d,
; cp -r d dot with dot -> '.'; -s too: cp -sf f f keeps f; not -l,
; -n), and with -P's
; dereference a symlink SOURCE or DEST followed to the other (cp -d l f
; with l -> f, cp -r p lp with lp -> p: GNU's same_file_ok for
; DEREF_NEVER; not with -n, -l, backups, two symlinks, a symlink DEST
; with -s or --remove-destination): "'S' and 'D' are the same file".
; A SOURCE given twice into a directory (2 SOURCEs or more: GNU's
; src_info): the same file under the same last component in the same
; directory is copied once, then "cp: warning: source file 'S' specified
; more than once" (a directory: "source directory", also with backups; a
; file only without them), exit status unchanged.
; Never over what this run made (2 SOURCEs or more: GNU's dest_info): a
; SOURCE whose DEST is a non-directory that an earlier SOURCE made (or
; overwrote) under the same name (DEST's last component; with --parents
; the same SOURCE string, leading and trailing slashes aside) is not
; copied: "cp: will not overwrite just-created 'DIR/f' with 'b/f'" (exit
; 1, the first copy kept; after -n's and -u's skips and -i's question;
; not with --backup=numbered), and, without backups, -s, -l and
; --remove-destination, a regular SOURCE over such a symlink: "will not
; copy 'b/f' through just-created symlink 'DIR/f'". Directories merge as
; before (their contents are not checked). (Both tables: 32768 SOURCEs
; or more are not checked, the table kept under 512 KiB of stack.)
; DEST is stat'ed as GNU's use_lstat: itself for a SOURCE that is a
; directory or symlink (or another kind with -r, without
; --copy-contents), and with -s, -l, backups, --remove-destination;
; else followed: a regular SOURCE over a symlink to itself is "the same
; file" (also with -r), a dangling symlink is GNU's "not writing through
; dangling symlink 'DEST'" (also with -f).
; SOURCE and DEST one file (GNU's same_file_ok, in part): "'S' and 'D'
; are the same file", but -l does nothing (a directory too: cp -rl . l
; with l -> '.', nothing walked; no message, no -v line; -n
; and -u skip, -i asks first), -n skips without the check, and with
; backups another name of it (a hard link) is backed up and copied.
; Long options may be shortened to any unambiguous prefix; WHEN too
; (argmatch's messages for an invalid or ambiguous one).
; Regular files: copy_file_range (no bytes through this process), or
; read/write when the kernel refuses or --sparse/--reflink say so.
; On i386 the kernel is entered through the vDSO from the 256th file on
; (int 0x80 costs 6-9 us a call here: a tree of 10,000 files took 5x GNU's
; time; a small copy keeps int 0x80 and its 16 KiB).
; Exit status: 0; 1 when anything failed (the other operands are still
; copied) or for a usage error.
; Differences from GNU: /etc/xattr.conf
; is not read: its Debian contents are built in. A --preserve=xattr failure on a directory, a
; symlink or a FIFO does not keep its mode from being set (GNU returns
; first). --debug
; is not GNU 9.1's either: "unrecognized option". dest_info: GNU's hash
; table is keyed by the name's string, so with --parents two spellings
; of one name (a/f, ./a/f) are told apart unless they fall in one bucket
; of GNU's table (then GNU compares their directories): here always
; apart.
; --parents: a
; failure to restore a made directory's attributes is said with cp -p's
; words ("preserving permissions for", "preserving times for"), not
; re_protect's ("failed to preserve permissions for"...). -v's lines and error messages are not
; interleaved as GNU's when both go to one pipe (GNU flushes stdout before
; each message). Paths longer than PATH_MAX fail with "File name too
; long" (GNU walks such trees with openat).
; A hard or symbolic link over an existing DEST (-a's hard links between
; SOURCEs, -lf, -li, -sf, a symlink copied with -f): made under a
; temporary name in DEST's directory (CuXXXXXX) and renamed over DEST,
; as gnulib's force_linkat and force_symlinkat: DEST is never missing.
; The extended attributes' code is a part of its own (copy_main.inc's
; .xsec: one page, mapped by the runs that copy xattrs: cp -a of a file
; with xattrs 24 KiB, its names and values in one page of cbuf).
; Memory: the questions of -i, --preserve's lists, argmatch's, the
; refusals, --sparse=always's holes, --reflink's clone, the backups,
; --remove-destination, --parents and --no-preserve's parsing live in a
; cold segment (elf.inc's COLD; --no-preserve=mode's set_acl in the xattr
; page: such a run 32 KiB): a run
; that uses none of them maps only the hot code (under 8192 bytes: two
; pages); one that does maps the cold pages too (8 KiB more: COLD_PAGE
; starts them at a page of the file; --parents, -b 32 KiB, numbered
; backups 36).
; A directory it makes gets its special bits as GNU's copy_internal
; gives them: mkdir with the source's mode less its omitted_permissions
; (the group's and other's write bits; with the owner kept, all of the
; group's and other's), so the kernel keeps the sticky bit, drops set-uid
; and set-gid, and adds a set-gid parent's bit; u+rwx added while the
; copy runs when the mode lacks them; after the copy a chmod only to give
; back what was omitted (the umask allowing) or u+rwx (GNU's
; restore_dst_mode): as a user outside the parent's group (whom any chmod
; costs the set-gid bit) the bit stays exactly where GNU's does. With
; the mode kept (-p, -a, --preserve=mode; mv), GNU's copy_acl: a source
; with special bits chmod'ed to its mode, else its permission bits with
; DEST's special bits kept (a set-gid parent's, an existing DEST's: GNU's
; ACL keeps them); a chown refused to a user (-p) drops the source's
; special bits from what is kept (GNU's set_owner); an existing regular
; DEST of the source's owner and group is not chown'ed (GNU's
; SAME_OWNER_AND_GROUP: a chown would kill its set-uid bit).
; A directory is read whole before its entries are copied, and they are
; copied in the order of their inode numbers (GNU's copy_dir: savedir
; with SAVEDIR_SORT_FASTREAD; names of one inode in the kernel's order,
; as glibc's stable qsort): -v's lines, and which name of a hard-linked
; file is copied and which are linked to it, as GNU's. The records are
; read into one getdents64 buffer on the variables' page (1536 bytes); a
; directory that fits there is kept on the stack for its walk (its
; records and a dword index, about 1.25 times their size), a bigger one
; in an anonymous mapping (64 KiB, doubled by mremap as it grows; GNU's
; "memory exhausted" when the kernel refuses), unmapped after its walk;
; the index is sorted by (inode, offset) with a shell sort. The walk's
; paths stay in 256-byte buffers on the variables' page until they grow
; longer: cp -r, -a, -rv of a small tree run in 16 KiB; a level costs
; ~330 bytes of stack plus its records, with no depth limit but the
; paths' 8192 bytes.
;
; The program is asm/lib/rt/copy_main.inc, shared with mv (built with MV
; defined: mv's options, rename first, this copy for EXDEV).

%include "rt/copy_main.inc"
