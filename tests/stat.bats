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
