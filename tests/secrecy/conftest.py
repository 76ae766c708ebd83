"""Hypothesis profiles for the leak property (tests/secrecy/test_leak_property.py).

`ci` runs 2,000 examples: `.ci/run` sets NAMNDTUI_HYPOTHESIS=ci, so CI always does.
`dev` (200 examples, the default) keeps a local `python3 -m pytest` quick; run the CI
profile locally with `NAMNDTUI_HYPOTHESIS=ci python3 -m pytest tests/secrecy`.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

LEAK_PROFILES = {"ci": 2000, "dev": 200}
# The archive's property builds a SQLite index per example (~30 ms): fewer examples.
ARCHIVE_PROFILES = {"ci": 300, "dev": 30}
# The PDF's property renders with WeasyPrint (~0.5 s per example): a few.
PDF_PROFILES = {"ci": 12, "dev": 3}

for _profiles, _prefix in (
    (LEAK_PROFILES, "leak"),
    (ARCHIVE_PROFILES, "archive"),
    (PDF_PROFILES, "pdf"),
):
    for _name, _examples in _profiles.items():
        settings.register_profile(
            f"{_prefix}-{_name}",
            max_examples=_examples,
            deadline=None,
            suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
        )


def leak_settings(*, archive: bool = False, pdf: bool = False) -> settings:
    """The settings of the active profile (NAMNDTUI_HYPOTHESIS=ci|dev, default dev)."""
    name = os.environ.get("NAMNDTUI_HYPOTHESIS", "dev")
    prefix = "archive" if archive else "pdf" if pdf else "leak"
    return settings.get_profile(f"{prefix}-{name if name in LEAK_PROFILES else 'dev'}")
