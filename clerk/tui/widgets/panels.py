"""The lifecycle bar, the compliance panel and the next-steps panel of a decision."""

from __future__ import annotations

from datetime import date

from textual.widgets import Static

from clerk.domain import rules
from clerk.domain.calendar import fmt_date
from clerk.domain.council import CouncilProfile
from clerk.domain.decision import Decision
from clerk.domain.lifecycle import STAGES, stage
from clerk.domain.steps import Ctx
from clerk.domain.steps.next import whats_next
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
              keymap: dict[str, str] | None = None) -> str:
    """The one thing the clerk most likely does next, in words, with its key (as remapped)
    when it can be taken now: the domain's `whats_next`, as the register and compliance
    panel show it."""
    found = whats_next(decision, Ctx(profile, today))
    action = keys.MOVE_ACTIONS.get(found.step)
    if action is None or found.blocked:
        return found.words
    return f"{found.words} ({keys.display_key(keys.effective_key(action, keymap or {}))})"


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
        lines.append(f"[b]Next[/b]: {esc(whats_next(decision, Ctx(profile, today)).words)}")
        if not found.dates:
            lines.append("[dim]No legal dates yet: publish the forward plan entry.[/dim]")
        for title, items, colour in (("Overdue", found.overdue, "error"),
                                     ("Blocked", found.blocked, "error"),
                                     ("Missing", found.missing, "warning"),
                                     ("Warning", found.warnings, "warning")):
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
