"""One writer per meeting: a second process is read-only with the reason; a dead
writer's lock is taken over safely (real processes, SIGKILL)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

from namndtui.record.lock import LOCK_NAME, read_lock

from .conftest import ROOT

OPENER = textwrap.dedent(
    """
    import sys, time, json
    sys.path.insert(0, {bench!r})
    import fault_injection as h
    from pathlib import Path
    from namndtui.record.record import Record
    record = Record.open(h.meeting(), Path(sys.argv[1]), clock=h.StepClock(0))
    record.clock = h.StepClock(len(record.events))
    acts = h.script()
    if not record.readonly:
        record.apply(acts[len(record.events)])
    print(json.dumps({{"readonly": record.readonly, "reason": record.readonly_reason,
                      "events": len(record.events)}}), flush=True)
    if sys.argv[2] == "hold":
        time.sleep(60)
    record.close()
    """
).format(bench=str(ROOT / "benchmarks"))


def start(folder: Path, mode: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-c", OPENER, str(folder), mode], stdout=subprocess.PIPE, text=True
    )


def answer(proc: subprocess.Popen) -> dict:
    return json.loads(proc.stdout.readline())


def test_second_process_is_read_only_with_the_reason_then_takes_over(tmp_path):
    folder = tmp_path / "m"
    holder = start(folder, "hold")
    try:
        first = answer(holder)
        assert first == {"readonly": False, "reason": "", "events": 1}
        second = start(folder, "once")
        got = answer(second)
        second.wait(30)
        assert got["readonly"] and f"process {holder.pid}" in got["reason"]
        assert "skrivskyddat" in got["reason"]
        assert got["events"] == 1  # it still shows what the writer has saved
    finally:
        holder.send_signal(signal.SIGKILL)
        holder.wait()
    assert read_lock(folder / LOCK_NAME).pid == holder.pid  # left behind by the kill
    third = start(folder, "once")
    got = answer(third)
    assert third.wait(30) == 0
    assert got == {"readonly": False, "reason": "", "events": 2}  # taken over, recorded
    assert not (folder / LOCK_NAME).exists()  # released on close


def test_two_processes_starting_at_once_one_writer(tmp_path):
    for trial in range(3):
        folder = tmp_path / f"m{trial}"
        folder.mkdir()
        procs = [start(folder, "hold") for _ in range(2)]
        try:
            answers = [answer(p) for p in procs]
        finally:
            for p in procs:
                p.send_signal(signal.SIGKILL)
                p.wait()
        writers = [a for a in answers if not a["readonly"]]
        assert len(writers) == 1, answers


def test_stale_lock_with_garbage_is_taken_over(tmp_path):
    folder = tmp_path / "m"
    folder.mkdir()
    (folder / LOCK_NAME).write_bytes(b"\x00\xff not json")
    proc = start(folder, "once")
    assert answer(proc)["readonly"] is False
    assert proc.wait(30) == 0


def test_cli_export_justerat_refuses_while_the_meeting_is_open(tmp_path):
    folder = tmp_path / "m"
    folder.mkdir()
    (folder / "meeting.toml").write_bytes((ROOT / "tests/data/good/meeting.toml").read_bytes())
    from namndtui.meetingfile import load_meeting
    from namndtui.record.record import Record

    record = Record.open(load_meeting(folder / "meeting.toml"), folder)
    try:
        done = subprocess.run(
            [sys.executable, "-m", "namndtui", "export", str(folder), "--justerat", "2024-01-02"],
            capture_output=True,
            text=True,
            timeout=60,
        )
    finally:
        record.close()
    assert done.returncode == 1
    assert f"process {os.getpid()}" in done.stderr and "Traceback" not in done.stderr
    assert done.stderr.count("\n") == 1
