"""Two clerks on one register: what the other saves shows on this app's screens within two
seconds, and this app's step re-runs on the decision as the other left it."""

from __future__ import annotations

import asyncio
from pathlib import Path

from clerk.demo import demo_decisions
from clerk.domain.council import CouncilProfile
from clerk.store.register import Register
from clerk.tui.screens.decision import DecisionScreen
from clerk.tui.screens.register import RegisterScreen
from tests.tui.conftest import DEMO_TODAY, screen_text


async def test_the_other_clerks_saves_show_within_two_seconds(
        tmp_path: Path, profile: CouncilProfile, app_for) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "register.json"
    with Register.open(path, write=True, create=True, council=profile) as setup:
        setup.save_many(demo_decisions(profile, DEMO_TODAY), action="demo decisions")
    mine = Register.open(path, write=True)
    other = Register.open(path, write=True)
    app = app_for(mine)
    try:
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            app.push_screen(DecisionScreen("D2026-002"))
            await pilot.pause()
            changed = other.get("D2026-002")
            changed.title = "Renamed by the other clerk"
            other.save(changed, action="edited")
            created = other.get("D2026-003")
            created.ref = other.next_ref(2026)
            created.title = "Made by the other clerk"
            other.save(created, action="decision created")
            for _ in range(25):
                await asyncio.sleep(0.1)
                await pilot.pause()
                if "Renamed by the other clerk" in screen_text(app):
                    break
            assert "Renamed by the other clerk" in screen_text(app)
            register_screen = next(s for s in app.screen_stack if isinstance(s, RegisterScreen))
            assert register_screen.index is not None
            assert created.ref in register_screen.index.matching("made by the other")
    finally:
        other.close()
        mine.close()


def test_a_step_saved_in_the_app_is_re_run_on_the_other_clerks_version(
        tmp_path: Path, profile: CouncilProfile, app_for) -> None:  # type: ignore[no-untyped-def]
    from clerk.domain import lifecycle
    from clerk.domain.decision import Comment

    path = tmp_path / "register.json"
    with Register.open(path, write=True, create=True, council=profile) as setup:
        setup.save_many(demo_decisions(profile, DEMO_TODAY), action="demo decisions")
    mine, other = Register.open(path, write=True), Register.open(path, write=True)
    try:
        app = app_for(mine)
        on_screen = mine.get("D2026-002")  # what the form was opened on
        renamed = other.get("D2026-002")
        renamed.title = "Renamed by the other clerk"
        other.save(renamed, action="edited")
        note = Comment("Ann Price", "Bearsted PC", DEMO_TODAY, "email", "From this app")

        def move(decision):  # type: ignore[no-untyped-def]
            return lifecycle.add_comment(decision, note, today=DEMO_TODAY)

        assert app.save(move(on_screen), "comment added", move)
        saved = mine.get("D2026-002")
        assert saved.title == "Renamed by the other clerk"  # the other's change kept
        assert saved.comments[-1].text == "From this app"
    finally:
        other.close()
        mine.close()
