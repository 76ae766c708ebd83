"""Every rule of procedure.py and every refusal of check()."""

from __future__ import annotations

import pytest

from namndtui.record import acts, questions
from namndtui.record import events as ev
from namndtui.record.fold import fold
from namndtui.record.procedure import (
    Quorum,
    RuleError,
    casting_vote,
    check,
    may_add_reservation_text,
    may_reserve,
    presiding_chair_on,
    quorum,
    voters,
)
from namndtui.record.state import Paragraph
from namndtui.record.state_parts import Motion

from .conftest import SEATS, SUBS, decided_by_vote, make_meeting, roll_call


def refused(meeting, events, event, fragment: str) -> None:
    state = fold(meeting, events)
    with pytest.raises(RuleError) as info:
        check(meeting, state, event)
    assert fragment in info.value.message, info.value.message


def allowed(meeting, events, event) -> None:
    check(meeting, fold(meeting, events), event)


# --- quorum (KL 6 kap. 27 §) ------------------------------------------------------------------


def test_quorum_text():
    assert Quorum(3, 5, True).text() == "Beslutför 3/5"
    assert Quorum(2, 5, False).text() == "EJ BESLUTFÖR 2/5"


def test_quorum_needs_more_than_half(meeting):
    assert quorum(meeting, fold(meeting, roll_call(SEATS[:3]))).ok
    q = quorum(meeting, fold(meeting, roll_call(SEATS[:2])))
    assert (q.present, q.seats, q.ok) == (2, 5, False)


def test_quorum_counts_serving_substitutes(meeting):
    events = roll_call(SEATS[:2]) + [ev.SubstituteServes(SUBS[0], SEATS[4])]
    assert quorum(meeting, fold(meeting, events)).present == 3
    # a present substitute who does not serve is not counted
    events = roll_call(SEATS[:2] + SUBS[:1])
    assert quorum(meeting, fold(meeting, events)).present == 2


def test_quorum_does_not_count_the_recused(meeting):
    events = roll_call(SEATS[:3]) + [ev.Recused("x1", "Cia Lund")]
    state = fold(meeting, events)
    assert quorum(meeting, state).ok  # the meeting as a whole
    assert not quorum(meeting, state, "x1").ok
    assert quorum(meeting, state, "x2").ok


def test_recused_with_substitute_keeps_the_seat(meeting):
    events = roll_call(SEATS[:3] + ["Fia Nord"]) + [ev.Recused("x1", "Cia Lund", "Fia Nord")]
    state = fold(meeting, events)
    assert quorum(meeting, state, "x1").present == 3
    assert voters(meeting, state, "x1") == ["Anna Ek", "Bo Ås", "Fia Nord"]


def test_decisions_refused_without_quorum(meeting):
    events = roll_call(SEATS[:2]) + [
        ev.ItemCalled("x1"),
        ev.MotionMade("x1", "y1", "Anna Ek", "bifall"),
    ]
    for event in (
        ev.DecisionRecorded("x1", ("Beslut 1",)),
        ev.QuestionDecided("x1", "main", "proposal"),
        ev.ItemTabled("x1"),
        ev.ItemReferredBack("x1"),
    ):
        refused(meeting, events, event, "inte beslutför: 2 av 5")


def test_vote_closed_refused_without_quorum(meeting):
    events = decided_by_vote()[:-2] + [ev.MemberLeft(n, "x1") for n in SEATS[1:4]]
    refused(meeting, roll_call() + events, ev.VoteClosed("x1", 1), "KL 6 kap. 27 §")


def test_no_seats_means_nothing_to_count():
    import datetime as dt

    from namndtui.model import Meeting

    empty = Meeting(body="B", date=dt.date(2020, 1, 1))
    assert quorum(empty, fold(empty, [])).ok


# --- who may vote -------------------------------------------------------------------------------


def test_voters_in_member_order(meeting):
    events = roll_call(["Eva Holm", "Anna Ek"]) + [ev.SubstituteServes("Gus Syd", "Bo Ås")]
    assert voters(meeting, fold(meeting, events), "x1") == ["Anna Ek", "Eva Holm", "Gus Syd"]


def test_vote_from_non_serving_member_refused(meeting):
    events = roll_call(SEATS[:4]) + decided_by_vote()[:4]
    refused(meeting, events, ev.VoteCast("x1", 1, "Eva Holm", "ja"), "Eva Holm tjänstgör inte")
    refused(meeting, events, ev.VoteCast("x1", 1, "Fia Nord", "ja"), "tjänstgör inte")
    refused(meeting, events, ev.VoteCast("x1", 1, "Nobody", "ja"), "inte ledamot")


def test_vote_from_recused_refused(meeting):
    events = roll_call() + [ev.Recused("x1", "Bo Ås")] + decided_by_vote()[:4]
    refused(meeting, events, ev.VoteCast("x1", 1, "Bo Ås", "ja"), "jävig")


def test_vote_choice_and_round_checked(meeting):
    events = roll_call() + decided_by_vote()[:4]
    refused(meeting, events, ev.VoteCast("x1", 1, "Bo Ås", "kanske"), "Ogiltig röst")
    refused(meeting, events, ev.VoteCast("x1", 2, "Bo Ås", "ja"), "ingen votering 2")
    closed = roll_call() + decided_by_vote()[:-1]
    refused(meeting, closed, ev.VoteCast("x1", 1, "Bo Ås", "ja"), "avslutad")
    refused(meeting, closed, ev.VoteClosed("x1", 1), "redan avslutad")


def test_tie_needs_casting_vote(meeting):
    events = roll_call(SEATS[:4]) + decided_by_vote()[:4]
    events += [
        ev.VoteCast("x1", 1, n, v)
        for n, v in zip(SEATS[:4], ["nej", "ja", "ja", "nej"], strict=True)
    ]
    refused(meeting, events, ev.VoteClosed("x1", 1), "utslagsröst")
    refused(meeting, events, ev.VoteClosed("x1", 1, casting="kanske"), "Ogiltig utslagsröst")
    allowed(meeting, events, ev.VoteClosed("x1", 1, casting="nej"))
    state = fold(meeting, events + [ev.VoteClosed("x1", 1, casting="nej")])
    assert state.paragraphs["x1"].finding == "y2"


def _tie(chair_vote: str, present=SEATS[:4], recused=()) -> list[ev.Event]:
    """A 2–2 tie in round 1 of x1; the first present member (the chair, Anna Ek) votes
    `chair_vote` (or does not vote when "")."""
    events = roll_call(list(present)) + [ev.Recused("x1", m) for m in recused]
    events += decided_by_vote()[:4]
    voting = [m for m in present if m not in recused]
    votes = [chair_vote, "nej" if chair_vote == "ja" else "ja", "ja", "nej"]
    events += [ev.VoteCast("x1", 1, n, v) for n, v in zip(voting, votes, strict=False) if v]
    return events


def test_casting_vote_is_the_chairs_own_vote(meeting):
    events = _tie("ja")
    refused(meeting, events, ev.VoteClosed("x1", 1, casting="nej"), "Ordföranden röstade ja")
    allowed(meeting, events, ev.VoteClosed("x1", 1, casting="ja"))
    state = fold(meeting, events)
    assert presiding_chair_on(meeting, state, "x1") == "Anna Ek"
    assert casting_vote(meeting, state, "x1", 1) == "ja"
    assert casting_vote(meeting, state, "x1", 2) == ""  # no such round


def test_casting_vote_free_when_the_chair_abstained(meeting):
    events = roll_call() + decided_by_vote()[:4]
    votes = ["avstår", "nej", "ja", "nej", "ja"]  # 2–2, the chair abstains
    events += [ev.VoteCast("x1", 1, n, v) for n, v in zip(SEATS, votes, strict=True)]
    assert casting_vote(meeting, fold(meeting, events), "x1", 1) == ""
    allowed(meeting, events, ev.VoteClosed("x1", 1, casting="nej"))


def test_vice_chair_presides_when_the_chair_is_away_or_recused(meeting):
    # Anna Ek (ordförande) absent: Bo Ås (vice ordförande) presides and votes nej.
    events = _tie("nej", present=SEATS[1:])
    state = fold(meeting, events)
    assert presiding_chair_on(meeting, state, "x1") == "Bo Ås"
    refused(meeting, events, ev.VoteClosed("x1", 1, casting="ja"), "Ordföranden röstade nej")
    # Anna Ek recused on x1 only: Bo Ås presides over x1, Anna over x2.
    state = fold(meeting, roll_call() + [ev.Recused("x1", "Anna Ek")])
    assert presiding_chair_on(meeting, state, "x1") == "Bo Ås"
    assert presiding_chair_on(meeting, state, "x2") == "Anna Ek"
    # Neither serves: not known.
    state = fold(meeting, roll_call(SEATS[2:]))
    assert presiding_chair_on(meeting, state, "x1") is None


def test_casting_vote_only_on_tie(meeting):
    events = roll_call() + decided_by_vote()[:-2]
    refused(meeting, events, ev.VoteClosed("x1", 1, casting="ja"), "bara vid lika")


def test_vote_demanded_rules(meeting):
    events = roll_call() + decided_by_vote()[:3]
    refused(meeting, events, ev.VoteDemanded("x1", 1, "y1", "y1"), "olika")
    refused(meeting, events, ev.VoteDemanded("x1", 1, "y1", "y9"), "Okänt yrkande")
    refused(meeting, events, ev.VoteDemanded("x1", 2, "y1", "y2"), "nummer 1")
    refused(meeting, events, ev.VoteDemanded("x1", 1, "y1", "y2", "Fia Nord"), "tjänstgör inte")
    opened = events + [ev.VoteDemanded("x1", 1, "y1", "y2")]
    refused(meeting, opened, ev.VoteDemanded("x1", 2, "y1", "y2"), "pågår redan")
    refused(meeting, opened, ev.QuestionDecided("x1", "main", "proposal"), "votering pågår")
    refused(meeting, opened, ev.DecisionRecorded("x1", ("B",)), "votering pågår")


# --- motions ------------------------------------------------------------------------------------


def test_motion_rules(meeting):
    events = roll_call(SEATS[:4]) + [
        ev.ItemCalled("x1"),
        ev.MotionMade("x1", "y1", "Anna Ek", "bifall"),
    ]
    refused(meeting, events, ev.MotionMade("x1", "y1", "Bo Ås", "avslag"), "finns redan")
    refused(meeting, events, ev.MotionMade("x1", "y2", "Bo Ås", "nej"), "Okänd yrkandetyp")
    refused(meeting, events, ev.MotionMade("x1", "y2", "Eva Holm", "avslag"), "får inte yrka")
    refused(meeting, events, ev.MotionMade("x1", "y2", "Bo Ås", "tillägg"), "måste ha en text")
    refused(meeting, events, ev.MotionMade("x1", "", "Bo Ås", "avslag"), "saknar id")
    refused(
        meeting,
        events,
        ev.MotionMade("x1", "y2", "Bo Ås", "avslag", joined=("Eva Holm",)),
        "instämma",
    )
    refused(meeting, events, ev.MotionMade("zz", "y2", "Bo Ås", "avslag"), "Okänt ärende")
    refused(meeting, events, ev.MotionJoined("x1", "y1", "Anna Ek"), "själv")
    refused(meeting, events, ev.MotionJoined("x1", "y9", "Bo Ås"), "Okänt yrkande")
    refused(meeting, events, ev.MotionJoined("x1", "y1", "Eva Holm"), "tjänstgör inte")
    joined = events + [ev.MotionJoined("x1", "y1", "Bo Ås")]
    refused(meeting, joined, ev.MotionJoined("x1", "y1", "Bo Ås"), "redan instämt")
    withdrawn = events + [ev.MotionWithdrawn("x1", "y1")]
    refused(meeting, withdrawn, ev.MotionWithdrawn("x1", "y1"), "återtaget")


def _paragraph(*kinds: str) -> Paragraph:
    return Paragraph(item="x", motions=[Motion(f"y{n}", "A", k) for n, k in enumerate(kinds, 1)])


def test_the_acts_of_old_journals_are_not_written_any_more(meeting):
    """ChairFinding and PropositionOrderSet are folded from old journals (test_fold) but
    refused as new acts, also inside a rättelse: the question model writes QuestionDecided."""
    events = roll_call() + [
        ev.ItemCalled("x1"),
        ev.MotionMade("x1", "y1", "Anna Ek", "bifall"),
        ev.MotionMade("x1", "y2", "Bo Ås", "avslag"),
    ]
    refused(meeting, events, ev.ChairFinding("x1", "y1"), "äldre journaler")
    refused(meeting, events, ev.PropositionOrderSet("x1", ("y1", "y2")), "skrivs inte längre")
    justified = events + [ev.QuestionDecided("x1", "main", "proposal"), ev.ParagraphJustified("x1")]
    change = ev.ChairFinding("x1", "y2").to_dict()
    refused(meeting, justified, ev.CorrectionMade("x1", "Fel", change), "äldre journaler")


def vote_plan(paragraph: Paragraph) -> list[tuple[str, str]]:
    """The main question's rounds (record/questions.py), for an item with a proposal."""
    return questions.vote_plan(make_meeting().item("x1"), paragraph, "main")


def test_vote_plan_two_proposals():
    assert vote_plan(_paragraph("bifall", "avslag")) == [("proposal", "y2")]
    assert vote_plan(_paragraph("bifall")) == []
    # formal motions and additions are questions of their own
    assert vote_plan(_paragraph("bifall", "återremiss", "avslag", "tillägg")) == [
        ("proposal", "y3")
    ]


def test_vote_plan_kontraproposition():
    p = _paragraph("bifall", "avslag", "eget")
    assert vote_plan(p) == [("y2", "y3"), ("proposal", "")]
    p.findings["main"] = "y3"  # the chair found for y3: it is the huvudförslag
    assert vote_plan(p) == [("proposal", "y2"), ("y3", "")]


def test_kontrapropositionsvotering_keeps_both_rounds(meeting):
    events = roll_call() + [
        ev.ItemCalled("x1"),
        ev.MotionMade("x1", "y1", "Anna Ek", "bifall"),
        ev.MotionMade("x1", "y2", "Bo Ås", "avslag"),
        ev.MotionMade("x1", "y3", "Cia Lund", "eget", "Annat beslut"),
        ev.ChairFinding("x1", "y1"),
        ev.VoteDemanded("x1", 1, "y2", "y3"),
    ]
    events += [
        ev.VoteCast("x1", 1, n, v)
        for n, v in zip(SEATS, ["nej", "ja", "nej", "nej", "ja"], strict=True)
    ]
    events += [ev.VoteClosed("x1", 1)]
    state = fold(meeting, events)
    paragraph = state.paragraphs["x1"]
    assert paragraph.votes[0].counter and paragraph.votes[0].winner == "y3"
    assert paragraph.finding == "y1"  # a counter round does not decide
    assert vote_plan(paragraph) == [("y2", "y3"), ("proposal", "y3")]
    events += [ev.VoteDemanded("x1", 2, "y1", "y3")]
    events += [
        ev.VoteCast("x1", 2, n, v)
        for n, v in zip(SEATS, ["ja", "nej", "nej", "nej", "ja"], strict=True)
    ]
    events += [ev.VoteClosed("x1", 2)]
    paragraph = fold(meeting, events).paragraphs["x1"]
    assert [r.counter for r in paragraph.votes] == [True, False]
    assert paragraph.finding == "y3"


# --- reservations (KL 4 kap. 27 §) --------------------------------------------------------------


def test_reservation_after_vote(meeting):
    events = roll_call() + decided_by_vote(ja=3)
    state = fold(meeting, events)
    assert may_reserve(meeting, state, "x1", "Dan Berg") == ""
    assert "vann" in may_reserve(meeting, state, "x1", "Anna Ek")
    allowed(meeting, events, ev.ReservationMade("x1", "Eva Holm", "Skriftlig text"))
    refused(meeting, events, ev.ReservationMade("x1", "Bo Ås"), "röstade för det förslag som vann")


def test_reservation_refused_for_abstainer_and_absent(meeting):
    events = roll_call() + decided_by_vote()[:4]
    events += [
        ev.VoteCast("x1", 1, n, v)
        for n, v in zip(SEATS, ["ja", "ja", "ja", "nej", "avstår"], strict=True)
    ]
    events += [ev.VoteClosed("x1", 1), ev.DecisionRecorded("x1", ("B",))]
    refused(meeting, events, ev.ReservationMade("x1", "Eva Holm"), "avstod")
    refused(meeting, events, ev.ReservationMade("x1", "Fia Nord"), "tjänstgjorde inte")
    refused(meeting, events, ev.ReservationMade("x1", "Nobody"), "inte ledamot")
    refused(meeting, events, ev.ReservationMade("zz", "Dan Berg"), "Okänt ärende")


def test_reservation_refused_for_non_voter_in_vote(meeting):
    events = roll_call() + decided_by_vote()[:4]
    events += [ev.VoteCast("x1", 1, n, "ja") for n in SEATS[:4]]
    events += [ev.VoteClosed("x1", 1), ev.DecisionRecorded("x1", ("B",))]
    refused(meeting, events, ev.ReservationMade("x1", "Eva Holm"), "röstade inte")


def test_reservation_refused_before_decision(meeting):
    events = roll_call() + decided_by_vote()[:3]
    refused(meeting, events, ev.ReservationMade("x1", "Dan Berg"), "Inget beslut")


def test_reservation_refused_for_recused(meeting):
    events = roll_call() + [ev.Recused("x1", "Bo Ås")] + decided_by_vote()
    refused(meeting, events, ev.ReservationMade("x1", "Bo Ås"), "jävig")


def test_reservation_without_vote_needs_a_lost_motion(meeting):
    base = roll_call() + [
        ev.ItemCalled("x1"),
        ev.MotionMade("x1", "y1", "Anna Ek", "bifall"),
        ev.MotionMade("x1", "y2", "Dan Berg", "avslag"),
        ev.MotionMade("x1", "y3", "Cia Lund", "bifall"),
        ev.MotionJoined("x1", "y2", "Eva Holm"),
        ev.ChairFinding("x1", "y1"),
        ev.DecisionRecorded("x1", ("Beslut 1",)),
    ]
    state = fold(meeting, base)
    assert may_reserve(meeting, state, "x1", "Dan Berg") == ""
    assert may_reserve(meeting, state, "x1", "Eva Holm") == ""
    assert "yrkade inte" in may_reserve(meeting, state, "x1", "Cia Lund")  # same side (bifall)
    assert "yrkade inte" in may_reserve(meeting, state, "x1", "Bo Ås")
    allowed(meeting, base, ev.ReservationMade("x1", "Dan Berg", motion="y2"))
    refused(meeting, base, ev.ReservationMade("x1", "Dan Berg", motion="y1"), "inte Dan Bergs eget")
    refused(meeting, base, ev.ReservationMade("x1", "Anna Ek"), "yrkade inte")


def test_reservation_decided_as_proposed_without_finding(meeting):
    events = roll_call() + [
        ev.ItemCalled("x1"),
        ev.MotionMade("x1", "y1", "Dan Berg", "återremiss"),
        ev.DecisionRecorded("x1", ("Beslut 1",)),
    ]
    assert may_reserve(meeting, fold(meeting, events), "x1", "Dan Berg") == ""
    tabled = roll_call() + [
        ev.ItemCalled("x1"),
        ev.MotionMade("x1", "y1", "Dan Berg", "bordläggning"),
        ev.ItemTabled("x1"),
    ]
    assert "yrkade inte" in may_reserve(meeting, fold(meeting, tabled), "x1", "Dan Berg")


# --- attendance and meeting ----------------------------------------------------------------------


def test_meeting_times(meeting):
    refused(meeting, [], ev.MeetingOpened("7pm"), "Ogiltig tid")
    refused(meeting, [], ev.MeetingAdjourned("19:00"), "inte öppnat")
    refused(meeting, [], ev.MeetingClosed("21:00"), "inte öppnat")
    refused(meeting, [], ev.MeetingResumed("19:00"), "inte ajournerat")
    opened = [ev.MeetingOpened("19:00")]
    # a time is shown as the minutes write it ("kl. 19.00"), never "19:00"
    refused(meeting, opened, ev.MeetingOpened("19:01"), "redan öppnat (kl. 19.00)")
    broke = opened + [ev.MeetingAdjourned("20:00")]
    refused(meeting, broke, ev.MeetingAdjourned("20:01"), "redan ajournerat")
    closed = opened + [ev.MeetingClosed("21:00")]
    refused(meeting, closed, ev.MeetingClosed("21:01"), "redan avslutat (kl. 21.00)")
    with pytest.raises(RuleError, match=r"öppnades redan kl\. 19\.00\.$"):
        acts.open_meeting(fold(meeting, opened), "19:05")
    refused(meeting, closed, ev.MeetingAdjourned("21:01"), "avslutat")
    state = fold(meeting, broke + [ev.MeetingResumed("20:15"), ev.MeetingClosed("21:00")])
    assert state.breaks == [("20:00", "20:15")] and state.closed_at == "21:00"


def test_attendance_refusals(meeting):
    events = roll_call(SEATS[:4] + ["Fia Nord"])
    refused(meeting, events, ev.AttendanceSet("Nobody", True), "inte ledamot")
    refused(meeting, events, ev.MemberArrived("Anna Ek", "x1"), "redan närvarande")
    refused(meeting, events, ev.MemberLeft("Eva Holm", "x1"), "inte närvarande")
    refused(meeting, events, ev.MemberLeft("Anna Ek", "zz"), "Okänt ärende")
    refused(meeting, events, ev.MemberArrived("Eva Holm", "x1", at="late"), "Ogiltig tid")
    refused(meeting, events, ev.SubstituteServes("Bo Ås", "Eva Holm"), "inte ersättare")
    refused(meeting, events, ev.SubstituteServes("Fia Nord", "Gus Syd"), "är ersättare")
    refused(meeting, events, ev.SubstituteServes("Fia Nord", "Anna Ek"), "tjänstgör själv")
    serving = events + [ev.SubstituteServes("Fia Nord", "Eva Holm")]
    refused(meeting, serving, ev.SubstituteServes("Fia Nord", "Eva Holm"), "redan för Eva Holm")
    refused(
        meeting, serving, ev.SubstituteServes("Gus Syd", "Eva Holm"), "Fia Nord tjänstgör redan"
    )
    refused(meeting, events, ev.SubstituteStops("Fia Nord", "x1"), "tjänstgör inte")
    refused(meeting, [], ev.OfficialPresent(" "), "Namn saknas")
    refused(meeting, [], ev.AdjustersChosen(()), "minst en")
    refused(meeting, [], ev.AdjustersChosen(("Nobody",)), "inte ledamot")
    refused(meeting, [], ev.AdjustersChosen(("Bo Ås", "Bo Ås")), "två gånger")
    refused(meeting, [], ev.JusteringPlanned("30/10"), "Ogiltigt datum")
    refused(meeting, [], ev.JusteringPlanned("2007-10-30", "3pm"), "Ogiltig tid")
    # planned before the meeting (qa: accepted, though export --justerat refuses the date)
    refused(meeting, [], ev.JusteringPlanned("2007-10-01", "15:00"), "före sammanträdet")
    refused(meeting, [], ev.ItemCalled("x1", "x"), "Ogiltig tid")


def test_recusal_refusals(meeting):
    events = roll_call(SEATS[:4] + ["Fia Nord"]) + [ev.Recused("x1", "Bo Ås")]
    refused(meeting, events, ev.Recused("x1", "Bo Ås"), "redan anmäld")
    refused(meeting, events, ev.Recused("x1", "Eva Holm"), "tjänstgör inte")
    refused(meeting, events, ev.Recused("x1", "Anna Ek", "Cia Lund"), "inte ersättare")
    refused(meeting, events, ev.Recused("x1", "Anna Ek", "Gus Syd"), "inte närvarande")
    with_sub = roll_call(SEATS[:4] + ["Fia Nord"]) + [ev.Recused("x1", "Bo Ås", "Fia Nord")]
    refused(meeting, with_sub, ev.Recused("x1", "Anna Ek", "Fia Nord"), "tjänstgör redan")


def test_other_refusals(meeting):
    events = roll_call() + [ev.ItemCalled("x1")]
    refused(meeting, events, ev.DecisionRecorded("x1", (" ",)), "tomt")
    refused(meeting, events, ev.NoteAdded("x1", ""), "tom")
    refused(meeting, events, ev.StatementAdded("x1", "S", ""), "tomt")
    refused(meeting, events, ev.StatementAdded("x1", "", "Text"), "Ange vem")
    refused(meeting, events, ev.ParagraphJustified("x1"), "innan ärendet är avgjort")
    refused(meeting, events, ev.MinutesJustified("2007-10-30"), "inte avslutat")
    tabled = events + [ev.ItemTabled("x1")]
    refused(meeting, tabled, ev.DecisionRecorded("x1", ("B",)), "bordlagt")
    refused(meeting, tabled, ev.ItemTabled("x1"), "redan bordlagt")
    referred = events + [ev.ItemReferredBack("x1", "Mer utredning")]
    refused(meeting, referred, ev.DecisionRecorded("x1", ("B",)), "återremitterat")
    decided = events + [ev.DecisionRecorded("x1", ("B",))]
    refused(meeting, decided, ev.ItemTabled("x1"), "redan fattat")
    allowed(meeting, decided, ev.DecisionRecorded("x1", ("Ändrat",)))


# --- justified paragraphs and corrections --------------------------------------------------------


def test_justified_paragraph_needs_correction(meeting):
    events = roll_call() + decided_by_vote() + [ev.ParagraphJustified("x1")]
    refused(meeting, events, ev.DecisionRecorded("x1", ("Ändrat",)), "rättelse")
    refused(meeting, events, ev.NoteAdded("x1", "Sent"), "rättelse")
    refused(meeting, events, ev.ParagraphJustified("x1"), "redan justerad")
    change = ev.DecisionRecorded("x1", ("Ändrat",)).to_dict()
    allowed(meeting, events, ev.CorrectionMade("x1", "Skrivfel", change))
    refused(meeting, events, ev.CorrectionMade("x1", " ", change), "skäl")
    refused(meeting, events, ev.CorrectionMade("x2", "Skrivfel", change), "inte justerad")
    refused(meeting, events, ev.CorrectionMade("zz", "Skrivfel", change), "Okänt ärende")
    refused(meeting, events, ev.CorrectionMade("x1", "Fel", {"type": "nope"}), "går inte att läsa")
    refused(
        meeting,
        events,
        ev.CorrectionMade("x1", "Fel", ev.ParagraphJustified("x1").to_dict()),
        "rätta med",
    )
    other = ev.NoteAdded("x2", "Text").to_dict()
    refused(meeting, events, ev.CorrectionMade("x1", "Fel", other), "samma ärende")
    # the wrapped change is checked by the rules too
    bad = ev.DecisionRecorded("x1", ("",)).to_dict()
    refused(meeting, events, ev.CorrectionMade("x1", "Fel", bad), "tomt")


def test_minutes_justified_locks_meeting_level(meeting):
    events = roll_call() + [
        ev.MeetingOpened("19:00"),
        ev.ItemCalled("x1"),
        ev.DecisionRecorded("x1", ("B",)),
        ev.MeetingClosed("20:00"),
        ev.MinutesJustified("2007-10-30"),
    ]
    refused(meeting, events, ev.AttendanceSet("Anna Ek", False), "Protokollet är justerat")
    refused(meeting, events, ev.NoteAdded("x1", "T"), "rättelse")
    refused(meeting, events, ev.MinutesJustified("2007-10-31"), "Protokollet är justerat")
    fix = ev.OfficialPresent("Olle Tjänsteman", "controller").to_dict()
    allowed(meeting, events, ev.CorrectionMade("", "Glömd", fix))
    refused(
        meeting,
        events,
        ev.CorrectionMade("", "Fel", ev.NoteAdded("x1", "T").to_dict()),
        "ange ärendet",
    )
    refused(meeting, roll_call(), ev.CorrectionMade("", "Fel", fix), "inte justerat")
    refused(meeting, events[:-1], ev.MinutesJustified("30 okt"), "Ogiltigt justeringsdatum")
    refused(meeting, events[:-1], ev.MinutesJustified("2007-10-30", "x"), "anslagsdatum")


# --- undo/redo ------------------------------------------------------------------------------------


def test_undo_redo_rules(meeting):
    refused(meeting, [], ev.Undone(1), "inget att ångra")
    refused(meeting, [], ev.Redone(1), "inget att göra om")
    events = roll_call()
    refused(meeting, events, ev.Undone(1), "senaste")
    undone = events + [ev.Undone(len(events))]
    refused(meeting, undone, ev.Redone(1), "senast ångrade")
    allowed(meeting, undone, ev.Redone(len(events)))
    # a new act clears the redo stack
    refused(meeting, undone + [ev.ItemCalled("x1")], ev.Redone(len(events)), "inget att göra om")


def test_undo_refused_on_justified_paragraph(meeting):
    events = roll_call() + decided_by_vote() + [ev.ParagraphJustified("x1")]
    change = ev.NoteAdded("x1", "Sen anteckning").to_dict()
    events_c = events + [ev.CorrectionMade("x1", "Glömd", change)]
    allowed(meeting, events_c, ev.Undone(len(events_c)))  # a correction may be taken back
    allowed(meeting, events, ev.Undone(len(events)))  # the justification itself, at once
    # undoing the justering of the minutes unlocks them again (it is the latest act)
    closing = events + [ev.MeetingOpened("19:00"), ev.MeetingClosed("21:00")]
    justered = closing + [ev.MinutesJustified("2007-10-30")]
    allowed(meeting, justered, ev.Undone(len(justered)))
    state = fold(meeting, justered + [ev.Undone(len(justered))])
    assert not state.justered_on and state.paragraphs["x1"].justified  # § still justified


def test_half_is_not_enough_with_an_even_number_of_seats():
    import datetime as dt

    from namndtui.model import Meeting, Member

    even = Meeting(body="B", date=dt.date(2020, 1, 1), members=tuple(Member(n) for n in "ABCD"))
    state = fold(even, [ev.AttendanceSet("A", True), ev.AttendanceSet("B", True)])
    assert quorum(even, state) == Quorum(2, 4, False)
    state = fold(even, [ev.AttendanceSet(n, True) for n in "ABC"])
    assert quorum(even, state) == Quorum(3, 4, True)


# --- justering dates --------------------------------------------------------------------------


def test_minutes_justified_not_before_the_meeting(meeting):
    events = roll_call() + [ev.MeetingOpened("19:00"), ev.MeetingClosed("20:00")]
    refused(meeting, events, ev.MinutesJustified("2007-10-22"), "före sammanträdet (2007-10-23)")
    allowed(meeting, events, ev.MinutesJustified("2007-10-23"))  # the same evening
    refused(
        meeting,
        events,
        ev.MinutesJustified("2007-10-30", posted="2007-10-29"),
        "Tillkännagivandet (2007-10-29) kan inte ske före justeringen (2007-10-30)",
    )
    allowed(meeting, events, ev.MinutesJustified("2007-10-30", posted="2007-10-30"))


# --- one reservation per member; the written text may come later ------------------------------

RESERVED = roll_call() + decided_by_vote() + [ev.ReservationMade("x1", "Dan Berg")]


def test_a_member_reserves_once(meeting):
    state = fold(meeting, RESERVED)
    assert may_reserve(meeting, state, "x1", "Dan Berg") == "Dan Berg har redan reserverat sig."
    assert may_reserve(meeting, state, "x1", "Eva Holm") == ""
    refused(meeting, RESERVED, ev.ReservationMade("x1", "Dan Berg"), "har redan reserverat sig")
    refused(
        meeting, RESERVED, ev.ReservationMade("x1", "Dan Berg", motion="y2"), "redan reserverat"
    )


def test_a_second_reservation_with_text_only_brings_the_written_text(meeting):
    state = fold(meeting, RESERVED)
    assert may_add_reservation_text(meeting, state, "x1", "Dan Berg") == ""
    assert "har inte reserverat sig" in may_add_reservation_text(meeting, state, "x1", "Eva Holm")
    written = ev.ReservationMade("x1", "Dan Berg", "Skriftlig reservation")
    allowed(meeting, RESERVED, written)
    events = RESERVED + [written]
    allowed(meeting, events, ev.ReservationMade("x1", "Dan Berg", "Ny lydelse"))
    events += [ev.ReservationMade("x1", "Dan Berg", "Ny lydelse")]
    (reservation,) = fold(meeting, events).paragraphs["x1"].reservations
    assert reservation.text == "Ny lydelse"
    # once the § is justified, only a correction changes it
    locked = events + [ev.ParagraphJustified("x1")]
    assert "justerad" in may_add_reservation_text(meeting, fold(meeting, locked), "x1", "Dan Berg")
    refused(meeting, locked, ev.ReservationMade("x1", "Dan Berg", "Text"), "rättelse")


def test_the_minutes_show_one_reservation_per_member(meeting):
    from namndtui.minutes.markdown import render_paragraph_markdown

    events = RESERVED + [ev.ReservationMade("x1", "Dan Berg", "Skriftlig reservation")]
    text = render_paragraph_markdown(meeting, fold(meeting, events), "x1")
    assert text.count("reserverar sig") == 1, text
    assert "Dan Berg (MP) reserverar sig mot beslutet." in text
    assert "Dan Berg (MP) lämnar följande skriftliga reservation:" in text
    assert "Skriftlig reservation" in text


# --- the closed meeting -----------------------------------------------------------------------

CLOSED = (
    roll_call()
    + [ev.MeetingOpened("19:00")]
    + RESERVED[len(roll_call()) :]
    + [ev.MeetingClosed("20:00")]
)


@pytest.mark.parametrize(
    "event",
    [
        ev.ItemCalled("x2", "20:05"),
        ev.Recused("x2", "Bo Ås"),
        ev.MotionMade("x2", "y1", "Anna Ek", "bifall"),
        ev.MotionJoined("x1", "y1", "Bo Ås"),
        ev.MotionWithdrawn("x1", "y1"),
        ev.QuestionDecided("x1", "main", "y2"),
        ev.VoteDemanded("x1", 2, "y1", "y2"),
        ev.DecisionRecorded("x2", ("Beslut 2",)),
        ev.ImmediateJustificationSet("x1", True),
        ev.NoteAdded("x1", "Glömd anteckning"),
        ev.StatementAdded("x1", "S", "Uttalande"),
        ev.ItemTabled("x2"),
        ev.ItemReferredBack("x2", "Skäl"),
        ev.AttendanceSet("Anna Ek", False),
        ev.MemberLeft("Anna Ek", "x2", "20:10"),
        ev.MemberArrived("Fia Nord", "x2", "20:10"),
        ev.SubstituteServes("Fia Nord", "Anna Ek"),
    ],
    ids=lambda e: e.TYPE,
)
def test_after_the_close_no_item_act_and_no_attendance_change(meeting, event):
    refused(meeting, CLOSED, event, "Sammanträdet är avslutat (kl. 20.00); ångra avslutningen")


def test_after_the_close_a_new_reservation_is_refused_but_the_text_may_come(meeting):
    for event in (
        ev.ReservationMade("x1", "Eva Holm"),
        ev.ReservationMade("x1", "Eva Holm", "Skriftlig reservation"),
    ):
        refused(meeting, CLOSED, event, "Sammanträdet är avslutat (kl. 20.00); en reservation")
    assert "avslutat" in may_reserve(meeting, fold(meeting, CLOSED), "x1", "Eva Holm")
    allowed(meeting, CLOSED, ev.ReservationMade("x1", "Dan Berg", "Skriftlig reservation"))
    refused(meeting, CLOSED, ev.ReservationMade("x1", "Dan Berg"), "har redan reserverat sig")


def test_after_the_close_justering_and_meeting_details_stay_possible(meeting):
    allowed(meeting, CLOSED, ev.ParagraphJustified("x1"))  # decided before the close
    # the wording of a decision taken at the meeting may be put right until justering
    allowed(meeting, CLOSED, ev.DecisionRecorded("x1", ("Beslutet, med rättat ord.",)))
    allowed(meeting, CLOSED, ev.MinutesJustified("2007-10-30"))
    allowed(meeting, CLOSED, ev.AdjustersChosen(("Bo Ås",)))
    allowed(meeting, CLOSED, ev.JusteringPlanned("2007-10-30", "15:00"))
    justered = CLOSED + [ev.MinutesJustified("2007-10-30")]
    allowed(meeting, justered, ev.MinutesPosted("2007-10-31"))
    note = ev.NoteAdded("x1", "Anteckningen som föll bort")
    allowed(meeting, justered, ev.CorrectionMade("x1", "Föll bort", note.to_dict()))
    allowed(
        meeting,
        justered,
        ev.CorrectionMade("", "Fel närvaro", ev.AttendanceSet("Anna Ek", False).to_dict()),
    )


def test_a_close_by_mistake_is_undone_and_the_meeting_goes_on(open_record):
    record = open_record()
    for event in CLOSED:
        record.apply(event)
    with pytest.raises(RuleError, match="avslutat"):
        record.apply(ev.ItemCalled("x2", "20:05"))
    assert record.undo() == ev.MeetingClosed("20:00")
    record.apply(ev.ItemCalled("x2", "20:05"))
    record.apply(ev.MeetingClosed("20:10"))
    assert record.state.closed_at == "20:10"


# --- the adjourned meeting --------------------------------------------------------------------

BREAK = roll_call() + [
    ev.MeetingOpened("19:00"),
    ev.ItemCalled("x1", "19:05"),
    ev.MotionMade("x1", "y1", "Anna Ek", "bifall"),
    ev.MeetingAdjourned("19:30"),
]


@pytest.mark.parametrize(
    "event",
    [
        ev.DecisionRecorded("x1", ("Beslut 1",)),
        ev.ItemReferredBack("x1", "Skäl"),
        ev.ItemTabled("x1"),
        ev.ItemCalled("x2", "19:35"),
        ev.MotionMade("x1", "y2", "Dan Berg", "avslag"),
        ev.NoteAdded("x1", "Anteckning"),
        ev.Recused("x1", "Bo Ås"),
    ],
    ids=lambda e: e.TYPE,
)
def test_during_a_break_no_item_act(meeting, event):
    refused(
        meeting, BREAK, event, "Sammanträdet är ajournerat sedan kl. 19.30; återuppta det först."
    )
    allowed(meeting, BREAK + [ev.MeetingResumed("19:45")], event)


def test_during_a_break_people_come_and_go(meeting):
    for event in (
        ev.MemberLeft("Anna Ek", "x1", "19:35"),
        ev.MemberArrived("Fia Nord", "x1", "19:35"),
        ev.AttendanceSet("Gus Syd", True),
        ev.OfficialPresent("Kim Tjänsteman", "handläggare"),
        ev.MeetingResumed("19:45"),
        ev.MeetingClosed("19:45"),
    ):
        allowed(meeting, BREAK, event)


def test_during_a_break_only_the_text_of_an_announced_reservation(meeting):
    events = CLOSED[:-1] + [ev.MeetingAdjourned("19:50")]
    allowed(meeting, events, ev.ReservationMade("x1", "Dan Berg", "Skriftlig reservation"))
    refused(meeting, events, ev.ReservationMade("x1", "Eva Holm"), "ajournerat")
