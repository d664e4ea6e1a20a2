#!/usr/bin/env bats
# yes: its output through pipes, signals and big lines (difftest covers the
# errors, since yes only ends when its output fails).
load helpers

@test "yes | head -1: y, and yes dies by SIGPIPE silently" {
	run bash -c '"$1" | head -n 1; echo "${PIPESTATUS[0]}"' sh "$(bin yes)"
	[ "$output" = "$(printf 'y\n141')" ]
}

@test "100000 bytes of the default line are exact" {
	"$(bin yes)" | head -c 100000 > out
	/usr/bin/yes | head -c 100000 > expected
	cmp out expected
}

@test "2 MB of two lines are exact (i386: past the 16th write, through the vDSO)" {
	"$(bin yes)" | head -c 2000000 > out
	/usr/bin/yes | head -c 2000000 > expected
	cmp out expected
	"$(bin yes)" ab 'c d' | head -c 2000000 > out
	/usr/bin/yes ab 'c d' | head -c 2000000 > expected
	cmp out expected
}

@test "yes | head -1 in 20 KiB at most (i386 does not map the vDSO for it)" {
	local kb st
	(env -i "$BATS_TEST_DIRNAME/../build/harness/rss" "$(bin yes)" 2> rss | head -n 1 > /dev/null)
	read -r kb st < rss
	echo "peak RSS $kb KiB, status $st"
	[ "$st" -eq 141 ]
	[ "$kb" -le 20 ]
}

@test "several strings are joined by spaces, empty ones kept" {
	"$(bin yes)" a "" 'b c' "" | head -n 3 > out
	printf 'a  b c \na  b c \na  b c \n' > expected
	cmp out expected
}

@test "an empty string gives empty lines" {
	"$(bin yes)" "" | head -c 10 > out
	printf '\n\n\n\n\n\n\n\n\n\n' > expected
	cmp out expected
}

@test "-- is dropped once, later ones and - are strings" {
	"$(bin yes)" -- a -- - | head -n 2 > out
	printf 'a -- -\na -- -\n' > expected
	cmp out expected
}

@test "-- after a string is dropped too (options are permuted)" {
	"$(bin yes)" a -- -b | head -n 1 > out
	[ "$(cat out)" = "a -b" ]
}

@test "a line of exactly 8192 bytes (the buffer size) repeats exactly" {
	s=$(head -c 8191 /dev/zero | tr '\0' q)
	"$(bin yes)" "$s" | head -c 100000 > out
	/usr/bin/yes "$s" | head -c 100000 > expected
	cmp out expected
}

@test "lines just under and over the buffer size repeat exactly" {
	for n in 4095 4096 4097 8190 8192 8193; do
		s=$(head -c "$n" /dev/zero | tr '\0' r)
		"$(bin yes)" "$s" | head -c 50000 > out
		/usr/bin/yes "$s" | head -c 50000 > expected
		cmp out expected
	done
}

@test "a 100 KiB argument (longer than the buffer) is written whole, again and again" {
	s=$(head -c 102400 /dev/zero | tr '\0' x)
	"$(bin yes)" "$s" b | head -c 500000 > out
	/usr/bin/yes "$s" b | head -c 500000 > expected
	cmp out expected
}

@test "several long arguments joined in place" {
	s=$(head -c 20000 /dev/zero | tr '\0' s)
	"$(bin yes)" "$s" -- "$s" "" "$s" | head -c 300000 > out
	/usr/bin/yes "$s" -- "$s" "" "$s" | head -c 300000 > expected
	cmp out expected
}

@test "writes are big blocks, not a line each" {
	command -v strace >/dev/null || skip "strace not installed"
	strace -e trace=write -o "$T/trace" "$(bin yes)" | head -c 100000 >/dev/null
	# every write but the last (cut by SIGPIPE) is 8192 bytes of "y\n"
	grep -c '^write(1, "y\\ny\\n.*, 8192) = 8192$' "$T/trace" > n
	[ "$(cat n)" -ge 12 ]
	s=$(head -c 20000 /dev/zero | tr '\0' x)
	strace -e trace=write -o "$T/trace" "$(bin yes)" "$s" | head -c 100000 >/dev/null
	# a line longer than the buffer: one write per line
	grep -c '^write(1, "xxx.*, 20001) = 20001$' "$T/trace" > n
	[ "$(cat n)" -ge 4 ]
}

@test "SIGPIPE ignored: the write error is reported, status 1" {
	run bash -c 'trap "" PIPE; "$1" 2>err | head -n 1; echo "${PIPESTATUS[0]}"; cat err' sh "$(bin yes)"
	[ "${lines[0]}" = "y" ]
	[ "${lines[1]}" = "1" ]
	[[ "${lines[2]}" == *"yes: standard output: Broken pipe" ]]
}

@test "into /dev/full: No space left on device, status 1" {
	run sh -c '"$1" x >/dev/full' sh "$(bin yes)"
	[ "$status" -eq 1 ]
	[[ "$output" == *"yes: standard output: No space left on device" ]]
}

@test "a bad option: GNU's two lines with argv[0], status 1" {
	run "$(bin yes)" -x
	[ "$status" -eq 1 ]
	[ "${lines[0]}" = "$(bin yes): invalid option -- 'x'" ]
	[ "${lines[1]}" = "Try '$(bin yes) --help' for more information." ]
}

@test "-- alone gives the default line, a second -- is a string" {
	"$(bin yes)" -- | head -n 2 > out
	printf 'y\ny\n' > expected
	cmp out expected
	"$(bin yes)" -- -- | head -n 2 > out
	printf -- '--\n--\n' > expected
	cmp out expected
}
