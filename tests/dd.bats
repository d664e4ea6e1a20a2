#!/usr/bin/env bats
# dd: what difftest cannot express: the default bytes line (its time and
# speed vary: masked, the rest compared with GNU's), SIGUSR1's statistics
# during a copy, status=progress, offsets and totals past 4 GiB (sparse
# files) on both arches, a big bs= from brk, unreadable files as a
# non-root user, a closed pipe, iflag=/oflag=direct with reblocking, and
# the peak RSS of trivial runs (big blocks and reblocking too).
load helpers

# mask: the time and speed of the bytes line replaced by T and S
mask() { sed -E 's/copied, [0-9.e+-]+ s, [0-9.]+ [kMGTPEZY]?B\/s$/copied, T s, S/'; }

# the speed as GNU's human_readable prints it (its long-double path: "%.1f"
# while that is at most 4 characters, so below 99.95, then "%.0f"; where
# the nanoseconds divide a second, its integer path: a decimal only below
# 10, B/s too: see "the speed when the nanoseconds divide a second")
RATE='([1-9]?[0-9]\.[0-9]|[1-9][0-9]{2,})'
EXACT='[1-9]?[0-9]'

# both_mask ARGS... - ours and GNU's dd ARGS (stdin from ./in) give the
# same stdout, status and stderr once masked (the line's format checked)
both_mask() {
	local s1=0 s2=0
	"$(bin dd)" "$@" < in > ours 2> ours.err || s1=$?
	/usr/bin/dd "$@" < in > gnus 2> gnus.err || s2=$?
	sed -i "s|^$(bin dd):|dd:|" ours.err
	grep -Eq "^[0-9]+ bytes? (\\([0-9.]+ [kMGTPEZY]?B(, [0-9.]+ [KMGTPEZY]iB)?\\) )?copied, [0-9]+(\\.[0-9]+)?(e-0[0-9])? s, ($RATE|$EXACT) [kMGTPEZY]?B/s$" ours.err ||
		{ echo "format: $(cat ours.err)"; return 1; }
	mask < ours.err > ours.m; mask < gnus.err > gnus.m
	[ "$s1" -eq "$s2" ] && cmp ours gnus && diff ours.m gnus.m
}

@test "the speed: one decimal below 99.95 units (21.3 kB/s), none from there, as GNU's (ours and GNU's, 60 runs each)" {
	local i d bs
	for i in $(seq 60); do
		bs=$((i * 97 % 6000 + 1))
		for d in "$(bin dd)" /usr/bin/dd; do
			"$d" if=/dev/zero of=/dev/null bs=$bs count=$((i * 7 % 200 + 1)) 2>&1 | tail -n 1
		done
	done > lines
	[ "$(wc -l < lines)" -eq 120 ]
	! grep -Ev "s, $RATE [kMGTPEZY]B/s$" lines | grep -Ev "s, $EXACT [kMGTPEZY]?B/s$" || false
	# (an elapsed time that divides a second gives GNU's integer form:
	# "784 bytes copied, 4e-05 s, 20 MB/s"; by chance, now and then)
	[ "$(grep -Ec "s, $EXACT [kMGTPEZY]?B/s$" lines)" -le 6 ]
}

# at_ns NS ours|gnu: dd (ours under gdb, GNU's under gdb too) copies ./in
# to /dev/null with its clock made to say NS nanoseconds passed: ours's
# [dns] set where gtime reads it (the address from nasm's map of the same
# bytes), GNU's two clock_gettime calls answered (start, end; libc's
# exported __clock_gettime, with or without its debugging symbols)
at_ns() {
	local ns=$1 a map g d
	if [ "$2" = gnu ]; then
		printf '%s\n' 'set breakpoint pending on' 'break __clock_gettime' 'run if=in of=/dev/null' \
			'set $p = $rsi' finish 'set {long}$p = 1000' 'set {long}($p+8) = 0' continue \
			'set $p = $rsi' finish "set {long}\$p = $((1000 + ns / 1000000000))" \
			"set {long}(\$p+8) = $((ns % 1000000000))" continue > g.gdb
		gdb -q -batch -iex 'set debuginfod enabled off' -x g.gdb /usr/bin/dd 2>&1 | grep -E '^[0-9]+ bytes'
	else
		a=$(arch)
		nasm -f bin -DARCH="$a" -I"$BATS_TEST_DIRNAME/../asm/lib/" -I"$BATS_TEST_DIRNAME/../build/gen/$a/" \
			--before "[map symbols $T/dd.map]" -o dd.bin "$BATS_TEST_DIRNAME/../asm/dd.asm"
		cmp dd.bin "$(bin dd)"
		g=$(awk '$3 == "gtime" { print $2 }' dd.map)
		d=$(awk '$3 == "dns" { print $2 }' dd.map)
		gdb -q -batch -iex 'set debuginfod enabled off' -ex "break *0x$g" -ex 'run if=in of=/dev/null' -ex "set {long long}0x$d = $ns" \
			-ex continue "$(bin dd)" 2>&1 | grep -E '^[0-9]+ bytes'
	fi
}

@test "the speed when the nanoseconds divide a second: GNU's integer arithmetic (20 MB/s, not 19.6; 784 B/s), none at all: Infinity B/s, as GNU's" {
	local n ours gnu
	head -c 784 /dev/zero > in
	for n in 40000 1000000000 0 62500 3000 123456789 2000000000; do
		ours=$(at_ns $n ours)
		gnu=$(at_ns $n gnu)
		[ -n "$gnu" ]
		[ "$ours" = "$gnu" ] || { echo "$n ns: ours '$ours', GNU '$gnu'"; return 1; }
	done
	[ "$(at_ns 40000 gnu)" = "784 bytes copied, 4e-05 s, 20 MB/s" ]
	head -c 3000000 /dev/zero > in
	for n in 1000000 1 7 1000 999999999; do
		ours=$(at_ns $n ours)
		gnu=$(at_ns $n gnu)
		[ "$ours" = "$gnu" ] || { echo "$n ns: ours '$ours', GNU '$gnu'"; return 1; }
	done
}

@test "the bytes line: plural, singular, SI and IEC, as GNU" {
	: > in
	both_mask
	printf x > in
	both_mask
	printf ab > in
	both_mask
	head -c 999 /dev/zero > in
	both_mask
	head -c 1000 /dev/zero > in
	both_mask bs=1000
	head -c 1024 /dev/zero > in
	both_mask
	head -c 1048576 /dev/zero > in
	both_mask bs=64K
	: > in
	both_mask if=/dev/zero bs=1M count=1500 of=/dev/null
}

@test "a total past 4 GiB (64-bit counts on i386)" {
	: > in
	both_mask if=/dev/zero bs=64M count=65 of=/dev/null
}

@test "write error: the counts still printed" {
	printf abc > in
	run sh -c '"$1" status=noxfer < in > /dev/full' sh "$(bin dd)"
	[ "$status" -eq 1 ]
	[ "$output" = "$(bin dd): error writing 'standard output': No space left on device
0+1 records in
0+0 records out" ]
}

@test "seek past 4 GiB makes a sparse file, as GNU" {
	printf x > in
	"$(bin dd)" of=ours bs=1 seek=5G status=noxfer < in 2> ours.err
	/usr/bin/dd of=gnus bs=1 seek=5G status=noxfer < in 2> gnus.err
	[ "$(stat -c %s ours)" -eq 5368709121 ]
	[ "$(stat -c %s gnus)" -eq 5368709121 ]
	[ "$(tail -c 2 ours | od -An -c | tr -d ' ')" = '\0x' ]
	[ "$(du -k ours | cut -f1)" -le 64 ]
	cmp ours.err gnus.err
}

@test "skip past 4 GiB on a file, and skip_bytes" {
	truncate -s 5G big
	printf 'tail!' >> big
	run "$(bin dd)" if=big bs=1G skip=5 status=none
	[ "$output" = "tail!" ]
	run "$(bin dd)" if=big iflag=skip_bytes,count_bytes skip=5368709122 count=2 status=none
	[ "$output" = "il" ]
}

@test "seek past 4 GiB with notrunc keeps the file" {
	truncate -s 6G f
	printf 'AB' | "$(bin dd)" of=f bs=1M seek=5K conv=notrunc status=none
	[ "$(stat -c %s f)" -eq 6442450944 ]
	[ "$("$(bin dd)" if=f bs=1M skip=5K count=1 status=none | head -c 3 | od -An -c | tr -d ' ')" = 'AB\0' ]
}

@test "a big bs= (brk) copies exactly" {
	head -c 3000000 /dev/urandom > in
	"$(bin dd)" if=in of=out bs=1M status=none
	cmp in out
	"$(bin dd)" if=in of=out2 ibs=1M obs=300000 status=none
	cmp in out2
}

@test "SIGUSR1 prints the statistics during the copy" {
	for dd in "$(bin dd)" /usr/bin/dd; do
	rm -f out err
	run python3 - "$dd" <<'PY'
import os, subprocess, sys, time, signal
r, w = os.pipe()
e = open('err', 'wb')
p = subprocess.Popen([sys.argv[1], 'status=noxfer', 'of=out', 'bs=10'], stdin=r, stderr=e)
os.close(r)
os.write(w, b'abc')
def stats():
    return open('err').read().count('records in')
# wait until the first block is written, then signal it (in its read or
# before it: either way the statistics come before the next block)
for _ in range(2000):
    try:
        if os.path.getsize('out') == 3:
            break
    except OSError:
        pass
    time.sleep(0.001)
p.send_signal(signal.SIGUSR1)
for _ in range(2000):
    if stats() >= 1:
        break
    time.sleep(0.001)
os.write(w, b'de')
os.close(w)
print(p.wait(), open('err').read(), end='')
PY
	echo "$dd: $output"
	[ "$output" = "0 0+1 records in
0+1 records out
0+2 records in
0+2 records out" ]
	done
}

@test "SIGUSR1 in a read after 80 small blocks (i386: through the vDSO's entry)" {
	# bs=1: 40 reads and 40 writes, then a read blocked on the empty pipe;
	# i386 has switched to __kernel_vsyscall by then (its page resident),
	# the signal ends that read with EINTR and the handler returns by
	# rt_sigreturn (int 0x80: the kernel finds the frame at esp)
	for dd in "$(bin dd)" /usr/bin/dd; do
	rm -f out err
	run python3 - "$dd" <<'PY'
import os, subprocess, sys, time, signal
r, w = os.pipe()
e = open('err', 'wb')
p = subprocess.Popen([sys.argv[1], 'status=noxfer', 'of=out', 'bs=1'], stdin=r, stderr=e)
os.close(r)
os.write(w, b'x' * 40)
for _ in range(5000):
    try:
        if os.path.getsize('out') == 40:
            break
    except OSError:
        pass
    time.sleep(0.001)
time.sleep(0.01)
vdso = '0'
lines = open('/proc/%d/smaps' % p.pid).read().splitlines()
for i, l in enumerate(lines):
    if l.endswith('[vdso]'):
        vdso = [x for x in lines[i+1:i+8] if x.startswith('Rss:')][0].split()[1]
elf32 = open(sys.argv[1], 'rb').read(5)[4] == 1
if elf32 and vdso != '4':
    print('i386: the vDSO is not in use (Rss %s kB)' % vdso)
p.send_signal(signal.SIGUSR1)
for _ in range(5000):
    if open('err').read().count('records in') >= 1:
        break
    time.sleep(0.001)
os.write(w, b'yz')
os.close(w)
print(p.wait(), open('err').read(), end='')
PY
	echo "$dd: $output"
	[ "$output" = "0 40+0 records in
40+0 records out
42+0 records in
42+0 records out" ]
	[ "$(cat out)" = "$(printf 'x%.0s' $(seq 40))yz" ]
	done
}

@test "status=progress: a line a second, as GNU's" {
	for dd in "$(bin dd)" /usr/bin/dd; do
	run python3 - "$dd" <<'PY'
import subprocess, sys, time
p = subprocess.Popen([sys.argv[1], 'status=progress', 'bs=1'], stdin=subprocess.PIPE,
                     stdout=subprocess.DEVNULL, stderr=open('err', 'wb'))
p.stdin.write(b'a'); p.stdin.flush()
time.sleep(1.2)
p.stdin.write(b'b'); p.stdin.close()
print(p.wait())
PY
	[ "$output" = 0 ]
	# (the progress line's whole seconds are 1 on a calm machine, more on
	# a loaded one: any count from 1 up is right)
	[ "$(sed -E -e '1 s/copied, [1-9][0-9]* s, /copied, N s, /' -e '$ s/copied, [0-9.e+-]+ s, [0-9.]+ [kMGTPEZY]?B\/s$/copied, T s, S/' err | od -An -c | tr -s ' ')" = "$(printf '\r2 bytes copied, N s, 0.0 kB/s\n2+0 records in\n2+0 records out\n2 bytes copied, T s, S\n' | od -An -c | tr -s ' ')" ] ||
		{ echo "$dd: $(od -c err)"; return 1; }
	done
}

@test "status=progress copies and prints the final statistics" {
	seq 1000 > in
	"$(bin dd)" status=progress < in > out 2> err
	cmp in out
	grep -q '^7+1 records in$' err
	grep -Eq '^3893 bytes \(3\.9 kB, 3\.8 KiB\) copied, ' err
}

@test "unreadable input and unwritable output as a non-root user" {
	lock_file
	[ ${#as[@]} -gt 0 ] || skip "not root"
	run "${as[@]}" "$(bin dd)" if=locked
	[ "$status" -eq 1 ]
	[ "$output" = "$(bin dd): failed to open 'locked': Permission denied" ]
	run "${as[@]}" "$(bin dd)" of=locked status=none < /dev/null
	[ "$status" -eq 1 ]
	[ "$output" = "$(bin dd): failed to open 'locked': Permission denied" ]
	run "${as[@]}" /usr/bin/dd if=locked
	[ "$output" = "/usr/bin/dd: failed to open 'locked': Permission denied" ]
}

@test "a closed pipe kills it silently, as GNU" {
	closed_pipe_kills dd if=/dev/zero
	closed_pipe_kills /usr/bin/dd if=/dev/zero
}

@test "yes | dd | head -c 1 ends by SIGPIPE" {
	run bash -c 'yes | "$1" 2>err | head -c 1; echo "|${PIPESTATUS[1]}"' sh "$(bin dd)"
	[ "$output" = "y|141" ]
	[ ! -s err ]
}

@test "peak RSS of trivial runs: 16 KiB" {
	rss_at_most 16 dd status=none
	printf 'one line\n' > in
	rss_at_most 16 dd if=in status=noxfer of=/dev/null status=none
	rss_at_most 16 dd if=in status=none
	rss_at_most 16 dd if=in bs=1K conv=ucase status=none
}

@test "peak RSS of a short run with big blocks: 16 KiB (iobuf beside the variables)" {
	printf 'one line\n' > in
	local a
	for a in bs=4k bs=64k bs=1M ibs=4k obs=4k ibs=4k obs=64k ibs=64k obs=512 \
		"ibs=64k obs=64k" "bs=4k conv=ucase" "bs=4k count=1"; do
		rss_at_most 16 dd if=in of=out $a status=none
		rss_at_most 16 dd if=in $a status=none
		/usr/bin/dd if=in of=gnu $a status=none
		cmp gnu out || { echo "$a"; return 1; }
	done
	rss_at_most 16 dd bs=4k status=none
	rss_at_most 16 dd ibs=4k obs=4k status=none
}

@test "reblocking with iflag=direct (two aligned buffers) copies as GNU" {
	head -c 300000 /dev/urandom > in
	/usr/bin/dd if=in iflag=direct ibs=4096 obs=1000 of=probe status=none 2>/dev/null ||
		skip "no O_DIRECT here"
	"$(bin dd)" if=in iflag=direct ibs=4096 obs=1000 of=out status=none
	cmp in out
	"$(bin dd)" if=in iflag=direct ibs=8192 obs=3000 of=ours 2> ours.err
	/usr/bin/dd if=in iflag=direct ibs=8192 obs=3000 of=gnus 2> gnus.err
	cmp in ours
	cmp gnus ours
	diff <(head -2 ours.err) <(head -2 gnus.err)
	head -c 299008 in > in2                 # whole blocks
	"$(bin dd)" if=in2 ibs=5000 obs=4096 oflag=direct of=ours2 status=none
	cmp in2 ours2
}

@test "oflag=direct: a short last block turns O_DIRECT off, as GNU" {
	head -c 300000 /dev/urandom > in
	/usr/bin/dd if=in oflag=direct bs=4096 of=probe status=none 2>/dev/null ||
		skip "no O_DIRECT here"
	local a
	for a in "bs=4096" "ibs=5000 obs=4096" "bs=8192 iflag=direct" "ibs=3000 obs=8192 conv=notrunc"; do
		"$(bin dd)" if=in $a oflag=direct of=ours 2> ours.err
		/usr/bin/dd if=in $a oflag=direct of=gnus 2> gnus.err
		cmp in ours
		cmp gnus ours
		diff <(head -2 ours.err) <(head -2 gnus.err)
	done
	printf 'abc' | "$(bin dd)" oflag=direct bs=4096 of=ours status=none
	[ "$(cat ours)" = abc ]
}

@test "short reads from a pipe: +1 records each, and GNU's partial-read warning" {
	for dd in "$(bin dd)" /usr/bin/dd; do
	rm -f out err
	run python3 - "$dd" <<'PY'
import os, subprocess, sys, time
r, w = os.pipe()
e = open('err', 'wb')
p = subprocess.Popen([sys.argv[1], 'bs=10', 'count=5', 'of=out', 'status=noxfer'], stdin=r, stderr=e)
os.close(r)
for chunk, size in ((b'a', 1), (b'bc', 3), (b'd', 4)):
    os.write(w, chunk)
    for _ in range(5000):
        if os.path.exists('out') and os.path.getsize('out') == size:
            break
        time.sleep(0.001)
os.close(w)
print(p.wait(), open('out').read(), open('err').read().replace(sys.argv[1], 'dd'), end='')
PY
	echo "$dd: $output"
	[ "$output" = "0 abcd dd: warning: partial read (1 byte); suggest iflag=fullblock
0+3 records in
0+3 records out" ]
	done
}

@test "the differential cases as a non-root user" {
	user_cases dd
}

@test "seek= on an output that cannot seek (a pipe): GNU 9.1's error and exit 1, no zeros written" {
	# found by a differential fuzz: ours wrote seek= blocks of zeros
	printf 'hello\n' > in
	local a b
	for args in "seek=1" "seek=3 bs=2 status=none" "seek=9999999999999 status=noxfer"; do
		a=$( ( "$(bin dd)" $args < in 2>&1; echo "rc=$?" ) | cat | sed "s|^$(bin dd):|dd:|; s/copied, .*/copied/")
		b=$( ( /usr/bin/dd $args < in 2>&1; echo "rc=$?" ) | cat | sed "s|^/usr/bin/dd:|dd:|; s/copied, .*/copied/")
		[ "$a" = "$b" ] || { echo "$args: ours [$a] GNU [$b]"; return 1; }
	done
}

# like_gnu_sh SCRIPT - sh -c SCRIPT with $dd = ours and then GNU's, in
# fresh copies of ./f ("hello\n") and ./in: the same stdout, stderr (the
# time and speed masked), status and ./f
like_gnu_sh() {
	local d out=() i=0
	for d in "$(bin dd)" /usr/bin/dd; do
		printf 'hello\n' > f
		out[i]=$(dd="$d" sh -c "$1" 2>&1 | sed "s|^$d:|dd:|; s/copied, .*/copied/"; echo "rc=${PIPESTATUS[0]}"; od -An -c f)
		i=$((i + 1))
	done
	[ "${out[0]}" = "${out[1]}" ] || { printf 'ours: %s\nGNU:  %s\n' "${out[0]}" "${out[1]}"; return 1; }
}

@test "iflag=/oflag= on standard input and output without if=/of= (fcntl), as GNU" {
	printf 'data\n' > in
	mkfifo fifo
	like_gnu_sh '"$dd" oflag=append conv=notrunc status=noxfer < in 1<>f'	# appended
	like_gnu_sh '"$dd" oflag=append status=noxfer < in 1<>f'
	like_gnu_sh '"$dd" iflag=directory status=noxfer < .'
	like_gnu_sh '"$dd" iflag=directory status=noxfer < in'
	like_gnu_sh '"$dd" oflag=directory status=noxfer < in 1<>f'
	like_gnu_sh '"$dd" iflag=nonblock status=noxfer <> fifo'	# EAGAIN
	like_gnu_sh '"$dd" iflag=count_bytes count=2 status=noxfer <&-'
}

@test "seek= without of= never truncates standard output, as GNU" {
	printf 'data\n' > in
	like_gnu_sh '"$dd" if=/dev/null bs=1 seek=3 status=noxfer 1<>f'
	like_gnu_sh '"$dd" bs=1 seek=2 status=noxfer < in 1<>f'
	like_gnu_sh '"$dd" if=/dev/null bs=1 seek=3 status=noxfer of=f'
}

@test "seek='s failed ftruncate (RLIMIT_FSIZE): GNU's message, the copy's exit status" {
	printf 'data\n' > in
	like_gnu_sh '(ulimit -f 1; trap "" XFSZ; "$dd" if=in of=f seek=10 bs=1M count=0 status=noxfer)'
	like_gnu_sh '(ulimit -f 1; trap "" XFSZ; "$dd" if=in of="a b" seek=2000 bs=1 oflag=seek_bytes status=noxfer)'
	like_gnu_sh '(ulimit -f 1; trap "" XFSZ; "$dd" if=in of=f seek=10 bs=1M skip=1 status=none)'
	like_gnu_sh '(ulimit -f 1; trap "" XFSZ; "$dd" if=in of=f seek=10 bs=1M status=noxfer)'
}

@test "oflag=direct: a failed fcntl turning O_DIRECT off is reported as GNU (strace's fault injection)" {
	command -v strace > /dev/null || skip "strace missing"
	printf 'data\n' > in
	local s='strace -qq -o /dev/null -e trace=fcntl,fcntl64 -e inject=fcntl,fcntl64:error=EINVAL:when=2 "$dd"'
	like_gnu_sh "$s if=in of=f oflag=direct bs=4096"
	like_gnu_sh "$s if=in of='a b' oflag=direct bs=4096 status=noxfer"
	like_gnu_sh "$s if=in of=f oflag=direct bs=4096 status=none"
}

# chunks DATA... - write each DATA to stdout in one write, the next one
# only once the pipe is empty (FIONREAD; 2 s at most, for a reader that
# is gone): a reader gets one read per chunk (less when it reads less),
# the same for GNU's dd and ours
chunks() {
	perl -e 'for (@ARGV) { syswrite(STDOUT, $_) or exit 1; $t = 0; do {
		select(undef, undef, undef, 0.001); ioctl(STDOUT, 0x541B, $n = pack("i", 0)) or exit 1;
	} while (unpack("i", $n) > 0 && ++$t < 2000); }' "$@"
}

# chunked_like_gnu ARGS... - ours and GNU's dd ARGS reading the chunks of
# the array CH from a pipe: the same stdout, status and stderr
chunked_like_gnu() {
	local s1=0 s2=0
	chunks "${CH[@]}" | "$(bin dd)" "$@" status=noxfer > ours 2> ours.err || s1=$?
	chunks "${CH[@]}" | /usr/bin/dd "$@" status=noxfer > gnus 2> gnus.err || s2=$?
	sed -i "s|^$(bin dd):|dd:|" ours.err
	sed -i "s|^/usr/bin/dd:|dd:|" gnus.err
	[ "$s1" -eq "$s2" ] && cmp ours gnus && diff ours.err gnus.err
}

@test "conv=swab carries an odd byte over to the next read of a pipe, as GNU's swab_buffer" {
	CH=(abc defgh i jk lmnop)
	chunked_like_gnu bs=512 conv=swab
	grep -qx '0+5 records in' ours.err
	chunked_like_gnu ibs=4 obs=3 conv=swab,ucase,sync
	CH=($'ab\ncd' $'e\nfgh' i)
	chunked_like_gnu conv=swab,block cbs=3
}

@test "bs= with a conversion reblocks odd reads to obs bytes (GNU's C_TWOBUFS), no partial-read warning" {
	CH=(ab cd efgh i)
	chunked_like_gnu bs=4 conv=lcase count=3
	chunked_like_gnu bs=4 conv=ebcdic
	grep -qx '2+1 records out' ours.err
}

@test "conv=block and unblock across reads of a pipe" {
	CH=($'ab\nc' $'defghi\n' ' jk')
	chunked_like_gnu cbs=4 conv=block
	CH=('ab  c' 'd  ef' 'gh   i')
	chunked_like_gnu cbs=4 conv=unblock,sync ibs=3
}

@test "conv=sparse: NUL blocks become holes, a NUL tail extends the file (ftruncate), as GNU" {
	{ head -c 65536 /dev/zero; printf x; head -c 131072 /dev/zero; } > in
	"$(bin dd)" if=in of=ours bs=4k conv=sparse status=none
	/usr/bin/dd if=in of=gnus bs=4k conv=sparse status=none
	cmp ours gnus
	[ "$(stat -c %s ours)" -eq 196609 ]
	[ "$(stat -c %b ours)" -eq "$(stat -c %b gnus)" ]
	[ "$(stat -c %b ours)" -lt 64 ]
}

@test "conv=sparse: a failed ftruncate at the end (RLIMIT_FSIZE) is GNU's message and exit 1" {
	head -c 8192 /dev/zero > in
	run sh -c 'ulimit -f 4; trap "" XFSZ; "$1" if=in of=out bs=4k conv=sparse status=noxfer 2>&1; echo "rc=$?"' sh "$(bin dd)"
	ours=${output//"$(bin dd)"/dd}
	run sh -c 'ulimit -f 4; trap "" XFSZ; "$1" if=in of=out bs=4k conv=sparse status=noxfer 2>&1; echo "rc=$?"' sh /usr/bin/dd
	gnus=${output//"/usr/bin/dd"/dd}
	[ "$ours" = "$gnus" ]
	[[ $ours == *"failed to truncate to 8192 bytes in output file 'out'"*"rc=1" ]]
}

@test "a 1 MiB line through conv=block and unblock, and rss of a trivial conv=ucase run" {
	head -c 1048576 /dev/zero | tr '\0' a > in
	printf '\nb\n' >> in
	"$(bin dd)" if=in cbs=100 conv=block,ebcdic status=none > ours
	/usr/bin/dd if=in cbs=100 conv=block,ebcdic status=none > gnus
	cmp ours gnus
	"$(bin dd)" if=in cbs=7 conv=unblock,swab status=none > ours
	/usr/bin/dd if=in cbs=7 conv=unblock,swab status=none > gnus
	cmp ours gnus
	rss_at_most 16 dd bs=1K conv=ucase status=none
}

@test "oflag=nocache count=0 on a pipe: GNU's message and status" {
	like_gnu_sh '{ "$dd" oflag=nocache count=0 status=noxfer < /dev/null; echo "dd: $?" >&2; } | cat'
	like_gnu_sh '{ "$dd" iflag=nocache oflag=nocache count=0 status=noxfer < f; echo "dd: $?" >&2; } | cat'
}

# fadvise_like_gnu ARGS... - ours and GNU's dd ARGS (stdin from ./in, a
# fresh ./out) drop the same ranges of the page cache: the same
# posix_fadvise calls (fadvise64, i386's fadvise64_64; each fd named by
# its file, strace -y), and the same output
fadvise_like_gnu() {
	local who d
	for who in ours gnus; do
		d=/usr/bin/dd
		[ "$who" = ours ] && d=$(bin dd)
		rm -f out
		strace -y -o log -e trace=fadvise64,fadvise64_64 "$d" "$@" status=none < in > stdout
		{ cat stdout; [ ! -f out ] || cat out; } > "data.$who"
		sed -E 's/^fadvise64(_64)?\([0-9]+</F(</' log | grep -v '^+++' > "calls.$who"
	done
	grep -q POSIX_FADV_DONTNEED calls.gnus
	diff calls.ours calls.gnus
	cmp data.ours data.gnus
}

@test "iflag=/oflag=nocache drop the ranges copied as they go, GNU's posix_fadvise calls (IO_BUFSIZE rounding, its output offset, the end's page to EOF), count=0, oflag=direct's last block" {
	command -v strace > /dev/null || skip "strace missing"
	head -c 1000000 /dev/urandom > in
	head -c 300000 /dev/urandom > in2
	fadvise_like_gnu if=in of=out iflag=nocache oflag=nocache bs=100000 count=7
	fadvise_like_gnu if=in of=out iflag=nocache oflag=nocache
	fadvise_like_gnu if=in of=out iflag=nocache bs=64k
	fadvise_like_gnu if=in of=out oflag=nocache obs=3000 ibs=7000
	fadvise_like_gnu if=in of=out iflag=nocache skip=5000
	fadvise_like_gnu of=out iflag=nocache skip=3 bs=4096
	fadvise_like_gnu if=in of=out iflag=nocache oflag=nocache count=0 skip=3 seek=5
	fadvise_like_gnu if=in of=out oflag=nocache conv=notrunc bs=40000
	fadvise_like_gnu if=in of=out oflag=nocache conv=sparse bs=100000
	fadvise_like_gnu if=in2 of=out oflag=direct bs=4096
	fadvise_like_gnu iflag=nocache,count_bytes count=300001 skip=2 of=out
	fadvise_like_gnu iflag=nocache oflag=nocache bs=50000
	fadvise_like_gnu if=/dev/zero iflag=nocache of=out bs=100000 count=5 skip=3
	fadvise_like_gnu if=/dev/zero oflag=nocache of=out bs=100000 count=5 seek=2
	fadvise_like_gnu if=in oflag=nocache of=/dev/null bs=1M
	# the data the copies left are the same and whole
	"$(bin dd)" if=in of=out iflag=nocache oflag=nocache status=none
	cmp in out
}

# badblocks_like_gnu LAYOUT ARGS... - ours and GNU's dd ARGS reading a disk
# with bad blocks (tests/badblocks.py LAYOUT) write the same file and the
# same stderr (the bytes line's time masked), with the same status
badblocks_like_gnu() {
	local layout=$1 who d s
	shift
	for who in ours gnus; do
		d=/usr/bin/dd
		[ "$who" = ours ] && d=$(bin dd)
		rm -f "out.$who"
		s=0
		timeout 20 python3 "$BATS_TEST_DIRNAME/badblocks.py" "$layout" "$d" of="out.$who" "$@" 2> "err.$who" || s=$?
		sed -e "s|^$d:|dd:|" "err.$who" | mask > "err.$who.m"
		echo "status $s" >> "err.$who.m"
	done
	diff err.ours.m err.gnus.m
	cmp out.ours out.gnus
}

@test "conv=noerror over bad blocks (EIO, and short reads at their edges): GNU's bad_portion after a short read, sync blocks only after a full one, fullblock's bytes given up, the records and messages" {
	local l=ddxdxxdddddddddddddddddd
	badblocks_like_gnu $l iflag=count_bytes count=32768 bs=512 conv=noerror,sync
	badblocks_like_gnu $l iflag=count_bytes count=32768 bs=1000 conv=noerror,sync
	badblocks_like_gnu $l iflag=count_bytes count=32768 bs=3000 conv=noerror,sync
	badblocks_like_gnu $l iflag=count_bytes,fullblock count=32768 bs=1000 conv=noerror,sync
	badblocks_like_gnu $l iflag=count_bytes,fullblock count=32768 bs=3000 conv=noerror,sync status=noxfer
	badblocks_like_gnu $l iflag=count_bytes,fullblock count=32768 bs=5000 conv=noerror
	badblocks_like_gnu $l count=40 bs=1000 conv=noerror,sync
	badblocks_like_gnu $l count=40 ibs=1000 obs=3000 conv=noerror,sync
	badblocks_like_gnu $l count=12 bs=1000 conv=noerror status=none
	badblocks_like_gnu $l count=3 bs=1000
	badblocks_like_gnu xdxdddd count=5 bs=700 conv=noerror,sync,notrunc iflag=nocache
}

@test "conv=sparse past 4 GiB: the seeks and the last ftruncate 64-bit on both arches, as GNU" {
	"$(bin dd)" if=/dev/zero of=ours bs=1M count=2 seek=4095 conv=sparse status=none
	/usr/bin/dd if=/dev/zero of=gnus bs=1M count=2 seek=4095 conv=sparse status=none
	[ "$(stat -c %s ours)" -eq 4296015872 ]
	[ "$(stat -c %s gnus)" -eq 4296015872 ]
	[ "$(stat -c %b ours)" -lt 64 ]
	printf x | "$(bin dd)" of=ours bs=1 seek=4296015872 conv=sparse,notrunc status=none
	[ "$(stat -c %s ours)" -eq 4296015873 ]
	[ "$(tail -c 1 ours)" = x ]
}

# open_signalled DD OPERAND... - DD with OPERAND (if=fifo or of=fifo) is
# started, a SIGUSR1 sent once it waits in the open of ./fifo for its
# other end (its wchan wait_for_partner), then the other end opened: with
# if=fifo "hello" written to it, with of=fifo read. Prints dd's status,
# its stderr (the times and speeds masked) and what it copied.
open_signalled() {
	rm -f fifo out err
	mkfifo fifo
	python3 - "$@" <<'PY'
import os, subprocess, sys, time, signal, re
e = open('err', 'wb')
p = subprocess.Popen(sys.argv[1:], stdin=subprocess.DEVNULL, stderr=e)
def give_up(*_):
    # (a dd that ended at the signal leaves our open of the FIFO waiting)
    p.kill()
    sys.exit('status %s, hung: %s' % (p.poll(), open('err').read()))
signal.signal(signal.SIGALRM, give_up)
signal.alarm(10)
for _ in range(5000):
    try:
        if open('/proc/%d/wchan' % p.pid).read() == 'wait_for_partner':
            break
    except OSError:
        pass
    time.sleep(0.001)
else:
    sys.exit('dd never waited in its open')
p.send_signal(signal.SIGUSR1)
time.sleep(0.05)
if 'if=fifo' in sys.argv:
    f = open('fifo', 'wb'); f.write(b'hello\n'); f.close()
    st = p.wait()
    got = open('out', 'rb').read()
else:
    f = open('fifo', 'rb'); got = f.read(); f.close()
    st = p.wait()
err = open('err').read().replace(sys.argv[1] + ':', 'dd:')
err = re.sub(r'copied, [0-9.e+-]+ s, [0-9.]+ [kMGTPEZY]?B/s', 'copied, T s, S', err)
print('status', st); print(err, end=''); print(repr(got))
PY
}

@test "SIGUSR1 while the open of a FIFO waits: the statistics, then the copy goes on, as GNU's ifd_reopen" {
	# found by GNU's tests/dd/stats.sh: ours said "failed to open 'fifo':
	# Unknown error 4" (EINTR), a `kill -USR1` to see the progress
	# ended the run
	for op in "if=fifo of=out" "if=in of=fifo bs=3"; do
		printf 'abcdefg' > in
		a=$(open_signalled "$(bin dd)" $op) || { echo "$a"; return 1; }
		b=$(open_signalled /usr/bin/dd $op) || { echo "$b"; return 1; }
		echo "$op: ours [$a]"
		echo "$op: GNU [$b]"
		[ "$a" = "$b" ]
		# the statistics twice: at the signal (0+0) and at the end
		[ "$(grep -c 'records in' <<< "$a")" = 2 ]
	done
}

@test "count=0: no buffers allocated (bs=, ibs=, obs= of 30M under ulimit -v 20000), as GNU" {
	# found by GNU's tests/dd/no-allocate.sh: ours said "memory exhausted"
	for op in bs=30M ibs=30M obs=30M "bs=30M count=0B" "ibs=30M obs=30M conv=ucase"; do
		for dd in "$(bin dd)" /usr/bin/dd; do
			s=0
			(ulimit -v 20000; exec "$dd" $op count=0 status=none < /dev/null) || s=$?
			[ "$s" = 0 ] || { echo "$dd $op count=0: status $s"; return 1; }
		done
		# a copy needs them: both refuse
		s=0
		(ulimit -v 20000; exec "$(bin dd)" $op count=1 status=none < /dev/null) 2> err || s=$?
		[ "$s" = 1 ]
		grep -q 'memory exhausted' err
	done
}

@test "a buffer that cannot be had (ulimit -v): GNU's 'memory exhausted by input (output) buffer of size N bytes (H)'" {
	local op
	for op in bs=100M "ibs=1 obs=100M" "ibs=100M conv=swab" "ibs=20M obs=40M" "bs=40M conv=ucase" "bs=1000000000"; do
		like_gnu_sh "(ulimit -v 60000; \"\$dd\" $op count=1 status=none < /dev/null)"
	done
}

@test "conv=block or unblock without cbs=: no conversion, but the short reads still gathered into obs blocks (GNU's C_TWOBUFS), as GNU" {
	local c
	for c in block unblock block,unblock "bs=4 count=2 conv=block" "ibs=4 obs=3 conv=unblock"; do
		case $c in *=*) ;; *) c="bs=4 conv=$c";; esac
		like_gnu_sh "(printf ab; sleep 0.2; printf cdefg; sleep 0.2; printf h) | \"\$dd\" $c 2>&1 | sed 's/ copied.*//'"
	done
}

@test "status=progress with conv=fsync: GNU's last statistics line before the sync, for the bytes written after the last progress line" {
	local d out=() i=0
	for d in "$(bin dd)" /usr/bin/dd; do
		out[i]=$( (head -c 1048576 /dev/zero; sleep 1.6; head -c 1048576 /dev/zero) |
			"$d" bs=64k iflag=fullblock of=f conv=fsync status=progress 2>&1 |
			sed "s|$d|dd|; s/, [0-9.e+-]* s, [0-9.]* [kMGT]*B\/s/, T, S/g")
		i=$((i + 1))
	done
	[ "${out[0]}" = "${out[1]}" ] || { printf 'ours: %s\nGNU:  %s\n' "${out[0]}" "${out[1]}"; return 1; }
	[ "$(grep -o copied <<< "${out[1]}" | wc -l)" = 3 ]
}

# tape_run DD ARGS... - DD ARGS (count=0, under ulimit -v 20000) on
# ./tape, a FIFO into which another dd writes one block of 512 bytes: its
# status (124 when it hung)
tape_run() {
	rm -f tape
	mkfifo tape
	timeout 10 /usr/bin/dd count=1 if=/dev/zero of=tape status=none &
	local s=0
	(ulimit -v 20000; exec timeout 10 "$@" status=none) || s=$?
	wait
	echo "$s"
}

@test "skip= and seek= read a FIFO with the buffer they need alone, the output opened O_RDWR for seek=, as GNU (tests/dd/no-allocate.sh)" {
	# GNU's expectations: the records read from the input need ibs bytes,
	# from the output obs bytes (of=, with seek= records, opened O_RDWR:
	# no wait for a reader); ours read the input with ibs + obs bytes and
	# waited in the open of the output (a second writer) for ever
	for args in "skip=1 if=tape" "seek=1 of=tape"; do
		for buf in bs ibs obs; do
			a=$(tape_run "$(bin dd)" $buf=30M $args count=0)
			b=$(tape_run /usr/bin/dd $buf=30M $args count=0)
			echo "$buf=30M $args: ours $a GNU $b"
			[ "$a" = "$b" ]
		done
	done
}

@test "seek= on an output that cannot seek but reads (a FIFO open O_RDWR, a socket): the records read from it, zeros where it ended, as GNU 9.1's skip()" {
	printf 'hello' > in
	for args in "seek=1 bs=4" "seek=2 bs=3" "seek=5 bs=2 oflag=seek_bytes" "seek=1 obs=4" "seek=2 obs=4 ibs=3 conv=ucase" "seek=3 bs=2 iflag=fullblock"; do
		for who in ours gnus; do
			dd=$(bin dd); [ $who = ours ] || dd=/usr/bin/dd
			# a FIFO open O_RDWR as stdout, 6 bytes in it
			rm -f fifo; mkfifo fifo
			( exec 3<> fifo; printf 'abcdef' >&3
			  "$dd" $args status=noxfer < in >&3 2> err; echo "status $?"
			  sed "s|^$dd:|dd:|" err
			  timeout 1 cat <&3 | od -An -c ) > "fifo.$who" || true
			# a socket whose other end shut down its writing: the end at once
			python3 - "$dd" $args > "sock.$who" <<'PY'
import socket, subprocess, sys
a, b = socket.socketpair()
b.sendall(b'xy'); b.shutdown(socket.SHUT_WR)
p = subprocess.run(sys.argv[1:] + ['status=noxfer'], stdin=open('in', 'rb'), stdout=a, stderr=subprocess.PIPE)
a.close()
data = b''
while True:
    d = b.recv(65536)
    if not d:
        break
    data += d
print(p.returncode, repr(data), p.stderr.decode().replace(sys.argv[1] + ':', 'dd:'))
PY
		done
		echo "$args"; cat fifo.ours fifo.gnus sock.ours sock.gnus
		cmp fifo.ours fifo.gnus
		cmp sock.ours sock.gnus
	done
}

# interrupted DD CASE - DD reads ./fifo into ./out; CASE: "read" (3 bytes
# written, the FIFO kept open: dd waits in its next read), "open" (no
# writer yet: dd waits in the open), "ignored" (as "read", with SIGINT
# ignored by its parent, then 2 more bytes and the end). SIGINT is sent
# once it waits; prints its status (-2: killed by SIGINT), its stderr (the
# times and speeds masked) and what it wrote.
interrupted() {
	rm -f fifo out err
	mkfifo fifo
	python3 - "$@" <<'PY'
import os, subprocess, sys, time, signal, re
dd, case = sys.argv[1], sys.argv[2]
e = open('err', 'wb')
# (SIGINT's disposition set either way: a background job's is ignored)
act = signal.SIG_IGN if case == 'ignored' else signal.SIG_DFL
pre = lambda: signal.signal(signal.SIGINT, act)
p = subprocess.Popen([dd, 'if=fifo', 'of=out'] + sys.argv[3:], stdin=subprocess.DEVNULL, stderr=e, preexec_fn=pre)
def give_up(*_):
    p.kill()
    sys.exit('hung: %s' % open('err').read())
signal.signal(signal.SIGALRM, give_up)
signal.alarm(10)
def rchar():
    return int(re.search(r'rchar: (\d+)', open('/proc/%d/io' % p.pid).read()).group(1))
def wait_in(chan, nread=0):
    # (wchan: where it sleeps, pipe_read or anon_pipe_read by the kernel;
    # /proc/PID/io's rchar: the bytes it read, exec's included)
    for _ in range(5000):
        try:
            if open('/proc/%d/wchan' % p.pid).read().endswith(chan) and rchar() >= nread:
                return
        except OSError:
            pass
        time.sleep(0.001)
    sys.exit('dd never waited in ' + chan)
w = None
if case == 'open':
    wait_in('wait_for_partner')
else:
    w = os.open('fifo', os.O_WRONLY)
    wait_in('pipe_read')
    base = rchar()
    os.write(w, b'abc')
    wait_in('pipe_read', base + 3)
p.send_signal(signal.SIGINT)
time.sleep(0.05)
if case == 'ignored':
    os.write(w, b'de')
if w is not None:
    os.close(w)
st = p.wait()
err = open('err').read().replace(dd + ':', 'dd:')
err = re.sub(r'copied, [0-9.e+-]+ s, [0-9.]+ [kMGTPEZY]?B/s', 'copied, T s, S', err)
got = open('out', 'rb').read() if os.path.exists('out') else None
print('status', st); print(err, end=''); print(repr(got))
PY
}

@test "SIGINT: the files closed, the statistics printed, then killed by it, as GNU's interrupt_handler; not when it is ignored" {
	# found checking dd's signals against GNU: ours died at once, silent
	for args in "read" "open" "ignored" "read status=none" "read status=noxfer bs=2"; do
		a=$(interrupted "$(bin dd)" $args) || { echo "$a"; return 1; }
		b=$(interrupted /usr/bin/dd $args) || { echo "$b"; return 1; }
		echo "$args: ours [$a]"
		echo "$args: GNU [$b]"
		[ "$a" = "$b" ]
	done
}
