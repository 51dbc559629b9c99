"""Help: every action, its key (after the clerk's keymap) and its id for keys.toml."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from clerk.tui import keys
from clerk.tui.text import esc

if TYPE_CHECKING:
    from clerk.tui.app import ClerkApp

LEGEND = ("Register marks: [b]![/b] overdue · [b]x[/b] blocked · [b]?[/b] something missing. "
          "K: key decision (- not key, ? not yet confirmed).")


def help_text(keymap: dict[str, str], keys_path: str) -> str:
    lines = ["[b]Keys[/b]  (Esc closes; ^p searches every command)", ""]
    for scope, title in keys.SCOPES.items():
        lines.append(f"[u]{title}[/u]")
        for action in keys.in_scope(scope):
            key = keys.display_key(keys.effective_key(action, keymap))
            lines.append(f"  [b]{esc(key):<10}[/b] {esc(action.description):<24} "
                         f"[dim]{action.id}[/dim]")
        lines.append("")
    lines += [LEGEND, "", f"Change a key in {esc(keys_path)}, e.g.",
              '  [keys]\n  "decision.decide" = "D"',
              "Dates: 06/03/2013, 6/3/13, 06.03.2013, 6 March 2013 or 2013-03-06; a form reads "
              "each back with its weekday. F2 in a step's form keeps what you typed as a "
              "draft. Theme: CLERK_THEME=light|dark, or "
              "theme = \"light\" in settings.toml beside keys.toml."]
    return "\n".join(lines)


class HelpScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,f1,question_mark,q", "close", "Close", id="help.close")]

    def compose(self) -> ComposeResult:
        clerk: ClerkApp = self.app  # type: ignore[assignment]
        where = str(clerk.config_dir / "keys.toml") if clerk.config_dir else "keys.toml"
        with VerticalScroll(id="dialog"):
            yield Static(help_text(clerk.keymap_overrides, where))

    def on_mount(self) -> None:
        self.query_one(VerticalScroll).focus()

    def action_close(self) -> None:
        self.dismiss()
