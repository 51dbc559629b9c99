"""Regulation 5(7): the notice of the reasons why a private meeting held without 28 clear
days' notice is urgent and cannot reasonably be deferred, as agreed under regulation 5(6).

It says what the clerk recorded (who agreed, in which role, why the earlier person could
not act, the reasons), the meeting's date and the proper officer, carries the date the
register holds for its publication, and shows nothing exempt."""

from __future__ import annotations

from datetime import date

import pytest

from clerk.domain.decision import Decision
from clerk.notices import (
    KINDS,
    PUBLISHED_ON,
    NoticeRefused,
    missing_for,
    render_notice,
    render_notice_html,
    statutory_date,
)
from tests.notices.conftest import PUBLISHED_ON as PRINTED_ON
from tests.notices.helpers import squashed, text

KIND = "private-urgency"
HEADING = ("Notice of the reasons for holding a meeting in private at short notice "
           "(regulation 5(7))")


def render(decision: Decision, profile) -> str:  # type: ignore[no-untyped-def]
    return text(render_notice(KIND, decision, profile, published_on=PRINTED_ON))


def test_the_notice_gives_the_recorded_agreement_and_its_reasons(private, profile) -> None:  # type: ignore[no-untyped-def]
    found = render(private, profile)
    for item in [
        HEADING,
        "Disposal of land at Park Wood depot <Draft> & Savings",
        "regulation 5(6)", "regulation 5(7)", "28 clear days",
        "Agreed urgent by Cllr Fran Wilson, Chairman of the relevant overview and scrutiny "
        "committee",
        "Agreed on Wednesday 6 March 2013",
        "regulation 5(6)(a): the chairman of the relevant overview and scrutiny committee",
        "Date of meeting or decision Wednesday 20 March 2013",
        "Cllr Llŷr Siân Łukasz-Zoë",
        "Why the meeting is urgent and cannot reasonably be deferred",
        "The bidder's revised offer lapses on 22 March 2013",
        "Proper officer Head of Democratic Services, Proper Officer for access to information",
        # the date the register holds for its publication, not the day it was printed
        "Date of this notice Thursday 7 March 2013",
    ]:
        assert item in found, item
    assert "Why the earlier person could not act" not in found  # the scrutiny chair agreed


def test_the_notice_says_why_the_scrutiny_chair_could_not_act(private, profile) -> None:  # type: ignore[no-untyped-def]
    urgency = private.private.urgency
    urgency.role, urgency.agreed_by = "chairman", "Cllr Richard Ash"
    urgency.earlier_unable = "Cllr Fran Wilson was in hospital from 4 to 12 March."
    found = render(private, profile)
    assert "Agreed urgent by Cllr Richard Ash, Chairman of the Council" in found
    assert "regulation 5(6)(b): the chairman of the Council" in found
    assert "Why the earlier person could not act (as recorded) Cllr Fran Wilson was in " \
           "hospital from 4 to 12 March." in found
    urgency.earlier_unable = ""
    assert any("why the scrutiny committee chair could not act" in item
               for item in missing_for(KIND, private, profile))


def test_refused_without_a_recorded_private_urgency(private, profile) -> None:  # type: ignore[no-untyped-def]
    private.private.urgency = None
    with pytest.raises(NoticeRefused) as refused:
        render_notice(KIND, private, profile, published_on=PRINTED_ON)
    message = str(refused.value)
    assert message.startswith(f"Cannot print the {KINDS[KIND].lower()} for D2013-007")
    assert "regulation 5(6)" in message
    assert "clerk private-urgency D2013-007" in message and "z in the app" in message
    with pytest.raises(NoticeRefused):
        render_notice_html(KIND, private, profile, published_on=PRINTED_ON)


def test_refused_for_a_decision_not_taken_in_private(seed, profile) -> None:  # type: ignore[no-untyped-def]
    missing = missing_for(KIND, seed, profile)
    assert any("clerk private D2013-001" in item for item in missing)


def test_refused_without_the_proper_officer_or_the_meeting_date(private, profile) -> None:  # type: ignore[no-untyped-def]
    private.plan.due_on, private.plan.due_month = None, ""
    profile.proper_officer.name = ""
    missing = missing_for(KIND, private, profile)
    assert any("proper officer" in item for item in missing)
    assert any("the date of the meeting" in item and "clerk plan D2013-007 --due" in item
               for item in missing)


def test_nothing_exempt_is_printed(private, profile) -> None:  # type: ignore[no-untyped-def]
    pdf = render_notice(KIND, private, profile, published_on=PRINTED_ON)
    printed = squashed(text(pdf))
    for secret in ["Acme Ltd", "£1,250,000", "Beta plc", private.record.decision,
                   private.report.key_issue, private.private.exempt_information]:
        assert squashed(secret) not in printed, secret
    page = render_notice_html(KIND, private, profile, published_on=PRINTED_ON)
    assert "Acme" not in page and "1,250,000" not in page


def test_its_statutory_date_is_the_reasons_notice_the_register_holds(private) -> None:  # type: ignore[no-untyped-def]
    assert statutory_date(KIND, private) == date(2013, 3, 7)
    assert "clerk reasons-notice REF --route private-urgency" in PUBLISHED_ON[KIND][1]
    private.private.urgency.notice_published = None
    assert statutory_date(KIND, private) is None
    private.private = None
    assert statutory_date(KIND, private) is None


def test_the_web_page_has_the_same_wording(private, profile) -> None:  # type: ignore[no-untyped-def]
    page = render_notice_html(KIND, private, profile, published_on=PRINTED_ON)
    assert f'<h1 class="subtitle">{HEADING}</h1>' in page
    assert "<h2 " in page and "Why the meeting is urgent and cannot reasonably be deferred" \
        in page
    assert '<th scope="row">Agreed urgent by</th>' in page
