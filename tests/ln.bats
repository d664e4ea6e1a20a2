#!/usr/bin/env bats
# ln: what difftest cannot express: -f replacing atomically (a link under
# a temporary name, then rename: strace), the differential cases as a
# non-root user, a read-only file system, -v on /dev/full and a closed
# pipe, -r where the relative name would pass PATH_MAX, many operands,
# peak RSS; backups: the cases of ln.backup.cases as a non-root user, a
# link that fails after the backup (the backup renamed back), -bv on
# /dev/full and a closed pipe, the order of the system calls (strace); the
# same-file check of a source with other hard links (gnulib's same_nameat).
load helpers

@test "-f replaces through a temporary name and renameat, never unlinking first (GNU's calls)" {
	command -v strace > /dev/null || skip "strace missing"
	echo a > a; echo b > b
	strace -o log -e trace=link,linkat,symlink,symlinkat,rename,renameat,renameat2,unlink,unlinkat "$(bin ln)" -f a b
	[ "$(stat -c %i a)" = "$(stat -c %i b)" ]
	grep -Eq '^linkat\(AT_FDCWD, "a", AT_FDCWD, "b", 0\) += -1 EEXIST' log
	grep -Eq '^linkat\(AT_FDCWD, "a", AT_FDCWD, "Cu[A-Za-z0-9]{6}", 0\) += 0' log
	grep -Eq '^renameat\(AT_FDCWD, "Cu[A-Za-z0-9]{6}", AT_FDCWD, "b"\) += 0' log
	! grep -Eq '^unlink(at)?\(.*"b"' log || false
	mkdir d
	strace -o log -e trace=symlink,symlinkat,rename,renameat "$(bin ln)" -sf x d/l
	"$(bin ln)" -sf y d/l
	[ "$(readlink d/l)" = y ]
	[ -z "$(ls d | grep Cu)" ]
	grep -Eq '^symlinkat\("x", AT_FDCWD, "d/l"\) += 0' log
}

@test "the differential cases as a non-root user" {
	user_cases ln
}

@test "a read-only file system: GNU's messages" {
	command -v unshare > /dev/null || skip "unshare missing"
	[ "$(id -u)" -eq 0 ] || skip "not root"
	mkdir ro && touch ro/a ro/b
	for p in "$(bin ln)" /usr/bin/ln; do
		ro_fs_fails "$p" "%s: failed to create hard link 'ro/c': Read-only file system" ro/a ro/c
		ro_fs_fails "$p" "%s: failed to create symbolic link 'ro/c': Read-only file system" -s x ro/c
		ro_fs_fails "$p" "%s: failed to create symbolic link 'ro/b': Read-only file system" -sf x ro/b
	done
	[ -f ro/b ] && [ ! -L ro/b ]
}

@test "a directory unwritable to a non-root user: Permission denied, the others done" {
	mkdir locked open
	touch a b
	chmod 755 "$T" locked
	chmod 777 open
	as_nobody
	unreadable_like_gnu ln "%s: failed to create symbolic link 'locked/x': Permission denied" -s a locked/x
	unreadable_like_gnu ln "%s: failed to create hard link 'locked/x' => 'a': Operation not permitted" a locked/x
	unreadable_like_gnu ln "%s: failed to create symbolic link 'locked/a': Permission denied
%s: failed to create symbolic link 'locked/b': Permission denied" -s a b locked
	"${as[@]}" "$(bin ln)" -s a open
	[ -L open/a ]
}

@test "-v: /dev/full and a closed pipe, as GNU's" {
	touch a
	dev_full_fails ln -sv a l1
	[ -L l1 ]
	run sh -c '"$1" -sv a l2 > /dev/full' sh /usr/bin/ln
	[ "$output" = "/usr/bin/ln: write error: No space left on device" ]
	closed_pipe_kills ln -sv a l3
}

@test "-r: a relative name past PATH_MAX keeps the target as given, after GNU's warning" {
	# a file 23 directories of 200 bytes down, named through two links
	# (a: 12 levels, b: a and 11 more): its canonical name is over
	# PATH_MAX, so relpath fails: "generating relative path: File name
	# too long" (status 0), and the link gets b/ff as given. The warning
	# was missing (found by a fuzz).
	local d p=. i n x o1
	deep_ff_links
	d=$(printf 'L%.0s' $(seq 200))
	for n in ours gnu; do
		if [ $n = ours ]; then x=$(bin ln); else x=/usr/bin/ln; fi
		run "$x" -rs b/ff "new_$n"
		[ "$status" -eq 0 ]
		[ "$output" = "$x: generating relative path: File name too long" ]
		[ "$(readlink "new_$n")" = b/ff ]
	done
	# the whole name given: the warning, then the link's own failure
	p=.; for i in $(seq 23); do p=$p/$d; done
	run "$(bin ln)" -rs "$p/ff" l1
	[ "$status" -eq 1 ]
	o1=${output//$(bin ln)/ln}
	run /usr/bin/ln -rs "$p/ff" l1
	[ "$status" -eq 1 ]
	[ "$o1" = "${output///usr\/bin\/ln/ln}" ]
	[ "${lines[0]}" = "/usr/bin/ln: generating relative path: File name too long" ]
}

@test "500 operands into a directory, -sv, like GNU's" {
	mkdir o g
	for i in $(seq 500); do echo "$i" > "f$i"; done
	"$(bin ln)" -sv f* o > out1
	/usr/bin/ln -sv f* g > out2
	[ "$(sed 's/^.o\//X/' out1)" = "$(sed 's/^.g\//X/' out2)" ]
	[ "$(ls o | wc -l)" -eq 500 ]
	"$(bin ln)" -f f* o
	[ "$(stat -c %h f1)" -eq 2 ] && [ ! -L o/f1 ]
}

@test "-v and errors: the lines before an error are written first, as GNU's error() flushes stdout" {
	touch a c
	mkdir o g
	"$(bin ln)" -v a nope c a o > out1 2>&1 || true
	(cd g && /usr/bin/ln -v ../a ../nope ../c ../a . > ../out2 2>&1) || true
	sed -i "s#^$(bin ln):#ln:#; s#'o/#'#; s#=> '\.\./#=> '#" out1
	sed -i "s#^/usr/bin/ln:#ln:#; s#'\./#'#; s#'\.\./#'#g" out2
	diff out1 out2
}

# links_like_gnu ARGS... - ours and GNU's ln ARGS in scenes o and g (a
# with its hard links b and d/a, e a directory): the same stdout, stderr
# (argv[0] aside), status and files left (link counts, contents, backups)
links_like_gnu() {
	local who p s
	for who in o g; do
		p=$(bin ln); [ $who = o ] || p=/usr/bin/ln
		rm -rf "${T:?}/$who"; mkdir -p "$T/$who/d" "$T/$who/e"; cd "$T/$who"
		echo a > a; ln a b; ln a d/a
		s=0
		"$p" "$@" > "$T/$who.out" 2> "$T/$who.err" || s=$?
		echo "status $s" >> "$T/$who.out"
		find . -printf '%p %y %n\n' | sort >> "$T/$who.out"
		cat a >> "$T/$who.out"
		cd "$T"
		sed -i "s|^$p:|ln:|" "$T/$who.err"
	done
	cmp o.out g.out && cmp o.err g.err ||
		{ echo "ln $*"; diff g.out o.out; diff g.err o.err; false; }
}

@test "a source with other hard links: the same-file check compares the names and their directories (gnulib's same_nameat), as GNU's" {
	links_like_gnu -f a a
	grep -q "are the same file" o.err
	links_like_gnu -f a ./a
	links_like_gnu -f e/../a a
	links_like_gnu -f d/a d
	grep -q "are the same file" o.err
	links_like_gnu -f a b
	[ ! -s o.err ]
	links_like_gnu -f a d
	links_like_gnu -f d/a .
	links_like_gnu -fv b e/../b
	links_like_gnu -bf a a
	links_like_gnu -bv a b
	links_like_gnu -bf -t d a
	command -v strace > /dev/null || return 0
	mkdir one; cd one; echo a > a	# one link: the same file, no look at "."
	strace -o log -e trace=stat,lstat,newfstatat,stat64,lstat64,fstatat64,statx "$(bin ln)" -f a a 2> err || :
	grep -q "are the same file" err && grep -q '"a"' log && ! grep -q '"\."' log
}

@test "peak RSS of a trivial run is at most 16 KiB" {
	touch a
	mkdir d
	rss_at_most 16 ln a b
	rss_at_most 16 ln -sf a b
	rss_at_most 16 ln -s a l
	rss_at_most 16 ln -v a c
	rss_at_most 16 ln -r -s a d/l       # (canonicalize and relpath)
	rss_at_most 16 ln -rsfv a d/l
	rss_error_at_most 16 ln nope/x y
	rss_at_most 16 ln a d               # (a short DIR/BASE on the page)
	touch c
	rss_at_most 16 ln -sv -t d c
	mkdir d2
	rss_at_most 16 ln -rs a d2          # (-r's short DIR/BASE on the page)
	rss_at_most 16 ln -rsfv a d2
	rss_at_most 16 ln -rs a x
}

@test "the backup cases (ln.backup.cases) as a non-root user" {
	user_cases ln ln.backup.cases
}

@test "-b: a hard link that fails after the backup (across file systems: EXDEV) renames the backup back, as GNU's" {
	shm_dir ln
	echo x > "$shm/x"
	local p
	for p in "$(bin ln)" /usr/bin/ln; do
		echo b > b
		run "$p" -bv "$shm/x" b
		rm -f "$shm/x~"
		echo "$status $output" | sed "s#^1 $p:#1 ln:#; s#$shm#SHM#" >> outs
		[ "$(cat b)" = b ]
		[ ! -e b~ ]
	done
	rm -rf "$shm"
	cat outs
	[ "$(sed -n 1p outs)" = "$(sed -n 2p outs)" ]
	grep -q "^1 ln: failed to create hard link 'b' => 'SHM/x': Invalid cross-device link" outs
}

@test "-bv: /dev/full and a closed pipe, as GNU's" {
	touch a b c
	dev_full_fails ln -bv a b
	[ -e b~ ]
	[ "$(stat -c %i a)" = "$(stat -c %i b)" ]
	closed_pipe_kills ln -sbv a c
}

@test "-b: the backup renamed before the link, which goes through a temporary name (gnulib's force_linkat)" {
	command -v strace > /dev/null || skip "strace missing"
	echo a > a; echo b > b
	strace -o log -e trace=link,linkat,rename,renameat,renameat2,unlink,unlinkat "$(bin ln)" -b a b
	grep -Eq '^linkat\(AT_FDCWD, "a", AT_FDCWD, "b", 0\) += -1 EEXIST' log
	grep -Eq '^renameat\(AT_FDCWD, "b", AT_FDCWD, "b~"\) += 0' log
	grep -Eq '^linkat\(AT_FDCWD, "a", AT_FDCWD, "Cu[A-Za-z0-9]{6}", 0\) += 0' log
	grep -Eq '^renameat\(AT_FDCWD, "Cu[A-Za-z0-9]{6}", AT_FDCWD, "b"\) += 0' log
	[ "$(cat b~)" = b ] && [ "$(stat -c %i a)" = "$(stat -c %i b)" ]
}
