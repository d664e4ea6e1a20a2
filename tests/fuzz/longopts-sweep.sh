#!/bin/bash
# longopts-sweep.sh BINDIR [UTILITY...] - every prefix of every GNU long
# option, alone and with "=" and "=x" after it, and "--=", ours (BINDIR/NAME)
# against GNU's (/usr/bin/NAME): stderr (program name replaced) and exit
# status, no operand, stdin /dev/null. GNU's own list of long options is
# its answer to "--=" (glibc: ambiguous, every option listed).
#
# Run by hand (not by make check: about four minutes an arch). It runs in a
# temporary directory (TMPDIR there too: mktemp --directory, sort
# --output=x write there) and removes it. Skipped, as the README says:
# what GNU answers with its help or version text (not supported here), the
# long options of the utilities that have none here, "--=" where the README
# lists it, a prefix of --help or --version with "=VALUE" in dd, and the
# options the README says are refused (ls
# --context --dired --hyperlink, cksum --check). Prints each difference and
# ends with "N cases, N differences"; exit status 1 when there was any.
set -u
bin=$(cd "$1" && pwd); shift
[ $# -gt 0 ] || set -- $(ls "$bin")
export LC_ALL=C TZ=UTC
work=$(mktemp -d /tmp/longopts-sweep.XXXXXX)
trap 'chmod -R u+w "$work" 2>/dev/null; rm -rf "$work"' EXIT
export TMPDIR=$work/t
# the utilities without long options here (README: the general notes)
none=" basename cat dirname dd link unlink printenv pwd sleep tty uname yes "
# "--=" answered "unrecognized option" (README)
eqempty=" basename cat comm dd dirname expand link printenv pwd seq sleep tty uname unexpand unlink yes "
# a prefix of --help or --version with =VALUE: "unrecognized option" (README)
helpval=" dd "
cases=0 diffs=0
run() { # BIN ARG: "stderr|status", the program's path replaced by its name
	rm -rf "$work/t" "$work/c"; mkdir -p "$work/t" "$work/c"
	(cd "$work/c" && timeout 2 "$1" "$2" </dev/null >"$work/out" 2>"$work/err"
	 echo "$?" >"$work/rc")
	printf '%s|%s' "$(tr -d '\0' <"$work/err" | sed "s#$1#${1##*/}#g")" "$(cat "$work/rc")"
}
for u in "$@"; do
	[ -x "/usr/bin/$u" ] || continue
	case $u in yes|true|false|echo) continue;; esac
	case $none in *" $u "*) continue;; esac
	names=$(/usr/bin/$u --= </dev/null 2>&1 | sed -n "s/.*possibilities: //p" | tr -d "'")
	args="--= --=x"
	for n in $names; do
		n=${n#--}
		for ((i = 1; i <= ${#n}; i++)); do
			p=${n:0:i}
			args="$args --$p --$p= --$p=x"
		done
	done
	for a in $(printf '%s\n' $args | awk '!seen[$0]++'); do
		case $a in --=*) case $eqempty in *" $u "*) continue;; esac;; esac
		case $u:$a in ls:--con*|ls:--di*|ls:--hy*|cksum:--c|cksum:--c=*|cksum:--ch*) continue;; esac
		g=$(run "/usr/bin/$u" "$a")
		grep -q -e "Usage:" -e "GNU coreutils" -e "Written by" "$work/out" && continue
		case $a in --h*=*|--v*=*)
			case $helpval in *" $u "*)
				case $g in *"option '--help' doesn't"*|*"option '--version' doesn't"*) continue;; esac;;
			esac;;
		esac
		o=$(run "$bin/$u" "$a")
		cases=$((cases + 1))
		if [ "$o" != "$g" ]; then
			diffs=$((diffs + 1))
			printf '== %s %s\n   ours: %s\n   GNU:  %s\n' "$u" "$a" "$o" "$g"
		fi
	done
done
echo "$cases cases, $diffs differences"
[ "$diffs" -eq 0 ]
