"""`namndtui search QUERY… [--archive DIR]`: search past minutes, one line per hit.

Each hit prints as `body  date  § N  title  — snippet` with the matching words marked
«so» (plain text). The index is brought up to date first; its progress goes to stderr.
Exit 0 with hits, 1 without a hit, 2 when the archive cannot be read or the query has a
bad filter value. No Textual here (tests/test_import_hygiene.py).

The archive is `--archive DIR`, else `$NAMNDTUI_ARCHIVE`, else the bundled example
archive (the example archive shipped in the package, copied to the user's data folder).
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any

from namndtui.errors import UserError
from namndtui.textcheck import visible

MAX_PROBLEMS_SHOWN = 5
MAX_LIMIT = 10_000  # hits; also ArchiveIndex.search's bound
FRESH_FOR = 1.0  # seconds: a search this soon after the last check does not stat the archive


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
    value = text.strip()
    if not (value.isascii() and value.isdigit()) or len(value) > 6:
        raise argparse.ArgumentTypeError(f"ogiltigt antal: {value[:20]!r} (skriv ett heltal)")
    if not 1 <= int(value) <= MAX_LIMIT:
        raise argparse.ArgumentTypeError(f"--limit ska vara mellan 1 och {MAX_LIMIT}")
    return int(value)


def default_archive() -> Path:
    """$NAMNDTUI_ARCHIVE, else the bundled example archive, copied to the user's data
    folder (…/namndtui/exempelarkiv) so that its index is not written into the installed
    package; the bundled folder itself when there is no writable data folder."""
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
    )
    bar.add_task("indexerar", total=total)
    bar.start()
    return bar


def _waiting() -> None:
    print("namndtui: ett annat program uppdaterar indexet; väntar …", file=sys.stderr)


def _masker(path: Path) -> Any:
    """The public minutes' Masker for the minutes at `path`, None when unreadable."""
    import tomllib

    from namndtui.secrecy.mask import Masker

    try:
        names = tomllib.loads(path.read_text(encoding="utf-8")).get("personal_data", [])
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return None
    return Masker(n for n in names if isinstance(n, str)) if isinstance(names, list) else None


def _masked(folder: Path, hits: list[Any]) -> list[Any]:
    """`--publicering`: each hit's title and snippet masked as the public minutes mask
    them (namndtui.secrecy: personnummer, contacts, the minutes' `personal_data` names).
    A hit whose minutes can no longer be read (so its names are unknown) is left out."""
    import copy

    maskers: dict[str, Any] = {}
    out = []
    for hit in hits:
        if hit.path not in maskers:
            maskers[hit.path] = _masker(folder / hit.path)
            if maskers[hit.path] is None:
                warning = f"namndtui: varning: {hit.path} kan inte läsas; dess träffar visas inte"
                print(_safe(warning), file=sys.stderr)
        masker = maskers[hit.path]
        if masker is not None:
            hit = copy.copy(hit)
            hit.title, hit.title_spans = masker.mask_spans(hit.title, hit.title_spans)
            hit.snippet, hit.spans = masker.mask_spans(hit.snippet, hit.spans)
            out.append(hit)
    return out


def run(args: argparse.Namespace) -> int:
    from namndtui.archive.index import ArchiveIndex

    folder = Path(args.archive) if args.archive else default_archive()
    query_text = " ".join(args.query)
    from namndtui.archive.search import parse_query

    query = parse_query(query_text)  # a bad filter is reported before any indexing
    index = ArchiveIndex(folder, on_wait=_waiting, public=args.publicering)
    progress = _Progress()
    try:
        stats = index.update(progress=progress, max_age=FRESH_FOR)
    finally:
        progress.close()
    if stats.rebuilt:
        print(f"namndtui: {stats.rebuilt}; det har byggts om.", file=sys.stderr)
    problems = index.problems()
    for problem in problems[:MAX_PROBLEMS_SHOWN]:
        print(_safe(f"namndtui: varning: {problem.message or problem.path}"), file=sys.stderr)
    if len(problems) > MAX_PROBLEMS_SHOWN:
        more = len(problems) - MAX_PROBLEMS_SHOWN
        print(f"namndtui: … och {more} filer till som inte kunde läsas", file=sys.stderr)
    if query.empty:
        raise UserError("ange något att söka efter", 2)
    hits = index.search(query, limit=args.limit)
    if args.publicering:
        hits = _masked(folder, hits)
    for hit in hits:
        print(_safe(hit.line()))
    if not hits:
        print(_safe(f"namndtui: inga träffar för {query_text}"), file=sys.stderr)
        return 1
    return 0
