"""Hostile documents for the importers, generated (none is kept in the repository).

Each function writes one file into a folder and returns its path: DOCX with a billion
laughs, XML nested 100,000 deep, a zip bomb, bad deflate data; PDF with 200,000 nested
arrays, an unknown stream filter, too many pages; text with 20,000 lines ending in a
hyphen (the old quadratic path) and text over the size cap.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from pathlib import Path

from tests.importing.import_helpers import make_pdf


def _docx_with(document_xml: bytes) -> bytes:
    """A minimal DOCX package around `document_xml`."""
    content_types = (
        b'<?xml version="1.0" encoding="UTF-8"?>'
        b'<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        b'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        b'<Default Extension="xml" ContentType="application/xml"/>'
        b'<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
        b"</Types>"
    )
    rels = (
        b'<?xml version="1.0" encoding="UTF-8"?>'
        b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        b'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
        b"</Relationships>"
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", content_types)
        z.writestr("_rels/.rels", rels)
        z.writestr("word/document.xml", document_xml)
    return out.getvalue()


W = b'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def billion_laughs(folder: Path) -> Path:
    entities = b'<!ENTITY lol "lol">' + b"".join(
        b'<!ENTITY lol%d "%s">' % (k, (b"&lol%d;" % (k - 1) if k > 1 else b"&lol;") * 10)
        for k in range(1, 10)
    )
    xml = (
        b'<?xml version="1.0"?><!DOCTYPE lolz [' + entities + b"]>"
        b"<w:document "
        + W
        + b"><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>"
    )
    path = folder / "laughs.docx"
    path.write_bytes(_docx_with(xml))
    return path


def deep_xml(folder: Path) -> Path:
    xml = b"<w:document " + W + b"><w:body>" + b"<w:p>" * 100_000 + b"</w:p>" * 100_000
    xml += b"</w:body></w:document>"
    path = folder / "deep.docx"
    path.write_bytes(_docx_with(xml))
    return path


def zip_bomb(folder: Path) -> Path:
    """A DOCX of ~0.3 MB whose document.xml unpacks to 300 MB."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        z.writestr("[Content_Types].xml", b"<Types/>")
        with z.open("word/document.xml", "w", force_zip64=True) as member:
            chunk = b" " * (1024 * 1024)
            for _ in range(300):
                member.write(chunk)
    path = folder / "bomb.docx"
    path.write_bytes(out.getvalue())
    return path


def bad_deflate(folder: Path) -> Path:
    data = bytearray(
        _docx_with(
            b"<w:document " + W + b"><w:body>" + b"<w:p/>" * 2000 + b"</w:body></w:document>"
        )
    )
    start = data.find(b"word/document.xml") + len("word/document.xml")
    for k in range(start + 40, start + 200):  # scramble the compressed bytes of the part
        data[k] ^= 0x5A
    path = folder / "deflate.docx"
    path.write_bytes(bytes(data))
    return path


def nested_arrays(folder: Path) -> Path:
    body = b"[" * 200_000 + b"]" * 200_000
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Annots " + body + b" >>",
    ]
    pdf = bytearray(b"%PDF-1.4\n")
    offsets = []
    for n, obj in enumerate(objects, start=1):
        offsets.append(len(pdf))
        pdf += b"%d 0 obj\n" % n + obj + b"\nendobj\n"
    xref = len(pdf)
    pdf += b"xref\n0 4\n0000000000 65535 f \n" + b"".join(b"%010d 00000 n \n" % o for o in offsets)
    pdf += b"trailer\n<< /Size 4 /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % xref
    path = folder / "arrays.pdf"
    path.write_bytes(bytes(pdf))
    return path


def unknown_filter(folder: Path) -> Path:
    data = make_pdf([["Förslag till beslut", "Nämnden godkänner."]])
    data = data.replace(b"<< /Length ", b"<< /Filter /NoSuchDecode /Length ", 1)
    path = folder / "filter.pdf"
    path.write_bytes(data)
    return path


def too_many_pages(folder: Path) -> Path:
    path = folder / "pages.pdf"
    path.write_bytes(make_pdf([["Sida"]] * 2_001))
    return path


def hyphen_lines(folder: Path) -> Path:
    path = folder / "hyphens.txt"
    path.write_text("Rubrik\n\nBakgrund\n" + "ut-\n" * 20_000, encoding="utf-8")
    return path


def huge_text(folder: Path) -> Path:
    path = folder / "huge.txt"
    path.write_text(("ord " * 25 + "\n") * 60_000, encoding="utf-8")  # 6 million characters
    return path


HOSTILE: dict[str, Callable[[Path], Path]] = {
    "billion_laughs": billion_laughs,
    "deep_xml": deep_xml,
    "zip_bomb": zip_bomb,
    "bad_deflate": bad_deflate,
    "nested_arrays": nested_arrays,
    "unknown_filter": unknown_filter,
    "too_many_pages": too_many_pages,
    "huge_text": huge_text,
}
