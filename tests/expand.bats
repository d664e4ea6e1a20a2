#!/usr/bin/env bats
# expand: what difftest cannot express: a 100 MiB line (streamed, small
# memory), an unreadable file as a non-root user, SIGPIPE, /dev/full with
# more output than one buffer, and a line that runs on from a pipe.
load helpers

@test "a 100 MiB line of tabs and text streams through, as GNU's" {
	# 100 MiB of tabs, each three made "ab<TAB>c" (sed took 19 s for it)
	python3 -c 'import sys; sys.stdout.buffer.write(b"ab\tc" * (104857600 // 3) + b"\t")' > long
	output_like_gnu expand -t 3,7,/5 long
	output_like_gnu expand -i long
}

@test "memory stays small on a long line" {
	head -c 10000000 /dev/zero | tr '\0' 'x' > long
	rss_at_most 120 expand long
}

@test "NUL bytes and no final newline, from a file and a pipe" {
	printf 'a\0\tb\0\0\tc' > f
	output_like_gnu expand f
	cat f | "$(bin expand)" -t 2 | cmp - <(/usr/bin/expand -t 2 f)
}

@test "unreadable file as a non-root user: Permission denied, the rest done" {
	printf 'x\ty\n' > free
	lock_file
	unreadable_like_gnu expand 'x       y\n%s: locked: Permission denied\nx       y' free locked free
}

@test "SIGPIPE: killed by the signal, silently, as GNU" {
	seq 1 200000 | sed 's/$/\tx/' > big
	sigpipe_silent expand '-c 1' 1 big
}

@test "/dev/full: write error, status 1; a big input gets 9.1's two messages" {
	putchar_dies_like_gnu expand
}

@test "a line runs on across files and stdin" {
	printf 'ab' > a
	printf '\tc\n' | "$(bin expand)" a - a > out
	printf '\tc\n' | /usr/bin/expand a - a > expected
	cmp expected out
}

@test "i386: a line of more than 4 Gi columns, and a file over 4 GiB, as GNU's" {
	[ "$(arch)" = i386 ] || skip "only i386's 32-bit columns can wrap"
	# 4198400 tabs with stops at 3 and every 1023 (not a divisor of 2^32,
	# so a bare 32-bit wrap would show) reach column 2^32 - 5119 from a
	# 4 MiB input; then 6136 NULs cross 2^32 a column at a time, and tabs
	# follow. GNU's result on a short line with the same remainder modulo
	# 1023 (1021 NULs) ends the same way.
	printf '\tx\t\ty   \t  z\n  \tq\n' > end
	{ head -c 1021 /dev/zero; cat end; } | /usr/bin/expand -t 3,/1023 > expected
	{ head -c 4198400 /dev/zero | tr '\0' '\t'; head -c 6136 /dev/zero; cat end; } |
		"$(bin expand)" -t 3,/1023 | tail -c "$(wc -c < expected)" > out
	cmp expected out
	# A sparse file of 4.3 GB opens (O_LARGEFILE): its first bytes come out.
	truncate -s 4300000000 big
	"$(bin expand)" big 2> err | head -c 4 | cmp - <(head -c 4 /dev/zero)
	[ ! -s err ]
}

# The first read goes into the end of the input buffer, on the page of the
# variables and of the output buffer's start: one line costs no more pages.
@test "trivial run: RSS at most 16 KiB on empty input" {
	rss_at_most 16 expand < /dev/null
}

@test "trivial run: RSS at most 16 KiB with one line" {
	printf 'a b\tc\n        d\n' > "$BATS_TEST_TMPDIR/one"
	rss_at_most 16 expand < "$BATS_TEST_TMPDIR/one"
	rss_at_most 16 expand "$BATS_TEST_TMPDIR/one"
}

@test "100 operands and a bad one, as GNU (i386: the vDSO after 32 calls)" {
	hundred_operands_like_gnu files expand
}

@test "a tab stop near the word's top (2^64-1, i386 2^32-1): endless spaces as GNU's, ended by SIGPIPE (was SIGSEGV: the buffer's end overflowed)" {
	local t o g l="1,4294967295 1,4294967290"    # (i386: a step over 2^31 is too large)
	[ "$(arch)" = x86_64 ] && l="18446744073709551615 18446744073709551614 1,18446744073709551615 4294967295 $l"
	for t in $l; do
		o=$(printf 'ab\t\tc' | { "$(bin expand)" -t "$t"; echo "status $?" > st; } | head -c 100 | od -An -c)
		g=$(printf 'ab\t\tc' | /usr/bin/expand -t "$t" | head -c 100 | od -An -c)
		[ "$o" = "$g" ] || { echo "-t $t: $o"; return 1; }
		[ "$(cat st)" = "status 141" ] || [ "$(cat st)" = "status 0" ] || { echo "-t $t: $(cat st)"; return 1; }
	done
}

@test "stdout a terminal: each line shows as the input brings it, as GNU's line-buffered stdout; a pipe: nothing before the input ends, as GNU's" {
	pty_early expand
	pty_early expand -t3
	pty_early expand -i
}

@test "a terminal that goes away after a line (EIO): GNU's write error messages and status" {
	pty_early --hangup expand
}
