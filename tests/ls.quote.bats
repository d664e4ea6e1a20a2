#!/usr/bin/env bats
# ls's quoting styles (issue 5, item 4), what difftest cannot express:
# the styles this ls does not do (shell, shell-escape, c-maybe: GNU's
# padding of the names that need no quotes) fail clearly, from
# --quoting-style or QUOTING_STYLE (unless -N, --literal, --zero chose
# the literal style); many random names against GNU; peak RSS (.qsec).
load helpers

setup() {
	T=$BATS_TEST_TMPDIR
	export LC_ALL=C TZ=UTC
	mkdir "$T/w" && cd "$T/w"
	touch "a b"
}

@test "QUOTING_STYLE with a style this ls does not do: a message, exit 2, no output" {
	local v
	for v in shell shell-escape c-maybe c-; do
		QUOTING_STYLE=$v run "$(bin ls)" -l
		[ "$status" -eq 2 ]
		[ "$output" = "$(bin ls): the quoting style '$v' of QUOTING_STYLE is not supported by this ls" ]
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

@test "--quoting-style with a style this ls does not do: a message, exit 2" {
	local v
	for v in shell shell-escape c-maybe c-; do
		run "$(bin ls)" --quoting-style=$v
		[ "$status" -eq 2 ]
		[ "$output" = "$(bin ls): argument '$v' for '--quoting-style' is not supported by this ls" ]
	done
}

@test "-b, -Q, locale, clocale, shell-always, shell-escape-always: 400 random names of special bytes, every format, like GNU" {
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
		"--quoting-style=shell-always -q" --quoting-style=shell-escape-always; do
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
