"""The public files: protokoll-publicering.md and .html, checked before they are written.

`render_publication(minutes)` renders the public view (`public.public_minutes`) with the
ordinary renderers and runs the leak check (`check.LeakChecker`, against the complete
record) on each file's text. A file with a finding is never returned: `PublicationLeak`
carries the findings instead, and nothing is written.
"""

from __future__ import annotations

from dataclasses import dataclass

from namndtui.minutes.extract import render_extract
from namndtui.minutes.html import markdown_to_html
from namndtui.minutes.markdown import render_markdown
from namndtui.minutes.model import Minutes
from namndtui.secrecy.check import Finding, LeakChecker, plain_text
from namndtui.secrecy.public import public_minutes

PUBLIC_MARKDOWN = "protokoll-publicering.md"
PUBLIC_HTML = "protokoll-publicering.html"


@dataclass
class PublicationLeak(Exception):
    """The public rendering failed the leak check: (file name, finding) pairs."""

    findings: list[tuple[str, Finding]]


def check_rendered(files: dict[str, str], checker: LeakChecker) -> None:
    """Raise PublicationLeak when any of the rendered `files` (name -> text) fails."""
    findings = [
        (name, finding)
        for name, text in files.items()
        for finding in checker.check(plain_text(text, "." + name.rsplit(".", 1)[-1]))
    ]
    if findings:
        raise PublicationLeak(findings)


def render_publication(minutes: Minutes) -> dict[str, str]:
    """File name -> content of the public version. Raises PublicationLeak."""
    public = public_minutes(minutes)
    markdown = render_markdown(public)
    title = f"Protokoll {public.meeting.body} {public.meeting.date.isoformat()}"
    files = {PUBLIC_MARKDOWN: markdown, PUBLIC_HTML: markdown_to_html(markdown, title)}
    check_rendered(files, LeakChecker(minutes))
    return files


def render_public_extract(minutes: Minutes, number: int) -> str:
    """The public extract of § `number` (Markdown). Raises PublicationLeak, UserError."""
    text = render_extract(public_minutes(minutes), number)
    check_rendered({"utdrag.md": text}, LeakChecker(minutes))
    return text
