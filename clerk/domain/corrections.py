"""Correcting a clerical error (a title, a telephone number, a ward) at any stage.

A correction changes one field, says why, and is kept in `Decision.corrections` (and the
journal), so the history shows what was put right. The elements of a published record of
decision are a legal record: they are never corrected; the lawful route is a fresh decision.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from clerk.domain.calendar import fmt_date
from clerk.domain.dates import parse_date
from clerk.domain.decision import Correction, Decision
from clerk.domain.guards import Refused, changed, require

ACTION = "correction"  # the journal action of the correction step

# The fields a clerk may correct: dotted path, the words a clerk reads, and the kind.
CORRECTABLE: tuple[tuple[str, str, str], ...] = (
    ("title", "Title of the decision", "text"),
    ("decision_maker.name", "Decision maker's name", "text"),
    ("decision_maker.title", "Decision maker's title", "text"),
    ("decision_maker.telephone", "Decision maker's telephone", "text"),
    ("plan.summary", "Forward plan summary", "text"),
    ("plan.contact.name", "Contact officer's name", "text"),
    ("plan.contact.title", "Contact officer's job title", "text"),
    ("plan.contact.telephone", "Contact officer's telephone", "text"),
    ("plan.contact.email", "Contact officer's email", "text"),
    ("plan.wards", "Wards affected", "list"),
    ("plan.parishes", "Parishes affected", "list"),
    ("plan.portfolio", "Portfolio", "text"),
    ("plan.documents_available_from", "Where copies of documents can be had", "text"),
    ("report.prepared_by", "Report prepared by", "text"),
    ("report.recommended_by", "Recommendation made by", "text"),
    ("record.decision", "Record: the decision made", "text"),
    ("record.reasons", "Record: the reasons", "text"),
    ("record.alternatives_rejected", "Record: alternatives rejected", "text"),
    ("record.decided_on", "Record: date of the decision", "date"),
)
KINDS = {path: kind for path, _, kind in CORRECTABLE}
WORDS = {path: words for path, words, _ in CORRECTABLE}
# Regulation 13's elements: fixed for good once the record is published.
RECORD_ELEMENTS = ("record.decision", "record.reasons", "record.alternatives_rejected",
                   "record.decided_on", "record.conflicts", "record.no_conflicts")


def shown(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, date):
        return fmt_date(value)
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return str(value)


def _owner(decision: Decision, path: str) -> tuple[Any, str]:
    *parents, name = path.split(".")
    target: Any = decision
    for part in parents:
        target = getattr(target, part)
    return target, name


def correct(decision: Decision, *, today: date, field: str, to: str, reason: str) -> Decision:
    """`decision` with `field` (a dotted path) corrected to `to`, or `Refused`."""
    require(reason=reason)
    record = decision.record
    if field in RECORD_ELEMENTS and record is not None and record.published_on is not None:
        raise Refused(
            f"The record of decision was published on {fmt_date(record.published_on)}: "
            f"{WORDS.get(field, field)} is part of the legal record and is never edited.",
            ["take a fresh decision (a new entry) that replaces it, and record and publish "
             "that"], ["new"])
    if field not in KINDS:
        raise Refused(f"{field!r} cannot be corrected here; the fields that can be are "
                      f"{', '.join(KINDS)}.")
    if field.startswith("record.") and record is None:
        raise Refused("There is no record of decision to correct.")
    kind = KINDS[field]
    new: Any = to.strip()
    if kind == "list":
        new = [part.strip() for part in to.replace(";", ",").split(",") if part.strip()]
    elif kind == "date":
        try:
            new = parse_date(to)
        except ValueError as error:
            raise Refused(str(error)) from None
    elif field in ("title", "decision_maker.name"):
        require(**{field.replace(".", " ").replace("_", " "): new})
    owner, name = _owner(decision, field)
    before = getattr(owner, name)
    if before == new:
        raise Refused(f"{WORDS[field]} is already {shown(new)!r}: there is nothing to correct.")
    out = changed(decision)
    target, _ = _owner(out, field)
    setattr(target, name, new)
    out.corrections.append(Correction(today, field, shown(before), shown(new), reason.strip()))
    return out


def describe(item: Correction) -> str:
    """One correction in words, for the history."""
    return (f"{WORDS.get(item.field, item.field)} corrected from {item.before!r} to "
            f"{item.after!r}: {item.reason}")


def explained(actions: list[str], decision: Decision) -> list[str]:
    """Each journal action of `decision`, oldest first, with each correction's what and why
    (the Nth "correction" entry made the Nth of `decision.corrections`)."""
    made = iter(decision.corrections)
    out = []
    for action in actions:
        item = next(made, None) if action == ACTION else None
        out.append(f"{action}: {describe(item)}" if item is not None else action)
    return out
