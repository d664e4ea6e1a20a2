#!/usr/bin/env python3
"""dates_fuzz.py - a differential fuzz of the time parsing and formatting:
touch's -d DATE (gnulib parse_datetime's whole grammar: numbers, ISO and
US forms, month and day names, times with am/pm, zones and offsets,
relative items with "ago", "next", "last", fractions, "@EPOCH"), -t STAMP
and -r with -d, and stat's -c/--printf FORMAT (every directive with flags,
width and precision, escapes, -f's directives, the time directives), under
TZ values of several kinds (UTC, zone files, POSIX rules, offsets, a right/
zone, bad ones). Ours and GNU's run side by side in fresh directories made
alike: the same stdout, stderr (program name replaced), exit status, and
for touch the file's atime and mtime to the nanosecond.

Usage: tests/fuzz/dates_fuzz.py build/ARCH SEED COUNT [touch|stat]
Run by hand (not by make check). It writes only in a temporary directory
(as root, a tmpfs mounted there in a private mount namespace: stat -f's
counts stay still).
Prints each difference and ends with "N cases, N differences"; exit
status 1 when there was any.
"""
import os, random, shutil, subprocess, sys, tempfile, time

TZS = ["UTC", "UTC0", "Europe/Paris", "America/New_York", "Australia/Lord_Howe",
       "Asia/Kolkata", "CET-1CEST,M3.5.0,M10.5.0/3", "<+0530>-5:30", "EST5EDT",
       "right/UTC", "Pacific/Chatham", "America/St_Johns", "XYZ", ":Europe/London",
       "Europe/Dublin", "Africa/Casablanca", "America/Sao_Paulo", "JST-9",
       "<-03>3<-02>,M3.5.0/-2,M10.5.0/-1", "Etc/GMT+12", "Pacific/Kiritimati",
       "Australia/Sydney", "Asia/Shanghai", "FOO3BAR,M3.2.0,M11.1.0"]
MONTHS = ["jan", "Feb", "MARCH", "apr", "may", "june", "jul", "aug", "sept",
          "oct", "nov", "dec", "janu", "sep."]
DAYS = ["mon", "tuesday", "wed", "thur", "fri", "sat", "sunday", "tues"]
ZONES = ["UTC", "GMT", "Z", "EST", "EDT", "CET", "CEST", "PST", "JST", "A", "M",
         "N", "Y", "+0100", "-0530", "+01:00", "+5", "-12", "+1400", "UT",
         "utc+1", "GMT-3", "BST", "MSK", "IST", "NZDT", "+24", "-1:30",
         "AEST", "AEDT", "CST", "EET", "FOO", "bar", "LHDT", "CHADT", "WET",
         "NDT", "CEST DST", "CET DST", "F.O.O"]
RELS = ["day", "days", "week", "fortnight", "month", "year", "hour", "minute",
        "min", "second", "sec", "hours", "weeks", "months", "years"]


def n(r, lo, hi):
    return str(r.randint(lo, hi))


def date_item(r):
    k = r.randrange(18)
    if k == 0:
        return "%s-%s-%s" % (r.choice([n(r, 1969, 2040), n(r, 0, 99), n(r, 1, 9999), "1970", "2038"]),
                             r.choice([n(r, 1, 12), "02", "13", "0"]),
                             r.choice([n(r, 1, 31), "29", "30", "00", "32"]))
    if k == 1:
        return "%s/%s%s" % (n(r, 1, 13), n(r, 1, 32), r.choice(["", "/" + n(r, 0, 2100)]))
    if k == 2:
        return "%s %s%s" % (n(r, 1, 31), r.choice(MONTHS), r.choice(["", " " + n(r, 1960, 2100), " " + n(r, 0, 99)]))
    if k == 3:
        return "%s %s%s" % (r.choice(MONTHS), n(r, 1, 31), r.choice(["", ", " + n(r, 1960, 2100), " " + n(r, 1960, 2100)]))
    if k == 4:
        t = "%s:%s" % (n(r, 0, 24), r.choice([n(r, 0, 59), "00", "60"]))
        if r.random() < 0.5:
            t += ":" + r.choice([n(r, 0, 60), "59", "07.5", "1.123456789", "3,25", "59.9999999999"])
        return t + r.choice(["", "", " am", "pm", " a.m.", " P.M.", "am"])
    if k == 5:
        return n(r, 1, 12) + r.choice(["am", " pm", "AM"])
    if k == 6:
        return r.choice(ZONES)
    if k == 7:
        return r.choice(DAYS) + r.choice(["", ",", " next", ""])
    if k == 8:
        return "%s%s %s%s" % (r.choice(["", "+", "-", "next ", "last ", "this ", "third ", "twelfth "]),
                              r.choice(["1", "2", "10", "366", "0", "100000", ""]), r.choice(RELS),
                              r.choice(["", " ago", ""]))
    if k == 9:
        return r.choice(["today", "now", "yesterday", "tomorrow", "midnight", "noon", "ago", "dst"])
    if k == 10:
        return "@" + r.choice([n(r, -2 ** 33, 2 ** 34), "0", "-1", "1.5", "-1.5", "0.000000001",
                               "2147483647", "-2147483648", "9223372036854775807", "1e3", "+5", "1,5"])
    if k == 11:
        return r.choice([n(r, 0, 99999999), n(r, 1000, 2400), n(r, 0, 99), n(r, 19700101, 20381231)])
    if k == 12:
        return "%s-%s-%sT%s:%s:%s%s" % (n(r, 1970, 2100), n(r, 1, 12), n(r, 1, 28), n(r, 0, 23), n(r, 0, 59),
                                         n(r, 0, 59), r.choice(["", "Z", "+02:00", "-0800", ".5", ".123456789Z"]))
    if k == 13:
        return r.choice(["(comment)", "((x))", "", "  ", "T", "t", "'", "\"", ",", "-", "+", "."])
    if k == 14:
        return r.choice(MONTHS) + "-" + n(r, 1, 31) + "-" + n(r, 1970, 2040)
    if k == 15:
        return "2020-01-01 00:00"       # (no TZ="..." prefix: refused, README)
    if k == 16:
        return r.choice(["first", "last", "next", "this"]) + " " + r.choice(DAYS + RELS)
    return r.choice(["junk", "2020-02-30", "24:00", "0:0:0", "1970-01-01 00:00 UTC", "31 dec 9999"])


def touch_case(r):
    items = [date_item(r) for _ in range(r.choice([1, 1, 2, 2, 3, 4]))]
    date = " ".join(items)
    if r.random() < 0.1:                # GNU's TZ="..." prefix
        date = 'TZ="%s"%s%s' % (r.choice(TZS).replace("\\", "\\\\"),
                                r.choice(["", " ", "  "]), date)
    k = r.random()
    if k < 0.75:
        args = ["-d", date]
    elif k < 0.85:
        args = ["--date=" + date, "-r", "ref"]
    else:
        stamp = r.choice(["", "19", "20", "00"]) + "%02d%02d%02d%02d" % (
            r.randint(0, 13), r.randint(0, 32), r.randint(0, 24), r.randint(0, 60))
        if r.random() < 0.5:
            stamp += "." + r.choice(["00", "59", "60", "61", "5", "xx"])
        if r.random() < 0.1:
            stamp = r.choice(["1", "123", "2038011903", "203801190314.07", "170001010000", "99999999999999"])
        args = ["-t", stamp]
    args += [o for o in ("-a", "-m", "-c", "-h") if r.random() < 0.1]
    return args + ["f"]


STAT_D = "aAbBCdDfFgGhiLmnNostTuUxXyY"     # (not %w %W %z %Z: the runs' own times)
STATF_D = "abcdfilnsStT"


def fmt(r, letters):
    out = []
    for _ in range(r.randrange(1, 6)):
        k = r.random()
        if k < 0.7:
            d = "%"
            d += "".join(r.choice("-+ #0'I") for _ in range(r.choice([0, 0, 0, 1, 2])))
            if r.random() < 0.3:
                d += r.choice(["1", "5", "12", "30", "0", "99999"])
            if r.random() < 0.3:
                d += "." + r.choice(["", "0", "1", "3", "9", "10", "12", "99999"])
            d += r.choice(letters + "%?q")
            out.append(d)
        elif k < 0.85:
            out.append(r.choice([" ", ":", "x", "\\n", "\\t", "\\0", "\\x41", "\\101", "\\", "\\q", "\\e", "\\c"]))
        else:
            out.append(r.choice(["%", "%-", "%.", "%5", "%'"]))
    return "".join(out)


def stat_case(r):
    f = r.random() < 0.2
    form = fmt(r, STATF_D if f else STAT_D)
    args = (["-f"] if f else []) + ([r.choice(["-L"])] if r.random() < 0.1 else [])
    args += ["-c", form] if r.random() < 0.5 else ["--printf=" + form]
    if r.random() < 0.1:
        args = (["-f"] if f else []) + [r.choice(["-t", "--terse"])]
    return args + [r.choice(["f", "d", "l", "p", "f", "nosuch"]) for _ in range(r.choice([1, 1, 2]))]


def setup(d, times):
    os.mkdir(os.path.join(d, "d"))
    open(os.path.join(d, "f"), "wb").write(b"hello\n" * 7)
    open(os.path.join(d, "ref"), "wb").write(b"")
    os.symlink("f", os.path.join(d, "l"))
    os.mkfifo(os.path.join(d, "p"))
    for name, (a, m) in times.items():
        os.utime(os.path.join(d, name), ns=(a, m), follow_symlinks=False)
    os.chmod(os.path.join(d, "f"), 0o4751)


def run(exe, util, args, d, tz):
    env = {"LC_ALL": "C", "PATH": "/usr/bin:/bin"}
    if tz is not None:
        env["TZ"] = tz
    try:
        p = subprocess.run([util] + args, executable=exe, cwd=d, env=env,
                           capture_output=True, timeout=10, stdin=subprocess.DEVNULL)
        res = [p.returncode, p.stdout.replace(d.encode(), b"DIR"), p.stderr]
    except subprocess.TimeoutExpired:
        res = ["timeout", b"", b""]
    if util == "touch":
        st = os.stat(os.path.join(d, "f"))
        res.append((st.st_atime_ns, st.st_mtime_ns))
    return res


def main():
    if len(sys.argv) < 4:
        raise SystemExit(__doc__)
    ours, seed, count = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    utils = sys.argv[4:] or ["touch", "stat"]
    r = random.Random(seed)
    bad = 0
    with tempfile.TemporaryDirectory(prefix="dates-fuzz.") as top:
        if os.geteuid() == 0 and not os.environ.get("DATES_FUZZ_NS"):
            # a tmpfs of its own (stat -f's free counts do not move) in a
            # private mount namespace; the runs go on in there
            os.chmod(top, 0o755)
            p = subprocess.run(["unshare", "-m", "--propagation", "private", "sh", "-c",
                                'mount -t tmpfs -o size=64m none "$0" && exec "$@"', top,
                                sys.executable] + sys.argv, env=dict(os.environ, DATES_FUZZ_NS=top))
            sys.exit(p.returncode)
        top = os.environ.get("DATES_FUZZ_NS", top)
        for i in range(count):
            util = r.choice(utils)
            args = touch_case(r) if util == "touch" else stat_case(r)
            tz = r.choice(TZS + [None])
            times = {nm: (r.randint(-2 ** 31, 2 ** 33) * 10 ** 9 + r.randrange(10 ** 9),
                          r.choice([1700000000, 0, -1, 2 ** 31, r.randint(-2 ** 31, 2 ** 33)]) * 10 ** 9
                          + r.randrange(10 ** 9)) for nm in ("f", "ref", "d", "l", "p")}
            res, t0s = [], []
            for exe in ("/usr/bin/" + util, os.path.abspath(os.path.join(ours, util))):
                d = os.path.join(top, "w")       # the same path for both
                if util == "touch" or not res:  # (stat: the same tree, inodes)
                    shutil.rmtree(d, ignore_errors=True)
                    os.mkdir(d)
                    setup(d, times)
                t0s.append(time.time_ns())
                res.append(run(exe, util, args, d, tz))
            # (a DATE relative to now: the same time after each run's start,
            # within 50 ms)
            if util == "touch" and res[0][:3] == res[1][:3] and res[0][3] != res[1][3]:
                if all(abs((a - t0s[0]) - (b - t0s[1])) < 5 * 10 ** 7
                       for a, b in zip(res[0][3], res[1][3])):
                    continue
            if res[0] != res[1]:
                bad += 1
                print("DIFF %s %r TZ=%r: status %s/%s (GNU/ours)" % (util, args, tz, res[0][0], res[1][0]))
                for what, k in (("stdout", 1), ("stderr", 2), ("times", 3)):
                    if k < len(res[0]) and res[0][k] != res[1][k]:
                        print("  %s GNU:  %.300r\n  %s ours: %.300r" % (what, res[0][k], what, res[1][k]))
                sys.stdout.flush()
    print("%d cases, %d differences" % (count, bad))
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
