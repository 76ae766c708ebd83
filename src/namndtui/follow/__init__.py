"""The live follow view of a meeting (`namndtui follow`): what the room's screen and the
chair's laptop show, as plain text built from the record and the minutes' phrasing. No
Textual here (the screens are in namndtui.tui.follow_app)."""
