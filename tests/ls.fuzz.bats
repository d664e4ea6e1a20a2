#!/usr/bin/env bats
# ls: what the differential fuzz against GNU (issue 5) found that difftest
# cannot express: a terminal's defaults (script(1): -C, -q and the
# shell-escape quoting) with an empty operand and with -N's "DIR:"
# headers, --group-directories-first's lstat of symlinks as a non-root
# user, -i's widths (inode numbers differ between two directories), and
# the peak RSS of the paths the fixes touched.
load helpers

# on_tty_like_gnu ARGS... - ours and GNU's ls ARGS on a terminal (script,
# COLUMNS=40): the same bytes on the terminal (stdout and stderr)
on_tty_like_gnu() {
	command -v script > /dev/null || skip "script missing"
	local q
	q=$(printf '%q ' "$@")
	SHELL=/bin/bash COLUMNS=40 script -qc "$(bin ls) $q" /dev/null > "$T/ours" 2>&1 || true
	SHELL=/bin/bash COLUMNS=40 script -qc "/usr/bin/ls $q" /dev/null > "$T/gnus" 2>&1 || true
	sed -i "s|$(bin ls):|ls:|" "$T/ours"
	sed -i "s|/usr/bin/ls:|ls:|" "$T/gnus"
	cmp "$T/gnus" "$T/ours" || { echo "ls $q"; diff "$T/gnus" "$T/ours" | cat -A | head; return 1; }
}

@test "a terminal: an empty operand is quoted '' by GNU, so the other names get its pad" {
	mkdir w && cd w
	touch a bb
	mkdir d
	touch d/x
	local o
	for o in -x -C -l -ld -F "-x -w 1" -s -1; do
		on_tty_like_gnu $o '' a bb
		on_tty_like_gnu $o a '' d
	done
}

@test "a terminal: -N (literal) keeps the terminal's -q: '?' in names and DIR: headers" {
	mkdir w && cd w
	mkdir "a$(printf '\001')b" sub
	touch "a$(printf '\001')b/f" "x$(printf '\t')y" sub/g
	local o
	for o in "-N -R" "-N -Rl" "-NR -x" "-R" "--literal -R -C" "-N -R --show-control-chars"; do
		on_tty_like_gnu $o
	done
	on_tty_like_gnu -N . "a$(printf '\001')b"
	on_tty_like_gnu -N sub "a$(printf '\001')b"
}

@test "a terminal: narrow windows (COLUMNS 1 to 8) lay out like GNU" {
	mkdir w && cd w
	touch a b ccc dd
	local c
	for c in 1 2 3 4 5 6 7 8; do
		on_tty_like_gnu -w "$c"
		on_tty_like_gnu -x -w "$c" a b
	done
}

@test "--group-directories-first in a directory without search permission (nobody): GNU's check_symlink_mode lstats each symlink" {
	as_nobody
	chmod 755 "$T"
	mkdir -p w/d/sub && cd w
	ln -s nowhere d/y
	ln -s /etc d/e
	touch d/f
	chmod 644 d
	local o
	for o in --group-directories-first "--group-directories-first -L" "--group-directories-first -F" \
		"--group-directories-first -p" "--group-directories-first -U" -F "--group-directories-first -l"; do
		ls_like_gnu $o d
	done
}

@test "-i: the inode width counts the directory operands too (GNU's gobble_file), in every format" {
	mkdir w && cd w
	touch a b
	mkdir d
	touch d/x
	ln -s /dev/null null
	local o
	for o in -i -iC -ix -im -i1 -il -is -iF -id; do
		ls_like_gnu $o a d
		ls_like_gnu $o d a b nosuch
		ls_like_gnu $o /dev/null d              # (a small inode, a long one)
		ls_like_gnu -L $o null d
	done
}

@test "peak RSS: ls -R 12 KiB; -Rq (a header through .qsec) 16, -C -w4 and -s -Q 20 (.zsec, .qsec)" {
	mkdir -p w/sub && cd w
	touch a b sub/c
	rss_at_most 12 ls -R
	rss_at_most 12 ls . sub
	rss_at_most 16 ls -Rq
	rss_at_most 20 ls -C -w4
	rss_at_most 20 ls -s -Q a
}
