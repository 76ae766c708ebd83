"""Acts in the journal that name an item or a member meeting.toml no longer has.

Between meetings a secretary may "tidy" the held meeting's meeting.toml: change an item's
id, correct the spelling of a name. The journal still names the old ones, and the fold
skips what it cannot place, so the minutes would silently lose a decision, a motion or a
member's attendance. These notes say so (the record's warnings: `validate`, `export` and
the app show them); nothing is refused, since putting the old id or name back is the fix.
"""

from __future__ import annotations

import dataclasses
from collections import Counter

from namndtui.model import Meeting
from namndtui.record import events as ev
from namndtui.record.rules import is_act
from namndtui.record.state import RecordState

# The fields of an act that hold a member's name (free-text fields such as a note's `by`
# or a vote's `demanded_by` may name someone outside the board and are left out).
_MEMBER_FIELDS = frozenset({"member", "members", "joined", "substitute", "for_member"})


def _names(event: ev.Event) -> list[str]:
    out: list[str] = []
    for field in dataclasses.fields(event):
        if field.name in _MEMBER_FIELDS or (
            field.name == "by" and isinstance(event, ev.MotionMade)
        ):
            value = getattr(event, field.name)
            out += [value] if isinstance(value, str) else list(value)
    return [name for name in out if name]


def _item(event: ev.Event) -> str:
    item = getattr(event, "item", "")  # item acts, and an arrival or a departure at a §
    return item if isinstance(item, str) else ""


def orphan_notes(meeting: Meeting, state: RecordState) -> list[str]:
    """One Swedish note per item id and per name the acts in effect use but the meeting
    lacks, with how many acts; [] when everything is in place."""
    item_ids = {item.id for item in meeting.items}
    member_names = {member.name for member in meeting.members}
    items: Counter[str] = Counter()
    names: Counter[str] = Counter()
    for seq, _time, event in state.log:
        if not is_act(event) or seq in state.undone:
            continue
        if (item := _item(event)) and item not in item_ids:
            items[item] += 1
        names.update(name for name in set(_names(event)) if name not in member_names)
    notes = [
        f'journalen har {_acts(n)} på ärendet "{item}", som inte finns i meeting.toml '
        "(har id:t ändrats?): de kommer inte med i protokollet – skriv tillbaka id:t"
        for item, n in items.items()
    ]
    notes += [
        f'journalen nämner "{name}" i {_acts(n)}, men ingen ledamot eller ersättare i '
        "meeting.toml heter så (har namnet ändrats?): det som registrerades på namnet kommer "
        "inte med i protokollet – skriv tillbaka namnet"
        for name, n in names.items()
    ]
    return notes


def _acts(n: int) -> str:
    return "1 åtgärd" if n == 1 else f"{n} åtgärder"
