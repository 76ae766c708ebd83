"""Small archives for the tests: Meeting + RecordState built by hand, written with the
real protokoll.toml renderer, so the index reads exactly what the minutes write."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from namndtui.minutes.model import Minutes
from namndtui.minutes.protokoll_write import render_toml
from namndtui.model import Item, Meeting, Member
from namndtui.record.state import DECIDED, Paragraph, RecordState
from namndtui.record.state_parts import Motion, Note, Reservation, VoteRound

BODY = "Hässelby-Vällingby stadsdelsnämnd"
OTHER = "Kulturnämnden"
MEMBERS = (
    Member("Birgitta Hallenberg", "M", "ordförande"),
    Member("Lars-Erik Wahlström", "S", "vice ordförande"),
    Member("Anna Ek", "S", "ledamot"),
    Member("Johan Ekdahl", "M", "ledamot"),
    Member("Per Almqvist", "V", "ledamot"),
)


def make_minutes(body: str, date: str, first: int, items: list[dict], members=MEMBERS) -> Minutes:
    """items: dicts with id, title, dnr, decision, motions, votes, reservations, notes, oj,
    secrecy, public_title."""
    meeting_items = []
    state = RecordState(opened_at="19:00", closed_at="20:30")
    for m in members:
        state.present[m.name] = True
    for n, spec in enumerate(items):
        item = Item(
            id=spec["id"],
            title=spec["title"],
            dnr=spec.get("dnr", ""),
            summary=spec.get("summary", ""),
            proposed_decision=tuple(spec.get("decision", ["Nämnden beslutar enligt förslaget."])),
            secrecy=spec.get("secrecy", ""),
            public_title=spec.get("public_title", ""),
        )
        meeting_items.append(item)
        para = Paragraph(item=item.id, number=first + n, status=DECIDED)
        para.decision = list(item.proposed_decision)
        para.serving = {m.name: "" for m in members if not m.is_substitute}
        for i, (by, kind, text) in enumerate(spec.get("motions", []), 1):
            para.motions.append(Motion(id=f"y{i}", by=by, kind=kind, text=text))
        if spec.get("votes"):
            yes_votes, no_votes = spec["votes"]
            vote = VoteRound(round=1, yes="y1", no="y2", closed=True)
            vote.votes = {name: "ja" for name in yes_votes} | {name: "nej" for name in no_votes}
            para.votes.append(vote)
            para.finding = vote.winner
        for who, text in spec.get("reservations", []):
            para.reservations.append(Reservation(member=who, text=text))
        for by, text in spec.get("notes", []):
            para.notes.append(Note(text=text, by=by))
        if spec.get("oj"):
            para.immediate_justification = True
            para.justified = True
        state.paragraphs[item.id] = para
    state.next_number = first + len(items)
    meeting = Meeting(
        body=body,
        date=dt.date.fromisoformat(date),
        start=dt.time(19, 0),
        first_paragraph=first,
        members=tuple(members),
        items=tuple(meeting_items),
    )
    return Minutes(meeting, state)


def write(folder: Path, minutes: Minutes, name: str = "protokoll.toml") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(render_toml(minutes), encoding="utf-8")
    return path


MEETING_A = [
    {
        "id": "fritidsgard",
        "title": "Ny fritidsgård i Vällingby centrum",
        "dnr": "2.6-335/2007",
        "summary": "Förvaltningen föreslår att en ny fritidsgård öppnas i Vällingby centrum.",
        "decision": ["Stadsdelsnämnden godkänner förslaget om en ny fritidsgård."],
        "motions": [
            ("Birgitta Hallenberg", "bifall", ""),
            ("Anna Ek", "avslag", "Fritidsgården bör ligga i Hässelby gård."),
        ],
        "votes": (["Birgitta Hallenberg", "Johan Ekdahl"], ["Anna Ek"]),
        "reservations": [("Anna Ek", "Vi anser att placeringen är fel.")],
    },
    {
        "id": "ansokan-lansstyrelsen",
        "title": "Ansökan till Länsstyrelsen om utvecklingsmedel",
        "dnr": "2.6-400/2007",
        "summary": "Stödinsatser till män som utövar våld i nära relation.",
        "decision": ["Stadsdelsnämnden godkänner ansökan till Länsstyrelsen."],
        "oj": True,
    },
    {
        "id": "ab",
        "title": "Anmälan av delegationsbeslut",
        "dnr": "1.2-12/2007",
        "notes": [("Per Almqvist", "V vill ha en redovisning av KD-förslaget.")],
    },
]
MEETING_B = [
    {
        "id": "budget",
        "title": "Verksamhetsplan och budget 2008",
        "dnr": "2.6-335/2007-2",
        "summary": "Budgeten för kulturnämnden och biblioteken.",
        "decision": ["Kulturnämnden fastställer verksamhetsplanen."],
        "motions": [("Anna Ek", "bifall", "")],
    },
]


def small_archive(root: Path) -> Path:
    """Two bodies, two years, one nested deeper, one subfolder holding a meeting.toml."""
    write(root / "hasselby" / "2007-09-25", make_minutes(BODY, "2007-09-25", 100, MEETING_A))
    write(root / "kultur" / "2008" / "2008-01-15", make_minutes(OTHER, "2008-01-15", 1, MEETING_B))
    (root / "hasselby" / "2007-10-23").mkdir(parents=True)
    (root / "hasselby" / "2007-10-23" / "meeting.toml").write_text("# not minutes\n")
    return root
