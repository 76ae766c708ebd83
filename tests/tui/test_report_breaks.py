"""The report's fast wrap breaks lines where rich's word wrap does (figures from rich 14's
divide_line, which the view no longer imports: it is private)."""

from __future__ import annotations

import pytest

from namndtui.tui.widgets.item_view import _breaks


@pytest.mark.parametrize(
    ("line", "width", "breaks"),
    [
        ("aaa bbb ccc", 7, [8]),  # "aaa bbb" fits 7 with its space dropped at the break
        ("abcdefghij", 4, [4, 8]),  # a word longer than the line is folded
        ("  ab cd", 3, [3, 5]),
        ("ord ett långtord här", 6, [4, 8, 14]),
        ("", 5, []),
    ],
)
def test_breaks_like_rich(line: str, width: int, breaks: list[int]) -> None:
    assert _breaks(line, width) == breaks
