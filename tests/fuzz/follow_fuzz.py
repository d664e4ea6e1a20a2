#!/usr/bin/env python3
"""follow_fuzz.py BINDIR SEED COUNT - a differential fuzzer of tail's
following: -f, -F, --follow=name, --retry, ---disable-inotify (polling),
with -n/-c, -q/-v, one or two names.

Each case starts GNU's tail (/usr/bin/tail) and BINDIR/tail side by side,
each in its own scratch directory with the same files, then does the same
random steps in both directories, 0.3 s apart (tail checks every 0.1 s,
with --max-unchanged-stats=1): appends, truncations, renames away
and back, deletions, new files at a name, a name replaced by rename
(logrotate's two ways), a hard link then an unlink, a directory at a name,
chmod 000 and back. Then both are ended by SIGTERM and their stdout,
stderr (the program name made the same) and exit status compared, the
headers too (GNU's polling loop writes one for a file whose stat changed
even with nothing new, and so does ours since 2026-11-25). A case runs for about 2 seconds; the steps' pace leaves room for both to
see each one. Each difference is printed as one JSON line (steps
included), then the counts. Run by hand (as root or not), not by `make
check`.
"""
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time

from fuzzargs import fuzz_args

# Polling (asked for, or GNU's choice: no file open at the start, -f with
# a file that failed...): GNU's loop looks at an open file's name again
# after N unchanged checks, ours at each check (README); every case has
# N = 1, so both see every step.
POLL = ["---disable-inotify"]
MODES = [["-f"], ["-F"], ["--follow=name"], ["--follow=name", "--retry"],
         ["-f", "--retry"], ["-F"] + POLL, ["--follow=name"] + POLL, ["-f"] + POLL]
NAMES = ["f", "g"]
OTHERS = ["f.1", "g.1", "h", "sub/f.1"]


def text(r):
    return "".join(r.choice(["x", "yy", "line\n", "\n", "tail\n", "z" * 30 + "\n"])
                   for _ in range(r.randint(1, 5)))


def step(r):
    kind = r.choice(["append", "append", "append", "truncate", "rename", "back",
                     "delete", "create", "replace", "copytrunc", "link", "mkdir",
                     "chmod", "unchmod"])
    a = r.choice(NAMES)
    return [kind, a, r.choice(OTHERS), text(r)]


def apply(d, s):
    kind, a, b, t = s
    pa, pb = os.path.join(d, a), os.path.join(d, b)
    try:
        if kind == "append":
            with open(pa, "a") as f:
                f.write(t)
        elif kind == "truncate":
            open(pa, "w").close()
        elif kind == "rename":
            os.rename(pa, pb)
        elif kind == "back":
            os.rename(pb, pa)
        elif kind == "delete":
            os.unlink(pa)
        elif kind == "create":
            with open(pa, "x") as f:
                f.write(t)
        elif kind == "replace":                 # logrotate's create: a new file renamed over
            with open(pa + ".new", "w") as f:
                f.write(t)
            os.rename(pa + ".new", pa)
        elif kind == "copytrunc":               # logrotate's copytruncate
            shutil.copyfile(pa, pb)             # (new bytes come with a later
            open(pa, "w").close()               # step: a write right after the
                                                # truncation races the check)
        elif kind == "link":
            os.link(pa, pb)
            os.unlink(pa)
        elif kind == "mkdir":
            os.mkdir(pa)
        elif kind == "chmod":
            os.chmod(pa, 0)
        elif kind == "unchmod":
            os.chmod(pa, 0o644)
    except OSError:
        pass


def main():
    ours, r, count = fuzz_args(__doc__, "tail")
    seed = sys.argv[2]
    bad = 0
    top = tempfile.mkdtemp(prefix="follow-fuzz.")
    try:
        for n in range(count):
            mode = r.choice(MODES)
            args = ["-s", "0.1", "--max-unchanged-stats=1"] + mode
            if r.random() < 0.3:
                args += r.choice([["-n", "1"], ["-n", "0"], ["-c", "3"], ["-n", "+2"]])
            if r.random() < 0.2:
                args.append(r.choice(["-q", "-v"]))
            names = r.choice([["f"], ["f"], ["f", "g"], ["g"]])
            init = {nm: text(r) for nm in NAMES if r.random() < 0.8}
            steps = [step(r) for _ in range(r.randint(1, 6))]
            dirs, procs, outs = [], [], []
            for prog in ("/usr/bin/tail", ours):
                d = tempfile.mkdtemp(dir=top)
                os.mkdir(os.path.join(d, "sub"))
                for nm, t in init.items():
                    with open(os.path.join(d, nm), "w") as f:
                        f.write(t)
                o, e = open(os.path.join(d, ".out"), "w+b"), open(os.path.join(d, ".err"), "w+b")
                procs.append(subprocess.Popen([prog] + args + names, cwd=d, stdout=o, stderr=e,
                                              stdin=subprocess.DEVNULL,
                                              env={"LC_ALL": "C", "PATH": "/usr/bin:/bin"}))
                dirs.append(d)
                outs.append((o, e))
            time.sleep(0.4)
            for s in steps:
                for d in dirs:
                    apply(d, s)
                time.sleep(0.3)
            time.sleep(0.4)
            res = []
            for p, (o, e), prog in zip(procs, outs, ("/usr/bin/tail", ours)):
                if p.poll() is None:
                    p.send_signal(signal.SIGTERM)
                st = p.wait()
                o.seek(0)
                e.seek(0)
                res.append((o.read(), e.read().replace(prog.encode(), b"tail"), st))
                o.close()
                e.close()
            if res[0] != res[1]:
                bad += 1
                print(json.dumps({"case": n, "seed": seed, "args": args + names,
                                  "init": init, "steps": steps,
                                  "gnu": [res[0][0].decode("latin1"), res[0][1].decode("latin1"), res[0][2]],
                                  "ours": [res[1][0].decode("latin1"), res[1][1].decode("latin1"), res[1][2]]}),
                      flush=True)
            for d in dirs:
                for root, ds, fs in os.walk(d):
                    for x in ds + fs:
                        try:
                            os.chmod(os.path.join(root, x), 0o755, follow_symlinks=False)
                        except OSError:
                            pass
                shutil.rmtree(d, ignore_errors=True)
    finally:
        shutil.rmtree(top, ignore_errors=True)
    print(f"# {count} cases, {bad} differences")


if __name__ == "__main__":
    main()
