#!/usr/bin/env bats
# nl: what difftest cannot express: a 100 MiB line streamed in small
# memory (and held whole only for a pBRE style), a long delimiter, an
# unreadable file as a non-root user, SIGPIPE, /dev/full, and the BRE
# features not supported failing clearly.
load helpers

@test "a 100 MiB line streams through, as GNU's" {
	{ printf 'a\n\n'; head -c 104857600 /dev/zero | tr '\0' 'x'; printf '\nb\n'; } > long
	output_like_gnu nl -ba long
}

@test "memory stays small on a long line" {
	head -c 10000000 /dev/zero | tr '\0' 'x' > long
	rss_at_most 120 nl long
}

@test "a long delimiter (-d of 100 KiB) and lines that almost match it" {
	d=$(head -c 100000 /dev/zero | tr '\0' 'q')
	{ printf 'a\n%s%s\nb\n%s%s%sq\nc\n%s\n' "$d" "$d" "$d" "$d" "$d" "$d"; } > f
	output_like_gnu nl -d "$d" -fa f
}

@test "NUL bytes and no final newline, from a file and a pipe" {
	printf 'a\0b\n\0\n\nc\0' > f
	output_like_gnu nl -ba f
	cat f | "$(bin nl)" | cmp - <(/usr/bin/nl f)
}

@test "unreadable file as a non-root user: Permission denied, the rest done" {
	printf 'y\n' > free
	lock_file
	unreadable_like_gnu nl '     1\ty\n%s: locked: Permission denied\n     2\ty' free locked free
}

@test "SIGPIPE: killed by the signal, silently, as GNU" {
	seq 1 300000 > big
	sigpipe_silent nl '-c 6' '     1' big
}

@test "/dev/full: write error, status 1, with a big input too" {
	seq 1 100000 > big
	dev_full_fails nl big
	echo a | dev_full_fails nl
}

@test "pBRE on a 100 MiB line: held whole at the break, as GNU's result" {
	{ printf 'a\n'; head -c 104857600 /dev/zero | tr '\0' 'x'; printf 'y\nb\n'; } > long
	output_like_gnu nl -b 'pxy$' long
	output_like_gnu nl -b 'p^a' long
}

@test "pBRE: groups, alternation, back references, stacked intervals fail clearly" {
	for re in 'a\(b\)' 'a\|b' 'a\{2\}*' 'a*\{2\}' '\(a\)\1' '\w' 'x\>'; do
		run "$(bin nl)" -b "p$re" /dev/null
		[ "$status" -eq 1 ] || return 1
		case $output in
		"$(bin nl): regular expression not supported: '"*) ;;
		*) echo "$output"; return 1 ;;
		esac
	done
	run "$(bin nl)" -b 'pa\|b' /dev/null
	[ "$output" = "$(bin nl): regular expression not supported: 'a\\\\|b'" ]
}

# The RW segment's file-backed first page holds nl's data, its variables
# and expand_io's, each operand's first read (chunk0) and the output
# buffer's start: a short run writes no other page.
@test "trivial runs: RSS at most 16 KiB" {
	printf 'a b\nc d\n' > f
	rss_at_most 16 nl < /dev/null
	rss_at_most 16 nl < f
	rss_at_most 16 nl f
	rss_at_most 16 nl -ba f
	rss_at_most 16 nl -w3 -nrz -s: < f
	rss_at_most 16 nl -v5 -i2 f f
}
