"""Being told when the journal changes, instead of looking every 150 ms (Linux inotify).

    watch = JournalWatch.open(folder, "journal.jsonl")   # None: look by polling instead
    loop.add_reader(watch.fileno(), on_readable)          # readable: something happened
    if watch.changed():                                   # was it the journal?
        follower.poll()

A reader of `namndtui follow` (docs/follow.md): the kernel queues an event when the writer
appends to, cuts, replaces, creates or deletes `journal.jsonl`; between acts the follower
sleeps instead of waking every 150 ms to `stat` the file. It watches the *folder* (a
replaced journal is a new file under the same name) and keeps only the events that name
the journal; an overflowing queue or a folder that went away count as a change (the poll
finds out what happened). It never reads the journal itself and writes nothing.

Used only where inotify sees every write: Linux and a local file system. On a network
file system (NFS, SMB, sshfs …) a write from another computer raises no event here, so the
follower polls as before (`open` returns None); and it keeps a slow poll beside the watch
in any case, in case an event is ever missed.

inotify is not in Python's standard library; `ctypes` calls the C library's three
functions (no new dependency).
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import struct
import sys
from pathlib import Path

from namndtui.record.lock import file_system_type

# <sys/inotify.h>
IN_MODIFY = 0x002
IN_ATTRIB = 0x004
IN_CLOSE_WRITE = 0x008
IN_MOVED_FROM = 0x040
IN_MOVED_TO = 0x080
IN_CREATE = 0x100
IN_DELETE = 0x200
IN_DELETE_SELF = 0x400
IN_MOVE_SELF = 0x800
IN_Q_OVERFLOW = 0x4000
IN_IGNORED = 0x8000
WATCHED = (
    IN_MODIFY | IN_ATTRIB | IN_CLOSE_WRITE | IN_MOVED_FROM | IN_MOVED_TO | IN_CREATE | IN_DELETE
    | IN_DELETE_SELF | IN_MOVE_SELF
)  # fmt: skip
# The folder itself went, or the kernel dropped events: whatever happened, look.
ANY_CHANGE = IN_Q_OVERFLOW | IN_IGNORED | IN_DELETE_SELF | IN_MOVE_SELF
EVENT = struct.Struct("iIII")  # wd, mask, cookie, len (then len bytes of name, NUL-padded)

# Local file systems, where every write to the folder (also a file server's, made on this
# computer) raises an event. Anything else (nfs, cifs, fuse.sshfs, 9p, unknown): poll.
LOCAL_FS = frozenset(
    {"ext2", "ext3", "ext4", "xfs", "btrfs", "tmpfs", "ramfs", "overlay", "zfs", "f2fs",
     "jfs", "reiserfs", "bcachefs", "vfat", "exfat", "ntfs3", "hfsplus", "apfs"}
)  # fmt: skip


class JournalWatch:
    """An inotify descriptor watching one folder for changes to one file name."""

    def __init__(self, fd: int, name: str) -> None:
        self.fd = fd
        self.name = os.fsencode(name)

    @classmethod
    def open(cls, folder: Path, name: str) -> JournalWatch | None:
        """A watch on `folder` for `name`, or None where polling must do (not Linux, a
        network or unknown file system, no inotify, the watch limit reached)."""
        if not sys.platform.startswith("linux") or file_system_type(folder) not in LOCAL_FS:
            return None
        try:
            libc = ctypes.CDLL(None, use_errno=True)
            fd = libc.inotify_init1(os.O_NONBLOCK | os.O_CLOEXEC)
        except (OSError, AttributeError):
            return None
        if fd < 0:
            return None
        if libc.inotify_add_watch(fd, os.fsencode(folder), WATCHED) < 0:
            os.close(fd)
            return None
        return cls(fd, name)

    def fileno(self) -> int:
        return self.fd

    def changed(self) -> bool:
        """Read every queued event (never blocks); True when one was about the file, or
        could have been (an overflow, the folder moved or removed)."""
        hit = False
        while True:
            try:
                data = os.read(self.fd, 64 * 1024)
            except BlockingIOError:
                return hit
            except OSError:
                return True
            if not data:
                return hit
            hit = self._names_the_file(data) or hit

    def _names_the_file(self, data: bytes) -> bool:
        pos, hit = 0, False
        while pos + EVENT.size <= len(data):
            _wd, mask, _cookie, length = EVENT.unpack_from(data, pos)
            name = data[pos + EVENT.size : pos + EVENT.size + length].rstrip(b"\0")
            pos += EVENT.size + length
            hit = hit or bool(mask & ANY_CHANGE) or name == self.name
        return hit

    def close(self) -> None:
        with contextlib.suppress(OSError):
            os.close(self.fd)
