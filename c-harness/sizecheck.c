/*
 * sizecheck.c - check subk binaries against size-budget.txt and sanity-check
 *               their hand-made ELF headers.
 *
 * Usage:
 *   sizecheck [-q] BUDGETFILE ARCH BINDIR [ARCH2 BINDIR2]
 *     ARCH is x86_64 or i386; -q prints only the violations.
 *
 * BUDGETFILE has one line per utility:
 *     NAME X86_64_BYTES I386_BYTES [# comment]
 * '#' starts a comment anywhere, blank lines are allowed.  Every budget must
 * be below 1024 bytes unless its line carries a (non-empty) comment saying
 * why it needs more.
 *
 * For every executable regular file in BINDIR (names starting with '.' and
 * non-regular files such as symlinks and directories are ignored) it checks:
 *   - ELF magic, class (ELFCLASS64 / ELFCLASS32 for the arch), little endian,
 *     e_machine (EM_X86_64 / EM_386), e_type ET_EXEC, e_ehsize, e_phentsize,
 *     program header table inside the file (and the section header table,
 *     if e_shnum is not 0);
 *   - every segment's file range inside the file, p_filesz <= p_memsz,
 *     p_align 0, 1 or a power of two, PT_LOAD p_offset and p_vaddr congruent
 *     modulo 4096 (the page size) and modulo p_align;
 *   - the entry point inside the file-backed part of an executable PT_LOAD;
 *   - no segment both writable and executable;
 *   - exactly one PT_GNU_STACK, readable and writable but not executable;
 *   - no PT_INTERP / PT_DYNAMIC (the binaries are freestanding and static);
 *   - file size <= the budget for that arch.
 * It also fails on a binary without a budget line, and on a budget line
 * without a binary in BINDIR (for each arch given).
 *
 * Output: a table (name, then bytes / budget / headroom per arch, then a
 * total row) on stdout, followed by one line per violation on stderr:
 *     sizecheck: ARCH/NAME: what is wrong
 * Exit status: 0 all good, 1 violations found, 2 usage error.
 *
 * Build and run by hand:
 *   gcc -std=c99 -O2 -Wall -Wextra -Werror -D_GNU_SOURCE \
 *       -o /tmp/sizecheck c-harness/sizecheck.c
 *   /tmp/sizecheck size-budget.txt x86_64 build/x86_64 i386 build/i386
 */

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define PAGE 4096u
#define MAX_FILE (16u << 20) /* we never need to read more than this */
#define BIG_BUDGET 1024u     /* budgets >= this need a comment */

/* ELF constants (spelled out so we depend on nothing but the spec) */
#define ELFCLASS32 1
#define ELFCLASS64 2
#define ELFDATA2LSB 1
#define ET_EXEC 2
#define EM_386 3
#define EM_X86_64 62
#define PT_LOAD 1
#define PT_DYNAMIC 2
#define PT_INTERP 3
#define PT_GNU_STACK 0x6474e551u
#define PF_X 1u
#define PF_W 2u
#define PF_R 4u

enum { A_X86_64, A_I386, NARCH };
static const char *const arch_names[NARCH] = { "x86_64", "i386" };

struct util {
    char *name;
    int has_budget;
    unsigned long budget[NARCH];   /* indexed by arch id */
    int budget_comment;            /* line carries a non-empty comment */
    int present[2];                /* indexed by slot (command-line order) */
    unsigned long bytes[2];
};

static struct util *utils;
static size_t nutils, capu;

static char **viol;
static size_t nviol, capv;

static void *xrealloc(void *p, size_t n)
{
    p = realloc(p, n ? n : 1);
    if (!p) {
        perror("sizecheck: realloc");
        exit(2);
    }
    return p;
}

static char *xstrdup(const char *s)
{
    size_t n = strlen(s) + 1;
    char *d = xrealloc(NULL, n);
    memcpy(d, s, n);
    return d;
}

/* Record one violation line (without the "sizecheck: " prefix). */
static void violation(const char *fmt, ...)
{
    va_list ap;
    char *s;

    va_start(ap, fmt);
    if (vasprintf(&s, fmt, ap) < 0) {
        perror("sizecheck: vasprintf");
        exit(2);
    }
    va_end(ap);
    if (nviol == capv) {
        capv = capv ? capv * 2 : 32;
        viol = xrealloc(viol, capv * sizeof *viol);
    }
    viol[nviol++] = s;
}

static struct util *find_util(const char *name, int create)
{
    for (size_t i = 0; i < nutils; i++)
        if (strcmp(utils[i].name, name) == 0)
            return &utils[i];
    if (!create)
        return NULL;
    if (nutils == capu) {
        capu = capu ? capu * 2 : 64;
        utils = xrealloc(utils, capu * sizeof *utils);
    }
    memset(&utils[nutils], 0, sizeof utils[nutils]);
    utils[nutils].name = xstrdup(name);
    return &utils[nutils++];
}

static int cmp_util(const void *a, const void *b)
{
    return strcmp(((const struct util *)a)->name,
                  ((const struct util *)b)->name);
}

/* ---------------------------------------------------------------- budget */

static int parse_ulong(const char *s, unsigned long *out)
{
    unsigned long v = 0;

    if (!*s)
        return -1;
    for (; *s; s++) {
        if (*s < '0' || *s > '9')
            return -1;
        if (v > (0xffffffffUL - (unsigned long)(*s - '0')) / 10)
            return -1;
        v = v * 10 + (unsigned long)(*s - '0');
    }
    *out = v;
    return 0;
}

static void read_budget(const char *path)
{
    FILE *f = fopen(path, "r");
    char *line = NULL;
    size_t cap = 0;
    ssize_t len;
    unsigned long lineno = 0;

    if (!f) {
        violation("%s: cannot open: %s", path, strerror(errno));
        return;
    }
    while ((len = getline(&line, &cap, f)) >= 0) {
        char *hash, *tok[4], *save = NULL;
        int ntok = 0, has_comment = 0;
        unsigned long b[NARCH];
        struct util *u;

        lineno++;
        if ((size_t)len != strlen(line)) {
            violation("%s:%lu: NUL byte in line", path, lineno);
            continue;
        }
        hash = strchr(line, '#');
        if (hash) {
            *hash = '\0';
            for (char *c = hash + 1; *c; c++)
                if (*c != ' ' && *c != '\t' && *c != '\n' && *c != '\r')
                    has_comment = 1;
        }
        for (char *t = strtok_r(line, " \t\r\n\v\f", &save); t;
             t = strtok_r(NULL, " \t\r\n\v\f", &save)) {
            if (ntok < 4)
                tok[ntok] = t;
            ntok++;
        }
        if (ntok == 0)
            continue; /* blank or comment-only line */
        if (ntok != 3) {
            violation("%s:%lu: expected 'NAME X86_64_BYTES I386_BYTES "
                      "[# comment]', got %d field%s",
                      path, lineno, ntok, ntok == 1 ? "" : "s");
            continue;
        }
        if (strchr(tok[0], '/') || tok[0][0] == '.') {
            violation("%s:%lu: bad utility name '%s'", path, lineno, tok[0]);
            continue;
        }
        if (parse_ulong(tok[1], &b[A_X86_64]) ||
            parse_ulong(tok[2], &b[A_I386])) {
            violation("%s:%lu: %s: budgets must be decimal byte counts, "
                      "got '%s' '%s'", path, lineno, tok[0], tok[1], tok[2]);
            continue;
        }
        u = find_util(tok[0], 1);
        if (u->has_budget) {
            violation("%s:%lu: %s: duplicate budget line", path, lineno,
                      tok[0]);
            continue;
        }
        u->has_budget = 1;
        u->budget[A_X86_64] = b[A_X86_64];
        u->budget[A_I386] = b[A_I386];
        u->budget_comment = has_comment;
    }
    if (ferror(f))
        violation("%s: read error: %s", path, strerror(errno));
    free(line);
    fclose(f);
}

/* ------------------------------------------------------------- ELF check */

static unsigned rd16(const unsigned char *p)
{
    return (unsigned)p[0] | (unsigned)p[1] << 8;
}

static uint32_t rd32(const unsigned char *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
           (uint32_t)p[3] << 24;
}

static uint64_t rd64(const unsigned char *p)
{
    return (uint64_t)rd32(p) | (uint64_t)rd32(p + 4) << 32;
}

/* true if [off, off+len) lies inside a file of size n (overflow-safe) */
static int inside(uint64_t off, uint64_t len, uint64_t n)
{
    return off <= n && len <= n - off;
}

static int is_pow2(uint64_t x)
{
    return x && !(x & (x - 1));
}

static const char *flagstr(uint32_t f)
{
    static char s[4];
    s[0] = (f & PF_R) ? 'R' : '-';
    s[1] = (f & PF_W) ? 'W' : '-';
    s[2] = (f & PF_X) ? 'X' : '-';
    s[3] = '\0';
    return s;
}

/*
 * Check one binary image; report each problem as "ARCH/NAME: ...".
 * Returns nothing: problems go into the violation list.
 */
static void check_elf(const unsigned char *b, uint64_t n, int arch,
                      const char *an, const char *name)
{
    int is64 = arch == A_X86_64;
    unsigned want_ehsize = is64 ? 64 : 52;
    unsigned want_phentsize = is64 ? 56 : 32;
    unsigned want_shentsize = is64 ? 64 : 40;
    unsigned want_machine = is64 ? EM_X86_64 : EM_386;
    uint64_t entry, phoff, shoff;
    unsigned type, machine, ehsize, phentsize, phnum, shentsize, shnum;
    int nstack = 0, entry_ok = 0;

    if (n < 16 || memcmp(b, "\177ELF", 4) != 0) {
        violation("%s/%s: not an ELF file (bad magic%s)", an, name,
                  n < 16 ? ", file shorter than e_ident" : "");
        return;
    }
    if (b[4] != (is64 ? ELFCLASS64 : ELFCLASS32)) {
        violation("%s/%s: EI_CLASS is %s, want %s for %s", an, name,
                  b[4] == ELFCLASS32 ? "ELFCLASS32 (32-bit)"
                  : b[4] == ELFCLASS64 ? "ELFCLASS64 (64-bit)" : "invalid",
                  is64 ? "ELFCLASS64" : "ELFCLASS32", an);
        return; /* the rest of the header can't be read sensibly */
    }
    if (b[5] != ELFDATA2LSB)
        violation("%s/%s: EI_DATA is %u, want ELFDATA2LSB (little endian)",
                  an, name, b[5]);
    if (n < want_ehsize) {
        violation("%s/%s: truncated: %llu bytes, shorter than the %u-byte "
                  "ELF header", an, name, (unsigned long long)n, want_ehsize);
        return;
    }

    type = rd16(b + 16);
    machine = rd16(b + 18);
    if (is64) {
        entry = rd64(b + 24);
        phoff = rd64(b + 32);
        shoff = rd64(b + 40);
        ehsize = rd16(b + 52);
        phentsize = rd16(b + 54);
        phnum = rd16(b + 56);
        shentsize = rd16(b + 58);
        shnum = rd16(b + 60);
    } else {
        entry = rd32(b + 24);
        phoff = rd32(b + 28);
        shoff = rd32(b + 32);
        ehsize = rd16(b + 40);
        phentsize = rd16(b + 42);
        phnum = rd16(b + 44);
        shentsize = rd16(b + 46);
        shnum = rd16(b + 48);
    }

    if (type != ET_EXEC)
        violation("%s/%s: e_type is %u, want ET_EXEC (2)%s", an, name, type,
                  type == 3 ? " (this is ET_DYN / PIE)" : "");
    if (machine != want_machine)
        violation("%s/%s: e_machine is %u, want %s (%u)", an, name, machine,
                  is64 ? "EM_X86_64" : "EM_386", want_machine);
    if (ehsize != want_ehsize)
        violation("%s/%s: e_ehsize is %u, want %u", an, name, ehsize,
                  want_ehsize);
    if (shnum != 0) {
        if (shentsize != want_shentsize)
            violation("%s/%s: e_shentsize is %u, want %u", an, name,
                      shentsize, want_shentsize);
        else if (!inside(shoff, (uint64_t)shnum * shentsize, n))
            violation("%s/%s: section header table (offset %llu, %u "
                      "entries) runs past end of file (%llu bytes)", an, name,
                      (unsigned long long)shoff, shnum,
                      (unsigned long long)n);
    }
    if (phentsize != want_phentsize) {
        violation("%s/%s: e_phentsize is %u, want %u", an, name, phentsize,
                  want_phentsize);
        return;
    }
    if (phnum == 0 || phnum == 0xffff) {
        violation("%s/%s: e_phnum is %u, no usable program headers", an,
                  name, phnum);
        return;
    }
    if (!inside(phoff, (uint64_t)phnum * phentsize, n)) {
        violation("%s/%s: truncated: program header table (offset %llu, %u "
                  "entries of %u) runs past end of file (%llu bytes)", an,
                  name, (unsigned long long)phoff, phnum, phentsize,
                  (unsigned long long)n);
        return;
    }

    for (unsigned i = 0; i < phnum; i++) {
        const unsigned char *p = b + phoff + (uint64_t)i * phentsize;
        uint32_t ptype = rd32(p), flags;
        uint64_t off, vaddr, filesz, memsz, align;

        if (is64) {
            flags = rd32(p + 4);
            off = rd64(p + 8);
            vaddr = rd64(p + 16);
            filesz = rd64(p + 32);
            memsz = rd64(p + 40);
            align = rd64(p + 48);
        } else {
            off = rd32(p + 4);
            vaddr = rd32(p + 8);
            filesz = rd32(p + 16);
            memsz = rd32(p + 20);
            flags = rd32(p + 24);
            align = rd32(p + 28);
        }

        if (!inside(off, filesz, n))
            violation("%s/%s: truncated: segment %u [%llu, %llu) runs past "
                      "end of file (%llu bytes)", an, name, i,
                      (unsigned long long)off,
                      (unsigned long long)(off + filesz),
                      (unsigned long long)n);
        if (filesz > memsz)
            violation("%s/%s: segment %u has p_filesz %llu > p_memsz %llu",
                      an, name, i, (unsigned long long)filesz,
                      (unsigned long long)memsz);
        if (align > 1 && !is_pow2(align))
            violation("%s/%s: segment %u p_align %llu is not a power of two",
                      an, name, i, (unsigned long long)align);

        switch (ptype) {
        case PT_LOAD:
            if (off % PAGE != vaddr % PAGE)
                violation("%s/%s: PT_LOAD segment %u: p_offset 0x%llx and "
                          "p_vaddr 0x%llx differ modulo the page size %u",
                          an, name, i, (unsigned long long)off,
                          (unsigned long long)vaddr, PAGE);
            else if (align > 1 && is_pow2(align) &&
                     off % align != vaddr % align)
                violation("%s/%s: PT_LOAD segment %u: p_offset 0x%llx and "
                          "p_vaddr 0x%llx differ modulo p_align 0x%llx",
                          an, name, i, (unsigned long long)off,
                          (unsigned long long)vaddr,
                          (unsigned long long)align);
            if ((flags & PF_X) && entry >= vaddr && entry - vaddr < filesz)
                entry_ok = 1;
            if ((flags & (PF_W | PF_X)) == (PF_W | PF_X))
                violation("%s/%s: PT_LOAD segment %u is both writable and "
                          "executable (%s)", an, name, i, flagstr(flags));
            break;
        case PT_GNU_STACK:
            nstack++;
            if (flags & PF_X)
                violation("%s/%s: executable stack: PT_GNU_STACK flags %s, "
                          "want RW-", an, name, flagstr(flags));
            else if ((flags & (PF_R | PF_W)) != (PF_R | PF_W))
                violation("%s/%s: PT_GNU_STACK flags %s, want RW-", an, name,
                          flagstr(flags));
            break;
        case PT_INTERP:
            violation("%s/%s: has PT_INTERP (segment %u): not a static "
                      "binary", an, name, i);
            break;
        case PT_DYNAMIC:
            violation("%s/%s: has PT_DYNAMIC (segment %u): not a static "
                      "binary", an, name, i);
            break;
        default:
            if ((flags & (PF_W | PF_X)) == (PF_W | PF_X))
                violation("%s/%s: segment %u (type 0x%x) is both writable "
                          "and executable (%s)", an, name, i,
                          (unsigned)ptype, flagstr(flags));
            break;
        }
    }

    if (nstack == 0)
        violation("%s/%s: no PT_GNU_STACK header (the kernel may then give "
                  "it an executable stack)", an, name);
    else if (nstack > 1)
        violation("%s/%s: %d PT_GNU_STACK headers, want exactly one", an,
                  name, nstack);
    if (!entry_ok)
        violation("%s/%s: entry point 0x%llx is not inside the file-backed "
                  "part of an executable PT_LOAD segment", an, name,
                  (unsigned long long)entry);
}

/* Read and check one binary; fills in u->bytes[slot]. */
static void check_binary(int dirfd, const char *dir, int slot, int arch,
                         struct util *u)
{
    const char *an = arch_names[arch];
    unsigned char *buf;
    struct stat st;
    uint64_t n, got = 0;
    int fd = openat(dirfd, u->name, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);

    if (fd < 0 || fstat(fd, &st) != 0) {
        violation("%s/%s: cannot open %s/%s: %s", an, u->name, dir, u->name,
                  strerror(errno));
        if (fd >= 0)
            close(fd);
        return;
    }
    n = (uint64_t)st.st_size;
    u->bytes[slot] = (unsigned long)n;
    if (n > MAX_FILE) {
        violation("%s/%s: %llu bytes, far too big to be a subk binary", an,
                  u->name, (unsigned long long)n);
        close(fd);
        return;
    }
    buf = xrealloc(NULL, (size_t)n);
    while (got < n) {
        ssize_t r = read(fd, buf + got, (size_t)(n - got));
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0) {
            violation("%s/%s: read error: %s", an, u->name,
                      r < 0 ? strerror(errno) : "file shrank");
            free(buf);
            close(fd);
            return;
        }
        got += (uint64_t)r;
    }
    close(fd);
    check_elf(buf, n, arch, an, u->name);
    free(buf);
}

/* ----------------------------------------------------------------- table */

static int ndigits(long v)
{
    char tmp[32];
    return snprintf(tmp, sizeof tmp, "%ld", v);
}

static int imax(int a, int b)
{
    return a > b ? a : b;
}

static void print_dashes(int n, int c)
{
    while (n-- > 0)
        putchar(c);
}

static void print_table(int nslots, const int *slot_arch)
{
    int wname = 5; /* "total" */
    int wb[2] = { 5, 5 }, wg[2] = { 6, 6 }, wh[2] = { 8, 8 };
    long tb[2] = { 0, 0 }, tg[2] = { 0, 0 }, th[2] = { 0, 0 };
    int tbn[2] = { 0, 0 }, tgn[2] = { 0, 0 }, thn[2] = { 0, 0 };
    int linew;

    for (size_t i = 0; i < nutils; i++) {
        const struct util *u = &utils[i];
        wname = imax(wname, (int)strlen(u->name));
        for (int s = 0; s < nslots; s++) {
            long bud = (long)u->budget[slot_arch[s]];
            if (u->present[s]) {
                tb[s] += (long)u->bytes[s];
                tbn[s]++;
            }
            if (u->has_budget) {
                tg[s] += bud;
                tgn[s]++;
            }
            if (u->present[s] && u->has_budget) {
                long h = bud - (long)u->bytes[s];
                th[s] += h;
                thn[s]++;
                wh[s] = imax(wh[s], ndigits(h));
            }
        }
    }
    for (int s = 0; s < nslots; s++) {
        wb[s] = imax(wb[s], ndigits(tb[s]));
        wg[s] = imax(wg[s], ndigits(tg[s]));
        wh[s] = imax(wh[s], ndigits(th[s]));
    }

    /* header line 1: arch name centered over its three columns */
    printf("%-*s", wname, "");
    linew = wname;
    for (int s = 0; s < nslots; s++) {
        const char *an = arch_names[slot_arch[s]];
        int gw = wb[s] + 2 + wg[s] + 2 + wh[s];
        int lab = (int)strlen(an) + 2;
        int left = (gw - lab) / 2, right = gw - lab - left;
        printf("   ");
        print_dashes(left, '-');
        printf(" %s ", an);
        print_dashes(right, '-');
        linew += 3 + gw;
    }
    putchar('\n');
    /* header line 2 */
    printf("%-*s", wname, "name");
    for (int s = 0; s < nslots; s++)
        printf("   %*s  %*s  %*s", wb[s], "bytes", wg[s], "budget", wh[s],
               "headroom");
    putchar('\n');

    for (size_t i = 0; i < nutils; i++) {
        const struct util *u = &utils[i];
        printf("%-*s", wname, u->name);
        for (int s = 0; s < nslots; s++) {
            long bud = (long)u->budget[slot_arch[s]];
            printf("   ");
            if (u->present[s])
                printf("%*lu", wb[s], u->bytes[s]);
            else
                printf("%*s", wb[s], "-");
            if (u->has_budget)
                printf("  %*ld", wg[s], bud);
            else
                printf("  %*s", wg[s], "-");
            if (u->present[s] && u->has_budget)
                printf("  %*ld", wh[s], bud - (long)u->bytes[s]);
            else
                printf("  %*s", wh[s], "-");
        }
        putchar('\n');
    }
    print_dashes(linew, '-');
    putchar('\n');
    printf("%-*s", wname, "total");
    for (int s = 0; s < nslots; s++) {
        printf("   ");
        if (tbn[s])
            printf("%*ld", wb[s], tb[s]);
        else
            printf("%*s", wb[s], "-");
        if (tgn[s])
            printf("  %*ld", wg[s], tg[s]);
        else
            printf("  %*s", wg[s], "-");
        if (thn[s])
            printf("  %*ld", wh[s], th[s]);
        else
            printf("  %*s", wh[s], "-");
    }
    putchar('\n');
}

/* ------------------------------------------------------------------ main */

static void usage(void)
{
    fprintf(stderr, "usage: sizecheck [-q] BUDGETFILE ARCH BINDIR "
                    "[ARCH2 BINDIR2]\n       ARCH is x86_64 or i386\n");
    exit(2);
}

static int arch_id(const char *s)
{
    for (int a = 0; a < NARCH; a++)
        if (strcmp(s, arch_names[a]) == 0)
            return a;
    return -1;
}

int main(int argc, char **argv)
{
    int quiet = 0, nslots, slot_arch[2];
    const char *budget_path, *slot_dir[2];
    int slot_fd[2] = { -1, -1 };
    size_t nbin = 0;

    argv++;
    argc--;
    if (argc > 0 && strcmp(argv[0], "-q") == 0) {
        quiet = 1;
        argv++;
        argc--;
    }
    if (argc != 3 && argc != 5)
        usage();
    budget_path = argv[0];
    nslots = (argc - 1) / 2;
    for (int s = 0; s < nslots; s++) {
        slot_arch[s] = arch_id(argv[1 + 2 * s]);
        slot_dir[s] = argv[2 + 2 * s];
        if (slot_arch[s] < 0) {
            fprintf(stderr, "sizecheck: unknown ARCH '%s'\n",
                    argv[1 + 2 * s]);
            usage();
        }
    }
    if (nslots == 2 && slot_arch[0] == slot_arch[1]) {
        fprintf(stderr, "sizecheck: ARCH '%s' given twice\n",
                arch_names[slot_arch[0]]);
        usage();
    }

    read_budget(budget_path);

    /* collect executable regular files from each BINDIR */
    for (int s = 0; s < nslots; s++) {
        DIR *d = opendir(slot_dir[s]);
        struct dirent *de;

        if (!d) {
            violation("%s: cannot open directory %s: %s",
                      arch_names[slot_arch[s]], slot_dir[s], strerror(errno));
            continue;
        }
        slot_fd[s] = fcntl(dirfd(d), F_DUPFD_CLOEXEC, 0);
        if (slot_fd[s] < 0) {
            perror("sizecheck: fcntl");
            return 2;
        }
        while ((de = readdir(d)) != NULL) {
            struct stat st;
            if (de->d_name[0] == '.')
                continue;
            if (fstatat(dirfd(d), de->d_name, &st, AT_SYMLINK_NOFOLLOW) != 0)
                continue;
            if (!S_ISREG(st.st_mode) ||
                !(st.st_mode & (S_IXUSR | S_IXGRP | S_IXOTH)))
                continue;
            find_util(de->d_name, 1)->present[s] = 1;
        }
        closedir(d);
    }

    qsort(utils, nutils, sizeof *utils, cmp_util);

    for (size_t i = 0; i < nutils; i++) {
        struct util *u = &utils[i];

        if (u->has_budget && !u->budget_comment)
            for (int a = 0; a < NARCH; a++)
                if (u->budget[a] >= BIG_BUDGET)
                    violation("%s/%s: budget %lu >= %u bytes needs a "
                              "comment on its line in %s saying why",
                              arch_names[a], u->name, u->budget[a],
                              BIG_BUDGET, budget_path);

        for (int s = 0; s < nslots; s++) {
            const char *an = arch_names[slot_arch[s]];

            if (slot_fd[s] < 0)
                continue;
            if (!u->present[s]) {
                if (u->has_budget)
                    violation("%s/%s: has a budget line but no binary in %s",
                              an, u->name, slot_dir[s]);
                continue;
            }
            nbin++;
            check_binary(slot_fd[s], slot_dir[s], s, slot_arch[s], u);
            if (!u->has_budget)
                violation("%s/%s: no budget line in %s", an, u->name,
                          budget_path);
            else if (u->bytes[s] > u->budget[slot_arch[s]])
                violation("%s/%s: %lu bytes, over its budget of %lu by %lu",
                          an, u->name, u->bytes[s],
                          u->budget[slot_arch[s]],
                          u->bytes[s] - u->budget[slot_arch[s]]);
        }
    }

    if (!quiet) {
        print_table(nslots, slot_arch);
        if (nviol == 0)
            printf("sizecheck: ok, %zu binar%s checked\n", nbin,
                   nbin == 1 ? "y" : "ies");
        else
            putchar('\n');
    }
    if (fflush(stdout) != 0) {
        perror("sizecheck: stdout");
        return 2;
    }
    for (size_t i = 0; i < nviol; i++)
        fprintf(stderr, "sizecheck: %s\n", viol[i]);
    if (nviol && !quiet)
        fprintf(stderr, "sizecheck: %zu violation%s\n", nviol,
                nviol == 1 ? "" : "s");

    for (int s = 0; s < nslots; s++)
        if (slot_fd[s] >= 0)
            close(slot_fd[s]);
    for (size_t i = 0; i < nviol; i++)
        free(viol[i]);
    free(viol);
    for (size_t i = 0; i < nutils; i++)
        free(utils[i].name);
    free(utils);
    return nviol ? 1 : 0;
}
