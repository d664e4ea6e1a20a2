#!/bin/sh
# check.sh ARCH... - every test of subk on each arch: sizecheck on all of
# them, then difftest (tests/cases/*.cases against GNU) and the bats suites
# (tests/*.bats) per arch, the arches side by side, with randtest (the
# checksum and base64 tools on random inputs, all arches), bench and report
# (quick modes) run beside them. Prints each runner's output and ends with
# the total line "N passed, N failed". Exit 1 if anything failed.
cd "$(dirname "$0")/.." || exit 2
passed=0 failed=0
out=$(mktemp)
trap 'rm -f "$out" "$out".*' EXIT

if build/harness/sizecheck size-budget.txt $(for a in "$@"; do printf '%s build/%s ' "$a" "$a"; done); then
	passed=$((passed + 1))
else
	failed=$((failed + 1))
fi

# the arches run side by side, and within each arch the bats files run
# JOBS at a time (SUBK_JOBS, default 3): many tests mostly wait (tail -f
# and its GNU twin sleeping between writes, pipes, sparse reads), so the
# two cores stay busy only with several files in flight. The slowest
# files start first so the pool ends together. Each file writes its own
# output, and every test has its own temp dir, so nothing is shared.
# Each arch runs as an asynchronous list, so its commands start with
# SIGINT and SIGQUIT ignored and stdin from /dev/null (POSIX): a test
# that needs either sets it up itself (tee.bats's SIGINT test does).
JOBS=${SUBK_JOBS:-3}
slow="tail wc cp sort unexpand build fold uniq nl cat cut comm head tee ls realpath dd mv readlink tr truncate env tac rm seq stat"
bats_files=$(for f in $slow; do echo "tests/$f.bats"; done
	for f in tests/*.bats; do
		case " $slow " in *" $(basename "$f" .bats) "*) ;; *) echo "$f" ;; esac
	done)
arch_run() {
	build/harness/difftest "build/$1" tests/cases/*.cases >"$out.difftest.$1" 2>&1 &
	dpid=$!
	printf '%s\n' $bats_files | xargs -P "$JOBS" -I{} sh -c \
		'SUBK_BIN=build/$1 bats --tap "$2" >"$3.bats.$1.$(basename "$2")" 2>&1' sh "$1" {} "$out"
	wait $dpid
}
# randtest, bench and report (quick modes) run beside the bats pools, one
# after the other: their CPU fills what the pools leave (they waited for
# the pools before, a minute and a half of the total). bench's numbers are
# not checked in quick mode, so sharing the cores changes no result.
extras() {
	build/harness/randtest $(for a in "$@"; do printf 'build/%s ' "$a"; done) >"$out.randtest" 2>&1
	build/harness/bench -q "build/$1" >"$out.bench" 2>&1; echo $? >"$out.bench.rc"
	case " $* " in
	*" x86_64 "*) build/harness/report -q build build/check-report >"$out.report" 2>&1
		echo $? >"$out.report.rc" ;;
	esac
}
# the machine's standard files, compared after the run: a test that
# renames or unlinks /dev/stdout or /dev/null as root (outside its temp
# dir and difftest's read-only namespace) fails the suite
devs_before=$(LC_ALL=C /usr/bin/stat -c '%N %F %a %t:%T' /dev/null /dev/stdout /dev/stdin /dev/stderr 2>&1)
extras "$@" &
pids=$!
for a in "$@"; do
	arch_run "$a" &
	pids="$pids $!"
done
wait $pids

for a in "$@"; do
	echo "== difftest $a"
	cat "$out.difftest.$a"
	line=$(grep -E '^[0-9]+ passed, [0-9]+ failed' "$out.difftest.$a" | tail -n 1)
	if [ -n "$line" ]; then
		p=${line%% passed*}; f=${line#*passed, }; f=${f%% failed*}
		passed=$((passed + p)); failed=$((failed + f))
	else
		echo "difftest $a: no summary line"; failed=$((failed + 1))
	fi

	for b in $bats_files; do
		r=$out.bats.$a.$(basename "$b")
		echo "== bats $a $b"
		cat "$r"
		p=$(grep -c '^ok ' "$r"); f=$(grep -c '^not ok ' "$r")
		if ! grep -q '^1\.\.' "$r"; then
			echo "bats $a $b: did not run"; f=$((f + 1))
		fi
		passed=$((passed + p)); failed=$((failed + f))
	done
done

echo "== randtest (checksums and base64 against GNU on 1,000 seeded random inputs)"
cat "$out.randtest"
line=$(grep -E '^[0-9]+ passed, [0-9]+ failed' "$out.randtest" | tail -n 1)
if [ -n "$line" ]; then
	p=${line%% passed*}; f=${line#*passed, }; f=${f%% failed*}
	passed=$((passed + p)); failed=$((failed + f))
else
	echo "randtest: no summary line"; failed=$((failed + 1))
fi

echo "== bench (quick mode: only proves it still runs)"
rc=$(cat "$out.bench.rc")
cat "$out.bench"
if [ "$rc" -eq 0 ] && grep -q '^summary: ' "$out.bench"; then passed=$((passed + 1)); else failed=$((failed + 1)); fi

echo "== report (quick mode: only proves it still runs)"
case " $* " in
*" x86_64 "*) ;;
*) echo "report: skipped (it runs the x86_64 binaries; not built)" ;;
esac
if ! case " $* " in *" x86_64 "*) true ;; *) false ;; esac; then
	:
elif [ "$(cat "$out.report.rc")" -eq 0 ] &&
	grep -q '^| true |' build/check-report/report.md &&
	grep -q '</svg>' build/check-report/report.svg; then
	passed=$((passed + 1))
else
	cat "$out.report"; echo "report: failed"; failed=$((failed + 1))
fi

echo "== the machine's standard files"
devs_after=$(LC_ALL=C /usr/bin/stat -c '%N %F %a %t:%T' /dev/null /dev/stdout /dev/stdin /dev/stderr 2>&1)
if [ "$devs_after" = "$devs_before" ]; then
	passed=$((passed + 1))
else
	printf 'changed by the run:\nbefore:\n%s\nafter:\n%s\n' "$devs_before" "$devs_after"
	failed=$((failed + 1))
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
