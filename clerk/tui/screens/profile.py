"""The council profile: the local rules and people, viewed and edited with validation.

A save lists what it changes and asks first: every date clerk works out follows it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import work
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Static

from clerk.domain.council import CouncilProfile
from clerk.store.errors import RegisterError
from clerk.tui import keys
from clerk.tui.screens.confirm import ConfirmScreen
from clerk.tui.screens.forms.engine import FormScreen
from clerk.tui.screens.profile_fields import (
    changes,
    describe,
    edited,
    profile_fields,
    profile_values,
)
from clerk.tui.text import esc
from clerk.tui.widgets.key_bar import KeyBar

if TYPE_CHECKING:
    from clerk.tui.app import ClerkApp


def profile_text(profile: CouncilProfile) -> str:
    return "\n".join(f"[b]{esc(label)}[/b]: {esc(value)}" for label, value in describe(profile))


async def edit_profile(clerk: ClerkApp) -> bool:
    """The editor, then the list of changes to confirm, then the save. True if saved.
    Awaited from a worker."""
    current = clerk.profile
    values = profile_values(current)
    while True:
        form = FormScreen("Council profile", profile_fields(current),
                          lambda typed: edited(current, typed), values,
                          intro="Changes apply to every date clerk works out from now on.")
        profile = await clerk.push_screen_wait(form)
        if profile is None:
            return False
        changed = changes(current, profile)
        if not changed:
            clerk.notify("Nothing changed in the council profile.")
            return False
        if await clerk.push_screen_wait(ConfirmScreen(
                "Save these changes to the council profile?", "\n".join(changed))):
            break
        values = profile_values(profile)  # back to the editor with what was typed
    try:
        clerk.register.set_council(profile)
    except RegisterError as error:
        clerk.notify(str(error), title="Not saved", severity="error")
        return False
    clerk.notify("Council profile saved.")
    return True


class ProfileScreen(Screen[None]):
    SCOPE = "profile"
    BINDINGS = keys.bindings("profile")

    @property
    def clerk(self) -> ClerkApp:
        return self.app  # type: ignore[return-value]

    def compose(self) -> ComposeResult:
        yield Static("[b]Council profile[/b] · the local rules every date is worked from",
                     id="profile-title")
        with VerticalScroll(id="profile-body"):
            yield Static(id="profile-text")
        yield KeyBar()

    def on_mount(self) -> None:
        self.show()
        self.query_one(VerticalScroll).focus()

    def show(self) -> None:
        self.query_one("#profile-text", Static).update(profile_text(self.clerk.profile))

    def action_back(self) -> None:
        self.dismiss()

    @work(exclusive=True)
    async def action_edit(self) -> None:
        if await edit_profile(self.clerk):
            self.show()
