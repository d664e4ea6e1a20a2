#!/usr/bin/env bats
# chmod: what difftest cannot run: the user cases as a non-root user, a
# read-only file system, a tree deeper than PATH_MAX, a closed pipe, and
# the peak RSS.
load helpers

@test "the user cases as a non-root user" {
	user_cases chmod
}

@test "a read-only file system: GNU's message, the other operand still changed" {
	mkdir ro && touch ro/f f
	on_ro_fs "$(bin chmod)" 600 ro/f f
	[ "$status" -eq 1 ]
	[ "$output" = "$(bin chmod): changing permissions of 'ro/f': Read-only file system" ]
	[ "$(stat -c %a f)" = 600 ]
	on_ro_fs /usr/bin/chmod 600 ro/f f
	[ "$output" = "/usr/bin/chmod: changing permissions of 'ro/f': Read-only file system" ]
}

@test "-R through a tree deeper than PATH_MAX, -v lines as GNU's" {
	deep_rv_like_gnu chmod 700
	[ "$(stat -c %a o/deep/$name/$name)" = 700 ]
}

@test "-v into a closed pipe is killed by SIGPIPE as GNU" {
	mkdir d
	touch d/{1..400}
	closed_pipe_kills chmod -Rv 600 d
}

@test "peak RSS" {
	touch f
	rss_at_most 16 chmod 600 f
	rss_at_most 16 chmod u+x f
	mkdir d && touch d/x
	rss_at_most 20 chmod -R 700 d   # (the walk's 4 KiB getdents buffer: one stack page more)
}
