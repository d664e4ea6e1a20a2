#!/usr/bin/env bats
# truncate: what difftest cannot express: sizes past 4 GiB (sparse files,
# both arches: ftruncate64 and _llseek on i386), the largest sizes (GNU's
# "File too large" messages), a read-only file system, the cases as a
# non-root user, many files in one run (the x87 stack stays balanced),
# peak RSS.
load helpers

# sizes_like_gnu ARGS... - truncate ARGS on ./o1 ./o2 ... (ours) and on
# ./g1 ./g2 ... (GNU's), made before as copies of ./a ./b: the same sizes,
# the same status
sizes_like_gnu() {
	local s1=0 s2=0
	"$(bin truncate)" "$@" o1 o2 || s1=$?
	/usr/bin/truncate "$@" g1 g2 || s2=$?
	[ "$s1" -eq "$s2" ] && [ "$(stat -c %s o1 o2)" = "$(stat -c %s g1 g2)" ] ||
		{ echo "$*: $s1 $s2 / $(stat -c %s o1 o2 g1 g2 | tr '\n' ' ')"; return 1; }
}

# four_files SIZE1 SIZE2 - o1 g1 of SIZE1 bytes, o2 g2 of SIZE2 (sparse)
four_files() {
	/usr/bin/truncate -s "$1" o1 g1
	/usr/bin/truncate -s "$2" o2 g2
}

@test "sizes past 4 GiB: set, extend, shrink, round, from a reference" {
	four_files 4831838208 100
	sizes_like_gnu -s 5G
	[ "$(stat -c %s o1)" -eq 5368709120 ]
	sizes_like_gnu -s +1G
	sizes_like_gnu -s -3G
	sizes_like_gnu -s %3G
	sizes_like_gnu -s /3G
	sizes_like_gnu -s '>7G'
	sizes_like_gnu -s '<4097M'
	sizes_like_gnu -s +4294967296
	sizes_like_gnu -s %4294967297
	sizes_like_gnu -s /4294967295
	sizes_like_gnu -o -s 2M
	sizes_like_gnu -o -s +1
	/usr/bin/truncate -s 6442450943 ref
	sizes_like_gnu -r ref
	sizes_like_gnu -r ref -s +1
	sizes_like_gnu -r ref -s %1000000007
	sizes_like_gnu -r ref -s /1000000007
}

@test "odd sizes round as GNU's (exact 64-bit remainders)" {
	four_files 8796093022209 8796093022207
	sizes_like_gnu -s /3
	sizes_like_gnu -s %1000000000039
	four_files 1 8796093022208
	sizes_like_gnu -s %8796093022207
}

@test "the largest sizes: File too large, as GNU says it" {
	for s in 9223372036854775807 +9223372036854775807 8E-1 7E 8796093022208K; do
		run "$(bin truncate)" -s "$s" f
		local o1=$output s1=$status
		run /usr/bin/truncate -s "$s" f
		[ "$s1" -eq "$status" ] && [ "${o1#"$(bin truncate)"}" = "${output#/usr/bin/truncate}" ] ||
			{ echo "$s: $s1 $o1 / $status $output"; return 1; }
	done
}

@test "a read-only file system: GNU's messages" {
	mkdir ro && echo x > ro/a
	ro_fs_like_gnu truncate "%s: cannot open 'ro/a' for writing: Read-only file system\n%s: cannot open 'ro/new' for writing: Read-only file system" -s 0 ro/a ro/new
	on_ro_fs "$(bin truncate)" -c -s 0 ro/nonex
	[ "$status" -eq 0 ] && [ -z "$output" ]
}

@test "the differential cases as a non-root user" {
	user_cases truncate
}

@test "a file unwritable to a non-root user: Permission denied, the others done" {
	lock_file
	touch open && chmod 666 open
	unreadable_like_gnu truncate "%s: cannot open 'locked' for writing: Permission denied" -s 3 locked open
	[ "$(stat -c %s open)" -eq 3 ]
}

@test "200 files in one run, every kind of change" {
	for i in $(seq 200); do head -c $((i * 7)) /dev/zero > "o$i"; cp "o$i" "g$i"; done
	for s in %13 /13 +5 -700 '<100' '>900' 3K; do
		local s1=0 s2=0
		"$(bin truncate)" -s "$s" o* nodir/x || s1=$?
		/usr/bin/truncate -s "$s" g* nodir/x || s2=$?
		[ "$s1" -eq "$s2" ] && [ "$(stat -c %s o{1..200})" = "$(stat -c %s g{1..200})" ] ||
			{ echo "$s"; return 1; }
	done
}

@test "peak RSS of a trivial run is at most 16 KiB" {
	rss_at_most 16 truncate -s 0 f
	rss_at_most 16 truncate -s %4K f
}

@test "peak RSS of an error: 16 KiB" {
	rss_error_at_most 16 truncate -s 1 nope/x
	rss_error_at_most 16 truncate -c -r nope f
}

@test "100 operands and a bad one, as GNU (i386: the vDSO after 32 calls)" {
	hundred_operands_like_gnu files truncate -s 5
}
