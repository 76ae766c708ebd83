"""`namndtui import-agenda`: a föredragningslista → meeting skeleton."""

from __future__ import annotations

import datetime as dt
import tomllib
from pathlib import Path

import pytest
from import_helpers import text_to_docx, text_to_pdf

from namndtui.cli import main
from namndtui.importing.agenda import agenda_to_toml, parse_agenda
from namndtui.meetingfile import parse_meeting_text

DOCS = Path(__file__).parent / "docs"
FULL = DOCS / "agenda-hasselby-vallingby-2007.txt"
BARE = DOCS / "agenda-utan-huvud.txt"


def test_full_agenda_exact(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["import-agenda", str(FULL)]) == 0
    out, err = capsys.readouterr()
    assert out == (DOCS / "agenda-hasselby-vallingby-2007.expected.toml").read_text(
        encoding="utf-8"
    )
    assert err == ""
    meeting, problems = parse_meeting_text(out)
    assert problems == [] and meeting is not None
    assert (meeting.body, meeting.date, meeting.start) == (
        "Hässelby-Vällingby stadsdelsnämnd",
        dt.date(2007, 10, 23),
        dt.time(19, 0),
    )
    assert [i.category for i in meeting.items].count("Beslutsärenden") == 3
    assert [i.id for i in meeting.items if i.immediate_justification] == [
        "ansokan-till-lansstyrelsen-i-stockholms",
        "utokning-av-antalet-forskoleplatser",
    ]
    assert meeting.items[-1].id == "anmalan-av-delegationsbeslut-2"  # ids stay unique


def test_missing_body_and_date_are_comments_and_a_warning(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["import-agenda", str(BARE)]) == 0
    out, err = capsys.readouterr()
    assert out == (DOCS / "agenda-utan-huvud.expected.toml").read_text(encoding="utf-8")
    assert "--body" in err and "--date" in err
    meeting, problems = parse_meeting_text(out)
    assert meeting is None and problems  # not valid until filled in: nothing is invented


def test_flags_fill_in_what_is_missing(capsys: pytest.CaptureFixture[str]) -> None:
    args = [
        "import-agenda",
        str(BARE),
        "--body",
        "Kommunstyrelsen",
        "--date",
        "2018-05-02",
        "--start",
        "13.00",
    ]
    assert main(args) == 0
    out, err = capsys.readouterr()
    assert err == "" and "FYLL I" not in out
    meeting, problems = parse_meeting_text(out)
    assert problems == [] and meeting is not None
    assert meeting.start == dt.time(13, 0) and len(meeting.items) == 4
    assert main(["import-agenda", str(BARE), "--date", "2018-13-40"]) == 2


def test_out_writes_a_new_file_and_never_overwrites(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "meeting.toml"
    assert main(["import-agenda", str(FULL), "--out", str(out)]) == 0
    assert parse_meeting_text(out.read_text(encoding="utf-8"))[1] == []
    assert main(["import-agenda", str(FULL), "--out", str(out)]) == 1
    assert "finns redan" in capsys.readouterr().err


def test_same_agenda_from_pdf_and_docx(tmp_path: Path) -> None:
    text = FULL.read_text(encoding="utf-8")
    want = agenda_to_toml(parse_agenda(text))
    pdf = tmp_path / "lista.pdf"
    pdf.write_bytes(text_to_pdf(text))
    docx = tmp_path / "lista.docx"
    text_to_docx(text, docx)
    from namndtui.importing.documents import read_document

    for path in (pdf, docx):
        assert agenda_to_toml(parse_agenda(read_document(path).text)) == want, path.suffix


def test_long_date_and_no_items() -> None:
    agenda = parse_agenda(
        "Kallelse till sammanträde med Kultur- och fritidsnämnden\ntisdagen den 5 mars 2019 klockan 18.30\n"
    )
    assert agenda.body == "Kultur- och fritidsnämnden"
    assert (agenda.date, agenda.start) == (dt.date(2019, 3, 5), dt.time(18, 30))
    assert agenda.items == [] and agenda.warnings


def test_messages_show_control_characters_instead_of_running_them(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    hostile = tmp_path / "lista\x1b[31m.txt"  # a file name is user text too
    hostile.write_text("Föredragningslista\n\n1. Ärende\x1b[2J ett\n", encoding="utf-8")
    out_file = tmp_path / "m\x07.toml"
    assert main(["import-agenda", str(hostile), "--out", str(out_file)]) == 0
    out, err = capsys.readouterr()
    assert "\x1b" not in err and "\x1b" not in out and "\x07" not in out
    assert "␛[31m" in err and "␇" in out


def test_a_title_starting_with_a_digit_or_a_quote_is_its_own_item(tmp_path, capsys) -> None:
    """'3. 2027 års budget' and '2. "Trygg i Hässelby" …' were joined to the title before
    them; a bare number ("15 procent av …") still is no item."""
    agenda = tmp_path / "lista.txt"
    agenda.write_text(
        "Föredragningslista\nSocialnämnden\n2026-12-17 kl. 18.30\n\n"
        '1. Val av justerare\n2. "Trygg i Hässelby" – medborgardialog\n'
        "3. 2027 års budget\n4) [Reviderad] taxa\n5. Övrigt\n",
        encoding="utf-8",
    )
    assert main(["import-agenda", str(agenda)]) == 0
    items = tomllib.loads(capsys.readouterr().out)["items"]
    assert [i["title"] for i in items] == [
        "Val av justerare",
        '"Trygg i Hässelby" – medborgardialog',
        "2027 års budget",
        "[Reviderad] taxa",
        "Övrigt",
    ]
