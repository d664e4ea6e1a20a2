#!/usr/bin/env python3
"""pty_early.py [--hangup] OURS GNU [ARG...] - a line shows at once on a
terminal only.

Each program (ours, then GNU's, with the ARGs) reads a pipe fed one line
('ab      cd\\te f\\n') then held open, its stdout first a terminal (a pty:
glibc line-buffers it, so GNU's filters write each line at once), then a
pipe (fully buffered: nothing until the input ends). What it writes while
its input is still open is read (tty: until that ends with a newline and
a pause of 0.3 s, at most 3 s; pipe: 0.5 s), then the input is closed. Passes
(status 0) when on the terminal both wrote the same, not nothing, and on
the pipe neither wrote anything; else says what differs (status 1).
--hangup: the terminal goes away (its master closed: writes then fail
with EIO) after the first line is shown, two more lines come (the last
with a newline, then without): both must say the same on stderr (the
program's name aside) with the same status.
Run by the bats files of nl, expand, unexpand and fold."""
import os, pty, select, subprocess, sys, time


def spawn(argv, s, stderr):
    """argv with stdin a new pipe and stdout s (closed here): the process
    and the pipe's write end"""
    r, w = os.pipe()
    p = subprocess.Popen(argv, stdin=r, stdout=s, stderr=stderr,
                         env={'LC_ALL': 'C', 'PATH': '/usr/bin:/bin'})
    os.close(s)
    os.close(r)
    return p, w


def early(mode, argv):
    m, s = pty.openpty() if mode == 'tty' else os.pipe()
    p, w = spawn(argv, s, subprocess.DEVNULL)
    os.write(w, b'ab      cd\te f\n')
    got = b''
    end = time.time() + (3 if mode == 'tty' else 0.5)
    while time.time() < end:
        rl, _, _ = select.select([m], [], [], 0.3 if mode == 'tty' else 0.05)
        if rl:
            try:
                b = os.read(m, 4096)
            except OSError:
                break
            if not b:
                break
            got += b
        elif mode == 'tty' and got.endswith(b'\n'):
            break                       # a whole line, then a pause
    os.close(w)
    try:                                # (the rest, so no write blocks)
        while select.select([m], [], [], 2)[0] and os.read(m, 4096):
            pass
    except OSError:
        pass
    p.wait(5)
    os.close(m)
    return got


def hangup(argv, last):
    m, s = pty.openpty()
    p, w = spawn(argv, s, subprocess.PIPE)
    os.write(w, b'ab\tc\n')
    got = b''
    end = time.time() + 3
    while time.time() < end:            # a whole line, then a pause
        if select.select([m], [], [], 0.3)[0]:
            got += os.read(m, 4096)
        elif got.endswith(b'\n'):
            break
    os.close(m)
    for line in (b'd\te\n', last):
        time.sleep(0.1)
        try:
            os.write(w, line)
        except OSError:                 # (it died already)
            pass
    os.close(w)
    err = p.stderr.read().replace(argv[0].encode(), b'PROG')
    return got, err, p.wait(5)


if sys.argv[1] == '--hangup':
    ours, gnu, args = sys.argv[2], sys.argv[3], sys.argv[4:]
    bad = 0
    for last in (b'f\tg\n', b'f\tg'):
        o, g = hangup([ours] + args, last), hangup([gnu] + args, last)
        if o != g:
            print(f'hangup, last {last!r}: {" ".join(args)}: ours {o!r}, GNU {g!r}')
            bad = 1
    sys.exit(bad)
ours, gnu, args = sys.argv[1], sys.argv[2], sys.argv[3:]
bad = 0
for mode in ('tty', 'pipe'):
    o, g = early(mode, [ours] + args), early(mode, [gnu] + args)
    if o != g or bool(g) != (mode == 'tty'):
        print(f'{mode}: {" ".join(args)}: ours wrote {o!r} before the '
              f'input ended, GNU {g!r}')
        bad = 1
sys.exit(bad)
