# helpers.bash - loaded by every bats file: `load helpers`.
#
# SUBK_BIN is the directory of the binaries under test (build/x86_64 or
# build/i386); tests/check.sh sets it, once per arch. Each test runs in its
# own temp dir ($T) and never touches anything outside it.

: "${SUBK_BIN:=build/x86_64}"
SUBK_BIN=$(cd "$BATS_TEST_DIRNAME/.." && cd "$SUBK_BIN" && pwd)
export SUBK_BIN
export LC_ALL=C TZ=UTC

# python3 (many tests run it): the system's (Debian's, which make check
# installs) ahead of a version manager's shim first in PATH: pyenv's runs
# shell scripts, then an interpreter with its own site, some 0.5-1.5 s a
# start where /usr/bin/python3 takes 0.03 s
if [ -x /usr/bin/python3 ] && [ "$(command -v python3)" != /usr/bin/python3 ]; then
	_py=${BATS_RUN_TMPDIR:-/tmp}/subk-python3
	[ -e "$_py/python3" ] || { mkdir -p "$_py" && ln -sf /usr/bin/python3 "$_py/"; }
	PATH=$_py:$PATH
fi

setup() {
	T=$(mktemp -d "${BATS_TMPDIR:-/tmp}/subk-bats.XXXXXX")
	cd "$T" || return 1
}

teardown() {
	[ ! -e "/dev/shm/${T##*/}" ] || rm -f "/dev/shm/${T##*/}"	# big_sparse's
	[ -z "${shm:-}" ] || rm -rf "$shm"				# shm_dir's
	cd / && rm -rf "$T"
}

# shm_dir NAME - $shm: a new directory on tmpfs (/dev/shm: a mkdir there
# costs ~0.1 ms, on this disk ~1 ms), removed by teardown; skips the test
# when there is no writable /dev/shm
shm_dir() {
	[ -d /dev/shm ] && [ -w /dev/shm ] || skip "no /dev/shm"
	shm=$(mktemp -d "/dev/shm/subk-$1.XXXXXX")
}

# nobody_deep_pair [MODE] - t and g: two deep_chain trees of 50 levels,
# each with its 40th level's directory owned by nobody (and MODE, if given):
# ours runs on t, GNU's on g (their lines compared with t and g as X)
nobody_deep_pair() {
	local x p i
	for x in t g; do
		deep_chain $x 50
		p=$x
		for i in $(seq 40); do p=$p/d; done
		chown 65534 "$p"
		[ -z "${1:-}" ] || chmod "$1" "$p"
	done
}

# deep_chain DIR N - DIR/d/d/... N levels (by python3: one process), with
# a file, a symbolic link to ".." and an empty directory every 1000 levels
deep_chain() {
	python3 - "$1" "$2" <<'PY'
import os, sys
top, n = sys.argv[1], int(sys.argv[2])
os.mkdir(top)
fd = os.open(top, os.O_RDONLY | os.O_DIRECTORY)
for i in range(n):
    os.mkdir('d', dir_fd=fd)
    if i % 1000 == 500:
        os.close(os.open('f', os.O_CREAT | os.O_WRONLY, 0o644, dir_fd=fd))
        os.symlink('..', 'l', dir_fd=fd)
        os.mkdir('e', dir_fd=fd)
    nfd = os.open('d', os.O_RDONLY | os.O_DIRECTORY, dir_fd=fd)
    os.close(fd)
    fd = nfd
os.close(os.open('bottom', os.O_CREAT | os.O_WRONLY, 0o644, dir_fd=fd))
PY
}

# untraced CMD... - CMD (a loop's function, most often) run without bats's
# DEBUG trap, which records a stack trace before every simple command of a
# test (some 0.7 ms each: a loop of 3,000 took seconds). Only the trace is
# gone: set -e and the ERR trap still fail the test on the first failing
# command inside, and the status is CMD's; the report then names the
# untraced call's line instead of the line inside CMD.
untraced() {
	local _s
	if [ "${_subk_untraced:-0}" -eq 1 ]; then "$@"; return; fi	# (nested)
	[ -n "${_subk_debug_trap:-}" ] || _subk_debug_trap=$(trap -p DEBUG)
	_subk_untraced=1
	trap - DEBUG
	"$@"; _s=$?
	_subk_untraced=0
	eval "$_subk_debug_trap"
	return $_s
}

# bin NAME - path of our binary NAME
bin() { printf '%s/%s' "$SUBK_BIN" "$1"; }

# arch - the arch under test (x86_64 or i386)
arch() { basename "$SUBK_BIN"; }

# status_of CMD... - run a pipeline-free command, print its exit status
# (128+N for signal N, as the shell reports it)
status_of() { "$@" >/dev/null 2>&1; echo $?; }

# rawexec ENV... -- PROG ARG...: execve PROG with exactly this environment
# (duplicates, entries without '=': what no shell can build)
rawexec() {
	python3 -c '
import ctypes, sys
libc = ctypes.CDLL(None, use_errno=True)
a = [s.encode("utf-8", "surrogateescape") for s in sys.argv[1:]]
i = a.index(b"--")
def arr(l):
    return (ctypes.c_char_p * (len(l) + 1))(*l, None)
libc.execve(a[i + 1], arr(a[i + 1:]), arr(a[:i]))
sys.exit(99)' "$@"
}

# sh_fails STATUS NAME MESSAGE CODE - run CODE with sh, $1 being our binary
# NAME: it must end with STATUS and print exactly "ITS-PATH: MESSAGE"
sh_fails() {
	run sh -c "$4" sh "$(bin "$2")"
	[ "$status" -eq "$1" ] && [ "$output" = "$(bin "$2"): $3" ]
}

# prog UTIL - UTIL's path: our binary UTIL, or UTIL itself when it is a
# path (/usr/bin/cat: GNU's)
prog() { case $1 in /*) printf '%s' "$1" ;; *) bin "$1" ;; esac; }

# say FORMAT PATH - printf FORMAT with PATH for every %s in it
say() { printf "${1//'%s'/"$2"}"; }

# as_nobody - set the array `as` to what runs a command as a non-root user
# (empty if we are not root; as root without setpriv the test is skipped)
as_nobody() {
	as=()
	if [ "$(id -u)" -eq 0 ]; then
		command -v setpriv > /dev/null || skip "setpriv missing"
		as=(setpriv --reuid=65534 --regid=65534 --clear-groups)
	fi
}

# pid1_like_gnu NAME ARGS... - ours and GNU's NAME ARGS as nobody (as_nobody;
# $T opened to them), stderr into stdout (the order counts), and their
# statuses: equal. Skipped where nobody can read PID 1's links (procfs asks
# ptrace access for /proc/1/cwd, exe, root; lstat does not: a readlink
# that fails where the lstat worked). ls.fail.bats, stat.rdlink.bats
pid1_like_gnu() {
	local n=$1 ours gnu; shift
	as_nobody
	[ "$(id -u)" -ne 0 ] || chmod 755 "$T"
	! "${as[@]}" readlink /proc/1/cwd > /dev/null 2>&1 || skip "PID 1's links are readable"
	ours=$("${as[@]}" "$SUBK_BIN/$n" "$@" 2>&1; echo "status $?")
	gnu=$("${as[@]}" "/usr/bin/$n" "$@" 2>&1; echo "status $?")
	ours=${ours//"$SUBK_BIN/$n:"/$n:}
	gnu=${gnu//"/usr/bin/$n:"/$n:}
	# (the -l lines of /proc/1's fd, fdinfo and task follow PID 1's live
	# state between the two runs: left out)
	ours=$(echo "$ours" | grep -Ev ' (fd|fdinfo|task)$' || true)
	gnu=$(echo "$gnu" | grep -Ev ' (fd|fdinfo|task)$' || true)
	[ "$ours" = "$gnu" ] || { diff <(echo "$gnu") <(echo "$ours"); false; }
}

# ns_like_gnu SCRIPT UTIL - SCRIPT (bash; it mounts what it needs, and
# exits 77 when it cannot) run in a private mount namespace with our UTIL
# as its $1, then with GNU's: the same output (stderr in it); ours is left
# in $ours (mv.bats, cp.group.bats)
ns_like_gnu() {
	command -v unshare > /dev/null || skip "unshare missing"
	[ "$(id -u)" -eq 0 ] || skip "not root"
	run unshare -m bash "$1" "$(bin "$2")"
	[ "$status" -ne 77 ] || skip "no tmpfs"
	ours=$output
	run unshare -m bash "$1" "/usr/bin/$2"
	[ "$ours" = "$output" ] || { echo "ours: $ours"; echo "GNU: $output"; false; }
}

# lock_file - write ./locked, unreadable to a non-root user (its directory
# $T open to them), and set `as` (as_nobody)
lock_file() {
	echo secret > locked
	chmod 000 locked
	chmod 755 "$T"
	as_nobody
}

# unreadable_file_fails UTIL FORMAT ARGS... - after lock_file, UTIL ARGS run
# as a non-root user ends with status 1 and prints (stdout and stderr)
# exactly `say FORMAT PATH-OF-UTIL`
unreadable_file_fails() {
	local p; p=$(prog "$1")
	run "${as[@]}" "$p" "${@:3}"
	[ "$status" -eq 1 ] && [ "$output" = "$(say "$2" "$p")" ] ||
		{ echo "$p: status $status, output: $output"; return 1; }
}

# unreadable_like_gnu UTIL FORMAT ARGS... - unreadable_file_fails for our
# UTIL and for GNU's (/usr/bin/UTIL)
unreadable_like_gnu() {
	unreadable_file_fails "$@" && unreadable_file_fails "/usr/bin/$1" "${@:2}"
}

# unreadable_split_fails UTIL OUT-FORMAT ERR-FORMAT ARGS... - as
# unreadable_file_fails, but stdout (`say OUT-FORMAT PATH`) and stderr
# (`say ERR-FORMAT PATH`, with status 1) each checked alone: the order
# between the two is free
unreadable_split_fails() {
	local p; p=$(prog "$1")
	run "${as[@]}" sh -c '"$@" 2>&1 >/dev/null' sh "$p" "${@:4}"
	[ "$status" -eq 1 ] && [ "$output" = "$(say "$3" "$p")" ] ||
		{ echo "$p: status $status, stderr: $output"; return 1; }
	run "${as[@]}" sh -c '"$@" 2>/dev/null' sh "$p" "${@:4}"
	[ "$output" = "$(say "$2" "$p")" ] || { echo "$p: stdout: $output"; return 1; }
}

# sigpipe_silent UTIL 'HEAD-OPTIONS' WANT ARGS... - UTIL ARGS (stdin: the
# caller's) piped into `head HEAD-OPTIONS` is killed by SIGPIPE (status
# 141) without a word on stderr, after head printed `printf WANT`
sigpipe_silent() {
	local p; p=$(prog "$1")
	run bash -c 'h=$1; shift; "$@" 2>err | head $h; echo "|${PIPESTATUS[0]}"' sh "$2" "$p" "${@:4}"
	[ "$output" = "$(printf "$3|141")" ] && [ ! -s err ] ||
		{ echo "$p: output: $output, stderr: $(cat err)"; return 1; }
}

# sigpipe_ignored_fails UTIL MESSAGE ARGS... - with SIGPIPE ignored, UTIL
# ARGS (stdin: the caller's) piped into a reader that goes after one byte
# ends with status 1 and stderr exactly `say "%s: MESSAGE" PATH-OF-UTIL`
sigpipe_ignored_fails() {
	local p; p=$(prog "$1")
	run bash -c 'trap "" PIPE; "$@" | head -c 1 > /dev/null; echo "${PIPESTATUS[0]}"' sh "$p" "${@:3}"
	[ "$output" = "$(say "%s: $2\n1" "$p")" ] || { echo "$p: output: $output"; return 1; }
}

# closed_pipe_kills UTIL ARGS... - UTIL ARGS with stdout a pipe whose
# reader is already closed is killed by SIGPIPE, nothing on stderr
closed_pipe_kills() {
	run python3 -c '
import os, subprocess, sys
r, w = os.pipe()
os.close(r)
p = subprocess.run(sys.argv[1:], stdout=w, stderr=subprocess.PIPE)
print(p.returncode, len(p.stderr))' "$(prog "$1")" "${@:2}"
	[ "$output" = "-13 0" ] || { echo "$1: $output"; return 1; }
}

# dev_full_fails UTIL ARGS... - UTIL ARGS (stdin: the caller's) with stdout
# on /dev/full ends with status 1 and exactly GNU's "PATH: write error: No
# space left on device"
dev_full_fails() {
	local p; p=$(prog "$1")
	run sh -c '"$@" > /dev/full' sh "$p" "${@:2}"
	[ "$status" -eq 1 ] && [ "$output" = "$p: write error: No space left on device" ] ||
		{ echo "$p: status $status, output: $output"; return 1; }
}

# compare_with_gnu UTIL ARGS... - ours and GNU's UTIL ARGS, stdin from ./in,
# give the same stdout (./ours, ./gnus) and the same status
compare_with_gnu() {
	local s1=0 s2=0
	"$(bin "$1")" "${@:2}" < in > ours || s1=$?
	"/usr/bin/$1" "${@:2}" < in > gnus || s2=$?
	[ "$s1" -eq "$s2" ] && cmp ours gnus
}

# ls_like_gnu ARGS... - ours and GNU's ls ARGS in the current directory:
# the same stdout, stderr (argv[0] aside) and status; $T holds the outputs;
# both run by "${as[@]}" (as_nobody) when the test sets it (the ls*.bats)
ls_like_gnu() {
	local s1=0 s2=0
	"${as[@]}" "$(bin ls)" "$@" > "$T/ours" 2> "$T/oerr" || s1=$?
	"${as[@]}" /usr/bin/ls "$@" > "$T/gnus" 2> "$T/gerr" || s2=$?
	sed -i "s|^$(bin ls):|ls:|" "$T/oerr"
	sed -i "s|^/usr/bin/ls:|ls:|" "$T/gerr"
	[ "$s1" -eq "$s2" ] && cmp "$T/gnus" "$T/ours" && cmp "$T/gerr" "$T/oerr" ||
		{ echo "status $s1/$s2 for $*"; diff "$T/gnus" "$T/ours" | head -20; diff "$T/gerr" "$T/oerr"; return 1; }
}

# putchar_dies_like_gnu UTIL - UTIL of a 600 KB input to /dev/full as GNU
# 9.1's putchar() + die(): status 1, "write error: REASON" when stdio's
# 4 KiB buffer overflows, then close_stdout's bare "write error" (GNU's
# very words, checked too); a one-line input: dev_full_fails (expand,
# unexpand)
putchar_dies_like_gnu() {
	seq 1 100000 > big
	run sh -c '"$@" > /dev/full' sh "$(bin "$1")" big
	[ "$status" -eq 1 ]
	[ "$output" = "$(bin "$1"): write error: No space left on device
$(bin "$1"): write error" ]
	run sh -c '"$@" > /dev/full' sh "/usr/bin/$1" big
	[ "$output" = "/usr/bin/$1: write error: No space left on device
/usr/bin/$1: write error" ]
	echo a | dev_full_fails "$1"
}

# rss_at_most KIB UTIL ARGS... - UTIL ARGS (stdout to /dev/null, an empty
# environment) ends with status 0 after a peak RSS of at most KIB KiB
# (build/harness/rss, which turns the kernel's random stack gap off, so the
# figure is the same every run)
rss_at_most() { untraced _rss_at_most "$@"; }
_rss_at_most() {
	local kb st p=$2
	[[ $p == /* ]] || p=$SUBK_BIN/$p
	read -r kb st < <(env -i "$BATS_TEST_DIRNAME/../build/harness/rss" "$p" "${@:3}" 2>&1 >/dev/null)
	[ "$st" -eq 0 ] && [ "$kb" -le "$1" ] || { echo "$2: $kb KiB, status $st"; return 1; }
}

# rss_error_at_most KIB UTIL ARGS... - UTIL ARGS (an empty environment,
# stdin /dev/null) ends with status 1 (an error run: stderr is ignored)
# after a peak RSS of at most KIB KiB
rss_error_at_most() { untraced _rss_error_at_most "$@"; }
_rss_error_at_most() {
	local kb st p=$2
	[[ $p == /* ]] || p=$SUBK_BIN/$p
	read -r kb st < <(env -i "$BATS_TEST_DIRNAME/../build/harness/rss" "$p" "${@:3}" 2>&1 >/dev/null </dev/null | tail -n 1)
	[ "$st" -eq 1 ] && [ "$kb" -le "$1" ] || { echo "$2: $kb KiB, status $st"; return 1; }
}

# least_rss_at_most KIB RUNS UTIL ARGS... - UTIL ARGS with an empty
# environment ends with status 0 every time, and the least peak RSS of RUNS
# runs is at most KIB KiB (where the kernel puts the stack varies)
least_rss_at_most() {
	local least=999 kb st i
	for ((i = 0; i < $2; i++)); do
		read -r kb st < <(env -i "$BATS_TEST_DIRNAME/../build/harness/rss" "$(prog "$3")" "${@:4}" 2>&1 >/dev/null)
		[ "$st" -eq 0 ] || { echo "$3: status $st"; return 1; }
		[ "$kb" -lt "$least" ] && least=$kb
	done
	[ "$least" -le "$1" ] || { echo "$3: $least KiB"; return 1; }
}

# output_like_gnu UTIL ARGS... - ours and GNU's UTIL ARGS both end with
# status 0 and write the same bytes to stdout (./out, ./expected)
output_like_gnu() {
	"$(bin "$1")" "${@:2}" > out && "/usr/bin/$1" "${@:2}" > expected && cmp expected out
}

# user_cases NAME [FILE] - tests/cases/FILE (default NAME.cases) run by
# difftest as a non-root user, where its skip-if-root cases run too
# (copies of the binary and harness in $T; its summary line in $output);
# skipped when we are not root
user_cases() {
	local f=${2:-$1.cases}
	as_nobody
	[ ${#as[@]} -gt 0 ] || skip "not root"
	mkdir -p u/bin u/tmp && cp "$(bin "$1")" u/bin/ &&
		cp "$BATS_TEST_DIRNAME/../build/harness/difftest" "$BATS_TEST_DIRNAME/cases/$f" u/
	chmod -R a+rX "$T" && chmod 1777 u/tmp
	run "${as[@]}" env DIFFTEST_ALLOW_NO_NS=1 TMPDIR="$T/u/tmp" u/difftest u/bin "u/$f"
	echo "$output"
	[ "$status" -eq 0 ]
}

# on_ro_fs CMD... - CMD run inside a private mount namespace where ./ro is
# a read-only bind mount of itself (status and output as `run` gives)
on_ro_fs() {
	command -v unshare > /dev/null || skip "unshare missing"
	[ "$(id -u)" -eq 0 ] || skip "not root"
	run unshare -m sh -c 'mount --bind ro ro && mount -o remount,bind,ro ro && exec "$@"' sh "$@"
}

# deep_tree - make ./deep...: 25 directories of 200 bytes (a name of 5026
# bytes, past PATH_MAX), and set `deep` to its name
deep_tree() {
	local d p=. i
	d=$(printf 'd%.0s' $(seq 200))
	for i in $(seq 25); do p=$p/$d; done
	mkdir -p "$p"
	deep=$p
}

# plain_hasher UTIL - assemble asm/UTIL.asm with -DHASH_PLAIN (the
# plain-path-only core) for the arch under test into ./plain
plain_hasher() {
	local top; top=$(cd "$BATS_TEST_DIRNAME/.." && pwd)
	command -v nasm > /dev/null || skip "nasm missing"
	nasm -f bin -DARCH="$(arch)" -DHASH_PLAIN -I"$top/asm/lib/" \
		-I"$top/build/gen/$(arch)/" -o plain "$top/asm/$1.asm"
	chmod 755 plain
}

# hash_edges - files e0..e130 (the padding edges) and g1024..g1154 (whole
# blocks, then the edges), bytes of every value
hash_edges() {
	head -c 1200 /dev/urandom > rnd
	python3 -c 'd = open("rnd", "rb").read()
for n in [*range(131), *range(1024, 1155)]: open("e%d" % n, "wb").write(d[:n])'
}

# plain_hash_like_gnu UTIL - the plain path of UTIL (plain_hasher) gives
# GNU's sums for the padding edges, and for 3 MiB of random bytes through
# a pipe and from a file
plain_hash_like_gnu() {
	plain_hasher "$1"
	hash_edges
	./plain e* > ours
	"/usr/bin/$1" e* > expected
	cmp expected ours
	head -c 3000017 /dev/urandom > in
	./plain < in > ours
	"/usr/bin/$1" < in > expected
	cmp expected ours
	/usr/bin/cat in | ./plain - in > ours
	"/usr/bin/$1" - in < in > expected
	cmp expected ours
}

# hash_unreadable_like_gnu UTIL - after lock_file, UTIL as a non-root user
# with a missing and an unreadable file among others, and -c with an
# unreadable listed file, prints (stdout, stderr) and ends as GNU's
hash_unreadable_like_gnu() {
	local g=/usr/bin/$1 p
	echo a > a
	for p in "$1" "$g"; do
		unreadable_split_fails "$p" "$("$g" a)\n" \
			"%s: locked: Permission denied\n%s: nosuch: No such file or directory" locked nosuch a ||
			return 1
	done
	{ "$g" a; "$g" a | sed 's/  a$/  locked/'; } > sums
	chmod 644 sums
	for p in "$1" "$g"; do
		unreadable_split_fails "$p" "a: OK\nlocked: FAILED open or read\n" \
			"%s: locked: Permission denied\n%s: WARNING: 1 listed file could not be read" -c sums ||
			return 1
	done
}

# hash_pipe_errors_like_gnu UTIL DIGIT - UTIL and GNU's on /dev/full: status
# 1 and "PATH: write error"; on a closed pipe: killed by SIGPIPE silently;
# with head -c 1 going away in the middle of 2000 lines (more than a pipe
# holds), after head printed DIGIT (the first byte of the sum of "a\n")
hash_pipe_errors_like_gnu() {
	local p args=() i
	echo a > a
	for p in "$(bin "$1")" "/usr/bin/$1"; do
		run sh -c '"$@" > /dev/full' sh "$p" a
		[ "$status" -eq 1 ] && [ "$output" = "$p: write error" ] ||
			{ echo "$p: status $status, output: $output"; return 1; }
		closed_pipe_kills "$p" a || return 1
	done
	mapfile -t args < <(yes a | head -n 2000)
	sigpipe_silent "$1" '-c 1' "$2" "${args[@]}" &&
		sigpipe_silent "/usr/bin/$1" '-c 1' "$2" "${args[@]}"
}

# help_refused UTIL - UTIL --help and UTIL --version end with status 1 and
# "unrecognized option" (a known difference from GNU)
help_refused() {
	local p o; p=$(bin "$1")
	for o in --help --version; do
		run "$p" $o
		[ "$status" -eq 1 ] &&
			[ "$output" = "$(printf "%s: unrecognized option '%s'\nTry '%s --help' for more information." "$p" $o "$p")" ] ||
			{ echo "$o: status $status, output: $output"; return 1; }
	done
}

# deep_rv_like_gnu UTIL ARGS... - in ./o and ./g, a tree deep/ 30
# directories of 200 bytes deep (past PATH_MAX) with a file f at the
# bottom: our UTIL -Rv ARGS deep in o and GNU's in g print the same 32
# lines (./ours, ./gnu); sets `name` to the 200-byte name
deep_rv_like_gnu() {
	local i d
	name=$(printf 'n%.0s' {1..200})
	for d in o g; do
		mkdir -p "$d/deep" && cd "$d/deep"
		for i in $(seq 30); do mkdir "$name" && cd "$name"; done
		touch f && cd "$T"
	done
	(cd o && "$(bin "$1")" -Rv "${@:2}" deep > ../ours)
	(cd g && "/usr/bin/$1" -Rv "${@:2}" deep > ../gnu)
	cmp ours gnu
	[ "$(wc -l < ours)" -eq 32 ]
}

# sigpipe_ignored_like_gnu STATUS UTIL ERRORS ARGS... - with SIGPIPE
# ignored, our UTIL ARGS and GNU's, piped into a reader that goes after one
# byte, end with STATUS and stderr exactly `say ERRORS PATH-OF-UTIL`
sigpipe_ignored_like_gnu() {
	local p
	for p in "$(bin "$2")" "/usr/bin/$2"; do
		run bash -c 'trap "" PIPE; "$@" 2>err | head -c 1 > /dev/null; echo "${PIPESTATUS[0]}"; cat err' sh "$p" "${@:4}"
		[ "$output" = "$(say "$1\n$3" "$p")" ] || { echo "$p: $output"; return 1; }
	done
}

# many_lines - set `many` to 700 operands, all one file with a 100-byte
# name holding "x": a line each makes some 80 KB of output, more than a
# pipe holds
many_lines() {
	n=$(printf 'n%.0s' $(seq 100))
	echo x > "$n"
	many=()
	mapfile -t many < <(yes "$n" | head -n 700)
}

# option_unrecognized STATUS UTIL OPTION... - our UTIL OPTION ends with
# STATUS and its first line is "PATH: unrecognized option 'OPTION'", for
# each OPTION (--help and --version: a known difference from GNU)
option_unrecognized() {
	local p o; p=$(bin "$2")
	for o in "${@:3}"; do
		run "$p" "$o"
		[ "$status" -eq "$1" ] && [ "${lines[0]}" = "$p: unrecognized option '$o'" ] ||
			{ echo "$o: status $status, output: $output"; return 1; }
	done
}

# random_files - r0 .. r299 (i bytes each) and r1m (1 MiB), random bytes;
# `files` set to them all
random_files() {
	head -c 1048576 /dev/urandom > r1m
	python3 -c 'd = open("r1m", "rb").read()
for i in range(300): open("r%d" % i, "wb").write(d[:i])'
	files=(r*)
}

# ro_fs_fails UTIL FORMAT ARGS... - UTIL ARGS (our UTIL, or a path: GNU's)
# run by on_ro_fs (./ro read-only) ends with status 1 and prints exactly
# `say FORMAT PATH-OF-UTIL`
ro_fs_fails() {
	local p; p=$(prog "$1")
	on_ro_fs "$p" "${@:3}"
	[ "$status" -eq 1 ] && [ "$output" = "$(say "$2" "$p")" ] ||
		{ echo "$p: status $status, output: $output"; return 1; }
}

# ro_fs_like_gnu UTIL FORMAT ARGS... - ro_fs_fails for our UTIL, then for
# GNU's (/usr/bin/UTIL)
ro_fs_like_gnu() {
	ro_fs_fails "$@" && ro_fs_fails "/usr/bin/$1" "${@:2}"
}

# big_sparse - $big: a sparse file of 4 GiB + 4 KiB and one byte "x" (its
# size, 0x100001001, needs 33 bits). On tmpfs (/dev/shm, named as $T; the
# teardown removes it) when there is one: reading a hole there copies the
# zero page, where ext4 would first fill the page cache with 4 GiB of zeros.
big_sparse() {
	big=/dev/shm/${T##*/}
	{ : > "$big"; } 2>/dev/null || big=$T/sparse
	truncate -s 4294971392 "$big"
	printf x >> "$big"
}

# shm_sparse SIZE - $sparse: a sparse file of SIZE bytes (a hole), on tmpfs
# as big_sparse's (the same name: one of the two a test): a pipe or a read
# of 4.5 GiB of its hole takes about a second there, where on ext4 the
# page cache is first filled with zeros (cat's splice: 35 s)
shm_sparse() {
	sparse=/dev/shm/${T##*/}
	{ : > "$sparse"; } 2>/dev/null || sparse=$T/sparse
	truncate -s "$1" "$sparse"
}

# hash_check_rss UTIL - UTIL -c of a one-line, a ten-line and a --tag list
# (made by GNU's UTIL), of two lists and of a list on stdin each peak at 16
# KiB; the ten-line check says OK for every line
hash_check_rss() {
	local i
	for i in 1 2 3 4 5 6 7 8 9 10; do echo "line $i" > f$i; done
	"/usr/bin/$1" f1 > one.list
	"/usr/bin/$1" f1 f2 f3 f4 f5 f6 f7 f8 f9 f10 > ten.list
	"/usr/bin/$1" --tag f1 f2 f3 f4 f5 f6 f7 f8 f9 f10 > tag.list
	rss_at_most 16 "$1" -c one.list
	rss_at_most 16 "$1" -c ten.list
	rss_at_most 16 "$1" -c tag.list
	rss_at_most 16 "$1" -c --quiet ten.list one.list
	rss_at_most 16 "$1" -c - < ten.list
	run "$(bin "$1")" -c ten.list
	[ "$status" -eq 0 ] && [ "${#lines[@]}" -eq 10 ] && [ "${lines[9]}" = "f10: OK" ]
}

# hash_edges_like_gnu UTIL - our UTIL gives GNU's sums for a big file and
# then the padding edges (hash_edges) in one run
hash_edges_like_gnu() {
	hash_edges
	head -c 70000 /dev/urandom > big
	"$(bin "$1")" big e* > ours
	"/usr/bin/$1" big e* > expected
	cmp expected ours
}

# wide_rv_like_gnu UTIL SPEC - UTIL -Rv SPEC over wide directories with
# subdirectories among their entries (a walk that reads one getdents
# buffer again from an entry's d_off after each subdirectory) prints GNU's
# 454 lines; the tree is given back to root:root before GNU's run (chown,
# chgrp: root only)
wide_rv_like_gnu() {
	[ "$(id -u)" -eq 0 ] || skip "not root"
	local n=$(printf 'x%.0s' {1..60}) i
	mkdir w && touch w/${n}{1..150}
	for i in 7 70 140; do mkdir w/d$i && touch w/d$i/${n}{1..100}; done
	"$(bin "$1")" -Rv "$2" w > ours
	/usr/bin/chown -R 0:0 w
	"/usr/bin/$1" -Rv "$2" w > gnu
	cmp ours gnu
	[ "$(wc -l < ours)" -eq 454 ]
}

# hundred_operands_like_gnu KIND UTIL ARGS...: UTIL ARGS with 100 operands
# and a bad one (missing/x) after the 60th, run as ours in ./ours and as
# GNU's in ./gnu, stdin ./in; the status, stdout (a path's /ours/ or /gnu/
# read as one), stderr and the trees left must be GNU's. KIND: files (f1..
# f100 made first), dirs (d1..d100 made first) or new (p1..p100, made by
# the utility). i386 switches to the vDSO after 32 system calls: this
# takes it through that switch with GNU's results.
hundred_operands_like_gnu() {
	local kind=$1 util=$2 i st=0 gst=0 names=() p=f
	shift 2
	mkdir ours gnu
	printf 'in\n' > in
	case $kind in dirs) p=d ;; new) p=p ;; esac
	untraced _hundred_names
	(cd ours && "$(bin "$util")" "$@" "${names[@]}" < ../in > ../out 2> ../err) || st=$?
	(cd gnu && "/usr/bin/$util" "$@" "${names[@]}" < ../in > ../gout 2> ../gerr) || gst=$?
	[ "$st" -eq "$gst" ]
	cmp out gout || diff <(sed 's|/ours/|/D/|' out) <(sed 's|/gnu/|/D/|' gout)
	[ "$(cat err)" = "$(sed "s|^/usr/bin/$util|$(bin "$util")|" gerr)" ]
	diff <(cd ours && find . -printf '%p %M %s\n' | sort) <(cd gnu && find . -printf '%p %M %s\n' | sort)
}

# _hundred_names - hundred_operands_like_gnu's operands and files (a
# builtin loop, untraced: no process and no trace a file)
_hundred_names() {
	for ((i = 1; i <= 100; i++)); do
		names+=("$p$i")
		[ "$i" -ne 60 ] || names+=(missing/x)
		case $kind in
		files)
			printf 'file %d\n\tline  two\nno newline' "$i" > "ours/f$i"
			printf 'file %d\n\tline  two\nno newline' "$i" > "gnu/f$i" ;;
		esac
	done
	if [ "$kind" = dirs ]; then mkdir ours/d{1..100} gnu/d{1..100}; fi
}

# merged_like_gnu UTIL ARG... - ours and GNU's UTIL with stdout and stderr
# in ONE pipe (2>&1 | cat, as a log or cron mail gets them) give the same
# bytes and status, each program's path replaced by its name: the output
# before a message is written before it (glibc's error() flushes stdout).
# Standard input is the caller's (read it from a file for both runs).
merged_like_gnu() {
	local u=$1 ours gnu; shift
	ours=$("$(bin "$u")" "$@" 2>&1 | cat; echo "status ${PIPESTATUS[0]}")
	gnu=$("/usr/bin/$u" "$@" 2>&1 | cat; echo "status ${PIPESTATUS[0]}")
	ours=${ours//"$(bin "$u")"/$u}
	gnu=${gnu//"/usr/bin/$u"/$u}
	[ "$ours" = "$gnu" ] || { diff <(echo "$gnu") <(echo "$ours"); return 1; }
}

# hash_like_gnu UTIL: the hash tools' (md5sum, sha1sum, sha256sum) runs
# that i386 makes through the vDSO (100 operands and a bad one, then -c of
# their list with one file changed), and their merged 2>&1 streams, as GNU.
hash_like_gnu() {
	local u=$1 i st=0 gst=0 names=()
	untraced _hash_names
	"$(bin "$u")" "${names[@]}" > out 2> err || st=$?
	"/usr/bin/$u" "${names[@]}" > gout 2> gerr || gst=$?
	[ "$st" -eq "$gst" ]
	cmp out gout
	[ "$(cat err)" = "$(sed "s|^/usr/bin/$u|$(bin "$u")|" gerr)" ]
	echo changed > f7
	st=0 gst=0
	"$(bin "$u")" -c gout > out 2> err || st=$?
	"/usr/bin/$u" -c gout > gout2 2> gerr || gst=$?
	[ "$st" -eq "$gst" ] && [ "$st" -eq 1 ]
	cmp out gout2
	[ "$(cat err)" = "$(sed "s|^/usr/bin/$u|$(bin "$u")|" gerr)" ]
	printf 'a\tb\n' > g1
	"/usr/bin/$u" g1 > ok.sum
	{ cat ok.sum; echo 'bad line'; sed 's/^[0-9a-f]/0/' ok.sum; echo "$(cut -d' ' -f1 ok.sum)  nope"; } > mix.sum
	merged_like_gnu "$u" g1 nope g1
	merged_like_gnu "$u" -c mix.sum
	merged_like_gnu "$u" -c --warn ok.sum nope mix.sum
}

_hash_names() {
	for ((i = 1; i <= 100; i++)); do
		names+=("f$i")
		[ "$i" -ne 60 ] || names+=(missing/x)
		printf 'file %d\nno newline' "$i" > "f$i"
	done
}

# owner_lines_like_gnu UTIL SPEC...: chown's or chgrp's -Rv and -Rc lines
# for each SPEC over a small tree whose files have old owners of several
# names and of bare numbers, as GNU's (the tree's owners set anew before
# each run).
owner_lines_like_gnu() {
	local u=$1 spec opt
	shift
	mkdir -p d/e/f && touch d/{a,b,c} d/e/{g,h} d/e/f/i
	for spec in "$@"; do
		for opt in -Rv -Rc; do
			_old_owners
			"$(bin "$u")" $opt "$spec" d > out
			_old_owners
			"/usr/bin/$u" $opt "$spec" d > expected
			cmp expected out
		done
	done
}
_old_owners() {
	chown -R 0:0 d && chown 1:2 d/a && chown 65534:65534 d/b && chown 4242:4343 d/e/g && chown bin:sys d/e/f
}

# big_zone FILE N FOOTER - a TZif version 2 file of N years of two changes
# (EST/EDT from the year 1000 on, in March and October), FOOTER its POSIX
# string: 9 bytes a change in the 64-bit part, 5 in the 32-bit one
big_zone() {
	python3 - "$@" <<'EOF'
import struct, sys
path, years, footer = sys.argv[1], int(sys.argv[2]), sys.argv[3].encode()
trans, idx = [], []
for y in range(1000, 1000 + years):
    d = (y - 1970) * 365 + (y - 1) // 4 - 492 - ((y - 1) // 100 - 19) + ((y - 1) // 400 - 4)
    trans += [d * 86400 + 74 * 86400 + 7 * 3600, d * 86400 + 288 * 86400 + 6 * 3600]
    idx += [1, 0]
types = [(-18000, 0, 0), (-14400, 1, 4)]
def block(size):
    head = b'TZif2' + bytes(15) + struct.pack('>6l', 2, 2, 0, len(trans), 2, 8)
    t = [x if size == 8 else max(min(x, 2**31 - 1), -2**31) for x in trans]
    return head + struct.pack('>%d%s' % (len(t), 'q' if size == 8 else 'l'), *t) + bytes(idx) \
        + b''.join(struct.pack('>lBB', *x) for x in types) + b'EST\0EDT\0' + bytes(4)
open(path, 'wb').write(block(4) + block(8) + b'\n' + footer + b'\n')
EOF
}

# xdump TOP... - each path under each TOP (itself too; not followed): its
# name, mode, size and extended attributes with their values, sorted
xdump() {
	python3 - "$@" <<'PY'
import os, sys
def show(p, rel):
    st = os.lstat(p)
    try:
        names = sorted(os.listxattr(p, follow_symlinks=False))
        xs = [n + '=' + os.getxattr(p, n, follow_symlinks=False).hex() for n in names]
    except OSError as e:
        xs = ['!' + e.strerror]
    print(rel, oct(st.st_mode), st.st_size if not os.path.isdir(p) else '-', ' '.join(xs))
for top in sys.argv[1:]:
    show(top, top)
    for root, dirs, files in os.walk(top):
        dirs.sort()
        for n in sorted(dirs + files):
            p = os.path.join(root, n)
            show(p, top + ':' + os.path.relpath(p, top))
PY
}

# xattr_like_gnu UTIL SETUP ARGS... - for each ARGS (a word, split at its
# spaces): SETUP DIR... makes the inputs in ours/N and in gnus/N (given to
# nobody first when XL_CHOWN is set and `as` is, as as_nobody sets it), then
# `UTIL ARGS` runs there (ours: $SUBK_BIN/UTIL, then GNU's /usr/bin/UTIL,
# `as` before them): each run's status, stdout and stderr (the program's
# path as UTIL) and every path's xdump (ours/ and gnus/, and with
# XL_OTHER_FS each N/s/: mv's other file system) must be GNU's
xattr_like_gnu() {
	local u=$1 setup=$2 n=$(($# - 2)) i a st dirs=() tops=()
	shift 2
	rm -rf ours gnus res && mkdir ours gnus res || return 1
	for ((i = 1; i <= n; i++)); do mkdir ours/$i gnus/$i; dirs+=(ours/$i gnus/$i); done
	[ -z "$XL_CHOWN" ] || [ ${#as[@]} -eq 0 ] || chown -R 65534:65534 ours gnus
	"$setup" "${dirs[@]}" || return 1
	i=0
	for a in "$@"; do
		i=$((i + 1))
		st=0; (cd ours/$i && "${as[@]}" "$SUBK_BIN/$u" $a) > res/o$i.out 2> res/o$i.err || st=$?
		echo "$u $a: $st" >> res/o.st
		st=0; (cd gnus/$i && "${as[@]}" /usr/bin/$u $a) > res/g$i.out 2> res/g$i.err || st=$?
		echo "$u $a: $st" >> res/g.st
	done
	sed -i "s|^[^ :]*/$u:|$u:|" res/*.err
	diff res/g.st res/o.st || return 1
	for ((i = 1; i <= n; i++)); do
		cmp res/g$i.out res/o$i.out && diff res/g$i.err res/o$i.err || { echo "$u ${!i}"; return 1; }
		[ -z "$XL_OTHER_FS" ] || tops+=(ours/$i/s/ gnus/$i/s/)
	done
	xdump ours gnus "${tops[@]}" > res/dump
	diff <(sed -n 's/^gnus/X/p' res/dump) <(sed -n 's/^ours/X/p' res/dump)
}

# xattr_tree KIND DIR... - cp's or mv's inputs (KIND cp or mv) in each DIR:
# f (user.x, trusted.t, a 3000-byte user.big, names xattr.conf skips and
# names that only look like them), d (user.q) holding d/g (user.y), l -> f
# (trusted.l), a a file with an ACL (system.posix_acl_access), ad a
# directory with an access and a default ACL holding ad/h, ro a file of
# mode 0444 (user.r); cp's also p a FIFO (trusted.p), e an existing file
# (user.e), rd a directory of mode 0555 (user.s) holding rd/x, s an empty
# directory; mv's set only user.* when not root
xattr_tree() {
	python3 - "$@" <<'PY'
import os, sys, struct
kind, tops = sys.argv[1], sys.argv[2:]
start = os.getcwd()
root = os.geteuid() == 0
def setx(p, n, v):
    if kind == 'cp' or root or n.startswith('user.'):
        os.setxattr(p, n, v.encode(), follow_symlinks=False)
U = 0xffffffff
def acl(es): return struct.pack('<I', 2) + b''.join(struct.pack('<HHI', t, p, i) for t, p, i in es)
if kind == 'cp':
    names = ('user.Beagle.x', 'user.Beagle', 'trusted.SGI_ACL_FILE', 'trusted.SGI_ACL_FILEx',
             'trusted.SGI_DMI_q', 'security.evm', 'security.foo', 'user.afs.x')
else:
    names = ('user.Beagle.x', 'trusted.SGI_DMI_q', 'security.evm', 'security.foo')
for top in tops:
    os.chdir(top)
    with open('f', 'w') as f: f.write('data\n')
    setx('f', 'user.x', '1'); setx('f', 'trusted.t', '2'); setx('f', 'user.big', 'v' * 3000)
    for n in names:
        setx('f', n, 'v')
    os.mkdir('d'); setx('d', 'user.q', 'dir')
    with open('d/g', 'w') as f: f.write('g\n')
    setx('d/g', 'user.y', 'why')
    os.symlink('f', 'l'); setx('l', 'trusted.l', 'link')
    if kind == 'cp':
        os.mkfifo('p'); setx('p', 'trusted.p', 'fifo')
    with open('a', 'w') as f: f.write('acl\n')
    os.setxattr('a', 'system.posix_acl_access', acl([(1, 6, U), (2, 4, 65534), (4, 4, U), (16, 6, U), (32, 4, U)]))
    os.mkdir('ad')
    for n in ('system.posix_acl_access', 'system.posix_acl_default'):
        os.setxattr('ad', n, acl([(1, 7, U), (2, 5, 65534), (4, 5, U), (16, 7, U), (32, 5, U)]))
    with open('ad/h', 'w') as f: f.write('h\n')
    with open('ro', 'w') as f: f.write('ro\n')
    setx('ro', 'user.r', 'r'); os.chmod('ro', 0o444)
    if kind == 'cp':
        with open('e', 'w') as f: f.write('old\n')
        setx('e', 'user.e', 'old')
        os.mkdir('rd'); setx('rd', 'user.s', 's')
        with open('rd/x', 'w') as f: f.write('x\n')
        os.chmod('rd', 0o555)
        os.mkdir('s')
    os.chdir(start)
PY
}

# mem_gib N - skip unless N GiB of memory are available (MemAvailable)
mem_gib() {
	local kb
	kb=$(awk '/^MemAvailable:/ { print $2 }' /proc/meminfo)
	[ "${kb:-0}" -ge $(($1 * 1048576)) ] || skip "needs $1 GiB of free memory"
}

# deep_ff_links - ff, 23 directories of 200 bytes down (its canonical name
# over PATH_MAX), named through two links: a (12 levels) and b (a and 11
# more), so b/ff is short (ln -r's relpath fails on it)
deep_ff_links() {
	local d p i
	d=$(printf 'L%.0s' $(seq 200))
	(for i in $(seq 23); do mkdir "$d" && cd "$d" || exit 1; done; touch ff)
	p=$d; for i in $(seq 11); do p=$p/$d; done
	ln -s "$p" a
	p=a; for i in $(seq 11); do p=$p/$d; done
	ln -s "$p" b
}

# on_tty MODE UTIL ARG... - UTIL with stdin a pipe fed the chunks of $feed
# ('|' between them, printf escapes) one by one, the pipe held open, and
# stdout a terminal (MODE tty: a raw pty) or a pipe (MODE pipe). tty: the
# output must reach each chunk's part of $want ('|' between them, then
# the part the end adds) while the input is still open, for ours and for
# GNU's (its stdio line-buffers a terminal). pipe: nothing may show before
# the input ends (the writes stay those of a full buffer), then all of $want.
on_tty() {
	local prog
	for prog in "$(bin "$2")" "/usr/bin/$2"; do
		timeout 60 python3 - "$1" "$feed" "$want" "$prog" "${@:3}" <<'PY' || return 1
import os, pty, sys, time, select, subprocess, tty
mode, feed, want = sys.argv[1:4]
esc = lambda s: [bytes(c, 'latin1').decode('unicode_escape').encode('latin1') for c in s.split('|')]
feed, want = esc(feed), esc(want)
m, s = pty.openpty() if mode == 'tty' else os.pipe()
if mode == 'tty':
    tty.setraw(s)
r, w = os.pipe()
p = subprocess.Popen(sys.argv[4:], stdin=r, stdout=s)
os.close(s); os.close(r)
got = b''
def until(ok, secs):
    global got
    end = time.time() + secs
    while not ok() and time.time() < end:
        if select.select([m], [], [], 0.05)[0]:
            try: d = os.read(m, 65536)
            except OSError: d = b''
            if not d: break
            got += d
def fail(msg):
    p.kill()
    sys.exit(f"{sys.argv[4:]}: {msg}")
exp = b''
for c, x in zip(feed, want):
    os.write(w, c)
    exp += x
    if mode == 'tty':
        until(lambda: got == exp, 10)
        if got != exp:
            fail(f"{got!r} shown, {exp!r} expected, input open")
if mode == 'pipe':
    until(lambda: False, 0.3)
    if got:
        fail(f"{got!r} written into a pipe before the input ended")
exp = b''.join(want)
os.close(w)
until(lambda: False, 10)
p.wait(10)
if got != exp:
    fail(f"{got!r} in all, {exp!r} expected")
PY
	done
}

# pty_early [--hangup] UTIL ARG... - tests/pty_early.py on ours and GNU's
# UTIL ARG...: stdin a pipe fed one line and held open, stdout a pty, then
# a pipe (--hangup: the pty goes away after a line), each the same way
pty_early() {
	local h=
	[ "$1" != --hangup ] || { h=$1; shift; }
	python3 "$BATS_TEST_DIRNAME/pty_early.py" $h "$(bin "$1")" "/usr/bin/$1" "${@:2}"
}

# early MODE PROG ARG... - PROG ARG... with stdout a pty (MODE tty) or a
# pipe (pipe), stdin a pipe fed "a b" and a newline and then held open;
# prints "early" when something was written while the input is still open
# (waiting up to 5 s on a pty, 0.5 s on a pipe), else "late", then all
# that was written (the pty's \r\n as \n). An operand p is a FIFO that is
# opened for writing (and closed) only after that wait: its open waits.
early() {
	[ -e early.py ] || cat > early.py <<'PY'
import os, pty, sys, time, select, subprocess
mode, argv = sys.argv[1], sys.argv[2:]
m, s = pty.openpty() if mode == 'tty' else os.pipe()
r, w = os.pipe()
p = subprocess.Popen(argv, stdin=r, stdout=s, stderr=subprocess.DEVNULL)
os.close(s); os.close(r)
os.write(w, b'a b\n')
got, end = b'', time.time() + (5 if mode == 'tty' else 0.5)
while time.time() < end and not (got and mode == 'tty'):
    if select.select([m], [], [], 0.05)[0]:
        got += os.read(m, 65536)
print('early' if got else 'late')
os.close(w)
end = time.time() + 10
while 'p' in argv and time.time() < end:   # once p's open waits for us
    try: os.close(os.open('p', os.O_WRONLY | os.O_NONBLOCK)); break
    except OSError: time.sleep(0.01)
while time.time() < end:
    if not select.select([m], [], [], 0.1)[0]: continue
    try: b = os.read(m, 65536)
    except OSError: break
    if not b: break
    got += b
p.kill(); p.wait()
sys.stdout.write(got.decode().replace('\r\n', '\n'))
PY
	python3 early.py "$@"
}

# early_like_gnu MODE UTIL ARG... - early's answer for ours and for GNU's:
# both "early" (MODE tty) or both "late" (pipe), the same bytes written
early_like_gnu() {
	local want=early ours gnu
	[ "$1" = tty ] || want=late
	ours=$(early "$1" "$(bin "$2")" "${@:3}")
	gnu=$(early "$1" "/usr/bin/$2" "${@:3}")
	[ "${gnu%%$'\n'*}" = "$want" ] || { echo "GNU $2 ${*:3} ($1): $gnu"; return 1; }
	[ "$ours" = "$gnu" ] || { echo "$2 ${*:3} ($1): '$ours', GNU '$gnu'"; return 1; }
}
