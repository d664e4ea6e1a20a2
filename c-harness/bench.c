/*
 * bench.c - subk's benchmark: throughput of the streaming utilities, the
 *           tree figures of ls -l, du -s, cp -r and rm -r, and
 *           exec latency of true, each side by side with GNU coreutils
 *           (and BusyBox where it has the applet).
 *
 * Usage:
 *   bench [-q] OURDIR [FIGURE...]
 *     OURDIR holds our binaries (OURDIR/cat, OURDIR/wc, ...); GNU's are
 *     /usr/bin/NAME; BusyBox is /bin/busybox (or /usr/bin/busybox).
 *     FIGURE names select figures by their utility (e.g. `wc sort exec`);
 *     none = all.
 *     -q  quick mode for `make check`: an 8 MiB file instead of 1 GiB (and
 *         instead of 100 MB for sort), one run instead of the best of 3, 3
 *         exec batches of 20 instead of 20 of 200. It only proves that the
 *         program still runs.
 *
 * Throughput figures: a text file of lines of words ($TMPDIR or /tmp,
 * subk-bench-1g.txt, subk-bench-100m.txt, subk-bench-8m.txt: generated once
 * and reused while it has the right size; base64 -d reads lines of base64
 * of the same size, subk-bench-1g.b64) is read once so it is page-cached. Then, for each figure, each implementation runs alternately
 * (ours, GNU, BusyBox; the first one rotates from run to run), its stdout
 * either a pipe drained by this process with a 128 KiB buffer or
 * /dev/null. The child is pinned to one CPU and this process (the pipe's
 * reader) to another when there are two. Best of the runs, in MB/s of
 * INPUT (10^6 bytes/s), and the ratio ours/GNU (> 1 is faster than GNU).
 * Into a pipe, the number of output bytes of ours must equal GNU's, or the
 * figure says "output differs" and gives no ratio.
 * Input comes as a file operand, as stdin (the file itself), or as stdin
 * a pipe fed from the file by a child of ours with splice (tee's case).
 * head and tail read little of a 1 GiB file by design: their figures are
 * times (ms), and the ratio is GNU's time over ours.
 * cp copies the file to $TMPDIR/subk-bench-copy.PID ("-> file"), whose
 * size is checked, then removed.
 * A utility we have not built yet is "skipped: not built".
 *
 * exec figure: posix_spawn (vfork-style clone) + execve + waitpid of true
 * (as a shell could, so the parent's page-table copy of fork does not
 * swamp the cost being measured: the exec itself), in batches alternating
 * ours and GNU (and alternating which goes first); the reported ratio is
 * the median over batches of GNU-time/ours-time, so machine drift cancels;
 * plus the median microseconds per exec for each.
 *
 * Output (stdout), one line per figure and a summary, e.g.:
 *   cat 1 GiB -> pipe: subk 5123 MB/s, GNU 2890 MB/s, BusyBox 1200 MB/s, ratio 1.77x (target >= 1.5x)
 *   exec true: subk 95 us, GNU 410 us, ratio 4.31x faster (target >= 3.5x)
 *   summary: cat|pipe 1.77x, ..., exec 4.31x; not built: md5sum ...
 * It never fails on a number. A figure that cannot be measured (binary
 * missing, exec failure, non-zero exit, wrong byte count) is printed as
 * "skipped: why" and "n/a" in the summary. Exit status: 0 if at least one
 * figure was measured, 1 if none could be, 2 on usage error.
 *
 * Build and run by hand:
 *   gcc -std=c99 -O2 -Wall -Wextra -Werror -D_GNU_SOURCE \
 *       -o /tmp/bench c-harness/bench.c
 *   /tmp/bench -q build/x86_64          # quick
 *   /tmp/bench build/x86_64 wc cat      # full, two utilities (1 GiB file)
 */

#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <sched.h>
#include <spawn.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <stdint.h>
#include <time.h>
#include <unistd.h>

#define GNU_TRUE "/usr/bin/true"
#define READ_BUF (128 * 1024)
#define GEN_BLOCK (1024 * 1024)
#define EXEC_TARGET 3.5
#define MAX_BATCHES 64
#define MAX_ARGS 8
#define NIMPL 3 /* subk, GNU, BusyBox */

extern char **environ;

static char readbuf[READ_BUF];
static char errmsg[512]; /* why the last measurement failed */
static char summary[4096];
static char not_built[1024]; /* utilities we have no binary of, yet */
static char copy_dest[4200]; /* "&": the file cp writes, removed after */

/* Remember why a measurement failed (truncates silently if very long). */
static void seterr(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(errmsg, sizeof errmsg, fmt, ap);
    va_end(ap);
}

static void add_summary(const char *name, double r)
{
    size_t n = strlen(summary);
    if (r < 0)
        snprintf(summary + n, sizeof summary - n, "%s%s n/a",
                 n ? ", " : "", name);
    else
        snprintf(summary + n, sizeof summary - n, "%s%s %.2fx",
                 n ? ", " : "", name, r);
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

/* Lines of base64 as `base64` writes them: 76 letters (57 random bytes, so
 * no padding) and a newline; N is a multiple of 77. */
static void fill_b64(char *b, size_t n)
{
    static const char a[] =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    uint64_t x = 88172645463325252ull;
    for (size_t i = 0; i < n; i++) {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        b[i] = i % 77 == 76 ? '\n' : a[x % 64];
    }
}

/* Create (or reuse) the test file; then read it once to page-cache it.
 * The lines of a 1 MiB block repeat; uniq and sort still have work, as
 * neighbouring lines differ. */
static int prepare_file(const char *path, off_t size, int b64)
{
    size_t chunk = b64 ? GEN_BLOCK / 77 * 77 : GEN_BLOCK;
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
        if (b64)
            fill_b64(block, chunk);
        else
            fill_text(block, GEN_BLOCK);
        snprintf(tmp, sizeof tmp, "%s.tmp.%ld", path, (long)getpid());
        fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
        if (fd < 0) {
            seterr("cannot create %s: %s", tmp, strerror(errno));
            free(block);
            return -1;
        }
        while (done < size) {
            size_t n = size - done < (off_t)chunk ? (size_t)(size - done)
                                                  : chunk;
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

    /* read it once so that every run is served from the page cache */
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

/* ---------------------------------------------------- throughput figures */

enum input { IN_ARG, IN_STDIN, IN_PIPE };
enum output { OUT_PIPE, OUT_NULL };
enum kind { RATE, TIME };

struct figure {
    const char *util;             /* our binary's name, GNU's /usr/bin/NAME */
    const char *args[MAX_ARGS];   /* after argv[0]; "@" = the input file */
    enum input in;
    enum kind kind;
    int small;                    /* 1: the 100 MB file (sort); 2: the
                                     base64 file (base64 -d) */
    double target;                /* ours/GNU at least this (0: none) */
    int tofile;                   /* 1: writes the file "&" (cp), not stdout */
};

static const struct figure figures[] = {
    { "cat",    { "@" },                 IN_ARG,   RATE, 0, 1.5, 0 },
    { "tee",    { 0 },                   IN_PIPE,  RATE, 0, 1.5, 0 },
    { "wc",     { "-l", "@" },           IN_ARG,   RATE, 0, 1.0, 0 },
    { "wc",     { "@" },                 IN_ARG,   RATE, 0, 1.0, 0 },
    { "head",   { "-n", "10", "@" },     IN_ARG,   TIME, 0, 0, 0 },
    { "tail",   { "-n", "10", "@" },     IN_ARG,   TIME, 0, 0, 0 },
    { "tr",     { "a-z", "A-Z" },        IN_STDIN, RATE, 0, 1.0, 0 },
    { "tr",     { "-d", "a" },           IN_STDIN, RATE, 0, 0, 0 },
    { "tr",     { "-s", " " },           IN_STDIN, RATE, 0, 0, 0 },
    { "cut",    { "-d", " ", "-f", "2", "@" }, IN_ARG, RATE, 0, 1.0, 0 },
    { "uniq",   { "@" },                 IN_ARG,   RATE, 0, 1.0, 0 },
    { "comm",   { "@", "@" },            IN_ARG,   RATE, 0, 1.0, 0 },
    { "tac",    { "@" },                 IN_ARG,   RATE, 0, 0, 0 },
    { "paste",  { "@", "@" },            IN_ARG,   RATE, 0, 0, 0 },
    { "nl",     { "@" },                 IN_ARG,   RATE, 0, 0, 0 },
    { "expand", { "@" },                 IN_ARG,   RATE, 0, 0, 0 },
    { "unexpand", { "@" },               IN_ARG,   RATE, 0, 0, 0 },
    { "fold",   { "@" },                 IN_ARG,   RATE, 0, 0, 0 },
    { "fold",   { "-s", "-w", "40", "@" }, IN_ARG, RATE, 0, 0, 0 },
    { "sort",   { "@" },                 IN_ARG,   RATE, 1, 1 / 1.5, 0 },
    { "md5sum", { "@" },                 IN_ARG,   RATE, 0, 1.0, 0 },
    { "sha1sum", { "@" },                IN_ARG,   RATE, 0, 1.0, 0 },
    { "sha256sum", { "@" },              IN_ARG,   RATE, 0, 1.0, 0 },
    { "cksum",  { "@" },                 IN_ARG,   RATE, 0, 1.0, 0 },
    { "base64", { "@" },                 IN_ARG,   RATE, 0, 1.0, 0 },
    { "base64", { "-d", "@" },           IN_ARG,   RATE, 2, 1.0, 0 },
    { "od",     { "@" },                 IN_ARG,   RATE, 0, 0, 0 },
    { "cp",     { "@", "&" },            IN_ARG,   RATE, 0, 0, 1 },
};

static const char *busybox_path(void)
{
    static const char *const paths[] = { "/bin/busybox", "/usr/bin/busybox" };
    for (size_t i = 0; i < sizeof paths / sizeof *paths; i++)
        if (access(paths[i], X_OK) == 0)
            return paths[i];
    return NULL;
}

/* Does BusyBox have this applet? (`busybox --list`, read once.) */
static int busybox_has(const char *util)
{
    static char list[16384];
    static int loaded;
    const char *bb = busybox_path();
    size_t n = strlen(util);

    if (!bb)
        return 0;
    if (!loaded) {
        int p[2];
        loaded = 1;
        if (pipe2(p, O_CLOEXEC) == 0) {
            pid_t pid = fork();
            if (pid == 0) {
                char *argv[] = { (char *)"busybox", (char *)"--list", NULL };
                dup2(p[1], 1);
                execve(bb, argv, environ);
                _exit(127);
            }
            close(p[1]);
            size_t got = 0;
            ssize_t r;
            while (got < sizeof list - 1 &&
                   (r = read(p[0], list + got, sizeof list - 1 - got)) > 0)
                got += (size_t)r;
            list[got] = 0;
            close(p[0]);
            if (pid > 0)
                waitpid(pid, NULL, 0);
        }
    }
    for (const char *s = list; (s = strstr(s, util)); s += n)
        if ((s == list || s[-1] == '\n') && (s[n] == '\n' || !s[n]))
            return 1;
    return 0;
}

static void pin(int cpu)
{
    cpu_set_t set;
    if (cpu < 0)
        return;
    CPU_ZERO(&set);
    CPU_SET(cpu, &set);
    sched_setaffinity(0, sizeof set, &set);
}

/* A child that copies the file into the pipe p (tee's stdin). */
static pid_t start_feeder(const char *file, int wfd, int cpu)
{
    pid_t pid = fork();
    if (pid == 0) {
        int fd = open(file, O_RDONLY);
        pin(cpu);
        if (fd < 0)
            _exit(1);
        for (;;) {
            ssize_t r = splice(fd, NULL, wfd, NULL, 1 << 20, 0);
            if (r < 0 && errno == EINTR)
                continue;
            if (r < 0)
                _exit(1);
            if (r == 0)
                _exit(0);
        }
    }
    return pid;
}

static int wait_ok(pid_t pid, const char *path)
{
    int st;
    while (waitpid(pid, &st, 0) < 0)
        if (errno != EINTR) {
            seterr("waitpid: %s", strerror(errno));
            return -1;
        }
    if (!WIFEXITED(st) || WEXITSTATUS(st) != 0) {
        bad_status(path, st);
        return -1;
    }
    return 0;
}

/*
 * One run of argv (argv[0] is the program run: path) with the figure's
 * input and output; writer_cpu >= 0 pins the child (and the feeder) there.
 * Returns seconds, or -1 on error; *outbytes = bytes read from the pipe.
 */
static double run_once(const char *path, char **argv, const struct figure *f,
                       const char *file, enum output out, int writer_cpu,
                       long long *outbytes)
{
    int p[2] = { -1, -1 }, in[2] = { -1, -1 };
    pid_t pid, feeder = -1;
    double t0, t1;
    long long got = 0;

    if (out == OUT_PIPE && pipe2(p, O_CLOEXEC) != 0) {
        seterr("pipe: %s", strerror(errno));
        return -1;
    }
    if (f->in == IN_PIPE && pipe2(in, O_CLOEXEC) != 0) {
        seterr("pipe: %s", strerror(errno));
        return -1;
    }
    t0 = now();
    if (f->in == IN_PIPE) {
        feeder = start_feeder(file, in[1], writer_cpu);
        close(in[1]);
    }
    pid = fork();
    if (pid < 0) {
        seterr("fork: %s", strerror(errno));
        return -1;
    }
    if (pid == 0) {
        int fd;
        pin(writer_cpu);
        if (out == OUT_PIPE)
            fd = p[1];
        else
            fd = open("/dev/null", O_WRONLY);
        if (fd < 0 || dup2(fd, 1) < 0)
            _exit(126);
        if (f->in == IN_STDIN) {
            fd = open(file, O_RDONLY);
            if (fd < 0 || dup2(fd, 0) < 0)
                _exit(126);
        } else if (f->in == IN_PIPE) {
            if (dup2(in[0], 0) < 0)
                _exit(126);
        }
        execve(path, argv, environ);
        _exit(127);
    }
    if (f->in == IN_PIPE)
        close(in[0]);
    if (out == OUT_PIPE) {
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
    }
    if (wait_ok(pid, path) != 0) {
        if (feeder > 0)
            waitpid(feeder, NULL, 0);
        return -1;
    }
    if (feeder > 0 && wait_ok(feeder, "feeder") != 0)
        return -1;
    t1 = now();
    *outbytes = got;
    return t1 - t0;
}

struct impl {
    const char *label;
    char path[4096];
    char *argv[MAX_ARGS + 3];
    int ok;
    double best;
    long long bytes;
};

static void fig_name(char *buf, size_t n, const struct figure *f)
{
    size_t k = (size_t)snprintf(buf, n, "%s", f->util);
    for (int i = 0; i < MAX_ARGS && f->args[i] && k < n; i++)
        if (strcmp(f->args[i], "@") != 0 && strcmp(f->args[i], "&") != 0)
            k += (size_t)snprintf(buf + k, n - k,
                                  strchr(f->args[i], ' ') ? " '%s'" : " %s",
                                  f->args[i]);
}

static int selected(const char *util, char **sel, int nsel)
{
    if (nsel == 0)
        return 1;
    for (int i = 0; i < nsel; i++)
        if (strcmp(sel[i], util) == 0)
            return 1;
    return 0;
}

/* One figure, into a pipe and into /dev/null; returns the number of
 * lines measured. */
static int bench_figure(const struct figure *f, const char *ourdir,
                        const char *file, off_t size, const char *label,
                        int runs, int wcpu)
{
    struct impl im[NIMPL];
    const char *bb = busybox_path();
    char name[256], sumname[300];
    int measured = 0;

    fig_name(name, sizeof name, f);
    memset(im, 0, sizeof im);
    im[0].label = "subk";
    im[1].label = "GNU";
    im[2].label = "BusyBox";
    snprintf(im[0].path, sizeof im[0].path, "%s/%s", ourdir, f->util);
    snprintf(im[1].path, sizeof im[1].path, "/usr/bin/%s", f->util);
    if (bb && busybox_has(f->util))
        snprintf(im[2].path, sizeof im[2].path, "%s", bb);
    for (int i = 0; i < NIMPL; i++) {
        int a = 0;
        if (!im[i].path[0])
            continue;
        im[i].argv[a++] = (char *)f->util;  /* BusyBox picks the applet */
        for (int k = 0; k < MAX_ARGS && f->args[k]; k++)
            im[i].argv[a++] = !strcmp(f->args[k], "@") ? (char *)file
                              : !strcmp(f->args[k], "&") ? copy_dest
                                                         : (char *)f->args[k];
        im[i].argv[a] = NULL;
    }

    if (access(im[0].path, X_OK) != 0) {
        size_t k = strlen(not_built);
        printf("%s: skipped: not built\n", name);
        fflush(stdout);
        if (!strstr(not_built, f->util))
            snprintf(not_built + k, sizeof not_built - k, " %s", f->util);
        return 0;
    }
    for (int o = f->tofile; o < 2; o++) {
        enum output out = o ? OUT_NULL : OUT_PIPE;
        const char *where = f->tofile ? "file" : o ? "/dev/null" : "pipe";
        char line[1024];
        size_t n;
        double r = -1;

        if (check_exec(im[1].path) != 0)
            goto fail;
        for (int i = 0; i < NIMPL; i++)
            im[i].ok = im[i].path[0] != 0;
        for (int run = 0; run < runs; run++)
            for (int k = 0; k < NIMPL; k++) {
                int i = (run + k) % NIMPL; /* rotate who goes first */
                long long b = 0;
                double t;
                if (!im[i].ok)
                    continue;
                t = run_once(im[i].path, im[i].argv, f, file, out, wcpu, &b);
                if (f->tofile && t >= 0) {
                    struct stat cs;
                    b = stat(copy_dest, &cs) == 0 ? (long long)cs.st_size : -1;
                    unlink(copy_dest);
                    if (b != (long long)size) {
                        seterr("%s copied %lld bytes, want %lld",
                               im[i].path, b, (long long)size);
                        t = -1;
                    }
                }
                if (t < 0) {
                    if (i < 2)
                        goto fail;
                    im[i].ok = 0;  /* BusyBox failing is not our figure */
                    continue;
                }
                if (run == 0 || t < im[i].best)
                    im[i].best = t;
                im[i].bytes = b;
            }
        if (out == OUT_PIPE && !f->tofile && im[0].bytes != im[1].bytes) {
            seterr("output differs: subk %lld bytes, GNU %lld",
                   im[0].bytes, im[1].bytes);
            goto fail;
        }
        n = (size_t)snprintf(line, sizeof line, "%s %s -> %s:", name, label,
                             where);
        for (int i = 0; i < NIMPL; i++) {
            if (!im[i].ok)
                continue;
            if (f->kind == TIME)
                n += (size_t)snprintf(line + n, sizeof line - n,
                                      "%s %s %.1f ms", i ? "," : "",
                                      im[i].label, im[i].best * 1e3);
            else
                n += (size_t)snprintf(line + n, sizeof line - n,
                                      "%s %s %.0f MB/s", i ? "," : "",
                                      im[i].label,
                                      (double)size / 1e6 / im[i].best);
        }
        r = im[1].best / im[0].best;
        n += (size_t)snprintf(line + n, sizeof line - n, ", ratio %.2fx%s",
                              r, f->kind == TIME ? " faster" : "");
        if (f->target > 0 && o == 0)
            snprintf(line + n, sizeof line - n, " (target >= %.2fx)",
                     f->target);
        printf("%s\n", line);
        fflush(stdout);
        measured++;
        snprintf(sumname, sizeof sumname, "%s|%s", name, where);
        add_summary(sumname, r);
        continue;
fail:
        printf("%s %s -> %s: skipped: %s\n", name, label, where, errmsg);
        fflush(stdout);
        snprintf(sumname, sizeof sumname, "%s|%s", name, where);
        add_summary(sumname, -1);
    }
    return measured;
}

static int bench_streams(const char *ourdir, int quick, char **sel, int nsel)
{
    const char *tmpdir = getenv("TMPDIR");
    char big[4096], small[4096], b64[4096];
    off_t bigsize = quick ? (off_t)8 << 20 : (off_t)1 << 30;
    off_t smallsize = quick ? (off_t)8 << 20 : (off_t)100000000;
    const char *biglabel = quick ? "8 MiB" : "1 GiB";
    off_t b64size = bigsize / 77 * 77;
    const char *smalllabel = quick ? "8 MiB" : "100 MB";
    int runs = quick ? 1 : 3, measured = 0, need_big = 0, need_small = 0,
        need_b64 = 0;
    cpu_set_t orig;
    int pinned = 0, wcpu = -1, rcpu = -1;
    const size_t nf = sizeof figures / sizeof *figures;

    if (!tmpdir || !*tmpdir)
        tmpdir = "/tmp";
    snprintf(big, sizeof big, "%s/subk-bench-%s.txt", tmpdir,
             quick ? "8m" : "1g");
    snprintf(small, sizeof small, "%s/subk-bench-%s.txt", tmpdir,
             quick ? "8m" : "100m");
    snprintf(b64, sizeof b64, "%s/subk-bench-%s.b64", tmpdir,
             quick ? "8m" : "1g");
    snprintf(copy_dest, sizeof copy_dest, "%s/subk-bench-copy.%ld", tmpdir,
             (long)getpid());
    for (size_t i = 0; i < nf; i++)
        if (selected(figures[i].util, sel, nsel)) {
            if (figures[i].small == 2)
                need_b64 = 1;
            else if (figures[i].small)
                need_small = 1;
            else
                need_big = 1;
        }
    if ((need_big && prepare_file(big, bigsize, 0) != 0) ||
        (need_small && prepare_file(small, smallsize, 0) != 0) ||
        (need_b64 && prepare_file(b64, b64size, 1) != 0)) {
        printf("throughput: skipped: %s\n", errmsg);
        return 0;
    }

    /* the child on one CPU, this process (the reader) on another */
    if (sched_getaffinity(0, sizeof orig, &orig) == 0 &&
        CPU_COUNT(&orig) >= 2) {
        cpu_set_t set;
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
    for (size_t i = 0; i < nf; i++) {
        const struct figure *f = &figures[i];
        if (!selected(f->util, sel, nsel))
            continue;
        measured += bench_figure(f, ourdir,
                                 f->small == 2 ? b64 : f->small ? small : big,
                                 f->small == 2 ? b64size
                                 : f->small ? smallsize : bigsize,
                                 f->small == 1 ? smalllabel : biglabel, runs,
                                 wcpu);
    }
    if (pinned)
        sched_setaffinity(0, sizeof orig, &orig);
    return measured;
}

/* ---------------------------------------------------------- tree figures */

/*
 * Issue 5's figures: `ls -l` of a directory of 10,000 entries (its output
 * into a pipe, whose size must equal GNU's), `du -s`, `cp -r` and `rm -r`
 * of a tree of 10,000 small files (100 directories of 100 files of 100
 * bytes). The trees are made on /dev/shm when it is writable (a tmpfs: the
 * figure is the program's, not the disk's), else in $TMPDIR, and removed
 * at the end. Ours and GNU's alternate (who goes first alternates too);
 * each figure is the median time of its runs (5; quick mode: 1, on trees
 * of 100 entries), and the ratio is GNU's time over ours. cp's copy is
 * checked entry by entry (count and bytes); rm's tree is made anew by GNU
 * cp before each run (not timed) and must be gone after it. The children
 * run with TZ=UTC and LC_ALL=C (ls -l's dates and order).
 */

static long long tree_count, tree_bytes;

static int count_entry(const char *path, const struct stat *st, int type,
                       struct FTW *ftw)
{
    (void)path;
    (void)type;
    (void)ftw;
    tree_count++;
    if (S_ISREG(st->st_mode))
        tree_bytes += st->st_size;
    return 0;
}

static int remove_entry(const char *path, const struct stat *st, int type,
                        struct FTW *ftw)
{
    (void)st;
    (void)ftw;
    return type == FTW_DP ? rmdir(path) : unlink(path);
}

static void remove_tree(const char *path)
{
    struct stat st;
    if (lstat(path, &st) == 0)
        nftw(path, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
}

/* entries (files and directories, the top one too) and bytes under path */
static void measure_tree(const char *path, long long *count, long long *bytes)
{
    tree_count = tree_bytes = 0;
    if (nftw(path, count_entry, 16, FTW_PHYS) != 0)
        tree_count = -1;
    *count = tree_count;
    *bytes = tree_bytes;
}

/* dirs directories of files files each (dirs = 0: the files at the top) */
static int make_tree(const char *top, int dirs, int files)
{
    char path[4300], data[100];
    memset(data, 'x', sizeof data - 1);
    data[sizeof data - 1] = '\n';
    if (mkdir(top, 0755) != 0)
        return -1;
    for (int d = 0; d < (dirs ? dirs : 1); d++) {
        int n;
        if (dirs) {
            snprintf(path, sizeof path, "%s/dir%03d", top, d);
            if (mkdir(path, 0755) != 0)
                return -1;
        }
        for (int f = 0; f < files; f++) {
            if (dirs)
                n = snprintf(path, sizeof path, "%s/dir%03d/file%05d", top,
                             d, f);
            else
                n = snprintf(path, sizeof path, "%s/file%05d", top, f);
            int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC,
                          0644);
            (void)n;
            if (fd < 0 || write_all(fd, data, sizeof data) != 0) {
                if (fd >= 0)
                    close(fd);
                return -1;
            }
            close(fd);
        }
    }
    return 0;
}

enum tree_op { T_LS, T_DU, T_CP, T_RM };

struct tree_figure {
    const char *util;
    const char *opt;              /* the option before the operand(s) */
    enum tree_op op;
};

static const struct tree_figure tree_figures[] = {
    { "ls", "-l", T_LS },
    { "du", "-s", T_DU },
    { "cp", "-r", T_CP },
    { "rm", "-r", T_RM },
};

static int spawn_wait(char **argv)
{
    pid_t pid;
    int e = posix_spawn(&pid, argv[0], NULL, NULL, argv, environ);
    if (e != 0) {
        seterr("posix_spawn %s: %s", argv[0], strerror(e));
        return -1;
    }
    return wait_ok(pid, argv[0]);
}

/* One run of a tree figure by the binary path; seconds or -1. */
static double tree_run(const struct tree_figure *tf, const char *path,
                       const char *flat, const char *tree, const char *work,
                       long long *outbytes, long long want_count,
                       long long want_bytes)
{
    static const struct figure plain = { "", { 0 }, IN_ARG, TIME, 0, 0, 0 };
    char *argv[5];
    double t;
    long long c, b;

    argv[0] = (char *)tf->util;
    argv[1] = (char *)tf->opt;
    argv[2] = (char *)(tf->op == T_LS ? flat : tf->op == T_RM ? work : tree);
    argv[3] = tf->op == T_CP ? (char *)work : NULL;
    argv[4] = NULL;
    remove_tree(work);
    if (tf->op == T_RM) {
        char *cp[] = { (char *)"/usr/bin/cp", (char *)"-r", (char *)tree,
                       (char *)work, NULL };
        if (spawn_wait(cp) != 0)
            return -1;
    }
    t = run_once(path, argv, &plain, NULL, tf->op == T_LS ? OUT_PIPE
                 : OUT_NULL, -1, outbytes);
    if (t < 0)
        return -1;
    if (tf->op == T_CP) {
        measure_tree(work, &c, &b);
        if (c != want_count || b != want_bytes) {
            seterr("%s copied %lld entries of %lld bytes, want %lld of %lld",
                   path, c, b, want_count, want_bytes);
            return -1;
        }
    }
    if (tf->op == T_RM && access(work, F_OK) == 0) {
        seterr("%s left %s behind", path, work);
        return -1;
    }
    return t;
}

static int bench_trees(const char *ourdir, int quick, char **sel, int nsel)
{
    const char *tmpdir = getenv("TMPDIR");
    char base[4096], flat[4200], tree[4200], work[4200], line[1024];
    const size_t nf = sizeof tree_figures / sizeof *tree_figures;
    int runs = quick ? 1 : 5, dirs = quick ? 10 : 100,
        files = quick ? 10 : 100, measured = 0, any = 0;
    long long count, bytes;

    for (size_t i = 0; i < nf; i++)
        any |= selected(tree_figures[i].util, sel, nsel);
    if (!any)
        return 0;
    if (!tmpdir || !*tmpdir)
        tmpdir = "/tmp";
    if (access("/dev/shm", W_OK) == 0)
        tmpdir = "/dev/shm";
    snprintf(base, sizeof base, "%s/subk-bench-tree.%ld", tmpdir,
             (long)getpid());
    snprintf(flat, sizeof flat, "%s/flat", base);
    snprintf(tree, sizeof tree, "%s/tree", base);
    snprintf(work, sizeof work, "%s/work", base);
    setenv("TZ", "UTC", 1);
    setenv("LC_ALL", "C", 1);
    if (mkdir(base, 0755) != 0 || make_tree(flat, 0, dirs * files) != 0 ||
        make_tree(tree, dirs, files) != 0) {
        printf("trees: skipped: cannot make %s: %s\n", base, strerror(errno));
        remove_tree(base);
        return 0;
    }
    measure_tree(tree, &count, &bytes);

    for (size_t i = 0; i < nf; i++) {
        const struct tree_figure *tf = &tree_figures[i];
        char paths[2][4096], name[300];
        double t[2][8], m[2], r;
        long long out[2] = { 0, 0 };

        if (!selected(tf->util, sel, nsel))
            continue;
        snprintf(name, sizeof name, "%s %s %s", tf->util, tf->opt,
                 tf->op == T_LS ? "a directory of" : "a tree of");
        snprintf(paths[0], sizeof paths[0], "%s/%s", ourdir, tf->util);
        snprintf(paths[1], sizeof paths[1], "/usr/bin/%s", tf->util);
        if (access(paths[0], X_OK) != 0) {
            printf("%s: skipped: not built\n", name);
            continue;
        }
        if (check_exec(paths[1]) != 0)
            goto fail;
        for (int run = 0; run < runs; run++)
            for (int k = 0; k < 2; k++) {
                int w = (run + k) % 2;
                t[w][run] = tree_run(tf, paths[w], flat, tree, work, &out[w],
                                     count, bytes);
                if (t[w][run] < 0)
                    goto fail;
            }
        if (tf->op == T_LS && out[0] != out[1]) {
            seterr("output differs: subk %lld bytes, GNU %lld", out[0],
                   out[1]);
            goto fail;
        }
        m[0] = median(t[0], runs);
        m[1] = median(t[1], runs);
        r = m[1] / m[0];
        snprintf(line, sizeof line, "%s %d files -> %s: subk %.1f ms, GNU "
                 "%.1f ms, ratio %.2fx faster (target >= 1.00x)", name,
                 dirs * files, tf->op == T_LS ? "pipe" : tf->op == T_CP
                 ? "copy" : tf->op == T_RM ? "removed" : "/dev/null",
                 m[0] * 1e3, m[1] * 1e3, r);
        printf("%s\n", line);
        fflush(stdout);
        snprintf(name, sizeof name, "%s %s tree", tf->util, tf->opt);
        add_summary(name, r);
        measured++;
        continue;
fail:
        printf("%s %d files: skipped: %s\n", name, dirs * files, errmsg);
        fflush(stdout);
        snprintf(name, sizeof name, "%s %s tree", tf->util, tf->opt);
        add_summary(name, -1);
    }
    remove_tree(base);
    return measured;
}

/* ----------------------------------------------------------- exec bench */

/* n times posix_spawn+waitpid of path; returns seconds, or -1 on error. */
static double run_true(const char *path, int n)
{
    char *argv[] = { (char *)"true", NULL };
    double t0 = now();

    for (int i = 0; i < n; i++) {
        pid_t pid;
        int e = posix_spawn(&pid, path, NULL, NULL, argv, environ);
        if (e != 0) {
            seterr("posix_spawn: %s", strerror(e));
            return -1;
        }
        if (wait_ok(pid, path) != 0)
            return -1;
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
    fprintf(stderr, "usage: bench [-q] OURDIR [FIGURE...]\n");
    exit(2);
}

int main(int argc, char **argv)
{
    int quick = 0, measured;
    const char *ourdir;
    struct stat st;

    if (argc > 1 && strcmp(argv[1], "-q") == 0) {
        quick = 1;
        argv++;
        argc--;
    }
    if (argc < 2)
        usage();
    ourdir = argv[1];
    if (stat(ourdir, &st) != 0 || !S_ISDIR(st.st_mode)) {
        fprintf(stderr, "bench: %s: not a directory\n", ourdir);
        return 2;
    }

    measured = bench_streams(ourdir, quick, argv + 2, argc - 2);
    measured += bench_trees(ourdir, quick, argv + 2, argc - 2);
    if (selected("exec", argv + 2, argc - 2)) {
        double re = bench_exec(ourdir, quick);
        add_summary("exec", re);
        measured += re >= 0;
    }
    printf("summary: %s%s%s\n", summary, *not_built ? "; not built:" : "",
           not_built);
    return measured ? 0 : 1;
}
