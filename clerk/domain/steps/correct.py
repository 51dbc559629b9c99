"""The correction step: a clerical error put right, at any stage, with its reason."""

from __future__ import annotations

from clerk.domain.corrections import ACTION, CORRECTABLE, correct, shown
from clerk.domain.decision import Decision
from clerk.domain.steps.base import Choice, Field, Step

FIELDS = tuple(Choice(path, words) for path, words, _ in CORRECTABLE)


def value_now(d: Decision, path: str) -> str:
    """What a correctable field holds now, as the clerk would type it."""
    target: object = d
    for part in path.split("."):
        if target is None:
            return ""
        target = getattr(target, part, None)
    return shown(target)


CORRECT = Step("correct", "Correct a clerical error", "Correct a clerical error (a title, a "
               "telephone number, a ward) at any stage, with the reason; the history keeps "
               "what it was.", ACTION, (
    Field("field", "What to correct", "choice", True, FIELDS),
    Field("to", "Correct it to", "text", True, help="Wards and parishes: separate with commas."),
    Field("reason", "Why (the clerical error)", "area", True),
), lambda d, v, c: correct(d, today=c.today, field=v["field"], to=v["to"], reason=v["reason"]),
    suggest=lambda d, c: {"field": "title", "to": d.title},
    refill=lambda d, c, name, value: {"to": value_now(d, value)} if name == "field" and value
    else {})
