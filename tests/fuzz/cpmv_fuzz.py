#!/usr/bin/env python3
"""cpmv_fuzz.py - a differential fuzz of cp and mv: random trees and command
lines, ours against GNU's. Run it through cpmv-fuzz.sh (beside it), which
sets up the mount namespace it needs; by hand only inside a private mount
namespace where the rest of / is read-only.

Usage: cpmv_fuzz.py OURDIR WORKDIR SEED COUNT [nobody]
Each iteration (seeds SEED .. SEED+COUNT-1) builds a random tree in
WORKDIR/fs/run (files of random bytes and sizes, 0 and with holes,
directories, symlinks relative/absolute/dangling/looping, hard links,
FIFOs, modes incl. 0 and set-uid/set-gid/sticky, names with spaces,
newlines, quotes, bytes over 0x7f), a random command line from cp's or
mv's options (-r -a -p -P -L -H -d -f -n -u -l -s -T -t -v -x -i, backups,
--parents, --preserve/--no-preserve, --sparse, ..., one to three SOURCEs,
existing, missing or other-file-system destinations), runs ours
(OURDIR/cp or OURDIR/mv) in it, records stdout, stderr, the exit status
and the resulting trees (names, types, modes, owners, sizes, contents,
link targets, link counts, which names share an inode, old or new
mtimes), builds the same tree again in the same place, runs GNU's
(/usr/bin/cp, /usr/bin/mv) and compares. WORKDIR/fs should be a tmpfs of
its own (its inode numbers follow the order of creation, so GNU's order
of a directory's entries, by inode, is the same for both runs), and
WORKDIR/shm another one (moves across file systems). With "nobody", the
command runs as nobody (setpriv) and some of the tree is nobody's.
Each difference is printed with its seed and command line; the last
line is "N runs, M differ". With CPMV_SHOW set (a replay: SEED 1), the
outputs and trees of both runs are printed whole. With CPMV_MERGED set,
stderr goes into stdout's pipe, so the order of the messages among -v's
lines counts too (GNU's error() flushes stdout first). stdin is /dev/null
(-i's questions are answered no); each run has 5 seconds.
"""
import hashlib, os, random, shutil, stat, subprocess, sys

OUR, W, SEED, COUNT = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
NOBODY = len(sys.argv) > 5 and sys.argv[5] == 'nobody'
MERGED = bool(os.environ.get('CPMV_MERGED'))
RUN = os.path.join(W, 'fs', 'run')    # (on a tmpfs of its own when WORKDIR/fs is one:
                                      # inode numbers in creation order, so GNU's order
                                      # of a directory's entries is the same for both)
SHM = os.path.join(W, 'shm')
HAVE_SHM = os.path.ismount(SHM)
NAMES = ['a', 'b', 'c', 'd', 'e f', 'g\nh', 'i\xe9', 'j-', 'k~', '.l', 'm.~1~', "n'o"]
OLD = 1000000000

def rnd_mode(r, isdir):
    base = r.choice([0o755, 0o644, 0o700, 0o600, 0o555, 0o444, 0o777, 0o000, 0o750, 0o640, 0o311])
    if isdir and base & 0o700 != 0o700 and r.random() < .7:
        base |= 0o700                   # mostly walkable, sometimes not
    if r.random() < .25:
        base |= r.choice([0o4000, 0o2000, 0o1000, 0o6000, 0o7000])
    return base

def build(seed):
    """the tree of SEED in RUN (as root); returns the names at its top"""
    r = random.Random(seed)
    for n in os.listdir(os.path.dirname(RUN)):
        subprocess.run(['/usr/bin/rm', '-rf', '--', os.path.join(os.path.dirname(RUN), n)])
    os.mkdir(RUN)
    os.chmod(RUN, 0o777)
    if HAVE_SHM:
        for n in os.listdir(SHM):
            subprocess.run(['/usr/bin/rm', '-rf', '--', os.path.join(SHM, n)])
        os.chmod(SHM, r.choice([0o777, 0o2777, 0o1777]))
    files, dirs, later = [], [RUN], []
    for _ in range(r.randint(3, 14)):
        parent = RUN if r.random() < .4 else r.choice(dirs)
        name = os.path.join(parent, r.choice(NAMES))
        if os.path.lexists(name):
            continue
        kind = r.choices(['file', 'dir', 'sym', 'hard', 'fifo'], [5, 3, 3, 1, 1])[0]
        if kind == 'file':
            with open(name, 'wb') as f:
                size = r.choice([0, 1, 5, 100, 4096, 70000])
                if r.random() < .2:
                    f.truncate(r.choice([8192, 1 << 20]))
                    f.seek(r.choice([0, 4096, 100000]))
                f.write(bytes(r.getrandbits(8) for _ in range(min(size, 300))) * (size // 300 + 1))
            files.append(name)
            later.append((name, rnd_mode(r, False)))
        elif kind == 'dir':
            os.mkdir(name)
            dirs.append(name)
            later.append((name, rnd_mode(r, True)))
        elif kind == 'sym':
            t = r.choice(['a', '../a', 'b/c', 'nosuch', '.', '..', os.path.join(RUN, 'a'),
                          os.path.join(RUN, 'd'), '/nonexistent', os.path.basename(name), 'loop'])
            os.symlink(t, name)
            if t == 'loop':
                try:
                    os.symlink(os.path.basename(name), os.path.join(parent, 'loop'))
                except FileExistsError:
                    pass
        elif kind == 'hard' and files:
            try:
                os.link(r.choice(files), name)
            except OSError:
                pass
        elif kind == 'fifo':
            os.mkfifo(name)
    for p, m in later:
        if NOBODY and r.random() < .6:
            os.chown(p, 65534, 65534)
        os.chmod(p, m)
    for p in [x for x, _ in later] + [RUN]:
        os.utime(p, (OLD, OLD), follow_symlinks=False)
    return r

CP_OPTS = ['-r', '-R', '-a', '-p', '-P', '-L', '-H', '-d', '-f', '-n', '-u', '-l', '-s', '-T',
           '-v', '-b', '--backup=numbered', '--backup=simple', '-S', '--parents',
           '--preserve=mode', '--preserve=links', '--preserve=timestamps', '--preserve=ownership',
           '--no-preserve=mode', '--remove-destination', '--attributes-only', '-x',
           '--sparse=always', '--sparse=never', '--strip-trailing-slashes', '-i']
MV_OPTS = ['-f', '-n', '-u', '-v', '-T', '-b', '--backup=numbered', '--backup=simple', '-S',
           '--strip-trailing-slashes', '-i']

def cmdline(r):
    prog = r.choice(['cp', 'cp', 'mv'])
    opts = CP_OPTS if prog == 'cp' else MV_OPTS
    args = []
    for _ in range(r.choice([0, 1, 1, 2, 3])):
        o = r.choice(opts)
        args += [o] if o != '-S' else ['-S', r.choice(['.bak', '~'])]
    if prog == 'cp' and r.random() < .5:
        args.insert(0, r.choice(['-r', '-a', '-R', '-rp']))
    cands = []
    for dp, dn, fn in os.walk(RUN):
        for n in dn + fn:
            cands.append(os.path.relpath(os.path.join(dp, n), RUN))
    cands += ['nosuch', '.', 'a/', 'd/.']
    top = [c for c in cands if '/' not in c] or cands
    srcs = [r.choice(top if r.random() < .6 else cands) for _ in range(r.choice([1, 1, 2, 3]))]
    dirs = [c for c in cands if os.path.isdir(os.path.join(RUN, c))]
    dests = r.choice([cands, dirs or cands, ['new', 'new/', 'newdir/x', 'e f/new']])
    if HAVE_SHM and r.random() < (.4 if prog == 'mv' else .15):
        dests = ['../../shm', '../../shm/new', '../../shm/']
    dest = r.choice(dests)
    if r.random() < .15:
        args += ['-t', dest] + srcs
    else:
        args += srcs + [dest]
    return prog, args

def snapshot():
    """the trees of RUN's file system and SHM: one line a path (walked
    with a stack: a copy looping through a symlink can be deep)"""
    out, inodes = [], {}
    for top in [os.path.dirname(RUN)] + ([SHM] if HAVE_SHM else []):
        stack = [top]
        while stack:
            p = stack.pop()
            name = os.path.relpath(p, W).replace('fs/run', 'run')
            if len(p) > 3000:           # (GNU's cp -L into itself: deep, not
                out.append(repr([name[:200], 'deep']))  # walked further)
                continue
            st = os.lstat(p)
            line = [name, stat.S_IFMT(st.st_mode), oct(st.st_mode & 0o7777), st.st_uid, st.st_gid]
            if stat.S_ISDIR(st.st_mode):
                try:
                    stack += [os.path.join(p, n) for n in sorted(os.listdir(p), reverse=True)]
                except OSError as e:
                    line += ['unreadable', e.errno]
            else:
                first = inodes.setdefault((st.st_dev, st.st_ino), name)
                line += ['nlink', st.st_nlink, 'first', first]
            if stat.S_ISREG(st.st_mode):
                try:
                    with open(p, 'rb') as f:
                        line += [st.st_size, hashlib.md5(f.read()).hexdigest()]
                except OSError as e:
                    line += [st.st_size, 'unreadable', e.errno]
            elif stat.S_ISLNK(st.st_mode):
                line += [os.readlink(p)]
            mt = st.st_mtime_ns // 10**9
            line += ['old' if mt == OLD else mt if mt < 1.5e9 else 'now']
            out.append(repr(line))
    return out

def run(exe, prog, args):
    pre = ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups'] if NOBODY else []
    try:
        p = subprocess.run(pre + ['timeout', '5', exe] + args, cwd=RUN, stdin=subprocess.DEVNULL,
                           stdout=subprocess.PIPE,
                           stderr=subprocess.STDOUT if MERGED else subprocess.PIPE,
                           env={'LC_ALL': 'C', 'TZ': 'UTC', 'PATH': '/usr/bin:/bin'},
                           preexec_fn=lambda: os.umask(0o022))
        out, err, rc = p.stdout, p.stderr or b'', p.returncode
        if MERGED:                      # (the messages' order among -v's lines)
            out, err = b'', out
    except Exception as e:
        out, err, rc = b'', repr(e).encode(), -1
    err = err.replace(exe.encode() + b':', prog.encode() + b':').replace(b"'" + exe.encode() + b" --help'", b"'" + prog.encode() + b" --help'")
    return out, err, rc, snapshot()

fails = 0
for i in range(COUNT):
    seed = SEED + i
    r = build(seed)
    prog, args = cmdline(r)
    ours = run(os.path.join(OUR, prog), prog, args)
    build(seed)
    gnus = run('/usr/bin/' + prog, prog, args)
    if ours != gnus:
        fails += 1
        print('=== seed %d%s: %s %r' % (seed, ' (nobody)' if NOBODY else '', prog, args))
        for what, a, b in zip(['stdout', 'stderr', 'status'], ours[:3], gnus[:3]):
            if a != b:
                print('  %s ours: %r\n  %s GNU:  %r' % (what, a[:300] if isinstance(a, bytes) else a, what, b[:300] if isinstance(b, bytes) else b))
        if ours[3] != gnus[3]:
            sa, sb = set(ours[3]), set(gnus[3])
            for l in sorted(sa - sb)[:4]:
                print('  tree ours: ' + l)
            for l in sorted(sb - sa)[:4]:
                print('  tree GNU:  ' + l)
        sys.stdout.flush()
    if os.environ.get('CPMV_SHOW'):     # (a replay: everything of both runs)
        for who, res in (('ours', ours), ('GNU', gnus)):
            print('--- %s: status %r\n  stdout %r\n  stderr %r' % (who, res[2], res[0], res[1]))
            print('\n'.join('  ' + l for l in res[3]))
print('%d runs, %d differ' % (COUNT, fails))
