"""End to end in a real terminal (tmux): decide three items, quit, check the files; then
SIGKILL right after an act is shown as done, restart, and find the act still there."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "data" / "hasselby-vallingby-stadsdelsnamnd" / "2007-10-23" / "meeting.toml"
SEED = "ansokan-lansstyrelsen"
CONTESTED = "foreningsbidrag-hosten-2007"

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed"),
]


class Tmux:
    def __init__(self, name: str, folder: Path) -> None:
        self.name = name
        self.folder = folder
        # A private tmux server: its sessions get this test's environment (a shared server
        # would hand them its own) and no other tmux user can interfere.
        self.tmux = ["tmux", "-L", f"namndtui-e2e-{os.getpid()}"]

    def start(self) -> None:
        # The interpreter running the tests runs the app: the package under test, whatever
        # `namndtui` on PATH points at.
        cmd = f"exec {sys.executable} -m namndtui {self.folder}"
        subprocess.run(
            [*self.tmux, "new-session", "-d", "-s", self.name, "-x", "120", "-y", "36", cmd],
            check=True,
            env={**os.environ, "TERM": "xterm-256color"},
        )
        self.wait_for("Föredragningslista")

    def screen(self) -> str:
        out = subprocess.run(
            [*self.tmux, "capture-pane", "-p", "-t", self.name], capture_output=True, text=True
        )
        return out.stdout

    def wait_for(self, text: str, timeout: float = 15) -> str:
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            screen = self.screen()
            if text in screen:
                return screen
            time.sleep(0.05)
        raise AssertionError(f"{text!r} did not appear:\n{self.screen()}")

    def keys(self, *keys: str, pause: float = 0.12) -> None:
        for key in keys:
            subprocess.run([*self.tmux, "send-keys", "-t", self.name, key], check=True)
            time.sleep(pause)

    def type(self, text: str) -> None:
        subprocess.run([*self.tmux, "send-keys", "-t", self.name, "-l", text], check=True)
        time.sleep(0.2)

    def pid(self) -> int:
        out = subprocess.run(
            [*self.tmux, "display-message", "-p", "-t", self.name, "#{pane_pid}"],
            capture_output=True,
            text=True,
            check=True,
        )
        return int(out.stdout.strip())

    def alive(self) -> bool:
        return (
            subprocess.run(
                [*self.tmux, "has-session", "-t", self.name], capture_output=True
            ).returncode
            == 0
        )

    def kill(self) -> None:
        subprocess.run([*self.tmux, "kill-session", "-t", self.name], capture_output=True)


def wait_gone(pid: int, timeout: float = 10) -> None:
    """Until tmux has reaped the killed process (a zombie still counts as alive)."""
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return
        time.sleep(0.05)


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
        tmux.wait_for("omgång 1")
        tmux.keys(*("j" * 6), *("n" * 5), pause=0.08)
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
