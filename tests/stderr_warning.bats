#!/usr/bin/env bats
# A warning (a message with the status kept at 0) that cannot be written:
# stderr on /dev/full or closed. GNU's close_stdout ends with
# close_stream (stderr), which fails after the failed fprintf, and exits
# with exit_failure (1). Ours: the same status, the work still done.
# Found by a fuzz (rm's prompts, pwd's operands), then checked across the
# utilities that warn; dd's statistics, the questions of cp -i, mv -i and
# ln -i, cp's and mv's "specified more than once" and tail's --retry
# warning came later (a survey of every utility's stderr-only output).
load helpers

# warn_like_gnu UTIL ARG... - ours and GNU's status with stderr /dev/full,
# then closed, in fresh directories with empty files f and g, a directory
# d, u (b, a: unsorted) and md5, sha1, sha256 (a bad line, then f's sum);
# GNU's must be WARN_STATUS (default 1)
warn_like_gnu() {
	local e o g
	for e in '2>/dev/full' '2>&-'; do
		rm -rf w1 w2; mkdir -p w1/d w2/d; touch w1/f w2/f w1/g w2/g
		for w in w1 w2; do
			printf 'b\na\n' > $w/u
			for h in md5 sha1 sha256; do
				(cd $w && { echo junk; /usr/bin/${h}sum f; } > $h)
			done
		done
		o=$(cd w1 && sh -c "\"\$@\" $e </dev/null >/dev/null; echo \$?" sh "$(bin "$1")" "${@:2}")
		g=$(cd w2 && sh -c "\"\$@\" $e </dev/null >/dev/null; echo \$?" sh "/usr/bin/$1" "${@:2}")
		[ "$o" = "$g" ] || { echo "$* $e: ours $o, GNU $g"; return 1; }
		[ "$g" = "${WARN_STATUS:-1}" ] ||
			{ echo "$* $e: GNU $g (expected ${WARN_STATUS:-1})"; return 1; }
	done
}

@test "pwd's operands, du's --inodes, od's width: status 1, as GNU's" {
	warn_like_gnu pwd extra
	warn_like_gnu du --apparent-size -s --inodes f
	warn_like_gnu od -w3 -An /dev/null
}

@test "chown's old U.G form: status 1 and the change made, as GNU's" {
	warn_like_gnu chown 0.0 f
}

@test "ln -r's relpath warning: status 1, the link made, as GNU's" {
	deep_ff_links
	run sh -c '"$1" -rs b/ff n1 2>/dev/full; echo $?' sh "$(bin ln)"
	[ "$output" = 1 ]
	[ "$(readlink n1)" = b/ff ]
	run sh -c '/usr/bin/ln -rs b/ff n2 2>/dev/full; echo $?'
	[ "$output" = 1 ] && [ "$(readlink n2)" = b/ff ]
}

@test "dd's statistics not written: status 1, the copy made, as GNU's" {
	warn_like_gnu dd if=f of=o
	warn_like_gnu dd if=f status=noxfer
	[ "$(cat w1/o)" = "$(cat w2/o)" ]
	run sh -c '"$1" if=/dev/zero of=/dev/null count=3 status=progress 2>&-; echo $?' sh "$(bin dd)"
	[ "$output" = 1 ]
}

@test "cp -i, mv -i, ln -i: a question not written is status 1, as GNU's" {
	warn_like_gnu cp -i f g
	warn_like_gnu mv -i f g
	warn_like_gnu ln -i f g
}

@test "cp's and mv's 'specified more than once', tail --retry: status 1, as GNU's" {
	warn_like_gnu cp f f d
	warn_like_gnu mv f g g
	warn_like_gnu tail --retry f
}

@test "md5sum, sha1sum, sha256sum -c's warnings not written: status 1, as GNU's" {
	warn_like_gnu md5sum -c md5
	warn_like_gnu sha1sum -c sha1
	warn_like_gnu sha256sum -c --warn sha256
}

@test "sort -c's disorder not written: status 2 (GNU's exit_failure)" {
	WARN_STATUS=2 warn_like_gnu sort -c u
}

@test "env: -v's lines or the exec failure not written: status 125 (GNU's exit_failure)" {
	WARN_STATUS=125 warn_like_gnu env -iv
	WARN_STATUS=125 warn_like_gnu env -v -u X
	WARN_STATUS=125 warn_like_gnu env ./nosuch
	WARN_STATUS=125 warn_like_gnu env -v ./d
	run sh -c '"$1" -v true 2>&-; echo $?' sh "$(bin env)"
	[ "$output" = 0 ]
}

@test "mkdir, mkfifo, mknod --context=CTX, cksum --debug, tr's backslash: status 1, as GNU's" {
	warn_like_gnu mkdir --context=x n
	warn_like_gnu mkfifo --context=x n
	warn_like_gnu mknod --context=x n p
	warn_like_gnu cksum --debug f
	warn_like_gnu tr a '\'
}

@test "ls: LS_COLORS's warnings not written: status 2 (GNU's exit_failure)" {
	local e
	for e in '2>/dev/full' '2>&-'; do
		run sh -c "LS_COLORS=zz=1 \"\$1\" --color=always . >/dev/null $e; echo \$?" sh "$(bin ls)"
		[ "$output" = 2 ]
		run sh -c "LS_COLORS=zz=1 /usr/bin/ls --color=always . >/dev/null $e; echo \$?"
		[ "$output" = 2 ]
		run sh -c "LS_COLORS=di=1 \"\$1\" --color=always . >/dev/null $e; echo \$?" sh "$(bin ls)"
		[ "$output" = 0 ]
	done
}

@test "a run with nothing to warn about keeps 0 with stderr on /dev/full" {
	for u in "du -s ." "od /dev/null" "pwd" "ln -s f l" "dd if=/dev/null status=none" \
		"cp -r d d2" "mv g h" "tail -n1 /dev/null" "sort -c g" "md5sum g" "env -u X" \
		"mkdir -Z e" "cksum g" "tr a b"; do
		mkdir -p d; touch g
		run sh -c "$SUBK_BIN/$u 2>/dev/full >/dev/null; echo \$?"
		[ "$output" = 0 ]
	done
}
