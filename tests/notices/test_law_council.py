"""The report to Full Council: the executive's recommendation, a question still open, and no
member of the public named."""

from __future__ import annotations

from datetime import date

import pytest

from clerk.domain.decision import Comment
from clerk.notices import NoticeRefused, render_notice
from tests.notices.helpers import text

ON = date(2013, 2, 27)


def council_text(decision, profile) -> str:  # type: ignore[no-untyped-def]
    return text(render_notice("council", decision, profile, published_on=ON))


def test_carries_the_executives_recommendation_not_a_menu(seed, profile) -> None:  # type: ignore[no-untyped-def]
    found = council_text(seed, profile)
    assert ("The Council is asked to endorse the recommendation of the Cabinet Member for "
            "Community Services: That the Maidstone Community Safety Partnership Plan 2013 – "
            "2018 be presented to Full Council for final endorsement.") in found
    for option in ("endorse it with amendments", "not endorse it", "defer it"):
        assert option not in found


@pytest.mark.parametrize("outcome", ["endorsed", "amended", "not-endorsed"])
def test_not_printed_as_a_request_once_council_has_decided(outcome, seed, profile) -> None:  # type: ignore[no-untyped-def]
    seed.referral.outcome = outcome
    seed.referral.outcome_on = date(2013, 3, 6)
    with pytest.raises(NoticeRefused, match="Council decided on Wednesday 6 March 2013"):
        council_text(seed, profile)


def test_deferred_is_still_a_question_for_council(seed, profile) -> None:  # type: ignore[no-untyped-def]
    seed.referral.outcome = "deferred"
    seed.referral.outcome_on = date(2013, 3, 6)
    assert "The Council is asked to endorse" in council_text(seed, profile)


def test_members_of_the_public_who_commented_are_not_named(seed, profile) -> None:  # type: ignore[no-untyped-def]
    seed.consultation.no_comments_received = False
    seed.comments += [
        Comment("Ann Price", "Bearsted Parish Council", date(2013, 1, 20), "letter",
                "Village car park charges would harm local shops."),
        Comment("Siân Llŷr-Owen", "", date(2013, 1, 21), "email",
                "Please include the Fremlin Walk entrance."),
    ]
    found = council_text(seed, profile)
    assert "Ann Price" not in found and "Siân Llŷr-Owen" not in found
    assert "Bearsted Parish Council: Village car park charges would harm local shops." in found
    assert "A member of the public: Please include the Fremlin Walk entrance." in found
    assert "Overview and Scrutiny Communities Committee: Update the Plan" in found
