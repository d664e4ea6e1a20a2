#!/usr/bin/env bats
# deep_walk.bats - a tree 100,000 levels deep. GNU's fts keeps its walk on
# the heap; du, chmod, chown and chgrp -R recurse one stack frame a level
# (about 90 bytes on x86_64), so past some 85,000 levels the default 8 MiB
# stack ran out: SIGSEGV where GNU's went on. They now raise the stack's
# soft limit to the hard one (raise_limit) when they walk. (The descriptors
# per level: du.bats, chmod.bats.)
load helpers

setup_file() {
	[ "$(ulimit -H -s)" = unlimited ] || [ "$(ulimit -H -s)" -ge 65536 ] ||
		skip "the stack's hard limit is under 64 MiB"
}

# deep_like_gnu UTIL ARGS... - ours and GNU's UTIL ARGS t (t: 100,000
# levels of d, a file every 20,000) under the default soft stack limit of
# 8 MiB: the same stdout, stderr and status
deep_like_gnu() {
	local u=$1 o g
	shift
	[ -d t ] || python3 -c '
import os
os.mkdir("t"); os.chdir("t")
for i in range(100000):
    os.mkdir("d"); os.chdir("d")
    if i % 20000 == 0: open("f", "w").write("x" * i)
'
	o=$(ulimit -S -s 8192; "$(bin "$u")" "$@" t 2>&1; echo "status $?")
	g=$(ulimit -S -s 8192; "/usr/bin/$u" "$@" t 2>&1; echo "status $?")
	[ "${o//"$(bin "$u")"/$u}" = "${g//"/usr/bin/$u"/$u}" ] ||
		{ echo "$u $*: ours $(echo "$o" | tail -c 200)"; echo "GNU $(echo "$g" | tail -c 200)"; false; }
}

@test "du, chmod -R, chown -R, chgrp -R on a tree 100,000 levels deep: as GNU's" {
	[ "$(id -u)" -eq 0 ] || skip "not root"
	deep_like_gnu du -s
	deep_like_gnu du -a --max-depth=1
	deep_like_gnu chmod -R 700
	deep_like_gnu chmod -R 755
	deep_like_gnu chown -R 0:0
	deep_like_gnu chgrp -Rc 0
	deep_like_gnu chown -R 65534
	[ "$(stat -c %u t/d/d/d)" = 65534 ]
}
