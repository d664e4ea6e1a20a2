#!/usr/bin/env bats
# expand: what difftest cannot express: a 100 MiB line (streamed, small
# memory), an unreadable file as a non-root user, SIGPIPE, /dev/full with
# more output than one buffer, and a line that runs on from a pipe.
load helpers

@test "a 100 MiB line of tabs and text streams through, as GNU's" {
	head -c 104857600 /dev/zero | tr '\0' '\t' | sed 's/\t\t\t/ab\tc/g' > long
	"$(bin expand)" -t 3,7,/5 long > out
	/usr/bin/expand -t 3,7,/5 long > expected
	cmp expected out
	"$(bin expand)" -i long | cmp - <(/usr/bin/expand -i long)
}

@test "memory stays small on a long line" {
	head -c 10000000 /dev/zero | tr '\0' 'x' > long
	read -r kb st < <("$BATS_TEST_DIRNAME/../build/harness/rss" "$(bin expand)" long 2>&1 >/dev/null)
	[ "$st" -eq 0 ] && [ "$kb" -le 120 ]
}

@test "NUL bytes and no final newline, from a file and a pipe" {
	printf 'a\0\tb\0\0\tc' > f
	"$(bin expand)" f > out
	/usr/bin/expand f > expected
	cmp expected out
	cat f | "$(bin expand)" -t 2 | cmp - <(/usr/bin/expand -t 2 f)
}

@test "unreadable file as a non-root user: Permission denied, the rest done" {
	printf 'x\ty\n' > free
	printf 'secret\n' > locked
	chmod 000 locked
	chmod 755 "$T"
	as=()
	if [ "$(id -u)" -eq 0 ]; then
		command -v setpriv > /dev/null || skip "setpriv missing"
		as=(setpriv --reuid=65534 --regid=65534 --clear-groups)
	fi
	run "${as[@]}" "$(bin expand)" free locked free
	[ "$status" -eq 1 ]
	[ "$output" = "$(printf 'x       y\n%s: locked: Permission denied\nx       y' "$(bin expand)")" ]
	run "${as[@]}" /usr/bin/expand free locked free
	[ "$output" = "$(printf 'x       y\n/usr/bin/expand: locked: Permission denied\nx       y')" ]
}

@test "SIGPIPE: killed by the signal, silently, as GNU" {
	seq 1 200000 | sed 's/$/\tx/' > big
	run bash -c '"$1" big 2>err | head -c 1; echo " ${PIPESTATUS[0]}"' sh "$(bin expand)"
	[ "$output" = "1 141" ]
	[ ! -s err ]
}

@test "/dev/full: write error, status 1, with a big input too" {
	seq 1 100000 > big
	sh_fails 1 expand 'write error: No space left on device' '"$1" big > /dev/full'
	sh_fails 1 expand 'write error: No space left on device' 'echo a | "$1" > /dev/full'
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
