"""Shared fixtures: the Maidstone profile, registers in memory, and typing by key presses."""

from __future__ import annotations

import asyncio
import inspect
from datetime import date
from pathlib import Path

import pytest
import textual._wait as textual_wait
from textual.pilot import Pilot

from clerk.demo import demo_decisions
from clerk.domain.council import CouncilProfile, load_profile
from clerk.paths import default_council_path
from clerk.store.register import Register
from clerk.tui.app import ClerkApp
from clerk.tui.factory import make_app

DEMO_TODAY = date(2026, 3, 2)

# Pilot waits for the app to go idle after every key by sleeping in 20 ms slices; 5 ms
# slices keep the same idle test (process time well below wall time) and type 3x faster.
textual_wait.SLEEP_GRANULARITY = 1 / 200
textual_wait.SLEEP_IDLE = textual_wait.SLEEP_GRANULARITY / 10


@pytest.hookimpl(tryfirst=True)
def pytest_pyfunc_call(pyfuncitem: pytest.Function) -> bool | None:
    """Run `async def` tests on a fresh event loop (no asyncio plugin is installed)."""
    if not inspect.iscoroutinefunction(pyfuncitem.obj):
        return None
    names = pyfuncitem._fixtureinfo.argnames
    asyncio.run(pyfuncitem.obj(**{name: pyfuncitem.funcargs[name] for name in names}))
    return True


@pytest.fixture(scope="session")
def profile() -> CouncilProfile:
    return load_profile(default_council_path())


@pytest.fixture
def empty_register(profile: CouncilProfile) -> Register:
    return Register.in_memory(profile)


@pytest.fixture
def demo_register(profile: CouncilProfile) -> Register:
    register = Register.in_memory(profile)
    register.save_many(demo_decisions(profile, DEMO_TODAY), action="demo decisions")
    return register


@pytest.fixture
def app_for(tmp_path: Path):
    def build(register: Register, today: date = DEMO_TODAY, **kwargs: object) -> ClerkApp:
        return make_app(register, today=today, config_dir=tmp_path / "config",
                        output_dir=tmp_path / "out", environ={}, **kwargs)  # type: ignore[arg-type]

    return build


async def type_text(pilot: Pilot[None], text: str) -> None:
    await pilot.press(*text)


async def choose(pilot: Pilot[None], position: int) -> None:
    """Pick option `position` (1-based, after the blank) of the focused Select."""
    await pilot.press("enter", *["down"] * position, "enter")


def screen_text(app: ClerkApp) -> str:
    """Everything visible on the current screen, as plain text."""
    from textual.widgets import Static

    parts = []
    for widget in app.screen.query(Static):
        if widget.display:
            parts.append(str(widget.render()))
    return "\n".join(parts)
