"""The current item: its report (sections) and the live Protokoll view of its paragraph.

The report is one line-based widget (a ScrollView drawing pre-wrapped lines), not a
Static per section: the meeting screen mounts three widgets fewer per section (first-frame
budget), and moving in the agenda only swaps a list of lines, wrapped once per item and
width and kept in a cache; each line becomes a Strip only when it is drawn (navigation
budget: 10 ms CPU per key).
"""

from __future__ import annotations

import functools
import re

from rich.cells import get_character_cell_size
from rich.segment import Segment
from rich.style import Style as RichStyle
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.content import Content, Span
from textual.geometry import Region, Size
from textual.renderables.blank import Blank
from textual.scroll_view import ScrollView
from textual.scrollbar import ScrollBar
from textual.strip import Strip
from textual.style import Style as VisualStyle
from textual.widgets import Static

from namndtui.model import Item, Meeting
from namndtui.tui import strings as S
from namndtui.tui.text import user_text, ut

# Content styles (theme variables), like the CSS classes of the help screen.
TITLE_STYLE = "bold $text"
META_STYLE = "$text-muted"
HEADING_STYLE = "bold $text-accent"
SECRECY_STYLE = "bold $text-error"

# Wrapped reports kept per (item id, width, theme); an agenda of 500 items at two widths
# is ~1,000 entries of a few dozen Content lines each: small.
_CACHE_LIMIT = 2048


def report_blocks(item: Item) -> list[tuple[str, Content]]:
    """The item's report as (heading, body) blocks, in reading order."""
    blocks: list[tuple[str, Content]] = [
        (ut(section.title), user_text(section.text)) for section in item.report_sections()
    ]
    if item.proposed_decision:
        points = [user_text(f"{n}. {point}") for n, point in enumerate(item.proposed_decision, 1)]
        if item.immediate_justification:
            points.append(Content.styled(S.PROPOSED_OJ, "italic"))
        blocks.insert(_decision_position(item), (S.PROPOSED_DECISION, Content("\n\n").join(points)))
    if item.attachments:
        lines = [user_text(f"• {name}") for name in item.attachments]
        blocks.append((S.ATTACHMENTS, Content("\n").join(lines)))
    return blocks


def _decision_position(item: Item) -> int:
    """Förslag till beslut reads after Sammanfattning (as in a tjänsteutlåtande)."""
    return 1 if item.summary else 0


def item_heading(item: Item) -> Content:
    return user_text(item.title)


def item_meta(item: Item) -> Content:
    parts = [item.dnr_label] if item.dnr else []
    if item.officer:
        parts.append(S.OFFICER.format(officer=item.officer))
    if item.category:
        parts.append(item.category)
    return user_text(" · ".join(parts))


def wrap_report(
    item: Item | None, width: int, secrecy: str = ""
) -> tuple[list[Content], list[int]]:
    """The report of ITEM wrapped to WIDTH: (lines, line numbers of the section headings).

    "Sekretess (ground)" first when the item is secret; title, meta line, a blank line;
    then per section its heading, its body, a blank line.
    """
    lines: list[Content] = []
    headings: list[int] = []
    blank = Content("")

    def add(content: Content, style: str = "") -> None:
        if style:
            content = content.stylize(style)
        lines.extend(wrap_lines(content, width) or [blank])

    if item is None:
        add(Content(S.EMPTY_MEETING), TITLE_STYLE)
        return lines, headings
    if secrecy:
        add(user_text(S.SECRECY_BANNER.format(ground=secrecy)), SECRECY_STYLE)
    add(item_heading(item), TITLE_STYLE)
    add(item_meta(item), META_STYLE)
    lines.append(blank)
    blocks = report_blocks(item) or [("", Content(S.NO_SECTIONS))]
    for heading, body in blocks:
        if heading:
            headings.append(len(lines))
            add(Content(heading), HEADING_STYLE)
        add(body)
        lines.append(blank)
    if lines and not lines[-1].plain:
        lines.pop()
    return lines, headings


def _same_line(old: Content | None, new: Content | None) -> bool:
    """Whether two report lines draw alike (Content's == compares the text only)."""
    if old is None or new is None:
        return old is new
    return old is new or (old.plain == new.plain and old.spans == new.spans)


def changed_rows(old: list[Content], new: list[Content], height: int) -> list[tuple[int, int]]:
    """The runs [start, end) of the first HEIGHT rows where OLD and NEW lines differ
    (a row past the end of a report is blank)."""
    runs: list[tuple[int, int]] = []
    start = None
    for row in range(height):
        before = old[row] if row < len(old) else None
        after = new[row] if row < len(new) else None
        if _same_line(before, after):
            if start is not None:
                runs.append((start, row))
                start = None
        elif start is None:
            start = row
    if start is not None:
        runs.append((start, height))
    return runs


class GutterScrollBar(ScrollBar):
    """The report's vertical scrollbar, always in place: blank (the gutter) when the
    report fits in the view.

    A scrollbar that Textual shows and hides costs a layout of the screen and a second
    redraw each time, and moving in the agenda goes from short reports to long ones all
    the time (navigation budget). The report reserves the gutter anyway
    (`scrollbar-gutter: stable`), so a blank bar draws exactly what no bar drew.
    """

    _drawn_blank = False  # the last render was the blank gutter

    def _fits(self) -> bool:
        return self.window_virtual_size <= self.window_size

    def render(self):
        self._drawn_blank = self._fits()
        if self._drawn_blank:
            assert self.parent is not None
            return Blank(self.parent.background_colors[1])
        return super().render()

    def refresh(self, *regions: Region, **kwargs) -> ScrollBar:
        # Blank before and after (one short report after another): nothing to redraw.
        quiet = not (regions or kwargs.get("layout") or kwargs.get("recompose"))
        if quiet and self._drawn_blank and self._fits():
            return self
        return super().refresh(*regions, **kwargs)

    def notify_style_update(self) -> None:
        self._drawn_blank = False  # the theme changed: draw again
        super().notify_style_update()


@functools.cache
def _single_cells() -> frozenset[str]:
    """Characters one cell wide for rich (Latin, Greek, Cyrillic, punctuation such as
    – ” • …, currency): in such text a character is a cell and a string slice a cut."""
    ranges = [(0x20, 0x7E), (0xA0, 0x482), (0x2010, 0x205E), (0x20A0, 0x20C0)]
    return frozenset(
        char
        for start, end in ranges
        for char in map(chr, range(start, end + 1))
        if get_character_cell_size(char) == 1
    )


_WORD = re.compile(r"\s*\S+\s*")  # a word and the spaces after it


def _breaks(line: str, width: int) -> list[int]:
    """The offsets where a line of single-cell characters breaks to fit `width`: the rule
    of rich's word wrap (a word that fits goes on; one that does not starts a new line; a
    word longer than a line is folded), without importing rich's private module."""
    breaks: list[int] = []
    offset = 0
    for match in _WORD.finditer(line):
        start, word = match.start(), match.group(0)
        length = len(word.rstrip())
        if width - offset >= length:
            offset += len(word)
        elif length > width:  # folded into pieces of `width`
            pieces = [word[n : n + width] for n in range(0, len(word), width)]
            for piece in pieces:
                if start:
                    breaks.append(start)
                start += len(piece)
            offset = len(pieces[-1])
        elif offset and start:
            breaks.append(start)
            offset = len(word)
    return breaks


def wrap_lines(content: Content, width: int) -> list[Content]:
    """`content.wrap(width)`, the same lines, in a third of the time for report text.

    Content.wrap builds several Content objects per line (each one scans its text for
    control codes again); most report text is one run of plain or uniformly styled text
    of single-cell characters, which is cut here with the same rule (rich's word wrap, `_breaks`,
    the line before a break right-stripped). Anything else (tabs, wide characters,
    several styles, a line that would need cropping) goes to Content.wrap.
    """
    text = content.plain
    spans = content.spans
    style = None
    if spans:
        if len(spans) > 1 or spans[0].start != 0 or spans[0].end != len(text):
            return content.wrap(width)
        style = spans[0].style
    if width < 1 or "\t" in text:
        return content.wrap(width)
    out: list[Content] = []
    for line in text.split("\n"):
        if not _single_cells().issuperset(line):  # a wide or zero-width character
            return content.wrap(width)
        cuts = _breaks(line, width)
        ends = [0, *cuts, len(line)]
        for n in range(len(cuts) + 1):
            piece = line[ends[n] : ends[n + 1]]
            if n < len(cuts):
                piece = piece.rstrip()
            if len(piece) > width:
                return content.wrap(width)
            piece_spans = [Span(0, len(piece), style)] if style is not None and piece else None
            out.append(Content(piece, piece_spans, len(piece), strip_control_codes=False))
    return out


class ReportView(ScrollView, can_focus=True):
    """The report of one item; `]` / `[` jump between its sections."""

    def __init__(self, meeting: Meeting, **kwargs) -> None:
        super().__init__(**kwargs)
        self.meeting = meeting
        self.item: Item | None = None
        self.secrecy = ""  # the legal ground when the item shown is secret
        self._lines: list[Content] = []
        self._headings: list[int] = []
        self._strips: dict[int, Strip] = {}  # drawn lines of the current report
        self._wrapped: dict[tuple[str | None, int, str], tuple[list[Content], list[int]]] = {}
        self._width = 0
        self._styles: tuple[RichStyle, VisualStyle] | None = None

    def show(self, item: Item | None, secrecy: str = "") -> None:
        """Show ITEM's report from the top (cheap when it was shown before at this width);
        `secrecy`: the legal ground when the item is secret ("Sekretess" above the text)."""
        self.item = item
        self.secrecy = secrecy
        # From the top of the previous report, at the same width, only the lines that
        # differ are drawn again (see _relayout).
        previous = self._lines if self.scroll_offset.y == 0 else None
        old_width, self._width = self._width, 0  # force a re-layout
        self._relayout(previous, old_width)
        self.scroll_home(animate=False, immediate=True)

    def _relayout(self, previous: list[Content] | None = None, old_width: int = 0) -> None:
        width = self.scrollable_content_region.width
        if width <= 0 or width == self._width:
            return
        self._width = width
        key = (self.item.id if self.item else None, width, self.app.theme, self.secrecy)
        wrapped = self._wrapped.get(key)
        if wrapped is None:
            if len(self._wrapped) >= _CACHE_LIMIT:
                self._wrapped.clear()
            wrapped = self._wrapped[key] = wrap_report(self.item, width, self.secrecy)
        self._lines, self._headings = wrapped
        self._strips = {}
        self._styles = None
        size = Size(width, len(self._lines))
        if size != self.virtual_size:
            # The view's own size does not depend on its content (1fr), so a new report
            # needs no layout of the screen (which would redraw every widget on every key):
            # set the reactive quietly, then update the scrollbars like a resize would.
            self.set_reactive(ReportView.virtual_size, size)
            self._scroll_update(size)
        if previous is None or width != old_width:
            self.refresh()
            return
        # A new report at the top of the view: repaint the rows whose line changed (the
        # blank rows under two short reports, a heading at the same row, … stay as they
        # are; navigation budget, docs/performance.md).
        rows = changed_rows(previous, self._lines, self.scrollable_content_region.height)
        if rows:
            self.refresh(*(Region(0, start, width, end - start) for start, end in rows))

    def on_mount(self) -> None:
        # The scrollbar is always in place (see GutterScrollBar), so no key lays out the
        # screen when a report starts or stops needing one; it is put in place right after
        # the first frame: mounting it before cost ~15 ms of first frame (budget, issue 4).
        self.call_after_refresh(self._pin_scrollbar)

    def _pin_scrollbar(self) -> None:
        self.styles.overflow_y = "scroll"

    def on_resize(self) -> None:
        self._relayout()

    @property
    def vertical_scrollbar(self) -> ScrollBar:
        """The vertical scrollbar: a GutterScrollBar (created as Textual creates its own)."""
        if self._vertical_scrollbar is None:
            bar = self._vertical_scrollbar = GutterScrollBar(
                vertical=True, name="vertical", thickness=self.scrollbar_size_vertical
            )
            bar.display = False
            self.app._start_widget(self, bar)
        return self._vertical_scrollbar

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._strips = {}  # the theme or the styles changed: draw again
        self._styles = None

    def _draw_styles(self) -> tuple[RichStyle, VisualStyle]:
        """The widget's styles for drawing lines (computing `rich_style` walks the
        ancestors: once per report, not once per line)."""
        if self._styles is None:
            self._styles = (self.rich_style, self.visual_style)
        return self._styles

    def render_line(self, y: int) -> Strip:
        scroll_x, scroll_y = self.scroll_offset
        index = scroll_y + y
        width = self.scrollable_content_region.width
        rich_style, base = self._draw_styles()
        if index >= len(self._lines):
            return Strip.blank(width, rich_style)
        strip = self._strips.get(index)
        if strip is None:
            # The line is already wrapped: turn it into segments directly (what a Static
            # would do through a full wrap-and-format pass per line).
            line = self._lines[index]
            segments = [
                Segment(text, style.rich_style)
                for text, style in line.render(base, end="", parse_style=self._get_style)
            ]
            strip = Strip(segments, line.cell_length).extend_cell_length(width, rich_style)
            self._strips[index] = strip
        if scroll_x == 0 and strip.cell_length == width:
            return strip
        return strip.crop_extend(scroll_x, scroll_x + width, rich_style)

    @property
    def heading_lines(self) -> list[int]:
        """Line numbers (scroll offsets) of the section headings of the current report."""
        return list(self._headings)

    def next_section(self) -> bool:
        """Scroll the next section heading to the top; False when there is none."""
        y = self.scroll_y
        for line in self._headings:
            if line > y + 0.5:
                self.scroll_to(y=line, animate=False, force=True)
                return True
        return False

    def previous_section(self) -> bool:
        y = self.scroll_y
        for line in reversed(self._headings):
            if line < y - 0.5:
                self.scroll_to(y=line, animate=False, force=True)
                return True
        if y > 0:
            self.scroll_home(animate=False)
            return True
        return False


class ItemPane(Vertical):
    """The bordered pane around the report and the Protokoll view.

    Its border title and subtitle name the § and the view, so they change as the secretary
    moves in the agenda. Textual repaints a whole widget when its border title is set;
    `set_titles` repaints only the two border rows, and nothing when the titles are the
    same (navigation budget: the pane is as tall as the screen).
    """

    _titles: tuple[str, str] | None = None
    _quiet = False  # set while a border title is set (see refresh)

    def set_titles(self, title: str, subtitle: str) -> None:
        """Show TITLE and SUBTITLE (plain text, no markup) in the border."""
        if (title, subtitle) == self._titles:
            return
        first = self._titles is None
        self._titles = (title, subtitle)
        self._quiet = not first
        try:
            self.border_title = Content(title)
            self.border_subtitle = Content(subtitle)
        finally:
            self._quiet = False
        if not first:
            # Regions of refresh() are relative to the content area: the border rows lie
            # just outside it (content_offset above, one row below).
            offset_x, offset_y = self.content_offset
            width, height = self.outer_size
            self.refresh(
                Region(-offset_x, -offset_y, width, 1),
                Region(-offset_x, height - 1 - offset_y, width, 1),
            )

    def refresh(self, *regions: Region, **kwargs) -> Vertical:
        if self._quiet:  # setting a border title: set_titles repaints the border rows
            return self
        return super().refresh(*regions, **kwargs)


class ProtokollView(VerticalScroll):
    """The paragraph exactly as the minutes will read (plain text, never markup).

    Mounted the first time the secretary asks for it (`MeetingScreen.action_toggle_view`),
    and shown at once: its text is set before its children are mounted."""

    markdown = ""
    width = 0

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.text = Static(id="protokoll-text", classes="protokoll-text")

    def compose(self) -> ComposeResult:
        yield self.text

    def show(self, content: Content) -> None:
        """The paragraph as rendered (tui/mdcontent.py); user text is never markup there."""
        self.markdown = ""
        self.text.update(content)

    def show_markdown(self, markdown: str) -> None:
        """The paragraph's Markdown, rendered to this view's width (a vote list wraps its
        names, not its rows) and again when the width changes."""
        from namndtui.tui.mdcontent import markdown_to_content

        self.markdown = markdown
        self.width = self.scrollable_content_region.width
        content = markdown_to_content(markdown, self.width or None)
        self.text.update(content)

    def on_resize(self) -> None:
        if self.markdown and self.scrollable_content_region.width != self.width:
            self.show_markdown(self.markdown)
