#!/usr/bin/env python3
# fsfuzz.py - a differential fuzz of ln, mkdir, rmdir, link, unlink, mktemp,
# readlink and realpath: ours (BINDIR/NAME) against GNU's (/usr/bin/NAME)
# on identical random trees (files, directories of many modes, symlinks
# relative, absolute, dangling and in loops; names with spaces, newlines,
# bytes over 0x7f, 255 bytes; a chain of directories past PATH_MAX), built
# anew at the same absolute path for each of the two runs, with random
# command lines from the options README.md lists (operands existing,
# missing, repeated, with trailing slashes, ".", ".."), as root and as
# nobody, stdout sometimes closed or /dev/full. Compared: stdout, stderr,
# the exit status and the tree left (names, types, modes, owners, link
# counts, contents, symlink targets); mktemp's new name masked. A run where
# GNU hangs (readlink -m on "a -> a/") is counted apart.
#
# Run it through tests/fuzz/fsfuzz.sh (a private mount namespace where only its
# directory is writable); by hand, inside such a namespace:
#   fsfuzz.py BINDIR N SEED UTILS USERS     e.g. build/x86_64 2000 1 ln,mkdir root,nobody
#   fsfuzz.py BINDIR sSEED,SEED... 0 UTILS USERS   (replay those runs, verbose)
# Differences go to fails.jsonl beside this script, one JSON object a line.
import os, sys, random, subprocess, stat, shutil, json, resource, hashlib

HERE = os.path.dirname(os.path.abspath(__file__))
OURS = sys.argv[1]
SEEDS = [int(x) for x in sys.argv[2][1:].split(',')] if sys.argv[2][0] == 's' else None
N = len(SEEDS) if SEEDS else int(sys.argv[2])
SEED = int(sys.argv[3])
UTILS = sys.argv[4].split(',')
USERS = sys.argv[5].split(',')          # root,nobody
R = os.path.join(HERE, 'ro/w')          # the run dir: a mount point (not renamed away), in a read-only ro/
T = os.path.join(R, 'a/b/t')            # cwd of the command (3 levels: '../../..' stays in R)
LOG = os.path.join(HERE, 'fails.jsonl')

LONG = 'L' * 251
NAMES = ['a', 'b', 'c', 'd', 'e', 'sp ace', 'nl\nx', b'\xe9t\xe9'.decode('latin1'),
         'q\'t', '-x', '.h', LONG, LONG[:240] + 'abcdefghijklmn', 'a~', 'a.~1~', 'XXXXXX']

def enc(s):
    return s.encode('latin1')

def rnd_tree(rng, user, util=''):
    """a list of (op, path, arg) building a random tree under T"""
    ops = []
    paths = []
    dirs = ['']
    for _ in range(rng.randint(0, 9)):
        parent = rng.choice(dirs)
        name = rng.choice(NAMES)
        p = (parent + '/' + name) if parent else name
        if p in paths:
            continue
        k = rng.random()
        if k < 0.45:
            ops.append(('file', p, rng.choice([0o644, 0o644, 0o600, 0o000, 0o755, 0o444])))
        elif k < 0.65:
            ops.append(('dir', p, rng.choice([0o755, 0o755, 0o777, 0o555, 0o333, 0o000, 0o700, 0o1777, 0o311])))
            dirs.append(p)
        else:
            tgt = rng.choice(['a', 'b', 'd', '..', '.', 'nosuch', '/', T + '/a', T + '/d', T + '/nosuch',
                              'loop', p.split('/')[-1], '../a', 'd/', 'a/', R, '../../..'] +
                             ([rng.choice(paths)] if paths else []))
            ops.append(('sym', p, tgt))
        paths.append(p)
    if rng.random() < (0.9 if util == 'rmdir' else 0.3):      # a chain of empty directories
        base = rng.choice(['e1', 'd', 'sp ace'])
        for q in (base, base + '/e2', base + '/e2/e3'):
            if q not in paths:
                ops.append(('dir', q, rng.choice([0o755, 0o755, 0o555, 0o700, 0o333])))
                paths.append(q)
                if util == 'rmdir':
                    paths += [q] * 3    # (picked more often)
    if rng.random() < 0.15:     # a deep path, past PATH_MAX
        ops.append(('deep', 'deep', rng.randint(15, 19)))
        paths.append('deep')
    if rng.random() < 0.2:
        ops.append(('sym', 'loop', 'loop2')); ops.append(('sym', 'loop2', 'loop'))
        paths += ['loop', 'loop2']
    owners = {}
    if user == 'nobody':
        for p in paths:
            if rng.random() < 0.5:
                owners[p] = 65534
    return ops, paths, owners

def build(ops, owners):
    os.makedirs(T)
    os.chmod(os.path.dirname(T), 0o777)
    os.chmod(os.path.dirname(os.path.dirname(T)), 0o777)
    os.chmod(T, 0o777)
    for op, p, a in ops:
        full = enc(os.path.join(T, p))
        try:
            if op == 'file':
                with open(full, 'wb') as f:
                    f.write(b'data ' + enc(p) + b'\n')
            elif op == 'dir':
                os.mkdir(full)
            elif op == 'sym':
                os.symlink(enc(a), full)
            elif op == 'deep':
                fd = os.open(full if False else enc(T), os.O_RDONLY)
                first = True
                for i in range(a):
                    n = b'deep' if first else b'D' * 230
                    first = False
                    os.mkdir(n, dir_fd=fd)
                    nfd = os.open(n, os.O_RDONLY, dir_fd=fd)
                    os.close(fd)
                    fd = nfd
                with open(os.open(b'f', os.O_CREAT | os.O_WRONLY, 0o644, dir_fd=fd), 'wb') as f:
                    f.write(b'deep\n')
                os.close(fd)
        except OSError:
            pass
    for p, uid in owners.items():
        try:
            os.lchown(enc(os.path.join(T, p)), uid, 65534)
        except OSError:
            pass
    # modes last (dirs made unwritable after their children)
    for op, p, a in reversed(ops):
        if op in ('file', 'dir'):
            try:
                os.chmod(enc(os.path.join(T, p)), a)
            except OSError:
                pass

def snap(fd, rel, out):
    for e in sorted(os.listdir(fd)):
        st = os.lstat(e, dir_fd=fd)
        key = rel + b'/' + os.fsencode(e)
        m = st.st_mode
        info = [stat.S_IFMT(m), m & 0o7777, st.st_uid, st.st_gid]
        if stat.S_ISLNK(m):
            info.append(os.fsencode(os.readlink(e, dir_fd=fd)))
        elif stat.S_ISDIR(m):
            pass
        else:
            info.append(st.st_nlink)
            if stat.S_ISREG(m):
                try:
                    cfd = os.open(e, os.O_RDONLY | os.O_NOFOLLOW, dir_fd=fd)
                    with open(cfd, 'rb') as f:
                        info.append(hashlib.md5(f.read()).hexdigest()[:8])
                except OSError as x:
                    info.append('ERR%d' % x.errno)
        out[key] = info
        if stat.S_ISDIR(m):
            cfd = os.open(e, os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW, dir_fd=fd)
            try:
                snap(cfd, key, out)
            finally:
                os.close(cfd)

def snapshot():
    out = {}
    fd = os.open(R, os.O_RDONLY | os.O_DIRECTORY)
    try:
        snap(fd, b'', out)
    finally:
        os.close(fd)
    return out

def clean():
    # R's contents only, never following symlinks (rmtree works on fds)
    for _ in range(3):
        for e in os.listdir(enc(R)):
            p = os.path.join(enc(R), e)
            if os.path.isdir(p) and not os.path.islink(p):
                shutil.rmtree(p, ignore_errors=True)
            else:
                os.unlink(p)
        if not os.listdir(enc(R)):
            return
    raise SystemExit('cannot clean ' + R)

def new_name(rng, paths):
    dirs = [p for p in paths if not p.startswith('deep')] + ['']
    d = rng.choice(dirs)
    n = rng.choice(['new', 'n2', 'sp ace2', 'nl\ny', LONG[:250], LONG + 'x', 'a.~1~', 'new/sub', 'new/sub/x'])
    return (d + '/' + n) if d else n

def operand(rng, paths, kind='any'):
    k = rng.random()
    if kind == 'new' and k < 0.6:
        p = new_name(rng, paths)
    elif kind == 'old' and k < 0.75 and paths:
        p = rng.choice(paths)
    elif k < 0.5 and paths:
        p = rng.choice(paths)
    elif k < 0.62:
        p = rng.choice(['nosuch', 'nosuch/x', 'a/x', 'd/nosuch', 'new', 'd/new', 'new/'])
    elif k < 0.7:
        p = rng.choice(['.', '..', './', '../t', '/', '', 'd/..', 'd/.', '//'])
    else:
        p = rng.choice(NAMES)
    if 'deep' in paths and rng.random() < 0.15:     # into the chain, maybe past PATH_MAX
        p = 'deep' + '/' .join([''] + ['D' * 230] * rng.randint(1, 18)) + rng.choice(['', '/f', '/new', '/new/x', '/..'])
    r = rng.random()
    if r < 0.12:
        p = p + '/'
    elif r < 0.16:
        p = p + '//'
    elif r < 0.22:
        p = T + '/' + p
    elif r < 0.25:
        p = './' + p
    return p

def gen_args(rng, util, paths):
    env = {}
    stdin = b''
    opts = []
    nops = rng.choice([0, 1, 1, 2, 2, 2, 3, 4])
    if util == 'ln':
        pool = ['-s', '-f', '-i', '-n', '-r', '-T', '-v', '-L', '-P', '-b', '-d', '-F',
                '--backup', '--backup=numbered', '--backup=existing', '--backup=simple',
                '--backup=none', '--backup=t', '--backup=nil', '--backup=bad', '--back=n',
                '-S', '--suffix=.bak', '--suffix=', '-t', '--target-directory=d',
                '--no-target-directory', '--relative', '--symbolic', '--force', '--verbose',
                '--no-dereference', '--logical', '--physical', '--interactive', '--directory', '-sf', '-sfn', '-srf', '-sv', '-bf']
        if rng.random() < 0.2:
            env['VERSION_CONTROL'] = rng.choice(['numbered', 'simple', 'existing', 'never', 'x', ''])
        if rng.random() < 0.2:
            env['SIMPLE_BACKUP_SUFFIX'] = rng.choice(['.orig', '', 'a/b', '/', '~~', 'x/'])
        stdin = rng.choice([b'', b'y\n', b'n\n', b'y\ny\ny\n', b'Yes\nno\n'])
        nops = rng.choice([1, 2, 2, 2, 2, 3, 4])
        if rng.random() < 0.5:
            opts.append(rng.choice(['-s', '-sf', '-sb', '-s']))
    elif util == 'mkdir':
        pool = ['-p', '-v', '-m', '--parents', '--verbose', '--mode=700', '-m755', '-m', '-pv',
                '--mode=u+w', '-m=rwx', '--mode=a-x', '-m0', '-m1777', '-mg+s', '-mu=rwx,go=']
    elif util == 'rmdir':
        pool = ['-p', '-v', '--ignore-fail-on-non-empty', '--parents', '--path', '--verbose', '--ig', '-pv']
    elif util in ('link', 'unlink'):
        pool = ['--', '-x', '--x'] if rng.random() < 0.1 else []
        nops = rng.choice([1, 2, 2, 2, 3]) if util == 'link' else rng.choice([0, 1, 1, 1, 2])
    elif util == 'mktemp':
        pool = ['-d', '-u', '-q', '-t', '-p', '--tmpdir', '--tmpdir=d', '--tmpdir=', '--suffix=.x',
                '--suffix=/x', '--suffix=', '--dry-run', '--quiet', '--directory', '-dq']
        if rng.random() < 0.5:
            env['TMPDIR'] = rng.choice([T, T + '/d', T + '/nosuch', '', 'd', T + '/a'])
        nops = rng.choice([0, 1, 1, 1, 2])
    elif util == 'readlink':
        pool = ['-f', '-e', '-m', '-n', '-q', '-s', '-v', '-z', '--canonicalize', '--canonicalize-existing',
                '--canonicalize-missing', '--no-newline', '--quiet', '--silent', '--verbose', '--zero', '-fn', '-ev']
    elif util == 'realpath':
        pool = ['-e', '-m', '-s', '-L', '-P', '-q', '-z', '--relative-to', '--relative-base',
                '--relative-to=d', '--relative-base=.', '--strip', '--no-symlinks', '--logical', '--physical',
                '--quiet', '--zero', '-sm', '--relative-to=' + T, '--relative-base=/']
    for _ in range(rng.choice([0, 1, 1, 2, 3])):
        if not pool:
            break
        o = rng.choice(pool)
        opts.append(o)
        if o in ('-S', '-t', '-m', '-p', '--relative-to', '--relative-base'):
            if o == '-S':
                opts.append(rng.choice(['.bak', '~', '', 'x/']))
            elif o == '-m':
                opts.append(rng.choice(['755', '0', 'u+w', 'bad', '=', 'a=rwx', '644', '+t', 'o-x']))
            elif o == '-p':
                opts.append(rng.choice([T, 'd', 'nosuch', '', '.', 'a']))
            else:
                opts.append(operand(rng, paths))
    ops = []
    for _ in range(nops):
        if util == 'mktemp':
            ops.append(rng.choice(['tmp.XXXXXX', 'fooXXX', 'XX', 'XXXXXXbar', 'd/XXXXXX', 'nosuch/XXXXXX',
                                   T + '/XXXXXX', 'a/XXXX', 'x/y', 'XXXXXX/', 'sp ace.XXXX', '',
                                   'XXX.XXX', '/XXXXXX']))
        else:
            if util in ('ln', 'link'):
                kind = 'new' if _ == nops - 1 and nops > 1 else 'old'
            elif util == 'mkdir':
                kind = 'new'
            else:
                kind = 'old'
            ops.append(operand(rng, paths, kind))
        if ops and rng.random() < 0.1:
            ops.append(ops[-1])
    args = opts + ops
    if rng.random() < 0.3 and opts and ops:
        rng.shuffle(args)
    return args, env, stdin

def limits():
    resource.setrlimit(resource.RLIMIT_AS, (4000000 * 1024, 4000000 * 1024))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))

def run(prog, name, args, env, stdin, user, out='pipe'):
    full = {'LC_ALL': 'C', 'TZ': 'UTC', 'PATH': '/usr/bin:/bin', 'HOME': '/nonexistent'}
    full.update(env)
    def pre():
        limits()
        if user == 'nobody':
            os.setgroups([])
            os.setgid(65534)
            os.setuid(65534)
    with open(os.path.join(HERE, 'stdin'), 'wb') as f:
        f.write(stdin)
    with open(os.path.join(HERE, 'stdin'), 'rb') as fin:
        try:
            if out == 'pipe':
                so = subprocess.PIPE
            elif out == 'full':
                so = open('/dev/full', 'wb')
            else:
                so = subprocess.DEVNULL
            def pre2():
                pre()
                if out == 'closed':
                    os.close(1)
            p = subprocess.run([name] + [enc(a) for a in args], executable=prog, cwd=T, env=full,
                               stdin=fin, stdout=so, stderr=subprocess.PIPE, timeout=10, preexec_fn=pre2)
            return p.returncode, p.stdout or b'', p.stderr
        except subprocess.TimeoutExpired:
            return 'timeout', b'', b''

def mask_new(before, after):
    """mktemp: the new entries' random names masked"""
    new = [k for k in after if k not in before]
    out = {}
    names = []
    for k, v in after.items():
        if k in new and not any(k != n and k.startswith(n + b'/') for n in new):
            names.append(k.rsplit(b'/', 1)[1])
            k = k.rsplit(b'/', 1)[0] + b'/<NEW>'
        out[k] = v
    return out, names

def fuzzy_eq(a, b):
    if len(a) != len(b):
        return False
    for x, y in zip(a, b):
        if x != y and not (chr(x).isalnum() and chr(y).isalnum()):
            return False
    return True

def main():
    rng0 = random.Random(SEED)
    stats = {}
    fails = 0
    for i in range(N):
        seed = rng0.randrange(1 << 30)
        if SEEDS: seed = SEEDS[i]
        rng = random.Random(seed)
        util = rng.choice(UTILS)
        user = rng.choice(USERS)
        ops, paths, owners = rnd_tree(rng, user, util)
        args, env, stdin = gen_args(rng, util, paths)
        r = rng.random()
        out = 'full' if r < 0.06 else 'closed' if r < 0.09 else 'pipe'
        res = []
        for prog in (os.path.join(OURS, util), '/usr/bin/' + util):
            if os.path.lexists(R):
                clean()
            else:
                os.mkdir(R)
            os.chmod(R, 0o777)
            build(ops, owners)
            before = snapshot()
            st, o, err = run(prog, util, args, env, stdin, user, out)
            after = snapshot()
            if util == 'mktemp':
                after, _ = mask_new(before, after)
            res.append((st, o, err, after))
        (s1, o1, e1, t1), (s2, o2, e2, t2) = res
        ok_out = fuzzy_eq(o1, o2) if util == 'mktemp' else o1 == o2
        diffs = []
        if s2 == 'timeout' and s1 != 'timeout':
            stats.setdefault('gnu-hang', [0, 0, 0])[0] += 1
            with open(LOG + '.hang', 'a') as f:
                f.write(json.dumps({'seed': seed, 'util': util, 'args': args}) + '\n')
            continue
        if e1 != e2 and len(e1) == len(e2) + 1 and s1 == s2 and ok_out and t1 == t2 and any(
                e1[j] == 39 and e1[:j] + e1[j + 1:] == e2 for j in range(len(e1))):
            # GNU's quoteaf_n (n >= 1) on a name with a ' and a byte over
            # 0x7f: its second pass outgrows the first's length, the last
            # byte (the closing ') is cut (rt/error.inc does not, yet)
            stats.setdefault('gnu-quote-cut', [0, 0, 0])[0] += 1
            continue
        if s1 != s2: diffs.append('status %s vs %s' % (s1, s2))
        if not ok_out: diffs.append('stdout %r vs %r' % (o1[:300], o2[:300]))
        if e1 != e2: diffs.append('stderr %r vs %r' % (e1[:300], e2[:300]))
        if t1 != t2:
            ks = sorted(set(t1) | set(t2))
            d = [(k, t1.get(k), t2.get(k)) for k in ks if t1.get(k) != t2.get(k)][:4]
            diffs.append('tree %r' % d)
        key = util + '/' + user
        a = stats.setdefault(key, [0, 0, 0])
        a[0] += 1
        a[2] += (s2 == 0)
        if SEEDS or os.environ.get('VERB'):
            print(util, user, args, env, stdin, ops, owners, out)
            for r in res: print('  ', r[0], r[1][:3000], r[2][:3000] if len(r[2]) <= 6000 else r[2][:3000] + b" ... " + r[2][-3000:])
            for d in diffs: print('  DIFF', d[:3000])
        if diffs:
            a[1] += 1
            fails += 1
            with open(LOG, 'a') as f:
                f.write(json.dumps({'seed': seed, 'util': util, 'user': user, 'args': args, 'env': env,
                                    'stdin': stdin.decode('latin1'), 'out': out, 'ops': ops, 'owners': owners,
                                    'diffs': diffs}) + '\n')
        if (i + 1) % 1000 == 0:
            with open(os.path.join(HERE, 'progress'), 'w') as f:
                f.write('%d runs, %d differ\n' % (i + 1, fails))
    clean()
    for k in sorted(stats):
        print('%-16s runs %5d  differ %4d  gnu-ok %4d' % (k, stats[k][0], stats[k][1], stats[k][2]))
    print('total', N, 'differ', fails)

main()
