#!/usr/bin/env bats
# cp's fixes of issue 5 that difftest cannot express (tests/cases/cp.fix.cases
# has the rest): a hard or symbolic link over an existing DEST is made under
# a temporary name in DEST's directory and renamed over it (gnulib's
# force_linkat / force_symlinkat: DEST is never missing, never unlinked),
# for -a's hard links between SOURCEs (-v's "removed" line as GNU's), -lf,
# -li and -sf; the trees and output against GNU's.
load helpers

# calls CMD... - the link, unlink and rename calls CMD makes (strace), one a
# line, the temporary names as TMP
calls() {
	strace -f -qq -e trace=link,linkat,unlink,unlinkat,rename,renameat,renameat2,symlink,symlinkat \
		-o calls.txt "$@" > /dev/null 2>&1 || true
	sed -e 's/^[0-9]* *//' -e 's/Cu[A-Za-z0-9]\{6\}/TMP/g' -e 's/ = .*//' calls.txt
}

# twins DIR - DIR/s/a and DIR/s/b two names of one file, DIR/o/a and
# DIR/o/b existing files, DIR/x, DIR/y files
twins() {
	mkdir -p "$1/s" "$1/o"
	echo A > "$1/s/a"; ln "$1/s/a" "$1/s/b"
	echo old > "$1/o/a"; echo old > "$1/o/b"
	echo x > "$1/x"; echo y > "$1/y"
}

# tree_of DIR - each path under DIR: its name, link count, type and target
tree_of() { (cd "$1" && find . -printf '%p %n %y %l\n' | sort); }

@test "a link over an existing DEST: under a temporary name renamed over it, DEST never unlinked (gnulib's force_linkat)" {
	command -v strace > /dev/null || skip "strace missing"
	twins t
	cd t
	run calls "$SUBK_BIN/cp" -a s/a s/b o
	echo "$output"
	[[ "$output" == *'linkat(AT_FDCWD, "o/a", AT_FDCWD, "o/TMP", 0)'* ]]
	[[ "$output" == *'rename("o/TMP", "o/b")'* ]]
	[[ "$output" != *'unlink("o/b")'* ]]
	[[ "$output" != *'unlinkat(AT_FDCWD, "o/b"'* ]]
	[ "$(stat -c %i o/a)" = "$(stat -c %i o/b)" ]
	[ ! -e o/Cu* ]
	run calls "$SUBK_BIN/cp" -lf x y
	echo "$output"
	[[ "$output" == *'rename("TMP", "y")'* ]]
	[[ "$output" != *'unlink("y")'* ]]
	[ "$(stat -c %i x)" = "$(stat -c %i y)" ]
	rm y && echo y2 > y
	run calls "$SUBK_BIN/cp" -sf x y
	echo "$output"
	[[ "$output" == *'symlink("x", "TMP")'* ]]
	[[ "$output" == *'rename("TMP", "y")'* ]]
	[[ "$output" != *'unlink("y")'* ]]
	[ "$(readlink y)" = x ]
	ls -a | grep -v '^Cu'
	[ -z "$(ls -a | grep '^Cu')" ]
}

@test "links over existing DESTs: the same trees and output as GNU's (-a's hard links, -v's removed line, -lf, -li, -sf)" {
	local o s1 s2
	for o in "-a s/a s/b o" "-av s/a s/b o" "-avf s/a s/b o" "-lf x y" "-li x y" "-l x y" "-sf x y" \
		"-s x y" "-Rl s o" "-Rlf s o" "-alv s o"; do
		rm -rf ours gnus
		twins ours; twins gnus
		s1=0; s2=0
		(cd ours && echo y | "$SUBK_BIN/cp" $o > ../o.out 2>&1) || s1=$?
		(cd gnus && echo y | /usr/bin/cp $o > ../g.out 2>&1) || s2=$?
		sed -i 's|^[^ :]*/cp:|cp:|' o.out g.out
		[ "$s1" -eq "$s2" ] || { echo "cp $o: status $s1, GNU $s2"; return 1; }
		diff g.out o.out || { echo "cp $o"; return 1; }
		diff <(tree_of gnus) <(tree_of ours) || { echo "cp $o"; return 1; }
	done
}

# looked CMD... - the destination paths under o/ and e/ that CMD's stat
# calls name (strace), sorted
looked() {
	strace -f -qq -e trace=stat,lstat,newfstatat,statx,stat64,lstat64,fstatat64 \
		-o st.txt "$@" > /dev/null 2>&1 || true
	grep -o '"[oe]/[^"]*"' st.txt | sort
}

@test "the entries of a directory cp -r made are not looked for, as GNU's new_dst; those of one that was there are" {
	command -v strace > /dev/null || skip "strace missing"
	mkdir -p s/d e/s/d && echo a > s/f && echo b > s/d/g
	run looked "$SUBK_BIN/cp" -r s o
	echo "$output"
	[ -z "$output" ]
	[ "$(cat o/f o/d/g)" = "$(printf 'a\nb')" ]
	# each entry of e/s, which was there, looked for (GNU 9.1 names them
	# relative to e's fd, so its trace is not compared)
	run looked "$SUBK_BIN/cp" -r s e
	echo "$output"
	[ "$output" = "$(printf '"e/s"\n"e/s/d"\n"e/s/d/g"\n"e/s/f"')" ]
	[ "$(cat e/s/f e/s/d/g)" = "$(printf 'a\nb')" ]
	# an operand after a made tree: its DEST looked for again (copy_top)
	echo c > x
	echo old > o/x
	run "$SUBK_BIN/cp" -rn s x o
	[ "$(cat o/x)" = old ]
}
