#!/usr/bin/env bats
# cp -p, -a and mv across file systems as a user: a file of another owner
# whose chown is refused keeps its group when the user is in it (GNU's
# set_owner: fchown (-1, gid) after EPERM); a symlink does not (GNU's
# lchownat alone). Ours lost the group. Run as nobody with the group
# "users" as a supplementary group, against GNU's.
load helpers

as_member() { setpriv --reuid=nobody --regid=nogroup --groups="$(getent group users | cut -d: -f3)" "$@"; }

need_root() {
	[ "$(id -u)" -eq 0 ] || skip "not root"
	command -v setpriv > /dev/null || skip "setpriv missing"
	getent group users > /dev/null || skip "no group users"
	chmod 755 "$T"
}

# tree P OPTS - a fresh w/ with f, d, p, l (root:users) and g (root:root),
# then P OPTS on them into w/o as a member of users: status, messages, the
# owners and modes of what was made
cp_tree() {
	rm -rf w && mkdir w && chmod 777 w && cd w || return 1
	echo x > f; chmod 2755 f; mkdir d; chmod 2775 d; mkfifo p; ln -s f l
	echo y > g; chown root:users f d p; chown -h root:users l
	mkdir o; chmod 777 o
	local s=0; as_member "$1" "${@:2}" f d p l g o/ 2>&1 | sed 's#^[^:]*/cp:#cp:#' || s=$?
	echo "status $s"; stat -c '%n %U:%G %A' o/*
	cd .. || return 1
}

@test "cp -p as a user in the source's group: the group kept as GNU's" {
	need_root
	for o in -pPR -a "--preserve=ownership -R"; do
		# shellcheck disable=SC2086
		cp_tree "$(bin cp)" $o > ours
		# shellcheck disable=SC2086
		cp_tree /usr/bin/cp $o > gnus
		diff gnus ours
		grep -q 'o/f nobody:users' ours
	done
}

@test "mv across file systems as a user in the source's group: the group kept as GNU's" {
	need_root
	cat > mvt.sh <<'SH'
as_member() { setpriv --reuid=nobody --regid=nogroup --groups="$(getent group users | cut -d: -f3)" "$@"; }
rm -rf w; mkdir w; chmod 777 w; cd w || exit 1; mkdir m; mount -t tmpfs -o mode=2777 none m || exit 77
echo 1 > f; mkfifo p; mkdir d; chmod 777 d; chown root:users f p d; ln -s f l; chown -h root:users l
as_member "$1" f p d l m/ 2>&1 | sed 's#^[^:]*/mv:#mv:#'
stat -c '%n %U:%G %A' m/*
umount m
SH
	ns_like_gnu mvt.sh mv
	[[ "$ours" == *"m/f nobody:users"* ]]
}
