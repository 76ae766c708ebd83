"""The minutes' Markdown as terminal Content, for the live Protokoll view.

The minutes module writes CommonMark + tables with every piece of user text escaped; this
walks the markdown-it tokens of that text and builds Textual Content (styles only, never
markup), so a title like "[b]x[/b]" or "**y**" shows exactly as the minutes will print it.
Faster and steadier than the Markdown widget (no widget per block), which matters because
the view is redrawn after every recorded act.
"""

from __future__ import annotations

from collections.abc import Callable

from markdown_it.token import Token
from textual.content import Content

from namndtui.minutes.html import markdown_parser
from namndtui.textcheck import visible

_PARSER = markdown_parser()


def _inline(token: Token) -> Content:
    """An inline token's children as styled Content (bold, italic, code; breaks)."""
    parts: list[Content] = []
    bold = italic = 0
    for child in token.children or []:
        kind = child.type
        if kind == "strong_open":
            bold += 1
        elif kind == "strong_close":
            bold -= 1
        elif kind == "em_open":
            italic += 1
        elif kind == "em_close":
            italic -= 1
        elif kind in ("softbreak", "hardbreak"):
            parts.append(Content("\n" if kind == "hardbreak" else " "))
        elif kind in ("text", "code_inline", "html_inline"):
            style = " ".join(s for s, on in (("bold", bold), ("italic", italic)) if on)
            parts.append(Content.styled(child.content, style) if style else Content(child.content))
        elif child.content:  # anything else (images, links are off): its text
            parts.append(Content(child.content))
    return Content("").join(parts)


def _table(rows: list[list[Content]], aligns: list[str], width: int | None = None) -> Content:
    """A Markdown table as aligned columns (first row bold). Wider than `width`, the first
    column (Ledamot) gives way and its text wraps inside it, so the other columns (the
    X of a vote list) stay in their places instead of the terminal breaking each row."""
    if not rows:
        return Content("")
    rows, aligns = _without_empty_last_column(rows, aligns, width)
    widths = _widths(rows)
    columns, total = len(widths), _total(widths)
    if width and total > width and columns > 1:
        widths[0] = max(widths[0] - (total - width), 8)
    lines: list[Content] = []
    for n, row in enumerate(rows):
        first = row[0] if row else Content("")
        wrapped = first.wrap(widths[0]) if first.cell_length > widths[0] else [first]
        for k, part in enumerate(wrapped):
            cells = []
            for c in range(columns):
                if c == 0:
                    cell = part
                elif k == 0 and c < len(row):
                    cell = row[c]
                else:
                    cell = Content("")
                pad = widths[c] - cell.cell_length
                if c < len(aligns) and aligns[c] == "center":
                    cell = Content(" " * (pad // 2)) + cell + Content(" " * (pad - pad // 2))
                else:
                    cell = cell + Content(" " * pad)
                cells.append(cell)
            line = Content("  ").join(cells).rstrip()
            lines.append(line.stylize("bold") if n == 0 else line)
        if n == 0:
            lines.append(Content.styled("─" * _total(widths), "dim"))
    return Content("\n").join(lines)


def _without_empty_last_column(
    rows: list[list[Content]], aligns: list[str], width: int | None
) -> tuple[list[list[Content]], list[str]]:
    """Wider than `width`: a last column no row fills (a vote list's Frånvarande when all
    seats are filled) is left out, so the names get its room – on screen only: the minutes
    files keep every column. (Ja, Nej and Avstår stay even when empty: "nobody abstained"
    is part of how the vote went; the last column is also the widest.)"""
    last = max(len(r) for r in rows) - 1
    if not width or last < 1 or _total(_widths(rows)) <= width:
        return rows, aligns
    if any(last < len(r) and r[last].plain.strip() for r in rows[1:]):
        return rows, aligns
    return [r[:last] for r in rows], aligns[:last]


def _widths(rows: list[list[Content]]) -> list[int]:
    """Each column's width: its widest cell."""
    columns = max(len(r) for r in rows)
    return [max((r[c].cell_length for r in rows if c < len(r)), default=0) for c in range(columns)]


def _total(widths: list[int]) -> int:
    """A table's width: its columns and two spaces between them."""
    return sum(widths) + 2 * (len(widths) - 1)


def markdown_to_content(markdown: str, width: int | None = None) -> Content:
    """Render the minutes' Markdown for the terminal; user text stays plain and visible.
    With `width` (the view's), a table wider than it wraps its first column."""
    # control characters become pictures before parsing (the minutes writer shows them
    # so too); newlines and tabs, which carry the Markdown structure, are kept
    walk = _Walk(width)
    for token in _PARSER.parse(visible(markdown)):
        handler = _HANDLERS.get(token.type)
        if handler is not None:
            handler(walk, token)
    return Content("\n\n").join(walk.blocks)


class _Walk:
    """The blocks rendered so far and what is open (heading, lists, a table)."""

    def __init__(self, width: int | None = None) -> None:
        self.width = width
        self.blocks: list[Content] = []
        self.prefix: list[str] = []  # list markers of open list items
        self.counters: list[int | None] = []  # per open list: next number (None = bullets)
        self.table_rows: list[list[Content]] | None = None
        self.aligns: list[str] = []
        self.heading = ""
        self.last_item = False  # the last block is a list item (the next item joins it)

    def add(self, block: Content) -> None:
        self.blocks.append(block)
        self.last_item = False

    def heading_open(self, token: Token) -> None:
        self.heading = token.tag

    def heading_close(self, token: Token) -> None:
        self.heading = ""

    def list_open(self, token: Token) -> None:
        if not self.counters:
            self.last_item = False  # a new list starts its own block
        if token.type == "bullet_list_open":
            self.counters.append(None)
        else:
            self.counters.append(int(token.attrGet("start") or 1))

    def list_close(self, token: Token) -> None:
        self.counters.pop()

    def item_open(self, token: Token) -> None:
        number = self.counters[-1] if self.counters else None
        if number is None:
            self.prefix.append("• ")
        else:
            self.prefix.append(f"{number}. ")
            self.counters[-1] = number + 1

    def item_close(self, token: Token) -> None:
        self.prefix.pop()

    def table_open(self, token: Token) -> None:
        self.table_rows, self.aligns = [], []

    def row_open(self, token: Token) -> None:
        if self.table_rows is not None:
            self.table_rows.append([])

    def header_cell(self, token: Token) -> None:
        if self.table_rows is not None:
            style = str(token.attrGet("style") or "")
            self.aligns.append("center" if "center" in style else "left")

    def table_close(self, token: Token) -> None:
        if self.table_rows is not None:
            self.add(_table(self.table_rows, self.aligns, self.width))
            self.table_rows = None

    def inline(self, token: Token) -> None:
        text = _inline(token)
        if self.table_rows is not None:
            if self.table_rows:
                self.table_rows[-1].append(text)
            return
        if self.heading:
            text = text.stylize("bold underline" if self.heading in ("h1", "h2") else "bold")
        if not self.prefix:
            self.add(text)
            return
        # a list item: marker on the first line, continuation lines indented
        indent = " " * sum(len(p) for p in self.prefix)
        marker = " " * sum(len(p) for p in self.prefix[:-1]) + self.prefix[-1]
        lines = text.split("\n")
        text = Content("\n").join(
            [Content(marker) + lines[0], *(Content(indent) + line for line in lines[1:])]
        )
        if self.blocks and self.last_item:  # items of one list follow without a blank line
            self.blocks[-1] = self.blocks[-1] + Content("\n") + text
        else:
            self.blocks.append(text)
        self.last_item = True

    def code(self, token: Token) -> None:
        self.add(Content(token.content.rstrip("\n")))

    def rule(self, token: Token) -> None:
        self.add(Content.styled("─" * 40, "dim"))


_HANDLERS: dict[str, Callable[[_Walk, Token], None]] = {
    "heading_open": _Walk.heading_open,
    "heading_close": _Walk.heading_close,
    "bullet_list_open": _Walk.list_open,
    "ordered_list_open": _Walk.list_open,
    "bullet_list_close": _Walk.list_close,
    "ordered_list_close": _Walk.list_close,
    "list_item_open": _Walk.item_open,
    "list_item_close": _Walk.item_close,
    "table_open": _Walk.table_open,
    "tr_open": _Walk.row_open,
    "th_open": _Walk.header_cell,
    "table_close": _Walk.table_close,
    "inline": _Walk.inline,
    "code_block": _Walk.code,
    "fence": _Walk.code,
    "hr": _Walk.rule,
}
