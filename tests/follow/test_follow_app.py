"""Pilot tests of `namndtui follow`: both layouts against a journal the test appends to
while the view runs. The test drives the poll itself (`poll_journal`), so nothing waits
on a timer and nothing sleeps."""

from __future__ import annotations

import asyncio
import dataclasses
import functools
from pathlib import Path

from tests.record.conftest import Clock
from tests.tui.helpers import screen_text
from textual.widgets import Digits

from namndtui.commands.follow import load_for_following
from namndtui.meetingwrite import meeting_to_toml
from namndtui.record import events as ev
from namndtui.record.record import Record
from namndtui.tui.follow_app import FollowApp, top_line

from .conftest import opening, record_all, vote_demanded, votes_and_decision


def sync(test):
    """Run an async test body with asyncio.run (the suite has no asyncio plugin)."""

    @functools.wraps(test)
    def run(*args, **kwargs):
        return asyncio.run(test(*args, **kwargs))

    return run


def follow_app(folder: Path, **kwargs) -> FollowApp:
    meeting, folder = load_for_following(folder)
    return FollowApp(meeting, folder, poll_interval=None, **kwargs)


def tally(app: FollowApp) -> tuple[str, ...]:
    """The large digits of the tally (ja, nej, avstår)."""
    return tuple(app.query_one(f"#tally-{k}", Digits).value for k in ("ja", "nej", "avstar"))


async def poll(app: FollowApp, pilot) -> str:
    assert app.poll_journal()  # the journal changed since the last look
    await pilot.pause()
    return screen_text(app)


@sync
async def test_sal_follows_a_vote_to_the_decision(folder, writer) -> None:
    app = follow_app(folder)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        text = screen_text(app)
        assert "Sammanträdet har inte öppnats" in text, text
        assert "Journalen" in text and "finns inte" in text, text  # nothing recorded yet

        record_all(writer, opening() + vote_demanded())
        text = await poll(app, pilot)
        assert "Budget 2027 för socialnämnden" in text
        assert "Votering pågår" in text
        assert "Ja-röst för bifall till förvaltningens förslag, nej-röst för bifall" in text
        assert "Bo Ås (M) yrkar avslag på förvaltningens förslag." in text
        assert tally(app) == ("0", "0", "0") and "AVSTÅR" in text
        assert "finns inte" not in text

        record_all(writer, votes_and_decision()[:3])
        await poll(app, pilot)
        assert tally(app) == ("1", "2", "0")

        drawn = app.repaints  # a note does not show on Sal: read, folded, nothing redrawn
        record_all(writer, [ev.NoteAdded("budget", "Anteckning som salen inte visar.")])
        await poll(app, pilot)
        assert app.repaints == drawn

        record_all(writer, votes_and_decision()[3:])
        text = await poll(app, pilot)
        assert "Med 3 ja-röster mot 2 nej-röster beslutar nämnden enligt" in text
        assert "Socialnämnden antar budgeten för 2027." in text
        assert "BESLUTAT" in text
        assert not app.poll_journal()  # nothing new: nothing read, nothing drawn


@sync
async def test_sal_shows_nothing_of_a_secret_item(folder, writer) -> None:
    app = follow_app(folder)
    async with app.run_test(size=(100, 30)) as pilot:
        record_all(writer, opening())
        record_all(
            writer,
            [
                ev.ItemCalled("individ", "19:00"),
                ev.MotionMade("individ", "y1", "Bo Ås", "avslag", text="Ingen grund finns."),
            ],
        )
        text = await poll(app, pilot)
        assert "Individärende" in text
        assert "Ärendet omfattas av sekretess." in text
        assert "Anna Andersson" not in text and "bistånd" not in text.lower()
        assert "Ingen grund" not in text and "Bo Ås" not in text

        await pilot.press("l")  # the chair knows the item
        await pilot.pause()
        text = screen_text(app)
        assert "Ansökan om bistånd för Anna Andersson" in text
        assert "Bo Ås (M) yrkar avslag" in text


@sync
async def test_ordforande_agenda_questions_quorum_serving(folder, writer) -> None:
    app = follow_app(folder, layout="ordforande")
    async with app.run_test(size=(120, 36)) as pilot:
        record_all(writer, opening() + vote_demanded()[:3])
        text = await poll(app, pilot)
        assert "Föredragningslista" in text
        assert "§ 140 ▸ Budget 2027" in text
        assert "Frågor kvar att ställa" in text
        assert "Huvudfrågan: förvaltningens förslag mot Bo Ås (M) avslagsyrkande" in text
        assert "Beslutför 5/5" in text
        assert "Eva Holm (L)" in text

        record_all(writer, [ev.MemberLeft("Eva Holm", "budget", "18:40")])
        record_all(writer, [ev.MemberLeft("Dan Berg", "budget", "18:41")])
        record_all(writer, [ev.MemberLeft("Cia Lund", "budget", "18:42")])
        text = await poll(app, pilot)
        assert "EJ BESLUTFÖR 2/5" in text

        await pilot.press("l")
        await pilot.pause()
        assert "Budget 2027 för socialnämnden" in screen_text(app)
        assert app.layout == "sal"


@sync
async def test_ordforande_running_tally(folder, writer) -> None:
    """The chair sees ja, nej, avstår so far and the ballots not yet cast, then the result."""
    app = follow_app(folder, layout="ordforande")
    async with app.run_test(size=(120, 36)) as pilot:
        record_all(writer, opening() + vote_demanded())
        text = await poll(app, pilot)
        assert "Votering pågår" in text
        assert "Ja 0 · Nej 0 · Avstår 0 · Ej röstat 5" in text
        record_all(writer, votes_and_decision()[:3])
        text = await poll(app, pilot)
        assert "Ja 1 · Nej 2 · Avstår 0 · Ej röstat 2" in text
        record_all(writer, votes_and_decision()[3:])
        text = await poll(app, pilot)
        assert "Omröstningens resultat" in text and "Ja 3 · Nej 2 · Avstår 0" in text
        assert "Med 3 ja-röster mot 2 nej-röster beslutar nämnden enligt" in text


@sync
async def test_close_shows_the_time(folder, writer) -> None:
    app = follow_app(folder)
    async with app.run_test(size=(80, 24)) as pilot:
        record_all(writer, opening() + [ev.MeetingAdjourned("19:40")])
        await poll(app, pilot)
        assert app.query_one("#sal-banner").display
        assert "Ajournering sedan kl. 19.40" in screen_text(app)
        record_all(writer, [ev.MeetingResumed("19:55")])
        await poll(app, pilot)
        assert not app.query_one("#sal-banner").display
        record_all(writer, [ev.MeetingClosed("21:15")])
        await poll(app, pilot)
        assert app.query_one("#sal-banner").display
        assert "Sammanträdet avslutat kl. 21.15" in str(app.query_one("#sal-banner").render())


@sync
async def test_room_only_keeps_sal(folder, writer) -> None:
    app = follow_app(folder, room_only=True, layout="ordforande")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("l")
        await pilot.pause()
        assert app.layout == "sal"


@sync
async def test_damaged_journal_says_so_and_keeps_the_state(folder, writer) -> None:
    app = follow_app(folder)
    async with app.run_test(size=(100, 30)) as pilot:
        record_all(writer, opening() + vote_demanded())
        await poll(app, pilot)
        with open(folder / "journal.jsonl", "ab") as fh:  # a line nobody could have written
            fh.write(b'{"seq":99,"time":"x","event":{},"sum":"0"}\n')
        text = await poll(app, pilot)
        assert "Journalen är skadad" in text
        assert "Votering pågår" in text  # the last good state stays


def test_the_top_line_gives_way_in_the_boards_name() -> None:
    body, rest = "Hässelby-Vällingby stadsdelsnämnd", "Sammanträdet pågår sedan kl. 18.30"
    assert top_line(body, rest, 80).plain == f"{body} · {rest}"
    assert top_line(body, rest, 50).plain == f"Hässelby-Väl… · {rest}"  # 50 cells
    assert top_line(body, rest, 30).plain == f"{body} · {rest}"  # cut at the end instead


@sync
async def test_the_chairs_top_line_reads_whole_at_80_columns_and_after_a_resize(
    tmp_path, meeting
) -> None:
    """It ended "· Besl…" with a long board name: the quorum is what the chair needs."""
    folder = tmp_path / "lang"
    folder.mkdir()
    long = dataclasses.replace(meeting, body="Hässelby-Vällingby stadsdelsnämnd")
    (folder / "meeting.toml").write_text(meeting_to_toml(long), encoding="utf-8")
    record = Record.open(long, folder, clock=Clock())
    record_all(record, opening())
    record.close()
    app = follow_app(folder, layout="ordforande")
    end = "Sammanträdet pågår sedan kl. 18.30 · Beslutför 5/5"
    async with app.run_test(size=(80, 24)) as pilot:
        for size, start in (((80, 24), "Hässelby-Vällingby"), ((120, 36), long.body + " ·")):
            await pilot.resize_terminal(*size)
            await pilot.pause()
            top = screen_text(app).splitlines()[0].strip()
            assert top.startswith(start) and top.endswith(end), top
