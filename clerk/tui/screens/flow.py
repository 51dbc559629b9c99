"""Taking one lifecycle step: the form, a confirmation when final, then the save.

Called from `@work` methods of the decision and meeting screens (it awaits screens).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from clerk.domain.decision import Decision
from clerk.tui.screens.confirm import ConfirmScreen
from clerk.tui.screens.forms.engine import FormScreen
from clerk.tui.screens.forms.specs import STEPS

if TYPE_CHECKING:
    from clerk.tui.app import ClerkApp


async def take_step(app: ClerkApp, decision: Decision, move_id: str,
                    initial: dict[str, Any] | None = None) -> Decision | None:
    """Run the step's form; returns the saved decision, or None if nothing was saved."""
    refused = app.refusals(decision).get(move_id)
    if refused:
        app.notify(refused, title="Not allowed now", severity="warning", timeout=8)
        return None
    step = STEPS[move_id]
    ctx = app.ctx()
    start = step.initial(decision, ctx) | (initial or {})
    typed: dict[str, Any] = {}  # what the clerk typed: the move is re-run on save
    form = FormScreen(f"{step.title} · {decision.ref}", step.fields,
                      lambda values: step.apply(decision, typed.update(values) or values, ctx),
                      start, intro=decision.title)
    changed = await app.push_screen_wait(form)
    if changed is None:
        return None
    if step.confirm and not await app.push_screen_wait(
        ConfirmScreen(step.confirm, f"{decision.ref} {decision.title}")
    ):
        app.notify("Not saved.", timeout=4)
        return None
    if not app.save(changed, step.journal, lambda fresh: step.apply(fresh, typed, ctx)):
        return None
    app.notify(f"{step.title}: saved.", timeout=4)
    saved: Decision = changed
    return saved
