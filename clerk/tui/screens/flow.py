"""Taking one lifecycle step: the form, a confirmation when final, then the save.

The step (fields, gate, move, journal action) is the domain's, from `clerk.domain.steps`.
Called from `@work` methods of the screens (it awaits screens).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from clerk.domain import steps
from clerk.domain.decision import Decision
from clerk.tui.screens.confirm import ConfirmScreen
from clerk.tui.screens.forms.engine import FormScreen

if TYPE_CHECKING:
    from clerk.tui.app import ClerkApp


async def take_step(app: ClerkApp, decision: Decision, move_id: str,
                    initial: dict[str, Any] | None = None, *,
                    fixed: dict[str, Any] | None = None, title: str = "",
                    intro: str | None = None) -> Decision | None:
    """Run the step's form; returns the saved decision, or None if nothing was saved.
    `fixed` values are taken as given and not shown (e.g. which comment is answered)."""
    refused = app.refusals(decision).get(move_id)
    if refused:
        app.notify(refused, title="Not allowed now", severity="warning", timeout=8)
        return None
    step = steps.STEPS[move_id]
    ctx = app.ctx()
    fixed = fixed or {}
    start = step.start(decision, ctx) | (initial or {})
    shown = [field for field in step.fields if field.name not in fixed]
    form = FormScreen(f"{title or step.label} · {decision.ref}", shown,
                      lambda values: steps.take(move_id, decision, {**values, **fixed}, ctx),
                      start, intro=decision.title if intro is None else intro)
    changed = await app.push_screen_wait(form)
    if changed is None:
        return None
    if step.confirm and not await app.push_screen_wait(
        ConfirmScreen(step.confirm, f"{decision.ref} {decision.title}")
    ):
        app.notify("Not saved.", timeout=4)
        return None
    if not app.save(changed, step.action):
        return None
    app.notify(f"{title or step.label}: saved.", timeout=4)
    saved: Decision = changed
    return saved
