"""Agenda titles wrap between words; only a word longer than the column is split."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from rich.cells import cell_len

from namndtui.tui.widgets.agenda import wrap_words


def test_a_word_that_fits_a_line_is_never_split():
    title = "Utredning om tillfälliga förskolepaviljonger"
    assert wrap_words(title, 19) == ["Utredning om", "tillfälliga", "förskolepaviljonger"]
    assert wrap_words(title, 21) == ["Utredning om", "tillfälliga", "förskolepaviljonger"]


def test_a_word_longer_than_the_column_is_split_with_a_hyphen():
    assert wrap_words("Utredning om förskolepaviljonger", 12) == [
        "Utredning om",
        "förskolepav-",
        "iljonger",
    ]


@given(st.lists(st.text(st.characters(blacklist_categories=("Cs", "Zs", "Zl", "Zp", "Cc")), min_size=1, max_size=25), max_size=8), st.integers(3, 30))  # fmt: skip
def test_lines_fit_and_keep_every_word(words, room):
    lines = wrap_words(" ".join(words), room)
    assert all(cell_len(line) <= room for line in lines)
    joined = "".join(line[:-1] if line.endswith("-") else line for line in lines).replace(" ", "")
    assert joined.replace("-", "") == "".join(words).replace("-", "")
    for word in words:  # a word that fits a line is on one line
        if cell_len(word) <= room and "-" not in word and word.strip():
            assert any(word in line.split(" ") for line in lines)


def _row(dnr: str, *flags: str):
    from textual.content import Content

    from namndtui.tui.widgets.agenda import AgendaRow

    title = "Ansökan till Länsstyrelsen i Stockholms län om utvecklingsmedel"
    return AgendaRow(
        Content("§ 123"), Content("·"), title, Content(dnr), [Content(f) for f in flags]
    )


def test_the_oj_mark_is_never_cut_and_a_cut_dnr_ends_in_an_ellipsis():
    row = _row("Dnr 503-412-07", "OJ", "SEKRETESS")
    indent = row.indent
    for width in range(indent + len("SEKRETESS"), 80):
        lines = [line.plain.rstrip() for line in row.lines(width)]
        assert all(cell_len(line) <= width for line in lines)
        assert len(lines) == row.get_height(None, width)
        marks = " ".join(lines[-3:]).split()
        assert "OJ" in marks and "SEKRETESS" in marks, (width, lines)
        dnr = next(line.split("  ")[0] for line in (x.strip() for x in lines) if line[:3] == "Dnr")
        assert dnr == "Dnr 503-412-07" or dnr.endswith("…"), (width, lines)
    assert [line.plain.strip() for line in row.lines(30)][-1] == "Dnr 50…  OJ  SEKRETESS"
    assert [line.plain.strip() for line in row.lines(26)][-2:] == [
        "Dnr 503-412-07",
        "OJ  SEKRETESS",
    ]  # too narrow for "Dnr …" beside the flags: a line each
    assert [line.plain.strip() for line in row.lines(20)][-3:] == [
        "Dnr 503-412…",
        "OJ",
        "SEKRETESS",
    ]
    one = _row("Dnr 503-412-07", "OJ")
    assert [line.plain.strip() for line in one.lines(one.indent + 16)][-1] == "Dnr 503-412…  OJ"
    assert [line.plain.strip() for line in one.lines(one.indent + 18)][-1] == "Dnr 503-412-07  OJ"
    assert [line.plain.strip() for line in _row("", "OJ").lines(12)][-1] == "OJ"
