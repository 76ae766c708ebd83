"""The meeting screen: status line, agenda beside the current item, footer.

A key calls the secretary's act (namndtui.record.acts), which decides the events (the
item's implicit call and the meeting's opening included) or refuses with a RuleError;
the screen sends the events through `NamndApp.apply` and shows the result. Forms are
modals awaited in workers.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, Any

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import ContentSwitcher, Footer, OptionList

from namndtui.model import Item, Meeting
from namndtui.record.state import Paragraph
from namndtui.secrecy.marking import secrecy_ground
from namndtui.tui import strings as S
from namndtui.tui.bindings import MEETING_BINDINGS, fit_footer
from namndtui.tui.disk import DiskBanner
from namndtui.tui.labels import motion_label, quorum_of, refusal, tally_text
from namndtui.tui.lazy import lazy_module
from namndtui.tui.messages import RecordChanged, RedoRequested, UndoRequested
from namndtui.tui.typeahead import form_action
from namndtui.tui.widgets.agenda import AgendaList
from namndtui.tui.widgets.footer import KeepFooter
from namndtui.tui.widgets.item_view import ItemPane, ProtokollView, ReportView
from namndtui.tui.widgets.status import StatusLine

if TYPE_CHECKING:
    from namndtui.record import acts
    from namndtui.record import events as ev
    from namndtui.record.procedure import RuleError
    from namndtui.tui.app import NamndApp
else:  # loaded on the first act, after the first frame (start-up time)
    acts = lazy_module("namndtui.record.acts")
    ev = lazy_module("namndtui.record.events")


MEETING_FILE = "meeting.toml"


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
        yield KeepFooter(id="footer")

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
        fit_footer(self.query_one(Footer), event.size.width)

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
        """The current item's paragraph as the minutes will read."""
        view = self.query_one(ProtokollView)
        item = self.current_item
        if item is None:
            view.show(Content(""))
            return
        from namndtui.minutes.markdown import render_paragraph_markdown
        from namndtui.tui.mdcontent import markdown_to_content

        try:
            text = render_paragraph_markdown(self.meeting, self.napp.state, item.id)
        except Exception as err:  # a renderer bug: the error modal says so, no stand-in text
            view.show(Content(""))
            self.napp.show_error(
                S.MINUTES_RENDER_FAILED.format(reason=f"{type(err).__name__}: {err}")
            )
            return
        view.show(markdown_to_content(text))

    def refresh_status(self) -> None:
        app = self.napp
        item = self.current_item
        para = self.paragraph(item) if item else None
        number = f"§ {para.number}" if para and para.number is not None else S.NO_PARAGRAPH
        prospective = item is not None and para is not None and para.number is None
        if prospective:
            number = S.PROSPECTIVE_PARAGRAPH.format(number=self.prospective_number(item))
        quorum_text, quorum_ok = "", None
        if not app.opening:  # the record opens right after the first frame
            quorum_text, quorum_ok = quorum_of(self.meeting, app.state, item)
        if self.needs_roll_call():
            quorum_text, quorum_ok = S.NO_ROLL_CALL, False
        marker = ""
        if app.readonly:
            marker = S.REVIEW if app.review else S.READONLY
        elif app.state.closed_at:
            marker = S.CLOSED
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
        self.post_message(UndoRequested())

    def action_redo(self) -> None:
        self.post_message(RedoRequested())

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

    def _target(self, *, sitting: bool = False) -> Item | None:
        """The current item, when recording is possible at all (else a notice).
        `sitting`: an act of the sitting board, refused at the key (before its form
        opens) after the close or during an ajournering."""
        if self.napp.refuse_readonly():
            return None
        item = self.current_item
        if item is None:
            self.notify(S.NO_ITEMS, severity="warning")
            return None
        if sitting:
            try:
                acts.may_sit(self.napp.state)
            except acts.RuleError as err:
                self.refuse(err)
                return None
        return item

    def refuse(self, err: RuleError) -> None:
        """The record refused an act: say why (naming the key to use instead, if any)."""
        text, severity = refusal(self.meeting, err)
        self.notify(text, severity=severity, markup=False)  # type: ignore[arg-type]

    def act(self, build: Callable[..., list[ev.Event]], *args: Any, **kwargs: Any) -> bool:
        """Apply what the act `build(meeting, state, *args, **kwargs)` (record/acts.py)
        gives; a refusal is a notice. True when recorded."""
        try:
            events = build(self.meeting, self.napp.state, *args, **kwargs)
        except acts.RuleError as err:
            self.refuse(err)
            return False
        return self.napp.apply(*events)

    def record(self, item: Item, *events: ev.Event) -> bool:
        """`events` on the item, after its implicit call (acts.call_events)."""
        return self.act(acts.on_item, item.id, self.napp.now_hhmm, *events)

    def number(self, item: Item) -> str:
        """The item's § for a form's title (a pending item: the number it gets now)."""
        return str(acts.paragraph_number(self.napp.state, item.id))

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
        from namndtui.record.attendance_acts import roll_call

        if self.napp.apply(*roll_call(self.meeting)):
            count = len(self.meeting.seats)
            self.notify(S.ROLL_CALL_DONE.format(count=count), markup=False, timeout=3)
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
        try:  # refused before the roll call is asked for
            proposed = acts.may_decide_as_proposed(self.meeting, self.napp.state, item.id)
        except acts.RuleError as err:
            self.refuse(err)
            return
        recorded = acts.recorded_decision(self.napp.state, item.id)
        if recorded is not None:  # a decision is there: asked before it is replaced
            if recorded == list(proposed.proposed_decision):
                self.notify(S.DECIDED_ALREADY.format(number=self.number(item)), markup=False)
                return
            self._replace_decision(item, recorded)
        elif self.needs_roll_call():  # asks first (a worker); else at once, in this key press
            self._after_roll_call(partial(self._decide, item))
        else:
            self._decide(item)

    def _decide(self, item: Item, reason: str = "") -> None:
        if self.act(acts.decide_as_proposed, item.id, self.napp.now_hhmm, reason):
            self.notify(S.DECIDED.format(number=self.number(item)), markup=False, timeout=2)

    @form_action
    async def _replace_decision(self, item: Item, recorded: list[str]) -> None:
        """b on a decided §: the recorded decision is shown and replaced only on yes; on a
        justified § as a rättelse with its reason (the record's correction rules)."""
        from namndtui.tui.modals.dialogs import ConfirmModal, TextModal

        number = self.number(item)
        locked = acts.is_locked(self.napp.state, item.id)
        template = S.CONFIRM_REPLACE_LOCKED if locked else S.CONFIRM_REPLACE
        question = template.format(number=number, decision=" ".join(recorded))
        if not await self.app.push_screen_wait(ConfirmModal(question)):
            return
        reason = ""
        if locked:
            title = S.CORRECTION_TITLE.format(number=number, title=item.title)
            reason = await self.app.push_screen_wait(
                TextModal(title, S.CORRECTION_REASON, allow_empty=False)
            )
            if not reason:
                return
        self._decide(item, reason)

    def action_toggle_oj(self) -> None:
        item = self._target()
        if item is None:
            return
        if self.act(acts.toggle_immediate_justification, item.id, self.napp.now_hhmm):
            on = acts.immediate_justification(self.meeting, self.napp.state, item.id)
            msg = S.OJ_ON if on else S.OJ_OFF
            self.notify(msg.format(number=self.number(item)), markup=False, timeout=2)

    def action_toggle_secrecy(self) -> None:
        item = self._target()
        if item is None:
            return
        if self.act(acts.toggle_secrecy, item.id):
            ground = self.secrecy_of(item)
            msg = S.SECRECY_ON if ground else S.SECRECY_OFF
            self.notify(msg.format(title=item.title, ground=ground), markup=False, timeout=3)

    @form_action
    async def action_table(self) -> None:
        item = self._target(sitting=True)
        if item is None:
            return
        if not await self.roll_call_ready():
            return
        from namndtui.tui.modals.dialogs import ConfirmModal

        question = S.CONFIRM_TABLE.format(number=self.number(item), title=item.title)
        if await self.app.push_screen_wait(ConfirmModal(question)) and self.act(
            acts.table, item.id, self.napp.now_hhmm
        ):
            self.notify(S.TABLED.format(number=self.number(item)), markup=False)

    @form_action
    async def action_presenter(self) -> None:
        item = self._target()
        if item is None:
            return
        from namndtui.tui.modals.dialogs import TextModal

        title = S.PRESENTER_TITLE.format(number=self.number(item))
        current = self.napp.state.paragraph(item.id).presenter
        form = TextModal(title, S.PRESENTER_WHO, value=current, allow_empty=True)
        name = await self.app.push_screen_wait(form)
        if name and self.act(acts.presenter, item.id, name, self.napp.now_hhmm):
            self.notify(S.PRESENTER_SAVED.format(number=self.number(item), who=name), markup=False)

    @form_action
    async def action_adjustment_note(self) -> None:
        item = self._target()
        if item is None:
            return
        from namndtui.tui.modals.dialogs import TextModal
        from namndtui.tui.modals.forms import MemberPickModal

        state = self.napp.state
        adjusters = [m for m in self.meeting.members if m.name in state.adjusters]
        if not adjusters:
            self.notify(S.ADJUSTMENT_NOTE_NO_ADJUSTERS, severity="warning", markup=False)
            return
        title = S.ADJUSTMENT_NOTE_TITLE.format(number=self.number(item))
        who = adjusters[0].name
        if len(adjusters) > 1:
            form = MemberPickModal(title, S.ADJUSTMENT_NOTE_WHO, adjusters)
            who = await self.app.push_screen_wait(form)
            if not who:
                return
        text = await self.app.push_screen_wait(TextModal(title, S.ADJUSTMENT_NOTE_TEXT))
        if text and self.act(acts.adjustment_note, item.id, who, text):
            saved = S.ADJUSTMENT_NOTE_SAVED.format(number=self.number(item), who=who)
            self.notify(saved, markup=False)

    @form_action
    async def action_refer_back(self) -> None:
        item = self._target(sitting=True)
        if item is None:
            return
        if not await self.roll_call_ready():
            return
        from namndtui.tui.modals.dialogs import TextModal

        title = S.REFER_TITLE.format(number=self.number(item))
        reason = await self.app.push_screen_wait(TextModal(title, S.REFER_REASON, allow_empty=True))
        if reason is not None and self.act(acts.refer_back, item.id, reason, self.napp.now_hhmm):
            self.notify(S.REFERRED_BACK.format(number=self.number(item)), markup=False)

    @form_action
    async def action_open_close(self) -> None:
        if self.napp.refuse_readonly():
            return
        state = self.napp.state
        now = self.napp.now_hhmm()
        if not state.opened_at:
            if self.act(lambda _m, state: acts.open_meeting(state, now)):
                self.notify(S.MEETING_OPENED.format(time=now), markup=False)
            return
        from namndtui.tui.modals.dialogs import ConfirmModal

        question = S.CONFIRM_CLOSE.format(time=now)
        pending = acts.pending_items(self.meeting, state)
        if pending:
            question += " " + S.CLOSE_PENDING.format(count=len(pending))
        if not await self.app.push_screen_wait(ConfirmModal(question)):
            return
        if self.act(acts.close_meeting, now):
            self.notify(S.MEETING_CLOSED.format(time=now), markup=False)

    def action_adjourn(self) -> None:
        """A: ajournering from now; again: the meeting resumes (both times in the minutes)."""
        if self.napp.refuse_readonly():
            return
        now = self.napp.now_hhmm()
        resuming = acts.is_adjourned(self.napp.state)
        if self.act(lambda _m, state: acts.adjourn(state, now)):
            done = S.MEETING_RESUMED if resuming else S.MEETING_ADJOURNED
            self.notify(done.format(time=now), markup=False)

    # --- forms --------------------------------------------------------------------------

    @form_action
    async def action_edit_decision(self) -> None:
        item = self._target()
        if item is None:
            return
        if not await self.roll_call_ready():
            return
        from namndtui.tui.modals.forms import DecisionModal

        points = acts.decision_draft(self.meeting, self.napp.state, item.id)
        locked = acts.is_locked(self.napp.state, item.id)
        template = S.CORRECTION_TITLE if locked else S.DECISION_TITLE
        title = template.format(number=self.number(item), title=item.title)
        result = await self.app.push_screen_wait(DecisionModal(title, points))
        if not result:
            return
        if locked:
            # A justified § changes only as a rättelse with its reason (shown in the minutes).
            from namndtui.tui.modals.dialogs import TextModal

            reason = await self.app.push_screen_wait(
                TextModal(title, S.CORRECTION_REASON, allow_empty=False)
            )
            if reason and self.act(acts.edit_decision, item.id, result, "", reason=reason):
                self.notify(S.CORRECTION_SAVED.format(number=self.number(item)), markup=False)
            return
        if self.act(acts.edit_decision, item.id, result, self.napp.now_hhmm):
            self.notify(S.DECISION_SAVED.format(number=self.number(item)), markup=False)

    @form_action
    async def action_motion(self) -> None:
        item = self._target(sitting=True)
        if item is None:
            return
        if not await self.roll_call_ready():
            return
        from namndtui.tui.modals.forms import MotionModal

        title = S.MOTION_TITLE.format(number=self.number(item), title=item.title)
        members = acts.serving_members(self.meeting, self.napp.state, item.id)
        result = await self.app.push_screen_wait(MotionModal(title, members))
        if result is None:
            return
        made = self.act(
            acts.motion,
            item.id,
            by=result.by,
            kind=result.kind,
            text=result.text,
            joined=result.joined,
            at=self.napp.now_hhmm,
        )
        if made:  # the name only: one line at 80x24
            self.notify(
                S.MOTION_SAVED.format(number=self.number(item), who=result.by), markup=False
            )

    def _motion_choices(self, item: Item) -> list[tuple[str, str]]:
        motions = acts.active_motions(self.napp.state, item.id)
        return [(m.id, motion_label(self.meeting, m)) for m in motions]

    async def _pick_motion(self, item: Item, title: str, *, only_one: bool = False) -> str:
        """The motion an act is about ("" = none or cancelled); `only_one`: a single
        motion is taken without asking."""
        choices = self._motion_choices(item)
        if not choices:
            self.refuse(acts.NoMotions())
            return ""
        if only_one and len(choices) == 1:
            return choices[0][0]
        from namndtui.tui.modals.dialogs import PickModal

        return await self.app.push_screen_wait(PickModal(title, choices)) or ""

    @form_action
    async def action_withdraw(self) -> None:
        item = self._target(sitting=True)
        if item is None:
            return
        title = S.WITHDRAW_TITLE.format(number=self.number(item))
        motion = await self._pick_motion(item, title)
        if motion:
            self.act(acts.withdraw, item.id, motion, self.napp.now_hhmm)

    @form_action
    async def action_join(self) -> None:
        item = self._target(sitting=True)
        if item is None:
            return
        if not await self.roll_call_ready():
            return
        from namndtui.tui.modals.forms import MemberPickModal

        title = S.JOIN_TITLE.format(number=self.number(item))
        motion = await self._pick_motion(item, title, only_one=True)
        if not motion:
            return
        members = acts.serving_members(self.meeting, self.napp.state, item.id)
        member = await self.app.push_screen_wait(
            MemberPickModal(title, S.JOIN_WHO, members, need=S.JOIN_NEED_MEMBER)
        )
        if member:
            self.act(acts.join, item.id, motion, member, self.napp.now_hhmm)

    @form_action
    async def action_finding(self) -> None:
        item = self._target(sitting=True)
        if item is None:
            return
        if not self._motion_choices(item):
            self.refuse(acts.NoMotions())
            return
        if not await self.roll_call_ready():
            return
        await self._ask_finding(item)

    async def _ask_finding(self, item: Item, template: str = S.FINDING_TITLE) -> bool:
        """Put the next question (record/questions.py: formal motions first; the chair may
        take another that may be put now) and record the chair's finding; False when there
        is none or the form was cancelled."""
        from namndtui.minutes import beslutsgang as bg
        from namndtui.record import questions as qs
        from namndtui.tui.modals.forms import FindingModal

        try:
            now = acts.questions_now(self.meeting, self.napp.state, item.id)
        except acts.RuleError as err:
            self.refuse(err)
            return False
        para = self.napp.state.paragraph(item.id)
        label = lambda q: bg.question_label(self.meeting, item, para, q)  # noqa: E731
        q = now[0]
        if len(now) > 1:  # e.g. two formal motions: the chair chooses which goes first
            from namndtui.tui.modals.dialogs import PickModal

            title = S.QUESTION_PICK_TITLE.format(number=self.number(item))
            choices = [(x.key, label(x)) for x in now]
            key = await self.app.push_screen_wait(PickModal(title, choices))
            if not key:
                return False
            q = next(x for x in now if x.key == key)
        choices = [(p, bg.finding_label(self.meeting, item, para, q, p)) for p in q.proposals]
        title = template.format(number=self.number(item), question=label(q))
        order = [(x.key, label(x)) for x in qs.still_to_put(item, para)]
        found = await self.app.push_screen_wait(FindingModal(title, order, choices))
        if not found or not self.act(acts.put_question, item.id, q.key, found, self.napp.now_hhmm):
            return False
        self._say_what_is_next(item)
        return True

    def _say_what_is_next(self, item: Item) -> None:
        """After a finding or a vote: the item ended, the next question, or the decision."""
        from namndtui.minutes import beslutsgang as bg
        from namndtui.record import questions as qs

        para = self.napp.state.paragraph(item.id)
        number = self.number(item)
        if (stop := qs.ended(item, para)) is not None:
            outcome = "återremitteras" if stop.kind == "återremiss" else "bordläggs"
            self.notify(S.ITEM_ENDS.format(number=number, outcome=outcome), markup=False)
        elif (q := qs.next_question(item, para)) is not None:
            label = bg.question_label(self.meeting, item, para, q)
            self.notify(S.NEXT_QUESTION.format(number=number, question=label), markup=False)
        elif para.decision is None:
            self.notify(S.QUESTIONS_DONE.format(number=number), markup=False)

    @form_action
    async def action_vote(self) -> None:
        item = self._target(sitting=True)
        if item is None:
            return
        try:
            acts.may_vote(self.meeting, self.napp.state, item.id)
        except acts.RuleError as err:
            self.refuse(err)
            return
        if not await self.roll_call_ready():
            return
        first = acts.needs_finding_before_vote(self.meeting, self.napp.state, item.id)
        if first and not await self._ask_finding(item, S.FINDING_BEFORE_VOTE_TITLE):
            return
        demanded_by = await self._ask_demanded_by(item)
        if demanded_by is None:
            return
        from namndtui.tui.modals.vote import run_vote

        await run_vote(self.napp, self.meeting, item, self.act, demanded_by)
        self._say_what_is_next(item)

    async def _ask_demanded_by(self, item: Item) -> str | None:
        """Who demands the vote (optional: enter on "ingen" skips), asked when the question's
        vote has not begun; "" = not given, None = cancelled."""
        from namndtui.record import questions as qs
        from namndtui.tui.modals.forms import MemberPickModal

        q = qs.current_question(item, self.napp.state.paragraph(item.id))
        if q is None or q.rounds:
            return ""
        title = S.VOTE_DEMANDED_TITLE.format(number=self.number(item))
        members = acts.serving_members(self.meeting, self.napp.state, item.id)
        form = MemberPickModal(title, S.VOTE_DEMANDED_BY, members, optional=True)
        return await self.app.push_screen_wait(form)

    @form_action
    async def action_correct(self) -> None:
        """c: put right a ballot of a counted round or a motion's text (röst rättad,
        yrkande ändrat), without undoing what was recorded since; on a justified § as a
        rättelse with its reason."""
        item = self._target()
        if item is None:
            return
        from namndtui.tui.modals.dialogs import PickModal, TextModal

        state, number = self.napp.state, self.number(item)
        choices = [
            (f"round:{r.round}", S.CORRECT_BALLOT.format(round=r.round, tally=tally_text(r)))
            for r in acts.counted_rounds(state, item.id)
        ] + [
            (f"motion:{m.id}", S.CORRECT_MOTION.format(label=motion_label(self.meeting, m)))
            for m in acts.active_motions(state, item.id)
        ]
        if not choices:
            self.notify(S.CORRECT_NOTHING.format(number=number), markup=False)
            return
        title = S.CORRECT_TITLE.format(number=number)
        chosen = await self.app.push_screen_wait(PickModal(title, choices, S.CORRECT_HINT))
        if not chosen:
            return
        reason = ""
        if acts.is_locked(state, item.id):
            reason = await self.app.push_screen_wait(
                TextModal(title, S.CORRECTION_REASON, allow_empty=False)
            )
            if not reason:
                return
        kind, _, key = chosen.partition(":")
        if kind == "round":
            from namndtui.tui.modals.vote import BallotCorrectionModal

            modal = BallotCorrectionModal(self.meeting, item, int(key), self.act, reason)
            await self.app.push_screen_wait(modal)
            return
        motion = self.napp.state.paragraph(item.id).motion(key)
        label = S.MOTION_AMEND_LABEL
        text = await self.app.push_screen_wait(
            TextModal(title, label, value=motion.text if motion else "", allow_empty=True)
        )
        if text is not None and self.act(acts.amend_motion, item.id, key, text, reason):
            self.notify(S.MOTION_AMENDED.format(number=number, motion=key), markup=False)

    @form_action
    async def action_reservation(self) -> None:
        item = self._target()
        if item is None:
            return
        if not await self.roll_call_ready():
            return
        from namndtui.tui.modals.forms import ReservationModal

        # Only those who served on the item are listed (with the reason when they may
        # not reserve); the others took no part in the decision. Who has reserved may
        # hand in the written text later (until the justering), so is offered for that.
        try:
            choices = acts.reservation_choices(self.meeting, self.napp.state, item.id)
        except acts.RuleError as err:  # nobody may: say why instead of an empty list
            self.refuse(err)
            return
        title = S.RESERVATION_TITLE.format(number=self.number(item))
        form = ReservationModal(title, choices.members, choices.reasons, choices.texts)
        result = await self.app.push_screen_wait(form)
        if result is None:
            return
        member, text = result
        if self.act(acts.reservation, item.id, member, text, self.napp.now_hhmm):
            saved = S.RESERVATION_TEXT_SAVED if member in choices.texts else S.RESERVATION_SAVED
            self.notify(saved.format(number=self.number(item), who=member), markup=False)

    @form_action
    async def action_note(self) -> None:
        item = self._target(sitting=True)
        if item is None:
            return
        if not await self.roll_call_ready():
            return
        from namndtui.tui.modals.forms import NoteModal

        title = S.NOTE_TITLE.format(number=self.number(item))
        result = await self.app.push_screen_wait(NoteModal(title, list(self.meeting.members)))
        if result is not None:
            by, text = result
            if self.act(acts.note, item.id, by, text, self.napp.now_hhmm):
                self.notify(S.NOTE_SAVED.format(number=self.number(item)), markup=False)

    @form_action
    async def action_recusal(self) -> None:
        item = self._target(sitting=True)
        if item is None:
            return
        if not await self.roll_call_ready():
            return
        from namndtui.tui.modals.forms import MemberPickModal

        title = S.RECUSAL_TITLE.format(number=self.number(item))
        members = acts.serving_members(self.meeting, self.napp.state, item.id)
        member = await self.app.push_screen_wait(
            MemberPickModal(title, S.RECUSAL_WHO, members, need=S.RECUSAL_NEED_MEMBER)
        )
        if not member:
            return
        substitutes = acts.recusal_substitutes(self.meeting, self.napp.state, member)
        substitute = await self.app.push_screen_wait(
            MemberPickModal(title, S.RECUSAL_SUB, substitutes, optional=True)
        )
        if substitute is None:
            return
        self.act(acts.recusal, item.id, member, substitute, self.napp.now_hhmm)

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
