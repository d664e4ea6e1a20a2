#!/usr/bin/env bats
# rm: what difftest cannot run: trees 10,000 deep and wide ones (always inside
# a private mount namespace where only $T is writable), -v against GNU on
# the same trees, a closed pipe, the user cases as a non-root user, a
# read-only file system, a terminal's write-protected prompt, peak RSS.
load helpers

# sandboxed SCRIPT - SCRIPT run by bash -e in a private mount namespace
# where a fresh tmpfs is mounted on $T (its working directory; fast, and
# gone afterwards) and every other mount is read-only, so a bug in rm -r
# cannot reach the machine or the repo. $RM is our rm, $GNU GNU's.
sandboxed() {
	command -v unshare > /dev/null || skip "unshare missing"
	[ "$(id -u)" -eq 0 ] || skip "not root"
	RM=$(bin rm) GNU=/usr/bin/rm unshare -m bash -c '
		mount --make-rprivate / && mount -t tmpfs -o size=512m tmpfs "$0" || exit 99
		awk "{print \$2}" /proc/self/mounts | sort -r | while read -r m; do
			[ "$m" = "$0" ] || mount -o remount,bind,ro "$m" 2>/dev/null
		done
		touch /.subk-rw-probe 2>/dev/null && exit 98
		cd "$0" && set -e && eval "$1"' "$T" "$1"
}

# tree DIR - a tree of 40 directories, 3 levels, with files and symlinks
tree='tree() {
	local i j
	for i in 1 2 3 4 5; do
		for j in a b c d e f g; do
			mkdir -p "$1/d$i/s$j/t"
			echo x > "$1/d$i/s$j/f"
			ln -s ../../.. "$1/d$i/s$j/up"
		done
		touch "$1/d$i/file" "$1/x$i"
	done
}'

@test "a tree 10,000 deep" {
	run sandboxed '
		/usr/bin/mkdir -p "deep/$(printf "d/%.0s" $(seq 9999))d"
		touch keep
		"$RM" -r deep
		[ ! -e deep ]
		[ -e keep ]'
	echo "$output"
	[ "$status" -eq 0 ]
	[ -z "$output" ]
}

@test "-rv of a chain past PATH_MAX: the same lines as GNU" {
	run sandboxed '
		p=$(printf "dir%.0s/" $(seq 1500))
		/usr/bin/mkdir -p "a/$p" "b/$p"
		"$RM" -rv a > ours
		"$GNU" -rv b > gnus
		[ ! -e a ]
		[ ! -e b ]
		[ "$(wc -l < ours)" -eq 1501 ]
		sed "s/^removed directory .a/removed directory '\''b/" ours | cmp - gnus'
	echo "$output"
	[ "$status" -eq 0 ]
}

@test "-rv of a wide tree: GNU's order and lines" {
	run sandboxed "$tree"'
		tree a
		tree b
		"$RM" -rv a > ours
		"$GNU" -rv b > gnus
		[ ! -e a ]
		[ ! -e b ]
		[ "$(wc -l < ours)" -eq 156 ]
		sed "s/'\''a/'\''b/" ours | cmp - gnus'
	echo "$output"
	[ "$status" -eq 0 ]
}

@test "a directory of 5000 entries (many reads, walks in between)" {
	run sandboxed '
		mkdir big
		cd big
		for i in $(seq 5000); do : > "f$i"; [ $((i % 1000)) -ne 0 ] || mkdir -p "s$i/x"; done
		cd ..
		"$RM" -r big
		[ ! -e big ]'
	echo "$output"
	[ "$status" -eq 0 ]
}

# chain DIR - 40 directories, each made last in its parent after 70 files
# of 30-byte names (tmpfs lists the newest first: the subdirectory, then a
# full read of files waiting while it is walked), and every fifth level a
# second subdirectory "mid" among the files: the entries read past a
# subdirectory go on rm's save stack, which is full (64 KiB) after about
# 32 levels, and past it are read again.
chain='chain() {
	local d=$1 i j
	for i in $(seq 40); do
		mkdir -p "$d"
		for j in $(seq 70); do : > "$d/$(printf "file-%025d" "$j")"; done
		[ $((i % 5)) -ne 0 ] || { mkdir "$d/mid"; touch "$d/mid/x"; for j in $(seq 71 90); do : > "$d/$(printf "file-%025d" "$j")"; done; }
		d=$d/s
	done
	mkdir -p "$d"
}'

@test "-rv of deep directories with many entries past each subdirectory (the save stack, and past it): GNU's lines" {
	run sandboxed "$chain"'
		chain a
		chain b
		"$RM" -rv a > ours
		"$GNU" -rv b > gnus
		[ ! -e a ]
		[ ! -e b ]
		[ "$(wc -l < ours)" -eq 3017 ]
		sed "s/'\''a/'\''b/" ours | cmp - gnus'
	echo "$output"
	[ "$status" -eq 0 ]
}

@test "the save stack's levels with entries kept below them, as a user: GNU's messages and the tree it leaves" {
	command -v setpriv > /dev/null || skip "setpriv missing"
	run sandboxed "$chain"'
		as="setpriv --reuid=65534 --regid=65534 --clear-groups"
		for d in a b; do
			chain "$d"
			chown -R 65534 "$d"
			chmod 0 "$d/s/s/s/s/mid" "$d/s/s/s/s/s/s/s/s/s/s/s/s/s/s/s/s/s/s/s/s/s/s/s/s/s/s/s/s/s/s/s/s/s/s/mid"
			chmod 555 "$d/s/s/s/s/s/s/s/s/s/mid" "$d/s/s/s/s/s/s/s/s/s/s/s/s/s/s/s/s/s/s/s/s/s/s/s/s/s/s/s/s/s/s/s/s/s/s/s/s/s/s"
		done
		set +e
		$as "$RM" -rv a > ours 2>&1
		s1=$?
		$as "$GNU" -rv b > gnus 2>&1
		s2=$?
		set -e
		[ "$s1" -eq 1 ]
		[ "$s2" -eq 1 ]
		[ "$(grep -c "^removed" gnus)" -gt 2000 ]
		sed "s/'\''a/'\''b/; s|^$RM|$GNU|" ours | cmp - gnus
		[ "$(cd a && find . | sort)" = "$(cd b && find . | sort)" ]'
	echo "$output"
	[ "$status" -eq 0 ]
}

@test "kept entries as a user: the same messages and the same tree left as GNU" {
	command -v setpriv > /dev/null || skip "setpriv missing"
	run sandboxed "$tree"'
		as="setpriv --reuid=65534 --regid=65534 --clear-groups"
		for d in a b; do
			tree "$d"
			chown -R 65534 "$d"
			chmod 555 "$d/d2/sb" "$d/d4"
			chmod 0 "$d/d3/sc"
		done
		set +e
		$as "$RM" -r a 2> ours
		s1=$?
		$as "$GNU" -r b 2> gnus
		s2=$?
		set -e
		[ "$s1" -eq 1 ]
		[ "$s2" -eq 1 ]
		[ -s gnus ]
		sed "s/'\''a/'\''b/; s|^$RM|$GNU|" ours | cmp - gnus
		[ "$(cd a && find . | sort)" = "$(cd b && find . | sort)" ]'
	echo "$output"
	[ "$status" -eq 0 ]
}

@test "a closed pipe: killed by SIGPIPE at GNU's byte, the same files left" {
	run sandboxed '
		mkdir a b
		for i in $(seq 600); do : > "a/file-$i"; : > "b/file-$i"; done
		closed() { python3 -c "
import os, subprocess, sys
r, w = os.pipe()
os.close(r)
p = subprocess.run(sys.argv[1:], stdout=w, stderr=subprocess.PIPE)
print(p.returncode, len(p.stderr))" "$@"; }
		[ "$(closed "$RM" -rv a)" = "-13 0" ]
		[ "$(closed "$GNU" -rv b)" = "-13 0" ]
		[ -n "$(ls a)" ]
		[ "$(ls a)" = "$(ls b)" ]'
	echo "$output"
	[ "$status" -eq 0 ]
}

@test "--one-file-system skips a mount point as GNU does; a busy one fails" {
	run sandboxed '
		for d in a b; do
			mkdir -p "$d/m" "$d/k"
			touch "$d/f" "$d/k/g"
			mount -t tmpfs tmpfs "$d/m"
			touch "$d/m/inside"
		done
		set +e
		"$RM" -r --one-file-system a 2> ours
		s1=$?
		"$GNU" -r --one-file-system b 2> gnus
		s2=$?
		set -e
		[ "$s1" -eq 1 ]
		[ "$s2" -eq 1 ]
		sed "s/'\''a/'\''b/; s|^$RM|$GNU|" ours | cmp - gnus
		[ -e a/m/inside ]
		[ "$(cd a && find . | sort)" = "$(cd b && find . | sort)" ]'
	echo "$output"
	[ "$status" -eq 0 ]
}

@test "--preserve-root=all skips a mount point operand as GNU does (-v, -d, several operands, trailing slash)" {
	run sandboxed '
		for d in a b; do
			mkdir -p "$d/m" "$d/e" "$d/k/x"
			mount -t tmpfs tmpfs "$d/m"
			touch "$d/m/inside"
			mount -t tmpfs tmpfs "$d/e"
		done
		set +e
		(cd a && "$RM" -rv --preserve-root=all k m/ e . > ../ours.out 2> ../ours.err; echo $? >> ../ours.out)
		(cd b && "$GNU" -rv --preserve-root=all k m/ e . > ../gnus.out 2> ../gnus.err; echo $? >> ../gnus.out)
		(cd a && "$RM" -d --preserve-root=all e 2>> ../ours.err; echo $? >> ../ours.out)
		(cd b && "$GNU" -d --preserve-root=all e 2>> ../gnus.err; echo $? >> ../gnus.out)
		set -e
		cmp ours.out gnus.out
		sed "s|^$RM|$GNU|" ours.err | cmp - gnus.err
		grep -q "since it'\''s on a different device" gnus.err
		[ -e a/m/inside ]
		[ "$(cd a && find . | sort)" = "$(cd b && find . | sort)" ]'
	echo "$output"
	[ "$status" -eq 0 ]
}

@test "the user cases as a non-root user" {
	user_cases rm
}

@test "a read-only file system: GNU's message" {
	mkdir -p ro/d && touch ro/a
	ro_fs_like_gnu rm "%s: cannot remove 'ro/a': Read-only file system\n%s: cannot remove 'ro/d': Read-only file system" -r ro/a ro/d
	on_ro_fs "$(bin rm)" -f ro/nosuch
	[ "$status" -eq 0 ]
	[ -z "$output" ]
}

@test "a write-protected file with stdin a terminal prompts a user, like GNU" {
	command -v script > /dev/null || skip "script missing"
	as_nobody
	chmod 777 "$T"
	for p in "$(bin rm)" /usr/bin/rm; do
		touch wp && chmod 444 wp && chown 65534 wp
		run script -qec "${as[*]} $p wp" /dev/null <<< "n"
		[[ "$output" == *"remove write-protected regular empty file 'wp'? "* ]]
		[ -e wp ]
		run script -qec "${as[*]} $p wp" /dev/null <<< "y"
		[ ! -e wp ]
		touch wp && chmod 444 wp && chown 65534 wp
		run script -qec "${as[*]} $p -f wp" /dev/null < /dev/null
		[ ! -e wp ]
	done
}

@test "-iv on a terminal: each line at once, between the prompts, as GNU" {
	command -v script > /dev/null || skip "script missing"
	for p in "$(bin rm)" /usr/bin/rm; do
		mkdir -p d/e && touch d/f
		script -qec "stty -echo; $p -riv d" /dev/null <<< $'y\ny\ny\ny\ny\n' | tail -n 3 | sed "s|$p|rm|g" > "out.$#"
		[ ! -e d ]
		set -- "$@" x
	done
	cmp out.0 out.1
	grep -q "remove regular empty file 'd/f'? removed 'd/f'" out.0
}

@test "peak RSS" {
	touch a && mkdir -p d/e && touch d/f d/e/g
	rss_at_most 16 rm a
	rss_at_most 16 rm -f nosuch
	# a walk's first level records, directory buffer and path share the
	# variables' page
	rss_at_most 16 rm -r d
	[ ! -e d ]
}

@test "peak RSS of -v and of an error: 16 KiB" {
	touch a b && mkdir e
	rss_at_most 16 rm -v a
	rss_at_most 16 rm -dv e
	rss_error_at_most 16 rm nope
	rss_error_at_most 16 rm -v nope b
	[ ! -e a ]
	[ ! -e b ]
	[ ! -e e ]
	mkdir -p d/e && touch d/x d/e/y
	rss_at_most 16 rm -rv d
	[ ! -e d ]
}

@test "-rv: the buffered lines move to obuf when the walk reaches level 4: GNU's bytes and writes" {
	for t in o g; do
		mkdir "$t"
		for i in $(seq 40); do touch "$t/top-$(printf '%03d-%080d' "$i" 0)"; done
		p=$t
		for l in 1 2 3 4 5 6; do
			p="$p/level$l-$(printf '%0100d' 0)"
			mkdir "$p"
			for i in $(seq 8); do touch "$p/f$i-$(printf '%0120d' 0)"; done
		done
	done
	strace -o s1 -e trace=write "$(bin rm)" -rv o > out
	strace -o s2 -e trace=write /usr/bin/rm -rv g > expected
	[ "$(wc -c < out)" -gt 8192 ]
	sed "s|'o|'g|" out | cmp - expected
	[ "$(grep -o '^write(1, .*= [0-9]*' s1 | sed 's/.*= //')" = "$(grep -o '^write(1, .*= [0-9]*' s2 | sed 's/.*= //')" ]
}

@test "-v without -r past obuf's 4096 bytes (its bytes below the levels' records): GNU's bytes and writes" {
	n=$(printf 'n%.0s' $(seq 200))
	long=l; for i in $(seq 18); do long="$long/$n"; done
	c=$(printf '\001%.0s' $(seq 250))     # quoted: a line over 4096 bytes
	for d in o g; do
		mkdir -p "$d/$long"
		for i in $(seq 60); do touch "$d/$(printf 'name-%03d-%0100d' "$i" 0)"; done
		touch "$d/$long/$c"
	done
	(cd o && strace -o ../s1 -e trace=write "$(bin rm)" -v name-0[0-3]* "$long/$c" name-0[4-9]* > ../out)
	(cd g && strace -o ../s2 -e trace=write /usr/bin/rm -v name-0[0-3]* "$long/$c" name-0[4-9]* > ../expected)
	[ "$(wc -c < out)" -gt 8192 ]
	cmp expected out
	[ "$(grep -o '^write(1, .*= [0-9]*' s1 | sed 's/.*= //')" = "$(grep -o '^write(1, .*= [0-9]*' s2 | sed 's/.*= //')" ]
}

@test "i386: a big tree is removed through the vDSO (from the 32nd removal), a small one with int 0x80" {
	mkdir -p small/s big
	touch small/f small/s/g
	(cd big && touch $(seq 1 40))
	env -i "$BATS_TEST_DIRNAME/../build/harness/rss" -v "$(bin rm)" -r small 2> maps.small
	env -i "$BATS_TEST_DIRNAME/../build/harness/rss" -v "$(bin rm)" -r big 2> maps.big
	[ ! -e small ]
	[ ! -e big ]
	! grep -q '\[vdso\]' maps.small || false
	if [ "$(arch)" = i386 ] && [ "$(cat /proc/sys/abi/vsyscall32 2>/dev/null)" = 1 ]; then
		grep -q '^4 KiB .*\[vdso\]$' maps.big
	else
		! grep -q '\[vdso\]' maps.big || false
	fi
}

@test "stdout flushed before each message: one merged stream as GNU's" {
	local args ours gnu
	for args in "-v f1 nope f2" "-v f1 . f2" "-rv d nope f2"; do
		mkdir -p d && touch f1 f2 d/x
		ours=$("$(bin rm)" $args 2>&1 | cat)
		mkdir -p d && touch f1 f2 d/x
		gnu=$(/usr/bin/rm $args 2>&1 | cat)
		[ "${ours//"$(bin rm)"/rm}" = "${gnu//"/usr/bin/rm"/rm}" ]
	done
}

@test "-i answers as GNU's getline on stdio: a pipe gives up a buffer-full, a file's offset is left after the last line used" {
	for p in "$(bin rm)" /usr/bin/rm; do
		touch a b c
		printf 'y\nn\nfoo\nbar\n' > ans	# (cat: one write; bash's printf writes a
		cat ans | { "$p" -i a b 2> /dev/null; echo "rc=$?"; cat; } > "pipe.$#"	# line at a time)
		touch a
		{ "$p" -i a b 2> /dev/null; echo "rc=$?"; cat; } < ans > "file.$#"
		# a long line: more than one buffer, then what the last read left
		{ printf 'y%.0s' $(seq 5000); printf '\nn\nrest\n'; } > long
		touch a
		{ "$p" -i a b 2> /dev/null; echo "rc=$?"; cat; } < long > "long.$#"
		head -c 9000 /dev/zero | tr '\0' x > big && printf '\ny\n' >> big
		touch a
		{ "$p" -i a 2> /dev/null; echo "rc=$?"; cat; } < big > "bigfile.$#"
		ls a b c > "left.$#" 2>&1 || true
		rm -f a b c
		set -- "$@" x
	done
	cmp pipe.0 pipe.1
	cmp file.0 file.1
	cmp long.0 long.1
	cmp bigfile.0 bigfile.1
	cmp left.0 left.1
	[ "$(cat pipe.0)" = "rc=0" ]
	[ "$(cat file.0)" = $'rc=0\nfoo\nbar' ]
	[ "$(tail -n 1 long.0)" = "rest" ]
}

@test "-i: a pipe of more than 4096 bytes: GNU's one read of 4096" {
	for p in "$(bin rm)" /usr/bin/rm; do
		touch a
		{ printf 'y\n'; head -c 5000 /dev/zero | tr '\0' z; printf '\nend\n'; } > in
		# one write (a pipe holds 64 KiB): the first read sees it all
		{ "$p" -i a 2> /dev/null; echo "rc=$?"; cat; } < <(cat in) > "out.$#"
		set -- "$@" x
	done
	cmp out.0 out.1
	# 5007 bytes, 4096 read at once: cat gets the last 911
	[ "$(wc -c < out.0)" -eq $((911 + 5)) ]
}

@test "-i: the end of a terminal's input sticks, as glibc's stdio (no second read)" {
	command -v script > /dev/null || skip "script missing"
	for p in "$(bin rm)" /usr/bin/rm; do
		touch a b
		# ^D at the first prompt: no for both, 'y' typed later is never read
		timeout 5 script -qec "stty -echo; $p -i a b" /dev/null < <(printf '\004'; sleep 0.3; printf 'y\n') > /dev/null || true
		ls a b > "left.$#" 2>&1 || true
		set -- "$@" x
	done
	cmp left.0 left.1
	grep -q '^a$' left.0 && grep -q '^b$' left.0
}

@test "peak RSS of -i: stdin's buffer is one more page (20 KiB)" {
	touch a b
	local kb st q
	for q in y n; do
		touch a b
		read -r kb st < <(echo $q | env -i "$BATS_TEST_DIRNAME/../build/harness/rss" "$(bin rm)" -i a b 2>&1 >/dev/null | tail -n 1 | sed 's/.*? //')
		echo "$q: $kb KiB, status $st"
		[ "$st" -eq 0 ] && [ "$kb" -le 20 ] || return 1
	done
	[ -e a ] && [ -e b ]
}

@test "a prompt that cannot be written (stderr /dev/full or closed): the answer read all the same, exit status 1, as GNU's close_stream(stderr)" {
	run sandboxed '
		i=0
		for p in "$RM" "$GNU"; do
			mkdir w$i && cd w$i
			{
			touch f; echo y | "$p" -i f 2>/dev/full && echo rc=0 || echo rc=$?; ls
			touch f; echo y | "$p" -i f 2>&- && echo rc=0 || echo rc=$?; ls
			touch f; echo n | "$p" -i f 2>&- && echo rc=0 || echo rc=$?; ls
			touch f1 f2 f3 f4; echo y | "$p" -I f1 f2 f3 f4 2>/dev/full && echo rc=0 || echo rc=$?; ls
			touch f1 f2 f3 f4; echo n | "$p" --interactive=once f1 f2 f3 f4 2>/dev/full && echo rc=0 || echo rc=$?; ls
			"$GNU" -f f1 f2 f3 f4
			mkdir -p d/s; touch d/s/x; printf "y\ny\nn\ny\n" | "$p" -ri d 2>/dev/full && echo rc=0 || echo rc=$?; find d
			printf "y\n" | "$p" -ri d 2>&- && echo rc=0 || echo rc=$?; ls
			touch f; "$p" f 2>&- && echo rc=0 || echo rc=$?; ls
			} > ../out.$i
			cd .. && i=$((i + 1))
		done
		cat out.0
		cmp out.0 out.1
		[ "$(grep -c "^rc=1$" out.0)" -eq 7 ]'
	echo "$output"
	[ "$status" -eq 0 ]
}

# GNU's undocumented ---presume-input-tty (its own tests use it: rm
# prompts for a write-protected file only when stdin is a terminal):
# answered "n" then "y", as nobody, ours and GNU's say the same and leave
# the same files. It was refused as an unrecognized option, so five of
# GNU's rm tests could not run on ours.
@test "---presume-input-tty (and its prefixes): prompts as on a terminal, as GNU's" {
	as_nobody
	chmod 777 "$T"
	local p o
	for p in ours gnu; do
		mkdir $p && chmod 777 $p
		local rm=/usr/bin/rm
		[ $p = gnu ] || rm=$(bin rm)
		(cd $p && "${as[@]}" touch a b c && chmod 0 a b c && echo x > c &&
			{ echo n | "${as[@]}" "$rm" ---presume-input-tty a
			  echo y | "${as[@]}" "$rm" ---p b
			  echo n | "${as[@]}" "$rm" --- c; echo "status $?"
			  "${as[@]}" "$rm" -f ---presume-input-tty c; ls; } > ../$p.out 2>&1)
		sed -i "s#$rm#rm#g" $p.out
	done
	diff ours.out gnu.out
	grep -q "write-protected regular empty file 'a'" ours.out
}
