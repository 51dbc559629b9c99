"""What a register list filters and sorts on, derived from a stored decision dict.

Defined once, here: the store's checkpoint keeps these fields of every decision beside the
file (so a large register's list can filter at once after opening) and the TUI derives
the same for decisions saved since. Pure: no store, no textual.
"""

from __future__ import annotations

from typing import Any, NamedTuple

from clerk.domain.lifecycle import stage_of_raw

NO_DATE = "9999-12-31"


class Entry(NamedTuple):
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
