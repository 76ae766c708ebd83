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

# What `visible` replaces: C0 but tab and newline, DEL, C1, the two Unicode line/paragraph
# separators (str.splitlines and some terminals break lines on them, so a "one-line"
# message or title could span two), and lone surrogates (cannot be encoded: printing one
# raises UnicodeEncodeError).
_INVISIBLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")
_SURROGATE = re.compile("[\ud800-\udfff]")


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
    NUL -> "␀"), DEL becomes "␡", C1 controls, U+2028/U+2029 and lone surrogates become
    "⟨U+009B⟩". Everything else — right-to-left marks, combining characters, emoji,
    markup — is kept. Applying it twice changes nothing more; it never raises.
    """
    if not isinstance(text, str):
        text = str(text)
    if _INVISIBLE.search(text) is None:
        return text
    return _INVISIBLE.sub(_picture, text)


def storable_problem(text: str) -> str:
    """ "" when `text` can be stored (UTF-8, TOML), else a Swedish reason (a lone surrogate)."""
    match = _SURROGATE.search(text)
    if match is None:
        return ""
    code = ord(match.group())
    return (
        f"tecknet U+{code:04X} på tecken {match.start() + 1} är ett ensamt surrogattecken "
        "och kan inte sparas – ta bort det"
    )
