"""What every lifecycle move shares: the refusal, and the small checks behind it."""

from __future__ import annotations

import copy
from datetime import date

from clerk.domain.calendar import fmt_date
from clerk.domain.decision import (
    Decision,
)


class Refused(Exception):
    """A move the rules forbid: why, and the lawful routes that would allow it."""

    def __init__(self, reason: str, routes: list[str] | None = None,
                 steps: list[str] | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.routes = list(routes or [])
        # The ids of the steps the routes name (see `clerk.domain.steps`), so a test can
        # check that each route offered can really be taken from where the decision stands.
        self.steps = list(steps or [])

    def __str__(self) -> str:
        if not self.routes:
            return self.reason
        return f"{self.reason} To proceed: " + "; or ".join(self.routes) + "."


def changed(decision: Decision) -> Decision:
    return copy.deepcopy(decision)


def not_future(day: date | None, today: date, what: str) -> None:
    if day is not None and day > today:
        raise Refused(f"The {what} ({fmt_date(day)}) is after today ({fmt_date(today)}): "
                      "record it on or after the day it happens.")


def require(**values: str) -> None:
    missing = [name.replace("_", " ") for name, value in values.items() if not value.strip()]
    if missing:
        raise Refused(f"Missing: {', '.join(missing)}.")


def before_decision(decision: Decision, what: str) -> str | None:
    if decision.record is not None and decision.call_in.outcome != "referred-back":
        return (f"The decision was recorded on {fmt_date(decision.record.decided_on)}: "
                f"{what} can no longer be changed.")
    return None


def refuse_if(reason: str | None, routes: list[str] | None = None) -> None:
    if reason:
        raise Refused(reason, routes)
