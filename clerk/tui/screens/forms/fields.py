"""Field specs for the form engine: what a field is, how typed text becomes a value."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from textual.content import Content
from textual.widget import Widget
from textual.widgets import Checkbox, Input, Select, TextArea

from clerk.domain.calendar import fmt_date
from clerk.domain.dates import parse_date, parse_month
from clerk.tui.words import word


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


def understood(field: Field, value: Any) -> str:
    """What to show under a field that parsed: a date read back with its weekday (so
    6/3/13 is seen to be Wed 6 Mar 2013), else the field's help."""
    if field.kind == "date" and isinstance(value, date):
        return f"Read as {fmt_date(value)}." + (f" {field.help}" if field.help else "")
    return field.help


class TickBox(Checkbox):
    """A checkbox whose mark differs by shape, not colour alone: ✓ ticked, blank not."""

    def on_mount(self) -> None:
        self._mark()

    def watch_value(self) -> None:
        super().watch_value()
        self._mark()

    def _mark(self) -> None:
        self.BUTTON_INNER = "✓" if self.value else " "
        self.refresh()


def make_widget(field: Field, value: Any, wid: str) -> Widget:
    """The widget a field is typed into. Text boxes keep what they hold when entered
    (the cursor goes to the end, nothing is selected), so typing adds to it."""
    if field.kind == "bool":
        return TickBox(Content(field.label), bool(value), id=wid, compact=True)
    if field.kind == "choice":
        options = [(Content(word(c)), c) for c in field.choices]
        start = value if value in field.choices else Select.NULL
        return Select(options, value=start, id=wid, allow_blank=not field.required
                      or start is Select.NULL, compact=True)
    if field.kind == "area":
        area = TextArea(to_text(field, value), id=wid, compact=True, soft_wrap=True)
        area.show_line_numbers = False
        area.move_cursor(area.document.end)
        return area
    return Input(to_text(field, value), placeholder=placeholder(field), id=wid,
                 compact=True, select_on_focus=False)
