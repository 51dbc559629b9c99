"""The date calculator: what a notice published on a given day allows, with the working.

The same answers as `clerk dates DATE`, from the same rule (`rules.dates_after_notice`),
worked out again as the clerk types.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Static

from clerk.domain import rules
from clerk.domain.dates import parse_date
from clerk.tui import keys
from clerk.tui.text import esc
from clerk.tui.widgets.key_bar import KeyBar


class DatesScreen(ModalScreen[None]):
    BINDINGS = keys.bindings("dates")

    def compose(self) -> ComposeResult:
        today = self.app.today  # type: ignore[attr-defined]
        with Vertical(id="dialog"):
            yield Static("[b]Date calculator[/b] · under the register's council profile")
            yield Label("A notice or record published on (DD/MM/YYYY)")
            yield Input(f"{today:%d/%m/%Y}", id="published", compact=True)
            yield Static("", id="answers")
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one("#published", Input).focus()
        self._work_out(self.query_one("#published", Input).value)

    @on(Input.Changed, "#published")
    def _changed(self, event: Input.Changed) -> None:
        self._work_out(event.value)

    def _work_out(self, text: str) -> None:
        answers = self.query_one("#answers", Static)
        try:
            published = parse_date(text)
        except ValueError as error:
            answers.update(f"[$error]{esc(str(error))}[/]")
            return
        found = rules.dates_after_notice(published, self.app.register.council)  # type: ignore[attr-defined]
        answers.update("\n\n".join(
            f"[b]{label}[/b]\n{esc(found[name].working)}"
            for name, label in rules.DATES_AFTER_NOTICE))

    def action_close(self) -> None:
        self.dismiss(None)
