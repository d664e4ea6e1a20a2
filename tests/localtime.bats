#!/usr/bin/env bats
# rt/localtime.inc (touch's local time): what difftest cannot make, zone
# files bigger than the utilities' buffers (glibc reads any size: ours maps
# the file, so its pages count in the peak RSS), compared with GNU's touch.
load helpers

# big_zone FILE N FOOTER - a TZif version 2 file of N years of two changes
# (EST/EDT from the year 1000 on, in March and October), FOOTER its POSIX
# string: 9 bytes a change in the 64-bit part, 5 in the 32-bit one
big_zone() {
	python3 - "$@" <<'EOF'
import struct, sys
path, years, footer = sys.argv[1], int(sys.argv[2]), sys.argv[3].encode()
trans, idx = [], []
for y in range(1000, 1000 + years):
    d = (y - 1970) * 365 + (y - 1) // 4 - 492 - ((y - 1) // 100 - 19) + ((y - 1) // 400 - 4)
    trans += [d * 86400 + 74 * 86400 + 7 * 3600, d * 86400 + 288 * 86400 + 6 * 3600]
    idx += [1, 0]
types = [(-18000, 0, 0), (-14400, 1, 4)]
def block(size):
    head = b'TZif2' + bytes(15) + struct.pack('>6l', 2, 2, 0, len(trans), 2, 8)
    t = [x if size == 8 else max(min(x, 2**31 - 1), -2**31) for x in trans]
    return head + struct.pack('>%d%s' % (len(t), 'q' if size == 8 else 'l'), *t) + bytes(idx) \
        + b''.join(struct.pack('>lBB', *x) for x in types) + b'EST\0EDT\0' + bytes(4)
open(path, 'wb').write(block(4) + block(8) + b'\n' + footer + b'\n')
EOF
}

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
	[ "$(stat -c %s big)" -gt 100000 ] && [ "$(stat -c %s mid)" -gt 16384 ]
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
