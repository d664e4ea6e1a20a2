#!/usr/bin/env bats
# ls and the quoting styles it does not do (issue 5, item 4): QUOTING_STYLE
# naming one fails clearly (GNU would quote with it), unless -N,
# --literal or --zero chose the literal style.
load helpers

setup() {
	T=$BATS_TEST_TMPDIR
	export LC_ALL=C TZ=UTC
	mkdir "$T/w" && cd "$T/w"
	touch "a b"
}

@test "QUOTING_STYLE with a style this ls does not do: a message, exit 2, no output" {
	local v
	for v in shell shell-always shell-escape shell-escape-always c c-maybe escape locale clocale shell-a cl e; do
		QUOTING_STYLE=$v run "$(bin ls)" -l
		[ "$status" -eq 2 ]
		[ "$output" = "$(bin ls): the quoting style '$v' of QUOTING_STYLE is not supported by this ls" ]
	done
}

@test "QUOTING_STYLE overridden by -N, --literal, --zero; literal itself: like GNU" {
	local v o
	for v in c escape literal; do
		for o in -N --literal --zero -lN; do
			QUOTING_STYLE=$v "$(bin ls)" $o > ../ours
			QUOTING_STYLE=$v /usr/bin/ls $o > ../gnus
			cmp ../gnus ../ours
		done
	done
	QUOTING_STYLE=literal "$(bin ls)" > ../ours
	QUOTING_STYLE=literal /usr/bin/ls > ../gnus
	cmp ../gnus ../ours
}
