#!/usr/bin/env bats
# sum: what difftest cannot see: random data of many sizes against GNU
# (both algorithms), a sparse file over 4 GiB (64-bit block counts,
# O_LARGEFILE on i386), an unreadable file as a non-root user, SIGPIPE,
# /dev/full, and the RSS of a trivial run.
load helpers

@test "random data of sizes 0..299 and 1 MiB: GNU's sums, -r and -s" {
	random_files
	output_like_gnu sum r*
	output_like_gnu sum -s r*
	"$(bin sum)" -s < r1m > out
	/usr/bin/sum -s < r1m > expected
	cmp expected out
}

@test "zero blocks skipped by -r: the same sums as GNU around them" {
	{ head -c 100000 /dev/urandom; head -c 65536 /dev/zero; printf 'ab'
	  head -c 33 /dev/zero; head -c 1000 /dev/urandom; head -c 4096 /dev/zero; } > in
	compare_with_gnu sum
	compare_with_gnu sum in
}

@test "a sparse file over 4 GiB: 64-bit block counts as GNU's" {
	big_sparse
	run "$(bin sum)" -s "$big"
	[ "$status" -eq 0 ]
	[ "$output" = "$(/usr/bin/sum -s "$big")" ]
	[ "$output" = "120 8388617 $big" ]
	# GNU's -r reads a byte a step (~8 s here): its answer, checked once
	run "$(bin sum)" "$big"
	[ "$status" -eq 0 ]
	[ "$output" = "00120 4194309 $big" ]
}

@test "--help and --version: GNU's unrecognized option (see README)" {
	option_unrecognized 1 sum --help --version
}

@test "unreadable file as a non-root user: Permission denied, the rest done" {
	echo open > free
	lock_file
	unreadable_like_gnu sum '12399     1 free\n%s: locked: Permission denied\n12399     1 free' free locked free
	unreadable_like_gnu sum '444 1 free\n%s: locked: Permission denied\n444 1 free' -s free locked free
}

@test "SIGPIPE: killed silently, as GNU" {
	echo x > a
	closed_pipe_kills sum a
	closed_pipe_kills /usr/bin/sum a
	many_lines
	sigpipe_silent sum '-c 1' 0 "${many[@]}"
}

@test "SIGPIPE ignored: GNU's 'write error', status 1" {
	many_lines
	sigpipe_ignored_fails sum 'write error' "${many[@]}"
	sigpipe_ignored_fails /usr/bin/sum 'write error' "${many[@]}"
}

@test "/dev/full: GNU's 'write error' at the end, status 1" {
	echo x > a
	sh_fails 1 sum 'write error' '"$1" a a > /dev/full'
	sh_fails 1 sum 'write error' '"$1" -s a > /dev/full'
	run sh -c '/usr/bin/sum a a > /dev/full'
	[ "$status" -eq 1 ]
	[ "$output" = "/usr/bin/sum: write error" ]
}

@test "binary input with NUL bytes, a last line without newline, empty input" {
	printf 'a\0b\0\0\nlast' > in
	compare_with_gnu sum
	compare_with_gnu sum -s - in
	: > in
	compare_with_gnu sum
	compare_with_gnu sum -s
}

@test "RSS of a trivial run: at most 16 KiB" {
	rss_at_most 16 sum < /dev/null
	echo hello > one
	rss_at_most 16 sum one
	rss_at_most 16 sum -s < one
	rss_at_most 16 sum --sysv one
}

@test "100 operands and a bad one, as GNU (i386: the vDSO after 32 calls)" {
	hundred_operands_like_gnu files sum
}
