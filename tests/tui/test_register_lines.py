"""The register's list and the lines about it are drawn from kept lines: what the clerk sees
must be what Textual itself would draw, and must follow every change."""

from __future__ import annotations

from textual.content import Content
from textual.geometry import Region
from textual.strip import Strip
from textual.widget import Widget

from clerk.tui.screens.register import RegisterScreen
from clerk.tui.widgets.decision_list import DecisionList
from clerk.tui.widgets.kept_text import KeptText


def drawn(widget: Widget) -> list[Strip]:
    return widget.render_lines(Region(0, 0, *widget.size))


def drawn_by_textual(widget: Widget) -> list[Strip]:
    widget._styles_cache.clear()  # nothing kept: every line drawn afresh
    return Widget.render_lines(widget, Region(0, 0, *widget.size))


def same(lines: list[Strip], others: list[Strip]) -> bool:
    return [list(line) for line in lines] == [list(line) for line in others]


async def test_list_shows_the_filtered_rows_as_textual_draws_them(demo_register,
                                                                   app_for) -> None:
    app = app_for(demo_register)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        listing = app.screen.query_one(DecisionList)
        for keys in ([], [*"heather"], ["backspace"] * 7, [*"he"], ["backspace"] * 2,
                     ["down", "down"], ["ctrl+o"]):
            await pilot.press(*keys)
            await pilot.pause()
            lines = drawn(listing)
            assert same(lines, drawn_by_textual(listing)), keys
            texts = ["".join(segment.text for segment in line) for line in lines]
            for ref, text in zip(listing.refs, texts, strict=False):
                assert text[2:].startswith(ref), (keys, ref, text)
            assert all(not text.strip() for text in texts[len(listing.refs):])
        listing.focus()  # the cursor row's colours change with focus
        await pilot.pause()
        assert same(drawn(listing), drawn_by_textual(listing))


async def test_a_saved_decision_is_drawn_again(demo_register, app_for) -> None:
    app = app_for(demo_register)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        listing = app.screen.query_one(DecisionList)
        ref = listing.refs[1]
        decision = demo_register.get(ref)
        decision.title = "Renamed while the list was on screen"
        assert app.save(decision, "renamed")
        await pilot.pause()
        row = listing.refs.index(ref)
        text = "".join(segment.text for segment in drawn(listing)[row])
        assert "Renamed while the list" in text


async def test_detail_line_follows_its_style_when_a_text_comes_back(demo_register,
                                                                     app_for) -> None:
    app = app_for(demo_register)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, RegisterScreen)
        detail = app.screen.query_one("#row-detail", KeptText)
        first, second = Content("one text"), Content.assemble(("another", "bold"), " text")
        for text in (first, second, first):
            detail.show(text)
            await pilot.pause()
            assert same(drawn(detail), drawn_by_textual(detail))
        plain = drawn(detail)
        detail.set_class(True, "-overdue")  # the same text in the overdue colours
        await pilot.pause()
        assert same(drawn(detail), drawn_by_textual(detail))
        assert not same(drawn(detail), plain)
