"""Reflow text extracted from a PDF or typed with hard line breaks.

Lines of a paragraph are joined with single spaces, paragraphs are separated by one blank
line, no line keeps trailing spaces. A hyphen at a line end joins a split word
(`ut-` + `reda` → `utreda`) but stays in compounds and names (`Rinkeby-` + `Kista`,
`2008-` + `2009`, `vård- och omsorg`, `IT-` + `stöd`, `e-` + `post`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

# Words after which a line-end hyphen is a "suspended" compound part: "vård- och omsorg".
_CONJUNCTIONS = frozenset(
    {"och", "eller", "samt", "respektive", "resp.", "till", "som", "and", "or"}
)
_SPACES = re.compile(r"\s+")
# A list item starts its own paragraph: "• Förstudie", "- att godkänna …", "1. Inventering",
# "2) Dialog". Only one or two digits: "2005. Kostnaden …" at a line start is a year.
_BULLET = re.compile(r"^\s*(?:[•·▪\-–*]|\d{1,2}[.)])\s+\S")
# A list item line this short ended the item; a capital on the next line starts new text.
_SHORT_ITEM_LINE = 60


def clean_line(line: str) -> str:
    """One line with runs of white space (tabs, NBSP, double spaces) made single, stripped."""
    return _SPACES.sub(" ", line).strip()


def _hyphen_joint(left: str, right: str) -> str:
    """How a line ending in a hyphen (`left`, its last word or more) meets the next line.

    "" (the hyphen stays and the words join: Rinkeby-Kista), "-" removed (ut-reda →
    utreda: returns "cut"), or " " (a dash or a suspended compound: vård- och omsorg).
    """
    before = left[:-1]
    first = right.split(" ", 1)[0]
    prefix = re.split(r"[\s/(]", before)[-1]  # the word part before the hyphen
    if not prefix or not prefix[-1].isalnum():
        return " "  # "a -" or "(-": a dash, not a word split
    if first.lower().strip(",.;:") in _CONJUNCTIONS or first[:1] in ",;":
        return " "  # vård- och omsorg
    if first[:1].isupper() or first[:1].isdigit() or not first[:1].isalpha():
        return ""  # Rinkeby-Kista, 2008-2009, "Individ-(…"
    if prefix.isdigit() or len(prefix) == 1 or (len(prefix) > 1 and prefix.isupper()):
        return ""  # 20-tal, e-post, IT-stöd
    if any(ch.isdigit() for ch in prefix):
        return ""
    return "cut"  # ut- + reda -> utreda


def _join_hyphen(left: str, right: str) -> str:
    """Join `left` (ending in a hyphen) with the next line `right`."""
    joint = _hyphen_joint(left, right)
    if joint == "cut":
        return left[:-1] + right
    return left + joint + right


def join_lines(lines: Iterable[str]) -> str:
    """Join the lines of one paragraph into one line, applying the hyphen rules.

    Linear in the length of the text: only the last word of the text so far is looked
    at when a line ends in a hyphen (20,000 such lines took 23 s when the whole text
    was rescanned at every line).
    """
    parts: list[str] = []
    for raw in lines:
        line = clean_line(raw)
        if not line:
            continue
        if not parts:
            parts.append(line)
            continue
        last = parts[-1]
        if last.endswith("-") and not last.endswith("--"):
            # Only the last space-separated piece of the text decides (its last word).
            tail = last.rsplit(" ", 1)[-1]
            joint = _hyphen_joint(tail if len(tail) > 1 else last[-2:], line)
            if joint == "cut":
                parts[-1] = last[:-1]
                parts.append(line)
            else:
                parts.append(joint + line if joint else line)
        else:
            parts.append(" " + line)
    return "".join(parts)


def paragraphs(lines: Iterable[str]) -> list[str]:
    """Split lines into paragraphs at blank lines and join each one."""
    result: list[str] = []
    current: list[str] = []
    for raw in lines:
        if raw.strip():
            ends_item = (
                bool(current)
                and _BULLET.match(current[0]) is not None
                and len(current[-1].strip()) < _SHORT_ITEM_LINE
                and raw.strip()[:1].isupper()
            )
            if current and (_BULLET.match(raw) or ends_item):
                result.append(join_lines(current))
                current = []
            current.append(raw)
        elif current:
            result.append(join_lines(current))
            current = []
    if current:
        result.append(join_lines(current))
    return [p for p in result if p]


def reflow(text: str) -> str:
    """Reflow a block of text: joined paragraphs separated by one blank line."""
    return "\n\n".join(paragraphs(text.splitlines()))
