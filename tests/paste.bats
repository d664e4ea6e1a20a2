#!/usr/bin/env bats
# paste: what difftest cannot express: a 100 MiB line, SIGPIPE, /dev/full,
# an unreadable file as a non-root user, binary input, and stdin shared by
# several "-" through a slow pipe.
load helpers

# same ARGS... - our paste and GNU's on the input "in" give the same bytes
# and status
same() { compare_with_gnu paste "$@"; }

@test "a 100 MiB line, in little memory" {
	{ head -c 104857600 /dev/zero | tr '\0' 'a'; printf '\nb\n'; } > in
	printf '1\n2\n3\n' > f
	same f in f
	same -s -d, in f
	rss_at_most 1024 paste f in f
}

@test "binary input with NUL bytes, every byte value" {
	head -c 300000 /dev/urandom > in
	head -c 200000 /dev/urandom > r
	same in r - r
	same -s -d 'ab\0' r in
	same -z r - r
}

@test "no final newline, empty input" {
	printf 'a\nb' > in
	same - -
	same -s
	: > in
	same
	same -s - -
}

@test "stdin shared by several -, read as it comes through a slow pipe" {
	run bash -c '{ printf "1\n2"; sleep 0.2; printf "\n3\n"; sleep 0.2; printf "4\n5"; } | "$1" - - -d,' sh "$(bin paste)"
	[ "$output" = "$(printf '1,2\n3,4\n5,')" ]
}

@test "SIGPIPE: killed by the signal, silently, like GNU" {
	seq 1 1000000 > big
	sigpipe_silent paste '-n 1' '1\t1\n' big big
	# GNU's stdio fails at its 4096-byte buffer's flush (its message), then
	# close_stdout sees the error flag: a bare "write error" after it
	sigpipe_ignored_fails paste 'write error: Broken pipe\n%s: write error' -s big
}

@test "/dev/full: GNU's messages, status 1" {
	seq 1 100000 > big
	local p; p=$(prog paste)
	for o in '' -s; do
		run sh -c '"$@" > /dev/full' sh "$p" $o big
		[ "$status" -eq 1 ]
		[ "$output" = "$(say '%s: write error: No space left on device\n%s: write error' "$p")" ]
	done
	# at most 4096 bytes: one message, at close_stdout
	seq 1 1000 > small
	dev_full_fails paste small
}

@test "unreadable file as a non-root user: Permission denied" {
	echo open > free
	lock_file
	# serial: reported, the others pasted
	unreadable_like_gnu paste 'open\n%s: locked: Permission denied\nopen' -s free locked free
	# parallel: GNU stops at once
	unreadable_like_gnu paste '%s: locked: Permission denied' free locked free
}

# The variables start a BSS page, the output buffer follows them; serial
# reads into the output buffer itself (i386's argv0/status beside the
# variables). Parallel: the records (each with room for its first read,
# sized so that they and delbuf fill one heap page: ~1.9 KiB each for two
# operands) and delbuf are one heap page for a few operands, the 16 KiB
# read buffers after them untouched by short files. long_opt's ambp
# (written by a long option) is among the variables.
@test "trivial runs: RSS at most 16 KiB" {
	printf 'a b\nc d\n' > f
	printf 'e f\n' > f2
	rss_at_most 16 paste < /dev/null
	rss_at_most 16 paste < f
	rss_at_most 16 paste f
	rss_at_most 16 paste -s f
	rss_at_most 16 paste -s -d, < f
	rss_at_most 16 paste f f2
	rss_at_most 16 paste -d, f2 f
	rss_at_most 16 paste - f2 < f
	rss_at_most 16 paste f f2 f f2 f f2
	rss_at_most 16 paste --delimiters=, f f2
	rss_at_most 16 paste --serial f
}

# 1 KiB inputs (issue 3: every filter on an input of up to 1 KiB in 16
# KiB), of a few long lines and of short ones, from files and through
# pipes.
@test "1 KiB inputs: RSS at most 16 KiB, the same bytes as GNU" {
	for i in 1 2 3 4 5; do seq -s ' ' $((i * 1000)) $((i * 1000 + 60)); done > lines
	head -c 1024 lines > long
	tail -c 1024 lines > long2
	seq 1 2000 | head -c 1024 > short
	seq 3000 5000 | head -c 1024 > short2
	for k in long short; do
		cp $k in
		same $k ${k}2
		same -s -d ,: $k ${k}2
		same - ${k}2
		rss_at_most 16 paste $k ${k}2
		rss_at_most 16 paste -d , $k ${k}2
		rss_at_most 16 paste -z $k ${k}2
		rss_at_most 16 paste --delimiters=,: $k ${k}2
		rss_at_most 16 paste $k
		rss_at_most 16 paste -s $k
		rss_at_most 16 paste -s -d ,: $k ${k}2
		rss_at_most 16 paste --serial --zero-terminated $k
		rss_at_most 16 paste - ${k}2 < $k
		rss_at_most 16 paste -s < $k
		rss_at_most 16 paste - - < $k
		cat $k | rss_at_most 16 paste - ${k}2
		cat $k | rss_at_most 16 paste -s
		cat $k | rss_at_most 16 paste -s -d , - ${k}2
		cat $k | rss_at_most 16 paste - - -
	done
}

@test "100 operands and a bad one, as GNU (i386: the vDSO after 32 calls)" {
	hundred_operands_like_gnu files paste
}
