#!/usr/bin/env bats
# ls -l's local time through rt/localtime.inc (glibc 2.36's zone rules):
# what difftest cannot make: zone files over 16 and 64 KiB (glibc reads
# any size: ours maps the file), times relative to now (the HH:MM of
# recent ones) in zones whose DST takes posixrules or whose offsets are
# clamped, a right/ zone's leap seconds over several listings, and the
# peak RSS of the rare zones (rt/localtime.inc's rare code in .qsec).
load helpers

# gnu_tz TZ ARGS... - ours and GNU's ls ARGS with TZ (unset for "-"):
# same stdout, stderr and status
gnu_tz() {
	local z=$1 s1=0 s2=0 e=(env)
	shift
	if [ "$z" = - ]; then e+=(-u TZ); else e+=("TZ=$z"); fi
	"${e[@]}" "$(bin ls)" "$@" > "$T/ours" 2> "$T/oerr" || s1=$?
	"${e[@]}" /usr/bin/ls "$@" > "$T/gnus" 2> "$T/gerr" || s2=$?
	sed -i "s|^$(bin ls):|ls:|" "$T/oerr"
	sed -i "s|^/usr/bin/ls:|ls:|" "$T/gerr"
	[ "$s1" -eq "$s2" ] && cmp -s "$T/gnus" "$T/ours" && cmp -s "$T/gerr" "$T/oerr" ||
		{ echo "TZ=$z ls $*: status $s1/$s2"; diff "$T/gnus" "$T/ours"; diff "$T/gerr" "$T/oerr"; return 1; }
}

# rss_tz KIB TZ ARGS... - ls ARGS in an empty environment with TZ: peak
# RSS at most KIB KiB, status 0
rss_tz() {
	local kb st
	read -r kb st < <(env -i TZ="$2" "$BATS_TEST_DIRNAME/../build/harness/rss" "$(bin ls)" "${@:3}" 2>&1 >/dev/null)
	[ "$st" -eq 0 ] && [ "$kb" -le "$1" ] || { echo "TZ=$2 ls ${*:3}: $kb KiB, status $st"; return 1; }
}

@test "zone files over 16 KiB and 64 KiB read whole, as glibc (the old ls took them for POSIX strings)" {
	command -v python3 >/dev/null || skip "no python3 to write the zone files"
	big_zone "$PWD/big" 6000 XST5XDT,M3.2.0,M11.1.0
	big_zone "$PWD/mid" 1100 XST5XDT,M3.2.0,M11.1.0
	[ "$(stat -c %s big)" -gt 100000 ]
	[ "$(stat -c %s mid)" -gt 16384 ]
	mkdir w zd && cp big zd/Big
	local t
	for t in -14182940400 -2208988800 1688212800 1701432000 4118054400 143900000000 162900000000; do
		touch -d "@$t" "w/t$t"
		touch -d "@$((t + 7200))" "w/u$t"
	done
	gnu_tz "$PWD/big" --full-time w
	gnu_tz "$PWD/mid" --full-time w
	gnu_tz "$PWD/mid" -l w
	gnu_tz ":$PWD/big" -l --time-style=+%z w
	gnu_tz "$PWD/big" -l '--time-style=+%z %Z' w w
	gnu_tz "$PWD/mid" -lR '--time-style=+%Z %:z' w
	TZDIR=$PWD/zd gnu_tz Big --full-time w
	# two listings: the zone read (mapped) again for the second
	gnu_tz "$PWD/big" --full-time w w
}

# Relative to now, so that HH:MM shows: a week apart over the last year
# crosses every change, some at an hour around midnight.
@test "-l: recent times in zones with posixrules, clamped offsets, malformed rules, like GNU" {
	mkdir w && cd w
	local now i z
	now=$(date +%s)
	for ((i = 0; i < 60; i++)); do
		touch -d "@$((now - i * 604800 - i * 3719))" "w$i"
	done
	for z in CET-1CEST XXX3YYY 'EST5EDT,' '<+03>-3<+04>' AAA0BBB2 EST99 EST-25 \
		EST-24:59:59EDT-25 'EST+ 5' EST5EDT,M0,M11.1.0 EST5EDT,J60,J300 \
		EST5EDT,M3.2.0/99999,M11.1.0/-99999 :CET-1CEST :right/Europe/Paris \
		right/America/New_York; do
		gnu_tz "$z" -lt
	done
	TZDIR=/usr/share/zoneinfo/right gnu_tz Asia/Tokyo -lt
}

@test "a right/ zone's leap seconds (%z, :60) over several listings and -R, like GNU" {
	mkdir -p w/d/e
	local t
	for t in 78796799 78796800 78796801 1483228825 1483228826 1483228827 1700000000; do
		touch -d "@$t" "w/f$t" "w/d/g$t" "w/d/e/h$t"
	done
	for z in right/Europe/Paris right/UTC :right/America/New_York; do
		gnu_tz "$z" --full-time -R w
		gnu_tz "$z" -lR '--time-style=+%F %T %z %s' w
		gnu_tz "$z" -lR w
	done
}

# The rare zones map .qsec (rt/localtime.inc's rare code): a page more;
# Europe/Paris and UTC none, up to 11 short names (the zone read into the
# listing's free bytes of the variables' page; posixrules' New York file
# leaves room for fewer)
@test "-l's peak RSS: 16 KiB in Europe/Paris up to 11 names, 20 in rare zones" {
	[ "$(wc -c < /etc/passwd)" -lt 1300 ] || skip "/etc/passwd is too big for arena0's free bytes here"
	mkdir w && cd w
	touch a b c d e f g h i j k
	rss_tz 16 Europe/Paris -l
	rss_tz 16 UTC -l
	rss_tz 16 EST5EDT,M3.2.0,M11.1.0 -l
	rss_tz 16 Asia/Kolkata -l
	rss_tz 28 Europe/Paris --full-time
	mkdir ../v && cd ../v && touch a b c
	rss_tz 20 CET-1CEST -l
	rss_tz 20 right/UTC -l
	rss_tz 20 right/Europe/Paris -l
	rss_tz 20 EST5EDT,J60,J300 -l
}

@test "%Z: the zone's abbreviation as glibc's tm_zone (zone files, footers, TZ strings, posixrules), over listings and -R, like GNU" {
	mkdir -p w/d
	local t z
	for t in -3000000000 -1 0 1600000000 1700000000 4102444800 253402300799; do
		touch -d "@$t" "w/f$t" "w/d/g$t"
	done
	for z in Europe/Paris Asia/Kolkata America/Sao_Paulo Factory right/Europe/Paris \
		UTC EST5EDT AAA3BBB 'AAA3BBB,' '<+0330>-3:30<+0430>,J79/24,J263/24' \
		'<-00>0' ABC 'ABC:5' 123 /nonexistent : EST5AB,M3.2.0,M11.1.0 \
		ABCDEFGHIJKLMNOPQRSTUVWXYZ5; do
		gnu_tz "$z" -lR '--time-style=+%F %T %Z %z' w
		gnu_tz "$z" -l --time-style=$'+%Z\n%Z %z' w
	done
	gnu_tz - -l --time-style=+%Z w
	gnu_tz "" -l --time-style=+%Z w
}

@test "%z at offset 0 in a zone named -00 (Factory): -0000, as GNU's nstrftime" {
	touch -d @0 a
	touch -d @1700000000 b
	local z
	for z in Factory '<-00>0' '<-00>0<-01>,M3.2.0,M11.1.0' America/Sao_Paulo; do
		gnu_tz "$z" --full-time a b
		gnu_tz "$z" -l --time-style=+%z a b
	done
}

# years a tmpfs can keep (64-bit seconds): before 1000, before 1, past 9999
@test "years before 1000, before 1 and past 9999 (tmpfs): -l, %Y %C %y %G %g %F %c, as GNU's nstrftime" {
	shm_dir years
	cd "$shm"
	local t
	for t in -100000000000 -65000000000 -62198755200 -62167219200 -62135596801 \
		-62135596800 -59042966400 -31536000000 -30610224000 253402300800 3000000000000; do
		touch -d "@$t" "f$t" || skip "this tmpfs keeps no such time"
	done
	[ "$(stat -c %Y f-100000000000)" = -100000000000 ] || skip "this tmpfs keeps no such time"
	local z s
	for z in UTC Europe/Paris; do
		gnu_tz "$z" -l .
		gnu_tz "$z" --full-time .
		for s in '+%Y|%C|%y|%G|%g|%F|%c|%D' long-iso iso $'+%F\n%F'; do
			gnu_tz "$z" -l "--time-style=$s" .
		done
	done
}
