#!/bin/bash
# fs2fuzz.sh BINDIR N [SEED] [UTILS] [USERS] - runs fs2_fuzz.py (beside it) in a
# private mount namespace where every mount is remounted read-only and only two
# nodev tmpfs (the run dir and a scratch dir) are writable. Root only.
# The JSON lines of the differences and the '#' counts go to stdout.
set -eu
[ "$(id -u)" = 0 ] || { echo "fs2fuzz.sh: needs root" >&2; exit 1; }
here=$(cd "$(dirname "$0")" && pwd)
bin=$(cd "$1" && pwd); n=$2; seed=${3:-1}
utils=${4:-dd,truncate,touch,chmod,chown,chgrp,rm,mknod,mkfifo}; users=${5:-root,nobody}
FZ=$(mktemp -d "$here/fz.XXXXXX")
trap '/usr/bin/rm -rf --one-file-system -- "$FZ"' EXIT
mkdir -p "$FZ/run" "$FZ/scr" "$FZ/bin"
cp "$here/fs2_fuzz.py" "$FZ/"
for u in ${utils//,/ }; do cp "$bin/$u" "$FZ/bin/"; done
chmod 755 "$FZ" "$FZ/bin"
timeout 7200 unshare -m bash -c '
	mount --make-rprivate / || exit 1
	for m in $(awk "{print \$5}" /proc/self/mountinfo); do
		case $m in /mnt/sandboxing*) continue;; esac
		mount -o remount,bind,ro "$m" 2>/dev/null || true
	done
	mount -t tmpfs -o nodev,size=400m none "$0/run" && mount -t tmpfs -o nodev,size=64m none "$0/scr" &&
	chmod 777 "$0/run" && chmod 755 "$0/scr" && cd "$0" || exit 1
	for m in $(awk "{print \$5}" /proc/self/mountinfo) /tmp /work /dev/shm "$0"; do
		[ "$m" = "$0/run" ] || [ "$m" = "$0/scr" ] && continue
		if [ -w "$m" ]; then echo "fs2fuzz.sh: $m is writable here" >&2; exit 1; fi
	done
	[ -w run ] && [ -w scr ] || exit 1
	ulimit -v 4000000
	exec python3 ./fs2_fuzz.py "$@" "$0/run" "$0/scr"' "$FZ" "$FZ/bin" "$n" "$seed" "$utils" "$users"
