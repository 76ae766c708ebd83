"""The attendance table fits its width (tui/roster_layout.py): at 80 columns short role
names, a short mark heading and broken cells instead of a table that scrolls sideways;
at 120 every cell in full on one line."""

from __future__ import annotations

from rich.cells import cell_len

from namndtui.meetingfile import load_meeting
from namndtui.model import Meeting, Member
from namndtui.tui import strings as S
from namndtui.tui.roster_layout import (
    NAME,
    PADDING,
    PRESENCE,
    ROLE,
    SCROLLBAR,
    SEAT,
    roster_layout,
    wrap,
)

from .conftest import EXAMPLE


def _fits(layout, width: int) -> bool:
    assert all(w is not None for w in layout.widths)
    return sum(layout.widths) + PADDING * len(layout.widths) + SCROLLBAR <= width


def test_the_example_at_120_is_wide_and_at_80_narrow_but_whole() -> None:
    meeting = load_meeting(EXAMPLE)
    wide = roster_layout(meeting, 140, 120)
    assert wide.headings == S.ATTENDANCE_COLUMNS and not wide.short
    assert wide.widths == (None,) * 5
    assert wide.cell(PRESENCE, "lämnade vid § 121 kl. 19.10") == "lämnade vid § 121 kl. 19.10"
    narrow = roster_layout(meeting, 140, 80)
    assert narrow.short and narrow.headings == S.ATTENDANCE_COLUMNS_SHORT
    assert _fits(narrow, 80)
    assert [narrow.role(r) for r in ("ordförande", "vice ordförande", "ledamot", "ersättare")] == [
        "ordf.", "vice ordf.", "ledamot", "ers.",
    ]  # fmt: skip
    # the time on a line of its own, never "kl." apart from it
    assert narrow.cell(PRESENCE, "lämnade vid § 121 kl. 19.10") == "lämnade vid § 121\nkl. 19.10"
    assert narrow.cell(PRESENCE, "från § 121 kl. 19.25") == "från § 121\nkl. 19.25"
    assert narrow.cell(PRESENCE, "närvarande") == "närvarande"
    # the longest name is whole; a seat served wraps at its space
    assert narrow.widths[NAME] == max(cell_len(m.label) for m in meeting.members)
    seat = narrow.cell(SEAT, "Lars-Erik Wahlström")
    assert seat.replace("\n", " ") == "Lars-Erik Wahlström"
    assert all(cell_len(line) <= narrow.widths[SEAT] for line in seat.split("\n"))


def test_long_names_wrap_and_the_layout_follows_the_people_not_the_evening() -> None:
    long = [
        Member("Anna-Karin Johansson Lindqvist Berglund", "KD", "vice ordförande"),
        Member("Per Ek", "S"),
        Member("Maximiliana Östergren-Söderholm", "MP", "ersättare"),
    ]
    meeting = Meeting(body="Nämnden", date=load_meeting(EXAMPLE).date, members=tuple(long))
    layout = roster_layout(meeting, 1200, 80)
    assert _fits(layout, 80)
    name = layout.cell(NAME, long[0].label)
    assert name.split("\n")[0].startswith("Anna-Karin") and "\n" in name
    assert layout.cell(ROLE, layout.role("vice ordförande")) == "vice ordf."
    # the same layout whatever is recorded: it depends on the people, § numbers and width
    assert roster_layout(meeting, 1200, 80) == layout


def test_wrap() -> None:
    assert wrap("Cecilia Forsberg", 13) == ["Cecilia", "Forsberg"]
    assert wrap("Per Ek (S)", 13) == ["Per Ek (S)"]
    assert wrap("Östergren-Söderholm", 5) == ["Östergren-", "Söderholm"]  # never cut
    assert wrap("Östergren-Söderholm", 19) == ["Östergren-Söderholm"]
    assert wrap("Karin Lindqvist-Söderberg (S)", 16) == ["Karin Lindqvist-", "Söderberg (S)"]
    assert wrap("", 5) == [""]


def test_a_seat_holder_with_a_double_name_still_fits_80_columns() -> None:
    """A ledamot's double name is in two columns (Namn, and Ersätter of whoever serves for
    her); each breaks after the hyphen, so the table fits 80 columns (QA: "Karin
    Lindqvist-Söderberg" made it 82 wide, scrolling sideways)."""
    import dataclasses

    example = load_meeting(EXAMPLE)
    member = Member("Karin Lindqvist-Söderberg", "S", "ledamot")
    meeting = dataclasses.replace(example, members=(member, *example.members))
    layout = roster_layout(meeting, 140, 80)
    assert _fits(layout, 80)
    for column, text in ((NAME, member.label), (SEAT, member.name)):
        lines = layout.cell(column, text).split("\n")
        assert "".join(part if part.endswith("-") else part + " " for part in lines).strip() == text
        assert all(cell_len(line) <= layout.widths[column] for line in lines)
