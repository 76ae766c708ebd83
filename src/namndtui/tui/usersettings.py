"""The user's settings applied to the app (namndtui/settings.py loads them): the theme,
kept in the file when changed in the palette, and the [keys] keymap (App.set_keymap), which
the footer, the help and the palette then show."""

from __future__ import annotations

import difflib
from typing import Any

from namndtui.errors import UserError
from namndtui.settings import UserSettings, save_theme


def binding_ids(app: Any) -> set[str]:
    """Every binding id of the app and its screens' binding lists."""
    from namndtui.tui.bindings import MEETING_BINDINGS

    ids = {b.id for b in MEETING_BINDINGS if getattr(b, "id", None)}
    return ids | {b.id for b in type(app).BINDINGS if getattr(b, "id", None)}


def apply(app: Any, settings: UserSettings) -> None:
    """Refuse unknown binding ids and themes (UserError, a Swedish line naming the file)."""
    known = binding_ids(app)
    for binding_id in settings.keys:
        if binding_id not in known:
            close = difflib.get_close_matches(binding_id, sorted(known), n=1)
            hint = f" – menade du {close[0]!r}?" if close else " (se docs/settings.md)"
            raise UserError(f"{settings.path}: [keys] okänt id {binding_id!r}{hint}", 1)
    if settings.keys:
        app.set_keymap(dict(settings.keys))
    if settings.protokoll is not None:  # the minutes the app writes follow the municipality's
        from namndtui.minutes.settings import load_settings_file

        app.protokoll_settings = load_settings_file(settings.path)
    if settings.theme is not None:
        if settings.theme not in app.available_themes:
            names = ", ".join(sorted(app.available_themes))
            raise UserError(f"{settings.path}: okänt tema {settings.theme!r} (finns: {names})", 1)
        app.theme = settings.theme

    def keep(theme: Any) -> None:
        save_theme(settings.path, theme.name)

    # (a signal takes subscribers once the app runs: the first message it handles)
    app.call_later(app.theme_changed_signal.subscribe, app, keep)
