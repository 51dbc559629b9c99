"""Taking one lifecycle step: the form, a confirmation when final, then the save.

Called from `@work` methods of the decision and meeting screens (it awaits screens).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from clerk.domain.decision import Decision
from clerk.tui.screens.confirm import ConfirmScreen
from clerk.tui.screens.forms.engine import Draft, FormScreen
from clerk.tui.screens.forms.specs import STEPS

if TYPE_CHECKING:
    from clerk.tui.app import ClerkApp

# Asked before saving a step the rulebook does not ask about itself.
CONFIRM = {
    "decide": "Record the decision? Once the record is published its elements can never "
              "be edited (a correction needs a fresh decision).",
}


def step_form(app: ClerkApp, decision: Decision, move_id: str,
              initial: dict[str, Any] | None = None) -> FormScreen:
    """The form for one step of `decision`, filled with what it holds already."""
    step = STEPS[move_id]
    ctx = app.ctx()
    draft = app.drafts.get(decision.ref, move_id)
    start = step.initial(decision, ctx) | (draft or {}) | (initial or {})
    intro = decision.title + ("\n(Your draft, kept earlier: nothing of it is recorded yet.)"
                              if draft else "")
    return FormScreen(f"{step.title} · {decision.ref}", step.fields,
                      lambda values: step.apply(decision, values, ctx), start,
                      intro=intro, drafts=True)


async def take_step(app: ClerkApp, decision: Decision, move_id: str,
                    initial: dict[str, Any] | None = None) -> Decision | None:
    """Run the step's form; returns the saved decision, or None if nothing was saved."""
    refusals = app.refusals(decision)
    if refusals.get(move_id):
        app.refuse_key(move_id, refusals)
        return None
    step = STEPS[move_id]
    typed = initial
    while True:  # a save that fails opens the form again with what was typed
        form = step_form(app, decision, move_id, typed)
        changed = await app.push_screen_wait(form)
        if changed is None:
            return None
        if isinstance(changed, Draft):
            app.drafts.keep(decision.ref, move_id, changed)
            app.notify(f"{step.title}: kept as a draft for {decision.ref}. Nothing is "
                       "recorded; the step's key opens it again.", timeout=8)
            if app.drafts.problem:
                app.notify(app.drafts.problem, severity="warning", timeout=10)
            return None
        question = step.confirm or CONFIRM.get(move_id, "")
        if question and not await app.push_screen_wait(
            ConfirmScreen(question, f"{decision.ref} {decision.title}")
        ):
            typed = form.last_values  # not saved: back to the form, nothing lost
            continue
        if app.save(changed, step.journal):
            break
        typed = form.last_values
    app.drafts.drop(decision.ref, move_id)
    app.notify(f"{step.title}: saved.", timeout=4)
    saved: Decision = changed
    return saved
