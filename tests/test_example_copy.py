"""`namndtui` without a path records into the user's own working copy of the example."""

from __future__ import annotations

from pathlib import Path

from namndtui.commands import open_app


def test_example_copy_is_stable_and_keeps_what_was_recorded(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    bundled = open_app.example_meeting_path()
    first = open_app._example_copy(bundled)
    assert first == tmp_path / "namndtui" / "exempel" / bundled.parent.name / "meeting.toml"
    assert first.read_bytes() == bundled.read_bytes()

    # Something recorded, then a restart: the same folder, the journal untouched.
    journal = first.parent / "journal.jsonl"
    journal.write_text("recorded\n", encoding="utf-8")
    first.write_text(first.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    second = open_app._example_copy(bundled)
    assert second == first
    assert journal.read_text(encoding="utf-8") == "recorded\n"
    assert second.read_text(encoding="utf-8").endswith("# edited\n")  # not replaced


def test_example_copy_is_refreshed_while_nothing_is_recorded(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    bundled = open_app.example_meeting_path()
    copy = open_app._example_copy(bundled)
    copy.write_text("stale", encoding="utf-8")
    assert open_app._example_copy(bundled).read_bytes() == bundled.read_bytes()


def test_unwritable_data_folder_falls_back_to_a_temporary_copy(tmp_path, monkeypatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("XDG_DATA_HOME", str(blocker))
    copy = open_app._example_copy(open_app.example_meeting_path())
    assert copy.is_file() and not str(copy).startswith(str(blocker))
    assert Path(copy).read_bytes() == open_app.example_meeting_path().read_bytes()
