#!/usr/bin/env python3
"""tree_fuzz.py - a differential fuzz of ls and du on random trees: for ls,
random command lines from the options README.md lists (formats, sorting, times, sizes, quoting, -I/-B,
-R, -d, -L/-H, widths, --time-style, --quoting-style, --indicator-style,
--format, --sort, --time, --color) on a random tree (names with spaces,
newlines, quotes, bytes over 0x7f, leading dashes and dots; files of many
sizes and modes with set-uid/set-gid/sticky bits; directories, symlinks
good, dangling and looping, FIFOs, device nodes, hard links; fixed atimes
and mtimes, recent and old and in the future), under several TZ values and
COLUMNS; for du, its options (-a -s -c -h --si -k -m -B -b
--apparent-size --inodes -d -S -l -t -0 -x -L -D -H -P --exclude -X --time
--time-style, operands repeated, nested, missing). Ours and GNU's run on
the same tree (inode numbers, ctimes), on a
tmpfs mounted noatime in a private mount namespace (as root), and must
give the same stdout, stderr (program name replaced) and exit status.

Known, documented differences still show up: du reports the first of
several bad options only (README); ls's refused -Z, -D and --dired are
never generated.

Usage: tests/fuzz/tree_fuzz.py build/ARCH SEED COUNT [ls|du...]
Run by hand (not by make check), as root. Prints each difference and ends
with "N cases, N differences"; exit status 1 when there was any.
"""
import os, random, subprocess, sys, tempfile, time

NAMES = ["a", "b", "B", "c.txt", "d.tar.gz", "e f", "g\nh", "i\xe9", "j-", "k~",
         ".l", "..m", "-n", "o'p", 'q"r', "s\\t", "t\x01u", "v10", "v9", "w*",
         "x.c", "x.h", "y.", "Z", "file-1.9.tar.gz", "file-1.10.tar.gz", "#z", "~y"]
TZS = ["UTC", "Europe/Paris", "America/New_York", "Asia/Kolkata", "EST5EDT", None]


def build(r, top):
    now = int(time.time())
    os.mkdir(top)
    dirs = [top]
    made = []
    for i in range(r.randrange(3, 18)):
        d = r.choice(dirs)
        name = r.choice(NAMES)
        p = os.path.join(d, name)
        if os.path.lexists(p):
            continue
        k = r.random()
        try:
            if k < 0.45:
                with open(p, "wb") as f:
                    f.write(b"x" * r.choice([0, 1, 100, 1023, 1024, 1025, 4096, 5000, 123456, 1048577]))
                if r.random() < 0.1:
                    os.truncate(p, r.choice([10 ** 9, 2 ** 33 + 5]))      # sparse
                os.chmod(p, r.choice([0o644, 0o755, 0o600, 0o4755, 0o2755, 0o1777, 0o000, 0o444, 0o6711]))
            elif k < 0.65:
                os.mkdir(p)
                os.chmod(p, r.choice([0o755, 0o700, 0o1777, 0o2775, 0o555, 0o777]))
                dirs.append(p)
            elif k < 0.85:
                os.symlink(r.choice(["a", "nosuch", "..", name, "/nonexistent", "e f", "b/c.txt", "../a"]), p)
            elif k < 0.9:
                os.mkfifo(p)
            elif k < 0.95:
                os.mknod(p, 0o620 | r.choice([0o020000, 0o060000]), os.makedev(r.randrange(300), r.randrange(300)))
            elif made:
                os.link(r.choice(made), p)
            made.append(p)
        except OSError:
            continue
    for p in made + dirs[1:]:
        t = r.choice([now - 100, now - 86400 * 30, now - 86400 * 200, now + 86400 * 3,
                      1000000000, 0, now - 86400 * 182, now - 15552000 + 50, 2 ** 31 + 5])
        try:
            os.utime(p, ns=((t + r.randrange(-5, 5)) * 10 ** 9 + r.randrange(10 ** 9),
                            t * 10 ** 9 + r.randrange(10 ** 9)), follow_symlinks=False)
        except OSError:
            pass
    if r.random() < 0.5:
        for p in made[:3]:
            try:
                os.lchown(p, r.choice([65534, 1, 4242]), r.choice([65534, 1, 4242]))
            except OSError:
                pass


def args(r):
    flags = "1aACxmdFpinlgoGhksrStucUXvfLHqNbQBR"      # (no -Z, -D: refused, README)
    a = []
    for _ in range(r.choice([0, 1, 2, 3, 4, 5])):
        k = r.random()
        if k < 0.55:
            a.append("-" + "".join(r.choice(flags) for _ in range(r.choice([1, 1, 2, 3]))))
        elif k < 0.65:
            a += [r.choice(["-w", "-T"]), r.choice(["0", "1", "20", "40", "80", "200", "x"])]
        elif k < 0.72:
            a += ["-I", r.choice(["*.c", "?", "[ab]*", ".*", "x*", "*"])]
        else:
            a.append(r.choice([
                "--time-style=" + r.choice(["full-iso", "long-iso", "iso", "locale", "+%Y %j", "+%s%n%H", "posix-iso", "bad"]),
                "--quoting-style=" + r.choice(["literal", "shell", "shell-always", "shell-escape", "shell-escape-always", "c", "escape", "locale", "clocale", "x"]),
                "--indicator-style=" + r.choice(["none", "slash", "file-type", "classify"]),
                "--format=" + r.choice(["across", "commas", "horizontal", "long", "single-column", "verbose", "vertical"]),
                "--sort=" + r.choice(["none", "size", "time", "version", "extension", "width"]),
                "--time=" + r.choice(["atime", "access", "use", "ctime", "status", "birth", "creation", "mtime"]),
                "--color=" + r.choice(["never", "always", "auto"]),
                "--group-directories-first", "--hide=*.h", "--full-time", "--author",
                "--si", "--block-size=" + r.choice(["1", "K", "1M", "2k", "x"]), "--classify",
                "--file-type", "--numeric-uid-gid", "--no-group", "--human-readable",
                "--escape", "--literal", "--hide-control-chars", "--show-control-chars",
                "--dereference-command-line-symlink-to-dir", "--zero"]))
    ops = [r.choice(NAMES + ["nosuch", ".", "..", "a/", "e f/"]) for _ in range(r.choice([0, 0, 1, 1, 2, 3]))]
    return a + ops


def du_args(r):
    a = []
    for _ in range(r.choice([0, 1, 2, 3, 4])):
        a.append(r.choice(["-a", "-s", "-c", "-h", "--si", "-k", "-m", "-b", "-S", "-l", "-0",
                           "-x", "-L", "-D", "-H", "-P", "--apparent-size", "--inodes",
                           "-d" + r.choice(["0", "1", "2", "x", "-1"]), "--max-depth=1",
                           "-B" + r.choice(["1", "K", "1M", "2k", "512", "x", "0"]),
                           "-t" + r.choice(["0", "1K", "-1K", "5000", "x"]),
                           "--exclude=" + r.choice(["*.c", "a", "?", "[ab]*", "e f"]),
                           "--time", "--time=" + r.choice(["atime", "ctime", "access", "use", "x"]),
                           "--time-style=" + r.choice(["full-iso", "long-iso", "iso", "+%Y %j", "bad"]),
                           "-ash", "-sc", "-ac"]))
    ops = [r.choice(NAMES + ["nosuch", ".", "..", "a/", "e f/", ".", "."]) for _ in range(r.choice([0, 0, 1, 1, 2, 3]))]
    return a + ops


def run(exe, a, d, env, util="ls"):
    try:
        p = subprocess.run([util] + a, executable=exe, cwd=d, env=env,
                           capture_output=True, timeout=20, stdin=subprocess.DEVNULL)
        return p.returncode, p.stdout, p.stderr.replace(exe.encode() + b":", util.encode() + b":")
    except subprocess.TimeoutExpired:
        return "timeout", b"", b""


def main():
    if len(sys.argv) < 4:
        raise SystemExit(__doc__)
    ours, seed, count = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    top = os.environ.get("TREE_FUZZ_NS")
    if not top:
        top = tempfile.mkdtemp(prefix="tree-fuzz.")
        os.chmod(top, 0o755)
        p = subprocess.run(["unshare", "-m", "--propagation", "private", "sh", "-c",
                            'mount -t tmpfs -o noatime,size=64m none "$0" && exec "$@"', top,
                            sys.executable] + sys.argv, env=dict(os.environ, TREE_FUZZ_NS=top))
        os.rmdir(top)
        sys.exit(p.returncode)
    utils = sys.argv[4:] or ["ls", "du"]
    r = random.Random(seed)
    bad = 0
    for i in range(count):
        d = os.path.join(top, "t%d" % i)
        build(r, d)
        util = r.choice(utils)
        a = args(r) if util == "ls" else du_args(r)
        env = {"LC_ALL": "C", "PATH": "/usr/bin:/bin"}
        tz = r.choice(TZS)
        if tz:
            env["TZ"] = tz
        if r.random() < 0.4:
            env["COLUMNS"] = r.choice(["0", "1", "30", "80", "132", "x", "100000"])
        if r.random() < 0.1:
            env["LS_COLORS"] = r.choice(["", "di=01;34:ln=01;36", "*.c=31", "no=0:fi=0"])
        if r.random() < 0.1:
            env["QUOTING_STYLE"] = r.choice(["c", "escape", "literal", "bad"])
        if r.random() < 0.1:
            env["TIME_STYLE"] = r.choice(["long-iso", "+%F", "posix-locale", "bad"])
        if r.random() < 0.05:
            env["BLOCK_SIZE"] = r.choice(["1K", "human-readable", "si", "512"])
        g = run("/usr/bin/" + util, a, d, env, util)
        o = run(os.path.abspath(os.path.join(ours, util)), a, d, env, util)
        if g != o:
            bad += 1
            print("DIFF %d: %s %r env %r: status %s/%s (GNU/ours)" % (i, util, a, {k: v for k, v in env.items() if k not in ("PATH", "LC_ALL")}, g[0], o[0]))
            for what, k in (("stdout", 1), ("stderr", 2)):
                if g[k] != o[k]:
                    print("  %s GNU:  %.400r\n  %s ours: %.400r" % (what, g[k], what, o[k]))
            sys.stdout.flush()
        subprocess.run(["rm", "-rf", "--", d])
    print("%d cases, %d differences" % (count, bad))
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
