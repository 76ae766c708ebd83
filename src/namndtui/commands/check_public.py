"""`namndtui check-public FILE… [--meeting PATH]`: is a document safe to publish?

Scans .md, .txt, .html and .pdf files for personnummer (and samordningsnummer) and, with
`--meeting` (a meeting folder, meeting.toml or protokoll.toml), for the names of its
`personal_data` list and the text of its secret items. One line per finding,
`FILE:LINE: what`, and exit 1; exit 0 when every file is clean; exit 2 when a file
cannot be read. No Textual import.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from namndtui.textcheck import visible


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("files", metavar="FIL", nargs="+", help="md-, txt-, html- eller pdf-fil")
    parser.add_argument(
        "--meeting",
        metavar="PATH",
        help="sammanträdet (mapp, meeting.toml eller protokoll.toml) vars personuppgiftslista "
        "och sekretessärenden filerna kontrolleras mot",
    )


def run(args: argparse.Namespace) -> int:
    from namndtui.secrecy.check import DocumentError, LeakChecker, read_document

    minutes = None
    if args.meeting:
        from namndtui.minutes.source import load_source

        source = load_source(args.meeting)
        for warning in source.warnings:
            print(visible(f"namndtui: varning: {warning}"), file=sys.stderr)
        minutes = source.minutes
    checker = LeakChecker(minutes)
    code = 0
    for name in args.files:
        path = Path(name)
        try:
            text = read_document(path)
        except DocumentError as err:
            print(visible(f"{name}: {err}"), file=sys.stderr)
            code = 2
            continue
        for finding in checker.check(text):
            print(visible(f"{name}:{finding.line}: {finding.message}"))
            code = max(code, 1)
    return code
