#!/usr/bin/env bats
# link: what difftest cannot run: the user cases as a non-root user, a
# read-only file system, and the peak RSS.
load helpers

@test "the user cases as a non-root user" {
	user_cases link
}

@test "a read-only file system: GNU's message" {
	mkdir ro && touch ro/a
	on_ro_fs "$(bin link)" ro/a ro/b
	[ "$status" -eq 1 ]
	[ "$output" = "$(bin link): cannot create link 'ro/b' to 'ro/a': Read-only file system" ]
	on_ro_fs /usr/bin/link ro/a ro/b
	[ "$output" = "/usr/bin/link: cannot create link 'ro/b' to 'ro/a': Read-only file system" ]
}

@test "peak RSS" {
	touch a
	rss_at_most 16 link a b
}
