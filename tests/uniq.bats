#!/usr/bin/env bats
# uniq: what difftest cannot express: a 100 MiB line (the buffer grows),
# binary input compared with GNU by cmp, a huge group kept in little
# memory, SIGPIPE, an unreadable file as a non-root user, and the long
# options that are not supported.
load helpers

# same_as_gnu ARGS... - our output and status on ./in equal GNU's
same_as_gnu() { compare_with_gnu uniq "$@"; }

@test "a 100 MiB line, twice, then another: the buffer grows" {
	head -c 104857600 /dev/zero | tr '\0' x > line
	{ cat line; echo; cat line; echo; cat line; echo y; } > in
	same_as_gnu -c
	[ "$(wc -c < ours)" -eq $((104857600 * 2 + 19)) ]
	same_as_gnu -D
	same_as_gnu -u -w 104857600
}

@test "a 100 MiB last line without a newline" {
	{ echo a; head -c 104857600 /dev/zero | tr '\0' y; } > in
	same_as_gnu
	same_as_gnu -c
}

@test "binary input with NUL bytes, with and without -z" {
	head -c 300000 /dev/urandom > r
	{ cat r r; printf '\0\0\n\0\0\n'; cat r; } > in
	same_as_gnu -c
	same_as_gnu -z -c
	same_as_gnu -z -D -i
	same_as_gnu -d -f 3 -s 2
}

@test "empty input, a last line without newline, a single NUL" {
	: > in
	same_as_gnu -c
	[ ! -s ours ]
	printf 'a\na' > in
	same_as_gnu -c
	printf '\0' > in
	same_as_gnu
	same_as_gnu -z
}

@test "a group of 3 million lines needs no more memory than one" {
	yes 'the same line' | head -n 3000000 > in
	echo other >> in
	same_as_gnu -c
	rss_at_most 1024 uniq -c in
}

@test "SIGPIPE: uniq big | head -n1 ends by the signal, silently" {
	seq 1 2000000 > big
	sigpipe_silent uniq '-n 1' '1\n' big
	sigpipe_silent /usr/bin/uniq '-n 1' '1\n' big
}

@test "SIGPIPE ignored: write error: Broken pipe, status 1, as GNU" {
	seq 1 2000000 > big
	sigpipe_ignored_fails uniq 'write error: Broken pipe' big
}

@test "/dev/full: GNU's message, status 1" {
	seq 1 100000 > big
	dev_full_fails uniq big
	sh_fails 1 uniq 'write error: No space left on device' '"$1" -c big /dev/full'
}

@test "unreadable input as a non-root user: Permission denied, status 1" {
	lock_file
	unreadable_like_gnu uniq '%s: locked: Permission denied' locked
}

@test "a directory operand: GNU's 'error reading', status 1, output file made" {
	mkdir d
	sh_fails 1 uniq "error reading 'd'" '"$1" d out'
	[ -f out ] && [ ! -s out ]
}

@test "--help and --version (and their prefixes): unrecognized, status 1" {
	for o in --help --version --h --he --v --ver; do
		sh_fails 1 uniq "unrecognized option '$o'
Try '$(bin uniq) --help' for more information." '"$1" '"$o"' < /dev/null'
	done
}

# The long options live in a cold code page (elf.inc's COLD_PAGE): a run
# that uses one maps that page too (20 KiB), a run without none (16).
@test "long options: RSS at most 20 KiB (their cold page)" {
	printf 'a b\nc d\nc d\n' > f
	rss_at_most 20 uniq --count --ignore-case f
	rss_at_most 20 uniq --group=both < f
	rss_at_most 20 uniq --all-repeated=separate --skip-fields=1 f
}

# A page of the BSS starts with the variables (i386's argv0 and status
# beside them) and outbuf's first 3.8 KiB; the input buffer's first page
# is at the brk heap.
@test "trivial runs: RSS at most 16 KiB" {
	printf 'a b\nc d\n' > f
	rss_at_most 16 uniq < /dev/null
	rss_at_most 16 uniq < f
	rss_at_most 16 uniq f
	rss_at_most 16 uniq -c < f
	rss_at_most 16 uniq -d < f
	rss_at_most 16 uniq -u -i < f
	rss_at_most 16 uniq +1 f		# (_POSIX2_VERSION looked for first)
}

# A 1 KiB input: its output (-c: 3.2 KiB for short lines) stays on the
# variables' page, the input on the heap's first page.
@test "a 1 KiB input of long or short lines: RSS at most 16 KiB, from a file and a pipe" {
	for i in 1 2 3 4 5 6 7 8; do printf '%0127d\n' $((i / 3)); done > long
	seq 1 2000 | head -c 1024 > short
	seq 1 600 | awk '{ print int($1 / 3) }' | head -c 1024 > dups
	[ "$(wc -c < long)" -eq 1024 ]
	[ "$(wc -c < short)" -eq 1024 ]
	for f in long short dups; do
		for o in '' -c -d -u -D -i -z '-f 1 -s 1 -w 2'; do
			rss_at_most 16 uniq $o $f || return 1
			rss_at_most 16 uniq $o < $f || return 1
			cat $f | rss_at_most 16 uniq $o || return 1
		done
	done
}

@test "a line of 256 MB through a pipe, twice: no copy of it onto itself at each read (was hours for 1 GB)" {
	mem_gib 2
	run bash -c '(head -c 268435456 /dev/zero; printf "\n"; head -c 268435456 /dev/zero; printf "\nb") | timeout 120 "$1" -c | md5sum' sh "$(bin uniq)"
	[ "$output" = "$( (head -c 268435456 /dev/zero; printf "\n"; head -c 268435456 /dev/zero; printf "\nb") | /usr/bin/uniq -c | md5sum)" ]
}

@test "stdout a terminal: each line shows as the input brings it, as GNU's (tail -f log | uniq); a pipe: at the end" {
	feed='a\n|a\n|b\n|c\n|c\n|d\n'
	want='a\n||b\n|c\n||d\n|'
	on_tty tty uniq
	on_tty tty uniq -w1 -f0 -s0
	on_tty pipe uniq
	want='|a\n|a\n||c\n|c\n|'
	on_tty tty uniq -D
	on_tty pipe uniq -D
	want='||      2 a\n|      1 b\n||      2 c\n|      1 d\n'
	on_tty tty uniq -c
	want='||a\n|||c\n|'
	on_tty tty uniq -d
	want='|||b\n|||d\n'
	on_tty tty uniq -u
	want='a\n|a\n|\nb\n|\nc\n|c\n|\nd\n|'
	on_tty tty uniq --group
	on_tty pipe uniq --group
	want='a\n|a\n|\nb\n|\nc\n|c\n|\nd\n|\n'
	on_tty tty uniq --group=append
	want='|a\n|a\n||\nc\n|c\n|'
	on_tty tty uniq --all-repeated=separate
}

@test "stdout closed, a last line of 4 KiB or more: GNU's 'write error: Bad file descriptor' (close_stream's close fails), from a file and a pipe; /dev/full's bare" {
	local f o ours gnu
	head -c 5000 /dev/zero | tr '\0' a > long
	echo >> long
	printf 'x\ny\n' > short
	for f in long short; do
		for o in "" -c -u "-D" "$f out"; do
			ours=$("$(bin uniq)" $f $o 2>&1 >&-) || :
			gnu=$(/usr/bin/uniq $f $o 2>&1 >&-) || :
			[ "${ours//"$(bin uniq)"/uniq}" = "${gnu//"/usr/bin/uniq"/uniq}" ]
			ours=$("$(bin uniq)" $o < $f 2>&1 >&-) || :
			gnu=$(/usr/bin/uniq $o < $f 2>&1 >&-) || :
			[ "${ours//"$(bin uniq)"/uniq}" = "${gnu//"/usr/bin/uniq"/uniq}" ]
			ours=$("$(bin uniq)" $f $o 2>&1 > /dev/full) || :
			gnu=$(/usr/bin/uniq $f $o 2>&1 > /dev/full) || :
			[ "${ours//"$(bin uniq)"/uniq}" = "${gnu//"/usr/bin/uniq"/uniq}" ]
		done
	done
}

@test "stdout closed, an OUTPUT that cannot be opened: GNU's freopen's 'Bad file descriptor', whatever the reason; with stdout open the open's own" {
	local c ours gnu
	printf 'a\na\nb\n' > f
	mkdir dir
	for c in "f dir" "- dir" "f nodir/x"; do
		ours=$("$(bin uniq)" $c < f 2>&1 >&-) || :
		gnu=$(/usr/bin/uniq $c < f 2>&1 >&-) || :
		[ "${ours//"$(bin uniq)"/uniq}" = "${gnu//"/usr/bin/uniq"/uniq}" ]
		ours=$("$(bin uniq)" $c < f 2>&1 > /dev/null) || :
		gnu=$(/usr/bin/uniq $c < f 2>&1 > /dev/null) || :
		[ "${ours//"$(bin uniq)"/uniq}" = "${gnu//"/usr/bin/uniq"/uniq}" ]
	done
}
