"""What next: the one lawful step a decision most likely takes next, when, and what blocks it.

The status line, the register's "Next date" column and the compliance panel all show this
answer, so they never disagree; a date already past is never given as the next one.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta

from clerk.domain import rules
from clerk.domain.calendar import fmt_date, fmt_datetime
from clerk.domain.decision import Decision
from clerk.domain.lifecycle import stage
from clerk.domain.steps import STEPS, Ctx, refusal
from clerk.domain.urgency import REASONS_NOTICES


@dataclass(frozen=True)
class Next:
    step: str  # the step's id; "" when nothing is left to do
    words: str  # "decide on or after Tue 5 Feb 2013"
    on: date | None = None  # the day that matters next, never before today
    blocked: str = ""  # what stops the step until `on` ("" when it can be taken now)
    short: str = ""  # the register column's word before the date: "decide", "call-in"

    @property
    def column(self) -> str:
        """For the register's "Next date" column: '' when there is no date ahead."""
        return f"{self.short} {self.on.day} {self.on:%b %y}" if self.on else ""


# What the law asks of a decision beside its own course, first when it is owed: each
# open as soon as its step is (the step's gate says when).
OWED = (
    ("reasons-notice", "publish the reasons notice"),
    ("review-key", "review the departure from the key decision definition"),
    ("key-view-report", "report scrutiny's view that it was key to Council (reg 18)"),
)


def whats_next(decision: Decision, ctx: Ctx) -> Next:
    """What the law still asks (OWED) first, keeping the day that matters next in the
    decision's own course (a call-in's end) for the register's column; else that course."""
    course = _course(decision, ctx)
    for step, words in OWED:
        if refusal(step, decision, ctx) is None:
            route = STEPS[step].current(decision, ctx).get("route")
            if route:  # which reasons notice: "the special urgency reasons notice (reg 11)"
                words = f"publish the {dict(REASONS_NOTICES)[route].lower()}"
            return replace(course, step=step, words=words, blocked="")
    return course


def _course(decision: Decision, ctx: Ctx) -> Next:
    today = ctx.today
    current = stage(decision)
    if current in ("draft", "planned"):
        return _before_decision(decision, ctx)
    if current == "decided":
        return Next("publish", "publish the record of decision")
    if current == "called-in":
        return Next("call-in-outcome", "record the call-in outcome")
    if current == "referred":
        meeting = decision.referral.meeting_on
        if meeting is not None and meeting >= today:
            return Next("council", f"Council's outcome, meeting {fmt_date(meeting)}", meeting,
                        short="council")
        return Next("council", "record Full Council's outcome")
    if current == "implemented":
        return Next("", "nothing: the decision is complete")
    if decision.call_in.outcome == "referred-back":
        return Next("decide", "record the reconsidered decision")
    implement = refusal("implement", decision, ctx)
    if implement is None:
        return Next("implement", "implement")
    if current == "council-decided":
        return Next("", f"nothing: {implement.reason}")
    if rules.is_policy_framework(decision, ctx.profile) and decision.referral.meeting_on is None:
        return Next("refer", "refer to Full Council")
    expiry = rules.call_in_expires(decision, ctx.profile)
    if expiry is not None and expiry.value.date() >= today:
        return Next("implement", f"implement from {fmt_date(expiry.value.date() + timedelta(1))}",
                    expiry.value.date(), f"Call-in runs until {fmt_datetime(expiry.value)}.",
                    short="call-in")
    return Next("implement", "implement", blocked=implement.reason)


def _before_decision(decision: Decision, ctx: Ctx) -> Next:
    if decision.key.is_key is None:
        return Next("key", "confirm whether it is a key decision")
    earliest = rules.earliest_decision(decision, ctx.profile)
    if earliest is not None and earliest.value > ctx.today:
        return Next("decide", f"decide on or after {fmt_date(earliest.value)}", earliest.value,
                    f"Too early until then: {earliest.working}.", short="decide")
    if decision.key.is_key and earliest is None:
        return Next("plan", "publish the forward plan entry")
    due = decision.plan.due_on
    if due is not None and due >= ctx.today:
        return Next("decide", f"record the decision (due {fmt_date(due)})", due, short="due")
    return Next("decide", "record the decision")
