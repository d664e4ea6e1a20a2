#!/bin/bash
# fsfuzz.sh BINDIR N [SEED] [UTILS] [USERS] - tests/fuzz/fsfuzz.py (see there) in
# a private mount namespace: / read-only, a new /tmp/fz-fsfuzz.XXXXXX
# writable, its ro/ read-only again and ro/w (where the runs happen: a
# mount point, never renamed away) writable. Root only. Prints the
# per-utility counts; the differences stay in that directory's
# fails.jsonl (its path is printed last). Runs of a fuzzed binary are
# limited to 10 s and 4 GB of address space.
set -eu
[ "$(id -u)" = 0 ] || { echo "fsfuzz.sh: needs root" >&2; exit 1; }
here=$(cd "$(dirname "$0")" && pwd)
bin=$(cd "$1" && pwd); n=$2; seed=${3:-1}
utils=${4:-ln,mkdir,rmdir,link,unlink,mktemp,readlink,realpath}; users=${5:-root,nobody}
FZ=$(mktemp -d /tmp/fz-fsfuzz.XXXXXX)
mkdir -p "$FZ/ro/w" "$FZ/bin"
cp "$here/fsfuzz.py" "$FZ/"
for u in ${utils//,/ }; do cp "$bin/$u" "$FZ/bin/"; done
chmod 755 "$FZ" "$FZ/bin"
timeout 6000 unshare -m bash -c 'mount --make-rprivate / && mount --bind "$0" "$0" &&
	mount -o remount,bind,ro / && mount -o remount,bind,ro /dev/shm &&
	mount --bind "$0/ro" "$0/ro" && mount -o remount,bind,ro "$0/ro" &&
	mount --bind "$0/ro/w" "$0/ro/w" && mount -o remount,bind,rw "$0/ro/w" &&
	cd "$0" || exit 1
	if [ -w /usr ] || [ -w /tmp ] || [ -w ro ] || ! [ -w ro/w ]; then
		echo "fsfuzz.sh: the namespace is not read-only" >&2; exit 1; fi
	ulimit -v 4000000
	exec python3 ./fsfuzz.py "$@"' "$FZ" "$FZ/bin" "$n" "$seed" "$utils" "$users" | tail -25
/usr/bin/rm -rf -- "$FZ/ro/w" "$FZ/bin"
echo "$FZ"
