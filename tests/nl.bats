#!/usr/bin/env bats
# nl: what difftest cannot express: a 100 MiB line streamed in small
# memory (and held whole only for a pBRE style), a long delimiter, an
# unreadable file as a non-root user, SIGPIPE, /dev/full, and the BRE
# features not supported failing clearly.
load helpers

@test "a 100 MiB line streams through, as GNU's" {
	{ printf 'a\n\n'; head -c 104857600 /dev/zero | tr '\0' 'x'; printf '\nb\n'; } > long
	"$(bin nl)" -ba long > out
	/usr/bin/nl -ba long > expected
	cmp expected out
}

@test "memory stays small on a long line" {
	head -c 10000000 /dev/zero | tr '\0' 'x' > long
	read -r kb st < <("$BATS_TEST_DIRNAME/../build/harness/rss" "$(bin nl)" long 2>&1 >/dev/null)
	[ "$st" -eq 0 ] && [ "$kb" -le 120 ]
}

@test "a long delimiter (-d of 100 KiB) and lines that almost match it" {
	d=$(head -c 100000 /dev/zero | tr '\0' 'q')
	{ printf 'a\n%s%s\nb\n%s%s%sq\nc\n%s\n' "$d" "$d" "$d" "$d" "$d" "$d"; } > f
	"$(bin nl)" -d "$d" -fa f > out
	/usr/bin/nl -d "$d" -fa f > expected
	cmp expected out
}

@test "NUL bytes and no final newline, from a file and a pipe" {
	printf 'a\0b\n\0\n\nc\0' > f
	"$(bin nl)" -ba f > out
	/usr/bin/nl -ba f > expected
	cmp expected out
	cat f | "$(bin nl)" | cmp - <(/usr/bin/nl f)
}

@test "unreadable file as a non-root user: Permission denied, the rest done" {
	printf 'y\n' > free
	printf 'secret\n' > locked
	chmod 000 locked
	chmod 755 "$T"
	as=()
	if [ "$(id -u)" -eq 0 ]; then
		command -v setpriv > /dev/null || skip "setpriv missing"
		as=(setpriv --reuid=65534 --regid=65534 --clear-groups)
	fi
	run "${as[@]}" "$(bin nl)" free locked free
	[ "$status" -eq 1 ]
	[ "$output" = "$(printf '     1\ty\n%s: locked: Permission denied\n     2\ty' "$(bin nl)")" ]
	run "${as[@]}" /usr/bin/nl free locked free
	[ "$output" = "$(printf '     1\ty\n/usr/bin/nl: locked: Permission denied\n     2\ty')" ]
}

@test "SIGPIPE: killed by the signal, silently, as GNU" {
	seq 1 300000 > big
	run bash -c '"$1" big 2>err | head -c 6; echo " ${PIPESTATUS[0]}"' sh "$(bin nl)"
	[ "$output" = "     1 141" ]
	[ ! -s err ]
}

@test "/dev/full: write error, status 1, with a big input too" {
	seq 1 100000 > big
	sh_fails 1 nl 'write error: No space left on device' '"$1" big > /dev/full'
	sh_fails 1 nl 'write error: No space left on device' 'echo a | "$1" > /dev/full'
}

@test "pBRE on a 100 MiB line: held whole at the break, as GNU's result" {
	{ printf 'a\n'; head -c 104857600 /dev/zero | tr '\0' 'x'; printf 'y\nb\n'; } > long
	"$(bin nl)" -b 'pxy$' long > out
	/usr/bin/nl -b 'pxy$' long > expected
	cmp expected out
	"$(bin nl)" -b 'p^a' long | cmp - <(/usr/bin/nl -b 'p^a' long)
}

@test "pBRE: groups, alternation, back references, stacked intervals fail clearly" {
	for re in 'a\(b\)' 'a\|b' 'a\{2\}*' 'a*\{2\}' '\(a\)\1' '\w' 'x\>'; do
		run "$(bin nl)" -b "p$re" /dev/null
		[ "$status" -eq 1 ] || return 1
		case $output in
		"$(bin nl): regular expression not supported: '"*) ;;
		*) echo "$output"; return 1 ;;
		esac
	done
	run "$(bin nl)" -b 'pa\|b' /dev/null
	[ "$output" = "$(bin nl): regular expression not supported: 'a\\\\|b'" ]
}
