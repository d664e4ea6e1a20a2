#!/usr/bin/env bats
# tr: what difftest cannot see: big and binary streams compared with GNU by
# cmp (every mode of the byte loop), the reads and writes in big blocks,
# SIGPIPE, /dev/full, a directory as stdin, --help and --version refused
# clearly (a known difference), the long options' RSS.
load helpers

# same_as_gnu ARGS... - ours and GNU's tr on the file in, outputs cmp'd
same_as_gnu() { compare_with_gnu tr "$@"; }

@test "binary input with NUL bytes: every mode, the same bytes as GNU" {
	head -c 1000000 /dev/urandom > in
	same_as_gnu '\000-\377' '\377'
	same_as_gnu '\000\001\377' 'x\000y'
	same_as_gnu -d '\000'
	same_as_gnu -s '\000-\037'
	same_as_gnu -cs '\000' 'x'
	same_as_gnu -ds '\000-\100' '\101-\377'
	same_as_gnu -c '[:print:]' '[\000*]'
	same_as_gnu -t '\000-\377' 'a-z'
	[ -s ours ]
}

@test "huge input: 64 MiB without a newline through a pipe, as GNU" {
	head -c 50000000 /dev/urandom | base64 -w 0 > in
	/usr/bin/cat in | "$(bin tr)" 'a-zA-Z' 'n-za-mN-ZA-M' > ours
	/usr/bin/tr 'a-zA-Z' 'n-za-mN-ZA-M' < in > gnus
	cmp ours gnus
	/usr/bin/cat in | "$(bin tr)" -s 'A-Z' > ours
	/usr/bin/tr -s 'A-Z' < in > gnus
	cmp ours gnus
}

@test "reads and writes go in blocks of 128 KiB" {
	head -c 1000000 /dev/zero > in
	strace -o log -e trace=read,write "$(bin tr)" '\000' x < in > out
	[ "$(grep -c '^read(0, .*= 131072$' log)" -eq 7 ]
	[ "$(grep -c '^write(1, .*= 131072$' log)" -eq 7 ]
	[ "$(tr -d x < out | wc -c)" -eq 0 ]
	[ "$(wc -c < out)" -eq 1000000 ]
}

@test "empty input: nothing out, status 0" {
	: > in
	run "$(bin tr)" a b < in
	[ "$status" -eq 0 ]
	[ -z "$output" ]
	run "$(bin tr)" -ds a b < in
	[ "$status" -eq 0 ] && [ -z "$output" ]
}

@test "/dev/full: GNU's message, status 1" {
	echo abc | dev_full_fails tr a b
	echo abc | dev_full_fails tr -d a
	run sh -c ': | "$1" a b > /dev/full' sh "$(bin tr)"
	[ "$status" -eq 0 ] && [ -z "$output" ]
}

@test "SIGPIPE: tr | head -c1 ends by the signal, silently, as GNU's" {
	seq 1 1000000 > in
	sigpipe_silent tr '-c 1' b 0-9 a-j < in
	sigpipe_silent tr '-c 1' 1 -s 0-9 < in
	yes | sigpipe_silent tr '-n 1' 'n\n' y n
}

@test "SIGPIPE ignored: write error: Broken pipe, status 1, as GNU" {
	seq 1 1000000 > in
	sigpipe_ignored_fails tr 'write error: Broken pipe\n%s: write error' 0-9 a-j < in
	sigpipe_ignored_fails /usr/bin/tr 'write error: Broken pipe\n%s: write error' 0-9 a-j < in
}

@test "a directory as stdin: read error: Is a directory" {
	sh_fails 1 tr 'read error: Is a directory' '"$1" a b < .'
	sh_fails 1 tr 'read error: Bad file descriptor' '"$1" a b <&-'
}

@test "--help and --version (and prefixes) are refused with GNU's message (a known difference)" {
	for o in --help --version --h --ver; do
		run "$(bin tr)" $o a
		[ "$status" -eq 1 ]
		[ "${lines[0]}" = "$(bin tr): unrecognized option '$o'" ]
		[ "${lines[1]}" = "Try '$(bin tr) --help' for more information." ]
	done
}

@test "long options: trivial runs in 16 KiB" {
	printf 'hello world\n' > f
	rss_at_most 16 tr --delete l < f
	rss_at_most 16 tr --squeeze-repeats --complement a b < f
	rss_at_most 16 tr --truncate-set1 abc xy < f
}

@test "sets of 131071 bytes (the kernel's longest argument), as GNU" {
	head -c 100000 /dev/urandom > in
	s1=$(printf 'ab%.0s' $(seq 65535))c
	s2=$(printf 'x-y%.0s' $(seq 43690))
	same_as_gnu "$s1" "$s2"
	same_as_gnu -c "$s1" "$s2"
	same_as_gnu -ds "$s1" "$s2"
	same_as_gnu -t "$s2" "$s1"
	same_as_gnu "$(printf '[:alpha:]%.0s' $(seq 14563))" "$(printf '[x*100000000]%.0s' $(seq 10000))"
}

@test "stdin at an offset past 2^32 (i386 too): every byte read" {
	truncate -s 4400M sparse
	[ "$({ dd bs=1M skip=4300 count=0 status=none; "$(bin tr)" '\000' x; } < sparse | tr -d x | wc -c)" -eq 0 ]
	[ "$({ dd bs=1M skip=4300 count=0 status=none; "$(bin tr)" '\000' x; } < sparse | wc -c)" -eq 104857600 ]
}

# The sets' words (up to 64 bytes a set), the tables, the variables and
# the input buffer's start share a page (the input is filtered in place,
# first_fwrite only counts); i386's argv0/status are far, written only
# with a message.
@test "trivial runs: RSS at most 16 KiB" {
	printf 'a b\nc d\n' > f
	rss_at_most 16 tr a b < /dev/null
	rss_at_most 16 tr a b < f
	rss_at_most 16 tr -d a < f
	rss_at_most 16 tr -s ' ' < f
	rss_at_most 16 tr -cd a < f
	rss_at_most 16 tr -c a b < f
}

# 1 KiB inputs (issue 3: every filter on an input of up to 1 KiB in 16
# KiB), of a few long lines and of short ones, from a file and through a
# pipe; a 3000-byte input still fits.
@test "1 KiB inputs: RSS at most 16 KiB" {
	for i in 1 2 3 4 5; do seq -s ' ' $((i * 1000)) $((i * 1000 + 60)); done > lines
	head -c 1024 lines > long
	seq 1 2000 | head -c 1024 > short
	head -c 3000 lines > big
	both() {
		rss_at_most 16 tr "$@" < $k && { cat $k | rss_at_most 16 tr "$@"; }
	}
	for k in big long short; do
		both 0-9 a-j
		both -d 1
		both -s ' '
		if [ $k = big ]; then continue; fi
		both -cd '0-9\n'
		both -ds 1 ' '
		both -s 0-9 a-j
		both -c 0-9 x
		both -t 0123 ab
		both '[:lower:]' '[:upper:]'
		both -cs '[:alnum:]' '\n'
		both -d '[:space:]'
	done
}
