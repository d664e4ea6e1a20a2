#!/usr/bin/env bats
# Older kernels: getrandom is Linux 3.17 (the tests at the end), statx is
# Linux 4.11, i386's 64-bit time calls (clock_gettime64,
# utimensat_time64, clock_nanosleep_time64) Linux 5.1. Where the kernel lacks
# them, rt/statx.inc falls back on fstatat and rt/time64.inc on the 32-bit
# calls, as glibc does for GNU. build/harness/nosys runs a program with those
# calls failing with ENOSYS (a seccomp filter); each command, run so, must
# give what GNU's gives run so (its glibc falls back alike): stdout, stderr
# (the path made the name), status and the tree left. The binaries without
# the fallbacks failed every one of these ("Unknown error 38").
load helpers

NOSYS="64:332,32:383,32:403,32:407,32:412"

fixture() {
	mkdir "$1" && cd "$1" || return 1
	printf 'hello world\nfoo\tbar\nzz\n' > f
	printf 'b\na\n' > g
	mkdir -p d/e && echo x > d/x && ln -s f l && ln -s nowhere dangling
	touch -m -d '2001-02-03 04:05:06.123456789' f g d/x d/e d
	touch -h -m -d @1000000000 l dangling
	touch -h -a -d tomorrow f g d/x d/e d l dangling .	# (access times past
	cd ..				# the change times: no read changes them)
}

# tree DIR - what the tree comparison looks at: names, types, modes,
# sizes, link targets, and the times of all but directories (a directory
# the command changed has the time of the run), a time of this run "now"
tree() {
	(cd "$1" && find . -mindepth 1 \( -type d -printf '%p %y %m\n' \) -o -printf '%p %y %m %s %T@ %l\n' |
		awk '$5 > 1600000000 { $5 = "now" } 1' | sort)
}

# nosys_run DIR UTIL ARG... - in DIR, the utility (ours: a path; GNU's:
# /usr/bin/UTIL) under nosys, stdin f; its output, "status N" last, the
# path and $T made names
nosys_run() {
	local d=$1 p=$2 u=${2##*/} out; shift 2
	out=$(cd "$d" && "$BATS_TEST_DIRNAME/../build/harness/nosys" "$NOSYS" "$p" "$@" < f 2>&1; echo "status $?")
	out=${out//"$p"/$u}
	echo "${out//"$T/$d"/X}"
}

# old_like_gnu UTIL ARG... - a command that changes files, ours and GNU's
# under nosys in two fresh fixtures: the same output, status and tree
old_like_gnu() {
	local u=$1 ours gnu; shift
	fixture o && fixture g
	ours=$(nosys_run o "$(bin "$u")" "$@")
	gnu=$(nosys_run g "/usr/bin/$u" "$@")
	[ "$ours" = "$gnu" ] || { echo "$u $*:"; diff <(echo "$gnu") <(echo "$ours"); return 1; }
	diff <(tree g) <(tree o) || { echo "$u $*: the trees differ"; return 1; }
	rm -rf o g
}

# ro_like_gnu UTIL ARG... - a command that reads only, ours then GNU's in
# one fixture (the same inodes and change times)
ro_like_gnu() {
	local u=$1 ours gnu; shift
	fixture r
	ours=$(nosys_run r "$(bin "$u")" "$@")
	gnu=$(nosys_run r "/usr/bin/$u" "$@")
	[ "$ours" = "$gnu" ] || { echo "$u $*:"; diff <(echo "$gnu") <(echo "$ours"); return 1; }
	rm -rf r
}

@test "nosys: the filter gives ENOSYS to the calls named, and runs the rest" {
	run "$BATS_TEST_DIRNAME/../build/harness/nosys" 64:332 /usr/bin/python3 -c '
import ctypes, errno
libc = ctypes.CDLL(None, use_errno=True)
r = libc.syscall(332, -100, b".", 0, 0, ctypes.create_string_buffer(256))
print(r, errno.errorcode[ctypes.get_errno()])'
	[ "$status" = 0 ]
	[ "$output" = "-1 ENOSYS" ]
	run "$BATS_TEST_DIRNAME/../build/harness/nosys" 64:x true
	[ "$status" = 125 ]
}

@test "without statx: stat, ls and the others as GNU's (its glibc's fstatat)" {
	ro_like_gnu stat f d l dangling /dev/null .
	ro_like_gnu stat -L l
	ro_like_gnu stat -c '%n %s %b %B %i %h %u %g %a %A %F %d %D %t %T %y %z %w %W %Y %Z %o' f /dev/null /dev/zero
	ro_like_gnu stat -c '%n %i %s %F' -
	ro_like_gnu stat --cached=always -c %s f
	ro_like_gnu stat -t f
	ro_like_gnu ls -l --time-style=full-iso f d l /dev/null
	ro_like_gnu ls -liRa --time-style=+%s
	ro_like_gnu ls -lcu --time-style=+%s l
	ro_like_gnu ls -l --time=birth --time-style=+%s f
	ro_like_gnu ls -sS d f g
	ro_like_gnu ls -F
	ro_like_gnu du -ab
	ro_like_gnu df --output=source,target f
	ro_like_gnu cat f - g
	ro_like_gnu head -c 5 f
	ro_like_gnu tail -c 5 f
	ro_like_gnu wc f -
	ro_like_gnu tr a-z A-Z
	ro_like_gnu od -c g
	ro_like_gnu tac g
	ro_like_gnu cmp f g
	ro_like_gnu readlink -f l
	ro_like_gnu realpath l d/e
	ro_like_gnu pwd -P
	ro_like_gnu tty
}

@test "without statx (and i386's time64 calls): cp, mv, rm and the others as GNU's" {
	old_like_gnu cp -a d l c
	old_like_gnu cp -p f h
	old_like_gnu cp -r d/e c
	old_like_gnu cp f f
	old_like_gnu mv d c
	old_like_gnu mv f g
	old_like_gnu rm -r d f
	old_like_gnu rm -i f
	old_like_gnu chmod -R go-rwx d
	old_like_gnu chown -R 0:0 d
	old_like_gnu chgrp -Rv 0 d
	old_like_gnu ln -s f m
	old_like_gnu ln -b f g
	old_like_gnu mkdir -p a/b d/e
	old_like_gnu rmdir -p d/e
	old_like_gnu touch -d '2020-01-02 03:04:05.5' g
	old_like_gnu touch -m -d @-5 g
	old_like_gnu touch -r f g
	old_like_gnu touch -c nosuch
	old_like_gnu tee h
	old_like_gnu sort -o g g f
	old_like_gnu truncate -s 3 g
	old_like_gnu dd if=f of=h bs=4 status=none
	old_like_gnu sleep 0.01
	[ "$(cd "$T" && "$BATS_TEST_DIRNAME/../build/harness/nosys" "$NOSYS" "$(bin mktemp)" -p . | grep -c '^\./tmp\.')" = 1 ]
}

# rnd_run UTIL|PATH ARG... - in $T, the command with getrandom failing as
# on a kernel before 3.17 (ENOSYS; one whose pool is not ready yet says
# EAGAIN instead: the same path), 10 s at most; "status N" last
rnd_run() {
	local p=$1; shift
	[ "${p#/}" != "$p" ] || p=$(bin "$p")
	timeout 10 "$BATS_TEST_DIRNAME/../build/harness/nosys" 64:318,32:355 "$p" "$@"
	echo "status $?"
}

@test "without getrandom (before Linux 3.17, or early in a boot): temporary names from the clock, as GNU's (they waited forever)" {
	local u names
	for u in mktemp /usr/bin/mktemp; do
		mkdir w && cd w
		run rnd_run $u -p . tmp.XXXXXXXXXX
		[ "${lines[1]}" = "status 0" ]
		[[ "${lines[0]}" =~ ^\./tmp\.[a-zA-Z0-9]{10}$ ]]
		[ -f "${lines[0]}" ]
		run rnd_run $u -d -p . XXXXXX
		[ "${lines[1]}" = "status 0" ]
		[ -d "${lines[0]}" ]
		names=$(for i in 1 2 3 4 5 6 7 8 9 10 11 12; do rnd_run $u -p . XXXXXX; done | grep -vc status)
		[ "$names" = 12 ]
		[ "$(ls | wc -l)" = 14 ]
		cd .. && rm -rf w
	done
	for u in ln /usr/bin/ln cp /usr/bin/cp; do
		mkdir w && cd w && echo a > a && echo b > b && echo c > c
		case $u in *ln) run rnd_run $u -f a b ;; *cp) run rnd_run $u -lf a b ;; esac
		[ "$output" = "status 0" ]
		[ a -ef b ]
		run rnd_run $u -sf a c		# (ln's -s, cp's -s)
		[ "$output" = "status 0" ]
		[ "$(readlink c)" = a ]
		[ "$(ls | tr '\n' ' ')" = "a b c " ]
		cd .. && rm -rf w
	done
}
