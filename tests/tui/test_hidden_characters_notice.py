"""The app warns, as `validate` does, about a bidi override hidden in the meeting file: the
notice shown once the first frame is up names the field (no Pilot run needed: the warning
is in the app's start warnings once the record is taken)."""

from __future__ import annotations

from tests.minutes import scenario as sc
from tests.tui.live import make_app


def test_a_hidden_override_in_a_name_is_a_start_warning(tmp_path, clock) -> None:
    folder = sc.copy_tree(tmp_path)
    path = folder / "meeting.toml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('name = "Karin Ek"', 'name = "\u202eKarin Ek"'))
    app = make_app(folder, clock)
    hidden = [w for w in app.start_warnings if "osynligt styrtecken" in w]
    assert len(hidden) == 1
    assert "meeting.toml:15: members[1].name: osynligt styrtecken U+202E" in hidden[0]
    assert "\u202e" not in hidden[0]  # the warning names the character, never carries it


def test_a_plain_meeting_has_no_such_warning(tmp_path, clock) -> None:
    app = make_app(sc.copy_tree(tmp_path), clock)
    assert not [w for w in app.start_warnings if "osynligt styrtecken" in w]
