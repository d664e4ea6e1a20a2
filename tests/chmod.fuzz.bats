#!/usr/bin/env bats
# chmod as a non-root user, where a differential fuzz found differences
# that difftest (run as root) cannot show: ours and GNU's on two copies of
# the same tree, their outputs and resulting modes compared.

load helpers

# pair CMDLINE - build the tree (mk) twice, run ours in x/ and GNU's in
# g/ as nobody with CMDLINE, output with the program's name made "chmod"
pair() {
	as_nobody
	[ ${#as[@]} -gt 0 ] || skip "not root"
	chmod 755 "$T"
	for side in x g; do
		mkdir $side && (cd $side && mk)
		p=$(bin chmod); [ $side = g ] && p=/usr/bin/chmod
		(cd $side && "${as[@]}" "$p" "$@") > $side.out 2>&1 || echo "rc=$?" >> $side.out
		sed -i "s|^$p:|chmod:|" $side.out
		chmod -R u+rwx $side
	done
	cat x.out
	diff x.out g.out
	diff <(cd x && find . -printf '%m %u:%g %p\n' | sort) <(cd g && find . -printf '%m %u:%g %p\n' | sort)
}

@test "-v as nobody: a set-group-ID bit the kernel drops (not the file's group) is 'retained as' the mode asked for, as GNU" {
	mk() { touch f; mkdir d; chown nobody:root f d; chmod 644 f; chmod 755 d; }
	pair -v g+s f d
	grep -q "^mode of 'f' retained as 2644 (rw-r-Sr--)$" x.out
}

@test "-c as nobody: the mode asked for in 'changed from', the kernel's trimmed one on disk" {
	mk() { touch f; chown nobody:root f; chmod 644 f; }
	pair -c g+s,u+x f
	[ "$(stat -c %a x/f)" = 744 ]
}

@test "-c/-v as nobody: a file that cannot be read again after a special bit was set: 'getting new attributes of', status 0, as GNU" {
	mk() { mkdir -p a/e; chown -R nobody a; }
	pair -c u=s,+t a/e/..
	grep -q "^chmod: getting new attributes of 'a/e/..': Permission denied$" x.out
	pair2() { rm -rf x g; pair "$@"; }
	pair2 -v =,g+s a/e/..
	grep -q "^mode of 'a/e/..' retained as 2000 (-----S---)$" x.out
	pair2 -vf =,g+s a/e/..
	! grep -q "getting" x.out
}
