"""Problems found by a QA session of import-text / import-agenda, each with its input.

The inputs are in `docs/qa/` (copied from the QA session's files).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from namndtui.cli import main
from namndtui.importing import import_item_from_file, parse_report
from namndtui.importing.agenda import agenda_to_toml, parse_agenda
from namndtui.importing.reflow import reflow
from namndtui.meetingfile import load_meeting, parse_meeting_text

QA = Path(__file__).parent / "docs" / "qa"


# --- 1. short items and sections are written as [[items]] tables, never inline -----------


def test_short_item_is_an_items_table_and_appends(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    short = tmp_path / "s.txt"
    short.write_text("Ny policy för parkering\n\nSammanfattning\nText.\n", encoding="utf-8")
    assert main(["import-text", str(short)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("[[items]]\n") and "items = [" not in out
    meeting = tmp_path / "meeting.toml"
    shutil.copy(QA / "meeting-2007-10-23.toml", meeting)
    before = meeting.read_bytes()
    assert main(["import-text", str(short), "--append", str(meeting)]) == 0
    assert meeting.read_bytes().startswith(before)
    loaded = load_meeting(meeting)
    assert loaded.items[-1].id == "ny-policy-for-parkering"
    assert loaded.items[-1].summary == "Text."
    # The fragment pasted at the end of a meeting file is valid too.
    pasted = before.decode("utf-8") + "\n" + out
    parsed, problems = parse_meeting_text(pasted)
    assert problems == [] and parsed is not None and parsed.items[-1].summary == "Text."


def test_short_sections_are_items_sections_tables(capsys: pytest.CaptureFixture[str]) -> None:
    doc = QA / "kort-sektion.txt"
    assert main(["import-text", str(doc)]) == 0
    out = capsys.readouterr().out
    assert "\n[[items.sections]]\n" in out and "sections = [" not in out
    parsed, problems = parse_meeting_text(
        'format = "namndtui/meeting/1"\n[meeting]\nbody = "N"\ndate = 2010-01-01\n\n' + out
    )
    assert problems == [] and parsed is not None
    assert [(s.title, s.text) for s in parsed.items[0].extra_sections] == [("Uppföljning", "Ok.")]


def test_short_agenda_items_are_items_tables() -> None:
    text = "Kulturnämnden\nSammanträde 2010-02-03\n\n1. Val\n2. Budget\n"
    out = agenda_to_toml(parse_agenda(text))
    assert out.count("\n[[items]]\n") == 2 and "items = [" not in out
    meeting, problems = parse_meeting_text(out)
    assert problems == [] and meeting is not None
    assert [i.title for i in meeting.items] == ["Val", "Budget"]


# --- 2. OS errors while writing are one Swedish line, never a traceback -----------------


@pytest.mark.parametrize(
    ("target", "message", "code"),
    [
        ("saknas/x.toml", "saknas: mappen finns inte", 2),
        ("ag1.txt/x.toml", "mappen finns inte", 2),
        ("a" * 300 + ".toml", "kunde inte skriva filen", 2),
        (".", "är en mapp", 2),
    ],
)
def test_agenda_out_in_a_missing_folder(
    target: str, message: str, code: int, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shutil.copy(QA / "ag1.txt", tmp_path / "ag1.txt")
    out = tmp_path / target
    assert main(["import-agenda", str(QA / "ag1.txt"), "--out", str(out)]) == code
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1 and "Traceback" not in err


def test_agenda_out_write_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def full(*_args: object, **_kw: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("namndtui.storage.atomic_write", full)
    assert main(["import-agenda", str(QA / "ag1.txt"), "--out", str(tmp_path / "m.toml")]) == 2
    err = capsys.readouterr().err
    assert "kunde inte skriva filen: disken är full" in err and err.count("\n") == 1


def test_append_write_error_leaves_the_meeting(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def read_only(*_args: object, **_kw: object) -> None:
        raise PermissionError(13, "Permission denied")

    meeting = tmp_path / "meeting.toml"
    shutil.copy(QA / "meeting-2007-10-23.toml", meeting)
    before = meeting.read_bytes()
    monkeypatch.setattr("namndtui.importing.toml_out.atomic_write", read_only)
    assert main(["import-text", str(QA / "kort-sektion.txt"), "--append", str(meeting)]) == 2
    err = capsys.readouterr().err
    assert "kunde inte skriva filen: åtkomst nekas" in err and err.count("\n") == 1
    assert meeting.read_bytes() == before


# --- 3. "Bilaga N." inside running text stays; attachments keep document order ----------


def test_bilaga_inside_a_sentence_stays_in_the_text() -> None:
    item = import_item_from_file(QA / "trafikplan.txt").item
    assert "resultatet. Se Bilaga 2. Trafikmätningar, där siffrorna redovisas." in item.background
    assert item.attachments == ()


def test_attachments_in_document_order() -> None:
    item = import_item_from_file(QA / "bilagor-blandade.txt").item
    assert item.attachments == ("Köpeavtal", "Karta", "Värdering", "Protokoll")


# --- 4. signatures after lists, "Beslutet skickas till", address footers ------------------


def test_signature_after_the_bilagor_list_is_dropped() -> None:
    result = import_item_from_file(QA / "goteborg-underskrift-efter-bilagor.txt")
    assert result.item.attachments == (
        "Köpeavtal",
        "Värderingsutlåtande från Forum Fastighetsekonomi AB",
        "Karta",
    )
    signature = [(d.text, d.reason) for d in result.dropped if d.reason == "underskrift"]
    assert signature == [
        ("FASTIGHETSKONTORET", "underskrift"),
        ("Eva Ström", "underskrift"),
        ("Fastighetsdirektör", "underskrift"),
    ]


def test_beslutet_skickas_till_is_the_dispatch_list() -> None:
    # One entry a line (issue 16: the list is the item's `dispatch`, not a section).
    item = import_item_from_file(QA / "beslutet-skickas-till.txt").item
    assert item.dispatch == ("Malmö FF", "Ekonomiavdelningen")
    assert item.extra_sections == ()


def test_ansvariga_after_beslutet_skickas_till_is_a_signature() -> None:
    result = import_item_from_file(QA / "malmo-ansvariga.txt")
    sections = {s.title: s.text for s in result.item.extra_sections}
    assert result.item.dispatch == ("Malmö FF", "Ekonomiavdelningen")
    assert "Malmö FF" not in sections
    assert {"Ansvariga", "Fritidsdirektör"} <= {
        d.text for d in result.dropped if d.reason == "underskrift"
    }


def test_stockholm_address_footer_is_dropped_and_shown(
    capsys: pytest.CaptureFixture[str],
) -> None:
    doc = QA / "stockholm-sidfot.txt"
    assert main(["import-text", str(doc), "--show-dropped"]) == 0
    out, err = capsys.readouterr()
    assert "Box 15035" not in out and "www.stockholm.se" not in out
    assert (
        f"{doc}:18: borttaget (sidfot): Box 15035, 167 15 Bromma. Besöksadress Brommaplan 3" in err
    )
    assert f"{doc}:20: borttaget (sidfot): www.stockholm.se" in err
    item = import_item_from_file(doc).item
    assert item.background.endswith(
        "överskott om 2,3 mnkr.\n\nPrognosen för investeringar är i balans med budget."
    )


# --- 5. numbered lists inside a section keep one paragraph per point ---------------------


def test_numbered_list_in_a_section_is_one_paragraph_per_point() -> None:
    item = import_item_from_file(QA / "trafikplan.txt").item
    assert item.background.split("\n\n")[:5] == [
        "Trafikplanen har tagits fram i tre steg:",
        "1. Inventering av trafikflöden",
        "2. Dialog med boende",
        "3. Förslag till åtgärder",
        "Därefter har kontoret sammanställt resultatet. Se Bilaga 2. Trafikmätningar, där "
        "siffrorna redovisas.",
    ]
    # A year or an amount at the start of a wrapped line is not a list point.
    assert "ökat med 12 procent sedan 2005. Kostnaden blir 3 miljoner kronor." in item.background


def test_numbered_list_item_that_wraps_stays_one_paragraph() -> None:
    text = "Stegen:\n1) Inventering av trafikflöden i hela centrum under\nhösten 2009\n2) Dialog\n"
    assert reflow(text) == (
        "Stegen:\n\n1) Inventering av trafikflöden i hela centrum under hösten 2009\n\n2) Dialog"
    )


# --- 6. numbered sub-headings stay inside their section -----------------------------------


def test_numbered_subheadings_stay_in_the_proposal() -> None:
    result = import_item_from_file(QA / "numrerade-underrubriker.txt")
    item = result.item
    assert item.proposal == (
        "Öppettider\n\nFörvaltningen delar uppfattningen att öppettiderna ska utgå från "
        "vårdnadshavarnas behov.\n\nKostnader\n\nKostnaden uppskattas till 0,5 mnkr för "
        "stadsdelen."
    )
    assert item.extra_sections == ()
    assert not any("tomt" in w for w in result.warnings)
    assert item.attachments == ("Remiss från Utbildningsförvaltningen, dnr 12-345/2009",)
    assert item.dnr == "Dnr 1.2.3-456/2009"


# --- 7. omedelbar justering in other words; agenda marks in brackets ---------------------


@pytest.mark.parametrize("name", ["numrerade-underrubriker.txt", "justerar-omedelbart.txt"])
def test_decision_point_to_justera_omedelbart_sets_the_flag(name: str) -> None:
    item = import_item_from_file(QA / name).item
    assert item.immediate_justification
    assert any("omedelbart" in p for p in item.proposed_decision)  # the point stays


def test_justeras_inte_omedelbart_is_not_the_flag() -> None:
    text = "Hyresavtal\n\nFörslag till beslut\nNämnden godkänner avtalet.\nBeslutet justeras inte omedelbart.\n"
    assert not parse_report(text).item.immediate_justification


def test_bracketed_mark_on_an_agenda_line() -> None:
    agenda = parse_agenda((QA / "agenda-hakparentes.txt").read_text(encoding="utf-8"))
    item = next(i for i in agenda.items if i.title.startswith("Lokalförsörjningsplan"))
    assert item.title == "Lokalförsörjningsplan 2010–2015"
    assert item.id == "lokalforsorjningsplan-2010-2015"
    assert item.dnr == "Dnr BUN 2009/501"
    assert item.immediate_justification
    assert [i.id for i in agenda.items if i.immediate_justification] == [item.id]


def test_bracketed_mark_on_a_report_line() -> None:
    text = "Hyresavtal\n[Omedelbar justering]\n\nSammanfattning\nAvtalet förnyas.\n"
    parsed = parse_report(text)
    assert parsed.item.immediate_justification and parsed.item.title == "Hyresavtal"


# --- 8. letterhead reference labels never become the title -------------------------------


@pytest.mark.parametrize(
    ("name", "title", "dnr", "officer"),
    [
        (
            "malmo-ansvariga.txt",
            "Bidrag till föreningar för sommarlovsaktiviteter 2008",
            "Dnr FRI-2008-00123",
            "Sara Nordin",
        ),
        (
            "malmo-var-referens.txt",
            "Bidrag till föreningar för sommarlovsaktiviteter 2008",
            "",
            "Sara Nordin",
        ),
        ("beteckning.txt", "Ny parkeringspolicy", "Dnr SBK 2009-1", ""),
    ],
)
def test_reference_labels_in_the_letterhead(name: str, title: str, dnr: str, officer: str) -> None:
    item = import_item_from_file(QA / name).item
    assert (item.title, item.dnr, item.officer) == (title, dnr, officer)


@pytest.mark.parametrize(
    ("label", "dnr"),
    [
        ("Vår beteckning: KS 2010/15", "Dnr KS 2010/15"),
        ("Ärendenummer: KS 2010/15", "Dnr KS 2010/15"),
        ("Er beteckning: 123-45", ""),
    ],
)
def test_beteckning_and_arendenummer_are_the_dnr(label: str, dnr: str) -> None:
    text = f"Malmö stad\nStadskontoret\n{label}\n\nNy parkeringspolicy\n\nSammanfattning\nText.\n"
    item = parse_report(text).item
    assert (item.title, item.dnr) == ("Ny parkeringspolicy", dnr)


# --- 9. Word tables are read in document order -------------------------------------------


def test_agenda_as_a_word_table() -> None:
    from namndtui.importing.documents import read_document

    agenda = parse_agenda(read_document(QA / "agenda-tabell.docx").text)
    assert [(i.title, i.dnr) for i in agenda.items] == [
        ("Val av justerare", ""),
        ('Budgetuppföljning april "2009"', "Dnr SN 2009/45"),
        ("Yttrande över [b]remiss[/b]", "Dnr SN 2009/50"),
    ]
    assert agenda.body == "Socialnämnden" and agenda.warnings == []


def test_agenda_table_with_a_merged_category_row(tmp_path: Path) -> None:
    import docx

    from namndtui.importing.documents import read_document

    document = docx.Document()
    document.add_paragraph("Socialnämnden")
    document.add_paragraph("Sammanträde 2009-05-20 kl. 13.00")
    table = document.add_table(rows=4, cols=3)
    rows = [
        ("Nr", "Ärende", "Diarienummer"),
        ("BESLUTSÄRENDEN", None, None),
        ("1", "Budgetuppföljning", "SN 2009/45"),
        ("2", "Yttrande över remiss", ""),
    ]
    for r, cells in enumerate(rows):
        for c, value in enumerate(cells):
            if value is not None:
                table.cell(r, c).text = value
    table.cell(1, 0).merge(table.cell(1, 2))
    path = tmp_path / "lista.docx"
    document.save(str(path))
    agenda = parse_agenda(read_document(path).text)
    assert [(i.title, i.dnr, i.category) for i in agenda.items] == [
        ("Budgetuppföljning", "Dnr SN 2009/45", "Beslutsärenden"),
        ("Yttrande över remiss", "", "Beslutsärenden"),
    ]


def test_table_in_a_report_stays_in_its_section() -> None:
    item = import_item_from_file(QA / "tabell-i-text.docx").item
    assert item.background == (
        "Första raden andra raden efter radbrytning.\n\nTabell nedan:\n\n"
        "Kostnad 100 kr\n\nIntäkt 200 kr\n\nEfter tabellen."
    )
    assert item.attachments == ("Policy", "Karta")
