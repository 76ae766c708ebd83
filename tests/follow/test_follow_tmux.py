"""Two terminals (a private tmux server each): the secretary records a vote in
`namndtui MEETING`, the room follows it in `namndtui follow MEETING`. The follower shows
the voteringsproposition while the vote runs and then the result; it writes nothing (its
own data, config and cache folders stay empty, the meeting folder holds only what the
writer wrote) and never holds the writer's lock. Every step waits on screen text or on
the journal, with a timeout; nothing sleeps a fixed time."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from tests.e2e.test_tmux import EXAMPLE, cast, on_disk
from tests.tmux_driver import Tmux

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed"),
]

CONTESTED = "Fördelning av föreningsbidrag"
FOLLOW_TIMEOUT = 10  # seconds; the 1 s budget is measured by benchmarks/bench_follow.py


class Follower(Tmux):
    """`namndtui follow FOLDER` in its own private tmux server, with its own empty
    XDG folders (so anything it wrote anywhere would show)."""

    def __init__(self, name: str, folder: Path, home: Path) -> None:
        super().__init__(name, folder)
        self.home = home

    def env(self) -> dict[str, str]:
        env = super().env()
        for key in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"):
            env[key] = str(self.home / key.lower())
        return env

    def start(self) -> str:
        for key in ("xdg_data_home", "xdg_config_home", "xdg_cache_home"):
            (self.home / key).mkdir(parents=True, exist_ok=True)
        cmd = f"exec {sys.executable} -m namndtui follow {self.folder}"
        subprocess.run(
            [*self.tmux, "new-session", "-d", "-s", self.name, "-x", "100", "-y", "30", cmd],
            check=True,
            env=self.env(),
        )
        return self.wait_for("Sal/Ordförande")


def open_files(pid: int) -> list[str]:
    fds = Path(f"/proc/{pid}/fd")
    out = []
    for fd in fds.iterdir():
        try:
            out.append(os.readlink(fd))
        except OSError:
            continue
    return out


def test_the_room_follows_a_vote(tmp_path: Path) -> None:
    folder = tmp_path / "2007-10-23"
    folder.mkdir()
    shutil.copy(EXAMPLE, folder / "meeting.toml")
    writer = Tmux(f"namndtui-fw-{os.getpid()}", folder)
    room = Follower(f"namndtui-ff-{os.getpid()}", folder, tmp_path / "room")
    try:
        room.start()
        room.wait_for("finns inte än")  # nothing recorded yet
        writer.start()
        writer.send("n")
        writer.wait_for("Närvaro")
        writer.send("A")
        writer.wait_for("Beslutför 11/11")
        writer.send("Escape")
        writer.wait_for("Föredragningslista")
        for title in ("Godkännande av dagordningen", "Månadsrapport september", "Ansökan till"):
            writer.send("j")
            writer.wait_for_chosen(title)
        writer.send("j")
        writer.wait_for_chosen(CONTESTED)
        for who, kind, text in (("Hallenberg", "bifall", ""), ("Almqvist", "avslag", "Höj")):
            writer.send("y")
            writer.wait_for_field("Vem yrkar")
            writer.send_text(who)
            writer.wait_for(who)
            writer.send("Enter")
            writer.wait_for_chosen("bifall")
            if kind == "avslag":
                writer.send("Down")
                writer.wait_for_chosen("avslag")
            writer.send("Enter")
            writer.wait_for_field("Yrkandets text")
            if text:
                writer.send_text(text)
                writer.wait_for(text)
            writer.send("Enter")
        on_disk(writer, 2, "motion_made")
        room.wait_for("Per Almqvist (V) yrkar avslag", FOLLOW_TIMEOUT)

        writer.send("v")
        writer.wait_for("Proposition")
        writer.send("Enter")
        writer.wait_for_field("Votering begärs av")
        writer.send("Enter")
        writer.wait_for("omgång 1")
        on_disk(writer, 1, "vote_demanded")
        screen = room.wait_for("Votering pågår", FOLLOW_TIMEOUT)
        assert "Ja-röst för bifall till förvaltningens förslag" in screen.replace("\n", " ")
        room.wait_for("nej-röst för bifall till", FOLLOW_TIMEOUT)
        follower_pid = room.pid()
        held = open_files(follower_pid)
        assert not any(p.endswith(".namndtui.lock") for p in held), held

        cast(writer, "1" * 6 + "2" * 5)
        writer.send("Enter")
        on_disk(writer, 1, "vote_closed")
        room.wait_for("Med 6 ja-röster mot 5 nej-röster", FOLLOW_TIMEOUT)

        lock = (folder / ".namndtui.lock").read_text("utf-8")
        assert f'"pid": {writer.pid()}' in lock and str(follower_pid) not in lock
        for key in ("xdg_data_home", "xdg_config_home", "xdg_cache_home"):
            assert list((room.home / key).iterdir()) == [], key
    finally:
        room.kill_server()
        writer.kill_server()
    assert (folder / "meeting.toml").read_bytes() == EXAMPLE.read_bytes()
