"""One writer per meeting folder: the lock file `.namndtui.lock`.

The arbiter is the operating system: the writer holds `fcntl.flock(LOCK_EX)` on the open
lock file for as long as it runs. The kernel lets exactly one process hold it and drops
it when the process dies (a SIGKILL, a crash, a power cut), so a stale lock is taken over
atomically by whichever process gets the flock first; the others open read-only.

The file's JSON {pid, host, time, token, started} is only there to say who writes. It
is also the second rule, for file systems whose flock does not reach other computers:
- a lock naming another computer is treated as held (that computer cannot be asked);
- a lock naming a live process on this computer (started when the lock says) while the
  flock was ours means the flock did not exclude it (an old namndtui without flock, or
  a file system that ignores it): read-only rather than two writers;
- on network file systems whose flock is known to be local only (sshfs, 9p, SMB/CIFS,
  NFS mounted with nolock or local_lock) the meeting always opens read-only, with the
  reason (docs/reliability.md).

Release unlinks the file while still holding the flock; a process that opened the old
file meanwhile sees, once it gets the flock, that the path is no longer its file and
tries again, so an unlinked lock can never be held beside a new one.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import json
import os
import secrets
import socket
import stat
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from namndtui.storage import fsync_dir, open_input, os_reason

LOCK_NAME = ".namndtui.lock"
# File systems whose flock is local to one computer (Linux): a lock there proves nothing
# about a second computer writing to the same folder.
LOCAL_FLOCK_FS = frozenset({"fuse.sshfs", "sshfs", "9p", "cifs", "smb3", "smbfs", "vboxsf"})
_ATTEMPTS = 5
# What the TUI does when it cannot take the lock, said in each reason; a command that
# writes nothing then (export) says the reason without it (`reason_for_command`).
OPENS_READONLY = "Mötet öppnas skrivskyddat."
NOT_A_FILE = "det är ingen vanlig fil (en FIFO eller en enhet) – ta bort den"
A_LINK = "det är en symbolisk länk till en annan fil, som låset skulle skriva över – ta bort länken"
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_LOCK_MAX = 64 * 1024  # far more than the line of JSON a lock holds
IT_OPENS_READONLY = "Det öppnas skrivskyddat."


def reason_for_command(reason: str) -> str:
    """`reason` (the lock's, in `Record.readonly_reason`) for a command that opens nothing:
    without the sentence that the meeting opens read-only."""
    for note in (OPENS_READONLY, IT_OPENS_READONLY):
        reason = reason.replace(f" {note}", "")
    return reason


@dataclass(frozen=True)
class LockInfo:
    pid: int
    host: str
    time: str
    token: str = ""
    started: str = ""  # the process's start time (Linux /proc), against a reused pid


def pid_alive(pid: int, started: str = "") -> bool:
    """True when a process with this pid exists on this host (and, when `started` is
    given and can be checked, it is the process that started then, not a reuse)."""
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        pass  # exists, owned by someone else
    except OSError:
        return False
    stat = _proc_stat(pid)
    if stat is None:
        return True
    if stat[0] == "Z":  # killed, not yet reaped: holds no files any more
        return False
    return not started or len(stat) < 20 or stat[19] == started


def _proc_stat(pid: int) -> list[str] | None:
    """The fields after the command name of /proc/PID/stat (state first), or None."""
    try:
        text = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    # "pid (comm) S …": the state follows the last ')' (comm may itself hold parentheses).
    return text[text.rfind(")") + 1 :].split()


def _started(pid: int) -> str:
    stat = _proc_stat(pid)
    return stat[19] if stat is not None and len(stat) > 19 else ""


def read_lock(path: Path) -> LockInfo | None:
    """The lock's content, or None when it is unreadable or malformed."""
    try:  # a lock is a line of JSON; a FIFO or /dev/zero in its place must not block or fill memory
        with open_input(path) as fh:
            data = json.loads(fh.read(_LOCK_MAX).decode("utf-8"))
        return LockInfo(
            int(data["pid"]),
            str(data["host"]),
            str(data["time"]),
            str(data.get("token", "")),
            str(data.get("started", "")),
        )
    except (OSError, ValueError, KeyError, TypeError, RecursionError):
        return None


def file_system_type(folder: Path) -> str:
    """The type of the file system holding `folder` (Linux /proc/self/mountinfo), with
    the mount options that matter for locks ("nfs4", "nfs:nolock"); "" when unknown."""
    try:
        target = os.path.realpath(folder)
        lines = Path("/proc/self/mountinfo").read_text().splitlines()
    except OSError:
        return ""
    best, kind = "", ""
    for line in lines:
        left, _, right = line.partition(" - ")
        fields, tail = left.split(), right.split()
        if len(fields) < 6 or len(tail) < 3:
            continue
        mount = fields[4].replace("\\040", " ")
        inside = target == mount or target.startswith(mount.rstrip("/") + "/")
        if inside and len(mount) >= len(best):
            options = set(fields[5].split(",")) | set(tail[2].split(","))
            weak = "nolock" in options or any(
                o.startswith("local_lock=") and o != "local_lock=none" for o in options
            )
            best, kind = mount, tail[0] + (":nolock" if weak else "")
    return kind


def local_only_flock(fs_type: str) -> bool:
    """True on a file system where flock does not exclude another computer."""
    return fs_type in LOCAL_FLOCK_FS or fs_type.endswith(":nolock")


class FolderLock:
    """The writer's lock on a meeting folder. Use `acquire`; holds an open descriptor."""

    def __init__(self, path: Path, info: LockInfo, fd: int) -> None:
        self.path = path
        self.info = info
        self._fd: int | None = fd

    @classmethod
    def acquire(
        cls, folder: Path, clock: Callable[[], datetime] = datetime.now
    ) -> tuple[FolderLock | None, str]:
        """(lock, "") when we hold it now, else (None, the Swedish reason)."""
        path = folder / LOCK_NAME
        fs_type = file_system_type(folder)
        if local_only_flock(fs_type):
            return None, _network_reason(folder, fs_type)
        info = LockInfo(
            os.getpid(),
            socket.gethostname(),
            clock().strftime("%Y-%m-%dT%H:%M:%S"),
            secrets.token_hex(8),
            _started(os.getpid()),
        )
        for _ in range(_ATTEMPTS):
            try:  # never through a symlink: taking the lock truncates and writes the file
                fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_NONBLOCK | _NOFOLLOW, 0o644)
                if not stat.S_ISREG(os.fstat(fd).st_mode):  # a FIFO, a device planted there
                    os.close(fd)
                    raise OSError(errno.EINVAL, NOT_A_FILE)
            except OSError as exc:  # read-only folder, permission denied, a folder in the way
                if exc.errno == errno.ELOOP and path.is_symlink():
                    exc = OSError(errno.EINVAL, A_LINK)
                return None, _unwritable_reason(path, exc)
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError as exc:
                os.close(fd)
                if exc.errno in (errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES):
                    return None, _busy_reason(read_lock(path), info)
                return None, _unwritable_reason(path, exc)
            if _same_file(fd, path):
                return cls._take(path, fd, info)
            os.close(fd)  # released and unlinked meanwhile: the new file is the lock
        return None, f"Låsfilen byttes ut hela tiden. {OPENS_READONLY}"

    @classmethod
    def _take(cls, path: Path, fd: int, info: LockInfo) -> tuple[FolderLock | None, str]:
        """We hold the flock on `path`: check what it says, then write ourselves in."""
        held = read_lock(path)
        if held is not None and held.token != info.token:
            if held.host != info.host:
                os.close(fd)
                return None, _held_reason(held, other_host=True)
            if held.pid != info.pid and pid_alive(held.pid, held.started):
                os.close(fd)  # the flock did not keep it out: never two writers
                return None, _held_reason(held, other_host=False)
        payload = json.dumps(info.__dict__, ensure_ascii=False).encode()
        try:
            os.ftruncate(fd, 0)
            os.pwrite(fd, payload, 0)
            os.fsync(fd)
        except OSError as exc:  # disk full: leave no empty lock behind
            with contextlib.suppress(OSError):
                path.unlink()
            os.close(fd)
            return None, _unwritable_reason(path, exc)
        fsync_dir(path.parent)
        return cls(path, info, fd), ""

    def release(self) -> None:
        """Remove the lock if it is still ours, then let go of the flock."""
        if self._fd is None:
            return
        held = read_lock(self.path)
        if held is not None and held.token == self.info.token and _same_file(self._fd, self.path):
            with contextlib.suppress(OSError):
                self.path.unlink()
                fsync_dir(self.path.parent)
        with contextlib.suppress(OSError):
            os.close(self._fd)
        self._fd = None


def _same_file(fd: int, path: Path) -> bool:
    try:
        mine, there = os.fstat(fd), os.stat(path)
    except OSError:
        return False
    return (mine.st_dev, mine.st_ino) == (there.st_dev, there.st_ino)


def _busy_reason(held: LockInfo | None, info: LockInfo) -> str:
    if held is None:  # the winner has not written its name yet
        return (
            f"Mötet öppnades för skrivning av en annan process alldeles nyss. {IT_OPENS_READONLY}"
        )
    return _held_reason(held, other_host=held.host != info.host)


def _unwritable_reason(path: Path, exc: OSError) -> str:
    return (
        f"Låsfilen {path} kunde inte skapas: {os_reason(exc)}. {OPENS_READONLY} "
        "Inget kan registreras i den här mappen."
    )


def _network_reason(folder: Path, fs_type: str) -> str:
    return (
        f"Mappen {folder} ligger på en nätverksdisk ({fs_type.split(':')[0]}) där låset "
        f"inte hindrar en annan dator från att skriva samtidigt. {OPENS_READONLY} "
        "Kopiera mappen till en lokal disk för att registrera."
    )


def _held_reason(held: LockInfo, *, other_host: bool) -> str:
    when = held.time.replace("T", " ")
    where = f"på datorn {held.host}" if other_host else f"på den här datorn ({held.host})"
    return (
        f"Mötet är redan öppet för skrivning {where}, process {held.pid}, sedan {when}. "
        f"{IT_OPENS_READONLY} Stäng det andra fönstret först, eller ta bort "
        f"{LOCK_NAME} om det programmet inte längre körs."
    )
