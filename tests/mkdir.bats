#!/usr/bin/env bats
# mkdir: what difftest cannot run: the user cases as a non-root user, a
# read-only file system, and the peak RSS.
load helpers

@test "the user cases as a non-root user" {
	user_cases mkdir
}

@test "a read-only file system: GNU's message, -p on an existing directory is fine" {
	mkdir -p ro/d
	ro_fs_fails mkdir "%s: cannot create directory 'ro/a': Read-only file system" ro/a
	on_ro_fs /usr/bin/mkdir ro/a
	[ "$output" = "/usr/bin/mkdir: cannot create directory ‘ro/a’: Read-only file system" ] ||
		[ "$output" = "/usr/bin/mkdir: cannot create directory 'ro/a': Read-only file system" ]
	on_ro_fs "$(bin mkdir)" -p ro/d
	[ "$status" -eq 0 ]
	[ -z "$output" ]
}

@test "-p of a path longer than PATH_MAX, like GNU" {
	p=$(printf 'dir%.0s/' $(seq 1100))     # 4400 bytes
	"$(bin mkdir)" -p "${p}x"
	/usr/bin/mkdir -p "${p}y"
	[ "$(find . -name x -printf '%d ')$(find . -name y -printf '%d')" = "1101 1101" ]
}

@test "-v into a closed pipe: killed by SIGPIPE at the end (after all are made)" {
	closed_pipe_kills mkdir -v a b c
	[ -d a ]
	[ -d b ]
	[ -d c ]
}

@test "peak RSS" {
	rss_at_most 16 mkdir a
	rss_at_most 16 mkdir -p b/c
}

@test "peak RSS of -v and of an error: 16 KiB" {
	rss_at_most 16 mkdir -v x1
	rss_at_most 16 mkdir -pv y1/y2
	rss_error_at_most 16 mkdir nope/x
}

@test "100 operands and a bad one, as GNU (i386: the vDSO after 32 calls)" {
	hundred_operands_like_gnu new mkdir
}

@test "stdout flushed before each message: one merged stream as GNU's" {
	local args ours gnu
	touch f1
	for args in "-v a nope/x c" "-v a f1 c" "-pv a/b f1/x c"; do
		ours=$("$(bin mkdir)" $args 2>&1 | cat)
		rm -rf a c
		gnu=$(/usr/bin/mkdir $args 2>&1 | cat)
		rm -rf a c
		[ "${ours//"$(bin mkdir)"/mkdir}" = "${gnu//"/usr/bin/mkdir"/mkdir}" ]
	done
}
