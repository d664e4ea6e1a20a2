#!/usr/bin/env bats
# The utilities GNU gives a line-buffered stdout (wc.c and digest.c:
# setvbuf (stdout, NULL, _IOLBF, 0), "so that processes running in
# parallel do not intersperse their output"): wc, md5sum, sha1sum,
# sha256sum, cksum, sum. Each line is written as soon as it is known, in
# one write: a line shows before the next operand is read, and parallel
# runs into one pipe keep their lines whole.
load helpers

# first_line_early UTIL ARG... - UTIL ARG... f p (p a FIFO no one opens
# yet: its open blocks) shows f's line while it waits, as GNU's
first_line_early() {
	local prog got i lines=()
	printf 'a\nbc\n' > f
	for prog in "$(bin "$1")" "/usr/bin/$1"; do
		rm -f p; mkfifo p
		: > out                         # (before the job's own > out: a
		"$prog" "${@:2}" f p > out 2>/dev/null &   # cat of it may come first)
		got=
		for i in $(seq 100); do
			got=$(cat out)
			[ -z "$got" ] || break
			sleep 0.05
		done
		: > p                           # lets the open end (an empty input)
		wait
		[ -n "$got" ] || { echo "$prog ${*:2}: nothing written while it waits"; return 1; }
		lines+=("$got")
	done
	[ "${lines[0]}" = "${lines[1]}" ] || { echo "$1 ${*:2}: '${lines[0]}', GNU '${lines[1]}'"; return 1; }
}

@test "wc, md5sum, sha1sum, sha256sum, cksum, sum: a line is written before the next operand is read" {
	first_line_early wc
	first_line_early wc -l
	first_line_early md5sum
	first_line_early sha1sum --tag
	first_line_early sha256sum
	first_line_early cksum
	first_line_early sum -s
}

@test "xargs -P8 md5sum, sha256sum, wc into one pipe: every line whole" {
	local u i n
	mkdir d && cd d
	for i in $(seq 1500); do
		n=$(printf 'n%04d_%0*d' "$i" $((i % 150)) 0)
		echo "$i" > "$n"
	done
	for u in md5sum sha256sum wc; do
		ls | xargs -P8 -n 60 "$(bin "$u")" | cat > ../out
		[ "$(wc -l < ../out)" -ge 1500 ]
		run grep -cvE '^([0-9a-f]{32}|[0-9a-f]{64})  n[0-9]{4}_0*$|^ +[0-9]+ +[0-9]+ +[0-9]+ (n[0-9]{4}_0*|total)$' ../out
		[ "$output" = 0 ] || { echo "$u: $output lines torn"; return 1; }
	done
}
