#!/usr/bin/env bats
# ls --zero and --time=birth (issue 5), what difftest cannot express: a
# terminal (--zero turns GNU's terminal defaults off: columns, '?'),
# /dev/full, peak RSS (.vsec: the sixth code part).
load helpers

setup() {
	T=$BATS_TEST_TMPDIR
	export LC_ALL=C TZ=UTC
	mkdir "$T/w" && cd "$T/w"
}

@test "--zero on a terminal: one a line, NUL line ends, bytes as they are, like GNU" {
	command -v script > /dev/null || skip "script missing"
	touch "$(printf 'a\001b')" plain "c d" e f g
	local o
	for o in --zero "--zero -C" "-C --zero" "--zero -q" "--zero -l --time-style=+%Y" "--zero --color=auto"; do
		COLUMNS=40 script -qc "$(bin ls) $o" /dev/null > ../ours
		COLUMNS=40 script -qc "/usr/bin/ls $o" /dev/null > ../gnus
		cmp ../gnus ../ours || { echo "$o"; od -c ../gnus | head; od -c ../ours | head; return 1; }
	done
}

@test "--zero, --time=birth to /dev/full: GNU's message, exit 2" {
	touch a
	local o
	for o in --zero "--time=birth -l"; do
		run sh -c '"$0" $1 > /dev/full' "$(bin ls)" "$o"
		[ "$status" -eq 2 ]
		[ "$output" = "$(bin ls): write error: No space left on device" ]
		run sh -c '"$0" $1 > /dev/full' /usr/bin/ls "$o"
		[ "$status" -eq 2 ]
		[ "$output" = "/usr/bin/ls: write error: No space left on device" ]
	done
}

@test "--time=birth: files created one after the other, newest first (ties by name), like GNU" {
	local i
	for i in 1 2 3 4 5 6 7 8; do touch "f$i"; done
	"$(bin ls)" --time=birth > ../ours
	/usr/bin/ls --time=birth > ../gnus
	cmp ../gnus ../ours
	"$(bin ls)" -t --time=creation -r --full-time > ../ours
	/usr/bin/ls -t --time=creation -r --full-time > ../gnus
	cmp ../gnus ../ours
}

@test "--zero, --time=birth: peak RSS (the long options' part, .vsec)" {
	touch a b
	rss_at_most 20 ls --zero
	rss_at_most 24 ls --zero -l
	rss_at_most 24 ls --time=birth      # a WORD: argm in .xsec
	rss_at_most 28 ls --time=birth -l
	rss_at_most 12 ls
	rss_at_most 16 ls -l
}
