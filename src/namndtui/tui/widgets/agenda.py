"""The agenda: a virtual OptionList (never ListView: it cannot hold long agendas)."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from namndtui.model import Item, Meeting
from namndtui.record.state import PENDING, RecordState
from namndtui.tui import strings as S

# Content styles (theme variables), so the marks follow the theme.
STATUS_STYLES = {
    "in_progress": "bold $text-warning",
    "decided": "bold $text-success",
    "tabled": "bold $text-accent",
    "referred_back": "bold $text-accent",
}


def item_prompt(item: Item, state: RecordState) -> Content:
    """One agenda line: status mark, §, OJ mark, title; the Dnr dim on its own line.

    Built from Content pieces so a title like "[b]x[/b]" shows as typed (never markup).
    """
    paragraph = state.paragraphs.get(item.id)
    status = paragraph.status if paragraph else PENDING
    number = f"§ {paragraph.number}" if paragraph and paragraph.number is not None else ""
    oj = item.immediate_justification
    if paragraph and paragraph.immediate_justification is not None:
        oj = paragraph.immediate_justification
    # Line 1: status mark and title (wraps); line 2, dim: §, OJ, Dnr. A hanging indent
    # would need a Rich grid per option, which costs ~1 ms per item at mount.
    parts: list[Content | tuple[str, str] | str] = [
        (S.STATUS_MARKS.get(status, "?"), STATUS_STYLES.get(status, "")),
        " ",
        Content(item.title),
    ]
    meta: list[Content | tuple[str, str] | str] = []
    if number:
        meta.append((number, "bold"))
    if oj:
        meta.append((S.OJ_MARK, "bold $text-warning"))
    if item.dnr:
        meta.append((item.dnr_label, "dim"))
    if meta:
        parts.append("\n  ")
        for n, piece in enumerate(meta):
            if n:
                parts.append(("  ", ""))
            parts.append(piece)
    return Content.assemble(*parts)


class AgendaList(OptionList):
    """The agenda of the meeting; the highlighted option is the current item."""

    def __init__(self, meeting: Meeting, state: RecordState, **kwargs) -> None:
        options = [Option(item_prompt(item, state), id=item.id) for item in meeting.items]
        super().__init__(*options, **kwargs)
        self.meeting = meeting
        self.border_title = S.AGENDA_TITLE

    def refresh_items(self, state: RecordState, item_ids: list[str] | None = None) -> None:
        """Re-render the prompts of the given items (all when None) after a change."""
        items = self.meeting.items
        if item_ids is None:
            targets = list(enumerate(items))
        else:
            targets = [(self.meeting.item_index(i), self.meeting.item(i)) for i in item_ids]
        for index, item in targets:
            if item is not None:
                self.replace_option_prompt_at_index(index, item_prompt(item, state))

    @property
    def current_item_id(self) -> str | None:
        index = self.highlighted
        if index is None or not (0 <= index < len(self.meeting.items)):
            return None
        return self.meeting.items[index].id
