"""Names from data never become paths outside the chosen output folder (issue 8, Paths).

Review (docs/reliability.md): every file namndtui writes has a fixed name (meeting.toml,
journal.jsonl, protokoll.toml/.md/.html, the lock, index.sqlite or a hash-named cache
file) in a folder the user chose; item ids, body names, dates, member names and Dnr are
never part of a path. These tests feed hostile names through every writer and check that
nothing appears anywhere but the expected files, and that an edited archive index cannot
make review read outside the archive.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import io
import os
import shutil

import pytest

from namndtui.cli import main
from namndtui.errors import UserError
from namndtui.meetingfile import load_meeting
from namndtui.meetingwrite import meeting_to_toml
from namndtui.minutes.model import Minutes
from namndtui.minutes.protokoll_read import load_protokoll
from namndtui.minutes.protokoll_write import render_toml
from namndtui.minutes.write import write_files
from namndtui.model import Member

from .conftest import ROOT, tree_hash

GOLDEN = ROOT / "tests" / "minutes" / "golden" / "testby" / "protokoll.toml"
GOOD_MEETING = ROOT / "tests" / "data" / "good" / "meeting.toml"
HOSTILE_NAMES = ["../../etc", "/abs", "a/b", "..", "NUL", "con", "a\\b", "C:\\x", "~/x", "."]


def cli(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(argv))
    return code, out.getvalue(), err.getvalue()


def hostile_minutes() -> Minutes:
    """The golden minutes with every name a hostile path: body, items, members, Dnr."""
    minutes = load_protokoll(GOLDEN)
    meeting, state = minutes.meeting, minutes.state
    names = iter(HOSTILE_NAMES * 10)
    renamed_items = {item.id: next(names) for item in meeting.items}
    items = tuple(
        dataclasses.replace(i, id=renamed_items[i.id], dnr=next(names), title=next(names))
        for i in meeting.items
    )
    state.paragraphs = {renamed_items[k]: p for k, p in state.paragraphs.items()}
    for para in state.paragraphs.values():
        para.item = renamed_items.get(para.item, para.item)
    for change in state.changes:
        change.item = renamed_items.get(change.item, change.item)
    meeting = dataclasses.replace(
        meeting, body="../../etc", items=items, secretary="/abs", kept_at="a/b"
    )
    return Minutes(meeting, state)


def all_files(root) -> set[str]:
    return {str(p.relative_to(root)) for p in root.rglob("*")}


def test_hostile_names_only_ever_write_the_fixed_files(tmp_path):
    out = tmp_path / "ut"
    out.mkdir()
    minutes = hostile_minutes()
    write_files(minutes, out, html=True)
    assert all_files(tmp_path) == {
        "ut", "ut/protokoll.toml", "ut/protokoll.md", "ut/protokoll.html"
    }  # fmt: skip
    # export (from the written protokoll, with its hostile names) into another folder
    other = tmp_path / "annan"
    other.mkdir()
    code, stdout, stderr = cli("export", str(out / "protokoll.toml"), "--out", str(other))
    assert code == 0, stderr
    assert all_files(other) == {"protokoll.toml", "protokoll.md"}
    assert (other / "protokoll.toml").read_text() == (out / "protokoll.toml").read_text()
    # extract prints, writes nothing
    before = tree_hash(tmp_path)
    code, stdout, stderr = cli("extract", str(out / "protokoll.toml"), "§18")
    assert code == 0 and "../../etc" in stdout
    assert tree_hash(tmp_path) == before


def test_a_hostile_meeting_records_and_exports_into_its_own_folder(tmp_path):
    meeting = load_meeting(GOOD_MEETING)
    members = tuple(
        dataclasses.replace(m, name=n) for m, n in zip(meeting.members, HOSTILE_NAMES, strict=False)
    ) + tuple(Member(n, "S", "ersättare") for n in HOSTILE_NAMES[len(meeting.members) :])
    meeting = dataclasses.replace(
        meeting,
        body="../../etc",
        members=members,
        items=tuple(dataclasses.replace(i, dnr="/abs/x", title="..") for i in meeting.items),
    )
    folder = tmp_path / "m"
    folder.mkdir()
    (folder / "meeting.toml").write_text(meeting_to_toml(meeting), encoding="utf-8")
    from namndtui.record import events as ev
    from namndtui.record.record import Record

    record = Record.open(load_meeting(folder / "meeting.toml"), folder, clock=_clock)
    for m in members:
        record.apply(ev.AttendanceSet(m.name, True))
    record.apply(ev.MeetingOpened("19:00"))
    record.apply(ev.ItemCalled(meeting.items[0].id, "19:01"))
    record.apply(ev.NoteAdded(meeting.items[0].id, "../../etc/passwd", "NUL"))
    record.close()
    code, stdout, stderr = cli("export", str(folder), "--html")
    assert code == 0, stderr
    assert all_files(tmp_path) == {
        "m", "m/meeting.toml", "m/journal.jsonl", "m/journal.jsonl.check", "m/protokoll.toml",
        "m/protokoll.md", "m/protokoll.html",
    }  # fmt: skip


def _clock() -> dt.datetime:
    return dt.datetime(2007, 10, 23, 19, 0)


def test_the_archive_with_hostile_bodies_writes_only_its_index(tmp_path):
    archive = tmp_path / "arkiv"
    folder = archive / "x" / "2024-03-05"
    folder.mkdir(parents=True)
    (folder / "protokoll.toml").write_text(render_toml(hostile_minutes()), encoding="utf-8")
    before = tree_hash(archive)
    code, stdout, stderr = cli("search", "--archive", str(archive), "budget")
    assert code in (0, 1), stderr
    after = tree_hash(archive)
    new = set(after) - set(before)
    from namndtui.archive.index import INDEX_NAME, SECRET_SUFFIX

    # the index, its secret part (archive/index.py) with their SQLite companions, the lock
    # and the readers' lock (archive/lock.py)
    index_files = {
        name + suffix
        for name in (INDEX_NAME, INDEX_NAME + SECRET_SUFFIX)
        for suffix in ("", "-wal", "-shm", "-journal")
    }
    assert new <= index_files | {INDEX_NAME + ".lock", INDEX_NAME + ".users"}
    assert all_files(tmp_path) - {f"arkiv/{n}" for n in new} == {
        "arkiv", "arkiv/x", "arkiv/x/2024-03-05", "arkiv/x/2024-03-05/protokoll.toml"
    }  # fmt: skip


@pytest.mark.parametrize("rel", ["../utanfor/protokoll.toml", "/etc/passwd", "x/../../y.toml"])
def test_an_edited_index_cannot_make_review_read_outside_the_archive(tmp_path, rel):
    from namndtui.archive.index import ArchiveIndex

    archive = tmp_path / "arkiv"
    archive.mkdir()
    outside = tmp_path / "utanfor"
    outside.mkdir()
    shutil.copy(GOLDEN, outside / "protokoll.toml")
    index = ArchiveIndex(archive, db_path=tmp_path / "i.sqlite")
    with pytest.raises(UserError, match="utanför arkivmappen"):
        index.load(rel)


def test_import_append_and_agenda_out_write_only_the_named_file(tmp_path):
    text = tmp_path / "in.txt"
    text.write_text(
        "Tjänsteutlåtande\n\n../../etc/passwd /abs a/b\n\nDnr ../../x\n\n"
        "Förvaltningen föreslår att nämnden godkänner.\n",
        encoding="utf-8",
    )
    target = tmp_path / "m" / "meeting.toml"
    target.parent.mkdir()
    shutil.copy(GOOD_MEETING, target)
    code, stdout, stderr = cli("import-text", str(text), "--append", str(target))
    before = all_files(tmp_path)
    assert before == {"in.txt", "m", "m/meeting.toml"}, (code, stderr)
    agenda = tmp_path / "agenda.txt"
    agenda.write_text(
        "../../etc\nFöredragningslista 2024-03-05\n\n1. /abs\n2. NUL\n3. ..\n", encoding="utf-8"
    )
    code, stdout, stderr = cli("import-agenda", str(agenda), "--out", str(tmp_path / "ny.toml"))
    assert all_files(tmp_path) - before <= {"agenda.txt", "ny.toml"}, (code, stderr)
    # nothing was written next to the working directory either
    assert not os.path.exists(os.path.join(os.getcwd(), "etc"))
