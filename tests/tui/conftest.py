"""Shared fixtures: the Maidstone profile, registers in memory, and typing by key presses."""

from __future__ import annotations

import asyncio
import inspect
from datetime import date
from pathlib import Path

import pytest
from textual.pilot import Pilot

from clerk.demo import demo_decisions
from clerk.domain.council import CouncilProfile, load_profile
from clerk.paths import default_council_path
from clerk.store.register import Register
from clerk.tui.app import ClerkApp
from clerk.tui.factory import make_app

DEMO_TODAY = date(2026, 3, 2)


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
    """Type `text` into the focused field in place of what it holds, as a clerk does:
    entering a field keeps its text (cursor at the end), so ^u clears a text box first."""
    from textual.widgets import Input

    focused = pilot.app.focused
    if isinstance(focused, Input) and focused.value:
        await pilot.press("ctrl+u")
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
