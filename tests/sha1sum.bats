#!/usr/bin/env bats
# sha1sum: what difftest cannot see: the plain path of the core (assembled
# here with -DHASH_PLAIN, the product takes the SHA extensions on a CPU
# that has them), a file past 4 GiB on i386, SIGPIPE, /dev/full, an
# unreadable file as a non-root user, the refused --help, peak RSS.
load helpers

# plain - assemble the plain-path-only sha1sum for the arch under test into ./plain
plain() {
	local top; top=$(cd "$BATS_TEST_DIRNAME/.." && pwd)
	command -v nasm > /dev/null || skip "nasm missing"
	nasm -f bin -DARCH="$(arch)" -DHASH_PLAIN -I"$top/asm/lib/" \
		-I"$top/build/gen/$(arch)/" -o plain "$top/asm/sha1sum.asm"
	chmod 755 plain
}

# edges - files e0..e130 (the padding edges) and g1024..g1154 (whole
# blocks, then the edges), bytes of every value
edges() {
	head -c 1200 /dev/urandom > rnd
	for n in $(seq 0 130) $(seq 1024 1154); do head -c "$n" rnd > "e$n"; done
}

@test "the plain path, padding edges: like GNU" {
	plain
	edges
	./plain e* > ours
	/usr/bin/sha1sum e* > expected
	cmp expected ours
}

@test "the plain path, 3 MiB of random bytes through a pipe and from a file: like GNU" {
	plain
	head -c 3000017 /dev/urandom > in
	./plain < in > ours
	/usr/bin/sha1sum < in > expected
	cmp expected ours
	/usr/bin/cat in | ./plain - in > ours
	/usr/bin/sha1sum - in < in > expected
	cmp expected ours
}

@test "the product, padding edges after a big file (its first call asks cpuid): like GNU" {
	edges
	head -c 70000 /dev/urandom > big
	"$(bin sha1sum)" big e* > ours
	/usr/bin/sha1sum big e* > expected
	cmp expected ours
}

@test "binary input with NUL bytes, 5 MiB: like GNU" {
	head -c 5000000 /dev/urandom > in
	printf '\0\0\0' >> in
	compare_with_gnu sha1sum
	compare_with_gnu sha1sum -b in
}

@test "a file past 4 GiB (sparse) on i386: its length in 64 bits, like GNU" {
	[ "$(arch)" = i386 ] || skip "i386 only (x86_64 has 64-bit offsets anyway)"
	truncate -s 5G sparse
	printf 'end\n' >> sparse
	run "$(bin sha1sum)" sparse
	[ "$status" -eq 0 ]
	# GNU's sha1sum of the same file (5 GiB of NULs, then "end\n"), computed
	# once: GNU takes 15 s for it, too long for every run.
	[ "$output" = "09cc1f9e8a0b006c98ab5e97a20c764ece85ef62  sparse" ]
}

@test "a missing and an unreadable file among others: GNU's words, the others hashed, status 1" {
	lock_file
	echo a > a
	unreadable_split_fails sha1sum "$(/usr/bin/sha1sum a)\n" \
		"%s: locked: Permission denied\n%s: nosuch: No such file or directory" locked nosuch a
	unreadable_split_fails /usr/bin/sha1sum "$(/usr/bin/sha1sum a)\n" \
		"%s: locked: Permission denied\n%s: nosuch: No such file or directory" locked nosuch a
}

@test "-c with an unreadable listed file: FAILED open or read, like GNU" {
	lock_file
	echo a > a
	{ /usr/bin/sha1sum a; /usr/bin/sha1sum a | sed 's/  a$/  locked/'; } > sums
	chmod 644 sums
	unreadable_split_fails sha1sum "a: OK\nlocked: FAILED open or read\n" \
		"%s: locked: Permission denied\n%s: WARNING: 1 listed file could not be read" -c sums
	unreadable_split_fails /usr/bin/sha1sum "a: OK\nlocked: FAILED open or read\n" \
		"%s: locked: Permission denied\n%s: WARNING: 1 listed file could not be read" -c sums
}

@test "/dev/full as stdout: GNU's 'write error', status 1" {
	echo a > a
	for p in "$(bin sha1sum)" /usr/bin/sha1sum; do
		run sh -c '"$@" > /dev/full' sh "$p" a
		[ "$status" -eq 1 ] && [ "$output" = "$p: write error" ] ||
			{ echo "$p: status $status, output: $output"; return 1; }
	done
}

@test "a closed pipe as stdout: killed by SIGPIPE, silently, like GNU" {
	echo a > a
	closed_pipe_kills sha1sum a
	closed_pipe_kills /usr/bin/sha1sum a
	# 2000 lines, more than a pipe holds: the writer is still writing
	# when head has gone
	local args=(); for i in $(seq 2000); do args+=(a); done
	sigpipe_silent sha1sum '-c 1' '3' "${args[@]}"
	sigpipe_silent /usr/bin/sha1sum '-c 1' '3' "${args[@]}"
}

@test "--help and --version are unrecognized options (a known difference)" {
	for o in --help --version; do
		run "$(bin sha1sum)" $o
		[ "$status" -eq 1 ]
		[ "$output" = "$(printf "%s: unrecognized option '%s'\nTry '%s --help' for more information." "$(bin sha1sum)" $o "$(bin sha1sum)")" ]
	done
}

@test "peak RSS of trivial runs: at most 16 KiB" {
	rss_at_most 16 sha1sum /dev/null
	echo one > one
	rss_at_most 16 sha1sum one
	rss_at_most 16 sha1sum --tag one
}
