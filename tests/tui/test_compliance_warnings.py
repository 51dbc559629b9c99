"""The compliance panel shows the warnings `rules.check` finds, beside what is overdue,
blocked and missing: a departure from the key decision definition not yet reviewed."""

from __future__ import annotations

from datetime import date

from clerk.domain.council import load_profile
from clerk.paths import default_council_path
from clerk.tui.widgets.panels import CompliancePanel
from tests.domain.stages import STAGES


def test_the_compliance_panel_shows_an_unreviewed_key_departure() -> None:
    profile = load_profile(default_council_path())
    departed = dict((s, b) for s, b, _ in STAGES)["not key against the definition"](profile)
    panel = CompliancePanel()
    panel.show(departed, profile, date(2013, 1, 7))
    shown = str(panel.content)
    assert "Warning:" in shown
    assert ("the departure recorded (\"A one-off grant the council does not spend\") has not "
            "been reviewed") in shown
