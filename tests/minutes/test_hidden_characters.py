"""Bidi overrides and other hidden format characters ("Trojan Source": U+202E prints
"Karin Ek" backwards) are kept in the files but shown as ⟨U+202E⟩ in the minutes and the
app, and `validate` warns about each, naming the field (QA: they passed into the
published minutes unescaped, so the printed name read differently from the stored one)."""

from __future__ import annotations

from tests.minutes import scenario as sc

from namndtui.cli import main
from namndtui.meetingfile import load_meeting
from namndtui.minutes.html import render_html
from namndtui.minutes.markdown import render_markdown
from namndtui.minutes.model import Minutes
from namndtui.minutes.protokoll_read import parse_protokoll_text
from namndtui.minutes.protokoll_write import render_toml
from namndtui.record import events as ev
from namndtui.record.fold import fold
from namndtui.textcheck import hidden_characters, visible

HIDDEN = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200b\u2060\ufeff"


def _spoofed(tmp_path):
    folder = sc.copy_tree(tmp_path)
    path = folder / "meeting.toml"
    text = path.read_text(encoding="utf-8")
    assert text.count('name = "Karin Ek"') == 1 and "Budgeten är i balans" in text
    text = text.replace('name = "Karin Ek"', 'name = "\u202eKarin Ek\u202c"')
    path.write_text(text.replace("Budgeten är i balans", "Budgeten \u2066är\u2069 i balans"))
    return folder


def test_every_hidden_character_is_shown_and_named() -> None:
    for char in HIDDEN:
        shown = visible(f"a{char}b")
        assert shown == f"a⟨U+{ord(char):04X}⟩b" and visible(shown) == shown
        assert f"U+{ord(char):04X} (" in hidden_characters(f"a{char}b")
    assert hidden_characters("Anna \u200fBerg e\u0301 👩\u200d👧") == ""  # RLM, ZWJ kept


def test_minutes_show_the_override_and_keep_the_stored_name(tmp_path) -> None:
    meeting = load_meeting(_spoofed(tmp_path) / "meeting.toml")
    chair = meeting.members[0].name
    assert chair == "\u202eKarin Ek\u202c"
    item = meeting.items[0].id
    state = fold(meeting, [ev.AttendanceSet(chair, True), ev.ItemCalled(item, "18:01")])
    minutes = Minutes(meeting, state)
    for out in (render_markdown(minutes), render_html(minutes)):
        assert "⟨U+202E⟩Karin Ek⟨U+202C⟩" in out
        assert not any(char in out for char in HIDDEN)
    again = parse_protokoll_text(render_toml(minutes))
    assert again.meeting.members[0].name == chair  # stored as it was: data, never dropped


def test_validate_warns_naming_the_field_and_the_file_stays_valid(tmp_path, capsys) -> None:
    folder = _spoofed(tmp_path)
    assert main(["validate", str(folder / "meeting.toml")]) == 0
    out = capsys.readouterr().out
    assert "giltig" in out
    name = next(line for line in out.splitlines() if "members[1].name" in line)
    assert ":15: varning: members[1].name: osynligt styrtecken U+202C" in name
    assert "U+202E (höger-till-vänster-åsidosättning)" in name
    assert "varning: items[1].summary: osynligt styrtecken U+2066" in out
    assert not any(char in out for char in HIDDEN)  # the warning itself shows none raw


def test_validate_warns_about_them_in_a_protokoll_too(tmp_path, capsys) -> None:
    folder = _spoofed(tmp_path)
    assert main(["export", str(folder)]) == 0
    (folder / "meeting.toml").unlink()  # an archived protokoll alone
    capsys.readouterr()
    assert main(["validate", str(folder / "protokoll.toml")]) == 0
    out = capsys.readouterr().out
    assert "giltigt protokoll" in out and "varning: members[1].name: osynligt styrtecken" in out
