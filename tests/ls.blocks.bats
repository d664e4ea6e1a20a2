#!/usr/bin/env bats
# ls --block-size, --si and the block-size variables (issue 5), what
# difftest cannot express: sparse files past 4 GiB, 2^40 and 16 TB (ext4's
# limit), peak RSS (.vsec with rt/blocksize.inc).
load helpers

setup() {
	T=$BATS_TEST_TMPDIR
	export LC_ALL=C TZ=UTC
	mkdir "$T/w" && cd "$T/w"
}

@test "sparse files past 4 GiB and 2^40, 16 TB: every block size like GNU" {
	local n o
	for n in 4294967295 4294967296 5000000000 1099511627776 10995116277760 16000000000000; do
		truncate -s $n "f$n"
	done
	head -c 100000 /dev/urandom > real
	for o in --si --block-size=1 --block-size=K --block-size=1K --block-size=KB --block-size=MiB \
		--block-size=1000 --block-size=human --block-size=si --block-size=3 --block-size=7E \
		--block-size=1P --block-size=1GB "--block-size='1" -h; do
		ls_like_gnu -ls $o
		ls_like_gnu -s $o
	done
}

@test "the variables with big sizes, -k, POSIXLY_CORRECT, like GNU" {
	local v
	truncate -s 10995116277760 big
	head -c 100000 /dev/urandom > real
	for v in LS_BLOCK_SIZE=1 BLOCK_SIZE=1M BLOCKSIZE=1M POSIXLY_CORRECT=1 LS_BLOCK_SIZE=si BLOCK_SIZE=human BLOCK_SIZE=10x; do
		export "$v"
		ls_like_gnu -ls
		ls_like_gnu -lsk
		ls_like_gnu -s
		unset "${v%%=*}"
	done
}

@test "--block-size, --si, the variables: peak RSS" {
	touch a b
	rss_at_most 12 ls
	rss_at_most 12 ls -s
	rss_at_most 16 ls -l
	rss_at_most 16 ls -ls
	rss_at_most 32 ls -ls --si
	rss_at_most 32 ls -l --block-size=K
	rss_at_most 28 ls -s --block-size=1K
}
