#!/usr/bin/env bats
# tee: what difftest cannot see: the system calls that move the bytes
# (tee(2) and splice(2) from a pipe, read/write otherwise), outputs that
# take only part of a round (a slow pipe), SIGPIPE and -p, -i and SIGINT,
# an unwritable file as a non-root user, files past 4 GiB on i386,
# --output-error's modes with a closed pipe.
load helpers

# closed_pipe PROG ARGS... - run PROG with stdout a pipe whose reader is
# gone; prints "STATUS STDERR" (a negative status: killed by that signal).
# SIGPIPE is at its default in PROG.
closed_pipe() {
	python3 -c '
import os, subprocess, sys
r, w = os.pipe()
os.close(r)
p = subprocess.run(sys.argv[1:], stdin=open("in", "rb"), stdout=w,
                   stderr=subprocess.PIPE)
err = p.stderr.decode().split(": ", 1)
print(p.returncode, err[1] if len(err) > 1 else "")' "$@"
}

@test "from a pipe: tee(2) into the stdout pipe, splice(2) into the file, no read of data, no write" {
	head -c 3000000 /dev/urandom > in
	/usr/bin/cat in | strace -o log -e trace=tee,splice,read,write \
		"$(bin tee)" f | /usr/bin/cat > out
	cmp in out
	cmp in f
	grep -Eq '^tee\(0, 1, [0-9]+, 0\) += [1-9]' log
	grep -Eq '^splice\(0, NULL, [0-9]+, NULL, [0-9]+, 0\) += [1-9]' log
	# (its end: poll says POLLHUP alone, and a read of nothing tells it)
	[ "$(grep -Ec '^(read\(.* = [1-9]|write\()' log)" -eq 0 ]
}

@test "from a pipe into /dev/null alone: splice only" {
	head -c 1000000 /dev/urandom > in
	/usr/bin/cat in | strace -o log -e trace=tee,splice,read,write \
		"$(bin tee)" > /dev/null
	grep -Eq '^splice\(0, NULL, 1, NULL, [0-9]+, 0\) += [1-9]' log
	[ "$(grep -Ec '^(read\(.* = [1-9]|write\(|tee\()' log)" -eq 0 ]
}

@test "from a pipe into two files and a slow pipe: every byte, once" {
	head -c 20000000 /dev/urandom > in
	/usr/bin/cat in | "$(bin tee)" f g >(python3 -c '
import sys, time
i, o = sys.stdin.buffer, open("slow", "wb")
while True:
    b = i.read1(7000)
    if not b: break
    o.write(b); time.sleep(0.0002)
') | python3 -c '
import sys, time
i, o = sys.stdin.buffer, open("out", "wb")
while True:
    b = i.read1(5000)
    if not b: break
    o.write(b)
'
	for i in $(seq 50); do cmp -s in slow && break; sleep 0.1; done
	cmp in out
	cmp in f
	cmp in g
	cmp in slow
}

@test "from a pipe, -a: splice is refused once, read/write after, bytes exact" {
	head -c 1000000 /dev/urandom > in
	echo before > f
	/usr/bin/cat in | strace -o log -e trace=tee,splice,read,write \
		"$(bin tee)" -a f | /usr/bin/cat > out
	{ echo before; /usr/bin/cat in; } | cmp - f
	cmp in out
	[ "$(grep -Ec '^splice\(.* = -1 EINVAL' log)" -eq 1 ]
}

@test "from a regular file: read and write" {
	head -c 1000000 /dev/urandom > in
	"$(bin tee)" f g < in > out
	cmp in out
	cmp in f
	cmp in g
}

@test "SIGPIPE: without -p killed by it, as GNU; the files have what came before" {
	seq 1 200000 > in
	run closed_pipe "$(bin tee)" f
	[ "$output" = "-13 " ]
	run closed_pipe /usr/bin/tee f
	[ "$output" = "-13 " ]
}

@test "-p: a closed pipe is dropped silently, the file gets everything" {
	seq 1 200000 > in
	run closed_pipe "$(bin tee)" -p f
	[ "$output" = "0 " ]
	cmp in f
	run closed_pipe /usr/bin/tee -p f
	[ "$output" = "0 " ]
	# from a pipe too
	run bash -c '/usr/bin/cat in | "$1" -p g | head -c 1 > /dev/null; echo "${PIPESTATUS[1]}"' sh "$(bin tee)"
	[ "$output" = 0 ]
	cmp in g
}

@test "-p: other errors are told, status 1" {
	seq 1 200000 > in
	run closed_pipe "$(bin tee)" -p /dev/full f
	[ "$output" = "1 /dev/full: No space left on device" ]
	cmp in f
	run closed_pipe /usr/bin/tee -p /dev/full f
	[ "$output" = "1 /dev/full: No space left on device" ]
}

@test "SIGPIPE ignored, no -p: a broken pipe is dropped silently, as GNU" {
	seq 1 200000 > in
	run bash -c 'trap "" PIPE; closed_pipe() { python3 -c "
import os, subprocess, sys
r, w = os.pipe()
os.close(r)
p = subprocess.run(sys.argv[1:], stdin=open(\"in\", \"rb\"), stdout=w, stderr=subprocess.PIPE, restore_signals=False)
print(p.returncode, len(p.stderr))" "$@"; }; closed_pipe "$1" f; closed_pipe /usr/bin/tee g' sh "$(bin tee)"
	echo "got: $output"
	[ "$output" = "$(printf '0 0\n0 0')" ]
	cmp in f
	cmp in g
}

@test "-i: SIGINT is ignored; without it, SIGINT kills" {
	run python3 -c '
import signal, subprocess, sys, time
def go(args):
    # SIGINT at its default in tee (an asynchronous list of a script, such
    # as make check runs, starts with SIGINT ignored, and tee inherits that)
    p = subprocess.Popen(args, stdin=subprocess.PIPE, stdout=subprocess.DEVNULL,
                         preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    p.stdin.write(b"first\n"); p.stdin.flush()
    # once the line is in the file, tee has set up its signals (no sleep
    # can be long enough on a loaded machine)
    for _ in range(2000):
        try:
            if open(args[-1], "rb").read() == b"first\n":
                break
        except FileNotFoundError:
            pass
        time.sleep(0.01)
    p.send_signal(signal.SIGINT)
    time.sleep(0.2)
    try:
        p.stdin.write(b"second\n"); p.stdin.close()
    except BrokenPipeError:
        pass
    return p.wait()
print(go([sys.argv[1], "-i", "f"]), go([sys.argv[1], "g"]))' "$(bin tee)"
	[ "$output" = "0 -2" ]
	[ "$(cat f)" = "$(printf 'first\nsecond')" ]
	[ "$(cat g)" = first ]
}

@test "an unwritable file as a non-root user: Permission denied, the rest written" {
	echo x > in
	: > locked
	chmod 444 locked
	chmod 777 "$T"
	as_nobody
	run "${as[@]}" "$(bin tee)" locked free < in
	[ "$status" -eq 1 ]
	[ "$output" = "$(printf '%s: locked: Permission denied\nx' "$(bin tee)")" ]
	[ "$(cat free)" = x ]
}

@test "/dev/full as stdout: GNU's message, status 1" {
	sh_fails 1 tee "'standard output': No space left on device" 'echo x | "$1" > /dev/full'
	sh_fails 1 tee "'standard output': No space left on device" 'seq 1 100000 | "$1" f > /dev/full'
	[ "$(wc -l < f)" -eq 100000 ]
}

@test "past 4 GiB: a sparse file through, and -a onto one (O_LARGEFILE)" {
	shm_sparse 4831838208
	[ "$("$(bin tee)" < "$sparse" | wc -c)" -eq 4831838208 ]
	echo x | "$(bin tee)" -a "$sparse" > /dev/null
	[ "$(stat -c %s "$sparse")" -eq 4831838210 ]
}

@test "--output-error=MODE with a closed pipe: each MODE as GNU's (status, message, the file)" {
	seq 1 200000 > in
	local m
	for m in warn warn-nopipe exit exit-nopipe warn-n exit-n; do
		run closed_pipe "$(bin tee)" --output-error=$m f
		local ours=$output
		cp f ours_f
		run closed_pipe /usr/bin/tee --output-error=$m f
		echo "$m: ours '$ours' GNU '$output'"
		[ "$ours" = "$output" ]
		cmp ours_f f
	done
	# no MODE: as -p
	run closed_pipe "$(bin tee)" --output-e f
	[ "$output" = "0 " ]
	cmp in f
	# warn through a pipe: every byte to the file, the pipe told once
	run bash -c '/usr/bin/cat in | "$1" --output-error=warn g | head -c 1 > /dev/null; echo "${PIPESTATUS[1]}"' sh "$(bin tee)"
	[ "$output" = "$(printf "%s: 'standard output': Broken pipe\n1" "$(bin tee)")" ]
	cmp in g
}

@test "--help and --version: GNU's unrecognized option (see README)" {
	option_unrecognized 1 tee --help --version
}

@test "trivial runs: RSS at most 16 KiB" {
	printf 'a b\nc d\n' > f
	rss_at_most 16 tee < /dev/null
	rss_at_most 16 tee < f
	rss_at_most 16 tee out < f
	rss_at_most 16 tee -a out < f
	rss_at_most 16 tee --append --output-error=warn out < f
	rss_at_most 16 tee --output-error=exit out < f
}

@test "100 operands and a bad one, as GNU (i386: the vDSO after 32 calls)" {
	hundred_operands_like_gnu files tee
}

# filled_pipe FILE PROG ARGS... - PROG with stdin a pipe (1 MiB) that
# holds all of FILE before PROG starts (its reads then do not depend on a
# writer's timing: 8 KiB each for GNU's)
filled_pipe() {
	python3 -c '
import fcntl, os, subprocess, sys
r, w = os.pipe()
fcntl.fcntl(w, 1031, 1 << 20)           # F_SETPIPE_SZ
os.write(w, open(sys.argv[1], "rb").read())
os.close(w)
sys.exit(subprocess.run(sys.argv[2:], stdin=r).returncode)' "$@"
}

@test "one file twice with -a: GNU's 8 KiB reads interleaved, from a pipe and a file" {
	head -c 600000 /dev/urandom > in
	for args in "f f" "f g f" "f ./f g"; do
		rm -f f g
		filled_pipe in "$(bin tee)" -a $args > out
		mv f ours; cmp in out
		filled_pipe in /usr/bin/tee -a $args > out
		cmp f ours
		rm -f f g
		"$(bin tee)" -a $args < in > out
		mv f ours; cmp in out
		/usr/bin/tee -a $args < in > out
		cmp f ours
	done
	# and the reads are GNU's 8 KiB, the writes plain writes
	rm -f f
	filled_pipe in strace -o log -e trace=read,write,tee,splice "$(bin tee)" -a f f > /dev/null
	[ "$(grep -c '^read(0, .*, 8192) = 8192' log)" -eq 73 ]
	[ "$(grep -Ec '^(tee|splice)\(' log)" -eq 0 ]
}

@test "a hard link, stdout appending to a FILE, the same pipe twice: as GNU's" {
	head -c 300000 /dev/urandom > in
	: > f; ln f h
	"$(bin tee)" -a f h < in > /dev/null; mv f ours; : > f; rm h; ln f h
	/usr/bin/tee -a f h < in > /dev/null
	cmp f ours
	rm -f f
	filled_pipe in "$(bin tee)" -a f >> f; mv f ours
	filled_pipe in /usr/bin/tee -a f >> f
	cmp f ours
	# stdout a pipe, and /dev/stdout: that pipe again
	filled_pipe in "$(bin tee)" /dev/stdout | cat > ours
	filled_pipe in /usr/bin/tee /dev/stdout | cat > gnu
	cmp gnu ours
}

@test "one file twice is the only case off the zero-copy path" {
	head -c 600000 /dev/urandom > in
	filled_pipe in strace -o log -e trace=read,tee,splice "$(bin tee)" f | cat > out
	cmp in out; cmp in f
	grep -Eq '^tee\(0, 1, [0-9]+, 0\) += [1-9]' log
	[ "$(grep -Ec '^read\(0.* = [1-9]' log)" -eq 0 ]
}

@test "an empty pipe in, a pipe without a reader out: no SIGPIPE, as GNU's read of nothing" {
	# (tee(2) and splice(2) at the end of a pipe into a pipe without a
	# reader raise SIGPIPE: poll first)
	run python3 -c '
import os, subprocess, sys
for b in sys.argv[1:]:
    for args in ([], ["f"], ["-a", "f", "f"]):
        r, w = os.pipe(); os.close(w); r2, w2 = os.pipe(); os.close(r2)
        print(subprocess.run([b] + args, stdin=r, stdout=w2).returncode)
        os.close(r); os.close(w2)' "$(bin tee)" /usr/bin/tee
	[ "$output" = "$(printf '0\n%.0s' 1 2 3 4 5 6)" ]
}

@test "an empty pipe in, stdout closed or read-only: no error, as GNU's read of nothing; with data, EBADF as GNU's" {
	# (tee(2) into a bad stdout fails at once, before any input: tee then
	# waits for the input, and ends quietly when it is at its end)
	echo hi > in
	local t o g b
	b=$(bin tee)
	for t in ': | T >&-' ': | T 1<in' ': | T -a f >&-; cat f' 'echo hi | T >&-' \
		'echo hi | T g >&-; cat g' '(sleep 0.2; echo late) | T >&-'; do
		o=$(bash -c "${t//T/exec -a tee $b}" 2>&1; echo "s=$?")
		g=$(bash -c "${t//T/exec -a tee /usr/bin/tee}" 2>&1; echo "s=$?")
		[ "$o" = "$g" ] || { echo "$t: ours [$o], GNU [$g]"; return 1; }
	done
}
