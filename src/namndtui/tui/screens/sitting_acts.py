"""The acts of the sitting as a whole: open and close the meeting (o), ajournering (A)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from namndtui.timeofday import clock
from namndtui.tui import strings as S
from namndtui.tui.lazy import lazy_module
from namndtui.tui.typeahead import form_action

if TYPE_CHECKING:
    from namndtui.record import acts
    from namndtui.tui.screens.recording import RecordingScreen as _ScreenBase
else:  # loaded on the first act, after the first frame (start-up time)
    acts = lazy_module("namndtui.record.acts")
    _ScreenBase = object  # a mixin: MeetingScreen is the screen (meeting.py)


class SittingActs(_ScreenBase):
    """o: opens the meeting, or closes it after a confirmation; A: adjourns or resumes."""

    @form_action
    async def action_open_close(self) -> None:
        if self.napp.refuse_readonly():
            return
        state = self.napp.state
        now = self.napp.now_hhmm()  # the time recorded is the time shown
        if not state.opened_at:
            if await self.acted(lambda _m, state: acts.open_meeting(state, now)):
                self.notify(S.MEETING_OPENED.format(time=clock(now)), markup=False)
            return
        from namndtui.tui.modals.dialogs import ConfirmModal

        question = S.CONFIRM_CLOSE.format(time=clock(now))
        pending = acts.pending_items(self.meeting, state)
        if pending:
            question += " " + S.CLOSE_PENDING.format(count=len(pending))
        if not await self.app.push_screen_wait(ConfirmModal(question)):
            return
        if await self.acted(acts.close_meeting, now):
            self.notify(S.MEETING_CLOSED.format(time=clock(now)), markup=False)

    def action_adjourn(self) -> None:
        """A: ajournering from now; again: the meeting resumes (both times in the minutes)."""
        if self.napp.refuse_readonly():
            return
        now = self.napp.now_hhmm()

        def done() -> None:  # the record says which it was
            said = S.MEETING_ADJOURNED if acts.is_adjourned(self.napp.state) else S.MEETING_RESUMED
            self.notify(said.format(time=clock(now)), markup=False)

        self.act(lambda _m, state: acts.adjourn(state, now), done=done)
