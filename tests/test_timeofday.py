"""Every shown time of day goes through one formatter: "19.05", as the minutes write it."""

from __future__ import annotations

import datetime as dt

from namndtui.timeofday import clock


def test_a_time_is_written_with_a_full_stop() -> None:
    assert clock("19:05") == "19.05"
    assert clock("19:05:30") == "19.05.30"
    assert clock(dt.time(9, 5)) == "09.05"
    assert clock(dt.time(9, 5, 7)) == "09.05.07"
    assert clock("") == ""
