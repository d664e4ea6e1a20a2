#!/usr/bin/env bats
# wc: what difftest cannot express: a 100 MiB line, the SIMD loops against
# GNU on random data of every kind and size, SIGPIPE, an unreadable file as
# a non-root user, a sparse file past 4 GiB (64-bit counts on i386), a
# name longer than the output buffer, GNU's width from the sizes, and an
# --files0-from list over 10 MiB.
load helpers

# same ARGS... - our wc and GNU's print the same bytes and status
same() {
	local ours gnu so sg
	ours=$("$(bin wc)" "$@" 2>/dev/null); so=$?
	gnu=$(/usr/bin/wc "$@" 2>/dev/null); sg=$?
	[ "$ours" = "$gnu" ] && [ "$so" = "$sg" ] || {
		echo "wc $*: ours [$ours] $so, GNU [$gnu] $sg"; return 1; }
}

@test "a 100 MiB line (and one without a newline): every option as GNU" {
	head -c 104857600 /dev/zero | tr '\0' x > line
	echo >> line
	head -c 104857600 /dev/zero | tr '\0' ' ' > spaces
	printf 'tail' >> spaces
	for o in -l -w -c -m -L -lwc -lwmcL; do
		same $o line
		same $o spaces
		same $o line spaces
	done
	"$(bin wc)" -L < line > out
	/usr/bin/wc -L < line > expected
	cmp expected out
}

@test "random data of many kinds and sizes: the SIMD loops agree with GNU" {
	python3 - <<'PY'
import random
random.seed(7)
alph = b' \n\t\r\x0b\x0cab\x00\x01\x80\xff\x7f~!\x1f'
words = [b'hello', b'x', b'  ', b'\n', b'\t', b'abc def', b'\n\n']
for i in range(24):
    n = random.choice([0, 1, 15, 16, 17, 63, 64, 65, 1000, 131071, 131072, 131137, 300000])
    k = i % 3
    if k == 0:
        d = bytes(random.choice(alph) for _ in range(n))
    elif k == 1:
        d, m = [], 0    # (joined once: += of bytes copied 300 KB a word)
        while m < n:
            d.append(random.choice(words))
            m += len(d[-1])
        d = bytearray(b''.join(d)[:n])
        for _ in range(3):
            if n:
                d[random.randrange(n)] = random.choice([0, 1, 0x80, 0x7f])
        d = bytes(d)
    else:
        d = bytes(random.randrange(256) for _ in range(n))
    open('r%02d' % i, 'wb').write(d)
PY
	untraced each_random_file
	same r*
	same -l r*
}

# each_random_file - every option on each file r*, and stdin, as GNU
each_random_file() {
	for f in r*; do
		for o in -l -w -L -lwc -lwmcL; do
			same $o "$f"
		done
		"$(bin wc)" < "$f" > out
		/usr/bin/wc < "$f" > expected
		cmp expected out
	done
}

@test "NUL bytes, a last line without newline, empty input" {
	printf 'a\0b\0\n\0 c\0 d' > nul
	: > empty
	for o in -l -w -c -L -lwc; do
		same $o nul
		same $o empty
		same $o nul empty
	done
	run "$(bin wc)" < /dev/null
	[ "$output" = "      0       0       0" ]
}

@test "binary input: the bytes of /bin/sh" {
	same /bin/sh
	same -L /bin/sh
	same -w /bin/sh
}

@test "missing, unreadable and directory operands as a non-root user" {
	echo secret > locked
	echo open > free
	chmod 000 locked
	mkdir dir
	chmod 755 "$T"
	as=()
	if [ "$(id -u)" -eq 0 ]; then
		command -v setpriv > /dev/null || skip "setpriv missing"
		as=(setpriv --reuid=65534 --regid=65534 --clear-groups)
	fi
	"${as[@]}" "$(bin wc)" free locked nosuch dir free > out 2> err && false
	"${as[@]}" /usr/bin/wc free locked nosuch dir free > expected 2> experr && false
	cmp expected out
	sed "s|^$(bin wc):|wc:|" err > ours
	sed 's|^/usr/bin/wc:|wc:|' experr | cmp - ours
	ours=$(cat err)
	grep -q 'locked: Permission denied' <<<"$ours"
	grep -q 'nosuch: No such file or directory' <<<"$ours"
	grep -q 'dir: Is a directory' <<<"$ours"
}

@test "/dev/full: 'write error' once at the end, status 1, as GNU" {
	echo x > a
	sh_fails 1 wc 'write error' '"$1" a > /dev/full'
	run sh -c '"$1" a nosuch a > /dev/full' sh "$(bin wc)"
	[ "$status" -eq 1 ]
	[ "$output" = "$(printf '%s: nosuch: No such file or directory\n%s: write error' "$(bin wc)" "$(bin wc)")" ]
}

@test "SIGPIPE: killed by it when the reader is gone, as GNU" {
	seq 1 100000 > big
	closed_pipe_kills wc big
	closed_pipe_kills /usr/bin/wc big
	run bash -c 'trap "" PIPE; python3 -c "
import os, subprocess, sys
r, w = os.pipe()
os.close(r)
p = subprocess.run([sys.argv[1], \"big\"], stdout=w, stderr=subprocess.PIPE, restore_signals=False)
print(p.returncode, p.stderr.decode().split(\": \", 1)[1])" "$1"' sh "$(bin wc)"
	[ "$output" = "$(printf '1 write error\n')" ]
}

@test "a sparse file past 4 GiB: 64-bit counts on both arches" {
	shm_sparse 4831838208
	[ "$sparse" = "$T/sparse" ] || ln -s "$sparse" sparse	# (tmpfs: no page cache filled)
	run "$(bin wc)" -c sparse
	[ "$output" = "4831838208 sparse" ]
	printf 'a b\n' >> sparse
	run "$(bin wc)" sparse
	[ "$output" = "         1          2 4831838212 sparse" ]
}

@test "a name longer than the output buffer, and one with newlines" {
	n=$(printf 'n%.0s' $(seq 1 250))
	mkdir -p "$n/$n/$n/$n"
	f="$n/$n/$n/$n/$(printf 'x\ny')"
	echo 'a b' > "$f"
	"$(bin wc)" "$f" "$f" > out
	/usr/bin/wc "$f" "$f" > expected
	cmp expected out
}

@test "widths: regular totals, /dev/null, a pipe, one field" {
	seq 1 100000 > big
	echo x > small
	same big small
	same -l big
	same -l big small
	same big /dev/null
	"$(bin wc)" small - < big > out
	/usr/bin/wc small - < big > expected
	cmp expected out
	run bash -c '/usr/bin/cat big | "$1" - small' sh "$(bin wc)"
	[ "$output" = "$(/usr/bin/cat big | /usr/bin/wc - small)" ]
	run bash -c '/usr/bin/cat big | "$1" -l' sh "$(bin wc)"
	[ "$output" = "100000" ]
}

@test "trivial runs: RSS at most 16 KiB" {
	printf 'a b\nc d\n' > f
	rss_at_most 16 wc < /dev/null
	rss_at_most 16 wc < f
	rss_at_most 16 wc f
	rss_at_most 16 wc -l < f
	rss_at_most 16 wc -w < f
	rss_at_most 16 wc -c < f
	rss_at_most 16 wc -m < f
	rss_at_most 16 wc -L < f
	rss_at_most 16 wc --lines --words --bytes f
	rss_at_most 16 wc --max-line-length < f
}

@test "--help and --version: GNU's unrecognized option (see README)" {
	option_unrecognized 1 wc --help --version
}

@test "--files0-from: an F over 10 MiB is read as a stream (GNU's width 1), names of 4 KiB" {
	printf 'a b\n' > a
	python3 -c '
import sys
n = "./" * 2040 + "a"
sys.stdout.write((n + "\0") * 2600)' > list
	[ "$(stat -c %s list)" -gt 10485760 ]
	"$(bin wc)" --files0-from=list > ours
	/usr/bin/wc --files0-from=list > gnu
	cmp ours gnu
	tail -n 1 ours | grep -qx '2600 5200 10400 total'
}

@test "--files0-from, --debug: merged 2>&1 streams as GNU's" {
	printf 'a b\n' > a
	printf 'a\0\0nope\0a' > list
	merged_like_gnu wc --files0-from=list
	merged_like_gnu wc --debug -l a nope a
}

@test "100 files and a missing one among them, as GNU (i386: the vDSO after 32 calls)" {
	local opt
	for opt in -l -c -w -L; do
		rm -rf ours gnu
		hundred_operands_like_gnu files wc $opt
	done
}

@test "stdout flushed before each message: one merged stream as GNU's" {
	printf 'a\tb\n' > f1
	printf 'x\ny\n' > f2
	merged_like_gnu wc f1 nope f1
	merged_like_gnu wc -l f2 . f1
	merged_like_gnu wc f1 '' f2
}

@test "-c and -m of a regular stdin leave its offset (GNU 9.1 counts size - offset, unread), past a page multiple read" {
	printf 'abc\n' > w
	[ "$({ "$(bin wc)" -c > /dev/null; cat; } < w)" = abc ]
	[ "$({ "$(bin wc)" -m > /dev/null; cat; } < w)" = abc ]
	[ "$({ head -c 2 > /dev/null; "$(bin wc)" -c; } < w)" = 2 ]
	[ "$({ head -c 9 > /dev/null; "$(bin wc)" -c; } < w)" = "$({ head -c 9 > /dev/null; /usr/bin/wc -c; } < w)" ]
	head -c 8192 /dev/zero > p
	[ "$({ "$(bin wc)" -c; cat; } < p)" = "$({ /usr/bin/wc -c; cat; } < p)" ]
	[ "$({ "$(bin wc)" -l > /dev/null; cat; } < w)" = "" ]
}
