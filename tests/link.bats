#!/usr/bin/env bats
# link: what difftest cannot run: the user cases as a non-root user, a
# read-only file system, and the peak RSS.
load helpers

@test "the user cases as a non-root user" {
	user_cases link
}

@test "a read-only file system: GNU's message" {
	mkdir ro && touch ro/a
	ro_fs_like_gnu link "%s: cannot create link 'ro/b' to 'ro/a': Read-only file system" ro/a ro/b
}

@test "peak RSS" {
	touch a
	rss_at_most 16 link a b
}
