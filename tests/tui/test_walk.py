"""The seed decision walked from a new entry to Full Council by key presses alone."""

from __future__ import annotations

from datetime import date

from clerk.domain.lifecycle import stage
from clerk.tui.screens.decision import DecisionScreen
from clerk.tui.screens.forms.engine import FormScreen
from tests.tui.conftest import choose, type_text

TODAY = date(2013, 3, 31)
TITLE = "CSP Plan 2013-18"


async def test_seed_decision_walks_every_stage_by_keys(empty_register, app_for) -> None:
    app = app_for(empty_register, TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("escape")  # the welcome: start with an empty register
        await pilot.press("ctrl+n")
        assert isinstance(app.screen, FormScreen)
        await type_text(pilot, TITLE)
        await pilot.press("tab")
        await type_text(pilot, "Cllr Wilson")
        await pilot.press("tab")
        await type_text(pilot, "Cabinet Member")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, DecisionScreen)
        ref = app.screen.ref

        def now() -> str:
            return stage(empty_register.get(ref))

        assert now() == "draft"

        await pilot.press("p")  # forward plan entry
        await type_text(pilot, "Approve")
        await pilot.press("tab", "tab")
        await type_text(pilot, "02/2013")
        await pilot.press("tab")
        await type_text(pilot, "07/01/2013")
        await pilot.press("tab")
        await type_text(pilot, "S Robson")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert now() == "planned"

        await pilot.press("k")  # key decision
        await choose(pilot, 1)
        await pilot.press("tab")
        await type_text(pilot, "a plan")
        await pilot.press("ctrl+s")
        await pilot.pause()

        await pilot.press("c")  # a comment from scrutiny
        await type_text(pilot, "Scrutiny")
        await pilot.press("tab", "tab")
        await type_text(pilot, "22/01/2013")
        await pilot.press("tab", "tab")
        await type_text(pilot, "Add PCC")
        await pilot.press("ctrl+s")
        await pilot.pause()

        await pilot.press("d")  # the record of decision
        await type_text(pilot, "15/02/2013")
        await pilot.press("tab")
        await type_text(pilot, "Agreed")
        await pilot.press("tab")
        await type_text(pilot, "Statute")
        await pilot.press("tab")
        await type_text(pilot, "None")
        await pilot.press("tab", "space", "ctrl+s", "y")  # recording is confirmed first
        await pilot.pause()
        assert now() == "decided"

        await pilot.press("b")  # publish, confirmed
        await type_text(pilot, "18/02/2013")
        await pilot.press("ctrl+s", "y")
        await pilot.pause()
        assert now() == "published"

        await pilot.press("i")  # a call-in, three members
        await type_text(pilot, "20/02/2013")
        await pilot.press("tab")
        await type_text(pilot, "Ash, Bell, Cox")
        await pilot.press("tab")
        await type_text(pilot, "Rural")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert now() == "called-in"

        await pilot.press("o")  # call-in outcome: referred to Council
        await choose(pilot, 3)
        await pilot.press("tab")
        await type_text(pilot, "22/02/2013")
        await pilot.press("ctrl+s", "y")
        await pilot.pause()

        await pilot.press("r")  # refer to Full Council
        await type_text(pilot, "06/03/2013")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert now() == "referred"

        await pilot.press("l")  # Council endorses
        await choose(pilot, 1)
        await pilot.press("tab", "tab")
        await type_text(pilot, "M97")
        await pilot.press("ctrl+s", "y")
        await pilot.pause()
        assert now() == "council-decided"

        await pilot.press("m")  # implemented
        await type_text(pilot, "07/03/2013")
        await pilot.press("ctrl+s", "y")
        await pilot.pause()
        assert now() == "implemented"

    saved = empty_register.get(ref)
    assert saved.title == TITLE
    assert saved.plan.first_published == date(2013, 1, 7)
    assert saved.plan.due_month == "2013-02"
    assert saved.key.is_key is True
    assert saved.comments[0].received_on == date(2013, 1, 22)
    assert saved.record is not None and saved.record.decided_on == date(2013, 2, 15)
    assert saved.record.no_conflicts
    assert saved.record.published_on == date(2013, 2, 18)
    assert saved.call_in.requests[0].members == ["Ash", "Bell", "Cox"]
    assert saved.call_in.outcome == "referred-to-council"
    assert (saved.referral.meeting_on, saved.referral.outcome) == (date(2013, 3, 6), "endorsed")
    assert saved.referral.minute == "M97"
    assert saved.implemented_on == date(2013, 3, 7)
    actions = [entry.action for entry in empty_register.history(ref)]
    # the same actions the command line writes for the same steps
    assert actions == ["decision created", "forward plan entry", "key decision confirmed",
                       "comment added",
                       "decision recorded", "record published", "call-in received",
                       "call-in outcome", "referred to Council", "Council outcome",
                       "implemented"]
