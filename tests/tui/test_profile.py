"""The council profile: every field in words, people and closed days edited, a save that
lists what it changes and asks, and a register started from a profile file."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from textual.widgets import TextArea

from clerk.paths import default_council_path
from clerk.tui.screens.confirm import ConfirmScreen
from clerk.tui.screens.forms.engine import FormScreen
from clerk.tui.screens.profile import ProfileScreen
from clerk.tui.screens.welcome import WelcomeScreen
from tests.tui.conftest import screen_text


async def test_the_profile_view_is_in_words(demo_register, app_for) -> None:
    app = app_for(demo_register)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+l")
        await pilot.pause()
        shown = screen_text(app)
        assert "key threshold pounds" not in shown and "250000" not in shown
        assert "Key decision threshold (£): £250,000" in shown
        assert "Executive members:" in shown


async def test_people_and_closed_days_are_edited_and_the_save_lists_changes(
        demo_register, app_for) -> None:
    app = app_for(demo_register)
    before = demo_register.council
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+l", "e")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, FormScreen)
        labels = [f.label for f in form.fields]
        closed = next(i for i, label in enumerate(labels) if "closed" in label)
        holidays = form.query_one(f"#field-{closed}", TextArea)
        holidays.text = "24/12/2026 | Christmas Eve closure"
        executive = form.query_one(f"#field-{labels.index('Executive members')}", TextArea)
        executive.text += "\nCllr Ann New | Cabinet Member for Parks | Parks"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        asked = screen_text(app)
        assert "Thu 24 Dec 2026 (Christmas Eve closure)" in asked
        assert "Cllr Ann New" in asked
        assert "Council name" not in asked  # only what changed
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, ProfileScreen)
    after = demo_register.council
    assert [h.day for h in after.extra_holidays] == [date(2026, 12, 24)]
    assert after.executive[-1].portfolio == "Parks"
    assert len(after.executive) == len(before.executive) + 1


async def test_saying_no_to_the_changes_goes_back_to_the_editor(demo_register,
                                                                 app_for) -> None:
    app = app_for(demo_register)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+l", "e", "end", *" DC", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        assert "Council name" in screen_text(app)
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, FormScreen)
        assert app.screen.query_one("#field-0").value.endswith(" DC")  # type: ignore[attr-defined]
    assert not demo_register.council.name.endswith(" DC")


async def test_the_welcomes_c_opens_the_profile_editor(empty_register, app_for) -> None:
    app = app_for(empty_register)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, WelcomeScreen)
        await pilot.press("c")
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, FormScreen)
        assert app.screen.form_title == "Council profile"


async def test_the_welcome_starts_a_register_from_a_profile_file(empty_register, app_for,
                                                                  tmp_path: Path) -> None:
    text = default_council_path().read_text(encoding="utf-8")
    source = tmp_path / "ours.toml"
    source.write_text(text.replace('name = "Maidstone Borough Council"',
                                   'name = "Swale Borough Council"'), encoding="utf-8")
    app = app_for(empty_register)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("f", *str(tmp_path / "missing.toml"), "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, FormScreen)
        assert "Cannot read council profile" in screen_text(app)
        app.screen.query_one("#field-0").value = str(source)  # type: ignore[attr-defined]
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, (FormScreen, WelcomeScreen))
    assert empty_register.council.name == "Swale Borough Council"
