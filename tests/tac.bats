#!/usr/bin/env bats
# tac: what difftest cannot express: a seekable file is read from its end
# (pread64 at offsets going down, never the whole file first), big files
# and a 100 MiB record compared with GNU by cmp, a file past 4 GiB on both
# arches, -r with a real regular expression (not supported: a clear
# failure), SIGPIPE, /dev/full, an unreadable file as a non-root user.
load helpers

@test "a seekable file is read from the end, 64 KiB at a time" {
	seq 1 100000 > f
	strace -o log -e trace=pread64,read "$(bin tac)" f > out
	/usr/bin/tac f | cmp - out
	# the first read is at the last multiple of 64 KiB, then going down
	size=$(stat -c %s f)
	grep -Eq "^pread64\([0-9]+, .*, 65536, $((size / 65536 * 65536))\)" log
	grep -Eq '^pread64\([0-9]+, .*, 65536, 0\)' log
	[ "$(grep -c '^read(' log)" -eq 0 ]
}

@test "big input, long records: the same bytes as GNU, file and pipe" {
	head -c 3000000 /dev/urandom > r
	{ cat r; seq 1 300000; cat r; } > in
	"$(bin tac)" in > ours
	/usr/bin/tac in > gnu
	cmp gnu ours
	cat in | "$(bin tac)" > ours
	cmp gnu ours
	"$(bin tac)" -b in > ours
	/usr/bin/tac -b in > gnu
	cmp gnu ours
	"$(bin tac)" -s "" in > ours
	/usr/bin/tac -s "" in > gnu
	cmp gnu ours
}

@test "a 100 MiB record between two lines" {
	{ echo first; head -c 104857600 /dev/zero | tr '\0' x; printf '\nlast'; } > in
	"$(bin tac)" in > ours
	/usr/bin/tac in > gnu
	cmp gnu ours
	cat in | "$(bin tac)" > ours
	cmp gnu ours
}

@test "a sparse file past 4 GiB: its tail first, at offsets over 2^32" {
	truncate -s 4831838208 sparse
	printf 'tail\nend\n' >> sparse
	# NUL-separated: every zero is a record, so the memory stays small
	run bash -c '"$1" -s "" sparse | head -c 12 | od -An -c' sh "$(bin tac)"
	[ "$output" = "$(printf 'tail\nend\n\0\0\0' | od -An -c)" ]
}

@test "-r with regex metacharacters: a clear failure, nothing printed" {
	for s in 'a.' '[ab]' 'x*' '\n' 'a|b' '^a' 'b$'; do
		run "$(bin tac)" -r -s "$s" /dev/null
		[ "$status" -eq 1 ]
		[ "$output" = "$(bin tac): -r: regular expressions are not supported" ]
	done
}

@test "SIGPIPE: tac big | head -n1 ends by the signal, silently" {
	seq 1 2000000 > big
	sigpipe_silent tac '-n 1' '2000000\n' big
}

@test "/dev/full: GNU's message, status 1" {
	seq 1 100000 > big
	dev_full_fails tac big
	echo x | dev_full_fails tac
}

@test "a directory: read error, as GNU's on x86_64 (EINVAL at its huge size)" {
	[ "$(arch)" = x86_64 ] || skip "an i386 process sees another directory size (EISDIR)"
	mkdir d
	sh_fails 1 tac "d: read error: Invalid argument" '"$1" d'
}

@test "unreadable file as a non-root user: GNU's message, the rest printed" {
	printf '1\n2\n' > free
	lock_file
	unreadable_like_gnu tac "%s: failed to open 'locked' for reading: Permission denied\n2\n1" locked free
}

@test "long options are not supported: GNU's unrecognized-option failure" {
	for o in --before --regex --separator=x --help --version; do
		run "$(bin tac)" "$o"
		[ "$status" -eq 1 ]
		[ "$output" = "$(printf "%s: unrecognized option '%s'\nTry '%s --help' for more information." "$(bin tac)" "$o" "$(bin tac)")" ]
	done
}

@test "trivial runs: RSS at most 16 KiB" {
	printf 'a b\nc d\n' > f
	rss_at_most 16 tac < /dev/null
	rss_at_most 16 tac < f
	rss_at_most 16 tac f
	rss_at_most 16 tac -s b < f
	rss_at_most 16 tac -b < f
}
