#!/usr/bin/env bats
# ls -v / --sort=version (issue 5), what difftest cannot express: many
# random names of version-like bytes compared with GNU's order, long
# names, peak RSS (.vsec: the sixth code part).
load helpers

setup() {
	T=$BATS_TEST_TMPDIR
	export LC_ALL=C TZ=UTC
	mkdir "$T/w" && cd "$T/w"
}

@test "-v: 1500 random names of 'ab01.~-9Zz_' in GNU's order (-a, -r, -x)" {
	python3 - <<'PY'
import random
random.seed(5)
names = set()
while len(names) < 1500:
    n = ''.join(random.choice("ab01.~-9Zz_") for _ in range(random.randint(1, 9)))
    if n not in ('.', '..'):
        names.add(n)
for n in names:
    open(n, 'w').close()
PY
	ls_like_gnu -v -a
	ls_like_gnu -v -r -a
	ls_like_gnu -v -A -x -w 100
	ls_like_gnu --sort=version -A
}

@test "-v: names of 255 bytes, long digit runs, zeros, suffixes" {
	local d9 z
	d9=$(printf '9%.0s' $(seq 200))
	z=$(printf '0%.0s' $(seq 200))
	touch "a$d9" "a${d9}0" "a${z}1" "a${z}01" "b$z.tar.gz" "b$z~" "b${z}1.x~" \
		"$(printf 'c%.0s' $(seq 255))" "$(printf '.%.0s' $(seq 255))"
	ls_like_gnu -v -a
	ls_like_gnu -v -r
}

@test "-v: peak RSS (the core, the messages' part for the option, .vsec)" {
	touch a1 a10 a2
	rss_at_most 20 ls -v
	rss_at_most 20 ls -v -r
	rss_at_most 24 ls --sort=version   # a WORD: argm in .xsec
	rss_at_most 24 ls -v -l
	rss_at_most 12 ls
}
