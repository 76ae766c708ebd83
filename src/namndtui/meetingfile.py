"""meeting.toml → `Meeting`, reporting every problem with file, line and key path.

Messages are Swedish (the users are secretaries) and look like
`meeting.toml:14: items[3].title: obligatorisk nyckel saknas`. Arrays are counted from 1
(`items[3]` is the third `[[items]]`). The format is documented in docs/meeting-format.md.
"""

from __future__ import annotations

import datetime as dt
import difflib
import json
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from namndtui.errors import UserError
from namndtui.model import (
    FORMAT_MEETING,
    ITEM_ID_PATTERN,
    ROLES,
    Item,
    Meeting,
    Member,
    Official,
    Section,
)
from namndtui.tomlpos import KeyLocator

MEETING_FILENAME = "meeting.toml"

EXIT_FINDINGS = 1  # the file is TOML but not a valid meeting
EXIT_UNREADABLE = 2  # the file cannot be read or parsed at all

_ID_RE = re.compile(ITEM_ID_PATTERN)


@dataclass(frozen=True)
class Problem:
    """One finding: `FILE:LINE: message` (or `FILE: message` when the line is unknown)."""

    file: str
    line: int | None
    message: str

    def __str__(self) -> str:
        if self.line is None:
            return f"{self.file}: {self.message}"
        return f"{self.file}:{self.line}: {self.message}"


class MeetingFileError(UserError):
    """A meeting file that cannot be used; `.problems` holds every finding."""

    def __init__(self, problems: list[Problem], exit_code: int = EXIT_FINDINGS) -> None:
        super().__init__("\n".join(str(p) for p in problems), exit_code)
        self.problems = problems


# --- the schema -------------------------------------------------------------------------
# kind: "str", "date", "time", "pos_int", "bool", "str_list", "tables"
# Key order is FORMAT.md's order; writers follow it.

_ROOT_KEYS = {
    "format": "str",
    "meeting": "table",
    "members": "tables",
    "officials": "tables",
    "items": "tables",
}
_MEETING_KEYS = {
    "body": "str",
    "date": "date",
    "start": "time",
    "place": "str",
    "first_paragraph": "pos_int",
    "secretary": "str",
    "kept_at": "str",
}
_MEETING_REQUIRED = ("body", "date")
_MEMBER_KEYS = {"name": "str", "party": "str", "role": "str"}
_OFFICIAL_KEYS = {"name": "str", "title": "str"}
_ITEM_KEYS = {
    "id": "str",
    "title": "str",
    "category": "str",
    "dnr": "str",
    "officer": "str",
    "summary": "text",
    "background": "text",
    "proposal": "text",
    "preparation": "text",
    "proposed_decision": "str_list",
    "immediate_justification": "bool",
    "attachments": "str_list",
    "sections": "tables",
}
_SECTION_KEYS = {"title": "str", "text": "text"}

_EXPECTED = {
    "str": "text",
    "text": "text",
    "date": "datum (t.ex. 2007-10-23, utan citattecken)",
    "time": "klockslag (t.ex. 19:00:00, utan citattecken)",
    "pos_int": "positivt heltal",
    "bool": "true eller false",
    "str_list": 'lista av texter (t.ex. ["…", "…"])',
    "tables": "lista av tabeller",
    "table": "tabell",
}


def _kind_of(value: Any) -> str:
    """Swedish name of a TOML value's type, for 'fel typ' messages."""
    if isinstance(value, bool):
        return "sant/falskt"
    if isinstance(value, int):
        return "heltal"
    if isinstance(value, float):
        return "decimaltal"
    if isinstance(value, str):
        return "text"
    if isinstance(value, dt.datetime):
        return "datum och tid"
    if isinstance(value, dt.date):
        return "datum"
    if isinstance(value, dt.time):
        return "klockslag"
    if isinstance(value, list):
        return "lista"
    if isinstance(value, dict):
        return "tabell"
    return type(value).__name__  # pragma: no cover - tomllib yields nothing else


def _quote(text: str) -> str:
    """A user value in a message: quoted, control characters escaped."""
    return json.dumps(text, ensure_ascii=False)


def format_path(path: tuple[str | int, ...]) -> str:
    """('items', 3, 'title') -> 'items[3].title'; odd keys are quoted."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            key = part if re.fullmatch(r"[A-Za-z0-9_-]+", part) else _quote(part)
            out += f".{key}" if out else key
    return out


def clean_text(text: str) -> str:
    """Section text as given, minus blank lines at its start and end."""
    lines = text.split("\n")
    while lines and not lines[0].strip():
        lines.pop(0)
    while lines and not lines[-1].strip():
        lines.pop()
    return "\n".join(lines)


def suggest_id(text: str) -> str:
    """A valid item id close to `text` ('Ansökan Länsstyrelsen' -> 'ansokan-lansstyrelsen')."""
    table = str.maketrans({"å": "a", "ä": "a", "ö": "o", "é": "e", "ü": "u"})
    slug = re.sub(r"[^a-z0-9]+", "-", text.lower().translate(table))
    return slug.strip("-")


# --- checking ----------------------------------------------------------------------------


class _Checker:
    def __init__(self, text: str, filename: str, data: dict[str, Any]) -> None:
        self.filename = filename
        self.data = data
        self.locator = KeyLocator(text)
        self.problems: list[Problem] = []

    def report(self, path: tuple[str | int, ...], message: str) -> None:
        line = self.locator.line(path)
        self.problems.append(Problem(self.filename, line, f"{format_path(path)}: {message}"))

    # generic table check: unknown keys, required keys, types --------------------------
    def table(
        self,
        table: dict[str, Any],
        path: tuple[str | int, ...],
        spec: dict[str, str],
        required: tuple[str, ...] = (),
    ) -> dict[str, Any]:
        """Checked values of `table` (only keys that passed); problems reported."""
        out: dict[str, Any] = {}
        for key, value in table.items():
            if key not in spec:
                self.unknown_key(path + (key,), key, spec)
                continue
            checked = self.value(path + (key,), spec[key], value)
            if checked is not None:
                out[key] = checked
        for key in required:
            if key not in table:
                self.report(path + (key,), "obligatorisk nyckel saknas")
            elif key in out and isinstance(out[key], str) and not out[key].strip():
                self.report(path + (key,), "får inte vara tom")
                del out[key]
        return out

    def unknown_key(self, path: tuple[str | int, ...], key: str, spec: dict[str, str]) -> None:
        close = difflib.get_close_matches(key, list(spec), n=1, cutoff=0.6)
        if close:
            self.report(path, f"okänd nyckel – menade du {_quote(close[0])}?")
        else:
            self.report(path, f"okänd nyckel (tillåtna: {', '.join(spec)})")

    def wrong_type(
        self, path: tuple[str | int, ...], kind: str, value: Any, hint: str = ""
    ) -> None:
        self.report(path, f"fel typ: väntade {_EXPECTED[kind]}, fick {_kind_of(value)}{hint}")

    def value(self, path: tuple[str | int, ...], kind: str, value: Any) -> Any:
        """The value if it has the right kind (normalised), else None after reporting."""
        if kind in ("str", "text"):
            if isinstance(value, str):
                return clean_text(value) if kind == "text" else value
        elif kind == "bool":
            if isinstance(value, bool):
                return value
        elif kind == "pos_int":
            if isinstance(value, int) and not isinstance(value, bool):
                if 1 <= value <= 999_999:
                    return value
                if value > 999_999:  # a § number; more would break the minutes and index
                    self.report(path, f"orimligt stort tal {value} (högst 999999)")
                    return None
                self.report(path, f"måste vara ett positivt heltal, fick {value}")
                return None
        elif kind == "date":
            return self.date_value(path, value)
        elif kind == "time":
            return self.time_value(path, value)
        elif kind == "str_list":
            if isinstance(value, list):
                ok = True
                for n, elem in enumerate(value, start=1):
                    if not isinstance(elem, str):
                        self.wrong_type(path + (n,), "str", elem)
                        ok = False
                return tuple(value) if ok else None
        elif kind == "tables":
            if isinstance(value, list):
                ok = True
                for n, elem in enumerate(value, start=1):
                    if not isinstance(elem, dict):
                        self.wrong_type(path + (n,), "table", elem)
                        ok = False
                return value if ok else [e for e in value if isinstance(e, dict)]
            self.wrong_type(path, kind, value, f" – skriv [[{format_path(path)}]]-tabeller")
            return None
        elif kind == "table" and isinstance(value, dict):
            return value
        self.wrong_type(path, kind, value)
        return None

    def date_value(self, path: tuple[str | int, ...], value: Any) -> dt.date | None:
        if isinstance(value, dt.datetime):
            self.report(
                path,
                "fel typ: väntade datum, fick datum och tid – skriv bara datumet, "
                f"t.ex. {value.date().isoformat()}",
            )
        elif isinstance(value, dt.date):
            return value
        elif isinstance(value, str):
            try:
                dt.date.fromisoformat(value)
            except ValueError:
                self.report(
                    path,
                    f"ogiltigt datum {_quote(value)} – skriv t.ex. 2007-10-23 (utan citattecken)",
                )
            else:
                self.report(
                    path, f"fel typ: väntade datum, fick text – skriv {value} utan citattecken"
                )
        else:
            self.wrong_type(path, "date", value)
        return None

    def time_value(self, path: tuple[str | int, ...], value: Any) -> dt.time | None:
        if isinstance(value, dt.time):
            return value
        if isinstance(value, str):
            self.report(
                path,
                f"fel typ: väntade klockslag, fick text {_quote(value)} – skriv "
                "t.ex. 19:00:00 utan citattecken",
            )
        else:
            self.wrong_type(path, "time", value)
        return None

    # the meeting ----------------------------------------------------------------------
    def check(self) -> Meeting | None:
        data = self.data
        for key in data:
            if key not in _ROOT_KEYS:
                self.unknown_key((key,), key, _ROOT_KEYS)
        if not self.check_format():
            return None  # another version: its other keys may mean something else

        meeting: dict[str, Any] = {}
        if "meeting" not in data:
            self.report(("meeting",), "obligatorisk tabell [meeting] saknas")
        elif (raw := self.value(("meeting",), "table", data["meeting"])) is not None:
            meeting = self.table(raw, ("meeting",), _MEETING_KEYS, _MEETING_REQUIRED)

        members = {n: self.member(n, m) for n, m in self.tables("members")}
        officials = [self.official(n, o) for n, o in self.tables("officials")]
        items = {n: self.item(n, i) for n, i in self.tables("items")}
        self.duplicates("members", "name", members)
        self.duplicates("items", "id", items)

        if self.problems:
            return None
        return Meeting(
            body=meeting["body"],
            date=meeting["date"],
            start=meeting.get("start"),
            place=meeting.get("place", ""),
            first_paragraph=meeting.get("first_paragraph"),
            secretary=meeting.get("secretary", ""),
            kept_at=meeting.get("kept_at", ""),
            members=tuple(m for m in members.values() if m is not None),
            officials=tuple(o for o in officials if o is not None),
            items=tuple(i for i in items.values() if i is not None),
            source=self.filename,
        )

    def check_format(self) -> bool:
        """False when the file declares another format version (stop checking then)."""
        if "format" not in self.data:
            self.problems.append(
                Problem(
                    self.filename,
                    1,
                    f"format: obligatorisk nyckel saknas – skriv "
                    f'format = "{FORMAT_MEETING}" överst i filen',
                )
            )
            return True
        fmt = self.data["format"]
        if not isinstance(fmt, str):
            self.wrong_type(("format",), "str", fmt)
            return True
        if fmt != FORMAT_MEETING:
            self.report(
                ("format",),
                f"okänt format {_quote(fmt)} – den här versionen av "
                f"namndtui läser {_quote(FORMAT_MEETING)}",
            )
            return False
        return True

    def tables(self, key: str) -> list[tuple[int, dict[str, Any]]]:
        """The [[key]] tables as (1-based index, table), skipping ones of the wrong type."""
        if key not in self.data:
            return []
        value = self.value((key,), "tables", self.data[key])
        if value is None:
            return []
        return [(n, t) for n, t in enumerate(self.data[key], start=1) if isinstance(t, dict)]

    def member(self, n: int, raw: dict[str, Any]) -> Member | None:
        path = ("members", n)
        values = self.table(raw, path, _MEMBER_KEYS, ("name",))
        role = values.get("role", "ledamot")
        if role not in ROLES:
            close = difflib.get_close_matches(role, ROLES, n=1, cutoff=0.6)
            hint = f"menade du {_quote(close[0])}?" if close else "tillåtna: " + ", ".join(ROLES)
            self.report(path + ("role",), f"okänd roll {_quote(role)} – {hint}")
            return None
        if "name" not in values:
            return None
        return Member(values["name"], values.get("party", ""), role)

    def official(self, n: int, raw: dict[str, Any]) -> Official | None:
        values = self.table(raw, ("officials", n), _OFFICIAL_KEYS, ("name",))
        if "name" not in values:
            return None
        return Official(values["name"], values.get("title", ""))

    def item(self, n: int, raw: dict[str, Any]) -> Item | None:
        path = ("items", n)
        values = self.table(raw, path, _ITEM_KEYS, ("id", "title"))
        item_id = values.get("id")
        if item_id is not None and not _ID_RE.fullmatch(item_id):
            hint = f" – förslag: {_quote(s)}" if (s := suggest_id(item_id)) else ""
            self.report(
                path + ("id",),
                f"ogiltigt id {_quote(item_id)}: bara små bokstäver "
                f"a–z, siffror och enkla bindestreck{hint}",
            )
            values.pop("id")
        sections = []
        for k, sec in enumerate(values.pop("sections", []), start=1):
            checked = self.table(sec, path + ("sections", k), _SECTION_KEYS, ("title", "text"))
            if "title" in checked and "text" in checked:
                sections.append(Section(checked["title"], checked["text"]))
        if "id" not in values or "title" not in values:
            return None
        return Item(**values, extra_sections=tuple(sections))

    def duplicates(self, array: str, key: str, objects: dict[int, Any]) -> None:
        """Report the second and later uses of the same name / id (objects by index)."""
        first: dict[str, int] = {}
        for n, obj in objects.items():
            if obj is None:
                continue
            value = getattr(obj, key)
            if value in first:
                self.report(
                    (array, n, key), f"{_quote(value)} finns redan i {array}[{first[value]}]"
                )
            else:
                first[value] = n


# --- reading and parsing -----------------------------------------------------------------

_POSITION = re.compile(r"\s*\(at line (\d+), column (\d+)\)$")
_AT_END = re.compile(r"\s*\(at end of document\)$")


# tomllib's most common messages in Swedish (prefix match); others are shown as they are.
_SYNTAX_SV: tuple[tuple[str, str], ...] = (
    ("Illegal character '\\n'", 'radbrytning i en enradstext (saknas ett avslutande "?)'),
    ("Illegal character", "otillåtet tecken"),
    ("Unterminated string", "texten avslutas aldrig (saknas ett citattecken?)"),
    ("Invalid value", "ogiltigt värde (saknas citattecken runt en text?)"),
    ("Invalid date or datetime", "ogiltigt datum eller klockslag"),
    ("Expected '=' after a key", "väntade '=' efter nyckeln"),
    ("Expected newline or end of document", "väntade radslut efter värdet"),
    ("Unclosed array", "listan stängs aldrig (saknas ']'?)"),
    ("Cannot overwrite a value", "nyckeln finns redan"),
)


def _translate(message: str) -> str:
    for english, swedish in _SYNTAX_SV:
        if message.startswith(english):
            rest = message[len(english) :].strip()
            return f"{swedish} {rest}".rstrip() if english.endswith("character") else swedish
    return message


def toml_syntax_problem(err: tomllib.TOMLDecodeError, text: str, filename: str) -> Problem:
    """A tomllib syntax error as a located Swedish problem (also used for protokoll.toml)."""
    message = str(err)
    if m := _POSITION.search(message):
        line: int | None = int(m.group(1))
        detail = f"{_translate(message[: m.start()])} (kolumn {m.group(2)})"
    elif m := _AT_END.search(message):
        line = max(1, text.count("\n") + (0 if text.endswith("\n") else 1))
        detail = f"{_translate(message[: m.start()])} (vid filens slut)"
    else:  # pragma: no cover - tomllib always says where
        line, detail = None, message
    return Problem(filename, line, f"TOML-syntaxfel: {detail}")


def _parse(text: str, filename: str) -> tuple[Meeting | None, list[Problem], int]:
    """(meeting or None, problems, exit code) for the text of a meeting file."""
    if not text.strip():
        return None, [Problem(filename, None, "filen är tom")], EXIT_UNREADABLE
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:
        return None, [toml_syntax_problem(err, text, filename)], EXIT_UNREADABLE
    except RecursionError:
        problem = Problem(filename, None, "TOML-syntaxfel: för djupt nästlade listor/tabeller")
        return None, [problem], EXIT_UNREADABLE
    checker = _Checker(text, filename, data)
    meeting = checker.check()
    # Reading order; problems without a line (file-level) first.
    problems = sorted(checker.problems, key=lambda p: p.line or 0)
    return (meeting if not problems else None), problems, (EXIT_FINDINGS if problems else 0)


def parse_meeting_text(
    text: str, filename: str = MEETING_FILENAME
) -> tuple[Meeting | None, list[Problem]]:
    """Check the text of a meeting.toml: the meeting (None if any problem) and every problem."""
    meeting, problems, _ = _parse(text, filename)
    return meeting, problems


def decode_meeting_bytes(data: bytes, filename: str) -> tuple[str | None, list[Problem]]:
    """The file's text, or None and the reason it is not a UTF-8 text file."""
    if b"\x00" in data:
        return None, [
            Problem(filename, None, "binärfil (innehåller NUL-byte) – inte en TOML-textfil")
        ]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        line = data.count(b"\n", 0, err.start) + 1
        column = err.start - (data.rfind(b"\n", 0, err.start) + 1) + 1
        byte = data[err.start]
        message = f"ogiltig UTF-8 (byte 0x{byte:02X} i kolumn {column}) – spara filen som UTF-8"
        return None, [Problem(filename, line, message)]
    return text.removeprefix("\ufeff"), []  # a BOM from Windows editors is harmless


def check_meeting_bytes(
    data: bytes, filename: str = MEETING_FILENAME
) -> tuple[Meeting | None, list[Problem], int]:
    """Check the raw bytes of a meeting file: (meeting or None, problems, exit code 0/1/2)."""
    text, problems = decode_meeting_bytes(data, filename)
    if text is None:
        return None, problems, EXIT_UNREADABLE
    return _parse(text, filename)


def resolve_meeting_path(path: str | Path) -> Path:
    """A meeting.toml file, or a folder holding one → the file. Raises MeetingFileError."""
    path = Path(path)
    try:
        is_dir = path.is_dir()
        exists = is_dir or path.exists()
        candidate = path / MEETING_FILENAME
        if is_dir and candidate.is_file():
            return candidate
    except (OSError, ValueError) as err:  # name too long, NUL in name, …
        reason = getattr(err, "strerror", None) or str(err)
        problem = Problem(str(path), None, f"kan inte läsas: {reason}")
        raise MeetingFileError([problem], EXIT_UNREADABLE) from None
    if is_dir:
        problem = Problem(str(path), None, f"mappen innehåller ingen {MEETING_FILENAME}")
        raise MeetingFileError([problem], EXIT_UNREADABLE)
    if not exists:
        raise MeetingFileError([Problem(str(path), None, "filen finns inte")], EXIT_UNREADABLE)
    return path


def check_meeting_file(path: str | Path) -> tuple[Meeting | None, list[Problem], int]:
    """Like `load_meeting` but returns (meeting or None, problems, exit code) instead of raising."""
    try:
        file = resolve_meeting_path(path)
    except MeetingFileError as err:
        return None, err.problems, err.exit_code
    try:
        data = file.read_bytes()
    except OSError as err:
        reason = err.strerror or type(err).__name__
        return None, [Problem(str(file), None, f"kan inte läsas: {reason}")], EXIT_UNREADABLE
    return check_meeting_bytes(data, str(file))


def load_meeting(path: str | Path) -> Meeting:
    """Load a meeting from a meeting.toml file or a folder holding one.

    Raises MeetingFileError (exit code 2: unreadable/unparsable, 1: validation findings).
    """
    meeting, problems, code = check_meeting_file(path)
    if meeting is None:
        raise MeetingFileError(problems, code or EXIT_FINDINGS)
    return meeting


# --- writing -------------------------------------------------------------------------------


def item_to_toml_dict(item: Item) -> dict[str, Any]:
    """The `[[items]]` table for `item`: only non-empty keys, in FORMAT.md order."""
    out: dict[str, Any] = {}
    for key in _ITEM_KEYS:
        if key == "sections":
            if item.extra_sections:
                out["sections"] = [{"title": s.title, "text": s.text} for s in item.extra_sections]
            continue
        value = getattr(item, key)
        if value:
            out[key] = list(value) if isinstance(value, tuple) else value
    return out


def meeting_to_dict(meeting: Meeting) -> dict[str, Any]:
    """The whole meeting.toml as a dict (keys in documented order, empty ones left out)."""
    head: dict[str, Any] = {}
    for key in _MEETING_KEYS:
        value = getattr(meeting, key)
        if value not in ("", None):
            head[key] = value
    data: dict[str, Any] = {"format": FORMAT_MEETING, "meeting": head}
    if meeting.members:
        data["members"] = [
            {"name": m.name, **({"party": m.party} if m.party else {}), "role": m.role}
            for m in meeting.members
        ]
    if meeting.officials:
        data["officials"] = [
            {"name": o.name, **({"title": o.title} if o.title else {})} for o in meeting.officials
        ]
    if meeting.items:
        data["items"] = [item_to_toml_dict(i) for i in meeting.items]
    return data


def meeting_to_toml(meeting: Meeting) -> str:
    """The meeting as meeting.toml text; `parse_meeting_text` reads it back unchanged."""
    import tomli_w  # only writers need it

    return tomli_w.dumps(meeting_to_dict(meeting), multiline_strings=True)
