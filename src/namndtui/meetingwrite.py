"""meeting.toml written back: a `Meeting` or one `Item` as the format's tables.

Only non-empty keys, in the order of the schema (`namndtui.meetingcheck`, FORMAT.md's
order); `parse_meeting_text` reads the result back equal. `namndtui new`, the importers and
the tests write meeting files with it.
"""

from __future__ import annotations

from typing import Any

from namndtui.meetingcheck import ITEM_KEYS, MEETING_KEYS
from namndtui.model import FORMAT_MEETING, Item, Meeting


def item_to_toml_dict(item: Item) -> dict[str, Any]:
    """The `[[items]]` table for `item`: only non-empty keys, in FORMAT.md order."""
    out: dict[str, Any] = {}
    for key in ITEM_KEYS:
        if key == "sections":
            if item.extra_sections:
                out["sections"] = [{"title": s.title, "text": s.text} for s in item.extra_sections]
            continue
        if key == "decision_basis":
            if item.decision_basis:
                out[key] = [
                    {"title": d.title, **({"date": d.date} if d.date else {})}
                    for d in item.decision_basis
                ]
            continue
        if key == "corrects":
            if item.corrects:
                out[key] = {"date": item.corrects.date, "paragraph": item.corrects.paragraph}
            continue
        value = getattr(item, key)
        if value:
            out[key] = list(value) if isinstance(value, tuple) else value
    return out


def meeting_to_dict(meeting: Meeting) -> dict[str, Any]:
    """The whole meeting.toml as a dict (keys in documented order, empty ones left out)."""
    head: dict[str, Any] = {}
    for key in MEETING_KEYS:
        if key == "kept_at":
            continue  # written under its documented name, place_of_keeping
        value = getattr(meeting, key)
        if value not in ("", None, ()):
            head[key] = list(value) if isinstance(value, tuple) else value
    data: dict[str, Any] = {"format": FORMAT_MEETING, "meeting": head}
    if meeting.members:
        data["members"] = [
            {"name": m.name, **({"party": m.party} if m.party else {}), "role": m.role}
            for m in meeting.members
        ]
    if meeting.officials:
        data["officials"] = [
            {
                "name": o.name,
                **({"title": o.title} if o.title else {}),
                **({"items": list(o.items)} if o.items else {}),
            }
            for o in meeting.officials
        ]
    if meeting.items:
        data["items"] = [item_to_toml_dict(i) for i in meeting.items]
    if meeting.personal_data:
        data["personal_data"] = list(meeting.personal_data)
    return data


def meeting_to_toml(meeting: Meeting) -> str:
    """The meeting as meeting.toml text; `parse_meeting_text` reads it back unchanged."""
    import tomli_w  # only writers need it

    return tomli_w.dumps(meeting_to_dict(meeting), multiline_strings=True)
