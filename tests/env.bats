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
