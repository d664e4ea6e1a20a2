#!/usr/bin/env bats
# chmod: what difftest cannot run: the user cases as a non-root user, a
# read-only file system, a tree deeper than PATH_MAX, wide directories, a
# closed pipe, and the peak RSS.
load helpers

@test "the user cases as a non-root user" {
	user_cases chmod
}

@test "a read-only file system: GNU's message, the other operand still changed" {
	mkdir ro && touch ro/f f
	local m="%s: changing permissions of 'ro/f': Read-only file system"
	ro_fs_fails chmod "$m" 600 ro/f f
	[ "$(stat -c %a f)" = 600 ]
	ro_fs_fails /usr/bin/chmod "$m" 600 ro/f f
}

@test "-R through a tree deeper than PATH_MAX, -v lines as GNU's" {
	deep_rv_like_gnu chmod 700
	[ "$(stat -c %a o/deep/$name/$name)" = 700 ]
}

@test "-v into a closed pipe is killed by SIGPIPE as GNU" {
	mkdir d
	touch d/{1..400}
	closed_pipe_kills chmod -Rv 600 d
}

@test "peak RSS" {
	touch f
	rss_at_most 16 chmod 600 f
	rss_at_most 16 chmod u+x f
	mkdir -p d/e && touch d/x d/e/y
	rss_at_most 16 chmod -R 700 d
}

@test "peak RSS of -v, -c and of an error: 16 KiB" {
	touch f
	rss_at_most 16 chmod -v 644 f
	rss_at_most 16 chmod -c u+x f
	rss_error_at_most 16 chmod 644 nope
	rss_error_at_most 16 chmod -v 644 nope
}

@test "-Rv of wide directories with subdirectories among the entries: GNU's lines" {
	# (the one getdents buffer is read again from the entry's d_off after
	# each subdirectory)
	local n=$(printf 'x%.0s' {1..60}) i
	mkdir w && touch w/${n}{1..150}
	for i in 7 70 140; do mkdir w/d$i && touch w/d$i/${n}{1..100}; done
	/usr/bin/chmod -R 755 w
	"$(bin chmod)" -Rv 700 w > ours
	/usr/bin/chmod -R 755 w
	/usr/bin/chmod -Rv 700 w > gnu
	cmp ours gnu
	[ "$(wc -l < ours)" -eq 454 ]
}

@test "100 operands and a bad one, as GNU (i386: the vDSO after 32 calls)" {
	hundred_operands_like_gnu files chmod 600
}

@test "-v: GNU's 'could not be accessed' line on stdout after the message, one merged stream as GNU's" {
	touch f1 f2
	ln -s nowhere dl
	merged_like_gnu chmod -v 644 f1 nope f2
	merged_like_gnu chmod -v 644 dl nope f2
	merged_like_gnu chmod -fv 644 nope f1
	merged_like_gnu chmod -c 644 f1 nope f2
}

@test "-R through 5000 levels with 48 descriptors (fts's way: past 32 levels a grandparent is closed and opened again by '..'): -v lines as GNU's" {
	shm_dir chmod
	deep_chain "$shm/t" 5000
	(cd "$shm" && ulimit -n 48 && exec "$(bin chmod)" -Rv 700 t) > first 2> ours.err
	[ ! -s ours.err ]
	[ "$(wc -l < first)" -eq 5017 ]
	[ "$(grep -c ' changed from ' first)" -eq 5012 ]
	[ -z "$(find "$shm/t" ! -type l ! -perm 700 | head -1)" ]
	# again on the same tree, now GNU's first: the same lines in the same order
	(cd "$shm" && exec /usr/bin/chmod -Rv 700 t) > gnus 2> gnus.err
	(cd "$shm" && ulimit -n 48 && exec "$(bin chmod)" -Rv 700 t) > ours 2> ours.err
	[ ! -s ours.err ]
	[ ! -s gnus.err ]
	cmp ours gnus
	[ "$(stat -c %a /)" != 700 ]		# the links to ".." were not followed
}

@test "-R as nobody past 32 levels: a directory of its own made unsearchable 40 levels down, the way back kept (GNU's lines)" {
	as_nobody
	[ ${#as[@]} -gt 0 ] || skip "not root"
	chmod 755 "$T"
	nobody_deep_pair
	"${as[@]}" "$(bin chmod)" -R 600 t t/d > ours 2>&1 || echo "rc=$?" >> ours
	"${as[@]}" /usr/bin/chmod -R 600 g g/d > gnus 2>&1 || echo "rc=$?" >> gnus
	sed -i "s|^$(bin chmod):|chmod:|; s|'t|'X|" ours
	sed -i "s|^/usr/bin/chmod:|chmod:|; s|'g|'X|" gnus
	diff ours gnus
	[ "$(wc -l < ours)" -eq 82 ]
}

@test "-c/-v with stdout closed, a change then an error: GNU's 'write error: Bad file descriptor' (close_stream's close fails), /dev/full's bare" {
	local o ours gnu
	touch a b
	for o in "-c 644 a nosuch" "-v 644 a nosuch b" "-c 644 a nosuch b"; do
		chmod 600 a
		ours=$("$(bin chmod)" $o 2>&1 >&-) || :
		chmod 600 a
		gnu=$(/usr/bin/chmod $o 2>&1 >&-) || :
		[ "${ours//"$(bin chmod)"/chmod}" = "${gnu//"/usr/bin/chmod"/chmod}" ]
		chmod 600 a
		ours=$("$(bin chmod)" $o 2>&1 > /dev/full) || :
		chmod 600 a
		gnu=$(/usr/bin/chmod $o 2>&1 > /dev/full) || :
		[ "${ours//"$(bin chmod)"/chmod}" = "${gnu//"/usr/bin/chmod"/chmod}" ]
	done
}
