"""The print dialog: the publication date and the confidential copy, by keys alone."""

from __future__ import annotations

from pypdf import PdfReader

from clerk.tui.screens.decision import DecisionScreen
from clerk.tui.screens.printing import PrintJobScreen, PrintNoticeScreen
from tests.tui.conftest import screen_text, type_text

PRIVATE = "D2026-002"  # the demo's sale of land, with exempt offers from bidders


async def _print(app, pilot, *, date_text: str, confidential: bool):
    app.push_screen(DecisionScreen(PRIVATE))
    await pilot.pause()
    await pilot.press("n")
    await pilot.pause()
    await pilot.press("tab", "ctrl+u")  # the publication date field, cleared
    if date_text:  # blank: the date the register holds for the notice
        await type_text(pilot, date_text)
    if confidential:
        await pilot.press("tab", "space")
        await pilot.press("shift+tab")
    await pilot.press("shift+tab", "enter")  # back to the notices; the first it can print
    for _ in range(50):
        await pilot.pause(0.1)
        if isinstance(app.screen, PrintJobScreen) and app.screen.path:
            return app.screen.path
    return None


def _text(path) -> str:
    return " ".join(page.extract_text() for page in PdfReader(path).pages)


async def test_a_confidential_copy_holds_the_exempt_matter_and_says_so(demo_register, app_for):
    exempt = demo_register.get(PRIVATE).private.exempt_information
    app = app_for(demo_register)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        path = await _print(app, pilot, date_text="", confidential=True)
        assert path is not None and "CONFIDENTIAL" in path.name
        assert "CONFIDENTIAL" in screen_text(app)
    text = " ".join(_text(path).split())
    assert "Kent Homes Ltd" in text and "Kent Homes Ltd" in exempt
    assert "CONFIDENTIAL" in text
    notice = demo_register.events()[-1]["notice"]
    held = demo_register.get(PRIVATE).private.intention_published
    assert notice["confidential"] and notice["published_on"] == held.isoformat()
    assert f"{held.day} {held:%B %Y}" in text


async def test_the_public_copy_withholds_it(demo_register, app_for):
    app = app_for(demo_register)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        path = await _print(app, pilot, date_text="", confidential=False)
    assert path is not None
    text = " ".join(_text(path).split())
    assert "Kent Homes Ltd" not in text and "CONFIDENTIAL" not in text
    assert not demo_register.events()[-1]["notice"].get("confidential")


async def test_a_date_other_than_the_registers_is_refused_in_the_job(demo_register, app_for):
    app = app_for(demo_register)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert await _print(app, pilot, date_text="20/11/2026", confidential=False) is None
        await pilot.pause(0.3)
        assert "Not printed" in screen_text(app) and "the date the register holds" in \
            screen_text(app)
    assert demo_register.events() == []


async def test_a_date_that_does_not_exist_is_refused_in_the_dialog(demo_register, app_for):
    before = len(demo_register.events())
    app = app_for(demo_register)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert await _print(app, pilot, date_text="31/02/2026", confidential=False) is None
        assert isinstance(app.screen, PrintNoticeScreen)
        assert "not a date" in screen_text(app)
    assert len(demo_register.events()) == before


async def test_the_preview_is_a_draft_and_is_not_journaled(demo_register, app_for):
    app = app_for(demo_register)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        app.push_screen(DecisionScreen(PRIVATE))
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        await pilot.press("tab", "tab", "tab", "space")  # the draft box, ticked
        await pilot.press("shift+tab", "shift+tab", "shift+tab", "enter")
        for _ in range(50):
            await pilot.pause(0.1)
            if isinstance(app.screen, PrintJobScreen) and app.screen.path:
                break
        path = app.screen.path
        assert path is not None and "DRAFT" in screen_text(app)
    for page in PdfReader(path).pages:
        assert "DRAFT – NOT PUBLISHED" in " ".join(page.extract_text().split())
    assert demo_register.events() == []
