#!/usr/bin/env bats
# paste: what difftest cannot express: a 100 MiB line, SIGPIPE, /dev/full,
# an unreadable file as a non-root user, binary input, and stdin shared by
# several "-" through a slow pipe.
load helpers

# same ARGS... - our paste and GNU's give the same bytes and status
same() {
	"$(bin paste)" "$@" < in > ours; s1=$?
	/usr/bin/paste "$@" < in > gnus; s2=$?
	[ "$s1" -eq "$s2" ] && cmp ours gnus
}

@test "a 100 MiB line, in little memory" {
	{ head -c 104857600 /dev/zero | tr '\0' 'a'; printf '\nb\n'; } > in
	printf '1\n2\n3\n' > f
	same f in f
	same -s -d, in f
	read -r kb st < <("$BATS_TEST_DIRNAME/../build/harness/rss" "$(bin paste)" f in f 2>&1 >/dev/null)
	[ "$st" -eq 0 ] && [ "$kb" -le 1024 ]
}

@test "binary input with NUL bytes, every byte value" {
	head -c 300000 /dev/urandom > in
	head -c 200000 /dev/urandom > r
	same in r - r
	same -s -d 'ab\0' r in
	same -z r - r
}

@test "no final newline, empty input" {
	printf 'a\nb' > in
	same - -
	same -s
	: > in
	same
	same -s - -
}

@test "stdin shared by several -, read as it comes through a slow pipe" {
	run bash -c '{ printf "1\n2"; sleep 0.2; printf "\n3\n"; sleep 0.2; printf "4\n5"; } | "$1" - - -d,' sh "$(bin paste)"
	[ "$output" = "$(printf '1,2\n3,4\n5,')" ]
}

@test "SIGPIPE: killed by the signal, silently, like GNU" {
	seq 1 1000000 > big
	run bash -c '"$1" big big 2>err | head -n 1; echo " ${PIPESTATUS[0]}"' sh "$(bin paste)"
	[ "$output" = "$(printf '1\t1\n 141')" ]
	[ ! -s err ]
	run bash -c 'trap "" PIPE; "$1" -s big | head -c 1 > /dev/null; echo "${PIPESTATUS[0]}"' sh "$(bin paste)"
	[ "$output" = "$(printf '%s: write error: Broken pipe\n1' "$(bin paste)")" ]
}

@test "/dev/full: GNU's message, status 1" {
	seq 1 100000 > big
	sh_fails 1 paste 'write error: No space left on device' '"$1" big > /dev/full'
	sh_fails 1 paste 'write error: No space left on device' '"$1" -s big > /dev/full'
}

@test "unreadable file as a non-root user: Permission denied" {
	echo secret > locked
	echo open > free
	chmod 000 locked
	chmod 755 "$T"
	as=()
	if [ "$(id -u)" -eq 0 ]; then
		command -v setpriv > /dev/null || skip "setpriv missing"
		as=(setpriv --reuid=65534 --regid=65534 --clear-groups)
	fi
	# serial: reported, the others pasted
	run "${as[@]}" "$(bin paste)" -s free locked free
	[ "$status" -eq 1 ]
	[ "$output" = "$(printf 'open\n%s: locked: Permission denied\nopen' "$(bin paste)")" ]
	run "${as[@]}" /usr/bin/paste -s free locked free
	[ "$output" = "$(printf 'open\n/usr/bin/paste: locked: Permission denied\nopen')" ]
	# parallel: GNU stops at once
	run "${as[@]}" "$(bin paste)" free locked free
	[ "$status" -eq 1 ]
	[ "$output" = "$(bin paste): locked: Permission denied" ]
	run "${as[@]}" /usr/bin/paste free locked free
	[ "$output" = "/usr/bin/paste: locked: Permission denied" ]
}
