#!/usr/bin/env bats
# unexpand: what difftest cannot express: a 100 MiB line (streamed, small
# memory, a 100 MiB run of blanks held as a count), an unreadable file as a
# non-root user, SIGPIPE, /dev/full, and a line that runs on from a pipe.
load helpers

@test "a 100 MiB line of blanks and text streams through, as GNU's" {
	# 100 MiB of blanks, each six made "ab<TAB>  c" (sed took 50 s for it)
	python3 -c 'import sys; sys.stdout.buffer.write(b"ab\t  c" * (104857600 // 6) + b"    ")' > long
	output_like_gnu unexpand -t 3,7,/5 long
	output_like_gnu unexpand -a long
}

@test "a 100 MiB run of blanks past the last stop, and at the end" {
	{ printf 'x'; head -c 104857600 /dev/zero | tr '\0' ' '; } > blanks
	output_like_gnu unexpand -a blanks
	output_like_gnu unexpand -t 2,4 blanks
}

@test "the text after a line's leading blanks goes by runs (tab_run), as GNU's" {
	# lines of 0 to 200 KiB: blanks, then text with tabs, backspaces and
	# blanks in it, across the 32 KiB buffers, the last without a newline
	python3 -c '
import random, sys
r = random.Random(7)
o = bytearray()
for i in range(300):
    o += b" " * r.choice([0, 3, 8, 9, 17])
    n = r.choice([1, 15, 16, 17, 4095, 4096, 40000, 200000])
    o += bytes(r.choice(b"abcdefgh \t\b") for _ in range(n))
    o += b"\n"
sys.stdout.buffer.write(bytes(o[:-1]))' > runs
	output_like_gnu unexpand runs
	output_like_gnu unexpand -t 2,4 runs
	output_like_gnu unexpand --first-only -t 3 runs
	cat runs | "$(bin unexpand)" | cmp - <(/usr/bin/unexpand runs)
}

@test "memory stays small on a long line" {
	head -c 10000000 /dev/zero | tr '\0' ' ' > long
	rss_at_most 120 unexpand -a long
}

@test "NUL bytes and no final newline, from a file and a pipe" {
	printf 'a\0        b\0\0       c   ' > f
	output_like_gnu unexpand -a f
	cat f | "$(bin unexpand)" -t 2 | cmp - <(/usr/bin/unexpand -t 2 f)
}

@test "unreadable file as a non-root user: Permission denied, the rest done" {
	printf '        y\n' > free
	lock_file
	unreadable_like_gnu unexpand '\ty\n%s: locked: Permission denied\n\ty' free locked free
}

@test "SIGPIPE: killed by the signal, silently, as GNU" {
	seq 1 200000 | sed 's/^/        /' > big
	sigpipe_silent unexpand '-c 1' '\t' big
}

@test "/dev/full: write error, status 1; a big input gets 9.1's two messages" {
	putchar_dies_like_gnu unexpand
}

@test "a line runs on across files and stdin" {
	printf 'ab  ' > a
	printf '      c\n' | "$(bin unexpand)" -a a - a > out
	printf '      c\n' | /usr/bin/unexpand -a a - a > expected
	cmp expected out
}

@test "i386: a line of more than 4 Gi columns, and a file over 4 GiB, as GNU's" {
	[ "$(arch)" = i386 ] || skip "only i386's 32-bit columns can wrap"
	# 4198400 tabs with stops at 3 and every 1023 (not a divisor of 2^32,
	# so a bare 32-bit wrap would show) reach column 2^32 - 5119 from a
	# 4 MiB input; then 6136 NULs cross 2^32 a column at a time, and
	# blanks follow. GNU's result on a short line with the same remainder
	# modulo 1023 (1021 NULs) ends the same way.
	printf '    x      \t  y   \t  z\n  \tq\n' > end
	{ head -c 1021 /dev/zero; cat end; } | /usr/bin/unexpand -a -t 3,/1023 > expected
	{ head -c 4198400 /dev/zero | tr '\0' '\t'; head -c 6136 /dev/zero; cat end; } |
		"$(bin unexpand)" -a -t 3,/1023 | tail -c "$(wc -c < expected)" > out
	cmp expected out
	# A sparse file of 4.3 GB opens (O_LARGEFILE): its first bytes come out.
	truncate -s 4300000000 big
	"$(bin unexpand)" big 2> err | head -c 4 | cmp - <(head -c 4 /dev/zero)
	[ ! -s err ]
}

# The first read goes into the end of the input buffer, on the page of the
# variables and of the output buffer's start: one line costs no more pages.
@test "trivial run: RSS at most 16 KiB on empty input" {
	rss_at_most 16 unexpand < /dev/null
}

@test "trivial run: RSS at most 16 KiB with one line" {
	printf 'a b\tc\n        d\n' > "$BATS_TEST_TMPDIR/one"
	rss_at_most 16 unexpand -a < "$BATS_TEST_TMPDIR/one"
	rss_at_most 16 unexpand -a "$BATS_TEST_TMPDIR/one"
}

@test "100 operands and a bad one, as GNU (i386: the vDSO after 32 calls)" {
	hundred_operands_like_gnu files unexpand -a
}

@test "x86_64: a tab size GNU's xmalloc can never get (2^47 or more): memory exhausted, as GNU" {
	[ "$(arch)" = x86_64 ] || skip "i386: tab stops of 2^32 or more are too large"
	# GNU mallocs max_column_width bytes after opening the first operand;
	# ours looped on "\t\t x" with -t 2^63-1
	printf '\t\t x' > f
	for t in 9223372036854775807 1,140737488355329 /140737488355328 +140737488355328 2,/140737488355328; do
		for ops in "f" "nosuch f" "nosuch"; do
			s1=0 s2=0
			timeout 5 "$(bin unexpand)" -t "$t" $ops > ours 2> oerr || s1=$?
			timeout 5 /usr/bin/unexpand -t "$t" $ops > gnus 2> gerr || s2=$?
			[ "$s1" -eq "$s2" ] && cmp ours gnus &&
				[ "$(sed 's/^[^:]*: //' oerr)" = "$(sed 's/^[^:]*: //' gerr)" ] ||
				{ echo "-t $t $ops: $s1 $s2"; cat oerr gerr; return 1; }
		done
	done
}

@test "a step over 2^31 (a lone stop, /N, +N): x86_64 as GNU's; i386 'too large', status 1 (it looped for ever)" {
	local t
	for t in 4294967295 2147483649 /3000000000 1,+4294967000; do
		run timeout 5 "$(bin unexpand)" -t "$t" <<< $'\t\t x'
		if [ "$(arch)" = x86_64 ]; then
			[ "$status" -eq 0 ]
			[ "$output" = "$(/usr/bin/unexpand -t "$t" <<< $'\t\t x')" ]
		else
			[ "$status" -eq 1 ] || { echo "-t $t: status $status"; return 1; }
			[ "$output" = "$(bin unexpand): tab stop is too large '${t##*[/+]}'" ]
		fi
	done
	run timeout 5 "$(bin unexpand)" -t 2147483648 <<< $'\t\t x'
	[ "$status" -eq 0 ] && [ "$output" = "$(/usr/bin/unexpand -t 2147483648 <<< $'\t\t x')" ]
}

@test "stdout a terminal: each line shows as the input brings it, as GNU's line-buffered stdout; a pipe: nothing before the input ends, as GNU's" {
	pty_early unexpand
	pty_early unexpand -a
	pty_early unexpand -t4
}

@test "a terminal that goes away after a line (EIO): GNU's write error messages and status" {
	pty_early --hangup unexpand
}
