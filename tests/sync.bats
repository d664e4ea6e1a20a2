#!/usr/bin/env bats
# sync: what difftest cannot run: the user cases as a non-root user, a
# read-only file system, and the peak RSS.
load helpers

@test "the user cases as a non-root user" {
	user_cases sync
}

@test "the system call for each mode" {
	command -v strace > /dev/null || skip "strace missing"
	touch a
	strace -o log -e trace=sync,fsync,fdatasync,syncfs "$(bin sync)"
	grep -q '^sync()' log
	strace -o log -e trace=sync,fsync,fdatasync,syncfs "$(bin sync)" a a
	[ "$(grep -c '^fsync(' log)" -eq 2 ]
	strace -o log -e trace=sync,fsync,fdatasync,syncfs "$(bin sync)" -d a
	grep -q '^fdatasync(' log
	strace -o log -e trace=sync,fsync,fdatasync,syncfs "$(bin sync)" --file-system a
	grep -q '^syncfs(' log
}

@test "a file readable by nobody: tried write-only, and the read error said" {
	as_nobody
	echo x > w && chmod 200 w && chown 65534 w && chmod 755 "$T"
	run "${as[@]}" "$(bin sync)" -d w
	[ "$status" -eq 0 ]
	[ -z "$output" ]
	chown 0 w
	run "${as[@]}" "$(bin sync)" w
	[ "$status" -eq 1 ]
	[ "$output" = "$(bin sync): error opening 'w': Permission denied" ]
	run "${as[@]}" /usr/bin/sync w
	[ "$output" = "/usr/bin/sync: error opening 'w': Permission denied" ]
}

@test "peak RSS" {
	touch a
	rss_at_most 16 sync
	rss_at_most 16 sync -d a
}
