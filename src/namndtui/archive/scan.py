"""Walk a folder tree for protokoll.toml files at any depth; never crash on a bad folder.

Hidden folders (".git", ".cache" …) are skipped, symlinked folders are not followed (no
loops), and a folder that cannot be listed becomes a problem instead of an exception.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

PROTOKOLL_SUFFIX = "protokoll.toml"


@dataclass(frozen=True)
class Found:
    """One minutes file: its path relative to the archive (with "/"), mtime and size."""

    rel: str
    mtime_ns: int
    size: int


@dataclass
class ScanResult:
    files: list[Found] = field(default_factory=list)
    problems: list[tuple[str, str]] = field(default_factory=list)  # (rel path, reason)


def is_protokoll_name(name: str) -> bool:
    """protokoll.toml, or a name ending so (as `namndtui PATH` treats it)."""
    return name.endswith(PROTOKOLL_SUFFIX) and not name.startswith(".")


def scan(root: Path) -> ScanResult:
    """Every protokoll.toml under `root`, sorted by relative path."""
    result = ScanResult()
    stack = [root]
    while stack:
        folder = stack.pop()
        try:
            entries = list(os.scandir(folder))
        except OSError as err:
            rel = _rel(root, Path(folder)) or "."
            result.problems.append((rel, f"mappen kan inte läsas: {err.strerror or err}"))
            continue
        for entry in entries:
            if entry.name.startswith("."):
                continue
            try:
                if entry.is_dir(follow_symlinks=False):
                    stack.append(Path(entry.path))
                elif is_protokoll_name(entry.name) and entry.is_file():
                    st = entry.stat()
                    rel = _rel(root, Path(entry.path))
                    result.files.append(Found(rel, st.st_mtime_ns, st.st_size))
            except OSError as err:
                rel = _rel(root, Path(entry.path))
                result.problems.append((rel, f"filen kan inte läsas: {err.strerror or err}"))
    result.files.sort(key=lambda f: f.rel)
    result.problems.sort()
    return result


def _rel(root: Path, path: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()
