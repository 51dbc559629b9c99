"""The app's step forms keep the same rules as the command line: each was the CLI's alone."""

from __future__ import annotations

from datetime import date

from clerk.tui.screens.decision import DecisionScreen
from clerk.tui.screens.forms.engine import FormScreen
from tests.tui.conftest import type_text

TODAY = date(2013, 3, 31)


async def _new(app, pilot, maker: str) -> str:
    await pilot.press("escape")  # the welcome: start with an empty register
    await pilot.press("ctrl+n")
    assert isinstance(app.screen, FormScreen)
    await type_text(pilot, "Parking charges")
    await pilot.press("tab")
    await type_text(pilot, maker)
    await pilot.press("ctrl+s")
    await pilot.pause()
    assert isinstance(app.screen, DecisionScreen)
    return app.screen.ref


async def test_new_decision_fills_the_maker_from_the_profile(empty_register, app_for) -> None:
    app = app_for(empty_register, TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        ref = await _new(app, pilot, "Cllr John A Wilson")
    maker = empty_register.get(ref).decision_maker
    assert (maker.title, maker.telephone) == ("Cabinet Member for Community Services",
                                              "01622 602242")


async def test_plan_contact_is_filled_from_the_profile(empty_register, app_for) -> None:
    app = app_for(empty_register, TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        ref = await _new(app, pilot, "Cllr John A Wilson")
        await pilot.press("p")
        await type_text(pilot, "Approve the plan")
        await pilot.press("tab", "tab", "tab", "tab")
        await type_text(pilot, "Sarah Robson")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, DecisionScreen)
    contact = empty_register.get(ref).plan.contact
    assert (contact.title, contact.telephone, contact.email) == (
        "Community Partnerships Manager", "01622 602827", "sarahrobson@maidstone.gov.uk")


async def test_a_draft_cannot_be_exempted_from_call_in(empty_register, app_for) -> None:
    app = app_for(empty_register, TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        ref = await _new(app, pilot, "Cllr John A Wilson")
        await pilot.press("x")
        await pilot.pause()
        assert not isinstance(app.screen, FormScreen)
    assert empty_register.get(ref).call_in.urgent_exempt is False


async def test_status_line_never_offers_implementing_while_call_in_runs(profile,
                                                                        app_for) -> None:
    from clerk.store.register import Register
    from tests.domain.stages import REF, STAGES
    from tests.tui.conftest import screen_text

    build = dict((s, b) for s, b, _ in STAGES)["in call-in"]
    register = Register.in_memory(profile)
    register.save(build(profile), action="set up")
    app = app_for(register, date(2013, 2, 20))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        app.push_screen(DecisionScreen(REF))
        await pilot.pause()
        shown = screen_text(app)
    assert "Blocked: Call-in runs until 17:00 on Mon 25 Feb 2013" in shown
    assert "next: implement (m)" not in shown
    assert "next: implement from Tue 26 Feb 2013" in shown


def test_the_register_column_never_shows_a_day_already_past(profile) -> None:
    from clerk.tui.summary import row_of
    from tests.domain.stages import STAGES

    key = dict((s, b) for s, b, _ in STAGES)["key"](profile)  # earliest Tue 5 Feb 2013
    assert row_of(key, profile, date(2013, 1, 20)).next_date == "decide 5 Feb 13"
    assert "5 Feb 13" not in row_of(key, profile, date(2013, 3, 20)).next_date


async def test_a_clerical_error_is_corrected_from_the_app_and_shown_in_history(
        demo_register, app_for) -> None:
    from clerk.tui.screens.confirm import ConfirmScreen
    from tests.tui.conftest import screen_text

    ref = "D2026-009"  # implemented: only a correction can change it now
    old = demo_register.get(ref).title
    app = app_for(demo_register)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.push_screen(DecisionScreen(ref))
        await pilot.pause()
        await pilot.press("f")
        assert isinstance(app.screen, FormScreen)
        assert "Title of the decision" in screen_text(app)  # the field, in words
        await pilot.press("tab", "ctrl+u")
        await type_text(pilot, "Play area refurbishment: Mote Park")
        await pilot.press("tab")
        await type_text(pilot, "park left out")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, (FormScreen, ConfirmScreen)), screen_text(app)
        await pilot.press(*["right"] * 5)  # the History tab
        await pilot.pause()
        shown = screen_text(app)
    decision = demo_register.get(ref)
    assert decision.title == "Play area refurbishment: Mote Park"
    assert decision.corrections[0].before == old
    assert "Title of the decision corrected from" in shown


async def test_choosing_what_to_correct_starts_from_what_it_holds_now(demo_register,
                                                                      app_for) -> None:
    from textual.widgets import Input

    app = app_for(demo_register)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.push_screen(DecisionScreen("D2026-002"))
        await pilot.pause()
        await pilot.press("f", "enter", *["down"] * 7, "enter")  # Contact officer's telephone
        await pilot.pause()
        assert app.screen.query_one("#field-1", Input).value == "01622 602000"


async def test_the_status_line_gives_the_next_steps_key_as_remapped(profile,
                                                                     tmp_path) -> None:
    from clerk.store.register import Register
    from clerk.tui.factory import make_app
    from tests.domain.stages import REF, STAGES
    from tests.tui.conftest import screen_text

    (tmp_path / "keys.toml").write_text('[keys]\n"decision.publish" = "B"\n')
    register = Register.in_memory(profile)
    register.save(dict((s, b) for s, b, _ in STAGES)["decided"](profile), action="set up")
    app = make_app(register, today=date(2013, 2, 15), config_dir=tmp_path, environ={})
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        app.push_screen(DecisionScreen(REF))
        await pilot.pause()
        assert "next: publish the record of decision (B)" in screen_text(app)


async def test_a_step_with_nothing_to_type_asks_and_saves_without_an_empty_form(
        profile, app_for) -> None:
    from clerk.store.register import Register
    from clerk.tui.screens.confirm import ConfirmScreen
    from tests.domain.stages import REF, STAGES

    build = dict((s, b) for s, b, _ in STAGES)["not key against the definition"]
    register = Register.in_memory(profile)
    register.save(build(profile), action="set up")
    app = app_for(register, date(2013, 1, 7))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        app.push_screen(DecisionScreen(REF))
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)  # the question at once, no form
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, DecisionScreen)
        assert register.get(REF).key.departure_reviewed is False
        await pilot.press("y")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, DecisionScreen)
    assert register.get(REF).key.departure_reviewed is True
    assert register.history(REF)[-1].action == "key departure reviewed"
