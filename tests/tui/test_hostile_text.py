"""Every piece of a clerk's text reaches the screen as text, never as markup.

Each text field of every demo decision (and the profile's names) holds markup, a control
sequence or right-to-left text; every screen, tab and step form is opened for each.
"""

from __future__ import annotations

import dataclasses
from datetime import date
from typing import Any

from clerk.domain.decision import Decision
from clerk.domain.steps import STEPS
from clerk.store.register import Register
from clerk.tui.screens.decision import TABS, DecisionScreen
from clerk.tui.screens.flow import StepForm
from clerk.tui.screens.forms.engine import FormScreen
from tests.tui.conftest import DEMO_TODAY, screen_text

TITLE = "Budget [/] 2027 [red"
HOSTILE = ["Review of [exempt] items", "[b]bold[/b] [link='x']y[/link] [$error]z[/]",
           "^[[31mred^[[0m \\x07 %s {title} ${x}", "مراجعة الميزانية [/]", "[@click=app.quit]q[/]"]
# Fields that hold a token from a fixed list, not the clerk's words.
TOKENS = {"kind", "role", "channel", "outcome", "due_month", "ref", "sha256", "stage",
          "published_as", "renderer", "file", "at", "action", "amount_kind", "exempt_fields",
          "received_time", "field"}


def poison(part: Any, counter: list[int]) -> None:
    """Every free-text field of `part` (recursively) replaced by hostile text."""
    for f in dataclasses.fields(part):
        value = getattr(part, f.name)
        if f.name in TOKENS:
            continue
        if isinstance(value, str) and value:
            counter[0] += 1
            setattr(part, f.name, HOSTILE[counter[0] % len(HOSTILE)])
        elif isinstance(value, list) and value and all(isinstance(v, str) for v in value):
            setattr(part, f.name, [HOSTILE[(counter[0] + i) % len(HOSTILE)]
                                   for i in range(len(value))])
        elif isinstance(value, list):
            for item in value:
                if dataclasses.is_dataclass(item):
                    poison(item, counter)
        elif isinstance(value, dict):
            setattr(part, f.name, {k: HOSTILE[0] for k in value})
        elif dataclasses.is_dataclass(value):
            poison(value, counter)


def hostile_register(demo_register: Register) -> Register:
    counter = [0]
    profile = demo_register.council
    for who in ("scrutiny_chair", "chairman", "vice_chairman"):
        getattr(profile, who).name = HOSTILE[1]
    profile.name = "Borough of [red] & [/]"
    register = Register.in_memory(profile)
    decisions: list[Decision] = []
    for ref in demo_register.refs():
        decision = demo_register.get(ref)
        poison(decision, counter)
        decision.title = TITLE if ref == "D2026-002" else HOSTILE[0]
        decisions.append(decision)
    register.save_many(decisions, action="hostile")
    return register


async def test_every_screen_and_form_shows_markup_as_text(demo_register, app_for) -> None:
    register = hostile_register(demo_register)
    app = app_for(register)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        for ref in register.refs():
            app.push_screen(DecisionScreen(ref))
            await pilot.pause()
            screen = app.screen
            for _ in TABS:
                await pilot.press("right")
            await pilot.pause()
            shown = screen_text(app)
            assert (TITLE if ref == "D2026-002" else HOSTILE[0]) in shown
            decision = register.get(ref)
            for move_id in STEPS:
                app.push_screen(StepForm(app, decision, move_id).screen())
                await pilot.pause()
                form = app.screen
                assert isinstance(form, FormScreen)
                assert decision.title in screen_text(app), move_id
                await pilot.press("ctrl+s")  # refusals and problems shown in the form
                await pilot.pause()
                if app.screen is form:  # else accepted (and not saved: no one awaits it)
                    assert decision.title in screen_text(app), move_id
                    app.pop_screen()
                    await pilot.pause()
                assert app.screen is screen
            await pilot.press("n")  # the print dialog lists every kind
            await pilot.pause()
            await pilot.press("escape")
            await pilot.pause()
            assert app.screen is screen
            app.pop_screen()
            await pilot.pause()
        for keys in (["ctrl+g"], ["ctrl+l"], ["f1"], ["ctrl+y"]):
            await pilot.press(*keys)
            await pilot.pause()
            await pilot.press("escape")
            await pilot.pause()
    assert app.return_code in (0, None)


async def test_a_markup_title_shows_whole_in_the_form_header(demo_register, app_for) -> None:
    decision = demo_register.get("D2026-002")
    decision.title = "Review of [exempt] items"
    demo_register.save(decision, action="title")
    app = app_for(demo_register)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.push_screen(DecisionScreen("D2026-002"))
        await pilot.pause()
        await pilot.press("k")
        await pilot.pause()
        assert isinstance(app.screen, FormScreen)
        assert "Review of [exempt] items" in screen_text(app)


async def test_typing_markup_into_a_date_field_is_shown_as_text(demo_register,
                                                                  app_for) -> None:
    app = app_for(demo_register)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.push_screen(DecisionScreen("D2026-003"))
        await pilot.pause()
        await pilot.press("i", "ctrl+u", *"[/]")
        await pilot.pause()
        assert "'[/]' is not a date" in screen_text(app)


def test_today_is_the_demo_day() -> None:
    assert DEMO_TODAY == date(2026, 3, 2)
