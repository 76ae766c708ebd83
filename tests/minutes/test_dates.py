"""Swedish holidays and the justering / notice / appeal dates."""

from __future__ import annotations

import datetime as dt

import pytest

from namndtui.minutes import dates

D = dt.date


@pytest.mark.parametrize(
    ("year", "easter"),
    [(2007, D(2007, 4, 8)), (2008, D(2008, 3, 23)), (2011, D(2011, 4, 24)),
     (2019, D(2019, 4, 21)), (2024, D(2024, 3, 31)), (2025, D(2025, 4, 20)),
     (2038, D(2038, 4, 25))],
)  # fmt: skip
def test_easter(year: int, easter: dt.date) -> None:
    assert dates.easter_sunday(year) == easter


def test_holidays_2007() -> None:
    h = dates.public_holidays(2007)
    assert h[D(2007, 4, 6)] == "långfredagen"
    assert h[D(2007, 4, 9)] == "annandag påsk"
    assert h[D(2007, 5, 17)] == "Kristi himmelsfärdsdag"
    assert h[D(2007, 5, 27)] == "pingstdagen"
    assert h[D(2007, 6, 6)] == "Sveriges nationaldag"
    assert h[D(2007, 6, 23)] == "midsommardagen"
    assert h[D(2007, 11, 3)] == "alla helgons dag"
    assert D(2007, 5, 28) not in h  # annandag pingst is no holiday since 2005
    assert len(h) == 13


def test_annandag_pingst_before_2005() -> None:
    assert dates.public_holidays(2004)[D(2004, 5, 31)] == "annandag pingst"
    assert D(2004, 6, 6) not in dates.public_holidays(2004)


@pytest.mark.parametrize(
    ("year", "eve"),
    [(2007, D(2007, 6, 22)), (2008, D(2008, 6, 20)), (2019, D(2019, 6, 21)),
     (2024, D(2024, 6, 21)), (2025, D(2025, 6, 20)), (2026, D(2026, 6, 19))],
)  # fmt: skip
def test_midsommarafton(year: int, eve: dt.date) -> None:
    assert dates.midsommarafton(year) == eve
    assert dates.non_working_reason(eve) == "midsommarafton"
    assert dates.non_working_reason(eve + dt.timedelta(days=1)) == "midsommardagen"


def test_eves_and_weekends_are_not_working_days() -> None:
    assert dates.non_working_reason(D(2025, 12, 24)) == "julafton"
    assert dates.non_working_reason(D(2025, 12, 31)) == "nyårsafton"
    assert dates.non_working_reason(D(2025, 12, 25)) == "juldagen"
    assert dates.non_working_reason(D(2025, 12, 26)) == "annandag jul"
    assert dates.non_working_reason(D(2026, 1, 1)) == "nyårsdagen"
    assert dates.non_working_reason(D(2026, 1, 6)) == "trettondedag jul"
    assert dates.non_working_reason(D(2007, 10, 27)) == "lördag"
    assert dates.non_working_reason(D(2007, 10, 28)) == "söndag"
    assert dates.is_working_day(D(2007, 10, 23))


def test_justering_and_notice_due() -> None:
    assert dates.justering_due(D(2007, 10, 23)) == D(2007, 11, 6)
    assert dates.notice_due(D(2007, 10, 30)) == D(2007, 11, 1)


@pytest.mark.parametrize(
    ("posted", "last"),
    [
        (D(2007, 10, 31), D(2007, 11, 21)),  # an ordinary Wednesday
        (D(2025, 12, 3), D(2025, 12, 29)),  # 24 Dec julafton -> after juldagen, annandag, weekend
        (
            D(2025, 12, 10),
            D(2025, 12, 31) + dt.timedelta(days=2),
        ),  # nyårsafton, nyårsdagen -> 2 Jan
        (D(2025, 5, 30), D(2025, 6, 23)),  # 20 June midsommarafton -> Monday 23 June
        (D(2019, 5, 29), D(2019, 6, 19)),  # Wednesday, not moved
        (D(2024, 3, 8), D(2024, 4, 2)),  # 29 March långfredag -> Easter -> Tuesday 2 April
        (D(2008, 3, 3), D(2008, 3, 25)),  # 24 March 2008 annandag påsk -> 25 March
        (D(2007, 10, 13), D(2007, 11, 5)),  # Saturday 3 Nov alla helgons dag -> Monday
    ],
)
def test_appeal_last_day_moves_to_next_working_day(posted: dt.date, last: dt.date) -> None:
    assert dates.appeal_last_day(posted) == last


def test_parse_date() -> None:
    assert dates.parse_date("2007-10-30") == D(2007, 10, 30)
    assert dates.parse_date("") is None
    assert dates.parse_date("30/10") is None


# Posting day -> (last day of appeal, day the notice is taken down), computed by hand:
# posting + 3 weeks, moved past Saturdays, Sundays, holidays and the aftnar, then + 1 day.
TAKE_DOWN = {
    # julafton 2024 (Tue) -> juldagen, annandag jul -> Friday 27th
    dt.date(2024, 12, 3): (dt.date(2024, 12, 27), dt.date(2024, 12, 28)),
    dt.date(2024, 12, 4): (dt.date(2024, 12, 27), dt.date(2024, 12, 28)),
    # nyårsafton 2024 (Tue) -> nyårsdagen -> Thursday 2 January
    dt.date(2024, 12, 10): (dt.date(2025, 1, 2), dt.date(2025, 1, 3)),
    # trettondedag jul 2025 (Mon)
    dt.date(2024, 12, 16): (dt.date(2025, 1, 7), dt.date(2025, 1, 8)),
    # julafton 2025 (Wed) -> juldagen, annandag, weekend -> Monday 29th
    dt.date(2025, 12, 3): (dt.date(2025, 12, 29), dt.date(2025, 12, 30)),
    # nyårsafton 2025 (Wed) -> nyårsdagen -> Friday 2 January; comes down on the Saturday
    dt.date(2025, 12, 10): (dt.date(2026, 1, 2), dt.date(2026, 1, 3)),
    # långfredagen 2025 (18 April) -> påskafton, påskdagen, annandag påsk -> Tuesday
    dt.date(2025, 3, 28): (dt.date(2025, 4, 22), dt.date(2025, 4, 23)),
    # annandag påsk 2025 (21 April)
    dt.date(2025, 3, 31): (dt.date(2025, 4, 22), dt.date(2025, 4, 23)),
    # långfredagen 2024 (29 March), the Testby minutes
    dt.date(2024, 3, 8): (dt.date(2024, 4, 2), dt.date(2024, 4, 3)),
    # midsommarafton 2025 (Fri 20 June) -> midsommardagen, Sunday -> Monday 23rd
    dt.date(2025, 5, 30): (dt.date(2025, 6, 23), dt.date(2025, 6, 24)),
    # nationaldagen 2025 (Fri 6 June) -> weekend (pingstdagen) -> Monday 9th
    dt.date(2025, 5, 16): (dt.date(2025, 6, 9), dt.date(2025, 6, 10)),
    # Kristi himmelsfärdsdag 2025 (Thu 29 May) -> Friday
    dt.date(2025, 5, 8): (dt.date(2025, 5, 30), dt.date(2025, 5, 31)),
    # an ordinary Tuesday: posting + 22 days
    dt.date(2025, 2, 4): (dt.date(2025, 2, 25), dt.date(2025, 2, 26)),
}


@pytest.mark.parametrize("posted", sorted(TAKE_DOWN))
def test_notice_comes_down_the_day_after_the_last_day_of_appeal(posted) -> None:
    last, down = TAKE_DOWN[posted]
    assert dates.appeal_last_day(posted) == last
    assert dates.notice_taken_down(posted) == down
