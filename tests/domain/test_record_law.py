"""Regs 12-13: the record past the council's own target is overdue; reg 18: scrutiny's view
that a decision should have been key is outstanding until the executive reports to Council."""

from __future__ import annotations

from datetime import date

import pytest

from clerk.domain import lifecycle as L
from clerk.domain import rules
from clerk.domain.council import CouncilProfile
from tests.domain.conftest import LATER, decided, draft


def _overdue(profile: CouncilProfile, today: date, on: date = date(2013, 2, 12)) -> list[str]:
    return rules.check(decided(profile, on=on), profile, today).overdue


def test_an_unpublished_record_past_the_target_is_overdue(profile: CouncilProfile) -> None:
    # Decided Tue 12 Feb 2013; 2 working days: Wed 13, Thu 14 Feb; overdue from Fri 15 Feb.
    assert _overdue(profile, date(2013, 2, 14)) == []
    assert _overdue(profile, date(2013, 2, 15)) == [
        "The record of decision is overdue: due by Thu 14 Feb 2013 (decided Tue 12 Feb 2013; "
        "the council's target is 2 working days; record due by Thu 14 Feb 2013) and not yet "
        "published."]


def test_the_target_skips_bank_holidays(profile: CouncilProfile) -> None:
    # Decided Thu 28 Mar 2013: Good Friday and Easter Monday skipped; due by Wed 3 Apr.
    assert _overdue(profile, date(2013, 4, 3), on=date(2013, 3, 28)) == []
    assert "due by Wed 3 Apr 2013" in _overdue(profile, date(2013, 4, 4),
                                                on=date(2013, 3, 28))[0]


def test_the_target_is_the_councils(profile: CouncilProfile) -> None:
    council = CouncilProfile.from_dict({**profile.to_dict(), "record_target_working_days": 5})
    assert rules.check(decided(council), council, date(2013, 2, 19)).overdue == []
    assert rules.check(decided(council), council, date(2013, 2, 20)).overdue != []


def test_a_published_record_is_not_overdue(profile: CouncilProfile) -> None:
    d = L.publish_record(decided(profile), today=LATER, published_on=date(2013, 2, 20))
    assert rules.check(d, profile, LATER).overdue == []


def _not_key_decided(profile: CouncilProfile):  # type: ignore[no-untyped-def]
    d = L.set_key(draft(), profile, is_key=False, amount_pounds=85_000, wards_affected=1)
    return L.decide(d, profile, today=LATER, decided_on=date(2013, 2, 12), text="Award.",
                    reasons="Best value.", alternatives="Repair only.", no_conflicts=True)


def test_scrutinys_view_is_outstanding_until_the_report_to_council(
        profile: CouncilProfile) -> None:
    from clerk.domain.review import record_scrutiny_key_view, report_key_view_to_council

    d = record_scrutiny_key_view(_not_key_decided(profile), today=LATER,
                                 raised_on=date(2013, 3, 4),
                                 committee="Overview and Scrutiny Communities Committee",
                                 view="It affects every ward's play areas.")
    assert d.scrutiny_key_view is not None
    assert d.scrutiny_key_view.view == "It affects every ward's play areas."
    assert any("reg 18" in m for m in rules.check(d, profile, LATER).missing)
    with pytest.raises(L.Refused, match="cannot come before scrutiny raised its view"):
        report_key_view_to_council(d, today=LATER, reported_on=date(2013, 3, 1))
    d = report_key_view_to_council(d, today=LATER, reported_on=date(2013, 4, 17))
    assert d.scrutiny_key_view is not None
    assert d.scrutiny_key_view.report_to_council_on == date(2013, 4, 17)
    assert not any("reg 18" in m for m in rules.check(d, profile, LATER).missing)
    with pytest.raises(L.Refused, match="report to Council was recorded"):
        report_key_view_to_council(d, today=LATER, reported_on=date(2013, 4, 18))


def test_reg_18_is_for_a_decision_made_and_not_treated_as_key(profile: CouncilProfile) -> None:
    from clerk.domain.review import record_scrutiny_key_view, report_key_view_to_council

    kw = dict(today=LATER, raised_on=date(2013, 3, 4), committee="O&S", view="Key.")
    with pytest.raises(L.Refused, match="record the decision"):
        record_scrutiny_key_view(draft(), **kw)  # type: ignore[arg-type]
    with pytest.raises(L.Refused, match="It was treated as a key decision"):
        record_scrutiny_key_view(decided(profile), **kw)  # type: ignore[arg-type]
    with pytest.raises(L.Refused, match="cannot come before the decision"):
        record_scrutiny_key_view(_not_key_decided(profile), **{  # type: ignore[arg-type]
            **kw, "raised_on": date(2013, 2, 11)})
    with pytest.raises(L.Refused, match="record scrutiny's view first"):
        report_key_view_to_council(_not_key_decided(profile), today=LATER,
                                   reported_on=date(2013, 4, 17))


def test_the_new_fields_round_trip_and_validate(profile: CouncilProfile) -> None:
    from clerk.domain.decision import Decision, PrivateUrgency, ScrutinyKeyView
    from clerk.domain.urgency import private_urgency
    from clerk.domain.validate import problems_in

    d = L.set_private(draft(), paragraphs=[3], public_interest="Negotiations.")
    d = private_urgency(d, today=LATER, agreed_by="Cllr Richard Ash", role="chairman",
                        earlier_unable="The scrutiny chair was ill.", agreed_on=date(2013, 2, 8),
                        reasons="The buyer withdraws on 13 Feb.")
    d.key.amount_kind, d.key.departure_reason = "capital", "A pass-through grant."
    d.scrutiny_key_view = ScrutinyKeyView(date(2013, 3, 4), "O&S", "Key.", date(2013, 4, 17))
    plain = d.to_dict()
    assert plain["private"]["urgency"]["earlier_unable"] == "The scrutiny chair was ill."
    assert problems_in(Decision, plain) == []  # an export with them re-imports
    back = Decision.from_dict(plain)
    assert back == d
    assert isinstance(back.private.urgency, PrivateUrgency)  # type: ignore[union-attr]
