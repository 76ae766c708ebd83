"""meeting.toml's schema and its checks: the keys each table may hold, their kinds, and the
`Meeting` built from a parsed file with every problem found (none is left for later).

Messages are Swedish and located (`meeting.toml:14: items[3].title: obligatorisk nyckel
saknas`); arrays are counted from 1. `namndtui.meetingfile` parses the text and asks this
module only when its parse cache has no answer; `namndtui.meetingwrite` writes the keys in
the order given here. The format is documented in docs/meeting-format.md.
"""

from __future__ import annotations

import difflib
import re
from typing import Any

from namndtui.model import (
    FORMAT_MEETING,
    ITEM_ID_PATTERN,
    ROLES,
    BasisDocument,
    Item,
    Meeting,
    Member,
    Official,
    ParagraphRef,
    Section,
    id_words,
    parse_share,
)
from namndtui.tomlcheck import Problem, Reader, is_kind, quote
from namndtui.tomlpos import Path as KeyPath
from namndtui.vocabulary import FORMAL_KINDS

_ID_RE = re.compile(ITEM_ID_PATTERN)

# --- the schema -------------------------------------------------------------------------
# kinds: see namndtui.tomlcheck.EXPECTED ("text" is cleaned, "pos_int" is 1–999999)
# Key order is FORMAT.md's order; writers follow it.

_ROOT_KEYS = {
    "format": "str",
    "meeting": "table",
    "members": "tables",
    "officials": "tables",
    "items": "tables",
    "personal_data": "str_list",
}
MEETING_KEYS = {
    "body": "str",
    "date": "date",
    "start": "time",
    "place": "str",
    "first_paragraph": "pos_int",
    "secretary": "str",
    "place_of_keeping": "str",
    "kept_at": "str",  # the older name of place_of_keeping, still read
    "paragraph_prefix": "str",
    "minority_right": "str_list",
    "minority_fraction": "str",
}
_MEETING_REQUIRED = ("body", "date")
_MEMBER_KEYS = {"name": "str", "party": "str", "role": "str"}
_OFFICIAL_KEYS = {"name": "str", "title": "str", "items": "str_list"}
ITEM_KEYS = {
    "id": "str",
    "title": "str",
    "category": "str",
    "dnr": "str",
    "officer": "str",
    "proposal_by": "str",
    "summary": "text",
    "background": "text",
    "proposal": "text",
    "preparation": "text",
    "proposed_decision": "str_list",
    "immediate_justification": "bool",
    "attachments": "str_list",
    "secrecy": "str",
    "dispatch": "str_list",
    "decision_basis": "tables",
    "sections": "tables",
    "public_title": "str",
    "corrects": "table",
    "minority_used": "str",
}
_CORRECTS_KEYS = {"date": "date", "paragraph": "pos_int"}
_SECTION_KEYS = {"title": "str", "text": "text"}
_BASIS_KEYS = {"title": "str", "date": "date"}


def clean_text(text: str) -> str:
    """Section text as given, minus blank lines at its start and end."""
    lines = text.split("\n")
    while lines and not lines[0].strip():
        lines.pop(0)
    while lines and not lines[-1].strip():
        lines.pop()
    return "\n".join(lines)


def suggest_id(text: str) -> str:
    """A valid item id close to `text` ('Ansökan Länsstyrelsen' -> 'ansokan-lansstyrelsen')."""
    return "-".join(id_words(text))


# --- checking ----------------------------------------------------------------------------


class MeetingChecker(Reader):
    """The checks of one parsed meeting file; `check()` gives the meeting or None."""

    reject_blank_required = True

    def __init__(self, text: str, filename: str, data: dict[str, Any]) -> None:
        super().__init__(text, filename)
        self.data = data

    def value(self, path: KeyPath, kind: str, value: Any) -> Any:
        """The value if it has the right kind (normalised), else None after reporting."""
        if kind == "pos_int" and is_kind(value, kind):
            if 1 <= value <= 999_999:
                return value
            if value > 999_999:  # a § number; more would break the minutes and index
                self.report(path, f"orimligt stort tal {value} (högst 999999)")
                return None
            self.report(path, f"måste vara ett positivt heltal, fick {value}")
            return None
        checked = super().value(path, kind, value)
        if checked is not None and kind == "text":
            return clean_text(checked)
        if checked is not None and kind == "str_list":
            return tuple(checked)  # Item fields are tuples
        return checked

    # the meeting ----------------------------------------------------------------------
    def check(self) -> Meeting | None:
        data = self.data
        if not self.check_format():
            return None  # another version: its other keys may mean something else
        for key in data:
            if key not in _ROOT_KEYS:
                self.unknown_key((key,), key, _ROOT_KEYS)

        meeting: dict[str, Any] = {}
        if "meeting" not in data:
            self.report(("meeting",), "obligatorisk tabell [meeting] saknas")
        elif (raw := self.value(("meeting",), "table", data["meeting"])) is not None:
            meeting = self.table(raw, ("meeting",), MEETING_KEYS, _MEETING_REQUIRED)

        members = {n: self.member(n, m) for (_, n), m in self.tables(data, (), "members")}
        officials = [self.official(n, o) for (_, n), o in self.tables(data, (), "officials")]
        items = {n: self.item(n, i) for (_, n), i in self.tables(data, (), "items")}
        self.duplicates("members", "name", members)
        self.duplicates("items", "id", items)
        personal_data: tuple[str, ...] = ()
        if "personal_data" in data:
            raw_names = self.value(("personal_data",), "str_list", data["personal_data"])
            personal_data = tuple(n for n in raw_names or () if n.strip())

        self.officials_items(officials, items)
        first = meeting.get("first_paragraph")
        if isinstance(first, int) and first + len(items) - 1 > 999_999:  # the last § too
            self.report(
                ("meeting", "first_paragraph"),
                f"första paragrafen {first} ger {len(items)} ärenden nummer över 999999 "
                f"(högst {1_000_000 - max(len(items), 1)} här)",
            )
        self.minority(meeting)
        if "place_of_keeping" in meeting and "kept_at" in meeting:
            self.report(
                ("meeting", "kept_at"),
                "ange förvaringsplatsen en gång: place_of_keeping (kept_at är det äldre namnet)",
            )
        if self.problems:
            return None
        return Meeting(
            body=meeting["body"],
            date=meeting["date"],
            start=meeting.get("start"),
            place=meeting.get("place", ""),
            first_paragraph=meeting.get("first_paragraph"),
            secretary=meeting.get("secretary", ""),
            kept_at=meeting.get("place_of_keeping", meeting.get("kept_at", "")),
            paragraph_prefix=meeting.get("paragraph_prefix", ""),
            minority_right=meeting.get("minority_right", ()),
            minority_fraction=meeting.get("minority_fraction", ""),
            members=tuple(m for m in members.values() if m is not None),
            officials=tuple(o for o in officials if o is not None),
            items=tuple(i for i in items.values() if i is not None),
            personal_data=personal_data,
            source=self.filename,
        )

    def check_format(self) -> bool:
        """False when the file declares another format version (stop checking then)."""
        if "format" not in self.data:
            self.problems.append(
                Problem(
                    self.filename,
                    1,
                    f"format: obligatorisk nyckel saknas – skriv "
                    f'format = "{FORMAT_MEETING}" överst i filen',
                )
            )
            return True
        fmt = self.data["format"]
        if not isinstance(fmt, str):
            self.wrong_type(("format",), "str", fmt)
            return True
        if fmt.startswith("namndtui/protokoll/"):
            self.report(
                ("format",),
                "det här är ett protokoll (protokoll.toml), inte en mötesfil – "
                "öppna det med namndtui FIL för granskning",
            )
            return False
        if fmt != FORMAT_MEETING:
            self.report(
                ("format",),
                f"okänt format {quote(fmt)} – den här versionen av "
                f"namndtui läser {quote(FORMAT_MEETING)}",
            )
            return False
        return True

    def minority(self, meeting: dict[str, Any]) -> None:
        """`minority_right` names formal motions; `minority_fraction` is a share "p/q"."""
        for k, kind in enumerate(meeting.get("minority_right", ()), start=1):
            if kind not in FORMAL_KINDS:
                allowed = " och ".join(quote(k) for k in FORMAL_KINDS)
                self.report(
                    ("meeting", "minority_right", k),
                    f"okänt formellt yrkande {quote(kind)} – tillåtna: {allowed}",
                )
        share = meeting.get("minority_fraction")
        if share is not None and parse_share(share) is None:
            self.report(
                ("meeting", "minority_fraction"),
                f'ogiltig andel {quote(share)} – skriv ett bråk som "1/3" (mindre än 1)',
            )

    def member(self, n: int, raw: dict[str, Any]) -> Member | None:
        path = ("members", n)
        values = self.table(raw, path, _MEMBER_KEYS, ("name",))
        role = values.get("role", "ledamot")
        if role not in ROLES:
            close = difflib.get_close_matches(role, ROLES, n=1, cutoff=0.6)
            hint = f"menade du {quote(close[0])}?" if close else "tillåtna: " + ", ".join(ROLES)
            self.report(path + ("role",), f"okänd roll {quote(role)} – {hint}")
            return None
        if "name" not in values:
            return None
        return Member(values["name"], values.get("party", ""), role)

    def official(self, n: int, raw: dict[str, Any]) -> Official | None:
        values = self.table(raw, ("officials", n), _OFFICIAL_KEYS, ("name",))
        if "name" not in values:
            return None
        return Official(values["name"], values.get("title", ""), values.get("items", ()))

    def officials_items(self, officials: list[Official | None], items: dict[int, Any]) -> None:
        """An official's `items` must name items of the agenda."""
        ids = {i.id for i in items.values() if i is not None}
        for n, official in enumerate(officials, start=1):
            for k, item_id in enumerate(official.items if official else (), start=1):
                if item_id not in ids:
                    close = difflib.get_close_matches(item_id, sorted(ids), n=1, cutoff=0.6)
                    hint = f" – menade du {quote(close[0])}?" if close else ""
                    self.report(
                        ("officials", n, "items", k), f"okänt ärende {quote(item_id)}{hint}"
                    )

    def item(self, n: int, raw: dict[str, Any]) -> Item | None:
        path = ("items", n)
        values = self.table(raw, path, ITEM_KEYS, ("id", "title"))
        item_id = values.get("id")
        if item_id is not None and not _ID_RE.fullmatch(item_id):
            hint = f" – förslag: {quote(s)}" if (s := suggest_id(item_id)) else ""
            self.report(
                path + ("id",),
                f"ogiltigt id {quote(item_id)}: bara små bokstäver "
                f"a–z, siffror och enkla bindestreck{hint}",
            )
            values.pop("id")
        sections = []
        for section_path, sec in self.tables(values, path, "sections"):
            checked = self.table(sec, section_path, _SECTION_KEYS, ("title", "text"))
            if "title" in checked and "text" in checked:
                sections.append(Section(checked["title"], checked["text"]))
        values.pop("sections", None)
        basis = []
        for basis_path, doc in self.tables(values, path, "decision_basis"):
            checked = self.table(doc, basis_path, _BASIS_KEYS, ("title",))
            if "title" in checked:
                basis.append(BasisDocument(checked["title"], checked.get("date")))
        values.pop("decision_basis", None)
        used = values.get("minority_used")
        if used is not None and used not in FORMAL_KINDS:
            allowed = " och ".join(quote(k) for k in FORMAL_KINDS)
            self.report(
                path + ("minority_used",),
                f"okänt formellt yrkande {quote(used)} – tillåtna: {allowed}",
            )
            values.pop("minority_used")
        corrects = None
        if (raw_ref := values.pop("corrects", None)) is not None:
            ref = self.table(raw_ref, path + ("corrects",), _CORRECTS_KEYS, ("date", "paragraph"))
            if "date" in ref and "paragraph" in ref:
                corrects = ParagraphRef(ref["date"], ref["paragraph"])
        if "id" not in values or "title" not in values:
            return None
        return Item(
            **values,
            extra_sections=tuple(sections),
            decision_basis=tuple(basis),
            corrects=corrects,
        )

    def duplicates(self, array: str, key: str, objects: dict[int, Any]) -> None:
        """Report the second and later uses of the same name / id (objects by index).

        Names that differ only in case or spaces ("Per Almqvist" and "per almqvist ") are
        the same person written twice: listed once as ledamot and once as ersättare, the
        record would count them twice (quorum, votes)."""
        first: dict[str, tuple[int, str]] = {}
        for n, obj in objects.items():
            if obj is None:
                continue
            value = getattr(obj, key)
            same = " ".join(value.split()).casefold()
            if same not in first:
                first[same] = (n, value)
                continue
            at, written = first[same]
            if written == value:
                self.report((array, n, key), f"{quote(value)} finns redan i {array}[{at}]")
            else:
                self.report(
                    (array, n, key),
                    f"{quote(value)} är samma namn som {array}[{at}] {quote(written)} – "
                    "skriv det en gång, likadant",
                )


def check_parsed(
    text: str, filename: str, data: dict[str, Any]
) -> tuple[Meeting | None, list[Problem]]:
    """The meeting (None if any problem) and every problem of a parsed meeting file, in
    reading order (problems without a line, file-level, first)."""
    checker = MeetingChecker(text, filename, data)
    meeting = checker.check()
    problems = sorted(checker.problems, key=lambda p: p.line or 0)
    return (meeting if not problems else None), problems


def hidden_character_warnings(text: str, filename: str, data: dict[str, Any]) -> list[Problem]:
    """A located Swedish warning for each value of a parsed meeting file holding a hidden
    format character (`textcheck.hidden_characters`: a bidi override makes a printed name
    read differently from the stored one). Warnings, not problems: the file stays valid
    and the minutes show the character visibly (docs/reliability.md). `validate` prints
    them as `FILE:LINE: varning: members[2].name: osynligt styrtecken …`."""
    from namndtui.textcheck import hidden_characters
    from namndtui.tomlcheck import format_path
    from namndtui.tomlpos import KeyLocator

    locator = KeyLocator(text)
    out: list[Problem] = []

    def walk(path: KeyPath, value: Any) -> None:
        if isinstance(value, str):
            if warning := hidden_characters(value):
                line = locator.line(path)
                out.append(Problem(filename, line, f"{format_path(path)}: {warning}"))
        elif isinstance(value, dict):
            for key, child in value.items():
                walk((*path, key), child)
        elif isinstance(value, list):
            for n, child in enumerate(value, start=1):
                walk((*path, n), child)

    walk((), data)
    return out


def hidden_character_file_warnings(file: str) -> list[Problem]:
    """`hidden_character_warnings` for a meeting file on disk ([] when it has no hidden
    character, or cannot be read or parsed: its own check reports that). A scan of the
    text first: the file is parsed again only when it holds one."""
    from namndtui.storage import read_input
    from namndtui.textcheck import hidden_characters
    from namndtui.tomlcheck import ProblemsError, parse_toml

    try:
        text = read_input(file).decode("utf-8").removeprefix("\ufeff")
        if not hidden_characters(text):
            return []
        return hidden_character_warnings(text, str(file), parse_toml(text, str(file)))
    except (OSError, UnicodeDecodeError, ProblemsError):
        return []
