"""Bank holidays of England and Wales, asked of the installed `holidays` library.

The library is the authority (a one-off bank holiday proclaimed next year arrives with its
next release), but importing it and building its calendar costs a process far more than
the rest of date arithmetic. So its answer for FIRST_YEAR..LAST_YEAR is kept in the user's
cache folder (marshal, which loads fastest) and asked again only when the library
installed is another one. Asking the library's version means importing it (or
importlib.metadata, nearly as slow), so the cache is keyed by the identity of the installed
package file (path, inode, size, modification time), which any upgrade, downgrade or
reinstall changes and which can be read without importing anything; the version that built
the cache is kept beside the days, for whoever looks. A
cache that is missing, damaged (its checksum fails), of another format or for another
installation is rebuilt; one that cannot be written only costs time. Years outside the
range are asked of the library directly.

England and Wales share their bank holidays: the library's "ENG" subdivision is the
same as its "WLS" one over the whole range (tests/domain/test_bank_holidays.py checks).
"""

from __future__ import annotations

import importlib.util
import marshal
import os
import sys
import zlib
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

CACHE_FORMAT = 1
FIRST_YEAR, LAST_YEAR = 1970, 2100


def ask_library(years: range | list[int]) -> dict[date, str]:
    """The library's bank holidays of England and Wales in `years`, with their names."""
    import holidays  # imported here: only a cache being built, or a far year, pays for it

    return dict(holidays.country_holidays("GB", subdiv="ENG", years=list(years)).items())


def library_stamp() -> str:
    """Which installation of the library is in use, found without importing it."""
    spec = importlib.util.find_spec("holidays")
    if spec is None or spec.origin is None:
        raise ModuleNotFoundError("The holidays library is not installed; reinstall clerk.")
    stat = os.stat(spec.origin)
    return (f"{CACHE_FORMAT}|{FIRST_YEAR}-{LAST_YEAR}|{spec.origin}|{stat.st_ino}|"
            f"{stat.st_size}|{stat.st_mtime_ns}|{sys.version_info[0]}.{sys.version_info[1]}")


def library_version() -> str:
    import holidays

    return str(getattr(holidays, "__version__", "unknown"))


def cache_file() -> Path:
    from clerk.paths import cache_dir

    return cache_dir() / "bank-holidays.marshal"


def _read(stamp: str) -> dict[int, str] | None:
    """The cached days (date ordinal -> name) if the cache is whole and for this library."""
    try:
        raw = cache_file().read_bytes()
        body = raw[4:]
        if len(raw) < 4 or zlib.crc32(body) != int.from_bytes(raw[:4], "big"):
            return None
        stored = marshal.loads(body)
    except Exception:  # noqa: BLE001 (any fault in a cache means: ask the library)
        return None
    if not isinstance(stored, dict) or stored.get("stamp") != stamp:
        return None
    days = stored.get("days")
    if not isinstance(days, dict) or not all(
            type(k) is int and type(v) is str for k, v in days.items()):
        return None
    return days


def _write(content: dict[str, Any]) -> None:
    target = cache_file()
    body = marshal.dumps(content)
    target.parent.mkdir(parents=True, exist_ok=True)
    temp = target.with_name(f"{target.name}.{os.getpid()}.tmp")
    try:
        with open(temp, "wb") as handle:
            handle.write(zlib.crc32(body).to_bytes(4, "big") + body)
        os.replace(temp, target)  # readers see the old cache or the new, never half of one
    finally:
        try:
            os.unlink(temp)
        except OSError:
            pass


@lru_cache(maxsize=1)
def table() -> dict[int, dict[date, str]]:
    """Year -> {day: name} for FIRST_YEAR..LAST_YEAR: from the cache, else the library."""
    stamp = library_stamp()
    days = _read(stamp)
    if days is None:
        asked = ask_library(range(FIRST_YEAR, LAST_YEAR + 1))
        days = {day.toordinal(): name for day, name in asked.items()}
        try:
            _write({"stamp": stamp, "version": library_version(), "days": days})
        except Exception:  # noqa: BLE001 (a cache that cannot be written is only slower)
            pass
    by_year: dict[int, dict[date, str]] = {year: {} for year in range(FIRST_YEAR, LAST_YEAR + 1)}
    for ordinal, name in days.items():
        day = date.fromordinal(ordinal)
        by_year.setdefault(day.year, {})[day] = name
    return by_year


@lru_cache(maxsize=64)
def bank_holidays(year: int) -> dict[date, str]:
    """The bank holidays of England and Wales in `year`, with their names."""
    if FIRST_YEAR <= year <= LAST_YEAR:
        return table()[year]
    return ask_library([year])


def forget() -> None:
    """Drop what this process has read, so the next question reads the cache again."""
    table.cache_clear()
    bank_holidays.cache_clear()
