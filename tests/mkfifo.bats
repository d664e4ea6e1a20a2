#!/usr/bin/env bats
# mkfifo: what difftest cannot run: the user cases as a non-root user, a
# read-only file system, and the peak RSS.
load helpers

@test "the user cases as a non-root user" {
	user_cases mkfifo
}

@test "a read-only file system: GNU's message, the other operand still made" {
	mkdir ro
	local m="%s: cannot create fifo 'ro/f': Read-only file system"
	ro_fs_fails mkfifo "$m" ro/f f
	[ -p f ]
	rm f
	ro_fs_fails /usr/bin/mkfifo "$m" ro/f f
}

@test "peak RSS" {
	rss_at_most 16 mkfifo f
	rss_at_most 16 mkfifo -m 600 g
}

@test "100 operands and a bad one, as GNU (i386: the vDSO after 32 calls)" {
	local i st=0 gst=0 names=()
	mkdir ours gnu
	printf 'in\n' > in
	for i in $(seq 1 100); do
		names+=("p$i")
		[ "$i" -eq 60 ] && names+=(missing/x)
	done
	(cd ours && "$(bin mkfifo)"  "${names[@]}" > ../out 2> ../err) || st=$?
	(cd gnu && /usr/bin/mkfifo  "${names[@]}" > ../gout 2> ../gerr) || gst=$?
	[ "$st" -eq "$gst" ]
	cmp out gout
	[ "$(cat err)" = "$(sed "s|^/usr/bin/mkfifo|$(bin mkfifo)|" gerr)" ]
	diff <(cd ours && find . -printf '%p %M %s\n' | sort) <(cd gnu && find . -printf '%p %M %s\n' | sort)
}
