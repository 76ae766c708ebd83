"""protokoll.toml read back: `load_protokoll(path)` / `parse_protokoll_text(text)` → `Minutes`.

Every problem is located (`FILE:LINE: key: message`, in Swedish, like meeting.toml's) and
all are reported at once (`ProtokollFileError`). Derived keys (docs/minutes.md) are checked
for their kind but recomputed, not read. A justified § whose checksum does not match, and
justered minutes whose seal does not, are refused (`seal.py`). The archive reads thousands
of these files, so a table that is exactly as the schema says takes a fast path.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from namndtui.meetingfile import decode_meeting_bytes
from namndtui.minutes.model import Minutes
from namndtui.minutes.protokoll_format import (
    CHANGE_KINDS,
    FORMAT_PROTOKOLL,
    FORMATS_READ,
    MAX_NUMBER,
    PROTOKOLL_FILENAME,
    SEAL,
    lf_newlines,
)
from namndtui.minutes.seal import verify_checksum, verify_seal
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
from namndtui.record.state import DECIDED, STATUSES, Paragraph, RecordState
from namndtui.record.state_parts import (
    AttendanceChange,
    Correction,
    Motion,
    Note,
    Recusal,
    Reservation,
    Revision,
    Statement,
    VoteRound,
)
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
from namndtui.vocabulary import MOTION_PHRASES, VOTE_ANSWERS


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
    "immediate_justification": "bool", "proposed_immediate_justification": "bool",
    "status": "str", "justified": "bool",
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
            verify_checksum(r, path, raw, justered=bool(state.justered_on))
        if not r.problems:  # a changed § is named; the seal then says nothing new
            # versions 1 and 2 may predate the seal: read without one, as unsealed
            sealed = bool(state.justered_on) and fmt == FORMAT_PROTOKOLL
            verify_seal(r, data, root, justered=sealed)
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
        immediate_justification=v.get(
            "proposed_immediate_justification", v.get("immediate_justification", False)
        ),
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
    text = lf_newlines(text)
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
