#!/usr/bin/env bats
# chgrp: what difftest cannot run: the user cases as a non-root user, a
# read-only file system, a tree deeper than PATH_MAX, wide directories, a
# closed pipe, and the peak RSS.
load helpers

@test "the user cases as a non-root user" {
	user_cases chgrp
}

@test "a read-only file system: GNU's message, the other operand still changed" {
	[ "$(id -u)" -eq 0 ] || skip "not root"
	mkdir ro && touch ro/f f
	local m="%s: changing group of 'ro/f': Read-only file system"
	ro_fs_fails chgrp "$m" daemon ro/f f
	[ "$(stat -c %g f)" = 1 ]
	ro_fs_fails /usr/bin/chgrp "$m" daemon ro/f f
}

@test "-R through a tree deeper than PATH_MAX, -v lines as GNU's" {
	[ "$(id -u)" -eq 0 ] || skip "not root"
	deep_rv_like_gnu chgrp daemon
	[ "$(stat -c %g o/deep/$name/$name)" = 1 ]
}

@test "-v into a closed pipe is killed by SIGPIPE as GNU" {
	mkdir d
	touch d/{1..400}
	closed_pipe_kills chgrp -Rv 0 d
}

@test "peak RSS" {
	touch f
	rss_at_most 16 chgrp 0 f
	rss_at_most 16 chgrp daemon f
	mkdir -p d/e && touch d/x d/e/y
	rss_at_most 16 chgrp -R 0 d
	rss_at_most 16 chgrp -RL daemon d
	rss_at_most 16 chgrp --reference=f f    # (names looked up for -v and -c alone)
}

@test "peak RSS of an error and of -v: 16 KiB" {
	touch f
	rss_error_at_most 16 chgrp 0 nope
	rss_error_at_most 16 chgrp -R daemon nope
	rss_at_most 16 chgrp -v 0 f
	rss_at_most 16 chgrp -c daemon f
	mkdir -p d/e && touch d/x d/e/y
	rss_at_most 16 chgrp -Rv 0 d          # (the id files read past the line)
	rss_at_most 16 chgrp -Rc daemon d
	rss_at_most 16 chgrp --verb 0 f        # (long_opt's words on the page)
}

@test "-Rv and -Rc with old owners of several names and of bare numbers: GNU's lines" {
	owner_lines_like_gnu chgrp daemon 0 12345 bin
}

@test "-v lines of every length (built in dbuf, or again past the path when longer): GNU's" {
	n=$(printf 'n%.0s' $(seq 250))
	c=$(printf '\001%.0s' $(seq 250))
	for f in f "$n" "$c"; do
		for spec in 0 daemon; do
			touch "$f"
			"$(bin chgrp)" -v "$spec" "$f" > out
			chown 0:0 "$f"
			/usr/bin/chgrp -v "$spec" "$f" > expected
			cmp expected out
		done
	done
}

@test "-Rv of wide directories with subdirectories among the entries: GNU's lines" {
	wide_rv_like_gnu chgrp daemon
}
