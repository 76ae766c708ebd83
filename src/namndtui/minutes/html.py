"""protokoll.html: the minutes document rendered as HTML for screen, print and PDF.

Jinja2 (`templates/<layout>/protokoll.html.j2`) with autoescape: no user text can become
markup. The stylesheet is embedded so the file stands alone; the page header, "Sida n (m)"
and the footer boxes are `@page` margin boxes (WeasyPrint and Chromium print them on every
page). `markdown_parser` is the CommonMark parser the TUI and the tests read Markdown with.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from namndtui.minutes.document import build_document
from namndtui.minutes.model import Minutes
from namndtui.minutes.render import render_document_html
from namndtui.minutes.settings import DEFAULT, ProtokollSettings

if TYPE_CHECKING:
    from markdown_it import MarkdownIt


@lru_cache(maxsize=1)
def markdown_parser() -> MarkdownIt:
    """The parser every test and renderer uses: CommonMark + tables, raw HTML off.
    (markdown-it is imported here, not with the module: `export` never parses Markdown.)"""
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark", {"html": False}).enable("table")


def render_html(
    minutes: Minutes, settings: ProtokollSettings = DEFAULT, *, public: bool = False
) -> str:
    """protokoll.html for the minutes (deterministic)."""
    return render_document_html(build_document(minutes, settings, public=public), settings)
