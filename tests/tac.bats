#!/usr/bin/env bats
# tac: what difftest cannot express: a seekable file is read from its end
# (pread64 at offsets going down, never the whole file first), big files
# and a 100 MiB record compared with GNU by cmp, a file past 4 GiB on both
# arches, -r on big files and long records against GNU (its read sizes
# decide where ^ \` \< match), back references (a clear failure),
# SIGPIPE, /dev/full, an unreadable file as a non-root user.
load helpers

@test "a seekable file is read from the end, 64 KiB at a time" {
	seq 1 100000 > f
	strace -o log -e trace=pread64,read "$(bin tac)" f > out
	/usr/bin/tac f | cmp - out
	# the first read is at the last multiple of 64 KiB, then going down
	size=$(stat -c %s f)
	grep -Eq "^pread64\([0-9]+, .*, 65536, $((size / 65536 * 65536))\)" log
	grep -Eq '^pread64\([0-9]+, .*, 65536, 0\)' log
	[ "$(grep -c '^read(' log)" -eq 0 ]
}

@test "big input, long records: the same bytes as GNU, file and pipe" {
	head -c 3000000 /dev/urandom > r
	{ cat r; seq 1 300000; cat r; } > in
	"$(bin tac)" in > ours
	/usr/bin/tac in > gnu
	cmp gnu ours
	cat in | "$(bin tac)" > ours
	cmp gnu ours
	"$(bin tac)" -b in > ours
	/usr/bin/tac -b in > gnu
	cmp gnu ours
	"$(bin tac)" -s "" in > ours
	/usr/bin/tac -s "" in > gnu
	cmp gnu ours
}

@test "a 100 MiB record between two lines" {
	{ echo first; head -c 104857600 /dev/zero | tr '\0' x; printf '\nlast'; } > in
	"$(bin tac)" in > ours
	/usr/bin/tac in > gnu
	cmp gnu ours
	cat in | "$(bin tac)" > ours
	cmp gnu ours
}

@test "a sparse file past 4 GiB: its tail first, at offsets over 2^32" {
	truncate -s 4831838208 sparse
	printf 'tail\nend\n' >> sparse
	# NUL-separated: every zero is a record, so the memory stays small
	run bash -c '"$1" -s "" sparse | head -c 12 | od -An -c' sh "$(bin tac)"
	[ "$output" = "$(printf 'tail\nend\n\0\0\0' | od -An -c)" ]
}

@test "-r on a big file: GNU's reads decide where anchors match; file, pipe, -b" {
	seq 1 30000 | sed 's/7/ x7/g' > in
	head -c 200000 /dev/urandom | tr -dc 'ab \n' >> in
	for s in '^' '^1\|x7' '\`' '\<' '$' "\\'" '\w\w\w' '[0-9]*' '.*' 'ba\|\(ab\)+'; do
		for b in "" -b; do
			/usr/bin/tac $b -r -s "$s" in > gnu
			"$(bin tac)" $b -r -s "$s" in > ours
			cmp gnu ours
		done
	done
	cat in | "$(bin tac)" -r -s '^\|x7' > ours
	/usr/bin/tac -r -s '^\|x7' in > gnu
	cmp gnu ours
}

@test "-r: a record of 1 MB, GNU's read size doubling" {
	{ echo first; head -c 1000000 /dev/zero | tr '\0' x; printf '\nlast'; } > in
	for s in '^' 'x$' '^f' '\`f\|t$'; do
		/usr/bin/tac -r -s "$s" in > gnu
		"$(bin tac)" -r -s "$s" in > ours
		cmp gnu ours
	done
}

@test "-r: GNU's read size carries over to the next file (its 'memory exhausted')" {
	seq 1 100000 > a
	awk 'BEGIN{for(i=0;i<3000;i++){s="";for(j=0;j<i%97;j++)s=s "w";print s " " i}}' > b
	run bash -c '/usr/bin/tac -r -s "x\|^2" a b a > gnu'
	gnu_status=$status
	run bash -c '"$1" -r -s "x\|^2" a b a > ours' sh "$(bin tac)"
	[ "$status" -eq "$gnu_status" ]
	cmp gnu ours
	[ "$gnu_status" -eq 0 ] || [ "$output" = "$(bin tac): memory exhausted" ]
}

@test "-r: nested stars do not blow up (no backtracking)" {
	head -c 3000 /dev/zero | tr '\0' a > in
	timeout 20 "$(bin tac)" -r -s '\(a*\)*b\|\(a\|a\)*c' in | cmp in -
}

@test "-r: back references, against GNU" {
	printf 'xaabaaz\nabab\naba\nbb\nxabcabcy\nfoo foo bar\n' > in
	for s in '\(a\)*b\1' '\(a*\)b\1' '\(a\|b\)*\1' '\(\(a\)\|b\)*\2' '\(\w+\) \1' '\(abc\)\1\|\(b\)\2'; do
		for b in "" -b; do
			/usr/bin/tac $b -r -s "$s" in > gnu
			"$(bin tac)" $b -r -s "$s" in > ours
			cmp gnu ours
		done
	done
}

@test "-r: a back reference search past its bounds fails clearly" {
	head -c 300000 /dev/zero | tr '\0' a > in
	run "$(bin tac)" -r -s '\(a*\)*b\1' in
	[ "$status" -eq 1 ]
	[ "$output" = "$(bin tac): regular expression too complex (back references)" ]
}

@test "-r: SIGPIPE, /dev/full and a missing operand as GNU's" {
	seq 1 200000 > big
	sigpipe_silent tac '-n 1' '200000\n' -r -s '^' big
	sigpipe_silent /usr/bin/tac '-n 1' '200000\n' -r -s '^' big
	dev_full_fails tac -r -s '^' big
	echo abc | dev_full_fails tac -r -s b
	printf 'a\nb' > f
	run "$(bin tac)" -r -s '$' nosuch f
	[ "$status" -eq 1 ]
	[ "$output" = "$(printf "%s: failed to open 'nosuch' for reading: No such file or directory\n\nba" "$(bin tac)")" ]
}

@test "SIGPIPE: tac big | head -n1 ends by the signal, silently" {
	seq 1 2000000 > big
	sigpipe_silent tac '-n 1' '2000000\n' big
}

# full_like_gnu ARGS... - ours and GNU's tac ARGS > /dev/full: the same
# stderr (the program's name aside) and status ($pre: shell words first;
# $to: another failing stdout)
full_like_gnu() {
	local e1 e2 s1=0 s2=0 c='"$@" 2>&1 > "${to:-/dev/full}"'
	e1=$(to=${to:-} sh -c "${pre:-} exec $c" sh /usr/bin/tac "$@") || s1=$?
	e2=$(to=${to:-} sh -c "${pre:-} exec $c" sh "$(bin tac)" "$@") || s2=$?
	[ "${e1//\/usr\/bin\/tac/tac}" = "${e2//"$(bin tac)"/tac}" ] && [ "$s1" -eq "$s2" ] ||
		{ echo "tac $* > ${to:-/dev/full}: GNU $s1 <$e1>, ours $s2 <$e2>"; return 1; }
}

@test "/dev/full: GNU's message, status 1" {
	seq 1 100000 > big
	full_like_gnu big
	echo x | dev_full_fails tac
}

@test "/dev/full: the reason told or not as GNU's (glibc's pending bytes), by size" {
	# GNU: fwrite()s of 8 KiB, then one of N mod 8192 that stays in
	# stdio's 4 KiB buffer (fclose fails: the reason) when it fits
	for n in 0 1 4095 4096 5000 8192 8193 12288 12289 16385 69632 73729; do
		head -c $n /dev/zero | tr '\0' '\n' > a
		full_like_gnu a
		full_like_gnu -b -s "" a
		printf 'x\ny' > b
		full_like_gnu a b
		full_like_gnu b nosuch a
		full_like_gnu -r -s '^' a b
		full_like_gnu -s x - b < a
	done
	# a failing close of stdin flushes GNU's stdio first: bare
	printf 'ab\n' > a
	pre='exec 0<&-;' full_like_gnu a -
}

@test "a failing stdout of st_blksize 1024 (EINVAL): stdio's 1 KiB buffer, as GNU's" {
	# /proc/self/clear_refs refuses these bytes (not a number) and
	# changes nothing; glibc sizes stdout's buffer by its st_blksize
	[ "$(stat -c %o /proc/self/clear_refs)" = 1024 ] || skip "another st_blksize"
	for n in 1 1023 1024 8192 9216 9217; do
		head -c $n /dev/zero | tr '\0' '\n' > a
		to=/proc/self/clear_refs full_like_gnu a
	done
}

@test "a closed stdout: the reason always (GNU's fclose fails: EBADF)" {
	for n in 1 4096 5000 8192 16384 16385; do
		head -c $n /dev/zero | tr '\0' '\n' > a
		e1=$(/usr/bin/tac a 2>&1 >&-) && false || s1=$?
		e2=$("$(bin tac)" a 2>&1 >&-) && false || s2=$?
		[ "$s1" -eq 1 ]
		[ "$s2" -eq 1 ]
		[ "$e1" = "/usr/bin/tac: write error: Bad file descriptor" ]
		[ "$e2" = "$(bin tac): write error: Bad file descriptor" ]
	done
}

@test "/dev/full: -r's 'memory exhausted' then GNU's bare write error" {
	seq 1 100000 > a
	awk 'BEGIN{for(i=0;i<3000;i++){s="";for(j=0;j<i%97;j++)s=s "w";print s " " i}}' > b
	full_like_gnu -r -s "x\|^2" a b a
}

@test "a directory: read error, as GNU's (ext4: EINVAL at its huge size, both arches)" {
	mkdir d
	[ "$(stat -f -c %T d)" = ext2/ext3 ] || skip "not on ext4"
	sh_fails 1 tac "d: read error: Invalid argument" '"$1" d'
	run /usr/bin/tac d
	[ "$output" = "/usr/bin/tac: d: read error: Invalid argument" ]
	sh_fails 1 tac "d: read error: Invalid argument" '"$1" -r -s x d'
	sh_fails 1 tac "d: read error: Invalid argument" '"$1" -b d'
}

@test "a directory on tmpfs: read error, Is a directory, as GNU's" {
	shm_dir tac
	run /usr/bin/tac "$shm"
	[ "$output" = "/usr/bin/tac: $shm: read error: Is a directory" ]
	sh_fails 1 tac "$shm: read error: Is a directory" '"$1" '"$shm"
	sh_fails 1 tac "$shm: read error: Is a directory" '"$1" -r -s x '"$shm"
}

@test "unreadable file as a non-root user: GNU's message, the rest printed" {
	printf '1\n2\n' > free
	lock_file
	unreadable_like_gnu tac "%s: failed to open 'locked' for reading: Permission denied\n2\n1" locked free
}

@test "--help and --version: GNU's unrecognized option (see README)" {
	option_unrecognized 1 tac --help --version
}

@test "trivial runs: RSS at most 16 KiB" {
	printf 'a b\nc d\n' > f
	rss_at_most 16 tac < /dev/null
	rss_at_most 16 tac < f
	rss_at_most 16 tac f
	rss_at_most 16 tac -s b < f
	rss_at_most 16 tac -b < f
	rss_at_most 16 tac --before --separator=b < f
}

@test "-r trivial runs: RSS at most 16 KiB, a file, stdin and a pipe, the same bytes as GNU" {
	printf 'a b\nc d\nbb\n' > f
	for s in 'b' '[bc]' '\(b\|c\)' '\(b\)\1' '^' 'abcdefghijk'; do
		rss_at_most 16 tac -r -s "$s" f
		rss_at_most 16 tac -r -s "$s" < f
		cat f | rss_at_most 16 tac -r -s "$s"
		cat f | rss_at_most 16 tac -b -r -s "$s"
		output_like_gnu tac -r -s "$s" f
		cat f | "$(bin tac)" -b -r -s "$s" > out
		/usr/bin/tac -b -r -s "$s" f | cmp - out
	done
	head -c 1000 /dev/urandom > r
	rss_at_most 16 tac -r -s 'x[0-9]' r
	cat r | rss_at_most 16 tac
	# 1 KiB exactly (SMALL is 1040): a file, stdin and a pipe, with -r too
	head -c 1024 /dev/urandom > r
	rss_at_most 16 tac r
	rss_at_most 16 tac < r
	cat r | rss_at_most 16 tac
	rss_at_most 16 tac -r -s 'x[0-9]' r
	cat r | rss_at_most 16 tac -r -s 'x[0-9]'
	# a plain 3000-byte file: its output stays on the variables' page too
	head -c 3000 /dev/urandom > r
	rss_at_most 20 tac r
	cat r | rss_at_most 20 tac
}

@test "several small files: each one's records, none overwritten by the output before it" {
	for i in 1 2 3 4; do seq $((i * 100)) $((i * 100 + 150)) > f$i; done
	output_like_gnu tac f1 f2 f3 f4
	output_like_gnu tac -s 0 f1 f2 f3 f4 f1 f2
}

@test "100 operands and a bad one, as GNU (i386: the vDSO after 32 calls)" {
	hundred_operands_like_gnu files tac
}

# A pipe whose buffer would pass the memory limit (half of sort's
# default_sort_size, from the rlimits and sysinfo) goes to a temporary
# file, as GNU's tac puts every pipe; the old binary said "memory
# exhausted" under ulimit -v here.
@test "a pipe bigger than memory: through a temporary file, the same bytes as GNU" {
	seq 1 5000000 > in
	for opts in "" "-b" "-s 99" "-r -s [05]" "-b -r -s 1*0"; do
		o=$(ulimit -v 30000; cat in | "$(bin tac)" $opts | md5sum; echo "status ${PIPESTATUS[1]}")
		g=$(ulimit -v 30000; cat in | /usr/bin/tac $opts | md5sum; echo "status ${PIPESTATUS[1]}")
		echo "[$opts] $o / $g"
		[ "$o" = "$g" ]
	done
	# two big pipes and stdin between them: the file made once, emptied
	# for the next, unlinked at once (nothing left in TMPDIR)
	mkdir t
	head -c 20000000 in > half
	run bash -c 'ulimit -v 30000; TMPDIR=t strace -o log -e trace=open,openat,ftruncate,unlink "$1" <(cat in) - <(cat half) < <(cat half) 2> /dev/null | md5sum' sh "$(bin tac)"
	[ "$output" = "$(/usr/bin/tac in half half | md5sum)" ]
	[ "$(grep -c '"t/tac[a-p]\{6\}", O_RDWR|O_CREAT|O_EXCL' log)" -eq 1 ]
	grep -q '^unlink("t/tac[a-p]\{6\}") *= 0' log
	[ "$(grep -c '^ftruncate(' log)" -eq 2 ]
	[ -z "$(ls -A t)" ]
}

@test "a pipe bigger than memory: TMPDIR as GNU's ('' is the working directory), its message" {
	seq 1 5000000 > in
	# GNU's tac makes the file for any pipe, ours past the limit only
	like_gnu() {
		(ulimit -v 30000; cat in | env "$@" - in2 2>&1 | sed 's|^[^:]*tac:|tac:|' | md5sum; echo "status ${PIPESTATUS[1]}")
	}
	echo last > in2
	[ "$(like_gnu TMPDIR=/nonexistent "$(bin tac)")" = "$(like_gnu TMPDIR=/nonexistent /usr/bin/tac)" ]
	run bash -c 'ulimit -v 30000; cat in | TMPDIR=/nonexistent "$1" - in2' sh "$(bin tac)"
	[ "$status" -eq 1 ]
	[ "$output" = "$(bin tac): failed to create temporary file in '/nonexistent': No such file or directory
last" ]
	# "" is the working directory (gnulib's file_name_concat), "/" the root
	mkdir d
	for dir in "" / /tmp/ d; do
		run bash -c 'ulimit -v 30000; cat in | TMPDIR="$2" strace -o log -e trace=open,openat "$1" 2> /dev/null | md5sum' sh "$(bin tac)" "$dir"
		[ "$output" = "$(/usr/bin/tac in | md5sum)" ]
		case $dir in
		""|/|/tmp/) grep -q "\"${dir}tac[a-p]\{6\}\", O_RDWR" log ;;
		*) grep -q "\"$dir/tac[a-p]\{6\}\", O_RDWR" log ;;
		esac
	done
}

@test "a pipe bigger than memory, a full file system: GNU's write error naming the file" {
	command -v unshare > /dev/null || skip "unshare missing"
	[ "$(id -u)" -eq 0 ] || skip "not root"
	seq 1 5000000 > in
	echo last > in2
	cat > t.sh <<'EOS'
mkdir -p small && mount -t tmpfs -o size=256k tmpfs small || exit 77
ulimit -v 30000
cat in | TMPDIR=small "$1" - in2 > out 2> err; echo "status $?"
sed 's/tac[A-Za-z0-9]\{6\}/tacXXXXXX/; s|^[^:]*tac:|tac:|' err
cat out
ls -A small
EOS
	run unshare -m bash t.sh "$(bin tac)"
	[ "$status" -ne 77 ] || skip "no tmpfs"
	[ "$output" = "status 1
tac: small/tacXXXXXX: write error: No space left on device
last" ]
	run unshare -m bash t.sh /usr/bin/tac
	[ "$output" = "status 1
tac: small/tacXXXXXX: write error: No space left on device
last" ]
}

@test "i386: a 2.6 GB record from a file, and a pipe past 4 GiB through a temporary file (not EFAULT)" {
	[ "$(arch)" = i386 ] || skip "only i386's 32-bit break can wrap"
	mem_gib 6
	# a record of 2.6 GB read from the end: the buffer's doubling passed
	# 2^32, brk lowered the break, and the move up crashed (SIGSEGV); now
	# the part over what is needed is halved until brk gives it
	truncate -s 2600000000 line
	printf '\nb\n' >> line
	run bash -c '"$1" line | cksum; echo "${PIPESTATUS[0]}"' sh "$(bin tac)"
	[ "$output" = "$({ printf 'b\n'; head -c 2600000000 /dev/zero; printf '\n'; } | cksum)
0" ]
	rm line
	# a pipe of 4.3 GB: past what i386's break holds it goes to a
	# temporary file, read with 64-bit offsets (the break's wrap once made
	# a read fail, "Unknown error 14"; then it was "memory exhausted")
	[ "$(df -k --output=avail . | tail -1)" -ge 5000000 ] || skip "needs 5 GB of disk"
	run bash -c 'yes abcdefghijklmnopqrstuvwxyz0123456789 | head -c 4300000000 | TMPDIR=. "$1" | cksum; echo "${PIPESTATUS[2]}"' sh "$(bin tac)"
	# (its last line, 4300000000 mod 37 = 8 bytes without a newline, first)
	[ "$output" = "$({ printf abcdefgh; yes abcdefghijklmnopqrstuvwxyz0123456789 | head -c 4299999992; } | cksum)
0" ]
}
