#!/usr/bin/env bats
# mv across file systems (this disk to /dev/shm's tmpfs, or to a ramfs that
# has no xattrs) keeps extended attributes and POSIX ACLs as GNU's mv does
# (cp -a's copy plus xattrs: user.*, trusted.* and security.* as root, not
# what /etc/xattr.conf excludes), of files, directories and symlinks; a
# failure to set them (ENOTSUP on ramfs) is silent and the move goes on
# (status 0), but for the ACLs' "preserving permissions" (GNU's copy_acl);
# as nobody a read-only file's are copied too (GNU's u+w while setting
# them), and a directory whose entry cannot be removed is left without
# "Directory not empty" (GNU rm's mark_ancestor_dirs). Each batch runs ours
# in ours/N and GNU's in gnus/N (each with ./s on the other file system)
# and compares status, stdout, stderr and every path's mode and xattrs.
load helpers

# tree DIR... - helpers.bash's xattr_tree for mv
tree() { xattr_tree mv "$@"; }

# like_gnu SETUP ARGS... - helpers.bash's xattr_like_gnu for mv
like_gnu() { XL_OTHER_FS=1 xattr_like_gnu mv "$@"; }

as=()

# shmtree DIR... - tree, and DIR/s a link to a new directory on /dev/shm
# ($shm/N.ours, $shm/N.gnus: removed by teardown with $shm)
shmtree() {
	local d
	tree "$@" || return 1
	for d; do
		mkdir "$shm/${d//\//.}" && ln -s "$shm/${d//\//.}" "$d/s" || return 1
		[ ${#as[@]} -eq 0 ] || chown -R 65534:65534 "$d" "$shm/${d//\//.}"
	done
}

@test "mv to another file system (tmpfs): files', directories', symlinks' xattrs and ACLs kept as GNU's, -v's lines" {
	shm_dir mvx
	like_gnu shmtree "f s/" "d s/" "l s/" "ro s/" "a s/" "ad s/" "-v f s/n" "-v d s/n" "-v l s/n" \
		"-v a s/n" "-v ad s/n" "-v f d l s/"
	grep -q '^ours/1/s/:f 0o100644 5 .*user.x=31' res/dump
}

@test "mv to a file system without xattrs (ramfs): the move made, no message but the ACLs' (GNU's copy_acl), status 0, as GNU's" {
	command -v unshare > /dev/null || skip "unshare missing"
	[ "$(id -u)" -eq 0 ] || skip "not root"
	ramtree() { tree "$@" && for d; do mkdir "$d/s" && mount -t ramfs none "$d/s" || return 1; done; }
	run unshare -m --propagation private bash -c "$(declare -f xdump xattr_like_gnu xattr_tree tree ramtree like_gnu); as=(); SUBK_BIN='$SUBK_BIN'; like_gnu ramtree \"\$@\"" sh \
		"-v f s/" "-v d s/" "-v l s/" "-v a s/" "-v ad s/"
	echo "$output"
	[ "$status" -eq 0 ]
	[ ! -s res/o1.err ] && [ -s res/o4.err ]
}

@test "mv as nobody across file systems: a read-only file's and a directory's xattrs kept (GNU's u+w while set), modes kept; the source's removal as GNU's rm" {
	as_nobody
	[ ${#as[@]} -gt 0 ] || skip "not root"
	shm_dir mvx
	chmod 755 . "$shm"
	nobodytree() {
		local d
		shmtree "$@" || return 1
		for d; do
			"${as[@]}" bash -c 'cd "$1" && mkdir rd && echo x > rd/x && python3 -c "import os; os.setxattr(\"rd\", \"user.s\", b\"s\")" && chmod 555 rd' sh "$d" || return 1
		done
	}
	like_gnu nobodytree "f s/" "d s/" "rd s/" "ro s/"
	grep -q '^ours/4/s/:ro 0o100444 3 user.r=72$' res/dump
	chmod -R u+w ours gnus "$shm"
}
