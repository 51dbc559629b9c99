"""At 80x24 the print dialog shows every kind and a refusal shows all its routes."""

from __future__ import annotations

from textual.geometry import Size
from textual.widgets import OptionList, Static

from clerk.notices import KINDS
from clerk.tui.screens.decision import DecisionScreen
from clerk.tui.screens.forms.engine import FormScreen
from clerk.tui.screens.printing import PrintNoticeScreen
from tests.tui.conftest import type_text


def fully_shown(widget: Static, screen_height: int) -> bool:
    """The widget's content is all inside it, and it is all on the screen."""
    wanted = widget.get_content_height(widget.container_size, widget.app.size,
                                       widget.content_region.width)
    return wanted <= widget.content_region.height and widget.region.bottom <= screen_height


async def test_every_kind_of_notice_is_on_screen_at_80x24(demo_register, app_for) -> None:
    app = app_for(demo_register)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.push_screen(DecisionScreen("D2013-001"))
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, PrintNoticeScreen)
        kinds = app.screen.query_one("#kinds", OptionList)
        assert kinds.option_count == len(KINDS)
        assert kinds.max_scroll_y == 0, "every kind fits without scrolling"
        assert kinds.region.bottom <= 23
        assert app.screen.query_one("#confidential").region.bottom <= 23


async def test_a_refusal_shows_every_route_at_80x24(demo_register, app_for) -> None:
    app = app_for(demo_register)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.push_screen(DecisionScreen("D2026-002"))
        await pilot.pause()
        await pilot.press("d", "ctrl+u")
        await type_text(pilot, "2/3/2026")
        await pilot.press("tab", *"Sell", "tab", *"Best", "tab", *"Keep", "tab", "space",
                          "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, FormScreen)
        refusal = app.screen.query_one("#refusal", Static)
        assert "special urgency" in str(refusal.render())  # the third route
        assert fully_shown(refusal, 24), (refusal.region, refusal.content_region)
        assert Size(80, 24) == app.size
