#!/usr/bin/env bats
# The build itself: reproducible bytes, honest ELF files, small processes.
load helpers

ROOT=$(cd "$BATS_TEST_DIRNAME/.." && pwd)

utilities() { for f in "$ROOT"/asm/*.asm; do basename "$f" .asm; done; }

# The second build is make's (relative include paths, minutes earlier); this
# one has absolute paths: a date, a random or a path in the bytes would
# differ. (Two builds here as well doubled the slowest test of make check.)
@test "building twice gives identical bytes" {
	a=$(arch)
	for u in $(utilities); do
		nasm -f bin -DARCH="$a" -I"$ROOT/asm/lib/" -I"$ROOT/build/gen/$a/" -o "$T/$u.1" "$ROOT/asm/$u.asm"
		cmp "$T/$u.1" "$(bin "$u")"
	done
}

@test "readelf and file parse every binary without a warning" {
	case $(arch) in x86_64) class='ELF 64-bit LSB executable, x86-64' ;; *) class='ELF 32-bit LSB executable, Intel 80386' ;; esac
	for u in $(utilities); do
		run readelf -lhW "$(bin "$u")"
		[ "$status" -eq 0 ]
		! grep -qi 'warning\|error' <<<"$output" || false
		run file -b "$(bin "$u")"
		[[ "$output" == "$class"* ]]
		[[ "$output" != *corrupt* ]]
	done
}

@test "no segment is writable and executable; the stack is not executable" {
	for u in $(utilities); do
		run readelf -lW "$(bin "$u")"
		[ "$status" -eq 0 ]
		grep -q 'GNU_STACK.* RW  ' <<<"$output"
		! grep -E '^ +LOAD .* RWE ' <<<"$output" || false
		! grep -q 'INTERP\|DYNAMIC' <<<"$output" || false
	done
}

# Where the kernel puts the stack pointer is random (up to 8 KiB below the
# strings), so argv's pointers and its strings are often on two pages: the
# least of twenty runs is the program's own cost, and no run may go past
# 24 KiB.
peak_kib() {
	local least=999 kb st i
	for i in $(seq 20); do
		read -r kb st < <(env -i "$ROOT/build/harness/rss" "$@" 2>&1 >/dev/null)
		[ "$st" -eq 0 ] && [ "$kb" -le 24 ] || { echo "run $i: $kb KiB, status $st"; return 1; }
		[ "$kb" -lt "$least" ] && least=$kb
	done
	echo "$least"
}

@test "a trivial run, with an empty environment, touches about 8-12 KiB" {
	run peak_kib "$(bin true)"
	[ "$status" -eq 0 ]
	[ "$output" -le 12 ]
	run peak_kib "$(bin echo)" hi
	[ "$status" -eq 0 ] && [ "$output" -le 12 ]
}

@test "true makes exactly one system call" {
	command -v strace >/dev/null || skip "strace not installed"
	strace -o "$T/trace" "$(bin true)"
	# the execve strace makes, then the exit, then strace's own end line
	run grep -vE '^(execve\(|\+\+\+ exited with 0)' "$T/trace"
	[ "$output" = "exit(0)                                 = ?" ]
}

@test "make install puts every utility into DESTDIR/PREFIX/bin" {
	make -C "$ROOT" -s install ARCH="$(arch)" DESTDIR="$T/root" PREFIX=/usr >/dev/null
	for u in $(utilities); do
		[ -x "$T/root/usr/bin/$u" ]
		cmp "$T/root/usr/bin/$u" "$(bin "$u")"
	done
}
