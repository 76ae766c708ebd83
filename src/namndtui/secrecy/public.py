"""The public view of a record: what a web version of the minutes may show.

`public_view(meeting, state)` is a pure function giving a new meeting and state (the
originals are not touched) in which

- a secret item keeps its § number and its public title and carries nothing else: no
  Dnr, report text, proposed decision, motions, votes, notes, reservations, jäv, who
  served, corrections (the renderer prints only "Ärendet redovisas inte med hänvisning
  till sekretess (<ground>).");
- every other text, in every field of the meeting and the record (titles, sections,
  motions, notes, reservations, attendance, the justering place, …), is passed through
  the `Masker` (personnummer, telephone numbers, e-mail addresses, listed names → masked);
- item ids are replaced by neutral ones (`arende-1`, …): an id is often made from a title
  (`ansokan-anna-andersson`), and a renderer may use it as an anchor;
- the list of names itself, the journal bookkeeping and the source path are left out.

The walk over the fields is generic (every `str` in every dataclass, list, tuple and
dict), so a field another module adds later is masked without being named here.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from namndtui.minutes.model import Minutes
from namndtui.model import Item, Meeting
from namndtui.record.fold import BOOKKEEPING
from namndtui.record.state import Paragraph, RecordState
from namndtui.secrecy.marking import public_title, secrecy_ground
from namndtui.secrecy.mask import Masker

# Fields that name an item by id: mapped to the neutral id, never masked.
_ITEM_REFERENCES = ("item", "current_item")


# The journal bookkeeping of the state: not part of what the meeting is, and its events
# hold every text in the clear.
class _Walker:
    def __init__(self, masker: Masker, ids: dict[str, str]) -> None:
        self.mask = masker
        self.ids = ids

    def value(self, value: Any) -> Any:
        if isinstance(value, str):
            return self.mask(value)
        if isinstance(value, tuple):
            return tuple(self.value(v) for v in value)
        if isinstance(value, list):
            return [self.value(v) for v in value]
        if isinstance(value, dict):
            return {self.value(k): self.value(v) for k, v in value.items()}
        if dataclasses.is_dataclass(value) and not isinstance(value, type):
            return self.object(value)
        return value  # int, bool, None, dates and times

    def object(self, obj: Any, **given: Any) -> Any:
        """A copy of the dataclass `obj` with every field walked (`given` fields as given)."""
        values = dict(given)
        for f in dataclasses.fields(obj):
            if not f.init or f.name in values:
                continue
            raw = getattr(obj, f.name)
            if f.name in _ITEM_REFERENCES and isinstance(raw, str):
                values[f.name] = self.ids.get(raw, "")
            elif f.name == "items" and all(isinstance(v, str) for v in raw):
                values[f.name] = tuple(self.ids.get(v, "") for v in raw)  # an official's
            else:
                values[f.name] = self.value(raw)
        return dataclasses.replace(obj, **values)


def _secret_item(item: Item, new_id: str, ground: str, masker: Masker) -> Item:
    title = masker(public_title(item))
    return Item(id=new_id, title=title, secrecy=masker(ground), public_title=title)


def _secret_paragraph(para: Paragraph, new_id: str, ground: str, masker: Masker) -> Paragraph:
    return Paragraph(
        item=new_id,
        number=para.number,
        status=para.status,
        justified=para.justified,
        secrecy=masker(ground),
    )


def public_view(meeting: Meeting, state: RecordState) -> tuple[Meeting, RecordState]:
    """The public meeting and state (see the module docstring)."""
    masker = Masker(meeting.personal_data)
    ids = {item.id: f"arende-{n}" for n, item in enumerate(meeting.items, start=1)}
    walk = _Walker(masker, ids)
    grounds = {
        item.id: secrecy_ground(item, state.paragraphs.get(item.id)) for item in meeting.items
    }

    items = []
    for item in meeting.items:
        if grounds[item.id]:
            items.append(_secret_item(item, ids[item.id], grounds[item.id], masker))
        else:
            items.append(walk.object(item, id=ids[item.id]))
    public_meeting = walk.object(meeting, items=tuple(items), personal_data=(), source="")

    paragraphs: dict[str, Paragraph] = {}
    for item_id, para in state.paragraphs.items():
        if item_id not in ids:
            continue  # a paragraph of no item in the meeting is never rendered
        if grounds[item_id]:
            paragraphs[ids[item_id]] = _secret_paragraph(
                para, ids[item_id], grounds[item_id], masker
            )
        else:
            paragraphs[ids[item_id]] = walk.object(para)
    # the journal bookkeeping (record/fold.py): its events hold every text in the clear
    empty = {name: type(getattr(state, name))() for name in BOOKKEEPING}
    public_state = walk.object(state, paragraphs=paragraphs, **empty)
    return public_meeting, public_state


def public_minutes(minutes: Minutes) -> Minutes:
    """The public version of the minutes (rendered with the secrecy sentence and notice)."""
    meeting, state = public_view(minutes.meeting, minutes.state)
    return Minutes(meeting, state, source=minutes.source, public=True)
