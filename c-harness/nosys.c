/*
 * nosys.c - run a program as on an older kernel: the system calls named
 * fail with ENOSYS, as where the kernel lacks them.
 *
 *   nosys LIST PROGRAM [ARG]...   LIST: comma-separated 64:NR (x86_64's
 *                                 numbering) and 32:NR (i386's), e.g.
 *                                 64:332,32:383 (statx: before Linux 4.11)
 *
 * A seccomp filter (inherited by the program's children) answers each
 * listed call, of the arch its number belongs to, with ENOSYS; every other
 * call runs. The program is exec'ed with its arguments as given (argv[0]
 * = PROGRAM). Tests use it to prove that subk's fallbacks (rt/statx.inc:
 * fstatat where there is no statx) give what GNU's glibc gives there.
 * Exit status: the program's; 125 on a usage or seccomp error, 127 when
 * PROGRAM cannot be run.
 */
#include <errno.h>
#include <linux/audit.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <unistd.h>

#define MAXF 256

int main(int argc, char **argv)
{
	struct sock_filter f[MAXF];
	unsigned n = 0;

	if (argc < 3) {
		fprintf(stderr, "usage: nosys 64:NR,32:NR... PROGRAM [ARG]...\n");
		return 125;
	}
	/* For each arch: if the call is of that arch, compare its number
	 * with each of that arch's list; a match is ENOSYS, else allowed. */
	f[n++] = (struct sock_filter)BPF_STMT(BPF_LD | BPF_W | BPF_ABS,
					      offsetof(struct seccomp_data, arch));
	for (int pass = 0; pass < 2; pass++) {
		unsigned arch = pass ? AUDIT_ARCH_I386 : AUDIT_ARCH_X86_64;
		const char *tag = pass ? "32:" : "64:";
		unsigned start = n, cnt = 0;
		char *s = argv[1], *e;

		n += 2;
		while (*s) {
			long nr;
			if (strncmp(s, "64:", 3) && strncmp(s, "32:", 3)) {
				fprintf(stderr, "nosys: bad list item '%s'\n", s);
				return 125;
			}
			nr = strtol(s + 3, &e, 10);
			if (e == s + 3 || (*e && *e != ',') || nr < 0) {
				fprintf(stderr, "nosys: bad list item '%s'\n", s);
				return 125;
			}
			if (!strncmp(s, tag, 3)) {
				if (n + 4 > MAXF) {
					fprintf(stderr, "nosys: too many numbers\n");
					return 125;
				}
				f[n++] = (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K,
								      (unsigned)nr, 0, 1);
				f[n++] = (struct sock_filter)BPF_STMT(BPF_RET | BPF_K,
								      SECCOMP_RET_ERRNO | ENOSYS);
				cnt++;
			}
			s = *e ? e + 1 : e;
		}
		f[n++] = (struct sock_filter)BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW);
		/* not this arch: past this arch's part (its nr load, tests, return) */
		f[start] = (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, arch,
							0, (unsigned char)(2 * cnt + 2));
		f[start + 1] = (struct sock_filter)BPF_STMT(BPF_LD | BPF_W | BPF_ABS,
							    offsetof(struct seccomp_data, nr));
	}
	f[n++] = (struct sock_filter)BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW);

	struct sock_fprog prog = { (unsigned short)n, f };
	if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) ||
	    prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, &prog)) {
		perror("nosys: seccomp");
		return 125;
	}
	execv(argv[2], argv + 2);
	fprintf(stderr, "nosys: %s: %s\n", argv[2], strerror(errno));
	return 127;
}
