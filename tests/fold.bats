#!/usr/bin/env bats
# fold: what difftest cannot express: a 100 MiB line (-w 80, -s, -b, and a
# width larger than the buffer), random data against GNU, the paths where a
# pending line outgrows half the buffer, the clear failure of -s for a
# blank-free stretch longer than the buffer (a documented difference),
# SIGPIPE, an unreadable file as a non-root user, and /dev/full.
load helpers

# same ARGS... - ours and GNU's give the same stdout and status
same() {
	"$(bin fold)" "$@" > out 2>/dev/null; so=$?
	/usr/bin/fold "$@" > expected 2>/dev/null; sg=$?
	cmp expected out && [ "$so" = "$sg" ]
}

@test "a 100 MiB line: -w 80, -s, -b, and wider than the buffer, as GNU" {
	head -c 104857600 /dev/zero | tr '\0' x > line
	echo >> line
	same line
	same -s -w 1000 line
	same -b -w 7 line
	same -w 3000000 line
	# words: -s breaks at the blanks
	python3 -c 'import sys; sys.stdout.buffer.write(b"lorem ipsum\tdolor " * 5000000)' > words
	same -s words
	same -s -w 1000000 words
}

@test "random data of many kinds against GNU" {
	python3 - <<'PY'
import random
random.seed(11)
alph = b'ab  \t\t\b\r\n\x00\x80xyz'
for i in range(30):
    n = random.choice([0, 1, 7, 100, 2047, 2048, 2049, 5000, 70000])
    if i % 2:
        d = bytes(random.choice(alph) for _ in range(n))
    else:
        w = [b'hello', b'x', b' ', b'  ', b'\t', b'\n', b'longerwordhere', b'\b', b'\r']
        d = b''
        while len(d) < n:
            d += random.choice(w)
    open('r%02d' % i, 'wb').write(d)
PY
	# 600 runs each: one stream of outputs and statuses, one cmp
	untraced fold_all "$(bin fold)" > ours
	untraced fold_all /usr/bin/fold > expected
	cmp expected ours || { diff -a expected ours | head -n 5; false; }
}

# fold_all FOLD - FOLD with each option set on each file r*: its stdout,
# then "== OPTIONS FILE: status N" (no '=' in the files' bytes)
fold_all() {
	local f o w s
	for f in r*; do
		for o in "" -s -b -bs; do
			for w in 1 3 8 9 40; do
				s=0
				"$1" $o -w $w "$f" 2>/dev/null || s=$?
				echo "== $o -w $w $f: status $s"
			done
		done
	done
}

@test "long pending lines: written out early (no -s), up to the last blank (-s)" {
	# no blank at all, -s: written out as it comes, breaks as GNU's
	head -c 3000000 /dev/zero | tr '\0' y > noblank
	same -s noblank
	same -s -w 2000000 noblank
	# a blank, then a long blank-free stretch that still fits: -s works
	# while the stretch is under half the buffer
	{ printf 'a '; head -c 400000 /dev/zero | tr '\0' z; printf ' b\n'; } > stretch
	same -s -w 1000000 stretch
	# \r keeps the column low: a long line that never breaks
	python3 -c 'import sys; sys.stdout.buffer.write((b"word " * 20 + b"\r") * 60000 + b"\n")' > cr
	same cr
	same -s cr
}

@test "-s with a blank-free stretch over the buffer that fits the width: a clear failure" {
	{ printf 'a '; head -c 2000000 /dev/zero | tr '\0' z; printf ' b\n'; } > stretch
	run "$(bin fold)" -s -w 3000000 stretch
	[ "$status" -eq 1 ]
	[[ "$output" == *"$(bin fold): line too long for -s" ]]
}

@test "SIGPIPE: killed by it when the reader is gone, as GNU" {
	seq 1 200000 > in
	closed_pipe_kills fold -w 3 in
	closed_pipe_kills /usr/bin/fold -w 3 in
}

@test "an unreadable file as a non-root user: Permission denied, the rest folded" {
	echo abcdef > free
	lock_file
	unreadable_like_gnu fold 'abc\ndef\n%s: locked: Permission denied\nabc\ndef' -w 3 free locked free
}

@test "/dev/full: GNU's message, status 1" {
	seq 1 100000 > in
	dev_full_fails fold in
	echo x | dev_full_fails fold
}

@test "NULs, a last line without newline, empty input" {
	printf 'a\0b\0c\0d\0e\0f' > nul
	: > empty
	same -w 2 nul
	same -s -w 2 nul
	same empty
	same -w 3 nul empty nul
}

@test "trivial runs: RSS at most 16 KiB" {
	printf 'a b\nc d\n' > f
	rss_at_most 16 fold < /dev/null
	rss_at_most 16 fold < f
	rss_at_most 16 fold f
	rss_at_most 16 fold -w 2 < f
	rss_at_most 16 fold -s -w 2 < f
	rss_at_most 16 fold -b -w 2 f
	rss_at_most 16 fold --bytes --spaces --width=2 f
}

@test "--help and --version: GNU's unrecognized option (see README)" {
	option_unrecognized 1 fold --help --version
}

@test "100 operands and a bad one, as GNU (i386: the vDSO after 32 calls)" {
	hundred_operands_like_gnu files fold -w3
}

@test "stdout flushed before each message: one merged stream as GNU's" {
	printf 'a\tb\n' > f1
	printf 'x\ny\n' > f2
	merged_like_gnu fold f1 nope f1
	merged_like_gnu fold -w1 f2 . f1
	merged_like_gnu fold -w3 f2 nope
}

@test "stdout a terminal: each line shows as the input brings it, as GNU's line-buffered stdout; a pipe: nothing before the input ends, as GNU's" {
	pty_early fold
	pty_early fold -w1
	pty_early fold -s -w5
	pty_early fold -b -w3
}

@test "a terminal that goes away after a line (EIO): GNU's write error messages and status" {
	pty_early --hangup fold
	pty_early --hangup fold -s -w3
}
