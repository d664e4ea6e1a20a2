#!/usr/bin/env python3
"""stat_fuzz.py BINDIR SEED COUNT - a differential fuzzer of stat's formats.

Each case runs GNU's stat (/usr/bin/stat) and BINDIR/stat on the same
files of one scratch directory (a regular file, an empty one, a directory,
a symlink, a dangling symlink, a FIFO, /dev/null, a missing name), with
`LC_ALL=C`, a TZ drawn from a few zones, and a random command line: -c or
--printf (or `--format=`) with a format made of random directives (file
and -f file-system ones), flags (`-0+ #'I`), widths, precisions, escapes
and literal text, with or without -L, -f, -t, --terse, --cached=WORD (-f
without %a %d %f, its terse and default forms: the free counts move while
other runs write).
It compares stdout, stderr (the program name made the same) and the exit
status, and prints each difference as one JSON line (then its count).
Run by hand, not by `make check`; as root or not.
"""
import json
import os
import subprocess
import tempfile

from fuzzargs import fuzz_args

FILE_DIRS = list("aAbBCdDfFgGhiImnNostTuUwWxXyYzZ") + ["r", "R", "Hd", "Ld", "Hr", "Lr", "%", "q", "j", "v", "@"]
FS_DIRS = list("AbciIlnsStT") + ["%", "q", "Z"]   # (no %a %d %f: the free
                                                   # counts move between runs)
FLAGS = "-0+ #'I"
ESC = ["\\n", "\\t", "\\\\", "\\x41", "\\101", "\\e", "\\a", "\\", "\\q", "\\0", "\\x", "\\c", "\\\""]
ZONES = ["UTC", "Europe/Paris", "America/New_York", "Asia/Kolkata", "EST5EDT,M3.2.0,M11.1.0", ":UTC"]


def directive(r, fs):
    s = "%"
    for _ in range(r.choice([0, 0, 0, 1, 2])):
        s += r.choice(FLAGS)
    if r.random() < 0.3:
        s += str(r.choice([0, 1, 2, 5, 12, 25, 40]))
    if r.random() < 0.25:
        s += "." + str(r.choice(["", 0, 1, 3, 9, 12, 20]))
    s += r.choice(FS_DIRS if fs else FILE_DIRS)
    return s


def fmt(r, fs, printf):
    parts = []
    for _ in range(r.randint(1, 6)):
        x = r.random()
        if x < 0.6:
            parts.append(directive(r, fs))
        elif x < 0.75 and printf:
            parts.append(r.choice(ESC))
        else:
            parts.append(r.choice(["|", " ", "x", "%", "'", "-", ":"]))
    return "".join(parts)


def case(r):
    fs = r.random() < 0.2
    args = []
    if fs:
        args.append("-f")
    if r.random() < 0.2:
        args.append("-L")
    x = r.random()
    if x < 0.1 and not fs:                      # (-f -t: the free counts)
        args.append(r.choice(["-t", "--terse"]))
    elif x < 0.15 and not fs:
        pass                                    # the default format
    else:
        printf = r.random() < 0.4
        f = fmt(r, fs, printf)
        if printf:
            args += r.choice([["--printf", f], ["--printf=" + f]])
        else:
            args += r.choice([["-c", f], ["--format=" + f], ["-c" + f]])
    if r.random() < 0.05:
        args.append("--cached=" + r.choice(["always", "never", "default", "x"]))
    names = ["f", "e", "d", "l", "dl", "p", "/dev/null", "missing", "d/", "l/"]
    for _ in range(r.randint(1, 2)):
        args.append(r.choice(names))
    return args, r.choice(ZONES)


def run(prog, args, cwd, tz):
    env = {"LC_ALL": "C", "TZ": tz, "PATH": "/usr/bin:/bin"}
    p = subprocess.run([prog] + args, cwd=cwd, env=env, capture_output=True, timeout=20)
    err = p.stderr.replace(prog.encode(), b"stat")
    return p.stdout, err, p.returncode


def main():
    ours, r, count = fuzz_args(__doc__, "stat")
    bad = 0
    with tempfile.TemporaryDirectory(prefix="stat-fuzz.") as top:
        with open(os.path.join(top, "f"), "w") as f:
            f.write("hello\n" * 100)
        open(os.path.join(top, "e"), "w").close()
        os.mkdir(os.path.join(top, "d"))
        os.symlink("f", os.path.join(top, "l"))
        os.symlink("nowhere", os.path.join(top, "dl"))
        os.mkfifo(os.path.join(top, "p"))
        os.utime(os.path.join(top, "f"), ns=(1600000000123456789, 1700000000987654321))
        for n in range(count):
            args, tz = case(r)
            a = run("/usr/bin/stat", args, top, tz)
            b = run(ours, args, top, tz)
            if a != b:
                bad += 1
                print(json.dumps({"case": n, "tz": tz, "args": args,
                                  "gnu": [a[0].decode("latin1"), a[1].decode("latin1"), a[2]],
                                  "ours": [b[0].decode("latin1"), b[1].decode("latin1"), b[2]]}))
    print(f"# {count} cases, {bad} differences")


if __name__ == "__main__":
    main()
