"""protokoll.pdf and the extract's PDF: WeasyPrint from the same HTML, as PDF/A-2a.

PDF/A-2a (ISO 19005-2, level A: "accessible") is what WeasyPrint 70 writes with
`pdf_variant="pdf/a-2a"`: the fonts embedded (subsets), an sRGB OutputIntent, XMP metadata
with `pdfaid:part=2`, `pdfaid:conformance=A`, and a tagged PDF (StructTreeRoot, MarkInfo,
`/Lang (sv)` from `<html lang="sv">`, headings and table header cells as structure
elements), which is what lag (2018:1937) asks of published documents and what archives
(Riksarkivet) take. WeasyPrint is imported only here, only when a PDF is asked for (about
0.3 s of CPU).

How WeasyPrint and pydyf are run faster without changing the document (a paused garbage
collector, pydyf's page references and objects built once, deflate level 6, the library
lookup at import): namndtui.minutes.pdf_engine and docs/performance.md, "The PDF".
"""

from __future__ import annotations

from pathlib import Path

PDF_VARIANT = "pdf/a-2a"


def html_to_pdf(html: str, base_url: str | Path | None = None) -> bytes:
    """The PDF/A-2a bytes of a complete HTML document (A4 and margins come from its CSS).

    `base_url`: the folder relative paths in the HTML (the logo) are resolved against.
    """
    import logging

    from namndtui.minutes.pdf_engine import collector_paused, prepare

    prepare()
    from weasyprint import HTML

    # WeasyPrint logs every CSS property it does not know at WARNING; the stylesheet has
    # screen-only rules for browsers, so that is noise on a secretary's terminal.
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    with collector_paused():
        document = HTML(string=html, base_url=str(base_url) if base_url else None)
        return document.write_pdf(pdf_variant=PDF_VARIANT, uncompressed_pdf=False)


def check_pdf(data: bytes) -> None:
    """Before a PDF replaces the old one: it must be a whole PDF file."""
    if not data.startswith(b"%PDF-") or b"%%EOF" not in data[-1024:]:
        raise OSError("PDF-filen lästes inte tillbaka hel")
