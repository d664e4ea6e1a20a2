#!/usr/bin/env bats
# unlink: what difftest cannot run: the user cases as a non-root user, a
# read-only file system, and the peak RSS.
load helpers

@test "the user cases as a non-root user" {
	user_cases unlink
}

@test "a read-only file system: GNU's message" {
	mkdir ro && touch ro/a
	ro_fs_like_gnu unlink "%s: cannot unlink 'ro/a': Read-only file system" ro/a
}

@test "peak RSS" {
	touch a
	rss_at_most 16 unlink a
}
