"""The mouse does what a clerk expects: a row, a tab, a key in the key bar, a field."""

from __future__ import annotations

from textual.widgets import Input, TabbedContent

from clerk.tui.screens.decision import DecisionScreen
from clerk.tui.screens.forms.engine import FormScreen
from clerk.tui.widgets.decision_list import DecisionList
from clerk.tui.widgets.key_bar import KeyBar


async def test_clicking_a_row_picks_it_and_clicking_it_again_opens_it(demo_register,
                                                                       app_for) -> None:
    app = app_for(demo_register)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        listing = app.screen.query_one(DecisionList)
        assert await pilot.click(DecisionList, offset=(5, 2))
        await pilot.pause()
        assert listing.current == listing.refs[2]
        assert not isinstance(app.screen, DecisionScreen)
        assert await pilot.click(DecisionList, offset=(5, 2))
        await pilot.pause()
        assert isinstance(app.screen, DecisionScreen)
        assert app.screen.ref == listing.refs[2]


async def test_clicking_a_tab_shows_it_and_the_keys_follow(demo_register, app_for) -> None:
    app = app_for(demo_register)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        app.push_screen(DecisionScreen("D2026-002"))
        await pilot.pause()
        assert await pilot.click("#tabs Tab#--content-tab-tab-record")
        await pilot.pause()
        tabs = app.screen.query_one(TabbedContent)
        assert tabs.active == "tab-record"
        await pilot.press("right")  # the keys carry on from the tab clicked
        assert tabs.active == "tab-history"


async def test_clicking_a_key_in_the_bar_takes_the_step(demo_register, app_for) -> None:
    app = app_for(demo_register)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        app.push_screen(DecisionScreen("D2026-002"))
        await pilot.pause()
        line = str(app.screen.query_one(KeyBar).render())
        column = line.index("Comment")
        assert await pilot.click(KeyBar, offset=(column, 0))
        await pilot.pause()
        assert isinstance(app.screen, FormScreen)
        assert "comment" in app.screen.form_title.lower()


async def test_clicking_a_field_or_its_label_puts_the_cursor_there(demo_register,
                                                                   app_for) -> None:
    app = app_for(demo_register)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        app.push_screen(DecisionScreen("D2026-002"))
        await pilot.pause()
        await pilot.press("c")
        await pilot.pause()
        form = app.screen
        assert await pilot.click("#field-1")
        await pilot.pause()
        assert form.query_one("#field-1", Input).has_focus
        assert await pilot.click("#label-2")
        await pilot.pause()
        assert form.query_one("#field-2", Input).has_focus
        assert form.query_one("#label-2").has_class("-focused")
