"""Keys that always answer: a refused step says why, F1 / ? / ^q work on every screen,
the key bar says when it has more than it can show, and remaps show wherever a key does."""

from __future__ import annotations

from pathlib import Path

from clerk.tui.factory import make_app
from clerk.tui.screens.decision import DecisionScreen
from clerk.tui.screens.forms.engine import FormScreen
from clerk.tui.screens.help import HelpScreen
from clerk.tui.screens.welcome import WelcomeScreen
from clerk.tui.widgets.key_bar import KeyBar
from tests.tui.conftest import DEMO_TODAY, screen_text


def notices(app) -> str:  # type: ignore[no-untyped-def]
    return "\n".join(f"{n.title}: {n.message}" for n in app._notifications)


async def test_a_refused_step_key_says_why_and_what_is_open(demo_register, app_for) -> None:
    app = app_for(demo_register)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.push_screen(DecisionScreen("D2026-005"))  # called in
        await pilot.pause()
        await pilot.press("m")
        await pilot.pause()
        assert isinstance(app.screen, DecisionScreen)
        said = notices(app)
        assert "Implement is not allowed now" in said, said
        assert "o Call-in outcome" in said


async def test_help_and_quit_work_on_the_welcome(empty_register, app_for) -> None:
    app = app_for(empty_register)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, WelcomeScreen)
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, WelcomeScreen)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape", "ctrl+q")
        await pilot.pause()
    assert app.return_code == 0


async def test_help_and_quit_work_in_a_form(demo_register, app_for) -> None:
    app = app_for(demo_register)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.push_screen(DecisionScreen("D2026-002"))
        await pilot.pause()
        await pilot.press("c", *"Ann")
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, FormScreen)
        assert "Ann" in [getattr(w, "value", None) for w in app.screen.query("Input")]
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert app.return_code == 0


async def test_the_key_bar_marks_that_there_are_more_keys(demo_register, app_for) -> None:
    app = app_for(demo_register)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.push_screen(DecisionScreen("D2026-002"))
        await pilot.pause()
        line = str(app.screen.query_one(KeyBar).render())
        assert "F1 more" in line, line
        # the steps that move a decision on come first
        assert line.index("Record decision") < line.index("F1 more")


async def test_remapped_keys_show_in_the_status_line(tmp_path: Path, demo_register) -> None:
    config = tmp_path / "config"
    config.mkdir()
    (config / "keys.toml").write_text('[keys]\n"decision.decide" = "D"\n')
    app = make_app(demo_register, today=DEMO_TODAY, config_dir=config, environ={})
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        app.push_screen(DecisionScreen("D2026-002"))
        await pilot.pause()
        shown = screen_text(app)
        assert "(d)" not in shown  # the status line's key, where it gives one, is the remap
        assert "D Record decision" in str(app.screen.query_one(KeyBar).render())


async def test_a_clash_in_the_keymap_is_reported(tmp_path: Path, demo_register) -> None:
    config = tmp_path / "config"
    config.mkdir()
    (config / "keys.toml").write_text('[keys]\n"register.new" = "n"\n'
                                      '"decision.decide" = "c"\n')
    app = make_app(demo_register, today=DEMO_TODAY, config_dir=config, environ={})
    said = "\n".join(app.startup_problems)
    assert "register.new" in said and "filter box" in said
    assert "decision.decide and decision.comment" in said
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+n")  # the clashing remap is left out: the default works
        await pilot.pause()
        assert isinstance(app.screen, FormScreen)
