"""The order of the questions (record/questions.py): formal motions first, each on its own;
then the main question; tilläggsyrkanden last. Examples, then properties over random
sequences of motions, findings and votes: the record never accepts an order the rules
forbid, and replaying what it accepted gives the state it built step by step."""

from __future__ import annotations

import dataclasses

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tests.record.conftest import SEATS, make_meeting, roll_call

from namndtui.record import events as ev
from namndtui.record import questions as qs
from namndtui.record.fold import apply_event, fold, new_state
from namndtui.record.procedure import RuleError, check
from namndtui.record.state import IN_PROGRESS, REFERRED_BACK, TABLED

# A body whose rules give the minority right (record/minority.py): nothing else changes.
MEETING = dataclasses.replace(make_meeting(), minority_right=("återremiss", "bordläggning"))
ITEM = MEETING.item("x1")


def state_of(events):
    return fold(MEETING, roll_call() + events)


def refused(events, event, fragment: str) -> None:
    with pytest.raises(RuleError) as info:
        check(MEETING, state_of(events), event)
    assert fragment in info.value.message, info.value.message


def accepted(events, event) -> None:
    check(MEETING, state_of(events), event)


CONTESTED = [
    ev.MotionMade("x1", "y1", "Anna Ek", "bifall"),
    ev.MotionMade("x1", "y2", "Bo Ås", "avslag"),
    ev.MotionMade("x1", "y3", "Cia Lund", "återremiss", "för att utreda mer"),
]


def test_the_suggested_order_is_formal_main_additions() -> None:
    events = [
        ev.MotionMade("x1", "y1", "Anna Ek", "tillägg", "att något läggs till"),
        *CONTESTED[:2],
        ev.MotionMade("x1", "y3", "Cia Lund", "återremiss"),
        ev.MotionMade("x1", "y4", "Dan Berg", "bordläggning"),
    ]
    para = state_of(events).paragraph("x1")
    keys = [(q.key, q.kind, q.proposals) for q in qs.suggested(ITEM, para)]
    assert keys == [
        ("y3", "återremiss", ("today", "y3")),
        ("y4", "bordläggning", ("today", "y4")),
        ("main", "huvudfråga", ("proposal", "y2")),
        ("y1", "tillägg", ("y1", "rejected")),
    ]
    assert qs.next_question(ITEM, para).key == "y3"


def test_the_main_question_waits_for_the_formal_one() -> None:
    refused(CONTESTED, ev.QuestionDecided("x1", "main", "proposal"), "Först prövas frågan om")
    refused(CONTESTED, ev.DecisionRecorded("x1", ("Beslut 1",)), "inte prövad")
    refused(CONTESTED, ev.VoteDemanded("x1", 1, "proposal", "y2", question="main"), "Först")
    decided_today = CONTESTED + [ev.QuestionDecided("x1", "y3", "today")]
    accepted(decided_today, ev.QuestionDecided("x1", "main", "proposal"))


def test_a_formal_motion_is_never_put_against_another_proposal() -> None:
    for yes, no in (("y3", "y2"), ("y3", "proposal"), ("today", "y2")):
        event = ev.VoteDemanded("x1", 1, yes, no, question="y3")
        refused(CONTESTED + [ev.QuestionDecided("x1", "y3", "today")], event, "var för sig")
    refused(CONTESTED, ev.VoteDemanded("x1", 1, "y3", "y2"), "var för sig")  # legacy form


def test_formal_motions_are_not_put_against_each_other() -> None:
    events = CONTESTED + [ev.MotionMade("x1", "y4", "Dan Berg", "bordläggning")]
    event = ev.VoteDemanded("x1", 1, "y3", "y4", question="y3")
    refused(events + [ev.QuestionDecided("x1", "y3", "today")], event, "var för sig")


def test_the_chair_may_put_the_formal_questions_in_another_order() -> None:
    events = CONTESTED + [ev.MotionMade("x1", "y4", "Dan Berg", "bordläggning")]
    events.append(ev.QuestionDecided("x1", "y4", "today"))  # bordläggning first
    state = state_of(events)
    para = state.paragraph("x1")
    assert para.put == ["y4"]
    assert [q.key for q in qs.in_order(ITEM, para)][:2] == ["y4", "y3"]
    refused(events, ev.QuestionDecided("x1", "main", "proposal"), "återremitteras")


def test_a_formal_question_decided_for_the_motion_ends_the_item() -> None:
    events = CONTESTED + [ev.QuestionDecided("x1", "y3", "y3")]
    para = state_of(events).paragraph("x1")
    assert para.status == REFERRED_BACK and para.referral_reason == "för att utreda mer"
    refused(events, ev.QuestionDecided("x1", "main", "proposal"), "fler frågor prövas inte")
    refused(events, ev.DecisionRecorded("x1", ("Beslut 1",)), "återremitterat")
    # the chair may put the finding right before a vote: the item is open again
    events.append(ev.QuestionDecided("x1", "y3", "today"))
    para = state_of(events).paragraph("x1")
    assert para.status == IN_PROGRESS and para.referral_reason == ""


def vote(events, round_no, key, yes, no, ballots, casting=""):
    out = [ev.VoteDemanded("x1", round_no, yes, no, demanded_by="Bo Ås", question=key)]
    out += [ev.VoteCast("x1", round_no, m, v) for m, v in zip(SEATS, ballots, strict=False)]
    out.append(ev.VoteClosed("x1", round_no, casting))
    return events + out


def test_a_vote_on_the_formal_question_decides_it() -> None:
    events = CONTESTED + [ev.QuestionDecided("x1", "y3", "today")]
    refused(events, ev.VoteDemanded("x1", 1, "today", "y3", question="y2"), "ingen fråga")
    events = vote(events, 1, "y3", "today", "y3", ["ja", "nej", "nej", "nej", "ja"])
    para = state_of(events).paragraph("x1")
    assert para.status == REFERRED_BACK
    refused(events, ev.QuestionDecided("x1", "y3", "today"), "genom votering")


def test_three_proposals_counter_round_then_main_vote() -> None:
    events = [
        ev.MotionMade("x1", "y1", "Anna Ek", "bifall"),
        ev.MotionMade("x1", "y2", "Bo Ås", "avslag"),
        ev.MotionMade("x1", "y3", "Cia Lund", "eget", "att göra något annat"),
        ev.QuestionDecided("x1", "main", "proposal"),
    ]
    para = state_of(events).paragraph("x1")
    assert qs.vote_plan(ITEM, para, "main") == [("y2", "y3"), ("proposal", "")]
    events = vote(events, 1, "main", "y2", "y3", ["nej", "ja", "nej", "ja", "avstår"], "nej")
    para = state_of(events).paragraph("x1")
    assert para.votes[0].counter and para.votes[0].winner == "y3"
    assert qs.vote_plan(ITEM, para, "main") == [("y2", "y3"), ("proposal", "y3")]
    events = vote(events, 2, "main", "proposal", "y3", ["nej", "nej", "nej", "ja", "ja"])
    para = state_of(events).paragraph("x1")
    assert para.finding == "y3" and qs.question(ITEM, para, "main").result == "y3"
    refused(events, ev.VoteDemanded("x1", 3, "proposal", "y3", question="main"), "votering")


def test_a_tillagg_comes_after_the_main_question() -> None:
    events = CONTESTED[:2] + [ev.MotionMade("x1", "y3", "Cia Lund", "tillägg", "att mer sker")]
    refused(events, ev.QuestionDecided("x1", "y3", "rejected"), "Först prövas huvudfrågan")
    events.append(ev.QuestionDecided("x1", "main", "proposal"))
    refused(events, ev.DecisionRecorded("x1", ("Beslut 1",)), "Tilläggsyrkandet")
    events.append(ev.QuestionDecided("x1", "y3", "rejected"))
    accepted(events, ev.DecisionRecorded("x1", ("Beslut 1",)))


def test_a_single_proposal_needs_no_proposition() -> None:
    events = [ev.MotionMade("x1", "y1", "Anna Ek", "bifall")]
    refused(events, ev.QuestionDecided("x1", "main", "proposal"), "bara ett förslag")
    accepted(events, ev.DecisionRecorded("x1", ("Beslut 1",)))
    assert qs.next_question(ITEM, state_of(events).paragraph("x1")) is None


# --- properties -------------------------------------------------------------------------------

KINDS = ["bifall", "avslag", "återremiss", "bordläggning", "ändring", "tillägg", "eget"]
VALUES = ["today", "proposal", "rejected", "y1", "y2", "y3", "y4", "y5"]
KEYS = ["main", "y1", "y2", "y3", "y4", "y5"]


def draw_act(data, state):
    """One act on item x1, drawn with an eye on the state (the questions and rounds that
    exist) so that many are well-formed, but often not (random keys, values, rounds)."""
    para = state.paragraph("x1")
    keys = ([q.key for q in qs.still_to_put(ITEM, para)] + para.put) * 4 + KEYS
    values = [p for q in qs.suggested(ITEM, para) for p in q.proposals] + VALUES
    rounds = [r.round for r in para.votes] + [len(para.votes) + 1] * 3 + [4]
    pick = lambda options: data.draw(st.sampled_from(options))  # noqa: E731
    choice = pick(["motion", "find", "find", "vote", "vote", "vote", "cast", "cast", "cast"]
                  + ["cast", "close", "close", "decide", "minority"])  # fmt: skip
    if data.draw(st.integers(0, 29)) == 0:
        choice = "undo"
    if choice == "motion":
        n = len(para.motions) + data.draw(st.integers(0, 1))
        return ev.MotionMade("x1", f"y{n}", pick(SEATS), pick(KINDS), "att text")
    key = pick(keys)
    own = [p for q in qs.suggested(ITEM, para) if q.key == key for p in q.proposals]
    sides = own * 4 + values  # mostly the question's own proposals
    if choice == "find":
        return ev.QuestionDecided("x1", key, pick(sides))
    if choice == "vote":
        yes, no = pick(sides), pick(sides)
        if len(own) >= 2 and data.draw(st.booleans()):
            yes, no = data.draw(st.permutations(own))[:2]
        return ev.VoteDemanded("x1", pick(rounds), yes, no, "Bo Ås", question=key)
    if choice == "cast":
        return ev.VoteCast("x1", pick(rounds), pick(SEATS), pick(["ja", "nej", "avstår"]))
    if choice == "close":
        return ev.VoteClosed("x1", pick(rounds), pick(["", "ja", "nej"]))
    if choice == "decide":
        return ev.DecisionRecorded("x1", ("Beslut 1",))
    if choice == "minority":
        return ev.MinorityDemand("x1", key, data.draw(st.integers(0, 6)), pick([5, 5, 4]))
    return ev.Undone(state.done[-1]) if state.done else None


def _rank(para, key: str) -> int:
    if key == "main":
        return 1
    motion = para.motion(key)
    return 0 if motion is not None and motion.kind in ev.FORMAL_KINDS else 2


def _settled_oracle(para, key: str, proposals: int) -> bool:
    """Independent of questions.py: a question is settled when it needs no proposition,
    or when the chair found and no vote on it is open."""
    if proposals < 2 or key in para.minority:
        return True
    rounds = [r for r in para.votes if r.question == key]
    if any(not r.closed for r in rounds):
        return False
    return key in para.findings or any(r.closed and r.winner for r in rounds)


def _formal_adopted(para, but: str = "") -> bool:
    """A formal question (other than `but`, whose finding may be put right) was decided for
    its motion."""
    for m in para.active_motions:
        if m.id == but:
            continue
        if m.kind in ev.FORMAL_KINDS and m.id in para.minority:
            return True  # forced by a minority
        if m.kind in ev.FORMAL_KINDS:
            rounds = [r for r in para.votes if r.question == m.id and r.closed and r.winner]
            result = rounds[-1].winner if rounds else para.findings.get(m.id, "")
            if result == m.id and not any(r.question == m.id and not r.closed for r in para.votes):
                return True
    return False


def assert_order_respected(before_state, event) -> None:
    """What an accepted finding, vote or decision says about the state before it."""
    para = before_state.paragraph("x1")
    if isinstance(event, ev.QuestionDecided | ev.VoteDemanded):
        key = event.question or "main"
        assert not _formal_adopted(para, but=key), "a question after the item ended"
        for m in para.active_motions:
            if _rank(para, m.id) < _rank(para, key):
                assert _settled_oracle(para, m.id, 2), f"{key} before {m.id}"
        if _rank(para, key) == 2:
            main = qs.main_proposals(ITEM, para)
            assert _settled_oracle(para, "main", len(main)), "tillägg before the main question"
        if key != "main" and para.motion(key).kind in ev.FORMAL_KINDS:
            allowed = {"today", key}
            if isinstance(event, ev.VoteDemanded):
                assert {event.yes, event.no} == allowed, "formal put against another"
            else:
                assert event.finding in allowed
    if isinstance(event, ev.MinorityDemand):
        assert para.motion(event.motion).kind in ev.FORMAL_KINDS
        assert not _formal_adopted(para, but=event.motion), "a minority after the item ended"
        assert "main" not in para.put, "a minority after the main question"
        assert 3 * event.supporters >= event.present == 5, "too few for a third"
    if isinstance(event, ev.DecisionRecorded) and para.decision is None:
        assert para.status not in (TABLED, REFERRED_BACK)
        for m in para.active_motions:
            if m.kind in ev.FORMAL_KINDS:
                assert _settled_oracle(para, m.id, 2), "decision before a formal question"


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_the_record_never_accepts_a_forbidden_order(data) -> None:
    state = new_state(MEETING)
    journal = roll_call()
    for n, event in enumerate(journal, start=1):
        apply_event(MEETING, state, event, n)
    for _ in range(data.draw(st.integers(1, 40))):
        event = draw_act(data, state)
        if event is None:
            continue
        try:
            check(MEETING, state, event)
        except RuleError:
            continue
        assert_order_respected(state, event)
        journal.append(event)
        apply_event(MEETING, state, event, len(journal))
    replayed = fold(MEETING, journal)
    assert replayed == state  # replay equals the fold built act by act


def test_an_adopted_tillagg_joins_the_decision_draft() -> None:
    from namndtui.record import acts

    events = [
        ev.MotionMade("x1", "y1", "Anna Ek", "bifall"),
        ev.MotionMade("x1", "y2", "Bo Ås", "tillägg", "Nämnden följer upp saken i maj."),
        ev.QuestionDecided("x1", "y2", "y2"),
    ]
    state = state_of(events)
    assert acts.decision_draft(MEETING, state, "x1") == [
        "Beslut 1",
        "Nämnden följer upp saken i maj.",
    ]
