#!/usr/bin/env bats
# The macro library itself, through the small programs in tests/lib/.
load helpers

ROOT=$(cd "$BATS_TEST_DIRNAME/.." && pwd)

# build NAME - assemble tests/lib/NAME.asm for the arch under test into $T
build() {
	nasm -f bin -DARCH="$(arch)" -I"$ROOT/asm/lib/" -I"$ROOT/build/gen/$(arch)/" \
		-o "$T/$1" "$ROOT/tests/lib/$1.asm" && chmod +x "$T/$1"
}

# says_like_glibc PROG: PROG (built from tests/lib/, run as "strerror")
# says its 133 messages on stderr, each glibc's strerror text or, for an
# errno it does not carry, "Unknown error N"; exit status 1.
says_like_glibc() {
	[ -x want ] || {
		printf '#include <stdio.h>\n#include <string.h>\nint main(void){for(int i=1;i<=133;i++)printf("strerror: %%s: %%s\\n","'"'a b'"'",strerror(i));return 0;}\n' > want.c
		gcc -o want want.c
		./want > want.txt
	}
	run bash -c "exec -a strerror ./$1 2>got.txt"
	[ "$status" -eq 1 ]
	[ "$(wc -l < got.txt)" -eq 133 ]
	local n=0 got want
	while IFS= read -r got <&3 && IFS= read -r want <&4; do
		n=$((n + 1))
		[ "$got" = "$want" ] || [ "$got" = "strerror: 'a b': Unknown error $n" ]
	done 3<got.txt 4<want.txt
}

@test "every packed strerror text is glibc's, quoting included" {
	build strerror
	says_like_glibc strerror
	# and the texts the README lists are really there
	for e in 1 2 5 9 11 12 13 17 18 20 21 22 23 24 25 26 27 28 29 30 31 32 36 39 40 75 122; do
		sed -n "${e}p" got.txt | grep -v 'Unknown error'
	done
}

@test "the lean error path (ERR_LEAN) says every text as glibc does" {
	# the first utilities' say: err_file's quoting and, without it,
	# err_quoted with quote() inline; the texts in reverse order
	build strerror_lean
	nasm -f bin -DARCH="$(arch)" -DERR_LEAN -I"$ROOT/asm/lib/" -I"$ROOT/build/gen/$(arch)/" \
		-o "$T/strerror_file" "$ROOT/tests/lib/strerror.asm" && chmod +x "$T/strerror_file"
	for prog in strerror_lean strerror_file; do
		says_like_glibc $prog
		[ "$(grep -c 'Unknown error' got.txt)" -eq 101 ]
	done
}

@test "lseek64 reads offsets past 4 GiB on both arches" {
	build seek
	truncate -s 5000000001 big
	run ./seek big
	[ "$status" -eq 0 ]
	[ "$output" = "1 705032705" ]
}

@test "getopt: clusters, arguments, permutation, -- and -" {
	build getopt
	run ./getopt x -ab -n5 y -n 7 - -- -a z
	[ "$status" -eq 0 ]
	[ "$(tr '\n' ' ' <<<"$output")" = "a b n=5 n=7 -- x y - -a z " ]
	run ./getopt -bn ""
	[ "$(tr '\n' ' ' <<<"$output")" = "b n= -- " ]
}

@test "getopt: GNU's messages and status for bad options" {
	build getopt
	run bash -c 'exec -a prog ./getopt -q 2>&1'
	[ "$status" -eq 1 ]
	[ "$output" = "prog: invalid option -- 'q'
Try 'prog --help' for more information." ]
	run bash -c 'exec -a prog ./getopt -an 2>&1'
	[ "$status" -eq 1 ]
	[ "${lines[1]}" = "prog: option requires an argument -- 'n'" ]
	[ "${lines[0]}" = "a" ]
	run bash -c 'exec -a prog ./getopt --foo 2>&1'
	[ "$output" = "prog: unrecognized option '--foo'
Try 'prog --help' for more information." ]
}

@test "file names are quoted exactly as GNU quotes them" {
	build quote
	names=('a b' "it's" 'a=b' 'x^y' '~x' 'a~' '#a' 'a#' '' 'a$b' "a'b c" $'a\nb'
		$'\x80z' $'\xc3\xa9' 'a{b}' 'a]' 'a,b' 'a%b' 'a+b' 'a@b' 'a!b' "it's \$x"
		"a'b!" $'a\'b\tc' $'\x1b' $'\x7f' "'" $'a\x01b' 'plain' '--x'
		'a"b' "a'b\"c" 'a\b' 'tab	x' $'\a\b\f\v\r' "a'b*" 'a b c' "''")
	for c in ' ' '!' '"' '#' '$' '%' '&' '(' ')' '*' '+' ',' '-' '.' '/' ':' ';' \
		'<' '=' '>' '?' '@' '[' '\' ']' '^' '_' '`' '{' '|' '}' '~'; do
		names+=("a'b${c}c" "x${c}" "${c}y")
	done
	run bash -c 'cd /nonexistent-dir-for-subk 2>/dev/null; exec -a cat ./quote "$@" 2>&1' sh "${names[@]}"
	ours=$output
	run bash -c 'exec -a cat /usr/bin/cat -- "$@" 2>&1' sh "${names[@]}"
	[ "$ours" = "$output" ] || { diff <(echo "$ours") <(echo "$output"); false; }
}

@test "strcmp orders unsigned bytes as the C locale does; envp at start" {
	build strcmp
	check() { run env -i FIRST=1 ./strcmp "$1" "$2"; [ "${lines[0]}" = "$3" ] && [ "${lines[1]}" = "FIRST=1" ]; }
	check abc abc =
	check abc abd '<'
	check abd abc '>'
	check ab abc '<'
	check abc ab '>'
	check '' '' =
	check '' a '<'
	check $'\x80' a '>'
	check a $'\xff' '<'
	check B a '<'
}

@test "atou parses decimal words with overflow detection; utoa prints them" {
	build atou
	if [ "$(arch)" = x86_64 ]; then max=18446744073709551615 over=18446744073709551616; else max=4294967295 over=4294967296; fi
	run ./atou 0 7 42x 007 "" x12 "$max" "$over" 99999999999999999999999 123
	[ "$status" -eq 0 ]
	[ "${lines[0]}" = "0 rest=" ]
	[ "${lines[1]}" = "7 rest=" ]
	[ "${lines[2]}" = "42 rest=x" ]
	[ "${lines[3]}" = "7 rest=" ]
	[ "${lines[4]}" = "error" ]
	[ "${lines[5]}" = "error" ]
	[ "${lines[6]}" = "$max rest=" ]
	[ "${lines[7]}" = "error" ]
	[ "${lines[8]}" = "error" ]
	[ "${lines[9]}" = "123 rest=" ]
}
