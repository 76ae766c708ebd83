"""End to end in a real terminal (tmux): decide three items, quit, check the files; then
SIGKILL right after an act is shown as done, restart, and find the act still there."""

from __future__ import annotations

import json
import os
import shutil
import signal
import time
import tomllib
from pathlib import Path

import pytest
from tests.tmux_driver import Tmux, wait_gone

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "data" / "hasselby-vallingby-stadsdelsnamnd" / "2007-10-23" / "meeting.toml"
SEED = "ansokan-lansstyrelsen"
CONTESTED = "foreningsbidrag-hosten-2007"

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed"),
]


def journal(folder: Path) -> list[dict]:
    lines = (folder / "journal.jsonl").read_text("utf-8").splitlines()
    return [json.loads(x)["event"] for x in lines if x.strip() and '"event"' in x]


def test_live_meeting_in_tmux(tmp_path: Path) -> None:
    folder = tmp_path / "2007-10-23"
    folder.mkdir()
    shutil.copy(EXAMPLE, folder / "meeting.toml")
    tmux = Tmux(f"namndtui-e2e-{os.getpid()}", folder)
    try:
        tmux.start()
        # roll call: every seat present
        tmux.keys("n")
        tmux.wait_for("Närvaro")
        tmux.keys("A", "Escape")
        tmux.wait_for("Beslutför 11/11")
        # 1) val av justerare: decided as proposed
        tmux.keys("b")
        tmux.wait_for("§ 120")
        # 2) the seed item, with omedelbar justering as proposed
        tmux.keys("j", "j", "j", "b")
        tmux.wait_for("§ 121")
        # 3) föreningsbidrag: two motions, a vote, a reservation
        tmux.keys("j")
        tmux.keys("y")
        tmux.wait_for("Vem yrkar")
        tmux.type("Hallenberg")
        tmux.keys("Enter", "Enter", "Enter")
        tmux.wait_for("yrkande av Birgitta")
        tmux.keys("y")
        tmux.wait_for("Vem yrkar")
        tmux.type("Almqvist")
        tmux.keys("Enter", "Down", "Enter")
        tmux.type("Avslag, bidragen ska höjas")
        tmux.keys("Enter")
        tmux.wait_for("yrkande av Per")
        tmux.keys("v")
        tmux.wait_for("Proposition")  # the chair's finding first: the suggested y1
        tmux.keys("Enter")
        tmux.wait_for("omgång 1")
        tmux.keys(*("1" * 6), *("2" * 5), pause=0.08)
        tmux.wait_for("Ja 6 · Nej 5")
        tmux.keys("Enter")
        time.sleep(0.3)
        tmux.keys("b")
        tmux.wait_for("§ 122")
        tmux.keys("r")
        tmux.wait_for("Vem reserverar sig")
        tmux.keys("Enter", "Enter")
        tmux.wait_for("reservation av")  # the notice once it is on disk
        tmux.keys("q")
        end = time.monotonic() + 15
        while tmux.alive() and time.monotonic() < end:
            time.sleep(0.1)
        assert not tmux.alive(), tmux.screen()

        events = journal(folder)
        kinds = [e["type"] for e in events]
        decided = [e["item"] for e in events if e["type"] == "decision_recorded"]
        assert decided[:1] == ["val-av-justerare"] and SEED in decided and CONTESTED in decided
        assert kinds.count("motion_made") == 2
        assert kinds.count("vote_cast") == 11 and "vote_closed" in kinds
        assert "reservation_made" in kinds
        protokoll = folder / "protokoll.toml"
        if protokoll.exists():  # the minutes writer has landed: check the minutes too
            data = tomllib.loads(protokoll.read_text("utf-8"))
            paragraphs = {p["item"]: p for p in data["paragraphs"]}
            assert paragraphs[SEED]["immediate_justification"] is True
            assert len(paragraphs[CONTESTED]["motions"]) == 2
            assert (folder / "protokoll.md").exists()

        # SIGKILL right after an act is shown as done; restart; the act is there
        tmux.start()
        tmux.wait_for("§ 122")
        tmux.keys("j")
        tmux.keys("b")
        tmux.wait_for("§ 123")
        pid = tmux.pid()
        os.kill(pid, signal.SIGKILL)
        tmux.kill()
        wait_gone(pid)
        assert any(
            e["type"] == "decision_recorded" and e["item"] == "forskolepaviljonger-hasselby-strand"
            for e in journal(folder)
        )
        tmux.start()
        screen = tmux.wait_for("§ 123")
        assert "SKRIVSKYDDAT" not in screen  # the stale lock of the killed process is taken over
        tmux.keys("q")
    finally:
        tmux.kill()
