"""v: votering. The serving members in a table, one key each for ja / nej / avstår (1/2/3:
keys that move nowhere else, so moving with j/k never votes), a live tally, the casting
vote on a tie, and the rounds `questions.vote_plan` asks for on the question put last (a
kontrapropositionsvotering first when there are more than two proposals).

Every cast vote is recorded at once (durable), so a crash mid-vote loses nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from rich.text import Text
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import DataTable, Static

from namndtui.minutes import beslutsgang as bg
from namndtui.model import Item, Meeting
from namndtui.record import correction_acts, questions, vote_acts
from namndtui.record.events import Event, VoteDemanded
from namndtui.record.procedure import serving, voters
from namndtui.record.state import RecordState
from namndtui.record.state_parts import VoteRound
from namndtui.tui import strings as S
from namndtui.tui.host import host_of
from namndtui.tui.messages import UndoRequested, act_recorded, request_act
from namndtui.tui.modals.once import OnceModal
from namndtui.tui.text import user_text, ut


async def run_vote(app: App[Any], meeting: Meeting, item: Item, demanded_by: str = "") -> None:
    """Open or continue the rounds of the item's votering until done or cancelled.

    The rounds are the ones `vote_acts.next_vote_round` asks for; every act is posted to the
    app (`ActsRequested`, tui/messages.py) and shown once recorded.
    """
    host = host_of(app)
    while True:
        current = vote_acts.open_round(host.state, item.id)
        if current is None:
            if not vote_acts.next_vote_round(meeting, host.state, item.id, host.now_hhmm):
                return  # every round counted (or the next one cannot be put yet)
            if not await act_recorded(
                app, vote_acts.next_vote_round, item.id, host.now_hhmm, demanded_by
            ):
                return
            current = vote_acts.open_round(host.state, item.id)
            if current is None:
                return
        if not await app.push_screen_wait(VoteModal(meeting, item, current.round)):
            return


class VoteModal(OnceModal[bool]):
    """One round. 1/2/3 cast ja/nej/avstår for the member at the pointer and move down;
    j/k and the arrows only move (as everywhere); enter counts. Changing a cast answer
    asks first: the same key again confirms, anything else keeps the first answer."""

    AUTO_FOCUS = ""  # on_mount focuses the table without scrolling
    BINDINGS = [
        Binding("1", "cast('ja')", "Ja", id="vote.yes"),
        Binding("2", "cast('nej')", "Nej", id="vote.no"),
        Binding("3", "cast('avstår')", "Avstår", id="vote.abstain"),
        Binding("j", "move(1)", S.KEY_DOWN, id="vote.down", show=False),
        Binding("k", "move(-1)", S.KEY_UP, id="vote.up", show=False),
        Binding("enter", "count", "Räkna", id="vote.count", priority=True),
        Binding("escape", "cancel", S.CANCEL, id="vote.cancel"),
    ]
    TITLE = S.VOTE_TITLE
    KEYS = S.VOTE_KEYS

    def __init__(self, meeting: Meeting, item: Item, round_no: int) -> None:
        super().__init__()
        self.meeting = meeting
        self.item = item
        self.round_no = round_no
        self.tie_pending = False
        self.confirm_incomplete = False
        self.pending_change: tuple[str, str] | None = None  # (member, new answer) asked

    @property
    def state(self) -> RecordState:
        return host_of(self.app).state

    def act(
        self, build: Callable[..., Sequence[Event]], *args: Any, done: Callable[[], object]
    ) -> None:
        """Ask the app to record an act of record/acts.py; `done()` once it is durable."""
        request_act(self.app, build, *args, done=done)

    def vote_round(self) -> VoteRound:
        para = self.state.paragraph(self.item.id)
        return next(r for r in para.votes if r.round == self.round_no)

    def compose(self) -> ComposeResult:
        vr = self.vote_round()
        para = self.state.paragraph(self.item.id)
        side = lambda value: bg.vote_side(self.meeting, self.item, para, vr, value)  # noqa: E731
        q = questions.question(self.item, para, vr.question)
        number = para.number if para.number is not None else "–"
        with Vertical(classes="dialog"):
            yield Static(
                Content(self.TITLE.format(number=number, round=self.round_no)),
                classes="dialog-title",
            )
            if q is not None:
                label = bg.question_label(self.meeting, self.item, para, q)
                yield Static(user_text(S.VOTE_QUESTION.format(question=label)))
            if vr.counter:
                yield Static(Content(S.VOTE_COUNTER), classes="dialog-hint")
            yield Static(user_text(S.VOTE_YES_FOR.format(label=side(vr.yes))))
            yield Static(user_text(S.VOTE_NO_FOR.format(label=side(vr.no))))
            yield DataTable(id="vote-table", cursor_type="row", zebra_stripes=True)
            with Vertical(classes="dialog-foot"):  # docked: the tally and keys stay in view
                yield Static(id="tally", classes="vote-tally")
                yield Static(Content(self.KEYS), id="vote-hint", classes="dialog-hint")

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        name, party, vote = S.VOTE_COLUMNS
        # A pointer column marks the member the next answer is for (not colour alone);
        # the vote column is as wide as its longest answer ("avstår") from the start.
        self.columns = [
            table.add_column(" ", width=1),
            table.add_column(name),
            table.add_column(party),
            table.add_column(vote, width=max(len(vote), len("avstår"))),
        ]
        vr = self.vote_round()
        seats = serving(self.meeting, self.state, self.item.id)  # person -> seat ("" own)
        for name in voters(self.meeting, self.state, self.item.id):
            member = self.meeting.member(name)
            table.add_row(
                Text(""),
                Text(ut(S.VOTE_SERVES_FOR.format(name=name, seat=seats[name])))
                if seats.get(name)
                else Text(ut(name)),
                Text(ut(member.party if member else "")),
                Text(vr.votes.get(name, "")),
                key=name,
            )
        table.focus(scroll_visible=False)  # the dialog opens at its top
        # A round continued (v after escape, or after a restart) points at the first
        # member who has not answered, so the next key is not taken for a change of an
        # answer already cast at the top of the list.
        unanswered = [row for row, name in enumerate(table.rows) if name.value not in vr.votes]
        if unanswered and vr.votes:
            table.move_cursor(row=unanswered[0])
        self.pointer = ""
        self.refresh_pointer()
        self.refresh_tally()
        self.call_after_refresh(self.fit_name_column)

    def on_resize(self) -> None:
        self.call_after_refresh(self.fit_name_column)

    def fit_name_column(self) -> None:
        """The name column gives way when the dialog is narrow (80 columns and a serving
        ersättare, "Margareta Ståhl (ers. för Ingrid Fagerlund)"): the answers and the
        parties stay whole and a long name is cut at its end, instead of the table running
        past the dialog's edge and cutting "nej" to "ne"."""
        if not self.is_mounted:
            return
        table = self.query_one(DataTable)
        box = self.query_one(".dialog").scrollable_content_region.width
        name_key = self.columns[1]
        others = sum(
            table.columns[key].get_render_width(table) for key in self.columns if key != name_key
        )
        room = box - others - 2 * table.cell_padding - table.styles.scrollbar_size_vertical
        column = table.columns[name_key]
        narrow = 0 < room < column.content_width
        if narrow != (not column.auto_width) or (narrow and column.width != room):
            column.auto_width = not narrow
            column.width = room if narrow else column.width
            table.refresh(layout=True)
            table._require_update_dimensions = True

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self.refresh_pointer()

    def refresh_pointer(self) -> None:
        """The pointer (▶) in the row the next answer is for."""
        table = self.query_one(DataTable)
        if table.row_count == 0:
            return
        current = self.current_member()
        if self.pointer and self.pointer != current:
            table.update_cell(self.pointer, self.columns[0], Text(""))
        table.update_cell(current, self.columns[0], Text(S.VOTE_POINTER))
        self.pointer = current

    def current_member(self) -> str:
        table = self.query_one(DataTable)
        return str(table.coordinate_to_cell_key((table.cursor_row, 0)).row_key.value)

    def refresh_tally(self) -> None:
        vr = self.vote_round()
        ja, nej, avstar = vr.tally()
        left = self.query_one(DataTable).row_count - len(vr.votes)
        self.query_one("#tally", Static).update(
            Content(S.VOTE_TALLY.format(ja=ja, nej=nej, avstar=avstar, left=max(left, 0)))
        )

    def hint(self, text: str) -> None:
        self.query_one("#vote-hint", Static).update(Content(text))

    def action_move(self, step: int) -> None:
        """j/k: move only (never an answer)."""
        table = self.query_one(DataTable)
        self._forget_change()
        if table.row_count:
            row = min(max(table.cursor_row + step, 0), table.row_count - 1)
            table.move_cursor(row=row)

    def _forget_change(self) -> None:
        if self.pending_change is not None:
            self.pending_change = None
            self.hint(self.KEYS)

    def action_cast(self, choice: str) -> None:
        vr = self.vote_round()
        if self.tie_pending:
            if choice in ("ja", "nej"):
                self.act(vote_acts.close_vote, self.item.id, vr.round, choice, done=self._counted)
            return
        table = self.query_one(DataTable)
        if table.row_count == 0:
            return
        row = table.cursor_row
        name = self.current_member()
        before = vr.votes.get(name, "")
        if before and before != choice and self.pending_change != (name, choice):
            # A changed answer asks: the same key again confirms it.
            self.pending_change = (name, choice)
            self.hint(S.VOTE_CHANGE_ASK.format(member=name, before=before, after=choice))
            return
        self.pending_change = None

        def cast() -> None:  # shown once recorded: the next key votes for the next member
            table.update_cell(name, self.columns[3], Text(choice))
            if before and before != choice:
                self.notify(
                    S.VOTE_CHANGED.format(member=name, before=before, after=choice),
                    markup=False,
                )
            self.hint(self.KEYS)
            if row + 1 < table.row_count:
                table.move_cursor(row=row + 1)
            self.confirm_incomplete = False
            self.refresh_tally()

        self.act(
            lambda _m, _s: vote_acts.cast_vote(self.item.id, vr.round, name, choice), done=cast
        )

    def action_count(self) -> None:
        vr = self.vote_round()
        left = self.query_one(DataTable).row_count - len(vr.votes)
        if left > 0 and not self.confirm_incomplete:
            self.confirm_incomplete = True
            self.hint(S.VOTE_NOT_ALL.format(left=left))
            return
        try:  # on a tie, the presiding chair's own ja/nej from the ballot decides
            closing = vote_acts.close_vote(self.meeting, self.state, self.item.id, vr.round)
        except vote_acts.CastingVoteNeeded:  # the chair did not vote ja or nej: asked
            self.tie_pending = True
            self.hint(S.VOTE_TIE)
            return
        own = closing[0].casting  # type: ignore[attr-defined]  # then a MinorityDemand

        def counted() -> None:
            if own:
                self.notify(S.VOTE_TIE_CHAIR.format(vote=own), markup=False)
            self._counted()

        self.act(lambda _m, _s: closing, done=counted)

    def _counted(self) -> None:
        self.dismiss(True)

    def action_cancel(self) -> None:
        """Escape: a round nobody has voted in yet is taken back (as if v was never
        pressed); one with votes stays open, and v continues it."""
        vr = self.vote_round()
        if not vr.votes and self._demanded_last(vr.round):
            self.app.post_message(UndoRequested())  # says "Ångrat: votering begärd"
        else:
            self.notify(S.VOTE_LEFT_OPEN, markup=False)
        self.dismiss(False)

    def _demanded_last(self, round_no: int) -> bool:
        """The latest act in effect is this round's VoteDemanded (so undo takes it back)."""
        state = self.state
        if not state.done:
            return False
        last = next((e for seq, _, e in reversed(state.log) if seq == state.done[-1]), None)
        return (
            isinstance(last, VoteDemanded) and last.item == self.item.id and last.round == round_no
        )


class BallotCorrectionModal(VoteModal):
    """Röst rättad: a counted round's ballots; 1/2/3 on a row correct that ballot (asked
    first: the same key again), recorded at once as VoteCorrected without undoing what
    came after. A correction that ties the round asks for the chair's utslagsröst.
    Enter or escape closes."""

    TITLE = S.BALLOT_TITLE
    KEYS = S.BALLOT_KEYS

    def __init__(self, meeting: Meeting, item: Item, round_no: int, reason: str = "") -> None:
        super().__init__(meeting, item, round_no)
        self.reason = reason  # the rättelse's reason on a justified §
        self.tie_for: tuple[str, str] | None = None  # (member, answer) waiting on the casting

    def action_cast(self, choice: str) -> None:
        if self.tie_for is not None:
            member, answer = self.tie_for
            if choice in ("ja", "nej"):
                self.tie_for = None
                self._correct(member, answer, choice)
            return
        table = self.query_one(DataTable)
        if table.row_count == 0:
            return
        name = self.current_member()
        before = self.vote_round().votes.get(name, "")
        if before == choice:
            return
        if self.pending_change != (name, choice):  # every correction asks first
            self.pending_change = (name, choice)
            self.hint(S.BALLOT_ASK.format(member=name, before=before or "–", after=choice))
            return
        self.pending_change = None
        try:  # a tie: the chair's own vote decides, else the chair is asked
            correction_acts.correct_vote(
                self.meeting, self.state, self.item.id, self.round_no, name, choice
            )
        except vote_acts.CastingVoteNeeded:
            self.tie_for = (name, choice)
            self.hint(S.VOTE_TIE)
            return
        except vote_acts.RuleError:
            pass  # refused below, with the reason
        self._correct(name, choice)

    def _correct(self, member: str, answer: str, casting: str = "") -> None:
        vr = self.vote_round()
        before, winner = vr.votes.get(member, ""), vr.winner

        def corrected() -> None:
            self.query_one(DataTable).update_cell(member, self.columns[3], Text(answer))
            self.notify(
                S.BALLOT_CORRECTED.format(member=member, before=before or "–", after=answer),
                markup=False,
            )
            if self.vote_round().winner != winner:
                self.notify(S.BALLOT_OUTCOME_CHANGED, severity="warning", markup=False)
            self.refresh_tally()

        args = (self.item.id, self.round_no, member, answer, casting, self.reason)
        self.act(correction_acts.correct_vote, *args, done=corrected)
        self.hint(self.KEYS)

    def action_count(self) -> None:
        self.dismiss(True)

    def action_cancel(self) -> None:
        self.dismiss(False)
