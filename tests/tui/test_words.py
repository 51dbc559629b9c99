"""The app shows words, never the tokens the register stores."""

from __future__ import annotations

from textual.widgets import OptionList

from clerk.tui.screens import sections
from clerk.tui.screens.decision import DecisionScreen
from clerk.tui.screens.forms.engine import FormScreen

TOKENS = ("scrutiny-chair", "no-further-action", "referred-back", "not-endorsed",
          "referred-to-council", "month 20")


def test_the_decision_tabs_show_words(demo_register) -> None:
    for ref in demo_register.refs():
        d = demo_register.get(ref)
        shown = sections.overview(d) + sections.record(d)
        for token in TOKENS:
            assert token not in shown, (ref, token)
    seed = demo_register.get("D2013-001")
    assert "[b]Due[/b]: February 2013" in sections.overview(seed)


def test_the_council_outcome_is_in_words(demo_register) -> None:
    seed = demo_register.get("D2013-001")
    seed.referral.outcome = "amended"
    assert "Endorsed with amendments" in sections.record(seed)


def test_a_contact_without_a_title_has_no_stray_comma(demo_register) -> None:
    d = demo_register.get("D2026-002")
    d.plan.contact.title = ""
    d.plan.contact.telephone = ""
    d.plan.contact.email = ""
    line = next(x for x in sections.overview(d).splitlines() if x.startswith("[b]Contact"))
    assert not line.rstrip().endswith(",")


async def test_a_choice_lists_words(demo_register, app_for) -> None:
    app = app_for(demo_register)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        app.push_screen(DecisionScreen("D2026-005"))  # called in
        await pilot.pause()
        await pilot.press("o")
        await pilot.pause()
        assert isinstance(app.screen, FormScreen)
        await pilot.press("enter")  # opens the list of outcomes
        await pilot.pause()
        listed = app.screen.query_one(OptionList)
        prompts = [str(listed.get_option_at_index(i).prompt)
                   for i in range(listed.option_count)]
        assert "No further action: the decision stands" in prompts, prompts
        assert not any(token in " ".join(prompts) for token in TOKENS)
