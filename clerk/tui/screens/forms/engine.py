"""One form engine for every lifecycle step, driven by a list of `Field` specs.

Each field is validated as the clerk types, with the error beside it. Saving parses every
field and hands the values to `submit`, which asks `clerk.domain` to make the change: a
`Refused` is shown in the form with its lawful routes, and the form stays open.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual import events, on, work
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Checkbox, Input, Label, Select, SelectionList, Static, TextArea

from clerk.domain.guards import Refused
from clerk.tui import keys
from clerk.tui.screens.confirm import ConfirmScreen
from clerk.tui.screens.forms.fields import Field, make_widget, parse, to_text, understood
from clerk.tui.text import esc, plain
from clerk.tui.widgets.key_bar import KeyBar

Submit = Callable[[dict[str, Any]], Any]
Refill = Callable[[str, Any], dict[str, Any]]


class Draft(dict[str, Any]):
    """What a form dismisses with when the clerk keeps what they typed as a draft: each
    field's text as typed, by field name. Nothing is recorded."""


class FormScreen(ModalScreen[Any]):
    """Dismisses with whatever `submit` returned, or None when the clerk backs out."""

    BINDINGS = keys.bindings("form")

    def __init__(self, title: str, fields: list[Field], submit: Submit,
                 initial: dict[str, Any] | None = None, intro: str = "",
                 refill: Refill | None = None, *, drafts: bool = False) -> None:
        super().__init__()
        self.refill = refill  # a choice made: the values other fields now start from
        self.drafts = drafts  # may the clerk keep what they typed as a draft (F2)?
        self.form_title = title
        self.fields = fields
        self.submit = submit
        self.initial = initial or {}
        self.intro = intro
        self._start: list[Any] = []
        self.last_values: dict[str, Any] = {}  # what was parsed at the last ^s

    def compose(self) -> ComposeResult:
        with Vertical(id="form"):
            yield Static(f"[b]{esc(self.form_title)}[/b]", id="form-title")
            if self.intro:
                yield Static(plain(self.intro), id="form-intro")
            with VerticalScroll(id="form-fields"):
                for index, field in enumerate(self.fields):
                    mark = " [b $error]*[/]" if field.required else ""
                    if field.kind != "bool":  # a checkbox carries its own label
                        yield Label(f"{esc(field.label)}{mark}", classes="field-label",
                                    id=f"label-{index}")
                    yield self._widget(index, field)
                    yield Static(field.help, id=f"err-{index}", classes="field-error")
            yield Static("", id="refusal")
            yield Static("[b]^s[/b] save   [b]Esc[/b] cancel   [b]Tab[/b] next field   "
                         "[$error]*[/] required", id="form-keys")
        yield KeyBar()

    def _widget(self, index: int, field: Field) -> Widget:
        return make_widget(field, self.initial.get(field.name), f"field-{index}")

    def on_mount(self) -> None:
        for index in range(len(self.fields)):
            self._check(index, show_required=False)
        self._start = self._all_raw()
        if self.fields:
            self.query_one("#field-0").focus()

    def _all_raw(self) -> list[Any]:
        return [self._raw(index) for index in range(len(self.fields))]

    @property
    def typed(self) -> bool:
        """Has the clerk changed anything since the form opened?"""
        return self._all_raw() != self._start

    # ---- validation as the clerk types -------------------------------------------------

    def _raw(self, index: int) -> Any:
        widget = self.query_one(f"#field-{index}")
        if isinstance(widget, Checkbox):
            return widget.value
        if isinstance(widget, Select):
            return None if widget.value is Select.NULL else widget.value
        if isinstance(widget, TextArea):
            return widget.text
        if isinstance(widget, SelectionList):
            return list(widget.selected)
        assert isinstance(widget, Input)
        return widget.value

    def _check(self, index: int, *, show_required: bool) -> tuple[bool, Any]:
        field = self.fields[index]
        error = self.query_one(f"#err-{index}", Static)
        raw = self._raw(index)
        try:
            value = parse(field, raw)
        except ValueError as problem:
            blank = raw is None or (isinstance(raw, str) and not raw.strip())
            if blank and not show_required:
                self._show(error, field.help, problem=False)
                return False, None
            self._show(error, str(problem), problem=True)
            return False, None
        self._show(error, understood(field, value), problem=False)
        return True, value

    def _show(self, error: Static, text: str, *, problem: bool) -> None:
        if getattr(error, "_shown", None) == (text, problem):
            return  # unchanged: spare a relayout on every keystroke
        error._shown = (text, problem)  # type: ignore[attr-defined]
        error.update(plain(text))
        error.set_class(problem, "-invalid")
        error.set_class(not problem, "-help")
        error.display = bool(text)

    def _index_of(self, widget: Widget) -> int | None:
        wid = widget.id or ""
        return int(wid[6:]) if wid.startswith("field-") else None

    @on(Input.Changed)
    @on(TextArea.Changed)
    @on(Select.Changed)
    @on(Checkbox.Changed)
    @on(SelectionList.SelectedChanged)
    def _changed(self, event: Any) -> None:
        index = self._index_of(event.control)
        if index is None:
            return
        self._check(index, show_required=False)
        refusal = self.query_one("#refusal", Static)
        if refusal.display:
            refusal.display = False
        if self.refill is not None and isinstance(event.control, Select):
            self._refill(self.fields[index].name, self._raw(index))

    def _refill(self, name: str, value: Any) -> None:
        """Put what the choice now points at into the fields that follow from it."""
        assert self.refill is not None
        for other, start in self.refill(name, value).items():
            found = [i for i, f in enumerate(self.fields) if f.name == other]
            if not found:
                continue
            widget = self.query_one(f"#field-{found[0]}")
            if isinstance(widget, Input):
                widget.value = to_text(self.fields[found[0]], start)
            elif isinstance(widget, TextArea):
                widget.text = to_text(self.fields[found[0]], start)

    @on(events.DescendantFocus)
    def _focus_moved(self, event: events.DescendantFocus) -> None:
        """The field with the focus and its label stand out, both scrolled into view."""
        index = next((i for node in event.widget.ancestors_with_self
                      if isinstance(node, Widget) and (i := self._index_of(node)) is not None),
                     None)
        for label in self.query(".field-label"):
            label.set_class(label.id == f"label-{index}", "-focused")
        if index is not None:
            labels = self.query(f"#label-{index}")
            if labels:
                labels.first().scroll_visible(animate=False)
            self.query_one(f"#field-{index}").scroll_visible(animate=False)

    @on(events.Click, ".field-label")
    def _label_clicked(self, event: events.Click) -> None:
        """A click on a field's label puts the cursor in the field."""
        label_id = event.widget.id if event.widget is not None else None
        if label_id and label_id.startswith("label-"):
            self.query_one(f"#field-{label_id[6:]}").focus()

    @on(Input.Submitted)
    def _next_field(self) -> None:
        self.focus_next()

    # ---- saving and backing out --------------------------------------------------------

    def values(self) -> dict[str, Any] | None:
        """Every field parsed, or None after showing each problem beside its field."""
        out: dict[str, Any] = {}
        first_bad = None
        for index, field in enumerate(self.fields):
            ok, value = self._check(index, show_required=True)
            if ok:
                out[field.name] = value
            elif first_bad is None:
                first_bad = index
        if first_bad is not None:
            self.query_one(f"#field-{first_bad}").focus()
            return None
        return out

    def action_save(self) -> None:
        values = self.values()
        if values is None:
            self.refuse("Some fields need attention: see the messages beside them.",
                        title="Not saved")
            return
        self.last_values = dict(values)  # submit may take values apart
        try:
            result = self.submit(values)
        except Refused as refused:
            self.refuse(refused.reason, refused.routes)
            return
        except ValueError as problem:
            self.refuse(str(problem))
            return
        except Exception as error:  # a fault in clerk: say so, keep what was typed
            self.log.error("form submit failed", error)
            self.refuse(f"{type(error).__name__}: {error}. Nothing was saved; what you typed "
                        "is still here. Esc backs out; please report this.",
                        title="Unexpected error")
            return
        self.dismiss(result)

    def refuse(self, reason: str, routes: list[str] | None = None, *,
               title: str = "Not allowed") -> None:
        text = f"[b]{title}:[/b] {esc(reason)}"
        if routes:
            text += "\n[b]Lawful routes:[/b]" + "".join(f"\n  • {esc(r)}" for r in routes)
        if self.drafts:
            text += "\n[dim]F2 keeps what you typed as a draft; nothing is recorded.[/dim]"
        refusal = self.query_one("#refusal", Static)
        refusal.update(text)
        refusal.display = True

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "keep_draft":
            return self.drafts
        return True

    def action_keep_draft(self) -> None:
        self.dismiss(Draft({field.name: raw for field, raw in zip(
            self.fields, self._all_raw(), strict=True)}))

    @work
    async def action_cancel(self) -> None:
        if self.typed and not await self.app.push_screen_wait(
            ConfirmScreen("Discard what you typed?", "Nothing has been saved.")
        ):
            return
        self.dismiss(None)
