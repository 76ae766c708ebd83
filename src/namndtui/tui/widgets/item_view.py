"""The current item: its report (sections) and the live Protokoll view of its paragraph.

The report is shown in a fixed pool of heading/body Statics that are updated in place:
moving in the agenda then costs a few `update()` calls instead of removing and mounting
widgets (the navigation budget is 10 ms CPU per key).
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static

from namndtui.model import Item, Meeting
from namndtui.tui import strings as S


def report_blocks(item: Item) -> list[tuple[str, Content]]:
    """The item's report as (heading, body) blocks, in reading order."""
    blocks: list[tuple[str, Content]] = [
        (section.title, Content(section.text)) for section in item.report_sections()
    ]
    if item.proposed_decision:
        points = [Content(f"{n}. {point}") for n, point in enumerate(item.proposed_decision, 1)]
        if item.immediate_justification:
            points.append(Content.styled(S.PROPOSED_OJ, "italic"))
        blocks.insert(_decision_position(item), (S.PROPOSED_DECISION, Content("\n\n").join(points)))
    if item.attachments:
        lines = [Content(f"• {name}") for name in item.attachments]
        blocks.append((S.ATTACHMENTS, Content("\n").join(lines)))
    return blocks


def _decision_position(item: Item) -> int:
    """Förslag till beslut reads after Sammanfattning (as in a tjänsteutlåtande)."""
    return 1 if item.summary else 0


def item_heading(item: Item) -> Content:
    return Content(item.title)


def item_meta(item: Item) -> Content:
    parts = [item.dnr] if item.dnr else []
    if item.officer:
        parts.append(S.OFFICER.format(officer=item.officer))
    if item.category:
        parts.append(item.category)
    return Content(" · ".join(parts))


class ReportView(VerticalScroll):
    """The report of one item; `]` / `[` jump between its sections."""

    def __init__(self, meeting: Meeting, **kwargs) -> None:
        super().__init__(**kwargs)
        self.meeting = meeting
        self.item: Item | None = None
        self._slots = max((len(report_blocks(i)) for i in meeting.items), default=0)

    def compose(self) -> ComposeResult:
        yield Static(id="item-title", classes="item-title")
        yield Static(id="item-meta", classes="item-meta")
        for n in range(max(self._slots, 1)):
            yield Static(id=f"section-heading-{n}", classes="section-heading")
            yield Static(id=f"section-body-{n}", classes="section-body")

    def show(self, item: Item | None) -> None:
        self.item = item
        blocks = report_blocks(item) if item else []
        title = self.query_one("#item-title", Static)
        meta = self.query_one("#item-meta", Static)
        title.update(item_heading(item) if item else Content(S.EMPTY_MEETING))
        meta.update(item_meta(item) if item else Content(""))
        if item and not blocks:
            blocks = [("", Content(S.NO_SECTIONS))]
        for n in range(max(self._slots, 1)):
            heading = self.query_one(f"#section-heading-{n}", Static)
            body = self.query_one(f"#section-body-{n}", Static)
            if n < len(blocks):
                heading.update(Content(blocks[n][0]))
                body.update(blocks[n][1])
                heading.display = bool(blocks[n][0])
                body.display = True
            else:
                heading.display = body.display = False
        self.scroll_home(animate=False)

    def _headings(self) -> list[Static]:
        return [h for h in self.query(".section-heading").results(Static) if h.display]

    def next_section(self) -> bool:
        """Scroll the next section heading to the top; False when there is none."""
        y = self.scroll_y
        for heading in self._headings():
            if heading.virtual_region.y > y + 0.5:
                self.scroll_to(y=heading.virtual_region.y, animate=False, force=True)
                return True
        return False

    def previous_section(self) -> bool:
        y = self.scroll_y
        for heading in reversed(self._headings()):
            if heading.virtual_region.y < y - 0.5:
                self.scroll_to(y=heading.virtual_region.y, animate=False, force=True)
                return True
        if y > 0:
            self.scroll_home(animate=False)
            return True
        return False


class ProtokollView(VerticalScroll):
    """The paragraph exactly as the minutes will read (plain text, never markup)."""

    def compose(self) -> ComposeResult:
        yield Static(id="protokoll-label", classes="protokoll-label")
        yield Static(id="protokoll-text", classes="protokoll-text")

    def show(self, text: str, interim: bool) -> None:
        label = self.query_one("#protokoll-label", Static)
        label.update(Content(S.MINUTES_INTERIM_LABEL) if interim else Content(""))
        label.display = interim
        self.query_one("#protokoll-text", Static).update(Content(text))
