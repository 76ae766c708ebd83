"""Writing the archive index: make it equal the folder tree, given what changed (a Plan of
freshness.py). Files are read with the minutes loader and turned into one document per §
(documents.py); a file that fails is kept as a problem, never an exception.

Imported only when something changed (a search of a fresh index never loads this, nor the
minutes loader, nor pathlib).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import sqlite3
from collections.abc import Callable
from pathlib import Path

from namndtui.archive import manifest
from namndtui.archive.freshness import Found, Plan
from namndtui.archive.schema import (
    CHUNK,
    DAY_BITS,
    PROBLEMS,
    IndexStats,
    date_key,
    pack,
    relative_paths,
    searched_text,
    unpack,
)
from namndtui.archive.text import fold, normalize_dnr
from namndtui.errors import UserError, os_reason

TYPE_CHECKING = False

if TYPE_CHECKING:
    from typing import Any

COMMIT_EVERY = 200  # files per transaction while building (a killed build resumes; searches
# during a build see each batch)

Loader = Callable[[Path], "Any"]  # path -> Minutes (.meeting, .state); raises UserError
Progress = Callable[[int, int], None]  # (files done, files to parse)


def default_loader(path: Path) -> Any:
    """`load_protokoll`: the same parser serves review and the archive."""
    from namndtui.minutes.protokoll_read import load_protokoll

    return load_protokoll(path)


class Writer:
    """Applies a Plan to an index connection (with the secret part attached as `s`)."""

    def __init__(self, folder: str, loader: Loader) -> None:
        self.folder = Path(folder)
        self.loader = loader

    def apply(
        self,
        conn: sqlite3.Connection,
        plan: Plan,
        stats: IndexStats,
        progress: Progress | None,
        now_ns: int,
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
                remove_file(conn, _known(conn, rel)[0])  # type: ignore[index]
            stats.removed = len(plan.gone_files)
            if progress is not None and plan.files:
                progress(0, len(plan.files))
            for n, f in enumerate(plan.files, 1):
                self.index_file(conn, f, _known(conn, f.rel), stats)
                if n % COMMIT_EVERY == 0:
                    conn.execute("COMMIT")
                    conn.execute("BEGIN IMMEDIATE")
                if progress is not None:
                    progress(n, len(plan.files))
            manifest.write(conn, plan, now_ns)
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

    def index_file(
        self, conn: sqlite3.Connection, f: Found, row: tuple[int, str] | None, stats: IndexStats
    ) -> None:
        from namndtui.storage import read_input  # the indexer only, not a search

        path = self.folder / f.rel
        try:  # replaced by a FIFO or a device since the scan: refused, never a hang
            data = read_input(path)
        except OSError as err:
            self.store_problem(conn, f, row, "", f"{f.rel}: filen kan inte läsas: {os_reason(err)}")
            return
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
            self.store_problem(conn, f, row, sha, relative_paths(str(err), str(self.folder)))
            return
        except Exception as err:  # a loader bug must not stop the scan of 5,000 files
            self.store_problem(
                conn, f, row, sha, f"{f.rel}: kan inte läsas: {type(err).__name__}: {err}"
            )
            return
        if row:
            remove_file(conn, row[0])
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

    def store_problem(
        self, conn: sqlite3.Connection, f: Found, row: tuple[int, str] | None, sha: str, msg: str
    ) -> None:
        if row:
            remove_file(conn, row[0])
        conn.execute(
            "INSERT INTO files(rel, mtime_ns, ctime_ns, size, sha256, problem)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            (f.rel, f.mtime_ns, f.ctime_ns, f.size, sha, msg),
        )


def remove_file(conn: sqlite3.Connection, file_id: int) -> None:
    """Everything the index holds of one file, in both parts."""
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


def _insert_lookups(conn: sqlite3.Connection, part: str, docs: list[Any]) -> None:
    """The letters and member names of `docs` (ParagraphDoc) into `part`'s lookup tables."""
    letters = set("".join(searched_text(d.title, d.dnr, d.names, d.text) for d in docs).lower())
    people = {_fold_name(member) for d in docs for _, member in d.facts if member}
    conn.executemany(f"INSERT OR IGNORE INTO {part}.chars VALUES (?)", [(c,) for c in letters])
    conn.executemany(f"INSERT OR IGNORE INTO {part}.members VALUES (?)", [(p,) for p in people])


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


def repair_secret_part(conn: sqlite3.Connection) -> None:
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
