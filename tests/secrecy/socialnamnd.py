"""The scripted socialnämnd meeting of the golden public version: two secret items (an
LVU application, an appeal about financial aid), a public item that names a private
person, and a public item whose report gives an official's telephone number."""

from __future__ import annotations

from pathlib import Path

from namndtui.meetingfile import load_meeting
from namndtui.minutes.model import Minutes
from namndtui.record import events as ev
from namndtui.record.fold import fold

HERE = Path(__file__).parent
MEETING_DIR = HERE / "data" / "socialnamnd"
GOLDEN = HERE / "golden"
SEATS = ["Greta Norén", "Bertil Lax", "Hanna Ryd", "Kalle Sjö", "Lisa Törn"]


def events() -> list[ev.Event]:
    out: list[ev.Event] = [ev.MeetingOpened("18:00")]
    out += [ev.AttendanceSet(name, name != "Lisa Törn") for name in SEATS]
    out += [
        ev.AttendanceSet("Omar Hed", True),
        ev.SubstituteServes("Omar Hed", "Lisa Törn"),
        ev.OfficialPresent("Ingrid Vall", "socialchef"),
        ev.AdjustersChosen(("Bertil Lax",)),
        ev.JusteringPlanned("2026-12-14", "10:00", "Socialkontoret, Lillby"),
        # § 101, secret: a motion, a note and a reservation that name the family.
        ev.ItemCalled("lvu-bergqvist", at="18:05"),
        ev.MotionMade(
            "lvu-bergqvist",
            "y1",
            "Hanna Ryd",
            "återremiss",
            "Förvaltningen ska först pröva ett placeringsalternativ hos Tobias Bergqvists syster.",
        ),  # fmt: skip
        ev.QuestionDecided("lvu-bergqvist", "y1", "today"),
        ev.DecisionRecorded(
            "lvu-bergqvist",
            ("Socialnämnden ansöker hos förvaltningsrätten om vård enligt 2 § LVU för barnet.",),
        ),
        ev.ReservationMade("lvu-bergqvist", "Hanna Ryd"),
        ev.NoteAdded(
            "lvu-bergqvist", "Elin Bergqvist var närvarande under föredragningen.", "Kalle Sjö"
        ),
        ev.ImmediateJustificationSet("lvu-bergqvist", True),
        # § 102, public.
        ev.ItemCalled("budgetuppfoljning", at="18:40"),
        ev.DecisionRecorded(
            "budgetuppfoljning", ("Socialnämnden godkänner budgetuppföljningen för oktober 2026.",)
        ),
        # § 103, secret, marked in meeting.toml.
        ev.ItemCalled("bistand-malm", at="18:55"),
        ev.DecisionRecorded(
            "bistand-malm",
            (
                "Socialnämnden vidhåller sitt beslut och överlämnar överklagandet till förvaltningsrätten.",
            ),
        ),  # fmt: skip
        # § 104, public, naming a private person.
        ev.ItemCalled("synpunkter", at="19:10"),
        ev.NoteAdded("synpunkter", "Signe Malm har också lämnat en synpunkt.", "Bertil Lax"),
        ev.DecisionRecorded(
            "synpunkter", ("Socialnämnden lägger synpunkterna till handlingarna.",)
        ),
        ev.MeetingClosed("19:20"),
    ]
    return out


def minutes() -> Minutes:
    meeting = load_meeting(MEETING_DIR / "meeting.toml")
    return Minutes(meeting, fold(meeting, events()))


def recorded_folder(tmp: Path) -> Path:
    """A copy of the meeting folder with its journal written through the Record (rules
    checked), the lock released."""
    import shutil

    from tests.minutes.scenario import StepClock

    from namndtui.minutes.source import load_meeting_for_record
    from namndtui.record.record import Record

    folder = tmp / "socialnamnd"
    shutil.copytree(MEETING_DIR, folder)
    meeting = load_meeting_for_record(folder / "meeting.toml")
    record = Record.open(meeting, folder, clock=StepClock())
    try:
        for event in events():
            record.apply(event)
    finally:
        record.close()
    return folder
