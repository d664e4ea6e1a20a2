#!/usr/bin/env bats
# pwd: a write error's message, found by a differential fuzz against GNU's
# pwd. GNU's puts() hands a name of 4096 bytes or more to one direct write;
# when it fails nothing is pending at fclose, and the message has no reason
# ("pwd: write error"); a shorter name is pending and fclose's flush gives
# the reason. A closed stdout keeps it (close fails too). Only the walk
# (names past PATH_MAX) makes such names: -L's $PWD is stat'ed, so GNU
# takes one of 4096 bytes or more as not naming "." (checked byte for byte
# with redundant slashes, which -L keeps).
load helpers

# slashed N - $PWD as N bytes with the newline: the name, slashes in front
slashed() {
	local n=$(( $1 - 1 - ${#PWD} ))
	printf '%*s%s' "$n" '' "$PWD" | tr ' ' /
}

@test "-L, \$PWD of 4095 to 4098 bytes with the newline to /dev/full or a closed stdout: GNU's message" {
	local n p
	for n in 4095 4096 4097 4098 9000; do
		p=$(slashed "$n")
		[ "${#p}" -eq $(( n - 1 )) ]
		PWD=$p "$(bin pwd)" -L >/dev/full 2> ours && false
		PWD=$p /bin/pwd -L >/dev/full 2> gnu && false
		sed -i 's/^[^:]*pwd:/pwd:/' ours gnu
		cmp ours gnu
		PWD=$p "$(bin pwd)" -L >&- 2> ours && false
		PWD=$p /bin/pwd -L >&- 2> gnu && false
		sed -i 's/^[^:]*pwd:/pwd:/' ours gnu
		cmp ours gnu
	done
	grep -qx 'pwd: write error: Bad file descriptor' ours
}

@test "the walk's long name to /dev/full: 'write error' with no reason, as GNU's" {
	local d i
	d=$(printf 'd%.0s' $(seq 200))
	for i in $(seq 25); do mkdir "$d" && cd "$d" || return 1; done
	"$(bin pwd)" -P >/dev/full 2> ours && false
	/bin/pwd -P >/dev/full 2> gnu && false
	sed -i 's/^[^:]*pwd:/pwd:/' ours gnu
	cmp ours gnu
	grep -qx 'pwd: write error' ours
}
