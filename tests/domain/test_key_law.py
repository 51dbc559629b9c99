"""Reg 8: separate revenue, capital and contract thresholds; a plain 'not key' suggestion;
and treating as not key a decision the council's definition makes key is a departure."""

from __future__ import annotations

from datetime import date

import pytest

from clerk.domain import lifecycle as L
from clerk.domain import rules
from clerk.domain.council import CouncilProfile
from clerk.domain.decision import Decision
from tests.domain.conftest import LATER, ROBSON, draft


def _separate(profile: CouncilProfile, general: int = 0) -> CouncilProfile:
    """A council with £100,000 revenue, £500,000 capital and £1m contract thresholds."""
    return CouncilProfile.from_dict({**profile.to_dict(), "key_threshold_pounds": general,
                                     "key_revenue_threshold_pounds": 100_000,
                                     "key_capital_threshold_pounds": 500_000,
                                     "key_contract_threshold_pounds": 1_000_000})


@pytest.mark.parametrize(("kind", "amount", "is_key"), [
    ("revenue", 100_000, True), ("revenue", 99_999, False),
    ("capital", 499_999, False), ("capital", 500_000, True),
    ("contract", 999_999, False), ("contract", 1_000_000, True),
])
def test_an_amount_is_compared_with_the_threshold_of_its_kind(
        profile: CouncilProfile, kind: str, amount: int, is_key: bool) -> None:
    council = _separate(profile)
    d = L.set_key(draft(), council, is_key=is_key, reason="the threshold" if is_key else "",
                  amount_pounds=amount, amount_kind=kind)
    assert d.key.amount_kind == kind
    suggestion = rules.suggest_key(d, council)
    assert suggestion.is_key is is_key
    if is_key:
        assert f"{kind} threshold" in suggestion.sentence()


def test_a_capital_sum_over_the_revenue_threshold_is_not_key(profile: CouncilProfile) -> None:
    council = _separate(profile)
    d = Decision()
    d.key.amount_pounds, d.key.amount_kind = 300_000, "capital"
    assert not rules.suggest_key(d, council).is_key


def test_the_kind_must_be_given_where_only_separate_thresholds_exist(
        profile: CouncilProfile) -> None:
    with pytest.raises(L.Refused, match="say which kind the amount is"):
        L.set_key(draft(), _separate(profile), is_key=False, amount_pounds=300_000)


def test_an_unknown_kind_is_refused(profile: CouncilProfile) -> None:
    with pytest.raises(L.Refused, match="not one of revenue, capital, contract"):
        L.set_key(draft(), profile, is_key=False, amount_pounds=1, amount_kind="grant")


def test_a_kind_without_its_own_threshold_uses_the_general_one(profile: CouncilProfile) -> None:
    d = Decision()
    d.key.amount_pounds, d.key.amount_kind = 250_000, "contract"
    assert rules.suggest_key(d, profile).is_key  # Maidstone: one £250,000 threshold


def test_not_key_suggestion_does_not_assert_what_is_not_recorded(
        maidstone: CouncilProfile) -> None:
    sentence = rules.suggest_key(Decision(), maidstone).sentence()
    assert sentence.startswith("Not a key decision: nothing in the council's rules makes it key")
    assert "below the threshold" not in sentence  # no amount was recorded
    d = Decision()
    d.key.amount_pounds, d.key.wards_affected = 85_000, 1
    sentence = rules.suggest_key(d, maidstone).sentence()
    assert "£85,000 is below the £250,000 threshold" in sentence
    assert "1 ward affected" in sentence


def _over_threshold() -> Decision:
    return L.plan(draft(), today=LATER, published=date(2013, 1, 7), contact=ROBSON,
                  wards=["High Street"])


@pytest.mark.parametrize("facts", [
    {"amount_pounds": 300_000},
    {"categories": ["Fees and charges"]},
    {"wards_affected": 2},
], ids=["threshold", "always-key", "ward-rule"])
def test_not_key_against_the_councils_definition_is_refused_without_a_reason(
        profile: CouncilProfile, facts: dict[str, object]) -> None:
    with pytest.raises(L.Refused) as caught:
        L.set_key(_over_threshold(), profile, is_key=False, **facts)  # type: ignore[arg-type]
    assert "council's own definition makes this a key decision" in str(caught.value)
    assert "departure reason" in str(caught.value)


def test_a_recorded_departure_is_a_problem_until_reviewed(profile: CouncilProfile) -> None:
    d = L.set_key(_over_threshold(), profile, is_key=False, amount_pounds=300_000,
                  departure_reason="A one-off grant passed through to the parish.")
    assert d.key.is_key is False
    assert d.key.departure_reason == "A one-off grant passed through to the parish."
    assert d.key.departure_reviewed is False
    warnings = rules.check(d, profile, LATER).warnings
    assert any("A one-off grant passed through" in w and "not been reviewed" in w
               for w in warnings)
    assert any("A one-off grant" in p for p in rules.check(d, profile, LATER).problems)
    from clerk.domain.review import review_key_departure
    reviewed = review_key_departure(d)
    assert reviewed.key.departure_reviewed is True
    assert not any("one-off grant" in p for p in rules.check(reviewed, profile, LATER).problems)
    with pytest.raises(L.Refused, match="already reviewed"):
        review_key_departure(reviewed)


def test_no_departure_where_the_definition_does_not_make_it_key(profile: CouncilProfile) -> None:
    d = L.set_key(_over_threshold(), profile, is_key=False, amount_pounds=85_000,
                  departure_reason="not needed")
    assert d.key.departure_reason == ""
    from clerk.domain.review import review_key_departure
    with pytest.raises(L.Refused, match="No departure"):
        review_key_departure(d)


def test_confirming_it_key_clears_a_departure(profile: CouncilProfile) -> None:
    d = L.set_key(_over_threshold(), profile, is_key=False, amount_pounds=300_000,
                  departure_reason="Pass-through grant.")
    d = L.set_key(d, profile, is_key=True, amount_pounds=300_000, reason="£300,000")
    assert d.key.departure_reason == ""
    assert rules.check(d, profile, LATER).warnings == []
