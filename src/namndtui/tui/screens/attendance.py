"""n: attendance. Every seat and substitute; present/absent, arrivals and departures at
the current § (with their time), which substitute serves for whom; adjusters and the
justering. `/` finds a name (or party) as typed, home/end go to the first/last row."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Static

from namndtui.minutes.model import after_the_decision
from namndtui.model import Item, Meeting
from namndtui.record import attendance_acts as acts
from namndtui.record.acts import paragraph_number
from namndtui.record.state import IN_PROGRESS, PENDING
from namndtui.record.substitution import cross_party_note
from namndtui.timeofday import clock
from namndtui.tui import strings as S
from namndtui.tui.bindings import fit_footer
from namndtui.tui.disk import DiskBanner
from namndtui.tui.labels import quorum_of, refusal
from namndtui.tui.messages import RecordChanged, RedoRequested, UndoRequested, request_act
from namndtui.tui.modals.once import SCREENS_CSS
from namndtui.tui.roster_layout import RosterLayout, roster_layout
from namndtui.tui.text import user_text, ut
from namndtui.tui.typeahead import form_action
from namndtui.tui.widgets.find_input import FindInput
from namndtui.tui.widgets.footer import KeepFooter
from namndtui.tui.widgets.status import StatusLine

if TYPE_CHECKING:
    from namndtui.record.events import Event
    from namndtui.record.state import RecordState
    from namndtui.record.state_parts import AttendanceChange
    from namndtui.tui.app import NamndApp


KEYS_FROM_HEIGHT = 24  # rows: the line of every key shows from here (docs/keys.md)


class RosterTable(DataTable):
    """The attendance list: home/end go to the first/last row (DataTable's own home/end
    scroll sideways and leave the cursor where it was), as in the agenda; the highlighted
    row stays in view when the table is resized."""

    BINDINGS = [
        Binding("home", "edge(0)", S.KEY_FIRST, id="attendance.first", show=False),
        Binding("end", "edge(-1)", S.KEY_LAST, id="attendance.last", show=False),
    ]

    def action_edge(self, row: int) -> None:
        if self.row_count:
            self.move_cursor(row=row % self.row_count)

    def on_resize(self) -> None:
        """The line under the table (or the screen) took room: the highlighted row is
        scrolled back into view instead of being left under the line."""
        if self.row_count:
            self.move_cursor(row=self.cursor_row)


class AttendanceScreen(Screen[None]):
    CSS_PATH = SCREENS_CSS
    BINDINGS = [
        Binding("space", "toggle_present", "Närvaro", id="attendance.toggle"),
        Binding("j", "cursor(1)", S.KEY_DOWN, id="attendance.down", show=False),
        Binding("k", "cursor(-1)", S.KEY_UP, id="attendance.up", show=False),
        Binding("slash,ctrl+f", "find", S.KEY_FIND, id="attendance.find", show=False),
        Binding("A", "all_present", "Alla ordinarie", id="attendance.all"),
        Binding("e", "serves_for", "Ersättare", id="attendance.serves"),
        Binding("x", "stops", "Slutar tjänstgöra", id="attendance.stops", show=False),
        Binding("a", "arrived", "Ankommer", id="attendance.arrived", show=False),
        Binding("l", "left", "Lämnar", id="attendance.left", show=False),
        Binding("u", "adjuster", "Justerare", id="attendance.adjuster"),
        Binding(
            "U",
            "adjuster_substitute",
            "Ers. justerare",
            id="attendance.adjuster_substitute",
            show=False,
        ),
        Binding("t", "justering", "Justering", id="attendance.justering"),
        Binding("ctrl+z", "undo", S.KEY_UNDO, id="attendance.undo", show=False),
        Binding("ctrl+y", "redo", S.KEY_REDO, id="attendance.redo", show=False),
        Binding("escape,n,q", "close", S.CLOSE, id="attendance.close"),
    ]

    def __init__(self, meeting: Meeting, item: Item | None) -> None:
        super().__init__()
        self.meeting = meeting
        self.item = item
        self._layout: RosterLayout | None = None  # set by fill(), for the width

    @property
    def napp(self) -> NamndApp:
        return self.app  # type: ignore[return-value]

    def compose(self) -> ComposeResult:
        yield StatusLine(id="status")
        yield DiskBanner(id="disk-banner")
        yield RosterTable(id="attendance-table", cursor_type="row", zebra_stripes=True)
        yield FindInput(id="attendance-find", focus_after="DataTable")
        yield Static(id="attendance-row")
        yield Static(id="attendance-info")
        yield KeepFooter()

    def on_resize(self, event) -> None:
        fit_footer(self.query_one(Footer), event.size.width)
        if self.table_layout() != self._layout:
            self.fill()  # the table's columns fit the new width
        self.show_info()  # the key line only where the table keeps room for its rows

    def on_mount(self) -> None:
        self.query_one(FindInput).display = False
        self._find_from = 0  # the row a search began on (escape goes back to it)
        self.fill()
        self.query_one(DataTable).focus()
        # The time shown before a key (ATTENDANCE_WHEN) follows the clock.
        self.set_interval(15, self.show_info)

    def table_layout(self) -> RosterLayout:
        """The table's columns for the screen's width (tui/roster_layout.py)."""
        last = self.napp.state.next_number + len(self.meeting.items)
        return roster_layout(self.meeting, last, self.app.size.width)

    def fill(self) -> None:
        table = self.query_one(DataTable)
        row = table.cursor_row
        layout = self.table_layout()
        if layout != self._layout:
            table.clear(columns=True)
            for heading, width in zip(layout.headings, layout.widths, strict=True):
                table.add_column(heading, width=width)
            self._layout = layout
        table.clear()
        state = self.napp.state
        for m in self.meeting.members:
            cells = (
                m.label,
                layout.role(m.role),
                presence_text(state, m.name),
                state.serving_for.get(m.name, ""),
                adjuster_mark(state, m.name),
            )
            lines = [layout.cell(i, ut(text)) for i, text in enumerate(cells)]
            height = max(text.count("\n") + 1 for text in lines)
            table.add_row(*map(Text, lines), key=m.name, height=height)
        if table.row_count:
            table.move_cursor(row=min(max(row, 0), table.row_count - 1))
        self.show_row()
        self.show_info()
        self.query_one(DiskBanner).show_text(self.napp.disk.banner())

    def show_info(self) -> None:
        """The keys, the quorum and the justering; before the key is pressed, the § and the
        time an arrival or departure would be recorded at now."""
        state = self.napp.state
        q, ok = "", None
        if not self.napp.opening:
            q, ok = quorum_of(self.meeting, state, self.item)
        at = f"kl. {clock(state.justering_time)}" if state.justering_time else ""
        just = " ".join(x for x in (state.justering_date, at, state.justering_place) if x)
        info = q + (f" · Justering: {just}" if just else "")
        if self.size.height >= KEYS_FROM_HEIGHT:  # lower, the rows need the room
            info = f"{S.ATTENDANCE_KEYS}\n{info}"
        # not after the close: no arrival or departure is recorded then (record/sitting.py)
        if (
            self.item is not None
            and state.opened_at
            and not state.closed_at
            and not self.napp.readonly
        ):
            number = paragraph_number(state, self.item.id)
            time = clock(self.napp.now_hhmm())
            info += " · " + S.ATTENDANCE_WHEN.format(number=number, time=time)
            para = state.paragraphs.get(self.item.id)
            if para is not None and para.status not in (PENDING, IN_PROGRESS):
                # decided: who served on it stays in its vote list; the change is from the next
                info += S.ATTENDANCE_WHEN_DECIDED.format(number=next_paragraph(state, number))
        self.query_one("#attendance-info", Static).update(user_text(info))
        self.query_one(StatusLine).set_parts(
            body=self.meeting.body,
            date=self.meeting.date.isoformat(),
            paragraph=S.ATTENDANCE_TITLE,
            quorum=q,
            quorum_ok=ok,
            saved=self.napp.saved_text(),
            marker=S.READONLY if self.napp.readonly else "",
        )

    def show_row(self) -> None:
        """Under the table: the highlighted person's arrivals and departures (each with its
        § and time) and the seat they serve in; empty when there is nothing to tell."""
        name = self.chosen()
        story = member_story(self.napp.state, name) if name else ""
        label = self.meeting.member(name).label if name and self.meeting.member(name) else ""
        text = f"{label}: {story}" if story else ""
        widget = self.query_one("#attendance-row", Static)
        widget.update(user_text(text))
        widget.display = bool(text)

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self.show_row()

    def on_record_changed(self, message: RecordChanged) -> None:
        self.fill()

    def action_cursor(self, step: int) -> None:
        """j/k: the next/previous row, as on the meeting screen."""
        table = self.query_one(DataTable)
        table.action_cursor_down() if step > 0 else table.action_cursor_up()

    # --- type to find ---------------------------------------------------------------------

    def action_find(self) -> None:
        """/: the find field; what is typed moves to the first row that matches."""
        field = self.query_one(FindInput)
        self._find_from = self.query_one(DataTable).cursor_row
        field.value = ""
        field.display = True
        self.set_focus(field)  # now: the next key typed goes to the field

    def matches(self, query: str) -> list[int]:
        """The rows whose name or party matches `query` as the pickers match it."""
        from namndtui.tui.modals.forms import member_matches

        return [i for i, m in enumerate(self.meeting.members) if member_matches(m, query)]

    def on_input_changed(self, event: FindInput.Changed) -> None:
        if event.input.id != "attendance-find":
            return
        event.stop()
        found = self.matches(event.value) if event.value.strip() else []
        if found:
            self.query_one(DataTable).move_cursor(row=found[0])
        self.show_found(event.value, found)

    def show_found(self, query: str, found: list[int]) -> None:
        """Under the field: no match, or how many (the row itself shows the first)."""
        if not query.strip():
            text = ""
        elif not found:
            text = S.FIND_NONE.format(query=query.strip())
        else:
            text = S.FIND_COUNT.format(count=len(found)) if len(found) > 1 else ""
        if text:
            widget = self.query_one("#attendance-row", Static)
            widget.update(user_text(text))
            widget.display = True
        else:
            self.show_row()

    def on_find_input_step(self, message: FindInput.Step) -> None:
        """up/down in the field: the previous/next row that matches (round the list)."""
        found = self.matches(self.query_one(FindInput).value)
        if not found:
            return
        table = self.query_one(DataTable)
        here = table.cursor_row
        after = [r for r in found if (r - here) * message.step > 0]
        if message.step > 0:
            row = after[0] if after else found[0]
        else:
            row = after[-1] if after else found[-1]
        table.move_cursor(row=row)

    def on_input_submitted(self, event: FindInput.Submitted) -> None:
        if event.input.id == "attendance-find":
            event.stop()
            self.end_find()

    def on_find_input_cancelled(self, message: FindInput.Cancelled) -> None:
        self.query_one(DataTable).move_cursor(row=self._find_from)
        self.end_find()

    def end_find(self) -> None:
        field = self.query_one(FindInput)
        field.display = False
        self.set_focus(self.query_one(DataTable))
        self.show_row()

    def chosen(self) -> str | None:
        table = self.query_one(DataTable)
        if not table.row_count:
            return None
        return table.coordinate_to_cell_key((table.cursor_row, 0)).row_key.value

    def _item_id(self) -> str:
        return self.item.id if self.item else ""

    def act(self, build: Callable[..., list[Event]], *args: Any, warn: str = "") -> None:
        """Ask the app to record the act `build(meeting, state, *args)` of
        record/attendance_acts.py (tui/messages.py `ActsRequested`): the app decides its
        events on the state it applies them to, so keys typed in a burst act in the order
        typed, each on what the one before recorded. A refusal is a notice (the app says
        why); `warn` is a notice once the act is recorded (never when refused)."""
        done = None
        if warn:
            done = functools.partial(self.notify, warn, severity="warning", markup=False)
        request_act(self.app, build, *args, done=done)

    def refuse(self, err: acts.RuleError) -> None:
        text, severity = refusal(self.meeting, err)
        self.notify(text, severity=severity, markup=False)  # type: ignore[arg-type]

    def action_toggle_present(self) -> None:
        name = self.chosen()
        if name:
            self.act(acts.toggle_present, name)

    def action_all_present(self) -> None:
        self.act(acts.all_present)

    @form_action
    async def action_serves_for(self) -> None:
        name = self.chosen()
        if not name or self.napp.refuse_readonly():
            return
        from namndtui.tui.modals.forms import MemberPickModal

        try:
            seats = acts.free_seats(self.meeting, self.napp.state, name)
        except acts.RuleError as err:  # say why instead of an empty list
            self.refuse(err)
            return
        seat = await self.app.push_screen_wait(
            MemberPickModal(
                S.SERVES_FOR_TITLE.format(who=ut(name)), "", seats, need=S.SERVES_NEED_SEAT
            )
        )
        if seat:  # an ersättare of another party while one of the seat's sits unused: said
            warn = cross_party_note(self.meeting, self.napp.state, name, seat)
            args = (name, seat, self._item_id())
            self.act(acts.serves_for, *args, warn=f"{warn}." if warn else "")

    def action_stops(self) -> None:
        name = self.chosen()
        if name and self.item:
            self.act(acts.substitute_stops, name, self.item.id)

    def action_arrived(self) -> None:
        name = self.chosen()
        if name and self.item:
            self.act(acts.arrived, name, self.item.id, self.napp.now_hhmm)

    def action_left(self) -> None:
        name = self.chosen()
        if name and self.item:
            self.act(acts.left, name, self.item.id, self.napp.now_hhmm)

    def action_adjuster(self) -> None:
        name = self.chosen()
        if name:
            self.act(acts.toggle_adjuster, name)

    def action_adjuster_substitute(self) -> None:
        name = self.chosen()
        if name:
            self.act(acts.toggle_adjuster_substitute, name)

    @form_action
    async def action_justering(self) -> None:
        if self.napp.refuse_readonly():
            return
        from namndtui.tui.modals.forms import JusteringModal

        state = self.napp.state
        form = JusteringModal(
            S.JUSTERING_TITLE, state.justering_date, state.justering_time, state.justering_place
        )
        result = await self.app.push_screen_wait(form)
        if result is not None:
            self.act(acts.plan_justering, *result)

    def action_undo(self) -> None:
        self.post_message(UndoRequested())

    def action_redo(self) -> None:
        self.post_message(RedoRequested())

    def action_close(self) -> None:
        self.dismiss(None)


def adjuster_mark(state: RecordState, name: str) -> str:
    """The Justerare column: ✓ for a justerare, "ers." for the justerare's ersättare."""
    if name in state.adjusters:
        return "✓"
    return S.ADJUSTER_SUBSTITUTE_MARK if name == state.adjuster_substitute else ""


# --- what a row says ------------------------------------------------------------------------


def _when(template: str, number: int, at: str) -> str:
    """'från § 142' with its time when known: 'från § 142 kl. 19.10'."""
    when = template.format(number=number)
    return S.AT_TIME.format(when=when, time=clock(at)) if at else when


def taking_part_from(state: RecordState, change: AttendanceChange) -> int:
    """The § a change takes effect at, as the minutes count it: the § it was recorded at,
    or the next one handled when that § was already decided (minutes.model
    `after_the_decision`), or the next § to be given when there is none yet."""
    para = state.paragraphs.get(change.item)
    if para is None or para.number is None or not after_the_decision(change, para):
        return paragraph_number(state, change.item)
    return next_paragraph(state, para.number)


def next_paragraph(state: RecordState, number: int) -> int:
    """The § after `number`: the next one handled, or the next to be given."""
    later = [p.number for p in state.paragraphs.values() if (p.number or 0) > number]
    return min((n for n in later if n is not None), default=state.next_number)


def presence_text(state: RecordState, name: str) -> str:
    """The Närvaro cell: the latest arrival ("från § 142", the § she takes part from) or
    departure ("lämnade vid § 145", the § it was recorded at) with its time, else present
    / absent / not recorded."""
    changes = [c for c in acts.arrivals_and_departures(state, name) if c.item]
    if changes:
        change = changes[-1]
        if change.kind == "arrived":
            return _when(S.PRESENT_FROM, taking_part_from(state, change), change.at)
        return _when(S.LEFT_AT, paragraph_number(state, change.item), change.at)
    present = state.present.get(name)
    return S.NOT_SET if present is None else (S.PRESENT if present else S.ABSENT)


def member_story(state: RecordState, name: str) -> str:
    """Every arrival and departure of `name` with its time and the § it counts from (as
    the minutes say it), then the seat served."""
    parts = []
    for change in acts.arrivals_and_departures(state, name):
        if not change.item:
            continue
        template = S.ARRIVED_STORY if change.kind == "arrived" else S.LEFT_STORY
        at = S.STORY_AT.format(time=clock(change.at)) if change.at else ""
        parts.append(template.format(at=at, number=taking_part_from(state, change)))
    seat = state.serving_for.get(name)
    if seat:
        serves = S.STORY_SERVES.format(seat=seat)
        since = next((c for c in reversed(state.changes) if c.member == name), None)
        if since is not None and since.kind == "serves" and since.item:
            serves += " " + S.PRESENT_FROM.format(number=taking_part_from(state, since))
        parts.append(serves)
    return " · ".join(parts)
