#!/usr/bin/env bats
# mkfifo: what difftest cannot run: the user cases as a non-root user, a
# read-only file system, and the peak RSS.
load helpers

@test "the user cases as a non-root user" {
	user_cases mkfifo
}

@test "a read-only file system: GNU's message, the other operand still made" {
	mkdir ro
	local m="%s: cannot create fifo 'ro/f': Read-only file system"
	ro_fs_fails mkfifo "$m" ro/f f
	[ -p f ]
	rm f
	ro_fs_fails /usr/bin/mkfifo "$m" ro/f f
}

@test "peak RSS" {
	rss_at_most 16 mkfifo f
	rss_at_most 16 mkfifo -m 600 g
}

@test "100 operands and a bad one, as GNU (i386: the vDSO after 32 calls)" {
	hundred_operands_like_gnu new mkfifo
}
