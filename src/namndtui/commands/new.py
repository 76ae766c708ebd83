"""`namndtui new DIR --from PREVIOUS`: the next meeting's meeting.toml from the last one."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from namndtui.errors import UserError
from namndtui.storage import os_reason
from namndtui.textcheck import visible

if TYPE_CHECKING:
    from namndtui.importing.next_meeting import AgendaFacts, Previous


NOT_HANDLED = (
    "namndtui: varning: {n} ärenden på förra föredragningslistan blev inte behandlade (varken "
    "beslutade, bordlagda eller återremitterade) och följer inte med – lägg till dem i "
    "meeting.toml om de ska upp igen:"
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("folder", metavar="MAPP", help="mappen för det nya sammanträdet")
    parser.add_argument(
        "--from",
        dest="previous",
        metavar="FÖREGÅENDE",
        required=True,
        help="förra sammanträdet: en sammanträdesmapp eller ett protokoll.toml",
    )
    parser.add_argument("--date", help="det nya sammanträdets datum, ÅÅÅÅ-MM-DD")
    parser.add_argument(
        "--agenda",
        metavar="FIL",
        help="en föredragningslista (text, PDF, DOCX) vars datum, plats och ärenden tas in",
    )


def _previous(path_text: str) -> Previous:
    from namndtui.importing.next_meeting import Previous, Unfinished
    from namndtui.minutes.model import numbered_paragraphs
    from namndtui.minutes.protokoll_read import ProtokollFileError
    from namndtui.minutes.source import load_source
    from namndtui.record.minority import forced_kind
    from namndtui.record.state import IN_PROGRESS, PENDING, REFERRED_BACK, TABLED

    try:
        source = load_source(path_text)
    except ProtokollFileError as err:
        first = err.problems[0] if err.problems else None
        raise UserError(f"{first}" if first else f"{path_text}: kan inte läsas", 2) from None
    meeting, state = source.minutes.meeting, source.minutes.state
    numbered = numbered_paragraphs(meeting, state)
    unfinished = [
        Unfinished(item, para.number, para.status, para.referral_reason, forced_kind(item, para))
        for item, para in numbered
        if para.status in (TABLED, REFERRED_BACK)
    ]
    last = max((para.number for _item, para in numbered if para.number), default=None)
    left = [
        item.title
        for item in meeting.items
        if state.paragraph(item.id).status in (PENDING, IN_PROGRESS)
    ]
    return Previous(meeting, last, unfinished, left)


def _agenda(path_text: str) -> AgendaFacts:
    from namndtui.importing.agenda import parse_agenda
    from namndtui.importing.documents import read_document
    from namndtui.importing.next_meeting import AgendaFacts

    document = read_document(path_text)
    agenda = parse_agenda(document.text)
    for warning in document.warnings + agenda.warnings:
        print(visible(f"namndtui: varning: {path_text}: {warning}"), file=sys.stderr)
    return AgendaFacts(agenda.date, agenda.start, agenda.place, agenda.body, agenda.items)


def run(args: argparse.Namespace) -> int:
    from namndtui.importing.next_meeting import next_meeting
    from namndtui.importing.toml_out import meeting_toml
    from namndtui.meetingfile import MEETING_FILENAME, parse_meeting_text
    from namndtui.storage import atomic_write

    folder = Path(args.folder)
    target = folder / MEETING_FILENAME
    if target.exists() or target.is_symlink():
        raise UserError(f"{target}: finns redan; välj en ny mapp (inget skrevs över)", 1)
    if folder.exists() and not folder.is_dir():
        raise UserError(f"{folder}: är en fil, inte en mapp", 2)
    if not folder.parent.is_dir():
        raise UserError(f"{folder.parent}: mappen finns inte", 2)
    previous = _previous(args.previous)
    agenda = _agenda(args.agenda) if args.agenda else None
    date = None
    if args.date:
        try:
            date = dt.date.fromisoformat(args.date)
        except ValueError as err:
            from namndtui.tomlcheck import write_date_as

            raise UserError(f"ogiltigt datum {args.date!r}: {write_date_as(args.date)}", 2) from err
    date = date or (agenda.date if agenda else None)
    if date is None:
        raise UserError(
            "ange det nya sammanträdets datum med --date ÅÅÅÅ-MM-DD "
            "(eller en föredragningslista med datum med --agenda)",
            2,
        )
    if date <= previous.meeting.date:
        raise UserError(
            f"datumet {date.isoformat()} är inte efter förra sammanträdet "
            f"({previous.meeting.date.isoformat()})",
            2,
        )
    meeting, notes = next_meeting(previous, date, agenda)
    header = (
        f"# Nästa sammanträde, förberett från {args.previous} (namndtui new --from).\n"
        "# Ledamöter, plats och sekreterare är förra sammanträdets: kontrollera dem.\n"
    )
    text = header + meeting_toml(meeting)

    def check(written: bytes) -> None:
        problems = parse_meeting_text(written.decode("utf-8"))[1]
        if problems:  # pragma: no cover - a bug, not the user's input
            raise UserError(f"{target}: det nya sammanträdet blev ogiltigt: {problems[0]}", 1)

    try:
        folder.mkdir(exist_ok=True)
        atomic_write(target, text, check=check)
    except OSError as err:
        raise UserError(f"{target}: kunde inte skriva filen: {os_reason(err)}", 2) from None
    for note in notes:
        print(visible(f"namndtui: {note}"), file=sys.stderr)
    if previous.not_handled:
        print(visible(NOT_HANDLED.format(n=len(previous.not_handled))), file=sys.stderr)
        for title in previous.not_handled:
            print(visible(f"namndtui:   {title}"), file=sys.stderr)
    items = f"{len(meeting.items)} ärende" + ("" if len(meeting.items) == 1 else "n")
    print(
        visible(
            f"Skrev {target}: {meeting.body} {date.isoformat()}, {len(meeting.members)} ledamöter "
            f"och ersättare, {items}, första § {meeting.first_paragraph}"
        )
    )
    return 0
