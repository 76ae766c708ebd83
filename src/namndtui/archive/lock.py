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
