"""Map TOML key paths to the line they are written on.

`tomllib` gives values but no positions, so validation messages would have no LINE. This
is a small line scanner, not a parser: run it only on text `tomllib` accepted. It tracks
`[table]` and `[[array]]` headers (with a 1-based counter per array, nested arrays such as
`[[items.sections]]` counted per parent element), dotted and quoted keys, and skips the
inside of multi-line strings and multi-line arrays so text in them never looks like a key.

A path is a tuple of keys and 1-based indexes: `("items", 3, "sections", 1, "title")`.
"""

from __future__ import annotations

import contextlib
import re

Path = tuple[str | int, ...]

_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")


class KeyLocator:
    """Line numbers (1-based) of the keys and table headers in a TOML text."""

    def __init__(self, text: str) -> None:
        # Scanned on the first lookup: a valid file never needs a line number, and the
        # scan costs about as much as tomllib's parse (150 ms for a 500-item meeting).
        self._text: str | None = text
        self._lines: dict[Path, int] = {}

    @property
    def lines(self) -> dict[Path, int]:
        if self._text is not None:
            text, self._text = self._text, None
            # Positions are a nicety: a scanner slip must never make validation fail.
            with contextlib.suppress(Exception):
                _Scanner(text, self._lines).run()
        return self._lines

    def line(self, path: Path) -> int | None:
        """Line of `path`, else of its nearest written ancestor (the table header when a
        key is missing), else None."""
        lines = self.lines
        path = tuple(path)
        while path:
            if path in lines:
                return lines[path]
            path = path[:-1]
        return None


class _Scanner:
    def __init__(self, text: str, lines: dict[Path, int]) -> None:
        self.text_lines = text.splitlines()
        self.lines = lines
        self.arrays: dict[Path, int] = {}  # array-of-tables path -> elements seen so far
        self.table: Path = ()
        self.ml: str | None = None  # open multi-line string delimiter
        self.depth = 0  # open brackets/braces of a value spanning lines

    def run(self) -> None:
        for lineno, line in enumerate(self.text_lines, start=1):
            if self.ml or self.depth:
                self._scan_value(line, 0)
                continue
            i = _skip_ws(line, 0)
            if i >= len(line) or line[i] == "#":
                continue
            if line.startswith("[[", i):
                parts, _ = _parse_key(line, i + 2)
                self._array_header(parts, lineno)
            elif line[i] == "[":
                parts, _ = _parse_key(line, i + 1)
                self._table_header(parts, lineno)
            else:
                parts, j = _parse_key(line, i)
                j = _skip_ws(line, j)
                if not parts or j >= len(line) or line[j] != "=":
                    continue
                self._register(self.table + tuple(parts), lineno)
                self._scan_value(line, j + 1)

    def _resolve(self, parts: list[str]) -> Path:
        """Path of a dotted header name, inserting the current index of every array."""
        path: Path = ()
        for part in parts:
            path += (part,)
            if path in self.arrays:
                path += (self.arrays[path],)
        return path

    def _array_header(self, parts: list[str], lineno: int) -> None:
        if not parts:
            return
        base = self._resolve(parts[:-1]) + (parts[-1],)
        self.arrays[base] = self.arrays.get(base, 0) + 1
        self.table = base + (self.arrays[base],)
        self._register(self.table, lineno)

    def _table_header(self, parts: list[str], lineno: int) -> None:
        if not parts:
            return
        self.table = self._resolve(parts)
        self._register(self.table, lineno)

    def _register(self, path: Path, lineno: int) -> None:
        # Every prefix too (first occurrence wins): `meeting.body = …` places `meeting`.
        for n in range(1, len(path) + 1):
            self.lines.setdefault(path[:n], lineno)

    def _scan_value(self, line: str, i: int) -> None:
        """Follow strings and brackets to the end of `line`, updating ml/depth."""
        n = len(line)
        while i < n:
            if self.ml:
                end = _find_close(line, i, self.ml)
                if end < 0:
                    return
                i = end
                self.ml = None
                continue
            c = line[i]
            if c == "#":
                return
            if line.startswith('"""', i) or line.startswith("'''", i):
                self.ml = line[i : i + 3]
                i += 3
            elif c in "\"'":
                i = _skip_string(line, i)
            elif c in "[{":
                self.depth += 1
                i += 1
            elif c in "]}":
                self.depth = max(0, self.depth - 1)
                i += 1
            else:
                i += 1


def _skip_ws(line: str, i: int) -> int:
    while i < len(line) and line[i] in " \t":
        i += 1
    return i


def _skip_string(line: str, i: int) -> int:
    """Index after the one-line string starting at line[i] (a quote)."""
    quote = line[i]
    i += 1
    while i < len(line):
        c = line[i]
        if c == "\\" and quote == '"':
            i += 2
            continue
        if c == quote:
            return i + 1
        i += 1
    return i


def _find_close(line: str, i: int, delim: str) -> int:
    """Index after the closing `delim` of a multi-line string, or -1 if not on this line."""
    while i < len(line):
        if line[i] == "\\" and delim == '"""':
            i += 2
            continue
        if line.startswith(delim, i):
            i += 3
            # Up to two quotes may directly precede the delimiter as content: `""""`.
            extra = 0
            while extra < 2 and i < len(line) and line[i] == delim[0]:
                i += 1
                extra += 1
            return i
        i += 1
    return -1


def _parse_key(line: str, i: int) -> tuple[list[str], int]:
    """Parse a (dotted, possibly quoted) key at line[i]; return its parts and end index."""
    parts: list[str] = []
    while True:
        i = _skip_ws(line, i)
        if i >= len(line):
            return parts, i
        c = line[i]
        if c in "\"'":
            end = _skip_string(line, i)
            raw = line[i:end]
            parts.append(_unquote(raw))
            i = end
        else:
            m = _BARE_KEY.match(line, i)
            if not m:
                return parts, i
            parts.append(m.group())
            i = m.end()
        i = _skip_ws(line, i)
        if i < len(line) and line[i] == ".":
            i += 1
            continue
        return parts, i


def _unquote(raw: str) -> str:
    if raw.startswith("'"):
        return raw[1:-1] if raw.endswith("'") and len(raw) > 1 else raw[1:]
    import tomllib

    try:  # let tomllib decode the escapes of a basic string
        return tomllib.loads(f"k = {raw}")["k"]
    except tomllib.TOMLDecodeError:
        return raw.strip('"')
