"""The meeting screen: status line, agenda beside the current item, footer.

Keys turn into events (namndtui.record.events) sent through `NamndApp.apply`; forms are
modals awaited in workers. Before the first act on an item not yet handled, the screen
sends ItemCalled so the item gets its § and its call time.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import ContentSwitcher, Footer, OptionList, Static

from namndtui.model import Item, Meeting, Member
from namndtui.record.state import IN_PROGRESS, PENDING, Paragraph
from namndtui.secrecy.marking import DEFAULT_GROUND, secrecy_ground
from namndtui.tui import strings as S
from namndtui.tui.app import RecordChanged, lazy_module
from namndtui.tui.disk import DiskBanner
from namndtui.tui.typeahead import form_action
from namndtui.tui.widgets.agenda import AgendaList
from namndtui.tui.widgets.item_view import ItemPane, ProtokollView, ReportView
from namndtui.tui.widgets.status import StatusLine

if TYPE_CHECKING:
    from namndtui.record import events as ev
    from namndtui.tui.app import NamndApp
else:  # loaded on the first act, after the first frame (start-up time)
    ev = lazy_module("namndtui.record.events")


# Keys of the live meeting. The fixed ones come from FORMAT.md; ids allow remapping.
# The footer shows only the fixed keys that fit 80 columns (show=True); every binding is in
# the help screen and the palette with its tooltip (the long text).
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
    Binding("r", "reservation", S.KEY_RESERVATION, tooltip=S.HELP_RESERVATION, id="item.reservation"),
    Binding("a", "note", S.KEY_NOTE, tooltip=S.HELP_NOTE, id="item.note"),
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

MEETING_FILE = "meeting.toml"

# Below this width the footer is compact and leaves out the palette key (it is in `?`).
WIDE_FOOTER = 100


def binding_text(binding: Binding) -> str:
    """The long description of a binding (help, palette), else its footer label."""
    return binding.tooltip or binding.description


class MeetingScreen(Screen[None]):
    """Agenda + current item; the highlighted agenda item is the current item."""

    BINDINGS = MEETING_BINDINGS
    AUTO_FOCUS = "#agenda"

    def __init__(self, meeting: Meeting) -> None:
        super().__init__()
        self.meeting = meeting
        self.view = "report"
        self.start_item: str | None = None  # highlighted first instead of the current item
        self._shown_item: Item | None = None  # the item the report shows
        self._numbers: dict[str, int] | None = None  # prospective § numbers, per record change

    @property
    def napp(self) -> NamndApp:
        return self.app  # type: ignore[return-value]

    def compose(self) -> ComposeResult:
        yield StatusLine(id="status")
        yield DiskBanner(id="disk-banner")
        with Horizontal(id="main"):
            yield from self.main_widgets()
        yield Footer(id="footer")

    def main_widgets(self) -> list[Widget]:
        """The agenda and the item pane (built again when the agenda changes)."""
        views = ContentSwitcher(
            ReportView(self.meeting, id="report"),
            ProtokollView(id="protokoll"),
            initial="report",
            id="views",
        )
        return [
            AgendaList(self.meeting, self.napp.state, id="agenda"),
            ItemPane(views, id="item-pane"),
        ]

    def on_resize(self, event) -> None:
        wide = event.size.width >= WIDE_FOOTER
        footer = self.query_one(Footer)
        footer.compact = not wide
        footer.show_command_palette = wide

    def on_mount(self) -> None:
        self.start()
        if self.napp.readonly:
            self.add_class("-readonly")

    def start(self) -> None:
        """Highlight the first item to show (or the record's current one) and show it."""
        agenda = self.query_one(AgendaList)
        if self.meeting.items:
            start = 0
            current = self.start_item or self.napp.state.current_item
            if current and self.meeting.item(current) is not None:
                start = self.meeting.item_index(current)
            agenda.highlighted = start
        self.show_current()

    # --- showing ------------------------------------------------------------------------

    @property
    def current_item(self) -> Item | None:
        item_id = self.query_one(AgendaList).current_item_id
        return self.meeting.item(item_id) if item_id else None

    def paragraph(self, item: Item) -> Paragraph:
        return self.napp.state.paragraph(item.id)

    @on(OptionList.OptionHighlighted, "#agenda")
    def _highlighted(self) -> None:
        # j/k (and go_to_item) show the new item at once; this message comes later, after
        # the agenda's own redraw, and would cost a second redraw of the screen.
        if self.current_item is not self._shown_item:
            self.show_current()

    def secrecy_of(self, item: Item | None) -> str:
        """The legal ground the item is secret on ("" = public), as the record says."""
        if item is None:
            return ""
        return secrecy_ground(item, self.napp.state.paragraphs.get(item.id))

    def show_current(self) -> None:
        item = self._shown_item = self.current_item
        self.query_one(ReportView).show(item, self.secrecy_of(item))
        self.refresh_pane_title()
        if self.view == "protokoll":
            self.refresh_protokoll()
        self.refresh_status()

    def refresh_pane_title(self) -> None:
        pane = self.query_one(ItemPane)
        item = self.current_item
        para = self.paragraph(item) if item else None
        number = f"§ {para.number}  " if para and para.number is not None else ""
        tab = S.REPORT_TAB if self.view == "report" else S.MINUTES_TAB
        status = S.STATUS_NAMES.get(para.status, "") if para else ""
        hint = S.VIEW_HINT_REPORT if self.view == "report" else S.VIEW_HINT_MINUTES
        pane.set_titles(f"{number}{tab} · {hint}", status)

    def refresh_protokoll(self) -> None:
        item = self.current_item
        if item is None:
            self.query_one(ProtokollView).show("", interim=False)
            return
        text, interim = paragraph_text(self.meeting, self.napp.state, item)
        view = self.query_one(ProtokollView)
        if interim:
            view.show(text, interim)
            return
        from namndtui.tui.mdcontent import markdown_to_content

        view.show("", False)
        view.query_one("#protokoll-text", Static).update(markdown_to_content(text))

    def refresh_status(self) -> None:
        app = self.napp
        item = self.current_item
        para = self.paragraph(item) if item else None
        number = f"§ {para.number}" if para and para.number is not None else S.NO_PARAGRAPH
        prospective = item is not None and para is not None and para.number is None
        if prospective:
            number = S.PROSPECTIVE_PARAGRAPH.format(number=self.prospective_number(item))
        quorum_text, quorum_ok = quorum_of(app, item)
        if self.needs_roll_call():
            quorum_text, quorum_ok = S.NO_ROLL_CALL, False
        marker = ""
        if app.readonly:
            marker = S.REVIEW if app.review else S.READONLY
        elif app.state.breaks and not app.state.breaks[-1][1]:
            marker = S.ADJOURNED
        saved = app.saved_text()
        if app.minutes_note:
            saved = f"{saved} · {app.minutes_note}" if saved else app.minutes_note
        self.query_one(DiskBanner).show_text(app.disk.banner())
        self.query_one(StatusLine).set_parts(
            body=self.meeting.body,
            date=self.meeting.date.isoformat(),
            paragraph=number,
            quorum=quorum_text,
            quorum_ok=quorum_ok,
            saved=saved,
            marker=marker,
            prospective=prospective,
        )

    def prospective_number(self, item: Item) -> int:
        """The § a pending item gets in agenda order (as the agenda shows it, dim).

        Computed once per change of the record (not per key): the cache is dropped in
        on_record_changed and when the agenda is rebuilt.
        """
        if self._numbers is None:
            from namndtui.tui.widgets.agenda import prospective_numbers

            self._numbers = prospective_numbers(self.meeting, self.napp.state)
        return self._numbers.get(item.id, 0)

    def on_record_changed(self, message: RecordChanged) -> None:
        self._numbers = None
        agenda = self.query_one(AgendaList)
        agenda.refresh_items(self.napp.state, message.item_ids)
        report = self.query_one(ReportView)
        if report.secrecy != self.secrecy_of(report.item):  # marked or unmarked (S)
            report.show(report.item, self.secrecy_of(report.item))
        self.refresh_pane_title()
        if self.view == "protokoll":
            self.refresh_protokoll()
        self.refresh_status()

    # --- navigation and views -----------------------------------------------------------

    def action_agenda_up(self) -> None:
        self.query_one(AgendaList).action_cursor_up()
        self._highlighted()

    def action_agenda_down(self) -> None:
        self.query_one(AgendaList).action_cursor_down()
        self._highlighted()

    def action_toggle_view(self) -> None:
        self.view = "protokoll" if self.view == "report" else "report"
        self.query_one(ContentSwitcher).current = self.view
        if self.view == "protokoll":
            self.refresh_protokoll()
        self.refresh_pane_title()

    def action_next_section(self) -> None:
        if self.view != "report":
            self.action_toggle_view()
        if not self.query_one(ReportView).next_section():
            self.notify(S.SECTION_NONE, timeout=2)

    def action_previous_section(self) -> None:
        if self.view != "report":
            self.action_toggle_view()
        self.query_one(ReportView).previous_section()

    def action_report_page(self, direction: int) -> None:
        view = self.query_one(ReportView if self.view == "report" else ProtokollView)
        if direction > 0:
            view.scroll_page_down(animate=False)
        else:
            view.scroll_page_up(animate=False)

    def action_help(self) -> None:
        from namndtui.tui.screens.help import HelpScreen

        self.app.push_screen(HelpScreen())

    def action_quit(self) -> None:
        self.napp.action_quit()

    def action_undo(self) -> None:
        self.napp.undo()

    def action_redo(self) -> None:
        self.napp.redo()

    @form_action
    async def action_save_elsewhere(self) -> None:
        """ctrl+s: a copy of the whole journal (unsaved acts included) where the user says."""
        if self.napp.opening:
            self.napp.refuse_readonly()  # opens the deferred record first
        if self.napp.record is None:
            self.napp.refuse_readonly()
            return
        await self.napp.disk.ask_and_save_elsewhere()

    # --- recording helpers --------------------------------------------------------------

    def _target(self) -> Item | None:
        """The current item, when recording is possible at all (else a notice)."""
        if self.napp.refuse_readonly():
            return None
        item = self.current_item
        if item is None:
            self.notify(S.NO_ITEMS, severity="warning")
        return item

    def call_events(self, item: Item) -> list[ev.Event]:
        """ItemCalled first when the item has not been handled yet, and MeetingOpened
        before the first item of all when m was not pressed: the minutes' Tid then starts
        when the board began to decide, not when m was remembered later."""
        state = self.napp.state
        para = state.paragraphs.get(item.id)
        if para is None or (para.status == PENDING and para.number is None):
            now = self.napp.now_hhmm()
            opened: list[ev.Event] = [] if state.opened_at else [ev.MeetingOpened(at=now)]
            return [*opened, ev.ItemCalled(item=item.id, at=now)]
        return []

    def record(self, item: Item, *events: ev.Event) -> bool:
        return self.napp.apply(*self.call_events(item), *events)

    def number(self, item: Item) -> str:
        """The item's § for a form's title: a pending item gets the next number when the
        act is recorded (it is handled now), so that is the number the form names."""
        state = self.napp.state
        para = state.paragraphs.get(item.id)
        return str(para.number if para and para.number is not None else state.next_number)

    # --- roll call ----------------------------------------------------------------------
    # The record refuses every deciding act without quorum; on a fresh meeting that is
    # only because nobody has taken the roll call yet. Deciding keys then ask once
    # (one key) instead of sending the secretary to the attendance screen first.

    def needs_roll_call(self) -> bool:
        """No attendance at all is recorded (a fresh meeting) and the board has seats."""
        app = self.napp
        return not app.readonly and bool(self.meeting.seats) and not app.state.present

    async def roll_call_ready(self) -> bool:
        """True when a deciding act may go on; asks for the roll call when none is recorded.

        Enter: every seat holder present (AttendanceSet each), then True. Escape: the
        attendance screen opens and the act is not performed (False).
        """
        if not self.needs_roll_call():
            return True
        from namndtui.tui.modals.dialogs import ConfirmModal

        question = ConfirmModal(S.ROLL_CALL_QUESTION, yes=S.ROLL_CALL_YES, no=S.ROLL_CALL_NO)
        if not await self.app.push_screen_wait(question):
            self.action_attendance()
            return False
        return self.roll_call_all()

    def roll_call_all(self) -> bool:
        """Record every seat holder (ordinarie ledamot) as present."""
        seats = [m.name for m in self.meeting.seats]
        if self.napp.apply(*(ev.AttendanceSet(member=name, present=True) for name in seats)):
            self.notify(S.ROLL_CALL_DONE.format(count=len(seats)), markup=False, timeout=3)
            return True
        return False

    @form_action
    async def _after_roll_call(self, act: Callable[[], object]) -> None:
        if await self.roll_call_ready():
            act()

    # --- simple acts --------------------------------------------------------------------

    def action_decide(self) -> None:
        item = self._target()
        if item is None:
            return
        if not item.proposed_decision:
            self.notify(S.NO_PROPOSED_DECISION.format(key="e"), severity="warning", markup=False)
            return
        adopted = self.adopted_motion(item)
        if adopted is not None and adopted.kind != "bifall":
            # The chair found (or the vote gave) another proposal than the administration's:
            # "beslut enligt förslaget" would contradict the minutes' own proposition.
            hint = S.ADOPTED_HINTS.get(adopted.kind, S.ADOPTED_HINTS["ändring"])
            label = motion_label(self.meeting, adopted)
            self.notify(S.DECIDE_NOT_PROPOSAL.format(label=label, hint=hint), markup=False)
            return
        if self.needs_roll_call():  # asks first (a worker); else at once, in this key press
            self._after_roll_call(partial(self._decide, item))
        else:
            self._decide(item)

    def adopted_motion(self, item: Item):
        """The motion the chair found adopted or the last vote gave, if any."""
        para = self.napp.state.paragraphs.get(item.id)
        return para.motion(para.finding) if para is not None and para.finding else None

    def decision_draft(self, item: Item) -> list[str]:
        """The points the decision form opens with: the recorded decision; else what the
        adopted motion says (an avslag, an ändring's text, a tillägg after the proposal);
        else the proposed decision."""
        para = self.napp.state.paragraphs.get(item.id)
        if para is not None and para.decision:
            return list(para.decision)
        proposed = list(item.proposed_decision)
        adopted = self.adopted_motion(item)
        if adopted is None or (adopted.kind == "bifall" and not adopted.text):
            return proposed
        if adopted.kind == "avslag":
            return [S.DECISION_REJECTED]
        if adopted.kind == "tillägg" and adopted.text:
            return [*proposed, adopted.text]
        return [adopted.text] if adopted.text else proposed

    def _decide(self, item: Item) -> None:
        if self.record(item, ev.DecisionRecorded(item=item.id, points=item.proposed_decision)):
            self.notify(S.DECIDED.format(number=self.number(item)), markup=False, timeout=2)

    def action_toggle_oj(self) -> None:
        item = self._target()
        if item is None:
            return
        para = self.napp.state.paragraphs.get(item.id)
        current = item.immediate_justification
        if para is not None and para.immediate_justification is not None:
            current = para.immediate_justification
        if self.record(item, ev.ImmediateJustificationSet(item=item.id, value=not current)):
            msg = S.OJ_ON if not current else S.OJ_OFF
            self.notify(msg.format(number=self.number(item)), markup=False, timeout=2)

    def action_toggle_secrecy(self) -> None:
        """Mark the current item secret (on meeting.toml's ground, else OSL 26 kap. 1 §) or
        public again. Not an act of the board: the item is not called."""
        item = self._target()
        if item is None:
            return
        ground = "" if self.secrecy_of(item) else (item.secrecy.strip() or DEFAULT_GROUND)
        if self.napp.apply(ev.SecrecySet(item=item.id, ground=ground)):
            msg = S.SECRECY_ON if ground else S.SECRECY_OFF
            self.notify(msg.format(title=item.title, ground=ground), markup=False, timeout=3)

    @form_action
    async def action_table(self) -> None:
        item = self._target()
        if item is None:
            return
        if not await self.roll_call_ready():
            return
        from namndtui.tui.modals.dialogs import ConfirmModal

        question = S.CONFIRM_TABLE.format(number=self.number(item), title=item.title)
        if await self.app.push_screen_wait(ConfirmModal(question)) and self.record(
            item, ev.ItemTabled(item=item.id)
        ):
            self.notify(S.TABLED.format(number=self.number(item)), markup=False)

    @form_action
    async def action_refer_back(self) -> None:
        item = self._target()
        if item is None:
            return
        if not await self.roll_call_ready():
            return
        from namndtui.tui.modals.dialogs import TextModal

        title = S.REFER_TITLE.format(number=self.number(item))
        reason = await self.app.push_screen_wait(TextModal(title, S.REFER_REASON, allow_empty=True))
        if reason is not None and self.record(
            item, ev.ItemReferredBack(item=item.id, reason=reason)
        ):
            self.notify(S.REFERRED_BACK.format(number=self.number(item)), markup=False)

    @form_action
    async def action_open_close(self) -> None:
        if self.napp.refuse_readonly():
            return
        state = self.napp.state
        now = self.napp.now_hhmm()
        if not state.opened_at:
            if self.napp.apply(ev.MeetingOpened(at=now)):
                self.notify(S.MEETING_OPENED.format(time=now), markup=False)
            return
        from namndtui.tui.modals.dialogs import ConfirmModal

        question = S.CONFIRM_CLOSE.format(time=now)
        pending = [
            i
            for i in self.meeting.items
            if i.id not in state.paragraphs or state.paragraphs[i.id].status == PENDING
        ]
        if pending:
            question += " " + S.CLOSE_PENDING.format(count=len(pending))
        if not await self.app.push_screen_wait(ConfirmModal(question)):
            return
        # Omedelbar justering: the paragraphs decided with it are read out and approved
        # at the meeting; they are justified (locked, extracts "justerat") as it closes.
        immediate = [
            ev.ParagraphJustified(item=i.id) for i in self.meeting.items if self._justify_now(i)
        ]
        if self.napp.apply(ev.MeetingClosed(at=now), *immediate):
            self.notify(S.MEETING_CLOSED.format(time=now), markup=False)

    def _justify_now(self, item: Item) -> bool:
        """A settled § with omedelbar justering that is not justified yet."""
        para = self.napp.state.paragraphs.get(item.id)
        if para is None or para.number is None or para.justified:
            return False
        if para.status in (PENDING, IN_PROGRESS):
            return False
        wanted = para.immediate_justification
        return item.immediate_justification if wanted is None else wanted

    def action_adjourn(self) -> None:
        """A: ajournering from now; again: the meeting resumes (both times in the minutes)."""
        if self.napp.refuse_readonly():
            return
        state = self.napp.state
        now = self.napp.now_hhmm()
        if not state.opened_at:
            self.notify(S.ADJOURN_NOT_OPEN, severity="warning")
        elif state.breaks and not state.breaks[-1][1]:
            if self.napp.apply(ev.MeetingResumed(at=now)):
                self.notify(S.MEETING_RESUMED.format(time=now), markup=False)
        elif self.napp.apply(ev.MeetingAdjourned(at=now)):
            self.notify(S.MEETING_ADJOURNED.format(time=now), markup=False)

    # --- forms --------------------------------------------------------------------------

    @form_action
    async def action_edit_decision(self) -> None:
        item = self._target()
        if item is None:
            return
        if not await self.roll_call_ready():
            return
        from namndtui.tui.modals.forms import DecisionModal

        points = self.decision_draft(item)
        para = self.napp.state.paragraphs.get(item.id)
        locked = para is not None and para.justified
        template = S.CORRECTION_TITLE if locked else S.DECISION_TITLE
        title = template.format(number=self.number(item), title=item.title)
        result = await self.app.push_screen_wait(DecisionModal(title, points))
        if not result:
            return
        decision = ev.DecisionRecorded(item=item.id, points=tuple(result))
        if locked:
            # A justified § changes only as a rättelse with its reason (shown in the minutes).
            from namndtui.tui.modals.dialogs import TextModal

            reason = await self.app.push_screen_wait(
                TextModal(title, S.CORRECTION_REASON, allow_empty=False)
            )
            correction = ev.CorrectionMade(
                item=item.id, reason=reason or "", change=decision.to_dict()
            )
            if reason and self.napp.apply(correction):
                self.notify(S.CORRECTION_SAVED.format(number=self.number(item)), markup=False)
            return
        if self.record(item, decision):
            self.notify(S.DECISION_SAVED.format(number=self.number(item)), markup=False)

    @form_action
    async def action_motion(self) -> None:
        item = self._target()
        if item is None:
            return
        from namndtui.tui.modals.forms import MotionModal

        title = S.MOTION_TITLE.format(number=self.number(item), title=item.title)
        members = self._serving_members(item)
        result = await self.app.push_screen_wait(MotionModal(title, members))
        if result is None:
            return
        para = self.napp.state.paragraphs.get(item.id)
        motion_id = ev.next_motion_id([m.id for m in para.motions] if para else [])
        event = ev.MotionMade(
            item=item.id,
            motion=motion_id,
            by=result.by,
            kind=result.kind,
            text=result.text,
            joined=tuple(result.joined),
        )
        if self.record(item, event):  # the name only: one line at 80x24
            self.notify(
                S.MOTION_SAVED.format(number=self.number(item), who=result.by), markup=False
            )

    def _serving_members(self, item: Item) -> list[Member]:
        """Those who serve on the item, in meeting order: who may move, join, be recused
        or reserve (an ersättare who does not serve may speak but not move). Everyone
        before the roll call, so a form never opens empty; the record still decides."""
        from namndtui.record.procedure import serving

        names = serving(self.meeting, self.napp.state, item.id)
        return [m for m in self.meeting.members if m.name in names] or list(self.meeting.members)

    def _motion_choices(self, item: Item) -> list[tuple[str, str]]:
        para = self.napp.state.paragraphs.get(item.id)
        if para is None:
            return []
        return [(m.id, motion_label(self.meeting, m)) for m in para.active_motions]

    async def _pick_motion(self, item: Item, title: str, *, only_one: bool = False) -> str:
        """The motion an act is about ("" = none or cancelled); `only_one`: a single
        motion is taken without asking."""
        choices = self._motion_choices(item)
        if not choices:
            self.notify(S.NO_MOTIONS, severity="warning")
            return ""
        if only_one and len(choices) == 1:
            return choices[0][0]
        from namndtui.tui.modals.dialogs import PickModal

        return await self.app.push_screen_wait(PickModal(title, choices)) or ""

    @form_action
    async def action_withdraw(self) -> None:
        item = self._target()
        if item is None:
            return
        title = S.WITHDRAW_TITLE.format(number=self.number(item))
        motion = await self._pick_motion(item, title)
        if motion:
            self.record(item, ev.MotionWithdrawn(item=item.id, motion=motion))

    @form_action
    async def action_join(self) -> None:
        item = self._target()
        if item is None:
            return
        from namndtui.tui.modals.forms import MemberPickModal

        title = S.JOIN_TITLE.format(number=self.number(item))
        motion = await self._pick_motion(item, title, only_one=True)
        if not motion:
            return
        member = await self.app.push_screen_wait(
            MemberPickModal(title, S.JOIN_WHO, self._serving_members(item))
        )
        if member:
            self.record(item, ev.MotionJoined(item=item.id, motion=motion, member=member))

    @form_action
    async def action_finding(self) -> None:
        item = self._target()
        if item is None:
            return
        choices = self._motion_choices(item)
        if not choices:
            self.notify(S.NO_MOTIONS, severity="warning")
            return
        if not await self.roll_call_ready():
            return
        await self._ask_finding(item, choices)

    async def _ask_finding(
        self, item: Item, choices: list[tuple[str, str]], template: str = S.FINDING_TITLE
    ) -> bool:
        """The proposition order and the chair's finding, recorded; False if cancelled."""
        from namndtui.record.procedure import suggested_order
        from namndtui.tui.modals.forms import FindingModal

        para = self.napp.state.paragraph(item.id)
        order = list(para.proposition_order) or list(suggested_order(para))
        labels = dict(choices)
        title = template.format(number=self.number(item))
        motion = await self.app.push_screen_wait(
            FindingModal(title, [(m, labels[m]) for m in order if m in labels], choices)
        )
        if not motion:
            return False
        events: list[ev.Event] = []
        if order and list(para.proposition_order) != order:
            events.append(ev.PropositionOrderSet(item=item.id, order=tuple(order)))
        events.append(ev.ChairFinding(item=item.id, motion=motion))
        return self.record(item, *events)

    @form_action
    async def action_vote(self) -> None:
        item = self._target()
        if item is None:
            return
        para = self.napp.state.paragraph(item.id)
        if len(para.active_motions) < 2:
            self.notify(S.VOTE_NEED_TWO, severity="warning")
            return
        if not await self.roll_call_ready():
            return
        # A vote is demanded against the chair's finding ("…och finner att nämnden
        # beslutat enligt X. Votering begärs."): without one the minutes would have to
        # guess it from the vote, so it is asked first.
        if not para.finding and not para.votes:
            choices = self._motion_choices(item)
            if not await self._ask_finding(item, choices, S.FINDING_BEFORE_VOTE_TITLE):
                return
        from namndtui.tui.modals.vote import run_vote

        await run_vote(self, item)

    @form_action
    async def action_reservation(self) -> None:
        item = self._target()
        if item is None:
            return
        from namndtui.record.procedure import may_add_reservation_text, may_reserve
        from namndtui.tui.modals.forms import ReservationModal

        state = self.napp.state
        # Only those who served on the item are listed (with the reason when they may
        # not reserve); the others took no part in the decision. Who has reserved may
        # hand in the written text later (until the justering), so is offered for that.
        members = self._serving_members(item)
        reasons = {m.name: may_reserve(self.meeting, state, item.id, m.name) for m in members}
        texts = {
            name
            for name, reason in reasons.items()
            if reason and not may_add_reservation_text(self.meeting, state, item.id, name)
        }
        for name in texts:
            reasons[name] = ""
        if all(reasons.values()):  # nobody may: say why instead of an empty list
            distinct = set(reasons.values())
            reason = distinct.pop() if len(distinct) == 1 else S.RESERVATION_WHO_MAY
            self.notify(S.RESERVATION_NONE.format(reason=reason), severity="warning", markup=False)
            return
        title = S.RESERVATION_TITLE.format(number=self.number(item))
        form = ReservationModal(title, members, reasons, texts)
        result = await self.app.push_screen_wait(form)
        if result is None:
            return
        member, text = result
        event = ev.ReservationMade(item=item.id, member=member, text=text)
        # The text of a reservation made earlier: not an act on the item now (the meeting
        # may be closed), so the item is not called again.
        if self.napp.apply(event) if member in texts else self.record(item, event):
            saved = S.RESERVATION_TEXT_SAVED if member in texts else S.RESERVATION_SAVED
            self.notify(saved.format(number=self.number(item), who=member), markup=False)

    @form_action
    async def action_note(self) -> None:
        item = self._target()
        if item is None:
            return
        from namndtui.tui.modals.forms import NoteModal

        title = S.NOTE_TITLE.format(number=self.number(item))
        result = await self.app.push_screen_wait(NoteModal(title))
        if result is not None:
            by, text = result
            if self.record(item, ev.NoteAdded(item=item.id, text=text, by=by)):
                self.notify(S.NOTE_SAVED.format(number=self.number(item)), markup=False)

    @form_action
    async def action_recusal(self) -> None:
        item = self._target()
        if item is None:
            return
        from namndtui.tui.modals.forms import MemberPickModal

        title = S.RECUSAL_TITLE.format(number=self.number(item))
        member = await self.app.push_screen_wait(
            MemberPickModal(title, S.RECUSAL_WHO, self._serving_members(item))
        )
        if not member:
            return
        state = self.napp.state
        substitutes = [  # only someone who can step in (the record checks it again)
            m
            for m in self.meeting.substitutes
            if m.name != member and state.present.get(m.name) and m.name not in state.serving_for
        ]
        substitute = await self.app.push_screen_wait(
            MemberPickModal(title, S.RECUSAL_SUB, substitutes, optional=True)
        )
        if substitute is None:
            return
        self.record(item, ev.Recused(item=item.id, member=member, substitute=substitute))

    def action_attendance(self) -> None:
        from namndtui.tui.screens.attendance import AttendanceScreen

        self.app.push_screen(AttendanceScreen(self.meeting, self.current_item))

    # --- preparing: add an item from a file -----------------------------------------------

    @form_action
    async def action_import_item(self) -> None:
        """ctrl+o: import a report into meeting.toml and show it last on the agenda.

        Only before anything is recorded: the journal refers to items by id and the §
        numbers follow the agenda, so the agenda is fixed once the meeting is running.
        """
        app = self.napp
        if app.refuse_readonly():
            return
        if app.record is None or app.record.events:
            self.notify(S.IMPORT_REFUSED_RUNNING, severity="warning", markup=False, timeout=8)
            return
        if app.folder is None or not (app.folder / MEETING_FILE).is_file():
            self.notify(S.IMPORT_NO_FILE, severity="warning", markup=False)
            return
        from namndtui.tui.modals.import_item import ImportItemModal

        item = await self.app.push_screen_wait(ImportItemModal())
        if item is None:
            return
        if app.record.events:  # something was recorded meanwhile (cannot happen today)
            self.notify(S.IMPORT_REFUSED_RUNNING, severity="warning", markup=False)
            return
        await self.add_item(item)

    async def add_item(self, item: Item) -> None:
        """Append `item` to meeting.toml (atomic, validated), reload, go to it."""
        from dataclasses import replace

        from namndtui.errors import UserError
        from namndtui.importing.ids import unique_id
        from namndtui.importing.toml_out import append_item
        from namndtui.meetingfile import load_meeting
        from namndtui.record.fold import new_state

        app = self.napp
        path = app.folder / MEETING_FILE
        item = replace(item, id=unique_id(item.id, {i.id for i in self.meeting.items}))
        try:
            append_item(path, item)
            meeting = load_meeting(path)
        except UserError as err:
            app.show_error(err.message)
            return
        except OSError as err:
            app.show_error(S.SAVE_FAILED.format(reason=err.strerror or err))
            return
        # Nothing is recorded, so the record's state is the empty state of the new
        # agenda; the journal header names body and date only, which did not change.
        app.meeting = meeting
        app.record.meeting = meeting
        app.record.state = new_state(meeting)
        self.meeting = meeting
        self._numbers = None
        self.start_item = item.id
        self.view = "report"
        main = self.query_one("#main")
        await main.remove_children()
        await main.mount_all(self.main_widgets())
        self.start()
        self.query_one(AgendaList).focus()
        app.notify(S.IMPORT_ADDED.format(title=item.title, path=path), markup=False, timeout=6)

    # --- command palette ----------------------------------------------------------------

    def go_to_item(self, item_id: str) -> None:
        agenda = self.query_one(AgendaList)
        agenda.highlighted = self.meeting.item_index(item_id)
        agenda.focus()


def motion_label(meeting: Meeting, motion) -> str:
    """'y1 Anna Ek (M): avslag – text', plain text."""
    member = meeting.member(motion.by)
    who = member.label if member else motion.by
    kind = ev.MOTION_KINDS.get(motion.kind, motion.kind)
    text = f" – {motion.text}" if motion.text else ""
    return f"{motion.id} {who}: {kind}{text}"


def quorum_of(app: NamndApp, item: Item | None) -> tuple[str, bool | None]:
    """The quorum text for the status line and whether the board is beslutför."""
    if item is None or app.opening:  # the record opens right after the first frame
        return "", None
    try:
        if app.record is not None:
            q = app.record.quorum(item.id)
        else:
            from namndtui.record.procedure import quorum

            q = quorum(app.meeting, app.state, item.id)
    except Exception:  # the record is not there yet (or no attendance): show nothing
        return "", None
    ok = getattr(q, "ok", None)
    if ok is None:
        ok = getattr(q, "quorate", None)
    return q.text(), (bool(ok) if ok is not None else None)


def paragraph_text(meeting: Meeting, state, item: Item) -> tuple[str, bool]:
    """The paragraph as the minutes will read; (text, interim?)."""
    try:
        from namndtui.minutes.markdown import render_paragraph_markdown

        return render_paragraph_markdown(meeting, state, item.id), False
    except Exception:  # not there yet (or broken): show what is recorded, labelled interim
        return interim_paragraph_text(meeting, state, item), True


def interim_paragraph_text(meeting: Meeting, state, item: Item) -> str:
    """A plain rendering of what is recorded, until the minutes module exists."""
    para = state.paragraph(item.id)
    number = f"§ {para.number}" if para.number is not None else "§ –"
    lines = [f"{number}  {item.title}"]
    if item.dnr:
        lines.append(item.dnr_label)
    lines.append("")
    lines.append(S.STATUS_NAMES.get(para.status, para.status))
    for motion in para.active_motions:
        lines.append("Yrkande: " + motion_label(meeting, motion))
        if motion.joined:
            lines.append("  Instämmer: " + ", ".join(motion.joined))
    for vote in para.votes:
        ja, nej, avstar = vote.tally()
        lines.append(f"Votering {vote.round}: ja {ja}, nej {nej}, avstår {avstar}")
    if para.decision:
        lines.append("")
        lines.append("Beslut")
        lines += [f"{n}. {p}" for n, p in enumerate(para.decision, 1)]
    for r in para.reservations:
        lines.append(f"Reservation: {r.member}" + (f" – {r.text}" if r.text else ""))
    for n in para.notes:
        lines.append("Protokollsanteckning: " + (f"{n.by}: " if n.by else "") + n.text)
    for rec in para.recusals:
        lines.append(f"Jäv: {rec.member}")
    oj = para.immediate_justification
    if oj is None:
        oj = item.immediate_justification
    if oj:
        lines.append("Paragrafen justeras omedelbart.")
    return "\n".join(lines)
