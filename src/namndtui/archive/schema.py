"""What the archive index holds: its SQLite schema and version, the rows it gives back,
and how a paragraph is stored (date-ordered ids, texts in zlib streams, the searched text).

Imported by every `namndtui search`: sqlite3 is not imported here, nor pathlib or typing.
"""

from __future__ import annotations

import os
import zlib
from collections import namedtuple

from namndtui.errors import UserError

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (start-up time)

if TYPE_CHECKING:
    import datetime as dt
    import sqlite3
    from pathlib import Path

SCHEMA_VERSION = 8
# 2: date-ordered paragraph ids, the chars table; 3: the folders manifest;
# 4: contentless trigram index without positions, texts compressed, matches verified;
# 5: the secret part (a file of its own); 6: texts in streams of CHUNK
# paragraphs; 7: an index on the § number (`§ 5 organ:kultur` walked every §);
# 8: chars and members per part (a secret §'s letters and names only in the secret part)
INDEX_NAME = ".namndtui-index.sqlite"
SECRET_SUFFIX = "-sekretess"  # the secret part: INDEX_NAME + this

SCHEMA = """
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE files(
    id INTEGER PRIMARY KEY, rel TEXT UNIQUE NOT NULL, mtime_ns INTEGER NOT NULL,
    ctime_ns INTEGER NOT NULL, size INTEGER NOT NULL, sha256 TEXT NOT NULL, problem TEXT);
CREATE TABLE folders(
    rel TEXT PRIMARY KEY, mtime_ns INTEGER NOT NULL, ctime_ns INTEGER NOT NULL, problem TEXT)
    WITHOUT ROWID;
CREATE TABLE scan_problems(folder TEXT NOT NULL, rel TEXT NOT NULL, message TEXT NOT NULL);
CREATE TABLE meetings(
    file_id INTEGER PRIMARY KEY, body TEXT NOT NULL, body_fold TEXT NOT NULL,
    date TEXT NOT NULL, first INTEGER, last INTEGER, count INTEGER NOT NULL);
CREATE INDEX meetings_date ON meetings(date);
"""
# The paragraphs: in the index (public ones, and of a secret one only its number, public
# title and the sentence the public minutes print) and, for secret ones in full, in the
# secret part: a database file of its own (`…-sekretess`) that a public search never opens.
PARAGRAPH_SCHEMA = """
CREATE TABLE paragraphs(
    id INTEGER PRIMARY KEY, file_id INTEGER NOT NULL, number INTEGER NOT NULL,
    item TEXT NOT NULL, title TEXT NOT NULL, dnr TEXT NOT NULL, dnr_norm TEXT NOT NULL,
    names TEXT NOT NULL, part INTEGER NOT NULL, secret TEXT NOT NULL);
CREATE INDEX paragraphs_file ON paragraphs(file_id);
CREATE INDEX paragraphs_dnr ON paragraphs(dnr_norm);
CREATE INDEX paragraphs_number ON paragraphs(number);
CREATE TABLE facts(
    para_id INTEGER NOT NULL, kind TEXT NOT NULL, member TEXT NOT NULL,
    PRIMARY KEY(para_id, kind, member)) WITHOUT ROWID;
CREATE INDEX facts_kind ON facts(kind, para_id);
CREATE INDEX facts_member ON facts(member, para_id);
CREATE TABLE texts(  -- a meeting's texts, CHUNK paragraphs to a zlib stream
    file_id INTEGER NOT NULL, chunk INTEGER NOT NULL, z BLOB NOT NULL,
    PRIMARY KEY(file_id, chunk)) WITHOUT ROWID;
CREATE VIRTUAL TABLE para_fts USING fts5(
    doc, tokenize='trigram', content='', detail='none', columnsize=0);
CREATE TABLE chars(c TEXT PRIMARY KEY) WITHOUT ROWID;
CREATE TABLE members(name TEXT PRIMARY KEY) WITHOUT ROWID;
"""
# chars (the letters the texts hold) and members (the names `ledamot:` resolves to) are
# per part too: the letters and names of a secret § are only in the secret part, so the
# index file a public search reads holds nothing of it beyond what the public minutes print.

# Files that could not be read or parsed, folders and entries that could not be looked at.
PROBLEMS = (
    "SELECT rel, problem FROM files WHERE problem IS NOT NULL"
    " UNION ALL SELECT CASE rel WHEN '' THEN '.' ELSE rel END, problem FROM folders"
    " WHERE problem IS NOT NULL"
    " UNION ALL SELECT rel, message FROM scan_problems"
)


class ArchiveError(UserError):
    """The archive folder cannot be used at all (missing, not a folder). Exit code 2."""


class MeetingRow(namedtuple("MeetingRow", "file_id path body date first last count")):
    """One meeting: file_id (int), path (str, relative to the archive folder), body, date
    (YYYY-MM-DD), first and last § (int or None), count of §§. (collections.namedtuple,
    not typing.NamedTuple: `namndtui search` does not import typing.)"""

    __slots__ = ()

    @property
    def range_text(self) -> str:
        if self.first is None:
            return ""
        if self.last is None or self.last == self.first:
            return f"§ {self.first}"
        return f"§§ {self.first}–{self.last}"


class Problem(namedtuple("Problem", "path message")):
    """A file that could not be read: path (relative to the archive folder) and the
    loader's message (FILE:LINE: …) or the OS's reason, its paths relative to the archive
    folder too (relative_paths)."""

    __slots__ = ()

    @property
    def line(self) -> str:
        """The warning line: PATH: reason (a folder's message does not name the folder)."""
        message = self.message or ""
        if not message or message.startswith(self.path):
            return message or self.path
        return f"{self.path}: {message}"


def relative_paths(message: str, folder: str) -> str:
    """`message` with the archive folder taken off the paths it names: a secretary reads
    them as the archive's own (`2024/03/protokoll.toml`), the same whether the file was
    indexed from the app (an absolute folder) or by `search --archive .` (and an index
    written before messages were stored this way reads the same)."""
    roots = {folder, os.path.abspath(folder)}
    for root in sorted(roots, key=len, reverse=True):
        stem = root.rstrip(os.sep)
        if stem and stem != ".":
            message = message.replace(stem + os.sep, "")
    return message[2:] if message.startswith("." + os.sep) else message


class IndexStats:
    """What an update did."""

    def __init__(self, *, rebuilt: str = "", skipped: bool = False) -> None:
        self.files = 0  # protokoll files found
        self.parsed = 0  # files read and parsed this time
        self.unchanged = 0
        self.removed = 0
        self.problems = 0
        self.paragraphs = 0  # paragraphs added this time
        self.seconds = 0.0
        self.rebuilt = rebuilt  # why the index was rebuilt from scratch ("" = it was not)
        self.skipped = skipped  # not checked: the last check was under `max_age` ago
        self.full = False  # the full check (every file stat'ed), not the folder check

    def __repr__(self) -> str:
        return f"IndexStats({vars(self)!r})"


def cache_dir() -> Path:
    from pathlib import Path

    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "namndtui"


def file_uri(path: str) -> str:
    """An SQLite URI of a file path (what Path.as_uri gives, without importing pathlib):
    only %, ? and # mean something in it."""
    quoted = os.path.abspath(path).replace("%", "%25").replace("?", "%3f").replace("#", "%23")
    return "file:" + quoted


def meta(conn: sqlite3.Connection, key: str) -> str | None:
    row = conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
    return row[0] if row else None


def data_version(conn: sqlite3.Connection) -> int:
    """Changes when another connection commits to the database (SQLite's data_version)."""
    return int(conn.execute("PRAGMA data_version").fetchone()[0])


# Paragraph ids: (date ordinal << DAY_BITS) | a number within the day, given downward from
# the top of the day's range, so that id order is meeting date order (newest = largest id)
# and, within one meeting, § order when read newest first (id DESC).
DAY_BITS = 20


def date_key(day: dt.date) -> int:
    """The smallest paragraph id of that day."""
    return day.toordinal() << DAY_BITS


SEPARATOR = "\x1e"  # between a meeting's texts (clean() keeps control characters out)


CHUNK = 6  # paragraphs per zlib stream: 5 to a 30-§ meeting


def pack(texts: list[str]) -> bytes:
    """CHUNK paragraph texts as stored: one zlib stream (a stream per paragraph compresses
    only to about half; one per meeting best, but a search reads a whole stream per hit)."""
    return zlib.compress(SEPARATOR.join(texts).encode("utf-8", "surrogatepass"), 6)


def unpack(z: bytes) -> list[str]:
    return zlib.decompress(z).decode("utf-8", "surrogatepass").split(SEPARATOR)


def searched_text(title: str, dnr: str, names: str, text: str) -> str:
    """What the full-text index holds of a paragraph, and what a match is verified in."""
    return f"{title}\n{dnr}\n{names}\n{text}"
