#!/usr/bin/env bats
# cut: what difftest cannot express: lines of 100 MiB (streamed, or held
# when field 1 must wait for its end), binary input, SIGPIPE, /dev/full,
# an unreadable file as a non-root user, and reads that end in a pipe.
load helpers

# same ARGS... - our cut and GNU's on the same input (file "in") give the
# same bytes and the same status
same() { compare_with_gnu cut "$@"; }

@test "a 100 MiB line: bytes and fields, streamed, in little memory" {
	{ head -c 104857600 /dev/zero | tr '\0' 'a'; printf ',x,y\nshort,line\n'; } > in
	same -b 2-5,104857598-
	same -b 3 --complement
	same -d, -f1,3
	same -d, -f2-
	same -d, -f1 -s
	# field 1 selected (no -s), and bytes: streamed, the memory stays small
	rss_at_most 1024 cut -d, -f1 in
	rss_at_most 1024 cut -b 3- in
}

@test "a 100 MiB line without DELIM through a pipe: held, printed whole" {
	{ head -c 104857600 /dev/zero | tr '\0' 'b'; printf '\nq,r\n'; } > in
	cat in | "$(bin cut)" -d, -f2 > ours
	/usr/bin/cut -d, -f2 < in > gnus
	cmp ours gnus
	cat in | "$(bin cut)" -s -d, -f1 > ours
	/usr/bin/cut -s -d, -f1 < in > gnus
	cmp ours gnus
}

@test "binary input with NUL bytes, every byte value" {
	head -c 300000 /dev/urandom > in
	same -b 1-100,5000-
	same -d '' -f 2,4
	same -d , -f 3- --complement
	same -z -d x -f1
	same -z -b 7
}

@test "no final newline, empty input" {
	printf 'a,b\nc,d' > in
	same -d, -f2
	same -b1
	: > in
	same -d, -f2
	same -b1
}

@test "SIGPIPE: killed by the signal, silently, like GNU" {
	seq 1 1000000 > big
	sigpipe_silent cut '-n 1' '1\n' -f1 big
	sigpipe_silent cut '-n 1' '1\n' -b1 big
	sigpipe_ignored_fails cut 'write error: Broken pipe' -f1 big
}

@test "/dev/full: GNU's message, status 1" {
	seq 1 100000 > big
	dev_full_fails cut -f1 big
	dev_full_fails cut -b1-3 big
}

@test "unreadable file as a non-root user: Permission denied, the rest cut" {
	echo 'op,en' > free
	lock_file
	unreadable_like_gnu cut 'en\n%s: locked: Permission denied\nen' -d, -f2 free locked free
}

@test "a directory operand and a missing one, the others still cut" {
	mkdir d
	echo 'a,b' > f
	run "$(bin cut)" -d, -f2 d nosuch f
	[ "$status" -eq 1 ]
	[ "$output" = "$(printf '%s: d: Is a directory\n%s: nosuch: No such file or directory\nb' "$(bin cut)" "$(bin cut)")" ]
}

@test "a slow pipe: lines split across reads, -d newline waits for the end" {
	run bash -c '{ printf "a,"; sleep 0.2; printf "b\nc"; sleep 0.2; printf ",d\n"; } | "$1" -d, -f2' sh "$(bin cut)"
	[ "$output" = "$(printf 'b\nd')" ]
	run bash -c '{ printf "a\n"; sleep 0.2; printf "b\n"; sleep 0.2; } | "$1" -d "
" -f2,1' sh "$(bin cut)"
	[ "$output" = "$(printf 'a\nb')" ]
}

@test "messages come after the output before them, as GNU's error() flushes" {
	printf 'a,b' > nn
	run "$(bin cut)" -d, -f2 nn nosuch nn
	[ "$status" -eq 1 ]
	[ "$output" = "$(printf 'b\n%s: nosuch: No such file or directory\nb' "$(bin cut)")" ]
}

@test "a LIST of 20000 items, decreasing and shuffled: GNU's ranges" {
	seq -s: 1 40000 > in
	L=$(seq -s, 20000 -1 1)
	same -d: -f "$L"
	same -d: --complement -f "$L"
	L=$(seq 1 3 60000 | shuf | paste -sd,)
	same -b "$L"
	same -b "$L" --complement --output-delimiter=::
}

# A file's first read (SMALLRD bytes at ibuf's end), the variables (i386's
# argv0/status with them) and the output buffer's start (BSS) share a page;
# the code's two pages are the rest. long_opt's ambp (written by a long
# option) is declared among the variables too (LONGOPT_BSS_HERE).
@test "trivial runs: RSS at most 16 KiB" {
	printf 'a b\nc d\n' > f
	rss_at_most 16 cut -f1 < /dev/null
	rss_at_most 16 cut -b1 < /dev/null
	rss_at_most 16 cut -f1 < f
	rss_at_most 16 cut -f1 f
	rss_at_most 16 cut -f1 f f
	rss_at_most 16 cut -b1 < f
	rss_at_most 16 cut -c1 < f
	rss_at_most 16 cut -d ' ' -f2 < f
	rss_at_most 16 cut -s -d ' ' -f1 f
	rss_at_most 16 cut -s -d ' ' -f1 --output-delimiter=: f
	rss_at_most 16 cut --fields=1 f
}

@test "100 operands and a bad one, as GNU (i386: the vDSO after 32 calls)" {
	hundred_operands_like_gnu files cut -c1-3
}
