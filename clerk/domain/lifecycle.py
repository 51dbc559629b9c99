"""The lifecycle of an executive decision: stages and the guarded moves between them.

A stage is derived from what has been recorded, never stored. Each move takes a Decision
and returns a changed copy, or raises `Refused` with a reason a clerk understands and the
lawful routes that remain. Each move's gate (`gate_*`) is wrapped, with the
step's words, fields and journal action, by `clerk.domain.steps`, which both front ends use.
"""

from __future__ import annotations

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
    """A step a front end offers, and why it is refused now (None when allowed), with the
    lawful routes that can be taken instead."""

    id: str
    label: str
    refused: str | None
    routes: tuple[str, ...] = ()


def moves(decision: Decision, profile: CouncilProfile, today: date) -> list[Move]:
    """Every step of `clerk.domain.steps` (where each is defined once), in lifecycle order."""
    from clerk.domain import steps

    ctx = steps.Ctx(profile, today)
    out = []
    for step_id, step in steps.STEPS.items():
        if step_id == "new":
            continue
        refused = steps.refusal(step_id, decision, ctx)
        out.append(Move(step_id, step.label, refused.reason if refused else None,
                        tuple(refused.routes) if refused else ()))
    return out
