"""The minority right for formal motions: minoritetsåterremiss and minoritetsbordläggning.

Where the body's rules give it (kommunfullmäktige: KL 5 kap. 50 §; a nämnd only if its
reglemente says so — by law a minority of a nämnd cannot force either), an återremiss or a
bordläggning that at least a share (one third) of the present members asks for is decided
without a majority: the item is återremitterat / bordlagt. The meeting file says which
formal motions carry the right and the share (`Meeting.minority_right`,
`Meeting.minority_share`); "present" are the members serving on the item (ledamöter and
tjänstgörande ersättare, not the recused). See docs/record.md "The minority right".
"""

from __future__ import annotations

import math
from fractions import Fraction

from namndtui.model import Item, Meeting
from namndtui.record.serving import serving
from namndtui.record.state import Paragraph, RecordState
from namndtui.record.state_parts import VoteRound

_ORDINAL = {3: "tredjedel", 4: "fjärdedel", 5: "femtedel", 6: "sjättedel", 7: "sjundedel",
            8: "åttondel", 9: "niondel", 10: "tiondel"}  # fmt: skip
_NUMBER = {
    1: "en",
    2: "två",
    3: "tre",
    4: "fyra",
    5: "fem",
    6: "sex",
    7: "sju",
    8: "åtta",
    9: "nio",
}
NOUN = {"återremiss": "minoritetsåterremiss", "bordläggning": "minoritetsbordläggning"}


def applies(meeting: Meeting, kind: str) -> bool:
    """The body's rules give a minority the right to force this formal motion."""
    return kind in meeting.minority_right


def used_before(item: Item) -> str:
    """Why the right is not given again in this ärende ("" when it is): a minority forced a
    bordläggning or återremiss of it at an earlier meeting (`Item.minority_used`), and the
    right is used once per ärende, whichever formal motion it was."""
    if not item.minority_used:
        return ""
    return (
        f"Minoritetsrätten har redan använts i ärendet ({NOUN[item.minority_used]} vid ett "
        "tidigare sammanträde) och ges bara en gång per ärende; ordföranden prövar "
        "yrkandet (f)."
    )


def present(meeting: Meeting, state: RecordState, item_id: str) -> int:
    """The present members the share is counted of: those serving on the item."""
    return len(serving(meeting, state, item_id))


def forced_kind(item: Item, para: Paragraph) -> str:
    """The formal motion a minority forced in this ärende: at this meeting (the motion that
    ended it was a MinorityDemand) or earlier (`Item.minority_used`); "" = none. What
    `namndtui new --from` carries, so the right is not given twice."""
    if para.ended_by in para.minority and (motion := para.motion(para.ended_by)) is not None:
        return motion.kind
    return item.minority_used


def needed(share: Fraction, present_count: int) -> int:
    """The fewest supporters that are at least `share` of `present_count` (never 0)."""
    return max(1, math.ceil(share * present_count))


def met(share: Fraction, supporters: int, present_count: int) -> bool:
    return supporters >= needed(share, present_count)


def parse_supporters(text: str) -> int | None:
    """The count the secretary typed ('4', ' 4 '); None unless plain digits 0–9 (not '²',
    '٣' or '-3', which `str.isdigit` or `int` would take or choke on)."""
    text = text.strip()
    if not (text.isascii() and text.isdigit()) or len(text) > 6:
        return None
    return int(text)


def share_words(share: Fraction) -> str:
    """1/3 -> 'en tredjedel', 2/5 -> 'två femtedelar', 1/2 -> 'hälften'."""
    if share == Fraction(1, 2):
        return "hälften"
    p, q = share.numerator, share.denominator
    noun = _ORDINAL.get(q, f"{q}-del")
    return f"{_NUMBER.get(p, str(p))} {noun}{'' if p == 1 else 'ar'}"


def supporters_in_vote(r: VoteRound, motion_id: str) -> int:
    """How many voted for the motion in a counted round of its formal question."""
    ja, nej, _ = r.tally()
    return ja if r.yes == motion_id else nej if r.no == motion_id else 0


def changed_rules(meeting: Meeting, state: RecordState) -> list[str]:
    """A Swedish line per recorded minority demand that the meeting file's rules no longer
    carry (`minority_right` or `minority_fraction` edited after the meeting): the minutes
    would state a right or a share that did not hold ([] when all still hold)."""
    out = []
    share = meeting.minority_share
    for para in state.paragraphs.values():
        for motion_id, (supporters, present_count) in para.minority.items():
            motion = para.motion(motion_id)
            if motion is None or motion.kind not in NOUN:
                continue
            label = f"§ {para.number}" if para.number is not None else para.item
            where = f"{label}: {NOUN[motion.kind]} ({supporters} av {present_count})"
            if not applies(meeting, motion.kind):
                out.append(
                    f"{where} är registrerad, men meeting.toml ger inte längre minoriteten "
                    "den rätten (minority_right) – ändrades reglerna efter sammanträdet?"
                )
            elif not met(share, supporters, present_count):
                out.append(
                    f"{where} är färre än {share_words(share)} (minority_fraction i "
                    "meeting.toml) – ändrades andelen efter sammanträdet?"
                )
    return out
