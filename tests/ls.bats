#!/usr/bin/env bats
# ls: what difftest cannot see: inode numbers (-i) compared with GNU's on
# one directory, a terminal (script) for the default -C and -q, an
# unreadable directory and a listing as a non-root user, a closed pipe,
# /dev/full, a directory of 10,000 names (the arena grows with brk), the
# refused options, LS_COLORS on a terminal and with what difftest cannot
# make (hard links, devices, huge values), entries that cannot be
# stat'ed (a directory without search permission as a non-root user, a
# file gone between getdents64 and statx), and the peak RSS.
load helpers

# Each test lists the directory w (its cwd); the outputs go to $T.

# in_w - make ./w and go into it
in_w() { mkdir w && cd w; }

# mkbig N - ./big with N names of 200 bytes (N * 200 bytes of output:
# more than a pipe holds for N = 400)
mkbig() {
	mkdir big && (cd big && seq -w 1 "$1" | sed 's/^/n/; s/$/'"$(printf '%0190d' 0)"'/' | xargs touch)
}

mktree() {
	in_w
	mkdir -p d/sub e
	touch a bb 'c c' d/x d/.h e/f
	ln -s d l
	ln -s nowhere dang
	mkfifo p
	printf '#!/bin/sh\n' > run && chmod 755 run
}

@test "-i: inode numbers padded like GNU's, in every format" {
	mktree
	ls_like_gnu -i
	ls_like_gnu -i -a -F
	ls_like_gnu -i d e a
	ls_like_gnu -i -d d l
	COLUMNS=30 ls_like_gnu -i -C
	COLUMNS=30 ls_like_gnu -i -x -p
}

@test "every option and operand mix like GNU" {
	mktree
	local o
	for o in -1 -aF -Ar -dF -LF -HF -Cp -xF -Uq -l -lF -lH -ld -lgo -ln -t -S -lt -lSr -u -ltc; do
		ls_like_gnu $o
		ls_like_gnu $o d l dang a nosuch
	done
}

@test "a terminal: columns by default, the width from COLUMNS" {
	command -v script > /dev/null || skip "script missing"
	in_w
	touch alpha beta gamma delta epsilon zeta eta theta iota kappa
	mkdir dir
	COLUMNS=40 script -qc "$(bin ls)" /dev/null > ../ours
	COLUMNS=40 script -qc "/usr/bin/ls" /dev/null > ../gnus
	cmp ../gnus ../ours
	COLUMNS=40 script -qc "$(bin ls) -F -x" /dev/null > ../ours
	COLUMNS=40 script -qc "/usr/bin/ls -F -x" /dev/null > ../gnus
	cmp ../gnus ../ours
	COLUMNS=40 script -qc "$(bin ls) -1" /dev/null > ../ours
	COLUMNS=40 script -qc "/usr/bin/ls -1" /dev/null > ../gnus
	cmp ../gnus ../ours
}

@test "a terminal: GNU's shell-escape quoting when a name needs it (else names as they are), like GNU" {
	command -v script > /dev/null || skip "script missing"
	in_w
	touch plain other
	local o
	for o in "" -l -x -R; do
		COLUMNS=40 script -qc "$(bin ls) $o" /dev/null > ../ours
		COLUMNS=40 script -qc "/usr/bin/ls $o" /dev/null > ../gnus
		cmp ../gnus ../ours
	done
	mkdir at && touch at/x@ at/y       # '@': quoted with -F's map only
	for o in at "-F at" "--file-type at" "-l at"; do
		COLUMNS=40 script -qc "$(bin ls) $o" /dev/null > ../ours
		COLUMNS=40 script -qc "/usr/bin/ls $o" /dev/null > ../gnus
		cmp ../gnus ../ours || { echo "$o"; return 1; }
	done
	rm -r at
	ln -s "a b" lk                     # a plain name, a target to quote
	for o in -l "-l lk" -lF; do
		COLUMNS=40 script -qc "$(bin ls) $o" /dev/null > ../ours
		COLUMNS=40 script -qc "/usr/bin/ls $o" /dev/null > ../gnus
		cmp ../gnus ../ours || { echo "$o"; return 1; }
	done
	rm lk
	mkdir "d:x"
	touch "$(printf 'a\001b')" "c d" "q'r" "d:x/e f"
	for o in "" -l -x -R -q -N -b --zero --quoting-style=literal --show-control-chars "-d d:x plain" "d:x"; do
		COLUMNS=40 script -qc "$(bin ls) $o" /dev/null > ../ours
		COLUMNS=40 script -qc "/usr/bin/ls $o" /dev/null > ../gnus
		cmp ../gnus ../ours || { echo "$o"; cat -A ../gnus ../ours; return 1; }
	done
}

@test "an unreadable directory as a non-root user: exit 2, the others listed" {
	mkdir locked open
	touch open/x
	chmod 000 locked
	chmod 755 "$T"
	as_nobody
	run "${as[@]}" "$(bin ls)" locked open
	[ "$status" -eq 2 ]
	[ "$output" = "$(printf "%s: cannot open directory 'locked': Permission denied\nopen:\nx" "$(bin ls)")" ]
	run "${as[@]}" /usr/bin/ls locked open
	[ "$status" -eq 2 ]
}

@test "a listing as a non-root user like GNU's" {
	mktree
	chmod 755 "$T"
	as_nobody
	"${as[@]}" "$(bin ls)" -F . d > ../ours
	"${as[@]}" /usr/bin/ls -F . d > ../gnus
	cmp ../gnus ../ours
}

@test "a closed pipe: killed by SIGPIPE, silently" {
	mkbig 400
	closed_pipe_kills ls big
	sigpipe_silent ls -1 "$(ls big | head -1)\n" big
	sigpipe_silent /usr/bin/ls -1 "$(ls big | head -1)\n" big
}

@test "/dev/full: GNU's message, exit 2" {
	touch a
	run sh -c '"$1" > /dev/full' sh "$(bin ls)"
	[ "$status" -eq 2 ]
	[ "$output" = "$(bin ls): write error: No space left on device" ]
}

@test "700 long names (several getdents64 calls, the arena grown by brk): like GNU in every format" {
	mkbig 700
	rss_at_most 512 ls big
	ls_like_gnu big
	ls_like_gnu -r big
	COLUMNS=100 ls_like_gnu -C big
	COLUMNS=100 ls_like_gnu -x -F big
	ls_like_gnu -l big
	ls_like_gnu -ln -F big
}

@test "the arena leaving arena0 for the break: many operands, -R over big and small directories, like GNU" {
	mkbig 120
	mkdir -p t/a/b t/c/d
	touch t/x t/a/y
	(cd t/a/b && seq 1 300 | sed 's/^/name_/' | xargs touch)
	(cd t/c/d && touch p q)
	ls_like_gnu -l big/* t/c
	ls_like_gnu -sR t big
	ls_like_gnu -lR t
	COLUMNS=100 ls_like_gnu -CR t
}

@test "the options not implemented fail clearly, exit 2" {
	local o
	for o in D Z; do
		run "$(bin ls)" -$o
		[ "$status" -eq 2 ]
		[ "$output" = "$(bin ls): option -$o is not supported by this ls" ]
	done
	for o in --context --dired \
		--hyperlink --hyperlink=always --help --version; do
		run "$(bin ls)" $o
		[ "$status" -eq 2 ]
		[ "${lines[0]}" = "$(bin ls): unrecognized option '$o'" ]
	done
}

# long options enter .zsec's page (long_ls), a WORD .xsec's (argm); a
# bare --color keeps to the core
@test "long options: peak RSS" {
	cd "$BATS_TEST_TMPDIR"
	touch a b
	rss_at_most 16 ls --all
	rss_at_most 16 ls --reverse --almost-all
	rss_at_most 12 ls --color
	rss_at_most 16 ls --color=auto
	rss_at_most 20 ls --sort=size
}

# 12 KiB: the core's page of code (each of ls's four code parts is its own
# one-page mapping; the kernel maps a mapping's cached pages all at once,
# no other's), one BSS page (the variables, stx, the arena's first 2 KiB
# and the output buffer's start), the stack: no page at the break for a
# small directory. 16 with one more part: -l's, -C/-x's and the colors',
# the error messages'.
@test "peak RSS of a small listing: 12 KiB, 16 with -l, -C/-x, colors or an error" {
	touch a b c
	mkdir e one
	touch one/x
	local o kb st
	for o in "" -1 -a -A -s -i -U -si -d -k -F -p -R -t -S -u -c -h -r -q -L -H; do
		rss_at_most 12 ls $o
	done
	for o in -l -ln -lg -lo -ls -li -ld -lF -lp -lR -lt -lS -lu -lc -lh -lL \
		-C -x -Cs -xi -CF -Cp -CR -Ct -CS -Ch -Cd --color=always --color=auto --color=never; do
		rss_at_most 16 ls $o
	done
	rss_at_most 12 ls e
	rss_at_most 12 ls one
	rss_at_most 12 ls -s one e a
	rss_at_most 12 ls --color
	rss_at_most 16 ls -l one e a
	# "cannot access": the core and the messages' part
	read -r kb st < <(env -i "$BATS_TEST_DIRNAME/../build/harness/rss" "$(prog ls)" a nope 2>&1 >/dev/null | tail -n 1)
	[ "$st" -eq 2 ] && [ "$kb" -le 16 ] || { echo "ls a nope: $kb KiB, status $st"; return 1; }
}

# A terminal's ls (-C and -q by default, the width from TIOCGWINSZ): 16 KiB
@test "peak RSS on a terminal (script): ls, ls -x, ls -F in 16 KiB, columns as GNU's" {
	command -v script > /dev/null || skip "script missing"
	in_w
	touch a bb ccc dddd eeeee
	local o kb st
	for o in "" -x -F -s; do
		read -r kb st < <(env -i script -qc "env -i $BATS_TEST_DIRNAME/../build/harness/rss $(prog ls) $o 2>&1 >/dev/null" /dev/null </dev/null | tr -d '\r' | tail -n 1)
		[ "$st" -eq 0 ] && [ "$kb" -le 16 ] || { echo "ls $o on a terminal: $kb KiB, status $st"; return 1; }
		COLUMNS=20 script -qc "$(bin ls) $o" /dev/null > ../ours
		COLUMNS=20 script -qc "/usr/bin/ls $o" /dev/null > ../gnus
		cmp ../gnus ../ours
	done
}

@test "COLUMNS with trailing garbage is ignored (GNU also warns, we do not)" {
	touch a b
	[ "$(COLUMNS=3x "$(bin ls)" -C)" = "$(COLUMNS=3x /usr/bin/ls -C 2>/dev/null)" ]
}

@test "-l: recent and old dates around six months, future dates, like GNU" {
	in_w
	touch -d '-1 hour' hour
	touch -d '-2 months' months2
	touch -d '-181 days' days181
	touch -d '-183 days' days183
	touch -d '-400 days' old
	touch -d '+1 hour' future
	touch -d '2000-02-29 12:34:56' leap
	touch -d '1999-12-31 23:59:59' y2k
	touch -d '2038-01-19 03:14:08' y2038
	ls_like_gnu -l
	ls_like_gnu -lr
}

@test "-l: devices, owners by name and number, setuid letters, hard links" {
	in_w
	ls_like_gnu -l /dev/null /dev/zero /dev/tty /dev/full
	ls_like_gnu -ln /dev
	ls_like_gnu -l /etc/passwd /etc/group /bin /usr
	touch f && ln f g && chmod 6755 f
	chown 65534:65534 g || true
	ls_like_gnu -l
	ls_like_gnu -lgn
	ls_like_gnu -lo
}

# /etc/passwd and /etc/group are read into the arena's free bytes on the
# variables' page while they fit (ids_load), else on into ids_buf's page
@test "-l: peak RSS of a small listing (8 names): 16 KiB, -l FILE too" {
	[ "$(wc -c < /etc/passwd)" -lt 1300 ] || skip "/etc/passwd is too big for arena0's free bytes here"
	touch a b c d e f g && mkdir h
	rss_at_most 16 ls -l
	rss_at_most 16 ls -ls
	rss_at_most 16 ls -l a
	rss_at_most 16 ls -ln
	rss_at_most 16 ls -lgo
}

@test "-l: owners right whichever buffer /etc/passwd lands in (arena0, arena0 then ids_buf, ids_buf)" {
	local k i
	for k in 1 9 11 14 40; do
		mkdir d$k
		for ((i = 1; i <= k; i++)); do touch d$k/f$i; done
		chown 65534:65534 d$k/f1
		chown 1:1 d$k/f$k
		ls_like_gnu -l d$k
	done
}

@test "-R: an unreadable subdirectory as a non-root user: status 1, the rest listed" {
	mkdir -p top/locked top/open
	touch top/open/x
	chmod 000 top/locked
	chmod 755 "$T"
	as_nobody
	run "${as[@]}" "$(bin ls)" -R top
	[ "$status" -eq 1 ]
	run "${as[@]}" /usr/bin/ls -R top
	[ "$status" -eq 1 ]
	"${as[@]}" "$(bin ls)" -R top > ours 2> oerr || true
	"${as[@]}" /usr/bin/ls -R top > gnus 2> gerr || true
	cmp gnus ours
	[ "$(cat oerr)" = "$(bin ls): cannot open directory 'top/locked': Permission denied" ]
}

@test "-lh on sparse files past 4 GiB: GNU's sizes" {
	in_w
	local n
	for n in 4294967295 4294967296 5000000000 1099511627776 10995116277760; do
		truncate -s $n f$n
	done
	ls_like_gnu -lh
	ls_like_gnu -l
	ls_like_gnu -lS
}

@test "--color=auto on a terminal (script): colors as GNU's, in columns and -l" {
	command -v script > /dev/null || skip "script missing"
	mktree
	rm 'c c'        # (GNU quotes it on a terminal: a known difference)
	mknod cdev c 1 3 2> /dev/null || true
	local o
	for o in "--color=auto" "--color=tty -l" "--color=if-tty -sF" "--color" "--color=never"; do
		COLUMNS=50 TERM=xterm script -qc "$(bin ls) $o" /dev/null > ../ours
		COLUMNS=50 TERM=xterm script -qc "/usr/bin/ls $o" /dev/null > ../gnus
		cmp ../gnus ../ours
	done
	COLUMNS=50 TERM=xterm script -qc "$(bin ls) --color=auto" /dev/null > ../ours
	grep -q $'\e\[01;34md\e\[0m' ../ours
}

@test "--color: devices and sockets (root), -i -s, like GNU" {
	mktree
	mknod cdev c 1 3 && mknod bdev b 7 0 || skip "mknod refused"
	python3 -c 'import socket; socket.socket(socket.AF_UNIX).bind("sock")' 2> /dev/null || true
	local o
	for o in -lis -F -si -x; do
		TERM=xterm COLUMNS=60 ls_like_gnu --color=always $o
	done
	TERM=xterm ls_like_gnu --color=always -l cdev bdev sock d
}

# dc_colors - dircolors -b's LS_COLORS value (Debian's ~/.bashrc evals it)
dc_colors() { dircolors -b | sed -n "s/^LS_COLORS='\(.*\)';\$/\1/p"; }

@test "LS_COLORS from dircolors on a terminal (script, --color=auto): as GNU's, in columns and -l" {
	command -v script > /dev/null || skip "script missing"
	command -v dircolors > /dev/null || skip "dircolors missing"
	mktree
	rm 'c c'        # (GNU quotes it on a terminal: a known difference)
	touch x.tar.gz pic.jpg notes~
	ln a hard
	local o lsc
	lsc=$(dc_colors)
	[ -n "$lsc" ]
	for o in "--color=auto" "--color=auto -lF" "--color=never"; do
		LS_COLORS=$lsc COLUMNS=40 TERM=xterm script -qc "$(bin ls) $o" /dev/null > ../ours
		LS_COLORS=$lsc COLUMNS=40 TERM=xterm script -qc "/usr/bin/ls $o" /dev/null > ../gnus
		cmp ../gnus ../ours
	done
	LS_COLORS=$lsc TERM=xterm script -qc "$(bin ls) --color=auto" /dev/null > ../ours
	grep -q $'\e\[01;31mx.tar.gz\e\[0m' ../ours
	grep -q $'\e\[40;31;01mdang\e\[0m' ../ours
}

@test "LS_COLORS: hard links (mh), devices and sockets (root), operands, like GNU" {
	mktree
	ln a hard
	mknod cdev c 1 3 && mknod bdev b 7 0 || skip "mknod refused"
	python3 -c 'import socket; socket.socket(socket.AF_UNIX).bind("sock")' 2> /dev/null || true
	local v o
	for v in "$(dc_colors)" 'mh=44:ex=00:su=00:sg=00' 'pi=1:so=2:bd=3:cd=4:or=5:no=7' 'ln=target:ex=1:mh=7'; do
		for o in -lis -F "a hard run"; do
			LS_COLORS=$v COLUMNS=60 ls_like_gnu --color=always $o
		done
	done
}

@test "LS_COLORS: sequences longer than the output buffer, and 10,000 suffix entries, like GNU" {
	in_w
	mkdir d && touch a.e7 b.e9999 c
	local big many
	big="di=$(printf '1;%.0s' $(seq 40000))1:*c=$(printf '\\x41%.0s' $(seq 2000))"
	LS_COLORS=$big ls_like_gnu --color=always
	LS_COLORS=$big ls_like_gnu --color=always -l
	many=$(seq 0 9999 | awk '{ printf "*.e%d=%d:", $1, $1 % 9 }')
	LS_COLORS=$many ls_like_gnu --color=always
}

@test "LS_COLORS with more than 231 different suffix colors: refused clearly, exit 2" {
	in_w
	touch a
	run env LS_COLORS="$(seq 0 231 | sed 's/.*/*.e&=&/' | tr '\n' ':')" "$(bin ls)" --color=always
	[ "$status" -eq 2 ]
	[ "$output" = "$(bin ls): more than 231 different suffix colors in LS_COLORS are not supported by this ls" ]
	# 231 are fine (GNU's output)
	LS_COLORS="$(seq 0 230 | sed 's/.*/*.e&=&/' | tr '\n' ':')" ls_like_gnu --color=always
}

# The colors' code and tables are in .xsec with -C/-x's columns (one page,
# its own mapping): a run that never turns colors on never maps it in.
# Measured here: plain ls and --color (no WHEN, no TERM) 12 KiB;
# --color=always/auto with no color variable set 16 (when_arg is in
# .xsec); TERM=xterm's built-in colors 16, with -l 20 (-l's part too);
# dircolors' LS_COLORS 20 (and its decoded copy on one page at the break),
# -l 24.
@test "peak RSS with colors: built-in 16 KiB (-l 20), dircolors' LS_COLORS 20 (-l 24); none set: 12-16" {
	in_w
	touch a b c && mkdir e
	local lsc kb st o
	lsc=$(dc_colors)
	rss_at_most 12 ls --color
	rss_at_most 16 ls --color=always
	rss_at_most 16 ls --color=auto
	for o in "16 --color=always" "16 --color=always -C" "16 --color=always -x" "16 --color=always -F" "20 --color=always -l"; do
		read -r kb st < <(env -i TERM=xterm "$BATS_TEST_DIRNAME/../build/harness/rss" "$(prog ls)" ${o#* } 2>&1 >/dev/null)
		[ "$st" -eq 0 ] && [ "$kb" -le "${o%% *}" ] || { echo "built-in ${o#* }: $kb KiB"; return 1; }
	done
	read -r kb st < <(env -i LS_COLORS="$lsc" "$BATS_TEST_DIRNAME/../build/harness/rss" "$(prog ls)" --color=always 2>&1 >/dev/null)
	[ "$st" -eq 0 ] && [ "$kb" -le 20 ] || { echo "LS_COLORS: $kb KiB"; return 1; }
	read -r kb st < <(env -i LS_COLORS="$lsc" "$BATS_TEST_DIRNAME/../build/harness/rss" "$(prog ls)" --color=always -l 2>&1 >/dev/null)
	[ "$st" -eq 0 ] && [ "$kb" -le 24 ] || { echo "LS_COLORS -l: $kb KiB"; return 1; }
}

@test "seven R+X PT_LOADs of at most a page each, page-aligned in the file (ls_program_end)" {
	run readelf -lW "$(bin ls)"
	[ "$status" -eq 0 ]
	local loads off size
	loads=$(grep '^ *LOAD .* R E ' <<<"$output")
	[ "$(wc -l <<<"$loads")" -eq 7 ]
	while read -r _ off _ _ size _; do
		[ $((off % 4096)) -eq 0 ] && [ $((size)) -le 4096 ] || { echo "LOAD at $off: $size bytes"; return 1; }
	done <<<"$loads"
}

@test "-s: inode numbers and blocks together, sparse files past 4 GiB, like GNU" {
	in_w
	local n
	for n in 4294967295 5000000000 10995116277760; do
		truncate -s $n f$n
	done
	head -c 5000000 /dev/zero > five
	printf x > tiny
	mkdir d
	ls_like_gnu -s
	ls_like_gnu -si
	ls_like_gnu -sh
	ls_like_gnu -lsh
	ls_like_gnu -lsi
	COLUMNS=50 ls_like_gnu -sxi
	COLUMNS=50 ls_like_gnu -sCh
	ls_like_gnu -s five tiny d
}

# rss_tz_at_most KIB TZ ARGS... - rss_at_most with TZ set ("-" for unset)
rss_tz_at_most() {
	local kb st z=()
	[ "$2" = - ] || z=("TZ=$2")
	read -r kb st < <(env -i "${z[@]}" "$BATS_TEST_DIRNAME/../build/harness/rss" "$(prog ls)" "${@:3}" 2>&1 >/dev/null)
	[ "$st" -eq 0 ] && [ "$kb" -le "$1" ] || { echo "TZ=$2 ls ${*:3}: $kb KiB, status $st"; return 1; }
}

# The zone (rt/localtime.inc) is read at arena0: a small one (UTC, a POSIX
# TZ) stays there; a bigger one (Europe/Paris 1.8 KB, New York 2.2 KB) is
# read again by each -l listing into the arena's free bytes, run on into
# outbuf's start: still the variables' page.
@test "-l in local time: 16 KiB with TZ=Europe/Paris, America/New_York, unset (/etc/localtime)" {
	[ "$(wc -c < /etc/passwd)" -lt 1300 ] || skip "/etc/passwd is too big for arena0's free bytes here"
	touch a b c d e f g && mkdir h
	local z
	for z in Europe/Paris Asia/Kolkata EST5EDT,M3.2.0,M11.1.0 "" -; do
		rss_tz_at_most 16 "$z" -l
		rss_tz_at_most 16 "$z" -ln
		rss_tz_at_most 16 "$z" -l a
	done
	rss_tz_at_most 16 Europe/Paris
	# the biggest zones (2.2-2.3 KB) leave room for fewer names
	cd h && touch a b c
	for z in America/New_York Europe/London; do
		rss_tz_at_most 16 "$z" -l
	done
}

# Times relative to now: the recent ones show HH:MM, so a wrong offset or
# DST rule shows; a week apart over the last year crosses every zone's
# changes, and some land at an hour around midnight.
@test "-l: recent times across DST changes in many zones, like GNU" {
	in_w
	local now i z
	now=$(date +%s)
	for ((i = 0; i < 60; i++)); do
		echo "@$((now - i * 604800 - i * 3719)) w$i"
	done | while read -r t f; do touch -d "$t" "$f"; done
	touch -d "@$((now - 15778476 + 40))" edge_in
	touch -d "@$((now - 15778476 - 40))" edge_out
	touch -d "@$((now + 3600))" future
	for z in Europe/Paris America/New_York Australia/Lord_Howe Asia/Kolkata \
		Pacific/Chatham America/St_Johns Europe/Dublin right/Europe/Paris \
		EST5EDT,M3.2.0,M11.1.0 "<+0330>-3:30" UTC ""; do
		TZ=$z ls_like_gnu -lt
	done
	touch -a -d "@$((now - 86400 * 100))" w3
	TZ=Europe/Paris ls_like_gnu -lu
	TZ=Europe/Paris ls_like_gnu -lc
	TZ=Asia/Kolkata ls_like_gnu -g -o
	(unset TZ; ls_like_gnu -l)
}

# TZ unset reads /etc/localtime (the machine's is UTC here, so the test
# puts Europe/Paris and America/New_York there in a private mount
# namespace, over the file it links to; the machine's file is never
# changed; TZ=UTC0 is UTC without a file, to check that the zone took)
@test "-l with TZ unset: /etc/localtime, like GNU" {
	in_w
	local now i z
	now=$(date +%s)
	for ((i = 0; i < 30; i++)); do
		touch -d "@$((now - i * 1209600 - i * 5003))" "w$i"
	done
	touch -d @0 epoch
	touch -d @2500000000 y2049
	(unset TZ; ls_like_gnu -l)
	command -v unshare >/dev/null || skip "no unshare"
	unshare -m true 2>/dev/null || skip "no mount namespaces here"
	for z in Europe/Paris America/New_York; do
		run env -u TZ unshare -m bash -c "mount --bind /usr/share/zoneinfo/$z /etc/localtime &&
			'$(bin ls)' -l > '$T/ours' && /usr/bin/ls -l > '$T/gnus' && cmp '$T/gnus' '$T/ours' &&
			! cmp -s '$T/gnus' <(TZ=UTC0 /usr/bin/ls -l 2>/dev/null || echo x)"
		[ "$status" -eq 0 ] || { echo "$z: $output"; diff "$T/gnus" "$T/ours"; return 1; }
	done
}

# mkunsearchable - ./u readable but not searchable by a non-root user (each
# entry's statx fails: EACCES) with one of each type, ./g searchable with
# a symlink into u (EACCES with -L), a dangling one, a loop; sets `as`
mkunsearchable() {
	in_w
	mkdir -p u/s/t g/sub
	touch u/a u/b u/.h
	printf '#!/bin/sh\n' > u/x
	chmod 755 u/x
	ln -s a u/l
	ln -s nowhere u/dang
	mkfifo u/p
	chmod 644 u
	head -c 123456 /dev/zero > g/big
	printf '#!/bin/sh\n' > g/run
	chmod 755 g/run
	ln -s ../u/a g/lu
	ln -s nowhere g/dang
	ln -s loop g/loop
	ln -s sub g/lsub
	touch -d @86400 g/big g/run g/sub
	chmod 755 "$T"
	as_nobody
}

@test "a directory without search permission (non-root): '?' entries, GNU's messages in its order, exit 1, in every format" {
	mkunsearchable
	local o
	for o in -1 -l -n -lgo -lh -i -li -lis -sh -F -lF -p -t -lS -ltr -lu -R -lR -iR \
		-a -A -d -ld -U -1Ui -1UiL -lL -iL -sL -LF -LR -H; do
		ls_like_gnu $o u g
	done
	COLUMNS=20 ls_like_gnu -Ci u
	COLUMNS=30 ls_like_gnu -xs u
}

@test "a directory without search permission (non-root), colored: the entries' colors from d_type, like GNU" {
	mkunsearchable
	local o c
	for c in "" "or=01;31:mi=05;37" "ln=target:ex=0:no=7" "di=1:tw=0:ow=0:st=0:ex=0:su=0:sg=0:ca=30"; do
		for o in "" -l -F -lL -i; do
			TERM=xterm LS_COLORS=$c ls_like_gnu --color=always $o u g
		done
	done
}

@test "a directory without search permission (non-root): messages and listing on one stream in GNU's order (-R, -l)" {
	mkunsearchable
	local o
	for o in -l -lR -R -iR -1 -F -1Ui; do
		"${as[@]}" "$(bin ls)" $o u g nosuch . > "$T/ours" 2>&1 || true
		"${as[@]}" /usr/bin/ls $o u g nosuch . > "$T/gnus" 2>&1 || true
		sed -i "s|^$(bin ls):|ls:|" "$T/ours"
		sed -i "s|^/usr/bin/ls:|ls:|" "$T/gnus"
		cmp "$T/gnus" "$T/ours" || { echo "$o"; diff "$T/gnus" "$T/ours"; return 1; }
	done
}

# vanish NAME LS ARGS... - LS ARGS with its first statx of NAME (or
# DIR/NAME) failing with ENOENT (strace's fault injection): a file gone
# between getdents64 and statx; the outputs in $T/out.LS
vanish() {
	local n=$1 p=$2 i
	shift 2
	strace -qq -o "$T/log" -e trace=statx "$p" "$@" > /dev/null 2>&1 || true
	i=$(grep -n "^statx(.*\"\([^\"]*/\)\?$n\"" "$T/log" | head -n 1 | cut -d: -f1)
	[ -n "$i" ] || { echo "$p: no statx of $n"; return 1; }
	strace -qq -o /dev/null -e trace=statx -e inject=statx:error=ENOENT:when="$i" \
		"$p" "$@" > "$T/out" 2>&1 || echo "status $?" >> "$T/out"
	sed -i "s|^$p:|ls:|" "$T/out"
}

@test "a file gone between getdents64 and statx (strace's injected ENOENT): '?' and GNU's message, exit 1" {
	command -v strace > /dev/null || skip "no strace"
	strace -qq -o /dev/null true 2> /dev/null || skip "strace cannot trace here"
	mkdir d
	touch d/a d/b d/c
	local o
	for o in -l -i -s -t -F -lL -Ci; do
		vanish b /usr/bin/ls $o d
		mv "$T/out" "$T/gnus"
		vanish b "$(bin ls)" $o d
		cmp "$T/gnus" "$T/out" || { echo "$o"; diff "$T/gnus" "$T/out"; return 1; }
		grep -q "^ls: cannot access 'd/b': No such file or directory" "$T/out"
	done
}

@test "-R 257 levels down (non-root): a directory that cannot be opened still gives status 1 (the depth was a byte)" {
	local p
	p=$(printf 'a/%.0s' $(seq 1 257))
	mkdir -p "$p"
	chmod 000 "$p"
	chmod 755 "$T"
	as_nobody
	ls_like_gnu -R a
	[ "$(cat "$T/gerr")" = "ls: cannot open directory '${p%/}': Permission denied" ]
	run "${as[@]}" "$(bin ls)" -R a
	[ "$status" -eq 1 ]
}

@test "-i: the inode from statx, as GNU (a mount point's, not readdir's); -1 -U: each unpadded, as GNU prints them as read" {
	ls_like_gnu -i /
	ls_like_gnu -1Ui /
	ls_like_gnu -1Uia /
	ls_like_gnu -1Ui / /usr
}

@test "peak RSS of runs with failed entries: -iL, -sL, -tL, -FL 16 KiB, -lL 20 (the messages' page); -RL 16 (its cycle check)" {
	ln -s nowhere dang
	ln -s loop loop
	touch a
	rss_error_at_most 16 ls -iL
	rss_error_at_most 16 ls -sL
	rss_error_at_most 16 ls -tL
	rss_error_at_most 16 ls -FL
	rss_error_at_most 20 ls -lL
	rm dang loop
	mkdir -p d/e
	ln -s d ld
	rss_at_most 16 ls -RL
}

@test "-l: an owner or group without a name is its number right-aligned beside the names, as GNU's format_user_or_group" {
	[ "$(id -u)" -eq 0 ] || skip "chown needs root"
	mkdir w
	cd w
	touch a b c d
	chown 4242:4243 b
	chown 65534:7 c
	chown 1:65534 d
	for o in -l -lo -lg -ln "-l --author" -ls "-lh --si"; do
		ls_like_gnu $o
	done
}
