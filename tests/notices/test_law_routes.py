"""Special urgency, general exception and reg 5 notices say what the law and the clerk's
record say: the route recorded, the right regulation numbers, the proper officer."""

from __future__ import annotations

from datetime import date

import pytest

from clerk.domain.decision import Decision
from clerk.notices import missing_for, render_notice
from tests.notices.conftest import PUBLISHED_ON
from tests.notices.helpers import text


def render(kind: str, decision: Decision, profile) -> str:  # type: ignore[no-untyped-def]
    return text(render_notice(kind, decision, profile, published_on=PUBLISHED_ON))


def test_urgency_notice_never_claims_the_general_exception_failed(private, profile) -> None:  # type: ignore[no-untyped-def]
    assert private.exception is not None  # a general exception notice was recorded
    found = render("urgency", private, profile)
    assert "general exception procedure could not be followed" not in found
    assert "A general exception notice (regulation 10) was published on Friday 1 March 2013" \
        in found


def test_urgency_notice_names_the_route_recorded(private, profile) -> None:  # type: ignore[no-untyped-def]
    found = render("urgency", private, profile)
    assert "regulation 11(1)(a): the chairman of the relevant overview and scrutiny committee" \
        in found
    private.urgency.role = "chairman"
    private.urgency.agreed_by = "Cllr Richard Ash"
    private.urgency.earlier_unable = "Cllr Fran Wilson was in hospital from 6 to 12 March."
    found = render("urgency", private, profile)
    assert "regulation 11(1)(b): the chairman of the Council" in found
    assert "Cllr Fran Wilson was in hospital from 6 to 12 March." in found


def test_urgency_by_the_chairman_needs_why_the_chair_could_not_act(private, profile) -> None:  # type: ignore[no-untyped-def]
    private.urgency.role = "vice-chairman"
    private.urgency.earlier_unable = ""
    assert any("why the scrutiny committee chair could not act" in item
               for item in missing_for("urgency", private, profile))


def test_urgency_notice_shows_the_decision_date(private, profile) -> None:  # type: ignore[no-untyped-def]
    private.record.decided_on = date(2013, 3, 11)
    assert "Date of decision Monday 11 March 2013" in render("urgency", private, profile)
    private.record = None
    assert "Date the decision is to be taken Wednesday 20 March 2013" in render(
        "urgency", private, profile)


def test_regulation_numbers(private, profile) -> None:  # type: ignore[no-untyped-def]
    reasons = render("exception-reasons", private, profile)
    assert "regulation 10(2)" in reasons
    assert "10(3)" not in reasons
    assert "regulation 10(1)" in render("general-exception", private, profile)
    assert "regulation 11(2)" in render("urgency", private, profile)
    assert "regulation 5(2)" in render("private", private, profile)
    assert "regulation 5(4)" in render("private-confirmation", private, profile)


@pytest.mark.parametrize("kind", ["general-exception", "exception-reasons", "urgency",
                                  "private", "private-confirmation"])
def test_notices_name_the_proper_officer(kind, private, profile) -> None:  # type: ignore[no-untyped-def]
    found = render(kind, private, profile)
    assert "Proper officer Head of Democratic Services, Proper Officer for access to " \
           "information" in found
    profile.proper_officer.name = ""
    assert any("proper officer" in item for item in missing_for(kind, private, profile))


@pytest.mark.parametrize("kind", ["private", "private-confirmation"])
def test_reg_5_notices_give_the_deadline_for_representations(kind, private, profile) -> None:  # type: ignore[no-untyped-def]
    private.plan.representations_deadline = date(2013, 3, 12)
    assert "Representations by Tuesday 12 March 2013" in render(kind, private, profile)
