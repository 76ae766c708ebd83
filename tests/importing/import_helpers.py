"""Helpers for the import tests: build a PDF or a DOCX from the same text as a .txt."""

from __future__ import annotations

import re
from pathlib import Path

DOCS = Path(__file__).parent / "docs"


def _pdf_string(text: str) -> bytes:
    """A PDF literal string in WinAnsiEncoding (cp1252 covers åäö and –)."""
    raw = text.encode("cp1252", errors="replace")
    return b"(" + raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"


def make_pdf(pages: list[list[str]] | None, *, with_text: bool = True) -> bytes:
    """A minimal PDF: one page per list of lines, Helvetica 10 pt, one Tj per line.

    Blank lines advance the pen like a real empty line. `with_text=False` gives a page
    with only a drawn rectangle, like a scan without a text layer.
    """
    pages = pages or [[]]
    objects: list[bytes] = []
    kids = []
    font_id = 3
    first_page_id = 4
    for n, lines in enumerate(pages):
        if with_text:
            ops = [b"BT /F1 10 Tf 12 TL 50 800 Td"]
            for line in lines:
                if line.strip():
                    ops.append(_pdf_string(line) + b" Tj")
                ops.append(b"T*")
            ops.append(b"ET")
        else:
            ops = [b"0.5 g 50 50 400 600 re f"]
        stream = b"\n".join(ops)
        page_id = first_page_id + 2 * n
        kids.append(f"{page_id} 0 R".encode())
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
            f"/Resources << /Font << /F1 {font_id} 0 R >> >> /Contents {page_id + 1} 0 R >>".encode()
        )
        objects.append(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
    head = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [" + b" ".join(kids) + b"] /Count %d >>" % len(pages),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, body in enumerate(head + objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(offsets) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(offsets) + 1,
        xref,
    )
    return bytes(out)


def text_to_pdf(text: str) -> bytes:
    """The text laid out as PDF pages; 'Sida N (M)' with N > 1 starts a new page."""
    pages: list[list[str]] = [[]]
    for line in text.splitlines():
        m = re.match(r"\s*sida (\d+)", line, re.IGNORECASE)
        if m and int(m.group(1)) > 1:
            pages.append([])
        pages[-1].append(line)
    return make_pdf([p for p in pages if p])


def text_to_docx(text: str, path: Path) -> None:
    """A DOCX with one Word paragraph per text paragraph; its lines become soft line breaks."""
    import docx

    document = docx.Document()
    block: list[str] = []
    for line in [*text.splitlines(), ""]:
        if line.strip():
            block.append(line)
        elif block:
            document.add_paragraph("\n".join(block) if len(block) > 1 else block[0])
            block = []
    document.save(str(path))
