"""The public version of the socialnämnd meeting: golden files, the CLI (export and
extract --publicering, check-public) and the refusal to write a leaking file."""

from __future__ import annotations

import os

import pytest
from tests.secrecy import socialnamnd as sn

from namndtui.cli import main
from namndtui.minutes.extract import render_extract
from namndtui.minutes.markdown import render_markdown
from namndtui.minutes.protokoll_read import parse_protokoll_text
from namndtui.minutes.protokoll_write import render_toml
from namndtui.secrecy import publish
from namndtui.secrecy.check import LeakChecker, plain_text
from namndtui.secrecy.marking import ORIGINAL_NOTICE, PUBLIC_NOTICE
from namndtui.secrecy.publish import render_public_extract, render_publication

UPDATE = os.environ.get("NAMNDTUI_UPDATE_GOLDEN") == "1"
PRIVATE = [
    "Elin Bergqvist",
    "Tobias Bergqvist",
    "Signe Malm",
    "Rasmus Holt",
    "940312-4417",
    "19870621-2280",
    "070-555 12 34",
    "0510-123 45",
    "ekonomi@lillby.se",
    "LVU för barnet",
    "placeringsalternativ",
    "tandvård",
    "SN 2026/0412",
]


def check_golden(name: str, content: str) -> None:
    path = sn.GOLDEN / name
    if UPDATE:
        path.write_text(content, encoding="utf-8", newline="\n")
    assert path.exists(), f"{path} saknas – kör med NAMNDTUI_UPDATE_GOLDEN=1"
    assert content == path.read_text(encoding="utf-8"), f"{name} skiljer sig från golden-filen"


@pytest.fixture(scope="module")
def files() -> dict[str, str]:
    return render_publication(sn.minutes())


@pytest.mark.parametrize("name", [publish.PUBLIC_MARKDOWN, publish.PUBLIC_HTML])
def test_golden_public_version(files, name: str) -> None:
    check_golden(name, files[name])


def test_golden_public_extract_of_a_secret_paragraph() -> None:
    check_golden("utdrag-101-publicering.md", render_public_extract(sn.minutes(), 101))


def test_public_version_keeps_numbers_and_public_titles(files) -> None:
    md = files[publish.PUBLIC_MARKDOWN]
    assert "## § 101 Individärende, barn och unga" in md
    assert "## § 103 Individärende, ekonomiskt bistånd" in md
    sentence = "Ärendet redovisas inte med hänvisning till sekretess (OSL 26 kap. 1 §)."
    assert md.count(sentence) == 2
    assert PUBLIC_NOTICE in md
    assert ORIGINAL_NOTICE not in md
    for text in PRIVATE:
        assert text.casefold() not in md.casefold(), text
        assert text.casefold() not in plain_text(files[publish.PUBLIC_HTML], ".html").casefold()


def test_complete_original_has_everything_and_says_so() -> None:
    minutes = sn.minutes()
    md = render_markdown(minutes)
    assert ORIGINAL_NOTICE in md
    assert "Sekretess enligt OSL 26 kap. 1 §." in md
    for text in PRIVATE:
        assert text in md or text in render_toml(minutes), text
    extract = render_extract(minutes, 101)
    assert "Elin Bergqvist" in extract and ORIGINAL_NOTICE in extract
    # A public § of the same meeting: its complete extract is not marked secret.
    assert ORIGINAL_NOTICE not in render_extract(minutes, 102)


def test_protokoll_toml_carries_secrecy_and_names() -> None:
    minutes = sn.minutes()
    text = render_toml(minutes)
    assert 'secrecy = "OSL 26 kap. 1 §"' in text
    assert 'public_title = "Individärende, barn och unga"' in text
    loaded = parse_protokoll_text(text)
    assert render_toml(loaded) == text
    assert loaded.meeting.personal_data == minutes.meeting.personal_data
    # The public version made from the protokoll alone is the same as from the record.
    assert (
        render_publication(loaded)[publish.PUBLIC_MARKDOWN]
        == (render_publication(minutes)[publish.PUBLIC_MARKDOWN])
    )


def test_checker_finds_each_kind_with_its_line() -> None:
    checker = LeakChecker(sn.minutes())
    text = (
        "Rad ett.\n"
        "Kontakt 19870621-2280.\n"
        "Här nämns signe\nmalm över en radbrytning.\n"
        "Hon har överklagat beslutet att avslå hennes ansökan om bistånd till tandvård.\n"
    )
    found = [(f.line, f.message.split(":")[0]) for f in checker.check(text)]
    assert (2, "personnummer") in found
    assert (3, "namn i personuppgiftslistan") in found
    assert any(
        line == 5 and msg.startswith("text ur sekretessärendet § 103") for line, msg in found
    )


def test_checker_does_not_flag_public_text() -> None:
    """A decision worded like a public one, the public titles and the fixed phrases."""
    minutes = sn.minutes()
    checker = LeakChecker(minutes)
    md = render_publication(minutes)[publish.PUBLIC_MARKDOWN]
    assert checker.check(md) == []
    assert checker.check("Socialnämnden lägger synpunkterna till handlingarna.") == []


# --- the command line -------------------------------------------------------------------------


@pytest.fixture
def folder(tmp_path):
    return sn.recorded_folder(tmp_path)


def test_export_publicering_writes_the_checked_public_files(folder, capsys) -> None:
    assert main(["export", str(folder), "--publicering"]) == 0
    written = [p.rsplit("/", 1)[-1] for p in capsys.readouterr().out.split()]
    assert written == [publish.PUBLIC_MARKDOWN, publish.PUBLIC_HTML]
    md = (folder / publish.PUBLIC_MARKDOWN).read_text(encoding="utf-8")
    assert md == (sn.GOLDEN / publish.PUBLIC_MARKDOWN).read_text(encoding="utf-8")
    assert not (folder / "protokoll.md").exists()  # the complete original is another export
    assert main(["check-public", str(folder / publish.PUBLIC_MARKDOWN),
                 str(folder / publish.PUBLIC_HTML), "--meeting", str(folder)]) == 0  # fmt: skip
    assert capsys.readouterr().out == ""


def test_check_public_lists_findings_and_exits_1(folder, capsys) -> None:
    assert main(["export", str(folder)]) == 0
    capsys.readouterr()
    original = folder / "protokoll.md"
    assert main(["check-public", str(original), "--meeting", str(folder)]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines and all(line.startswith(f"{original}:") for line in lines)
    assert any(line.endswith(": personnummer") for line in lines)
    assert any("namn i personuppgiftslistan: Elin Bergqvist" in line for line in lines)
    assert any("text ur sekretessärendet § 101" in line for line in lines)
    # Without the meeting only personnummer are looked for.
    assert main(["check-public", str(original)]) == 1
    assert {line.rsplit(": ", 1)[-1] for line in capsys.readouterr().out.splitlines()} == {
        "personnummer"
    }


def test_check_public_on_unreadable_files(tmp_path, capsys) -> None:
    (tmp_path / "a.docx").write_bytes(b"PK")
    (tmp_path / "b.pdf").write_bytes(b"not a pdf")
    (tmp_path / "c.txt").write_bytes(b"\xff\xfe")
    names = [str(tmp_path / n) for n in ("a.docx", "b.pdf", "c.txt", "saknas.md")]
    assert main(["check-public", *names]) == 2
    err = capsys.readouterr().err
    assert "okänd filtyp .docx" in err and "PDF-filen kan inte läsas" in err
    assert "inte UTF-8-text" in err and "kan inte läsas" in err
    assert "Traceback" not in err


def test_check_public_reads_pdf(tmp_path, capsys) -> None:
    weasyprint = pytest.importorskip("weasyprint")
    pdf = tmp_path / "a.pdf"
    weasyprint.HTML(string="<p>Kontakt: 850101-1236</p>").write_pdf(pdf)
    assert main(["check-public", str(pdf)]) == 1
    assert capsys.readouterr().out.strip() == f"{pdf}:1: personnummer"


def test_export_refuses_a_public_file_that_fails_the_check(folder, capsys, monkeypatch) -> None:
    """Should the public view ever let something through, nothing is written."""
    monkeypatch.setattr(publish, "public_minutes", lambda minutes: minutes)
    assert main(["export", str(folder), "--publicering"]) == 1
    err = capsys.readouterr().err
    assert "webbversionen skrevs inte" in err
    assert f"{folder / publish.PUBLIC_MARKDOWN}:" in err and "personnummer" in err
    assert not (folder / publish.PUBLIC_MARKDOWN).exists()
    assert not (folder / publish.PUBLIC_HTML).exists()


def test_extract_publicering(folder, capsys) -> None:
    assert main(["extract", str(folder), "§101", "--publicering"]) == 0
    out = capsys.readouterr().out
    assert "Ärendet redovisas inte med hänvisning till sekretess (OSL 26 kap. 1 §)." in out
    assert PUBLIC_NOTICE in out and "Bergqvist" not in out
    assert main(["extract", str(folder), "§104", "--publicering"]) == 0
    out = capsys.readouterr().out
    assert "XX har också lämnat en synpunkt." in out and "Malm" not in out
    assert main(["extract", str(folder), "§101"]) == 0
    assert "Elin Bergqvist" in capsys.readouterr().out


def test_export_publicering_pdf_passes_check_public(folder, capsys) -> None:
    pytest.importorskip("weasyprint")
    assert main(["export", str(folder), "--publicering", "--pdf"]) == 0
    pdf = folder / publish.PUBLIC_PDF
    assert pdf.read_bytes().startswith(b"%PDF-")
    capsys.readouterr()
    assert main(["check-public", str(pdf), "--meeting", str(folder)]) == 0
    from namndtui.secrecy.check import read_document

    text = read_document(pdf)
    assert "Ärendet redovisas inte med hänvisning till sekretess" in " ".join(text.split())
    for private in PRIVATE:
        assert private.casefold() not in text.casefold(), private
    # The complete original's PDF fails the same check.
    assert main(["export", str(folder), "--pdf"]) == 0
    capsys.readouterr()
    assert main(["check-public", str(folder / "protokoll.pdf"), "--meeting", str(folder)]) == 1


def test_a_file_that_cannot_be_read_back_is_not_published() -> None:
    """The check reads the PDF's text layer; a PDF it cannot read is refused, not trusted."""
    publication = publish.Publication(sn.minutes())
    with pytest.raises(publish.PublicationLeak) as err:
        publication.check({publish.PUBLIC_PDF: b"%PDF-1.7 not really"})
    [(name, finding)] = err.value.findings
    assert name == publish.PUBLIC_PDF and finding.message.startswith("texten kan inte kontrolleras")
