"""Seven report layouts as PDFs (WeasyPrint, real fonts), each with the facts it must give.

Written in our own words after the forms Swedish offices publish: a Stockholm
stadsdelsförvaltning (two-column letterhead table, "Sida 2 (3)", bold headings), a
Göteborg förvaltning (numbered headings, signature last), Malmö (Vår referens, dashed
"att" points, Beslutsunderlag and Beslutet skickas till lists), a kommunstyrelse
(Kommunstyrelsens förslag, a Diarienummer/Handläggare header table), a kultur- och
fritidsförvaltning (headings only by size and colour, an address footer on every page)
a socialförvaltning (a secret item: "Sekretess enligt OSL 26 kap. 1 §", Expedieras
till), and a trafikkontor whose headings are set apart by bold type alone (no space around
them), where only the layout tells a heading from a short line of text. Used by test_report_layouts.py and the reader measurement in docs/import.md.
"""

from __future__ import annotations

from dataclasses import dataclass, field

FILLER = (
    "Förvaltningen har följt upp verksamheten under året och redovisar här resultatet. "
    "Arbetet har skett i dialog med berörda enheter och med de fackliga organisationerna. "
    "Kostnaderna ryms inom budgetramen och uppföljning sker i tertialrapporterna."
)


@dataclass
class Layout:
    name: str
    html: str
    title: str
    dnr: str
    officer: str
    decision: list[str]
    sections: list[str]  # Item.report_sections() titles: the fixed ones first, then extras
    attachments: list[str] = field(default_factory=list)
    immediate: bool = False
    secrecy: str = ""
    dispatch: list[str] = field(default_factory=list)
    basis: list[str] = field(default_factory=list)


def _page(css: str, body: str, footer: str = "", corner: str = "Sida") -> str:
    mark = (
        f'@top-right {{ content: "{corner} " counter(page) " (" counter(pages) ")"; '
        'font: 9pt "DejaVu Sans"; }'
    )
    foot = f'@bottom-center {{ content: "{footer}"; font: 8pt "DejaVu Sans"; }}' if footer else ""
    return (
        "<html><head><style>"
        f"@page {{ size: A4; margin: 25mm 20mm 22mm 25mm; {mark} {foot} }}"
        'body { font: 11pt/1.35 "DejaVu Serif"; } p { margin: 0 0 3mm; } '
        f"{css}</style></head><body>{body}</body></html>"
    )


def _paras(n: int) -> str:
    return "".join(f"<p>{FILLER}</p>" for _ in range(n))


def stockholm() -> Layout:
    body = (
        '<table style="width:100%;font:9pt DejaVu Sans;margin-bottom:10mm"><tr>'
        "<td><b>SPÅNGA-TENSTA</b><br><b>STADSDELSFÖRVALTNING</b><br>Avdelningen för äldreomsorg"
        "<br>Handläggare<br>Eva Berg<br>Telefon 08-508 03 100</td>"
        "<td>TJÄNSTEUTLÅTANDE<br>2011-10-10<br>Dnr 441-2011-1.5.1<br><br>Till<br>"
        "Spånga-Tensta stadsdelsnämnd</td></tr></table>"
        "<h1 style='font:bold 15pt DejaVu Sans'>Svar på remiss om riktlinjer för "
        "budget- och skuldrådgivning</h1>"
        "<h2 style='font:bold 11.5pt DejaVu Sans'>Förslag till beslut</h2>"
        "<p>Stadsdelsnämnden tillstyrker det remitterade förslaget.</p>"
        "<p>Stadsdelsnämnden justerar paragrafen omedelbart.</p>"
        f"<h2 style='font:bold 11.5pt DejaVu Sans'>Sammanfattning</h2>{_paras(2)}"
        f"<h2 style='font:bold 11.5pt DejaVu Sans'>Bakgrund</h2>{_paras(8)}"
        f"<h2 style='font:bold 11.5pt DejaVu Sans'>Förvaltningens synpunkter</h2>{_paras(6)}"
        "<p style='margin-top:8mm'>Anna Lind<br>Stadsdelsdirektör</p>"
        "<h2 style='font:bold 11.5pt DejaVu Sans'>Bilagor</h2><p>1. Remissen</p>"
    )
    return Layout(
        "stockholm-sdf",
        _page("", body, "Box 4039, 163 04 Spånga. Besöksadress Tensta allé 10"),
        "Svar på remiss om riktlinjer för budget- och skuldrådgivning",
        "Dnr 441-2011-1.5.1",
        "Eva Berg",
        [
            "Stadsdelsnämnden tillstyrker det remitterade förslaget.",
            "Stadsdelsnämnden justerar paragrafen omedelbart.",
        ],
        ["Sammanfattning", "Bakgrund", "Förvaltningens förslag"],
        ["Remissen"],
        immediate=True,
    )


def goteborg() -> Layout:
    body = (
        "<p style='font:9pt DejaVu Sans'>Fastighetskontoret<br>Tjänsteutlåtande<br>"
        "Utfärdat 2019-03-12<br>Diarienummer 0123/19</p>"
        "<p style='font:9pt DejaVu Sans'>Handläggare<br>Karl Ek<br>Telefon: 031-365 00 00"
        "<br>E-post: karl.ek@fastighet.goteborg.se</p>"
        "<h1 style='font:bold 14pt DejaVu Sans;margin-top:8mm'>Markanvisning för bostäder "
        "vid Norra Älvstranden</h1>"
        "<h2 style='font:bold 11pt DejaVu Sans'>Förslag till beslut</h2>"
        "<p>I fastighetsnämnden:</p>"
        "<p>1. Markanvisning lämnas till Bostadsbolaget för cirka 200 bostäder.</p>"
        "<p>2. Fastighetskontoret får i uppdrag att teckna avtal.</p>"
        f"<h2 style='font:bold 11pt DejaVu Sans'>1. Sammanfattning</h2>{_paras(2)}"
        f"<h2 style='font:bold 11pt DejaVu Sans'>2. Bakgrund</h2>{_paras(7)}"
        f"<h2 style='font:bold 11pt DejaVu Sans'>3. Ekonomiska konsekvenser</h2>{_paras(2)}"
        f"<h2 style='font:bold 11pt DejaVu Sans'>4. Förvaltningens bedömning</h2>{_paras(5)}"
        "<p style='margin-top:8mm'>Eva Ström<br>Fastighetsdirektör</p>"
    )
    return Layout(
        "goteborg-fastighet",
        _page("", body),
        "Markanvisning för bostäder vid Norra Älvstranden",
        "Dnr 0123/19",
        "Karl Ek",
        [
            "Markanvisning lämnas till Bostadsbolaget för cirka 200 bostäder.",
            "Fastighetskontoret får i uppdrag att teckna avtal.",
        ],
        ["Sammanfattning", "Bakgrund", "Förvaltningens förslag", "Ekonomiska konsekvenser"],
    )


def malmo() -> Layout:
    body = (
        "<p style='font:9pt DejaVu Sans'>Malmö stad<br>Fritidsförvaltningen</p>"
        "<p style='font:9pt DejaVu Sans'>Tjänsteskrivelse<br>Datum 2018-05-02<br>"
        "Vår referens<br>Sara Nordin<br>Utredare<br>sara.nordin@malmo.se</p>"
        "<p style='font:9pt DejaVu Sans'>Vår beteckning: FRI-2018-1234</p>"
        "<h1 style='font:bold 14pt DejaVu Sans'>Bidrag till Malmö FF för sommarläger</h1>"
        "<h2 style='font:bold 11pt DejaVu Sans'>Förslag till beslut</h2>"
        "<p>Fritidsnämnden föreslås besluta</p>"
        "<p>- att bevilja Malmö FF bidrag om 150 000 kronor,</p>"
        "<p>- att bidraget redovisas senast den 1 november 2018.</p>"
        "<h2 style='font:bold 11pt DejaVu Sans'>Beslutsunderlag</h2>"
        "<p>Ansökan från Malmö FF<br>Budget för lägret</p>"
        f"<h2 style='font:bold 11pt DejaVu Sans'>Sammanfattning</h2>{_paras(2)}"
        f"<h2 style='font:bold 11pt DejaVu Sans'>Ärendet</h2>{_paras(9)}"
        "<h2 style='font:bold 11pt DejaVu Sans'>Beslutet skickas till</h2>"
        "<p>Malmö FF<br>Ekonomiavdelningen</p>"
        "<p style='margin-top:8mm'>Ansvariga<br>Sara Nordin<br>Fritidsdirektör</p>"
    )
    return Layout(
        "malmo-fritid",
        _page("", body),
        "Bidrag till Malmö FF för sommarläger",
        "Dnr FRI-2018-1234",
        "Sara Nordin",
        [
            "att bevilja Malmö FF bidrag om 150 000 kronor",
            "att bidraget redovisas senast den 1 november 2018.",
        ],
        ["Sammanfattning", "Bakgrund"],
        dispatch=["Malmö FF", "Ekonomiavdelningen"],
        basis=["Ansökan från Malmö FF", "Budget för lägret"],
    )


def kommunstyrelse() -> Layout:
    body = (
        "<p style='font:bold 10pt DejaVu Sans'>KOMMUNLEDNINGSKONTORET</p>"
        '<table style="width:100%;font:9pt DejaVu Sans;margin:4mm 0 10mm"><tr>'
        "<td>Diarienummer<br>KS 2025/118</td><td>Handläggare<br>Per Holm</td>"
        "<td>Datum<br>2025-05-12</td></tr></table>"
        "<h1 style='font:bold 15pt DejaVu Sans'>Budget 2026 med plan för 2027–2028</h1>"
        "<h2 style='font:bold 11pt DejaVu Sans'>Kommunstyrelsens förslag till beslut</h2>"
        "<p>- Kommunfullmäktige fastställer budget 2026.</p>"
        "<p>- Kommunfullmäktige fastställer skattesatsen till 21,35 kronor.</p>"
        f"<h2 style='font:bold 11pt DejaVu Sans'>Beskrivning av ärendet</h2>{_paras(9)}"
        f"<h2 style='font:bold 11pt DejaVu Sans'>Barnperspektiv</h2>{_paras(1)}"
        "<h2 style='font:bold 11pt DejaVu Sans'>Bilagor</h2>"
        "<p>Bilaga 1 Budgetdokument<br>Bilaga 2 Investeringsplan</p>"
    )
    return Layout(
        "kommunstyrelse",
        _page("", body, corner="Sida"),
        "Budget 2026 med plan för 2027–2028",
        "Dnr KS 2025/118",
        "Per Holm",
        [
            "Kommunfullmäktige fastställer budget 2026.",
            "Kommunfullmäktige fastställer skattesatsen till 21,35 kronor.",
        ],
        ["Bakgrund", "Barnperspektiv"],
        ["Budgetdokument", "Investeringsplan"],
    )


def kultur() -> Layout:
    h = "style='font:13pt DejaVu Sans;color:#1a4d80;margin:5mm 0 2mm'"
    body = (
        "<p style='font:9pt DejaVu Sans'>Kultur- och fritidsförvaltningen<br>"
        "Tjänsteskrivelse<br>2019-02-20<br>Dnr KFN 2019/12<br>Handläggare: Lisa Ahl</p>"
        "<p style='font:bold 14pt DejaVu Sans;margin-top:8mm'>Föreningsbidrag 2019</p>"
        f"<p {h}>Förslag till beslut</p>"
        "<p>Kultur- och fritidsnämnden fastställer fördelningen av föreningsbidrag för 2019.</p>"
        f"<p {h}>Sammanfattning</p>{_paras(2)}"
        f"<p {h}>Bakgrund</p>{_paras(10)}"
        f"<p {h}>Förvaltningens förslag</p>{_paras(4)}"
    )
    return Layout(
        "kultur-fritid",
        _page("", body, "Kultur- och fritidsförvaltningen, Storgatan 1, 123 45 Småstad"),
        "Föreningsbidrag 2019",
        "Dnr KFN 2019/12",
        "Lisa Ahl",
        ["Kultur- och fritidsnämnden fastställer fördelningen av föreningsbidrag för 2019."],
        ["Sammanfattning", "Bakgrund", "Förvaltningens förslag"],
    )


def social() -> Layout:
    body = (
        "<p style='font:9pt DejaVu Sans'>Socialförvaltningen<br>Tjänsteutlåtande<br>"
        "2024-11-01<br>Dnr SN 2024/301<br>Handläggare: Maja Lund</p>"
        "<p style='font:bold 10pt DejaVu Sans'>Sekretess enligt OSL 26 kap. 1 §</p>"
        "<h1 style='font:bold 14pt DejaVu Sans'>Ansökan om vård enligt LVU</h1>"
        "<h2 style='font:bold 11pt DejaVu Sans'>Förslag till beslut</h2>"
        "<p>Socialnämnden ansöker hos förvaltningsrätten om vård enligt 2 § LVU.</p>"
        "<p>(Omedelbar justering)</p>"
        f"<h2 style='font:bold 11pt DejaVu Sans'>Ärendet</h2>{_paras(6)}"
        f"<h2 style='font:bold 11pt DejaVu Sans'>Förvaltningens bedömning</h2>{_paras(3)}"
        "<h2 style='font:bold 11pt DejaVu Sans'>Expedieras till</h2>"
        "<p>Förvaltningsrätten i Stockholm<br>Barn och familj</p>"
    )
    return Layout(
        "social-sekretess",
        _page("", body),
        "Ansökan om vård enligt LVU",
        "Dnr SN 2024/301",
        "Maja Lund",
        ["Socialnämnden ansöker hos förvaltningsrätten om vård enligt 2 § LVU."],
        ["Bakgrund", "Förvaltningens förslag"],
        immediate=True,
        secrecy="OSL 26 kap. 1 §",
        dispatch=["Förvaltningsrätten i Stockholm", "Barn och familj"],
    )


def tight_bold() -> Layout:
    """Headings only in bold, with no space around them, and named as nobody else does."""
    b = "style='font:bold 11pt DejaVu Serif;margin:0'"
    p = "style='margin:0'"
    body = (
        "<p style='font:9pt DejaVu Sans'>Trafikkontoret<br>Tjänsteutlåtande<br>2023-04-04<br>"
        "Dnr T2023-00412<br>Handläggare: Jonas Wik</p>"
        "<p style='font:bold 14pt DejaVu Sans;margin:8mm 0 4mm'>Hastighetsgränser på "
        "lokalgator i Västra stan</p>"
        f"<p {b}>Förslag till beslut</p>"
        f"<p {p}>Trafiknämnden beslutar om 30 km/h på lokalgatorna i Västra stan.</p>"
        f"<p {b}>Trafiksäkerhet</p><p {p}>{FILLER} {FILLER}</p>"
        f"<p {b}>Buller och luft</p><p {p}>{FILLER}</p>"
        f"<p {b}>Kollektivtrafikens framkomlighet</p><p {p}>{FILLER} {FILLER}</p>"
    )
    return Layout(
        "tight-bold",
        _page("", body),
        "Hastighetsgränser på lokalgator i Västra stan",
        "Dnr T2023-00412",
        "Jonas Wik",
        ["Trafiknämnden beslutar om 30 km/h på lokalgatorna i Västra stan."],
        ["Trafiksäkerhet", "Buller och luft", "Kollektivtrafikens framkomlighet"],
    )


LAYOUTS = [stockholm, goteborg, malmo, kommunstyrelse, kultur, social, tight_bold]
