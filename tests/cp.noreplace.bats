#!/usr/bin/env bats
# cp, mv: a numbered backup is renamed with RENAME_NOREPLACE (gnulib's
# backup_file_rename: a name cut as check_extension cuts it may exist). On
# a file system without renameat2's flags (EINVAL) the rename is made
# without them, as gnulib's renameatu falls back. These run ours and GNU's
# in a FUSE file system of tests/namemaxfs.py that refuses the flags, in a
# private mount namespace, and compare statuses, messages and the names
# and contents left.
load helpers

@test "numbered backups on a file system without RENAME_NOREPLACE: as GNU's" {
	command -v unshare > /dev/null || skip "unshare missing"
	[ "$(id -u)" -eq 0 ] || skip "not root"
	[ -c /dev/fuse ] || skip "no /dev/fuse"
	mkdir b m
	cat > cmp.sh <<'SH'
M=$1; OURS=$2; bad=0; n=0
i=0; until [ "$(stat -f -c %T "$M" 2> /dev/null)" = fuseblk ]; do
	i=$((i + 1)); [ $i -lt 100 ] || { echo "no FUSE mount"; exit 77; }; sleep 0.05
done
for u in cp mv; do
 for bk in numbered existing t; do
  out=()
  for p in "$OURS/$u" /usr/bin/$u /bin/$u; do
   [ -x "$p" ] || continue
   find "$M" -mindepth 1 -delete
   r=""
   for i in 1 2 3; do
    echo "s$i" > "$M/src"; echo "d$i" > "$M/f"
    r="$r $(cd "$M" && "$p" -v "--backup=$bk" src f 2>&1; echo "status $?")"
   done
   r="${r//"$p"/$u} $(cd "$M" && for f in *; do printf '%s=%s ' "$f" "$(cat "$f")"; done)"
   out+=("$r")
   [ ${#out[@]} -lt 2 ] || break
  done
  n=$((n + 1))
  [ "${out[0]}" = "${out[1]}" ] || { bad=$((bad + 1)); printf 'differ: %s\n' "$u $bk" "${out[@]}"; }
  echo "${out[0]}"
 done
done
echo "$n compared, $bad differ"
[ $bad -eq 0 ] && [ $n -eq 6 ]
SH
	run timeout 120 unshare -m sh -c 'mount --make-rprivate / &&
		{ python3 "$1/namemaxfs.py" b m 255 noflags & } &&
		bash cmp.sh "$PWD/m" "$SUBK_BIN"; s=$?; umount m; wait; exit $s' sh "$BATS_TEST_DIRNAME"
	echo "$output" | tail -40
	[ "$status" -ne 77 ] || skip "no FUSE file system could be mounted"
	[ "$status" -eq 0 ]
	# the fallback was needed: ours made all three backups
	[[ "$output" == *"f.~3~=d3"* ]]
}
