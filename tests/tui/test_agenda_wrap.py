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
