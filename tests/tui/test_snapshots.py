"""How the main screens look at 80x24 and 120x40 (each snapshot looked at before accepting)."""

from __future__ import annotations

import pytest

SIZES = [(80, 24), (120, 40)]

# screen name -> the keys a clerk presses from the register to get there
SCREENS = {
    "register": [],
    "decision": [*"heather", "enter"],
    "compliance": [*"heather", "enter", "right"],
    "decide_form": [*"heather", "enter", "d"],
    "meeting": ["ctrl+g"],
    "help": ["f1"],
    "print": [*"heather", "enter", "n"],
}


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("name", list(SCREENS))
def test_screen(snap_compare, demo_register, app_for, name, size) -> None:
    app = app_for(demo_register)
    assert snap_compare(app, terminal_size=size, press=SCREENS[name])


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_welcome(snap_compare, empty_register, app_for, size) -> None:
    assert snap_compare(app_for(empty_register), terminal_size=size)
