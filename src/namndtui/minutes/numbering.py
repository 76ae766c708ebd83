"""§ numbers across the year: continue from the body's previous minutes.

When a meeting file gives no `first_paragraph`, the meeting's journal may already say
where its numbering started (the header pins it when the first act is written), so minutes
added to the archive later never renumber a meeting that is being or has been recorded.
Otherwise the first § is one more than the highest § in the same body's protokoll.toml
files of the same year with an earlier date, found in the folder tree around the meeting:
one and two folders below the folder two levels above the meeting folder (the layouts
data/<body>/<date>/ and data/<date>/<body>/), never deeper. Folders named for a date
(2007-09-25…) of another year, or not earlier, are not read at all. A protokoll.toml that
cannot be read is skipped (it is reported by `namndtui validate`/review, not here).
Nothing found: § 1.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from pathlib import Path

from namndtui.minutes.protokoll_format import PROTOKOLL_FILENAME
from namndtui.model import Meeting
from namndtui.record.journal import JOURNAL_NAME, pinned_first_paragraph

SEARCH_LEVELS = 2  # how many folders above the meeting folder to search below
MAX_FILES = 5000  # a bound on the scan (an archive folder holds years of minutes)


def protokoll_numbers(path: Path) -> tuple[str, object, list[int]] | None:
    """(body, date, § numbers) of a protokoll.toml, or None when it is unusable (any
    problem at all: a file near the meeting must never stop the meeting from opening)."""
    from namndtui.storage import read_input
    from namndtui.tomlcheck import ProblemsError, parse_toml

    try:
        data = parse_toml(read_input(path).decode("utf-8"), str(path))  # a FIFO: OSError
        meeting = data["meeting"]
        numbers = [
            p["number"] for p in data.get("paragraphs", []) if isinstance(p.get("number"), int)
        ]
        return meeting["body"], meeting["date"], numbers
    except (OSError, ValueError, ProblemsError, RecursionError, LookupError, TypeError,
            AttributeError):  # fmt: skip
        return None


def _last_number(path: Path) -> tuple[str, object, int] | None:
    """(body, date, highest §) of a protokoll.toml with §§, else None."""
    found = protokoll_numbers(path)
    if found is None or not found[2]:
        return None
    return found[0], found[1], max(found[2])


def previous_protokoll(meeting: Meeting, folder: Path) -> list[tuple[Path, int]]:
    """The same body's earlier minutes of the same year near `folder`: (path, last §)."""
    folder = folder.resolve()
    root = _search_root(folder)
    found: list[tuple[Path, int]] = []
    candidates = (
        path
        for path in _near(folder, root)
        if path.parent != folder  # this meeting's own minutes
        and _may_be_earlier(path.relative_to(root).parts[:-1], meeting.date)
    )
    for n, path in enumerate(candidates):
        if n >= MAX_FILES:
            break
        info = _last_number(path)
        if info is None:
            continue
        body, date, last = info
        if (
            body == meeting.body
            and hasattr(date, "year")
            and date.year == meeting.date.year
            and date < meeting.date
        ):
            found.append((path, last))
    return found


def _search_root(folder: Path) -> Path:
    root = folder
    for _ in range(SEARCH_LEVELS):
        if root.parent == root:
            break
        root = root.parent
    return root


def near_protokoll(folder: Path) -> list[Path]:
    """Every protokoll.toml in the archive around a meeting folder (as `_near` finds them,
    the meeting's own left out), at most MAX_FILES."""
    folder = folder.resolve()
    return [p for p in _near(folder, _search_root(folder)) if p.parent != folder][:MAX_FILES]


def _near(folder: Path, root: Path) -> list[Path]:
    """protokoll.toml files at most SEARCH_LEVELS folders below `root` (the layouts
    data/<body>/<date>/ and data/<date>/<body>/): never a deep walk, so a meeting kept
    at the top of a home folder does not search the whole disk."""
    patterns = ["/".join(["*"] * depth + [PROTOKOLL_FILENAME]) for depth in range(1, 3)]
    paths: set[Path] = set()
    for pattern in patterns:
        try:
            paths.update(root.glob(pattern))
        except OSError:
            continue
    return sorted(paths)


_DATED = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


def _may_be_earlier(folders: tuple[str, ...], date: dt.date) -> bool:
    """False when a folder on the way is named for a date of another year or not before
    `date` (the files below it cannot count); other names say nothing, so True."""
    for name in folders:
        match = _DATED.match(name)
        if match is None:
            continue
        try:
            named = dt.date(*(int(g) for g in match.groups()))
        except ValueError:
            continue
        if named.year != date.year or named >= date:
            return False
    return True


def first_paragraph(meeting: Meeting, folder: Path) -> int:
    """The meeting's first § number (see the module docstring)."""
    if meeting.first_paragraph:
        return meeting.first_paragraph
    pinned = pinned_first_paragraph(folder / JOURNAL_NAME)
    if pinned:
        return pinned
    earlier = previous_protokoll(meeting, folder)
    return max((last for _, last in earlier), default=0) + 1


def with_numbering(meeting: Meeting, folder: Path) -> Meeting:
    """The meeting with `first_paragraph` filled in (call before opening the record)."""
    if meeting.first_paragraph:
        return meeting
    return dataclasses.replace(meeting, first_paragraph=first_paragraph(meeting, folder))


def overlap_warning(meeting: Meeting, folder: Path) -> str:
    """'' unless `first_paragraph` is written and the same body's earlier minutes of the
    year already used that § (a number copied from last time's meeting.toml): the year
    would hold the same § twice. Then the Swedish warning, with the number to write."""
    if not meeting.first_paragraph:
        return ""
    earlier = previous_protokoll(meeting, folder)
    if not earlier:
        return ""
    path, last = max(earlier, key=lambda found: found[1])
    if meeting.first_paragraph > last:
        return ""
    return (
        f"meeting.first_paragraph: § {meeting.first_paragraph} finns redan i år – "
        f"{path.parent.name}/{path.name} slutar på § {last}; skriv {last + 1} "
        "(eller ta bort raden, så fortsätter numreringen av sig själv)"
    )
