"""record/acts.py: each of the secretary's acts, without Textual.

An act takes (meeting, state, input) and gives the events to apply; every test below
also checks the events pass the record's own `check` when applied in order (`play`).
"""

from __future__ import annotations

import pytest

from namndtui.record import acts, refusals, vote_acts
from namndtui.record import attendance_acts as att
from namndtui.record import events as ev
from namndtui.record.fold import apply_event, fold
from namndtui.record.procedure import RuleError, check
from namndtui.record.state import DECIDED, REFERRED_BACK, TABLED

from .conftest import SEATS, SUBS, decided_by_vote, roll_call

AT = "19:10"


def play(meeting, state, events):
    """Check and apply `events` in order (as Record.apply does); the state after them."""
    for seq, event in enumerate(events, start=len(state.log) + 1):
        check(meeting, state, event)
        apply_event(meeting, state, event, seq, "2007-10-23T19:10:00")
    return state


def sitting(meeting, *more):
    """Roll call taken (all seats present), then `more`."""
    return fold(meeting, [*roll_call(), *more])


# --- the implicit call and opening -----------------------------------------------------------


def test_first_act_opens_the_meeting_and_calls_the_item(meeting):
    state = sitting(meeting)
    events = acts.note(meeting, state, "x1", "", "Noterat.", AT)
    assert [type(e) for e in events] == [ev.MeetingOpened, ev.ItemCalled, ev.NoteAdded]
    assert events[0].at == events[1].at == AT
    play(meeting, state, events)
    assert state.opened_at == AT and state.paragraph("x1").number == 120


def test_an_item_already_called_is_not_called_again(meeting):
    state = sitting(meeting, ev.MeetingOpened("19:00"), ev.ItemCalled("x1", "19:01"))
    assert acts.call_events(meeting, state, "x1", AT) == []
    assert acts.call_events(meeting, state, "x2", AT) == [ev.ItemCalled("x2", AT)]


def test_unknown_item_is_refused(meeting):
    with pytest.raises(RuleError, match="Okänt ärende"):
        acts.table(meeting, sitting(meeting), "nope", AT)


# --- deciding --------------------------------------------------------------------------------


def test_decide_as_proposed(meeting):
    state = sitting(meeting)
    events = acts.decide_as_proposed(meeting, state, "x1", AT)
    assert events[-1] == ev.DecisionRecorded("x1", ("Beslut 1",))
    play(meeting, state, events)
    assert state.paragraph("x1").status == DECIDED


def test_decide_as_proposed_needs_a_proposal(meeting):
    from dataclasses import replace

    bare = replace(meeting, items=(replace(meeting.items[0], proposed_decision=()),))
    with pytest.raises(acts.NoProposedDecision):
        acts.decide_as_proposed(bare, sitting(bare), "x1", AT)


def test_decide_as_proposed_refused_when_another_proposal_won(meeting):
    state = sitting(
        meeting,
        ev.ItemCalled("x1", "19:01"),
        ev.MotionMade("x1", "y1", "Dan Berg", "avslag"),
        ev.ChairFinding("x1", "y1"),
    )
    with pytest.raises(acts.NotAsProposed) as info:
        acts.decide_as_proposed(meeting, state, "x1", AT)
    assert info.value.motion.id == "y1"


def test_decide_as_proposed_after_bifall_found(meeting):
    state = sitting(
        meeting,
        ev.ItemCalled("x1", "19:01"),
        ev.MotionMade("x1", "y1", "Anna Ek", "bifall"),
        ev.ChairFinding("x1", "y1"),
    )
    assert acts.decide_as_proposed(meeting, state, "x1", AT)[-1].points == ("Beslut 1",)


@pytest.mark.parametrize(
    ("kind", "text", "draft"),
    [
        ("bifall", "", ["Beslut 1"]),
        ("avslag", "", [acts.DECISION_REJECTED]),
        ("ändring", "Annat beslut.", ["Annat beslut."]),
        ("tillägg", "Och mer.", ["Beslut 1", "Och mer."]),
        ("ändring", "", ["Beslut 1"]),
        # an att-clause becomes a sentence (qa4: the draft was "nämnden beslutar att …"
        # or a bare clause, lower case and without a full stop)
        ("ändring", "avsätta 1 mnkr", ["Nämnden beslutar att avsätta 1 mnkr."]),
        ("eget", "nämnden beslutar att avsätta 1 mnkr", ["Nämnden beslutar att avsätta 1 mnkr."]),
        ("tillägg", "att följa upp i maj", ["Beslut 1", "Nämnden beslutar att följa upp i maj."]),
    ],
)
def test_decision_draft_follows_the_adopted_motion(meeting, kind, text, draft):
    state = sitting(
        meeting,
        ev.ItemCalled("x1", "19:01"),
        ev.MotionMade("x1", "y1", "Dan Berg", kind, text),
        ev.ChairFinding("x1", "y1"),
    )
    assert acts.decision_draft(meeting, state, "x1") == draft


def test_decision_draft_names_the_body_as_the_proposal_does(meeting):
    from dataclasses import replace

    first = replace(meeting.items[0], proposed_decision=("Stadsdelsnämnden godkänner.",))
    named = replace(meeting, items=(first, *meeting.items[1:]))
    state = sitting(
        named,
        ev.ItemCalled("x1", "19:01"),
        ev.MotionMade("x1", "y1", "Dan Berg", "ändring", "i yttrandet framhålla cykelvägarna"),
        ev.ChairFinding("x1", "y1"),
    )
    assert acts.decision_draft(named, state, "x1") == [
        "Stadsdelsnämnden beslutar att i yttrandet framhålla cykelvägarna."
    ]


def test_decision_draft_is_the_recorded_decision(meeting):
    state = sitting(meeting, ev.ItemCalled("x1", "19:01"), ev.DecisionRecorded("x1", ("Eget.",)))
    assert acts.decision_draft(meeting, state, "x1") == ["Eget."]
    assert acts.decision_draft(meeting, sitting(meeting), "x2") == ["Beslut 2"]


def test_edit_decision_on_a_justified_paragraph_is_a_correction(meeting):
    state = sitting(
        meeting,
        ev.ItemCalled("x1", "19:01"),
        ev.DecisionRecorded("x1", ("Beslut 1",)),
        ev.ParagraphJustified("x1"),
    )
    assert acts.is_locked(state, "x1")
    with pytest.raises(RuleError, match="skäl"):
        acts.edit_decision(meeting, state, "x1", ["Rättat."], AT)
    events = acts.edit_decision(meeting, state, "x1", ["Rättat."], AT, reason="Skrivfel")
    assert [type(e) for e in events] == [ev.CorrectionMade]
    play(meeting, state, events)
    assert state.paragraph("x1").decision == ["Rättat."]


def test_edit_decision(meeting):
    state = sitting(meeting)
    events = acts.edit_decision(meeting, state, "x2", ["A.", "B."], AT)
    assert events[-1] == ev.DecisionRecorded("x2", ("A.", "B."))
    play(meeting, state, events)


def test_toggle_immediate_justification(meeting):
    state = sitting(meeting)
    assert not acts.immediate_justification(meeting, state, "x1")
    play(meeting, state, acts.toggle_immediate_justification(meeting, state, "x1", AT))
    assert acts.immediate_justification(meeting, state, "x1")
    events = acts.toggle_immediate_justification(meeting, state, "x1", AT)
    assert events == [ev.ImmediateJustificationSet("x1", False)]


def test_table_and_refer_back(meeting):
    state = sitting(meeting)
    play(meeting, state, acts.table(meeting, state, "x1", AT))
    play(meeting, state, acts.refer_back(meeting, state, "x2", "Mer underlag.", AT))
    assert state.paragraph("x1").status == TABLED
    assert state.paragraph("x2").status == REFERRED_BACK


# --- motions, finding ------------------------------------------------------------------------


def test_motions_are_numbered_on(meeting):
    state = sitting(meeting)
    first = acts.motion(
        meeting, state, "x1", by="Anna Ek", kind="bifall", text="", joined=(), at=AT
    )
    play(meeting, state, first)
    second = acts.motion(
        meeting, state, "x1", by="Dan Berg", kind="avslag", text="", joined=["Eva Holm"], at=AT
    )
    assert second == [ev.MotionMade("x1", "y2", "Dan Berg", "avslag", "", ("Eva Holm",))]
    play(meeting, state, second)


def test_withdraw_and_join_need_a_motion(meeting):
    state = sitting(meeting)
    with pytest.raises(acts.NoMotions):
        acts.withdraw(meeting, state, "x1", "y1", AT)
    with pytest.raises(acts.NoMotions):
        acts.join(meeting, state, "x1", "y1", "Bo Ås", AT)


def test_withdraw_and_join(meeting):
    state = sitting(
        meeting, ev.ItemCalled("x1", "19:01"), ev.MotionMade("x1", "y1", "Bo Ås", "avslag")
    )
    play(meeting, state, acts.join(meeting, state, "x1", "y1", "Cia Lund", AT))
    assert state.paragraph("x1").motion("y1").joined == ["Cia Lund"]
    play(meeting, state, acts.withdraw(meeting, state, "x1", "y1", AT))
    assert acts.active_motions(state, "x1") == []


# --- votes -----------------------------------------------------------------------------------


def _two_motions(meeting, *more):
    return sitting(
        meeting,
        ev.ItemCalled("x1", "19:01"),
        ev.MotionMade("x1", "y1", "Anna Ek", "bifall"),
        ev.MotionMade("x1", "y2", "Dan Berg", "avslag"),
        *more,
    )


def test_a_vote_needs_a_question(meeting):
    state = sitting(
        meeting, ev.ItemCalled("x1", "19:01"), ev.MotionMade("x1", "y1", "Bo Ås", "bifall")
    )
    with pytest.raises(vote_acts.NothingToVote):  # a lone proposal: no proposition at all
        vote_acts.may_vote(meeting, state, "x1")
    vote_acts.may_vote(meeting, _two_motions(meeting), "x1")


def test_a_vote_is_asked_after_the_finding(meeting):
    state = _two_motions(meeting)
    assert vote_acts.needs_finding_before_vote(meeting, state, "x1")
    assert not vote_acts.needs_finding_before_vote(
        meeting, _two_motions(meeting, ev.ChairFinding("x1", "y1")), "x1"
    )


def test_vote_rounds_cast_and_close(meeting):
    state = _two_motions(meeting, ev.ChairFinding("x1", "y1"))
    demanded = vote_acts.next_vote_round(meeting, state, "x1", AT)
    assert demanded == [ev.VoteDemanded("x1", 1, "proposal", "y2", question="main")]
    play(meeting, state, demanded)
    assert vote_acts.open_round(state, "x1").round == 1
    assert vote_acts.next_vote_round(meeting, state, "x1", AT) == []  # one is open
    for n, name in enumerate(SEATS):
        play(meeting, state, vote_acts.cast_vote("x1", 1, name, "ja" if n < 3 else "nej"))
    closing = vote_acts.close_vote(meeting, state, "x1", 1)
    assert closing == [ev.VoteClosed("x1", 1)]
    play(meeting, state, closing)
    assert vote_acts.open_round(state, "x1") is None
    assert vote_acts.next_vote_round(meeting, state, "x1", AT) == []  # every round counted


def _round_of_four(meeting, votes: dict[str, str]):
    """Four seats present, y1 bifall (Anna, the chair) against y2 avslag (Dan), round 1
    demanded, `votes` cast through the act."""
    state = fold(
        meeting,
        [
            *roll_call(SEATS[:4]),
            ev.ItemCalled("x1", "19:01"),
            ev.MotionMade("x1", "y1", "Anna Ek", "bifall"),
            ev.MotionMade("x1", "y2", "Dan Berg", "avslag"),
            ev.VoteDemanded("x1", 1, "y1", "y2"),
        ],
    )
    for name, vote in votes.items():
        play(meeting, state, vote_acts.cast_vote("x1", 1, name, vote))
    return state


def test_a_tie_is_broken_by_the_chairs_own_vote(meeting):
    votes = {"Anna Ek": "ja", "Bo Ås": "ja", "Cia Lund": "nej", "Dan Berg": "nej"}
    state = _round_of_four(meeting, votes)
    assert vote_acts.close_vote(meeting, state, "x1", 1) == [ev.VoteClosed("x1", 1, casting="ja")]


def test_a_tie_without_the_chairs_vote_asks_for_it(meeting):
    state = _round_of_four(meeting, {"Anna Ek": "avstår", "Bo Ås": "ja", "Cia Lund": "nej"})
    with pytest.raises(vote_acts.CastingVoteNeeded):
        vote_acts.close_vote(meeting, state, "x1", 1)
    closing = vote_acts.close_vote(meeting, state, "x1", 1, "nej")
    play(meeting, state, closing)
    assert state.paragraph("x1").votes[0].winner == "y2"
    with pytest.raises(RuleError, match="Ingen votering 2"):
        vote_acts.close_vote(meeting, state, "x1", 2)


# --- reservations, notes, recusal ------------------------------------------------------------


def test_a_reservation_is_for_the_members_own_motion_only_when_there_is_one(meeting):
    """PRACTICE.md: "… reserverar sig mot beslutet till förmån för eget yrkande" for who made
    or joined the losing motion; who only voted for it reserves "mot beslutet"."""
    from namndtui.minutes.beslutsgang import reservation_blocks

    state = fold(meeting, [*roll_call(), ev.MeetingOpened("19:00"), *decided_by_vote(ja=2)])
    for name in ("Bo Ås", "Anna Ek"):  # the avslag won; Bo voted ja without a motion
        play(meeting, state, acts.reservation(meeting, state, "x1", name, "", AT))
    motions = {r.member: r.motion for r in state.paragraph("x1").reservations}
    assert motions == {"Bo Ås": "", "Anna Ek": "y1"}  # Anna's bifall lost
    leads = [lead for lead, _text in reservation_blocks(meeting, state.paragraph("x1"))]
    assert any(lead.endswith("reserverar sig mot beslutet.") for lead in leads)
    assert any(lead.endswith("till förmån för eget yrkande.") for lead in leads)


def test_reservation_choices_and_the_written_text_later(meeting):
    state = fold(meeting, [*roll_call(), ev.MeetingOpened("19:00"), *decided_by_vote(ja=3)])
    choices = acts.reservation_choices(meeting, state, "x1")
    assert [m.name for m in choices.members] == SEATS
    may = [name for name, reason in choices.reasons.items() if not reason]
    assert may == ["Dan Berg", "Eva Holm"]  # who voted nej, for the losing avslag
    assert choices.texts == set()
    events = acts.reservation(meeting, state, "x1", "Dan Berg", "", AT)
    # his own avslag lost: "… reserverar sig mot beslutet till förmån för eget yrkande."
    assert events == [ev.ReservationMade("x1", "Dan Berg", "", motion="y2")]
    play(meeting, state, events)
    # closed: the written text may still come, without calling the item again
    play(meeting, state, [ev.MeetingClosed("21:00")])
    choices = acts.reservation_choices(meeting, state, "x1")
    assert choices.texts == {"Dan Berg"}
    events = acts.reservation(meeting, state, "x1", "Dan Berg", "Skriftlig text.", AT)
    assert events == [ev.ReservationMade("x1", "Dan Berg", "Skriftlig text.")]
    play(meeting, state, events)


def test_nobody_may_reserve_before_a_decision(meeting):
    with pytest.raises(acts.NobodyMayReserve) as info:
        acts.reservation_choices(meeting, sitting(meeting), "x1")
    assert "Inget beslut" in info.value.reason


def test_note(meeting):
    state = sitting(meeting)
    events = acts.note(meeting, state, "x1", "Bo Ås", "Anteckning.", AT)
    assert events[-1] == ev.NoteAdded("x1", "Anteckning.", "Bo Ås")
    play(meeting, state, events)


def test_recusal_and_who_may_substitute(meeting):
    state = fold(
        meeting, [*roll_call(SEATS + SUBS[:2]), ev.SubstituteServes("Gus Syd", "Eva Holm")]
    )
    names = [m.name for m in acts.recusal_substitutes(meeting, state, "Bo Ås")]
    assert names == ["Fia Nord"]  # Gus serves already, Hans is absent
    events = acts.recusal(meeting, state, "x1", "Bo Ås", "Fia Nord", AT)
    assert events[-1] == ev.Recused("x1", "Bo Ås", "Fia Nord")
    play(meeting, state, events)
    assert "Fia Nord" in [m.name for m in acts.serving_members(meeting, state, "x1")]
    assert "Bo Ås" not in [m.name for m in acts.serving_members(meeting, state, "x1")]


def test_a_jav_on_an_unhandled_item_keeps_its_planned_number(meeting):
    """J on the third item before any is handled: the agenda's § 122 (what its dialog
    names) stays its number; a recusal does not call the item and number it § 120."""
    state = fold(meeting, roll_call(SEATS + SUBS[:1]))
    planned = {"x1": 120, "x2": 121, "x3": 122, "x4": 123}
    assert state.planned_numbers(meeting.items, meeting.first_paragraph) == planned
    events = acts.recusal(meeting, state, "x3", "Bo Ås", "Fia Nord", AT)
    assert events == [ev.Recused("x3", "Bo Ås", "Fia Nord")]
    play(meeting, state, events)
    assert state.planned_numbers(meeting.items, meeting.first_paragraph) == planned
    assert "Bo Ås" not in [m.name for m in acts.serving_members(meeting, state, "x3")]
    play(meeting, state, acts.note(meeting, state, "x1", "Bo Ås", "Anteckning.", AT))
    assert state.paragraphs["x1"].number == 120 and state.paragraphs["x3"].number is None


def test_serving_members_before_the_roll_call_is_everyone(meeting):
    assert acts.serving_members(meeting, fold(meeting, []), "x1") == list(meeting.members)


# --- the sitting -----------------------------------------------------------------------------


def test_open_close_and_immediate_justification(meeting):
    state = sitting(meeting)
    play(meeting, state, acts.open_meeting(state, "19:00"))
    with pytest.raises(RuleError, match="redan"):
        acts.open_meeting(state, "19:01")
    play(meeting, state, acts.decide_as_proposed(meeting, state, "x1", AT))
    play(meeting, state, acts.toggle_immediate_justification(meeting, state, "x1", AT))
    play(meeting, state, acts.toggle_immediate_justification(meeting, state, "x2", AT))
    assert [i.id for i in acts.pending_items(meeting, state)] == ["x3", "x4"]
    events = acts.close_meeting(meeting, state, "21:00")
    # x2 is called but not decided: not justified at the close
    assert events == [ev.MeetingClosed("21:00"), ev.ParagraphJustified("x1")]
    play(meeting, state, events)
    assert state.paragraph("x1").justified


def test_close_and_adjourn_need_an_open_meeting(meeting):
    state = sitting(meeting)
    with pytest.raises(acts.NotOpen):
        acts.close_meeting(meeting, state, AT)
    with pytest.raises(acts.NotOpen):
        acts.adjourn(state, AT)


def test_adjourn_and_resume(meeting):
    state = sitting(meeting, ev.MeetingOpened("19:00"))
    events = acts.adjourn(state, "20:00")
    assert events == [ev.MeetingAdjourned("20:00")]
    play(meeting, state, events)
    assert acts.is_adjourned(state)
    assert acts.adjourn(state, "20:15") == [ev.MeetingResumed("20:15")]


# --- attendance ------------------------------------------------------------------------------


def test_roll_call_and_all_present(meeting):
    state = fold(meeting, [])
    assert att.roll_call(meeting) == [ev.AttendanceSet(n, True) for n in SEATS]
    play(meeting, state, [ev.AttendanceSet("Bo Ås", False)])
    assert att.all_present(meeting, state) == [
        ev.AttendanceSet(n, True) for n in SEATS if n != "Bo Ås"
    ]


def test_toggle_present(meeting):
    state = fold(meeting, [])
    assert att.toggle_present(meeting, state, "Bo Ås") == [ev.AttendanceSet("Bo Ås", True)]
    play(meeting, state, att.toggle_present(meeting, state, "Bo Ås"))
    assert att.toggle_present(meeting, state, "Bo Ås") == [ev.AttendanceSet("Bo Ås", False)]


def test_serves_for_needs_a_substitute_and_a_free_seat(meeting):
    state = fold(meeting, roll_call(SEATS[:4]))
    with pytest.raises(refusals.NotSubstitute):
        att.free_seats(meeting, state, "Anna Ek")
    assert [m.name for m in att.free_seats(meeting, state, "Hans Väst")] == ["Eva Holm"]
    events = att.serves_for(meeting, state, "Hans Väst", "Eva Holm", "x1")
    # present first; before the opening the serving is not tied to a §
    assert events == [
        ev.AttendanceSet("Hans Väst", True),
        ev.SubstituteServes("Hans Väst", "Eva Holm", ""),
    ]
    play(meeting, state, events)
    with pytest.raises(refusals.NoFreeSeat):
        att.free_seats(meeting, state, "Fia Nord")


def test_arrivals_departures_and_substitute_stops(meeting):
    state = sitting(meeting, ev.MeetingOpened("19:00"), ev.ItemCalled("x1", "19:01"))
    play(meeting, state, att.left(meeting, state, "Bo Ås", "x1", AT))
    play(meeting, state, att.toggle_present(meeting, state, "Fia Nord"))
    play(meeting, state, att.serves_for(meeting, state, "Fia Nord", "Bo Ås", "x1"))
    play(meeting, state, att.substitute_stops(meeting, state, "Fia Nord", "x1"))
    play(meeting, state, att.arrived(meeting, state, "Bo Ås", "x1", AT))
    assert state.present["Bo Ås"]


def test_adjusters_and_justering(meeting):
    state = fold(meeting, [])
    with pytest.raises(RuleError, match="inte närvarande"):  # a justerare must be present
        play(meeting, state, att.toggle_adjuster(meeting, state, "Bo Ås"))
    state = sitting(meeting)
    play(meeting, state, att.toggle_adjuster(meeting, state, "Bo Ås"))
    play(meeting, state, att.toggle_adjuster(meeting, state, "Cia Lund"))
    assert list(state.adjusters) == ["Bo Ås", "Cia Lund"]
    assert att.toggle_adjuster(meeting, state, "Bo Ås") == [ev.AdjustersChosen(("Cia Lund",))]
    events = att.plan_justering(meeting, state, "2007-10-30", "10:00", "Stadsdelsförvaltningen")
    play(meeting, state, events)
    assert state.justering_place == "Stadsdelsförvaltningen"


def test_the_justerares_ersattare(meeting):
    """'U': "Utses att justera Bo Ås med Cia Lund som ersättare"; one person, present,
    not a justerare; `u` on the ersättare makes them a justerare instead."""
    state = sitting(meeting)
    play(meeting, state, att.toggle_adjuster(meeting, state, "Bo Ås"))
    with pytest.raises(RuleError, match="redan vald till justerare"):
        play(meeting, state, att.toggle_adjuster_substitute(meeting, state, "Bo Ås"))
    play(meeting, state, att.toggle_adjuster_substitute(meeting, state, "Cia Lund"))
    assert state.adjuster_substitute == "Cia Lund"
    play(meeting, state, att.toggle_adjuster(meeting, state, "Cia Lund"))  # now a justerare
    assert (state.adjusters, state.adjuster_substitute) == (["Bo Ås", "Cia Lund"], "")
    play(meeting, state, att.toggle_adjuster_substitute(meeting, state, SEATS[3]))
    play(meeting, state, att.toggle_adjuster_substitute(meeting, state, SEATS[3]))  # off again
    assert state.adjuster_substitute == ""
    absent = fold(meeting, [])
    with pytest.raises(RuleError, match="inte närvarande"):
        play(meeting, absent, att.toggle_adjuster_substitute(meeting, absent, "Bo Ås"))
    # an ersättare before any justerare (qa: page 1 read "Utses att justera: med … som …")
    none_yet = sitting(meeting)
    with pytest.raises(RuleError, match="Välj först justerare"):
        play(meeting, none_yet, att.toggle_adjuster_substitute(meeting, none_yet, "Cia Lund"))
    from namndtui.minutes.document import adjusters_line

    none_yet.adjuster_substitute = "Cia Lund"  # as an older journal may have it
    assert adjusters_line(meeting, none_yet) == ""
