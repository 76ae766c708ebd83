"""One writer per meeting folder: the lock file `.namndtui.lock`.

The lock holds JSON {pid, host, time, token}. It is created with O_CREAT|O_EXCL, so of two
processes starting at once exactly one wins. A lock left by a crashed process on this host
(its pid no longer alive) is stale and taken over: the new lock is written atomically and
read back to make sure we, not a rival, hold it. A lock from another host cannot be
checked and is treated as held.
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import socket
import time as _time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from namndtui.storage import atomic_write, fsync_dir

LOCK_NAME = ".namndtui.lock"


@dataclass(frozen=True)
class LockInfo:
    pid: int
    host: str
    time: str
    token: str = ""


def pid_alive(pid: int) -> bool:
    """True when a process with this pid exists on this host."""
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # exists, owned by someone else
    except OSError:
        return False
    return not _zombie(pid)


def _zombie(pid: int) -> bool:
    """A killed process whose parent has not reaped it yet still answers kill(pid, 0); it
    holds no files any more, so its lock is stale. (Linux /proc; elsewhere: not known.)"""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    # "pid (comm) S …": the state follows the last ')' (comm may itself hold parentheses).
    return stat[stat.rfind(")") + 1 :].split()[:1] == ["Z"]


def read_lock(path: Path) -> LockInfo | None:
    """The lock's content, or None when it is unreadable or malformed."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return LockInfo(
            int(data["pid"]), str(data["host"]), str(data["time"]), str(data.get("token", ""))
        )
    except (OSError, ValueError, KeyError, TypeError):
        return None


class FolderLock:
    """The writer's lock on a meeting folder. Use `acquire`."""

    def __init__(self, path: Path, info: LockInfo) -> None:
        self.path = path
        self.info = info

    @classmethod
    def acquire(
        cls, folder: Path, clock: Callable[[], datetime] = datetime.now
    ) -> tuple[FolderLock | None, str]:
        """(lock, "") when we hold it now, else (None, the Swedish reason)."""
        path = folder / LOCK_NAME
        info = LockInfo(
            os.getpid(),
            socket.gethostname(),
            clock().strftime("%Y-%m-%dT%H:%M:%S"),
            secrets.token_hex(8),
        )
        payload = json.dumps(info.__dict__, ensure_ascii=False).encode()
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
        except FileExistsError:
            return cls._contend(path, info, payload)
        except OSError as exc:  # read-only folder, permission denied, a folder in the way
            return None, _unwritable_reason(path, exc)
        try:
            try:
                os.write(fd, payload)
                os.fsync(fd)
            finally:
                os.close(fd)
        except OSError as exc:  # disk full: leave no empty lock behind
            with contextlib.suppress(OSError):
                path.unlink()
            return None, _unwritable_reason(path, exc)
        fsync_dir(folder)
        return cls(path, info), ""

    @classmethod
    def _contend(cls, path: Path, info: LockInfo, payload: bytes) -> tuple[FolderLock | None, str]:
        held = read_lock(path)
        if held is None:
            # Maybe a rival has just created it and not yet written: look again shortly.
            _time.sleep(0.05)
            held = read_lock(path)
        if held is not None:
            if held.host != info.host:
                return None, _held_reason(held, other_host=True)
            if pid_alive(held.pid):
                return None, _held_reason(held, other_host=False)
        # Stale (dead pid on this host, or an unreadable leftover): take it over.
        try:
            atomic_write(path, payload)
        except OSError as exc:
            return None, f"Låsfilen {path.name} kunde inte tas över: {exc.strerror or exc}."
        now = read_lock(path)
        if now is None or now.token != info.token:
            return None, "En annan process tog över låset samtidigt; mötet öppnas skrivskyddat."
        return cls(path, info), ""

    def release(self) -> None:
        """Remove the lock if it is still ours."""
        held = read_lock(self.path)
        if held is not None and held.token == self.info.token:
            with contextlib.suppress(OSError):
                self.path.unlink()
                fsync_dir(self.path.parent)


def _unwritable_reason(path: Path, exc: OSError) -> str:
    return (
        f"Låsfilen {path} kunde inte skapas: {exc.strerror or exc}. Mötet öppnas "
        "skrivskyddat; inget kan registreras i den här mappen."
    )


def _held_reason(held: LockInfo, *, other_host: bool) -> str:
    when = held.time.replace("T", " ")
    where = f"på datorn {held.host}" if other_host else f"på den här datorn ({held.host})"
    return (
        f"Mötet är redan öppet för skrivning {where}, process {held.pid}, sedan {when}. "
        "Det öppnas skrivskyddat. Stäng det andra fönstret först, eller ta bort "
        f"{LOCK_NAME} om det programmet inte längre körs."
    )
