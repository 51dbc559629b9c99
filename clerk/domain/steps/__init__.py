"""One rulebook: every step of a decision's life defined once, for both front ends.

`STEPS` holds each step (words, fields, gate, change, journal action) in lifecycle order;
`refusal` is why a step cannot be taken now with only the routes that can be; `whats_next`
(in `next.py`) is the one answer to "what happens next, when, and what blocks it".
"""

from __future__ import annotations

from clerk.domain.decision import Decision
from clerk.domain.guards import Refused
from clerk.domain.steps.after import (
    CALL_IN,
    CALL_IN_OUTCOME,
    COUNCIL,
    DECIDE,
    EXEMPT,
    IMPLEMENT,
    PUBLISH,
    REFER,
)
from clerk.domain.steps.base import NO_FLAG, Choice, Ctx, Field, Step, Values
from clerk.domain.steps.before import (
    COMMENT,
    CONSULTATION,
    DETAILS,
    EXCEPTION,
    KEY,
    NEW,
    PLAN,
    PRIVATE,
    REPORT,
    RESPOND,
    URGENCY,
)
from clerk.domain.steps.correct import CORRECT
from clerk.domain.steps.review import (
    KEY_VIEW_REPORT,
    PRIVATE_URGENCY,
    REASONS_NOTICE,
    REVIEW_KEY,
    SCRUTINY_KEY_VIEW,
)

__all__ = ["NO_FLAG", "STEPS", "Choice", "Ctx", "Field", "Step", "Values", "refusal",
           "refusals", "take"]

STEPS: dict[str, Step] = {step.id: step for step in (
    NEW, PLAN, KEY, REVIEW_KEY, COMMENT, RESPOND, CONSULTATION, EXCEPTION, URGENCY, PRIVATE,
    PRIVATE_URGENCY, REASONS_NOTICE, REPORT, DECIDE, PUBLISH, CALL_IN, CALL_IN_OUTCOME,
    EXEMPT, IMPLEMENT, REFER, COUNCIL, SCRUTINY_KEY_VIEW, KEY_VIEW_REPORT, CORRECT,
    DETAILS)}


def refusal(step_id: str, decision: Decision, ctx: Ctx) -> Refused | None:
    """Why `step_id` cannot be taken now (None: it can). A route the gate names through
    another step is kept only if that step can be taken now; one that cannot is replaced
    by the routes that lead to it."""
    refused = STEPS[step_id].gate(decision, ctx)
    if refused is None or len(refused.steps) != len(refused.routes):
        return refused
    routes: list[tuple[str, str]] = []
    for words, via in zip(refused.routes, refused.steps, strict=True):
        blocked = STEPS[via].gate(decision, ctx)
        if blocked is None:
            routes.append((via, words))
        elif len(blocked.steps) == len(blocked.routes):
            routes += [(s, w) for w, s in zip(blocked.routes, blocked.steps, strict=True)
                       if STEPS[s].gate(decision, ctx) is None]
    routes = list(dict.fromkeys(routes))
    return Refused(refused.reason, [w for _, w in routes], [s for s, _ in routes])


def refusals(decision: Decision, ctx: Ctx) -> dict[str, Refused | None]:
    """Every step's refusal now, by id."""
    return {step_id: refusal(step_id, decision, ctx) for step_id in STEPS}


def take(step_id: str, decision: Decision, values: Values, ctx: Ctx) -> Decision:
    """Take a step with every field's value: the gate first, then the move."""
    refused = refusal(step_id, decision, ctx)
    if refused is not None:
        raise refused
    return STEPS[step_id].take(decision, values, ctx)
