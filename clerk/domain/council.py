"""The council profile: every local choice the constitution makes, never a constant in code.

Written by a clerk as TOML (see `data/councils/maidstone.toml` and the README), read with
`tomllib`, validated here, and kept inside the register so a register always carries the
rules it was kept under.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from clerk.domain.calendar import CLEAR_DAY_MODES, Calendar
from clerk.domain.decision import Person, from_plain, to_plain
from clerk.domain.validate import problems_in


class ProfileError(ValueError):
    """A council profile that cannot be used; the message lists every problem."""


# The notice periods the 2012 Regulations fix: a profile may lengthen them, never shorten.
STATUTORY_MINIMUMS: tuple[tuple[str, int, str], ...] = (
    ("forward_plan_days", 28, "reg 9"),
    ("general_exception_days", 5, "reg 10"),
    ("private_notice_days", 28, "reg 5"),
    ("private_confirmation_days", 5, "reg 5"),
)
# Beyond these a period is a typing slip, and counting it would run for ever.
LONGEST: tuple[tuple[str, int], ...] = (
    ("forward_plan_days", 366), ("general_exception_days", 366),
    ("private_notice_days", 366), ("private_confirmation_days", 366),
    ("call_in_working_days", 60), ("record_target_working_days", 60),
)


@dataclass
class ExecutiveMember:
    name: str = ""
    title: str = ""  # "Cabinet Member for Community Services"
    portfolio: str = ""
    telephone: str = ""
    email: str = ""


@dataclass
class ExtraHoliday:
    day: date | None = None
    name: str = "Council holiday"


@dataclass
class CouncilProfile:
    name: str = ""
    address: str = ""
    website: str = ""
    # reg 8: key decision thresholds in pounds (0 = not used)
    key_threshold_pounds: int = 0
    key_revenue_threshold_pounds: int = 0
    key_capital_threshold_pounds: int = 0
    key_contract_threshold_pounds: int = 0
    key_ward_rule: int = 2  # significant effects on this many wards or more
    always_key: list[str] = field(default_factory=list)
    # notice periods
    clear_days: str = "calendar"  # "calendar" or "working"
    forward_plan_days: int = 28
    general_exception_days: int = 5
    private_notice_days: int = 28
    private_confirmation_days: int = 5
    # call-in (s9F, local rules)
    call_in_working_days: int = 5
    call_in_cut_off: str = "17:00"
    call_in_signatories: int = 3
    call_in_scrutiny_chair_alone: bool = False
    # regs 12-13: the council's target for publishing the record of decision
    record_target_working_days: int = 2
    policy_framework: list[str] = field(default_factory=list)
    executive: list[ExecutiveMember] = field(default_factory=list)
    officers: list[Person] = field(default_factory=list)
    scrutiny_chair: Person = field(default_factory=Person)
    chairman: Person = field(default_factory=Person)
    vice_chairman: Person = field(default_factory=Person)
    head_of_paid_service: Person = field(default_factory=Person)
    # The proper officer for access to information: named on the reg 5, 10 and 11 notices.
    proper_officer: Person = field(default_factory=Person)
    wards: list[str] = field(default_factory=list)
    parishes: list[str] = field(default_factory=list)
    extra_holidays: list[ExtraHoliday] = field(default_factory=list)

    @property
    def cut_off(self) -> time:
        return time.fromisoformat(self.call_in_cut_off)

    def calendar(self) -> Calendar:
        return Calendar((h.day, h.name) for h in self.extra_holidays if h.day)

    def problems(self) -> list[str]:
        """Everything wrong with the profile, each as a sentence a clerk can act on."""
        found = []
        if not self.name.strip():
            found.append("The council's name is missing: set name = \"...\".")
        if self.clear_days not in CLEAR_DAY_MODES:
            found.append(f"clear_days is {self.clear_days!r}: use \"calendar\" or \"working\".")
        try:
            time.fromisoformat(self.call_in_cut_off)
        except ValueError:
            found.append(f"call_in_cut_off is {self.call_in_cut_off!r}: use a time such as 17:00.")
        for name, floor, law in STATUTORY_MINIMUMS:
            days = getattr(self, name)
            if days < floor:
                found.append(f"{name} is {days}: the law requires at least {floor} clear days "
                             f"({law}); a constitution may lengthen it, never shorten it.")
        if self.call_in_working_days < 1:
            found.append("call_in_working_days must be a whole number of days, 1 or more.")
        for name, most in LONGEST:
            days = getattr(self, name)
            if days > most:
                found.append(f"{name} is {days}: more than {most} days cannot be a notice or "
                             "call-in period; check the number.")
        if self.call_in_signatories < 1:
            found.append("call_in_signatories must be 1 or more.")
        if self.key_ward_rule < 1:
            found.append("key_ward_rule must be 1 or more (the number of wards).")
        elif self.key_ward_rule > 2:
            found.append(f"key_ward_rule is {self.key_ward_rule}: the law makes a decision key "
                         "when it significantly affects two or more wards (reg 8); a council "
                         "may say 1, never more than 2.")
        for name in ("key_threshold_pounds", "key_revenue_threshold_pounds",
                     "key_capital_threshold_pounds", "key_contract_threshold_pounds"):
            if getattr(self, name) < 0:
                found.append(f"{name} cannot be negative.")
        if self.record_target_working_days < 0:
            found.append("record_target_working_days must be 0 or more (working days after "
                         "the decision).")
        return found

    def to_dict(self) -> dict[str, Any]:
        plain: dict[str, Any] = to_plain(self)
        return plain

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> CouncilProfile:
        return _build(data, "the register's council profile")


def _build(data: Any, source: str) -> CouncilProfile:
    if not isinstance(data, dict):
        raise ProfileError(f"{source}: expected settings (name = \"...\" and so on).")
    data = _normalise(data)
    unknown = sorted(set(data) - set(CouncilProfile.__dataclass_fields__))
    if unknown:
        raise ProfileError(f"{source}: unknown setting(s) {', '.join(unknown)}.")
    wrong = [_say(problem, data) for problem in problems_in(CouncilProfile, data)]
    if wrong:
        raise ProfileError(f"{source}: " + "; ".join(wrong) + ".")
    try:
        profile = from_plain(CouncilProfile, data)
    except (TypeError, ValueError) as error:
        raise ProfileError(f"{source}: {error}") from None
    problems = profile.problems()
    if problems:
        raise ProfileError(f"{source}: " + " ".join(problems))
    return profile


def _say(problem: str, data: dict[str, Any]) -> str:
    """A type problem from `validate` in a profile's words, with the value found."""
    where, _, what = problem.partition(": ")
    if where == "call_in_cut_off":
        return f"call_in_cut_off is {data[where]!r}: use a time such as \"17:00\""
    if what.startswith("expected an object"):
        table = f"[[{where.split('[')[0]}]]" if "[" in where else f"[{where}]"
        what = f"expected a table ({table} with name = \"...\")"
    elif what == "expected a list":
        what = f"expected a list in square brackets, e.g. {where} = [\"...\", \"...\"]"
    if where in data and not isinstance(data[where], (dict, list)):
        what += f", found {data[where]!r}"
    return f"{where}: {what}"


def _normalise(data: dict[str, Any]) -> dict[str, Any]:
    """TOML gives real dates and times; the profile keeps them as ISO text."""
    out = dict(data)
    if isinstance(out.get("call_in_cut_off"), time):
        out["call_in_cut_off"] = out["call_in_cut_off"].strftime("%H:%M")
    holidays = out.get("extra_holidays")
    if isinstance(holidays, list):
        out["extra_holidays"] = [_iso_day(item) for item in holidays]
    return out


def _iso_day(item: Any) -> Any:
    if isinstance(item, dict) and isinstance(item.get("day"), date) and \
            not isinstance(item["day"], datetime):
        return {**item, "day": item["day"].isoformat()}
    return item


def load_profile(path: Path) -> CouncilProfile:
    """Read a council profile TOML file, or raise ProfileError saying what is wrong."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise ProfileError(f"Cannot read council profile {path}: {error.strerror}.") from None
    except UnicodeDecodeError:
        raise ProfileError(f"Council profile {path} is not UTF-8 text: save it as UTF-8 "
                           "and try again.") from None
    import tomllib  # only profiles read from a file need it

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise ProfileError(f"Council profile {path} is not valid TOML: {error}.") from None
    return _build(data, f"Council profile {path}")
