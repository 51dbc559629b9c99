"""The lifecycle bar, the compliance panel and the next-steps panel of a decision."""

from __future__ import annotations

from datetime import date

from textual.widgets import Static

from clerk.domain import rules
from clerk.domain.calendar import fmt_date
from clerk.domain.council import CouncilProfile
from clerk.domain.decision import Decision
from clerk.domain.lifecycle import STAGES, stage
from clerk.tui import keys
from clerk.tui.text import esc

# The stages in the order a decision normally walks them (implemented ends it).
PATH = ("draft", "planned", "decided", "published", "called-in", "referred",
        "council-decided", "implemented")
SHORT = {"draft": "Draft", "planned": "Plan", "decided": "Decided", "published": "Published",
         "called-in": "Call-in", "referred": "Council", "council-decided": "Endorsed",
         "implemented": "Implemented"}


class LifecycleBar(Static):
    """Where the decision stands on the path, and what comes next."""

    def show(self, decision: Decision, next_step: str) -> None:
        current = stage(decision)
        reached = PATH.index(current)
        parts = []
        for index, name in enumerate(PATH):
            label = SHORT[name]
            if name == current:
                parts.append(f"[reverse b]{label}[/]")
            elif index < reached:
                parts.append(f"[$success]{label}[/]")
            else:
                parts.append(f"[dim]{label}[/]")
        full = dict(STAGES)[current]
        self.update("›".join(parts) + f"\n[b]{full}[/b] · next: {esc(next_step)}")


def next_step(decision: Decision, profile: CouncilProfile, today: date,
              refusals: dict[str, str | None], keymap: dict[str, str] | None = None) -> str:
    """The one thing the clerk most likely does next, in words, with its key."""
    keymap = keymap or {}

    def key(move_id: str) -> str:
        return f"({keys.display_key(keys.effective_key(keys.MOVE_ACTIONS[move_id], keymap))})"

    current = stage(decision)
    found = rules.check(decision, profile, today)
    if current in ("draft", "planned"):
        if decision.key.is_key is None:
            return f"confirm whether it is a key decision {key('key')}"
        if found.earliest_decision is not None:
            return f"decide on or after {fmt_date(found.earliest_decision.value)} {key('decide')}"
        if decision.plan.first_published is None:
            return f"publish the forward plan entry {key('plan')}"
        return f"record the decision {key('decide')}"
    if current == "decided":
        return f"publish the record of decision {key('publish')}"
    if current == "published":
        if found.call_in_expires is not None and refusals.get("implement") is None:
            return f"implement {key('implement')}"
        if rules.is_policy_framework(decision, profile) and not decision.referral.meeting_on:
            return f"refer to Full Council {key('refer')}"
        if found.call_in_expires is not None:
            return f"wait for call-in to end: {found.call_in_expires.working}"
    if current == "called-in":
        return f"record the call-in outcome {key('call-in-outcome')}"
    if current == "referred":
        return f"record Full Council's outcome {key('council')}"
    if current == "council-decided" and refusals.get("implement") is None:
        return f"implement {key('implement')}"
    return "nothing: the decision is complete"


class CompliancePanel(Static):
    """Every legal date with its working, and what is missing, blocked or overdue."""

    def show(self, decision: Decision, profile: CouncilProfile, today: date) -> None:
        found = rules.check(decision, profile, today)
        lines = [f"[b]Compliance[/b] (today {fmt_date(today)})"]
        for label, dated in found.dates:
            lines.append(f"[b]{esc(label)}[/b]: {esc(dated.working)}")
        if found.earliest_decision is not None:
            lines.append(f"[b]Earliest lawful decision[/b]: "
                         f"{fmt_date(found.earliest_decision.value)}")
        if not found.dates:
            lines.append("[dim]No legal dates yet: publish the forward plan entry.[/dim]")
        for title, items, colour in (("Overdue", found.overdue, "error"),
                                     ("Blocked", found.blocked, "error"),
                                     ("Missing", found.missing, "warning")):
            for item in items:
                lines.append(f"[${colour} b]{title}:[/] {esc(item)}")
        if not found.problems:
            lines.append("[$success]Nothing missing, blocked or overdue.[/]")
        self.set_class(bool(found.overdue), "-overdue")
        self.set_class(bool(found.blocked), "-blocked")
        self.update("\n".join(lines))


class StepsPanel(Static):
    """Every lifecycle step with its key; a refused step says why."""

    def show(self, refusals: dict[str, str | None], keymap: dict[str, str]) -> None:
        lines = ["[b]Steps[/b]"]
        for move_id, action in keys.MOVE_ACTIONS.items():
            key = keys.display_key(keys.effective_key(action, keymap))
            reason = refusals.get(move_id)
            if reason is None:
                lines.append(f"[b]{key}[/b] {action.description}")
            else:
                lines.append(f"[dim]{key} {action.description}: {esc(reason)}[/dim]")
        self.update("\n".join(lines))
