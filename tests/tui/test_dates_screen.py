"""The date calculator: the same answers as `clerk dates`, with the working, by keys."""

from __future__ import annotations

from clerk.tui.screens.dates import DatesScreen
from tests.tui.conftest import screen_text, type_text


async def test_the_calculator_shows_each_date_with_its_working(demo_register, app_for) -> None:
    app = app_for(demo_register)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+y")
        await pilot.pause()
        assert isinstance(app.screen, DatesScreen)
        await pilot.press("ctrl+u")
        await type_text(pilot, "07/01/2013")
        await pilot.pause()
        text = " ".join(screen_text(app).split())
        # Maidstone: 28 calendar clear days; 5 for a general exception; call-in 5 working
        # days to 17:00 (Tue 8 Jan to Mon 14 Jan 2013, no bank holidays between).
        assert "28 clear days end Mon 4 Feb 2013; earliest decision Tue 5 Feb 2013" in text
        assert "5 clear days end Sat 12 Jan 2013; earliest decision Sun 13 Jan 2013" in text
        assert "call-in expires 17:00 on Mon 14 Jan 2013" in text
        await pilot.press("ctrl+u")
        await type_text(pilot, "31/02/2013")
        await pilot.pause()
        assert "is not a date" in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, DatesScreen)
