"""Moves from the decision on: the record, publication, call-in, implementation and
Full Council. Each returns a changed copy or raises `Refused` with the lawful routes.
"""

from __future__ import annotations

from datetime import date, timedelta

from clerk.domain import rules
from clerk.domain.calendar import fmt_date, fmt_datetime

# Call-in lives in its own module; its moves are offered here too, as they always were.
from clerk.domain.call_in import call_in as call_in
from clerk.domain.call_in import call_in_outcome as call_in_outcome
from clerk.domain.call_in import exempt_from_call_in as exempt_from_call_in
from clerk.domain.call_in import gate_call_in as gate_call_in
from clerk.domain.call_in import gate_call_in_outcome as gate_call_in_outcome
from clerk.domain.call_in import gate_exempt_call_in as gate_exempt_call_in
from clerk.domain.council import CouncilProfile
from clerk.domain.decision import (
    COUNCIL_OUTCOME_WORDS,
    COUNCIL_OUTCOMES,
    FINAL_COUNCIL_OUTCOMES,
    CallIn,
    Conflict,
    Decision,
    Record,
    in_words,
)
from clerk.domain.guards import Refused, changed, not_future, refuse_if


def gate_decide(decision: Decision) -> str | None:
    if decision.record is not None and decision.call_in.outcome != "referred-back":
        return f"The decision was already recorded on {fmt_date(decision.record.decided_on)}."
    if decision.key.is_key is None:
        return "Confirm whether this is a key decision before recording it."
    return None


def _routes_for(decision: Decision) -> list[str]:
    routes = []
    if decision.plan.first_published is None:
        routes.append("publish the forward plan entry and wait 28 clear days")
    if decision.exception is None:
        routes.append("record a general exception (scrutiny chair told, 5 clear days)")
    if decision.urgency is None:
        routes.append("record special urgency agreed by the scrutiny chair")
    return routes


def decide(decision: Decision, profile: CouncilProfile, *, today: date, decided_on: date,
           text: str, reasons: str, alternatives: str, no_conflicts: bool = False,
           conflicts: list[Conflict] | None = None,
           background_papers: list[str] | None = None) -> Decision:
    gate = gate_decide(decision)
    if gate and decision.key.is_key is None:
        raise Refused(gate, ["confirm it is key with its reason", "mark it not key"])
    refuse_if(gate)
    record = Record(decided_on, text.strip(), reasons.strip(), alternatives.strip(),
                    no_conflicts and not conflicts, list(conflicts or []),
                    list(background_papers or []))
    if no_conflicts and conflicts:
        raise Refused("Either declare no conflicts of interest or list them, not both.")
    missing = rules.record_missing(record)
    if missing:
        raise Refused("A record of decision needs all of regulation 13's elements; missing: "
                      + "; ".join(missing) + ".")
    not_future(decided_on, today, "date of the decision")
    earliest = rules.key_route(decision, profile) if decision.key.is_key else None
    if decision.key.is_key and earliest is None:
        raise Refused("A key decision cannot be taken without notice: there is no forward plan "
                      "entry, general exception or special urgency.", _routes_for(decision))
    if earliest is not None and decided_on < earliest.value:
        raise Refused(f"Too early: {earliest.working}; cannot be decided on "
                      f"{fmt_date(decided_on)}.",
                      [f"decide on or after {fmt_date(earliest.value)}"] + _routes_for(decision))
    _check_private(decision, profile, decided_on)
    out = changed(decision)
    if out.record is not None:  # reconsidered after a call-in referred it back
        out.call_in = CallIn(urgent_exempt=out.call_in.urgent_exempt,
                             exemption_consent=out.call_in.exemption_consent)
    out.record = record
    return out


# Only reg 5's own routes answer for a private meeting: never a general exception.
_PRIVATE_ROUTES = ["publish the notice of intention 28 clear days before and the further "
                   "notice 5 clear days before",
                   "record agreement that the private meeting is urgent and cannot reasonably "
                   "be deferred (reg 5(6))"]


def _check_private(decision: Decision, profile: CouncilProfile, decided_on: date) -> None:
    """Reg 5: both notices (or the reg 5(6) agreement), and the day they allow."""
    priv = decision.private
    if priv is None:
        return
    if priv.urgency is None:
        missing = [what for what, day in (
            ("the notice of intention (28 clear days before)", priv.intention_published),
            ("the further notice (5 clear days before)", priv.confirmation_published))
            if day is None]
        if missing:
            raise Refused("To be taken in private, reg 5 requires a notice of intention 28 "
                          "clear days before and a further notice 5 clear days before; not "
                          "published: " + " and ".join(missing) + ".", _PRIVATE_ROUTES)
    route = rules.private_route(decision, profile)
    if route is not None and decided_on < route.value:
        routes = [f"decide on or after {fmt_date(route.value)}"]
        if priv.urgency is None:
            routes.append(_PRIVATE_ROUTES[1])
        raise Refused(f"Too early to meet in private: {route.working}; cannot be decided on "
                      f"{fmt_date(decided_on)}.", routes)


def gate_publish(decision: Decision) -> str | None:
    if decision.record is None:
        return "There is no record of decision to publish yet."
    if decision.record.published_on is not None:
        return f"The record was already published on {fmt_date(decision.record.published_on)}."
    return None


def publish_record(decision: Decision, *, today: date, published_on: date) -> Decision:
    refuse_if(gate_publish(decision), ["record the decision first"] if decision.record is None
           else None)
    assert decision.record is not None and decision.record.decided_on is not None
    if published_on < decision.record.decided_on:
        raise Refused(f"The record cannot be published ({fmt_date(published_on)}) before the "
                      f"decision was taken ({fmt_date(decision.record.decided_on)}).")
    not_future(published_on, today, "publication date")
    out = changed(decision)
    assert out.record is not None
    out.record.published_on = published_on
    return out


# ---- implementation and Full Council --------------------------------------------------


def gate_implement(decision: Decision, profile: CouncilProfile, today: date) -> str | None:
    if decision.implemented_on is not None:
        return f"Already implemented on {fmt_date(decision.implemented_on)}."
    if decision.record is None or decision.record.published_on is None:
        return "The record of decision must be published (and call-in pass) first."
    if rules.call_in_open(decision):
        return "A call-in is open: resolve it before implementing."
    if decision.call_in.outcome == "referred-back":
        return "The call-in referred it back: record the reconsidered decision first."
    if decision.call_in.outcome == "referred-to-council" and decision.referral.meeting_on is None:
        return ("The call-in referred it to Full Council: refer it to the Council meeting and "
                "record the outcome before implementing.")
    if rules.is_policy_framework(decision, profile) and \
            decision.referral.outcome not in ("endorsed", "amended"):
        if decision.referral.outcome == "not-endorsed":
            return "Full Council did not endorse this policy framework item."
        return ("A budget and policy framework item is only final once Full Council endorses "
                "it: refer it to Council and record the outcome.")
    return None


def implement(decision: Decision, profile: CouncilProfile, *, today: date,
              implemented_on: date) -> Decision:
    refuse_if(gate_implement(decision, profile, today))
    not_future(implemented_on, today, "implementation date")
    for what, after in _implemented_after(decision):
        if implemented_on < after:
            raise Refused(f"It cannot be implemented ({fmt_date(implemented_on)}) before "
                          f"{what} ({fmt_date(after)}).")
    expiry = rules.call_in_expires(decision, profile)
    if expiry is not None and not decision.call_in.urgent_exempt and \
            implemented_on <= expiry.value.date():
        raise Refused(f"Call-in runs until {fmt_datetime(expiry.value)} ({expiry.working}).",
                      [f"implement from {fmt_date(expiry.value.date() + timedelta(days=1))}",
                       "record an urgent exemption from call-in with consent"])
    out = changed(decision)
    out.implemented_on = implemented_on
    return out


def _implemented_after(decision: Decision) -> list[tuple[str, date]]:
    """What implementation must not precede, each with its date."""
    found = []
    if decision.record is not None and decision.record.decided_on is not None:
        found.append(("the decision was taken", decision.record.decided_on))
    if decision.call_in.outcome_on is not None:
        found.append(("the call-in outcome", decision.call_in.outcome_on))
    if decision.referral.outcome_on is not None:
        found.append(("Full Council's decision", decision.referral.outcome_on))
    return found


def gate_refer(decision: Decision) -> str | None:
    if decision.record is None:
        return "Record the executive's decision (its recommendation to Council) first."
    if decision.implemented_on is not None:
        return (f"It was implemented on {fmt_date(decision.implemented_on)}: a referral to Full "
                "Council comes before implementation.")
    if decision.referral.outcome in FINAL_COUNCIL_OUTCOMES:
        return ("Full Council has already decided: "
                f"{in_words(COUNCIL_OUTCOME_WORDS, decision.referral.outcome)}.")
    return None


def refer(decision: Decision, *, meeting_on: date) -> Decision:
    refuse_if(gate_refer(decision))
    assert decision.record is not None and decision.record.decided_on is not None
    if meeting_on < decision.record.decided_on:
        raise Refused(f"The Council meeting ({fmt_date(meeting_on)}) is before the executive "
                      f"decision ({fmt_date(decision.record.decided_on)}).")
    earlier = [(what, day) for what, day in (
        ("the call-in referred it to Council", decision.call_in.outcome_on
         if decision.call_in.outcome == "referred-to-council" else None),
        ("Council deferred it", decision.referral.outcome_on
         if decision.referral.outcome == "deferred" else None)) if day and meeting_on < day]
    if earlier:
        what, day = earlier[0]
        raise Refused(f"The Council meeting ({fmt_date(meeting_on)}) is before {what} "
                      f"({fmt_date(day)}).")
    out = changed(decision)
    out.referral.policy_framework = True
    out.referral.meeting_on = meeting_on
    out.referral.outcome = ""
    out.referral.outcome_on = None
    return out


def gate_council(decision: Decision) -> str | None:
    if decision.referral.meeting_on is None:
        return "It has not been referred to a Full Council meeting."
    if decision.referral.outcome in FINAL_COUNCIL_OUTCOMES:
        return ("Full Council has already decided: "
                f"{in_words(COUNCIL_OUTCOME_WORDS, decision.referral.outcome)}.")
    return None


def council_outcome(decision: Decision, *, today: date, outcome: str, decided_on: date,
                    minute: str = "") -> Decision:
    refuse_if(gate_council(decision), ["refer it to a Council meeting first"]
           if decision.referral.meeting_on is None else None)
    if outcome not in COUNCIL_OUTCOMES:
        raise Refused(f"Outcome {outcome!r} is not one of {', '.join(COUNCIL_OUTCOMES)}.")
    assert decision.referral.meeting_on is not None
    if decided_on < decision.referral.meeting_on:
        raise Refused(f"The outcome ({fmt_date(decided_on)}) cannot come before the meeting "
                      f"({fmt_date(decision.referral.meeting_on)}).")
    not_future(decided_on, today, "date of Council's decision")
    out = changed(decision)
    out.referral.outcome = outcome
    out.referral.outcome_on = decided_on
    out.referral.minute = minute.strip()
    return out
