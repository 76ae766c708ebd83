"""`namndtui new DIR --from PREVIOUS`: the next meeting prepared from the last one."""

from __future__ import annotations

from pathlib import Path

import pytest

from namndtui.cli import main
from namndtui.examples import BODY, example_archive
from namndtui.meetingfile import load_meeting
from namndtui.minutes.protokoll_read import load_protokoll

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = example_archive() / BODY
PREVIOUS = EXAMPLE / "2007-09-25"
AGENDA = Path(__file__).parent / "docs" / "agenda-hasselby-vallingby-2007.txt"


def test_round_trip_from_the_examples_previous_minutes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "2007-10-23"
    assert main(["new", str(target), "--from", str(PREVIOUS), "--date", "2007-10-23"]) == 0
    out, err = capsys.readouterr()
    assert "första § 120" in out and "bordlagt 2007-09-25 § 112" in err
    assert "inte behandlade" not in err  # every other item was decided
    meeting = load_meeting(target / "meeting.toml")  # validates
    old = load_protokoll(PREVIOUS / "protokoll.toml").meeting
    example = load_meeting(EXAMPLE / "2007-10-23" / "meeting.toml")
    assert meeting.first_paragraph == example.first_paragraph == 120
    assert meeting.members == old.members
    assert (meeting.body, meeting.place, meeting.secretary, meeting.kept_at, meeting.start) == (
        old.body,
        old.place,
        old.secretary,
        old.kept_at,
        old.start,
    )
    (tabled,) = meeting.items
    assert tabled.id == "ansokan-lansstyrelsen" and tabled.category == "Bordlagda ärenden"
    assert tabled.extra_sections[0].title == "Tidigare behandling"
    assert tabled.extra_sections[0].text == "Bordlagt 2007-09-25 § 112."
    assert tabled.proposed_decision == old.item("ansokan-lansstyrelsen").proposed_decision


def test_a_protokoll_file_works_as_well_as_the_folder(tmp_path: Path) -> None:
    args = ["--from", str(PREVIOUS / "protokoll.toml"), "--date", "2007-10-23"]
    assert main(["new", str(tmp_path / "a"), *args]) == 0
    assert main(["new", str(tmp_path / "b"), "--from", str(PREVIOUS), "--date", "2007-10-23"]) == 0
    assert load_meeting(tmp_path / "a") == load_meeting(tmp_path / "b")


def test_agenda_is_merged_and_the_tabled_item_is_not_doubled(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "next"
    assert main(["new", str(target), "--from", str(PREVIOUS), "--agenda", str(AGENDA)]) == 0
    meeting = load_meeting(target)
    assert str(meeting.date) == "2007-10-23" and meeting.first_paragraph == 120
    assert len(meeting.items) == 8  # the agenda's items; the tabled one is one of them
    item = next(i for i in meeting.items if i.dnr == "Dnr 503-412-07")
    assert item.category == "Beslutsärenden"  # the agenda's heading stays
    assert item.extra_sections[0].text == "Bordlagt 2007-09-25 § 112."
    assert item.summary.startswith("Hässelby-Vällingby stadsdelsnämnd ansöker")  # report text
    assert "finns i föredragningslistan" in capsys.readouterr().err


def test_referred_back_items_carry_the_reason_and_a_new_year_starts_at_one() -> None:
    # (an edited protokoll.toml fails its checksum, so the pure function is fed directly)
    import datetime as dt

    from namndtui.importing.next_meeting import Previous, Unfinished, next_meeting

    old = load_protokoll(PREVIOUS / "protokoll.toml").meeting
    item = old.item("ansokan-lansstyrelsen")
    assert item is not None
    sent_back = Unfinished(item, 112, "referred_back", "Ta fram en kostnadskalkyl.")
    previous = Previous(old, 119, [sent_back])
    meeting, _notes = next_meeting(previous, dt.date(2008, 1, 22))
    assert meeting.first_paragraph == 1  # § numbers restart with the calendar year
    (again,) = meeting.items
    assert again.category == "Återremitterade ärenden"
    assert again.extra_sections[0].text == (
        "Återremitterat 2007-09-25 § 112. Motivering: Ta fram en kostnadskalkyl."
    )
    # Tabled once more at the next meeting: the older line stays first.
    later = Previous(meeting, 125, [Unfinished(again, 123, "tabled")])
    (third,) = next_meeting(later, dt.date(2008, 2, 19))[0].items
    assert third.extra_sections[0].text.endswith("\n\nBordlagt 2008-01-22 § 123.")
    assert next_meeting(later, dt.date(2008, 2, 19))[0].first_paragraph == 126


def test_a_minority_right_used_once_comes_with_the_item() -> None:
    """A minoritetsbordläggning is said in the history line and carried as `minority_used`,
    through the next meeting's file and its minutes, so it is not given a second time."""
    import dataclasses
    import datetime as dt

    from namndtui.importing.next_meeting import Previous, Unfinished, next_meeting
    from namndtui.importing.toml_out import meeting_toml
    from namndtui.meetingfile import parse_meeting_text

    old = load_protokoll(PREVIOUS / "protokoll.toml").meeting
    item = old.item("ansokan-lansstyrelsen")
    assert item is not None
    forced = Unfinished(item, 112, "tabled", minority="bordläggning")
    meeting, _notes = next_meeting(Previous(old, 119, [forced]), dt.date(2007, 10, 23))
    (again,) = meeting.items
    assert again.minority_used == "bordläggning"
    assert again.extra_sections[0].text == "Bordlagt 2007-09-25 § 112 (minoritetsbordläggning)."
    parsed, problems = parse_meeting_text(meeting_toml(meeting))
    assert problems == [] and parsed is not None and parsed.items[0].minority_used == "bordläggning"
    # Tabled again by a majority: the right stays used, and the new line says nothing of it.
    later = Previous(meeting, 125, [Unfinished(again, 123, "tabled", minority="bordläggning")])
    (third,) = next_meeting(later, dt.date(2007, 11, 20))[0].items
    assert third.minority_used == "bordläggning"
    assert third.extra_sections[0].text.endswith("\n\nBordlagt 2007-10-23 § 123.")
    plain = dataclasses.replace(forced, minority="")
    assert (
        next_meeting(Previous(old, 119, [plain]), dt.date(2007, 10, 23))[0].items[0].minority_used
        == ""
    )


def test_refuses_to_overwrite_and_needs_a_later_date(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "m"
    target.mkdir()
    (target / "meeting.toml").write_text("# mitt\n", encoding="utf-8")
    args = ["--from", str(PREVIOUS), "--date", "2007-10-23"]
    assert main(["new", str(target), *args]) == 1
    assert (target / "meeting.toml").read_text(encoding="utf-8") == "# mitt\n"
    assert "finns redan" in capsys.readouterr().err
    assert main(["new", str(tmp_path / "x"), "--from", str(PREVIOUS)]) == 2
    assert "--date" in capsys.readouterr().err
    assert main(["new", str(tmp_path / "y"), "--from", str(PREVIOUS), "--date", "2007-09-01"]) == 2
    assert (
        main(
            ["new", str(tmp_path / "z"), "--from", str(tmp_path / "saknas"), "--date", "2008-01-01"]
        )
        == 2
    )
    assert not (tmp_path / "x").exists() and not (tmp_path / "y").exists()


def test_an_item_that_corrects_an_earlier_paragraph_keeps_corrects_in_its_table() -> None:
    """`new --from` a meeting whose carried-over item had `corrects` wrote a top-level
    [corrects] table, and the new meeting.toml was refused as invalid (qa)."""
    import datetime as dt

    from namndtui.importing.toml_out import meeting_toml
    from namndtui.meetingfile import parse_meeting_text
    from namndtui.model import Item, Meeting, ParagraphRef

    ref = ParagraphRef(dt.date(2007, 9, 25), 112)
    item = Item(id="rattelse", title="Rättelse", corrects=ref)
    text = meeting_toml(Meeting(body="Nämnden", date=dt.date(2007, 11, 20), items=(item,)))
    meeting, problems = parse_meeting_text(text)[:2]
    assert problems == [] and meeting is not None and meeting.items[0].corrects == ref


def test_the_bodys_rules_and_the_masked_names_come_along() -> None:
    """`new --from` dropped personal_data (an item carried over still named the person, and
    the next web version printed the name), paragraph_prefix and the minority right (qa)."""
    import dataclasses
    import datetime as dt

    from namndtui.importing.next_meeting import Previous, next_meeting
    from namndtui.importing.toml_out import meeting_toml
    from namndtui.meetingfile import parse_meeting_text

    old = dataclasses.replace(
        load_protokoll(PREVIOUS / "protokoll.toml").meeting,
        personal_data=("Kalle Svensson",),
        paragraph_prefix="SN",
        minority_right=("återremiss",),
        minority_fraction="1/4",
    )
    meeting, _notes = next_meeting(Previous(old, 119, []), dt.date(2007, 10, 23))
    parsed, problems = parse_meeting_text(meeting_toml(meeting))
    assert problems == [] and parsed is not None
    assert parsed.personal_data == ("Kalle Svensson",)
    assert (parsed.paragraph_prefix, parsed.minority_right, parsed.minority_fraction) == (
        "SN", ("återremiss",), "1/4"
    )  # fmt: skip


def test_items_left_unhandled_are_named_not_dropped_silently(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # the meeting was never held (or ran out of time): its items do not come back by
    # themselves, and the secretary is told which
    import shutil

    previous = tmp_path / "2007-10-23"
    previous.mkdir()
    shutil.copy(EXAMPLE / "2007-10-23" / "meeting.toml", previous / "meeting.toml")
    held = load_meeting(previous)
    assert (
        main(["new", str(tmp_path / "next"), "--from", str(previous), "--date", "2007-11-20"]) == 0
    )
    err = capsys.readouterr().err
    assert (
        f"namndtui: varning: {len(held.items)} ärenden på förra föredragningslistan blev inte "
        "behandlade" in err
    )
    for item in held.items:
        assert f"namndtui:   {item.title}\n" in err
    assert load_meeting(tmp_path / "next").items == ()


def test_a_tabled_items_proposed_immediate_justering_survives_protokoll_toml(
    tmp_path: Path,
) -> None:
    # protokoll.toml printed the § without it (tabled: no "justeras omedelbart"), so the
    # item's proposal was lost, while `new --from` the meeting folder kept it
    import dataclasses

    from tests.record.conftest import make_meeting, roll_call

    from namndtui.minutes.model import Minutes, immediate
    from namndtui.minutes.protokoll_write import render_toml
    from namndtui.record import events as ev
    from namndtui.record.fold import fold

    meeting = make_meeting()
    proposed = [dataclasses.replace(i, immediate_justification=True) for i in meeting.items]
    meeting = dataclasses.replace(meeting, items=tuple(proposed))
    events = [ev.MeetingOpened("19:00"), *roll_call(), ev.ItemTabled("x1")]
    events += [ev.ItemReferredBack("x2", "Utred mer"), ev.MeetingClosed("20:00")]
    (tmp_path / "protokoll.toml").write_text(render_toml(Minutes(meeting, fold(meeting, events))))
    minutes = load_protokoll(tmp_path / "protokoll.toml")
    para = minutes.state.paragraph("x1")
    assert not immediate(minutes.meeting.item("x1"), para)  # the minutes still say nothing
    args = ["--from", str(tmp_path / "protokoll.toml"), "--date", "2007-11-20"]
    assert main(["new", str(tmp_path / "next"), *args]) == 0
    carried = load_meeting(tmp_path / "next").items
    assert [(i.id, i.immediate_justification) for i in carried] == [("x1", True), ("x2", True)]
