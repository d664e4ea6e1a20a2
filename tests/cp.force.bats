#!/usr/bin/env bats
# cp -f: a DEST that cannot be opened is removed and made anew (GNU's
# unlink_dest_after_failed_open): -v says "removed 'DEST'", a removal that
# fails says "cannot remove 'DEST': REASON" (ours: "cannot create regular
# file"). As nobody against GNU's; stdout and stderr compared apart (-v's
# order against the messages is a known difference, README).
load helpers

# scenarios CP - each command in a fresh tree as nobody: its status, stdout,
# stderr and the files left
scenarios() {
	local c rc f
	for c in "-f s ro" "-fv s ro" "-f s rod/s" "-fv s rod/s" "-fi s rod/s" "-fv s ok" "-f s l1" "-fv s l1"; do
		rm -rf w && mkdir w && chmod 777 w && cd w || return 1
		echo x > s; echo r > ro; chmod 444 ro; mkdir rod; echo y > rod/s; chmod 555 rod
		echo o > ok; ln -s l2 l1; ln -s l1 l2
		rc=0
		# shellcheck disable=SC2086
		echo y | setpriv --reuid=nobody --regid=nogroup --clear-groups "$1" $c > ../out 2> ../err || rc=$?
		echo "== $c: $rc"; cat ../out; sed "s#$1:#cp:#g" ../err
		for f in $(ls -A); do
			if [ -L "$f" ]; then echo "$f -> $(readlink "$f")"; elif [ -f "$f" ]; then echo "$f $(cat "$f")"; fi
		done
		cd .. || return 1
	done
}

@test "cp -f: an unopenable DEST removed ('removed', 'cannot remove') as GNU's" {
	[ "$(id -u)" -eq 0 ] || skip "not root"
	command -v setpriv > /dev/null || skip "setpriv missing"
	chmod 755 "$T"
	scenarios "$(bin cp)" > ours
	scenarios /usr/bin/cp > gnus
	diff gnus ours
	grep -q "cannot remove 'rod/s'" ours
}
