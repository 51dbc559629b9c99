"""The lifecycle of an executive decision: stages and the guarded moves between them.

A stage is derived from what has been recorded, never stored. Each move takes a Decision
and returns a changed copy, or raises `Refused` with a reason a clerk understands and the
lawful routes that remain. The gate of each move (`gate_*`) is also what the front ends
ask to enable or explain an action, so a rule is written once.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from clerk.domain import rules
from clerk.domain.calendar import fmt_date, fmt_datetime
from clerk.domain.council import CouncilProfile
from clerk.domain.decision import (
    CALL_IN_OUTCOMES,
    COUNCIL_OUTCOMES,
    DECISION_MAKER_KINDS,
    IMPLICATIONS,
    URGENCY_ROLES,
    CallIn,
    CallInRequest,
    Comment,
    Conflict,
    Decision,
    DecisionMaker,
    GeneralException,
    PrivateConsideration,
    Record,
    SpecialUrgency,
)
from clerk.domain.exempt import EXEMPTABLE_FIELDS

STAGES: tuple[tuple[str, str], ...] = (
    ("draft", "Draft"),
    ("planned", "In forward plan"),
    ("decided", "Decided"),
    ("published", "Record published"),
    ("called-in", "Called in"),
    ("referred", "Referred to Council"),
    ("implemented", "Implemented"),
    ("council-decided", "Council decided"),
)
STAGE_NAMES = tuple(name for name, _ in STAGES)
FINAL_COUNCIL_OUTCOMES = ("endorsed", "amended", "not-endorsed")


class Refused(Exception):
    """A move the rules forbid: why, and the lawful routes that would allow it."""

    def __init__(self, reason: str, routes: list[str] | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.routes = list(routes or [])

    def __str__(self) -> str:
        if not self.routes:
            return self.reason
        return f"{self.reason} To proceed: " + "; or ".join(self.routes) + "."


def stage_from(
    *,
    first_published: Any,
    has_record: bool,
    record_published: Any,
    call_in_open: bool,
    referral_meeting: Any,
    referral_outcome: str,
    implemented_on: Any,
) -> str:
    """The one rule deciding the stage, from the few facts it depends on."""
    if implemented_on:
        return "implemented"
    if referral_outcome in FINAL_COUNCIL_OUTCOMES:
        return "council-decided"
    if referral_meeting:
        return "referred"
    if call_in_open:
        return "called-in"
    if record_published:
        return "published"
    if has_record:
        return "decided"
    if first_published:
        return "planned"
    return "draft"


def stage(decision: Decision) -> str:
    record = decision.record
    return stage_from(
        first_published=decision.plan.first_published,
        has_record=record is not None,
        record_published=record.published_on if record else None,
        call_in_open=rules.call_in_open(decision),
        referral_meeting=decision.referral.meeting_on,
        referral_outcome=decision.referral.outcome,
        implemented_on=decision.implemented_on,
    )


def stage_of_raw(doc: dict[str, Any]) -> str:
    """The stage straight from a stored dict, for listing many decisions quickly."""
    record = doc.get("record")
    call_in = doc.get("call_in") or {}
    referral = doc.get("referral") or {}
    return stage_from(
        first_published=(doc.get("plan") or {}).get("first_published"),
        has_record=record is not None,
        record_published=record.get("published_on") if record else None,
        call_in_open=bool(call_in.get("requests")) and not call_in.get("outcome"),
        referral_meeting=referral.get("meeting_on"),
        referral_outcome=referral.get("outcome", ""),
        implemented_on=doc.get("implemented_on"),
    )


def stage_label(name: str) -> str:
    return dict(STAGES).get(name, name)


# ---- helpers --------------------------------------------------------------------------


def _changed(decision: Decision) -> Decision:
    return copy.deepcopy(decision)


def _not_future(day: date | None, today: date, what: str) -> None:
    if day is not None and day > today:
        raise Refused(f"The {what} ({fmt_date(day)}) is after today ({fmt_date(today)}): "
                      "record it on or after the day it happens.")


def _required(**values: str) -> None:
    missing = [name.replace("_", " ") for name, value in values.items() if not value.strip()]
    if missing:
        raise Refused(f"Missing: {', '.join(missing)}.")


def _before_decision(decision: Decision, what: str) -> str | None:
    if decision.record is not None and decision.call_in.outcome != "referred-back":
        return (f"The decision was recorded on {fmt_date(decision.record.decided_on)}: "
                f"{what} can no longer be changed.")
    return None


def _raise(reason: str | None, routes: list[str] | None = None) -> None:
    if reason:
        raise Refused(reason, routes)


# ---- creating and planning ------------------------------------------------------------


def new_decision(ref: str, title: str, maker: DecisionMaker, created_on: date) -> Decision:
    _required(title=title, decision_maker=maker.name)
    if maker.kind not in DECISION_MAKER_KINDS:
        raise Refused(f"Decision maker kind {maker.kind!r} is not one of "
                      f"{', '.join(DECISION_MAKER_KINDS)}.")
    return Decision(ref=ref, title=title.strip(), decision_maker=maker, created_on=created_on)


PLAN_FIELDS = frozenset(
    ("summary", "due_on", "due_month", "contact", "consultees", "consultation_method",
     "documents", "documents_available_from", "other_documents_how", "all_wards", "wards",
     "parishes", "portfolio", "representations_deadline")
)


def gate_plan(decision: Decision) -> str | None:
    return _before_decision(decision, "the forward plan entry")


def plan(decision: Decision, *, today: date, published: date | None = None,
         **changes: Any) -> Decision:
    """Edit the forward plan entry; `published` records a publication of the plan.

    The first publication date is a legal fact: it is set once and never overwritten;
    a later publication is kept in `republished`.
    """
    _raise(gate_plan(decision))
    unknown = set(changes) - PLAN_FIELDS
    if unknown:
        raise ValueError(f"not forward plan fields: {', '.join(sorted(unknown))}")
    if changes.get("due_month"):
        _check_month(changes["due_month"])
    _not_future(published, today, "forward plan publication date")
    out = _changed(decision)
    for name, value in changes.items():
        setattr(out.plan, name, value)
    if published is not None:
        first = out.plan.first_published
        if first is None:
            out.plan.first_published = published
        elif published < first:
            raise Refused(
                f"The entry first appeared on {fmt_date(first)}; that date is kept as the "
                f"legal record and cannot be moved earlier to {fmt_date(published)}."
            )
        elif published != first and published not in out.plan.republished:
            out.plan.republished.append(published)
    return out


def _check_month(month: str) -> None:
    try:
        date.fromisoformat(month + "-01")
    except ValueError:
        raise Refused(f"Month due {month!r} is not a month: use YYYY-MM, e.g. 2013-02.") from None


# ---- key decision, comments -----------------------------------------------------------


def gate_key(decision: Decision) -> str | None:
    return _before_decision(decision, "whether it is a key decision")


def set_key(decision: Decision, profile: CouncilProfile, *, is_key: bool, reason: str = "",
            amount_pounds: int | None = None, wards_affected: int | None = None,
            categories: list[str] | None = None) -> Decision:
    _raise(gate_key(decision))
    if amount_pounds is not None and amount_pounds < 0:
        raise Refused("The amount cannot be negative: give the expenditure or saving in pounds.")
    if wards_affected is not None and wards_affected < 0:
        raise Refused("The number of wards cannot be negative.")
    out = _changed(decision)
    out.key.amount_pounds = amount_pounds
    out.key.wards_affected = wards_affected
    if categories is not None:
        out.key.categories = list(categories)
    if is_key and not reason.strip():
        hint = rules.suggest_key(out, profile)
        raise Refused("Say why it is a key decision.",
                      [f"give --reason, e.g. \"{hint.sentence()}\"" if hint.because
                       else "give --reason with the threshold, wards or category that applies"])
    out.key.is_key = is_key
    out.key.reason = reason.strip()
    return out


def gate_comment(decision: Decision) -> str | None:
    if decision.record is not None and decision.call_in.outcome != "referred-back":
        return (f"Comments are taken before the decision; it was decided on "
                f"{fmt_date(decision.record.decided_on)}.")
    return None


def add_comment(decision: Decision, comment: Comment, *, today: date) -> Decision:
    _raise(gate_comment(decision))
    _required(from_=comment.author, text=comment.text)
    _not_future(comment.received_on, today, "date the comment was received")
    out = _changed(decision)
    out.comments.append(comment)
    out.consultation.no_comments_received = False
    return out


def respond_to_comment(decision: Decision, index: int, response: str) -> Decision:
    if not 0 <= index < len(decision.comments):
        raise Refused(f"There is no comment {index + 1}: this decision has "
                      f"{len(decision.comments)} comment(s).")
    out = _changed(decision)
    out.comments[index].response = response
    return out


def set_consultation(decision: Decision, *, opens_on: date | None, closes_on: date | None,
                     no_comments_received: bool = False) -> Decision:
    if opens_on and closes_on and closes_on < opens_on:
        raise Refused(f"The consultation closes ({fmt_date(closes_on)}) before it opens "
                      f"({fmt_date(opens_on)}).")
    if no_comments_received and decision.comments:
        raise Refused(f"{len(decision.comments)} comment(s) are recorded, so 'no comments "
                      "received' cannot be recorded.")
    out = _changed(decision)
    out.consultation.opens_on = opens_on
    out.consultation.closes_on = closes_on
    out.consultation.no_comments_received = no_comments_received
    return out


# ---- notice routes --------------------------------------------------------------------


def gate_exception(decision: Decision) -> str | None:
    if decision.key.is_key is not True:
        return "A general exception is only for key decisions; confirm it is key first."
    return _before_decision(decision, "the notice route")


def general_exception(decision: Decision, *, today: date, notice_published: date, reasons: str,
                      chair_informed_on: date | None = None,
                      reasons_notice_published: date | None = None) -> Decision:
    _raise(gate_exception(decision))
    _required(reasons=reasons)
    informed = chair_informed_on or notice_published
    _not_future(notice_published, today, "general exception notice date")
    if informed > notice_published:
        raise Refused("The scrutiny chair must be told in writing before or when the notice is "
                      f"published ({fmt_date(notice_published)}), not on {fmt_date(informed)}.")
    out = _changed(decision)
    out.exception = GeneralException(informed, notice_published, reasons.strip(),
                                     reasons_notice_published)
    return out


def gate_urgency(decision: Decision) -> str | None:
    return _before_decision(decision, "the notice route")


def special_urgency(decision: Decision, *, today: date, agreed_by: str, role: str,
                    agreed_on: date, reasons: str,
                    notice_published: date | None = None) -> Decision:
    _raise(gate_urgency(decision))
    _required(agreed_by=agreed_by, reasons=reasons)
    if role not in URGENCY_ROLES:
        raise Refused(f"Role {role!r} cannot agree special urgency: use "
                      f"{', '.join(URGENCY_ROLES)} (in that order of precedence).")
    _not_future(agreed_on, today, "date urgency was agreed")
    out = _changed(decision)
    out.urgency = SpecialUrgency(agreed_by.strip(), role, agreed_on, reasons.strip(),
                                 notice_published)
    return out


def gate_private(decision: Decision) -> str | None:
    return _before_decision(decision, "whether it is taken in private")


def set_private(decision: Decision, *, paragraphs: list[int], public_interest: str,
                exempt_information: str = "", exempt_fields: list[str] | None = None,
                intention_published: date | None = None,
                confirmation_published: date | None = None,
                representations: str = "", response: str = "") -> Decision:
    _raise(gate_private(decision))
    bad = [p for p in paragraphs if p not in range(1, 8)]
    if not paragraphs or bad:
        raise Refused("Give the Schedule 12A paragraph(s), numbers 1 to 7"
                      + (f" (not {', '.join(map(str, bad))})." if bad else "."))
    _required(public_interest=public_interest)
    unknown = [f for f in exempt_fields or [] if f not in EXEMPTABLE_FIELDS]
    if unknown:
        raise Refused(f"Cannot mark {', '.join(unknown)} exempt: the fields that can be are "
                      f"{', '.join(EXEMPTABLE_FIELDS)}.")
    if intention_published and confirmation_published and \
            confirmation_published < intention_published:
        raise Refused("The 5-day confirmation cannot come before the 28-day notice of intention.")
    out = _changed(decision)
    out.private = PrivateConsideration(sorted(set(paragraphs)), public_interest.strip(),
                                       exempt_information, intention_published,
                                       confirmation_published, representations, response)
    if exempt_fields is not None:
        out.exempt_fields = list(dict.fromkeys(exempt_fields))
    return out


# ---- the decision and its record ------------------------------------------------------


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
    _raise(gate)
    record = Record(decided_on, text.strip(), reasons.strip(), alternatives.strip(),
                    no_conflicts and not conflicts, list(conflicts or []),
                    list(background_papers or []))
    if no_conflicts and conflicts:
        raise Refused("Either declare no conflicts of interest or list them, not both.")
    missing = rules.record_missing(record)
    if missing:
        raise Refused("A record of decision needs all of regulation 13's elements; missing: "
                      + "; ".join(missing) + ".")
    _not_future(decided_on, today, "date of the decision")
    earliest = rules.earliest_decision(decision, profile)
    if decision.key.is_key and earliest is None:
        raise Refused("A key decision cannot be taken without notice: there is no forward plan "
                      "entry, general exception or special urgency.", _routes_for(decision))
    if earliest is not None and decided_on < earliest.value:
        raise Refused(f"Too early: {earliest.working}; cannot be decided on "
                      f"{fmt_date(decided_on)}.",
                      [f"decide on or after {fmt_date(earliest.value)}"] + _routes_for(decision))
    priv = decision.private
    if priv is not None and decision.urgency is None and priv.intention_published is None:
        raise Refused("To be taken in private, a notice of intention must be published 28 clear "
                      "days before.", ["record the private notices",
                                       "record special urgency agreement"])
    out = _changed(decision)
    if out.record is not None:  # reconsidered after a call-in referred it back
        out.call_in = CallIn(urgent_exempt=out.call_in.urgent_exempt,
                             exemption_consent=out.call_in.exemption_consent)
    out.record = record
    return out


def gate_publish(decision: Decision) -> str | None:
    if decision.record is None:
        return "There is no record of decision to publish yet."
    if decision.record.published_on is not None:
        return f"The record was already published on {fmt_date(decision.record.published_on)}."
    return None


def publish_record(decision: Decision, *, today: date, published_on: date) -> Decision:
    _raise(gate_publish(decision), ["record the decision first"] if decision.record is None
           else None)
    assert decision.record is not None and decision.record.decided_on is not None
    if published_on < decision.record.decided_on:
        raise Refused(f"The record cannot be published ({fmt_date(published_on)}) before the "
                      f"decision was taken ({fmt_date(decision.record.decided_on)}).")
    _not_future(published_on, today, "publication date")
    out = _changed(decision)
    assert out.record is not None
    out.record.published_on = published_on
    return out


# ---- call-in --------------------------------------------------------------------------


def gate_call_in(decision: Decision) -> str | None:
    if decision.record is None or decision.record.published_on is None:
        return "Call-in starts when the record of decision is published; it is not published."
    if decision.call_in.urgent_exempt:
        return ("The decision is exempt from call-in as urgent (consent: "
                f"{decision.call_in.exemption_consent}).")
    if decision.call_in.outcome:
        return f"A call-in was already resolved: {decision.call_in.outcome}."
    return None


def call_in(decision: Decision, profile: CouncilProfile, *, today: date, received_on: date,
            members: list[str], grounds: str) -> Decision:
    _raise(gate_call_in(decision))
    signed: dict[str, str] = {}  # a member who signs twice is still one signature
    for member in members:
        if member.strip():
            signed.setdefault(member.strip().casefold(), member.strip())
    members = list(signed.values())
    _required(grounds=grounds)
    expiry = rules.call_in_expires(decision, profile)
    assert expiry is not None and decision.record is not None
    if received_on > expiry.value.date():
        raise Refused(f"Too late: {expiry.working}; the request was received "
                      f"{fmt_date(received_on)}.")
    if received_on < decision.record.published_on:  # type: ignore[operator]
        raise Refused("A call-in cannot be received before the record was published.")
    _not_future(received_on, today, "date the call-in was received")
    chair_alone = (profile.call_in_scrutiny_chair_alone and len(members) == 1
                   and members[0].casefold() == profile.scrutiny_chair.name.casefold())
    if len(members) < profile.call_in_signatories and not chair_alone:
        raise Refused(f"A call-in needs {profile.call_in_signatories} members' signatures; "
                      f"{len(members)} given.")
    out = _changed(decision)
    out.call_in.requests.append(CallInRequest(received_on, members, grounds.strip()))
    return out


def gate_call_in_outcome(decision: Decision) -> str | None:
    if not rules.call_in_open(decision):
        return "There is no open call-in to resolve."
    return None


def call_in_outcome(decision: Decision, *, today: date, outcome: str,
                    decided_on: date) -> Decision:
    _raise(gate_call_in_outcome(decision))
    if outcome not in CALL_IN_OUTCOMES:
        raise Refused(f"Outcome {outcome!r} is not one of {', '.join(CALL_IN_OUTCOMES)}.")
    _not_future(decided_on, today, "date of the call-in outcome")
    out = _changed(decision)
    out.call_in.outcome = outcome
    out.call_in.outcome_on = decided_on
    return out


def exempt_from_call_in(decision: Decision, *, consent: str) -> Decision:
    _required(consent=consent)
    if decision.call_in.requests:
        raise Refused("A call-in has already been received; it must be resolved.")
    out = _changed(decision)
    out.call_in.urgent_exempt = True
    out.call_in.exemption_consent = consent.strip()
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
    _raise(gate_implement(decision, profile, today))
    _not_future(implemented_on, today, "implementation date")
    expiry = rules.call_in_expires(decision, profile)
    if expiry is not None and not decision.call_in.urgent_exempt and \
            implemented_on <= expiry.value.date():
        raise Refused(f"Call-in runs until {fmt_datetime(expiry.value)} ({expiry.working}).",
                      [f"implement from {fmt_date(expiry.value.date() + timedelta(days=1))}",
                       "record an urgent exemption from call-in with consent"])
    out = _changed(decision)
    out.implemented_on = implemented_on
    return out


def gate_refer(decision: Decision) -> str | None:
    if decision.record is None:
        return "Record the executive's decision (its recommendation to Council) first."
    if decision.referral.outcome in FINAL_COUNCIL_OUTCOMES:
        return f"Full Council already decided: {decision.referral.outcome}."
    return None


def refer(decision: Decision, *, meeting_on: date) -> Decision:
    _raise(gate_refer(decision))
    assert decision.record is not None and decision.record.decided_on is not None
    if meeting_on < decision.record.decided_on:
        raise Refused(f"The Council meeting ({fmt_date(meeting_on)}) is before the executive "
                      f"decision ({fmt_date(decision.record.decided_on)}).")
    out = _changed(decision)
    out.referral.policy_framework = True
    out.referral.meeting_on = meeting_on
    out.referral.outcome = ""
    out.referral.outcome_on = None
    return out


def gate_council(decision: Decision) -> str | None:
    if decision.referral.meeting_on is None:
        return "It has not been referred to a Full Council meeting."
    if decision.referral.outcome in FINAL_COUNCIL_OUTCOMES:
        return f"Full Council already decided: {decision.referral.outcome}."
    return None


def council_outcome(decision: Decision, *, today: date, outcome: str, decided_on: date,
                    minute: str = "") -> Decision:
    _raise(gate_council(decision), ["refer it to a Council meeting first"]
           if decision.referral.meeting_on is None else None)
    if outcome not in COUNCIL_OUTCOMES:
        raise Refused(f"Outcome {outcome!r} is not one of {', '.join(COUNCIL_OUTCOMES)}.")
    assert decision.referral.meeting_on is not None
    if decided_on < decision.referral.meeting_on:
        raise Refused(f"The outcome ({fmt_date(decided_on)}) cannot come before the meeting "
                      f"({fmt_date(decision.referral.meeting_on)}).")
    _not_future(decided_on, today, "date of Council's decision")
    out = _changed(decision)
    out.referral.outcome = outcome
    out.referral.outcome_on = decided_on
    out.referral.minute = minute.strip()
    return out


@dataclass(frozen=True)
class Move:
    """An action a front end offers, and why it is refused now (None when allowed)."""

    id: str
    label: str
    refused: str | None


def moves(decision: Decision, profile: CouncilProfile, today: date) -> list[Move]:
    gates: list[tuple[str, str, Callable[[], str | None]]] = [
        ("plan", "Forward plan entry", lambda: gate_plan(decision)),
        ("key", "Key decision", lambda: gate_key(decision)),
        ("comment", "Add comment", lambda: gate_comment(decision)),
        ("exception", "General exception", lambda: gate_exception(decision)),
        ("urgency", "Special urgency", lambda: gate_urgency(decision)),
        ("private", "Private consideration", lambda: gate_private(decision)),
        ("decide", "Record decision", lambda: gate_decide(decision)),
        ("publish", "Publish record", lambda: gate_publish(decision)),
        ("call-in", "Call-in request", lambda: gate_call_in(decision)),
        ("call-in-outcome", "Call-in outcome", lambda: gate_call_in_outcome(decision)),
        ("implement", "Implement", lambda: gate_implement(decision, profile, today)),
        ("refer", "Refer to Council", lambda: gate_refer(decision)),
        ("council", "Council outcome", lambda: gate_council(decision)),
    ]
    return [Move(move_id, label, gate()) for move_id, label, gate in gates]


# ---- the report and the decision's own details ----------------------------------------

REPORT_FIELDS = frozenset(
    ("key_issue", "recommendation", "recommended_by", "reasons", "alternatives",
     "corporate_objectives", "risk_management", "implications", "conclusions", "appendices",
     "background_documents", "prepared_by", "issued_on")
)


def gate_report(decision: Decision) -> str | None:
    return _before_decision(decision, "the report")


def update_report(decision: Decision, **changes: Any) -> Decision:
    """Edit report sections; `implications` merges into the nine existing headings."""
    _raise(gate_report(decision))
    unknown = set(changes) - REPORT_FIELDS
    if unknown:
        raise ValueError(f"not report sections: {', '.join(sorted(unknown))}")
    out = _changed(decision)
    for name, value in changes.items():
        if name == "implications":
            bad = set(value) - {key for key, _ in IMPLICATIONS}
            if bad:
                raise Refused(f"Unknown implication heading(s): {', '.join(sorted(bad))}.")
            out.report.implications.update(value)
        else:
            setattr(out.report, name, value)
    return out


def update_details(decision: Decision, *, title: str | None = None,
                   maker: DecisionMaker | None = None) -> Decision:
    _raise(_before_decision(decision, "the title and decision maker"))
    out = _changed(decision)
    if title is not None:
        _required(title=title)
        out.title = title.strip()
    if maker is not None:
        _required(decision_maker=maker.name)
        out.decision_maker = maker
    return out
