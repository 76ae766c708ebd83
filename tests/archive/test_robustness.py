"""The index under errors and other programs: a rebuild only for a corrupted index, never
while another program has it open; a search reads one snapshot (issue #19's notes)."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest
from tests.archive.helpers import small_archive

from namndtui.archive import ArchiveIndex, lock
from namndtui.archive import manifest as manifest_module
from namndtui.archive import query as query_module
from namndtui.archive.index import ArchiveError, IndexNotUpdated
from namndtui.archive.lock import exclusive


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    root = small_archive(tmp_path / "arkiv")
    index = ArchiveIndex(root)
    index.update()
    index.close()
    return root


def sqlite_error(code: int, text: str) -> sqlite3.DatabaseError:
    err = sqlite3.OperationalError(text) if code != 11 else sqlite3.DatabaseError(text)
    err.sqlite_errorcode = code  # as SQLite's own errors carry it
    return err


def fail_once(monkeypatch: pytest.MonkeyPatch, err: BaseException) -> None:
    """The next read of the folders' manifest (every update's first read) raises `err`."""
    read = manifest_module.read
    calls: list[int] = []

    def failing(conn: sqlite3.Connection) -> object:
        calls.append(1)
        if len(calls) == 1:
            raise err
        return read(conn)

    monkeypatch.setattr(manifest_module, "read", failing)


def identity(path: Path) -> tuple[int, int]:
    st = os.stat(path)
    return (st.st_dev, st.st_ino)


def hits(index: ArchiveIndex, query: str) -> list[tuple[str, int]]:
    return sorted((h.date, h.number) for h in index.search(query))


@pytest.mark.parametrize(
    ("code", "text", "shown"),
    [
        (13, "database or disk is full", "disken är full"),
        (10, "disk I/O error", "läs- eller skrivfel på disken"),
        (8, "attempt to write a readonly database", "skrivskyddat filsystem"),
        (5, "database is locked", "används av ett annat program"),
    ],
)
def test_an_error_that_is_no_corruption_leaves_the_index(
    archive: Path, monkeypatch: pytest.MonkeyPatch, code: int, text: str, shown: str
) -> None:
    index = ArchiveIndex(archive)
    before = identity(index.db_path)
    fail_once(monkeypatch, sqlite_error(code, text))
    with pytest.raises(IndexNotUpdated) as caught:  # (a search goes on with what it holds)
        index.update()
    assert caught.value.exit_code == 2
    assert f"indexet kunde inte uppdateras: {shown}" in caught.value.message
    assert identity(index.db_path) == before  # not deleted and rebuilt
    assert index.rebuilt == ""
    assert hits(index, "fritidsgård") == [("2007-09-25", 100)]
    assert index.update().parsed == 0  # still the full index


def test_a_corrupted_index_is_rebuilt_when_no_other_program_has_it(
    archive: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    index = ArchiveIndex(archive)
    before = identity(index.db_path)
    fail_once(monkeypatch, sqlite_error(11, "database disk image is malformed"))
    stats = index.update()
    assert stats.rebuilt == "indexet var skadat" and stats.parsed == 2
    assert identity(index.db_path) != before
    assert hits(index, "fritidsgård") == [("2007-09-25", 100)]


def test_a_corrupted_index_is_not_deleted_under_another_reader(
    archive: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(lock, "ALONE_WAIT", 0.02)  # (how long it waits for the reader)
    reader = ArchiveIndex(archive)  # another program with the index open (the archive screen)
    assert hits(reader, "fritidsgård") == [("2007-09-25", 100)]
    index = ArchiveIndex(archive)
    before = identity(index.db_path)
    fail_once(monkeypatch, sqlite_error(11, "database disk image is malformed"))
    with pytest.raises(ArchiveError) as caught:
        index.update()
    assert "ett annat program har det öppet" in caught.value.message
    assert identity(index.db_path) == before  # the reader's file was left alone
    assert hits(reader, "fritidsgård") == [("2007-09-25", 100)]
    reader.close()  # the other program is done: now it can be rebuilt
    fail_once(monkeypatch, sqlite_error(11, "database disk image is malformed"))
    assert index.update().rebuilt == "indexet var skadat"
    assert identity(index.db_path) != before
    assert hits(index, "fritidsgård") == [("2007-09-25", 100)]


def test_an_old_index_is_not_replaced_while_another_program_reads_it(
    archive: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(lock, "ALONE_WAIT", 0.02)
    reader = ArchiveIndex(archive)
    conn = sqlite3.connect(reader.db_path)
    conn.execute("UPDATE meta SET value = '1' WHERE key = 'schema_version'")
    conn.commit()
    conn.close()
    with pytest.raises(ArchiveError) as caught:
        ArchiveIndex(archive)
    assert "annan version" in caught.value.message and "annat program" in caught.value.message
    reader.close()
    assert ArchiveIndex(archive).rebuilt == "indexet hade en annan version"


def test_a_search_reads_one_snapshot(archive: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Another program removes a meeting from the index while a search runs – after the
    full-text query found its § and before the hits are placed and their snippets read:
    the search answers from the index as it was when it began (before: a KeyError)."""
    index = ArchiveIndex(archive)
    rank_rows = query_module.rank_rows

    def writer_meanwhile(*args: object, **kwargs: object) -> object:
        (archive / "hasselby" / "2007-09-25" / "protokoll.toml").unlink()
        other = ArchiveIndex(archive)
        assert other.update().removed == 1
        other.close()
        return rank_rows(*args, **kwargs)

    monkeypatch.setattr(query_module, "rank_rows", writer_meanwhile)
    (hit,) = index.search("fritidsgård")
    assert (hit.date, hit.number, hit.path) == (
        "2007-09-25",
        100,
        "hasselby/2007-09-25/protokoll.toml",
    )
    assert "fritidsgård" in hit.snippet.lower()
    monkeypatch.setattr(query_module, "rank_rows", rank_rows)
    assert index.search("fritidsgård") == []  # the next search sees the removal


def test_a_corrupted_index_found_by_a_search_is_reported_and_rebuilt_next(
    archive: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    index = ArchiveIndex(archive)

    def corrupted(*args: object, **kwargs: object) -> object:
        raise sqlite_error(11, "database disk image is malformed")

    monkeypatch.setattr(query_module, "rank_rows", corrupted)
    with pytest.raises(ArchiveError) as caught:
        index.search("fritidsgård")
    assert "indexet var skadat; det byggs om vid nästa sökning" in caught.value.message
    monkeypatch.undo()
    assert index.update().parsed == 2
    assert hits(index, "fritidsgård") == [("2007-09-25", 100)]


def test_not_rebuilt_under_another_thread_of_the_same_program(
    archive: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The archive screen reads its list in one thread and updates in another, through one
    ArchiveIndex: a connection left on a deleted index would delete the new one's -wal by
    name when it closes, so the index is not deleted while another thread has one."""
    import threading

    index = ArchiveIndex(archive)
    assert hits(index, "fritidsgård") == [("2007-09-25", 100)]  # this thread's connection
    before = identity(index.db_path)
    outcome: list[BaseException | str] = []

    def update() -> None:
        try:
            outcome.append(index.update().rebuilt)
        except ArchiveError as err:
            outcome.append(err)

    fail_once(monkeypatch, sqlite_error(11, "database disk image is malformed"))
    worker = threading.Thread(target=update)
    worker.start()
    worker.join()
    (refused,) = outcome
    assert isinstance(refused, ArchiveError) and "annat program" in refused.message
    assert identity(index.db_path) == before
    index.close()  # this thread lets go: now the other may rebuild
    outcome.clear()
    fail_once(monkeypatch, sqlite_error(11, "database disk image is malformed"))
    worker = threading.Thread(target=update)
    worker.start()
    worker.join()
    assert outcome == ["indexet var skadat"]
    assert identity(index.db_path) != before


def test_a_program_that_finds_it_corrupted_lets_go_while_it_waits(
    archive: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Searches that find the index corrupted together: each lets go of its shared hold
    before it waits for the writer's lock, else the one holding the lock could never make
    its hold exclusive (it would wait for the others, who wait for it) – and under the lock
    it takes the hold again before it looks."""
    index = ArchiveIndex(archive)
    seen: list[int] = []
    enter = exclusive.__enter__

    def watching(self: exclusive) -> None:
        seen.append(index._users.fd)  # the hold while this program asks for the lock
        enter(self)

    monkeypatch.setattr(exclusive, "__enter__", watching)
    fail_once(monkeypatch, sqlite_error(11, "database disk image is malformed"))
    assert index.update().rebuilt == "indexet var skadat"
    assert seen and seen[0] == -1  # let go while waiting
    assert index._users.fd >= 0  # held again
