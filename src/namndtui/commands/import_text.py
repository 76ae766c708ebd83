"""`namndtui import-text FILE`: a tjänsteutlåtande (text, PDF, DOCX) → one [[items]] entry."""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import replace

from namndtui.errors import UserError
from namndtui.model import ITEM_ID_PATTERN
from namndtui.textcheck import visible


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar="FIL", help="tjänsteutlåtandet: .txt, .pdf eller .docx")
    parser.add_argument("--id", dest="item_id", metavar="ID", help="ärendets id (annars av titeln)")
    parser.add_argument(
        "--append",
        metavar="MEETING.toml",
        help="lägg ärendet sist i detta sammanträde i stället för att skriva ut det",
    )
    parser.add_argument(
        "--show-dropped",
        action="store_true",
        help="visa på stderr vilka rader som togs bort (sidnummer, sidhuvud, underskrifter …)",
    )


def run(args: argparse.Namespace) -> int:
    from namndtui.importing.files import import_item_from_file
    from namndtui.importing.toml_out import append_item, item_to_toml

    result = import_item_from_file(args.file)
    item = result.item
    if args.item_id is not None:
        if not re.fullmatch(ITEM_ID_PATTERN, args.item_id):
            raise UserError(
                f"ogiltigt id {args.item_id!r}: bara a-z, 0-9 och bindestreck (t.ex. ansokan-lansstyrelsen)",
                2,
            )
        item = replace(item, id=args.item_id)
    for warning in result.warnings:
        print(visible(f"namndtui: varning: {args.file}: {warning}"), file=sys.stderr)
    if args.show_dropped:
        for d in result.dropped:
            print(
                visible(f"{args.file}:{d.line}: borttaget ({d.reason}): {d.text}"), file=sys.stderr
            )
    if args.append:
        _refuse_a_running_meeting(args.append)
        path = append_item(args.append, item)
        print(visible(f"Lade till ärendet {item.id!r} ({item.title}) sist i {path}"))
    else:
        sys.stdout.write(item_to_toml(item))
    return 0


def _refuse_a_running_meeting(target: str) -> None:
    """The rule ctrl+o follows in the app: once something is recorded, the agenda is fixed
    (an --append to the meeting just held, not the next one, said nothing)."""
    from namndtui.meetingfile import resolve_meeting_path
    from namndtui.record.journal import has_begun
    from namndtui.vocabulary import AGENDA_FIXED

    path = resolve_meeting_path(target)
    if has_begun(path.parent):
        raise UserError(f"{path}: {AGENDA_FIXED}", 1)
