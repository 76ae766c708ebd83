"""The archive: folders of past minutes (protokoll.toml), an SQLite FTS5 index, search.

Pure core: no Textual. `ArchiveIndex(folder)` is the entry point (index.py); the query
language is in search.py and documented in docs/archive.md. The names below are imported
on first use, so that `namndtui search` loads only what a query needs.
"""

from __future__ import annotations

import sys

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (start-up time)
if TYPE_CHECKING:
    from typing import Any

_WHERE = {
    "ArchiveIndex": "index",
    "IndexStats": "schema",
    "MeetingRow": "schema",
    "Problem": "schema",
    "Hit": "search",
    "Query": "search",
    "parse_query": "search",
    "ParagraphDoc": "documents",
    "documents_of": "documents",
}

__all__ = sorted(_WHERE)


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module 'namndtui.archive' has no attribute {name!r}")
    full = f"{__name__}.{module}"
    __import__(full)  # not importlib.import_module: importing importlib costs ~0.4 ms
    return getattr(sys.modules[full], name)
