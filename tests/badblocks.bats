#!/usr/bin/env bats
# Read errors in the middle of the input, as a failing disk gives them:
# tests/badblocks.py runs a utility with standard input on a process's own
# memory, where unmapped pages fail with EIO and a read running into one is
# short. What GNU writes before its message (the lines or blocks it had
# read) and the message's place in the merged output are compared. (dd's
# conv=noerror over bad blocks is in dd.bats.)
load helpers

# bad_like_gnu LAYOUT UTIL ARGS... - UTIL ARGS over badblocks.py LAYOUT:
# ours and GNU's merged 2>&1 streams and statuses are the same (with
# SPLIT=1: stdout and stderr each the same)
bad_like_gnu() {
	local layout=$1 u=$2 who b s
	shift 2
	for who in ours gnus; do
		b=/usr/bin/$u
		[ "$who" = ours ] && b=$(bin "$u")
		if [ -n "${SPLIT:-}" ]; then
			s=0
			timeout 20 python3 "$BATS_TEST_DIRNAME/badblocks.py" "$layout" "$b" "$@" 2> "e.$who" > "m.$who" || s=$?
			echo "status $s" >> "m.$who"
			sed "s|$b|$u|g" "e.$who" >> "m.$who"
		else
			{ timeout 20 python3 "$BATS_TEST_DIRNAME/badblocks.py" "$layout" "$b" "$@" 2>&1; echo "status $?"; } |
				sed "s|$b|$u|g" > "m.$who"
		fi
	done
	cmp m.ours m.gnus || { diff <(od -c m.ours | tail -4) <(od -c m.gnus | tail -4); return 1; }
}

@test "uniq: a read error prints the lines read before it where GNU's loop prints each as it comes (not -c -d -D -u), the unfinished line dropped, then the message" {
	local l m
	for l in ddxd aabx aaxb abxd axb ax xa; do
		for m in "" -c -d -u -D --group --group=both --all-repeated=separate -z; do
			bad_like_gnu "$l" uniq $m
		done
	done
}

@test "wc: a read error: the counts so far, but none (0 lines, 0 bytes) for -l without -w and -L (GNU's wc_lines), after the message" {
	local l m
	for l in ddxd dddddddx xd ax; do
		for m in -c -lc -w -L -m -lm -l "" -lw -cL; do
			bad_like_gnu "$l" wc $m
			bad_like_gnu "$l" wc $m - /dev/null
		done
	done
}

@test "nl: a read error drops the line it cuts (not numbered, as GNU's readlinebuffer), the message after the lines before it, then the next file" {
	local l m
	for l in ddxd dddddddx xd ax axb aaxd; do
		for m in "" -ba -bpa "-ba -l 2" "-i 5 -ba"; do
			bad_like_gnu "$l" nl $m
			bad_like_gnu "$l" nl $m - /dev/null
		done
	done
}

@test "cmp: a read error drops GNU's whole block (the lcm of the files' st_blksize: 4096 here, read 512 first): no difference of it listed or reported (status 2)" {
	local l
	for l in 100:dx ddxd 100:ddddx 511:ddx 512:ddx 3584:dx 4000:ddddddddddddddddddddx; do
		bad_like_gnu "$l" cmp - /dev/zero
		bad_like_gnu "$l" cmp -l - /dev/zero
		bad_like_gnu "$l" cmp -l /dev/zero -
		bad_like_gnu "$l" cmp -b -n 5000 - /dev/zero
		bad_like_gnu "$l" cmp -l -i 10 - /dev/zero
	done
}

@test "cmp -l: the byte numbers' width from a regular file read from past its size (/proc's size 0) is the digits of the negative count left, as GNU's" {
	bad_like_gnu a cmp -l -n 512 - /dev/zero
	bad_like_gnu dd cmp -l -n 100 - /dev/zero
}

@test "base64: a read error while encoding: the bytes read before it encoded (padding, the last line's newline), then 'read error'" {
	local l
	for l in ddxd dddddddx xd dxd ddddddddddddddddx 1:ddx 2:ddx 100:dx 3000:dddddddddddddddddx; do
		bad_like_gnu "$l" base64
		bad_like_gnu "$l" base64 -w0
		bad_like_gnu "$l" base64 -w 7
	done
}

@test "base64 -d: a read error: GNU's whole chunks of 4096 characters read before it decoded, then 'read error' (an invalid quad before it: 'invalid input')" {
	local l
	for l in AAx Ax xA 100:AAx 4095:AAx 4000:AAAAAAAAAAAAAAAAAAAx 17:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAx \
		AdAx 100:AAdx 1000:AAAAAAAAAAAAAAAAAAAdx; do
		bad_like_gnu "$l" base64 -d
	done
}

@test "the other readers of standard input: what came before a read error, and its message, as GNU" {
	local l SPLIT=1
	for l in ddxd dddddddx xd; do
		bad_like_gnu "$l" cat
		bad_like_gnu "$l" cat -n
		bad_like_gnu "$l" od -An -tx1
		bad_like_gnu "$l" head -c 9000
		bad_like_gnu "$l" tail -c 100
		bad_like_gnu "$l" md5sum
		bad_like_gnu "$l" sha256sum
		bad_like_gnu "$l" cksum
		bad_like_gnu "$l" sort
		bad_like_gnu "$l" tr a b
		bad_like_gnu "$l" cut -c1
		bad_like_gnu "$l" tac
		bad_like_gnu "$l" tee
		bad_like_gnu "$l" paste -
		bad_like_gnu "$l" expand
		bad_like_gnu "$l" fold
	done
}
