"""trickle - stdin through a pipe in random pieces (1 byte to 64 KiB, now
and then a pause), so that a utility's reads come back short and split
lines, records and multi-byte tokens at any byte: what a slow writer
(`slow | tail -n 1`, a network, a terminal) gives. Its output must not
depend on it. Shared by streams_fuzz.py and readers_fuzz.py.

run(argv0, exe, args, cwd, env, data, seed, timeout) -> (status, stdout,
stderr); status "timeout" when it ran out of time. The pieces come from
random.Random(seed), so a case is replayed with the same ones.
"""
import random
import subprocess
import tempfile
import time

SIZES = [1, 2, 3, 7, 15, 16, 17, 100, 511, 512, 4095, 4096, 4097, 65535, 65537]


def run(argv0, exe, args, cwd, env, data, seed, timeout):
    r = random.Random(seed)
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        p = subprocess.Popen([argv0] + args, executable=exe, cwd=cwd, env=env,
                             stdin=subprocess.PIPE, stdout=out, stderr=err)
        end = time.monotonic() + timeout
        i = 0
        try:
            while i < len(data) and time.monotonic() < end:
                n = r.choice(SIZES) if r.random() < 0.7 else r.randrange(1, 20000)
                p.stdin.write(data[i:i + n])
                p.stdin.flush()
                i += n
                if r.random() < 0.01:
                    time.sleep(0.001)
        except (BrokenPipeError, OSError):
            pass
        try:
            p.stdin.close()
        except (BrokenPipeError, OSError):
            pass
        try:
            status = p.wait(max(end - time.monotonic(), 0.1))
        except subprocess.TimeoutExpired:
            p.kill()
            p.wait()
            status = "timeout"
        out.seek(0)
        err.seek(0)
        return status, out.read(), err.read()
