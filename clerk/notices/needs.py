"""What each notice needs from a decision, and which decisions the forward plan lists.

Pure: no reportlab. `missing_for` answers in phrases that finish the sentence
"Cannot print the <notice> for <ref>: it lacks ...".
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from typing import Any

from clerk.domain.council import CouncilProfile
from clerk.domain.decision import FINAL_COUNCIL_OUTCOMES, Decision, Record
from clerk.domain.rules import call_in_expires, is_policy_framework, record_missing
from clerk.notices.text import (
    BODY_KINDS,
    COUNCIL_OUTCOME_WORDS,
    comment_contact,
    expiry,
    long_date,
    says_none,
)

Needs = Callable[[Decision, CouncilProfile], list[str]]


def _blank(text: str) -> bool:
    return not text.strip()


def _common(decision: Decision, profile: CouncilProfile) -> list[str]:
    missing = []
    if _blank(profile.name):
        missing.append("the council's name (set it in the council profile)")
    return missing + _identity(decision)


def _identity(decision: Decision) -> list[str]:
    missing = []
    if _blank(decision.ref):
        missing.append("a decision reference")
    if _blank(decision.title):
        missing.append("a title")
    if _blank(decision.decision_maker.name):
        missing.append("the decision maker")
    return missing


def _proper_officer(profile: CouncilProfile) -> list[str]:
    """The reg 5, 10 and 11 notices name the proper officer."""
    if _blank(profile.proper_officer.name):
        return ["the proper officer's name (set [proper_officer] in the council profile)"]
    return []


def _private_reasons(decision: Decision) -> list[str]:
    priv = decision.private
    if priv is None:
        return ["a decision to consider it in private (the Schedule 12A paragraph)"]
    missing = []
    if not priv.paragraphs:
        missing.append("the Schedule 12A paragraph for taking it in private")
    if _blank(priv.public_interest):
        missing.append("the public interest test reasoning")
    return missing


def _plan_row(decision: Decision, profile: CouncilProfile) -> list[str]:
    """The reg 9 items and what the council prints beside them, each with the command (or
    the app's key) that fills it."""
    plan, maker, ref = decision.plan, decision.decision_maker, decision.ref or "REF"

    def plan_option(option: str) -> str:
        return f"clerk plan {ref} {option}, or p in the app"

    gaps: list[tuple[bool, str, str]] = [
        (_blank(decision.title), "a title", "t in the app"),
        (_blank(maker.name), "the decision maker", "t in the app"),
        (maker.kind in BODY_KINDS and not any(m.strip() for m in maker.members),
         f"the members of {maker.name.strip() or 'the decision-making body'} (reg 9(1)(c))",
         f"clerk details {ref} --maker-member NAME, once for each member; or t in the app"),
        (_blank(plan.summary), "a summary of the matter", plan_option("--summary TEXT")),
        (not any(d.strip() for d in plan.documents),
         "the documents to be submitted to the decision maker", plan_option("--document TEXT")),
        (_blank(plan.documents_available_from), "where copies of the documents can be had",
         plan_option("--documents-from TEXT")),
        (_blank(plan.contact.name), "the contact officer", plan_option("--contact NAME")),
        (_blank(decision.key.reason), "why it is a key decision",
         f"clerk key {ref} --reason TEXT, or k in the app"),
        (not plan.all_wards and not any(w.strip() for w in plan.wards),
         "the wards affected (or 'all wards')", plan_option("--wards LIST or --all-wards")),
        (decision.private is not None and not decision.private.paragraphs,
         "the Schedule 12A paragraph for taking it in private",
         f"clerk private {ref} --paragraph N, or v in the app"),
    ]
    return [f"{what} ({how})" for lacking, what, how in gaps if lacking]


def _report(decision: Decision, profile: CouncilProfile) -> list[str]:
    report, plan = decision.report, decision.plan
    missing = _common(decision, profile)
    for label, value in (
        ("the key issue for decision", report.key_issue),
        ("the recommendation", report.recommendation),
        ("who makes the recommendation", report.recommended_by),
        ("the reasons for the recommendation", report.reasons),
        ("the alternative action and why it is not recommended", report.alternatives),
    ):
        if _blank(value):
            missing.append(label)
    if decision.key.is_key is None:
        missing.append("whether it is a key decision")
    elif decision.key.is_key:
        if _blank(decision.key.reason):
            missing.append("why it is a key decision")
        if plan.first_published is None:
            missing.append("the date it first appeared in the forward plan")
    if not plan.all_wards and not plan.wards and not plan.parishes:
        missing.append("the wards and parishes affected")
    if _blank(plan.contact.name) or _blank(plan.contact.telephone):
        missing.append("the contact officer's name and telephone number")
    contact = comment_contact(decision, profile)
    ref = decision.ref or "REF"
    if contact is None:
        missing.append("the executive member to comment to (the entry's portfolio, matching "
                       f"a portfolio in the council profile: clerk plan {ref} --portfolio, or "
                       f"p in the app; or the body's telephone: clerk details {ref} "
                       "--maker-telephone, or t in the app)")
    elif _blank(contact.telephone):
        missing.append(f"the decision maker's telephone number (clerk details {ref} "
                       "--maker-telephone, or t in the app, or the executive member's "
                       "telephone in the council profile)")
    return missing


def _record(decision: Decision, profile: CouncilProfile) -> list[str]:
    missing = _common(decision, profile)
    missing += record_missing(decision.record or Record())
    if _blank(decision.report.key_issue) and _blank(decision.plan.summary):
        missing.append("the issue for decision (the report's key issue or the plan summary)")
    return missing


def _general_exception(decision: Decision, profile: CouncilProfile) -> list[str]:
    missing = _common(decision, profile) + _proper_officer(profile)
    if decision.exception is None:
        missing.append("a general exception (regulation 10) on the decision")
    if _blank(profile.scrutiny_chair.name):
        missing.append("the scrutiny committee chair (set it in the council profile)")
    if _blank(decision.plan.summary) and _blank(decision.report.key_issue):
        missing.append("a summary of the matter")
    return missing


def _exception_reasons(decision: Decision, profile: CouncilProfile) -> list[str]:
    missing = _common(decision, profile) + _proper_officer(profile)
    if decision.exception is None:
        missing.append("a general exception (regulation 10) on the decision")
    elif _blank(decision.exception.reasons):
        missing.append("the reasons why 28 clear days' notice was impracticable")
    return missing


def _urgency(decision: Decision, profile: CouncilProfile) -> list[str]:
    missing = _common(decision, profile) + _proper_officer(profile)
    urg = decision.urgency
    if urg is None:
        return missing + ["a special urgency agreement (regulation 11) on the decision"]
    if _blank(urg.agreed_by):
        missing.append("who agreed the decision is urgent")
    if urg.agreed_on is None:
        missing.append("the date the urgency was agreed")
    if _blank(urg.reasons):
        missing.append("the reasons the decision is urgent and cannot reasonably be deferred")
    if urg.role != "scrutiny-chair" and _blank(urg.earlier_unable):
        missing.append("why the scrutiny committee chair could not act (regulation 11(1) "
                       "allows the chairman or vice-chairman only then)")
    return missing


def _private(decision: Decision, profile: CouncilProfile) -> list[str]:
    missing = _common(decision, profile) + _proper_officer(profile) + _private_reasons(decision)
    if decision.plan.due_on is None and _blank(decision.plan.due_month):
        missing.append("the date or month of the meeting or decision")
    if _blank(decision.plan.contact.name):
        missing.append("the contact officer to whom representations go")
    if decision.plan.representations_deadline is None:
        missing.append("the deadline for representations about holding it in private")
    return missing


def _private_confirmation(decision: Decision, profile: CouncilProfile) -> list[str]:
    missing = _common(decision, profile) + _proper_officer(profile) + _private_reasons(decision)
    if decision.plan.due_on is None:
        missing.append("the date of the meeting or decision")
    priv = decision.private
    if priv is not None:
        if _blank(priv.representations):
            missing.append("the representations received about holding it in private "
                           "(or 'None received')")
        elif not says_none(priv.representations) and _blank(priv.response):
            missing.append("the council's response to the representations")
    return missing


def _private_urgency(decision: Decision, profile: CouncilProfile) -> list[str]:
    """Regulation 5(7): the agreement under regulation 5(6) that the private meeting is
    urgent, each item with the step that records it."""
    missing = _common(decision, profile) + _proper_officer(profile)
    ref = decision.ref or "REF"
    step = f"clerk private-urgency {ref}"
    if decision.private is None:
        return missing + ["a decision to consider it in private (the Schedule 12A paragraph: "
                          f"clerk private {ref} --paragraph N, or v in the app) and the "
                          f"agreement that its meeting is urgent ({step}, or z in the app)"]
    if decision.plan.due_on is None and _blank(decision.plan.due_month):
        missing.append(f"the date of the meeting (clerk plan {ref} --due DATE, or p in the "
                       "app)")
    urg = decision.private.urgency
    if urg is None:
        return missing + ["an agreement that the private meeting is urgent and cannot "
                          f"reasonably be deferred (regulation 5(6)): {step}, or z in the app"]
    if _blank(urg.agreed_by):
        missing.append(f"who agreed the meeting is urgent ({step} --agreed-by NAME)")
    if urg.agreed_on is None:
        missing.append(f"the date the urgency was agreed ({step} --agreed-on DATE)")
    if _blank(urg.reasons):
        missing.append("the reasons the meeting is urgent and cannot reasonably be deferred "
                       f"({step} --reasons TEXT)")
    if urg.role != "scrutiny-chair" and _blank(urg.earlier_unable):
        missing.append("why the scrutiny committee chair could not act (regulation 5(6) "
                       f"allows the chairman or vice-chairman only then: {step} "
                       "--earlier-unable TEXT)")
    return missing


def _call_in(decision: Decision, profile: CouncilProfile) -> list[str]:
    missing = _common(decision, profile)
    record = decision.record
    if record is None or record.decided_on is None or _blank(record.decision):
        missing.append("a recorded decision (its date and the decision made)")
    if record is None or record.published_on is None:
        missing.append("the date the record of decision was published")
    if decision.call_in.urgent_exempt:
        missing.append("a right of call-in (it was exempted from call-in as urgent)")
    if decision.implemented_on is not None:
        missing.append("a decision still open to call-in (it has been implemented)")
    return missing


def _call_in_closed(decision: Decision, profile: CouncilProfile, on: date) -> list[str]:
    """The form is for the call-in period only: none once it has ended on `on`."""
    expires = call_in_expires(decision, profile)
    if expires is not None and on > expires.value.date():
        return [f"a call-in period still running (it ended at {expiry(expires.value)})"]
    return []


def _council(decision: Decision, profile: CouncilProfile) -> list[str]:
    missing = _common(decision, profile)
    if not is_policy_framework(decision, profile):
        missing.append("a budget and policy framework item (only those go to Full Council)")
    record = decision.record
    if record is None or record.decided_on is None or _blank(record.decision):
        missing.append("the executive's recorded recommendation (its date and wording)")
    elif _blank(record.reasons):
        missing.append("the reasons for the executive's recommendation")
    if decision.referral.meeting_on is None:
        missing.append("the date of the Full Council meeting")
    referral = decision.referral
    if referral.outcome in FINAL_COUNCIL_OUTCOMES:
        when = f" on {long_date(referral.outcome_on)}" if referral.outcome_on else ""
        missing.append(f"a question still before Full Council (Council decided{when}: "
                       f"{COUNCIL_OUTCOME_WORDS.get(referral.outcome, referral.outcome)})")
    return missing


def _urgency_report(decision: Decision, profile: CouncilProfile) -> list[str]:
    """Regulation 19: a decision taken under special urgency, its particulars and matter."""
    missing = [item for item in _urgency(decision, profile)
               if not item.startswith("the proper officer")]
    if decision.urgency is None:
        return missing
    record = decision.record
    if record is None or record.decided_on is None or _blank(record.decision):
        missing.append("the decision taken (its date and the decision made)")
    if _blank(decision.plan.summary) and _blank(decision.report.key_issue):
        missing.append("a summary of the matter")
    return missing


NEEDS: dict[str, Needs] = {
    "report": _report,
    "record": _record,
    "general-exception": _general_exception,
    "exception-reasons": _exception_reasons,
    "urgency": _urgency,
    "private": _private,
    "private-confirmation": _private_confirmation,
    "private-urgency": _private_urgency,
    "call-in": _call_in,
    "council": _council,
    "urgency-report": _urgency_report,
}


# What a notice needs that depends on the day it is printed for, beside NEEDS.
DatedNeeds = Callable[[Decision, CouncilProfile, date], list[str]]
NEEDS_ON: dict[str, DatedNeeds] = {
    "call-in": _call_in_closed,
}


def plan_row_missing(decision: Decision, profile: CouncilProfile) -> list[str]:
    return _plan_row(decision, profile)


def _month_start(due_month: str) -> date | None:
    try:
        year, month = (int(part) for part in due_month.strip().split("-")[:2])
        return date(year, month, 1)
    except ValueError:
        return None


def _month_end(start: date) -> date:
    following = date(start.year + start.month // 12, start.month % 12 + 1, 1)
    return date.fromordinal(following.toordinal() - 1)


def _listed(is_key: bool | None, decided: bool, due_on: date | None, due_month: str,
            start: date, end: date) -> bool:
    """The forward plan's rule: key, not yet taken, and due in [start, end] or with no date
    due. A month due counts if any day of it falls in the period."""
    if is_key is not True or decided:
        return False
    if due_on is not None:
        return start <= due_on <= end
    month = _month_start(due_month)
    return month is None or not (_month_end(month) < start or month > end)


def _order(due_on: date | None, due_month: str, ref: str) -> tuple[int, date, str]:
    """Date order; a month counts from its first day; undated entries last."""
    when = due_on if due_on is not None else _month_start(due_month)
    return (0, when, ref) if when is not None else (1, date.max, ref)


def forward_plan_entries(decisions: Iterable[Decision], start: date, end: date) -> list[Decision]:
    """Key decisions not yet taken, due in [start, end] or with no date due, in date order.

    A month due counts if any day of it falls in the period.
    """
    chosen = [
        decision for decision in decisions
        if _listed(decision.key.is_key,
                   decision.record is not None and decision.record.decided_on is not None,
                   decision.plan.due_on, decision.plan.due_month, start, end)
    ]
    return sorted(chosen, key=lambda d: _order(d.plan.due_on, d.plan.due_month, d.ref))


def forward_plan_refs(stored: Iterable[tuple[str, dict[str, Any]]], start: date,
                      end: date) -> list[str]:
    """`forward_plan_entries` over stored dicts, as (ref, dict) pairs: the references it
    would list, in its order, without building a Decision for every decision."""
    chosen = []
    for ref, doc in stored:
        if (doc.get("key") or {}).get("is_key") is not True:
            continue  # most of a register: decided on the one field
        record = doc.get("record") or {}
        plan = doc.get("plan") or {}
        due = plan.get("due_on")
        due_on = None if due is None else date.fromisoformat(due)
        due_month = plan.get("due_month") or ""
        if _listed(True, record.get("decided_on") is not None, due_on, due_month, start, end):
            chosen.append(_order(due_on, due_month, ref))
    return [ref for _, _, ref in sorted(chosen)]


def urgency_report_refs(stored: Iterable[tuple[str, dict[str, Any]]], start: date,
                        end: date) -> list[str]:
    """Regulation 19: the decisions taken in [start, end] under special urgency, as
    (ref, stored dict) pairs in; their references out, in the order they were taken."""
    chosen = []
    for ref, doc in stored:
        decided = (doc.get("record") or {}).get("decided_on")
        if doc.get("urgency") is None or decided is None:
            continue
        day = date.fromisoformat(decided)
        if start <= day <= end:
            chosen.append((day, ref))
    return [ref for _, ref in sorted(chosen)]
