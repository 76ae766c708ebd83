"""Command line: `namndtui [PATH]` opens the TUI; subcommands work without Textual.

Each subcommand lives in `namndtui.commands.<name>` with `add_arguments(parser)` and
`run(args) -> int`, imported only when that command runs, so `validate`, `export` and
`search` never import Textual (tested in tests/test_import_hygiene.py).

`namndtui search` is the one command run many times a day against a budget of a third of
`rg -i` (docs/performance.md): this module imports nothing at the top but `sys`, and a
search whose arguments are in the common form (`commands.search.quick_args`) runs without
argparse, whose parser set-up alone imports shutil, bz2 and lzma. So does the secretary's
start, `namndtui` or `namndtui PATH` without options (the first-frame budget). Everything
else (argparse, the Swedish strings, the other commands) is imported when it is used.
"""

from __future__ import annotations

import sys

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (start-up time)

if TYPE_CHECKING:
    import argparse
    from collections.abc import Callable, Sequence

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
    "reindex": (
        "reindex",
        "kontrollera varje protokoll i arkivet mot sökindexet (även filer ändrade på plats)",
    ),
    "follow": (
        "follow",
        "följ ett sammanträde live, skrivskyddat (salens skärm, ordförandens vy, --web)",
    ),
    "check-public": (
        "check_public",
        "kontrollera att en fil kan publiceras (personnummer, namn, sekretessärenden)",
    ),
    "nyckel": (
        "nyckel",
        "skapa (en gång) och visa din nyckel för att signera justerade protokolls sigill",
    ),
}

# One metavar vocabulary for every subcommand (applied after each module's add_arguments):
# FIL a file, MAPP a folder, SÖKVÄG either, FRÅGA a search query.
METAVARS = {
    "PATH": "SÖKVÄG",
    "FILE": "FIL",
    "DIR": "MAPP",
    "QUERY": "FRÅGA",
    "MEETING.toml": "FIL",
    "MEETING": "SÖKVÄG",
}
OPTION_METAVARS = {
    "body": "NAMN",
    "date": "ÅÅÅÅ-MM-DD",
    "start": "TT:MM",
    "place": "PLATS",
    "port": "PORT",
    "host": "VÄRD",
}

# An example in every subcommand's epilog (the example meeting's own files where it fits).
EXAMPLES: dict[str, str] = {
    "validate": "namndtui validate mote/meeting.toml",
    "import-text": "namndtui import-text tjansteutlatande.pdf --append mote/meeting.toml",
    "import-agenda": "namndtui import-agenda foredragningslista.pdf > mote/meeting.toml",
    "import-kallelse": "namndtui import-kallelse kallelse.pdf --out mote/meeting.toml",
    "new": "namndtui new 2007-11-20 --from 2007-10-23",
    "export": "namndtui export mote/ --out publicerat/",
    "extract": "namndtui extract mote/ §125",
    "search": 'namndtui search "utvecklingsmedel typ:bordlagt"',
    "reindex": "namndtui reindex --archive protokoll/",
    "follow": "namndtui follow mote/ --web",
    "check-public": "namndtui check-public protokoll.md",
    "nyckel": "namndtui nyckel",
}

DESCRIPTION = (
    "namndtui: nämndsekreterarens verktyg. Utan kommando öppnas programmet på SÖKVÄG "
    "(ett sammanträde, ett protokoll.toml eller en mapp med tidigare protokoll); "
    "utan SÖKVÄG öppnas exempelsammanträdet."
)


def _commands_epilog() -> str:
    width = max(len(name) for name in COMMANDS)
    lines = [f"  {name:<{width}}  {help_text}" for name, (_, help_text) in COMMANDS.items()]
    return "kommandon (namndtui KOMMANDO --help):\n" + "\n".join(lines)


def _vocabulary(parser: argparse.ArgumentParser) -> None:
    """The shared metavars (FIL, MAPP, SÖKVÄG …) on every argument of the parser."""
    for action in parser._actions:
        if isinstance(action.metavar, str) and action.metavar in METAVARS:
            action.metavar = METAVARS[action.metavar]
        elif action.metavar is None and action.dest in OPTION_METAVARS and action.nargs != 0:
            action.metavar = OPTION_METAVARS[action.dest]


def _open_parser() -> argparse.ArgumentParser:
    import argparse

    from namndtui import __version__

    parser = argparse.ArgumentParser(
        prog="namndtui",
        description=DESCRIPTION,
        epilog=_commands_epilog() + "\n\nexempel: namndtui mote/   (öppna ett sammanträde)",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"namndtui {__version__}",
        help="visa programmets version och avsluta",
    )
    parser.add_argument(
        "--config",
        metavar="FIL",
        help="inställningsfil (standard: ~/.config/namndtui/namndtui.toml, se docs/settings.md)",
    )
    parser.add_argument(
        "--print-completion",
        choices=("bash", "zsh"),
        metavar="SKAL",
        help="skriv ut ett kompletteringsskript för bash eller zsh",
    )
    parser.add_argument(
        "path", nargs="?", metavar="SÖKVÄG", help="sammanträde, protokoll eller arkivmapp"
    )
    return parser


def _command_parser(name: str) -> tuple[argparse.ArgumentParser, object]:
    import argparse
    import importlib

    module_name, help_text = COMMANDS[name]
    module = importlib.import_module(f"namndtui.commands.{module_name}")
    parser = argparse.ArgumentParser(
        prog=f"namndtui {name}", description=help_text, epilog=f"exempel: {EXAMPLES[name]}"
    )
    module.add_arguments(parser)
    _vocabulary(parser)
    return parser, module


def full_parser() -> argparse.ArgumentParser:
    """Every command in one parser, for the completion scripts (imports every command)."""
    import importlib

    parser = _open_parser()
    commands = parser.add_subparsers(dest="command", metavar="KOMMANDO")
    for name, (module_name, help_text) in COMMANDS.items():
        sub = commands.add_parser(name, help=help_text, description=help_text)
        importlib.import_module(f"namndtui.commands.{module_name}").add_arguments(sub)
        _vocabulary(sub)
    return parser


def print_completion(shell: str) -> int:
    """`namndtui --print-completion bash|zsh`: a completion script made by shtab."""
    import shtab

    print(shtab.complete(full_parser(), shell=shell))
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    if args_list[:1] == ["search"]:  # the lean path: no argparse in the common form
        from namndtui.commands import search

        quick = search.quick_args(args_list[1:])
        if quick is not None:
            code = _guarded(lambda: search.run(quick))
            if argv is None:  # the program itself (not a caller of main): no teardown
                _leave(code)
            return code
    if len(args_list) <= 1 and not any(a.startswith("-") or a in COMMANDS for a in args_list):
        # `namndtui` or `namndtui PATH`, the secretary's start: no argparse (first frame)
        return _guarded(lambda: _open(args_list[0] if args_list else None))
    from namndtui.argparse_sv import install as swedish_argparse

    swedish_argparse()
    if args_list[:1] == ["--print-completion"]:
        if len(args_list) != 2 or args_list[1] not in ("bash", "zsh"):
            print("namndtui: --print-completion bash eller zsh", file=sys.stderr)
            return 2
        return print_completion(args_list[1])
    return _guarded(lambda: _dispatch(args_list))


def _leave(code: int) -> None:
    """End the process now with `code`, its output flushed: the interpreter's teardown
    (every module and object freed one by one) is 2–4 ms of a ~25 ms search, which rg
    does not pay (docs/performance.md). Only after a search: it has closed its index and
    leaves nothing else to clean up (no temporary files, no atexit work)."""
    import os

    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (BrokenPipeError, OSError):  # the reader has gone: nothing more to say
        pass
    os._exit(code)


def _dispatch(args_list: list[str]) -> int:
    if args_list and args_list[0] in COMMANDS:
        parser, module = _command_parser(args_list[0])
        args = parser.parse_args(args_list[1:])
        return int(module.run(args) or 0)  # type: ignore[attr-defined]
    args = _open_parser().parse_args(args_list)
    from namndtui.commands import open_app

    return open_app.run(args)


def _open(path: str | None) -> int:
    """The app on PATH (None: the example) without settings given on the command line,
    as `_open_parser` would have parsed it."""
    from types import SimpleNamespace

    from namndtui.commands import open_app

    return open_app.run(SimpleNamespace(path=path, config=None))  # type: ignore[arg-type]


def _guarded(command: Callable[[], int]) -> int:
    """Run a command: a UserError is its Swedish line and exit code, never a traceback."""
    from namndtui.errors import UserError

    try:
        return int(command() or 0)
    except UserError as err:
        from namndtui.textcheck import visible

        print(f"namndtui: {visible(err.message)}", file=sys.stderr)
        return err.exit_code
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
