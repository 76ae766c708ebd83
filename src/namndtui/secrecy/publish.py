"""The public files: protokoll-publicering.md, .html (and .pdf), checked before they are
written, and the public extract.

`Publication(minutes, settings)` renders the public view (`public.public_minutes`) with
the ordinary document renderers and runs the leak check (`check.LeakChecker`, against the
complete record) on each file's text — for the PDF, on its text layer. A file with a
finding is never returned: `PublicationLeak` carries the findings instead, and nothing
is written.
"""

from __future__ import annotations

from dataclasses import dataclass

from namndtui.minutes.document import build_document
from namndtui.minutes.extract import render_extract, render_extract_html
from namndtui.minutes.model import Minutes
from namndtui.minutes.render import render_document_html, render_document_markdown
from namndtui.minutes.settings import DEFAULT, ProtokollSettings
from namndtui.secrecy.check import (
    DocumentError,
    Finding,
    LeakChecker,
    pdf_bytes_text,
    plain_text,
)
from namndtui.secrecy.public import public_minutes

PUBLIC_MARKDOWN = "protokoll-publicering.md"
PUBLIC_HTML = "protokoll-publicering.html"
PUBLIC_PDF = "protokoll-publicering.pdf"


@dataclass
class PublicationLeak(Exception):
    """The public rendering failed the leak check: (file name, finding) pairs."""

    findings: list[tuple[str, Finding]]


def _text_of(name: str, content: str | bytes) -> str:
    if isinstance(content, bytes):
        return pdf_bytes_text(content)
    return plain_text(content, "." + name.rsplit(".", 1)[-1])


class Publication:
    """The public version of one record: its files and extracts, each checked."""

    def __init__(self, minutes: Minutes, settings: ProtokollSettings = DEFAULT) -> None:
        self.minutes = minutes
        self.settings = settings
        self.public = public_minutes(minutes)
        self.checker = LeakChecker(minutes)

    def check(self, files: dict[str, str | bytes]) -> None:
        """Raise PublicationLeak when any of the rendered `files` (name -> content) fails;
        a file whose text cannot be read back cannot be checked, so it fails too."""
        findings = []
        for name, content in files.items():
            try:
                text = _text_of(name, content)
            except DocumentError as err:
                findings.append((name, Finding(1, f"texten kan inte kontrolleras: {err}")))
                continue
            findings += [(name, finding) for finding in self.checker.check(text)]
        if findings:
            raise PublicationLeak(findings)

    def files(self, *, pdf: bool = False) -> dict[str, str | bytes]:
        """File name -> content of the public minutes. Raises PublicationLeak."""
        doc = build_document(self.public, self.settings)
        page = render_document_html(doc, self.settings)
        files: dict[str, str | bytes] = {
            PUBLIC_MARKDOWN: render_document_markdown(doc, self.settings),
            PUBLIC_HTML: page,
        }
        if pdf:
            from namndtui.minutes.pdf import html_to_pdf

            files[PUBLIC_PDF] = html_to_pdf(page)
        self.check(files)
        return files

    def extract(self, number: int) -> str:
        """The public extract of § `number` (Markdown). Raises PublicationLeak, UserError."""
        text = render_extract(self.public, number, self.settings)
        self.check({"utdrag.md": text})
        return text

    def extract_html(self, number: int) -> str:
        """The public extract of § `number` as HTML (for its PDF). Raises as `extract`."""
        page = render_extract_html(self.public, number, self.settings)
        self.check({"utdrag.html": page})
        return page


def render_publication(minutes: Minutes) -> dict[str, str | bytes]:
    """File name -> content of the public version (md, html). Raises PublicationLeak."""
    return Publication(minutes).files()


def render_public_extract(minutes: Minutes, number: int) -> str:
    """The public extract of § `number` (Markdown). Raises PublicationLeak, UserError."""
    return Publication(minutes).extract(number)


def leak_message(what: str, findings: list[tuple[str, Finding]], folder=None) -> str:
    """'<what> skrevs inte, läckkontrollen hittade:' and one FILE:LINE line per finding."""
    lines = [
        f"{folder / name if folder is not None else name}:{f.line}: {f.message}"
        for name, f in findings
    ]
    return f"{what} skrevs inte, läckkontrollen hittade:\n" + "\n".join(lines)
