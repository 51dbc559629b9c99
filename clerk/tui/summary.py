"""One register row: what the list shows for a decision, asked of the rules lazily.

The index's entries (for filtering and sorting) come from `clerk.domain.entries`, without
building Decisions; the full summary (next date, marks) is worked out only for rows on screen.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from clerk.domain import rules
from clerk.domain.council import CouncilProfile
from clerk.domain.decision import Decision
from clerk.domain.entries import NO_DATE, Entry, entry_of
from clerk.domain.lifecycle import stage, stage_of_raw
from clerk.domain.steps import Ctx
from clerk.domain.steps.next import whats_next

__all__ = ["NO_DATE", "Entry", "Row", "entry_of", "quick_row", "row_of"]


@dataclass(frozen=True)
class Row:
    ref: str
    title: str
    maker: str
    stage: str  # the stage's id, e.g. "planned"
    key: str  # "K" key, "-" not key, "?" undetermined
    next_date: str  # "decide 5 Feb 13": the domain's `whats_next`, never a past day
    mark: str  # "!" overdue, "x" blocked, "?" missing, " " none
    state: str  # "overdue" | "blocked" | "missing" | ""
    problems: tuple[str, ...] = ()


def quick_row(ref: str, doc: dict[str, Any]) -> Row:
    """The columns the stored dict gives at once; the rules' next date and marks come later
    (`row_of`), so a screenful of new rows costs a few dict reads, not a few rules checks."""
    key = {True: "K", False: "-", None: "?"}[(doc.get("key") or {}).get("is_key")]
    return Row(ref, doc.get("title", ""), (doc.get("decision_maker") or {}).get("name", ""),
               stage_of_raw(doc), key, "", " ", "")


def row_of(decision: Decision, profile: CouncilProfile, today: date) -> Row:
    found = rules.check(decision, profile, today)
    name = stage(decision)
    next_date = whats_next(decision, Ctx(profile, today)).column
    if found.overdue:
        mark, state = "!", "overdue"
    elif found.blocked:
        mark, state = "x", "blocked"
    elif found.missing:
        mark, state = "?", "missing"
    else:
        mark, state = " ", ""
    key = {True: "K", False: "-", None: "?"}[decision.key.is_key]
    return Row(decision.ref, decision.title, decision.decision_maker.name, name,
               key, next_date, mark, state, tuple(found.problems))
