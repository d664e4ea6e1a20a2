#!/usr/bin/env bats
# uname: every option against GNU's on this machine, the machine name of the
# 32-bit build, and write errors.
load helpers

@test "each option and their combinations print what GNU's uname prints" {
	for o in "" -a -s -n -r -v -m -p -i -o -snrvmpio -ap -pi -om -sa; do
		[ "$("$(bin uname)" $o)" = "$(/usr/bin/uname $o)" ]
	done
}

@test "the machine is the kernel's, whatever the binary's arch" {
	[ "$("$(bin uname)" -m)" = "$(/usr/bin/uname -m)" ]
}

@test "under a 32-bit personality the machine is i686, as GNU's" {
	command -v setarch >/dev/null || skip "setarch not installed"
	setarch i686 true 2>/dev/null || skip "setarch i686 not allowed"
	[ "$(setarch i686 "$(bin uname)" -m)" = "$(setarch i686 /usr/bin/uname -m)" ]
	[ "$(setarch i686 "$(bin uname)" -a)" = "$(setarch i686 /usr/bin/uname -a)" ]
}

@test "one write for the line" {
	command -v strace >/dev/null || skip "strace not installed"
	strace -e trace=write -o "$T/trace" "$(bin uname)" -a >/dev/null
	[ "$(grep -c '^write(' "$T/trace")" -eq 1 ]
}

@test "/dev/full: 'write error', status 1" {
	sh_fails 1 uname 'write error: No space left on device' '"$1" -a >/dev/full'
}

@test "stdout closed: 'write error: Bad file descriptor', status 1" {
	sh_fails 1 uname 'write error: Bad file descriptor' '"$1" >&-'
}

@test "peak RSS of a trivial run: at most 16 KiB" {
	rss_at_most 16 uname -a
	rss_at_most 16 uname
}
