"""meeting.toml → `Meeting`, reporting every problem with file, line and key path.

Messages are Swedish (the users are secretaries) and look like
`meeting.toml:14: items[3].title: obligatorisk nyckel saknas`. Arrays are counted from 1
(`items[3]` is the third `[[items]]`). The format is documented in docs/meeting-format.md.

The schema and the checks are in `namndtui.meetingcheck` (imported only when the cache has
no answer), the writer in `namndtui.meetingwrite`.

A valid meeting is also kept, as JSON, in a parse cache keyed by a hash of the file's bytes
(`$XDG_CACHE_HOME/namndtui/meetings/`): a hit on a 500-item meeting takes ~6 ms, a miss
~8 ms (parse and check) plus ~6 ms for writing the entry, ~10 ms of first frame in all.
The cache is never a source of truth: any doubt about an entry is a miss, and a file with
problems is always checked in full, so every message stays exact.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import unicodedata
from pathlib import Path
from typing import Any

from namndtui import __version__
from namndtui.model import (
    FORMAT_MEETING,
    BasisDocument,
    Item,
    Meeting,
    Member,
    Official,
    ParagraphRef,
    Section,
)
from namndtui.storage import input_problem, os_reason, read_input
from namndtui.textcheck import wide_codec
from namndtui.tomlcheck import (
    EXIT_FINDINGS,
    EXIT_UNREADABLE,
    Problem,
    ProblemsError,
    parse_toml,
)

MEETING_FILENAME = "meeting.toml"


class MeetingFileError(ProblemsError):
    """A meeting file that cannot be used; `.problems` holds every finding."""


# --- reading and parsing -----------------------------------------------------------------


def _parse(text: str, filename: str) -> tuple[Meeting | None, list[Problem], int]:
    """(meeting or None, problems, exit code) for the text of a meeting file."""
    try:
        data = parse_toml(text, filename)
    except ProblemsError as err:
        return None, err.problems, err.exit_code
    from namndtui.meetingcheck import check_parsed  # a cache hit needs no checker

    meeting, problems = check_parsed(text, filename, data)
    return meeting, problems, (EXIT_FINDINGS if problems else 0)


def parse_meeting_text(
    text: str, filename: str = MEETING_FILENAME
) -> tuple[Meeting | None, list[Problem]]:
    """Check the text of a meeting.toml: the meeting (None if any problem) and every problem."""
    meeting, problems, _ = _parse(text, filename)
    return meeting, problems


def decode_meeting_bytes(data: bytes, filename: str) -> tuple[str | None, list[Problem]]:
    """The file's text, or None and the reason it is not a UTF-8 text file."""
    if codec := wide_codec(data):  # Notepad's "Unicode" is UTF-16
        encoding = codec[:6].upper()  # "UTF-16" or "UTF-32"
        return None, [
            Problem(filename, None, f"filen är sparad som {encoding} – spara den som UTF-8")
        ]
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
    text = text.removeprefix("\ufeff")  # a BOM from Windows editors is harmless
    if "\r\n" in text:  # Notepad, git's autocrlf: the newlines of a multi-line string would
        text = text.replace("\r\n", "\n")  # keep the CR (rtoml does) and carry it into the
        # minutes; TOML lets a parser normalise them. A lone CR stays a syntax error (TOML 1.0).
    if not unicodedata.is_normalized("NFC", text):  # decomposed å/ä/ö (macOS, some editors):
        text = unicodedata.normalize("NFC", text)  # "okänd roll "ersättare"" before (qa)
    return text, []


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
        reason = os_reason(err)
        problem = Problem(str(path), None, f"kan inte läsas: {reason}")
        raise MeetingFileError([problem], EXIT_UNREADABLE) from None
    if is_dir:
        problem = Problem(str(path), None, f"mappen innehåller ingen {MEETING_FILENAME}")
        raise MeetingFileError([problem], EXIT_UNREADABLE)
    if not exists:
        reason = "filen finns inte"
        with contextlib.suppress(ValueError):  # a NUL in the name: does not exist
            try:
                os.stat(path)  # a symlink loop "does not exist" to pathlib; say what it is
            except OSError as err:
                reason = input_problem(err)
        raise MeetingFileError([Problem(str(path), None, reason)], EXIT_UNREADABLE)
    return path


def check_meeting_file(path: str | Path) -> tuple[Meeting | None, list[Problem], int]:
    """Like `load_meeting` but returns (meeting or None, problems, exit code) instead of raising."""
    try:
        file = resolve_meeting_path(path)
    except MeetingFileError as err:
        return None, err.problems, err.exit_code
    try:
        data = read_input(file)
    except OSError as err:  # a FIFO, /dev/zero, a symlink loop, too big, unreadable
        return None, [Problem(str(file), None, input_problem(err))], EXIT_UNREADABLE
    key = _cache_key(data)
    cached = _cache_get(key, str(file))
    if cached is not None:
        return cached, [], 0
    meeting, problems, code = check_meeting_bytes(data, str(file))
    if meeting is not None:  # only a valid meeting is cached: problems are always exact
        _cache_put(key, meeting)
    return meeting, problems, code


def load_meeting(path: str | Path) -> Meeting:
    """Load a meeting from a meeting.toml file or a folder holding one.

    Raises MeetingFileError (exit code 2: unreadable/unparsable, 1: validation findings).
    """
    meeting, problems, code = check_meeting_file(path)
    if meeting is None:
        raise MeetingFileError(problems, code or EXIT_FINDINGS)
    return meeting


# --- the parse cache -----------------------------------------------------------------------
# An entry is `<key> <digest of the payload>\n<payload>`: the payload is the Meeting as JSON.
# The key covers the file's bytes (never its mtime: a stale entry must be impossible), the
# entry layout and the program version (a new checker may read the same bytes differently).
# The digest makes a truncated or damaged entry a miss. Reading or writing the cache never
# fails the caller: every error there is swallowed and the file is parsed as usual.

CACHE_FORMAT = "7"  # bump when the entry layout or what a valid file means changes (7: CRLF)
CACHE_ENTRIES = 50  # entries kept (the most recently used); one is ~the size of the file

try:  # hashlib itself imports OpenSSL (~2 ms at start-up); blake2b is built in
    from _blake2 import blake2b
except ImportError:  # pragma: no cover - other Pythons
    from hashlib import blake2b

# The Item fields by JSON kind; test_meetingfile_cache checks they cover every field.
_ITEM_STR = ("id", "title", "dnr", "officer", "summary", "background", "proposal")
_ITEM_STR += ("preparation", "category", "secrecy", "proposal_by", "public_title")
_ITEM_STR += ("minority_used",)
_ITEM_LISTS = ("proposed_decision", "attachments", "dispatch")


def meeting_cache_dir() -> Path | None:
    """`$XDG_CACHE_HOME/namndtui/meetings` (else `~/.cache/…`), None if there is no home."""
    base = os.environ.get("XDG_CACHE_HOME", "")
    if not os.path.isabs(base):  # the XDG spec: a relative path is to be ignored
        try:
            base = str(Path.home() / ".cache")
        except (RuntimeError, KeyError):  # no HOME and no passwd entry
            return None
    return Path(base) / "namndtui" / "meetings"


def _cache_key(data: bytes) -> str:
    h = blake2b(digest_size=20)
    h.update(f"namndtui-meeting-cache/{CACHE_FORMAT}/{__version__}/{FORMAT_MEETING}\0".encode())
    h.update(data)
    return h.hexdigest()


def meeting_to_json(meeting: Meeting) -> str:
    """Every field of the meeting (not `source`) as JSON; dates and times as ISO strings."""
    data = {
        "body": meeting.body,
        "date": meeting.date.isoformat(),
        "start": meeting.start.isoformat() if meeting.start is not None else None,
        "place": meeting.place,
        "first_paragraph": meeting.first_paragraph,
        "secretary": meeting.secretary,
        "kept_at": meeting.kept_at,
        "paragraph_prefix": meeting.paragraph_prefix,
        "minority_right": list(meeting.minority_right),
        "minority_fraction": meeting.minority_fraction,
        "members": [[m.name, m.party, m.role] for m in meeting.members],
        "officials": [[o.name, o.title, list(o.items)] for o in meeting.officials],
        "personal_data": list(meeting.personal_data),
        "items": [
            {
                **{key: getattr(item, key) for key in _ITEM_STR + _ITEM_LISTS},
                "immediate_justification": item.immediate_justification,
                "extra_sections": [[s.title, s.text, s.key] for s in item.extra_sections],
                "decision_basis": [
                    [d.title, d.date.isoformat() if d.date else None] for d in item.decision_basis
                ],
                "corrects": (
                    [item.corrects.date.isoformat(), item.corrects.paragraph]
                    if item.corrects
                    else None
                ),
            }
            for item in meeting.items
        ],
    }
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def _strs(values: Any, n: int | None = None) -> tuple[str, ...]:
    """`values` as a tuple of str (of length n if given); ValueError otherwise."""
    if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
        raise ValueError("not a list of str")
    if n is not None and len(values) != n:
        raise ValueError("wrong length")
    return tuple(values)


def _str(value: Any) -> str:
    if not isinstance(value, str):
        raise ValueError("not a str")
    return value


def meeting_from_json(text: str, source: str) -> Meeting:
    """The meeting `meeting_to_json` wrote. Raises ValueError (or another error) if it is not."""
    data = json.loads(text)
    items = []
    for raw in data["items"]:
        values: dict[str, Any] = {key: _str(raw[key]) for key in _ITEM_STR}
        values.update({key: _strs(raw[key]) for key in _ITEM_LISTS})
        if not isinstance(raw["immediate_justification"], bool):
            raise ValueError("not a bool")
        sections = tuple(Section(*_strs(sec, 3)) for sec in raw["extra_sections"])
        basis = tuple(
            BasisDocument(_str(title), dt.date.fromisoformat(_str(day)) if day else None)
            for title, day in raw["decision_basis"]
        )
        corrects = None
        if raw["corrects"] is not None:
            day, number = raw["corrects"]
            if type(number) is not int:
                raise ValueError("not an int")
            corrects = ParagraphRef(dt.date.fromisoformat(_str(day)), number)
        items.append(
            Item(
                **values,
                immediate_justification=raw["immediate_justification"],
                extra_sections=sections,
                decision_basis=basis,
                corrects=corrects,
            )
        )
    first = data["first_paragraph"]
    if first is not None and (type(first) is not int or first < 1):
        raise ValueError("not a positive int")
    start = data["start"]
    return Meeting(
        body=_str(data["body"]),
        date=dt.date.fromisoformat(_str(data["date"])),
        start=dt.time.fromisoformat(_str(start)) if start is not None else None,
        place=_str(data["place"]),
        first_paragraph=first,
        secretary=_str(data["secretary"]),
        kept_at=_str(data["kept_at"]),
        paragraph_prefix=_str(data["paragraph_prefix"]),
        minority_right=_strs(data["minority_right"]),
        minority_fraction=_str(data["minority_fraction"]),
        members=tuple(Member(*_strs(m, 3)) for m in data["members"]),
        officials=tuple(
            Official(_str(name), _str(title), _strs(ids)) for name, title, ids in data["officials"]
        ),
        items=tuple(items),
        personal_data=_strs(data["personal_data"]),
        source=source,
    )


def _cache_get(key: str, source: str) -> Meeting | None:
    """The cached meeting for `key`, or None (no entry, or one that is not exactly right)."""
    try:
        folder = meeting_cache_dir()
        if folder is None:
            return None
        entry = folder / f"{key}.json"
        raw = read_input(entry)  # a FIFO or device planted there: a miss, not a hang
        head, _, payload = raw.partition(b"\n")
        if head != f"{key} {blake2b(payload, digest_size=20).hexdigest()}".encode():
            return None
        meeting = meeting_from_json(payload.decode("utf-8"), source)
        with contextlib.suppress(OSError):
            os.utime(entry)  # most recently used: pruned last
        return meeting
    except Exception:  # noqa: BLE001 - a cache: whatever is wrong with it is a miss
        return None


def _cache_put(key: str, meeting: Meeting) -> None:
    """Store the meeting under `key` and prune to the newest entries; errors are ignored."""
    from namndtui.storage import atomic_write  # only on a miss

    try:
        folder = meeting_cache_dir()
        if folder is None:
            return
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        payload = meeting_to_json(meeting).encode("utf-8")
        digest = blake2b(payload, digest_size=20).hexdigest()
        atomic_write(folder / f"{key}.json", f"{key} {digest}\n".encode() + payload, mode=0o600)
        _cache_prune(folder)
    except Exception:  # noqa: BLE001 - a cache: a read-only or full disk just means no cache
        return


def _cache_prune(folder: Path, keep: int = CACHE_ENTRIES) -> None:
    """Delete all but the `keep` most recently used entries (and old leftover temp files)."""
    entries: list[tuple[float, Path]] = []
    with os.scandir(folder) as listing:
        for found in listing:
            try:
                mtime = found.stat().st_mtime
            except OSError:
                continue
            if found.name.endswith(".json") and not found.name.startswith("."):
                entries.append((mtime, Path(found.path)))
            elif found.name.endswith(".tmp") and mtime < dt.datetime.now().timestamp() - 3600:
                Path(found.path).unlink(missing_ok=True)  # left by a crash mid-write
    entries.sort(reverse=True)
    for _mtime, path in entries[keep:]:
        path.unlink(missing_ok=True)
