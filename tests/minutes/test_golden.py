"""Golden files: scripted meetings -> exact protokoll.toml, .md, .html and extracts.

Regenerate after an intended change with `NAMNDTUI_UPDATE_GOLDEN=1 pytest tests/minutes`
and review the diff (docs/minutes.md).
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
from pathlib import Path

import pytest
from tests.minutes import scenario as sc
from tests.minutes.document_text import document_text

from namndtui.examples import example_meeting
from namndtui.minutes.document import build_document
from namndtui.minutes.extract import render_extract
from namndtui.minutes.model import Minutes
from namndtui.minutes.settings import OLDER, ProtokollSettings
from namndtui.minutes.source import load_meeting_for_record
from namndtui.minutes.write import render_all
from namndtui.record import events as ev
from namndtui.record.record import Record

UPDATE = os.environ.get("NAMNDTUI_UPDATE_GOLDEN") == "1"
REPO = Path(__file__).resolve().parents[2]
EXAMPLE = example_meeting().parent


def check_golden(name: str, content: str) -> None:
    path = sc.GOLDEN / name
    if UPDATE:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(content, encoding="utf-8", newline="\n")
    assert path.exists(), f"{path} saknas – kör med NAMNDTUI_UPDATE_GOLDEN=1"
    expected = path.read_text(encoding="utf-8")
    assert content == expected, f"{name} skiljer sig från golden-filen"


@pytest.fixture(scope="module")
def testby(tmp_path_factory) -> dict[str, Minutes]:
    """The scripted Testby meeting: before justering and after (two record sessions)."""
    folder = sc.copy_tree(tmp_path_factory.mktemp("golden"))
    meeting = load_meeting_for_record(folder / "meeting.toml")
    record = sc.record_meeting(folder, meeting, sc.meeting_events())
    before = Minutes(meeting, record.state)
    before_files = render_all(before)
    record.close()
    later = sc.StepClock(dt.datetime(2024, 3, 7, 15, 0))
    record = sc.record_meeting(folder, meeting, sc.justering_events(), clock=later)
    after = Minutes(meeting, record.state)
    record.close()
    return {"before": before, "after": after, "before_md": before_files["protokoll.md"]}


def test_numbering_continues_from_previous_minutes(testby) -> None:
    assert testby["after"].meeting.first_paragraph == 18  # 2024-02-06 ended at § 17


@pytest.mark.parametrize("name", ["protokoll.toml", "protokoll.md", "protokoll.html"])
def test_testby_minutes(testby, name: str) -> None:
    check_golden(f"testby/{name}", render_all(testby["after"], html=True)[name])


OLDER_SETTINGS = ProtokollSettings(
    layout=OLDER, adjuster_label="Justerare", statement_label="Särskilt uttalande",
    paragraph_prefix="SDN",
)  # fmt: skip


@pytest.mark.parametrize("name", ["protokoll.md", "protokoll.html"])
def test_testby_minutes_older_layout(testby, name: str) -> None:
    files = render_all(testby["after"], html=True, settings=OLDER_SETTINGS)
    check_golden(f"testby/aldre/{name}", files[name])


def test_testby_document_structure(testby) -> None:
    """The document every rendering starts from: its wording pinned once for all of them."""
    check_golden("testby/dokument.txt", document_text(build_document(testby["after"])))
    draft = build_document(testby["before"])
    assert draft.draft and not build_document(testby["after"]).draft
    check_golden("testby/dokument-fore-justering.txt", document_text(draft))


def test_testby_minutes_before_justering(testby) -> None:
    check_golden("testby/fore-justering.md", testby["before_md"])


def test_extract_of_immediately_justified_paragraph_during_meeting(testby) -> None:
    text = render_extract(testby["before"], 19)
    assert "EJ JUSTERAT" not in text
    assert "Paragrafen är omedelbart justerad." in text
    check_golden("testby/utdrag-19-under-mötet.md", text)


def test_extract_of_paragraph_not_yet_justified(testby) -> None:
    text = render_extract(testby["before"], 18)
    assert text.startswith("**UTKAST – EJ JUSTERAT**\n")
    check_golden("testby/utdrag-18-ej-justerat.md", text)


def test_extract_after_justering(testby) -> None:
    check_golden("testby/utdrag-23.md", render_extract(testby["after"], 23))


def test_extract_of_immediately_justified_paragraph_after_justering(testby) -> None:
    """The § justified at the meeting keeps saying so after the rest of the minutes were
    justered (PRACTICE.md: the marker, also in the extract)."""
    text = render_extract(testby["after"], 19)
    assert "Paragrafen är omedelbart justerad." in text
    assert "Protokollet justerades" not in text


# --- the bundled example meeting -------------------------------------------------------------


def example_events(meeting) -> list[ev.Event]:
    """A quiet evening: everyone present but one, every item decided as proposed."""
    seats = [m.name for m in meeting.seats]
    subs = [m.name for m in meeting.substitutes]
    # The last seat holder whose party has an ersättare stays away; that ersättare serves.
    absent = next(
        m for m in reversed(meeting.seats) if any(s.party == m.party for s in meeting.substitutes)
    )
    sub = next(s for s in meeting.substitutes if s.party == absent.party)
    out: list[ev.Event] = [ev.MeetingOpened("19:00")]
    out += [ev.AttendanceSet(n, n != absent.name) for n in seats]
    out += [ev.AttendanceSet(sub.name, True), ev.SubstituteServes(sub.name, absent.name)]
    out += [ev.AttendanceSet(s, True) for s in subs[:3] if s != sub.name]
    # The adjuster the agenda proposes (val av justerare names him or her).
    proposal = " ".join(meeting.items[0].proposed_decision)
    adjuster = next(n for n in seats if n in proposal and n != meeting.chair.name)
    out += [
        ev.AdjustersChosen((adjuster,)),
        ev.JusteringPlanned("2007-10-30", "15:00", "Hässelby torg 15"),
    ]
    for item in meeting.items:
        out.append(ev.ItemCalled(item.id))
        out.append(
            ev.DecisionRecorded(item.id, item.proposed_decision or ("Informationen noteras.",))
        )
        if item.immediate_justification:
            out.append(ev.ImmediateJustificationSet(item.id, True))
            out.append(ev.ParagraphJustified(item.id))
    out += [ev.MeetingClosed("20:45"), ev.MinutesJustified("2007-10-30", posted="2007-10-31")]
    return out


@pytest.mark.skipif(not (EXAMPLE / "meeting.toml").exists(), reason="exempelsammanträdet saknas")
def test_example_meeting_minutes(tmp_path) -> None:
    folder = tmp_path / "2007-10-23"
    folder.mkdir()
    shutil.copy(EXAMPLE / "meeting.toml", folder / "meeting.toml")
    meeting = load_meeting_for_record(folder / "meeting.toml")
    record = Record.open(meeting, folder, clock=sc.StepClock(dt.datetime(2007, 10, 23, 19, 0)))
    for event in example_events(meeting):
        record.apply(event)
    minutes = Minutes(meeting, record.state)
    files = render_all(minutes, html=True)
    record.close()
    for name, content in files.items():
        check_golden(f"hasselby-vallingby-2007-10-23/{name}", content)
    check_golden(
        "hasselby-vallingby-2007-10-23/dokument.txt", document_text(build_document(minutes))
    )
    older = render_all(minutes, html=True, settings=OLDER_SETTINGS)
    for name in ("protokoll.md", "protokoll.html"):
        check_golden(f"hasselby-vallingby-2007-10-23/aldre/{name}", older[name])
