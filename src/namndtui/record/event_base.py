"""What an event is: the base class of every event and the Swedish name of each kind.

Events are small frozen dataclasses with JSON-friendly fields (str, int, bool, lists of
str, None). Each class has a unique `TYPE` string, the `type` field of its journal line.
Times of day are "HH:MM" strings (what the minutes print); dates are "YYYY-MM-DD".
Items are named by their id (`Item.id`), members by their name (`Member.name`), motions by
their id within the item ("y1", "y2", … assigned by the caller, see `next_motion_id`).

The events themselves are in record/meeting_events.py (the meeting as a whole) and
record/item_events.py (an item's); record/events.py gathers them with their
(de)serialisation, and is the module the rest of the code imports them from.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any, ClassVar, TypeVar

from namndtui.datatypes import frozen

_E = TypeVar("_E", bound="Event")


def frozen_event(cls: type[_E]) -> type[_E]:
    """`@frozen` (namndtui.datatypes) for an event: `__eq__`, `__hash__` and `__repr__`
    shared instead of generated per class (each generated method costs an `exec` at
    import). Same behaviour as the generated ones (field-wise, same class only)."""
    cls = frozen(cls)
    cls._NAMES = tuple(f.name for f in dataclasses.fields(cls))  # type: ignore[arg-type]
    return cls


@dataclass(frozen=True, repr=False, eq=False)
class Event:
    """Base class. `TYPE` names the event in the journal."""

    TYPE: ClassVar[str] = ""
    _NAMES: ClassVar[tuple[str, ...]] = ()  # the field names, set by `frozen_event`

    def to_dict(self) -> dict[str, Any]:
        data = {"type": self.TYPE}
        for f in dataclasses.fields(self):
            value = getattr(self, f.name)
            data[f.name] = list(value) if isinstance(value, tuple) else value
        return data

    def describe(self) -> str:
        """A short Swedish description for notices ("Ångrade: yrkande av Anna Ek")."""
        return EVENT_DESCRIPTIONS.get(self.TYPE, self.TYPE)

    @property
    def item_id(self) -> str:
        """The id of the item the event is on; "" for one of the meeting as a whole (and
        for a substitute serving from the start of the meeting)."""
        item = vars(self).get("item") if "item" in self._NAMES else None
        return item if isinstance(item, str) else ""


# The Swedish name of each kind, for notices (`Event.describe`).
EVENT_DESCRIPTIONS: dict[str, str] = {
    "meeting_opened": "sammanträdet öppnat",
    "meeting_adjourned": "ajournering",
    "meeting_resumed": "sammanträdet återupptaget",
    "meeting_closed": "sammanträdet avslutat",
    "attendance_set": "närvaro",
    "member_arrived": "ankomst",
    "member_left": "avgång",
    "substitute_serves": "ersättare tjänstgör",
    "substitute_stops": "ersättare slutar tjänstgöra",
    "official_present": "övriga närvarande",
    "adjusters_chosen": "val av justerare",
    "adjuster_substitute_chosen": "val av ersättare för justerare",
    "justering_planned": "tid och plats för justering",
    "item_called": "ärendet uppropat",
    "recused": "jäv",
    "motion_made": "yrkande",
    "motion_amended": "yrkande ändrat",
    "vote_corrected": "röst rättad",
    "motion_joined": "instämmande",
    "motion_withdrawn": "återtaget yrkande",
    "proposition_order_set": "propositionsordning",
    "chair_finding": "ordförandens proposition",
    "question_decided": "proposition",
    "minority_demand": "begärd av minoritet",
    "vote_demanded": "votering begärd",
    "vote_cast": "röst",
    "vote_closed": "voteringsresultat",
    "decision_recorded": "beslut",
    "immediate_justification_set": "omedelbar justering",
    "secrecy_set": "sekretessmarkering",
    "reservation_made": "reservation",
    "note_added": "protokollsanteckning",
    "statement_added": "särskilt uttalande",
    "item_tabled": "bordläggning",
    "item_referred_back": "återremiss",
    "paragraph_justified": "paragrafen justerad",
    "minutes_justified": "protokollet justerat",
    "minutes_posted": "tillkännagivande på anslagstavlan",
    "minutes_sealed": "protokollets sigill",
    "minutes_revised": "ny version av det justerade protokollet",
    "adjustment_note_added": "justeringsanteckning",
    "correction_made": "rättelse",
    "undone": "ångra",
    "redone": "gör om",
    "act_grouped": "åtgärden",
}
