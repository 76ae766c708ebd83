"""Ten+ realistic tjänsteutlåtanden (tests/importing/docs/*.txt), each with its exact item.

`NAME.expected.toml` holds the `[[items]]` entry `import-text NAME.txt` must print; the
same text is also turned into a PDF (text layer) and a DOCX here and must give the same item.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from import_helpers import DOCS, make_pdf, text_to_docx, text_to_pdf

from namndtui.cli import main
from namndtui.importing import import_item_from_file, parse_report
from namndtui.importing.documents import decode_text
from namndtui.meetingwrite import item_to_toml_dict

CASES = sorted(p.stem for p in DOCS.glob("*.txt") if not p.name.startswith("agenda-"))


def expected(name: str) -> dict:
    data = tomllib.loads((DOCS / f"{name}.expected.toml").read_text(encoding="utf-8"))
    return data["items"][0]


def test_there_are_at_least_ten_documents_besides_the_seed() -> None:
    assert len([c for c in CASES if not c.startswith("seed")]) >= 10


@pytest.mark.parametrize("name", CASES)
def test_text_document(name: str) -> None:
    item = import_item_from_file(DOCS / f"{name}.txt").item
    assert item_to_toml_dict(item) == expected(name)


@pytest.mark.parametrize("name", CASES)
def test_same_text_as_pdf(name: str, tmp_path: Path) -> None:
    pdf = tmp_path / f"{name}.pdf"
    pdf.write_bytes(text_to_pdf((DOCS / f"{name}.txt").read_text(encoding="utf-8")))
    result = import_item_from_file(pdf)
    assert result.kind == "pdf"
    assert item_to_toml_dict(result.item) == expected(name)


@pytest.mark.parametrize("name", CASES)
def test_same_text_as_docx(name: str, tmp_path: Path) -> None:
    path = tmp_path / f"{name}.docx"
    text_to_docx((DOCS / f"{name}.txt").read_text(encoding="utf-8"), path)
    result = import_item_from_file(path)
    assert result.kind == "docx"
    assert item_to_toml_dict(result.item) == expected(name)


def test_unknown_structure_keeps_whole_text_and_warns(capsys: pytest.CaptureFixture[str]) -> None:
    parsed = parse_report((DOCS / "inga-rubriker.txt").read_text(encoding="utf-8"))
    assert not parsed.structured
    assert parsed.item.summary.startswith("Information om vinterväghållningen 2010/2011\n\n")
    assert len(parsed.warnings) == 1
    assert main(["import-text", str(DOCS / "inga-rubriker.txt")]) == 0
    out, err = capsys.readouterr()
    assert "hittade inga kända rubriker" in err
    assert out.startswith("[[items]]\n")


def test_scanned_pdf_without_text_layer(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    scan = tmp_path / "skannad.pdf"
    scan.write_bytes(make_pdf([[]], with_text=False))
    assert main(["import-text", str(scan)]) == 2
    err = capsys.readouterr().err
    assert "inskannad PDF utan text" in err
    assert err.count("\n") == 1 and "Traceback" not in err


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"\x00\x01\x02binary\x00" * 20, "inte text"),
        (b"PK\x03\x04" + b"\x00" * 40, "inte text"),
        (b"", "tom"),
        (b"   \n\n", "tom"),
        (b"%PDF-1.4 garbage", "PDF"),
    ],
)
def test_not_text_is_a_clear_error(
    data: bytes, message: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "arende.txt"
    path.write_bytes(data)
    assert main(["import-text", str(path)]) == 2
    err = capsys.readouterr().err
    assert message in err and err.startswith("namndtui: ") and "Traceback" not in err


def test_broken_pdf_and_docx_and_missing_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "trasig.pdf").write_bytes(b"%PDF-1.4\nnot really a pdf")
    (tmp_path / "trasig.docx").write_bytes(b"PK\x03\x04 not a zip")
    for name in ("trasig.pdf", "trasig.docx", "saknas.txt"):
        assert main(["import-text", str(tmp_path / name)]) == 2
    assert main(["import-text", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err and err.count("\n") == 4


def test_encodings_utf8_bom_crlf_and_cp1252(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = (DOCS / "kolon-rubriker.txt").read_text(encoding="utf-8")
    want = expected("kolon-rubriker")
    variants = {
        "bom.txt": b"\xef\xbb\xbf" + text.encode("utf-8"),
        "crlf.txt": text.replace("\n", "\r\n").encode("utf-8"),
        "cp1252.txt": text.encode("cp1252"),
        "utf16.txt": text.encode("utf-16"),
    }
    for name, data in variants.items():
        (tmp_path / name).write_bytes(data)
        result = import_item_from_file(tmp_path / name)
        assert item_to_toml_dict(result.item) == want, name
        assert bool(result.warnings) == (name == "cp1252.txt"), name


def test_decode_text_rejects_control_garbage() -> None:
    with pytest.raises(Exception, match="inte text"):
        decode_text(bytes(range(1, 32)) * 30)


def test_the_encoding_warning_names_the_file_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The command puts the file's name before each warning; the warning itself does not
    repeat it ("rapport.txt: rapport.txt: inte giltig UTF-8 …")."""
    text = (DOCS / "kolon-rubriker.txt").read_text(encoding="utf-8")
    path = tmp_path / "rapport.txt"
    path.write_bytes(text.encode("cp1252"))
    assert main(["import-text", str(path)]) == 0
    err = capsys.readouterr().err
    assert f"namndtui: varning: {path}: inte giltig UTF-8, läst som cp1252" in err
    assert err.count("rapport.txt") == 1


def test_latin1_is_not_called_a_windows_encoding() -> None:
    """Bytes cp1252 leaves undefined (0x81, 0x90 …) are read as latin-1, which is no
    Windows code page."""
    _, warnings = decode_text("Nämnden \x81 godkänner".encode("latin-1"))
    assert warnings == ["inte giltig UTF-8, läst som latin-1"]
