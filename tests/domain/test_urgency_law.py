"""Reg 11 and reg 5: who may agree urgency, in the law's order; the reasons notices are
tracked until published; a private meeting needs both notices or its own urgency (reg
5(6)-(7)), and a general exception never cures reg 5."""

from __future__ import annotations

from datetime import date

import pytest

from clerk.domain import lifecycle as L
from clerk.domain import rules
from clerk.domain.council import CouncilProfile
from clerk.domain.decision import Decision
from tests.domain.conftest import LATER, draft, planned_key

WHY = "The scrutiny chair declared an interest in the matter and could not act."


def _key(profile: CouncilProfile) -> Decision:
    return L.set_key(draft(), profile, is_key=True, amount_pounds=1_850_000, reason="£1.85m")


def _urgency(d: Decision, role: str, **kw: object) -> Decision:
    return L.special_urgency(d, today=LATER, agreed_by="Cllr Richard Ash", role=role,
                             agreed_on=date(2013, 2, 25), reasons="The offer lapses.",
                             **kw)  # type: ignore[arg-type]


@pytest.mark.parametrize(("role", "words"), [
    ("chairman", "no scrutiny committee chair or the chair is unable to act"),
    ("vice-chairman", "neither the scrutiny committee chair nor the chairman"),
])
def test_a_later_person_may_agree_only_with_the_reason_recorded(
        profile: CouncilProfile, role: str, words: str) -> None:
    with pytest.raises(L.Refused) as caught:
        _urgency(_key(profile), role)
    assert words in caught.value.reason
    assert "record the agreement of the scrutiny committee chair" in caught.value.routes
    d = _urgency(_key(profile), role, earlier_unable=WHY)
    assert d.urgency is not None
    assert (d.urgency.role, d.urgency.earlier_unable) == (role, WHY)


def test_the_scrutiny_chair_needs_no_reason(profile: CouncilProfile) -> None:
    d = _urgency(_key(profile), "scrutiny-chair", earlier_unable="ignored")
    assert d.urgency is not None and d.urgency.earlier_unable == ""


def test_the_reg_11_reasons_notice_is_missing_until_recorded(profile: CouncilProfile) -> None:
    from clerk.domain.urgency import record_reasons_notice

    d = _urgency(_key(profile), "scrutiny-chair")
    d = L.decide(d, profile, today=LATER, decided_on=date(2013, 2, 25), text="Buy.",
                 reasons="R.", alternatives="A.", no_conflicts=True)
    missing = "The special urgency reasons notice (reg 11) has not been published."
    assert missing in rules.check(d, profile, LATER).missing
    with pytest.raises(L.Refused, match="cannot come before"):
        record_reasons_notice(d, today=LATER, route="special-urgency",
                              published_on=date(2013, 2, 24))
    # Recorded after the decision: the notice follows the agreement, not the decision.
    d = record_reasons_notice(d, today=LATER, route="special-urgency",
                              published_on=date(2013, 2, 26))
    assert d.urgency is not None and d.urgency.notice_published == date(2013, 2, 26)
    assert missing not in rules.check(d, profile, LATER).missing
    with pytest.raises(L.Refused, match="already published on Tue 26 Feb 2013"):
        record_reasons_notice(d, today=LATER, route="special-urgency",
                              published_on=date(2013, 2, 27))


def test_the_general_exception_reasons_notice_can_be_recorded_after_the_decision(
        profile: CouncilProfile) -> None:
    from clerk.domain.urgency import record_reasons_notice

    d = L.general_exception(_key(profile), today=LATER, notice_published=date(2013, 1, 21),
                            reasons="Unsafe.")
    d = L.decide(d, profile, today=LATER, decided_on=date(2013, 1, 27), text="Repair.",
                 reasons="R.", alternatives="A.", no_conflicts=True)
    assert "The general exception reasons notice has not been published." in \
        rules.check(d, profile, LATER).missing
    d = record_reasons_notice(d, today=LATER, route="general-exception",
                              published_on=date(2013, 1, 28))
    assert not any("reasons notice" in m for m in rules.check(d, profile, LATER).missing)


def _private(profile: CouncilProfile, **notices: date) -> Decision:
    return L.set_private(planned_key(profile), paragraphs=[3], public_interest="Negotiations.",
                         **notices)  # type: ignore[arg-type]


def _decide(d: Decision, profile: CouncilProfile, on: date) -> Decision:
    return L.decide(d, profile, today=LATER, decided_on=on, text="Sell.", reasons="R.",
                    alternatives="A.", no_conflicts=True)


def test_the_further_notice_is_required_before_a_private_decision(
        profile: CouncilProfile) -> None:
    d = _private(profile, intention_published=date(2013, 1, 7))
    with pytest.raises(L.Refused) as caught:
        _decide(d, profile, date(2013, 3, 1))
    assert "the further notice (5 clear days before)" in caught.value.reason
    # Further notice Fri 22 Feb 2013: 5 clear days 23..27 Feb; earliest Thu 28 Feb.
    d = L.set_private(d, paragraphs=[3], public_interest="Negotiations.",
                      intention_published=date(2013, 1, 7),
                      confirmation_published=date(2013, 2, 22))
    with pytest.raises(L.Refused, match="earliest decision Thu 28 Feb 2013"):
        _decide(d, profile, date(2013, 2, 27))
    assert _decide(d, profile, date(2013, 2, 28)).record is not None


def test_a_general_exception_or_reg_11_urgency_does_not_cure_reg_5(
        profile: CouncilProfile) -> None:
    d = _private(profile)
    d = L.general_exception(d, today=LATER, notice_published=date(2013, 2, 1), reasons="Soon.")
    d = L.special_urgency(d, today=LATER, agreed_by="Cllr Fran Wilson", role="scrutiny-chair",
                          agreed_on=date(2013, 2, 8), reasons="Sooner.")
    with pytest.raises(L.Refused) as caught:
        _decide(d, profile, date(2013, 2, 12))
    text = str(caught.value)
    assert "reg 5" in text
    assert "general exception" not in text
    assert all("general exception" not in route and "special urgency" not in route
               for route in caught.value.routes)


def test_private_urgency_is_its_own_step_with_its_own_notice(profile: CouncilProfile) -> None:
    from clerk.domain.urgency import private_urgency, record_reasons_notice

    d = _private(profile)
    with pytest.raises(L.Refused, match="unable to act"):
        private_urgency(d, today=LATER, agreed_by="Cllr Richard Ash", role="chairman",
                        agreed_on=date(2013, 2, 8), reasons="The buyer withdraws on 13 Feb.")
    d = private_urgency(d, today=LATER, agreed_by="Cllr Richard Ash", role="chairman",
                        agreed_on=date(2013, 2, 8), reasons="The buyer withdraws on 13 Feb.",
                        earlier_unable=WHY)
    assert d.private is not None and d.private.urgency is not None
    assert d.private.urgency.earlier_unable == WHY
    assert any("reg 5(7)" in m for m in rules.check(d, profile, LATER).missing)
    with pytest.raises(L.Refused, match="earliest decision|may be held from"):
        _decide(d, profile, date(2013, 2, 7))
    # Editing the private step again keeps the agreement.
    d = L.set_private(d, paragraphs=[3], public_interest="Negotiations continue.")
    assert d.private is not None and d.private.urgency is not None
    decided = _decide(d, profile, date(2013, 2, 8))
    assert decided.record is not None
    decided = record_reasons_notice(decided, today=LATER, route="private-urgency",
                                    published_on=date(2013, 2, 8))
    assert not any("reg 5(7)" in m for m in rules.check(decided, profile, LATER).missing)


def test_private_urgency_needs_a_private_item(profile: CouncilProfile) -> None:
    from clerk.domain.urgency import private_urgency

    with pytest.raises(L.Refused, match="Record that it is to be taken in private"):
        private_urgency(planned_key(profile), today=LATER, agreed_by="Cllr Fran Wilson",
                        role="scrutiny-chair", agreed_on=date(2013, 2, 8), reasons="x")


def test_the_private_notices_show_missing_once_due(profile: CouncilProfile) -> None:
    d = _private(profile)
    d.plan.due_on = date(2013, 3, 20)
    # 28 clear days before Wed 20 Mar 2013: the intention is due by Tue 19 Feb.
    assert not any("notice of intention" in m
                   for m in rules.check(d, profile, date(2013, 2, 18)).missing)
    assert any("notice of intention" in m and "due by Tue 19 Feb 2013" in m
               for m in rules.check(d, profile, date(2013, 2, 19)).missing)


def test_the_general_exception_reasons_notice_cannot_precede_its_notice(
        profile: CouncilProfile) -> None:
    with pytest.raises(L.Refused, match="cannot come before the general exception notice"):
        L.general_exception(_key(profile), today=LATER, notice_published=date(2013, 1, 21),
                            reasons="Unsafe.", reasons_notice_published=date(2013, 1, 20))
