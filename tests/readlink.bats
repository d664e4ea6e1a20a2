#!/usr/bin/env bats
# readlink: the differential cases again as a non-root user, and what
# difftest cannot express: names longer than PATH_MAX built
# with relative steps, a component that is not searchable (as root and as
# a non-root user), write errors on /dev/full, a closed pipe, many
# operands, peak RSS.
load helpers

@test "the differential cases as a non-root user" {
	user_cases readlink
}

@test "a name past PATH_MAX: -f and -e fail as GNU's, -m prints it" {
	deep_tree
	for o in -f -e -m -fv -ev; do
		run "$(bin readlink)" $o "$deep"
		local s=$status o1=$output
		run /usr/bin/readlink $o "$deep"
		[ "$s" -eq "$status" ] && [ "${o1#"$(bin readlink)"}" = "${output#/usr/bin/readlink}" ] ||
			{ echo "$o: $s $status"; return 1; }
	done
	"$(bin readlink)" -m "$deep/x/../y" > out
	/usr/bin/readlink -m "$deep/x/../y" > expected
	cmp expected out
	[ "$(wc -c < out)" -gt 4096 ]
}

@test "an unsearchable directory: Permission denied as a non-root user, fine as root" {
	mkdir -p locked/sub
	ln -s sub locked/l
	chmod 700 locked
	chmod 755 "$T"
	"$(bin readlink)" -e locked/l > out
	/usr/bin/readlink -e locked/l > expected
	cmp expected out
	as_nobody
	unreadable_like_gnu readlink '%s: locked/l: Permission denied' -ev locked/l
	unreadable_like_gnu readlink '%s: locked/l: Permission denied' -v locked/l
	unreadable_like_gnu readlink '' -f locked/l/x
}

@test "/dev/full: one write error at the end, status 1" {
	ln -s target l
	dev_full_fails readlink l l
	dev_full_fails readlink -f . l
}

@test "a closed pipe kills it by SIGPIPE, silently" {
	ln -s target l
	closed_pipe_kills readlink l
	closed_pipe_kills readlink -f .
}

@test "1000 operands give GNU's output" {
	python3 -c 'import os
for i in range(1, 1001): os.symlink("t%d/../x" % i, "l%d" % i)'
	output_like_gnu readlink l*
	output_like_gnu readlink -mz l* nonex/x
	run "$(bin readlink)" -f l* nonex/x
	[ "$status" -eq 1 ] && [ "$output" = "$(/usr/bin/readlink -f l* nonex/x)" ]
}

@test "peak RSS of a trivial run is at most 16 KiB" {
	rss_at_most 16 readlink -f .
	rss_at_most 16 readlink -m /usr/bin/../lib/x
	ln -s x l
	rss_at_most 16 readlink "$T/l"
	mkdir d && touch d/f && ln -s d/f l2 && ln -s l2 l3
	rss_at_most 16 readlink -f l3       # (a link's target: the name's page)
	rss_at_most 16 readlink -e l3
	rss_at_most 16 readlink --canonicalize-existing l3   # (long_opt's word on the page)
}

@test "100 operands and a bad one, as GNU (i386: the vDSO after 32 calls)" {
	hundred_operands_like_gnu files readlink -f
}

@test "-v: stdout flushed before each message: one merged stream as GNU's (the fuzz)" {
	touch f1
	ln -s f1 l1
	merged_like_gnu readlink -fv f1 nope/x f1
	merged_like_gnu readlink -ev f1 nope . nope/x
	merged_like_gnu readlink -v l1 f1 l1
	merged_like_gnu readlink -mv f1 f1/x/..
}
