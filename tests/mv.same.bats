#!/usr/bin/env bats
# mv: what tests/cases/mv.same.cases cannot express: a symlink SOURCE onto
# a DEST with several hard links (GNU's same_file_ok: refused only when
# the link's referent is DEST's own entry), and a directory moved across
# file systems into a directory below itself (a mount point moved into
# its own file system: GNU's "into itself", where mv once recursed until
# ENAMETOOLONG).
load helpers

# side NAME CMD... - run CMD with ours (in ./o) and GNU's (in ./g) mv on
# two copies of the tree ./t; the outputs and trees must be the same
side() {
	local w p
	for w in o g; do
		rm -rf $w; cp -a t $w
		if [ $w = o ]; then p=$(bin mv); else p=/usr/bin/mv; fi
		(cd $w && s=0 && { "$p" "$@" > ../$w.out 2>&1 || s=$?; } &&
			echo "status $s" >> ../$w.out)
		sed -i "s|^$p:|mv:|" $w.out
		(cd $w && find . -printf '%p %y %n %l\n' | sort) > $w.tree
	done
	diff g.out o.out && diff g.tree o.tree
}

@test "a symlink onto its referent with other hard links: GNU's same_file_ok" {
	mkdir t; echo f > t/f; ln t/f t/l; ln -s f t/s
	side s f
	grep -q "'s' and 'f' are the same file" o.out
	side s l
	grep -q 'status 0' o.out
	side -v s l
	mkdir t/x; mv t/f t/l t/x/; ln -s x/f t/s2
	side s2 x/f
	grep -q "are the same file" o.out
	side s2 x/l
	grep -q 'status 0' o.out
	ln -s ../x/f t/x/s3
	side x/s3 x/f
	grep -q "are the same file" o.out
}

@test "across file systems into itself: GNU's message, no endless walk" {
	command -v unshare > /dev/null || skip "unshare missing"
	[ "$(id -u)" -eq 0 ] || skip "not root"
	for p in "$(bin mv)" /usr/bin/mv; do
		mkdir -p m
		run unshare -m sh -c 'mount -t tmpfs -o size=1m t m && mkdir m/e && echo x > m/f &&
			timeout 10 "$1" m m/x 2>&1; s=$?; find m | wc -l > n; umount m; exit $s' sh "$p"
		[ "$status" -eq 1 ]
		[ "$output" = "$p: cannot copy a directory, 'm', into itself, 'm/x'" ]
		[ "$(cat n)" -lt 10 ]
		rm -rf m n
	done
}

@test "peak RSS: 16 KiB for a symlink moved over a file (the same-file check in the hot part)" {
	echo f > f; echo g > g; ln -s g l
	rss_at_most 16 mv l f
	[ -L f ] && [ ! -e l ]
}
