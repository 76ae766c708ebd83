"""Control characters in user text: accepted, stored intact, shown visibly (docs/reliability.md).

Meeting files, protokoll files, journal lines and live acts may hold any text, control
characters included (ESC, NUL, an OSC-8 hyperlink sequence …): it is data, stored exactly
(TOML and JSON escape them as \\uXXXX) and never executed. Wherever text is *shown* — the
Markdown and HTML minutes, the CLI, the TUI — it first goes through `visible`, which turns
every character a terminal would act on into a harmless visible stand-in.

Only what the files themselves cannot hold is refused: a lone surrogate (not UTF-8, not
TOML) — see `storable_problem`.
"""

from __future__ import annotations

import re

# Invisible format characters that make printed text differ from the stored text: the
# bidi embeddings, overrides and isolates ("Trojan Source": U+202E makes "Anna Berg" print
# as "greB annA") and the zero-width space/joiner and in-text BOM (two names that print
# alike but differ). Their Swedish names are for the warnings (`hidden_characters`).
HIDDEN_NAMES = {
    0x200B: "nollbreddsmellanslag",
    0x202A: "vänster-till-höger-inbäddning",
    0x202B: "höger-till-vänster-inbäddning",
    0x202C: "slut på riktningsstyrning",
    0x202D: "vänster-till-höger-åsidosättning",
    0x202E: "höger-till-vänster-åsidosättning",
    0x2060: "osynlig ordsammanfogare",
    0x2066: "vänster-till-höger-isolering",
    0x2067: "höger-till-vänster-isolering",
    0x2068: "första-starka-isolering",
    0x2069: "slut på isolering",
    0xFEFF: "byte-order-märke inne i texten",
}
_HIDDEN_CLASS = "\u200b\u202a-\u202e\u2060\u2066-\u2069\ufeff"
# What `visible` replaces: C0 but tab and newline, DEL, C1, the two Unicode line/paragraph
# separators (str.splitlines and some terminals break lines on them, so a "one-line"
# message or title could span two), the hidden format characters above, and lone
# surrogates (cannot be encoded: printing one raises UnicodeEncodeError). Every one of them
# is a character `str.isprintable` refuses (categories Cc, Cf, Cs, Zl, Zp), so printable
# text – almost all text – is passed without a regular expression.
_PATTERNS = {
    "hidden": f"[{_HIDDEN_CLASS}]",
    "invisible": f"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029{_HIDDEN_CLASS}\ud800-\udfff]",
    "surrogate": "[\ud800-\udfff]",
}
_compiled: dict[str, re.Pattern[str]] = {}


def _pattern(name: str) -> re.Pattern[str]:
    """One of `_PATTERNS`, compiled when first needed: compiling the three costs ~1 ms of
    every process that imports this module (`namndtui search`, the first frame)."""
    pattern = _compiled.get(name)
    if pattern is None:
        pattern = _compiled[name] = re.compile(_PATTERNS[name])
    return pattern


def _picture(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)  # Control Pictures: ESC -> ␛, NUL -> ␀, CR -> ␍
    if code == 0x7F:
        return "\u2421"  # ␡
    return f"⟨U+{code:04X}⟩"


def visible(text: str) -> str:
    """`text` with every control character shown instead of executed.

    C0 controls except newline and tab become the Unicode Control Pictures (ESC -> "␛",
    NUL -> "␀"), DEL becomes "␡", C1 controls, U+2028/U+2029, the bidi embeddings,
    overrides and isolates, the zero-width space, word joiner and BOM (`HIDDEN_NAMES`) and
    lone surrogates become "⟨U+202E⟩". Everything else — right-to-left marks (U+200E,
    U+200F: they do not reorder letters), zero-width (non-)joiners (emoji, scripts),
    combining characters, markup — is kept. Applying it twice changes nothing more; it
    never raises.
    """
    if not isinstance(text, str):
        text = str(text)
    if text.isprintable():  # none of the characters replaced (see _PATTERNS)
        return text
    invisible = _pattern("invisible")
    if invisible.search(text) is None:
        return text
    return invisible.sub(_picture, text)


def storable_problem(text: str) -> str:
    """ "" when `text` can be stored (UTF-8, TOML), else a Swedish reason (a lone surrogate)."""
    if text.isprintable():  # (a lone surrogate is not)
        return ""
    match = _pattern("surrogate").search(text)
    if match is None:
        return ""
    code = ord(match.group())
    return (
        f"tecknet U+{code:04X} på tecken {match.start() + 1} är ett ensamt surrogattecken "
        "och kan inte sparas – ta bort det"
    )


def hidden_characters(text: str) -> str:
    """ "" when `text` has no hidden format character (`HIDDEN_NAMES`), else a Swedish
    warning naming each one (the caller names the field)."""
    if text.isprintable():  # (no hidden format character is)
        return ""
    found = sorted({ord(c) for c in _pattern("hidden").findall(text)})
    if not found:
        return ""
    names = ", ".join(f"U+{code:04X} ({HIDDEN_NAMES[code]})" for code in found)
    return (
        f"osynligt styrtecken {names}: texten kan visas annorlunda än den sparade "
        "(till exempel baklänges); i protokollet visas tecknet som ⟨U+…⟩ – ta bort det"
    )


def wide_codec(data: bytes) -> str:
    """The codec of text in UTF-16 or UTF-32 ("utf-16" with a BOM, "utf-16-le", "utf-32-be"
    … without one: the zero bytes of Latin letters, as PowerShell and some exports write
    it), else "" (UTF-8, another 8-bit encoding, or binary: a run of NULs is no text)."""
    if data.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        return "utf-32"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    head = data[:4096]
    if len(head) < 8 or b"\x00" not in head:
        return ""
    # The high bytes of UTF-16 LE or BE are zeros, the low ones letters (not a run of NULs).
    for order, zeros, letters in (("le", head[1::2], head[0::2]), ("be", head[0::2], head[1::2])):
        if zeros.count(0) >= 0.9 * len(zeros) and letters.count(0) <= 0.5 * len(letters):
            if all(part.count(0) >= 0.9 * len(part) for part in (head[1::4], head[2::4])):
                return "utf-32-le" if head[0] else "utf-32-be"
            return f"utf-16-{order}"
    return ""
