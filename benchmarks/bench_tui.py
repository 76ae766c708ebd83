"""In-process budgets of the live meeting (issue 4):

- navigation: process CPU time per `j` key on a generated 500-item meeting (budget ≤ 10 ms);
  the same keys on a bare OptionList app are printed as the Pilot's own cost;
- key press to durable record: the handler of `o` (ItemCalled/ImmediateJustificationSet,
  journal write + fsync, fold, screen refresh), median over 50 presses (budget ≤ 20 ms).

    python benchmarks/bench_tui.py
"""

from __future__ import annotations

import asyncio
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_first_frame import EXAMPLE, generated_meeting  # noqa: E402


async def navigation(folder: Path, keys: int = 100) -> float:
    from textual.app import App
    from textual.widgets import OptionList

    from namndtui.commands.open_app import build_app

    app = build_app(folder)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        start = time.process_time()
        for _ in range(keys):
            await pilot.press("j")
        ours = (time.process_time() - start) / keys

    class Bare(App):
        def compose(self):
            yield OptionList(*[f"Ärende {n}" for n in range(500)])

    bare = Bare()
    async with bare.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        start = time.process_time()
        for _ in range(keys):
            await pilot.press("down")
        base = (time.process_time() - start) / keys
    print(f"navigation: {ours * 1000:.1f} ms CPU per key (bare OptionList + Pilot: {base * 1000:.1f} ms)")
    return ours


async def durable(folder: Path, presses: int = 50) -> float:
    from namndtui.commands.open_app import build_app

    app = build_app(folder)
    app.write_minutes_enabled = False
    times = []
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("n", "A", "escape")
        for _ in range(presses):
            start = time.perf_counter()
            app.screen.action_toggle_oj()  # what the `o` key runs; returns once on disk
            times.append(time.perf_counter() - start)
            await pilot.pause()
    median = statistics.median(times)
    print(f"key to durable record: median {median * 1000:.1f} ms over {presses} presses")
    return median


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        big = generated_meeting(Path(tmp), 500).parent
        asyncio.run(navigation(big))
    with tempfile.TemporaryDirectory() as tmp:
        shutil.copy(EXAMPLE, Path(tmp) / "meeting.toml")
        asyncio.run(durable(Path(tmp)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
