/*
 * report.c - what subk costs next to the alternatives, measured on this
 *            machine: file size, peak RSS, system calls and exec latency of
 *            every utility, side by side with GNU coreutils (plus the shared
 *            libraries it loads), BusyBox, toybox, and minimal static C
 *            programs built with glibc and musl.
 *
 * Usage:
 *   report [-q] BUILDDIR OUTDIR
 *     BUILDDIR is the build directory (BUILDDIR/x86_64/NAME and
 *     BUILDDIR/i386/NAME are ours); writes OUTDIR/report.md and
 *     OUTDIR/report.svg, and builds the static C programs in
 *     OUTDIR/report-c/. -q: quick mode for `make check` (3 exec batches of
 *     10 instead of 15 of 100).
 *
 * What is measured, per utility (the x86_64 build of ours is the one run):
 *   - file size: ours on x86_64 and i386; GNU's /usr/bin/NAME plus every
 *     shared library `ldd` says it loads (the dynamic loader included);
 *     BusyBox (/bin/busybox, busybox-static) and toybox as whole
 *     multi-call binaries; for true, cat and echo a minimal C program of
 *     the same job linked statically with glibc (gcc -static -Os, stripped)
 *     and with musl (musl-gcc).
 *   - peak RSS of a trivial invocation (the arguments in `trivial` below,
 *     stdin /dev/null, stdout /dev/null): the child runs under ptrace with
 *     PTRACE_O_TRACEEXIT and ADDR_NO_RANDOMIZE (the kernel's random 0-8 KiB
 *     stack gap would otherwise add a page to half the runs), and VmHWM is read from /proc/PID/status while it
 *     is stopped at exit (wait4's ru_maxrss counts the forked parent's pages
 *     for tiny programs, so it is not used).
 *   - system calls of that invocation, counted with PTRACE_SYSCALL (the
 *     execve that starts it is not counted).
 *   - exec latency: fork + execve + waitpid of the trivial invocation, in
 *     batches alternating ours and the other binary (GNU, BusyBox, toybox;
 *     and which goes first);
 *     the figure is the median of the per-batch ratios (theirs/ours), so
 *     machine drift cancels, with the median microseconds of each.
 *   - totals: all our binaries together against busybox-static, toybox,
 *     and the GNU binaries of the same utilities plus their libraries
 *     (counted once).
 * A tool that is not installed gets "not installed" in its column.
 * Exit status: 0 when the report was written, 1 if not, 2 on usage error.
 *
 * Build and run by hand:
 *   gcc -std=c99 -O2 -Wall -Wextra -Werror -D_GNU_SOURCE \
 *       -o /tmp/report c-harness/report.c
 *   /tmp/report build build      # then look at build/report.md, .svg
 */

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/personality.h>
#include <sys/ptrace.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define MAXU 256
#define MAXB 64

extern char **environ;

/* ------------------------------------------------------------- helpers */

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

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static long long file_size(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 ? (long long)st.st_size : -1;
}

/* Run a shell command, return the first line of its output (or ""). */
static void first_line(const char *cmd, char *buf, size_t n)
{
    FILE *p = popen(cmd, "r");
    buf[0] = 0;
    if (!p)
        return;
    if (fgets(buf, (int)n, p))
        buf[strcspn(buf, "\n")] = 0;
    pclose(p);
}

static const char *find_exec(const char *const *paths)
{
    for (; *paths; paths++)
        if (access(*paths, X_OK) == 0)
            return *paths;
    return NULL;
}

/* ------------------------------------------------ the trivial invocation */

/* The arguments of a trivial run of each utility: one that exits at once
 * without touching files (stdin and stdout are /dev/null). Utilities not
 * listed run with no arguments. */
static const char *const trivial[][4] = {
    { "basename", "a/b" }, { "dirname", "a/b" }, { "echo", "hi" },
    { "sleep", "0" }, { "seq", "1" }, { "tr", "a", "b" },
    { "comm", "/dev/null", "/dev/null" }, { "cut", "-b1" },
    { "cmp", "/dev/null", "/dev/null" }, { "join", "/dev/null", "/dev/null" },
    { "tail", "-n1" }, { "yes" /* stdout /dev/full: stops at once */ },
    { "mktemp", "-u" },     /* a name only: without -u each run left a file in /tmp */
};

static const char *const *trivial_args(const char *util)
{
    for (size_t i = 0; i < sizeof trivial / sizeof *trivial; i++)
        if (strcmp(trivial[i][0], util) == 0)
            return trivial[i] + 1;
    return NULL;
}

/* argv for running UTIL through PATH; via a multi-call binary the applet
 * name is argv[0]. */
static void make_argv(char **argv, const char *util)
{
    const char *const *a = trivial_args(util);
    int n = 0;
    argv[n++] = (char *)util;
    for (int i = 0; a && i < 3 && a[i]; i++)
        argv[n++] = (char *)a[i];
    argv[n] = NULL;
}

static void child_io(const char *util)
{
    int in = open("/dev/null", O_RDONLY);
    int out = open(strcmp(util, "yes") ? "/dev/null" : "/dev/full",
                   O_WRONLY);
    int err = open("/dev/null", O_WRONLY);
    if (in < 0 || out < 0 || err < 0)
        _exit(126);
    dup2(in, 0);
    dup2(out, 1);
    dup2(err, 2);
    alarm(5);
}

struct cost {
    long rss_kib;   /* -1: not measured */
    long syscalls;
};

/* Peak RSS and system calls of one traced run. */
static struct cost trace_run(const char *path, const char *util)
{
    struct cost c = { -1, -1 };
    char *argv[8];
    int st;
    pid_t pid;
    long calls = 0;
    int in_call = 0;

    make_argv(argv, util);
    pid = fork();
    if (pid < 0)
        return c;
    if (pid == 0) {
        child_io(util);
        personality(ADDR_NO_RANDOMIZE);     /* the same figure every run */
        if (ptrace(PTRACE_TRACEME, 0, NULL, NULL) != 0)
            _exit(126);
        execve(path, argv, environ);
        _exit(127);
    }
    /* the first stop: the SIGTRAP after execve */
    if (waitpid(pid, &st, 0) != pid || !WIFSTOPPED(st)) {
        waitpid(pid, &st, 0);
        return c;
    }
    ptrace(PTRACE_SETOPTIONS, pid, NULL,
           (void *)(long)(PTRACE_O_TRACEEXIT | PTRACE_O_TRACESYSGOOD |
                          PTRACE_O_EXITKILL));
    int sig = 0;
    for (;;) {
        if (ptrace(PTRACE_SYSCALL, pid, NULL, (void *)(long)sig) != 0)
            break;
        sig = 0;
        if (waitpid(pid, &st, 0) != pid)
            break;
        if (WIFEXITED(st) || WIFSIGNALED(st))
            break;
        if (!WIFSTOPPED(st))
            continue;
        if (WSTOPSIG(st) == (SIGTRAP | 0x80)) {
            if (!in_call)
                calls++;
            in_call = !in_call;
        } else if ((st >> 8) == (SIGTRAP | (PTRACE_EVENT_EXIT << 8))) {
            char p[64], line[256];
            FILE *f;
            snprintf(p, sizeof p, "/proc/%d/status", (int)pid);
            if ((f = fopen(p, "r"))) {
                while (fgets(line, sizeof line, f))
                    if (strncmp(line, "VmHWM:", 6) == 0)
                        c.rss_kib = strtol(line + 6, NULL, 10);
                fclose(f);
            }
            c.syscalls = calls;
        } else if (WSTOPSIG(st) != SIGTRAP) {
            sig = WSTOPSIG(st); /* deliver real signals (SIGPIPE...) */
        }
    }
    while (waitpid(pid, &st, 0) == pid && !WIFEXITED(st) && !WIFSIGNALED(st))
        ;
    return c;
}

/* n fork+execve+waitpid of the trivial run; seconds, or -1. */
static double run_n(const char *path, const char *util, int n)
{
    char *argv[8];
    double t0 = now();
    make_argv(argv, util);
    for (int i = 0; i < n; i++) {
        int st;
        pid_t pid = fork();
        if (pid < 0)
            return -1;
        if (pid == 0) {
            child_io(util);
            execve(path, argv, environ);
            _exit(127);
        }
        if (waitpid(pid, &st, 0) != pid)
            return -1;
        if (WIFEXITED(st) && WEXITSTATUS(st) >= 126)
            return -1; /* exec failed */
        if (WIFSIGNALED(st) && WTERMSIG(st) == SIGALRM)
            return -1;
    }
    return now() - t0;
}

struct latency {
    double ratio;      /* theirs/ours, median of batches; -1 n/a */
    double us_ours, us_theirs;
};

static struct latency exec_latency(const char *ours, const char *theirs,
                                   const char *util, int batches, int per)
{
    struct latency l = { -1, 0, 0 };
    double r[MAXB], u0[MAXB], u1[MAXB];
    if (run_n(ours, util, 2) < 0 || run_n(theirs, util, 2) < 0)
        return l;
    for (int b = 0; b < batches; b++) {
        double t[2];
        for (int k = 0; k < 2; k++) {
            int i = (b + k) % 2;
            t[i] = run_n(i ? theirs : ours, util, per);
            if (t[i] <= 0)
                return l;
        }
        r[b] = t[1] / t[0];
        u0[b] = t[0] / per * 1e6;
        u1[b] = t[1] / per * 1e6;
    }
    l.ratio = median(r, batches);
    l.us_ours = median(u0, batches);
    l.us_theirs = median(u1, batches);
    return l;
}

/* ---------------------------------------------------- GNU and its libs */

struct libs {
    char path[32][512];
    int n;
};

/* Size of path plus the libraries ldd lists for it (added to *all, once). */
static long long with_libs(const char *path, struct libs *all)
{
    char cmd[1200], line[1024];
    long long total = file_size(path);
    FILE *p;

    if (total < 0)
        return -1;
    snprintf(cmd, sizeof cmd, "ldd '%s' 2>/dev/null", path);
    if (!(p = popen(cmd, "r")))
        return total;
    while (fgets(line, sizeof line, p)) {
        char *s = strstr(line, "=> "), lib[512];
        int dup = 0;
        if (s)
            s += 3;
        else
            s = line + strspn(line, " \t");
        if (*s != '/')
            continue; /* linux-vdso.so.1 has no file */
        snprintf(lib, sizeof lib, "%.*s", (int)strcspn(s, " \t\n"), s);
        total += file_size(lib) > 0 ? file_size(lib) : 0;
        for (int i = 0; i < all->n; i++)
            dup |= strcmp(all->path[i], lib) == 0;
        if (!dup && all->n < 32)
            snprintf(all->path[all->n++], sizeof all->path[0], "%s", lib);
    }
    pclose(p);
    return total;
}

/* ------------------------------------------- static C programs, by hand */

static const char *const c_true = "int main(void){return 0;}\n";
static const char *const c_echo =
    "#include <string.h>\n#include <unistd.h>\n"
    "int main(int c,char**v){for(int i=1;i<c;i++){"
    "if(write(1,v[i],strlen(v[i]))<0)return 1;"
    "if(write(1,i+1<c?\" \":\"\\n\",1)<0)return 1;}"
    "if(c<2&&write(1,\"\\n\",1)<0)return 1;return 0;}\n";
static const char *const c_cat =
    "#include <fcntl.h>\n#include <unistd.h>\n"
    "static char b[65536];\n"
    "static int cp(int f){ssize_t r;while((r=read(f,b,sizeof b))>0)"
    "for(ssize_t o=0;o<r;){ssize_t w=write(1,b+o,(size_t)(r-o));"
    "if(w<0)return 1;o+=w;}return r<0;}\n"
    "int main(int c,char**v){int s=0;if(c<2)return cp(0);"
    "for(int i=1;i<c;i++){int f=open(v[i],O_RDONLY);"
    "if(f<0){s=1;continue;}s|=cp(f);close(f);}return s;}\n";

/* Build OUTDIR/report-c/NAME-{glibc,musl}; returns 0 when built. */
static int build_c(const char *dir, const char *name, const char *src,
                   const char *cc, const char *tag)
{
    char c[4200], bin[4200], cmd[9000];
    FILE *f;
    snprintf(c, sizeof c, "%s/%s.c", dir, name);
    snprintf(bin, sizeof bin, "%s/%s-%s", dir, name, tag);
    if (!(f = fopen(c, "w")))
        return -1;
    fputs(src, f);
    fclose(f);
    snprintf(cmd, sizeof cmd,
             "%s -static -Os -s -o '%s' '%s' >/dev/null 2>&1", cc, bin, c);
    return system(cmd) == 0 ? 0 : -1;
}

/* ---------------------------------------------------------------- main */

struct row {
    char name[64];
    long long ours64, ours32, gnu, gnulibs;
    int bb, toy; /* has the applet */
    struct cost c_ours, c_gnu, c_bb, c_toy;
    struct latency l_gnu, l_bb, l_toy;
};

static int has_applet(const char *listcmd, const char *util)
{
    char cmd[512], line[64];
    FILE *p;
    int found = 0;
    snprintf(cmd, sizeof cmd, "%s 2>/dev/null", listcmd);
    if (!(p = popen(cmd, "r")))
        return 0;
    while (fgets(line, sizeof line, p)) {
        /* toybox prints the applets space separated on one line */
        char *tok = strtok(line, " \t\n");
        for (; tok; tok = strtok(NULL, " \t\n"))
            if (strcmp(tok, util) == 0)
                found = 1;
    }
    pclose(p);
    return found;
}

static void fmt_size(char *b, size_t n, long long v)
{
    if (v < 0)
        snprintf(b, n, "n/a");
    else if (v < 10000)
        snprintf(b, n, "%lld B", v);
    else if (v < 10000000)
        snprintf(b, n, "%.1f KiB", (double)v / 1024);
    else
        snprintf(b, n, "%.1f MiB", (double)v / 1048576);
}

static void fmt_cost(char *b, size_t n, struct cost c, int have)
{
    if (!have)
        snprintf(b, n, "-");
    else if (c.rss_kib < 0)
        snprintf(b, n, "n/a");
    else
        snprintf(b, n, "%ld KiB / %ld", c.rss_kib, c.syscalls);
}

static void fmt_lat(char *b, size_t n, struct latency l, int have)
{
    if (!have)
        snprintf(b, n, "-");
    else if (l.ratio < 0)
        snprintf(b, n, "n/a");
    else
        snprintf(b, n, "%.2fx (%.0f / %.0f us)", l.ratio, l.us_ours,
                 l.us_theirs);
}

/* A horizontal bar chart of file sizes, log scale, ours vs GNU+libs. */
static void write_svg(const char *path, struct row *r, int n)
{
    FILE *f = fopen(path, "w");
    int h = 60 + n * 34, x0 = 110, w = 600;
    double lo = 2, hi = 7.5; /* log10 bytes: 100 B .. 30 MB */
    if (!f)
        return;
    fprintf(f, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" "
               "height=\"%d\" font-family=\"sans-serif\" font-size=\"11\">\n",
            x0 + w + 40, h);
    fprintf(f, "<rect width=\"100%%\" height=\"100%%\" fill=\"white\"/>\n");
    fprintf(f, "<text x=\"10\" y=\"18\" font-size=\"14\">File size, log "
               "scale: subk x86_64 (blue), subk i386 (green), GNU + "
               "shared libraries (grey)</text>\n");
    for (int e = 2; e <= 7; e++) {
        double x = x0 + (e - lo) / (hi - lo) * w;
        static const char *const lbl[] = { "", "", "100 B", "1 KB",
                                           "10 KB", "100 KB", "1 MB",
                                           "10 MB" };
        fprintf(f, "<line x1=\"%.0f\" y1=\"30\" x2=\"%.0f\" y2=\"%d\" "
                   "stroke=\"#ddd\"/><text x=\"%.0f\" y=\"%d\" "
                   "text-anchor=\"middle\">%s</text>\n",
                x, x, h - 20, x, h - 6, lbl[e]);
    }
    for (int i = 0; i < n; i++) {
        long long v[3] = { r[i].ours64, r[i].ours32, r[i].gnulibs };
        const char *col[3] = { "#3366cc", "#33aa55", "#999999" };
        int y = 34 + i * 34;
        fprintf(f, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>\n",
                x0 - 6, y + 16, r[i].name);
        for (int k = 0; k < 3; k++) {
            double len = v[k] > 0 ? (log10((double)v[k]) - lo) /
                                        (hi - lo) * w : 0;
            if (len < 1)
                len = 1;
            fprintf(f, "<rect x=\"%d\" y=\"%d\" width=\"%.0f\" height=\"9\" "
                       "fill=\"%s\"/>\n", x0, y + 3 + k * 10, len, col[k]);
        }
    }
    fprintf(f, "</svg>\n");
    fclose(f);
}

int main(int argc, char **argv)
{
    static struct row rows[MAXU];
    static struct libs gnu_libs;
    static const char *const bb_paths[] = { "/bin/busybox",
                                            "/usr/bin/busybox", NULL };
    static const char *const toy_paths[] = { "/usr/bin/toybox", "/bin/toybox",
                                             NULL };
    int quick = 0, n = 0, batches, per;
    char dir64[1024], dir32[1024], md[1024], svg[1024], cdir[1024];
    char *names[MAXU];
    const char *bb, *toy;
    DIR *d;
    struct dirent *e;
    FILE *out;
    struct utsname un;
    char cpu[512] = "", v_gnu[256], v_bb[256], v_toy[256], v_gcc[256],
         v_musl[256];
    long long tot64 = 0, tot32 = 0, tot_gnu = 0;

    if (argc > 1 && strcmp(argv[1], "-q") == 0) {
        quick = 1;
        argv++;
        argc--;
    }
    if (argc != 3) {
        fprintf(stderr, "usage: report [-q] BUILDDIR OUTDIR\n");
        return 2;
    }
    batches = quick ? 3 : 15;
    per = quick ? 10 : 100;
    snprintf(dir64, sizeof dir64, "%s/x86_64", argv[1]);
    snprintf(dir32, sizeof dir32, "%s/i386", argv[1]);
    snprintf(md, sizeof md, "%s/report.md", argv[2]);
    snprintf(svg, sizeof svg, "%s/report.svg", argv[2]);
    snprintf(cdir, sizeof cdir, "%s/report-c", argv[2]);
    mkdir(argv[2], 0755); /* may exist */
    bb = find_exec(bb_paths);
    toy = find_exec(toy_paths);

    if (!(d = opendir(dir64))) {
        fprintf(stderr, "report: %s: %s\n", dir64, strerror(errno));
        return 1;
    }
    while ((e = readdir(d)) && n < MAXU)
        if (e->d_name[0] != '.')
            names[n++] = strdup(e->d_name);
    closedir(d);
    qsort(names, (size_t)n, sizeof *names, cmp_str);

    /* run everything from an empty directory */
    char tmp[] = "/tmp/subk-report.XXXXXX";
    char cwd[4096];
    if (!getcwd(cwd, sizeof cwd) || !mkdtemp(tmp) || chdir(tmp) != 0) {
        fprintf(stderr, "report: temp dir: %s\n", strerror(errno));
        return 1;
    }
    char *a64, *a32, *amd, *asvg, *acdir;
    if (asprintf(&a64, "%s%s%s", *dir64 == '/' ? "" : cwd,
                 *dir64 == '/' ? "" : "/", dir64) < 0 ||
        asprintf(&a32, "%s%s%s", *dir32 == '/' ? "" : cwd,
                 *dir32 == '/' ? "" : "/", dir32) < 0 ||
        asprintf(&amd, "%s%s%s", *md == '/' ? "" : cwd,
                 *md == '/' ? "" : "/", md) < 0 ||
        asprintf(&asvg, "%s%s%s", *svg == '/' ? "" : cwd,
                 *svg == '/' ? "" : "/", svg) < 0 ||
        asprintf(&acdir, "%s%s%s", *cdir == '/' ? "" : cwd,
                 *cdir == '/' ? "" : "/", cdir) < 0) {
        fprintf(stderr, "report: out of memory\n");
        return 1;
    }

    for (int i = 0; i < n; i++) {
        struct row *r = &rows[i];
        char p64[4200], p32[4200], gnu[512], lcmd[600];
        snprintf(r->name, sizeof r->name, "%s", names[i]);
        snprintf(p64, sizeof p64, "%s/%s", a64, names[i]);
        snprintf(p32, sizeof p32, "%s/%s", a32, names[i]);
        snprintf(gnu, sizeof gnu, "/usr/bin/%s", names[i]);
        r->ours64 = file_size(p64);
        r->ours32 = file_size(p32);
        r->gnu = file_size(gnu);
        r->gnulibs = with_libs(gnu, &gnu_libs);
        if (bb) {
            snprintf(lcmd, sizeof lcmd, "%s --list", bb);
            r->bb = has_applet(lcmd, names[i]);
        }
        if (toy) {
            snprintf(lcmd, sizeof lcmd, "%s", toy);
            r->toy = has_applet(lcmd, names[i]);
        }
        r->c_ours = trace_run(p64, names[i]);
        r->c_gnu = r->gnu >= 0 ? trace_run(gnu, names[i])
                               : (struct cost){ -1, -1 };
        r->c_bb = r->bb ? trace_run(bb, names[i]) : (struct cost){ -1, -1 };
        r->c_toy = r->toy ? trace_run(toy, names[i])
                          : (struct cost){ -1, -1 };
        r->l_gnu = r->gnu >= 0 ? exec_latency(p64, gnu, names[i], batches, per)
                               : (struct latency){ -1, 0, 0 };
        r->l_bb = r->bb ? exec_latency(p64, bb, names[i], batches, per)
                        : (struct latency){ -1, 0, 0 };
        r->l_toy = r->toy ? exec_latency(p64, toy, names[i], batches, per)
                          : (struct latency){ -1, 0, 0 };
        tot64 += r->ours64 > 0 ? r->ours64 : 0;
        tot32 += r->ours32 > 0 ? r->ours32 : 0;
        tot_gnu += r->gnu > 0 ? r->gnu : 0;
        fprintf(stderr, "report: %s measured\n", names[i]);
    }
    for (int i = 0; i < gnu_libs.n; i++)
        tot_gnu += file_size(gnu_libs.path[i]) > 0
                       ? file_size(gnu_libs.path[i]) : 0;

    /* the static C programs */
    struct { const char *name, *src; long long sz[2]; struct cost c[2]; }
        cprog[] = { { "true", c_true, { -1, -1 }, { { -1, -1 }, { -1, -1 } } },
                    { "echo", c_echo, { -1, -1 }, { { -1, -1 }, { -1, -1 } } },
                    { "cat", c_cat, { -1, -1 }, { { -1, -1 }, { -1, -1 } } } };
    int have_musl = system("command -v musl-gcc >/dev/null 2>&1") == 0;
    mkdir(acdir, 0755);
    for (int i = 0; i < 3; i++)
        for (int k = 0; k < 2; k++) {
            char bin[4200];
            if (k == 1 && !have_musl)
                continue;
            if (build_c(acdir, cprog[i].name, cprog[i].src,
                        k ? "musl-gcc" : "gcc", k ? "musl" : "glibc") != 0)
                continue;
            snprintf(bin, sizeof bin, "%s/%s-%s", acdir, cprog[i].name,
                     k ? "musl" : "glibc");
            cprog[i].sz[k] = file_size(bin);
            cprog[i].c[k] = trace_run(bin, cprog[i].name);
        }

    /* versions and machine */
    uname(&un);
    {
        FILE *f = fopen("/proc/cpuinfo", "r");
        char line[512];
        while (f && fgets(line, sizeof line, f))
            if (strncmp(line, "model name", 10) == 0) {
                char *s = strchr(line, ':');
                snprintf(cpu, sizeof cpu, "%s", s ? s + 2 : line);
                cpu[strcspn(cpu, "\n")] = 0;
                break;
            }
        if (f)
            fclose(f);
    }
    first_line("/usr/bin/true --version", v_gnu, sizeof v_gnu);
    v_bb[0] = v_toy[0] = 0;
    if (bb) {
        char cmd[600];
        snprintf(cmd, sizeof cmd, "%s 2>&1 | head -n 1", bb);
        first_line(cmd, v_bb, sizeof v_bb);
    }
    if (toy) {
        char cmd[600];
        snprintf(cmd, sizeof cmd, "%s --version 2>&1", toy);
        first_line(cmd, v_toy, sizeof v_toy);
    }
    first_line("gcc --version", v_gcc, sizeof v_gcc);
    first_line("dpkg-query -W -f '${Version}' musl 2>/dev/null", v_musl,
               sizeof v_musl);

    if (chdir(cwd) != 0 || !(out = fopen(amd, "w"))) {
        fprintf(stderr, "report: %s: %s\n", md, strerror(errno));
        return 1;
    }
    fprintf(out, "# subk report\n\n");
    fprintf(out, "Measured on %s %s %s (%s), %s.\n\n", un.sysname,
            un.release, un.machine, cpu, quick ? "quick mode" : "full mode");
    fprintf(out, "- GNU: %s (dynamically linked; the size counts the "
                 "shared libraries `ldd` lists)\n", v_gnu);
    fprintf(out, "- BusyBox: %s\n", bb ? v_bb : "not installed");
    fprintf(out, "- toybox: %s\n", toy ? v_toy : "not installed");
    fprintf(out, "- static C: %s; musl %s\n\n", v_gcc,
            have_musl ? v_musl : "not installed");
    fprintf(out, "Peak RSS is VmHWM at exit (ptrace, with the kernel's random "
                 "stack gap off so the figure repeats); system calls are "
                 "counted after execve; exec latency is fork+execve+wait, "
                 "the median of per-batch ratios theirs/ours (> 1: subk is "
                 "faster), with the median microseconds ours / theirs.\n\n");

    fprintf(out, "## File size\n\n| utility | subk x86_64 | subk i386 | "
                 "GNU | GNU + libs |\n|---|---:|---:|---:|---:|\n");
    for (int i = 0; i < n; i++) {
        char a[32], b[32], c[32], dd[32];
        fmt_size(a, sizeof a, rows[i].ours64);
        fmt_size(b, sizeof b, rows[i].ours32);
        fmt_size(c, sizeof c, rows[i].gnu);
        fmt_size(dd, sizeof dd, rows[i].gnulibs);
        fprintf(out, "| %s | %s | %s | %s | %s |\n", rows[i].name, a, b, c,
                dd);
    }
    {
        char a[32], b[32], c[32], x[32], y[32];
        fmt_size(a, sizeof a, tot64);
        fmt_size(b, sizeof b, tot32);
        fmt_size(c, sizeof c, tot_gnu);
        fmt_size(x, sizeof x, bb ? file_size(bb) : -1);
        fmt_size(y, sizeof y, toy ? file_size(toy) : -1);
        fprintf(out, "\n## Totals\n\n| what | bytes |\n|---|---:|\n"
                     "| all %d subk binaries, x86_64 | %s |\n"
                     "| all %d subk binaries, i386 | %s |\n"
                     "| GNU coreutils, the same %d utilities, + their "
                     "libraries once | %s |\n"
                     "| BusyBox (whole binary) | %s |\n"
                     "| toybox (whole binary) | %s |\n",
                n, a, n, b, n, c, bb ? x : "not installed",
                toy ? y : "not installed");
    }

    fprintf(out, "\n## Static C programs of the same job\n\n| program | "
                 "subk x86_64 | glibc static | musl static | RSS / syscalls: "
                 "subk | glibc | musl |\n|---|---:|---:|---:|---:|---:|---:|\n");
    for (int i = 0; i < 3; i++) {
        char a[32], b[32], c[32], x[48], y[48], z[48];
        struct row *r = NULL;
        for (int k = 0; k < n; k++)
            if (strcmp(rows[k].name, cprog[i].name) == 0)
                r = &rows[k];
        fmt_size(a, sizeof a, r ? r->ours64 : -1);
        fmt_size(b, sizeof b, cprog[i].sz[0]);
        if (have_musl)
            fmt_size(c, sizeof c, cprog[i].sz[1]);
        else
            snprintf(c, sizeof c, "not installed");
        fmt_cost(x, sizeof x, r ? r->c_ours : (struct cost){ -1, -1 }, 1);
        fmt_cost(y, sizeof y, cprog[i].c[0], cprog[i].sz[0] >= 0);
        fmt_cost(z, sizeof z, cprog[i].c[1], cprog[i].sz[1] >= 0);
        fprintf(out, "| %s | %s | %s | %s | %s | %s | %s |\n", cprog[i].name,
                a, b, c, x, y, z);
    }

    fprintf(out, "\n## Peak RSS / system calls of a trivial run\n\n"
                 "| utility | subk | GNU | BusyBox | toybox |\n"
                 "|---|---:|---:|---:|---:|\n");
    for (int i = 0; i < n; i++) {
        char a[48], b[48], c[48], x[48];
        fmt_cost(a, sizeof a, rows[i].c_ours, 1);
        fmt_cost(b, sizeof b, rows[i].c_gnu, rows[i].gnu >= 0);
        fmt_cost(c, sizeof c, rows[i].c_bb, rows[i].bb);
        fmt_cost(x, sizeof x, rows[i].c_toy, rows[i].toy);
        fprintf(out, "| %s | %s | %s | %s | %s |\n", rows[i].name, a, b,
                bb ? c : "not installed", toy ? x : "not installed");
    }

    fprintf(out, "\n## Exec latency (fork + execve + wait)\n\n"
                 "| utility | vs GNU | vs BusyBox | vs toybox |\n"
                 "|---|---:|---:|---:|\n");
    for (int i = 0; i < n; i++) {
        char a[64], b[64], c[64];
        fmt_lat(a, sizeof a, rows[i].l_gnu, rows[i].gnu >= 0);
        fmt_lat(b, sizeof b, rows[i].l_bb, rows[i].bb);
        fmt_lat(c, sizeof c, rows[i].l_toy, rows[i].toy);
        fprintf(out, "| %s | %s | %s | %s |\n", rows[i].name, a,
                bb ? b : "not installed", toy ? c : "not installed");
    }
    fprintf(out, "\nChart: report.svg (file sizes, log scale).\n");
    fclose(out);
    write_svg(asvg, rows, n);

    /* clean the temp dir (the utilities ran there) */
    {
        char cmd[200];
        snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmp);
        if (system(cmd) != 0)
            fprintf(stderr, "report: could not remove %s\n", tmp);
    }
    printf("report: wrote %s and %s\n", md, svg);
    return 0;
}
