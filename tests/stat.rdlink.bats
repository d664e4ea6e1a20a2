#!/usr/bin/env bats
# stat %N of a symlink whose readlink fails: PID 1's cwd, exe and root as
# nobody (procfs asks ptrace access for them; lstat does not). GNU prints
# the quoted name (the directive's output), its message after stdout's
# bytes (error() flushes), status 1. Compared with GNU's with stderr into
# stdout, so that the order counts (the differential cases see the two
# streams apart). (ls's: tests/ls.fail.bats)
load helpers

# as_nobody CMD... - CMD as nobody (root: setpriv), else as it is
as_nobody() {
	if [ "$(id -u)" -eq 0 ]; then
		setpriv --reuid=65534 --regid=65534 --clear-groups "$@"
	else
		"$@"
	fi
}

# same_as_gnu NAME ARGS... - ours and GNU's output (2>&1) and status equal
same_as_gnu() {
	local n=$1 ours gnu; shift
	if [ "$(id -u)" -eq 0 ]; then
		command -v setpriv > /dev/null || skip "setpriv missing"
		chmod 755 "$T"
	fi
	! as_nobody readlink /proc/1/cwd > /dev/null 2>&1 || skip "PID 1's links are readable"
	ours=$(as_nobody "$SUBK_BIN/$n" "$@" 2>&1; echo "status $?")
	gnu=$(as_nobody "/usr/bin/$n" "$@" 2>&1; echo "status $?")
	ours=${ours//"$SUBK_BIN/$n:"/$n:}
	gnu=${gnu//"/usr/bin/$n:"/$n:}
	[ "$ours" = "$gnu" ] || { diff <(echo "$gnu") <(echo "$ours"); false; }
}

@test "stat: the default form's File: line, then the message, then the rest" {
	same_as_gnu stat /proc/1/cwd
}

@test "stat: %N, plain and with flags and widths, each message after its name" {
	same_as_gnu stat -c '%N|[%-20N]%+N|%0-5N|%10.3N|' /proc/1/exe /proc/1/root
	same_as_gnu stat --printf '%N %N\n' /proc/1/cwd
}
