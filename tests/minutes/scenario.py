"""A scripted meeting for the minutes tests: every kind of thing the minutes must show.

Seven seats, three substitutes; Lena Ås (S) is absent at the start and Jonas Vik (S)
serves for her until she arrives at the third item (a substitute serving partly). Items:
a contested budget with three proposals (kontrapropositionsvotering + main vote) and a
reservation; an omedelbart justerad paragraph; a tabled motion; a jäv with a substitute
stepping in; a referral back; notes, a statement and a correction after justering.
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

from namndtui.meetingfile import load_meeting
from namndtui.model import Meeting
from namndtui.record import events as ev
from namndtui.record.record import Record

HERE = Path(__file__).parent
DATA = HERE / "data"
MEETING_DIR = DATA / "testby-stadsdelsnamnd" / "2024-03-05"
GOLDEN = HERE / "golden"

BUDGET = "budget-2024"
BYGGLOV = "yttrande-bygglov"
PARKER = "motion-parker"
STADNING = "upphandling-stadning"
LOKAL = "lokalplan"
ANMALAN = "anmalan-delegation"

SEATS = ["Karin Ek", "Olof Berg", "Lena Ås", "Per Holm", "Sara Lind", "Nils Dahl", "Eva Sund"]


def meeting_events() -> list[ev.Event]:
    """The meeting up to its closing (before justering)."""
    out: list[ev.Event] = [ev.MeetingOpened("18:00")]
    out += [ev.AttendanceSet(name, name != "Lena Ås") for name in SEATS]
    out += [
        ev.AttendanceSet("Jonas Vik", True),
        ev.SubstituteServes("Jonas Vik", "Lena Ås"),
        ev.AttendanceSet("Maria Strand", True),
        ev.AttendanceSet("Ali Nord", False),
        ev.OfficialPresent("Birgitta Ström", "stadsdelsdirektör"),
        ev.OfficialPresent("Hans Kock", "controller"),
        ev.AdjustersChosen(("Olof Berg",)),
        ev.JusteringPlanned("2024-03-07", "15:00", "Testby stadsdelsförvaltning"),
        # § 18: three proposals: the counter-proposal round ties (the chair's casting
        # vote), then the main vote; reservations by two sides, one written.
        ev.ItemCalled(BUDGET, at="18:05", presenter="Hans Kock"),
        ev.MotionMade(BUDGET, "y1", "Karin Ek", "bifall"),
        ev.MotionMade(BUDGET, "y2", "Per Holm", "avslag"),
        ev.MotionJoined(BUDGET, "y2", "Olof Berg"),
        ev.MotionMade(
            BUDGET, "y3", "Sara Lind", "eget", "att avsätta 2 miljoner kronor till fritidsgårdarna"
        ),
        ev.MotionMade(BUDGET, "y4", "Eva Sund", "återremiss"),
        ev.MotionWithdrawn(BUDGET, "y4"),
        ev.QuestionDecided(BUDGET, "main", "proposal"),
        ev.VoteDemanded(BUDGET, 1, "y2", "y3", demanded_by="Per Holm", question="main"),
    ]
    round1 = {"Karin Ek": "nej", "Olof Berg": "ja", "Jonas Vik": "avstår", "Per Holm": "ja",
              "Sara Lind": "nej", "Nils Dahl": "nej", "Eva Sund": "ja"}  # fmt: skip
    out += [ev.VoteCast(BUDGET, 1, m, v) for m, v in round1.items()]
    out += [
        ev.VoteClosed(BUDGET, 1, casting="nej"),
        ev.VoteDemanded(BUDGET, 2, "proposal", "y3", question="main"),
    ]
    round2 = {"Karin Ek": "ja", "Olof Berg": "nej", "Jonas Vik": "ja", "Per Holm": "nej",
              "Sara Lind": "nej", "Nils Dahl": "ja", "Eva Sund": "ja"}  # fmt: skip
    out += [ev.VoteCast(BUDGET, 2, m, v) for m, v in round2.items()]
    out += [
        ev.VoteClosed(BUDGET, 2),
        ev.DecisionRecorded(
            BUDGET,
            (
                "Stadsdelsnämnden godkänner verksamhetsplanen för 2024.",
                "Stadsdelsnämnden överlämnar budgeten till kommunstyrelsen.",
            ),
        ),  # fmt: skip
        ev.ReservationMade(
            BUDGET, "Per Holm", "Budgeten är inte finansierad.\n\nVi yrkade därför avslag.", "y2"
        ),
        ev.ReservationMade(BUDGET, "Olof Berg", motion="y2"),
        ev.ReservationMade(BUDGET, "Sara Lind", motion="y3"),
        # § 19: omedelbar justering.
        ev.ItemCalled(BYGGLOV, at="18:40"),
        ev.DecisionRecorded(
            BYGGLOV, ("Stadsdelsnämnden tillstyrker ansökan och justerar paragrafen omedelbart.",)
        ),
        ev.ImmediateJustificationSet(BYGGLOV, True),
        ev.ParagraphJustified(BYGGLOV),
        ev.MeetingAdjourned("18:45"),
        ev.MeetingResumed("18:55"),
        # § 20: Lena Ås arrives and takes her seat back; the chair finds for the
        # bordläggning (the formal question ends the item).
        ev.ItemCalled(PARKER, at="18:56"),
        ev.MemberArrived("Lena Ås", PARKER, at="18:56"),
        ev.MotionMade(PARKER, "y1", "Nils Dahl", "bordläggning", "till nästa sammanträde"),
        ev.MotionMade(PARKER, "y2", "Karin Ek", "bifall"),
        ev.QuestionDecided(PARKER, "y1", "y1"),
        # § 21: jäv, Maria Strand (M) serves in Per Holm's seat; the återremiss is put
        # first and voted down, then the main question goes to a vote. The proposal is
        # the arbetsutskott's (meeting.toml: proposal_by).
        ev.Recused(STADNING, "Per Holm", "Maria Strand"),
        ev.ItemCalled(STADNING, at="19:02"),
        ev.MotionMade(STADNING, "y1", "Eva Sund", "återremiss", "för att utreda kvalitetskraven"),
        ev.MotionMade(STADNING, "y2", "Karin Ek", "bifall", joined=("Lena Ås",)),
        ev.MotionMade(STADNING, "y3", "Sara Lind", "avslag"),
        ev.QuestionDecided(STADNING, "y1", "today"),
        ev.VoteDemanded(STADNING, 1, "today", "y1", demanded_by="Eva Sund", question="y1"),
    ]
    round1 = {"Karin Ek": "ja", "Olof Berg": "ja", "Lena Ås": "ja", "Maria Strand": "ja",
              "Sara Lind": "nej", "Nils Dahl": "ja", "Eva Sund": "nej"}  # fmt: skip
    out += [ev.VoteCast(STADNING, 1, m, v) for m, v in round1.items()]
    out += [
        ev.VoteClosed(STADNING, 1),
        ev.QuestionDecided(STADNING, "main", "proposal"),
        ev.VoteDemanded(STADNING, 2, "proposal", "y3", demanded_by="Sara Lind", question="main"),
    ]
    round2 = {"Karin Ek": "ja", "Olof Berg": "ja", "Lena Ås": "ja", "Maria Strand": "ja",
              "Sara Lind": "nej", "Nils Dahl": "avstår", "Eva Sund": "ja"}  # fmt: skip
    out += [ev.VoteCast(STADNING, 2, m, v) for m, v in round2.items()]
    out += [
        ev.VoteClosed(STADNING, 2),
        ev.DecisionRecorded(
            STADNING, ("Stadsdelsnämnden tilldelar kontraktet till Rent & Fint AB.",)
        ),
        # § 22: Nils Dahl has left (his seat is empty); the återremiss wins the vote on
        # the formal question and the item ends there.
        ev.ItemCalled(LOKAL, at="19:10"),
        ev.MemberLeft("Nils Dahl", LOKAL, at="19:10"),
        ev.MotionMade(
            LOKAL, "y1", "Olof Berg", "återremiss", "Planen ska kompletteras med en riskanalys."
        ),
        ev.MotionMade(LOKAL, "y2", "Karin Ek", "bifall"),
        ev.QuestionDecided(LOKAL, "y1", "today"),
        ev.VoteDemanded(LOKAL, 1, "today", "y1", demanded_by="Olof Berg", question="y1"),
    ]
    round1 = {"Karin Ek": "ja", "Olof Berg": "nej", "Lena Ås": "ja", "Per Holm": "nej",
              "Sara Lind": "nej", "Eva Sund": "nej"}  # fmt: skip
    out += [ev.VoteCast(LOKAL, 1, m, v) for m, v in round1.items()]
    out += [
        ev.VoteClosed(LOKAL, 1),
        # § 23: notes and a statement; special characters in the title; the main question,
        ev.ItemCalled(ANMALAN, at="19:20"),
        # the main question, then the tilläggsyrkande on its own.
        ev.MotionMade(ANMALAN, "y1", "Karin Ek", "bifall"),
        ev.MotionMade(ANMALAN, "y2", "Per Holm", "avslag"),
        ev.MotionMade(
            ANMALAN, "y3", "Sara Lind", "tillägg", "att delegationsbesluten redovisas i förväg"
        ),
        ev.QuestionDecided(ANMALAN, "main", "proposal"),
        ev.QuestionDecided(ANMALAN, "y3", "rejected"),
        ev.DecisionRecorded(ANMALAN, ("Anmälan av delegationsbeslut läggs till handlingarna.",)),
        ev.NoteAdded(ANMALAN, "Sara Lind (V) vill se delegationsbesluten *i förväg*."),
        ev.NoteAdded(ANMALAN, "Ordföranden tackar förvaltningen."),
        ev.StatementAdded(ANMALAN, "S-ersättarna", "Vi delar förvaltningens bedömning."),
        ev.MeetingClosed("19:30"),
    ]
    return out


def justering_events() -> list[ev.Event]:
    """After the meeting: justered, posted, and one correction."""
    wrong = ev.DecisionRecorded(
        ANMALAN, ("Anmälan av delegationsbeslut för mars läggs till handlingarna.",)
    )
    return [
        ev.AdjustmentNoteAdded(
            ANMALAN, "Olof Berg", "Ordförandens tack till förvaltningen återges inte ordagrant."
        ),
        ev.MinutesJustified("2024-03-07", posted="2024-03-08"),
        ev.CorrectionMade(ANMALAN, "Månaden saknades i beslutet.", wrong.to_dict()),
    ]


def all_events() -> list[ev.Event]:
    return meeting_events() + justering_events()


class StepClock:
    """A clock that ticks one minute per call, from 2024-03-05 18:00."""

    def __init__(self, start: dt.datetime = dt.datetime(2024, 3, 5, 18, 0)) -> None:
        self.now = start

    def __call__(self) -> dt.datetime:
        self.now += dt.timedelta(minutes=1)
        return self.now


def copy_tree(tmp: Path) -> Path:
    """Copy the fixture folder tree to `tmp`; returns the meeting folder in the copy."""
    shutil.copytree(DATA, tmp / "data")
    return tmp / "data" / "testby-stadsdelsnamnd" / "2024-03-05"


def record_meeting(folder: Path, meeting: Meeting, events: list[ev.Event], clock=None) -> Record:
    """Apply the events through the Record (rules checked, journal written); still open."""
    record = Record.open(meeting, folder, clock=clock or StepClock())
    for event in events:
        record.apply(event)
    return record


def load_fixture_meeting(folder: Path = MEETING_DIR) -> Meeting:
    return load_meeting(folder / "meeting.toml")
