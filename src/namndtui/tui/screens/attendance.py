"""n: attendance. Every seat and substitute; present/absent, arrivals and departures at
the current §, which substitute serves for whom; adjusters and the justering."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Static

from namndtui.model import Item, Meeting
from namndtui.record import events as ev
from namndtui.tui import strings as S
from namndtui.tui.app import RecordChanged
from namndtui.tui.disk import DiskBanner
from namndtui.tui.text import user_text, ut
from namndtui.tui.typeahead import form_action
from namndtui.tui.widgets.status import StatusLine

if TYPE_CHECKING:
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
        yield Footer()

    def on_resize(self, event) -> None:
        from namndtui.tui.screens.meeting import WIDE_FOOTER

        footer = self.query_one(Footer)
        footer.compact = event.size.width < WIDE_FOOTER
        footer.show_command_palette = event.size.width >= WIDE_FOOTER

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
            seat = state.serving_for.get(m.name, "")
            table.add_row(
                Text(ut(m.label)),
                Text(ut(m.role)),
                Text(presence),
                Text("✓" if m.name in state.adjusters else ""),
                Text(ut(seat)),
                key=m.name,
            )
        if table.row_count:
            table.move_cursor(row=min(max(row, 0), table.row_count - 1))
        from namndtui.tui.screens.meeting import quorum_of

        q, ok = quorum_of(self.napp, self.item)
        just = " ".join(
            x for x in (state.justering_date, state.justering_time, state.justering_place) if x
        )
        info = f"{S.ATTENDANCE_KEYS}\n{q}" + (f" · Justering: {just}" if just else "")
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

    def action_toggle_present(self) -> None:
        name = self.chosen()
        if name:
            present = bool(self.napp.state.present.get(name))
            self.napp.apply(ev.AttendanceSet(member=name, present=not present))

    def action_all_present(self) -> None:
        state = self.napp.state
        events = [
            ev.AttendanceSet(member=m.name, present=True)
            for m in self.meeting.seats
            if state.present.get(m.name) is None
        ]
        if events:
            self.napp.apply(*events)

    @form_action
    async def action_serves_for(self) -> None:
        name = self.chosen()
        if not name or self.napp.refuse_readonly():
            return
        from namndtui.tui.modals.forms import MemberPickModal

        state = self.napp.state
        if not self.meeting.member(name).is_substitute:
            self.notify(S.SERVES_NOT_SUBSTITUTE.format(who=name), severity="warning", markup=False)
            return
        covered = set(state.serving_for.values())
        seats = [
            m for m in self.meeting.seats if not state.present.get(m.name) and m.name not in covered
        ]
        if not seats:  # say why instead of an empty list
            self.notify(S.SERVES_NO_SEAT, severity="warning")
            return
        seat = await self.app.push_screen_wait(
            MemberPickModal(S.SERVES_FOR_TITLE.format(who=ut(name)), "", seats)
        )
        if seat:
            events: list[ev.Event] = []
            if not self.napp.state.present.get(name):
                events.append(ev.AttendanceSet(member=name, present=True))
            item = self._item_id() if self.napp.state.opened_at else ""
            events.append(ev.SubstituteServes(substitute=name, for_member=seat, item=item))
            self.napp.apply(*events)

    def action_stops(self) -> None:
        name = self.chosen()
        if name and self.item:
            self.napp.apply(ev.SubstituteStops(substitute=name, item=self.item.id))

    def action_arrived(self) -> None:
        name = self.chosen()
        if name and self.item:
            self.napp.apply(
                ev.MemberArrived(member=name, item=self.item.id, at=self.napp.now_hhmm())
            )

    def action_left(self) -> None:
        name = self.chosen()
        if name and self.item:
            self.napp.apply(ev.MemberLeft(member=name, item=self.item.id, at=self.napp.now_hhmm()))

    def action_adjuster(self) -> None:
        name = self.chosen()
        if not name:
            return
        adjusters = list(self.napp.state.adjusters)
        if name in adjusters:
            adjusters.remove(name)
        else:
            adjusters.append(name)
        self.napp.apply(ev.AdjustersChosen(members=tuple(adjusters)))

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
            date, time, place = result
            self.napp.apply(ev.JusteringPlanned(date=date, time=time, place=place))

    def action_undo(self) -> None:
        self.napp.undo()

    def action_redo(self) -> None:
        self.napp.redo()

    def action_close(self) -> None:
        self.dismiss(None)
