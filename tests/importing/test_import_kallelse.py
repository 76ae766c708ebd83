"""`namndtui import-kallelse`: one kallelse PDF (or a folder) → the whole meeting.

The PDFs are made as case systems make them (tests/importing/pdf_fixtures.py: WeasyPrint,
DejaVu fonts, letterhead tables, "Sida k (n)" per report, bold headings).
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from tests.importing.pdf_fixtures import (
    agenda_html,
    concatenate,
    make_kallelse,
    make_reports,
    render,
    report_html,
)

from namndtui.cli import main
from namndtui.importing.kallelse import import_kallelse
from namndtui.meetingfile import parse_meeting_text

pytest.importorskip("weasyprint")


@pytest.fixture(scope="session")
def kallelse_30(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list]:
    """Agenda + 30 reports of 5 pages each: 152 pages, made once per test session."""
    data, reports = make_kallelse(30, paragraphs=13)
    path = tmp_path_factory.mktemp("kallelse") / "kallelse.pdf"
    path.write_bytes(data)
    return path, reports


def test_thirty_items_every_item_gets_its_report(kallelse_30: tuple[Path, list]) -> None:
    from pypdf import PdfReader

    path, reports = kallelse_30
    assert len(PdfReader(io.BytesIO(path.read_bytes())).pages) >= 150
    result = import_kallelse(path)
    items = result.agenda.items
    assert len(items) == 31 and [i.title for i in result.missing] == [
        "Val av justerare samt tid för justering"
    ]
    assert result.unplaced == []
    for item, report in zip(items[1:], reports, strict=True):
        assert item.title == report.title
        assert item.dnr == f"Dnr {report.dnr}"
        assert item.officer == report.officer
        assert list(item.proposed_decision) == report.decision
        assert item.summary == report.sections["Sammanfattning"][0]
        # A paragraph that ends at the foot of a page cannot be told from one that runs
        # on: the text must be whole, its paragraph breaks may differ at page breaks.
        assert words(item.background) == words(*report.sections["Bakgrund"])
        assert words(item.proposal) == words(
            *report.sections["Förvaltningens synpunkter och förslag"]
        )
        assert item.attachments == ("Sammanställning",)
        assert item.extra_sections == ()  # the signature is not a section
    furniture = {d.reason for _page, d in result.dropped}
    assert {"sidnummer", "sidfot", "dnr", "underskrift"} <= furniture


def words(*texts: str) -> list[str]:
    return " ".join(texts).split()


def _small(tmp_path: Path, count: int = 4) -> tuple[Path, list]:
    data, reports = make_kallelse(count, paragraphs=2)
    path = tmp_path / "kallelse.pdf"
    path.write_bytes(data)
    return path, reports


def test_command_writes_a_valid_meeting_and_reports_what_it_placed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path, reports = _small(tmp_path)
    out = tmp_path / "meeting.toml"
    assert main(["import-kallelse", str(path), "--out", str(out), "--show-dropped"]) == 0
    err = capsys.readouterr().err
    meeting, problems = parse_meeting_text(out.read_text(encoding="utf-8"))
    assert problems == [] and meeting is not None and len(meeting.items) == 5
    assert "Val av justerare samt tid för justering: fick inget tjänsteutlåtande" in err
    assert f"{reports[0].title}: tjänsteutlåtande på {path}: sidorna 2–" in err
    assert f"{path}:sida 2: borttaget (sidnummer): Sida 1 (" in err
    assert main(["import-kallelse", str(path), "--out", str(out)]) == 1  # never overwrites


def test_a_report_that_matches_no_item_is_reported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import datetime as dt

    reports = make_reports(3, paragraphs=2)
    stranger = make_reports(9, paragraphs=2)[-1]  # not on the agenda
    pdfs = [render(agenda_html(reports[:2], dt.date(2007, 10, 23)))]
    pdfs += [render(report_html(r, dt.date(2007, 10, 2))) for r in (reports[0], stranger)]
    path = tmp_path / "k.pdf"
    path.write_bytes(concatenate(pdfs))
    assert main(["import-kallelse", str(path)]) == 0
    err = capsys.readouterr().err
    assert f"{reports[1].title}: fick inget tjänsteutlåtande" in err
    assert "placerades inte under något ärende" in err and stranger.title[:40] in err


def test_a_folder_of_pdfs(tmp_path: Path) -> None:
    import datetime as dt

    reports = make_reports(3, paragraphs=2)
    folder = tmp_path / "handlingar"
    folder.mkdir()
    (folder / "00 kallelse.pdf").write_bytes(render(agenda_html(reports, dt.date(2007, 10, 23))))
    for n, r in enumerate(reversed(reports), start=1):  # file order is not agenda order
        (folder / f"{n:02} bilaga.pdf").write_bytes(render(report_html(r, dt.date(2007, 10, 2))))
    result = import_kallelse(folder)
    assert [i.officer for i in result.agenda.items[1:]] == [r.officer for r in reports]
    assert result.unplaced == []


def test_without_page_numbers_reports_are_cut_at_item_titles(tmp_path: Path) -> None:
    """Plain text pages (form feeds), no 'Sida k (n)' and no letterhead word."""
    text = (
        "Föredragningslista\nKulturnämnden\nSammanträde 2019-03-05 kl. 18.30\n\n"
        "1. Föreningsbidrag 2019\n2. Öppettider för simhallen\n"
        "\fFöreningsbidrag 2019\n\nFörslag till beslut\nNämnden fastställer bidragen.\n\n"
        "Bakgrund\nBidragen fördelas varje år.\n"
        "\fÖppettider för simhallen\n\nFörslag till beslut\nNämnden godkänner öppettiderna.\n"
    )
    path = tmp_path / "kallelse.txt"
    path.write_text(text, encoding="utf-8")
    result = import_kallelse(path)
    assert [i.proposed_decision for i in result.agenda.items] == [
        ("Nämnden fastställer bidragen.",),
        ("Nämnden godkänner öppettiderna.",),
    ]
    assert result.missing == [] and result.unplaced == []


def test_bad_input_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["import-kallelse", str(tmp_path / "saknas.pdf")]) == 2
    empty = tmp_path / "tom"
    empty.mkdir()
    assert main(["import-kallelse", str(empty)]) == 2
    bad = tmp_path / "trasig.pdf"
    bad.write_bytes(b"%PDF-1.4\n garbage")
    assert main(["import-kallelse", str(bad)]) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err and err.count("namndtui:") == 3
