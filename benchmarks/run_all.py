"""Run every benchmark in turn and print their figures (not a test).

    python benchmarks/run_all.py            # the quick ones (a few minutes)
    python benchmarks/run_all.py --archive  # also the 5,000-minute archive (≈ 5 minutes more)
    python benchmarks/run_all.py --faults   # also the full fault-injection run (≈ 2 minutes)
    python benchmarks/run_all.py --pdf      # also export --pdf of 13 and 500 items (minutes)

Each script also runs on its own; docs/performance.md and docs/reliability.md hold the
figures and the machine they were measured on.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent

QUICK = [
    ["bench_record.py"],
    ["bench_minutes.py"],
    ["bench_first_frame.py"],
    ["bench_tui.py"],
    ["bench_follow.py"],
]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--archive", action="store_true", help="also the synthetic archive")
    parser.add_argument("--faults", action="store_true", help="also 200 SIGKILLs")
    parser.add_argument("--pdf", action="store_true", help="also export --pdf (WeasyPrint)")
    args = parser.parse_args()
    runs = list(QUICK)
    if args.archive:
        runs.append(["bench_archive.py"])
    if args.pdf:
        runs.append(["bench_pdf.py"])
    if args.faults:
        runs.append(["fault_injection.py", "--kills", "200"])
    failed = 0
    for script, *rest in runs:
        print(f"\n=== {script} {' '.join(rest)}", flush=True)
        started = time.perf_counter()
        code = subprocess.call([sys.executable, str(HERE / script), *rest])
        print(f"=== {script}: exit {code}, {time.perf_counter() - started:.0f} s", flush=True)
        failed += code != 0
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
