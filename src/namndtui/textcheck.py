"""Control characters in user text: refused at every door (docs/reliability.md).

Meeting files, protokoll files, journal lines and live acts may hold any Unicode text
(brackets, markup, Markdown, emoji, right-to-left marks, combining marks) — it is data and
is shown and stored exactly. Control characters (C0 except tab, newline and carriage
return; DEL; C1) are refused with a located message instead: they have no place in
minutes, and a terminal would execute them (ESC starts colour, cursor and OSC-8 hyperlink
sequences; Textual passes them to the terminal unchanged).
"""

from __future__ import annotations

import re
import unicodedata

CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_NAMES = {0: "NUL", 0x1B: "ESC", 0x7F: "DEL", 0x07: "BEL", 0x08: "BS"}


def control_problem(text: str) -> str:
    """ "" when `text` has no control character, else a Swedish description of the first."""
    match = CONTROL.search(text)
    if match is None:
        return ""
    code = ord(match.group())
    name = _NAMES.get(code) or unicodedata.name(match.group(), "")
    label = f"U+{code:04X}" + (f" ({name})" if name else "")
    return (
        f"styrtecknet {label} på tecken {match.start() + 1} är inte tillåtet i texten – ta bort det"
    )
