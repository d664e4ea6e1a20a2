#!/usr/bin/env python3
# failfs.py BACKING MOUNTPOINT - a read-only passthrough FUSE file system,
# spoken straight over /dev/fuse (no libfuse; tests/namemaxfs.py cut
# down), whose failures a test cannot make otherwise: reading a directory
# named "bad*" fails at once (EACCES), one named "half*" after its first
# batch of entries (EIO); the readlink of a symlink named "nolink*" fails
# (EACCES) where its lstat works. Root only; run it in a private mount
# namespace. Serves until unmounted.
import os, sys, struct, ctypes, errno

B, M = os.fsencode(sys.argv[1]), os.fsencode(sys.argv[2])
fd = os.open('/dev/fuse', os.O_RDWR)
libc = ctypes.CDLL(None, use_errno=True)
opts = b'fd=%d,rootmode=40000,user_id=0,group_id=0,allow_other,default_permissions' % fd
if libc.mount(b'failfs', M, b'fuse', 0, opts) != 0:
    sys.exit('mount: ' + os.strerror(ctypes.get_errno()))
paths = {1: B}          # nodeid -> backing path
ids = {B: 1}
handles = {}
nexth = [1]

def node(p):
    if p not in ids:
        n = len(paths) + 1
        paths[n] = p; ids[p] = n
    return ids[p]

def attr(st):
    return struct.pack('<QQQQQQIIIIIIIIII', st.st_ino, st.st_size, st.st_blocks,
                       int(st.st_atime), int(st.st_mtime), int(st.st_ctime),
                       st.st_atime_ns % 10**9, st.st_mtime_ns % 10**9, st.st_ctime_ns % 10**9,
                       st.st_mode, st.st_nlink, st.st_uid, st.st_gid, st.st_rdev & 0xffffffff, 4096, 0)

def reply(unique, err=0, data=b''):
    os.write(fd, struct.pack('<IiQ', 16 + len(data), -err, unique) + data)

def handle(op, nodeid, body):
    p = paths.get(nodeid)
    base = os.path.basename(p) if p else b''
    if op == 26:    # INIT
        major, minor, ra, flags = struct.unpack_from('<IIII', body)
        return struct.pack('<IIIIHHIIHHI', 7, min(minor, 31), ra, 0, 16, 12, 65536, 1, 0, 0, 0) + b'\0' * 28
    if op == 1:     # LOOKUP
        c = p + b'/' + body.split(b'\0')[0]
        return struct.pack('<QQQQII', node(c), 0, 0, 0, 0, 0) + attr(os.lstat(c))
    if op == 3:  return struct.pack('<QII', 0, 0, 0) + attr(os.lstat(p))
    if op == 5:     # READLINK
        if base.startswith(b'nolink'): raise OSError(errno.EACCES, '')
        return os.readlink(p)
    if op == 27:    # OPENDIR
        handles[nexth[0]] = [b'.', b'..'] + sorted(os.listdir(p)); nexth[0] += 1
        return struct.pack('<QII', nexth[0] - 1, 0, 0)
    if op == 28:    # READDIR
        fh, off, size = struct.unpack_from('<QQI', body)
        if base.startswith(b'bad') or base.startswith(b'half') and off:
            raise OSError(errno.EIO if off else errno.EACCES, '')
        out = b''
        ents = handles[fh]
        for i in range(off, len(ents)):
            n = ents[i]
            rec = struct.pack('<QQII', 1000 + i, i + 1, len(n), 0) + n
            rec += b'\0' * (-len(rec) % 8)
            if len(out) + len(rec) > size: break
            out += rec
        return out
    if op == 17:    # STATFS
        s = os.statvfs(p)
        return struct.pack('<QQQQQIIII', s.f_blocks, s.f_bfree, s.f_bavail, s.f_files, s.f_ffree,
                           s.f_bsize, 255, s.f_frsize, 0) + b'\0' * 24
    if op == 29:  handles.pop(struct.unpack_from('<Q', body)[0], None); return b''
    raise OSError(errno.ENOSYS, '')

while True:
    try:
        req = os.read(fd, 1 << 20)
    except OSError as e:
        if e.errno == errno.ENODEV: break       # unmounted
        if e.errno in (errno.EINTR, errno.ENOENT): continue
        raise
    ln, op, unique, nodeid, uid, gid, pid = struct.unpack_from('<IIQQIII', req)
    body = req[40:ln]
    if op in (2, 42, 36): continue      # FORGET, BATCH_FORGET, INTERRUPT: no reply
    if op == 38: reply(unique); break   # DESTROY
    try:
        reply(unique, 0, handle(op, nodeid, body))
    except OSError as e:
        reply(unique, e.errno or errno.EIO)
    except Exception as e:
        sys.stderr.write('failfs: op %d: %r\n' % (op, e))
        reply(unique, errno.EIO)
