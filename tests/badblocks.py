#!/usr/bin/env python3
# badblocks.py LAYOUT CMD [ARG]... - run CMD with standard input on a "disk"
# with bad blocks: this process's own memory (/proc/self/mem, seekable),
# positioned at a free address below 2 GiB, where LAYOUT gives a page of
# 4096 bytes for each letter: 'd' a mapped page of data (a pattern that
# differs from page to page), another letter a mapped page of lines of that
# letter ("a\na\n..."), 'x' a page left unmapped; "N:LAYOUT" starts the
# input N bytes into its first page (reads then end inside a reader's
# blocks). Reading an unmapped page fails with EIO; a read that runs from a
# mapped page into an unmapped one is short. Any user can run it (the file
# is opened by its own process, which waits for CMD). Exits with CMD's
# status.
import ctypes, os, sys

libc = ctypes.CDLL(None, use_errno=True)
libc.mmap.restype = ctypes.c_void_p
libc.mmap.argtypes = [ctypes.c_void_p, ctypes.c_size_t, ctypes.c_int,
                      ctypes.c_int, ctypes.c_int, ctypes.c_long]
PROT_RW, MAP_PRIVATE_ANON_FIXED_NOREPLACE = 3, 0x22 | 0x100000
libc.munmap.argtypes = [ctypes.c_void_p, ctypes.c_size_t]


SKIP, _, LAYOUT = sys.argv[1].rpartition(':')
SKIP = int(SKIP or 0)


def place(base):
    """Map the layout's pages from base; False (none left) if one is taken."""
    done = []
    for i, c in enumerate(LAYOUT):
        if c == 'x':
            continue
        a = libc.mmap(base + i * 4096, 4096, PROT_RW,
                      MAP_PRIVATE_ANON_FIXED_NOREPLACE, -1, 0)
        if a != base + i * 4096:
            for d in done:
                libc.munmap(d, 4096)
            return False
        done.append(a)
        if c == 'd':
            page = bytes((i * 7 + j) % 251 + 1 for j in range(4096))
        else:
            page = (c + '\n').encode() * 2048
        ctypes.memmove(a, page, 4096)
    return True


# Below 2 GiB (an i386 reader's offsets), where nothing else is mapped.
for BASE in range(0x10000000, 0x80000000, 0x8000000):
    if place(BASE):
        break
else:
    sys.exit('badblocks.py: no room for the pages')
fd = os.open('/proc/self/mem', os.O_RDONLY)
os.lseek(fd, BASE + SKIP, os.SEEK_SET)
pid = os.fork()
if pid == 0:
    os.dup2(fd, 0)
    os.execvp(sys.argv[2], sys.argv[2:])
_, status = os.waitpid(pid, 0)
sys.exit(os.waitstatus_to_exitcode(status))
