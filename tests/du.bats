#!/usr/bin/env bats
# du: what difftest cannot set up: a directory unreadable to a non-root
# user, a tree deeper than PATH_MAX, a sparse file over 4 GiB, -x across
# mounts, many entries and hard links, /dev/full, a closed pipe, the
# peak RSS of a trivial run, and i386's two ways into the kernel (the vDSO's
# __kernel_vsyscall from the 8th entry on, int 0x80 before, and int 0x80
# throughout when the kernel gives no AT_SYSINFO).
load helpers

# resident_maps UTIL ARGS... - the mappings UTIL ARGS left resident (rss -v)
resident_maps() {
	env -i "$BATS_TEST_DIRNAME/../build/harness/rss" -v "$(prog "$1")" "${@:2}" 2>&1 >/dev/null </dev/null
}

@test "an unreadable directory as a non-root user: reported, counted, the walk goes on" {
	as_nobody
	mkdir -p d/locked/inner d/open
	echo x > d/open/f
	chmod 000 d/locked
	chmod 755 "$T"
	"${as[@]}" "$(bin du)" -a d > out 2> err && s1=0 || s1=$?
	"${as[@]}" /usr/bin/du -a d > expected 2> experr && s2=0 || s2=$?
	[ "$s1" -eq 1 ]
	[ "$s2" -eq 1 ]
	cmp expected out
	[ "$(cat err)" = "$(bin du): cannot read directory 'd/locked': Permission denied" ]
	[ "$(cat experr)" = "/usr/bin/du: cannot read directory 'd/locked': Permission denied" ]
}

@test "a long quoted path in an error (the message past obuf, pbuf kept): as GNU's" {
	as_nobody
	python3 -c '
import os
n = b"n\x01" * 125
fd = os.open(b".", os.O_RDONLY)
for i in range(40):
    os.mkdir(n, dir_fd=fd)
    nfd = os.open(n, os.O_RDONLY, dir_fd=fd)
    os.close(fd)
    fd = nfd
os.mkdir(b"sub", dir_fd=fd)
os.mkdir(b"ok", dir_fd=fd)
os.chmod(b"sub", 0, dir_fd=fd)'
	chmod 755 "$T"
	"${as[@]}" "$(bin du)" n* > out 2> err && s1=0 || s1=$?
	"${as[@]}" /usr/bin/du n* > expected 2> experr && s2=0 || s2=$?
	[ "$s1" -eq 1 ]
	[ "$s2" -eq 1 ]
	cmp expected out
	[ "$(wc -c < err)" -gt 40000 ]
	cmp <(sed "s#^$(bin du):#du:#" err) <(sed "s#^/usr/bin/du:#du:#" experr)
}

@test "a tree deeper than PATH_MAX, as GNU's" {
	local long=$(printf 'a%.0s' {1..200}) i
	mkdir t
	(cd t && for i in {1..30}; do mkdir "$long" && cd "$long"; done; echo deep > f)
	output_like_gnu du -a t
	output_like_gnu du -s -b t
	[ "$(wc -l < out)" -eq 1 ]
}

@test "a sparse file over 4 GiB: -b, -h --apparent-size, blocks" {
	mkdir d
	truncate -s 5G d/big
	printf x >> d/big
	output_like_gnu du -ab d
	output_like_gnu du -ah --apparent-size d
	output_like_gnu du -a d
	grep -q '^5368709121	d/big$' <("$(bin du)" -ab d)
}

@test "-x skips the mounts under /dev, as GNU's" {
	[ -d /dev/shm ] || skip "no /dev/shm"
	output_like_gnu du -x /dev
	output_like_gnu du -xs /dev	# (not du -s /dev: other tests write /dev/shm meanwhile)
}

@test "2000 files and 500 hard links, as GNU's" {
	python3 -c '
import os
for d in range(20):
    os.makedirs("t/d%d" % d)
    for f in range(100):
        with open("t/d%d/f%d" % (d, f), "w") as o: o.write("x" * (f * 50))
for i in range(500):
    os.link("t/d0/f%d" % (i % 100), "t/d19/l%d" % i)
'
	output_like_gnu du -a t
	output_like_gnu du -sb t
	output_like_gnu du -ch t t/d0
}

@test "sums past 2^64 - 1 stop there and print as Infinity (two files of 2^63 - 1 bytes on tmpfs), as GNU's" {
	shm_dir inf
	mkdir -p "$shm/d" "$shm/e/s"
	truncate -s 9223372036854775807 "$shm/d/a" "$shm/d/b" "$shm/e/s/a" "$shm/e/b"
	cd "$shm"
	output_like_gnu du -b d
	grep -q '^Infinity	d$' out
	output_like_gnu du -b -a -c d e
	[ "$(grep -c '^Infinity	' out)" -eq 3 ]
	output_like_gnu du -S --apparent-size e
	output_like_gnu du -h -b e
	output_like_gnu du --si --apparent-size -c e
	output_like_gnu du -b -t -1 e
	output_like_gnu du -b --time --time-style=+%Y e
}

@test "a closed stdout: \"write error: Bad file descriptor\" (close(1)'s reason, as GNU's close_stdout)" {
	mkdir d
	run sh -c '"$1" d >&-' sh "$(bin du)"
	[ "$status" -eq 1 ] && [ "$output" = "$(bin du): write error: Bad file descriptor" ]
}

@test "-d past INT_MAX up to SIZE_MAX (2^64 - 1 on x86_64, 2^32 - 1 on i386, as GNU's size_t)" {
	mkdir -p d/e
	output_like_gnu du -d 4294967295 d
	if [ "$(arch)" = x86_64 ]; then
		output_like_gnu du -d 18446744073709551615 d
		output_like_gnu du -d 0xffffffffffffffff d
		run "$(bin du)" -s -d 18446744073709551615 d
		[ "$status" -eq 1 ]
		[ "${lines[0]}" = "$(bin du): warning: summarizing conflicts with --max-depth=18446744073709551615" ]
		run "$(bin du)" -d 18446744073709551616 d
	else
		run "$(bin du)" -d 4294967296 d
	fi
	[ "$status" -eq 1 ]
	[[ "${lines[0]}" == *"invalid maximum depth '"* ]]
}

@test "write error on /dev/full" {
	mkdir d
	run sh -c '"$1" d > /dev/full' sh "$(bin du)"
	[ "$status" -eq 1 ] && [ "$output" = "$(bin du): write error" ]
}

@test "a closed pipe: killed by SIGPIPE" {
	mkdir d
	closed_pipe_kills du d
}

# cold_kb - the peak RSS (KiB) of a run that enters the cold part: the
# hot part's 16 and the cold part's pages (the kernel's fault-around maps
# every cached page of its segment): 4 on x86_64 since 2026-11-23, its
# cold part 142 bytes past three pages, and on i386 since 2026-11-24, its
# three pages full to the byte before the deep walk's descriptor code
# (cold_drop, cold_reopen, and 26 bytes more of the hot part): 32
cold_kb() { echo 32; }

@test "peak RSS of a trivial run: 16 KiB" {
	rss_at_most 16 du /dev/null
	rss_at_most 16 du -s -b /dev/null
	touch f
	rss_at_most 16 du f
	rss_at_most 16 du --summ --apparent f   # (long_opt's words on the page)
	rss_error_at_most 16 du nope           # (the message in obuf)
	mkdir -p d/e d2 && echo x > d/f && echo y > d/e/g
	rss_at_most 16 du d                    # (the arena's top, pbuf's records;
	rss_at_most 16 du -s d                 # i386: no vDSO for a few entries)
	rss_at_most 16 du -a d
	rss_at_most 16 du -sh d
	rss_at_most 16 du d2
	rss_at_most 16 du d d2 f               # (the set's first 16 slots on the page)
	rss_at_most 16 du -c d d2
	rss_at_most 16 du -L d
}

@test "the (device, inode) set as it grows (16 slots, then doubled at 3/4): GNU's lines" {
	local n
	for n in 11 12 13 24 25 48 49; do
		rm -rf d && mkdir d && (cd d && touch $(seq -f f%g $n) && mkdir s && ln f1 s/l)
		output_like_gnu du -a d d
		output_like_gnu du -ab d/s d
		output_like_gnu du -aL d
	done
	mkdir -p t/a t/b && touch t/a/{1..400} && ln -s ../a t/b/l
	output_like_gnu du -a t t/a t
	output_like_gnu du -sL t/b t
	output_like_gnu du -c t/a t/a t
}

@test "i386: the vDSO's entry runs from a walk's 8th entry on (its page resident), x86_64 never" {
	mkdir -p d/e b
	echo x > d/e/f
	touch b/{1..10}
	resident_maps du -s /dev/null > trivial
	resident_maps du -s d > small
	resident_maps du -s b > walk
	! grep -q '\[vdso\]' trivial || false
	! grep -q '\[vdso\]' small || false
	if [ "$(arch)" = i386 ] && [ "$(cat /proc/sys/abi/vsyscall32 2>/dev/null)" = 1 ]; then
		grep -q '^4 KiB .*\[vdso\]$' walk
	else
		! grep -q '\[vdso\]' walk || false
	fi
	output_like_gnu du -a d
	output_like_gnu du -a b
}

@test "i386 without AT_SYSINFO (abi.vsyscall32=0): int 0x80 throughout, the same output" {
	[ "$(arch)" = i386 ] || skip "i386 only"
	[ -w /proc/sys/abi/vsyscall32 ] && [ "$(cat /proc/sys/abi/vsyscall32)" = 1 ] ||
		skip "cannot turn the 32-bit vDSO off here"
	mkdir -p d/e d/g
	echo x > d/e/f
	seq 1000 > d/g/h
	ln d/g/h d/e/l
	touch d/g/{1..40}
	"$(bin du)" -a d > with
	local s=0
	echo 0 > /proc/sys/abi/vsyscall32
	"$(bin du)" -a d > without || s=$?
	resident_maps du -a d > maps || true
	echo 1 > /proc/sys/abi/vsyscall32
	[ "$s" -eq 0 ]
	cmp with without
	! grep -q '\[vdso\]' maps || false
	grep -q ' 0$' maps
	output_like_gnu du -a d
	cmp out without
}

@test "-l with hard links across directories and operands, and -x with them, as GNU's" {
	mkdir -p a b c/d
	seq 10000 > a/f
	ln a/f b/g
	ln a/f c/d/h
	seq 100 > b/own
	output_like_gnu du -l a b c
	output_like_gnu du -la a b c
	output_like_gnu du -lx -a a b
	output_like_gnu du -lc a a
	output_like_gnu du -a a b c              # (without -l: once)
	output_like_gnu du -lS c
	output_like_gnu du -x -a --count-links -c a c
	[ "$(grep -c 'f$\|g$\|h$' < <("$(bin du)" -la a b c))" -eq 3 ]
}

@test "-l -L: a directory linked from below it is skipped (no loop), others counted again" {
	mkdir -p t/a/b
	seq 1000 > t/a/b/f
	ln -s .. t/a/b/up
	ln -s ../.. t/a/b/top
	ln -s b t/a/again
	output_like_gnu du -lLa t
	output_like_gnu du -lL t t/a
}

@test "-0: NUL-terminated lines, no newline, as GNU's" {
	mkdir -p d/e
	echo x > d/f
	"$(bin du)" -0 -a -c d > out
	/usr/bin/du -0 -a -c d > expected
	cmp expected out
	[ "$(tr -cd '\0' < out | wc -c)" -eq 4 ]
	[ "$(tr -cd '\n' < out | wc -c)" -eq 0 ]
	"$(bin du)" --null -s "new
line" d 2>/dev/null > out || true
	/usr/bin/du --null -s "new
line" d 2>/dev/null > expected || true
	cmp expected out
}

@test "-S, --inodes and -t on a bigger tree, as GNU's" {
	python3 -c '
import os
for d in range(3):
    os.makedirs("t/d%d/s" % d)
    for f in range(12):
        with open("t/d%d/f%d" % (d, f), "w") as o: o.write("x" * (f * 300))
        with open("t/d%d/s/g%d" % (d, f), "w") as o: o.write("y" * (f * 30))
'
	output_like_gnu du -S t
	output_like_gnu du -Sa --apparent-size t
	output_like_gnu du --inodes -a t
	output_like_gnu du --inodes -S t
	output_like_gnu du -t 20K -a t
	output_like_gnu du -t -5K -a -b t
	output_like_gnu du --si -a t
	output_like_gnu du -B 3 -c t
}

@test "--exclude and -X on a tree: as GNU's" {
	mkdir -p t/a/b t/c/b t/.h
	touch t/a/x.o t/a/b/y.c t/c/z.o t/c/b/w t/.h/v
	printf 'b\n*.o \n' > pats
	output_like_gnu du -a --exclude='*.o' t
	output_like_gnu du -a --exclude=b t
	output_like_gnu du -a --exclude='t/c' t
	output_like_gnu du -a --exclude='.*' t
	output_like_gnu du -a -X pats t
	output_like_gnu du -a --exclude='[ac]' ./t t/
	output_like_gnu du -a --exclude='*/b/*' t
}

@test "a sparse file over 4 GiB with -B, --si and -t, as GNU's" {
	mkdir d
	truncate -s 5G d/big
	printf x >> d/big
	output_like_gnu du -a --si --apparent-size d
	output_like_gnu du -a -B G --apparent-size d
	output_like_gnu du -a -B 1 --apparent-size d
	output_like_gnu du -a -t 5G --apparent-size d
	output_like_gnu du -a -t -5G --apparent-size d
	output_like_gnu du -a -B 5368709121 --apparent-size d
}

@test "peak RSS of the new options: 16 KiB for -S -l -0 -D -P --inodes, 32 for the cold part's" {
	mkdir -p d/e d2 && echo x > d/f && echo y > d/e/g
	rss_at_most 16 du -S d
	rss_at_most 16 du -l d
	rss_at_most 16 du -0 d
	rss_at_most 16 du -D d
	rss_at_most 16 du -P d
	rss_at_most 16 du --inodes d
	local c=$(cold_kb)
	rss_at_most $c du --si d                # (the cold part's 4 pages)
	rss_at_most $c du -B 1K d
	rss_at_most $c du -t 1 d
	rss_at_most $((c + 4)) du --exclude=x d # (and the patterns' page)
}

@test "--time in a TZ: mtime, atime and ctime (now) in several zones, as GNU's" {
	mkdir -p d/e
	echo x > d/f
	echo y > d/e/g
	touch -d '2009-02-13 23:31:30.5' d/f
	touch -a -d '1999-12-31 23:59:59' d/e/g
	local tz
	for tz in Europe/Paris America/St_Johns Australia/Lord_Howe XYZ-3:30; do
		TZ=$tz output_like_gnu du --time -a d
		TZ=$tz output_like_gnu du --time=atime --time-style=full-iso -a d
		TZ=$tz output_like_gnu du --time=ctime --time-style=+%F%z -a d
	done
	(unset TZ; output_like_gnu du --time --time-style=full-iso -a d)
}

@test "--time: +FORMAT's directives this du does not write fail clearly (message, exit 1, no output)" {
	mkdir d
	local f
	for f in %-d %_H %10N %Ey %^a %#b %^Z %-:z; do
		run "$(bin du)" --time "--time-style=+x$f" d
		[ "$status" -eq 1 ]
		[ "$output" = "$(bin du): the time format 'x$f' has a directive this du does not support (flags, widths, E, O)" ]
	done
	TIME_STYLE=+%Oy run "$(bin du)" --time d
	[ "$status" -eq 1 ]
}

@test "--time-style=+FORMAT's %:z %::z %:::z, and a ':' that makes no directive as its text, like GNU" {
	mkdir d
	touch -d @0 d/a
	touch -d @1700000000 d/b
	local z s
	for z in Europe/Paris Asia/Kolkata America/St_Johns XXX-5:30:15 YYY+0:00:59 Factory UTC; do
		for s in '+%z|%:z|%::z|%:::z' '+%::::z|%:x|%::|%:' '+%:%z%:::' '+a%:zb'; do
			TZ=$z output_like_gnu du --time -a "--time-style=$s" d
		done
	done
}

@test "--time-style=+%Z: the zone's abbreviation as glibc's tm_zone, like GNU" {
	mkdir d
	local t z
	for t in -3000000000 -1 0 1600000000 1700000000 4102444800 253402300799; do
		touch -d "@$t" "d/f$t"
	done
	for z in Europe/Paris Asia/Kolkata America/Sao_Paulo Factory right/Europe/Paris \
		UTC EST5EDT AAA3BBB '<+0330>-3:30<+0430>,J79/24,J263/24' '<-00>0' \
		ABC 123 : '' EST5AB,M3.2.0,M11.1.0; do
		TZ=$z output_like_gnu du --time --time-style='+%F %T %Z %z' -a d
	done
	(unset TZ; output_like_gnu du --time --time-style=+%Z -a d)
}

@test "--time: a tree of many levels and -S, as GNU's" {
	python3 -c '
import os
p = "t"
for i in range(30):
    p += "/l%d" % i
    os.makedirs(p)
    with open(p + "/f", "w") as o: o.write("x")
    os.utime(p + "/f", (1000000000 + i, 1000000000 + (i * 7919) % 30 * 86400))
    os.utime(p, (1000000000, 1000000000 + i))
'
	output_like_gnu du --time t
	output_like_gnu du --time -S -a t
	output_like_gnu du --time=atime -c t t/l0/l1
}

@test "peak RSS of --time: 40 KiB (the cold part's 4 pages, its levels' and the zone's pages)" {
	mkdir -p d/e && echo x > d/f
	local c=$(cold_kb)
	rss_at_most $((c + 8)) du --time d
	rss_at_most $((c + 8)) du --time=atime --time-style=full-iso -a d
	rss_at_most 16 du --time-style=iso d       # (not used without --time)
}

@test "a bind mount's loop (private mount namespace): skipped silently, as GNU's FTS_DC with a mount point in the cycle" {
	command -v unshare > /dev/null || skip "unshare missing"
	[ "$(id -u)" -eq 0 ] || skip "not root"
	mkdir -p a/b/c a/x/y && echo hi > a/b/f && ln -s ../.. a/x/y/up
	run env DU="$(bin du)" unshare -m bash -c '
		mount --make-rprivate / && mount --bind a a/b/c || exit 99
		for o in "" -a -s -x -H -L -l -la -lL -aL "-a a/b" "-al a/b/c" "-a a/b/c a"; do
			/usr/bin/du $o a > out.gnu 2>&1; echo "rc=$?" >> out.gnu
			"$DU" $o a > out.ours 2>&1; echo "rc=$?" >> out.ours
			cmp out.gnu out.ours || { echo "differs: du $o a"; diff out.gnu out.ours; exit 1; }
		done
		/usr/bin/du -a a | grep -q "^4	a/b/f"'
	echo "$output"
	[ "$status" -eq 0 ]
}

@test "a directory of 10,001 names: sorted by inode as GNU's fts (ext4 and the like), getdents order on tmpfs" {
	mkdir big
	(cd big && seq 1 10001 | sed 's/^/f/' | xargs touch && ln f5 zz && ln f7 a7 && mkdir sub && touch sub/x)
	mkdir small
	(cd small && seq 1 9999 | sed 's/^/f/' | xargs touch)
	for o in -a "" "-a --inodes" -aS; do
		/usr/bin/du $o big small > gnu
		"$(bin du)" $o big small > ours
		cmp gnu ours
	done
	local s="/dev/shm/${T##*/}"
	[ -d /dev/shm ] || skip "no /dev/shm"
	mkdir "$s" && mv small "$s/" && cd "$s"
	touch small/g{1..3}
	/usr/bin/du -a small > "$T/gnu"
	"$(bin du)" -a small > "$T/ours"
	cd "$T" && rm -rf "$s"
	cmp gnu ours
}

# moved_while_walked DU ARGS... - DU ARGS T d2 (T/a/b/c1/.../cN, with
# 400 files of long names in the last: see below) with stdout a FIFO
# nobody reads until DU is blocked in the last directory's lines (64 KiB
# and more: its state S); then T/a/b is moved to T/b, the rest read, and
# T/b moved back: status, stderr (the program named "du"), the output's
# last lines
moved_while_walked() {
	local du=$1 p i
	shift
	rm -f fifo
	mkfifo fifo
	"$du" "$@" T d2 2> err > fifo & p=$!
	exec 5< fifo
	for i in $(seq 500); do         # (until blocked, S: the pipe full)
		case $(cut -d' ' -f3 "/proc/$p/stat" 2> /dev/null) in
		R|D) ;; *) break ;;
		esac
		sleep 0.01
	done
	mv T/a/b T/b
	cat <&5 > out
	exec 5<&-
	wait "$p"
	echo "status $?"
	sed "s#$du#du#" err
	tail -4 out
	mv T/b T/a/b
}

@test "a directory moved while walked: GNU's fts checks '..' on the way up once its ring of four descriptors is empty: 'fts_read failed', the walk ends (-c's total without the directories left); not with -L (no chdir)" {
	local depth args o g d=T/a/b/c1/c2/c3 n=$(printf '%0200d' 0)
	mkdir -p "$d" d2
	(cd "$d" && touch $(seq -f "%g$n" 400))
	for depth in 3 4; do            # (3: the ring has a's descriptor)
		[ "$depth" = 3 ] || { mkdir "$d/c4" && mv "$d"/[0-9]* "$d/c4"; }
		for args in "-a" "-a -c" "-a -S -c" "-a --inodes -c"; do
			o=$(moved_while_walked "$(bin du)" $args)
			g=$(moved_while_walked /usr/bin/du $args)
			[ "$o" = "$g" ] || { printf 'depth %s, du %s:\nours: %s\nGNU:  %s\n' "$depth" "$args" "$o" "$g"; return 1; }
		done
	done
	# -L: no "fts_read failed" (GNU reads by full names there: the files
	# of the moved directory not yet read are "cannot access"; ours, read
	# relative to their directory, are counted: README)
	o=$(moved_while_walked "$(bin du)" -L -a | grep -c 'fts_read failed'; true)
	g=$(moved_while_walked /usr/bin/du -L -a | grep -c 'fts_read failed'; true)
	[ "$o" = 0 ] && [ "$g" = 0 ]
}

@test "a tree 3000 deep under 'ulimit -n 1024': as GNU's (past 32 levels a parent's fd is closed, opened again by '..' on the way up; -L keeps them all and fails)" {
	python3 -c '
import os
os.mkdir("t"); os.chdir("t")
for i in range(3000):
    os.mkdir("d"); os.chdir("d")
    if i % 500 == 0: open("f", "w").write("x" * i)
'
	local a o g
	for a in "-s" "-a" "--max-depth=2" "-a --inodes -c" "-S -d 3" "-x -s" "-H -s"; do
		o=$(ulimit -n 1024; "$(bin du)" $a t 2>&1; echo "status $?")
		g=$(ulimit -n 1024; /usr/bin/du $a t 2>&1; echo "status $?")
		[ "${o//"$(bin du)"/du}" = "${g//\/usr\/bin\/du/du}" ] || { echo "du $a: $(echo "$o" | tail -3 | cut -c1-200)"; false; }
	done
	o=$(ulimit -n 1024; "$(bin du)" -L -s t 2>&1 | cut -c1-30; echo "status ${PIPESTATUS[0]}")
	[[ $o = *"status 1" ]]
}

@test "a directory moved while walked 40 levels above the deepest: the same 'fts_read failed' as GNU's (the reopened parents checked)" {
	local args o g d=T/a/b i n=$(printf '%0200d' 0)
	for i in $(seq 40); do d=$d/c$i; done
	mkdir -p "$d" d2
	(cd "$d" && touch $(seq -f "%g$n" 400))
	for args in "-a" "-a -c"; do
		o=$(moved_while_walked "$(bin du)" $args)
		g=$(moved_while_walked /usr/bin/du $args)
		[ "$o" = "$g" ] || { printf 'du %s:\nours: %s\nGNU:  %s\n' "$args" "$o" "$g"; return 1; }
	done
	[[ $o = *"fts_read failed"* ]]
}

@test "few descriptors (ulimit -n): a tree 25 levels deep walked as GNU's fts walks it (the outermost directories' closed, opened again by '..'), and below GNU's limit too" {
	local p=t i n k base ours gnu full
	for i in $(seq 25); do p=$p/d$i; done
	mkdir -p "$p" t/d1/side/a/b && echo x > "$p/f" && echo y > t/d1/side/a/b/g
	full=$("$(bin du)" -a t)
	base=$(ls /proc/$BASHPID/fd | wc -l)	# (bats' own descriptors too)
	for k in 8 10 14; do
		n=$((base + k))
		ours=$(ulimit -n $n; "$(bin du)" -a t 2>&1; echo "status $?")
		gnu=$(ulimit -n $n; /usr/bin/du -a t 2>&1; echo "status $?")
		[ "$ours" = "$gnu" ] || { echo "ulimit -n $n:"; diff <(echo "$gnu") <(echo "$ours"); return 1; }
		[ "$ours" = "$full"$'\nstatus 0' ]
		ours=$(ulimit -n $n; "$(bin du)" -s t/d1 t 2>&1; echo "status $?")
		gnu=$(ulimit -n $n; /usr/bin/du -s t/d1 t 2>&1; echo "status $?")
		[ "$ours" = "$gnu" ]
	done
	# (GNU's fts needs about 7 more than the open ones: "Too many open files")
	[ "$(ulimit -n $((base + 4)); "$(bin du)" -a t 2>&1; echo "status $?")" = "$full"$'\nstatus 0' ]
}

@test "--time: years before 1000, before 1 and past 9999 (tmpfs): %Y %C %y %G %g %F %c, as GNU's nstrftime" {
	shm_dir years
	cd "$shm"
	mkdir d
	local t
	for t in -100000000000 -65000000000 -62198755200 -62167219200 -62135596800 \
		-59042966400 -31536000000 253402300800 3000000000000; do
		touch -d "@$t" "d/f$t" || skip "this tmpfs keeps no such time"
	done
	[ "$(stat -c %Y d/f-100000000000)" = -100000000000 ] || skip "this tmpfs keeps no such time"
	touch -d @0 d
	output_like_gnu du --time -a '--time-style=+%Y|%C|%y|%G|%g|%F|%c|%D' d
	output_like_gnu du --time -a --time-style=full-iso d
}
