#!/bin/bash
# vgsweep.sh BINDIR [UTILITY...] - run the differential cases of each
# UTILITY (all of tests/cases by default) with BINDIR's binaries under
# valgrind's memcheck, and list the cases in which it saw an invalid read
# or write, a jump to a bad address or a bad system-call argument.
#
# Only addressability errors count (--undef-value-errors=no): memcheck takes
# the memory brk gives as undefined (the kernel gives it zeroed, which
# sort's keys, paste's records and others rely on), and the word-at-a-time
# and SSE2 scans read past the data's end within their buffer on purpose;
# both would be reported as uses of uninitialised values. Each case runs
# as nobody (not in difftest's private mount namespace: valgrind writes its
# temporary files to /tmp), so the cases that need root fail on their own;
# the other failures are the program's name in messages (valgrind's argv[0]
# is the real binary's path). Only "exit 99" (valgrind's error status) is
# reported. Slow: about a second a case. Run by hand, not by `make check`.
# Accesses up to 4 KiB below the stack pointer are not counted either
# (--ignore-range-below-sp): env keeps its new environment array there, the
# option walks compact argv in the slots they popped, i386's sleep rounds
# through memory there; none of them runs a signal handler that could land
# on those bytes. env is left out unless named: its PATH search builds each
# name to try further down (some 5 KiB below the stack pointer, past what
# memcheck can be told to ignore), which memcheck calls invalid writes and
# an unaddressable execve name.
set -eu
[ $# -ge 1 ] || { sed -n '2,25s/^# \{0,1\}//p' "$0"; exit 2; }
top=$(cd "$(dirname "$0")/.." && pwd)
bin=$(cd "$1" && pwd); shift
utils=${*:-$(cd "$top/tests/cases" && ls *.cases | sed 's/\.cases$//' | grep -vx env)}
w=$(mktemp -d /tmp/vgsweep.XXXXXX)
trap 'rm -rf "$w"' EXIT
mkdir "$w/real" "$w/bin"
for u in $utils; do
	[ -x "$bin/$u" ] || continue
	cp "$bin/$u" "$w/real/"
	printf '#!/bin/sh\nexec valgrind -q --undef-value-errors=no --ignore-range-below-sp=4096-1 --error-exitcode=99 --log-file=/dev/null %s "$@"\n' \
		"$w/real/$u" > "$w/bin/$u"
	chmod 755 "$w/bin/$u"
done
chmod -R a+rX "$w"
bad=0
for u in $utils; do
	[ -x "$w/bin/$u" ] || continue
	out=$(setpriv --reuid=nobody --regid=nogroup --clear-groups \
		"$top/build/harness/difftest" "$w/bin" "$top/tests/cases/$u.cases" 2>&1 || :)
	hits=$(printf '%s\n' "$out" | grep -B3 'ours exit 99' | grep '^FAIL' || :)
	if [ -n "$hits" ]; then
		printf '%s\n' "$hits"
		bad=$((bad + $(printf '%s\n' "$hits" | wc -l)))
	fi
	echo "# $u done"
done
echo "# $bad cases with memcheck errors"
[ "$bad" = 0 ]
