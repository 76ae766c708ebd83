"""`namndtui extract PATH §N [--pdf [--out FIL]] [--publicering]`: the protokollsutdrag of
one paragraph, printed as Markdown, or written as PDF/A-2a with --pdf. With --publicering
the public version (a secret § says only that it is secret, personal data masked), after
its leak check.

PATH as for export (meeting folder, meeting.toml or protokoll.toml); §N as "§125", "125"
or "§ 125". A paragraph that is not yet justified is printed marked "UTKAST – EJ JUSTERAT".
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from namndtui.commands import minutes_options
from namndtui.errors import UserError
from namndtui.storage import os_reason


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "path", metavar="PATH", help="sammanträdesmapp, meeting.toml eller protokoll.toml"
    )
    parser.add_argument(
        "paragraph", metavar="§N", help='ett paragrafnummer: §125, 125 eller "§ 125"'
    )
    # `§ 125` unquoted is two words: the second one is taken here, and never shown (the
    # usage said "§N [§N ...]" as if several §§ were taken: one is)
    parser.add_argument("paragraph_rest", nargs="*", help=argparse.SUPPRESS)
    parser.add_argument(
        "--pdf",
        action="store_true",
        help="skriv utdraget som PDF (PDF/A-2a) i stället för Markdown på standard ut",
    )
    parser.add_argument(
        "--out",
        metavar="FIL",
        help="PDF-filens namn (standard: protokollsutdrag-N.pdf i sammanträdets mapp)",
    )
    parser.add_argument(
        "--publicering",
        action="store_true",
        help="webbversionen: ett sekretessärende redovisas inte, personuppgifter maskeras",
    )
    minutes_options.add_arguments(parser)


def run(args: argparse.Namespace) -> int:
    from namndtui.minutes.extract import parse_paragraph_number, render_extract
    from namndtui.minutes.source import load_source
    from namndtui.textcheck import visible

    number = parse_paragraph_number(" ".join([args.paragraph, *args.paragraph_rest]))
    settings = minutes_options.settings_from_args(args)
    if args.out and not args.pdf:
        raise UserError("--out gäller bara tillsammans med --pdf", 2)
    source = load_source(args.path)
    for warning in source.warnings:
        print(visible(f"namndtui: varning: {warning}"), file=sys.stderr)
    if args.publicering:
        return _run_public(source, number, settings, args)
    if not args.pdf:
        sys.stdout.write(render_extract(source.minutes, number, settings))
        return 0
    out = Path(args.out) if args.out else source.folder / f"protokollsutdrag-{number}.pdf"
    write_extract_pdf(source.minutes, number, settings, out)
    print(visible(str(out)))
    return 0


def _run_public(source, number: int, settings, args: argparse.Namespace) -> int:
    """The public extract (namndtui.secrecy), printed or as PDF, after its leak check."""
    from namndtui.secrecy.publish import Publication, PublicationLeak, leak_message

    publication = Publication(source.minutes, settings)
    try:
        if not args.pdf:
            sys.stdout.write(publication.extract(number))
            return 0
        page = publication.extract_html(number)
    except PublicationLeak as leak:
        raise UserError(leak_message("utdraget", leak.findings), 1) from None
    name = f"protokollsutdrag-{number}-publicering.pdf"
    out = Path(args.out) if args.out else source.folder / name
    write_extract_pdf(source.minutes, number, settings, out, page=page)
    from namndtui.textcheck import visible

    print(visible(str(out)))
    return 0


def write_extract_pdf(minutes, number: int, settings, out: Path, *, page: str = "") -> None:
    """The extract of § `number` (or the given HTML `page`) as PDF/A-2a at `out`
    (atomically). Raises UserError."""
    from namndtui.minutes.extract import render_extract_html
    from namndtui.minutes.pdf import check_pdf, html_to_pdf
    from namndtui.storage import atomic_write

    data = html_to_pdf(page or render_extract_html(minutes, number, settings))
    if not out.parent.is_dir():
        raise UserError(f"{out.parent}: mappen finns inte", 2)
    try:
        atomic_write(out, data, check=check_pdf)
    except OSError as err:
        raise UserError(f"{out}: kunde inte skriva utdraget: {os_reason(err)}", 2) from None
