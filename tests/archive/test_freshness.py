"""The freshness check: whatever is edited, added, removed or renamed between searches, the
index equals a fresh build of the same tree (a model-based hypothesis test), and an
unchanged tree is checked without listing a single folder."""

from __future__ import annotations

import os
import shutil
import sqlite3
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from tests.archive.helpers import BODY, MEETING_A, MEETING_B, OTHER, make_minutes

from namndtui.archive import ArchiveIndex, freshness
from namndtui.minutes.protokoll_write import render_toml

# A few minutes texts to write (rendered once): what a file holds is one of these.
TEXTS = [
    render_toml(make_minutes(BODY, "2007-09-25", 100, MEETING_A)),
    render_toml(make_minutes(OTHER, "2008-01-15", 1, MEETING_B)),
    render_toml(make_minutes(BODY, "2007-10-23", 103, MEETING_A[:1])),
    render_toml(make_minutes(OTHER, "2009-02-01", 1, [dict(MEETING_B[0], title="Simhall")])),
    'format = "namndtui/protokoll/1"\n[meeting\n',  # a broken file: a problem, not a crash
]
FOLDERS = ["a", "a/b", "c", ".dold"]  # few, so that operations meet the same files
NAMES = ["protokoll.toml", "2-protokoll.toml"]


def dump(index: ArchiveIndex) -> dict[str, list[tuple]]:
    """Everything the index holds, without its ids (a fresh build numbers rows afresh)."""
    conn = sqlite3.connect(index.db_path)
    tables = {
        "meetings": "SELECT f.rel, m.body, m.date, m.first, m.last, m.count"
        " FROM meetings m JOIN files f ON f.id = m.file_id",
        "paragraphs": "SELECT f.rel, p.number, p.item, p.title, p.dnr, p.dnr_norm, p.names,"
        " x.z, p.part FROM paragraphs p JOIN files f ON f.id = p.file_id"
        " JOIN texts x ON x.file_id = p.file_id AND x.chunk = p.part / 6",
        "facts": "SELECT f.rel, p.number, x.kind, x.member FROM facts x"
        " JOIN paragraphs p ON p.id = x.para_id JOIN files f ON f.id = p.file_id",
        "files": "SELECT rel, sha256, problem IS NOT NULL FROM files",
    }
    out = {name: sorted(conn.execute(sql).fetchall()) for name, sql in tables.items()}
    # Every paragraph is found by its own words (the contentless index was kept in step).
    for rel, number, _item, title, *_rest in out["paragraphs"]:
        assert any(h.path == rel and h.number == number for h in index.search(f'"{title}"')), title
    conn.close()
    out["problems"] = [(p.path,) for p in index.problems()]
    return out


def fresh(root: Path, tmp: Path) -> dict[str, list[tuple]]:
    db = tmp / "fresh.sqlite"
    for suffix in ("", "-wal", "-shm", ".lock"):
        Path(str(db) + suffix).unlink(missing_ok=True)
    index = ArchiveIndex(root, db_path=db)
    index.update()
    result = dump(index)
    index.close()
    return result


def apply(root: Path, op: tuple) -> None:
    kind = op[0]
    if kind == "write":  # add or replace a file, atomically (as namndtui writes minutes)
        _, folder, name, text = op
        path = root / folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{name}.tmp")
        tmp.write_text(TEXTS[text], encoding="utf-8")
        os.replace(tmp, path)
    elif kind == "edit":  # an editor that writes in place: the folder's mtime stays
        _, folder, name, text = op
        path = root / folder / name
        if path.is_file():
            with open(path, "w", encoding="utf-8") as fh:
                fh.write(TEXTS[text])
    elif kind == "remove":
        _, folder, name = op
        (root / folder / name).unlink(missing_ok=True)
    elif kind == "rename":  # a file to another folder or name
        _, folder, name, to_folder, to_name = op
        src, dst = root / folder / name, root / to_folder / to_name
        if src.is_file() and not dst.exists():
            dst.parent.mkdir(parents=True, exist_ok=True)
            os.rename(src, dst)
    elif kind == "move_folder":
        _, folder, to_folder = op
        src, dst = root / folder, root / to_folder
        if src.is_dir() and not dst.exists() and not str(to_folder).startswith(str(folder) + "/"):
            dst.parent.mkdir(parents=True, exist_ok=True)
            os.rename(src, dst)
    elif kind == "remove_folder":
        shutil.rmtree(root / op[1], ignore_errors=True)
    elif kind == "touch":
        path = root / op[1] / op[2]
        if path.exists():
            os.utime(path)


folders = st.sampled_from(FOLDERS)
names = st.sampled_from(NAMES)
texts = st.integers(0, len(TEXTS) - 1)
operations = st.one_of(
    st.tuples(st.just("write"), folders, names, texts),
    st.tuples(st.just("edit"), folders, names, texts),
    st.tuples(st.just("remove"), folders, names),
    st.tuples(st.just("rename"), folders, names, folders, names),
    st.tuples(st.just("move_folder"), folders, folders),
    st.tuples(st.just("remove_folder"), folders),
    st.tuples(st.just("touch"), folders, names),
)


def clock_ticked(probe: Path) -> None:
    """Wait (on the file system's clock, not a sleep) until a file written now gets a later
    timestamp than anything written so far: then no change to come can leave a signature the
    check stored unchanged, and the check may treat nothing as racy."""
    probe.write_bytes(b"")
    first = probe.stat().st_mtime_ns
    while probe.stat().st_mtime_ns == first:
        probe.write_bytes(b"")


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    steps=st.lists(st.lists(operations, min_size=1, max_size=4), min_size=1, max_size=5),
    settled=st.booleans(),
)
@example(  # each kind of change at least once, whatever the search draws
    steps=[
        [("write", "a", NAMES[0], 0), ("write", "a/b", NAMES[0], 1), ("write", "c", NAMES[1], 2)],
        [("remove", "a", NAMES[0]), ("write", "c", NAMES[1], 3)],
        [("rename", "c", NAMES[1], "a", NAMES[0]), ("edit", "a/b", NAMES[0], 4)],
        [("move_folder", "a", "c"), ("touch", "c", NAMES[0])],
        [("remove_folder", "c"), ("write", ".dold", NAMES[0], 0)],
    ],
    settled=True,
)
def test_index_always_equals_a_fresh_build(tmp_path_factory, steps, settled) -> None:
    """After each step of writes (atomic replace), removals, renames, folder moves and
    touches, the folder check (what a search does) leaves the index equal to a fresh
    build. An editor writing in place changes no folder: the full check catches it.
    `settled`: nothing is racy (as when the changes are older than RACY_NS; the test waits
    for the file system's clock to tick after each check instead), so the folder check
    really skips the folders whose signature is unchanged."""
    tmp = tmp_path_factory.mktemp("fresh")
    root = tmp / "arkiv"
    root.mkdir()
    with pytest.MonkeyPatch.context() as mp:
        if settled:
            mp.setattr(freshness, "RACY_NS", 0)
        index = ArchiveIndex(root, db_path=tmp / "index.sqlite")
        assert index.update().full  # the first check of an index is a full one
        for ops in steps:
            if settled:
                clock_ticked(tmp / "klocka")
            for op in ops:
                apply(root, op)
            stats = index.update()
            assert not stats.full  # within FULL_EVERY_NS of the last full check
            if any(op[0] == "edit" for op in ops):  # in place: maybe not seen until…
                assert index.update(full=True).full
            assert dump(index) == fresh(root, tmp)
        index.close()


def test_an_edit_in_place_is_seen_by_the_full_check(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The folder check trusts a folder whose signature is unchanged; an editor that writes
    the file in place is seen by the full check: asked for (`reindex`, the archive screen
    when it opens) or due FULL_EVERY_NS after the last one."""
    root = tmp_path / "arkiv"
    apply(root, ("write", "a", "protokoll.toml", 0))
    monkeypatch.setattr(freshness, "RACY_NS", 0)
    index = ArchiveIndex(root)
    index.update()
    clock_ticked(tmp_path / "klocka")
    apply(root, ("edit", "a", "protokoll.toml", 3))
    stats = index.update()
    assert (stats.full, stats.parsed, index.search("simhall")) == (False, 0, [])
    import time

    real_ns = time.time_ns
    later = real_ns() + freshness.FULL_EVERY_NS + 1_000_000_000
    monkeypatch.setattr(time, "time_ns", lambda: later)
    stats = index.update()  # due: the last full check is FULL_EVERY_NS ago
    assert (stats.full, stats.parsed) == (True, 1)
    assert [h.title for h in index.search("simhall")] == ["Simhall"]
    apply(root, ("edit", "a", "protokoll.toml", 0))
    assert (index.update(full=True).parsed, index.search("simhall")) == (1, [])


def test_a_racy_file_lists_its_folder_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A file changed within RACY_NS of the check may change again in the same clock tick
    without its signature changing: its folder is stored racy too, so that the folder check
    lists it next time although the folder itself is older (an edit in place)."""
    import time

    root = tmp_path / "arkiv"
    apply(root, ("write", "a", "protokoll.toml", 0))
    index = ArchiveIndex(root)
    index.update()
    clock_ticked(tmp_path / "klocka")
    apply(root, ("edit", "a", "protokoll.toml", 3))  # in place: the folder is older
    edited = (root / "a" / "protokoll.toml").stat().st_mtime_ns
    monkeypatch.setattr(freshness, "RACY_NS", 0)
    monkeypatch.setattr(time, "time_ns", lambda: edited - 1)  # the check: as the file changed
    assert index.update(full=True).parsed == 1
    conn = sqlite3.connect(index.db_path)
    rows = conn.execute("SELECT mtime_ns FROM folders WHERE rel = 'a'").fetchall()
    conn.close()
    assert rows == [(-1,)]  # racy because of its file: listed again by the folder check
    clock_ticked(tmp_path / "klocka")
    apply(root, ("edit", "a", "protokoll.toml", 0))  # in place again
    assert index.update(full=False).parsed == 1
    assert index.search("simhall") == []


def test_an_unchanged_tree_lists_no_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = tmp_path / "arkiv"
    apply(root, ("write", "a/b", "protokoll.toml", 0))
    apply(root, ("write", "c", "protokoll.toml", 1))
    index = ArchiveIndex(root)
    index.update()
    # Seen from ten seconds on, nothing is racy any more: the next check is stats only.
    import time

    real_ns = time.time_ns
    monkeypatch.setattr(time, "time_ns", lambda: real_ns() + 10_000_000_000)
    index.update()  # stores the settled signatures
    listed: list[str] = []
    real_scandir = os.scandir

    def scandir(path):
        listed.append(str(path))
        return real_scandir(path)

    monkeypatch.setattr(freshness.os, "scandir", scandir)
    stats = index.update()
    assert (stats.parsed, stats.unchanged, listed) == (0, 2, [])
    # A new file lists its folder (only that one) and is indexed.
    apply(root, ("write", "c", "2-protokoll.toml", 3))
    stats = index.update()
    assert stats.parsed == 1
    assert listed == [str(root / "c")]
    assert [h.title for h in index.search("simhall")] == ["Simhall"]


def test_recent_check_is_skipped_only_when_asked(tmp_path: Path) -> None:
    root = tmp_path / "arkiv"
    apply(root, ("write", "a", "protokoll.toml", 0))
    index = ArchiveIndex(root)
    assert index.update(max_age=60).parsed == 1  # a new index is never "recently checked"
    apply(root, ("write", "b", "protokoll.toml", 1))
    assert index.update(max_age=60).skipped  # the command line's second within a second
    assert index.update().parsed == 1  # the default checks every time


def test_reindex_reads_an_edit_in_place(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """`namndtui reindex` is the full check on demand: an edit in place that the folder
    check of a search does not see is read again."""
    from namndtui.cli import main

    root = tmp_path / "arkiv"
    apply(root, ("write", "a", "protokoll.toml", 0))
    monkeypatch.setattr(freshness, "RACY_NS", 0)
    assert main(["search", "nämnd", "--archive", str(root)]) == 0
    clock_ticked(tmp_path / "klocka")
    apply(root, ("edit", "a", "protokoll.toml", 3))
    os.utime(root / ".namndtui-index.sqlite.lock", ns=(0, 0))  # not checked within a second
    assert main(["search", "simhall", "--archive", str(root)]) == 1  # the folder check
    capsys.readouterr()
    assert main(["reindex", "--archive", str(root)]) == 0
    out = capsys.readouterr().out
    assert "1 protokoll, 1 läst på nytt, 0 borttagna" in out
    assert main(["search", "simhall", "--archive", str(root)]) == 0


def test_an_unchanged_archive_is_checked_without_writing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The archive folder holding the index changes at every search (SQLite's -wal and
    -shm files come and go): a folder changed only in hidden entries is listed but is no
    change, so a search of an unchanged archive never writes the index."""
    root = tmp_path / "arkiv"
    apply(root, ("write", "a", "protokoll.toml", 0))
    apply(root, ("write", "", "protokoll.toml", 1))  # a minutes file in the archive folder too
    monkeypatch.setattr(freshness, "RACY_NS", 0)
    built = ArchiveIndex(root)
    built.update()
    built.close()  # its connections closed: the -wal and -shm go, as at a process's end
    clock_ticked(tmp_path / "klocka")

    def stored() -> list[tuple]:
        conn = sqlite3.connect(root / ".namndtui-index.sqlite")  # opened and closed as a
        rows = [*conn.execute("SELECT * FROM folders"), *conn.execute("SELECT * FROM meta")]
        conn.close()  # search is: its -wal and -shm come and go
        return sorted(rows, key=repr)

    before = stored()
    for _ in range(3):  # each its own process, as searches are: the index reopened
        index = ArchiveIndex(root)
        stats = index.update(full=False)
        index.close()
        assert (stats.parsed, stats.files) == (0, 2)
    assert stored() == before  # nothing written


def test_the_files_of_a_folder_are_read_by_path_range() -> None:
    """manifest.IndexKnown reads a listed folder's files by the range of paths under it:
    siblings whose names sort next to it ("a0", "a.b", "a b") are not in it, subfolders'
    files are only "under" it, and the archive folder's own files are those without "/"."""
    from namndtui.archive.manifest import IndexKnown
    from namndtui.archive.schema import SCHEMA

    conn = sqlite3.connect(":memory:")
    conn.executescript(SCHEMA)
    rels = ["protokoll.toml", "a/protokoll.toml", "a/b/protokoll.toml", "a0/protokoll.toml"]
    rels += ["a.b/protokoll.toml", "a b/protokoll.toml", "ä/protokoll.toml"]
    conn.executemany(
        "INSERT INTO files(rel, mtime_ns, ctime_ns, size, sha256) VALUES (?, 1, 2, 3, '')",
        [(rel,) for rel in rels],
    )
    known = IndexKnown(conn, {})
    assert known.files_in("") == {"protokoll.toml": ((1, 2), 3)}
    assert list(known.files_in("a")) == ["a/protokoll.toml"]
    assert sorted(known.files_under("a")) == ["a/b/protokoll.toml", "a/protokoll.toml"]
    assert list(known.files_in("ä")) == ["ä/protokoll.toml"]
    assert (known.count(), len(known.all_files())) == (7, 7)
