#!/usr/bin/env bats
# cp --no-preserve=mode and --no-preserve=all: what difftest cannot
# express: its cases run as a non-root user (their skip-if-root ones
# too), the ACLs (a destination directory's default ACL: GNU's set_acl
# leaves a made file only the minimal ACL of 0666 less the umask, a made
# directory its inherited default ACL; a source's extended ACL not
# copied), a set-gid directory whose group the user is not in (the kernel
# clears the bit, as for GNU), a file system without ACLs (ramfs: gnulib's
# chmod fallback), and peak RSS.
load helpers

# acl_tree DIR - each path under DIR with its mode and extended attributes
# (hex values), sorted
acl_tree() {
	python3 - "$1" <<'PY'
import os, sys
root = sys.argv[1]
for dp, dns, fns in os.walk(root):
    for n in dns + fns:
        p = os.path.join(dp, n)
        st = os.lstat(p)
        xs = [] if os.path.islink(p) else sorted((x, os.getxattr(p, x).hex()) for x in os.listxattr(p))
        print(os.path.relpath(p, root), oct(st.st_mode), st.st_gid, xs)
PY
}

# acl_setup DIR - P with a default ACL (user 65534 rwx), a sticky source
# directory, a setuid file, a FIFO, a file with an extended access ACL,
# a/b for --parents
acl_setup() {
	mkdir -p "$1" && (cd "$1" && python3 - <<'PY'
import os, struct
U = 0xffffffff
def acl(es):
    return struct.pack('<I', 2) + b''.join(struct.pack('<HHI', *e) for e in es)
os.mkdir('P'); os.chmod('P', 0o777)
os.setxattr('P', 'system.posix_acl_default', acl([(1,7,U),(2,7,65534),(4,5,U),(0x10,7,U),(0x20,5,U)]))
os.mkdir('s'); os.chmod('s', 0o1750)
open('s/x', 'w').write('x'); os.chmod('s/x', 0o640)
open('f', 'w').write('f'); os.chmod('f', 0o4755)
os.mkfifo('ff', 0o640)
os.makedirs('a/b')
open('e', 'w').write('e')
os.setxattr('e', 'system.posix_acl_access', acl([(1,6,U),(2,6,65534),(4,4,U),(0x10,6,U),(0x20,4,U)]))
PY
	)
}

# acl_runs CP DIR UMASK - the --no-preserve runs in DIR, as "${as[@]}"
acl_runs() {
	(cd "$2" && for c in '--no-preserve=mode f P/g' '-r --no-preserve=mode s P/d' \
		'-r --no-preserve=mode ff P/fifo' '-a --no-preserve=mode s P/ad' \
		'--no-preserve=all e P/e2' '--no-preserve=mode e e3' \
		'-a --no-preserve=mode e P/e4' '-p --no-preserve=mode e P/e5' \
		'--parents --no-preserve=mode a/b P' '-r --no-preserve=mode P P2'; do
		"${as[@]}" sh -c "umask $3; \"\$0\" $c; echo \"\$?\"" "$1" 2>&1 | sed "s|$1|cp|"
	done)
}

acl_like_gnu() {
	for u in 022 077 0; do
		rm -rf g o
		acl_setup g && acl_setup o
		chmod -R a+rwX g o
		[ ${#as[@]} -eq 0 ] || chown -R 65534:65534 g o
		acl_runs /usr/bin/cp g $u > g.out
		acl_runs "$(bin cp)" o $u > o.out
		acl_tree g >> g.out
		acl_tree o >> o.out
		diff g.out o.out
	done
}

@test "the cases as a non-root user" {
	user_cases cp cp.nopreserve.cases
}

@test "ACLs: a default ACL inherited then replaced by the minimal one, as GNU (root)" {
	python3 -c 'import os; os.setxattr(".", "user.t", b"1")' 2> /dev/null || skip "no xattrs here"
	as=()
	acl_like_gnu
}

@test "ACLs, as GNU (a user)" {
	as_nobody
	[ ${#as[@]} -gt 0 ] || skip "not root"
	chmod 755 "$T"
	acl_like_gnu
}

@test "a set-gid directory of a group the user is not in: the bit cleared, as GNU" {
	as_nobody
	[ ${#as[@]} -gt 0 ] || skip "not root"
	chmod 755 "$T"
	for w in g o; do
		mkdir -p $w/pg $w/s && echo x > $w/s/x && chmod 1750 $w/s
		chown -R 65534:0 $w && chmod 2777 $w/pg
	done
	(cd g && "${as[@]}" /usr/bin/cp -r --no-preserve=mode s pg/c)
	(cd o && "${as[@]}" "$(bin cp)" -r --no-preserve=mode s pg/c)
	[ "$(stat -c '%a %g' g/pg/c g/pg/c/x)" = "$(stat -c '%a %g' o/pg/c o/pg/c/x)" ]
	# as root the bit stays
	for w in g o; do rm -rf $w/pg/c; done
	(cd g && /usr/bin/cp -r --no-preserve=mode s pg/c)
	(cd o && "$(bin cp)" -r --no-preserve=mode s pg/c)
	[ "$(stat -c '%a' o/pg/c)" = 3755 ]
	[ "$(stat -c '%a %g' g/pg/c g/pg/c/x)" = "$(stat -c '%a %g' o/pg/c o/pg/c/x)" ]
}

@test "a file system without ACLs (ramfs): the chmod fallback, as GNU" {
	command -v unshare > /dev/null || skip "unshare missing"
	[ "$(id -u)" -eq 0 ] || skip "not root"
	mkdir -p s m && echo x > s/x && chmod 4755 s/x && mkfifo s/ff && chmod 1640 s/ff && chmod 1750 s
	run unshare -m sh -c 'mount -t ramfs r m || exit 99
		cd m && mkdir g o
		for w in g o; do
			[ $w = g ] && p=/usr/bin/cp || p="$1"
			"$p" -r --no-preserve=mode ../s $w/d; echo $?
			"$p" -a --no-preserve=all ../s $w/a; echo $?
			"$p" --no-preserve=mode ../s/x $w/x; echo $?
			(cd $w && stat -c "%n %a" d d/* a a/* x)
		done' sh "$(bin cp)"
	[ "$status" -ne 99 ] || skip "no ramfs"
	echo "$output"
	[ "$status" -eq 0 ]
	[ "${#lines[@]}" -eq 20 ]
	for i in $(seq 0 9); do
		[ "${lines[$i]}" = "${lines[$((i + 10))]}" ]
	done
	[ "${lines[0]}" = 0 ] && [ "${lines[1]}" = 0 ] && [ "${lines[2]}" = 0 ]
}

@test "peak RSS: a trivial copy 16 KiB, with --no-preserve=mode 32 KiB" {
	echo x > a
	rss_at_most 16 cp a b
	rss_at_most 32 cp --no-preserve=mode a c
	rss_at_most 32 cp --no-preserve=all a e
	mkdir d && echo y > d/y
	rss_at_most 32 cp -r --no-preserve=mode d c2
}
