"""Benchmark of `namndtui export --pdf` in a fresh process (not a test).

    python benchmarks/bench_pdf.py [--items 500] [--runs 3]

Two minutes: the 13-item example (the golden protokoll.toml of the Hässelby-Vällingby
meeting, every item decided) and a generated 500-item record (bench_minutes.generated:
motions, votes, reservations, notes). Each is exported by a new Python process, as the
secretary runs it: `python -m namndtui export protokoll.toml --pdf --out DIR`. The
reference, in the same run, is the same export without --pdf (toml + md), so the figure
can be read on a busy machine as a ratio. Budgets: 13 items ≤ 1.5 s, 500 items ≤ 10 s.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench_minutes import generated
from namndtui.minutes.write import write_files

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "tests/minutes/golden/hasselby-vallingby-2007-10-23/protokoll.toml"


def fresh_export(protokoll: Path, out: Path, *extra: str) -> float:
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    cmd = [sys.executable, "-m", "namndtui", "export", str(protokoll), "--out", str(out), *extra]
    start = time.perf_counter()
    subprocess.run(cmd, check=True, env=env, capture_output=True)
    return time.perf_counter() - start


def measure(name: str, protokoll: Path, out: Path, runs: int, budget: float) -> None:
    pdf = [fresh_export(protokoll, out, "--pdf") for _ in range(runs)]
    ref = [fresh_export(protokoll, out) for _ in range(runs)]
    pages = (out / "protokoll.pdf").read_bytes().count(b"/Type /Page\n")
    p, r = statistics.median(pdf), statistics.median(ref)
    print(
        f"{name}: export --pdf median {p:.2f} s (max {max(pdf):.2f} s, budget {budget:.1f} s), "
        f"reference export without --pdf {r:.2f} s, ratio {p / r:.1f}; "
        f"{(out / 'protokoll.pdf').stat().st_size // 1024} KiB, {pages or '?'} pages"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--items", type=int, default=500)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    with tempfile.TemporaryDirectory(dir=ROOT) as tmp:
        folder = Path(tmp)
        measure("13 items (example)", EXAMPLE, folder, args.runs, 1.5)
        big = folder / "big"
        big.mkdir()
        write_files(generated(args.items), big)
        measure(f"{args.items} items", big / "protokoll.toml", big, args.runs, 10.0)


if __name__ == "__main__":
    main()
