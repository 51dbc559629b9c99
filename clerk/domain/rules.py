"""Compliance with the 2012 Regulations: the dates the law fixes and what is missing.

Every function is pure: a Decision, the council profile and (where time matters) today's
date in; answers with their working out. Both front ends and the notices ask here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from clerk.domain import findings
from clerk.domain.calendar import Dated, Deadline, fmt_date, fmt_datetime
from clerk.domain.council import CouncilProfile
from clerk.domain.decision import FINAL_COUNCIL_OUTCOMES, ROLE_WORDS, Decision, Record, in_words

# Reg 8 lives in key_rule; offered here too, where the front ends have always asked.
from clerk.domain.key_rule import KeySuggestion as KeySuggestion
from clerk.domain.key_rule import suggest_key as suggest_key


def _clear_days(profile: CouncilProfile, published: date, days: int) -> Dated:
    return profile.calendar().earliest_after_clear_days(published, days, profile.clear_days)


def standard_route(decision: Decision, profile: CouncilProfile) -> Dated | None:
    """28 clear days after the forward plan entry first appeared."""
    if decision.plan.first_published is None:
        return None
    return _clear_days(profile, decision.plan.first_published, profile.forward_plan_days)


def exception_route(decision: Decision, profile: CouncilProfile) -> Dated | None:
    """General exception: 5 clear days after the notice (and the scrutiny chair told)."""
    exc = decision.exception
    if exc is None or exc.notice_published is None:
        return None
    return _clear_days(profile, exc.notice_published, profile.general_exception_days)


def urgency_route(decision: Decision) -> Dated | None:
    urg = decision.urgency
    if urg is None or urg.agreed_on is None:
        return None
    role = in_words(ROLE_WORDS, urg.role)
    return Dated(urg.agreed_on, f"special urgency agreed by {urg.agreed_by} ({role}) on "
                 f"{fmt_date(urg.agreed_on)}; may be taken from that day")


def private_route(decision: Decision, profile: CouncilProfile) -> Dated | None:
    """Reg 5: 28 clear days after the intention notice and 5 after the further notice, or
    the day a private meeting was agreed urgent (reg 5(6)). Reg 10 and reg 11 do not
    answer for reg 5."""
    priv = decision.private
    if priv is None:
        return None
    urg = priv.urgency
    if urg is not None and urg.agreed_on is not None:
        role = in_words(ROLE_WORDS, urg.role)
        return Dated(urg.agreed_on, f"private meeting agreed urgent by {urg.agreed_by} "
                     f"({role}) on {fmt_date(urg.agreed_on)} (reg 5(6)); may be held "
                     "from that day")
    dates = []
    if priv.intention_published:
        dates.append(_clear_days(profile, priv.intention_published, profile.private_notice_days))
    if priv.confirmation_published:
        dates.append(
            _clear_days(profile, priv.confirmation_published, profile.private_confirmation_days)
        )
    if not dates:
        return None
    latest = max(dates, key=lambda d: d.value)
    if priv.intention_published is None or priv.confirmation_published is None:
        still = "notice of intention" if priv.intention_published is None else "further notice"
        return Dated(latest.value, f"{latest.working}; the {still} is still to be published")
    return latest


def key_route(decision: Decision, profile: CouncilProfile) -> Dated | None:
    """A key decision's first lawful day by the quickest notice route (regs 9, 10, 11)."""
    routes = [r for r in (standard_route(decision, profile), exception_route(decision, profile),
                          urgency_route(decision)) if r is not None]
    return min(routes, key=lambda d: d.value) if routes else None


def earliest_decision(decision: Decision, profile: CouncilProfile) -> Dated | None:
    """The first lawful day for the decision, by the quickest route open to it."""
    if decision.key.is_key is not True:
        return private_route(decision, profile)
    best = key_route(decision, profile)
    if best is None:
        return None
    private = private_route(decision, profile)
    if private is not None and private.value > best.value:
        return Dated(private.value, f"{best.working}; but private: {private.working}")
    return best


def call_in_expires(decision: Decision, profile: CouncilProfile) -> Deadline | None:
    if decision.record is None or decision.record.published_on is None:
        return None
    if decision.call_in.urgent_exempt:  # no call-in period runs at all
        return None
    return profile.calendar().call_in_expiry(
        decision.record.published_on, profile.call_in_working_days, profile.cut_off
    )


def record_missing(record: Record) -> list[str]:
    """The reg 13 elements a record of decision lacks."""
    missing = []
    if record.decided_on is None:
        missing.append("the date of the decision")
    if not record.decision.strip():
        missing.append("the decision made")
    if not record.reasons.strip():
        missing.append("the reasons for the decision")
    if not record.alternatives_rejected.strip():
        missing.append("the alternative options considered and rejected")
    if not record.no_conflicts and not record.conflicts:
        missing.append("any conflict of interest declared (or a note that none was)")
    for conflict in record.conflicts:
        if not conflict.member.strip() or not conflict.interest.strip():
            missing.append("the member and interest of each conflict declared")
    return missing


def call_in_open(decision: Decision) -> bool:
    return bool(decision.call_in.requests) and not decision.call_in.outcome


def is_policy_framework(decision: Decision, profile: CouncilProfile) -> bool:
    if decision.referral.policy_framework:
        return True
    wanted = {p.casefold() for p in profile.policy_framework}
    return any(c.casefold() in wanted for c in decision.key.categories)


@dataclass
class Compliance:
    """Every legal date with its working, what is missing and what is blocked."""

    dates: list[tuple[str, Dated]] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    blocked: list[str] = field(default_factory=list)
    earliest_decision: Dated | None = None
    call_in_expires: Deadline | None = None
    overdue: list[str] = field(default_factory=list)
    # Lawful but to be looked at: a departure from the key definition not yet reviewed,
    # a due date before the earliest lawful day.
    warnings: list[str] = field(default_factory=list)

    @property
    def problems(self) -> list[str]:
        return self.missing + self.blocked + self.overdue + self.warnings


def check(decision: Decision, profile: CouncilProfile, today: date) -> Compliance:
    out = Compliance()
    out.earliest_decision = earliest_decision(decision, profile)
    out.call_in_expires = call_in_expires(decision, profile)
    for label, route in (
        ("Forward plan (28 clear days)", standard_route(decision, profile)),
        ("General exception (5 clear days)", exception_route(decision, profile)),
        ("Special urgency", urgency_route(decision)),
        ("Private meeting notices", private_route(decision, profile)),
    ):
        if route is not None:
            out.dates.append((label, route))
    due = findings.record_due(decision, profile)
    if due is not None and decision.record is not None and decision.record.published_on is None:
        out.dates.append(("Record of decision (council's target)", due))
    if out.call_in_expires is not None:
        out.dates.append(("Call-in", out.call_in_expires))
    _check_before_decision(decision, profile, out)
    _check_after_decision(decision, profile, today, out)
    out.missing += findings.notices_missing(decision, profile, today)
    out.missing += findings.reg18_missing(decision)
    out.overdue += findings.record_overdue(decision, profile, today)
    out.warnings += findings.key_warnings(decision, profile)
    out.warnings += findings.due_warnings(decision, out.earliest_decision)
    return out


def _check_before_decision(decision: Decision, profile: CouncilProfile, out: Compliance) -> None:
    if decision.key.is_key is None:
        out.missing.append("Whether this is a key decision has not been confirmed.")
    elif decision.key.is_key and not decision.key.reason.strip():
        out.missing.append("The reason it is a key decision is not recorded.")
    if decision.key.is_key and decision.record is None:
        if decision.plan.first_published is None and not (decision.exception or decision.urgency):
            out.blocked.append(
                "A key decision needs a forward plan entry 28 clear days ahead, or a general "
                "exception or special urgency; none is recorded."
            )
    needs_plan = decision.key.is_key or decision.plan.first_published is not None
    if needs_plan and not decision.plan.contact.name.strip():
        out.missing.append("No contact officer is named in the forward plan entry.")
    if decision.private is not None:
        if not decision.private.paragraphs:
            out.missing.append("The Schedule 12A paragraph for taking it in private is missing.")
        if not decision.private.public_interest.strip():
            out.missing.append("The public interest test reasoning is not recorded.")
    if decision.exempt_fields and decision.private is None:
        out.missing.append(
            "Some content is marked exempt but no private consideration (Schedule 12A "
            "paragraph) is recorded."
        )
    if decision.exception is not None and decision.exception.reasons_notice_published is None \
            and decision.record is not None:
        out.missing.append("The general exception reasons notice has not been published.")


def _check_after_decision(
    decision: Decision, profile: CouncilProfile, today: date, out: Compliance
) -> None:
    record = decision.record
    if record is None:
        due = decision.plan.due_on
        if due is not None and due < today:
            out.overdue.append(f"Due on {fmt_date(due)} but no decision is recorded.")
        return
    for item in record_missing(record):
        out.missing.append(f"The record of decision lacks {item}.")
    if record.published_on is None:
        out.missing.append("The record of decision has not been published.")
        return
    if call_in_open(decision):
        out.blocked.append("A call-in is open: the decision cannot be implemented until it is "
                           "resolved.")
    expiry = out.call_in_expires
    if (expiry is not None and not decision.call_in.urgent_exempt
            and decision.implemented_on is None and datetime.combine(today, datetime.min.time())
            <= expiry.value):
        out.blocked.append(f"Call-in runs until {fmt_datetime(expiry.value)}: "
                           "not to be implemented before then.")
    final = decision.referral.outcome in FINAL_COUNCIL_OUTCOMES
    if is_policy_framework(decision, profile) and not final:
        if decision.referral.meeting_on is None:
            out.missing.append("A budget and policy framework item: refer it to Full Council "
                               "for the final endorsement.")
        else:
            out.blocked.append(
                f"Awaiting Full Council on {fmt_date(decision.referral.meeting_on)}."
            )


# What a notice published on a given day leads to: the clerk's date calculator.
DATES_AFTER_NOTICE: tuple[tuple[str, str], ...] = (
    ("earliest_key_decision", "Earliest key decision"),
    ("earliest_after_general_exception", "After a general exception"),
    ("call_in_expires", "Call-in expires"),
)


def dates_after_notice(published: date, profile: CouncilProfile) -> dict[str, Dated]:
    """For a notice (or record) published on `published`: the forward plan's earliest key
    decision, the earliest under a general exception, and when call-in would expire."""
    calendar = profile.calendar()
    return {
        "earliest_key_decision": calendar.earliest_after_clear_days(
            published, profile.forward_plan_days, profile.clear_days),
        "earliest_after_general_exception": calendar.earliest_after_clear_days(
            published, profile.general_exception_days, profile.clear_days),
        "call_in_expires": calendar.call_in_expiry(
            published, profile.call_in_working_days, profile.cut_off),
    }
