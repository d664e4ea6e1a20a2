#!/usr/bin/env python3
"""df_fuzz.py BINDIR SEED COUNT - a differential fuzzer of df.

Each case runs GNU's df (/usr/bin/df) and BINDIR/df with the same random
command line: clusters of -a -h -H -i -k -l -m -P -T -v, -B and
--block-size with sizes of every form (suffixes, a leading ', bad ones),
-t and -x types, --output with random field lists (repeats, bad names),
--total, --sync/--no-sync, long options by prefix (an ambiguous or
unknown one now and then), "--", and operands (mount points, files, device
nodes mounted or not, a missing name, ""), under random DF_BLOCK_SIZE,
BLOCK_SIZE and BLOCKSIZE (and POSIXLY_CORRECT when FUZZ_POSIXLY_CORRECT is
set: options after operands, README); `LC_ALL=C`. It compares stdout,
stderr (the program name made the same) and the exit status. The machine's
free counts move when anything writes, so GNU runs twice, before and after
ours: a case whose two GNU runs differ is counted as noise, not compared.
Each difference is printed as one JSON line, then the counts. Run by hand,
not by `make check`.
"""
import json
import os
import subprocess
import sys
import tempfile

from fuzzargs import cluster, fuzz_args, with_operands

SHORT = "ahHiklmPTv"
LONG = ["--all", "--human-readable", "--si", "--inodes", "--local", "--portability",
        "--print-type", "--total", "--sync", "--no-sync", "--output", "--a", "--h",
        "--s", "--no", "--to", "--in", "--bogus", "--help=x", "--total=1", "--print"]
SIZES = ["1", "1K", "1KB", "1KiB", "K", "KB", "KiB", "k", "M", "MB", "MiB", "G", "T",
         "P", "E", "Z", "Y", "1000", "512", "4096", "0", "-1", "x", "'1", "'1K", "'k",
         "human-readable", "si", "human", "2M", "3k", "1e", "1b", "b", "B", "1B", "10KB",
         "99999999999999999999", "18446744073709551615", "1Ki", "1iB", "", "' ",
         "1.5K", " 1K", "+1K", "0x10", "010", "1kB", "1mb"]
TYPES = ["ext4", "tmpfs", "proc", "devtmpfs", "sysfs", "cgroup", "cgroup2", "devpts",
         "nfs", "", "xfs", "autofs", "ext"]
FIELDS = ["source", "fstype", "itotal", "iused", "iavail", "ipcent", "size", "used",
          "avail", "pcent", "file", "target", "bogus", "", "Source"]
OPERANDS = ["/", "/tmp", "/dev", "/dev/null", "/dev/vda", "/dev/loop0", "/proc",
            "/proc/self", "/sys/fs/cgroup/cpu", "/dev/shm", "/dev/pts", "missing", "",
            ".", "f", "d", "d/..", "/etc/passwd", "/nonexistent/x", "l", "dl", "/sys"]


def size(r):
    return r.choice(SIZES)


def case(r):
    args = []
    for _ in range(r.randint(0, 4)):
        x = r.random()
        if x < 0.35:
            args.append(cluster(r, SHORT))
        elif x < 0.45:
            s = size(r)
            args += r.choice([["-B", s], ["-B" + s], ["--block-size=" + s], ["--block", s]])
        elif x < 0.55:
            t = r.choice(TYPES)
            args += r.choice([["-t", t], ["-x", t], ["--type=" + t], ["--exclude-type=" + t],
                              ["-t" + t]])
        elif x < 0.7:
            fl = ",".join(r.choice(FIELDS) for _ in range(r.randint(1, 4)))
            args.append(r.choice(["--output=" + fl, "--output", "--out=" + fl]))
        elif x < 0.9:
            args.append(r.choice(LONG))
        elif x < 0.95:
            args.append("-" + r.choice("xyzBt"))
        else:
            args.append("--")
    return with_operands(r, args, OPERANDS)


def environ(r):
    env = {"LC_ALL": "C", "PATH": "/usr/bin:/bin"}
    for name in ["DF_BLOCK_SIZE", "BLOCK_SIZE", "BLOCKSIZE"]:
        if r.random() < 0.15:
            env[name] = size(r)
    if r.random() < 0.1 and os.environ.get("FUZZ_POSIXLY_CORRECT"):
        env["POSIXLY_CORRECT"] = "1"
    return env


def run(prog, args, cwd, env):
    p = subprocess.run([prog] + args, cwd=cwd, env=env, stdin=subprocess.DEVNULL,
                       capture_output=True, timeout=60)
    return p.stdout, p.stderr.replace(prog.encode(), b"df"), p.returncode


def main():
    ours, r, count = fuzz_args(__doc__, "df")
    seed = sys.argv[2]
    bad = noise = 0
    with tempfile.TemporaryDirectory(prefix="df-fuzz.") as top:
        os.mkdir(os.path.join(top, "d"))
        open(os.path.join(top, "f"), "w").close()
        os.symlink("nowhere", os.path.join(top, "l"))
        os.symlink("d", os.path.join(top, "dl"))
        for n in range(count):
            args, env = case(r), environ(r)
            a = run("/usr/bin/df", args, top, env)
            b = run(ours, args, top, env)
            if a == b:
                continue
            if run("/usr/bin/df", args, top, env) != a:
                noise += 1
                continue
            bad += 1
            print(json.dumps({"case": n, "seed": seed, "args": args,
                              "env": {k: v for k, v in env.items() if k not in ("LC_ALL", "PATH")},
                              "gnu": [a[0][:600].decode("latin1"), a[1].decode("latin1"), a[2]],
                              "ours": [b[0][:600].decode("latin1"), b[1].decode("latin1"), b[2]]}))
    print(f"# {count} cases, {bad} differences, {noise} noisy")


if __name__ == "__main__":
    main()
