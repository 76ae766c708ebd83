"""Justered minutes on disk are never rewritten behind the secretary's back.

Once protokoll.toml is justered, writing it again (export, the TUI) is allowed only when
the new rendering is the same minutes (format line, seal and § checksums aside), or when
the journal explains the difference: some prefix of the journal, from the justering on,
renders exactly the minutes on disk, so what differs was recorded after them (the notice
of posting, a rättelse). Anything else — an edited meeting.toml, an edited journal, a
hand-edited protokoll.toml — is refused with one Swedish line per difference
(`Refusal.lines`), and nothing is written. `keep_old_version` keeps the old files beside
as protokoll.vN.* (never overwritten) for a deliberate new version (export --force).

The journal's record of the seal (MinutesSealed, at the justering and with each new
version) is cross-checked by `seal_findings` (validate, review).
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass, fields, is_dataclass, replace
from pathlib import Path
from typing import Any

from namndtui.meetingfile import decode_meeting_bytes
from namndtui.minutes.model import Minutes, paragraph_range
from namndtui.minutes.protokoll_format import PROTOKOLL_FILENAME, SEAL, lf_newlines
from namndtui.minutes.protokoll_write import render_document
from namndtui.minutes.signing import Signer
from namndtui.model import Meeting
from namndtui.record import events as ev
from namndtui.record.fold import apply_event, new_state
from namndtui.record.state import RecordState
from namndtui.storage import read_input
from namndtui.timeofday import clock
from namndtui.tomlcheck import ProblemsError, parse_toml

Entries = Sequence[tuple[int, str, ev.Event]]

# A line that may make the file justered: `justered = …` or the `[seal]` table (any layout).
_MAYBE_JUSTERED = re.compile(rb"^[ \t]*(?:justered[ \t]*=|\[[ \t]*seal[ \t]*\])", re.M)
KEPT_SUFFIXES = (".toml", ".md", ".html", ".pdf")  # the minutes files kept as a version
MAX_LINES = 12  # differences listed; the rest counted

_MEETING = {"body": "nämnd", "date": "datum", "start": "början", "end": "slut",
            "place": "plats", "secretary": "sekreterare", "chair": "ordförande",
            "kept_at": "förvaringsplats", "paragraph_prefix": "paragrafprefix",
            "minority_right": "minoritetsrätt", "minority_fraction": "minoritetens andel",
            "first_paragraph": "första §", "last_paragraph": "sista §",
            "breaks": "ajourneringar"}  # fmt: skip
_JUSTERING = {"adjusters": "justerare", "date": "justeringsdag", "time": "justeringstid",
              "place": "justeringsplats", "justered": "justerat", "posted": "anslaget"}  # fmt: skip
_DERIVED = ("due", "notice_due", "appeal_last_day")  # follow from the dates above
_MEMBER = {"party": "parti", "role": "roll", "serving_for": "tjänstgör för"}
_LISTS = {"officials": "övriga närvarande", "attendance_changes": "närvaroändringar",
          "corrections": "rättelser", "personal_data": "personuppgifter",
          "revisions": "versioner"}  # fmt: skip
_PARAGRAPH = {
    "title": "rubrik", "item": "ärende", "dnr": "diarienummer", "decision": "beslut",
    "status": "status", "justified": "justerad", "votes": "omröstning", "motions": "yrkanden",
    "reservations": "reservationer", "notes": "protokollsanteckningar",
    "statements": "särskilda uttalanden", "recusals": "jäv", "serving": "tjänstgörande",
    "questions": "propositioner", "proposed_decision": "förslag till beslut",
    "finding": "ordförandens proposition", "proposition_order": "propositionsordning",
    "corrections": "rättelser", "adjustment_notes": "justeringsanteckningar",
    "summary": "sammanfattning", "background": "bakgrund", "proposal": "förslag",
    "preparation": "beredning", "attachments": "bilagor", "decision_basis": "beslutsunderlag",
    "dispatch": "expedieras till", "officer": "handläggare", "presenter": "föredragande",
    "called_at": "uppropad", "immediate_justification": "omedelbar justering",
    "referral_reason": "skäl för återremiss", "category": "kategori", "secrecy": "sekretess",
    "public_title": "offentlig rubrik", "proposal_by": "förslag av", "sections": "avsnitt",
    "corrects_date": "rättar protokoll (datum)", "corrects_paragraph": "rättar protokoll (§)",
    "minority_used": "minoritetsrätten använd",
    "proposed_immediate_justification": "föreslagen omedelbar justering",
}  # fmt: skip


@dataclass(frozen=True)
class OnDisk:
    """Justered minutes found in a folder."""

    path: Path
    document: dict[str, Any]  # protokoll.toml as parsed
    justered: str  # the justering date as written ("" when only the seal says so)
    version: int  # 1, or the latest [[revisions]] version


@dataclass(frozen=True)
class Refusal:
    """Why `new` may not replace the justered minutes `old`."""

    old: OnDisk
    lines: list[str]  # Swedish, one difference a line

    def message(self, shown_path: str) -> str:
        """The command line's refusal (exit 2): what differs, and what --force does."""
        kept = next_kept_version(self.old.path.parent, self.old.version)
        when = f" {self.old.justered}" if self.old.justered else ""
        return "\n".join(
            [
                f"{shown_path}: protokollet är justerat{when} och skrivs inte om; det nya skiljer sig:"
            ]
            + [f"  {line}" for line in self.lines]
            + [
                f"Inget skrevs. Med --force sparas det nuvarande som protokoll.v{kept}.toml "
                f"(och .md/.html/.pdf) och det nya skrivs som version {kept + 1}."
            ]
        )


class JusteredMinutesChanged(Exception):
    """Raised by `minutes.write.write_minutes` (the TUI) instead of rewriting."""

    def __init__(self, refusal: Refusal) -> None:
        super().__init__("; ".join(refusal.lines))
        self.refusal = refusal


# --- what is on disk ---------------------------------------------------------------------


def justered_on_disk(folder: Path) -> OnDisk | None:
    """The justered minutes in `folder`, or None (none, not justered, or not TOML at all:
    nothing there to protect)."""
    path = Path(folder) / PROTOKOLL_FILENAME
    try:
        data = read_input(path)
    except OSError:
        return None
    if not _MAYBE_JUSTERED.search(data):
        return None  # the common case while a meeting runs: no parse
    text, _problems = decode_meeting_bytes(data, str(path))
    if text is None:
        return None
    try:
        document = parse_toml(lf_newlines(text), str(path))
    except ProblemsError:
        return None
    justering = document.get("justering")
    justered = justering.get("justered") if isinstance(justering, dict) else None
    if justered is None and SEAL not in document:
        return None
    return OnDisk(path, document, _text(justered) if justered else "", _version(document))


def _version(document: dict[str, Any]) -> int:
    revisions = document.get("revisions")
    numbers = [
        r["version"]
        for r in revisions
        if isinstance(r, dict) and type(r.get("version")) is int
    ] if isinstance(revisions, list) else []  # fmt: skip
    return max(numbers, default=1)


def _comparable(document: dict[str, Any]) -> dict[str, Any]:
    """The document without what only follows its content: the format line, the seal
    and the § checksums; its texts with LF newlines (minutes justered from a meeting.toml
    saved with CRLF kept a CR in each multi-line text, which the reader now drops: the same
    text, not a change after the justering)."""
    out = {k: _lf(v) for k, v in document.items() if k not in ("format", SEAL)}
    paragraphs = out.get("paragraphs")
    if isinstance(paragraphs, list):
        out["paragraphs"] = [
            {k: v for k, v in p.items() if k != "checksum"} if isinstance(p, dict) else p
            for p in paragraphs
        ]
    return out


def _lf(value: Any) -> Any:
    """`value` with every CRLF in its strings made LF (tables and arrays walked through)."""
    if isinstance(value, str):
        return lf_newlines(value)
    if isinstance(value, dict):
        return {k: _lf(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_lf(v) for v in value]
    return value


# --- the rule ------------------------------------------------------------------------------


def rewrite_refusal(
    new: Minutes, folder: Path, entries: Entries | None = None, *, own_folder: bool = True
) -> Refusal | None:
    """None when `new` may be written over the minutes in `folder`; else the Refusal.

    `entries` is the meeting's journal when the minutes come from one: a difference it
    explains (acts recorded after the minutes on disk were written) is allowed. In a
    folder not the meeting's own (`own_folder=False`: export --out to a publishing folder
    used meeting after meeting) only the same meeting's minutes (body and date) are kept
    from being rewritten; another meeting's are replaced as before."""
    old = justered_on_disk(folder)
    if old is None:
        return None
    document = render_document(new)
    if not own_folder and not _same_meeting(old.document, document):
        return None
    target = _comparable(old.document)
    if _comparable(document) == target:
        return None
    if entries is not None and journal_reproduces(new.meeting, entries, target):
        return None
    if entries is not None and _revision_not_yet_written(new, old, document):
        return None
    return Refusal(old, differences(old.document, document))


def _revision_not_yet_written(new: Minutes, old: OnDisk, document: dict[str, Any]) -> bool:
    """An `export --force` killed after it recorded the new version in the journal (its
    MinutesRevised and seal) but before it wrote the files: the minutes on disk are still
    the version before, already kept as the revision's `previous`, and the new minutes are
    exactly what the journal sealed. Writing them finishes that export; refusing them made
    the next --force record yet another version of the same change (round 4, kill -9)."""
    revisions = new.state.revisions
    if not revisions or old.version >= revisions[-1].version:
        return False
    previous = revisions[-1].previous
    if not re.fullmatch(r"protokoll\.v\d+\.toml", previous):  # a name from the journal
        return False
    try:
        kept = read_input(old.path.parent / previous)
        on_disk = read_input(old.path)
    except OSError:
        return False
    seal = document.get(SEAL)
    checksum = seal.get("checksum", "") if isinstance(seal, dict) else ""
    return kept == on_disk and bool(checksum) and recorded_seal(new.state) == checksum


def _same_meeting(old: dict[str, Any], new: dict[str, Any]) -> bool:
    before, after = _dict(old.get("meeting")), _dict(new.get("meeting"))
    return (before.get("body"), before.get("date")) == (after.get("body"), after.get("date"))


def journal_reproduces(meeting: Meeting, entries: Entries, target: dict[str, Any]) -> bool:
    """True when the journal, cut after some act from the justering on, renders `target`
    (a comparable document): the minutes on disk are what the journal said then."""
    first = next(
        (n for n, (_, _, e) in enumerate(entries) if isinstance(e, ev.MinutesJustified)), None
    )
    if first is None:
        return False
    state = new_state(meeting)
    for n, (seq, time, event) in enumerate(entries):
        apply_event(meeting, state, event, seq, time)
        if n >= first and _comparable(render_document(Minutes(meeting, state))) == target:
            return True
    return False


# --- what differs, in Swedish --------------------------------------------------------------


def differences(old: dict[str, Any], new: dict[str, Any]) -> list[str]:
    """One short Swedish line per difference between two protokoll.toml documents."""
    lines: list[str] = []
    _table(lines, "sammanträdet", _dict(old.get("meeting")), _dict(new.get("meeting")), _MEETING)
    old_j, new_j = _dict(old.get("justering")), _dict(new.get("justering"))
    for key in _DERIVED:
        old_j.pop(key, None)
        new_j.pop(key, None)
    _table(lines, "justeringen", old_j, new_j, _JUSTERING)
    _members(lines, _named(old.get("members"), "name"), _named(new.get("members"), "name"))
    for key, label in _LISTS.items():
        if old.get(key) != new.get(key):
            lines.append(f"{label}: ändrade")
    _paragraphs(
        lines, _named(old.get("paragraphs"), "number"), _named(new.get("paragraphs"), "number")
    )
    known = {"format", SEAL, "meeting", "justering", "members", "paragraphs", *_LISTS}
    for key in sorted((old.keys() | new.keys()) - known):
        if old.get(key) != new.get(key):
            lines.append(f"fältet {key}: ändrat")
    if not lines:  # e.g. only the seal was edited by hand
        lines.append("sigillet eller kontrollsummorna skiljer sig")
    if len(lines) > MAX_LINES:
        rest = len(lines) - (MAX_LINES - 1)
        lines = lines[: MAX_LINES - 1] + [f"… och {rest} skillnader till"]
    return lines


def _dict(value: Any) -> dict[str, Any]:
    return dict(value) if isinstance(value, dict) else {}


def _named(tables: Any, key: str) -> dict[Any, dict[str, Any]]:
    """Tables of an array by their `key` (a member's name, a §'s number)."""
    if not isinstance(tables, list):
        return {}
    return {t[key]: t for t in tables if isinstance(t, dict) and key in t}


def _table(lines: list[str], where: str, old: dict, new: dict, labels: dict[str, str]) -> None:
    for key in [*old, *(k for k in new if k not in old)]:
        if old.get(key) != new.get(key):
            label = labels.get(key, key)
            lines.append(f"{where}: {label} {_show(old.get(key))} → {_show(new.get(key))}")


def _members(lines: list[str], old: dict, new: dict) -> None:
    for name in old.keys() - new.keys():
        lines.append(f"ledamöter: {name} finns inte längre")
    for name in new.keys() - old.keys():
        lines.append(f"ledamöter: {name} har tillkommit")
    for name in [n for n in old if n in new]:
        before, after = old[name], new[name]
        if bool(before.get("present")) != bool(after.get("present")):
            lines.append(f"närvaro: {name} {_presence(before)} → {_presence(after)}")
        _table(
            lines,
            f"ledamöter: {name}",
            _without(before, "present"),
            _without(after, "present"),
            _MEMBER,
        )


def _presence(member: dict[str, Any]) -> str:
    return "närvarande" if member.get("present") else "frånvarande"


def _without(table: dict[str, Any], *keys: str) -> dict[str, Any]:
    return {k: v for k, v in table.items() if k not in ("name", *keys)}


def _paragraphs(lines: list[str], old: dict, new: dict) -> None:
    for number in sorted(old.keys() | new.keys(), key=lambda n: (type(n) is not int, str(n))):
        before, after = old.get(number), new.get(number)
        if after is None:
            lines.append(f"§ {number} ({_show(before.get('title'))}) finns inte i det nya")
        elif before is None:
            lines.append(f"§ {number} ({_show(after.get('title'))}) är ny")
        else:
            _paragraph(lines, number, before, after)


def _paragraph(lines: list[str], number: Any, old: dict, new: dict) -> None:
    for key in [*old, *(k for k in new if k not in old)]:
        if key == "checksum" or old.get(key) == new.get(key):
            continue
        label = _PARAGRAPH.get(key, key)
        if _simple(old.get(key)) and _simple(new.get(key)):
            lines.append(f"§ {number}: {label} {_show(old.get(key))} → {_show(new.get(key))}")
        else:
            lines.append(f"§ {number}: {label} ändrade")


def _simple(value: Any) -> bool:
    if isinstance(value, list):
        return all(_simple(v) and not isinstance(v, list) for v in value)
    return not isinstance(value, dict)


def _show(value: Any, width: int = 40) -> str:
    """A value short enough for one line: text quoted and cut, lists joined, none '–'."""
    if value is None or value == "" or value == []:
        return "–"
    if isinstance(value, bool):
        return "ja" if value else "nej"
    if isinstance(value, list):
        return "; ".join(_show(v, width) for v in value)
    text = _text(value).replace("\n", " ")
    if isinstance(value, str):
        text = text if len(text) <= width else text[: width - 1] + "…"
        return f"”{text}”"
    return text


def _text(value: Any) -> str:
    """A value as the secretary reads it: dates ISO, times as the minutes write them, a span (an
    ajournering's from/to) joined with a dash, never Python's repr of a table."""
    if isinstance(value, dt.time):
        return clock(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dict):
        if set(value) == {"from", "to"}:
            return f"{_text(value['from'])}–{_text(value['to'])}"
        return ", ".join(f"{key} {_text(item)}" for key, item in value.items())
    return str(value)


# --- keeping the old version -----------------------------------------------------------------


def next_kept_version(folder: Path, version: int) -> int:
    """The number the version on disk is kept under: its own, or the next free one (no
    protokoll.vN.* of that number may exist: a kept version is never overwritten)."""
    number = max(version, 1)
    while any((folder / f"protokoll.v{number}{s}").exists() for s in KEPT_SUFFIXES):
        number += 1
    return number


def keep_old_version(old: OnDisk) -> tuple[int, str]:
    """Copy protokoll.toml/.md/.html/.pdf in the folder of `old` to protokoll.vN.* (new
    files only, fsynced); returns N and the name of the kept protokoll.toml."""
    folder = old.path.parent
    number = next_kept_version(folder, old.version)
    for suffix in KEPT_SUFFIXES:
        source = folder / f"protokoll{suffix}"
        if not source.is_file():
            continue
        data = source.read_bytes()
        fd = os.open(
            folder / f"protokoll.v{number}{suffix}", os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644
        )
        try:
            os.write(fd, data)
            os.fsync(fd)
        finally:
            os.close(fd)
    return number, f"protokoll.v{number}.toml"


# --- the journal's record of the seal ----------------------------------------------------------


def seal_of(minutes: Minutes) -> str:
    """The [seal] checksum of the minutes as they would be written ("" unless justered)."""
    seal = render_document(minutes).get(SEAL)
    return seal.get("checksum", "") if isinstance(seal, dict) else ""


def recorded_seal(state: RecordState) -> str:
    """The checksum of the latest seal the journal records (undone acts left out), or ""."""
    return next(
        (
            event.checksum
            for seq, _, event in reversed(state.log)
            if isinstance(event, ev.MinutesSealed) and seq not in state.undone
        ),
        "",
    )


def unrecorded_seal(minutes: Minutes) -> str:
    """The checksum of the seal justered minutes get now when the journal does not hold
    it (the justering itself, a notice of posting, a new version, a rättelse after the
    justering – one recorded while the key could not be used leaves it so until
    `namndtui export` records it); "" when it holds it or the minutes are not justered."""
    if not minutes.state.justered_on:
        return ""
    checksum = seal_of(minutes)  # the whole document rendered: once
    return "" if recorded_seal(minutes.state) == checksum else checksum


def new_seal(minutes: Minutes, signer: Signer | None = None) -> ev.MinutesSealed | None:
    """The seal to record for justered minutes whose seal the journal does not hold yet
    (`unrecorded_seal`), signed when the secretary has a key; None when it holds it
    already or the minutes are not justered."""
    checksum = unrecorded_seal(minutes)
    return seal_event(minutes, signer, checksum) if checksum else None


def seal_event(
    minutes: Minutes, signer: Signer | None = None, checksum: str = ""
) -> ev.MinutesSealed:
    """The journal's record of the seal the minutes get (recorded with the justering and
    with each new version), signed when the secretary has a key; `checksum` when it is
    known already (`seal_of(minutes)`)."""
    state = minutes.state
    version = state.revisions[-1].version if state.revisions else 1
    rng = paragraph_range(minutes.meeting, state)
    paragraphs = f" och § {rng[0]}–{rng[1]}" if rng else ""
    covers = f"protokoll.toml utom [seal]: sammanträdet, justeringen, närvaron{paragraphs}"
    checksum = checksum or seal_of(minutes)
    signed = signer.sign(checksum) if signer is not None else None
    if signed is None:
        return ev.MinutesSealed(checksum, version, covers)
    return ev.MinutesSealed(checksum, version, covers, signed.signature, signed.public_key)


def sign_in_place(minutes: Minutes, signer: Signer | None) -> None:
    """Sign the seal the minutes get now (minutes read from a protokoll.toml, which has no
    journal to record it in): the signature is written in its [seal]."""
    if signer is None or not minutes.state.justered_on:
        return
    checksum = seal_of(minutes)
    signed = signer.sign(checksum)
    minutes.state.seal_signatures[checksum] = (signed.signature, signed.public_key)


def signed_by(minutes: Minutes) -> str:
    """The public key that signed the seal of minutes read from a file ("" unsigned)."""
    return next(iter(minutes.state.seal_signatures.values()), ("", ""))[1]


def seal_findings(meeting: Meeting, entries: Entries, folder: Path) -> list[str]:
    """Where the journal's seals and the minutes in `folder` disagree (Swedish lines
    `FILE:LINE: …`; [] when they agree or there is nothing to compare)."""
    seals = [
        (n, seq, e) for n, (seq, _, e) in enumerate(entries) if isinstance(e, ev.MinutesSealed)
    ]
    revised = max(
        (n for n, (_, _, e) in enumerate(entries) if isinstance(e, ev.MinutesRevised)), default=-1
    )
    current = [(n, seq, e) for n, seq, e in seals if n > revised]  # this version's seals
    out = []
    wanted = {n: (seq, e) for n, seq, e in current}
    unmatched = _unmatched_seals(meeting, entries, wanted)
    if unmatched:  # or sealed when the reader kept the CRs of a CRLF meeting.toml
        crlf = _unmatched_seals(_with_crlf(meeting), entries, dict(unmatched))
        unmatched = [(n, seal) for n, seal in unmatched if (n, seal) in crlf]
    for _n, (seq, event) in unmatched:
        out.append(
            f"{folder / 'journal.jsonl'}:{seq + 1}: sigillet som registrerades här "
            f"({event.checksum[:19]}…) stämmer inte med det protokoll "
            "meeting.toml och journalen ger nu (ändrade efter justeringen)"
        )
    old = justered_on_disk(folder)
    if (
        old is not None
        and entries
        and not journal_reproduces(meeting, entries, _comparable(old.document))
    ):
        out.append(
            f"{old.path}: det justerade protokollet motsvarar inte journalen och "
            "meeting.toml (något av dem har ändrats efter justeringen)"
        )
    elif old is not None and entries and (unrecorded := _unrecorded_seal(old, seals)):
        out.append(
            f"{old.path}: sigillet ({unrecorded[:19]}…) är inte registrerat i journalen "
            "(skrivet av en äldre export, eller efter en rättelse när nyckeln inte gick att "
            "använda); namndtui export registrerar och signerar det"
        )
    return out


def _unmatched_seals(
    meeting: Meeting, entries: Entries, wanted: dict[int, tuple[int, ev.MinutesSealed]]
) -> list[tuple[int, tuple[int, ev.MinutesSealed]]]:
    """The seals in `wanted` (by entry index) that the minutes folded to there do not have."""
    if not wanted:
        return []
    out = []
    state = new_state(meeting)
    for n, (seq, time, event) in enumerate(entries):
        apply_event(meeting, state, event, seq, time)
        if n in wanted and seal_of(Minutes(meeting, state)) != wanted[n][1].checksum:
            out.append((n, wanted[n]))
    return out


def _with_crlf(value: Any) -> Any:
    """`value` (the meeting, its parts) with every newline in its texts a CRLF: the meeting
    as read from a CRLF meeting.toml before the reader turned CRLF into LF."""
    if isinstance(value, str):
        return value.replace("\n", "\r\n")
    if isinstance(value, tuple):
        return tuple(_with_crlf(v) for v in value)
    if isinstance(value, list):
        return [_with_crlf(v) for v in value]
    if isinstance(value, dict):
        return {k: _with_crlf(v) for k, v in value.items()}
    if is_dataclass(value) and not isinstance(value, type):
        changes = {f.name: _with_crlf(getattr(value, f.name)) for f in fields(value) if f.init}
        return replace(value, **changes)
    return value


def _unrecorded_seal(old: OnDisk, seals: list[tuple[int, int, ev.MinutesSealed]]) -> str:
    """The checksum in the [seal] of the minutes on disk when no MinutesSealed records it
    (a plain export wrote it without the lock, before it took one), else ""."""
    seal = old.document.get(SEAL)
    checksum = seal.get("checksum") if isinstance(seal, dict) else None
    if not isinstance(checksum, str) or not checksum:
        return ""
    return "" if any(e.checksum == checksum for _, _, e in seals) else checksum


def folder_seal_findings(folder: Path) -> list[str]:
    """`seal_findings` for a meeting folder (meeting.toml, journal.jsonl, protokoll.toml);
    [] when there is no journal, or the meeting or journal cannot be read (their own
    checks report that)."""
    from namndtui.errors import UserError
    from namndtui.meetingfile import MEETING_FILENAME
    from namndtui.minutes.source import load_meeting_for_record
    from namndtui.record.journal import JOURNAL_NAME, JournalError
    from namndtui.record.record import Record

    folder = Path(folder)
    if not (folder / JOURNAL_NAME).is_file() or not (folder / MEETING_FILENAME).is_file():
        return []
    try:
        meeting = load_meeting_for_record(folder / MEETING_FILENAME)
        record = Record.open(meeting, folder, readonly=True)
    except (UserError, JournalError, OSError):
        return []
    try:
        if record.corrupt is not None:
            return []
        return seal_findings(meeting, list(record.events), folder)
    finally:
        record.close()
