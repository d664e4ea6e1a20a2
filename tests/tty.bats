#!/usr/bin/env bats
# tty: under real pseudo-terminals (made by script(1)), compared with GNU's
# tty under the same pty; stdin a file, a pipe, closed; write errors.
load helpers

# inpty CMD: run the shell command CMD with stdin, stdout and stderr on a
# new pty; prints what it wrote (CR LF made LF)
inpty() {
	command -v script >/dev/null || skip "script not installed"
	script -qec "$1" /dev/null < /dev/null | tr -d '\r'
}

@test "under a pty: the pty's name, as GNU's, status 0" {
	run inpty "'$(bin tty)'; echo \"s=\$?\"; /usr/bin/tty"
	[ "${lines[0]}" = "${lines[2]}" ]
	[[ "${lines[0]}" == /dev/pts/* ]]
	[ "${lines[1]}" = "s=0" ]
}

@test "under a pty: -s prints nothing, status 0" {
	run inpty "'$(bin tty)' -s; echo \"s=\$?\""
	[ "$output" = "s=0" ]
}

@test "stdin /dev/tty: the name /dev/tty, as GNU's" {
	run inpty "'$(bin tty)' </dev/tty; /usr/bin/tty </dev/tty"
	[ "${lines[0]}" = /dev/tty ]
	[ "${lines[1]}" = /dev/tty ]
}

@test "without /proc the name is found in /dev/pts, as GNU's" {
	[ "$(id -u)" = 0 ] && command -v unshare >/dev/null || skip "needs root and unshare"
	unshare -m true 2>/dev/null || skip "unshare -m not allowed"
	run inpty "unshare -m sh -c 'mount -t tmpfs none /proc && \"\$1\"; echo s=\$?; /usr/bin/tty' sh '$(bin tty)'"
	[[ "${lines[0]}" == /dev/pts/* ]]
	[ "${lines[1]}" = "s=0" ]
	[ "${lines[0]}" = "${lines[2]}" ]
}

@test "without /proc, stdin /dev/tty is found in /dev, as GNU's" {
	[ "$(id -u)" = 0 ] && command -v unshare >/dev/null || skip "needs root and unshare"
	unshare -m true 2>/dev/null || skip "unshare -m not allowed"
	run inpty "unshare -m sh -c 'mount -t tmpfs none /proc && \"\$1\" </dev/tty; /usr/bin/tty </dev/tty' sh '$(bin tty)'"
	[ "${lines[0]}" = /dev/tty ]
	[ "${lines[1]}" = /dev/tty ]
}

@test "under a pty, stdout /dev/full: 'write error', status 3" {
	run inpty "'$(bin tty)' >/dev/full; echo \"s=\$?\""
	[ "${lines[0]}" = "$(bin tty): write error: No space left on device" ]
	[ "${lines[1]}" = "s=3" ]
}

@test "under a pty, stdout closed: 'write error: Bad file descriptor', 3" {
	run inpty "'$(bin tty)' >&-; echo \"s=\$?\""
	[ "${lines[0]}" = "$(bin tty): write error: Bad file descriptor" ]
	[ "${lines[1]}" = "s=3" ]
}

@test "stdin a file, a pipe, /dev/null, closed: 'not a tty', status 1" {
	echo x > file
	run "$(bin tty)" < file
	[ "$status" -eq 1 ]
	[ "$output" = "not a tty" ]
	run sh -c 'echo x | "$1"' sh "$(bin tty)"
	[ "$status" -eq 1 ]
	[ "$output" = "not a tty" ]
	run "$(bin tty)" < /dev/null
	[ "$status" -eq 1 ]
	[ "$output" = "not a tty" ]
	run sh -c '"$1" <&-' sh "$(bin tty)"
	[ "$status" -eq 1 ]
	[ "$output" = "not a tty" ]
	run "$(bin tty)" -s < /dev/null
	[ "$status" -eq 1 ] && [ -z "$output" ]
}

@test "not a tty into /dev/full: 'write error', status 3" {
	sh_fails 3 tty 'write error: No space left on device' '"$1" </dev/null >/dev/full'
}

@test "a usage error with stderr closed or full: status 3, as GNU's (close_stdout's exit_failure)" {
	local c s g
	for c in -x extra "-s x"; do
		for r in "2>&-" "2>/dev/full" "2>/dev/null"; do
			s=$(bash -c "'$(bin tty)' $c $r < /dev/null; echo \$?")
			g=$(bash -c "/usr/bin/tty $c $r < /dev/null; echo \$?")
			[ "$s" = "$g" ] || { echo "tty $c $r: ours $s, GNU $g"; return 1; }
		done
	done
	[ "$(bash -c "'$(bin tty)' -x 2>&-; echo \$?")" = 3 ]
}

@test "peak RSS at most 16 KiB: not a tty, and under a pty (buffers on the stack)" {
	rss_error_at_most 16 tty
	run inpty "env -i '$BATS_TEST_DIRNAME/../build/harness/rss' '$(bin tty)' 2>&1 >/dev/null"
	read -r kb st <<<"$output"
	[ "$st" -eq 0 ] && [ "$kb" -le 16 ] || { echo "tty under a pty: $kb KiB, status $st"; return 1; }
}
