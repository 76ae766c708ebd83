"""One writer of an index at a time: an OS lock (flock) on a file beside the index.

Two searches started at once on a new archive both want to create and fill the index.
Whoever gets the lock builds; the others wait (and say so), then find the work done. The
lock is the kernel's: it goes away with the process, so a killed build leaves no stale lock.
On a file system without flock (some network mounts) the lock is taken without blocking
anyone, and SQLite's own locking still keeps the database consistent.

The lock file's mtime doubles as the time of the last complete freshness check, so that a
search started within a second of the previous one need not stat the archive again.
"""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Callable, Iterator

try:
    import fcntl
except ImportError:  # pragma: no cover - not POSIX
    fcntl = None  # type: ignore[assignment]


@contextlib.contextmanager
def exclusive(path: str, on_wait: Callable[[], None] | None = None) -> Iterator[None]:
    """Hold the lock on `path` (created if missing); call `on_wait` once if it is busy."""
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        if fcntl is not None:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                if on_wait is not None:
                    on_wait()
                fcntl.flock(fd, fcntl.LOCK_EX)
            except OSError:  # no flock here (a network mount): SQLite's locks remain
                pass
        yield
    finally:
        os.close(fd)  # releases the lock


def checked_recently(path: str, seconds: float) -> bool:
    """True when the last complete check (the lock file's mtime) is under `seconds` old."""
    if seconds <= 0:
        return False
    try:
        mtime = os.stat(path).st_mtime_ns
    except OSError:
        return False
    return 0 <= time.time_ns() - mtime < seconds * 1e9


def mark_checked(path: str, *, never: bool = False) -> None:
    """Record that the index was found fresh now (`never`: it has not been checked yet)."""
    with contextlib.suppress(OSError):
        os.utime(path, ns=(0, 0)) if never else os.utime(path)
