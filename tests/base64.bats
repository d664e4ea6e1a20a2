#!/usr/bin/env bats
# base64: what difftest cannot express: random binary data both ways
# against GNU (NUL bytes, every length mod 3, every wrap kind, the block
# boundaries), files past 4 GiB, SIGPIPE, /dev/full, an unreadable file
# as a non-root user, the refused --help/--version, and peak RSS.
load helpers

@test "random binary data against GNU: lengths 0..200 and around the blocks, wraps, decoding back" {
	head -c 200000 /dev/urandom > r
	for n in 0 1 2 3 4 57 58 509 510 511 512 49151 49152 49153 49663 200000; do
		head -c $n r > in
		for w in "" "-w 0" "-w 3" "-w 77"; do
			compare_with_gnu base64 $w || { echo "n=$n w=$w"; return 1; }
			mv ours enc
			"$(bin base64)" -d enc > dec && cmp in dec || { echo "decode n=$n w=$w"; return 1; }
		done
	done
}

@test "decoding against GNU: garbage with -i, lines cut anywhere, invalid at any place" {
	head -c 100000 /dev/urandom | /usr/bin/base64 -w 13 > in
	compare_with_gnu base64 -d
	tr '\n' '~' < in > in2 && mv in2 in
	compare_with_gnu base64 -di
	compare_with_gnu base64 -d 2>/dev/null
	# a bad byte at each place of the first blocks: the same bytes written
	head -c 3000 /dev/urandom | /usr/bin/base64 -w 0 > good
	for at in 0 1 2 3 4 5 6 7 509 510 511 512 513 514 515 516 2000 2001 2002 2003; do
		{ head -c $at good; printf '!'; tail -c +$((at + 2)) good; } > in
		run compare_with_gnu base64 -d
		cmp ours gnus || { echo "at=$at"; return 1; }
	done
}

@test "a final quad cut short at each length, a final line without newline, empty input" {
	for s in Y YW YWJ YWJj YWJjZ YWJjZG "YWJj\n" "" "\n"; do
		printf "$s" > in
		compare_with_gnu base64 -d 2>/dev/null || { echo "[$s]"; return 1; }
		compare_with_gnu base64 || { echo "[$s]"; return 1; }
	done
}

@test "files past 4 GiB on both arches (sparse): a file operand, stdin's offset" {
	truncate -s 4831838208 sparse
	"$(bin base64)" sparse 2>/dev/null | head -c 76 > out || true
	[ "$(cat out)" = "$(printf '%076d' 0 | tr 0 A)" ]
	printf 'YWJj' >> sparse
	{ dd bs=1M skip=4607 count=0 status=none; "$(bin base64)" -di > out; } < sparse
	[ "$(cat out)" = abc ]
	{ dd bs=1M skip=4607 count=0 status=none; "$(bin base64)" | tail -c 30 > out; } < sparse
	{ dd bs=1M skip=4607 count=0 status=none; /usr/bin/base64 | tail -c 30 > expected; } < sparse
	cmp out expected
}

@test "SIGPIPE: killed by the signal, silently, as GNU" {
	# (more than the 1 MiB base64 gives a pipe, and than head reads)
	head -c 4000000 /dev/zero > z
	sigpipe_silent base64 '-c 1' A z
	sigpipe_silent /usr/bin/base64 '-c 1' A z
	tr '\0' a < z | /usr/bin/base64 > zb
	sigpipe_silent base64 '-c 1' a -d zb
	closed_pipe_kills base64 z
	closed_pipe_kills base64 -d zb
}

# fails_like_gnu ARGS... - ours and GNU's base64 ARGS (stdin ./in) with
# stdout on /dev/full: the same status and stderr (paths made "base64")
fails_like_gnu() {
	local p s1 s2
	"$(bin base64)" "$@" < in > /dev/full 2> e1 && s1=0 || s1=$?
	/usr/bin/base64 "$@" < in > /dev/full 2> e2 && s2=0 || s2=$?
	sed -i "s|^$(bin base64):|base64:|" e1
	sed -i "s|^/usr/bin/base64:|base64:|" e2
	[ "$s1" -eq "$s2" ] && cmp e1 e2 || { echo "$* ($(wc -c < in) bytes): $s1/$s2"; cat e1 e2; return 1; }
}

@test "SIGPIPE ignored: GNU's two messages, status 1" {
	head -c 4000000 /dev/zero > z
	sigpipe_ignored_like_gnu 1 base64 '%s: write error: Broken pipe\n%s: write error' z
}

@test "/dev/full: GNU's messages by how much its stdio would hold, status 1" {
	echo x > in
	dev_full_fails base64 in
	dev_full_fails /usr/bin/base64 in
	# the output sizes around stdio's 4096 bytes, both ways, and invalid
	# input after held output
	head -c 200000 /dev/zero | tr '\0' a > a
	for n in 1 3000 3072 3073 3100 6000 200000; do
		head -c $n a > in
		fails_like_gnu
		fails_like_gnu -w 0
		fails_like_gnu -w 1
		/usr/bin/base64 in > enc
		head -c $n enc > in
		fails_like_gnu -d
		/usr/bin/base64 -w 0 enc > in
		fails_like_gnu -d
	done
}

@test "unreadable file as a non-root user: GNU's message, status 1" {
	lock_file
	unreadable_like_gnu base64 '%s: locked: Permission denied' locked
	unreadable_like_gnu base64 '%s: locked: Permission denied' -d locked
}

@test "--help and --version are refused (a known difference)" {
	option_unrecognized 1 base64 --help --vers
}

@test "peak RSS: empty input and a line, both ways: 12 KiB (one code page, one BSS page with the globals, the stack)" {
	echo hello > l
	echo aGVsbG8K > lb
	rss_at_most 12 base64
	rss_at_most 12 base64 l
	rss_at_most 12 base64 -d lb
	rss_at_most 12 base64 -d
}

@test "20 MB both ways, -w 0 and -w 7 (i386: through the vDSO after 32 calls), as GNU" {
	head -c 20000000 /dev/urandom > in
	"$(bin base64)" in > out
	/usr/bin/base64 in > expected
	cmp out expected
	"$(bin base64)" -d out > back
	cmp in back
	"$(bin base64)" -w 0 in > out
	/usr/bin/base64 -w 0 in > expected
	cmp out expected
	head -c 3000000 in | "$(bin base64)" -w 7 > out
	head -c 3000000 in | /usr/bin/base64 -w 7 > expected
	cmp out expected
	"$(bin base64)" -d out > back
	head -c 3000000 in | cmp - back
}
