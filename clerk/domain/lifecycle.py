"""The lifecycle of an executive decision: stages and the guarded moves between them.

A stage is derived from what has been recorded, never stored. Each move takes a Decision
and returns a changed copy, or raises `Refused` with a reason a clerk understands and the
lawful routes that remain. The gate of each move (`gate_*`) is also what the front ends
ask to enable or explain an action, so a rule is written once.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from clerk.domain import rules
from clerk.domain.council import CouncilProfile
from clerk.domain.decision import FINAL_COUNCIL_OUTCOMES, Decision
from clerk.domain.guards import Refused
from clerk.domain.preparation import (
    PLAN_FIELDS,
    REPORT_FIELDS,
    add_comment,
    gate_comment,
    gate_exception,
    gate_key,
    gate_plan,
    gate_private,
    gate_report,
    gate_urgency,
    general_exception,
    new_decision,
    plan,
    respond_to_comment,
    set_consultation,
    set_key,
    set_private,
    special_urgency,
    update_details,
    update_report,
)
from clerk.domain.recording import (
    call_in,
    call_in_outcome,
    council_outcome,
    decide,
    exempt_from_call_in,
    gate_call_in,
    gate_call_in_outcome,
    gate_council,
    gate_decide,
    gate_implement,
    gate_publish,
    gate_refer,
    implement,
    publish_record,
    refer,
)

# The moves live in two modules by phase and are offered here too, so a front end
# needs only `from clerk.domain import lifecycle as L`.
__all__ = [
    "FINAL_COUNCIL_OUTCOMES",
    "Move",
    "PLAN_FIELDS",
    "REPORT_FIELDS",
    "Refused",
    "STAGES",
    "STAGE_NAMES",
    "add_comment",
    "call_in",
    "call_in_outcome",
    "council_outcome",
    "decide",
    "exempt_from_call_in",
    "gate_call_in",
    "gate_call_in_outcome",
    "gate_comment",
    "gate_council",
    "gate_decide",
    "gate_exception",
    "gate_implement",
    "gate_key",
    "gate_plan",
    "gate_private",
    "gate_publish",
    "gate_refer",
    "gate_report",
    "gate_urgency",
    "general_exception",
    "implement",
    "moves",
    "new_decision",
    "plan",
    "publish_record",
    "refer",
    "respond_to_comment",
    "set_consultation",
    "set_key",
    "set_private",
    "special_urgency",
    "stage",
    "stage_from",
    "stage_label",
    "stage_of_raw",
    "update_details",
    "update_report",
]

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
