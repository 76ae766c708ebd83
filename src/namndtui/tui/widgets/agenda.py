"""The agenda: a virtual OptionList (never ListView: it cannot hold long agendas).

Each row leads with the § number and a status mark in fixed columns, the title wrapped
under the title column (a hanging indent), then a dim line with the Dnr and the OJ mark
(never cut: a Dnr too long for the column beside it ends in "…"):

    § 120 ✓ Val av justerare samt tid
            för justering
            Dnr 503-412-07  OJ

The number is bold once the item has its §; before that it is dim and prospective: the
next § number plus the items not yet handled above it, the number the secretary will get
if she takes the items in agenda order.
"""

from __future__ import annotations

from textual.content import Content
from textual.geometry import Region
from textual.reactive import reactive
from textual.strip import Strip
from textual.style import Style
from textual.visual import RenderOptions, Visual
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from namndtui.model import Item, Meeting
from namndtui.record.state import PENDING, RecordState
from namndtui.secrecy.marking import secrecy_ground
from namndtui.tui import strings as S
from namndtui.tui.text import ut
from namndtui.tui.widgets.hanging import line_strips, wrap_words

# Status marks of the agenda (documented in docs/tui.md, "The agenda"). Single-cell
# characters that are not emoji in any common terminal font: "▶", "⏸" and "↩" can be
# drawn two cells wide (emoji presentation), which would break the columns, so tabled and
# referred back are the letters B (bordlagt) and Å (återremitterat).
AGENDA_MARKS = {
    "pending": "·",
    "in_progress": "▸",
    "decided": "✓",
    "tabled": "B",
    "referred_back": "Å",
}
# Content styles (theme variables), so the marks follow the theme.
STATUS_STYLES = {
    "pending": "$text-muted",
    "in_progress": "bold $text-warning",
    "decided": "bold $text-success",
    "tabled": "bold $text-accent",
    "referred_back": "bold $text-accent",
}
NUMBER_STYLE = "bold"
PROSPECTIVE_STYLE = "dim"
META_STYLE = "dim"
OJ_STYLE = "bold $text-warning"
SECRECY_STYLE = "bold $text-error"
MIN_DNR = 5  # cells: "Dnr …" at least, beside the flags, or the Dnr gets a line of its own


class AgendaRow(Visual):
    """One agenda row drawn at any width with a hanging indent (a Visual, not a Rich
    grid: measuring 500 rows must stay cheap at mount and on every resize)."""

    def __init__(
        self, number: Content, mark: Content, title: str, dnr: Content, flags: list[Content]
    ) -> None:
        self.number = number  # "§ 120", padded to the number column
        self.mark = mark
        self.title = ut(title).replace("\n", " ")  # user text, plain, one paragraph
        self.dnr = dnr  # "Dnr 503-412-07" (may be empty)
        self.flags = flags  # "OJ", "SEKRETESS": never cut
        self._flags = Content("  ").join(flags)
        parts = ([dnr] if dnr else []) + ([self._flags] if flags else [])
        self._meta = Content("  ").join(parts)  # the one line it is when it fits
        self.indent = number.cell_length + 1 + mark.cell_length + 1
        self._heights: dict[int, int] = {}

    def _title_lines(self, width: int) -> list[str]:
        return wrap_words(self.title, max(width - self.indent, 1))

    def meta_lines(self, width: int) -> list[Content]:
        """The Dnr and the flags under the title, on one line: "Dnr 503-412-07  OJ", the
        Dnr ending in "…" when the column is too narrow for both (the item pane shows it
        whole), the flags never cut. Only a column narrower than the flags themselves
        gets them on lines of their own."""
        room = max(width - self.indent, 1)
        flags = self._flags
        if self._meta.cell_length <= room:
            return [self._meta] if self._meta else []
        if not self.flags:
            return [self.dnr.truncate(room, ellipsis=True)]
        left = room - flags.cell_length - 2  # what the Dnr keeps beside the flags
        if self.dnr and left >= MIN_DNR:
            return [Content.assemble(self.dnr.truncate(left, ellipsis=True), "  ", flags)]
        out = [self.dnr.truncate(room, ellipsis=True)] if self.dnr else []
        if flags.cell_length <= room:
            return out + [flags]
        return out + [flag.truncate(room, ellipsis=True) for flag in self.flags]

    def lines(self, width: int) -> list[Content]:
        """The row as lines of Content, each fitting WIDTH cells."""
        pad = Content(" " * self.indent)
        title = self._title_lines(width)
        out = [Content.assemble(self.number, " ", self.mark, " ", Content(title[0]))]
        out += [pad + Content(line) for line in title[1:]]
        out += [pad + line for line in self.meta_lines(width)]
        return [line.truncate(width, ellipsis=True) for line in out]

    def render_strips(
        self, width: int, height: int | None, style: Style, options: RenderOptions
    ) -> list[Strip]:
        lines = self.lines(width)
        if height is not None:
            lines = lines[:height]
        if any("\t" in line.plain for line in lines):  # tabs: Content expands them
            return Content("\n").join(lines).render_strips(width, None, style, options)
        # The lines are wrapped and fit already (navigation budget: a scroll draws a dozen
        # rows, each without another wrapping pass).
        return line_strips(lines, style, options)

    def get_optimal_width(self, rules, container_width: int) -> int:
        return self.indent + max(len(self.title), self._meta.cell_length)

    def get_minimal_width(self, rules) -> int:
        return self.indent + 1

    def get_height(self, rules, width: int) -> int:
        height = self._heights.get(width)
        if height is None:
            height = len(self._title_lines(width)) + len(self.meta_lines(width))
            self._heights[width] = height
        return height


def prospective_numbers(meeting: Meeting, state: RecordState) -> dict[str, int]:
    """The § number of every item: assigned, or the one it would get in agenda order."""
    return state.planned_numbers(meeting.items, meeting.first_paragraph)


def row_key(item: Item, state: RecordState, number: int, width: int) -> tuple:
    """What a row shows; equal keys draw equal rows (so unchanged rows are left alone)."""
    paragraph = state.paragraphs.get(item.id)
    status = paragraph.status if paragraph else PENDING
    assigned = paragraph is not None and paragraph.number is not None
    oj = item.immediate_justification
    if paragraph and paragraph.immediate_justification is not None:
        oj = paragraph.immediate_justification
    secret = bool(secrecy_ground(item, paragraph))
    return (item.title, item.dnr_label, status, number, assigned, bool(oj), width, secret)


def item_prompt(key: tuple) -> AgendaRow:
    """The row of a `row_key`. User text goes in as Content/plain text, never markup."""
    title, dnr, status, number, assigned, oj, width, secret = key
    label = f"§ {number}".ljust(width)
    style = NUMBER_STYLE if assigned else PROSPECTIVE_STYLE
    mark = Content.styled(AGENDA_MARKS.get(status, "?"), STATUS_STYLES.get(status, ""))
    dnr_label = Content.styled(ut(dnr), META_STYLE) if dnr else Content("")
    flags = ((oj, S.OJ_MARK, OJ_STYLE), (secret, S.SECRECY_MARK, SECRECY_STYLE))
    shown = [Content.styled(flag, flag_style) for on, flag, flag_style in flags if on]
    return AgendaRow(Content.styled(label, style), mark, title, dnr_label, shown)


class AgendaList(OptionList):
    """The agenda of the meeting; the highlighted option is the current item.

    Moving the highlight redraws only the rows of the two options that changed (OptionList
    redraws the whole list), and an option that leaves the view is brought to its middle
    (OptionList scrolls it to the edge, so every further key scrolled and redrew the whole
    list and its scrollbar): navigation budget, 10 ms CPU per key.
    """

    # Not repaint: watch_highlighted repaints the two options (a scroll repaints all).
    highlighted: reactive[int | None] = reactive(None, repaint=False)

    def __init__(self, meeting: Meeting, state: RecordState, **kwargs) -> None:
        self.meeting = meeting
        self._keys = self._row_keys(state)
        options = [
            Option(item_prompt(key), id=item.id)
            for item, key in zip(meeting.items, self._keys, strict=True)
        ]
        super().__init__(*options, **kwargs)
        self.border_title = S.AGENDA_TITLE

    def _row_keys(self, state: RecordState) -> list[tuple]:
        numbers = prospective_numbers(self.meeting, state)
        width = len(f"§ {max(numbers.values(), default=1)}")
        return [row_key(item, state, numbers[item.id], width) for item in self.meeting.items]

    def refresh_items(self, state: RecordState, item_ids: list[str] | None = None) -> None:
        """Redraw the rows that changed after an act (whatever `item_ids` says: calling an
        item moves the prospective numbers of the items after it)."""
        keys = self._row_keys(state)
        for index, (old, new) in enumerate(zip(self._keys, keys, strict=True)):
            if old != new:
                self.replace_option_prompt_at_index(index, item_prompt(new))
        self._keys = keys

    def watch_highlighted(self, old: int | None, new: int | None) -> None:
        super().watch_highlighted(new)  # scrolls to it and posts OptionHighlighted
        self._refresh_option(old)
        self._refresh_option(new)

    def _refresh_option(self, index: int | None) -> None:
        """Repaint the rows of the option at INDEX (if it is laid out)."""
        if index is None or not self.is_mounted:
            return
        line = self._index_to_line.get(index)
        if line is None:
            self.refresh()
            return
        width = self.scrollable_content_region.width
        self.refresh(Region(0, line - self.scroll_offset.y, width, self._heights[index]))

    def scroll_to_highlight(self, top: bool = False) -> None:
        """Bring the highlighted option into view: to the middle when it is out of view."""
        index = self.highlighted
        if top or index is None or not self.is_mounted:
            super().scroll_to_highlight(top)
            return
        self._update_lines()
        line = self._index_to_line.get(index)
        if line is None:
            return
        height = self._heights[index]
        view = self.scrollable_content_region.height
        y = self.scroll_offset.y
        if y <= line and line + height <= y + view:
            return  # fully visible: no scroll, no redraw of the whole list
        self.scroll_to(y=max(line - (view - height) // 2, 0), animate=False, immediate=True)

    @property
    def current_item_id(self) -> str | None:
        index = self.highlighted
        if index is None or not (0 <= index < len(self.meeting.items)):
            return None
        return self.meeting.items[index].id
