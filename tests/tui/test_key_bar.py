"""The bottom line of keys: what the clerk can press on this screen, and a click presses it."""

from __future__ import annotations

from pathlib import Path

from clerk.tui.factory import make_app
from clerk.tui.screens.decision import DecisionScreen
from clerk.tui.screens.forms.engine import FormScreen
from clerk.tui.widgets.key_bar import KeyBar
from tests.tui.conftest import DEMO_TODAY


def _bar(app) -> str:  # type: ignore[no-untyped-def]
    return str(app.screen.query_one(KeyBar).render())


async def test_the_bar_follows_the_screen_and_the_clerks_keymap(tmp_path: Path,
                                                               demo_register) -> None:
    config = tmp_path / "config"
    config.mkdir()
    (config / "keys.toml").write_text('[keys]\n"decision.comment" = "C"\n')
    app = make_app(demo_register, today=DEMO_TODAY, config_dir=config, environ={})
    async with app.run_test(size=(260, 30)) as pilot:  # wide enough for every key
        await pilot.pause()
        line = _bar(app)
        assert "^n New decision" in line and line.rstrip().endswith("^p palette")
        app.push_screen(DecisionScreen("D2026-002"))
        await pilot.pause()
        line = _bar(app)
        assert "New decision" not in line
        assert "C Comment" in line and " c Comment" not in line


async def test_clicking_a_key_presses_it(demo_register, app_for) -> None:
    app = app_for(demo_register)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        column = _bar(app).index("^n New decision")
        assert await pilot.click(KeyBar, offset=(column + 1, 0))
        await pilot.pause()
        assert isinstance(app.screen, FormScreen)
