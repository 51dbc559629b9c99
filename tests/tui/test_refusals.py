"""Every unlawful step is refused on screen, with the reason and the lawful routes."""

from __future__ import annotations

import pytest

from clerk.tui.screens.confirm import ConfirmScreen
from clerk.tui.screens.decision import DecisionScreen
from clerk.tui.screens.forms.engine import FormScreen
from tests.tui.conftest import screen_text, type_text


async def open_decision(app, pilot, ref: str) -> None:
    await pilot.pause()
    app.push_screen(DecisionScreen(ref))
    await pilot.pause()


# (decision, step key, what the clerk types in the first field, text the form must show)
FORM_REFUSALS = [
    ("D2026-002", "d", "2/3/2026", ["Too early", "earliest decision",
                                    "decide on or after Thu 19 Mar 2026"]),
    ("D2026-003", "i", "2/3/2026", ["needs 3 members' signatures"]),
]


@pytest.mark.parametrize(("ref", "key", "typed", "expected"), FORM_REFUSALS)
async def test_forbidden_move_is_explained_in_the_form(demo_register, app_for, ref, key,
                                                       typed, expected) -> None:
    app = app_for(demo_register)
    before = demo_register.get_raw(ref)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_decision(app, pilot, ref)
        await pilot.press(key)
        assert isinstance(app.screen, FormScreen)
        await pilot.press("ctrl+u")  # entering a field keeps its text: clear it first
        await type_text(pilot, typed)
        if key == "d":  # the record's text is required too
            await pilot.press("tab", *"Sell", "tab", *"Best", "tab", *"Keep", "tab", "space")
        if key == "i":
            await pilot.press("tab", *"Cllr Ash", "tab", *"Late")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, FormScreen), "a refused move must keep the form open"
        shown = screen_text(app)
        assert "Not allowed" in shown
        for fragment in expected:
            assert fragment in shown
    assert demo_register.get_raw(ref) == before


@pytest.mark.parametrize(("ref", "key", "reason"), [
    ("D2026-007", "d", "Confirm whether this is a key decision"),
    ("D2026-007", "b", "no record of decision to publish"),
    ("D2026-002", "l", "not been referred to a Full Council meeting"),
    # while call-in runs no implementation date can be recorded: the step is not open yet
    ("D2026-003", "m", "Call-in runs until"),
])
async def test_gated_step_has_no_form_and_says_why(demo_register, app_for, ref, key,
                                                   reason) -> None:
    app = app_for(demo_register)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_decision(app, pilot, ref)
        await pilot.press(key)
        await pilot.pause()
        assert isinstance(app.screen, DecisionScreen)
        assert reason in screen_text(app)  # the Steps panel explains the refusal


async def test_a_date_that_does_not_exist_is_flagged_beside_the_field(demo_register,
                                                                      app_for) -> None:
    app = app_for(demo_register)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_decision(app, pilot, "D2026-003")
        await pilot.press("i", "ctrl+u")
        await type_text(pilot, "31/02/2013")
        await pilot.pause()
        assert "31/02/2013 is not a date in the calendar" in screen_text(app)


async def test_escape_asks_before_discarding_typed_work(demo_register, app_for) -> None:
    app = app_for(demo_register)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_decision(app, pilot, "D2026-002")
        await pilot.press("c", *"Ann", "escape")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        assert isinstance(app.screen, FormScreen)
        await pilot.press("escape", "y")
        await pilot.pause()
        assert isinstance(app.screen, DecisionScreen)
    assert demo_register.get("D2026-002").comments == []


async def test_publishing_waits_for_confirmation(demo_register, app_for) -> None:
    from datetime import date

    from clerk.domain import lifecycle as L

    profile = demo_register.council
    d = demo_register.get("D2026-008")
    d = L.set_key(d, profile, is_key=False, departure_reason="Treated as not key for the test.")
    d = L.decide(d, profile, today=date(2026, 3, 2), decided_on=date(2026, 3, 2), text="Yes",
                 reasons="R", alternatives="A", no_conflicts=True)
    demo_register.save(d, action="test setup")
    app = app_for(demo_register)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_decision(app, pilot, "D2026-008")
        await pilot.press("b", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        await pilot.pause()
        assert demo_register.get("D2026-008").record.published_on is None
