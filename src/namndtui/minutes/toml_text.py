"""TOML text out: basic strings, scalars and a table writer that also keeps, without a
re-parse, the document a TOML reader gets back from what it wrote (the seal is over that).

Key order, layout and quoting are fixed, so the same values always give the same bytes.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

_BARE = re.compile(r"[A-Za-z0-9_-]+")
_ESCAPES = {
    "\\": "\\\\",
    '"': '\\"',
    "\b": "\\b",
    "\t": "\\t",
    "\n": "\\n",
    "\f": "\\f",
    "\r": "\\r",
}


# TOML must escape C0 and DEL; C1 is escaped too, so `cat protokoll.toml` runs nothing.
_NEEDS_ESCAPE = re.compile(r'[\\"\x00-\x1f\x7f-\x9f]')
_NEEDS_ESCAPE_ML = re.compile(r'[\\"\x00-\x08\x0b-\x1f\x7f-\x9f]')


def _escape(match: re.Match[str]) -> str:
    c = match.group()
    return _ESCAPES.get(c) or f"\\u{ord(c):04X}"


def toml_string(text: str) -> str:
    """A TOML basic string; text with line breaks as a multi-line basic string.

    In the multi-line form every quote is escaped, so no run of three can end it early.
    """
    if "\n" in text:
        return '"""\n' + _NEEDS_ESCAPE_ML.sub(_escape, text) + '"""'
    return '"' + _NEEDS_ESCAPE.sub(_escape, text) + '"'


def scalar(value: Any) -> str:
    """A TOML value: bool, int, string, time (to the second), date, inline table or array
    (one line when it fits in 80 columns)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, str):
        return toml_string(value)
    if isinstance(value, dt.time):
        return value.isoformat(timespec="seconds")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dict):
        pairs = ", ".join(f"{toml_key(k)} = {scalar(v)}" for k, v in value.items())
        return "{ " + pairs + " }"
    if isinstance(value, list):
        inner = [scalar(v) for v in value]
        one_line = "[" + ", ".join(inner) + "]"
        if len(one_line) <= 80 and all("\n" not in v for v in inner):
            return one_line
        return "[\n" + "".join(f"  {v},\n" for v in inner) + "]"
    raise TypeError(type(value))  # pragma: no cover - the writer only passes the above


def toml_key(key: str) -> str:
    """A bare key when it may be one, else a quoted key."""
    return key if _BARE.fullmatch(key) else toml_string(key)


class TableWriter:
    """Lines of TOML, the tables as written, and the document they read back as."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.tables: list[tuple[str, dict[str, Any]]] = []  # (header, values) as written
        self.document: dict[str, Any] = {}  # what a reader gets back (for the seal)

    def table(self, header: str, values: dict[str, Any], *, array: bool = False) -> None:
        if self.lines:
            self.lines.append("")
        self.lines.append(f"[[{header}]]" if array else f"[{header}]")
        self.tables.append((header, values))
        self.values(values)
        parent, _, child = header.rpartition(".")
        into = self.document.get(parent) if parent else self.document
        table = as_read(values)
        if not isinstance(into, dict):  # a § sub-table: the caller places it
            return
        if array:
            into.setdefault(child, []).append(table)
        else:
            into[child] = table

    def values(self, values: dict[str, Any]) -> None:
        for key, value in values.items():
            if value is None:
                continue
            self.lines.append(f"{toml_key(key)} = {scalar(value)}")
            if not self.tables:  # a root key
                self.document[key] = as_read(value)

    def text(self) -> str:
        return "\n".join(self.lines) + "\n"


def nonempty(values: dict[str, Any], keep: tuple[str, ...] = ()) -> dict[str, Any]:
    """Drop empty strings/lists (but not False/0) unless the key is in `keep`."""
    return {k: v for k, v in values.items() if k in keep or not (v == "" or v == [] or v is None)}


def as_read(value: Any) -> Any:
    """A value as a TOML reader gets it back from what `scalar` writes (no re-parse)."""
    if isinstance(value, dict):
        return {k: as_read(v) for k, v in value.items() if v is not None}
    if isinstance(value, (list, tuple)):
        return [as_read(v) for v in value]
    if isinstance(value, dt.time):  # written to the second
        return value.replace(microsecond=0)
    return value
