#!/usr/bin/env bats
# mv: differences a differential fuzz of cp and mv found (tests/fuzz/
# cpmv-fuzz.sh) where difftest cannot show them: moves across file
# systems (a tmpfs on m/ under unshare -m). Ours and GNU's run on two
# copies of one tree; their lines (stdout sorted: the trees' inode
# numbers differ), messages, statuses and trees compared.

load helpers

# xdev_pair DIR ARG... - mk twice (x/, g/) and in each one's DIR, mv ARG...
# with a tmpfs on its m/ (the names of x and g made X); compared
xdev_pair() {
	command -v unshare > /dev/null || skip "unshare missing"
	[ "$(id -u)" -eq 0 ] || skip "not root"
	local dir=$1 side p; shift
	for side in x g; do
		mkdir -p $side/m && (cd $side && mk)
		p=$(bin mv); [ $side = g ] && p=/usr/bin/mv
		unshare -m sh -c 'cd "$1" && mount -t tmpfs t m && cd "$2" && shift 2 && "$@"; s=$?; cd "$OLDPWD" && cp -a m moved; exit $s' sh $side "$dir" "$p" "$@" > $side.v 2> $side.out || echo "rc=$?" >> $side.out
		sed -i "s|^$p:|mv:|" $side.out
	done
	diff x.out g.out
	diff <(sort x.v) <(sort g.v)	# (GNU's order: by inode, another here)
	diff <(cd x && find . -printf '%m %y %n %p %l\n' | sort) <(cd g && find . -printf '%m %y %n %p %l\n' | sort)
}

mk() { mkdir -p d/sub; echo one > d/f; echo two > d/sub/g; ln -s f d/l; }

@test "across file systems, a SOURCE whose last component is '.' or '..': copied, then GNU rm's refusal, nothing of it removed" {
	xdev_pair d -v . ../m/new
	grep -q "^mv: refusing to remove '.' or '..' directory: skipping '.'$" x.out
	[ -f x/d/sub/g ]
	[ -f x/moved/new/sub/g ]
	rm -rf x g
	xdev_pair d/sub .. ../../m/up
	rm -rf x g
	xdev_pair . d/sub/./ m
}
