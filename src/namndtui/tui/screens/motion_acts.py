"""The acts on motions (yrkanden): y (make one), w (withdraw), j (join), and c (correct a
counted ballot or a motion's text)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from namndtui.tui import strings as S
from namndtui.tui.labels import motion_label, tally_text
from namndtui.tui.lazy import lazy_module
from namndtui.tui.typeahead import form_action

if TYPE_CHECKING:
    from namndtui.record import acts, correction_acts
    from namndtui.tui.screens.roll_call import RollCallScreen as _ScreenBase
else:  # loaded on the first act, after the first frame (start-up time)
    acts = lazy_module("namndtui.record.acts")
    correction_acts = lazy_module("namndtui.record.correction_acts")
    _ScreenBase = object  # a mixin: MeetingScreen is the screen (meeting.py)


class MotionActs(_ScreenBase):
    """Motions are made, withdrawn, joined and corrected on the current item."""

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
        made = await self.acted(
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

    @form_action
    async def action_withdraw(self) -> None:
        item = self._target(sitting=True)
        if item is None:
            return
        title = S.WITHDRAW_TITLE.format(number=self.number(item))
        motion = await self._pick_motion(item, title)
        if motion:
            await self.acted(acts.withdraw, item.id, motion, self.napp.now_hhmm)

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
            await self.acted(acts.join, item.id, motion, member, self.napp.now_hhmm)

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
            for r in correction_acts.counted_rounds(state, item.id)
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

            modal = BallotCorrectionModal(self.meeting, item, int(key), reason)
            await self.app.push_screen_wait(modal)
            return
        motion = self.napp.state.paragraph(item.id).motion(key)
        label = S.MOTION_AMEND_LABEL
        text = await self.app.push_screen_wait(
            TextModal(title, label, value=motion.text if motion else "", allow_empty=True)
        )
        if text is not None and await self.acted(
            correction_acts.amend_motion, item.id, key, text, reason
        ):
            self.notify(S.MOTION_AMENDED.format(number=number, motion=key), markup=False)
