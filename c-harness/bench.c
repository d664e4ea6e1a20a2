/*
 * bench.c - first subk benchmark: cat throughput into a pipe and exec
 *           latency of true, each compared against GNU coreutils.
 *
 * Usage:
 *   bench [-q] OURDIR
 *     OURDIR holds our binaries (OURDIR/cat, OURDIR/true); GNU's are
 *     /usr/bin/cat and /usr/bin/true.
 *     -q  quick mode for `make check`: 8 MiB file instead of 1 GiB, best of
 *         2 runs instead of 5, 3 exec batches of 20 instead of 20 of 200.
 *
 * Figures:
 *   cat:  a text file ($TMPDIR or /tmp, subk-bench-1g.txt / subk-bench-8m.txt,
 *         generated once and reused while it has the right size) is read once
 *         so it is page-cached; then ours and GNU's cat run alternately with
 *         stdout a pipe to this process, which reads it with a 128 KiB buffer
 *         and discards the data (the byte count is checked).  With 2+ CPUs
 *         the writer (cat) and the reader (us) are pinned to two different
 *         CPUs.  Best of N runs each; reported in MB/s (10^6 bytes/s) and as
 *         the ratio ours/GNU.
 *   exec: posix_spawn (vfork-style clone) + execve + waitpid of true (as a
 *         shell could, so the parent's page-table copy of fork does not
 *         swamp the cost being measured: the exec itself), in batches alternating ours and
 *         GNU (and alternating which goes first); the reported ratio is the
 *         median over batches of GNU-time/ours-time, so machine drift
 *         cancels; plus the median microseconds per exec for each.
 *
 * Output (stdout), one line per figure and a summary:
 *   cat 1 GiB -> pipe: subk 5123 MB/s, GNU 2890 MB/s, ratio 1.77x (target >= 1.5x)
 *   exec true: subk 95 us, GNU 410 us, ratio 4.31x faster (target >= 3.5x)
 *   summary: cat 1.77x, exec 4.31x
 * It never fails on a number.  A figure that cannot be measured (binary
 * missing, exec failure, non-zero exit, wrong byte count) is printed as
 * "skipped: why" and "n/a" in the summary.  Exit status: 0 if at least one
 * figure was measured, 1 if none could be, 2 on usage error.
 *
 * Build and run by hand:
 *   gcc -std=c99 -O2 -Wall -Wextra -Werror -D_GNU_SOURCE \
 *       -o /tmp/bench c-harness/bench.c
 *   /tmp/bench -q build/x86_64      # quick
 *   /tmp/bench build/x86_64         # full (writes a 1 GiB file to $TMPDIR)
 */

#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <spawn.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define GNU_CAT "/usr/bin/cat"
#define GNU_TRUE "/usr/bin/true"
#define READ_BUF (128 * 1024)
#define GEN_BLOCK (1024 * 1024)
#define CAT_TARGET 1.5
#define EXEC_TARGET 3.5
#define MAX_BATCHES 64

extern char **environ;

static char readbuf[READ_BUF];
static char errmsg[512]; /* why the last measurement failed */

/* Remember why a measurement failed (truncates silently if very long). */
static void seterr(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(errmsg, sizeof errmsg, fmt, ap);
    va_end(ap);
}

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

static double median(double *v, int n)
{
    qsort(v, (size_t)n, sizeof *v, cmp_double);
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

/* Describe a wait status that is not a clean exit 0. */
static void bad_status(const char *path, int st)
{
    if (WIFEXITED(st))
        seterr("%s exited with status %d%s", path, WEXITSTATUS(st),
               WEXITSTATUS(st) == 127 ? " (exec failed?)" : "");
    else if (WIFSIGNALED(st))
        seterr("%s killed by signal %d", path, WTERMSIG(st));
    else
        seterr("%s: odd wait status %d", path, st);
}

static int check_exec(const char *path)
{
    if (access(path, X_OK) != 0) {
        seterr("%s: %s", path, strerror(errno));
        return -1;
    }
    return 0;
}

/* ------------------------------------------------------------ test file */

static int write_all(int fd, const char *p, size_t n)
{
    while (n) {
        ssize_t w = write(fd, p, n);
        if (w < 0 && errno == EINTR)
            continue;
        if (w < 0)
            return -1;
        p += w;
        n -= (size_t)w;
    }
    return 0;
}

/* Fill a block with lines of pseudo-random words; ends with '\n'. */
static void fill_text(char *b, size_t n)
{
    static const char *const words[] = {
        "the", "quick", "brown", "fox", "jumps", "over", "lazy", "dog",
        "assembly", "kernel", "syscall", "pipe", "buffer", "page", "cache",
        "coreutils", "subk", "register", "a", "of", "to", "and", "in", "is",
        "static", "binary", "header", "segment", "entry", "stack", "byte",
    };
    const size_t nw = sizeof words / sizeof words[0];
    unsigned long x = 88172645463325252UL;
    size_t i = 0, col = 0;

    while (i < n) {
        const char *w;
        size_t len;

        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        w = words[x % nw];
        len = strlen(w);
        if (col + len + 1 > 40 + (x >> 32) % 40 && col) {
            b[i++] = '\n';
            col = 0;
            continue;
        }
        if (col) {
            b[i++] = ' ';
            col++;
        }
        for (size_t k = 0; k < len && i < n; k++)
            b[i++] = w[k];
        col += len;
    }
    b[n - 1] = '\n';
}

/* Create (or reuse) the test file; then read it once to page-cache it. */
static int prepare_file(const char *path, off_t size)
{
    struct stat st;
    int fd;

    if (stat(path, &st) != 0 || !S_ISREG(st.st_mode) || st.st_size != size) {
        char tmp[4200];
        char *block = malloc(GEN_BLOCK);
        off_t done = 0;

        if (!block) {
            seterr("out of memory");
            return -1;
        }
        fprintf(stderr, "bench: generating %s (%lld bytes)\n", path,
                (long long)size);
        fill_text(block, GEN_BLOCK);
        snprintf(tmp, sizeof tmp, "%s.tmp.%ld", path, (long)getpid());
        fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
        if (fd < 0) {
            seterr("cannot create %s: %s", tmp, strerror(errno));
            free(block);
            return -1;
        }
        while (done < size) {
            size_t n = size - done < GEN_BLOCK ? (size_t)(size - done)
                                               : GEN_BLOCK;
            if (write_all(fd, block, n) != 0)
                break;
            done += (off_t)n;
        }
        free(block);
        if (done < size || close(fd) != 0 || rename(tmp, path) != 0) {
            seterr("cannot write %s: %s", tmp, strerror(errno));
            if (done < size)
                close(fd);
            unlink(tmp);
            return -1;
        }
    }

    /* read it once so that both cats are served from the page cache */
    fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        seterr("%s: %s", path, strerror(errno));
        return -1;
    }
    for (;;) {
        ssize_t r = read(fd, readbuf, sizeof readbuf);
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0)
            break;
    }
    close(fd);
    return 0;
}

/* ------------------------------------------------------------ cat bench */

/*
 * One run: `path file` with stdout a pipe to us; we read and discard.
 * writer_cpu >= 0 pins the child there.  Returns seconds, or -1 on error.
 */
static double run_cat(const char *path, const char *file, off_t expect,
                      int writer_cpu)
{
    int p[2], st;
    long long got = 0;
    double t0, t1;
    pid_t pid;

    if (pipe2(p, O_CLOEXEC) != 0) {
        seterr("pipe: %s", strerror(errno));
        return -1;
    }
    t0 = now();
    pid = fork();
    if (pid < 0) {
        seterr("fork: %s", strerror(errno));
        close(p[0]);
        close(p[1]);
        return -1;
    }
    if (pid == 0) {
        char *argv[] = { (char *)"cat", (char *)file, NULL };
        if (writer_cpu >= 0) {
            cpu_set_t set;
            CPU_ZERO(&set);
            CPU_SET(writer_cpu, &set);
            sched_setaffinity(0, sizeof set, &set);
        }
        if (dup2(p[1], 1) < 0)
            _exit(126);
        execve(path, argv, environ);
        _exit(127);
    }
    close(p[1]);
    for (;;) {
        ssize_t r = read(p[0], readbuf, sizeof readbuf);
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0)
            break;
        got += r;
    }
    close(p[0]);
    while (waitpid(pid, &st, 0) < 0)
        if (errno != EINTR) {
            seterr("waitpid: %s", strerror(errno));
            return -1;
        }
    t1 = now();
    if (!WIFEXITED(st) || WEXITSTATUS(st) != 0) {
        bad_status(path, st);
        return -1;
    }
    if (got != (long long)expect) {
        seterr("%s wrote %lld bytes, want %lld", path, got,
               (long long)expect);
        return -1;
    }
    return t1 - t0;
}

/* Returns the ratio ours/GNU, or -1 if the figure could not be measured. */
static double bench_cat(const char *ourdir, int quick)
{
    const char *tmpdir = getenv("TMPDIR");
    const char *label = quick ? "8 MiB" : "1 GiB";
    off_t size = quick ? (off_t)8 << 20 : (off_t)1 << 30;
    int runs = quick ? 2 : 5;
    char ours[4096], file[4096];
    double best[2] = { 0, 0 }, mbs[2];
    const char *paths[2];
    cpu_set_t orig, set;
    int pinned = 0, wcpu = -1, rcpu = -1;

    if (!tmpdir || !*tmpdir)
        tmpdir = "/tmp";
    snprintf(ours, sizeof ours, "%s/cat", ourdir);
    snprintf(file, sizeof file, "%s/subk-bench-%s.txt", tmpdir,
             quick ? "8m" : "1g");
    paths[0] = ours;
    paths[1] = GNU_CAT;

    if (check_exec(ours) || check_exec(GNU_CAT) || prepare_file(file, size))
        goto fail;

    /* writer and reader on two different CPUs, if we have two */
    if (sched_getaffinity(0, sizeof orig, &orig) == 0 &&
        CPU_COUNT(&orig) >= 2) {
        for (int c = 0; c < CPU_SETSIZE && rcpu < 0; c++)
            if (CPU_ISSET(c, &orig)) {
                if (wcpu < 0)
                    wcpu = c;
                else
                    rcpu = c;
            }
        CPU_ZERO(&set);
        CPU_SET(rcpu, &set);
        if (sched_setaffinity(0, sizeof set, &set) == 0)
            pinned = 1;
        else
            wcpu = -1;
    }

    for (int r = 0; r < runs; r++)
        for (int k = 0; k < 2; k++) {
            int i = (r + k) % 2; /* alternate who goes first */
            double t = run_cat(paths[i], file, size, wcpu);
            if (t < 0) {
                if (pinned)
                    sched_setaffinity(0, sizeof orig, &orig);
                goto fail;
            }
            if (r == 0 || t < best[i])
                best[i] = t;
        }
    if (pinned)
        sched_setaffinity(0, sizeof orig, &orig);

    for (int i = 0; i < 2; i++)
        mbs[i] = (double)size / 1e6 / best[i];
    printf("cat %s -> pipe: subk %.0f MB/s, GNU %.0f MB/s, ratio %.2fx "
           "(target >= %.1fx)\n", label, mbs[0], mbs[1], mbs[0] / mbs[1],
           CAT_TARGET);
    fflush(stdout);
    return mbs[0] / mbs[1];

fail:
    printf("cat %s -> pipe: skipped: %s\n", label, errmsg);
    fflush(stdout);
    return -1;
}

/* ----------------------------------------------------------- exec bench */

/* n times posix_spawn+waitpid of path; returns seconds, or -1 on error. */
static double run_true(const char *path, int n)
{
    char *argv[] = { (char *)"true", NULL };
    double t0 = now();

    for (int i = 0; i < n; i++) {
        int st;
        pid_t pid;
        int e = posix_spawn(&pid, path, NULL, NULL, argv, environ);
        if (e != 0) {
            seterr("posix_spawn: %s", strerror(e));
            return -1;
        }
        while (waitpid(pid, &st, 0) < 0)
            if (errno != EINTR) {
                seterr("waitpid: %s", strerror(errno));
                return -1;
            }
        if (!WIFEXITED(st) || WEXITSTATUS(st) != 0) {
            bad_status(path, st);
            return -1;
        }
    }
    return now() - t0;
}

static void fmt_us(char *buf, size_t n, double us)
{
    snprintf(buf, n, us < 10 ? "%.1f" : "%.0f", us);
}

/* Returns the median ratio GNU/ours, or -1 if it could not be measured. */
static double bench_exec(const char *ourdir, int quick)
{
    int batches = quick ? 3 : 20, per = quick ? 20 : 200;
    double ratio[MAX_BATCHES], us[2][MAX_BATCHES], r, u[2];
    const char *paths[2];
    char ours[4096], s0[32], s1[32];

    snprintf(ours, sizeof ours, "%s/true", ourdir);
    paths[0] = ours;
    paths[1] = GNU_TRUE;
    if (check_exec(ours) || check_exec(GNU_TRUE))
        goto fail;

    /* warm-up: page-cache both binaries (and GNU's shared libraries) */
    for (int i = 0; i < 2; i++)
        if (run_true(paths[i], quick ? 2 : 20) < 0)
            goto fail;

    for (int b = 0; b < batches; b++) {
        double t[2];
        for (int k = 0; k < 2; k++) {
            int i = (b + k) % 2; /* alternate who goes first */
            t[i] = run_true(paths[i], per);
            if (t[i] < 0)
                goto fail;
        }
        ratio[b] = t[1] / t[0];
        us[0][b] = t[0] / per * 1e6;
        us[1][b] = t[1] / per * 1e6;
    }
    r = median(ratio, batches);
    u[0] = median(us[0], batches);
    u[1] = median(us[1], batches);
    fmt_us(s0, sizeof s0, u[0]);
    fmt_us(s1, sizeof s1, u[1]);
    printf("exec true: subk %s us, GNU %s us, ratio %.2fx faster "
           "(target >= %.1fx)\n", s0, s1, r, EXEC_TARGET);
    fflush(stdout);
    return r;

fail:
    printf("exec true: skipped: %s\n", errmsg);
    fflush(stdout);
    return -1;
}

/* ----------------------------------------------------------------- main */

static void usage(void)
{
    fprintf(stderr, "usage: bench [-q] OURDIR\n");
    exit(2);
}

static void fmt_ratio(char *buf, size_t n, double r)
{
    if (r < 0)
        snprintf(buf, n, "n/a");
    else
        snprintf(buf, n, "%.2fx", r);
}

int main(int argc, char **argv)
{
    int quick = 0;
    const char *ourdir;
    struct stat st;
    double rc, re;
    char a[32], b[32];

    if (argc > 1 && strcmp(argv[1], "-q") == 0) {
        quick = 1;
        argv++;
        argc--;
    }
    if (argc != 2)
        usage();
    ourdir = argv[1];
    if (stat(ourdir, &st) != 0 || !S_ISDIR(st.st_mode)) {
        fprintf(stderr, "bench: %s: not a directory\n", ourdir);
        return 2;
    }

    rc = bench_cat(ourdir, quick);
    re = bench_exec(ourdir, quick);
    fmt_ratio(a, sizeof a, rc);
    fmt_ratio(b, sizeof b, re);
    printf("summary: cat %s, exec %s\n", a, b);
    return rc < 0 && re < 0 ? 1 : 0;
}
