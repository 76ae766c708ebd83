"""The manifest the freshness check compares the tree with, as the index keeps it.

- The folders: the `folders` table, and a packed copy of it in `meta` ('manifest': one
  marshal blob, read in one go – a search's folder check reads ~1 ms instead of ~5 ms for
  5,000 rows), written in the same transaction as every change of the table. An index
  without the copy (or with one that cannot be read) is read from the table. A copy left
  behind by another program is never wrong the dangerous way: a folder's signature does not
  come back once changed, so an old copy only makes the check list a folder for nothing.
- The files: the `files` table, read a folder at a time (by the range of paths under it)
  for the folders the check lists; all of them only for a full check.
- The time of the last full check ('full_check', ns): a full check is due FULL_EVERY_NS
  after it (freshness.py).
"""

from __future__ import annotations

import marshal  # built in: no import time, and loads 5,000 entries in under a millisecond

from namndtui.archive.freshness import FileSigs, Known, Sig

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (start-up time)

if TYPE_CHECKING:
    import sqlite3

    from namndtui.archive.freshness import Plan

Folders = dict[str, tuple[Sig, "str | None"]]

FILE_COLUMNS = "SELECT rel, mtime_ns, ctime_ns, size FROM files"
TOP_LEVEL = "SELECT rel FROM files WHERE instr(rel, '/') = 0"  # read from the index on rel


class IndexKnown(Known):
    """freshness.Known over an index connection."""

    def __init__(self, conn: sqlite3.Connection, folders: Folders) -> None:
        super().__init__(folders)
        self.conn = conn

    def files_in(self, folder: str) -> FileSigs:
        if not folder:  # (the archive folder is listed at every search: it holds the index)
            top = [rel for (rel,) in self.conn.execute(TOP_LEVEL)]  # its index only: ~2x faster
            if len(top) > 500:  # a flat archive: one scan (SQLite bounds the parameters)
                rows = self.conn.execute(FILE_COLUMNS + " WHERE instr(rel, '/') = 0")
            else:
                marks = ", ".join("?" for _ in top)
                rows = self.conn.execute(FILE_COLUMNS + f" WHERE rel IN ({marks})", top)
        else:  # the paths under folder/ sort between "folder/" and "folder0" ("0" follows "/")
            rows = self.conn.execute(
                FILE_COLUMNS + " WHERE rel > ? AND rel < ?", (folder + "/", folder + "0")
            )
        cut = len(folder)
        return {
            rel: ((mtime, ctime), size)
            for rel, mtime, ctime, size in rows
            if rel.rfind("/") == (cut if folder else -1)
        }

    def files_under(self, folder: str) -> list[str]:
        if not folder:
            return [rel for (rel,) in self.conn.execute("SELECT rel FROM files")]
        rows = self.conn.execute(
            "SELECT rel FROM files WHERE rel > ? AND rel < ?", (folder + "/", folder + "0")
        )
        return [rel for (rel,) in rows]

    def all_files(self) -> FileSigs:
        return {
            rel: ((mtime, ctime), size)
            for rel, mtime, ctime, size in self.conn.execute(FILE_COLUMNS)
        }

    def count(self) -> int:
        return int(self.conn.execute("SELECT count(*) FROM files").fetchone()[0])


def read(conn: sqlite3.Connection) -> tuple[Folders, bool, int]:
    """The folders of the manifest, whether they were read from the packed copy, and the
    time of the last full check (0: never)."""
    values = dict(
        conn.execute("SELECT key, value FROM meta WHERE key IN ('manifest', 'full_check')")
    )
    folders = None
    blob = values.get("manifest")
    if isinstance(blob, bytes):
        try:
            folders = marshal.loads(blob)
        except (EOFError, ValueError, TypeError):
            folders = None
    if not isinstance(folders, dict):
        folders = {
            rel: ((mtime, ctime), problem)
            for rel, mtime, ctime, problem in conn.execute(
                "SELECT rel, mtime_ns, ctime_ns, problem FROM folders ORDER BY rel"
            )
        }
        packed = False
    else:
        packed = True
    try:
        full_check = int(values.get("full_check") or 0)
    except ValueError:
        full_check = 0
    return folders, packed, full_check


def write(conn: sqlite3.Connection, plan: Plan, now_ns: int) -> None:
    """Store what `plan` changed in the folders (table and packed copy; the copy also when
    it was missing) and, after a full check, its time. Inside the caller's transaction."""
    if plan.folders or plan.gone_folders or plan.quiet or plan.repack:
        for rel in plan.gone_folders:
            conn.execute("DELETE FROM folders WHERE rel = ?", (rel,))
            conn.execute("DELETE FROM scan_problems WHERE folder = ?", (rel,))
        conn.executemany(
            "INSERT OR REPLACE INTO folders VALUES (?, ?, ?, ?)",
            [
                (rel, sig[0], sig[1], problem)
                for part in (plan.quiet, plan.folders)
                for rel, (sig, problem) in part.items()
            ],
        )
        folders = dict(sorted(plan.manifest().items()))  # parents before children
        conn.execute(
            "INSERT OR REPLACE INTO meta VALUES ('manifest', ?)", (marshal.dumps(folders),)
        )
    if plan.full:
        conn.execute("INSERT OR REPLACE INTO meta VALUES ('full_check', ?)", (str(now_ns),))
