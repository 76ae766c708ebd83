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


class Publication:
    """The public version of one record: its files and extracts, each checked."""

    def __init__(self, minutes: Minutes) -> None:
        self.minutes = minutes
        self.public = public_minutes(minutes)
        self.checker = LeakChecker(minutes)

    def files(self) -> dict[str, str]:
        """File name -> content of the public minutes. Raises PublicationLeak."""
        markdown = render_markdown(self.public)
        meeting = self.public.meeting
        title = f"Protokoll {meeting.body} {meeting.date.isoformat()}"
        files = {PUBLIC_MARKDOWN: markdown, PUBLIC_HTML: markdown_to_html(markdown, title)}
        check_rendered(files, self.checker)
        return files

    def extract(self, number: int) -> str:
        """The public extract of § `number` (Markdown). Raises PublicationLeak, UserError."""
        text = render_extract(self.public, number)
        check_rendered({"utdrag.md": text}, self.checker)
        return text


def render_publication(minutes: Minutes) -> dict[str, str]:
    """File name -> content of the public version. Raises PublicationLeak."""
    return Publication(minutes).files()


def render_public_extract(minutes: Minutes, number: int) -> str:
    """The public extract of § `number` (Markdown). Raises PublicationLeak, UserError."""
    return Publication(minutes).extract(number)
