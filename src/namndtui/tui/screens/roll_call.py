"""The roll-call prompt before a deciding act, and the way to the attendance screen.

The record refuses every deciding act without quorum; on a fresh meeting that is only
because nobody has taken the roll call yet. Deciding keys then ask once (one key)
instead of sending the secretary to the attendance screen first.
"""

from __future__ import annotations

from collections.abc import Callable

from namndtui.tui import strings as S
from namndtui.tui.screens.recording import RecordingScreen
from namndtui.tui.typeahead import form_action


class RollCallScreen(RecordingScreen):
    """Asks for the roll call when none is recorded; `n` (meeting.attendance) opens the
    attendance screen."""

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
        return await self.roll_call_all()

    async def roll_call_all(self) -> bool:
        """Record every seat holder (ordinarie ledamot) as present."""
        from namndtui.record.attendance_acts import roll_call

        if await self.acted(lambda meeting, _state: roll_call(meeting)):
            count = len(self.meeting.seats)
            self.notify(S.ROLL_CALL_DONE.format(count=count), markup=False, timeout=3)
            return True
        return False

    @form_action
    async def _after_roll_call(self, act: Callable[[], object]) -> None:
        if await self.roll_call_ready():
            act()

    def action_attendance(self) -> None:
        from namndtui.tui.screens.attendance import AttendanceScreen

        self.app.push_screen(AttendanceScreen(self.meeting, self.current_item))
