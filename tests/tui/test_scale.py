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

        await pilot.press(*"mote")
        await pilot.pause()
        matching = [r for r, d in big_register.raw_items() if "mote" in d["title"].casefold()
                    or "mote" in r.casefold()]
        assert 0 < len(listing.refs) <= COUNT
        assert set(matching) <= set(listing.refs)
        for ref in listing.refs[:20]:
            assert "mote" in big_register.get_raw(ref)["title"].casefold() + " ".join(
                big_register.get_raw(ref)["plan"]["wards"]).casefold()

        # One more filter keystroke over the whole index stays well under a frame budget.
        screen._last = None
        timed = time.perf_counter()
        screen.apply_filter()
        assert time.perf_counter() - timed < 0.25

        await pilot.press("ctrl+o")  # sort by due date: earliest first
        await pilot.pause()
        dues = [e.due for e in sorted(screen.index, key=lambda e: (e.due, e.ref))
                if e.ref in set(listing.refs)]
        assert [e for e in listing.refs[:5]] == [
            e.ref for e in sorted((e for e in screen.index if e.ref in set(listing.refs)),
                                  key=lambda e: (e.due, e.ref))][:5]
        assert dues == sorted(dues)
        assert len(screen.rows) < 200
