"""The [protokoll] settings, --settings / --template, export --pdf and extract --pdf."""

from __future__ import annotations

import shutil

import pytest
from tests.minutes import scenario as sc

from namndtui.cli import main
from namndtui.minutes.document import ACCORDING_TO_LIST, build_document
from namndtui.minutes.html import render_html
from namndtui.minutes.markdown import render_markdown
from namndtui.minutes.protokoll_read import load_protokoll
from namndtui.minutes.protokoll_write import render_toml
from namndtui.minutes.settings import (
    DEFAULT,
    OLDER,
    ProtokollSettings,
    load_settings_file,
)
from namndtui.tomlcheck import ProblemsError

PROTOKOLL = sc.GOLDEN / "testby" / "protokoll.toml"


def test_a_settings_file_sets_every_choice(tmp_path) -> None:
    (tmp_path / "logo.png").write_bytes(b"")
    path = tmp_path / "namndtui.toml"
    path.write_text(
        'theme = "nord"\n[keys]\nquit = "ctrl+q"\n'
        "[protokoll]\n"
        'layout = "older"\nadjuster_label = "Justerare"\nstatement_label = "Särskilt uttalande"\n'
        'decision_heading = "Stadsdelsnämndens beslut"\nparagraph_prefix = "SDN"\n'
        'place_of_keeping = "Stadsdelsförvaltningen"\naddress = "Box 1, 162 00 Vällingby"\n'
        'logo = "logo.png"\nshow_appeal_last_day = false\n',
        encoding="utf-8",
    )
    settings = load_settings_file(path)
    assert settings == ProtokollSettings(
        layout=OLDER,
        adjuster_label="Justerare",
        statement_label="Särskilt uttalande",
        decision_heading="Stadsdelsnämndens beslut",
        paragraph_prefix="SDN",
        place_of_keeping="Stadsdelsförvaltningen",
        address="Box 1, 162 00 Vällingby",
        logo=str(tmp_path / "logo.png"),  # relative to the settings file
        show_appeal_last_day=False,
    )
    md = render_markdown(load_protokoll(PROTOKOLL), settings)
    assert "## SDN § 18 Verksamhetsplan" in md and "### Stadsdelsnämndens beslut" in md
    assert "Justerare\n\n……" in md and "Sista dag för överklagande" not in md
    assert "S-ersättarna lämnar följande särskilda uttalande:" in md


def test_no_protokoll_table_gives_the_defaults(tmp_path) -> None:
    path = tmp_path / "namndtui.toml"
    path.write_text('theme = "nord"\n', encoding="utf-8")
    assert load_settings_file(path) == DEFAULT


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('[protokoll]\nlayout = "ny"\n', "2: protokoll.layout: okänd layout"),
        ("[protokoll]\nlogo = 3\n", "2: protokoll.logo: fel typ: väntade text, fick heltal"),
        ('[protokoll]\njusterare = "x"\n', "2: protokoll.justerare: okänd nyckel"),
        ('protokoll = "modern"\n', "protokoll: fel typ: väntade tabell"),
        ("[protokoll]\nattendance_list_from = -1\n", "2: protokoll.attendance_list_from: får"),
        ('[protokoll]\nattendance_list_from = "20"\n', "fel typ: väntade heltal, fick text"),
    ],
)
def test_bad_settings_are_located_swedish_lines(tmp_path, text, message) -> None:
    path = tmp_path / "namndtui.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ProblemsError) as err:
        load_settings_file(path)
    assert message in str(err.value) and str(path) in str(err.value)
    assert err.value.exit_code == 1


def test_export_with_bad_settings_is_one_line(tmp_path, capsys) -> None:
    settings = tmp_path / "s.toml"
    settings.write_text("[protokoll\n", encoding="utf-8")
    assert (
        main(["export", str(PROTOKOLL), "--out", str(tmp_path), "--settings", str(settings)]) == 2
    )
    err = capsys.readouterr().err
    assert "TOML-syntaxfel" in err and "Traceback" not in err
    assert main(["export", str(PROTOKOLL), "--template", str(tmp_path / "nej")]) == 2
    assert "--template: mappen finns inte" in capsys.readouterr().err


def test_a_template_folder_overrides_one_template(tmp_path, capsys) -> None:
    folder = tmp_path / "mallar"
    folder.mkdir()
    (folder / "paragraph.md.j2").write_text("## {{ p.label }} – {{ p.title }}\n", encoding="utf-8")
    out = tmp_path / "ut"
    out.mkdir()
    assert main(["export", str(PROTOKOLL), "--out", str(out), "--template", str(folder)]) == 0
    md = (out / "protokoll.md").read_text(encoding="utf-8")
    assert "## § 23 – Anmälan av delegationsbeslut \\*mars\\* \\| \\#2" in md  # still escaped
    assert "### Beslut" not in md  # the rest of the § came from the folder's template
    assert "## ANSLAG/BEVIS" in md  # the other templates are the bundled ones


def test_export_pdf_and_extract_pdf(tmp_path, capsys) -> None:
    pytest.importorskip("weasyprint")
    shutil.copy(PROTOKOLL, tmp_path / "protokoll.toml")
    assert main(["export", str(tmp_path / "protokoll.toml"), "--pdf"]) == 0
    assert (tmp_path / "protokoll.pdf").read_bytes().startswith(b"%PDF-")
    assert "protokoll.pdf" in capsys.readouterr().out
    assert main(["extract", str(tmp_path), "§19", "--pdf"]) == 0
    assert capsys.readouterr().out.strip() == str(tmp_path / "protokollsutdrag-19.pdf")
    assert (tmp_path / "protokollsutdrag-19.pdf").read_bytes().startswith(b"%PDF-")
    assert main(["extract", str(tmp_path), "§19", "--out", "x.pdf"]) == 2
    assert "--out gäller bara tillsammans med --pdf" in capsys.readouterr().err


def test_logo_and_address_reach_page_one(tmp_path) -> None:
    from namndtui.minutes.html import render_html

    logo = tmp_path / "logo.svg"
    logo.write_text('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>')
    settings = ProtokollSettings(logo=str(logo), address='Box 1 "A" </style>')
    html = render_html(load_protokoll(PROTOKOLL), settings)
    assert f'<img class="logo" src="{logo.as_uri()}" alt="">' in html
    assert '<p class="address">Box 1 "A" &lt;/style&gt;</p>' in html
    assert html.count("</style>") == 1  # user text never closes the stylesheet


def test_the_public_copy_has_no_signature_lines_or_boxes() -> None:
    from namndtui.minutes.html import render_html

    html = render_html(load_protokoll(PROTOKOLL), public=True)
    assert "@bottom-left { content:" not in html and "@bottom-right { content:" not in html
    assert "Underskrifter" not in html and 'class="line"' not in html
    assert "Datum då anslaget tas ned" in html  # the anslag box stays, unsigned


def test_a_large_body_refers_page_one_to_the_annexed_attendance_list() -> None:
    """From `attendance_list_from` beslutande (Testby has 9), page 1 reads "Enligt närvaro-
    och omröstningslista" and the list follows the §§ with each one's §§; below it, page 1
    names them (the default, 21, is the smallest kommunfullmäktige)."""
    minutes = load_protokoll(PROTOKOLL)
    named = build_document(minutes)
    assert named.attendance_list == () and len(named.ingress[1].lines) == 9
    large = ProtokollSettings(attendance_list_from=9)
    doc = build_document(minutes, large)
    assert doc.ingress[1].label == "Beslutande" and doc.ingress[1].lines == (ACCORDING_TO_LIST,)
    rows = [(r.member, r.serving, r.numbers) for r in doc.attendance_list]
    assert len(rows) == 9
    assert rows[0] == ("Karin Ek (S)", "ordförande", "§§ 18–23")
    assert ("Lena Ås (S)", "", "§§ 20–23") in rows
    assert (
        "Jonas Vik (S)",
        "tjänstgörande ersättare för Lena Ås (S)",
        "§§ 18–19",
    ) in rows
    md = render_markdown(minutes, large)
    assert "**Beslutande:** Enligt närvaro- och omröstningslista" in md
    assert md.index("## Närvaro- och omröstningslista") > md.index("§ 23")
    assert "- Lena Ås (S), §§ 20–23\n" in md
    html = render_html(minutes, large)
    assert '<th scope="row">Maria Strand (M)</th>' in html
    assert build_document(minutes, ProtokollSettings(attendance_list_from=10)).attendance_list == ()


def test_the_justerares_ersattare_on_page_one(tmp_path) -> None:
    """ "Utses att justera Olof Berg (M) med Eva Sund (L) som ersättare"; protokoll.toml
    keeps it (written, sealed and read back)."""
    minutes = load_protokoll(PROTOKOLL)
    minutes.state.adjuster_substitute = "Eva Sund"
    path = tmp_path / "protokoll.toml"
    path.write_text(render_toml(minutes), encoding="utf-8")
    minutes = load_protokoll(path)
    assert minutes.state.adjuster_substitute == "Eva Sund"
    doc = build_document(minutes)
    assert doc.ingress[-2].lines == ("Olof Berg (M) med Eva Sund (L) som ersättare",)
    assert [s.name for s in doc.signatures] == ["Annika Rosén", "Karin Ek", "Olof Berg"]
