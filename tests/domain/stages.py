"""A decision at each stage of its life, as the parity and rulebook tests take it: built by
the domain's moves on the dates of the 2013 walk, each with the day it is looked at."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from clerk.domain import lifecycle as L
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
    ("council decided", _council_decided, date(2013, 3, 6)),
]
