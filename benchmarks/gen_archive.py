"""Generate a large synthetic archive: 5,000 protokoll.toml files, 150,000 paragraphs.

    python benchmarks/gen_archive.py OUT_DIR [--meetings 5000] [--paragraphs 30] [--seed 1]

Ten bodies, meetings from 2000 on (about 20 a year per body), 30 paragraphs each, written by
the real renderer (`render_toml`). Texts have realistic Swedish lengths: titles of 40–120
characters, a summary of 2–6 sentences (≈ 300–900 characters), one or two decision points;
every 8th paragraph has motions and a vote, every 16th a reservation, every 10th omedelbar
justering, every 12th a note. Deterministic for a given --seed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from namndtui.minutes.model import Minutes  # noqa: E402
from namndtui.minutes.protokoll_write import render_toml  # noqa: E402
from namndtui.model import Item, Meeting, Member  # noqa: E402
from namndtui.record.state import DECIDED, Paragraph, RecordState  # noqa: E402
from namndtui.record.state_parts import Motion, Note, Reservation, VoteRound  # noqa: E402

BODIES = [
    "Hässelby-Vällingby stadsdelsnämnd", "Bromma stadsdelsnämnd", "Spånga-Tensta stadsdelsnämnd",
    "Rinkeby-Kista stadsdelsnämnd", "Kungsholmens stadsdelsnämnd", "Södermalms stadsdelsnämnd",
    "Kulturnämnden", "Idrottsnämnden", "Miljö- och hälsoskyddsnämnden", "Socialnämnden",
]  # fmt: skip
FIRST = [
    "Anna",
    "Lars",
    "Karin",
    "Per",
    "Eva",
    "Johan",
    "Maria",
    "Erik",
    "Leila",
    "Ali",
    "Sara",
    "Nils",
    "Ulla",
    "Göran",
    "Ingrid",
    "Tomas",
]
LAST = [
    "Ek",
    "Berg",
    "Lind",
    "Holm",
    "Sjöberg",
    "Ström",
    "Åberg",
    "Öst",
    "Haddad",
    "Forsberg",
    "Wahlström",
    "Almqvist",
    "Ljung",
    "Dahl",
    "Nyström",
    "Sandberg",
]
PARTIES = ["M", "S", "V", "MP", "C", "FP", "KD"]
TOPICS = [
    "förskolelokaler", "fritidsgården", "hemtjänsten", "äldreboendet", "parkupprustning",
    "föreningsbidrag", "ekonomiskt bistånd", "trafiksäkerhet", "detaljplan", "biblioteket",
    "skolgården", "idrottshallen", "klotter", "budget", "verksamhetsplan", "tertialrapport",
    "upphandling av städtjänster", "våld i nära relationer", "feriearbeten", "lokalförsörjning",
]  # fmt: skip
KINDS = [
    "Yttrande över",
    "Remiss av",
    "Uppföljning av",
    "Förslag om",
    "Inhyrning av",
    "Ansökan om medel för",
    "Rapport om",
    "Avveckling av",
]
PLACES = [
    "Vällingby",
    "Hässelby strand",
    "Grimsta",
    "Råcksta",
    "Bromma",
    "Tensta",
    "Kista",
    "Södermalm",
    "Kungsholmen",
    "Nälsta",
]
SENTENCES = [
    "Förvaltningen har utrett frågan och föreslår att nämnden godkänner förslaget.",
    "Kostnaden beräknas till {n} tkr och ryms inom nämndens budget för {y}.",
    "Ärendet har beretts i samverkan med berörda fackliga organisationer.",
    "Behovet av {t} i {p} har ökat under de senaste åren enligt förvaltningens prognos.",
    "Förslaget innebär att verksamheten kan bedrivas i nuvarande lokaler till och med {y}.",
    "Stadsdelsförvaltningen bedömer att åtgärden förbättrar tryggheten för de boende i {p}.",
    "Synpunkter har inhämtats från pensionärsrådet och rådet för funktionshinderfrågor.",
    "Förvaltningen föreslår att uppföljning sker i samband med tertialrapporten.",
    "Remissen har kommit från stadsledningskontoret med svar senast den {d}.",
    "Förvaltningen tillstyrker förslaget men påpekar behovet av ökade resurser till {t}.",
]


def sentence(rng: random.Random, year: int) -> str:
    return rng.choice(SENTENCES).format(
        n=rng.randrange(50, 5000), y=year + rng.randrange(0, 3), t=rng.choice(TOPICS),
        p=rng.choice(PLACES), d=f"{rng.randrange(1, 28)} {rng.choice(['mars', 'maj', 'oktober'])} {year}",
    )  # fmt: skip


def make_meeting(rng: random.Random, body: str, date: dt.date, first: int, count: int) -> Minutes:
    members = []
    names: set[str] = set()
    while len(members) < 11:
        name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
        if name not in names:
            names.add(name)
            role = "ordförande" if not members else "ledamot"
            members.append(Member(name, rng.choice(PARTIES), role))
    state = RecordState(opened_at="18:00", closed_at="20:00")
    items = []
    for n in range(count):
        topic = rng.choice(TOPICS)
        title = f"{rng.choice(KINDS)} {topic} i {rng.choice(PLACES)}"
        if rng.random() < 0.4:
            title += f" – {sentence(rng, date.year).rstrip('.').lower()}"
        summary = " ".join(sentence(rng, date.year) for _ in range(rng.randrange(3, 9)))
        decision = [
            f"{body.split()[0] if 'stadsdel' in body else body} godkänner förslaget om {topic}."
        ]
        if rng.random() < 0.4:
            decision.append(
                f"Förvaltningen får i uppdrag att återkomma med en uppföljning under {date.year + 1}."
            )
        item = Item(
            id=f"p{n}", title=title, dnr=f"{rng.randrange(100, 700)}-{rng.randrange(1, 900)}-{date.year % 100:02d}",
            summary=summary, proposed_decision=tuple(decision),
        )  # fmt: skip
        items.append(item)
        para = Paragraph(item=item.id, number=first + n, status=DECIDED, decision=decision)
        para.serving = {m.name: "" for m in members}
        if n % 8 == 3:
            a, b = rng.sample(members, 2)
            para.motions = [
                Motion("y1", a.name, "bifall"),
                Motion("y2", b.name, "avslag", sentence(rng, date.year)),
            ]
            vote = VoteRound(1, "y1", "y2", closed=True)
            vote.votes = {m.name: rng.choice(["ja", "nej"]) for m in members}
            para.votes = [vote]
            if n % 16 == 3:
                para.reservations = [Reservation(b.name, sentence(rng, date.year))]
        if n % 10 == 5:
            para.immediate_justification = True
            para.justified = True
        if n % 12 == 7:
            para.notes = [Note(sentence(rng, date.year), rng.choice(members).name)]
        state.paragraphs[item.id] = para
    meeting = Meeting(
        body=body, date=date, members=tuple(members), items=tuple(items), first_paragraph=first
    )
    return Minutes(meeting, state)


def generate(out: Path, meetings: int, paragraphs: int, seed: int = 1) -> int:
    rng = random.Random(seed)
    per_body = -(-meetings // len(BODIES))
    written = 0
    for b, body in enumerate(BODIES):
        date = dt.date(2000, 1, 15)
        number = 1
        for _ in range(per_body):
            if written >= meetings:
                break
            minutes = make_meeting(rng, body, date, number, paragraphs)
            folder = out / f"namnd-{b:02d}" / str(date.year) / date.isoformat()
            folder.mkdir(parents=True, exist_ok=True)
            (folder / "protokoll.toml").write_text(render_toml(minutes), encoding="utf-8")
            written += 1
            number += paragraphs
            nxt = date + dt.timedelta(days=18)
            if nxt.year != date.year:
                number = 1
            date = nxt
    return written


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("out", type=Path)
    parser.add_argument("--meetings", type=int, default=5000)
    parser.add_argument("--paragraphs", type=int, default=30)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    start = time.perf_counter()
    n = generate(args.out, args.meetings, args.paragraphs, args.seed)
    print(
        f"{n} protokoll, {n * args.paragraphs} paragrafer i {args.out} ({time.perf_counter() - start:.1f} s)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
