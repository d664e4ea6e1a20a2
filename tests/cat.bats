#!/usr/bin/env bats
# cat: what difftest cannot see: which system calls move the bytes (splice,
# sendfile, and the read/write fallback), files past 4 GiB on both arches,
# SIGPIPE, /dev/full and a closed stdout, an unreadable file as a non-root
# user, and a \r held back by -E across reads of a pipe.
load helpers

# A file of 300000 bytes of every value, and one of text lines.
mkfiles() {
	head -c 300000 /dev/urandom > bin.dat
	seq 1 20000 > lines.txt
}

@test "file into a pipe: splice only, the file is never read" {
	mkfiles
	strace -o log -e trace=splice,sendfile,sendfile64,read,write \
		"$(bin cat)" bin.dat | /usr/bin/cat > out
	cmp bin.dat out
	grep -Eq '^splice\([0-9]+, NULL, 1, NULL, [0-9]+, 0\) += [1-9]' log
	[ "$(grep -Ec '^(read|write|sendfile)' log)" -eq 0 ]
}

@test "pipe into a pipe: splice too, after one byte read and written (GNU reads first)" {
	mkfiles
	/usr/bin/cat bin.dat | strace -o log -e trace=splice,read,write \
		"$(bin cat)" | /usr/bin/cat > out
	cmp bin.dat out
	grep -Eq '^splice\([0-9]+, NULL, 1, NULL, [0-9]+, 0\) += [1-9]' log
	[ "$(grep -Ec '^(read|write)' log)" -eq 2 ]
	grep -Eq '^read\([0-9]+, ".*", 1\) += 1$' log
	grep -Eq '^write\(1, ".*", 1\) += 1$' log
}

@test "a reader already gone: an input with nothing to give writes nothing (no SIGPIPE), a directory says so, as GNU's" {
	# splice tried the output first: killed by SIGPIPE where GNU reads
	# the end of the input and goes on (found by a fuzz)
	mkdir dir; : > empty; echo data > f
	python3 - "$(bin cat)" <<'PY'
import os, subprocess, sys
cases = [["/dev/null"], ["empty"], ["dir"], ["missing", "-"], ["f"],
         ["empty", "dir", "missing"], ["-"], ["f", "-"]]
bad = 0
for kind in ("null", "empty", "pipe", "data"):
    for args in cases:
        res = []
        for b in ("/usr/bin/cat", sys.argv[1]):
            r, w = os.pipe(); os.close(r)
            if kind == "pipe":
                pr, pw = os.pipe(); os.close(pw); si = os.fdopen(pr, "rb")
            else:
                si = open({"null": "/dev/null", "empty": "empty", "data": "f"}[kind], "rb")
            p = subprocess.run(["cat"] + args, executable=b, stdout=w, stdin=si,
                               stderr=subprocess.PIPE)
            os.close(w); si.close()
            res.append((p.returncode, p.stderr.decode().replace(b, "cat")))
        if res[0] != res[1]:
            bad += 1
            print(kind, args, res)
sys.exit(bad)
PY
}

@test "file into a file: copy_file_range as GNU's copy_cat (or sendfile where it is refused), no read" {
	mkfiles
	strace -o log -e trace=copy_file_range,splice,sendfile,sendfile64,read,write \
		"$(bin cat)" bin.dat lines.txt > out
	strace -o glog -e trace=copy_file_range /usr/bin/cat bin.dat lines.txt > expected
	cmp expected out
	# the same copy_file_range calls and answers as GNU's
	diff <(grep -o '^copy_file_range.*' glog | sed 's/, [0-9]*, 0)/)/') \
		<(grep -o '^copy_file_range.*' log | sed 's/, [0-9]*, 0)/)/')
	grep -Eq '^(copy_file_range|sendfile(64)?)\([0-9]+, .* += [1-9]' log
	[ "$(grep -Ec '^(read|write)' log)" -eq 0 ]
}

@test "a full file system under a file into a file: GNU's copy_cat message, the operand's name, the next operand goes on" {
	command -v unshare > /dev/null || skip "unshare missing"
	[ "$(id -u)" -eq 0 ] || skip "mounts a tmpfs: root only"
	mkdir m
	head -c 30000 /dev/urandom > b30k
	for who in ours gnu; do
		if [ $who = ours ]; then c=$(bin cat); else c=/usr/bin/cat; fi
		unshare -m sh -c 'mount -t tmpfs -o size=80k t m && cp b30k m/ && echo small > m/small &&
			"$1" m/small m/b30k m/b30k m/small - < m/small > m/o; echo "status $?"
			stat -c %s m/o; md5sum < m/o; umount m' sh "$c" > "$who" 2>&1
		sed -i "s#$c#cat#" "$who"
	done
	diff ours gnu
	grep -q "^cat: m/b30k: No space left on device" ours
}

@test "O_APPEND output: one refused sendfile, then read/write, bytes exact" {
	mkfiles
	echo before > out
	strace -o log -e trace=splice,sendfile,sendfile64,read,write \
		"$(bin cat)" bin.dat lines.txt >> out
	{ echo before; /usr/bin/cat bin.dat lines.txt; } > expected
	cmp expected out
	# per operand: splice and sendfile refused once each, then reads
	[ "$(grep -Ec '^sendfile(64)?\(.* = -1 EINVAL' log)" -eq 2 ]
	[ "$(grep -Ec '^sendfile(64)?\(.* = [0-9]' log)" -eq 0 ]
	grep -Eq '^read\([0-9]+, ' log
}

@test "a pipe into an O_APPEND file: read/write fallback" {
	mkfiles
	: > out
	/usr/bin/cat bin.dat | "$(bin cat)" -u >> out
	cmp bin.dat out
}

@test "stdin from /proc: the same bytes as GNU" {
	"$(bin cat)" < /proc/version > out
	/usr/bin/cat < /proc/version > expected
	cmp expected out
	"$(bin cat)" /proc/self/limits - < /proc/version > out
	[ "$(tail -n 1 out)" = "$(cat expected)" ]
	grep -q '^Max open files' out
}

@test "a sparse file over 4 GiB: exact size through a pipe, sendfile and the fallback" {
	# The issue asks for more than 3 GiB; 4.5 GiB makes offsets pass 2^32.
	truncate -s 4831838208 sparse
	[ "$("$(bin cat)" sparse | wc -c)" -eq 4831838208 ]
	# offsets past 2^32 (stdin moved there by dd): sendfile into a file...
	{ dd bs=1M skip=4600 count=0 status=none; "$(bin cat)"; } < sparse > out
	[ "$(stat -c %s out)" -eq 8388608 ]
	# ...and read/write into an O_APPEND file
	: > out2
	{ dd bs=1M skip=4600 count=0 status=none; "$(bin cat)" -; } < sparse >> out2
	[ "$(stat -c %s out2)" -eq 8388608 ]
	[ "$(tr -d '\0' < out2 | wc -c)" -eq 0 ]
	# and through the formatting path: one line of NULs, -b numbers it
	{ dd bs=1M skip=4607 count=0 status=none; "$(bin cat)" -b -; } < sparse > out3
	[ "$(stat -c %s out3)" -eq $((1048576 + 7)) ]
}

@test "SIGPIPE: cat big | head -c1 ends by the signal, silently" {
	seq 1 1000000 > big
	sigpipe_silent cat '-c 1' 1 big
	sigpipe_silent cat '-c 1' ' ' -n big
	/usr/bin/cat big | sigpipe_silent cat '-c 1' 1
}

@test "SIGPIPE ignored: write error: Broken pipe, status 1, as GNU" {
	seq 1 1000000 > big
	sigpipe_ignored_fails cat 'write error: Broken pipe' big
	sigpipe_ignored_fails cat 'write error: Broken pipe' -n big
}

@test "/dev/full: GNU's message, status 1, at the first write" {
	mkfiles
	dev_full_fails cat lines.txt nosuch
	dev_full_fails cat -n lines.txt
	echo x | dev_full_fails cat
}

@test "closed stdout: GNU's message, status 1, nothing opened" {
	mkfiles
	sh_fails 1 cat 'standard output: Bad file descriptor' '"$1" lines.txt >&-'
	sh_fails 1 cat 'standard output: Bad file descriptor' '"$1" -n - >&-'
}

@test "unreadable file as a non-root user: Permission denied, the rest copied" {
	echo open > free
	lock_file
	unreadable_like_gnu cat 'open\n%s: locked: Permission denied\nopen' free locked free
}

@test "input file is output file: refused, the file unchanged" {
	mkfiles
	cp lines.txt f
	sh_fails 1 cat 'f: input file is output file' '"$1" f >> f'
	cmp lines.txt f
	sh_fails 1 cat '-: input file is output file' '"$1" -n - < f >> f'
	cmp lines.txt f
	# stdin already at its end: GNU copies (nothing) without a word
	run sh -c '{ /usr/bin/cat > /dev/null; "$1" -; } < f >> f' sh "$(bin cat)"
	[ "$status" -eq 0 ]
	[ -z "$output" ]
	cmp lines.txt f
	# an empty file onto itself is fine
	: > e
	run sh -c '"$1" e >> e' sh "$(bin cat)"
	[ "$status" -eq 0 ]
}

@test "-E: a \\r held across the reads of a pipe and at the 128 KiB boundary" {
	( printf 'a\r'; sleep 0.2; printf '\nb\r'; sleep 0.2; printf 'c\r' ) |
		"$(bin cat)" -E > out
	[ "$(od -An -c out | tr -s ' ')" = " a ^ M $ \n b \r c \r" ]
	{ head -c 131071 /dev/zero | tr '\0' x; printf '\r\nz\r\n'; } > f
	"$(bin cat)" -E f f > out
	/usr/bin/cat -E f f > expected
	cmp expected out
	"$(bin cat)" -nE - < f > out
	/usr/bin/cat -nE - < f > expected
	cmp expected out
}

@test "line numbers widen past 999999 exactly as GNU" {
	yes '' | head -n 1000003 > many
	"$(bin cat)" -n many many | tail -n 3 > out
	/usr/bin/cat -n many many | tail -n 3 > expected
	cmp expected out
	"$(bin cat)" -n many | sed -n '999998,1000001p' > out
	printf '999998\t\n999999\t\n1000000\t\n1000001\t\n' > expected
	cmp expected out
}

@test "peak RSS of a trivial run: at most 16 KiB" {
	rss_at_most 16 cat /dev/null
	rss_at_most 16 cat
}

@test "100 files and a missing one among them, plain and -n, as GNU (i386: the vDSO after 32 calls)" {
	local i names=()
	for i in $(seq 1 100); do
		printf 'file %d\nno newline' "$i" > "f$i"
		names+=("f$i")
		[ "$i" -eq 60 ] && names+=(missing)
	done
	for opt in -- -n -A; do
		run "$(bin cat)" "$opt" "${names[@]}"
		local ours=$output st=$status
		run /usr/bin/cat "$opt" "${names[@]}"
		[ "$st" -eq "$status" ]
		[ "$st" -eq 1 ]
		[ "${ours//$(bin cat)/cat}" = "${output//\/usr\/bin\/cat/cat}" ]
	done
}
