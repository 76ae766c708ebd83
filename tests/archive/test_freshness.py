"""The freshness check: whatever is edited, added, removed or renamed between searches, the
index equals a fresh build of the same tree (a model-based hypothesis test), and an
unchanged tree is checked without listing a single folder."""

from __future__ import annotations

import os
import shutil
import sqlite3
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
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


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(steps=st.lists(st.lists(operations, min_size=1, max_size=4), min_size=1, max_size=5))
def test_index_always_equals_a_fresh_build(tmp_path_factory, steps) -> None:
    tmp = tmp_path_factory.mktemp("fresh")
    root = tmp / "arkiv"
    root.mkdir()
    index = ArchiveIndex(root, db_path=tmp / "index.sqlite")
    index.update()
    for ops in steps:
        for op in ops:
            apply(root, op)
        index.update()
        assert dump(index) == fresh(root, tmp)
    index.close()


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
