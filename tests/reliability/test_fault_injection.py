"""SIGKILL at random points while recording, writing the minutes and the index (short run).

The full run is `python benchmarks/fault_injection.py --kills 200` (docs/reliability.md).
"""

from __future__ import annotations

import signal
import subprocess
import time

from .conftest import load_harness


def test_the_scripted_meeting_is_long_and_accepted(tmp_path):
    h = load_harness()
    acts = h.script()
    assert len(acts) >= 300
    folder = tmp_path / "arkiv" / "m"
    folder.mkdir(parents=True)
    assert h.child(folder, tmp_path / "index.sqlite") == 0  # every act passes the rules
    results = h.Results()
    h.check_folder(folder, tmp_path / "index.sqlite", acts, results)
    assert results.failures == [] and results.lost == 0


def test_random_sigkills_lose_no_acknowledged_act(tmp_path):
    """25 kills lose nothing. Where a kill lands depends on the machine's timing, so on a
    loaded machine one run may miss a phase: then another 25 (at most two more runs)
    until kills have landed both while journalling and while writing the minutes."""
    h = load_harness()
    phases: set[str] = set()
    for attempt, seed in enumerate((8, 9, 10)):
        results = h.run(25, seed=seed, root=tmp_path / f"run{attempt}", log=lambda *a, **k: None)
        assert results.failures == []
        assert results.kills == 25 and results.lost == 0
        assert results.acked > 100
        phases |= set(results.phases)
        if phases >= {"journal", "minutes"}:
            break
    assert phases >= {"journal", "minutes"}


def test_the_checker_notices_a_lost_act(tmp_path):
    """The check is not vacuous: remove an acknowledged line and it counts a loss."""
    h = load_harness()
    folder = tmp_path / "arkiv" / "m"
    folder.mkdir(parents=True)
    proc = subprocess.Popen(h._child_cmd(folder, tmp_path / "index.sqlite"))
    h._wait_for(proc, folder, lambda ls: len(h._acked(ls)) >= 30, time.monotonic() + 60)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    journal = folder / "journal.jsonl"
    lines = journal.read_bytes().splitlines(keepends=True)
    journal.write_bytes(b"".join(lines[:-3]))  # drop the last (acknowledged) acts
    results = h.Results()
    h.check_folder(folder, tmp_path / "index.sqlite", h.script(), results)
    # the journal's sidecar (issue 20) already says lines are missing at the end …
    assert any("rader saknas i slutet" in f for f in results.failures), results.failures
    # … and without it the checker counts the acts it had acknowledged
    (folder / "journal.jsonl.check").unlink()
    results = h.Results()
    h.check_folder(folder, tmp_path / "index.sqlite", h.script(), results)
    assert results.lost >= 2  # the last line on disk may not have been acknowledged yet
