#!/usr/bin/env bats
# ls's quoting styles (issue 5, item 4), what difftest cannot express:
# QUOTING_STYLE in every style and format (unless -N, --literal, --zero
# chose the literal style), many random names against GNU in every style
# (shell, shell-escape, c-maybe: GNU's padding), peak RSS (.qsec).
load helpers

setup() {
	T=$BATS_TEST_TMPDIR
	export LC_ALL=C TZ=UTC
	mkdir "$T/w" && cd "$T/w"
	touch "a b"
}

@test "QUOTING_STYLE: each style and prefixes in every format, like GNU" {
	touch "q'r" "x$(printf '\001')y" plain "c:d"
	local v f
	for v in literal shell shell-always shell-escape shell-escape-always c c-maybe escape locale clocale shell-a c-; do
		for f in "" -l -C -x -m; do
			QUOTING_STYLE=$v "$(bin ls)" -w 40 $f > ../ours
			QUOTING_STYLE=$v /usr/bin/ls -w 40 $f > ../gnus
			cmp ../gnus ../ours || { echo "$v $f"; return 1; }
		done
	done
}

@test "QUOTING_STYLE overridden by -N, --literal, --zero; literal itself: like GNU" {
	local v o
	for v in c escape literal; do
		for o in -N --literal --zero -lN; do
			QUOTING_STYLE=$v "$(bin ls)" $o > ../ours
			QUOTING_STYLE=$v /usr/bin/ls $o > ../gnus
			cmp ../gnus ../ours
		done
	done
	QUOTING_STYLE=literal "$(bin ls)" > ../ours
	QUOTING_STYLE=literal /usr/bin/ls > ../gnus
	cmp ../gnus ../ours
}

@test "every quoting style: 400 random names of special bytes, every format, like GNU" {
	python3 - <<'PY'
import random
random.seed(11)
for i in range(400):
    n = bytes(random.choice(b'ab \t\x01"\\\':=*|@>\xe9\n?$~#') for _ in range(random.randint(1, 8)))
    if n in (b'.', b'..'):
        continue
    open(n, 'wb').close()
PY
	local q f
	for q in -b -Q --quoting-style=locale --quoting-style=clocale --quoting-style=shell-always \
		"--quoting-style=shell-always -q" --quoting-style=shell-escape-always --quoting-style=shell \
		"--quoting-style=shell -q" --quoting-style=shell-escape --quoting-style=c-maybe; do
		for f in "" -l -x -C -m -F --file-type "--sort=width" "-C --color=always"; do
			"$(bin ls)" -A -w 70 $q $f > ../ours
			/usr/bin/ls -A -w 70 $q $f > ../gnus
			cmp ../gnus ../ours || { echo "$q $f"; return 1; }
		done
	done
}

@test "quoting styles: peak RSS (the messages' part for the option, .qsec)" {
	touch "a b" c
	rss_at_most 20 ls -b
	rss_at_most 20 ls -Q
	rss_at_most 24 ls -Q -l
	rss_at_most 24 ls --quoting-style=c   # a WORD: argm in .xsec
	rss_at_most 12 ls -N
	rss_at_most 12 ls
}
