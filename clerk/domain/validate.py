"""Strict checking of a plain dict before it is let into a register: the one place that
says what a stored value may be.

`Decision.from_dict` trusts what the register wrote; a save, an import file and the command
line are not trusted. Here every field is checked against the model's types, against the
choices the domain allows (a decision maker's kind, Schedule 12A paragraphs, exempt field
names, references in clerk's form...) and against the limits below, and every problem is
reported with its path, so a clerk can fix a file in one pass.

The limits keep every value something clerk can show and print in bounded time (a notice
lays out a paragraph in time that grows faster than its length):

- a title at most 500 characters: it heads every notice and fills one line of the forward
  plan; real titles run to about 150;
- a name, role, telephone number or email (a person, a decision maker, who agreed, who
  wrote) at most 200 characters, and a document's, ward's or category's name at most 500:
  they are set in the narrow cells of a notice's tables, and a cell taller than a page
  keeps reportlab splitting it for minutes;
- any other text at most 20,000 characters: about eight printed pages, more than any
  section of a report or a record of decision needs (a longer document is a background
  paper, listed by name);
- a list (or a table such as the implications) at most 1,000 items: a thousand comments,
  documents or wards is more than any decision has; the notices published for one
  decision, which clerk adds itself each time one is printed, at most 10,000;
- a whole number from 0 to 10**15 (a thousand million million pounds; JSON readers keep
  integers exact up to about 9 * 10**15);
- a date in the years a register covers (the same as the command line accepts).
"""

from __future__ import annotations

import dataclasses
import re
import types
import typing
from collections.abc import Callable
from datetime import date
from typing import Any

from clerk.domain.dates import EARLIEST_YEAR, LATEST_YEAR
from clerk.domain.decision import (
    CALL_IN_OUTCOMES,
    COMMENT_CHANNELS,
    COUNCIL_OUTCOMES,
    DECISION_MAKER_KINDS,
    IMPLICATIONS,
    URGENCY_ROLES,
    _hints,
)
from clerk.domain.exempt import EXEMPTABLE_FIELDS
from clerk.domain.refs import ref_problem

MAX_TITLE = 500
MAX_NAME = 200
MAX_TEXT = 20_000
MAX_ITEMS = 1_000
MAX_NOTICES = 10_000
MAX_WHOLE_NUMBER = 10**15
# Which text fields (or, for a list, each item) have a limit of their own, by (class name,
# field name); "*" stands for every text field of the class.
TEXT_LIMITS = {
    ("Decision", "title"): MAX_TITLE,
    **{key: MAX_NAME for key in (
        ("Person", "*"), ("ExecutiveMember", "*"), ("DecisionMaker", "name"),
        ("DecisionMaker", "title"), ("DecisionMaker", "telephone"),
        ("DecisionMaker", "members"), ("Comment", "author"), ("Comment", "organisation"),
        ("SpecialUrgency", "agreed_by"), ("PrivateUrgency", "agreed_by"),
        ("Conflict", "member"), ("Report", "recommended_by"), ("Report", "prepared_by"),
        ("ForwardPlanEntry", "portfolio"), ("CallInRequest", "members"),
        ("Referral", "minute"))},
    **{key: MAX_TITLE for key in (
        ("ForwardPlanEntry", "documents"), ("ForwardPlanEntry", "wards"),
        ("ForwardPlanEntry", "parishes"), ("KeyDecision", "categories"),
        ("Report", "appendices"), ("Report", "background_documents"),
        ("Record", "background_papers"))},
}
ITEM_LIMITS = {("Decision", "notices"): MAX_NOTICES}

_CONTROL = {chr(c) for c in range(32)} - {"\n", "\t", "\r"}
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_MONTH = re.compile(r"[0-9]{4}-[0-9]{2}")
_TIME = re.compile(r"[0-9]{2}:[0-9]{2}")


def _one_of(choices: typing.Iterable[str]) -> Callable[[Any], str | None]:
    allowed = tuple(choices)

    def check(value: Any) -> str | None:
        if value in allowed:
            return None
        shown = ", ".join(repr(c) for c in allowed if c) or "nothing"
        return f"{_short(value)} is not one of {shown}"

    return check


def _paragraph(value: Any) -> str | None:
    return None if 1 <= value <= 7 else f"{value} is not a paragraph of Schedule 12A (1 to 7)"


def _exempt_field(value: Any) -> str | None:
    if value in EXEMPTABLE_FIELDS:
        return None
    return (f"{_short(value)} is not a field that may be marked exempt (see `clerk private "
            "--help`)")


def _month(value: Any) -> str | None:
    if value == "":
        return None
    if _MONTH.fullmatch(value) and 1 <= int(value[5:]) <= 12 and \
            EARLIEST_YEAR <= int(value[:4]) <= LATEST_YEAR:
        return None
    return f"{_short(value)} is not a month as YYYY-MM"


def _time(value: Any) -> str | None:
    if value == "" or (_TIME.fullmatch(value) and int(value[:2]) < 24 and int(value[3:]) < 60):
        return None
    return f"{_short(value)} is not a time as HH:MM (24 hours)"


_ROLES = _one_of(URGENCY_ROLES)
# What a value must be beyond its type, by (class name, field name); a list's rule applies
# to each item. Classes a branch has not defined yet simply never match.
VALUE_RULES: dict[tuple[str, str], Callable[[Any], str | None]] = {
    ("Decision", "ref"): ref_problem,
    ("Decision", "exempt_fields"): _exempt_field,
    ("DecisionMaker", "kind"): _one_of(DECISION_MAKER_KINDS),
    ("ForwardPlanEntry", "due_month"): _month,
    ("Comment", "channel"): _one_of(COMMENT_CHANNELS),
    ("SpecialUrgency", "role"): _ROLES,
    ("PrivateUrgency", "role"): _ROLES,
    ("PrivateConsideration", "paragraphs"): _paragraph,
    ("CallIn", "outcome"): _one_of(("", *CALL_IN_OUTCOMES)),
    ("CallInRequest", "received_time"): _time,
    ("Referral", "outcome"): _one_of(("", *COUNCIL_OUTCOMES)),
}
# Keys a table may have, by (class name, field name).
KEY_RULES: dict[tuple[str, str], Callable[[Any], str | None]] = {
    ("Report", "implications"): _one_of(key for key, _ in IMPLICATIONS),
}


def problems_in(cls: type, data: Any, where: str = "") -> list[str]:
    """Every way `data` fails to be a valid plain form of dataclass `cls`."""
    if not isinstance(data, dict):
        return [f"{where or 'record'}: expected an object, found {_kind(data)}"]
    hints = _hints(cls)
    found = []
    for name in data:
        if name not in hints:
            found.append(f"{_join(where, _short(name, quote=False))}: unknown field")
            if len(found) > MAX_ITEMS:  # a record of a million keys need not list them all
                return found
    for name, tp in hints.items():
        if name in data:
            key = (cls.__name__, name)
            found.extend(_check(tp, data[name], _join(where, name), key))
    return found


def _join(where: str, name: str) -> str:
    return f"{where}.{name}" if where else name


def _short(value: Any, quote: bool = True) -> str:
    """A value as it may appear in a one-line message: at most about 40 characters."""
    if isinstance(value, str) and len(value) > 40:
        value = value[:40] + "..."
    text = repr(value) if quote or not isinstance(value, str) else value
    return text if len(text) <= 60 else text[:60] + "..."


def _kind(value: Any) -> str:
    names = {dict: "an object", list: "a list", str: "text", bool: "true or false",
             int: "a number", float: "a number", type(None): "null"}
    return names.get(type(value), type(value).__name__)


def _check(tp: Any, value: Any, where: str, key: tuple[str, str]) -> list[str]:
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        args = typing.get_args(tp)
        if value is None:
            return [] if type(None) in args else [f"{where}: may not be empty"]
        inner = [a for a in args if a is not type(None)]
        return _check(inner[0], value, where, key)
    if origin is list:
        if not isinstance(value, list):
            return [f"{where}: expected a list, found {_kind(value)}"]
        limit = ITEM_LIMITS.get(key, MAX_ITEMS)
        if len(value) > limit:
            return [f"{where}: at most {limit:,} items (found {len(value):,})"]
        (item,) = typing.get_args(tp)
        return [p for i, v in enumerate(value) for p in _check(item, v, f"{where}[{i}]", key)]
    if origin is dict:
        if not isinstance(value, dict):
            return [f"{where}: expected an object, found {_kind(value)}"]
        if len(value) > MAX_ITEMS:
            return [f"{where}: at most {MAX_ITEMS:,} entries (found {len(value):,})"]
        _, item = typing.get_args(tp)
        key_rule = KEY_RULES.get(key)
        found = []
        for k, v in value.items():
            at = f"{where}.{_short(k, quote=False)}"
            problem = key_rule(k) if key_rule else None
            found.extend([f"{at}: unknown entry"] if problem else _check(item, v, at, key))
        return found
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        return problems_in(tp, value, where)
    found = _check_atom(tp, value, where, key)
    if not found and key in VALUE_RULES:
        problem = VALUE_RULES[key](value)
        if problem:
            found.append(f"{where}: {problem}")
    return found


def _check_atom(tp: Any, value: Any, where: str, key: tuple[str, str]) -> list[str]:
    if tp is date:
        if not isinstance(value, str):
            return [f"{where}: expected a date as YYYY-MM-DD, found {_kind(value)}"]
        try:
            day = date.fromisoformat(value) if _DATE.fullmatch(value) else None
        except ValueError:
            day = None
        if day is None:
            return [f"{where}: {_short(value)} is not a date (YYYY-MM-DD)"]
        if not EARLIEST_YEAR <= day.year <= LATEST_YEAR:
            return [f"{where}: {value} is outside the years a register covers "
                    f"({EARLIEST_YEAR} to {LATEST_YEAR})"]
        return []
    if tp is bool:
        ok = isinstance(value, bool)
        return [] if ok else [f"{where}: expected true or false, found {_kind(value)}"]
    if tp is int:
        if not isinstance(value, int) or isinstance(value, bool):
            return [f"{where}: expected a whole number, found {_kind(value)}"]
        if not 0 <= value <= MAX_WHOLE_NUMBER:
            return [f"{where}: must be a whole number from 0 to {MAX_WHOLE_NUMBER:,}"]
        return []
    if tp is str:
        limit = TEXT_LIMITS.get(key) or TEXT_LIMITS.get((key[0], "*"), MAX_TEXT)
        return _text_problems(value, where, limit)
    return []


def _text_problems(value: Any, where: str, limit: int) -> list[str]:
    if not isinstance(value, str):
        return [f"{where}: expected text, found {_kind(value)}"]
    if len(value) > limit:
        advice = " or list the full text as a background paper" if limit == MAX_TEXT else ""
        return [f"{where}: at most {limit:,} characters (found {len(value):,}): shorten it"
                f"{advice}"]
    if not value.isascii():
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:  # a lone surrogate: undecodable bytes from outside
            return [f"{where}: is not valid UTF-8 text"]
    bad = sorted({repr(c) for c in value if c in _CONTROL})
    return [f"{where}: contains control characters {', '.join(bad)}"] if bad else []
