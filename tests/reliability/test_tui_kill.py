"""Fault injection through the TUI in a real terminal (tmux): SIGKILL the app at random
points of a live meeting, restart it, and check that nothing shown was lost.

One meeting (a copy of the example): attendance (`n`, `A`, `escape`), then rounds of
random acts (`j`/`k` move, `b` decide as proposed, `o` omedelbar justering). Each round
is killed with SIGKILL either right after a key or once the screen shows "Sparat", after
a random number of keys. After each kill: the journal replays (a torn last line is
allowed), every § number the screen showed before the kill is in the replayed record,
and the restarted app is not read-only (the dead process's lock is taken over). Counts
in docs/reliability.md; `benchmarks/fault_injection.py --tui N` runs it longer.
"""

from __future__ import annotations

import os
import random
import re
import shutil
import signal
import time
from pathlib import Path

import pytest
from tests.tmux_driver import Tmux, wait_gone

from namndtui.meetingfile import load_meeting
from namndtui.record.fold import fold
from namndtui.record.journal import replay
from namndtui.record.state import DECIDED

from .conftest import EXAMPLE

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")

KEYS = ["j", "j", "b", "b", "o", "k"]


def decided_on_screen(screen: str) -> set[int]:
    """§ numbers the agenda marks as decided ("§ 120 ✓")."""
    return {int(n) for n in re.findall(r"§ (\d+) ✓", screen)}


def check_after_kill(folder: Path, meeting, shown: set[int]) -> dict:
    """Replay the journal as the restart will; raise AssertionError on a loss."""
    result = replay(folder / "journal.jsonl", strict=False)
    assert result.error is None, result.error
    assert all("ofullständig" in w or "gäller" in w for w in result.warnings), result.warnings
    state = fold(meeting, [e for _, _, e in result.entries])
    recorded = {
        p.number for p in state.paragraphs.values() if p.number is not None and p.status == DECIDED
    }
    lost = shown - recorded
    assert not lost, f"shown before the kill but not in the journal: §§ {sorted(lost)}"
    return {"acts": len(result.entries), "torn": len(result.warnings), "paragraphs": recorded}


def run_kills(tmp_path: Path, kills: int, seed: int) -> dict:
    rng = random.Random(seed)
    folder = tmp_path / "2007-10-23"
    folder.mkdir()
    shutil.copy(EXAMPLE, folder / "meeting.toml")
    meeting = load_meeting(folder / "meeting.toml")
    tmux = Tmux(f"namndtui-kill-{os.getpid()}-{seed}", folder)
    stats = {"kills": 0, "after_key": 0, "after_saved": 0, "keys": 0, "torn": 0, "acts": 0}
    try:
        tmux.start()
        tmux.key("n")
        tmux.wait_for("Närvaro")
        tmux.key("A")
        tmux.key("Escape")
        tmux.wait_for("Beslutför")
        for round_ in range(kills):
            if round_:
                screen = tmux.wait_for("Föredragningslista")
                assert "SKRIVSKYDDAT" not in screen, screen  # stale lock taken over
            for _ in range(rng.randint(1, 8)):
                tmux.key(rng.choice(KEYS), pause=rng.uniform(0.0, 0.12))
                stats["keys"] += 1
            if rng.random() < 0.5 and tmux.saw("Sparat", timeout=2):
                # (after a restart "Sparat" shows only once this round has recorded an act)
                time.sleep(rng.uniform(0.0, 0.2))
                stats["after_saved"] += 1
            else:
                stats["after_key"] += 1
            screen = tmux.screen()  # what the user saw last
            pid = tmux.pid()
            os.kill(pid, signal.SIGKILL)
            wait_gone(pid)
            stats["kills"] += 1
            found = check_after_kill(folder, meeting, decided_on_screen(screen))
            stats["shown"] = max(stats.get("shown", 0), len(decided_on_screen(screen)))
            stats["torn"] += found["torn"]
            stats["acts"] = found["acts"]
            tmux.start()
        screen = tmux.wait_for("Föredragningslista")
        assert "SKRIVSKYDDAT" not in screen, screen
        tmux.key("q")
    finally:
        tmux.kill_server()
    return stats


def test_sigkill_in_the_tui_loses_nothing_shown(tmp_path):
    stats = run_kills(tmp_path, kills=6, seed=int(os.environ.get("NAMNDTUI_KILL_SEED", "3")))
    print(stats)
    assert stats["kills"] == 6 and stats["acts"] > 11  # attendance and some acts recorded
    assert stats["shown"] >= 1  # some decisions were on screen when killed


def test_the_checker_catches_a_lost_paragraph(tmp_path):
    """A § on screen but not in the journal is reported (the check can fail)."""
    folder = tmp_path / "m"
    folder.mkdir()
    shutil.copy(EXAMPLE, folder / "meeting.toml")
    meeting = load_meeting(folder / "meeting.toml")
    (folder / "journal.jsonl").write_bytes(b"")
    with pytest.raises(AssertionError, match="120"):
        check_after_kill(folder, meeting, {120})
