"""The minority right for formal motions (record/minority.py): minoritetsåterremiss and
minoritetsbordläggning where the body's rules give them, refused where they do not."""

from __future__ import annotations

import dataclasses
from fractions import Fraction

import pytest
from tests.record.conftest import SEATS, make_meeting, roll_call

from namndtui.minutes import beslutsgang as bg
from namndtui.record import events as ev
from namndtui.record import minority, vote_acts
from namndtui.record import questions as qs
from namndtui.record.fold import fold
from namndtui.record.procedure import RuleError, check
from namndtui.record.record import check_all
from namndtui.record.state import IN_PROGRESS, REFERRED_BACK, TABLED

FULLMAKTIGE = dataclasses.replace(make_meeting(), minority_right=("återremiss", "bordläggning"))
NAMND = make_meeting()  # no minority right: a nämnd's by law
AT = "19:10"

MOTIONS = [
    ev.ItemCalled("x1"),
    ev.MotionMade("x1", "y1", "Anna Ek", "bifall"),
    ev.MotionMade("x1", "y2", "Bo Ås", "återremiss", "för att utreda kostnaderna"),
]


def state_of(meeting, *more):
    return fold(meeting, roll_call() + MOTIONS + list(more))


def refused(meeting, events, event, fragment: str) -> None:
    with pytest.raises(RuleError) as info:
        check(meeting, state_of(meeting, *events), event)
    assert fragment in info.value.message, info.value.message


def test_a_third_of_the_present_refer_the_item_back_without_a_vote() -> None:
    state = state_of(FULLMAKTIGE)
    demand = vote_acts.minority_demand(FULLMAKTIGE, state, "x1", "y2", 2, AT)
    assert demand == [ev.MinorityDemand("x1", "y2", 2, 5)]  # 5 serving, counted by the record
    check_all(FULLMAKTIGE, state, demand)
    para = state_of(FULLMAKTIGE, *demand).paragraphs["x1"]
    assert para.status == REFERRED_BACK and para.ended_by == "y2"
    assert para.referral_reason == "för att utreda kostnaderna"
    assert bg.procedure_sentences(FULLMAKTIGE, FULLMAKTIGE.item("x1"), para) == [
        "Återremiss begärs av 2 av de 5 närvarande ledamöterna, minst en tredjedel, och "
        "ärendet ska därför återremitteras (minoritetsåterremiss)."
    ]
    # the item ends there: nothing more is put
    assert qs.still_to_put(FULLMAKTIGE.item("x1"), para) == []


def test_undo_takes_the_minority_back() -> None:
    seq = len(roll_call()) + len(MOTIONS) + 1
    state = state_of(FULLMAKTIGE, ev.MinorityDemand("x1", "y2", 2, 5), ev.Undone(seq))
    assert state.paragraphs["x1"].status == IN_PROGRESS
    assert state.paragraphs["x1"].minority == {}


def test_refusals() -> None:
    demand = ev.MinorityDemand("x1", "y2", 2, 5)
    refused(NAMND, [], demand, "ger inte en minoritet rätt till minoritetsåterremiss")
    refused(FULLMAKTIGE, [], ev.MinorityDemand("x1", "y2", 1, 5), "färre än en tredjedel (minst 2)")
    refused(FULLMAKTIGE, [], ev.MinorityDemand("x1", "y2", 2, 4), "5 ledamöter tjänstgör")
    refused(FULLMAKTIGE, [], ev.MinorityDemand("x1", "y2", 6, 5), "mellan 1 och 5")
    refused(FULLMAKTIGE, [], ev.MinorityDemand("x1", "y1", 2, 5), "bara begära återremiss")
    refused(FULLMAKTIGE, [ev.MotionWithdrawn("x1", "y2")], demand, "bara begära återremiss")
    refused(FULLMAKTIGE, [demand], demand, "Minoriteten har redan begärt det")
    found_for = ev.QuestionDecided("x1", "y2", "y2")  # the majority referred it back already
    refused(FULLMAKTIGE, [found_for], demand, "redan beslutat")
    today = ev.QuestionDecided("x1", "y2", "today")
    # after the chair found for deciding today, the minority may still force it …
    check(FULLMAKTIGE, state_of(FULLMAKTIGE, today), demand)
    # … not once the main question is put
    main = [today, ev.MotionMade("x1", "y3", "Cia Lund", "avslag")]
    main.append(ev.QuestionDecided("x1", "main", "proposal"))
    refused(FULLMAKTIGE, main, demand, "Huvudfrågan är redan prövad")
    only_referral = dataclasses.replace(FULLMAKTIGE, minority_right=("återremiss",))
    tabling = [ev.MotionMade("x1", "y3", "Cia Lund", "bordläggning")]
    refused(only_referral, tabling, ev.MinorityDemand("x1", "y3", 2, 5), "minoritetsbordläggning")


def test_a_minority_bordlaggning() -> None:
    tabling = ev.MotionMade("x1", "y3", "Cia Lund", "bordläggning", "till nästa sammanträde")
    para = state_of(FULLMAKTIGE, tabling, ev.MinorityDemand("x1", "y3", 2, 5)).paragraphs["x1"]
    assert para.status == TABLED
    assert bg.procedure_sentences(FULLMAKTIGE, FULLMAKTIGE.item("x1"), para)[-1] == (
        "Bordläggning begärs av 2 av de 5 närvarande ledamöterna, minst en tredjedel, och "
        "ärendet ska därför bordläggas (minoritetsbordläggning)."
    )


def _voted(meeting, nej: int):
    """The formal question put (today), a vote demanded, `nej` of the five for återremiss."""
    events = [
        ev.QuestionDecided("x1", "y2", "today"),
        ev.VoteDemanded("x1", 1, "today", "y2", question="y2"),
    ]
    events += [
        ev.VoteCast("x1", 1, name, "nej" if n < nej else "ja") for n, name in enumerate(SEATS)
    ]
    return state_of(meeting, *events)


def test_the_record_decides_after_a_vote_when_a_third_voted_for_the_referral() -> None:
    state = _voted(FULLMAKTIGE, nej=2)
    closing = vote_acts.close_vote(FULLMAKTIGE, state, "x1", 1)
    assert closing == [ev.VoteClosed("x1", 1), ev.MinorityDemand("x1", "y2", 2, 5)]
    check_all(FULLMAKTIGE, state, closing)
    # a majority for the referral, too few, or no right: the vote alone decides
    assert vote_acts.close_vote(FULLMAKTIGE, _voted(FULLMAKTIGE, nej=3), "x1", 1) == [
        ev.VoteClosed("x1", 1)
    ]
    assert vote_acts.close_vote(FULLMAKTIGE, _voted(FULLMAKTIGE, nej=1), "x1", 1) == [
        ev.VoteClosed("x1", 1)
    ]
    assert vote_acts.close_vote(NAMND, _voted(NAMND, nej=2), "x1", 1) == [ev.VoteClosed("x1", 1)]
    # the count after a vote is the vote's
    after = fold(FULLMAKTIGE, [*(e for _, _, e in state.log), ev.VoteClosed("x1", 1)])
    with pytest.raises(RuleError, match="antalet som röstade"):
        check(FULLMAKTIGE, after, ev.MinorityDemand("x1", "y2", 3, 5))
    para = fold(FULLMAKTIGE, [*(e for _, _, e in state.log), *closing]).paragraphs["x1"]
    assert para.status == REFERRED_BACK
    text = bg.procedure_sentences(FULLMAKTIGE, FULLMAKTIGE.item("x1"), para)
    assert text[-2:] == [
        "Med 3 ja-röster mot 2 nej-röster beslutar nämnden att ärendet ska avgöras i dag.",
        "Återremiss begärs av 2 av de 5 närvarande ledamöterna, minst en tredjedel, och "
        "ärendet ska därför återremitteras (minoritetsåterremiss).",
    ]


def test_the_motions_a_minority_may_force() -> None:
    state = state_of(FULLMAKTIGE)
    assert [m.id for m in vote_acts.minority_motions(FULLMAKTIGE, state, "x1")] == ["y2"]
    assert vote_acts.minority_motions(NAMND, state_of(NAMND), "x1") == []
    ended = state_of(FULLMAKTIGE, ev.MinorityDemand("x1", "y2", 2, 5))
    assert vote_acts.minority_motions(FULLMAKTIGE, ended, "x1") == []


@pytest.mark.parametrize(
    ("share", "present", "needed", "words"),
    [
        ("1/3", 31, 11, "en tredjedel"),
        ("1/3", 49, 17, "en tredjedel"),  # 16 is less than a third of 49
        ("1/3", 3, 1, "en tredjedel"),
        ("1/4", 9, 3, "en fjärdedel"),
        ("2/5", 10, 4, "två femtedelar"),
        ("1/2", 7, 4, "hälften"),
    ],
)
def test_the_share(share, present, needed, words) -> None:
    meeting = dataclasses.replace(FULLMAKTIGE, minority_fraction=share)
    assert minority.needed(meeting.minority_share, present) == needed
    assert minority.share_words(meeting.minority_share) == words
    assert FULLMAKTIGE.minority_share == Fraction(1, 3)


def test_the_typed_count_is_plain_digits_only() -> None:
    """'²' passed str.isdigit and crashed the app in int() (qa); ' 4 ' is 4."""
    assert minority.parse_supporters(" 4 ") == 4
    for bad in ("²", "٣", "-3", "4.0", "", "abc", "9" * 30):
        assert minority.parse_supporters(bad) is None


def test_the_right_is_used_once_per_arende() -> None:
    """An item a minority already tabled or referred back at an earlier meeting
    (`Item.minority_used`) gets no second minority demand, of either kind; after a vote the
    record does not force it either, and the form offers none."""
    items = tuple(
        dataclasses.replace(i, minority_used="bordläggning") if i.id == "x1" else i
        for i in FULLMAKTIGE.items
    )
    used = dataclasses.replace(FULLMAKTIGE, items=items)
    refused(used, [], ev.MinorityDemand("x1", "y2", 2, 5), "redan använts i ärendet")
    assert vote_acts.minority_motions(used, state_of(used), "x1") == []
    assert vote_acts.minority_motions(FULLMAKTIGE, state_of(FULLMAKTIGE), "x1") != []
    assert vote_acts.close_vote(used, _voted(used, nej=2), "x1", 1) == [ev.VoteClosed("x1", 1)]


def test_new_from_sees_the_forced_motion() -> None:
    """`namndtui new --from` carries the kind a minority forced, not a majority's referral."""
    item = FULLMAKTIGE.item("x1")
    forced = state_of(FULLMAKTIGE, ev.MinorityDemand("x1", "y2", 2, 5)).paragraphs["x1"]
    assert minority.forced_kind(item, forced) == "återremiss"
    by_majority = state_of(FULLMAKTIGE, ev.QuestionDecided("x1", "y2", "y2")).paragraphs["x1"]
    assert by_majority.status == REFERRED_BACK and minority.forced_kind(item, by_majority) == ""
    earlier = dataclasses.replace(item, minority_used="bordläggning")
    assert minority.forced_kind(earlier, by_majority) == "bordläggning"


def test_rules_changed_after_the_meeting_are_warned_and_not_printed() -> None:
    """minority_fraction raised to 1/2 (or minority_right removed) after a demand of 2 of 5
    printed '… 2 av de 5 närvarande ledamöterna, minst hälften …' and validated (qa)."""
    state = state_of(FULLMAKTIGE, ev.MinorityDemand("x1", "y2", 2, 5))
    assert minority.changed_rules(FULLMAKTIGE, state) == []
    half = dataclasses.replace(FULLMAKTIGE, minority_fraction="1/2")
    [line] = minority.changed_rules(half, state)
    assert "(2 av 5) är färre än hälften" in line
    [line] = minority.changed_rules(NAMND, state)
    assert "ger inte längre minoriteten den rätten" in line
    item, para = FULLMAKTIGE.item("x1"), state.paragraphs["x1"]
    q = qs.question(item, para, "y2")
    assert "minst en tredjedel" in bg.minority_sentence(FULLMAKTIGE, q)
    assert "minst" not in bg.minority_sentence(half, q)
