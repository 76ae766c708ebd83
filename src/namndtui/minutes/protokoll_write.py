"""protokoll.toml written: the minutes as data, self-contained and versioned.

`render_toml(minutes)` writes it; `protokoll_read.load_protokoll` reads it back into a
`Minutes` (meeting + record state) so that rendering the loaded minutes gives the same
bytes again. Keys marked *derived* in docs/minutes.md (the chair, the § range, tallies,
results, notice dates, parties of motions, § numbers of attendance changes) are written for
readers and other programs and recomputed, not read, when loading.

The writer is our own (`toml_text.py`): key order, layout and quoting are fixed, so the same
minutes always give the same bytes (no clock is read here). A justified § carries its
checksum and justered minutes their seal (`seal.py`).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from namndtui.minutes.model import (
    Minutes,
    attended,
    effective_decision,
    immediate,
    is_justified,
    notice_dates,
    numbered_paragraphs,
    paragraph_range,
    presiding_chair,
    time_text,
)
from namndtui.minutes.protokoll_format import FORMAT_PROTOKOLL
from namndtui.minutes.seal import document_seal, paragraph_checksum
from namndtui.minutes.toml_text import TableWriter, as_read, nonempty
from namndtui.model import Item, Meeting
from namndtui.record import questions as qs
from namndtui.record.state import Paragraph
from namndtui.record.state_parts import Correction
from namndtui.secrecy.marking import secrecy_ground


def render_toml(minutes: Minutes) -> str:
    """protokoll.toml for the minutes (same minutes -> same bytes)."""
    return _render(minutes).text()


def render_document(minutes: Minutes) -> dict[str, Any]:
    """What `tomllib` would read back from `render_toml(minutes)`, without the text round
    trip (the seal included when justered)."""
    return _render(minutes).document


def _render(minutes: Minutes) -> TableWriter:
    meeting, state = minutes.meeting, minutes.state
    out = TableWriter()
    out.values({"format": FORMAT_PROTOKOLL})
    if meeting.personal_data:  # the names the public version masks (namndtui.secrecy)
        out.values({"personal_data": list(meeting.personal_data)})
    chair = presiding_chair(meeting, state)
    rng = paragraph_range(meeting, state)
    start = state.opened_at or time_text(meeting.start)
    out.table(
        "meeting",
        nonempty(
            {
                "body": meeting.body,
                "date": meeting.date,
                "start": _time(start),
                "end": _time(state.closed_at),
                "place": meeting.place,
                "secretary": meeting.secretary,
                "chair": chair.name if chair else "",
                "kept_at": meeting.kept_at,
                "paragraph_prefix": meeting.paragraph_prefix,
                "minority_right": list(meeting.minority_right),
                "minority_fraction": meeting.minority_fraction,
                "first_paragraph": rng[0] if rng else None,
                "last_paragraph": rng[1] if rng else None,
            },
            keep=("body", "date"),
        ),
    )
    for start_at, end_at in state.breaks:
        out.table(
            "meeting.breaks", nonempty({"from": _time(start_at), "to": _time(end_at)}), array=True
        )

    d = notice_dates(meeting, state)
    out.table(
        "justering",
        nonempty(
            {
                "adjusters": list(state.adjusters),
                "adjuster_substitute": state.adjuster_substitute,
                "date": _date_or_text(state.justering_date),
                "time": _time(state.justering_time),
                "place": state.justering_place,
                "due": d.justering_due,
                "justered": d.justered,
                "posted": d.posted,
                "notice_due": d.notice_due,
                "appeal_last_day": d.appeal_last_day,
            }
        ),
    )

    present = attended(meeting, state)
    # Substitutes serving at the end: only needed when no § records who served.
    use_serving_for = not any(p.serving for _, p in numbered_paragraphs(meeting, state))
    for member in meeting.members:
        values = {
            "name": member.name,
            "party": member.party,
            "role": member.role,
            "present": member.name in present,
            "serving_for": state.serving_for.get(member.name, "") if use_serving_for else "",
        }
        out.table("members", nonempty(values), array=True)
    others = state.officials or [(o.name, o.title) for o in meeting.officials]
    for name, title in others:
        official = next((o for o in meeting.officials if o.name == name), None)
        items = list(official.items) if official else []
        out.table("officials", nonempty({"name": name, "title": title, "items": items}), array=True)
    for change in state.changes:
        para = state.paragraphs.get(change.item)
        values = {
            "member": change.member,
            "kind": change.kind,
            "item": change.item,
            "paragraph": para.number if para else None,
            "for": change.for_member,
            "at": _time(change.at),
        }
        out.table("attendance_changes", nonempty(values, keep=("item",)), array=True)
    for c in state.corrections:
        out.table("corrections", _correction(c), array=True)
    for rev in state.revisions:
        values = {
            "version": rev.version,
            "previous": rev.previous,
            "date": _date_or_text(rev.date),
            "changes": list(rev.changes),
        }
        out.table("revisions", nonempty(values), array=True)

    for item, para in numbered_paragraphs(meeting, state):
        _paragraph(out, meeting, item, para, locked=is_justified(state, para))
    if state.justered_on:
        checksum = document_seal(out.document)
        seal = {"checksum": checksum}
        signed = state.seal_signatures.get(checksum)
        if signed:  # outside what the seal covers, so no circle
            seal.update(signature=signed[0], public_key=signed[1])
        out.table("seal", seal)
    return out


def _time(text: str) -> dt.time | str:
    """'19:05' -> time(19, 5); anything else stays text (the fold stores what it got)."""
    try:
        return dt.time.fromisoformat(text) if text else ""
    except ValueError:
        return text


def _date_or_text(text: str) -> dt.date | str:
    try:
        return dt.date.fromisoformat(text) if text else ""
    except ValueError:
        return text


def _correction(c: Correction) -> dict[str, Any]:
    return nonempty(
        {"time": c.time, "description": c.description, "reason": c.reason}, keep=("reason",)
    )


def _written_table(head: TableWriter, rest: TableWriter) -> dict[str, Any]:
    """The [[paragraphs]] table a reader gets from these two writers' tables: what the
    checksum is over, built from the canonical values written (tests/minutes check it
    equals the checksum of the re-parsed text)."""
    ((_header, root),) = head.tables
    table = as_read(root)
    for header, values in rest.tables:
        table.setdefault(header.split(".", 1)[1], []).append(as_read(values))
    return table


def _paragraph(
    out: TableWriter, meeting: Meeting, item: Item, para: Paragraph, *, locked: bool = False
) -> None:
    """One [[paragraphs]] table and its sub-tables; a locked (justified) one with its checksum."""
    head, rest = TableWriter(), TableWriter()
    _paragraph_tables(head, rest, meeting, item, para)
    table = _written_table(head, rest)
    if locked:
        table["checksum"] = paragraph_checksum(table)
        head.values({"checksum": table["checksum"]})
    out.document.setdefault("paragraphs", []).append(table)
    if out.lines:
        out.lines.append("")
    out.lines += head.lines
    if rest.lines:
        out.lines.append("")
        out.lines += rest.lines


def _paragraph_tables(
    head: TableWriter, out: TableWriter, meeting: Meeting, item: Item, para: Paragraph
) -> None:
    serving = [
        {"member": person, "for": seat} if seat else {"member": person}
        for person, seat in para.serving.items()
    ]
    values = {
        "number": para.number,
        "item": item.id,
        "title": item.title,
        "dnr": item.dnr,
        "decision": effective_decision(item, para),
        "immediate_justification": immediate(item, para),
        # the item's proposal on a § that did not take it (tabled, referred back): `new
        # --from` carries it to the next meeting, as it does from meeting.toml
        "proposed_immediate_justification": (
            True if item.immediate_justification and not immediate(item, para) else None
        ),
        "status": para.status,
        "justified": para.justified,
        "referral_reason": para.referral_reason,
        "category": item.category,
        "officer": item.officer,
        "proposal_by": item.proposal_by,
        "corrects_date": item.corrects.date if item.corrects else None,
        "corrects_paragraph": item.corrects.paragraph if item.corrects else None,
        "minority_used": item.minority_used,
        "called_at": _time(para.called_at),
        "presenter": para.presenter,
        "summary": item.summary,
        "background": item.background,
        "proposal": item.proposal,
        "preparation": item.preparation,
        "proposed_decision": list(item.proposed_decision),
        "attachments": list(item.attachments),
        "dispatch": list(item.dispatch),
        "serving": serving,
        "proposition_order": [
            m for m in para.proposition_order if para.motion(m) and not para.motion(m).withdrawn
        ],  # type: ignore[union-attr]
        "finding": para.finding,
        "secrecy": secrecy_ground(item, para),
        "public_title": item.public_title,
    }
    head.table(
        "paragraphs",
        nonempty(values, keep=("number", "item", "title", "dnr", "decision")),
        array=True,
    )
    for section in item.extra_sections:
        out.table("paragraphs.sections", {"title": section.title, "text": section.text}, array=True)
    for doc in item.decision_basis:
        out.table(
            "paragraphs.decision_basis",
            nonempty({"title": doc.title, "date": doc.date}),
            array=True,
        )
    for m in para.active_motions:
        member = meeting.member(m.by)
        values = {
            "id": m.id,
            "by": m.by,
            "party": member.party if member else "",
            "kind": m.kind,
            "text": m.text,
            "joined": list(m.joined),
        }
        out.table("paragraphs.motions", nonempty(values, keep=("party", "text")), array=True)
    for q in qs.in_order(item, para):
        if q.needs_proposition and (q.finding or q.rounds or q.minority):
            supporters, present = q.minority or (None, None)
            values = {
                "key": q.key,
                "kind": q.kind,
                "proposals": list(q.proposals),
                "finding": q.finding,
                "result": q.result if q.settled else "",
                "minority_supporters": supporters,
                "minority_present": present,
            }
            out.table("paragraphs.questions", nonempty(values), array=True)
    for v in para.votes:
        ja, nej, avstar = v.tally()
        values = {
            "round": v.round,
            "question": v.question,
            "counter": v.counter,
            "yes": v.yes,
            "no": v.no,
            "demanded_by": v.demanded_by,
            "closed": v.closed,
            "casting": v.casting,
            "yes_count": ja,
            "no_count": nej,
            "abstain_count": avstar,
            "result": v.winner,
            "ballots": [{"member": name, "vote": choice} for name, choice in v.votes.items()],
        }
        out.table("paragraphs.votes", nonempty(values), array=True)
    for r in para.recusals:
        out.table(
            "paragraphs.recusals",
            nonempty({"member": r.member, "substitute": r.substitute}),
            array=True,
        )
    for r in para.reservations:
        values = {"member": r.member, "motion": r.motion, "text": r.text}
        out.table("paragraphs.reservations", nonempty(values), array=True)
    for n in para.notes:
        out.table(
            "paragraphs.notes", nonempty({"by": n.by, "text": n.text}, keep=("text",)), array=True
        )
    for s in para.statements:
        out.table("paragraphs.statements", {"by": s.by, "text": s.text}, array=True)
    for n in para.adjustment_notes:
        out.table("paragraphs.adjustment_notes", {"by": n.by, "text": n.text}, array=True)
    for c in para.corrections:
        out.table("paragraphs.corrections", _correction(c), array=True)
