/*
 * difftest.c - differential tester for subk: runs every case of tests/cases/NAME.cases
 * once with our NAME and once with GNU's NAME, each in a fresh temp directory, and
 * compares what the two did:
 *   - stdout bytes, exactly (the case dir's absolute path is shown as <DIR> on both sides);
 *   - the exit status (a death by signal counts as that signal, e.g. SIGPIPE == SIGPIPE);
 *   - stderr: empty vs non-empty, or the exact text when the case says `stderr exact`;
 *   - the tree left in the case dir: names, types, modes, owners, link counts, sizes,
 *     contents, symlink targets, device numbers, and the mtimes of the paths the case set
 *     with `times` (of all paths with `check-times`).
 * The case file format is documented in tests/cases/README.md.
 *
 * Build by hand:
 *   gcc -std=c99 -O2 -Wall -Wextra -Werror -D_GNU_SOURCE -o difftest c-harness/difftest.c
 * Run by hand:
 *   ./difftest [-v] [-k] build/x86_64 tests/cases/cat.cases tests/cases/echo.cases
 *   -v  print every case with PASS/FAIL/SKIP      -k  keep the temp dirs of failing cases
 * Our binary is OURDIR/NAME, GNU's is /usr/bin/NAME or /bin/NAME.  The last line printed
 * is "N passed, N failed" (", N skipped" is added when cases were skipped); the exit
 * status is 1 if anything failed or a case file is malformed, 0 otherwise.
 *
 * Safety: run as root, every child runs in a private mount namespace where every mount
 * is read-only except its own case dir.  If that cannot be set up, difftest refuses to
 * run unless DIFFTEST_ALLOW_NO_NS=1 is set (then it warns once and runs unprotected).
 * A case marked skip-if-root (one for an unprivileged user) runs as nobody when
 * difftest is root, so both kinds run in CI.
 */
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <limits.h>
#include <sched.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/sysmacros.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#ifndef SYS_mount_setattr
#define SYS_mount_setattr 442
#endif
#define DT_MOUNT_ATTR_RDONLY 0x1ULL
#define DT_AT_RECURSIVE 0x8000
struct dt_mount_attr { uint64_t attr_set, attr_clr, propagation, userns_fd; };

#define FSIZE_LIMIT (4ULL << 30)  /* files a child writes are capped at 4 GiB */
#define SHOW_MAX 200              /* bytes of output shown per side in a report */
#define TREE_MAX 8                /* tree differences listed per case */

enum { NS_NONE, NS_SETATTR, NS_REMOUNT };
enum { IN_DATA, IN_FILE, IN_NULL, IN_CLOSED };
enum { OUT_CAPTURE, OUT_CLOSED, OUT_FULL };
enum { OP_FILE, OP_DIR, OP_SYMLINK, OP_FIFO, OP_TIMES };
enum { ST_TIMEOUT = -1, ST_NOTRUN = -2 };   /* else 0..255 = exit code, 256+N = signal N */

typedef struct { char *s; size_t n, cap; } Str;   /* bytes, always NUL-terminated */
typedef struct { Str data; long long count; } Piece;
typedef struct {
    int kind, line;
    char *path, *target;
    unsigned mode;
    Piece data;
    struct timespec ts[2];
} Op;
typedef struct {
    char *name; const char *file; int line;
    char **args; size_t nargs;
    Piece *in; size_t nin; int in_mode, in_set, in_pipe; char *in_path;
    int out_mode;
    Op *ops; size_t nops;
    char **env_add; size_t nenv_add;
    char **env_unset; size_t nenv_unset;
    int stderr_exact, stdout_ignore, check_times, skip_unless_root, skip_if_root;
    int expect_set, expect;
    double timeout;
    unsigned umask;
} Case;
typedef struct { char *rel, *target; struct stat st; int unreadable; } Entry;
typedef struct {
    char *root, *dir;        /* run root (holds stdin/stdout/stderr) and case dir */
    int status;
    char *err;               /* why the command could not run */
    Str out, errout;
    Entry *tree; size_t ntree;
    time_t t0, t1;           /* run window: timestamps inside it count as "now" */
} Run;

static int g_verbose, g_keep, g_root, g_ns = NS_NONE, g_stop;
/* As root, a case marked skip-if-root runs as nobody instead (NOBODY_ID for
 * the uid and gid, no supplementary groups), its tree chowned to nobody
 * first, as the non-root user who would run it owns what it makes. */
static int g_nobody;
#define NOBODY_ID 65534
static char *g_base;         /* real path of $TMPDIR or /tmp */
static sigset_t g_sigs;      /* blocked in difftest itself, waited for with sigtimedwait */
static char g_msg[512];      /* the current syntax error */

/* ---------- small helpers ---------- */

static void *xrealloc(void *p, size_t n)
{
    if (!(p = realloc(p, n ? n : 1))) { perror("difftest"); exit(2); }
    return p;
}
static char *xstrdup(const char *s) { return strcpy(xrealloc(NULL, strlen(s) + 1), s); }
static char *xasprintf(const char *fmt, ...)
{
    char *s; va_list ap;
    va_start(ap, fmt);
    int k = vasprintf(&s, fmt, ap);
    va_end(ap);
    if (k < 0) { perror("difftest"); exit(2); }
    return s;
}
/* Grow an array so that element n fits (capacity doubles at powers of two). */
static void *grow(void *p, size_t n, size_t size)
{
    return (n & (n - 1)) ? p : xrealloc(p, (n ? 2 * n : 1) * size);
}
#define PUSH(a, n, v) ((a) = grow((a), (n), sizeof *(a)), (a)[(n)++] = (v))

static void sadd(Str *s, const void *p, size_t n)
{
    if (s->n + n + 1 > s->cap) {
        s->cap = (s->n + n + 1) * 2;
        s->s = xrealloc(s->s, s->cap);
    }
    memcpy(s->s + s->n, p, n);
    s->n += n;
    s->s[s->n] = 0;
}
static void sfmt(Str *s, const char *fmt, ...)
{
    char *t; va_list ap;
    va_start(ap, fmt);
    int k = vasprintf(&t, fmt, ap);
    va_end(ap);
    if (k < 0) { perror("difftest"); exit(2); }
    sadd(s, t, (size_t)k);
    free(t);
}
static void sfree(Str *s) { free(s->s); memset(s, 0, sizeof *s); }

/* Append P as a C string literal, escaped, at most MAX bytes of it. */
static void add_escaped(Str *r, const char *p, size_t n, size_t max)
{
    sadd(r, "\"", 1);
    for (size_t i = 0; i < n && i < max; i++) {
        unsigned char c = (unsigned char)p[i];
        const char *e = c == '\n' ? "\\n" : c == '\t' ? "\\t" : c == '\r' ? "\\r"
                      : c == '\\' ? "\\\\" : c == '"' ? "\\\"" : NULL;
        if (e) sadd(r, e, 2);
        else if (c < 32 || c >= 127) sfmt(r, "\\%03o", c);
        else sadd(r, &c, 1);
    }
    sadd(r, "\"", 1);
    if (n > max) sadd(r, "...", 3);
}

/* Append W quoted the way a shell would accept it. */
static void add_shell_word(Str *r, const char *w)
{
    size_t i, n = strlen(w);
    int safe = n > 0, printable = 1;
    for (i = 0; i < n; i++) {
        unsigned char c = (unsigned char)w[i];
        if (!isalnum(c) && !strchr("_@%+=:,./-", c)) safe = 0;
        if (c < 32 || c >= 127) printable = 0;
    }
    if (safe) { sadd(r, w, n); return; }
    if (printable) {
        sadd(r, "'", 1);
        for (i = 0; i < n; i++)
            if (w[i] == '\'') sadd(r, "'\\''", 4); else sadd(r, w + i, 1);
        sadd(r, "'", 1);
        return;
    }
    sadd(r, "$'", 2);
    for (i = 0; i < n; i++) {
        unsigned char c = (unsigned char)w[i];
        if (c == '\n') sadd(r, "\\n", 2);
        else if (c == '\t') sadd(r, "\\t", 2);
        else if (c == '\\' || c == '\'') { sadd(r, "\\", 1); sadd(r, &c, 1); }
        else if (c < 32 || c >= 127) sfmt(r, "\\%03o", c);
        else sadd(r, &c, 1);
    }
    sadd(r, "'", 1);
}

static const struct { int n; const char *s; } signames[] = {
    {SIGHUP, "SIGHUP"}, {SIGINT, "SIGINT"}, {SIGQUIT, "SIGQUIT"}, {SIGILL, "SIGILL"},
    {SIGTRAP, "SIGTRAP"}, {SIGABRT, "SIGABRT"}, {SIGBUS, "SIGBUS"}, {SIGFPE, "SIGFPE"},
    {SIGKILL, "SIGKILL"}, {SIGUSR1, "SIGUSR1"}, {SIGSEGV, "SIGSEGV"}, {SIGUSR2, "SIGUSR2"},
    {SIGPIPE, "SIGPIPE"}, {SIGALRM, "SIGALRM"}, {SIGTERM, "SIGTERM"}, {SIGCHLD, "SIGCHLD"},
    {SIGCONT, "SIGCONT"}, {SIGSTOP, "SIGSTOP"}, {SIGTSTP, "SIGTSTP"}, {SIGTTIN, "SIGTTIN"},
    {SIGTTOU, "SIGTTOU"}, {SIGURG, "SIGURG"}, {SIGXCPU, "SIGXCPU"}, {SIGXFSZ, "SIGXFSZ"},
    {SIGVTALRM, "SIGVTALRM"}, {SIGPROF, "SIGPROF"}, {SIGWINCH, "SIGWINCH"}, {SIGIO, "SIGIO"},
    {SIGPWR, "SIGPWR"}, {SIGSYS, "SIGSYS"},
};
static void add_status(Str *r, int st, double timeout)
{
    if (st == ST_TIMEOUT) { sfmt(r, "timed out after %g s (process group killed)", timeout); return; }
    if (st < 256) { sfmt(r, "exit %d", st); return; }
    for (size_t i = 0; i < sizeof signames / sizeof *signames; i++)
        if (signames[i].n == st - 256) { sfmt(r, "killed by %s", signames[i].s); return; }
    sfmt(r, "killed by signal %d", st - 256);
}

/* ---------- case file parsing ---------- */

/* Parse one escape after a backslash in "..."; returns the position after it or NULL. */
static const char *parse_escape(const char *p, Str *w)
{
    static const char from[] = "ntr\\\"'abfve", to[] = "\n\t\r\\\"'\a\b\f\v\033";
    const char *k = *p ? strchr(from, *p) : NULL;
    char c;
    if (k) { sadd(w, &to[k - from], 1); return p + 1; }
    if (*p >= '0' && *p <= '7') {
        unsigned v = 0;
        for (int i = 0; i < 3 && *p >= '0' && *p <= '7'; i++) v = v * 8 + (unsigned)(*p++ - '0');
        if (v > 0377) { snprintf(g_msg, sizeof g_msg, "octal escape above \\377"); return NULL; }
        c = (char)v; sadd(w, &c, 1);
        return p;
    }
    if (*p == 'x' && isxdigit((unsigned char)p[1])) {
        unsigned v = 0;
        for (int i = 0; i < 2 && isxdigit((unsigned char)p[1]); i++, p++)
            v = v * 16 + (unsigned)(isdigit((unsigned char)p[1]) ? p[1] - '0' : (tolower((unsigned char)p[1]) - 'a' + 10));
        c = (char)v; sadd(w, &c, 1);
        return p + 1;
    }
    snprintf(g_msg, sizeof g_msg, *p ? "unknown escape \\%c" : "backslash at end of line", *p);
    return NULL;
}

/* Split P into shell-like words: unquoted, '...' literal, "..." with escapes, concatenated. */
static int split_words(const char *p, Str **words, size_t *nw)
{
    for (;;) {
        while (*p == ' ' || *p == '\t') p++;
        if (!*p) return 0;
        Str w = {0};
        sadd(&w, "", 0);
        while (*p && *p != ' ' && *p != '\t') {
            char q = *p;
            if (q != '\'' && q != '"') { sadd(&w, p++, 1); continue; }
            for (p++; *p && *p != q;) {
                if (q == '"' && *p == '\\') {
                    if (!(p = parse_escape(p + 1, &w))) { sfree(&w); return -1; }
                } else sadd(&w, p++, 1);
            }
            if (!*p) { snprintf(g_msg, sizeof g_msg, "unterminated %c quote", q); sfree(&w); return -1; }
            p++;
        }
        PUSH(*words, *nw, w);
    }
}

/* Make a case-relative path canonical ("a//./b/" -> "a/b"); refuse absolute paths and "..". */
static char *norm_path(const Str *w)
{
    if (w->n == 0 || w->s[0] == '/' || strlen(w->s) != w->n) {
        snprintf(g_msg, sizeof g_msg, "path must be relative, non-empty, without NUL bytes");
        return NULL;
    }
    Str out = {0};
    char *copy = xstrdup(w->s), *save = NULL;
    for (char *c = strtok_r(copy, "/", &save); c; c = strtok_r(NULL, "/", &save)) {
        if (!strcmp(c, "..")) {
            snprintf(g_msg, sizeof g_msg, "'..' is not allowed in paths");
            free(copy); sfree(&out);
            return NULL;
        }
        if (!strcmp(c, ".")) continue;
        if (out.n) sadd(&out, "/", 1);
        sadd(&out, c, strlen(c));
    }
    free(copy);
    if (!out.n) sadd(&out, ".", 1);
    return out.s;
}

static int parse_octal(const Str *w, unsigned max, unsigned *v)
{
    char *end;
    unsigned long x = strtoul(w->s, &end, 8);
    if (!w->n || *end || w->s[0] == '-' || x > max) {
        snprintf(g_msg, sizeof g_msg, "bad octal mode '%s' (max %o)", w->s, max);
        return -1;
    }
    *v = (unsigned)x;
    return 0;
}
static int parse_count(const Str *w, long long *v)
{
    char *end;
    errno = 0;
    *v = strtoll(w->s, &end, 10);
    if (!w->n || *end || *v < 0 || errno) {
        snprintf(g_msg, sizeof g_msg, "bad count '%s'", w->s);
        return -1;
    }
    return 0;
}
/* SECONDS[.FRACTION], may be negative. */
static int parse_time(const Str *w, struct timespec *ts)
{
    const char *p = w->s;
    int neg = *p == '-';
    char *end;
    errno = 0;
    long long sec = strtoll(p + neg, &end, 10);
    long nsec = 0;
    if (end == p + neg || errno || !isdigit((unsigned char)p[neg])) goto bad;
    if (*end == '.') {
        long scale = 100000000;
        for (end++; isdigit((unsigned char)*end); end++, scale /= 10) nsec += (*end - '0') * scale;
    }
    if (*end) goto bad;
    ts->tv_sec = (time_t)(neg ? -sec : sec);
    ts->tv_nsec = nsec;
    if (neg && nsec) { ts->tv_sec--; ts->tv_nsec = 1000000000L - nsec; }
    return 0;
bad:
    snprintf(g_msg, sizeof g_msg, "bad time '%s' (want epoch seconds, e.g. 0, -86400, 1.5)", w->s);
    return -1;
}
static int parse_status(const Str *w, int *st)
{
    for (size_t i = 0; i < sizeof signames / sizeof *signames; i++)
        if (!strcmp(w->s, signames[i].s)) { *st = 256 + signames[i].n; return 0; }
    char *end;
    long v = strtol(w->s, &end, 10);
    if (!w->n || *end || v < 0 || v > 255) {
        snprintf(g_msg, sizeof g_msg, "bad exit status '%s' (0..255 or a name like SIGPIPE)", w->s);
        return -1;
    }
    *st = (int)v;
    return 0;
}

static int set_stdin(Case *c, int mode)
{
    if (c->in_set && c->in_mode != mode) {
        snprintf(g_msg, sizeof g_msg, "conflicting stdin directives");
        return -1;
    }
    c->in_set = 1;
    c->in_mode = mode;
    return 0;
}
static Piece take_piece(Str *w, long long count)
{
    Piece p = {*w, count};
    memset(w, 0, sizeof *w);
    return p;
}

/* Apply one directive D with its words W to case C; 0 or -1 with g_msg set. */
static int directive(Case *c, const char *d, Str *w, size_t n, int line)
{
    static const struct { const char *name; unsigned lo, hi; } arity[] = {
        {"args", 0, 9999}, {"stdin", 1, 1}, {"stdin-repeat", 2, 2}, {"stdin-file", 1, 1},
        {"stdin-null", 0, 0}, {"stdin-closed", 0, 0}, {"stdin-pipe", 0, 0},
        {"stdout-closed", 0, 0}, {"stdout-full", 0, 0}, {"file", 2, 3}, {"file-repeat", 4, 4},
        {"dir", 2, 2}, {"symlink", 2, 2}, {"fifo", 2, 2}, {"times", 3, 3}, {"env", 1, 1},
        {"env-unset", 1, 1}, {"stderr", 1, 1}, {"stdout", 1, 1}, {"exit", 1, 1},
        {"timeout", 1, 1}, {"check-times", 0, 0}, {"umask", 1, 1},
        {"skip-unless-root", 0, 0}, {"skip-if-root", 0, 0},
    };
    size_t k;
    for (k = 0; k < sizeof arity / sizeof *arity && strcmp(d, arity[k].name); k++) {}
    if (k == sizeof arity / sizeof *arity) {
        snprintf(g_msg, sizeof g_msg, "unknown directive '%s'", d);
        return -1;
    }
    if (n < arity[k].lo || n > arity[k].hi) {
        if (arity[k].lo == arity[k].hi)
            snprintf(g_msg, sizeof g_msg, "'%s' takes %u word(s), got %zu", d, arity[k].lo, n);
        else
            snprintf(g_msg, sizeof g_msg, "'%s' takes %u to %u words, got %zu", d, arity[k].lo, arity[k].hi, n);
        return -1;
    }
    Op op;
    memset(&op, 0, sizeof op);
    op.line = line;
    if (!strcmp(d, "args") || !strcmp(d, "env")) {
        for (size_t i = 0; i < n; i++) {
            if (strlen(w[i].s) != w[i].n) { snprintf(g_msg, sizeof g_msg, "NUL byte in '%s'", d); return -1; }
            if (d[0] == 'a') { PUSH(c->args, c->nargs, xstrdup(w[i].s)); continue; }
            char *eq = strchr(w[i].s, '=');
            if (!eq || eq == w[i].s) { snprintf(g_msg, sizeof g_msg, "env wants NAME=VALUE"); return -1; }
            PUSH(c->env_add, c->nenv_add, xstrdup(w[i].s));
        }
    } else if (!strcmp(d, "env-unset")) {
        PUSH(c->env_unset, c->nenv_unset, xstrdup(w[0].s));
    } else if (!strcmp(d, "stdin")) {
        if (set_stdin(c, IN_DATA)) return -1;
        PUSH(c->in, c->nin, take_piece(&w[0], 1));
    } else if (!strcmp(d, "stdin-repeat")) {
        long long cnt;
        if (set_stdin(c, IN_DATA) || parse_count(&w[0], &cnt)) return -1;
        PUSH(c->in, c->nin, take_piece(&w[1], cnt));
    } else if (!strcmp(d, "stdin-file")) {
        if (set_stdin(c, IN_FILE) || !(c->in_path = norm_path(&w[0]))) return -1;
    } else if (!strcmp(d, "stdin-null") || !strcmp(d, "stdin-closed")) {
        if (set_stdin(c, d[6] == 'n' ? IN_NULL : IN_CLOSED)) return -1;
    } else if (!strcmp(d, "stdin-pipe")) {
        c->in_pipe = 1;
    } else if (!strcmp(d, "stdout-closed") || !strcmp(d, "stdout-full")) {
        int m = d[7] == 'c' ? OUT_CLOSED : OUT_FULL;
        if (c->out_mode != OUT_CAPTURE && c->out_mode != m) {
            snprintf(g_msg, sizeof g_msg, "conflicting stdout directives");
            return -1;
        }
        c->out_mode = m;
    } else if (!strcmp(d, "file") || !strcmp(d, "file-repeat") || !strcmp(d, "dir") || !strcmp(d, "fifo")) {
        int repeat = !strcmp(d, "file-repeat");
        op.kind = !strcmp(d, "dir") ? OP_DIR : !strcmp(d, "fifo") ? OP_FIFO : OP_FILE;
        op.data.count = 1;
        if (!(op.path = norm_path(&w[0]))) return -1;
        if (parse_octal(&w[1], 07777, &op.mode) || (repeat && parse_count(&w[2], &op.data.count))) {
            free(op.path);
            return -1;
        }
        if (n > 2) op.data = take_piece(&w[n - 1], op.data.count);
        PUSH(c->ops, c->nops, op);
    } else if (!strcmp(d, "symlink")) {
        if (!(op.path = norm_path(&w[0]))) return -1;
        op.kind = OP_SYMLINK;
        op.target = xstrdup(w[1].s);
        PUSH(c->ops, c->nops, op);
    } else if (!strcmp(d, "times")) {
        if (!(op.path = norm_path(&w[0]))) return -1;
        op.kind = OP_TIMES;
        if (parse_time(&w[1], &op.ts[0]) || parse_time(&w[2], &op.ts[1])) { free(op.path); return -1; }
        PUSH(c->ops, c->nops, op);
    } else if (!strcmp(d, "stderr") || !strcmp(d, "stdout")) {
        const char *want = d[3] == 'e' ? "exact" : "ignore";
        if (strcmp(w[0].s, want)) { snprintf(g_msg, sizeof g_msg, "'%s' only takes '%s'", d, want); return -1; }
        if (d[3] == 'e') c->stderr_exact = 1; else c->stdout_ignore = 1;
    } else if (!strcmp(d, "exit")) {
        if (parse_status(&w[0], &c->expect)) return -1;
        c->expect_set = 1;
    } else if (!strcmp(d, "timeout")) {
        char *end;
        c->timeout = strtod(w[0].s, &end);
        if (*end || !(c->timeout > 0) || c->timeout > 86400) {
            snprintf(g_msg, sizeof g_msg, "bad timeout '%s' (seconds)", w[0].s);
            return -1;
        }
    } else if (!strcmp(d, "umask")) {
        if (parse_octal(&w[0], 0777, &c->umask)) return -1;
    } else if (!strcmp(d, "check-times")) c->check_times = 1;
    else if (!strcmp(d, "skip-unless-root")) c->skip_unless_root = 1;
    else c->skip_if_root = 1;
    return 0;
}

static void free_case(Case *c)
{
    size_t i;
    free(c->name);
    for (i = 0; i < c->nargs; i++) free(c->args[i]);
    for (i = 0; i < c->nin; i++) sfree(&c->in[i].data);
    for (i = 0; i < c->nops; i++) { free(c->ops[i].path); free(c->ops[i].target); sfree(&c->ops[i].data.data); }
    for (i = 0; i < c->nenv_add; i++) free(c->env_add[i]);
    for (i = 0; i < c->nenv_unset; i++) free(c->env_unset[i]);
    free(c->args); free(c->in); free(c->in_path); free(c->ops); free(c->env_add); free(c->env_unset);
}

/* Checks that need the whole case. */
static int finish_case(const Case *c)
{
    if (c->in_pipe && c->in_set && (c->in_mode == IN_NULL || c->in_mode == IN_CLOSED)) {
        snprintf(g_msg, sizeof g_msg, "case '%s': stdin-pipe cannot go with stdin-null/stdin-closed", c->name);
        return -1;
    }
    return 0;
}

/* Parse PATH into cases; on error print "PATH:LINE: ..." and return -1. */
static int parse_file(const char *path, Case **cases, size_t *ncases)
{
    FILE *f = fopen(path, "r");
    if (!f) { printf("%s: cannot open: %s\n", path, strerror(errno)); return -1; }
    char *line = NULL;
    size_t cap = 0;
    ssize_t len;
    int lineno = 0, rc = 0;
    while (rc == 0 && (len = getline(&line, &cap, f)) >= 0) {
        lineno++;
        while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r')) line[--len] = 0;
        char *p = line;
        while (*p == ' ' || *p == '\t') p++;
        if (!*p || *p == '#') continue;
        if (!strncmp(p, "===", 3) && (!p[3] || p[3] == ' ' || p[3] == '\t')) {
            if (*ncases && finish_case(&(*cases)[*ncases - 1])) { lineno = (*cases)[*ncases - 1].line; rc = -1; break; }
            char *name = p + 3, *end = p + strlen(p);
            while (*name == ' ' || *name == '\t') name++;
            while (end > name && (end[-1] == ' ' || end[-1] == '\t')) *--end = 0;
            if (!*name) { snprintf(g_msg, sizeof g_msg, "'===' needs a case name"); rc = -1; break; }
            Case c;
            memset(&c, 0, sizeof c);
            c.name = xstrdup(name); c.file = path; c.line = lineno;
            c.timeout = 10; c.umask = 022;
            PUSH(*cases, *ncases, c);
            continue;
        }
        char *d = p;
        while (*p && *p != ' ' && *p != '\t') p++;
        if (*p) *p++ = 0;
        if (!*ncases) { snprintf(g_msg, sizeof g_msg, "'%s' before the first '=== NAME' line", d); rc = -1; break; }
        Str *w = NULL;
        size_t nw = 0;
        rc = split_words(p, &w, &nw);
        if (rc == 0) rc = directive(&(*cases)[*ncases - 1], d, w, nw, lineno);
        for (size_t i = 0; i < nw; i++) sfree(&w[i]);
        free(w);
    }
    if (rc == 0 && *ncases && finish_case(&(*cases)[*ncases - 1])) { lineno = (*cases)[*ncases - 1].line; rc = -1; }
    if (rc) printf("%s:%d: syntax error: %s\n", path, lineno, g_msg);
    free(line);
    fclose(f);
    return rc;
}

/* ---------- file system helpers ---------- */

static void rm_rf(const char *path)
{
    struct stat st;
    if (lstat(path, &st) < 0) return;
    if (!S_ISDIR(st.st_mode)) { unlink(path); return; }
    chmod(path, 0700);
    DIR *d = opendir(path);
    struct dirent *e;
    while (d && (e = readdir(d))) {
        if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, "..")) continue;
        char *p = xasprintf("%s/%s", path, e->d_name);
        rm_rf(p);
        free(p);
    }
    if (d) closedir(d);
    rmdir(path);
}

/* lchown every path of the tree PATH (itself too) to nobody. */
static int chown_tree(const char *path)
{
    struct stat st;
    int bad = lchown(path, NOBODY_ID, NOBODY_ID);
    if (bad || lstat(path, &st) < 0 || !S_ISDIR(st.st_mode)) return bad;
    DIR *d = opendir(path);
    struct dirent *e;
    if (!d) return -1;
    while ((e = readdir(d))) {
        if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, "..")) continue;
        char *p = xasprintf("%s/%s", path, e->d_name);
        bad |= chown_tree(p);
        free(p);
    }
    closedir(d);
    return bad;
}

static int write_all(int fd, const char *p, size_t n)
{
    while (n) {
        ssize_t k = write(fd, p, n);
        if (k < 0 && errno == EINTR) continue;
        if (k <= 0) return -1;
        p += k; n -= (size_t)k;
    }
    return 0;
}
/* Write the piece's bytes COUNT times, batching small strings. */
static int write_piece(int fd, const Piece *pc)
{
    static char buf[65536];
    size_t used = 0, n = pc->data.n;
    if (n > sizeof buf) {
        for (long long i = 0; i < pc->count; i++) if (write_all(fd, pc->data.s, n)) return -1;
        return 0;
    }
    for (long long i = 0; n && i < pc->count; i++) {
        if (used + n > sizeof buf) { if (write_all(fd, buf, used)) return -1; used = 0; }
        memcpy(buf + used, pc->data.s, n);
        used += n;
    }
    return write_all(fd, buf, used);
}
static ssize_t read_full(int fd, char *p, size_t n)
{
    size_t got = 0;
    while (got < n) {
        ssize_t k = read(fd, p + got, n - got);
        if (k < 0 && errno == EINTR) continue;
        if (k < 0) return -1;
        if (k == 0) break;
        got += (size_t)k;
    }
    return (ssize_t)got;
}
static void read_file(const char *path, Str *s)
{
    char buf[65536];
    ssize_t k;
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    sadd(s, "", 0);
    if (fd < 0) return;
    while ((k = read_full(fd, buf, sizeof buf)) > 0) sadd(s, buf, (size_t)k);
    close(fd);
}
static char *read_link(const char *path)
{
    for (size_t n = 256;; n *= 2) {
        char *b = xrealloc(NULL, n);
        ssize_t k = readlink(path, b, n);
        if (k < 0) { free(b); return xstrdup("?"); }
        if ((size_t)k < n) { b[k] = 0; return b; }
        free(b);
    }
}

/* Create the missing parent dirs of REL inside DIR (0755), refusing to go through
 * anything that is not a real directory (e.g. a symlink made by an earlier directive). */
static char *make_parents(const char *dir, const char *rel)
{
    char *p = xasprintf("%s/%s", dir, rel);
    for (char *s = p + strlen(dir) + 1; (s = strchr(s, '/')); *s++ = '/') {
        struct stat st;
        *s = 0;
        int found = lstat(p, &st) == 0;
        if (found && !S_ISDIR(st.st_mode)) {
            char *e = xasprintf("'%s' is not a directory", p + strlen(dir) + 1);
            free(p);
            return e;
        }
        if (!found && (mkdir(p, 0755) || chmod(p, 0755))) {
            char *e = xasprintf("mkdir %s: %s", p + strlen(dir) + 1, strerror(errno));
            free(p);
            return e;
        }
    }
    free(p);
    return NULL;
}

/* Whether the entries made in DIR have inode numbers in the order they were made, among
 * the entries of each directory.  cp and mv copy a directory's entries in inode order
 * (GNU's savedir), so the two runs must see the same order: the one the case file gives.
 * A file freed by a test running meanwhile can give a later entry a smaller number. */
static int inodes_in_order(const Case *c, const char *dir)
{
    struct made { char *rel; size_t first; ino_t ino; } *m = NULL;
    size_t n = 0, i, j;
    int ok = 1;
    for (i = 0; i < c->nops; i++) {
        if (c->ops[i].kind == OP_TIMES) continue;
        for (char *s = c->ops[i].path;; s++) {      /* each prefix: a parent, then the path */
            if (*s && *s != '/') continue;
            char *rel = xasprintf("%.*s", (int)(s - c->ops[i].path), c->ops[i].path);
            for (j = 0; j < n && strcmp(m[j].rel, rel); j++) {}
            if (j == n) {
                struct made e = {rel, i, 0};
                struct stat st;
                char *abs = xasprintf("%s/%s", dir, rel);
                if (!lstat(abs, &st)) e.ino = st.st_ino;
                free(abs);
                PUSH(m, n, e);
            } else free(rel);
            if (!*s) break;
        }
    }
    for (i = 0; i < n; i++)
        for (j = 0; j < n; j++) {
            const char *a = strrchr(m[i].rel, '/'), *b = strrchr(m[j].rel, '/');
            size_t la = a ? (size_t)(a - m[i].rel) : 0, lb = b ? (size_t)(b - m[j].rel) : 0;
            if (la == lb && !strncmp(m[i].rel, m[j].rel, la) && m[i].first < m[j].first && m[i].ino > m[j].ino)
                ok = 0;
        }
    for (i = 0; i < n; i++) free(m[i].rel);
    free(m);
    return ok;
}

/* Build the case's tree in DIR: create in order (again, if a test running meanwhile
 * got the inode numbers out of that order), then set dir modes (deepest first, so
 * children could still be made), then the times (last, since creating changes them). */
static char *setup_tree(const Case *c, const char *dir)
{
    char *err = NULL;
    size_t i;
    int maxdepth = 0, tries = 0;
again:
    for (i = 0; i < c->nops && !err; i++) {
        const Op *o = &c->ops[i];
        char *abs = xasprintf("%s/%s", dir, o->path);
        struct stat st;
        int fd, ok = 1;
        if ((err = make_parents(dir, o->path))) { free(abs); break; }
        switch (o->kind) {
        case OP_FILE:
            fd = open(abs, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0600);
            ok = fd >= 0 && !write_piece(fd, &o->data) && !fchmod(fd, o->mode);
            if (fd >= 0) close(fd);
            break;
        case OP_DIR:
            ok = !mkdir(abs, 0700) || (errno == EEXIST && !lstat(abs, &st) && S_ISDIR(st.st_mode));
            for (const char *s = o->path; *s; s++) maxdepth += *s == '/';
            break;
        case OP_SYMLINK: ok = !symlink(o->target, abs); break;
        case OP_FIFO: ok = !mkfifo(abs, 0600) && !chmod(abs, o->mode); break;
        default: break;
        }
        if (!ok) err = xasprintf("line %d: %s: %s", o->line, o->path, strerror(errno));
        free(abs);
    }
    if (!err && !inodes_in_order(c, dir) && ++tries < 100) {
        rm_rf(dir);
        if (mkdir(dir, 0755) || chmod(dir, 0755)) return xasprintf("mkdir %s: %s", dir, strerror(errno));
        maxdepth = 0;
        goto again;
    }
    for (int depth = maxdepth; depth >= 0 && !err; depth--)
        for (i = 0; i < c->nops && !err; i++) {
            int dd = 0;
            for (const char *s = c->ops[i].path; *s; s++) dd += *s == '/';
            if (c->ops[i].kind != OP_DIR || dd != depth) continue;
            char *abs = xasprintf("%s/%s", dir, c->ops[i].path);
            if (chmod(abs, c->ops[i].mode)) err = xasprintf("chmod %s: %s", c->ops[i].path, strerror(errno));
            free(abs);
        }
    for (i = 0; i < c->nops && !err; i++) {
        if (c->ops[i].kind != OP_TIMES) continue;
        char *abs = xasprintf("%s/%s", dir, c->ops[i].path);
        if (utimensat(AT_FDCWD, abs, c->ops[i].ts, AT_SYMLINK_NOFOLLOW))
            err = xasprintf("line %d: times %s: %s", c->ops[i].line, c->ops[i].path, strerror(errno));
        free(abs);
    }
    return err;
}

/* Record every entry under ABS (relative name REL), without following symlinks. */
static void walk(const char *abs, const char *rel, Entry **v, size_t *n)
{
    Entry e;
    memset(&e, 0, sizeof e);
    if (lstat(abs, &e.st) < 0) return;
    e.rel = xstrdup(rel);
    if (S_ISLNK(e.st.st_mode)) e.target = read_link(abs);
    DIR *d = S_ISDIR(e.st.st_mode) ? opendir(abs) : NULL;
    e.unreadable = S_ISDIR(e.st.st_mode) && !d;
    PUSH(*v, *n, e);
    struct dirent *de;
    while (d && (de = readdir(d))) {
        if (!strcmp(de->d_name, ".") || !strcmp(de->d_name, "..")) continue;
        char *ca = xasprintf("%s/%s", abs, de->d_name);
        char *cr = strcmp(rel, ".") ? xasprintf("%s/%s", rel, de->d_name) : xstrdup(de->d_name);
        walk(ca, cr, v, n);
        free(ca);
        free(cr);
    }
    if (d) closedir(d);
}
/* Path order with '/' sorting first, so a dir's entries follow it directly. */
static int pathcmp(const char *a, const char *b)
{
    for (;; a++, b++) {
        int x = *a == '/' ? 1 : (unsigned char)*a, y = *b == '/' ? 1 : (unsigned char)*b;
        if (x != y || !x) return x - y;
    }
}
static int entry_cmp(const void *a, const void *b)
{
    return pathcmp(((const Entry *)a)->rel, ((const Entry *)b)->rel);
}

/* ---------- mount namespace ---------- */

/* In a forked child: private mount namespace in which every mount is read-only except
 * DIR.  May downgrade *method to NS_REMOUNT when the kernel lacks mount_setattr. */
static int ns_lockdown(const char *dir, int *method, const char **stage)
{
    *stage = "unshare(CLONE_NEWNS)";
    if (unshare(CLONE_NEWNS)) return -1;
    *stage = "making / private";
    if (mount(NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL)) return -1;
    *stage = "bind-mounting the case dir";
    if (mount(dir, dir, NULL, MS_BIND | MS_REC, NULL)) return -1;
    if (*method == NS_SETATTR) {
        struct dt_mount_attr ro = {DT_MOUNT_ATTR_RDONLY, 0, 0, 0}, rw = {0, DT_MOUNT_ATTR_RDONLY, 0, 0};
        *stage = "mount_setattr(/, read-only, recursive)";
        if (syscall(SYS_mount_setattr, AT_FDCWD, "/", DT_AT_RECURSIVE, &ro, sizeof ro) == 0) {
            *stage = "mount_setattr(case dir, read-write)";
            return syscall(SYS_mount_setattr, AT_FDCWD, dir, 0, &rw, sizeof rw) ? -1 : 0;
        }
        if (errno != ENOSYS) return -1;
        *method = NS_REMOUNT;
    }
    *stage = "remounting / read-only";
    return mount(NULL, "/", NULL, MS_REMOUNT | MS_BIND | MS_RDONLY, NULL);
}

static char *make_run_root(char **dir)
{
    char *root = xasprintf("%s/difftest.XXXXXX", g_base);
    if (!mkdtemp(root)) { fprintf(stderr, "difftest: mkdtemp in %s: %s\n", g_base, strerror(errno)); exit(2); }
    *dir = xasprintf("%s/d", root);
    if (mkdir(*dir, 0755) || chmod(*dir, 0755)) { perror("difftest: mkdir"); exit(2); }
    return root;
}

struct probe { int ok, err, method, outside, inside, devnull, devfull; char stage[64]; };

/* Once, as root: set the namespace up in a throw-away child and check that writing
 * outside the case dir fails with EROFS while the case dir and /dev/null, /dev/full work. */
static void probe_ns(void)
{
    char *dir, *root = make_run_root(&dir), c = 0;
    int p[2];
    struct probe pr;
    memset(&pr, 0, sizeof pr);
    if (pipe2(p, O_CLOEXEC)) { perror("difftest: pipe"); exit(2); }
    fflush(NULL);
    pid_t pid = fork();
    if (pid == 0) {
        const char *stage = "";
        pr.method = NS_SETATTR;
        if (ns_lockdown(dir, &pr.method, &stage) == 0) {
            char *out = xasprintf("%s/outside", root), *in = xasprintf("%s/inside", dir);
            int fd = open(out, O_WRONLY | O_CREAT | O_EXCL, 0600);
            pr.outside = fd < 0 ? errno : 0;
            if (fd >= 0) { close(fd); unlink(out); }
            fd = open(in, O_WRONLY | O_CREAT | O_EXCL, 0600);
            pr.inside = fd < 0 ? errno : 0;
            if (fd >= 0) close(fd);
            fd = open("/dev/null", O_WRONLY);
            pr.devnull = fd < 0 || write(fd, &c, 1) != 1 ? (errno ? errno : EIO) : 0;
            if (fd >= 0) close(fd);
            fd = open("/dev/full", O_WRONLY);
            pr.devfull = fd < 0 ? errno : write(fd, &c, 1) < 0 && errno == ENOSPC ? 0 : EIO;
            if (fd >= 0) close(fd);
            pr.ok = 1;
        } else pr.err = errno;
        snprintf(pr.stage, sizeof pr.stage, "%s", stage);
        if (write(p[1], &pr, sizeof pr) < 0) _exit(1);
        _exit(0);
    }
    close(p[1]);
    if (pid < 0 || read_full(p[0], (char *)&pr, sizeof pr) != (ssize_t)sizeof pr) pr.ok = 0;
    close(p[0]);
    if (pid > 0) waitpid(pid, NULL, 0);
    rm_rf(root);
    free(root);
    free(dir);
    char *why = !pr.ok ? xasprintf("%s failed: %s", pr.stage, strerror(pr.err))
              : pr.outside != EROFS ? xasprintf("writing outside the case dir gave '%s', not EROFS", pr.outside ? strerror(pr.outside) : "success")
              : pr.inside ? xasprintf("the case dir is not writable: %s", strerror(pr.inside))
              : pr.devnull ? xasprintf("/dev/null is not writable: %s", strerror(pr.devnull))
              : pr.devfull ? xasprintf("/dev/full does not give ENOSPC") : NULL;
    if (why) {
        const char *allow = getenv("DIFFTEST_ALLOW_NO_NS");
        if (allow && !strcmp(allow, "1")) {
            fprintf(stderr, "difftest: WARNING: running as root WITHOUT the read-only mount namespace (%s); "
                            "a broken utility can damage this machine\n", why);
            free(why);
            return;
        }
        fprintf(stderr, "difftest: running as root needs a private read-only mount namespace, but %s.\n"
                        "difftest: set DIFFTEST_ALLOW_NO_NS=1 to run without that protection.\n", why);
        printf("0 passed, 1 failed\n");
        exit(1);
    }
    if (pr.method == NS_REMOUNT)
        fprintf(stderr, "difftest: warning: mount_setattr is unavailable; only the / mount is made "
                        "read-only, other mounts stay writable\n");
    g_ns = pr.method;
}

/* ---------- running one side ---------- */

struct child_err { char stage[48]; int err; };

static void child_fail(int fd, const char *stage)
{
    struct child_err e;
    memset(&e, 0, sizeof e);
    e.err = errno;
    snprintf(e.stage, sizeof e.stage, "%s", stage);
    if (write(fd, &e, sizeof e) < 0) _exit(126);
    _exit(127);
}

/* In the forked child: lock down, move into the case dir, wire up fds, exec. */
static void child_exec(const Case *c, const char *prog, char **argv, char **envp,
                       const char *dir, const int fds[3], int errfd)
{
    const char *stage = "";
    setpgid(0, 0);
    int m = g_ns;
    if (m != NS_NONE && ns_lockdown(dir, &m, &stage)) child_fail(errfd, stage);
    if (chdir(dir)) child_fail(errfd, "chdir to the case dir");
    if (g_nobody && (setgroups(0, NULL) || setgid(NOBODY_ID) || setuid(NOBODY_ID)))
        child_fail(errfd, "becoming nobody");
    for (int i = 0; i < 3; i++) {
        if (fds[i] < 0) close(i);
        else if (dup2(fds[i], i) < 0) child_fail(errfd, "dup2");
    }
    umask(c->umask);
    struct rlimit rl = {0, 0};
    setrlimit(RLIMIT_CORE, &rl);  /* no core files in the case dir */
    if (getrlimit(RLIMIT_FSIZE, &rl) == 0) {
        rl.rlim_cur = rl.rlim_max < FSIZE_LIMIT ? rl.rlim_max : FSIZE_LIMIT;
        setrlimit(RLIMIT_FSIZE, &rl);
    }
    signal(SIGPIPE, SIG_DFL);
    sigset_t none;
    sigemptyset(&none);
    sigprocmask(SIG_SETMASK, &none, NULL);
    execve(prog, argv, envp);
    child_fail(errfd, "exec");
}

static char **make_env(const Case *c)
{
    static const char *fixed[] = {"LC_ALL=C", "TZ=UTC", "PATH=/usr/local/bin:/usr/bin:/bin", "HOME=/nonexistent"};
    char **env = NULL;
    size_t n = 0, i, j, k;
    for (i = 0; i < 4 + c->nenv_add; i++) {
        const char *e = i < 4 ? fixed[i] : c->env_add[i - 4];
        size_t len = strcspn(e, "=");
        int dropped = 0;
        for (j = i < 4 ? 4 : i + 1; j < 4 + c->nenv_add; j++)  /* a later setting of a name wins */
            dropped |= !strncmp(c->env_add[j - 4], e, len + 1);
        for (k = 0; k < c->nenv_unset; k++)
            dropped |= strlen(c->env_unset[k]) == len && !strncmp(c->env_unset[k], e, len);
        if (!dropped) PUSH(env, n, xstrdup(e));
    }
    PUSH(env, n, NULL);
    return env;
}

/* Wait for PID up to TIMEOUT seconds; then kill its process group (leftover background
 * processes too) and reap it.  Returns the status code, or ST_TIMEOUT. */
static int wait_child(pid_t pid, double timeout)
{
    struct timespec start, now;
    int st, timed_out = 0;
    clock_gettime(CLOCK_MONOTONIC, &start);
    for (;;) {
        siginfo_t si;
        memset(&si, 0, sizeof si);
        if (waitid(P_PID, (id_t)pid, &si, WEXITED | WNOHANG | WNOWAIT) == 0 && si.si_pid == pid) break;
        clock_gettime(CLOCK_MONOTONIC, &now);
        double left = timeout - (double)(now.tv_sec - start.tv_sec) - (now.tv_nsec - start.tv_nsec) / 1e9;
        if (left <= 0) { timed_out = 1; break; }
        if (left > 0.5) left = 0.5;
        struct timespec ts = {(time_t)left, (long)((left - (double)(time_t)left) * 1e9)};
        int sig = sigtimedwait(&g_sigs, NULL, &ts);
        if (sig > 0 && sig != SIGCHLD) { g_stop = sig; timed_out = 1; break; }
    }
    kill(-pid, SIGKILL);
    while (waitpid(pid, &st, 0) < 0 && errno == EINTR) {}
    if (timed_out) return ST_TIMEOUT;
    return WIFSIGNALED(st) ? 256 + WTERMSIG(st) : WEXITSTATUS(st);
}

/* Run the case with PROG (argv[0] = NAME) in a fresh temp dir and record the outcome. */
static void run_side(const Case *c, const char *prog, const char *name, Run *r)
{
    int fds[3] = {-1, -1, -1}, src = -1, p[2] = {-1, -1}, ep[2];
    pid_t writer = -1;
    r->root = make_run_root(&r->dir);
    r->t0 = time(NULL);
    if ((r->err = setup_tree(c, r->dir))) { r->status = ST_NOTRUN; return; }
    if (g_nobody && (chmod(r->root, 0711) || chown_tree(r->dir))) {
        r->err = xasprintf("cannot give the case dir to nobody: %s", strerror(errno));
        r->status = ST_NOTRUN;
        return;
    }

    char *in = xasprintf("%s/stdin", r->root), *out = xasprintf("%s/stdout", r->root),
         *err = xasprintf("%s/stderr", r->root);
    if (c->in_mode == IN_DATA) {
        int fd = open(in, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
        for (size_t i = 0; fd >= 0 && i < c->nin; i++) write_piece(fd, &c->in[i]);
        if (fd >= 0) close(fd);
        src = open(in, O_RDONLY | O_CLOEXEC);
    } else if (c->in_mode == IN_FILE) {
        char *path = xasprintf("%s/%s", r->dir, c->in_path);
        src = open(path, O_RDONLY | O_CLOEXEC);
        free(path);
        if (src < 0) r->err = xasprintf("stdin-file %s: %s", c->in_path, strerror(errno));
    } else if (c->in_mode == IN_NULL) src = open("/dev/null", O_RDONLY | O_CLOEXEC);
    fds[1] = c->out_mode == OUT_CLOSED ? -1 : c->out_mode == OUT_FULL
           ? open("/dev/full", O_WRONLY | O_CLOEXEC) : open(out, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    fds[2] = open(err, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (!r->err && (fds[2] < 0 || (c->out_mode != OUT_CLOSED && fds[1] < 0) || (c->in_mode != IN_CLOSED && src < 0)))
        r->err = xasprintf("cannot open the standard streams: %s", strerror(errno));
    fflush(NULL);
    if (!r->err && c->in_pipe) {   /* a writer process feeds the source through a pipe */
        if (pipe2(p, O_CLOEXEC) || (writer = fork()) < 0)
            r->err = xasprintf("stdin pipe: %s", strerror(errno));
        else if (writer == 0) {
            char buf[65536];
            ssize_t k;
            signal(SIGPIPE, SIG_DFL);
            close(p[0]);
            while (src >= 0 && (k = read_full(src, buf, sizeof buf)) > 0)
                if (write_all(p[1], buf, (size_t)k)) break;
            _exit(0);
        }
        if (p[1] >= 0) close(p[1]);   /* only the writer may hold it, or stdin never ends */
        p[1] = -1;
    }
    fds[0] = c->in_pipe ? p[0] : src;

    char **argv = NULL, **envp = make_env(c);
    size_t na = 0;
    PUSH(argv, na, (char *)name);
    for (size_t i = 0; i < c->nargs; i++) PUSH(argv, na, c->args[i]);
    PUSH(argv, na, NULL);

    pid_t pid = -1;
    if (!r->err && pipe2(ep, O_CLOEXEC) == 0) {
        if ((pid = fork()) == 0) child_exec(c, prog, argv, envp, r->dir, fds, ep[1]);
        close(ep[1]);
        if (pid > 0) {
            struct child_err ce;
            setpgid(pid, pid);
            if (read_full(ep[0], (char *)&ce, sizeof ce) == (ssize_t)sizeof ce)
                r->err = xasprintf("cannot run %s: %s: %s", prog, ce.stage, strerror(ce.err));
            r->status = wait_child(pid, c->timeout);
        } else r->err = xasprintf("fork: %s", strerror(errno));
        close(ep[0]);
    } else if (!r->err) r->err = xasprintf("pipe: %s", strerror(errno));
    if (r->err) r->status = ST_NOTRUN;
    if (writer > 0) { kill(writer, SIGKILL); waitpid(writer, NULL, 0); }
    for (int i = 0; i < 2; i++) if (p[i] >= 0) close(p[i]);
    if (src >= 0) close(src);
    for (int i = 1; i < 3; i++) if (fds[i] >= 0) close(fds[i]);
    r->t1 = time(NULL);
    if (c->out_mode == OUT_CAPTURE) read_file(out, &r->out); else sadd(&r->out, "", 0);
    read_file(err, &r->errout);
    walk(r->dir, ".", &r->tree, &r->ntree);
    qsort(r->tree, r->ntree, sizeof *r->tree, entry_cmp);
    for (size_t i = 0; envp[i]; i++) free(envp[i]);
    free(envp); free(argv); free(in); free(out); free(err);
}

static void free_run(Run *r, int keep)
{
    if (r->root && !keep) rm_rf(r->root);
    for (size_t i = 0; i < r->ntree; i++) { free(r->tree[i].rel); free(r->tree[i].target); }
    free(r->tree); free(r->root); free(r->dir); free(r->err);
    sfree(&r->out); sfree(&r->errout);
}

/* ---------- comparing ---------- */

/* Replace every FROM with TO in S (both NUL-free C strings). */
static void replace_all(Str *s, const char *from, const char *to)
{
    size_t fl = strlen(from);
    if (!fl || !s->s || !memmem(s->s, s->n, from, fl)) return;
    Str o = {0};
    sadd(&o, "", 0);
    for (size_t i = 0; i < s->n;) {
        char *hit = memmem(s->s + i, s->n - i, from, fl);
        size_t stop = hit ? (size_t)(hit - s->s) : s->n;
        sadd(&o, s->s + i, stop - i);
        if (!hit) break;
        sadd(&o, to, strlen(to));
        i = stop + fl;
    }
    sfree(s);
    *s = o;
}

/* One side of an output diff: the line holding the first difference, from FROM. */
static void add_side(Str *r, const char *who, const Str *s, size_t from, size_t ls)
{
    sfmt(r, "    %s ", who);
    if (from >= s->n) { sadd(r, "<end of output>\n", 16); return; }
    size_t end = from;
    while (end < s->n && s->s[end] != '\n') end++;
    if (end < s->n) end++;
    if (from > ls) sadd(r, "...", 3);
    add_escaped(r, s->s + from, end - from, SHOW_MAX);
    sadd(r, "\n", 1);
}
static void add_diff(Str *r, const char *what, const Str *a, const Str *b)
{
    size_t off = 0, line = 1, ls = 0;
    while (off < a->n && off < b->n && a->s[off] == b->s[off]) off++;
    for (size_t i = 0; i < off; i++) if (a->s[i] == '\n') { line++; ls = i + 1; }
    sfmt(r, "  %s differs (ours %zu bytes, GNU %zu bytes), first at line %zu, byte %zu:\n",
         what, a->n, b->n, line, off);
    size_t from = off > ls + 80 ? off - 80 : ls;
    add_side(r, "ours:", a, from, ls);
    add_side(r, "GNU: ", b, from, ls);
}

static const char *type_name(mode_t m)
{
    return S_ISREG(m) ? "regular file" : S_ISDIR(m) ? "directory" : S_ISLNK(m) ? "symlink"
         : S_ISFIFO(m) ? "fifo" : S_ISCHR(m) ? "char device" : S_ISBLK(m) ? "block device"
         : S_ISSOCK(m) ? "socket" : "unknown";
}
static void add_entry(Str *r, const Entry *e)
{
    sfmt(r, "%s", type_name(e->st.st_mode));
    if (S_ISLNK(e->st.st_mode)) { sadd(r, " -> ", 4); add_escaped(r, e->target, strlen(e->target), SHOW_MAX); return; }
    sfmt(r, ", mode %04o", (unsigned)(e->st.st_mode & 07777));
    if (S_ISREG(e->st.st_mode)) sfmt(r, ", %lld bytes", (long long)e->st.st_size);
}
/* Count a tree difference; returns 1 (after starting its line) if it is to be shown. */
static int tree_note(Str *r, int *nd, const char *rel)
{
    if (++*nd > TREE_MAX) return 0;
    sadd(r, "  tree: ", 8);
    add_escaped(r, rel, strlen(rel), SHOW_MAX);
    sadd(r, " ", 1);
    return 1;
}
static void add_time(Str *r, const struct timespec *t, const Run *run)
{
    if (t->tv_sec >= run->t0 - 1 && t->tv_sec <= run->t1 + 1) sadd(r, "now", 3);
    else if (t->tv_sec < 0 && t->tv_nsec)   /* {-2, 0.5e9} is -1.5 */
        sfmt(r, "-%lld.%09ld", -(long long)t->tv_sec - 1, 1000000000L - t->tv_nsec);
    else sfmt(r, "%lld.%09ld", (long long)t->tv_sec, t->tv_nsec);
}
static int time_eq(const struct timespec *x, const Run *a, const struct timespec *y, const Run *b)
{
    int xn = x->tv_sec >= a->t0 - 1 && x->tv_sec <= a->t1 + 1, yn = y->tv_sec >= b->t0 - 1 && y->tv_sec <= b->t1 + 1;
    return (xn && yn) || (x->tv_sec == y->tv_sec && x->tv_nsec == y->tv_nsec);
}

/* Compare the contents of two regular files, showing the first difference. */
static void file_diff(Str *r, int *nd, const Entry *x, const char *pa, const char *pb, off_t sa, off_t sb)
{
    static char ba[65536], bb[65536];
    int fa = open(pa, O_RDONLY | O_CLOEXEC), fb = open(pb, O_RDONLY | O_CLOEXEC);
    long long off = 0, diff = -1;
    while (fa >= 0 && fb >= 0) {
        ssize_t ka = read_full(fa, ba, sizeof ba), kb = read_full(fb, bb, sizeof bb), i = 0;
        if (ka < 0 || kb < 0) break;
        while (i < ka && i < kb && ba[i] == bb[i]) i++;
        if (i < ka || i < kb) { diff = off + i; break; }
        if (ka == 0) break;
        off += ka;
    }
    if (fa < 0 || fb < 0) {
        if (tree_note(r, nd, x->rel)) sfmt(r, "cannot be read to compare: %s\n", strerror(errno));
    } else if (diff >= 0 && tree_note(r, nd, x->rel)) {
        long long from = diff > 16 ? diff - 16 : 0;
        ssize_t ka = pread(fa, ba, 48, (off_t)from), kb = pread(fb, bb, 48, (off_t)from);
        sfmt(r, "contents differ (ours %lld bytes, GNU %lld bytes) at byte %lld:\n    ours: ",
             (long long)sa, (long long)sb, diff);
        add_escaped(r, ba, ka > 0 ? (size_t)ka : 0, SHOW_MAX);
        sfmt(r, "\n    GNU:  ");
        add_escaped(r, bb, kb > 0 ? (size_t)kb : 0, SHOW_MAX);
        sfmt(r, "  (from byte %lld)\n", from);
    }
    if (fa >= 0) close(fa);
    if (fb >= 0) close(fb);
}

static int times_checked(const Case *c, const char *rel)
{
    for (size_t i = 0; i < c->nops; i++)
        if (c->ops[i].kind == OP_TIMES && !strcmp(c->ops[i].path, rel)) return 1;
    return c->check_times;
}

static void cmp_entry(Str *r, int *nd, const Case *c, const Run *a, const Run *b, const Entry *x, const Entry *y)
{
    mode_t mx = x->st.st_mode, my = y->st.st_mode;
    if ((mx & S_IFMT) != (my & S_IFMT)) {
        if (tree_note(r, nd, x->rel)) sfmt(r, "type: ours %s, GNU %s\n", type_name(mx), type_name(my));
        return;
    }
    if (!S_ISLNK(mx) && (mx & 07777) != (my & 07777) && tree_note(r, nd, x->rel))
        sfmt(r, "mode: ours %04o, GNU %04o\n", (unsigned)(mx & 07777), (unsigned)(my & 07777));
    if ((x->st.st_uid != y->st.st_uid || x->st.st_gid != y->st.st_gid) && tree_note(r, nd, x->rel))
        sfmt(r, "owner: ours %u:%u, GNU %u:%u\n", (unsigned)x->st.st_uid, (unsigned)x->st.st_gid,
             (unsigned)y->st.st_uid, (unsigned)y->st.st_gid);
    if (!S_ISDIR(mx) && x->st.st_nlink != y->st.st_nlink && tree_note(r, nd, x->rel))
        sfmt(r, "link count: ours %lu, GNU %lu\n", (unsigned long)x->st.st_nlink, (unsigned long)y->st.st_nlink);
    if (x->unreadable != y->unreadable && tree_note(r, nd, x->rel))
        sfmt(r, "directory readable: ours %s, GNU %s\n", x->unreadable ? "no" : "yes", y->unreadable ? "no" : "yes");
    if (S_ISLNK(mx) && strcmp(x->target, y->target) && tree_note(r, nd, x->rel)) {
        sadd(r, "symlink target: ours ", 21);
        add_escaped(r, x->target, strlen(x->target), SHOW_MAX);
        sadd(r, ", GNU ", 6);
        add_escaped(r, y->target, strlen(y->target), SHOW_MAX);
        sadd(r, "\n", 1);
    }
    if ((S_ISCHR(mx) || S_ISBLK(mx)) && x->st.st_rdev != y->st.st_rdev && tree_note(r, nd, x->rel))
        sfmt(r, "device: ours %u:%u, GNU %u:%u\n", major(x->st.st_rdev), minor(x->st.st_rdev),
             major(y->st.st_rdev), minor(y->st.st_rdev));
    if (S_ISREG(mx)) {
        char *pa = xasprintf("%s/%s", a->dir, x->rel), *pb = xasprintf("%s/%s", b->dir, y->rel);
        file_diff(r, nd, x, pa, pb, x->st.st_size, y->st.st_size);
        free(pa);
        free(pb);
    }
    if (times_checked(c, x->rel) && !time_eq(&x->st.st_mtim, a, &y->st.st_mtim, b) && tree_note(r, nd, x->rel)) {
        sadd(r, "mtime: ours ", 12);
        add_time(r, &x->st.st_mtim, a);
        sadd(r, ", GNU ", 6);
        add_time(r, &y->st.st_mtim, b);
        sadd(r, "\n", 1);
    }
}

static void cmp_trees(Str *r, const Case *c, const Run *a, const Run *b)
{
    size_t i = 0, j = 0;
    int nd = 0;
    while (i < a->ntree || j < b->ntree) {
        int k = i >= a->ntree ? 1 : j >= b->ntree ? -1 : pathcmp(a->tree[i].rel, b->tree[j].rel);
        if (k < 0 && tree_note(r, &nd, a->tree[i].rel)) {
            sadd(r, "exists only in ours: ", 21);
            add_entry(r, &a->tree[i]);
            sadd(r, "\n", 1);
        } else if (k > 0 && tree_note(r, &nd, b->tree[j].rel)) {
            sadd(r, "is missing in ours; GNU has: ", 29);
            add_entry(r, &b->tree[j]);
            sadd(r, "\n", 1);
        } else if (k == 0) cmp_entry(r, &nd, c, a, b, &a->tree[i], &b->tree[j]);
        i += k <= 0;
        j += k >= 0;
    }
    if (nd > TREE_MAX) sfmt(r, "  tree: ... and %d more differences\n", nd - TREE_MAX);
}

/* Stderr check: exact text, or just empty vs non-empty. */
static void cmp_stderr(Str *r, const Case *c, const Str *a, const Str *b)
{
    if (c->stderr_exact) {
        if (a->n != b->n || memcmp(a->s, b->s, a->n)) add_diff(r, "stderr", a, b);
        return;
    }
    if (!a->n == !b->n) return;
    const Str *s = a->n ? a : b;
    size_t nl = strcspn(s->s, "\n");
    sfmt(r, "  stderr: ours is %s, GNU's is %s: ", a->n ? "non-empty" : "empty", b->n ? "non-empty" : "empty");
    add_escaped(r, s->s, nl < s->n ? nl + 1 : s->n, SHOW_MAX);
    sadd(r, "\n", 1);
}

/* Compare both runs; returns the report (empty when they agree). */
static Str compare(const Case *c, Run *a, Run *b, const char *name, const char *ours, const char *gnu)
{
    Str r = {0};
    sadd(&r, "", 0);
    if (a->err || b->err) {
        if (a->err) sfmt(&r, "  ours: %s\n", a->err);
        if (b->err) sfmt(&r, "  GNU: %s\n", b->err);
        return r;
    }
    Run *side[2] = {a, b};
    for (int i = 0; i < 2; i++) {
        replace_all(&side[i]->out, side[i]->dir, "<DIR>");
        replace_all(&side[i]->errout, i ? gnu : ours, name);
        replace_all(&side[i]->errout, side[i]->dir, "<DIR>");
    }
    if (b->status == ST_TIMEOUT) { sadd(&r, "  GNU ", 6); add_status(&r, b->status, c->timeout); sadd(&r, " (is the case right?)\n", 22); }
    if (a->status != b->status) {
        sadd(&r, "  exit status: ours ", 20);
        add_status(&r, a->status, c->timeout);
        sadd(&r, ", GNU ", 6);
        add_status(&r, b->status, c->timeout);
        sadd(&r, "\n", 1);
    }
    if (c->expect_set && b->status != c->expect) {
        sadd(&r, "  the case expects ", 19);
        add_status(&r, c->expect, c->timeout);
        sadd(&r, " but GNU gave ", 14);
        add_status(&r, b->status, c->timeout);
        sadd(&r, " (is the case right?)\n", 22);
    }
    if (!c->stdout_ignore && (a->out.n != b->out.n || memcmp(a->out.s, b->out.s, a->out.n)))
        add_diff(&r, "stdout", &a->out, &b->out);
    cmp_stderr(&r, c, &a->errout, &b->errout);
    cmp_trees(&r, c, a, b);
    return r;
}

static void add_command(Str *r, const Case *c, const char *name)
{
    size_t i;
    sadd(r, "  command: ", 11);
    for (i = 0; i < c->nenv_unset; i++) sfmt(r, "(unset %s) ", c->env_unset[i]);
    for (i = 0; i < c->nenv_add; i++) { add_shell_word(r, c->env_add[i]); sadd(r, " ", 1); }
    add_shell_word(r, name);
    for (i = 0; i < c->nargs; i++) { sadd(r, " ", 1); add_shell_word(r, c->args[i]); }
    const char *pipe = c->in_pipe ? " (through a pipe)" : "";
    if (c->in_mode == IN_FILE) { sadd(r, " < ", 3); add_shell_word(r, c->in_path); sadd(r, pipe, strlen(pipe)); }
    else if (c->in_mode == IN_NULL) sadd(r, " < /dev/null", 12);
    else if (c->in_mode == IN_CLOSED) sadd(r, " <&-", 4);
    else if (c->nin) {
        long long total = 0;
        for (i = 0; i < c->nin; i++) total += (long long)c->in[i].data.n * c->in[i].count;
        sfmt(r, " < stdin of %lld bytes%s", total, pipe);
        if (c->nin == 1 && c->in[0].count == 1) { sadd(r, ": ", 2); add_escaped(r, c->in[0].data.s, c->in[0].data.n, 60); }
    }
    if (c->out_mode == OUT_CLOSED) sadd(r, " >&-", 4);
    if (c->out_mode == OUT_FULL) sadd(r, " > /dev/full", 12);
    sadd(r, "\n", 1);
}

/* ---------- main ---------- */

static int usable(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISREG(st.st_mode) && access(path, X_OK) == 0;
}

/* ls -l and others print the minute of a time that is "now" (an entry the
 * case made without `times`): in the last 3 seconds of a minute, wait for
 * the next one, so both sides of a case (milliseconds each) run within one
 * minute and print the same. */
static void same_minute(void)
{
    struct timespec now;
    clock_gettime(CLOCK_REALTIME, &now);
    if (now.tv_sec % 60 < 57) return;
    struct timespec left = {59 - now.tv_sec % 60, 1000000000L - now.tv_nsec};
    if (left.tv_nsec == 1000000000L) { left.tv_sec++; left.tv_nsec = 0; }
    while (nanosleep(&left, &left) < 0 && errno == EINTR && !g_stop) {}
}

static void run_file(const char *file, const char *ourdir, int *passed, int *failed, int *skipped)
{
    Case *cs = NULL;
    size_t nc = 0;
    const char *base = strrchr(file, '/') ? strrchr(file, '/') + 1 : file;
    size_t bl = strlen(base);
    if (bl <= 6 || strcmp(base + bl - 6, ".cases")) {
        printf("%s: a case file must be named NAME.cases or NAME.TOPIC.cases\n", file);
        ++*failed;
        return;
    }
    if (parse_file(file, &cs, &nc)) {
        ++*failed;
        for (size_t i = 0; i < nc; i++) free_case(&cs[i]);
        free(cs);
        return;
    }
    /* NAME.cases, or NAME.TOPIC.cases for a second file of the same utility */
    size_t nl = strcspn(base, ".");
    char *name = xasprintf("%.*s", (int)nl, base);
    char *ours = xasprintf("%s/%s", ourdir, name), *gnu = xasprintf("/usr/bin/%s", name);
    if (!usable(gnu)) { free(gnu); gnu = xasprintf("/bin/%s", name); }
    char *missing = !usable(ours) ? xasprintf("our binary %s is missing or not executable", ours)
                  : !usable(gnu) ? xasprintf("GNU %s is found neither in /usr/bin nor in /bin", name) : NULL;
    int notrun = 0;
    for (size_t i = 0; i < nc && !g_stop; i++) {
        Case *c = &cs[i];
        g_nobody = c->skip_if_root && g_root;
        if (c->skip_unless_root && !g_root) {
            ++*skipped;
            if (g_verbose) printf("SKIP %s:%d: %s\n", file, c->line, c->name);
            continue;
        }
        if (missing) {
            ++*failed; ++notrun;
            if (g_verbose) printf("FAIL %s:%d: %s (not run)\n", file, c->line, c->name);
            continue;
        }
        Run a, b;
        memset(&a, 0, sizeof a);
        memset(&b, 0, sizeof b);
        same_minute();
        run_side(c, ours, name, &a);
        if (!g_stop) run_side(c, gnu, name, &b);
        if (g_stop) { free_run(&a, 0); free_run(&b, 0); break; }
        Str rep = compare(c, &a, &b, name, ours, gnu);
        int bad = rep.n > 0;
        if (bad) {
            ++*failed;
            printf("FAIL %s:%d: %s\n", file, c->line, c->name);
            Str cmd = {0};
            add_command(&cmd, c, name);
            fputs(cmd.s, stdout);
            fputs(rep.s, stdout);
            sfree(&cmd);
            if (g_keep) printf("  kept: ours in %s, GNU in %s\n", a.dir, b.dir);
        } else {
            ++*passed;
            if (g_verbose) printf("PASS %s:%d: %s\n", file, c->line, c->name);
        }
        fflush(stdout);
        sfree(&rep);
        free_run(&a, bad && g_keep);
        free_run(&b, bad && g_keep);
    }
    if (missing && notrun) printf("FAIL %s: %d case(s) not run: %s\n", file, notrun, missing);
    free(missing); free(name); free(ours); free(gnu);
    for (size_t i = 0; i < nc; i++) free_case(&cs[i]);
    free(cs);
}

/* Make sure fds 0-2 are open, so files we open never land on them. */
static void guard_std_fds(void)
{
    for (int fd = 0; fd < 3; fd++)
        if (fcntl(fd, F_GETFD) < 0 && open("/dev/null", O_RDWR) != fd) exit(2);
}

int main(int argc, char **argv)
{
    int i = 1, passed = 0, failed = 0, skipped = 0;
    for (; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
        if (!strcmp(argv[i], "--")) { i++; break; }
        for (const char *o = argv[i] + 1; *o; o++) {
            if (*o == 'v') g_verbose = 1;
            else if (*o == 'k') g_keep = 1;
            else argc = 0;
        }
    }
    if (argc - i < 2) {
        fprintf(stderr, "usage: difftest [-v] [-k] OURDIR CASEFILE...\n");
        return 2;
    }
    guard_std_fds();
    umask(022);
    signal(SIGPIPE, SIG_IGN);
    sigemptyset(&g_sigs);
    sigaddset(&g_sigs, SIGCHLD);
    sigaddset(&g_sigs, SIGINT);
    sigaddset(&g_sigs, SIGTERM);
    sigaddset(&g_sigs, SIGHUP);
    sigprocmask(SIG_BLOCK, &g_sigs, NULL);

    char *ourdir = realpath(argv[i], NULL);
    const char *tmp = getenv("TMPDIR");
    g_base = realpath(tmp && *tmp ? tmp : "/tmp", NULL);
    if (!ourdir || !g_base) {
        fprintf(stderr, "difftest: %s: %s\n", ourdir ? "temp dir" : argv[i], strerror(errno));
        return 2;
    }
    g_root = geteuid() == 0;
    if (g_root) probe_ns();
    for (i++; i < argc && !g_stop; i++) run_file(argv[i], ourdir, &passed, &failed, &skipped);
    if (g_stop) printf("difftest: interrupted by signal %d\n", g_stop);
    if (skipped) printf("%d passed, %d failed, %d skipped\n", passed, failed, skipped);
    else printf("%d passed, %d failed\n", passed, failed);
    free(ourdir);
    free(g_base);
    return g_stop ? 128 + g_stop : failed > 0;
}
