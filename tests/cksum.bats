#!/usr/bin/env bats
# cksum: what difftest cannot see: the table path (assembled with
# -DNO_PCLMUL), the 128-bit PCLMULQDQ fold (-DNO_VPCLMUL) and the default
# one (VPCLMULQDQ where the CPU has it) on random data of many sizes, read
# boundaries and odd pipe reads against GNU, a sparse file over 4 GiB (a
# 64-bit length, O_LARGEFILE on i386), the options we refuse (GNU takes
# them), an unreadable file as a non-root user, SIGPIPE, /dev/full, and
# the RSS of a trivial run.
load helpers

@test "the default path (VPCLMULQDQ, PCLMULQDQ or the table, as the CPU has): GNU's CRCs, sizes 0..299 and 1 MiB" {
	random_files
	output_like_gnu cksum "${files[@]}"
	"$(bin cksum)" < r1m > out
	/usr/bin/cksum < r1m > expected
	cmp expected out
}

@test "the table (-DNO_PCLMUL) and the 128-bit PCLMULQDQ fold (-DNO_VPCLMUL): GNU's CRCs, --debug" {
	# The default build takes the VPCLMULQDQ fold on a CPU with it (here:
	# vpclmulqdq and avx2 in /proc/cpuinfo): the test above checks that
	# one; these two builds are what older CPUs run.
	random_files
	local root=$BATS_TEST_DIRNAME/.. a
	a=$(arch)
	/usr/bin/cksum "${files[@]}" > expected
	for d in NO_PCLMUL NO_VPCLMUL; do
		nasm -f bin -DARCH="$a" -D$d -I"$root/asm/lib/" -I"$root/build/gen/$a/" \
			-o $d "$root/asm/cksum.asm"
		chmod 755 $d
		./$d "${files[@]}" > out
		cmp expected out
	done
	run ./NO_PCLMUL --debug r1
	[ "$status" -eq 0 ]
	[ "${lines[0]}" = "./NO_PCLMUL: pclmul support not detected" ]
	./NO_VPCLMUL --debug r1 > out 2> err
	/usr/bin/cksum --debug r1 > expected 2> experr
	cmp expected out
	[ "$(sed 's|^/usr/bin/cksum:|./NO_VPCLMUL:|' experr)" = "$(cat err)" ]
}

@test "sizes around one read (256 KiB, 512 KiB on i386) and odd pipe reads: GNU's CRCs" {
	# A CRC carried from read to read, with a tail under 64 bytes and a
	# fold of a few blocks; the pipe's reads come in the writer's odd chunks.
	head -c 1572864 /dev/urandom > big
	python3 -c 'd = open("big", "rb").read()
for n in (262143, 262144, 262145, 262207, 262208, 262209, 524287, 524288, 524289, 524351, 524352, 524353, 1572864):
    open("s%d" % n, "wb").write(d[:n])'
	output_like_gnu cksum s*
	python3 -c '
import os, sys
d = open("big", "rb").read(); i = 0; k = 0
sizes = (1, 63, 64, 65, 1000, 4097, 77, 3, 65536, 70001)
while i < len(d):
    n = sizes[k % len(sizes)]; k += 1
    os.write(1, d[i:i + n]); i += n' | "$(bin cksum)" > out
	/usr/bin/cksum < big > expected
	cmp expected out
}

@test "a sparse file over 4 GiB: the 64-bit length and the CRC as GNU's" {
	big_sparse
	run "$(bin cksum)" "$big"
	[ "$status" -eq 0 ]
	[ "$output" = "$(/usr/bin/cksum "$big")" ]
	[ "$output" = "2464257018 4294971393 $big" ]
}

@test "options GNU has and we do not: a clear refusal, status 1" {
	echo x > a
	sh_fails 1 cksum 'option not supported: -a' '"$1" -a md5 a'
	sh_fails 1 cksum 'option not supported: -a' '"$1" --algorithm=sha256 a'
	sh_fails 1 cksum 'option not supported: -a' '"$1" -a bsd -a sm3 a'
	sh_fails 1 cksum 'option not supported: -c' '"$1" -c a'
	sh_fails 1 cksum 'option not supported: -c' '"$1" --check a'
	sh_fails 1 cksum 'option not supported: -a' '"$1" -l 8 -a sha512 a'
	sh_fails 1 cksum 'option not supported: -a' '"$1" --length=256 -a blake2b a'
	sh_fails 1 cksum 'option not supported: -c' '"$1" -c -w a'
}

@test "-a bsd, -a sysv: sum -r's and sum -s's lines, a read error told, like GNU" {
	seq 1 100000 > big
	head -c 102400 /dev/zero > zeros
	: > empty
	printf 'hello\n' > h
	mkdir dir
	local alg
	for alg in bsd sysv; do
		output_like_gnu cksum -a "$alg" h big zeros empty
		[ "$("$(bin cksum)" -a "$alg" < big)" = "$(/usr/bin/cksum -a "$alg" < big)" ]
		"$(bin cksum)" -a "$alg" -z h - < h > out
		/usr/bin/cksum -a "$alg" -z h - < h > expected
		cmp expected out
		run "$(bin cksum)" -a "$alg" dir h
		[ "$status" -eq 1 ]
		[ "$output" = "$(/usr/bin/cksum -a "$alg" dir h 2>&1 | sed "s|^/usr/bin/cksum:|$(bin cksum):|")" ]
	done
}

@test "--help and --version: GNU's unrecognized option (see README)" {
	option_unrecognized 1 cksum --help --version
}

@test "unreadable file as a non-root user: Permission denied, the rest done" {
	echo open > free
	lock_file
	unreadable_like_gnu cksum '3102255339 5 free\n%s: locked: Permission denied\n3102255339 5 free' free locked free
}

@test "SIGPIPE: killed silently, as GNU" {
	echo x > a
	closed_pipe_kills cksum a
	closed_pipe_kills /usr/bin/cksum a
	many_lines
	sigpipe_silent cksum '-c 1' "$(/usr/bin/cksum a | head -c 1)" "${many[@]}"
}

@test "SIGPIPE ignored: GNU's 'write error', status 1" {
	many_lines
	sigpipe_ignored_fails cksum 'write error' "${many[@]}"
	sigpipe_ignored_fails /usr/bin/cksum 'write error' "${many[@]}"
}

@test "/dev/full: GNU's 'write error' at the end, status 1" {
	echo x > a
	sh_fails 1 cksum 'write error' '"$1" a a > /dev/full'
	run sh -c '/usr/bin/cksum a a > /dev/full'
	[ "$status" -eq 1 ]
	[ "$output" = "/usr/bin/cksum: write error" ]
	echo x | sh_fails 1 cksum 'write error' '"$1" > /dev/full'
}

@test "binary input with NUL bytes, a last line without newline, empty input" {
	printf 'a\0b\0\0\nlast' > in
	compare_with_gnu cksum
	compare_with_gnu cksum - in
	: > in
	compare_with_gnu cksum
}

@test "RSS of a trivial run: at most 16 KiB" {
	rss_at_most 16 cksum < /dev/null
	echo hello > one
	rss_at_most 16 cksum one
	rss_at_most 16 cksum < one
}

@test "100 operands and a bad one, as GNU (i386: the vDSO after 32 calls)" {
	hundred_operands_like_gnu files cksum
}
