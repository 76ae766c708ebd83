"""Hostile text: markup, escapes, Markdown and HTML in every field are data, never code.

Shown literally in the TUI, stored intact (meeting.toml and protokoll.toml round trips),
escaped in Markdown and HTML, never executed. Control characters (ESC, NUL, OSC-8, C1 …)
are accepted and stored intact too, and shown visibly (namndtui.textcheck.visible: ESC ->
"␛"); no raw control character reaches the Markdown, the HTML or the CLI's output.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from namndtui.meetingcheck import clean_text
from namndtui.meetingfile import load_meeting, parse_meeting_text
from namndtui.meetingwrite import meeting_to_toml
from namndtui.minutes.html import render_html
from namndtui.minutes.markdown import render_markdown
from namndtui.minutes.model import Minutes
from namndtui.minutes.protokoll_read import parse_protokoll_text
from namndtui.minutes.protokoll_write import render_toml
from namndtui.model import Item, Meeting, Member
from namndtui.record import events as ev
from namndtui.record.fold import fold
from namndtui.record.procedure import RuleError, check
from namndtui.record.state import RecordState
from namndtui.textcheck import storable_problem, visible

from .conftest import HOSTILE

HOSTILE_BITS = [
    "[b]x[/b]", "[link=https://x]", "[@click=app.quit]", "[/", "<script>", "\u202e", "👩‍👩‍👧",
    "e\u0301", "# rubrik", "* lista", "| t |", "1. nr", "&amp;",
]  # fmt: skip

CONTROL_BITS = ["\x1b[31m", "\x00", "\x1b]8;;http://x\x07", "\x9b", "\x7f", "\r", "\x0c"]
# C0 and C1 controls but newline (and tab, which is kept as it is).
RAW_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")

# Any text but lone surrogates (which no file can hold), control characters included.
texts = st.text(st.characters(blacklist_categories=("Cs",)), max_size=40)
hostile_texts = st.lists(
    st.one_of(
        texts,
        st.sampled_from([*HOSTILE_BITS, *CONTROL_BITS, "<img src=x onerror=alert(1)>", "`", "\\"]),
    ),
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
        # the own proposal stands against the item's: the chair puts them and finds for it
        ev.QuestionDecided(a, "main", "y1"),
        ev.DecisionRecorded(a, (text,)),
    ]
    state = fold(meeting, [])
    for e in events:
        check(meeting, state, e)  # hostile text is accepted, control characters too
        state = fold(meeting, events[: events.index(e) + 1])
    return state


def test_hostile_meeting_file_loads_and_round_trips():
    meeting = load_meeting(HOSTILE / "meeting.toml")
    for raw in HOSTILE_BITS + ["\x1b[31m", "\x00", "\x1b]8;;http://x\x07", "\x9b", "\x7f"]:
        bit = unicodedata.normalize("NFC", raw)  # the file is read as NFC (e + ◌́ → é)
        assert (
            bit in meeting.body and bit in meeting.items[0].title and bit in meeting.members[0].name
        )
        assert bit in meeting.items[1].extra_sections[0].title
    assert "\x1b[2J" in meeting.items[1].proposed_decision[0]
    assert "\x00" in meeting.items[1].extra_sections[0].text
    toml = meeting_to_toml(meeting)
    assert "\\u001b" in toml and "\x1b" not in toml and "\x00" not in toml  # escaped in the file
    again, problems = parse_meeting_text(toml, "x.toml")
    assert problems == [] and again == meeting


def assert_no_raw_html(html: str) -> None:
    body = html.split("<body", 1)[1]
    assert "<script" not in body and "<img" not in body and "<i>" not in body
    assert "onerror" not in re.sub(r"&[a-z]+;|&#\d+;", "", body) or "&lt;img" in body


def assert_no_raw_control(text: str) -> None:
    assert RAW_CONTROL.search(text) is None, repr(RAW_CONTROL.search(text).group())


def test_hostile_meeting_minutes_escape_everything():
    meeting = load_meeting(HOSTILE / "meeting.toml")
    minutes = Minutes(meeting, recorded(meeting, meeting.items[0].title))
    md = render_markdown(minutes)
    html = render_html(minutes)
    assert_no_raw_html(html)
    assert "&lt;script&gt;" in html and "[@click=app.quit]" in html
    for out in (md, html):
        assert_no_raw_control(out)
        assert "␛\\[31mröd" in out or "␛[31mröd" in out  # shown, not executed or dropped
        assert "␀nul" in out and "⟨U+009B⟩2J" in out and "␡" in out
    toml = render_toml(minutes)
    assert "\\u001B" in toml and "\\u009B" in toml and not RAW_CONTROL.search(toml)
    again = parse_protokoll_text(toml)
    assert render_toml(again) == toml
    assert again.meeting.body == meeting.body  # stored intact: the ESC is still there
    assert "\x1b[31m" in again.meeting.body


def test_minutes_of_the_hostile_meeting_through_the_cli(tmp_path):
    """export writes no raw control character; extract and validate print none."""
    import contextlib
    import io
    import shutil

    from namndtui.cli import main

    folder = tmp_path / "m"
    folder.mkdir()
    shutil.copy(HOSTILE / "meeting.toml", folder / "meeting.toml")
    meeting = load_meeting(folder / "meeting.toml")
    from namndtui.minutes.write import write_files

    minutes = Minutes(meeting, recorded(meeting, meeting.items[0].title))
    write_files(minutes, folder, html=True)
    for name in ("protokoll.toml", "protokoll.md", "protokoll.html"):
        assert_no_raw_control((folder / name).read_text(encoding="utf-8"))
    for argv in (["extract", str(folder / "protokoll.toml"), "§120"], ["validate", str(folder)]):
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main(argv)
        assert code == 0, err.getvalue()
        assert_no_raw_control(out.getvalue() + err.getvalue())


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    title=hostile_texts.filter(str.strip), name=hostile_texts.filter(str.strip), text=hostile_texts
)
def test_every_renderer_keeps_hostile_text_inert(title, name, text):
    meeting = meeting_with(title.strip(), name.strip(), text)
    # meeting.toml: stored intact (but a CR in multi-line text: tomli_w writes it raw and
    # TOML reads a raw CR LF as LF)
    if "\r" not in title + name + text:
        assert parse_meeting_text(meeting_to_toml(meeting), "x.toml") == (meeting, [])
    minutes = Minutes(meeting, recorded(meeting, text))
    # protokoll.toml: stored intact (same bytes after a round trip)
    toml = render_toml(minutes)
    assert render_toml(parse_protokoll_text(toml)) == toml
    # Markdown -> HTML: no tag from the data survives as a tag, no control character raw
    md = render_markdown(minutes)
    html = render_html(minutes)
    assert_no_raw_html(html)
    assert_no_raw_control(md)
    assert_no_raw_control(html)
    # extract
    from namndtui.minutes.extract import render_extract

    extract = render_extract(minutes, 1)
    assert "<script" not in extract.lower() or "\\<script" in extract
    assert_no_raw_control(extract)


@given(st.text(max_size=30))
def test_acts_accept_control_characters_and_refuse_only_lone_surrogates(text):
    meeting = meeting_with("T", "N", "x")
    event = ev.NoteAdded("a", "ok " + text, "Bo")
    if storable_problem(event.text):
        try:
            check(meeting, fold(meeting, []), event)
        except RuleError as err:
            assert "surrogat" in err.message.lower()
        else:  # pragma: no cover
            raise AssertionError("a lone surrogate was accepted")
    else:
        check(meeting, fold(meeting, []), event)


def test_a_journal_keeps_control_characters_intact(tmp_path):
    from namndtui.record.journal import encode_line, header_line, replay

    event = ev.NoteAdded("a", "En \x1b[2J anteckning \x00 \x9b", "Bo")
    path = tmp_path / "journal.jsonl"
    path.write_bytes(header_line("Testby") + encode_line(1, "2007-10-23T19:00:00", event))
    raw = path.read_bytes()
    assert b"\x1b" not in raw and b"\\u001b" in raw  # escaped in the JSON line
    assert replay(path).entries[0][2] == event


@given(st.text())
def test_visible_shows_every_control_and_keeps_the_rest(text):
    shown = visible(text)
    assert RAW_CONTROL.search(shown) is None
    assert visible(shown) == shown  # idempotent
    shown.encode("utf-8")  # never unencodable (lone surrogates are shown too)
    plain = RAW_CONTROL.sub("", text)
    hidden = "\u200b\u202a-\u202e\u2060\u2066-\u2069\ufeff"  # bidi overrides, zero-width
    if plain == text and not re.search(f"[\u2028\u2029{hidden}\ud800-\udfff]", text):
        assert shown == text  # RTL marks, combining characters, emoji … unchanged


def test_visible_examples():
    assert visible("a\x1b[31mb") == "a␛[31mb"
    assert visible("\x00\x07\x7f\x9b") == "␀␇␡⟨U+009B⟩"
    assert visible("rad 1\nrad\t2") == "rad 1\nrad\t2"
    assert visible("\u200fRTL e\u0301 👩\u200d👩\u200d👧") == "\u200fRTL e\u0301 👩\u200d👩\u200d👧"
    # a bidi override would print the text reordered ("Trojan Source"): shown instead
    assert visible("\u202eBerg\u202c \u2066x\u2069") == "⟨U+202E⟩Berg⟨U+202C⟩ ⟨U+2066⟩x⟨U+2069⟩"


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
    app.record.close()
    return shown


# Every piece of user text in the TUI goes through namndtui.tui.text (textcheck.visible).
def test_tui_shows_control_characters_as_pictures(tmp_path):
    import asyncio

    shown = asyncio.run(_tui_hostile(tmp_path))
    assert_no_raw_control(shown.replace("\n", " "))
    assert "␛[31mröd" in shown
