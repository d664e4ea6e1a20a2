#!/usr/bin/env python3
"""posixly_fuzz.py BINDIR SEED COUNT [UTILITY...] - a differential fuzzer of
where the options end, with POSIXLY_CORRECT set (mostly), in every utility
whose GNU getopt string permutes (and sort's and uniq's own rules).

Each case picks a utility and a random command line of one to six words:
option clusters, options with an argument (joined or in the next word),
long options, "--", "-", and operands, some of them files named like
options ("-n", "-r", "--all", "+1") that exist in the case's directory. It
runs GNU's (/usr/bin/NAME, /bin/NAME) and BINDIR/NAME, each in a fresh
copy of the same small tree, argv[0] the bare name, stdin a short text,
`LC_ALL=C TZ=UTC`, and POSIXLY_CORRECT=1 (8 cases in 10), empty (1 in
10) or unset. It compares stdout, stderr, the exit status and the tree left
behind (names, types, modes, sizes, contents). Each difference is printed
as one JSON line, then the counts. ls and uname are left out: they still
read options after operands (README). Run by hand, not by `make check`;
its names are relative and its cwd a temporary directory (under
$FUZZ_WORK when set), but rm, mv, chmod... run as root: run it as
`posixly-fuzz.sh` does, in a private mount namespace where only that
directory is writable.
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile

from fuzzargs import fuzz_args

# name: (flags, options with an argument and good arguments, long options)
# (none for cat, dirname, pwd and tty: they have no long options, README)
UTILS = {
    "cat": ("benstuvAET", [], []),
    "wc": ("clmwL", [], ["--lines", "--bytes", "--words"]),
    "head": ("qvz", [("n", ["1", "-1"]), ("c", ["3"])], ["--lines=1", "--verbose", "-1"]),
    "tail": ("qvz", [("n", ["1", "+2"]), ("c", ["2"])], ["--lines=1", "--verbose", "-1"]),
    "cut": ("sz", [("d", [":", " "]), ("f", ["1", "2"]), ("c", ["1"])], ["--complement", "--fields=1"]),
    "sort": ("bdfnrsuz", [("k", ["1", "2,2"]), ("t", [" "]), ("o", ["out"])], ["--reverse", "--unique", "+1", "-2"]),
    "uniq": ("cdiuz", [("f", ["1"]), ("s", ["1"])], ["--count", "+1", "-1"]),
    "comm": ("123z", [], ["--total", "--check-order"]),
    "paste": ("sz", [("d", [",", ":"])], ["--serial"]),
    "fold": ("bs", [("w", ["3"])], ["--width=2", "-5"]),
    "expand": ("i", [("t", ["4", "2,5"])], ["--initial", "-3"]),
    "unexpand": ("a", [("t", ["4"])], ["--all", "-3"]),
    "nl": ("p", [("b", ["a"]), ("s", [":"]), ("w", ["2"])], ["--body-numbering=a"]),
    "od": ("bcdox", [("N", ["4"]), ("A", ["x", "n"]), ("j", ["1"])], ["--width=4", "--format=c"]),
    "tac": ("br", [("s", ["a"])], ["--before"]),
    "base64": ("di", [("w", ["4"])], ["--decode", "--wrap=2"]),
    "md5sum": ("btz", [], ["--tag", "--zero"]),
    "sha1sum": ("btz", [], ["--tag"]),
    "sha256sum": ("btz", [], ["--tag", "--check"]),
    "cksum": ("z", [], ["--untagged", "--raw"]),
    "sum": ("rs", [], ["--sysv"]),
    "cmp": ("bls", [("n", ["3"]), ("i", ["1"])], ["--verbose", "--silent"]),
    "dirname": ("z", [], []),
    "readlink": ("efmnqsvz", [], ["--canonicalize", "--no-newline"]),
    "realpath": ("eLmPqsz", [], ["--canonicalize-existing", "--relative-to=d"]),
    "stat": ("Lt", [("c", ["%n %s", "%F"])], ["--format=%n", "--terse"]),
    "du": ("abcsx", [("d", ["0"])], ["--summarize", "--apparent-size"]),
    "rm": ("fdrv", [], ["--verbose", "--recursive", "--force"]),
    "rmdir": ("pv", [], ["--verbose", "--parents"]),
    "mkdir": ("pv", [("m", ["700"])], ["--parents", "--verbose"]),
    "touch": ("acm", [("d", ["@5"])], ["--no-create", "--date=@7"]),
    "ln": ("sfv", [], ["--symbolic", "--force", "--verbose"]),
    "cp": ("rfvpn", [], ["--verbose", "--recursive", "--no-clobber"]),
    "mv": ("fvn", [], ["--verbose", "--no-clobber", "--force"]),
    "chmod": ("cfvR", [], ["--verbose", "--changes", "-w", "+x", "u=r"]),
    "chown": ("cfvR", [], ["--verbose", "--changes"]),
    "chgrp": ("cfvR", [], ["--verbose", "--changes"]),
    "truncate": ("co", [("s", ["1", "+2"])], ["--no-create", "--size=0"]),
    "mkfifo": ("", [("m", ["600"])], ["--mode=644"]),
    "link": ("", [], ["--bogus"]),
    "unlink": ("", [], ["--bogus"]),
    "sync": ("df", [], ["--data", "--file-system"]),
    "tee": ("ai", [], ["--append", "--ignore-interrupts"]),
    "pwd": ("LP", [], []),
    "tty": ("s", [], []),
    "sleep": ("", [], ["--bogus"]),
    "yes": ("", [], ["--bogus"]),
}
# run in one tree, GNU's then ours (stat's inodes the same); the others
# each in a fresh copy
READERS = {"cat", "wc", "head", "tail", "cut", "uniq", "comm", "paste", "fold",
           "expand", "unexpand", "nl", "od", "tac", "base64", "md5sum", "sha1sum",
           "sha256sum", "cksum", "sum", "cmp", "dirname", "readlink", "realpath",
           "stat", "du", "pwd", "tty", "sleep", "yes", "sync"}
NAMES = ["f1", "f2", "d", "nx", "-n", "-r", "--all", "+1", "0", "d/e", "l"]
STDIN = b"b 1\na 2\na 2\n\tc\n"


def make_tree(top):
    def put(name, data):
        with open(os.path.join(top, name), "wb") as f:
            f.write(data)
    put("f1", b"b 1\na 2\n")
    put("f2", b"a 2\nc 3\n")
    os.mkdir(os.path.join(top, "d"))
    put("d/e", b"e\n")
    for n in ("-n", "-r", "--all", "+1", "0"):
        put(n, b"x\n")
    os.symlink("f1", os.path.join(top, "l"))


def tree(top):
    out = []
    for dirpath, dirs, files in os.walk(top):
        dirs.sort()
        for n in sorted(dirs + files):
            p = os.path.join(dirpath, n)
            st = os.lstat(p)
            rel = os.path.relpath(p, top)
            if os.path.islink(p):
                out.append((rel, "l", os.readlink(p)))
            elif os.path.isfile(p):
                with open(p, "rb") as f:
                    out.append((rel, "f", oct(st.st_mode & 0o7777), f.read(200).hex()))
            else:
                out.append((rel, "o", oct(st.st_mode)))
    return out


def words(r, util):
    flags, argopts, longs = UTILS[util]
    out = []
    for _ in range(r.randint(1, 6)):
        k = r.random()
        if k < 0.2 and flags:
            out.append("-" + "".join(r.choice(flags) for _ in range(r.randint(1, 2))))
        elif k < 0.32 and argopts:
            letter, vals = r.choice(argopts)
            v = r.choice(vals)
            if r.random() < 0.5:
                out.append("-" + letter + v)
            else:
                out += ["-" + letter, v]
        elif k < 0.44 and longs:
            out.append(r.choice(longs))
        elif k < 0.5:
            out.append(r.choice(["--", "-"]))
        else:
            out.append(r.choice(NAMES))
    if util == "stat":                  # (no inodes, no times: a symlink's
        out.insert(0, "-c%n %s %F")     # access time moves as it is read)
    if util == "sleep":
        out = [w if w not in NAMES else r.choice(["0", "0.01", "x"]) for w in out]
    if util == "yes":
        out = out[:3]
    return out


def run(prog, util, args, env, top):
    try:
        p = subprocess.run([util] + args, executable=prog, cwd=top, env=env,
                           input=STDIN, capture_output=True, timeout=5)
    except subprocess.TimeoutExpired:
        return ("timeout", b"", b"")
    out = p.stdout
    if util == "yes":
        out = out[:100]
    return (p.returncode, out.replace(top.encode(), b"<DIR>"),
            p.stderr.replace(top.encode(), b"<DIR>"))


def gnu_path(util):
    for d in ("/usr/bin", "/bin"):
        if os.path.exists(os.path.join(d, util)):
            return os.path.join(d, util)
    return None


def main():
    bindir = sys.argv[1]
    _, r, count = fuzz_args(__doc__, "cat")
    utils = sys.argv[4:] or sorted(UTILS)
    ndiff = 0
    work = tempfile.mkdtemp(prefix="posixly-fuzz.", dir=os.environ.get("FUZZ_WORK"))
    try:
        for i in range(count):
            util = r.choice(utils)
            args = words(r, util)
            env = {"LC_ALL": "C", "TZ": "UTC", "PATH": "/usr/bin:/bin"}
            k = r.random()
            if k < 0.8:
                env["POSIXLY_CORRECT"] = "1"
            elif k < 0.9:
                env["POSIXLY_CORRECT"] = ""
            res = []
            top = os.path.join(work, "t")
            for prog in (gnu_path(util), os.path.abspath(os.path.join(bindir, util))):
                if not os.path.exists(top):
                    os.mkdir(top)
                    make_tree(top)
                e = dict(env, PWD=top, TMPDIR=top)
                if util == "yes":
                    rr = run("/bin/sh", "sh", ["-c", '"$0" "$@" | head -c 100',
                                               prog] + args, e, top)
                    res.append((rr[0], rr[1], rr[2].replace(prog.encode(), b"yes"), tree(top)))
                else:
                    rr = run(prog, util, args, e, top)
                    # (a reader's tree is not read: that would change the
                    # access times stat shows next)
                    res.append(rr + ((tree(top),) if util not in READERS else ()))
                if util not in READERS:
                    shutil.rmtree(top)
            if os.path.exists(top):
                shutil.rmtree(top)
            if res[0] != res[1]:
                ndiff += 1
                print(json.dumps({"case": i, "util": util, "args": args,
                                  "POSIXLY_CORRECT": env.get("POSIXLY_CORRECT"),
                                  "gnu": [str(x)[:300] for x in res[0]],
                                  "ours": [str(x)[:300] for x in res[1]]}), flush=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(f"{count} cases, {ndiff} differences")


if __name__ == "__main__":
    main()
