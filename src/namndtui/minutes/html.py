"""protokoll.html: the Markdown minutes rendered for printing (A4, via the browser to PDF).

markdown-it-py in CommonMark mode with tables and *without* raw HTML, so no user text can
inject markup; the print stylesheet (minutes/print.css) is embedded so the file stands
alone. The signatures and the notice start on a new page.
"""

from __future__ import annotations

import html
from functools import lru_cache
from importlib import resources

from markdown_it import MarkdownIt

from namndtui.minutes.markdown import NOTICE_HEADING, SIGNATURES_HEADING
from namndtui.textcheck import visible

_CLASSES = {SIGNATURES_HEADING: "signatures", NOTICE_HEADING: "notice"}


@lru_cache(maxsize=1)
def markdown_parser() -> MarkdownIt:
    """The parser every test and renderer uses: CommonMark + tables, raw HTML off."""
    return MarkdownIt("commonmark", {"html": False}).enable("table")


@lru_cache(maxsize=1)
def stylesheet() -> str:
    return resources.files("namndtui.minutes").joinpath("print.css").read_text(encoding="utf-8")


def markdown_to_html(markdown: str, title: str) -> str:
    """A complete, self-contained HTML document for `markdown`."""
    md = markdown_parser()
    tokens = md.parse(markdown)
    for n, tok in enumerate(tokens):
        if tok.type == "heading_open" and tok.tag == "h2" and n + 1 < len(tokens):
            content = tokens[n + 1].content
            if content in _CLASSES:
                tok.attrSet("class", _CLASSES[content])
            elif content.startswith("§"):
                tok.attrSet("class", "paragraph")
    body = md.renderer.render(tokens, md.options, {})
    return (
        "<!doctype html>\n"
        '<html lang="sv">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{html.escape(visible(title))}</title>\n"
        f"<style>\n{stylesheet()}</style>\n</head>\n<body>\n<main>\n{body}</main>\n</body>\n</html>\n"
    )
