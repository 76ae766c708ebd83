"""What the follow view shows, as plain Swedish text: pure functions of (meeting, state).

- `room_view` (Sal, the room's screen) is built from the *public* view of the record
  (namndtui.secrecy.public): a secret item shows its § and public title and nothing else,
  listed private persons are masked, as in the web version of the minutes.
- `chair_view` (Ordförande, the chair's laptop) is the full record: the agenda with its
  marks, the current item's motions, the questions still to be put, quorum, who serves,
  and the running tally of a vote (ja, nej, avstår so far, the ballots not yet cast, the
  result once counted). The tally's sentences are the room's (the public view): of a
  secret item it shows the numbers only, no question, proposition or result sentence.

Every sentence about the procedure is the minutes' own (namndtui.minutes.beslutsgang):
the motions as "Yrkanden" reads them, the question as the TUI names it, the
voteringsproposition and the result of a vote as the Beslutsgång prints them.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from namndtui.minutes import beslutsgang as bg
from namndtui.minutes.model import member_label
from namndtui.minutes.procedure_text import recusal_sentences
from namndtui.model import Item, Meeting
from namndtui.record import questions as qs
from namndtui.record.serving import quorum, serving, voters
from namndtui.record.state import PENDING, Paragraph, RecordState
from namndtui.record.state_parts import VoteRound
from namndtui.secrecy.marking import secrecy_ground
from namndtui.secrecy.public import public_view
from namndtui.timeofday import clock
from namndtui.vocabulary import STATUS_PHRASES

NOT_OPENED = "Sammanträdet har inte öppnats."
NO_ITEM = "Inget ärende är uppropat."


def sitting_text(state: RecordState) -> str:
    """Where the meeting stands: 'Sammanträdet avslutat kl. 21.15', 'Ajournering sedan
    kl. 19.40', 'Sammanträdet pågår sedan kl. 19.00', or not opened."""
    if state.closed_at:
        return f"Sammanträdet avslutat kl. {clock(state.closed_at)}"
    if state.breaks and not state.breaks[-1][1]:
        return f"Ajournering sedan kl. {clock(state.breaks[-1][0])}"
    if state.opened_at:
        return f"Sammanträdet pågår sedan kl. {clock(state.opened_at)}"
    return NOT_OPENED


@dataclass(frozen=True)
class VoteView:
    """One round of a votering as the room sees it."""

    question: str  # 'Huvudfrågan: förvaltningens förslag mot …'
    proposition: str  # 'Ja-röst för …, nej-röst för …'
    tally: tuple[int, int, int]  # (ja, nej, avstår) so far
    result: str  # '' while the vote runs
    open: bool
    left: int = 0  # ballots not (yet) cast by those who serve on the item
    voters: int = 0  # those who serve on the item (who may vote)


@dataclass(frozen=True)
class RoomView:
    """Sal: the current §, what is moved, the vote, the decision."""

    body: str
    sitting: str
    number: int | None  # the current §, None when no item is called
    prefix: str  # the organ's § prefix ("SN"), "" when none
    title: str
    status: str  # 'pågår', 'beslutat', 'bordlagt' … ('' with no item)
    secret: bool
    motions: tuple[str, ...] = ()
    vote: VoteView | None = None
    findings: tuple[str, ...] = ()  # the Beslutsgång so far (propositions, results)
    decision: tuple[str, ...] = ()
    # The sitting when the room should see it large: closed or adjourned ("" otherwise).
    banner: str = ""


def _banner(state: RecordState) -> str:
    closed = bool(state.closed_at)
    adjourned = bool(state.breaks and not state.breaks[-1][1])
    return sitting_text(state) if closed or adjourned else ""


def _vote_view(
    meeting: Meeting, item: Item | None, para: Paragraph, r: VoteRound, ballots: tuple[int, int]
) -> VoteView:
    q = qs.question(item, para, r.question)
    label = bg.question_label(meeting, item, para, q) if q is not None else ""
    return VoteView(
        question=label,
        proposition=bg.voteringsproposition(meeting, item, para, r),
        tally=r.tally(),
        result=bg.round_result(meeting, item, para, r),
        open=not r.closed,
        left=ballots[0],
        voters=ballots[1],
    )


def _ballots(meeting: Meeting, state: RecordState) -> tuple[int, int]:
    """(ballots not cast, voters) in the current item's latest round, from the full record
    (the public view masks names, which must not change a count)."""
    item_id = state.current_item or ""
    r = _latest_round(state.paragraph(item_id)) if item_id else None
    if r is None:
        return 0, 0
    who = voters(meeting, state, item_id)
    return sum(1 for name in who if name not in r.votes), len(who)


def _latest_round(para: Paragraph) -> VoteRound | None:
    """The open round, else the last one counted."""
    open_ = [r for r in para.votes if not r.closed]
    if open_:
        return open_[-1]
    return para.votes[-1] if para.votes else None


def _current_only(meeting: Meeting, state: RecordState) -> tuple[Meeting, RecordState]:
    """The meeting and state cut down to the current item: the public view masks every
    text it is given, and the room shows one item (8 ms → under 1 ms a repaint on the
    example meeting, whose reports are long)."""
    item = meeting.item(state.current_item) if state.current_item else None
    items = (item,) if item is not None else ()
    paragraphs = {item.id: state.paragraph(item.id)} if item is not None else {}
    small = dataclasses.replace(
        state, paragraphs=paragraphs, log=[], done=[], undone=set(), redo_stack=[]
    )
    return dataclasses.replace(meeting, items=items), small


def room_view(meeting: Meeting, state: RecordState) -> RoomView:
    """The room's screen (see the module docstring): from the public view only."""
    public_meeting, public_state = public_view(*_current_only(meeting, state))
    sitting = sitting_text(public_state)
    item = public_meeting.item(public_state.current_item) if public_state.current_item else None
    banner = _banner(public_state)
    if item is None:
        return RoomView(
            public_meeting.body,
            sitting,
            None,
            public_meeting.paragraph_prefix,
            NO_ITEM,
            "",
            False,
            banner=banner,
        )
    para = public_state.paragraph(item.id)
    base = RoomView(
        body=public_meeting.body,
        sitting=sitting,
        number=para.number,
        prefix=public_meeting.paragraph_prefix,
        title=item.title,
        status=STATUS_PHRASES.get(para.status, para.status) if para.status != PENDING else "",
        secret=bool(secrecy_ground(item, para)),
        banner=banner,
    )
    if base.secret:
        return base
    latest = _latest_round(para)
    return dataclasses.replace(
        base,
        motions=tuple(bg.motion_sentences(public_meeting, item, para)),
        vote=_vote_view(public_meeting, item, para, latest, _ballots(meeting, state))
        if latest
        else None,
        findings=tuple(bg.procedure_sentences(public_meeting, item, para)),
        decision=tuple(para.decision or ()),
    )


# --- Ordförande -------------------------------------------------------------------------------


@dataclass(frozen=True)
class AgendaLine:
    number: str  # '§ 124', '' before the item is handled
    status: str  # ParagraphStatus value (the TUI draws its mark)
    title: str
    current: bool
    secret: bool


@dataclass(frozen=True)
class ChairView:
    """Ordförande: the agenda, the current item's motions and questions, quorum, serving."""

    sitting: str
    agenda: tuple[AgendaLine, ...]
    title: str  # the current item ('§ 124 Title'), NO_ITEM when none
    motions: tuple[str, ...]
    to_put: tuple[str, ...]  # the questions still to put, in the suggested order
    quorum: str  # 'Beslutför 9/11'
    quorum_ok: bool
    serving: tuple[str, ...]  # 'Anna Ek (M)', 'Jonas Vik (S), tjänstgörande ersättare för …'
    vote: VoteView | None = None  # the current item's running (or last counted) votering
    # the current item's jäv, as the minutes word it: who must not be called to vote
    recused: tuple[str, ...] = ()


def _agenda(meeting: Meeting, state: RecordState) -> tuple[AgendaLine, ...]:
    out = []
    for item in meeting.items:
        para = state.paragraph(item.id)
        number = f"§ {para.number}" if para.number is not None else ""
        out.append(
            AgendaLine(
                number,
                str(para.status),
                item.title,
                item.id == state.current_item,
                bool(secrecy_ground(item, para)),
            )
        )
    return tuple(out)


def _serving(meeting: Meeting, state: RecordState, item_id: str) -> tuple[str, ...]:
    out = []
    for person, seat in serving(meeting, state, item_id).items():
        label = member_label(meeting, person)
        if seat:
            label += f", tjänstgörande ersättare för {member_label(meeting, seat)}"
        out.append(label)
    return tuple(out)


def _chair_vote(meeting: Meeting, state: RecordState) -> VoteView | None:
    """The tally as the room sees it; of a secret item the numbers alone."""
    room = room_view(meeting, state)
    if not room.secret or not state.current_item:
        return room.vote
    latest = _latest_round(state.paragraph(state.current_item))
    if latest is None:
        return None
    left, who = _ballots(meeting, state)
    return VoteView("", "", latest.tally(), "", not latest.closed, left, who)


def chair_view(meeting: Meeting, state: RecordState) -> ChairView:
    """The chair's screen (the full record: the chair knows the secret items too)."""
    item = meeting.item(state.current_item) if state.current_item else None
    item_id = item.id if item is not None else ""
    q = quorum(meeting, state, item_id)
    if item is None:
        title, motions, to_put, recused = NO_ITEM, (), (), ()
    else:
        para = state.paragraph(item.id)
        recused = tuple(recusal_sentences(meeting, para))
        number = f"§ {para.number} " if para.number is not None else ""
        title = number + item.title
        motions = tuple(bg.motion_sentences(meeting, item, para))
        to_put = tuple(
            bg.question_label(meeting, item, para, x) for x in qs.still_to_put(item, para)
        )
    return ChairView(
        sitting=sitting_text(state),
        agenda=_agenda(meeting, state),
        title=title,
        motions=motions,
        to_put=to_put,
        quorum=q.text(),
        quorum_ok=q.ok,
        serving=_serving(meeting, state, item_id),
        vote=_chair_vote(meeting, state),
        recused=recused,
    )
