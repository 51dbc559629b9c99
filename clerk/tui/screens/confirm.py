"""A yes/no question for steps that cannot be undone, and for discarding typed work."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from clerk.tui import keys
from clerk.tui.text import plain


class ConfirmScreen(ModalScreen[bool]):
    """Dismisses True only on an explicit "y"; Escape and "n" say no."""

    BINDINGS = [
        Binding("y", "answer(True)", "Yes", id="confirm.yes"),
        Binding("n,escape", "answer(False)", "No", id="confirm.no"),
        keys.MODAL_HELP,
    ]

    def __init__(self, question: str, detail: str = "") -> None:
        super().__init__()
        self.question = question
        self.detail = detail

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static(plain(self.question), id="question")
            if self.detail:
                yield Static(plain(self.detail), id="detail")
            yield Static("[b]y[/b] yes    [b]n[/b] / [b]Esc[/b] no", id="answer-keys")

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)
