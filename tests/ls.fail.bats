#!/usr/bin/env bats
# ls (and stat %N) where a read fails after the open or the lstat worked:
# getdents64 ("reading directory", after the "DIR:" header, as GNU's
# print_dir; status 2 for an operand, 1 below it with -R) and readlink
# ("cannot read symbolic link", at gobble time: before the listing, in
# the directory's order; -l's line without " -> "). Nothing here makes
# them fail, so these run in a FUSE file system of tests/namemaxfs.py with
# "fail" (a passthrough over /dev/fuse that fails them for given names),
# in a private mount namespace, and compare ours with GNU's, stderr into
# stdout (2>&1: the order counts), and the statuses.
load helpers

@test "failed getdents64 and readlink (FUSE): messages, their order and statuses as GNU's" {
	command -v unshare > /dev/null || skip "unshare missing"
	[ "$(id -u)" -eq 0 ] || skip "not root"
	[ -c /dev/fuse ] || skip "no /dev/fuse"
	mkdir -p b/d b/bad b/half b/top/sub m
	touch b/d/a b/d/z b/top/f b/half/a b/half/b
	ln -s a b/d/ok
	ln -s a b/d/nolink
	ln -s ../z b/d/nolink2
	ln -s d/a b/nolink0
	ln -s ../bad b/top/sub/bad
	mkdir b/top/sub/badd b/top/bad2 b/half2
	touch b/half2/a
	ln -s a b/half2/nolinkx
	cat > cmp.sh <<'SH'
M=$1; OURS=$2; n=0; bad=0
i=0; until [ "$(stat -f -c %T "$M" 2> /dev/null)" = fuseblk ]; do
	i=$((i + 1)); [ $i -lt 100 ] || { echo "no FUSE mount"; exit 77; }; sleep 0.05
done
cd "$M" || exit 1
while IFS= read -r line; do
	eval "set -- $line"
	p=$1; shift
	o=$("$OURS/$p" "$@" 2>&1; echo "status $?"); o=${o//"$OURS/$p:"/$p:}
	g=$("/usr/bin/$p" "$@" 2>&1; echo "status $?"); g=${g//"/usr/bin/$p:"/$p:}
	n=$((n + 1))
	[ "$o" = "$g" ] || { bad=$((bad + 1)); echo "differ: $line"; diff <(echo "$g") <(echo "$o") | head -12; }
done <<'CASES'
ls bad
ls bad d
ls d bad top
ls half
ls -l half d
ls -R top
ls -R .
ls -lR top
ls -1U bad half
ls half2
ls -l half2 d
ls -1U --color=always half2
ls -lU half2
ls -R half2 top
ls -l d
ls -l d/nolink d/ok d/nolink2 nolink0
ls -lF d
ls -li d .
ls -l --group-directories-first d
ls --group-directories-first d nolink0
ls -1U --group-directories-first d
ls -dF --color=always d/nolink nolink0 d/ok
ls -s --color=always d
stat -c %N d/nolink d/ok
stat d/nolink
stat -c '[%-9N]' d/nolink2
CASES
echo "$n compared, $bad differ"
[ $bad -eq 0 ]
SH
	run timeout 120 unshare -m sh -c 'mount --make-rprivate / &&
		{ python3 "$1/namemaxfs.py" b m 255 fail & } &&
		LS_COLORS=or=31:ln=36 bash cmp.sh "$PWD/m" "$SUBK_BIN"; s=$?; umount m; wait; exit $s' sh "$BATS_TEST_DIRNAME"
	echo "$output" | tail -40
	[ "$status" -ne 77 ] || skip "no FUSE file system could be mounted"
	[ "$status" -eq 0 ]
}

# PID 1's cwd, exe and root links as nobody (procfs asks ptrace access
# for their readlink; lstat does not): the same, outside FUSE

@test "ls -l: the operands' messages first (in their order), then the lines" {
	pid1_like_gnu ls -l /proc/1/root /proc/1/cwd /proc/1/exe
}

@test "ls -l DIR: the entries' messages (in readdir order) before the listing, status 1" {
	pid1_like_gnu ls -l /proc/1
	pid1_like_gnu ls -l /proc/1 /proc/1/cwd
}

@test "ls: check_symlink_mode (--group-directories-first, or colored) reads every symlink" {
	pid1_like_gnu ls --group-directories-first /proc/1
	LS_COLORS=or=31 pid1_like_gnu ls -1U --color=always /proc/1
}

# An operand of 64 KiB or more (never a name the kernel takes) wrapped its
# record's 16-bit size: after GNU's message the listing printed 64 KiB of
# its bytes as names (status 2 all the same). Its record is cut now.
@test "ls: an operand of 100000 bytes, GNU's message alone; the other operands listed" {
	local n=$(head -c 100000 /dev/zero | tr '\0' a) s1=0 s2=0
	echo x > f
	"$(bin ls)" -l f "$n" f > out 2> err || s1=$?
	/usr/bin/ls -l f "$n" f > expected 2> gerr || s2=$?
	[ "$s1" -eq 2 ]
	[ "$s2" -eq 2 ]
	cmp expected out
	[ "$(sed "s|^$(bin ls):|ls:|" err)" = "$(sed "s|^/usr/bin/ls:|ls:|" gerr)" ]
	"$(bin ls)" "$n" > out 2> /dev/null || true
	[ ! -s out ]
	# on a terminal its quoting still pads the other names (GNU's
	# gobble_file counts the failed operands too)
	command -v script > /dev/null || skip "script missing"
	local q
	for q in "$n b" "$n"; do
		q=$(printf '%q ' "$q" f)
		SHELL=/bin/bash COLUMNS=40 script -qc "$(bin ls) -x $q" /dev/null 2>&1 | tail -n 1 > out
		SHELL=/bin/bash COLUMNS=40 script -qc "/usr/bin/ls -x $q" /dev/null 2>&1 | tail -n 1 > expected
		cmp expected out
	done
}
