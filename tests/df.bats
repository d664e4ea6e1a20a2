#!/usr/bin/env bats
# df: the live mounts, compared with GNU's df run at the same moment. The
# used/available numbers of a busy file system can move between the two
# runs by a few blocks, so those two columns of writable mounts are
# masked, and so are the columns' widths (a busy tmpfs's Used can gain a
# digit); the rows, which mounts are hidden, the headers and every other
# field must be identical. The tests on tmpfs mounts of their own compare
# every byte.
load helpers

# mask - the Used and Available fields (and Use%) of each row replaced by
# X, keeping the widths
mask() {
	awk '{ if (NR > 1 && $1 != "") { for (i = 1; i <= NF; i++) if ($i ~ /^[0-9.]+[KMGTPE]?$/ && i > NF - 4) gsub(/./, "X", $i) } print }' "$1"
}

same_as_gnu() {
	"$(bin df)" "$@" > out 2> err && s1=0 || s1=$?
	/usr/bin/df "$@" > expected 2> experr && s2=0 || s2=$?
	[ "$s1" -eq "$s2" ]
	# the row count and each line's shape and fixed fields
	[ "$(wc -l < out)" -eq "$(wc -l < expected)" ]
	diff <(mask expected | awk '{print NF, $1, $NF}') <(mask out | awk '{print NF, $1, $NF}')
	diff <(head -1 expected) <(head -1 out)
}

@test "df without options: the same rows, widths and headers as GNU's" {
	same_as_gnu
}

@test "-T, -h, -P, -k, -a and their mixes, as GNU's" {
	same_as_gnu -T
	same_as_gnu -h
	same_as_gnu -P
	same_as_gnu -k
	same_as_gnu -a
	same_as_gnu -aT
	same_as_gnu -hT
	same_as_gnu -hP
	same_as_gnu -PT
}

@test "FILE operands: the mount each is on, as GNU's" {
	same_as_gnu / /proc /sys /dev /dev/shm "$T" /etc/passwd
	same_as_gnu -T /dev/pts/ptmx /proc/self/fd
}

@test "a missing FILE among others" {
	run "$(bin df)" nosuch /proc
	[ "$status" -eq 1 ]
	[ "${lines[0]}" = "$(bin df): nosuch: No such file or directory" ]
}

@test "write error on /dev/full" {
	dev_full_fails df /proc
}

@test "a closed pipe: killed by SIGPIPE" {
	closed_pipe_kills df
}

# in_ns SCRIPT - SCRIPT run by bash -e in a private mount namespace, so
# the tmpfs mounts it makes (of fixed sizes: numbers that hold still)
# vanish with it; DF is our df, and `like_gnu ARGS...` compares its stdout,
# stderr and status with GNU's, byte for byte
in_ns() {
	unshare -m true 2>/dev/null || skip "cannot unshare a mount namespace"
	DF="$(bin df)" unshare -m --propagation private bash -ec '
like_gnu() {
	"$DF" "$@" > out 2> err && s1=0 || s1=$?
	/usr/bin/df "$@" > expected 2> experr && s2=0 || s2=$?
	e1=$(<err) e2=$(<experr)
	[ "$s1" -eq "$s2" ] && cmp -s expected out && [ "${e1//$DF:/df:}" = "${e2//\/usr\/bin\/df:/df:}" ] ||
		{ echo "df $*: status $s1, GNU $s2"; diff expected out; diff experr err; exit 1; }
}
'"$1"
}

@test "-i, -h, -H, -B, -P, --output on a tmpfs of a fixed size, as GNU's" {
	in_ns '
mkdir m
mount -t tmpfs -o size=10300k,nr_inodes=1234 tmpfs m
head -c 3333333 /dev/zero > m/f
touch m/a m/b
for o in "" -i -h -H -ih -iH -T -P -Pi -Ph -k -m -B1 -B3 -B7 -B999 -B1000 \
	-B1025 -B1536 -BK -BKB -BKiB -BM -BMB -B1M -BG -BE -B8E -Bhuman -Bsi \
	"-B'\''1K" -hT --output --output=size,avail,pcent -h\ --output \
	"-H --output=itotal,iused,iavail,ipcent,file"; do
	like_gnu $o m
done
like_gnu -i m/f
for b in 1k 1KB 3 99999999999999999999; do
	DF_BLOCK_SIZE=$b like_gnu m
	BLOCK_SIZE=$b like_gnu -i m
	BLOCKSIZE=$b like_gnu --output=size m
done
POSIXLY_CORRECT=1 like_gnu -P m
POSIXLY_CORRECT=1 like_gnu m
'
}

@test "no /proc (an initramfs): GNU's 'cannot read table of mounted file systems', a FILE's row of '-' with its mount point found by walking up, as GNU's" {
	in_ns '
mkdir m
mount -t tmpfs -o size=10300k,nr_inodes=1234 tmpfs m
mkdir -p m/d/e
echo x > m/d/e/f
ln -s d/e/f m/l
umount -l /proc
like_gnu
for o in m m/d/e/f m/l m/d/e --output=source,fstype,target,file,size "-a m" "-l m" "-t tmpfs m" \
	"-x ext4 m" "-T m" "--total m m/d" "nosuch m" /dev/null; do
	like_gnu $o
done
like_gnu -i m/l m/d/../d/e
'
}

@test "no /proc, a directory on the way that cannot be entered: GNU's 'cannot change to directory', the status kept" {
	command -v setpriv > /dev/null || skip "setpriv missing"
	chmod 755 "$T"
	in_ns '
mkdir m
mount -t tmpfs -o size=10300k,nr_inodes=1234 tmpfs m
mkdir -p m/p/q/r m/o "m/a b/p" m/x
chmod 711 m
chmod 700 m/p "m/a b/p"
chmod 755 m/o m/p/q m/x
umount -l /proc
nobody_like_gnu() {
	setpriv --reuid=65534 --regid=65534 --clear-groups "$DF" "$@" > out 2> err && s1=0 || s1=$?
	setpriv --reuid=65534 --regid=65534 --clear-groups /usr/bin/df "$@" > expected 2> experr && s2=0 || s2=$?
	e1=$(<err) e2=$(<experr)
	[ "$s1" -eq "$s2" ] && cmp -s expected out && [ "${e1//$DF:/df:}" = "${e2//\/usr\/bin\/df:/df:}" ] ||
		{ echo "df $*: status $s1, GNU $s2"; diff expected out; diff experr err; exit 1; }
	case $e1 in *"cannot change to directory"*) ;; *) echo "df $*: no message"; exit 1;; esac
}
nobody_like_gnu m/p
nobody_like_gnu m/p m/o
nobody_like_gnu "m/a b/p" --output=target m/x
cd m/p/q
nobody_like_gnu r
nobody_like_gnu .
nobody_like_gnu -T r/
'
}

@test "-h and -H rounding up at every size and inode count, as GNU's" {
	in_ns '
mkdir m
for s in 999k 1025k 10239k 1048577k; do
	for n in 1000 1023 10241; do
		mount -t tmpfs -o size=$s,nr_inodes=$n tmpfs m
		head -c $((n * 77)) /dev/zero > m/f 2>/dev/null || :
		like_gnu -h --output=size,used,avail,itotal,iused,iavail m
		like_gnu -H --output=size,used,avail,itotal,iused,iavail m
		like_gnu -B999 m
		umount m
	done
done
'
}

@test "--total: the FILE rows summed, with -h, -i and --output, as GNU's" {
	in_ns '
mkdir m1 m2
mount -t tmpfs -o size=10300k,nr_inodes=1234 tmpfs m1
mount -t tmpfs -o size=3m,nr_inodes=99 tmpfs m2
head -c 3333333 /dev/zero > m1/f
touch m2/a
for o in "" -h -H -i -ih -T -BM "--output=target,size,used" "--output=source,itotal" --output; do
	like_gnu --total $o m1 m2 /proc
done
'
}

@test "-t, -x, -l and the remote duplicates on the mount list, as GNU's" {
	in_ns '
mkdir r1 r2 r3 l1
mount -t tmpfs -o size=2m srv:/export r1
mount --bind r1 r2
mount -t tmpfs -o size=3m other:/x r3
mount -t tmpfs -o size=4m //host/share l1
mount --bind r3 r3
for o in "" -l -a "-a -l" --total "--total -l" "-x proc" "-t tmpfs -x tmpfs" \
	"-a -t proc -t sysfs" "-t tmpfs -t proc" "-F tmpfs"; do
	like_gnu $o --output=source,fstype,target
	like_gnu $o --output=source,target -t tmpfs
done
like_gnu -l r1 r3 l1
like_gnu -t tmpfs -x proc r1 /proc l1
like_gnu -t nosuchfs
like_gnu -t a -x a -t b -x b
'
}

@test "control characters in a source or mount point print as ?, as GNU's" {
	in_ns '
mkdir "$(printf "c\td\ne")" "sp ace"
mount -t tmpfs -o size=4m "$(printf "we\tird")" "$(printf "c\td\ne")"
mount -t tmpfs -o size=5m "x y" "sp ace"
like_gnu --output=source,target -t tmpfs
like_gnu "$(printf "c\td\ne")" "sp ace"
'
}

@test "a device node FILE: the mount of that device (nearest the root), or over-mounted, as GNU's" {
	in_ns '
mknod dn c 1 3
mkdir -p m1 m2/deep m3
mount -t tmpfs -o size=1m "$PWD/dn" m2/deep
mount -t tmpfs -o size=2m "$PWD/dn" m1
like_gnu dn
like_gnu --output=source,fstype,target,file dn /dev/null
ln -s dn link
like_gnu link
mount -t tmpfs -o size=3m other m1
mount -t tmpfs -o size=3m other m2/deep
like_gnu dn
like_gnu dn /proc
mknod "d n" c 1 3
mknod "it'\''s" c 1 3
mount -t tmpfs "$PWD/d n" m3
mount -t tmpfs "$PWD/it'\''s" m3
mount -t tmpfs x m3
like_gnu "d n" "it'\''s"
'
}

@test "an unreadable FILE: GNU's message, the others shown" {
	mkdir d
	touch d/f
	chmod 700 d
	chmod 755 "$T"
	as_nobody
	run "${as[@]}" "$(bin df)" --output=target d/f /proc
	[ "$status" -eq 1 ]
	[ "${lines[0]}" = "$(bin df): d/f: Permission denied" ]
	[ "${lines[1]}" = "Mounted on" ]
	[ "${lines[2]}" = "/proc" ]
	run "${as[@]}" /usr/bin/df --output=target d/f /proc
	[ "${lines[0]}" = "/usr/bin/df: d/f: Permission denied" ]
}

@test "more than 16 -t or -x types: this df's limit, a clear error" {
	run "$(bin df)" -x a -x b -x c -x d -x e -x f -x g -x h -x i -x j -x k -x l -x m -x n -x o -x p -x q
	[ "$status" -eq 1 ]
	[ "$output" = "$(bin df): too many file system types for this df" ]
	run "$(bin df)" -t a -t b -t c -t d -t e -t f -t g -t h -t i -t j -t k -t l -t m -t n -t o -t proc -x q /proc
	[ "$status" -eq 0 ]
}

@test "peak RSS: 16 KiB for the mount list, and with a FILE" {
	# one BSS page holds the variables, obuf (with the statx and statfs
	# records), the mountinfo text, the mounts, the rows and their numbers
	# while mountinfo is under about 1.4 KiB (20 mounts on the project's
	# machines); each KiB more of it may add a page (-aT's rows of 21
	# mounts in 1549 bytes of mountinfo took a second page)
	local kib=16 n
	n=$(wc -c < /proc/self/mountinfo)
	[ "$n" -le 1400 ] || kib=$((16 + 4 * ((n - 1400 + 1023) / 1024)))
	rss_at_most $kib df
	rss_at_most $kib df -h
	rss_at_most $kib df -aT
	touch f
	rss_at_most $kib df f             # (canonicalize's name in the arena)
	rss_at_most $kib df --print-type /proc
	rss_at_most $kib df -i
	rss_at_most $kib df -H
	rss_at_most $kib df --total
	rss_at_most $kib df --output=source,size,avail,target
	rss_at_most $kib df -l -x tmpfs
	rss_at_most $kib df -t proc -a
	rss_at_most $kib df -ih --total /proc
}

@test "a FILE whose mount by name is covered: the last other mount of its device, as GNU's (a tmpfs bind-mounted twice)" {
	in_ns '
mkdir a b c
mount -t tmpfs -o size=1m tmpA a
mkdir a/sub
mount --bind a b
mount --bind a c
cd a/sub
mount -t tmpfs -o size=1m tmpB ../../a
like_gnu --output=source,target,fstype .
like_gnu -a --output=source,target,file .
'
}

@test "a FILE past PATH_MAX (the kernel names it not): the mount of its nearest named ancestor, else the last of its device, as GNU's" {
	in_ns '
mkdir src dst
mount --bind src dst
d=$(printf "d%.0s" $(seq 200))
cd dst
for i in $(seq 25); do mkdir $d; cd $d; done
echo x > f
like_gnu --output=source,target f
like_gnu --output=source,target,file f ../$d
'
}
