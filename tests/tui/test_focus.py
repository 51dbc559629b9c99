"""The field being typed into is unmistakable, and entering it never selects its text."""

from __future__ import annotations

from textual.widgets import Input, Label

from clerk.tui.screens.decision import DecisionScreen
from clerk.tui.screens.forms.engine import FormScreen
from clerk.tui.screens.forms.fields import TickBox
from tests.tui.conftest import screen_text


async def open_form(app, pilot, ref: str, key: str) -> FormScreen:  # type: ignore[no-untyped-def]
    await pilot.pause()
    app.push_screen(DecisionScreen(ref))
    await pilot.pause()
    await pilot.press(key)
    await pilot.pause()
    assert isinstance(app.screen, FormScreen)
    return app.screen


async def test_the_focused_fields_label_is_marked(demo_register, app_for) -> None:
    app = app_for(demo_register)
    async with app.run_test(size=(80, 24)) as pilot:
        form = await open_form(app, pilot, "D2026-002", "c")
        await pilot.press("tab", "tab")
        await pilot.pause()
        marked = [label for label in form.query(Label) if label.has_class("-focused")]
        assert [str(label.render()).rstrip(" *") for label in marked] == ["Received on"]
        assert form.query_one("#field-2").has_focus


async def test_entering_a_field_keeps_its_text_and_puts_the_cursor_at_the_end(
        demo_register, app_for) -> None:
    app = app_for(demo_register)
    async with app.run_test(size=(80, 24)) as pilot:
        form = await open_form(app, pilot, "D2026-002", "t")  # title and maker, filled
        field = form.query_one("#field-0", Input)
        before = field.value
        assert field.has_focus and before
        assert field.selection.is_empty
        await pilot.press(*" (revised)")
        assert field.value == before + " (revised)"


async def test_tick_boxes_differ_by_glyph_not_colour(demo_register, app_for) -> None:
    app = app_for(demo_register)
    async with app.run_test(size=(80, 24)) as pilot:
        form = await open_form(app, pilot, "D2026-002", "w")
        box = form.query_one(TickBox)
        unticked = str(box.render())
        box.value = True
        await pilot.pause()
        ticked = str(box.render())
        assert unticked != ticked and "✓" in ticked and "✓" not in unticked


async def test_a_date_is_read_back_with_its_weekday(demo_register, app_for) -> None:
    app = app_for(demo_register)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_form(app, pilot, "D2026-003", "i")
        field = app.screen.query_one("#field-0", Input)
        field.value = ""
        await pilot.press(*"6/3/13")
        await pilot.pause()
        assert "Read as Wed 6 Mar 2013" in screen_text(app)
