"""The Decision survives to_dict/from_dict (and JSON) exactly, whatever a clerk types."""

from __future__ import annotations

import json
from datetime import date

import orjson
from hypothesis import given, settings
from hypothesis import strategies as st

from clerk.domain.council import CouncilProfile
from clerk.domain.decision import (
    CallInRequest,
    Comment,
    Conflict,
    Decision,
    DecisionMaker,
    PrivateConsideration,
    Record,
)
from clerk.synthetic import synthetic_dicts

AWKWARD = ["ŵ ŷ Ŵ Ŷ â ê î ô û", "<Draft> & Savings", "&amp; <b>bold</b>",
           "שלום مرحبا", "e\u0301 n\u0303 a\u030a", "tab\tnew\nline\r\x00\x1b\x7f",
           "Siân Llŷr-Owen", "“quotes” – dash £45,000", "   ", ""]

texts = st.one_of(st.sampled_from(AWKWARD),
                  st.text(st.characters(blacklist_categories=("Cs",)), max_size=40))
days = st.dates(min_value=date(1974, 1, 1), max_value=date(2200, 12, 31))


@st.composite
def decisions(draw: st.DrawFn) -> Decision:
    d = Decision(ref=draw(texts), title=draw(texts),
                 decision_maker=DecisionMaker(draw(texts), draw(texts),
                                              members=draw(st.lists(texts, max_size=3))),
                 created_on=draw(st.none() | days))
    d.plan.summary = draw(texts)
    d.plan.wards = draw(st.lists(texts, max_size=3))
    d.plan.first_published = draw(st.none() | days)
    d.plan.republished = draw(st.lists(days, max_size=2))
    d.key.is_key = draw(st.none() | st.booleans())
    d.key.amount_pounds = draw(st.none() | st.integers(0, 10**9))
    d.key.reason = draw(texts)
    d.report.key_issue = draw(texts)
    d.report.implications = draw(st.dictionaries(st.sampled_from(["financial", "legal"]),
                                                 texts))
    d.comments = [Comment(draw(texts), draw(texts), draw(st.none() | days), "email",
                          draw(texts), draw(texts)) for _ in range(draw(st.integers(0, 2)))]
    if draw(st.booleans()):
        d.private = PrivateConsideration([3], draw(texts), draw(texts), draw(st.none() | days))
    if draw(st.booleans()):
        d.record = Record(draw(days), draw(texts), draw(texts), draw(texts),
                          conflicts=[Conflict(draw(texts), draw(texts), draw(texts))])
        d.call_in.requests = [CallInRequest(draw(days), draw(st.lists(texts, max_size=3)),
                                            draw(texts))]
    return d


@settings(max_examples=150, deadline=None)
@given(decisions())
def test_round_trip_keeps_every_value_exactly(decision: Decision) -> None:
    assert Decision.from_dict(decision.to_dict()) == decision
    # ... and through JSON as the store writes it
    assert Decision.from_dict(orjson.loads(orjson.dumps(decision.to_dict()))) == decision
    assert Decision.from_dict(json.loads(json.dumps(decision.to_dict()))) == decision


def test_awkward_title_is_kept_byte_for_byte() -> None:
    for text in AWKWARD:
        d = Decision(ref="D2013-001", title=text)
        again = Decision.from_dict(orjson.loads(orjson.dumps(d.to_dict())))
        assert again.title.encode("utf-8") == text.encode("utf-8")


def test_dates_are_iso_text_on_disk() -> None:
    d = Decision(ref="D2013-001", created_on=date(2013, 1, 7))
    assert d.to_dict()["created_on"] == "2013-01-07"


def test_synthetic_dicts_all_load(maidstone: CouncilProfile) -> None:
    items = list(synthetic_dicts(300, maidstone, seed=7))
    assert len(items) == 300
    refs = [item["ref"] for item in items]
    assert len(set(refs)) == len(refs)
    for item in items:
        decision = Decision.from_dict(item)
        assert decision.to_dict() == item  # the stored shape is exactly the Decision's


def test_synthetic_is_deterministic(maidstone: CouncilProfile) -> None:
    assert list(synthetic_dicts(30, maidstone, seed=1)) == list(synthetic_dicts(30, maidstone,
                                                                                seed=1))
