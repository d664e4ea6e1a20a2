#!/usr/bin/env bats
# basename: many operands against GNU, a closed pipe, the write error's
# message at every output size up to 9000 bytes.
load helpers

@test "20000 operands of every shape give GNU's output, with and without -s" {
	for i in $(seq 2000); do
		printf '%s\n' "a$i/b.c" "/x$i" "//y$i//z.c/" "$i.c" "" "///" "p/q$i/" ".c" "a//b$i//c"
	done > names
	tr '\n' '\0' < names > names0
	xargs -0 "$(bin basename)" -a < names0 > ours
	xargs -0 /usr/bin/basename -a < names0 > gnu
	cmp ours gnu
	xargs -0 "$(bin basename)" -z -s .c < names0 > ours
	xargs -0 /usr/bin/basename -z -s .c < names0 > gnu
	cmp ours gnu
}

@test "/dev/full, every output size around GNU's 4096-byte buffers up to 9000: GNU's message (the reason or none) and status" {
	# two shapes: lines of 100 bytes then the rest; one line of n-2 bytes,
	# then an empty name's (-z); GNU's has no reason when its 4096-byte
	# stdio buffer holds nothing at fclose (n = 4097 in both, 8196 in the
	# first). Only the sizes near a multiple of 4096 can differ (one write
	# of ours, GNU's stdio blocks): every size up to 200 and within 200 of
	# 4096 and 8192, and 9000 (every size from 1 to 9000, 36,000 runs,
	# took 20 s of make check; it passed on 2026-11-23 before the cut)
	python3 - "$(bin basename)" <<'PY'
import os, subprocess, sys
full = os.open('/dev/full', os.O_WRONLY)
def run(b, args):
    r = subprocess.run(['basename'] + args, executable=b, stdout=full,
                       stderr=subprocess.PIPE, env={'LC_ALL': 'C'})
    return r.returncode, r.stderr
bad = bare = 0
h = 'a' * 99
for n in [*range(1, 201), *range(3896, 4297), *range(7992, 8393), 9000]:
    s1 = [h] * (n // 100) + (['a' * (n % 100 - 1)] if n % 100 else [])
    s2 = ['a' * (n - 2), ''] if n >= 2 else ['']
    for args in (['-a'] + s1, ['-z', '-a'] + s2):
        gnu = run('/usr/bin/basename', args)
        bare += gnu[1] == b'basename: write error\n'
        if run(sys.argv[1], args) != gnu:
            bad += 1
            print('differs at', n, args[:2], file=sys.stderr)
print(bad, 'differ,', bare, 'without a reason')
sys.exit(bad > 0 or bare < 3)
PY
}

@test "a closed pipe ends it by SIGPIPE, silently" {
	sigpipe_silent basename '-n 1' '1\n' -a $(seq 30000)
}

@test "peak RSS of a trivial run: at most 16 KiB" {
	rss_at_most 16 basename /a/b.c .c
}
