#!/usr/bin/env python3
"""cat_fuzz.py BINDIR SEED COUNT - a differential fuzzer of cat.

Each case runs GNU's cat (/usr/bin/cat) and BINDIR/cat with the same
random command line (clusters of -A -b -e -E -n -s -t -T -u -v, a bad
option now and then, an unknown long one, "--", "-") over the
same files of one scratch directory (random text and binary contents:
empty lines in runs, tabs, control bytes, bytes over 0x7f, no final
newline, a directory, a missing name) and the same stdin, through a pipe
or from a file; `LC_ALL=C`. It compares stdout, stderr (the program name
made the same) and the exit status, and prints each difference as one
JSON line (then its count). Run by hand, not by `make check`.
"""
import json
import os
import subprocess
import sys
import tempfile

from fuzzargs import cluster, fuzz_args, with_operands

SHORT = "AbeEnstTuv"
LONG = ["--bogus", "--x"]   # (no long options in subk's cat: README)


def content(r):
    out = bytearray()
    for _ in range(r.randint(0, 12)):
        x = r.random()
        if x < 0.3:
            out += b"\n" * r.randint(1, 4)
        elif x < 0.5:
            out += bytes(r.randrange(256) for _ in range(r.randint(1, 8)))
        elif x < 0.6:
            out += b"\t"
        elif x < 0.7:
            out += bytes([r.choice([0, 1, 27, 127, 128, 155, 200, 255])])
        else:
            out += r.choice([b"abc", b"hello world", b" ", b"x" * 40, b"\r\n", b"M-"])
    if r.random() < 0.1:
        out += b"y" * r.randint(4000, 70000)
    return bytes(out)


def case(r):
    args = []
    for _ in range(r.randint(0, 3)):
        x = r.random()
        if x < 0.6:
            args.append(cluster(r, SHORT))
        elif x < 0.85:
            args.append(r.choice(LONG))
        elif x < 0.9:
            args.append("-" + r.choice("xyz"))
        else:
            args.append("--")
    return with_operands(r, args, ["a", "b", "c", "-", "d", "missing"])


def run(prog, args, cwd, stdin, pipe):
    env = {"LC_ALL": "C", "PATH": "/usr/bin:/bin"}
    if pipe:
        p = subprocess.run([prog] + args, cwd=cwd, env=env, input=stdin,
                           capture_output=True, timeout=20)
    else:
        with open(os.path.join(cwd, "in"), "rb") as f:
            p = subprocess.run([prog] + args, cwd=cwd, env=env, stdin=f,
                               capture_output=True, timeout=20)
    return p.stdout, p.stderr.replace(prog.encode(), b"cat"), p.returncode


def main():
    ours, r, count = fuzz_args(__doc__, "cat")
    seed = sys.argv[2]
    bad = 0
    with tempfile.TemporaryDirectory(prefix="cat-fuzz.") as top:
        os.mkdir(os.path.join(top, "d"))
        for n in range(count):
            for name in "abc":
                with open(os.path.join(top, name), "wb") as f:
                    f.write(content(r))
            stdin = content(r)
            with open(os.path.join(top, "in"), "wb") as f:
                f.write(stdin)
            args = case(r)
            pipe = r.random() < 0.5
            a = run("/usr/bin/cat", args, top, stdin, pipe)
            b = run(ours, args, top, stdin, pipe)
            if a != b:
                bad += 1
                print(json.dumps({"case": n, "seed": seed, "args": args, "pipe": pipe,
                                  "gnu": [a[0][:300].decode("latin1"), a[1].decode("latin1"), a[2]],
                                  "ours": [b[0][:300].decode("latin1"), b[1].decode("latin1"), b[2]]}))
    print(f"# {count} cases, {bad} differences")


if __name__ == "__main__":
    main()
