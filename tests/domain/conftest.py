"""Shared fixtures for the domain tests: the shipped Maidstone profile and decision builders."""

from __future__ import annotations

from datetime import date

import pytest

from clerk.domain import lifecycle as L
from clerk.domain.council import CouncilProfile, load_profile
from clerk.domain.decision import Decision, DecisionMaker, Person
from clerk.paths import default_council_path

# Tuesday 1 January 2013 is the anchor for every hand-made date below: 7 Jan 2013 is a
# Monday, 5 Feb 2013 a Tuesday, 12 Feb 2013 a Tuesday, 19 Feb 2013 a Tuesday.
LATER = date(2013, 12, 31)  # a "today" after every event of the 2013 walk
WILSON = DecisionMaker("Cllr John A Wilson", "Cabinet Member for Community Services")
ROBSON = Person("Sarah Robson", "Community Partnerships Manager", "01622 602827")


@pytest.fixture(scope="session")
def maidstone() -> CouncilProfile:
    return load_profile(default_council_path())


@pytest.fixture
def profile(maidstone: CouncilProfile) -> CouncilProfile:
    """A copy a test may change (e.g. scrutiny chair alone) without touching the others."""
    return CouncilProfile.from_dict(maidstone.to_dict())


def draft(title: str = "Community Safety Partnership Plan") -> Decision:
    return L.new_decision("D2013-001", title, WILSON, date(2012, 12, 20))


def planned_key(profile: CouncilProfile, published: date = date(2013, 1, 7)) -> Decision:
    """A key decision whose forward plan entry first appeared on `published`."""
    d = L.plan(draft(), today=LATER, published=published, contact=ROBSON, all_wards=True)
    return L.set_key(d, profile, is_key=True, reason="it affects all wards")


def decided(profile: CouncilProfile, on: date = date(2013, 2, 12), **extra: object) -> Decision:
    return L.decide(planned_key(profile), profile, today=LATER, decided_on=on,
                    text="Approve the plan.", reasons="Statutory duty.",
                    alternatives="Do nothing: rejected.", no_conflicts=True, **extra)


def published(profile: CouncilProfile, on: date = date(2013, 2, 12)) -> Decision:
    """Decided and record published Tue 12 Feb 2013: call-in ends 17:00 Tue 19 Feb 2013."""
    return L.publish_record(decided(profile), today=LATER, published_on=on)
