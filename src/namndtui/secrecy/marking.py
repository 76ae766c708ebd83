"""Which items are secret, on what legal ground, and the phrases the minutes print.

The ground comes from meeting.toml (`secrecy = "OSL 26 kap. 1 §"` on the item) unless the
secretary marked or unmarked the item during the meeting (the `SecrecySet` event, kept on
the paragraph). The phrases are PRACTICE.md's formulas.
"""

from __future__ import annotations

from namndtui.model import Item
from namndtui.record.state import Paragraph

DEFAULT_GROUND = "OSL 26 kap. 1 §"
# When the item gives no public_title: neutral, says nothing of the case.
DEFAULT_PUBLIC_TITLE = "Sekretessärende"
# The complete original, when any § is secret (on top of the document).
ORIGINAL_NOTICE = "Innehåller uppgifter som omfattas av sekretess"
# Every public version (minutes and extracts).
PUBLIC_NOTICE = "Vissa personuppgifter kan vara borttagna med hänsyn till dataskyddsförordningen."


def secrecy_ground(item: Item, para: Paragraph | None = None) -> str:
    """The legal ground the item is secret on ("" = public)."""
    if para is not None and para.secrecy is not None:
        return para.secrecy.strip()
    return item.secrecy.strip()


def public_title(item: Item) -> str:
    """The title a secret item shows in the public version."""
    return item.public_title.strip() or DEFAULT_PUBLIC_TITLE


def secret_sentence(ground: str) -> str:
    """'Ärendet redovisas inte med hänvisning till sekretess (OSL 26 kap. 1 §).'"""
    return f"Ärendet redovisas inte med hänvisning till sekretess ({ground})."


def original_mark(ground: str) -> str:
    """The line on a secret § of the complete original: 'Sekretess enligt OSL 26 kap. 1 §.'"""
    return f"Sekretess enligt {ground}."


def any_secret(items_and_paragraphs) -> bool:
    """Whether any (item, paragraph) pair is secret."""
    return any(secrecy_ground(item, para) for item, para in items_and_paragraphs)
