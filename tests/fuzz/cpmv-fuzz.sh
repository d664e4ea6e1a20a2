#!/bin/bash
# cpmv-fuzz.sh - a differential fuzz of subk's cp and mv against GNU's (see
# cpmv_fuzz.py beside it for what is generated and compared).
#
# Usage (as root): tests/fuzz/cpmv-fuzz.sh [-n] OURDIR SEED COUNT
#   OURDIR  the binaries (build/x86_64 or build/i386)
#   -n      run the commands as nobody
# e.g. tests/fuzz/cpmv-fuzz.sh build/x86_64 1000 500
#
# Safety: everything runs in a private mount namespace where / and
# /dev/shm are read-only; the trees live on two tmpfs mounted inside it
# (gone with it), in a temporary directory of its own under /tmp
# (removed at the end, without following symlinks). Random strings are
# only ever arguments, never commands; each run has a time-out and a
# 4 GB address-space limit. Prints the differences and "N runs, M differ".
set -eu
who=
if [ "${1:-}" = -n ]; then who=nobody; shift; fi
[ $# -eq 3 ] || { echo "usage: $0 [-n] OURDIR SEED COUNT" >&2; exit 2; }
[ "$(id -u)" -eq 0 ] || { echo "$0: needs root (unshare -m, tmpfs)" >&2; exit 2; }
here=$(cd "$(dirname "$0")" && pwd)
FZ=$(mktemp -d /tmp/fz-cpmv.XXXXXX)
trap '/usr/bin/rm -rf -- "$FZ"' EXIT
chmod 755 "$FZ"
mkdir "$FZ/bin" "$FZ/fs" "$FZ/shm"
cp "$1/cp" "$1/mv" "$FZ/bin/"		# (where nobody may run them)
cp "$here/cpmv_fuzz.py" "$FZ/"
chmod 755 "$FZ/bin" "$FZ/bin/cp" "$FZ/bin/mv"
unshare -m bash -c '
	mount --make-rprivate / && mount --bind "$0" "$0" &&
	mount -o remount,bind,ro / && mount -o remount,bind,ro /dev/shm &&
	cd "$0" || exit 2
	probe=$(dirname "$0")/.fz-probe.$$	# (on /: must be read-only here)
	if touch "$probe" 2>/dev/null; then
		rm -f "$probe"; echo "cpmv-fuzz: / is writable, stopping" >&2; exit 2
	fi
	mount -t tmpfs none fs && mount -t tmpfs none shm && chmod 755 fs || exit 2
	ulimit -v 4000000
	exec python3 ./cpmv_fuzz.py "$0/bin" "$0" "$1" "$2" $3' "$FZ" "$2" "$3" "$who"
