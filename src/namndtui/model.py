"""The meeting as prepared before it starts: body, members, agenda items.

Pure data (frozen dataclasses, `namndtui.datatypes`), no I/O and no Textual. `meetingfile.py` builds a
`Meeting` from `meeting.toml`; the record (`namndtui.record`) folds the secretary's
events over it; the minutes renderers read both.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import field
from fractions import Fraction

from namndtui.datatypes import frozen

FORMAT_MEETING = "namndtui/meeting/1"

# Roles as written in meeting.toml (FORMAT.md). Order = order of listing in the minutes.
ROLES: tuple[str, ...] = ("ordförande", "vice ordförande", "ledamot", "ersättare")
CHAIR = "ordförande"
VICE_CHAIR = "vice ordförande"
SUBSTITUTE = "ersättare"

# The fixed report sections of an item: TOML key -> Swedish heading, in reading order.
SECTION_TITLES: dict[str, str] = {
    "summary": "Sammanfattning",
    "background": "Bakgrund",
    "proposal": "Förvaltningens förslag",
    "preparation": "Ärendets beredning",
}
PROPOSED_DECISION_TITLE = "Förslag till beslut"
ATTACHMENTS_TITLE = "Bilagor"

ITEM_ID_PATTERN = r"[a-z0-9]+(?:-[a-z0-9]+)*"
_ID_FOLD = str.maketrans(
    {"å": "a", "ä": "a", "ö": "o", "é": "e", "ü": "u", "æ": "ae", "ø": "o", "ß": "ss"}
)


def id_words(text: str) -> list[str]:
    """The words of `text` as item-id parts: lower case ASCII ('Länsstyrelsen' -> 'lansstyrelsen')."""
    folded = text.lower().translate(_ID_FOLD)
    folded = unicodedata.normalize("NFKD", folded).encode("ascii", "ignore").decode("ascii")
    return re.findall(r"[a-z0-9]+", folded)


@frozen
class Member:
    """A seat (ordförande, vice ordförande, ledamot) or a substitute (ersättare)."""

    name: str
    party: str = ""
    role: str = "ledamot"

    @property
    def is_substitute(self) -> bool:
        return self.role == SUBSTITUTE

    @property
    def is_chair(self) -> bool:
        return self.role == CHAIR

    @property
    def is_vice_chair(self) -> bool:
        return self.role == VICE_CHAIR

    @property
    def label(self) -> str:
        """'Anna Ek (M)', the way minutes name a member."""
        return f"{self.name} ({self.party})" if self.party else self.name


@frozen
class Official:
    """Someone present who is not a member: tjänsteman, föredragande, sekreterare."""

    name: str
    title: str = ""
    items: tuple[str, ...] = ()  # the items (ids) attended, when not all: "§§ 141–143"

    @property
    def label(self) -> str:
        return f"{self.name}, {self.title}" if self.title else self.name


@frozen
class Section:
    """One titled block of report text. Paragraphs are separated by one blank line."""

    title: str
    text: str
    key: str = ""  # the TOML key for the fixed sections ("summary", …); "" for extra sections


@frozen
class BasisDocument:
    """One document of an item's beslutsunderlag: "Tjänsteutlåtande" of a date, "Bilaga 1 Karta"."""

    title: str
    date: dt.date | None = None


@frozen
class ParagraphRef:
    """A § of an earlier meeting's minutes of the same body (`corrects` on an item)."""

    date: dt.date
    paragraph: int


@frozen
class Item:
    """One agenda item (ärende) with its report (tjänsteutlåtande)."""

    id: str
    title: str
    dnr: str = ""
    officer: str = ""
    summary: str = ""
    background: str = ""
    proposal: str = ""
    preparation: str = ""
    proposed_decision: tuple[str, ...] = ()
    immediate_justification: bool = False
    attachments: tuple[str, ...] = ()
    extra_sections: tuple[Section, ...] = ()
    category: str = ""  # agenda heading it stands under, e.g. "Beslutsärenden" (optional)
    secrecy: str = ""  # legal ground of secrecy, e.g. "OSL 26 kap. 1 §"; "" = public
    dispatch: tuple[str, ...] = ()  # Expedieras till / Beslutet skickas till
    decision_basis: tuple[BasisDocument, ...] = ()  # Beslutsunderlag
    # Whose proposal the item puts to the board ("förvaltningen" when ""; "arbetsutskottet",
    # "ordföranden", "kommunstyrelsen" or free text): a bifall motion supports it.
    proposal_by: str = ""
    # The neutral title the public version shows for a secret item (namndtui.secrecy).
    public_title: str = ""
    # The § of an earlier meeting of the body that this item corrects (rättelse av protokoll
    # after justering, decided at this meeting); None for an ordinary item.
    corrects: ParagraphRef | None = None
    # The formal motion ("återremiss" / "bordläggning") a minority already forced in this
    # ärende at an earlier meeting: the minority right is used once per ärende (KL 5 kap.
    # 50 §), so it is not given again. Set by `namndtui new --from`; "" = not used.
    minority_used: str = ""

    @property
    def dnr_label(self) -> str:
        """'Dnr 503-412-07' whether or not the file's dnr already says 'Dnr' ("" if none)."""
        dnr = self.dnr.strip()
        if not dnr or dnr[:3].lower() == "dnr":
            return dnr
        return f"Dnr {dnr}"

    def report_sections(self) -> list[Section]:
        """The non-empty text sections in reading order: fixed ones, then extra ones.

        The proposed decision and the attachments are lists and are shown separately.
        """
        fixed = [
            Section(title, getattr(self, key), key)
            for key, title in SECTION_TITLES.items()
            if getattr(self, key)
        ]
        return fixed + [s for s in self.extra_sections if s.text]


# The minority right for formal motions (docs/meeting-format.md `minority_right`): the
# share of the present members that can force an återremiss / bordläggning ("1/3").
DEFAULT_MINORITY_SHARE = "1/3"
_SHARE_RE = re.compile(r"\s*([1-9])\s*/\s*(10|[2-9])\s*")


def parse_share(text: str) -> Fraction | None:
    """'1/3' -> Fraction(1, 3); None unless a fraction p/q with 0 < p < q <= 10."""
    match = _SHARE_RE.fullmatch(text)
    if match is None:
        return None
    share = Fraction(int(match.group(1)), int(match.group(2)))
    return share if share < 1 else None


@frozen
class Meeting:
    """A meeting of a body, with its members and its agenda, as prepared."""

    body: str
    date: dt.date
    start: dt.time | None = None
    place: str = ""
    first_paragraph: int | None = None
    secretary: str = ""
    kept_at: str = ""  # where the minutes are kept (förvaringsplats), for the notice
    members: tuple[Member, ...] = ()
    officials: tuple[Official, ...] = ()
    items: tuple[Item, ...] = ()
    paragraph_prefix: str = ""  # the organ's prefix on § numbers: "SN" -> "SN § 142"
    # The formal motions a minority of the present members can force (the body's rules:
    # KL 5 kap. 50 § for fullmäktige, a nämnd's reglemente); () = none, as for a nämnd by law.
    minority_right: tuple[str, ...] = ()
    minority_fraction: str = ""  # the share needed, "1/3" when ""
    # Names of private persons, masked ("XX") in the public version (namndtui.secrecy).
    personal_data: tuple[str, ...] = ()
    # Not part of equality: where the meeting came from (for messages only).
    source: str = field(default="", compare=False)

    @property
    def minority_share(self) -> Fraction:
        """The share of the present members a minority right needs (default 1/3)."""
        return parse_share(self.minority_fraction or DEFAULT_MINORITY_SHARE) or Fraction(1, 3)

    @property
    def place_of_keeping(self) -> str:
        """Förvaringsplats: meeting.toml's `place_of_keeping` (older files: `kept_at`)."""
        return self.kept_at

    @property
    def seats(self) -> tuple[Member, ...]:
        """The ordinary members (everyone but the ersättare)."""
        return tuple(m for m in self.members if not m.is_substitute)

    @property
    def substitutes(self) -> tuple[Member, ...]:
        return tuple(m for m in self.members if m.is_substitute)

    @property
    def chair(self) -> Member | None:
        return next((m for m in self.members if m.is_chair), None)

    def member(self, name: str) -> Member | None:
        return next((m for m in self.members if m.name == name), None)

    def item(self, item_id: str) -> Item | None:
        return next((i for i in self.items if i.id == item_id), None)

    def item_index(self, item_id: str) -> int:
        for n, item in enumerate(self.items):
            if item.id == item_id:
                return n
        raise KeyError(item_id)
