"""Schedule 12A exempt information, and the one gate every public document goes through.

A decision taken in private keeps its confidential matter in `private.exempt_information`
and may mark any of `EXEMPTABLE_FIELDS` as exempt. `public_view` returns a copy in which
all of that is replaced by the statutory stamp; public notices are built only from it.
"""

from __future__ import annotations

import copy
from typing import Any

from clerk.domain.decision import IMPLICATIONS, Decision

SCHEDULE_12A = {
    1: "Information relating to any individual.",
    2: "Information which is likely to reveal the identity of an individual.",
    3: "Information relating to the financial or business affairs of any particular person "
    "(including the authority holding that information).",
    4: "Information relating to any consultations or negotiations, or contemplated "
    "consultations or negotiations, in connection with any labour relations matter.",
    5: "Information in respect of which a claim to legal professional privilege could be "
    "maintained in legal proceedings.",
    6: "Information which reveals that the authority proposes to give a notice, make an "
    "order or direction.",
    7: "Information relating to any action taken or to be taken in connection with the "
    "prevention, investigation or prosecution of crime.",
}

# Fields a clerk may mark exempt. Title, decision maker and the forward plan summary are
# always public: the law requires the matter to be described without the exempt part.
EXEMPTABLE_FIELDS: tuple[str, ...] = (
    "report.key_issue",
    "report.recommendation",
    "report.reasons",
    "report.alternatives",
    "report.corporate_objectives",
    "report.risk_management",
    *(f"report.implications.{key}" for key, _ in IMPLICATIONS),
    "report.conclusions",
    "report.appendices",
    "report.background_documents",
    "record.decision",
    "record.reasons",
    "record.alternatives_rejected",
    "record.background_papers",
)


def stamp(paragraphs: list[int]) -> str:
    """The words that stand where exempt content would be."""
    numbers = sorted(set(paragraphs))
    if not numbers:
        return ("Not for publication: exempt information under Schedule 12A to the "
                "Local Government Act 1972")
    if len(numbers) == 1:
        which = f"paragraph {numbers[0]}"
    else:
        which = "paragraphs " + ", ".join(map(str, numbers[:-1])) + f" and {numbers[-1]}"
    return (
        f"Not for publication by virtue of {which} of Part 1 of Schedule 12A "
        "to the Local Government Act 1972"
    )


def paragraphs_of(decision: Decision) -> list[int]:
    return list(decision.private.paragraphs) if decision.private else []


def is_exempt(decision: Decision, path: str) -> bool:
    return path in decision.exempt_fields


def _set_path(root: Any, path: str, value: str) -> None:
    *parents, last = path.split(".")
    target = root
    for name in parents:
        target = target[name] if isinstance(target, dict) else getattr(target, name, None)
        if target is None:
            return
    if isinstance(target, dict):
        if last in target:
            target[last] = value
        return
    current = getattr(target, last)
    setattr(target, last, [value] if isinstance(current, list) else value)


def has_exempt(decision: Decision) -> bool:
    """Whether anything in the decision must be withheld from a public document."""
    private = decision.private
    return bool(decision.exempt_fields or (private is not None and private.exempt_information))


def public_view(decision: Decision) -> Decision:
    """The decision as it may be published: every exempt field and the exempt matter
    stamped over, in a copy. With nothing exempt, the decision is its own public view and
    is returned as it is (no copy: a forward plan of hundreds would pay for deep copies);
    callers must not change what they are given."""
    if not has_exempt(decision):
        return decision
    public = copy.deepcopy(decision)
    text = stamp(paragraphs_of(decision))
    for path in decision.exempt_fields:
        _set_path(public, path, text)
    if public.private is not None and decision.private is not None:
        public.private.exempt_information = text if decision.private.exempt_information else ""
    return public


def exempt_texts(decision: Decision) -> list[str]:
    """Every piece of exempt content the decision holds (for checks and tests)."""
    found = []
    if decision.private and decision.private.exempt_information:
        found.append(decision.private.exempt_information)
    plain = decision.to_dict()
    for path in decision.exempt_fields:
        value: Any = plain
        for name in path.split("."):
            value = value.get(name) if isinstance(value, dict) else None
        if isinstance(value, list):
            found.extend(v for v in value if v)
        elif value:
            found.append(value)
    return found
