"""Call-in: the time of receipt against the cut-off on the last day, non-executive
signatories only, the scrutiny chair with others where the chair alone suffices, and an
outcome dated on or after the request.

Record published Tue 12 Feb 2013: call-in runs Wed 13 .. Tue 19 Feb, ending 17:00.
"""

from __future__ import annotations

from datetime import date

import pytest

from clerk.domain import lifecycle as L
from clerk.domain.council import CouncilProfile
from clerk.domain.decision import Decision
from tests.domain.conftest import LATER, published

THREE = ["Cllr Clive English", "Cllr Fay Gooch", "Cllr Dan Wilkinson"]


def _call_in(profile: CouncilProfile, on: date = date(2013, 2, 14), at: str = "",
             members: list[str] = THREE) -> Decision:
    return L.call_in(published(profile), profile, today=LATER, received_on=on, members=members,
                     grounds="Rural parishes not assessed.", received_time=at)


def test_the_time_received_is_recorded(profile: CouncilProfile) -> None:
    d = _call_in(profile, at="9:05")
    assert d.call_in.requests[0].received_time == "09:05"


def test_after_the_cut_off_on_the_last_day_is_too_late(profile: CouncilProfile) -> None:
    with pytest.raises(L.Refused) as caught:
        _call_in(profile, on=date(2013, 2, 19), at="17:30")
    assert str(caught.value).startswith("Too late:")
    assert "at 17:30 on Tue 19 Feb 2013" in str(caught.value)
    with pytest.raises(L.Refused, match="Too late"):
        _call_in(profile, on=date(2013, 2, 19), at="17:00")  # the period has expired
    assert _call_in(profile, on=date(2013, 2, 19), at="16:59").call_in.requests


def test_on_the_last_day_the_time_must_be_given(profile: CouncilProfile) -> None:
    with pytest.raises(L.Refused) as caught:
        _call_in(profile, on=date(2013, 2, 19))
    assert "give the time it was received, which must be before 17:00" in caught.value.reason


def test_a_time_that_is_not_a_time_is_refused(profile: CouncilProfile) -> None:
    with pytest.raises(L.Refused, match="is not a time: give it as HH:MM"):
        _call_in(profile, at="5pm")


@pytest.mark.parametrize("executive", ["Cllr John A Wilson", "john a wilson",
                                       "Councillor Marion Ring"])
def test_executive_members_cannot_sign(profile: CouncilProfile, executive: str) -> None:
    with pytest.raises(L.Refused, match="on the executive: only non-executive members"):
        _call_in(profile, members=[THREE[0], THREE[1], executive])


def test_the_same_member_with_and_without_cllr_signs_once(profile: CouncilProfile) -> None:
    with pytest.raises(L.Refused, match="needs 3 members' signatures; 2 given"):
        _call_in(profile, members=["Cllr Clive English", "Clive English", "Cllr Fay Gooch"])


def _chair_alone(profile: CouncilProfile) -> CouncilProfile:
    return CouncilProfile.from_dict({**profile.to_dict(), "call_in_scrutiny_chair_alone": True})


def test_where_the_chair_alone_may_call_in_the_chair_with_others_is_enough(
        profile: CouncilProfile) -> None:
    council = _chair_alone(profile)
    assert _call_in(council, members=["Cllr Fran Wilson"]).call_in.requests
    d = _call_in(council, members=["Cllr Fran Wilson", "Cllr Clive English"])
    assert d.call_in.requests[0].members == ["Cllr Fran Wilson", "Cllr Clive English"]
    with pytest.raises(L.Refused, match="needs 3"):  # without the chair, the minimum applies
        _call_in(council, members=["Cllr Clive English", "Cllr Fay Gooch"])
    with pytest.raises(L.Refused, match="needs 3"):  # and not where the rule is not local
        _call_in(profile, members=["Cllr Fran Wilson", "Cllr Clive English"])


def test_an_outcome_is_dated_on_or_after_the_request(profile: CouncilProfile) -> None:
    d = _call_in(profile, on=date(2013, 2, 14))
    with pytest.raises(L.Refused, match="cannot come before the call-in request"):
        L.call_in_outcome(d, today=LATER, outcome="no-further-action",
                          decided_on=date(2013, 2, 13))
    d = L.call_in_outcome(d, today=LATER, outcome="no-further-action",
                          decided_on=date(2013, 2, 14))
    assert d.call_in.outcome_on == date(2013, 2, 14)
