#!/usr/bin/env bats
# ls -l's mark after the mode, as GNU's: '+' for a POSIX ACL (an access ACL,
# a directory's default one), '.' for an SELinux context other than
# "unlabeled" (security.selinux: root can set it without SELinux), and the
# column in every line of a listing that has one. Made with setfacl and
# setfattr (packages acl and attr; `make check` installs them), on the
# temporary directory's file system: skipped where it takes no ACL.
load helpers

# mkacl - ./w: files and directories with and without ACLs, contexts and
# other attributes, links to them; skips when the file system takes none
mkacl() {
	mkdir w && cd w
	touch plain acl ctx unl user both
	mkdir dacl ddef dplain
	setfacl -m u:nobody:r acl 2>/dev/null || skip "no ACLs on this file system"
	setfacl -m u:nobody:rx dacl
	setfacl -d -m u:nobody:rx ddef
	setfattr -n security.selinux -v system_u:object_r:etc_t:s0 ctx 2>/dev/null || skip "no security.* attributes here"
	setfattr -n security.selinux -v unlabeled unl
	setfattr -n user.note -v x user 2>/dev/null || :
	setfacl -m u:nobody:r both
	setfattr -n security.selinux -v system_u:object_r:etc_t:s0 both
	ln -s acl lacl
	ln -s ctx lctx
	ln -s nowhere dang
	ln -s ddef lddef
	touch dplain/x
	setfacl -m u:nobody:r dplain/x
}

@test "-l: '+' for an ACL, '.' for a context, the column in every line, like GNU" {
	mkacl
	local o
	for o in -l -la -lL -ln -lgo -li -ls -lF -lR -lU --full-time -lh -lt; do
		ls_like_gnu $o
	done
}

@test "-l of operands, -d, -H and -L through symlinks, like GNU" {
	mkacl
	ls_like_gnu -l acl plain
	ls_like_gnu -l plain user
	ls_like_gnu -l ctx unl
	ls_like_gnu -ld ddef dplain dacl
	ls_like_gnu -l lacl lctx dang
	ls_like_gnu -lH lacl lctx lddef
	ls_like_gnu -lL lacl lctx lddef
	ls_like_gnu -l dplain ddef
	# a directory operand's mark counts for the files' listing (GNU's
	# gobble_file of every operand), though the directory is listed apart
	ls_like_gnu -l plain ddef dplain
	ls_like_gnu -l plain dplain
	ls_like_gnu -l "$PWD/dplain"
	ls_like_gnu -lR .
}

@test "-l with colors, and a listing with no mark: no column, like GNU" {
	mkacl
	ls_like_gnu -l --color=always
	cd dacl
	ls_like_gnu -l
	ls_like_gnu -l ..
}
