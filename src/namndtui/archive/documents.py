"""Minutes (a Meeting + its RecordState) → the documents the index stores, one per §.

One parser serves review and archive: the index reads protokoll.toml through
`namndtui.minutes.load_protokoll` and turns the result into these plain records here.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from namndtui.archive.text import (
    IMMEDIATE,
    KINDS,
    MOTION,
    NOTE,
    RECUSAL,
    REFERRED_KIND,
    RESERVATION,
    STATEMENT,
    TABLED_KIND,
    VOTE,
    clean,
    fold,
    normalize_dnr,
)

__all__ = ["KINDS", "MeetingInfo", "ParagraphDoc", "clean", "documents_of", "fold", "normalize_dnr"]

from namndtui.model import Item, Meeting
from namndtui.record.state import DECIDED, REFERRED_BACK, TABLED, Paragraph, RecordState
from namndtui.secrecy.marking import public_title, secrecy_ground, secret_sentence
from namndtui.vocabulary import MOTION_PHRASES


@dataclass
class MeetingInfo:
    body: str
    date: str  # YYYY-MM-DD
    first: int | None
    last: int | None
    count: int


@dataclass
class ParagraphDoc:
    """One § as indexed: searchable text, who took part, and the kinds of fact it holds."""

    number: int
    item: str
    title: str
    dnr: str
    text: str
    names: str
    facts: list[tuple[str, str]] = field(default_factory=list)  # (kind, member name or "")
    secret: str = ""  # the legal ground when the § is secret (OSL …), else ""
    public_title: str = ""  # what the public version calls a secret §

    def public(self) -> ParagraphDoc:
        """What the public part of the index may hold of this §: all of a public one; of a
        secret one its number, public title and the sentence the public minutes print."""
        if not self.secret:
            return self
        return ParagraphDoc(
            number=self.number,
            item=self.item,
            title=self.public_title,
            dnr="",
            text=secret_sentence(self.secret),
            names="",
            secret=self.secret,
            public_title=self.public_title,
        )


def _member_label(meeting: Meeting, name: str) -> str:
    member = meeting.member(name)
    return member.label if member else name


def _decision(item: Item, para: Paragraph) -> list[str]:
    if para.decision is not None:
        return list(para.decision)
    if para.status == DECIDED:
        return list(item.proposed_decision)
    return []


def paragraph_doc(
    meeting: Meeting, state: RecordState, item: Item, para: Paragraph
) -> ParagraphDoc:
    """The document of one numbered paragraph."""
    lines: list[str] = []
    facts: list[tuple[str, str]] = []
    names: list[str] = []

    def person(kind: str, name: str) -> None:
        facts.append((kind, name))
        if name and name not in names:
            names.append(name)

    decision = _decision(item, para)
    if decision:
        lines.append("Beslut: " + " ".join(decision))
    if para.status == TABLED:
        facts.append((TABLED_KIND, ""))
        lines.append("Ärendet bordlades.")
    if para.status == REFERRED_BACK:
        facts.append((REFERRED_KIND, ""))
        lines.append(
            "Ärendet återremitterades."
            + (f" {para.referral_reason}" if para.referral_reason else "")
        )
    for motion in para.active_motions:
        kind = MOTION_PHRASES.get(motion.kind, motion.kind)
        text = f" – {motion.text}" if motion.text else ""
        lines.append(f"Yrkande: {_member_label(meeting, motion.by)} {kind}{text}")
        person(MOTION, motion.by)
        for joined in motion.joined:
            person(MOTION, joined)
    for vote in para.votes:
        ja, nej, avstar = vote.tally()
        lines.append(f"Votering: ja {ja}, nej {nej}, avstår {avstar}.")
        facts.append((VOTE, ""))
        if vote.demanded_by:
            person(VOTE, vote.demanded_by)
        for voter in vote.votes:
            person(VOTE, voter)
    for res in para.reservations:
        text = f": {res.text}" if res.text else ""
        lines.append(f"Reservation: {_member_label(meeting, res.member)}{text}")
        person(RESERVATION, res.member)
    for note in para.notes:
        by = f"{note.by}: " if note.by else ""
        lines.append(f"Protokollsanteckning: {by}{note.text}")
        facts.append((NOTE, note.by))
        if note.by and note.by not in names:
            names.append(note.by)
    for st in para.statements:
        lines.append(f"Särskilt uttalande: {_member_label(meeting, st.by)}: {st.text}")
        person(STATEMENT, st.by)
    for rec in para.recusals:
        lines.append(f"Jäv: {_member_label(meeting, rec.member)}")
        person(RECUSAL, rec.member)
    immediate = (
        item.immediate_justification
        if para.immediate_justification is None
        else para.immediate_justification
    )
    if immediate:
        facts.append((IMMEDIATE, ""))
        lines.append("Paragrafen justeras omedelbart.")
    for section in item.report_sections():
        lines.append(f"{section.title}: {section.text}")
    ground = secrecy_ground(item, para)
    return ParagraphDoc(
        secret=clean(ground),
        public_title=clean(public_title(item)) if ground else "",
        number=para.number or 0,
        item=item.id,
        title=clean(item.title),
        dnr=clean(item.dnr),
        text=clean("\n".join(lines)),
        names=clean(" · ".join(names)),
        facts=[(k, clean(n)) for k, n in facts],
    )


def documents_of(meeting: Meeting, state: RecordState) -> tuple[MeetingInfo, list[ParagraphDoc]]:
    """The meeting's summary row and one document per numbered paragraph, in § order."""
    docs: list[ParagraphDoc] = []
    for item_id, para in state.paragraphs.items():
        item = meeting.item(item_id)
        if para.number is None or item is None:
            continue
        docs.append(paragraph_doc(meeting, state, item, para))
    docs.sort(key=lambda d: d.number)
    numbers = [d.number for d in docs]
    info = MeetingInfo(
        body=clean(meeting.body),
        date=meeting.date.isoformat(),
        first=min(numbers) if numbers else None,
        last=max(numbers) if numbers else None,
        count=len(docs),
    )
    return info, docs
