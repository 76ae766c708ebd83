"""TOML text for imported items, and appending one to a meeting file.

The item table itself comes from `namndtui.meetingwrite.item_to_toml_dict`, so an
imported item is written exactly like any other item.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from namndtui.errors import UserError
from namndtui.meetingfile import (
    EXIT_FINDINGS,
    MeetingFileError,
    check_meeting_bytes,
    resolve_meeting_path,
)
from namndtui.meetingwrite import item_to_toml_dict
from namndtui.model import Item, Meeting
from namndtui.storage import atomic_write, os_reason, read_input


def item_table_toml(table: dict[str, Any]) -> str:
    """One `[[items]]` table (and its `[[items.sections]]`) as TOML text.

    Always written as array-of-tables headers: tomli_w writes a short array of tables
    inline (`items = [ { id = … } ]`), which cannot be appended after existing `[[items]]`
    (it would become a key of the last item) nor pasted into a meeting file.
    """
    import tomli_w

    rest = {k: v for k, v in table.items() if k != "sections" and not isinstance(v, dict)}
    text = "[[items]]\n" + tomli_w.dumps(rest, multiline_strings=True)
    for key, value in table.items():  # `corrects`: inline, or it would be a top-level [corrects]
        if isinstance(value, dict):
            pairs = ", ".join(tomli_w.dumps({k: v}).strip() for k, v in value.items())
            text += f"{key} = {{ {pairs} }}\n"
    for section in table.get("sections", []):
        text += "\n[[items.sections]]\n" + tomli_w.dumps(section, multiline_strings=True)
    return text


def items_toml(tables: list[dict[str, Any]]) -> str:
    """Several `[[items]]` tables separated by blank lines."""
    return "\n".join(item_table_toml(t) for t in tables)


def meeting_toml(meeting: Meeting) -> str:
    """A whole meeting.toml as a person would write it: [meeting], [[members]], [[items]].

    (tomli_w alone writes the members as one inline array at the top of the file.)
    """
    import tomli_w

    from namndtui.meetingwrite import meeting_to_dict

    data = meeting_to_dict(meeting)
    head = {"format": data["format"], "meeting": data["meeting"]}
    if "personal_data" in data:  # top-level, before [meeting]
        head = {"format": data["format"], "personal_data": data["personal_data"], **head}
    text = tomli_w.dumps(head, multiline_strings=True)
    for member in data.get("members", []):
        text += "\n[[members]]\n" + tomli_w.dumps(member)
    for official in data.get("officials", []):
        text += "\n[[officials]]\n" + tomli_w.dumps(official)
    if meeting.items:
        text += "\n" + items_toml(data["items"])
    return text


def item_to_toml(item: Item) -> str:
    """A meeting.toml fragment with one `[[items]]` table (and its `[[items.sections]]`)."""
    return item_table_toml(item_to_toml_dict(item))


def append_item(meeting_path: Path | str, item: Item) -> Path:
    """Append `item` to a meeting file, keeping the existing text byte for byte.

    The meeting file must be valid before (else MeetingFileError with every problem) and
    is checked again before it replaces the old one; an id already in use is refused
    (exit 1). Returns the path written.
    """
    path = resolve_meeting_path(meeting_path)
    try:
        data = read_input(path)  # a FIFO or /dev/zero: refused, never a hang
    except OSError as err:
        raise UserError(f"{path}: kan inte läsas ({os_reason(err)})") from err
    meeting, problems, code = check_meeting_bytes(data, str(path))
    if meeting is None:
        raise MeetingFileError(problems, code or EXIT_FINDINGS)
    if meeting.item(item.id) is not None:
        raise UserError(
            f"{path}: det finns redan ett ärende med id {item.id!r}; välj ett annat id med --id",
            EXIT_FINDINGS,
        )
    separator = (
        b"" if data.endswith(b"\n\n") or not data else (b"\n" if data.endswith(b"\n") else b"\n\n")
    )
    payload = data + separator + item_to_toml(item).encode("utf-8")
    expected = len(meeting.items) + 1

    def check(written: bytes) -> None:
        again, found, _code = check_meeting_bytes(written, str(path))
        if again is None:
            raise MeetingFileError(
                [*found], EXIT_FINDINGS
            )  # the new item made the file invalid; the old file stays
        if len(again.items) != expected or again.items[-1].id != item.id:
            raise UserError(
                f"{path}: ärendet kunde inte läggas sist i filen; filen är oförändrad", 1
            )

    try:
        atomic_write(path, payload, check=check)
    except OSError as err:  # read-only folder, disk full …: the old file is unchanged
        raise UserError(
            f"{path}: kunde inte skriva filen: {os_reason(err)}; filen är oförändrad", 2
        ) from None
    return path
