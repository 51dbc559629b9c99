"""The steps that look again at a decision or complete a route: the review of a departure
from the key decision definition, scrutiny's view that it should have been key and the
executive's report to Council about it (reg 18), the private meeting's urgency (reg 5(6))
and the reasons notices each urgent route requires (regs 5(7), 10(2), 11).
"""

from __future__ import annotations

from clerk.domain import review, urgency
from clerk.domain.decision import Decision
from clerk.domain.guards import Refused
from clerk.domain.steps.after import DECIDE_ROUTE
from clerk.domain.steps.base import Ctx, Field, Step, Values, choices, refused_by
from clerk.domain.steps.before import EARLIER_UNABLE, URGENCY_ROLES

F = Field

REVIEW_KEY = Step(
    "review-key", "Review the key decision departure", "Record that the reason for treating "
    "it as not key, against the council's own definition, has been reviewed.",
    "key departure reviewed", (), lambda d, v, c: review.review_key_departure(d),
    gate=lambda d, c: refused_by(review.gate_review_key_departure(d)),
    confirm="Record that the departure from the key decision definition was reviewed?")

SCRUTINY_KEY_VIEW = Step(
    "scrutiny-key-view", "Scrutiny's view that it was key (reg 18)", "Record a scrutiny "
    "committee's view that a decision should have been treated as key: the executive must "
    "then report to Council.", "scrutiny key view", (
        F("raised_on", "Scrutiny raised its view on", "date", True, flag="--on"),
        F("committee", "Scrutiny committee", required=True),
        F("view", "Its view, in summary", "area", True),
    ), lambda d, v, c: review.record_scrutiny_key_view(d, today=c.today, **v),
    gate=lambda d, c: refused_by(review.gate_scrutiny_key_view(d),
                                 DECIDE_ROUTE if d.record is None else ()),
    suggest=lambda d, c: {"raised_on": c.today})

KEY_VIEW_REPORT = Step(
    "key-view-report", "Report to Council on scrutiny's view (reg 18)", "Record the "
    "executive's report to Council about scrutiny's view that the decision was key.",
    "reg 18 report to Council", (
        F("reported_on", "Reported to Council on", "date", True, flag="--on"),
    ), lambda d, v, c: review.report_key_view_to_council(d, today=c.today, **v),
    gate=lambda d, c: refused_by(review.gate_key_view_report(d), (
        ("scrutiny-key-view", "record scrutiny's view first"),)
        if d.scrutiny_key_view is None and review.gate_scrutiny_key_view(d) is None else ()),
    suggest=lambda d, c: {"reported_on": c.today})

PRIVATE_URGENCY = Step(
    "private-urgency", "Private meeting urgency (reg 5(6))", "Record the agreement that a "
    "private meeting without 28 clear days' notice is urgent and cannot reasonably be "
    "deferred: who agreed, in which role, when and why.", "private urgency", (
        F("agreed_by", "Agreed by", required=True),
        F("role", "Their role", "choice", True, URGENCY_ROLES),
        F("agreed_on", "Agreed on", "date", True),
        F("reasons", "Why the private meeting is urgent and cannot reasonably be deferred",
          "area", True),
        EARLIER_UNABLE,
        F("notice_published", "Reasons notice published on", "date"),
    ), lambda d, v, c: urgency.private_urgency(d, today=c.today, **v),
    gate=lambda d, c: refused_by(urgency.gate_private_urgency(d), (
        ("private", "record that it is to be taken in private"),) if d.private is None
        else ()),
    suggest=lambda d, c: {"role": "scrutiny-chair", "agreed_on": c.today,
                          "agreed_by": c.profile.scrutiny_chair.name})

NOTICE_ROUTES = choices(*urgency.REASONS_NOTICES)
_ROUTE_STEPS = (("exception", "record a general exception"),
                ("urgency", "record special urgency"),
                ("private-urgency", "record the private meeting's urgency"))


def _open_routes(d: Decision) -> list[str]:
    """The routes recorded whose reasons notice is still missing."""
    return [r.value for r in NOTICE_ROUTES if urgency.gate_reasons_notice(d, r.value) is None]


def _notice_gate(d: Decision, c: Ctx) -> Refused | None:
    if _open_routes(d):
        return None
    recorded = [route for route, there in (
        ("general-exception", d.exception), ("special-urgency", d.urgency),
        ("private-urgency", d.private.urgency if d.private else None)) if there is not None]
    if recorded:  # each one's notice is already published
        return refused_by(" ".join(str(urgency.gate_reasons_notice(d, r)) for r in recorded))
    return refused_by("No general exception, special urgency or private meeting urgency is "
                      "recorded, so there is no reasons notice to record.", _ROUTE_STEPS)


def _notice_current(d: Decision, c: Ctx) -> Values:
    """The route whose notice is still missing (the first, if several are)."""
    missing = _open_routes(d)
    return {"route": missing[0]} if missing else {}


REASONS_NOTICE = Step(
    "reasons-notice", "Reasons notice published", "Record the publication of an urgent "
    "route's reasons notice (general exception, special urgency or a private meeting's "
    "urgency).", "reasons notice published", (
        F("route", "Which reasons notice", "choice", choices=NOTICE_ROUTES,
          help="If not given, the one still missing."),
        F("published_on", "Published on", "date", True, flag="--on"),
    ), lambda d, v, c: urgency.record_reasons_notice(d, today=c.today, **v),
    gate=_notice_gate, current=_notice_current,
    suggest=lambda d, c: {"published_on": c.today})
