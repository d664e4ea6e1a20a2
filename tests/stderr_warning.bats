#!/usr/bin/env bats
# A warning (a message with the status kept at 0) that cannot be written:
# stderr on /dev/full or closed. GNU's close_stdout ends with
# close_stream (stderr), which fails after the failed fprintf, and exits
# with exit_failure (1). Ours: the same status, the work still done.
# Found by a fuzz (rm's prompts, pwd's operands), then checked across the
# utilities that warn (not done, in the README: cp's and mv's "specified
# more than once", tail's --retry and --pid warnings).
load helpers

# warn_like_gnu UTIL ARG... - ours and GNU's status with stderr /dev/full,
# then closed, in fresh directories with a file f and a directory d
warn_like_gnu() {
	local e o g
	for e in '2>/dev/full' '2>&-'; do
		rm -rf w1 w2; mkdir -p w1/d w2/d; touch w1/f w2/f
		o=$(cd w1 && sh -c "\"\$@\" $e </dev/null >/dev/null; echo \$?" sh "$(bin "$1")" "${@:2}")
		g=$(cd w2 && sh -c "\"\$@\" $e </dev/null >/dev/null; echo \$?" sh "/usr/bin/$1" "${@:2}")
		[ "$o" = "$g" ] || { echo "$* $e: ours $o, GNU $g"; return 1; }
		[ "$g" = 1 ] || { echo "$* $e: GNU $g (expected 1)"; return 1; }
	done
}

@test "pwd's operands, du's --inodes, od's width: status 1, as GNU's" {
	warn_like_gnu pwd extra
	warn_like_gnu du --apparent-size -s --inodes f
	warn_like_gnu od -w3 -An /dev/null
}

@test "chown's old U.G form: status 1 and the change made, as GNU's" {
	warn_like_gnu chown 0.0 f
}

@test "ln -r's relpath warning: status 1, the link made, as GNU's" {
	deep_ff_links
	run sh -c '"$1" -rs b/ff n1 2>/dev/full; echo $?' sh "$(bin ln)"
	[ "$output" = 1 ] && [ "$(readlink n1)" = b/ff ]
	run sh -c '/usr/bin/ln -rs b/ff n2 2>/dev/full; echo $?'
	[ "$output" = 1 ] && [ "$(readlink n2)" = b/ff ]
}

@test "a run with nothing to warn about keeps 0 with stderr on /dev/full" {
	for u in "du -s ." "od /dev/null" "pwd" "ln -s f l"; do
		run sh -c "$SUBK_BIN/$u 2>/dev/full >/dev/null; echo \$?"
		[ "$output" = 0 ]
	done
}
