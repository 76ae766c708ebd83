"""The archive: folders of past minutes (protokoll.toml), an SQLite FTS5 index, search.

Pure core: no Textual. `ArchiveIndex(folder)` is the entry point (index.py); the query
language is in search.py and documented in docs/archive.md.
"""

from __future__ import annotations

from namndtui.archive.documents import ParagraphDoc, documents_of
from namndtui.archive.index import ArchiveIndex, IndexStats, MeetingRow, Problem
from namndtui.archive.search import Hit, Query, parse_query

__all__ = [
    "ArchiveIndex",
    "Hit",
    "IndexStats",
    "MeetingRow",
    "ParagraphDoc",
    "Problem",
    "Query",
    "documents_of",
    "parse_query",
]
