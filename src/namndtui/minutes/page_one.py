"""Does page 1 hold the whole ingress, the signatures and the boxed ANSLAG/BEVIS?

PRACTICE.md ("Page 1", item 7) puts the ANSLAG/BEVIS box on page 1. A long Beslutande (many
changes of who served, long names, a long place) can push it onto page 2. The document
(`namndtui.minutes.document.fit_page_one`) therefore takes the first of these that
`fits`:

1. the normal layout;
2. a tighter layout (`tight`: less line spacing and padding on page 1; the same words);
3. also the short form `tjg ers för` for `tjänstgörande ersättare för` under Beslutande
   (PRACTICE.md's own short form);
4. "Beslutande: Enligt närvaro- och omröstningslista" with the list annexed after the §§
   (PRACTICE.md, large bodies), in the normal layout, then the tighter one.

The choice must be the same for protokoll.md, .html and .pdf (they say the same words), and
laying out page 1 with WeasyPrint for every export would cost the Markdown export a second
of PDF engine. So it is decided by an estimate that needs no layout engine: `height(doc)`
wraps each line of page 1 greedily at spaces with the advance widths of the fonts
protokoll.css asks for (`glyph_widths`, DejaVu Serif / DejaVu Sans Bold) in the widths of
its columns, and adds up the heights protokoll.css gives each row, heading and box (CSS px,
as WeasyPrint counts). Breaking only at spaces, counting unknown characters wider than any
glyph and widening every glyph by `WIDTH_MARGIN` keeps the estimate on the long side;
tests/minutes/test_page_one.py checks it against WeasyPrint's own layout on several
meetings (never shorter, and not by more than a few lines longer). A template or stylesheet
of the municipality's own (`--template`) is not measured: the estimate assumes the bundled
CSS.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from namndtui.minutes.glyph_widths import CHARS, SANS_BOLD, SERIF, UNITS_PER_EM, WIDEST

if TYPE_CHECKING:
    from namndtui.minutes.document import Document

PX_PER_MM = 96 / 25.4
PX_PER_PT = 96 / 72
CONTENT_WIDTH = 170 * PX_PER_MM  # A4 less the @page margins 22 mm + 18 mm
CONTENT_HEIGHT = 239 * PX_PER_MM  # A4 less the @page margins 30 mm + 28 mm
WIDTH_MARGIN = 1.02  # every glyph a little wider than the font says: kerning, rounding
HEIGHT_MARGIN = 6.0  # px left free at the foot of page 1 (under half a line)

_SERIF = dict(zip(CHARS, SERIF, strict=True))
_SANS_BOLD = dict(zip(CHARS, SANS_BOLD, strict=True))


@dataclass(frozen=True)
class Style:
    """The page-1 measures of protokoll.css in one layout (normal or `.tight`)."""

    line_height: float  # .page-one line-height (a factor of the font size)
    cell_pad: float  # ingress th/td padding, top and bottom, in em
    signature_row: float  # px: one row of the signatures table (WeasyPrint's figure)
    notice_gap: float  # .notice margin-top, em
    notice_signature: float  # px: the box's Underskrift row (WeasyPrint's figure)


NORMAL = Style(1.25, 0.2, signature_row=42.34, notice_gap=0.6, notice_signature=36.0)
TIGHT = Style(1.15, 0.05, signature_row=39.8, notice_gap=0.3, notice_signature=36.0)

BODY = 9.5 * PX_PER_PT  # .page-one font size
LABEL = 8.5 * PX_PER_PT  # the labels (th), DejaVu Sans Bold
TITLE = 13 * PX_PER_PT  # h1
KIND = 10 * PX_PER_PT  # h1 .kind
ADDRESS = 10.5 * PX_PER_PT  # the address under the organ (html font size)
LOGO = 18 * PX_PER_MM  # .masthead .logo max-height
INGRESS_LABEL = 45 * PX_PER_MM + LABEL  # th width + its padding-right (1em)
NOTICE_LABEL = 62 * PX_PER_MM + LABEL
NOTICE_INNER = CONTENT_WIDTH - 2 * (0.8 * BODY + 1 * PX_PER_PT)  # padding and border


def text_width(text: str, size: float, widths: dict[str, int] = _SERIF) -> float:
    """The width in px of `text` at font size `size` px, on the long side."""
    units = sum(widths.get(ch, WIDEST) for ch in text)
    return units * size / UNITS_PER_EM * WIDTH_MARGIN


def wrapped_lines(text: str, width: float, size: float, widths: dict[str, int] = _SERIF) -> int:
    """How many lines `text` takes in a column `width` px wide, broken greedily at spaces
    (a word wider than the column is broken anywhere, as overflow-wrap: break-word does)."""
    words = [text_width(word, size, widths) for word in text.split(" ")]
    return _wrap(words, text_width(" ", size, widths), width)


def _wrap(words: list[float], space: float, width: float) -> int:
    """Lines for words of these widths, greedily."""
    lines, used = 1, 0.0
    for w in words:
        if used and used + space + w <= width:
            used += space + w
            continue
        if used:
            lines += 1
        while w > width:  # a long unbroken word: full lines of it
            lines += 1
            w -= width
        used = w
    return lines


def _rows(fields, label_width: float, value_width: float, style: Style, pad: float) -> float:
    """The rows of a labelled table: the label (bold sans) or the value lines, the taller."""
    line = BODY * style.line_height
    total = 0.0
    for field in fields:
        values = sum(wrapped_lines(v, value_width, BODY) for v in field.lines or ("",))
        labels = wrapped_lines(field.label, label_width - LABEL, LABEL, _SANS_BOLD)
        total += max(values * line, labels * LABEL * style.line_height) + 2 * pad
    return total


def _masthead(doc: Document) -> float:
    """The organ and SAMMANTRÄDESPROTOKOLL (h1), the address, the logo beside them."""
    words = [text_width(word, TITLE, _SANS_BOLD) for word in doc.organ.split(" ")]
    # SAMMANTRÄDESPROTOKOLL: 10 pt, letter-spaced 0.04em, 0.6em from the organ
    words.append(text_width(doc.kind, KIND, _SANS_BOLD) + (len(doc.kind) * 0.04 + 0.6) * KIND)
    height = _wrap(words, text_width(" ", TITLE, _SANS_BOLD), CONTENT_WIDTH) * TITLE * 1.35
    for line in doc.address.splitlines() if doc.address else ():
        height += wrapped_lines(line, CONTENT_WIDTH, ADDRESS) * ADDRESS * 1.35
    if doc.logo:
        height = max(height, LOGO)
    return height + 0.2 * TITLE  # h1 margin-bottom (the ingress' margin-top collapses in it)


def _notice(doc: Document, style: Style) -> float:
    notice = doc.notice
    if notice is None:
        return 0.0
    line = BODY * style.line_height
    height = style.notice_gap * BODY + 2 * PX_PER_PT + 0.6 * BODY  # gap, border, padding
    height += 10 * PX_PER_PT * (style.line_height + 0.4)  # the ANSLAG/BEVIS heading
    if notice.statement:
        height += wrapped_lines(notice.statement, NOTICE_INNER, BODY) * line + 0.2 * BODY
    value_width = NOTICE_INNER - NOTICE_LABEL
    height += _rows(notice.fields, NOTICE_LABEL, value_width, style, 0.1 * BODY)
    if not doc.public:  # Underskrift: the line and the name under it
        height += style.notice_signature
    return height


def height(doc: Document) -> float:
    """The estimated height in px of page 1's content (masthead to the foot of the box),
    in the layout `doc.tight` asks for."""
    style = TIGHT if doc.tight else NORMAL
    total = _masthead(doc)
    value_width = CONTENT_WIDTH - INGRESS_LABEL
    total += _rows(doc.ingress, INGRESS_LABEL, value_width, style, style.cell_pad * BODY)
    total += 0.6 * BODY  # the table's margin-bottom
    for note in doc.notes:
        total += wrapped_lines(note, CONTENT_WIDTH, BODY) * BODY * style.line_height
        total += 0.6 * BODY
    if doc.signatures:
        total += LABEL * style.line_height  # "Underskrifter"
        total += len(doc.signatures) * style.signature_row
    return total + _notice(doc, style)


def fits(doc: Document) -> bool:
    """Page 1 holds everything up to the foot of the ANSLAG/BEVIS box (by the estimate)."""
    return height(doc) + HEIGHT_MARGIN <= CONTENT_HEIGHT
