"""Baseline for start-up: a bare Textual app with one label."""

from textual.app import App, ComposeResult
from textual.widgets import Label


class BareLabel(App[None]):
    def compose(self) -> ComposeResult:
        yield Label("bare app ready")


if __name__ == "__main__":
    BareLabel().run()
