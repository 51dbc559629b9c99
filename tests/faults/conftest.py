"""Fixtures for the fault tests: the CLI driver, the lock holder, and a demo register."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli.conftest import Clerk, hold_lock  # noqa: F401  (fixtures shared)
from tests.cli.conftest import clerk as clerk  # noqa: F401
from tests.store.conftest import council, path  # noqa: F401

DEMO_TODAY = "2013-03-01"


@pytest.fixture
def demo(clerk: Clerk) -> Clerk:  # noqa: F811
    """The demo register (nine decisions), as of 1 March 2013."""
    clerk.today = DEMO_TODAY
    clerk("demo")
    return clerk


def files_of(register: Path) -> dict[str, bytes]:
    """The register's own files (not backups, lock or index): what a refusal must not touch."""
    return {name: Path(f"{register}{name}").read_bytes()
            for name in ("", ".journal") if Path(f"{register}{name}").exists()}
