#!/usr/bin/env bats
# cp and mv: the special bits of the directories they make, where difftest
# (run as root, on one file system) cannot show it: cp as nobody (a
# set-gid parent whose group nobody is not in: any chmod drops the bit,
# so it is kept only where GNU makes no chmod; a source nobody cannot
# chown to: its special bits not kept with -p) and mv across file systems
# into a set-gid directory (a tmpfs under unshare -m), ours and GNU's on
# two copies of one tree, their outputs, statuses and resulting modes and
# owners compared. (As root: tests/cases/cp.setgid.cases.)

load helpers

# mk - the tree: par (root's, set-gid, open to all), mine (nobody's,
# set-gid), src (root's: a set-gid directory, a set-uid file, a directory
# without u+w) and nsrc (the same, nobody's)
mk() {
	mkdir par mine src src/d src/ro nsrc
	chmod 2777 par; chown nobody:nogroup mine; chmod 2777 mine
	echo x > src/f; chmod 4755 src/f; chmod 2755 src/d; chmod 555 src/ro
	chmod 3775 src
	cp -a src/. nsrc; chown -R nobody:nogroup nsrc
}

# pair CMD OPTION... - mk twice (x/, g/), then in each as nobody with the
# umask of $um (022): ours, GNU's CMD with OPTION...; their lines (the
# program's name made CMD), statuses and trees compared
pair() {
	local cmd=$1 side p; shift
	as_nobody
	[ ${#as[@]} -gt 0 ] || skip "not root"
	chmod 755 "$T"
	for side in x g; do
		mkdir $side && (cd $side && mk)
		p=$(bin $cmd); [ $side = g ] && p=/usr/bin/$cmd
		(cd $side && umask ${um:-022} && "${as[@]}" "$p" "$@") > $side.out 2>&1 || echo "rc=$?" >> $side.out
		sed -i "s|^$p:|$cmd:|" $side.out
	done
	diff x.out g.out
	diff <(cd x && find . -printf '%m %u:%g %p\n' | sort) <(cd g && find . -printf '%m %u:%g %p\n' | sort)
}

@test "cp -r as nobody into a set-gid directory of a group it is not in: the set-gid bit kept where GNU makes no chmod" {
	pair cp -r nsrc/d src par
	[ "$(stat -c %a x/par/src)" = 3755 ]	# no chmod: kept
	[ "$(stat -c %a x/par/src/ro)" = 555 ]	# chmod'ed (u+w while copied): dropped
}

@test "cp -r as nobody, umask 002 and 077" {
	um=002 pair cp -r nsrc/d src par
	rm -rf x g
	um=077 pair cp -r nsrc/d src mine
}

@test "cp -rp and -a as nobody: a root's source's special bits not kept (the chown refused), a set-gid parent's kept only in its group" {
	pair cp -rp src nsrc par
	rm -rf x g
	pair cp -a src nsrc mine
	[ "$(stat -c %a x/mine/nsrc)" = 3775 ]
	[ "$(stat -c %a x/mine/src/f)" = 755 ]
}

@test "cp --preserve=mode and --preserve=ownership as nobody" {
	pair cp -r --preserve=mode src nsrc par
	rm -rf x g
	pair cp -r --preserve=ownership src nsrc mine
}

@test "cp -rpT as nobody onto its own set-gid directory" {
	pair cp -rpT nsrc/d mine
	rm -rf x g
	pair cp -rT --preserve=mode src/ro mine
}

# on_tmpfs_pair [USER] - mk twice (x/, g/) with a tmpfs mounted on each
# one's m/ (a set-gid directory m/p, root's), then mv src, nsrc and src2
# (a plain directory) into m/p, as USER (root or nobody); compared as pair
on_tmpfs_pair() {
	command -v unshare > /dev/null || skip "unshare missing"
	[ "$(id -u)" -eq 0 ] || skip "not root"
	local user=$1 side p
	as=(); [ "$user" = nobody ] && as_nobody
	chmod 755 "$T"
	for side in x g; do
		mkdir $side m.$side && (cd $side && mk && mkdir src2 && chmod 755 src2 && chown -R $user src2 && chmod 777 .)
		p=$(bin mv); [ $side = g ] && p=/usr/bin/mv
		unshare -m sh -c 'cd "$1" && mount -t tmpfs t "../m.$2" && mkdir "../m.$2/p" && chmod 2777 "../m.$2/p" && shift 2 && "$@" src nsrc src2 "../m.'$side'/p"; s=$?; cp -a "../m.'$side'/p" ./moved; exit $s' sh $side $side "${as[@]}" "$p" > $side.out 2>&1 || echo "rc=$?" >> $side.out
		sed -i "s|^$p:|mv:|; s|m\.$side|m.X|g" $side.out
	done
	diff x.out g.out
	diff <(cd x && find . -printf '%m %u:%g %p\n' | sort) <(cd g && find . -printf '%m %u:%g %p\n' | sort)
}

@test "mv across file systems into a set-gid directory, as root: the inherited set-gid bit kept where the source has no special bits" {
	on_tmpfs_pair root
	[ "$(stat -c %a x/moved/src2)" = 2755 ]
	[ "$(stat -c %a x/moved/src)" = 3775 ]
}

@test "mv across file systems into a set-gid directory, as nobody" {
	on_tmpfs_pair nobody
}

@test "cp -rp --parents as nobody: a directory made for SOURCE's path keeps its special bits when the chown is refused (GNU's re_protect)" {
	mk() { mkdir -p a/b/c par; echo x > a/b/c/f; chmod 2755 a/b; chmod 3700 a; chown -R nobody a; chmod 777 par; }
	pair cp -rp --parents a/b/c par
	[ "$(stat -c %a x/par/a/b)" = 2755 ]
	rm -rf x g
	pair cp -a --parents a/b/c/f par
}
