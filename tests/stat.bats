#!/usr/bin/env bats
# stat: what difftest cannot hold still: the default and terse forms (inode,
# change and birth times differ between two trees, so ours and GNU's run on
# the same files here), -f on the live file systems, a file over 4 GiB,
# permission denied as a non-root user, a name past PATH_MAX, /dev/full, a
# closed pipe, local times in several zones, and the peak RSS of trivial
# runs (also with TZ=Europe/Paris).
load helpers

mktree() {
	printf 'hello\n' > f
	: > empty
	mkdir d
	ln -s f l
	ln -s nowhere dangling
	mkfifo p
	printf x > 'a b'
	printf x > "$(printf 'n\nl')"
	printf x > "$(printf 'x\377y')"
	chmod 4755 f
	chmod 1777 d
	# read the links once: that sets their access time (relatime), which
	# the first %N or default form would otherwise move between two runs
	readlink l dangling > /dev/null || :
}

@test "default form: files of every type, as GNU's" {
	mktree
	output_like_gnu stat f empty d l dangling p 'a b' "$(printf 'n\nl')" "$(printf 'x\377y')" /dev/null /dev/zero /
}

@test "default form with -L" {
	mktree
	output_like_gnu stat -L l f d
}

@test "terse form, with and without -L" {
	mktree
	output_like_gnu stat -t f empty d l p /dev/null
	output_like_gnu stat -L -t l
}

@test "-c and --printf with every file directive, as GNU's" {
	mktree
	local fmt='%a %A %b %B %d %D %f %F %g %G %h %i %n %N %o %r %R %s %t %T %u %U %w %W %x %X %y %Y %z %Z %Hd %Ld %Hr %Lr'
	output_like_gnu stat -c "$fmt" f empty d l p /dev/null
	output_like_gnu stat --printf "$fmt\n" f d
	output_like_gnu stat -c '%.3W|%-20.4Z|%012.2X|%.W' f
}

@test "owner names: known ids, and UNKNOWN for ids without a line" {
	touch a b
	chown 54321:54322 b
	output_like_gnu stat -c '%u %U %g %G' a b
	output_like_gnu stat b
}

@test "device numbers: makedev's bit layout at the largest major and minor" {
	mknod c1 c 4095 1048575
	mknod b1 b 1 256
	mknod c2 c 300 70000
	output_like_gnu stat -c '%d %D %r %R %t %T %Hr %Lr %Hd %Ld' c1 b1 c2
	output_like_gnu stat c1 b1
}

@test "-f: the stable fields of live file systems, as GNU's" {
	local fs
	for fs in / /proc /sys /dev /dev/shm /tmp .; do
		[ -e "$fs" ] || continue
		output_like_gnu stat -f -c '%n %i %l %t %T %s %S %b %c' "$fs"
		output_like_gnu stat -f -c '%n %i %l %t %T %s %S %b %c' "$fs"
	done
}

@test "-f default and terse forms have GNU's shape" {
	local s
	"$(bin stat)" -f / > out
	/usr/bin/stat -f / > expected
	# free counts may move between the two runs
	s='s/Free: [0-9]* */Free: N /g; s/Available: [0-9]*/Available: N/'
	diff <(sed "$s" expected) <(sed "$s" out)
	"$(bin stat)" -f -t /proc > out
	/usr/bin/stat -f -t /proc > expected
	cmp expected out
}

@test "a sparse file over 4 GiB: %s and %b" {
	truncate -s 5G big
	printf x >> big
	output_like_gnu stat -c '%s %b %F' big
	[ "$("$(bin stat)" -c %s big)" = 5368709121 ]
}

@test "times after 2038 and before 1970" {
	touch -d '2100-03-01 12:34:56.5' late
	touch -d '1901-12-13 20:45:52' early
	output_like_gnu stat -c '%x %X %y %Y %.3Y' late early
}

@test "dates over the whole 64-bit range: GNU's years to 2^31 - 1 + 1900, then seconds" {
	# tmpfs keeps any time; elsewhere the file system may clamp it (the
	# same file for both, so still a fair comparison)
	local d=$T t
	[ -w /dev/shm ] && d=$(mktemp -d /dev/shm/subk-stat.XXXXXX)
	for t in -9223372036854775808 -67768040609740801.25 -67768040609740800 \
		-62135596801 -2208988800 951868799.5 4107542400 253402300800 \
		67768036191676799 67768036191676800 9223372036854775807; do
		touch -d "@$t" "$d/f" || continue
		output_like_gnu stat -c '%x|%.3y|%-40z|%Y' "$d/f" ||
			{ [ "$d" = "$T" ] || rm -r "$d"; false; }
	done
	[ "$d" = "$T" ] || rm -r "$d"
}

@test "local times: the default form and the 64-bit range in zones and POSIX TZ strings, as GNU's" {
	mktree
	local d=$T t tz
	[ -w /dev/shm ] && d=$(mktemp -d /dev/shm/subk-stat.XXXXXX)
	for tz in Europe/Paris America/New_York Australia/Lord_Howe "EST5EDT,M3.2.0,M11.1.0" "<-03>3" ""; do
		export TZ=$tz
		output_like_gnu stat f d l /dev/null || { [ "$d" = "$T" ] || rm -r "$d"; false; }
		for t in -9223372036854775808 -67768040609740800 -62135596801 \
			-5364662400.5 -2208988800 1711846800 4107542400 \
			67768036191676799 67768036191676800 9223372036854775807; do
			touch -d "@$t" "$d/f" || continue
			output_like_gnu stat -c '%x|%.3y|%-40z|%Y' "$d/f" ||
				{ [ "$d" = "$T" ] || rm -r "$d"; false; }
		done
	done
	[ "$d" = "$T" ] || rm -r "$d"
}

@test "permission denied as a non-root user, the other operands still shown" {
	as_nobody
	mkdir -m 700 locked
	touch locked/f
	chmod 755 "$T"
	echo x > open
	run "${as[@]}" "$(bin stat)" -c %n locked/f open
	[ "$status" -eq 1 ]
	[ "${lines[0]}" = "$(bin stat): cannot statx 'locked/f': Permission denied" ] ||
		[ "${lines[1]}" = "$(bin stat): cannot statx 'locked/f': Permission denied" ]
	run "${as[@]}" "$(bin stat)" -c %n open
	[ "$output" = open ]
	run "${as[@]}" /usr/bin/stat -c %n locked/f
	[ "$output" = "/usr/bin/stat: cannot statx 'locked/f': Permission denied" ]
	run "${as[@]}" "$(bin stat)" -f locked/f
	[ "$status" -eq 1 ]
	[ "$output" = "$(bin stat): cannot read file system information for 'locked/f': Permission denied" ]
}

@test "a name longer than PATH_MAX: GNU's error; a deep file by relative steps" {
	local long=$(printf 'a%.0s' {1..250}) name= i
	for i in {1..20}; do name+="$long/"; done
	run "$(bin stat)" -c %n "${name}x"
	[ "$status" -eq 1 ]
	[[ "$output" == *": File name too long" ]]
	mkdir -p "$long/$long/$long"
	cd "$long/$long/$long"
	for i in {1..17}; do mkdir "$long" && cd "$long"; done
	echo deep > f
	[ "$("$(bin stat)" -c '%s %F' f)" = "5 regular file" ]
}

@test "write error on /dev/full" {
	dev_full_fails stat -c %n .
	dev_full_fails stat .
}

@test "a closed pipe: killed by SIGPIPE" {
	closed_pipe_kills stat -c %n .
	closed_pipe_kills stat .
}

@test "peak RSS of trivial runs: 16 KiB" {
	rss_at_most 16 stat -c %n /dev/null
	rss_at_most 16 stat -t /dev/null
	rss_at_most 16 stat -f /
	rss_at_most 16 stat /dev/null
	printf 'one line\n' > f
	rss_at_most 16 stat f
	rss_at_most 16 stat -L -t f
	rss_at_most 16 stat -f -t f
	local kb st
	read -r kb st < <(env -i TZ=Europe/Paris "$BATS_TEST_DIRNAME/../build/harness/rss" "$(bin stat)" f 2>&1 >/dev/null)
	[ "$st" -eq 0 ] && [ "$kb" -le 16 ] || { echo "stat f in Europe/Paris: $kb KiB, status $st"; return 1; }
	read -r kb st < <(env -i TZ=America/New_York "$BATS_TEST_DIRNAME/../build/harness/rss" "$(bin stat)" -c %y f 2>&1 >/dev/null)
	[ "$st" -eq 0 ] && [ "$kb" -le 16 ] || { echo "stat -c %y f in America/New_York: $kb KiB, status $st"; return 1; }
	ln -s f l3
	rss_at_most 16 stat l3
	read -r kb st < <(env -i TZ=Europe/Paris "$BATS_TEST_DIRNAME/../build/harness/rss" "$(bin stat)" l3 2>&1 >/dev/null)
	[ "$st" -eq 0 ] && [ "$kb" -le 16 ] || { echo "stat l3 in Europe/Paris: $kb KiB, status $st"; return 1; }
}

@test "100 operands and a bad one, as GNU (i386: the vDSO after 32 calls)" {
	hundred_operands_like_gnu files stat -c '%n %s %F'
}

# in_ns SCRIPT - SCRIPT run by bash -e in a private mount namespace (the
# mounts it makes vanish with it); `like_gnu ARGS...` compares our stat's
# stdout, stderr and status with GNU's, byte for byte
in_ns() {
	unshare -m true 2>/dev/null || skip "cannot unshare a mount namespace"
	S="$(bin stat)" unshare -m --propagation private bash -ec '
like_gnu() {
	"$S" "$@" > "$T/out" 2> "$T/err" && s1=0 || s1=$?
	/usr/bin/stat "$@" > "$T/expected" 2> "$T/experr" && s2=0 || s2=$?
	e1=$(<"$T/err") e2=$(<"$T/experr")
	[ "$s1" -eq "$s2" ] && cmp -s "$T/expected" "$T/out" && [ "${e1//$S:/stat:}" = "${e2//\/usr\/bin\/stat:/stat:}" ] ||
		{ echo "stat $*: status $s1, GNU $s2"; diff "$T/expected" "$T/out"; diff "$T/experr" "$T/err"; exit 1; }
}
'"$1"
}

@test "%m: a tmpfs mounted here, bind mounts of a directory and a file, links with and without -L" {
	export T
	in_ns '
mkdir -p m d/sub b; touch f d/g m0
mount -t tmpfs tmpfs m
mkdir -p m/x/y; touch m/x/y/z m/file
ln -s m/x/y/z lz; ln -s ../m lm; ln -s d ld; ln -s "$T/m/x" lx
mount --bind d b
mount --bind f m0
like_gnu -c "%n %m" f d d/sub d/g m m/x m/x/y m/x/y/z m/file lz lm ld lx b b/g b/sub m0 . / "$T/m/x/y/"
like_gnu -L -c "%n %m" f d m/x/y/z lz ld lx b m0
like_gnu -c "%m %n" ./m//x/y/ m/x/../x/y/z m/x/y/../../..
cd m/x
like_gnu -c "[%m]" y y/z ../file ../../f . .. ../..
like_gnu -c "[%m]" - < y/z
like_gnu -c "[%m]" - < y
'
}

@test "%m: a dummy file system mounted with a source that is the same file: that source, as gnulib's find_bind_mount" {
	export T
	in_ns '
mkdir -p s "s p" dp
mount -t sysfs /sys s
mount -t sysfs /sys "s p"
mount -t devpts /dev/pts dp 2>/dev/null || :
like_gnu -c "%n %m" s s/kernel "s p" "s p/kernel" dp /sys /sys/kernel
like_gnu -L -c "%n %m" s "s p"
'
}

@test "%m: the mount table unreadable (/proc hidden), then /etc/mtab in getmntent's format" {
	export T
	in_ns '
mkdir -p s2 s3 s4 s5 "a b" m "t	b" "b\\\\s" "c\\\\d" q; touch f
mount -t tmpfs tmpfs m
mount -t tmpfs tmpfs /proc
like_gnu -c "%n %m" f m / m "a b"
target=$(readlink /etc/mtab) || target=
case $target in
/proc/*) ;;
*) exit 0 ;;
esac
mkdir -p "$(dirname "$target")"
ln -s self/mounts /proc/mounts 2>/dev/null || :
mkdir -p /proc/self
printf "%s\n" "# comment" "" "  " "sysfs $T/s2 sysfs rw 0 0" "/sys	$T/s2 none rw,bind 0 0" \
	"/sys $T/s3 none rw,bindx 0 0" "/sys $T/s4 none" "/sys $T/s5 none  ro,bind=1  " \
	"/sys $T/a\\040b none defaults" "/dev/sda1 $T/m proc rw" \
	"/sys $T/t\\011b n\\157ne ro,bi\\156d" "/sys $T/b\\\\\\\\s none x" "/sys $T/c\\134\\134d none x" "/sy\\163 $T/q none x" > "$target"
for d in s2 s3 s4 s5 "a b" "t	b" "b\\\\s" "c\\\\d" q; do mount -t sysfs /sys "$d"; done
like_gnu -c "%n %m" s2 s3 s4 s5 "a b" f m "t	b" "b\\\\s" "c\\\\d" q
'
}

@test "%m: a deleted working directory: canonicalize_file_name fails, GNU's message and '?'" {
	mkdir gone
	touch f
	cd gone
	rmdir ../gone
	local s1=0 s2=0
	"$(bin stat)" -c "[%m] %n" . ../f > "$T/out" 2> "$T/err" || s1=$?
	/usr/bin/stat -c "[%m] %n" . ../f > "$T/expected" 2> "$T/experr" || s2=$?
	cd "$T"
	[ "$s1" -eq 1 ]
	[ "$s2" -eq 1 ]
	cmp expected out
	[ "$(sed 's/^[^:]*://' err)" = "$(sed 's/^[^:]*://' experr)" ]
	grep -q "failed to canonicalize '.': No such file or directory" err
}

@test "%m in a working directory past PATH_MAX: '.' and '..' resolve there (glibc's getcwd), other names fail with GNU's message" {
	local long=$(printf 'a%.0s' {1..250}) i s1=0 s2=0
	for i in {1..18}; do mkdir "$long" && cd "$long"; done
	touch f
	"$(bin stat)" -c "[%m]" f . .. ./ .//./ ../.. "../$long" > "$T/out" 2> "$T/err" || s1=$?
	/usr/bin/stat -c "[%m]" f . .. ./ .//./ ../.. "../$long" > "$T/expected" 2> "$T/experr" || s2=$?
	cd "$T"
	[ "$s1" -eq 1 ]
	[ "$s2" -eq 1 ]
	cmp expected out
	[ "$(sed 's/^[^:]*://' err)" = "$(sed 's/^[^:]*://' experr)" ]
	grep -q "failed to canonicalize 'f': File name too long" err
}

@test "%m as a non-root user: a directory it cannot enter, a working directory it cannot read" {
	as_nobody
	[ ${#as[@]} -gt 0 ] || skip "not root"
	mkdir -p nox/in r; touch nox/in/file nox/file f
	chmod 711 nox; chmod 700 nox/in; chmod 311 r; chmod 755 "$T"
	local s1=0 s2=0
	"${as[@]}" "$(bin stat)" -c "%n %m" nox nox/in nox/file nox/in/file > out 2> err || s1=$?
	"${as[@]}" /usr/bin/stat -c "%n %m" nox nox/in nox/file nox/in/file > expected 2> experr || s2=$?
	[ "$s1" -eq 1 ]
	[ "$s2" -eq 1 ]
	cmp expected out
	[ "$(sed 's/^[^:]*://' err)" = "$(sed 's/^[^:]*://' experr)" ]
	grep -q "cannot change to directory 'nox/in': Permission denied" err
	cd r
	"${as[@]}" "$(bin stat)" -c "%n %m" . ../f / > ../out
	"${as[@]}" /usr/bin/stat -c "%n %m" . ../f / > ../expected
	cd .. && cmp expected out
}

@test "%C: contexts set as the attribute security.selinux, 'unlabeled', an empty one; stdout and stderr in GNU's order" {
	touch a u e n
	printf 'system_u:object_r:tmp_t:s0' > ctx
	python3 -c '
import os, sys
for f, v in (("a", b"system_u:object_r:tmp_t:s0\0"), ("u", b"unlabeled\0"), ("e", b""), ("n", b"ab\0cd")):
    os.setxattr(f, "security.selinux", v)
' 2>/dev/null || skip "cannot set security.selinux here"
	ln -s a l
	local s1=0 s2=0
	"$(bin stat)" -c "%n [%C] [%-30C] [%.3C]" a u e n l nosuch > out 2>&1 || s1=$?
	/usr/bin/stat -c "%n [%C] [%-30C] [%.3C]" a u e n l nosuch > expected 2>&1 || s2=$?
	[ "$s1" -eq 1 ]
	[ "$s2" -eq 1 ]
	[ "$(sed "s|$(bin stat):|stat:|g" out)" = "$(sed 's|/usr/bin/stat:|stat:|g' expected)" ]
	output_like_gnu stat -L -c "%n %C" l a
	output_like_gnu stat --printf "%C|%5.6C\n" a
}

@test "%m and %C: the bytes before a message are out first, as glibc's error() flushes stdout" {
	touch f
	local s1=0 s2=0
	"$(bin stat)" -c "x%Cy%mz%C" f - < f > out 2>&1 || s1=$?
	/usr/bin/stat -c "x%Cy%mz%C" f - < f > expected 2>&1 || s2=$?
	[ "$s1" -eq 1 ]
	[ "$s2" -eq 1 ]
	[ "$(sed "s|$(bin stat):|stat:|g" out)" = "$(sed 's|/usr/bin/stat:|stat:|g' expected)" ]
}

@test "peak RSS of --cached, %C and %m runs" {
	printf 'one line\n' > f
	rss_at_most 16 stat f
	rss_at_most 16 stat -c %n - < f
	rss_at_most 24 stat --cached=never f
	rss_at_most 24 stat --cached=always -c %n f
	rss_error_at_most 24 stat -c %C f
	rss_at_most 32 stat -c %m f
	rss_at_most 32 stat -c %m /proc/self
}

@test "peak RSS with the zone's rare code (.rare, a page of its own) and without it" {
	printf 'one line\n' > f
	touch -d @1483228826 f
	local kb st z lim
	for z in Europe/Paris:16 America/New_York:16 'CET-1CEST,M3.5.0,M10.5.0/3:16' CET-1CEST:20 right/UTC:20 'EST5EDT,M3.2.0,M13.1.0:20'; do
		lim=${z##*:} z=${z%:*}
		read -r kb st < <(env -i TZ="$z" "$BATS_TEST_DIRNAME/../build/harness/rss" "$(bin stat)" -c %y f 2>&1 >/dev/null)
		[ "$st" -eq 0 ] && [ "$kb" -le "$lim" ] || { echo "stat -c %y f in $z: $kb KiB, status $st"; return 1; }
	done
	read -r kb st < <(env -i QUOTING_STYLE=loc "$BATS_TEST_DIRNAME/../build/harness/rss" "$(bin stat)" -c %N f 2>&1 >/dev/null)
	[ "$st" -eq 0 ] && [ "$kb" -le 24 ] || { echo "stat -c %N f with QUOTING_STYLE=loc: $kb KiB, status $st"; return 1; }
	[ "$(TZ=right/UTC "$(bin stat)" -c %y f)" = "$(TZ=right/UTC /usr/bin/stat -c %y f)" ]
}

@test "zone files bigger than stat's 16 KiB buffer are mapped and read whole, as glibc" {
	command -v python3 >/dev/null || skip "no python3 to write the zone files"
	big_zone "$PWD/big" 6000 'XST5XDT,M3.2.0,M11.1.0'
	big_zone "$PWD/mid" 1100 'XST5XDT,M3.2.0,M11.1.0'
	local z t
	for t in -15000000000 1688212800 1701432000 4118097600 142725000000 161661000000; do
		touch -d "@$t" "f$t"
	done
	for z in "$PWD/big" "$PWD/mid"; do
		[ "$(TZ=$z "$(bin stat)" -c '%y %n' f*)" = "$(TZ=$z /usr/bin/stat -c '%y %n' f*)" ] || {
			echo "TZ=$z: ours"; TZ=$z "$(bin stat)" -c '%y %n' f*; echo GNU; TZ=$z /usr/bin/stat -c '%y %n' f*; return 1; }
	done
}

@test "%N in all ten QUOTING_STYLEs: a name near PATH_MAX and a 4095-byte link target of the worst bytes, as GNU's" {
	local c p="" st i s1 s2
	c=$(printf "q'\001%.0s" {1..66})        # 198 bytes a component
	for i in {1..19}; do p+="$c$i/"; done
	mkdir -p "$p"
	p+="x'"
	: > "$p"
	ln -s "$(printf "'\001%.0s" {1..2047})z" "long"
	for st in literal shell shell-always shell-escape shell-escape-always c c-maybe escape locale clocale; do
		s1=0 s2=0
		QUOTING_STYLE=$st "$(bin stat)" -c '%N' "$p" long > ours 2>&1 || s1=$?
		QUOTING_STYLE=$st /usr/bin/stat -c '%N' "$p" long > gnus 2>&1 || s2=$?
		[ "$s1" -eq 0 ] && [ "$s2" -eq 0 ] && cmp ours gnus || { echo "QUOTING_STYLE=$st"; return 1; }
	done
}

@test "%N: 300 random names (every byte but / and NUL) in all ten QUOTING_STYLEs, as GNU's" {
	command -v python3 >/dev/null || skip "no python3 to make the names"
	mkdir n && cd n
	python3 - <<'PY'
import random
random.seed(11)
common = [b"'", b' ', b'\\', b'\x01', b'a', b'#', b'~', b'{', b'}', b'?', b'"', b'$', b'\n', b'\t', b'\x80', b'=', b':', b'\x7f']
other = [bytes([c]) for c in range(1, 256) if c != ord('/')]
for i in range(300):
    n = b''.join(random.choice(common if random.random() < 0.7 else other) for _ in range(random.randint(1, 8)))
    if n not in (b'.', b'..'):
        open(n, 'wb').close()
PY
	ln -s "$(printf "a'b\001 c")" lnk
	local st s1 s2
	for st in literal shell shell-always shell-escape shell-escape-always c c-maybe escape locale clocale; do
		s1=0 s2=0
		QUOTING_STYLE=$st "$(bin stat)" -c '%N|%-5N' -- * > ../ours 2>&1 || s1=$?
		QUOTING_STYLE=$st /usr/bin/stat -c '%N|%-5N' -- * > ../gnus 2>&1 || s2=$?
		[ "$s1" -eq 0 ] && [ "$s2" -eq 0 ] && cmp ../ours ../gnus || { echo "QUOTING_STYLE=$st"; return 1; }
	done
}

@test "peak RSS of %N in each QUOTING_STYLE: the engine's page (.rare) and no more, 24 KiB" {
	printf 'one line\n' > f
	ln -s "a b'c" l
	local kb st q
	for q in literal shell shell-always shell-escape shell-escape-always c c-maybe escape locale clocale cl bogus; do
		read -r kb st < <(env -i QUOTING_STYLE=$q "$BATS_TEST_DIRNAME/../build/harness/rss" "$(bin stat)" -c %N f l 2>&1 >/dev/null | tail -n 1)
		[ "$st" -eq 0 ] && [ "$kb" -le 24 ] || { echo "stat -c %N f l with QUOTING_STYLE=$q: $kb KiB, status $st"; return 1; }
	done
	rss_at_most 16 stat f
	rss_at_most 16 stat -c %n f
}

@test "%N with QUOTING_STYLE=c to /dev/full, shell-escape to a closed pipe, as GNU's" {
	printf x > 'a b'
	export QUOTING_STYLE=c
	dev_full_fails stat -c %N 'a b'
	export QUOTING_STYLE=shell-escape
	closed_pipe_kills stat -c %N 'a b'
}

@test "years before 1000, before 1 and past 9999 (tmpfs): four columns with the sign, as GNU's" {
	shm_dir years
	cd "$shm"
	local t
	for t in -100000000000 -65000000000 -62230291200 -62198755200 -62135596800 \
		-31536000000 253402300800; do
		touch -d "@$t" "f$t" || skip "this tmpfs keeps no such time"
	done
	[ "$(stat -c %Y f-100000000000)" = -100000000000 ] || skip "this tmpfs keeps no such time"
	TZ=UTC output_like_gnu stat -c '%n %x|%y' f*
}
