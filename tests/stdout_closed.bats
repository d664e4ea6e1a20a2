#!/usr/bin/env bats
# A standard output that fails, closed (>&-) or full (/dev/full), with a
# message about a later operand between: every utility's stderr and status
# as GNU's. gnulib's close_stdout says "write error" with fclose's reason:
# after an earlier failed flush, close(1)'s, which is EBADF when stdout is
# closed (head, tail, cut and fold said a bare "write error" there). Found
# by a survey of all the utilities with stdout closed, then full. stat and
# du go on after a failed write, as GNU's stdio: a later operand's message
# still shows, then "write error" with fclose's reason (stat: the reason
# of the bytes left at the end, if any; du flushes each line).
load helpers

# closed_like_gnu REDIR CMD... - each CMD (a utility and its arguments, one
# word list) run with stdin f, stdout REDIR and stderr captured, ours then
# GNU's, in a directory with files f and g: the same messages (the program
# named as typed) and status
closed_like_gnu() {
	local redir=$1 c u o g
	shift
	printf 'a\nb\n' > f
	printf 'b\nc\n' > g
	for c in "$@"; do
		u=${c%% *}
		o=$(sh -c "\"\$0\"${c#"$u"} < f $redir; echo \"status \$?\"" "$(bin "$u")" 2>&1 | sed "s#$(bin "$u")#$u#g")
		g=$(sh -c "\"\$0\"${c#"$u"} < f $redir; echo \"status \$?\"" "/usr/bin/$u" 2>&1 | sed "s#/usr/bin/$u#$u#g")
		[ "$o" = "$g" ] || { printf '%s %s\nours: %s\nGNU:  %s\n' "$c" "$redir" "$o" "$g"; return 1; }
	done
}

CMDS=("cut -c1 f nosuch" "head f nosuch" "head -c1 f nosuch" "tail f nosuch"
	"fold f nosuch" "comm f g" "od f nosuch" "od -c" "uniq f" "nl f nosuch"
	"wc f nosuch" "tac f nosuch" "paste f nosuch" "expand f nosuch"
	"unexpand f nosuch" "sort f nosuch" "md5sum f nosuch" "sha1sum f nosuch"
	"sha256sum f nosuch" "cksum f nosuch" "sum f nosuch" "cat f nosuch"
	"base64 f" "tr a b" "seq 3" "ls f nosuch" "stat nosuch f" "du nosuch f"
	"stat f nosuch" "stat f nosuch f" "stat -f . nosuch" "du f nosuch"
	"du f nosuch f" "du -a . nosuch"
	"df nosuch ." "readlink -f f nosuch/x/y" "realpath f nosuch/x/y" "cmp f g"
	"echo hi" "printenv HOME" "uname" "pwd" "basename a" "dirname a" "tty"
	"tee" "dd status=none")

@test "stdout closed: each utility's messages and status as GNU's" {
	closed_like_gnu '>&-' "${CMDS[@]}"
}

@test "stdout /dev/full: each utility's messages and status as GNU's" {
	closed_like_gnu '>/dev/full' "${CMDS[@]}"
}
