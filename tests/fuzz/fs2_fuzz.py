#!/usr/bin/env python3
"""fs2_fuzz.py - a differential fuzz of dd, truncate, touch, chmod, chown,
chgrp, rm, mknod and mkfifo: ours (BINDIR/NAME) against GNU's (/usr/bin/NAME),
grown from tests/fuzz/fsfuzz.py.

Each case builds the same random tree twice at one absolute path (files of
random sizes and contents, directories of many modes, symlinks relative,
absolute, dangling and in loops, FIFOs, device nodes, owners root/nobody,
fixed atimes/mtimes with nanoseconds; names with spaces, newlines, bytes over
0x7f, 255 bytes), runs a random command line (options from README.md, some
bad) as root or nobody, stdout a pipe, /dev/full or closed; dd's stdin a
regular file or a pipe fed in chunks with pauses (short reads), rm's the
answers. Compared: stdout, stderr (dd's "copied, TIME s, RATE" masked), exit
status, and the tree left: names, types, modes, owners, link counts, device
numbers, contents (holes read as zeros, hashed in 64 KiB chunks so sparseness
does not count), symlink targets, atime and mtime (a time within the run's
seconds shown as NOW, one within 400 days of it relative in 10 s steps).
A case that differs is run again; if the second run agrees it is counted as
'flaky' (dd's record counts on a pipe depend on how the chunks arrive).
Known, documented differences still show up (chown/chgrp -v "from" of an
entry that cannot be dereferenced, dd bs >= 2^31, dd's quoting of a name
with a ' and a byte over 0x7f): filter them when reading the output.
SIGTERM stops it after the current case and prints the counts.

Run it only through fs2fuzz.sh (beside it): a private mount namespace where
every mount is read-only but a nodev tmpfs for the trees and one for
scratch, as root:
    fs2fuzz.sh BINDIR N [SEED] [UTILS] [USERS] > fails.jsonl
      e.g. fs2fuzz.sh build/x86_64 2000 1 dd,truncate root,nobody
Inside such a namespace, by hand:
    fs2_fuzz.py BINDIR N SEED UTILS USERS RUNDIR SCRATCH
    fs2_fuzz.py BINDIR sSEED,SEED... 0 UTILS USERS RUNDIR SCRATCH  (replay, verbose)
The differences are printed as JSON objects, one a line; the counts at the end
(lines starting with '#').
"""
import os, sys, random, subprocess, stat, shutil, json, resource, hashlib, re, threading, time

OURS = sys.argv[1]
SEEDS = [int(x) for x in sys.argv[2][1:].split(',')] if sys.argv[2][0] == 's' else None
N = len(SEEDS) if SEEDS else int(sys.argv[2])
SEED = int(sys.argv[3])
UTILS = sys.argv[4].split(',')
USERS = sys.argv[5].split(',')
R = os.path.abspath(sys.argv[6])         # the run dir: a tmpfs mount point
SCR = os.path.abspath(sys.argv[7])       # scratch (stdin files)
T = os.path.join(R, 'a/b/t')             # cwd of the command
VERB = bool(SEEDS) or bool(os.environ.get('VERB'))

LONG = 'L' * 251
NAMES = ['a', 'b', 'c', 'd', 'e', 'f', 'sp ace', 'nl\nx', b'\xe9t\xe9'.decode('latin1'),
         'q\'t', 'x', '.h', LONG, 'a~', 'XXXXXX']
T_A = 1000000000 * 10**9 + 123456789     # fixed atime (2001)
T_M = 1100000000 * 10**9 + 987654321     # fixed mtime (2004)


def enc(s):
    return s.encode('latin1')


def rnd_tree(rng, user, util=''):
    ops = []
    paths = []
    dirs = ['']
    for _ in range(rng.randint(0, 10)):
        parent = rng.choice(dirs)
        name = rng.choice(NAMES)
        p = (parent + '/' + name) if parent else name
        if p in paths:
            continue
        k = rng.random()
        if k < 0.45:
            size = rng.choice([0, 0, 1, 5, 20, 100, 511, 512, 513, 1000, 1024, 4096, 5000, 70000])
            ops.append(('file', p, (rng.choice([0o644, 0o644, 0o600, 0o000, 0o755, 0o444, 0o4755, 0o2644, 0o1644, 0o666]),
                                    size, rng.randrange(1 << 30))))
        elif k < 0.67:
            ops.append(('dir', p, rng.choice([0o755, 0o755, 0o777, 0o555, 0o333, 0o000, 0o700, 0o1777, 0o311, 0o2755, 0o711])))
            dirs.append(p)
        elif k < 0.72 and util not in ('dd',):
            ops.append(('fifo', p, rng.choice([0o644, 0o600, 0o666])))
        elif k < 0.75 and util not in ('dd',):
            ops.append(('chr', p, rng.choice([(1, 3), (4095, 1048575), (250, 7)])))
        else:
            tgt = rng.choice(['a', 'b', 'd', '..', '.', 'nosuch', T + '/a', T + '/d', T + '/nosuch',
                              'loop', p.split('/')[-1], '../a', 'd/', 'a/', R, '../../..', 'f', 'd/a'] +
                             (['/'] if util in ('rm',) and rng.random() < 0.3 else []) +
                             ([rng.choice(paths)] if paths else []))
            ops.append(('sym', p, tgt))
        paths.append(p)
    if rng.random() < 0.3:
        base = rng.choice(['e1', 'd', 'sp ace'])
        for q in (base, base + '/e2', base + '/e2/e3'):
            if q not in paths:
                ops.append(('dir', q, rng.choice([0o755, 0o755, 0o555, 0o700, 0o333])))
                paths.append(q)
        if rng.random() < 0.5:
            q = base + '/e2/e3/ff'
            if q not in paths:
                ops.append(('file', q, (0o644, 10, 1)))
                paths.append(q)
    if rng.random() < 0.2:
        ops.append(('sym', 'loop', 'loop2')); ops.append(('sym', 'loop2', 'loop'))
        paths += ['loop', 'loop2']
    owners = {}
    if user == 'nobody' or rng.random() < 0.2:
        for p in paths:
            if rng.random() < 0.5:
                owners[p] = (rng.choice([65534, 65534, 0, 1, 1000]), rng.choice([65534, 65534, 0, 1, 50]))
    return ops, paths, owners


def build(ops, owners):
    os.makedirs(T)
    for d in (T, os.path.dirname(T), os.path.dirname(os.path.dirname(T))):
        os.chmod(d, 0o777)
    for op, p, a in ops:
        full = enc(os.path.join(T, p))
        try:
            if op == 'file':
                with open(full, 'wb') as f:
                    r = random.Random(a[2])
                    if a[2] % 3 == 0:
                        f.write(bytes(a[1]))          # zeros (sparse candidates)
                    elif a[2] % 3 == 1:
                        f.write(bytes(r.choice(b'abcdefghij\n\x00\xff ABC') for _ in range(a[1])))
                    else:
                        f.write(r.randbytes(a[1]))
            elif op == 'dir':
                os.mkdir(full)
            elif op == 'sym':
                os.symlink(enc(a), full)
            elif op == 'fifo':
                os.mkfifo(full)
            elif op == 'chr':
                os.mknod(full, 0o644 | stat.S_IFCHR, os.makedev(*a))
        except OSError:
            pass
    for p, (uid, gid) in owners.items():
        try:
            os.lchown(enc(os.path.join(T, p)), uid, gid)
        except OSError:
            pass
    for op, p, a in reversed(ops):
        full = enc(os.path.join(T, p))
        try:
            if op in ('file', 'dir', 'fifo'):
                os.chmod(full, a[0] if op == 'file' else a)
        except OSError:
            pass
    # fixed times, deepest first (after the chmods: a dir's mtime stays)
    allp = [enc(os.path.join(T, p)) for _, p, _ in ops] + [enc(T)]
    for full in sorted(set(allp), key=lambda x: -x.count(b'/')):
        try:
            os.utime(full, ns=(T_A, T_M), follow_symlinks=False)
        except OSError:
            pass


CH = 65536


def content(fd, size):
    h = hashlib.md5()
    h.update(str(size).encode())
    chunks = set()
    off = 0
    while off < size:
        try:
            d = os.lseek(fd, off, os.SEEK_DATA)
        except OSError:
            break
        try:
            e = os.lseek(fd, d, os.SEEK_HOLE)
        except OSError:
            e = size
        for c in range(d // CH, (e + CH - 1) // CH):
            chunks.add(c)
        off = e
        if len(chunks) > 2000:
            h.update(b'TOO MANY CHUNKS')
            break
    for c in sorted(chunks):
        b = os.pread(fd, CH, c * CH)
        if b.count(0) != len(b):
            h.update(str(c).encode() + b':' + b)
    return h.hexdigest()[:10]


def tmask(v, t0, t1):
    if t0 - 2 * 10**9 <= v <= t1 + 2 * 10**9:
        return 'NOW'
    if abs(v - t0) < 400 * 86400 * 10**9:
        return 'REL%+d' % round((v - t0) / 10**10)
    return v


def snap(fd, rel, out, t0, t1):
    for e in sorted(os.listdir(fd)):
        st = os.lstat(e, dir_fd=fd)
        key = rel + b'/' + os.fsencode(e)
        m = st.st_mode
        info = [stat.S_IFMT(m) >> 12, oct(m & 0o7777), st.st_uid, st.st_gid, 'm', tmask(st.st_mtime_ns, t0, t1)]
        if not stat.S_ISDIR(m):
            info += ['a', tmask(st.st_atime_ns, t0, t1)]
        if stat.S_ISLNK(m):
            info.append(os.fsencode(os.readlink(e, dir_fd=fd)))
        elif stat.S_ISDIR(m):
            pass
        else:
            info.append(st.st_nlink)
            if stat.S_ISREG(m):
                try:
                    cfd = os.open(e, os.O_RDONLY | os.O_NOFOLLOW | os.O_NOATIME, dir_fd=fd)
                    try:
                        info.append(content(cfd, st.st_size))
                    finally:
                        os.close(cfd)
                except OSError as x:
                    info.append('ERR%d' % x.errno)
            elif stat.S_ISCHR(m) or stat.S_ISBLK(m):
                info.append((os.major(st.st_rdev), os.minor(st.st_rdev)))
        out[key] = info
        if stat.S_ISDIR(m):
            cfd = os.open(e, os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW | os.O_NOATIME, dir_fd=fd)
            try:
                snap(cfd, key, out, t0, t1)
            finally:
                os.close(cfd)


def snapshot(t0, t1):
    out = {}
    fd = os.open(R, os.O_RDONLY | os.O_DIRECTORY)
    try:
        snap(fd, b'', out, t0, t1)
    finally:
        os.close(fd)
    return out


def clean():
    for _ in range(3):
        for e in os.listdir(enc(R)):
            p = os.path.join(enc(R), e)
            if os.path.isdir(p) and not os.path.islink(p):
                for dp, dn, fn in os.walk(p):     # make every dir writable first
                    for d in dn:
                        q = os.path.join(dp, d)
                        if not os.path.islink(q):
                            try: os.chmod(q, 0o700)
                            except OSError: pass
                shutil.rmtree(p, ignore_errors=True)
            else:
                os.unlink(p)
        if not os.listdir(enc(R)):
            return
    raise SystemExit('cannot clean ' + R)


DIRS = ['']     # the current case's directories (set by main)


def new_name(rng, paths):
    d = rng.choice(DIRS + [''] + ([rng.choice(paths)] if paths and rng.random() < 0.15 else []))
    n = rng.choice(['new', 'new', 'n2', 'sp ace2', 'nl\ny', 'new', 'n2'] + ([LONG[:250], LONG + 'xxxxx', 'new/sub'] if rng.random() < 0.2 else []))
    return (d + '/' + n) if d else n


def operand(rng, paths, kind='any'):
    k = rng.random()
    if kind == 'new' and k < 0.6:
        p = new_name(rng, paths)
    elif k < 0.8 and paths:
        p = rng.choice(paths)
    elif k < 0.86:
        p = rng.choice(['nosuch', 'nosuch/x', 'a/x', 'd/nosuch', 'new', 'd/new', 'new/'])
    elif k < 0.91:
        p = rng.choice(['.', '..', './', '../t', '', 'd/..', 'd/.', 'd/./', './/', '-x'])
    else:
        p = rng.choice(NAMES)
    r = rng.random()
    if p == '':
        pass
    elif r < 0.06:
        p = p + '/'
    elif r < 0.08:
        p = p + '//'
    elif r < 0.13:
        p = T + '/' + p
    elif r < 0.16:
        p = './' + p
    return p


SIZES_DD = ['0', '1', '2', '3', '5', '7', '512', '513', '1000', '1024', '4096', '1c', '2w', '1b', '1k', '1K', '1kB',
            '1KB', '1KiB', '2x3', '3x4', '1kx2', '010', '3B', '100B', '4097B', '2Bx3', '2x3x4', '2x1B', '0x10', '1M', '1MB', '4k', '1xM', 'M', '1e', '-1', '', 'x',
            '1.5', '  3', '+3', '1G', '1T', '3B', '100B', '1kB', '2bx2', '1x', 'x2', '1Q', '1Y', '1Z', '9223372036854775807',
            '9223372036854775808', '18446744073709551616', '99999999999999999999x2', '1xx2', '1c2', '2xB', '1EB']
BS_DD = ['1', '2', '3', '7', '512', '513', '1024', '4096', '1k', '2b', '1w', '3w', '1x7', '8x8', '64k', '1M', '100', '10', '0', '-1', 'x',
         '', '1kB', '1MB', '65537', '2x0', '1c', '100000', '1xM', '2147483647']
CONVS = ['notrunc', 'sync', 'noerror', 'swab', 'lcase', 'ucase', 'sparse', 'fsync', 'notrunc', 'sync', 'ascii', 'ebcdic', 'ibm', 'block', 'unblock', 'lcase', 'ucase', 'sparse', 'swab', 'sync', 'noerror',
         'notrunc', 'excl', 'nocreat', 'fsync', 'fdatasync', 'bad', '', 'lcase,ucase', 'block,unblock', 'ascii,ebcdic', 'excl,nocreat']
FLAGS = ['fullblock', 'count_bytes', 'skip_bytes', 'seek_bytes', 'fullblock', 'append', 'nofollow', 'fullblock', 'count_bytes', 'skip_bytes', 'seek_bytes', 'append', 'direct', 'directory', 'dsync', 'sync',
         'noatime', 'noctty', 'nofollow', 'nonblock', 'nocache', 'binary', 'text', 'bad', '', 'direct']


GOOD = {}


def good(lst, n):
    """the first n entries of lst are the valid ones"""
    GOOD[id(lst)] = n
    return lst


def pick(rng, lst):
    n = GOOD.get(id(lst))
    if n and rng.random() < 0.85:
        return rng.choice(lst[:n])
    return rng.choice(lst)


def dd_args(rng, paths):
    args = []
    files = [p for p in paths]
    nin = rng.random()
    src = None
    if nin < 0.6 and files:
        src = rng.choice(files)
    elif nin < 0.7:
        src = rng.choice(['/dev/zero', '/dev/null', 'nosuch', '.', 'd', ''])
    for _ in range(rng.choice([1, 2, 3, 3, 4, 5, 6])):
        k = rng.random()
        if k < 0.18:
            args.append('bs=' + pick(rng, BS_DD))
        elif k < 0.3:
            args.append('ibs=' + pick(rng, BS_DD))
        elif k < 0.42:
            args.append('obs=' + pick(rng, BS_DD))
        elif k < 0.45:
            args.append('cbs=' + rng.choice(['1', '5', '10', '80', '0', 'x']))
        elif k < 0.58:
            args.append('count=' + pick(rng, SIZES_DD))
        elif k < 0.68:
            args.append(rng.choice(['skip=', 'iseek=', 'skip=']) + pick(rng, SIZES_DD))
        elif k < 0.76:
            args.append(rng.choice(['seek=', 'oseek=', 'seek=']) + rng.choice(SIZES_DD[:30]))
        elif k < 0.86:
            args.append('conv=' + ','.join(pick(rng, CONVS) for _ in range(rng.choice([1, 1, 2, 3]))))
        elif k < 0.9:
            args.append('iflag=' + ','.join(pick(rng, FLAGS) for _ in range(rng.choice([1, 1, 2]))))
        elif k < 0.94:
            args.append('oflag=' + ','.join(pick(rng, FLAGS) for _ in range(rng.choice([1, 1, 2]))))
        elif k < 0.97:
            args.append('status=' + rng.choice(['none', 'noxfer', 'progress', 'bad', '', 'none', 'noxfer']))
        else:
            args.append(rng.choice(['foo', 'bs', 'bs==1', '=1', 'if', '-x', '--', 'count=1 ', 'BS=1', 'conv=', 'if=']))
    if src is not None:
        args.insert(rng.randrange(len(args) + 1), 'if=' + src)
    if rng.random() < 0.75:
        dst = rng.choice([new_name(rng, paths)] * 2 + (files or ['new']) + ['/dev/null', '/dev/full', 'd', 'nosuch/x', '', '.'])
        args.insert(rng.randrange(len(args) + 1), 'of=' + dst)
    # block/unblock without cbs= is a README difference: mostly give one
    if any(x in a for a in args if a.startswith('conv=') for x in ('block', 'ascii', 'ebcdic', 'ibm')) \
            and not any(a.startswith('cbs=') for a in args) and rng.random() < 0.9:
        args.append('cbs=' + rng.choice(['1', '5', '10', '80']))
    # never unbounded from /dev/zero: a count, and small blocks
    if src == '/dev/zero':
        args = [a for a in args if not a.startswith(('count=', 'bs=', 'ibs=', 'iflag='))]
        args.append('count=' + rng.choice(['0', '1', '2', '3', '100B', '4097B']))
        args.append('bs=' + rng.choice(['1', '512', '1k', '1000', '64k']))
    return args


def stdin_for(rng, util):
    """('file', bytes) or ('pipe', [chunks])"""
    if util == 'dd':
        k = rng.random()
        n = rng.choice([0, 1, 3, 100, 511, 512, 513, 1000, 1024, 4100, 10000, 70000])
        r = random.Random(rng.randrange(1 << 30))
        data = bytes(r.choice(b'abcdefghij\nklmnopq \x00\xffABC') for _ in range(n))
        if k < 0.5:
            chunks = []
            i = 0
            while i < n:
                c = r.choice([1, 2, 3, 7, 100, 511, 512, 513, 1000, 4096, 5000])
                chunks.append(data[i:i + c])
                i += c
            return ('pipe', chunks[:200])
        return ('file', data)
    if util == 'rm':
        return ('file', rng.choice([b'', b'y\n', b'n\n', b'y\ny\ny\ny\ny\ny\ny\n', b'yes\nno\nY\nn\ny\n', b'n\ny\nn\ny\n',
                                    b'y\n' * 40, b'\n\ny', b'y']))
    return ('file', b'')


MODES = ['755', '644', '0', '000', '7777', '4755', '2755', '1777', '0755', '00755', '10755', '8', '-', '', 'u+x',
         'g-w', 'o=r', 'a=rwx', '+t', '-t', 'g+s', 'u+s', 'ug+s', 'a+X', '+X', 'u=g', 'g=u', 'o=u', 'u=go', 'go=u-w',
         '=', 'u=', '+', 'a-rwx', 'u+x,g-w', 'u=rwx,go=rx', '=755', '-022', '+022', 'u=755', 'a+r,a-w,a=x', '-w', '-r',
         '-x', '+r', '-rwx', 'g+X,o-X', 'u-s,g-s', 'o+t', 'a=,u+t', 'z', 'u+z', 'u+rwxXst', 'ugo+rw', ',', 'u+x,', ',u+x',
         'u+r,,g+w', '=rw', '=t', '=s', 'u=rw,g=u,o=g', 'a+', 'ug=rwX', '07777', '77777', '0o755', '1', '2', '4000', 'g=s']


def rnd_mode(rng):
    if rng.random() < 0.6:
        return rng.choice(MODES)
    clauses = []
    for _ in range(rng.choice([1, 1, 2, 3])):
        who = ''.join(rng.sample('ugoa', rng.choice([0, 0, 1, 1, 2])))
        acts = ''
        for _ in range(rng.choice([1, 1, 2])):
            op = rng.choice('+-=')
            perm = rng.choice([''.join(rng.sample('rwxXst', rng.choice([0, 1, 1, 2, 3]))), rng.choice('ugo')])
            acts += op + perm
        clauses.append(who + acts)
    return ','.join(clauses)


USERSPEC = ['root', '0', 'nobody', '65534', 'root:root', '0:0', 'nobody:nogroup', ':nogroup', ':0', 'root:', 'nobody:',
            'nobody.nogroup', 'bin:staff', '1000:1000', '+1', ' 1', '4294967295', '4294967294', 'nosuchuser',
            ':nosuchgroup', '', ':', '123456', 'daemon:daemon', 'root.', '.root', '1:', ':1', '1.1', 'bin:', 'games',
            '-1', '0x1', '01', ':+50', 'cloudsdk:cloudsdk', 'nobody:nosuch', 'root::', 'root:root:', '65535',
            '2147483648', '18446744073709551615', 'a:b', 'daemon.', 'sync:', 'nobody:0']
GRPSPEC = ['root', '0', 'nogroup', '65534', 'staff', '50', '+1', ' 1', '4294967295', '4294967294', 'nosuch', '',
           'users', '100', '-1', '0x1', '01', 'bin', '1000', 'cloudsdk', ':0', 'root:', '18446744073709551616', 'adm']
DATES = ['@0', '@1.5', '@-1', '@1234567890.123456789', '@1.0000000001', '2020-01-01', '2020-01-01 12:34:56.789',
         '2020-01-01T12:34:56Z', '2020-02-30', '1970-01-01 00:00 UTC', 'yesterday', '2 days ago', 'now', '', 'bad',
         '@', '12/31/1999', 'Jan 1 2000', '2038-01-19 03:14:08', '1901-12-13 20:45:52', '9999-12-31', '+1 hour',
         '2000-01-01 +0530', '2000-06-01 12:00 EDT', 'next monday', 'tomorrow', '@2147483648', '@-2147483649',
         '@9223372036854775807', '1 year ago', 'noon', '1999-12-31 23:59:60', '2000-01-01 24:00', 'today 3pm',
         '@1e3', '  @5', '2004-02-29 00:00:00.000000001', '2004-13-01', '20040101', 'last friday', '@1.999999999999']
STAMPS = ['202001011234', '202001011234.56', '2001011234', '01011234', '1234', '202001011234.5', '197001010000',
          '203801190314.08', 'x', '', '202001011234.60', '202001011234.61', '6912312359', '7001010000', '199912312359.59',
          '2020010112', '20200101123', '0101123499', '13011234', '202001011260', '00000101000000.00', '99991231235959']
TRUNC = ['0', '10', '+5', '-3', '<20', '>20', '/7', '%7', '1K', '1KB', '1k', '1KiB', '1M', '1G', '1T', '1E', '8E', '9E',
         '+1', 'x', '', '-0', '1.5', '+', '-', '<', '>', '%0', '/0', '%', '0x10', '010', ' 5', '+ 5', '-100', '--3',
         '512b', '1b', '1c', '1w', '100', '<0', '>0', '-9223372036854775808', '9223372036854775807', '9223372036854775808',
         '+9223372036854775807', '1Y', '1kB', '2MiB', '<1K', '%1K', '/1K', '1K1', 'K', '1EiB', '8EiB', '%-5', '/-5']


def gen_args(rng, util, paths):
    env = {}
    opts = []
    ops = []
    pool = []
    nops = rng.choice([0, 1, 1, 1, 1, 2, 2, 3])
    if util == 'dd':
        return dd_args(rng, paths), env
    if util == 'truncate':
        pool = ['-c', '-o', '-s', '-r', '--no-create', '--io-blocks', '--size', '--reference', '--si', '--no', '--io',
                '--ref', '-co', '-cs', '--bad', '-x', '--']
        nopt = rng.choice([1, 1, 2, 2, 3])
        if rng.random() < 0.85:
            opts += rng.choice([['-s', pick(rng, TRUNC)], ['--size=' + pick(rng, TRUNC)], ['-s' + pick(rng, TRUNC)]])
            nopt -= 1
        if rng.random() < 0.15:
            opts += ['-r', operand(rng, paths, 'old')]
    elif util == 'touch':
        pool = ['-a', '-m', '-c', '-h', '-f', '-d', '-t', '-r', '--time=atime', '--time=access', '--time=use',
                '--time=mtime', '--time=modify', '--time=bad', '--time=', '--time', '--no-create', '--no-dereference',
                '--date', '--reference', '--date=@5', '-am', '-cm', '-ch', '--', '-']
        nopt = rng.choice([0, 1, 1, 2, 3])
        if rng.random() < 0.5:
            opts += rng.choice([['-d', pick(rng, DATES)], ['--date=' + pick(rng, DATES)], ['-t', pick(rng, STAMPS)]])
    elif util == 'chmod':
        pool = ['-R', '-v', '-c', '-f', '--reference', '--preserve-root', '--no-preserve-root', '--recursive',
                '--verbose', '--changes', '--silent', '--quiet', '-Rv', '-Rc', '-fR', '--', '-x', '--bad']
        nopt = rng.choice([0, 1, 1, 2, 2, 3])
    elif util in ('chown', 'chgrp'):
        pool = ['-R', '-H', '-L', '-P', '-h', '-v', '-c', '-f', '--dereference', '--no-dereference', '--from',
                '--reference', '--preserve-root', '--no-preserve-root', '--silent', '--quiet', '--changes',
                '--verbose', '--recursive', '-Rv', '-Rh', '-RHv', '-RLc', '-hv', '--', '--bad']
        nopt = rng.choice([0, 1, 1, 2, 2, 3])
    elif util == 'rm':
        pool = ['-f', '-i', '-I', '-r', '-R', '-d', '-v', '--interactive', '--interactive=never', '--interactive=once',
                '--interactive=always', '--interactive=no', '--interactive=bad', '--one-file-system', '--preserve-root',
                '--preserve-root=all', '--no-preserve-root', '--force', '--recursive', '--dir', '--verbose', '-rf',
                '-rv', '-ri', '-rI', '-dv', '-fi', '-if', '--', '-x', '--bad', '--preserve-root=x']
        nopt = rng.choice([0, 1, 1, 2, 2, 3])
        if rng.random() < 0.5:
            opts.append(rng.choice(['-r', '-rv', '-rf', '-d', '-i']))
    elif util in ('mknod', 'mkfifo'):
        pool = ['-m', '--mode', '-Z', '--context', '--context=x', '--', '-x', '--bad', '-m644', '--mode=600']
        nopt = rng.choice([0, 0, 1, 1, 2])
    for _ in range(nopt):
        o = rng.choice(pool)
        if o in ('-x', '--bad', '--', '--time=bad', '--time=', '--interactive=bad', '--preserve-root=x', '--ref',
                 '--context=x', '-Z', '--context') and rng.random() < 0.8:
            o = rng.choice(pool)
        opts.append(o)
        if o in ('-s', '--size'):
            opts.append(pick(rng, TRUNC))
        elif o in ('-r', '--reference', '--ref'):
            opts.append(operand(rng, paths, 'old'))
        elif o in ('-d', '--date'):
            opts.append(pick(rng, DATES))
        elif o == '-t':
            opts.append(pick(rng, STAMPS))
        elif o in ('-m', '--mode'):
            opts.append(rnd_mode(rng))
        elif o == '--from':
            opts.append(pick(rng, USERSPEC))
    if util == 'touch' and '-' not in opts and rng.random() < 0.05:
        ops.append('-')
    if util in ('chmod',) and not any(o.startswith('--ref') for o in opts):
        m = rnd_mode(rng)
        if m.startswith('-') and rng.random() < 0.5:
            ops.append(m)
        else:
            ops.append(m)
    elif util == 'chown' and not any(o.startswith('--ref') for o in opts):
        ops.append(pick(rng, USERSPEC))
    elif util == 'chgrp' and not any(o.startswith('--ref') for o in opts):
        ops.append(pick(rng, GRPSPEC))
    if util == 'mknod':
        for _ in range(rng.choice([1, 1, 1, 2])):
            ops.append(operand(rng, paths, 'new'))
            t = rng.choice(['b', 'c', 'u', 'p', 'p', 'x', 'cc', ''])
            ops.append(t)
            if t in ('b', 'c', 'u') or rng.random() < 0.2:
                mm = ['0', '1', '3', '7', '0x10', '010', '4095', '4096', '1048575', '1048576', '-1', 'abc',
                      '99999999999', '4294967295', '4294967296', ' 1', '+1', '08', '']
                ops += [rng.choice(mm), rng.choice(mm)][:rng.choice([2, 2, 2, 1, 0])]
    else:
        kind = 'new' if util in ('mkfifo', 'truncate', 'touch') else 'old'
        for _ in range(nops):
            ops.append(operand(rng, paths, kind))
            if ops and rng.random() < 0.08:
                ops.append(ops[-1])
    args = opts + ops
    if rng.random() < 0.2 and opts and ops and util not in ('chmod', 'chown', 'chgrp', 'mknod'):
        rng.shuffle(args)
    return args, env


good(SIZES_DD, 26)
good(BS_DD, 18)
good(CONVS, 10)
good(FLAGS, 8)
good(USERSPEC, 14)
good(GRPSPEC, 7)
good(DATES, 12)
good(STAMPS, 8)
good(TRUNC, 15)


def limits():
    resource.setrlimit(resource.RLIMIT_AS, (4000000 * 1024, 4000000 * 1024))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))


def feeder(wfd, chunks):
    try:
        for c in chunks:
            os.write(wfd, c)
            time.sleep(0.004)
    except OSError:
        pass
    finally:
        os.close(wfd)


def run(prog, name, args, env, stdin, user, out='pipe'):
    full = {'LC_ALL': 'C', 'TZ': 'UTC', 'PATH': '/usr/bin:/bin', 'HOME': '/nonexistent'}
    full.update(env)

    def pre():
        limits()
        if user == 'nobody':
            os.setgroups([])
            os.setgid(65534)
            os.setuid(65534)
        if out == 'closed':
            os.close(1)
    th = None
    if stdin[0] == 'pipe':
        rfd, wfd = os.pipe()
        fin = rfd
    else:
        fn = os.path.join(SCR, 'stdin')
        with open(fn, 'wb') as f:
            f.write(stdin[1])
        fin = open(fn, 'rb')
    try:
        if out == 'pipe':
            so = subprocess.PIPE
        elif out == 'full':
            so = open('/dev/full', 'wb')
        else:
            so = subprocess.DEVNULL
        p = subprocess.Popen([name] + [enc(a) for a in args], executable=prog, cwd=T, env=full,
                             stdin=fin, stdout=so, stderr=subprocess.PIPE, preexec_fn=pre)
        if stdin[0] == 'pipe':
            os.close(rfd)
            th = threading.Thread(target=feeder, args=(wfd, stdin[1]))
            th.start()
        try:
            o, e = p.communicate(timeout=10)
            st = p.returncode
        except subprocess.TimeoutExpired:
            p.kill()
            o, e = p.communicate()
            st = 'timeout'
        if th:
            th.join()
        return st, o or b'', e
    finally:
        if stdin[0] != 'pipe':
            fin.close()
        if out == 'full':
            so.close()


DDMASK = re.compile(rb'copied, [^\n\r]*')


def one_case(util, ops, owners, args, env, stdin, user, out):
    res = []
    for prog in (os.path.join(OURS, util), '/usr/bin/' + util):
        clean()
        os.chown(R, 0, 0)       # R itself is reached through '../../..' and symlinks: reset it
        os.chmod(R, 0o777)
        os.utime(R, ns=(T_A, T_M))
        build(ops, owners)
        t0 = time.time_ns()
        st, o, err = run(prog, util, args, env, stdin, user, out)
        t1 = time.time_ns()
        after = snapshot(t0, t1)
        if util == 'dd':
            err = DDMASK.sub(b'copied, T', err)
        res.append((st, o, err, after))
    (s1, o1, e1, t1_), (s2, o2, e2, t2_) = res
    diffs = []
    if s1 == s2 == 'timeout':
        return res, 'both-hang'
    if s2 == 'timeout' and s1 != 'timeout':
        return res, 'gnu-hang'
    if isinstance(s1, int) and s1 < 0:
        diffs.append('SIGNAL %d' % -s1)
    if s1 != s2:
        diffs.append('status %s vs %s' % (s1, s2))
    if o1 != o2:
        diffs.append('stdout %r vs %r' % (o1[:300], o2[:300]))
    if e1 != e2:
        diffs.append('stderr %r vs %r' % (e1[:400], e2[:400]))
    if t1_ != t2_:
        ks = sorted(set(t1_) | set(t2_))
        d = [(k, t1_.get(k), t2_.get(k)) for k in ks if t1_.get(k) != t2_.get(k)][:4]
        diffs.append('tree %r' % d)
    return res, diffs


STOP = []


def main():
    import signal
    signal.signal(signal.SIGTERM, lambda *a: STOP.append(1))     # stop after the current case, with the counts
    rng0 = random.Random(SEED)
    stats = {}
    fails = 0
    done = 0
    for i in range(N):
        if STOP:
            break
        done += 1
        seed = rng0.randrange(1 << 30)
        if SEEDS:
            seed = SEEDS[i]
        rng = random.Random(seed)
        util = rng.choice(UTILS)
        user = rng.choice(USERS)
        ops, paths, owners = rnd_tree(rng, user, util)
        DIRS[:] = [p for o, p, a in ops if o == 'dir']
        args, env = gen_args(rng, util, paths)
        stdin = stdin_for(rng, util)
        r = rng.random()
        out = 'full' if r < 0.05 else 'closed' if r < 0.08 else 'pipe'
        res, diffs = one_case(util, ops, owners, args, env, stdin, user, out)
        if diffs and not isinstance(diffs, str) and not VERB:
            res2, diffs2 = one_case(util, ops, owners, args, env, stdin, user, out)
            if not diffs2:
                diffs = 'flaky'
        if isinstance(diffs, str):
            stats.setdefault(diffs, [0, 0, 0])[0] += 1
            if diffs == 'gnu-hang':
                print(json.dumps({'seed': seed, 'util': util, 'args': args, 'gnu-hang': True}), flush=True)
            continue
        s2 = res[1][0]
        key = util + '/' + user
        a = stats.setdefault(key, [0, 0, 0])
        a[0] += 1
        a[2] += (s2 == 0)
        if VERB:
            print(util, user, args, env, stdin if stdin[0] == 'file' else ('pipe', [len(c) for c in stdin[1]]),
                  ops, owners, out)
            for r_ in res:
                print('  ', r_[0], r_[1][:3000], r_[2][:3000])
            for d in diffs:
                print('  DIFF', d[:3000])
        if diffs and not VERB:
            a[1] += 1
            fails += 1
            print(json.dumps({'seed': seed, 'util': util, 'user': user, 'args': args, 'env': env, 'out': out,
                              'stdin': stdin[0], 'diffs': diffs}), flush=True)
        elif diffs:
            a[1] += 1
            fails += 1
    clean()
    for k in sorted(stats):
        print('# %-16s runs %5d  differ %4d  gnu-ok %4d' % (k, stats[k][0], stats[k][1], stats[k][2]))
    print('# total', done, 'differ', fails, flush=True)


main()
