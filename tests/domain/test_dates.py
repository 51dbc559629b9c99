"""Reading the dates a clerk types."""

from __future__ import annotations

from datetime import date

import pytest

from clerk.domain.dates import parse_date


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("07/01/2013", date(2013, 1, 7)),  # British order: day first
        ("7/1/2013", date(2013, 1, 7)),
        ("2013-01-07", date(2013, 1, 7)),
        (" 05/02/2013 ", date(2013, 2, 5)),
        ("29/02/2024", date(2024, 2, 29)),  # 2024 is a leap year
    ],
)
def test_accepted(typed: str, expected: date) -> None:
    assert parse_date(typed) == expected


@pytest.mark.parametrize("typed", ["31/02/2013", "2013-13-01", "tomorrow", "", "29/02/2013"])
def test_refused_with_how_to_type_a_date(typed: str) -> None:
    with pytest.raises(ValueError) as caught:
        parse_date(typed)
    message = str(caught.value)
    assert "DD/MM/YYYY" in message, message
