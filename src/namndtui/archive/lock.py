"""One writer of an index at a time: an OS lock (flock) on a file beside the index.

Two searches started at once on a new archive both want to create and fill the index.
Whoever gets the lock builds; the others wait (and say so), then find the work done. The
lock is the kernel's: it goes away with the process, so a killed build leaves no stale lock.
On a file system without flock (some network mounts) the lock is taken without blocking
anyone, and SQLite's own locking still keeps the database consistent.

The lock file's mtime doubles as the time of the last complete freshness check, so that a
search started within a second of the previous one need not stat the archive again. The
index marks it "never checked" before it creates or rebuilds the index (index.py), and only
mark_checked sets its atime to CHECKED_ATIME: a lock file just created (mtime now) or read
since is taken as not checked. (A search that opened a new index the moment it was
created took the creation of the lock file for a check, skipped it and found no hits.)
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable

try:
    import fcntl
except ImportError:  # pragma: no cover - not POSIX
    fcntl = None  # type: ignore[assignment]

CHECKED_ATIME = 1_000_000_000  # ns (whole seconds: file systems with coarse atimes keep it)
ALONE_WAIT = 0.5  # s: how long a rebuild waits for other programs to let go of the index


class exclusive:  # noqa: N801 - used as `with exclusive(path):`, like a function
    """Hold the lock on `path` (created if missing); call `on_wait` once if it is busy.
    (A class, not contextlib.contextmanager: `namndtui search` does not import contextlib.)"""

    def __init__(self, path: str, on_wait: Callable[[], None] | None = None) -> None:
        self.path = path
        self.on_wait = on_wait
        self.fd = -1

    def __enter__(self) -> None:
        self.fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        if fcntl is None:
            return
        try:
            fcntl.flock(self.fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            if self.on_wait is not None:
                self.on_wait()
            try:
                fcntl.flock(self.fd, fcntl.LOCK_EX)
            except BaseException:
                os.close(self.fd)
                raise
        except OSError:  # no flock here (a network mount): SQLite's locks remain
            pass

    def __exit__(self, *exc: object) -> None:
        os.close(self.fd)  # releases the lock


def checked_recently(path: str, seconds: float) -> bool:
    """True when the last complete check (the lock file's mtime, set by mark_checked) is
    under `seconds` old."""
    if seconds <= 0:
        return False
    try:
        st = os.stat(path)
    except OSError:
        return False
    if st.st_atime_ns != CHECKED_ATIME:  # created (or read) since: its mtime is no check's
        return False
    return 0 <= time.time_ns() - st.st_mtime_ns < seconds * 1e9


def mark_checked(path: str, *, never: bool = False) -> None:
    """Record that the index was found fresh now (`never`: it has not been checked yet)."""
    try:  # noqa: SIM105 - contextlib.suppress would import contextlib on every search
        os.utime(path, ns=(0, 0) if never else (CHECKED_ATIME, time.time_ns()))
    except OSError:
        pass


class Users:
    """Every ArchiveIndex with a connection open holds a shared lock (flock) on a file
    beside the index (`….users`); deleting the index to rebuild it (corrupted, of another
    version) needs it exclusive: never while another program – the archive screen, another
    search – has the index open. (SQLite: a database, or its -wal/-shm, deleted under a
    connection that has it open loses what that connection writes, and closing it deletes
    the -wal of the new file by name.) The lock dies with its process. Where no lock can
    be had (no flock, no file) it is no hold and never refuses: as before it was added."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.fd = -1
        self._close = os.close  # (kept: __del__ may run while the interpreter shuts down)

    def hold(self) -> None:
        """Hold it shared (waits only for a rebuild's delete, which holds it exclusive)."""
        if self.fd >= 0:
            return
        try:
            self.fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError:
            return
        if fcntl is not None:
            try:  # noqa: SIM105 - no contextlib on a search's path
                fcntl.flock(self.fd, fcntl.LOCK_SH)
            except OSError:  # no flock here: no hold, no refusal
                pass

    def alone(self, patience: float | None = None) -> bool:
        """Make the hold exclusive when nobody else holds the file (True); False, shared
        again, when another holder still has it open after `patience` seconds (a search
        that found the index corrupted too lets go before it waits for the writer's lock;
        the archive screen does not). Call `share` after an exclusive hold."""
        self.hold()
        if self.fd < 0 or fcntl is None:
            return True
        deadline = time.monotonic() + (ALONE_WAIT if patience is None else patience)
        while True:
            try:
                fcntl.flock(self.fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                self.share()  # (a refused conversion drops the shared hold: take it again)
                if time.monotonic() >= deadline:
                    return False
                time.sleep(0.01)
            except OSError:
                return True
            else:
                return True

    def share(self) -> None:
        if self.fd >= 0 and fcntl is not None:
            try:  # noqa: SIM105
                fcntl.flock(self.fd, fcntl.LOCK_SH)
            except OSError:
                pass

    def release(self) -> None:
        if self.fd >= 0:
            fd, self.fd = self.fd, -1
            self._close(fd)

    def __del__(self) -> None:
        self.release()
