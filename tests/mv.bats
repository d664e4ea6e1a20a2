#!/usr/bin/env bats
# mv: what difftest cannot express: moves across file systems (EXDEV, a
# tmpfs under unshare -m): files, trees, symlinks, FIFOs, sparse files
# over 4 GiB with modes, owners and nanosecond times kept and GNU's -v
# lines; a full tmpfs (No space left on device, the source intact); a
# read-only file system; the differential cases as a non-root user; -v
# on /dev/full and a closed pipe; the options that fail clearly; RSS;
# hard links kept across file systems (GNU's mv preserves links); the
# question before replacing, ours and GNU's side by side as nobody with
# stdin a terminal (script), a pipe or /dev/null: an unwritable
# destination, -f -i -n in their orders, root, a symlink destination.
load helpers

# links DIR - each non-directory under DIR: its name, its link count and
# the first name (in sorted order) of its inode
links() {
	(cd "$1" && find . ! -type d -printf '%i %n %p\n' | sort -k3 |
		awk '{ if (!($1 in f)) f[$1] = $3; print $3, $2, f[$1] }')
}

# on_tmpfs CMD... - CMD in a private mount namespace with a 1 MiB tmpfs
# on ./m (5 GiB of holes fit: tmpfs counts blocks)
on_tmpfs() {
	command -v unshare > /dev/null || skip "unshare missing"
	[ "$(id -u)" -eq 0 ] || skip "not root"
	mkdir -p m
	run unshare -m sh -c 'mount -t tmpfs -o size=1m t m && "$@"; s=$?; find m -printf "%p %y %m %U %s %T@ %l\n" | sort > m.list; du -k m > m.du; umount m; exit $s' sh "$@"
}

# tree DIR - a tree with every kind of file, odd modes and old times
tree() {
	mkdir -p "$1/sub/deep"
	echo one > "$1/f"; chmod 640 "$1/f"; touch -h -d @1000000000.123456789 "$1/f"
	printf '\0\1\377' > "$1/sub/bin"; chown 65534:65534 "$1/sub/bin"
	ln -s ../f "$1/sub/l"; mkfifo "$1/sub/p"; chmod 2750 "$1/sub/deep"
	echo "sp ace" > "$1/sub/deep/a b"
	touch -d @2000000000.5 "$1/sub/deep" "$1/sub"
}

@test "across file systems: a tree, every attribute kept, GNU's -v lines" {
	tree src; /usr/bin/cp -a src gsrc
	on_tmpfs "$(bin mv)" -v src m/
	[ "$status" -eq 0 ]
	[ ! -e src ]
	echo "$output" > ours.v; grep -v '^m d' m.list > ours.list
	mv gsrc src
	on_tmpfs /usr/bin/mv -v src m/
	[ "$status" -eq 0 ]
	[ ! -e src ]
	echo "$output" > gnus.v; grep -v '^m d' m.list > gnus.list
	diff gnus.list ours.list
	diff <(sort gnus.v) <(sort ours.v)     # (GNU sorts entries by inode)
}

@test "across file systems: a sparse file over 4 GiB keeps its holes" {
	truncate -s 5G sp; echo end >> sp; chmod 600 sp
	on_tmpfs "$(bin mv)" sp m/sp
	[ "$status" -eq 0 ]
	[ ! -e sp ]
	grep -q '^m/sp f 600 0 5368709124 ' m.list
	[ "$(cut -f1 m.du)" -lt 100 ]
}

@test "a full tmpfs: No space left on device, the source intact, as GNU" {
	head -c 2000000 /dev/urandom > big
	chmod 664 big
	cp big keep
	for p in "$(bin mv)" /usr/bin/mv; do
		on_tmpfs "$p" big m/big
		[ "$status" -eq 1 ]
		[ "$output" = "$p: error writing 'm/big': No space left on device" ]
		cmp big keep
		cut -d' ' -f1-4 m.list > "$(basename "$(dirname "$p")").list"
	done
	# the partial file without the group's and other's bits, as GNU's
	# (omitted_permissions: the owner is kept)
	diff bin.list "$(arch).list"
	grep -q '^m/big f 600 0$' bin.list
	# a tree with a file that does not fit: what failed stays in the source
	mkdir t && echo small > t/a && cp big t/b
	on_tmpfs "$(bin mv)" t m/
	[ "$status" -eq 1 ]
	[[ $output == *"$(bin mv): error writing 'm/t/b': No space left on device"* ]]
	cmp t/b keep && [ "$(cat t/a)" = small ]
	# -v: "copied" is said right after DEST's removal, before the copy, so
	# also for the copy that fails (GNU's copy_internal), and written
	# before the message (glibc's error() flushes stdout first)
	for p in "$(bin mv)" /usr/bin/mv; do
		on_tmpfs "$p" -v big m/big
		[ "$status" -eq 1 ]
		[ "$output" = "copied 'big' -> 'm/big'
$p: error writing 'm/big': No space left on device" ]
		cmp big keep
	done
}

@test "a read-only file system: GNU's messages" {
	command -v unshare > /dev/null || skip "unshare missing"
	[ "$(id -u)" -eq 0 ] || skip "not root"
	mkdir ro && echo x > ro/b && echo a > a
	for p in "$(bin mv)" /usr/bin/mv; do
		ro_fs_fails "$p" "%s: cannot remove 'ro/b': Read-only file system" ro/b c
		cmp c ro/b
		rm c
		ro_fs_fails "$p" "%s: inter-device move failed: 'a' to 'ro/c'; unable to remove target: Read-only file system" a ro/c
	done
	[ -e ro/b ] && [ -e a ]
}

@test "the differential cases as a non-root user" {
	user_cases mv
}

@test "-v: /dev/full and a closed pipe, as GNU's" {
	echo x > a; echo y > b; echo z > c
	dev_full_fails mv -v a a2
	[ -e a2 ]
	[ ! -e a ]
	closed_pipe_kills mv -v b b2
	[ -e b2 ]
}

@test "--strip-trailing-slashes (once refused as unsupported): a directory's slash taken away (tests/cases/mv.fix.cases has the rest)" {
	mkdir d
	run "$(bin mv)" --strip-trailing-slashes d/ c
	[ "$status" -eq 0 ] && [ -z "$output" ] && [ -d c ] && [ ! -e d ]
}

@test "peak RSS: 16 KiB for a rename" {
	echo x > a
	rss_at_most 16 mv a b
	[ -e b ]
	# over an existing file (a file of one name: no hard-link table)
	echo y > a
	rss_at_most 16 mv -v a b
	[ "$(cat b)" = y ] && [ ! -e a ]
}

@test "peak RSS: 16 KiB for -v and for an error" {
	echo x > a
	rss_at_most 16 mv -v a b
	[ -e b ]
	rss_error_at_most 16 mv nope x
	mkdir d && touch c
	rss_at_most 16 mv b d
	rss_at_most 16 mv -v c d/
	[ -e d/b ] && [ -e d/c ]
}

@test "across file systems: hard links kept, in a tree and between operands, as GNU" {
	command -v unshare > /dev/null || skip "unshare missing"
	[ "$(id -u)" -eq 0 ] || skip "not root"
	for w in ours gnus; do
		p=/usr/bin/mv; [ $w = gnus ] || p=$(bin mv)
		rm -rf src a b c m outside; mkdir -p src/sub/deep m
		echo two > src/f; ln src/f src/sub/g
		echo three > src/t; ln src/t src/sub/t2; ln src/t src/sub/deep/t3
		echo out > src/o; ln src/o outside; ln -s f src/l; ln src/l src/sub/l2
		echo y > a; ln a b; ln a src/sub/a3; echo c > c
		# the tree, then three operands: b and a are links of src/sub/a3
		run unshare -m sh -c 'mount -t tmpfs -o size=1m t m && "$1" -v src m/ &&
			mkdir m/2 && "$1" -v b c a m/2/; s=$?; (cd m && find . ! -type d -printf "%i %n %p\n") > m.list
			umount m; exit $s' sh "$p"
		[ "$status" -eq 0 ]
		[ ! -e src ]
		[ ! -e a ]
		[ ! -e b ]
		[ "$(cat outside)" = out ]
		echo "$output" | sort > $w.v
		sort -k3 m.list | awk '{ if (!($1 in f)) f[$1] = $3; print $3, $2, f[$1] }' > $w.links
	done
	diff gnus.links ours.links
	# which name of a file is copied first (and the others linked) follows
	# the order of the directory's entries (GNU's: by inode number here)
	diff <(grep -v '^copied' gnus.v) <(grep -v '^copied' ours.v)
	[ "$(grep -c '^copied' gnus.v)" -eq "$(grep -c '^copied' ours.v)" ]
	# (two mv commands: a3 was moved by the first, a and b by the second)
	grep -qx './src/sub/g 2 ./src/f' ours.links && grep -qx './2/b 2 ./2/a' ours.links &&
		grep -qx './src/sub/t2 3 ./src/sub/deep/t3' ours.links && grep -qx './src/o 1 ./src/o' ours.links
}

@test "i386: a big tree is moved across file systems through the vDSO" {
	command -v unshare > /dev/null || skip "unshare missing"
	[ "$(id -u)" -eq 0 ] || skip "not root"
	mkdir big && (cd big && touch $(seq 1 300)) && mkdir m
	run unshare -m sh -c 'mount -t tmpfs t m && env -i "$1" -v "$2" big m/ 2> maps; s=$?; ls m/big | wc -l > n; umount m; exit $s' sh "$BATS_TEST_DIRNAME/../build/harness/rss" "$(bin mv)"
	[ "$status" -eq 0 ]
	[ ! -e big ]
	[ "$(cat n)" -eq 300 ]
	if [ "$(arch)" = i386 ] && [ "$(cat /proc/sys/abi/vsyscall32 2>/dev/null)" = 1 ]; then
		grep -q '^4 KiB .*\[vdso\]$' maps
	else
		! grep -q '\[vdso\]' maps || false
	fi
}

# asked WHO ANSWER HOW PROG ARGS... - in a fresh ./w (a: "a", b: "b",
# both a non-root user's; b of mode 0444): PROG ARGS run inside w as WHO
# (nobody, root), stdin as HOW says (tty: a terminal under script with
# ANSWER typed, the rest read by cat: script waits 2 s for a terminal
# whose input nobody read; pipe: ANSWER through a pipe; null: /dev/null); prints
# stderr (PROG's path as "mv") and "status N" on one line, then the tree
# (each file's mode and contents)
asked() {
	local who=$1 ans=$2 how=$3 p=$4 run=()
	shift 4
	rm -rf w && mkdir w && echo a > w/a && echo b > w/b && chmod 444 w/b
	chown -R 65534:65534 w
	[ "$who" = root ] || run=("${as[@]}")
	case $how in
	tty)  (cd w && script -qec "${run[*]} $p $* 2> ../err; echo \$? > ../rc; cat > /dev/null" /dev/null <<< "$ans" > /dev/null) ;;
	pipe) (cd w && echo "$ans" | "${run[@]}" "$p" "$@" 2> ../err; echo $? > ../rc) ;;
	null) (cd w && "${run[@]}" "$p" "$@" < /dev/null 2> ../err; echo $? > ../rc) ;;
	esac
	printf '%s\n' "$(sed "s|$p|mv|g" err)status $(cat rc)"
	(cd w && for f in *; do if [ -L "$f" ]; then echo "$f -> $(readlink "$f")"; else echo "$f $(stat -c %a "$f"): $(cat "$f")"; fi; done)
}

# like_gnu WHO ANSWER HOW ARGS... - asked for ours and GNU's: the same
# stderr, status and tree; ours printed for the caller's checks
like_gnu() {
	local g o
	o=$(asked "$1" "$2" "$3" "$(bin mv)" "${@:4}")
	g=$(asked "$1" "$2" "$3" /usr/bin/mv "${@:4}")
	[ "$o" = "$g" ] || { printf 'ours:\n%s\nGNU:\n%s\n' "$o" "$g"; return 1; }
	printf '%s\n' "$o"
}

@test "a terminal and an unwritable destination: GNU's question, n keeps both, y replaces" {
	command -v script > /dev/null || skip "script missing"
	as_nobody; [ ${#as[@]} -gt 0 ] || skip "not root"
	chmod 777 "$T"
	run like_gnu nobody n tty a b
	[ "$status" -eq 0 ]
	[ "${lines[0]}" = "mv: replace 'b', overriding mode 0444 (r--r--r--)? status 0" ]
	[ "${lines[1]}" = "a 644: a" ]
	[ "${lines[2]}" = "b 444: b" ]
	run like_gnu nobody y tty a b
	[ "$status" -eq 0 ]
	[ "${lines[1]}" = "b 644: a" ]
	[ "${#lines[@]}" -eq 2 ]
	run like_gnu nobody "" tty a b      # an empty line: no
	[ "$status" -eq 0 ] && [ "${lines[2]}" = "b 444: b" ]
}

@test "a terminal: -f and -n never ask; the last of -f -i -n counts" {
	command -v script > /dev/null || skip "script missing"
	as_nobody; [ ${#as[@]} -gt 0 ] || skip "not root"
	chmod 777 "$T"
	run like_gnu nobody n tty -f a b
	[ "$status" -eq 0 ]
	[ "${lines[0]}" = "status 0" ]
	[ "${lines[1]}" = "b 644: a" ]
	run like_gnu nobody y tty -n a b
	[ "$status" -eq 0 ]
	[ "${lines[0]}" = "status 0" ]
	[ "${lines[2]}" = "b 444: b" ]
	run like_gnu nobody n pipe -f -i a b     # (-i asks on any stdin)
	[ "$status" -eq 0 ]
	[ "${lines[0]}" = "mv: replace 'b', overriding mode 0444 (r--r--r--)? status 0" ]
	run like_gnu nobody n tty -i -f a b
	[ "$status" -eq 0 ]
	[ "${lines[0]}" = "status 0" ]
	[ "${lines[1]}" = "b 644: a" ]
	run like_gnu nobody y pipe -i -n a b
	[ "$status" -eq 0 ]
	[ "${lines[0]}" = "status 0" ]
	[ "${lines[2]}" = "b 444: b" ]
	run like_gnu nobody n tty -n -f a b
	[ "$status" -eq 0 ] && [ "${lines[0]}" = "status 0" ] && [ "${lines[1]}" = "b 644: a" ]
}

@test "a terminal and -i: overwrite for a writable destination, replace for an unwritable one" {
	command -v script > /dev/null || skip "script missing"
	as_nobody; [ ${#as[@]} -gt 0 ] || skip "not root"
	chmod 777 "$T"
	run like_gnu nobody n tty -i a b
	[ "$status" -eq 0 ]
	[ "${lines[0]}" = "mv: replace 'b', overriding mode 0444 (r--r--r--)? status 0" ]
	run like_gnu nobody y tty -i b a     # (a: 0644, writable)
	[ "$status" -eq 0 ] && [ "${lines[0]}" = "mv: overwrite 'a'? status 0" ] && [ "${lines[1]}" = "a 444: b" ]
}

@test "no terminal: nothing asked, the unwritable destination replaced; -i reads its answer from a pipe" {
	as_nobody; [ ${#as[@]} -gt 0 ] || skip "not root"
	chmod 777 "$T"
	run like_gnu nobody n null a b
	[ "$status" -eq 0 ]
	[ "${lines[0]}" = "status 0" ]
	[ "${lines[1]}" = "b 644: a" ]
	run like_gnu nobody n pipe a b
	[ "$status" -eq 0 ]
	[ "${lines[0]}" = "status 0" ]
	[ "${lines[1]}" = "b 644: a" ]
	run like_gnu nobody y pipe -i a b
	[ "$status" -eq 0 ]
	[ "${lines[0]}" = "mv: replace 'b', overriding mode 0444 (r--r--r--)? status 0" ]
	[ "${lines[1]}" = "b 644: a" ]
	run like_gnu nobody n pipe -i a b
	[ "$status" -eq 0 ] && [ "${lines[2]}" = "b 444: b" ]
}

@test "a terminal: root is never asked (without -i), a symlink destination neither" {
	command -v script > /dev/null || skip "script missing"
	as_nobody; [ ${#as[@]} -gt 0 ] || skip "not root"
	chmod 777 "$T"
	run like_gnu root n tty a b
	[ "$status" -eq 0 ]
	[ "${lines[0]}" = "status 0" ]
	[ "${lines[1]}" = "b 644: a" ]
	run like_gnu root n tty -i a b      # root with -i: "overwrite"
	[ "$status" -eq 0 ]
	[ "${lines[0]}" = "mv: overwrite 'b'? status 0" ]
	# a symlink to the unwritable b, owned by nobody: replaced unasked
	rm -rf w && mkdir w && echo a > w/a && echo b > w/b && chmod 444 w/b && ln -s b w/l
	chown -hR 65534:65534 w
	for p in "$(bin mv)" /usr/bin/mv; do
		rm -rf w2 && cp -a w w2
		(cd w2 && script -qec "${as[*]} $p a l 2> ../err; echo \$? > ../rc; cat > /dev/null" /dev/null <<< n > /dev/null)
		[ ! -s err ]
		[ "$(cat rc)" = 0 ]
		[ ! -L w2/l ]
		[ "$(cat w2/l)" = a ]
		[ "$(cat w2/b)" = b ]
	done
}

@test "across file systems: GNU's dest_info, a second SOURCE not moved over the first's copy" {
	mkdir -p a b; echo A > a/f; echo B > b/f
	on_tmpfs sh -c 'mkdir m/t && "$1" a/f b/f m/t 2>&1; echo "status $?"; cat m/t/f' sh "$(bin mv)"
	ours=$(echo "$output" | sed "s|$(bin mv)|mv|")
	[ -e b/f ]
	[ ! -e a/f ]
	[ "$(cat b/f)" = B ]
	echo A > a/f
	on_tmpfs sh -c 'mkdir m/t && "$1" a/f b/f m/t 2>&1; echo "status $?"; cat m/t/f' sh /usr/bin/mv
	[ "$(echo "$output" | sed 's|/usr/bin/mv|mv|')" = "$ours" ]
	[ "$ours" = "mv: will not overwrite just-created 'm/t/f' with 'b/f'
status 1
A" ]
}

@test "peak RSS: 16 KiB for two SOURCEs into a directory (dest_info's table on the stack)" {
	echo a > a; echo b > b; mkdir d
	rss_at_most 16 mv a b d
	[ -e d/a ] && [ -e d/b ]
}

@test "a mount point moved into itself: into a DIRECTORY its entries renamed first (GNU's rename_errno -1), else copied; GNU's messages and trees" {
	command -v unshare > /dev/null || skip "unshare missing"
	[ "$(id -u)" -eq 0 ] || skip "not root"
	for p in "$(bin mv)" /usr/bin/mv; do
		n=$(basename "$(dirname "$p")")
		for args in "-v m m/b" "-v m/ m/b" "-v -t m/a m/b m" "-v m m/x" "m m/a/x"; do
			rm -rf w; mkdir w
			(cd w && unshare -m sh -c 'mkdir m && mount -t tmpfs t m || exit 99
				mkdir m/a m/b && echo 1 > m/a/f && echo 2 > m/g && ln -s g m/s
				"$@" > ../out 2> ../err; echo "status $?" >> ../out
				find . -printf "%p %y %n %l\n" | sort > ../tree
				umount m' sh "$p" $args)
			[ $? -ne 99 ] || skip "cannot mount a tmpfs"
			mkdir -p "r/$args"
			sed "s|$p|mv|" err > "r/$args/err.$n"; cp out "r/$args/out.$n"; cp tree "r/$args/tree.$n"
		done
	done
	for args in "-v m m/b" "-v m/ m/b" "-v -t m/a m/b m" "-v m m/x" "m m/a/x"; do
		for f in out err tree; do
			diff "r/$args/$f.bin" "r/$args/$f.$(basename "$(dirname "$(bin mv)")")"
		done
	done
	[ "$(cat "r/-v m m/b/err.bin")" = "mv: cannot move 'm' to a subdirectory of itself, 'm/b/m'" ]
	grep -qx "renamed 'm/a' -> 'm/b/m/a'" "r/-v m m/b/out.bin"
}

@test "-vb of a directory across file systems: 'created directory' without the backup's name, as GNU's" {
	cat > t.sh <<'SH'
rm -rf w; mkdir w; cd w || exit 1; mkdir m d; mount -t tmpfs none m || exit 77
mkdir m/d; touch m/d/f
"$1" -v -b m/d . 2>&1 | sed 's#^[^:]*/mv:#mv:#'; find . | sort
umount m
SH
	ns_like_gnu t.sh mv
	[[ "$ours" == *"created directory './d'"$'\n'* ]]
}

# move_like_gnu SETUP ARGS... - SETUP (sh) run in ours/ and in gnus/, then
# our mv and GNU's with ARGS in them: the same status, -v lines and
# messages, the same files with the same sizes, the same hard links
move_like_gnu() {
	local setup=$1 d p s; shift
	for d in ours gnus; do
		rm -rf $d; mkdir $d
		(cd $d && sh -c "$setup")
		p=$(realpath "$(bin mv)"); [ $d = ours ] || p=/usr/bin/mv
		s=0; (cd $d && "$p" "$@" > ../$d.v 2> ../$d.e) || s=$?
		echo "status $s" >> $d.v
		sed -i "s|$p|mv|" $d.e
	done
	diff gnus.v ours.v
	diff gnus.e ours.e
	diff <(links gnus) <(links ours)
	diff <(cd gnus && find . -printf '%p %y %s\n' | sort) <(cd ours && find . -printf '%p %y %s\n' | sort)
}

@test "-u and hard links: a DEST not older linked to an earlier name of its file, as GNU's (remember_copied in -u's skip)" {
	local base='echo x > a; ln a b; ln a c; mkdir D; echo yy > D/a; echo zzz > D/b'
	local t o
	for t in "touch -d '+1 hour' D/a D/b" "touch -d '+1 hour' D/a; touch -d '-1 hour' D/b" \
		"touch -d '-1 hour' D/a; touch -d '+1 hour' D/b"; do
		for o in -u -uv "-uv -b"; do
			move_like_gnu "$base; $t" $o a b c D
		done
	done
	# both newer: D/b made a link to D/a ("removed 'D/b'"), a and b kept
	move_like_gnu "$base; touch -d '+1 hour' D/a D/b" -uv a b D
	[ "$(cat ours.v)" = "$(printf '%s\n' "removed 'D/b'" 'status 0')" ]
	[ "$(stat -c %i ours/D/a)" = "$(stat -c %i ours/D/b)" ]
	[ -e ours/a ]
	[ -e ours/b ]
	# a newer directory where the link goes: GNU's "cannot create hard link"
	move_like_gnu "echo x > a; ln a b; mkdir -p D/b; echo y > D/a; touch -d '+1 hour' D/a D/b" -uv a b D
	grep -q "cannot create hard link 'D/b' to 'D/a': Is a directory" ours.e
	# a skip's cost: the table's page and the heap's (no cold page)
	echo x > u1; echo y > u2; touch -d '+1 hour' u2
	rss_at_most 24 mv -u u1 u2
	[ "$(cat u2)" = y ] && [ -e u1 ]
}

@test "hard links onto existing DESTs: a later name of a moved file linked to its new name, its source removed, as GNU's" {
	local base='echo x > a; ln a b; mkdir D; echo yy > D/a; echo zzz > D/b'
	move_like_gnu "$base" -v a b D
	[ "$(cat ours.v)" = "$(printf '%s\n' "renamed 'a' -> 'D/a'" "removed 'D/b'" "removed 'b'" 'status 0')" ]
	move_like_gnu "$base" -vb a b D
	move_like_gnu "$base" --backup=numbered -v a b D
	move_like_gnu "$base; echo 1 > f; ln f g; mkdir e; echo 2 > e/g" -v a f b g D e
}

@test "across file systems: -u's skips and existing DESTs keep hard links as GNU's" {
	command -v unshare > /dev/null || skip "unshare missing"
	[ "$(id -u)" -eq 0 ] || skip "not root"
	local w p o t
	for t in "touch -d '+1 hour' m/a; touch -d '-1 hour' m/b m/c" "touch -d '+1 hour' m/a m/b m/c" \
		"touch -d '-1 hour' m/a m/b m/c"; do
		for o in -uv -v "-uv -b"; do
			for w in ours gnus; do
				p=/usr/bin/mv; [ $w = gnus ] || p=$(bin mv)
				rm -rf s m; mkdir -p s/d m; echo x > s/a; ln s/a s/d/b; ln s/a s/c
				run unshare -m sh -c 'mount -t tmpfs -o size=1m t m && echo y > m/a && echo zz > m/b &&
					echo www > m/c && '"$t"' && "$@" s/a s/c s/d/b m; s=$?
					(echo "status $s"; find s m ! -type d -printf "%i %n %p %s\n" | sort -k3 |
					awk "{ if (!(\$1 in f)) f[\$1] = \$3; print \$3, \$2, f[\$1], \$4 }") > m.list
					umount m; exit $s' sh "$p" $o
				echo "$output" | sed "s|$p|mv|" > $w.out
				cat m.list >> $w.out
			done
			diff gnus.out ours.out
		done
	done
}
