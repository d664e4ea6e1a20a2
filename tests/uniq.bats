#!/usr/bin/env bats
# uniq: what difftest cannot express: a 100 MiB line (the buffer grows),
# binary input compared with GNU by cmp, a huge group kept in little
# memory, SIGPIPE, an unreadable file as a non-root user, and the long
# options that are not supported.
load helpers
ROOT_RSS=$(cd "$BATS_TEST_DIRNAME/.." && pwd)/build/harness/rss

# same_as_gnu ARGS... - our output and status on ./in equal GNU's
same_as_gnu() {
	"$(bin uniq)" "$@" < in > ours; s1=$?
	/usr/bin/uniq "$@" < in > gnu; s2=$?
	[ "$s1" -eq "$s2" ] && cmp gnu ours
}

@test "a 100 MiB line, twice, then another: the buffer grows" {
	head -c 104857600 /dev/zero | tr '\0' x > line
	{ cat line; echo; cat line; echo; cat line; echo y; } > in
	same_as_gnu -c
	[ "$(wc -c < ours)" -eq $((104857600 * 2 + 19)) ]
	same_as_gnu -D
	same_as_gnu -u -w 104857600
}

@test "a 100 MiB last line without a newline" {
	{ echo a; head -c 104857600 /dev/zero | tr '\0' y; } > in
	same_as_gnu
	same_as_gnu -c
}

@test "binary input with NUL bytes, with and without -z" {
	head -c 300000 /dev/urandom > r
	{ cat r r; printf '\0\0\n\0\0\n'; cat r; } > in
	same_as_gnu -c
	same_as_gnu -z -c
	same_as_gnu -z -D -i
	same_as_gnu -d -f 3 -s 2
}

@test "empty input, a last line without newline, a single NUL" {
	: > in
	same_as_gnu -c
	[ ! -s ours ]
	printf 'a\na' > in
	same_as_gnu -c
	printf '\0' > in
	same_as_gnu
	same_as_gnu -z
}

@test "a group of 3 million lines needs no more memory than one" {
	yes 'the same line' | head -n 3000000 > in
	echo other >> in
	same_as_gnu -c
	read -r kb st < <("$ROOT_RSS" "$(bin uniq)" -c in 2>&1 >/dev/null)
	[ "$st" -eq 0 ] && [ "$kb" -le 1024 ]
}

@test "SIGPIPE: uniq big | head -n1 ends by the signal, silently" {
	seq 1 2000000 > big
	run bash -c '"$1" big 2>err | head -n 1; echo "${PIPESTATUS[0]}"' sh "$(bin uniq)"
	[ "$output" = "$(printf '1\n141')" ]
	[ ! -s err ]
	run bash -c '/usr/bin/uniq big 2>err | head -n 1; echo "${PIPESTATUS[0]}"'
	[ "$output" = "$(printf '1\n141')" ]
}

@test "SIGPIPE ignored: write error: Broken pipe, status 1, as GNU" {
	seq 1 2000000 > big
	run bash -c 'trap "" PIPE; "$1" big | head -n 1 > /dev/null; echo "${PIPESTATUS[0]}"' sh "$(bin uniq)"
	[ "$output" = "$(printf '%s: write error: Broken pipe\n1' "$(bin uniq)")" ]
}

@test "/dev/full: GNU's message, status 1" {
	seq 1 100000 > big
	sh_fails 1 uniq 'write error: No space left on device' '"$1" big > /dev/full'
	sh_fails 1 uniq 'write error: No space left on device' '"$1" -c big /dev/full'
}

@test "unreadable input as a non-root user: Permission denied, status 1" {
	echo secret > locked
	chmod 000 locked
	chmod 755 "$T"
	as=()
	if [ "$(id -u)" -eq 0 ]; then
		command -v setpriv > /dev/null || skip "setpriv missing"
		as=(setpriv --reuid=65534 --regid=65534 --clear-groups)
	fi
	run "${as[@]}" "$(bin uniq)" locked
	[ "$status" -eq 1 ]
	[ "$output" = "$(bin uniq): locked: Permission denied" ]
	run "${as[@]}" /usr/bin/uniq locked
	[ "$status" -eq 1 ]
	[ "$output" = "/usr/bin/uniq: locked: Permission denied" ]
}

@test "a directory operand: GNU's 'error reading', status 1, output file made" {
	mkdir d
	sh_fails 1 uniq "error reading 'd'" '"$1" d out'
	[ -f out ] && [ ! -s out ]
}

@test "long options other than --all-repeated and --group: unrecognized" {
	for o in --count --repeated --unique --ignore-case --zero-terminated \
			--skip-fields=1 --skip-chars=1 --check-chars=1 --help --version; do
		sh_fails 1 uniq "unrecognized option '$o'
Try '$(bin uniq) --help' for more information." '"$1" '"$o"' < /dev/null'
	done
}
