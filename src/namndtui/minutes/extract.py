"""Protokollsutdrag: the page header, one paragraph exactly as in the minutes, "Beslutet
skickas till" and the Utdragsbestyrkande.

An immediately justified paragraph can be extracted during the meeting; a paragraph that is
not yet justified is still printed, marked "UTKAST – EJ JUSTERAT".
"""

from __future__ import annotations

import re

from namndtui.errors import UserError
from namndtui.minutes.document import Document, build_extract
from namndtui.minutes.model import Minutes, numbered_paragraphs
from namndtui.minutes.paragraph import build_paragraph
from namndtui.minutes.render import render_document_html, render_document_markdown
from namndtui.minutes.settings import DEFAULT, ProtokollSettings

_NUMBER = re.compile(r"^\s*(?:§{1,2}\s*)?(\d+)\s*$")
MAX_PARAGRAPH = 999999  # as in protokoll.toml and first_paragraph


def parse_paragraph_number(text: str) -> int:
    """'§125', '125', '§ 125' -> 125. Raises UserError (exit 2) for anything else."""
    match = _NUMBER.match(text)
    if not match:
        raise UserError(f"ogiltigt paragrafnummer {text!r} – skriv t.ex. §125 eller 125", 2)
    digits = match.group(1).lstrip("0") or "0"
    if len(digits) > len(str(MAX_PARAGRAPH)) or int(digits) > MAX_PARAGRAPH:
        shown = digits if len(digits) <= 12 else f"{digits[:6]}…({len(digits)} siffror)"
        raise UserError(f"paragrafnumret {shown} är för stort (högst {MAX_PARAGRAPH})", 2)
    return int(digits)


def extract_document(
    minutes: Minutes, number: int, settings: ProtokollSettings = DEFAULT
) -> Document:
    """The extract of § `number`. Raises UserError (exit 1) if there is none."""
    meeting, state = minutes.meeting, minutes.state
    paragraphs = numbered_paragraphs(meeting, state)
    found = next(((i, p) for i, p in paragraphs if p.number == number), None)
    if found is None:
        numbers = [p.number for _, p in paragraphs]
        have = f"§§ {numbers[0]}–{numbers[-1]}" if numbers else "inga paragrafer ännu"
        raise UserError(f"§ {number} finns inte i protokollet ({have})", 1)
    item, para = found
    built = build_paragraph(meeting, state, item, para, settings, public=minutes.public)
    return build_extract(minutes, built, settings)


def render_extract(minutes: Minutes, number: int, settings: ProtokollSettings = DEFAULT) -> str:
    """The extract of § `number` as Markdown."""
    return render_document_markdown(extract_document(minutes, number, settings), settings)


def render_extract_html(
    minutes: Minutes, number: int, settings: ProtokollSettings = DEFAULT
) -> str:
    """The extract of § `number` as HTML (for its PDF)."""
    return render_document_html(extract_document(minutes, number, settings), settings)
