/*
 * rss.c - peak resident memory of one run of a program, measured honestly.
 *
 *   rss [-v] PROGRAM [ARG]... prints "KIB STATUS" on stderr: the child's VmHWM
 *                             and its exit status (128+N for signal N); -v
 *                             first prints each mapping's resident KiB
 *
 * The child runs with ADDR_NO_RANDOMIZE: the kernel otherwise leaves a random
 * 0-8 KiB gap between the argument strings and argv on the stack, which adds
 * a page to half the runs of any program; without it the figure is the same
 * every run (for the same arguments and environment).
 *
 * The child runs under ptrace with PTRACE_O_TRACEEXIT: when it is about to
 * exit it stops, and VmHWM is read from /proc/PID/status while its memory
 * still exists. (wait4's ru_maxrss is useless for tiny programs: it counts
 * the pages of the forked parent.) stdin and stdout are the child's, so the
 * figure goes to stderr.
 * Exit status: 0 when measured, 2 on a usage or system error.
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/personality.h>
#include <sys/ptrace.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

static long vmhwm(pid_t pid)
{
    char path[64], line[256];
    long kb = -1;
    snprintf(path, sizeof path, "/proc/%d/status", (int)pid);
    FILE *f = fopen(path, "r");
    if (!f)
        return -1;
    while (fgets(line, sizeof line, f))
        if (strncmp(line, "VmHWM:", 6) == 0)
            kb = strtol(line + 6, NULL, 10);
    fclose(f);
    return kb;
}

/* each mapping of PID with resident pages: "start-end perms KIB name" */
static void mappings(pid_t pid)
{
    char path[64], line[512], head[512] = "";
    snprintf(path, sizeof path, "/proc/%d/smaps", (int)pid);
    FILE *f = fopen(path, "r");
    if (!f)
        return;
    while (fgets(line, sizeof line, f)) {
        unsigned long a, b;
        char c;
        if (strncmp(line, "Rss:", 4) == 0) {
            long kb = strtol(line + 4, NULL, 10);
            if (kb)
                fprintf(stderr, "%ld KiB  %s", kb, head);
        } else if (sscanf(line, "%lx-%lx %c", &a, &b, &c) == 3)
            strcpy(head, line);
    }
    fclose(f);
}

int main(int argc, char **argv)
{
    int verbose = argc > 1 && strcmp(argv[1], "-v") == 0;
    argv += verbose;
    argc -= verbose;
    if (argc < 2) {
        fprintf(stderr, "usage: rss [-v] PROGRAM [ARG]...\n");
        return 2;
    }
    pid_t pid = fork();
    if (pid < 0) {
        perror("rss: fork");
        return 2;
    }
    if (pid == 0) {
        personality(ADDR_NO_RANDOMIZE);
        ptrace(PTRACE_TRACEME, 0, NULL, NULL);
        raise(SIGSTOP);
        execv(argv[1], argv + 1);
        perror("rss: exec");
        _exit(127);
    }
    int st;
    long kb = -1;
    if (waitpid(pid, &st, 0) < 0 || !WIFSTOPPED(st)) {
        fprintf(stderr, "rss: child did not stop\n");
        return 2;
    }
    ptrace(PTRACE_SETOPTIONS, pid, NULL, (void *)(long)(PTRACE_O_TRACEEXIT | PTRACE_O_TRACEEXEC));
    ptrace(PTRACE_CONT, pid, NULL, NULL);
    for (;;) {
        if (waitpid(pid, &st, 0) < 0) {
            if (errno == EINTR)
                continue;
            perror("rss: waitpid");
            return 2;
        }
        if (WIFEXITED(st) || WIFSIGNALED(st))
            break;
        int sig = 0;
        if (WIFSTOPPED(st)) {
            int event = st >> 16;
            if (event == PTRACE_EVENT_EXIT) {
                kb = vmhwm(pid);
                if (verbose)
                    mappings(pid);
            }
            else if (event == 0 && WSTOPSIG(st) != SIGTRAP)
                sig = WSTOPSIG(st);         /* pass real signals on */
        }
        ptrace(PTRACE_CONT, pid, NULL, (void *)(long)sig);
    }
    if (kb < 0) {
        fprintf(stderr, "rss: could not read VmHWM\n");
        return 2;
    }
    fprintf(stderr, "%ld %d\n", kb, WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st));
    return 0;
}
