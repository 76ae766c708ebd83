"""`namndtui import-agenda FILE`: a föredragningslista (text, PDF, DOCX) → meeting skeleton."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from namndtui.errors import UserError
from namndtui.storage import os_reason
from namndtui.textcheck import visible


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar="FIL", help="föredragningslistan: .txt, .pdf eller .docx")
    parser.add_argument("--body", help="nämndens namn (om det saknas i listan eller är fel)")
    parser.add_argument("--date", help="sammanträdets datum, ÅÅÅÅ-MM-DD")
    parser.add_argument("--start", help="starttid, TT:MM")
    parser.add_argument("--place", help="plats")
    parser.add_argument(
        "--out",
        metavar="MEETING.toml",
        help="skriv skelettet till filen (får inte finnas) i stället för stdout",
    )


def run(args: argparse.Namespace) -> int:
    from namndtui.importing.agenda import agenda_to_toml, parse_agenda
    from namndtui.importing.documents import read_document

    document = read_document(args.file)
    agenda = parse_agenda(document.text)
    if args.body:
        agenda.body = args.body.strip()
    if args.date:
        try:
            agenda.date = dt.date.fromisoformat(args.date)
        except ValueError as err:
            from namndtui.tomlcheck import write_date_as

            raise UserError(f"ogiltigt datum {args.date!r}: {write_date_as(args.date)}", 2) from err
    if args.start:
        try:
            agenda.start = dt.time.fromisoformat(args.start.replace(".", ":"))
        except ValueError as err:
            raise UserError(f"ogiltig tid {args.start!r}: skriv TT:MM", 2) from err
    if args.place:
        agenda.place = args.place.strip()
    for warning in document.warnings + agenda.warnings:
        print(visible(f"namndtui: varning: {args.file}: {warning}"), file=sys.stderr)
    names = {"body": "nämndens namn (--body)", "date": "datum (--date)"}
    if agenda.missing:
        what = " och ".join(names[k] for k in agenda.missing)
        message = (
            f"namndtui: varning: {args.file}: hittade inte {what}; fyll i raderna märkta FYLL I "
            "eller kör igen med flaggorna"
        )
        print(visible(message), file=sys.stderr)
    text = agenda_to_toml(agenda)
    if args.out:
        out = Path(args.out)
        write_new_file(out, text)
        print(visible(f"Skrev {out} med {len(agenda.items)} ärenden"))
    else:
        sys.stdout.write(text)
    return 0


def write_new_file(out: Path, text: str) -> None:
    """Write `text` to a new file `out` atomically; never over an existing one."""
    from namndtui.storage import atomic_write

    folder = out.parent if str(out.parent) else Path(".")
    # One Swedish line for every OS error (no folder, too long a name, read-only, full).
    try:
        if out.is_dir():
            raise UserError(f"{out}: är en mapp; ange ett filnamn, t.ex. {out / 'meeting.toml'}", 2)
        if out.exists():
            raise UserError(f"{out}: finns redan; välj ett annat filnamn", 1)
        if not folder.is_dir():
            raise UserError(f"{folder}: mappen finns inte", 2)
        atomic_write(out, text)
    except OSError as err:
        raise UserError(f"{out}: kunde inte skriva filen: {os_reason(err)}", 2) from None
