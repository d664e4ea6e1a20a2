#!/usr/bin/env bats
# rmdir: what difftest cannot run: the user cases (and the fuzz's) as a
# non-root user, a read-only file system, and the peak RSS.
load helpers

@test "the user cases as a non-root user" {
	user_cases rmdir
}

@test "the fuzz's cases (rmdir.fuzz2.cases) as a non-root user" {
	user_cases rmdir rmdir.fuzz2.cases
	[[ $output = "9 passed, 0 failed" ]]
}

@test "a read-only file system: GNU's message; ignored when not empty" {
	mkdir -p ro/d ro/e/f
	ro_fs_like_gnu rmdir "%s: failed to remove 'ro/d': Read-only file system" ro/d
	on_ro_fs "$(bin rmdir)" --ignore-fail-on-non-empty ro/e
	[ "$status" -eq 0 ]
	[ -z "$output" ]
	on_ro_fs "$(bin rmdir)" --ignore-fail-on-non-empty ro/d
	[ "$status" -eq 1 ]
}

@test "-p of a long chain" {
	p=$(printf 'd%.0s/' $(seq 1000))
	mkdir -p "$p"
	"$(bin rmdir)" -p "$p"
	[ ! -e d ]
}

@test "-v into a closed pipe: killed by SIGPIPE at the end (after all are removed)" {
	mkdir a b
	closed_pipe_kills rmdir -v a b
	[ ! -e a ]
	[ ! -e b ]
}

@test "peak RSS" {
	mkdir a
	rss_at_most 16 rmdir a
}

@test "peak RSS of -v and of an error: 16 KiB" {
	mkdir -p a b/c
	rss_at_most 16 rmdir -v a
	rss_at_most 16 rmdir -pv b/c
	rss_error_at_most 16 rmdir nope
}

@test "100 operands and a bad one, as GNU (i386: the vDSO after 32 calls)" {
	hundred_operands_like_gnu dirs rmdir
}

@test "stdout flushed before each message: one merged stream as GNU's" {
	local ours gnu
	mkdir -p a c p/q
	ours=$("$(bin rmdir)" -v a nope c -p p/q 2>&1 | cat)
	mkdir -p a c p/q
	gnu=$(/usr/bin/rmdir -v a nope c -p p/q 2>&1 | cat)
	[ "${ours//"$(bin rmdir)"/rmdir}" = "${gnu//"/usr/bin/rmdir"/rmdir}" ]
}

@test "-v to a full disk, a line past the buffer, then errors: GNU's 'write error' without a reason (glibc empties its buffer after each failed write; nothing was left at the end)" {
	local L p ours gnu
	L=$(printf 'D%.0s' $(seq 230))
	p=$L/$L/$L/$L/$L/$L/$L/$L/$L/$L/$L/$L/$L/$L/$L/$L/$L/$L
	mkdir e
	ours=$("$(bin rmdir)" -v "$p" nosuch e 2>&1 > /dev/full) || :
	mkdir e
	gnu=$(/usr/bin/rmdir -v "$p" nosuch e 2>&1 > /dev/full) || :
	[ "${ours//"$(bin rmdir)"/rmdir}" = "${gnu//"/usr/bin/rmdir"/rmdir}" ]
	[[ $gnu = *"rmdir: write error: No space left on device" ]]
	mkdir e
	ours=$("$(bin rmdir)" -v e "$p" nosuch 2>&1 > /dev/full) || :
	mkdir e
	gnu=$(/usr/bin/rmdir -v e "$p" nosuch 2>&1 > /dev/full) || :
	[ "${ours//"$(bin rmdir)"/rmdir}" = "${gnu//"/usr/bin/rmdir"/rmdir}" ]
	[[ $gnu = *"rmdir: write error" ]]
}
