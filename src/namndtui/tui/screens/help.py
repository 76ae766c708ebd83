"""`?`: every key, grouped (built from the bindings, so it cannot drift)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static

from namndtui.tui import strings as S
from namndtui.tui.bindings import MEETING_BINDINGS, binding_text, shown_key
from namndtui.tui.modals.once import OnceModal
from namndtui.tui.widgets.hanging import HangingLines

KEY_STYLE = "bold $text-accent"
KEY_COLUMN = 12  # cells; a longer key gets a line of its own, the text under it

# group title -> binding ids (prefix before the dot in Binding.id)
GROUPS = {
    "agenda": "Föredragningslistan",
    "item": "Ärendet (aktuellt ärende)",
    "meeting": "Sammanträdet",
    "record": "Journalen: ångra, gör om, spara",
    "view": "Visning",
    "app": "Programmet",
}
# Rows of keys Textual's widgets handle (no binding of ours), with the ids of our bindings
# that do the same and are shown in the same row, after them: one row per action.
EXTRA: list[tuple[str, str, str, tuple[str, ...]]] = [
    ("app", "ctrl+p", S.KEY_PALETTE, ()),
    ("agenda", "upp/ned", S.HELP_AGENDA_MOVE, ("agenda.up", "agenda.down")),
    ("agenda", "home / end", "Första / sista ärendet", ()),
]


def help_lines(keymap: dict[str, str] | None = None) -> list[tuple[str, list[tuple[str, str]]]]:
    groups: dict[str, list[tuple[str, str]]] = {g: [] for g in GROUPS}
    by_id = {binding.id: binding for binding in MEETING_BINDINGS}
    shown = set()  # bindings already in an EXTRA row
    for group, key, text, ids in EXTRA:
        if ids:  # the user's [keys] when set
            key += ", " + "/".join(shown_key(keymap or {}, by_id[i]) for i in ids)
            shown.update(ids)
        groups[group].append((key, text))
    for binding in MEETING_BINDINGS:
        if binding.id in shown:
            continue
        group = (binding.id or "app").split(".")[0]
        key = shown_key(keymap or {}, binding)  # the user's [keys] when set
        groups.setdefault(group, []).append((key, binding_text(binding)))
    return [(GROUPS.get(g, g), keys) for g, keys in groups.items() if keys]


def legend() -> HangingLines:
    """The agenda's status marks, in their own style, with their meaning."""
    from namndtui.tui.widgets.agenda import AGENDA_MARKS, OJ_STYLE, SECRECY_STYLE, STATUS_STYLES

    rows = [
        (Content.styled(AGENDA_MARKS[status], STATUS_STYLES[status]), S.LEGEND[status])
        for status in AGENDA_MARKS
    ]
    rows.append((Content.styled("§ 121", "dim"), S.LEGEND_PROSPECTIVE))
    rows.append((Content.styled(S.OJ_MARK, OJ_STYLE), S.LEGEND_OJ))
    rows.append((Content.styled(S.SECRECY_MARK, SECRECY_STYLE), S.LEGEND_SECRECY))
    return HangingLines(rows, label_width=KEY_COLUMN)


def key_lines(keys: list[tuple[str, str]]) -> HangingLines:
    """One group's keys: the key in its column, the description wrapped under itself."""
    return HangingLines(
        [(Content.styled(key, KEY_STYLE), text) for key, text in keys], label_width=KEY_COLUMN
    )


class HelpScreen(OnceModal[None]):
    BINDINGS = [Binding("escape,q,question_mark", "close", S.CLOSE, id="help.close")]

    def __init__(self, keymap: dict[str, str] | None = None) -> None:
        super().__init__()
        self.keymap = keymap or {}  # the user's [keys]: the keys shown are the ones set

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-body"):
            yield Static(Content(S.HELP_TITLE), classes="dialog-title")
            yield Static(Content(S.HELP_FOOTER_NOTE), classes="dialog-hint")
            for title, keys in help_lines(self.keymap):
                yield Static(Content(title), classes="section-heading")
                yield Static(key_lines(keys), classes="section-body")
                if title == GROUPS["agenda"]:  # what the marks in the agenda mean
                    yield Static(Content(S.LEGEND_TITLE), classes="section-heading")
                    yield Static(legend(), classes="section-body", id="help-legend")

    def action_close(self) -> None:
        self.dismiss(None)
