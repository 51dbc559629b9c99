"""Counting days the way the 2012 Regulations and a council's call-in rules do.

*Clear days* exclude the day of publication and the day of the decision: N clear days
after day P allow the decision on P + N + 1 at the earliest (calendar mode), or on the
day after the Nth whole working day after P (working mode). *Call-in* runs for N working
days counted from the day after publication and expires at the council's cut-off time
on the Nth working day. Working days skip Saturdays, Sundays and England and Wales bank
holidays (from the installed `holidays` library, one-off days included; see bank_holidays)
plus any the council adds.

Every answer carries its working, in words a clerk can check against a calendar.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from clerk.domain.bank_holidays import bank_holidays

CALENDAR = "calendar"
WORKING = "working"
CLEAR_DAY_MODES = (CALENDAR, WORKING)
_ONE_DAY = timedelta(days=1)


def fmt_date(day: date | None) -> str:
    """'Mon 7 Jan 2013': the form every piece of working uses."""
    if day is None:
        return "an unrecorded date"
    return f"{day:%a} {day.day} {day:%b %Y}"


def fmt_datetime(moment: datetime) -> str:
    return f"{moment:%H:%M} on {fmt_date(moment.date())}"


@dataclass(frozen=True)
class Dated:
    """A computed date (or date-time) and the working that produced it."""

    value: date
    working: str

    def iso(self) -> str:
        return self.value.isoformat()


@dataclass(frozen=True)
class Deadline(Dated):
    """A computed moment, such as the end of call-in at the council's cut-off time."""

    value: datetime

    def iso(self) -> str:
        return self.value.isoformat(timespec="minutes")


class Calendar:
    """Working days for one council: bank holidays of England and Wales plus its own."""

    def __init__(self, extra_holidays: Iterable[tuple[date, str]] = ()) -> None:
        self._extra = {day: name for day, name in extra_holidays}

    def holiday_name(self, day: date) -> str | None:
        if day in self._extra:
            return self._extra[day]
        return bank_holidays(day.year).get(day)

    def is_working_day(self, day: date) -> bool:
        return day.weekday() < 5 and self.holiday_name(day) is None

    def _skipped(self, start: date, end: date) -> list[str]:
        """The bank holidays on weekdays strictly between start and end, for the working."""
        names = []
        day = start + _ONE_DAY
        while day < end:
            name = self.holiday_name(day)
            if name and day.weekday() < 5:
                names.append(f"{fmt_date(day)} ({name})")
            day += _ONE_DAY
        return names

    def nth_working_day_after(self, start: date, count: int) -> date:
        """The `count`th working day strictly after `start` (count >= 1)."""
        day, seen = start, 0
        while seen < count:
            day += _ONE_DAY
            if self.is_working_day(day):
                seen += 1
        return day

    def working_days_between(self, start: date, end: date) -> int:
        """Whole working days strictly between two dates."""
        day, seen = start + _ONE_DAY, 0
        while day < end:
            seen += self.is_working_day(day)
            day += _ONE_DAY
        return seen

    def earliest_after_clear_days(self, published: date, clear_days: int, mode: str) -> Dated:
        """The first day a decision may be taken after `clear_days` clear days' notice."""
        if mode == CALENDAR:
            last_clear = published + timedelta(days=clear_days)
            what = f"{clear_days} clear days"
        elif mode == WORKING:
            last_clear = self.nth_working_day_after(published, clear_days)
            what = f"{clear_days} clear working days"
        else:
            raise ValueError(f"unknown clear-day mode {mode!r}: use calendar or working")
        earliest = last_clear + _ONE_DAY
        working = f"published {fmt_date(published)}; {what} end {fmt_date(last_clear)}"
        if mode == WORKING:
            skipped = self._skipped(published, last_clear)
            if skipped:
                working += f" (bank holidays skipped: {', '.join(skipped)})"
        working += f"; earliest decision {fmt_date(earliest)}"
        return Dated(earliest, working)

    def call_in_expiry(self, published: date, working_days: int, cut_off: time) -> Deadline:
        """Call-in ends at the cut-off on the Nth working day after publication."""
        last = self.nth_working_day_after(published, working_days)
        expires = datetime.combine(last, cut_off)
        working = (
            f"record published {fmt_date(published)}; {working_days} working days "
            f"from {fmt_date(published + _ONE_DAY)}"
        )
        skipped = self._skipped(published, last)
        if skipped:
            working += f" (bank holidays skipped: {', '.join(skipped)})"
        working += f"; call-in expires {fmt_datetime(expires)}"
        return Deadline(expires, working)
