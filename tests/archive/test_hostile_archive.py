"""The archive on a hostile machine (round 4): folder names that are not UTF-8, an index
that cannot be created or updated (a full disk), said in one Swedish line, never a
traceback; a search on a full disk still searches what the index holds."""

from __future__ import annotations

import contextlib
import io
import os
import sqlite3
from pathlib import Path

import pytest
from tests.archive.helpers import small_archive

from namndtui.archive import build as build_module
from namndtui.archive.index import ArchiveIndex, IndexNotUpdated, sqlite_reason
from namndtui.cli import main
from namndtui.commands import search as search_command


def cli(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(argv))
    return code, out.getvalue(), err.getvalue()


def _bytes_folder(parent: Path, name: bytes) -> Path:
    """A folder whose name is the raw bytes `name` (skipped where the file system refuses)."""
    try:
        os.mkdir(os.fsencode(parent) + b"/" + name)
    except OSError:
        pytest.skip("the file system refuses names that are not UTF-8")
    return parent / os.fsdecode(name)


def test_a_folder_name_that_is_not_utf8_is_a_problem_not_a_traceback(tmp_path):
    archive = small_archive(tmp_path / "arkiv")
    odd = _bytes_folder(archive, b"\xff\xfe-m\xf6te")  # Latin-1 "möte", from an old NAS
    (odd / "protokoll.toml").write_bytes(
        (archive / "hasselby" / "2007-09-25" / "protokoll.toml").read_bytes()
    )
    code, out, err = cli("search", "fritidsgård", "--archive", str(archive))
    assert code == 0, err
    assert "Traceback" not in err and len(out.splitlines()) == 1  # the readable copy
    assert "��-m�te: namnet är inte UTF-8-text och hoppas över" in err
    code, out, err = cli("reindex", "--archive", str(archive))
    assert code == 0 and "1 som inte kunde läsas" in out, out + err


def test_an_archive_whose_own_path_is_not_utf8_is_searched(tmp_path):
    root = _bytes_folder(tmp_path, b"arkiv-\xe5r")
    archive = small_archive(root)
    code, out, err = cli("search", "fritidsgård", "--archive", str(archive))
    assert code == 0 and len(out.splitlines()) == 1, err


def test_an_index_that_cannot_be_created_is_said_in_swedish(tmp_path):
    archive = small_archive(tmp_path / "arkiv")
    (archive / ".namndtui-index.sqlite").mkdir()  # what sits where the index goes
    code, _out, err = cli("search", "fritidsgård", "--archive", str(archive))
    assert code == 2 and err.strip().endswith("indexet kan inte skapas: är en mapp"), err


def test_sqlite_messages_are_swedish():
    assert sqlite_reason(sqlite3.OperationalError("database or disk is full")) == "disken är full"
    assert sqlite_reason(sqlite3.OperationalError("disk I/O error")).startswith("läs- eller")
    assert sqlite_reason(sqlite3.OperationalError("attempt to write a readonly database")) == (
        "skrivskyddat filsystem"
    )


def test_a_full_disk_during_an_update_keeps_the_index_and_the_search(tmp_path, monkeypatch):
    """The disk filled while the index was updated: the update raised sqlite's English
    OperationalError as a traceback (and first deleted the whole index to rebuild it)."""
    archive = small_archive(tmp_path / "arkiv")
    ArchiveIndex(archive).update()
    later = archive / "hasselby" / "2007-11-20"
    later.mkdir()
    (later / "protokoll.toml").write_bytes(
        (archive / "kultur" / "2008" / "2008-01-15" / "protokoll.toml").read_bytes()
    )

    def full(*_args, **_kwargs):
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(build_module.Writer, "apply", full)
    index = ArchiveIndex(archive)
    with pytest.raises(IndexNotUpdated, match="indexet kunde inte uppdateras: disken är full"):
        index.update()
    index.close()
    monkeypatch.setattr(search_command, "FRESH_FOR", 0.0)  # check now, not skipped as fresh
    code, out, err = cli("search", "fritidsgård", "--archive", str(archive))
    assert code == 0 and len(out.splitlines()) == 1, err  # what the index held
    assert "disken är full; sökningen gäller det som redan fanns i indexet" in err
    assert "Traceback" not in err and "byggts om" not in err
    code, _out, err = cli("reindex", "--archive", str(archive))
    assert code == 2 and "disken är full" in err and "Traceback" not in err
