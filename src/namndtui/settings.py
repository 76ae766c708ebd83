"""The user's settings: a TOML file in the user's config folder (platformdirs:
~/.config/namndtui/namndtui.toml on Linux), or the file given with `--config FIL`.

    theme = "nord"                 # the colour theme; kept when changed in the palette
    [keys]                         # binding id → key (docs/settings.md lists the ids)
    "agenda.down" = "down"
    [protokoll]                    # the municipality's defaults for the minutes
    ...                            # (its meaning and checks: minutes/settings.py)

A missing file is the defaults. The file is read and parsed ONCE at start-up: `[protokoll]`
is checked here too and handed on parsed (`UserSettings.minutes`), and what only the app can
check (binding ids, theme names) is located later from the kept text (`problem`). Problems
are located Swedish lines, as for meeting.toml (tomlcheck); the app then refuses to start
with them (exit 1 for findings, 2 for a file that cannot be read). Core module: no Textual.
"""

from __future__ import annotations

import re
from dataclasses import field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from namndtui.datatypes import frozen
from namndtui.storage import os_reason, read_input
from namndtui.tomlcheck import (
    EXIT_UNREADABLE,
    Problem,
    ProblemsError,
    Reader,
    format_path,
    parse_toml,
    quote,
)
from namndtui.tomlpos import KeyLocator
from namndtui.tomlpos import Path as KeyPath

if TYPE_CHECKING:
    from namndtui.minutes.settings import ProtokollSettings

FILENAME = "namndtui.toml"
TOP = {"theme": "str", "keys": "table", "protokoll": "table"}


@frozen
class UserSettings:
    """The user's settings as read (the defaults when there is no file)."""

    path: Path
    theme: str | None = None
    keys: dict[str, str] = field(default_factory=dict)
    protokoll: dict[str, Any] | None = None  # the raw table, as written
    minutes: ProtokollSettings | None = None  # [protokoll] checked (minutes/settings.py)
    text: str = field(default="", repr=False)  # the file's text, to locate later findings

    def problem(self, path: KeyPath, message: str) -> Problem:
        """A finding about the key at `path`, located `FILE:LINE: key: message`."""
        line = KeyLocator(self.text).line(path) if self.text else None
        return Problem(str(self.path), line, f"{format_path(path)}: {message}")


def default_path() -> Path:
    import platformdirs

    return Path(platformdirs.user_config_dir("namndtui")) / FILENAME


class _Reader(Reader):
    def check(self, data: dict[str, Any]) -> dict[str, Any]:
        values = self.table(data, (), TOP)
        keys = values.get("keys", {})
        for binding_id, key in keys.items():
            if isinstance(key, dict):  # `app.quit = "x"` unquoted: a dotted key, a table
                self._dotted(("keys", binding_id), key)
            elif not isinstance(key, str):
                self.wrong_type(("keys", binding_id), "str", key)
            elif not key.strip():  # "fel typ: väntade text, fick text" said nothing
                self.report(("keys", binding_id), 'tangenten saknas – skriv t.ex. "ctrl+q"')
        return values

    def _dotted(self, path: KeyPath, table: dict[str, Any]) -> None:
        for part, value in table.items():
            if isinstance(value, dict):
                self._dotted(path + (part,), value)
                continue
            whole = ".".join(str(p) for p in path[1:] + (part,))
            self.report(
                path + (part,),
                f"ett id med punkt skrivs inom citattecken: {quote(whole)} = {quote(str(value))}",
            )


def load_user_settings(path: Path | None = None) -> UserSettings:
    """The settings at `path` (None: the user's config folder); defaults when missing."""
    path = path or default_path()
    try:  # a FIFO or /dev/zero given as the file: refused, never a hang
        text = read_input(path).decode("utf-8")
    except FileNotFoundError:
        return UserSettings(path)
    except UnicodeDecodeError:
        raise ProblemsError(
            [Problem(str(path), None, "filen är inte UTF-8-text")], EXIT_UNREADABLE
        ) from None
    except OSError as err:
        raise ProblemsError([Problem(str(path), None, os_reason(err))], EXIT_UNREADABLE) from None
    data = parse_toml(text, str(path))
    reader = _Reader(text, str(path))
    values = reader.check(data)
    problems = list(reader.problems)
    minutes = None
    if "protokoll" in values:
        from namndtui.minutes.settings import settings_from_table

        try:
            minutes = settings_from_table(
                values["protokoll"], text, str(path), base_dir=path.parent
            )
        except ProblemsError as err:
            problems += err.problems
    if problems:
        raise ProblemsError(problems)
    keys = {k: v for k, v in values.get("keys", {}).items() if isinstance(v, str)}
    return UserSettings(path, values.get("theme"), keys, values.get("protokoll"), minutes, text)


def save_theme(path: Path, theme: str) -> None:
    """Write `theme` into the settings file, keeping everything else in it as written:
    its comments, order and layout (the user's file, not ours: rewriting it from the parsed
    table lost every comment). A file that cannot be read, or where the line cannot be
    changed safely, is left as it is."""
    from namndtui.storage import atomic_write

    try:
        text = read_input(path).decode("utf-8") if path.exists() else ""
        data = parse_toml(text, str(path)) if text.strip() else {}
    except (OSError, ProblemsError, UnicodeDecodeError):
        return  # a file we cannot read is not overwritten
    if data.get("theme") == theme:
        return
    changed = _with_theme(text, theme)
    try:
        if parse_toml(changed, str(path)) != {**data, "theme": theme}:
            return  # (never expected: the line was not what it seemed)
    except ProblemsError:
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write(path, changed.encode("utf-8"))


# Compiled (and cached by `re`) when the theme is saved, not at start-up.
_THEME_LINE = (
    r"""(?m)^(?P<head>[ \t]*(?:theme|"theme"|'theme')[ \t]*=[ \t]*)"""
    r"""(?:"(?:[^"\\\n]|\\.)*"|'[^'\n]*')(?P<tail>[ \t]*(?:#.*)?)$"""
)


def _with_theme(text: str, theme: str) -> str:
    """`text` with its top-level `theme = …` set to `theme`, or the line added before the
    first table (after the opening comments)."""
    import json

    value = json.dumps(theme, ensure_ascii=False)  # a TOML basic string for a theme name
    header = re.search(r"^[ \t]*\[", text, re.MULTILINE)
    top = text[: header.start()] if header else text
    if match := re.search(_THEME_LINE, top):
        return (
            text[: match.start()] + f"{match['head']}{value}{match['tail']}" + text[match.end() :]
        )
    lines = top.splitlines(keepends=True)
    at = 0
    while at < len(lines) and lines[at].lstrip().startswith("#"):
        at += 1
    if lines and not lines[-1].endswith("\n"):
        lines[-1] += "\n"
    lines.insert(at, f"theme = {value}\n")
    return "".join(lines) + text[len(top) :]
