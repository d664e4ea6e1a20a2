#!/usr/bin/env python3
# badblocks.py LAYOUT CMD [ARG]... - run CMD with standard input on a "disk"
# with bad blocks: this process's own memory (/proc/self/mem, seekable),
# positioned at 0x10000000, where LAYOUT gives a page of 4096 bytes for each
# letter: 'd' a mapped page of data (a pattern that differs from page to
# page), 'x' a page left unmapped. Reading an unmapped page fails with EIO;
# a read that runs from a mapped page into an unmapped one is short. Any user
# can run it (the file is opened by its own process, which waits for CMD).
# Exits with CMD's status.
import ctypes, os, sys

libc = ctypes.CDLL(None, use_errno=True)
libc.mmap.restype = ctypes.c_void_p
libc.mmap.argtypes = [ctypes.c_void_p, ctypes.c_size_t, ctypes.c_int,
                      ctypes.c_int, ctypes.c_int, ctypes.c_long]
BASE = 0x10000000
PROT_RW, MAP_PRIVATE_ANON_FIXED_NOREPLACE = 3, 0x22 | 0x100000
for i, c in enumerate(sys.argv[1]):
    if c == 'd':
        a = libc.mmap(BASE + i * 4096, 4096, PROT_RW,
                      MAP_PRIVATE_ANON_FIXED_NOREPLACE, -1, 0)
        if a != BASE + i * 4096:
            sys.exit('badblocks.py: cannot map page %d' % i)
        ctypes.memmove(a, bytes((i * 7 + j) % 251 + 1 for j in range(4096)), 4096)
fd = os.open('/proc/self/mem', os.O_RDONLY)
os.lseek(fd, BASE, os.SEEK_SET)
pid = os.fork()
if pid == 0:
    os.dup2(fd, 0)
    os.execvp(sys.argv[2], sys.argv[2:])
_, status = os.waitpid(pid, 0)
sys.exit(os.waitstatus_to_exitcode(status))
