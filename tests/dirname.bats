#!/usr/bin/env bats
# dirname: many operands against GNU, a closed pipe.
load helpers

@test "20000 operands of every shape give GNU's output" {
	for i in $(seq 2000); do
		printf '%s\n' "a$i/b" "/x$i" "//y$i//z/" "$i" "" "///" "p/q$i/" ".$i" "a//b$i//c"
	done > names
	tr '\n' '\0' < names > names0
	xargs -0 "$(bin dirname)" < names0 > ours
	xargs -0 /usr/bin/dirname < names0 > gnu
	cmp ours gnu
	xargs -0 "$(bin dirname)" -z < names0 > ours
	xargs -0 /usr/bin/dirname -z < names0 > gnu
	cmp ours gnu
}

@test "a closed pipe ends it by SIGPIPE, silently" {
	sigpipe_silent dirname '-n 1' '.\n' $(seq 30000)
}

@test "peak RSS of a trivial run: at most 16 KiB" {
	rss_at_most 16 dirname /a/b
}
