"""The acts on the current item's decision and record: b (decide as proposed, replacing
a recorded decision only on yes), e (edit the decision), O (omedelbar justering), S
(secrecy), t (table), r (refer back), the presenter, the justeringsanteckning, the
reservation, the note and the recusal."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from namndtui.model import Item
from namndtui.tui import strings as S
from namndtui.tui.lazy import lazy_module
from namndtui.tui.typeahead import form_action

if TYPE_CHECKING:
    from namndtui.record import acts
    from namndtui.tui.screens.roll_call import RollCallScreen as _ScreenBase
else:  # loaded on the first act, after the first frame (start-up time)
    acts = lazy_module("namndtui.record.acts")
    _ScreenBase = object  # a mixin: MeetingScreen is the screen (meeting.py)


class ItemActs(_ScreenBase):
    """The item's keys other than motions and the questions put (motion_acts, question_flow)."""

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
        def decided() -> None:
            self.notify(S.DECIDED.format(number=self.number(item)), markup=False, timeout=2)

        self.act(acts.decide_as_proposed, item.id, self.napp.now_hhmm, reason, done=decided)

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

        def toggled() -> None:
            on = acts.immediate_justification(self.meeting, self.napp.state, item.id)
            msg = S.OJ_ON if on else S.OJ_OFF
            self.notify(msg.format(number=self.number(item)), markup=False, timeout=2)

        self.act(
            acts.toggle_immediate_justification,
            item.id,
            self.napp.now_hhmm,
            done=toggled,
        )

    def action_toggle_secrecy(self) -> None:
        item = self._target()
        if item is None:
            return

        def toggled() -> None:
            ground = self.secrecy_of(item)
            msg = S.SECRECY_ON if ground else S.SECRECY_OFF
            self.notify(msg.format(title=item.title, ground=ground), markup=False, timeout=3)

        self.act(acts.toggle_secrecy, item.id, done=toggled)

    @form_action
    async def action_table(self) -> None:
        item = self._target(sitting=True)
        if item is None:
            return
        if not await self.roll_call_ready():
            return
        from namndtui.tui.modals.dialogs import ConfirmModal

        question = S.CONFIRM_TABLE.format(number=self.number(item), title=item.title)
        if await self.app.push_screen_wait(ConfirmModal(question)) and await self.acted(
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
        if name and await self.acted(acts.presenter, item.id, name, self.napp.now_hhmm):
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
        if text and await self.acted(acts.adjustment_note, item.id, who, text):
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
        if reason is not None and await self.acted(
            acts.refer_back, item.id, reason, self.napp.now_hhmm
        ):
            self.notify(S.REFERRED_BACK.format(number=self.number(item)), markup=False)

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
            # A justified § changes only as a rättelse with its reason (kept, not printed).
            from namndtui.tui.modals.dialogs import TextModal

            reason = await self.app.push_screen_wait(
                TextModal(title, S.CORRECTION_REASON, allow_empty=False)
            )
            if reason and await self.acted(acts.edit_decision, item.id, result, "", reason=reason):
                self.notify(S.CORRECTION_SAVED.format(number=self.number(item)), markup=False)
            return
        if await self.acted(acts.edit_decision, item.id, result, self.napp.now_hhmm):
            self.notify(S.DECISION_SAVED.format(number=self.number(item)), markup=False)

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
        if await self.acted(acts.reservation, item.id, member, text, self.napp.now_hhmm):
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
            if await self.acted(acts.note, item.id, by, text, self.napp.now_hhmm):
                self.notify(S.NOTE_SAVED.format(number=self.number(item)), markup=False)

    @form_action
    async def action_recusal(self) -> None:
        item = self._target(sitting=True)
        if item is None:
            return
        if not await self.roll_call_ready():
            return
        from namndtui.tui.modals.forms import MemberPickModal

        title = S.RECUSAL_TITLE.format(number=self.number(item, handles=False))
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
        from namndtui.record.substitution import cross_party_note

        warn = cross_party_note(self.meeting, self.napp.state, substitute, member)
        recorded = await self.acted(acts.recusal, item.id, member, substitute, self.napp.now_hhmm)
        if recorded and warn:  # an ersättare of another party while one of the seat's sits idle
            self.notify(f"{warn}.", severity="warning", markup=False)
