#!/usr/bin/env bats
# A small stack limit (ulimit -s 100: 100 KiB, for the operands too) must
# not kill a utility where GNU's runs: wc read into 512 KiB and fold
# gathered its output in 1 MiB, both on the stack (SIGSEGV below 1 MiB and
# 2 MiB); they are in BSS now. Each command runs in a fresh copy of the
# fixture for ours and for GNU's: the same stdout, stderr (the path made
# the name) and status, and the same tree left. (100 KiB: GNU's cksum
# itself dies at 64.)
load helpers

fixture() {
	mkdir "$1" && cd "$1" || return 1
	printf 'hello world\nfoo\tbar\nhello world\nzz\n' > f
	printf 'b\na\n' > g
	mkdir -p d/e && echo x > d/x && ln -s f l
	seq 100000 > big
	cd ..
}

# small_like_gnu CMD - CMD (a utility and its arguments, one word each)
# under ulimit -s 100, standard input big
small_like_gnu() {
	local u=$1 ours gnu; shift
	fixture o && fixture g
	ours=$(cd o && (ulimit -s 100 && exec "$(bin "$u")" "$@" < big) 2>&1; echo "status $?")
	gnu=$(cd g && (ulimit -s 100 && exec "/usr/bin/$u" "$@" < big) 2>&1; echo "status $?")
	ours=${ours//"$(bin "$u")"/$u}
	gnu=${gnu//"/usr/bin/$u"/$u}
	ours=${ours//"$T/o"/X}
	gnu=${gnu//"$T/g"/X}
	[ "$ours" = "$gnu" ] || { echo "$u $*:"; diff <(echo "$gnu") <(echo "$ours"); return 1; }
	diff <(cd g && find . -printf '%p %y %m %s\n' | sort) <(cd o && find . -printf '%p %y %m %s\n' | sort) ||
		{ echo "$u $*: the trees differ"; return 1; }
	rm -rf o g
}

@test "filters under ulimit -s 100: as GNU's (wc and fold were killed)" {
	small_like_gnu wc
	small_like_gnu wc f big
	small_like_gnu wc -L big
	small_like_gnu fold -w3 f
	small_like_gnu fold -s -w 4
	small_like_gnu fold -b -w 100 big
	for u in cat tac head tail nl expand unexpand paste uniq base64 od cksum md5sum sha1sum sha256sum sum sort; do
		small_like_gnu $u
		small_like_gnu $u f big
	done
	small_like_gnu cat -A f
	small_like_gnu sort -n -k1,1 -t : f big
	small_like_gnu tail -c 5 big
	small_like_gnu head -n -3 f
	small_like_gnu tr a-z A-Z
	small_like_gnu tee t
	small_like_gnu cut -c2-4 f
	small_like_gnu comm f g
	small_like_gnu cmp f big
	small_like_gnu seq 100000
	[ "$( (ulimit -s 100 && exec "$(bin yes)" -- '') | head -c 99999 | md5sum)" = \
		"$(yes -- '' | head -c 99999 | md5sum)" ]
}

@test "the others under ulimit -s 100: as GNU's" {
	small_like_gnu echo -e 'a\tb'
	small_like_gnu basename d/e .x
	small_like_gnu dirname d/e f
	small_like_gnu printenv HOME
	small_like_gnu env -i A=1
	small_like_gnu pwd
	small_like_gnu uname -s
	small_like_gnu tty
	small_like_gnu sleep 0
	small_like_gnu true
	small_like_gnu false
	small_like_gnu ls -lR --time-style=+%Y
	small_like_gnu du -a
	small_like_gnu df --output=source,target f
	small_like_gnu stat -c '%n %s %F' f d l
	small_like_gnu cp -a d c
	small_like_gnu cp f big d
	small_like_gnu mv d c
	small_like_gnu rm -r d f
	small_like_gnu mkdir -p a/b/c
	small_like_gnu rmdir d/e
	small_like_gnu ln -s f m
	small_like_gnu link f h
	small_like_gnu unlink f
	small_like_gnu touch -d @0 f
	small_like_gnu chmod -R 700 d
	small_like_gnu chown -R 0:0 d
	small_like_gnu chgrp -R 0 d
	small_like_gnu readlink -f l
	small_like_gnu realpath l d/e
	small_like_gnu truncate -s 3 f
	small_like_gnu dd if=f of=h bs=3 status=none
	small_like_gnu mknod p p
	small_like_gnu mkfifo q
	small_like_gnu sync f
	small_like_gnu mktemp -p . -u "$(printf %01000d 0)"
}
