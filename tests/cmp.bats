#!/usr/bin/env bats
# cmp: what difftest cannot express: files past 4 GiB (64-bit skips, sizes
# and widths; sparse files), SIGPIPE, a write error after more than 4096
# bytes, an unreadable file as a non-root user, -s that needs no reading,
# the refused --help/--version, random data against GNU, and peak RSS.
load helpers

# both UTIL ARGS... - ours and GNU's: the same stdout, stderr (with the
# program's path as "cmp") and status
both() {
	local s1=0 s2=0
	"$(bin cmp)" "$@" > o1 2> e1 || s1=$?
	/usr/bin/cmp "$@" > o2 2> e2 || s2=$?
	sed -i "s|^$(bin cmp):|cmp:|" e1
	[ "$s1" -eq "$s2" ] && cmp o1 o2 && cmp e1 e2 ||
		{ echo "status $s1/$s2"; cat o1 e1 o2 e2; return 1; }
}

@test "sparse files past 4 GiB: 64-bit skips, sizes and -l widths" {
	truncate -s 5G s1
	truncate -s 5G s2
	printf x | dd of=s2 bs=1 seek=$((4 * 1024 * 1024 * 1024 + 5)) conv=notrunc status=none
	both -i 4G s1 s2
	[ "$(cat o1)" = "s1 s2 differ: char 6, line 1" ]
	both -l -n 100 -i 4294967290 s1 s2
	both -l -i 4294967290:5368709100 s1 s2
	both -b -i 4294967295:4294967296 s1 s2
	both s1 s2 4294967300 4294967301
	# -s: different sizes past 4 GiB, decided without reading
	truncate -s 5368709121 s3
	both -s s1 s3
	[ "$(status_of "$(bin cmp)" -s s1 s3)" -eq 1 ]
	both -s -n 10 s1 s3
}

@test "stdin past 4 GiB: the skip is made from its offset" {
	truncate -s 5G s1
	printf 'ab' | dd of=s1 bs=1 seek=$((4 * 1024 * 1024 * 1024 + 100)) conv=notrunc status=none
	printf 'ac' > small
	{ dd bs=1M skip=4096 count=0 status=none; "$(bin cmp)" -i 100:0 - small > out; } < s1 || true
	[ "$(cat out)" = "- small differ: char 2, line 1" ]
}

@test "random data against GNU: -l, -b, skips, limits, pipes" {
	head -c 300000 /dev/urandom > r1
	cp r1 r2
	printf 'X' | dd of=r2 bs=1 seek=70000 conv=notrunc status=none
	printf 'Y' | dd of=r2 bs=1 seek=131072 conv=notrunc status=none
	printf 'Z' | dd of=r2 bs=1 seek=299999 conv=notrunc status=none
	head -c 200000 r1 > r3
	for o in "" -b -l -lb "-n 131072" "-i 3:3" "-i 70001" "-n 70000"; do
		both $o r1 r2
		both $o r1 r3
		both $o r3 r1
	done
	/usr/bin/cat r2 | "$(bin cmp)" -l r1 - > o1 || true
	/usr/bin/cmp -l r1 r2 | sed 's/^ *//' > o2 || true
	sed 's/^ *//' o1 | cmp - o2
}

@test "NUL bytes, no final newline, empty input" {
	printf 'a\0b\0c' > n1
	printf 'a\0b\0d' > n2
	: > empty
	both n1 n2
	both -lb n1 n2
	both n1 empty
	both empty n1
	both empty empty
}

@test "SIGPIPE: a long -l list into a closed pipe ends by the signal" {
	head -c 200000 /dev/zero > z
	tr '\0' 'a' < z > a
	sigpipe_silent cmp '-c 1' ' ' -l z a
	closed_pipe_kills cmp -l z a
}

@test "SIGPIPE ignored: write failed after more than 4096 bytes, status 2" {
	head -c 200000 /dev/zero > z
	tr '\0' 'a' < z > a
	sigpipe_ignored_like_gnu 2 cmp '%s: write failed' -l z a
}

@test "/dev/full: standard output's error, or write failed after 4096 bytes" {
	printf abc > a
	printf abd > b
	for p in "$(bin cmp)" /usr/bin/cmp; do
		run sh -c '"$@" > /dev/full' sh "$p" a b
		[ "$status" -eq 2 ]
		[ "$output" = "$p: standard output: No space left on device" ]
	done
	head -c 10000 /dev/zero > z
	tr '\0' 'a' < z > y
	for p in "$(bin cmp)" /usr/bin/cmp; do
		run sh -c '"$@" > /dev/full' sh "$p" -l z y
		[ "$status" -eq 2 ]
		[ "$output" = "$p: write failed" ]
	done
}

@test "unreadable file as a non-root user: GNU's message, status 2" {
	lock_file
	echo secret > free
	for p in "$(bin cmp)" /usr/bin/cmp; do
		run "${as[@]}" "$p" free locked
		[ "$status" -eq 2 ]
		[ "$output" = "$p: locked: Permission denied" ]
		run "${as[@]}" "$p" -s locked free
		[ "$status" -eq 2 ]
		[ -z "$output" ]
	done
}

@test "-s on regular files of different sizes reads nothing" {
	printf abc > a
	printf abcd > b
	strace -o log -e trace=read "$(bin cmp)" -s a b || [ $? -eq 1 ]
	[ "$(grep -c '^read' log)" -eq 0 ]
}

@test "--help, --version and -v are refused (a known difference)" {
	option_unrecognized 2 cmp --help --vers
	run "$(bin cmp)" -v
	[ "$status" -eq 2 ] && [ "${lines[0]}" = "$(bin cmp): invalid option -- 'v'" ]
}

@test "peak RSS: 16 KiB for the same file, an empty pair and one-line pairs" {
	: > e
	: > e2
	echo one > l1
	echo one > l2
	echo two > l3
	rss_at_most 16 cmp e e
	rss_at_most 16 cmp e e2
	rss_at_most 16 cmp l1 l2
	rss_at_most 16 cmp -l l1 l2
	local kb st
	read -r kb st < <(env -i "$BATS_TEST_DIRNAME/../build/harness/rss" "$(bin cmp)" l1 l3 2>&1 >/dev/null)
	[ "$st" -eq 1 ] && [ "$kb" -le 16 ] || { echo "$kb KiB, status $st"; return 1; }
}
