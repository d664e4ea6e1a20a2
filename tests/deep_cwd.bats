#!/usr/bin/env bats
# deep_cwd.bats - a working directory whose name is past PATH_MAX (25
# directories of 200 bytes), or outside the root. The kernel's getcwd(2)
# then fails with ENAMETOOLONG (or gives "(unreachable)/..."), and glibc's
# getcwd walks up through "..", looking in each parent for the entry of
# the directory below. GNU's realpath, readlink -f/-e/-m, ln -r (gnulib's
# canonicalize_filename_mode) and stat %m name such a directory; ours said
# "File name too long", and `ln -sr f DIR` made a link to "f" where GNU's
# makes one to "../f" (ln keeps the name as given when canonicalize fails).
# Each case runs for ours and for GNU's in a scene of its own (the same
# files), the outputs compared with the scene's name replaced, and the
# links each made. (df: df.bats; pwd: pwd.bats.)
load helpers

# deep_like_gnu UTIL ARGS... - ours and GNU's UTIL ARGS in o/DEEP and
# g/DEEP (each holding a file f and a directory e): the same stdout,
# stderr (argv[0] aside) and status, and the same links left in DEEP; run
# as "${as[@]}" (as_nobody) with DEEP's second directory mode $lock, when
# the test sets them
deep_like_gnu() {
	local u=$1 who p s d i
	shift
	[ -n "${as+set}" ] || as=()
	d=$(printf 'd%.0s' $(seq 200))
	for who in o g; do
		p=$(bin "$u"); [ $who = o ] || p=/usr/bin/$u
		rm -rf "${T:?}/$who"; mkdir "$T/$who"; cd "$T/$who"
		for i in $(seq 25); do mkdir $d; cd $d; done
		echo x > f; mkdir e
		if [ -n "${lock:-}" ]; then
			chmod -R go+rX "$T/$who"; chmod "$lock" "$T/$who/$d/$d"
		fi
		s=0
		"${as[@]}" "$p" "$@" > "$T/$who.out" 2> "$T/$who.err" || s=$?
		echo "status $s" >> "$T/$who.out"
		find . -type l -printf '%p -> %l\n' | sort >> "$T/$who.out"
		cd "$T"
		sed -i "s|$T/$who/|X/|g; s|${T#/}/$who/|X/|g" "$T/$who.out"
		sed -i "s|$p:|$u:|g" "$T/$who.err"
	done
	[ "$(wc -c < o.out)" -gt 8 ]
	cmp o.out g.out && cmp o.err g.err ||
		{ echo "$u $*"; diff g.out o.out | cut -c1-200; diff g.err o.err; false; }
}

@test "a working directory past PATH_MAX below one its user cannot read: the walk fails as GNU's" {
	as_nobody
	[ "$(id -u)" -ne 0 ] || chmod 755 "$T"
	lock=711
	deep_like_gnu realpath .
	grep -q 'Permission denied' o.err
	deep_like_gnu realpath -m x
	deep_like_gnu readlink -f .
	deep_like_gnu ln -srv f e
}

@test "realpath in a working directory past PATH_MAX: named as GNU's (its getcwd walks up)" {
	deep_like_gnu realpath .
	grep -q '^X/dd*/dd*/' o.out
	deep_like_gnu realpath -e .
	deep_like_gnu realpath -m x/y
	deep_like_gnu realpath -m ../x
	deep_like_gnu realpath -s .
	deep_like_gnu realpath -s -m e/../f
	deep_like_gnu realpath --relative-to=/ .
	deep_like_gnu realpath --relative-to=e .
	deep_like_gnu realpath -m --relative-to=. e/../f x
	deep_like_gnu realpath . f e
	deep_like_gnu realpath -z -m x .
}

@test "readlink -f -e -m in a working directory past PATH_MAX: as GNU's" {
	deep_like_gnu readlink -f .
	grep -q '^X/dd*/dd*/' o.out
	deep_like_gnu readlink -e .
	deep_like_gnu readlink -m x
	deep_like_gnu readlink -f f
	deep_like_gnu readlink -v -e f
	deep_like_gnu readlink -m .. x/..
}

@test "ln -r in a working directory past PATH_MAX: links relative as GNU's (not the name as given)" {
	deep_like_gnu ln -sr f e
	grep -qx './e/f -> ../f' o.out
	deep_like_gnu ln -sr f h
	deep_like_gnu ln -srv e/zz y
	deep_like_gnu ln -sr -t e f
	deep_like_gnu ln -sr ../x z
}

@test "stat %m in a working directory past PATH_MAX: as GNU's" {
	deep_like_gnu stat -c %m .
	deep_like_gnu stat -c '%m %n' f e
}

@test "a working directory past PATH_MAX on tmpfs: the walk crosses devices (/dev/shm, /dev, /) by lstat'ing the entries, as GNU's" {
	local T0=$T
	shm_dir deep
	cd / && rm -rf "$T0"
	T=$shm				# (teardown removes it)
	[ "$(stat -c %d "$T/..")" != "$(stat -c %d "$T/../..")" ] || skip "/dev/shm is not a mount"
	deep_like_gnu realpath .
	grep -q "^X/dd*/dd*/" o.out
	deep_like_gnu readlink -f .
	deep_like_gnu realpath -m --relative-to=/ x
	deep_like_gnu ln -srv f e
}

@test "a working directory outside the root (chroot without chdir): as GNU's, its walk finds no name" {
	[ "$(id -u)" -eq 0 ] || skip "not root"
	command -v unshare > /dev/null || skip "unshare missing"
	unshare -m true 2>/dev/null || skip "cannot unshare a mount namespace"
	mkdir -p root/usr root/subk out/sub
	ln -s usr/lib root/lib
	ln -s usr/lib64 root/lib64
	local u c
	for u in realpath readlink ln stat; do
		rm -f subk bin
		for who in /subk /usr/bin; do
			for c in "realpath ." "realpath -m x" "realpath -s ." "readlink -f ." \
				"readlink -vm x" "ln -srv /e1 y" "stat -c %m ."; do
				[ "${c%% *}" = $u ] || continue
				unshare -m --propagation private bash -c '
mount --bind /usr root/usr && mount --bind "$1" root/subk && cd out/sub &&
python3 -c "import os, sys; os.chroot(\"../../root\"); os.execv(sys.argv[1], sys.argv[1:])" "$2/${3%% *}" ${3#* }
echo "status $?"
ls -l | sed "s/.* y /y /"; rm -f y' sh "$SUBK_BIN" "$who" "$c" >> "$T/${who##*/}" 2>&1 || :
			done
		done
		sed -i "s|/subk/$u:|$u:|" subk
		sed -i "s|/usr/bin/$u:|$u:|" bin
		cmp subk bin || { diff bin subk; false; }
	done
	grep -q "stat: failed to canonicalize '.': No such file or directory" subk
}
