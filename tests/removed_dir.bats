#!/usr/bin/env bats
# removed_dir.bats - directories removed before or while they are read.
# Linux's getdents64 fails with ENOENT on a directory that was rmdir'd after
# it was opened; glibc's readdir takes that for the end of the directory (as
# POSIX asks), so GNU's tools say nothing of it: `ls` in a removed working
# directory prints nothing, status 0; `du` prints "4 .", `cp -r .` copies an
# empty directory, `rm -r` of a directory removed meanwhile goes on to its
# rmdir. Ours called getdents64 directly and reported the ENOENT ("reading
# directory '.': No such file or directory", status 2).
# Two ways to get there, each run for ours and for GNU's in a scene of its
# own (the same files), the results compared: in a removed working
# directory, and with every getdents64 of one directory of the scene failing
# with ENOENT (strace's fault injection on that path: what a removal between
# the open and the read gives, at any depth of a walk).
load helpers

# scene DIR - DIR/d/a, DIR/d/sub/b, DIR/d/sub/s2/c, DIR/f, DIR/g, DIR/g.~1~
scene() {
	mkdir -p "$1/d/sub/s2" &&
	touch "$1/d/a" "$1/d/sub/b" "$1/d/sub/s2/c" "$1/g" "$1/g.~1~" &&
	echo x > "$1/f"
}

# _like_gnu WHERE UTIL ARGS... - ours and GNU's UTIL ARGS (stdin ./in when
# it exists, else /dev/null), each in a scene of its own ($T/o, $T/g): WHERE
# "-" runs it in the scene's directory w, removed first; else every
# getdents64 of the scene's WHERE fails with ENOENT. The same stdout, stderr
# (argv[0] aside), status, and files left (the scene's, and what its link x
# leads to, if the test made one: mv's other file system)
_like_gnu() {
	local where=$1 u=$2 who p s
	shift 2
	[ "$where" = - ] || command -v strace >/dev/null || skip "strace not installed"
	for who in o g; do
		[ -d "$T/$who" ] || scene "$T/$who"
		p=$(bin "$u"); [ $who = o ] || p=/usr/bin/$u
		local in=/dev/null; [ ! -e "$T/in" ] || in=$T/in
		s=0
		if [ "$where" = - ]; then
			mkdir "$T/$who/w" && cd "$T/$who/w" && rmdir "$T/$who/w"
			"$p" "$@" < "$in" > "$T/$who.out" 2> "$T/$who.err" || s=$?
		else
			cd "$T/$who"
			strace -f -qq -o /dev/null -P "$T/$who/$where" -e trace=getdents64 \
				-e inject=getdents64:error=ENOENT:when=1+ \
				"$p" "$@" < "$in" > "$T/$who.out" 2> "$T/$who.err" || s=$?
		fi
		cd "$T"
		echo "$s" > "$T/$who.st"
		sed -i "s|$p:|$u:|g" "$T/$who.err"
		(cd "$T/$who" && find -L . -printf '%p %M %u %g %s\n' | LC_ALL=C sort) > "$T/$who.tree"
	done
	local x ok=1
	for x in out err st tree; do
		cmp -s "$T/g.$x" "$T/o.$x" ||
			{ ok=0; echo "$x differs (< GNU, > ours): $u $* ($where)"; diff "$T/g.$x" "$T/o.$x" | head -20; }
	done
	rm -rf "$T/o" "$T/g"
	[ $ok = 1 ]
}

# removed_like_gnu UTIL ARGS... - _like_gnu in a removed working directory
removed_like_gnu() { _like_gnu - "$@"; }

# gone_like_gnu DIR UTIL ARGS... - _like_gnu with the scene's DIR unreadable
# by ENOENT (a removal after its open)
gone_like_gnu() { _like_gnu "$@"; }

@test "ls: a removed working directory is empty, no message, status 0" {
	removed_like_gnu ls
	removed_like_gnu ls -la
	removed_like_gnu ls -R
	removed_like_gnu ls -1U
	removed_like_gnu ls -l .
	removed_like_gnu ls -d .
	removed_like_gnu ls .. .
}

@test "ls: ENOENT from getdents64 at any depth is the directory's end" {
	gone_like_gnu d ls d
	gone_like_gnu d ls -1U d
	gone_like_gnu d ls -l d f
	gone_like_gnu d/sub ls -R d
	gone_like_gnu d/sub ls -laR d
	gone_like_gnu d/sub ls -1UR d
	gone_like_gnu d/sub/s2 ls -R d
}

@test "du: a removed working directory, and ENOENT at any depth" {
	removed_like_gnu du
	removed_like_gnu du -a
	removed_like_gnu du -s .
	removed_like_gnu du -ab .
	gone_like_gnu d du d
	gone_like_gnu d/sub du -a d
	gone_like_gnu d/sub/s2 du -b d
	gone_like_gnu d/sub du -s d f
}

@test "chmod -R: a removed working directory, and ENOENT at any depth" {
	removed_like_gnu chmod -R 700 .
	removed_like_gnu chmod -R -v 700 .
	gone_like_gnu d chmod -R 700 d
	gone_like_gnu d/sub chmod -R 700 d
	gone_like_gnu d/sub/s2 chmod -R -c 711 d
}

@test "chown -R, chgrp -R: a removed working directory, and ENOENT at any depth" {
	removed_like_gnu chown -R 65534 .
	removed_like_gnu chgrp -R 65534 .
	gone_like_gnu d chown -R 65534 d
	gone_like_gnu d/sub chown -R -v 65534:65534 d
	gone_like_gnu d/sub/s2 chgrp -R 65534 d
	gone_like_gnu d/sub chgrp -R -v 65534 d
}

@test "cp -r: a removed working directory is copied empty; ENOENT at any depth" {
	removed_like_gnu cp -r . ../cpd
	removed_like_gnu cp -a . ../cpd
	removed_like_gnu cp -rv . ../cpd
	gone_like_gnu d cp -r d e
	gone_like_gnu d/sub cp -r d e
	gone_like_gnu d/sub/s2 cp -a d e
	gone_like_gnu d/sub cp -rv d f e
}

@test "mv across file systems: the copy's ENOENT is the directory's end" {
	shm_dir removed_dir
	mkdir "$T/o" "$T/g" "$shm/o" "$shm/g"
	scene "$T/o" && ln -s "$shm/o" "$T/o/x"
	scene "$T/g" && ln -s "$shm/g" "$T/g/x"
	gone_like_gnu d/sub mv d x/m
}

@test "rm -r: an unreadable (removed) directory is empty: rmdir says why" {
	removed_like_gnu rm -r ../w
	removed_like_gnu rm -rf .
	gone_like_gnu d rm -r d
	gone_like_gnu d rm -rf d
	gone_like_gnu d/sub rm -r d
	gone_like_gnu d/sub rm -rv d
	gone_like_gnu d/sub/s2 rm -r d
	printf 'y\ny\ny\ny\ny\n' > "$T/in"
	gone_like_gnu d/sub rm -ri d
	gone_like_gnu d/sub/s2 rm -rI d
}

@test "rmdir --ignore-fail-on-non-empty: an unreadable (removed) directory is empty" {
	removed_like_gnu rmdir --ignore-fail-on-non-empty .
	gone_like_gnu d rmdir --ignore-fail-on-non-empty d
	gone_like_gnu d/sub rmdir -p --ignore-fail-on-non-empty d/sub/s2
}

@test "pwd: a removed parent ends its read: 'couldn't find directory entry'" {
	local who s p
	for who in o g; do
		mkdir -p "$T/$who/p/c"
		cd "$T/$who/p/c"
		rmdir "$T/$who/p/c" "$T/$who/p"
		p=$(bin pwd); [ $who = o ] || p=/usr/bin/pwd
		s=0; "$p" -P > "$T/$who.out" 2> "$T/$who.err" || s=$?
		echo "$s" >> "$T/$who.out"
		s=0; "$p" >> "$T/$who.out" 2>> "$T/$who.err" || s=$?
		echo "$s" >> "$T/$who.out"
		sed -i "s|^$p:|pwd:|" "$T/$who.err"
		cd "$T"
	done
	diff "$T/g.out" "$T/o.out"
	diff "$T/g.err" "$T/o.err"
	grep -q "couldn't find directory entry" "$T/o.err"
	removed_like_gnu pwd
	removed_like_gnu pwd -P
}
