"""Baseline for a keystroke: a bare Textual app whose Input is echoed to a label."""

from textual.app import App, ComposeResult
from textual.widgets import Input, Label


class BareInput(App[None]):
    def compose(self) -> ComposeResult:
        yield Input(id="filter")
        yield Label("echo: <>", id="echo")

    def on_input_changed(self, event: Input.Changed) -> None:
        self.query_one("#echo", Label).update(f"echo: <{event.value}>")


if __name__ == "__main__":
    BareInput().run()
