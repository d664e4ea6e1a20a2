#!/usr/bin/env bats
# comm: what difftest cannot express: long lines (100 MiB) and big random
# inputs compared with GNU by cmp, NUL bytes, GNU's stdout-before-stderr
# order of the warnings, SIGPIPE, /dev/full, an unreadable file as a
# non-root user, and the long options that are not supported.
load helpers

# same_as_gnu ARGS... - our stdout+stderr and status equal GNU's, both run
# as "comm" (argv[0], the name in the messages: no sed over 300 MB after)
same_as_gnu() {
	s1=0 s2=0
	(exec -a comm "$(bin comm)" "$@") > ours 2>&1 || s1=$?
	(exec -a comm /usr/bin/comm "$@") > gnu 2>&1 || s2=$?
	[ "$s1" -eq "$s2" ] && cmp gnu ours || { echo "status $s1 $s2"; diff gnu ours | head -5; false; }
}

@test "100 MiB lines in both files, and a last one without newline" {
	head -c 104857600 /dev/zero | tr '\0' x > big
	{ echo a; cat big; echo; echo z; } > f1
	{ cat big; echo; cat big; } > f2
	same_as_gnu f1 f2
	same_as_gnu -3 f1 f2
}

@test "random binary lines with NULs, sorted and not" {
	head -c 2000000 /dev/urandom | tr '\0-\377' 'ab\000\n' > r
	LC_ALL=C sort r > s1
	head -n 30000 r | LC_ALL=C sort > s2
	same_as_gnu s1 s2
	same_as_gnu -z s1 s2
	same_as_gnu r s2
	same_as_gnu --check-order s1 r
	same_as_gnu -12 --output-delimiter= r s1
}

@test "the warnings come after the lines printed before them, as GNU's" {
	printf 'a\nz\nb\n' > f1
	printf 'c\nz\nb\n' > f2
	same_as_gnu f1 f2
	same_as_gnu --check-order f1 f2
}

@test "SIGPIPE: comm big | head -n1 ends by the signal, silently" {
	seq 1 2000000 | LC_ALL=C sort > f1
	: > f2
	sigpipe_silent comm '-n 1' '1\n' f1 f2
}

@test "/dev/full: GNU's message, status 1" {
	seq 1 100000 | LC_ALL=C sort > f1
	dev_full_fails comm f1 f1
}

@test "unreadable file as a non-root user: GNU's message, status 1" {
	echo a > free
	lock_file
	unreadable_like_gnu comm '%s: locked: Permission denied' free locked
}

@test "long options other than the five: unrecognized" {
	: > e
	for o in --help --version; do
		run "$(bin comm)" "$o" e e
		[ "$status" -eq 1 ]
		[ "$output" = "$(printf "%s: unrecognized option '%s'\nTry '%s --help' for more information." "$(bin comm)" "$o" "$(bin comm)")" ]
	done
}

# Each reader's first read is small, into room beside it on the variables'
# page (with the output buffer's start); the lines' arena is one brk page.
@test "trivial runs: RSS at most 16 KiB" {
	printf 'a b\nc d\n' > f
	printf 'a b\nc e\n' > g
	rss_at_most 16 comm /dev/null /dev/null
	rss_at_most 16 comm f g
	rss_at_most 16 comm -12 f g
	rss_at_most 16 comm --total f g
	rss_at_most 16 comm - g < f
}

@test "stdout a terminal: each line shows as the input brings it, as GNU's (comm - FILE on a pipe); a pipe: at the end" {
	printf 'b\nc\nz\n' > f
	feed='a\n|a\n|b\n|c\n|c\n|d\n'
	want='a\n|a\n|\t\tb\n|\t\tc\n|c\n|d\n|\tz\n'
	on_tty tty comm - f
	on_tty pipe comm - f
	want='\ta\n|\ta\n|\t\tb\n|\t\tc\n|\tc\n|\td\n|z\n'
	on_tty tty comm f -
	want='a\n|a\n|||c\n|d\n|'
	on_tty tty comm -1 -3 f -
	want='a\n|a\n|||c\n|d\n|\tz\n'
	on_tty tty comm -3 --nocheck-order - f
	want='a\n|a\n|::::b\n|::::c\n|c\n|d\n|::z\n4::1::2::total\n'
	on_tty tty comm --output-delimiter=:: --total - f
	want='a\n|a\n|b\n|c\n|c\n|d\n|'
	on_tty tty comm - /dev/null
	on_tty pipe comm - /dev/null
}

@test "stdin closed: FILE opened above fd 2, so '-' finds stdin closed, as GNU's fopen_safer" {
	printf 'a\nb\n' > f
	for args in "f -" "- f" "f f"; do
		o=$("$(bin comm)" $args <&- 2>&1; echo "status $?")
		g=$(comm $args <&- 2>&1; echo "status $?")
		[ "${o//$(bin comm)/comm}" = "$g" ] || { printf '%s\nours: %s\nGNU:  %s\n' "$args" "$o" "$g"; return 1; }
	done
}

@test "a failing stdout (full, closed) with long or short lines, order errors between: GNU's 'write error' with or without its reason (glibc's 4 KiB buffer, error()'s flush, close_stream)" {
	local args red b r s ours gnu
	printf 'a\nb\n' > s1
	printf 'b\nc\n' > s2
	printf 'b\na\n' > u1
	head -c 5000 /dev/zero | tr '\0' a > l1
	echo >> l1
	head -c 5000 /dev/zero | tr '\0' b > l2
	echo >> l2
	cat s1 l1 > m1
	for args in "s1 s2" "l1 l2" "s1 l2" "l1 s2" "u1 s2" "--total s1 s2" "--total l1 l2" \
		"-3 l1 l2" "u1 l2" "s2 u1" "--check-order u1 s2" "l2 s1" "m1 s2" "-12 m1 m1"; do
		for red in full closed; do
			for b in "$(bin comm)" /usr/bin/comm; do
				if [ $red = full ]; then
					r=$("$b" $args 2>&1 > /dev/full) && s=0 || s=$?
				else
					r=$("$b" $args 2>&1 >&-) && s=0 || s=$?
				fi
				r="$s ${r//"$b"/comm}"
				[ "$b" = /usr/bin/comm ] && gnu=$r || ours=$r
			done
			[ "$ours" = "$gnu" ] || { echo "comm $args ($red): ours [$ours] GNU [$gnu]"; return 1; }
		done
	done
}
