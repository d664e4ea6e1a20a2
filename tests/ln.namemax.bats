#!/usr/bin/env bats
# ln: gnulib's check_extension asks the directory's NAME_MAX (fpathconf,
# glibc's fstatfs f_namelen) before cutting a long backup name. Every
# other file system here says 255, so these run ours and GNU's in a FUSE
# file system of tests/namemaxfs.py (a passthrough over /dev/fuse whose
# statfs says another f_namelen), in a private mount namespace, and
# compare messages, statuses and the names left: numbered, existing and
# simple backups (ln -sf) of names around NAME_MAX, by name and into a directory
# (GNU's destdir_fd), as root and as nobody in a directory they cannot
# read (no fd to ask: statfs of its name, gnulib's pathconf of DIR/.).
load helpers

# namemax_compare NAMELEN - the comparison, inside the namespace
namemax_compare() {
	command -v unshare > /dev/null || skip "unshare missing"
	[ "$(id -u)" -eq 0 ] || skip "not root"
	[ -c /dev/fuse ] || skip "no /dev/fuse"
	command -v setpriv > /dev/null || skip "setpriv missing"
	mkdir b m
	chmod 755 "$T"
	cat > cmp.sh <<'SH'
M=$1; NL=$2; OURS=$3; n=0; bad=0
i=0; until [ "$(stat -f -c %l "$M" 2> /dev/null)" = "$NL" ]; do
	i=$((i + 1)); [ $i -lt 100 ] || { echo "no FUSE mount"; exit 77; }; sleep 0.05
done
for L in $(seq $((NL - 5)) $((NL + 4))); do
 name=$(printf 'n%.0s' $(seq $L))
 for form in plain dir; do
 for bk in numbered existing existing9 simple; do
 for who in root nobody; do
  [ $who = root ] || [ $bk != simple ] || continue
  out=()
  for p in "$OURS/ln" /usr/bin/ln; do
   find "$M" -mindepth 1 -delete
   mkdir "$M/sub" "$M/s"; echo s > "$M/src"; echo s > "$M/s/$name"; echo old > "$M/sub/$name"
   case $bk in *9) echo o9 > "$M/sub/$name.~9~" ;; esac
   as=()
   if [ $who = nobody ]; then
    chown -R nobody "$M/sub"; chmod 333 "$M/sub"
    as=(setpriv --reuid=65534 --regid=65534 --clear-groups)
   fi
   if [ $form = plain ]; then set -- src "sub/$name"; else set -- "s/$name" sub; fi
   r=$(cd "$M" && "${as[@]}" "$p" -sf "--backup=${bk%9}" "$@" 2>&1; echo "status $?")
   out+=("${r//"$p"/ln} $(ls -A "$M/sub" | od -c)")
  done
  n=$((n + 1))
  [ "${out[0]}" = "${out[1]}" ] ||
   { bad=$((bad + 1)); echo "differ: $L $form $bk $who"; printf '%s\n' "${out[@]}" | head -12; }
 done; done; done
done
echo "$n compared, $bad differ"
[ $bad -eq 0 ] && [ $n -ge 140 ]
SH
	run timeout 300 unshare -m sh -c 'mount --make-rprivate / &&
		{ python3 "$1/namemaxfs.py" b m "$2" & } &&
		bash cmp.sh "$PWD/m" "$2" "$SUBK_BIN"; s=$?; umount m; wait; exit $s' sh "$BATS_TEST_DIRNAME" "$1"
	echo "$output" | tail -30
	[ "$status" -ne 77 ] || skip "no FUSE file system could be mounted"
	[ "$status" -eq 0 ]
}

@test "NAME_MAX 40: backup names cut as GNU's" {
	namemax_compare 40
}

@test "NAME_MAX 12: names of 14 bytes or less never cut (_POSIX_NAME_MAX), longer ones as GNU's" {
	namemax_compare 12
}
