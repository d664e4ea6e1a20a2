#!/usr/bin/env bats
# mktemp: the differential cases again as a non-root user, and what
# difftest cannot compare (the names are random): what is
# created (type, mode under several umasks, the printed name is the one
# made, the template's fixed parts kept), the letters and their spread,
# the retry on EEXIST (injected with strace), TMPDIR/-p/-t, a read-only
# file system, a directory unwritable to a non-root user, /dev/full and a
# closed pipe, peak RSS.
load helpers

@test "the differential cases as a non-root user" {
	user_cases mktemp
}

# like_template NAME TEMPLATE SUFFIX-LEN - NAME is TEMPLATE with its X's
# before the last SUFFIX-LEN bytes replaced by letters and digits
like_template() {
	local t=$2 n=$1 s=$3 x
	x=${t%"${t: ${#t} - s}"}; [ "$s" -eq 0 ] && x=$t
	local xs=${x##*[!X]}
	local pre=${x%"$xs"}
	[ "${#n}" -eq "${#t}" ] && [ "${n:0:${#pre}}" = "$pre" ] &&
		[ "${n: ${#pre} + ${#xs}}" = "${t: ${#pre} + ${#xs}}" ] &&
		[[ "${n:${#pre}:${#xs}}" =~ ^[A-Za-z0-9]+$ ]] ||
		{ echo "$n is not like $t"; return 1; }
}

@test "a file: created 0600, empty, its name printed, the template kept" {
	n=$("$(bin mktemp)" fooXXXXXX.bar)
	[ -f "$n" ]
	[ ! -s "$n" ]
	[ "$(stat -c %a "$n")" = 600 ]
	like_template "$n" fooXXXXXX.bar 4
	n=$("$(bin mktemp)" -p "$T" --suffix=.c aXXXXXXXXXXXX)
	like_template "$n" "$T/aXXXXXXXXXXXX.c" 2
	[ -f "$n" ]
}

@test "a directory: created 0700, empty" {
	n=$("$(bin mktemp)" -d dXXX)
	[ -d "$n" ]
	[ "$(stat -c %a "$n")" = 700 ]
	[ -z "$(ls -A "$n")" ]
	like_template "$n" dXXX 0
}

@test "modes under other umasks are GNU's" {
	for u in 000 077 027 777; do
		o=$(umask $u; "$(bin mktemp)" -p "$T") && g=$(umask $u; /usr/bin/mktemp -p "$T") &&
		[ "$(stat -c %a "$o")" = "$(stat -c %a "$g")" ] &&
		o=$(umask $u; "$(bin mktemp)" -d -p "$T") && g=$(umask $u; /usr/bin/mktemp -d -p "$T") &&
		[ "$(stat -c %a "$o")" = "$(stat -c %a "$g")" ] || { echo "umask $u"; return 1; }
	done
}

@test "the default template under TMPDIR, -p, -t" {
	mkdir e p
	n=$(TMPDIR=e "$(bin mktemp)"); like_template "$n" e/tmp.XXXXXXXXXX 0; [ -f "$n" ]
	n=$(TMPDIR=e "$(bin mktemp)" -p p); like_template "$n" p/tmp.XXXXXXXXXX 0
	n=$(TMPDIR=e "$(bin mktemp)" -t -p p aXXX); like_template "$n" e/aXXX 0
	n=$(TMPDIR= "$(bin mktemp)" -t -p p aXXX); like_template "$n" p/aXXX 0
	n=$(TMPDIR=e "$(bin mktemp)" --tmpdir); like_template "$n" e/tmp.XXXXXXXXXX 0
	n=$(TMPDIR=e "$(bin mktemp)" --tmpdir=p/// -d); like_template "$n" p/tmp.XXXXXXXXXX 0; [ -d "$n" ]
	n=$(env -u TMPDIR "$(bin mktemp)" -u); like_template "$n" /tmp/tmp.XXXXXXXXXX 0; [ ! -e "$n" ]
}

@test "only letters and digits, all of them, different each time" {
	for i in $(seq 300); do "$(bin mktemp)" -u XXXXXXXXXXXXXXXXXXXX; done > names
	[ "$(sort -u names | wc -l)" -eq 300 ]
	! grep -q '[^A-Za-z0-9]' names || false
	[ "$(fold -w1 names | sort -u | wc -l)" -eq 62 ]
}

@test "a name that exists is tried again (EEXIST injected)" {
	command -v strace > /dev/null || skip "strace missing"
	run strace -f -o log -e trace=open,mkdir -e inject=open:error=EEXIST:when=1..5 "$(bin mktemp)" aXXX
	[ "$status" -eq 0 ]
	[ -f "${lines[-1]}" ]
	[ "$(grep -c 'EEXIST' log)" -eq 5 ]
	run strace -f -o log -e trace=mkdir -e inject=mkdir:error=EEXIST:when=1..3 "$(bin mktemp)" -d aXXX
	[ "$status" -eq 0 ]
	[ -d "${lines[-1]}" ]
	run strace -f -o log -e trace=open -e inject=open:error=EACCES:when=1 "$(bin mktemp)" aXXX
	[ "$status" -eq 1 ] && [ "${lines[-1]}" = "$(bin mktemp): failed to create file via template 'aXXX': Permission denied" ]
}

@test "a read-only file system: GNU's message" {
	command -v unshare > /dev/null || skip "unshare missing"
	[ "$(id -u)" -eq 0 ] || skip "not root"
	mkdir ro
	for p in "$(bin mktemp)" /usr/bin/mktemp; do
		ro_fs_fails "$p" "%s: failed to create directory via template 'ro/tmp.XXXXXXXXXX': Read-only file system" -p ro -d
	done
}

@test "a directory unwritable to a non-root user: Permission denied" {
	mkdir locked
	chmod 755 "$T" locked
	as_nobody
	unreadable_like_gnu mktemp "%s: failed to create file via template 'locked/aXXX': Permission denied" locked/aXXX
	unreadable_like_gnu mktemp "" -q locked/aXXX
	[ -z "$(ls locked)" ]
}

@test "/dev/full: write error, and what was made is removed" {
	mkdir d
	dev_full_fails mktemp -p d
	dev_full_fails mktemp -d -p d
	[ -z "$(ls d)" ]
}

@test "a closed pipe kills it by SIGPIPE, silently, as GNU's" {
	closed_pipe_kills mktemp -p "$T"
	closed_pipe_kills mktemp -u
}

@test "peak RSS of a trivial run is at most 16 KiB" {
	rss_at_most 16 mktemp -p "$T"
	rss_at_most 16 mktemp -u
}

@test "names too long: GNU's message, and a long DIR that works" {
	local long; long=$(printf 'a%.0s' $(seq 300))XXX
	run "$(bin mktemp)" "$long"
	[ "$status" -eq 1 ]
	[ "$output" = "$(bin mktemp): failed to create file via template '$long': File name too long" ]
	local d; d=$(printf 'd%.0s' $(seq 200))
	mkdir -p "$d/$d/$d"
	n=$("$(bin mktemp)" -p "$d/$d/$d//" -d)
	like_template "$n" "$d/$d/$d/tmp.XXXXXXXXXX" 0
	[ -d "$n" ]
}
