"""Forms of the live meeting: motion, member picker, decision text, note, reservation,
the chair's finding. Each is a ModalScreen[T] returning its result or None (cancelled).

Keyboard first: the filter field keeps the focus while up/down move the member list; the
highlighted option is the choice; enter in the last field saves; escape cancels.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.events import Key
from textual.widget import Widget
from textual.widgets import Button, Input, OptionList, SelectionList, Static, TextArea
from textual.widgets.option_list import Option
from textual.widgets.selection_list import Selection

from namndtui.model import Member
from namndtui.timeofday import clock
from namndtui.tui import strings as S
from namndtui.tui.modals.once import OnceModal
from namndtui.tui.text import find_fold, user_text
from namndtui.vocabulary import MOTION_PHRASES


def member_matches(member: Member, query: str) -> bool:
    """Type-to-filter on name or party (any substring), folding case and diacritics the
    way people are typed fast: "aberg" finds Åberg, "ostlund" finds Östlund."""
    query = find_fold(query.strip())
    if not query:
        return True
    return query in find_fold(member.name) or query == find_fold(member.party)


class _Form(OnceModal):
    """A form; its first field is focused without scrolling (the dialog opens at its top,
    so the label above the first field shows too)."""

    AUTO_FOCUS = ""  # on_mount focuses (Textual's auto focus would scroll to the field)
    BINDINGS = [
        Binding("escape", "cancel", S.CANCEL, id="dialog.cancel"),
        Binding("ctrl+s", "save", S.SAVE, id="dialog.save"),
    ]

    def action_cancel(self) -> None:
        self.dismiss(None)

    def action_save(self) -> None:  # overridden
        raise NotImplementedError

    # The Input ids enter walks through, in order: it moves to the next, saves on the last.
    ENTER_ORDER: tuple[str, ...] = ()

    def enter_in(self, field_id: str) -> None:
        """Enter in the field FIELD_ID: on to the next field of ENTER_ORDER, or save."""
        order = self.ENTER_ORDER
        index = order.index(field_id) if field_id in order else len(order) - 1
        if index + 1 < len(order):
            self.query_one(f"#{order[index + 1]}", Input).focus()
        else:
            self.action_save()

    def show_error(self, message: str) -> None:
        error = self.query_one("#form-error", Static)
        error.update(user_text(message))
        error.display = True

    def buttons(self) -> ComposeResult:
        """The button row, docked at the bottom; the error text on its left stays in view."""
        with Horizontal(classes="dialog-buttons"):
            yield Static(id="form-error", classes="dialog-error-text")
            yield Button(S.CANCEL, id="cancel")
            yield Button(S.SAVE, id="save", variant="primary")

    def on_mount(self) -> None:
        self.query_one("#form-error").display = False

    @on(Button.Pressed, "#cancel")
    def _cancel(self) -> None:
        self.dismiss(None)

    @on(Button.Pressed, "#save")
    def _save(self) -> None:
        self.action_save()


def labelled(label: str, field: Widget) -> ComposeResult:
    """A form field under its label (the label is our own text, the field user text)."""
    yield Static(Content(label), classes="dialog-label")
    yield field


class _MemberFilter:
    """Mixin: an Input `#filter` that filters the OptionList `#members` (name or party);
    up/down in it move the list. Its handlers go by name (on_key, on_input_changed): a
    plain mixin's @on handlers would not be collected by Textual."""

    members: list[Member]
    optional: bool = False

    def member_options(self, query: str) -> list[Option]:
        # "none" is offered only until the secretary types a name
        options = [Option(Content(S.NOT_SET), id="")] if self.optional and not query else []
        options += [
            Option(user_text(self.member_label(m)), id=m.name)
            for m in self.members
            if member_matches(m, query)
        ]
        return options

    def member_label(self, member: Member) -> str:
        return member.label

    def on_input_changed(self, event: Input.Changed) -> None:
        """Typing in the filter field narrows the member list."""
        if event.input.id == "filter":
            self.refilter(event.value)

    def refilter(self, query: str) -> None:
        listing = self.query_one("#members", OptionList)  # type: ignore[attr-defined]
        listing.clear_options()
        listing.add_options(self.member_options(query))
        if listing.option_count:
            listing.highlighted = 0

    def chosen_member(self) -> str | None:
        listing = self.query_one("#members", OptionList)  # type: ignore[attr-defined]
        if listing.highlighted is None:
            return None
        return listing.get_option_at_index(listing.highlighted).id

    def on_key(self, event: Key) -> None:
        """up/down in the filter field move the member list."""
        if (
            event.key in ("up", "down")
            and isinstance(self.focused, Input)
            and self.focused.id == "filter"
        ):  # type: ignore[attr-defined]
            listing = self.query_one("#members", OptionList)  # type: ignore[attr-defined]
            if event.key == "down":
                listing.action_cursor_down()
            else:
                listing.action_cursor_up()
            event.stop()
            event.prevent_default()


@dataclass
class MotionResult:
    by: str
    kind: str
    text: str
    joined: list[str]


class MotionModal(_MemberFilter, _Form):
    """y: who moves, kind, text, who joins; `members` are those who may (serving)."""

    def __init__(self, title: str, members: list[Member]) -> None:
        super().__init__()
        self.title_text = title
        self.members = members

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(user_text(self.title_text), classes="dialog-title")
            yield Static(Content(S.MOTION_MEMBER), classes="dialog-label")
            yield Input(id="filter")
            yield OptionList(*self.member_options(""), id="members")
            yield Static(Content(S.MOTION_KIND), classes="dialog-label")
            yield OptionList(
                *[Option(Content(text), id=kind) for kind, text in MOTION_PHRASES.items()],
                id="kind",
            )
            yield Static(Content(S.MOTION_TEXT), classes="dialog-label")
            yield Input(id="text")
            yield Static(Content(S.MOTION_JOINED), classes="dialog-label")
            yield SelectionList(
                *[Selection(user_text(m.label), m.name) for m in self.members], id="joined"
            )
            yield from self.buttons()

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#members", OptionList).highlighted = 0
        self.query_one("#kind", OptionList).highlighted = 0
        self.query_one("#filter", Input).focus(scroll_visible=False)

    @on(Input.Submitted, "#filter")
    def _filter_done(self) -> None:
        self.query_one("#kind", OptionList).focus()

    @on(OptionList.OptionSelected, "#members")
    def _member_done(self) -> None:
        self.query_one("#kind", OptionList).focus()

    @on(OptionList.OptionSelected, "#kind")
    def _kind_done(self) -> None:
        self.query_one("#text", Input).focus()

    @on(Input.Submitted, "#text")
    def _text_done(self) -> None:
        self.action_save()

    def action_save(self) -> None:
        by = self.chosen_member()
        if not by:
            self.show_error(S.MOTION_NEED_MEMBER)
            return
        kinds = self.query_one("#kind", OptionList)
        kind = kinds.get_option_at_index(kinds.highlighted or 0).id or "bifall"
        joined = [m for m in self.query_one("#joined", SelectionList).selected if m != by]
        text = self.query_one("#text", Input).value.strip()
        self.dismiss(MotionResult(by, kind, text, joined))


class MemberPickModal(_MemberFilter, _Form):
    """Pick one member (type to filter); with optional=True the first choice is "none" ("")."""

    def __init__(
        self, title: str, label: str, members, *, optional: bool = False, need: str = S.PICK_NEED
    ) -> None:
        super().__init__()
        self.title_text = title
        self.label = label
        self.members = list(members)
        self.optional = optional
        self.need = need  # what an empty choice is told (each picker says its own thing)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(user_text(self.title_text), classes="dialog-title")
            yield Static(user_text(self.label), classes="dialog-label")
            yield Input(id="filter")
            yield OptionList(*self.member_options(""), id="members")
            yield from self.buttons()

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#members", OptionList).highlighted = 0
        self.query_one("#filter", Input).focus(scroll_visible=False)

    @on(Input.Submitted, "#filter")
    @on(OptionList.OptionSelected, "#members")
    def _done(self) -> None:
        self.action_save()

    def action_save(self) -> None:
        chosen = self.chosen_member()
        if chosen is None:
            self.show_error(self.need)
            return
        self.dismiss(chosen)


class DecisionModal(_Form):
    """e: the decision text, one point per line, prefilled (ctrl+s saves)."""

    def __init__(self, title: str, points: list[str]) -> None:
        super().__init__()
        self.title_text = title
        self.points = points

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(user_text(self.title_text), classes="dialog-title")
            yield Static(Content(S.DECISION_HELP + " ctrl+s = " + S.SAVE), classes="dialog-hint")
            yield TextArea("\n".join(self.points), id="decision-text", soft_wrap=True)
            yield from self.buttons()

    def on_mount(self) -> None:
        super().on_mount()
        area = self.query_one(TextArea)
        # At the end of the last point: enter starts a new point, typing adds to the last
        # (from the top, a new point typed after enter merged into point 1).
        area.move_cursor(area.document.end)
        area.focus(scroll_visible=False)

    def action_save(self) -> None:
        lines = [line.strip() for line in self.query_one(TextArea).text.splitlines()]
        points = [line for line in lines if line]
        if not points:
            self.show_error(S.DECISION_EMPTY)
            return
        self.dismiss(points)


OTHER = "\x00annan"  # the option id of "annan: <what was typed>" (never a member's name)


class NoteModal(_MemberFilter, _Form):
    """a: protokollsanteckning: (by, text). Who it is from is picked like a member (type
    to filter, diacritics folded); "annan: …" takes what was typed as it stands (a party
    group, someone outside the board); the first choice, nobody, is the board's own."""

    def __init__(self, title: str, members: list[Member] | None = None) -> None:
        super().__init__()
        self.title_text = title
        self.members = list(members or [])
        self.optional = True

    def member_options(self, query: str) -> list[Option]:
        options = super().member_options(query)
        typed = query.strip()
        if typed and not any(m.name == typed for m in self.members):
            options.append(Option(user_text(S.NOTE_BY_OTHER.format(name=typed)), id=OTHER))
        return options

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(user_text(self.title_text), classes="dialog-title")
            yield from labelled(S.NOTE_TEXT, Input(id="text"))
            yield from labelled(S.NOTE_BY, Input(id="filter"))
            yield OptionList(*self.member_options(""), id="members")
            yield from self.buttons()

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#members", OptionList).highlighted = 0
        self.query_one("#text", Input).focus(scroll_visible=False)

    ENTER_ORDER = ("text", "filter")

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        # Enter moves on (an enter that saved at once sent the name typed next to the
        # meeting screen); on an empty text it saves, which says the text is missing.
        if event.input.id == "text" and event.input.value.strip():
            self.enter_in("text")
        else:
            self.action_save()

    @on(OptionList.OptionSelected, "#members")
    def _picked(self) -> None:
        self.action_save()

    def author(self) -> str:
        chosen = self.chosen_member() or ""
        if chosen == OTHER:
            return self.query_one("#filter", Input).value.strip()
        return chosen

    def action_save(self) -> None:
        text = self.query_one("#text", Input).value.strip()
        if not text:
            self.show_error(S.NOTE_EMPTY)
            self.query_one("#text", Input).focus()
            return
        self.dismiss((self.author(), text))


class JusteringModal(_Form):
    """t: date, time and place of the justering in one form: (date, time, place).

    Enter moves on to the next field and saves on the last; a wrong date or time is
    said in the form, which keeps what was typed. The time may be written the Swedish
    way (15.00), with a colon (15:00) or without a separator (1500) and is stored as
    15:00; a recorded time is prefilled the Swedish way, as everything else shows it."""

    def __init__(self, title: str, date: str, time: str, place: str) -> None:
        super().__init__()
        self.title_text = title
        self.values = (date, time, place)

    def compose(self) -> ComposeResult:
        date, time, place = self.values
        with Vertical(classes="dialog"):
            yield Static(user_text(self.title_text), classes="dialog-title")
            yield from labelled(S.JUSTERING_DATE, Input(date, id="date"))
            yield from labelled(S.JUSTERING_TIME, Input(clock(time), id="time"))
            yield from labelled(S.JUSTERING_PLACE, Input(place, id="place"))
            yield from self.buttons()

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#date", Input).focus(scroll_visible=False)

    ENTER_ORDER = ("date", "time", "place")

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        self.enter_in(event.input.id or "")

    def action_save(self) -> None:
        date = self.query_one("#date", Input).value.strip()
        time = justering_time(self.query_one("#time", Input).value)
        place = self.query_one("#place", Input).value.strip()
        if not valid_date(date):
            shaped = len(date) == 10 and date[4] == date[7] == "-"
            self.show_error(S.NO_SUCH_DATE.format(date=date) if shaped else S.BAD_DATE)
            self.query_one("#date", Input).focus()
        elif time is None:
            self.show_error(S.BAD_TIME)
            self.query_one("#time", Input).focus()
        else:
            self.dismiss((date, time, place))


def valid_date(text: str) -> bool:
    """A real calendar date written ÅÅÅÅ-MM-DD."""
    try:
        return len(text) == 10 and dt.date.fromisoformat(text).isoformat() == text
    except ValueError:
        return False


def justering_time(text: str) -> str | None:
    """'15:00', '15.00', '1500' or '15' → '15:00'; '' → ''; None when it is no time."""
    text = text.strip()
    if not text:
        return ""
    match = re.fullmatch(r"(\d{1,2})(?:[:.]?(\d{2}))?", text)
    if match is None:
        return None
    hour, minute = int(match.group(1)), int(match.group(2) or 0)
    if hour > 23 or minute > 59:
        return None
    return f"{hour:02d}:{minute:02d}"


def refused_lines(members: list[Member], reasons: dict[str, str], limit: int = 3) -> list[str]:
    """Who may not reserve, grouped by reason: "A (M), B (S): röstade för … ." (short, so
    the form still fits 24 lines when most of the board voted with the majority)."""
    groups: dict[str, list[str]] = {}
    for member in members:
        reason = reasons[member.name]
        if reason.startswith(member.name + " "):  # "X röstade …" → "röstade …"
            reason = reason[len(member.name) + 1 :]
        groups.setdefault(reason, []).append(member.label)
    lines = [
        S.RESERVATION_NOT_ALLOWED.format(who=", ".join(who), reason=reason)
        for reason, who in groups.items()
    ]
    if len(lines) > limit:
        lines = [*lines[:limit], S.RESERVATION_MORE.format(count=len(lines) - limit)]
    return lines


class ReservationModal(_MemberFilter, _Form):
    """r: who reserves (only those who may, type to filter; the others shown with the
    reason) and text.

    As every dialog (screens.tcss): the title and the buttons stay put, only the middle
    scrolls, so focusing the member list never scrolls the title out of view.
    """

    def __init__(
        self, title: str, members, reasons: dict[str, str], texts: set[str] | None = None
    ) -> None:
        super().__init__()
        self.title_text = title
        self.everyone = list(members)
        self.reasons = reasons
        self.texts = texts or set()  # reserved already: offered to hand in the text
        self.members = [m for m in self.everyone if not reasons.get(m.name)]

    def member_label(self, member: Member) -> str:
        return member.label + (S.RESERVATION_ADD_TEXT if member.name in self.texts else "")

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(user_text(self.title_text), classes="dialog-title")
            yield Static(Content(S.RESERVATION_WHO), classes="dialog-label")
            yield Input(id="filter")
            yield OptionList(*self.member_options(""), id="members")
            refused = refused_lines(
                [m for m in self.everyone if self.reasons.get(m.name)], self.reasons
            )
            if refused:
                yield Static(user_text("\n".join(refused)), classes="dialog-hint", id="refused")
            yield from labelled(S.RESERVATION_TEXT, Input(id="text"))
            yield from self.buttons()

    def on_mount(self) -> None:
        super().on_mount()
        listing = self.query_one("#members", OptionList)
        if listing.option_count:
            listing.highlighted = 0
            self.query_one("#filter", Input).focus(scroll_visible=False)
        else:
            reason = next(iter(r for r in self.reasons.values() if r), "")
            self.show_error(S.RESERVATION_NONE.format(reason=reason))

    @on(Input.Submitted, "#filter")
    @on(OptionList.OptionSelected, "#members")
    def _picked(self) -> None:
        if self.chosen_member() is None:
            self.show_error(S.RESERVATION_NEED_MEMBER)
            return
        self.query_one("#text", Input).focus()

    @on(Input.Submitted, "#text")
    def _submitted(self) -> None:
        self.action_save()

    def action_save(self) -> None:
        member = self.chosen_member()
        if not member:
            self.show_error(S.RESERVATION_NEED_MEMBER)
            return
        text = self.query_one("#text", Input).value.strip()
        if member in self.texts and not text:
            self.show_error(S.RESERVATION_TEXT_NEEDED)
            self.query_one("#text", Input).focus()
            return
        self.dismiss((member, text))


class FindingModal(OnceModal[str | None]):
    """f: the suggested proposition order, and which motion the chair finds adopted."""

    AUTO_FOCUS = ""  # on_mount focuses the list without scrolling the order away
    BINDINGS = [Binding("escape", "cancel", S.CANCEL, id="dialog.cancel")]

    def __init__(self, title: str, order: list[tuple[str, str]], choices: list[tuple[str, str]]):
        super().__init__()
        self.title_text = title
        self.order = order
        self.choices = choices

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(user_text(self.title_text), classes="dialog-title")
            yield Static(Content(S.FINDING_ORDER), classes="dialog-label")
            lines = [f"{n}. {label}" for n, (_id, label) in enumerate(self.order, 1)]
            yield Static(user_text("\n".join(lines)))
            yield Static(Content(S.FINDING_PICK), classes="dialog-label")
            yield OptionList(*[Option(user_text(label), id=mid) for mid, label in self.choices])

    def on_mount(self) -> None:
        listing = self.query_one(OptionList)
        listing.highlighted = 0
        listing.focus(scroll_visible=False)

    def action_cancel(self) -> None:
        self.dismiss(None)

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)
