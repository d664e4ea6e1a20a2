#!/usr/bin/env bats
# od: what difftest cannot see: sparse files past 4 GiB (-j seeks with
# 64-bit offsets, offsets printed past 2^32), 100 MiB of zeros squeezed to 3
# lines without a write per line, SIGPIPE, /dev/full and a closed stdout as
# GNU reports them, an unreadable file as a non-root user, the refused
# limits, the peak RSS of small runs, and the floating point types over
# many random values (against GNU's od).
load helpers

# like_gnu ARGS... - ours and GNU's od ARGS (stdin: the caller's, so not
# for stdin input) give the same stdout, stderr and status
like_gnu() {
	local s1=0 s2=0
	"$(bin od)" "$@" > ours 2> ours.err || s1=$?
	/usr/bin/od "$@" > gnus 2> gnus.err || s2=$?
	sed -i "s|$(bin od)|od|g" ours.err
	sed -i "s|^/usr/bin/od:|od:|" gnus.err
	[ "$s1" -eq "$s2" ] && cmp ours gnus && cmp ours.err gnus.err ||
		{ echo "status $s1/$s2"; diff ours gnus | head; diff ours.err gnus.err; return 1; }
}

@test "a sparse file past 4 GiB: -j seeks there, 64-bit offsets, as GNU" {
	truncate -s 4831838208 sp                   # 4.5 GiB
	printf 'near 4G' | dd of=sp bs=1 seek=4294967290 conv=notrunc status=none
	printf 'the end' >> sp
	like_gnu -j 4294967280 -N 32 -c sp
	like_gnu -A x -j 4294967290 -N 7 -tx1z sp
	like_gnu -A d -j 4831838200 sp
	like_gnu -j 4G -N 16 -tx8 sp
	like_gnu -j 4831838215 sp
	# the skip is one seek, not gigabytes of reads
	strace -o log -e trace=read,lseek,_llseek "$(bin od)" -j 4831838200 sp > /dev/null
	[ "$(grep -c '^read' log)" -le 3 ]
	# past the end of two such files together
	like_gnu -j 9663676417 sp sp
	like_gnu -j 9663676400 -Ax sp sp
}

@test "100 MiB of zeros: 3 lines, as GNU, in few writes" {
	truncate -s 100M z
	run "$(bin od)" z
	[ "$status" -eq 0 ]
	[ "${#lines[@]}" -eq 3 ]
	like_gnu z
	like_gnu -An -tx1 -w32 z
	strace -o log -e trace=write "$(bin od)" -v -tx1 -N 1M z > /dev/null
	[ "$(grep -c '^write' log)" -le 60 ]        # 3 MiB of text in 64 KiB writes
}

@test "binary input with every byte value, in every type" {
	head -c 100000 /dev/urandom > bin
	like_gnu -tx1z -ta -tc -td1 -tu2 -to4 -tx8 -td8 bin
	like_gnu -An -w7 -tc -tu1 bin
}

@test "SIGPIPE: od big | head -1 ends by the signal, silently" {
	head -c 1000000 /dev/urandom > big
	sigpipe_silent od '-c 1' 0 big
	closed_pipe_kills od big
	sigpipe_silent od '-c 1' ' ' -An -tx1 big
}

@test "SIGPIPE ignored: GNU's two write errors, status 1" {
	head -c 1000000 /dev/urandom > big
	sigpipe_ignored_like_gnu 1 od '%s: write error\n%s: write error: Broken pipe' big
}

@test "/dev/full: GNU's messages, status 1" {
	printf 'hello world\n' > small
	dev_full_fails od small
	head -c 100000 /dev/urandom > big
	like_gnu big > /dev/full
	run sh -c '"$1" big > /dev/full' sh "$(bin od)"
	[ "$status" -eq 1 ]
	[ "$output" = "$(printf '%s: write error\n%s: write error: No space left on device' "$(bin od)" "$(bin od)")" ]
}

@test "closed stdout: write error: Bad file descriptor, as GNU" {
	printf 'hello world\n' > small
	sh_fails 1 od 'write error: Bad file descriptor' '"$1" small >&-'
	run sh -c '"$1" -An /dev/null >&-' sh "$(bin od)"
	[ "$status" -eq 0 ]
}

@test "closed stdin: GNU's two messages" {
	run sh -c '"$1" - <&-' sh "$(bin od)"
	[ "$status" -eq 1 ]
	[ "$output" = "$(printf "%s: 'standard input': Bad file descriptor\n0000000\n%s: standard input: Bad file descriptor" "$(bin od)" "$(bin od)")" ]
}

@test "unreadable file as a non-root user: Permission denied, the rest dumped" {
	echo open > free
	lock_file
	unreadable_like_gnu od '%s: locked: Permission denied\n0000000   o   p   e   n  \\n   o   p   e   n  \\n\n0000012' -c free locked free
}

@test "a directory operand: Is a directory, the rest dumped" {
	mkdir d
	echo x > f
	like_gnu f d f || true
	run "$(bin od)" -c f d f
	[ "$status" -eq 1 ]
	[ "$output" = "$(printf '%s: d: Is a directory\n0000000   x  \\n   x  \\n\n0000004' "$(bin od)")" ]
}

@test "the limits: refused clearly" {
	echo x > f
	sh_fails 1 od 'not supported: more than 16 types' '"$1" -tx1x1x1x1x1x1x1x1x1x1x1x1x1x1x1x1x1 f'
	sh_fails 1 od 'not supported: more than 1048576 bytes a line' '"$1" -w2000000 f'
}

@test "old offset operands as GNU: od FILE +N, od +N (stdin), od FILE N" {
	printf 'hello world, and more text\n' > f
	like_gnu f +1
	like_gnu f 12
	like_gnu f +0x3
	like_gnu f +1b
	like_gnu f 10.
	like_gnu f +x
	like_gnu -v f +1
	like_gnu -c f 1 2
	"$(bin od)" +3 < f > ours
	/usr/bin/od +3 < f > gnus
	cmp ours gnus
}

@test "-j on a pipe reads, then dumps the rest" {
	seq 100000 > s
	cat s | "$(bin od)" -j 100000 -N 64 -c > ours
	/usr/bin/od -j 100000 -N 64 -c s > gnus
	cmp ours gnus
}

@test "peak RSS of small runs: 16 KiB" {
	echo 'one line' > one
	kb=16
	rss_at_most $kb od
	rss_at_most $kb od one
	rss_at_most $kb od -tx1z -c one
}

@test "100 operands and a bad one, as GNU (i386: the vDSO after 32 calls)" {
	hundred_operands_like_gnu files od -c
}

@test "floating point types: 3 x 4096 random values and their specials as GNU's od" {
	command -v python3 > /dev/null || skip "no python3"
	python3 - <<'PY'
import random, struct
random.seed(7)
def field(kind):
    s = random.getrandbits(1)
    if kind == 'F':
        e = random.choice([0, 1, 2, 127, 150, 254, 255, random.randrange(256)])
        m = random.choice([0, 1, 1 << 22, (1 << 23) - 1, random.getrandbits(23)])
        return struct.pack('<I', s << 31 | e << 23 | m)
    if kind == 'D':
        e = random.choice([0, 1, 2, 1023, 1075, 2046, 2047, random.randrange(2048)])
        m = random.choice([0, 1, 1 << 51, (1 << 52) - 1, random.getrandbits(52)])
        return struct.pack('<Q', s << 63 | e << 52 | m)
    e = random.choice([0, 1, 2, 16383, 16446, 32766, 32767, random.randrange(32768)])
    m = random.choice([0, 1, 1 << 63, (1 << 64) - 1, random.getrandbits(64)])
    return struct.pack('<QH', m, s << 15 | e) + bytes(6)
for k in 'FDL':
    open('in.' + k, 'wb').write(b''.join(field(k) for _ in range(4096)))
PY
	for k in F D L; do
		for e in little big; do
			od --endian=$e -t f$k in.$k > gnu
			"$(bin od)" --endian=$e -t f$k in.$k > ours
			cmp gnu ours
		done
	done
}

@test "a read error while skipping ends the skip (GNU's n_skip = 0), told by the dump's read (after -w's warning): the next operand dumped from its start, the offset as asked" {
	printf 'abcdefghijklmnopqrstuvwxyz' > al
	local B
	for B in "$(bin od)" /usr/bin/od; do
		{ "$B" -c -j5 - al 0>&1 | cat; "$B" +0x10 0>&1 | cat; "$B" -w12 -to8 -j6 0>&1 | cat; } 2>&1 | sed "s|$B|od|" > "out.${B##*/}.$([ "$B" = /usr/bin/od ] && echo g || echo o)"
	done
	cmp out.od.o out.od.g
}

@test "stdout a terminal: each line shows as the input brings it, as GNU's line-buffered stdout (od -c of a serial line); a pipe: at the end" {
	feed='0123456789abcdef|ghij'
	want='0000000   0   1   2   3   4   5   6   7   8   9   a   b   c   d   e   f\n||0000020   g   h   i   j\n0000024\n'
	on_tty tty od -c
	on_tty pipe od -c
	feed='0123|4567|89ab|cdef'
	want='|||0000000 33323130 37363534 62613938 66656463\n|0000016\n'
	on_tty tty od -An -tx4 -Ad
	on_tty pipe od -An -tx4 -Ad
}

# With -N, GNU's od reads its input unbuffered: never past -j + -N bytes,
# so the next reader of a shared stdin (a file's offset, a pipe) gets the
# rest. GNU's own test (tests/misc/od-N.sh) does `(od -N3; od -N3) < in`.
# Ours read a whole buffer: the second od saw nothing.
@test "-N reads no more than -j + -N bytes of stdin (file and pipe), as GNU's" {
	printf 'abcdefghijklmnopqrstuvwxyz0123456789' > in
	local c o g p
	for c in "-An -N3 -c" "-An -N3 -j2 -c" "-An -N20 -c" "-An -j30 -N2 -c" \
		"-An -N0 -c" "-c" "-An -j5 -c" "-An -j40 -N2 -c" "-N17 -tx1"; do
		for p in ours gnu; do
			local od=/usr/bin/od
			[ $p = gnu ] || od=$(bin od)
			{ ("$od" $c; "$od" -An -N3 -c; cat) < in
			  cat in | ("$od" $c; "$od" -An -N3 -c; cat); } 2>&1 | sed "s#$od#od#" > $p
		done
		cmp ours gnu || { echo "od $c:"; cat ours gnu; return 1; }
	done
}
