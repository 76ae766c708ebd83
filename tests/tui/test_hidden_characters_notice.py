"""The app warns, as `validate` does, about a bidi override hidden in the meeting file: the
notice shown once the first frame is up names the field (no Pilot run needed: the warning
is in the app's start warnings once the record is taken); and about one pasted into a live
act's text."""

from __future__ import annotations

from tests.minutes import scenario as sc
from tests.tui.live import FORENINGSBIDRAG, live, make_app, roll_call_at, run
from textual.events import Paste

from namndtui.tui.app import NamndApp


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


def test_a_hidden_override_typed_into_a_motion_is_said_once(example_folder, clock) -> None:
    """Pasted (or typed) into a live act's text, the override is recorded and shown
    visibly; one notice names the field, as validate names a meeting file's."""

    def warned(app: NamndApp) -> list[str]:
        return [n.message for n in app._notifications if "osynligt styrtecken" in n.message]

    async def go():
        async with live(example_folder, clock) as (app, pilot):
            await roll_call_at(pilot, FORENINGSBIDRAG)
            text = "Bidraget \u202esänks"  # a key drops it: pasted, as from a document
            await pilot.press("y", *"Alm", "enter", *["down"] * 6, "enter")
            app.focused.post_message(Paste(text))
            await pilot.pause()
            await pilot.press("enter")
            await pilot.pause()
            motions = app.state.paragraphs[app.screen.current_item.id].motions
            assert [m.text for m in motions] == [text]  # recorded as pasted
            [notice] = warned(app)
            assert notice.startswith("Varning: yrkandet: osynligt styrtecken U+202E")

    run(go())
