"""End to end in a real terminal (tmux): decide three items, quit, check the files; then
SIGKILL right after an act is shown as done, restart, and find the act still there."""

from __future__ import annotations

import json
import os
import shutil
import signal
import tomllib
from pathlib import Path

import pytest
from tests.tmux_driver import Tmux, wait_gone, wait_until

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "data" / "hasselby-vallingby-stadsdelsnamnd" / "2007-10-23" / "meeting.toml"
SEED = "ansokan-lansstyrelsen"
CONTESTED = "foreningsbidrag-hosten-2007"

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed"),
]


def journal(folder: Path) -> list[dict]:
    """The journal's events so far (a line still being written is not one yet)."""
    path = folder / "journal.jsonl"
    if not path.exists():
        return []
    events = []
    for line in path.read_text("utf-8").splitlines():
        try:
            data = json.loads(line)
        except ValueError:  # the last line, half written while we read
            continue
        if "event" in data:
            events.append(data["event"])
    return events


def count(folder: Path, kind: str, **fields: str) -> int:
    return sum(
        e["type"] == kind and all(e.get(k) == v for k, v in fields.items()) for e in journal(folder)
    )


def on_disk(tmux: Tmux, n: int, kind: str, **fields: str) -> None:
    """Wait until the journal holds `n` events of `kind` (with these fields)."""
    try:
        wait_until(f"{n} × {kind} {fields}", lambda: count(tmux.folder, kind, **fields) >= n)
    except AssertionError as err:
        raise AssertionError(f"{err} in the journal; the screen:\n{tmux.screen()}") from None


def test_live_meeting_in_tmux(tmp_path: Path) -> None:
    """Every step waits on what it causes, on disk (the journal) or on screen; no sleeps,
    so a loaded machine only makes the test slower."""
    folder = tmp_path / "2007-10-23"
    folder.mkdir()
    shutil.copy(EXAMPLE, folder / "meeting.toml")
    tmux = Tmux(f"namndtui-e2e-{os.getpid()}", folder)
    try:
        tmux.start()
        # roll call: every seat present
        tmux.send("n")
        tmux.wait_for("Närvaro")
        tmux.send("A")
        tmux.wait_for("Beslutför 11/11")
        # (escape waits for the agenda: an escape followed at once by a key reads as alt+key)
        tmux.send("Escape")
        tmux.wait_for("Föredragningslista")
        # 1) val av justerare: decided as proposed
        tmux.send("b")
        on_disk(tmux, 1, "decision_recorded", item="val-av-justerare")
        # 2) the seed item, with omedelbar justering as proposed
        tmux.send("j", "j", "j", "b")
        on_disk(tmux, 1, "decision_recorded", item=SEED)
        # 3) föreningsbidrag: two motions, a vote, a reservation
        tmux.send("j", "y")
        tmux.wait_for_field("Vem yrkar")
        tmux.send_text("Hallenberg")
        tmux.wait_for("Birgitta Hallenberg")
        tmux.send("Enter")  # to the kind of motion
        tmux.wait_for_chosen("bifall")
        tmux.send("Enter")  # to its text
        tmux.wait_for_field("Yrkandets text")
        tmux.send("Enter")
        on_disk(tmux, 1, "motion_made")
        tmux.send("y")
        tmux.wait_for_field("Vem yrkar")
        tmux.send_text("Almqvist")
        tmux.wait_for("Per Almqvist")
        tmux.send("Enter")
        tmux.wait_for_chosen("bifall")
        tmux.send("Down")
        tmux.wait_for_chosen("avslag")
        tmux.send("Enter")
        tmux.wait_for_field("Yrkandets text")
        tmux.send_text("Avslag, bidragen ska höjas")
        tmux.wait_for("bidragen ska höjas")
        tmux.send("Enter")
        on_disk(tmux, 2, "motion_made")
        tmux.send("v")
        tmux.wait_for("Proposition")  # the chair's finding first: the suggested y1
        tmux.send("Enter")
        tmux.wait_for("omgång 1")
        tmux.send(*("1" * 6), *("2" * 5))
        tmux.wait_for("Ja 6 · Nej 5")
        tmux.send("Enter")
        on_disk(tmux, 1, "vote_closed")
        tmux.send("b")
        on_disk(tmux, 1, "decision_recorded", item=CONTESTED)
        tmux.send("r")
        tmux.wait_for("Vem reserverar sig")
        tmux.wait_for_field("Vem reserverar sig")
        tmux.send("Enter")  # the first on the losing side
        tmux.wait_for_field("Skriftlig reservation")
        tmux.send("Enter")
        on_disk(tmux, 1, "reservation_made")
        # 4) issue 14: the decision edited (e), then a stray b asks and escape keeps it
        tmux.send("e")
        tmux.wait_for("ctrl+s")
        tmux.send("Enter")  # a point of its own
        tmux.send_text("Med tillägg.")
        tmux.wait_for("Med tillägg.")
        tmux.send("C-s")
        on_disk(tmux, 2, "decision_recorded", item=CONTESTED)
        tmux.send("b")
        tmux.wait_for("har redan ett beslut")
        tmux.send("Escape")
        wait_until("the question is gone", lambda: "har redan ett beslut" not in tmux.screen())
        assert count(folder, "decision_recorded", item=CONTESTED) == 2
        # 5) one ballot corrected after the count (c): röst rättad, nothing undone
        tmux.send("c")
        tmux.wait_for("Röst i votering 1 (ja 6, nej 5, avstår 0)")
        tmux.send("Enter")
        tmux.wait_for("Rätta röst")
        tmux.send("j")  # moves only: the second row
        tmux.send("2")
        tmux.wait_for("Tryck samma tangent igen")
        tmux.send("2")
        on_disk(tmux, 1, "vote_corrected")
        tmux.wait_for("Ja 5 · Nej 6")
        tmux.send("Escape")
        wait_until("the ballots are closed", lambda: "Rätta röst" not in tmux.screen())
        tmux.send("q")
        wait_until("the app has quit", lambda: not tmux.alive())

        events = journal(folder)
        kinds = [e["type"] for e in events]
        decided = [e["item"] for e in events if e["type"] == "decision_recorded"]
        assert decided[:1] == ["val-av-justerare"] and SEED in decided and CONTESTED in decided
        assert kinds.count("motion_made") == 2
        assert kinds.count("vote_cast") == 11 and "vote_closed" in kinds
        assert "reservation_made" in kinds
        corrected = [e for e in events if e["type"] == "vote_corrected"]
        assert [(c["member"], c["vote"]) for c in corrected] == [("Lars-Erik Wahlström", "nej")]
        assert kinds.count("undone") == 0  # corrected without undoing anything
        protokoll = folder / "protokoll.toml"
        if protokoll.exists():  # the minutes writer has landed: check the minutes too
            data = tomllib.loads(protokoll.read_text("utf-8"))
            paragraphs = {p["item"]: p for p in data["paragraphs"]}
            assert paragraphs[SEED]["immediate_justification"] is True
            assert len(paragraphs[CONTESTED]["motions"]) == 2
            assert (folder / "protokoll.md").exists()

        # SIGKILL right after an act is shown as done; restart; the act is there
        tmux.start()
        tmux.wait_for("§ 122 ✓")
        tmux.send("j", "b")
        tmux.wait_for("§ 123 ✓")  # shown as done: on disk before the screen says so
        pid = tmux.pid()
        os.kill(pid, signal.SIGKILL)
        tmux.kill()
        wait_gone(pid)
        assert any(
            e["type"] == "decision_recorded" and e["item"] == "forskolepaviljonger-hasselby-strand"
            for e in journal(folder)
        )
        tmux.start()
        screen = tmux.wait_for("§ 123 ✓")
        assert "SKRIVSKYDDAT" not in screen  # the stale lock of the killed process is taken over
        tmux.send("q")
    finally:
        tmux.kill()
