"""The archive index: SQLite FTS5 (trigram) over every § of every protokoll.toml.

- Stored as `.namndtui-index.sqlite` in the archive folder, or in the cache folder
  (`$XDG_CACHE_HOME/namndtui/`, else `~/.cache/namndtui/`) when the archive is read-only;
  secret §§ in full in a file of their own beside it (`…-sekretess`, the secret part),
  which a public search never opens (docs/archive.md, "Secret paragraphs").
- A `meta` table holds the schema version; an index of another version, or one that is not
  a readable SQLite database, is deleted and rebuilt (it is derived data, nothing is lost).
- Incremental, by the folder manifest of freshness.py; what changed is written by
  build.py. One writer at a time (lock.py); WAL, so readers never wait.
- One SQLite connection per thread (the TUI searches in a worker thread).

The modules: schema.py (tables, rows, how a § is stored), freshness.py (what changed: the
folder check, the full check), manifest.py (what the check compares with, as the index
keeps it), build.py (writing; imported only when something changed), query.py
(searching, ranking, the public text).

`namndtui search` imports this module on every search, so it imports only what a search
needs (sqlite3, zlib; no pathlib, typing, threading or contextlib): paths are kept as strings, and
`folder`, `db_path` and `secret_path` are pathlib Paths made when asked for.
"""

from __future__ import annotations

import _thread  # threading's own lock and thread-local (importing threading costs ~0.6 ms)
import errno
import os
import sys
import time

try:  # the C module of sqlite3: the package also imports datetime (its date adapters, which
    import _sqlite3 as sqlite3  # the index never uses) – ~2 ms of every search
except ImportError:  # pragma: no cover - a Python without it: the package
    import sqlite3
from collections.abc import Callable

from namndtui.archive import query as query_module
from namndtui.archive.lock import Users, checked_recently, exclusive, mark_checked
from namndtui.archive.schema import (  # noqa: F401 - re-exported: namndtui.archive.index.X
    DAY_BITS,
    INDEX_NAME,
    PARAGRAPH_SCHEMA,
    PROBLEMS,
    SCHEMA,
    SCHEMA_VERSION,
    SECRET_SUFFIX,
    ArchiveError,
    IndexStats,
    MeetingRow,
    Problem,
    cache_dir,
    data_version,
    date_key,
    file_uri,
    meta,
    relative_paths,
)
from namndtui.archive.search import Hit, Query, parse_query
from namndtui.archive.text import fold
from namndtui.errors import OS_REASONS, UserError, os_reason

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (start-up time)

if TYPE_CHECKING:
    from pathlib import Path
    from typing import Any

    from namndtui.archive.build import Loader, Progress
    from namndtui.archive.freshness import Plan
    from namndtui.archive.query import MaskFor


def default_loader(path: Path) -> Any:
    """`load_protokoll` (build.default_loader), imported when first called."""
    from namndtui.archive.build import default_loader as load

    return load(path)


_SQLITE_REASONS = (  # SQLite's own (English) messages, in Swedish: the errno's words
    ("full", OS_REASONS[errno.ENOSPC]),
    ("readonly", OS_REASONS[errno.EROFS]),
    ("read-only", OS_REASONS[errno.EROFS]),
    ("unable to open", "filen kan inte öppnas"),
    ("disk i/o", OS_REASONS[errno.EIO]),
    ("locked", OS_REASONS[errno.EBUSY]),
    ("not a database", "filen är ingen SQLite-databas"),
    ("malformed", "filen är skadad"),
)


def sqlite_reason(err: BaseException) -> str:
    """Why SQLite failed, in Swedish for its common messages; else its own text."""
    text = str(err).lower()
    for english, swedish in _SQLITE_REASONS:
        if english in text:
            return swedish
    return f"SQLite: {err}"


class IndexNotUpdated(ArchiveError):
    """The index could not be brought up to date (a full or read-only disk, an I/O error);
    what it held before is still there and can be searched (exit code 2 otherwise)."""


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
        self._users = Users(self._db + ".users")  # held while open: no rebuild under us
        self.public = public  # never open the secret part (`search --publicering`)
        self.on_wait = on_wait  # called when another process holds the lock
        self.rebuilt = ""  # why the index was (re)created on opening
        self._local = _thread._local()
        self._holders: set[int] = set()  # threads that have opened a connection (_keep)
        self._generation = 0
        self._lock = _thread.allocate_lock()
        self._users.hold()
        try:
            self._ensure()
        except BaseException:
            self._users.release()
            raise

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

    def _connect(self, *, secret: bool) -> sqlite3.Connection:
        """A connection to the index (opened by URI, so that the secret part can be attached
        with mode=rw: a missing one is an error, never created empty), with the secret part
        attached as `s` when `secret`. Waits up to 10 s for a lock."""
        conn = sqlite3.connect(file_uri(self._db), uri=True, timeout=10, isolation_level=None)
        self._local.opened = _identity(self._db)  # the file this thread reads (_start_over)
        try:
            conn.create_function("fold", 1, fold, deterministic=True)
            if secret:
                conn.execute("ATTACH DATABASE ? AS s", (self._secret_uri(),))
        except BaseException:
            conn.close()
            raise
        return conn

    def _ensure(self) -> None:
        """Open the index; create it, or rebuild it when old or corrupted."""
        try:
            os.makedirs(os.path.dirname(self._db) or ".", exist_ok=True)
        except OSError as err:
            raise ArchiveError(
                f"{self.db_path.parent}: kan inte skapa indexmappen: {os_reason(err)}", 2
            ) from None
        if self._check() is None:
            return
        self._users.release()  # (while waiting: another program may be the one rebuilding)
        try:
            with exclusive(self.lock_path, self.on_wait):
                self._users.hold()
                reason = self._check()  # again: another process may have created it meanwhile
                if reason is None:
                    return
                self._recreate(reason)
        except (sqlite3.Error, OSError) as err:
            raise self._not_created(err) from None
        self._generation += 1

    def _recreate(self, reason: str) -> None:
        """Delete the index (`reason`: why; "" when there is none) and create it empty.
        With the writer's lock held. An existing index is deleted only when no other
        program has it open (Users): else an ArchiveError, and nothing is deleted."""
        if reason and not self._users.alone():
            raise ArchiveError(f"{self._db}: {reason}, men {IN_USE}", 2)
        try:
            # "Never checked" before the new index can be opened: a search that finds
            # it usable (without the lock) must not skip its first check (lock.py).
            mark_checked(self.lock_path, never=True)
            self._delete()  # an unusable index, or a secret part left without one
        finally:
            self._users.share()
        self.rebuilt = reason
        self._create()

    def _create(self) -> None:
        """Create the empty index: the secret part, then the index (usable once complete)."""
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

    def _secret_uri(self) -> bytes:
        """The secret part as ATTACH takes it: by URI with mode=rw (a missing one is an
        error, never created empty), as bytes (a folder name that is not UTF-8 is no SQLite
        text; its raw bytes are)."""
        return os.fsencode(file_uri(self._secret) + "?mode=rw")

    def _check(self) -> str | None:
        """None: the index is usable; "" : it does not exist; else why it must be rebuilt.
        The connection that found it usable is kept as this thread's (`_conn`): a search
        opens the index once (each open reads the schema, ~0.4 ms a file)."""
        try:
            if os.stat(self._db).st_size == 0:
                return ""
        except OSError:  # as Path.exists: missing or not reachable
            return ""
        try:
            conn = self._connect(secret=False)
        except sqlite3.DatabaseError:
            return "indexet var skadat"
        try:
            reason = self._check_parts(conn)
        except BaseException:
            conn.close()
            raise
        if reason is not None:
            conn.close()
            return reason
        self._keep("conn" if self.public else "full", conn)
        return None

    def _check_parts(self, conn: sqlite3.Connection) -> str | None:
        """Why the index on `conn` (and its secret part, attached here unless public) must
        be rebuilt, or None."""
        try:
            row = conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
            conn.execute("SELECT count(*) FROM para_fts WHERE para_fts MATCH 'abc'").fetchone()
        except sqlite3.DatabaseError:
            return "indexet var skadat"
        if row is None or row[0] != str(SCHEMA_VERSION):
            return "indexet hade en annan version"
        if self.public:  # the secret part is not opened, only looked for
            return None if os.path.exists(self._secret) else "indexets sekretessdel saknades"
        try:
            conn.execute("ATTACH DATABASE ? AS s", (self._secret_uri(),))
            row = conn.execute("SELECT value FROM s.meta WHERE key = 'schema_version'").fetchone()
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
            self._users.hold()
            conn = self._connect(secret=secret)
            self._keep(slot, conn)
        return conn

    def _keep(self, slot: str, conn: sqlite3.Connection) -> None:
        """`conn` as this thread's connection of the kind `slot`."""
        setattr(self._local, slot, conn)
        setattr(self._local, slot + "_gen", self._generation)
        self._holders.add(_thread.get_ident())

    def _other_threads(self) -> set[int]:
        """Threads still running that have opened a connection of this index (a thread's
        connections close when it ends; its id may be reused, which only errs on the safe
        side)."""
        running = sys._current_frames()
        return {t for t in self._holders if t != _thread.get_ident() and t in running}

    def close(self) -> None:
        """Close this thread's connections (others close when their threads end) and let
        go of the index (another program may then rebuild it; a next use takes it again)."""
        self._close_connections()
        self._users.release()

    def _close_connections(self) -> None:
        for slot in ("conn", "full"):
            conn = getattr(self._local, slot, None)
            if conn is not None:
                conn.close()
                setattr(self._local, slot, None)
        self._holders.discard(_thread.get_ident())

    # --- updating ------------------------------------------------------------------------

    def update(
        self,
        progress: Progress | None = None,
        *,
        max_age: float = 0.0,
        full: bool | None = None,
    ) -> IndexStats:
        """Bring the index up to date with the folder. Never raises for a bad file.

        `max_age`: skip the check when the last complete one is younger (seconds); the
        command line passes 1 s, so a search right after another one stats nothing.
        `full`: True – the full check (every file stat'ed: catches an editor that writes a
        protokoll.toml in place); False – the folder check; None – the folder check, or
        the full one when the last was FULL_EVERY_NS ago (freshness.py).
        """
        with self._lock:
            if not self.rebuilt and checked_recently(self.lock_path, max_age):
                return IndexStats(skipped=True)
            try:
                return self._update(progress, full)
            except sqlite3.DatabaseError as err:
                reason = self._unusable(err, reading=False)  # raises unless corrupted
            self._start_over(reason)
            try:
                return self._update(progress, full)  # (its stats say why it was rebuilt)
            except sqlite3.DatabaseError as again:
                raise self._not_updated(again) from None

    def _unusable(self, err: sqlite3.DatabaseError, *, reading: bool) -> str:
        """Why the index must be rebuilt after `err`: it is corrupted, or not of the shape
        this program reads. Any other error (a full disk, a read-only file, a lock held too
        long, an I/O error) is raised – IndexNotUpdated from an update, so a search goes on
        with what the index holds – and the index is left as it is."""
        reason = corruption(err)
        if reason is None:
            if not reading:
                raise self._not_updated(err) from None
            raise ArchiveError(f"{self._db}: indexet kan inte läsas: {sqlite_reason(err)}", 2)
        return reason

    def _start_over(self, reason: str) -> None:
        """The index found unusable in use: deleted and created empty (when no other
        program has it open, else an ArchiveError); the next update fills it. Not while
        another thread of this program has a connection to it either (the archive screen
        reads its list in one thread and updates in another): a connection to a deleted
        index deletes the new one's -wal by name when it closes."""
        if self._other_threads():
            raise ArchiveError(f"{self._db}: {reason}, men {IN_USE}", 2)
        seen = getattr(self._local, "opened", None)
        self._close_connections()
        self._users.release()  # (while waiting: another program may be the one rebuilding)
        try:
            with exclusive(self.lock_path, self.on_wait):
                self._users.hold()
                if _identity(self._db) == seen:  # else another program has rebuilt it
                    self._recreate(reason)
        except (sqlite3.Error, OSError) as err:
            raise self._not_created(err) from None
        self._generation += 1

    def _not_created(self, err: BaseException) -> ArchiveError:
        reason = os_reason(err) if isinstance(err, OSError) else sqlite_reason(err)
        return ArchiveError(f"{self._db}: indexet kan inte skapas: {reason}", 2)

    def _not_updated(self, err: BaseException) -> IndexNotUpdated:
        return IndexNotUpdated(
            f"{self._db}: indexet kunde inte uppdateras: {sqlite_reason(err)}", 2
        )

    def _plan(self, conn: sqlite3.Connection, full: bool | None, now_ns: int) -> Plan:
        """What changed since the manifest was written (freshness.check)."""
        # (imported here: a search within a second of the last check needs neither)
        from namndtui.archive import freshness, manifest

        folders, packed, last_full = manifest.read(conn)
        if full is None:
            full = not 0 <= now_ns - last_full < freshness.FULL_EVERY_NS
        try:
            known = manifest.IndexKnown(conn, folders)
            plan = freshness.check(self._folder, known, now_ns, full=full)
        except OSError as err:
            raise ArchiveError(
                f"{self._folder}: mappen kan inte läsas: {os_reason(err)}", 2
            ) from None
        plan.repack = not packed
        return plan

    def _update(self, progress: Progress | None, full: bool | None) -> IndexStats:
        started = time.perf_counter()
        stats = IndexStats(rebuilt=self.rebuilt)
        conn = self._conn(secret=True)  # an update writes both parts
        version = data_version(conn)
        if meta(conn, "writing") == "1":  # the last update was cut short
            from namndtui.archive.build import repair_secret_part

            with exclusive(self.lock_path, self.on_wait):
                repair_secret_part(conn)
        now_ns = time.time_ns()
        plan = self._plan(conn, full, now_ns)
        if not plan.empty or plan.full or plan.repack:
            with exclusive(self.lock_path, self.on_wait):
                if data_version(conn) != version:  # another process wrote meanwhile
                    plan = self._plan(conn, full, now_ns)
                if plan.empty:  # the time of a full check, the packed manifest
                    from namndtui.archive import manifest

                    conn.execute("BEGIN IMMEDIATE")
                    manifest.write(conn, plan, now_ns)
                    conn.execute("COMMIT")
                else:
                    from namndtui.archive.build import Writer  # only when something changed

                    Writer(self._folder, self.loader).apply(conn, plan, stats, progress, now_ns)
        mark_checked(self.lock_path)
        stats.files = plan.total
        stats.unchanged += plan.unchanged
        stats.full = plan.full
        stats.problems = len(self.problems())
        stats.seconds = time.perf_counter() - started
        self.rebuilt = ""
        return stats

    # --- reading -------------------------------------------------------------------------

    def problems(self) -> list[Problem]:
        """Files that could not be read or parsed, and folders or entries that could not
        be looked at, by path."""
        return self._read(self._problems)

    def _problems(self, conn: sqlite3.Connection) -> list[Problem]:
        if meta(conn, "problems") == "0":  # counted by the last update (a scan costs 2–10 ms)
            return []
        return [
            Problem(rel, relative_paths(msg, self._folder))
            for rel, msg in conn.execute(PROBLEMS + " ORDER BY 1")
        ]

    def _read(self, reader: Callable[[sqlite3.Connection], Any]) -> Any:
        """`reader(conn)` in one read transaction: every statement sees the index as one
        commit left it, whatever another program writes meanwhile (WAL: a reader keeps
        its snapshot; without it a § found by the full-text query could be gone, or its
        text another, by the time its place and snippet are read). A corrupted index is
        started over (`_start_over`) and reported: the next update rebuilds it."""
        conn = self._conn()
        own = not conn.in_transaction
        try:
            if own:
                conn.execute("BEGIN")
            try:
                return reader(conn)
            finally:
                if own:
                    conn.execute("COMMIT")  # (read only: ends the snapshot)
        except sqlite3.DatabaseError as err:
            reason = self._unusable(err, reading=True)
        self._start_over(reason)
        raise ArchiveError(f"{self._db}: {reason}; det byggs om vid nästa sökning", 2)

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
        return self._read(lambda conn: [MeetingRow(*row) for row in conn.execute(sql, params)])

    def bodies(self) -> list[str]:
        return self._column("SELECT DISTINCT body FROM meetings ORDER BY body")

    def years(self) -> list[str]:
        return self._column("SELECT DISTINCT substr(date, 1, 4) AS y FROM meetings ORDER BY y DESC")

    def _column(self, sql: str) -> list[Any]:
        return self._read(lambda conn: [row[0] for row in conn.execute(sql)])

    def counts(self) -> tuple[int, int]:
        """(meetings, paragraphs) in the index."""
        return self._read(
            lambda conn: (
                conn.execute("SELECT count(*) FROM meetings").fetchone()[0],
                conn.execute("SELECT count(*) FROM paragraphs").fetchone()[0],
            )
        )

    def load(self, rel: str) -> Any:
        """The Minutes of one indexed file (for review). Raises UserError for a bad file."""
        from pathlib import Path

        parts = Path(rel).parts
        if Path(rel).is_absolute() or ".." in parts:  # an edited index must not reach out
            raise UserError(f"{rel}: ligger utanför arkivmappen {self.folder}", 1)
        return self.loader(self.folder / rel)

    def search(
        self, query: Query | str, limit: int = 50, *, mask_for: MaskFor | None = None
    ) -> list[Hit]:
        """The best `limit` paragraphs for the query (query.search), newest first without
        words; ranked by BM25F over the newest WINDOW matches with them. `mask_for`: the
        public text (query.PublicText; `search --publicering`)."""
        q = parse_query(query) if isinstance(query, str) else query
        return self._read(
            lambda conn: query_module.search(
                conn, q, limit, public=self.public, cache=self._local, mask_for=mask_for
            )
        )


IN_USE = "ett annat program har det öppet (arkivvyn, en sökning); stäng det och försök igen"

# SQLite's primary result codes (err.sqlite_errorcode & 0xFF)
SQLITE_ERROR, SQLITE_CORRUPT, SQLITE_NOTADB = 1, 11, 26


def _identity(path: str) -> tuple[int, int] | None:
    """Which file is at `path` now (device, inode); None when there is none."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    return (st.st_dev, st.st_ino)


def corruption(err: BaseException) -> str | None:
    """Why the index must be rebuilt after this SQLite error – it is corrupted
    (SQLITE_CORRUPT, SQLITE_NOTADB) or lacks a table or column this program reads (made by
    another version) – else None: the error is not the index's shape (a lock, a full disk,
    an I/O error), and a rebuild would not help."""
    code = getattr(err, "sqlite_errorcode", None)
    primary = code & 0xFF if isinstance(code, int) else None
    text = str(err)
    if primary in (SQLITE_CORRUPT, SQLITE_NOTADB) or (
        primary is None and ("malformed" in text or "not a database" in text)
    ):
        return "indexet var skadat"
    if primary in (SQLITE_ERROR, None) and text.startswith(("no such table", "no such column")):
        return "indexet hade en annan form"
    return None
