# helpers.bash - loaded by every bats file: `load helpers`.
#
# SUBK_BIN is the directory of the binaries under test (build/x86_64 or
# build/i386); tests/check.sh sets it, once per arch. Each test runs in its
# own temp dir ($T) and never touches anything outside it.

: "${SUBK_BIN:=build/x86_64}"
SUBK_BIN=$(cd "$BATS_TEST_DIRNAME/.." && cd "$SUBK_BIN" && pwd)
export SUBK_BIN
export LC_ALL=C TZ=UTC

setup() {
	T=$(mktemp -d "${BATS_TMPDIR:-/tmp}/subk-bats.XXXXXX")
	cd "$T" || return 1
}

teardown() {
	cd / && rm -rf "$T"
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
