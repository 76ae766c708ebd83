"""n: attendance. Every seat and substitute; present/absent, arrivals and departures at
the current §, which substitute serves for whom; adjusters and the justering."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Static

from namndtui.model import Item, Meeting
from namndtui.record import attendance_acts as acts
from namndtui.record.acts import paragraph_number
from namndtui.tui import strings as S
from namndtui.tui.bindings import fit_footer
from namndtui.tui.disk import DiskBanner
from namndtui.tui.labels import quorum_of, refusal
from namndtui.tui.messages import ActsRequested, RecordChanged, RedoRequested, UndoRequested
from namndtui.tui.text import user_text, ut
from namndtui.tui.typeahead import form_action
from namndtui.tui.widgets.footer import KeepFooter
from namndtui.tui.widgets.status import StatusLine

if TYPE_CHECKING:
    from namndtui.record.state import RecordState
    from namndtui.tui.app import NamndApp


class AttendanceScreen(Screen[None]):
    BINDINGS = [
        Binding("space", "toggle_present", "Närvaro", id="attendance.toggle"),
        Binding("j", "cursor(1)", S.KEY_DOWN, id="attendance.down", show=False),
        Binding("k", "cursor(-1)", S.KEY_UP, id="attendance.up", show=False),
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

    @property
    def napp(self) -> NamndApp:
        return self.app  # type: ignore[return-value]

    def compose(self) -> ComposeResult:
        yield StatusLine(id="status")
        yield DiskBanner(id="disk-banner")
        yield DataTable(id="attendance-table", cursor_type="row", zebra_stripes=True)
        yield Static(id="attendance-info")
        yield KeepFooter()

    def on_resize(self, event) -> None:
        fit_footer(self.query_one(Footer), event.size.width)

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns(*S.ATTENDANCE_COLUMNS)
        self.fill()
        table.focus()

    def fill(self) -> None:
        table = self.query_one(DataTable)
        row = table.cursor_row
        table.clear()
        state = self.napp.state
        for m in self.meeting.members:
            present = state.present.get(m.name)
            presence = S.NOT_SET if present is None else (S.PRESENT if present else S.ABSENT)
            change = acts.latest_change(state, m.name)
            if change is not None and change[1]:  # says when: "från § 142"
                kind, item_id, _at = change
                presence = (S.PRESENT_FROM if kind == "arrived" else S.LEFT_AT).format(
                    number=paragraph_number(state, item_id)
                )
            seat = state.serving_for.get(m.name, "")
            table.add_row(
                Text(ut(m.label)),
                Text(ut(m.role)),
                Text(presence),
                Text(adjuster_mark(state, m.name)),
                Text(ut(seat)),
                key=m.name,
            )
        if table.row_count:
            table.move_cursor(row=min(max(row, 0), table.row_count - 1))
        q, ok = "", None
        if not self.napp.opening:
            q, ok = quorum_of(self.meeting, state, self.item)
        just = " ".join(
            x for x in (state.justering_date, state.justering_time, state.justering_place) if x
        )
        info = f"{S.ATTENDANCE_KEYS}\n{q}" + (f" · Justering: {just}" if just else "")
        if self.item is not None and state.opened_at and not self.napp.readonly:
            # Before the key: the § (and time) an arrival or departure is recorded at.
            number = paragraph_number(state, self.item.id)
            info += " · " + S.ATTENDANCE_WHEN.format(number=number)
        self.query_one("#attendance-info", Static).update(user_text(info))
        self.query_one(DiskBanner).show_text(self.napp.disk.banner())
        self.query_one(StatusLine).set_parts(
            body=self.meeting.body,
            date=self.meeting.date.isoformat(),
            paragraph=S.ATTENDANCE_TITLE,
            quorum=q,
            quorum_ok=ok,
            saved=self.napp.saved_text(),
            marker=S.READONLY if self.napp.readonly else "",
        )

    def on_record_changed(self, message: RecordChanged) -> None:
        self.fill()

    def action_cursor(self, step: int) -> None:
        """j/k: the next/previous row, as on the meeting screen."""
        table = self.query_one(DataTable)
        table.action_cursor_down() if step > 0 else table.action_cursor_up()

    def chosen(self) -> str | None:
        table = self.query_one(DataTable)
        if not table.row_count:
            return None
        return table.coordinate_to_cell_key((table.cursor_row, 0)).row_key.value

    def _item_id(self) -> str:
        return self.item.id if self.item else ""

    def act(self, build: Any, *args: Any) -> None:
        """Ask the app to record the events of an act of record/acts.py; a refusal is a
        notice."""
        try:
            events = build(*args)
        except acts.RuleError as err:
            self.refuse(err)
            return
        if events:
            self.post_message(ActsRequested(events))

    def refuse(self, err: acts.RuleError) -> None:
        text, severity = refusal(self.meeting, err)
        self.notify(text, severity=severity, markup=False)  # type: ignore[arg-type]

    def action_toggle_present(self) -> None:
        name = self.chosen()
        if name:
            self.act(acts.toggle_present, self.napp.state, name)

    def action_all_present(self) -> None:
        self.act(acts.all_present, self.meeting, self.napp.state)

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
        if seat:
            self.act(acts.serves_for, self.napp.state, name, seat, self._item_id())

    def action_stops(self) -> None:
        name = self.chosen()
        if name and self.item:
            self.act(acts.substitute_stops, name, self.item.id)

    def action_arrived(self) -> None:
        name = self.chosen()
        if name and self.item:
            self.act(acts.arrived, name, self.item.id, self.napp.now_hhmm())

    def action_left(self) -> None:
        name = self.chosen()
        if name and self.item:
            self.act(acts.left, name, self.item.id, self.napp.now_hhmm())

    def action_adjuster(self) -> None:
        name = self.chosen()
        if name:
            self.act(acts.toggle_adjuster, self.napp.state, name)

    def action_adjuster_substitute(self) -> None:
        name = self.chosen()
        if name:
            self.act(acts.toggle_adjuster_substitute, self.napp.state, name)

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
