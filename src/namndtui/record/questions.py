"""The questions the chair puts on an item, in order (propositionsordningen).

Swedish boards decide a contested item as a series of questions (docs/record.md,
PRACTICE.md "Formal motions first"):

1. each formal motion (återremiss, bordläggning) on its own: "ska ärendet avgöras i dag
   eller återremitteras?", with its own finding and, if demanded, its own vote. When the
   board finds for the formal motion the item ends there;
2. the main question: the material proposals against each other (the item's own proposal,
   which every bifall motion supports, avslag, ändringsyrkanden, own proposals); with more
   than two, a counter-proposal round (kontrapropositionsvotering) before the main vote;
   with only one proposal there is no proposition at all;
3. each tilläggsyrkande on its own, after the main question: bifall or avslag.

A question is named by a *key*: `MAIN`, or the id of the formal motion / tilläggsyrkande.
What the board can find for is a *proposal id*: `TODAY` (avgöras i dag), `PROPOSAL` (the
item's proposal), `REJECTED` (a tilläggsyrkande avslås) or a motion id. Everything here is a
pure function of (item, paragraph); the fold keeps `Paragraph.findings` (the chair's
findings), `Paragraph.put` (the order the chair chose) and the vote rounds, and calls
`settle` after each of them.
"""

from __future__ import annotations

from dataclasses import dataclass

from namndtui.model import Item, Meeting
from namndtui.record import events as ev
from namndtui.record import minority
from namndtui.record.rules import RuleError
from namndtui.record.state import (
    DECIDED,
    IN_PROGRESS,
    REFERRED_BACK,
    TABLED,
    Paragraph,
    RecordState,
)
from namndtui.record.state_parts import VoteRound

MAIN = "main"
TODAY = "today"
PROPOSAL = "proposal"
REJECTED = "rejected"

MAIN_KIND = "huvudfråga"
ADDITION = "tillägg"
KINDS = (*ev.FORMAL_KINDS, MAIN_KIND, ADDITION)
_RANK = {"återremiss": 0, "bordläggning": 0, MAIN_KIND: 1, ADDITION: 2}
# Material motions that stand against the item's proposal (so it is a proposal of its own
# even when nobody moved bifall).
_AGAINST_PROPOSAL = ("avslag", "ändring", "eget")


@dataclass(frozen=True)
class Question:
    """One question the chair puts (or would put)."""

    key: str  # MAIN or a motion id
    kind: str  # återremiss | bordläggning | huvudfråga | tillägg
    proposals: tuple[str, ...]  # what stands against each other (proposal ids)
    finding: str = ""  # the chair's finding ("" = not yet put)
    result: str = ""  # what the board decided: the main vote's winner, else the finding
    rounds: tuple[VoteRound, ...] = ()
    open_vote: bool = False
    # A formal motion forced by a minority (MinorityDemand): (supporters, present).
    minority: tuple[int, int] | None = None

    @property
    def formal(self) -> bool:
        return self.kind in ev.FORMAL_KINDS

    @property
    def needs_proposition(self) -> bool:
        """Two or more proposals: the chair puts them against each other."""
        return len(self.proposals) >= 2

    @property
    def settled(self) -> bool:
        if not self.needs_proposition:
            return True
        return bool(self.result) and not self.open_vote

    @property
    def rank(self) -> int:
        return _RANK[self.kind]


# --- proposals ----------------------------------------------------------------------------


def proposal_of(para: Paragraph, value: str) -> str:
    """The proposal a motion id stands for: a bifall motion supports the item's proposal,
    every avslag motion is the same proposal (the first one names it); other ids as given."""
    motion = para.motion(value)
    if motion is None:
        return value
    if motion.kind == "bifall":
        return PROPOSAL
    if motion.kind == "avslag":
        first = next(m for m in para.active_motions + [motion] if m.kind == "avslag")
        return first.id
    return value


def main_proposals(item: Item | None, para: Paragraph) -> list[str]:
    """The material proposals of the main question: the item's proposal first (when moved,
    or when a motion stands against it), then the others in the order made."""
    material = [m for m in para.active_motions if m.kind not in (*ev.FORMAL_KINDS, "tillägg")]
    kinds = {m.kind for m in material}
    has_proposal = bool(item is not None and item.proposed_decision)
    stands = "bifall" in kinds or "avslag" in kinds
    stands = stands or (has_proposal and bool(kinds & {"ändring", "eget"}))
    stands = stands or (has_proposal and any(m.kind == "tillägg" for m in para.active_motions))
    out = [PROPOSAL] if stands else []
    for motion in material:
        proposal = proposal_of(para, motion.id)
        if proposal not in out:
            out.append(proposal)
    return out


def _result(para: Paragraph, key: str, rounds: list[VoteRound]) -> str:
    if key in para.minority:  # a minority right: the formal motion, whatever the majority
        return key
    main_votes = [r for r in rounds if r.closed and not r.counter and r.winner]
    if main_votes:
        return proposal_of(para, main_votes[-1].winner)
    return para.findings.get(key, "")


def _question(para: Paragraph, key: str, kind: str, proposals: list[str]) -> Question:
    rounds = [r for r in para.votes if r.question == key]
    return Question(
        key=key,
        kind=kind,
        proposals=tuple(proposals),
        finding=para.findings.get(key, ""),
        result=_result(para, key, rounds),
        rounds=tuple(rounds),
        open_vote=any(not r.closed for r in rounds),
        minority=para.minority.get(key),
    )


def suggested(item: Item | None, para: Paragraph) -> list[Question]:
    """Every question of the item in the order the rules suggest: the formal motions in the
    order made, the main question, the tilläggsyrkanden in the order made."""
    active = para.active_motions
    out = [
        _question(para, m.id, m.kind, [TODAY, m.id]) for m in active if m.kind in ev.FORMAL_KINDS
    ]
    out.append(_question(para, MAIN, MAIN_KIND, main_proposals(item, para)))
    out += [
        _question(para, m.id, ADDITION, [m.id, REJECTED]) for m in active if m.kind == "tillägg"
    ]
    return out


def in_order(item: Item | None, para: Paragraph) -> list[Question]:
    """The questions in the order put: those the chair has put (in that order), then the
    rest as suggested."""
    questions = suggested(item, para)
    by_key = {q.key: q for q in questions}
    first = [by_key[k] for k in para.put if k in by_key]
    return first + [q for q in questions if q.key not in para.put]


def question(item: Item | None, para: Paragraph, key: str) -> Question | None:
    return next((q for q in suggested(item, para) if q.key == key), None)


def ended(item: Item | None, para: Paragraph) -> Question | None:
    """The formal question the board decided for the motion (the item ends there)."""
    for q in in_order(item, para):
        if q.formal and q.settled and q.result == q.key:
            return q
    return None


def still_to_put(item: Item | None, para: Paragraph) -> list[Question]:
    """The questions that still need a proposition, in suggested order ([] once a formal
    question ended the item)."""
    if ended(item, para) is not None:
        return []
    return [q for q in suggested(item, para) if q.needs_proposition and not q.settled]


def next_question(item: Item | None, para: Paragraph) -> Question | None:
    """The question the chair puts next (formal first), or None when none is left."""
    open_ = still_to_put(item, para)
    return open_[0] if open_ else None


def current_question(item: Item | None, para: Paragraph) -> Question | None:
    """The question a vote (v) is about: the one the chair put last, while its vote is not
    counted to the end; None when no question is waiting for a vote."""
    if not para.put:
        return None
    q = question(item, para, para.put[-1])
    if q is None or not q.needs_proposition or not q.finding:
        return None
    done = [r for r in q.rounds if r.closed]
    if len(done) >= len(vote_plan(item, para, q.key)):
        return None
    return q


def vote_plan(item: Item | None, para: Paragraph, key: str) -> list[tuple[str, str]]:
    """The rounds a vote on the question needs, as (ja, nej) proposal ids.

    A formal question: ja for deciding today, nej for the motion. A tilläggsyrkande: ja for
    bifall, nej for avslag. The main question with two proposals: the chair's finding (the
    huvudförslag) against the other; with more, the counter-proposal rounds first, pairwise
    among the others until one is left, then the main vote. A side that depends on a round
    not yet counted is "".
    """
    q = question(item, para, key)
    if q is None or not q.needs_proposition:
        return []
    if q.kind != MAIN_KIND:
        return [(q.proposals[0], q.proposals[1])]
    main = proposal_of(para, q.finding) if q.finding in q.proposals else q.proposals[0]
    others = [p for p in q.proposals if p != main]
    winners = [proposal_of(para, r.winner) for r in q.rounds if r.counter and r.closed]
    plan: list[tuple[str, str]] = []
    champion = others[0]
    for n, challenger in enumerate(others[1:]):
        plan.append((champion, challenger))
        champion = winners[n] if n < len(winners) else ""
    plan.append((main, champion))
    return plan


def is_counter_round(item: Item | None, para: Paragraph, key: str, yes: str, no: str) -> bool:
    """A round of the main question that does not include the huvudförslag, when more than
    two proposals stand: the kontrapropositionsvotering."""
    if key != MAIN:
        return False
    q = question(item, para, MAIN)
    if q is None or len(q.proposals) <= 2:
        return False
    main = proposal_of(para, q.finding) if q.finding else q.proposals[0]
    return main not in (proposal_of(para, yes), proposal_of(para, no))


# --- the fold's part -------------------------------------------------------------------------


def question_of_motion(para: Paragraph, motion_id: str) -> str:
    """The question a motion is decided in: its own for a formal motion or a tillägg."""
    motion = para.motion(motion_id)
    if motion is not None and motion.kind in (*ev.FORMAL_KINDS, "tillägg"):
        return motion.id
    return MAIN


def note_put(para: Paragraph, key: str) -> None:
    if key not in para.put:
        para.put.append(key)


def settle(item: Item | None, para: Paragraph) -> None:
    """After a finding or a vote: the main question's adopted motion (`Paragraph.finding`,
    as the rest of the record reads it) and the end of the item by a formal question."""
    main = question(item, para, MAIN)
    if main is not None and main.needs_proposition and main.result:
        if main.result == PROPOSAL:
            bifall = next((m.id for m in para.active_motions if m.kind == "bifall"), "")
            para.finding = bifall
        else:
            para.finding = main.result
    stop = ended(item, para)
    if stop is not None:
        para.ended_by = stop.key
        para.status = TABLED if stop.kind == "bordläggning" else REFERRED_BACK
        para.decision = None
        motion = para.motion(stop.key)
        if stop.kind == "återremiss" and motion is not None and not para.referral_reason:
            para.referral_reason = motion.text
    elif para.ended_by:
        motion = para.motion(para.ended_by)
        if motion is not None and para.referral_reason == motion.text:
            para.referral_reason = ""
        para.ended_by = ""
        para.status = DECIDED if para.decision is not None else IN_PROGRESS


# --- the rules -------------------------------------------------------------------------------

_KIND_VERB = {"återremiss": "återremitteras", "bordläggning": "bordläggas"}


def describe(meeting: Meeting, para: Paragraph, q: Question) -> str:
    """A short Swedish name of the question, for refusals and the TUI."""
    if q.kind == MAIN_KIND:
        return "huvudfrågan"
    motion = para.motion(q.key)
    who = motion.by if motion is not None else ""
    if q.formal:
        return f"frågan om ärendet ska avgöras i dag eller {_KIND_VERB[q.kind]} ({who})"
    return f"tilläggsyrkandet från {who}"


def may_put(meeting: Meeting, item: Item | None, para: Paragraph, key: str) -> str:
    """Empty when the chair may put question `key` now, else the Swedish reason."""
    q = question(item, para, key)
    if q is None:
        return f"Det finns ingen fråga {key!r} i ärendet."
    stop = ended(item, para)
    if stop is not None and stop.key != key:
        verb = _KIND_VERB[stop.kind]
        return f"Nämnden har beslutat att ärendet ska {verb}; fler frågor prövas inte."
    if not q.needs_proposition:
        return (
            "Det finns bara ett förslag i huvudfrågan; ingen proposition behövs "
            "(b registrerar beslutet)."
        )
    if any(not r.closed for r in para.votes):
        return "En votering pågår; avsluta den först."
    for other in in_order(item, para):
        if other.rank < q.rank and not other.settled:
            return f"Först prövas {describe(meeting, para, other)}."
    return ""


def _item_para(meeting: Meeting, state: RecordState, item_id: str) -> tuple[Item | None, Paragraph]:
    return meeting.item(item_id), state.paragraph(item_id)


def check(meeting: Meeting, state: RecordState, event: ev.Event) -> None:
    """Raise RuleError when `event` breaks the order of the questions (called by
    procedure.check after the event's own rules)."""
    if isinstance(event, ev.QuestionDecided):
        _check_finding(meeting, state, event.item, event.question, event.finding)
    elif isinstance(event, ev.MinorityDemand):
        _check_minority(meeting, state, event)
    elif isinstance(event, ev.VoteDemanded):
        _check_vote(meeting, state, event)
    elif isinstance(event, ev.DecisionRecorded):
        _check_decision(meeting, state, event)


def _check_finding(
    meeting: Meeting, state: RecordState, item_id: str, key: str, finding: str
) -> None:
    item, para = _item_para(meeting, state, item_id)
    if reason := may_put(meeting, item, para, key):
        raise RuleError(reason)
    q = question(item, para, key)
    assert q is not None  # may_put checked it
    if finding not in q.proposals:
        raise RuleError(f"{finding!r} är inte ett av förslagen i {describe(meeting, para, q)}.")
    if any(r.closed for r in q.rounds):  # a finding alone may be put right by another
        raise RuleError(
            f"{_cap(describe(meeting, para, q))} är avgjord genom votering; ångra först "
            "(ctrl+z) om den ska prövas om."
        )


def _check_minority(meeting: Meeting, state: RecordState, e: ev.MinorityDemand) -> None:
    """A formal motion forced by a minority: the body's rules give the right, the count is
    enough, and the question is open to it (record/minority.py)."""
    item, para = _item_para(meeting, state, e.item)
    motion = para.motion(e.motion)
    if motion is None or motion.withdrawn or motion.kind not in ev.FORMAL_KINDS:
        raise RuleError("Minoriteten kan bara begära återremiss eller bordläggning som yrkats.")
    if not minority.applies(meeting, motion.kind):
        raise RuleError(
            f"Nämndens regler ger inte en minoritet rätt till {minority.NOUN[motion.kind]} "
            "(meeting.toml: minority_right); ordföranden prövar yrkandet (f)."
        )
    if reason := minority.used_before(item):
        raise RuleError(reason)
    q = question(item, para, e.motion)
    assert q is not None  # an active formal motion is a question of its own
    if q.minority is not None:
        raise RuleError("Minoriteten har redan begärt det.")
    if (stop := ended(item, para)) is not None:
        verb = _KIND_VERB[stop.kind]
        raise RuleError(f"Nämnden har redan beslutat att ärendet ska {verb}.")
    if q.open_vote:
        raise RuleError("En votering pågår; avsluta den först.")
    if any(o.rank > q.rank and (o.finding or o.rounds) for o in suggested(item, para)):
        raise RuleError("Huvudfrågan är redan prövad; ångra först (ctrl+z).")
    count = minority.present(meeting, state, e.item)
    if e.present != count:
        raise RuleError(f"{count} ledamöter tjänstgör i ärendet, inte {e.present}.")
    share = meeting.minority_share
    least = minority.needed(share, count)
    if not 1 <= e.supporters <= count:
        raise RuleError(f"Antalet som begär det ska vara mellan 1 och {count}.")
    if e.supporters < least:
        raise RuleError(
            f"{e.supporters} av {count} tjänstgörande är färre än "
            f"{minority.share_words(share)} (minst {least}); ordföranden prövar yrkandet (f)."
        )
    counted = [r for r in q.rounds if r.closed]
    if counted and minority.supporters_in_vote(counted[-1], e.motion) != e.supporters:
        raise RuleError(
            "Frågan är avgjord genom votering: antalet som begär det är antalet som röstade "
            "för yrkandet."
        )


def _check_vote(meeting: Meeting, state: RecordState, e: ev.VoteDemanded) -> None:
    item, para = _item_para(meeting, state, e.item)
    key = e.question or MAIN
    q = question(item, para, key)
    if q is None:
        raise RuleError(f"Det finns ingen fråga {key!r} i ärendet.")
    yes, no = proposal_of(para, e.yes), proposal_of(para, e.no)
    if yes not in q.proposals or no not in q.proposals or yes == no:
        raise RuleError(
            "Ja och nej måste vara två olika förslag i samma fråga; återremiss och "
            "bordläggning prövas var för sig, före huvudfrågan."
        )
    stop = ended(item, para)
    if stop is not None and stop.key != key:
        raise RuleError(may_put(meeting, item, para, key))
    for other in in_order(item, para):
        if other.rank < q.rank and not other.settled:
            raise RuleError(f"Först prövas {describe(meeting, para, other)}.")
    if e.question and not q.finding:
        raise RuleError(
            "Ordföranden ställer först proposition (f); votering begärs mot ordförandens "
            "förslag till beslut."
        )
    done = [r for r in q.rounds if r.closed]
    if len(done) >= len(vote_plan(item, para, key)):
        raise RuleError(f"{_cap(describe(meeting, para, q))} är redan avgjord genom votering.")


def _check_decision(meeting: Meeting, state: RecordState, e: ev.DecisionRecorded) -> None:
    item, para = _item_para(meeting, state, e.item)
    if para.decision is not None or ended(item, para) is not None:
        return  # the wording of a decision taken, or procedure's own refusal
    left = still_to_put(item, para)
    if left:
        raise RuleError(
            f"{_cap(describe(meeting, para, left[0]))} är inte prövad; ordföranden ställer "
            "proposition (f) före beslutet."
        )


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]
