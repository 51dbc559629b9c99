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


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("6/3/13", date(2013, 3, 6)),  # a two-digit year, day first
        ("06.03.2013", date(2013, 3, 6)),
        ("6-3-2013", date(2013, 3, 6)),
        ("6 March 2013", date(2013, 3, 6)),
        ("6th Mar 2013", date(2013, 3, 6)),
        ("Wed 6 Mar 2013", date(2013, 3, 6)),  # what clerk prints reads back
        ("1/1/99", date(1999, 1, 1)),
    ],
)
def test_the_other_ways_an_office_writes_a_date(typed: str, expected: date) -> None:
    assert parse_date(typed) == expected


def test_a_weekday_that_does_not_match_is_refused() -> None:
    with pytest.raises(ValueError, match="Wednesday"):
        parse_date("Tue 6 Mar 2013")


def test_understood_echoes_the_weekday() -> None:
    from clerk.domain.dates import understood

    assert understood("6/3/13") == "Wed 6 Mar 2013"
