#!/usr/bin/env bats
# sleep: that it waits (lower bounds only), stops and signals, very long and
# endless waits, and the exact timespec it asks the kernel for, compared
# with GNU's through strace.
load helpers

# now_ns - the monotonic-enough wall clock in nanoseconds
now_ns() { date +%s%N; }

@test "sleep 0.3 waits at least 0.3 s" {
	t0=$(now_ns)
	"$(bin sleep)" 0.3
	t1=$(now_ns)
	[ $((t1 - t0)) -ge 300000000 ]
}

@test "operands are added: 0.1 0.1s 0.002m wait at least 0.32 s" {
	t0=$(now_ns)
	"$(bin sleep)" 0.1 0.1s 0.002m
	t1=$(now_ns)
	[ $((t1 - t0)) -ge 320000000 ]
}

@test "SIGSTOP and SIGCONT during the sleep do not shorten it" {
	t0=$(now_ns)
	"$(bin sleep)" 0.8 &
	pid=$!
	sleep 0.2
	kill -STOP "$pid"
	sleep 0.1
	kill -CONT "$pid"
	wait "$pid"
	t1=$(now_ns)
	[ $((t1 - t0)) -ge 800000000 ]
}

@test "several stops in a row, status 0 at the end" {
	"$(bin sleep)" 0.6 &
	pid=$!
	for i in 1 2 3; do
		sleep 0.05; kill -STOP "$pid"; sleep 0.05; kill -CONT "$pid"
	done
	wait "$pid"
}

@test "SIGTERM ends it by the signal" {
	"$(bin sleep)" 10 &
	pid=$!
	sleep 0.1
	kill -TERM "$pid"
	st=0
	wait "$pid" || st=$?
	[ "$st" -eq 143 ]
}

@test "sleep inf and infinity keep sleeping" {
	for v in inf infinity INF 1e400 9999999999d; do
		"$(bin sleep)" "$v" &
		pid=$!
		sleep 0.2
		kill -0 "$pid"
		kill "$pid"
		wait "$pid" || true
	done
}

@test "a wait past 2038 (more than 2^31 s) is passed whole, also on i386" {
	command -v strace >/dev/null || skip "strace not installed"
	timeout 10 strace -o "$T/trace" -e trace=clock_nanosleep,clock_nanosleep_time64 \
		-e inject=clock_nanosleep,clock_nanosleep_time64:retval=0 "$(bin sleep)" 3000000000.5
	grep -q 'tv_sec=3000000000, tv_nsec=500000000}' "$T/trace"
}

@test "an endless wait asks for the largest timespec" {
	command -v strace >/dev/null || skip "strace not installed"
	timeout 10 strace -o "$T/trace" -e trace=clock_nanosleep,clock_nanosleep_time64 \
		-e inject=clock_nanosleep,clock_nanosleep_time64:retval=0 "$(bin sleep)" inf
	grep -q 'tv_sec=9223372036854775807, tv_nsec=999999999}' "$T/trace"
}

# The timespec GNU's sleep asks for (its first request: GNU splits waits
# longer than 24 days) against ours, for numbers where double rounding and
# gnulib's round-up to the nanosecond show.
@test "the timespec is GNU's to the nanosecond" {
	command -v strace >/dev/null || skip "strace not installed"
	# strace answers the sleeps itself (0, at once): nothing waits; the
	# time-out is only a guard against a hang, far above what a loaded
	# machine needs to start GNU's dynamically linked sleep under strace
	fake="-e trace=clock_nanosleep,clock_nanosleep_time64 -e inject=clock_nanosleep,clock_nanosleep_time64:retval=0"
	for v in 0 .5 1e-3 0x1p-4 0x.1 0.1 1.1 2.2 3.3 0.7 1e-9 1.5e-9 4.9999999999e-10 \
		1.0000000001 0.99999999999999999999 99999999999999999999e-20 \
		123456789012345678901234567890e-29 123.456e-2 7.77777777777777777777e-3 \
		0x1.fffffffffffffp-1 0x123456789abcdef0123p-70 0.5m 1.1h 0.01d 2.5e-1m \
		1e-400d 0x1P-3s 0.000000000999999999999 "1 2 3" "0.3 0.3 0.3" "1e-10 1e-10"; do
		ours=$(timeout 120 strace $fake "$(bin sleep)" $v 2>&1 >/dev/null |
			grep -o 'tv_sec=[0-9]*, tv_nsec=[0-9]*' | head -n 1) || true
		gnu=$(timeout 120 strace $fake /usr/bin/sleep $v 2>&1 >/dev/null |
			grep -o 'tv_sec=[0-9]*, tv_nsec=[0-9]*' | head -n 1) || true
		echo "$v: ours $ours, GNU $gnu"
		[ -n "$ours" ]
		[ "$ours" = "$gnu" ]
	done
}

@test "no options at all: -- and a bad option" {
	run "$(bin sleep)" -- 0
	[ "$status" -eq 0 ]
	run "$(bin sleep)" -5
	[ "$status" -eq 1 ]
	[ "${lines[0]}" = "$(bin sleep): invalid option -- '5'" ]
	[ "${lines[1]}" = "Try '$(bin sleep) --help' for more information." ]
}

@test "nothing on stdout, ever" {
	"$(bin sleep)" 0 x > out 2>/dev/null || true
	"$(bin sleep)" 0.01 > out2
	[ ! -s out ] && [ ! -s out2 ]
}

@test "peak RSS of a trivial run: at most 16 KiB" {
	rss_at_most 16 sleep 0
}
