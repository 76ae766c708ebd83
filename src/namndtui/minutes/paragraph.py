"""One § of the minutes as a document part: its heading and its blocks in the layout's order.

Modern layout (PRACTICE.md, the default): Beslut → Reservation → Sammanfattning av ärendet
→ Beslutsunderlag → Jäv → Yrkanden → Beslutsgång → Omröstning → Protokollsanteckning →
Särskilt yttrande → Justeringsanteckning → Expedieras till (no change log: PRACTICE.md). The older layout puts the decision
("Nämndens beslut") after the proceedings and closes the § with a rule.
What happened at the meeting is worded by `procedure_text.procedure_sections`.
"""

from __future__ import annotations

from dataclasses import dataclass

from namndtui.minutes import blocks as b
from namndtui.minutes import procedure_text as pt
from namndtui.minutes.attendance_notes import paragraph_changes
from namndtui.minutes.beslutsgang import DEFAULT_PROPOSAL_BY, end_sentence
from namndtui.minutes.blocks import Block
from namndtui.minutes.model import effective_decision, immediate, is_justified
from namndtui.minutes.settings import OLDER, ProtokollSettings
from namndtui.model import Item, Meeting, ParagraphRef
from namndtui.record.state import REFERRED_BACK, TABLED, Paragraph, RecordState
from namndtui.secrecy.marking import original_mark, public_title, secrecy_ground, secret_sentence
from namndtui.vocabulary import IMMEDIATE_POINT, continues

IMMEDIATE_SENTENCE = "Paragrafen justeras omedelbart."

# Section keys of this module (the others are procedure_text's).
DECISION = "beslut"
SUMMARY = "arendet"
BASIS = "beslutsunderlag"
DISPATCH = "expedieras"

MODERN_ORDER = (
    DECISION,
    pt.RESERVATIONS,
    SUMMARY,
    BASIS,
    pt.RECUSALS,
    pt.MOTIONS,
    pt.PROCEEDINGS,
    pt.VOTES,
    pt.NOTES,
    pt.STATEMENTS,
    pt.ADJUSTMENT_NOTES,
    DISPATCH,
)
OLDER_ORDER = (
    pt.RECUSALS,
    SUMMARY,
    BASIS,
    pt.MOTIONS,
    pt.PROCEEDINGS,
    pt.VOTES,
    DECISION,
    pt.RESERVATIONS,
    pt.NOTES,
    pt.STATEMENTS,
    pt.ADJUSTMENT_NOTES,
    DISPATCH,
)


@dataclass(frozen=True)
class ParagraphDoc:
    """A § as printed: 'SN § 142' + title, the Dnr line, the blocks."""

    number: int | None
    label: str  # "§ 142", "SN § 142"; "§ –" before the item has a number
    title: str
    dnr: str  # "Dnr SN 2026/318" or ""
    blocks: tuple[Block, ...]
    justified: bool  # justified at the meeting or with the whole minutes
    immediate: bool  # "Paragrafen justeras omedelbart."
    dispatch: tuple[str, ...] = ()  # Expedieras till / Beslutet skickas till
    secrecy: str = ""  # the legal ground when the § is secret; "" = public

    @property
    def anchor(self) -> str:
        return f"p{self.number}" if self.number is not None else "p"


def paragraph_label(number: int | None, prefix: str = "") -> str:
    """'§ 142', 'SN § 142'; '§ –' without a number."""
    label = f"§ {number}" if number is not None else "§ –"
    return f"{prefix} {label}" if prefix else label


def correction_reference(ref: ParagraphRef, prefix: str = "") -> str:
    """'Rättelse av protokoll 2026-12-17 § 142' (PRACTICE.md "Corrections"): the line of a
    § that corrects an earlier meeting's § (`Item.corrects`), with the organ's prefix."""
    return f"Rättelse av protokoll {ref.date.isoformat()} {paragraph_label(ref.paragraph, prefix)}"


def referral_target(item: Item) -> str:
    """Who a referred-back item goes back to: whoever prepared the proposal
    (`proposal_by`: "kommunstyrelsen" in fullmäktige, "arbetsutskottet"), the administration
    ("förvaltningen") by default and when the chair made the proposal."""
    by = item.proposal_by.strip()
    return by if by and by.casefold() != "ordföranden" else DEFAULT_PROPOSAL_BY


def decision_blocks(item: Item, para: Paragraph) -> list[Block]:
    """The decision as the minutes state it (points numbered when more than one)."""
    if para.status == TABLED:
        out = [b.text("Ärendet bordläggs.")]
    elif para.status == REFERRED_BACK:
        decided = f"Ärendet återremitteras till {referral_target(item)}"
        reason = para.referral_reason.strip()
        if continues(reason):  # "för att …": one sentence, as the motion reads
            lead = "" if reason.startswith("för ") else "för att "
            out = b.texts(f"{decided} {lead}{end_sentence(reason)}")
        else:
            out = [b.text(f"{decided}.")]
            if reason:
                out += b.texts("Motivering: " + end_sentence(reason))
    else:
        points = effective_decision(item, para)
        if len(points) > 1:
            out = [b.numbered([p.strip() for p in points])]
        else:
            out = b.texts(points[0]) if points else []
        # No decision recorded (only a note, or not handled yet): no Beslut block at all;
        # PRACTICE.md has no formula for "no decision" and the § must not read as decided.
        if any(IMMEDIATE_POINT.search(point) for point in points):
            return out  # a point already says it ("… justerar paragrafen omedelbart.")
    if immediate(item, para):
        out.append(b.text(IMMEDIATE_SENTENCE))
    return out


def decision_basis(item: Item) -> list[str]:
    """Beslutsunderlag: 'Tjänsteutlåtande 2026-11-30', … (the attachments when none given)."""
    if basis := item.decision_basis:
        return [f"{d.title} {d.date.isoformat()}" if d.date else d.title for d in basis]
    return list(item.attachments)


def _sections(
    meeting: Meeting,
    state: RecordState,
    item: Item,
    para: Paragraph,
    settings: ProtokollSettings,
) -> dict[str, pt.Section]:
    sections = pt.procedure_sections(meeting, state, item, para, settings)
    if decision := decision_blocks(item, para):
        sections[DECISION] = (settings.decision_title, decision)
    if item.summary:
        sections[SUMMARY] = ("Sammanfattning av ärendet", b.texts(item.summary))
    if basis := decision_basis(item):
        sections[BASIS] = ("Beslutsunderlag", [b.bullets(basis)])
    if dispatch := item.dispatch:
        sections[DISPATCH] = ("Expedieras till", [b.bullets(list(dispatch))])
    return sections


def build_paragraph(
    meeting: Meeting,
    state: RecordState,
    item: Item,
    para: Paragraph,
    settings: ProtokollSettings,
    *,
    public: bool = False,
) -> ParagraphDoc:
    """The § as the minutes print it; with `public`, a secret § shows only its ground."""
    prefix = meeting.paragraph_prefix or settings.paragraph_prefix
    secrecy = secrecy_ground(item, para)
    title = item.title.replace("\n", " ")
    if public and secrecy:
        title = public_title(item)
        content = [b.text(secret_sentence(secrecy))]
    else:
        sections = _sections(meeting, state, item, para, settings)
        order = OLDER_ORDER if settings.layout == OLDER else MODERN_ORDER
        # The complete original names the ground on each secret §.
        content = [b.text(original_mark(secrecy))] if secrecy else []
        if item.corrects is not None:
            content.append(b.text(correction_reference(item.corrects, prefix)))
        start, end = paragraph_changes(meeting, state, para.number)
        content += [b.text(line) for line in start]  # who came, left, served from here
        for key in order:
            if key in sections:
                heading, body = sections[key]
                content += [b.heading(heading), *body]
        content += [b.text(line) for line in end]
    return ParagraphDoc(
        number=para.number,
        label=paragraph_label(para.number, prefix),
        title=title,
        dnr=item.dnr_label,
        blocks=tuple(content),
        justified=is_justified(state, para),
        immediate=immediate(item, para),
        dispatch=item.dispatch,
        secrecy=secrecy,
    )
