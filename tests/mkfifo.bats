#!/usr/bin/env bats
# mkfifo: what difftest cannot run: the user cases as a non-root user, a
# read-only file system, and the peak RSS.
load helpers

# user_cases NAME - the skip-if-root cases of tests/cases/NAME.cases run
# by difftest as a non-root user (copies of the binary and harness in $T)
user_cases() {
	as_nobody
	[ ${#as[@]} -gt 0 ] || skip "not root"
	mkdir -p u/bin u/tmp && cp "$(bin "$1")" u/bin/ &&
		cp "$BATS_TEST_DIRNAME/../build/harness/difftest" "$BATS_TEST_DIRNAME/cases/$1.cases" u/
	chmod -R a+rX "$T" && chmod 1777 u/tmp
	run "${as[@]}" env DIFFTEST_ALLOW_NO_NS=1 TMPDIR="$T/u/tmp" u/difftest u/bin "u/$1.cases"
	echo "$output"
	[ "$status" -eq 0 ]
}

# on_ro_fs CMD... - CMD run inside a private mount namespace where ./ro is
# a read-only bind mount of itself (status and output as `run` gives)
on_ro_fs() {
	command -v unshare > /dev/null || skip "unshare missing"
	[ "$(id -u)" -eq 0 ] || skip "not root"
	run unshare -m sh -c 'mount --bind ro ro && mount -o remount,bind,ro ro && exec "$@"' sh "$@"
}

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
