"""Layout-aware reading of a PDF page with pdfplumber: characters with font and position.

The page becomes text in the form the report parser reads (`report_lines`): one line per
printed line, cells of a table row or of a two-column letterhead separated by a wide gap,
and a blank line where the page leaves vertical space. Where the text alone is ambiguous
the layout decides:

- a line set in bold, or larger than the page's running text, is a heading: it gets a
  blank line before it and none after, which is how the parser knows a heading;
- the largest line on a document's first page (the title) stands as a block of its own;
- lines in the top and bottom margins (running headers, "Sida 2 (5)", address footers)
  stand apart from the text, so they cannot be glued to a paragraph.

pypdf's layout text is the other reader (`documents.read_pdf_pages`); docs/import.md
has the measurement that chose between them.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass

_MARGIN = 0.045  # top and bottom share of the page height (≈ 13 mm of A4) that holds furniture
_GAP = "      "  # a cell gap (the parser splits cells at four spaces or more)


@dataclass
class _Row:
    top: float
    bottom: float
    words: list[dict]

    @property
    def size(self) -> float:
        return max(w["size"] for w in self.words)

    @property
    def bold(self) -> bool:
        return all("bold" in w["fontname"].lower() for w in self.words)

    def text(self, char_width: float) -> str:
        out = ""
        last_x1 = None
        for w in sorted(self.words, key=lambda w: w["x0"]):
            if last_x1 is None:
                out = w["text"]
            elif w["x0"] - last_x1 > 2.5 * char_width:
                out += _GAP + w["text"]
            else:
                out += " " + w["text"]
            last_x1 = w["x1"]
        return out


def _rows(words: list[dict]) -> list[_Row]:
    rows: list[_Row] = []
    for w in sorted(words, key=lambda w: (round(w["top"]), w["x0"])):
        if rows and abs(w["top"] - rows[-1].top) <= 2.0:
            rows[-1].words.append(w)
            rows[-1].bottom = max(rows[-1].bottom, w["bottom"])
        else:
            rows.append(_Row(w["top"], w["bottom"], [w]))
    return rows


def page_text(words: list[dict], height: float, first_page: bool) -> str:
    """The text of one page from pdfplumber's words (with `fontname` and `size`)."""
    rows = _rows([w for w in words if w["text"].strip()])
    if not rows:
        return ""
    body_size = statistics.median_low(w["size"] for w in words)
    char_width = statistics.median((w["x1"] - w["x0"]) / max(1, len(w["text"])) for w in words)
    pitches = [b.top - a.top for a, b in zip(rows, rows[1:], strict=False) if b.top > a.top]
    pitch = statistics.median_low(pitches) if pitches else body_size * 1.3
    title_size = max(r.size for r in rows) if first_page else 0.0
    if title_size <= body_size * 1.15:
        title_size = 0.0  # no line stands out: no title by size
    margin = [_in_margin(rows, k, height, pitch) for k in range(len(rows))]
    out: list[str] = []
    previous: _Row | None = None
    for k, row in enumerate(rows):
        heading = row.bold or row.size > body_size * 1.15
        title = title_size > 0 and row.size == title_size
        gap = previous is not None and row.top - previous.top > pitch * 1.45
        prev_title = previous is not None and title_size > 0 and previous.size == title_size
        new_heading = heading and not row_continues(previous, row)
        furniture = margin[k] or (k > 0 and margin[k - 1])
        if out and out[-1] and (gap or furniture or new_heading or (prev_title and not title)):
            out.append("")
        out.append(row.text(char_width))
        previous = row
    return "\n".join(out)


def _in_margin(rows: list[_Row], k: int, height: float, pitch: float) -> bool:
    """Row k sits in the top or bottom margin, set apart from the text next to it."""
    row = rows[k]
    if height * _MARGIN <= row.top and row.bottom <= height * (1 - _MARGIN):
        return False
    before = row.top - rows[k - 1].top if k > 0 else float("inf")
    after = rows[k + 1].top - row.top if k + 1 < len(rows) else float("inf")
    return min(before, after) > pitch * 1.2


def row_continues(previous: _Row | None, row: _Row) -> bool:
    """A heading's second line (same font, right under the first) is not a new heading."""
    return (
        previous is not None
        and previous.bold == row.bold
        and abs(previous.size - row.size) < 0.5
        and row.top - previous.bottom < row.size
    )


def read_pages(data: bytes) -> list[str]:
    """Every page's text, as `page_text` builds it. Raises what pdfplumber raises."""
    import io

    import pdfplumber

    pages = []
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for n, page in enumerate(pdf.pages):
            words = page.extract_words(extra_attrs=["fontname", "size"], x_tolerance=1.5)
            pages.append(page_text(words, float(page.height), n == 0))
            page.flush_cache()
    return pages
