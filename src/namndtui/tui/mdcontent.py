"""The minutes' Markdown as terminal Content, for the live Protokoll view.

The minutes module writes CommonMark + tables with every piece of user text escaped; this
walks the markdown-it tokens of that text and builds Textual Content (styles only, never
markup), so a title like "[b]x[/b]" or "**y**" shows exactly as the minutes will print it.
Faster and steadier than the Markdown widget (no widget per block), which matters because
the view is redrawn after every recorded act.
"""

from __future__ import annotations

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


def _table(rows: list[list[Content]], aligns: list[str]) -> Content:
    """A Markdown table as aligned columns (first row bold)."""
    if not rows:
        return Content("")
    columns = max(len(r) for r in rows)
    widths = [
        max((r[c].cell_length for r in rows if c < len(r)), default=0) for c in range(columns)
    ]
    lines: list[Content] = []
    for n, row in enumerate(rows):
        cells = []
        for c in range(columns):
            cell = row[c] if c < len(row) else Content("")
            pad = widths[c] - cell.cell_length
            if c < len(aligns) and aligns[c] == "center":
                cell = Content(" " * (pad // 2)) + cell + Content(" " * (pad - pad // 2))
            else:
                cell = cell + Content(" " * pad)
            cells.append(cell)
        line = Content("  ").join(cells).rstrip()
        lines.append(line.stylize("bold") if n == 0 else line)
        if n == 0:
            lines.append(Content.styled("─" * sum(widths) + "─" * 2 * (columns - 1), "dim"))
    return Content("\n").join(lines)


def markdown_to_content(markdown: str) -> Content:
    """Render the minutes' Markdown for the terminal; user text stays plain and visible."""
    # control characters become pictures before parsing (the minutes writer shows them
    # so too); newlines and tabs, which carry the Markdown structure, are kept
    tokens = _PARSER.parse(visible(markdown))
    blocks: list[Content] = []
    prefix: list[str] = []  # list markers of open list items
    counters: list[int | None] = []  # per open list: next number (None = bullets)
    table_rows: list[list[Content]] | None = None
    aligns: list[str] = []
    heading = ""
    last_item = False  # the last block is a list item (the next item joins it)
    for token in tokens:
        kind = token.type
        if kind == "heading_open":
            heading = token.tag
        elif kind == "heading_close":
            heading = ""
        elif kind in ("bullet_list_open", "ordered_list_open"):
            if not counters:
                last_item = False  # a new list starts its own block
            start = token.attrGet("start") if kind == "ordered_list_open" else None
            counters.append(None if kind == "bullet_list_open" else int(start or 1))
        elif kind in ("bullet_list_close", "ordered_list_close"):
            counters.pop()
        elif kind == "list_item_open":
            number = counters[-1] if counters else None
            if number is None:
                prefix.append("• ")
            else:
                prefix.append(f"{number}. ")
                counters[-1] = number + 1
        elif kind == "list_item_close":
            prefix.pop()
        elif kind == "table_open":
            table_rows, aligns = [], []
        elif kind == "tr_open" and table_rows is not None:
            table_rows.append([])
        elif kind == "th_open" and table_rows is not None:
            style = str(token.attrGet("style") or "")
            aligns.append("center" if "center" in style else "left")
        elif kind == "table_close" and table_rows is not None:
            blocks.append(_table(table_rows, aligns))
            table_rows = None
            last_item = False
        elif kind == "inline":
            text = _inline(token)
            if table_rows is not None:
                if table_rows:
                    table_rows[-1].append(text)
                continue
            if heading:
                text = text.stylize("bold underline" if heading in ("h1", "h2") else "bold")
            if prefix:
                # a list item: marker on the first line, continuation lines indented
                indent = " " * sum(len(p) for p in prefix)
                marker = " " * sum(len(p) for p in prefix[:-1]) + prefix[-1]
                lines = text.split("\n")
                text = Content("\n").join(
                    [Content(marker) + lines[0], *(Content(indent) + line for line in lines[1:])]
                )
                # items of one list follow each other without a blank line
                if blocks and last_item:
                    blocks[-1] = blocks[-1] + Content("\n") + text
                    continue
                blocks.append(text)
                last_item = True
                continue
            blocks.append(text)
            last_item = False
        elif kind in ("code_block", "fence"):
            blocks.append(Content(token.content.rstrip("\n")))
            last_item = False
        elif kind == "hr":
            blocks.append(Content.styled("─" * 40, "dim"))
            last_item = False
    return Content("\n\n").join(blocks)
