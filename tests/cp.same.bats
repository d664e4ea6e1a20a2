#!/usr/bin/env bats
# cp: GNU's same_file_ok for SOURCE and DEST that are one file, against
# GNU's: with backups, a SOURCE that is a symlink onto the file it leads to
# is refused ("are the same file": ours backed DEST up, then could not
# read SOURCE, or with -s made DEST a link to itself); with
# --remove-destination, DEST a hard link of SOURCE is removed and copied
# anew (ours said "are the same file"). Hard links: not in difftest's
# vocabulary, so here.
load helpers

# scenarios CP - each command in a fresh tree (a: data, sa -> a, h a hard
# link of a, sa2 -> sa, h2 another file): its status, output and the tree
scenarios() {
	local c out rc f
	for c in "-bs sa a" "-b sa a" "--backup=numbered sa a" "-bf sa a" \
		"-b --remove-destination sa a" "-bH sa a" "-bL sa a" "-bP sa a" \
		"-bd sa a" "-b a sa" "-bs a sa" "--remove-destination a h" \
		"-s --remove-destination a h" "--remove-destination a a" \
		"--remove-destination -b a h" "--remove-destination a ./a" \
		"--remove-destination sa a" "--remove-destination a sa" \
		"--remove-destination -P sa a" "--remove-destination h2 a" \
		"-f a h" "a h" "-b a h" "-b a ./a" "-b a a" "-bv sa2 a" "-b sa2 a" \
		"-bL sa2 sa" "-b sa sa2" "-rb sa a" "-ab sa a" "-bl a h" \
		"-b --remove-destination a sa" "-i --remove-destination a h" \
		"-v --remove-destination a h" "-bv --remove-destination a h"; do
		rm -rf w && mkdir w && cd w || return 1
		echo data > a; ln -s a sa; ln a h; ln -s sa sa2; echo other > h2
		# shellcheck disable=SC2086
		rc=0; out=$(echo y | "$1" $c 2>&1) || rc=$?
		echo "== $c: $rc ${out//"$1"/cp}"
		for f in $(ls -A); do
			if [ -L "$f" ]; then echo "$f -> $(readlink "$f")"
			else echo "$f $(stat -c %h "$f") $(cat "$f")"; fi
		done
		cd .. || return 1
	done
}

@test "cp: same_file_ok with backups and --remove-destination as GNU's" {
	scenarios "$(bin cp)" > ours
	scenarios /usr/bin/cp > gnus
	diff gnus ours
	[ "$(grep -c '^== ' ours)" -eq 36 ]
}

# scenarios2 CP - -P's symlinks onto themselves and onto another name of
# one symlink (a -> x, b a hard link of a, d/a -> ../x, self -> self,
# dang -> nowhere, sa -> a, a2 a hard link of sa)
scenarios2() {
	local c out rc
	for c in "-d --remove-destination a a" "-P --remove-destination a a" \
		"-a --remove-destination a a" "-ai --remove-destination a a" \
		"-d --remove-destination a ./a" "-d --remove-destination d/../a a" \
		"-d --remove-destination d/a d" "-a --remove-destination --parents d/a ." \
		"-d --remove-destination self self" "-d --remove-destination dang dang" \
		"-d --remove-destination -s a a" "-d --remove-destination -u a a" \
		"-d -b a a" "-d -n a a" "-d -l a a" "-H --remove-destination a a" \
		"--remove-destination a a" "-d a a" "-d a b" "-df a b" \
		"-d --remove-destination a b" "-db a b" "-dv a b" "-d -s a b" "-a a b" \
		"-dn a b" "-di a b" "-d --remove-destination sa a2" "-d sa sa"; do
		rm -rf w && mkdir w && cd w || return 1
		echo q > x; ln -s x a; ln a b; mkdir d; ln -s ../x d/a; ln -s self self
		ln -s nowhere dang; ln -s a sa; ln sa a2
		rc=0; out=$(echo y | "$1" $c 2>&1) || rc=$?
		echo "== $c: $rc ${out//"$1"/cp}"
		find . -printf '%p %y %n %l\n' | sort
		cd .. || return 1
	done
}

@test "cp -P: a symlink onto itself is the same file (never removed), two names of one symlink as GNU's" {
	scenarios2 "$(bin cp)" > ours
	scenarios2 /usr/bin/cp > gnus
	diff gnus ours
	[ "$(grep -c '^== ' ours)" -eq 29 ]
	grep -q "^./a l 2 x" ours       # (a kept)
}
