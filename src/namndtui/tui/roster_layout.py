"""How the attendance table fits its width (80 columns and up, and after a resize).

The wide layout prints every cell in full on one line. When the longest cells the meeting
can produce do not fit, the narrow layout takes over: short role names ("vice ordf.",
"ers.") and a short Justerare heading, then fixed column widths in which a long Närvaro
cell breaks before its time ("lämnade vid § 121" / "kl. 19.10") and a long name wraps
at a space or after the hyphen of a double name. Nothing is cut: a row grows a line
instead of the table scrolling sideways.
The lines are broken here, so each row's height is known when it is added.

The layout depends only on the meeting's people, its § numbers and the width, so it does
not change under the secretary's eyes as arrivals and departures are recorded.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rich.cells import cell_len

from namndtui.model import SUBSTITUTE, Meeting
from namndtui.tui import strings as S

PADDING = 2  # a DataTable cell's padding, one cell each side
SCROLLBAR = 2  # the table's vertical scrollbar (kept free: large bodies scroll)
NAME, ROLE, PRESENCE, SEAT, ADJUSTER = range(5)
_HYPHENATED = re.compile(r"[^-]*-|[^-]+")  # "Lindqvist-Söderberg": "Lindqvist-", "Söderberg"
_SHORT_ROLES = {"ordförande": "ordf.", "vice ordförande": "vice ordf.", SUBSTITUTE: "ers."}


@dataclass(frozen=True)
class RosterLayout:
    """The headings, and each column's width (None: as wide as its widest cell)."""

    headings: tuple[str, ...]
    widths: tuple[int | None, ...]
    short: bool = False

    def role(self, role: str) -> str:
        return _SHORT_ROLES.get(role, role) if self.short else role

    def cell(self, column: int, text: str) -> str:
        """A cell's text, broken into the lines its column holds: a Närvaro cell before
        its time ("från § 121" / "kl. 19.25"), any other at its spaces."""
        width = self.widths[column]
        if width is None or cell_len(text) <= width:
            return text
        if column == PRESENCE:
            head, sep, time = text.rpartition(" kl. ")
            if sep:
                return f"{head}\nkl. {time}"
        return "\n".join(wrap(text, width))


def wrap(text: str, width: int) -> list[str]:
    """`text` in lines of at most `width` cells, broken at spaces and after the hyphen of
    a double name ("Lindqvist-" / "Söderberg"); a longer part keeps a line of its own."""
    lines: list[str] = []
    for word in text.split():
        for i, part in enumerate(_parts(word)):
            sep = "" if i else " "
            if lines and cell_len(lines[-1]) + len(sep) + cell_len(part) <= width:
                lines[-1] += sep + part
            else:
                lines.append(part)
    return lines or [""]


def _parts(word: str) -> list[str]:
    """A word in the pieces a line may end after: each up to and with a hyphen."""
    return _HYPHENATED.findall(word)


def longest_cells(meeting: Meeting, last_paragraph: int) -> tuple[list[str], ...]:
    """Per column, the cells the meeting can produce at the longest: every name, role and
    seat, and the longest Närvaro texts with the largest § number of the meeting."""
    number = str(last_paragraph)
    at = S.AT_TIME.format
    presence = [
        S.PRESENT,
        S.ABSENT,
        at(when=S.PRESENT_FROM.format(number=number), time="00.00"),
        at(when=S.LEFT_AT.format(number=number), time="00.00"),
    ]
    seats = [m.name for m in meeting.members if m.role != SUBSTITUTE]
    marks = ["✓", S.ADJUSTER_SUBSTITUTE_MARK]
    return (
        [m.label for m in meeting.members],
        [m.role for m in meeting.members],
        presence,
        seats,
        marks,
    )


def roster_layout(meeting: Meeting, last_paragraph: int, width: int) -> RosterLayout:
    """The layout of the attendance table for a screen `width` cells wide."""
    cells = longest_cells(meeting, last_paragraph)
    room = width - SCROLLBAR - PADDING * len(S.ATTENDANCE_COLUMNS)
    wide = [_widest([h, *c]) for h, c in zip(S.ATTENDANCE_COLUMNS, cells, strict=True)]
    if sum(wide) <= room:
        return RosterLayout(S.ATTENDANCE_COLUMNS, (None,) * len(wide))
    short = RosterLayout(S.ATTENDANCE_COLUMNS_SHORT, (None,) * len(wide), short=True)
    cells = (cells[0], [short.role(r) for r in cells[ROLE]], *cells[2:])
    widths = [_widest([h, *c]) for h, c in zip(short.headings, cells, strict=True)]
    if sum(widths) <= room:
        return short
    # Break the Närvaro cell before its time, then wrap the seat served and the name at
    # their spaces, each no narrower than its longest word.
    widths[PRESENCE] = _widest([short.headings[PRESENCE], *_lines(cells[PRESENCE])])
    for column in (SEAT, NAME):
        over = sum(widths) - room
        if over > 0:
            least = _widest([short.headings[column], *_words(cells[column])])
            widths[column] = max(least, widths[column] - over)
    return RosterLayout(short.headings, tuple(widths), short=True)


def _widest(texts: list[str]) -> int:
    return max((cell_len(t) for t in texts), default=0)


def _lines(texts: list[str]) -> list[str]:
    return [part for t in texts for part in t.replace(" kl. ", "\nkl. ").split("\n")]


def _words(texts: list[str]) -> list[str]:
    """The narrowest a column can be is its widest unbreakable piece."""
    return [part for t in texts for word in t.split() for part in _parts(word)]
