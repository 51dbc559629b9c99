"""The council profile: the local rules and people, viewed and edited with validation."""

from __future__ import annotations

import copy
from dataclasses import fields as dc_fields
from typing import TYPE_CHECKING, Any

from textual import work
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Static

from clerk.domain.calendar import CLEAR_DAY_MODES
from clerk.domain.council import CouncilProfile
from clerk.domain.decision import Person
from clerk.store.errors import RegisterError
from clerk.tui import keys
from clerk.tui.screens.forms.engine import FormScreen
from clerk.tui.screens.forms.fields import Field
from clerk.tui.text import esc
from clerk.tui.widgets.key_bar import KeyBar

if TYPE_CHECKING:
    from clerk.tui.app import ClerkApp

F = Field
PEOPLE = ("scrutiny_chair", "chairman", "vice_chairman", "head_of_paid_service")
FIELDS = [
    F("name", "Council name", required=True), F("address", "Address"), F("website", "Website"),
    F("key_threshold_pounds", "Key decision threshold (£)", "int", True),
    F("key_revenue_threshold_pounds", "Revenue threshold (£, 0 = none)", "int"),
    F("key_capital_threshold_pounds", "Capital threshold (£, 0 = none)", "int"),
    F("key_ward_rule", "Key if significant in this many wards or more", "int", True),
    F("always_key", "Categories always key", "list"),
    F("clear_days", "Clear days counted as", "choice", True, CLEAR_DAY_MODES),
    F("forward_plan_days", "Forward plan notice (clear days)", "int", True),
    F("general_exception_days", "General exception notice (clear days)", "int", True),
    F("private_notice_days", "Private meeting notice (clear days)", "int", True),
    F("private_confirmation_days", "Private meeting confirmation (clear days)", "int", True),
    F("call_in_working_days", "Call-in period (working days)", "int", True),
    F("call_in_cut_off", "Call-in expires at (HH:MM)", required=True),
    F("call_in_signatories", "Members needed to call in", "int", True),
    F("call_in_scrutiny_chair_alone", "The scrutiny chair alone may call in", "bool"),
    F("policy_framework", "Budget and policy framework plans", "list"),
    *(F(f"{who}", f"{who.replace('_', ' ').capitalize()} (name)") for who in PEOPLE),
    F("wards", "Wards", "list"), F("parishes", "Parishes", "list"),
]


def profile_values(profile: CouncilProfile) -> dict[str, Any]:
    values = {f.name: getattr(profile, f.name) for f in FIELDS if f.name not in PEOPLE}
    values.update({who: getattr(profile, who).name for who in PEOPLE})
    return values


def edited(profile: CouncilProfile, values: dict[str, Any]) -> CouncilProfile:
    """The profile with the form's values, or ValueError listing every problem."""
    out = copy.deepcopy(profile)
    for name, value in values.items():
        if name in PEOPLE:
            person: Person = getattr(out, name)
            person.name = value
        else:
            setattr(out, name, value)
    problems = out.problems()
    if problems:
        raise ValueError(" ".join(problems))
    return out


def describe(profile: CouncilProfile) -> str:
    lines = []
    for field in dc_fields(profile):
        value = getattr(profile, field.name)
        if isinstance(value, Person):
            value = ", ".join(v for v in (value.name, value.title) if v)
        elif isinstance(value, list):
            value = "; ".join(getattr(v, "name", None) or str(v) for v in value)
        lines.append(f"[b]{field.name.replace('_', ' ')}[/b]: {esc(str(value)) or '—'}")
    return "\n".join(lines)


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
        self.query_one("#profile-text", Static).update(describe(self.clerk.profile))

    def action_back(self) -> None:
        self.dismiss()

    @work(exclusive=True)
    async def action_edit(self) -> None:
        clerk = self.clerk
        current = clerk.profile
        profile = await clerk.push_screen_wait(FormScreen(
            "Council profile", FIELDS, lambda values: edited(current, values),
            profile_values(current),
            intro="Changes apply to every date clerk works out from now on."))
        if profile is None:
            return
        try:
            clerk.register.set_council(profile)
        except RegisterError as error:
            clerk.notify(str(error), title="Not saved", severity="error")
            return
        clerk.notify("Council profile saved.")
        self.show()
