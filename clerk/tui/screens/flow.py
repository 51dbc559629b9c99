"""Taking one lifecycle step: the form, a confirmation when final, then the save.

The step (fields, gate, move, journal action) is the domain's, from `clerk.domain.steps`.
`take_step` is called from `@work` methods of the screens (it awaits screens).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from clerk.domain import steps
from clerk.domain.decision import Decision
from clerk.domain.guards import Refused
from clerk.tui.screens.confirm import ConfirmScreen
from clerk.tui.screens.forms.engine import Draft, FormScreen

if TYPE_CHECKING:
    from clerk.tui.app import ClerkApp


class StepForm:
    """One step's form before it is on screen: why it is refused now (None when it is not),
    the fields shown, what they start with (a draft the clerk kept, if any), what saving
    makes and the journal action."""

    def __init__(self, app: ClerkApp, decision: Decision, move_id: str,
                 initial: dict[str, Any] | None = None,
                 fixed: dict[str, Any] | None = None) -> None:
        self.refused = app.refusals(decision).get(move_id)
        self.move_id = move_id
        self.step = steps.STEPS[move_id]
        self.decision = decision
        self.ctx = app.ctx()
        self.fixed = fixed or {}  # taken as given and not shown (which comment is answered)
        draft = app.drafts.get(decision.ref, move_id)
        self.from_draft = draft is not None
        self.start = self.step.start(decision, self.ctx) | (draft or {}) | (initial or {})
        self.fields = [f for f in self.step.fields if f.name not in self.fixed]
        self.taken: dict[str, Any] = {}

    def submit(self, values: dict[str, Any]) -> Decision:
        """The changed decision, or `Refused` (the form shows it and stays open)."""
        self.taken = {**values, **self.fixed}
        return steps.take(self.move_id, self.decision, self.taken, self.ctx)

    def again(self, latest: Decision) -> Decision:
        """The same step with what was typed, taken on the latest version of the decision
        (another clerk may have saved since the form opened)."""
        return steps.take(self.move_id, latest, self.taken, self.ctx)

    def refill(self, name: str, value: Any) -> dict[str, Any]:
        """A choice made: what the fields that follow from it now start from."""
        if self.step.refill is None:
            return {}
        return self.step.refill(self.decision, self.ctx, name, value)

    @property
    def action(self) -> str:
        return self.step.action_for(self.taken)

    def screen(self, title: str = "", intro: str | None = None) -> FormScreen:
        """The form on screen: the step's fields, starting from what it holds already."""
        shown = self.decision.title if intro is None else intro
        if self.from_draft:
            shown += "\n(Your draft, kept earlier: nothing of it is recorded yet.)"
        return FormScreen(f"{title or self.step.label} · {self.decision.ref}", self.fields,
                          self.submit, self.start, intro=shown, refill=self.refill,
                          drafts=True)


async def take_step(app: ClerkApp, decision: Decision, move_id: str,
                    initial: dict[str, Any] | None = None, *,
                    fixed: dict[str, Any] | None = None, title: str = "",
                    intro: str | None = None) -> Decision | None:
    """Run the step's form; returns the saved decision, or None if nothing was saved.

    A refused step says why and what is open instead; a save that fails, or a confirmation
    answered no, opens the form again with what was typed; F2 keeps it as a draft."""
    refusals = app.refusals(decision)
    if refusals.get(move_id):
        app.refuse_key(move_id, refusals)
        return None
    typed = initial
    while True:
        form = StepForm(app, decision, move_id, typed, fixed)
        step = form.step
        if not form.fields:  # nothing to type: the confirmation is the whole step
            return await _take_without_form(app, form, title)
        screen = form.screen(title, intro)
        changed = await app.push_screen_wait(screen)
        if changed is None:
            return None
        if isinstance(changed, Draft):
            app.drafts.keep(decision.ref, move_id, changed)
            app.notify(f"{title or step.label}: kept as a draft for {decision.ref}. Nothing "
                       "is recorded; the step's key opens it again.", timeout=8)
            if app.drafts.problem:
                app.notify(app.drafts.problem, severity="warning", timeout=10)
            return None
        if step.confirm and not await app.push_screen_wait(
            ConfirmScreen(step.confirm, f"{decision.ref} {decision.title}")
        ):
            typed = screen.last_values  # not saved: back to the form, nothing lost
            continue
        if app.save(changed, form.action, form.again):
            break
        typed = screen.last_values
    app.drafts.drop(decision.ref, move_id)
    app.notify(f"{title or step.label}: saved.", timeout=4)
    saved: Decision = changed
    return saved


async def _take_without_form(app: ClerkApp, form: StepForm, title: str) -> Decision | None:
    step, decision = form.step, form.decision
    question = step.confirm or f"{step.label}: {step.help}"
    if not await app.push_screen_wait(ConfirmScreen(question, f"{decision.ref} {decision.title}")):
        return None
    try:
        changed = form.submit({})
    except Refused as refused:
        app.notify(refused.reason, severity="error", timeout=10)
        return None
    if not app.save(changed, form.action, form.again):
        return None
    app.notify(f"{title or step.label}: saved.", timeout=4)
    return changed
