"""Command line: `namndtui [PATH]` opens the TUI; subcommands work without Textual.

Each subcommand lives in `namndtui.commands.<name>` with `add_arguments(parser)` and
`run(args) -> int`, imported only when that command runs, so `validate`, `export` and
`search` never import Textual (tested in tests/test_import_hygiene.py).
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from namndtui import __version__
from namndtui.argparse_sv import install as swedish_argparse
from namndtui.errors import UserError
from namndtui.textcheck import visible

# command name -> (module in namndtui.commands, one-line help)
COMMANDS: dict[str, tuple[str, str]] = {
    "validate": ("validate", "kontrollera meeting.toml-filer (exit 0 = giltiga)"),
    "import-text": (
        "import_text",
        "läs ett tjänsteutlåtande (text, PDF, DOCX) som ett [[items]]-avsnitt",
    ),
    "import-agenda": ("import_agenda", "läs en föredragningslista som ett sammanträdesskelett"),
    "import-kallelse": (
        "import_kallelse",
        "läs en hel kallelse (föredragningslista och tjänsteutlåtanden) som ett sammanträde",
    ),
    "new": (
        "new",
        "förbered nästa sammanträde från förra (ledamöter, §-nummer, bordlagda ärenden)",
    ),
    "export": ("export", "skriv protokoll.toml och protokoll.md för ett sammanträde"),
    "extract": ("extract", "skriv ut ett protokollsutdrag (§N) som Markdown"),
    "search": ("search", "sök i tidigare protokoll"),
    "check-public": (
        "check_public",
        "kontrollera att en fil kan publiceras (personnummer, namn, sekretessärenden)",
    ),
}

DESCRIPTION = (
    "namndtui: nämndsekreterarens verktyg. Utan kommando öppnas programmet på PATH "
    "(ett sammanträde, ett protokoll.toml eller en mapp med tidigare protokoll); "
    "utan PATH öppnas exempelsammanträdet."
)


def _open_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="namndtui",
        description=DESCRIPTION,
        epilog="kommandon: " + ", ".join(COMMANDS) + " (namndtui KOMMANDO --help)",
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"namndtui {__version__}",
        help="visa programmets version och avsluta",
    )
    parser.add_argument(
        "path", nargs="?", metavar="PATH", help="sammanträde, protokoll eller arkivmapp"
    )
    return parser


def _command_parser(name: str) -> tuple[argparse.ArgumentParser, object]:
    module_name, help_text = COMMANDS[name]
    module = importlib.import_module(f"namndtui.commands.{module_name}")
    parser = argparse.ArgumentParser(prog=f"namndtui {name}", description=help_text)
    module.add_arguments(parser)
    return parser, module


def main(argv: Sequence[str] | None = None) -> int:
    swedish_argparse()
    args_list = list(sys.argv[1:] if argv is None else argv)
    try:
        if args_list and args_list[0] in COMMANDS:
            parser, module = _command_parser(args_list[0])
            args = parser.parse_args(args_list[1:])
            return int(module.run(args) or 0)
        args = _open_parser().parse_args(args_list)
        from namndtui.commands import open_app

        return open_app.run(args)
    except UserError as err:
        print(f"namndtui: {visible(err.message)}", file=sys.stderr)
        return err.exit_code
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
