"""Clear days and call-in, checked against a real calendar.

Every expected date below was worked out by hand from a printed calendar and the
gov.uk list of bank holidays in England and Wales; the reasoning is in the comments.
"""

from __future__ import annotations

from datetime import date, datetime, time
from pathlib import Path

import pytest

from clerk.domain.calendar import CALENDAR, WORKING, Calendar
from clerk.domain.council import load_profile

FIVE_PM = time(17, 0)


@pytest.fixture(scope="module")
def cal() -> Calendar:
    return Calendar()


# ---- calendar clear days ----


def test_28_clear_calendar_days_after_monday_7_jan_2013_is_tuesday_5_feb(cal: Calendar) -> None:
    # domain.md: published Mon 7 Jan; clear days 8 Jan .. 4 Feb are 24 + 4 = 28 days;
    # neither 7 Jan nor the decision day counts, so the earliest decision is Tue 5 Feb.
    result = cal.earliest_after_clear_days(date(2013, 1, 7), 28, CALENDAR)
    assert result.value == date(2013, 2, 5)
    assert result.iso() == "2013-02-05"
    assert "Mon 7 Jan 2013" in result.working
    assert "Mon 4 Feb 2013" in result.working
    assert "Tue 5 Feb 2013" in result.working


def test_calendar_clear_days_do_not_skip_christmas(cal: Calendar) -> None:
    # Published Fri 23 Dec 2022; 5 clear calendar days are 24..28 Dec, holidays and
    # weekends included, so the earliest is Thu 29 Dec 2022; nothing is "skipped".
    result = cal.earliest_after_clear_days(date(2022, 12, 23), 5, CALENDAR)
    assert result.value == date(2022, 12, 29)
    assert "skipped" not in result.working


# ---- working clear days ----


def test_working_clear_days_over_christmas_2022(cal: Calendar) -> None:
    # Published Fri 23 Dec 2022. Christmas Day fell on a Sunday, so the bank holidays were
    # Mon 26 Dec (Boxing Day), Tue 27 Dec (substitute for Christmas Day) and, New Year's Day
    # being a Sunday too, Mon 2 Jan 2023. Working days after 23 Dec:
    #   Wed 28 (1), Thu 29 (2), Fri 30 (3), Tue 3 Jan (4), Wed 4 Jan (5)
    # so the 5 clear working days end Wed 4 Jan 2023; earliest decision Thu 5 Jan 2023.
    result = cal.earliest_after_clear_days(date(2022, 12, 23), 5, WORKING)
    assert result.value == date(2023, 1, 5)
    for skipped in ("Mon 26 Dec 2022", "Tue 27 Dec 2022", "Mon 2 Jan 2023"):
        assert skipped in result.working
    assert "Sun 25 Dec 2022" not in result.working  # a Sunday is not a skipped working day
    assert "Wed 4 Jan 2023" in result.working
    assert "Thu 5 Jan 2023" in result.working


def test_working_clear_days_over_easter_2024(cal: Calendar) -> None:
    # Published Thu 28 Mar 2024. Good Friday Fri 29 Mar and Easter Monday Mon 1 Apr 2024.
    # Working days: Tue 2 (1), Wed 3 (2), Thu 4 (3), Fri 5 (4), Mon 8 Apr (5);
    # earliest decision Tue 9 Apr 2024.
    result = cal.earliest_after_clear_days(date(2024, 3, 28), 5, WORKING)
    assert result.value == date(2024, 4, 9)
    assert "Fri 29 Mar 2024 (Good Friday)" in result.working
    assert "Mon 1 Apr 2024 (Easter Monday)" in result.working


def test_working_days_skip_the_2022_state_funeral(cal: Calendar) -> None:
    # The state funeral of Queen Elizabeth II: Mon 19 Sep 2022, a one-off bank holiday.
    # Published Fri 16 Sep 2022: Tue 20 (1), Wed 21 (2), Thu 22 (3), Fri 23 (4),
    # Mon 26 (5); earliest Tue 27 Sep 2022.
    assert not cal.is_working_day(date(2022, 9, 19))
    result = cal.earliest_after_clear_days(date(2022, 9, 16), 5, WORKING)
    assert result.value == date(2022, 9, 27)
    assert "Mon 19 Sep 2022" in result.working


def test_working_days_skip_the_2023_coronation(cal: Calendar) -> None:
    # The coronation of King Charles III: Mon 8 May 2023, a one-off bank holiday.
    # Published Fri 5 May 2023: Tue 9 (1), Wed 10 (2), Thu 11 (3), Fri 12 (4), Mon 15 (5);
    # earliest decision Tue 16 May 2023.
    assert not cal.is_working_day(date(2023, 5, 8))
    result = cal.earliest_after_clear_days(date(2023, 5, 5), 5, WORKING)
    assert result.value == date(2023, 5, 16)
    assert "Mon 8 May 2023" in result.working


def test_working_days_skip_both_platinum_jubilee_days(cal: Calendar) -> None:
    # Platinum jubilee: the spring bank holiday moved to Thu 2 Jun 2022, plus the extra
    # Fri 3 Jun 2022; Mon 30 May 2022 was an ordinary working day that year.
    assert cal.is_working_day(date(2022, 5, 30))
    assert not cal.is_working_day(date(2022, 6, 2))
    assert not cal.is_working_day(date(2022, 6, 3))
    # Published Wed 1 Jun 2022: Mon 6 (1), Tue 7 (2), Wed 8 (3), Thu 9 (4), Fri 10 (5);
    # earliest decision Sat 11 Jun 2022 (the day after the last clear day).
    result = cal.earliest_after_clear_days(date(2022, 6, 1), 5, WORKING)
    assert result.value == date(2022, 6, 11)
    assert "Thu 2 Jun 2022" in result.working and "Fri 3 Jun 2022" in result.working


def test_working_days_skip_both_diamond_jubilee_days_2012(cal: Calendar) -> None:
    # Diamond jubilee: the spring bank holiday moved to Mon 4 Jun 2012, plus the extra
    # Tue 5 Jun 2012; Mon 28 May 2012 was an ordinary working day that year.
    assert cal.is_working_day(date(2012, 5, 28))
    assert not cal.is_working_day(date(2012, 6, 4))
    assert not cal.is_working_day(date(2012, 6, 5))
    # Published Fri 1 Jun 2012: Wed 6 (1), Thu 7 (2), Fri 8 (3), Mon 11 (4), Tue 12 (5);
    # earliest decision Wed 13 Jun 2012.
    result = cal.earliest_after_clear_days(date(2012, 6, 1), 5, WORKING)
    assert result.value == date(2012, 6, 13)
    assert "Mon 4 Jun 2012" in result.working and "Tue 5 Jun 2012" in result.working


def test_call_in_over_the_millennium_holiday(cal: Calendar) -> None:
    # Fri 31 Dec 1999 was a one-off bank holiday; Mon 27 and Tue 28 Dec 1999 were the
    # substitute days for Christmas and Boxing Day (both at a weekend), Mon 3 Jan 2000 the
    # substitute for New Year's Day. Published Thu 23 Dec 1999: Fri 24 (1), Wed 29 (2),
    # Thu 30 (3), Tue 4 Jan (4), Wed 5 Jan 2000 (5).
    result = cal.call_in_expiry(date(1999, 12, 23), 5, FIVE_PM)
    assert result.value == datetime(2000, 1, 5, 17, 0)
    assert "Fri 31 Dec 1999" in result.working and "Mon 3 Jan 2000" in result.working


def test_unknown_clear_day_mode_is_refused(cal: Calendar) -> None:
    with pytest.raises(ValueError, match="calendar or working"):
        cal.earliest_after_clear_days(date(2013, 1, 7), 28, "weekly")


# ---- call-in ---------------------------------------------------------------------------


def test_call_in_for_a_record_published_tuesday_12_feb_2013(cal: Calendar) -> None:
    # Published Tue 12 Feb 2013; 5 working days from Wed 13: Wed 13, Thu 14, Fri 15,
    # Mon 18, Tue 19 Feb; call-in expires 17:00 Tue 19 Feb 2013.
    result = cal.call_in_expiry(date(2013, 2, 12), 5, FIVE_PM)
    assert result.value == datetime(2013, 2, 19, 17, 0)
    assert result.iso() == "2013-02-19T17:00"
    assert "Tue 12 Feb 2013" in result.working
    assert "Wed 13 Feb 2013" in result.working
    assert "17:00 on Tue 19 Feb 2013" in result.working


def test_call_in_over_easter_2013(cal: Calendar) -> None:
    # Published Thu 28 Mar 2013; Good Friday 29 Mar and Easter Monday 1 Apr 2013 are
    # skipped: Tue 2 (1), Wed 3 (2), Thu 4 (3), Fri 5 (4), Mon 8 Apr (5);
    # expires 17:00 Mon 8 Apr 2013.
    result = cal.call_in_expiry(date(2013, 3, 28), 5, FIVE_PM)
    assert result.value == datetime(2013, 4, 8, 17, 0)
    assert "Fri 29 Mar 2013 (Good Friday)" in result.working
    assert "Mon 1 Apr 2013 (Easter Monday)" in result.working


def test_call_in_over_early_may_and_the_coronation_2023(cal: Calendar) -> None:
    # Published Fri 28 Apr 2023; Mon 1 May (early May bank holiday) and Mon 8 May
    # (coronation) are skipped: Tue 2 (1), Wed 3 (2), Thu 4 (3), Fri 5 (4), Tue 9 May (5).
    result = cal.call_in_expiry(date(2023, 4, 28), 5, FIVE_PM)
    assert result.value == datetime(2023, 5, 9, 17, 0)
    assert "Mon 1 May 2023" in result.working and "Mon 8 May 2023" in result.working


def test_call_in_over_the_jubilee_with_a_4pm_cut_off(cal: Calendar) -> None:
    # Published Wed 1 Jun 2022; Thu 2 and Fri 3 Jun skipped: Mon 6 (1) .. Fri 10 (5);
    # a council whose cut-off is 4pm: expires 16:00 Fri 10 Jun 2022.
    result = cal.call_in_expiry(date(2022, 6, 1), 5, time(16, 0))
    assert result.value == datetime(2022, 6, 10, 16, 0)
    assert "16:00 on Fri 10 Jun 2022" in result.working


# ---- a council's own holidays ----


def test_an_extra_council_holiday_is_skipped_and_named() -> None:
    # A council closure on Fri 15 Feb 2013. Published Tue 12 Feb 2013: Wed 13 (1),
    # Thu 14 (2), [Fri 15 closed], Mon 18 (3), Tue 19 (4), Wed 20 (5); expires 17:00 Wed 20.
    cal = Calendar([(date(2013, 2, 15), "Council closure")])
    result = cal.call_in_expiry(date(2013, 2, 12), 5, FIVE_PM)
    assert result.value == datetime(2013, 2, 20, 17, 0)
    assert "Fri 15 Feb 2013 (Council closure)" in result.working


def test_extra_holiday_from_a_profile_file(tmp_path: Path) -> None:
    # The same closure written in a council's TOML profile, as the README tells a clerk to.
    toml = tmp_path / "ours.toml"
    toml.write_text('name = "Our Council"\n'
                    'clear_days = "working"\n'
                    '[[extra_holidays]]\n'
                    'day = 2013-02-15\n'
                    'name = "Staff training day"\n', encoding="utf-8")
    profile = load_profile(toml)
    cal = profile.calendar()
    assert not cal.is_working_day(date(2013, 2, 15))
    # 5 clear working days after Tue 12 Feb 2013: Wed 13 (1), Thu 14 (2), Mon 18 (3),
    # Tue 19 (4), Wed 20 (5): earliest Thu 21 Feb 2013 (without the closure: Wed 20).
    result = cal.earliest_after_clear_days(date(2013, 2, 12), 5, WORKING)
    assert result.value == date(2013, 2, 21)
    assert "Fri 15 Feb 2013 (Staff training day)" in result.working
    assert Calendar().earliest_after_clear_days(date(2013, 2, 12), 5, WORKING).value == \
        date(2013, 2, 20)
