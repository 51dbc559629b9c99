"""The shipped demo prints its own forward plan and the notices a clerk would try first."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from clerk.demo import demo_decisions
from clerk.notices import forward_plan_entries, render_forward_plan
from tests.notices.helpers import text


@pytest.mark.parametrize("today", [date(2026, 12, 5), date(2027, 6, 30), date(2028, 2, 29)])
def test_the_demos_forward_plan_prints(today, profile) -> None:  # type: ignore[no-untyped-def]
    decisions = demo_decisions(profile, today)
    start, end = today, today + timedelta(days=120)
    listed = forward_plan_entries(decisions, start, end)
    assert len(listed) >= 2
    found = text(render_forward_plan(decisions, profile, start=start, end=end,
                                     published_on=today))
    for decision in listed:
        assert decision.ref in found
    assert "Cllr Christopher Garland, Cllr John A Wilson" in found  # the Cabinet's members
