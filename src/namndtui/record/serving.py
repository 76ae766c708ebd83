"""Who serves on an item and whether the board is quorate (KL 6 kap. 27 §; jäv, KL 6 kap.
28–30 §§: the recused are not counted), who votes and who presides.
"""

from __future__ import annotations

from dataclasses import dataclass

from namndtui.model import Meeting
from namndtui.record.state import IN_PROGRESS, PENDING, RecordState


@dataclass(frozen=True)
class Quorum:
    present: int  # seats filled by a serving person (not recused)
    seats: int
    ok: bool

    def text(self) -> str:
        word = "Beslutför" if self.ok else "EJ BESLUTFÖR"
        return f"{word} {self.present}/{self.seats}"

    def reason(self) -> str:
        """Why the board cannot decide (Swedish), for refusals."""
        need = self.seats // 2 + 1
        return (
            f"Nämnden är inte beslutför: {self.present} av {self.seats} ledamöter "
            f"tjänstgör, minst {need} krävs (KL 6 kap. 27 §)."
        )


def live_serving(meeting: Meeting, state: RecordState, item_id: str = "") -> dict[str, str]:
    """Who serves now: person -> seat holder they serve for ("" = own seat).

    A present seat holder serves in their own seat; otherwise a present ersättare serving
    for them. For `item_id`, the recused are taken out and the ersättare named in the
    recusal serves in that seat instead. Ordered as `meeting.members`.
    """
    seat_person: dict[str, str] = {}
    for seat in meeting.seats:
        if state.present.get(seat.name):
            seat_person[seat.name] = seat.name
    for sub, seat in state.serving_for.items():
        if seat not in seat_person and state.present.get(sub):
            seat_person[seat] = sub
    paragraph = state.paragraphs.get(item_id) if item_id else None
    if paragraph is not None:
        for recusal in paragraph.recusals:
            seat = next((s for s, p in seat_person.items() if p == recusal.member), None)
            if seat is None:
                continue
            if recusal.substitute:
                seat_person[seat] = recusal.substitute
            else:
                del seat_person[seat]
    person_seat = {p: ("" if p == s else s) for s, p in seat_person.items()}
    return {m.name: person_seat[m.name] for m in meeting.members if m.name in person_seat}


def serving(meeting: Meeting, state: RecordState, item_id: str = "") -> dict[str, str]:
    """Who serves on `item_id`: the paragraph's snapshot once the item has been handled and
    is no longer current (attendance may have changed since), else the live attendance."""
    paragraph = state.paragraphs.get(item_id) if item_id else None
    if (
        paragraph is not None
        and paragraph.number is not None
        and (item_id != state.current_item or paragraph.status not in (PENDING, IN_PROGRESS))
    ):
        return paragraph.serving
    return live_serving(meeting, state, item_id)


def quorum(meeting: Meeting, state: RecordState, item_id: str = "") -> Quorum:
    """More than half of the seats filled, counting serving ersättare, not the recused.

    A meeting file without any seats has nothing to count: always "beslutför" 0/0.
    """
    seats = len(meeting.seats)
    present = len(serving(meeting, state, item_id))
    return Quorum(present, seats, seats == 0 or present * 2 > seats)


def voters(meeting: Meeting, state: RecordState, item_id: str) -> list[str]:
    """The members who may vote on the item, in `meeting.members` order."""
    return list(serving(meeting, state, item_id))


def presiding_chair_on(meeting: Meeting, state: RecordState, item_id: str) -> str | None:
    """Who presides over the item: the ordförande when serving on it, else the first vice
    ordförande serving on it (meeting order); None when neither serves (the board then
    chose someone else, whom the meeting file cannot know)."""
    on_item = serving(meeting, state, item_id)
    chair = meeting.chair
    if chair is not None and chair.name in on_item:
        return chair.name
    return next((m.name for m in meeting.members if m.is_vice_chair and m.name in on_item), None)
