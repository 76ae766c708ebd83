"""Writing the minutes files: protokoll.toml, protokoll.md (and protokoll.html, .pdf).

Each file is replaced atomically (namndtui.storage.atomic_write); the TOML is parsed back
(and checked to give the same minutes), the PDF checked to be whole, before it replaces the
old file. The minutes document is built once for the md, html and pdf.
"""

from __future__ import annotations

from pathlib import Path

from namndtui.minutes.document import build_document
from namndtui.minutes.model import Minutes
from namndtui.minutes.protokoll_format import PROTOKOLL_FILENAME
from namndtui.minutes.protokoll_write import render_toml
from namndtui.minutes.render import render_document_html, render_document_markdown
from namndtui.minutes.revision import Entries, JusteredMinutesChanged, rewrite_refusal
from namndtui.minutes.settings import DEFAULT, ProtokollSettings
from namndtui.model import Meeting
from namndtui.record.state import RecordState
from namndtui.storage import atomic_write
from namndtui.tomlcheck import parse_toml

MARKDOWN_FILENAME = "protokoll.md"
HTML_FILENAME = "protokoll.html"
PDF_FILENAME = "protokoll.pdf"


def render_all(
    minutes: Minutes,
    *,
    html: bool = False,
    pdf: bool = False,
    settings: ProtokollSettings = DEFAULT,
) -> dict[str, str | bytes]:
    """File name -> content for the minutes (the document is built once for all of them).

    The PDF (bytes) is made by WeasyPrint from the same HTML, whether or not the HTML file
    is written too.
    """
    doc = build_document(minutes, settings)
    files: dict[str, str | bytes] = {
        PROTOKOLL_FILENAME: render_toml(minutes),
        MARKDOWN_FILENAME: render_document_markdown(doc, settings),
    }
    if html or pdf:
        page = render_document_html(doc, settings)
        if html:
            files[HTML_FILENAME] = page
        if pdf:
            from namndtui.minutes.pdf import html_to_pdf

            files[PDF_FILENAME] = html_to_pdf(page)
    return files


def _check_toml(expected: str):
    """Before replacing protokoll.toml: the temp file must parse as TOML, as the loader
    parses it (`parse_toml`: rtoml, ~25 ms for 500 items where tomllib takes ~160 ms, a
    third of a first export's budget; tomllib has the last word on what rtoml refuses),
    and hold exactly what we rendered (full validation of our own output is the
    round-trip tests' job)."""

    def check(data: bytes) -> None:
        text = data.decode("utf-8")
        parse_toml(text, PROTOKOLL_FILENAME)
        if text != expected:  # pragma: no cover - only a disk fault gets here
            raise OSError("protokoll.toml lästes inte tillbaka oförändrad")

    return check


def write_files(
    minutes: Minutes,
    folder: Path,
    *,
    html: bool = False,
    pdf: bool = False,
    settings: ProtokollSettings = DEFAULT,
) -> list[Path]:
    """Write the minutes files into `folder` atomically; returns the paths written."""
    from namndtui.minutes.pdf import check_pdf

    folder = Path(folder)
    written = []
    for name, content in render_all(minutes, html=html, pdf=pdf, settings=settings).items():
        path = folder / name
        check = None
        if name == PROTOKOLL_FILENAME:
            check = _check_toml(str(content))
        elif name == PDF_FILENAME:
            check = check_pdf
        atomic_write(path, content, check=check)
        written.append(path)
    return written


def write_minutes(
    meeting: Meeting,
    state: RecordState,
    folder: Path,
    *,
    html: bool = False,
    settings: ProtokollSettings = DEFAULT,
    entries: Entries | None = None,
) -> list[Path]:
    """The TUI's entry point: write protokoll.toml/.md[/.html] for the live record.

    Justered minutes on disk that these would change in a way the journal (`entries`)
    does not explain are not rewritten: raises JusteredMinutesChanged (nothing written)."""
    minutes = Minutes(meeting, state)
    refusal = rewrite_refusal(minutes, folder, entries)
    if refusal is not None:
        raise JusteredMinutesChanged(refusal)
    return write_files(minutes, folder, html=html, settings=settings)


__all__ = ["render_all", "write_files", "write_minutes"]
