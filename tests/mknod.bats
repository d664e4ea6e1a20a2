#!/usr/bin/env bats
# mknod: what difftest cannot run: the user cases as a non-root user, a
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
	user_cases mknod
}

@test "a read-only file system: GNU's message" {
	mkdir ro
	on_ro_fs "$(bin mknod)" ro/f p
	[ "$status" -eq 1 ]
	[ "$output" = "$(bin mknod): ro/f: Read-only file system" ]
	on_ro_fs /usr/bin/mknod ro/f p
	[ "$output" = "/usr/bin/mknod: ro/f: Read-only file system" ]
}

@test "device numbers as GNU makes them" {
	[ "$(id -u)" -eq 0 ] || skip "not root"
	for n in "0 0" "1 255" "1 256" "255 65535" "4095 1048575" "0x10 0377"; do
		"$(bin mknod)" ours c $n
		/usr/bin/mknod gnus c $n
		[ "$(stat -c '%t %T %F' ours)" = "$(stat -c '%t %T %F' gnus)" ]
		rm ours gnus
	done
}

@test "peak RSS" {
	rss_at_most 16 mknod f p
}
