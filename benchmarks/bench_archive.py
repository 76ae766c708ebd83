"""Archive budgets on the synthetic archive (benchmarks/gen_archive.py).

    python benchmarks/bench_archive.py [--archive DIR] [--meetings 5000] [--runs 7] [--keep-index]

Prints: full index build (files/s, paragraphs/s, index size); query latency over a mix
of queries (p50/p95, budget p95 ≤ 50 ms); re-index after one file changed (budget ≤ 1 s);
time to first frame of the archive screen on the archive against a bare Textual app with a
DataTable of the same rows, fresh processes, alternating runs (budget ratio ≤ 1.5).
Without --archive a temporary one is generated (5,000 minutes, 150,000 paragraphs).
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

QUERIES = [
    "nämnd", "förskolelokaler", "fritidsgården", "hemtjänsten vällingby", '"godkänner förslaget"',
    "budget år:2007", "typ:reservation", "typ:votering organ:bromma", "typ:omedelbar år:2010",
    "dnr:580-45-00", "ledamot:\"Anna Ek\"", 'ledamot:"Anna Ek" typ:reservation', "klotter tensta",
    "trafiksäkerhet från:2005-01-01 till:2006-12-31", "äldreboendet organ:socialnämnden",
    "våld i nära relationer", "tertialrapport", "upphandling städtjänster", "idrottshallen kista",
    "pensionärsrådet", "ek", "§ 5 organ:kultur", "feriearbeten år:2015", "remiss", "detaljplan nälsta",
]  # fmt: skip

CHILD_BARE = """
import sys, sqlite3
from textual.app import App
from textual.widgets import DataTable, Footer, Input, Static
from rich.text import Text
rows = [tuple(Text(str(c)) for c in r) for r in sqlite3.connect(sys.argv[1]).execute(
    "SELECT body, date, first, count FROM meetings ORDER BY body, date DESC")]
class Bare(App):
    def compose(self):
        yield Static("Arkiv")
        yield Input()
        yield DataTable(id="t")
        yield Footer()
    def on_mount(self):
        t = self.query_one(DataTable)
        t.add_columns("Nämnd", "Datum", "Paragrafer", "Antal §")
        t.add_rows(rows)
async def first_frame(pilot):
    await pilot.pause()
    pilot.app.exit()
Bare().run(headless=True, size=(120, 36), auto_pilot=first_frame)
"""

CHILD_ARCHIVE = """
import sys
from pathlib import Path
from namndtui.commands.open_app import build_app
app = build_app(Path(sys.argv[1]))
async def first_frame(pilot):
    await pilot.pause()
    pilot.app.exit()
app.run(headless=True, size=(120, 36), auto_pilot=first_frame)
"""


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


def main() -> int:
    from namndtui.archive import ArchiveIndex

    parser = argparse.ArgumentParser()
    parser.add_argument("--archive", type=Path)
    parser.add_argument("--meetings", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument(
        "--keep-index", action="store_true", help="reuse the index (no full build figure)"
    )
    args = parser.parse_args()
    print(
        f"maskin: {platform.processor() or platform.machine()}, {os.cpu_count()} kärnor, Python {platform.python_version()}"
    )
    tmp = None
    archive = args.archive
    if archive is None:
        from gen_archive import generate

        tmp = tempfile.TemporaryDirectory(prefix="bench-archive-", dir=ROOT / "benchmarks")
        archive = Path(tmp.name)
        start = time.perf_counter()
        generate(archive, args.meetings, 30)
        print(f"genererat {args.meetings} protokoll på {time.perf_counter() - start:.1f} s")
    index_file = archive / ".namndtui-index.sqlite"
    if not args.keep_index:
        for suffix in ("", "-journal"):
            Path(str(index_file) + suffix).unlink(missing_ok=True)

    # 1. Full build.
    index = ArchiveIndex(archive)
    stats = index.update()
    meetings, paragraphs = index.counts()
    size = index.db_path.stat().st_size / 1e6
    if args.keep_index:
        print(f"befintligt index: {paragraphs} paragrafer, uppdaterat på {stats.seconds:.1f} s")
    else:
        print(
            f"full indexering: {stats.files} filer, {paragraphs} paragrafer på {stats.seconds:.1f} s "
            f"({stats.files / stats.seconds:.0f} filer/s, {paragraphs / stats.seconds:.0f} paragrafer/s); "
            f"index {size:.0f} MB"
        )

    # 2. Queries: each query once to warm, then `runs` rounds.
    times: list[float] = []
    slowest: list[tuple[float, str]] = []
    for q in QUERIES:
        index.search(q)
    for _ in range(args.runs):
        for q in QUERIES:
            start = time.perf_counter()
            hits = index.search(q)
            elapsed = time.perf_counter() - start
            times.append(elapsed)
            slowest.append((elapsed, f"{q} ({len(hits)})"))
    times.sort()
    p50 = times[len(times) // 2]
    p95 = times[int(len(times) * 0.95)]
    print(
        f"sökning: {len(times)} frågor ({len(QUERIES)} olika x {args.runs}), p50 {ms(p50)}, p95 {ms(p95)}, max {ms(times[-1])} (budget p95 ≤ 50 ms)"
    )
    for elapsed, q in sorted(slowest, reverse=True)[:3]:
        print(f"  långsammast: {ms(elapsed)}  {q}")

    # 3. One file changed.
    rel = index.meetings()[0].path
    path = archive / rel
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('title = "', 'title = "Ändrad ', 1), encoding="utf-8")
    start = time.perf_counter()
    stats = index.update()
    elapsed = time.perf_counter() - start
    print(
        f"omindexering efter en ändrad fil: {ms(elapsed)} (tolkade {stats.parsed}) (budget ≤ 1 s)"
    )
    index.close()

    # 4. First frame of the archive screen vs a bare app with the same rows.
    bare, ours = [], []
    for n in range(args.runs):
        pair = [("bare", CHILD_BARE, str(index.db_path)), ("ours", CHILD_ARCHIVE, str(archive))]
        if n % 2:
            pair.reverse()
        for name, code, arg in pair:
            start = time.perf_counter()
            subprocess.run(
                [sys.executable, "-c", code, arg], check=True, capture_output=True, cwd=ROOT
            )
            (bare if name == "bare" else ours).append(time.perf_counter() - start)
    b, o = statistics.median(bare), statistics.median(ours)
    print(
        f"arkivvyn, första bild ({meetings} sammanträden): bar app {ms(b)}, namndtui {ms(o)}, kvot {o / b:.2f} (budget ≤ 1.5)"
    )
    if tmp is not None:
        tmp.cleanup()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
