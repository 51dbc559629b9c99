"""Compliance rules: key decision suggestions, the quickest lawful date, what is missing."""

from __future__ import annotations

from datetime import date

import pytest

from clerk.domain import lifecycle as L
from clerk.domain import rules
from clerk.domain.council import CouncilProfile
from clerk.domain.decision import (
    CallInRequest,
    Conflict,
    Decision,
    GeneralException,
    PrivateConsideration,
    Record,
    SpecialUrgency,
)
from tests.domain.conftest import LATER, ROBSON, decided, draft, planned_key, published

# ---- suggest_key ----


@pytest.mark.parametrize(("amount", "is_key"), [(249_999, False), (250_000, True),
                                                (250_001, True), (None, False)])
def test_amount_against_the_250k_threshold(maidstone: CouncilProfile, amount: int | None,
                                           is_key: bool) -> None:
    d = Decision()
    d.key.amount_pounds = amount
    suggestion = rules.suggest_key(d, maidstone)
    assert suggestion.is_key is is_key
    if is_key:
        assert "£250,000" in suggestion.sentence()
        assert suggestion.sentence().startswith("This is a Key Decision because")
    else:
        assert suggestion.sentence().startswith("Not a key decision")


@pytest.mark.parametrize(("wards", "is_key"), [(0, False), (1, False), (2, True), (3, True)])
def test_ward_rule_two_or_more(maidstone: CouncilProfile, wards: int, is_key: bool) -> None:
    d = Decision()
    d.key.wards_affected = wards
    assert rules.suggest_key(d, maidstone).is_key is is_key


def test_wards_listed_in_the_plan_count(maidstone: CouncilProfile) -> None:
    d = Decision()
    d.plan.wards = ["High Street"]
    assert not rules.suggest_key(d, maidstone).is_key
    d.plan.wards = ["High Street", "Bridge"]
    assert rules.suggest_key(d, maidstone).is_key


def test_all_wards_is_key_and_says_all_wards(maidstone: CouncilProfile) -> None:
    d = Decision()
    d.plan.all_wards = True
    suggestion = rules.suggest_key(d, maidstone)
    assert suggestion.is_key
    assert "all wards" in suggestion.sentence()


def test_ward_rule_is_local(maidstone: CouncilProfile) -> None:
    # Maidstone's older constitution: one or more wards.
    one_ward = CouncilProfile.from_dict({**maidstone.to_dict(), "key_ward_rule": 1})
    d = Decision()
    d.key.wards_affected = 1
    assert rules.suggest_key(d, one_ward).is_key
    assert not rules.suggest_key(d, maidstone).is_key


@pytest.mark.parametrize("category", ["Fees and charges", "FEES AND CHARGES", "fees and Charges"])
def test_always_key_category_case_insensitive(maidstone: CouncilProfile, category: str) -> None:
    d = Decision()
    d.key.categories = [category]
    suggestion = rules.suggest_key(d, maidstone)
    assert suggestion.is_key
    assert category in suggestion.sentence()


def test_other_category_is_not_key(maidstone: CouncilProfile) -> None:
    d = Decision()
    d.key.categories = ["Grounds maintenance"]
    assert not rules.suggest_key(d, maidstone).is_key


# ---- earliest_decision ----


def test_standard_route_28_clear_days(maidstone: CouncilProfile) -> None:
    # First published Mon 7 Jan 2013 -> earliest Tue 5 Feb 2013 (domain.md).
    earliest = rules.earliest_decision(planned_key(maidstone), maidstone)
    assert earliest is not None and earliest.value == date(2013, 2, 5)


def test_general_exception_is_quicker_than_the_plan(maidstone: CouncilProfile) -> None:
    # Plan from Mon 7 Jan 2013 (-> Tue 5 Feb). General exception notice Mon 21 Jan 2013:
    # 5 clear days 22..26 Jan, earliest Sun 27 Jan 2013: the quicker route wins.
    d = planned_key(maidstone)
    d.exception = GeneralException(date(2013, 1, 21), date(2013, 1, 21), "Storm damage")
    earliest = rules.earliest_decision(d, maidstone)
    assert earliest is not None and earliest.value == date(2013, 1, 27)
    assert "Mon 21 Jan 2013" in earliest.working


def test_plan_is_quicker_than_a_late_exception(maidstone: CouncilProfile) -> None:
    # A general exception noticed Mon 4 Feb 2013 would allow Sun 10 Feb; the plan allows
    # Tue 5 Feb, which is earlier.
    d = planned_key(maidstone)
    d.exception = GeneralException(date(2013, 2, 4), date(2013, 2, 4), "x")
    earliest = rules.earliest_decision(d, maidstone)
    assert earliest is not None and earliest.value == date(2013, 2, 5)


def test_special_urgency_allows_the_same_day(maidstone: CouncilProfile) -> None:
    d = planned_key(maidstone)
    d.exception = GeneralException(date(2013, 1, 21), date(2013, 1, 21), "x")
    d.urgency = SpecialUrgency("Cllr Fran Wilson", "scrutiny-chair", date(2013, 1, 10), "x")
    earliest = rules.earliest_decision(d, maidstone)
    assert earliest is not None and earliest.value == date(2013, 1, 10)
    assert "Cllr Fran Wilson" in earliest.working


def test_key_decision_with_no_route_has_no_earliest_date(maidstone: CouncilProfile) -> None:
    d = draft()
    d.key.is_key = True
    assert rules.earliest_decision(d, maidstone) is None


def test_private_notice_pushes_the_date_later(maidstone: CouncilProfile) -> None:
    # Plan Mon 7 Jan 2013 (-> Tue 5 Feb). Notice of intention to meet in private Mon
    # 14 Jan 2013: 28 clear days 15 Jan .. 11 Feb, earliest Tue 12 Feb 2013.
    d = planned_key(maidstone)
    d.private = PrivateConsideration([3], "reasoning", intention_published=date(2013, 1, 14))
    earliest = rules.earliest_decision(d, maidstone)
    assert earliest is not None and earliest.value == date(2013, 2, 12)
    assert "private" in earliest.working


def test_private_confirmation_five_days_can_be_the_later_one(maidstone: CouncilProfile) -> None:
    # Intention Mon 7 Jan 2013 (-> Tue 5 Feb); 5-day confirmation Fri 8 Feb 2013:
    # clear days 9..13 Feb, earliest Thu 14 Feb 2013.
    d = planned_key(maidstone)
    d.private = PrivateConsideration([3], "reasoning", intention_published=date(2013, 1, 7),
                                     confirmation_published=date(2013, 2, 8))
    earliest = rules.earliest_decision(d, maidstone)
    assert earliest is not None and earliest.value == date(2013, 2, 14)


def test_private_notice_binds_a_non_key_decision(maidstone: CouncilProfile) -> None:
    d = draft()
    d.key.is_key = False
    assert rules.earliest_decision(d, maidstone) is None
    d.private = PrivateConsideration([1], "reasoning", intention_published=date(2013, 1, 14))
    earliest = rules.earliest_decision(d, maidstone)
    assert earliest is not None and earliest.value == date(2013, 2, 12)


# ---- record_missing ----


def test_empty_record_lacks_every_reg_13_element() -> None:
    missing = rules.record_missing(Record())
    assert missing == [
        "the date of the decision",
        "the decision made",
        "the reasons for the decision",
        "the alternative options considered and rejected",
        "any conflict of interest declared (or a note that none was)",
    ]


def test_complete_record_lacks_nothing() -> None:
    record = Record(date(2013, 2, 12), "Approve", "Because", "Do nothing", no_conflicts=True)
    assert rules.record_missing(record) == []
    with_conflict = Record(date(2013, 2, 12), "Approve", "Because", "Do nothing",
                           conflicts=[Conflict("Cllr Ring", "Season ticket", "Granted")])
    assert rules.record_missing(with_conflict) == []


def test_whitespace_is_not_content() -> None:
    record = Record(date(2013, 2, 12), "  ", "\n", "\t", no_conflicts=True)
    assert rules.record_missing(record) == [
        "the decision made", "the reasons for the decision",
        "the alternative options considered and rejected"]


def test_conflict_without_member_or_interest() -> None:
    record = Record(date(2013, 2, 12), "A", "B", "C", conflicts=[Conflict("Cllr Ring", "")])
    assert rules.record_missing(record) == ["the member and interest of each conflict declared"]


# ---- check() ----


def test_check_new_draft_asks_whether_key(maidstone: CouncilProfile) -> None:
    out = rules.check(draft(), maidstone, LATER)
    assert "Whether this is a key decision has not been confirmed." in out.problems


def test_check_key_without_reason_or_notice(maidstone: CouncilProfile) -> None:
    d = draft()
    d.key.is_key = True
    problems = rules.check(d, maidstone, LATER).problems
    assert "The reason it is a key decision is not recorded." in problems
    assert any("28 clear days ahead" in p for p in problems)
    assert "No contact officer is named in the forward plan entry." in problems


def test_check_planned_key_with_contact_is_clean(maidstone: CouncilProfile) -> None:
    out = rules.check(planned_key(maidstone), maidstone, date(2013, 1, 8))
    assert out.problems == []
    assert out.earliest_decision is not None
    assert out.earliest_decision.value == date(2013, 2, 5)
    assert [label for label, _ in out.dates] == ["Forward plan (28 clear days)"]


def test_check_overdue(maidstone: CouncilProfile) -> None:
    d = L.plan(planned_key(maidstone), today=LATER, due_on=date(2013, 2, 28))
    assert rules.check(d, maidstone, date(2013, 2, 28)).overdue == []
    overdue = rules.check(d, maidstone, date(2013, 3, 1)).overdue
    assert overdue == ["Due on Thu 28 Feb 2013 but no decision is recorded."]


def test_check_private_without_paragraph_or_public_interest(maidstone: CouncilProfile) -> None:
    d = planned_key(maidstone)
    d.private = PrivateConsideration()
    problems = rules.check(d, maidstone, LATER).problems
    assert any("Schedule 12A paragraph" in p for p in problems)
    assert any("public interest test" in p for p in problems)


def test_check_exempt_fields_without_private(maidstone: CouncilProfile) -> None:
    d = planned_key(maidstone)
    d.exempt_fields = ["report.reasons"]
    assert any("marked exempt" in p for p in rules.check(d, maidstone, LATER).problems)


def test_check_decided_but_unpublished(maidstone: CouncilProfile) -> None:
    problems = rules.check(decided(maidstone), maidstone, LATER).problems
    assert "The record of decision has not been published." in problems


def test_check_call_in_period_and_open_call_in(maidstone: CouncilProfile) -> None:
    d = published(maidstone)
    blocked = rules.check(d, maidstone, date(2013, 2, 19)).blocked
    assert blocked == ["Call-in runs until 17:00 on Tue 19 Feb 2013: not to be implemented "
                       "before then."]
    assert rules.check(d, maidstone, date(2013, 2, 20)).blocked == []
    d.call_in.requests.append(CallInRequest(date(2013, 2, 14), ["A", "B", "C"], "grounds"))
    assert any("call-in is open" in p for p in rules.check(d, maidstone, LATER).blocked)


def test_check_call_in_expiry_has_working(maidstone: CouncilProfile) -> None:
    out = rules.check(published(maidstone), maidstone, LATER)
    assert out.call_in_expires is not None
    assert out.call_in_expires.iso() == "2013-02-19T17:00"
    assert ("Call-in", out.call_in_expires) in out.dates


def test_check_policy_framework_must_go_to_council(maidstone: CouncilProfile) -> None:
    d = published(maidstone)
    d.key.categories = ["Crime and Disorder Reduction Strategy"]
    assert any("refer it to Full Council" in p
               for p in rules.check(d, maidstone, LATER).problems)
    d = L.refer(d, meeting_on=date(2013, 3, 6))
    assert "Awaiting Full Council on Wed 6 Mar 2013." in rules.check(d, maidstone, LATER).blocked
    d = L.council_outcome(d, today=LATER, outcome="endorsed", decided_on=date(2013, 3, 6))
    assert rules.check(d, maidstone, LATER).problems == []


def test_check_exception_reasons_notice_missing_after_decision(
        maidstone: CouncilProfile) -> None:
    d = planned_key(maidstone)
    d = L.general_exception(d, today=LATER, notice_published=date(2013, 1, 21), reasons="x")
    d = L.decide(d, maidstone, today=LATER, decided_on=date(2013, 1, 28), text="A",
                 reasons="B", alternatives="C", no_conflicts=True)
    problems = rules.check(d, maidstone, LATER).problems
    assert "The general exception reasons notice has not been published." in problems
    assert ROBSON.name == d.plan.contact.name
