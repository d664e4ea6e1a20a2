#!/usr/bin/env python3
# namemaxfs.py BACKING MOUNTPOINT NAMELEN [noflags|fail] - a passthrough FUSE
# file system, spoken straight over /dev/fuse (no libfuse), whose statfs
# says f_namelen = NAMELEN: a directory with another NAME_MAX than 255; with
# "noflags", a rename with flags (renameat2's RENAME_NOREPLACE) fails with
# EINVAL, as on a file system that lacks them; with "fail", the failures a
# test cannot make otherwise: reading a directory named "bad*" fails at
# once (EACCES), one named "half*" after its first batch of entries (EIO),
# the readlink of a symlink named "nolink*" (EACCES) where its lstat works.
# Root only; run it in a private mount namespace. Serves until unmounted.
import os, sys, struct, ctypes, errno, stat

B, M, NAMELEN = os.fsencode(sys.argv[1]), os.fsencode(sys.argv[2]), int(sys.argv[3])
NOFLAGS = sys.argv[4:] == ['noflags']
FAIL = sys.argv[4:] == ['fail']
fd = os.open('/dev/fuse', os.O_RDWR)
libc = ctypes.CDLL(None, use_errno=True)
opts = b'fd=%d,rootmode=40000,user_id=0,group_id=0,allow_other,default_permissions' % fd
if libc.mount(b'namemaxfs', M, b'fuse', 0, opts) != 0:
    sys.exit('mount: ' + os.strerror(ctypes.get_errno()))
paths = {1: B}          # nodeid -> backing path
ids = {B: 1}
handles = {}
nexth = [1]

def node(p):
    if p not in ids:
        n = len(paths) + 1
        while n in paths: n += 1
        paths[n] = p; ids[p] = n
    return ids[p]

def attr(st):
    return struct.pack('<QQQQQQIIIIIIIIII', st.st_ino, st.st_size, st.st_blocks,
                       int(st.st_atime), int(st.st_mtime), int(st.st_ctime),
                       st.st_atime_ns % 10**9, st.st_mtime_ns % 10**9, st.st_ctime_ns % 10**9,
                       st.st_mode, st.st_nlink, st.st_uid, st.st_gid, st.st_rdev & 0xffffffff, 4096, 0)

def entry(p):
    st = os.lstat(p)
    return struct.pack('<QQQQII', node(p), 0, 0, 0, 0, 0) + attr(st)

def names(body, k):
    return body.split(b'\0')[:k]

def reply(unique, err=0, data=b''):
    os.write(fd, struct.pack('<IiQ', 16 + len(data), -err, unique) + data)

def handle(op, nodeid, body, uid, gid):
    p = paths.get(nodeid)
    def child(n): return p + b'/' + n
    if op == 26:    # INIT
        major, minor, ra, flags = struct.unpack_from('<IIII', body)
        return struct.pack('<IIIIHHIIHHI', 7, min(minor, 31), ra, 0, 16, 12, 65536, 1, 0, 0, 0) + b'\0' * 28
    if op == 1:  return entry(child(names(body, 1)[0]))
    if op == 3:  return struct.pack('<QII', 0, 0, 0) + attr(os.lstat(p))
    if op == 4:     # SETATTR
        valid, _, fh, size = struct.unpack_from('<IIQQ', body)
        mode, _, u, g = struct.unpack_from('<IIII', body, 68)
        if valid & 1: os.chmod(p, stat.S_IMODE(mode))
        if valid & 6: os.lchown(p, u if valid & 2 else -1, g if valid & 4 else -1)
        if valid & 8: os.truncate(p, size)
        return struct.pack('<QII', 0, 0, 0) + attr(os.lstat(p))
    if op == 5:
        if FAIL and os.path.basename(p).startswith(b'nolink'): raise OSError(errno.EACCES, '')
        return os.readlink(p)
    if op == 6:
        n, t = names(body, 2); os.symlink(t, child(n)); os.lchown(child(n), uid, gid)
        return entry(child(n))
    if op == 8:
        mode, rdev, umask, _ = struct.unpack_from('<IIII', body)
        n = names(body[16:], 1)[0]; os.mknod(child(n), mode & ~umask, rdev); os.lchown(child(n), uid, gid)
        return entry(child(n))
    if op == 9:
        mode, umask = struct.unpack_from('<II', body)
        n = names(body[8:], 1)[0]; os.mkdir(child(n), mode & ~umask & 0o7777); os.lchown(child(n), uid, gid)
        return entry(child(n))
    if op == 10: os.unlink(child(names(body, 1)[0])); return b''
    if op == 11: os.rmdir(child(names(body, 1)[0])); return b''
    if op in (12, 45):
        newdir, = struct.unpack_from('<Q', body)
        flags = struct.unpack_from('<I', body, 8)[0] if op == 45 else 0
        o, n = names(body[16 if op == 45 else 8:], 2)
        src, dst = child(o), paths[newdir] + b'/' + n
        if flags & ~1 or flags and NOFLAGS: raise OSError(errno.EINVAL, '')
        if flags & 1 and os.path.lexists(dst): raise OSError(errno.EEXIST, '')
        os.rename(src, dst)
        for k in list(ids):     # the names below it follow
            if k == src or k.startswith(src + b'/'):
                nk = dst + k[len(src):]; i = ids.pop(k); paths[i] = nk; ids[nk] = i
        return b''
    if op == 13:
        old, = struct.unpack_from('<Q', body)
        n = names(body[8:], 1)[0]; os.link(paths[old], child(n)); return entry(child(n))
    if op in (14, 27):      # OPEN, OPENDIR
        if op == 27:
            h = [b'.', b'..'] + os.listdir(p)
        else:
            flags, = struct.unpack_from('<I', body)
            h = os.open(p, flags & ~(os.O_CREAT | os.O_EXCL | os.O_NOCTTY))
        handles[nexth[0]] = h; nexth[0] += 1
        return struct.pack('<QII', nexth[0] - 1, 0, 0)
    if op == 35:            # CREATE
        flags, mode, umask, _ = struct.unpack_from('<IIII', body)
        n = names(body[16:], 1)[0]
        h = os.open(child(n), flags, mode & ~umask & 0o7777); os.fchown(h, uid, gid)
        handles[nexth[0]] = h; nexth[0] += 1
        return entry(child(n)) + struct.pack('<QII', nexth[0] - 1, 0, 0)
    if op == 15:
        fh, off, size = struct.unpack_from('<QQI', body)
        return os.pread(handles[fh], size, off)
    if op == 16:
        fh, off, size = struct.unpack_from('<QQI', body)
        n = os.pwrite(handles[fh], body[40:40 + size], off)
        return struct.pack('<II', n, 0)
    if op in (18, 29):
        fh, = struct.unpack_from('<Q', body)
        h = handles.pop(fh, None)
        if isinstance(h, int): os.close(h)
        return b''
    if op == 28:            # READDIR
        fh, off, size = struct.unpack_from('<QQI', body)
        base = os.path.basename(p) if FAIL else b''
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
    if op == 17:
        s = os.statvfs(p)
        return struct.pack('<QQQQQIIII', s.f_blocks, s.f_bfree, s.f_bavail, s.f_files, s.f_ffree,
                           s.f_bsize, NAMELEN, s.f_frsize, 0) + b'\0' * 24
    if op in (25, 20, 30): return b''
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
        reply(unique, 0, handle(op, nodeid, body, uid, gid))
    except OSError as e:
        reply(unique, e.errno or errno.EIO)
    except Exception as e:
        sys.stderr.write('namemaxfs: op %d: %r\n' % (op, e))
        reply(unique, errno.EIO)
