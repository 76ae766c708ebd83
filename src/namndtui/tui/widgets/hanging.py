"""Two-column lines with a hanging indent, drawn at any width: a fixed label column (a key,
an agenda mark) and a text that wraps under itself, never back under the label:

    ctrl+z    Ångra den senaste handlingen – hela
              handlingen för en tangent eller ett
              formulär

A Visual (not a Rich grid or a Textual Grid of Statics): the help screen builds ~60 of
these lines each time it opens, and a resize only rewraps them.
"""

from __future__ import annotations

from rich.cells import cell_len
from rich.segment import Segment
from textual.content import Content
from textual.strip import Strip
from textual.style import Style
from textual.visual import RenderOptions, Visual

from namndtui.tui.text import ut

GAP = 2  # cells between the label column and the text


def wrap_words(text: str, room: int) -> list[str]:
    """TEXT in lines of at most ROOM cells, broken between words.

    Only a word longer than a whole line is split, with a hyphen at the break
    ("förskolepavil-" / "jonger"), never a word that fits on a line of its own.
    """
    lines: list[str] = []
    line = ""
    for word in text.split():
        size = cell_len(word)
        while size > room:  # longer than the column: split it, the hyphen shows it
            if line:
                lines.append(line)
                line = ""
            head = _chop(word, room - 1 if room > 2 else room)
            lines.append(head + "-" if room > 2 else head)
            word = word[len(head) :]
            size = cell_len(word)
        if not word:
            continue
        if not line:
            line = word
        elif cell_len(line) + 1 + size <= room:
            line = f"{line} {word}"
        else:
            lines.append(line)
            line = word
    if line or not lines:
        lines.append(line)
    return lines


def _chop(word: str, cells: int) -> str:
    """The longest start of WORD within CELLS cells (at least one character)."""
    used = 0
    for index, char in enumerate(word):
        used += cell_len(char)
        if used > cells:
            return word[: max(index, 1)]
    return word


def line_strips(lines: list[Content], style: Style, options: RenderOptions) -> list[Strip]:
    """Lines that fit their width already, one strip each, as Content.render_strips would
    draw them (same segments, styles and offsets) without another wrapping pass (which
    would also take the spaces of an indent for the end of a line)."""
    strips = []
    for y, line in enumerate(lines):
        segments = []
        x = 0
        for text, text_style in line.render(style, end="", parse_style=options.get_style):
            segments.append(Segment(text, (style + text_style).rich_style_with_offset(x, y)))
            x += len(text)
        strips.append(Strip(segments, line.cell_length))
    return strips


class HangingLines(Visual):
    """Rows of (label, text): the labels in a column `label_width` cells wide, each text
    wrapped under itself. A label wider than the column gets a line of its own, the text
    under it at the indent."""

    def __init__(self, rows: list[tuple[Content, str]], label_width: int) -> None:
        self.rows = [(label, ut(text).replace("\n", " ")) for label, text in rows]
        self.indent = label_width + GAP
        self._lines: dict[int, list[Content]] = {}

    def lines(self, width: int) -> list[Content]:
        """Every row's lines at WIDTH cells (cached per width)."""
        cached = self._lines.get(width)
        if cached is not None:
            return cached
        pad = Content(" " * self.indent)
        room = max(width - self.indent, 1)
        out: list[Content] = []
        for label, text in self.rows:
            wrapped = wrap_words(text, room)
            if label.cell_length + GAP > self.indent:  # too wide: the label on its own line
                out.append(label)
                out += [pad + Content(line) for line in wrapped]
                continue
            gap = Content(" " * (self.indent - label.cell_length))
            out.append(label + gap + Content(wrapped[0]))
            out += [pad + Content(line) for line in wrapped[1:]]
        out = [line.truncate(width) for line in out]
        self._lines[width] = out
        return out

    def render_strips(
        self, width: int, height: int | None, style: Style, options: RenderOptions
    ) -> list[Strip]:
        lines = self.lines(width)
        return line_strips(lines if height is None else lines[:height], style, options)

    def get_optimal_width(self, rules, container_width: int) -> int:
        return self.indent + max((cell_len(text) for _, text in self.rows), default=0)

    def get_minimal_width(self, rules) -> int:
        return self.indent + 1

    def get_height(self, rules, width: int) -> int:
        return len(self.lines(width))
