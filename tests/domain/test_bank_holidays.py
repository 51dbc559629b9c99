"""Bank holidays come from the installed `holidays` library, through a cache kept per
installation of it: built on first use, reused, rebuilt when the library changes or the
cache is damaged, and never needed to import the library on an ordinary run."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import holidays
import pytest

from clerk.domain import bank_holidays as bh
from clerk.domain.calendar import WORKING, Calendar


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """An empty cache folder, and this process's memory of the table forgotten."""
    monkeypatch.setenv("CLERK_CACHE", str(tmp_path))
    bh.forget()
    yield tmp_path / "bank-holidays.marshal"
    bh.forget()


@pytest.fixture
def asked(monkeypatch: pytest.MonkeyPatch) -> list[range | list[int]]:
    """Every question put to the library, in order."""
    calls: list[range | list[int]] = []
    real = bh.ask_library

    def ask(years: range | list[int]) -> dict[date, str]:
        calls.append(years)
        return real(years)

    monkeypatch.setattr(bh, "ask_library", ask)
    return calls


def library(years: range) -> dict[date, str]:
    return dict(holidays.country_holidays("GB", subdiv="ENG", years=list(years)).items())


def test_the_table_is_what_the_installed_library_says(cache: Path) -> None:
    expected = library(range(bh.FIRST_YEAR, bh.LAST_YEAR + 1))
    got = {day: name for year in range(bh.FIRST_YEAR, bh.LAST_YEAR + 1)
           for day, name in bh.bank_holidays(year).items()}
    assert got == expected


def test_england_and_wales_share_their_bank_holidays() -> None:
    years = list(range(bh.FIRST_YEAR, bh.LAST_YEAR + 1))
    wales = holidays.country_holidays("GB", subdiv="WLS", years=years)
    assert dict(wales.items()) == library(range(bh.FIRST_YEAR, bh.LAST_YEAR + 1))


@pytest.mark.parametrize(("day", "name"), [
    (date(1999, 12, 31), "Millennium"),
    (date(2002, 6, 3), "Golden Jubilee"),
    (date(2011, 4, 29), "Wedding"),
    (date(2012, 6, 5), "Diamond Jubilee"),
    (date(2022, 6, 3), "Platinum Jubilee"),
    (date(2022, 9, 19), "Funeral"),
    (date(2023, 5, 8), "Coronation"),
])
def test_the_one_off_bank_holidays_are_there(cache: Path, day: date, name: str) -> None:
    assert name in bh.bank_holidays(day.year)[day]
    assert not Calendar().is_working_day(day)


def test_built_on_first_use_then_reused(cache: Path, asked: list) -> None:
    assert not cache.exists()
    assert Calendar().holiday_name(date(2013, 12, 25)) == "Christmas Day"
    assert asked == [range(bh.FIRST_YEAR, bh.LAST_YEAR + 1)] and cache.exists()
    built = cache.read_bytes()
    bh.forget()  # as a new process would
    assert Calendar().holiday_name(date(2023, 5, 8)) == "Coronation of Charles III"
    assert len(asked) == 1  # read from the cache: the library was not asked again
    assert cache.read_bytes() == built


def test_a_new_one_off_holiday_in_an_upgraded_library_is_honoured(
        cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Today's library has no bank holiday on Mon 7 Jun 2027; suppose one is proclaimed and
    # the next release of the library carries it.
    proclaimed = date(2027, 6, 7)
    assert Calendar().is_working_day(proclaimed)  # the cache is built from today's library
    real = bh.ask_library

    def upgraded(years: range | list[int]) -> dict[date, str]:
        return {**real(years), proclaimed: "Some Royal Occasion"}

    monkeypatch.setattr(bh, "ask_library", upgraded)
    monkeypatch.setattr(bh, "library_stamp", lambda: "holidays upgraded in place")
    bh.forget()  # a new process, after the upgrade
    calendar = Calendar()
    assert not calendar.is_working_day(proclaimed)
    # Published Fri 4 Jun 2027: Tue 8 (1), Wed 9 (2), Thu 10 (3), Fri 11 (4), Mon 14 (5).
    result = calendar.earliest_after_clear_days(date(2027, 6, 4), 5, WORKING)
    assert result.value == date(2027, 6, 15)
    assert "Mon 7 Jun 2027 (Some Royal Occasion)" in result.working


def test_rebuilt_when_the_library_changes(cache: Path, asked: list,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    bh.bank_holidays(2013)
    assert len(asked) == 1
    monkeypatch.setattr(bh, "library_stamp", lambda: "another installation")
    bh.forget()
    bh.bank_holidays(2013)
    assert len(asked) == 2  # the cache was for another library: asked again
    bh.forget()
    bh.bank_holidays(2013)
    assert len(asked) == 2  # and the rebuilt cache is used from then on


def test_the_stamp_changes_when_the_library_file_is_replaced(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # A stand-in package on sys.path: an upgrade writes a new file in its place.
    package = tmp_path / "lib" / "holidays"
    package.mkdir(parents=True)
    (package / "__init__.py").write_text('__version__ = "1.0"\n')
    monkeypatch.syspath_prepend(str(tmp_path / "lib"))
    monkeypatch.delitem(sys.modules, "holidays")
    before = bh.library_stamp()
    assert str(package / "__init__.py") in before
    (package / "__init__.py").write_text('__version__ = "1.10"\n')  # new version, new file
    assert bh.library_stamp() != before


@pytest.mark.parametrize("damage", [
    b"", b"not marshal at all", "truncated", "one byte changed", "days of the wrong type"])
def test_a_damaged_cache_is_rebuilt(cache: Path, asked: list, damage: bytes | str) -> None:
    bh.bank_holidays(2013)
    good = cache.read_bytes()
    if damage == "truncated":
        cache.write_bytes(good[: len(good) // 2])
    elif damage == "one byte changed":
        cache.write_bytes(good[:-10] + bytes([good[-10] ^ 1]) + good[-9:])
    elif damage == "days of the wrong type":
        import marshal
        import zlib
        body = marshal.dumps({"stamp": bh.library_stamp(), "days": {"2013-12-25": 1}})
        cache.write_bytes(zlib.crc32(body).to_bytes(4, "big") + body)
    else:
        assert isinstance(damage, bytes)
        cache.write_bytes(damage)
    bh.forget()
    assert bh.bank_holidays(2013)[date(2013, 12, 25)] == "Christmas Day"
    assert len(asked) == 2
    assert cache.read_bytes() == good  # rewritten whole


def test_an_unwritable_cache_only_costs_time(tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setenv("CLERK_CACHE", str(blocker))  # a file where a folder should be
    bh.forget()
    try:
        assert not Calendar().is_working_day(date(2022, 9, 19))
    finally:
        bh.forget()


def test_a_year_outside_the_cached_range_is_asked_of_the_library(cache: Path) -> None:
    far = bh.LAST_YEAR + 7
    assert bh.bank_holidays(far) == library(range(far, far + 1))


PROBE = """
import sys
from datetime import date
from clerk.domain.calendar import Calendar
assert not Calendar().is_working_day(date(2013, 12, 25))
print("holidays" in sys.modules)
"""


def test_an_ordinary_run_does_not_import_the_library(tmp_path: Path) -> None:
    env = {"CLERK_CACHE": str(tmp_path), "PATH": "/usr/bin:/bin"}

    def imported() -> str:
        return subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True,
                              check=True, timeout=60, env=env).stdout.strip()

    assert imported() == "True"  # the first run builds the cache
    assert imported() == "False"  # every later one reads it


@pytest.mark.parametrize("xdg", [None, "", "/tmp/elsewhere", "~/cache-here", "relative"])
def test_the_cache_folder_is_where_platformdirs_puts_it(
        monkeypatch: pytest.MonkeyPatch, xdg: str | None) -> None:
    from platformdirs import user_cache_dir

    from clerk.paths import cache_dir

    monkeypatch.delenv("CLERK_CACHE", raising=False)
    if xdg is None:
        monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    else:
        monkeypatch.setenv("XDG_CACHE_HOME", xdg)
    assert cache_dir() == Path(user_cache_dir("clerk", appauthor=False))
