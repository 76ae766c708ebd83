"""Reports from other people that are locked or damaged (round 4, hostile input): one
Swedish line that says what to do, never pypdf's, zipfile's or zlib's English."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from tests.importing.import_helpers import make_pdf

from namndtui.cli import main

REPORT = [["Ansökan om medel", "", "Förslag till beslut", "Nämnden godkänner ansökan."]]
ENGLISH = ("decrypted", "Limit", "File is not", "Error -3", "CRC", "zip file", "trasig")


def _encrypted(user: str, algorithm: str) -> bytes:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(make_pdf(REPORT))))
    writer.encrypt(user_password=user, owner_password="ägaren", algorithm=algorithm)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _run(path: Path, capsys, command: str = "import-text") -> tuple[int, str]:
    code = main([command, str(path)])
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return code, out + err


@pytest.mark.parametrize("algorithm", ["RC4-128", "AES-256"])
def test_a_pdf_that_needs_a_password_says_so(tmp_path, capsys, algorithm):
    """pypdf's decrypt("") returns NOT_DECRYPTED without raising: the file went on to be
    read and was called "trasig PDF: File has not been decrypted"."""
    path = tmp_path / "låst.pdf"
    path.write_bytes(_encrypted("hemligt", algorithm))
    for command in ("import-text", "import-agenda"):
        code, said = _run(path, capsys, command)
        assert code == 2 and "PDF-filen är lösenordsskyddad – spara en kopia utan lösenord" in said
        assert not any(word in said for word in ENGLISH), said


def test_a_pdf_locked_only_against_editing_is_read(tmp_path, capsys):
    path = tmp_path / "skrivskyddad.pdf"
    path.write_bytes(_encrypted("", "AES-256"))  # an owner password only: anyone may read it
    code, said = _run(path, capsys)
    assert code == 0 and "Nämnden godkänner ansökan." in said


def test_an_encrypted_word_file_says_so(tmp_path, capsys):
    """Word saves a password-protected .docx as an OLE compound file (so is the old .doc):
    it was "inte en giltig .docx: File is not a zip file"."""
    path = tmp_path / "låst.docx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(4096))
    code, said = _run(path, capsys)
    assert code == 2 and "Word-filen är lösenordsskyddad eller i det gamla .doc-formatet" in said


def test_damaged_zip_data_in_a_word_file_is_swedish(tmp_path, capsys):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("[Content_Types].xml", "<Types/>" + " " * 4000)
        package.writestr("word/document.xml", "<w:document/>" + " " * 4000)
    data = bytearray(buf.getvalue())
    at = data.find(b"word/document.xml") + 40
    data[at : at + 30] = bytes(30)  # deflate data that cannot be unpacked
    path = tmp_path / "skadad.docx"
    path.write_bytes(bytes(data))
    code, said = _run(path, capsys)
    assert code == 2 and "Word-filen är skadad" in said
    assert not any(word in said for word in ENGLISH), said


def test_a_zip_bomb_names_the_bound_it_passed(tmp_path, capsys):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("[Content_Types].xml", "<Types/>")
        package.writestr("word/media/bild.png", bytes(51 * 1024 * 1024))  # one part past 50 MB
    path = tmp_path / "bild.docx"
    path.write_bytes(buf.getvalue())
    code, said = _run(path, capsys)
    assert code == 2 and "en del av Word-filen blir 51 MB uppackad; högst 50 MB" in said


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "utf-32", "utf-32-le"])
def test_a_report_in_utf16_or_utf32_without_bom_is_read(tmp_path, capsys, encoding):
    """It was "filen är inte text (innehåller binära data)" (only UTF-16 with a BOM was read)."""
    text = "Ansökan om medel – för äldreomsorg\n\nFörslag till beslut\n\nNämnden godkänner.\n"
    path = tmp_path / "rapport.txt"
    path.write_bytes(text.encode(encoding))
    code, said = _run(path, capsys)
    assert code == 0 and 'title = "Ansökan om medel – för äldreomsorg"' in said, said


@pytest.mark.timeout(30)
def test_a_kallelse_folder_says_what_it_passes_over(tmp_path, capsys):
    """A FIFO, a folder or a dangling link named like a document was left out silently."""
    import os

    folder = tmp_path / "kallelse"
    folder.mkdir()
    (folder / "1-rapport.txt").write_text(
        "Ansökan om medel\n\nFörslag till beslut\n\nNämnden godkänner.\n", encoding="utf-8"
    )
    os.mkfifo(folder / "2-fifo.txt")
    (folder / "3-mapp.pdf").mkdir()
    (folder / "4-borta.pdf").symlink_to(tmp_path / "finns-inte.pdf")
    code = main(["import-kallelse", str(folder), "--out", str(tmp_path / "meeting.toml")])
    err = capsys.readouterr().err
    assert code == 0, err
    assert "2-fifo.txt hoppas över: kan inte läsas: är ingen vanlig fil" in err
    assert "3-mapp.pdf hoppas över: är en mapp" in err
    assert "4-borta.pdf hoppas över: filen finns inte" in err
