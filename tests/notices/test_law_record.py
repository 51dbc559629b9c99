"""The record of decision says what is true of this decision, and only what the register
holds: Full Council's part for a policy framework item, the notice route used, the call-in
expiry only once the record is published."""

from __future__ import annotations

from datetime import date

from reportlab.platypus import KeepTogether, Table

from clerk.domain.decision import Conflict, GeneralException, SpecialUrgency
from clerk.notices import render_notice
from tests.notices.helpers import build_story, story_texts, text

LATER = date(2013, 3, 31)


def record_text(decision, profile, on: date = LATER) -> str:  # type: ignore[no-untyped-def]
    return text(render_notice("record", decision, profile, published_on=on))


def test_policy_framework_item_waits_for_full_council(seed, profile) -> None:  # type: ignore[no-untyped-def]
    found = record_text(seed, profile)
    assert "may be implemented, at the end of the call-in period" not in found
    assert ("the decision is a recommendation to Full Council, and it may not be implemented "
            "until Full Council has endorsed it at its meeting on Wednesday 6 March 2013") \
        in found
    assert "5.00pm on Monday 25 February 2013" in found


def test_an_ordinary_decision_may_be_implemented_after_call_in(seed, profile) -> None:  # type: ignore[no-untyped-def]
    seed.referral.policy_framework = False
    seed.referral.meeting_on = None
    seed.key.categories = []
    found = record_text(seed, profile)
    assert "may be implemented, at the end of the call-in period at 5.00pm on Monday 25 " \
           "February 2013" in found
    assert "until Full Council has endorsed" not in found


def test_urgent_policy_framework_item_is_not_implemented_immediately(seed, profile) -> None:  # type: ignore[no-untyped-def]
    seed.call_in.urgent_exempt = True
    found = record_text(seed, profile)
    assert "implemented immediately" not in found
    assert "may not be implemented until Full Council has endorsed it" in found


def test_record_says_which_notice_route_was_used(seed, profile) -> None:  # type: ignore[no-untyped-def]
    found = record_text(seed, profile)
    assert "Forward plan (regulation 9): first published Monday 7 January 2013." in found
    seed.exception = GeneralException(chair_informed_on=date(2013, 2, 8),
                                      notice_published=date(2013, 2, 8), reasons="Late.")
    found = record_text(seed, profile)
    assert ("General exception (regulation 10) used: notice published Friday 8 February 2013; "
            "scrutiny chair informed in writing Friday 8 February 2013.") in found
    seed.exception = None
    seed.urgency = SpecialUrgency(agreed_by="Cllr Fran Wilson", role="scrutiny-chair",
                                  agreed_on=date(2013, 2, 14), reasons="Urgent.")
    assert ("Special urgency (regulation 11) used: agreed by Cllr Fran Wilson, Chairman of "
            "the relevant overview and scrutiny committee, on Thursday 14 February 2013.") \
        in record_text(seed, profile)


def test_one_publication_date_and_it_is_the_records(seed, profile) -> None:  # type: ignore[no-untyped-def]
    joined = " ".join(story_texts(build_story("record", seed, profile, LATER)))
    assert joined.count("Date of publication") == 1
    assert "Date of publication: Monday 18 February 2013" in joined
    assert "31 March 2013" not in joined and "31 Mar 2013" not in joined


def test_unpublished_record_prints_no_call_in_expiry(seed, profile) -> None:  # type: ignore[no-untyped-def]
    seed.record.published_on = None
    lines = story_texts(build_story("record", seed, profile, date(2013, 2, 15)))
    joined = " ".join(lines)
    assert "Date of publication" not in joined
    assert "5.00pm" not in joined and "call-in expires" not in joined
    assert "The call-in period of 5 working days will begin the day after this record is " \
           "published." in joined


def test_key_decision_wording(seed, profile) -> None:  # type: ignore[no-untyped-def]
    found = record_text(seed, profile)
    assert "Key decision Yes. This is a key decision because it is a plan in the council's " \
           "budget and policy framework" in found
    assert found.count("7 January 2013") == 1  # once, in how notice was given
    council = text(render_notice("council", seed, profile, published_on=LATER))
    assert "It first appeared in the forward plan on Monday 7 January 2013." in council


def test_conflicts_set_out_one_row_per_member(seed, profile) -> None:  # type: ignore[no-untyped-def]
    seed.record.no_conflicts = False
    seed.record.conflicts = [
        Conflict("Cllr Zoë Ng", "Owns land adjoining the site.", ""),
        Conflict("Cllr Malcolm Greer", "A director of a bidder.",
                 "Granted by the Chief Executive to speak but not vote."),
    ]
    story = build_story("record", seed, profile, LATER)
    tables = [t for t in story if isinstance(t, Table)
              and story_texts(t._cellvalues[0])[:1] == ["Member"]]
    assert len(tables) == 1
    rows = [story_texts(row) for row in tables[0]._cellvalues]
    assert rows == [
        ["Member", "Interest declared", "Dispensation"],
        ["Cllr Zoë Ng", "Owns land adjoining the site.", "No dispensation was granted."],
        ["Cllr Malcolm Greer", "A director of a bidder.",
         "Granted by the Chief Executive to speak but not vote."],
    ]


def test_call_in_block_is_kept_with_its_heading(seed, profile) -> None:  # type: ignore[no-untyped-def]
    story = build_story("record", seed, profile, LATER)
    groups = [f for f in story if isinstance(f, KeepTogether)
              and story_texts(f._content)[:1] == ["Call-in"]]
    assert len(groups) == 1
    assert any("5.00pm on Monday 25 February 2013" in line
               for line in story_texts(groups[0]._content))
