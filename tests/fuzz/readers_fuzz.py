#!/usr/bin/env python3
"""readers_fuzz.py - a differential fuzz of the utilities that read files
and report on them: head, tail (no -f), cut, od, cmp, cksum, sum, md5sum,
sha1sum, sha256sum, basename, dirname. Random command lines from each one's
whole option grammar (numbers with suffixes, signs, overflows and junk;
lists and ranges; option clusters, long options and their prefixes, `--`,
missing arguments), random operands (files of random bytes and sizes, `-`,
a missing file, a directory), stdin from a file or a pipe (whole, or
trickled in random pieces: trickle.py); for the
checksum tools check files made by GNU and sometimes damaged. Ours and
GNU's run side by side (argv[0] the utility's name) and must give the same
stdout, stderr and exit status.

Usage: tests/fuzz/readers_fuzz.py build/ARCH SEED COUNT [UTILITY...]
Run by hand (not by make check). It writes only in a temporary directory.
Prints each difference (the command, where its files were kept) and ends
with "N cases, N differences"; exit status 1 when there was any.
"""
import os, random, shutil, subprocess, sys, tempfile

import trickle

ENV = {"LC_ALL": "C", "TZ": "UTC", "PATH": "/usr/bin:/bin"}
ALL = ["head", "tail", "cut", "od", "cmp", "cksum", "sum", "md5sum",
       "sha1sum", "sha256sum", "basename", "dirname"]


def data(r):
    alpha = r.choice([b"ab\n", b"a\n\n", b"abc\t \n", bytes(range(256)),
                      b"0123456789abcdef\n", b"a:b:c\n", b"x \t:,\n\0",
                      b"\0\0\0\1", b"abcdefghij" * 9 + b" \n\r"])
    n = r.choice([0, 1, 2, 3, 7, 8, 15, 16, 17, 100, 511, 512, 513, 1023,
                  1024, 4096, 8191, 8192, 8193, 65536, r.randrange(200000)])
    return bytes(r.choice(alpha) for _ in range(n))


def num(r, neg=True, plus=False):
    n = r.choice(["0", "1", "2", "3", "5", "10", "17", "100", "1000",
                  str(r.randrange(100000)), "4294967296", "9223372036854775807",
                  "9223372036854775808", "18446744073709551615",
                  "18446744073709551616", "99999999999999999999999"])
    if r.random() < 0.3:
        n += r.choice(["b", "k", "K", "kB", "KB", "KiB", "m", "M", "MB", "MiB",
                       "G", "T", "P", "E", "Z", "Y", "R", "Q", "x", "KiBx",
                       "e", "w", "c"])
    x = r.random()
    if neg and x < 0.2:
        n = "-" + n
    elif plus and x < 0.4:
        n = "+" + n
    elif x < 0.45:
        n = r.choice(["", "-", "+", "k", " 5", "0x10", "010", "1.5", "-0",
                      "+0", "1 ", "\t3"])
    return n


def operands(r, most=3):
    return [r.choice(["f", "g", "f", "-", "nosuch", "d", "e"])
            for _ in range(r.choice([0, 1, 1, 2, most]))]


def longopt(r, name, value=None):
    """--name[=value], the name sometimes a prefix of itself"""
    if r.random() < 0.3:
        name = name[:r.randrange(2, len(name) + 1)]
    if value is None:
        return ["--" + name]
    return ["--%s=%s" % (name, value)] if r.random() < 0.6 else ["--" + name, value]


def pick(r, choices, k):
    out = []
    for _ in range(k):
        c = r.choice(choices)
        out += c(r) if callable(c) else c
    return out


def gen(r, util):
    if util in ("head", "tail"):
        plus = util == "tail"
        ch = [lambda r: ["-n", num(r, True, plus)], lambda r: ["-c", num(r, True, plus)],
              lambda r: ["-n" + num(r, True, plus)], lambda r: ["-c" + num(r, True, plus)],
              ["-q"], ["-v"], ["-z"], ["-qv"], ["-vq"], ["-zn3"],
              lambda r: longopt(r, "lines", num(r, True, plus)),
              lambda r: longopt(r, "bytes", num(r, True, plus)),
              lambda r: longopt(r, "quiet"), lambda r: longopt(r, "silent"),
              lambda r: longopt(r, "verbose"), lambda r: longopt(r, "zero-terminated"),
              ["-n"], ["--"], ["-x"], ["--nosuch"]]
        args = pick(r, ch, r.choice([0, 1, 1, 2, 3]))
        if r.random() < 0.2:        # the old forms: -N[bcklmz...], +N
            old = r.choice(["-", "+"] if plus else ["-"]) + r.choice(["", "5", "0", "12", "99999999999999999999"])
            old += "".join(r.choice(["", "c", "b", "k", "l", "m", "q", "v", "z", "f", "x"]) for _ in range(r.randrange(3)))
            args = [old] + args
        return args + operands(r)
    if util == "cut":
        lists = ["1", "2", "1-3", "-2", "3-", "1,3-4,7-", "2-1", "0", "", "a", "1-,3",
                 "1--2", "5,1", "1-2,2-3", "-", "1,", ",1", "100-", "1 2",
                 "9223372036854775807", "18446744073709551616", "3-2,4", "1-1"]
        kind = r.choice(["-b", "-c", "-f", "-f", None])
        args = []
        if kind:
            args += [kind + r.choice(lists)] if r.random() < 0.5 else [kind, r.choice(lists)]
        if r.random() < 0.1:
            args += [r.choice(["-b", "-c", "-f"]), "1"]
        ch = [["-s"], ["-n"], ["-z"], lambda r: longopt(r, "complement"),
              lambda r: ["-d", r.choice([":", " ", "", "ab", "\t", "\\", "\n"])],
              lambda r: ["-d" + r.choice([":", " ", "a"])],
              lambda r: longopt(r, "output-delimiter", r.choice(["", "::", "x", "\t"])),
              lambda r: longopt(r, "only-delimited"), lambda r: longopt(r, "zero-terminated"),
              lambda r: longopt(r, "fields", r.choice(lists)),
              lambda r: longopt(r, "delimiter", r.choice([":", "ab"]))]
        return args + pick(r, ch, r.choice([0, 1, 2, 3])) + operands(r)
    if util == "od":
        types = ["x1", "o2", "d4", "u8", "c", "a", "f4", "f8", "fL", "x", "d", "o",
                 "u", "f", "z", "x1z", "q", "d3", "x16", "fD", "fF", "dC", "uS", "oI",
                 "xL", "u0", "acz", "x2x4", "c1", "a2", "fH", "fB"]
        ch = [lambda r: ["-t", r.choice(types)], lambda r: ["-t" + r.choice(types)],
              lambda r: ["-A", r.choice(["d", "o", "x", "n", "z", "dd", ""])],
              lambda r: ["-j", num(r, False)], lambda r: ["-N", num(r, False)],
              lambda r: ["-w" + r.choice(["", "1", "3", "8", "16", "32", "0", "x"])],
              lambda r: ["-s" + r.choice(["", "1", "3", "10"])],
              lambda r: ["-S", r.choice(["1", "3", "4", "0", "k"])],
              ["-v"], ["-a"], ["-b"], ["-c"], ["-d"], ["-f"], ["-i"], ["-l"], ["-o"],
              ["-x"], ["-h"], ["-B"], ["-D"], ["-H"], ["-I"], ["-L"], ["-O"], ["-X"],
              ["-e"], ["-F"], ["-vx"], ["-An"],
              lambda r: longopt(r, "endian", r.choice(["big", "little", "b", "middle"])),
              lambda r: longopt(r, "format", r.choice(types)),
              lambda r: longopt(r, "address-radix", r.choice(["d", "x", "q"])),
              lambda r: longopt(r, "skip-bytes", num(r, False)),
              lambda r: longopt(r, "read-bytes", num(r, False)),
              lambda r: longopt(r, "output-duplicates"), lambda r: longopt(r, "traditional"),
              lambda r: longopt(r, "width", r.choice(["4", "5", "0"])) if r.random() < 0.5 else ["--width"]]
        args = pick(r, ch, r.choice([0, 1, 2, 3, 4]))
        ops = operands(r)
        if r.random() < 0.25:       # offsets as operands (traditional forms)
            ops += [r.choice(["+1", "10", "+0x10", "8.", "1b", "+1.b", "017", "x", "+"])]
            if r.random() < 0.3:
                ops.append(r.choice(["+2", "20", "1"]))
        return args + ops
    if util == "cmp":
        ch = [["-b"], ["-l"], ["-s"], ["-bl"], ["-ls"],
              lambda r: ["-i", r.choice([num(r, False), "1:2", "3:", ":4", "2k:1",
                                         "1:x", "5:5"])],
              lambda r: ["-n", num(r, False)],
              lambda r: longopt(r, "print-bytes"), lambda r: longopt(r, "verbose"),
              lambda r: longopt(r, "silent"), lambda r: longopt(r, "quiet"),
              lambda r: longopt(r, "bytes", num(r, False)),
              lambda r: longopt(r, "ignore-initial", r.choice(["1", "2:3", "k"]))]
        args = pick(r, ch, r.choice([0, 0, 1, 2]))
        ops = [r.choice(["f", "g", "h", "-", "nosuch", "d"]) for _ in range(r.choice([1, 2, 2, 2, 3]))]
        if len(ops) == 2 and r.random() < 0.3:
            ops += [num(r, False)] + ([num(r, False)] if r.random() < 0.5 else [])
        return args + ops
    if util in ("md5sum", "sha1sum", "sha256sum", "cksum", "sum"):
        if util == "sum":
            ch = [["-r"], ["-s"], ["-rs"], lambda r: longopt(r, "sysv"), ["-x"]]
        elif util == "cksum":
            ch = [lambda r: ["-a", r.choice(["crc", "x"])],     # (crc only: README)
                  lambda r: longopt(r, "algorithm", "crc"),
                  lambda r: longopt(r, "tag"), lambda r: longopt(r, "untagged"),
                  ["-z"], lambda r: longopt(r, "zero"),
                  lambda r: ["-l", r.choice(["0", "8", "x"])], lambda r: longopt(r, "debug")]    # (-c: crc only: README)
        else:
            ch = [["-b"], ["-t"], ["-z"], ["--tag"], ["-c"], ["-c"], ["-c"], ["-w"],
                  lambda r: longopt(r, "check"), lambda r: longopt(r, "quiet"),
                  lambda r: longopt(r, "status"), lambda r: longopt(r, "strict"),
                  lambda r: longopt(r, "warn"), lambda r: longopt(r, "ignore-missing"),
                  lambda r: longopt(r, "binary"), lambda r: longopt(r, "text"),
                  lambda r: longopt(r, "zero")]
        args = pick(r, ch, r.choice([0, 1, 2, 3]))
        ops = operands(r)
        if "-c" in args or any(a.startswith("--ch") for a in args):
            ops = [r.choice(["sums", "sums", "-", "nosuch", "f"]) for _ in range(r.choice([1, 1, 2]))]
        return args + ops
    if util in ("basename", "dirname"):
        names = ["/", "//", "///", "a", "a/", "a//", "/a", "//a", "/a/b", "a/b/",
                 "a/b.c", ".c", "b.c", "", ".", "..", "./a", "a/./", "c\nd", "-",
                 "-z", "x.c.c", "/.c"]
        if util == "dirname":
            ch = [["-z"], ["--"], ["-x"]]       # (no long options: README)
        else:
            ch = [["-z"], ["-a"], lambda r: ["-s", r.choice([".c", "c", "", "b.c", "/"])],
                  lambda r: ["-s" + r.choice([".c", "c"])],
                  ["--"], ["-as.c"]]
        return pick(r, ch, r.choice([0, 1, 2])) + [r.choice(names) for _ in range(r.choice([0, 1, 1, 2, 3]))]
    raise SystemExit("unknown utility " + util)


def sums_file(r, util, d, files):
    """a check file for -c: GNU's own lines for some files, sometimes damaged"""
    names = [n for n in ("f", "g", "nosuch", "d") if r.random() < 0.6] or ["f"]
    p = subprocess.run(["/usr/bin/" + util] + (["--tag"] if r.random() < 0.3 else []) + names,
                       cwd=d, env=ENV, capture_output=True)
    text = p.stdout
    for n in [n for n in names if n in ("nosuch", "d")]:
        text += b"d41d8cd98f00b204e9800998ecf8427e  " + n.encode() + b"\n"
    lines = text.split(b"\n")
    for _ in range(r.choice([0, 0, 1, 2])):
        i = r.randrange(len(lines))
        lines[i] = r.choice([lines[i][:-1], lines[i].replace(b"  ", b" *", 1),
                             lines[i].upper(), b"", b"junk", b"\\" + lines[i],
                             lines[i] + b"\r", lines[i].replace(b"  ", b" ", 1),
                             b"MD5 (f) = 0", lines[i][1:]])
    text = b"\n".join(lines)
    if r.random() < 0.1:
        text = text.rstrip(b"\n")
    return text


def run(exe, name, args, d, stdin, pipe):
    if pipe == "trickle":
        return trickle.run(name, exe, args, d, ENV, stdin, len(stdin), 20)
    try:
        p = subprocess.run([name] + args, executable=exe, cwd=d, env=ENV,
                           input=stdin if pipe else None,
                           stdin=None if pipe else open(os.path.join(d, ".in"), "rb"),
                           capture_output=True, timeout=20)
        return p.returncode, p.stdout, p.stderr
    except subprocess.TimeoutExpired:
        return "timeout", b"", b""


def main():
    if len(sys.argv) < 4:
        raise SystemExit(__doc__)
    ours, seed, count = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    utils = sys.argv[4:] or ALL
    r = random.Random(seed)
    bad = 0
    with tempfile.TemporaryDirectory(prefix="readers-fuzz.") as top:
        for n in range(count):
            util = r.choice(utils)
            args = gen(r, util)
            files = {"f": data(r), "g": data(r) if r.random() < 0.6 else None, "e": b""}
            if files["g"] is None:
                files["g"] = files["f"][:r.randrange(len(files["f"]) + 1)]
            files["h"] = files["f"]
            stdin = data(r)
            pipe = r.random() < 0.5
            if pipe and random.Random(seed * 7919 + n).random() < 0.5:
                pipe = "trickle"        # (its own draw: old seeds' cases kept)
            seed_sums = r.random()
            sums_in = "-" in args and r.random() < 0.5
            res, dirs = [], []
            for exe in ("/usr/bin/" + util, os.path.abspath(os.path.join(ours, util))):
                d = tempfile.mkdtemp(dir=top)
                dirs.append(d)
                os.mkdir(os.path.join(d, "d"))
                for f, b in files.items():
                    open(os.path.join(d, f), "wb").write(b)
                if util in ("md5sum", "sha1sum", "sha256sum", "cksum"):
                    text = sums_file(random.Random(seed_sums), "md5sum" if util == "cksum" else util, d, files)
                    open(os.path.join(d, "sums"), "wb").write(text)
                    if sums_in:
                        stdin = text
                open(os.path.join(d, ".in"), "wb").write(stdin)
                res.append(run(exe, util, args, d, stdin, pipe))
            if res[0] != res[1]:
                bad += 1
                keep = "%s/../readers-fuzz-%d-%d" % (top, seed, n)
                shutil.rmtree(keep, ignore_errors=True)
                os.rename(dirs[1], keep)
                print("DIFF %s %r (stdin %s, %d bytes; kept in %s): status %s/%s (GNU/ours)"
                      % (util, args, {True: "pipe", False: "file"}.get(pipe, pipe), len(stdin),
                         os.path.normpath(keep), res[0][0], res[1][0]))
                for what, i in (("stdout", 1), ("stderr", 2)):
                    if res[0][i] != res[1][i]:
                        print("  %s GNU:  %r\n  %s ours: %r" % (what, res[0][i][:400], what, res[1][i][:400]))
                sys.stdout.flush()
    print("%d cases, %d differences" % (count, bad))
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
