"""An item that corrects an earlier meeting's § (`corrects` in meeting.toml).

After justering a § is corrected by a decision of a later meeting (PRACTICE.md
"Corrections"); the later minutes reference it: "Rättelse av protokoll 2026-12-17 § 142".
`paragraph.correction_reference` prints that line; `warnings` looks for the earlier protokoll.toml of the same body
in the archive around the meeting (the folders § numbering searches, numbering.py) and says
when the § it names cannot be found there. A warning, never an error: the earlier minutes
may be kept elsewhere (on paper, in another system).
"""

from __future__ import annotations

from pathlib import Path

from namndtui.minutes.numbering import near_protokoll, protokoll_numbers
from namndtui.minutes.paragraph import paragraph_label
from namndtui.model import Item, Meeting, ParagraphRef


def _earlier_numbers(meeting: Meeting, folder: Path, ref: ParagraphRef) -> list[int] | None:
    """The § numbers of the body's protokoll of `ref.date` near `folder`; None if none."""
    for path in near_protokoll(folder):
        found = protokoll_numbers(path)
        if found is not None and found[0] == meeting.body and found[1] == ref.date:
            return found[2]
    return None


def _warning(meeting: Meeting, folder: Path, item: Item, ref: ParagraphRef) -> str:
    label = paragraph_label(ref.paragraph)
    what = f"Ärendet {item.id!r} rättar protokoll {ref.date.isoformat()} {label}"
    if ref.date >= meeting.date:
        return f"{what}, men det protokollet är inte från ett tidigare sammanträde."
    numbers = _earlier_numbers(meeting, folder, ref)
    if numbers is None:
        return f"{what}, men det protokollet finns inte i arkivet (protokoll.toml) här."
    if ref.paragraph not in numbers:
        return f"{what}, men det protokollet har ingen {label}."
    return ""


def warnings(meeting: Meeting, folder: Path) -> list[str]:
    """A Swedish line per `corrects` that does not point to a § of an earlier protokoll of
    the body found in the archive around `folder` ([] when all are found or none is set)."""
    return [
        text
        for item in meeting.items
        if item.corrects is not None and (text := _warning(meeting, folder, item, item.corrects))
    ]
