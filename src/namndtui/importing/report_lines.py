"""Phase 1 of reading a report: the text as classified lines, and what the phases found.

Every later phase (`report_headings`, `report_furniture`, `report_signatures`,
`report_decision`, the driver in `report`) works on the same list of `Line`s and writes
what it finds (Dnr, officer, marks, attachments, dropped text) into one `Found`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from namndtui.importing.reflow import clean_line

# Patterns more than one phase reads.
SENTENCE_END = (".", "!", "?", ":", ";")
NUMBER_PREFIX = re.compile(r"^(\d{1,2}(?:\.\d{1,2})*)[.)]?\s+(?=\S)")
POINT_START = re.compile(r"^(?:(?P<n>\d{1,2})\s*[.)]\s*|(?P<b>[-–•*])\s+)(?=\S)")
POINT_START_BARE = re.compile(r"^(?P<n>\d{1,2})\s+(?=[A-ZÅÄÖ])")
INTRO = re.compile(r"(?::|\bbesluta[rs]?|\bföreslår|\bföreslås|\batt)$", re.IGNORECASE)
ATTACHMENT_ITEM_PREFIX = re.compile(
    r"^(?:bilaga\s+\d{1,2}\s*[:.–-]?\s*|\d{1,2}[.)]\s*|[-–•*]\s*)", re.IGNORECASE
)
# Sections that are lists: every line is an entry of its own.
LIST_HEADINGS = re.compile(
    r"^(?:beslutsunderlag|beslutet (?:ska )?skickas till|expediering|expedieras till|"
    r"remissinstanser|sändlista)$",
    re.IGNORECASE,
)
# List sections that are keys of their own: Beslutsunderlag → decision_basis, Beslutet
# skickas till / Expedieras till → dispatch.
BASIS_HEADING = re.compile(r"^beslutsunderlag$", re.IGNORECASE)
DISPATCH_HEADING = re.compile(
    r"^(?:beslutet (?:ska )?skickas till|expediering|expedieras till|sändlista)$", re.IGNORECASE
)
# Letterhead labels printed over their values in a table row: "Diarienummer  Handläggare"
# over "KS 2025/118  Per Holm".
_LABEL_CELL = re.compile(
    r"^(?:dnr|diarienummer|diarienr|ärendenummer|handläggare|kontaktperson|datum|telefon|"
    r"e-post|vår referens|vår beteckning|beteckning)\.?:?$",
    re.IGNORECASE,
)
PROPOSED_DECISION = "proposed_decision"
ATTACHMENTS = "attachments"

PAGE_LINE = re.compile(
    r"^(?:sida|sid\.?|s\.)\s*\d+(?:\s*\(\s*\d+\s*\)|\s*(?:av|/)\s*\d+)?$|^\d{1,3}\s*\(\s*\d{1,3}\s*\)$"
    r"|^[-–]\s*\d{1,3}\s*[-–]$|^\d{1,3}$|^\d{1,3}\s*/\s*\d{1,3}$|^\f$",
    re.IGNORECASE,
)
_COLUMN_GAP = re.compile(r" {4,}|\t+")


@dataclass(frozen=True)
class Dropped:
    """A piece of the input that is not in the item's text, and why."""

    line: int  # 1-based line number in the input
    text: str
    reason: str


@dataclass
class Line:
    n: int  # 1-based
    text: str  # cleaned
    kind: str = "text"  # text | blank | heading | subheading | furniture | page
    key: str = ""  # heading: section key ("" for an extra heading)
    title: str = ""  # heading: the heading as shown
    rest: str = ""  # heading: text after "Heading:" on the same line


@dataclass
class Found:
    """What the phases found besides the sections: facts, marks and dropped text."""

    dropped: list[Dropped] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    dnr: str = ""
    officer: str = ""
    immediate: bool = False
    # (line number, text): sorted at the end so attachments keep document order
    # whether they come from "Bilaga: X" lines or from the Bilagor list.
    attachments: list[tuple[int, str]] = field(default_factory=list)
    secrecy: str = ""  # the legal ground of a "Sekretess …" line
    dispatch: list[str] = field(default_factory=list)  # Beslutet skickas till / Expedieras till
    decision_basis: list[tuple[int, str]] = field(default_factory=list)  # Beslutsunderlag

    def drop(self, ln: Line, reason: str, text: str | None = None) -> None:
        if ln.text != "\f":
            self.dropped.append(Dropped(ln.n, ln.text if text is None else text, reason))

    def discard(self, ln: Line, reason: str, text: str | None = None) -> None:
        """Drop the line and take it out of the text (it becomes furniture)."""
        self.drop(ln, reason, text)
        ln.kind = "furniture"


def normalise_text(text: str) -> list[str]:
    """The raw lines of a report: one newline style, no NBSP or soft hyphen, page breaks alone."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ")
    text = text.replace("\u00ad", "")  # soft hyphens from Word/PDF
    text = text.replace("\f", "\n\f\n")
    return text.split("\n")


def split_lines(raw_lines: list[str]) -> list[Line]:
    """One `Line` per line (per cell of a letterhead row); blank and page lines marked.

    PDF letterheads put two columns on one line ("FÖRVALTNINGEN      TJÄNSTEUTLÅTANDE"):
    a wide gap separates cells, each classified on its own.
    """
    lines: list[Line] = []
    labels: list[str] = []  # the cells of a row of labels, waiting for their values
    for n, raw in enumerate(raw_lines, start=1):
        if "\f" in raw and not raw.replace("\f", "").strip():
            lines.append(Line(n, "\f", "page"))
            labels = []
            continue
        cells = [c for c in _COLUMN_GAP.split(raw.strip()) if c.strip()] or [""]
        if labels and len(cells) == len(labels) and not all(_LABEL_CELL.match(c) for c in cells):
            # The values under a row of labels: each label is read with its own value.
            lines.extend(
                Line(n, clean_line(f"{label} {cell}"))
                for label, cell in zip(labels, cells, strict=True)
            )
            labels = []
            continue
        if len(cells) >= 2 and all(_LABEL_CELL.match(c.strip()) for c in cells):
            labels = [clean_line(c).rstrip(":") for c in cells]
            continue
        if labels:  # a label row not followed by its values: keep the labels as they were
            lines.extend(Line(n - 1, label) for label in labels)
            labels = []
        lines.extend(Line(n, clean_line(cell)) for cell in cells)
    lines.extend(Line(len(raw_lines), label) for label in labels)
    for ln in lines:
        if ln.kind == "page":
            continue
        if not ln.text:
            ln.kind = "blank"
        elif PAGE_LINE.match(ln.text):
            ln.kind = "page"
    return lines


def heading_number(text: str) -> str:
    """'4.1' for '4.1 Öppettider', '' for a heading without a number."""
    m = NUMBER_PREFIX.match(text)
    return m.group(1) if m else ""


def mid_sentence(lines: list[Line], i: int) -> bool:
    """True when line i continues a sentence from the line before ("… Se" + "Bilaga 2. X")."""
    prev = lines[i - 1] if i > 0 else None
    return prev is not None and prev.kind == "text" and not prev.text.endswith(SENTENCE_END)
