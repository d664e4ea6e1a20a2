#!/usr/bin/env bats
# link: what difftest cannot run: the user cases as a non-root user, a
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
