"""One register row: what the list shows for a decision, asked of the rules lazily.

The index (for filtering and sorting) is built from the stored dicts without building
Decisions; the full summary (next date, marks) is worked out only for rows on screen.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from clerk.domain import rules
from clerk.domain.council import CouncilProfile
from clerk.domain.decision import Decision
from clerk.domain.lifecycle import stage, stage_of_raw

NO_DATE = "9999-12-31"


@dataclass(frozen=True)
class Entry:
    """What filtering and sorting need, straight from the stored dict."""

    ref: str
    haystack: str  # casefolded ref, title, decision maker, wards, parishes
    stage: str
    due: str  # ISO date that matters next, for sorting; NO_DATE when none
    # (Full Council meeting, decided on, due on): the days it is on a meeting's agenda
    agenda: tuple[str, str, str] = ("", "", "")


def entry_of(ref: str, doc: dict[str, Any]) -> Entry:
    plan = doc.get("plan") or {}
    maker = doc.get("decision_maker") or {}
    wards = " ".join(plan.get("wards") or []) + " " + " ".join(plan.get("parishes") or [])
    if plan.get("all_wards"):
        wards += " all wards"
    hay = " ".join((ref, doc.get("title", ""), maker.get("name", ""), maker.get("title", ""),
                    wards, plan.get("portfolio", ""))).casefold()
    name = stage_of_raw(doc)
    agenda = (str((doc.get("referral") or {}).get("meeting_on") or ""),
              str((doc.get("record") or {}).get("decided_on") or ""),
              str(plan.get("due_on") or ""))
    return Entry(ref, hay, name, _due(name, doc, plan), agenda)


def _due(name: str, doc: dict[str, Any], plan: dict[str, Any]) -> str:
    record = doc.get("record") or {}
    referral = doc.get("referral") or {}
    if name in ("draft", "planned"):
        if plan.get("due_on"):
            return str(plan["due_on"])
        return f"{plan['due_month']}-01" if plan.get("due_month") else NO_DATE
    if name in ("published", "called-in"):
        return str(record.get("published_on") or NO_DATE)
    if name == "decided":
        return str(record.get("decided_on") or NO_DATE)
    if name == "referred":
        return str(referral.get("meeting_on") or NO_DATE)
    return NO_DATE


@dataclass(frozen=True)
class Row:
    ref: str
    title: str
    maker: str
    stage: str  # the stage's id, e.g. "planned"
    key: str  # "K" key, "-" not key, "?" undetermined
    next_date: str  # "decide 5 Feb 13"
    mark: str  # "!" overdue, "x" blocked, "?" missing, " " none
    state: str  # "overdue" | "blocked" | "missing" | ""
    problems: tuple[str, ...] = ()


def quick_row(ref: str, doc: dict[str, Any]) -> Row:
    """The columns the stored dict gives at once; the rules' next date and marks come later
    (`row_of`), so a screenful of new rows costs a few dict reads, not a few rules checks."""
    key = {True: "K", False: "-", None: "?"}[(doc.get("key") or {}).get("is_key")]
    return Row(ref, doc.get("title", ""), (doc.get("decision_maker") or {}).get("name", ""),
               stage_of_raw(doc), key, "", " ", "")


def _short(day: date) -> str:
    return f"{day.day} {day:%b %y}"


def row_of(decision: Decision, profile: CouncilProfile, today: date) -> Row:
    found = rules.check(decision, profile, today)
    name = stage(decision)
    next_date = ""
    if name in ("draft", "planned") and found.earliest_decision is not None:
        next_date = "decide " + _short(found.earliest_decision.value)
    elif name in ("draft", "planned") and decision.plan.due_on:
        next_date = "due " + _short(decision.plan.due_on)
    elif name in ("published", "called-in") and found.call_in_expires is not None:
        next_date = "call-in " + _short(found.call_in_expires.value)
    elif name == "referred" and decision.referral.meeting_on:
        next_date = "council " + _short(decision.referral.meeting_on)
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
