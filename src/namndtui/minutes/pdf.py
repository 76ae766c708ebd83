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
from typing import Any

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
        document = HTML(
            string=html,
            base_url=str(base_url) if base_url else None,
            url_fetcher=_local_fetcher(),
        )
        return document.write_pdf(pdf_variant=PDF_VARIANT, uncompressed_pdf=False)


MAX_IMAGE_BYTES = 20 * 1024 * 1024  # a logo is a few KB; a scanned letterhead a few MB


def _local_fetcher() -> Any:  # a weasyprint.urls.URLFetcher (imported here only)
    """What WeasyPrint may load for the minutes (the logo, a template's images): a data:
    URI, or a local regular file of at most MAX_IMAGE_BYTES. The logo set to /dev/zero
    read until memory ran out (a MemoryError traceback), a FIFO blocked the export for
    ever, and an http: address would be fetched from the network while the minutes are
    made. Anything else is refused; WeasyPrint then leaves the image out (export warns
    about the logo: minutes.settings.logo_problem)."""
    from weasyprint.urls import URLFetcher

    class LocalFetcher(URLFetcher):
        def fetch(self, url: str, headers: Any = None) -> Any:  # WeasyPrint's signature
            if url.startswith("file:"):
                if problem := local_file_problem(_file_path(url)):
                    raise ValueError(problem)
            elif not url.startswith("data:"):
                raise ValueError("hämtas inte från nätet")
            return super().fetch(url, headers)

    return LocalFetcher(allowed_protocols={"file", "data"}, allow_redirects=False)


def _file_path(url: str) -> str:
    from urllib.parse import unquote, urlsplit

    return unquote(urlsplit(url).path)


def local_file_problem(path: str | Path, limit: int = MAX_IMAGE_BYTES) -> str:
    """Why the file at `path` cannot go into the minutes as an image ("" when it can)."""
    import os

    from namndtui.storage import check_input, input_problem

    try:
        check_input(path)  # a FIFO, a device, a folder, a symlink loop, missing
        size = os.stat(path).st_size
    except OSError as err:
        return input_problem(err)
    if size > limit:
        return f"filen är för stor ({size // (1024 * 1024)} MB; högst {limit // (1024 * 1024)} MB)"
    return ""


def check_pdf(data: bytes) -> None:
    """Before a PDF replaces the old one: it must be a whole PDF file."""
    if not data.startswith(b"%PDF-") or b"%%EOF" not in data[-1024:]:
        raise OSError("PDF-filen lästes inte tillbaka hel")
