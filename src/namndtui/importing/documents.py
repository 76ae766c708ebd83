"""Read the text of a document: plain text (any common encoding), PDF text layer, DOCX.

Everything that cannot be read as text ends in a `UserError` (exit 2) with one Swedish
line naming the file; nothing here prints or exits.

Input is bounded, so a hostile file costs a clear line, not a hang or a traceback: the
file's size, a report's text, a PDF's pages (pypdf itself caps each decompressed stream
at 75 MB), a DOCX's members as unpacked (a zip bomb is refused before anything is
unpacked) and its XML (no DTD, so no entities to expand, and at most 200 levels deep,
checked with defusedxml before python-docx parses it). Any other failure inside pypdf
or python-docx becomes "FILE: kunde inte läsas (…)".
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field
from pathlib import Path

from namndtui.errors import UserError, pdf_reason
from namndtui.storage import os_reason
from namndtui.textcheck import wide_codec

# Control characters that never occur in real text (form feed \f and tab are allowed).
_BINARY_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")  # ESC, C1 too: see textcheck
_PDF_MAGIC = b"%PDF-"
_ZIP_MAGIC = b"PK\x03\x04"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0"  # old .doc, .xls

MB = 1024 * 1024
MAX_FILE_BYTES = 100 * MB  # any document file (a kallelse PDF of 300 pages is ~5–30 MB)
MAX_TEXT_CHARS = 5_000_000  # a report's text (~2,000 pages)
MAX_PDF_PAGES = 2_000
MAX_DOCX_MEMBERS = 2_000
MAX_DOCX_MEMBER_BYTES = 50 * MB  # one member as unpacked
MAX_DOCX_TOTAL_BYTES = 200 * MB  # all members as unpacked
MAX_XML_DEPTH = 200  # Word's own documents nest a few dozen levels
WORD_DAMAGED = "kunde inte läsas (Word-filen är skadad eller ingen .docx)"
PDF_LOCKED = "PDF-filen är lösenordsskyddad – spara en kopia utan lösenord och läs in den"
WORD_LOCKED = (
    "Word-filen är lösenordsskyddad eller i det gamla .doc-formatet – spara den som .docx "
    "utan lösenord och läs in den"
)


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
    if codec := wide_codec(data):  # Notepad's "Unicode", PowerShell, some exports
        try:
            text = data.decode(codec).removeprefix("\ufeff")
        except UnicodeDecodeError as err:
            raise UserError(
                f"{name}: filen är inte läsbar text (trasig {codec[:6].upper()})"
            ) from err
    else:
        if b"\x00" in data:
            raise UserError(f"{name}: filen är inte text (innehåller binära data)")
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            # Old Windows text files: cp1252 covers åäö and the typographic quotes;
            # latin-1 decodes anything, so it is only the last resort.
            # The caller names the file before each warning.
            try:
                text = data.decode("cp1252")
                enc = "cp1252 (Windows-teckenkodning)"
            except UnicodeDecodeError:
                text = data.decode("latin-1")
                enc = "latin-1"
            warnings.append(f"inte giltig UTF-8, läst som {enc}")
    bad = len(_BINARY_CONTROLS.findall(text))
    if bad and bad > max(2, len(text) // 200):
        raise UserError(f"{name}: filen är inte text (innehåller binära data)")
    text = _BINARY_CONTROLS.sub("", text)
    if not text.strip():
        raise UserError(f"{name}: filen är tom")
    return text, warnings


def read_pdf_pages(data: bytes, name: str = "filen") -> list[str]:
    """The text of each page of a PDF, read with its layout (`pdf_layout`, pdfplumber).

    pypdf opens the file first: it says whether it is locked, counts the pages and
    unpacks every stream the text reader will unpack (each page's content, its fonts and
    form XObjects) under its own cap of 75 MB a stream, so a compression bomb is refused
    before pdfminer, which has no such cap, sees it.
    """
    import logging

    from pypdf import PdfReader

    from namndtui.importing.pdf_layout import read_pages

    logging.getLogger("pypdf").setLevel(logging.ERROR)  # pypdf warns loudly on odd files
    logging.getLogger("pdfminer").setLevel(logging.ERROR)
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            try:  # "" opens a file locked only against editing (an owner password)
                opened = reader.decrypt("")
            except Exception:  # noqa: BLE001 - any failure means: locked
                opened = False
            if not opened:  # PasswordType.NOT_DECRYPTED: a password is needed to read it
                raise UserError(f"{name}: {PDF_LOCKED}")
        if len(reader.pages) > MAX_PDF_PAGES:
            raise UserError(
                f"{name}: PDF-filen har {len(reader.pages)} sidor; högst {MAX_PDF_PAGES} läses"
            )
        _check_pdf_streams(reader, name)
        pages = read_pages(data)
    except UserError:
        raise
    except Exception as err:  # noqa: BLE001 - pypdf/pdfminer raise anything on a hostile file
        # (their messages are English: "File has not been decrypted", "Limit reached …")
        raise UserError(f"{name}: kunde inte läsas (PDF-filen: {pdf_reason(err)})") from None
    if sum(len(page) for page in pages) > MAX_TEXT_CHARS:
        raise UserError(f"{name}: PDF-filen har för mycket text (över {MAX_TEXT_CHARS} tecken)")
    if not any(re.search(r"\w", page) for page in pages):
        raise UserError(
            f"{name}: PDF-filen saknar textlager; den verkar vara en inskannad PDF utan text "
            "(kör textigenkänning/OCR först eller klistra in texten i en textfil)"
        )
    return pages


MAX_PDF_UNPACKED = 500 * MB  # all the streams the text reader unpacks, together


def _check_pdf_streams(reader: object, name: str) -> None:
    """Unpack (and forget) what the text reader will unpack, under pypdf's caps."""
    seen: set[int] = set()
    total = 0

    def stream_size(obj: object, depth: int = 0) -> int:
        obj = obj.get_object() if hasattr(obj, "get_object") else obj
        if id(obj) in seen or depth > 4:
            return 0
        seen.add(id(obj))
        size = len(obj.get_data()) if hasattr(obj, "get_data") else 0
        if isinstance(obj, dict):
            for key in ("/Font", "/XObject", "/Resources", "/FontFile", "/FontFile2",
                        "/FontFile3", "/ToUnicode", "/FontDescriptor", "/DescendantFonts"):  # fmt: skip
                if key in obj:
                    size += stream_size(obj[key], depth + 1)
            if obj.get("/Subtype") not in ("/Image",) and "/Font" not in obj:
                for value in list(obj.values())[:200]:
                    if hasattr(value, "get_object") and depth < 3:
                        size += stream_size(value, depth + 1)
        elif isinstance(obj, list):
            for value in obj[:2000]:
                size += stream_size(value, depth + 1)
        return size

    for page in reader.pages:  # type: ignore[attr-defined]
        contents = page.get_contents()
        total += len(contents.get_data()) if contents is not None else 0
        if "/Resources" in page:
            total += stream_size(page["/Resources"])
        if total > MAX_PDF_UNPACKED:
            raise UserError(
                f"{name}: kunde inte läsas (PDF-filen blir över {MAX_PDF_UNPACKED // MB} MB uppackad)"
            )


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

    if data.startswith(_OLE_MAGIC):  # Word's encrypted .docx and the old .doc are OLE files
        raise UserError(f"{name}: {WORD_LOCKED}")
    check_docx_package(data, name)
    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as err:
        raise UserError(f"{name}: kan inte läsa Word-filen (inte en giltig .docx)") from err
    except Exception:  # noqa: BLE001 - python-docx/lxml raise anything on a hostile file
        raise UserError(f"{name}: {WORD_DAMAGED}") from None
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
    except Exception:  # noqa: BLE001 - as above (their messages are English)
        raise UserError(f"{name}: {WORD_DAMAGED}") from None
    text = "\n\n".join(b for b in blocks if b.strip())
    if len(text) > MAX_TEXT_CHARS:
        raise UserError(f"{name}: Word-filen har för mycket text (över {MAX_TEXT_CHARS} tecken)")
    if not text.strip():
        raise UserError(f"{name}: Word-filen innehåller ingen text")
    return text


def _unpacked_too_big(name: str, total: int, biggest: int) -> str:
    """Which bound a zip bomb passed, in whole MB rounded up (never "200 MB; högst 200")."""
    if biggest > MAX_DOCX_MEMBER_BYTES:
        size, what, limit = biggest, "en del av Word-filen", MAX_DOCX_MEMBER_BYTES
    else:
        size, what, limit = total, "Word-filen", MAX_DOCX_TOTAL_BYTES
    return f"{name}: kunde inte läsas ({what} blir {-(-size // MB)} MB uppackad; högst {limit // MB} MB)"


def check_docx_package(data: bytes, name: str) -> None:
    """Refuse a DOCX whose members unpack too large (a zip bomb) or whose XML is hostile.

    The sizes in the zip directory bound what is unpacked (zipfile never reads past a
    member's declared size); every XML part is then streamed once through defusedxml,
    which refuses a DTD (so no entity can be defined, let alone expanded), while the
    depth is counted.
    """
    import zipfile

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            infos = package.infolist()
            if len(infos) > MAX_DOCX_MEMBERS:
                raise UserError(f"{name}: kunde inte läsas (Word-filen har {len(infos)} delar)")
            total = sum(info.file_size for info in infos)
            biggest = max((info.file_size for info in infos), default=0)
            if total > MAX_DOCX_TOTAL_BYTES or biggest > MAX_DOCX_MEMBER_BYTES:
                raise UserError(_unpacked_too_big(name, total, biggest))
            for info in infos:
                if info.filename.endswith((".xml", ".rels")):
                    with package.open(info) as member:
                        _check_xml(member, f"{name}: {info.filename}")
    except UserError:
        raise
    except zipfile.BadZipFile:  # zipfile's English ("File is not a zip file", "Bad CRC-32 …")
        raise UserError(f"{name}: {WORD_DAMAGED}") from None
    except Exception:  # noqa: BLE001 - bad deflate data (zlib.error), EOF in a member …
        raise UserError(f"{name}: {WORD_DAMAGED}") from None


def _check_xml(stream: object, where: str) -> None:
    from defusedxml import DefusedXmlException
    from defusedxml.ElementTree import iterparse

    depth = 0
    try:
        for event, element in iterparse(stream, events=("start", "end"), forbid_dtd=True):
            if event == "start":
                depth += 1
                if depth > MAX_XML_DEPTH:
                    raise UserError(
                        f"{where}: kunde inte läsas (XML nästlad djupare än {MAX_XML_DEPTH} nivåer)"
                    )
            else:
                depth -= 1
                element.clear()
    except DefusedXmlException as err:
        raise UserError(f"{where}: kunde inte läsas (XML med DTD eller entiteter)") from err


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
    """The bytes of a document file; UserError (exit 2) with one Swedish line if there are none.

    Only a regular file of at most MAX_FILE_BYTES is read: a FIFO or a device (/dev/zero)
    is refused before it is opened, a symlink loop is named as such.
    """
    import errno
    import stat

    name = str(path)
    try:
        info = path.stat()
    except FileNotFoundError as err:
        raise UserError(f"{name}: filen finns inte") from err
    except OSError as err:
        if err.errno == errno.ELOOP:
            raise UserError(f"{name}: symboliska länkar i en slinga") from err
        raise UserError(f"{name}: kan inte läsa filen ({os_reason(err)})") from err
    if stat.S_ISDIR(info.st_mode):
        raise UserError(f"{name}: är en mapp, inte en fil")
    if not stat.S_ISREG(info.st_mode):
        raise UserError(f"{name}: är ingen vanlig fil (en enhet, en FIFO eller liknande)")
    if info.st_size > MAX_FILE_BYTES:
        raise UserError(
            f"{name}: filen är för stor ({info.st_size // MB} MB; högst {MAX_FILE_BYTES // MB} MB)"
        )
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)
    except OSError as err:
        raise UserError(f"{name}: kan inte läsa filen ({os_reason(err)})") from err
    if len(data) > MAX_FILE_BYTES:  # grew while we looked
        raise UserError(f"{name}: filen är för stor (högst {MAX_FILE_BYTES // MB} MB)")
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
    if len(text) > MAX_TEXT_CHARS:
        raise UserError(f"{name}: filen har för mycket text (över {MAX_TEXT_CHARS} tecken)")
    return DocumentText(text, "text", warnings)
