"""The steps from the decision on: the record, its publication, call-in, the urgent
exemption, implementation and Full Council.
"""

from __future__ import annotations

from clerk.domain import lifecycle as L
from clerk.domain import rules
from clerk.domain.call_in import gate_exempt_call_in
from clerk.domain.decision import (
    COUNCIL_OUTCOME_WORDS,
    FINAL_COUNCIL_OUTCOMES,
    Conflict,
    Decision,
)
from clerk.domain.guards import Refused
from clerk.domain.steps.base import NO_FLAG, Ctx, Field, Step, choices, refused_by

F = Field

CALL_IN_OUTCOMES = choices(("no-further-action", "No further action: the decision stands"),
                           ("referred-back", "Referred back to the decision maker"),
                           ("referred-to-council", "Referred to Full Council"))
COUNCIL_OUTCOMES = choices(*COUNCIL_OUTCOME_WORDS.items())

DECIDE_ROUTE = (("decide", "record the decision"),)
PUBLISH_ROUTE = (("publish", "publish the record of decision"),)


def conflicts_of(text: str) -> list[Conflict]:
    """One conflict a line: member | interest | dispensation."""
    out = []
    for line in text.splitlines():
        if line.strip():
            parts = [p.strip() for p in line.split("|")] + ["", ""]
            out.append(Conflict(parts[0], parts[1], parts[2]))
    return out


def _decide_gate(d: Decision, c: Ctx) -> Refused | None:
    reason = L.gate_decide(d)
    if reason and d.key.is_key is None:
        return refused_by(reason, (("key", "confirm whether it is a key decision"),))
    return refused_by(reason)


DECIDE = Step("decide", "Record of decision (reg 13)", "Record the decision: refused until "
              "every element is there and it is lawful.", "decision recorded", (
    F("decided_on", "Date of the decision", "date", True, flag="--on"),
    F("text", "The decision made", "area", True, flag="--decision"),
    F("reasons", "Reasons for the decision", "area", True),
    F("alternatives", "Alternatives considered and rejected", "area", True),
    F("no_conflicts", "No conflict of interest was declared", "bool"),
    F("conflicts", "Conflicts declared", "area", flag=NO_FLAG,
      help="One a line: member | interest | dispensation (by the head of paid service)"),
    F("background_papers", "Background papers", "list", flag="--background", repeat=True),
), lambda d, v, c: L.decide(d, c.profile, today=c.today, decided_on=v["decided_on"],
                            text=v["text"], reasons=v["reasons"],
                            alternatives=v["alternatives"], no_conflicts=v["no_conflicts"],
                            conflicts=conflicts_of(v["conflicts"]),
                            background_papers=v["background_papers"]),
    gate=_decide_gate,
    suggest=lambda d, c: {"decided_on": c.today, "text": d.report.recommendation,
                          "reasons": d.report.reasons, "alternatives": d.report.alternatives},
    confirm="Record the decision? Once the record is published its elements can never be "
            "edited (a change of substance needs a fresh decision).")


def _publish_gate(d: Decision, c: Ctx) -> Refused | None:
    return refused_by(L.gate_publish(d), DECIDE_ROUTE if d.record is None else ())


PUBLISH = Step("publish", "Publish the record of decision", "Record the publication of the "
               "record of decision; call-in starts the next day.", "record published", (
    F("published_on", "Published on", "date", True, flag="--on",
      help="Call-in runs from the day after publication."),
), lambda d, v, c: L.publish_record(d, today=c.today, published_on=v["published_on"]),
    gate=_publish_gate, suggest=lambda d, c: {"published_on": c.today},
    confirm="Publish the record of decision? Call-in starts and the record cannot be changed.")


# ---- call-in ---------------------------------------------------------------------------


def _call_in_gate(d: Decision, c: Ctx) -> Refused | None:
    unpublished = d.record is None or d.record.published_on is None
    return refused_by(L.gate_call_in(d), (PUBLISH_ROUTE if d.record else DECIDE_ROUTE)
                      if unpublished else ())


CALL_IN = Step("call-in", "Call-in request", "Record a call-in request: refused if late, short "
               "of signatures or exempt.", "call-in received", (
    F("received_on", "Received on", "date", True, flag="--received"),
    F("members", "Members who signed", "list", True),
    F("grounds", "Grounds", "area", True),
    F("received_time", "Time received", help="HH:MM, 24 hour (e.g. 16:45): needed when it "
      "arrives on the last day, when the cut-off applies."),
), lambda d, v, c: L.call_in(d, c.profile, today=c.today, **v), gate=_call_in_gate,
    suggest=lambda d, c: {"received_on": c.today})

CALL_IN_OUTCOME = Step("call-in-outcome", "Outcome of the call-in", "Record what scrutiny "
                       "decided about a call-in.", "call-in outcome", (
    F("outcome", "Outcome", "choice", True, CALL_IN_OUTCOMES),
    F("decided_on", "Decided on", "date", True, flag="--on"),
), lambda d, v, c: L.call_in_outcome(d, today=c.today, **v),
    gate=lambda d, c: refused_by(L.gate_call_in_outcome(d)),
    suggest=lambda d, c: {"decided_on": c.today},
    confirm="Record this call-in outcome? It is final.")


def gate_exempt(d: Decision, c: Ctx) -> Refused | None:
    """The domain's gate (`gate_exempt_call_in`), with the step that can cure it."""
    routes: tuple[tuple[str, str], ...] = ()
    if d.record is None:
        routes = DECIDE_ROUTE
    elif d.call_in.requests and rules.call_in_open(d):
        routes = (("call-in-outcome", "record the call-in outcome"),)
    return refused_by(gate_exempt_call_in(d), routes)


EXEMPT = Step("exempt", "Exempt from call-in as urgent", "Record that an urgent decision is "
              "exempt from call-in, with the consent.", "exempt from call-in", (
    F("consent", "Who consented, and why", "area", True),
), lambda d, v, c: L.exempt_from_call_in(d, consent=v["consent"]), gate=gate_exempt,
    confirm="Exempt this decision from call-in? It can then be implemented at once.",
    command="exempt-call-in")


# ---- implementation and Full Council ---------------------------------------------------


def _implement_routes(d: Decision) -> tuple[tuple[str, str], ...]:
    if d.implemented_on is not None:
        return ()
    if d.record is None:
        return DECIDE_ROUTE
    if d.record.published_on is None:
        return PUBLISH_ROUTE
    if rules.call_in_open(d):
        return (("call-in-outcome", "record the call-in outcome"),)
    if d.call_in.outcome == "referred-back":
        return (("decide", "record the reconsidered decision"),)
    if d.referral.meeting_on is None:
        return (("refer", "refer it to a Full Council meeting"),)
    if d.referral.outcome not in FINAL_COUNCIL_OUTCOMES:
        return (("council", "record Full Council's outcome"),)
    return ()


def gate_implement(d: Decision, c: Ctx) -> Refused | None:
    """The lifecycle's gate, then the move itself asked about today: while call-in runs no
    date can be recorded, so the step is not open yet."""
    reason = L.gate_implement(d, c.profile, c.today)
    if reason:
        return refused_by(reason, _implement_routes(d))
    try:
        L.implement(d, c.profile, today=c.today, implemented_on=c.today)
    except Refused as refused:
        exempt = gate_exempt(d, c) is None
        return Refused(refused.reason, refused.routes, ["exempt"] if exempt else [])
    return None


IMPLEMENT = Step("implement", "Implementation", "Mark it implemented: refused during call-in, "
                 "while a call-in is open, or before Council endorses a policy framework "
                 "item.", "implemented", (
    F("implemented_on", "Implemented on", "date", True, flag="--on"),
), lambda d, v, c: L.implement(d, c.profile, today=c.today, **v), gate=gate_implement,
    suggest=lambda d, c: {"implemented_on": c.today},
    confirm="Record the decision as implemented? It is final.")

REFER = Step("refer", "Refer to Full Council", "Refer the executive's recommendation to Full "
             "Council.", "referred to Council", (
    F("meeting_on", "Council meeting on", "date", True, flag="--meeting"),
), lambda d, v, c: L.refer(d, meeting_on=v["meeting_on"]),
    gate=lambda d, c: refused_by(L.gate_refer(d), DECIDE_ROUTE if d.record is None else ()),
    current=lambda d, c: {"meeting_on": d.referral.meeting_on})


def _council_gate(d: Decision, c: Ctx) -> Refused | None:
    return refused_by(L.gate_council(d), (("refer", "refer it to a Council meeting first"),)
                      if d.referral.meeting_on is None else ())


COUNCIL = Step("council", "Full Council's outcome", "Record Full Council's outcome.",
               "Council outcome", (
    F("outcome", "Outcome", "choice", True, COUNCIL_OUTCOMES),
    F("decided_on", "Decided on", "date", True, flag="--on"),
    F("minute", "Minute reference"),
), lambda d, v, c: L.council_outcome(d, today=c.today, **v), gate=_council_gate,
    suggest=lambda d, c: {"decided_on": d.referral.meeting_on or c.today},
    confirm="Record Full Council's outcome? It is final.")

