"""`export --force` killed between recording the new version and writing its files
(round 4, kill -9 during export): running it again finishes that version instead of
recording one more version of the same change (found by a kill sweep of 16 runs)."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.minutes import scenario as sc

from namndtui.minutes import write as write_module
from namndtui.minutes.protokoll_read import load_protokoll
from namndtui.minutes.source import load_meeting_for_record

from .conftest import cli


class Killed(BaseException):
    """What SIGKILL does to the process at that point: nothing after it runs."""


@pytest.fixture
def justered_and_edited(tmp_path) -> Path:
    folder = sc.copy_tree(tmp_path)
    meeting = load_meeting_for_record(folder / "meeting.toml")
    sc.record_meeting(folder, meeting, sc.meeting_events()).close()
    assert cli("export", str(folder), "--justerat", "2024-03-07")[0] == 0
    path = folder / "meeting.toml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('place = "', 'place = "Nya salen, ', 1), encoding="utf-8")
    return folder


def test_force_again_after_a_kill_finishes_the_version_it_recorded(
    justered_and_edited, monkeypatch
):
    folder = justered_and_edited

    def killed(*_args, **_kwargs):
        raise Killed

    with monkeypatch.context() as patch:
        patch.setattr(write_module, "write_files", killed)
        with pytest.raises(Killed):
            cli("export", str(folder), "--force")
    kept = sorted(p.name for p in folder.glob("protokoll.v*"))
    assert kept == ["protokoll.v1.md", "protokoll.v1.toml"]  # copied, recorded, not written
    code, _out, err = cli("export", str(folder), "--force")
    assert code == 0, err
    assert sorted(p.name for p in folder.glob("protokoll.v*")) == kept  # no second copy
    minutes = load_protokoll(folder / "protokoll.toml")
    assert [(r.version, r.previous) for r in minutes.state.revisions] == [(2, "protokoll.v1.toml")]
    assert "Nya salen" in minutes.meeting.place
    assert cli("validate", str(folder))[0] == 0


def test_a_plain_export_after_the_kill_writes_the_recorded_version(
    justered_and_edited, monkeypatch
):
    folder = justered_and_edited
    with monkeypatch.context() as patch:
        patch.setattr(write_module, "write_files", lambda *a, **k: (_ for _ in ()).throw(Killed))
        with pytest.raises(Killed):
            cli("export", str(folder), "--force")
    code, _out, err = cli("export", str(folder))  # what the secretary may well type instead
    assert code == 0, err
    assert len(load_protokoll(folder / "protokoll.toml").state.revisions) == 1


def test_an_edit_after_the_recorded_version_is_still_refused(justered_and_edited, monkeypatch):
    """The finish is allowed only for exactly the minutes the journal sealed."""
    folder = justered_and_edited
    with monkeypatch.context() as patch:
        patch.setattr(write_module, "write_files", lambda *a, **k: (_ for _ in ()).throw(Killed))
        with pytest.raises(Killed):
            cli("export", str(folder), "--force")
    path = folder / "meeting.toml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("Nya salen, ", "Tredje salen, ", 1), encoding="utf-8")
    code, _out, err = cli("export", str(folder))
    assert code == 2 and "skrivs inte om" in err
