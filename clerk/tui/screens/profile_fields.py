"""Every field of the council profile in words: the editor's fields, the view, the changes.

People and lists of people are typed one a line, parts separated by `|` (as conflicts of
interest are in the record's form): a single field (the scrutiny chair) is one such line.
A field the profile gains later is still shown and edited, under its name in words.
"""

from __future__ import annotations

import copy
from dataclasses import fields as dc_fields
from datetime import date
from typing import Any

from clerk.domain.calendar import CLEAR_DAY_MODES, fmt_date
from clerk.domain.council import CouncilProfile, ExecutiveMember, ExtraHoliday
from clerk.domain.dates import parse_date
from clerk.domain.decision import Person
from clerk.tui.screens.forms.fields import Field

F = Field
PERSON_PARTS = ("name", "title", "telephone", "email")
MEMBER_PARTS = ("name", "title", "portfolio", "telephone", "email")
PEOPLE = {"scrutiny_chair": "Chair of the scrutiny committee",
          "chairman": "Chairman of the council", "vice_chairman": "Vice-chairman",
          "head_of_paid_service": "Head of paid service",
          "proper_officer": "Proper officer (access to information)"}
KNOWN = [
    F("name", "Council name", required=True), F("address", "Address"), F("website", "Website"),
    F("key_threshold_pounds", "Key decision threshold (£)", "int", True),
    F("key_revenue_threshold_pounds", "Revenue threshold (£, 0 = none)", "int"),
    F("key_capital_threshold_pounds", "Capital threshold (£, 0 = none)", "int"),
    F("key_contract_threshold_pounds", "Contract threshold (£, 0 = none)", "int"),
    F("key_ward_rule", "Key if significant in this many wards or more", "int", True),
    F("always_key", "Categories always key", "list"),
    F("clear_days", "Clear days counted as", "choice", True, CLEAR_DAY_MODES),
    F("forward_plan_days", "Forward plan notice (clear days)", "int", True),
    F("general_exception_days", "General exception notice (clear days)", "int", True),
    F("private_notice_days", "Private meeting notice (clear days)", "int", True),
    F("private_confirmation_days", "Private meeting confirmation (clear days)", "int", True),
    F("record_target_working_days", "Record published within (working days)", "int"),
    F("call_in_working_days", "Call-in period (working days)", "int", True),
    F("call_in_cut_off", "Call-in expires at (HH:MM)", required=True),
    F("call_in_signatories", "Members needed to call in", "int", True),
    F("call_in_scrutiny_chair_alone", "The scrutiny chair alone may call in", "bool"),
    F("policy_framework", "Budget and policy framework plans", "list"),
    *(F(who, label, help="name | title | telephone | email") for who, label in PEOPLE.items()),
    F("executive", "Executive members", "area",
      help="One a line: name | title | portfolio | telephone | email"),
    F("officers", "Officers", "area", help="One a line: name | title | telephone | email"),
    F("wards", "Wards", "list"), F("parishes", "Parishes", "list"),
    F("extra_holidays", "Days the council is closed (beyond bank holidays)", "area",
      help="One a line: date | name, e.g. 24/12/2026 | Christmas Eve closure"),
]


def _words(name: str) -> str:
    return name.replace("_", " ").capitalize()


def profile_fields(profile: CouncilProfile) -> list[Field]:
    """The editor's fields: every field the profile has, in a clerk's order."""
    names = {f.name for f in dc_fields(profile)}
    out = [f for f in KNOWN if f.name in names]
    listed = {f.name for f in out}
    for f in dc_fields(profile):  # a field added to the profile later
        if f.name not in listed:
            value = getattr(profile, f.name)
            kind = {bool: "bool", int: "int", list: "list"}.get(type(value), "text")
            out.append(F(f.name, _words(f.name), kind))
    return out


def _line(obj: Any, parts: tuple[str, ...]) -> str:
    values = [str(getattr(obj, p, "") or "") for p in parts]
    while values and not values[-1]:
        values.pop()
    return " | ".join(values)


def _split(line: str, parts: tuple[str, ...], what: str) -> dict[str, str]:
    values = [v.strip() for v in line.split("|")]
    if len(values) > len(parts):
        raise ValueError(f"{what}: {line.strip()!r} has more than {len(parts)} parts "
                         f"({' | '.join(parts)}).")
    return dict(zip(parts, values, strict=False))


def profile_values(profile: CouncilProfile) -> dict[str, Any]:
    """The profile as the editor's fields hold it."""
    out: dict[str, Any] = {}
    for f in profile_fields(profile):
        value = getattr(profile, f.name)
        if f.name in PEOPLE:
            out[f.name] = _line(value, PERSON_PARTS)
        elif f.name == "executive":
            out[f.name] = "\n".join(_line(m, MEMBER_PARTS) for m in value)
        elif f.name == "officers":
            out[f.name] = "\n".join(_line(p, PERSON_PARTS) for p in value)
        elif f.name == "extra_holidays":
            out[f.name] = "\n".join(f"{h.day:%d/%m/%Y} | {h.name}" for h in value if h.day)
        else:
            out[f.name] = value
    return out


def edited(profile: CouncilProfile, values: dict[str, Any]) -> CouncilProfile:
    """The profile with the form's values, or ValueError listing every problem."""
    out = copy.deepcopy(profile)
    problems: list[str] = []
    for name, value in values.items():
        try:
            if name in PEOPLE:
                setattr(out, name, Person(**_split(value, PERSON_PARTS, PEOPLE[name])))
            elif name == "executive":
                out.executive = [ExecutiveMember(**_split(line, MEMBER_PARTS, "Executive"))
                                 for line in value.splitlines() if line.strip()]
            elif name == "officers":
                out.officers = [Person(**_split(line, PERSON_PARTS, "Officers"))
                                for line in value.splitlines() if line.strip()]
            elif name == "extra_holidays":
                out.extra_holidays = [_holiday(line) for line in value.splitlines()
                                      if line.strip()]
            else:
                setattr(out, name, value)
        except ValueError as problem:
            problems.append(str(problem))
    problems += out.problems()
    if problems:
        raise ValueError(" ".join(problems))
    return out


def _holiday(line: str) -> ExtraHoliday:
    day, _, name = line.partition("|")
    try:
        return ExtraHoliday(parse_date(day), name.strip() or "Council holiday")
    except ValueError as problem:
        raise ValueError(f"Closed days: {problem}") from None


def shown(name: str, value: Any) -> str:
    """A profile value in words."""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, int) and name.endswith("_pounds"):
        return f"£{value:,}" if value else "none"
    if isinstance(value, Person | ExecutiveMember):
        return ", ".join(v for v in (value.name, value.title) if v) or "—"
    if isinstance(value, ExtraHoliday):
        return f"{fmt_date(value.day)} ({value.name})"
    if isinstance(value, date):
        return fmt_date(value)
    if isinstance(value, list):
        return "; ".join(shown(name, v) for v in value) or "—"
    if name == "clear_days":
        return {"calendar": "calendar days", "working": "working days"}.get(value, value)
    return str(value) or "—"


def describe(profile: CouncilProfile) -> list[tuple[str, str]]:
    """(label, value in words) for every field of the profile."""
    return [(f.label, shown(f.name, getattr(profile, f.name)))
            for f in profile_fields(profile)]


def changes(before: CouncilProfile, after: CouncilProfile) -> list[str]:
    """What a save would change, one line a field: 'Label: before → after'."""
    out = []
    for f in profile_fields(after):
        old, new = getattr(before, f.name, None), getattr(after, f.name)
        if old != new:
            out.append(f"{f.label}: {shown(f.name, old)} → {shown(f.name, new)}")
    return out
