"""The one way namndtui replaces a file: atomically and durably.

None of the Textual model apps writes files atomically; we must, because a half-written
protokoll.toml after a crash is a lost minute. Write a temp file in the same folder,
flush, fsync, optionally check it, `os.replace` over the target, fsync the folder.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable
from pathlib import Path


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


def atomic_write(
    path: Path | str,
    data: str | bytes,
    *,
    check: Callable[[bytes], None] | None = None,
) -> None:
    """Replace `path` with `data` so that readers see the old or the new file, never half.

    `check` is called with the bytes read back from the temp file before it replaces the
    target (e.g. re-parse the TOML); if it raises, the target is left untouched.
    Raises OSError (disk full, read-only, permission) with the target unchanged.
    """
    path = Path(path)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    folder = path.parent if str(path.parent) else Path(".")
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    tmp = Path(tmp_name)
    try:
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
