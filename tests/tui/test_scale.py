"""The register opens and filters at 10,000 decisions, working out only the rows on screen."""

from __future__ import annotations

import time

import pytest

from clerk.domain.decision import Decision
from clerk.store.register import Register
from clerk.synthetic import synthetic_dicts
from clerk.tui.screens.register import RegisterScreen
from clerk.tui.widgets.decision_list import DecisionList

COUNT = 10_000


@pytest.fixture(scope="module")
def big_register(profile) -> Register:
    register = Register.in_memory(profile)
    register.save_many([Decision.from_dict(d) for d in synthetic_dicts(COUNT, profile)],
                       action="synthetic")
    return register


async def test_ten_thousand_open_and_filter(big_register, app_for) -> None:
    app = app_for(big_register)
    started = time.perf_counter()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        opened = time.perf_counter() - started
        screen = app.screen
        assert isinstance(screen, RegisterScreen)
        listing = screen.query_one(DecisionList)
        assert len(listing.refs) == COUNT
        assert f"{COUNT:,}/{COUNT:,}" in str(screen.query_one("#register-title").render())
        # Only the rows on screen were summarised (asked of the rules), not 10,000.
        assert len(screen.rows) <= listing.size.height + 2
        assert opened < 3.0

        await app.workers.wait_for_complete()  # the filter index, read in a worker
        await pilot.pause()
        assert screen.index is not None and len(screen.index) == COUNT
        await pilot.press(*"mote")
        await pilot.pause()
        matching = [r for r, d in big_register.raw_items() if "mote" in d["title"].casefold()
                    or "mote" in r.casefold()]
        assert 0 < len(listing.refs) < COUNT
        assert set(matching) <= set(listing.refs)
        for ref in listing.refs[:20]:
            assert "mote" in big_register.get_raw(ref)["title"].casefold() + " ".join(
                big_register.get_raw(ref)["plan"]["wards"]).casefold()
        motes = list(listing.refs)

        # Backspacing and typing again gives the same rows as typing afresh.
        await pilot.press("backspace", "backspace", "backspace", "backspace", *"mote")
        await pilot.pause()
        assert list(listing.refs) == motes

        await pilot.press("ctrl+o")  # sort by due date: earliest first
        await pilot.pause()
        shown = set(listing.refs)
        expected = sorted((e for e in screen.index.entries if e.ref in shown),
                          key=lambda e: (e.due, e.ref))
        assert list(listing.refs[:5]) == [e.ref for e in expected[:5]]
        dues = [screen.index.entry(ref).due for ref in listing.refs]
        assert dues == sorted(dues)
        assert len(screen.rows) < 200


async def test_typing_before_the_index_is_read_filters_when_it_arrives(
        big_register, app_for) -> None:
    app = app_for(big_register)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = app.screen
        assert isinstance(screen, RegisterScreen)
        screen.index = None  # as if the worker had not finished yet
        screen._generation += 1  # and its answer is still to come
        await pilot.press(*"mote")
        await pilot.pause()
        listing = screen.query_one(DecisionList)
        assert "indexing" in str(screen.query_one("#register-title").render())
        assert len(listing.refs) == COUNT  # still the whole register, nothing lost
        screen._read_index(screen._generation)
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert screen.index is not None
        assert 0 < len(listing.refs) < COUNT
        assert all("mote" in screen.index.entry(ref).haystack for ref in listing.refs)
        assert "indexing" not in str(screen.query_one("#register-title").render())


@pytest.mark.parametrize("width", [100, 110, 111, 130])
async def test_the_headings_line_up_with_the_rows_beside_a_scrollbar(big_register, app_for,
                                                                     width: int) -> None:
    """10,000 rows bring a scrollbar, which narrows the rows by two columns: at 110 wide
    that once put the headings in the wide layout and the rows in the narrow one."""
    app = app_for(big_register)
    async with app.run_test(size=(width, 30)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.pause()
        screen = app.screen
        headings = str(screen.query_one("#columns").render())
        listing = screen.query_one(DecisionList)
        rows = [listing.render_line(y).text for y in range(5)]
        for name in ("Maker", "Stage"):  # never blank
            column = headings.index(name)
            for row in rows:
                assert row[column - 1] == " " and row[column] != " ", (name, headings, row)
