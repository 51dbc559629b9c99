"""Field specs for the form engine: what a field is, how typed text becomes a value."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from clerk.domain.dates import parse_date, parse_month


@dataclass(frozen=True)
class Field:
    name: str
    label: str
    kind: str = "text"  # text | area | date | month | int | ints | list | choice | bool
    required: bool = False
    choices: tuple[str, ...] = ()
    help: str = ""


def to_text(field: Field, value: Any) -> str:
    """A stored value as the clerk sees it in the field."""
    if value is None:
        return ""
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    if field.kind in ("list", "ints"):
        return ", ".join(str(v) for v in value)
    if field.kind == "month" and value:
        year, month = str(value).split("-")
        return f"{month}/{year}"
    return str(value)


def parse(field: Field, text: Any) -> Any:
    """Typed text to a value, or ValueError with a message to show beside the field."""
    if field.kind == "bool":
        return bool(text)
    if field.kind == "choice":
        if (text is None or text == "") and field.required:
            raise ValueError("Choose one.")
        return text or ""
    raw = (text or "").strip()
    if not raw:
        if field.required:
            raise ValueError("Required.")
        return [] if field.kind in ("list", "ints") else (None if field.kind in (
            "date", "int") else "")
    if field.kind == "date":
        return parse_date(raw)
    if field.kind == "month":
        return parse_month(raw)
    if field.kind == "int":
        cleaned = raw.replace(",", "").replace("£", "")
        if not cleaned.lstrip("-").isdigit():
            raise ValueError(f"{raw!r} is not a whole number.")
        return int(cleaned)
    if field.kind == "ints":
        parts = [p.strip() for p in raw.replace(";", ",").split(",") if p.strip()]
        bad = [p for p in parts if not p.isdigit()]
        if bad:
            raise ValueError(f"Not numbers: {', '.join(bad)}.")
        return [int(p) for p in parts]
    if field.kind == "list":
        return [p.strip() for p in raw.replace(";", ",").split(",") if p.strip()]
    return text if field.kind == "area" else raw


def placeholder(field: Field) -> str:
    return {
        "date": "DD/MM/YYYY",
        "month": "MM/YYYY",
        "int": "a whole number",
        "ints": "e.g. 3, 5",
        "list": "separate with commas",
    }.get(field.kind, "")
