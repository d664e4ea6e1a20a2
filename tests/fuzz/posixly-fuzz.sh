#!/bin/bash
# posixly-fuzz.sh BINDIR SEED COUNT [UTILITY...] - posixly_fuzz.py (see
# it) as root in a private mount namespace: every mount read-only but a
# tmpfs for its cases, so a bug in rm -r or mv cannot reach the machine.
set -eu
[ "$(id -u)" = 0 ] || { echo "posixly-fuzz.sh: needs root" >&2; exit 1; }
here=$(cd "$(dirname "$0")" && pwd)
bin=$(cd "$1" && pwd); shift
FZ=$(mktemp -d /tmp/posixly-fuzz.XXXXXX)
trap '/usr/bin/rm -rf --one-file-system -- "$FZ"' EXIT
mkdir "$FZ/run"
unshare -m bash -c '
	mount --make-rprivate / || exit 1
	for m in $(awk "{print \$5}" /proc/self/mountinfo); do
		mount -o remount,bind,ro "$m" 2>/dev/null || true
	done
	mount -t tmpfs -o size=64m none "$0/run" || exit 1
	for m in /tmp /work /dev/shm "$0"; do
		if [ -w "$m" ]; then echo "posixly-fuzz.sh: $m is writable here" >&2; exit 1; fi
	done
	FUZZ_WORK="$0/run" exec python3 "$1/posixly_fuzz.py" "${@:2}"' "$FZ" "$here" "$bin" "$@"
