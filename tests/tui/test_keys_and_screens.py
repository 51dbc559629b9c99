"""Keys from one registry (help, palette, keymap), the meeting view, printing, first run."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from clerk.tui import keys
from clerk.tui.app import choose_theme
from clerk.tui.factory import make_app
from clerk.tui.screens.decision import DecisionScreen
from clerk.tui.screens.help import HelpScreen
from clerk.tui.screens.meeting import MeetingScreen
from clerk.tui.screens.printing import PrintJobScreen
from clerk.tui.screens.profile import ProfileScreen
from tests.tui.conftest import DEMO_TODAY, choose, screen_text, type_text


def test_every_action_id_is_unique_and_every_step_has_a_key() -> None:
    ids = [a.id for a in keys.ACTIONS]
    assert len(ids) == len(set(ids))
    from clerk.domain.steps import STEPS

    # a new decision is ^n on the register; a response is `a` on the comment picked
    assert set(keys.MOVE_ACTIONS) == set(STEPS) - {"new", "respond"}


def test_theme_follows_env_then_settings_then_colorfgbg() -> None:
    assert choose_theme(None, {"COLORFGBG": "0;15"}) == "textual-light"
    assert choose_theme(None, {"COLORFGBG": "15;0"}) == "textual-dark"
    assert choose_theme("light", {}) == "textual-light"
    assert choose_theme("light", {"CLERK_THEME": "dark"}) == "textual-dark"


async def test_keymap_file_remaps_a_step(tmp_path: Path, demo_register) -> None:
    config = tmp_path / "config"
    config.mkdir()
    (config / "keys.toml").write_text('[keys]\n"decision.comment" = "C"\n"no.such" = "z"\n')
    app = make_app(demo_register, today=DEMO_TODAY, config_dir=config, environ={})
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        app.push_screen(DecisionScreen("D2026-002"))
        await pilot.pause()
        await pilot.press("c")
        assert isinstance(app.screen, DecisionScreen)  # the old key no longer adds a comment
        await pilot.press("C")
        assert "Add a comment" in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("f1")
        assert isinstance(app.screen, HelpScreen)
        shown = screen_text(app)
        assert "decision.comment" in shown and "C " in shown
    assert any("no.such" in p for p in app.startup_problems)


async def test_palette_lists_steps_and_explains_refused_ones(demo_register, app_for) -> None:
    app = app_for(demo_register)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        app.push_screen(DecisionScreen("D2026-007"))
        await pilot.pause()
        commands = {c.title: c.help for c in app.get_system_commands(app.screen)}
        assert "Key decision" in commands
        assert "Confirm whether" in commands["Record decision (not now)"]


async def test_meeting_view_records_council_outcome(demo_register, app_for) -> None:
    app = app_for(demo_register, date(2026, 3, 16))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+g")
        await pilot.pause()
        assert isinstance(app.screen, MeetingScreen)
        assert app.screen.day == date(2026, 3, 16)
        assert "D2026-006" in screen_text(app) or app.screen.current == "D2026-006"
        await pilot.press("l")
        await choose(pilot, 1)
        await pilot.press("tab", "tab", *"M12", "ctrl+s", "y")
        await pilot.pause()
        assert isinstance(app.screen, MeetingScreen)
    referral = demo_register.get("D2026-006").referral
    assert (referral.outcome, referral.outcome_on, referral.minute) == (
        "endorsed", date(2026, 3, 16), "M12")


async def test_print_writes_the_pdf_and_says_when_no_printer(demo_register, app_for,
                                                             tmp_path, monkeypatch) -> None:
    import shutil

    monkeypatch.setattr(shutil, "which", lambda name: None)  # a machine with no printer
    app = app_for(demo_register)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        app.push_screen(DecisionScreen("D2026-003"))
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        await pilot.press("enter")  # the first notice it can print
        for _ in range(50):
            await pilot.pause(0.1)
            if isinstance(app.screen, PrintJobScreen) and app.screen.path:
                break
        assert isinstance(app.screen, PrintJobScreen)
        path = app.screen.path
        assert path is not None and path.exists() and path.parent == tmp_path / "out"
        assert "PDF written" in screen_text(app)
        await pilot.press("p")
        await pilot.pause(0.3)
        assert "No printer is configured" in screen_text(app)
    notice = demo_register.events()[-1]["notice"]
    assert path.name == notice["file"]  # journalled with its hash
    assert path.name.startswith(f"D2026-003-{notice['kind']}-")
    assert len(notice["sha256"]) == 64


async def test_first_run_offers_the_demo(empty_register, app_for) -> None:
    app = app_for(empty_register)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "Welcome to clerk" in screen_text(app)
        await pilot.press("d")
        await pilot.pause()
        assert len(empty_register) == 9
        assert "9/9" in screen_text(app)


async def test_profile_edit_is_validated(demo_register, app_for) -> None:
    app = app_for(demo_register)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+l")
        assert isinstance(app.screen, ProfileScreen)
        await pilot.press("e", *["tab"] * 7, "ctrl+u")  # past the contract threshold
        await type_text(pilot, "0")  # key_ward_rule of 0 is not a rule
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "key_ward_rule must be 1 or more" in screen_text(app)
    assert demo_register.council.key_ward_rule == 2
