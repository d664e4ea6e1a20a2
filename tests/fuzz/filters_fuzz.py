#!/usr/bin/env python3
"""filters_fuzz.py - a differential fuzz of sort, uniq, wc, base64, tee, echo,
env and printenv: ours (BINDIR/x86_64/NAME and BINDIR/i386/NAME) against
GNU's (/usr/bin/NAME), under LC_ALL=C TZ=UTC.

Each case is random: the input (0..300000 bytes, across the read buffers:
random bytes, line-ish alphabets, fields of numbers / months / sizes /
versions, no last newline, long lines, NULs, bytes over 0x7f), the options
(every option README.md lists for the utility, per-key sort flags, bad
values for the error paths), the operands (files, '-', a directory, a
missing name, an unreadable one when run as nobody, the output onto an
input) and how it runs (stdin a pipe, a file, a file at an offset,
/dev/null; stdout a pipe or /dev/full; root or nobody). The three runs
(GNU, x86_64, i386) start from the same fresh directory at the same path,
with argv[0] the bare name, and must give the same stdout, stderr, exit
status and the same files left behind (sort -o, tee, uniq's OUTPUT).

It re-executes itself in a private mount namespace (unshare -m) where / and
/dev/shm are read-only and only WORK/w is writable, and checks that before
running anything. Root only. At most 10 s and 4 GB of address space a run.

Usage:
  filters_fuzz.py [--bindir build] [--work DIR] [--utils sort,uniq,...]
                  [--seed N] [--count N] [--minutes M] [--arch x86_64,i386]
  filters_fuzz.py --replay UTIL:CASESEED [...]    (verbose: the command, the
                  three results; the case's files kept in WORK/w/keep-*)
Left out on purpose (README-documented differences, or noise): printenv's long
options; echo --help/--version alone; sort -k character positions near 2^64,
sort with stdout closed, sort -R without --random-source, --debug onto
/dev/full; wc -c/-m
alone from an offset on a page-multiple size; tee's file contents when killed
by SIGPIPE. A pipe stdin of up to 64 KiB is filled before the start (read
sizes from a pipe written meanwhile are timing, and decide how a file named
twice in tee interleaves); a case where GNU itself times out (sort -S 0 on a
big input) is skipped.

Differences go to WORK/w/fails.jsonl (one JSON object a line) and a summary
"UTIL: N cases (GNU exit 0 in N), N differences" per utility is printed at the end.
"""
import os, sys, random, subprocess, json, resource, shutil, argparse, time, signal, stat, hashlib

UTILS_ALL = ['sort', 'uniq', 'wc', 'base64', 'tee', 'echo', 'env', 'printenv']
SIZES = [0, 1, 2, 3, 63, 64, 65, 511, 512, 1023, 1024, 1025, 4095, 4096, 4097,
         8191, 8192, 8193, 16383, 16384, 32767, 32768, 65535, 65536, 65537,
         131071, 131072, 131073, 262144, 300000]


# ---------------------------------------------------------------- inputs
def size(r, big=True):
    if r.random() < 0.35:
        return r.choice(SIZES if big else SIZES[:20])
    return r.randrange(300001 if big and r.random() < 0.3 else 3000)


def rbytes(r, n=None):
    alpha = r.choice([b"ab\n", b"a\n\n", b"abc\t \n", bytes(range(256)), b"\x00\n\xff\x80a",
                      b"0123456789abcdef\n", b"aab  bb\n", b"xyz \t\n\r\x0b\x0c",
                      b"abcdefghij" * 9 + b" \n\r\x0b\x0c\x00"])
    if n is None:
        n = size(r)
    return bytes(r.choices(alpha, k=n))


NUMS = ['0', '-0', '00', '1', '-1', '12', '007', '1.5', '-1.5', '.5', '-.5', '1.', '1,234', '1e3',
        '-2e-3', '1E10', '123456789012', '9' * 20, '-' + '9' * 18, '0.000', '+1', '--1', '1-2',
        ' 3', '\t4', '0x1F', '0x1p3', 'inf', '-inf', 'Infinity', '1.5.6', '.', '-', '', '\xd9\xa3']
HUM = ['1K', '2k', '1M', '1.5G', '-3T', '0', '1', '1P', '2E', '1Z', '1Y', '1R', '999', '1KB',
       '1Ki', '-1K', '0.5M', '1,5K', ' 2M']
MON = ['Jan', 'jan', 'JAN', 'Feb', ' feb', 'mar', 'Apr', 'may', 'JUN', 'jul', 'aug', 'Sep',
       'oct', 'nov', 'Dec', 'Ja', 'janu', 'xyz', '\tdec', '']
VER = ['1.2', '1.10', '1.2.3', 'a1', 'a10', 'a2b', 'file-1.10.tar.gz', 'file-1.9.tar.gz', '1.0~rc1',
       '1.0', '.a', '..', 'x.', '01', '1', 'v2', 'a~', 'a']
WORDS = ['a', 'b', 'A', 'B', 'abc', 'Abc', 'ABC', 'a-b', 'a_b', 'a b', ' a', 'a ', '\xe9t\xe9',
         '\x80', '\xff', 'z', 'Z', '_', '#', '!x', '\x01', 'a\x7f', 'aa', 'AA', 'aA']


def field(r, kind):
    if kind == 'num':
        return r.choice(NUMS) if r.random() < 0.7 else str(r.randint(-10**6, 10**6)) + r.choice(['', '.' + str(r.randint(0, 999))])
    if kind == 'hum':
        return r.choice(HUM)
    if kind == 'mon':
        return r.choice(MON)
    if kind == 'ver':
        return r.choice(VER)
    if kind == 'word':
        return r.choice(WORDS)
    return r.choice(NUMS + HUM + MON + VER + WORDS)


def lineish(r, nolast=None, term=b'\n', nonan=True):
    """lines of fields for sort/uniq"""
    if r.random() < 0.1:
        return rbytes(r)
    kinds = [r.choice(['num', 'hum', 'mon', 'ver', 'word', 'mix']) for _ in range(r.randint(1, 4))]
    seps = r.choice([[' '], ['\t'], [':'], [','], [' ', '  ', '\t'], ['a'], [' ', ':']])
    n = r.choice([0, 1, 2, 3, 5, 10, 50, 200, 1000, r.randrange(5000)])
    out = []
    prev = None
    for _ in range(n):
        if prev is not None and r.random() < 0.3:
            out.append(prev if r.random() < 0.7 else prev.encode('latin1').swapcase().decode('latin1'))
            continue
        lead = r.choice(['', '', '', ' ', '  ', '\t'])
        f = [field(r, k) for k in kinds[:r.randint(1, len(kinds))]]
        s = lead + ''.join(x + r.choice(seps) for x in f[:-1]) + f[-1]
        if r.random() < 0.1:
            s += r.choice([' ', '\t', ' x'])
        out.append(s)
        prev = s
    if r.random() < 0.05 and out:   # one long line
        out[r.randrange(len(out))] = 'x' * r.choice([4095, 4096, 65536, 100000, r.randrange(200000)])
    if r.random() < 0.1:
        out.insert(r.randrange(len(out) + 1), '')
    b = term.join(s.encode('latin1') for s in out)
    if out and (nolast is False or (nolast is None and r.random() < 0.8)):
        b += term
    return b


# ---------------------------------------------------------------- case generators
# A case: dict(argv=[...], files={name: bytes}, modes={name: mode}, dirs=[...],
#              stdin=('pipe', bytes) | ('file', name, offset) | ('null',),
#              stdout='pipe'|'full', env={...}, user='root'|'nobody')

def base_case(r):
    return dict(argv=[], files={}, modes={}, dirs=[], stdin=('null',), stdout='pipe',
                env={}, user='root')


def stdin_of(r, c, data):
    k = r.random()
    if k < 0.5:
        c['stdin'] = ('pipe', data)
    else:
        c['files']['in'] = data
        off = 0
        if k > 0.85 and data:
            off = r.randrange(len(data) + 1)
        c['stdin'] = ('file', 'in', off)


def maybe_full(r, c, p=0.04):
    if r.random() < p:
        c['stdout'] = 'full'
    elif r.random() < p:
        c['stdout'] = 'epipe'     # a pipe whose reader is gone
    elif r.random() < p / 2 and c['argv'][:1] != ['sort']:
        c['stdout'] = 'closed'    # README: sort's message differs there


def maybe_nobody(r, c, p=0.1):
    if r.random() < p:
        c['user'] = 'nobody'
        c['files']['unr'] = b'secret\n'
        c['modes']['unr'] = 0o000
        c['files']['rofile'] = b'ro\n'
        c['modes']['rofile'] = 0o444


SORT_KFLAGS = 'bdfgiMhnRrV'


def sortkey(r, randsrc):
    def pos(start):
        f = r.choice([1, 1, 2, 2, 3, 4, 5]) if r.random() > 0.02 else r.choice([0, 10**20, 'x', ''])
        s = str(f)
        if r.random() < 0.5:
            if start:
                c = r.choice([1, 1, 2, 3, 5, 8]) if r.random() > 0.03 else r.choice([0, 10**6, 2**32 + 1])  # README: near 2**64 documented
            else:
                c = r.choice([0, 1, 2, 3, 5, 8])
            s += '.' + str(c)
        if r.random() < 0.35:
            fl = ''.join(r.sample('bdfginrMhV' + ('R' if randsrc else ''), r.randint(1, 2)))
            if r.random() < 0.6:
                fl = ''.join(ch for ch in fl if ch in 'bdfir') or 'b'
            s += fl
        return s
    k = pos(True)
    if r.random() < 0.6:
        k += ',' + pos(False)
    return k


def gen_sort(r):
    c = base_case(r)
    a = []
    randsrc = r.random() < 0.08
    ordering = r.choice(['', '', '', 'n', 'g', 'h', 'M', 'V', 'n', 'h', 'g'])
    flags = ''.join(ch for ch in 'bdfirsuz' if r.random() < (0.15 if ch not in 'di' or not ordering or r.random() < 0.1 else 0))
    if r.random() < 0.03:
        ordering += r.choice('nghMVR')
    if 'R' in ordering or (randsrc and r.random() < 0.5):
        ordering += 'R' if 'R' not in ordering else ''
        randsrc = True
    fl = flags + ordering
    if fl:
        if r.random() < 0.5:
            a.append('-' + fl)
        else:
            a += ['-' + ch for ch in fl]
    if randsrc:
        c['files']['rs'] = bytes(r.randrange(256) for _ in range(r.choice([0, 10, 4096, 20000])))
        a.append('--random-source=rs')
    if r.random() < 0.35:
        t = r.choice([' ', ':', ',', '\t', 'a', ' ', ':', '\\0', '', 'ab', '\\n', '\xe9'])
        if r.random() < 0.5:
            a += ['-t', t]
        else:
            a.append('-t' + t)
        if r.random() < 0.03:
            a += ['-t', r.choice([t, 'x'])]
    for _ in range(r.choice([0, 0, 1, 1, 1, 2, 3])):
        k = sortkey(r, randsrc)
        a += ['-k', k] if r.random() < 0.7 else ['-k' + k]
    if r.random() < 0.03:
        a += r.choice([['+1'], ['+0', '-1'], ['+1.2b', '-2.1'], ['+2n']])
    keyopts = None if randsrc else list(a)
    check = None
    if r.random() < 0.12:
        check = r.choice(['-c', '-C', '--check', '--check=quiet', '--check=silent', '--check=diagnose-first',
                          '-c', '-C', '--check=bad'])
        a.append(check)
    merge = r.random() < 0.15
    if merge:
        a.append('-m')
    if r.random() < 0.06:
        a.append(r.choice(['-S', '-S1M', '--parallel=2', '-T.', '--batch-size=2', '-S', '--parallel=0', '-Sx']))
        if a[-1] == '-S':
            a.append(r.choice(['1', '1K', '10%', '0', 'x']))
    if r.random() < 0.03:
        a.append(r.choice(['--sort=numeric', '--sort=month', '--sort=version', '--sort=general-numeric',
                           '--sort=human-numeric', '--sort=x', '--numeric-sort', '--reverse', '--uniq',
                           '--unique', '--stable', '--zero-terminated', '--ignore-case', '--ignore-nonprinting',
                           '--dictionary-order', '--month-sort', '--general-numeric-sort', '-y', '-yX',
                           '--human-numeric-sort', '--version-sort', '--key', '--field-separator', '--x', '-a']))
    z = 'z' in fl or '--zero-terminated' in a
    term = b'\0' if z else b'\n'

    def mk():
        d = lineish(r, term=term)
        if (merge or check) and keyopts is not None and r.random() < 0.7:
            d = presort(d, keyopts, c)
        return d
    nfiles = r.choice([0, 0, 1, 1, 1, 2, 3])
    ops = []
    for i in range(nfiles):
        c['files']['f%d' % i] = mk()
        ops.append('f%d' % i)
    if r.random() < 0.1:
        ops.insert(r.randrange(len(ops) + 1), r.choice(['nosuch', 'dir', '-', 'unr', 'f0', '-', 'f0']))
        c['dirs'].append('dir')
    stdin_of(r, c, mk())
    if r.random() < 0.2:
        o = r.choice(['out', 'out', 'f0', 'in', 'dir/x', 'nodir/x', 'dir', 'rofile', '/dev/full'])
        c['dirs'].append('dir')
        if o == 'f0' and 'f0' not in c['files']:
            c['files']['f0'] = mk()
        if o == 'in' and 'in' not in ops:
            ops.append('in')
            c['files']['in'] = mk()
        a += ['-o', o] if r.random() < 0.6 else ['-o' + o]
        if r.random() < 0.03:
            a += ['-o', 'out2']
    if r.random() < 0.05:
        names = [n.encode() for n in r.choices(['f0', 'f1', 'in', 'nosuch', '-', '', 'dir'], k=r.randint(0, 3))]
        c['files']['list'] = b'\0'.join(names) + (b'\0' if r.random() < 0.7 else b'')
        c['dirs'].append('dir')
        a.append(r.choice(['--files0-from=list', '--files0-from=-', '--files0-from=nosuch']))
        if a[-1].endswith('-'):
            c['stdin'] = ('pipe', c['files']['list'])
        if r.random() < 0.5:
            ops = []
    if r.random() < 0.1:
        a.append(r.choice(['--debug', '--debug', '--deb']))
    if r.random() < 0.5 and not any(x.startswith('+') or x in ('-k', '-t', '-o', '-S') for x in a):
        r.shuffle(a)   # options in another order
    c['argv'] = ['sort'] + a + ops
    maybe_nobody(r, c, 0.05)
    maybe_full(r, c)
    if c.get('stdout') == 'full' and any(x.startswith('--deb') for x in a):
        c['stdout'] = 'pipe'  # README: --debug's message on a failing output
    return c


def presort(d, keyopts, c):
    try:
        env = {'LC_ALL': 'C', 'PATH': '/usr/bin:/bin', 'TMPDIR': TMPD}
        p = subprocess.run(['/usr/bin/sort'] + keyopts, input=d, capture_output=True, env=env, timeout=20)
        if p.returncode == 0:
            return p.stdout
    except Exception:
        pass
    return d


def gen_uniq(r):
    c = base_case(r)
    a = []
    z = r.random() < 0.1
    for o in ['-c', '-d', '-D', '-u', '-i']:
        if r.random() < 0.15:
            a.append(o)
    for o in ['-f', '-s', '-w']:
        if r.random() < 0.2:
            n = r.choice(['0', '1', '2', '3', '5', '100', str(r.randrange(10)), '-1', 'x', '99999999999999999999999', '1k'])
            a += [o, n] if r.random() < 0.6 else [o + n]
    if z:
        a.append(r.choice(['-z', '--zero-terminated']))
    if r.random() < 0.12:
        a.append(r.choice(['--all-repeated', '--all-repeated=none', '--all-repeated=prepend',
                           '--all-repeated=separate', '--all-repeated=bad', '--all-repeated=p',
                           '--group', '--group=separate', '--group=prepend', '--group=append',
                           '--group=both', '--group=x', '--gr=b']))
    if r.random() < 0.05:
        a.append(r.choice(['--count', '--repeated', '--unique', '--ignore-case', '--skip-fields=1',
                           '--skip-chars=2', '--check-chars=3', '--co', '-3', '+2', '-1', '--', '-x',
                           '--skip-fields', '--nonexist']))
    term = b'\0' if z else b'\n'
    d = lineish(r, term=term)
    if r.random() < 0.5:  # pairs of nearly equal lines
        ls = d.split(term)
        out = []
        for l in ls:
            out.append(l)
            if r.random() < 0.4:
                v = bytearray(l)
                if v and r.random() < 0.5:
                    i = r.randrange(len(v))
                    v[i] = r.choice(b'aAbB \t\x00\n')
                out.append(bytes(v))
        d = term.join(out)
    ops = []
    k = r.random()
    if k < 0.4:
        stdin_of(r, c, d)
    else:
        c['files']['f'] = d
        ops.append(r.choice(['f', 'f', 'f', '-', 'nosuch', 'dir', 'unr']))
        c['dirs'].append('dir')
        if ops[0] == '-':
            stdin_of(r, c, d)
        if r.random() < 0.4:
            ops.append(r.choice(['out', 'out', 'f', 'dir', 'nodir/x', '/dev/full', 'rofile', '-']))
            if r.random() < 0.05:
                ops.append('extra')
    c['argv'] = ['uniq'] + a + ops
    maybe_nobody(r, c, 0.05)
    maybe_full(r, c)
    return c


def gen_wc(r):
    c = base_case(r)
    a = []
    for o in ['-c', '-m', '-l', '-w', '-L']:
        if r.random() < 0.25:
            a.append(o)
    if r.random() < 0.1 and a:
        a = ['-' + ''.join(x[1] for x in a)]
    if r.random() < 0.05:
        a.append(r.choice(['--bytes', '--chars', '--lines', '--words', '--max-line-length', '--by', '--l',
                           '--total=always', '--total', '--x', '-x', '--']))
    nf = r.choice([0, 0, 1, 1, 2, 3])
    ops = []
    for i in range(nf):
        c['files']['f%d' % i] = rbytes(r) if r.random() < 0.6 else lineish(r)
        ops.append('f%d' % i)
    if r.random() < 0.2:
        c['dirs'].append('dir')
        ops.insert(r.randrange(len(ops) + 1), r.choice(['-', 'dir', 'nosuch', 'unr', '-', 'f0' if nf else '-']))
    d = rbytes(r) if r.random() < 0.6 else lineish(r)
    stdin_of(r, c, d)
    if c['stdin'][0] == 'file' and c['stdin'][2]:
        # README: -c/-m alone from an offset on a page-multiple size: documented
        sz = len(d)
        if sz % 4096 == 0:
            c['stdin'] = ('file', 'in', 0)
    if r.random() < 0.1:
        names = r.choices(['f0', 'f1', 'in', 'nosuch', '-', '', 'dir', 'unr', 'a\nb'], k=r.randint(0, 4))
        c['files']['list'] = b'\0'.join(n.encode() for n in names) + (b'\0' if r.random() < 0.7 else b'')
        c['files'].setdefault('f0', rbytes(r))
        c['files'].setdefault('f1', b'x y\n')
        c['dirs'].append('dir')
        a.append(r.choice(['--files0-from=list', '--files0-from=-', '--files0-from=nosuch',
                           '--files0-from=dir', '--files0-from=list']))
        if a[-1].endswith('=-'):
            c['stdin'] = ('pipe', c['files']['list'])
        if r.random() < 0.7:
            ops = []
    c['argv'] = ['wc'] + a + ops
    maybe_nobody(r, c, 0.08)
    maybe_full(r, c)
    return c


B64 = b'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'


def gen_base64(r):
    import base64 as pyb64
    c = base_case(r)
    a = []
    dec = r.random() < 0.5
    if dec:
        a.append(r.choice(['-d', '--decode', '--de', '-d']))
    if r.random() < (0.4 if dec else 0.1):
        a.append(r.choice(['-i', '--ignore-garbage', '--i']))
    if r.random() < 0.4:
        w = r.choice(['0', '1', '2', '3', '4', '75', '76', '77', '100', '4096', str(r.randrange(200)),
                      '-1', 'x', '99999999999999999999', '2147483648', '1k', ''])
        a += [r.choice(['-w', '--wrap']), w] if r.random() < 0.6 else ['-w' + w]
    raw = rbytes(r, size(r)) if r.random() < 0.7 else lineish(r)
    if dec:
        enc = pyb64.b64encode(raw[:r.choice([len(raw), len(raw), 0, 1, 2, 3, 4])] if r.random() < 0.1 else raw)
        w = r.choice([0, 76, 76, 4, 1, 3, 60, 64, 4096, r.randrange(1, 200)])
        if w:
            enc = b'\n'.join(enc[i:i + w] for i in range(0, len(enc), w)) + (b'\n' if r.random() < 0.9 else b'')
        m = bytearray(enc)
        for _ in range(r.choice([0, 0, 0, 1, 1, 2, 5])):
            k = r.random()
            pos = r.randrange(len(m) + 1)
            if k < 0.3:
                m[pos:pos] = bytes([r.choice(b'=\n\r \t*-_.\x00\xff@A')])
            elif k < 0.5 and m:
                del m[min(pos, len(m) - 1)]
            elif k < 0.6:
                m[pos:pos] = b'===='
            elif k < 0.7:
                m += b'=' * r.randint(1, 3)
            elif k < 0.8 and m:
                m[min(pos, len(m) - 1)] = r.choice(B64 + b'=')
            else:
                m[pos:pos] = b'\r\n'
        if r.random() < 0.15:
            m = bytearray(rbytes(r))
        if r.random() < 0.05:   # concatenated padded blocks
            m = bytearray(pyb64.b64encode(b'a') + pyb64.b64encode(b'bc') + b'\n')
        data = bytes(m)
    else:
        data = raw
    ops = []
    if r.random() < 0.5:
        c['files']['f'] = data
        ops.append('f')
        stdin_of(r, c, b'')
    else:
        stdin_of(r, c, data)
        if r.random() < 0.3:
            ops.append('-')
    if r.random() < 0.08:
        c['dirs'].append('dir')
        ops.append(r.choice(['nosuch', 'dir', 'unr', 'f', 'x']))
    c['argv'] = ['base64'] + a + ops
    maybe_nobody(r, c, 0.05)
    maybe_full(r, c)
    return c


def gen_tee(r):
    c = base_case(r)
    a = []
    if r.random() < 0.3:
        a.append(r.choice(['-a', '--append', '--ap']))
    if r.random() < 0.2:
        a.append(r.choice(['-i', '--ignore-interrupts']))
    if r.random() < 0.3:
        a.append(r.choice(['-p', '--output-error', '--output-error=warn', '--output-error=warn-nopipe',
                           '--output-error=exit', '--output-error=exit-nopipe', '--output-error=x',
                           '--output-error=w', '--output-error=e', '--output-error=exit-n', '--out=warn']))
    if r.random() < 0.03:
        a.append(r.choice(['-x', '--', '--nosuch', '-']))
    c['files']['old'] = b'old content\n'
    c['dirs'].append('dir')
    outs = [r.choice(['o1', 'o2', 'old', 'old', 'o1', 'a b', '/dev/null', '-']) if r.random() < 0.8 else
            r.choice(['/dev/full', 'dir', 'nodir/x', 'rofile', 'unr']) for _ in range(r.choice([0, 1, 1, 2, 3, 4]))]
    data = rbytes(r) if r.random() < 0.7 else lineish(r)
    stdin_of(r, c, data)
    files = [o for o in outs if o not in ('/dev/null', '/dev/full')]
    if c['stdin'][0] == 'pipe' and len(c['stdin'][1]) > 65536 and (
            len(set(files)) < len(files) or any(x.startswith('--out') or x == '-p' for x in a)):
        # one file twice (its bytes interleave by the reads), or an output error that ends
        # the copy: from a pipe written while it runs, the read sizes are timing
        c['files']['in'] = c['stdin'][1]
        c['stdin'] = ('file', 'in', 0)
    c['argv'] = ['tee'] + a + outs
    maybe_nobody(r, c, 0.12)
    maybe_full(r, c, 0.1)
    return c


ECHO_ARGS = ['-n', '-e', '-E', '-ne', '-en', '-neE', '-eE', '-Ee', '-nn', '-x', '-n-e', '--', '-', '',
             'a', 'a b', '\\n', '\\c', 'x\\cy', '\\a\\b\\e\\f\\r\\t\\v', '\\\\', '\\', 'a\\', '\\0', '\\0101',
             '\\01234', '\\0777', '\\101', '\\1011', '\\8', '\\x', '\\x4', '\\x41', '\\x4g', '\\xFFF', '\\xg',
             '\\u00e9', '\\U0001', '\\q', '\\%', '%s', '\xe9', '\x01\x7f', '-nx', '--help', '--version',
             '-e\\n', ' -n']


def gen_echo(r):
    c = base_case(r)
    a = []
    for _ in range(r.choice([0, 1, 2, 3, 5, 8])):
        if r.random() < 0.8:
            a.append(r.choice(ECHO_ARGS))
        else:
            a.append(''.join(r.choice(ECHO_ARGS) for _ in range(r.randint(1, 4))))
    if r.random() < 0.02:
        a.append('x' * r.choice([4096, 8192, 65536, 100000]))
    if a in (['--help'], ['--version']):   # README: echoed as words
        a = ['-n']
    c['argv'] = ['echo'] + a
    maybe_full(r, c, 0.08)
    return c


ENVNAMES = ['A', 'B', 'FOO', '_x', 'PATH', 'HOME', 'Z9', 'a']


def rand_env(r):
    e = {}
    for _ in range(r.randint(0, 5)):
        e[r.choice(ENVNAMES)] = r.choice(['', '1', 'a b', 'x\ny', '=', 'a=b', '\xe9', '$A', '\\n'])
    return e


SARGS = ['printenv', 'printenv A', 'echo a b', "echo 'a b'  c", 'echo "a\\tb" \\c x', 'echo ${A}x',
         "echo '${A}'", 'echo $A', 'echo ${A', 'echo ${1}', '-i printenv', '-u A printenv', 'A=1 printenv A',
         'echo a #c', 'echo a#b', '#x', '', ' ', 'echo "a', "echo 'a", 'echo \\', 'echo \\_x',
         'echo "\\x41"', 'echo \\v\\f\\n\\r\\t', 'echo \\\\ \\" \\# \\$', 'echo "\\c"', "echo 'a\\'b'",
         '-v echo', '--null printenv', '-C / pwd', '-C nodir pwd', 'sh -c "exit 7"', 'nosuch', '-S echo x',
         'echo a\\_b', '"" x', '-- echo', 'echo ${_x}', 'echo ${A}${B}', 'echo ${A }', 'echo ${9A}']


def gen_env(r):
    c = base_case(r)
    c['env'] = rand_env(r)
    a = []
    for _ in range(r.choice([0, 1, 1, 2, 3])):
        k = r.random()
        if k < 0.15:
            a.append(r.choice(['-i', '--ignore-environment', '-', '--ig']))
        elif k < 0.3:
            n = r.choice(ENVNAMES + ['', 'A=B', 'NOPE'])
            a += r.choice([['-u', n], ['-u' + n], ['--unset=' + n], ['--u', n]])
        elif k < 0.4:
            a.append(r.choice(['-0', '--null']))
        elif k < 0.5:
            d = r.choice(['dir', 'nosuch', '/', '..', 'file', ''])
            a += r.choice([['-C', d], ['-C' + d], ['--chdir=' + d]])
        elif k < 0.75:
            s = ' '.join(r.choice(SARGS) for _ in range(r.randint(1, 2)))
            a += r.choice([['-S', s], ['-S' + s], ['--split-string=' + s], ['-vS', s]])
        elif k < 0.82:
            a.append(r.choice(['-v', '--debug']))
        elif k < 0.9:
            a.append(r.choice(['--default-signal', '--default-signal=INT', '--ignore-signal=PIPE',
                               '--block-signal=USR1', '--default-signal=bad', '--ignore-signal=KILL',
                               '--list-signal-handling', '--ignore-signal=0', '--block-signal=HUP,INT',
                               '--default-signal=SIGTERM', '--ignore-signal=9', '--ignore-signal=']))
        else:
            a.append(r.choice(['-x', '--nosuch', '-S', '-C', '-u', '--chdir', '--', '-Z']))
    for _ in range(r.choice([0, 0, 1, 2])):
        a.append(r.choice(['A=1', 'B=', 'FOO=a b', '=x', 'A=x=y', 'PATH=/nonexist', 'NEW=\xe9']))
    cmd = r.choice([[], [], ['printenv'], ['printenv', 'A', 'B'], ['printenv', '-0'], ['true'], ['false'],
                    ['sh', '-c', 'exit 3'], ['sh', '-c', 'kill -TERM $$'], ['nosuch'], ['./file'],
                    ['./dir'], ['dir'], [''], ['/nonexist/x'], ['./script'], ['-'], ['echo', '-n', 'x'],
                    ['sh', '-c', 'pwd; echo "$A"'], ['./script'], ['env'], ['A=B']])
    c['files']['file'] = b'plain\n'
    c['files']['script'] = b'#!/bin/sh\necho hi "$@"\nexit 4\n'
    c['modes']['script'] = 0o755
    c['files']['dir/x'] = b''
    c['argv'] = ['env'] + a + cmd
    maybe_full(r, c, 0.05)
    return c


def gen_printenv(r):
    c = base_case(r)
    c['env'] = rand_env(r)
    a = []
    if r.random() < 0.3:
        a.append('-0')
    if r.random() < 0.05:
        a.append(r.choice(['-x', '--', '--nosuch', '-']))
    for _ in range(r.choice([0, 0, 1, 2, 3])):
        a.append(r.choice(ENVNAMES + ['NOPE', 'A=1', '', '=', 'LC_ALL', 'TZ']))
    c['argv'] = ['printenv'] + a
    maybe_full(r, c, 0.06)
    return c


GEN = dict(sort=gen_sort, uniq=gen_uniq, wc=gen_wc, base64=gen_base64, tee=gen_tee, echo=gen_echo,
           env=gen_env, printenv=gen_printenv)


# ---------------------------------------------------------------- running
def setup(run, c):
    if os.path.lexists(run):
        shutil.rmtree(run)
    os.mkdir(run)
    os.chmod(run, 0o777)
    for d in c['dirs']:
        os.makedirs(os.path.join(run, d), exist_ok=True)
    for n, b in c['files'].items():
        p = os.path.join(run, n)
        os.makedirs(os.path.dirname(p), exist_ok=True)
        with open(p, 'wb') as f:
            f.write(b)
        os.chmod(p, c['modes'].get(n, 0o644))


def snapshot(run):
    out = {}
    for dp, dns, fns in os.walk(run):
        for n in sorted(dns + fns):
            p = os.path.join(dp, n)
            st = os.lstat(p)
            rel = os.path.relpath(p, run)
            if stat.S_ISREG(st.st_mode):
                with open(p, 'rb') as f:
                    b = f.read()
                out[rel] = ('f', oct(st.st_mode & 0o7777), len(b), hashlib.sha1(b).hexdigest())
            else:
                out[rel] = ('d' if stat.S_ISDIR(st.st_mode) else 'o', oct(st.st_mode & 0o7777))
    return out


def run_one(path, c, run):
    setup(run, c)
    env = {'LC_ALL': 'C', 'TZ': 'UTC', 'PATH': '/usr/bin:/bin', 'TMPDIR': TMPD}
    if c['argv'][0] in ('env', 'printenv'):
        env = {'LC_ALL': 'C', 'TZ': 'UTC', 'PATH': '/usr/bin:/bin'}
        env.update(c['env'])
    nobody = c['user'] == 'nobody'

    def pre():
        resource.setrlimit(resource.RLIMIT_AS, (4000000000, 4000000000))
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)
        if closed:
            os.close(1)
        if nobody:
            os.setgroups([])
            os.setgid(65534)
            os.setuid(65534)
    sin = c['stdin']
    inp = None
    fin = None
    pfd = None
    if sin[0] == 'pipe' and len(sin[1]) <= 65536:
        # filled before the start: the reads see all of it (a pipe's read sizes follow the writer)
        rfd, wfd = os.pipe()
        os.write(wfd, sin[1]) if sin[1] else None
        os.close(wfd)
        pfd = os.fdopen(rfd, 'rb')
        stdin = pfd
    elif sin[0] == 'pipe':
        stdin = subprocess.PIPE
        inp = sin[1]
    elif sin[0] == 'file':
        fin = open(os.path.join(run, sin[1]), 'rb')
        fin.seek(sin[2])
        stdin = fin
    else:
        stdin = subprocess.DEVNULL
    fout = None
    closed = c['stdout'] == 'closed'
    if c['stdout'] == 'full':
        fout = open('/dev/full', 'wb')
        stdout = fout
    elif c['stdout'] == 'epipe':
        rfd, wfd = os.pipe()
        os.close(rfd)
        fout = os.fdopen(wfd, 'wb')
        stdout = fout
    elif closed:
        stdout = subprocess.DEVNULL
    else:
        stdout = subprocess.PIPE
    t0 = time.time()
    try:
        p = subprocess.Popen([a.encode('latin1') for a in c['argv']], executable=path, cwd=run, env=env,
                             stdin=stdin, stdout=stdout, stderr=subprocess.PIPE, preexec_fn=pre)
    except OSError as e:
        return dict(err=str(e))
    try:
        o, e = p.communicate(inp, timeout=10)
        rc = p.returncode
    except subprocess.TimeoutExpired:
        p.kill()
        o, e = p.communicate()
        rc = 'TIMEOUT'
    except BrokenPipeError:
        o, e = b'', b''
        p.wait()
        rc = p.returncode
    if fin:
        fin.close()
    if pfd:
        pfd.close()
    if fout:
        fout.close()
    return dict(out=o or b'', err=e or b'', rc=rc, tree=snapshot(run), t=time.time() - t0)


def cmdline(c):
    import shlex
    s = ' '.join(shlex.quote(a) for a in c['argv'])
    sin = c['stdin']
    if sin[0] == 'file':
        s += ' < in' + (' (at offset %d)' % sin[2] if sin[2] else '')
    elif sin[0] == 'pipe':
        s = '(%d bytes) | ' % len(sin[1]) + s
    if c['stdout'] == 'full':
        s += ' > /dev/full'
    elif c['stdout'] == 'epipe':
        s += ' | (exit)  [reader gone before the start]'
    elif c['stdout'] == 'closed':
        s += ' >&-'
    if c['user'] != 'root':
        s = '[as nobody] ' + s
    if c['env']:
        s = '[env %r] ' % c['env'] + s
    return s


def short(b, n=300):
    return repr(b[:n]) + ('...(%d bytes)' % len(b) if len(b) > n else '')


def diff(g, o, c):
    d = []
    if 'err' in o and 'out' not in o:
        return ['exec failed: ' + o['err']]
    for k in ('rc', 'out', 'err', 'tree'):
        if g[k] != o[k]:
            d.append(k)
    if (c['argv'][0] == 'tee' and g['rc'] == o['rc'] == -signal.SIGPIPE and d == ['tree']):
        d = []    # README: tee killed by SIGPIPE: how much the files hold differs
    return d


def main():
    global TMPD
    ap = argparse.ArgumentParser()
    ap.add_argument('--bindir', default='build')
    ap.add_argument('--work', default='/tmp/subk-filters-fuzz')
    ap.add_argument('--utils', default=','.join(UTILS_ALL))
    ap.add_argument('--seed', type=int, default=1)
    ap.add_argument('--count', type=int, default=1000)
    ap.add_argument('--minutes', type=float, default=0)
    ap.add_argument('--arch', default='x86_64,i386')
    ap.add_argument('--replay', nargs='*')
    ap.add_argument('--in-ns', action='store_true')
    args = ap.parse_args()
    work = os.path.abspath(args.work)
    W = os.path.join(work, 'w')
    if not args.in_ns:
        if os.getuid() != 0:
            sys.exit('filters_fuzz.py: needs root (a private mount namespace)')
        os.makedirs(W, exist_ok=True)
        for p in (work, W):
            os.chmod(p, 0o755)
        d = work
        while d != '/':     # nobody must reach W
            d = os.path.dirname(d)
            os.chmod(d, os.stat(d).st_mode | 0o111) if d.startswith('/tmp/') else None
        sh = ('mount --make-rprivate / && mount --bind "$0" "$0" && mount -o remount,bind,ro / && '
              'mount -o remount,bind,ro /dev/shm && mount -o remount,bind,rw "$0" && '
              'if [ -w /usr ] || [ -w /tmp ] || [ -w /dev/shm ] || ! [ -w "$0" ]; then '
              'echo "filters_fuzz.py: the namespace is not read-only" >&2; exit 1; fi && '
              'exec "$@"')
        me = os.path.abspath(__file__)
        rc = subprocess.call(['timeout', '7200', 'unshare', '-m', 'bash', '-c', sh, W,
                              sys.executable, me, '--in-ns'] + sys.argv[1:])
        sys.exit(rc)
    TMPD = os.path.join(W, 'tmp.%d' % os.getpid())
    os.makedirs(TMPD, exist_ok=True)
    os.chmod(TMPD, 0o1777)
    run = os.path.join(W, 'run.%d' % os.getpid())
    archs = args.arch.split(',')
    bins = {a: os.path.join(os.path.abspath(args.bindir), a) for a in archs}
    log = open(os.path.join(W, 'fails.jsonl'), 'a')
    utils = args.utils.split(',')
    stats = {u: [0, 0, 0] for u in utils}
    if args.replay:
        todo = [(x.split(':')[0], int(x.split(':')[1])) for x in args.replay]
    else:
        todo = None
    deadline = time.time() + args.minutes * 60 if args.minutes else None
    i = 0

    def stop(*_):
        raise KeyboardInterrupt
    signal.signal(signal.SIGTERM, stop)
    try:
        loop(args, todo, deadline, utils, stats, archs, bins, run, log, W)
    except KeyboardInterrupt:
        print('stopped')
    shutil.rmtree(run, ignore_errors=True)
    shutil.rmtree(TMPD, ignore_errors=True)
    for u, (n, f, ok) in stats.items():
        print('%s: %d cases (GNU exit 0 in %d), %d differences' % (u, n, ok, f))
    sys.exit(1 if any(v[1] for v in stats.values()) else 0)


def loop(args, todo, deadline, utils, stats, archs, bins, run, log, W):
    i = 0
    while True:
        if todo is not None:
            if i >= len(todo):
                break
            util, cs = todo[i]
        else:
            if deadline is None and i >= args.count:
                break
            if deadline is not None and time.time() > deadline:
                break
            util = utils[i % len(utils)]
            cs = args.seed * 10000000 + i
        i += 1
        r = random.Random(cs)
        c = GEN[util](r)
        if c['argv'] is None or any(x is None for x in c['argv']):
            continue
        g = run_one('/usr/bin/' + util, c, run)
        if g.get('rc') == 'TIMEOUT':   # GNU too slow (sort -S 0 on a big input): not compared
            stats.setdefault(util, [0, 0, 0])
            continue
        stats.setdefault(util, [0, 0, 0])
        stats[util][0] += 1
        stats[util][2] += g.get('rc') == 0
        bad = False
        for a in archs:
            o = run_one(os.path.join(bins[a], util), c, run)
            d = diff(g, o, c)
            if todo is not None:
                print('== %s:%d %s\n%s' % (util, cs, a, cmdline(c)))
                for k in ('rc', 'out', 'err'):
                    print('  %-4s gnu  %s\n       ours %s' % (k, short(g[k]) if k != 'rc' else g[k],
                                                            short(o.get(k, b'')) if k != 'rc' else o.get('rc')))
                if 'tree' in d:
                    for n in sorted(set(g['tree']) | set(o['tree'])):
                        if g['tree'].get(n) != o['tree'].get(n):
                            print('  tree %s: gnu %s ours %s' % (n, g['tree'].get(n), o['tree'].get(n)))
            if d:
                bad = True
                rec = dict(util=util, seed=cs, arch=a, what=d, cmd=cmdline(c),
                           gnu=dict(rc=g['rc'], out=short(g['out']), err=g['err'].decode('latin1')[:500]),
                           ours=dict(rc=o.get('rc'), out=short(o.get('out', b'')),
                                     err=o.get('err', b'').decode('latin1')[:500] if isinstance(o.get('err'), bytes) else o.get('err')))
                if 'tree' in d:
                    rec['tree'] = {n: [g['tree'].get(n), o['tree'].get(n)]
                                   for n in sorted(set(g['tree']) | set(o['tree']))
                                   if g['tree'].get(n) != o['tree'].get(n)}
                log.write(json.dumps(rec) + '\n')
                log.flush()
        if bad:
            stats[util][1] += 1
            if todo is not None:
                keep = os.path.join(W, 'keep-%s-%d' % (util, cs))
                setup(keep, c)


TMPD = '/tmp'
if __name__ == '__main__':
    main()
