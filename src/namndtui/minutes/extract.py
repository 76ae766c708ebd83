"""Protokollsutdrag: the header of the meeting, one paragraph and the certification.

An immediately justified paragraph can be extracted during the meeting; a paragraph that is
not yet justified is still printed, but marked "Ej justerat" at the top and at the end.
"""

from __future__ import annotations

import re

from namndtui.errors import UserError
from namndtui.minutes.markdown import (
    SIGNATURE_LINE,
    escape_md,
    header_blocks,
    paragraph_blocks,
    secrecy_notice_blocks,
)
from namndtui.minutes.model import Minutes, is_justified, numbered_paragraphs

NOT_JUSTIFIED = "Ej justerat"
_NUMBER = re.compile(r"^\s*(?:§{1,2}\s*)?(\d+)\s*$")


def parse_paragraph_number(text: str) -> int:
    """'§125', '125', '§ 125' -> 125. Raises UserError (exit 2) for anything else."""
    match = _NUMBER.match(text)
    if not match:
        raise UserError(f"ogiltigt paragrafnummer {text!r} – skriv t.ex. §125 eller 125", 2)
    return int(match.group(1))


def render_extract(minutes: Minutes, number: int) -> str:
    """The extract of § `number` as Markdown. Raises UserError (exit 1) if there is none."""
    meeting, state = minutes.meeting, minutes.state
    found = next(
        ((i, p) for i, p in numbered_paragraphs(meeting, state) if p.number == number), None
    )
    if found is None:
        numbers = [p.number for _, p in numbered_paragraphs(meeting, state)]
        have = f"§§ {numbers[0]}–{numbers[-1]}" if numbers else "inga paragrafer ännu"
        raise UserError(f"§ {number} finns inte i protokollet ({have})", 1)
    item, para = found
    justified = is_justified(state, para)
    blocks = header_blocks(meeting, state, full=False)
    blocks[2:2] = secrecy_notice_blocks(minutes, [(item, para)])
    if not justified:
        blocks.append(f"**{NOT_JUSTIFIED}** – paragrafen är ännu inte justerad.")
    blocks += paragraph_blocks(meeting, state, item, para, public=minutes.public)
    if para.justified and not state.justered_on:
        blocks.append("Paragrafen justerades omedelbart vid sammanträdet.")
    elif state.justered_on:
        blocks.append(f"Protokollet justerades {escape_md(state.justered_on)}.")
    else:
        blocks.append(f"**{NOT_JUSTIFIED}.**")
    blocks += ["**Utdragsbestyrkande**", SIGNATURE_LINE]
    if meeting.secretary:
        blocks.append(escape_md(f"{meeting.secretary}, sekreterare"))
    return "\n\n".join(blocks) + "\n"
