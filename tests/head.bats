#!/usr/bin/env bats
# head: what difftest cannot see: a 100 MiB line, the file offset left
# after -n N, SIGPIPE, an unreadable file as a non-root user, a file over
# 4 GiB, memory use, --help and --version refused.
load helpers

@test "a 100 MiB line: -n 1, -c, -n -1, -c -N, the same bytes as GNU" {
	{ head -c 104857600 /dev/zero | tr '\0' x; printf '\nend\n'; } > big
	"$(bin head)" -n 1 big > out
	/usr/bin/head -n 1 big > exp
	cmp exp out
	"$(bin head)" -n -1 < big > out
	cmp exp out
	"$(bin head)" -c 104857599 big | cmp - <(/usr/bin/head -c 104857599 big)
	/usr/bin/cat big | "$(bin head)" -c -3 | cmp - <(/usr/bin/head -c -3 big)
	/usr/bin/cat big | "$(bin head)" -n -2 | cmp - <(/usr/bin/head -n -2 big)
}

@test "NUL bytes and a last line without a newline" {
	printf 'a\0b\nc\0\nd\0' > f
	for a in "-n 1" "-n 2" "-n 3" "-n -1" "-c 3" "-c -2" "-z -n 1" "-z -n -1"; do
		"$(bin head)" $a f > out
		/usr/bin/head $a f > exp
		cmp exp out
	done
}

@test "-n N leaves the offset just after the last line (as GNU)" {
	seq 1 100000 > f
	{ "$(bin head)" -n 2 > /dev/null; /usr/bin/head -n 1; } < f > out
	[ "$(cat out)" = 3 ]
	{ "$(bin head)" -c 3 > /dev/null; /usr/bin/head -n 1; } < f > out
	[ "$(cat out)" = "" ]
}

@test "-n -N of a regular file reads back from the end as GNU: the offset after what it wrote, the same bytes from any offset" {
	seq 1 100000 > f
	{ seq 1 3000; printf 'no end'; } > g
	head -c 10000 /dev/urandom > r
	local file skip n ours gnu
	for file in f g r; do
		for skip in 0 1 8192 8193 300000 588889 588890 700000; do
			for n in 1 2 1000 2999 3000 3001 99999 100000 100001; do
				ours=$( { /usr/bin/head -c "$skip" > /dev/null; "$(bin head)" -n "-$n"; echo "rc=$?"; /usr/bin/cat; } < "$file" | md5sum)
				gnu=$( { /usr/bin/head -c "$skip" > /dev/null; /usr/bin/head -n "-$n"; echo "rc=$?"; /usr/bin/cat; } < "$file" | md5sum)
				[ "$ours" = "$gnu" ] || { echo "$file skip $skip -n -$n"; false; }
			done
		done
	done
	# -z, and -v with several files: the headers between
	"$(bin head)" -z -n -5 r | cmp - <(/usr/bin/head -z -n -5 r)
	"$(bin head)" -v -n -7 f g r f | cmp - <(/usr/bin/head -v -n -7 f g r f)
}

@test "all but the last N of a file not bigger than its block (read as a pipe's): the offset put back after what was written, as GNU's desired_pos; ---presume-input-pipe leaves it at the end" {
	printf 'a\nb\nc\nd' > s
	seq 1 100000 > f
	local file opt n ours gnu
	for file in s f; do
		for opt in -n -c ---presume-input-pipe\ -n ---presume-input-pipe\ -c -z\ -n; do
			for n in 0 1 2 3 4 5 100; do
				ours=$( { /usr/bin/head -c 1 > /dev/null; "$(bin head)" $opt "-$n"; echo "rc=$?"; /usr/bin/cat; } < "$file" | md5sum)
				gnu=$( { /usr/bin/head -c 1 > /dev/null; /usr/bin/head $opt "-$n"; echo "rc=$?"; /usr/bin/cat; } < "$file" | md5sum)
				[ "$ours" = "$gnu" ] || { echo "$file $opt -$n"; false; }
			done
		done
	done
}

@test "-n -N of a 2 GiB sparse file whose first line is 2 GiB long: nothing held in memory (was a 2 GiB window)" {
	truncate -s 2G big
	printf 'a\nb\n' >> big
	run bash -c 'ulimit -v 40000; "$1" -n -1 big | wc -c; echo "${PIPESTATUS[0]}"' sh "$(bin head)"
	[ "$output" = "$(printf '2147483650\n0')" ]
	run bash -c 'ulimit -v 40000; "$1" -n -2 big | wc -c; echo "${PIPESTATUS[0]}"' sh "$(bin head)"
	[ "$output" = "$(printf '0\n0')" ]
	rm big
}

@test "SIGPIPE: killed silently like GNU" {
	yes | sigpipe_silent head '-c 1' y -n 100000000
	yes | sigpipe_silent head '-c 1' y -n -1
}

@test "SIGPIPE ignored: GNU's message, status 1" {
	yes 2>/dev/null | sigpipe_ignored_fails head "error writing 'standard output': Broken pipe" -c 10000000
}

@test "unreadable file as a non-root user: GNU's message, the others done" {
	echo open > free
	lock_file
	for h in head /usr/bin/head; do
		unreadable_split_fails $h '==> free <==\nopen\n\n==> free <==\nopen' \
			"%s: cannot open 'locked' for reading: Permission denied" free locked free
	done
}

@test "a sparse file over 4 GiB: -c with 64-bit counts, -n through it" {
	shm_sparse 4831838208
	printf 'tail\n' >> "$sparse"
	[ "$("$(bin head)" -c 4831838210 "$sparse" | wc -c)" -eq 4831838210 ]
	[ "$("$(bin head)" -c -4831838200 "$sparse" | wc -c)" -eq 13 ]
	[ "$("$(bin head)" -c 5G "$sparse" | tail -c 5)" = tail ]
}

# (Speed is for make bench; here the system calls show the work is constant.)
@test "-n 10 of a 1 GiB file: one read, small RSS" {
	truncate -s 1G huge
	seq 1 20 | dd of=huge conv=notrunc status=none
	"$(bin head)" -n 10 huge > out
	[ "$(cat out)" = "$(seq 1 10)" ]
	rss_at_most 200 head -n 10 huge
	command -v strace > /dev/null || skip "strace missing"
	strace -o log -e trace=read "$(bin head)" -n 10 huge > /dev/null
	[ "$(grep -c '^read(' log)" -le 2 ]
}

# The variables, st, ht_window's first window (wbuf) and obuf's start share
# one BSS page (BSS_ROOM), i386's argv0/status with them: "all but the last
# N" of a short input writes no brk page.
@test "trivial runs: RSS at most 16 KiB" {
	printf 'a b\nc d\n' > f
	rss_at_most 16 head < /dev/null
	rss_at_most 16 head < f
	rss_at_most 16 head f
	rss_at_most 16 head -n 1 f f
	rss_at_most 16 head -c 3 < f
	rss_at_most 16 head -n -1 < /dev/null
	rss_at_most 16 head -n -1 < f
	rss_at_most 16 head -c -1 f
	rss_at_most 16 head -n -2 f f
	# 1 KiB of input (wbuf, the first window, is 1280 bytes): long and short lines
	head -c 1024 "$BATS_TEST_DIRNAME/../README.md" > k
	seq 1 300 | head -c 1024 > s
	for i in k s; do
		rss_at_most 16 head -n -2 $i
		rss_at_most 16 head -c -5 < $i
		cat $i | rss_at_most 16 head -n -2
	done
}

@test "--help and --version: GNU's unrecognized option (see README)" {
	option_unrecognized 1 head --help --version
}

@test "long options: --lines=1 leaves the offset after line 1, 16 KiB runs" {
	printf '1\n2\n3\n' > f
	[ "$( { "$(bin head)" --lines=1; cat; } < f)" = "$(printf '1\n2\n3')" ]
	rss_at_most 16 head --lines=1 --verbose < f
	rss_at_most 16 head --bytes=-1 --quiet f
}

@test "100 files and a missing one among them, as GNU (i386: the vDSO after 32 calls)" {
	local opt
	for opt in -n1 -c5 -n-1 -q; do
		rm -rf ours gnu
		hundred_operands_like_gnu files head $opt
	done
}

@test "stdout flushed before each message: one merged stream as GNU's" {
	printf 'a\tb\n' > f1
	printf 'x\ny\n' > f2
	merged_like_gnu head f1 nope f1
	merged_like_gnu head -c1 f1 nope f2
	merged_like_gnu head -n1 f2 nope f1 nope
}

@test "-n on a pipe reads 8 KiB at a time as GNU's head_lines: the second '-' and a reader after it get the same bytes" {
	seq 3000 > f
	local B out
	for B in "$(bin head)" /usr/bin/head; do
		{ sleep 0.3; "$B" -q -n1 - -; wc -c; } < <(cat f) > "out.$([ "$B" = /usr/bin/head ] && echo g || echo o)"
	done
	cmp out.o out.g                 # (the sleep: all of f in the pipe first)
}

@test "i386: all but the last line of a 2 GiB pipe (head -n -1): written whole" {
	[ "$(arch)" = i386 ] || skip "the 2 GiB limits are i386's"
	mem_gib 6
	# was: nothing written, status 0, once 2 GiB had to be held
	run bash -c '(head -c 2147483648 /dev/zero; printf "\nb\n") | "$1" -n -1 | wc -c; echo "${PIPESTATUS[1]}"' sh "$(bin head)"
	[ "$output" = "$(printf '2147483649\n0')" ]
}

@test "i386: past the 3.75 GiB window (head -n -1 of a 3.75 GiB line from a pipe): 'memory exhausted' (README), no SIGSEGV" {
	[ "$(arch)" = i386 ] || skip "the window's limit is i386's"
	mem_gib 6
	# 0xf0000000 bytes, no newline, from a pipe (a regular file is read
	# backwards, as GNU, with nothing held). was: killed by SIGSEGV (say
	# measured a 0 ARG)
	run bash -c '/usr/bin/head -c 4026531840 /dev/zero | "$1" -n -1' sh "$(bin head)"
	[ "$status" -eq 1 ]
	[ "$output" = "$(bin head): memory exhausted" ]
}

@test "on a terminal what is read shows at once (GNU's line-buffered stdout), to a pipe only at the end (4 KiB stdio), as GNU's" {
	# stdin a pipe fed one line and held open; was: nothing shown on a
	# terminal until the input ended
	printf 'x\ny\n' > f
	mkfifo p
	early_like_gnu tty head
	early_like_gnu tty head -n 5
	early_like_gnu tty head -c 100
	early_like_gnu tty head -c 3
	early_like_gnu tty head -v -n -1        # the header
	early_like_gnu tty head f p             # f's lines while p's open waits
	early_like_gnu tty head -n 1 f - f
	early_like_gnu pipe head
	early_like_gnu pipe head -c 100
	early_like_gnu pipe head f p
}

# With stdin closed the first file opened gets fd 0: GNU closes it after
# its part, so a later "-" fails (EBADF, and "-: Bad file descriptor" at
# the end). Ours kept it open (fd 0 taken for stdin) and read it again as
# "-": nothing, status 0.
@test "stdin closed: a file on fd 0 is closed after its part, '-' then fails as GNU's" {
	printf 'a\nb\n' > f
	local c o g
	for c in "f -" "-n1 - f" "- nosuch f" "-c1 f - f"; do
		o=$(sh -c "\"\$0\" $c <&- 2>&1; echo \"status \$?\"" "$(bin head)" | sed "s#$(bin head)#head#g")
		g=$(sh -c "\"\$0\" $c <&- 2>&1; echo \"status \$?\"" /usr/bin/head | sed "s#/usr/bin/head#head#g")
		[ "$o" = "$g" ] || { printf 'head %s\nours: %s\nGNU:  %s\n' "$c" "$o" "$g"; return 1; }
	done
}
