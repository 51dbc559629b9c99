"""The rulebook: each step's words, its refusals' routes, and the one "what next"."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

import pytest

from clerk.domain import steps
from clerk.domain.council import CouncilProfile
from clerk.domain.decision import Decision
from clerk.domain.steps.next import whats_next
from tests.domain.stages import STAGES

IDS = [stage for stage, _, _ in STAGES]


@pytest.mark.parametrize(("stage", "build", "today"), STAGES, ids=IDS)
def test_every_route_a_refusal_names_can_be_taken_now(
        maidstone: CouncilProfile, stage: str, build: Callable[[CouncilProfile], Decision],
        today: date) -> None:
    decision, ctx = build(maidstone), steps.Ctx(maidstone, today)
    for step_id, refused in steps.refusals(decision, ctx).items():
        if refused is None:
            continue
        for via in refused.steps:
            assert steps.refusal(via, decision, ctx) is None, (stage, step_id, via)


def test_a_refusal_does_not_offer_a_route_that_is_itself_refused(
        maidstone: CouncilProfile) -> None:
    draft = STAGES[0][1](maidstone)  # key decision not yet confirmed: no record can be made
    refused = steps.refusal("publish", draft, steps.Ctx(maidstone, date(2013, 1, 7)))
    assert refused is not None and "record the decision" not in str(refused)
    assert refused.steps == ["key"]


def test_every_choice_is_in_words_a_clerk_reads() -> None:
    for step in steps.STEPS.values():
        for field in step.fields:
            for choice in field.choices:
                assert choice.words != choice.value and choice.words[0].isupper(), (
                    step.id, field.name, choice)
    outcome = steps.STEPS["council"].field("outcome")
    assert outcome.words("amended") == "Endorsed with amendments"
    assert steps.STEPS["urgency"].field("role").words("scrutiny-chair") == (
        "Scrutiny committee chair")


def test_every_step_has_its_words_and_journal_action() -> None:
    for step in steps.STEPS.values():
        assert step.label and step.help and step.action, step.id
        assert all(f.label for f in step.fields), step.id


@pytest.mark.parametrize(("stage", "build", "today"), STAGES, ids=IDS)
def test_what_next_never_gives_a_day_already_past(
        maidstone: CouncilProfile, stage: str, build: Callable[[CouncilProfile], Decision],
        today: date) -> None:
    decision = build(maidstone)
    for day in (today, today + timedelta(days=10), today + timedelta(days=400)):
        found = whats_next(decision, steps.Ctx(maidstone, day))
        assert found.on is None or found.on >= day, (stage, day, found)
        if found.step and not found.blocked:  # offered now: the step's gate agrees
            assert steps.refusal(found.step, decision, steps.Ctx(maidstone, day)) is None, (
                stage, day, found)


def test_during_call_in_what_next_is_implementation_after_it_not_now(
        maidstone: CouncilProfile) -> None:
    published = dict((s, b) for s, b, _ in STAGES)["in call-in"](maidstone)
    found = whats_next(published, steps.Ctx(maidstone, date(2013, 2, 20)))
    assert found.step == "implement"
    assert found.words == "implement from Tue 26 Feb 2013"
    assert found.blocked.startswith("Call-in runs until 17:00 on Mon 25 Feb 2013")
    assert found.column == "call-in 25 Feb 13"
    after = whats_next(published, steps.Ctx(maidstone, date(2013, 2, 26)))
    assert (after.step, after.blocked, after.on) == ("implement", "", None)


def test_a_past_earliest_date_is_not_shown_as_next(maidstone: CouncilProfile) -> None:
    key = dict((s, b) for s, b, _ in STAGES)["key"](maidstone)  # earliest Tue 5 Feb 2013
    assert whats_next(key, steps.Ctx(maidstone, date(2013, 1, 20))).column == "decide 5 Feb 13"
    later = whats_next(key, steps.Ctx(maidstone, date(2013, 3, 20)))
    assert (later.step, later.on, later.column) == ("decide", None, "")


def test_the_title_and_maker_refusal_names_what_it_refuses(maidstone: CouncilProfile) -> None:
    decided = dict((s, b) for s, b, _ in STAGES)["decided"](maidstone)
    refused = steps.refusal("details", decided, steps.Ctx(maidstone, date(2013, 2, 15)))
    assert refused is not None
    assert "the title and decision maker can no longer be changed" in refused.reason
    assert refused.steps == ["correct"]


@pytest.mark.parametrize(("stage", "step", "words"), [
    ("not key against the definition", "review-key",
     "review the departure from the key decision definition"),
    ("special urgency", "reasons-notice",
     "publish the special urgency reasons notice (reg 11)"),
    ("private and urgent", "reasons-notice",
     "publish the private meeting urgency reasons notice (reg 5(7))"),
    ("scrutiny thinks it key", "key-view-report",
     "report scrutiny's view that it was key to Council (reg 18)"),
])
def test_what_the_law_still_asks_comes_first_in_what_next(
        maidstone: CouncilProfile, stage: str, step: str, words: str) -> None:
    build, today = dict((s, (b, t)) for s, b, t in STAGES)[stage]
    found = whats_next(build(maidstone), steps.Ctx(maidstone, today))
    assert (found.step, found.words) == (step, words)
