"""Read the text of a document: plain text (any common encoding), PDF text layer, DOCX.

Everything that cannot be read as text ends in a `UserError` (exit 2) with one Swedish
line naming the file; nothing here prints or exits.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field
from pathlib import Path

from namndtui.errors import UserError

# Control characters that never occur in real text (form feed \f and tab are allowed).
_BINARY_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")  # ESC, C1 too: see textcheck
_PDF_MAGIC = b"%PDF-"
_ZIP_MAGIC = b"PK\x03\x04"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0"  # old .doc, .xls


@dataclass
class DocumentText:
    """The text of a document and what was noticed while reading it."""

    text: str
    kind: str  # "text", "pdf" or "docx"
    warnings: list[str] = field(default_factory=list)


def decode_text(data: bytes, name: str = "filen") -> tuple[str, list[str]]:
    """Decode bytes that should be text: UTF-8 (BOM or not), else cp1252/latin-1.

    Raises UserError (exit 2) when the bytes are clearly not text (NUL bytes, control
    characters, a PDF/ZIP/Word signature under the wrong name).
    """
    warnings: list[str] = []
    if data.startswith(_PDF_MAGIC):
        raise UserError(
            f"{name}: filen är en PDF men har inte filändelsen .pdf; byt namn och försök igen"
        )
    if data.startswith(_ZIP_MAGIC):
        raise UserError(
            f"{name}: filen är inte text (ett ZIP-arkiv, kanske ett Word-dokument; spara som .docx)"
        )
    if data.startswith(_OLE_MAGIC):
        raise UserError(
            f"{name}: filen är ett gammalt Word-/Office-dokument; spara det som .docx eller text"
        )
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as err:
            raise UserError(f"{name}: filen är inte läsbar text (trasig UTF-16)") from err
    else:
        if b"\x00" in data:
            raise UserError(f"{name}: filen är inte text (innehåller binära data)")
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            # Old Windows text files: cp1252 covers åäö and the typographic quotes;
            # latin-1 decodes anything, so it is only the last resort.
            try:
                text = data.decode("cp1252")
                enc = "cp1252"
            except UnicodeDecodeError:
                text = data.decode("latin-1")
                enc = "latin-1"
            warnings.append(f"{name}: inte giltig UTF-8, läst som {enc} (Windows-teckenkodning)")
    bad = len(_BINARY_CONTROLS.findall(text))
    if bad and bad > max(2, len(text) // 200):
        raise UserError(f"{name}: filen är inte text (innehåller binära data)")
    text = _BINARY_CONTROLS.sub("", text)
    if not text.strip():
        raise UserError(f"{name}: filen är tom")
    return text, warnings


def read_pdf_pages(data: bytes, name: str = "filen") -> list[str]:
    """The text layer of each page of a PDF (layout mode: columns keep their gaps)."""
    import logging

    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    logging.getLogger("pypdf").setLevel(logging.ERROR)  # pypdf warns loudly on odd files
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            try:
                reader.decrypt("")
            except Exception as err:  # noqa: BLE001 - any failure means: locked
                raise UserError(f"{name}: PDF-filen är lösenordsskyddad") from err
        pages = [page.extract_text(extraction_mode="layout") or "" for page in reader.pages]
    except UserError:
        raise
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, OSError) as err:
        raise UserError(f"{name}: kan inte läsa PDF-filen ({err})") from err
    if not any(re.search(r"\w", page) for page in pages):
        raise UserError(
            f"{name}: PDF-filen saknar textlager; den verkar vara en inskannad PDF utan text "
            "(kör textigenkänning/OCR först eller klistra in texten i en textfil)"
        )
    return pages


def read_pdf(data: bytes, name: str = "filen") -> str:
    """The text layer of a PDF, pages separated by form feeds."""
    return "\n\f\n".join(read_pdf_pages(data, name))


def read_docx(data: bytes, name: str = "filen") -> str:
    """The paragraphs and tables of a DOCX in document order, one paragraph per line block.

    Word paragraphs are already whole paragraphs, so each one is followed by a blank
    line; headings become their own paragraph, which is what the parser expects.
    """
    import zipfile

    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as err:
        raise UserError(f"{name}: kan inte läsa Word-filen (inte en giltig .docx)") from err
    from docx.table import Table

    blocks: list[str] = []
    try:
        # Paragraphs and tables in document order: a table stays in its section.
        for part in document.iter_inner_content():
            if isinstance(part, Table):
                blocks.extend(_table_rows(part))
            else:
                # Soft line breaks (shift+enter) inside a paragraph come through as "\n".
                blocks.append(part.text.replace("\v", "\n"))
    except (KeyError, ValueError, AttributeError, IndexError) as err:
        raise UserError(f"{name}: kan inte läsa Word-filen ({err})") from err
    text = "\n\n".join(b for b in blocks if b.strip())
    if not text.strip():
        raise UserError(f"{name}: Word-filen innehåller ingen text")
    return text


_DNR_COLUMN = re.compile(r"^(?:dnr|diarienummer|diarienr|diarie-nr)\.?:?$", re.IGNORECASE)


def _table_rows(table: object) -> list[str]:
    """A Word table as one line per row, cells separated by two spaces.

    An agenda laid out as a table ("Nr | Ärende | Dnr") then reads like a typed one:
    "2  Budgetuppföljning april  Dnr SN 2009/45" (a value in a column headed Dnr gets the
    label, so the parsers see it as a Dnr). Merged cells are read once.
    """
    rows: list[str] = []
    dnr_column = -1
    for row in table.rows:  # type: ignore[attr-defined]
        cells: list[str] = []
        seen: list[object] = []
        for cell in row.cells:
            if any(cell._tc is tc for tc in seen):  # a merged cell repeats in row.cells
                continue
            seen.append(cell._tc)
            cells.append(" ".join(cell.text.split()))
        if dnr_column < 0:
            dnr_column = next((k for k, c in enumerate(cells) if _DNR_COLUMN.match(c)), -1)
            if dnr_column >= 0:
                rows.append("  ".join(c for c in cells if c))
                continue
        if (
            0 <= dnr_column < len(cells)
            and cells[dnr_column]
            and not re.match(r"(?i)dnr|diarie", cells[dnr_column])
        ):
            cells[dnr_column] = f"Dnr {cells[dnr_column]}"
        rows.append("  ".join(c for c in cells if c))
    return rows


def read_bytes(path: Path) -> bytes:
    """The bytes of a document file; UserError (exit 2) with one Swedish line if there are none."""
    name = str(path)
    if path.is_dir():
        raise UserError(f"{name}: är en mapp, inte en fil")
    try:
        data = path.read_bytes()
    except FileNotFoundError as err:
        raise UserError(f"{name}: filen finns inte") from err
    except OSError as err:
        raise UserError(f"{name}: kan inte läsa filen ({err.strerror or err})") from err
    if not data.strip():
        raise UserError(f"{name}: filen är tom")
    return data


def read_document(path: Path | str) -> DocumentText:
    """Read `path` as text, PDF or DOCX (chosen by the file ending, checked by content)."""
    path = Path(path)
    name = str(path)
    data = read_bytes(path)
    suffix = path.suffix.lower()
    if suffix == ".pdf" or data.startswith(_PDF_MAGIC):
        if not data.startswith(_PDF_MAGIC):
            raise UserError(f"{name}: filen heter .pdf men är ingen PDF")
        return DocumentText(read_pdf(data, name), "pdf")
    if suffix == ".docx" or (data.startswith(_ZIP_MAGIC) and suffix in {".doc", ".docm"}):
        return DocumentText(read_docx(data, name), "docx")
    if suffix == ".doc" and data.startswith(_OLE_MAGIC):
        raise UserError(f"{name}: gamla .doc-filer kan inte läsas; spara som .docx eller text")
    text, warnings = decode_text(data, name)
    return DocumentText(text, "text", warnings)
