"""The user's settings applied to the app (namndtui/settings.py loads them): the theme,
kept in the file when changed in the palette, and the [keys] keymap (App.set_keymap), which
the footer, the help and the palette then show."""

from __future__ import annotations

import difflib
from typing import Any

from namndtui.settings import UserSettings, save_theme
from namndtui.tomlcheck import Problem, ProblemsError, quote


def _bindings(app: Any) -> list[Any]:
    from textual.binding import Binding

    from namndtui.tui.bindings import MEETING_BINDINGS

    return [b for b in [*MEETING_BINDINGS, *type(app).BINDINGS] if isinstance(b, Binding)]


def binding_ids(app: Any) -> set[str]:
    """Every binding id of the app and its screens' binding lists."""
    return {b.id for b in _bindings(app) if b.id}


def _clashes(app: Any, settings: UserSettings) -> list[Problem]:
    """A key the file gives to one action that another already has on the meeting screen:
    `"app.quit" = "b"` made b quit the app instead of recording Bifall, without a word."""
    owner: dict[str, Any] = {}
    for binding in _bindings(app):
        keys = settings.keys.get(binding.id, binding.key) if binding.id else binding.key
        for key in (k.strip() for k in keys.split(",")):
            owner.setdefault(key, []).append(binding)
    found = []
    for binding_id, keys in settings.keys.items():
        for key in (k.strip() for k in keys.split(",")):
            others = [b for b in owner.get(key, []) if b.id != binding_id]
            if others:
                other = others[0]
                what = f"{quote(other.id)} ({other.description})" if other.id else other.description
                found.append(
                    settings.problem(
                        ("keys", binding_id),
                        f"tangenten {quote(key)} används redan av {what} – välj en annan",
                    )
                )
    return found


def problems(app: Any, settings: UserSettings) -> list[Problem]:
    """Unknown binding ids and an unknown theme, each located `FILE:LINE: key: …`."""
    found = []
    known = binding_ids(app)
    for binding_id in settings.keys:
        if binding_id not in known:
            close = difflib.get_close_matches(binding_id, sorted(known), n=1)
            hint = f" – menade du {quote(close[0])}?" if close else " (se docs/settings.md)"
            found.append(settings.problem(("keys", binding_id), f"okänt id{hint}"))
    if not found:  # (an unknown id has no binding to clash with)
        found += _clashes(app, settings)
    if settings.theme is not None and settings.theme not in app.available_themes:
        names = ", ".join(sorted(app.available_themes))
        found.append(
            settings.problem(("theme",), f"okänt tema {quote(settings.theme)} (finns: {names})")
        )
    return found


def apply(app: Any, settings: UserSettings) -> None:
    """Refuse unknown binding ids and themes (ProblemsError, exit 1: located Swedish lines),
    else set the keymap, the theme and the minutes' settings, all from the parsed file."""
    found = problems(app, settings)
    if found:
        raise ProblemsError(found)
    if settings.keys:
        app.set_keymap(dict(settings.keys))
    if settings.minutes is not None:  # the minutes the app writes follow the municipality's
        app.protokoll_settings = settings.minutes
    if settings.theme is not None:
        app.theme = settings.theme

    def keep(theme: Any) -> None:
        save_theme(settings.path, theme.name)

    # (a signal takes subscribers once the app runs: the first message it handles)
    app.call_later(app.theme_changed_signal.subscribe, app, keep)
