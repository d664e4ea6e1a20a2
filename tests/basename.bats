#!/usr/bin/env bats
# basename: many operands against GNU, a closed pipe.
load helpers

@test "20000 operands of every shape give GNU's output, with and without -s" {
	for i in $(seq 2000); do
		printf '%s\n' "a$i/b.c" "/x$i" "//y$i//z.c/" "$i.c" "" "///" "p/q$i/" ".c" "a//b$i//c"
	done > names
	tr '\n' '\0' < names > names0
	xargs -0 "$(bin basename)" -a < names0 > ours
	xargs -0 /usr/bin/basename -a < names0 > gnu
	cmp ours gnu
	xargs -0 "$(bin basename)" -z -s .c < names0 > ours
	xargs -0 /usr/bin/basename -z -s .c < names0 > gnu
	cmp ours gnu
}

@test "a closed pipe ends it by SIGPIPE, silently" {
	sigpipe_silent basename '-n 1' '1\n' -a $(seq 30000)
}

@test "peak RSS of a trivial run: at most 16 KiB" {
	rss_at_most 16 basename /a/b.c .c
}
