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
	local m="%s: changing permissions of 'ro/f': Read-only file system"
	ro_fs_fails chmod "$m" 600 ro/f f
	[ "$(stat -c %a f)" = 600 ]
	ro_fs_fails /usr/bin/chmod "$m" 600 ro/f f
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
