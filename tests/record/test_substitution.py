"""An ersättare of another party serving for a ledamot: a warning (never a refusal) when
an ersättare of the ledamot's own party is present and not serving; in the record, in
`validate` and on the attendance screen."""

from __future__ import annotations

import dataclasses

from namndtui.cli import main
from namndtui.meetingwrite import meeting_to_toml
from namndtui.model import Member
from namndtui.record import events as ev
from namndtui.record.fold import fold
from namndtui.record.record import Record
from namndtui.record.substitution import cross_party_note, cross_party_notes

from .conftest import SEATS, make_meeting

# Seats: Anna Ek (S), Bo Ås (M), Cia Lund (V), Dan Berg (MP), Eva Holm (L); the three
# ersättare of make_meeting are (S); Ida Öst and Jan Lid are ersättare for (M).
MEETING = make_meeting()
MEETING = dataclasses.replace(
    MEETING,
    members=MEETING.members
    + (Member("Ida Öst", "M", "ersättare"), Member("Jan Lid", "M", "ersättare")),
)
BO_ABSENT = [ev.AttendanceSet(m, m != "Bo Ås") for m in SEATS] + [
    ev.AttendanceSet("Fia Nord", True)
]
WARNING = (
    "Fia Nord (S) tjänstgör för Bo Ås (M), men Ida Öst (M) är närvarande ersättare för "
    "samma parti och tjänstgör inte"
)


def test_a_warning_only_when_the_seats_party_has_an_idle_ersattare_present() -> None:
    state = fold(MEETING, BO_ABSENT)
    assert cross_party_note(MEETING, state, "Fia Nord", "Bo Ås") == ""  # no (M) ersättare here
    state = fold(MEETING, [*BO_ABSENT, ev.AttendanceSet("Ida Öst", True)])
    assert cross_party_note(MEETING, state, "Fia Nord", "Bo Ås") == WARNING
    assert cross_party_note(MEETING, state, "Ida Öst", "Bo Ås") == ""  # her own party
    both = fold(
        MEETING, [*BO_ABSENT, ev.AttendanceSet("Ida Öst", True), ev.AttendanceSet("Jan Lid", True)]
    )
    assert cross_party_note(MEETING, both, "Fia Nord", "Bo Ås").endswith(
        "men Ida Öst (M) och Jan Lid (M) är närvarande ersättare för samma parti och tjänstgör inte"
    )
    # Ida Öst already serves (for another (M) seat, say): nobody of the party is idle
    busy = dataclasses.replace(state, serving_for={"Ida Öst": "Anna Ek"})
    assert cross_party_note(MEETING, busy, "Fia Nord", "Bo Ås") == ""


def test_the_record_keeps_each_warning_as_it_stood_and_undo_takes_it_back(tmp_path) -> None:
    from .conftest import Clock

    with Record.open(MEETING, tmp_path, clock=Clock()) as record:
        for event in [ev.MeetingOpened("19:00"), *BO_ABSENT, ev.AttendanceSet("Ida Öst", True)]:
            record.apply(event)
        record.apply(ev.ItemCalled("x1", "19:01"))
        record.apply(ev.SubstituteServes("Fia Nord", "Bo Ås", item="x1"))  # allowed
        assert record.state.serving_for == {"Fia Nord": "Bo Ås"}
        # Ida Öst leaves later: the warning stands as it was when Fia Nord began to serve
        record.apply(ev.MemberLeft("Ida Öst", "x1", "19:05"))
        assert cross_party_notes(MEETING, record.state) == [f"§ 120: {WARNING}"]
        record.undo()  # the departure
        record.undo()  # the ersättare serving
        assert cross_party_notes(MEETING, record.state) == []


def test_validate_prints_the_warning_as_a_warning(tmp_path, capsys) -> None:
    from .conftest import Clock

    (tmp_path / "meeting.toml").write_text(meeting_to_toml(MEETING), encoding="utf-8")
    with Record.open(MEETING, tmp_path, clock=Clock()) as record:
        for event in [*BO_ABSENT, ev.AttendanceSet("Ida Öst", True)]:
            record.apply(event)
        record.apply(ev.SubstituteServes("Fia Nord", "Bo Ås"))
    assert main(["validate", str(tmp_path / "meeting.toml")]) == 0
    out = capsys.readouterr().out.splitlines()
    assert f"{tmp_path / 'meeting.toml'}: varning: {WARNING}" in out
    with Record.open(MEETING, tmp_path, clock=Clock()) as record:
        record.undo()
        assert record.state.serving_for == {}
    assert main(["validate", str(tmp_path / "meeting.toml")]) == 0
    assert "varning" not in capsys.readouterr().out


def test_an_ersattare_stepping_in_for_a_javig_ledamot_is_warned_too() -> None:
    everyone = [ev.AttendanceSet(m, True) for m in [*SEATS, "Fia Nord", "Ida Öst"]]
    state = fold(MEETING, [*everyone, ev.ItemCalled("x1", "19:01")])
    assert cross_party_note(MEETING, state, "Fia Nord", "Bo Ås") == WARNING
    jav = [*everyone, ev.ItemCalled("x1", "19:01"), ev.Recused("x1", "Bo Ås", "Fia Nord")]
    assert cross_party_notes(MEETING, fold(MEETING, jav)) == [f"§ 120: {WARNING}"]
    own = [*everyone, ev.ItemCalled("x1", "19:01"), ev.Recused("x1", "Bo Ås", "Ida Öst")]
    assert cross_party_notes(MEETING, fold(MEETING, own)) == []


def test_validate_reports_a_damaged_journal_beside_the_meeting(tmp_path, capsys) -> None:
    """validate reads the journal beside meeting.toml (for the warnings above): a damaged
    line is a finding (exit 1, FILE:LINE), not a valid meeting with nothing said (QA)."""
    from .conftest import Clock

    (tmp_path / "meeting.toml").write_text(meeting_to_toml(MEETING), encoding="utf-8")
    with Record.open(MEETING, tmp_path, clock=Clock()) as record:
        for event in BO_ABSENT:
            record.apply(event)
    journal = tmp_path / "journal.jsonl"
    lines = journal.read_bytes().split(b"\n")
    lines[3] = lines[3].replace(b'"present":true', b'"present":false')  # the sum no longer fits
    journal.write_bytes(b"\n".join(lines))
    assert main(["validate", str(tmp_path / "meeting.toml")]) == 1
    out = capsys.readouterr().out
    assert f"{journal}:4: journalen är skadad: " in out and "skrivskyddat" in out


def test_validate_of_the_journal_itself_checks_it_with_its_meeting(tmp_path, capsys) -> None:
    """qa4: `namndtui validate MÖTE/journal.jsonl` read the journal as TOML and said
    "TOML-syntaxfel" on line 1 of a sound journal."""
    from .conftest import Clock

    (tmp_path / "meeting.toml").write_text(meeting_to_toml(MEETING), encoding="utf-8")
    with Record.open(MEETING, tmp_path, clock=Clock()) as record:
        for event in BO_ABSENT:
            record.apply(event)
    journal = tmp_path / "journal.jsonl"
    assert main(["validate", str(journal)]) == 0
    out = capsys.readouterr().out
    assert "TOML" not in out and f"{tmp_path / 'meeting.toml'}: giltig" in out
    lines = journal.read_bytes().split(b"\n")
    lines[3] = lines[3].replace(b'"present":true', b'"present":false')
    journal.write_bytes(b"\n".join(lines))
    assert main(["validate", str(journal)]) == 1
    assert f"{journal}:4: journalen är skadad: " in capsys.readouterr().out
