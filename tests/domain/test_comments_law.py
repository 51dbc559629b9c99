"""Comments: the date received is what matters, and "no comments received" is about the
public consultation, not a scrutiny committee's recommendation."""

from __future__ import annotations

from datetime import date

import pytest

from clerk.domain import lifecycle as L
from clerk.domain.council import CouncilProfile
from clerk.domain.decision import Comment
from tests.domain.conftest import LATER, decided, draft

# decided() takes the decision on Tue 12 Feb 2013.


def _comment(on: date, channel: str = "email") -> Comment:
    return Comment("Ann Price", "Bearsted Parish Council", on, channel, "Please consider...")


def test_a_comment_received_before_the_decision_can_be_logged_after_it(
        profile: CouncilProfile) -> None:
    d = decided(profile)
    assert L.gate_comment(d) is None
    d = L.add_comment(d, _comment(date(2013, 2, 11)), today=LATER)
    assert d.comments[-1].received_on == date(2013, 2, 11)
    d = L.add_comment(d, _comment(date(2013, 2, 12)), today=LATER)  # the day itself
    assert len(d.comments) == 2


def test_a_comment_received_after_the_decision_is_refused(profile: CouncilProfile) -> None:
    with pytest.raises(L.Refused) as caught:
        L.add_comment(decided(profile), _comment(date(2013, 2, 13)), today=LATER)
    assert "decided on Tue 12 Feb 2013" in caught.value.reason
    assert "received on Wed 13 Feb 2013" in caught.value.reason
    assert caught.value.routes == ["log a comment received on or before Tue 12 Feb 2013"]


def test_scrutiny_recommendation_does_not_contradict_no_comments_received() -> None:
    d = L.add_comment(draft(), _comment(date(2013, 1, 22), "scrutiny"), today=LATER)
    d = L.set_consultation(d, opens_on=date(2012, 9, 1), closes_on=date(2012, 10, 31),
                           no_comments_received=True)
    assert d.consultation.no_comments_received is True
    d = L.add_comment(d, _comment(date(2013, 1, 23), "scrutiny"), today=LATER)
    assert d.consultation.no_comments_received is True
    d = L.add_comment(d, _comment(date(2013, 1, 24), "letter"), today=LATER)
    assert d.consultation.no_comments_received is False
    with pytest.raises(L.Refused, match="1 comment\\(s\\) are recorded from the public"):
        L.set_consultation(d, opens_on=None, closes_on=None, no_comments_received=True)
