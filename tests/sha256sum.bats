#!/usr/bin/env bats
# sha256sum: what difftest cannot see: the plain path of the core (assembled
# here with -DHASH_PLAIN, the product takes the SHA extensions on a CPU
# that has them), a file past 4 GiB on i386, SIGPIPE, /dev/full, an
# unreadable file as a non-root user, the refused --help, peak RSS.
load helpers

@test "the plain path: padding edges, 3 MiB of random bytes through a pipe and from a file: like GNU" {
	plain_hash_like_gnu sha256sum
}

@test "the product, padding edges after a big file (its first call asks cpuid): like GNU" {
	hash_edges_like_gnu sha256sum
}

@test "binary input with NUL bytes, 5 MiB: like GNU" {
	head -c 5000000 /dev/urandom > in
	printf '\0\0\0' >> in
	compare_with_gnu sha256sum
	compare_with_gnu sha256sum -b in
}

@test "a file past 4 GiB (sparse) on i386: its length in 64 bits, like GNU" {
	[ "$(arch)" = i386 ] || skip "i386 only (x86_64 has 64-bit offsets anyway)"
	shm_sparse 5G
	printf 'end\n' >> "$sparse"
	[ "$sparse" = "$T/sparse" ] || ln -s "$sparse" sparse	# (tmpfs: no page cache filled)
	run "$(bin sha256sum)" sparse
	[ "$status" -eq 0 ]
	# GNU's sha256sum of the same file (5 GiB of NULs, then "end\n"), computed
	# once: GNU takes 25 s for it, too long for every run.
	[ "$output" = "fbfb47ef72d74fba857da4f39f2e96e63abb4047a115537661468478a2ffd3e2  sparse" ]
}

@test "unreadable files as a non-root user: among others, and listed for -c: like GNU" {
	lock_file
	hash_unreadable_like_gnu sha256sum
}

@test "/dev/full, a closed pipe, and head going away: GNU's 'write error' and status 1, SIGPIPE silently" {
	hash_pipe_errors_like_gnu sha256sum 8
}

@test "--help and --version are unrecognized options (a known difference)" {
	help_refused sha256sum
}

@test "peak RSS of trivial runs: at most 16 KiB" {
	rss_at_most 16 sha256sum /dev/null
	echo one > one
	rss_at_most 16 sha256sum one
	rss_at_most 16 sha256sum --tag one
}

@test "peak RSS of -c with a one-line and a ten-line list: 16 KiB" {
	hash_check_rss sha256sum
}

@test "100 operands and a bad one, -c of their list, and the merged 2>&1 streams, as GNU (i386: the vDSO after 64 calls)" {
	hash_like_gnu sha256sum
}
