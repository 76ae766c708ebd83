"""`namndtui extract PATH §N`: print the protokollsutdrag of one paragraph as Markdown.

PATH as for export (meeting folder, meeting.toml or protokoll.toml); §N as "§125", "125"
or "§ 125". A paragraph that is not yet justified is printed marked "Ej justerat".
"""

from __future__ import annotations

import argparse
import sys


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "path", metavar="PATH", help="sammanträdesmapp, meeting.toml eller protokoll.toml"
    )
    parser.add_argument("paragraph", metavar="§N", nargs="+", help="paragrafnummer, t.ex. §125")
    parser.add_argument(
        "--publicering",
        action="store_true",
        help="webbversionen: ett sekretessärende redovisas inte, personuppgifter maskeras",
    )


def run(args: argparse.Namespace) -> int:
    from namndtui.minutes.extract import parse_paragraph_number, render_extract
    from namndtui.minutes.source import load_source
    from namndtui.textcheck import visible

    number = parse_paragraph_number(" ".join(args.paragraph))
    source = load_source(args.path)
    for warning in source.warnings:
        print(visible(f"namndtui: varning: {warning}"), file=sys.stderr)
    if args.publicering:
        from namndtui.errors import UserError
        from namndtui.secrecy.publish import PublicationLeak, render_public_extract

        try:
            text = render_public_extract(source.minutes, number)
        except PublicationLeak as leak:
            lines = [f"utdrag:{f.line}: {f.message}" for _, f in leak.findings]
            raise UserError(
                "utdraget skrevs inte ut, läckkontrollen hittade:\n" + "\n".join(lines), 1
            ) from None
    else:
        text = render_extract(source.minutes, number)
    sys.stdout.write(text)
    return 0
