"""Every guarded move of the lifecycle: each refusal in lifecycle.py, and the moves allowed.

Dates (all hand-checked): forward plan first published Mon 7 Jan 2013, so 28 clear days
run 8 Jan .. 4 Feb and the earliest key decision is Tue 5 Feb 2013. Record published
Tue 12 Feb 2013: call-in runs Wed 13, Thu 14, Fri 15, Mon 18, Tue 19 Feb, ending 17:00.
"""

from __future__ import annotations

from datetime import date

import pytest

from clerk.domain import lifecycle as L
from clerk.domain.council import CouncilProfile
from clerk.domain.decision import Comment, Conflict, DecisionMaker
from clerk.domain.exempt import EXEMPTABLE_FIELDS
from tests.domain.conftest import LATER, WILSON, decided, draft, planned_key, published

THREE = ["Cllr Clive English", "Cllr Fay Gooch", "Cllr Dan Wilkinson"]


def refused(match: str):  # type: ignore[no-untyped-def]
    return pytest.raises(L.Refused, match=match)


def _decide(d, profile, on=date(2013, 2, 12), **kw):  # type: ignore[no-untyped-def]
    args = dict(text="Approve the plan.", reasons="Statutory duty.",
                alternatives="Do nothing: rejected.", no_conflicts=True)
    args.update(kw)
    return L.decide(d, profile, today=LATER, decided_on=on, **args)


# ---- new, details ----


def test_new_needs_title_and_maker() -> None:
    with refused("Missing: title"):
        L.new_decision("D1", "  ", WILSON, date(2013, 1, 1))
    with refused("Missing: decision maker"):
        L.new_decision("D1", "Plan", DecisionMaker(""), date(2013, 1, 1))


def test_new_refuses_unknown_maker_kind() -> None:
    with refused("is not one of member, cabinet, committee, officer"):
        L.new_decision("D1", "Plan", DecisionMaker("X", kind="mayor"), date(2013, 1, 1))


def test_new_is_a_draft() -> None:
    d = draft()
    assert L.stage(d) == "draft"
    assert d.created_on == date(2012, 12, 20)


def test_details_locked_after_decision_and_need_a_title(profile: CouncilProfile) -> None:
    with refused("Missing: title"):
        L.update_details(draft(), title=" ")
    with refused("Missing: decision maker"):
        L.update_details(draft(), maker=DecisionMaker(""))
    with refused("the title and decision maker can no longer be changed"):
        L.update_details(decided(profile), title="New title")


# ---- forward plan ----


def test_first_published_is_kept_and_later_dates_go_to_republished(
        profile: CouncilProfile) -> None:
    d = L.plan(draft(), today=LATER, published=date(2013, 1, 7))
    assert d.plan.first_published == date(2013, 1, 7)
    assert L.stage(d) == "planned"
    d = L.plan(d, today=LATER, published=date(2013, 2, 1))
    d = L.plan(d, today=LATER, published=date(2013, 2, 1))  # the same plan again: once
    d = L.plan(d, today=LATER, published=date(2013, 1, 7))  # the first date again: no-op
    assert d.plan.first_published == date(2013, 1, 7)
    assert d.plan.republished == [date(2013, 2, 1)]


def test_first_published_cannot_move_earlier() -> None:
    d = L.plan(draft(), today=LATER, published=date(2013, 1, 7))
    with refused("first appeared on Mon 7 Jan 2013.*cannot be moved earlier to Mon 31 Dec "
                 "2012"):
        L.plan(d, today=LATER, published=date(2012, 12, 31))


def test_plan_publication_cannot_be_in_the_future() -> None:
    with refused(r"forward plan publication date \(Tue 8 Jan 2013\) is after today "
                 r"\(Mon 7 Jan 2013\)"):
        L.plan(draft(), today=date(2013, 1, 7), published=date(2013, 1, 8))


def test_plan_refuses_a_bad_month() -> None:
    with refused("Month due '2013-13' is not a month"):
        L.plan(draft(), today=LATER, due_month="2013-13")


def test_plan_refuses_unknown_fields() -> None:
    with pytest.raises(ValueError, match="not forward plan fields: colour"):
        L.plan(draft(), today=LATER, colour="red")


def test_plan_locked_after_decision(profile: CouncilProfile) -> None:
    with refused("decision was recorded on Tue 12 Feb 2013: the forward plan entry can no "
                 "longer be changed"):
        L.plan(decided(profile), today=LATER, summary="changed")


# ---- key ----


def test_key_needs_a_reason_and_suggests_one(profile: CouncilProfile) -> None:
    with pytest.raises(L.Refused) as caught:
        L.set_key(draft(), profile, is_key=True, amount_pounds=310_000)
    assert caught.value.reason == "Say why it is a key decision."
    assert len(caught.value.routes) == 1
    assert "£310,000" in caught.value.routes[0]
    assert "give the reason" in str(caught.value) and "--" not in str(caught.value)


def test_key_refuses_negative_numbers(profile: CouncilProfile) -> None:
    with refused("amount cannot be negative"):
        L.set_key(draft(), profile, is_key=True, reason="x", amount_pounds=-1)
    with refused("number of wards cannot be negative"):
        L.set_key(draft(), profile, is_key=True, reason="x", wards_affected=-1)


def test_key_locked_after_decision(profile: CouncilProfile) -> None:
    with refused("whether it is a key decision can no longer be changed"):
        L.set_key(decided(profile), profile, is_key=False)


def test_not_key_needs_no_reason(profile: CouncilProfile) -> None:
    d = L.set_key(draft(), profile, is_key=False, amount_pounds=85_000)
    assert d.key.is_key is False


# ---- comments and consultation ----


def test_comment_needs_author_and_text() -> None:
    with refused("Missing: from"):
        L.add_comment(draft(), Comment("", text="x"), today=LATER)
    with refused("Missing: text"):
        L.add_comment(draft(), Comment("Ann Price", text=" "), today=LATER)


def test_comment_cannot_be_from_the_future() -> None:
    with refused("date the comment was received"):
        L.add_comment(draft(), Comment("Ann", received_on=date(2013, 1, 8), text="x"),
                      today=date(2013, 1, 7))


def test_comment_refused_after_the_decision(profile: CouncilProfile) -> None:
    with refused("Comments are taken before the decision; it was decided on Tue 12 Feb 2013"):
        L.add_comment(decided(profile), Comment("Ann", text="x"), today=LATER)


def test_comment_clears_no_comments_received() -> None:
    d = L.set_consultation(draft(), opens_on=None, closes_on=None, no_comments_received=True)
    d = L.add_comment(d, Comment("Ann", text="x"), today=LATER)
    assert d.consultation.no_comments_received is False


def test_respond_to_a_comment_that_does_not_exist() -> None:
    d = L.add_comment(draft(), Comment("Ann", text="x"), today=LATER)
    assert L.respond_to_comment(d, 0, "Noted").comments[0].response == "Noted"
    with refused("There is no comment 2: this decision has 1 comment"):
        L.respond_to_comment(d, 1, "x")
    with refused("There is no comment 0"):
        L.respond_to_comment(d, -1, "x")


def test_consultation_closing_before_it_opens() -> None:
    # 1 Sep 2012 was a Saturday, so 31 Aug 2012 a Friday.
    with refused("closes \\(Fri 31 Aug 2012\\) before it opens \\(Sat 1 Sep 2012\\)"):
        L.set_consultation(draft(), opens_on=date(2012, 9, 1), closes_on=date(2012, 8, 31))
    same_day = L.set_consultation(draft(), opens_on=date(2012, 9, 1), closes_on=date(2012, 9, 1))
    assert same_day.consultation.closes_on == date(2012, 9, 1)


def test_no_comments_received_refused_when_comments_exist() -> None:
    d = L.add_comment(draft(), Comment("Ann", text="x"), today=LATER)
    with refused("1 comment\\(s\\) are recorded from the public"):
        L.set_consultation(d, opens_on=None, closes_on=None, no_comments_received=True)


# ---- general exception and special urgency ----


def test_exception_only_for_key_decisions(profile: CouncilProfile) -> None:
    with refused("only for key decisions"):
        L.general_exception(draft(), today=LATER, notice_published=date(2013, 1, 21),
                            reasons="x")


def test_exception_needs_reasons_and_chair_told_first(profile: CouncilProfile) -> None:
    d = planned_key(profile)
    with refused("Missing: reasons"):
        L.general_exception(d, today=LATER, notice_published=date(2013, 1, 21), reasons=" ")
    with refused("must be told in writing before or when the notice is published "
                 "\\(Mon 21 Jan 2013\\), not on Tue 22 Jan 2013"):
        L.general_exception(d, today=LATER, notice_published=date(2013, 1, 21), reasons="x",
                            chair_informed_on=date(2013, 1, 22))
    with refused("general exception notice date"):
        L.general_exception(d, today=date(2013, 1, 20), notice_published=date(2013, 1, 21),
                            reasons="x")


def test_exception_locked_after_decision(profile: CouncilProfile) -> None:
    with refused("the notice route can no longer be changed"):
        L.general_exception(decided(profile), today=LATER, notice_published=date(2013, 1, 21),
                            reasons="x")


def test_general_exception_allows_five_clear_days_after_its_notice(
        profile: CouncilProfile) -> None:
    # No forward plan at all. Exception notice Mon 21 Jan 2013 (chair told Fri 18 Jan):
    # clear days Tue 22 .. Sat 26 Jan; earliest decision Sun 27 Jan 2013.
    d = L.set_key(draft(), profile, is_key=True, reason="it involves £310,000")
    d = L.general_exception(d, today=LATER, notice_published=date(2013, 1, 21),
                            chair_informed_on=date(2013, 1, 18), reasons="Storm damage")
    with pytest.raises(L.Refused) as caught:
        _decide(d, profile, on=date(2013, 1, 26))
    assert "Sun 27 Jan 2013" in str(caught.value)
    assert caught.value.routes[0] == "decide on or after Sun 27 Jan 2013"
    assert L.stage(_decide(d, profile, on=date(2013, 1, 27))) == "decided"


def test_urgency_needs_who_why_and_a_proper_role(profile: CouncilProfile) -> None:
    d = planned_key(profile)
    kw = dict(today=LATER, agreed_on=date(2013, 1, 10))
    with refused("Missing: agreed by"):
        L.special_urgency(d, agreed_by="", role="scrutiny-chair", reasons="x", **kw)
    with refused("Missing: reasons"):
        L.special_urgency(d, agreed_by="Cllr Fran Wilson", role="scrutiny-chair", reasons="",
                          **kw)
    with refused("Role 'leader' cannot agree special urgency: use scrutiny-chair, chairman, "
                 "vice-chairman"):
        L.special_urgency(d, agreed_by="Cllr Garland", role="leader", reasons="x", **kw)
    with refused("date urgency was agreed"):
        L.special_urgency(d, agreed_by="Cllr Fran Wilson", role="scrutiny-chair", reasons="x",
                          today=date(2013, 1, 9), agreed_on=date(2013, 1, 10))


def test_urgency_locked_after_decision(profile: CouncilProfile) -> None:
    with refused("the notice route can no longer be changed"):
        L.special_urgency(decided(profile), today=LATER, agreed_by="Cllr Fran Wilson",
                          role="scrutiny-chair", agreed_on=date(2013, 1, 10), reasons="x")


def test_special_urgency_allows_the_same_day(profile: CouncilProfile) -> None:
    d = L.set_key(draft(), profile, is_key=True, reason="it involves £1,850,000")
    d = L.special_urgency(d, today=LATER, agreed_by="Cllr Fran Wilson", role="scrutiny-chair",
                          agreed_on=date(2013, 1, 10), reasons="Offer lapses")
    with refused("Too early"):
        _decide(d, profile, on=date(2013, 1, 9))
    assert _decide(d, profile, on=date(2013, 1, 10)).record.decided_on == date(2013, 1, 10)


# ---- private ----


def test_private_needs_valid_paragraphs(profile: CouncilProfile) -> None:
    with refused("Give the Schedule 12A paragraph\\(s\\), numbers 1 to 7\\.$"):
        L.set_private(draft(), paragraphs=[], public_interest="x")
    with refused("numbers 1 to 7 \\(not 0, 8\\)"):
        L.set_private(draft(), paragraphs=[0, 3, 8], public_interest="x")


def test_private_needs_public_interest_reasoning() -> None:
    with refused("Missing: public interest"):
        L.set_private(draft(), paragraphs=[3], public_interest="  ")


def test_private_refuses_fields_that_cannot_be_exempt() -> None:
    with refused("Cannot mark title exempt"):
        L.set_private(draft(), paragraphs=[3], public_interest="x", exempt_fields=["title"])


def test_private_confirmation_cannot_precede_intention() -> None:
    with refused("5-day confirmation cannot come before the 28-day notice"):
        L.set_private(draft(), paragraphs=[3], public_interest="x",
                      intention_published=date(2013, 1, 14),
                      confirmation_published=date(2013, 1, 13))


def test_private_locked_after_decision(profile: CouncilProfile) -> None:
    with refused("whether it is taken in private can no longer be changed"):
        L.set_private(decided(profile), paragraphs=[3], public_interest="x")


def test_private_without_intention_notice_cannot_be_decided(profile: CouncilProfile) -> None:
    d = L.set_private(planned_key(profile), paragraphs=[3], public_interest="x")
    with pytest.raises(L.Refused) as caught:
        _decide(d, profile)
    assert "notice of intention (28 clear days before)" in caught.value.reason
    # Only reg 5's own routes: a general exception or reg 11 urgency does not cure reg 5.
    assert caught.value.routes == [
        "publish the notice of intention 28 clear days before and the further notice 5 clear "
        "days before",
        "record agreement that the private meeting is urgent and cannot reasonably be "
        "deferred (reg 5(6))"]


def test_private_notice_pushes_the_earliest_decision(profile: CouncilProfile) -> None:
    # Intention notice Mon 14 Jan 2013: 28 clear days 15 Jan .. 11 Feb; earliest Tue 12 Feb.
    # Further notice Tue 5 Feb 2013: 5 clear days 6 .. 10 Feb; earliest Mon 11 Feb.
    d = L.set_private(planned_key(profile), paragraphs=[3], public_interest="x",
                      intention_published=date(2013, 1, 14),
                      confirmation_published=date(2013, 2, 5))
    with refused("cannot be decided on Tue 5 Feb 2013"):
        _decide(d, profile, on=date(2013, 2, 5))
    with refused("Too early to meet in private.*earliest decision Tue 12 Feb 2013"):
        _decide(d, profile, on=date(2013, 2, 11))
    assert L.stage(_decide(d, profile, on=date(2013, 2, 12))) == "decided"


# ---- decide ----


def test_key_decision_on_day_28_is_too_early(profile: CouncilProfile) -> None:
    # Mon 4 Feb 2013 is the 28th clear day, so a decision that day is unlawful.
    with pytest.raises(L.Refused) as caught:
        _decide(planned_key(profile), profile, on=date(2013, 2, 4))
    message = str(caught.value)
    assert message.startswith("Too early:")
    assert "earliest decision Tue 5 Feb 2013" in message
    assert caught.value.routes == [
        "decide on or after Tue 5 Feb 2013",
        "record a general exception (scrutiny chair told, 5 clear days)",
        "record special urgency agreed by the scrutiny chair",
    ]


def test_key_decision_on_the_earliest_day_is_allowed(profile: CouncilProfile) -> None:
    d = _decide(planned_key(profile), profile, on=date(2013, 2, 5))
    assert L.stage(d) == "decided"
    assert d.record.no_conflicts is True


def test_key_decision_without_any_notice(profile: CouncilProfile) -> None:
    d = L.set_key(draft(), profile, is_key=True, reason="x")
    with pytest.raises(L.Refused) as caught:
        _decide(d, profile)
    assert "cannot be taken without notice" in caught.value.reason
    assert caught.value.routes[0] == "publish the forward plan entry and wait 28 clear days"
    assert len(caught.value.routes) == 3


def test_decide_before_key_is_confirmed(profile: CouncilProfile) -> None:
    with pytest.raises(L.Refused) as caught:
        _decide(draft(), profile)
    assert caught.value.reason == "Confirm whether this is a key decision before recording it."
    assert caught.value.routes == ["confirm it is key with its reason", "mark it not key"]


def test_decide_twice(profile: CouncilProfile) -> None:
    with refused("already recorded on Tue 12 Feb 2013"):
        _decide(decided(profile), profile)


def test_decide_lists_every_missing_reg_13_element(profile: CouncilProfile) -> None:
    with pytest.raises(L.Refused) as caught:
        L.decide(planned_key(profile), profile, today=LATER, decided_on=date(2013, 2, 12),
                 text="", reasons=" ", alternatives="")
    message = str(caught.value)
    assert "regulation 13" in message
    for element in ("the decision made", "the reasons for the decision",
                    "the alternative options considered and rejected",
                    "any conflict of interest declared"):
        assert element in message


def test_both_no_conflicts_and_conflicts_refused(profile: CouncilProfile) -> None:
    with refused("Either declare no conflicts of interest or list them, not both"):
        _decide(planned_key(profile), profile, no_conflicts=True,
                conflicts=[Conflict("Cllr Ring", "Season ticket")])


def test_decision_with_a_declared_conflict(profile: CouncilProfile) -> None:
    d = _decide(planned_key(profile), profile, no_conflicts=False,
                conflicts=[Conflict("Cllr Ring", "Season ticket", "Granted by the Chief "
                                    "Executive")])
    assert d.record.conflicts[0].dispensation.startswith("Granted")
    with refused("the member and interest of each conflict declared"):
        _decide(planned_key(profile), profile, no_conflicts=False,
                conflicts=[Conflict("Cllr Ring", "")])


def test_decision_date_cannot_be_in_the_future(profile: CouncilProfile) -> None:
    with refused("date of the decision \\(Wed 13 Feb 2013\\) is after today"):
        L.decide(planned_key(profile), profile, today=date(2013, 2, 12),
                 decided_on=date(2013, 2, 13), text="A", reasons="B", alternatives="C",
                 no_conflicts=True)


def test_non_key_decision_needs_no_notice(profile: CouncilProfile) -> None:
    d = L.set_key(draft(), profile, is_key=False)
    assert L.stage(_decide(d, profile, on=date(2013, 1, 2))) == "decided"


# ---- publish ----


def test_publish_before_decision(profile: CouncilProfile) -> None:
    with pytest.raises(L.Refused) as caught:
        L.publish_record(planned_key(profile), today=LATER, published_on=date(2013, 2, 12))
    assert caught.value.reason == "There is no record of decision to publish yet."
    assert caught.value.routes == ["record the decision first"]


def test_publish_before_the_decision_date(profile: CouncilProfile) -> None:
    with refused("cannot be published \\(Mon 11 Feb 2013\\) before the decision was taken "
                 "\\(Tue 12 Feb 2013\\)"):
        L.publish_record(decided(profile), today=LATER, published_on=date(2013, 2, 11))


def test_publish_in_the_future_and_twice(profile: CouncilProfile) -> None:
    with refused("publication date"):
        L.publish_record(decided(profile), today=date(2013, 2, 12),
                         published_on=date(2013, 2, 13))
    with refused("already published on Tue 12 Feb 2013"):
        L.publish_record(published(profile), today=LATER, published_on=date(2013, 2, 13))


# ---- call-in -----------------------------------------------------------------------------


def _call_in(d, profile, on=date(2013, 2, 14), members=THREE,  # type: ignore[no-untyped-def]
             today=LATER, grounds="Rural parishes not assessed."):
    return L.call_in(d, profile, today=today, received_on=on, members=list(members),
                     grounds=grounds)


def test_call_in_before_publication(profile: CouncilProfile) -> None:
    with refused("Call-in starts when the record of decision is published"):
        _call_in(decided(profile), profile)


def test_call_in_on_the_last_day_is_in_time(profile: CouncilProfile) -> None:
    d = L.call_in(published(profile), profile, today=LATER, received_on=date(2013, 2, 19),
                  members=THREE, grounds="Rural parishes not assessed.", received_time="16:59")
    assert L.stage(d) == "called-in"
    assert d.call_in.requests[0].received_time == "16:59"


def test_call_in_late(profile: CouncilProfile) -> None:
    # The period ended 17:00 Tue 19 Feb 2013; a request on Wed 20 Feb is late.
    with pytest.raises(L.Refused) as caught:
        _call_in(published(profile), profile, on=date(2013, 2, 20))
    message = str(caught.value)
    assert message.startswith("Too late:")
    assert "17:00 on Tue 19 Feb 2013" in message
    assert "Wed 20 Feb 2013" in message


def test_call_in_before_the_record_was_published(profile: CouncilProfile) -> None:
    d = L.publish_record(decided(profile, on=date(2013, 2, 6)), today=LATER,
                         published_on=date(2013, 2, 12))
    with refused("cannot be received before the record was published"):
        _call_in(d, profile, on=date(2013, 2, 11))


def test_call_in_received_in_the_future(profile: CouncilProfile) -> None:
    with refused("date the call-in was received"):
        _call_in(published(profile), profile, on=date(2013, 2, 15), today=date(2013, 2, 14))


def test_call_in_needs_grounds(profile: CouncilProfile) -> None:
    with refused("Missing: grounds"):
        _call_in(published(profile), profile, grounds=" ")


def test_call_in_short_of_signatories(profile: CouncilProfile) -> None:
    with refused("needs 3 members' signatures; 2 given"):
        _call_in(published(profile), profile, members=THREE[:2])
    with refused("needs 3 members' signatures; 2 given"):
        _call_in(published(profile), profile, members=THREE[:2] + ["  "])


def test_call_in_one_member_signing_three_times_is_one_signature(
        profile: CouncilProfile) -> None:
    with refused("needs 3 members' signatures; 1 given"):
        _call_in(published(profile), profile,
                 members=["Cllr Fay Gooch", "Cllr Fay Gooch", "cllr fay gooch"])


def test_scrutiny_chair_alone_only_where_the_constitution_allows(
        profile: CouncilProfile) -> None:
    d = published(profile)
    with refused("needs 3 members' signatures; 1 given"):
        _call_in(d, profile, members=["Cllr Fran Wilson"])
    profile.call_in_scrutiny_chair_alone = True
    assert L.stage(_call_in(d, profile, members=["cllr fran wilson"])) == "called-in"
    with refused("needs 3 members' signatures; 1 given"):  # another member alone: still no
        _call_in(d, profile, members=["Cllr Fay Gooch"])


def test_call_in_of_an_urgent_exempt_decision(profile: CouncilProfile) -> None:
    d = L.exempt_from_call_in(published(profile), consent="Cllr Fran Wilson agreed")
    with refused("exempt from call-in as urgent \\(consent: Cllr Fran Wilson agreed\\)"):
        _call_in(d, profile)


def test_exemption_needs_consent_and_no_call_in_yet(profile: CouncilProfile) -> None:
    with refused("Missing: consent"):
        L.exempt_from_call_in(published(profile), consent="")
    with refused("A call-in has already been received"):
        L.exempt_from_call_in(_call_in(published(profile), profile), consent="x")


def test_call_in_after_resolution(profile: CouncilProfile) -> None:
    d = _call_in(published(profile), profile)
    d = L.call_in_outcome(d, today=LATER, outcome="no-further-action",
                          decided_on=date(2013, 2, 18))
    with refused("A call-in was already resolved: no-further-action"):
        _call_in(d, profile, on=date(2013, 2, 19))


def test_call_in_outcome_guards(profile: CouncilProfile) -> None:
    with refused("There is no open call-in to resolve"):
        L.call_in_outcome(published(profile), today=LATER, outcome="no-further-action",
                          decided_on=date(2013, 2, 18))
    d = _call_in(published(profile), profile)
    with refused("Outcome 'quashed' is not one of no-further-action, referred-back, "
                 "referred-to-council"):
        L.call_in_outcome(d, today=LATER, outcome="quashed", decided_on=date(2013, 2, 18))
    with refused("date of the call-in outcome"):
        L.call_in_outcome(d, today=date(2013, 2, 17), outcome="no-further-action",
                          decided_on=date(2013, 2, 18))


def test_referred_back_reopens_the_decision(profile: CouncilProfile) -> None:
    d = _call_in(published(profile), profile)
    d = L.call_in_outcome(d, today=LATER, outcome="referred-back",
                          decided_on=date(2013, 2, 18))
    with refused("referred it back: record the reconsidered decision first"):
        L.implement(d, profile, today=LATER, implemented_on=date(2013, 3, 1))
    d = L.add_comment(d, Comment("Ann", text="Reconsider"), today=LATER)
    d = _decide(d, profile, on=date(2013, 2, 25), text="Approve as amended.")
    assert L.stage(d) == "decided"
    assert d.call_in.requests == [] and d.call_in.outcome == ""


# ---- implement ----


def test_implement_after_call_in_referred_to_council(profile: CouncilProfile) -> None:
    d = _call_in(published(profile), profile)
    d = L.call_in_outcome(d, today=LATER, outcome="referred-to-council",
                          decided_on=date(2013, 2, 18))
    with refused("referred it to Full Council"):
        L.implement(d, profile, today=LATER, implemented_on=date(2013, 2, 20))
    d = L.refer(d, meeting_on=date(2013, 3, 6))
    with refused("only final once Full Council endorses it"):
        L.implement(d, profile, today=LATER, implemented_on=date(2013, 3, 1))
    d = L.council_outcome(d, today=LATER, outcome="endorsed", decided_on=date(2013, 3, 6))
    assert L.implement(d, profile, today=LATER, implemented_on=date(2013, 3, 7)).implemented_on


def test_implement_before_publication(profile: CouncilProfile) -> None:
    with refused("must be published \\(and call-in pass\\) first"):
        L.implement(decided(profile), profile, today=LATER, implemented_on=date(2013, 3, 1))


def test_implement_before_call_in_expiry(profile: CouncilProfile) -> None:
    # Call-in ends 17:00 Tue 19 Feb 2013: implementing that day is refused, Wed 20 allowed.
    d = published(profile)
    with pytest.raises(L.Refused) as caught:
        L.implement(d, profile, today=LATER, implemented_on=date(2013, 2, 19))
    assert "Call-in runs until 17:00 on Tue 19 Feb 2013" in caught.value.reason
    assert caught.value.routes == ["implement from Wed 20 Feb 2013",
                                   "record an urgent exemption from call-in with consent"]
    done = L.implement(d, profile, today=LATER, implemented_on=date(2013, 2, 20))
    assert L.stage(done) == "implemented"
    with refused("Already implemented on Wed 20 Feb 2013"):
        L.implement(done, profile, today=LATER, implemented_on=date(2013, 2, 21))


def test_urgent_exempt_decision_can_be_implemented_at_once(profile: CouncilProfile) -> None:
    d = L.exempt_from_call_in(published(profile), consent="Cllr Fran Wilson agreed")
    assert L.implement(d, profile, today=LATER, implemented_on=date(2013, 2, 12)).implemented_on


def test_implement_during_an_open_call_in(profile: CouncilProfile) -> None:
    d = _call_in(published(profile), profile)
    with refused("A call-in is open: resolve it before implementing"):
        L.implement(d, profile, today=LATER, implemented_on=date(2013, 3, 1))


def test_implement_in_the_future(profile: CouncilProfile) -> None:
    with refused("implementation date"):
        L.implement(published(profile), profile, today=date(2013, 2, 20),
                    implemented_on=date(2013, 2, 21))


def test_policy_framework_item_waits_for_council(profile: CouncilProfile) -> None:
    d = published(profile)
    d.key.categories = ["Crime and Disorder Reduction Strategy"]
    with refused("only final once Full Council endorses it"):
        L.implement(d, profile, today=LATER, implemented_on=date(2013, 3, 1))
    d = L.refer(d, meeting_on=date(2013, 3, 6))
    with refused("only final once Full Council endorses it"):
        L.implement(d, profile, today=LATER, implemented_on=date(2013, 3, 1))
    not_endorsed = L.council_outcome(d, today=LATER, outcome="not-endorsed",
                                     decided_on=date(2013, 3, 6))
    with refused("Full Council did not endorse"):
        L.implement(not_endorsed, profile, today=LATER, implemented_on=date(2013, 3, 7))
    endorsed = L.council_outcome(d, today=LATER, outcome="endorsed",
                                 decided_on=date(2013, 3, 6))
    assert L.implement(endorsed, profile, today=LATER, implemented_on=date(2013, 3, 7))


# ---- Full Council ----


def test_refer_guards(profile: CouncilProfile) -> None:
    with refused("Record the executive's decision"):
        L.refer(planned_key(profile), meeting_on=date(2013, 3, 6))
    with refused("The Council meeting \\(Mon 11 Feb 2013\\) is before the executive decision"):
        L.refer(decided(profile), meeting_on=date(2013, 2, 11))
    d = L.refer(decided(profile), meeting_on=date(2013, 3, 6))
    assert L.stage(d) == "referred"
    d = L.council_outcome(d, today=LATER, outcome="endorsed", decided_on=date(2013, 3, 6))
    with refused("Full Council has already decided: endorsed"):
        L.refer(d, meeting_on=date(2013, 4, 10))


def test_council_outcome_before_referral(profile: CouncilProfile) -> None:
    with pytest.raises(L.Refused) as caught:
        L.council_outcome(published(profile), today=LATER, outcome="endorsed",
                          decided_on=date(2013, 3, 6))
    assert caught.value.reason == "It has not been referred to a Full Council meeting."
    assert caught.value.routes == ["refer it to a Council meeting first"]


def test_council_outcome_guards(profile: CouncilProfile) -> None:
    d = L.refer(published(profile), meeting_on=date(2013, 3, 6))
    with refused("Outcome 'noted' is not one of endorsed, amended, not-endorsed, deferred"):
        L.council_outcome(d, today=LATER, outcome="noted", decided_on=date(2013, 3, 6))
    with refused("cannot come before the meeting \\(Wed 6 Mar 2013\\)"):
        L.council_outcome(d, today=LATER, outcome="endorsed", decided_on=date(2013, 3, 5))
    with refused("date of Council's decision"):
        L.council_outcome(d, today=date(2013, 3, 5), outcome="endorsed",
                          decided_on=date(2013, 3, 6))
    deferred = L.council_outcome(d, today=LATER, outcome="deferred",
                                 decided_on=date(2013, 3, 6))
    assert L.stage(deferred) == "referred"  # deferred is not final
    done = L.council_outcome(deferred, today=LATER, outcome="amended",
                             decided_on=date(2013, 4, 10), minute=" Minute 12 ")
    assert L.stage(done) == "council-decided" and done.referral.minute == "Minute 12"
    with refused("Full Council has already decided: endorsed with amendments"):
        L.council_outcome(done, today=LATER, outcome="endorsed", decided_on=date(2013, 4, 10))


# ---- report ----


def test_report_guards(profile: CouncilProfile) -> None:
    with refused("Unknown implication heading\\(s\\): parking"):
        L.update_report(draft(), implications={"parking": "x"})
    with pytest.raises(ValueError, match="not report sections: colour"):
        L.update_report(draft(), colour="red")
    with refused("the report can no longer be changed"):
        L.update_report(decided(profile), key_issue="x")
    d = L.update_report(draft(), implications={"financial": "£45,000"})
    d = L.update_report(d, implications={"legal": "s17"})
    assert d.report.implications == {"financial": "£45,000", "legal": "s17"}


# ---- moves(), stages ----


def test_moves_report_reasons(profile: CouncilProfile) -> None:
    by_id = {m.id: m for m in L.moves(draft(), profile, LATER)}
    assert by_id["plan"].refused is None
    assert by_id["decide"].refused == ("Confirm whether this is a key decision before "
                                       "recording it.")
    assert by_id["publish"].refused == "There is no record of decision to publish yet."
    assert by_id["exception"].refused is not None and "key" in by_id["exception"].refused
    assert by_id["council"].refused == "It has not been referred to a Full Council meeting."

    after = {m.id: m for m in L.moves(published(profile), profile, LATER)}
    assert after["call-in"].refused is None
    assert after["implement"].refused is None
    assert after["call-in-outcome"].refused == "There is no open call-in to resolve."
    assert "can no longer be changed" in after["plan"].refused
    # A comment received before the decision may still be logged (its date is checked).
    assert after["comment"].refused is None
    assert [m.id for m in L.moves(draft(), profile, LATER)] == [
        "plan", "key", "review-key", "comment", "respond", "consultation", "exception",
        "urgency", "private", "private-urgency", "reasons-notice", "report", "decide",
        "publish", "call-in", "call-in-outcome", "exempt", "implement", "refer", "council",
        "scrutiny-key-view", "key-view-report", "correct", "details"]


def test_every_exemptable_field_is_accepted_by_set_private() -> None:
    d = L.set_private(draft(), paragraphs=[3, 3, 1], public_interest="x",
                      exempt_fields=list(EXEMPTABLE_FIELDS))
    assert d.private.paragraphs == [1, 3]
    assert d.exempt_fields == list(EXEMPTABLE_FIELDS)


@pytest.mark.parametrize("today", [date(2013, 3, 31), date(2022, 12, 28), date(2024, 4, 2),
                                   date(2026, 11, 26)])
def test_stage_and_stage_of_raw_agree_on_the_demo(maidstone: CouncilProfile,
                                                  today: date) -> None:
    from clerk.demo import demo_decisions

    decisions = demo_decisions(maidstone, today)
    stages = [L.stage(d) for d in decisions]
    assert stages == [L.stage_of_raw(d.to_dict()) for d in decisions]
    assert set(stages) >= {"council-decided", "planned", "published", "called-in", "referred",
                           "implemented", "draft"}


def test_stage_label() -> None:
    assert L.stage_label("planned") == "In forward plan"
    assert L.stage_label("unknown") == "unknown"


def test_an_implemented_decision_cannot_be_called_in(maidstone) -> None:
    from datetime import date

    from clerk.demo import demo_decisions
    from clerk.domain import lifecycle as L

    today = date(2026, 11, 26)
    implemented = next(d for d in demo_decisions(maidstone, today) if d.implemented_on)
    with pytest.raises(L.Refused, match="implemented on .* can no longer be called in"):
        L.call_in(implemented, maidstone, today=today, received_on=today,
                  members=["A", "B", "C"], grounds="Late")
    refused = {m.id: m.refused for m in L.moves(implemented, maidstone, today)}
    assert refused["call-in"] and "implemented" in refused["call-in"]


def test_policy_framework_is_set_when_created_and_changed_with_the_details(maidstone) -> None:
    from datetime import date

    from clerk.domain import lifecycle as L
    from clerk.domain.decision import DecisionMaker

    d = L.new_decision("D2026-100", "Housing Strategy", DecisionMaker("Cabinet", kind="cabinet"),
                       date(2026, 11, 1), policy_framework=True)
    assert d.referral.policy_framework is True
    assert L.update_details(d, policy_framework=False).referral.policy_framework is False
    assert L.update_details(d, title="Housing Strategy 2027").referral.policy_framework is True
