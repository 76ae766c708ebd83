"""A journal that belongs to another meeting (a link to it, a copied folder) is never
written to: appending this meeting's acts would damage the other meeting's record."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest
from tests.minutes import scenario as sc

from namndtui.cli import main
from namndtui.minutes.source import load_meeting_for_record
from namndtui.record import events as ev
from namndtui.record.journal import JOURNAL_NAME
from namndtui.record.procedure import RuleError
from namndtui.record.record import Record

from .conftest import Clock, make_meeting

MEETING = make_meeting()
EARLIER = dataclasses.replace(MEETING, date=dt.date(2007, 10, 9))


def recorded(folder: Path, meeting=EARLIER) -> bytes:
    """`folder` with a journal of `meeting` holding one act; returns its bytes."""
    record = Record.open(meeting, folder, clock=Clock())
    record.apply(ev.MeetingOpened("19:00"))
    record.close()
    return (folder / JOURNAL_NAME).read_bytes()


def assert_refused(record: Record, other: str) -> None:
    assert record.readonly
    assert "hör till ett annat möte" in record.readonly_reason
    assert other in record.readonly_reason
    with pytest.raises(RuleError, match="annat möte"):
        record.apply(ev.MeetingOpened("19:05"))


def test_a_link_to_another_meetings_journal_is_not_written_to(tmp_path):
    before = recorded(tmp_path / "earlier")
    (tmp_path / "m").mkdir()
    (tmp_path / "m" / JOURNAL_NAME).symlink_to(tmp_path / "earlier" / JOURNAL_NAME)
    record = Record.open(MEETING, tmp_path / "m", clock=Clock())
    assert_refused(record, "Testnämnden 2007-10-09")
    assert "länken" in record.readonly_reason
    record.close()
    assert (tmp_path / "earlier" / JOURNAL_NAME).read_bytes() == before


def test_a_linked_journal_of_another_body_on_the_same_day_is_refused(tmp_path):
    other = dataclasses.replace(MEETING, body="Grannämnden")
    before = recorded(tmp_path / "other", other)
    (tmp_path / "m").mkdir()
    (tmp_path / "m" / JOURNAL_NAME).symlink_to(tmp_path / "other" / JOURNAL_NAME)
    record = Record.open(MEETING, tmp_path / "m", clock=Clock())
    assert_refused(record, "Grannämnden 2007-10-23")
    record.close()
    assert (tmp_path / "other" / JOURNAL_NAME).read_bytes() == before


def test_a_copied_journal_of_another_date_is_not_written_to(tmp_path):
    before = recorded(tmp_path / "m")  # a folder copied from the earlier meeting
    record = Record.open(MEETING, tmp_path / "m", clock=Clock())
    assert_refused(record, "Testnämnden 2007-10-09")
    assert "flytta undan journal.jsonl" in record.readonly_reason
    assert record.warnings  # validate (read-only) still reports it
    record.close()
    assert (tmp_path / "m" / JOURNAL_NAME).read_bytes() == before
    assert Record.open(MEETING, tmp_path / "m", readonly=True).warnings


def test_a_name_corrected_in_meeting_toml_only_warns(tmp_path):
    recorded(tmp_path / "m", dataclasses.replace(MEETING, body="Testnämden"))
    record = Record.open(MEETING, tmp_path / "m", clock=Clock())
    assert not record.readonly
    assert "Testnämden" in record.warnings[0]
    record.apply(ev.AttendanceSet("Anna Ek", True))
    record.close()


def test_a_link_to_this_meetings_journal_kept_elsewhere_is_written_to(tmp_path):
    recorded(tmp_path / "elsewhere", MEETING)
    (tmp_path / "m").mkdir()
    (tmp_path / "m" / JOURNAL_NAME).symlink_to(tmp_path / "elsewhere" / JOURNAL_NAME)
    record = Record.open(MEETING, tmp_path / "m", clock=Clock())
    assert not record.readonly and not record.warnings
    record.apply(ev.AttendanceSet("Anna Ek", True))
    record.close()


def test_export_justerat_refuses_to_seal_into_another_meetings_journal(tmp_path, capsys):
    folder = sc.copy_tree(tmp_path)
    meeting = load_meeting_for_record(folder / "meeting.toml")
    sc.record_meeting(folder, meeting, sc.meeting_events()).close()
    before = (folder / JOURNAL_NAME).read_bytes()
    later = folder.with_name("2024-03-19")
    later.mkdir()
    text = (folder / "meeting.toml").read_text(encoding="utf-8")
    (later / "meeting.toml").write_text(text.replace("2024-03-05", "2024-03-19"), "utf-8")
    (later / JOURNAL_NAME).symlink_to(folder / JOURNAL_NAME)
    assert main(["export", str(later), "--justerat", "2024-03-21"]) == 1
    err = capsys.readouterr().err
    assert "hör till ett annat möte, 'Testby stadsdelsnämnd 2024-03-05'" in err
    assert (folder / JOURNAL_NAME).read_bytes() == before


def test_validate_names_a_journal_of_another_meeting(tmp_path, capsys):
    folder = sc.copy_tree(tmp_path)
    meeting = load_meeting_for_record(folder / "meeting.toml")
    sc.record_meeting(folder, meeting, sc.meeting_events()).close()
    text = (folder / "meeting.toml").read_text(encoding="utf-8")
    (folder / "meeting.toml").write_text(text.replace("2024-03-05", "2024-03-19"), "utf-8")
    assert main(["validate", str(folder)]) == 1
    out = capsys.readouterr().out
    assert "journal.jsonl:1: journal.jsonl hör till ett annat möte" in out
    assert "flytta undan journal.jsonl" in out


def test_a_plain_export_makes_no_minutes_from_another_meetings_journal(tmp_path, capsys):
    """Without --justerat too: minutes of this meeting written from another meeting's acts
    would be wrong minutes, published as they are."""
    folder = sc.copy_tree(tmp_path)
    meeting = load_meeting_for_record(folder / "meeting.toml")
    sc.record_meeting(folder, meeting, sc.meeting_events()).close()
    later = folder.with_name("2024-03-19")
    later.mkdir()
    text = (folder / "meeting.toml").read_text(encoding="utf-8")
    (later / "meeting.toml").write_text(text.replace("2024-03-05", "2024-03-19"), "utf-8")
    (later / JOURNAL_NAME).symlink_to(folder / JOURNAL_NAME)
    assert main(["export", str(later)]) == 1
    err = capsys.readouterr().err
    assert "protokollet görs inte av ett annat mötes journal" in err
    assert "'Testby stadsdelsnämnd 2024-03-05'" in err
    assert not (later / "protokoll.toml").exists()
