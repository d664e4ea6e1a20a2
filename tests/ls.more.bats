#!/usr/bin/env bats
# ls: the sorts of issue 5 (-X, --sort=extension, --sort=width), what
# difftest cannot see: a directory without search permission (GNU stats
# nothing for these sorts, so it reports nothing), many names, peak RSS.
load helpers

# gnu_same ARGS... - ours and GNU's ls ARGS in the current directory: same
# stdout, stderr (argv[0] aside) and status
gnu_same() {
	local s1=0 s2=0
	"${as[@]}" "$(bin ls)" "$@" > "$T/ours" 2> "$T/oerr" || s1=$?
	"${as[@]}" /usr/bin/ls "$@" > "$T/gnus" 2> "$T/gerr" || s2=$?
	sed -i "s|^$(bin ls):|ls:|" "$T/oerr"
	sed -i "s|^/usr/bin/ls:|ls:|" "$T/gerr"
	[ "$s1" -eq "$s2" ] && cmp "$T/gnus" "$T/ours" && cmp "$T/gerr" "$T/oerr" ||
		{ echo "status $s1/$s2"; diff "$T/gnus" "$T/ours"; diff "$T/gerr" "$T/oerr"; return 1; }
}

setup() {
	T=$BATS_TEST_TMPDIR
	export LC_ALL=C TZ=UTC
	as=()
	mkdir "$T/w" && cd "$T/w"
}

@test "-X, --sort=width: a directory without search permission (non-root): no stat, no message, like GNU" {
	command -v setpriv > /dev/null || skip "setpriv missing"
	mkdir d && touch d/a.c d/b.a d/cc && chmod 644 d && chmod 755 .
	chmod 755 "$T"
	as=(setpriv --reuid=65534 --regid=65534 --clear-groups)
	gnu_same -X d
	gnu_same -X -r d
	gnu_same --sort=width d
	gnu_same -X -l d
	gnu_same -t -X d
	gnu_same -X -t d
}

@test "-X, --sort=width: 3000 names of many extensions and widths, like GNU" {
	local i
	for i in $(seq 1 3000); do echo "n$((i * 7919 % 3001)).e$((i % 37))"; done | xargs touch
	touch noext .dot x. 'a b.c'
	gnu_same -X
	gnu_same -X -r -a
	gnu_same --sort=width
	gnu_same --sort=width -r -x -w 200
	gnu_same -X -l
}

@test "-X, --sort=width: peak RSS (the messages' part: 16 KiB; -l, a --sort WORD 20)" {
	touch a.c b.b
	rss_at_most 16 ls -X
	rss_at_most 20 ls --sort=width        # a WORD: long_ls and argm (.xsec)
	rss_at_most 20 ls -X -l
	rss_at_most 16 ls -f
	rss_at_most 12 ls
	rss_at_most 16 ls -l
}
