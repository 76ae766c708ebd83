"""The judged set of searches (tests/archive/judged.toml): the share whose judged
paragraphs all rank in the top 3. `python -m tests.archive.judged` prints it and the misses."""

from __future__ import annotations

import sys
import tempfile
import tomllib
from pathlib import Path

from namndtui.archive import ArchiveIndex
from namndtui.examples import copy_archive

ROOT = Path(__file__).resolve().parents[2]
JUDGED = Path(__file__).with_name("judged.toml")


def archives(tmp: Path) -> dict[str, ArchiveIndex]:
    """The example archive (copied: the index is not written into the repository) and a
    small generated one."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from gen_archive import generate

    example = copy_archive(tmp / "exempel")
    generated = tmp / "genererat"
    generate(generated, 20, 30, seed=1)
    out = {}
    for name, folder in (("exempel", example), ("genererat", generated)):
        index = ArchiveIndex(folder)
        index.update()
        out[name] = index
    return out


def label(archive: str, hit) -> str:
    where = f"{hit.date} § {hit.number}"
    return where if archive == "exempel" else f"{hit.body} {where}"


def evaluate(indexes: dict[str, ArchiveIndex]) -> tuple[int, int, list[str]]:
    """(met, total, misses): a query is met when all its judged paragraphs are in its top 3."""
    queries = tomllib.loads(JUDGED.read_text(encoding="utf-8"))["query"]
    met, misses = 0, []
    for entry in queries:
        hits = indexes[entry["archive"]].search(entry["q"], limit=3)
        top = [label(entry["archive"], h) for h in hits]
        if all(want in top for want in entry["top3"]):
            met += 1
        else:
            misses.append(f"{entry['archive']}: {entry['q']!r} → {top} (väntat {entry['top3']})")
    return met, len(queries), misses


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="namndtui-judged-") as tmp:
        met, total, misses = evaluate(archives(Path(tmp)))
    print(
        f"bedömda sökningar: {met} av {total} ({met / total:.0%}) har sina paragrafer bland de tre första"
    )
    for miss in misses:
        print("  missar:", miss)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
