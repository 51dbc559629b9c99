"""An unexpected error: a clear message, what was typed kept, and a non-zero exit."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from clerk.tui.screens.decision import DecisionScreen
from clerk.tui.screens.forms.engine import FormScreen
from tests.tui.conftest import screen_text


def test_an_app_that_stopped_on_an_error_exits_non_zero(tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """Textual prints the traceback and sets return_code 1; the process must say so."""
    import clerk.tui.factory
    from clerk.launch import run_app

    class Crashed:
        shown = threading.Event()
        return_code = 1

        def run(self) -> None:
            return None

    monkeypatch.setattr(clerk.tui.factory, "make_app", lambda *a, **k: Crashed())
    assert run_app(str(tmp_path / "register.json")) == 1


async def test_a_fault_in_a_step_keeps_what_was_typed(demo_register, app_for,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    from clerk.domain import lifecycle

    def broken(*args: object, **kwargs: object) -> None:
        raise KeyError("contact")

    monkeypatch.setattr(lifecycle, "add_comment", broken)
    app = app_for(demo_register)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.push_screen(DecisionScreen("D2026-002"))
        await pilot.pause()
        await pilot.press("c", *"Ann Smith", "tab", "tab", "tab", "tab", *"Objection",
                          "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, FormScreen), "the form stays open"
        shown = screen_text(app)
        assert "Unexpected error" in shown and "Nothing was saved" in shown
        assert "Ann Smith" in [getattr(w, "value", None) for w in app.screen.query("Input")]
    assert app.return_code in (0, None)
