"""ClerkApp: the register, the rules and the clerk's settings, and the screens on top.

Built only by `factory.make_app`, which injects the register, today's date and where the
settings and notices live; no screen opens a file of its own.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from datetime import date
from functools import partial
from pathlib import Path

from textual import work
from textual.app import App, SystemCommand
from textual.notifications import SeverityLevel
from textual.screen import Screen

from clerk.domain import steps
from clerk.domain.council import CouncilProfile
from clerk.domain.decision import Decision
from clerk.domain.guards import Refused
from clerk.domain.steps import Ctx
from clerk.store.errors import RegisterError
from clerk.store.register import Register
from clerk.tui import keys
from clerk.tui.drafts import Drafts

STYLES = Path(__file__).parent / "styles"
REFRESH_SECONDS = 1.0


def choose_theme(config_theme: str | None, environ: dict[str, str]) -> str:
    """CLERK_THEME, then settings.toml's theme, then COLORFGBG's background, else dark."""
    wanted = (environ.get("CLERK_THEME") or config_theme or "").strip().lower()
    if not wanted:
        background = environ.get("COLORFGBG", "").split(";")[-1]
        wanted = "light" if background in ("7", "15") else "dark"
    return {"light": "textual-light", "dark": "textual-dark"}.get(wanted, wanted)


class ClerkApp(App[None]):
    TITLE = "clerk"
    CSS_PATH = sorted(STYLES.glob("*.tcss"))
    BINDINGS = keys.bindings("app")
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (110, "-wide")]
    ENABLE_COMMAND_PALETTE = True

    def __init__(self, register: Register, *, today: date, config_dir: Path | None,
                 output_dir: Path | None, keymap: dict[str, str], problems: list[str],
                 theme: str) -> None:
        super().__init__()
        self.register = register
        self.today = today
        self.config_dir = config_dir
        self.output_dir = output_dir
        self.keymap_overrides = keymap
        self.startup_problems = problems
        self.chosen_theme = theme
        self._saved_listeners: list[partial[None]] = []
        self.drafts = Drafts(config_dir / "drafts.json" if config_dir else None,
                             str(register.path or "in memory"))
        # set once the first frame is on screen: background work that can wait, waits
        self.shown = threading.Event()
        self._last_refresh_error = ""

    @property
    def profile(self) -> CouncilProfile:
        return self.register.council

    def ctx(self) -> Ctx:
        return Ctx(self.profile, self.today)

    def on_ready(self) -> None:
        """The first frame is on screen: background work may start."""
        self.shown.set()
        if self.register.path is not None:  # other clerks' saves, on screen within 2 s
            self.set_interval(REFRESH_SECONDS, self._look_for_changes)

    @work(thread=True, exclusive=True, group="register-refresh")
    def _look_for_changes(self) -> None:
        """Off the UI thread: read what other clerks saved, and checkpoint when one is due."""
        try:
            self.register.check_journal()  # once, before the first save needs it
            changed = self.register.refresh()
            refs = self.register.last_refreshed
            self.register.checkpoint_if_due()
        except RegisterError as error:
            self.call_from_thread(self._refresh_failed, str(error))
            return
        if changed:
            self.call_from_thread(self._show_changes, refs)

    def _show_changes(self, refs: tuple[str, ...]) -> None:
        for ref in refs:
            for listener in self._saved_listeners:
                listener(ref)
        for screen in self.screen_stack:  # a screen showing one of them shows it again
            shown = getattr(screen, "others_saved", None)
            if shown is not None:
                shown(refs)

    def _refresh_failed(self, message: str) -> None:
        if message != self._last_refresh_error:  # say it once, not every two seconds
            self._last_refresh_error = message
            self.notify(message, title="Register", severity="error", timeout=30)


    def on_mount(self) -> None:
        from clerk.tui.screens.register import RegisterScreen
        from clerk.tui.screens.welcome import WelcomeScreen

        if self.chosen_theme in self.available_themes:
            self.theme = self.chosen_theme
        else:
            self.startup_problems.append(f"No theme {self.chosen_theme!r}; using the default.")
        self.set_keymap(self.keymap_overrides)
        self.push_screen(RegisterScreen())
        if len(self.register) == 0:
            self.push_screen(WelcomeScreen())
        for problem in self.startup_problems:
            self.notify(problem, severity="warning", timeout=10)

    # ---- what the rules allow ----------------------------------------------------------

    def refusals(self, decision: Decision) -> dict[str, str | None]:
        """Why each step is refused now, with its lawful routes (None when it is allowed),
        from the domain's steps."""
        found = steps.refusals(decision, self.ctx())
        return {step_id: str(refused) if refused else None for step_id, refused in found.items()}

    def refuse_key(self, move_id: str, refusals: dict[str, str | None]) -> None:
        """Say why a step's key does nothing now, and which steps are open instead."""
        action = keys.MOVE_ACTIONS.get(move_id)
        name = action.description if action else move_id
        message = f"{name} is not allowed now. {refusals.get(move_id) or ''}".strip()
        open_now = [f"{keys.display_key(keys.effective_key(a, self.keymap_overrides))} "
                    f"{a.description}" for step, a in keys.MOVE_ACTIONS.items()
                    if step in refusals and refusals[step] is None]
        if open_now:
            message += "\nOpen now: " + ", ".join(open_now) + "."
        self.notify(message, title="Not allowed now", severity="warning", timeout=8)

    # ---- saving ------------------------------------------------------------------------

    def on_saved(self, listener: partial[None]) -> None:
        self._saved_listeners.append(listener)

    def save(self, decision: Decision, action: str,
             move: Callable[[Decision], Decision] | None = None) -> bool:
        """Save durably. With `move` (how `decision` was made from the one on screen), the
        move is re-run on the latest version, so another clerk's change is never undone."""
        try:
            if move is None or decision.ref not in self.register:  # a new one: nothing to re-run on
                self.register.save(decision, action=action)
            else:
                decision = self.register.change(decision.ref, move, action=action)
        except (RegisterError, Refused, ValueError) as error:
            self.notify(str(error), title="Not saved", severity="error", timeout=15)
            return False
        except Exception as error:  # a fault, not a refusal: say so and keep running
            self.log.error("save failed", error)
            self.notify(f"Unexpected error: {type(error).__name__}: {error}. Nothing was "
                        "saved.", title="Not saved", severity="error", timeout=20)
            return False
        for listener in self._saved_listeners:
            listener(decision.ref)
        return True

    def notify(self, message: str, *, title: str = "", severity: SeverityLevel = "information",
               timeout: float | None = None, markup: bool = True) -> None:
        """Every notification is plain text: messages carry the clerk's own words (titles,
        names, reasons), which must never be read as markup."""
        super().notify(message, title=title, severity=severity, timeout=timeout, markup=False)

    # ---- keys everywhere ---------------------------------------------------------------

    def action_help(self) -> None:
        from clerk.tui.screens.help import HelpScreen

        if isinstance(self.screen, HelpScreen):
            self.screen.dismiss()  # F1 again closes it
        else:
            self.push_screen(HelpScreen())

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        """Every action of the screen in front, with its key; refused steps say why."""
        yield from super().get_system_commands(screen)
        scope = getattr(screen, "SCOPE", "")
        refusals = getattr(screen, "refusals", {})
        for action in keys.in_scope(scope) + keys.in_scope("app"):
            if not action.show:
                continue
            key = keys.display_key(keys.effective_key(action, self.keymap_overrides))
            move = action.action[6:-2] if action.action.startswith("move(") else ""
            reason = refusals.get(move) if move else None
            if reason:
                yield SystemCommand(f"{action.description} (not now)", reason,
                                    partial(self.notify, reason, severity="warning"))
                continue
            target = self if action.scope == "app" else screen
            name = action.action.removeprefix("app.")
            yield SystemCommand(action.description, f"key {key} · {action.id}",
                                partial(target.run_action, name))
