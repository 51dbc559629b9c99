"""Reading the dates a clerk types, in the forms a British office writes them.

Day first always: `06/03/2013`, `6/3/13`, `06.03.2013`, `6-3-2013`, `6 March 2013`,
`6th Mar 2013`, `Wed 6 Mar 2013` (the form clerk prints, so working can be pasted back),
or ISO `2013-03-06`. A two-digit year is 1974-2073 (councils as they are began in 1974).
"""

from __future__ import annotations

import re
from datetime import date, datetime

from clerk.domain.calendar import fmt_date

_NUMERIC = re.compile(r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4}|\d{2})$")
_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_WORDS = re.compile(r"^(?:([a-z]+),?\s+)?(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]+)\.?,?\s+(\d{4})$")
MONTHS = {name: number for number, names in enumerate(
    [("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
     ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
     ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
     ("december", "dec")], 1) for name in names}
WEEKDAYS = {name: number for number, names in enumerate(
    [("monday", "mon"), ("tuesday", "tue", "tues"), ("wednesday", "wed"),
     ("thursday", "thu", "thur", "thurs"), ("friday", "fri"), ("saturday", "sat"),
     ("sunday", "sun")]) for name in names}
EARLIEST_YEAR = 1974  # the Local Government Act 1972 councils began work in 1974
LATEST_YEAR = 2200
HOW = "type it as DD/MM/YYYY (e.g. 07/01/2013), 7/1/13, 7 January 2013 or YYYY-MM-DD"


def _full_year(text: str) -> int:
    year = int(text)
    if len(text) == 2:
        year += 1900 if year >= EARLIEST_YEAR % 100 else 2000
    return year


def parse_date(text: str) -> date:
    """Parse a typed date, or raise ValueError with a message a clerk can act on."""
    cleaned = " ".join(text.strip().split())
    weekday = None
    if match := _NUMERIC.match(cleaned):
        day, month, year = int(match[1]), int(match[2]), _full_year(match[3])
    elif match := _ISO.match(cleaned):
        year, month, day = (int(g) for g in match.groups())
    elif (match := _WORDS.match(cleaned.lower())) and match[3] in MONTHS \
            and (match[1] is None or match[1] in WEEKDAYS):
        day, month, year = int(match[2]), MONTHS[match[3]], int(match[4])
        weekday = WEEKDAYS[match[1]] if match[1] else None
    else:
        raise ValueError(f"{text.strip()!r} is not a date: {HOW}.")
    try:
        parsed = date(year, month, day)
    except ValueError:
        raise ValueError(f"{cleaned} is not a date in the calendar (check the day and "
                         f"month): {HOW}.") from None
    if not EARLIEST_YEAR <= parsed.year <= LATEST_YEAR:
        raise ValueError(f"{cleaned} is outside the years a register covers "
                         f"({EARLIEST_YEAR} to {LATEST_YEAR}).")
    if weekday is not None and parsed.weekday() != weekday:
        raise ValueError(f"{cleaned}: that day is a {parsed:%A} ({fmt_date(parsed)}); "
                         "check the day or leave the weekday out.")
    return parsed


def understood(text: str) -> str:
    """What a typed date was read as, with its weekday ('Wed 6 Mar 2013'), to echo back
    beside the field; ValueError as `parse_date`."""
    return fmt_date(parse_date(text))


def parse_month(text: str) -> str:
    """'02/2013', '2013-02' or 'February 2013' -> '2013-02'."""
    cleaned = text.strip()
    for pattern in ("%m/%Y", "%Y-%m", "%B %Y", "%b %Y"):
        try:
            return datetime.strptime(cleaned, pattern).strftime("%Y-%m")
        except ValueError:
            continue
    raise ValueError(f"{text!r} is not a month: type it as MM/YYYY or YYYY-MM.")
