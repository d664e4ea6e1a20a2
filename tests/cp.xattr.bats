#!/usr/bin/env bats
# cp's extended attributes and ACLs against GNU's cp on the same inputs
# (difftest cannot make xattrs): -a, --preserve=xattr, --preserve=all copy
# them (user.*, trusted.* and security.* as root; not what /etc/xattr.conf
# excludes: security.evm, user.Beagle.*, xfs's trusted.SGI_*...), -p, -r and
# --no-preserve=xattr do not; files, directories, symlinks (not followed),
# FIFOs; POSIX ACLs with the mode (-p, -a, --preserve=mode, --parents'
# directories: GNU's copy_acl); a file system without xattrs (ramfs:
# ENOTSUP): --preserve=xattr's message and status 1, -a silent,
# --preserve=all silent, --attributes-only's message with status 0, the
# ACLs' "preserving permissions"; as nobody: a read-only file's attributes
# (GNU makes it u+w while setting them) and a refused one (root's sticky
# directory: EPERM) in GNU's words. Each batch runs ours in ours/N and GNU's
# in gnus/N and compares status, stdout, stderr and every path's mode and
# xattrs (one python3 makes all inputs, one dumps all trees: fast).
load helpers

# setx PATH NAME VALUE - set an extended attribute (not followed)
setx() {
	python3 -c 'import os, sys; os.setxattr(sys.argv[1], sys.argv[2], sys.argv[3].encode(), follow_symlinks=False)' "$@"
}

# tree DIR... - helpers.bash's xattr_tree for cp
tree() { xattr_tree cp "$@"; }

# like_gnu SETUP ARGS... - helpers.bash's xattr_like_gnu for cp
like_gnu() { XL_CHOWN=1 xattr_like_gnu cp "$@"; }

as=()

@test "cp -a, --preserve=xattr, --preserve=all: xattrs of files, directories, symlinks, FIFOs as GNU copies them (not followed; -L, -H and a DEST symlink followed); -p, -r, --no-preserve=xattr: none" {
	[ "$(id -u)" -eq 0 ] || skip "not root (trusted.*)"
	like_gnu tree "-a f n" "--preserve=xattr f n" "--preserve=all f n" "--preserve=mode,xattr f n" \
		"-p f n" "f n" "-a --no-preserve=xattr f n" "--preserve=xattr --no-preserve=links f n" \
		"--no-preserve=xattr --preserve=all f n" "-a f e" "--preserve=xattr f e" "-a ro n" \
		"--preserve=xattr ro n" "-a d n" "-r --preserve=xattr d n" "-R --preserve=all d n" "-rp d n" \
		"-a l n" "-R --preserve=xattr l n" "-r l n" "-a p n" "-r --preserve=xattr p n" \
		"-rT --preserve=xattr d e2" "-L --preserve=xattr l n" "-aL l n" "-H --preserve=xattr l n" \
		"--preserve=xattr f l" "-a --attributes-only f e" "--attributes-only --preserve=xattr d/g e" \
		"-a f d" "-a --parents d/g d"
	grep -q 'user.big=7676' res/dump
}

@test "cp -p, -a, --preserve=mode copy POSIX ACLs as GNU's copy_acl (the xattrs system.posix_acl_*, --parents' directories too); --preserve=xattr, -r do not" {
	like_gnu tree "-p a n" "-a a n" "--preserve=mode a n" "--preserve=xattr a n" "a n" \
		"-a --no-preserve=xattr a n" "-rp ad n" "-a ad n" "-r --preserve=xattr ad n" "-r ad n" \
		"-p a e" "-a --parents ad/h d" "-p --parents ad/h d" "--parents --preserve=xattr ad/h d"
	grep -q '^ours:8/n 0o40775 - system.posix_acl_access=.* system.posix_acl_default=' res/dump
}

@test "cp onto a file system without xattrs (ramfs): --preserve=xattr's messages and status 1, -a and --preserve=all silent, the ACLs' 'preserving permissions', as GNU" {
	command -v unshare > /dev/null || skip "unshare missing"
	[ "$(id -u)" -eq 0 ] || skip "not root"
	ramtree() { tree "$@" && for d; do mkdir "$d/r" && mount -t ramfs none "$d/r" || return 1; done; }
	run unshare -m --propagation private bash -c "$(declare -f xdump xattr_like_gnu xattr_tree tree ramtree like_gnu); as=(); SUBK_BIN='$SUBK_BIN'; like_gnu ramtree \"\$@\"" sh \
		"--preserve=xattr f r/f" "-a f r/f" "--preserve=all f r/f" "-r --preserve=xattr d r/d" \
		"-a d r/d" "-a --attributes-only f r/f" "--preserve=xattr ro l r" "-a --no-preserve=xattr f r/f" \
		"-p a r/a" "-a a r/a" "--preserve=xattr a r/a" "-rp ad r/ad"
	echo "$output"
	[ "$status" -eq 0 ]
	grep -q "cp: setting attributes for 'r/f': Operation not supported" res/o1.err
}

@test "cp as nobody: a read-only file's and directory's xattrs copied as GNU's (u+w while set), their modes kept; an attribute refused (root's sticky directory: EPERM) in GNU's words, status 1 only with --preserve=xattr" {
	as_nobody
	[ ${#as[@]} -gt 0 ] || skip "not root"
	chmod 755 .
	stickyroot() { tree "$@" && for d; do chown 0:0 "$d/s" && chmod 1777 "$d/s" || return 1; done; }
	like_gnu stickyroot "-a ro n" "--preserve=xattr ro n" "--preserve=all ro n" "-p ro n" \
		"-ra rd n" "-r --preserve=xattr rd n" "-r --preserve=all rd n" "-rp rd n" \
		"-rT --preserve=xattr d s" "-rT --preserve=all d s" "-rT -a d s" "-rT --preserve=mode d s"
	grep -q '^ours:1/n 0o100444 3 user.r=72$' res/dump
	grep -q "^cp: setting attribute 'user.q' for 'user.q': Operation not permitted" res/o9.err
}

@test "peak RSS of cp -a, -p of a file with xattrs: the xattrs' own page and cbuf's; -p of one without: 16 KiB" {
	echo x > f
	setx f user.a 1
	setx f user.b 2
	rss_at_most 24 cp -a f g
	rss_at_most 36 cp --preserve=xattr f h
	rss_at_most 24 cp -p f i
	echo y > y
	rss_at_most 16 cp -p y j
	[ "$(getfattr_py g)" = "$(getfattr_py f)" ]
}

getfattr_py() {
	python3 -c 'import os, sys; print(sorted((n, os.getxattr(sys.argv[1], n)) for n in os.listxattr(sys.argv[1])))' "$1"
}
