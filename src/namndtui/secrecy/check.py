"""The leak check: does a document meant for the public hold what it must not?

A `LeakChecker` finds, in a document's text,

- anything shaped like a personnummer or samordningsnummer (`mask.PERSONNUMMER`);
- the names listed in the record's `personal_data` (also in the genitive);
- text of the record's secret items: their titles, report sections, proposed decisions,
  attachments, decisions, motions, notes, reservations, statements and corrections.
  Text is compared as words (case-folded, punctuation, Markdown escapes, HTML tags and
  line breaks ignored), in runs of six words (the whole text when shorter, from two
  words), so a wrapped line or a re-flowed PDF is still caught. A run that also occurs in
  a public text of the same record (a decision phrased like a public one) is no finding.

`read_document(path)` gives the text of .md, .txt, .html and .pdf files with their lines.
Findings are `Finding(line, message)` in Swedish; `namndtui check-public` prints them as
`FILE:LINE: message`.
"""

from __future__ import annotations

import bisect
import dataclasses
import html
import io
import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from namndtui.errors import pdf_reason
from namndtui.minutes.model import Minutes
from namndtui.secrecy.marking import secrecy_ground
from namndtui.secrecy.mask import PERSONNUMMER, names_pattern
from namndtui.secrecy.public import BOOKKEEPING as _BOOKKEEPING
from namndtui.storage import input_problem, read_input

# A published PDF of a long meeting with scanned attachments can be large; far past that
# is no document to check.
MAX_DOCUMENT_BYTES = 512 * 1024 * 1024

WINDOW = 6  # words per compared run of secret text
MIN_WORDS = 2  # a secret text of fewer words is not checked (it says nothing alone)
_WORD = re.compile(r"\w+")
_TAG = re.compile(r"<[^>]*>", re.DOTALL)
_MD_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
_MD_ENTITY = re.compile(r"(?<!\\)&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
SUFFIXES = (".md", ".markdown", ".txt", ".html", ".htm", ".pdf")


@dataclass(frozen=True)
class Finding:
    line: int
    message: str


class DocumentError(Exception):
    """A file that cannot be read as a document (Swedish message)."""


def _keep_newlines(match: re.Match[str]) -> str:
    return " " + "\n" * match.group().count("\n")


def plain_text(text: str, kind: str) -> str:
    """The readable text of a document's source, line for line (tags and escapes gone)."""
    if kind in (".html", ".htm"):
        text = html.unescape(_TAG.sub(_keep_newlines, text))
    elif kind in (".md", ".markdown"):
        # Character references decode unless escaped ("\\&amp;" is the text "&amp;").
        text = _MD_ENTITY.sub(lambda m: html.unescape(m.group()), text)
        text = _MD_ESCAPE.sub(r"\1", text)
    return text


def read_document(path: Path) -> str:
    """The plain text of a .md/.txt/.html/.pdf file. Raises DocumentError."""
    kind = path.suffix.lower()
    if kind not in SUFFIXES:
        raise DocumentError(f"okänd filtyp {kind or '(ingen)'} – md, txt, html eller pdf")
    try:  # a FIFO or /dev/zero named x.md is refused, not read forever
        data = read_input(path, MAX_DOCUMENT_BYTES)
    except OSError as err:
        raise DocumentError(input_problem(err)) from None
    if kind == ".pdf":
        return pdf_bytes_text(data)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise DocumentError("inte UTF-8-text") from None
    return plain_text(text, kind)


def _pdf_text(source: Path | io.BytesIO) -> str:
    from pypdf import PdfReader

    quiet = logging.getLogger("pypdf")  # its English warnings ("EOF marker not found")
    level, quiet.level = quiet.level, logging.CRITICAL
    try:
        reader = PdfReader(source)
        return "\n".join(page.extract_text() or "" for page in reader.pages)
    except Exception as err:  # noqa: BLE001 - pypdf raises anything on a hostile file (an
        # unknown encryption handler is NotImplementedError; issue 20)
        raise DocumentError(f"PDF-filen kan inte läsas: {pdf_reason(err)}") from None
    finally:
        quiet.setLevel(level)


def pdf_bytes_text(data: bytes) -> str:
    """The text layer of a PDF held in memory. Raises DocumentError."""
    return _pdf_text(io.BytesIO(data))


def words(text: str) -> list[str]:
    return _WORD.findall(text.casefold())


def _strings(value: object) -> Iterator[str]:
    """Every str inside a value (dataclasses, lists, tuples, dicts)."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, list | tuple):
        for v in value:
            yield from _strings(v)
    elif isinstance(value, dict):
        for v in value.values():
            yield from _strings(v)
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for f in dataclasses.fields(value):
            yield from _strings(getattr(value, f.name))


# Fields of a secret item / paragraph that are not its secret content: the id, the
# legal ground, the public title, the officer (a public official); names of members.
_NOT_SECRET_ITEM = {"id", "secrecy", "public_title", "officer", "dnr"}
_SECRET_PARAGRAPH = ("decision", "referral_reason", "corrections")
_SECRET_TEXTS = {"motions": "text", "notes": "text", "reservations": "text", "statements": "text"}


def secret_texts(minutes: Minutes) -> list[tuple[int | None, str, str]]:
    """(§ number, public title, text) for every text of every secret item."""
    out = []
    for item in minutes.meeting.items:
        para = minutes.state.paragraphs.get(item.id)
        if not secrecy_ground(item, para):
            continue
        number = para.number if para is not None else None
        texts = [
            t
            for f in dataclasses.fields(item)
            if f.name not in _NOT_SECRET_ITEM
            for t in _strings(getattr(item, f.name))
        ]
        if para is not None:
            for name in _SECRET_PARAGRAPH:
                texts += list(_strings(getattr(para, name)))
            for name, attr in _SECRET_TEXTS.items():
                texts += [getattr(x, attr) for x in getattr(para, name)]
        out += [(number, item.public_title or "", t) for t in texts if t.strip()]
    return out


def _public_texts(minutes: Minutes) -> Iterator[str]:
    """The texts of the record that are not secret (their runs are no finding): every
    field of the meeting and the state but the secret items, their paragraphs, the list
    of names and the journal bookkeeping (which holds every act in the clear)."""
    meeting, state = minutes.meeting, minutes.state
    secret = {
        item.id for item in meeting.items if secrecy_ground(item, state.paragraphs.get(item.id))
    }
    for f in dataclasses.fields(meeting):
        if f.name == "items":
            for item in meeting.items:
                yield from [item.public_title] if item.id in secret else _strings(item)
        elif f.name not in ("personal_data", "source"):
            yield from _strings(getattr(meeting, f.name))
    for f in dataclasses.fields(state):
        if f.name == "paragraphs":
            for item_id, para in state.paragraphs.items():
                if item_id not in secret:
                    yield from _strings(para)
        elif f.name not in _BOOKKEEPING:
            yield from _strings(getattr(state, f.name))


def _runs(tokens: list[str]) -> Iterator[tuple[str, ...]]:
    if len(tokens) < MIN_WORDS:
        return
    if len(tokens) <= WINDOW:
        yield tuple(tokens)
        return
    for n in range(len(tokens) - WINDOW + 1):
        yield tuple(tokens[n : n + WINDOW])


class LeakChecker:
    """Checks documents against one record (or only for personnummer without one)."""

    def __init__(self, minutes: Minutes | None = None) -> None:
        self.names = names_pattern(tuple(minutes.meeting.personal_data)) if minutes else None
        # run of words -> where it comes from ("§ 4")
        self.secret: dict[tuple[str, ...], str] = {}
        self.sizes: list[int] = []
        self.first_words: set[str] = set()
        if minutes is None:
            return
        allowed: set[tuple[str, ...]] = set()
        for text in _public_texts(minutes):
            tokens = words(text)
            for size in range(MIN_WORDS, WINDOW + 1):
                allowed.update(tuple(tokens[n : n + size]) for n in range(len(tokens) - size + 1))
        for number, _title, text in secret_texts(minutes):
            label = f"§ {number}" if number is not None else "ett ej behandlat ärende"
            for run in _runs(words(text)):
                if run not in allowed:
                    self.secret.setdefault(run, label)
        self.sizes = sorted({len(r) for r in self.secret})
        self.first_words = {r[0] for r in self.secret}

    def check(self, text: str) -> list[Finding]:
        """Every finding in `text` (plain text: see `plain_text`), in line order."""
        starts = _line_starts(text)
        found = [
            Finding(_line(starts, m.start()), "personnummer") for m in PERSONNUMMER.finditer(text)
        ]
        if self.names is not None:
            found += [
                Finding(
                    _line(starts, m.start()),
                    f"namn i personuppgiftslistan: {' '.join(m.group().split())}",
                )
                for m in self.names.finditer(text)
            ]
        if self.secret:
            found += self._secret_runs(text.casefold())
        return sorted(set(found), key=lambda f: (f.line, f.message))

    def _secret_runs(self, folded: str) -> list[Finding]:
        starts = _line_starts(folded)
        matches = list(_WORD.finditer(folded))
        tokens = [m.group() for m in matches]
        out = []
        for n, token in enumerate(tokens):
            if token not in self.first_words:
                continue
            for size in self.sizes:
                label = self.secret.get(tuple(tokens[n : n + size]))
                if label is not None:
                    where = _line(starts, matches[n].start())
                    out.append(Finding(where, f"text ur sekretessärendet {label}"))
        return out


def _line_starts(text: str) -> list[int]:
    return [0] + [m.end() for m in re.finditer("\n", text)]


def _line(starts: list[int], offset: int) -> int:
    return bisect.bisect_right(starts, offset)
