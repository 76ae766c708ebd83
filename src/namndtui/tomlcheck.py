"""Typed reading of a parsed TOML file, every problem located as `FILE:LINE: key: message`.

Shared by meeting.toml (`namndtui.meetingfile`) and protokoll.toml
(`namndtui.minutes.protokoll_read`):
the kinds of value, the Swedish type messages, unknown/missing keys and arrays of tables.
The rules of each file (ids, roles, bounds, checksums) stay with its loader, which
subclasses `Reader` for its own kinds. Arrays are counted from 1 in messages.
"""

from __future__ import annotations

import datetime as dt
import difflib
import json
import re
from typing import TYPE_CHECKING, Any

from namndtui.datatypes import frozen
from namndtui.errors import UserError
from namndtui.tomlpos import KeyLocator
from namndtui.tomlpos import Path as KeyPath

if TYPE_CHECKING:
    import tomllib

EXIT_FINDINGS = 1  # the file is TOML but its content is not valid
EXIT_UNREADABLE = 2  # the file cannot be read or parsed at all


@frozen
class Problem:
    """One finding: `FILE:LINE: message` (or `FILE: message` when the line is unknown)."""

    file: str
    line: int | None
    message: str

    def __str__(self) -> str:
        if self.line is None:
            return f"{self.file}: {self.message}"
        return f"{self.file}:{self.line}: {self.message}"


class ProblemsError(UserError):
    """A file that cannot be used; `.problems` holds every finding, one per line."""

    def __init__(self, problems: list[Problem], exit_code: int = EXIT_FINDINGS) -> None:
        super().__init__("\n".join(str(p) for p in problems), exit_code)
        self.problems = problems


# What a kind expects, for 'fel typ: väntade …' messages.
EXPECTED = {
    "str": "text",
    "text": "text",  # meeting.toml: text with its blank edge lines dropped
    "int": "heltal",
    "pos_int": "positivt heltal",
    "bool": "true eller false",
    "date": "datum (t.ex. 2007-10-23, utan citattecken)",
    "any_date": "datum (t.ex. 2007-10-23, utan citattecken)",
    "time": "klockslag (t.ex. 19:00:00, utan citattecken)",
    "str_list": 'lista av texter (t.ex. ["…", "…"])',
    "tables": "lista av tabeller",
    "table": "tabell",
}


# Dates a meeting, a justering or a notice can plausibly have: 9999-12-31 was accepted and
# made every later step fail. The same bound everywhere a date is read (meeting.toml,
# protokoll.toml, journal acts, --justerat/--anslaget).
DATE_RANGE = (1900, 2199)


def date_range_problem(value: dt.date) -> str:
    """'' for a plausible date, else the Swedish reason."""
    low, high = DATE_RANGE
    if low <= value.year <= high:
        return ""
    return f"datumet {value.isoformat()} ligger utanför åren {low}–{high}"


def kind_of(value: Any) -> str:
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


def is_kind(value: Any, kind: str) -> bool:
    """True when `value` has the TOML type of `kind` (bounds are the caller's)."""
    if kind in ("str", "text"):
        return isinstance(value, str)
    if kind in ("int", "pos_int"):
        return isinstance(value, int) and not isinstance(value, bool)
    if kind == "bool":
        return isinstance(value, bool)
    if kind in ("date", "any_date"):  # any_date: a derived date, not bounded
        return isinstance(value, dt.date) and not isinstance(value, dt.datetime)
    if kind == "time":
        return isinstance(value, dt.time)
    if kind == "str_list":
        return isinstance(value, list) and all(isinstance(v, str) for v in value)
    if kind == "tables":
        return isinstance(value, list)  # the elements are checked by `Reader.tables`
    if kind == "table":
        return isinstance(value, dict)
    raise ValueError(kind)  # pragma: no cover - a typo in a spec


def quote(text: str) -> str:
    """A user value in a message: quoted, control characters escaped."""
    return json.dumps(text, ensure_ascii=False)


def format_path(path: KeyPath) -> str:
    """('items', 3, 'title') -> 'items[3].title'; odd keys are quoted."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            key = part if re.fullmatch(r"[A-Za-z0-9_-]+", part) else quote(part)
            out += f".{key}" if out else key
    return out


# --- parsing ------------------------------------------------------------------------------

# Patterns as text, compiled (and cached by `re`) when a file has a problem to explain:
# a valid file, and the first frame of the TUI, never need them.
_POSITION = r"\s*\(at line (\d+), column (\d+)\)$"
_AT_END = r"\s*\(at end of document\)$"
_TIME_LIKE = r"=\s*\d{1,2}:\d{2}"
_DATE_LIKE = r"=\s*(\d{4})-(\d{2})-(\d{2})\b"


_MONTHS_SV = (
    "januari", "februari", "mars", "april", "maj", "juni",
    "juli", "augusti", "september", "oktober", "november", "december",
)  # fmt: skip
# "5 december 2026", "den 5 december 2026", "5:e december 2026"; "2026-12-5" (no zero).
_SWEDISH_DATE = r"(?i)(?:den\s+)?(\d{1,2})(?::e|:a)?\s+(" + "|".join(_MONTHS_SV) + r")\s+(\d{4})"
_UNPADDED_DATE = r"(\d{4})-(\d{1,2})-(\d{1,2})(?![\d:T])"
_TYPOGRAPHIC_QUOTES = "“”„«»"
_YES_NO = frozenset({"ja", "nej", "sant", "falskt", "true", "false", "yes", "no"})


def date_meant(text: str) -> dt.date | None:
    """The date a secretary meant by "5 december 2026" or "2026-12-5", when it exists."""
    if m := re.search(_SWEDISH_DATE, text):
        day, month, year = int(m.group(1)), _MONTHS_SV.index(m.group(2).lower()) + 1, m.group(3)
    elif (m := re.search(_UNPADDED_DATE, text)) and min(len(m.group(2)), len(m.group(3))) == 1:
        year, month, day = m.group(1), int(m.group(2)), int(m.group(3))
    else:
        return None
    try:
        return dt.date(int(year), month, day)
    except ValueError:
        return None


def write_date_as(value: str, example: str = "ÅÅÅÅ-MM-DD") -> str:
    """'skriv 2026-12-05' for a date written "5 december 2026" or "2026-12-5", else
    'skriv <example>' (the command line's date options)."""
    meant = date_meant(value)
    return f"skriv {meant.isoformat()}" if meant else f"skriv {example}"


def _syntax_hint(text_line: str, message: str) -> str:
    """What the secretary meant on a line TOML refuses, in Swedish; '' when unclear."""
    key, _, value = text_line.partition("=")
    key_errors = ("Expected '=' after a key", "Invalid statement", "Invalid initial character")
    if message.startswith(key_errors) and re.match(r"\s*[A-Za-z0-9_-]*[^\x00-\x7f]", key):
        # "förslag_till_beslut = […]": å, ä and ö make it no TOML key at all
        return (
            f"nyckeln {quote(key.strip())} har en bokstav utanför a–z – nycklarna är "
            "engelska (title, summary, proposed_decision …; docs/meeting-format.md)"
        )
    if message.startswith("Cannot overwrite a value") and key.strip():
        return f"nyckeln {quote(key.strip())} finns redan – ta bort den ena raden"
    if re.search(_TIME_LIKE, text_line):  # "start = 7:00" or "24:00:00": a number, then ":"
        return "ogiltigt klockslag – skriv TT:MM, t.ex. 07:00"
    if _impossible_date(text_line):  # 0000-00-00, 2007-02-30, 2007-13-01
        return "ogiltigt datum – skriv ÅÅÅÅ-MM-DD med en dag som finns, t.ex. 2007-10-23"
    if meant := date_meant(value):  # "date = 5 december 2026", "date = 2026-12-5"
        return (
            f"ogiltigt datum {quote(value.strip())} – skriv {meant.isoformat()} "
            "(ÅÅÅÅ-MM-DD, utan citattecken)"
        )
    if value.strip().split("#")[0].strip().casefold() in _YES_NO:  # "= ja", "= True"
        return (
            f"ogiltigt värde {quote(value.split('#')[0].strip())} – skriv true eller false "
            "(små bokstäver, utan citattecken)"
        )
    if value.lstrip()[:1] in tuple(_TYPOGRAPHIC_QUOTES):
        return (
            f"typografiskt citattecken {value.lstrip()[0]} – en text ska stå inom raka "
            'citattecken "…" (ordbehandlare byter ut dem)'
        )
    if message.startswith("Illegal character '\\n'") and any(
        q in value for q in _TYPOGRAPHIC_QUOTES
    ):
        return (
            'radbrytning i en enradstext: texten ska sluta med ett rakt citattecken ", '
            "inte ” eller »"
        )
    return ""


def _impossible_date(line: str) -> bool:
    """True when the value on `line` is written as a date that does not exist."""
    if not (m := re.search(_DATE_LIKE, line)):
        return False
    try:
        dt.date(*(int(g) for g in m.groups()))
    except ValueError:
        return True
    return False


# tomllib's messages in Swedish (prefix match; every message of Python 3.11's parser).
# A third element True keeps what follows the prefix (the character or key it names).
_SYNTAX_SV: tuple[tuple[str, str, bool], ...] = (
    ("Illegal character '\\n'", 'radbrytning i en enradstext (saknas ett avslutande "?)', False),
    ("Illegal character", "otillåtet tecken", True),
    ("Found invalid character", "otillåtet tecken", True),
    ("Unterminated string", "texten avslutas aldrig (saknas ett citattecken?)", False),
    ("Invalid value", "ogiltigt värde (saknas citattecken runt en text?)", False),
    ("Invalid date or datetime", "ogiltigt datum eller klockslag", False),
    ("Expected '=' after a key", "väntade '=' efter nyckeln", False),
    ("Expected newline or end of document", "väntade radslut efter värdet", False),
    ("Unclosed array", "listan stängs aldrig (saknas ']'?)", False),
    ("Unclosed inline table", "tabellen inom {} stängs aldrig (saknas '}'?)", False),
    ("Cannot overwrite a value", "nyckeln finns redan", False),
    ("Duplicate inline table key", "nyckeln finns redan i tabellen inom {}:", True),
    ("Cannot declare", "tabellen finns redan (skriv [[…]] för en lista av tabeller)", False),
    ("Cannot redefine namespace", "tabellen finns redan", False),
    ("Cannot mutate immutable namespace", "tabellen är skriven inom {} och kan inte utökas", False),
    ("Expected ']]' at the end of an array declaration", "väntade ']]' efter tabellens namn", False),
    ("Expected ']' at the end of a table declaration", "väntade ']' efter tabellens namn", False),
    ("Expected", "väntade", True),
    ("Invalid initial character for a key part", "ogiltigt tecken i en nyckel", False),
    ("Invalid statement", "ogiltig rad (väntade nyckel = värde eller [tabell])", False),
    ("Escaped character is not a Unicode scalar value",
     "\\u- eller \\U-koden är inget tecken (ett ensamt surrogat som \\ud800?)", False),
    ("Invalid hex value", "\\u ska följas av 4 hexadecimala siffror, \\U av 8", False),
    ("Unescaped '\\' in a string",
     "ett ensamt bakstreck i texten: skriv \\\\ eller använd enkla citattecken", False),
)  # fmt: skip


def _translate(message: str) -> str:
    for english, swedish, keep_rest in _SYNTAX_SV:
        if message.startswith(english):
            rest = message[len(english) :].strip()
            return f"{swedish} {rest}".rstrip() if keep_rest else swedish
    return message


def toml_syntax_problem(err: tomllib.TOMLDecodeError, text: str, filename: str) -> Problem:
    """A tomllib syntax error as a located Swedish problem."""
    message = str(err)
    column = ""
    if m := re.search(_POSITION, message):
        line: int | None = int(m.group(1))
        column = m.group(2)
        detail = f"{_translate(message[: m.start()])} (kolumn {m.group(2)})"
        # Say what the secretary meant to write where it is clear ("start = 7:00",
        # "date = 5 december 2026", a Word quote “…”, a key written twice).
        text_line = text.splitlines()[line - 1] if 0 < line <= text.count("\n") + 1 else ""
        if hint := _syntax_hint(text_line, message):
            detail = f"{hint} (kolumn {m.group(2)})"
    elif m := re.search(_AT_END, message):
        line = max(1, text.count("\n") + (0 if text.endswith("\n") else 1))
        detail = f"{_translate(message[: m.start()])} (vid filens slut)"
    else:  # pragma: no cover - tomllib always says where
        line, detail = None, message
    # the parser gives up at the start of the next statement (column 1): the list is above
    above = 1 if column == "1" else 0
    if message.startswith("Unclosed array") and line and (start := _list_start(text, line - above)):
        # where the list begins, not where the parser gave up (the next key, or the end)
        key, line_seen, line = start[1], line, start[0]
        detail = (
            f"listan {key} stängs aldrig – saknas ett kommatecken mellan två värden, eller "
            f"']' efter det sista? (upptäcktes på rad {line_seen})"
        )
    return Problem(filename, line, f"TOML-syntaxfel: {detail}")


_LIST_START = r"\s*([A-Za-z0-9_.-]+)\s*=\s*\["


def _list_start(text: str, line: int) -> tuple[int, str] | None:
    """(line, key) of the nearest `key = [` at or above `line` (1-based)."""
    lines = text.splitlines()
    for n in range(min(line, len(lines)), 0, -1):
        if m := re.match(_LIST_START, lines[n - 1]):
            return n, m.group(1)
    return None


def parse_toml(text: str, filename: str) -> dict[str, Any]:
    """The parsed text; raises ProblemsError (exit 2) when it is empty or not TOML.

    `rtoml` (Rust) parses first: ~3 ms for a 500-item meeting where `tomllib` takes ~42 ms,
    which is the difference between meeting the TUI's first-frame budget and missing it.
    Only when rtoml refuses the text does `tomllib` parse it too: its messages carry the
    line and column in a form we translate, and it has the last word, so a text that
    tomllib accepts (e.g. a float beyond the double range, read as inf) is never refused.
    rtoml reads TOML 1.1, tomllib (Python 3.11–3.14) 1.0: a file that needs 1.1 syntax is
    accepted (docs/meeting-format.md, "TOML version").
    """
    if not text.strip():
        raise ProblemsError([Problem(filename, None, "filen är tom")], EXIT_UNREADABLE)
    import rtoml  # deferred, like tomllib: only what reads TOML pays for the import

    try:
        return rtoml.loads(text)
    except (KeyboardInterrupt, SystemExit):
        raise
    except BaseException as err:  # noqa: BLE001 - whatever it refuses, tomllib decides (a
        # Rust panic would arrive as pyo3's PanicException, a BaseException) except nesting
        # deeper than rtoml's limit: tomllib takes quadratic time on it (a 100,000-level
        # dotted key ran for minutes) and no meeting or protokoll file nests like that.
        if "recursion limit" in str(err):
            problem = Problem(filename, None, "TOML-syntaxfel: för djupt nästlade nycklar/tabeller")
            raise ProblemsError([problem], EXIT_UNREADABLE) from None
    import tomllib

    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:
        raise ProblemsError([toml_syntax_problem(err, text, filename)], EXIT_UNREADABLE) from None
    except RecursionError:
        problem = Problem(filename, None, "TOML-syntaxfel: för djupt nästlade listor/tabeller")
        raise ProblemsError([problem], EXIT_UNREADABLE) from None
    except ValueError:  # an integer of more than 4,300 digits: int()'s own limit (issue 20)
        problem = Problem(filename, None, "TOML-syntaxfel: ett tal har orimligt många siffror")
        raise ProblemsError([problem], EXIT_UNREADABLE) from None


# --- checking -----------------------------------------------------------------------------


class Reader:
    """Checks tables of a parsed TOML text against specs {key: kind}; collects `problems`."""

    # meeting.toml: a required text key must not be blank either (protokoll.toml keeps
    # some required keys empty on purpose, e.g. a correction's reason).
    reject_blank_required = False

    def __init__(self, text: str, filename: str) -> None:
        self.filename = filename
        self.locator = KeyLocator(text)
        self.problems: list[Problem] = []

    def report(self, path: KeyPath, message: str) -> None:
        line = self.locator.line(path)
        self.problems.append(Problem(self.filename, line, f"{format_path(path)}: {message}"))

    def wrong_type(self, path: KeyPath, kind: str, value: Any, hint: str = "") -> None:
        self.report(path, f"fel typ: väntade {EXPECTED[kind]}, fick {kind_of(value)}{hint}")

    def unknown_key(self, path: KeyPath, key: str, spec: dict[str, str]) -> None:
        close = difflib.get_close_matches(key, list(spec), n=1, cutoff=0.6)
        if close:
            self.report(path, f"okänd nyckel – menade du {quote(close[0])}?")
        else:
            self.report(path, f"okänd nyckel (tillåtna: {', '.join(spec)})")

    def value(self, path: KeyPath, kind: str, value: Any) -> Any:
        """`value` if it has `kind`, else None after reporting why (TOML has no null).

        Subclasses add their bounds and normalising, then call this.
        """
        if is_kind(value, kind):
            problem = date_range_problem(value) if kind == "date" else ""
            if problem:
                self.report(path, problem)
                return None
            return value
        if kind in ("date", "any_date"):
            self._not_a_date(path, value)
            return None
        if kind == "str_list" and isinstance(value, list):
            for n, elem in enumerate(value, start=1):
                if not isinstance(elem, str):
                    self.wrong_type(path + (n,), "str", elem)
        elif kind == "tables":
            self.wrong_type(path, kind, value, f" – skriv [[{format_path(path)}]]-tabeller")
        elif kind == "bool" and isinstance(value, str):  # "ja", "true" in quotes
            self.wrong_type(path, kind, value, " – skriv true eller false utan citattecken")
        elif kind == "time" and isinstance(value, str):
            self.report(
                path,
                f"fel typ: väntade klockslag, fick text {quote(value)} – skriv "
                "t.ex. 19:00:00 utan citattecken",
            )
        else:
            self.wrong_type(path, kind, value)
        return None

    def _not_a_date(self, path: KeyPath, value: Any) -> None:
        if isinstance(value, dt.datetime):
            self.report(
                path,
                "fel typ: väntade datum, fick datum och tid – skriv bara datumet, "
                f"t.ex. {value.date().isoformat()}",
            )
        elif isinstance(value, str):
            try:
                dt.date.fromisoformat(value)
            except ValueError:
                meant = date_meant(value)
                example = meant.isoformat() if meant else "t.ex. 2007-10-23"
                self.report(
                    path, f"ogiltigt datum {quote(value)} – skriv {example} (utan citattecken)"
                )
            else:
                self.report(
                    path, f"fel typ: väntade datum, fick text – skriv {value} utan citattecken"
                )
        else:
            self.wrong_type(path, "date", value)

    def table(
        self,
        raw: Any,
        path: KeyPath,
        spec: dict[str, str],
        required: tuple[str, ...] = (),
    ) -> dict[str, Any]:
        """The values of `raw` whose keys and kinds match `spec`; the rest reported."""
        if not isinstance(raw, dict):
            self.wrong_type(path, "table", raw)
            return {}
        out: dict[str, Any] = {}
        for key, value in raw.items():
            if key not in spec:
                self.unknown_key(path + (key,), key, spec)
                continue
            checked = self.value(path + (key,), spec[key], value)
            if checked is not None:
                out[key] = checked
        for key in required:
            if key not in raw:
                self.report(path + (key,), "obligatorisk nyckel saknas")
            elif (
                self.reject_blank_required
                and isinstance(out.get(key), str)
                and not out[key].strip()
            ):
                self.report(path + (key,), "får inte vara tom")
                del out[key]
        return out

    def tables(self, raw: dict[str, Any], path: KeyPath, key: str) -> list[tuple[KeyPath, dict]]:
        """[(path, table)] of the array of tables `raw[key]`, counted from 1 as written.

        An element that is no table is reported and left out. `raw` may be checked by
        `table()` already (then a wrong type of `raw[key]` was reported there) or not.
        """
        if key not in raw or self.value(path + (key,), "tables", raw[key]) is None:
            return []
        out = []
        for n, elem in enumerate(raw[key], start=1):
            if isinstance(elem, dict):
                out.append((path + (key, n), elem))
            else:
                self.wrong_type(path + (key, n), "table", elem)
        return out
