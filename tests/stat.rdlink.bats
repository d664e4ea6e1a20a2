#!/usr/bin/env bats
# stat %N of a symlink whose readlink fails: PID 1's cwd, exe and root as
# nobody (procfs asks ptrace access for them; lstat does not). GNU prints
# the quoted name (the directive's output), its message after stdout's
# bytes (error() flushes), status 1. Compared with GNU's with stderr into
# stdout, so that the order counts (the differential cases see the two
# streams apart). (ls's: tests/ls.fail.bats)
load helpers

@test "stat: the default form's File: line, then the message, then the rest" {
	pid1_like_gnu stat /proc/1/cwd
}

@test "stat: %N, plain and with flags and widths, each message after its name" {
	pid1_like_gnu stat -c '%N|[%-20N]%+N|%0-5N|%10.3N|' /proc/1/exe /proc/1/root
	pid1_like_gnu stat --printf '%N %N\n' /proc/1/cwd
}
