"""`namndtui import-kallelse FILE.pdf|FOLDER`: a whole kallelse → one meeting.toml."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from namndtui.textcheck import visible


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "path",
        metavar="FIL",
        help="kallelsen som en PDF (föredragningslista och tjänsteutlåtanden), eller en mapp med filerna",
    )
    parser.add_argument(
        "--out",
        metavar="MEETING.toml",
        help="skriv sammanträdet till filen (får inte finnas) i stället för stdout",
    )
    parser.add_argument(
        "--show-dropped",
        action="store_true",
        help="visa på stderr vilka rader som togs bort (sidnummer, sidhuvud, underskrifter …)",
    )


def _say(text: str) -> None:
    print(visible(text), file=sys.stderr)


def run(args: argparse.Namespace) -> int:
    from namndtui.importing.agenda import agenda_to_toml
    from namndtui.importing.kallelse import import_kallelse

    path = Path(args.path)
    result = import_kallelse(path)
    for warning in result.warnings:
        _say(f"namndtui: varning: {path}: {warning}")
    if args.show_dropped:
        for page, d in result.dropped:
            _say(f"{page.file}:sida {page.number}: borttaget ({d.reason}): {d.text}")
    for placed in result.placed:
        item = next(i for i in result.agenda.items if i.id == placed.item_id)
        _say(f"namndtui: {item.title}: tjänsteutlåtande på {placed.document.where} ({placed.how})")
    for item in result.missing:
        _say(f"namndtui: varning: {item.title}: fick inget tjänsteutlåtande")
    for doc in result.unplaced:
        title = doc.parsed.item.title if doc.parsed else ""
        _say(f"namndtui: varning: {doc.where} ({title}) placerades inte under något ärende")
    text = agenda_to_toml(result.agenda).replace(
        "(namndtui import-agenda)", "(namndtui import-kallelse)", 1
    )
    if args.out:
        from namndtui.commands.import_agenda import write_new_file

        write_new_file(Path(args.out), text)
        print(visible(f"Skrev {args.out} med {len(result.agenda.items)} ärenden"))
    else:
        sys.stdout.write(text)
    return 0
