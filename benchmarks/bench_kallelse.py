"""Benchmark of `namndtui import-kallelse` (not a test): prints figures for docs/performance.md.

    python benchmarks/bench_kallelse.py [--items 30] [--paragraphs 13] [--runs 3]

A kallelse is generated as the case systems make them (tests/importing/pdf_fixtures.py:
WeasyPrint, the agenda and 30 reports of 5 pages, 152 pages in all). Then, each in a
fresh process, alternating: the whole `import-kallelse` (read every page, cut, parse,
match, write the TOML) and, as the reference, the cheapest reading of the same file
(pypdf's plain text of every page). Budget: ≤ 15 s for the import. Also printed: the
CPU time of the import (the machine is shared; wall time grows with the load) and the
load average before and after.
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

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

IMPORT = """
import resource, sys, time
from namndtui.cli import main
t = time.perf_counter()
import contextlib, io
with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
    rc = main(["import-kallelse", sys.argv[1]])
wall = time.perf_counter() - t
cpu = resource.getrusage(resource.RUSAGE_SELF)
print(rc, wall, cpu.ru_utime + cpu.ru_stime)
"""
REFERENCE = """
import io, resource, sys, time
from pypdf import PdfReader
t = time.perf_counter()
reader = PdfReader(sys.argv[1])
n = sum(len(p.extract_text() or "") for p in reader.pages)
wall = time.perf_counter() - t
cpu = resource.getrusage(resource.RUSAGE_SELF)
print(0, wall, cpu.ru_utime + cpu.ru_stime)
"""


def run(code: str, path: Path) -> tuple[float, float]:
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    out = subprocess.run(
        [sys.executable, "-c", code, str(path)], capture_output=True, text=True, env=env, check=True
    ).stdout.split()
    assert out[0] == "0", out
    return float(out[1]), float(out[2])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--items", type=int, default=30)
    parser.add_argument("--paragraphs", type=int, default=13)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    from pypdf import PdfReader
    from tests.importing.pdf_fixtures import make_kallelse

    t = time.perf_counter()
    data, _reports = make_kallelse(args.items, args.paragraphs)
    made = time.perf_counter() - t
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "kallelse.pdf"
        path.write_bytes(data)
        pages = len(PdfReader(path).pages)
        print(f"kallelse: {args.items} items, {pages} pages, {len(data) // 1024} KiB "
              f"(generated in {made:.1f} s)")  # fmt: skip
        print(f"load average before: {os.getloadavg()[0]:.2f}")
        imports, refs = [], []
        for _ in range(args.runs):
            imports.append(run(IMPORT, path))
            refs.append(run(REFERENCE, path))
        print(f"load average after: {os.getloadavg()[0]:.2f}")
    wall = statistics.median(w for w, _c in imports)
    cpu = statistics.median(c for _w, c in imports)
    ref = statistics.median(w for w, _c in refs)
    print(f"import-kallelse: median wall {wall:.2f} s, CPU {cpu:.2f} s "
          f"({1000 * wall / pages:.0f} ms/page); budget ≤ 15 s")  # fmt: skip
    print(f"reference (pypdf plain text of every page): median wall {ref:.2f} s")
    print(f"ratio import / reference: {wall / ref:.2f}")


if __name__ == "__main__":
    main()
