"""storage.atomic_write: permissions as a normal save would leave them, leftovers cleaned."""

from __future__ import annotations

import os
import stat
import time
from pathlib import Path

import pytest

from namndtui.storage import STALE_TEMP_SECONDS, atomic_write, typed_path

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_replaced_file_keeps_its_permissions(tmp_path: Path) -> None:
    target = tmp_path / "meeting.toml"
    target.write_text("a = 1\n")
    target.chmod(0o640)
    atomic_write(target, "a = 2\n")
    assert target.read_text() == "a = 2\n"
    assert mode(target) == 0o640


def test_a_new_file_gets_what_open_would_give_it(tmp_path: Path) -> None:
    old = os.umask(0o027)
    try:
        from namndtui import storage

        storage._new_file_mode.cache_clear()
        atomic_write(tmp_path / "protokoll.md", "x")
        (tmp_path / "plain.md").write_text("x")
    finally:
        os.umask(old)
        storage._new_file_mode.cache_clear()
    assert mode(tmp_path / "protokoll.md") == mode(tmp_path / "plain.md") == 0o640


def test_a_symlink_in_place_of_the_file_lends_it_no_permissions(tmp_path: Path) -> None:
    """Round 4: protokoll.html as a link to /dev/null (mode 0666) was replaced by minutes
    any local user could change; a link to a FIFO or device is no file to copy a mode from."""
    from namndtui import storage

    shared = tmp_path / "delad.html"
    shared.write_text("x")
    shared.chmod(0o666)
    link = tmp_path / "protokoll.html"
    link.symlink_to(shared)
    atomic_write(link, "<p>protokoll</p>")
    assert not link.is_symlink() and link.read_text() == "<p>protokoll</p>"
    assert mode(link) == storage._new_file_mode()  # as a new file, not the link's target's
    assert shared.read_text() == "x" and mode(shared) == 0o666  # the target untouched


def test_an_explicit_mode_wins(tmp_path: Path) -> None:
    target = tmp_path / "cache.json"
    target.write_text("{}")
    target.chmod(0o644)
    atomic_write(target, "{}", mode=0o600)
    assert mode(target) == 0o600


def test_stale_temp_files_of_the_same_name_are_removed(tmp_path: Path) -> None:
    stale = tmp_path / ".protokoll.toml.abc123.tmp"
    fresh = tmp_path / ".protokoll.toml.def456.tmp"  # another writer, mid-write
    other = tmp_path / ".protokoll.md.abc123.tmp"
    for leftover in (stale, fresh, other):
        leftover.write_text("half")
    old = time.time() - STALE_TEMP_SECONDS - 5
    os.utime(stale, (old, old))
    os.utime(other, (old, old))
    atomic_write(tmp_path / "protokoll.toml", "x = 1\n")
    assert not stale.exists()
    assert fresh.exists() and other.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        ".protokoll.md.abc123.tmp",
        ".protokoll.toml.def456.tmp",
        "protokoll.toml",
    ]


def test_typed_path_takes_a_path_as_it_is_pasted(tmp_path, monkeypatch) -> None:
    # the import form said "filen finns inte" for a path copied with its quotes
    target = tmp_path / "mitt utlåtande.txt"
    target.write_text("x", encoding="utf-8")
    monkeypatch.setenv("HOME", str(tmp_path))
    for pasted in (
        f'"{target}"',  # a file manager's "Copy as path"
        f"'{target}'",  # drag and drop into a terminal
        f"  {target}  ",
        str(target).replace(" ", "\\ "),  # drag and drop, backslash-escaped
        "file://" + str(target).replace(" ", "%20").replace("å", "%C3%A5"),
        "~/mitt utlåtande.txt",
    ):
        assert typed_path(pasted) == target, pasted
    assert typed_path("'") == Path("'")  # a lone quote is a name, not quotes
