"""Benchmark of `namndtui export --pdf` in a fresh process (not a test).

    python benchmarks/bench_pdf.py [--items 500] [--runs 3] [--skip-large] [--src DIR] [--phases]

Two minutes: the 13-item example (the golden protokoll.toml of the Hässelby-Vällingby
meeting, every item decided) and a generated 500-item record (bench_minutes.generated:
motions, votes, reservations, notes). Each is exported by a new Python process, as the
secretary runs it: `python -m namndtui export protokoll.toml --pdf --out DIR`. The
reference, in the same run, is the same export without --pdf (toml + md), so the figure
can be read on a busy machine as a ratio. Budgets: 13 items ≤ 1.5 s, 500 items ≤ 10 s.

Besides the wall time it prints the CPU time of the child process (user + system, from
`getrusage(RUSAGE_CHILDREN)`): on a shared machine the wall time grows with the load, the
CPU time much less, so the CPU figure is the one to compare between runs; on an idle
machine the wall time is the CPU time plus a few tens of milliseconds of disk (fsync).
The load average before and after is printed with the figures. `--src DIR` runs the
exports with another source tree (an older commit unpacked with `git archive`), to compare
before and after in the same conditions. `--phases` also prints, from one more fresh
process per document, the CPU time of each step of `html_to_pdf`: importing WeasyPrint
(with its child processes), laying out the pages, writing the PDF.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench_minutes import generated
from namndtui.minutes.write import write_files

ROOT = Path(__file__).resolve().parents[1]
SRC = [ROOT / "src"]  # the sources the exports run (--src)
EXAMPLE = ROOT / "tests/minutes/golden/hasselby-vallingby-2007-10-23/protokoll.toml"


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def fresh_export(protokoll: Path, out: Path, *extra: str) -> tuple[float, float]:
    """(wall, cpu) seconds of one `namndtui export` in a new process."""
    env = dict(os.environ, PYTHONPATH=str(SRC[0]))
    cmd = [sys.executable, "-m", "namndtui", "export", str(protokoll), "--out", str(out), *extra]
    cpu = _children_cpu()
    start = time.perf_counter()
    subprocess.run(cmd, check=True, env=env, capture_output=True)
    return time.perf_counter() - start, _children_cpu() - cpu


def page_count(pdf: Path) -> int:
    from pypdf import PdfReader  # a dependency (pikepdf is not installed by README's commands)

    return len(PdfReader(pdf).pages)


PHASES = """
import gc, resource, sys, time
from pathlib import Path
from namndtui.minutes.protokoll_read import load_protokoll
from namndtui.minutes.write import render_all
html = render_all(load_protokoll(Path(sys.argv[1])), html=True)["protokoll.html"]
def cpu():
    own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime
from namndtui.minutes import pdf, pdf_engine
t0 = cpu(); pdf_engine.prepare(); t1 = cpu()
from weasyprint import HTML
with pdf_engine.collector_paused():
    document = HTML(string=html).render(pdf_variant=pdf.PDF_VARIANT); t2 = cpu()
    document.write_pdf(pdf_variant=pdf.PDF_VARIANT); t3 = cpu()
print(f"import {t1 - t0:.2f} s, layout {t2 - t1:.2f} s, writing {t3 - t2:.2f} s "
      f"({len(document.pages)} pages: {(t2 - t1) / len(document.pages) * 1000:.0f} + "
      f"{(t3 - t2) / len(document.pages) * 1000:.0f} ms a page)")
"""


def phases(name: str, protokoll: Path) -> None:
    env = dict(os.environ, PYTHONPATH=str(SRC[0]))
    done = subprocess.run(
        [sys.executable, "-c", PHASES, str(protokoll)],
        check=False, env=env, capture_output=True, text=True,
    )  # fmt: skip
    if done.returncode:  # an older source tree (--src) without minutes/pdf_engine.py
        last = (done.stderr.strip().splitlines() or ["?"])[-1]
        print(f"{name}: no phases for these sources ({last})", flush=True)
        return
    print(f"{name}: CPU {done.stdout.strip()}", flush=True)


def measure(name: str, protokoll: Path, out: Path, runs: int, budget: float) -> None:
    load = os.getloadavg()[0]
    pdf = [fresh_export(protokoll, out, "--pdf") for _ in range(runs)]
    ref = [fresh_export(protokoll, out) for _ in range(runs)]
    p, r = statistics.median(w for w, _ in pdf), statistics.median(w for w, _ in ref)
    pc, rc = statistics.median(c for _, c in pdf), statistics.median(c for _, c in ref)
    path = out / "protokoll.pdf"
    print(
        f"{name}: export --pdf median {p:.2f} s wall, {pc:.2f} s CPU "
        f"(max {max(w for w, _ in pdf):.2f} s; budget {budget:.1f} s); "
        f"reference export without --pdf {r:.2f} s wall, {rc:.2f} s CPU; "
        f"ratio {p / r:.1f} wall, {pc / rc:.1f} CPU; "
        f"{path.stat().st_size // 1024} KiB, {page_count(path)} pages; "
        f"load average {load:.1f} → {os.getloadavg()[0]:.1f}",
        flush=True,
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--items", type=int, default=500)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--skip-large", action="store_true", help="only the 13-item example")
    parser.add_argument("--src", type=Path, default=SRC[0], help="the sources to export with")
    parser.add_argument("--phases", action="store_true", help="CPU of import, layout, writing")
    args = parser.parse_args()
    SRC[0] = args.src.resolve()
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores; {SRC[0]}", flush=True)
    with tempfile.TemporaryDirectory(dir=ROOT) as tmp:
        folder = Path(tmp)
        measure("13 items (example)", EXAMPLE, folder, args.runs, 1.5)
        if args.phases:
            phases("13 items (example)", EXAMPLE)
        if args.skip_large:
            return
        big = folder / "big"
        big.mkdir()
        write_files(generated(args.items), big)
        measure(f"{args.items} items", big / "protokoll.toml", big, args.runs, 10.0)
        if args.phases:
            phases(f"{args.items} items", big / "protokoll.toml")


if __name__ == "__main__":
    main()
