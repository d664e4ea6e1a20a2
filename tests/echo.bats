#!/usr/bin/env bats
# echo: what difftest cannot express.
load helpers

@test "echo writes its whole output with one write" {
	command -v strace >/dev/null || skip "strace not installed"
	strace -e trace=write -o "$T/trace" "$(bin echo)" -e 'a\tb' c d >/dev/null
	[ "$(grep -c '^write(' "$T/trace")" -eq 1 ]
}

@test "echo into a full device: message and status 1" {
	run "$(bin echo)" hello
	[ "$status" -eq 0 ]
	run sh -c '"$1" hello >/dev/full' sh "$(bin echo)"
	[ "$status" -eq 1 ]
	[[ "$output" == *"echo: write error: No space left on device" ]]
}

@test "echo into a closed pipe dies by SIGPIPE, silently" {
	run bash -c '"$1" hello | (exec 0<&-; true); echo "${PIPESTATUS[0]}"' sh "$(bin echo)"
	# the reader may close before or after the write: either no error, or SIGPIPE
	[[ "$output" == 0 || "$output" == 141 ]]
}

@test "a 100 KiB argument is echoed whole" {
	s=$(head -c 102400 /dev/zero | tr '\0' x)
	"$(bin echo)" "$s" > out
	[ "$(wc -c < out)" -eq 102401 ]
}

@test "peak RSS of a trivial run: at most 16 KiB" {
	rss_at_most 16 echo hi
}
