"""Reading the dates a clerk types: DD/MM/YYYY (the British form) or ISO YYYY-MM-DD."""

from __future__ import annotations

import re
from datetime import date, datetime

_BRITISH = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")
_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
EARLIEST_YEAR = 1974  # the Local Government Act 1972 councils began work in 1974
LATEST_YEAR = 2200


def parse_date(text: str) -> date:
    """Parse a typed date, or raise ValueError with a message a clerk can act on."""
    cleaned = text.strip()
    if match := _BRITISH.match(cleaned):
        day, month, year = (int(g) for g in match.groups())
    elif match := _ISO.match(cleaned):
        year, month, day = (int(g) for g in match.groups())
    else:
        raise ValueError(f"{text!r} is not a date: type it as DD/MM/YYYY (e.g. 07/01/2013) "
                         "or YYYY-MM-DD.")
    try:
        parsed = date(year, month, day)
    except ValueError:
        raise ValueError(f"{cleaned} is not a date in the calendar (check the day and "
                         "month): type it as DD/MM/YYYY (e.g. 07/01/2013) or YYYY-MM-DD.") \
            from None
    if not EARLIEST_YEAR <= parsed.year <= LATEST_YEAR:
        raise ValueError(f"{cleaned} is outside the years a register covers "
                         f"({EARLIEST_YEAR} to {LATEST_YEAR}).")
    return parsed


def parse_month(text: str) -> str:
    """'02/2013', '2013-02' or 'February 2013' -> '2013-02'."""
    cleaned = text.strip()
    for pattern in ("%m/%Y", "%Y-%m", "%B %Y", "%b %Y"):
        try:
            return datetime.strptime(cleaned, pattern).strftime("%Y-%m")
        except ValueError:
            continue
    raise ValueError(f"{text!r} is not a month: type it as MM/YYYY or YYYY-MM.")
