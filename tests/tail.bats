#!/usr/bin/env bats
# tail: what difftest cannot see: following (-f, -F never end by
# themselves: here they run in the background while the test writes,
# renames and truncates their files, and end by --pid or a kill), a
# 100 MiB line, files over 4 GiB read from their end, SIGPIPE, an
# unreadable file as a non-root user, and the cost on a 1 GiB file.
load helpers

# The --pid a following tail watches is a `sleep 60` (h) the script kills
# after its last write, so a slow machine cannot end tail before the writes.
# both SCRIPT: run the bash SCRIPT with $TAIL = our tail, then GNU's, each
# in a fresh directory; their stdout and stderr (with the program's name
# made "tail") must be the same.
both() {
	local who
	for who in ours gnu; do
		mkdir "$T/$who" && cd "$T/$who" || return 1
		if [ "$who" = ours ]; then TAIL=$(bin tail); else TAIL=/usr/bin/tail; fi
		TAIL=$TAIL bash -c "$1" > out 2> err
		sed -i "s#$TAIL#tail#g" err
		cd "$T" || return 1
	done
	diff ours/out gnu/out && diff ours/err gnu/err
}

@test "a 100 MiB line: -n 1, -c, -n +2 of a file and of a pipe" {
	{ printf 'first\n'; head -c 104857600 /dev/zero | tr '\0' x; printf '\n'; } > big
	"$(bin tail)" -n 1 big | cmp - <(/usr/bin/tail -n 1 big)
	/usr/bin/cat big | "$(bin tail)" -n 1 | cmp - <(/usr/bin/tail -n 1 big)
	/usr/bin/cat big | "$(bin tail)" -n 2 | cmp - big
	"$(bin tail)" -n +2 big | cmp - <(/usr/bin/tail -n +2 big)
	/usr/bin/cat big | "$(bin tail)" -c 104857590 | cmp - <(/usr/bin/tail -c 104857590 big)
}

@test "NUL bytes and a last line without a newline, files and pipes" {
	printf 'a\0b\nc\0\nd\0' > f
	for a in "-n 1" "-n 2" "-n 3" "-n +2" "-c 3" "-c +2" "-z -n 1" "-z -n 2" "-z -n +2"; do
		"$(bin tail)" $a f > out
		/usr/bin/tail $a f > exp
		cmp exp out
		/usr/bin/cat f | "$(bin tail)" $a > out
		cmp exp out
	done
}

@test "SIGPIPE: killed silently like GNU" {
	seq 1 300000 > f
	sigpipe_silent tail '-c 1' 1 -n 200000 f
	yes | sigpipe_silent tail '-c 1' y -n +1
}

@test "SIGPIPE ignored: GNU's message, status 1" {
	yes 2>/dev/null | sigpipe_ignored_fails tail "error writing 'standard output': Broken pipe" -c +1
}

@test "unreadable file as a non-root user: GNU's message, the others done" {
	echo open > free
	lock_file
	for t in tail /usr/bin/tail; do
		unreadable_split_fails $t '==> free <==\nopen\n\n==> free <==\nopen' \
			"%s: cannot open 'locked' for reading: Permission denied" free locked free
	done
}

@test "a sparse file over 4 GiB: -c 10 and -n 2 seek to the end (64-bit offsets)" {
	truncate -s 4831838208 sparse
	printf 'one\ntwo\n' >> sparse
	[ "$("$(bin tail)" -c 10 sparse | od -An -c | tr -s ' ')" = " \0 \0 o n e \n t w o \n" ]
	[ "$("$(bin tail)" -n 1 sparse)" = two ]
	[ "$("$(bin tail)" -c +4831838213 sparse)" = "two" ]
	command -v strace > /dev/null || skip "strace missing"
	strace -o log -e trace=lseek,_llseek,read "$(bin tail)" -c 10 sparse > /dev/null
	grep -Eq '^(lseek\([0-9]+, 4831838206, SEEK_SET\)|_llseek\([0-9]+, 4831838206, \[4831838206\], SEEK_SET\))' log
	[ "$(grep -c '^read(' log)" -le 2 ]
}

@test "-n 10 of a 1 GiB file: read from its end (at most 2 reads)" {
	truncate -s 1G huge
	seq 1 20 >> huge
	"$(bin tail)" -n 10 huge > out
	[ "$(cat out)" = "$(seq 11 20)" ]
	command -v strace > /dev/null || skip "strace missing"
	strace -o log -e trace=read "$(bin tail)" -n 10 huge > /dev/null
	[ "$(grep -c '^read(' log)" -le 2 ]
}

# The variables, st, ht_window's first window (wbuf) and obuf's start share
# one BSS page (BSS_ROOM), i386's argv0 and status with them (GLOBALS_HERE):
# -c N on a small file or a pipe writes no brk page.
@test "trivial runs: RSS at most 16 KiB" {
	printf 'a b\nc d\n' > f
	rss_at_most 16 tail < /dev/null
	rss_at_most 16 tail < f
	rss_at_most 16 tail -n 1 f
	rss_at_most 16 tail -n 1 < f
	rss_at_most 16 tail -c 3 < /dev/null
	rss_at_most 16 tail -f --pid=2147483647 f
	rss_at_most 16 tail -c 1 f
	rss_at_most 16 tail -c 3 < f
	rss_at_most 16 tail -c +2 f
	rss_at_most 16 tail --lines=1 --quiet f
	rss_at_most 16 tail --bytes=+2 --verbose < f
	rss_at_most 16 tail --follow=name --pid=2147483647 --sleep-interval=2 f
	# 1 KiB of input (wbuf, the first window, is 1280 bytes): long and short lines
	head -c 1024 "$BATS_TEST_DIRNAME/../README.md" > k
	seq 1 300 | head -c 1024 > s
	for i in k s; do
		rss_at_most 16 tail -c 5 $i
		rss_at_most 16 tail -n 3 < $i
		cat $i | rss_at_most 16 tail -c 5
	done
}

@test "--help and --version: GNU's unrecognized option (see README)" {
	option_unrecognized 1 tail --help --version
}

@test "-f: appended lines, ended by --pid, as GNU" {
	both 'echo a > f
	sleep 60 & h=$!; "$TAIL" -f -s 0.1 --pid=$h f &
	t=$!; sleep 0.3; echo b >> f; sleep 0.3; printf "c" >> f; sleep 0.2; echo d >> f
	sleep 0.3; kill $h; wait $t; echo "status $?"'
	[ "$(cat ours/out)" = "$(printf 'a\nb\ncd\nstatus 0')" ]
}

@test "-f: truncation is reported and the file read from its start" {
	both 'printf "1\n2\n3\n" > f
	sleep 60 & h=$!; "$TAIL" -f --pid=$h -n 1 f &
	t=$!; sleep 0.3; : > f; sleep 0.3; echo new >> f; sleep 0.3; echo more >> f
	sleep 0.3; kill $h; wait $t'
	[ "$(cat ours/out)" = "$(printf '3\nnew\nmore')" ]
	[ "$(cat ours/err)" = "tail: f: file truncated" ]
}

@test "polling (a symbolic link named, ---disable-inotify): a header for a file whose stat changed, even with nothing new (GNU's tail_forever)" {
	both 'echo a1 > a; echo b1 > b; ln -s b lb; echo c1 > c
	sleep 60 & h=$!; "$TAIL" -f -s 0.1 --pid=$h a lb c &
	t=$!; sleep 0.4; touch -d 2001-01-01 a; sleep 0.4; echo b2 >> b
	sleep 0.4; chmod 600 c; sleep 0.4; touch -d 2002-01-01 c; sleep 0.4; : > a
	sleep 0.4; echo a2 >> a; sleep 0.4; chmod 644 c; sleep 0.4; kill $h; wait $t
	"$TAIL" ---disable-inotify -f -s 0.1 a c & t=$!
	sleep 0.4; touch -d 2003-01-01 a; sleep 0.4; kill $t'
	[ "$(cat ours/out)" = "$(printf '==> a <==\na1\n\n==> lb <==\nb1\n\n==> c <==\nc1\n\n==> a <==\n\n==> lb <==\nb2\n\n==> c <==\n\n==> a <==\na2\n\n==> c <==\n==> a <==\na2\n\n==> c <==\nc1\n\n==> a <==')" ]
	[ "$(cat ours/err)" = "tail: a: file truncated" ]
}

@test "-f follows the file, not the name, across a rename" {
	both 'echo a > f
	sleep 60 & h=$!; "$TAIL" -f --pid=$h f &
	t=$!; sleep 0.3; mv f g; echo b >> g; sleep 0.3; echo c > f
	sleep 0.3; kill $h; wait $t'
	[ "$(cat ours/out)" = "$(printf 'a\nb')" ]
}

@test "-F: rename, recreate, delete, replace, truncate, with GNU's messages" {
	both 'echo a > g
	"$TAIL" -F g & t=$!
	sleep 0.3; echo b >> g; sleep 0.3; mv g g.old; sleep 0.3; echo new > g
	sleep 0.3; echo more >> g; sleep 0.3; rm g; sleep 0.3; echo again > g
	sleep 0.3; : > g; sleep 0.3; echo x > g.new; mv g.new g; sleep 0.3
	kill $t'
	[ "$(cat ours/out)" = "$(printf 'a\nb\nnew\nmore\nagain\nx')" ]
	grep -q "has been replaced;  following new file" ours/err
}

@test "-F: a file that does not exist yet appears" {
	both '"$TAIL" -F -s 0.2 nosuch & t=$!
	sleep 0.5; echo x > nosuch; sleep 1.5; echo y >> nosuch; sleep 1.3; kill $t'
	[ "$(cat ours/out)" = "$(printf 'x\ny')" ]
	[ "$(cat ours/err)" = "$(printf "tail: cannot open 'nosuch' for reading: No such file or directory\ntail: 'nosuch' has appeared;  following new file")" ]
}

@test "-f with two files: a header when the file changes" {
	both 'echo a1 > a; echo b1 > b
	sleep 60 & h=$!; "$TAIL" -f --pid=$h a b &
	t=$!; sleep 0.3; echo a2 >> a; sleep 0.3; echo b2 >> b; sleep 0.3; echo b3 >> b; sleep 0.3; echo a3 >> a
	sleep 0.3; kill $h; wait $t'
	[ "$(cat ours/out)" = "$(printf '==> a <==\na1\n\n==> b <==\nb1\n\n==> a <==\na2\n\n==> b <==\nb2\nb3\n\n==> a <==\na3')" ]
}

@test "-f on a pipe stdin ends; -f on stdin from a file follows it" {
	run bash -c 'echo x | timeout 2 "$1" -f; echo "status $?"' sh "$(bin tail)"
	[ "$output" = "$(printf 'x\nstatus 0')" ]
	both 'echo a > f
	sleep 60 & h=$!; "$TAIL" -f --pid=$h < f &
	t=$!; sleep 0.3; echo b >> f; sleep 0.3; kill $h; wait $t'
	[ "$(cat ours/out)" = "$(printf 'a\nb')" ]
}

@test "-f on a socket stdin follows it, as GNU (only a FIFO or pipe is ignored: S_ISFIFO)" {
	# The socket's other end has sent its lines and shut its writing
	# down: GNU's -f goes on reading it (nothing more comes) until its
	# --pid ends; ours ended at once as for a pipe.
	both 'sleep 60 & h=$!
	python3 -c "import socket, subprocess, sys
a, b = socket.socketpair()
b.sendall(b\"x\ny\n\"); b.shutdown(socket.SHUT_WR)
p = subprocess.Popen(sys.argv[1:], stdin=a); a.close()
try: p.wait(timeout=1); print(\"ended\", p.returncode)
except subprocess.TimeoutExpired: print(\"following\")
p.terminate(); p.wait()" "$TAIL" -f -n1 --pid=$h
	kill $h'
	[ "$(cat ours/out)" = "$(printf 'y\nfollowing')" ]
}

@test "--pid of a process already gone: one check, then the end" {
	both 'echo a > f; sleep 0.1 & p=$!; wait $p; "$TAIL" -f --pid=$p f; echo "status $?"'
	[ "$(cat ours/out)" = "$(printf 'a\nstatus 0')" ]
}

@test "-f: a write error while following ends tail with GNU's message" {
	echo a > f
	run bash -c 'sleep 2 & "$1" -f --pid=$! f > /dev/full; echo "status $?"' sh "$(bin tail)"
	[ "$output" = "$(printf '%s: write error: No space left on device\nstatus 1' "$(bin tail)")" ]
}

@test "-f without inotify (inotify_init1 refused): GNU's warning, then polling every -s" {
	command -v strace > /dev/null || skip "strace missing"
	echo a > f
	( sleep 0.3; echo b >> f; sleep 0.3; : > f; echo c >> f ) &
	run timeout 5 strace -f -o /dev/null -e inject=inotify_init1:error=EMFILE \
		"$(bin tail)" -f -s 0.1 --pid=$! f
	[ "$status" -eq 0 ]
	[ "$output" = "$(printf 'a\n%s: inotify cannot be used, reverting to polling: Too many open files\nb\n%s: f: file truncated\nc' "$(bin tail)" "$(bin tail)")" ]
}

@test "inotify refused (the instances' or the watches' limits, another error): GNU's messages, then polling, the status kept" {
	command -v strace > /dev/null || skip "strace missing"
	# (GNU calls inotify_init, ours inotify_init1: both refused)
	local c
	for c in "inotify_init,inotify_init1:error=EMFILE -f f" \
		"inotify_add_watch:error=ENOSPC -f f" "inotify_add_watch:error=ENOSPC -F f" \
		"inotify_add_watch:error=ENOMEM -F f" "inotify_add_watch:error=ENOMEM -f f" \
		"inotify_add_watch:error=EACCES -f f g" "inotify_add_watch:error=EACCES:when=2 -f f g" \
		"inotify_add_watch:error=ENOENT -f --retry nosuch f" \
		"inotify_add_watch:error=EACCES -f --retry nosuch f" \
		"inotify_add_watch:error=ENOSPC:when=2 --follow=name f" \
		"inotify_add_watch:error=ENOMEM:when=2 --follow=name f g" \
		"inotify_add_watch:error=EACCES:when=2 --follow=name f" \
		"inotify_add_watch:error=EACCES:when=3 --follow=name f g"; do
		both 'set -- '"$c"'; inj=$1; shift
		echo a > f; echo x > g
		sleep 60 & h=$!
		( sleep 0.4; echo b >> f; echo y >> g; sleep 0.4; kill $h ) &
		timeout 5 strace -f -o /dev/null -e inject=$inj "$TAIL" -s 0.1 --pid=$h "$@"
		echo "status $?"; wait' || { echo "differs: $c"; return 1; }
		rm -rf ours gnu
	done
}

@test "-F on a file in a subdirectory, -n +2 and -c 2 with -f" {
	both 'mkdir sub; printf "1\n2\n3\n" > sub/f
	"$TAIL" -F -n +2 sub/f & t=$!
	sleep 0.3; mv sub/f sub/old; sleep 0.3; echo new > sub/f; sleep 0.3; kill $t
	printf "abc" > g; sleep 60 & h=$!; "$TAIL" -f -c 2 --pid=$h g & u=$!
	sleep 0.3; echo d >> g; sleep 0.3; kill $h; wait $u'
	[ "$(cat ours/out)" = "$(printf '2\n3\nnew\nbcd')" ]
}

@test "-f -n 0: only what is added" {
	both 'seq 1 5 > f; sleep 60 & h=$!; "$TAIL" -f -n 0 --pid=$h f & t=$!
	sleep 0.3; echo 6 >> f; sleep 0.3; kill $h; wait $t'
	[ "$(cat ours/out)" = 6 ]
}

@test "--follow=name without --retry: a removed file is given up" {
	both 'echo a > g; "$TAIL" --follow=name g & t=$!
	sleep 0.3; rm g; sleep 0.5; echo b > g; sleep 1.3; kill $t 2>/dev/null; wait $t; echo "status $?"'
	[ "$(cat ours/out)" = "$(printf 'a\nstatus 1')" ]
	[ "$(cat ours/err)" = "$(printf 'tail: g: No such file or directory\ntail: no files remaining')" ]
}

# GNU's inotify loop keeps a name while the file it had open exists (its
# watch of the file): logrotate's rename, then a new file at the name.
@test "--follow=name without --retry: a log renamed away is followed again when its name comes back, as GNU's inotify loop" {
	both 'echo a > f; "$TAIL" --follow=name -s 0.1 f & t=$!
	sleep 0.3; mv f f.1; sleep 0.3; echo b >> f.1; echo c > f; sleep 0.3; echo d >> f
	sleep 0.3; kill $t; wait $t; echo "status $?"'
	[ "$(cat ours/out)" = "$(printf 'a\nc\nd\nstatus 143')" ]
	[ "$(cat ours/err)" = "$(printf "tail: f: No such file or directory\ntail: 'f' has appeared;  following new file")" ]
	# a link left (ln, rm), renamed twice, renamed away and back
	rm -rf ours gnu
	both 'echo a > f; "$TAIL" --follow=name -s 0.1 f & t=$!
	sleep 0.3; ln f f.1; rm f; sleep 0.3; echo c > f; sleep 0.3; mv f f.2; sleep 0.3
	mv f.2 f; sleep 0.3; echo e >> f; sleep 0.3; kill $t; wait $t; echo "status $?"'
	grep -qx e ours/out
}

@test "--follow=name without --retry: the renamed file deleted, here or elsewhere, ends tail ('no files remaining', status 1)" {
	both 'mkdir sub; echo a > f; "$TAIL" --follow=name -s 0.1 f & t=$!
	sleep 0.3; mv f sub/f.1; sleep 0.3; rm sub/f.1; sleep 0.5; kill $t 2>/dev/null; wait $t; echo "status $?"'
	[ "$(cat ours/out)" = "$(printf 'a\nstatus 1')" ]
	[ "$(tail -n 1 ours/err)" = "tail: no files remaining" ]
	# two files: the one renamed away gone, the other still followed
	rm -rf ours gnu
	both 'echo a > f; echo x > g; "$TAIL" --follow=name -s 0.1 f g & t=$!
	sleep 0.3; mv f f.1; mv g g.1; sleep 0.3; echo c > f; sleep 0.3; rm f.1; sleep 0.3
	echo y >> g.1; rm g.1; sleep 0.5; kill $t 2>/dev/null; wait $t; echo "status $?"'
	[ "$(tail -n 1 ours/out)" = "status 143" ]
}

@test "following with --pid of a finished process: output, messages and status as GNU" {
	printf '1\n2\n3\n' > a; printf 'x\ny' > b; mkdir dd
	sleep 0.01 & p=$!; wait $p
	for o in "-f a b" "-f -n 1 a b" "-f -c 2 a b" "-f -q a b" "-f a nosuch b" \
		"-F a nosuch" "-F nosuch" "-f dd a" "-F dd a" "-f -n +2 a" "-fv a" \
		"-3f a" "-f -z a" "-f --retry nosuch a" "--follow a" "--follow=d a" \
		"--follow=n a" "--follow= a" "--follow=x a" "a --retry" "-f - a" "-F a dd" \
		"--follow=name --retry --sleep-interval=0.5 --max-unchanged-stats=3 a" \
		"---disable-inotify -f a" "--fo=desc --ret --lines=1 a b" "--follow --bytes=+2 --verbose a" \
		"--retry a" "--max-unchanged-stats=x -f a" "---presume-input-pipe --lines -1 -f a"; do
		st=0; timeout 5 "$(bin tail)" $o --pid=$p < a > o1 2> e1 || st=$?
		echo "status $st" >> o1
		sed -i "s#$(bin tail)#tail#" e1
		st=0; timeout 5 /usr/bin/tail $o --pid=$p < a > o2 2> e2 || st=$?
		echo "status $st" >> o2
		sed -i "s#/usr/bin/tail#tail#" e2
		cmp o1 o2 || { echo "stdout differs: $o"; return 1; }
		cmp e1 e2 || { echo "stderr differs: $o"; return 1; }
	done
}

@test "-F: a name replaced by a directory, then by a file again" {
	both 'echo a > g; "$TAIL" -F g & t=$!
	sleep 0.3; rm g; sleep 0.3; mkdir g; sleep 0.5; rmdir g; sleep 0.3; echo b > g; sleep 0.5; kill $t'
	[ "$(cat ours/out)" = "$(printf 'a\nb')" ]
}

@test "100 files and a missing one among them, as GNU (i386: the vDSO after 32 calls)" {
	local opt
	for opt in -n1 -c5 -n+2 -v; do
		rm -rf ours gnu
		hundred_operands_like_gnu files tail $opt
	done
}

@test "stdout flushed before each message: one merged stream as GNU's" {
	printf 'a\tb\n' > f1
	printf 'x\ny\n' > f2
	merged_like_gnu tail f1 nope f1
	merged_like_gnu tail -c1 f1 nope f2
	merged_like_gnu tail -n1 f2 nope f1 nope
}

@test "-f, merged 2>&1: a missing operand's message, then a header for new bytes of a file before the last operand, as GNU" {
	both 'printf "a\n" > f
	sleep 60 & h=$!; "$TAIL" -f -s 0.1 --pid=$h f nope 2>&1 | sed "s#$TAIL#tail#" &
	t=$!; sleep 0.3; echo b >> f; sleep 0.3; : > f; echo c >> f
	sleep 0.3; kill $h; wait $t'
	[ "$(cat ours/out)" = "$(printf '==> f <==\na\ntail: cannot open %snope%s for reading: No such file or directory\n\n==> f <==\nb\ntail: f: file truncated\nc' "'" "'")" ]
}

@test "i386: a pipe's window past 2 GiB (tail -c N, tail -n N): the right bytes, no crash" {
	[ "$(arch)" = i386 ] || skip "the 2 GiB limits are i386's"
	mem_gib 6
	# -c: the window doubled past 2^31 (was shrunk to 64 KiB: SIGSEGV)
	run bash -c 'head -c 2500000000 /dev/zero | "$1" -c 1100000000 | wc -c; echo "${PIPESTATUS[1]}"' sh "$(bin tail)"
	[ "$output" = "$(printf '1100000000\n0')" ]
	# -n: a 2 GiB line held whole (was: a read of 0 bytes taken for the end)
	run bash -c '(head -c 2147483648 /dev/zero; printf "a\nb\n") | "$1" -n 1; echo "${PIPESTATUS[1]}"' sh "$(bin tail)"
	[ "$output" = "$(printf 'b\n0')" ]
}

@test "i386: past the 3.75 GiB window (tail -n 1 of a 3.75 GiB pipe): 'memory exhausted', no SIGSEGV" {
	[ "$(arch)" = i386 ] || skip "the window's limit is i386's"
	mem_gib 6
	# was: killed by SIGSEGV (say measured a 0 ARG)
	run bash -c 'head -c 4100000000 /dev/zero | "$1" -n 1 > /dev/null' sh "$(bin tail)"
	[ "$status" -eq 1 ]
	[ "$output" = "$(bin tail): memory exhausted" ]
}

@test "on a terminal what is read shows at once (GNU's line-buffered stdout), to a pipe only at the end (4 KiB stdio), as GNU's; -f, -F" {
	# stdin a pipe fed one line and held open; was: nothing shown on a
	# terminal until the input ended
	printf 'x\ny\n' > f
	mkfifo p
	early_like_gnu tty tail -n +1
	early_like_gnu tty tail -c +1
	early_like_gnu tty tail -c +2
	early_like_gnu tty tail -v -n +2        # the header
	early_like_gnu tty tail -v -c +9
	early_like_gnu tty tail -v              # the header, the window waits
	early_like_gnu tty tail f -             # f's lines while stdin's wait
	early_like_gnu tty tail f p             # f's lines while p's open waits
	early_like_gnu pipe tail -n +1
	early_like_gnu pipe tail -c +1
	early_like_gnu pipe tail f -
	run early tty timeout 1 "$(bin tail)" -f f
	[ "$output" = "$(printf 'early\nx\ny')" ]
	run early tty timeout 1 "$(bin tail)" -F -n 1 f
	[ "$output" = "$(printf 'early\ny')" ]
}

# A FIFO on stdout is watched while following, as GNU's: tail ends as soon
# as its reader is gone (by SIGPIPE, or status 1 when it is ignored), not
# at its next write. `tail -f log | grep -m1 ready` used to hang as long
# as the log did not grow. The pipeline is timed out at 20 s: ours and
# GNU's must end at once, with the same statuses.
@test "-f into a pipe: the reader gone ends tail at once (SIGPIPE), as GNU" {
	both 'printf "a\nb\n" > f
	timeout 20 bash -c "\$TAIL -f f | head -1; echo \${PIPESTATUS[*]}"
	timeout 20 bash -c "trap \"\" PIPE; \$TAIL -f f | head -1; echo \${PIPESTATUS[*]}"
	timeout 20 bash -c "\$TAIL -F -n1 f | head -1; echo \${PIPESTATUS[*]}"
	timeout 20 bash -c "sleep 60 & \$TAIL -f --pid=\$! -s 0.2 f - < f | head -1; echo \${PIPESTATUS[*]}; kill \$!"
	echo "end $?"'
	grep -qx 'end 0' ours/out
}

@test "-f without inotify into a pipe: the reader gone ends tail at the next interval" {
	command -v strace > /dev/null || skip "strace missing"
	echo a > f
	run timeout 20 bash -c 'strace -f -o /dev/null -e inject=inotify_init1:error=EMFILE \
		"$1" -f -s 0.1 f 2> /dev/null | head -1; echo "${PIPESTATUS[*]}"' sh "$(bin tail)"
	[ "$output" = "$(printf 'a\n141 0')" ]	# (its warning: the test above)
}

@test "-f with stdout closed: GNU's 'standard output' message, then its write error" {
	both 'printf "a\nb\n" > f
	timeout 20 $TAIL -f < f >&-; echo "$?" >&2; timeout 20 $TAIL -f -n0 < f >&-; echo "$?" >&2'
	grep -q "standard output: Bad file descriptor" ours/err
}

# GNU's own tests/tail-2 (assert.sh, retry.sh, inotify-dir-recreate.sh,
# follow-stdin.sh, pipe-f.sh) found these: each against GNU.
@test "--follow=name without --retry: a removed name is looked at again while another file is open (has appeared)" {
	both 'touch a foo; "$TAIL" --follow=name -s 0.1 a foo & t=$!
	sleep 0.3; echo x > a; sleep 0.3; rm foo; sleep 0.5; echo "ok ok ok" > foo
	sleep 0.5; echo y >> a; sleep 0.5; kill $t'
	[ "$(tail -n 2 ours/err)" = "$(printf "tail: foo: No such file or directory\ntail: 'foo' has appeared;  following new file")" ]
	grep -qx 'ok ok ok' ours/out
}

@test "-f --retry: a name that appears as a directory is given up ('no files remaining', status 1)" {
	both '"$TAIL" -f --retry -s 0.1 missing & t=$!
	sleep 0.3; mkdir missing; sleep 0.5; kill $t 2>/dev/null; wait $t; echo "status $?"
	rmdir missing; mkdir dd; timeout 5 "$TAIL" -f --retry -s 0.1 dd; echo "status $?"'
	[ "$(cat ours/out)" = "$(printf 'status 1\nstatus 1')" ]
	grep -q "'missing' has been replaced with an untailable file; giving up on this name" ours/err
	[ "$(grep -c 'no files remaining' ours/err)" = 2 ]
}

@test "-F: a directory that was not tailable becomes a file: 'has become accessible'" {
	both 'mkdir g; sleep 60 & h=$!; "$TAIL" -F -s 0.2 --pid=$h g & t=$!
	sleep 0.4; kill -STOP $t; rmdir g; echo b > g; kill -CONT $t
	sleep 0.5; echo c >> g; sleep 0.4; kill $h; wait $t; echo "status $?"'
	[ "$(cat ours/out)" = "$(printf 'b\nc\nstatus 1')" ]
	[ "$(tail -n 1 ours/err)" = "tail: 'g' has become accessible" ]
}

@test "-F: the directory of the file removed and made again: GNU's messages, then polling" {
	both 'mkdir dir; echo one > dir/file; sleep 60 & h=$!
	"$TAIL" -F -s 0.2 --pid=$h dir/file & t=$!
	sleep 0.3; rm -r dir; sleep 0.5; mkdir dir; echo two > dir/file
	sleep 0.6; echo three >> dir/file; sleep 0.6; kill $h; wait $t; echo "status $?"'
	[ "$(cat ours/out)" = "$(printf 'one\ntwo\nthree\nstatus 0')" ]
	[ "$(cat ours/err)" = "$(printf "%s\n" "tail: 'dir/file' has become inaccessible: No such file or directory" \
		"tail: directory containing watched file was removed" \
		"tail: inotify cannot be used, reverting to polling" \
		"tail: 'dir/file' has appeared;  following new file")" ]
}

@test "following with stdin or stdout closed: a file opened gets no fd below 3 ('-: Bad file descriptor', 'standard output')" {
	both 'echo a > f
	timeout 5 "$TAIL" -f - <&-; echo "status $?"
	timeout 5 "$TAIL" -f /dev/null >&-; echo "status $?" >&2
	sleep 0.01 & p=$!; wait $p; timeout 5 "$TAIL" -f - f --pid=$p <&-; echo "status $?"'
	[ "$(grep -c -- 'tail: -: Bad file descriptor' ours/err)" = 2 ]
	grep -q 'tail: standard output: Bad file descriptor' ours/err
}

# inotify_fds TAIL ARGS... - how many inotify descriptors TAIL ARGS holds
# while following (after 0.3 s)
inotify_fds() {
	local t=$1 p n
	shift
	"$t" "$@" > /dev/null 2>&1 & p=$!
	sleep 0.3
	n=$(ls -l "/proc/$p/fd" 2> /dev/null | grep -c inotify)
	kill "$p" 2> /dev/null
	wait "$p"
	echo "$n"
}

@test "inotify where GNU uses it: not for ---disable-inotify, a character device, a symbolic link named, a followed stdin file (GNU's disable_inotify)" {
	echo a > f
	ln -s f l
	local args o g
	for args in "-f f" "-F f" "---disable-inotify -f f" "-f /dev/null" "-f f /dev/null" \
		"-F l" "-f l" "-f f l" "-f - f" "--follow=name f"; do
		o=$(inotify_fds "$(bin tail)" $args < f)
		g=$(inotify_fds /usr/bin/tail $args < f)
		[ "$o" = "$g" ] || { printf 'tail %s: ours %s inotify fds, GNU %s\n' "$args" "$o" "$g"; return 1; }
	done
	# its polling loop's status: 0 after "no files remaining"
	run bash -c '"$1" --follow=name ---disable-inotify -s .1 f 2>&1 & sleep 0.4; rm f; wait $!' _ "$(bin tail)"
	[ "$status" -eq 0 ]
	[ "${lines[2]}" = "$(bin tail): no files remaining" ]
}
