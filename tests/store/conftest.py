"""Fixtures for the store tests: the Maidstone profile, and a register in memory or on disk."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from clerk.domain.council import CouncilProfile, load_profile
from clerk.domain.decision import Decision
from clerk.paths import default_council_path
from clerk.store import Register


@pytest.fixture(scope="session")
def council() -> CouncilProfile:
    return load_profile(default_council_path())


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return tmp_path / "register.json"


@pytest.fixture(params=["memory", "file"])
def register(request: pytest.FixtureRequest, council: CouncilProfile, path: Path
             ) -> Iterator[Register]:
    """A writable, empty register: parametrised over memory and file, as TinyDB's suite is."""
    if request.param == "memory":
        reg = Register.in_memory(council)
    else:
        reg = Register.open(path, write=True, create=True, council=council)
    yield reg
    reg.close()


def decision(ref: str, title: str = "Community grants scheme") -> Decision:
    return Decision(ref=ref, title=title)
