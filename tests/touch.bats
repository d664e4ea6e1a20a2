#!/usr/bin/env bats
# touch: what difftest cannot run: the user cases as a non-root user, a
# read-only file system, local times against GNU's (and a version 1 zone file), the
# current year of a short -t, and the peak RSS.
load helpers

@test "the user cases as a non-root user" {
	user_cases touch
}

@test "a read-only file system: GNU's messages, the other operand still made" {
	mkdir ro && touch ro/old
	local m="%s: cannot touch 'ro/f': Read-only file system\n%s: cannot touch 'ro/old': Read-only file system"
	ro_fs_fails touch "$m" ro/f ro/old f
	[ -f f ]
	ro_fs_fails /usr/bin/touch "$m" ro/f ro/old
}

@test "local times in the zone of TZ or /etc/localtime, as GNU; zones and epochs still work" {
	local tz d
	for tz in Europe/Paris America/New_York Asia/Kolkata "" ; do
		for d in "2020-01-02" "2024-10-27 02:30" "1900-01-01 00:00"; do
			env TZ="$tz" "$(bin touch)" -d "$d" a
			env TZ="$tz" /usr/bin/touch -d "$d" b
			[ "$(stat -c %Y a)" = "$(stat -c %Y b)" ]
		done
	done
	env -u TZ "$(bin touch)" -t 202001020304 a
	env -u TZ /usr/bin/touch -t 202001020304 b
	[ "$(stat -c %Y a)" = "$(stat -c %Y b)" ]
	run env TZ=Europe/Paris "$(bin touch)" -d "2024-03-31 02:30" f
	[ "$status" -eq 1 ]
	[ "$output" = "$(bin touch): invalid date format '2024-03-31 02:30'" ]
	[ ! -e f ]
	env TZ=Europe/Paris "$(bin touch)" -d 2020-01-02T03:04:05+01:00 f
	[ "$(stat -c %Y f)" = 1577930645 ]
	env TZ=:UTC "$(bin touch)" -d 2020-01-02 g
	[ "$(stat -c %Y g)" = 1577923200 ]
}

@test "a version 1 zone file (32-bit data only, no footer) as glibc reads it" {
	# Europe/Paris's header and 32-bit block with the version byte cleared
	python3 - /usr/share/zoneinfo/Europe/Paris v1 <<-'PY'
	import struct, sys
	b = open(sys.argv[1], 'rb').read()
	isut, isstd, leap, tc, ty, ch = struct.unpack('>6l', b[20:44])
	n = 44 + tc * 5 + ty * 6 + ch + leap * 8 + isstd + isut
	open(sys.argv[2], 'wb').write(b[:4] + b'\0' + b[5:n])
	PY
	local d
	for d in "1950-06-01 12:00" "2024-07-01 12:00" "2037-07-01 12:00" "2050-07-01 12:00"; do
		env TZ="$PWD/v1" "$(bin touch)" -d "$d" a
		env TZ="$PWD/v1" /usr/bin/touch -d "$d" b
		[ "$(stat -c %Y a)" = "$(stat -c %Y b)" ]
	done
}

@test "-t MMDDhhmm takes the current year, as GNU" {
	TZ=UTC "$(bin touch)" -t 01020304 a
	TZ=UTC /usr/bin/touch -t 01020304 b
	[ "$(stat -c %Y a)" = "$(stat -c %Y b)" ]
}

@test "dates past 2038 and before 1901 on both arches" {
	TZ=UTC "$(bin touch)" -d "2100-03-01 00:00:01" a
	TZ=UTC "$(bin touch)" -d @-3000000000 b
	[ "$(stat -c %Y a)" = 4107542401 ]
	TZ=UTC /usr/bin/touch -d @-3000000000 c    # (the file system may clamp it)
	[ "$(stat -c %Y b)" = "$(stat -c %Y c)" ]
}

@test "peak RSS" {
	rss_at_most 16 touch f
	rss_at_most 16 touch -d @5 -m g
	# a first operand of digits asks the environment for _POSIX2_VERSION
	# in the hot part: the obsolete MMDDhhmm form's code stays unmapped
	rss_at_most 16 touch 2024-notes h
	rss_at_most 16 touch 01021530 h
	local kb st
	# GNU's date grammar is in the cold part (its pages, and the tokens'
	# page, only when a DATE is no @EPOCH): 24 KiB. (x86_64 reads -r's
	# times with newfstatat, sys.inc's stat_times: statx's fallback for
	# kernels before 4.11 had taken the cold part's end past a page; glibc
	# 2.36's mktime with now's tm_isdst for relative items, rel_hint, took
	# it past its third page: 28, as the kernel maps a segment's pages
	# around a fault.)
	local dmax=28
	read -r kb st < <(env -i TZ=Europe/Paris "$BATS_TEST_DIRNAME/../build/harness/rss" "$(bin touch)" -d "2024-07-01 12:00" h 2>&1 >/dev/null)
	[ "$st" -eq 0 ] && [ "$kb" -le $dmax ] || { echo "touch -d local: $kb KiB, status $st"; return 1; }
	read -r kb st < <(env -i TZ=Europe/Paris "$BATS_TEST_DIRNAME/../build/harness/rss" "$(bin touch)" -d "next monday 10:00" h 2>&1 >/dev/null)
	[ "$st" -eq 0 ] && [ "$kb" -le $dmax ] || { echo "touch -d relative: $kb KiB, status $st"; return 1; }
	read -r kb st < <(env -i TZ=America/New_York "$BATS_TEST_DIRNAME/../build/harness/rss" "$(bin touch)" -t 01020304 h 2>&1 >/dev/null)
	[ "$st" -eq 0 ] && [ "$kb" -le 16 ] || { echo "touch -t local: $kb KiB, status $st"; return 1; }
}

@test "100 operands and a bad one, as GNU (i386: the vDSO after 32 calls)" {
	hundred_operands_like_gnu files touch
}

# like_gnu_now TZ DATE... - each DATE relative to now: GNU's touch, ours,
# GNU's again, at once; ours must fall between GNU's two (to the
# nanosecond: a DATE keeping now's time of day moves with the clock, one
# with a fixed time is equal on all three), or fail when GNU's does.
like_gnu_now() {
	local tz=$1 d g1 o g2
	shift
	for d in "$@"; do
		rm -f g1 o g2
		if ! TZ=$tz /usr/bin/touch -d "$d" g1 2>/dev/null; then
			! TZ=$tz "$(bin touch)" -d "$d" o 2>/dev/null || {
				echo "ours took '$d' in $tz, GNU's refused it"; return 1; }
			continue
		fi
		TZ=$tz "$(bin touch)" -d "$d" o || { echo "ours refused '$d' in $tz"; return 1; }
		TZ=$tz /usr/bin/touch -d "$d" g2
		g1=$(stat -c %.9Y g1); o=$(stat -c %.9Y o); g2=$(stat -c %.9Y g2)
		g1=${g1/./}; o=${o/./}; g2=${g2/./}
		[ "$g1" -le "$o" ] && [ "$o" -le "$g2" ] || {
			echo "'$d' in $tz: GNU $g1 .. $g2, ours $o"; return 1; }
	done
}

@test "dates relative to now as GNU's (UTC, Paris, New York)" {
	like_gnu_now UTC yesterday "1 day ago" "2 hours ago" "-3 days" \
		"+1 week" tomorrow now today "next monday" "last friday" \
		"this thursday" 10:00 10:00pm "now - 30 minutes" "Jan 2" "2 Jan" \
		"1 month ago" UTC EST "monday 10:00" "1.5 seconds ago" "" 1230
	like_gnu_now Europe/Paris yesterday "2 hours ago" "next monday" \
		10:00 "1 month ago" CET CEST EST "" "2020-01-02 10:00 +2 days"
	like_gnu_now America/New_York tomorrow "1 year" "last friday" \
		10:00pm EST EDT CET "Jan 2" now
}

@test "words GNU refuses are refused with its message" {
	local d
	for d in noon midnight jan "1 day ago ago" "10:00 11:00" 13pm; do
		run "$(bin touch)" -d "$d" f
		[ "$status" -eq 1 ]
		[ "${output#*: }" = "invalid date format '$d'" ]
		run /usr/bin/touch -d "$d" f
		[ "$status" -eq 1 ]
	done
	[ ! -e f ]
}

@test "-d now sets the times as GNU's: to now (and a relative -d to now's)" {
	"$(bin touch)" -d now a
	"$(bin touch)" -d "1 day ago" b
	[ "$(( $(date +%s) - $(stat -c %Y a) ))" -le 2 ]
	[ "$(( $(stat -c %Y a) - $(stat -c %Y b) ))" -ge 86398 ]
}
