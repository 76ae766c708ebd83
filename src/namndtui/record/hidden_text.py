"""Hidden format characters in the texts an act records (a bidi override typed or pasted
into a motion, a note, a decision): recorded as typed and shown visibly (⟨U+202E⟩), but
said, once per act, naming the fields – the rule `validate` applies to meeting.toml
(`textcheck.hidden_characters`: a printed text may read differently from the stored one).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from namndtui.record import events as ev
from namndtui.textcheck import hidden_characters

# The free texts the secretary types into an act, by event and field, as the field is
# called on screen; names and ids are chosen from the meeting (validate checks its file).
FIELDS: dict[type[ev.Event], dict[str, str]] = {
    ev.MotionMade: {"text": "yrkandet"},
    ev.MotionAmended: {"text": "yrkandet"},
    ev.DecisionRecorded: {"points": "beslutet"},
    ev.ReservationMade: {"text": "reservationen"},
    ev.NoteAdded: {"text": "protokollsanteckningen"},
    ev.StatementAdded: {"text": "det särskilda uttalandet"},
    ev.AdjustmentNoteAdded: {"text": "justeringsanteckningen"},
    ev.ItemReferredBack: {"reason": "skälet för återremissen"},
    ev.ItemCalled: {"presenter": "föredragande"},
    ev.SecrecySet: {"ground": "sekretessgrunden"},
    ev.OfficialPresent: {"name": "tjänstepersonens namn", "title": "tjänstepersonens titel"},
    ev.JusteringPlanned: {"place": "justeringens plats"},
    ev.CorrectionMade: {"reason": "rättelsens skäl"},
}


def hidden_text_warning(events: Iterable[ev.Event]) -> str:
    """One Swedish line naming each typed text of `events` that holds a hidden format
    character and the characters ("yrkandet: osynligt styrtecken U+202E (…): …"); "" when
    none does."""
    found = [(label, text) for label, text in _texts(events) if hidden_characters(text)]
    if not found:
        return ""
    labels = "; ".join(dict.fromkeys(label for label, _ in found))
    return f"{labels}: {hidden_characters(''.join(text for _, text in found))}"


def _texts(events: Iterable[ev.Event]) -> Iterator[tuple[str, str]]:
    """(label, text) for each typed text of `events`; a decision's points numbered when
    there are several, a rättelse's change as the event it applies."""
    for event in events:
        for name, label in FIELDS.get(type(event), {}).items():
            value = getattr(event, name)
            if isinstance(value, str):
                yield label, value
            else:
                for n, text in enumerate(value, start=1):
                    yield (f"{label}, punkt {n}" if len(value) > 1 else label), text
        if isinstance(event, ev.CorrectionMade) and event.change:
            try:
                inner = ev.from_dict(event.change)
            except ev.EventFormatError:
                continue  # the record's check refuses it
            for label, text in _texts((inner,)):
                yield f"rättelsen: {label}", text
