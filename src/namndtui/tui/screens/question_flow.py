"""The questions the chair puts (record/questions.py): f (the chair's finding on the next
question) and v (a vote on the question put), and what comes next after either."""

from __future__ import annotations

from typing import TYPE_CHECKING

from namndtui.model import Item
from namndtui.tui import strings as S
from namndtui.tui.lazy import lazy_module
from namndtui.tui.typeahead import form_action

if TYPE_CHECKING:
    from namndtui.record import acts, minority, vote_acts
    from namndtui.record.questions import Question
    from namndtui.tui.screens.roll_call import RollCallScreen as _ScreenBase
else:  # loaded on the first act, after the first frame (start-up time)
    acts = lazy_module("namndtui.record.acts")
    minority = lazy_module("namndtui.record.minority")
    vote_acts = lazy_module("namndtui.record.vote_acts")
    _ScreenBase = object  # a mixin: MeetingScreen is the screen (meeting.py)

MINORITY = "minority"  # the finding form's line for "begärd av minoritet"


class QuestionFlow(_ScreenBase):
    """The finding and the vote flow of the current item."""

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
            now = vote_acts.questions_now(self.meeting, self.napp.state, item.id)
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
        if q.formal and any(m.id == q.key for m in vote_acts.minority_motions(*self._on(item))):
            choices.append((MINORITY, S.MINORITY_CHOICE.format(noun=minority.NOUN[q.kind])))
        title = template.format(number=self.number(item), question=label(q))
        order = [(x.key, label(x)) for x in qs.still_to_put(item, para)]
        found = await self.app.push_screen_wait(FindingModal(title, order, choices))
        if found == MINORITY:
            return await self._ask_minority(item, q)
        if not found:
            return False
        if not await self.acted(vote_acts.put_question, item.id, q.key, found, self.napp.now_hhmm):
            return False
        self._say_what_is_next(item)
        return True

    def _on(self, item: Item) -> tuple:
        return self.meeting, self.napp.state, item.id

    async def _ask_minority(self, item: Item, q: Question) -> bool:
        """Begärd av minoritet: how many ask for the formal motion; the record counts the
        present and refuses too few (record/minority.py)."""
        from namndtui.tui.modals.dialogs import TextModal

        present = minority.present(*self._on(item))
        share = self.meeting.minority_share
        noun = minority.NOUN[q.kind]
        label = S.MINORITY_LABEL.format(
            present=present,
            needed=minority.needed(share, present),
            share=minority.share_words(share),
        )
        title = S.MINORITY_TITLE.format(number=self.number(item), noun=noun)
        answer: str | None = ""
        supporters: int | None = None
        while supporters is None:  # asked again until a count or esc: keys typed after a
            # wrong answer must not fall through to the meeting screen's bindings
            answer = await self.app.push_screen_wait(TextModal(title, label, value=answer or ""))
            if answer is None:
                return False
            supporters = minority.parse_supporters(answer)
            if supporters is None:
                self.notify(S.MINORITY_NOT_A_NUMBER, severity="warning", markup=False)
        now = self.napp.now_hhmm
        if not await self.acted(vote_acts.minority_demand, item.id, q.key, supporters, now):
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
            # A vote left with esc is still open: v goes on with it, not f (qa).
            text = S.VOTE_STILL_OPEN if q.open_vote else S.NEXT_QUESTION
            self.notify(text.format(number=number, question=label), markup=False)
        elif para.decision is None:
            self.notify(S.QUESTIONS_DONE.format(number=number), markup=False)

    @form_action
    async def action_vote(self) -> None:
        item = self._target(sitting=True)
        if item is None:
            return
        try:
            vote_acts.may_vote(self.meeting, self.napp.state, item.id)
        except acts.RuleError as err:
            self.refuse(err)
            return
        if not await self.roll_call_ready():
            return
        first = vote_acts.needs_finding_before_vote(self.meeting, self.napp.state, item.id)
        if first and not await self._ask_finding(item, S.FINDING_BEFORE_VOTE_TITLE):
            return
        demanded_by = await self._ask_demanded_by(item)
        if demanded_by is None:
            return
        from namndtui.tui.modals.vote import run_vote

        await run_vote(self.napp, self.meeting, item, demanded_by)
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
