"""Import one item from a file: read it (text, PDF, DOCX), parse it, report warnings."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from namndtui.importing.documents import read_document
from namndtui.importing.report import Dropped, parse_report
from namndtui.model import Item


@dataclass
class ImportResult:
    """An imported item and what the user should check."""

    item: Item
    warnings: list[str] = field(default_factory=list)
    dropped: list[Dropped] = field(default_factory=list)
    structured: bool = True
    kind: str = "text"  # "text", "pdf" or "docx"


def import_item_from_file(path: Path | str) -> ImportResult:
    """Read and parse a tjänsteutlåtande. Raises UserError (exit 2) when it is not text."""
    path = Path(path)
    document = read_document(path)
    parsed = parse_report(document.text, fallback_title=path.stem.replace("_", " "))
    return ImportResult(
        parsed.item,
        document.warnings + parsed.warnings,
        parsed.dropped,
        parsed.structured,
        document.kind,
    )
