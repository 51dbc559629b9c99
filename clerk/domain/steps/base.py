"""What a step is: its words, its fields, its gate, what it changes and its journal action.

A front end never writes a rule, a choice list or a label of its own: the command line
builds its options from `Step.fields` and the app its forms, and both take the step with
`clerk.domain.steps.take`, which asks the gate first and then makes the move.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from clerk.domain.council import CouncilProfile
from clerk.domain.dates import parse_date, parse_month
from clerk.domain.decision import Decision
from clerk.domain.guards import Refused

Values = dict[str, Any]
NO_FLAG = "-"  # a field the command line does not offer as an option of its own
KINDS = ("text", "area", "date", "month", "int", "ints", "list", "choice", "many", "bool")


@dataclass(frozen=True)
class Ctx:
    """What every step may ask besides the decision: the council's rules and today."""

    profile: CouncilProfile
    today: date


@dataclass(frozen=True)
class Choice:
    value: str  # what is stored, and typed on the command line
    words: str  # what the clerk reads


def choices(*pairs: tuple[str, str]) -> tuple[Choice, ...]:
    return tuple(Choice(value, words) for value, words in pairs)


@dataclass(frozen=True)
class Field:
    name: str
    label: str  # plain English, as the form shows it
    kind: str = "text"  # one of KINDS
    required: bool = False
    choices: tuple[Any, ...] = ()  # each a Choice (plain words become Choice(w, w))
    help: str = ""
    flag: str = ""  # the command-line option; "" is --name-with-dashes, NO_FLAG none
    repeat: bool = False  # on the command line, a list is the option repeated
    default: Any = None  # the value when none is recorded or given (None: empty)

    def __post_init__(self) -> None:
        if any(isinstance(c, str) for c in self.choices):  # plain words: value and words
            object.__setattr__(self, "choices", tuple(
                c if isinstance(c, Choice) else Choice(c, c) for c in self.choices))

    @property
    def option(self) -> str:
        return self.flag or "--" + self.name.replace("_", "-")

    @property
    def values(self) -> tuple[str, ...]:
        return tuple(c.value for c in self.choices)

    def words(self, value: Any) -> str:
        """A stored choice in the words a clerk reads."""
        return next((c.words for c in self.choices if c.value == value), str(value))

    def empty(self) -> Any:
        if self.kind in ("list", "ints", "many"):
            return []
        if self.kind == "bool":
            return False
        return None if self.kind in ("date", "int") else ""

    def parse(self, text: Any) -> Any:
        """Typed text to a value, or ValueError with a message to show beside the field."""
        if self.kind == "bool":
            return bool(text)
        if self.kind == "choice":
            if text in (None, "") and self.required:
                raise ValueError("Choose one.")
            if text not in (None, "") and text not in self.values:
                raise ValueError(f"{text!r} is not one of: "
                                 + ", ".join(c.words for c in self.choices) + ".")
            return text or ""
        if self.kind == "many":
            return self._many(text)
        raw = (text or "").strip()
        if not raw:
            if self.required:
                raise ValueError("Required.")
            return self.empty()
        if self.kind == "date":
            return parse_date(raw)
        if self.kind == "month":
            return parse_month(raw)
        if self.kind == "int":
            cleaned = raw.replace(",", "").replace("£", "")
            if not cleaned.lstrip("-").isdigit():
                raise ValueError(f"{raw!r} is not a whole number.")
            return int(cleaned)
        if self.kind == "ints":
            parts = [p.strip() for p in raw.replace(";", ",").split(",") if p.strip()]
            bad = [p for p in parts if not p.isdigit()]
            if bad:
                raise ValueError(f"Not numbers: {', '.join(bad)}.")
            return [int(p) for p in parts]
        if self.kind == "list":
            return [p.strip() for p in raw.replace(";", ",").split(",") if p.strip()]
        return text if self.kind == "area" else raw

    def _many(self, given: Any) -> list[str]:
        """Several choices: ticked values, or typed values or words separated by commas."""
        if isinstance(given, str):
            given = [p.strip() for p in given.replace(";", ",").split(",") if p.strip()]
        by_words = {c.words.casefold(): c.value for c in self.choices}
        out, bad = [], []
        for item in given or []:
            value = item if item in self.values else by_words.get(str(item).casefold())
            if value is None:
                bad.append(str(item))
            elif value not in out:
                out.append(value)
        if bad:
            raise ValueError(f"Not one of the choices: {', '.join(bad)}.")
        if not out and self.required:
            raise ValueError("Choose at least one.")
        return out


Gate = Callable[[Decision, Ctx], "Refused | None"]
Change = Callable[[Decision, Values, Ctx], Decision]
Read = Callable[[Decision, Ctx], Values]


def _allowed(decision: Decision, ctx: Ctx) -> Refused | None:
    return None


def _nothing(decision: Decision, ctx: Ctx) -> Values:
    return {}


@dataclass(frozen=True)
class Step:
    """One lifecycle step, defined once for both front ends."""

    id: str  # "decide": the app's key id is decision.<id>
    label: str  # the form's title and the Steps list's words
    help: str  # what it records, in a sentence (the command's help)
    action: str  # the journal action written when it is saved
    fields: tuple[Field, ...]
    change: Change  # the move of clerk.domain it makes, given every field's value
    gate: Gate = _allowed  # why not now (None: allowed), with the routes that work
    current: Read = _nothing  # what is recorded, as field values (both front ends start here)
    suggest: Read = _nothing  # the form's first guesses on top (today's date, ...)
    confirm: str = ""  # asked before saving a step that cannot be undone
    command: str = ""  # the command-line name; "" is the id, NO_FLAG none
    action_of: Callable[[Values], str] | None = None  # an action that names what was done
    # A choice made in the form: the values the fields that follow from it start from.
    refill: Callable[[Decision, Ctx, str, Any], Values] | None = None

    def action_for(self, values: Values) -> str:
        """The journal action for a step taken with `values`."""
        return self.action_of(values) if self.action_of else self.action

    @property
    def command_name(self) -> str | None:
        if self.command == NO_FLAG:
            return None
        return self.command or self.id

    def field(self, name: str) -> Field:
        return next(f for f in self.fields if f.name == name)

    def start(self, decision: Decision, ctx: Ctx, *, suggest: bool = True) -> Values:
        """Every field's starting value: empty, then what is recorded, then the guesses."""
        out = {f.name: f.empty() if f.default is None else f.default for f in self.fields}
        out |= {k: v for k, v in self.current(decision, ctx).items() if k in out}
        if suggest:
            out |= {k: v for k, v in self.suggest(decision, ctx).items()
                    if out.get(k) in (None, "", [])}
        return out

    def take(self, decision: Decision, values: Values, ctx: Ctx) -> Decision:
        """The changed decision, or `Refused`; the gate is asked first by
        `clerk.domain.steps.take`, which front ends call."""
        missing = [f.label for f in self.fields if f.required and f.kind != "bool"
                   and values.get(f.name) in (None, "", [])]
        if missing:
            raise Refused(f"Missing: {'; '.join(missing)}.")
        return self.change(decision, dict(values), ctx)


def refused_by(reason: str | None, routes: tuple[tuple[str, str], ...] = ()) -> Refused | None:
    """A gate's answer: `routes` are (step id, words) pairs, each a step that can be taken."""
    if not reason:
        return None
    return Refused(reason, [words for _, words in routes], [sid for sid, _ in routes if sid])
