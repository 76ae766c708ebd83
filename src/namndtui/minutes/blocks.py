"""The building blocks of the minutes document: plain text, already phrased, not yet markup.

A `Block` is what one § (or the closing part of the minutes) is made of: a sub-heading, a
paragraph of text, a list or a table. Text is the raw text as it reads (a newline is a line
break); each renderer escapes it for its own format (Markdown, HTML), so user text can never
become markup in any of them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

HEADING = "heading"  # a sub-heading of a § (h3)
TEXT = "text"  # one paragraph
BULLETS = "bullets"  # an unordered list
NUMBERED = "numbered"  # an ordered list (decision points)
TABLE = "table"  # a table: header row + rows (vote lists)


@dataclass(frozen=True)
class Block:
    kind: str
    text: str = ""
    items: tuple[str, ...] = ()
    header: tuple[str, ...] = ()
    rows: tuple[tuple[str, ...], ...] = ()


def heading(text: str) -> Block:
    return Block(HEADING, text)


def text(value: str) -> Block:
    return Block(TEXT, value)


def bullets(items: list[str]) -> Block:
    return Block(BULLETS, items=tuple(items))


def numbered(items: list[str]) -> Block:
    return Block(NUMBERED, items=tuple(items))


def table(header: list[str], rows: list[list[str]]) -> Block:
    return Block(TABLE, header=tuple(header), rows=tuple(tuple(r) for r in rows))


def split_paragraphs(value: str) -> list[str]:
    """Report text (paragraphs split by a blank line) as its paragraphs, edges trimmed."""
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    parts = re.split(r"\n[ \t]*\n", value.strip("\n"))
    return [p.strip("\n") for p in parts if p.strip()]


def texts(value: str) -> list[Block]:
    """One TEXT block per paragraph of `value`."""
    return [text(p) for p in split_paragraphs(value)]


def join_names(names: list[str]) -> str:
    """['A', 'B', 'C'] -> 'A, B och C'."""
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " och " + names[-1]
