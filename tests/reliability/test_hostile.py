"""Hostile text: markup, escapes, Markdown and HTML in every field are data, never code.

Shown literally in the TUI, stored intact (meeting.toml and protokoll.toml round trips),
escaped in Markdown and HTML, never executed. Control characters are refused at the door
(namndtui.textcheck; docs/reliability.md), which is tested in test_corpus.py.
"""

from __future__ import annotations

import datetime as dt
import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from namndtui.meetingfile import clean_text, load_meeting, meeting_to_toml, parse_meeting_text
from namndtui.minutes.html import markdown_to_html
from namndtui.minutes.markdown import render_markdown
from namndtui.minutes.model import Minutes
from namndtui.minutes.toml import parse_protokoll_text, render_toml
from namndtui.model import Item, Meeting, Member
from namndtui.record import events as ev
from namndtui.record.fold import fold
from namndtui.record.procedure import RuleError, check
from namndtui.record.state import RecordState
from namndtui.textcheck import control_problem

from .conftest import HOSTILE

HOSTILE_BITS = [
    "[b]x[/b]", "[link=https://x]", "[@click=app.quit]", "[/", "<script>", "\u202e", "👩‍👩‍👧",
    "e\u0301", "# rubrik", "* lista", "| t |", "1. nr", "&amp;",
]  # fmt: skip

# Any text but control characters (refused at the door) and lone surrogates.
texts = st.text(
    st.characters(blacklist_categories=("Cs", "Cc"), whitelist_characters="\n"), max_size=40
)
hostile_texts = st.lists(
    st.one_of(texts, st.sampled_from([*HOSTILE_BITS, "<img src=x onerror=alert(1)>", "`", "\\"])),
    max_size=6,
).map("".join)


def meeting_with(title: str, name: str, text: str) -> Meeting:
    return Meeting(
        body="Nämnden " + title,
        date=dt.date(2024, 3, 5),
        first_paragraph=1,
        secretary=name or "S",
        members=(Member("Anna " + name, "S", "ordförande"), Member("Bo", "M", "ledamot")),
        items=(
            Item("a", title or "T", summary=clean_text(text), proposed_decision=(text or "B",)),
        ),
    )


def recorded(meeting: Meeting, text: str) -> RecordState:
    chair, other = meeting.members[0].name, meeting.members[1].name
    a = meeting.items[0].id
    text = text if text.strip() else "x"
    events = [
        ev.AttendanceSet(chair, True),
        ev.AttendanceSet(other, True),
        ev.MeetingOpened("18:00"),
        ev.ItemCalled(a, "18:01"),
        ev.MotionMade(a, "y1", chair, "eget", text),
        ev.NoteAdded(a, text, other),
        ev.DecisionRecorded(a, (text,)),
    ]
    state = fold(meeting, [])
    for e in events:
        check(meeting, state, e)  # hostile text is accepted (only controls are refused)
        state = fold(meeting, events[: events.index(e) + 1])
    return state


def test_hostile_meeting_file_loads_and_round_trips():
    meeting = load_meeting(HOSTILE / "meeting.toml")
    for bit in HOSTILE_BITS:
        assert (
            bit in meeting.body and bit in meeting.items[0].title and bit in meeting.members[0].name
        )
    again, problems = parse_meeting_text(meeting_to_toml(meeting), "x.toml")
    assert problems == [] and again == meeting


def assert_no_raw_html(html: str) -> None:
    body = html.split("<body", 1)[1]
    assert "<script" not in body and "<img" not in body and "<i>" not in body
    assert "onerror" not in re.sub(r"&[a-z]+;|&#\d+;", "", body) or "&lt;img" in body


def test_hostile_meeting_minutes_escape_everything():
    meeting = load_meeting(HOSTILE / "meeting.toml")
    minutes = Minutes(meeting, recorded(meeting, meeting.items[0].title))
    md = render_markdown(minutes)
    html = markdown_to_html(md, "t")
    assert_no_raw_html(html)
    assert "&lt;script&gt;" in html and "[@click=app.quit]" in html
    again = parse_protokoll_text(render_toml(minutes))
    assert render_toml(again) == render_toml(minutes)
    assert again.meeting.body == meeting.body


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    title=hostile_texts.filter(str.strip), name=hostile_texts.filter(str.strip), text=hostile_texts
)
def test_every_renderer_keeps_hostile_text_inert(title, name, text):
    meeting = meeting_with(title.strip(), name.strip(), text)
    # meeting.toml: stored intact
    assert parse_meeting_text(meeting_to_toml(meeting), "x.toml") == (meeting, [])
    minutes = Minutes(meeting, recorded(meeting, text))
    # protokoll.toml: stored intact (same bytes after a round trip)
    toml = render_toml(minutes)
    assert render_toml(parse_protokoll_text(toml)) == toml
    # Markdown -> HTML: no tag from the data survives as a tag
    html = markdown_to_html(render_markdown(minutes), "t")
    assert_no_raw_html(html)
    # extract
    from namndtui.minutes.extract import render_extract

    assert "<script" not in render_extract(minutes, 1).lower() or "\\<script" in render_extract(
        minutes, 1
    )


@given(st.text(max_size=30))
def test_control_characters_are_refused_in_acts(text):
    meeting = meeting_with("T", "N", "x")
    event = ev.NoteAdded("a", "ok " + text, "Bo")
    if control_problem(event.text):
        try:
            check(meeting, fold(meeting, []), event)
        except RuleError as err:
            assert "styrtecknet" in err.message.lower()
        else:  # pragma: no cover
            raise AssertionError("a control character was accepted")


def test_tui_shows_hostile_text_literally_and_never_runs_it(tmp_path):
    import asyncio

    asyncio.run(_tui_hostile(tmp_path))


async def _tui_hostile(tmp_path):
    import shutil

    from namndtui.commands.open_app import build_app

    folder = tmp_path / "m"
    folder.mkdir()
    shutil.copy(HOSTILE / "meeting.toml", folder / "meeting.toml")
    app = build_app(folder, clock=lambda: dt.datetime(2007, 10, 23, 19, 0))
    async with app.run_test(size=(160, 50)) as pilot:
        await pilot.pause()
        for y in range(0, 50, 6):  # click all over the screen: no [@click=app.quit] fires
            await pilot.click(offset=(20, y))
            await pilot.click(offset=(100, y))
        await pilot.pause()
        assert app.is_running
        shown = "\n".join(
            "".join(seg.text for seg in strip) for strip in app.screen._compositor.render_strips()
        )
        assert "[@click=app.quit]" in shown and "[b]x[/b]" in shown
        assert "\x1b" not in shown
    app.record.close()
