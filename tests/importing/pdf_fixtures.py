"""Test PDFs made as case systems make them: HTML with real fonts, laid out by WeasyPrint.

A report (tjänsteutlåtande) has a letterhead as a two-column table (the office on the
left; "Tjänsteutlåtande", date, Dnr on the right), "Sida 2 (5)" in the page's top right
corner, a bold title, bold headings, the proposed decision as numbered points and a
signature. A kallelse is the agenda followed by every report, each report numbered from
its own page 1 (they are separate documents put together, as the case system does).

Text is generated from a fixed pool of sentences with a seeded random generator, so a
file is the same on every run. Used by tests/importing and benchmarks/bench_kallelse.py.
"""

from __future__ import annotations

import datetime as dt
import html
import io
import random
from dataclasses import dataclass, field

BODY = "Hässelby-Vällingby stadsdelsnämnd"
OFFICE = "Hässelby-Vällingby stadsdelsförvaltning"

_SENTENCES = [
    "Förvaltningen har under året följt upp verksamheten enligt nämndens plan.",
    "Resultatet visar att de flesta mål har uppnåtts inom given budgetram.",
    "Samverkan med civilsamhällets organisationer har fortsatt att utvecklas.",
    "Antalet besökare har ökat jämfört med samma period föregående år.",
    "Kostnaderna för lokaler beräknas bli något högre än vad som budgeterats.",
    "Medarbetarna har deltagit i utbildning om det nya verksamhetssystemet.",
    "Brukarundersökningen visar att nöjdheten är hög inom alla enheter.",
    "En särskild insats görs för att nå unga som varken arbetar eller studerar.",
    "Förvaltningen bedömer att förslaget ryms inom nämndens ekonomiska ramar.",
    "Ärendet har samverkats med de fackliga organisationerna i förvaltningsgruppen.",
    "Barnets bästa har beaktats vid utformningen av förslaget.",
    "Förslaget innebär inga konsekvenser för jämställdheten mellan kvinnor och män.",
    "Uppföljning sker i samband med tertialrapporterna under nästa år.",
    "Stadsdelsförvaltningen har inhämtat synpunkter från pensionärsrådet.",
    "Lokalförsörjningen ses över i dialog med fastighetskontoret.",
    "Arbetet med trygghetsskapande åtgärder i centrum har prioriterats.",
]
_TOPICS = [
    ("Månadsrapport", "för oktober med ekonomiskt utfall"),
    ("Ansökan om medel", "för sommarlovsaktiviteter för barn och unga"),
    ("Yttrande över remiss", "om stadens program för kulturstrategi"),
    ("Utökning av antalet förskoleplatser", "i Vällingby centrum"),
    ("Riktlinjer", "för bistånd till personer med funktionsnedsättning"),
    ("Upphandling", "av städtjänster inom äldreomsorgen"),
    ("Svar på skrivelse", "om belysning i Grimstaskogen"),
    ("Verksamhetsplan", "för fritidsgårdarna under nästa år"),
    ("Medborgarförslag", "om en hundrastgård vid Hässelby strand"),
    ("Lokalförsörjningsplan", "för stadsdelsförvaltningen"),
]


@dataclass
class Report:
    """One report as written into the PDF (the expected facts)."""

    number: int
    title: str
    dnr: str
    officer: str
    decision: list[str]
    pages_hint: int  # how many paragraphs of text per section, roughly pages
    sections: dict[str, list[str]] = field(default_factory=dict)


def make_reports(count: int, paragraphs: int = 6, seed: int = 17) -> list[Report]:
    rng = random.Random(seed)
    reports = []
    for n in range(1, count + 1):
        head, tail = _TOPICS[(n - 1) % len(_TOPICS)]
        title = f"{head} {tail} {2000 + n}"
        dnr = f"{100 + n}-{400 + 3 * n}-07"
        decision = [
            f"Stadsdelsnämnden godkänner förvaltningens förslag i ärende {n}.",
            "Stadsdelsnämnden överlämnar ärendet till kommunstyrelsen.",
        ]
        report = Report(n, title, dnr, f"Handläggare {n} Svensson", decision, paragraphs)
        for key in ("Sammanfattning", "Bakgrund", "Förvaltningens synpunkter och förslag"):
            report.sections[key] = [
                " ".join(rng.choice(_SENTENCES) for _ in range(rng.randint(4, 8)))
                for _ in range(paragraphs if key != "Sammanfattning" else 1)
            ]
        reports.append(report)
    return reports


_CSS = """
@page { size: A4; margin: 25mm 20mm 22mm 25mm;
  @top-right { content: "Sida " counter(page) " (" counter(pages) ")"; font: 9pt "DejaVu Sans"; }
  @bottom-center { content: "Box 15035, 162 15 Vällingby. Besöksadress Hässelby torg 15";
    font: 8pt "DejaVu Sans"; color: #444; } }
body { font: 11pt/1.35 "DejaVu Serif"; }
table.head { width: 100%; font: 9pt "DejaVu Sans"; margin-bottom: 12mm; }
table.head td { vertical-align: top; width: 50%; }
h1 { font: bold 15pt "DejaVu Sans"; margin: 6mm 0 4mm; }
h2 { font: bold 11.5pt "DejaVu Sans"; margin: 5mm 0 2mm; }
p { margin: 0 0 3mm; }
ol { margin: 0 0 3mm; }
.sign { margin-top: 10mm; }
"""


def report_html(report: Report, date: dt.date) -> str:
    e = html.escape
    parts = [
        f"<html><head><style>{_CSS}</style></head><body>",
        '<table class="head"><tr>',
        f"<td><b>{e(OFFICE.upper())}</b><br>Avdelningen för stadsdelsutveckling<br>"
        f"Handläggare<br>{e(report.officer)}<br>Telefon 08-508 03 000</td>",
        f"<td>TJÄNSTEUTLÅTANDE<br>{date.isoformat()}<br>Dnr {e(report.dnr)}<br><br>"
        f"Till<br>{e(BODY)}</td>",
        "</tr></table>",
        f"<h1>{e(report.title)}</h1>",
        "<h2>Förslag till beslut</h2><ol>",
        *[f"<li>{e(point)}</li>" for point in report.decision],
        "</ol>",
    ]
    for heading, paras in report.sections.items():
        parts.append(f"<h2>{e(heading)}</h2>")
        parts.extend(f"<p>{e(p)}</p>" for p in paras)
    parts.append(
        '<div class="sign">Anna Lind<br>Stadsdelsdirektör</div>'
        "<h2>Bilagor</h2><p>1. Sammanställning</p></body></html>"
    )
    return "".join(parts)


def agenda_html(reports: list[Report], date: dt.date) -> str:
    e = html.escape
    rows = [f"<p><b>{n + 2}.</b> {e(r.title)}<br>Dnr {e(r.dnr)}</p>" for n, r in enumerate(reports)]
    return (
        f"<html><head><style>{_CSS}</style></head><body>"
        f"<h1>{e(BODY.upper())}</h1><p>KALLELSE OCH FÖREDRAGNINGSLISTA</p>"
        '<table class="head"><tr><td>Datum<br>Klockan<br>Plats</td>'
        f"<td>{date.isoformat()}<br>19.00<br>Hässelby torg 15, sammanträdesrummet</td>"
        "</tr></table>"
        "<p>INLEDANDE ÄRENDEN</p><p><b>1.</b> Val av justerare samt tid för justering</p>"
        "<p>BESLUTSÄRENDEN</p>" + "".join(rows) + "</body></html>"
    )


def render(html_text: str) -> bytes:
    import logging

    from weasyprint import HTML

    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    logging.getLogger("fontTools").setLevel(logging.ERROR)
    return HTML(string=html_text).write_pdf()


def concatenate(pdfs: list[bytes]) -> bytes:
    from pypdf import PdfWriter

    writer = PdfWriter()
    for data in pdfs:
        writer.append(io.BytesIO(data))
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def make_kallelse(count: int, paragraphs: int = 6) -> tuple[bytes, list[Report]]:
    """A kallelse PDF: the agenda, then `count` reports each numbered from its page 1."""
    date = dt.date(2007, 10, 23)
    reports = make_reports(count, paragraphs)
    pdfs = [render(agenda_html(reports, date))]
    pdfs += [render(report_html(r, dt.date(2007, 10, 2))) for r in reports]
    return concatenate(pdfs), reports
