"""The bundled example, shipped inside the package as package data: one meeting
(Hässelby-Vällingby stadsdelsnämnd, 23 oktober 2007) and an archive of the minutes of its
three earlier meetings that year. See README.md next to this file.

Found with importlib.resources, so it is there in a wheel, a pipx or `uv tool` install and
an editable checkout alike. The app never writes here: `namndtui` records the example in a
copy in the user's data folder (commands/open_app.py).
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

BODY = "hasselby-vallingby-stadsdelsnamnd"
MEETING_DATE = "2007-10-23"


def examples_folder() -> Path:
    """This package's folder on disk. The package is installed as files (pip, pipx, uv
    all unpack wheels), so importlib.resources hands back a real path."""
    root = files(__name__)
    return root if isinstance(root, Path) else Path(str(root))


def example_meeting() -> Path:
    """The example meeting's meeting.toml (read-only: open a copy to record in)."""
    return examples_folder() / BODY / MEETING_DATE / "meeting.toml"


def example_archive() -> Path:
    """The example archive: a folder of earlier minutes (protokoll.toml per meeting)."""
    return examples_folder()


def copy_archive(target: Path) -> Path:
    """The example archive mirrored into `target` (the user's data folder), so its index
    is written there and never into the installed package. Each bundled minutes file is
    written when it is missing or differs; the files are small and few."""
    from namndtui.storage import atomic_write

    source = example_archive()
    for path in sorted(source.glob(f"{BODY}/*/protokoll.*")):
        if path.parent.name == MEETING_DATE:
            continue  # the meeting of the day is the example meeting, not minutes
        copy = target / path.relative_to(source)
        data = path.read_bytes()
        if not copy.is_file() or copy.read_bytes() != data:
            copy.parent.mkdir(parents=True, exist_ok=True)
            atomic_write(copy, data)
    return target
