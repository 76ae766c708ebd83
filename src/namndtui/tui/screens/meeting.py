"""The meeting screen: status line, agenda beside the current item, footer.

This module holds what the screen shows (the status line, the pane's title, the report
and the minutes of the current item), moving in the agenda and between the views, and
adding an item from a file before the meeting runs. The keys that record are inherited,
each family from a module of its own:

- `recording.py`: the item a key acts on, `act` (record/acts.py → `NamndApp.apply`),
  the refusal notice;
- `roll_call.py`: the roll-call prompt before a deciding act, the attendance screen;
- `item_acts.py`: decide, edit the decision, table, refer back, OJ, secrecy, presenter,
  justeringsanteckning, reservation, note, recusal;
- `motion_acts.py`: motions made, withdrawn, joined, corrected;
- `question_flow.py`: the chair's finding and the vote;
- `sitting_acts.py`: open/close the meeting, ajournering.

The families are mixins, not Screen subclasses: Textual processes each Screen class when
it is defined (its bindings, reactives and the names of all its attributes, ~0.5 ms
each, before the first frame), so only MeetingScreen, on RollCallScreen, is one.
Forms are modals awaited in workers.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.widget import Widget
from textual.widgets import ContentSwitcher, Footer, OptionList

from namndtui.model import Item, Meeting
from namndtui.storage import os_reason
from namndtui.tui import strings as S
from namndtui.tui.bindings import MEETING_BINDINGS, fit_footer
from namndtui.tui.disk import DiskBanner
from namndtui.tui.labels import quorum_of
from namndtui.tui.messages import RecordChanged, RedoRequested, UndoRequested
from namndtui.tui.screens.item_acts import ItemActs
from namndtui.tui.screens.motion_acts import MotionActs
from namndtui.tui.screens.question_flow import QuestionFlow
from namndtui.tui.screens.roll_call import RollCallScreen
from namndtui.tui.screens.sitting_acts import SittingActs
from namndtui.tui.typeahead import form_action
from namndtui.tui.widgets.agenda import AgendaList
from namndtui.tui.widgets.footer import KeepFooter
from namndtui.tui.widgets.item_view import ItemPane, ProtokollView, ReportView
from namndtui.tui.widgets.status import StatusLine

MEETING_FILE = "meeting.toml"


class MeetingScreen(ItemActs, MotionActs, QuestionFlow, SittingActs, RollCallScreen):
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

    def compose(self) -> ComposeResult:
        yield StatusLine(id="status")  # and under it the disk banner, when it has to say
        with Horizontal(id="main"):
            yield from self.main_widgets()
        yield KeepFooter(id="footer")

    def main_widgets(self) -> list[Widget]:
        """The agenda and the item pane (built again when the agenda changes); the item
        pane's minutes view is mounted when first asked for (`action_toggle_view`)."""
        views = ContentSwitcher(ReportView(self.meeting, id="report"), initial="report", id="views")
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

    @on(OptionList.OptionHighlighted, "#agenda")
    def _highlighted(self) -> None:
        # j/k (and go_to_item) show the new item at once; this message comes later, after
        # the agenda's own redraw, and would cost a second redraw of the screen.
        if self.current_item is not self._shown_item:
            self.show_current()

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

        try:
            text = render_paragraph_markdown(self.meeting, self.napp.state, item.id)
        except Exception as err:  # a renderer bug: the error modal says so, no stand-in text
            view.show(Content(""))
            self.napp.show_error(
                S.MINUTES_RENDER_FAILED.format(reason=f"{type(err).__name__}: {err}")
            )
            return
        view.show_markdown(text)

    def show_disk_banner(self, text: str) -> None:
        """The disk banner under the status line; mounted when it first has something to
        say (acts waiting for the disk), not for the first frame, and kept from then on."""
        banners = self.query(DiskBanner)
        if banners:
            banners.first().show_text(text)
        elif text:
            banner = DiskBanner(id="disk-banner")
            banner.show_text(text)
            self.mount(banner, after=self.query_one(StatusLine))

    def refresh_status(self) -> None:
        app = self.napp
        item = self.current_item
        para = self.paragraph(item) if item else None
        number = f"§ {para.number}" if para and para.number is not None else S.NO_PARAGRAPH
        prospective = item is not None and para is not None and para.number is None
        if prospective:  # the § a form on it names: the one it gets when recorded now
            number = S.PROSPECTIVE_PARAGRAPH.format(number=self.number(item))
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
        self.show_disk_banner(app.disk.banner())
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
        switcher = self.query_one(ContentSwitcher)
        if self.view == "protokoll" and not switcher.query(ProtokollView):
            switcher.mount(ProtokollView(id="protokoll"))  # not for the first frame
        switcher.current = self.view
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

        self.app.push_screen(HelpScreen(self.napp.user_keymap))

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
            app.show_error(S.SAVE_FAILED.format(reason=os_reason(err)))
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
