"""The consultation window and responses to comments, by keys alone."""

from __future__ import annotations

from datetime import date

from textual.widgets import OptionList

from clerk.tui.screens.decision import DecisionScreen
from clerk.tui.screens.forms.engine import FormScreen
from tests.tui.conftest import screen_text, type_text


async def open_decision(app, pilot, ref: str) -> None:
    await pilot.pause()
    app.push_screen(DecisionScreen(ref))
    await pilot.pause()


async def fill_consultation(pilot, opens: str, closes: str, no_comments: bool) -> None:
    await pilot.press("w")
    await type_text(pilot, opens)
    await pilot.press("tab")
    await type_text(pilot, closes)
    await pilot.press("tab", *(["space"] if no_comments else []), "ctrl+s")
    await pilot.pause()


async def test_consultation_window_is_saved_with_no_comments(demo_register, app_for) -> None:
    app = app_for(demo_register)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_decision(app, pilot, "D2026-002")
        await fill_consultation(pilot, "02/02/2026", "2026-02-27", no_comments=True)
        assert isinstance(app.screen, DecisionScreen)
        await pilot.press("right", "right", "right")  # the Comments tab shows it
        assert "No comments were received." in screen_text(app)
    window = demo_register.get("D2026-002").consultation
    assert (window.opens_on, window.closes_on, window.no_comments_received) == (
        date(2026, 2, 2), date(2026, 2, 27), True)


async def test_consultation_closing_before_it_opens_is_refused(demo_register,
                                                                app_for) -> None:
    app = app_for(demo_register)
    before = demo_register.get_raw("D2026-002")
    async with app.run_test(size=(100, 30)) as pilot:
        await open_decision(app, pilot, "D2026-002")
        await fill_consultation(pilot, "10/02/2026", "01/02/2026", no_comments=False)
        assert isinstance(app.screen, FormScreen)
        shown = screen_text(app)
        assert "Not allowed" in shown and "closes (Sun 1 Feb 2026) before it opens" in shown
    assert demo_register.get_raw("D2026-002") == before


async def test_no_comments_is_refused_when_comments_are_recorded(demo_register,
                                                                  app_for) -> None:
    app = app_for(demo_register)
    before = demo_register.get_raw("D2026-008")
    async with app.run_test(size=(100, 30)) as pilot:
        await open_decision(app, pilot, "D2026-008")
        await fill_consultation(pilot, "", "", no_comments=True)
        assert isinstance(app.screen, FormScreen)
        assert "2 comment(s) are recorded" in screen_text(app)
    assert demo_register.get_raw("D2026-008") == before


async def test_response_to_the_second_comment_goes_to_it_alone(demo_register,
                                                                app_for) -> None:
    app = app_for(demo_register)
    first = demo_register.get("D2026-008").comments[0]
    async with app.run_test(size=(100, 30)) as pilot:
        await open_decision(app, pilot, "D2026-008")
        await pilot.press("a")  # two comments: the Comments tab opens to pick one
        assert isinstance(app.screen, DecisionScreen)
        await pilot.press("down", "enter")
        assert isinstance(app.screen, FormScreen)
        assert "Response to comment 2" in screen_text(app)
        await type_text(pilot, "Cameras are added.")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, DecisionScreen)
        listed = app.screen.query_one("#comment-list", OptionList)
        assert "Response:[/i] Cameras are added." in str(listed.get_option("1").prompt)
    comments = demo_register.get("D2026-008").comments
    assert comments[1].response == "Cameras are added."
    assert comments[0] == first


async def test_private_form_marks_parts_withheld_from_public_notices(demo_register,
                                                                      app_for) -> None:
    app = app_for(demo_register)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_decision(app, pilot, "D2026-002")
        await pilot.press("v", *["tab"] * 7, "ctrl+u")  # the last field: parts withheld
        await type_text(pilot, "report.reasons, report.nonsense")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "Cannot mark report.nonsense exempt" in screen_text(app)
        await pilot.press(*["backspace"] * len(", report.nonsense"), "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, DecisionScreen)
    assert demo_register.get("D2026-002").exempt_fields == ["report.reasons"]


async def test_a_new_decision_can_be_marked_policy_framework_by_keys(empty_register,
                                                                    app_for) -> None:
    from clerk.tui.screens.decision import DecisionScreen
    from clerk.tui.screens.forms.engine import FormScreen
    from tests.tui.conftest import type_text

    app = app_for(empty_register)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("escape")  # past the welcome: an empty register
        await pilot.pause()
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert isinstance(app.screen, FormScreen)
        await type_text(pilot, "Housing Strategy 2027")
        await pilot.press("tab")
        await type_text(pilot, "Cabinet")
        # title of the maker, kind (a choice), telephone, then the checkbox
        await pilot.press("tab", "tab", "tab", "tab", "space")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, DecisionScreen)
        ref = app.screen.ref
    assert empty_register.get(ref).referral.policy_framework is True
