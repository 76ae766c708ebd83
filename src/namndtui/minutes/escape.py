"""Escaping user text for CommonMark: it must read back as exactly the text it was.

Every piece of user text in protokoll.md goes through `escape_md`, so a title, a name or a
motion can never turn into a heading, a list, a table cell border, a link or raw HTML.
"""

from __future__ import annotations

import re

from namndtui.textcheck import visible

# --- escaping ---------------------------------------------------------------------------------

# Characters that can start markup anywhere in a line (backslash-escaped everywhere).
_ALWAYS = re.compile(r"[\\`*_\[\]<>|~&#]")
# Characters that only matter at the start of a line (lists, setext underlines, tables).
_LINE_START = frozenset("-+=:")
_ORDERED = re.compile(r"(\d{1,9})([.)])")
# Control characters cannot be written (not even as character references) in CommonMark
# and must never reach a file or terminal raw: they are shown as their Control Pictures
# (ESC -> "␛", C1 -> "⟨U+009B⟩"; namndtui.textcheck.visible), never dropped silently.


def _escape_line(line: str) -> str:
    # Leading/trailing whitespace would be stripped (or make an indented code block), so
    # it is written as numeric character references, which CommonMark decodes to the same.
    stripped = line.strip()
    if not stripped:
        return "".join(f"&#{ord(c)};" for c in line)
    lead = line[: len(line) - len(line.lstrip())]
    trail = line[len(line.rstrip()) :]
    core = _ALWAYS.sub(r"\\\g<0>", stripped)
    if core[0] in _LINE_START:
        core = "\\" + core
    elif m := _ORDERED.match(core):
        core = f"{m.group(1)}\\{m.group(2)}{core[m.end() :]}"
    return "".join(f"&#{ord(c)};" for c in lead) + core + "".join(f"&#{ord(c)};" for c in trail)


def escape_md(text: str) -> str:
    """User text as inline CommonMark that reads back as exactly `text`.

    Newlines (also CR LF and CR) become hard line breaks (a backslash at the end of the
    line); other control characters are made visible (`textcheck.visible`: ESC -> "␛");
    newlines at the very start or end are dropped.
    """
    text = visible(text.replace("\r\n", "\n").replace("\r", "\n"))
    text = text.strip("\n")  # a paragraph cannot start or end with a line break
    return "\\\n".join(_escape_line(line) for line in text.split("\n"))


def md_paragraphs(text: str) -> list[str]:
    """Report text (paragraphs split by blank lines) as escaped Markdown paragraphs."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    parts = re.split(r"\n[ \t]*\n", text.strip("\n"))
    return [escape_md(p.strip("\n")) for p in parts if p.strip()]


def md_list(lines: list[str], *, ordered: bool = False) -> str:
    """Already-escaped inline lines as a list (continuation lines indented)."""
    out = []
    for n, line in enumerate(lines, start=1):
        marker = f"{n}. " if ordered else "- "
        out.append(marker + line.replace("\n", "\n" + " " * len(marker)))
    return "\n".join(out)
