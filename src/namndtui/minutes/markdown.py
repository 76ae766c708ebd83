"""protokoll.md: the minutes document rendered as CommonMark (+ GFM tables for votes).

The layout is PRACTICE.md's as far as Markdown carries it (docs/minutes.md): the page-1
ingress as labelled fields, the signatures, the ANSLAG/BEVIS block, the contents, then one
`## § N Title` per paragraph with `###` sub-headings. The document is built once
(`namndtui.minutes.document`); the template (`templates/<layout>/protokoll.md.j2`) only
lays it out, and every piece of user text goes through `escape_md`.
"""

from __future__ import annotations

from namndtui.minutes.document import build_document
from namndtui.minutes.escape import escape_md, md_list, md_paragraphs
from namndtui.minutes.model import Minutes
from namndtui.minutes.paragraph import build_paragraph
from namndtui.minutes.render import render_document_markdown, render_paragraph_md
from namndtui.minutes.settings import DEFAULT, ProtokollSettings
from namndtui.model import Meeting
from namndtui.record.state import RecordState

__all__ = ["escape_md", "md_list", "md_paragraphs", "render_markdown", "render_paragraph_markdown"]


def render_markdown(minutes: Minutes, settings: ProtokollSettings = DEFAULT) -> str:
    """protokoll.md for the minutes (deterministic: same minutes, same bytes)."""
    return render_document_markdown(build_document(minutes, settings), settings)


def render_paragraph_markdown(
    meeting: Meeting, state: RecordState, item_id: str, settings: ProtokollSettings = DEFAULT
) -> str:
    """One § exactly as the minutes will read it (for the live Protokoll view)."""
    item = meeting.item(item_id)
    if item is None:
        raise KeyError(item_id)
    para = build_paragraph(meeting, state, item, state.paragraph(item_id), settings)
    return render_paragraph_md(para, settings)
