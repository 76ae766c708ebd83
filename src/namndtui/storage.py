"""The one way namndtui replaces a file: atomically and durably.

None of the Textual model apps writes files atomically; we must, because a half-written
protokoll.toml after a crash is a lost minute. Write a temp file in the same folder,
flush, fsync, optionally check it, `os.replace` over the target, fsync the folder.
"""

from __future__ import annotations

import contextlib
import errno
import functools
import os
import stat
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from namndtui.errors import OS_REASONS, os_reason  # noqa: F401 - re-exported: storage.os_reason

if TYPE_CHECKING:
    from typing import BinaryIO


def fsync_dir(folder: Path) -> None:
    """Make a rename or a new file in `folder` durable (no-op where unsupported)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


@functools.cache
def _new_file_mode() -> int:
    """The mode a new file gets here (0666 less the umask), as `open()` would give it."""
    try:  # Linux says so without changing anything
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return 0o666 & ~int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    umask = os.umask(0o022)  # elsewhere: read it by setting it, once
    os.umask(umask)
    return 0o666 & ~umask


def atomic_write(
    path: Path | str,
    data: str | bytes,
    *,
    check: Callable[[bytes], None] | None = None,
    mode: int | None = None,
) -> None:
    """Replace `path` with `data` so that readers see the old or the new file, never half.

    `check` is called with the bytes read back from the temp file before it replaces the
    target (e.g. re-parse the TOML); if it raises, the target is left untouched.
    The file keeps the permissions of the one it replaces (a new one gets those of any
    new file, 0644 with the usual umask), unless `mode` is given: a temp file is 0600,
    which would have made the minutes, and meeting.toml after an import, private.
    Raises OSError (disk full, read-only, permission) with the target unchanged.
    """
    path = Path(path)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    folder = path.parent if str(path.parent) else Path(".")
    if mode is None:
        try:  # not through a symlink: a link to /dev/null made the minutes world-writable
            info = os.lstat(path)
            mode = stat.S_IMODE(info.st_mode) if stat.S_ISREG(info.st_mode) else _new_file_mode()
        except OSError:
            mode = _new_file_mode()
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    tmp = Path(tmp_name)
    try:
        os.chmod(tmp, mode)
        with os.fdopen(fd, "wb") as fh:
            fh.write(payload)
            fh.flush()
            os.fsync(fh.fileno())
        if check is not None:
            check(tmp.read_bytes())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    fsync_dir(folder)
    remove_stale_temps(folder, path.name)


STALE_TEMP_SECONDS = 600


def remove_stale_temps(folder: Path, name: str, *, now: float | None = None) -> None:
    """Delete temp files of `name` that a killed writer left (older than ten minutes, so a
    write going on in another process is never touched). Best effort, never raises."""
    prefix = f".{name}."
    limit = (time.time() if now is None else now) - STALE_TEMP_SECONDS
    with contextlib.suppress(OSError), os.scandir(folder) as entries:
        for entry in entries:
            if entry.name.startswith(prefix) and entry.name.endswith(".tmp"):
                with contextlib.suppress(OSError):
                    if entry.stat(follow_symlinks=False).st_mtime < limit:
                        os.unlink(entry.path)


MAX_INPUT_BYTES = 20 * 1024 * 1024  # a meeting.toml or protokoll.toml far past any real one


def read_input(path: Path | str, limit: int = MAX_INPUT_BYTES) -> bytes:
    """The bytes of the regular file at `path`, at most `limit` of them.

    A FIFO, a device (/dev/zero) or a socket is refused before anything is read (reading
    one hangs or never ends); so is a file over `limit`. Raises OSError: use
    `input_problem` for its Swedish wording (a symlink loop is named as such).
    """
    fd = _open_regular(path)
    try:
        info = os.fstat(fd)
        if info.st_size > limit:
            raise OSError(errno.EFBIG, _too_big(info.st_size, limit))
        chunks, size = [], 0
        while chunk := os.read(fd, min(1 << 20, limit + 1 - size)):
            chunks.append(chunk)
            size += len(chunk)
            if size > limit:  # grew while we read
                raise OSError(errno.EFBIG, _too_big(size, limit))
        return b"".join(chunks)
    finally:
        os.close(fd)


def check_input(path: Path | str) -> None:
    """Raise OSError (see `input_problem`) unless `path` is a regular file we can open."""
    os.close(_open_regular(path))


def open_input(path: Path | str) -> BinaryIO:
    """`open(path, "rb")` for a file namndtui reads but did not choose to trust: a FIFO,
    a device or a socket in its place is refused (OSError, as `read_input`) instead of
    blocking or reading forever. For reading a part (a header line, a chunk)."""
    return os.fdopen(_open_regular(path), "rb")


def _open_regular(path: Path | str) -> int:
    """Open for reading without blocking on a FIFO; refuse anything but a regular file."""
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    try:
        mode = os.fstat(fd).st_mode
    except OSError:
        os.close(fd)
        raise
    if not stat.S_ISREG(mode):
        os.close(fd)
        if stat.S_ISDIR(mode):  # os_reason: "är en mapp"
            raise OSError(errno.EISDIR, os.strerror(errno.EISDIR), os.fspath(path))
        raise OSError(errno.EINVAL, "är ingen vanlig fil (en FIFO, en enhet eller en socket)")
    return fd


def _too_big(size: int, limit: int) -> str:
    return f"filen är för stor ({size:,} byte; högst {limit:,})".replace(",", " ")


def input_problem(err: OSError) -> str:
    """The Swedish reason a file given to namndtui could not be read."""
    if err.errno == errno.ENOENT:
        return "filen finns inte"
    if err.errno == errno.EISDIR:
        return "är en mapp, ingen fil"
    return f"kan inte läsas: {os_reason(err)}"


def typed_path(raw: str) -> Path:
    """A path as a secretary types or pastes it into a form: surrounding quotes (a file
    manager's "Copy as path" gives "…", a terminal's drag and drop '…'), a file://
    address, backslash-escaped spaces (drag and drop in other terminals), ~ for home.
    `expanduser` raises RuntimeError where there is no home folder."""
    text = raw.strip()
    if len(text) >= 2 and text[0] == text[-1] and text[0] in "'\"":
        text = text[1:-1]
    elif text.startswith("file://"):
        from urllib.parse import unquote, urlsplit

        text = unquote(urlsplit(text).path)
    elif "\\ " in text and os.sep == "/":
        text = text.replace("\\ ", " ")
    return Path(text).expanduser()
