"""Order of dates: nothing dated before what it depends on, nothing after implementation
that cannot follow it, no exemption twice or without a record, and a due date before the
earliest lawful day is a warning."""

from __future__ import annotations

from datetime import date

import pytest

from clerk.domain import lifecycle as L
from clerk.domain import rules
from clerk.domain.council import CouncilProfile
from clerk.domain.decision import Decision
from tests.domain.conftest import LATER, decided, draft, planned_key, published

THREE = ["Cllr Clive English", "Cllr Fay Gooch", "Cllr Dan Wilkinson"]
CONSENT = "Cllr Fran Wilson, scrutiny chair, agreed it is urgent."


def _urgent_exempt(profile: CouncilProfile) -> Decision:
    """Decided Tue 12 Feb 2013 and exempt from call-in, record published the same day."""
    d = L.exempt_from_call_in(decided(profile), consent=CONSENT)
    return L.publish_record(d, today=LATER, published_on=date(2013, 2, 12))


def test_implementation_cannot_precede_the_decision(profile: CouncilProfile) -> None:
    with pytest.raises(L.Refused, match="before the decision was taken"):
        L.implement(_urgent_exempt(profile), profile, today=LATER,
                    implemented_on=date(2013, 2, 11))
    d = L.implement(_urgent_exempt(profile), profile, today=LATER,
                    implemented_on=date(2013, 2, 12))
    assert d.implemented_on == date(2013, 2, 12)


def test_implementation_cannot_precede_full_councils_endorsement(
        profile: CouncilProfile) -> None:
    d = L.refer(published(profile), meeting_on=date(2013, 3, 6))
    d = L.council_outcome(d, today=LATER, outcome="endorsed", decided_on=date(2013, 3, 8))
    with pytest.raises(L.Refused, match="before Full Council's decision"):
        L.implement(d, profile, today=LATER, implemented_on=date(2013, 3, 7))


def test_no_exemption_without_a_record(profile: CouncilProfile) -> None:
    with pytest.raises(L.Refused, match="Record the decision first"):
        L.exempt_from_call_in(planned_key(profile), consent=CONSENT)
    with pytest.raises(L.Refused, match="Record the decision first"):
        L.exempt_from_call_in(draft(), consent=CONSENT)


def test_no_exemption_twice(profile: CouncilProfile) -> None:
    d = L.exempt_from_call_in(decided(profile), consent=CONSENT)
    with pytest.raises(L.Refused, match="already exempt from call-in"):
        L.exempt_from_call_in(d, consent="Another consent.")


def test_no_exemption_or_referral_after_implementation(profile: CouncilProfile) -> None:
    d = L.implement(published(profile), profile, today=LATER, implemented_on=date(2013, 2, 20))
    with pytest.raises(L.Refused, match="an exemption from call-in comes before implementation"):
        L.exempt_from_call_in(d, consent=CONSENT)
    with pytest.raises(L.Refused, match="a referral to Full Council comes before implementation"):
        L.refer(d, meeting_on=date(2013, 3, 6))


def test_a_council_meeting_cannot_precede_the_call_in_that_referred_it(
        profile: CouncilProfile) -> None:
    d = L.call_in(published(profile), profile, today=LATER, received_on=date(2013, 2, 14),
                  members=THREE, grounds="Contrary to the policy framework.")
    d = L.call_in_outcome(d, today=LATER, outcome="referred-to-council",
                          decided_on=date(2013, 3, 1))
    with pytest.raises(L.Refused, match="before the call-in referred it to Council"):
        L.refer(d, meeting_on=date(2013, 2, 26))
    assert L.refer(d, meeting_on=date(2013, 3, 6)).referral.meeting_on == date(2013, 3, 6)


def test_a_deferred_item_is_not_referred_to_an_earlier_meeting(profile: CouncilProfile) -> None:
    d = L.refer(published(profile), meeting_on=date(2013, 3, 6))
    d = L.council_outcome(d, today=LATER, outcome="deferred", decided_on=date(2013, 3, 6))
    with pytest.raises(L.Refused, match="before Council deferred it"):
        L.refer(d, meeting_on=date(2013, 3, 1))
    d = L.refer(d, meeting_on=date(2013, 4, 17))
    with pytest.raises(L.Refused, match="cannot come before the meeting"):
        L.council_outcome(d, today=LATER, outcome="endorsed", decided_on=date(2013, 3, 6))


def test_a_due_date_before_the_earliest_lawful_day_is_a_warning(
        profile: CouncilProfile) -> None:
    d = L.plan(planned_key(profile), today=LATER, due_on=date(2013, 2, 1))
    warnings = rules.check(d, profile, date(2013, 1, 10)).warnings
    assert warnings == ["The decision is due on Fri 1 Feb 2013, before the earliest lawful day "
                        "Tue 5 Feb 2013 (published Mon 7 Jan 2013; 28 clear days end Mon 4 Feb "
                        "2013; earliest decision Tue 5 Feb 2013)."]
    d = L.plan(d, today=LATER, due_on=date(2013, 2, 5))
    assert rules.check(d, profile, date(2013, 1, 10)).warnings == []
