"""`namndtui search QUERY… [--archive DIR]`: search past minutes, one line per hit.

Each hit prints as `body  date  § N  title  — snippet` with the matching words marked
«so» (plain text). The index is brought up to date first; its progress goes to stderr.
During a long build (a first search of a large archive) the hits in the part indexed so
far are printed as soon as a batch holds one, marked incomplete on stderr; the hits found
when the build is done follow, without repeating those. Exit 0 with hits, 1 without a
hit, 2 when the archive cannot be read or the query has a bad filter value. No Textual
here (tests/test_import_hygiene.py); no argparse, pathlib or typing on the common path
(`quick_args`; docs/archive.md, "namndtui search").

The archive is `--archive DIR`, else `$NAMNDTUI_ARCHIVE`, else the bundled example
archive (the example archive shipped in the package, copied to the user's data folder).
"""

from __future__ import annotations

import os
import sys

from namndtui.errors import UserError

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (start-up time)

if TYPE_CHECKING:
    import argparse
    from pathlib import Path
    from typing import Any

MAX_PROBLEMS_SHOWN = 5
MAX_LIMIT = 10_000  # hits; also ArchiveIndex.search's bound
FRESH_FOR = 1.0  # seconds: a search this soon after the last check does not stat the archive
INCOMPLETE = (
    "namndtui: ofullständigt: {done} av {total} protokoll indexerade hittills; "
    "fler träffar när indexet är klart"
)
COMPLETE_MORE = "namndtui: indexet är klart; fler träffar:"
COMPLETE_NO_MORE = "namndtui: indexet är klart; inga fler träffar."


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "query",
        nargs="+",
        metavar="QUERY",
        help='sökord, "fraser" och filter som organ:, år:, från:, till:, typ:, dnr:, ledamot:',
    )
    parser.add_argument(
        "--archive",
        metavar="DIR",
        help="mappen med protokoll (standard: $NAMNDTUI_ARCHIVE, annars exempelarkivet)",
    )
    parser.add_argument(
        "--limit",
        type=_limit,
        default=50,
        metavar="N",
        help=f"högst N träffar (50, högst {MAX_LIMIT})",
    )

    parser.add_argument(
        "--publicering",
        action="store_true",
        help="sök som allmänheten: sekretessbelagda paragrafer visar bara sin offentliga rubrik",
    )


def _limit(text: str) -> int:
    """--limit N: a whole number 1–MAX_LIMIT, else a Swedish line (argparse exits 2)."""
    import argparse

    value = _limit_value(text)
    if value is None:
        shown = text.strip()[:20]
        raise argparse.ArgumentTypeError(f"ogiltigt antal: {shown!r} (skriv ett heltal)")
    if not 1 <= value <= MAX_LIMIT:
        raise argparse.ArgumentTypeError(f"--limit ska vara mellan 1 och {MAX_LIMIT}")
    return value


def _limit_value(text: str) -> int | None:
    value = text.strip()
    return int(value) if value.isascii() and value.isdigit() and len(value) <= 6 else None


class QuickArgs:
    """The arguments of `search` as argparse would give them (query, archive, limit,
    publicering), read without argparse."""

    def __init__(self, query: list[str], archive: str | None, limit: int, public: bool) -> None:
        self.query = query
        self.archive = archive
        self.limit = limit
        self.publicering = public


def quick_args(argv: list[str]) -> QuickArgs | None:
    """`search`'s arguments in their common form – the words in one run, options before or
    after them spelt in full (`--archive DIR`, `--archive=DIR`, `--limit N`, `--publicering`)
    – without argparse, whose set-up is a tenth of a search's time. None for anything else
    (help, a bad or abbreviated option, `--`, a word starting with "-"): argparse then
    reads it, with its Swedish messages. Same result as argparse (tested)."""
    query: list[str] = []
    values: dict[str, str] = {}
    public = False
    words_ended = False  # argparse takes the words as one run; a second run is its error
    i = 0
    while i < len(argv):
        arg = argv[i]
        if not arg.startswith("-"):
            if words_ended:
                return None
            query.append(arg)
        else:
            words_ended = bool(query)
            if arg == "--publicering":
                public = True
            else:
                name, eq, value = arg.partition("=")
                if name not in ("--archive", "--limit"):
                    return None
                if not eq:
                    i += 1
                    if i == len(argv) or argv[i].startswith("-"):
                        return None
                    value = argv[i]
                if name == "--limit":  # argparse checks every one given, not the last only
                    limit = _limit_value(value)
                    if limit is None or not 1 <= limit <= MAX_LIMIT:
                        return None
                values[name] = value
        i += 1
    if not query:
        return None
    return QuickArgs(query, values.get("--archive"), int(values.get("--limit", 50)), public)


def default_archive() -> Path:
    """$NAMNDTUI_ARCHIVE, else the bundled example archive, copied to the user's data
    folder (…/namndtui/exempelarkiv) so that its index is not written into the installed
    package; the bundled folder itself when there is no writable data folder."""
    from pathlib import Path

    env = os.environ.get("NAMNDTUI_ARCHIVE")
    if env:
        return Path(env)
    from namndtui.commands.open_app import example_workdir
    from namndtui.examples import copy_archive, example_archive

    try:
        return copy_archive(example_workdir().parent / "exempelarkiv")
    except OSError:
        return example_archive()


def _safe(text: str) -> str:
    """Printable whatever the data: control characters visible, undecodable bytes escaped."""
    from namndtui.textcheck import visible

    return visible(text).encode("utf-8", "backslashreplace").decode("utf-8")


class _Progress:
    """Indexing progress on stderr: on a terminal a rich progress bar (files, files per
    second, time left), else one line at the start and one at the end. Never on stdout."""

    def __init__(self) -> None:
        self.tty = sys.stderr.isatty()
        self.started = False
        self.bar: Any = None

    def __call__(self, done: int, total: int) -> None:
        if not self.started:
            self.started = True
            if self.tty:
                self.bar = _rich_bar(total)
            else:
                print(f"namndtui: indexerar {total} protokoll …", file=sys.stderr)
        if self.bar is not None:
            self.bar.update(self.bar.task_ids[0], completed=done)
        if done == total:
            self.close()
            print(f"namndtui: indexerat {total} protokoll.", file=sys.stderr)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.stop()
            self.bar = None

    def hold(self) -> None:
        """Take the bar off the terminal while lines are printed (`resume` puts it back)."""
        if self.bar is not None:
            self.bar.stop()

    def resume(self) -> None:
        if self.bar is not None:
            self.bar.start()


class _EarlyHits:
    """The hits of a long build's part indexed so far: after each committed batch (another
    connection sees it, as the archive screen's searches do) until one holds a hit; those
    are printed at once, marked incomplete on stderr. `rest` prints the final hits that
    were not printed then."""

    def __init__(self, index: Any, query: Any, limit: int, progress: _Progress, masks: Any) -> None:
        self.index = index
        self.query = query
        self.limit = limit
        self.progress = progress
        self.masks = masks  # _PublicMasks for --publicering, else None
        self.reader: Any = None
        self.shown: set[tuple[str, str, int]] = set()

    def __call__(self, done: int, total: int) -> None:
        self.progress(done, total)
        from namndtui.archive import index as index_module
        from namndtui.archive.build import COMMIT_EVERY

        if not 0 < done < total or done % COMMIT_EVERY:
            return  # not a batch just committed of a build longer than one batch
        if self.shown or self.query.empty:
            return
        if self.reader is None:
            self.reader = index_module.ArchiveIndex(
                self.index.folder, db_path=self.index.db_path, public=self.index.public
            )
        hits = self.reader.search(self.query, limit=self.limit, mask_for=self.masks)
        if not hits:
            return
        self.progress.hold()
        print(INCOMPLETE.format(done=done, total=total), file=sys.stderr)
        _print_hits(hits)
        self.progress.resume()
        self.shown = {_key(hit) for hit in hits}

    def rest(self, hits: list[Any]) -> list[Any]:
        """The final hits not printed during the build (all of them when none was)."""
        if self.reader is not None:
            self.reader.close()
        if not self.shown:
            return hits
        more = [hit for hit in hits if _key(hit) not in self.shown]
        print(COMPLETE_MORE if more else COMPLETE_NO_MORE, file=sys.stderr)
        return more


def _key(hit: Any) -> tuple[str, str, int]:
    return (hit.path, hit.item, hit.number)


def _print_hits(hits: list[Any]) -> None:
    for hit in hits:
        print(_safe(hit.line()))
    sys.stdout.flush()  # before the next line on stderr, in a terminal


def _rich_bar(total: int) -> Any:
    """A started rich Progress on stderr (imported only when a build shows one)."""
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        ProgressColumn,
        TextColumn,
        TimeRemainingColumn,
    )
    from rich.text import Text

    class Rate(ProgressColumn):
        def render(self, task: Any) -> Text:
            return Text(f"{task.speed or 0:.0f} filer/s")

    bar = Progress(
        TextColumn("indexerar"),
        BarColumn(),
        MofNCompleteColumn(),
        Rate(),
        TextColumn("kvar"),
        TimeRemainingColumn(),
        console=Console(stderr=True),
        transient=True,
        redirect_stdout=False,  # hits printed during a build go to stdout, never to stderr
        redirect_stderr=False,
    )
    bar.add_task("indexerar", total=total)
    bar.start()
    return bar


def _waiting() -> None:
    print("namndtui: ett annat program uppdaterar indexet; väntar …", file=sys.stderr)


class _PublicMasks:
    """`--publicering`: for the minutes at a path (relative to the archive), the function
    that masks a text as their public minutes do (namndtui.secrecy: personnummer, contacts,
    the minutes' `personal_data` names); None, with a warning once, when the minutes can no
    longer be read (their names are unknown: their §§ are left out). The index checks the
    query in the masked text and shows it (archive/query.py, PublicText)."""

    def __init__(self, folder: str | Path) -> None:
        self.folder = os.fspath(folder)
        self.masks: dict[str, Any] = {}

    def __call__(self, rel: str) -> Any:
        if rel not in self.masks:
            masker = _masker(os.path.join(self.folder, rel))
            if masker is None:
                warning = f"namndtui: varning: {rel} kan inte läsas; dess träffar visas inte"
                print(_safe(warning), file=sys.stderr)
            self.masks[rel] = masker.mask if masker is not None else None
        return self.masks[rel]


def _masker(path: str) -> Any:
    """The public minutes' Masker for the minutes at `path`, None when unreadable."""
    import tomllib

    from namndtui.secrecy.mask import Masker
    from namndtui.storage import read_input

    try:
        names = tomllib.loads(read_input(path).decode("utf-8")).get("personal_data", [])
    except (OSError, ValueError, RecursionError):  # TOMLDecodeError, UnicodeDecodeError
        return None
    return Masker(n for n in names if isinstance(n, str)) if isinstance(names, list) else None


STALE = "sökningen gäller det som redan fanns i indexet (nyare protokoll kan saknas)"


def run(args: argparse.Namespace) -> int:
    from namndtui.archive.index import ArchiveIndex

    folder = args.archive or default_archive()  # a str: no pathlib on the lean path
    query_text = " ".join(args.query)
    from namndtui.archive.search import parse_query

    query = parse_query(query_text)  # a bad filter is reported before any indexing
    index = ArchiveIndex(folder, on_wait=_waiting, public=args.publicering)
    try:
        return _search(index, folder, query, args)
    finally:
        index.close()  # (the command line ends the process without a teardown: cli._leave)


def _search(index: Any, folder: str | Path, query: Any, args: argparse.Namespace) -> int:
    """Update the index (early hits during a long build), warn of problems, print the hits."""
    from namndtui.archive.index import IndexNotUpdated

    progress = _Progress()
    masks = _PublicMasks(folder) if args.publicering else None
    early = _EarlyHits(index, query, args.limit, progress, masks)
    try:
        stats = index.update(progress=early, max_age=FRESH_FOR)
    except IndexNotUpdated as err:  # a full disk: search what the index holds, and say so
        stats = None
        print(_safe(f"namndtui: varning: {err}; {STALE}"), file=sys.stderr)
    finally:
        progress.close()
    if stats is not None and stats.rebuilt:
        print(f"namndtui: {stats.rebuilt}; det har byggts om.", file=sys.stderr)
    problems = index.problems()
    for problem in problems[:MAX_PROBLEMS_SHOWN]:
        print(_safe(f"namndtui: varning: {problem.line}"), file=sys.stderr)
    if len(problems) > MAX_PROBLEMS_SHOWN:
        more = len(problems) - MAX_PROBLEMS_SHOWN
        files = "fil" if more == 1 else "filer"
        print(f"namndtui: … och {more} {files} till som inte kunde läsas", file=sys.stderr)
    if query.empty:
        raise UserError("ange något att söka efter", 2)
    hits = index.search(query, limit=args.limit, mask_for=masks)
    _print_hits(early.rest(hits))
    if not hits and not early.shown:
        print(_safe(f"namndtui: inga träffar för {query.text}"), file=sys.stderr)
        return 1
    return 0
