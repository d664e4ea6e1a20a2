#!/usr/bin/env bats
# rt/localtime.inc (touch's local time): what difftest cannot make, zone
# files bigger than the utilities' buffers (glibc reads any size: ours maps
# the file, so its pages count in the peak RSS), compared with GNU's touch.
load helpers

touch_like_gnu() {
	local tz=$1; shift
	rm -f a b
	env TZ="$tz" "$(bin touch)" "$@" a
	env TZ="$tz" /usr/bin/touch "$@" b
	[ "$(stat -c %Y a)" = "$(stat -c %Y b)" ] || { echo "TZ=$tz touch $*: $(stat -c %Y a), GNU $(stat -c %Y b)"; return 1; }
}

@test "zone files over 64 KiB (and over 16 KiB) read whole, as glibc" {
	command -v python3 >/dev/null || skip "no python3 to write the zone files"
	big_zone "$PWD/big" 6000 XST5XDT,M3.2.0,M11.1.0
	big_zone "$PWD/mid" 1100 XST5XDT,M3.2.0,M11.1.0
	[ "$(stat -c %s big)" -gt 100000 ]
	[ "$(stat -c %s mid)" -gt 16384 ]
	local z d
	for z in "$PWD/big" "$PWD/mid"; do
		for d in "1500-07-01 12:00" "2023-07-01 12:00" "2023-12-01 12:00" "2100-07-01 12:00" "6500-07-01 12:00" "7100-07-01 12:00"; do
			touch_like_gnu "$z" -d "$d"
		done
		touch_like_gnu "$z" -t 202307011200
		touch_like_gnu "$z" -t 202301011200
	done
	mkdir zd && cp big zd/Big
	TZDIR=$PWD/zd touch_like_gnu Big -t 202307011200
}

@test "a big zone file: peak RSS at most a small run's, the buffer read and the file" {
	command -v python3 >/dev/null || skip "no python3 to write the zone files"
	big_zone "$PWD/big" 6000 XST5XDT,M3.2.0,M11.1.0
	local kb st max=$((24 + 64 + $(stat -c %s big) / 1024))   # (touch reads 64 KiB first)
	read -r kb st < <(env -i TZ="$PWD/big" "$BATS_TEST_DIRNAME/../build/harness/rss" "$(bin touch)" -t 101007011200 f 2>&1 >/dev/null)
	[ "$st" -eq 0 ] && [ "$kb" -le "$max" ] || { echo "$kb KiB (at most $max), status $st"; return 1; }
}
