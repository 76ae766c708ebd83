"""The keys of the live meeting and their helpers (help screen, palette, footers).

The fixed keys come from FORMAT.md; each binding has an id so it can be remapped. The
footer shows only the fixed keys that fit 80 columns (show=True); every binding is in the
help screen and the palette with its tooltip (the long text).
"""

from __future__ import annotations

from textual.binding import Binding
from textual.widgets import Footer

from namndtui.tui import strings as S

MEETING_BINDINGS = [
    Binding("k", "agenda_up", S.KEY_UP, id="agenda.up", show=False),
    Binding("j", "agenda_down", S.KEY_DOWN, id="agenda.down", show=False),
    Binding("b", "decide", S.KEY_DECIDE, tooltip=S.HELP_DECIDE, id="item.decide"),
    Binding("e", "edit_decision", S.KEY_EDIT_DECISION, tooltip=S.HELP_EDIT_DECISION, id="item.edit_decision", show=False),
    Binding("o", "toggle_oj", S.KEY_OJ, tooltip=S.HELP_OJ, id="item.immediate_justification"),
    Binding("S", "toggle_secrecy", S.KEY_SECRECY, tooltip=S.HELP_SECRECY, id="item.secrecy", show=False),
    Binding("y", "motion", S.KEY_MOTION, tooltip=S.HELP_MOTION, id="item.motion"),
    Binding("w", "withdraw", S.KEY_WITHDRAW, tooltip=S.HELP_WITHDRAW, id="item.withdraw", show=False),
    Binding("i", "join", S.KEY_JOIN, tooltip=S.HELP_JOIN, id="item.join", show=False),
    Binding("f", "finding", S.KEY_FINDING, tooltip=S.HELP_FINDING, id="item.finding", show=False),
    Binding("v", "vote", S.KEY_VOTE, tooltip=S.HELP_VOTE, id="item.vote"),
    Binding("c", "correct", S.KEY_CORRECT, tooltip=S.HELP_CORRECT, id="item.correct", show=False),
    Binding("r", "reservation", S.KEY_RESERVATION, tooltip=S.HELP_RESERVATION, id="item.reservation"),
    Binding("a", "note", S.KEY_NOTE, tooltip=S.HELP_NOTE, id="item.note"),
    Binding("F", "presenter", S.KEY_PRESENTER, tooltip=S.HELP_PRESENTER, id="item.presenter", show=False),
    Binding("g", "adjustment_note", S.KEY_ADJUSTMENT_NOTE, tooltip=S.HELP_ADJUSTMENT_NOTE, id="item.adjustment_note", show=False),
    Binding("J", "recusal", S.KEY_RECUSAL, tooltip=S.HELP_RECUSAL, id="item.recusal", show=False),
    Binding("t", "table", S.KEY_TABLE, tooltip=S.HELP_TABLE, id="item.table", show=False),
    Binding("s", "refer_back", S.KEY_REFER_BACK, tooltip=S.HELP_REFER_BACK, id="item.refer_back", show=False),
    Binding("n", "attendance", S.KEY_ATTENDANCE, tooltip=S.HELP_ATTENDANCE, id="meeting.attendance"),
    Binding("m", "open_close", S.KEY_MEETING, tooltip=S.HELP_MEETING, id="meeting.open_close", show=False),
    Binding("A", "adjourn", S.KEY_ADJOURN, tooltip=S.HELP_ADJOURN, id="meeting.adjourn", show=False),
    Binding("ctrl+o", "import_item", S.KEY_IMPORT, tooltip=S.HELP_IMPORT, id="meeting.import_item", show=False),
    Binding("p", "toggle_view", S.KEY_VIEW, tooltip=S.HELP_VIEW, id="view.toggle", show=False),
    Binding("]", "next_section", S.KEY_NEXT_SECTION, id="view.next_section", show=False),
    Binding("[", "previous_section", S.KEY_PREV_SECTION, id="view.previous_section", show=False),
    Binding("pagedown", "report_page(1)", S.KEY_PAGE_DOWN, id="view.page_down", show=False, priority=True),
    Binding("pageup", "report_page(-1)", S.KEY_PAGE_UP, id="view.page_up", show=False, priority=True),
    Binding("ctrl+z", "undo", S.KEY_UNDO, tooltip=S.HELP_UNDO, id="record.undo", show=False),
    Binding("ctrl+y", "redo", S.KEY_REDO, tooltip=S.HELP_REDO, id="record.redo", show=False),
    Binding("ctrl+s", "save_elsewhere", S.KEY_SAVE_ELSEWHERE, tooltip=S.HELP_SAVE_ELSEWHERE, id="record.save_elsewhere", show=False),
    Binding("question_mark", "help", S.KEY_HELP, tooltip=S.HELP_HELP, id="app.help"),
    Binding("q", "quit", S.KEY_QUIT, tooltip=S.HELP_QUIT, id="app.quit"),
]  # fmt: skip

# Below this width the footer is compact and leaves out the palette key (it is in `?`).
WIDE_FOOTER = 100


def binding_text(binding: Binding) -> str:
    """The long description of a binding (help, palette), else its footer label."""
    return binding.tooltip or binding.description


def fit_footer(footer: Footer, width: int) -> None:
    """Compact below WIDE_FOOTER columns, and without the palette key (it is in `?`)."""
    wide = width >= WIDE_FOOTER
    footer.compact = not wide
    footer.show_command_palette = wide


def key_name(key: str) -> str:
    """A key as the help screen and the palette name it."""
    return {"question_mark": "?", "pagedown": "page down", "pageup": "page up"}.get(key, key)


def shown_key(keymap: dict[str, str], binding: Binding) -> str:
    """The key a binding has now, as help and palette name it: the user's keymap ([keys] in
    the settings file, App.set_keymap) or its default."""
    key = keymap.get(binding.id, binding.key) if binding.id else binding.key
    return key_name(key.split(",")[0].strip())
