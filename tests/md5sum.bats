#!/usr/bin/env bats
# md5sum: what difftest cannot do: every length 0..130 and random binary
# data against GNU, the 64-bit bit length (past 2^32 bits) and files over
# 4 GiB, long checksum lines (the growing heap buffer), checksum lists
# through a pipe, an unreadable file as a non-root user, SIGPIPE, /dev/full,
# the refused --help/--version, and the peak RSS of small runs.
load helpers

@test "every length 0..130 (the padding edges 55/56/63/64/119/120) and random binary data, as GNU" {
	for n in $(seq 0 130); do head -c $n /dev/urandom > "f$n"; done
	head -c 1000000 /dev/urandom > rnd
	printf 'a\0b\0\0\n\0' > nul
	output_like_gnu md5sum f* rnd nul
	output_like_gnu md5sum --tag -b f1 f55 f56 f64
	# the same through stdin, from a pipe in small pieces
	cat rnd | "$(bin md5sum)" > out
	/usr/bin/md5sum < rnd > expected
	cmp expected out
}

@test "empty input, a final line without newline, a directory, as GNU" {
	: > empty
	printf 'one\ntwo' > last
	mkdir d
	run "$(bin md5sum)" empty last d - < last
	[ "$status" -eq 1 ]
	run /usr/bin/md5sum empty last d - < last
	[ "$status" -eq 1 ]
	"$(bin md5sum)" empty last d - < last > out 2> err || true
	/usr/bin/md5sum empty last d - < last > expected 2> gerr || true
	cmp expected out
	[ "$(sed "s|^$(bin md5sum)|md5sum|" err)" = "$(sed 's|^/usr/bin/md5sum|md5sum|' gerr)" ]
	[ "$(cat err)" = "$(bin md5sum): d: Is a directory" ]
}

@test "the bit length past 2^32 bits (a sparse 513 MiB file)" {
	shm_sparse 513M
	[ "$sparse" = "$T/sparse" ] || ln -s "$sparse" sparse	# (tmpfs: no page cache filled)
	[ "$("$(bin md5sum)" sparse)" = "f3a8799d64129a6fd8a5aa56f199ac54  sparse" ]
}

@test "a sparse 5 GiB file opens (O_LARGEFILE) and reads past 4 GiB" {
	shm_sparse 5G
	[ "$sparse" = "$T/sparse" ] || ln -s "$sparse" sparse	# (tmpfs: no page cache filled)
	# opened and hashing (no EOVERFLOW): still running after a second
	run timeout 1 "$(bin md5sum)" sparse
	[ "$status" -eq 124 ]
	[ -z "$output" ]
	# stdin at an offset past 4 GiB: the last MiB
	{ dd bs=1M skip=5119 count=0 status=none; "$(bin md5sum)"; } < sparse > out
	[ "$(cat out)" = "b6d81b360a5672d80c27430f39153e2c  -" ]
}

@test "the whole 5 GiB sparse file (slow: SUBK_SLOW=1)" {
	[ -n "$SUBK_SLOW" ] || skip "set SUBK_SLOW=1 (hashes 5 GiB)"
	shm_sparse 5G
	[ "$sparse" = "$T/sparse" ] || ln -s "$sparse" sparse	# (tmpfs: no page cache filled)
	[ "$("$(bin md5sum)" sparse)" = "ec4bcc8776ea04479b786e063a9ace45  sparse" ]
}

@test "-c: a 20 MiB line and a long list through a pipe, as GNU" {
	head -c 20000000 /dev/zero | tr '\0' x > list
	printf '\n%s  %s\n' d41d8cd98f00b204e9800998ecf8427e empty >> list
	: > empty
	"$(bin md5sum)" -c -w list > out 2> err
	[ "$(cat out)" = "empty: OK" ]
	[ "$(cat err)" = "$(bin md5sum): list: 1: improperly formatted MD5 checksum line
$(bin md5sum): WARNING: 1 line is improperly formatted" ]
	for i in $(seq 1 3000); do echo "d41d8cd98f00b204e9800998ecf8427e  empty"; done > many
	echo "d41d8cd98f00b204e9800998ecf8427f  empty" >> many
	cat many | "$(bin md5sum)" -c --quiet > out 2> err && false || [ $? -eq 1 ]
	cat many | /usr/bin/md5sum -c --quiet > expected 2> /dev/null || true
	cmp expected out
	[ "$(cat err)" = "$(bin md5sum): WARNING: 1 computed checksum did NOT match" ]
}

@test "unreadable files as a non-root user: Permission denied, the rest hashed" {
	printf abc > free
	lock_file
	unreadable_split_fails md5sum \
		'900150983cd24fb0d6963f7d28e17f72  free\n900150983cd24fb0d6963f7d28e17f72  free' \
		'%s: locked: Permission denied' free locked free
	echo "900150983cd24fb0d6963f7d28e17f72  locked" > list
	echo "900150983cd24fb0d6963f7d28e17f72  free" >> list
	unreadable_split_fails md5sum 'locked: FAILED open or read\nfree: OK' \
		'%s: locked: Permission denied\n%s: WARNING: 1 listed file could not be read' -c list
	unreadable_split_fails /usr/bin/md5sum 'locked: FAILED open or read\nfree: OK' \
		'%s: locked: Permission denied\n%s: WARNING: 1 listed file could not be read' -c list
	# an unreadable checksum file
	unreadable_split_fails md5sum '' '%s: locked: Permission denied' -c locked
}

@test "SIGPIPE: killed silently, as GNU; ignored: GNU's 'write error'" {
	printf abc > a
	for i in $(seq 1 2000); do echo a; done > names
	sigpipe_silent md5sum '-c 1' 9 $(cat names)
	sigpipe_silent /usr/bin/md5sum '-c 1' 9 $(cat names)
	closed_pipe_kills md5sum a
	run bash -c 'trap "" PIPE; "$@" | head -c 1 > /dev/null; echo "${PIPESTATUS[0]}"' sh "$(bin md5sum)" $(cat names)
	[ "$output" = "$(bin md5sum): write error
1" ]
}

@test "/dev/full and a closed stdout: GNU's messages, status 1" {
	printf abc > a
	run sh -c '"$1" a nosuch > /dev/full' sh "$(bin md5sum)"
	[ "$status" -eq 1 ]
	[ "$output" = "$(bin md5sum): nosuch: No such file or directory
$(bin md5sum): write error" ]
	run sh -c '"$1" a > /dev/full' sh /usr/bin/md5sum
	[ "$status" -eq 1 ]
	[ "$output" = "/usr/bin/md5sum: write error" ]
	run sh -c '"$1" a >&-' sh "$(bin md5sum)"
	[ "$status" -eq 1 ]
	[ "$output" = "$(bin md5sum): write error: Bad file descriptor" ]
	# nothing to write: no error
	echo "900150983cd24fb0d6963f7d28e17f72  a" > list
	run sh -c '"$1" -c --status list > /dev/full' sh "$(bin md5sum)"
	[ "$status" -eq 0 ] && [ -z "$output" ]
}

@test "--help and --version are refused (a known difference)" {
	run "$(bin md5sum)" --help
	[ "$status" -eq 1 ]
	[ "$output" = "$(bin md5sum): unrecognized option '--help'
Try '$(bin md5sum) --help' for more information." ]
	option_unrecognized 1 md5sum --vers
}

@test "peak RSS of small runs: 16 KiB" {
	: > empty
	echo one > one
	rss_at_most 16 md5sum empty
	rss_at_most 16 md5sum one
	rss_at_most 16 md5sum --tag one empty
	rss_at_most 16 md5sum -b - < one
	rss_at_most 16 md5sum < /dev/null
}

@test "peak RSS of -c with a one-line and a ten-line list: 16 KiB" {
	hash_check_rss md5sum
}

@test "100 operands and a bad one, -c of their list, and the merged 2>&1 streams, as GNU (i386: the vDSO after 64 calls)" {
	hash_like_gnu md5sum
}
