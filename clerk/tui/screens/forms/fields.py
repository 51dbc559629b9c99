"""Fields in a form: the domain's `Field` (label, kind, choices), shown and read as text.

A step's fields are defined once, in `clerk.domain.steps`; here only how a value looks in
an input box and how typed text becomes a value (which `Field.parse` does).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from textual.content import Content
from textual.widget import Widget
from textual.widgets import Checkbox, Input, Select, SelectionList, TextArea

from clerk.domain.calendar import fmt_date
from clerk.domain.steps import Field

__all__ = ["Field", "make_widget", "parse", "placeholder", "to_text", "understood"]


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
        options = [(Content(c.words), c.value) for c in field.choices]
        start = value if value in field.values else Select.NULL
        return Select(options, value=start, id=wid, allow_blank=not field.required
                      or start is Select.NULL, compact=True)
    if field.kind == "many":
        ticked = set(value or [])
        return SelectionList[str](*[(Content(c.words), c.value, c.value in ticked)
                                    for c in field.choices], id=wid, compact=True)
    if field.kind == "area":
        area = TextArea(to_text(field, value), id=wid, compact=True, soft_wrap=True)
        area.show_line_numbers = False
        area.move_cursor(area.document.end)
        return area
    return Input(to_text(field, value), placeholder=placeholder(field), id=wid,
                 compact=True, select_on_focus=False)
