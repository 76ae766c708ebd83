"""Swedish calendar rules for the minutes: holidays, justering, notice and appeal dates.

- Justering no later than 14 days after the meeting (practice under KL 6 kap.).
- The justering is announced on the anslagstavla no later than the second day after the
  justering (KL 8 kap. 12 §). Both are shown as plain day counts: an earlier date is always
  lawful, so we never move them later.
- An appeal (laglighetsprövning) must arrive within three weeks from the day of the
  announcement (KL 13 kap. 5 §): the last day is the same weekday three weeks later. When it
  falls on a Saturday, Sunday, public holiday, midsommarafton, julafton or nyårsafton it
  moves to the next working day (lag 1930:173 om beräkning av lagstadgad tid).
- The notice stays up for the whole appeal period (KL 8 kap. 12 §: the announcement is kept
  on the anslagstavla until the time for appeal has run out), so it comes down on the day
  after the last day of appeal: posting + 22 days as a rule, later when a weekend or a
  holiday moved the last day (PRACTICE.md "Page 1": in the published minutes examined).

Public holidays follow lag (1989:253) om allmänna helgdagar: nationaldagen replaced
annandag pingst as a holiday from 2005.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

JUSTERING_DAYS = 14
NOTICE_DAYS = 2
APPEAL_WEEKS = 3


def easter_sunday(year: int) -> dt.date:
    """Easter Sunday in the Gregorian calendar (anonymous Gregorian algorithm)."""
    a = year % 19
    b, c = divmod(year, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    el = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * el) // 451
    month, day = divmod(h + el - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


def _weekday_between(year: int, month: int, first: int, weekday: int) -> dt.date:
    """The day with `weekday` (Mon=0) in the seven days starting at `first`."""
    start = dt.date(year, month, first)
    return start + dt.timedelta(days=(weekday - start.weekday()) % 7)


def midsommarafton(year: int) -> dt.date:
    """The Friday between 19 and 25 June."""
    return _weekday_between(year, 6, 19, 4)


@lru_cache(maxsize=256)
def public_holidays(year: int) -> dict[dt.date, str]:
    """Sweden's public holidays (allmänna helgdagar) of `year`: date -> Swedish name."""
    easter = easter_sunday(year)
    day = dt.timedelta(days=1)
    holidays = {
        dt.date(year, 1, 1): "nyårsdagen",
        dt.date(year, 1, 6): "trettondedag jul",
        easter - 2 * day: "långfredagen",
        easter: "påskdagen",
        easter + day: "annandag påsk",
        dt.date(year, 5, 1): "första maj",
        easter + 39 * day: "Kristi himmelsfärdsdag",
        easter + 49 * day: "pingstdagen",
        midsommarafton(year) + day: "midsommardagen",
        # Saturday between 31 October and 6 November.
        _weekday_between(year, 10, 31, 5): "alla helgons dag",
        dt.date(year, 12, 25): "juldagen",
        dt.date(year, 12, 26): "annandag jul",
    }
    if year >= 2005:
        holidays[dt.date(year, 6, 6)] = "Sveriges nationaldag"
    else:
        holidays[easter + 50 * day] = "annandag pingst"
    return holidays


def non_working_reason(day: dt.date) -> str:
    """Why `day` is not a working day for a time limit ("" when it is one)."""
    if name := public_holidays(day.year).get(day):
        return name
    if day == midsommarafton(day.year):
        return "midsommarafton"
    if (day.month, day.day) == (12, 24):
        return "julafton"
    if (day.month, day.day) == (12, 31):
        return "nyårsafton"
    if day.weekday() == 5:
        return "lördag"
    if day.weekday() == 6:
        return "söndag"
    return ""


def is_working_day(day: dt.date) -> bool:
    return not non_working_reason(day)


def next_working_day(day: dt.date) -> dt.date:
    """`day` itself if it is a working day, else the first working day after it."""
    while not is_working_day(day):
        day += dt.timedelta(days=1)
    return day


def justering_due(meeting_date: dt.date) -> dt.date:
    """The last day for justering: 14 days after the meeting (at most the last date there is)."""
    if meeting_date > dt.date.max - dt.timedelta(days=JUSTERING_DAYS):
        return dt.date.max  # a meeting dated 9999-12-31 (issue 20)
    return meeting_date + dt.timedelta(days=JUSTERING_DAYS)


def notice_due(justered: dt.date) -> dt.date:
    """The last day to announce the justering: the second day after it."""
    return justered + dt.timedelta(days=NOTICE_DAYS)


def appeal_last_day(posted: dt.date) -> dt.date:
    """The last day an appeal can arrive: three weeks after posting, then the next working day."""
    return next_working_day(posted + dt.timedelta(weeks=APPEAL_WEEKS))


def notice_taken_down(posted: dt.date) -> dt.date:
    """'Datum då anslaget tas ned': the day after the last day of appeal."""
    return appeal_last_day(posted) + dt.timedelta(days=1)


def parse_date(text: str) -> dt.date | None:
    """'2007-10-30' -> date; '' or anything else -> None."""
    try:
        return dt.date.fromisoformat(text) if text else None
    except ValueError:
        return None
