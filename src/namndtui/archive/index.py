"""The archive index: SQLite FTS5 (trigram) over every § of every protokoll.toml.

- Stored as `.namndtui-index.sqlite` in the archive folder, or in the cache folder
  (`$XDG_CACHE_HOME/namndtui/`, else `~/.cache/namndtui/`) when the archive is read-only;
  secret §§ in full in a file of their own beside it (`…-sekretess`, the secret part),
  which a public search never opens (docs/archive.md, "Secret paragraphs").
- The FTS5 table is contentless and keeps no positions (the index stays smaller than the
  minutes): a word is looked up as all its trigrams and checked in the paragraph's text,
  kept compressed beside it.
- A `meta` table holds the schema version; an index of another version, or one that is not
  a readable SQLite database, is deleted and rebuilt (it is derived data, nothing is lost).
- Incremental, by the folder manifest of freshness.py; a changed signature → the SHA-256
  decides whether the file is parsed again. Files gone from the tree are removed.
- One writer at a time (lock.py); WAL, so readers never wait; a batch per transaction, so
  a killed build resumes.
- Files that cannot be read or parsed are kept as problems (with the loader's FILE:LINE
  message) and are parsed again only when they change.
- One SQLite connection per thread (the TUI searches in a worker thread).

`namndtui search` imports this module on every search, so it imports only what a search
needs (sqlite3, zlib; no pathlib, typing, threading or contextlib): paths are kept as strings, and
`folder`, `db_path` and `secret_path` are pathlib Paths made when asked for.
"""

from __future__ import annotations

import _thread  # threading's own lock and thread-local (importing threading costs ~0.6 ms)
import datetime as dt
import math
import os
import sqlite3
import time
import zlib
from collections import namedtuple
from collections.abc import Callable, Iterable

from namndtui.archive.freshness import Found, Plan, check
from namndtui.archive.lock import checked_recently, exclusive, mark_checked
from namndtui.archive.search import TRIGRAM as TRIGRAM_LEN
from namndtui.archive.search import Hit, Query, find_spans, make_snippet, parse_query
from namndtui.archive.text import (
    MOTION,
    NOTE,
    RECUSAL,
    RESERVATION,
    STATEMENT,
    VOTE,
    fold,
    normalize_dnr,
)
from namndtui.errors import UserError

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (start-up time)

if TYPE_CHECKING:
    from pathlib import Path
    from typing import Any

SCHEMA_VERSION = 8
# 2: date-ordered paragraph ids, the chars table; 3: the folders manifest;
# 4: contentless trigram index without positions, texts compressed, matches verified;
# 5: the secret part (a file of its own); 6: texts in streams of CHUNK
# paragraphs; 7: an index on the § number (`§ 5 organ:kultur` walked every §);
# 8: chars and members per part (a secret §'s letters and names only in the secret part)
INDEX_NAME = ".namndtui-index.sqlite"
SECRET_SUFFIX = "-sekretess"  # the secret part: INDEX_NAME + this
COMMIT_EVERY = 200  # files per transaction while building (a killed build resumes; searches
# during a build see each batch)
PERSON_KINDS = frozenset({RESERVATION, VOTE, MOTION, NOTE, STATEMENT, RECUSAL})

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

Loader = Callable[["Path"], "Any"]  # path -> Minutes (.meeting, .state); raises UserError
Progress = Callable[[int, int], None]  # (files done, files to parse)


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
    loader's message (FILE:LINE: …) or the OS's reason."""

    __slots__ = ()


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

    def __repr__(self) -> str:
        return f"IndexStats({vars(self)!r})"


def cache_dir() -> Path:
    from pathlib import Path

    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "namndtui"


def default_loader(path: Path) -> Any:
    """`load_protokoll`: the same parser serves review and the archive."""
    try:
        from namndtui.minutes import load_protokoll  # type: ignore[attr-defined]
    except ImportError:
        from namndtui.minutes.protokoll_read import load_protokoll
    return load_protokoll(path)


class ArchiveIndex:
    """The index of one archive folder. Call `update()` before searching (cheap when fresh)."""

    def __init__(
        self,
        folder: Path | str,
        *,
        db_path: Path | str | None = None,
        loader: Loader | None = None,
        on_wait: Callable[[], None] | None = None,
        public: bool = False,
    ) -> None:
        self._folder = os.fspath(folder)
        if not os.path.exists(self._folder):
            raise ArchiveError(f"{self._folder}: arkivet finns inte", 2)
        if not os.path.isdir(self._folder):
            raise ArchiveError(f"{self._folder}: arkivet är ingen mapp", 2)
        if not os.access(self._folder, os.R_OK | os.X_OK):
            raise ArchiveError(f"{self._folder}: mappen kan inte läsas", 2)
        self.loader: Loader = loader or default_loader
        self._db = os.fspath(db_path) if db_path else self._choose_location()
        self.lock_path = self._db + ".lock"  # one writer at a time (lock.py)
        self._secret = self._db + SECRET_SUFFIX
        self.public = public  # never open the secret part (`search --publicering`)
        self.on_wait = on_wait  # called when another process holds the lock
        self.rebuilt = ""  # why the index was (re)created on opening
        self._local = _thread._local()
        self._generation = 0
        self._lock = _thread.allocate_lock()
        self._ensure()

    @property
    def folder(self) -> Path:
        from pathlib import Path

        return Path(self._folder)

    @property
    def db_path(self) -> Path:
        from pathlib import Path

        return Path(self._db)

    @property
    def secret_path(self) -> Path:
        from pathlib import Path

        return Path(self._secret)

    # --- location, schema, connections ---------------------------------------------------

    def _choose_location(self) -> str:
        here = os.path.join(self._folder, INDEX_NAME)
        folder_writable = os.access(self._folder, os.W_OK)
        if os.path.exists(here):
            if os.access(here, os.R_OK | os.W_OK) and folder_writable:
                return here
        elif folder_writable:
            return here
        import hashlib

        key = hashlib.sha256(str(self.folder.resolve()).encode()).hexdigest()[:16]
        return str(cache_dir() / f"index-{key}.sqlite")

    def _connect(self) -> sqlite3.Connection:
        conn = sqlite3.connect(self._db, timeout=10, isolation_level=None)
        conn.create_function("fold", 1, fold, deterministic=True)
        conn.execute("PRAGMA busy_timeout = 10000")
        return conn

    def _ensure(self) -> None:
        """Open the index; create it, or rebuild it when old or corrupted."""
        try:
            os.makedirs(os.path.dirname(self._db) or ".", exist_ok=True)
        except OSError as err:
            raise ArchiveError(
                f"{self.db_path.parent}: kan inte skapa indexmappen: {err.strerror}", 2
            ) from None
        if self._check() is None:
            return
        try:
            with exclusive(self.lock_path, self.on_wait):
                reason = self._check()  # again: another process may have created it meanwhile
                if reason is None:
                    return
                self._delete()  # an unusable index, or a secret part left without one
                self.rebuilt = reason
                for path, schema in (
                    (self._secret, PARAGRAPH_SCHEMA),
                    (self._db, SCHEMA + PARAGRAPH_SCHEMA),
                ):
                    conn = sqlite3.connect(path, isolation_level=None)
                    try:
                        conn.execute("PRAGMA journal_mode = WAL")  # readers never wait
                        conn.executescript(
                            "BEGIN; CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);"
                            + schema.replace(
                                "CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);", ""
                            )
                            + "COMMIT;"
                        )
                        conn.execute(
                            "INSERT INTO meta VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),)
                        )
                    finally:
                        conn.close()
                mark_checked(self.lock_path, never=True)
        except (sqlite3.Error, OSError) as err:
            raise ArchiveError(f"{self._db}: indexet kan inte skapas: {err}", 2) from None
        self._generation += 1

    def _check(self) -> str | None:
        """None: the index is usable; "" : it does not exist; else why it must be rebuilt."""
        try:
            if os.stat(self._db).st_size == 0:
                return ""
        except OSError:  # as Path.exists: missing or not reachable
            return ""
        try:
            conn = self._connect()
            try:
                row = conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
                conn.execute("SELECT count(*) FROM para_fts WHERE para_fts MATCH 'abc'").fetchone()
            finally:
                conn.close()
        except sqlite3.DatabaseError:
            return "indexet var skadat"
        if row is None or row[0] != str(SCHEMA_VERSION):
            return "indexet hade en annan version"
        if self.public:  # the secret part is not opened, only looked for
            return None if os.path.exists(self._secret) else "indexets sekretessdel saknades"
        try:
            # mode=rw: a missing secret part is reported, never created empty here
            conn = sqlite3.connect(_file_uri(self._secret) + "?mode=rw", uri=True)
            try:
                row = conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
            finally:
                conn.close()
        except sqlite3.DatabaseError:
            return "indexets sekretessdel saknades eller var skadad"
        if row is None or row[0] != str(SCHEMA_VERSION):
            return "indexets sekretessdel hade en annan version"
        return None

    def _delete(self) -> None:
        for path in (self._db, self._secret):
            for suffix in ("", "-journal", "-wal", "-shm"):
                try:  # noqa: SIM105 - no contextlib on a search's path
                    os.unlink(path + suffix)
                except FileNotFoundError:
                    pass

    def _conn(self, *, secret: bool | None = None) -> sqlite3.Connection:
        """This thread's connection (SQLite connections must not cross threads): with the
        secret part attached as `s` (the secretary's searches, every update), or – for a
        public index or `secret=False` – the index alone: that connection never opens the
        secret part's file."""
        secret = not self.public if secret is None else secret
        slot = "full" if secret else "conn"
        conn = getattr(self._local, slot, None)
        if conn is None or getattr(self._local, slot + "_gen", -1) != self._generation:
            if conn is not None:
                conn.close()
            conn = self._connect()
            if secret:
                conn.execute("ATTACH DATABASE ? AS s", (self._secret,))
            setattr(self._local, slot, conn)
            setattr(self._local, slot + "_gen", self._generation)
        return conn

    def close(self) -> None:
        """Close this thread's connections (others close when their threads end)."""
        for slot in ("conn", "full"):
            conn = getattr(self._local, slot, None)
            if conn is not None:
                conn.close()
                setattr(self._local, slot, None)

    # --- updating ------------------------------------------------------------------------

    def update(self, progress: Progress | None = None, *, max_age: float = 0.0) -> IndexStats:
        """Bring the index up to date with the folder. Never raises for a bad file.

        `max_age`: skip the check when the last complete one is younger (seconds); the
        command line passes 1 s, so a search right after another one stats nothing.
        """
        with self._lock:
            if not self.rebuilt and checked_recently(self.lock_path, max_age):
                return IndexStats(skipped=True)
            try:
                return self._update(progress)
            except sqlite3.DatabaseError as err:
                if isinstance(err, sqlite3.OperationalError) and "locked" in str(err):
                    raise ArchiveError(
                        f"{self._db}: indexet är låst av ett annat program", 2
                    ) from None
                # Corrupted under our feet: start over once.
                self.close()
                with exclusive(self.lock_path, self.on_wait):
                    self._delete()
                self._ensure()
                self.rebuilt = "indexet var skadat"
                stats = self._update(progress)
                stats.rebuilt = self.rebuilt
                return stats

    def _plan(self, conn: sqlite3.Connection) -> Plan:
        """What changed since the manifest was written (freshness.check)."""
        folders = {
            rel: ((mtime, ctime), problem)
            for rel, mtime, ctime, problem in conn.execute(
                "SELECT rel, mtime_ns, ctime_ns, problem FROM folders"
            )
        }
        files = {
            rel: ((mtime, ctime), size)
            for rel, mtime, ctime, size in conn.execute(
                "SELECT rel, mtime_ns, ctime_ns, size FROM files"
            )
        }
        try:
            return check(self._folder, folders, files, time.time_ns())
        except OSError as err:
            raise ArchiveError(
                f"{self._folder}: mappen kan inte läsas: {err.strerror}", 2
            ) from None

    def _update(self, progress: Progress | None) -> IndexStats:
        started = time.perf_counter()
        stats = IndexStats(rebuilt=self.rebuilt)
        conn = self._conn(secret=True)  # an update writes both parts
        version = _data_version(conn)
        if _meta(conn, "writing") == "1":  # the last update was cut short
            with exclusive(self.lock_path, self.on_wait):
                _repair_secret_part(conn)
        plan = self._plan(conn)
        if not plan.empty:
            with exclusive(self.lock_path, self.on_wait):
                if _data_version(conn) != version:  # another process wrote meanwhile
                    plan = self._plan(conn)
                self._apply(conn, plan, stats, progress)
        mark_checked(self.lock_path)
        stats.files = plan.total
        stats.unchanged += plan.unchanged
        stats.problems = len(self.problems())
        stats.seconds = time.perf_counter() - started
        self.rebuilt = ""
        return stats

    def _apply(
        self,
        conn: sqlite3.Connection,
        plan: Plan,
        stats: IndexStats,
        progress: Progress | None,
    ) -> None:
        """Make the index equal the tree: one transaction per batch of files, the folders
        last (a build killed midway lists the folders again and skips the files done)."""
        # The two parts commit one after the other (WAL: no atomic commit across files): an
        # update cut short may leave them apart. Marked here, repaired by the next update.
        # The count of problems (meta 'problems', what a search reads instead of scanning
        # the files table) is unknown until the update is done.
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("INSERT OR REPLACE INTO meta VALUES ('writing', '1')")
        conn.execute("DELETE FROM meta WHERE key = 'problems'")
        conn.execute("COMMIT")
        conn.execute("BEGIN IMMEDIATE")
        try:
            for rel in plan.gone_files:
                self._remove_file(conn, _known(conn, rel)[0])  # type: ignore[index]
            stats.removed = len(plan.gone_files)
            if progress is not None and plan.files:
                progress(0, len(plan.files))
            for n, f in enumerate(plan.files, 1):
                self._index_file(conn, f, _known(conn, f.rel), stats)
                if n % COMMIT_EVERY == 0:
                    conn.execute("COMMIT")
                    conn.execute("BEGIN IMMEDIATE")
                if progress is not None:
                    progress(n, len(plan.files))
            for rel in plan.gone_folders:
                conn.execute("DELETE FROM folders WHERE rel = ?", (rel,))
                conn.execute("DELETE FROM scan_problems WHERE folder = ?", (rel,))
            conn.executemany(
                "INSERT OR REPLACE INTO folders VALUES (?, ?, ?, ?)",
                [(rel, sig[0], sig[1], problem) for rel, (sig, problem) in plan.folders.items()],
            )
            for folder, problems in plan.entry_problems.items():
                conn.execute("DELETE FROM scan_problems WHERE folder = ?", (folder,))
                conn.executemany(
                    "INSERT INTO scan_problems VALUES (?, ?, ?)",
                    [(folder, rel, message) for rel, message in problems],
                )
            conn.execute(
                f"INSERT OR REPLACE INTO meta SELECT 'problems', count(*) FROM ({PROBLEMS})"
            )
            conn.execute("INSERT OR REPLACE INTO meta VALUES ('writing', '0')")
            conn.execute("COMMIT")
        except BaseException:
            try:  # noqa: SIM105 - no contextlib on a search's path
                conn.execute("ROLLBACK")
            except sqlite3.Error:
                pass
            raise

    def _remove_file(self, conn: sqlite3.Connection, file_id: int) -> None:
        for db in ("main", "s"):
            texts = [
                text
                for (z,) in conn.execute(
                    f"SELECT z FROM {db}.texts WHERE file_id = ? ORDER BY chunk", (file_id,)
                )
                for text in unpack(z)
            ]
            rows = conn.execute(
                f"SELECT id, title, dnr, names, part FROM {db}.paragraphs WHERE file_id = ?",
                (file_id,),
            ).fetchall()
            for pid, title, dnr, names, part in rows:
                # A contentless FTS5 table forgets a row only when told what it held.
                if part < len(texts):
                    conn.execute(
                        f"INSERT INTO {db}.para_fts(para_fts, rowid, doc) VALUES ('delete', ?, ?)",
                        (pid, searched_text(title, dnr, names, texts[part])),
                    )
                conn.execute(f"DELETE FROM {db}.facts WHERE para_id = ?", (pid,))
            conn.execute(f"DELETE FROM {db}.texts WHERE file_id = ?", (file_id,))
            conn.execute(f"DELETE FROM {db}.paragraphs WHERE file_id = ?", (file_id,))
        conn.execute("DELETE FROM meetings WHERE file_id = ?", (file_id,))
        conn.execute("DELETE FROM files WHERE id = ?", (file_id,))

    def _index_file(
        self, conn: sqlite3.Connection, f: Found, row: tuple[int, str] | None, stats: IndexStats
    ) -> None:
        path = self.folder / f.rel
        try:
            data = path.read_bytes()
        except OSError as err:
            self._store_problem(
                conn, f, row, "", f"{path}: filen kan inte läsas: {err.strerror or err}"
            )
            return
        import hashlib

        sha = hashlib.sha256(data).hexdigest()
        if row and row[1] == sha:  # touched, not changed
            conn.execute(
                "UPDATE files SET mtime_ns = ?, ctime_ns = ?, size = ? WHERE id = ?",
                (f.mtime_ns, f.ctime_ns, f.size, row[0]),
            )
            stats.unchanged += 1
            return
        stats.parsed += 1
        try:
            minutes = self.loader(path)
            from namndtui.archive.documents import documents_of  # the indexer only

            info, docs = documents_of(minutes.meeting, minutes.state)
        except UserError as err:
            self._store_problem(conn, f, row, sha, str(err))
            return
        except Exception as err:  # a loader bug must not stop the scan of 5,000 files
            self._store_problem(
                conn, f, row, sha, f"{path}: kan inte läsas: {type(err).__name__}: {err}"
            )
            return
        if row:
            self._remove_file(conn, row[0])
        cur = conn.execute(
            "INSERT INTO files(rel, mtime_ns, ctime_ns, size, sha256, problem)"
            " VALUES (?, ?, ?, ?, ?, NULL)",
            (f.rel, f.mtime_ns, f.ctime_ns, f.size, sha),
        )
        fid = cur.lastrowid
        conn.execute(
            "INSERT INTO meetings VALUES (?, ?, ?, ?, ?, ?, ?)",
            (fid, info.body, fold(info.body), info.date, info.first, info.last, info.count),
        )
        # Paragraph ids are date-ordered (see date_key): the newest matches come first when
        # FTS5 walks its rowids backwards, so a search can stop early.
        top = _free_key(conn, dt.date.fromisoformat(info.date), len(docs))
        ids = [top - n for n in range(len(docs))]
        _insert_paragraphs(
            conn, "main", fid, list(zip(ids, [d.public() for d in docs], strict=True))
        )
        secret = [(pid, doc) for pid, doc in zip(ids, docs, strict=True) if doc.secret]
        if secret:  # in full only in the secret part
            _insert_paragraphs(conn, "s", fid, secret)
        _insert_lookups(conn, "main", [d.public() for d in docs])
        _insert_lookups(conn, "s", [doc for _, doc in secret])
        stats.paragraphs += len(docs)

    def _store_problem(
        self, conn: sqlite3.Connection, f: Found, row: tuple[int, str] | None, sha: str, msg: str
    ) -> None:
        if row:
            self._remove_file(conn, row[0])
        conn.execute(
            "INSERT INTO files(rel, mtime_ns, ctime_ns, size, sha256, problem)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            (f.rel, f.mtime_ns, f.ctime_ns, f.size, sha, msg),
        )

    # --- reading -------------------------------------------------------------------------

    def problems(self) -> list[Problem]:
        """Files that could not be read or parsed, and folders or entries that could not
        be looked at, by path."""
        conn = self._conn()
        if _meta(conn, "problems") == "0":  # counted by the last update (a scan costs 2–10 ms)
            return []
        return [Problem(rel, msg) for rel, msg in conn.execute(PROBLEMS + " ORDER BY 1")]

    def meetings(self, *, body: str = "", year: str = "") -> list[MeetingRow]:
        """Meetings by body, then date (newest first); optionally one body and/or year."""
        sql = (
            "SELECT m.file_id, f.rel, m.body, m.date, m.first, m.last, m.count "
            "FROM meetings m JOIN files f ON f.id = m.file_id WHERE 1"
        )
        params: list[Any] = []
        if body:
            sql += " AND m.body = ?"
            params.append(body)
        if year:
            sql += " AND substr(m.date, 1, 4) = ?"
            params.append(year)
        sql += " ORDER BY m.body, m.date DESC, f.rel"
        return [MeetingRow(*row) for row in self._conn().execute(sql, params)]

    def bodies(self) -> list[str]:
        return [
            r[0] for r in self._conn().execute("SELECT DISTINCT body FROM meetings ORDER BY body")
        ]

    def years(self) -> list[str]:
        rows = self._conn().execute(
            "SELECT DISTINCT substr(date, 1, 4) AS y FROM meetings ORDER BY y DESC"
        )
        return [r[0] for r in rows]

    def counts(self) -> tuple[int, int]:
        """(meetings, paragraphs) in the index."""
        conn = self._conn()
        return (
            conn.execute("SELECT count(*) FROM meetings").fetchone()[0],
            conn.execute("SELECT count(*) FROM paragraphs").fetchone()[0],
        )

    def load(self, rel: str) -> Any:
        """The Minutes of one indexed file (for review). Raises UserError for a bad file."""
        from pathlib import Path

        parts = Path(rel).parts
        if Path(rel).is_absolute() or ".." in parts:  # an edited index must not reach out
            raise UserError(f"{rel}: ligger utanför arkivmappen {self.folder}", 1)
        return self.loader(self.folder / rel)

    def search(self, query: Query | str, limit: int = 50) -> list[Hit]:
        """The best `limit` paragraphs for the query, newest first without words.

        With words: the newest `WINDOW` matches (after the filters) are ranked in Python
        (rank_rows) and the best `limit` returned. bm25 is not used: FTS5 counts every
        match of every phrase to compute it, 150–600 ms for a common word.
        """
        q = parse_query(query) if isinstance(query, str) else query
        limit = max(1, min(limit, MAX_LIMIT))
        if q.empty:
            return []
        conn = self._conn()
        match = fts_match(q, self._alphabet(conn)) if q.fts_terms or q.pair_terms else ""
        if match is None:  # a two-letter word with letters the archive does not have
            return []
        # Names are resolved here (`ledamot:ek` → every member with a word starting so) so
        # that SQLite finds their facts through an index instead of testing every fact.
        names = self._lookup(conn, "SELECT name FROM {}.members") if q.members else []
        resolved = []
        for part in q.members:
            found = [n for n in names if (" " + n).find(" " + part) >= 0]
            if not found:
                return []
            resolved.append(found)
        sparse = not match and any(
            conn.execute(
                "SELECT count(*) FROM (SELECT 1 FROM facts WHERE kind IN"
                f" ({', '.join('?' for _ in kinds)}) LIMIT ?)",
                [*sorted(kinds), SPARSE],
            ).fetchone()[0]
            < SPARSE
            for kinds in q.kinds
        )
        window = max(WINDOW, limit)
        parts = ["main"] if self.public else ["main", "s"]
        rows: list[Any] = []
        for db in parts:  # the index, then (the secretary's own searches) the secret part
            sql, params = build_sql(
                q, match, None if q.terms else limit, resolved, sparse=sparse, db=db,
                public_rows=len(parts) > 1 and db == "main",
            )  # fmt: skip
            texts = _Texts(conn, db)
            if q.terms:
                rows += verified(conn.execute(sql, params), q.terms, window, texts)
            else:
                rows += [(*row[:4], None, row[6], texts) for row in conn.execute(sql, params)]
        if q.terms:
            ranked = rank_rows(rows, q.terms, self._idf(conn, q))[:limit]
        else:
            ranked = [(0.0, r) for r in sorted(rows, key=lambda r: -r[0])[:limit]]
        return [self._hit(conn, score, row, q) for score, row in ranked]

    def _hit(self, conn: sqlite3.Connection, score: float, row: Any, q: Query) -> Hit:
        pid, title, dnr, _names, text, secret, texts = row
        rel, body, date, number, item = conn.execute(
            "SELECT f.rel, m.body, m.date, p.number, p.item"
            f" FROM {texts.db}.paragraphs p JOIN meetings m ON m.file_id = p.file_id"
            " JOIN files f ON f.id = p.file_id WHERE p.id = ?",
            (pid,),
        ).fetchone()
        if text is None:
            text = texts.of_paragraph(pid)
        snippet, spans = make_snippet(text, q.terms + q.members)
        return Hit(
            path=rel, body=body, date=date, number=number, item=item, title=title, dnr=dnr,
            snippet=snippet, spans=spans, title_spans=find_spans(title, q.terms), score=score,
            secret=secret,
        )  # fmt: skip

    def _idf(self, conn: sqlite3.Connection, q: Query) -> dict[str, float] | None:
        """bm25's inverse document frequency of each word, for searches of two or more
        words (with one it changes no order). The count is of the rows holding all the
        word's trigrams, at most DF_CAP: a bound on the time, not on the order of rare words."""
        terms = [t for t in q.terms if len(t) >= TRIGRAM_LEN]
        if len(terms) < 2:
            return None
        version = _data_version(conn)
        if getattr(self._local, "total", (None, 0))[0] != version:  # counted once per change
            count = conn.execute("SELECT count(*) FROM paragraphs").fetchone()[0]
            self._local.total = (version, count)
        total = self._local.total[1] or 1
        idf = {}
        for term in terms:
            match = " AND ".join(_fts_string(g) for g in _trigrams(term))
            df = conn.execute(
                "SELECT count(*) FROM (SELECT 1 FROM para_fts WHERE para_fts MATCH ? LIMIT ?)",
                (match, DF_CAP),
            ).fetchone()[0]
            idf[term] = math.log(1 + (total - df + 0.5) / (df + 0.5))
        return idf

    def _alphabet(self, conn: sqlite3.Connection) -> list[str]:
        return self._lookup(conn, "SELECT c FROM {}.chars")

    def _lookup(self, conn: sqlite3.Connection, sql: str) -> list[str]:
        """The rows of a per-part lookup table: the index's, and the secret part's when
        this search may see it (the secretary's; never a public one)."""
        parts = ("main",) if self.public else ("main", "s")
        return sorted({r[0] for part in parts for r in conn.execute(sql.format(part))})


def _insert_lookups(conn: sqlite3.Connection, part: str, docs: list[Any]) -> None:
    """The letters and member names of `docs` (ParagraphDoc) into `part`'s lookup tables."""
    letters = set("".join(searched_text(d.title, d.dnr, d.names, d.text) for d in docs).lower())
    people = {_fold_name(member) for d in docs for _, member in d.facts if member}
    conn.executemany(f"INSERT OR IGNORE INTO {part}.chars VALUES (?)", [(c,) for c in letters])
    conn.executemany(f"INSERT OR IGNORE INTO {part}.members VALUES (?)", [(p,) for p in people])


# Paragraph ids: (date ordinal << DAY_BITS) | a number within the day, given downward from
# the top of the day's range, so that id order is meeting date order (newest = largest id)
# and, within one meeting, § order when read newest first (id DESC).
DAY_BITS = 20
SPARSE = 20000  # facts of a kind: fewer are looked up first (build_sql)
MAX_LIMIT = 10_000  # hits per search, whatever the caller asks for
WINDOW = 200  # matches ranked per search, the newest ones (docs/archive.md)
# Column weights for rank_rows (BM25F), in the order title, Dnr, names, decision, text: a
# title counts most; the report text least (it is long and says much).
WEIGHTS = (10.0, 5.0, 3.0, 2.0, 1.0)
BM25_K1 = 1.2
# Length normalisation per column: weak on titles (a long title is not a diluted one: it
# names the matter and then says more), none on the Dnr.
BM25_B = (0.3, 0.0, 0.75, 0.75, 0.75)
DECISION_PREFIX = "Beslut: "  # the decision's line in a paragraph's text (documents.py)
DF_CAP = 3_000  # rows counted for a word's document frequency (more: equally common)


def _insert_paragraphs(
    conn: sqlite3.Connection, db: str, file_id: int, rows: list[tuple[int, Any]]
) -> None:
    """One meeting's paragraphs (id, ParagraphDoc) into `db` ("main" or the secret "s")."""
    conn.executemany(
        f"INSERT INTO {db}.texts VALUES (?, ?, ?)",
        [
            (file_id, n // CHUNK, pack([d.text for _, d in rows[n : n + CHUNK]]))
            for n in range(0, len(rows), CHUNK)
        ],
    )
    conn.executemany(
        f"INSERT INTO {db}.paragraphs(id, file_id, number, item, title, dnr, dnr_norm, names,"
        " part, secret) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (pid, file_id, d.number, d.item, d.title, d.dnr, normalize_dnr(d.dnr), d.names,
             part, d.secret)
            for part, (pid, d) in enumerate(rows)
        ],
    )  # fmt: skip
    # FTS5 flushes what it holds in memory whenever a rowid is not above the last one (a
    # tiny segment each time: 6x slower): the ids go down within a meeting, so reversed.
    conn.executemany(
        f"INSERT INTO {db}.para_fts(rowid, doc) VALUES (?, ?)",
        [(pid, searched_text(d.title, d.dnr, d.names, d.text)) for pid, d in reversed(rows)],
    )
    conn.executemany(
        f"INSERT INTO {db}.facts VALUES (?, ?, ?)",
        [
            (pid, kind, _fold_name(member))
            for pid, d in rows
            for kind, member in dict.fromkeys(d.facts)
        ],
    )


_NAMES: dict[str, str] = {}


def _fold_name(name: str) -> str:
    """fold() of a member's name, remembered (the same few hundred names, 100,000 times)."""
    folded = _NAMES.get(name)
    if folded is None:
        if len(_NAMES) > 100_000:
            _NAMES.clear()
        folded = _NAMES[name] = fold(name)
    return folded


def _known(conn: sqlite3.Connection, rel: str) -> tuple[int, str] | None:
    """A file the index holds: (id, SHA-256), or None."""
    return conn.execute("SELECT id, sha256 FROM files WHERE rel = ?", (rel,)).fetchone()


def _file_uri(path: str) -> str:
    """An SQLite URI of a file path (what Path.as_uri gives, without importing pathlib):
    only %, ? and # mean something in it."""
    quoted = os.path.abspath(path).replace("%", "%25").replace("?", "%3f").replace("#", "%23")
    return "file:" + quoted


def _meta(conn: sqlite3.Connection, key: str) -> str | None:
    row = conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
    return row[0] if row else None


def _repair_secret_part(conn: sqlite3.Connection) -> None:
    """After an update cut short: if the two parts disagree on which §§ are secret, empty
    the secret part and have every file with a secret § read again."""
    stubs = set(conn.execute("SELECT id FROM main.paragraphs WHERE secret != ''"))
    full = set(conn.execute("SELECT id FROM s.paragraphs"))
    if stubs == full:
        return
    conn.execute("BEGIN IMMEDIATE")
    conn.execute("INSERT INTO s.para_fts(para_fts) VALUES ('delete-all')")
    for table in ("texts", "paragraphs", "facts"):
        conn.execute(f"DELETE FROM s.{table}")
    conn.execute(  # a signature that never matches: looked at, hashed, read again
        "UPDATE files SET mtime_ns = -1, ctime_ns = -1, sha256 = '' WHERE id IN"
        " (SELECT file_id FROM main.paragraphs WHERE secret != '')"
    )
    conn.execute("COMMIT")


def _data_version(conn: sqlite3.Connection) -> int:
    """Changes when another connection commits to the database (SQLite's data_version)."""
    return int(conn.execute("PRAGMA data_version").fetchone()[0])


def date_key(day: dt.date) -> int:
    """The smallest paragraph id of that day."""
    return day.toordinal() << DAY_BITS


def _free_key(conn: sqlite3.Connection, day: dt.date, count: int) -> int:
    """The id for the first of `count` new paragraphs of that day (the rest go downward)."""
    base = date_key(day)
    top = base + (1 << DAY_BITS) - 1
    low, high = conn.execute(
        "SELECT min(id), max(id) FROM paragraphs WHERE id BETWEEN ? AND ?", (base, top)
    ).fetchone()
    if low is None:
        return top
    if low - count >= base:
        return low - 1
    if high + count <= top:  # a million re-indexings of one day: use the room above
        return high + count
    raise UserError(f"för många paragrafer den {day.isoformat()} i indexet", 2)


def _trigrams(term: str) -> list[str]:
    return list(dict.fromkeys(term[i : i + TRIGRAM_LEN] for i in range(len(term) - 2)))


def _fts_string(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def fts_match(q: Query, alphabet: list[str]) -> str | None:
    """The FTS5 MATCH string: every word as a phrase; a two-letter word as any trigram
    holding it (`kd` → "kda" OR "ekd" OR …, over the characters the archive contains).
    None when a two-letter word cannot occur."""
    parts = []
    for term in q.fts_terms:  # the index has no positions: every trigram of the word
        parts += [
            _fts_string(g) for g in dict.fromkeys(term[i : i + 3] for i in range(len(term) - 2))
        ]
    for term in q.pair_terms:
        grams = sorted({term + c for c in alphabet} | {c + term for c in alphabet})
        if not grams or not set(term) <= set(alphabet):
            return None
        parts.append("(" + " OR ".join(_fts_string(g) for g in grams) + ")")
    return " AND ".join(parts)


def build_sql(
    q: Query,
    match: str,
    limit: int | None,
    members: list[list[str]],
    *,
    sparse: bool = False,
    db: str = "main",
    public_rows: bool = False,
) -> tuple[str, list[Any]]:
    """SQL and parameters for a parsed query (all values as parameters, never spliced).

    Rows: id, title, dnr, names and, with words (`limit` None: the caller verifies the rows
    and stops reading), the compressed text; newest first, so SQLite (and FTS5, walking its
    rowids backwards) stops early. Meetings are joined only for a body filter: each join
    costs a lookup per row looked at.
    `members`: the member names each `ledamot:` part stands for. Without words, facts of
    a member, or of a kind rarer than SPARSE (`sparse`), are looked up first (a scan of
    every § newest first would find few and not stop early).
    """
    where: list[str] = []
    params: list[Any] = []
    if match:
        key = "ft.rowid"
        source = f"{db}.para_fts ft JOIN {db}.paragraphs p ON p.id = ft.rowid"
        where.append("ft.para_fts MATCH ?")
        params.append(match)
    else:
        key = "p.id"
        source = f"{db}.paragraphs p"
    if public_rows:  # the secret part holds these §§ in full
        where.append("p.secret = ''")
    if q.bodies:
        source += " JOIN meetings m ON m.file_id = p.file_id"
    # A date range is a range of ids: FTS5 and the paragraphs table both seek to it.
    if q.date_from:
        where.append(f"{key} >= ?")
        params.append(date_key(dt.date.fromisoformat(q.date_from)))
    if q.date_to:
        where.append(f"{key} < ?")
        params.append(date_key(dt.date.fromisoformat(q.date_to) + dt.timedelta(days=1)))
    for body in q.bodies:
        where.append("instr(m.body_fold, ?) > 0")
        params.append(body)
    if q.number is not None:
        where.append("p.number = ?")
        params.append(q.number)
    for dnr in q.dnrs:
        if dnr.endswith("*"):
            where.append("substr(p.dnr_norm, 1, ?) = ?")
            params += [len(dnr) - 1, dnr[:-1]]
        else:
            where.append("p.dnr_norm = ?")
            params.append(dnr)
    tied = False
    for kinds in q.kinds:
        cond = f"x.kind IN ({', '.join('?' for _ in kinds)})"
        kind_params: list[Any] = sorted(kinds)
        if members and kinds <= PERSON_KINDS:  # "reservation by Anna Ek": the same fact
            for names in members:
                cond += f" AND x.member IN ({', '.join('?' for _ in names)})"
                kind_params += names
            tied = True
        where.append(_fact_condition(cond, db, drive=not match and (sparse or tied)))
        params += kind_params
    if not tied:
        for names in members:
            cond = f"x.member IN ({', '.join('?' for _ in names)})"
            where.append(_fact_condition(cond, db, drive=not match))
            params += names
    columns = "p.id, p.title, p.dnr, p.names, p.file_id, p.part, p.secret"
    sql = f"SELECT {columns} FROM {source} WHERE {' AND '.join(where) or '1'} ORDER BY {key} DESC"
    if limit is not None:
        sql += " LIMIT ?"
        params.append(limit)
    return sql, params


def _fact_condition(cond: str, db: str, *, drive: bool) -> str:
    """The § has a fact matching `cond`: looked up per § (EXISTS), or all such §§ first."""
    if drive:
        return f"p.id IN (SELECT x.para_id FROM {db}.facts x WHERE {cond})"
    return f"EXISTS (SELECT 1 FROM {db}.facts x WHERE x.para_id = p.id AND {cond})"


SEPARATOR = "\x1e"  # between a meeting's texts (clean() keeps control characters out)


CHUNK = 6  # paragraphs per zlib stream: 5 to a 30-§ meeting


def pack(texts: list[str]) -> bytes:
    """CHUNK paragraph texts as stored: one zlib stream (a stream per paragraph compresses
    only to about half; one per meeting best, but a search reads a whole stream per hit)."""
    return zlib.compress(SEPARATOR.join(texts).encode("utf-8", "surrogatepass"), 6)


def unpack(z: bytes) -> list[str]:
    return zlib.decompress(z).decode("utf-8", "surrogatepass").split(SEPARATOR)


class _Texts:
    """Paragraph texts read a stream at a time (matches come a meeting at a time)."""

    def __init__(self, conn: sqlite3.Connection, db: str = "main") -> None:
        self.conn = conn
        self.db = db
        self.key = (-1, -1)
        self.raw: list[bytes] = []

    def get(self, file_id: int, part: int) -> str:
        key = (file_id, part // CHUNK)
        if key != self.key:
            row = self.conn.execute(
                f"SELECT z FROM {self.db}.texts WHERE file_id = ? AND chunk = ?", key
            ).fetchone()
            self.key = key
            self.raw = zlib.decompress(row[0]).split(SEPARATOR.encode()) if row else []
        n = part % CHUNK
        return self.raw[n].decode("utf-8", "surrogatepass") if n < len(self.raw) else ""

    def of_paragraph(self, pid: int) -> str:
        row = self.conn.execute(
            f"SELECT file_id, part FROM {self.db}.paragraphs WHERE id = ?", (pid,)
        ).fetchone()
        return self.get(*row) if row else ""


def searched_text(title: str, dnr: str, names: str, text: str) -> str:
    """What the full-text index holds of a paragraph, and what a match is verified in."""
    return f"{title}\n{dnr}\n{names}\n{text}"


def verified(rows: Iterable[Any], terms: list[str], window: int, texts: _Texts) -> list[Any]:
    """The first `window` rows (id, title, dnr, names, file id, part, secret) holding every
    term, with their text: (id, title, dnr, names, text, secret, texts). The trigram index has no positions, so
    it finds rows with all the trigrams of a word; the word itself is checked here (and
    one-letter words, below the trigram, only here)."""
    out = []
    for pid, title, dnr, names, file_id, part, secret in rows:
        text = texts.get(file_id, part)
        hay = searched_text(title, dnr, names, text).lower()
        if all(term in hay for term in terms):
            out.append((pid, title, dnr, names, text, secret, texts))
            if len(out) >= window:
                break
    return out


def _columns(row: Any) -> list[str]:
    """The ranked columns of a verified row, folded: title, Dnr, names, decision, text."""
    _pid, title, dnr, names, text = row[:5]
    decision, rest = [], []
    for line in (text or "").split("\n"):
        (decision if line.startswith(DECISION_PREFIX) else rest).append(line)
    return [title.lower(), dnr.lower(), names.lower(), " ".join(decision).lower(),
            " ".join(rest).lower()]  # fmt: skip


def rank_rows(
    rows: list[Any], terms: list[str], idf: dict[str, float] | None = None
) -> list[tuple[float, Any]]:
    """Rows (newest first) ranked by BM25F: per word, its inverse document frequency
    (`idf`, 1 when not given) times the saturated, length-normalised term frequency summed
    over the columns with their weights (WEIGHTS: title, Dnr, names, decision, text;
    k1 = 1.2, b per column (BM25_B), lengths against the column's average in the window). Returns
    (score, row) best first; the score is negated like SQLite's bm25 (smaller = better);
    ties stay newest first."""
    if not rows:
        return []
    folded = [_columns(r) for r in rows]
    n = len(rows)
    avg = [max(1.0, sum(len(f[c]) for f in folded) / n) for c in range(len(WEIGHTS))]
    scored = []
    for row, cols in zip(rows, folded, strict=True):
        score = 0.0
        for term in terms:
            for c, weight in enumerate(WEIGHTS):
                tf = cols[c].count(term)
                if tf:
                    norm = 1 - BM25_B[c] + BM25_B[c] * len(cols[c]) / avg[c]
                    score += (idf or {}).get(term, 1.0) * weight * tf / (tf + BM25_K1 * norm)
        scored.append((-score, row))
    scored.sort(key=lambda pair: pair[0])  # stable: equal scores stay newest first
    return scored
