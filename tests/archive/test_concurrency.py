"""Several searches at once on a new index, and a build killed midway (issue #19, #20)."""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from tests.archive.test_freshness import apply, dump, fresh

from namndtui.archive import ArchiveIndex
from namndtui.archive.lock import checked_recently, mark_checked

ROOT = Path(__file__).resolve().parents[2]


def archive_of(root: Path, count: int) -> Path:
    for n in range(count):
        apply(root, ("write", f"m{n:02d}", "protokoll.toml", n % 4))
    return root


@pytest.mark.parametrize("before", ["new archive", "corrupted index"])
def test_concurrent_first_searches_all_succeed(tmp_path: Path, before: str) -> None:
    """Five searches at once: on a new archive one builds, the others wait and search what
    it built; on a corrupted index (each finds it so, and holds it open meanwhile) one
    rebuilds it – the others let go of it while they wait, so it is not refused as in use."""
    root = archive_of(tmp_path / "arkiv", 12)
    if before == "corrupted index":
        index = ArchiveIndex(root)
        index.update()
        index.close()
        index.db_path.write_bytes(b"not a database" * 100)
    command = [sys.executable, "-m", "namndtui", "search", "nämnd", "--archive", str(root)]
    procs = [
        subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        for _ in range(5)
    ]
    results = [(p.wait(timeout=120), *p.communicate()) for p in procs]
    for code, _out, err in results:
        assert code == 0, err.decode()
        assert b"Traceback" not in err
    outputs = {out for _code, out, _err in results}
    assert len(outputs) == 1 and outputs.pop().count(b"\n") >= 10  # every one saw it all


@pytest.mark.parametrize("before", ["new archive", "corrupted index, checked just now"])
def test_a_search_opening_an_index_just_created_checks_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, before: str
) -> None:
    """A search that opens an index the moment it is created (usable, its builder still
    holding the lock) must not take it for checked just now: it skipped the check and found
    no hits (the first test above, once in ~25 runs on a busy machine: the lock file, made
    by the builder, had the mtime of a check just done). The interleaving forced by a hook."""
    root = archive_of(tmp_path / "arkiv", 2)
    if before != "new archive":
        index = ArchiveIndex(root)
        index.update()
        index.close()
        mark_checked(index.lock_path)  # as the search a moment ago
        index.db_path.write_bytes(b"not a database" * 100)
    seen: list[tuple[str, bool]] = []
    create = ArchiveIndex._create

    def then_another_search(self: ArchiveIndex) -> None:
        create(self)
        other = ArchiveIndex(root)  # usable: opened without waiting for the lock
        seen.append((other.rebuilt, checked_recently(other.lock_path, 60)))
        other.close()

    monkeypatch.setattr(ArchiveIndex, "_create", then_another_search)
    index = ArchiveIndex(root)
    assert seen == [("", False)]
    assert index.update(max_age=60).parsed == 2
    assert index.update(max_age=60).skipped  # marked by that check: skipped within the minute


def test_other_threads_wait_for_the_builder(tmp_path: Path) -> None:
    import threading

    root = archive_of(tmp_path / "arkiv", 6)
    errors: list[BaseException] = []
    counts: list[int] = []

    def search() -> None:
        try:
            index = ArchiveIndex(root)  # each its own connection and its own lock handle
            index.update()
            counts.append(len(index.search("nämnd")))
            index.close()
        except BaseException as err:  # noqa: BLE001 - reported below
            errors.append(err)

    threads = [threading.Thread(target=search) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert len(set(counts)) == 1 and counts[0] > 0


KILLED_BUILD = """
import os, signal, sys
import namndtui.archive.build as build
import namndtui.archive.index as ix
build.COMMIT_EVERY = 2
calls = []
def loader(path):
    calls.append(path)
    if len(calls) == 6:  # files 1-4 are committed (two batches), 5 is not
        os.kill(os.getpid(), signal.SIGKILL)
    return ix.default_loader(path)
ix.ArchiveIndex(sys.argv[1], loader=loader).update()
"""


def test_a_killed_build_resumes(tmp_path: Path) -> None:
    root = archive_of(tmp_path / "arkiv", 9)
    result = subprocess.run(
        [sys.executable, "-c", KILLED_BUILD, str(root)], cwd=ROOT, capture_output=True, timeout=120
    )
    assert result.returncode == -signal.SIGKILL
    db = root / ".namndtui-index.sqlite"
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT count(*) FROM files").fetchone()[0] == 4
    conn.close()
    index = ArchiveIndex(root)
    assert index.rebuilt == ""  # not rebuilt: resumed
    stats = index.update()
    assert (stats.parsed, stats.unchanged) == (5, 4)
    assert dump(index) == fresh(root, tmp_path)
