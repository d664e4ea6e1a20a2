#!/bin/sh
# gnu-suite.sh - GNU coreutils 9.1's own test suite run on subk's binaries
# (`make gnu-suite`, ARCH=i386 for the 32-bit ones). Not part of `make
# check`: building coreutils alone takes minutes. It found real bugs that
# our own differential tests had missed (od -N's reads, ls in a removed
# directory, cp -au's hard links, dd's EINTR), so run it after changing a
# utility's behaviour.
#
# 1. GNU's source in build/gnu-suite/coreutils-9.1 (Debian's, with its
#    patches: what /usr/bin runs): `apt-get source coreutils`, with a
#    deb-src entry added for the call when the machine has none (as root).
# 2. configure and make, once.
# 3. subk's binaries copied over src/NAME (GNU's kept in gnu-orig/).
# 4. The tests of subk's utilities (tests/local.mk's list, by directory or
#    name) as root; then those that need a user without privileges or a
#    controlling terminal, as nobody, in a copy of the tree that nobody
#    owns, with a terminal of its own (script(1); setpriv, as su -c would
#    start a new session without one) and one job at a time (make gives
#    stdin to one job only).
# 5. Each result compared with tests/gnu-suite.expected (a test expected
#    not to pass, and why: a difference the README states). Prints the
#    unexpected failures and the expected ones that now pass; exit 1 when
#    a test fails unexpectedly.
# TESTS="tests/misc/od-N.sh ..." runs only those; RUN_EXPENSIVE_TESTS=yes
# (and RUN_VERY_EXPENSIVE_TESTS=yes) adds GNU's slower tests.
set -eu
ARCH=${ARCH:-x86_64}
top=$(pwd)
dir=$top/build/gnu-suite
src=$dir/coreutils-9.1
bin=$top/build/$ARCH
expected=$top/tests/gnu-suite.expected
log=$dir/results-$ARCH

fetch() {
	[ -f "$src/configure" ] && return 0
	mkdir -p "$dir"
	if ! (cd "$dir" && apt-get source -qq coreutils=9.1-1 > /dev/null 2>&1); then
		[ "$(id -u)" = 0 ] || {
			echo "gnu-suite: no coreutils source: run as root, or put coreutils 9.1's in $src" >&2
			exit 1
		}
		command -v dpkg-source > /dev/null || apt-get install -y -qq dpkg-dev > /dev/null
		list=/etc/apt/sources.list.d/subk-gnu-suite.sources
		sed 's/^Types: deb$/Types: deb-src/' /etc/apt/sources.list.d/debian.sources > "$list"
		apt-get update -qq
		(cd "$dir" && apt-get source -qq coreutils=9.1-1 > /dev/null) || { rm -f "$list"; exit 1; }
		rm -f "$list"
		apt-get update -qq
	fi
}

# deps: what GNU's tests need to run more of themselves (else they skip):
# libacl's and libattr's headers, for a GNU build that copies ACLs and
# xattrs as Debian's does (ldd /usr/bin/cp; its cp and mv tests skip
# without; Debian's has no libcap, so neither has this one);
# getfacl/setfacl, getfattr/setfattr; Perl's Expect (cat, cut, head...
# at a terminal's end of file); Python's pyinotify (du while a directory moves). Installed when
# root, as the Makefile does
deps() {
	need=
	[ -f /usr/include/acl/libacl.h ] || need="$need libacl1-dev"
	[ -f /usr/include/attr/libattr.h ] || need="$need libattr1-dev"
	command -v setfacl > /dev/null || need="$need acl"
	command -v setfattr > /dev/null || need="$need attr"
	perl -MExpect -e 1 2> /dev/null || need="$need libexpect-perl"
	/usr/bin/python3 -c 'import pyinotify' 2> /dev/null || need="$need python3-pyinotify"
	[ -n "$need" ] || return 0
	if [ "$(id -u)" = 0 ]; then
		apt-get install -y -qq $need > /dev/null 2>&1 || echo "gnu-suite: could not install$need (their tests skip)" >&2
	else
		echo "gnu-suite: without$need some tests skip (apt-get install$need)" >&2
	fi
}

build() {
	[ -x "$src/src/ls" ] && return 0
	(cd "$src" && FORCE_UNSAFE_CONFIGURE=1 ./configure --quiet --disable-nls > "$dir/configure.log" 2>&1 &&
		make -j2 > "$dir/make.log" 2>&1) || { echo "gnu-suite: the build failed: see $dir/*.log" >&2; exit 1; }
}

# swap: subk's binaries in place of GNU's (GNU's kept once in gnu-orig)
swap() {
	mkdir -p "$dir/gnu-orig"
	for f in "$bin"/*; do
		n=${f##*/}
		[ -f "$src/src/$n" ] || continue
		[ -f "$dir/gnu-orig/$n" ] || cp -p "$src/src/$n" "$dir/gnu-orig/$n"
		cp "$f" "$src/src/$n"
	done
	touch "$src"/man/*.1       # (else make rebuilds them from --help)
}

# adapt: two checks of GNU's test helpers (tests/init.cfg, in the built
# tree only) that subk's binaries cannot pass for reasons that are not
# the test's subject, so that the tests behind them run:
# - nonroot_has_perm_ asks whether nobody can run the tree's programs by
#   `rm --version`, which subk's rm does not have (README): GNU's rm kept
#   in gnu-orig answers it, from the same tree's path.
# - get_min_ulimit_v_ looks for the least `ulimit -v` under which a
#   program runs, from 1000 KiB up: subk's run under less, so it found
#   none and its tests skipped. It now goes down to 100 KiB.
# - require_strace_ checks that strace sees a program's calls with
#   `ls --help`, which subk's ls refuses (exit 2: a set-up failure, so
#   eight tests showed as ERROR): `ls -d .` instead.
# And a `python` for the test that runs `python -m pyinotify` (Debian has
# python3 alone), in a directory put first in PATH.
adapt() {
	cfg=$src/init.cfg
	[ -f "$cfg.gnu" ] || cp -p "$cfg" "$cfg.gnu"
	sed -e "s|^\( *\)rm --version |\1$dir/gnu-orig/rm --version |" \
	    -e 's|seq $(($prev_v-1000)) -1000 1000|seq $(($prev_v-100)) -100 100|' \
	    -e 's|strace -o log-help ls --help |strace -o log-help ls -d . |' "$cfg.gnu" > "$cfg"
	grep -q "gnu-orig/rm --version" "$cfg" && grep -q -- "-100 100" "$cfg" &&
		grep -q "log-help ls -d" "$cfg" ||
		{ echo "gnu-suite: init.cfg not as expected" >&2; exit 1; }
	mkdir -p "$dir/bin"
	ln -sf /usr/bin/python3 "$dir/bin/python"   # (Debian's, with pyinotify)
}

# the tests of subk's utilities: a test whose directory, or whose name's
# first word, is a utility of ours, GNU's tests of all utilities' common
# behaviour, and two named after what they test (--time-style, xattrs)
select_tests() {
	names=$(ls "$bin")
	grep -o 'tests/[a-z0-9_-]*/[A-Za-z0-9_.+-]*\.\(sh\|pl\|xpl\)' "$src/tests/local.mk" | sort -u |
	while read -r t; do
		d=${t#tests/}; d=${d%%/*}; d=${d%-2}; b=${t##*/}; b=${b%%.*}; w=${b%%-*}
		for n in $names; do
			case "$d $b $w" in
			"$n "*|*" $n "*|*" $n") echo "$t"; break ;;
			"misc close-stdout "*|"misc invalid-opt "*|"misc xstrtol "*) echo "$t"; break ;;
			"misc time-style "*|"misc xattr "*) echo "$t"; break ;;   # ls du stat, cp mv
			esac
		done
	done
}

# confine TREE CMD...: CMD in TREE; as root, in a private mount namespace
# where / is read-only but TREE (the tests run rm -r, mv and chmod -R of
# ours as root: a bug must not reach the machine) and /tmp (some tests
# make their directories there): a tmpfs of its own, or the machine's
# when TREE is in it
confine() {
	tree=$1; shift
	if [ "$(id -u)" = 0 ]; then
		case $tree in
		/tmp/*) tmp='mount --bind /tmp /tmp' ;;
		*) tmp='mount -t tmpfs -o mode=1777 subk-gnu-suite /tmp' ;;
		esac
		unshare -m sh -c 'mount --make-rprivate / && mount --bind "$0" "$0" && '"$tmp"' &&
			mount -o remount,bind,ro / && cd "$0" && exec "$@"' "$tree" "$@"
	else
		(cd "$tree" && "$@")
	fi
}

# run TREE TESTS...: make check in TREE (as nobody in its copy), with
# TMPDIR in TREE (/ is read-only). Root is given a second group
# (COREUTILS_GROUPS: root may chgrp to any group; GNU's chgrp tests skip
# with one)
run() {
	tree=$1; shift
	rm -rf "$tree/tmp-tests"
	mkdir "$tree/tmp-tests"
	if [ "$tree" = "$src" ]; then
		g=$(awk -F: '$3 != 0 { print $3; exit }' /etc/group)
		COREUTILS_GROUPS="0 $g" TMPDIR=$tree/tmp-tests \
		confine "$tree" make -k -j2 check SUBDIRS=. TESTS="$*" > "$log.root" 2>&1 || :
	else
		chown nobody "$tree/tmp-tests"
		confine "$tree" script -qec "chown nobody \$(tty) && setpriv --reuid=nobody --regid=$(id -g nobody) --clear-groups env HOME=/ USER=nobody LOGNAME=nobody TMPDIR='$tree/tmp-tests' make -k check SUBDIRS=. TESTS='$*'" /dev/null < /dev/null > "$log.nobody" 2>&1 || :
	fi
}

fetch
deps
build
swap
adapt
PATH=$dir/bin:$PATH
tests=${TESTS:-$(select_tests)}
run "$src" $tests
# the tests that need a user without privileges, as nobody
nonroot=$(for t in $tests; do
	grep -l "must be run as non-root\|requires controlling input terminal" "$src/${t%.*}.log" > /dev/null 2>&1 && echo "$t"
done || :)
[ "$(id -u)" = 0 ] || nonroot=
if [ -n "$nonroot" ]; then
	rm -rf "$dir/nobody"
	cp -a "$src" "$dir/nobody"
	chown -R nobody "$dir/nobody"
	run "$dir/nobody" $nonroot
fi

# Results: the last word of each test's .trs (:test-result: PASS, ...)
results=$dir/results-$ARCH.txt
: > "$results"
nr=" $(echo $nonroot) "       # (the tests run as nobody too, one line)
for t in $tests; do
	r=SKIP
	trees=$src
	case $nr in *" $t "*) trees="$src $dir/nobody" ;; esac
	for tree in $trees; do
		trs=$tree/${t%.*}.trs
		[ -f "$trs" ] || continue
		x=$(sed -n 's/^:test-result: //p' "$trs" | head -1)
		[ "$x" = SKIP ] || r=$x
	done
	echo "$t $r" >> "$results"
done
awk -v expf="$expected" '
BEGIN { while ((getline l < expf) > 0) { if (l ~ /^[#]/ || l == "") continue; split(l, w, " "); want[w[1]] = w[2] } }
{
	t = $1; r = $2; n[r]++
	if ((r == "FAIL" || r == "ERROR") && !(t in want)) { print "UNEXPECTED " r ": " t; bad++ }
	else if (r == "PASS" && (t in want)) print "now passes (take it out of tests/gnu-suite.expected): " t
}
END {
	printf "gnu-suite: %d PASS, %d FAIL, %d ERROR, %d SKIP; %d unexpected\n", n["PASS"], n["FAIL"], n["ERROR"], n["SKIP"], bad
	exit bad > 0
}' "$results"
