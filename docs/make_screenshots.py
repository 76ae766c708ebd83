"""Regenerate the README's screenshots, so they cannot go stale:

    python docs/make_screenshots.py

Opens the bundled example meeting headless (a private copy, a fixed clock), moves to the
seed item, exports Textual's SVG and converts it to PNG with rsvg-convert (librsvg2-bin),
at 120×36 (docs/screenshot.png) and 80×24 (docs/screenshot-80x24.png).
"""

from __future__ import annotations

import asyncio
import datetime as dt
import os
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "src"))

SHOTS = [((120, 36), HERE / "screenshot.png"), ((80, 24), HERE / "screenshot-80x24.png")]
KEYS = ["n", "A", "escape", "b", "j", "j", "j"]  # attendance, § 120 decided, the seed item


def clock():
    now = [dt.datetime(2007, 10, 23, 19, 0, 0)]

    def tick() -> dt.datetime:
        now[0] += dt.timedelta(seconds=1)
        return now[0]

    return tick


async def svg_of(size: tuple[int, int]) -> str:
    from namndtui.commands.open_app import build_app

    app = build_app(None, clock=clock())
    async with app.run_test(size=size) as pilot:
        app.notify = lambda *a, **k: None  # no toasts in a picture
        for key in KEYS:
            await pilot.press(key)
            await pilot.pause()
        await pilot.pause()
        app.clear_notifications()
        await pilot.pause()
        return app.export_screenshot(title="namndtui")


def main() -> int:
    for size, png in SHOTS:
        with tempfile.TemporaryDirectory() as home:  # one per shot: a fresh copy, no lock
            os.environ["XDG_DATA_HOME"] = home  # the example's working copy, thrown away
            os.environ["XDG_CONFIG_HOME"] = home  # no user settings in the picture
            svg = Path(home) / "shot.svg"
            svg.write_text(asyncio.run(svg_of(size)), encoding="utf-8")
            subprocess.run(["rsvg-convert", "-o", str(png), str(svg)], check=True)
            print(png.relative_to(HERE.parent))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
