#!/usr/bin/env bats
# mknod: what difftest cannot run: the user cases as a non-root user, a
# read-only file system, and the peak RSS.
load helpers

@test "the user cases as a non-root user" {
	user_cases mknod
}

@test "a read-only file system: GNU's message" {
	mkdir ro
	ro_fs_like_gnu mknod "%s: ro/f: Read-only file system" ro/f p
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
