"""protokoll.toml: the minutes as data, self-contained and versioned.

`render_toml(minutes)` writes it; `load_protokoll(path)` reads it back into a `Minutes`
(meeting + record state) so that rendering the loaded minutes gives the same bytes again.
Keys marked *derived* in docs/minutes.md (the chair, the § range, tallies, results, notice
dates, parties of motions, § numbers of attendance changes) are written for readers and
other programs and recomputed, not read, when loading.

The writer is our own: key order, layout and quoting are fixed, so the same minutes always
give the same bytes (no clock is read here).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from pathlib import Path
from typing import Any

from namndtui.meetingfile import decode_meeting_bytes
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
from namndtui.model import (
    ROLES,
    BasisDocument,
    Item,
    Meeting,
    Member,
    Official,
    ParagraphRef,
    Section,
)
from namndtui.record import questions as qs
from namndtui.record.state import (
    DECIDED,
    STATUSES,
    AttendanceChange,
    Correction,
    Motion,
    Note,
    Paragraph,
    RecordState,
    Recusal,
    Reservation,
    Revision,
    Statement,
    VoteRound,
)
from namndtui.secrecy.marking import secrecy_ground
from namndtui.storage import input_problem, read_input
from namndtui.tomlcheck import (
    EXIT_FINDINGS,
    EXIT_UNREADABLE,
    Problem,
    ProblemsError,
    Reader,
    date_range_problem,
    format_path,
    is_kind,
    parse_toml,
)
from namndtui.tomlpos import Path as KeyPath
from namndtui.vocabulary import ATTENDANCE_CHANGES, MOTION_PHRASES, VOTE_ANSWERS

FORMAT_PROTOKOLL = "namndtui/protokoll/3"
# Version 1 had no questions (formal motions were put with the material ones); it is read,
# its chair's finding taken as the finding of the question its motion belongs to.
# Version 2 files were written before and after the seal existed: justered ones without a
# [seal] are read as unsealed (`Minutes.unsealed`). Version 3: justered minutes are always
# sealed, and may carry [[revisions]] (a later version written with export --force).
FORMATS_READ = ("namndtui/protokoll/1", "namndtui/protokoll/2", FORMAT_PROTOKOLL)
PROTOKOLL_FILENAME = "protokoll.toml"
SEAL = "seal"  # the table sealing justered minutes: [seal] checksum = "sha256:…"
CHANGE_KINDS = ATTENDANCE_CHANGES
MAX_NUMBER = 999_999  # the largest § number, count or round a protokoll may hold

# --- writing ----------------------------------------------------------------------------------

_BARE = re.compile(r"[A-Za-z0-9_-]+")
_ESCAPES = {
    "\\": "\\\\",
    '"': '\\"',
    "\b": "\\b",
    "\t": "\\t",
    "\n": "\\n",
    "\f": "\\f",
    "\r": "\\r",
}


# TOML must escape C0 and DEL; C1 is escaped too, so `cat protokoll.toml` runs nothing.
_NEEDS_ESCAPE = re.compile(r'[\\"\x00-\x1f\x7f-\x9f]')
_NEEDS_ESCAPE_ML = re.compile(r'[\\"\x00-\x08\x0b-\x1f\x7f-\x9f]')


def _escape(match: re.Match[str]) -> str:
    c = match.group()
    return _ESCAPES.get(c) or f"\\u{ord(c):04X}"


def toml_string(text: str) -> str:
    """A TOML basic string; text with line breaks as a multi-line basic string.

    In the multi-line form every quote is escaped, so no run of three can end it early.
    """
    if "\n" in text:
        return '"""\n' + _NEEDS_ESCAPE_ML.sub(_escape, text) + '"""'
    return '"' + _NEEDS_ESCAPE.sub(_escape, text) + '"'


def _time(text: str) -> dt.time | str:
    """'19:05' -> time(19, 5); anything else stays text (the fold stores what it got)."""
    try:
        return dt.time.fromisoformat(text) if text else ""
    except ValueError:
        return text


def _scalar(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, str):
        return toml_string(value)
    if isinstance(value, dt.time):
        return value.isoformat(timespec="seconds")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dict):
        pairs = ", ".join(f"{_key(k)} = {_scalar(v)}" for k, v in value.items())
        return "{ " + pairs + " }"
    if isinstance(value, list):
        inner = [_scalar(v) for v in value]
        one_line = "[" + ", ".join(inner) + "]"
        if len(one_line) <= 80 and all("\n" not in v for v in inner):
            return one_line
        return "[\n" + "".join(f"  {v},\n" for v in inner) + "]"
    raise TypeError(type(value))  # pragma: no cover - the writer only passes the above


def _key(key: str) -> str:
    return key if _BARE.fullmatch(key) else toml_string(key)


class _Writer:
    def __init__(self) -> None:
        self.lines: list[str] = []
        self.tables: list[tuple[str, dict[str, Any]]] = []  # (header, values) as written
        self.document: dict[str, Any] = {}  # what a reader gets back (for the seal)

    def table(self, header: str, values: dict[str, Any], *, array: bool = False) -> None:
        if self.lines:
            self.lines.append("")
        self.lines.append(f"[[{header}]]" if array else f"[{header}]")
        self.tables.append((header, values))
        self.values(values)
        parent, _, child = header.rpartition(".")
        into = self.document.get(parent) if parent else self.document
        table = _as_read(values)
        if not isinstance(into, dict):  # a § sub-table: `_written_table` places it
            return
        if array:
            into.setdefault(child, []).append(table)
        else:
            into[child] = table

    def values(self, values: dict[str, Any]) -> None:
        for key, value in values.items():
            if value is None:
                continue
            self.lines.append(f"{_key(key)} = {_scalar(value)}")
            if not self.tables:  # a root key
                self.document[key] = _as_read(value)

    def text(self) -> str:
        return "\n".join(self.lines) + "\n"


def _nonempty(values: dict[str, Any], keep: tuple[str, ...] = ()) -> dict[str, Any]:
    """Drop empty strings/lists (but not False/0) unless the key is in `keep`."""
    return {k: v for k, v in values.items() if k in keep or not (v == "" or v == [] or v is None)}


def render_toml(minutes: Minutes) -> str:
    """protokoll.toml for the minutes (same minutes -> same bytes)."""
    return _render(minutes).text()


def render_document(minutes: Minutes) -> dict[str, Any]:
    """What `tomllib` would read back from `render_toml(minutes)`, without the text round
    trip (the seal included when justered)."""
    return _render(minutes).document


def _render(minutes: Minutes) -> _Writer:
    meeting, state = minutes.meeting, minutes.state
    out = _Writer()
    out.values({"format": FORMAT_PROTOKOLL})
    if meeting.personal_data:  # the names the public version masks (namndtui.secrecy)
        out.values({"personal_data": list(meeting.personal_data)})
    chair = presiding_chair(meeting, state)
    rng = paragraph_range(meeting, state)
    start = state.opened_at or time_text(meeting.start)
    out.table(
        "meeting",
        _nonempty(
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
            "meeting.breaks", _nonempty({"from": _time(start_at), "to": _time(end_at)}), array=True
        )

    d = notice_dates(meeting, state)
    out.table(
        "justering",
        _nonempty(
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
        out.table("members", _nonempty(values), array=True)
    others = state.officials or [(o.name, o.title) for o in meeting.officials]
    for name, title in others:
        official = next((o for o in meeting.officials if o.name == name), None)
        items = list(official.items) if official else []
        out.table(
            "officials", _nonempty({"name": name, "title": title, "items": items}), array=True
        )
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
        out.table("attendance_changes", _nonempty(values, keep=("item",)), array=True)
    for c in state.corrections:
        out.table("corrections", _correction(c), array=True)
    for rev in state.revisions:
        values = {
            "version": rev.version,
            "previous": rev.previous,
            "date": _date_or_text(rev.date),
            "changes": list(rev.changes),
        }
        out.table("revisions", _nonempty(values), array=True)

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


def document_seal(document: dict[str, Any]) -> str:
    """`sha256:…` over a whole parsed protokoll.toml but its `[seal]`: meeting facts,
    justering, attendance, officials, changes, corrections and every § (docs/minutes.md)."""
    return _sha256({k: v for k, v in document.items() if k != SEAL})


def _date_or_text(text: str) -> dt.date | str:
    try:
        return dt.date.fromisoformat(text) if text else ""
    except ValueError:
        return text


def _correction(c: Correction) -> dict[str, Any]:
    return _nonempty(
        {"time": c.time, "description": c.description, "reason": c.reason}, keep=("reason",)
    )


def paragraph_checksum(table: dict[str, Any]) -> str:
    """`sha256:…` over the canonical content of one parsed [[paragraphs]] table.

    Canonical: every key and sub-table but `checksum` itself, as JSON with sorted keys
    (dates and times in ISO form), so layout, quoting and key order do not matter but
    any changed word, number, vote, name or flag does.
    """
    content = {k: v for k, v in table.items() if k != "checksum"}
    return _sha256(content)


def _sha256(content: dict[str, Any]) -> str:
    text = json.dumps(
        content, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=str
    )
    return "sha256:" + hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def _as_read(value: Any) -> Any:
    """A value as a TOML reader gets it back from what `_scalar` writes (no re-parse)."""
    if isinstance(value, dict):
        return {k: _as_read(v) for k, v in value.items() if v is not None}
    if isinstance(value, (list, tuple)):
        return [_as_read(v) for v in value]
    if isinstance(value, dt.time):  # written to the second
        return value.replace(microsecond=0)
    return value


def _written_table(head: _Writer, rest: _Writer) -> dict[str, Any]:
    """The [[paragraphs]] table a reader gets from these two writers' tables: what the
    checksum is over, built from the canonical values written (tests/minutes check it
    equals the checksum of the re-parsed text)."""
    ((_header, root),) = head.tables
    table = _as_read(root)
    for header, values in rest.tables:
        table.setdefault(header.split(".", 1)[1], []).append(_as_read(values))
    return table


def _paragraph(
    out: _Writer, meeting: Meeting, item: Item, para: Paragraph, *, locked: bool = False
) -> None:
    """One [[paragraphs]] table and its sub-tables; a locked (justified) one with its checksum."""
    head, rest = _Writer(), _Writer()
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
    head: _Writer, out: _Writer, meeting: Meeting, item: Item, para: Paragraph
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
        _nonempty(values, keep=("number", "item", "title", "dnr", "decision")),
        array=True,
    )
    for section in item.extra_sections:
        out.table("paragraphs.sections", {"title": section.title, "text": section.text}, array=True)
    for doc in item.decision_basis:
        out.table(
            "paragraphs.decision_basis",
            _nonempty({"title": doc.title, "date": doc.date}),
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
        out.table("paragraphs.motions", _nonempty(values, keep=("party", "text")), array=True)
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
            out.table("paragraphs.questions", _nonempty(values), array=True)
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
        out.table("paragraphs.votes", _nonempty(values), array=True)
    for r in para.recusals:
        out.table(
            "paragraphs.recusals",
            _nonempty({"member": r.member, "substitute": r.substitute}),
            array=True,
        )
    for r in para.reservations:
        values = {"member": r.member, "motion": r.motion, "text": r.text}
        out.table("paragraphs.reservations", _nonempty(values), array=True)
    for n in para.notes:
        out.table(
            "paragraphs.notes", _nonempty({"by": n.by, "text": n.text}, keep=("text",)), array=True
        )
    for s in para.statements:
        out.table("paragraphs.statements", {"by": s.by, "text": s.text}, array=True)
    for n in para.adjustment_notes:
        out.table("paragraphs.adjustment_notes", {"by": n.by, "text": n.text}, array=True)
    for c in para.corrections:
        out.table("paragraphs.corrections", _correction(c), array=True)


# --- reading ----------------------------------------------------------------------------------


class ProtokollFileError(ProblemsError):
    """A protokoll.toml that cannot be used; `.problems` holds every finding."""


class _Reader(Reader):
    """The shared checks plus protokoll.toml's bounds and times kept as text."""

    def value(self, path: KeyPath, kind: str, value: Any) -> Any:
        if kind == "time" and isinstance(value, str):
            return value  # the fold stores what it got; written back as text
        if kind == "int" and is_kind(value, kind) and not 0 <= value <= MAX_NUMBER:
            # § numbers, counts, rounds: a negative or absurd number is a damaged file
            # (and a huge § range would exhaust memory when rendered).
            self.report(path, f"måste vara ett heltal 0–{MAX_NUMBER}")
            return None
        return super().value(path, kind, value)

    def table(
        self, raw: Any, path: KeyPath, spec: dict[str, str], required: tuple[str, ...] = ()
    ) -> dict[str, Any]:
        # The common case first, without building a key path per value: a table whose
        # keys and values are all as the spec says (the archive reads thousands of files).
        if type(raw) is dict and all(k in raw for k in required):
            for key, value in raw.items():
                kind = spec.get(key)
                if kind is None or not _plain_kind(value, kind):
                    break
            else:
                return dict(raw)
        return super().table(raw, path, spec, required)

    def one_of(self, values: dict[str, Any], path: tuple, key: str, allowed) -> None:
        if key in values and values[key] not in allowed:
            self.report(
                path + (key,), f"okänt värde {values[key]!r} (tillåtna: {', '.join(allowed)})"
            )
            del values[key]


def _plain_kind(value: Any, kind: str) -> bool:
    """`value` passes `_Reader.value` unchanged (as is_kind, with the int bound and a time
    kept as text)."""
    if kind == "str":
        return type(value) is str
    if kind == "int":
        return type(value) is int and 0 <= value <= MAX_NUMBER
    if kind == "time":
        return isinstance(value, (dt.time, str))
    if kind == "date":
        return is_kind(value, kind) and not date_range_problem(value)
    return is_kind(value, kind)


def _hhmm(value: dt.time | str | None) -> str:
    if isinstance(value, dt.time):
        return value.strftime("%H:%M") if not value.second else value.isoformat()
    return value or ""


_ROOT = {"format": "str", "meeting": "table", "justering": "table", "members": "tables",
         "officials": "tables", "attendance_changes": "tables", "corrections": "tables",
         "paragraphs": "tables", "personal_data": "str_list", "seal": "table",
         "revisions": "tables"}  # fmt: skip
_SEAL = {"checksum": "str", "signature": "str", "public_key": "str"}
_REVISION = {"version": "int", "previous": "str", "date": "date", "changes": "str_list"}
_MEETING = {"body": "str", "date": "date", "start": "time", "end": "time", "place": "str",
            "secretary": "str", "chair": "str", "kept_at": "str", "paragraph_prefix": "str",
            "minority_right": "str_list", "minority_fraction": "str", "first_paragraph": "int",
            "last_paragraph": "int", "breaks": "tables"}  # fmt: skip
_BREAK = {"from": "time", "to": "time"}
# due, notice_due, appeal_last_day are derived (weeks after a date in range: unbounded)
_JUSTERING = {"adjusters": "str_list", "adjuster_substitute": "str", "date": "date", "time": "time", "place": "str",
              "due": "any_date", "justered": "date", "posted": "date", "notice_due": "any_date",
              "appeal_last_day": "any_date"}  # fmt: skip
_MEMBER = {"name": "str", "party": "str", "role": "str", "present": "bool", "serving_for": "str"}
_OFFICIAL = {"name": "str", "title": "str", "items": "str_list"}
_CHANGE = {"member": "str", "kind": "str", "item": "str", "paragraph": "int", "for": "str",
           "at": "time"}  # fmt: skip
_CORRECTION = {"time": "str", "description": "str", "reason": "str"}
_PARAGRAPH = {
    "number": "int", "item": "str", "title": "str", "dnr": "str", "decision": "str_list",
    "immediate_justification": "bool", "status": "str", "justified": "bool",
    "referral_reason": "str", "category": "str", "officer": "str", "called_at": "time",
    "presenter": "str", "summary": "str", "background": "str", "proposal": "str",
    "preparation": "str", "proposed_decision": "str_list", "attachments": "str_list",
    "decision_basis": "tables", "dispatch": "str_list", "serving": "tables", "proposition_order": "str_list", "finding": "str",
    "sections": "tables", "motions": "tables", "votes": "tables", "recusals": "tables",
    "reservations": "tables", "notes": "tables", "statements": "tables",
    "corrections": "tables", "checksum": "str", "proposal_by": "str", "questions": "tables",
    "adjustment_notes": "tables", "secrecy": "str", "public_title": "str",
    "corrects_date": "date", "corrects_paragraph": "int", "minority_used": "str",
}  # fmt: skip
_SERVING = {"member": "str", "for": "str"}
_BASIS = {"title": "str", "date": "date"}
_SECTION = {"title": "str", "text": "str"}
_MOTION = {
    "id": "str",
    "by": "str",
    "party": "str",
    "kind": "str",
    "text": "str",
    "joined": "str_list",
}
_QUESTION = {"key": "str", "kind": "str", "proposals": "str_list", "finding": "str",
             "result": "str", "minority_supporters": "int", "minority_present": "int"}  # fmt: skip
_VOTE = {"round": "int", "question": "str", "counter": "bool", "yes": "str", "no": "str", "demanded_by": "str",
         "closed": "bool", "casting": "str", "yes_count": "int", "no_count": "int",
         "abstain_count": "int", "result": "str", "ballots": "tables"}  # fmt: skip
_BALLOT = {"member": "str", "vote": "str"}
_RECUSAL = {"member": "str", "substitute": "str"}
_RESERVATION = {"member": "str", "motion": "str", "text": "str"}
_NOTE = {"by": "str", "text": "str"}
_STATEMENT = {"by": "str", "text": "str"}


def _build(r: _Reader, data: dict[str, Any]) -> Minutes | None:
    root = r.table(data, (), _ROOT, ("format", "meeting"))
    fmt = root.get("format")
    if fmt is not None and fmt not in FORMATS_READ:
        r.report(
            ("format",),
            f"okänt format {fmt!r} – den här versionen av namndtui läser {FORMAT_PROTOKOLL!r}",
        )
        return None
    m = r.table(root.get("meeting", {}), ("meeting",), _MEETING, ("body", "date"))
    state = RecordState()
    state.opened_at = _hhmm(m.get("start"))
    state.closed_at = _hhmm(m.get("end"))
    for path, raw in r.tables(m, ("meeting",), "breaks"):
        b = r.table(raw, path, _BREAK, ("from",))
        state.breaks.append((_hhmm(b.get("from")), _hhmm(b.get("to"))))

    j = r.table(root.get("justering", {}), ("justering",), _JUSTERING)
    state.adjusters = list(j.get("adjusters", []))
    state.adjuster_substitute = j.get("adjuster_substitute", "")
    state.justering_date = j["date"].isoformat() if "date" in j else ""
    state.justering_time = _hhmm(j.get("time"))
    state.justering_place = j.get("place", "")
    state.justered_on = j["justered"].isoformat() if "justered" in j else ""
    state.posted_on = j["posted"].isoformat() if "posted" in j else ""

    members: list[Member] = []
    for path, raw in r.tables(root, (), "members"):
        v = r.table(raw, path, _MEMBER, ("name",))
        r.one_of(v, path, "role", ROLES)
        if "name" not in v:
            continue
        members.append(Member(v["name"], v.get("party", ""), v.get("role", "ledamot")))
        state.present[v["name"]] = v.get("present", False)
        if v.get("serving_for"):
            state.serving_for[v["name"]] = v["serving_for"]
    officials: list[Official] = []
    for path, raw in r.tables(root, (), "officials"):
        v = r.table(raw, path, _OFFICIAL, ("name",))
        if "name" in v:
            state.officials.append((v["name"], v.get("title", "")))
            officials.append(Official(v["name"], v.get("title", ""), tuple(v.get("items", []))))
    for path, raw in r.tables(root, (), "attendance_changes"):
        v = r.table(raw, path, _CHANGE, ("member", "kind", "item"))
        r.one_of(v, path, "kind", CHANGE_KINDS)
        if {"member", "kind", "item"} <= v.keys():
            state.changes.append(
                AttendanceChange(
                    v["member"], v["kind"], v["item"], v.get("for", ""), _hhmm(v.get("at"))
                )
            )
    state.corrections = _corrections(r, root, ())
    for path, raw in r.tables(root, (), "revisions"):
        v = r.table(raw, path, _REVISION, ("version", "previous"))
        if {"version", "previous"} <= v.keys():
            day = v["date"].isoformat() if "date" in v else ""
            state.revisions.append(
                Revision(v["version"], v["previous"], day, list(v.get("changes", [])))
            )

    items: list[Item] = []
    seen: dict[str, tuple] = {}
    tables = r.tables(root, (), "paragraphs")
    for path, raw in tables:
        built = _paragraph_from(r, path, raw)
        if built is None:
            continue
        item, para = built
        if item.id in seen:
            r.report(path + ("item",), f"{item.id!r} finns redan i {format_path(seen[item.id])}")
            continue
        seen[item.id] = path
        items.append(item)
        state.paragraphs[item.id] = para
    numbers = [p.number for p in state.paragraphs.values() if p.number is not None]
    state.next_number = max(numbers, default=0) + 1
    if not r.problems:  # a wrong type or key says more than the checksum it breaks
        for path, raw in tables:
            _verify_checksum(r, path, raw, justered=bool(state.justered_on))
        if not r.problems:  # a changed § is named; the seal then says nothing new
            # versions 1 and 2 may predate the seal: read without one, as unsealed
            sealed = bool(state.justered_on) and fmt == FORMAT_PROTOKOLL
            _verify_seal(r, data, root, justered=sealed)
    if r.problems:
        return None
    unsealed = bool(state.justered_on) and SEAL not in root
    seal = root.get(SEAL)
    if isinstance(seal, dict) and isinstance(seal.get("signature"), str):
        state.seal_signatures[seal["checksum"]] = (seal["signature"], seal.get("public_key", ""))
    meeting = Meeting(
        body=m["body"],
        date=m["date"],
        start=m["start"] if isinstance(m.get("start"), dt.time) else None,
        place=m.get("place", ""),
        secretary=m.get("secretary", ""),
        kept_at=m.get("kept_at", ""),
        paragraph_prefix=m.get("paragraph_prefix", ""),
        minority_right=tuple(m.get("minority_right", ())),
        minority_fraction=m.get("minority_fraction", ""),
        members=tuple(members),
        officials=tuple(officials),
        items=tuple(items),
        personal_data=tuple(root.get("personal_data", ())),
        source=r.filename,
    )
    return Minutes(meeting, state, source=r.filename, unsealed=unsealed)


def _verify_checksum(r: _Reader, path: tuple, raw: Any, *, justered: bool = False) -> None:
    """A justified paragraph changed after it was written is reported, never accepted.

    A justified § (or any § of justered minutes) without its checksum is reported too:
    deleting the line must not unlock it; see docs/minutes.md.
    """
    if not isinstance(raw, dict):
        return
    number = raw.get("number")
    label = f"§ {number}" if isinstance(number, int) else format_path(path)
    if not isinstance(raw.get("checksum"), str):
        if raw.get("justified") is True or justered:
            r.problems.append(
                Problem(
                    r.filename,
                    r.locator.line(path),
                    f"{label} är justerad men saknar kontrollsumma (checksum)",
                )
            )
        return
    if raw["checksum"] == paragraph_checksum(raw):
        return
    r.problems.append(
        Problem(
            r.filename,
            r.locator.line(path),
            f"{label} har ändrats efter justeringen (kontrollsumman stämmer inte)",
        )
    )


def _verify_seal(r: _Reader, data: dict[str, Any], root: dict[str, Any], *, justered: bool) -> None:
    """Justered minutes carry a seal over the whole document; a change anywhere under it,
    a deleted or added §, or a missing seal is reported (docs/minutes.md, "The seal")."""
    if SEAL not in root:
        if justered:
            r.problems.append(
                Problem(
                    r.filename,
                    r.locator.line(("justering", "justered")),
                    "protokollet är justerat men saknar sigill ([seal])",
                )
            )
        return
    seal = r.table(root[SEAL], (SEAL,), _SEAL, ("checksum",))
    if "checksum" not in seal:
        return
    if seal["checksum"] == document_seal(data):
        _verify_signature(r, seal)
        return
    r.problems.append(
        Problem(
            r.filename,
            r.locator.line((SEAL, "checksum")),
            "protokollet har ändrats efter justeringen (sigillet stämmer inte)",
        )
    )


def _verify_signature(r: _Reader, seal: dict[str, Any]) -> None:
    """A signed seal must carry a good ed25519 signature by the key beside it."""
    if "signature" not in seal and "public_key" not in seal:
        return
    from namndtui.minutes.signing import verify

    if verify(seal["checksum"], seal.get("signature", ""), seal.get("public_key", "")):
        return
    r.problems.append(
        Problem(
            r.filename,
            r.locator.line((SEAL, "signature" if "signature" in seal else "public_key")),
            "sigillets signatur stämmer inte (protokollet eller signaturen har ändrats)",
        )
    )


def _corrections(r: _Reader, raw: dict[str, Any], path: tuple) -> list[Correction]:
    out = []
    for p, t in r.tables(raw, path, "corrections"):
        v = r.table(t, p, _CORRECTION, ("reason",))
        out.append(Correction(v.get("reason", ""), v.get("description", ""), v.get("time", "")))
    return out


def _questions_from(r: _Reader, v: dict[str, Any], path: tuple, para: Paragraph) -> None:
    """The chair's findings in the order put; a file without questions (version 1) gives
    its one finding to the question its motion belongs to."""
    tables = r.tables(v, path, "questions")
    for p, t in tables:
        s = r.table(t, p, _QUESTION, ("key", "kind"))
        r.one_of(s, p, "kind", qs.KINDS)
        if "key" in s:
            qs.note_put(para, s["key"])
            if s.get("finding"):
                para.findings[s["key"]] = s["finding"]
            if {"minority_supporters", "minority_present"} <= s.keys():
                para.minority[s["key"]] = (s["minority_supporters"], s["minority_present"])
    if not tables and para.finding:
        key = qs.question_of_motion(para, para.finding)
        para.findings[key] = qs.proposal_of(para, para.finding)
        qs.note_put(para, key)
    para.ended_by = stop.key if (stop := qs.ended(None, para)) is not None else ""


def _paragraph_from(r: _Reader, path: tuple, raw: Any) -> tuple[Item, Paragraph] | None:
    v = r.table(raw, path, _PARAGRAPH, ("number", "item", "title"))
    r.one_of(v, path, "status", STATUSES)
    sections = []
    for p, t in r.tables(v, path, "sections"):
        s = r.table(t, p, _SECTION, ("title", "text"))
        sections.append(Section(s.get("title", ""), s.get("text", "")))
    basis = []
    for p, t in r.tables(v, path, "decision_basis"):
        s = r.table(t, p, _BASIS, ("title",))
        basis.append(BasisDocument(s.get("title", ""), s.get("date")))
    status = v.get("status", DECIDED)
    decision = list(v.get("decision", []))
    para = Paragraph(
        item=v.get("item", ""),
        number=v.get("number"),
        status=status,
        called_at=_hhmm(v.get("called_at")),
        presenter=v.get("presenter", ""),
        proposition_order=list(v.get("proposition_order", [])),
        finding=v.get("finding", ""),
        decision=decision if (decision or status == DECIDED) else None,
        immediate_justification=v.get("immediate_justification", False),
        referral_reason=v.get("referral_reason", ""),
        justified=v.get("justified", False),
    )
    for p, t in r.tables(v, path, "serving"):
        s = r.table(t, p, _SERVING, ("member",))
        if "member" in s:
            para.serving[s["member"]] = s.get("for", "")
    for p, t in r.tables(v, path, "motions"):
        s = r.table(t, p, _MOTION, ("id", "by", "kind"))
        r.one_of(s, p, "kind", tuple(MOTION_PHRASES))
        if {"id", "by", "kind"} <= s.keys():
            para.motions.append(
                Motion(s["id"], s["by"], s["kind"], s.get("text", ""), list(s.get("joined", [])))
            )
    for p, t in r.tables(v, path, "votes"):
        s = r.table(t, p, _VOTE, ("round", "yes", "no"))
        vote = VoteRound(
            s.get("round", 0), s.get("yes", ""), s.get("no", ""), s.get("demanded_by", ""),
            casting=s.get("casting", ""), closed=s.get("closed", False), counter=s.get("counter", False),
            question=s.get("question", qs.MAIN),
        )  # fmt: skip
        for bp, bt in r.tables(s, p, "ballots"):
            b = r.table(bt, bp, _BALLOT, ("member", "vote"))
            r.one_of(b, bp, "vote", VOTE_ANSWERS)
            if {"member", "vote"} <= b.keys():
                vote.votes[b["member"]] = b["vote"]
        para.votes.append(vote)
    for p, t in r.tables(v, path, "recusals"):
        s = r.table(t, p, _RECUSAL, ("member",))
        para.recusals.append(Recusal(s.get("member", ""), s.get("substitute", "")))
    for p, t in r.tables(v, path, "reservations"):
        s = r.table(t, p, _RESERVATION, ("member",))
        para.reservations.append(
            Reservation(s.get("member", ""), s.get("text", ""), s.get("motion", ""))
        )
    for p, t in r.tables(v, path, "notes"):
        s = r.table(t, p, _NOTE, ("text",))
        para.notes.append(Note(s.get("text", ""), s.get("by", "")))
    for p, t in r.tables(v, path, "statements"):
        s = r.table(t, p, _STATEMENT, ("by", "text"))
        para.statements.append(Statement(s.get("by", ""), s.get("text", "")))
    for p, t in r.tables(v, path, "adjustment_notes"):
        s = r.table(t, p, _NOTE, ("by", "text"))
        para.adjustment_notes.append(Note(s.get("text", ""), s.get("by", "")))
    para.corrections = _corrections(r, v, path)
    _questions_from(r, v, path, para)
    if not {"number", "item", "title"} <= v.keys():
        return None
    item = Item(
        id=v["item"],
        title=v["title"],
        dnr=v.get("dnr", ""),
        officer=v.get("officer", ""),
        proposal_by=v.get("proposal_by", ""),
        summary=v.get("summary", ""),
        background=v.get("background", ""),
        proposal=v.get("proposal", ""),
        preparation=v.get("preparation", ""),
        proposed_decision=tuple(v.get("proposed_decision", [])),
        immediate_justification=v.get("immediate_justification", False),
        attachments=tuple(v.get("attachments", [])),
        extra_sections=tuple(sections),
        category=v.get("category", ""),
        secrecy=v.get("secrecy", ""),
        public_title=v.get("public_title", ""),
        dispatch=tuple(v.get("dispatch", [])),
        decision_basis=tuple(basis),
        corrects=(
            ParagraphRef(v["corrects_date"], v["corrects_paragraph"])
            if {"corrects_date", "corrects_paragraph"} <= v.keys()
            else None
        ),
        minority_used=v.get("minority_used", ""),
    )
    return item, para


def parse_protokoll_text(text: str, filename: str = PROTOKOLL_FILENAME) -> Minutes:
    """Minutes from the text of a protokoll.toml. Raises ProtokollFileError."""
    try:
        data = parse_toml(text, filename)  # messages in Swedish, like meeting.toml's
    except ProblemsError as err:
        raise ProtokollFileError(err.problems, err.exit_code) from None
    reader = _Reader(text, filename)
    minutes = _build(reader, data)
    if minutes is None or reader.problems:
        problems = sorted(reader.problems, key=lambda p: p.line or 0)
        raise ProtokollFileError(problems, EXIT_FINDINGS)
    return minutes


def load_protokoll(path: str | Path) -> Minutes:
    """Load a protokoll.toml (or a folder holding one) into `Minutes`.

    Raises ProtokollFileError: exit code 2 when the file cannot be read or parsed, 1 when
    it is TOML but not valid minutes. Messages are `FILE:LINE: key: message`.
    """
    path = Path(path)
    if path.is_dir():
        path = path / PROTOKOLL_FILENAME
    try:
        data = read_input(path)
    except OSError as err:  # missing, a FIFO, /dev/zero, a symlink loop, too big
        raise ProtokollFileError(
            [Problem(str(path), None, input_problem(err))], EXIT_UNREADABLE
        ) from None
    text, problems = decode_meeting_bytes(data, str(path))
    if text is None:
        raise ProtokollFileError(problems, EXIT_UNREADABLE)
    return parse_protokoll_text(text, str(path))
