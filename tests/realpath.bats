#!/usr/bin/env bats
# realpath: the differential cases again as a non-root user, and what
# difftest cannot express: names longer than PATH_MAX built
# with relative steps, a component that is not searchable (as root and as
# a non-root user), write errors on /dev/full, a closed pipe, many
# operands with --relative-to, peak RSS.
load helpers

@test "the differential cases as a non-root user" {
	user_cases realpath
}

# same_as_gnu ARGS... - our realpath and GNU's: the same status, stdout
# and stderr (after the program name)
same_as_gnu() {
	"$(bin realpath)" "$@" > out 2> err && s1=0 || s1=$?
	/usr/bin/realpath "$@" > expected 2> experr && s2=0 || s2=$?
	[ "$s1" -eq "$s2" ] && cmp expected out &&
		[ "$(sed "s|^$(bin realpath)|R|" err)" = "$(sed 's|^/usr/bin/realpath|R|' experr)" ] ||
		{ echo "$*: status $s1 $s2"; return 1; }
}

@test "a name past PATH_MAX: fails as GNU's, except with -m and -s" {
	deep_tree
	same_as_gnu "$deep"
	same_as_gnu -e "$deep"
	same_as_gnu -m "$deep/x/../y"
	[ "$(wc -c < out)" -gt 4096 ]
	same_as_gnu -s "$deep"
	same_as_gnu --relative-to="$deep" .
	same_as_gnu -m --relative-to="$deep" . "$deep/a"
}

@test "an unsearchable directory: Permission denied as a non-root user, fine as root" {
	mkdir -p locked/sub
	chmod 700 locked
	chmod 755 "$T"
	same_as_gnu locked/sub locked/x
	as_nobody
	unreadable_like_gnu realpath '%s: locked/sub: Permission denied' locked/sub
	unreadable_like_gnu realpath '%s: locked/sub: Permission denied' -e locked/sub
	unreadable_like_gnu realpath '%s: locked/sub: Permission denied' --relative-to=locked/sub .
}

@test "/dev/full: one write error at the end, status 1" {
	dev_full_fails realpath . /
	dev_full_fails realpath --relative-to=/ . /
}

@test "a closed pipe kills it by SIGPIPE, silently" {
	closed_pipe_kills realpath .
}

@test "1000 operands give GNU's output, absolute and relative" {
	mkdir -p a/b/c
	python3 -c 'import os
for i in range(1, 1001): os.symlink("a/b/../t%d" % i, "l%d" % i)'
	output_like_gnu realpath l*
	output_like_gnu realpath -s l*
	output_like_gnu realpath -z --relative-to=a/b/c l*
	output_like_gnu realpath --relative-base=a l* a/b a/x
}

@test "peak RSS of a trivial run is at most 16 KiB" {
	rss_at_most 16 realpath .
	rss_at_most 16 realpath -m /usr/bin/../lib/x
	mkdir d && touch d/f && ln -s d/f l && ln -s l l2
	rss_at_most 16 realpath l2 d       # (a link's target: the name's page)
	rss_at_most 16 realpath --relative-to=d l2 d   # (the results one after another)
	rss_at_most 16 realpath --relative-base=. --relative-to=d -L d/f
}

@test "100 operands and a bad one, as GNU (i386: the vDSO after 32 calls)" {
	hundred_operands_like_gnu files realpath
}

@test "stdout flushed before each message: one merged stream as GNU's" {
	printf 'a\tb\n' > f1
	merged_like_gnu realpath f1 nope/x f1
	merged_like_gnu realpath -e f1 nope . nope/x
	merged_like_gnu realpath -s f1 nope/x/y
}
