#!/usr/bin/env bats
# cp: what difftest cannot express: the differential cases as a non-root
# user, sparse files over 4 GiB (holes kept: i386's 64-bit offsets), the
# read/write fallback (a pipe, /dev/full), a full tmpfs (ENOSPC) and a
# read-only file system with GNU's messages, -v on /dev/full and a closed
# pipe, the options that fail clearly, peak RSS; hard links kept (-a, -d,
# --preserve=links) in trees difftest cannot make: which names share an
# inode, against GNU's copy.
load helpers

# links DIR - each non-directory under DIR: its name, its link count and
# the first name (in sorted order) of its inode: which names GNU's and
# our copies made hard links of one another
links() {
	(cd "$1" && find . ! -type d -printf '%i %n %p\n' | sort -k3 |
		awk '{ if (!($1 in f)) f[$1] = $3; print $3, $2, f[$1] }')
}

# hard_tree DIR - two names of one file, three names of another (one in a
# subdirectory), a name whose other link stays outside DIR, hard links of
# a symlink and of a FIFO, and a plain file
hard_tree() {
	mkdir -p "$1/sub/deep"
	echo two > "$1/a"; ln "$1/a" "$1/b"
	echo three > "$1/t1"; ln "$1/t1" "$1/sub/t2"; ln "$1/t1" "$1/sub/deep/t3"
	echo out > "$1/o"; ln "$1/o" "outside-$1"
	ln -s a "$1/l"; ln "$1/l" "$1/sub/l2"
	mkfifo "$1/p"; ln "$1/p" "$1/sub/p2"
	echo plain > "$1/sub/plain"
	chmod 640 "$1/t1"; touch -d @1000000000 "$1/a"
}

# copy_like_gnu ARGS... - our cp and GNU's with ARGS then ours/gnus: the
# same status, the same sorted -v lines (GNU sorts entries by inode), the
# same files and the same hard links
copy_like_gnu() {
	local s1=0 s2=0
	"$(bin cp)" "$@" ours > ours.v 2> ours.e || s1=$?
	/usr/bin/cp "$@" gnus > gnus.v 2> gnus.e || s2=$?
	[ "$s1" -eq "$s2" ] || { echo "status $s1, GNU $s2"; return 1; }
	diff <(sed "s/gnus/ours/g; s|/usr/bin/cp|$(bin cp)|" gnus.e) ours.e
	diff <(sed 's/gnus/ours/g' gnus.v | sort) <(sort ours.v)
	diff <(links gnus) <(links ours)
	diff <(cd gnus && find . -printf '%p %y %m %s %l\n' | sort) \
		<(cd ours && find . -printf '%p %y %m %s %l\n' | sort)
}

@test "the differential cases as a non-root user" {
	user_cases cp
}

@test "a sparse file over 4 GiB: its data, its size, the holes kept" {
	truncate -s 5G s
	printf abc | dd of=s bs=1 seek=3221225472 conv=notrunc status=none
	echo end >> s
	"$(bin cp)" s c
	# (cmp would read 5 GiB of zeros: the data and the ends instead)
	[ "$(dd if=c bs=1 skip=3221225472 count=3 status=none)" = abc ]
	[ "$(tail -c 4 c)" = end ]
	[ "$(head -c 3 c | od -An -tx1)" = " 00 00 00" ]
	[ "$(stat -c %s c)" -eq "$(stat -c %s s)" ]
	[ "$(du -k c | cut -f1)" -lt 1024 ]
	truncate -s 4G h          # all hole
	"$(bin cp)" -p h h2
	[ "$(stat -c %s h2)" -eq 4294967296 ] && [ "$(du -k h2 | cut -f1)" -lt 64 ]
}

@test "binary data through a pipe and into a pipe (the read/write path)" {
	head -c 3000000 /dev/urandom > r
	printf '\0\0\377x' >> r
	"$(bin cp)" /dev/stdin c < r
	cmp r c
	ln -s /dev/stdout out           # (a link in the temp dir, so a cp bug
	"$(bin cp)" r out | cat > c2    # that replaced DEST would not reach /dev)
	cmp r c2
}

@test "/dev/full as the destination: GNU's message" {
	echo x > a
	ln -s /dev/full full            # (a link in the temp dir: see above)
	for p in "$(bin cp)" /usr/bin/cp; do
		run "$p" a full
		[ "$status" -eq 1 ]
		[ "$output" = "$p: error writing 'full': No space left on device" ]
	done
}

@test "a full tmpfs: No space left on device, as GNU" {
	command -v unshare > /dev/null || skip "unshare missing"
	[ "$(id -u)" -eq 0 ] || skip "not root"
	head -c 2000000 /dev/urandom > big
	mkdir m
	for p in "$(bin cp)" /usr/bin/cp; do
		run unshare -m sh -c 'mount -t tmpfs -o size=1m t m && "$@"; s=$?; umount m; exit $s' sh "$p" big m/big
		[ "$status" -eq 1 ]
		[ "$output" = "$p: error writing 'm/big': No space left on device" ]
	done
	cmp big <(head -c 2000000 big)
	# with the owner kept, the partial file has no group or other bits
	# (GNU's omitted_permissions), but a copy without -p has them
	chmod 664 big
	local opt p out
	for opt in -p -a --preserve=ownership --preserve=mode; do
		for p in "$(bin cp)" /usr/bin/cp; do
			out=$(unshare -m sh -c 'mount -t tmpfs -o size=1m t m && "$@" 2>/dev/null; echo $?; stat -c %a m/big; umount m' sh "$p" $opt big m/big)
			echo "$opt ${out//$'\n'/ }" >> "$(basename "$(dirname "$p")").modes"
		done
	done
	diff bin.modes "$(arch).modes"
	grep -q -- '^-p 1 600$' bin.modes
	grep -q -- '^--preserve=mode 1 644$' bin.modes
}

@test "a full tmpfs inside one file system (copy_file_range): GNU's 'error copying SRC to DST', the next operand goes on" {
	command -v unshare > /dev/null || skip "unshare missing"
	[ "$(id -u)" -eq 0 ] || skip "not root"
	head -c 30000 /dev/urandom > b; head -c 30000 /dev/urandom > c
	mkdir m
	local who p
	for who in ours gnu; do
		if [ $who = ours ]; then p=$(bin cp); else p=/usr/bin/cp; fi
		unshare -m sh -c 'mount -t tmpfs -o size=80k t m && cp b c m/ && mkdir m/d &&
			{ "$1" m/b m/o; echo "status $?"; "$1" m/b m/c m/d; echo "status $?"
			  "$1" -a m/c m/p; echo "status $?"; } 2>&1
			stat -c "%n %s" m/o m/d/* m/p; umount m' sh "$p" > $who
		sed -i "s#$p#cp#" $who
	done
	diff ours gnu
	grep -q "^cp: error copying 'm/b' to 'm/o': No space left on device" ours
}

@test "--preserve=ownership alone: the mode of a made file less the umask, as GNU (its group and other bits omitted until the end)" {
	echo x > s; chmod 775 s; chown 1:2 s
	local u p
	for u in 022 077 000 027 002; do
		for p in "$(bin cp)" /usr/bin/cp; do
			rm -f d
			(umask $u; "$p" --preserve=ownership s d)
			stat -c "$u %a %u:%g" d >> "$(basename "$(dirname "$p")").modes"
		done
	done
	diff bin.modes "$(arch).modes"
}

@test "a read-only file system: GNU's messages" {
	command -v unshare > /dev/null || skip "unshare missing"
	[ "$(id -u)" -eq 0 ] || skip "not root"
	mkdir ro && echo x > a && echo old > ro/b
	for p in "$(bin cp)" /usr/bin/cp; do
		ro_fs_fails "$p" "%s: cannot create regular file 'ro/c': Read-only file system" a ro/c
		ro_fs_fails "$p" "%s: cannot create regular file 'ro/b': Read-only file system" a ro/b
	done
	[ "$(cat ro/b)" = old ]
}

@test "-v: /dev/full and a closed pipe, as GNU's" {
	echo x > a
	dev_full_fails cp -v a b
	cmp a b
	run sh -c '"$1" -v a b2 > /dev/full' sh /usr/bin/cp
	[ "$output" = "/usr/bin/cp: write error: No space left on device" ]
	closed_pipe_kills cp -v a b3
}

@test "-x: a directory on another file system (a tmpfs mounted inside) made, its entries not copied, as GNU" {
	command -v unshare > /dev/null || skip "unshare missing"
	mkdir -p s/m s/k/j
	echo 1 > s/f; echo 3 > s/k/j/h
	p=$(bin cp)
	run unshare -m sh -c 'mount -t tmpfs t s/m || exit 99
		mkdir s/m/in && echo 2 > s/m/g && chmod 751 s/m && touch -d @1000000000 s/m
		for o in -rvx -avx "-r --one-file-system"; do
			n=$(echo $o | tr -dc a-z)
			"$1" $o s "o$n" > "o$n.v" 2>&1 || echo "status $?" >> "o$n.v"
			/usr/bin/cp $o s "g$n" > "g$n.v" 2>&1 || echo "status $?" >> "g$n.v"
		done
		"$1" -ax s/m om > om.v 2>&1; /usr/bin/cp -ax s/m gm > gm.v 2>&1
		"$1" -rx s/m/. sm; umount s/m' sh "$p"
	[ "$status" -ne 99 ] || skip "cannot mount a tmpfs"
	[ "$status" -eq 0 ]
	for n in rvx avx ronefilesystem; do
		diff <(sed "s/g$n/o$n/" "g$n.v" | sort) <(sort "o$n.v")
		diff <(cd "g$n" && find . -printf '%p %y %m %s\n' | sort) <(cd "o$n" && find . -printf '%p %y %m %s\n' | sort)
	done
	[ -d oavx/m ]
	[ ! -e oavx/m/g ]
	[ ! -e oavx/m/in ]
	[ "$(stat -c '%a %Y' oavx/m)" = "751 1000000000" ]
	diff <(cd gm && find . -printf '%p %y %m %s %T@\n' | sort) <(cd om && find . -printf '%p %y %m %s %T@\n' | sort)
	[ -e sm/g ] && [ -d sm/in ]
}

@test "a tree: the same as GNU's, symlinks not followed out of it" {
	mkdir -p t/a/b t/c
	echo 1 > t/a/f; echo 2 > t/a/b/g; ln -s ../../outside t/a/b/l; ln -s /etc t/abs
	mkfifo t/c/p; ln t/a/f t/c/hard
	echo secret > outside
	"$(bin cp)" -a t ours
	/usr/bin/cp -a t gnus
	[ "$(cd ours && find . -printf '%p %y %m %s %l\n' | sort)" = "$(cd gnus && find . -printf '%p %y %m %s %l\n' | sort)" ]
	[ ! -e ours/outside ] && [ -L ours/abs ]
}

@test "peak RSS: 16 KiB for a trivial copy" {
	echo x > a
	: > e
	rss_at_most 16 cp a b
	rss_at_most 16 cp e f
	rss_at_most 16 cp -f a b
}

@test "peak RSS: 16 KiB for -v and for an error" {
	echo x > a
	rss_at_most 16 cp -v a v1
	rss_at_most 16 cp -rv a v2
	rss_error_at_most 16 cp nope x
	mkdir d
	rss_at_most 16 cp a d
	rss_at_most 16 cp -v a v1 d/
	rss_at_most 16 cp -t d a
	[ -e d/a ] && [ -e d/v1 ]
}

@test "peak RSS: 16 KiB for -r, -a, -rv, -R into a directory of a small tree" {
	mkdir -p d/s t
	echo a > d/a; echo b > d/s/b
	rss_at_most 16 cp -r d c1
	rss_at_most 16 cp -a d c2
	rss_at_most 16 cp -rv d c3
	rss_at_most 16 cp -R d t
	rss_at_most 16 cp -r d/ c4
	[ "$(cat c1/s/b c2/a c3/s/b t/d/a c4/s/b)" = "$(printf 'b\na\nb\na\nb')" ]
}

@test "peak RSS: 16 KiB for -rL of a small tree (the ancestors' check is in the hot part)" {
	mkdir -p d/s l/s
	echo a > d/a; echo b > d/s/b; ln -s s d/twin
	rss_at_most 16 cp -rL d c1
	rss_at_most 16 cp -rLv d c2
	[ "$(cat c1/s/b c1/twin/b c2/a)" = "$(printf 'b\nb\na')" ]
	ln -s .. l/s/up
	run "$SUBK_BIN/cp" -rL l c3
	[ "$status" -eq 1 ]
	[[ "$output" == *"cp: cannot copy cyclic symbolic link 'l/s/up'" ]]
	[ "${#lines[@]}" -eq 1 ]
	[ -d c3/s ] && [ ! -e c3/s/up ]
}

@test "peak RSS of the cold options: the cold part's two pages and little else" {
	mkdir -p d/s p q
	echo a > d/a; echo b > d/s/b; echo x > p/a; echo y > q/a
	rss_at_most 32 cp --parents d/a p
	rss_at_most 32 cp --parents -r d q
	rss_at_most 32 cp -b d/a p/a
	rss_at_most 36 cp --backup=numbered d/a q/a
	rss_at_most 32 cp --sparse=always d/a p/sp
	rss_at_most 28 cp --remove-destination d/a p/a
	rss_at_most 24 cp -l d/a p/h
	[ -e p/d/a ] && [ -e q/d/s/b ] && [ -e p/a~ ] && [ -e q/a.~1~ ]
}

# wide_tree DIR - directories of 70 and 40 entries with long names (64
# bytes a record: several reads of the records' 1536-byte buffer) whose
# subdirectories come among the files (the level's records read again
# after each), three levels deep
wide_tree() {
	local i j n=aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa
	mkdir "$1"
	for i in $(seq 70); do
		if [ $((i % 17)) -eq 0 ]; then
			mkdir "$1/$n$i"
			for j in $(seq 40); do
				echo "$i $j" > "$1/$n$i/$n$j"
				[ $((j % 20)) -eq 0 ] && mkdir "$1/$n$i/sub$j" && echo "$j" > "$1/$n$i/sub$j/f"
			done
		else
			echo "$i" > "$1/$n$i"
		fi
	done
}

@test "a wide tree (records read again after each subdirectory): every entry copied once, as GNU" {
	wide_tree w
	"$(bin cp)" -rv w ours > ours.v
	/usr/bin/cp -rv w gnus > gnus.v
	diff <(sed 's/gnus/ours/g' gnus.v | sort) <(sort ours.v)
	[ "$(wc -l < ours.v)" -eq "$(find w | wc -l)" ]
	diff -r w ours
	run "$(bin mv)" -v w m
	[ "$status" -eq 0 ] && [ ! -e w ] && diff -r m ours
}

@test "-rb over a copy of a wide tree: each backup's directory scan uses the records' buffer, the level reads again, as GNU" {
	wide_tree w
	cp -r w ours; cp -r w gnus
	echo old > ours/x.~3~; echo old > gnus/x.~3~
	"$(bin cp)" -rbv w/. ours > ours.v
	/usr/bin/cp -rbv w/. gnus > gnus.v
	diff <(sed 's/gnus/ours/g' gnus.v | sort) <(sort ours.v)
	diff -r gnus ours
	[ "$(grep -c backup ours.v)" -gt 200 ]
}

@test "a tree 200 levels deep (a 400-byte path: past the walk's 256-byte buffers), as GNU" {
	p=t; for i in $(seq 200); do p="$p/a"; done
	mkdir -p "$p" && echo deep > "$p/f" && echo top > t/f
	"$(bin cp)" -r t ours
	/usr/bin/cp -r t gnus
	diff <(cd gnus && find . -printf '%p %y %m %s\n') <(cd ours && find . -printf '%p %y %m %s\n')
	[ "$(cat "ours/${p#t/}/f")" = deep ]
	"$(bin cp)" -rv t/a/a v > out
	[ "$(wc -l < out)" -eq 200 ]
}

@test "a path past PATH_MAX in a walk: File name too long, the rest copied" {
	n=$(printf 'n%.0s' $(seq 200))
	mkdir t && (cd t && for i in $(seq 42); do mkdir "$n" && cd "$n" || exit 1; done && echo x > f)
	echo y > t/g
	run "$(bin cp)" -r t c
	[ "$status" -eq 1 ]
	[[ "$output" == *": File name too long" ]]
	[ "$(cat c/g)" = y ] && [ -d "c/$n/$n/$n" ]
}

@test "SOURCEs given twice among 600 (src_info's hash table on the stack): each copied once, GNU's warnings" {
	mkdir s t g
	for i in $(seq 300); do echo "$i" > "s/f$i"; done
	ln s/f1 s/h1; mkdir s/d
	set -- s/f* s/h1 s/d s/f7 ./s/f9 s/f300 s/d/ s/f2 s/h1 s/f*
	"$(bin cp)" -rv "$@" t > ours.v 2> ours.e
	/usr/bin/cp -rv "$@" g > gnus.v 2> gnus.e
	diff <(sed 's/ -> .g\// -> \x27t\//' gnus.v | sort) <(sort ours.v)
	diff <(sed 's|/usr/bin/cp|cp|' gnus.e) <(sed "s|$(bin cp)|cp|" ours.e)
	diff -r g t
	[ "$(grep -c 'specified more than once' ours.e)" -eq 306 ]
}

@test "peak RSS: 16 KiB for two and three SOURCEs into a directory (src_info's table on the stack)" {
	echo a > a; echo b > b; echo c > c; mkdir d e
	rss_at_most 16 cp a b d
	rss_at_most 16 cp -v a b c e
	[ -e d/b ] && [ -e e/c ]
}

@test "-v lines past obuf's 4096 bytes and longer than it: GNU's bytes, GNU's writes" {
	n=$(printf 'n%.0s' $(seq 150))
	long=d; for i in $(seq 24); do long="$long/$n"; done
	c=$(printf '\001%.0s' $(seq 200))    # quoted as $'\001...': 800 bytes
	mkdir -p "$long" o g
	echo x > "$long/$c"
	for i in $(seq 40); do echo "$i" > "$n$i"; done
	strace -o s1 -e trace=write "$(bin cp)" -v "$n"[1-2]* "$long/$c" "$n"[3-9]* o > out
	strace -o s2 -e trace=write /usr/bin/cp -v "$n"[1-2]* "$long/$c" "$n"[3-9]* g > expected
	[ "$(wc -c < out)" -gt 12000 ]
	[ "$(awk '{print length}' out | sort -n | tail -1)" -gt 4096 ]
	sed "s|'o/|'g/|" out | cmp - expected
	[ "$(grep -o '^write(1, .*= [0-9]*' s1 | sed 's/.*= //')" = "$(grep -o '^write(1, .*= [0-9]*' s2 | sed 's/.*= //')" ]
}

@test "hard links in a tree: -a, -r --preserve=links, -dR, as GNU" {
	hard_tree s
	for o in -a "-r --preserve=links" -dR "-r --preserve=all" "-R -d -p"; do
		rm -rf ours gnus
		copy_like_gnu -v $o s
	done
	# the copies share inodes: two, three; the name with its other link
	# outside the tree is a plain copy
	[ "$(links ours)" = "$(printf '%s\n' './a 2 ./a' './b 2 ./a' './l 2 ./l' './o 1 ./o' './p 2 ./p' \
		'./sub/deep/t3 3 ./sub/deep/t3' './sub/l2 2 ./l' './sub/p2 2 ./p' './sub/plain 1 ./sub/plain' \
		'./sub/t2 3 ./sub/deep/t3' './t1 3 ./sub/deep/t3')" ]
	[ -p ours/sub/p2 ] && [ -L ours/sub/l2 ]
}

@test "hard links not kept: -r, -a --no-preserve=links, -l, -p" {
	hard_tree s
	for o in -r "-a --no-preserve=links" "-rl" "-rp" "-rL --preserve=links --no-preserve=links"; do
		rm -rf ours gnus
		copy_like_gnu $o s
	done
}

@test "cp -a SRC1 SRC2 DIR where both are links of one file: the second linked to the first copy" {
	echo x > f1; ln f1 f2; echo y > g; ln g g2
	mkdir ours gnus
	copy_like_gnu -av f1 g f2 g2
	[ "$(stat -c %i ours/f1)" = "$(stat -c %i ours/f2)" ]
	# an existing destination is replaced by the link (-v: "removed")
	rm -rf ours gnus; mkdir ours gnus; echo old > ours/f2; echo old > gnus/f2
	copy_like_gnu -av f1 f2
	grep -q "^removed 'ours/f2'" ours.v
	# a file given twice and a directory holding another name of it
	rm -rf ours gnus; mkdir ours gnus d; ln f1 d/f3
	copy_like_gnu -a f1 d f2
	[ "$(stat -c %h ours/d/f3)" -eq 3 ]
}

@test "a hard link that cannot be made: GNU's message, the rest copied" {
	command -v unshare > /dev/null || skip "unshare missing"
	[ "$(id -u)" -eq 0 ] || skip "not root"
	mkdir -p s/x s/y; echo hi > s/x/a; ln s/x/a s/y/b; echo z > s/y/z
	for p in "$(bin cp)" /usr/bin/cp; do
		rm -rf d; mkdir -p d/s/y
		run unshare -m sh -c 'mount -t tmpfs t d/s/y && "$@"; s=$?; ls d/s/y > y.list; umount d/s/y; exit $s' sh "$p" -av s d
		[ "$status" -eq 1 ]
		# (x or y first: the order of the directory's entries)
		[[ $output == *"$p: cannot create hard link 'd/s/y/b' to 'd/s/x/a': Invalid cross-device link"* ]] ||
			[[ $output == *"$p: cannot create hard link 'd/s/x/a' to 'd/s/y/b': Invalid cross-device link"* ]]
		[[ $output == *"'s/y/b' -> 'd/s/y/b'"* ]]
		[[ $output == *"'s/y/z' -> 'd/s/y/z'"* ]]
		grep -qx z y.list && { [ "$(cat d/s/x/a)" = hi ] || grep -qx b y.list; }
	done
}

@test "many hard links: the table grows (brk)" {
	# 320 files with 200-byte names, each with a second name in s/l: the
	# table's entries pass its first 64 KiB of heap
	mkdir -p s/l
	local i p; p=$(printf '%0190d' 0)
	for ((i = 0; i < 320; i++)); do printf '%d' "$i" > "s/$p$i"; done
	/usr/bin/cp -l s/0* s/l/
	"$(bin cp)" -a s ours
	/usr/bin/cp -a s gnus
	diff <(links gnus) <(links ours)
	[ "$(stat -c %h "ours/l/${p}319")" -eq 2 ] && [ "$(cat "ours/l/${p}319")" = 319 ]
}

@test "i386: a big tree is copied through the vDSO, a small one with int 0x80" {
	mkdir -p small/s big
	touch small/f small/s/g
	(cd big && touch $(seq 1 300))
	env -i "$BATS_TEST_DIRNAME/../build/harness/rss" -v "$(bin cp)" -r small small2 2> maps.small
	env -i "$BATS_TEST_DIRNAME/../build/harness/rss" -v "$(bin cp)" -r big big2 2> maps.big
	diff -r small small2
	diff -r big big2
	! grep -q '\[vdso\]' maps.small || false
	if [ "$(arch)" = i386 ] && [ "$(cat /proc/sys/abi/vsyscall32 2>/dev/null)" = 1 ]; then
		grep -q '^4 KiB .*\[vdso\]$' maps.big
	else
		! grep -q '\[vdso\]' maps.big || false
	fi
}

# asked_cp PROG MODE ANSWER ARGS... - in a fresh ./w (a: "a", b: "b" of
# MODE, both a non-root user's) PROG ARGS run as that user with ANSWER on
# stdin; prints stderr (PROG's path as "cp"), the status, b's mode and
# contents
asked_cp() {
	local p=$1 mode=$2 ans=$3 st=0
	shift 3
	rm -rf w && mkdir w && echo a > w/a && echo b > w/b
	chown -R 65534:65534 w && chmod "$mode" w/b
	(cd w && echo "$ans" | "${as[@]}" "$p" "$@" 2> ../err) || st=$?
	printf '%s|status %s|%s %s\n' "$(sed "s|$p|cp|g" err)" "$st" "$(stat -c %a w/b)" "$(cat w/b)"
}

@test "-i and an unwritable destination: GNU's questions (unwritable ...; try anyway, replace ... with -f), the answer acts" {
	as_nobody
	[ ${#as[@]} -gt 0 ] || skip "not root: cannot make the files another user's"
	local mode o ans ours gnus
	for mode in 444 7555 0 2070; do
		for o in -i -if -fi -in -ni "-i --remove-destination"; do
			for ans in n y; do
				ours=$(asked_cp "$(bin cp)" $mode $ans $o a b)
				gnus=$(asked_cp /usr/bin/cp $mode $ans $o a b)
				[ "$ours" = "$gnus" ] || { printf '%s %s %s\nours: %s\nGNU:  %s\n' $mode $o $ans "$ours" "$gnus"; return 1; }
			done
		done
	done
	ours=$(asked_cp "$(bin cp)" 444 n -i a b)
	[ "$ours" = "cp: unwritable 'b' (mode 0444, r--r--r--); try anyway? |status 0|444 b" ]
	ours=$(asked_cp "$(bin cp)" 444 y -fi a b)
	[ "$ours" = "cp: replace 'b', overriding mode 0444 (r--r--r--)? |status 0|644 a" ]
	ours=$(asked_cp "$(bin cp)" 644 n -i a b)       # writable: the plain question
	[ "$ours" = "cp: overwrite 'b'? |status 0|644 b" ]
}

# sparse_files - files with holes, zero blocks in their data, zero tails,
# data in a short last block: s1 .. s6
sparse_files() {
	{ head -c 5000 /dev/zero | tr '\0' a; head -c 20000 /dev/zero; printf b; } > s1
	truncate -s 1M s1; { printf c; head -c 9000 /dev/zero; } >> s1
	head -c 100000 /dev/zero > s2
	{ printf xyz; head -c 8192 /dev/zero; } > s3
	truncate -s 300000 s4
	{ head -c 12288 /dev/zero; printf q; head -c 304095 /dev/zero; printf z; } > s5
	truncate -s 200000 s6; { head -c 50000 /dev/zero; printf e; head -c 10 /dev/zero; } >> s6
}

@test "--sparse=auto, never, always: the same bytes and st_blocks as GNU's copies" {
	sparse_files
	local f m
	for f in s1 s2 s3 s4 s5 s6; do
		for m in auto never always; do
			"$(bin cp)" --sparse=$m $f ours
			/usr/bin/cp --sparse=$m $f gnus
			cmp $f ours
			[ "$(stat -c '%s %b' ours)" = "$(stat -c '%s %b' gnus)" ] ||
				{ echo "$f $m: ours $(stat -c '%s %b' ours), GNU $(stat -c '%s %b' gnus)"; return 1; }
			rm ours gnus
		done
	done
	# (always of s2: all zeros, no block at all; never of s4: all blocks)
	"$(bin cp)" --sparse=always s2 a && [ "$(stat -c %b a)" -eq 0 ]
	"$(bin cp)" --sparse=never s4 n && [ "$(stat -c %b n)" -ge 586 ]
}

@test "--sparse=always over 4 GiB: data past 4 GiB, the holes kept (i386's 64-bit offsets)" {
	truncate -s 5G s
	printf abc | dd of=s bs=1 seek=4294967296 conv=notrunc status=none
	{ printf end; head -c 8192 /dev/zero; } >> s
	"$(bin cp)" --sparse=always s c
	[ "$(dd if=c bs=1 skip=4294967296 count=3 status=none)" = abc ]
	[ "$(tail -c 8195 c | head -c 3)" = end ]
	[ "$(stat -c %s c)" -eq "$(stat -c %s s)" ] && [ "$(du -k c | cut -f1)" -le 12 ]
}

@test "--reflink=always on tmpfs (no reflinks): GNU's message, an empty DEST; auto and never copy" {
	command -v unshare > /dev/null || skip "unshare missing"
	[ "$(id -u)" -eq 0 ] || skip "not root"
	echo data > a
	mkdir m
	for p in "$(bin cp)" /usr/bin/cp; do
		run unshare -m sh -c 'mount -t tmpfs t m && cp a m/a && "$@"; s=$?; ls -l m/b | cut -d" " -f5; "$1" --reflink m/a m/c && cat m/c; "$1" --reflink=never m/a m/d && cat m/d; umount m; exit $s' sh "$p" --reflink=always m/a m/b
		[ "$status" -eq 1 ] && [ "${lines[0]}" = "$p: failed to clone 'm/b' from 'm/a': Operation not supported" ] &&
			[ "${lines[1]}" = 0 ] && [ "${lines[2]}" = "$p: failed to clone 'm/c' from 'm/a': Operation not supported" ] &&
			[ "${lines[3]}" = data ] || { printf '%s\n' "$output"; return 1; }
	done
}

@test "a sparse source, --sparse=always and never into a pipe and /dev/null: holes as zeros, as GNU" {
	sparse_files
	local f m
	ln -s /dev/stdout out           # (links in the temp dir: see above)
	ln -s /dev/null null
	for f in s1 s2 s4 s6; do
		for m in auto never always; do
			"$(bin cp)" --sparse=$m $f out | cmp - $f
			"$(bin cp)" --sparse=$m $f null
		done
	done
}

@test "--parents and dest_info: GNU's same_name stats the name's directory from '.', and dies when it is not there" {
	mkdir -p w/x t g; echo X > w/x/f; mkdir elsewhere
	src=$PWD/w/x/f
	(cd elsewhere && "$(bin cp)" --parents -b "$src" "$src" ../t) > ours.out 2>&1 && s1=0 || s1=$?
	(cd elsewhere && /usr/bin/cp --parents -b "$src" "$src" ../g) > gnus.out 2>&1 && s2=0 || s2=$?
	[ "$s1" -eq 1 ]
	[ "$s2" -eq 1 ]
	diff <(sed 's|/usr/bin/cp|cp|' gnus.out) <(sed "s|$(bin cp)|cp|" ours.out)
	grep -q ": ${PWD#/}/w/x: No such file or directory$" ours.out
	diff -r g t
	# from / the directory is there: refused as GNU
	(cd / && "$(bin cp)" --parents -b "$src" "$src" "$OLDPWD/t") 2> ours.e && s1=0 || s1=$?
	(cd / && /usr/bin/cp --parents -b "$src" "$src" "$OLDPWD/g") 2> gnus.e && s2=0 || s2=$?
	[ "$s1" -eq 1 ]
	[ "$s2" -eq 1 ]
	diff <(sed 's|/usr/bin/cp|cp|; s|/g/|/t/|' gnus.e) <(sed "s|$(bin cp)|cp|" ours.e)
	diff -r g t
}

@test "dest_info: 400 SOURCEs of one name, the first copied, 399 refused as GNU" {
	mkdir t g
	mkdir $(seq -f 's%g' 400)
	for i in $(seq 400); do echo "$i" > "s$i/f"; done
	"$(bin cp)" s*/f t 2> ours.e && s1=0 || s1=$?
	/usr/bin/cp s*/f g 2> gnus.e && s2=0 || s2=$?
	[ "$s1" -eq 1 ]
	[ "$s2" -eq 1 ]
	diff <(sed 's|/usr/bin/cp|cp|; s|'"'"'g/|'"'"'t/|' gnus.e) <(sed "s|$(bin cp)|cp|" ours.e)
	[ "$(wc -l < ours.e)" -eq 399 ]
	diff -r g t
}

@test "peak RSS: 16 KiB for two SOURCEs of one name into a directory (the refusal's cold page aside)" {
	mkdir a b d; echo a > a/f; echo b > b/g
	rss_at_most 16 cp a/f b/g d
	[ -e d/f ] && [ -e d/g ]
}

# same_as_gnu PROG ARGS... - in fresh ./o and ./g, each with a/f and its
# hard link b/f (and t/f, a third name of it, and an empty t2): PROG
# ARGS run by ours and by GNU's; stderr, status and the tree (names,
# types, link counts, contents) must be the same
same_as_gnu() {
	local p=$1 w; shift
	for w in o g; do
		rm -rf $w; mkdir -p $w/a $w/b $w/t $w/t2; echo A > $w/a/f; ln $w/a/f $w/b/f; ln $w/a/f $w/t/f
		if [ $w = o ]; then b=$(bin $p); else b=/usr/bin/$p; fi
		(cd $w && "$b" "$@" 2>&1; echo "status $?") | sed "s|$b|$p|" > $w.out
		(cd $w && find . -printf '%p %y %n %s\n' | sort) >> $w.out
	done
	diff g.out o.out
}

@test "GNU's same_file_ok for hard links: -l does nothing, -n skips, backups back up another name, dest_info after it" {
	same_as_gnu cp -l a/f t
	same_as_gnu cp -lv a/f t
	same_as_gnu cp a/f t
	same_as_gnu cp -n a/f t
	same_as_gnu cp -b a/f t
	same_as_gnu cp --backup=numbered -v a/f t
	same_as_gnu cp -b a/f b/f t2
	same_as_gnu cp -a a/f b/f t2
	same_as_gnu cp -l a/f b/f t2
	same_as_gnu mv a/f t
	same_as_gnu mv -n a/f t
	same_as_gnu mv -b a/f t
	same_as_gnu mv a/f b/f t2
	same_as_gnu mv -b a/f b/f t2
	same_as_gnu mv -n a/f b/f t2
	same_as_gnu mv --backup=numbered a/f b/f t2
}

# order_tree DIR - a tree whose entries the kernel lists in another order
# than their inode numbers: files made in a shuffled order, hard links in
# one directory and across directories, a directory of 3000 entries (its
# records past the first 1536-byte buffer: a mapping, grown by mremap),
# nested directories, symlinks
order_tree() {
	mkdir -p "$1/sub/deep" "$1/big"
	for n in 31 4 17 25 9 1 38 12 7 22 2 35 14 29 5 19 40 11 27 3; do echo $n > "$1/f$n"; done
	ln "$1/f7" "$1/zz7"; ln "$1/f7" "$1/aa7"; ln "$1/f9" "$1/sub/h9"; ln "$1/f9" "$1/sub/deep/a9"
	(cd "$1/big" && touch entry_with_a_rather_long_name_{1..3000})
	ln -s f1 "$1/l1"; ln -s ../f2 "$1/sub/l2"
	for n in 5 3 8 1; do echo $n > "$1/sub/deep/d$n"; done
}

@test "entries in GNU's order (copy_dir's savedir: by inode number): -v's lines, hard links, a big directory" {
	order_tree s
	local o
	for o in -av -rv -rlv -rLv "-av --no-preserve=links"; do
		rm -rf gnus ours
		/usr/bin/cp $o s gnus > g.v 2>&1 || return 1
		"$(bin cp)" $o s ours > o.v 2>&1 || return 1
		diff <(sed 's/gnus/ours/g' g.v) o.v || { echo "cp $o"; return 1; }
		diff <(links gnus) <(links ours) || { echo "cp $o"; return 1; }
	done
	# -n into the copy with some names gone: the same skips, in order
	rm -f gnus/f4 ours/f4 gnus/sub/deep/d3 ours/sub/deep/d3
	/usr/bin/cp -rnv s gnus > g.v 2>&1
	"$(bin cp)" -rnv s ours > o.v 2>&1
	diff <(sed 's/gnus/ours/g' g.v) o.v
	# (the old order, the kernel's, differs here: the test means something)
	[ "$(sed -n 2p o.v)" != "$(cd s && ls -f | grep -v '^\.' | head -1 | sed "s|.*|'s/&' -> 'ours/&'|")" ] ||
		[ "$(sed -n 3p o.v)" != "$(cd s && ls -f | grep -v '^\.' | sed -n 2p | sed "s|.*|'s/&' -> 'ours/&'|")" ]
}

@test "mv across file systems: the copy in GNU's order, the source removed once all of it was copied (rm's order), kept whole when a part failed" {
	command -v unshare > /dev/null || skip "unshare missing"
	[ "$(id -u)" -eq 0 ] || skip "not root"
	order_tree s
	rm -rf s/big s/zz7 s/aa7 s/sub/h9 s/sub/deep/a9    # (mv says no line for a link)
	/usr/bin/cp -rv s x | sed "s/^'\([^']*\)'.*/\1/" > want.copy
	find s -depth | sed '$d' > want.rm
	mkdir -p m
	run unshare -m sh -c 'mount -t tmpfs -o size=4m t m && "$@"; s=$?; umount m; exit $s' sh "$(bin mv)" -v s m/
	[ "$status" -eq 0 ]
	[ ! -e s ]
	printf '%s\n' "$output" | sed -n "s/^copied '\([^']*\)'.*/\1/p; s/^created directory 'm\/\([^']*\)'/\1/p" > got.copy
	printf '%s\n' "$output" | sed -n "s/^removed '\([^']*\)'/\1/p; s/^removed directory '\([^']*\)'/\1/p" > got.rm
	diff want.copy got.copy
	diff <(cat want.rm; echo s) got.rm
	# a file that does not fit: nothing of the source removed (GNU's rm
	# runs only after the whole copy), the part copied stays in m
	mkdir t && echo small > t/a && head -c 2000000 /dev/urandom > t/b && echo small > t/c
	run unshare -m sh -c 'mount -t tmpfs -o size=1m t m && "$@"; s=$?; umount m; exit $s' sh "$(bin mv)" t m/
	[ "$status" -eq 1 ] && [ -f t/a ] && [ -f t/b ] && [ -f t/c ]
}

@test "a DEST with several links and --preserve=links (-a): removed first, -v says so, the other name keeps the old data (GNU)" {
	local p w
	for p in /usr/bin/cp "$(bin cp)"; do
		w=w${#p}; rm -rf $w; mkdir $w && echo a > $w/a && echo h > $w/h && ln $w/h $w/h2
		(cd $w && "$p" -av a h > ../out.$w) || return 1
		[ "$(cat out.$w)" = "removed 'h'
'a' -> 'h'" ] && [ "$(cat $w/h2)" = h ] && [ "$(cat $w/h)" = a ] && [ "$(stat -c %h $w/h2)" -eq 1 ]
	done
}

@test "a sysfs file (its size said 4096, its bytes fewer): only its bytes copied, as GNU's (was padded with zeros to 4096)" {
	local s=/sys/devices/system/cpu/online
	[ -r "$s" ] || skip "no $s"
	[ "$(stat -c %s "$s")" -gt "$(wc -c < "$s")" ] || skip "$s says its real size"
	"$(bin cp)" "$s" ours
	/usr/bin/cp "$s" gnu
	cmp ours gnu
	[ "$(stat -c %s ours)" = "$(wc -c < "$s")" ]
}

# update_target DIR NAME - the target tree of GNU's tests/cp/preserve-link.sh
# for s (s/f, s/linkm, s/linke, s/fileo, s/fileu: one file): DIR/s/NAME
# (f or linkm) and linke one new file, fileo an older separate file,
# fileu a newer one
update_target() {
	mkdir -p "$1/s"
	touch "$1/s/$2"; ln "$1/s/$2" "$1/s/linke"
	touch -d '-1 hour' "$1/s/fileo"; touch -d '+1 hour' "$1/s/fileu"
}

@test "-u keeps hard links: a DEST not older than SOURCE linked to an earlier name of its file (GNU's tests/cp/preserve-link.sh)" {
	mkdir s; touch s/f
	for n in linkm linke fileo fileu; do ln s/f "s/$n"; done
	local o f
	for o in -au -auv "-ruv --preserve=links" -dRuv -ruv -ru; do
		for f in f linkm; do
			rm -rf ours gnus
			update_target ours "$f"; update_target gnus "$f"
			copy_like_gnu $o s
			case $o in
			-ru*) ;;
			# the five names one file: GNU's remember_copied in
			# -u's skip, create_hard_link over the newer fileu
			*) [ "$(links ours | cut -d' ' -f2- | sort -u)" = "5 ./s/f" ] ;;
			esac
		done
	done
	# -v: the links made over the skipped names say "removed", GNU's order
	rm -rf ours gnus; update_target ours f; update_target gnus f
	"$(bin cp)" -auv s ours > ours.v
	/usr/bin/cp -auv s gnus > gnus.v
	diff <(sed 's/gnus/ours/g' gnus.v) ours.v
	grep -qx "removed 'ours/s/fileu'" ours.v
	# a skip's cost: the table's page and the heap's
	echo x > u1; echo y > u2; touch -d '+1 hour' u2
	rss_at_most 24 cp -u u1 u2
	[ "$(cat u2)" = y ]
}

@test "-u without --preserve=links: two names of one file, both DESTs newer, made one file (GNU's remember_copied in -u's skip)" {
	echo x > a; ln a b; ln -s a l
	local o
	for o in -uv -uvL "-uv -R" -uvH -uvP -uvi; do
		rm -rf ours gnus; mkdir ours gnus
		for d in ours gnus; do
			echo y > $d/a; echo z > $d/b; echo w > $d/l
			touch -d '+1 hour' $d/a $d/b $d/l
		done
		copy_like_gnu $o a b l
	done
	[ "$(stat -c %i ours/a)" = "$(stat -c %i ours/b)" ]
	# a DEST that is a symlink to a newer file: linked to as GNU (followed
	# with -L, the default without -r)
	for o in -uv -uvL -uvP; do
		rm -rf ours gnus; mkdir ours gnus
		for d in ours gnus; do
			echo y > $d/t; ln -s t $d/a; echo z > $d/b
			touch -d '+1 hour' $d/t $d/b
		done
		copy_like_gnu $o a b
	done
	# a newer directory where the link goes: GNU's "cannot create hard link"
	rm -rf ours gnus; mkdir -p ours/b gnus/b
	echo y > ours/a; echo y > gnus/a; touch -d '+1 hour' ours/a gnus/a ours/b gnus/b
	copy_like_gnu -uv a b
	grep -q "cannot create hard link 'ours/b' to 'ours/a': Is a directory" ours.e
}

@test "a hard link that cannot be made after DEST was backed up: the backup renamed back (GNU's un_backup)" {
	command -v unshare > /dev/null || skip "unshare missing"
	[ "$(id -u)" -eq 0 ] || skip "not root"
	mkdir -p s/x s/y; echo hi > s/x/a; ln s/x/a s/y/b
	local p
	for p in "$(bin cp)" /usr/bin/cp; do
		rm -rf d; mkdir -p d/s/x d/s/y
		# (operands: in their order, x/a first; the tree's order is the inodes')
		run unshare -m sh -c 'mount -t tmpfs t d/s/y && echo old > d/s/y/b && "$@"; s=$?; ls d/s/y > y.list; cat d/s/y/b >> y.list; umount d/s/y; exit $s' sh "$p" -abv --parents s/x/a s/y/b d
		[ "$status" -eq 1 ]
		[[ $output == *"$p: cannot create hard link 'd/s/y/b' to 'd/s/x/a': Invalid cross-device link"* ]]
		[[ $output == *"'d/s/y/b~' -> 'd/s/y/b' (unbackup)"* ]]
		[ "$(cat y.list)" = "$(printf 'b\nold')" ]
	done
}

@test "-v's lines written before each message, as glibc's error() flushes stdout: one pipe for both in GNU's order; a failed flush's bare 'write error'" {
	as_nobody
	[ ${#as[@]} -gt 0 ] || skip "not root: cannot make an unreadable directory"
	chmod 755 "$T"
	mkdir -p s/a s/b w && echo 1 > s/a/f && echo 2 > s/b/g && chmod 000 s/b
	chmod 777 w
	local p out red ours gnus
	for red in "2>&1 | cat" "2>&1 > /dev/full" "2>&1 >&-"; do
		for p in "$(bin cp)" /usr/bin/cp; do
			rm -rf w/d
			out=$(eval '"${as[@]}" "$p" -rv s w/d '"$red"'; echo "status $?"' | sed "s|$p|cp|")
			[ "$p" = /usr/bin/cp ] && gnus=$out || ours=$out
		done
		[ "$ours" = "$gnus" ] || { printf '%s\nours: %s\nGNU:  %s\n' "$red" "$ours" "$gnus"; return 1; }
	done
	# the message right after the line of the directory it could not
	# read (which of s/a and s/b comes first is their inodes' order);
	# stdout closed: close(1)'s reason
	rm -rf w/d
	run sh -c '"$@" 2>&1 | cat' sh "${as[@]}" "$(bin cp)" -rv s w/d
	printf '%s\n' "$output" | grep -x -A1 "'s/b' -> 'w/d/b'" | tail -n 1 |
		grep -qx "$(bin cp): cannot access 's/b': Permission denied"
	rm -rf w/d
	run sh -c '"$@" 2>&1 >&-' sh "${as[@]}" "$(bin cp)" -rv s w/d
	[ "${lines[1]}" = "$(bin cp): write error: Bad file descriptor" ]
	chmod 755 s/b
}
