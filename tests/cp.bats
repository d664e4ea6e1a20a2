#!/usr/bin/env bats
# cp: what difftest cannot express: the differential cases as a non-root
# user, sparse files over 4 GiB (holes kept: i386's 64-bit offsets), the
# read/write fallback (a pipe, /dev/full), a full tmpfs (ENOSPC) and a
# read-only file system with GNU's messages, -v on /dev/full and a closed
# pipe, the options that fail clearly, peak RSS.
load helpers

@test "the differential cases as a non-root user" {
	user_cases cp
}

@test "a sparse file over 4 GiB: its data, its size, the holes kept" {
	truncate -s 5G s
	printf abc | dd of=s bs=1 seek=3221225472 conv=notrunc status=none
	echo end >> s
	"$(bin cp)" s c
	# (cmp would read 5 GiB of zeros: the data and the ends instead)
	[ "$(dd if=c bs=1 skip=3221225472 count=3 status=none)" = abc ]
	[ "$(tail -c 4 c)" = end ] && [ "$(head -c 3 c | od -An -tx1)" = " 00 00 00" ]
	[ "$(stat -c %s c)" -eq "$(stat -c %s s)" ]
	[ "$(du -k c | cut -f1)" -lt 1024 ]
	truncate -s 4G h          # all hole
	"$(bin cp)" -p h h2
	[ "$(stat -c %s h2)" -eq 4294967296 ] && [ "$(du -k h2 | cut -f1)" -lt 64 ]
}

@test "binary data through a pipe and into a pipe (the read/write path)" {
	head -c 3000000 /dev/urandom > r
	printf '\0\0\377x' >> r
	"$(bin cp)" /dev/stdin c < r
	cmp r c
	"$(bin cp)" r /dev/stdout | cat > c2
	cmp r c2
}

@test "/dev/full as the destination: GNU's message" {
	echo x > a
	for p in "$(bin cp)" /usr/bin/cp; do
		run "$p" a /dev/full
		[ "$status" -eq 1 ] && [ "$output" = "$p: error writing '/dev/full': No space left on device" ]
	done
}

@test "a full tmpfs: No space left on device, as GNU" {
	command -v unshare > /dev/null || skip "unshare missing"
	[ "$(id -u)" -eq 0 ] || skip "not root"
	head -c 2000000 /dev/urandom > big
	mkdir m
	for p in "$(bin cp)" /usr/bin/cp; do
		run unshare -m sh -c 'mount -t tmpfs -o size=1m t m && "$@"; s=$?; umount m; exit $s' sh "$p" big m/big
		[ "$status" -eq 1 ] && [ "$output" = "$p: error writing 'm/big': No space left on device" ]
	done
	cmp big <(head -c 2000000 big)
}

@test "a read-only file system: GNU's messages" {
	command -v unshare > /dev/null || skip "unshare missing"
	[ "$(id -u)" -eq 0 ] || skip "not root"
	mkdir ro && echo x > a && echo old > ro/b
	for p in "$(bin cp)" /usr/bin/cp; do
		ro_fs_fails "$p" "%s: cannot create regular file 'ro/c': Read-only file system" a ro/c
		ro_fs_fails "$p" "%s: cannot create regular file 'ro/b': Read-only file system" a ro/b
	done
	[ "$(cat ro/b)" = old ]
}

@test "-v: /dev/full and a closed pipe, as GNU's" {
	echo x > a
	dev_full_fails cp -v a b
	cmp a b
	run sh -c '"$1" -v a b2 > /dev/full' sh /usr/bin/cp
	[ "$output" = "/usr/bin/cp: write error: No space left on device" ]
	closed_pipe_kills cp -v a b3
}

@test "unsupported options fail clearly, before anything is done" {
	echo x > a
	for o in -d -b -x --preserve=links --preserve=mode,xattr --parents --no-preserve=mode --sparse=always --reflink; do
		run "$(bin cp)" $o a c
		[ "$status" -eq 1 ] && [ "$output" = "$(bin cp): unsupported option" ]
		[ ! -e c ]
	done
	run "$(bin cp)" --backup a c
	[ "$status" -eq 1 ] && [ ! -e c ]
}

@test "a tree: the same as GNU's, symlinks not followed out of it" {
	mkdir -p t/a/b t/c
	echo 1 > t/a/f; echo 2 > t/a/b/g; ln -s ../../outside t/a/b/l; ln -s /etc t/abs
	mkfifo t/c/p; ln t/a/f t/c/hard
	echo secret > outside
	"$(bin cp)" -a t ours
	/usr/bin/cp -a t gnus
	[ "$(cd ours && find . -printf '%p %y %m %s %l\n' | sort)" = "$(cd gnus && find . -printf '%p %y %m %s %l\n' | sort)" ]
	[ ! -e ours/outside ] && [ -L ours/abs ]
}

@test "peak RSS: 16 KiB for a trivial copy" {
	echo x > a
	: > e
	rss_at_most 16 cp a b
	rss_at_most 16 cp e f
	rss_at_most 16 cp -f a b
}
