"""Exactly one writer when processes race for a stale lock (issue 20: two writers in 8
of 30 trials with 2 processes before the OS lock).

Each trial forks 2–8 processes that wait at a common start line, then all take the lock
of the same folder at once with `FolderLock.acquire` (the tiny part of opening a meeting
that decides who writes) and hold what they got until every racer has answered. The
lock they race for is stale in one of three ways: left by a SIGKILLed holder, a lock
file naming a dead process, or an unreadable one."""

from __future__ import annotations

import json
import os
import random
import signal
import socket
import sys
from pathlib import Path

import pytest

from namndtui.record import lock as lockmod
from namndtui.record.lock import LOCK_NAME, FolderLock, read_lock

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs fork and flock")

TRIALS = 200


def _racer(folder: Path, start_r: int, report_w: int, hold_r: int) -> None:
    """Child: wait for the start, try the lock, say W or R, hold until told, exit."""
    try:
        os.read(start_r, 1)
        lock, _reason = FolderLock.acquire(folder)
        os.write(report_w, b"W" if lock is not None else b"R")
        os.read(hold_r, 1)
    finally:
        os._exit(0)


def _fork(target, *args) -> int:
    pid = os.fork()
    if pid == 0:
        target(*args)
    return pid


def _stale(folder: Path, kind: str) -> None:
    path = folder / LOCK_NAME
    if kind == "killed":  # a writer SIGKILLed while holding the lock
        ready_r, ready_w = os.pipe()
        never_r, never_w = os.pipe()

        def holder() -> None:
            FolderLock.acquire(folder)
            os.write(ready_w, b"x")
            os.read(never_r, 1)  # never comes: killed

        pid = _fork(holder)
        os.read(ready_r, 1)
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        for fd in (ready_r, ready_w, never_r, never_w):
            os.close(fd)
        assert read_lock(path) is not None and read_lock(path).pid == pid
    elif kind == "dead-pid":
        dead = _fork(os._exit, 0)
        os.waitpid(dead, 0)
        info = {"pid": dead, "host": socket.gethostname(), "time": "2007-10-23T18:00:00"}
        path.write_text(json.dumps(info))
    else:
        path.write_bytes(b"\x00\xff not json")


def _trial(folder: Path, racers: int, kind: str) -> str:
    folder.mkdir()
    _stale(folder, kind)
    start_r, start_w = os.pipe()
    report_r, report_w = os.pipe()
    hold_r, hold_w = os.pipe()
    pids = [_fork(_racer, folder, start_r, report_w, hold_r) for _ in range(racers)]
    try:
        os.write(start_w, b"g" * racers)  # all at once
        answers = b""
        while len(answers) < racers:
            answers += os.read(report_r, racers)
    finally:
        os.write(hold_w, b"e" * racers)
        for pid in pids:
            os.waitpid(pid, 0)
        for fd in (start_r, start_w, report_r, report_w, hold_r, hold_w):
            os.close(fd)
    return answers.decode()


def test_exactly_one_writer_in_every_race_for_a_stale_lock(tmp_path):
    rng = random.Random(20)
    writers: list[int] = []
    for trial in range(TRIALS):
        racers = rng.randint(2, 8)
        kind = ("killed", "dead-pid", "garbage")[trial % 3]
        answers = _trial(tmp_path / f"t{trial}", racers, kind)
        writers.append(answers.count("W"))
        assert answers.count("W") == 1, (trial, racers, kind, answers)
    assert writers == [1] * TRIALS


def test_a_live_writer_that_flock_did_not_stop_keeps_the_folder(tmp_path, monkeypatch):
    """A lock naming a live process here while we got the flock (an older namndtui
    without flock, a file system that ignores it): read-only, never a second writer."""
    child = _fork(os.read, os.pipe()[0], 1)  # alive until the test ends
    try:
        info = {"pid": child, "host": socket.gethostname(), "time": "2007-10-23T18:00:00"}
        (tmp_path / LOCK_NAME).write_text(json.dumps(info))
        lock, reason = FolderLock.acquire(tmp_path)
        assert lock is None and f"process {child}" in reason
    finally:
        os.kill(child, signal.SIGKILL)
        os.waitpid(child, 0)


def test_a_reused_pid_does_not_hold_the_lock(tmp_path):
    """The lock names our own live pid's number but another start time: stale."""
    info = {"pid": 1, "host": socket.gethostname(), "time": "t", "started": "0"}
    (tmp_path / LOCK_NAME).write_text(json.dumps(info))
    if not Path("/proc/1/stat").exists():
        pytest.skip("needs Linux /proc")
    lock, reason = FolderLock.acquire(tmp_path)
    assert lock is not None, reason
    lock.release()


@pytest.mark.parametrize("fs", ["fuse.sshfs", "cifs", "nfs:nolock", "9p"])
def test_network_file_system_with_local_flock_opens_read_only(tmp_path, monkeypatch, fs):
    monkeypatch.setattr(lockmod, "file_system_type", lambda folder: fs)
    lock, reason = FolderLock.acquire(tmp_path)
    assert lock is None and "nätverksdisk" in reason and "skrivskyddat" in reason
    assert not (tmp_path / LOCK_NAME).exists()


def test_local_and_nfs4_file_systems_use_the_flock(tmp_path, monkeypatch):
    assert not lockmod.local_only_flock(lockmod.file_system_type(tmp_path))
    monkeypatch.setattr(lockmod, "file_system_type", lambda folder: "nfs4")
    lock, reason = FolderLock.acquire(tmp_path)
    assert lock is not None, reason
    lock.release()
    assert not (tmp_path / LOCK_NAME).exists()


def test_a_released_lock_is_never_held_beside_a_new_one(tmp_path):
    """A racer that opened the lock file before the writer released (unlinked) it gets
    the flock on the unlinked file: it must see that and take the new file instead."""
    first, _ = FolderLock.acquire(tmp_path)
    assert first is not None
    old_fd = os.open(tmp_path / LOCK_NAME, os.O_RDWR)  # the racer's open, before release
    first.release()
    second, _ = FolderLock.acquire(tmp_path)
    assert second is not None
    assert not lockmod._same_file(old_fd, tmp_path / LOCK_NAME)
    os.close(old_fd)
    second.release()
