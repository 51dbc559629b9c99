"""First run: an empty register offers the demo decisions or the clerk's own profile."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from clerk.store.errors import RegisterError
from clerk.tui import keys
from clerk.tui.text import esc

if TYPE_CHECKING:
    from clerk.tui.app import ClerkApp


class WelcomeScreen(ModalScreen[None]):
    BINDINGS = [
        Binding("d", "demo", "Demo decisions", id="welcome.demo"),
        Binding("c", "own", "My council", id="welcome.own"),
        Binding("f", "from_file", "Profile file", id="welcome.file"),
        Binding("escape", "empty", "Start empty", id="welcome.empty"),
        keys.MODAL_HELP,
    ]

    def compose(self) -> ComposeResult:
        clerk: ClerkApp = self.app  # type: ignore[assignment]
        name = esc(clerk.profile.name or "no council named yet")
        with Vertical(id="dialog"):
            yield Static("[b]Welcome to clerk[/b]", id="welcome-title")
            yield Static(
                "The register is empty. clerk walks each executive decision from its "
                "forward plan entry to Full Council, and works out every legal date with "
                f"its working.\n\nCouncil profile: [b]{name}[/b]\n\n"
                "[b]d[/b]  load the demo decisions (the 2013 Maidstone Community Safety "
                "Partnership Plan and eight others at different stages)\n"
                "[b]c[/b]  start my own register: check and edit the council profile first\n"
                "[b]f[/b]  start my own register from a council profile file (.toml)\n"
                "[b]Esc[/b] start with an empty register\n\n"
                "Everywhere: [b]F1[/b] lists every key, [b]^p[/b] finds any command.")

    def action_demo(self) -> None:
        from clerk.demo import demo_decisions

        clerk: ClerkApp = self.app  # type: ignore[assignment]
        try:
            clerk.register.save_many(demo_decisions(clerk.profile, clerk.today),
                                     action="demo decisions")
        except RegisterError as error:
            clerk.notify(str(error), title="Not saved", severity="error")
            return
        self.dismiss()
        for screen in clerk.screen_stack:
            if hasattr(screen, "reload"):
                screen.reload()
        clerk.notify("Demo decisions loaded. Enter opens one.")

    def action_own(self) -> None:
        clerk: ClerkApp = self.app  # type: ignore[assignment]
        self.dismiss()
        # the app's worker, not this screen's: a dismissed screen's workers are cancelled
        clerk.run_worker(self._edit_profile(clerk), exclusive=True, group="profile")

    @staticmethod
    async def _edit_profile(clerk: ClerkApp) -> None:
        from clerk.tui.screens.profile import ProfileScreen, edit_profile

        profile = ProfileScreen()
        await clerk.push_screen(profile)
        if await edit_profile(clerk):
            profile.show()

    @work
    async def action_from_file(self) -> None:
        from pathlib import Path

        from clerk.domain.council import load_profile
        from clerk.tui.screens.forms.engine import FormScreen
        from clerk.tui.screens.forms.fields import Field

        clerk: ClerkApp = self.app  # type: ignore[assignment]
        profile = await clerk.push_screen_wait(FormScreen(
            "Start from a council profile file",
            [Field("path", "Council profile file (.toml)", required=True,
                   help="e.g. ~/Documents/our-council.toml; data/councils/maidstone.toml "
                        "is a complete, commented example")],
            lambda values: load_profile(Path(values["path"]).expanduser())))
        if profile is None:
            return
        try:
            clerk.register.set_council(profile)
        except RegisterError as error:
            clerk.notify(str(error), title="Not saved", severity="error")
            return
        clerk.notify(f"Register started for {profile.name}. ^n starts a decision.")
        self.dismiss()
        for screen in clerk.screen_stack:
            if hasattr(screen, "reload"):
                screen.reload()

    def action_empty(self) -> None:
        self.dismiss()
