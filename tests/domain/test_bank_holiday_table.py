"""The shipped bank holiday table is exactly what the holidays library says."""

from __future__ import annotations

import holidays

from clerk.domain.bank_holiday_table import FIRST_YEAR, LAST_YEAR, TABLE


def test_table_matches_the_holidays_library() -> None:
    for year in range(FIRST_YEAR, LAST_YEAR + 1):
        library = sorted((day.isoformat(), name) for day, name in
                         holidays.country_holidays("GB", subdiv="ENG", years=[year]).items())
        assert list(TABLE[year]) == library, (
            f"{year}: regenerate with `python -m clerk.domain.bank_holiday_table`")
