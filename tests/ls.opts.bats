#!/usr/bin/env bats
# ls's rarer options (issue 5), what difftest cannot see: recent times
# (within six months of the run), formats past GNU's 1000-byte buffer,
# the directives this ls refuses, and the peak RSS of their runs.
load helpers

setup() {
	T=$BATS_TEST_TMPDIR
	export LC_ALL=C TZ=UTC
	mkdir "$T/w" && cd "$T/w"
}

# times - files of recent, old and future times around the six months
times() {
	touch -d '-1 hour' hour
	touch -d '-100 days' days100
	touch -d '-182 days' days182
	touch -d '-184 days' days184
	touch -d '-3 years' years3
	touch -d '+2 days' future
	touch -d '@0' epoch
}

@test "time styles: recent and old times in each style's two formats, like GNU" {
	times
	local s
	for s in full-iso long-iso iso locale posix-iso '+%F %T.%N %z' $'+old %Y-%m-%d\nnew %H:%M' '+%s'; do
		ls_like_gnu -l --time-style="$s"
		TIME_STYLE=$s ls_like_gnu -lt
	done
	ls_like_gnu --full-time -r
	TZ=Europe/Paris ls_like_gnu --full-time
	TZ=America/Los_Angeles ls_like_gnu -l --time-style=iso
}

@test "a date longer than GNU's buffer (1000 bytes): the seconds, as GNU" {
	touch -d '@1000000000' a
	local f
	f=$(printf 'x%.0s' {1..1000})
	ls_like_gnu -l --time-style="+$f"
	ls_like_gnu -l --time-style="+${f}y"
	ls_like_gnu -l --time-style="+%c${f}"
	ls_like_gnu -l --time-style=+"$f"%Y
	ln -s nowhere dang
	ls_like_gnu -lL --time-style="+${f}y"
}

@test "directives this ls does not write (flags, widths, E, O): a message, exit 2, no output" {
	touch a
	local d
	for d in %-d %_H %0e %^a %#b %+Y %5Y %EY %Oy %10N %1X %-Z %_:z; do
		run "$(bin ls)" -l --time-style="+x $d"
		[ "$status" -eq 2 ]
		[ "$output" = "$(bin ls): the time format 'x $d' has a directive this ls does not support (flags, widths, E, O)" ]
	done
	run "$(bin ls)" -l --time-style=$'+%Z\n%Ey'
	[ "$status" -eq 2 ]
	TIME_STYLE=+%^Z run "$(bin ls)" -l
	[ "$status" -eq 2 ]
	# not looked at without -l, as GNU
	run "$(bin ls)" --time-style=+%Ey
	[ "$status" -eq 0 ] && [ "$output" = a ]
}

@test "%:z %::z %:::z, and a ':' that makes no directive as its text, like GNU's nstrftime" {
	touch -d @0 a
	touch -d @1700000000 b
	local z s
	for z in Europe/Paris Asia/Kolkata America/St_Johns XXX-5:30:15 YYY+0:00:59 Factory UTC; do
		for s in '+%z|%:z|%::z|%:::z' '+%::::z|%:x|%::|%:' '+%:%z%:::' '+a%:zb'; do
			TZ=$z ls_like_gnu -l "--time-style=$s"
		done
	done
}

@test "%Z: peak RSS (the zone kept at the break for the listing, the rare part)" {
	touch a b
	rss_at_most 44 ls -l --time-style=+%Z
}

@test "time styles: peak RSS (the style's part, its page past ids_buf, and the long options' part)" {
	touch a b
	rss_at_most 16 ls -l
	rss_at_most 24 ls -l --time-style=locale
	local kb st
	read -r kb st < <(env -i TIME_STYLE=long-iso "$BATS_TEST_DIRNAME/../build/harness/rss" "$(bin ls)" -l 2>&1 >/dev/null)
	[ "$st" -eq 0 ] && [ "$kb" -le 24 ] || { echo "TIME_STYLE: $kb KiB"; return 1; }
	rss_at_most 28 ls --full-time
	rss_at_most 28 ls -l --time-style=+%s
}

@test "--group-directories-first on a directory past the arena's first page (pointers at the break), like GNU" {
	mkdir big && cd big
	seq -w 1 1500 | sed 's/^/f/' | xargs touch
	seq -w 1 700 | sed 's/^/d/' | xargs mkdir
	for n in $(seq 1 300); do ln -s d0$((n % 7 + 1))00 l$n; done
	ls_like_gnu --group-directories-first
	ls_like_gnu --group-directories-first -r -l
	cd .. && ls_like_gnu --group-directories-first -R big
	rss_at_most 16 ls --group-directories-first
}

@test "on a terminal its width wins over COLUMNS (not read then: no warning), -w over both, like GNU" {
	command -v script > /dev/null || skip "script missing"
	touch a bb ccc dddd eeeee ffffff
	local l c
	for l in "$(bin ls)" /usr/bin/ls; do
		for c in 100 abc 0; do
			COLUMNS=$c script -qc "stty cols 16; $l; $l -x; $l -w 30; $l -w 0 -T 0" /dev/null
		done > "$T/$(basename "$(dirname "$l")")"
	done
	cmp "$T/bin" "$T/$(arch)" || { diff "$T/bin" "$T/$(arch)"; return 1; }
	grep -q 'a  bb' "$T/bin" && ! grep -q COLUMNS "$T/bin"
}

@test "-I/--hide: many patterns like GNU, more than 4096 of a kind refused clearly, peak RSS" {
	touch a b c .h
	local args=() i
	for ((i = 0; i < 4095; i++)); do args+=(-I "x$i"); done
	ls_like_gnu "${args[@]}" -I b --hide=c
	run "$(bin ls)" "${args[@]}" -I b -I c
	[ "$status" -eq 2 ]
	[ "$output" = "$(bin ls): more than 4096 -I or --hide patterns are not supported by this ls" ]
	rss_at_most 24 ls -I b
	rss_at_most 28 ls --hide=b
}

@test "--author on entries whose statx fails (a directory without search permission, non-root): '?' like GNU" {
	command -v setpriv > /dev/null || skip "setpriv missing"
	[ "$(id -u)" -eq 0 ] || skip "needs root to switch users"
	mkdir u && touch u/a u/b && chmod 644 u && chmod 755 "$T" "$T/w"
	local o b
	for o in "-l --author" "-g --author" "-go --author" "--full-time"; do
		for b in /usr/bin/ls "$(bin ls)"; do
			setpriv --reuid=65534 --regid=65534 --clear-groups "$b" $o u > "$T/$(basename "$(dirname "$b")")" 2>&1 || true
			sed -i "s|^$b:|ls:|" "$T/$(basename "$(dirname "$b")")"
		done
		cmp "$T/bin" "$T/$(arch)" || { echo "$o"; diff "$T/bin" "$T/$(arch)"; return 1; }
	done
	grep -q '^-????????? ? ?' "$T/bin"
}
