#!/usr/bin/env bats
# seq: what difftest cannot hold: endless sequences cut by a closed pipe
# (SIGPIPE, as GNU), inf and nan printed for ever, long outputs compared
# with GNU's, huge numbers, write errors and a closed stdout.
load helpers

# same_as_gnu N ARGS... - the first N bytes of our output are GNU's
same_as_gnu() {
	n=$1; shift
	"$(bin seq)" "$@" 2>&1 | head -c "$n" > ours
	/usr/bin/seq "$@" 2>&1 | head -c "$n" > gnus
	cmp ours gnus
}

@test "SIGPIPE: seq 1 inf | head -1 ends by the signal, silently" {
	sigpipe_silent seq -1 '1\n' 1 inf
}

@test "SIGPIPE on the long double path (0.5 inf) and with -f" {
	sigpipe_silent seq -1 '0.5\n' 0.5 inf
	sigpipe_silent seq '-c 3' '1.0' -f %e 1 inf
}

@test "SIGPIPE ignored: write error: Broken pipe, status 1, as GNU" {
	sigpipe_ignored_fails seq 'write error: Broken pipe' 1 inf
}

@test "/dev/full: GNU's message, status 1 (both paths)" {
	dev_full_fails seq 10
	dev_full_fails seq 0.5 10
	dev_full_fails seq 1 inf
}

@test "closed stdout: write error: Bad file descriptor, status 1" {
	sh_fails 1 seq 'write error: Bad file descriptor' '"$1" 3 >&-'
	sh_fails 1 seq 'write error: Bad file descriptor' '"$1" -f %g 3 >&-'
}

@test "endless sequences print as GNU's: inf, -inf, nan, big steps" {
	same_as_gnu 3000 1 inf
	same_as_gnu 3000 -s ' ' -f '%f|' inf 1 inf
	same_as_gnu 3000 -s ' ' -f '%010F' -- -inf 1 -inf
	same_as_gnu 3000 -s ' ' inf -inf -inf
	same_as_gnu 3000 -s ' ' -- -inf inf inf
	same_as_gnu 3000 99999999999999999999999999999999999990 inf
	same_as_gnu 3000 1e30 1 inf
	same_as_gnu 3000 -w 1 inf
	same_as_gnu 3000 -f %.3e 1e-4930 1e-4930 1
}

@test "a million integers, byte for byte" {
	same_as_gnu 100000000 1000000
	same_as_gnu 100000000 -s , 5 3 1000000
}

@test "a hundred thousand fractions and a long separator, byte for byte" {
	same_as_gnu 100000000 0 0.001 100
	same_as_gnu 100000000 -s '<->' -- -50 0.0007 20
	same_as_gnu 100000000 -w -- -1 0.00003 1
	same_as_gnu 100000000 -f '%+.12g' 1 1.0000001 30000
}

@test "an integer of 100000 digits counts from there" {
	big=$(head -c 100000 /dev/zero | tr '\0' 9)
	zeros=$(head -c 99999 /dev/zero | tr '\0' 0)
	same_as_gnu 10000000 "$big" "1${zeros}2"
	[ "$(wc -l < ours)" -eq 4 ]
}

@test "an operand of 15000 digits is rounded exactly" {
	long="0.$(head -c 15000 /dev/zero | tr '\0' 3)"
	same_as_gnu 100000 -f %.30g "$long"
	same_as_gnu 100000 "$long" 1
}

@test "a trivial run touches at most 16 KiB (least of 20 runs)" {
	least_rss_at_most 16 20 seq 10
}

@test "a width or precision over 65536 fails clearly (a known difference: GNU prints it)" {
	sh_fails 1 seq 'a width or precision over 65536 is not supported' '"$1" -f %.70000f 1'
	sh_fails 1 seq 'a width or precision over 65536 is not supported' '"$1" -f %70000g 1'
	sh_fails 1 seq 'a width or precision over 65536 is not supported' '"$1" 1e-70000 1'
}

@test "a precision of 20000 from an operand prints as GNU's" {
	same_as_gnu 10000000 1e-20000 1
	same_as_gnu 10000000 -f %.30000e 0.1
}

# The general path (-w, -f, fractional steps) keeps its big integers,
# digits and numbers in the arena one after another, each as long as its
# content: a short run writes only the arena's start, on the variables' page.
@test "trivial runs: RSS at most 16 KiB (fast path and general path)" {
	rss_at_most 16 seq 3 < /dev/null
	rss_at_most 16 seq 1 2 5 < /dev/null
	rss_at_most 16 seq -s, 3 < /dev/null
	rss_at_most 16 seq -w 10 < /dev/null
	rss_at_most 16 seq -f %g 3 < /dev/null
	rss_at_most 16 seq 1 0.5 3 < /dev/null
	rss_at_most 16 seq -s, 0 0.1 1 < /dev/null
	rss_at_most 16 seq -f %.30e 0.1 0.1 0.3 < /dev/null
}

@test "seq 1 300000 (2 MB: i386 writes through the vDSO after 32 calls) as GNU" {
	"$(bin seq)" 1 300000 > out
	/usr/bin/seq 1 300000 > expected
	cmp out expected
	"$(bin seq)" -w -s, 0.5 0.25 30000 > out
	/usr/bin/seq -w -s, 0.5 0.25 30000 > expected
	cmp out expected
}

@test "--help and --version, and their prefixes: GNU's unrecognized option (see README)" {
	option_unrecognized 1 seq --help --version --h --vers
}
