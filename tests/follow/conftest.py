"""A meeting built in code for the follow tests: a writer (Record) and a follower side by
side in one folder; the test appends acts while the view runs."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from tests.record.conftest import Clock

from namndtui.meetingwrite import meeting_to_toml
from namndtui.model import Item, Meeting, Member
from namndtui.record import events as ev
from namndtui.record.record import Record

SEATS = ["Anna Ek", "Bo Ås", "Cia Lund", "Dan Berg", "Eva Holm"]


def make_meeting() -> Meeting:
    roles = ["ordförande", "vice ordförande", "ledamot", "ledamot", "ledamot"]
    parties = ["S", "M", "V", "MP", "L"]
    members = tuple(Member(n, p, r) for n, p, r in zip(SEATS, parties, roles, strict=True))
    members += (Member("Fia Nord", "S", "ersättare"),)
    return Meeting(
        body="Socialnämnden",
        date=dt.date(2026, 12, 15),
        first_paragraph=140,
        members=members,
        items=(
            Item(
                id="budget",
                title="Budget 2027 för socialnämnden",
                proposed_decision=("Socialnämnden antar budgeten för 2027.",),
            ),
            Item(
                id="individ",
                title="Ansökan om bistånd för Anna Andersson",
                secrecy="OSL 26 kap. 1 §",
                public_title="Individärende",
                proposed_decision=("Bistånd beviljas Anna Andersson.",),
            ),
            Item(id="info", title="Information från förvaltningen"),
        ),
    )


def opening() -> list[ev.Event]:
    return [ev.MeetingOpened("18:30")] + [ev.AttendanceSet(m, True) for m in SEATS]


def vote_demanded() -> list[ev.Event]:
    """§ 140: bifall (Anna Ek) against avslag (Bo Ås); the chair finds for the proposal,
    Bo Ås demands a vote."""
    return [
        ev.ItemCalled("budget", "18:31"),
        ev.MotionMade("budget", "y1", "Anna Ek", "bifall"),
        ev.MotionMade("budget", "y2", "Bo Ås", "avslag", joined=("Cia Lund",)),
        ev.QuestionDecided("budget", "main", "proposal"),
        ev.VoteDemanded("budget", 1, "proposal", "y2", demanded_by="Bo Ås", question="main"),
    ]


def votes_and_decision() -> list[ev.Event]:
    answers = ["ja", "nej", "nej", "ja", "ja"]
    out: list[ev.Event] = [
        ev.VoteCast("budget", 1, m, a) for m, a in zip(SEATS, answers, strict=True)
    ]
    out += [
        ev.VoteClosed("budget", 1),
        ev.DecisionRecorded("budget", ("Socialnämnden antar budgeten för 2027.",)),
    ]
    return out


@pytest.fixture
def meeting() -> Meeting:
    return make_meeting()


@pytest.fixture
def folder(tmp_path: Path, meeting: Meeting) -> Path:
    folder = tmp_path / "2026-12-15"
    folder.mkdir()
    (folder / "meeting.toml").write_text(meeting_to_toml(meeting), encoding="utf-8")
    return folder


@pytest.fixture
def writer(meeting: Meeting, folder: Path) -> Iterator[Record]:
    record = Record.open(meeting, folder, clock=Clock())
    yield record
    record.close()


def record_all(record: Record, events: list[ev.Event]) -> None:
    for event in events:
        record.apply(event)
