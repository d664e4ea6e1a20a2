#!/usr/bin/env python3
"""streams_fuzz.py - a differential fuzz of the stream filters whose loops
scan or copy in runs (SSE2 steps, no branches on the data): comm, tac, paste,
nl, expand, unexpand, fold, tr, seq, sort (-t keys). Random inputs (short and long lines, lines across the
read buffers, bytes 0-255, no last newline) from a file or a pipe (whole,
or trickled in random pieces: trickle.py), random options; ours and GNU's run side by side and must give the same stdout,
stderr (program name replaced) and exit status.

Usage: tests/fuzz/streams_fuzz.py build/ARCH SEED COUNT [UTILITY...]
Run by hand (not by make check). It writes only in a temporary directory.
Prints each difference (the command and where the input was kept) and ends
with "N cases, N differences"; exit status 1 when there was any.
"""
import os, random, subprocess, sys, tempfile

import trickle

ENV = {"LC_ALL": "C", "TZ": "UTC", "PATH": "/usr/bin:/bin", "TMPDIR": "."}


def data(r):
    alpha = r.choice([b"ab\n", b"a\n\n", b"abc\t \n", bytes(range(256)),
                      b"0123456789abcdef\n", b"x\x08\t\n  ", b"aab  bb\n",
                      b"abcdefghij" * 9 + b" \n\r\x0b\x0c"])
    n = r.choice([0, 1, 5, 15, 16, 17, 1023, 1024, 4096, 8192, 16384, 65536,
                  r.randrange(300000)])
    return bytes(r.choice(alpha) for _ in range(n))


def lines_sorted(r):
    d = data(r)
    keep_end = d.endswith(b"\n") or r.random() < 0.5
    ls = sorted(set(d.split(b"\n")))
    out = b"\n".join(ls)
    return out + b"\n" if keep_end and out else out


def case(r, util):
    """(argv after the name, stdin bytes, {file: bytes})"""
    if util == "comm":
        files = {"a": lines_sorted(r), "b": lines_sorted(r)}
        opts = [o for o in ("-1", "-2", "-3", "--total", "--nocheck-order",
                            "--output-delimiter=::") if r.random() < 0.2]
        ops = r.choice([["a", "b"], ["-", "b"], ["a", "-"], ["-", "-"]])
        return opts + ops, files["a"] if ops[0] == "-" else files["b"], files
    if util == "tac":
        opts = []
        if r.random() < 0.3:
            opts.append("-b")
        if r.random() < 0.4:
            opts += ["-s", r.choice(["a", "ab", "\n", "b\n", "xy"])]
        return opts + [r.choice(["f", "-"])], data(r), {"f": data(r)}
    if util == "paste":
        files = {"f%d" % i: data(r) for i in range(3)}
        opts = [o for o in ("-s", "-z") if r.random() < 0.3]
        if r.random() < 0.4:
            opts += ["-d", r.choice(["x", "\\n", "ab\\0c", ":,;"])]
        ops = [r.choice(list(files) + ["-"]) for _ in range(r.randrange(1, 5))]
        return opts + ops, data(r), files
    if util == "nl":
        opts = r.choice([[], ["-ba"], ["-bt", "-w3"], ["-nln", "-s", "::"],
                         ["-bpa"], ["-l2", "-ba"], ["-v", "5", "-i", "3"]])
        return opts, data(r), {}
    if util == "expand":
        opts = r.choice([[], ["-t4"], ["-t", "2,5,9"], ["-i"], ["-t", "1,+7"],
                         ["-4,9"]])
        return opts, data(r), {}
    if util == "unexpand":
        opts = r.choice([[], ["-a"], ["-t4"], ["-t", "2,5,9"], ["--first-only"],
                         ["-t", "1,+7"], ["-4,9"], ["-a", "-t", "3"]])
        return opts + [r.choice(["f", "-"])], data(r), {"f": data(r)}
    if util == "fold":
        opts = [o for o in ("-s", "-b") if r.random() < 0.4]
        if r.random() < 0.8:
            opts += ["-w", str(r.choice([1, 2, 7, 8, 15, 16, 17, 40, 80, 1000,
                                         r.randrange(1, 20000)]))]
        return opts + [r.choice(["f", "-"])], data(r), {"f": data(r)}
    if util == "tr":
        sets = ["a", "ab", "a-z", "[:space:]", "[:alpha:]", "\\n", " ", "x-z",
                "[:digit:]ab", "[=a=]", "\\377"]
        opts = r.choice([["-d"], ["-s"], ["-ds"], ["-cd"], ["-cs"], ["-cds"],
                         [], ["-t"]])
        n = {"-d": 1, "-cd": 1, "-ds": 2, "-cds": 2}.get(
            opts[0] if opts else "", r.choice([1, 2]) if opts else 2)
        return opts + [r.choice(sets) for _ in range(n)], data(r), {}
    if util == "sort":
        # -t fields (skiptabs: 16 bytes a step): separators in the data,
        # keys from the first field to past the last
        sep = r.choice(["a", "b", " ", "\t", ":", "\\0"])
        opts = ["-t", sep]
        for _ in range(r.randrange(1, 4)):
            f = r.randrange(1, 12)
            key = "-k%d" % f
            if r.random() < 0.4:
                key += ".%d" % r.randrange(1, 9)
            key += r.choice(["", "", "n", "r", "b", "f"])
            if r.random() < 0.6:
                key += ",%d" % r.randrange(f, f + 30)
                if r.random() < 0.3:
                    key += ".%d" % r.randrange(0, 9)
            opts.append(key)
        opts += [o for o in ("-s", "-u", "-r", "-z") if r.random() < 0.2]
        return opts + [r.choice(["f", "-"])], data(r), {"f": data(r)}
    if util == "seq":
        a = r.choice([0, 1, 9, 99, r.randrange(10 ** r.randrange(1, 45))])
        b = a + r.randrange(r.choice([10, 1000, 100000]))
        args = [str(a), str(b)]
        if r.random() < 0.5:
            args = [str(a), str(r.randrange(1, 201)), str(b)]
        if r.random() < 0.3:
            args = ["-s", r.choice([",", "x", "\t"])] + args
        return args, b"", {}
    raise SystemExit("unknown utility " + util)


def run(exe, name, args, stdin, d, pipe):
    if pipe == "trickle":
        return trickle.run(name, exe, args, d, ENV, stdin, len(stdin), 60)
    p = subprocess.run([name] + args, executable=exe, cwd=d, env=ENV,
                       input=stdin if pipe else None,
                       stdin=None if pipe else open(os.path.join(d, ".in"), "rb"),
                       capture_output=True, timeout=60)
    return p.returncode, p.stdout, p.stderr


def main():
    if len(sys.argv) < 4:
        raise SystemExit(__doc__)
    ours, seed, count = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    utils = sys.argv[4:] or ["comm", "tac", "paste", "nl", "expand",
                             "unexpand", "fold", "tr", "seq", "sort"]
    r = random.Random(seed)
    bad = 0
    with tempfile.TemporaryDirectory(prefix="streams-fuzz.") as top:
        for n in range(count):
            util = r.choice(utils)
            args, stdin, files = case(r, util)
            pipe = r.random() < 0.5
            if pipe and random.Random(seed * 7919 + n).random() < 0.5:
                pipe = "trickle"        # (its own draw: old seeds' cases kept)
            res = []
            for exe in ("/usr/bin/" + util, os.path.abspath(os.path.join(ours, util))):
                d = tempfile.mkdtemp(dir=top)
                for f, b in files.items():
                    open(os.path.join(d, f), "wb").write(b)
                open(os.path.join(d, ".in"), "wb").write(stdin)
                res.append(run(exe, util, args, stdin, d, pipe))
            if res[0] != res[1]:
                bad += 1
                keep = "%s/../streams-fuzz-%d-%d" % (top, seed, n)
                os.rename(d, keep)
                print("DIFF %s %s (stdin %s, %d bytes; kept in %s): status %d/%d, "
                      "stdout %d/%d bytes" % (util, args, {True: "pipe", False: "file"}.get(pipe, pipe),
                      len(stdin), os.path.normpath(keep), res[0][0], res[1][0],
                      len(res[0][1]), len(res[1][1])))
    print("%d cases, %d differences" % (count, bad))
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
