"""Write tests/durations.json, the weights the suite's scheduler orders tests by
(tests/conftest.py, "Long tests first"), from a JUnit XML report of a full run:

    python -m pytest -n 2 --junitxml=/tmp/suite.xml
    python benchmarks/suite_durations.py /tmp/suite.xml

Only tests of at least MIN seconds are kept (setup + call + teardown, as JUnit counts); any
other test weighs the default. Only the order follows from these numbers, never a result,
so a stale file makes the suite slower, never wrong.
"""

from __future__ import annotations

import json
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "tests" / "durations.json"
MIN = 1.0


def nodeid(classname: str, name: str) -> str | None:
    """'tests.tui.test_x' + 'test_y[a]' -> 'tests/tui/test_x.py::test_y[a]' (classes too)."""
    parts = classname.split(".")
    for cut in range(len(parts), 0, -1):
        module = Path(*parts[:cut]).with_suffix(".py")
        if (ROOT / module).is_file():
            return "::".join([module.as_posix(), *parts[cut:], name])
    return None


def main(report: str) -> None:
    weights: dict[str, float] = {}
    for case in ET.parse(report).iter("testcase"):
        seconds = float(case.get("time") or 0)
        node = nodeid(case.get("classname") or "", case.get("name") or "")
        if node and seconds >= MIN:
            weights[node] = round(seconds, 1)
    ordered = dict(sorted(weights.items(), key=lambda kv: -kv[1]))
    OUT.write_text(json.dumps(ordered, indent=0, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{OUT}: {len(ordered)} tests of {MIN} s or more, {sum(ordered.values()):.0f} s")


if __name__ == "__main__":
    main(sys.argv[1])
