"""`namndtui reindex [--archive DIR]`: the full freshness check of the archive index.

`namndtui search` runs the folder check (freshness.py): it stats every folder and looks
into those that changed, which sees every minutes file replaced atomically (namndtui's
own writes, copying, git) but not an editor that writes a protokoll.toml in place. This
command stats every file as well and reads again what changed; searches do the same on
their own when the last full check is older than ten minutes, and the archive screen when
it opens (docs/archive.md, "Freshness"). Progress on stderr as for search; a summary on
stdout. Exit 0; 2 when the archive or its index cannot be used.
"""

from __future__ import annotations

import sys

TYPE_CHECKING = False

if TYPE_CHECKING:
    import argparse


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--archive",
        metavar="DIR",
        help="mappen med protokoll (standard: $NAMNDTUI_ARCHIVE, annars exempelarkivet)",
    )


def run(args: argparse.Namespace) -> int:
    from namndtui.archive.index import ArchiveIndex
    from namndtui.commands.search import _Progress, _safe, _waiting, default_archive

    folder = args.archive or default_archive()
    index = ArchiveIndex(folder, on_wait=_waiting)
    progress = _Progress()
    try:
        stats = index.update(progress=progress, full=True)
    finally:
        progress.close()
        index.close()
    if stats.rebuilt:
        print(f"namndtui: {stats.rebuilt}; det har byggts om.", file=sys.stderr)
    print(
        _safe(
            f"Indexet för {folder} är aktuellt: {stats.files} protokoll, "
            f"{stats.parsed} {'läst' if stats.parsed == 1 else 'lästa'} på nytt, "
            f"{stats.removed} {'borttaget' if stats.removed == 1 else 'borttagna'}, "
            f"{stats.problems} som inte kunde läsas (namndtui search visar dem)."
        )
    )
    return 0
