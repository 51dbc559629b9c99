"""The Decision and its parts: everything a clerk records about an executive decision.

Plain dataclasses, serialised to and from JSON-ready dicts by `to_dict`/`from_dict`.
Dates are `datetime.date` in memory and ISO strings on disk. Nothing here knows the
rules (see `rules.py`) or how the record is stored (see `clerk.store`).
"""

from __future__ import annotations

import dataclasses
import types
import typing
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, TypeVar

# The nine "other implications" of the seed report, in the order the report prints them.
IMPLICATIONS: tuple[tuple[str, str], ...] = (
    ("financial", "Financial"),
    ("staffing", "Staffing"),
    ("legal", "Legal"),
    ("equality", "Equality Impact Needs Assessment"),
    ("environmental", "Environmental/Sustainable Development"),
    ("community_safety", "Community Safety"),
    ("human_rights", "Human Rights Act"),
    ("procurement", "Procurement"),
    ("asset_management", "Asset Management"),
)

DECISION_MAKER_KINDS = ("member", "cabinet", "committee", "officer")
URGENCY_ROLES = ("scrutiny-chair", "chairman", "vice-chairman")
# The words a clerk reads for each stored token (the rulebook's choices and every sentence).
ROLE_WORDS = {"scrutiny-chair": "Scrutiny committee chair",
              "chairman": "Chairman of the council",
              "vice-chairman": "Vice-chairman of the council"}
CALL_IN_OUTCOMES = ("no-further-action", "referred-back", "referred-to-council")
COUNCIL_OUTCOMES = ("endorsed", "amended", "not-endorsed", "deferred")
COUNCIL_OUTCOME_WORDS = {"endorsed": "Endorsed", "amended": "Endorsed with amendments",
                         "not-endorsed": "Not endorsed", "deferred": "Deferred to a later meeting"}
FINAL_COUNCIL_OUTCOMES = ("endorsed", "amended", "not-endorsed")  # deferred is not final
COMMENT_CHANNELS = ("email", "letter", "telephone", "in person", "online", "scrutiny", "other")
# Which threshold an amount is compared with (reg 8; "" when the council has one threshold).
AMOUNT_KINDS = ("revenue", "capital", "contract")


def in_words(words: dict[str, str], token: str) -> str:
    """A stored token as a clerk reads it mid-sentence: "scrutiny committee chair"."""
    text = words.get(token, token)
    return text[:1].lower() + text[1:]


class Part:
    """What every class below shares, written once: equality field by field (as dataclass
    compares) and a readable repr. dataclass would write and compile both for each of the
    17 classes, about 3 ms of every start of the app and of every command."""

    __hash__ = None  # type: ignore[assignment]  # mutable records are not hashable

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return vars(self) == vars(other)

    def __repr__(self) -> str:
        shown = ", ".join(f"{f.name}={getattr(self, f.name)!r}"
                          for f in dataclasses.fields(self))  # type: ignore[arg-type]
        return f"{type(self).__qualname__}({shown})"


@dataclass(eq=False, repr=False)
class Person(Part):
    name: str = ""
    title: str = ""  # job title or role, e.g. "Community Partnerships Manager"
    telephone: str = ""
    email: str = ""


@dataclass(eq=False, repr=False)
class DecisionMaker(Part):
    """Who takes the decision: an executive member, the Cabinet, a committee, an officer."""

    name: str = ""  # "Cllr John A Wilson", "Cabinet", "Head of Housing"
    title: str = ""  # "Cabinet Member for Community Services"
    kind: str = "member"  # one of DECISION_MAKER_KINDS
    telephone: str = ""
    members: list[str] = field(default_factory=list)  # for a body

    def describe(self) -> str:
        return f"{self.name}, {self.title}" if self.title else self.name


@dataclass(eq=False, repr=False)
class ForwardPlanEntry(Part):
    """The notice of key decision (reg 9)."""

    summary: str = ""
    due_on: date | None = None  # a date, or
    due_month: str = ""  # "2013-02" when only the month is known
    contact: Person = field(default_factory=Person)
    consultees: str = ""
    consultation_method: str = ""
    documents: list[str] = field(default_factory=list)
    documents_available_from: str = ""
    other_documents_how: str = ""  # how to ask for other documents submitted
    all_wards: bool = False
    wards: list[str] = field(default_factory=list)
    parishes: list[str] = field(default_factory=list)
    portfolio: str = ""
    representations_deadline: date | None = None
    # The legal fact: when the entry first appeared. Set once, never overwritten.
    first_published: date | None = None
    # Each later republication of the plan that carried the entry (for the history).
    republished: list[date] = field(default_factory=list)


@dataclass(eq=False, repr=False)
class KeyDecision(Part):
    """Reg 8: is it key, and why. `is_key` None means not yet determined."""

    is_key: bool | None = None
    reason: str = ""  # "This is a Key Decision because ..."
    amount_pounds: int | None = None
    wards_affected: int | None = None
    categories: list[str] = field(default_factory=list)
    amount_kind: str = ""  # one of AMOUNT_KINDS, or "" for the council's single threshold
    # Why it is treated as not key although the council's own definition makes it key.
    departure_reason: str = ""
    departure_reviewed: bool = False


@dataclass(eq=False, repr=False)
class Report(Part):
    """The decision report: every section of the seed."""

    key_issue: str = ""
    recommendation: str = ""
    recommended_by: str = ""  # "Head of Housing and Community Services"
    reasons: str = ""
    alternatives: str = ""  # alternative action and why not recommended
    corporate_objectives: str = ""
    risk_management: str = ""
    implications: dict[str, str] = field(default_factory=dict)  # keys from IMPLICATIONS
    conclusions: str = ""
    appendices: list[str] = field(default_factory=list)
    background_documents: list[str] = field(default_factory=list)
    prepared_by: str = ""
    issued_on: date | None = None


@dataclass(eq=False, repr=False)
class Comment(Part):
    """A representation received, or a scrutiny committee recommendation."""

    author: str = ""
    organisation: str = ""  # or parish
    received_on: date | None = None
    channel: str = "email"
    text: str = ""
    response: str = ""


@dataclass(eq=False, repr=False)
class Consultation(Part):
    opens_on: date | None = None
    closes_on: date | None = None
    no_comments_received: bool = False  # "no feedback was received" is an outcome


@dataclass(eq=False, repr=False)
class GeneralException(Part):
    """Reg 10: 28 days' notice impracticable; scrutiny chair told, 5 clear days."""

    chair_informed_on: date | None = None
    notice_published: date | None = None
    reasons: str = ""
    reasons_notice_published: date | None = None


@dataclass(eq=False, repr=False)
class SpecialUrgency(Part):
    """Reg 11: urgent and cannot reasonably be deferred; who agreed."""

    agreed_by: str = ""
    role: str = "scrutiny-chair"  # one of URGENCY_ROLES
    agreed_on: date | None = None
    reasons: str = ""
    notice_published: date | None = None  # the reasons notice (None: not yet published)
    # Why the scrutiny chair (and, for the vice-chairman, the chairman) could not act, or
    # that there is none, as the clerk recorded it; "" when the scrutiny chair agreed.
    earlier_unable: str = ""


@dataclass(eq=False, repr=False)
class PrivateUrgency(Part):
    """Reg 5(6)-(7): a private meeting without 28 clear days' notice, agreed as urgent."""

    agreed_by: str = ""
    role: str = "scrutiny-chair"  # one of URGENCY_ROLES, in the same order as reg 11
    earlier_unable: str = ""
    agreed_on: date | None = None
    reasons: str = ""
    notice_published: date | None = None  # the reg 5(7) reasons notice


@dataclass(eq=False, repr=False)
class PrivateConsideration(Part):
    """Reg 5 and Schedule 12A: taken in private."""

    paragraphs: list[int] = field(default_factory=list)  # Schedule 12A Part 1, 1..7
    public_interest: str = ""  # the public interest test reasoning
    exempt_information: str = ""  # the confidential matter itself: never public
    intention_published: date | None = None  # 28 clear days before
    confirmation_published: date | None = None  # 5 clear days before
    representations: str = ""  # about holding it in private
    response: str = ""
    urgency: PrivateUrgency | None = None  # reg 5(6): agreed as urgent without 28 days


@dataclass(eq=False, repr=False)
class Conflict(Part):
    member: str = ""
    interest: str = ""
    dispensation: str = ""  # granted by the head of paid service, or ""


@dataclass(eq=False, repr=False)
class Record(Part):
    """Reg 13: the record of decision."""

    decided_on: date | None = None
    decision: str = ""
    reasons: str = ""
    alternatives_rejected: str = ""
    no_conflicts: bool = False  # declared "none"
    conflicts: list[Conflict] = field(default_factory=list)
    background_papers: list[str] = field(default_factory=list)
    published_on: date | None = None


@dataclass(eq=False, repr=False)
class CallInRequest(Part):
    received_on: date | None = None
    members: list[str] = field(default_factory=list)
    grounds: str = ""
    received_time: str = ""  # "HH:MM" (24 h) it arrived: matters on the last day


@dataclass(eq=False, repr=False)
class CallIn(Part):
    requests: list[CallInRequest] = field(default_factory=list)
    outcome: str = ""  # one of CALL_IN_OUTCOMES, "" while open
    outcome_on: date | None = None
    urgent_exempt: bool = False
    exemption_consent: str = ""  # who consented to the exemption, and why


@dataclass(eq=False, repr=False)
class Referral(Part):
    """Budget and policy framework: Full Council makes the final endorsement."""

    policy_framework: bool = False
    meeting_on: date | None = None
    outcome: str = ""  # one of COUNCIL_OUTCOMES
    outcome_on: date | None = None
    minute: str = ""


@dataclass(eq=False, repr=False)
class PublishedNotice(Part):
    kind: str = ""
    published_on: date | None = None
    sha256: str = ""
    confidential: bool = False


@dataclass(eq=False, repr=False)
class Correction(Part):
    """A clerical error put right: which field (a dotted path), from what, to what, why."""

    on: date | None = None
    field: str = ""
    before: str = ""
    after: str = ""
    reason: str = ""


@dataclass(eq=False, repr=False)
class ScrutinyKeyView(Part):
    """Reg 18: scrutiny thinks a decision not treated as key should have been."""

    raised_on: date | None = None
    committee: str = ""
    view: str = ""
    report_to_council_on: date | None = None  # the executive's report to Council about it


@dataclass(eq=False, repr=False)
class Decision(Part):
    ref: str = ""
    title: str = ""
    decision_maker: DecisionMaker = field(default_factory=DecisionMaker)
    created_on: date | None = None
    plan: ForwardPlanEntry = field(default_factory=ForwardPlanEntry)
    key: KeyDecision = field(default_factory=KeyDecision)
    report: Report = field(default_factory=Report)
    consultation: Consultation = field(default_factory=Consultation)
    comments: list[Comment] = field(default_factory=list)
    exception: GeneralException | None = None
    urgency: SpecialUrgency | None = None
    private: PrivateConsideration | None = None
    # Dotted paths of fields whose content is exempt (see `exempt.py`).
    exempt_fields: list[str] = field(default_factory=list)
    record: Record | None = None
    call_in: CallIn = field(default_factory=CallIn)
    implemented_on: date | None = None
    referral: Referral = field(default_factory=Referral)
    notices: list[PublishedNotice] = field(default_factory=list)
    corrections: list[Correction] = field(default_factory=list)
    scrutiny_key_view: ScrutinyKeyView | None = None

    def to_dict(self) -> dict[str, Any]:
        return _to_plain(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Decision:
        return _from_plain(cls, data)


# ---- serialisation ------------------------------------------------------------------

T = TypeVar("T")
_HINTS: dict[type, dict[str, Any]] = {}


def _hints(cls: type) -> dict[str, Any]:
    if cls not in _HINTS:
        _HINTS[cls] = typing.get_type_hints(cls)
    return _HINTS[cls]


_FIELD_NAMES: dict[type, tuple[str, ...]] = {}
_ATOMS = frozenset({str, int, bool, float, type(None)})


def _to_plain(value: Any) -> Any:
    cls = type(value)
    if cls in _ATOMS:
        return value
    names = _FIELD_NAMES.get(cls)
    if names is None and dataclasses.is_dataclass(value) and not isinstance(value, type):
        names = _FIELD_NAMES[cls] = tuple(f.name for f in dataclasses.fields(value))
    if names is not None:
        return {name: _to_plain(getattr(value, name)) for name in names}
    if isinstance(value, datetime):
        return value.isoformat(timespec="minutes")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list):
        return [_to_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _to_plain(v) for k, v in value.items()}
    return value


# One converter per type, worked out once from the type hints: reading a decision runs
# ~100 nested conversions, and asking `typing` about each type every time cost ~0.5 ms
# a decision (the register list and the forward plan read hundreds).
_CONVERTERS: dict[Any, Any] = {}


def _identity(value: Any) -> Any:
    return value


def _converter(tp: Any) -> Any:
    found = _CONVERTERS.get(tp)
    if found is None:
        found = _CONVERTERS[tp] = _build_converter(tp)
    return found


def _build_converter(tp: Any) -> Any:
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        inner = [a for a in typing.get_args(tp) if a is not type(None)]
        return _converter(inner[0])
    if origin is list:
        (item,) = typing.get_args(tp)
        convert_item = _converter(item)
        return lambda value: None if value is None else [convert_item(v) for v in value]
    if origin is dict:
        _, item = typing.get_args(tp)
        convert_value = _converter(item)
        return lambda value: None if value is None else {
            k: convert_value(v) for k, v in value.items()}
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        fields: dict[str, Any] = {}

        def convert_dataclass(value: Any) -> Any:
            if value is None:
                return None
            if not fields:  # filled on first use, so types may refer to each other
                fields.update({k: _converter(h) for k, h in _hints(tp).items()})
            return tp(**{k: fields[k](v) for k, v in value.items() if k in fields})

        return convert_dataclass
    if tp is date:
        return lambda value: None if value is None else date.fromisoformat(value)
    if tp is datetime:
        return lambda value: None if value is None else datetime.fromisoformat(value)
    return _identity


def _from_plain(tp: Any, value: Any) -> Any:
    return _converter(tp)(value)


def from_plain(cls: type[T], data: dict[str, Any]) -> T:
    """Build any dataclass of this module from its plain dict."""
    result: T = _from_plain(cls, data)
    return result


def to_plain(value: Any) -> Any:
    return _to_plain(value)
