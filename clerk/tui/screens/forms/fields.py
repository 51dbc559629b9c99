"""Fields in a form: the domain's `Field` (label, kind, choices), shown and read as text.

A step's fields are defined once, in `clerk.domain.steps`; here only how a value looks in
an input box and how typed text becomes a value (which `Field.parse` does).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from clerk.domain.steps import Field

__all__ = ["Field", "parse", "placeholder", "to_text"]


def to_text(field: Field, value: Any) -> str:
    """A stored value as the clerk sees it in the field."""
    if value is None:
        return ""
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    if field.kind in ("list", "ints", "many"):
        return ", ".join(str(v) for v in value)
    if field.kind == "month" and value:
        year, month = str(value).split("-")
        return f"{month}/{year}"
    return str(value)


def parse(field: Field, text: Any) -> Any:
    """Typed text to a value, or ValueError with a message to show beside the field."""
    return field.parse(text)


def placeholder(field: Field) -> str:
    return {
        "date": "DD/MM/YYYY",
        "month": "MM/YYYY",
        "int": "a whole number",
        "ints": "e.g. 3, 5",
        "list": "separate with commas",
    }.get(field.kind, "")
