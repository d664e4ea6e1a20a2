#!/usr/bin/env bats
# printenv: environments difftest cannot build (duplicates, a variable
# without '='), a big environment, and write errors.
load helpers

# both ENV... -- ARGS...: our printenv and GNU's, same stdout and status
both() {
	local i=1
	for a in "$@"; do [ "$a" = -- ] && break; i=$((i + 1)); done
	ours=$(rawexec "${@:1:i-1}" -- "$(bin printenv)" "${@:i+1}"; echo ":$?")
	gnu=$(rawexec "${@:1:i-1}" -- /usr/bin/printenv "${@:i+1}"; echo ":$?")
	[ "$ours" = "$gnu" ]
}

@test "a name twice in the environment: both values, in order" {
	run rawexec A=1 B=2 A=3 -- "$(bin printenv)" A
	[ "$status" -eq 0 ]
	[ "$output" = "$(printf '1\n3')" ]
	both A=1 B=2 A=3 -- A B A
	both A=1 B=2 A=3 -- -0 A
}

@test "a variable without '=' is listed, and never matches a name" {
	both NOEQ A=1 -- 
	both NOEQ A=1 -- NOEQ
	both NOEQ A=1 -- NOEQ A
	run rawexec NOEQ -- "$(bin printenv)" NOEQ
	[ "$status" -eq 1 ]
	[ -z "$output" ]
}

@test "odd variables: '=x', 'A==', an empty environment" {
	both =x A== -- 
	both =x A== -- A
	both -- 
	both -- A
}

@test "a big environment: all of it, and names at both ends" {
	mapfile -t big < <(seq 1 3000 | sed 's/.*/V&=value number &/')
	[ "${big[2999]}" = 'V3000=value number 3000' ]
	# both's loop over 3,000 words: untraced (see untraced)
	untraced both "${big[@]}" -- 
	untraced both "${big[@]}" -- -0
	untraced both "${big[@]}" -- V3000 V1 V1500 NOPE
}

@test "/dev/full: 'write error', status 2" {
	sh_fails 2 printenv 'write error: No space left on device' '"$1" >/dev/full'
	sh_fails 2 printenv 'write error: No space left on device' 'HOME=/x "$1" HOME >/dev/full'
}

@test "stdout closed: 'write error: Bad file descriptor', status 2" {
	sh_fails 2 printenv 'write error: Bad file descriptor' '"$1" >&-'
}

@test "an unset name with stdout on /dev/full: status 1, no message" {
	run sh -c '"$1" NOPE_XYZ >/dev/full' sh "$(bin printenv)"
	[ "$status" -eq 1 ]
	[ -z "$output" ]
}

@test "peak RSS of a trivial run: at most 16 KiB" {
	rss_at_most 16 printenv
	rss_at_most 16 printenv -0
}
