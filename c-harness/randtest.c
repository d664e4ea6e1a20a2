/*
 * randtest.c - the randomized differential test of the checksum and encoding
 * tools: ours against GNU's on the same random bytes, byte for byte.
 *
 *   randtest [-n COUNT] [-s SEED] [-v] BINDIR...
 *
 * Makes COUNT inputs (default 1000) from a seeded generator (default seed
 * 20261121, so every run sees the same bytes): first every length 0..130
 * (the MD5/SHA padding edges at 55, 56, 63, 64, 119, 120 and the base64
 * groups), then random lengths up to 1 MiB: half uniform, half log-uniform. For each BINDIR (one per arch) and
 * each input it compares, with GNU's (/usr/bin/NAME):
 *   md5sum, sha1sum, sha256sum, cksum, sum -r, sum -s   on file operands (100
 *                                       inputs per run) and, for the short
 *                                       inputs and every 10th one, on stdin
 *                                       through a pipe
 *   base64, base64 -w 0                 each input as a file operand
 *   base64 -d                           of GNU's encoding: must give the input
 * stdout and exit status must match, and stderr must be empty for both. GNU's
 * results are computed once and compared with every BINDIR. A utility not
 * built in a BINDIR is reported as skipped (sizecheck fails on a budget line
 * with no binary, so make check never skips silently). A mismatch prints the seed, the input's index
 * and length, and the first differing byte.
 * Ends with "N passed, N failed"; exit 1 if any failed, 2 on a system error.
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#define MAXLEN (1 << 20)
#define BATCH 100

static uint64_t rng;
static uint64_t next(void) /* splitmix64 */
{
    uint64_t z = (rng += 0x9e3779b97f4a7c15ull);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
}

static void die(const char *what)
{
    fprintf(stderr, "randtest: %s: %s\n", what, strerror(errno));
    exit(2);
}

/* a run's result */
struct out {
    char *buf;
    size_t len, cap;
    int status;     /* exit status, or 128+signal */
    size_t errlen;  /* bytes written to stderr */
};

static void grow(struct out *o, size_t need)
{
    if (o->cap >= need)
        return;
    o->cap = need * 2;
    if (!(o->buf = realloc(o->buf, o->cap)))
        die("realloc");
}

/* run ARGV with stdin from /dev/null, or the bytes DATA/LEN through a pipe
 * when DATA is not NULL; stdout and stderr captured into O. posix_spawn (a
 * vfork) because fork would copy this process's big page tables every run. */
static void run(char *const *argv, const unsigned char *data, size_t len, struct out *o)
{
    int po[2], pe[2], pi[2] = {-1, -1};
    o->len = 0;
    o->errlen = 0;
    if (pipe2(po, O_CLOEXEC) || pipe2(pe, O_CLOEXEC) || (data && pipe2(pi, O_CLOEXEC)))
        die("pipe");
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    if (data)
        posix_spawn_file_actions_adddup2(&fa, pi[0], 0);
    else
        posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_adddup2(&fa, po[1], 1);
    posix_spawn_file_actions_adddup2(&fa, pe[1], 2);
    /* this process ignores SIGPIPE; the tool gets the default back */
    posix_spawnattr_t at;
    sigset_t def;
    posix_spawnattr_init(&at);
    sigemptyset(&def);
    sigaddset(&def, SIGPIPE);
    posix_spawnattr_setsigdefault(&at, &def);
    posix_spawnattr_setflags(&at, POSIX_SPAWN_SETSIGDEF);
    pid_t pid;
    int e = posix_spawn(&pid, argv[0], &fa, &at, argv, environ);
    posix_spawn_file_actions_destroy(&fa);
    posix_spawnattr_destroy(&at);
    if (e) {
        errno = e;
        die(argv[0]);
    }
    close(po[1]);
    close(pe[1]);
    if (data) {
        close(pi[0]);
        fcntl(pi[1], F_SETFL, O_NONBLOCK);
    }
    size_t off = 0;
    int open_out = 1, open_err = 1, open_in = data != NULL;
    if (open_in && len == 0) {
        close(pi[1]);
        open_in = 0;
    }
    char tmp[65536];
    while (open_out || open_err) {
        struct pollfd p[3] = {{po[0], POLLIN, 0}, {pe[0], POLLIN, 0}, {pi[1], POLLOUT, 0}};
        p[0].fd = open_out ? po[0] : -1;
        p[1].fd = open_err ? pe[0] : -1;
        p[2].fd = open_in ? pi[1] : -1;
        if (poll(p, 3, -1) < 0) {
            if (errno == EINTR)
                continue;
            die("poll");
        }
        if (p[2].revents) {
            ssize_t n = write(pi[1], data + off, len - off > 65536 ? 65536 : len - off);
            if (n > 0)
                off += (size_t)n;
            if ((n < 0 && errno != EAGAIN && errno != EINTR) || off == len) {
                close(pi[1]);   /* EPIPE: the tool stopped reading; its status tells */
                open_in = 0;
            }
        }
        for (int k = 0; k < 2; k++) {
            if (!p[k].revents)
                continue;
            ssize_t n = read(p[k].fd, tmp, sizeof tmp);
            if (n < 0 && errno == EINTR)
                continue;
            if (n <= 0) {
                close(p[k].fd);
                if (k)
                    open_err = 0;
                else
                    open_out = 0;
            } else if (k) {
                o->errlen += (size_t)n;
                fprintf(stderr, "randtest: %s: stderr: %.*s", argv[0], (int)n, tmp);
            } else {
                grow(o, o->len + (size_t)n);
                memcpy(o->buf + o->len, tmp, (size_t)n);
                o->len += (size_t)n;
            }
        }
    }
    if (open_in)
        close(pi[1]);
    int st;
    while (waitpid(pid, &st, 0) < 0)
        if (errno != EINTR)
            die("waitpid");
    o->status = WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
}

static unsigned long long seed = 20261121;
static int verbose;
static long passed, failed;

/* compare a run of ours with GNU's; WHAT names the run */
static void same(const struct out *gnu, const struct out *ours, const char *what)
{
    int bad = gnu->status != ours->status || gnu->len != ours->len || gnu->errlen || ours->errlen ||
              memcmp(gnu->buf, ours->buf, gnu->len) != 0;
    if (!bad) {
        passed++;
        if (verbose)
            printf("ok %s\n", what);
        return;
    }
    failed++;
    size_t i = 0;
    while (i < gnu->len && i < ours->len && gnu->buf[i] == ours->buf[i])
        i++;
    printf("FAIL %s (seed %llu): status %d/%d (GNU/ours), %zu/%zu bytes, stderr %zu/%zu bytes, "
           "first difference at byte %zu\n",
           what, seed, gnu->status, ours->status, gnu->len, ours->len, gnu->errlen, ours->errlen, i);
    size_t from = i > 40 ? i - 40 : 0;
    printf("  GNU:  %.*s\n  ours: %.*s\n", (int)(gnu->len - from < 120 ? gnu->len - from : 120),
           gnu->buf + from, (int)(ours->len - from < 120 ? ours->len - from : 120), ours->buf + from);
}

#define NTOOLS 6
static const char *const hashers[NTOOLS][2] = {
    {"md5sum", NULL}, {"sha1sum", NULL}, {"sha256sum", NULL}, {"cksum", NULL}, {"sum", "-r"}, {"sum", "-s"},
};

static char *gnu_path(const char *name)
{
    static char p[4][256];
    static int k;
    char *s = p[k++ & 3];
    snprintf(s, 256, "/usr/bin/%s", name);
    if (access(s, X_OK))
        snprintf(s, 256, "/bin/%s", name);
    return s;
}

extern char **environ;

int main(int argc, char **argv)
{
    signal(SIGPIPE, SIG_IGN);
    long count = 1000;
    int opt;
    while ((opt = getopt(argc, argv, "n:s:v")) != -1) {
        if (opt == 'n')
            count = strtol(optarg, NULL, 10);
        else if (opt == 's')
            seed = strtoull(optarg, NULL, 10);
        else if (opt == 'v')
            verbose = 1;
        else
            return 2;
    }
    if (optind >= argc || count < 1) {
        fprintf(stderr, "usage: randtest [-n COUNT] [-s SEED] [-v] BINDIR...\n");
        return 2;
    }
    int ndirs = argc - optind;
    char **dirs = argv + optind;
    char dir[] = "/tmp/subk-randtest.XXXXXX";
    if (!mkdtemp(dir))
        die("mkdtemp");
    rng = seed;

    /* which of our tools exist, per BINDIR */
    static const char *const names[] = {"md5sum", "sha1sum", "sha256sum", "cksum", "sum", "base64"};
    for (int d = 0; d < ndirs; d++)
        for (size_t t = 0; t < sizeof names / sizeof *names; t++) {
            char p[4096];
            snprintf(p, sizeof p, "%s/%s", dirs[d], names[t]);
            if (access(p, X_OK))
                printf("skipped %s: not built\n", p);
        }

    unsigned char **data = calloc(BATCH, sizeof *data);
    size_t *len = calloc(BATCH, sizeof *len);
    char (*file)[64] = calloc(BATCH, 64);
    struct out gnu = {0}, ours = {0}, enc = {0};
    char what[4400];
    if (!data || !len || !file)
        die("calloc");
    grow(&gnu, 1);
    grow(&ours, 1);
    grow(&enc, 1);

    for (long base = 0; base < count; base += BATCH) {
        int n = (int)(count - base < BATCH ? count - base : BATCH);
        /* make the batch's inputs */
        for (int i = 0; i < n; i++) {
            long idx = base + i;
            /* past the short ones, half uniform in 0..1 MiB, half log-uniform
             * (so the sizes around each buffer boundary get their share) */
            if (idx <= 130)
                len[i] = (size_t)idx;
            else if (idx & 1)
                len[i] = (size_t)(next() % (MAXLEN + 1));
            else
                len[i] = (size_t)(next() % ((size_t)1 << (next() % 21))) ;
            free(data[i]);
            if (!(data[i] = malloc(len[i] + 1)))
                die("malloc");
            for (size_t j = 0; j < len[i]; j += 8) {
                uint64_t r = next();
                memcpy(data[i] + j, &r, len[i] - j < 8 ? len[i] - j : 8);
            }
            snprintf(file[i], 64, "%s/%04ld", dir, idx);
            int fd = open(file[i], O_WRONLY | O_CREAT | O_TRUNC, 0644);
            if (fd < 0 || (len[i] && write(fd, data[i], len[i]) != (ssize_t)len[i]) || close(fd))
                die(file[i]);
        }

        /* the hashers, the whole batch as file operands in one run */
        for (int t = 0; t < NTOOLS; t++) {
            char *args[BATCH + 3];
            int a = 0;
            args[a++] = gnu_path(hashers[t][0]);
            if (hashers[t][1])
                args[a++] = (char *)hashers[t][1];
            for (int i = 0; i < n; i++)
                args[a + i] = file[i];
            args[a + n] = NULL;
            run(args, NULL, 0, &gnu);
            for (int d = 0; d < ndirs; d++) {
                char p[4096];
                snprintf(p, sizeof p, "%s/%s", dirs[d], hashers[t][0]);
                if (access(p, X_OK))
                    continue;
                args[0] = p;
                run(args, NULL, 0, &ours);
                snprintf(what, sizeof what, "%s %s inputs %ld-%ld (files)", p, hashers[t][1] ? hashers[t][1] : "",
                         base, base + n - 1);
                same(&gnu, &ours, what);
            }
        }

        /* the hashers on stdin through a pipe: short inputs and every 10th */
        for (int i = 0; i < n; i++) {
            long idx = base + i;
            if (idx > 130 && idx % 10)
                continue;
            for (int t = 0; t < NTOOLS; t++) {
                char *args[3] = {gnu_path(hashers[t][0]), (char *)hashers[t][1], NULL};
                run(args, data[i], len[i], &gnu);
                for (int d = 0; d < ndirs; d++) {
                    char p[4096];
                    snprintf(p, sizeof p, "%s/%s", dirs[d], hashers[t][0]);
                    if (access(p, X_OK))
                        continue;
                    args[0] = p;
                    run(args, data[i], len[i], &ours);
                    snprintf(what, sizeof what, "%s %s input %ld, %zu bytes (pipe)", p,
                             hashers[t][1] ? hashers[t][1] : "", idx, len[i]);
                    same(&gnu, &ours, what);
                }
            }
        }

        /* base64: encode (wrapped and -w 0), decode GNU's encoding */
        for (int i = 0; i < n; i++) {
            long idx = base + i;
            for (int w = 0; w < 2; w++) {
                char *args[5] = {gnu_path("base64"), w ? "-w" : file[i], w ? "0" : NULL, w ? file[i] : NULL};
                run(args, NULL, 0, w ? &gnu : &enc);
                for (int d = 0; d < ndirs; d++) {
                    char p[4096];
                    snprintf(p, sizeof p, "%s/base64", dirs[d]);
                    if (access(p, X_OK))
                        continue;
                    args[0] = p;
                    run(args, NULL, 0, &ours);
                    snprintf(what, sizeof what, "%s%s input %ld, %zu bytes", p, w ? " -w 0" : "", idx, len[i]);
                    same(w ? &gnu : &enc, &ours, what);
                }
            }
            /* decode: GNU's wrapped encoding through a pipe gives back the input */
            struct out orig = {(char *)data[i], len[i], len[i], 0, 0};
            for (int d = 0; d < ndirs; d++) {
                char p[4096];
                snprintf(p, sizeof p, "%s/base64", dirs[d]);
                if (access(p, X_OK))
                    continue;
                char *args[3] = {p, "-d", NULL};
                run(args, (unsigned char *)enc.buf, enc.len, &ours);
                snprintf(what, sizeof what, "%s -d input %ld, %zu bytes", p, idx, len[i]);
                same(&orig, &ours, what);
            }
        }

        for (int i = 0; i < n; i++)
            unlink(file[i]);
    }
    rmdir(dir);
    printf("randtest: seed %llu, %ld inputs\n", seed, count);
    printf("%ld passed, %ld failed\n", passed, failed);
    return failed ? 1 : 0;
}
