"""A decision at each stage of its life, as the parity and rulebook tests take it: built by
the domain's moves on the dates of the 2013 walk, each with the day it is looked at."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from clerk.domain import lifecycle as L
from clerk.domain import review, urgency
from clerk.domain.council import CouncilProfile
from clerk.domain.decision import Comment, Decision, DecisionMaker

REF = "D2013-001"


def _draft(p: CouncilProfile) -> Decision:
    return L.new_decision(REF, "CSP Plan 2013-18", DecisionMaker("Cllr John A Wilson"),
                          date(2013, 1, 7))


def _planned(p: CouncilProfile) -> Decision:
    d = L.plan(_draft(p), today=date(2013, 1, 7), published=date(2013, 1, 7),
               summary="Approve the plan")
    return L.add_comment(d, Comment("Ann Price", received_on=date(2013, 1, 7), text="More"),
                         today=date(2013, 1, 7))


def _key(p: CouncilProfile) -> Decision:
    return L.set_key(_planned(p), p, is_key=True, reason="it is a plan")


def _decided(p: CouncilProfile) -> Decision:
    return L.decide(_key(p), p, today=date(2013, 2, 15), decided_on=date(2013, 2, 15),
                    text="Approve", reasons="Best", alternatives="None", no_conflicts=True)


def _published(p: CouncilProfile) -> Decision:
    return L.publish_record(_decided(p), today=date(2013, 2, 18), published_on=date(2013, 2, 18))


def _called_in(p: CouncilProfile) -> Decision:
    return L.call_in(_published(p), p, today=date(2013, 2, 20), received_on=date(2013, 2, 20),
                     members=["Cllr Ash", "Cllr Bell", "Cllr Cox"], grounds="Too quick")


def _implemented(p: CouncilProfile) -> Decision:
    return L.implement(_published(p), p, today=date(2013, 3, 1), implemented_on=date(2013, 3, 1))


def _referred(p: CouncilProfile) -> Decision:
    d = L.call_in_outcome(_called_in(p), today=date(2013, 2, 22),
                          outcome="referred-to-council", decided_on=date(2013, 2, 22))
    return L.refer(d, meeting_on=date(2013, 3, 6))


def _exempted(p: CouncilProfile) -> Decision:
    return L.exempt_from_call_in(_published(p), consent="Chair of scrutiny: urgent")


def _council_decided(p: CouncilProfile) -> Decision:
    return L.council_outcome(_referred(p), today=date(2013, 3, 6), outcome="endorsed",
                             decided_on=date(2013, 3, 6))


def _departed(p: CouncilProfile) -> Decision:
    """Treated as not key although its amount is over the council's threshold."""
    return L.set_key(_planned(p), p, is_key=False, amount_pounds=300000,
                     departure_reason="A one-off grant the council does not spend")


def _private(p: CouncilProfile) -> Decision:
    return L.set_private(_key(p), paragraphs=[3], public_interest="Commercial terms",
                         intention_published=date(2013, 1, 7))


def _private_urgent(p: CouncilProfile) -> Decision:
    return urgency.private_urgency(_private(p), today=date(2013, 1, 10), agreed_by="Cllr Ann Lee",
                                   role="scrutiny-chair", agreed_on=date(2013, 1, 10),
                                   reasons="The landlord's offer lapses")


def _special_urgent(p: CouncilProfile) -> Decision:
    return L.special_urgency(_key(p), today=date(2013, 1, 10), agreed_by="Cllr Ann Lee",
                             role="chairman", agreed_on=date(2013, 1, 10),
                             reasons="It cannot wait",
                             earlier_unable="The scrutiny chair declared an interest")


def _decided_not_key(p: CouncilProfile) -> Decision:
    d = L.set_key(_planned(p), p, is_key=False)
    return L.decide(d, p, today=date(2013, 1, 14), decided_on=date(2013, 1, 14),
                    text="Approve", reasons="Best", alternatives="None", no_conflicts=True)


def _key_view(p: CouncilProfile) -> Decision:
    return review.record_scrutiny_key_view(
        _decided_not_key(p), today=date(2013, 1, 21), raised_on=date(2013, 1, 21),
        committee="Overview and Scrutiny", view="It affects two wards significantly")


# (stage, how the decision got there, today)
STAGES: list[tuple[str, Callable[[CouncilProfile], Decision], date]] = [
    ("draft", _draft, date(2013, 1, 7)),
    ("planned", _planned, date(2013, 1, 7)),
    ("key", _key, date(2013, 2, 5)),
    ("decided", _decided, date(2013, 2, 15)),
    ("published", _published, date(2013, 3, 1)),
    ("in call-in", _published, date(2013, 2, 20)),
    ("exempt from call-in", _exempted, date(2013, 2, 20)),
    ("called in", _called_in, date(2013, 2, 20)),
    ("implemented", _implemented, date(2013, 3, 1)),
    ("referred", _referred, date(2013, 3, 1)),
    ("at the Council meeting", _referred, date(2013, 3, 6)),
    ("council decided", _council_decided, date(2013, 3, 6)),
    ("not key against the definition", _departed, date(2013, 1, 7)),
    ("private", _private, date(2013, 1, 10)),
    ("private and urgent", _private_urgent, date(2013, 1, 11)),
    ("special urgency", _special_urgent, date(2013, 1, 11)),
    ("decided, not key", _decided_not_key, date(2013, 1, 21)),
    ("scrutiny thinks it key", _key_view, date(2013, 1, 28)),
]
