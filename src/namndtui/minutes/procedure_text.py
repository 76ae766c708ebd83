"""The wording of what happened on a § during the meeting: Yrkanden, Beslutsgång,
Omröstning, Reservation, Protokollsanteckning, Särskilt yttrande, Jäv.

`procedure_sections(meeting, state, item, para, settings)` is the one seam: it returns the
titled sections of a § (plain text blocks, `namndtui.minutes.blocks`) keyed by what they
hold; `namndtui.minutes.paragraph` puts them in the layout's order. The sentences are the
standard formulas of PRACTICE.md; those of the beslutsgång come from
`namndtui.minutes.beslutsgang` (the order of the questions from `namndtui.record.questions`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from namndtui.minutes import beslutsgang as bg
from namndtui.minutes import blocks as b
from namndtui.minutes.blocks import Block
from namndtui.minutes.model import member_genitive, member_label
from namndtui.model import Item, Meeting
from namndtui.record.state import Paragraph, RecordState

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

ADJUSTMENT_NOTES = "justeringsanteckning"


def _motions(meeting: Meeting, item: Item, para: Paragraph) -> list[Block]:
    return [b.text(t) for t in bg.motion_sentences(meeting, item, para)]


def _proceedings(meeting: Meeting, item: Item, para: Paragraph) -> list[Block]:
    return [b.text(t) for t in bg.procedure_sentences(meeting, item, para)]


def _votes(meeting: Meeting, para: Paragraph) -> list[Block]:
    """One 'Omröstningslista nr N' per round: Ja · Nej · Avstår · Frånvarande."""
    out: list[Block] = []
    for vote_list in bg.vote_lists(meeting, para):
        rows = [
            [row.label] + ["X" if row.choice == c.lower() else "" for c in bg.VOTE_COLUMNS]
            for row in vote_list.rows
        ]
        out += [b.text(vote_list.title), b.table(["Ledamot", *bg.VOTE_COLUMNS], rows)]
    return out


def _lead_and_texts(pairs: list[tuple[str, list[str]]]) -> list[Block]:
    out: list[Block] = []
    for lead, texts in pairs:
        out.append(b.text(lead))
        for value in texts:
            out += b.texts(value)
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


def recusal_sentences(meeting: Meeting, para: Paragraph) -> list[str]:
    """The §'s jäv as the minutes word it (also the chair's follow view)."""
    out = []
    for rec in para.recusals:
        sentence = (
            f"{member_label(meeting, rec.member)} anmäler jäv och deltar inte i handläggningen "
            "av ärendet."
        )
        if rec.substitute:
            sentence += (
                f" I {member_genitive(meeting, rec.member)} ställe tjänstgör "
                f"{member_label(meeting, rec.substitute)}."
            )
        out.append(sentence)
    return out


def _recusals(meeting: Meeting, para: Paragraph) -> list[Block]:
    return [b.text(sentence) for sentence in recusal_sentences(meeting, para)]


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
    builders: dict[str, tuple[str, Callable[[], list[Block]]]] = {
        MOTIONS: ("Yrkanden", lambda: _motions(meeting, item, para)),
        PROCEEDINGS: ("Beslutsgång", lambda: _proceedings(meeting, item, para)),
        VOTES: ("Omröstning", lambda: _votes(meeting, para)),
        RESERVATIONS: (
            "Reservation",
            lambda: _lead_and_texts(bg.reservation_blocks(meeting, para)),
        ),
        ADJUSTMENT_NOTES: (
            "Justeringsanteckning",
            lambda: _lead_and_texts(bg.adjustment_note_blocks(meeting, para)),
        ),
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
