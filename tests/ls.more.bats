#!/usr/bin/env bats
# ls: the sorts of issue 5 (-X, --sort=extension, --sort=width), what
# difftest cannot see: a directory without search permission (GNU stats
# nothing for these sorts, so it reports nothing), many names, peak RSS.
load helpers

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
	ls_like_gnu -X d
	ls_like_gnu -X -r d
	ls_like_gnu --sort=width d
	ls_like_gnu -X -l d
	ls_like_gnu -t -X d
	ls_like_gnu -X -t d
}

@test "-X, --sort=width: 3000 names of many extensions and widths, like GNU" {
	local i
	for i in $(seq 1 3000); do echo "n$((i * 7919 % 3001)).e$((i % 37))"; done | xargs touch
	touch noext .dot x. 'a b.c'
	ls_like_gnu -X
	ls_like_gnu -X -r -a
	ls_like_gnu --sort=width
	ls_like_gnu --sort=width -r -x -w 200
	ls_like_gnu -X -l
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
