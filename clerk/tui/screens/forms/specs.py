"""The form of each lifecycle step is the domain's step: `clerk.domain.steps` holds its
fields, labels, choices, gate, move and journal action; nothing is repeated here.
"""

from __future__ import annotations

from clerk.domain.calendar import fmt_date
from clerk.domain.decision import Decision
from clerk.domain.steps import STEPS, Ctx, Step

__all__ = ["STEPS", "Ctx", "Step", "comment_intro"]


def comment_intro(decision: Decision, index: int) -> str:
    """The comment being answered (`index` from 0), shown above the response."""
    comment = decision.comments[index]
    who = comment.author + (f", {comment.organisation}" if comment.organisation else "")
    received = fmt_date(comment.received_on) if comment.received_on else "date not recorded"
    return f"{who} ({received}): {comment.text}"
