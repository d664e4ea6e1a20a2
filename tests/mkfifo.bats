#!/usr/bin/env bats
# mkfifo: what difftest cannot run: the user cases as a non-root user, a
# read-only file system, and the peak RSS.
load helpers

@test "the user cases as a non-root user" {
	user_cases mkfifo
}

@test "a read-only file system: GNU's message, the other operand still made" {
	mkdir ro
	on_ro_fs "$(bin mkfifo)" ro/f f
	[ "$status" -eq 1 ]
	[ "$output" = "$(bin mkfifo): cannot create fifo 'ro/f': Read-only file system" ]
	[ -p f ]
	rm f
	on_ro_fs /usr/bin/mkfifo ro/f f
	[ "$output" = "/usr/bin/mkfifo: cannot create fifo 'ro/f': Read-only file system" ]
}

@test "peak RSS" {
	rss_at_most 16 mkfifo f
	rss_at_most 16 mkfifo -m 600 g
}
