"""The meeting view lists the upcoming meeting days and the decisions not yet dated."""

from __future__ import annotations

from datetime import date

from clerk.tui.screens.meeting import MeetingScreen
from tests.tui.conftest import screen_text


async def test_upcoming_meetings_and_undated_items_are_listed(demo_register, app_for) -> None:
    undated = demo_register.get("D2026-007")  # a draft
    undated.plan.due_on = None
    demo_register.save(undated, action="test setup")
    app = app_for(demo_register, date(2026, 3, 2))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+g")
        await pilot.pause()
        assert isinstance(app.screen, MeetingScreen)
        shown = screen_text(app)
        assert "Upcoming" in shown and "Mon 16 Mar 2026" in shown
        options = app.screen.query_one("#agenda")
        listed = [options.get_option_at_index(i) for i in range(options.option_count)]
        assert any("Not yet dated" in str(option.prompt) for option in listed)
        assert "D2026-007" in [option.id for option in listed]
