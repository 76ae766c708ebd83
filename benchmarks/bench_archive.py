"""Archive budgets on the synthetic archive (benchmarks/gen_archive.py).

    python benchmarks/bench_archive.py [--archive DIR] [--meetings 5000] [--runs 7] [--keep-index]
                                       [--first-frame-only]

Prints: full index build (files/s, paragraphs/s, index size); query latency over a mix
of queries (p50/p95, budget p95 ≤ 50 ms); re-index after one file changed (budget ≤ 1 s);
time to first frame of the archive screen on the archive against a bare Textual app with a
DataTable of the same rows (budget ratio ≤ 1.5). Without --archive a temporary one is
generated (5,000 minutes, 150,000 paragraphs). `--first-frame-only` (with --archive and an
index already built) measures only the last.

The first frame is measured as in bench_first_frame.py: fresh processes, alternating, one
discarded warm-up pair, bytecode cache on in a private PYTHONPYCACHEPREFIX, and the time is
taken when the app hands the driver its first complete screen update *that shows the
meetings list with rows* (`App._display` patched in the child) – the archive fills its list
after its index is open, so a frame with an empty list does not count. "Settled" (all
messages processed and the CPU idle, then exit) is printed as well.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))
from bench_first_frame import first_frame_probe, run_child  # noqa: E402

QUERIES = [
    "nämnd", "förskolelokaler", "fritidsgården", "hemtjänsten vällingby", '"godkänner förslaget"',
    "budget år:2007", "typ:reservation", "typ:votering organ:bromma", "typ:omedelbar år:2010",
    "dnr:580-45-00", "ledamot:\"Anna Ek\"", 'ledamot:"Anna Ek" typ:reservation', "klotter tensta",
    "trafiksäkerhet från:2005-01-01 till:2006-12-31", "äldreboendet organ:socialnämnden",
    "våld i nära relationer", "tertialrapport", "upphandling städtjänster", "idrottshallen kista",
    "pensionärsrådet", "ek", "§ 5 organ:kultur", "feriearbeten år:2015", "remiss", "detaljplan nälsta",
]  # fmt: skip

# Prepended to both children: the monotonic time of the first frame with the list filled.
FIRST_FRAME_PROBE = first_frame_probe(
    """def _ready(screen):
    try:
        table = screen.query_one("#meetings")
    except Exception:
        return False
    rows = getattr(table, "row_count", 0) or getattr(table, "option_count", 0)
    return bool(rows) and table.virtual_size.height > 1  # rows added and laid out
"""
)

CHILD_BARE = (
    FIRST_FRAME_PROBE
    + """
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
        yield DataTable(id="meetings")
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
)

CHILD_ARCHIVE = (
    FIRST_FRAME_PROBE
    + """
import sys
from pathlib import Path
from namndtui.commands.open_app import build_app
app = build_app(Path(sys.argv[1]))
async def first_frame(pilot):
    await pilot.pause()
    pilot.app.exit()
app.run(headless=True, size=(120, 36), auto_pilot=first_frame)
"""
)


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


def time_child(code: str, arg: str, env: dict[str, str]) -> tuple[float, float]:
    """(first frame, settled) in seconds from spawn."""
    return run_child(code, [arg], env, cwd=ROOT)


def first_frame(archive: Path, db_path: Path, meetings: int, runs: int) -> None:
    """The archive screen against the bare app: first frame and settled, medians of `runs`."""
    pycache = tempfile.TemporaryDirectory(prefix="bench-archive-pycache-")
    xdg = tempfile.TemporaryDirectory(prefix="bench-archive-xdg-")
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env.update(PYTHONPYCACHEPREFIX=pycache.name, XDG_CACHE_HOME=xdg.name)
    bare: list[tuple[float, float]] = []
    ours: list[tuple[float, float]] = []
    for n in range(-1, runs):  # n = -1: a discarded warm-up pair (bytecode, disk cache)
        pair = [("bare", CHILD_BARE, str(db_path)), ("ours", CHILD_ARCHIVE, str(archive))]
        if n % 2:
            pair.reverse()
        for name, code, arg in pair:
            timing = time_child(code, arg, env)
            if n >= 0:
                (bare if name == "bare" else ours).append(timing)
    pycache.cleanup()
    xdg.cleanup()
    b, o = statistics.median(t[0] for t in bare), statistics.median(t[0] for t in ours)
    bs, os_ = statistics.median(t[1] for t in bare), statistics.median(t[1] for t in ours)
    ratios = sorted(x[0] / y[0] for x, y in zip(ours, bare, strict=True))
    print(
        f"arkivvyn, första bild ({meetings} sammanträden): bar app {ms(b)}, namndtui {ms(o)}, "
        f"kvot {o / b:.2f} (par {ratios[0]:.2f}–{ratios[-1]:.2f}) (budget ≤ 1.5)"
    )
    print(f"arkivvyn, klar: bar app {ms(bs)}, namndtui {ms(os_)}, kvot {os_ / bs:.2f}")


def main() -> int:
    from namndtui.archive import ArchiveIndex

    parser = argparse.ArgumentParser()
    parser.add_argument("--archive", type=Path)
    parser.add_argument("--meetings", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument(
        "--keep-index", action="store_true", help="reuse the index (no full build figure)"
    )
    parser.add_argument("--first-frame-only", action="store_true")
    args = parser.parse_args()
    print(
        f"maskin: {platform.processor() or platform.machine()}, {os.cpu_count()} kärnor, Python {platform.python_version()}"
    )
    if args.first_frame_only:
        if args.archive is None:
            parser.error("--first-frame-only needs --archive (with its index built)")
        index = ArchiveIndex(args.archive)
        meetings, _paragraphs = index.counts()
        index.close()
        first_frame(args.archive, index.db_path, meetings, args.runs)
        return 0
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
    first_frame(archive, index.db_path, meetings, args.runs)
    if tmp is not None:
        tmp.cleanup()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
