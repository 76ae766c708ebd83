"""Archive budgets on the synthetic archive (benchmarks/gen_archive.py).

    python benchmarks/bench_archive.py [--archive DIR] [--meetings 5000] [--runs 7] [--keep-index]
                                       [--first-frame-only] [--rg-only] [--in-process-only]

Prints (issue #19's budgets): a full build (CPU ≤ 45 s, when the first hit was there, the
index size against the TOML ≤ 1.0×); query latency in process over a mix of queries
(p95 ≤ 25 ms); re-index after one changed minutes (≤ 100 ms); whole-process
`namndtui search` against `rg -i` over the same folder for six query kinds (≤ 0.33× each,
alternating, warm page cache, bytecode cache on; with the freshness check skipped within
a second, as in real use, and with it forced every time); time to first frame of the
archive screen against a bare Textual app with a DataTable of the same rows (≤ 1.5).
Without --archive one is generated once under /tmp (5,000 minutes, 150,000 paragraphs)
and kept for the next run. `--first-frame-only` (with --archive and an index already
built) measures only the last; `--rg-only` only the rg comparison.

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
import shutil
import statistics
import subprocess
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


# The six query kinds of the rg budget: (kind, namndtui query, rg pattern).
RG_QUERIES = [
    ("ord", "pensionärsrådet", "pensionärsrådet"),
    ("Dnr", "dnr:580-45-00", "580-45-00"),
    ("ledamot", 'ledamot:"Anna Ek"', "anna ek"),
    ("sammansättningsled (finns)", "nämnd", "nämnd"),
    ("sammansättningsled (saknas)", "finkarnas", "finkarnas"),
    ("fras", '"godkänner förslaget"', "godkänner förslaget"),
]


def namndtui_command() -> list[str]:
    """The installed console script beside this Python (what a user runs), else -m."""
    script = Path(sys.executable).with_name("namndtui")
    return [str(script)] if script.exists() else [sys.executable, "-m", "namndtui"]


# What pip's console script runs (its template imports re and sys, then calls main).
CONSOLE_SCRIPT = "import re, sys; from namndtui.cli import main; sys.exit(main())"


def wall(command: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, capture_output=True, env=env, check=False)  # output read, as a user
    return time.perf_counter() - start


def _plain_python(folder: str) -> str:
    """A venv without pip: the same interpreter whose site runs no .pth file of this
    installation's site-packages (this sandbox has one that imports certifi, ~30 ms of
    every start-up); the packages are reached through PYTHONPATH instead."""
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", folder], check=True)
    return str(Path(folder) / "bin" / "python")


# The floors of a search in the venv, each a whole process: the console script's own
# `import re`; + opening the index read-only with one query (the C module _sqlite3, as a
# search does); + one stat of every folder the manifest holds (their paths read from a
# file, the cheapest way to have them): what the folder check cannot go below. Each ends
# with os._exit, as `namndtui search` does (no interpreter teardown, cli._leave).
FLOOR_OPEN = """import re, _sqlite3
c = _sqlite3.connect("file:" + {db!r} + "?mode=ro", uri=True)
c.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
"""
FLOOR_STAT = """import os
fd = os.open({archive!r}, os.O_RDONLY)
stat = os.stat
with open({folders!r}, encoding="utf-8") as fh:
    for rel in fh.read().split("\\0"):
        stat(rel or ".", dir_fd=fd, follow_symlinks=False)
"""


def _floor_commands(plain: str, archive: Path, folder_list: Path) -> dict[str, list[str]]:
    import sqlite3

    db = str(archive / ".namndtui-index.sqlite")
    conn = sqlite3.connect(db)
    folders = [rel for (rel,) in conn.execute("SELECT rel FROM folders ORDER BY rel")]
    conn.close()
    folder_list.write_text("\0".join(folders), encoding="utf-8")
    opening = FLOOR_OPEN.format(db=db)
    stats = FLOOR_STAT.format(archive=str(archive), folders=str(folder_list))
    leave = "import os; os._exit(0)\n"
    return {
        "utan .pth + import re": [plain, "-c", "import re\n" + leave],
        "+ indexet öppnat, en fråga": [plain, "-c", opening + leave],
        f"+ stat av {len(folders)} mappar": [plain, "-c", opening + stats + leave],
    }


def versus_rg(archive: Path, runs: int) -> float:
    """Whole-process `namndtui search` against `rg -i` over the same folder, for the six
    query kinds, every command of a round alternating (the order rotates each round) on a
    warm page cache (one discarded warm-up round), bytecode cache on. `namndtui` is run
    with the freshness check as in use – skipped when the last one is under a second old –
    and with the check forced (the lock file's mtime reset: the folder check, or the full
    check when the last one is over ten minutes old, as in use), each both as installed and
    with a plain site (no .pth file run). The floors: `python -c pass` of both, and in the
    venv `import re`, + the index opened, + a stat of every folder (FLOOR_OPEN, FLOOR_STAT),
    with their ratio to rg's fastest kind. Prints a
    table and, per variant, the worst ratio of the six kinds against the budget; returns
    the worst ratio of the installed command with the check forced."""
    import importlib.util
    import sysconfig

    from namndtui.archive.lock import mark_checked

    pycache = tempfile.TemporaryDirectory(prefix="bench-archive-pycache-")
    venv = tempfile.TemporaryDirectory(prefix="bench-archive-venv-")
    plain = _plain_python(venv.name)
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    src = str(Path(importlib.util.find_spec("namndtui").origin).parents[1])  # type: ignore[arg-type]
    env.update(PYTHONPYCACHEPREFIX=pycache.name, PYTHONPATH=src)
    plain_env = {**env, "PYTHONPATH": os.pathsep.join([src, sysconfig.get_paths()["purelib"]])}
    rg = shutil.which("rg") or "/usr/bin/rg"
    lock = str(archive / ".namndtui-index.sqlite.lock")
    print(
        f"hela processen mot rg -i, {len(RG_QUERIES)} slag, medianer av {runs} omgångar "
        f"(alla kommandon växelvis), belastning före {os.getloadavg()[0]:.1f}"
    )
    floors = {"python -c pass": [sys.executable, "-c", "pass"], "utan .pth": [plain, "-c", "pass"]}
    folder_list = Path(venv.name) / "mappar"
    floors.update(_floor_commands(plain, archive, folder_list))
    floor_times: dict[str, list[float]] = {k: [] for k in floors}
    worst: dict[str, float] = {}
    rg_times: list[list[float]] = []
    header = (
        f"  {'slag':27} {'rg -i':>8}  {'namndtui':>8} {'kvot':>5}  {'kontroll':>8} {'kvot':>5}"
        f"  | utan .pth: {'namndtui':>8} {'kvot':>5}  {'kontroll':>8} {'kvot':>5}"
    )
    print(header)
    for kind, query, pattern in RG_QUERIES:
        search = ["search", query, "--archive", str(archive)]
        commands: dict[str, tuple[list[str], dict[str, str], bool | None]] = {
            "rg": ([rg, "-i", pattern, str(archive)], env, None),
            "ours": ([*namndtui_command(), *search], env, False),
            "ours_check": ([*namndtui_command(), *search], env, True),
            "plain": ([plain, "-c", CONSOLE_SCRIPT, *search], plain_env, False),
            "plain_check": ([plain, "-c", CONSOLE_SCRIPT, *search], plain_env, True),
        }
        times: dict[str, list[float]] = {k: [] for k in commands}
        for n in range(-1, runs):
            names = list(commands)
            names = names[n % len(names) :] + names[: n % len(names)]  # rotate the order
            for name in names:
                command, cmd_env, check = commands[name]
                if check:  # the lock file records the last check: never
                    mark_checked(lock, never=True)
                elif check is not None:  # just now: this search skips the check
                    mark_checked(lock)  # (a plain utime sets the atime too: not a check's)
                t = wall(command, cmd_env)
                if n >= 0:
                    times[name].append(t)
            for floor, command in floors.items():
                t = wall(command, env)
                if n >= 0:
                    floor_times[floor].append(t)
        rg_times.append(times["rg"])
        med = {k: statistics.median(v) for k, v in times.items()}
        r = {k: med[k] / med["rg"] for k in med}
        for name, ratio in r.items():
            worst[name] = max(worst.get(name, 0.0), ratio)
        print(
            f"  {kind:27} {ms(med['rg']):>8}  {ms(med['ours']):>8} {r['ours']:5.2f}"
            f"  {ms(med['ours_check']):>8} {r['ours_check']:5.2f}"
            f"  | utan .pth: {ms(med['plain']):>8} {r['plain']:5.2f}"
            f"  {ms(med['plain_check']):>8} {r['plain_check']:5.2f}"
        )
    mark_checked(lock)
    fastest_rg = min(statistics.median(v) for v in rg_times)
    for floor, values in floor_times.items():
        floor_ms = statistics.median(values)
        print(
            f"  golv: {floor:34} {ms(floor_ms):>8}  ({floor_ms / fastest_rg:.2f} av rg:s "
            f"snabbaste slag, {ms(fastest_rg)})"
        )
    labels = {
        "ours": "namndtui, kontrollen hoppad (den senaste under en sekund sedan)",
        "ours_check": "namndtui, kontroll varje gång",
        "plain": "utan .pth (venv), kontrollen hoppad (under en sekund sedan)",
        "plain_check": "utan .pth (venv), kontroll varje gång",
    }
    for name, label in labels.items():
        verdict = "inom budget" if worst[name] <= 0.33 else "över budget"
        print(f"  sämsta kvot, {label}: {worst[name]:.2f} ({verdict} ≤ 0.33)")
    print(f"  belastning efter {os.getloadavg()[0]:.1f}")
    pycache.cleanup()
    venv.cleanup()
    return worst["ours_check"]


def full_build(archive: Path) -> None:
    """A full build: CPU time, wall time, the size against the TOML, and when the first
    hit of a search was there (another connection searches after each committed batch)."""
    import namndtui.archive.build as build_module
    from namndtui.archive import ArchiveIndex

    for suffix in ("", "-journal", "-wal", "-shm", ".lock"):
        Path(str(archive / ".namndtui-index.sqlite") + suffix).unlink(missing_ok=True)
    index = ArchiveIndex(archive)
    reader = ArchiveIndex(archive)
    first_hit: list[float] = []
    cpu0, wall0 = time.process_time(), time.perf_counter()

    def progress(done: int, total: int) -> None:
        batch_done = done and done % build_module.COMMIT_EVERY == 0
        if not first_hit and batch_done and reader.search("nämnd", limit=1):
            first_hit.append(time.perf_counter() - wall0)

    stats = index.update(progress=progress)
    cpu, elapsed = time.process_time() - cpu0, time.perf_counter() - wall0
    index.close()
    reader.close()
    toml = sum(e.stat().st_size for e in _walk(archive) if e.name.endswith("protokoll.toml"))
    size = sum(
        Path(str(index.db_path) + s).stat().st_size
        for s in ("", "-wal")
        if Path(str(index.db_path) + s).exists()
    )
    print(
        f"full indexering: {stats.files} filer, {stats.paragraphs} paragrafer; CPU {cpu:.1f} s "
        f"(budget ≤ 45 s), väggtid {elapsed:.1f} s; första träffen efter "
        f"{first_hit[0] if first_hit else float('nan'):.1f} s"
    )
    print(
        f"indexets storlek {size / 1e6:.0f} MB mot {toml / 1e6:.0f} MB TOML: "
        f"{size / toml:.2f}x (budget ≤ 1.0)"
    )


def _p(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * share))]


def queries_in_process(index, runs: int) -> None:
    """The query mix in one process: each query once to warm, then `runs` rounds; wall
    and CPU time (CPU is less at the mercy of a loaded machine)."""
    times: list[float] = []
    cpu: list[float] = []
    slowest: list[tuple[float, str]] = []
    for q in QUERIES:
        index.search(q)
    load = os.getloadavg()[0]
    for _ in range(runs):
        for q in QUERIES:
            start, cpu0 = time.perf_counter(), time.process_time()
            hits = index.search(q)
            elapsed = time.perf_counter() - start
            times.append(elapsed)
            cpu.append(time.process_time() - cpu0)
            slowest.append((elapsed, f"{q} ({len(hits)})"))
    print(
        f"sökning i processen: {len(times)} frågor ({len(QUERIES)} olika x {runs}), "
        f"p50 {ms(_p(times, 0.5))}, p95 {ms(_p(times, 0.95))}, max {ms(max(times))} "
        f"(budget p95 ≤ 25 ms); belastning {load:.1f}–{os.getloadavg()[0]:.1f}"
    )
    print(f"  CPU-tid: p50 {ms(_p(cpu, 0.5))}, p95 {ms(_p(cpu, 0.95))}")
    for elapsed, q in sorted(slowest, reverse=True)[:3]:
        print(f"  långsammast: {ms(elapsed)}  {q}")


def reindex_one(index, archive: Path, runs: int) -> None:
    """One minutes file changed (atomically, as namndtui writes minutes), then `update()`:
    the folder check (a stat of every folder; the changed folder listed), the changed file
    parsed and re-indexed. `runs` times (the first, which imports the minutes loader,
    apart), then the folder check and the full check (every file stat'ed too) without a
    change, alternately; the file is put back (atomically) at the end."""
    rel = index.meetings()[0].path
    path = archive / rel
    text = path.read_text(encoding="utf-8")
    tmp = path.with_name(".bench.tmp")
    walls: list[float] = []
    cpus: list[float] = []
    for n in range(runs + 1):
        tmp.write_text(text.replace('title = "', f'title = "Ändrad {n} ', 1), encoding="utf-8")
        os.replace(tmp, path)
        start, cpu0 = time.perf_counter(), time.process_time()
        stats = index.update(full=False)
        assert stats.parsed == 1, stats
        walls.append(time.perf_counter() - start)
        cpus.append(time.process_time() - cpu0)
    first, walls, cpus = walls[0], walls[1:], cpus[1:]
    print(
        f"omindexering efter en ändrad fil ({runs} gånger): median {ms(statistics.median(walls))}"
        f", max {ms(max(walls))}; CPU median {ms(statistics.median(cpus))} (budget ≤ 100 ms); "
        f"den första, som importerar protokolläsaren: {ms(first)}"
    )
    checks: dict[bool, list[tuple[float, float]]] = {False: [], True: []}
    for _ in range(runs):
        for full in (False, True):
            start, cpu0 = time.perf_counter(), time.process_time()
            index.update(full=full)
            checks[full].append((time.perf_counter() - start, time.process_time() - cpu0))
    for full, label in (
        (False, "mappkontroll (stat av mappar)"),
        (True, "full kontroll (mappar och filer)"),
    ):
        wall_med = statistics.median(t[0] for t in checks[full])
        cpu_med = statistics.median(t[1] for t in checks[full])
        print(f"{label} utan ändring: median {ms(wall_med)}, CPU {ms(cpu_med)}")
    # The same in a fresh process, as a user meets it: `namndtui search` right after one
    # minutes file changed (it imports the minutes loader to parse it), against the same
    # search with the check forced and nothing changed, alternately.
    command = [*namndtui_command(), "search", "dnr:580-45-00", "--archive", str(archive)]
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    lock = str(archive / ".namndtui-index.sqlite.lock")
    changed: list[float] = []
    unchanged: list[float] = []
    for n in range(runs + 1):
        tmp.write_text(text.replace('title = "', f'title = "Process {n} ', 1), encoding="utf-8")
        os.replace(tmp, path)
        os.utime(lock, ns=(0, 0))
        t_changed = wall(command, env)
        os.utime(lock, ns=(0, 0))
        t_unchanged = wall(command, env)
        if n:
            changed.append(t_changed)
            unchanged.append(t_unchanged)
    print(
        f"hela processen: sökning direkt efter en ändrad fil {ms(statistics.median(changed))}, "
        f"samma utan ändring (kontroll) {ms(statistics.median(unchanged))}: omindexeringen "
        f"kostar {ms(statistics.median(changed) - statistics.median(unchanged))} i en ny process"
    )
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)  # atomically: the folder check sees it
    index.update()


def _walk(folder: Path):
    for entry in os.scandir(folder):
        if entry.name.startswith("."):
            continue
        if entry.is_dir(follow_symlinks=False):
            yield from _walk(Path(entry.path))
        else:
            yield entry


def main() -> int:
    from namndtui.archive import ArchiveIndex

    parser = argparse.ArgumentParser()
    parser.add_argument("--archive", type=Path, help="default: generate one under /tmp")
    parser.add_argument("--meetings", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument(
        "--keep-index", action="store_true", help="reuse the index (no full build figure)"
    )
    parser.add_argument("--first-frame-only", action="store_true")
    parser.add_argument("--rg-only", action="store_true", help="only the rg comparison")
    parser.add_argument(
        "--in-process-only",
        action="store_true",
        help="only the query latency and the re-index (with --keep-index: no build)",
    )
    args = parser.parse_args()
    print(
        f"maskin: {platform.processor() or platform.machine()}, {os.cpu_count()} kärnor, "
        f"Python {platform.python_version()}, belastning {os.getloadavg()[0]:.1f}"
    )
    if args.first_frame_only:
        if args.archive is None:
            parser.error("--first-frame-only needs --archive (with its index built)")
        index = ArchiveIndex(args.archive)
        meetings, _paragraphs = index.counts()
        index.close()
        first_frame(args.archive, index.db_path, meetings, args.runs)
        return 0
    archive = args.archive
    if archive is None:  # generated once, under /tmp (never in the test suite)
        archive = Path(tempfile.gettempdir()) / f"namndtui-bench-archive-{args.meetings}"
        if not archive.exists():
            from gen_archive import generate

            start = time.perf_counter()
            generate(archive, args.meetings, 30)
            print(f"genererat {args.meetings} protokoll på {time.perf_counter() - start:.1f} s")
    if args.rg_only:
        versus_rg(archive, args.runs)
        return 0
    if not args.keep_index:
        full_build(archive)
    index = ArchiveIndex(archive)
    index.update()

    queries_in_process(index, args.runs)
    reindex_one(index, archive, args.runs)
    index.close()
    if args.in_process_only:
        return 0

    versus_rg(archive, args.runs)
    first_frame(archive, index.db_path, index.counts()[0], args.runs)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
