#!/usr/bin/env bats
# env: how it runs commands (126/127, scripts, PATH), environments difftest
# cannot build (duplicates, a variable without '='), big environments and
# write errors. Each test compares with GNU's /usr/bin/env where it can.
load helpers
bats_require_minimum_version 1.5.0

# same ARGS...: our env and GNU's give the same stdout, stderr and status
same() {
	ours=$("$(bin env)" "$@" 2>&1; echo ":$?")
	gnu=$(/usr/bin/env "$@" 2>&1; echo ":$?")
	[ "$ours" = "${gnu//\/usr\/bin\/env/$(bin env)}" ]
}

@test "env -i runs /usr/bin/printenv with an empty environment" {
	run "$(bin env)" -i /usr/bin/printenv
	[ "$status" -eq 0 ]
	[ -z "$output" ]
	run "$(bin env)" -i A=1 'B=x y' /usr/bin/printenv
	[ "$output" = "$(printf 'A=1\nB=x y')" ]
}

@test "env -i finds printenv in the default PATH /bin:/usr/bin" {
	run "$(bin env)" -i A=1 printenv A
	[ "$status" -eq 0 ]
	[ "$output" = 1 ]
}

@test "a file without execute permission: 126, 'Permission denied'" {
	printf '#!/bin/sh\necho hi\n' > script
	chmod 644 script
	run "$(bin env)" ./script
	[ "$status" -eq 126 ]
	[ "$output" = "$(bin env): './script': Permission denied" ]
	same ./script
}

@test "a script without #! is run by /bin/sh with its arguments" {
	printf 'echo "$0" "$#" "$@"\n' > script
	chmod 755 script
	run "$(bin env)" ./script 'a b' ''
	[ "$status" -eq 0 ]
	[ "$output" = "./script 2 a b " ]
	same ./script 'a b' ''
}

@test "a script without #! found in PATH gets the path PATH made" {
	mkdir bin
	printf 'echo "$0" "$@"\n' > bin/cmd
	chmod 755 bin/cmd
	run "$(bin env)" PATH="$T/bin" cmd x
	[ "$output" = "$T/bin/cmd x" ]
	same PATH="$T/bin" cmd x
}

@test "an executable that is no program and no script: /bin/sh's complaint" {
	printf '\177ELF\002\001\001garbage\000\000' > prog
	chmod 755 prog
	same ./prog
}

@test "a #! interpreter that does not exist: 127, the script's name" {
	printf '#!/nonexistent/sh\n' > script
	chmod 755 script
	run -127 "$(bin env)" ./script
	[ "$output" = "$(bin env): './script': No such file or directory" ]
	same ./script
}

@test "not found: 127; found only without permission: 126" {
	run -127 "$(bin env)" nosuch-command-xyz
	[ "$output" = "$(bin env): 'nosuch-command-xyz': No such file or directory" ]
	mkdir a b
	printf 'echo no\n' > b/cmd
	run "$(bin env)" PATH="$T/a:$T/b:$T/c" cmd
	[ "$status" -eq 126 ]
	[ "$output" = "$(bin env): 'cmd': Permission denied" ]
	same PATH="$T/a:$T/b:$T/c" cmd
}

@test "PATH: a later directory with the program wins over an earlier denial" {
	mkdir a b
	printf 'echo no\n' > a/cmd
	printf 'echo yes\n' > b/cmd
	chmod 755 b/cmd
	run "$(bin env)" PATH="$T/a:$T/b" cmd
	[ "$status" -eq 0 ]
	[ "$output" = yes ]
}

@test "PATH: a program in the current directory through an empty element" {
	printf 'echo here\n' > cmd
	chmod 755 cmd
	run "$(bin env)" PATH=/nonexistent: cmd
	[ "$output" = here ]
	same PATH=/nonexistent: cmd
}

@test "a PATH element too long for a file name: 'File name too long', 126" {
	long=$(head -c 5000 /dev/zero | tr '\0' d)
	run "$(bin env)" PATH="$long" cmd
	[ "$status" -eq 126 ]
	[ "$output" = "$(bin env): 'cmd': File name too long" ]
}

@test "the command gets its arguments as they are" {
	run "$(bin env)" /usr/bin/printf '[%s]' '' 'a b' '-i' '--' 'x=y'
	[ "$output" = "[][a b][-i][--][x=y]" ]
}

@test "the exit status and a signal pass through exec" {
	run "$(bin env)" sh -c 'exit 42'
	[ "$status" -eq 42 ]
	run "$(bin env)" sh -c 'kill -TERM $$'
	[ "$status" -eq 143 ]
}

@test "duplicate variables: -u removes all, NAME=VALUE replaces the first" {
	for a in "" "-u A" "A=x" "-i" "B=y" "-u NOEQ" "NOEQ=1"; do
		ours=$(rawexec A=1 B=2 A=3 NOEQ -- "$(bin env)" $a)
		gnu=$(rawexec A=1 B=2 A=3 NOEQ -- /usr/bin/env $a)
		[ "$ours" = "$gnu" ]
	done
	[ "$(rawexec A=1 B=2 A=3 -- "$(bin env)" A=x)" = "$(printf 'A=x\nB=2\nA=3')" ]
}

@test "an empty environment and one variable: printed as is" {
	[ -z "$(rawexec -- "$(bin env)")" ]
	[ "$(rawexec 'X=a b' -- "$(bin env)")" = "X=a b" ]
}

@test "a big environment is printed as GNU's" {
	big=()
	for i in $(seq 1 3000); do big+=("V$i=value number $i"); done
	rawexec "${big[@]}" -- "$(bin env)" -u V7 V9=new W=last > ours
	rawexec "${big[@]}" -- /usr/bin/env -u V7 V9=new W=last > gnu
	cmp ours gnu
	rawexec "${big[@]}" -- "$(bin env)" -0 > ours
	rawexec "${big[@]}" -- /usr/bin/env -0 > gnu
	cmp ours gnu
}

@test "the unchanged environment goes out in one write" {
	command -v strace >/dev/null || skip "strace not installed"
	rawexec A=1 B=2 C=3 -- /usr/bin/strace -e trace=write -o "$T/trace" "$(bin env)" >/dev/null
	[ "$(grep -c '^write(' "$T/trace")" -eq 1 ]
}

@test "/dev/full: 'write error', status 125" {
	sh_fails 125 env 'write error: No space left on device' '"$1" >/dev/full'
	run sh -c '"$1" -0 -i A=1 >/dev/full' sh "$(bin env)"
	[ "$status" -eq 125 ]
}

@test "stdout closed: 'write error: Bad file descriptor', status 125" {
	sh_fails 125 env 'write error: Bad file descriptor' '"$1" >&-'
}

@test "a command with stdout on /dev/full is the command's business" {
	run sh -c '"$1" -i true >/dev/full' sh "$(bin env)"
	[ "$status" -eq 0 ]
	[ -z "$output" ]
}

@test "peak RSS of a trivial run: at most 16 KiB" {
	rss_at_most 16 env
}

# like ARGS...: same, with every path of our env and GNU's as ENV
like() {
	ours=$("$(bin env)" "$@" 2>&1; echo ":$?")
	gnu=$(/usr/bin/env "$@" 2>&1; echo ":$?")
	[ "${ours//$(bin env)/ENV}" = "${gnu//\/usr\/bin\/env/ENV}" ] ||
		{ printf 'ours: %s\ngnu:  %s\n' "$ours" "$gnu"; return 1; }
}

# shebang LINE ARGS...: a script "#!ENV LINE" run with ARGS, once with our
# env as ENV and once with GNU's: the same stdout, stderr and status
shebang() {
	local e out=()
	for e in "$(bin env)" /usr/bin/env; do
		printf '#!%s %s\necho not run\n' "$e" "$1" > script
		chmod 755 script
		out+=("$(./script "${@:2}" 2>&1; echo ":$?")")
		out[-1]=${out[-1]//$e/ENV}
	done
	[ "${out[0]}" = "${out[1]}" ] || { printf 'ours: %s\ngnu:  %s\n' "${out[@]}"; return 1; }
}

@test "#!ENV -S: the line split into a command and its arguments, then the script's" {
	shebang "-S /bin/sh -c 'echo \"[\$0]\" \"\$@\"' x" a 'b c'
	shebang "-S -i A=1 B=\${HOME} /usr/bin/printenv"
	shebang "-S -v -u HOME /bin/echo \"a\\tb\" # a comment" z
	shebang "-S/bin/echo \\_a\\_ \${NOPE}x" y
}

@test "#!ENV without -S: the options with a blank are refused with GNU's hint" {
	shebang "-i /bin/echo" x
	shebang "-vi	A=1" x
	run ./script
	[ "$status" -eq 125 ]
}

@test "#!ENV -S with a bad string: GNU's messages, 125" {
	shebang "-S /bin/echo 'x"
	shebang "-S /bin/echo \\q"
	shebang "-S /bin/echo \$HOME"
	shebang "-S /bin/echo \"\\c\""
}

@test "--help and --version are refused: 'unrecognized option', 125" {
	option_unrecognized 125 env --help --version --he --ver --vers
}

@test "signal dispositions and mask the child sees, from a parent that ignores and blocks some" {
	for args in "--default-signal=INT" "--default-signal" "--ignore-signal=TERM,USR2 --block-signal=CHLD" \
		"--block-signal --default-signal=QUIT,RTMAX" "--list-signal-handling --ignore-signal=HUP"; do
		n=0
		for e in "$(bin env)" /usr/bin/env; do
			# the parent: INT and QUIT ignored (a background job's), RTMAX blocked
			python3 -c 'import os, signal, sys
signal.signal(signal.SIGINT, signal.SIG_IGN); signal.signal(signal.SIGQUIT, signal.SIG_IGN)
signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGRTMAX, signal.SIGQUIT})
os.execv(sys.argv[1], sys.argv[1:])' "$e" $args sh -c 'grep -E "^Sig(Ign|Blk)" /proc/self/status' > "out$n" 2>&1
			n=$((n + 1))
		done
		cmp out0 out1 || { echo "$args"; cat out0 out1; return 1; }
		n=0
	done
}

@test "-S: \${NAME} values of 300 KB grow the brk heap; output as GNU's" {
	export BIG=$(head -c 100000 /dev/zero | tr '\0' x)
	"$(bin env)" -S '/bin/echo ${BIG} ${BIG} ${BIG}' > ours
	/usr/bin/env -S '/bin/echo ${BIG} ${BIG} ${BIG}' > gnu
	cmp ours gnu
	[ "$(wc -c < ours)" -eq 300003 ]
	like -v -S '/bin/echo ${BIG}' x
}

@test "-S: 3000 words, and assignments among them, move the array" {
	words=$(seq 3000 | tr '\n' ' ')
	like -S "/bin/echo $words" end
	assigns=$(seq 500 | sed 's/.*/V&=&/' | tr '\n' ' ')
	like -i -S "$assigns /usr/bin/printenv" 
	like -S "$assigns" 
	like -v -u HOME -S "-u PATH $assigns -S'-u TZ -i'" X=1
}

@test "-S: -u names before and after it, with -v, in GNU's order" {
	like -v -u A -u B -S '-u C D=1 -u E' -u F -S '-u G' /usr/bin/printenv D
	like -v -u A -S '-u=B' /usr/bin/printenv
}

@test "-v: long and many arguments, -C's line, -u's lines (no overwritten array)" {
	long=$(head -c 8000 /dev/zero | tr '\0' y)
	like -v -u HOME -u "$long" A=1
	mkdir -p "a'b"
	like -v -u HOME -u TZ -C "a'b" A=$long /bin/echo "$long" "$(seq 200)" $(seq 150)
	like -v -C "$long" /bin/true
}

@test "a short differential fuzz of -S strings (150 on this arch)" {
	# words from letters no command has; PATH an empty directory
	mkdir empty
	run python3 - "$(bin env)" <<'PY'
import random, subprocess, sys
ours = sys.argv[1]
random.seed(7)
alpha = ['Q', 'Z', '=', '-', '-v', '-u', '-0', '-C', '-S', ' ', '\t', '\n', "'", '"',
	 '\\', '#', '$', '{', '}', '_', '\\c', '\\n', '\\t', '\\x', '1', 'HOME', 'E', 'NOPE',
	 '/bin/echo ', '${HOME}', '${E}', '${NOPE}', '\\_', '-v ', '-u ', '-C ', '/ ', 'A=1 ',
	 '-vS', '${', '}', "\\'", '\\"', '\\\\', '\\$', '\\#']
env = {'LC_ALL': 'C', 'PATH': './empty', 'HOME': '/root', 'E': ''}
bad = 0
for k in range(150):
	s = ''.join(random.choice(alpha) for _ in range(random.randint(0, 16)))
	args = random.choice([[], ['-v'], ['-u', 'HOME']]) + ['-S' + s] + \
		random.choice([[], ['/bin/echo', 'z'], ['A=2'], ['-v', '/bin/echo']])
	r = []
	for b in (ours, '/usr/bin/env'):
		p = subprocess.run([b] + args, env=env, capture_output=True, timeout=5,
				   stdin=subprocess.DEVNULL)
		r.append((p.returncode, p.stdout, p.stderr.replace(b.encode(), b'ENV')))
	if r[1][1].startswith((b'env (GNU', b'Usage:')):
		continue
	if r[0] != r[1]:
		bad += 1
		print(repr(args), r[0], r[1])
sys.exit(bad > 0)
PY
	echo "$output"
	[ "$status" -eq 0 ]
}

@test "long options with the whole environment and two arguments (the array's room)" {
	like --unset=HOME
	like --debug
	like --ignore-signal=HUP
	like -S 'A=1'
}

@test "a mask option unblocks signals 32 and 33 as glibc's sigprocmask (a parent blocked them by a raw syscall)" {
	blocked() {
		python3 -c '
import ctypes, os, sys
libc = ctypes.CDLL(None, use_errno=True)
nr = 14 if ctypes.sizeof(ctypes.c_void_p) == 8 else 175   # rt_sigprocmask
m = ctypes.c_uint64(0x180000000)                           # 32 and 33
assert libc.syscall(nr, 0, ctypes.byref(m), None, 8) == 0  # SIG_BLOCK
os.execv(sys.argv[1], sys.argv[1:])' "$@"
	}
	for opt in --default-signal --block-signal=HUP --ignore-signal=INT "--block-signal --default-signal=INT"; do
		ours=$(blocked "$(bin env)" $opt grep SigBlk /proc/self/status)
		gnu=$(blocked /usr/bin/env $opt grep SigBlk /proc/self/status)
		[ "$ours" = "$gnu" ]
	done
	[ "$(blocked "$(bin env)" --block-signal=HUP grep SigBlk /proc/self/status)" = "$(printf 'SigBlk:\t0000000000000001')" ]
}
