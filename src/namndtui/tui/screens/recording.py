"""The meeting screen's base for recording: the item a key acts on, the act, the refusal.

A key asks for the secretary's act (namndtui.record.acts), which decides the events (the
item's implicit call and the meeting's opening included) or refuses with a RuleError:
`act` posts it to the app as `ActsRequested` (tui/messages.py), and the app decides the
events on its state, applies them (journal + fsync) and only then runs the screen's
acknowledgement (`done`); a form's worker awaits the same with `acted`. The
screens built on this one (roll_call, meeting, and the act families meeting.py mixes in:
item_acts, motion_acts, question_flow, sitting_acts) only ask and show.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from textual.screen import Screen

from namndtui.model import Item, Meeting
from namndtui.record.state import Paragraph
from namndtui.secrecy.marking import secrecy_ground
from namndtui.tui import strings as S
from namndtui.tui.labels import motion_label, refusal
from namndtui.tui.lazy import lazy_module
from namndtui.tui.messages import act_recorded, request_act
from namndtui.tui.widgets.agenda import AgendaList

if TYPE_CHECKING:
    from namndtui.record import acts
    from namndtui.record import events as ev
    from namndtui.record.procedure import RuleError
    from namndtui.tui.app import NamndApp
else:  # loaded on the first act, after the first frame (start-up time)
    acts = lazy_module("namndtui.record.acts")


class RecordingScreen(Screen[None]):
    """The highlighted agenda item is the current item; acts are recorded on it."""

    meeting: Meeting

    @property
    def napp(self) -> NamndApp:
        return self.app  # type: ignore[return-value]

    @property
    def current_item(self) -> Item | None:
        item_id = self.query_one(AgendaList).current_item_id
        return self.meeting.item(item_id) if item_id else None

    def paragraph(self, item: Item) -> Paragraph:
        return self.napp.state.paragraph(item.id)

    def secrecy_of(self, item: Item | None) -> str:
        """The legal ground the item is secret on ("" = public), as the record says."""
        if item is None:
            return ""
        return secrecy_ground(item, self.napp.state.paragraphs.get(item.id))

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

    def act(
        self,
        build: Callable[..., list[ev.Event]],
        *args: Any,
        done: Callable[[], object] | None = None,
        **kwargs: Any,
    ) -> None:
        """Ask the app to record the act `build(meeting, state, *args, **kwargs)`
        (record/acts.py, tui/messages.py `ActsRequested`); `done()` acknowledges it once it
        is durable. A refusal is a notice (the app says why)."""
        request_act(self.app, build, *args, done=done, **kwargs)

    async def acted(self, build: Callable[..., list[ev.Event]], *args: Any, **kwargs: Any) -> bool:
        """`act`, awaited in a form's worker: True once recorded (durable)."""
        return await act_recorded(self.app, build, *args, **kwargs)

    async def record(self, item: Item, *events: ev.Event) -> bool:
        """`events` on the item, after its implicit call (acts.call_events)."""
        return await self.acted(acts.on_item, item.id, self.napp.now_hhmm, *events)

    def number(self, item: Item, *, handles: bool = True) -> str:
        """The item's § for a form's title. A pending item's is the one the act leaves it
        with: the next § when the act handles the item now, else (a jäv, which does not
        call the item) the agenda's, in agenda order (RecordState.planned_numbers)."""
        state = self.napp.state
        if handles:
            return str(state.paragraph_number(item.id))  # no acts: first frame
        return str(state.planned_numbers(self.meeting.items, self.meeting.first_paragraph)[item.id])

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
