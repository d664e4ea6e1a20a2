#!/usr/bin/env bats
# Standard output open for reading only (1</dev/null): every write fails
# with EBADF, but close(1) works. GNU's close_stream then says "write
# error" with a reason only when glibc's stdio still held bytes for
# fclose, else with close's own reason: none. (A closed stdout, where
# close fails too, keeps "Bad file descriptor": the write-error tests of
# each utility.) Ours and GNU's: the same stderr (the path replaced by the
# name) and status, for outputs below, at and past stdio's 4 KiB.
load helpers

# ro_like_gnu UTIL ARG... - ours and GNU's UTIL with stdout read-only,
# standard input the file $IN (or /dev/null)
ro_like_gnu() {
	local u=$1 ours gnu; shift
	ours=$( (exec 3</dev/null; "$(bin "$u")" "$@" 1<&3 <"${IN:-/dev/null}") 2>&1; echo "status $?")
	gnu=$( (exec 3</dev/null; "/usr/bin/$u" "$@" 1<&3 <"${IN:-/dev/null}") 2>&1; echo "status $?")
	ours=${ours//"$(bin "$u")"/$u}
	gnu=${gnu//"/usr/bin/$u"/$u}
	[ "$ours" = "$gnu" ] || { diff <(echo "$gnu") <(echo "$ours"); return 1; }
}

@test "echo, basename, dirname, printenv, env, pwd: GNU's write error" {
	local x4090 names=()
	x4090=$(printf '%4090s' | tr ' ' x)
	for i in $(seq 1200); do names+=(a/bcd); done
	ro_like_gnu echo hi
	ro_like_gnu echo -n "$x4090$x4090"
	ro_like_gnu echo "$x4090" "$x4090"
	ro_like_gnu echo -e "$x4090"
	ro_like_gnu basename a/b
	ro_like_gnu basename -a "${names[@]}"
	ro_like_gnu dirname a/b
	ro_like_gnu dirname "${names[@]}"
	ro_like_gnu printenv HOME
	A=$x4090 B=1 ro_like_gnu printenv
	A=$x4090 B=1 ro_like_gnu env
	ro_like_gnu env
	ro_like_gnu pwd
}

@test "sort, tr and the other filters: GNU's write error" {
	seq 1 3000 > big
	echo hi > small
	ro_like_gnu sort small
	ro_like_gnu sort big
	IN=small ro_like_gnu tr a b
	IN=big ro_like_gnu tr a b
	IN=big ro_like_gnu tr -d a
	IN=big ro_like_gnu tee
	for u in cat tac head tail nl fold expand unexpand paste uniq base64 od cksum md5sum wc; do
		ro_like_gnu $u small
		ro_like_gnu $u big
	done
	ro_like_gnu seq 3
	ro_like_gnu seq 3000
	ro_like_gnu cut -c1 big
	ro_like_gnu comm big big
	ro_like_gnu readlink -f big
	ro_like_gnu realpath big
	ro_like_gnu uname -a
	ro_like_gnu stat big
}
