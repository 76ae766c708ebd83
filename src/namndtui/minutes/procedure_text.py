"""The wording of what happened on a § during the meeting: Yrkanden, Beslutsgång,
Omröstning, Reservation, Protokollsanteckning, Särskilt yttrande, Jäv.

`procedure_sections(meeting, state, item, para, settings)` is the one seam: it returns the
titled sections of a § (plain text blocks, `namndtui.minutes.blocks`) keyed by what they
hold; `namndtui.minutes.paragraph` puts them in the layout's order. The sentences are the
standard formulas of PRACTICE.md.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from namndtui.minutes import blocks as b
from namndtui.minutes.blocks import Block, end_sentence, join_names
from namndtui.minutes.model import active_motion, member_genitive, member_label
from namndtui.model import Item, Meeting
from namndtui.record.events import MOTION_KINDS
from namndtui.record.state import DECIDED, Motion, Paragraph, RecordState, VoteRound

if TYPE_CHECKING:
    from namndtui.minutes.settings import ProtokollSettings

# Section keys, in no particular order (the layout orders them).
MOTIONS = "yrkanden"
PROCEEDINGS = "beslutsgang"
VOTES = "omrostning"
RESERVATIONS = "reservation"
NOTES = "protokollsanteckning"
STATEMENTS = "sarskilt_yttrande"
RECUSALS = "jav"

_WITH_TEXT = {
    "bifall": "bifall",
    "avslag": "avslag",
    "återremiss": "återremiss",
    "bordläggning": "bordläggning",
    "ändring": "ändring",
    "tillägg": "tillägg",
    "eget": "bifall till eget förslag",
}
_WITHOUT_TEXT = dict(_WITH_TEXT, bifall="bifall till förvaltningens förslag")
_REF_NOUN = {
    "bifall": "bifallsyrkande",
    "avslag": "avslagsyrkande",
    "återremiss": "återremissyrkande",
    "bordläggning": "bordläggningsyrkande",
    "ändring": "ändringsyrkande",
    "tillägg": "tilläggsyrkande",
    "eget": "förslag",
}
PROPOSAL_REF = "förvaltningens förslag"
# Motions that stand against the proposed decision; when no one moves bifall, the proposed
# decision is still the other proposal the chair puts them against.
_AGAINST_PROPOSAL = {"avslag", "ändring", "eget"}


def motion_sentence(meeting: Meeting, motion: Motion) -> str:
    """'Anna Ek (M) yrkar avslag. Per Ås (V) instämmer.'"""
    who = member_label(meeting, motion.by)
    body = motion.text.strip()
    if body:
        sentence = f"{who} yrkar {_WITH_TEXT.get(motion.kind, motion.kind)}: {end_sentence(body)}"
    else:
        kind = _WITHOUT_TEXT.get(motion.kind, MOTION_KINDS.get(motion.kind, motion.kind))
        sentence = f"{who} yrkar {kind}."
    if motion.joined:
        names = join_names([member_label(meeting, j) for j in motion.joined])
        sentence += f" {names} instämmer."
    return sentence


def motion_ref(meeting: Meeting, para: Paragraph, motion_id: str) -> str:
    """How the minutes name a motion: 'Anna Eks (M) avslagsyrkande'."""
    motion = active_motion(para, motion_id)
    if motion is None:
        return PROPOSAL_REF
    noun = _REF_NOUN.get(motion.kind, "yrkande")
    return f"{member_genitive(meeting, motion.by)} {noun}"


def proposal_stands_implicitly(item: Item, para: Paragraph, order: list[str]) -> bool:
    """The item's proposed decision is a proposal of its own in the proposition: nobody
    moved bifall, and an avslag, ändring or eget motion stands against it.

    ("Ordföranden ställer proposition på förvaltningens förslag och Per Almqvists (V)
    avslagsyrkande …"). Only the wording: the record is unchanged.
    """
    if not item.proposed_decision:
        return False
    kinds = {m.kind for mid in order if (m := active_motion(para, mid)) is not None}
    return "bifall" not in kinds and bool(kinds & _AGAINST_PROPOSAL)


def _decided_as_proposed(item: Item, para: Paragraph) -> bool:
    """Decided without a vote, word for word as proposed (the record has no finding for
    the proposed decision: `b` records it as the decision)."""
    return (
        para.status == DECIDED
        and not para.votes
        and tuple(para.decision or ()) == tuple(item.proposed_decision)
    )


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def proposition_sentence(meeting: Meeting, item: Item, para: Paragraph) -> str:
    """'Ordföranden ställer proposition på … och finner att …' ('' when nothing was moved)."""
    order = [m for m in para.proposition_order if active_motion(para, m)]
    order = order or [m.id for m in para.active_motions]
    if not order:
        return ""
    implicit = proposal_stands_implicitly(item, para, order)
    refs = [motion_ref(meeting, para, m) for m in order]
    if implicit:
        refs.insert(0, PROPOSAL_REF)
    sentence = f"Ordföranden ställer proposition på {join_names(refs)}"
    if para.finding:
        sentence += (
            f" och finner att nämnden beslutat enligt {motion_ref(meeting, para, para.finding)}"
        )
    elif implicit and _decided_as_proposed(item, para):
        sentence += f" och finner att nämnden beslutat enligt {PROPOSAL_REF}"
    sentence += "."
    if para.votes:
        demanded = para.votes[0].demanded_by
        sentence += (
            f" Votering begärs av {member_label(meeting, demanded)}."
            if demanded
            else " Votering begärs."
        )
    return sentence


def _vote_outcome(meeting: Meeting, para: Paragraph, vote: VoteRound) -> str:
    ja, nej, avstar = vote.tally()
    winner = vote.winner
    ref = motion_ref(meeting, para, winner) if winner else ""
    outcome = (
        f"utser nämnden {ref} till motförslag i huvudvoteringen"
        if vote.counter
        else f"beslutar nämnden enligt {ref}"
    )
    if not winner:
        sentence = f"Rösterna är lika, {ja}–{nej}, och ingen utslagsröst är registrerad."
    elif ja == nej:
        sentence = (
            f"Rösterna är lika, {ja}–{nej}. Ordföranden använder sin utslagsröst "
            f"({vote.casting}-röst), och därmed {outcome}."
        )
    else:
        sentence = (
            f"Med {_count(ja, 'ja-röst', 'ja-röster')} mot "
            f"{_count(nej, 'nej-röst', 'nej-röster')} {outcome}."
        )
    if avstar:
        sentence += f" {_count(avstar, 'ledamot', 'ledamöter')} avstår från att rösta."
    return sentence


def vote_blocks(meeting: Meeting, para: Paragraph, vote: VoteRound, *, main: bool) -> list[Block]:
    """One vote round: the proposition it puts, the vote list, the result."""
    yes, no = motion_ref(meeting, para, vote.yes), motion_ref(meeting, para, vote.no)
    order = f"Nämnden godkänner följande propositionsordning: Ja-röst för {yes}, nej-röst för {no}."
    if vote.counter:
        intro = (
            "Kontrapropositionsvotering om vilket förslag som ska ställas mot huvudförslaget. "
            + order
        )
    else:
        intro = ("Huvudvotering. " if main else "") + order
    out = [b.text(intro)]
    if vote.votes:
        rows = [
            [member_label(meeting, name)] + ["X" if choice == c else "" for c in _CHOICES]
            for name, choice in vote.votes.items()
        ]
        out.append(b.table(["Ledamot", "Ja", "Nej", "Avstår"], rows))
    if not vote.closed:
        out.append(b.text("Omröstningen pågår."))
    else:
        out.append(b.text(_vote_outcome(meeting, para, vote)))
    return out


_CHOICES = ("ja", "nej", "avstår")


def _motions(meeting: Meeting, para: Paragraph) -> list[Block]:
    return [b.text(motion_sentence(meeting, m)) for m in para.active_motions]


def _votes(meeting: Meeting, para: Paragraph) -> list[Block]:
    main_vote = any(v.counter for v in para.votes)
    out: list[Block] = []
    for vote in para.votes:
        out += vote_blocks(meeting, para, vote, main=main_vote and not vote.counter)
    return out


def _reservations(meeting: Meeting, para: Paragraph) -> list[Block]:
    out: list[Block] = []
    for res in para.reservations:
        lead = f"{member_label(meeting, res.member)} reserverar sig mot beslutet"
        if res.motion:
            lead += " till förmån för eget yrkande"
        lead += " och lämnar följande skriftliga reservation:" if res.text.strip() else "."
        out += [b.text(lead), *b.texts(res.text)]
    return out


def _notes(meeting: Meeting, para: Paragraph) -> list[Block]:
    out: list[Block] = []
    for note in para.notes:
        if note.by:
            out.append(
                b.text(f"{member_label(meeting, note.by)} lämnar följande protokollsanteckning:")
            )
        out += b.texts(note.text)
    return out


def _statements(meeting: Meeting, para: Paragraph, label: str) -> list[Block]:
    noun = label.lower().replace("särskilt ", "särskilda ", 1)
    out: list[Block] = []
    for st in para.statements:
        out += [b.text(f"{member_label(meeting, st.by)} lämnar följande {noun}:")]
        out += b.texts(st.text)
    return out


def _recusals(meeting: Meeting, para: Paragraph) -> list[Block]:
    out = []
    for rec in para.recusals:
        sentence = (
            f"{member_label(meeting, rec.member)} anmäler jäv och deltar inte i handläggningen."
        )
        if rec.substitute:
            sentence += (
                f" I {member_genitive(meeting, rec.member)} ställe tjänstgör "
                f"{member_label(meeting, rec.substitute)}."
            )
        out.append(b.text(sentence))
    return out


Section = tuple[str, list[Block]]  # (heading, blocks)


def procedure_sections(
    meeting: Meeting,
    state: RecordState,
    item: Item,
    para: Paragraph,
    settings: ProtokollSettings,
) -> dict[str, Section]:
    """The titled sections of what happened on the §; a key is absent when it is empty."""
    del state  # part of the seam: the wording may depend on the meeting's record
    proposition = proposition_sentence(meeting, item, para)
    builders: dict[str, tuple[str, Callable[[], list[Block]]]] = {
        MOTIONS: ("Yrkanden", lambda: _motions(meeting, para)),
        PROCEEDINGS: ("Beslutsgång", lambda: [b.text(proposition)] if proposition else []),
        VOTES: ("Omröstning", lambda: _votes(meeting, para)),
        RESERVATIONS: ("Reservation", lambda: _reservations(meeting, para)),
        NOTES: ("Protokollsanteckning", lambda: _notes(meeting, para)),
        STATEMENTS: (
            settings.statement_label,
            lambda: _statements(meeting, para, settings.statement_label),
        ),
        RECUSALS: ("Jäv", lambda: _recusals(meeting, para)),
    }
    out: dict[str, Section] = {}
    for key, (title, build) in builders.items():
        if content := build():
            out[key] = (title, content)
    return out
