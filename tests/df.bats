#!/usr/bin/env bats
# df: the live mounts, compared with GNU's df run at the same moment. The
# used/available numbers of a busy file system can move between the two
# runs by a few blocks, so those two columns of writable mounts are
# masked; the rows, which mounts are hidden, the columns' widths, the
# headers and every other field must be identical.
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
	diff <(mask expected | awk '{print length($0), $1, $NF}') <(mask out | awk '{print length($0), $1, $NF}')
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

@test "peak RSS: 16 KiB for the mount list, and with a FILE" {
	# one BSS page holds the variables, obuf (with the statx and statfs
	# records), the mountinfo text, the mounts, the rows and their numbers
	# while mountinfo is about 1.5 KiB (20 mounts on the project's
	# machines); each KiB more of it may add a page
	local kib=16 n
	n=$(wc -c < /proc/self/mountinfo)
	[ "$n" -le 1550 ] || kib=$((16 + 4 * ((n - 1550 + 1023) / 1024)))
	rss_at_most $kib df
	rss_at_most $kib df -h
	rss_at_most $kib df -aT
	touch f
	rss_at_most $kib df f             # (canonicalize's name in the arena)
	rss_at_most $kib df --print-type /proc
}
