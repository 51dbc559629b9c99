"""A record refused as too early is kept as a draft, and comes back in the form."""

from __future__ import annotations

from textual.widgets import TextArea

from clerk.tui.screens.decision import DecisionScreen
from clerk.tui.screens.forms.engine import FormScreen
from tests.tui.conftest import screen_text, type_text


async def test_a_refused_record_is_kept_as_a_draft(demo_register, app_for) -> None:
    before = demo_register.get_raw("D2026-002")
    app = app_for(demo_register)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.push_screen(DecisionScreen("D2026-002"))
        await pilot.pause()
        await pilot.press("d", "ctrl+u")
        await type_text(pilot, "2/3/2026")
        await pilot.press("tab", *"Sell the land to the best bidder", "tab", *"Best",
                          "tab", *"Keep", "tab", "space", "ctrl+s")
        await pilot.pause()
        shown = screen_text(app)
        assert "Not allowed" in shown and "F2 keeps" in shown, shown
        await pilot.press("f2")
        await pilot.pause()
        assert isinstance(app.screen, DecisionScreen)
    assert demo_register.get_raw("D2026-002") == before  # nothing recorded
    again = app_for(demo_register)  # the same config folder: a later session
    async with again.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        again.push_screen(DecisionScreen("D2026-002"))
        await pilot.pause()
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(again.screen, FormScreen)
        assert "Your draft" in screen_text(again)
        texts = [area.text for area in again.screen.query(TextArea)]
        assert any("Sell the land to the best bidder" in text for text in texts)
